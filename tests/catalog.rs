//! `qadam catalog check` and `qadam catalog sync` as a staff member runs them: the real
//! binary, the real projects-catalog, a real database and the real grader.

mod support;

use std::path::{Path, PathBuf};
use support::qadam;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every reference solution of the starter curriculum passes and every known-wrong one
/// fails, graded in the sandbox: what shows that each exercise's tests catch its usual
/// mistakes. Needs Docker and the built images (scripts/test builds them).
#[test]
fn the_starter_curriculum_passes_check_with_run_solutions() {
    let output = qadam()
        .current_dir(root())
        .args(["catalog", "check", "--run-solutions", "projects-catalog"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let graded = stdout
        .lines()
        .filter(|l| l.trim_start().starts_with("ok "))
        .count();
    assert!(graded >= 100, "only {graded} solutions graded:\n{stdout}");
    assert!(!stdout.contains("FAIL"), "{stdout}");
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qadam-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn a_broken_catalog_is_reported_as_path_line_message_and_exits_non_zero() {
    let dir = scratch("broken-catalog");
    copy_tree(&root().join("projects-catalog/python"), &dir.join("python"));
    let project = dir.join("python/py-roman/project.toml");
    let text = std::fs::read_to_string(&project).unwrap();
    std::fs::write(&project, text.replacen("xp = ", "experience = ", 1)).unwrap();
    let output = qadam()
        .args(["catalog", "check"])
        .arg(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    let expected = format!("{}:5: unknown field `experience`", project.display());
    assert!(stdout.lines().any(|l| l.starts_with(&expected)), "{stdout}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("1 problem(s)"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn sync_twice_on_a_fresh_database_changes_nothing_the_second_time() {
    let dir = scratch("sync-data");
    let url = format!("sqlite://{}/qadam.sqlite3", dir.display());
    std::fs::create_dir_all(&dir).unwrap();
    let sync = || {
        let output = qadam()
            .current_dir(root())
            .args([
                "catalog",
                "sync",
                "projects-catalog",
                "--database-url",
                &url,
            ])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap()
    };
    let first = sync();
    assert!(first["created"].as_array().unwrap().len() >= 40, "{first}");
    let second = sync();
    assert_eq!(second["created"], serde_json::json!([]), "{second}");
    assert_eq!(second["new_versions"], serde_json::json!([]), "{second}");
    assert_eq!(
        second["unchanged"],
        first["created"].as_array().unwrap().len()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
