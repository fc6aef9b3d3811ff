"""AppContext: the one object handed to windows and dialogs (git-cola's ApplicationContext)."""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database


def current_user() -> str:
    """The Windows (or Unix) login name, recorded as the author of each change."""
    try:
        return getpass.getuser()
    except OSError:
        return ""


@dataclass
class AppContext:
    """The open database and who is working on it; built once in app.py."""

    db: Database
    db_path: Path
    author: str = field(default_factory=current_user)
    read_only: bool = False  # the file or its folder cannot be written (a CD, a locked share)

    @property
    def data_dir(self) -> Path:
        """The folder of the database, evidence files and backups."""
        return self.db_path.parent

    def today(self) -> dt.date:
        return dt.datetime.now().astimezone().date()
