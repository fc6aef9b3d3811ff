"""The command line (DESIGN.md §5): the window's capabilities without a screen.

Exit status: 0 success, 1 a user error (Vietnamese message on stderr), 2 bad usage.
No traceback reaches a user.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from cchc_desktop import __version__, cli_i18n
from cchc_desktop.cli_support import (
    CliContext,
    GuiLauncher,
    Handler,
    add_db_option,
    default_db_path,
    open_window,
)
from cchc_desktop.errors import CchcError
from cchc_desktop.store import integrity

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    """argparse with Vietnamese usage errors (exit status 2).

    A command's subcommands are required: `cchc-desktop plan` alone is bad usage (exit 2).
    """

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("required", True)
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi cú pháp lệnh: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    cli_i18n.install()
    parser = _Parser(
        prog="cchc-desktop",
        description="CCHC Desktop – theo dõi kế hoạch cải cách hành chính.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"CCHC Desktop {__version__}",
        # Python 3.11 does not translate the version action's default help.
        help="hiện phiên bản chương trình rồi thoát",
    )
    add_db_option(parser, top=True)
    # No command at all opens the window.
    sub = parser.add_subparsers(
        dest="command", metavar="LỆNH", parser_class=_Parser, required=False
    )

    def command(name: str, help_text: str, handler: Handler | None) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
        add_db_option(p, top=False)
        if handler is not None:
            p.set_defaults(handler=handler)
        return p

    from cchc_desktop import cli_commands

    cli_commands.register(command)
    return parser


def _ensure_console_streams() -> None:
    """The windowed Windows build has no stdout/stderr; write into nothing rather than fail."""
    # The null device stays open for the life of the process.
    if sys.stdout is None:
        sys.stdout = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115
    if not isinstance(sys.stdout, _ReaderMayLeave):
        sys.stdout = _ReaderMayLeave(sys.stdout)


class _ReaderMayLeave(io.TextIOBase):
    """stdout for `cchc-desktop … | head -1`: once the reader has gone, output goes nowhere.

    A closed pipe is not a failure of the command: what it wrote to the database stays written
    and it finishes its work; only nobody reads the rest of what it prints.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._gone = False

    @property
    def encoding(self) -> str:  # type: ignore[override]  # read from the wrapped stream
        return self._stream.encoding

    def isatty(self) -> bool:
        return self._stream.isatty()

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not self._gone:
            try:
                self._stream.write(text)
            except BrokenPipeError:
                self._reader_left()
        return len(text)

    def flush(self) -> None:
        if not self._gone:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._reader_left()

    def _reader_left(self) -> None:
        self._gone = True
        # Point the descriptor at the null device so the interpreter's own flush at exit does
        # not fail again on the buffered rest.
        with contextlib.suppress(OSError, ValueError):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self._stream.fileno())
            os.close(null)


def _window_start(args: list[str]) -> argparse.Namespace | None:
    """The arguments of a plain start of the window (a double-click, or `--db PATH`), read
    without building the parser of every command: that parser is a tenth of the window's start.
    Anything else goes to the parser."""
    if not args:
        return argparse.Namespace(db=None, command=None)
    if len(args) == 2 and args[0] == "--db" and args[1] and not args[1].startswith("-"):
        return argparse.Namespace(db=Path(args[1]), command=None)
    return None


def main(argv: Sequence[str] | None = None, *, launch_gui: GuiLauncher | None = None) -> int:
    """Run one command; with no command, open the window through `launch_gui`."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    _ensure_console_streams()
    args = _window_start(args_list) or build_parser().parse_args(args_list)
    handler: Handler = getattr(args, "handler", None) or open_window
    ctx = CliContext(db_path=args.db or default_db_path(), launch_gui=launch_gui)
    try:
        return handler(args, ctx)
    except CchcError as exc:
        sys.stderr.write(f"Lỗi: {exc}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("Đã dừng.\n")
        return 1
    except (sqlite3.DatabaseError, OSError) as exc:
        # A full disk, a vanished or read-only file: the transaction was rolled back.
        sys.stderr.write(f"Lỗi: {integrity.store_error(exc, ctx.db_path)}\n")
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
        sys.stdout.flush()
