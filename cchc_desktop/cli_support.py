"""What command handlers share: the context that opens the database, output, the --db option.

Command modules (here, in services and in sync) import only this module, never cli.py, so the
command line's parser can gather them all without the layers importing each other.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from cchc_desktop import paths

DEFAULT_DB_NAME = "cchc.db"

Handler = Callable[[argparse.Namespace, "CliContext"], int]
# A command with subcommands passes no handler: argparse then requires one of them (exit 2).
CommandFactory = Callable[[str, str, Handler | None], argparse.ArgumentParser]
GuiLauncher = Callable[..., int]


def default_db_path() -> Path:
    return paths.user_data_dir() / DEFAULT_DB_NAME


@dataclass
class CliContext:
    """What a command handler needs: where the database is, a way to open it, the window."""

    db_path: Path
    launch_gui: GuiLauncher | None = None  # given by the entry point; the core has no Qt
    _db: Database | None = field(default=None, repr=False)

    def open_db(self, *, seed: bool = True, role: str = "district") -> Database:
        """Open (and on first use create) the database.

        A new database is filled with the embedded default plan unless `seed` is False (a commune
        PC, whose plan comes from the district). `role` is this PC's role when it is created.
        """
        if self._db is None:
            from cchc_desktop.services.startup import open_for_command

            self._db = open_for_command(self.db_path, seed=seed, role=role)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.conn.close()
            self._db = None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def out(text: str) -> None:
    sys.stdout.write(text + "\n")


def add_db_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """`--db PATH`, accepted before the command (top) or after it (sub-commands)."""
    parser.add_argument(
        "--db",
        type=Path,
        default=None if top else argparse.SUPPRESS,
        metavar="PATH",
        help="tệp cơ sở dữ liệu (mặc định: trong thư mục dữ liệu của người dùng)",
    )


def open_window(args: argparse.Namespace, ctx: CliContext) -> int:
    """`gui` (and no command at all): the window, on the chosen database."""
    from cchc_desktop.errors import ValidationError

    if ctx.launch_gui is None:
        raise ValidationError("Cửa sổ chương trình không có sẵn trong chế độ dòng lệnh này.")
    return ctx.launch_gui(db_path=ctx.db_path, screenshot=getattr(args, "screenshot", None))
