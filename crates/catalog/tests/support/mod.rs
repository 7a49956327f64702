//! A small valid catalog written to a fresh folder, for tests to break or sync.

#![allow(dead_code)]

use qadam_catalog::{Catalog, Problem};
use std::path::{Path, PathBuf};

pub const HELLO: &str = r#"slug = "hello"
name = "hello"
kind = "exercise"
summary = "Say hello."
xp = 10
estimated_hours = 1

[rules]
min_mark = 100

[grader]
image = "shell"
required_files = ["hello.sh"]
harness = ["check.sh"]
timeout_ms = 2000

[[tests]]
name = "says hello"
expected_stdout = "hello\n"
visibility = "visible"

[[tests]]
name = "says it once"
expected_stdout = "hello\n"

[wrong.shouts]
status = "failed"
test = "says hello"
"#;

pub const TEAM_UP: &str = r#"slug = "team-up"
name = "Team up"
kind = "project"
summary = "Build something together."
xp = 100
estimated_hours = 10

[team]
min = 2
max = 3

[requires]
projects = ["hello"]

[evaluation]
peers = 2
duration_minutes = 30
"#;

pub const SHEET: &str = r#"guidelines = "Be kind."
flags = ["ok", "cheat", "concerning"]

[[sections]]
name = "Mandatory"

[[sections.questions]]
text = "Does it work?"
kind = "yes-no"

[[sections.questions]]
text = "Can every member explain it?"
kind = "rating"

[[sections]]
name = "Bonus"

[[sections.questions]]
text = "Is there more?"
kind = "yes-no"
bonus = true
"#;

pub const EXAM: &str = r#"slug = "exam-one"
name = "Exam one"
kind = "exam"
summary = "One level."
xp = 50
estimated_hours = 2

[exam]
duration_minutes = 60

[[exam.levels]]
exercises = ["hello"]
"#;

pub const CURSUS: &str = r#"slug = "core"
name = "Core"

[[stages]]
name = "Week 1"
projects = ["hello", "team-up"]
"#;

pub struct Fixture {
    pub root: PathBuf,
}

impl Fixture {
    /// A valid catalog: a graded exercise, a team project with a sheet, an exam, a cursus.
    pub fn valid() -> Fixture {
        let root = std::env::temp_dir().join(format!("qadam-catalog-{}", uuid_like()));
        let fixture = Fixture { root };
        fixture.write("cursus/core.toml", CURSUS);
        fixture.write("basics/hello/project.toml", HELLO);
        fixture.write("basics/hello/subject.en.md", "# hello\n\nPrint hello.\n");
        fixture.write("basics/hello/tests/check.sh", "echo checking\n");
        fixture.write("basics/hello/solution/hello.sh", "echo hello\n");
        fixture.write("basics/hello/wrong/shouts/hello.sh", "echo HELLO\n");
        fixture.write("basics/team-up/project.toml", TEAM_UP);
        fixture.write("basics/team-up/subject.en.md", "# Team up\n");
        fixture.write("basics/team-up/sheet.toml", SHEET);
        fixture.write("exams/exam-one/project.toml", EXAM);
        fixture.write("exams/exam-one/subject.en.md", "# Exam\n");
        fixture
    }

    pub fn write(&self, path: &str, text: &str) {
        let path = self.root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn edit(&self, path: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.root.join(path)).unwrap();
        assert!(text.contains(from), "{path} has no {from:?}");
        self.write(path, &text.replacen(from, to, 1));
    }

    pub fn remove(&self, path: &str) {
        let path = self.root.join(path);
        if path.is_dir() {
            std::fs::remove_dir_all(path).unwrap();
        } else {
            std::fs::remove_file(path).unwrap();
        }
    }

    pub fn problems(&self, images: Option<&Path>) -> Vec<String> {
        match Catalog::load(&self.root, images) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(|p| self.relative(p)).collect(),
        }
    }

    pub fn relative(&self, problem: &Problem) -> String {
        let path = problem
            .path
            .strip_prefix(&self.root)
            .unwrap_or(&problem.path);
        format!("{}:{}: {}", path.display(), problem.line, problem.message)
    }

    /// Exactly one problem, starting with `location` and containing `words`.
    pub fn assert_one(&self, location: &str, words: &str) {
        let problems = self.problems(None);
        assert_eq!(problems.len(), 1, "expected one problem, got {problems:#?}");
        let problem = &problems[0];
        assert!(
            problem.starts_with(location) && problem.contains(words),
            "expected {location} ... {words}, got {problem}"
        );
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    format!(
        "{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

pub fn images_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../grader-images")
}
