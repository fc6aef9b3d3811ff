"""Regenerate the compiled Qt files: forms/*.ui → ui/forms/ui_*.py, resources.qrc, qtbase_vi.qm.

python scripts/build_ui.py            # rewrite the generated files in the checkout
python scripts/build_ui.py --check    # exit 1 and name the stale files instead

Generated code is committed (architecture.md §4.5), so a clean checkout runs without this step;
tests/gui/test_forms_fresh.py fails when a form or the resource file changed without a rebuild.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS_DIR = ROOT / "forms"
QRC = ROOT / "resources" / "resources.qrc"
TS_FILES = sorted((ROOT / "resources" / "translations").glob("*.ts"))
OUT_DIR = ROOT / "cchc_desktop" / "ui" / "forms"
# Lines that carry the tool's version and nothing else; a newer patch release must not make
# every form look stale.
VOLATILE_PREFIXES = ("## Created by:", "# Created by:")


def _tool(name: str) -> str:
    """The PySide6 tool next to the running interpreter (the project venv), else on PATH."""
    local = Path(sys.executable).with_name(name)
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6 in this environment")
    return found


def ui_target(ui_file: Path, out_dir: Path = OUT_DIR) -> Path:
    return out_dir / f"ui_{ui_file.stem}.py"


def build(out_dir: Path = OUT_DIR, qm_dir: Path | None = None) -> list[Path]:
    """Compile every form, the resource file and the translations; return the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    uic = _tool("pyside6-uic")
    for ui_file in sorted(FORMS_DIR.glob("*.ui")):
        target = ui_target(ui_file, out_dir)
        subprocess.run([uic, "-a", "--from-imports", str(ui_file), "-o", str(target)], check=True)
        written.append(target)
    rc_target = out_dir / "resources_rc.py"
    # Format 1 stores no file timestamps, so a fresh checkout compiles to the same bytes.
    subprocess.run(
        [_tool("pyside6-rcc"), "--format-version", "1", str(QRC), "-o", str(rc_target)],
        check=True,
    )
    written.append(rc_target)
    lrelease = _tool("pyside6-lrelease")
    for ts in TS_FILES:
        qm = (qm_dir or ts.parent) / f"{ts.stem}.qm"
        subprocess.run(
            [lrelease, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True
        )
        written.append(qm)
    return written


def normalised(path: Path) -> list[str]:
    """The generated text without the tool-version lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if not line.startswith(VOLATILE_PREFIXES)]


def stale_files() -> list[str]:
    """Committed generated files that differ from a fresh build (or are missing)."""
    stale: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh_dir = Path(tmp)
        for fresh in build(fresh_dir, qm_dir=fresh_dir):
            if fresh.suffix == ".qm":
                committed = ROOT / "resources" / "translations" / fresh.name
                same = committed.exists() and filecmp.cmp(fresh, committed, shallow=False)
            else:
                committed = OUT_DIR / fresh.name
                same = committed.exists() and normalised(fresh) == normalised(committed)
            if not same:
                stale.append(str(committed.relative_to(ROOT)))
        expected = {ui_target(ui).name for ui in FORMS_DIR.glob("*.ui")} | {"resources_rc.py"}
        for orphan in sorted(OUT_DIR.glob("ui_*.py")):
            if orphan.name not in expected:
                stale.append(f"{orphan.relative_to(ROOT)} (no forms/{orphan.stem[3:]}.ui)")
    return stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args()
    if args.check:
        stale = stale_files()
        for name in stale:
            print(f"stale: {name}")
        return 1 if stale else 0
    for path in build():
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
