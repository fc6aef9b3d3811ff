"""Attachments (evidence files) stored by content: <data folder>/evidence/<aa>/<sha256>.

The one module that knows this layout: the editor, the command line, backups and sync all
reach evidence files through it. The data folder is the folder holding the database file. A
file is written to a temporary name, flushed, checked against its hash and renamed, so a
half-written file never carries a valid name; an orphan file after a crash is harmless. The
`blob` table lists the files this PC holds.
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlite_utils import Database

from cchc_desktop.errors import CchcError, os_reason
from cchc_desktop.store.leftovers import partial_path
from cchc_desktop.store.site import wall_ms

CHUNK = 1 << 20
# The (table, field) pairs whose value names a stored file that travels with its change.
BLOB_FIELDS = frozenset({("evidence", "sha256"), ("par_evidence", "sha256")})
_HEX64 = re.compile(r"[0-9a-f]{64}")


class Readable(Protocol):
    def read(self, n: int = -1, /) -> bytes: ...


def is_sha256(text: str) -> bool:
    return bool(_HEX64.fullmatch(text))


EVIDENCE_DIR_NAME = "evidence"


def evidence_dir(db_path: Path) -> Path:
    return Path(db_path).parent / EVIDENCE_DIR_NAME


def file_in_folder(data_dir: Path, sha256: str) -> Path:
    """Where the file with this SHA-256 lives under a data folder (a backup's or the office's):
    ``<data>/evidence/<first two hex>/<sha256>``."""
    return Path(data_dir) / EVIDENCE_DIR_NAME / sha256[:2] / sha256


def blob_path(db_path: Path, sha256: str) -> Path:
    """Where the file with this SHA-256 (lowercase hex) lives beside the database."""
    if not is_sha256(sha256):
        raise ValueError(f"not a sha256: {sha256!r}")
    return file_in_folder(Path(db_path).parent, sha256)


def has_blob(db_path: Path, sha256: str) -> bool:
    return is_sha256(sha256) and blob_path(db_path, sha256).is_file()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def write_blob(
    db_path: Path, source: Readable, *, expected: str | None = None, limit: int | None = None
) -> tuple[str, int]:
    """Copy a stream into the store (temp name, fsync, verify, rename); return (sha256, size).

    With `expected`, a stream whose hash differs is refused (ValueError) and nothing is kept.
    """
    folder = evidence_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = partial_path(folder / f"incoming-{os.urandom(6).hex()}")
    digest = hashlib.sha256()
    size = 0
    try:
        with tmp.open("wb") as out:
            for chunk in iter(lambda: source.read(CHUNK), b""):
                size += len(chunk)
                if limit is not None and size > limit:
                    raise ValueError("larger than announced")
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        if expected is not None and sha != expected:
            raise ValueError("hash mismatch")
        target = blob_path(db_path, sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_file() and target.stat().st_size == size:
            tmp.unlink()
        else:
            tmp.replace(target)
        return sha, size
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def register_blobs(db: Database, entries: Iterable[tuple[str, int, str | None]]) -> None:
    """Record held files in the `blob` table (inside the caller's transaction)."""
    db.conn.executemany(
        "INSERT INTO blob (sha256, size, mime, first_seen) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (sha256) DO NOTHING",
        [(sha, size, mime, wall_ms(db)) for sha, size, mime in entries],
    )


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A file copied into the store, ready to be attached to a progress report."""

    name: str
    sha256: str
    size: int
    mime: str | None


def copy_files(
    db_path: Path,
    files: Iterable[Path],
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[StoredFile]:
    """Copy files into the store by SHA-256 (safe on a worker thread: no database access).

    Storing the same content twice keeps one copy. Stops early when `cancelled()` says so.
    """
    files = [Path(f) for f in files]
    stored: list[StoredFile] = []
    for i, file in enumerate(files):
        if cancelled is not None and cancelled():
            break
        try:
            with file.open("rb") as fh:
                sha, size = write_blob(db_path, fh)
        except OSError as exc:
            raise CchcError(
                f"Không chép được tệp {file.name} vào thư mục dữ liệu: {os_reason(exc)}"
            ) from exc
        stored.append(StoredFile(file.name, sha, size, mimetypes.guess_type(file.name)[0]))
        if progress is not None:
            progress(round(100 * (i + 1) / len(files)))
    return stored
