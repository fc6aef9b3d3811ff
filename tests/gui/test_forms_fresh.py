"""The committed generated files (ui/forms/ui_*.py, resources_rc.py, qtbase_vi.qm) are fresh."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _build_ui() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_ui", ROOT / "scripts" / "build_ui.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_ui", module)
    spec.loader.exec_module(module)
    return module


def test_generated_forms_resources_and_translations_are_fresh() -> None:
    stale = _build_ui().stale_files()
    assert stale == [], "run `python scripts/build_ui.py` and commit: " + ", ".join(stale)


def test_every_form_has_a_generated_module() -> None:
    forms = {p.stem for p in (ROOT / "forms").glob("*.ui")}
    generated = {
        p.stem.removeprefix("ui_") for p in (ROOT / "cchc_desktop/ui/forms").glob("ui_*.py")
    }
    assert forms <= generated
