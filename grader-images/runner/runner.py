#!/usr/bin/env python3
"""Qadam's in-container grading runner (contract: grader-images/README.md).

Runs as root inside a sandbox that has no network, a read-only root, a tmpfs at /work
and only the SETUID, SETGID, KILL, CHOWN capabilities. It reads one tar archive on
standard input (submission/ and tests/), keeps tests/ in a root-only folder, builds and
runs the student's code as the unprivileged user `student`, compares outputs itself,
and writes the result JSON as the only line on its standard output. Student processes
never share that output: theirs goes to pipes the runner reads and caps.
"""

import io
import json
import os
import re
import resource
import shutil
import signal
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
MAX_ARCHIVE_BYTES = 16 * 1024 * 1024
MAX_FILES = 2000
MAX_OUTPUT_BYTES = 64 * 1024
SHOWN_OUTPUT_CHARS = 500
MAX_TEST_TIMEOUT_MS = 10000
# valgrind's exit code when it found a memory error or a leak (a program is unlikely to
# pick it; one that does only fails its own test).
VALGRIND_EXIT = 213
VALGRIND = ["valgrind", "-q", "--vgdb=no", "--leak-check=full", "--show-leak-kinds=definite,indirect",
            "--errors-for-leak-kinds=definite,indirect", "--error-exitcode=%d" % VALGRIND_EXIT]
# Symbols a C compiler may emit calls to on its own; never counted as forbidden.
COMPILER_SYMBOLS = {"__stack_chk_fail", "_GLOBAL_OFFSET_TABLE_", "__gmon_start__"}


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
            os.chown(os.path.join(root, name), STUDENT_UID, STUDENT_UID)
    os.chown(STUDENT_DIR, STUDENT_UID, STUDENT_UID)


def prepare_dirs():
    os.makedirs(STUDENT_DIR, exist_ok=True)
    os.makedirs(BUILD_DIR, exist_ok=True)
    os.chown(BUILD_DIR, STUDENT_UID, STUDENT_UID)
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

    return apply


def kill_student_processes():
    """Kills every process of the student user: nothing outlives its test."""
    for _ in range(3):
        found = False
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                if os.stat("/proc/" + pid).st_uid == STUDENT_UID:
                    os.kill(int(pid), signal.SIGKILL)
                    found = True
            except (FileNotFoundError, ProcessLookupError, PermissionError):
                pass
        if not found:
            return
        time.sleep(0.01)


def run_as_student(argv, stdin_bytes, timeout_s, cwd, cpu_seconds=None, file_bytes=1 << 20, extra_env=None):
    """Runs argv as the student; returns (exit_code, signal, stdout, stderr, timed_out, truncated)."""
    command = [
        "setpriv", "--reuid=%d" % STUDENT_UID, "--regid=%d" % STUDENT_UID,
        "--clear-groups", "--inh-caps=-all", "--",
    ] + argv
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": BUILD_DIR, "TMPDIR": BUILD_DIR, "LANG": "C.UTF-8",
           "PYTHONDONTWRITEBYTECODE": "1"}
    env.update(extra_env or {})
    cpu = cpu_seconds if cpu_seconds is not None else max(1, int(timeout_s) + 1)
    started = time.monotonic()
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        cwd=cwd, env=env, preexec_fn=limit_student(cpu, file_bytes),
    )
    timed_out = False
    truncated = False
    chunks = {process.stdout.fileno(): bytearray(), process.stderr.fileno(): bytearray()}
    import selectors
    selector = selectors.DefaultSelector()
    try:
        if stdin_bytes:
            process.stdin.write(stdin_bytes)
        process.stdin.close()
    except BrokenPipeError:
        pass
    selector.register(process.stdout, selectors.EVENT_READ)
    selector.register(process.stderr, selectors.EVENT_READ)
    open_streams = 2
    exited_at = None
    while open_streams:
        remaining = timeout_s - (time.monotonic() - started)
        if remaining <= 0:
            timed_out = True
            break
        if exited_at is None and process.poll() is not None:
            exited_at = time.monotonic()
        # A background child may hold the pipes open after the program exits: read
        # what is already there, then stop waiting for it.
        if exited_at is not None and time.monotonic() - exited_at > 0.05:
            break
        for key, _ in selector.select(timeout=min(remaining, 0.05)):
            data = os.read(key.fd, 65536)
            if not data:
                selector.unregister(key.fileobj)
                open_streams -= 1
                continue
            buffer = chunks[key.fd]
            if len(buffer) + len(data) > MAX_OUTPUT_BYTES:
                buffer.extend(data[: MAX_OUTPUT_BYTES - len(buffer)])
                truncated = True
            else:
                buffer.extend(data)
        if truncated:
            break
    if timed_out or truncated:
        kill_student_processes()
    try:
        process.wait(timeout=max(0.1, timeout_s - (time.monotonic() - started)))
    except subprocess.TimeoutExpired:
        timed_out = True
        kill_student_processes()
        process.wait()
    kill_student_processes()
    code = process.returncode
    # setpriv execs the program, so its status is the program's.
    sig = -code if code < 0 else None
    return (code if code >= 0 else None, sig, bytes(chunks[process.stdout.fileno()]),
            bytes(chunks[process.stderr.fileno()]), timed_out, truncated)


def shown(data):
    text = data.decode("utf-8", errors="replace")
    if len(text) > SHOWN_OUTPUT_CHARS:
        return text[:SHOWN_OUTPUT_CHARS] + "\n[... cut: %d more characters]" % (len(text) - SHOWN_OUTPUT_CHARS)
    return text


def tool_versions():
    versions = {"runner": "qadam-runner %d" % SCHEMA_VERSION}
    probes = {"gcc": ["gcc", "-dumpfullversion"], "python3": ["python3", "--version"],
              "bash": ["bash", "--version"], "rustc": ["rustc", "--version"],
              "norminette": ["norminette", "--version"]}
    for name, command in probes.items():
        if shutil.which(command[0]) is None:
            continue
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=5)
            versions[name] = (done.stdout or done.stderr).strip().splitlines()[0]
        except (OSError, subprocess.TimeoutExpired, IndexError):
            pass
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


def build_python(spec):
    """Python: the hidden harness (if any) imports the student's modules, else the
    student's entry file runs as a program. Syntax errors count as compilation errors."""
    sources = [os.path.join(r, f) for r, _, fs in os.walk(STUDENT_DIR) for f in fs if f.endswith(".py")]
    if not sources:
        raise Verdict("compilation_error", "no .py file in the submission")
    code, _, out, err, timed_out, _ = run_as_student(
        ["python3", "-c", "import ast,sys\nfor p in sys.argv[1:]: ast.parse(open(p).read(), p)"] + sources,
        b"", 20, BUILD_DIR)
    if timed_out or code != 0:
        raise Verdict("compilation_error", "Python cannot parse the submission:\n%s" % shown(out + err))
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
    code, _, out, err, timed_out, _ = run_as_student(
        ["rustc", "--edition", "2021", "-O", "-o", output, entry], b"", 60, BUILD_DIR,
        cpu_seconds=60, file_bytes=64 << 20)
    if timed_out or code != 0:
        raise Verdict("compilation_error", "rustc failed:\n%s" % shown(out + err))
    binary = os.path.join(link_dir(), "program")
    shutil.copyfile(output, binary)
    os.chmod(binary, 0o755)
    return [binary], {}


def build(spec):
    """The command each test runs (arguments are appended) and its extra environment."""
    language = spec.get("image", "c")
    if language == "c":
        return [build_c(spec)], {}
    if language == "python":
        return build_python(spec)
    if language == "shell":
        return ["bash", entry_file(spec)], {}
    if language == "rust":
        return build_rust(spec)
    raise Verdict("internal_error", "this runner cannot grade image %s" % language)


def check_norm(spec):
    """Runs the 42 norm checker on the student's .c and .h files, as the student.
    `norm_header: false` lets a school skip the 42 header requirement."""
    files = sorted(
        os.path.relpath(os.path.join(root, f), STUDENT_DIR)
        for root, _, names in os.walk(STUDENT_DIR) for f in names if f.endswith((".c", ".h"))
    )
    code, _, out, err, timed_out, _ = run_as_student(
        ["norminette"] + files, b"", 30, STUDENT_DIR, cpu_seconds=30)
    if timed_out:
        raise Verdict("internal_error", "norminette did not finish")
    text = re.sub(r"\x1b\[[0-9;]*m", "", (out + err).decode("utf-8", "replace"))
    errors = [line for line in text.splitlines() if line.startswith("Error:")]
    if spec.get("norm_header") is False:
        errors = [line for line in errors if "INVALID_HEADER" not in line]
    if errors:
        raise Verdict("norm_error", "the norm is not respected:\n%s" % "\n".join(errors[:20]))
    if code != 0 and not any(line.startswith("Error") for line in text.splitlines()):
        raise Verdict("internal_error", "norminette failed: %s" % text[:500])


def build_c(spec):
    """Compiles the student's C files as the student, checks their undefined symbols
    against the allowed list, then links them with the hidden harness as root."""
    if spec.get("norm"):
        check_norm(spec)
    sources = sorted(
        os.path.relpath(os.path.join(root, f), STUDENT_DIR)
        for root, _, files in os.walk(STUDENT_DIR) for f in files if f.endswith(".c")
    )
    if not sources:
        raise Verdict("compilation_error", "no .c file in the submission")
    objects = []
    flags = ["-Wall", "-Wextra", "-Werror"] + spec.get("cflags", [])
    for source in sources:
        obj = os.path.join(BUILD_DIR, source.replace("/", "_") + ".o")
        code, sig, out, err, timed_out, _ = run_as_student(
            ["gcc"] + flags + ["-c", source, "-o", obj], b"", 20, STUDENT_DIR, cpu_seconds=20,
            file_bytes=16 << 20)
        if timed_out or code != 0:
            raise Verdict("compilation_error", "gcc failed on %s:\n%s" % (source, shown(out + err)))
        objects.append(obj)
    allowed = spec.get("allowed_functions")
    if allowed is not None:
        nm = subprocess.run(["nm", "-u"] + objects, capture_output=True, text=True)
        used = {line.split()[-1] for line in nm.stdout.splitlines() if line.strip() and not line.endswith(":")}
        defined = subprocess.run(["nm", "--defined-only"] + objects, capture_output=True, text=True)
        own = {line.split()[-1] for line in defined.stdout.splitlines() if len(line.split()) == 3}
        forbidden = sorted(used - set(allowed) - own - COMPILER_SYMBOLS)
        if forbidden:
            raise Verdict("forbidden_function", "forbidden function(s) used: %s (allowed: %s)"
                          % (", ".join(forbidden), ", ".join(allowed) or "none"))
    # Link as root from copies the student can no longer change.
    copies = []
    for obj in objects:
        copy = os.path.join(link_dir(), os.path.basename(obj))
        shutil.copyfile(obj, copy)
        copies.append(copy)
    harness = [os.path.join(HIDDEN_DIR, h) for h in spec.get("harness", [])]
    binary = os.path.join(link_dir(), "program")
    link = subprocess.run(["gcc", "-o", binary] + copies + harness + spec.get("ldflags", []),
                          capture_output=True, timeout=30)
    if link.returncode != 0:
        raise Verdict("compilation_error", "linking failed:\n%s" % shown(link.stdout + link.stderr))
    os.chmod(binary, 0o755)
    return binary


def split_valgrind(err):
    """valgrind's report (its `==PID==` lines) apart from the program's own stderr."""
    report, rest = [], []
    for line in err.decode("utf-8", "replace").splitlines(keepends=True):
        (report if re.match(r"==\d+== ", line) else rest).append(line)
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


def run_tests(spec, command, extra_env):
    results = []
    # A project chooses its per-test time, within a hard maximum; valgrind runs programs
    # about ten times slower, so it gets five times the time, within the same maximum.
    timeout_ms = int(spec.get("timeout_ms", 2000))
    valgrind = bool(spec.get("valgrind")) and spec.get("image", "c") == "c"
    if valgrind:
        command = VALGRIND + command
        timeout_ms *= 5
    timeout_s = min(timeout_ms, MAX_TEST_TIMEOUT_MS) / 1000.0
    for test in spec["tests"]:
        code, sig, out, err, timed_out, truncated = run_as_student(
            command + test.get("args", []), test.get("stdin", "").encode(), timeout_s, BUILD_DIR,
            extra_env=extra_env)
        report = ""
        if valgrind:
            report, err = split_valgrind(err)
        expected = test.get("expected_stdout")
        expected_exit = test.get("expected_exit", 0)
        result = {"name": test["name"], "visibility": test.get("visibility", "visible"), "output": shown(out + err)}
        if timed_out:
            result.update(status="time_limit", message="still running after %.1f s" % timeout_s)
        elif truncated:
            result.update(status="output_limit", message="printed more than %d bytes" % MAX_OUTPUT_BYTES)
        elif sig == signal.SIGKILL:
            result.update(status="memory_limit", message="killed: out of memory")
        elif sig == signal.SIGXCPU:
            result.update(status="time_limit", message="used too much CPU time")
        elif sig == signal.SIGXFSZ:
            result.update(status="output_limit", message="wrote a file larger than allowed")
        elif sig is not None:
            result.update(status="crashed", message="crashed with signal %s" % signal.Signals(sig).name,
                          signal=signal.Signals(sig).name)
        elif valgrind and code == VALGRIND_EXIT and report:
            result.update(status="failed", message=valgrind_message(report))
        elif expected is not None and out.decode("utf-8", "replace") != expected:
            result.update(status="failed", message="expected:\n%s\ngot:\n%s" % (shown(expected.encode()), shown(out)))
        elif code != expected_exit:
            result.update(status="failed", message="expected exit code %d, got %d" % (expected_exit, code))
        else:
            result.update(status="passed", message="")
        if result["visibility"] == "hidden" and result["status"] != "passed":
            # Hidden tests say how they failed, never what they expected.
            result["message"] = result["status"].replace("_", " ")
            result["output"] = ""
        results.append(result)
    return results


def overall(results):
    for result in results:
        if result["status"] != "passed":
            return result["status"]
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
              "message": "runner error: %s" % err, "tests": [], "tool_versions": versions})


if __name__ == "__main__":
    main()
