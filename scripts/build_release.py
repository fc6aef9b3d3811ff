"""Build the one-folder release with build.spec and smoke-test the frozen program offscreen.

python scripts/build_release.py                 # build into dist/, then run the smoke test
python scripts/build_release.py --skip-build    # smoke-test an existing dist/cchc-desktop
python scripts/build_release.py --json out.json # also write the figures (time, size, checks)

The smoke test runs the frozen executables (not the source) with QT_QPA_PLATFORM=offscreen and
a throw-away data folder: `--version`, `--help`, `gui --screenshot` on a fresh database,
`report plan` (and reading that PDF back with `import-plan --dry-run`) and `backup create/list`
when those commands exist. It fails on a non-zero exit, a
missing output file, or any ModuleNotFoundError, "could not load the Qt platform plugin" or
Traceback in the output, which is how a missing module, plugin or data file shows. A command the
program does not have yet is skipped with a note, never faked.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "cchc-desktop"
CLI_NAME = "cchc-desktop-cli"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
FAILURE_PATTERNS = [
    re.compile(r"ModuleNotFoundError|ImportError"),
    re.compile(r"[Cc]ould not (?:load|find) the Qt platform plugin"),
    re.compile(r"Traceback \(most recent call last\)"),
    re.compile(r"FileNotFoundError"),
]
COMMAND_TIMEOUT = 180


@dataclass
class Check:
    name: str
    command: list[str]
    ok: bool
    seconds: float
    note: str = ""


@dataclass
class Report:
    platform: str = sys.platform
    build_seconds: float | None = None
    size_bytes: int = 0
    files: int = 0
    checks: list[Check] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    startup_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)


def folder_size(folder: Path) -> tuple[int, int]:
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            count += 1
    return total, count


def build(dist: Path, work: Path) -> float:
    """Run PyInstaller on build.spec; return the wall time in seconds."""
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(ROOT / "build.spec"),
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
        ],
        check=True,
        cwd=ROOT,
    )
    return time.perf_counter() - start


def smoke_env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["CCHC_DATA_DIR"] = str(data_dir)
    env.pop("PYTHONPATH", None)  # the frozen program must not see the checkout
    env.pop("PYTHONHOME", None)
    return env


def run_check(
    report: Report,
    name: str,
    command: list[str],
    env: dict[str, str],
    *,
    expect_output: Path | None = None,
    expect_text: str | None = None,
    output_check: str | None = None,
) -> str:
    """Run one frozen command and record whether it passed; return its combined output."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
        output = proc.stdout + proc.stderr
        code = proc.returncode
    except subprocess.TimeoutExpired as exc:
        output = f"timed out after {COMMAND_TIMEOUT} s: {exc}"
        code = -1
    seconds = time.perf_counter() - start
    problems: list[str] = []
    if code != 0:
        problems.append(f"exit status {code}")
    for pattern in FAILURE_PATTERNS:
        if pattern.search(output):
            problems.append(f"output matches {pattern.pattern!r}")
    if expect_text is not None and expect_text not in output:
        problems.append(f"output lacks {expect_text!r}")
    if expect_output is not None:
        if not expect_output.exists() or expect_output.stat().st_size == 0:
            problems.append(f"missing output file {expect_output.name}")
        elif output_check is not None:
            with expect_output.open("rb") as f:
                head = f.read(len(output_check))
            if head != output_check.encode("latin-1"):
                problems.append(f"{expect_output.name} does not start with {output_check!r}")
    check = Check(
        name, command, ok=not problems, seconds=round(seconds, 2), note="; ".join(problems)
    )
    report.checks.append(check)
    status = "ok  " if check.ok else "FAIL"
    print(f"[{status}] {name} ({check.seconds} s){' – ' + check.note if check.note else ''}")
    if not check.ok:
        print(textwrap_indent(output[-4000:]))
    return output


def textwrap_indent(text: str) -> str:
    return "\n".join("      " + line for line in text.splitlines())


def available_commands(help_text: str) -> set[str]:
    """The subcommand names `--help` lists (one per line, indented four spaces)."""
    return set(re.findall(r"^    ([a-z][a-z0-9-]*)(?=\s|$)", help_text, flags=re.MULTILINE))


def smoke_test(app_dir: Path, report: Report) -> None:
    from cchc_desktop import __version__  # the checkout's version, to compare

    gui = app_dir / (APP_NAME + EXE_SUFFIX)
    cli = app_dir / (CLI_NAME + EXE_SUFFIX)
    for exe in (gui, cli):
        if not exe.exists():
            raise SystemExit(f"{exe} does not exist; build first")
    with tempfile.TemporaryDirectory(prefix="cchc-smoke-") as tmp:
        work = Path(tmp)
        env = smoke_env(work / "data")
        db = work / "fresh" / "cchc.db"
        # The windowed executable has no console on Windows: query it through the console twin
        # there, and run both on Linux.
        version_exes = [cli] if sys.platform == "win32" else [cli, gui]
        for exe in version_exes:
            run_check(
                report,
                f"{exe.name} --version",
                [str(exe), "--version"],
                env,
                expect_text=__version__,
            )
        help_text = run_check(report, "--help", [str(cli), "--help"], env)
        commands = available_commands(help_text)

        if "gui" in commands:
            shot = work / "out.png"
            run_check(
                report,
                "gui --screenshot on a fresh database",
                [str(gui), "--db", str(db), "gui", "--screenshot", str(shot)],
                env,
                expect_output=shot,
                output_check="\x89PNG",
            )
        else:
            report.skipped.append("gui --screenshot: the program has no `gui` command yet")

        if "report" in commands:
            pdf = work / "out.pdf"
            run_check(
                report,
                "report plan --year 2020",
                [str(cli), "--db", str(db), "report", "plan", "--year", "2020", "-o", str(pdf)],
                env,
                expect_output=pdf,
                output_check="%PDF",
            )
            run_check(  # the PDF reader (PDFium) in the frozen program, on the printed plan
                report,
                "import-plan out.pdf --dry-run",
                [str(cli), "--db", str(work / "read.db"), "import-plan", str(pdf), "--dry-run"],
                env,
                expect_text="Phụ lục 07",
            )
        else:
            report.skipped.append("report plan: the program has no `report` command yet")

        if "backup" in commands:
            run_check(
                report,
                "backup create",
                [str(cli), "--db", str(db), "backup", "create"],
                env,
                expect_text="Đã tạo bản sao lưu",
            )
            run_check(
                report,
                "backup list",
                [str(cli), "--db", str(db), "backup", "list"],
                env,
                expect_text="Sao lưu thủ công",
            )
        else:
            report.skipped.append("backup create/list: `backup` is not registered in the CLI yet")

        if "plan" in commands:
            run_check(
                report,
                "plan show --json (embedded plan, migrations, seed file)",
                [
                    str(cli),
                    "--db",
                    str(work / "seed.db"),
                    "plan",
                    "show",
                    "--year",
                    "2020",
                    "--json",
                ],
                env,
                expect_text='"year": 2020',
            )


def time_to_first_paint(command: list[str], env: dict[str, str]) -> float:
    """Seconds from starting `command` to the window's first paint (the program prints a marker
    and quits there when CCHC_QUIT_AFTER_FIRST_PAINT is set)."""
    started = time.perf_counter()
    with subprocess.Popen(
        command, env={**env, "CCHC_QUIT_AFTER_FIRST_PAINT": "1"}, stdout=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.strip() == "cchc-first-paint":
                elapsed = time.perf_counter() - started
                break
        else:
            raise RuntimeError(f"no first paint from {command[0]}")
        proc.wait(timeout=120)
    return elapsed


def startup_figures(app_dir: Path, report: Report, runs: int = 5) -> None:
    """The frozen program's start to the painted window against the source install's, both as
    whole processes on the same ready database (median of `runs`)."""
    exe = app_dir / ((CLI_NAME if sys.platform == "win32" else APP_NAME) + EXE_SUFFIX)
    with tempfile.TemporaryDirectory(prefix="cchc-startup-") as tmp:
        env = smoke_env(Path(tmp) / "data")
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # the source install as a clerk has it
        db = Path(tmp) / "cchc.db"
        subprocess.run(
            [str(exe), "--db", str(db), "office", "setup", "sample"],
            env=env,
            check=True,
            capture_output=True,
        )
        figures = {}
        for name, command in (
            ("frozen", [str(exe), "--db", str(db)]),
            ("source", [sys.executable, "-m", "cchc_desktop", "--db", str(db)]),
        ):
            times = [time_to_first_paint(command, env) for _ in range(runs)]
            figures[name] = statistics.median(times)
    report.startup_seconds = figures
    print(
        f"Start-up to the painted window (median of {runs}): frozen {figures['frozen']:.2f} s, "
        f"source install {figures['source']:.2f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--skip-build", action="store_true", help="smoke-test an existing build")
    parser.add_argument("--json", type=Path, default=None, help="write the figures as JSON")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    report = Report()
    app_dir = args.dist / APP_NAME
    if not args.skip_build:
        if app_dir.exists():
            shutil.rmtree(app_dir)
        report.build_seconds = round(build(args.dist, args.work), 1)
        print(f"Built {app_dir} in {report.build_seconds} s")
    report.size_bytes, report.files = folder_size(app_dir)
    print(f"Size: {report.size_bytes / 1e6:.1f} MB in {report.files} files")
    smoke_test(app_dir, report)
    if report.ok:
        startup_figures(app_dir, report)
    for note in report.skipped:
        print(f"[skip] {note}")
    if args.json:
        data = asdict(report)
        data["ok"] = report.ok
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    if not report.checks:
        print("No smoke check ran.")
        return 1
    print("Smoke test passed." if report.ok else "Smoke test FAILED.")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
