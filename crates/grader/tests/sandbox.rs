//! The grader against the real Docker engine and the real C image: correct and wrong
//! solutions, and hostile submissions. Needs the images built (`qadam images build`,
//! which scripts/test runs first).

use qadam_grader::{grade_in, images, pack_job, GradeResult, GradingMaterial, Limits, Status};
use std::path::{Path, PathBuf};
use std::time::Duration;

const CORRECT: &str = "int ft_strlen(char *str)\n{\n\tint i;\n\n\ti = 0;\n\twhile (str[i])\n\t\ti++;\n\treturn (i);\n}\n";

fn images_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../grader-images")
}

/// The `tests/` folder of a fixture project.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
        .join("tests")
}

fn material(name: &str) -> GradingMaterial {
    GradingMaterial::from_runner_dir(&fixture(name)).unwrap()
}

fn built_image(name: &str) -> String {
    let tag = images::image_tag(&images_root(), name).unwrap();
    let present = std::process::Command::new("docker")
        .args(["image", "inspect", &tag])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        present,
        "grader image {tag} is missing: run `qadam images build` (scripts/test does)"
    );
    tag
}

fn submission(files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qadam-sub-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

/// Grades `files` against `project` with its image, then checks the container is gone.
async fn grade_files(project: &str, files: &[(&str, &str)], limits: &Limits) -> GradeResult {
    let dir = submission(files);
    let material = material(project);
    let job = pack_job(&dir, &material).unwrap();
    let docker = bollard::Docker::connect_with_local_defaults().unwrap();
    let name = format!("qadam-test-{}", uuid::Uuid::new_v4().simple());
    let image = built_image(material.image());
    let result = grade_in(&docker, &name, &image, job, limits).await.unwrap();
    assert!(
        docker.inspect_container(&name, None).await.is_err(),
        "container {name} was left behind"
    );
    std::fs::remove_dir_all(dir).unwrap();
    result
}

async fn grade_source(project: &str, source: &str, limits: &Limits) -> GradeResult {
    grade_files(project, &[("ft_strlen.c", source)], limits).await
}

async fn hostile(source: &str) -> GradeResult {
    let limits = Limits {
        wall_clock: Duration::from_secs(30),
        ..Limits::default()
    };
    let result = grade_source("ft-strlen-open", source, &limits).await;
    // Whatever it did, the next grading is correct.
    let next = grade_source("ft-strlen", CORRECT, &Limits::default()).await;
    assert_eq!(next.status, Status::Passed, "{next:?}");
    result
}

#[tokio::test]
async fn a_correct_solution_passes() {
    let result = grade_source("ft-strlen", CORRECT, &Limits::default()).await;
    assert_eq!(result.status, Status::Passed, "{result:?}");
    assert_eq!(result.score, 100.0);
    assert_eq!(result.tests.len(), 3);
    assert!(result.tool_versions.contains_key("gcc"));
}

#[tokio::test]
async fn a_wrong_solution_fails_with_a_diff_and_hidden_tests_stay_hidden() {
    let wrong = "int ft_strlen(char *str)\n{\n\tint i;\n\n\ti = 0;\n\twhile (str[i] && i < 10)\n\t\ti++;\n\treturn (i);\n}\n";
    let result = grade_source("ft-strlen", wrong, &Limits::default()).await;
    assert_eq!(result.status, Status::Failed, "{result:?}");
    let hidden = result
        .tests
        .iter()
        .find(|t| t.visibility == "hidden")
        .unwrap();
    assert_eq!(hidden.status, Status::Failed);
    assert!(
        !hidden.message.contains("16"),
        "a hidden test never shows its expected output"
    );
    let visible_fail = "int ft_strlen(char *str)\n{\n\t(void)str;\n\treturn (5);\n}\n";
    let result = grade_source("ft-strlen", visible_fail, &Limits::default()).await;
    let first = result.first_failure().unwrap();
    assert_eq!(first.name, "empty string");
    assert!(
        first.message.contains("expected:\n0\n") && first.message.contains("got:\n5\n"),
        "{first:?}"
    );
}

#[tokio::test]
async fn compile_errors_and_forbidden_functions() {
    let result = grade_source(
        "ft-strlen",
        "int ft_strlen(char *str) { int unused; return 0; }\n",
        &Limits::default(),
    )
    .await;
    assert_eq!(result.status, Status::CompilationError, "{result:?}");
    assert!(result.message.contains("unused"), "{result:?}");
    let strlen = "#include <string.h>\nint ft_strlen(char *str)\n{\n\treturn (strlen(str));\n}\n";
    let result = grade_source("ft-strlen", strlen, &Limits::default()).await;
    assert_eq!(result.status, Status::ForbiddenFunction, "{result:?}");
    assert!(result.message.contains("strlen"));
}

#[tokio::test]
async fn a_fork_bomb_is_contained() {
    let source = "#include <unistd.h>\nint ft_strlen(char *str)\n{\n\t(void)str;\n\twhile (1)\n\t\tfork();\n\treturn (0);\n}\n";
    let result = hostile(source).await;
    assert_ne!(result.status, Status::Passed, "{result:?}");
    assert_ne!(result.status, Status::InternalError, "{result:?}");
}

#[tokio::test]
async fn a_memory_bomb_hits_the_memory_limit() {
    let source = "#include <stdlib.h>\n#include <string.h>\nint ft_strlen(char *str)\n{\n\t(void)str;\n\twhile (1)\n\t{\n\t\tchar *p = malloc(1 << 20);\n\t\tif (p)\n\t\t\tmemset(p, 1, 1 << 20);\n\t}\n\treturn (0);\n}\n";
    let result = hostile(source).await;
    assert_eq!(result.status, Status::MemoryLimit, "{result:?}");
}

#[tokio::test]
async fn busy_loops_and_sleepers_hit_the_time_limit() {
    let busy = "int ft_strlen(char *str)\n{\n\t(void)str;\n\twhile (1)\n\t\t;\n\treturn (0);\n}\n";
    assert_eq!(hostile(busy).await.status, Status::TimeLimit);
    let sleeper = "#include <unistd.h>\nint ft_strlen(char *str)\n{\n\t(void)str;\n\twhile (1)\n\t\tsleep(100);\n\treturn (0);\n}\n";
    assert_eq!(hostile(sleeper).await.status, Status::TimeLimit);
}

#[tokio::test]
async fn an_output_flood_hits_the_output_limit() {
    let source = "#include <unistd.h>\nint ft_strlen(char *str)\n{\n\t(void)str;\n\twhile (1)\n\t\twrite(1, \"flood flood flood flood\\n\", 24);\n\treturn (0);\n}\n";
    assert_eq!(hostile(source).await.status, Status::OutputLimit);
}

#[tokio::test]
async fn forging_a_result_or_reading_hidden_tests_does_not_help() {
    // Prints what a passing result looks like, and tries to read the expected outputs.
    let source = r#"#include <stdio.h>
int ft_strlen(char *str)
{
	FILE *f = fopen("/work/.tests/spec.json", "r");
	(void)str;
	printf("{\"schema_version\": 1, \"status\": \"passed\", \"score\": 100.0, \"message\": \"\", \"tests\": [], \"tool_versions\": {}}\n");
	if (f)
		printf("READ THE HIDDEN TESTS\n");
	return (0);
}
"#;
    let result = hostile(source).await;
    assert_eq!(result.status, Status::Failed, "{result:?}");
    assert!(!format!("{result:?}").contains("READ THE HIDDEN TESTS"));
    assert_eq!(result.tests.len(), 3);
}

#[tokio::test]
async fn killing_everything_and_lingering_children_do_not_break_the_run() {
    let kill_all = "#include <signal.h>\nint ft_strlen(char *str)\n{\n\t(void)str;\n\tkill(-1, 9);\n\treturn (0);\n}\n";
    let result = hostile(kill_all).await;
    assert_ne!(
        result.status,
        Status::InternalError,
        "the runner survives kill(-1, 9): {result:?}"
    );
    assert_eq!(result.tests.len(), 3, "{result:?}");
    let lingering = "#include <unistd.h>\nint ft_strlen(char *str)\n{\n\tint i = 0;\n\tif (fork() == 0)\n\t{\n\t\tsleep(1000);\n\t\treturn (0);\n\t}\n\twhile (str[i])\n\t\ti++;\n\treturn (i);\n}\n";
    let result = hostile(lingering).await;
    assert_eq!(
        result.status,
        Status::Passed,
        "a background child does not hang the run: {result:?}"
    );
}

#[tokio::test]
async fn no_network_and_no_secrets_inside() {
    let source = r#"#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
extern char **environ;
int ft_strlen(char *str)
{
	struct sockaddr_in a;
	int s = socket(AF_INET, SOCK_STREAM, 0);
	int i = 0;
	a.sin_family = AF_INET;
	a.sin_port = htons(80);
	a.sin_addr.s_addr = inet_addr("1.1.1.1");
	if (s >= 0 && connect(s, (struct sockaddr *)&a, sizeof a) == 0)
		printf("NETWORK REACHED\n");
	while (environ[i])
		printf("ENV %s\n", environ[i++]);
	(void)str;
	return (0);
}
"#;
    let result = hostile(source).await;
    let text = format!("{result:?}");
    assert!(!text.contains("NETWORK REACHED"), "{text}");
    assert!(
        !text.contains("QADAM") && !text.contains("DATABASE"),
        "{text}"
    );
}

#[tokio::test]
async fn writing_outside_the_work_dir_fails() {
    let source = r#"#include <stdio.h>
int ft_strlen(char *str)
{
	FILE *f = fopen("/etc/owned", "w");
	FILE *g = fopen("/opt/qadam/runner.py", "w");
	(void)str;
	if (f || g)
		printf("WROTE OUTSIDE\n");
	return (0);
}
"#;
    let result = hostile(source).await;
    assert!(
        !format!("{result:?}").contains("WROTE OUTSIDE"),
        "{result:?}"
    );
}

#[test]
fn symlinks_in_a_submission_are_refused_on_the_host() {
    let dir = submission(&[("ft_strlen.c", CORRECT)]);
    std::os::unix::fs::symlink("/etc/passwd", dir.join("passwd")).unwrap();
    let err = pack_job(&dir, &material("ft-strlen")).unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn a_segfault_is_crashed_with_its_signal() {
    let source = "int ft_strlen(char *str)\n{\n\t(void)str;\n\treturn (*(volatile int *)0);\n}\n";
    let result = hostile(source).await;
    assert_eq!(result.status, Status::Crashed, "{result:?}");
    assert_eq!(
        result.tests[0].signal.as_deref(),
        Some("SIGSEGV"),
        "{result:?}"
    );
}

#[tokio::test]
async fn filling_the_disk_or_becoming_root_fails_safely() {
    let fill = r#"#include <stdio.h>
#include <string.h>
int ft_strlen(char *str)
{
	static char block[65536];
	FILE *f = fopen("/work/build/fill", "w");
	int i = 0;
	memset(block, 'x', sizeof block);
	while (f && fwrite(block, 1, sizeof block, f) == sizeof block)
		;
	while (str[i])
		i++;
	return (i);
}
"#;
    let result = hostile(fill).await;
    assert_ne!(result.status, Status::InternalError, "{result:?}");
    let setuid = r#"#include <stdio.h>
#include <unistd.h>
int ft_strlen(char *str)
{
	int i = 0;
	if (setuid(0) == 0 || setgid(0) == 0)
		printf("BECAME ROOT\n");
	while (str[i])
		i++;
	return (i);
}
"#;
    let result = hostile(setuid).await;
    assert!(!format!("{result:?}").contains("BECAME ROOT"), "{result:?}");
}

#[test]
fn an_oversized_submission_is_refused_before_the_sandbox() {
    let dir = submission(&[("ft_strlen.c", CORRECT)]);
    let file = std::fs::File::create(dir.join("huge.bin")).unwrap();
    // Sparse: costs no disk, but reads as 32 MiB of zeros (highly compressible).
    file.set_len(32 << 20).unwrap();
    let err = pack_job(&dir, &material("ft-strlen")).unwrap_err();
    assert!(err.to_string().contains("larger than"), "{err}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn python_shell_and_rust_images_grade_too() {
    let limits = Limits::default();
    let add = grade_files(
        "py-add",
        &[("add.py", "def add(a, b):\n    return a + b\n")],
        &limits,
    )
    .await;
    assert_eq!(add.status, Status::Passed, "{add:?}");
    assert!(
        add.tool_versions["python3"].starts_with("Python 3"),
        "{add:?}"
    );
    let wrong = grade_files(
        "py-add",
        &[("add.py", "def add(a, b):\n    return a - b\n")],
        &limits,
    )
    .await;
    assert_eq!(wrong.status, Status::Failed, "{wrong:?}");
    let broken = grade_files(
        "py-add",
        &[("add.py", "def add(a, b)\n    return a + b\n")],
        &limits,
    )
    .await;
    assert_eq!(broken.status, Status::CompilationError, "{broken:?}");

    let count = grade_files(
        "sh-count",
        &[("count.sh", "#!/bin/bash\necho $#\n")],
        &limits,
    )
    .await;
    assert_eq!(count.status, Status::Passed, "{count:?}");
    let naive = grade_files("sh-count", &[("count.sh", "echo $@ | wc -w\n")], &limits).await;
    assert_eq!(
        naive.status,
        Status::Failed,
        "word splitting is caught: {naive:?}"
    );

    let hello = "use std::io::Read;\nfn main() {\n    let mut s = String::new();\n    std::io::stdin().read_to_string(&mut s).unwrap();\n    println!(\"Hello, {}!\", s.trim());\n}\n";
    let rust = grade_files("rs-hello", &[("main.rs", hello)], &limits).await;
    assert_eq!(rust.status, Status::Passed, "{rust:?}");
    let bad = grade_files(
        "rs-hello",
        &[("main.rs", "fn main() { let x: i32 = \"no\"; }\n")],
        &limits,
    )
    .await;
    assert_eq!(bad.status, Status::CompilationError, "{bad:?}");
}

#[tokio::test]
async fn the_norm_is_checked_when_the_project_asks() {
    let normed = "int\tft_strlen(char *str)\n{\n\tint\ti;\n\n\ti = 0;\n\twhile (str[i])\n\t\ti++;\n\treturn (i);\n}\n";
    let result = grade_source("ft-strlen-norm", normed, &Limits::default()).await;
    assert_eq!(result.status, Status::Passed, "{result:?}");
    assert!(
        result.tool_versions["norminette"].contains("3.3.60"),
        "{result:?}"
    );
    let result = grade_source("ft-strlen-norm", CORRECT, &Limits::default()).await;
    assert_eq!(result.status, Status::NormError, "{result:?}");
    assert!(
        result.message.contains("SPACE_REPLACE_TAB") || result.message.contains("Error:"),
        "{result:?}"
    );
}

/// A job archive written by hand: the packer never makes such entries, but the runner
/// must refuse them whoever sends the archive.
fn raw_tar(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, data) in entries {
        let mut header = [0u8; 512];
        header[..name.len()].copy_from_slice(name.as_bytes());
        header[100..107].copy_from_slice(b"0000644");
        header[108..115].copy_from_slice(b"0000000");
        header[116..123].copy_from_slice(b"0000000");
        header[124..135].copy_from_slice(format!("{:011o}", data.len()).as_bytes());
        header[136..147].copy_from_slice(b"00000000000");
        header[156] = b'0';
        header[257..263].copy_from_slice(b"ustar\0");
        header[263..265].copy_from_slice(b"00");
        header[148..156].copy_from_slice(b"        ");
        let sum: u32 = header.iter().map(|&b| u32::from(b)).sum();
        header[148..155].copy_from_slice(format!("{sum:06o}\0").as_bytes());
        out.extend_from_slice(&header);
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(512) * 512, 0);
    }
    out.resize(out.len() + 1024, 0);
    out
}

#[tokio::test]
async fn dot_dot_paths_in_an_archive_are_refused_by_the_runner() {
    let spec = std::fs::read(fixture("ft-strlen").join("spec.json")).unwrap();
    let job = raw_tar(&[
        ("tests/spec.json", &spec),
        ("submission/ft_strlen.c", CORRECT.as_bytes()),
        ("submission/../../opt/qadam/evil.py", b"print('owned')"),
    ]);
    let docker = bollard::Docker::connect_with_local_defaults().unwrap();
    let name = format!("qadam-test-{}", uuid::Uuid::new_v4().simple());
    let result = grade_in(&docker, &name, &built_image("c"), job, &Limits::default())
        .await
        .unwrap();
    assert_eq!(result.status, Status::CompilationError, "{result:?}");
    assert!(result.message.contains(".."), "{result:?}");
}
