"""Root fixtures: offscreen Qt for every GUI test, and a factory for seeded temporary databases.

Qt must see QT_QPA_PLATFORM before its first import, so it is set here, at import time, unless
`--onscreen` asks to watch the windows (Dangerzone's switch).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if "--onscreen" not in sys.argv:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlite_utils import Database

if TYPE_CHECKING:
    from cchc_desktop.context import AppContext

MakeDb = Callable[..., Database]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--onscreen", action="store_true", default=False, help="show GUI tests on screen"
    )


@pytest.fixture
def make_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MakeDb]:
    """`make_db(name="cchc.db", seed=True)`: a migrated database in tmp_path, closed afterwards.

    CCHC_DATA_DIR points into tmp_path, so settings, logs and evidence files stay there too.
    """
    from cchc_desktop.services.startup import open_or_create

    data_dir = tmp_path / "data"
    data_dir.mkdir(exist_ok=True)
    monkeypatch.setenv("CCHC_DATA_DIR", str(data_dir))
    opened: list[Database] = []

    def factory(name: str = "cchc.db", *, seed: bool = True) -> Database:
        db = open_or_create(data_dir / name, seed=seed)
        opened.append(db)
        return db

    yield factory
    for db in opened:
        db.conn.close()


SEED_TODAY = dt.date(2020, 3, 15)  # inside the seed plan's year: some tasks late, some due soon


@pytest.fixture
def seed_ctx(make_db: MakeDb) -> AppContext:
    """An AppContext over a seeded database whose `today` is pinned to SEED_TODAY."""
    from cchc_desktop.context import AppContext

    db = make_db()
    path = Path(os.environ["CCHC_DATA_DIR"]) / "cchc.db"
    ctx = AppContext(db=db, db_path=path, author="Cán bộ kiểm thử")
    ctx.today = lambda: SEED_TODAY  # type: ignore[method-assign]
    return ctx
