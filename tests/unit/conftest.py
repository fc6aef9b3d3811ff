"""Unit tests cover the Qt-free core: fail loudly if anything in it pulls Qt in."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _core_stays_qt_free() -> Iterator[None]:
    already = "PySide6" in sys.modules
    yield
    if not already:
        assert "PySide6" not in sys.modules, "a core module imported PySide6"
