"""Write an output file whole or not at all (a temporary file beside it, then a rename)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cchc_desktop.errors import ReportError, os_reason


def write_bytes_atomically(target: Path, data: bytes, *, suffix: str = "") -> None:
    """Write `data` to `target` via a temporary file in the same folder and a rename.

    Raises:
        ReportError: the folder or file cannot be written (Vietnamese message).
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(
            prefix=".cchc-", suffix=suffix or target.suffix, dir=target.parent
        )
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            Path(tmp).replace(target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ReportError(f"Không ghi được tệp “{target}”: {os_reason(exc)}") from exc
