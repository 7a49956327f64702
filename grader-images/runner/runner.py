#!/usr/bin/env python3
"""Qadam's in-container grading runner (contract: grader-images/README.md).

Runs as root inside a sandbox that has no network, a read-only root, a tmpfs at /work
and only the SETUID, SETGID, KILL, CHOWN capabilities. It reads one tar archive on
standard input (submission/ and tests/), keeps tests/ in a root-only folder, builds and
runs the student's code as the unprivileged user `student`, compares outputs itself,
and writes the result JSON as the only line on its standard output. Student processes
never share that output: theirs goes to pipes the runner reads and caps.
"""

import errno
import io
import json
import os
import re
import resource
import selectors
import shutil
import signal
import stat
import subprocess
import sys
import tarfile
import time

SCHEMA_VERSION = 1
STUDENT_UID = 1000
WORK = "/work"
STUDENT_DIR = WORK + "/student"
BUILD_DIR = WORK + "/build"
HIDDEN_DIR = WORK + "/.tests"
# Each test runs in a fresh folder under RUN_DIR, which is also its HOME and TMPDIR.
RUN_DIR = WORK + "/run"
# Places where a student process can leave files behind; emptied after every test.
SCRATCH_DIRS = ["/tmp", "/dev/shm", "/dev/mqueue"]
MAX_ARCHIVE_BYTES = 16 * 1024 * 1024
MAX_FILES = 2000
MAX_OUTPUT_BYTES = 64 * 1024
SHOWN_OUTPUT_CHARS = 500
MAX_TEST_TIMEOUT_MS = 10000
# All tests of a run together, unless the project says otherwise (see run_tests).
DEFAULT_TIME_BUDGET_MS = 30000
# valgrind's and the sanitizers' exit code when they found a memory error, a leak or
# undefined behaviour (a program is unlikely to pick it; one that does only fails its
# own test).
VALGRIND_EXIT = 213
SANITIZER_EXIT = 214
# The C compiler's flags, pinned: verdicts must not change with the compiler's defaults
# (signed overflow that wraps at -O0 may not at -O2). Recorded in every result.
C_FLAGS = ["-std=gnu17", "-O0", "-Wall", "-Wextra", "-Werror"]
SANITIZER_FLAGS = ["-g", "-fno-omit-frame-pointer", "-fno-sanitize-recover=all"]
SANITIZER_ENV = {
    "ASAN_OPTIONS": "exitcode=%d:detect_leaks=1:abort_on_error=0:allocator_may_return_null=1" % SANITIZER_EXIT,
    "UBSAN_OPTIONS": "halt_on_error=1:exitcode=%d:print_stacktrace=0" % SANITIZER_EXIT,
    "LSAN_OPTIONS": "exitcode=%d" % SANITIZER_EXIT,
}
# Instructions that enter the kernel directly, bypassing the allowed functions.
SYSCALL_INSTRUCTION = re.compile(r"\s(syscall|sysenter|int\s+\$0x80)\b")
VALGRIND = ["valgrind", "-q", "--vgdb=no", "--leak-check=full", "--show-leak-kinds=definite,indirect",
            "--errors-for-leak-kinds=definite,indirect", "--error-exitcode=%d" % VALGRIND_EXIT]
# Symbols a C compiler may emit calls to on its own; never counted as forbidden.
COMPILER_SYMBOLS = {"__stack_chk_fail", "_GLOBAL_OFFSET_TABLE_", "__gmon_start__"}
SANITIZER_SYMBOL_PREFIXES = ("__asan_", "__ubsan_", "__sanitizer_", "__lsan_")


def signal_name(number):
    """SIGSEGV for 11; SIG35 for a signal with no name (a real-time one)."""
    try:
        return signal.Signals(number).name
    except ValueError:
        return "SIG%d" % number


class Verdict(Exception):
    """Ends grading early with an overall status (compilation_error, norm_error...)."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message




def emit(result):
    sys.stdout.write(json.dumps(result, sort_keys=True) + "\n")
    sys.stdout.flush()


def safe_extract(data):
    """Extracts only plain files and folders with relative, dot-dot-free names."""
    try:
        archive = tarfile.open(fileobj=io.BytesIO(data), mode="r:")
    except tarfile.TarError as err:
        raise Verdict("internal_error", "the job archive is unreadable: %s" % err)
    members = archive.getmembers()
    if len(members) > MAX_FILES:
        raise Verdict("compilation_error", "the submission has more than %d files" % MAX_FILES)
    for member in members:
        name = member.name
        parts = name.split("/")
        if name.startswith("/") or ".." in parts or not (member.isfile() or member.isdir()):
            raise Verdict(
                "compilation_error",
                "the submission contains %s, which is not a plain file inside the submission "
                "(links, devices, absolute paths and '..' are refused)" % name,
            )
        if parts[0] == "submission":
            target = os.path.join(STUDENT_DIR, *parts[1:])
            owner = STUDENT_UID
        elif parts[0] == "tests":
            target = os.path.join(HIDDEN_DIR, *parts[1:])
            owner = 0
        else:
            raise Verdict("internal_error", "unexpected entry %s in the job archive" % name)
        # Everything is written while root owns it; the student's part is handed over
        # afterwards (root here has no CAP_DAC_OVERRIDE to write into a student's folder).
        if member.isdir():
            os.makedirs(target, exist_ok=True)
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        source = archive.extractfile(member)
        with open(target, "wb") as out:
            shutil.copyfileobj(source, out)
        os.chmod(target, 0o644 if owner else 0o600)
    for root, dirs, files in os.walk(STUDENT_DIR):
        for name in dirs + files:
            os.lchown(os.path.join(root, name), STUDENT_UID, STUDENT_UID)
    os.lchown(STUDENT_DIR, STUDENT_UID, STUDENT_UID)


def prepare_dirs():
    for path in (STUDENT_DIR, BUILD_DIR, RUN_DIR):
        os.makedirs(path, exist_ok=True)
    os.lchown(BUILD_DIR, STUDENT_UID, STUDENT_UID)
    # Traversable but not listable: a test finds no trace of the others' folders.
    os.chmod(RUN_DIR, 0o711)
    os.makedirs(HIDDEN_DIR, mode=0o700, exist_ok=True)
    os.chmod(HIDDEN_DIR, 0o700)
    os.chmod(WORK, 0o755)


def limit_student(cpu_seconds, file_bytes):
    def apply():
        os.setsid()
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
        # Never above the sandbox's own (hard) limits: lowering is all we may do.
        for kind, value in ((resource.RLIMIT_FSIZE, file_bytes), (resource.RLIMIT_NOFILE, 64)):
            _, hard = resource.getrlimit(kind)
            value = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(kind, (value, value))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        # When memory runs out, the kernel kills the student's process, not the runner.
        try:
            with open("/proc/self/oom_score_adj", "w") as handle:
                handle.write("1000")
        except OSError:
            pass

    return apply


def kill_everything(process=None):
    """Kills every process in the sandbox but init and the runner, and waits until they
    are gone. kill(-1) is the kernel walking the container's pid namespace at once, so
    a process that forks or changes its session cannot slip past it (a scan of /proc
    could be outrun)."""
    try:
        os.kill(-1, signal.SIGKILL)
    except ProcessLookupError:
        pass
    if process is not None:
        process.wait()
    me = os.getpid()
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        # Orphans are reaped by the container's init.
        if not [p for p in os.listdir("/proc") if p.isdigit() and int(p) not in (1, me)]:
            return
        time.sleep(0.002)


def sysv_ipc_in_use():
    for kind in ("shm", "sem", "msg"):
        try:
            with open("/proc/sysvipc/" + kind) as handle:
                if len(handle.read().splitlines()) > 1:
                    return True
        except OSError:
            pass
    return False


def empty_folder(path):
    """Removes what is inside `path`, without recursion (a student may nest folders
    thousands deep) and making their own unreadable folders readable first."""
    stack, folders = [path], []
    while stack:
        folder = stack.pop()
        folders.append(folder)
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    os.chmod(entry.path, 0o700)
                    stack.append(entry.path)
                else:
                    os.unlink(entry.path)
            except OSError:
                pass
    for folder in reversed(folders[1:]):
        try:
            os.rmdir(folder)
        except OSError:
            pass


def clean_as_student(paths):
    """Empties the folders a student could write to, and removes their System V IPC
    objects, as the student: the runner never walks a tree the student planted. Runs
    only when every student process is dead."""
    pid = os.fork()
    if pid == 0:
        try:
            os.setgroups([])
            os.setgid(STUDENT_UID)
            os.setuid(STUDENT_UID)
            for path in paths:
                empty_folder(path)
            if sysv_ipc_in_use():
                os.execv("/usr/bin/ipcrm", ["ipcrm", "--all"])
        except BaseException:
            pass
        os._exit(0)
    os.waitpid(pid, 0)


def take_back(path):
    """Makes `path` and everything in it root's and read-only for the student, so a test
    cannot change what a later test runs or reads. lchown never follows a link; each
    folder is taken before it is listed, so the student's modes cannot hide anything."""
    os.lchown(path, 0, 0)
    os.chmod(path, 0o755)
    stack = [path]
    while stack:
        for entry in os.scandir(stack.pop()):
            os.lchown(entry.path, 0, 0)
            if entry.is_dir(follow_symlinks=False):
                os.chmod(entry.path, 0o755)
                stack.append(entry.path)
            elif entry.is_file(follow_symlinks=False):
                executable = entry.stat(follow_symlinks=False).st_mode & 0o111
                os.chmod(entry.path, 0o644 | (0o111 if executable else 0))


def seal_student_files():
    """Ends the build: no student process survives it, the submission and the build
    folder become read-only, and the scratch folders start empty for the first test."""
    kill_everything()
    take_back(STUDENT_DIR)
    take_back(BUILD_DIR)
    clean_as_student(SCRATCH_DIRS)


def oom_kills():
    """How many processes the sandbox's memory limit has killed so far (cgroup v1 or
    v2), or None when the kernel does not say."""
    for path in ("/sys/fs/cgroup/memory/memory.oom_control", "/sys/fs/cgroup/memory.events"):
        try:
            with open(path) as handle:
                for line in handle:
                    key, _, value = line.partition(" ")
                    if key == "oom_kill":
                        return int(value)
        except (OSError, ValueError):
            pass
    return None


class Run:
    """What one program run did."""

    def __init__(self):
        self.code = None
        self.signal = None
        self.stdout = bytearray()
        self.stderr = bytearray()
        self.timed_out = False
        self.truncated = False
        self.out_of_memory = False


def run_as_student(argv, stdin_bytes, timeout_s, cwd, cpu_seconds=None, file_bytes=1 << 20,
                   extra_env=None, home=BUILD_DIR):
    """Runs argv as the student with its output captured and capped, then kills every
    process it left behind."""
    command = [
        "setpriv", "--reuid=%d" % STUDENT_UID, "--regid=%d" % STUDENT_UID,
        "--clear-groups", "--inh-caps=-all", "--",
    ] + argv
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "TMPDIR": home, "LANG": "C.UTF-8",
           "PYTHONDONTWRITEBYTECODE": "1"}
    env.update(extra_env or {})
    cpu = cpu_seconds if cpu_seconds is not None else max(1, int(timeout_s) + 1)
    oom_before = oom_kills()
    run = Run()
    started = time.monotonic()
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        cwd=cwd, env=env, preexec_fn=limit_student(cpu, file_bytes),
    )
    selector = selectors.DefaultSelector()
    readers = {process.stdout.fileno(): run.stdout, process.stderr.fileno(): run.stderr}
    selector.register(process.stdout, selectors.EVENT_READ)
    selector.register(process.stderr, selectors.EVENT_READ)
    # Standard input is written as the program reads it: a program that never reads
    # must not block the runner on a full pipe.
    pending = memoryview(stdin_bytes)
    if pending:
        os.set_blocking(process.stdin.fileno(), False)
        selector.register(process.stdin, selectors.EVENT_WRITE)
    else:
        process.stdin.close()
    exited_at = None
    while len(selector.get_map()) > 0:
        remaining = timeout_s - (time.monotonic() - started)
        if remaining <= 0:
            run.timed_out = True
            break
        if exited_at is None and process.poll() is not None:
            exited_at = time.monotonic()
        # A background child may hold the pipes open after the program exits: read
        # what is already there, then stop waiting for it.
        if exited_at is not None and time.monotonic() - exited_at > 0.05:
            break
        for key, _ in selector.select(timeout=min(remaining, 0.05)):
            if key.fileobj is process.stdin:
                try:
                    written = os.write(key.fd, pending[:65536])
                    pending = pending[written:]
                except (BrokenPipeError, OSError):
                    pending = pending[:0]
                if not pending:
                    selector.unregister(process.stdin)
                    process.stdin.close()
                continue
            data = os.read(key.fd, 65536)
            if not data:
                selector.unregister(key.fileobj)
                continue
            buffer = readers[key.fd]
            room = MAX_OUTPUT_BYTES - len(run.stdout) - len(run.stderr)
            buffer.extend(data[:room])
            if len(data) > room:
                run.truncated = True
        if run.truncated:
            break
    selector.close()
    if not run.timed_out and not run.truncated:
        try:
            process.wait(timeout=max(0.1, timeout_s - (time.monotonic() - started)))
        except subprocess.TimeoutExpired:
            run.timed_out = True
    kill_everything(process)
    for stream in (process.stdin, process.stdout, process.stderr):
        try:
            stream.close()
        except OSError:
            pass
    code = process.returncode
    # setpriv execs the program, so its status is the program's.
    run.code, run.signal = (code, None) if code >= 0 else (None, -code)
    oom_after = oom_kills()
    run.out_of_memory = oom_before is not None and oom_after is not None and oom_after > oom_before
    if oom_before is None and run.signal == signal.SIGKILL and not run.timed_out and not run.truncated:
        run.out_of_memory = True  # the kernel does not say: a SIGKILL we did not send
    run.stdout, run.stderr = bytes(run.stdout), bytes(run.stderr)
    return run


def shown(data):
    text = data.decode("utf-8", errors="replace")
    if len(text) > SHOWN_OUTPUT_CHARS:
        return text[:SHOWN_OUTPUT_CHARS] + "\n[... cut: %d more characters]" % (len(text) - SHOWN_OUTPUT_CHARS)
    return text


def tool_versions():
    versions = {"runner": "qadam-runner %d" % SCHEMA_VERSION}
    probes = {"gcc": ["gcc", "-dumpfullversion"], "python3": ["python3", "--version"],
              "bash": ["bash", "--version"], "rustc": ["rustc", "--version"],
              "norminette": ["norminette", "--version"], "go": ["go", "version"]}
    for name, command in probes.items():
        if shutil.which(command[0]) is None:
            continue
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=5)
            versions[name] = (done.stdout or done.stderr).strip().splitlines()[0]
        except (OSError, subprocess.TimeoutExpired, IndexError):
            pass
    if "gcc" in versions:
        versions["cflags"] = " ".join(C_FLAGS)
    return versions


def entry_file(spec):
    entry = spec.get("entry") or (spec.get("required_files") or [None])[0]
    if not entry or not os.path.isfile(os.path.join(STUDENT_DIR, entry)):
        raise Verdict("compilation_error", "the submission must contain %s" % (entry or "an entry file"))
    return os.path.join(STUDENT_DIR, entry)


def link_dir():
    path = os.path.join(WORK, "link")
    os.makedirs(path, mode=0o755, exist_ok=True)
    return path


def copy_plain_file(source, target, mode, what):
    """Copies a file the student's tools wrote, refusing anything but a plain file (the
    runner never follows a link into a path of the student's choosing)."""
    try:
        fd = os.open(source, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        raise Verdict("compilation_error", "%s was not produced" % what)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise Verdict("compilation_error", "%s is not a plain file" % what)
        with open(target, "wb") as out:
            shutil.copyfileobj(handle, out)
    os.chmod(target, mode)


def build_python(spec):
    """Python: the hidden harness (if any) imports the student's modules, else the
    student's entry file runs as a program. Syntax errors count as compilation errors."""
    sources = [os.path.join(r, f) for r, _, fs in os.walk(STUDENT_DIR) for f in fs if f.endswith(".py")]
    if not sources:
        raise Verdict("compilation_error", "no .py file in the submission")
    run = run_as_student(
        ["python3", "-c", "import ast,sys\nfor p in sys.argv[1:]: ast.parse(open(p, 'rb').read(), p)"] + sources,
        b"", 20, BUILD_DIR)
    if run.timed_out or run.code != 0:
        raise Verdict("compilation_error", "Python cannot parse the submission:\n%s" % shown(run.stdout + run.stderr))
    seal_student_files()
    env = {"PYTHONPATH": STUDENT_DIR}
    harness = spec.get("harness", [])
    if harness:
        copies = []
        for name in harness:
            copy = os.path.join(link_dir(), name)
            shutil.copyfile(os.path.join(HIDDEN_DIR, name), copy)
            os.chmod(copy, 0o644)
            copies.append(copy)
        return ["python3", copies[0]], env
    return ["python3", entry_file(spec)], env


def build_rust(spec):
    """Rust: rustc compiles the entry file as the student; root keeps the binary."""
    entry = entry_file(spec)
    output = os.path.join(BUILD_DIR, "program")
    run = run_as_student(
        ["rustc", "--edition", "2021", "-O", "-o", output, entry], b"", 60, BUILD_DIR,
        cpu_seconds=60, file_bytes=64 << 20)
    if run.timed_out or run.code != 0:
        raise Verdict("compilation_error", "rustc failed:\n%s" % shown(run.stdout + run.stderr))
    seal_student_files()
    binary = os.path.join(link_dir(), "program")
    copy_plain_file(output, binary, 0o755, "the compiled program")
    return [binary], {}


# Go (the go image): the toolchain's own compiler, vet and linker are called directly
# with an import configuration made when the image was built (GO_IMPORTCFG: every
# package of the standard library, prebuilt, and github.com/01-edu/z01). The go command
# is not used while grading: it would hash the sources of every dependency and want a
# build cache, which starts empty in every container (see grader-images/README.md).
GO_DIR = "/opt/qadam/go"
GO_TOOLS = GO_DIR + "/tool"
GO_IMPORTCFG = GO_DIR + "/importcfg"
# The student's package in a function exercise, as the harness imports it.
GO_LIBRARY = "piscine"
GO_ENV = {"GOTOOLCHAIN": "local", "GOPROXY": "off", "GOFLAGS": "-mod=mod", "CGO_ENABLED": "0",
          "GOWORK": "off", "GOCACHE": "off"}
# Tests run with panics (and fatal runtime errors) raising SIGABRT: a panic is `crashed`,
# while os.Exit(n) stays an exit code.
GO_RUN_ENV = {"GOTRACEBACK": "crash"}
GO_TOKEN = re.compile(r"""\s+|//[^\n]*|/\*.*?\*/|"(?:[^"\\\n]|\\.)*"|`[^`]*`|[A-Za-z_][A-Za-z0-9_]*|.""", re.S)
GO_ESCAPE = re.compile(r"""\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)""", re.S)
GO_SIMPLE_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
                     "\\": "\\", "'": "'", '"': '"'}


def go_string(token):
    """The value of a Go string literal (escapes interpreted, as the compiler does)."""
    if token.startswith("`"):
        return token[1:-1].replace("\r", "")

    def unescape(match):
        code = match.group(1)
        if code[0] in "xuU":
            return chr(int(code[1:], 16))
        if code[0] in "01234567":
            return chr(int(code, 8))
        return GO_SIMPLE_ESCAPES.get(code, "\\" + code)

    return GO_ESCAPE.sub(unescape, token[1:-1])


def go_header(path):
    """A Go file's package name and imports, read from its first declarations; None when
    the file does not start like Go (the compiler then says why). Semicolons and line
    ends carry no meaning in the import grammar, so they are skipped with the comments."""
    with open(path, "rb") as handle:
        text = handle.read(1 << 20).decode("utf-8", "replace")
    tokens = []
    for match in GO_TOKEN.finditer(text):
        token = match.group(0)
        if not (token.isspace() or token.startswith(("//", "/*")) or token == ";"):
            tokens.append(token)
            if len(tokens) > 8192:
                break
    tokens.append(None)
    if tokens[0] != "package" or tokens[1] is None:
        return None
    name, imports, position = tokens[1], [], 2
    while tokens[position] == "import":
        grouped = tokens[position + 1] == "("
        position += 2 if grouped else 1
        while True:
            if grouped and tokens[position] == ")":
                position += 1
                break
            if tokens[position] is not None and re.match(r"[A-Za-z_.]\w*$", tokens[position]):
                position += 1  # the import's name: ., _ or an identifier
            token = tokens[position]
            if token is None or token[0] not in "\"`":
                return None
            imports.append(go_string(token))
            position += 1
            if not grouped:
                break
    return name, imports


def go_importcfg(path, allowed=None, extra=()):
    """Writes an import configuration for the compiler: the image's packages (only the
    allowed ones, when a list is given) and `extra` lines. Returns the packages it names."""
    packages = {}
    with open(GO_IMPORTCFG) as handle:
        for line in handle:
            if line.startswith("packagefile "):
                name, _, archive = line[len("packagefile "):].strip().partition("=")
                if allowed is None or name in allowed:
                    packages[name] = archive
    packages.update(extra)
    with open(path, "w") as out:
        out.write("".join("packagefile %s=%s\n" % item for item in sorted(packages.items())))
    os.chmod(path, 0o644)
    return packages


def go_messages(data, spec):
    """The toolchain's words, with no path of the sandbox in them."""
    text = shown(data).replace(STUDENT_DIR + "/", "").replace(BUILD_DIR + "/", "")
    return re.sub(r"the grader's main:\d+(:\d+)?:", "the grader's main:", without_hidden_names(text, spec))


def build_go(spec):
    """Go: the student's files (the .go files at the top of the submission, but tests)
    form one package: `main` for a program, `piscine` for a function exercise, whose
    hidden harness (package main) imports it. The student compiles and vets it, and links
    a program; root compiles the harness against the student's compiled package and links
    it. Imports are checked against `allowed_imports` twice: in the sources, and by the
    compiler, which is shown only the allowed packages."""
    sources = sorted(f for f in os.listdir(STUDENT_DIR)
                     if f.endswith(".go") and not f.endswith("_test.go")
                     and os.path.isfile(os.path.join(STUDENT_DIR, f)))
    if not sources:
        raise Verdict("compilation_error", "no .go file at the top of the submission")
    harness = spec.get("harness", [])
    package = GO_LIBRARY if harness else "main"
    allowed = spec.get("allowed_imports")
    for source in sources:
        header = go_header(os.path.join(STUDENT_DIR, source))
        if header is None:
            continue
        name, imports = header
        if name != package:
            if harness:
                raise Verdict("compilation_error", "%s is in package %s: write the functions in package %s "
                              "(no main: the grader brings its own)" % (source, name, GO_LIBRARY))
            raise Verdict("compilation_error", "%s is in package %s: a program is written in package main"
                          % (source, name))
        forbidden = sorted(set(i for i in imports if allowed is not None and i not in allowed))
        if forbidden:
            raise Verdict("forbidden_function", "%s imports %s, which this project does not allow (allowed: %s)"
                          % (source, ", ".join('"%s"' % i for i in forbidden),
                             ", ".join('"%s"' % a for a in allowed) or "no package"))
    config = os.path.join(link_dir(), "student.importcfg")
    visible = go_importcfg(config, allowed)
    archive = os.path.join(BUILD_DIR, package + ".a")
    compiled = run_as_student(
        [GO_TOOLS + "/compile", "-p", package, "-complete", "-nolocalimports", "-pack",
         "-trimpath", STUDENT_DIR + "=>", "-importcfg", config, "-o", archive] + sources,
        b"", 30, STUDENT_DIR, cpu_seconds=30, file_bytes=64 << 20, extra_env=GO_ENV)
    if compiled.timed_out or compiled.code != 0:
        text = go_messages(compiled.stdout + compiled.stderr, spec)
        missing = re.search(r"could not import (\S+) \(open : no such file", text)
        if missing and allowed is not None and missing.group(1) not in allowed \
                and missing.group(1) in go_importcfg(os.path.join(link_dir(), "all.importcfg")):
            raise Verdict("forbidden_function", "the submission imports \"%s\", which this project does not allow "
                          "(allowed: %s)" % (missing.group(1), ", ".join('"%s"' % a for a in allowed) or "no package"))
        raise Verdict("compilation_error", "the Go compiler failed:\n%s" % text)
    vet_config = os.path.join(link_dir(), "vet.cfg")
    with open(vet_config, "w") as out:
        json.dump({"ID": package, "Compiler": "gc", "Dir": STUDENT_DIR, "ImportPath": package,
                   "GoFiles": sources, "NonGoFiles": [], "ImportMap": {p: p for p in visible},
                   "PackageFile": visible, "Standard": {p: "." not in p.split("/")[0] for p in visible},
                   "PackageVetx": {}, "VetxOnly": False, "VetxOutput": os.path.join(BUILD_DIR, "vet.out"),
                   "SucceedOnTypecheckFailure": False}, out)
    os.chmod(vet_config, 0o644)
    vetted = run_as_student([GO_TOOLS + "/vet", vet_config], b"", 30, STUDENT_DIR, cpu_seconds=30,
                            extra_env=GO_ENV)
    if vetted.timed_out or vetted.code != 0:
        raise Verdict("compilation_error", "go vet found a problem:\n%s"
                      % go_messages(vetted.stdout + vetted.stderr, spec))
    everything = os.path.join(link_dir(), "all.importcfg")
    if not harness:
        output = os.path.join(BUILD_DIR, "program")
        go_importcfg(everything)
        linked = run_as_student(
            [GO_TOOLS + "/link", "-s", "-w", "-buildmode=exe", "-importcfg", everything, "-o", output, archive],
            b"", 60, BUILD_DIR, cpu_seconds=60, file_bytes=64 << 20, extra_env=GO_ENV)
        if linked.timed_out or linked.code != 0:
            raise Verdict("compilation_error", "the Go linker failed:\n%s"
                          % go_messages(linked.stdout + linked.stderr, spec))
        seal_student_files()
        binary = os.path.join(link_dir(), "program")
        copy_plain_file(output, binary, 0o755, "the compiled program")
        return [binary], dict(GO_RUN_ENV)
    seal_student_files()
    library = os.path.join(link_dir(), package + ".a")
    copy_plain_file(archive, library, 0o644, "the compiled package")
    go_importcfg(everything, extra={package: library})
    main_archive = os.path.join(link_dir(), "main.a")
    harness_sources = [os.path.join(HIDDEN_DIR, h) for h in harness]
    steps = [
        ("the grader's main cannot use your package",
         [GO_TOOLS + "/compile", "-p", "main", "-complete", "-pack", "-trimpath", HIDDEN_DIR + "=>",
          "-importcfg", everything, "-o", main_archive] + harness_sources),
        ("linking failed",
         [GO_TOOLS + "/link", "-s", "-w", "-buildmode=exe", "-importcfg", everything,
          "-o", os.path.join(link_dir(), "program"), main_archive]),
    ]
    for what, command in steps:
        done = subprocess.run(command, capture_output=True, timeout=60, cwd=link_dir(), env=dict(
            GO_ENV, PATH="/usr/bin:/bin", HOME=link_dir(), TMPDIR=link_dir()))
        if done.returncode != 0:
            raise Verdict("compilation_error", "%s:\n%s" % (what, go_messages(done.stdout + done.stderr, spec)))
    binary = os.path.join(link_dir(), "program")
    os.chmod(binary, 0o755)
    return [binary], dict(GO_RUN_ENV)


def build(spec):
    """The command each test runs (arguments are appended) and its extra environment."""
    language = spec.get("image", "c")
    if language == "c":
        return build_c(spec)
    if language == "python":
        return build_python(spec)
    if language == "shell":
        entry = entry_file(spec)
        seal_student_files()
        return ["bash", entry], {}
    if language == "rust":
        return build_rust(spec)
    if language == "go":
        return build_go(spec)
    raise Verdict("internal_error", "this runner cannot grade image %s" % language)


def check_norm(spec):
    """Runs the 42 norm checker on the student's .c and .h files, as the student.
    `norm_header: false` lets a school skip the 42 header requirement."""
    files = sorted(
        os.path.relpath(os.path.join(root, f), STUDENT_DIR)
        for root, _, names in os.walk(STUDENT_DIR) for f in names if f.endswith((".c", ".h"))
    )
    run = run_as_student(["norminette"] + files, b"", 30, STUDENT_DIR, cpu_seconds=30)
    if run.timed_out:
        raise Verdict("internal_error", "norminette did not finish")
    text = re.sub(r"\x1b\[[0-9;]*m", "", (run.stdout + run.stderr).decode("utf-8", "replace"))
    errors = [line for line in text.splitlines() if line.startswith("Error:")]
    if spec.get("norm_header") is False:
        errors = [line for line in errors if "INVALID_HEADER" not in line]
    if errors:
        raise Verdict("norm_error", "the norm is not respected:\n%s" % "\n".join(errors[:20]))
    if run.code != 0 and not any(line.startswith("Error") for line in text.splitlines()):
        raise Verdict("internal_error", "norminette failed: %s" % text[:500])


def sanitizer_flags(spec):
    kinds = [k for k in spec.get("sanitize", []) if k in ("address", "undefined")]
    return ["-fsanitize=" + ",".join(kinds)] + SANITIZER_FLAGS if kinds else []


def symbols(args, objects):
    listed = subprocess.run(["nm"] + args + objects, capture_output=True, text=True)
    return {line.split()[-1] for line in listed.stdout.splitlines()
            if line.strip() and not line.endswith(":") and len(line.split()) >= 2}


def check_student_objects(spec, sources, objects):
    """What the linker would say in its own words, said plainly: a student file with its
    own main(), a function outside the allowed list, or a direct system call."""
    if spec.get("harness"):
        for source, obj in zip(sources, objects):
            if "main" in symbols(["--defined-only", "-g"], [obj]):
                raise Verdict("compilation_error", "%s defines main(): hand in only the function, "
                              "the grader brings its own main()" % source)
    allowed = spec.get("allowed_functions")
    if allowed is None:
        return
    own = symbols(["--defined-only"], objects)
    used = {s for s in symbols(["-u"], objects) if not s.startswith(SANITIZER_SYMBOL_PREFIXES)}
    forbidden = sorted(used - set(allowed) - own - COMPILER_SYMBOLS)
    if forbidden:
        raise Verdict("forbidden_function", "forbidden function(s) used: %s (allowed: %s)"
                      % (", ".join(forbidden), ", ".join(allowed) or "none"))
    # nm cannot see a system call made by an inline instruction: read the machine code.
    for source, obj in zip(sources, objects):
        code = subprocess.run(["objdump", "-d", "--no-show-raw-insn", obj], capture_output=True, text=True)
        if SYSCALL_INSTRUCTION.search(code.stdout):
            raise Verdict("forbidden_function", "%s makes a system call directly (a syscall instruction), "
                          "which goes around the allowed functions (allowed: %s)"
                          % (source, ", ".join(allowed) or "none"))


def without_hidden_names(text, spec):
    """A message about linking never names the grader's hidden files."""
    text = text.replace(link_dir() + "/", "")
    text = re.sub(re.escape(HIDDEN_DIR) + r"/[^\s:'\"`]*", "the grader's main", text)
    for name in spec.get("harness", []):
        text = text.replace(name, "the grader's main")
    return re.sub(r"/tmp/cc\w+\.o", "the grader's main", text)


# The one directive an expanded header may still hold that reads the file system when
# the harness is compiled (as root): refused. (#include and its kin are gone by then.)
HEADER_FILE_PRAGMA = re.compile(r"^\s*#\s*pragma\s+GCC\s+dependency\b")
LINE_MARKER = re.compile(r'^#\s*\d+\s+"([^"]*)"')


def expand_student_headers(headers, flags):
    """Expands the student's headers as the student: every #include is resolved with
    the student's rights (the hidden tests are out of reach), macros are kept. Returns
    (header, expanded file) pairs, still in the build folder."""
    expanded = []
    for header in headers:
        out = os.path.join(BUILD_DIR, header.replace("/", "_") + ".expanded")
        run = run_as_student(["gcc"] + flags + ["-E", "-fdirectives-only", "-x", "c-header", header, "-o", out],
                             b"", 20, STUDENT_DIR, cpu_seconds=20, file_bytes=16 << 20)
        if run.timed_out or run.code != 0:
            raise Verdict("compilation_error", "gcc failed on %s:\n%s" % (header, shown(run.stdout + run.stderr)))
        expanded.append((header, out))
    return expanded


def without_preamble(lines):
    """An expanded header without gcc's preamble (its predefined macros and the
    pre-included stdc-predef.h, which the harness's own compilation has already): from
    the first line marker naming another file to the marker that comes back to the
    header. Its line markers stay balanced, so gcc still blames each line on its file."""
    first = LINE_MARKER.match(lines[0]) if lines else None
    if not first:
        return lines
    top, kept, in_preamble = first.group(1), [lines[0]], None
    for line in lines[1:]:
        marker = LINE_MARKER.match(line)
        if in_preamble is None:
            in_preamble = bool(marker and marker.group(1) != top)
        if in_preamble:
            if marker and marker.group(1) == top:
                in_preamble = False
            else:
                continue
        kept.append(line)
    return kept


def install_expanded_headers(expanded):
    """Copies the expanded headers where the harness finds them (`-iquote`), refusing
    one that still holds a directive able to read a file."""
    include_dir = os.path.join(link_dir(), "include")
    for header, out in expanded:
        target = os.path.join(include_dir, header)
        os.makedirs(os.path.dirname(target), mode=0o755, exist_ok=True)
        copy_plain_file(out, target, 0o644, "the expanded %s" % header)
        with open(target, encoding="utf-8", errors="replace") as text:
            lines = without_preamble(text.readlines())
        for line in lines:
            if HEADER_FILE_PRAGMA.match(line):
                raise Verdict("compilation_error", "%s keeps a directive the grader does not accept "
                              "in a header: %s" % (header, line.strip()[:80]))
        with open(target, "w", encoding="utf-8") as text:
            text.writelines(lines)
    return include_dir


def without_hidden_lines(text, spec):
    """What gcc said about compiling the hidden harness with the student's headers: only
    the lines about the student's own files, so no line of a hidden test is shown."""
    kept = [line for line in text.splitlines()
            if not line.startswith((HIDDEN_DIR, link_dir() + "/program", "/tmp/"))
            and not line.startswith("In file included from " + HIDDEN_DIR)]
    hidden = len(text.splitlines()) - len(kept)
    if hidden:
        kept.append("(%d line(s) about the grader's hidden main are not shown)" % hidden)
    return without_hidden_names("\n".join(kept), spec)


def build_c(spec):
    """Compiles the student's C files as the student, checks their symbols and machine
    code, then links them with the hidden harness as root. The student's headers are
    expanded as the student and handed to the harness, so a submission of headers only
    (C 08's macros and types) is graded through the harness that includes them."""
    if spec.get("norm"):
        check_norm(spec)
    found = [os.path.relpath(os.path.join(root, f), STUDENT_DIR)
             for root, _, files in os.walk(STUDENT_DIR) for f in files]
    sources = sorted(f for f in found if f.endswith(".c"))
    headers = sorted(f for f in found if f.endswith(".h"))
    harness_names = spec.get("harness", [])
    if not sources and not (headers and harness_names):
        raise Verdict("compilation_error", "no .c file in the submission")
    flags = C_FLAGS + spec.get("cflags", []) + sanitizer_flags(spec)
    built = []
    for source in sources:
        obj = os.path.join(BUILD_DIR, source.replace("/", "_") + ".o")
        run = run_as_student(["gcc"] + flags + ["-c", source, "-o", obj], b"", 20, STUDENT_DIR,
                             cpu_seconds=20, file_bytes=16 << 20)
        if run.timed_out or run.code != 0:
            raise Verdict("compilation_error", "gcc failed on %s:\n%s" % (source, shown(run.stdout + run.stderr)))
        built.append(obj)
    expanded = expand_student_headers(headers, C_FLAGS + spec.get("cflags", [])) if harness_names else []
    seal_student_files()
    # Checked and linked from copies the student can no longer change.
    objects = []
    for source, obj in zip(sources, built):
        copy = os.path.join(link_dir(), os.path.basename(obj))
        copy_plain_file(obj, copy, 0o644, "the object file of %s" % source)
        objects.append(copy)
    check_student_objects(spec, sources, objects)
    harness = [os.path.join(HIDDEN_DIR, h) for h in harness_names]
    include = ["-iquote", install_expanded_headers(expanded)] if expanded else []
    # Without a caret line gcc quotes no source line, of the harness or any other.
    quiet = ["-fno-diagnostics-show-caret", "-fno-diagnostics-show-labels"]
    binary = os.path.join(link_dir(), "program")
    link = subprocess.run(["gcc"] + sanitizer_flags(spec) + quiet + include + ["-o", binary] + objects + harness
                          + spec.get("ldflags", []), capture_output=True, timeout=30, cwd=link_dir())
    if link.returncode != 0:
        said = shown(link.stdout + link.stderr)
        if expanded:
            raise Verdict("compilation_error", "the grader's main could not be built with your files:\n%s"
                          % without_hidden_lines(said, spec))
        raise Verdict("compilation_error", "linking failed:\n%s" % without_hidden_names(said, spec))
    os.chmod(binary, 0o755)
    return [binary], (dict(SANITIZER_ENV) if sanitizer_flags(spec) else {})


def split_report(err, checker):
    """A checker's report apart from the program's own stderr: valgrind's `==PID==`
    lines, or a sanitizer's report from its first line to the end."""
    report, rest = [], []
    in_report = False
    for line in err.decode("utf-8", "replace").splitlines(keepends=True):
        if checker == "valgrind":
            in_report = re.match(r"==\d+== ", line) is not None
        else:
            in_report = (in_report or re.match(r"==\d+==ERROR: ", line) is not None or "runtime error:" in line
                         or re.match(r"^=+$", line.strip()) is not None)
        (report if in_report else rest).append(line)
    return "".join(report), "".join(rest).encode()


def valgrind_message(report):
    """The first thing valgrind complained about, in a sentence."""
    for line in report.splitlines():
        text = re.sub(r"^==\d+== ", "", line).strip()
        if "definitely lost" in text or "indirectly lost" in text:
            return "memory leak: " + text
        if text.startswith(("Invalid", "Conditional jump", "Use of uninitialised", "Mismatched free",
                            "Source and destination overlap")) or "free()" in text:
            return "memory error: " + text
    return "valgrind reported a memory error"


def student_frame(report):
    """Where in the student's files a sanitizer report points, e.g. `ft_strlen.c:7`."""
    for match in re.finditer(r"#\d+ 0x[0-9a-f]+ in (\S+) (\S+?):(\d+)", report):
        function, path, line = match.groups()
        if not path.startswith(HIDDEN_DIR) and not path.startswith("/usr/"):
            return "in %s (%s:%s)" % (function, os.path.relpath(path, STUDENT_DIR) if path.startswith("/") else path, line)
    return None


def sanitizer_message(report, spec):
    """The first thing a sanitizer complained about, in a sentence."""
    lines = report.splitlines()
    for index, line in enumerate(lines):
        if "runtime error:" in line:
            where, _, what = line.partition(" runtime error: ")
            where = where.rstrip(":")
            if where.startswith(HIDDEN_DIR):
                return "undefined behaviour: " + what.strip()
            return "undefined behaviour at %s: %s" % (where, what.strip())
        found = re.match(r"==\d+==ERROR: (AddressSanitizer|LeakSanitizer): (.*)", line)
        if found:
            kind, what = found.groups()
            what = re.sub(r" on address 0x[0-9a-f]+.*", "", what)
            access = next((l.split(" at ")[0].strip() for l in lines[index + 1:index + 3]
                           if l.startswith(("READ", "WRITE"))), "")
            where = student_frame("\n".join(lines[index:]))
            if kind == "LeakSanitizer":
                leak = next((l.strip() for l in lines[index:] if "leak of" in l), "")
                return "memory leak: " + " ".join(p for p in (leak, where) if p)
            return "memory error: " + " ".join(p for p in (what + ("," if access else ""), access, where) if p)
    return "the memory checker reported an error"


def failure(status, message):
    return {"status": status, "message": message}


def judge(test, run, checker, spec, timeout_s):
    """The status and message of one test, from what its run did."""
    report, err = split_report(run.stderr, checker) if checker else ("", run.stderr)
    expected = test.get("expected_stdout")
    expected_exit = test.get("expected_exit", 0)
    if run.timed_out:
        verdict = failure("time_limit", "still running after %.1f s" % timeout_s)
    elif run.truncated:
        verdict = failure("output_limit", "printed more than %d bytes" % MAX_OUTPUT_BYTES)
    elif run.out_of_memory:
        verdict = failure("memory_limit", "killed: out of memory")
    elif run.signal == signal.SIGXCPU:
        verdict = failure("time_limit", "used too much CPU time")
    elif run.signal == signal.SIGXFSZ:
        verdict = failure("output_limit", "wrote a file larger than allowed")
    elif run.signal is not None:
        verdict = failure("crashed", "crashed with signal %s" % signal_name(run.signal))
        verdict["signal"] = signal_name(run.signal)
    elif checker == "valgrind" and run.code == VALGRIND_EXIT and report:
        verdict = failure("failed", valgrind_message(report))
    elif checker == "sanitizer" and run.code == SANITIZER_EXIT and report:
        verdict = failure("failed", sanitizer_message(report, spec))
    elif expected is not None and run.stdout != expected.encode():
        verdict = failure("failed", "expected:\n%s\ngot:\n%s" % (shown(expected.encode()), shown(run.stdout)))
    elif run.code != expected_exit:
        verdict = failure("failed", "expected exit code %d, got %d" % (expected_exit, run.code))
    else:
        verdict = failure("passed", "")
    verdict["output"] = shown(run.stdout + err)
    return verdict


def test_timeout(spec, checker):
    """A project chooses its per-test time, within a hard maximum; under valgrind
    programs run about ten times slower, so they get five times the time. The
    self-check scales it (`timeout_scale`) to prove a margin on either side."""
    timeout_ms = int(spec.get("timeout_ms", 2000))
    if checker == "valgrind":
        timeout_ms *= 5
    return min(timeout_ms, MAX_TEST_TIMEOUT_MS) / 1000.0 * float(spec.get("timeout_scale", 1.0))


def run_one_test(index, test, spec, command, extra_env, checker, timeout_s):
    """One test from a clean state: a fresh folder as its home, and nothing left by an
    earlier test (processes, files in the scratch folders, IPC objects)."""
    home = os.path.join(RUN_DIR, str(index))
    os.mkdir(home, 0o711)  # root must be able to enter it to start the test
    os.lchown(home, STUDENT_UID, STUDENT_UID)
    try:
        run = run_as_student(command + test.get("args", []), test.get("stdin", "").encode(), timeout_s, home,
                             extra_env=extra_env, home=home)
        return judge(test, run, checker, spec, timeout_s)
    finally:
        clean_as_student([home] + SCRATCH_DIRS)
        try:
            os.rmdir(home)
        except OSError:
            pass


def run_tests(spec, command, extra_env):
    checker = None
    if spec.get("image", "c") == "c":
        if spec.get("valgrind"):
            checker = "valgrind"
            command = VALGRIND + command
        elif sanitizer_flags(spec):
            checker = "sanitizer"
    timeout_s = test_timeout(spec, checker)
    # A hopeless run (an endless loop in every test) must not cost every test's time:
    # past the budget, or after a time limit where only a perfect score counts, the
    # remaining tests are not run.
    budget_s = float(spec.get("time_budget_ms", DEFAULT_TIME_BUDGET_MS)) / 1000.0 * float(spec.get("timeout_scale", 1.0))
    stop_reason = None
    used = 0.0
    results = []
    for index, test in enumerate(spec["tests"]):
        visibility = test.get("visibility", "visible")
        if stop_reason is None and used >= budget_s:
            stop_reason = "not run: the tests used their time budget of %.0f s" % budget_s
        if stop_reason is not None:
            results.append({"name": test["name"], "visibility": visibility, "status": "not_run",
                            "message": stop_reason if visibility == "visible" else "not run", "output": ""})
            continue
        started = time.monotonic()
        try:
            result = run_one_test(index, test, spec, command, extra_env, checker, timeout_s)
        except OSError as err:
            if err.errno not in (errno.ENOSPC, errno.EDQUOT):
                raise
            result = failure("output_limit", "the test filled the sandbox's disk")
            result["output"] = ""
        used += time.monotonic() - started
        result.update(name=test["name"], visibility=visibility)
        if result["status"] == "time_limit" and spec.get("stop_on_time_limit"):
            stop_reason = "not run: %s hit the time limit, and this project needs every test" % test["name"]
        if visibility == "hidden" and result["status"] != "passed":
            # Hidden tests say how they failed, never what they expected or got.
            result = {"name": test["name"], "visibility": visibility, "status": result["status"],
                      "message": result["status"].replace("_", " "), "output": ""}
        results.append(result)
    return results


def overall(results):
    """The first failing test's status; a run cut short by its time budget is a time limit."""
    for result in results:
        if result["status"] not in ("passed", "not_run"):
            return result["status"]
    if any(result["status"] == "not_run" for result in results):
        return "time_limit"
    return "passed"


VERSIONS_FILE = "/opt/qadam/tool-versions.json"


def recorded_versions():
    """Tool versions recorded when the image was built (probing them at every run would
    cost each sandbox a few hundred milliseconds of CPU)."""
    try:
        with open(VERSIONS_FILE) as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return tool_versions()


def main():
    if sys.argv[1:] == ["--versions"]:
        print(json.dumps(tool_versions(), sort_keys=True))
        return
    versions = recorded_versions()
    try:
        prepare_dirs()
        data = sys.stdin.buffer.read(MAX_ARCHIVE_BYTES + 1)
        if len(data) > MAX_ARCHIVE_BYTES:
            raise Verdict("compilation_error", "the submission is larger than %d bytes" % MAX_ARCHIVE_BYTES)
        safe_extract(data)
        with open(os.path.join(HIDDEN_DIR, "spec.json")) as handle:
            spec = json.load(handle)
        for required in spec.get("required_files", []):
            if not os.path.isfile(os.path.join(STUDENT_DIR, required)):
                raise Verdict("compilation_error", "the submission must contain %s" % required)
        command, extra_env = build(spec)
        results = run_tests(spec, command, extra_env)
        passed = sum(1 for r in results if r["status"] == "passed")
        emit({"schema_version": SCHEMA_VERSION, "status": overall(results),
              "score": round(100.0 * passed / len(results), 2) if results else 0.0,
              "message": "%d of %d tests passed" % (passed, len(results)),
              "tests": results, "tool_versions": versions})
    except Verdict as verdict:
        emit({"schema_version": SCHEMA_VERSION, "status": verdict.status, "score": 0.0,
              "message": verdict.message, "tests": [], "tool_versions": versions})
    except Exception as err:  # our fault, never the student's
        emit({"schema_version": SCHEMA_VERSION, "status": "internal_error", "score": 0.0,
              "message": "runner error: %s: %s" % (type(err).__name__, err), "tests": [],
              "tool_versions": versions})


if __name__ == "__main__":
    main()
