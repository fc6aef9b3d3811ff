"""Evidence files of a progress report: copied into the store by content and attached.

Attaching is one service call for the window (which copies on a worker first), the command
line and tests: the files are stored by SHA-256 (`store.evidence_files` owns the folder layout),
listed in the `blob` table and attached as evidence rows, all in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from cchc_desktop.errors import NotFoundError, ValidationError
from cchc_desktop.store import ids
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits
from cchc_desktop.store.evidence_files import StoredFile as StoredFile
from cchc_desktop.store.evidence_files import blob_path, copy_files, register_blobs


@dataclass(frozen=True, slots=True)
class EvidenceRecord:
    id: str
    progress_id: str
    sha256: str
    file_name: str
    size: int
    caption: str


def add_evidence(
    db: Database,
    *,
    progress_id: str,
    sha256: str,
    file_name: str,
    size: int,
    caption: str = "",
    author: str = "",
) -> Changes:
    """Attach a stored file (already saved by its SHA-256 in the data folder) to a progress row.

    The same file attached twice to one row is one evidence row (its id derives from both).
    """
    row = db.execute("SELECT unit_id FROM progress WHERE id = ?", [progress_id]).fetchone()
    if row is None:
        raise NotFoundError("Hãy lưu tiến độ của kỳ này trước khi đính kèm minh chứng.")
    if not file_name.strip():
        raise ValidationError("Tệp minh chứng phải có tên.")
    evidence_id = ids.natural_id("evidence", progress_id, sha256)
    values = {
        "progress_id": progress_id,
        "unit_id": row[0],
        "sha256": sha256,
        "file_name": file_name,
        "size": size,
        "caption": caption,
        "deleted": 0,
    }
    return apply_local_edits(db, [Edit("evidence", evidence_id, values)], author=author)


def remove_evidence(db: Database, evidence_id: str, *, author: str = "") -> Changes:
    """Mark the evidence row deleted (a tombstone; the file stays for history and other rows)."""
    return apply_local_edits(db, [Edit("evidence", evidence_id, {"deleted": 1})], author=author)


def list_evidence(db: Database, progress_id: str) -> list[EvidenceRecord]:
    return [
        EvidenceRecord(*row)
        for row in db.execute(
            "SELECT id, progress_id, sha256, file_name, size, caption FROM evidence"
            " WHERE progress_id = ? AND deleted = 0 ORDER BY file_name",
            [progress_id],
        ).fetchall()
    ]


def attach_stored(
    db: Database, progress_id: str, stored: Sequence[StoredFile], *, author: str = ""
) -> Changes:
    """Attach files already copied into the store (`copy_files`) to a progress report: the
    files join the `blob` list and each becomes an evidence row, in one transaction."""
    if not stored:
        raise ValidationError("Chưa chọn tệp minh chứng nào.")
    total = Changes()
    with db.atomic():
        register_blobs(db, [(s.sha256, s.size, s.mime) for s in stored])
        for s in stored:
            total += add_evidence(
                db,
                progress_id=progress_id,
                sha256=s.sha256,
                file_name=s.name,
                size=s.size,
                author=author,
            )
    return total


def store_files(
    db_path: Path,
    files: Sequence[Path],
    *,
    progress: Callable[[int], None],
    cancelled: Callable[[], bool],
) -> list[StoredFile]:
    """Copy files into the store on a worker thread (no database access), for `attach_stored`."""
    return copy_files(db_path, files, progress=progress, cancelled=cancelled)


def attach_files(
    db: Database, db_path: Path, progress_id: str, files: Iterable[Path], *, author: str = ""
) -> Changes:
    """Copy files into the store and attach them to a progress report (the command line's way;
    the window copies on a worker with `copy_files`, then calls `attach_stored`)."""
    if db.execute("SELECT 1 FROM progress WHERE id = ?", [progress_id]).fetchone() is None:
        raise NotFoundError("Hãy lưu tiến độ của kỳ này trước khi đính kèm minh chứng.")
    missing = [str(f) for f in files if not Path(f).is_file()]
    if missing:
        raise NotFoundError(f"Không tìm thấy tệp: {', '.join(missing)}.")
    return attach_stored(db, progress_id, copy_files(db_path, files), author=author)


def evidence_file(db_path: Path, record: EvidenceRecord) -> Path | None:
    """The stored file of an evidence row, or None when this PC does not hold it yet."""
    path = blob_path(db_path, record.sha256)
    return path if path.is_file() else None
