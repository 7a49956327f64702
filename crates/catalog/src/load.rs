//! Reading the catalog's folders and checking each file on its own. Every problem names
//! its file and line; loading goes on after a problem so that one run reports them all.

use crate::files::{CursusFile, GraderConfig, ProjectFile, SheetFile};
use crate::{Catalog, Cursus, Problem, Project};
use qadam_domain::ProjectKind;
use qadam_grader::Status;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A file's text, kept to turn byte offsets into line numbers.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
}

impl Source {
    pub fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1
    }

    pub fn problem(&self, span: Range<usize>, message: impl Into<String>) -> Problem {
        Problem::new(&self.path, self.line_of(span.start), message)
    }

    /// Parses the whole file; a syntax error, a wrong type or an unknown key becomes a
    /// problem on the line the TOML parser points at.
    fn parse<T: serde::de::DeserializeOwned>(&self, problems: &mut Vec<Problem>) -> Option<T> {
        match toml::from_str::<T>(&self.text) {
            Ok(value) => Some(value),
            Err(err) => {
                let line = err.span().map_or(1, |span| self.line_of(span.start));
                let message = err.message().trim().replace('\n', " ");
                problems.push(Problem::new(&self.path, line, message));
                None
            }
        }
    }
}

fn read_source(path: &Path, problems: &mut Vec<Problem>) -> Option<Source> {
    if is_symlink(path) {
        problems.push(Problem::new(path, 1, SYMLINK_PROBLEM));
        return None;
    }
    match std::fs::read_to_string(path) {
        Ok(text) => Some(Source {
            path: path.to_path_buf(),
            text,
        }),
        Err(err) => {
            problems.push(Problem::new(path, 1, format!("cannot read: {err}")));
            None
        }
    }
}

/// Lowercase letters and digits in words joined by single dashes, at most 64 characters.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 64
        && slug.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A plain file name: no folder, no `..`, nothing hidden.
fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty() && !name.contains(['/', '\\']) && !name.starts_with('.')
}

/// The entries of `dir`, sorted, symbolic links left out (see [`report_symlinks`]).
pub(crate) fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|read| read.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.retain(|path| !is_symlink(path));
    entries.sort();
    entries
}

fn is_symlink(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink())
}

const SYMLINK_PROBLEM: &str = "a symbolic link: the catalog holds only plain files and folders \
    (a link would publish or grade whatever it points to)";

/// Every symbolic link under `dir` is a problem: a subject or a test file linked to a
/// file of the host would otherwise be read, published or sent to the grader.
pub(crate) fn report_symlinks(dir: &Path, problems: &mut Vec<Problem>) {
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let Ok(read) = std::fs::read_dir(&folder) else {
            continue;
        };
        for path in read.filter_map(|e| e.ok()).map(|e| e.path()) {
            match std::fs::symlink_metadata(&path) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    problems.push(Problem::new(&path, 1, SYMLINK_PROBLEM));
                }
                Ok(meta) if meta.is_dir() => pending.push(path),
                _ => {}
            }
        }
    }
}

pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// Reads every cursus file and project folder under `root`, checking each on its own.
/// `images` lists the grader images that exist, when known.
pub fn read_catalog(
    root: &Path,
    images: Option<&BTreeSet<String>>,
    problems: &mut Vec<Problem>,
) -> Catalog {
    let mut catalog = Catalog {
        root: root.to_path_buf(),
        projects: Vec::new(),
        cursus: Vec::new(),
        levels: None,
        unreadable: BTreeSet::new(),
    };
    if !root.is_dir() {
        problems.push(Problem::new(root, 1, "not a folder"));
        return catalog;
    }
    let levels = root.join("levels.toml");
    if levels.exists() {
        catalog.levels = read_levels(&levels, problems);
    }
    report_symlinks(root, problems);
    for group in sorted_entries(root) {
        let name = file_name(&group);
        if !group.is_dir() || name.starts_with('.') {
            continue;
        }
        if name == "cursus" {
            for path in sorted_entries(&group) {
                if path.extension().is_some_and(|ext| ext == "toml") {
                    catalog.cursus.extend(read_cursus(&path, problems));
                } else if !file_name(&path).starts_with('.') {
                    problems.push(Problem::new(
                        &path,
                        1,
                        "cursus/ holds only <slug>.toml files",
                    ));
                }
            }
            continue;
        }
        for dir in sorted_entries(&group) {
            if dir.is_dir() && !file_name(&dir).starts_with('.') {
                match read_project(&dir, images, problems) {
                    Some(project) => catalog.projects.push(project),
                    None => {
                        catalog.unreadable.insert(file_name(&dir));
                    }
                }
            }
        }
    }
    catalog.projects.sort_by(|a, b| a.slug().cmp(b.slug()));
    catalog
}

fn read_levels(path: &Path, problems: &mut Vec<Problem>) -> Option<qadam_domain::LevelTable> {
    let source = read_source(path, problems)?;
    let file: crate::files::LevelsFile = source.parse(problems)?;
    match qadam_domain::LevelTable::new(file.xp.get_ref().clone()) {
        Ok(table) => Some(table),
        Err(message) => {
            problems.push(source.problem(file.xp.span(), message));
            None
        }
    }
}

/// Translations are keyed by two-letter language codes and never empty.
fn check_translations(
    source: &Source,
    names: &Option<toml::Spanned<BTreeMap<String, String>>>,
    field: &str,
    problems: &mut Vec<Problem>,
) {
    let Some(names) = names else { return };
    for (code, text) in names.get_ref() {
        let two_letters = code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase());
        if !two_letters || text.trim().is_empty() {
            problems.push(source.problem(
                names.span(),
                format!("{field}: \"{code}\" must be a two-letter language code with a text"),
            ));
        }
    }
}

fn read_cursus(path: &Path, problems: &mut Vec<Problem>) -> Option<Cursus> {
    let source = read_source(path, problems)?;
    let file: CursusFile = source.parse(problems)?;
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    if file.slug.get_ref() != &*stem {
        problems.push(source.problem(
            file.slug.span(),
            format!(
                "slug \"{}\" must be the file's name \"{stem}\"",
                file.slug.get_ref()
            ),
        ));
    }
    if file.stages.get_ref().is_empty() {
        problems.push(source.problem(file.stages.span(), "a cursus needs at least one stage"));
    }
    let stage_names = file
        .stages
        .get_ref()
        .iter()
        .map(|stage| (&stage.names, "names"));
    for (names, field) in [(&file.names, "names"), (&file.summaries, "summaries")]
        .into_iter()
        .chain(stage_names)
    {
        check_translations(&source, names, field, problems);
    }
    Some(Cursus { source, file })
}

/// Reads one project folder. Returns the project whenever its `project.toml` parsed, so
/// that cross-project checks can still run; its own problems are in `problems`.
pub fn read_project(
    dir: &Path,
    images: Option<&BTreeSet<String>>,
    problems: &mut Vec<Problem>,
) -> Option<Project> {
    let path = dir.join("project.toml");
    if !path.is_file() {
        problems.push(Problem::new(
            dir,
            1,
            "no project.toml: every project folder needs one (see projects-catalog/README.md)",
        ));
        return None;
    }
    let source = read_source(&path, problems)?;
    let file: ProjectFile = source.parse(problems)?;
    let folder = file_name(dir);
    let slug = file.slug.get_ref();
    if !is_valid_slug(slug) {
        problems.push(source.problem(
            file.slug.span(),
            format!("slug \"{slug}\": use lowercase letters, digits and single dashes"),
        ));
    } else if *slug != folder {
        problems.push(source.problem(
            file.slug.span(),
            format!("slug \"{slug}\" must be the folder's name \"{folder}\""),
        ));
    }
    check_translations(&source, &file.names, "names", problems);
    for (field, value) in [("name", &file.name), ("summary", &file.summary)] {
        if value.get_ref().trim().is_empty() {
            problems.push(source.problem(value.span(), format!("{field} must not be empty")));
        }
    }
    check_rules(&source, &file, problems);
    let subjects = read_subjects(dir, &source, &file, problems);
    let sheet = read_sheet(dir, &source, &file, problems);
    let hidden_files = match &file.grader {
        Some(grader) => check_grader(dir, &source, &file, grader.get_ref(), images, problems),
        None => {
            if let Some(test) = file.tests.first() {
                problems.push(source.problem(test.span(), "tests need a [grader] section"));
            }
            BTreeMap::new()
        }
    };
    Some(Project {
        dir: dir.to_path_buf(),
        source,
        file,
        subjects,
        sheet,
        hidden_files,
    })
}

fn check_rules(source: &Source, file: &ProjectFile, problems: &mut Vec<Problem>) {
    let kind = *file.kind.get_ref();
    if let Some(team) = &file.team {
        let size = team.get_ref();
        if size.min < 1 || size.min > size.max || size.max > 10 {
            problems.push(source.problem(
                team.span(),
                format!(
                    "team size {}..{}: need 1 <= min <= max <= 10",
                    size.min, size.max
                ),
            ));
        } else if kind.is_solo_only() && size.max > 1 {
            problems.push(source.problem(
                team.span(),
                format!("an {} is solo: team max must be 1", kind.as_str()),
            ));
        }
    }
    if let Some(min_mark) = &file.rules.min_mark {
        if *min_mark.get_ref() > qadam_domain::curriculum::MAX_MARK {
            problems.push(source.problem(
                min_mark.span(),
                format!(
                    "min_mark {} is above the highest mark, 125",
                    min_mark.get_ref()
                ),
            ));
        }
    }
    let peers = file.peers();
    if let Some(rule) = &file.rules.final_mark {
        use qadam_domain::FinalMarkRule;
        match parse_final_mark(rule.get_ref()) {
            None => problems.push(source.problem(
                rule.span(),
                format!(
                    "final_mark {:?}: one of \"grader\", \"peers\", \"min\"",
                    rule.get_ref()
                ),
            )),
            Some(FinalMarkRule::Grader) if file.grader.is_none() && kind != ProjectKind::Exam => {
                problems.push(source.problem(
                    rule.span(),
                    "final_mark \"grader\" needs a [grader] with tests",
                ))
            }
            Some(FinalMarkRule::Peers | FinalMarkRule::Min) if peers == 0 => {
                problems.push(source.problem(
                    rule.span(),
                    format!(
                        "final_mark {:?} needs peer evaluations ([evaluation] peers > 0)",
                        rule.get_ref()
                    ),
                ))
            }
            Some(FinalMarkRule::Min) if file.grader.is_none() => problems.push(source.problem(
                rule.span(),
                "final_mark \"min\" needs a [grader] with tests as well as peers",
            )),
            _ => {}
        }
    }
    if let Some(evaluation) = &file.evaluation {
        let e = evaluation.get_ref();
        if *e.peers.get_ref() > 5 {
            problems.push(source.problem(e.peers.span(), "at most 5 peer evaluations"));
        }
        if !(5..=240).contains(&e.duration_minutes) {
            problems.push(source.problem(
                evaluation.span(),
                "duration_minutes must be between 5 and 240",
            ));
        }
    }
    match (kind, &file.exam) {
        (ProjectKind::Exam, None) => {
            problems.push(source.problem(file.kind.span(), "an exam needs an [exam] section"))
        }
        (ProjectKind::Exam, Some(exam)) => {
            if file.grader.is_some() || peers > 0 {
                problems.push(source.problem(
                    file.kind.span(),
                    "an exam is graded through its exercises: no [grader] and no peers",
                ));
            }
            if exam.get_ref().levels.get_ref().is_empty() {
                problems.push(source.problem(
                    exam.get_ref().levels.span(),
                    "an exam needs at least one level",
                ));
            }
        }
        (_, Some(exam)) => problems.push(source.problem(
            exam.span(),
            format!(
                "[exam] belongs to kind = \"exam\", not \"{}\"",
                kind.as_str()
            ),
        )),
        (_, None) => {
            if file.grader.is_none() && peers == 0 {
                problems.push(source.problem(
                    file.kind.span(),
                    "nothing would grade this project: add a [grader] or [evaluation] peers > 0",
                ));
            }
        }
    }
}

/// `subject.<language>.md` files, by language.
fn read_subjects(
    dir: &Path,
    source: &Source,
    file: &ProjectFile,
    problems: &mut Vec<Problem>,
) -> BTreeMap<String, String> {
    let mut subjects = BTreeMap::new();
    for path in sorted_entries(dir) {
        let name = file_name(&path);
        if !name.starts_with("subject") {
            continue;
        }
        let language = name
            .strip_prefix("subject.")
            .and_then(|rest| rest.strip_suffix(".md"))
            .filter(|code| code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()));
        let Some(language) = language else {
            problems.push(Problem::new(
                &path,
                1,
                "a subject is named subject.<language>.md with a two-letter code (en, ru, kk, fr...)",
            ));
            continue;
        };
        if let Some(text) = read_source(&path, problems) {
            if text.text.trim().is_empty() {
                problems.push(Problem::new(&path, 1, "the subject is empty"));
            }
            subjects.insert(language.to_string(), text.text);
        }
    }
    let (language, span) = match &file.default_language {
        Some(language) => (language.get_ref().as_str(), language.span()),
        None => ("en", file.slug.span()),
    };
    match subjects.get(language) {
        None => problems.push(source.problem(
            span,
            format!("no subject in the default language: add subject.{language}.md"),
        )),
        Some(original) => {
            // A translation changes the prose, never the code a student types or reads.
            let expected = code_blocks(original);
            for (other, text) in subjects.iter().filter(|(l, _)| l.as_str() != language) {
                let found = code_blocks(text);
                if found != expected {
                    let differing = expected
                        .iter()
                        .zip(&found)
                        .position(|(a, b)| a != b)
                        .unwrap_or(expected.len().min(found.len()));
                    problems.push(Problem::new(
                        &dir.join(format!("subject.{other}.md")),
                        1,
                        format!(
                            "its code blocks differ from subject.{language}.md's ({} against {} \
                             blocks; the first difference is block {}): a translation keeps \
                             every code block byte for byte",
                            found.len(),
                            expected.len(),
                            differing + 1
                        ),
                    ));
                }
            }
        }
    }
    subjects
}

/// The fenced code blocks of a Markdown text, in order, fences included.
pub(crate) fn code_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        match &mut current {
            None if trimmed.starts_with("```") || trimmed.starts_with("~~~") => {
                current = Some((trimmed[..3].to_string(), format!("{line}\n")));
            }
            None => {}
            Some((fence, block)) => {
                block.push_str(line);
                block.push('\n');
                if trimmed.starts_with(fence.as_str()) && trimmed.trim_end() == fence.as_str() {
                    blocks.push(std::mem::take(block));
                    current = None;
                }
            }
        }
    }
    if let Some((_, block)) = current {
        blocks.push(block);
    }
    blocks
}

fn read_sheet(
    dir: &Path,
    source: &Source,
    file: &ProjectFile,
    problems: &mut Vec<Problem>,
) -> Option<(Source, SheetFile)> {
    let path = dir.join("sheet.toml");
    let peers = file.peers();
    if !path.exists() {
        let peers_field = file.evaluation.as_ref().map(|e| &e.get_ref().peers);
        if let Some(peers_field) = peers_field.filter(|_| peers > 0) {
            problems.push(source.problem(
                peers_field.span(),
                format!("{peers} peer evaluations need a grading sheet: add sheet.toml"),
            ));
        }
        return None;
    }
    let sheet_source = read_source(&path, problems)?;
    let sheet: SheetFile = sheet_source.parse(problems)?;
    if peers == 0 {
        problems.push(Problem::new(
            &path,
            1,
            "a grading sheet without peer evaluations: set [evaluation] peers > 0 in project.toml",
        ));
    }
    check_sheet(&sheet_source, &sheet, problems);
    Some((sheet_source, sheet))
}

fn check_sheet(source: &Source, sheet: &SheetFile, problems: &mut Vec<Problem>) {
    let mut seen_flags = BTreeSet::new();
    for flag in &sheet.flags {
        if !seen_flags.insert(*flag.get_ref()) {
            problems.push(source.problem(flag.span(), "this flag is listed twice"));
        }
    }
    if sheet.sections.get_ref().is_empty() {
        problems.push(source.problem(
            sheet.sections.span(),
            "a grading sheet needs at least one section",
        ));
    }
    let mut standard = 0;
    for section in sheet.sections.get_ref() {
        if section.questions.is_empty() {
            problems.push(source.problem(
                section.name.span(),
                format!("section \"{}\" has no question", section.name.get_ref()),
            ));
        }
        let mut texts = BTreeSet::new();
        for question in &section.questions {
            let text = question.text.get_ref().trim();
            if text.is_empty() {
                problems.push(source.problem(question.text.span(), "a question needs a text"));
            } else if !texts.insert(text) {
                problems.push(source.problem(
                    question.text.span(),
                    "this question appears twice in its section",
                ));
            }
            standard += usize::from(!question.bonus);
        }
    }
    if standard == 0 && !sheet.sections.get_ref().is_empty() {
        problems.push(source.problem(
            sheet.sections.span(),
            "the sheet has only bonus questions: at least one must be standard",
        ));
    }
}

/// Checks the grader config and reads the hidden files of `tests/`.
fn check_grader(
    dir: &Path,
    source: &Source,
    file: &ProjectFile,
    grader: &GraderConfig,
    images: Option<&BTreeSet<String>>,
    problems: &mut Vec<Problem>,
) -> BTreeMap<String, String> {
    let span = file.grader.as_ref().map(|g| g.span()).unwrap_or_default();
    if let Some(images) = images {
        if !images.contains(grader.image.get_ref()) {
            problems.push(source.problem(
                grader.image.span(),
                format!(
                    "no grader image \"{}\" in grader-images/ (have: {})",
                    grader.image.get_ref(),
                    images.iter().cloned().collect::<Vec<_>>().join(", ")
                ),
            ));
        }
    }
    if let Some(valgrind) = grader.valgrind.as_ref().filter(|v| *v.get_ref()) {
        if grader.image.get_ref() != "c" {
            problems.push(source.problem(
                valgrind.span(),
                "valgrind applies to C projects (image = \"c\") only",
            ));
        }
    }
    if let Some(imports) = &grader.allowed_imports {
        if grader.image.get_ref() != "go" {
            problems.push(source.problem(
                imports.span(),
                "allowed_imports applies to Go projects (image = \"go\") only",
            ));
        }
    }
    if let Some(sanitize) = grader.sanitize.as_ref().filter(|s| !s.get_ref().is_empty()) {
        if grader.image.get_ref() != "c" {
            problems.push(source.problem(
                sanitize.span(),
                "sanitize applies to C projects (image = \"c\") only",
            ));
        } else if grader.valgrind() {
            problems.push(source.problem(
                sanitize.span(),
                "choose valgrind or sanitize: valgrind cannot run a sanitized program",
            ));
        }
    }
    if let Some(budget) = &grader.time_budget_ms {
        let wall_ms = grader
            .limits
            .as_ref()
            .and_then(|l| l.wall_seconds)
            .unwrap_or(60)
            * 1000;
        let test_ms = grader.timeout_ms.as_ref().map_or(2000, |t| *t.get_ref())
            * if grader.valgrind() { 5 } else { 1 };
        if *budget.get_ref() < 1000 || budget.get_ref() + test_ms.min(10_000) + 20_000 > wall_ms {
            problems.push(source.problem(
                budget.span(),
                format!(
                    "time_budget_ms must be at least 1000 and leave the build (20 s) and one more \
                     test room within the run's {} s (limits.wall_seconds)",
                    wall_ms / 1000
                ),
            ));
        }
    }
    let required = grader.required_files.get_ref();
    if required.is_empty() {
        problems.push(source.problem(
            grader.required_files.span(),
            "required_files must name at least one file",
        ));
    }
    for name in required {
        if !is_plain_file_name(name) {
            problems.push(source.problem(
                grader.required_files.span(),
                format!("\"{name}\" is not a plain file name"),
            ));
        }
    }
    if let Some(timeout) = &grader.timeout_ms {
        if !(100..=10_000).contains(timeout.get_ref()) {
            problems
                .push(source.problem(timeout.span(), "timeout_ms must be between 100 and 10000"));
        }
    }
    if file.tests.is_empty() {
        problems.push(source.problem(
            span.clone(),
            "a graded project needs at least one [[tests]]",
        ));
    }
    let mut names = BTreeSet::new();
    for test in &file.tests {
        let name = test.get_ref().name.get_ref().trim();
        if name.is_empty() {
            problems.push(source.problem(test.get_ref().name.span(), "a test needs a name"));
        } else if !names.insert(name) {
            problems.push(source.problem(
                test.get_ref().name.span(),
                format!("two tests are named \"{name}\""),
            ));
        }
    }
    let hidden_files = read_hidden_files(&dir.join("tests"), problems);
    for test in &file.tests {
        let test = test.get_ref();
        let name = test.name.get_ref();
        let at = test.name.span();
        if test.expected_stdout.is_some() == test.expected_stdout_file.is_some() {
            problems.push(source.problem(
                at.clone(),
                format!(
                    "test \"{name}\": give expected_stdout or expected_stdout_file (one of them)"
                ),
            ));
        }
        if test.stdin.is_some() && test.stdin_file.is_some() {
            problems.push(source.problem(
                at.clone(),
                format!("test \"{name}\": give stdin or stdin_file, not both"),
            ));
        }
        for file in [&test.stdin_file, &test.expected_stdout_file]
            .into_iter()
            .flatten()
        {
            if !hidden_files.contains_key(file.get_ref()) {
                problems.push(source.problem(
                    file.span(),
                    format!("tests/{} does not exist", file.get_ref()),
                ));
            }
        }
    }
    for harness in &grader.harness {
        if !hidden_files.contains_key(harness.get_ref()) {
            problems.push(source.problem(
                harness.span(),
                format!("harness file tests/{} does not exist", harness.get_ref()),
            ));
        }
    }
    let solution = dir.join("solution");
    if !solution.is_dir() {
        problems.push(source.problem(
            span,
            "a graded project needs a reference solution in solution/",
        ));
    } else {
        for name in required
            .iter()
            .filter(|name| !solution.join(name).is_file())
        {
            problems.push(source.problem(
                grader.required_files.span(),
                format!("the reference solution has no {name}"),
            ));
        }
    }
    check_variants(dir, source, file, problems);
    hidden_files
}

/// `right/<name>/` and `wrong/<mistake>/`: folders holding only the files that differ
/// from `solution/`; every known-wrong one declares in project.toml how it must fail.
fn check_variants(dir: &Path, source: &Source, file: &ProjectFile, problems: &mut Vec<Problem>) {
    let solution = dir.join("solution");
    let mut wrong_names = BTreeSet::new();
    for folder in ["right", "wrong"] {
        for variant in sorted_entries(&dir.join(folder)) {
            if !variant.is_dir() {
                problems.push(Problem::new(
                    &variant,
                    1,
                    format!("{folder}/ holds one folder per solution"),
                ));
                continue;
            }
            let name = file_name(&variant);
            if folder == "wrong" {
                if !file.wrong.contains_key(&name) {
                    problems.push(Problem::new(
                        &variant,
                        1,
                        format!(
                            "declare how this solution must fail in project.toml: \
                             [wrong.{name}] status = \"failed\" (and test = \"...\" if one test shows it)"
                        ),
                    ));
                }
                wrong_names.insert(name);
            }
            check_variant_files(&variant, &solution, problems);
        }
    }
    let test_names: BTreeSet<&str> = file
        .tests
        .iter()
        .map(|t| t.get_ref().name.get_ref().as_str())
        .collect();
    for (name, declared) in &file.wrong {
        let declared_ref = declared.get_ref();
        if !wrong_names.contains(name) {
            problems.push(source.problem(
                declared.span(),
                format!("[wrong.{name}] has no folder wrong/{name}/"),
            ));
        }
        let status = *declared_ref.status.get_ref();
        if matches!(
            status,
            Status::Passed | Status::NotRun | Status::InternalError
        ) {
            problems.push(source.problem(
                declared_ref.status.span(),
                format!(
                    "a known-wrong solution cannot end as {status}: give the status a student \
                     would see (failed, time_limit, crashed, compilation_error...)"
                ),
            ));
        }
        if let Some(test) = &declared_ref.test {
            if !test_names.contains(test.get_ref().as_str()) {
                problems.push(source.problem(
                    test.span(),
                    format!("no test is named \"{}\"", test.get_ref()),
                ));
            } else if matches!(
                status,
                Status::CompilationError | Status::ForbiddenFunction | Status::NormError
            ) {
                problems.push(source.problem(
                    test.span(),
                    format!("a run that ends as {status} runs no test: leave test out"),
                ));
            }
        }
    }
}

/// A variant holds at least one file, and none identical to the reference's.
fn check_variant_files(variant: &Path, solution: &Path, problems: &mut Vec<Problem>) {
    let mut pending = vec![variant.to_path_buf()];
    let mut files = 0;
    while let Some(folder) = pending.pop() {
        for path in sorted_entries(&folder) {
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            files += 1;
            let relative = path.strip_prefix(variant).unwrap_or(&path);
            let reference = solution.join(relative);
            if std::fs::read(&path).ok().is_some_and(|text| {
                std::fs::read(&reference).is_ok_and(|reference| reference == text)
            }) {
                problems.push(Problem::new(
                    &path,
                    1,
                    format!(
                        "identical to solution/{}: a variant holds only the files that differ \
                         from the reference (it is laid over solution/ when graded)",
                        relative.display()
                    ),
                ));
            }
        }
    }
    if files == 0 {
        problems.push(Problem::new(
            variant,
            1,
            "an empty folder: a variant holds the files that differ from solution/",
        ));
    }
}

/// Every file under `tests/`, by path relative to it. They travel to the grader as text.
fn read_hidden_files(tests_dir: &Path, problems: &mut Vec<Problem>) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let mut pending = vec![tests_dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for path in sorted_entries(&dir) {
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            if is_symlink(&path) {
                problems.push(Problem::new(&path, 1, SYMLINK_PROBLEM));
                continue;
            }
            let relative = path.strip_prefix(tests_dir).unwrap_or(&path);
            let name = relative.to_string_lossy().replace('\\', "/");
            if name == "spec.json" {
                problems.push(Problem::new(
                    &path,
                    1,
                    "tests/spec.json is generated from project.toml: move its content there",
                ));
                continue;
            }
            match std::fs::read(&path).map(String::from_utf8) {
                Ok(Ok(text)) => {
                    files.insert(name, text);
                }
                Ok(Err(_)) => problems.push(Problem::new(
                    &path,
                    1,
                    "hidden test files must be UTF-8 text",
                )),
                Err(err) => problems.push(Problem::new(&path, 1, format!("cannot read: {err}"))),
            }
        }
    }
    files
}

/// A `final_mark` value of project.toml.
pub(crate) fn parse_final_mark(text: &str) -> Option<qadam_domain::FinalMarkRule> {
    use qadam_domain::FinalMarkRule;
    [
        FinalMarkRule::Grader,
        FinalMarkRule::Peers,
        FinalMarkRule::Min,
    ]
    .into_iter()
    .find(|rule| rule.as_str() == text)
}
