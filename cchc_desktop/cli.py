"""The command line (DESIGN.md §5): the window's capabilities without a screen.

Exit status: 0 success, 1 a user error (Vietnamese message on stderr), 2 bad usage.
No traceback reaches a user.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from sqlite_utils import Database

from cchc_desktop import __version__, paths
from cchc_desktop.errors import CchcError

log = logging.getLogger(__name__)

DEFAULT_DB_NAME = "cchc.db"

Handler = Callable[[argparse.Namespace, "CliContext"], int]


def default_db_path() -> Path:
    return paths.user_data_dir() / DEFAULT_DB_NAME


@dataclass
class CliContext:
    """What a command handler needs: where the database is, and a way to open it."""

    db_path: Path
    _db: Database | None = None

    def open_db(self, *, seed: bool = True, role: str = "district") -> Database:
        """Open (and on first use create) the database.

        A new database is filled with the embedded default plan unless `seed` is False (a commune
        PC, whose plan comes from the district). `role` is this PC's role when it is created.
        """
        if self._db is None:
            from cchc_desktop.services.startup import open_or_create

            self._db = open_or_create(self.db_path, seed=seed, role=role)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.conn.close()
            self._db = None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def out(text: str) -> None:
    sys.stdout.write(text + "\n")


class _Parser(argparse.ArgumentParser):
    """argparse with Vietnamese usage errors (exit status 2)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi cú pháp lệnh: {message}\n")


def add_db_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        default=None if top else argparse.SUPPRESS,
        metavar="PATH",
        help="tệp cơ sở dữ liệu (mặc định: trong thư mục dữ liệu của người dùng)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cchc-desktop",
        description="CCHC Desktop – theo dõi kế hoạch cải cách hành chính.",
    )
    parser.add_argument("--version", action="version", version=f"CCHC Desktop {__version__}")
    add_db_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=_Parser)

    def command(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        add_db_option(p, top=False)
        p.set_defaults(handler=handler)
        return p

    from cchc_desktop import cli_commands

    cli_commands.register(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list:
        return _open_window(None, [])
    args = parser.parse_args(args_list)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        return _open_window(args.db, [])
    ctx = CliContext(db_path=args.db or default_db_path())
    try:
        return handler(args, ctx)
    except CchcError as exc:
        sys.stderr.write(f"Lỗi: {exc}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("Đã dừng.\n")
        return 1
    except Exception as exc:
        log.exception("Unexpected error in command %s", args_list)
        sys.stderr.write(
            f"Lỗi không mong đợi ({type(exc).__name__}: {exc}). "
            "Hãy gửi nội dung này cho bộ phận hỗ trợ.\n"
        )
        return 1
    finally:
        ctx.close()


def _open_window(db: Path | None, extra: list[str]) -> int:
    from cchc_desktop.app import run_gui

    return run_gui(db_path=db or default_db_path(), screenshot=None, extra_args=extra)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
