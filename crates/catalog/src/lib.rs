//! The curriculum as files: reads `projects-catalog/` (format in its README.md), checks
//! it and syncs it into the database. Checking never stops at the first problem; each
//! problem names its file and line (`path:line: message`).

mod check;
mod content;
pub mod files;
mod load;
pub mod sync;

pub use load::Source;
pub use sync::{sync, SyncReport};

use content::hex_sha256;
use files::{CursusFile, ProjectFile, SheetFile};
use load::is_valid_slug;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

impl Problem {
    pub fn new(path: &Path, line: usize, message: impl Into<String>) -> Problem {
        Problem {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

/// A checked catalog.
#[derive(Debug)]
pub struct Catalog {
    pub root: PathBuf,
    pub projects: Vec<Project>,
    pub cursus: Vec<Cursus>,
    /// The level table of `levels.toml` (checked), when the catalog has one.
    pub levels: Option<qadam_domain::LevelTable>,
    /// Folders whose project.toml did not parse: their own problem is reported, and
    /// references to them are not reported again as unknown.
    pub(crate) unreadable: BTreeSet<String>,
}

#[derive(Debug)]
pub struct Project {
    pub dir: PathBuf,
    pub source: Source,
    pub file: ProjectFile,
    /// Markdown by two-letter language code.
    pub subjects: BTreeMap<String, String>,
    pub sheet: Option<(Source, SheetFile)>,
    /// The files of `tests/`, which only the grader sees.
    pub hidden_files: BTreeMap<String, String>,
}

impl Project {
    pub fn solution_dir(&self) -> PathBuf {
        self.dir.join("solution")
    }

    /// Every solution the self-check grades: the reference, the known-right variants
    /// (`right/<name>/`) and the known-wrong ones (`wrong/<mistake>/`), each variant laid
    /// over the reference.
    pub fn solutions(&self) -> Vec<Solution> {
        let reference = self.solution_dir();
        let mut solutions = vec![Solution {
            name: "solution".to_string(),
            layers: vec![reference.clone()],
            expected: Expected::Pass,
        }];
        for (folder, wrong) in [("right", false), ("wrong", true)] {
            for dir in load::sorted_entries(&self.dir.join(folder)) {
                if !dir.is_dir() {
                    continue;
                }
                let name = load::file_name(&dir);
                let expected = match self.file.wrong.get(&name).filter(|_| wrong) {
                    Some(declared) => Expected::Fail {
                        status: *declared.get_ref().status.get_ref(),
                        test: declared
                            .get_ref()
                            .test
                            .as_ref()
                            .map(|t| t.get_ref().clone()),
                    },
                    None if wrong => continue, // reported by the check
                    None => Expected::Pass,
                };
                solutions.push(Solution {
                    name: format!("{folder}/{name}"),
                    layers: vec![reference.clone(), dir],
                    expected,
                });
            }
        }
        solutions
    }
}

/// A solution of a project's self-check and the verdict it must get.
#[derive(Debug, Clone)]
pub struct Solution {
    /// `solution`, `right/<name>` or `wrong/<mistake>`.
    pub name: String,
    /// The reference folder, then the variant's folder laid over it.
    pub layers: Vec<PathBuf>,
    pub expected: Expected,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    Pass,
    /// The run ends with `status`; `test`, when given, is among the tests not passed.
    Fail {
        status: qadam_grader::Status,
        test: Option<String>,
    },
}

#[derive(Debug)]
pub struct Cursus {
    pub source: Source,
    pub file: CursusFile,
}

impl Cursus {
    pub fn slug(&self) -> &str {
        self.file.slug.get_ref()
    }

    pub fn content_hash(&self) -> String {
        hex_sha256(self.source.text.as_bytes())
    }

    /// The cursus's name, summary and stage names in other languages.
    pub fn translations(&self) -> qadam_domain::curriculum::CursusTranslations {
        let map = |names: &Option<toml::Spanned<BTreeMap<String, String>>>| {
            names
                .as_ref()
                .map(|n| n.get_ref().clone())
                .unwrap_or_default()
        };
        qadam_domain::curriculum::CursusTranslations {
            names: map(&self.file.names),
            summaries: map(&self.file.summaries),
            stages: self
                .file
                .stages
                .get_ref()
                .iter()
                .map(|s| map(&s.names))
                .collect(),
        }
    }
}

impl Catalog {
    /// Reads and checks the whole catalog under `root`. `images_root` (the
    /// `grader-images/` folder), when given, is used to check that each image exists.
    pub fn load(root: &Path, images_root: Option<&Path>) -> Result<Catalog, Vec<Problem>> {
        let images = match images_root {
            Some(images_root) => match qadam_grader::images::image_names(images_root) {
                Ok(names) => Some(names.into_iter().collect::<BTreeSet<_>>()),
                Err(err) => return Err(vec![Problem::new(images_root, 1, err.to_string())]),
            },
            None => None,
        };
        let mut problems = Vec::new();
        let catalog = load::read_catalog(root, images.as_ref(), &mut problems);
        check::check_references(&catalog, &mut problems);
        if problems.is_empty() {
            Ok(catalog)
        } else {
            problems.sort();
            problems.dedup();
            Err(problems)
        }
    }

    pub fn project(&self, slug: &str) -> Option<&Project> {
        self.projects.iter().find(|p| p.slug() == slug)
    }
}

/// Reads one project by slug (its folder is `<root>/<group>/<slug>`) without checking
/// the rest of the catalog: what `qadam grade` needs to try one exercise.
pub fn load_project(root: &Path, slug: &str) -> Result<Project, Vec<Problem>> {
    let found = std::fs::read_dir(root)
        .map_err(|err| vec![Problem::new(root, 1, format!("cannot read: {err}"))])?
        .filter_map(|e| e.ok())
        .map(|group| group.path().join(slug))
        .find(|dir| dir.join("project.toml").is_file());
    let Some(dir) = found.filter(|_| is_valid_slug(slug)) else {
        return Err(vec![Problem::new(
            root,
            1,
            format!(
                "no project \"{slug}\" (looked for {}/*/{slug}/project.toml)",
                root.display()
            ),
        )]);
    };
    let mut problems = Vec::new();
    load::report_symlinks(&dir, &mut problems);
    let project = load::read_project(&dir, None, &mut problems);
    match project {
        Some(project) if problems.is_empty() => Ok(project),
        _ => Err(problems),
    }
}
