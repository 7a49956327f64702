//! Every exercise in projects-catalog is graded with the real `qadam grade`: its
//! reference solution must pass and each of its known-wrong solutions must not. This
//! is what shows that an exercise's tests catch the usual mistakes.

mod support;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use support::qadam;

/// Projects (catalog folder, slug) that carry a grading spec.
fn graded_projects() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects-catalog");
    let mut found = Vec::new();
    for track in std::fs::read_dir(&root).unwrap().flatten() {
        if !track.path().is_dir() {
            continue;
        }
        for project in std::fs::read_dir(track.path()).unwrap().flatten() {
            if project.path().join("tests/spec.json").is_file() {
                found.push((
                    track.path(),
                    project.file_name().to_string_lossy().into_owned(),
                ));
            }
        }
    }
    found.sort();
    found
}

fn status_of(catalog: &Path, slug: &str, submission: &Path) -> String {
    let output = qadam()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["grade", "--json", "--catalog"])
        .arg(catalog)
        .arg(slug)
        .arg(submission)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{slug}: grading failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    result["status"].as_str().unwrap().to_string()
}

#[test]
fn reference_solutions_pass_and_known_wrong_ones_fail() {
    let projects = graded_projects();
    assert!(
        projects.len() >= 20,
        "the starter curriculum has at least 20 graded exercises, found {}",
        projects.len()
    );
    let problems = Mutex::new(Vec::new());
    let queue = Mutex::new(projects);
    // Two gradings at a time: the machine has two cores.
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| loop {
                let Some((catalog, slug)) = queue.lock().unwrap().pop() else {
                    return;
                };
                let dir = catalog.join(&slug);
                let status = status_of(&catalog, &slug, &dir.join("solution"));
                if status != "passed" {
                    problems
                        .lock()
                        .unwrap()
                        .push(format!("{slug}: the reference solution got {status}"));
                }
                let wrong: Vec<_> = std::fs::read_dir(dir.join("wrong"))
                    .map(|entries| entries.flatten().map(|e| e.path()).collect())
                    .unwrap_or_default();
                if wrong.is_empty() {
                    problems
                        .lock()
                        .unwrap()
                        .push(format!("{slug}: no known-wrong solution"));
                }
                for variant in wrong {
                    let status = status_of(&catalog, &slug, &variant);
                    if status == "passed" {
                        problems.lock().unwrap().push(format!(
                            "{slug}: the wrong solution {} passed",
                            variant.file_name().unwrap().to_string_lossy()
                        ));
                    }
                }
            });
        }
    });
    let problems = problems.into_inner().unwrap();
    assert!(problems.is_empty(), "{problems:#?}");
}
