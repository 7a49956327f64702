//! `Catalog::load` against broken fixtures: a small valid catalog is written to a fresh
//! folder, one mistake is put in, and the check must report exactly that mistake at the
//! right `path:line`.

mod support;

use qadam_catalog::{Catalog, Expected};
use qadam_grader::{Status, Visibility};
use support::{images_root, Fixture, EXAM, HELLO, SHEET};

#[test]
fn the_valid_fixture_has_no_problem() {
    let fixture = Fixture::valid();
    assert_eq!(fixture.problems(Some(&images_root())), Vec::<String>::new());
    let catalog = Catalog::load(&fixture.root, None).unwrap();
    assert_eq!(catalog.projects.len(), 3);
    let hello = catalog.project("hello").unwrap();
    let solutions = hello.solutions();
    assert_eq!(solutions.len(), 2);
    assert_eq!(
        solutions[1].expected,
        Expected::Fail {
            status: Status::Failed,
            test: Some("says hello".into())
        }
    );
    assert_eq!(
        solutions[1].layers,
        [hello.solution_dir(), hello.dir.join("wrong/shouts")],
        "a known-wrong solution is laid over the reference"
    );
    // Hidden tests reach the grader but never the public definition.
    let material = hello.grading_material().unwrap();
    assert_eq!(material.spec.tests.len(), 2);
    assert_eq!(material.spec.tests[1].visibility, Visibility::Hidden);
    assert!(
        material.spec.stop_on_time_limit,
        "min_mark 100: one endless loop ends the run"
    );
    assert_eq!(material.files["check.sh"], "echo checking\n");
    let definition = hello.definition();
    let grader = definition.grader.as_ref().unwrap();
    assert_eq!((grader.hidden_tests, grader.visible_tests.len()), (1, 1));
    let stored = serde_json::to_string(&definition).unwrap();
    assert!(!stored.contains("says it once"));
}

#[test]
fn a_toml_syntax_error_names_its_line() {
    let f = Fixture::valid();
    f.edit("basics/hello/project.toml", "xp = 10", "xp = = 10");
    f.assert_one("basics/hello/project.toml:5:", "");
}

#[test]
fn an_unknown_key_is_an_error() {
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "[rules]\n",
        "[rules]\ncooldown = 3\n",
    );
    f.assert_one("basics/hello/project.toml:9:", "unknown field `cooldown`");
}

#[test]
fn a_wrong_type_names_its_line() {
    let f = Fixture::valid();
    f.edit("basics/hello/project.toml", "xp = 10", "xp = \"ten\"");
    f.assert_one("basics/hello/project.toml:5:", "");
}

#[test]
fn a_missing_field_is_named() {
    let f = Fixture::valid();
    f.edit("basics/hello/project.toml", "name = \"hello\"\n", "");
    f.assert_one("basics/hello/project.toml:", "missing field `name`");
}

#[test]
fn an_unknown_kind_is_an_error() {
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "kind = \"exercise\"",
        "kind = \"homework\"",
    );
    f.assert_one("basics/hello/project.toml:3:", "homework");
}

#[test]
fn the_slug_must_be_the_folder_name() {
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "slug = \"hello\"",
        "slug = \"hallo\"",
    );
    // The cursus and the exam still name "hello", which no longer exists.
    let problems = f.problems(None);
    assert!(
        problems.contains(
            &"basics/hello/project.toml:1: slug \"hallo\" must be the folder's name \"hello\""
                .to_string()
        ),
        "{problems:#?}"
    );
}

#[test]
fn a_slug_with_capitals_is_refused() {
    let f = Fixture::valid();
    f.write(
        "basics/Big/project.toml",
        &HELLO.replace("\"hello\"", "\"Big\""),
    );
    let problems = f.problems(None);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("basics/Big/project.toml:1:") && p.contains("lowercase")),
        "{problems:#?}"
    );
}

#[test]
fn a_duplicate_slug_names_the_first_folder() {
    let f = Fixture::valid();
    f.write("more/hello/project.toml", HELLO);
    f.write("more/hello/subject.en.md", "# hello again\n");
    f.write("more/hello/tests/check.sh", "true\n");
    f.write("more/hello/solution/hello.sh", "echo hello\n");
    f.write("more/hello/wrong/shouts/hello.sh", "echo HELLO\n");
    f.assert_one("more/hello/project.toml:1:", "already used by");
}

#[test]
fn an_unknown_prerequisite_is_an_error() {
    let f = Fixture::valid();
    f.edit(
        "basics/team-up/project.toml",
        "[\"hello\"]",
        "[\"hello\", \"libft\"]",
    );
    f.assert_one(
        "basics/team-up/project.toml:13:",
        "unknown prerequisite \"libft\"",
    );
}

#[test]
fn a_prerequisite_cycle_is_reported_once() {
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "[rules]",
        "[requires]\nprojects = [\"team-up\"]\n\n[rules]",
    );
    let problems = f.problems(None);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].contains("prerequisite cycle: ")
            && problems[0].contains("hello -> team-up -> hello")
            || problems[0].contains("team-up -> hello -> team-up"),
        "{problems:#?}"
    );
}

#[test]
fn team_sizes_are_checked() {
    let f = Fixture::valid();
    f.edit("basics/team-up/project.toml", "min = 2", "min = 4");
    f.assert_one("basics/team-up/project.toml:8:", "team size 4..3");
}

#[test]
fn an_exercise_is_solo() {
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "[rules]",
        "[team]\nmin = 1\nmax = 2\n\n[rules]",
    );
    f.assert_one("basics/hello/project.toml:8:", "solo");
}

#[test]
fn min_mark_cannot_exceed_125() {
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "min_mark = 100",
        "min_mark = 130",
    );
    f.assert_one("basics/hello/project.toml:9:", "above the highest mark");
}

#[test]
fn peer_evaluations_need_a_sheet() {
    let f = Fixture::valid();
    f.remove("basics/team-up/sheet.toml");
    f.assert_one("basics/team-up/project.toml:16:", "need a grading sheet");
}

#[test]
fn a_sheet_needs_peer_evaluations() {
    let f = Fixture::valid();
    f.write("basics/hello/sheet.toml", SHEET);
    f.assert_one("basics/hello/sheet.toml:1:", "without peer evaluations");
}

#[test]
fn an_unknown_flag_is_an_error() {
    let f = Fixture::valid();
    f.edit("basics/team-up/sheet.toml", "\"cheat\"", "\"sloppy\"");
    f.assert_one("basics/team-up/sheet.toml:2:", "sloppy");
}

#[test]
fn a_flag_twice_is_an_error() {
    let f = Fixture::valid();
    f.edit(
        "basics/team-up/sheet.toml",
        "\"concerning\"]",
        "\"concerning\", \"ok\"]",
    );
    f.assert_one("basics/team-up/sheet.toml:2:", "listed twice");
}

#[test]
fn a_sheet_of_bonus_questions_only_is_refused() {
    let f = Fixture::valid();
    f.write(
        "basics/team-up/sheet.toml",
        "[[sections]]\nname = \"Bonus\"\n\n[[sections.questions]]\ntext = \"More?\"\nkind = \"yes-no\"\nbonus = true\n",
    );
    f.assert_one("basics/team-up/sheet.toml:", "only bonus questions");
}

#[test]
fn an_empty_section_is_refused() {
    let f = Fixture::valid();
    f.edit(
        "basics/team-up/sheet.toml",
        "[[sections]]\nname = \"Mandatory\"\n",
        "[[sections]]\nname = \"Empty\"\n\n[[sections]]\nname = \"Mandatory\"\n",
    );
    f.assert_one(
        "basics/team-up/sheet.toml:5:",
        "section \"Empty\" has no question",
    );
}

#[test]
fn a_question_twice_in_a_section_is_refused() {
    let f = Fixture::valid();
    f.edit(
        "basics/team-up/sheet.toml",
        "Can every member explain it?",
        "Does it work?",
    );
    f.assert_one("basics/team-up/sheet.toml:12:", "appears twice");
}

#[test]
fn an_unknown_question_kind_is_an_error() {
    let f = Fixture::valid();
    f.edit(
        "basics/team-up/sheet.toml",
        "kind = \"rating\"",
        "kind = \"stars\"",
    );
    f.assert_one("basics/team-up/sheet.toml:13:", "stars");
}

#[test]
fn a_missing_harness_file_is_named() {
    let f = Fixture::valid();
    f.remove("basics/hello/tests/check.sh");
    f.assert_one(
        "basics/hello/project.toml:14:",
        "tests/check.sh does not exist",
    );
}

#[test]
fn a_graded_project_needs_tests() {
    let f = Fixture::valid();
    let text = HELLO.split("[[tests]]").next().unwrap().to_string();
    f.write("basics/hello/project.toml", &text);
    f.remove("basics/hello/wrong");
    f.assert_one("basics/hello/project.toml:11:", "at least one [[tests]]");
}

#[test]
fn two_tests_with_one_name_are_refused() {
    let f = Fixture::valid();
    f.edit("basics/hello/project.toml", "says it once", "says hello");
    f.assert_one(
        "basics/hello/project.toml:23:",
        "two tests are named \"says hello\"",
    );
}

#[test]
fn the_reference_solution_must_hold_the_required_files() {
    let f = Fixture::valid();
    f.remove("basics/hello/solution/hello.sh");
    f.write("basics/hello/solution/hi.sh", "echo hello\n");
    f.assert_one(
        "basics/hello/project.toml:13:",
        "reference solution has no hello.sh",
    );
}

#[test]
fn a_graded_project_needs_a_reference_solution() {
    let f = Fixture::valid();
    f.remove("basics/hello/solution");
    f.assert_one(
        "basics/hello/project.toml:",
        "reference solution in solution/",
    );
}

#[test]
fn an_unknown_image_is_an_error_when_images_are_known() {
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "image = \"shell\"",
        "image = \"cobol\"",
    );
    assert_eq!(f.problems(None), Vec::<String>::new());
    let problems = f.problems(Some(&images_root()));
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with("basics/hello/project.toml:12: no grader image \"cobol\""),
        "{problems:#?}"
    );
}

#[test]
fn the_default_language_subject_must_exist() {
    let f = Fixture::valid();
    f.remove("basics/hello/subject.en.md");
    f.write("basics/hello/subject.ru.md", "# привет\n");
    f.assert_one("basics/hello/project.toml:1:", "add subject.en.md");
    f.edit(
        "basics/hello/project.toml",
        "kind = \"exercise\"",
        "kind = \"exercise\"\ndefault_language = \"ru\"",
    );
    assert_eq!(f.problems(None), Vec::<String>::new());
}

#[test]
fn a_badly_named_subject_is_an_error() {
    let f = Fixture::valid();
    f.write("basics/hello/subject.english.md", "# hello\n");
    f.assert_one("basics/hello/subject.english.md:1:", "two-letter code");
}

#[test]
fn a_cursus_naming_an_unknown_project_is_an_error() {
    let f = Fixture::valid();
    f.edit(
        "cursus/core.toml",
        "\"team-up\"]",
        "\"team-up\", \"libft\"]",
    );
    f.assert_one("cursus/core.toml:6:", "unknown project \"libft\"");
}

#[test]
fn a_project_twice_in_a_cursus_is_an_error() {
    let f = Fixture::valid();
    f.edit(
        "cursus/core.toml",
        "\"team-up\"]",
        "\"team-up\"]\n\n[[stages]]\nname = \"Week 2\"\nprojects = [\"hello\"]",
    );
    f.assert_one("cursus/core.toml:10:", "appears twice");
}

#[test]
fn a_cursus_slug_must_be_its_file_name() {
    let f = Fixture::valid();
    f.edit(
        "cursus/core.toml",
        "slug = \"core\"",
        "slug = \"common-core\"",
    );
    f.assert_one("cursus/core.toml:1:", "must be the file's name");
}

#[test]
fn exam_levels_name_graded_exercises() {
    let f = Fixture::valid();
    f.edit(
        "exams/exam-one/project.toml",
        "[\"hello\"]",
        "[\"hello\", \"team-up\", \"nope\"]",
    );
    let problems = f.problems(None);
    assert_eq!(
        problems,
        vec![
            "exams/exam-one/project.toml:12: \"team-up\" must be a graded exercise".to_string(),
            "exams/exam-one/project.toml:12: unknown exercise \"nope\"".to_string(),
        ]
    );
}

#[test]
fn an_exam_needs_its_exam_section() {
    let f = Fixture::valid();
    let text = EXAM.split("[exam]").next().unwrap().to_string();
    f.write("exams/exam-one/project.toml", &text);
    f.assert_one("exams/exam-one/project.toml:3:", "needs an [exam] section");
}

#[test]
fn a_folder_without_project_toml_is_reported() {
    let f = Fixture::valid();
    f.write("basics/draft/subject.en.md", "# draft\n");
    f.assert_one("basics/draft:1:", "no project.toml");
}

#[test]
fn a_leftover_spec_json_is_reported() {
    let f = Fixture::valid();
    f.write("basics/hello/tests/spec.json", "{}");
    f.assert_one(
        "basics/hello/tests/spec.json:1:",
        "generated from project.toml",
    );
}

#[test]
fn a_project_nothing_grades_is_refused() {
    let f = Fixture::valid();
    f.remove("basics/team-up/sheet.toml");
    f.edit("basics/team-up/project.toml", "peers = 2", "peers = 0");
    f.assert_one("basics/team-up/project.toml:3:", "nothing would grade");
}

#[test]
fn tests_need_a_grader_section() {
    let f = Fixture::valid();
    f.edit(
        "basics/team-up/project.toml",
        "duration_minutes = 30\n",
        "duration_minutes = 30\n\n[[tests]]\nname = \"x\"\nexpected_stdout = \"\"\n",
    );
    f.assert_one("basics/team-up/project.toml:19:", "need a [grader] section");
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "min_mark = 100",
        "min_mark = 130",
    );
    f.edit(
        "cursus/core.toml",
        "\"team-up\"]",
        "\"team-up\", \"libft\"]",
    );
    f.edit("basics/team-up/sheet.toml", "\"cheat\"", "\"sloppy\"");
    assert_eq!(f.problems(None).len(), 3);
}

#[test]
fn valgrind_is_for_c_projects_only() {
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "timeout_ms = 2000",
        "timeout_ms = 2000\nvalgrind = true",
    );
    f.assert_one(
        "basics/hello/project.toml:16:",
        "valgrind applies to C projects",
    );
}

#[test]
fn a_test_needs_exactly_one_expected_output() {
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "name = \"says it once\"\nexpected_stdout = \"hello\\n\"\n",
        "name = \"says it once\"\n",
    );
    f.assert_one(
        "basics/hello/project.toml:23:",
        "give expected_stdout or expected_stdout_file",
    );
}

#[test]
fn test_files_must_exist_and_are_inlined_in_the_spec() {
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "name = \"says it once\"\nexpected_stdout = \"hello\\n\"\n",
        "name = \"says it once\"\nstdin_file = \"big.in\"\nexpected_stdout_file = \"big.out\"\n",
    );
    f.write("basics/hello/tests/big.out", "hello\n");
    f.assert_one(
        "basics/hello/project.toml:24:",
        "tests/big.in does not exist",
    );
    f.write("basics/hello/tests/big.in", "lots of input\n");
    let catalog = Catalog::load(&f.root, None).unwrap();
    let material = catalog
        .project("hello")
        .unwrap()
        .grading_material()
        .unwrap();
    assert_eq!(
        material.spec.tests[1].stdin.as_deref(),
        Some("lots of input\n")
    );
    assert_eq!(
        material.spec.tests[1].expected_stdout.as_deref(),
        Some("hello\n")
    );
    let sent: Vec<&String> = material.files.keys().collect();
    assert_eq!(sent, vec!["check.sh"], "inlined files are not sent twice");
}

#[test]
fn symbolic_links_are_refused_wherever_they_are() {
    let f = Fixture::valid();
    f.remove("basics/hello/subject.en.md");
    std::os::unix::fs::symlink("/etc/passwd", f.root.join("basics/hello/subject.en.md")).unwrap();
    let problems = f.problems(None);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("basics/hello/subject.en.md:1: a symbolic link")),
        "{problems:#?}"
    );
    assert!(
        !problems.iter().any(|p| p.contains("root:")),
        "the host file was not read: {problems:#?}"
    );
    let f = Fixture::valid();
    std::os::unix::fs::symlink("/etc/hostname", f.root.join("basics/hello/tests/host.txt"))
        .unwrap();
    f.assert_one("basics/hello/tests/host.txt:1:", "a symbolic link");
    let f = Fixture::valid();
    std::os::unix::fs::symlink("/etc", f.root.join("basics/hello/tests/etc")).unwrap();
    f.assert_one("basics/hello/tests/etc:1:", "a symbolic link");
}

#[test]
fn every_known_wrong_solution_declares_how_it_fails() {
    let f = Fixture::valid();
    f.write("basics/hello/wrong/whispers/hello.sh", "echo hi\n");
    f.assert_one(
        "basics/hello/wrong/whispers:1:",
        "[wrong.whispers] status = \"failed\"",
    );
    let f = Fixture::valid();
    f.remove("basics/hello/wrong/shouts");
    f.assert_one(
        "basics/hello/project.toml:26:",
        "[wrong.shouts] has no folder wrong/shouts/",
    );
}

#[test]
fn a_declared_verdict_is_one_a_student_could_see_and_names_a_real_test() {
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "status = \"failed\"",
        "status = \"passed\"",
    );
    f.assert_one("basics/hello/project.toml:27:", "cannot end as passed");
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "status = \"failed\"",
        "status = \"internal_error\"",
    );
    f.assert_one(
        "basics/hello/project.toml:27:",
        "cannot end as internal_error",
    );
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "test = \"says hello\"",
        "test = \"says goodbye\"",
    );
    f.assert_one(
        "basics/hello/project.toml:28:",
        "no test is named \"says goodbye\"",
    );
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "status = \"failed\"",
        "status = \"compilation_error\"",
    );
    f.assert_one(
        "basics/hello/project.toml:28:",
        "runs no test: leave test out",
    );
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "status = \"failed\"",
        "status = \"wrong\"",
    );
    f.assert_one("basics/hello/project.toml:27:", "unknown variant `wrong`");
}

#[test]
fn a_variant_holds_only_the_files_that_differ_from_the_reference() {
    let f = Fixture::valid();
    f.write("basics/hello/solution/lib.sh", "helper\n");
    f.write("basics/hello/wrong/shouts/lib.sh", "helper\n");
    f.assert_one(
        "basics/hello/wrong/shouts/lib.sh:1:",
        "identical to solution/lib.sh",
    );
    let f = Fixture::valid();
    f.remove("basics/hello/wrong/shouts/hello.sh");
    f.assert_one("basics/hello/wrong/shouts:1:", "an empty folder");
    // right/ variants must pass and need no declaration.
    let f = Fixture::valid();
    f.write("basics/hello/right/printf/hello.sh", "printf 'hello\\n'\n");
    assert_eq!(f.problems(None), Vec::<String>::new());
    let catalog = Catalog::load(&f.root, None).unwrap();
    let solutions = catalog.project("hello").unwrap().solutions();
    let names: Vec<(&str, &Expected)> = solutions
        .iter()
        .map(|s| (s.name.as_str(), &s.expected))
        .collect();
    assert_eq!(names[1], ("right/printf", &Expected::Pass));
}

#[test]
fn sanitizers_are_for_c_without_valgrind_and_the_budget_fits_the_run() {
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "timeout_ms = 2000",
        "timeout_ms = 2000\nsanitize = [\"address\"]",
    );
    f.assert_one(
        "basics/hello/project.toml:16:",
        "sanitize applies to C projects",
    );
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "timeout_ms = 2000",
        "timeout_ms = 2000\ntime_budget_ms = 50000",
    );
    f.assert_one(
        "basics/hello/project.toml:16:",
        "time_budget_ms must be at least 1000",
    );
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "timeout_ms = 2000",
        "timeout_ms = 2000\ntime_budget_ms = 20000\nlimits = { cpus = 0.5 }",
    );
    assert_eq!(f.problems(None), Vec::<String>::new());
    let catalog = Catalog::load(&f.root, None).unwrap();
    let spec = catalog
        .project("hello")
        .unwrap()
        .grading_material()
        .unwrap()
        .spec;
    assert_eq!(
        (spec.time_budget_ms, spec.limits.cpus),
        (Some(20000), Some(0.5))
    );
}

#[test]
fn allowed_imports_are_for_go_projects_only() {
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "timeout_ms = 2000",
        "timeout_ms = 2000\nallowed_imports = [\"fmt\"]",
    );
    f.assert_one(
        "basics/hello/project.toml:16:",
        "allowed_imports applies to Go projects",
    );
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "image = \"shell\"",
        "image = \"go\"",
    );
    f.edit(
        "basics/hello/project.toml",
        "timeout_ms = 2000",
        "timeout_ms = 2000\nallowed_imports = [\"fmt\", \"github.com/01-edu/z01\"]",
    );
    assert_eq!(f.problems(None), Vec::<String>::new());
    let catalog = Catalog::load(&f.root, None).unwrap();
    let spec = catalog
        .project("hello")
        .unwrap()
        .grading_material()
        .unwrap()
        .spec;
    assert_eq!(
        spec.allowed_imports,
        Some(vec!["fmt".to_string(), "github.com/01-edu/z01".to_string()])
    );
}

#[test]
fn a_translation_keeps_every_code_block_byte_for_byte() {
    let f = Fixture::valid();
    f.write(
        "basics/hello/subject.en.md",
        "# hello\n\nRun:\n\n```sh\n./hello.sh\nhello\n```\n",
    );
    f.write(
        "basics/hello/subject.fr.md",
        "# bonjour\n\nLancez :\n\n```sh\n./hello.sh\nhello\n```\n",
    );
    assert_eq!(f.problems(None), Vec::<String>::new());
    f.write(
        "basics/hello/subject.ru.md",
        "# привет\n\nЗапустите:\n\n```sh\n./hello.sh\nпривет\n```\n",
    );
    f.assert_one(
        "basics/hello/subject.ru.md:1:",
        "the first difference is block 1",
    );
}

#[test]
fn project_names_are_translated_by_language_code() {
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "[rules]\n",
        "[names]\nru = \"привет\"\nfr = \"bonjour\"\n\n[rules]\n",
    );
    assert_eq!(f.problems(None), Vec::<String>::new());
    let catalog = Catalog::load(&f.root, None).unwrap();
    let names = catalog.project("hello").unwrap().definition().names;
    assert_eq!(names["ru"], "привет");
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "[rules]\n",
        "[names]\nrussian = \"привет\"\n\n[rules]\n",
    );
    f.assert_one("basics/hello/project.toml:8:", "two-letter language code");
}

#[test]
fn the_final_mark_rule_defaults_by_kind_and_is_checked_against_what_the_project_has() {
    use qadam_domain::FinalMarkRule;
    let f = Fixture::valid();
    let catalog = Catalog::load(&f.root, None).unwrap();
    let rule = |slug: &str| FinalMarkRule::of(&catalog.project(slug).unwrap().definition());
    assert_eq!(
        rule("hello"),
        FinalMarkRule::Grader,
        "an exercise: the grader"
    );
    assert_eq!(
        rule("team-up"),
        FinalMarkRule::Peers,
        "peers and no tests: the peers"
    );

    f.edit(
        "basics/hello/project.toml",
        "min_mark = 100\n",
        "min_mark = 100\nfinal_mark = \"best\"\n",
    );
    f.assert_one(
        "basics/hello/project.toml:10:",
        "one of \"grader\", \"peers\", \"min\"",
    );
    let f = Fixture::valid();
    f.edit(
        "basics/hello/project.toml",
        "min_mark = 100\n",
        "min_mark = 100\nfinal_mark = \"peers\"\n",
    );
    f.assert_one("basics/hello/project.toml:10:", "needs peer evaluations");
    let f = Fixture::valid();
    f.edit(
        "basics/team-up/project.toml",
        "[evaluation]",
        "[rules]\nfinal_mark = \"min\"\n\n[evaluation]",
    );
    f.assert_one(
        "basics/team-up/project.toml:",
        "needs a [grader] with tests",
    );
}

#[test]
fn the_level_table_must_start_at_zero_and_increase() {
    let f = Fixture::valid();
    f.write("levels.toml", "xp = [0, 100, 300]\n");
    let catalog = Catalog::load(&f.root, None).unwrap();
    assert_eq!(catalog.levels.unwrap().level_of(200), 1.5);
    f.write("levels.toml", "# levels\nxp = [0, 100, 100]\n");
    f.assert_one("levels.toml:2:", "must increase");
    f.write("levels.toml", "xp = [5, 100]\n");
    f.assert_one("levels.toml:1:", "level 0 must need 0 XP");
    f.write("levels.toml", "xp = [0, 100]\nbonus = 1\n");
    f.assert_one("levels.toml:2:", "unknown field");
}
