//! The grader against the real Docker engine and the real C image: correct and wrong
//! solutions, and hostile submissions. Needs the images built (`qadam images build`,
//! which scripts/test runs first).

use qadam_grader::{
    grade_in, images, pack_job, GradeResult, GradingMaterial, Limits, RunnerSpec, Sanitizer,
    SpecLimits, SpecTest, Status, Visibility,
};
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

/// Asserts the submission ran: each visible test's output starts with the `RAN` line
/// its program prints first (hidden tests keep no output). A test that checks a program
/// could not do something calls this first, so a program that never compiled or ran
/// cannot pass it.
#[track_caller]
fn assert_ran(result: &GradeResult) {
    let mut visible = result.tests.iter().filter(|t| t.visibility == "visible");
    assert!(
        visible.clone().next().is_some() && visible.all(|t| t.output.starts_with("RAN\n")),
        "the program ran: {result:?}"
    );
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
	FILE *f;
	printf("RAN\n");
	fflush(stdout);
	f = fopen("/work/.tests/spec.json", "r");
	(void)str;
	printf("{\"schema_version\": 1, \"status\": \"passed\", \"score\": 100.0, \"message\": \"\", \"tests\": [], \"tool_versions\": {}}\n");
	if (f)
		printf("READ THE HIDDEN TESTS\n");
	return (0);
}
"#;
    let result = hostile(source).await;
    assert_ran(&result);
    assert!(
        result
            .tests
            .iter()
            .any(|t| t.output.contains("\"status\": \"passed\"")),
        "the forged result was printed: {result:?}"
    );
    assert_eq!(result.status, Status::Failed, "{result:?}");
    assert!(!format!("{result:?}").contains("READ THE HIDDEN TESTS"));
    assert_eq!(result.tests.len(), 3);
}

#[tokio::test]
async fn killing_everything_and_lingering_children_do_not_break_the_run() {
    let kill_all = "#include <signal.h>\n#include <stdio.h>\nint ft_strlen(char *str)\n{\n\t(void)str;\n\tprintf(\"RAN\\n\");\n\tfflush(stdout);\n\tkill(-1, 9);\n\treturn (0);\n}\n";
    let result = hostile(kill_all).await;
    assert_ran(&result);
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
#include <string.h>
extern char **environ;
int ft_strlen(char *str)
{
	struct sockaddr_in a;
	int s;
	int i = 0;
	printf("RAN\n");
	fflush(stdout);
	s = socket(AF_INET, SOCK_STREAM, 0);
	a.sin_family = AF_INET;
	a.sin_port = htons(80);
	a.sin_addr.s_addr = inet_addr("1.1.1.1");
	if (s >= 0 && connect(s, (struct sockaddr *)&a, sizeof a) == 0)
		printf("NETWORK REACHED\n");
	/* Only what matters is printed: the output shown is cut after 500 characters. */
	for (; environ[i]; i++)
		if (strstr(environ[i], "QADAM") || strstr(environ[i], "DATABASE"))
			printf("ENV %s\n", environ[i]);
	printf("ENV CHECKED %d variables\n", i);
	(void)str;
	return (0);
}
"#;
    let result = hostile(source).await;
    assert_ran(&result);
    let text = format!("{result:?}");
    assert!(
        result
            .tests
            .iter()
            .any(|t| t.output.contains("ENV CHECKED")),
        "{text}"
    );
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
	FILE *f;
	FILE *g;
	printf("RAN\n");
	fflush(stdout);
	f = fopen("/etc/owned", "w");
	g = fopen("/opt/qadam/runner.py", "w");
	(void)str;
	if (f || g)
		printf("WROTE OUTSIDE\n");
	return (0);
}
"#;
    let result = hostile(source).await;
    assert_ran(&result);
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
    // The build folder is read-only while tests run, so the program fills the folder
    // it runs in (on the size-capped /work), in files under the per-file size limit.
    let fill = r#"#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int ft_strlen(char *str)
{
	static char block[65536];
	char name[32];
	long written = 0;
	int full = 0;
	int i = 0;
	printf("RAN\n");
	fflush(stdout);
	memset(block, 'x', sizeof block);
	for (int n = 0; !full && n < 1000; n++)
	{
		int fd;
		snprintf(name, sizeof name, "fill%d", n);
		fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd < 0)
			break;
		for (int k = 0; !full && k < 15; k++)
		{
			if (write(fd, block, sizeof block) == (ssize_t)sizeof block)
				written += sizeof block;
			else
				full = 1;
		}
		close(fd);
	}
	if (full)
		printf("DISK FULL after %ld KiB\n", written >> 10);
	while (str[i])
		i++;
	return (i);
}
"#;
    let result = hostile(fill).await;
    assert_ran(&result);
    assert!(
        result
            .tests
            .iter()
            .all(|t| t.visibility == "hidden" || t.output.contains("DISK FULL")),
        "the program filled the disk: {result:?}"
    );
    assert_ne!(result.status, Status::InternalError, "{result:?}");
    let setuid = r#"#include <stdio.h>
#include <unistd.h>
int ft_strlen(char *str)
{
	int i = 0;
	printf("RAN\n");
	fflush(stdout);
	if (setuid(0) == 0 || setgid(0) == 0)
		printf("BECAME ROOT\n");
	while (str[i])
		i++;
	return (i);
}
"#;
    let result = hostile(setuid).await;
    assert_ran(&result);
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

/// A C program graded with tests written here (no harness: `prog.c` has its own main),
/// with no function restriction, in the default sandbox unless `limits` say otherwise.
fn program_material(tests: Vec<SpecTest>, adjust: impl FnOnce(&mut RunnerSpec)) -> GradingMaterial {
    let mut spec = RunnerSpec {
        image: "c".into(),
        required_files: vec!["prog.c".into()],
        allowed_functions: None,
        allowed_imports: None,
        harness: vec![],
        norm: false,
        norm_header: None,
        entry: None,
        cflags: vec![],
        valgrind: false,
        sanitize: vec![],
        timeout_ms: 2000,
        time_budget_ms: None,
        stop_on_time_limit: false,
        timeout_scale: None,
        limits: SpecLimits::default(),
        tests,
    };
    adjust(&mut spec);
    GradingMaterial {
        spec,
        files: Default::default(),
    }
}

fn case(name: &str, args: &[&str], visibility: Visibility) -> SpecTest {
    SpecTest {
        name: name.into(),
        args: args.iter().map(|a| a.to_string()).collect(),
        stdin: None,
        expected_stdout: None,
        expected_exit: None,
        visibility,
    }
}

async fn grade_program(source: &str, material: &GradingMaterial, limits: &Limits) -> GradeResult {
    let dir = submission(&[("prog.c", source)]);
    let job = pack_job(&dir, material).unwrap();
    let docker = bollard::Docker::connect_with_local_defaults().unwrap();
    let name = format!("qadam-test-{}", uuid::Uuid::new_v4().simple());
    let image = built_image("c");
    let result = grade_in(&docker, &name, &image, job, limits).await.unwrap();
    std::fs::remove_dir_all(dir).unwrap();
    result
}

fn test_named<'a>(result: &'a GradeResult, name: &str) -> &'a qadam_grader::TestResult {
    result
        .tests
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no test {name} in {result:?}"))
}

/// Programs that misbehave in every way a student's can; each prints RAN first, so a
/// program that did not run cannot pass this test.
const MISBEHAVING: &str = r#"#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <sys/stat.h>
int main(int argc, char **argv)
{
	(void)argc;
	printf("RAN %s\n", argv[1]);
	fflush(stdout);
	if (strcmp(argv[1], "rtsig") == 0)
		kill(getpid(), SIGRTMIN + 1);
	else if (strcmp(argv[1], "binary") == 0)
		write(1, "\xff\xfe\x80\xc3\x28 bytes\n", 12);
	else if (strcmp(argv[1], "close") == 0)
	{
		close(1);
		close(2);
		usleep(200000);
	}
	else if (strcmp(argv[1], "exec") == 0)
	{
		static char *args[20001];
		char *big = malloc(100000);
		memset(big, 'a', 99999);
		big[99999] = 0;
		for (int i = 0; i < 20000; i++)
			args[i] = big;
		execv("/proc/self/exe", args);
		printf("execv: %s\n", strerror(errno));
	}
	else if (strcmp(argv[1], "vanish") == 0)
	{
		unlink("/work/student/prog.c");
		unlink("/work/link/program");
		rmdir(getenv("HOME"));
		chmod(getenv("HOME"), 0);
	}
	else if (strcmp(argv[1], "nostdin") == 0)
		sleep(30);
	else if (strcmp(argv[1], "segv") == 0)
		return (*(volatile int *)0);
	return (0);
}
"#;

#[tokio::test]
async fn nothing_a_program_does_makes_the_run_an_internal_error() {
    let mut nostdin = case(
        "never reads a large stdin",
        &["nostdin"],
        Visibility::Visible,
    );
    nostdin.stdin = Some("x".repeat(300_000));
    let material = program_material(
        vec![
            case("unnamed signal", &["rtsig"], Visibility::Visible),
            case("undecodable output", &["binary"], Visibility::Visible),
            case("closes its output", &["close"], Visibility::Visible),
            case("huge argv", &["exec"], Visibility::Visible),
            case("removes what it can", &["vanish"], Visibility::Visible),
            nostdin,
            case("hidden crash", &["segv"], Visibility::Hidden),
            case("still graded afterwards", &["fine"], Visibility::Visible),
        ],
        |spec| spec.timeout_ms = 1000,
    );
    // A wall clock short enough that a runner stuck writing stdin would lose the report.
    let limits = Limits {
        wall_clock: Duration::from_secs(25),
        ..Limits::default()
    };
    let result = grade_program(MISBEHAVING, &material, &limits).await;
    assert_ne!(result.status, Status::InternalError, "{result:?}");
    assert_eq!(result.tests.len(), 8, "{result:?}");
    for test in result.tests.iter().filter(|t| t.visibility == "visible") {
        assert!(test.output.contains("RAN"), "the program ran: {test:?}");
    }
    let signal = test_named(&result, "unnamed signal");
    assert_eq!(signal.status, Status::Crashed, "{signal:?}");
    assert_eq!(signal.signal.as_deref(), Some("SIG35"), "{signal:?}");
    assert_eq!(
        test_named(&result, "never reads a large stdin").status,
        Status::TimeLimit
    );
    assert!(test_named(&result, "huge argv")
        .output
        .contains("Argument list too long"));
    let hidden = test_named(&result, "hidden crash");
    assert_eq!(hidden.status, Status::Crashed);
    assert_eq!(
        (
            hidden.signal.as_deref(),
            hidden.message.as_str(),
            hidden.output.as_str()
        ),
        (None, "crashed", ""),
        "a hidden test keeps nothing but its status"
    );
    assert_eq!(
        test_named(&result, "still graded afterwards").status,
        Status::Passed
    );
}

/// Saves what a test received wherever a later test could read it, and leaves a
/// process behind; exits 0 only if every save worked.
const LEAVES_TRACES: &str = r#"#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>
static int save(const char *dir, const char *text)
{
	char path[512];
	FILE *f;
	snprintf(path, sizeof path, "%s/trace", dir);
	f = fopen(path, "w");
	if (!f)
		return (1);
	fputs(text, f);
	return (fclose(f) != 0);
}
static void show(const char *dir)
{
	char path[512];
	char line[256];
	FILE *f;
	snprintf(path, sizeof path, "%s/trace", dir);
	f = fopen(path, "r");
	if (f && fgets(line, sizeof line, f))
		printf("FOUND in %s: %s\n", dir, line);
}
int main(int argc, char **argv)
{
	char secret[256];
	char input[64] = {0};
	int failed = 0;
	if (argc > 2 && strcmp(argv[1], "save") == 0)
	{
		read(0, input, sizeof input - 1);
		snprintf(secret, sizeof secret, "%s %s", argv[2], input);
		failed += save("/tmp", secret) + save("/dev/shm", secret);
		failed += save(getenv("HOME"), secret) + save(".", secret);
		int id = shmget(4242, 4096, IPC_CREAT | 0600);
		char *shared = id >= 0 ? shmat(id, NULL, 0) : (char *)-1;
		if (shared == (char *)-1)
			failed++;
		else
			strcpy(shared, secret);
		mqd_t queue = mq_open("/trace", O_CREAT | O_WRONLY, 0600, NULL);
		failed += queue == (mqd_t)-1;
		if (fork() == 0)
		{
			setsid();
			if (fork() == 0)
			{
				sleep(60);
				return (0);
			}
			return (0);
		}
		return (failed != 0);
	}
	printf("PROBED\n");
	show("/tmp");
	show("/dev/shm");
	show(getenv("HOME"));
	show(".");
	if (shmget(4242, 0, 0) >= 0)
		printf("FOUND shared memory\n");
	if (mq_open("/trace", O_RDONLY) != (mqd_t)-1)
		printf("FOUND message queue\n");
	DIR *proc = opendir("/proc");
	struct dirent *entry;
	while (proc && (entry = readdir(proc)))
	{
		char path[300];
		struct stat st;
		int pid = atoi(entry->d_name);
		snprintf(path, sizeof path, "/proc/%s", entry->d_name);
		if (pid > 0 && pid != getpid() && stat(path, &st) == 0 && st.st_uid == getuid())
			printf("FOUND process %d\n", pid);
	}
	return (0);
}
"#;

#[tokio::test]
async fn every_test_starts_from_a_clean_state() {
    let mut save = case(
        "hidden save",
        &["save", "secret-argument"],
        Visibility::Hidden,
    );
    save.stdin = Some("secret-stdin\n".into());
    let material = program_material(
        vec![save, case("visible probe", &["probe"], Visibility::Visible)],
        |_| {},
    );
    let result = grade_program(LEAVES_TRACES, &material, &Limits::default()).await;
    assert_eq!(
        test_named(&result, "hidden save").status,
        Status::Passed,
        "every trace was saved: {result:?}"
    );
    let probe = test_named(&result, "visible probe");
    assert!(probe.output.contains("PROBED"), "the probe ran: {probe:?}");
    assert!(!probe.output.contains("FOUND"), "{probe:?}");
    assert!(!format!("{result:?}").contains("secret"), "{result:?}");
}

#[tokio::test]
async fn a_submission_gets_one_core() {
    // Two threads spin for a second of wall time; with one core they share it.
    let spinner = r#"#include <pthread.h>
#include <stdio.h>
#include <time.h>
static double now(clockid_t clock)
{
	struct timespec t;
	clock_gettime(clock, &t);
	return (t.tv_sec + t.tv_nsec / 1e9);
}
static void *spin(void *start)
{
	while (now(CLOCK_MONOTONIC) - *(double *)start < 1.0)
		;
	return (NULL);
}
int main(void)
{
	pthread_t other;
	double start = now(CLOCK_MONOTONIC);
	pthread_create(&other, NULL, spin, &start);
	spin(&start);
	pthread_join(other, NULL);
	printf("RAN cpu/wall %d%%\n", (int)(100 * now(CLOCK_PROCESS_CPUTIME_ID) / (now(CLOCK_MONOTONIC) - start)));
	return (0);
}
"#;
    let material = program_material(vec![case("spin", &[], Visibility::Visible)], |_| {});
    let result = grade_program(spinner, &material, &Limits::default()).await;
    let output = &test_named(&result, "spin").output;
    let percent: u32 = output
        .trim()
        .strip_prefix("RAN cpu/wall ")
        .and_then(|rest| rest.strip_suffix('%'))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("the spinner ran: {result:?}"));
    assert!(
        percent <= 130,
        "two spinning threads used {percent}% of one core"
    );
}

const SPINS_FOREVER_ON_LOOP: &str = r#"#include <stdio.h>
#include <string.h>
int main(int argc, char **argv)
{
	printf("RAN\n");
	fflush(stdout);
	while (argc > 1 && strcmp(argv[1], "loop") == 0)
		;
	return (1);
}
"#;

#[tokio::test]
async fn a_hopeless_run_costs_one_timeout_where_every_test_counts() {
    let tests = || {
        (1..=3)
            .map(|i| case(&format!("test {i}"), &["loop"], Visibility::Visible))
            .collect::<Vec<_>>()
    };
    let perfect = program_material(tests(), |spec| {
        spec.stop_on_time_limit = true;
        spec.timeout_ms = 500;
    });
    let result = grade_program(SPINS_FOREVER_ON_LOOP, &perfect, &Limits::default()).await;
    assert_eq!(result.status, Status::TimeLimit, "{result:?}");
    let statuses: Vec<Status> = result.tests.iter().map(|t| t.status).collect();
    assert_eq!(
        statuses,
        [Status::TimeLimit, Status::NotRun, Status::NotRun],
        "{result:?}"
    );
    // Ordinary failures still run every test, so the student sees all of them.
    let failing: Vec<SpecTest> = (1..=3)
        .map(|i| case(&format!("fails {i}"), &["exit"], Visibility::Visible))
        .collect();
    let result = grade_program(
        SPINS_FOREVER_ON_LOOP,
        &program_material(failing, |spec| spec.stop_on_time_limit = true),
        &Limits::default(),
    )
    .await;
    assert!(
        result
            .tests
            .iter()
            .all(|t| t.status == Status::Failed && t.output.contains("RAN")),
        "{result:?}"
    );
    // Where partial scores count, the run's time budget ends it.
    let budgeted = program_material(tests(), |spec| {
        spec.time_budget_ms = Some(1000);
        spec.timeout_ms = 600;
    });
    let result = grade_program(SPINS_FOREVER_ON_LOOP, &budgeted, &Limits::default()).await;
    let statuses: Vec<Status> = result.tests.iter().map(|t| t.status).collect();
    assert_eq!(
        statuses,
        [Status::TimeLimit, Status::TimeLimit, Status::NotRun],
        "{result:?}"
    );
    assert_eq!(result.status, Status::TimeLimit);
}

#[tokio::test]
async fn one_test_out_of_memory_keeps_the_others_results() {
    let eater = r#"#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
	printf("RAN\n");
	fflush(stdout);
	while (argc > 1 && strcmp(argv[1], "eat") == 0)
	{
		char *block = malloc(1 << 20);
		if (block)
			memset(block, 1, 1 << 20);
	}
	return (0);
}
"#;
    let material = program_material(
        vec![
            case("before", &["small"], Visibility::Visible),
            case("eats memory", &["eat"], Visibility::Visible),
            case("after", &["small"], Visibility::Visible),
        ],
        |_| {},
    );
    let limits = Limits {
        memory_bytes: 128 << 20,
        ..Limits::default()
    };
    let result = grade_program(eater, &material, &limits).await;
    assert_eq!(result.status, Status::MemoryLimit, "{result:?}");
    let statuses: Vec<Status> = result.tests.iter().map(|t| t.status).collect();
    assert_eq!(
        statuses,
        [Status::Passed, Status::MemoryLimit, Status::Passed],
        "{result:?}"
    );
    assert!((result.score - 66.67).abs() < 0.01, "{result:?}");
    // A program that kills itself with SIGKILL did not run out of memory.
    let suicide = "#include <signal.h>\n#include <stdio.h>\n#include <unistd.h>\nint main(void)\n{\n\tprintf(\"RAN\\n\");\n\tfflush(stdout);\n\tkill(getpid(), SIGKILL);\n\treturn (0);\n}\n";
    let material = program_material(vec![case("kill 9", &[], Visibility::Visible)], |_| {});
    let result = grade_program(suicide, &material, &Limits::default()).await;
    let test = test_named(&result, "kill 9");
    assert!(test.output.contains("RAN"), "{result:?}");
    assert_eq!(
        (test.status, test.signal.as_deref()),
        (Status::Crashed, Some("SIGKILL"))
    );
}

/// Writes through an inline `syscall` instruction, which `nm` cannot see.
const RAW_SYSCALL: &str = "int\tft_strlen(char *str)\n{\n\tlong\tret;\n\tint\t\ti;\n\n\t__asm__ volatile (\"syscall\" : \"=a\"(ret) : \"a\"(1L), \"D\"(1L), \"S\"(\"RAW\\n\"), \"d\"(4L) : \"rcx\", \"r11\", \"memory\");\n\ti = 0;\n\twhile (str[i])\n\t\ti++;\n\treturn (i);\n}\n";

#[tokio::test]
async fn a_raw_system_call_is_a_forbidden_function() {
    // Where functions are not restricted, the instruction works: the program ran.
    let open = grade_source("ft-strlen-open", RAW_SYSCALL, &Limits::default()).await;
    assert!(
        open.tests.iter().any(|t| t.output.contains("RAW")),
        "{open:?}"
    );
    let restricted = grade_source("ft-strlen", RAW_SYSCALL, &Limits::default()).await;
    assert_eq!(
        restricted.status,
        Status::ForbiddenFunction,
        "{restricted:?}"
    );
    assert!(
        restricted
            .message
            .contains("ft_strlen.c makes a system call directly"),
        "{restricted:?}"
    );
}

#[tokio::test]
async fn a_file_with_its_own_main_is_told_so_without_naming_the_harness() {
    let with_main = "int\tft_strlen(char *str)\n{\n\tint\ti;\n\n\ti = 0;\n\twhile (str[i])\n\t\ti++;\n\treturn (i);\n}\n\nint\tmain(void)\n{\n\treturn (ft_strlen(\"abc\"));\n}\n";
    let result = grade_source("ft-strlen", with_main, &Limits::default()).await;
    assert_eq!(result.status, Status::CompilationError, "{result:?}");
    assert!(
        result
            .message
            .starts_with("ft_strlen.c defines main(): hand in only the function"),
        "{result:?}"
    );
    // A link error (a misspelt function) never names the hidden files either.
    let misspelt = "int\tft_strlne(char *str)\n{\n\t(void)str;\n\treturn (0);\n}\n";
    let result = grade_source("ft-strlen", misspelt, &Limits::default()).await;
    assert_eq!(result.status, Status::CompilationError, "{result:?}");
    assert!(result.message.contains("ft_strlen"), "{result:?}");
    assert!(
        !result.message.contains(".tests") && !result.message.contains("main.c"),
        "{result:?}"
    );
}

#[tokio::test]
async fn root_in_the_sandbox_is_not_root_on_the_host() {
    let grader = qadam_grader::Grader::connect(&images_root()).unwrap();
    assert!(
        grader.engine_remaps_users().await.unwrap(),
        "the engine runs without --userns-remap (scripts/lib.sh starts it with it)"
    );
    let reader = "#include <stdio.h>\nint main(void)\n{\n\tchar line[128];\n\tFILE *f = fopen(\"/proc/self/uid_map\", \"r\");\n\tprintf(\"RAN\\n\");\n\twhile (f && fgets(line, sizeof line, f))\n\t\tprintf(\"%s\", line);\n\treturn (0);\n}\n";
    let material = program_material(vec![case("uid map", &[], Visibility::Visible)], |_| {});
    let result = grade_program(reader, &material, &Limits::default()).await;
    let output = &test_named(&result, "uid map").output;
    let first: Vec<u64> = output
        .lines()
        .nth(1)
        .unwrap_or_else(|| panic!("the program ran: {result:?}"))
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!(first[0], 0, "{output}");
    assert_ne!(first[1], 0, "uid 0 inside is uid {} outside", first[1]);
}

#[tokio::test]
async fn sanitizers_catch_reads_past_the_end_leaks_and_overflow() {
    let program = r#"#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int length_reading_one_too_far(const char *s)
{
	int i = 0;
	while (s[i] || s[i + 1])
		i++;
	return (i);
}
int main(int argc, char **argv)
{
	char *copy = malloc(strlen(argv[1]) + 1);
	strcpy(copy, argv[1]);
	printf("RAN\n");
	fflush(stdout);
	if (strcmp(argv[1], "overread") == 0)
		printf("%d\n", length_reading_one_too_far(copy));
	else if (strcmp(argv[1], "overflow") == 0)
	{
		int big = INT_MAX - argc;
		printf("%d\n", big + 5);
	}
	else if (strcmp(argv[1], "leak") == 0)
		return (0);
	free(copy);
	return (0);
}
"#;
    let material = program_material(
        vec![
            case("clean", &["clean"], Visibility::Visible),
            case("reads one past the end", &["overread"], Visibility::Visible),
            case("signed overflow", &["overflow"], Visibility::Visible),
            case("leak", &["leak"], Visibility::Visible),
        ],
        |spec| spec.sanitize = vec![Sanitizer::Address, Sanitizer::Undefined],
    );
    let result = grade_program(program, &material, &Limits::default()).await;
    assert_eq!(
        test_named(&result, "clean").status,
        Status::Passed,
        "{result:?}"
    );
    for name in ["reads one past the end", "signed overflow", "leak"] {
        let test = test_named(&result, name);
        assert!(test.output.contains("RAN"), "{test:?}");
        assert_eq!(test.status, Status::Failed, "{test:?}");
    }
    let overread = test_named(&result, "reads one past the end");
    assert_eq!(
        overread.output, "RAN\n",
        "the report is not the program's output"
    );
    assert!(
        overread
            .message
            .starts_with("memory error: heap-buffer-overflow")
            && overread.message.contains("READ of size 1")
            && overread
                .message
                .contains("in length_reading_one_too_far (prog.c:8)"),
        "{overread:?}"
    );
    let overflow = test_named(&result, "signed overflow");
    assert!(
        overflow
            .message
            .starts_with("undefined behaviour at prog.c:")
            && overflow.message.contains("signed integer overflow"),
        "{overflow:?}"
    );
    let leak = test_named(&result, "leak");
    assert!(leak.message.starts_with("memory leak:"), "{leak:?}");
    // The same program without sanitizers passes every test: they caught it.
    let plain = program_material(material.spec.tests.clone(), |_| {});
    let result = grade_program(program, &plain, &Limits::default()).await;
    assert_eq!(result.status, Status::Passed, "{result:?}");
}

#[tokio::test]
async fn a_header_only_submission_is_graded_through_the_harness_that_stays_hidden() {
    async fn grade(header: &str) -> GradeResult {
        grade_files("ft-abs-header", &[("ft_abs.h", header)], &Limits::default()).await
    }
    let right = grade("#ifndef FT_ABS_H\n# define FT_ABS_H\n# define ABS(Value) ((Value) < 0 ? -(Value) : (Value))\n#endif\n").await;
    assert_eq!(right.status, Status::Passed, "{right:?}");

    // The classic mistake: the argument without parentheses.
    let wrong = grade("#define ABS(Value) (Value < 0 ? -Value : Value)\n").await;
    assert_eq!(wrong.status, Status::Failed, "{wrong:?}");
    let expression = test_named(&wrong, "an expression");
    assert_eq!(expression.status, Status::Failed, "{wrong:?}");

    // Hostile headers: reading a hidden file through #include (expanded as the
    // student, who cannot read it), through a pragma that names a file, or breaking
    // the harness so that gcc would quote its lines.
    let hostile = [
        "#include \"/work/.tests/main.c\"\n#define ABS(Value) (Value)\n",
        "#include \"../.tests/main.c\"\n#define ABS(Value) (Value)\n",
        "#pragma GCC dependency \"/work/.tests/main.c\"\n#define ABS(Value) (Value)\n",
        "#define ABS(Value) )\n#define printf(...) SECRET-HARNESS\n",
        "#define ABS(Value) __FILE__ ## Value\n",
    ];
    // A broken macro is blamed on the student's line; the harness's lines are counted,
    // not shown.
    let broken = grade("#define ABS(Value) )\n").await;
    assert_eq!(broken.status, Status::CompilationError, "{broken:?}");
    assert!(
        broken.message.contains("ft_abs.h:1:") && broken.message.contains("not shown"),
        "{}",
        broken.message
    );
    for header in hostile {
        let result = grade(header).await;
        assert_eq!(
            result.status,
            Status::CompilationError,
            "{header}: {result:?}"
        );
        let said = format!("{result:?}");
        for hidden in ["SECRET-HARNESS-COMMENT", "4242", "argv[1]", "strcmp"] {
            assert!(!said.contains(hidden), "{header}: {hidden} shown in {said}");
        }
    }
}
