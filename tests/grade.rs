//! `qadam grade` end to end: the real binary, the real catalog, the real Docker engine and C image.

mod support;

use std::path::{Path, PathBuf};
use support::qadam;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn submission(source: &str) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("qadam-grade-{}", std::process::id()))
        .join(source.len().to_string());
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("ft_strlen.c"), source).unwrap();
    dir
}

fn grade(dir: &Path, json: bool) -> std::process::Output {
    let mut command = qadam();
    command
        .current_dir(root())
        .args(["grade", "--catalog", "projects-catalog", "ft-strlen"])
        .arg(dir);
    if json {
        command.arg("--json");
    }
    command.output().unwrap()
}

#[test]
fn grades_a_folder_and_exits_zero_on_any_verdict() {
    let correct = submission("int\tft_strlen(char *str)\n{\n\tint\ti;\n\n\ti = 0;\n\twhile (str[i])\n\t\ti++;\n\treturn (i);\n}\n");
    let output = grade(&correct, true);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(result["status"], "passed");
    assert_eq!(result["schema_version"], 1);

    let wrong = submission("int\tft_strlen(char *str)\n{\n\t(void)str;\n\treturn (5);\n}\n");
    let output = grade(&wrong, false);
    assert!(
        output.status.success(),
        "a failing verdict is still a verdict"
    );
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(report.starts_with("ft-strlen: failed"), "{report}");
    assert!(report.contains("first failure, empty string"), "{report}");
}

#[test]
fn a_missing_project_is_an_error() {
    let dir = submission("int x;\n");
    let output = qadam()
        .current_dir(root())
        .args(["grade", "--catalog", "projects-catalog", "no-such-project"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no-such-project"));
}
