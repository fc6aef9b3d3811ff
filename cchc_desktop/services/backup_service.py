"""Backups of the office's database: made, listed, rotated and restored, with evidence checks.

Backups are copies made with SQLite's online backup API (consistent while the program runs)
into ``<database folder>/backups/cchc-YYYYMMDD-HHMMSS-<reason>.db``. Each has a sidecar
``.evidence.json`` listing the evidence files (by SHA-256) the database refers to; evidence files
themselves are content-addressed and never rewritten, so they are verified by hash on restore
rather than copied into every backup.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import logging
import os
import re
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from cchc_desktop import __version__
from cchc_desktop.errors import NotFoundError, StoreError, ValidationError, os_reason
from cchc_desktop.store import integrity, maintenance
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits
from cchc_desktop.store.db import as_database, backup_copy, connect
from cchc_desktop.store.evidence_files import file_in_folder, file_sha256
from cchc_desktop.store.leftovers import partial_path

log = logging.getLogger(__name__)

BACKUP_DIR_NAME = "backups"
KEEP_SETTING = "backup.keep"
DEFAULT_KEEP = 14
MAX_KEEP = 1000
MANIFEST_SUFFIX = ".evidence.json"

REASON_MANUAL = "thu-cong"
REASON_DAILY = "hang-ngay"
REASON_SYNC_IMPORT = "truoc-nhap-goi"
REASON_RESTORE = "truoc-phuc-hoi"
REASON_MIGRATION = "truoc-nang-cap"  # made by store.db.migrate, named by it

REASON_LABELS = {
    REASON_MANUAL: "Sao lưu thủ công",
    REASON_DAILY: "Sao lưu hằng ngày",
    REASON_SYNC_IMPORT: "Trước khi nhập gói đồng bộ",
    REASON_RESTORE: "Trước khi phục hồi",
    REASON_MIGRATION: "Trước khi nâng cấp dữ liệu",
}

_REASON_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A backup is named after its database's file ("cchc.db" → "cchc-20260305-143007-thu-cong.db"),
# so several databases in one folder keep their backups apart: one's daily backup never counts
# as another's, and a restore never offers another database's copy.
_STAMP_RE = re.compile(r"^(\d{8})-(\d{6})-([a-z0-9-]+?)(?:-(\d+))?\.db$")
# store.db names its pre-migration copies "<stem>-truoc-nang-cap-<version>-<UTC stamp>.db".
_MIGRATION_STAMP_RE = re.compile(r"^truoc-nang-cap-(.+)-(\d{8})-(\d{6})\.db$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file in the backups folder."""

    path: Path
    created: dt.datetime  # local time, timezone-aware
    reason: str
    size: int
    serial: int = 1  # 2, 3, … for later backups made in the same second

    @property
    def label(self) -> str:
        """The reason in words, for lists shown to the clerk."""
        return REASON_LABELS.get(self.reason, self.reason)

    @property
    def rotated(self) -> bool:
        """Whether rotation may delete it (pre-migration copies are kept)."""
        return self.reason != REASON_MIGRATION


@dataclass(frozen=True, slots=True)
class EvidenceRef:
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class EvidenceCheck:
    """Evidence files a database refers to, checked against the files on disk by hash."""

    checked: int = 0
    missing: tuple[str, ...] = ()  # sha256 of files that are not there
    corrupt: tuple[str, ...] = ()  # sha256 of files whose content no longer has that hash

    @property
    def ok(self) -> bool:
        return not self.missing and not self.corrupt


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored_from: Path
    safety_backup: BackupInfo | None  # the state just before restoring (None: no database yet)
    evidence: EvidenceCheck = field(default_factory=EvidenceCheck)


# ---------------------------------------------------------------- names and listing


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR_NAME


def manifest_path(backup_file: Path) -> Path:
    return backup_file.with_name(backup_file.name + MANIFEST_SUFFIX)


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def _local_tz() -> dt.tzinfo:
    tz = _now().tzinfo
    assert tz is not None
    return tz


def backup_file_name(db_path: Path, reason: str, when: dt.datetime, serial: int = 1) -> str:
    suffix = f"-{serial}" if serial > 1 else ""
    return f"{db_path.stem}-{when:%Y%m%d-%H%M%S}-{reason}{suffix}.db"


def parse_backup_name(path: Path, db_path: Path) -> BackupInfo | None:
    """The backup of `db_path` a file name describes, or None for any other file."""
    prefix = db_path.stem + "-"
    if not path.name.startswith(prefix):
        return None
    rest = path.name[len(prefix) :]
    match = _STAMP_RE.match(rest)
    try:
        if match:
            created = dt.datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S").replace(
                tzinfo=_local_tz()
            )
            reason = match[3]
            serial = int(match[4] or 1)
        else:
            match = _MIGRATION_STAMP_RE.match(rest)
            if not match:
                return None
            created = (
                dt.datetime.strptime(match[2] + match[3], "%Y%m%d%H%M%S")
                .replace(tzinfo=dt.UTC)
                .astimezone()
            )
            reason = REASON_MIGRATION
            serial = 1
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path=path, created=created, reason=reason, size=size, serial=serial)


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of the database at `db_path`, newest first."""
    folder = backup_dir(db_path)
    try:
        candidates = list(folder.glob(glob.escape(db_path.stem) + "-*.db"))
    except OSError:
        return []
    found = [info for p in candidates if (info := parse_backup_name(p, db_path)) is not None]

    def order(b: BackupInfo) -> tuple[dt.datetime, int, int]:
        try:
            written = b.path.stat().st_mtime_ns  # two reasons in the same second
        except OSError:
            written = 0
        return (b.created, b.serial, written)

    return sorted(found, key=order, reverse=True)


# ---------------------------------------------------------------- settings


def keep_count(db: Database) -> int:
    """How many rotated backups to keep: the "backup.keep" setting, 14 if unset or invalid."""
    try:
        row = db.execute(
            "SELECT value FROM setting WHERE id = ? AND deleted = 0", [KEEP_SETTING]
        ).fetchone()
    except sqlite3.DatabaseError:
        return DEFAULT_KEEP
    if row is None or row[0] is None:
        return DEFAULT_KEEP
    try:
        value = json.loads(row[0])
    except ValueError:
        return DEFAULT_KEEP
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_KEEP:
        return DEFAULT_KEEP
    return value


def set_keep_count(db: Database, keep: int, *, author: str = "") -> Changes:
    """Store how many backups to keep (1–1000), through the recorded write path."""
    if not 1 <= keep <= MAX_KEEP:
        raise ValidationError(f"Số bản sao lưu giữ lại phải từ 1 đến {MAX_KEEP}.")
    return apply_local_edits(
        db, [Edit("setting", KEEP_SETTING, {"value": json.dumps(keep)})], author=author
    )


# ---------------------------------------------------------------- evidence


def evidence_refs(db: Database) -> list[EvidenceRef]:
    """Every evidence file the database refers to (stored blobs and evidence rows)."""
    rows = db.execute(
        "SELECT sha256, max(size) FROM ("
        " SELECT sha256, size FROM blob UNION ALL SELECT sha256, size FROM evidence"
        ") GROUP BY sha256 ORDER BY sha256"
    ).fetchall()
    return [EvidenceRef(str(sha), int(size)) for sha, size in rows]


def verify_evidence(data_dir: Path, refs: Iterable[EvidenceRef]) -> EvidenceCheck:
    """Check each referenced evidence file exists and still has its hash."""
    missing: list[str] = []
    corrupt: list[str] = []
    checked = 0
    for ref in refs:
        checked += 1
        path = file_in_folder(data_dir, ref.sha256)
        try:
            actual = file_sha256(path)
        except FileNotFoundError:
            missing.append(ref.sha256)
            continue
        except OSError:
            corrupt.append(ref.sha256)
            continue
        if actual != ref.sha256.lower():
            corrupt.append(ref.sha256)
    return EvidenceCheck(checked=checked, missing=tuple(missing), corrupt=tuple(corrupt))


def read_manifest(backup_file: Path) -> list[EvidenceRef]:
    """The evidence list saved beside a backup; empty when there is none or it is unreadable."""
    try:
        data = json.loads(manifest_path(backup_file).read_text(encoding="utf-8"))
        return [EvidenceRef(str(e["sha256"]), int(e["size"])) for e in data["evidence"]]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("Unreadable evidence manifest beside %s: %s", backup_file, exc)
        return []


def _write_manifest(backup_file: Path, db_path: Path, reason: str, refs: list[EvidenceRef]) -> None:
    data = {
        "format": 1,
        "database": db_path.name,
        "reason": reason,
        "program_version": __version__,
        "evidence": [{"sha256": r.sha256, "size": r.size} for r in refs],
    }
    target = manifest_path(backup_file)
    tmp = partial_path(target)
    with tmp.open("w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.flush()
        os.fsync(f.fileno())
    tmp.replace(target)


# ---------------------------------------------------------------- durable files


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as f:
        os.fsync(f.fileno())


def _fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable; Windows has no directory handles for this."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _unique_target(db_path: Path, reason: str, when: dt.datetime) -> Path:
    serial = 1
    while True:
        target = backup_dir(db_path) / backup_file_name(db_path, reason, when, serial)
        if not target.exists():
            return target
        serial += 1


def _make_self_contained(path: Path) -> list[str]:
    """Switch a fresh copy out of WAL mode (one file, readable on read-only media) and check it."""
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        return integrity.quick_check(as_database(conn))
    finally:
        conn.close()


# ---------------------------------------------------------------- making backups


def create_backup(
    db: Database,
    db_path: Path,
    reason: str = REASON_MANUAL,
    *,
    now: dt.datetime | None = None,
) -> BackupInfo:
    """Copy the open database into the backups folder, then rotate old backups.

    The copy is written under a temporary name, checked with `PRAGMA quick_check`, synced to
    disk and only then renamed, so a power cut never leaves a half backup that looks whole. A
    copy that fails the check is deleted rather than kept: rotating good backups out for a
    damaged one would lose the office's way back.

    Args:
        db: the open database (the copy is consistent even while it is being used).
        db_path: its file; backups go to ``<its folder>/backups``.
        reason: a short slug for the file name, e.g. "thu-cong", "hang-ngay", "truoc-nhap-goi".
        now: the time to stamp (tests); local now by default.

    Raises:
        StoreError: disk full, folder not writable, or the database is damaged.
    """
    if not _REASON_RE.match(reason):
        raise ValidationError(f"Lý do sao lưu “{reason}” không hợp lệ (chỉ chữ thường, số, “-”).")
    when = (now or _now()).astimezone()
    folder = backup_dir(db_path)
    part: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = _unique_target(db_path, reason, when)
        part = partial_path(target)
        backup_copy(db, part)
        problems = _make_self_contained(part)
        if problems:
            raise StoreError(
                "Cơ sở dữ liệu đang có lỗi nên không tạo bản sao lưu (để không thay thế các bản "
                f"sao lưu tốt): {'; '.join(problems[:3])}"
            )
        _write_manifest(target, db_path, reason, evidence_refs(db))
        _fsync_file(part)
        part.replace(target)
        _fsync_dir(folder)
    except (sqlite3.DatabaseError, OSError) as exc:
        raise integrity.store_error(exc, db_path) from exc
    finally:
        if part is not None:
            part.unlink(missing_ok=True)
    info = parse_backup_name(target, db_path) or BackupInfo(
        target, when, reason, target.stat().st_size
    )
    log.info("Backup %s (%s, %d bytes)", target.name, reason, info.size)
    if reason != REASON_RESTORE:
        # The copy made before a restore is not rotated now, so the backup being restored
        # cannot be the one that makes room for it.
        rotate_backups(db_path, keep_count(db))
    return info


def rotate_backups(db_path: Path, keep: int) -> list[Path]:
    """Delete the oldest rotated backups beyond `keep` of each kind; return what was deleted.

    Kinds are rotated separately, so a day of many USB imports cannot push the daily and
    manual backups out.
    """
    by_reason: dict[str, list[BackupInfo]] = {}
    for backup in list_backups(db_path):  # newest first
        if backup.rotated:
            by_reason.setdefault(backup.reason, []).append(backup)
    surplus = [old for group in by_reason.values() for old in group[max(keep, 1) :]]
    removed: list[Path] = []
    for old in surplus:
        try:
            old.path.unlink()
            manifest_path(old.path).unlink(missing_ok=True)
        except OSError as exc:
            log.warning("Cannot remove old backup %s: %s", old.path, exc)
            continue
        removed.append(old.path)
    return removed


def ensure_daily_backup(
    db: Database, db_path: Path, *, now: dt.datetime | None = None
) -> BackupInfo | None:
    """Make today's daily backup unless there is one; None when it already exists.

    Call at start-up and from a timer (e.g. hourly) while the program runs, so a PC left on
    for days still gets one a day. Not for a read-only database.
    """
    when = (now or _now()).astimezone()
    today = when.date()
    for info in list_backups(db_path):
        if info.reason == REASON_DAILY and info.created.date() == today:
            return None
    return create_backup(db, db_path, REASON_DAILY, now=when)


def daily_backup_job(
    db_path: Path, *, progress: Callable[[int], None], cancelled: Callable[[], bool]
) -> BackupInfo | None:
    """Worker job: today's daily backup through a connection of the worker's own thread.

    The window runs it off the GUI thread so that a large database's copy never holds up the
    first paint or the clerk's typing.
    """
    db = connect(db_path)
    try:
        return ensure_daily_backup(db, db_path)
    finally:
        db.conn.close()


# ---------------------------------------------------------------- checking and restoring


def check_backup(backup_file: Path) -> list[str]:
    """Why `backup_file` cannot be restored (empty: it can): damage, not CCHC, a newer version."""
    try:
        conn = integrity.connect_read_only(backup_file)
    except sqlite3.DatabaseError as exc:
        return [f"Không đọc được bản sao lưu: {os_reason(exc)}"]
    try:
        db = as_database(conn)
        problems = integrity.integrity_check(db)
        if problems:
            return ["Bản sao lưu bị hỏng: " + "; ".join(problems[:3])]
        problem = integrity.schema_problem(db)
        return [problem] if problem else []
    finally:
        conn.close()


def latest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that passes `quick_check` and this version can open."""
    for info in list_backups(db_path):
        try:
            conn = integrity.connect_read_only(info.path)
        except sqlite3.DatabaseError:
            continue
        try:
            db = as_database(conn)
            if not integrity.quick_check(db) and integrity.schema_problem(db) is None:
                return info
        finally:
            conn.close()
    return None


def resolve_backup_file(db_path: Path, name: Path) -> Path:
    """A backup given as a path, or as a bare file name in the backups folder."""
    if name.exists():
        return name
    in_folder = backup_dir(db_path) / name.name
    if in_folder.exists():
        return in_folder
    raise NotFoundError(f"Không tìm thấy bản sao lưu {name}.")


def _safety_copy(db_path: Path, when: dt.datetime) -> BackupInfo:
    """Back up the current file before it is replaced, even when it is damaged.

    A sound file gets an online backup; a file SQLite cannot copy is copied byte for byte
    together with its WAL, so nothing that was on disk is lost by restoring.
    """
    conn = sqlite3.connect(str(db_path))
    try:
        return create_backup(as_database(conn), db_path, REASON_RESTORE, now=when)
    except (StoreError, sqlite3.DatabaseError) as exc:
        log.warning("Online backup of %s failed (%s); copying the file as it is", db_path, exc)
    finally:
        conn.close()
    folder = backup_dir(db_path)
    target = _unique_target(db_path, REASON_RESTORE, when)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(db_path, target)
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, target.with_name(target.name + "-wal"))
        _fsync_file(target)
        _fsync_dir(folder)
    except OSError as exc:
        raise integrity.store_error(exc, db_path) from exc
    return BackupInfo(path=target, created=when, reason=REASON_RESTORE, size=target.stat().st_size)


def _drop_sidecars(db_path: Path) -> None:
    """Fold the WAL into the file and remove -wal/-shm/-journal, so none outlives a replace.

    A stale WAL or hot journal beside the restored file would be replayed onto it.
    """
    if db_path.exists():
        conn = sqlite3.connect(str(db_path))
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.DatabaseError as exc:
            log.warning("Cannot checkpoint %s before restoring: %s", db_path, exc)
        finally:
            conn.close()
    for suffix in ("-wal", "-shm", "-journal"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)


def restore_backup(
    db_path: Path, backup_file: Path, *, now: dt.datetime | None = None
) -> RestoreResult:
    """Replace the database at `db_path` with `backup_file`, keeping a copy of the current state.

    Close every connection to `db_path` first (the window reopens it afterwards). Steps: copy
    the backup to a temporary file beside the database and check it (integrity, a CCHC
    database, not from a newer version); back up the current file; remove its -wal/-shm;
    atomically replace it with the synced temporary file; then check the evidence files the
    restored database refers to by hash.

    Raises:
        NotFoundError: no such backup.
        StoreError: the backup is damaged or from a newer version; the database is open in a
            running program; or the disk refused a write. The current database is unchanged.
    """
    source = resolve_backup_file(db_path, backup_file)
    holder = integrity.DatabaseLock(db_path).held_by_live_process()
    if holder is not None:
        raise StoreError(
            f"Cơ sở dữ liệu đang được mở trong CCHC Desktop trên máy {holder.host}. "
            "Hãy đóng chương trình trước khi phục hồi."
        )
    with maintenance.exclusive_job(db_path, maintenance.RESTORE):
        return _restore_alone(db_path, source, (now or _now()).astimezone())


def _restore_alone(db_path: Path, source: Path, when: dt.datetime) -> RestoreResult:
    """`restore_backup` once no other program can write: every commit reported before it is in
    the safety copy, and every later write waits for the replaced file."""
    data_dir = db_path.parent
    tmp = partial_path(db_path)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        try:
            src = integrity.connect_read_only(source)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"Không đọc được bản sao lưu {source.name}: {os_reason(exc)}") from exc
        dest = sqlite3.connect(str(tmp))
        try:
            src.backup(dest)
        finally:
            dest.close()
            src.close()
        problems = check_backup(tmp)
        if problems:
            raise StoreError(f"Không phục hồi từ {source.name}: {' '.join(problems)}")
        _make_self_contained(tmp)
        _fsync_file(tmp)

        safety = _safety_copy(db_path, when) if db_path.exists() else None
        _drop_sidecars(db_path)
        try:
            tmp.replace(db_path)
        except PermissionError as exc:
            raise StoreError(
                f"Không thay được tệp {db_path} vì nó đang được mở. Hãy đóng mọi cửa sổ "
                "CCHC Desktop rồi thử lại; dữ liệu hiện tại chưa bị thay đổi."
            ) from exc
        _fsync_dir(data_dir)
    except sqlite3.DatabaseError as exc:
        raise integrity.store_error(exc, db_path) from exc
    except OSError as exc:
        raise integrity.store_error(exc, db_path) from exc
    finally:
        tmp.unlink(missing_ok=True)
    log.info("Restored %s from %s (safety copy %s)", db_path, source, safety and safety.path)

    refs = {r.sha256: r for r in read_manifest(source)}
    conn = sqlite3.connect(str(db_path))
    try:
        refs.update({r.sha256: r for r in evidence_refs(as_database(conn))})
    finally:
        conn.close()
    evidence = verify_evidence(data_dir, sorted(refs.values(), key=lambda r: r.sha256))
    return RestoreResult(restored_from=source, safety_backup=safety, evidence=evidence)


def restore_summary(result: RestoreResult) -> list[str]:
    """The clerk's lines describing a finished restore (command line and dialog)."""
    lines = [f"Đã phục hồi cơ sở dữ liệu từ {result.restored_from.name}."]
    if result.safety_backup is not None:
        lines.append(f"Dữ liệu trước khi phục hồi được giữ ở {result.safety_backup.path.name}.")
    ev = result.evidence
    if ev.checked:
        lines.append(f"Đã kiểm tra {ev.checked} tệp minh chứng.")
    if ev.missing:
        lines.append(f"Thiếu {len(ev.missing)} tệp minh chứng:")
        lines.extend(f"  {sha}" for sha in ev.missing)
    if ev.corrupt:
        lines.append(f"{len(ev.corrupt)} tệp minh chứng bị hỏng (nội dung không khớp mã băm):")
        lines.extend(f"  {sha}" for sha in ev.corrupt)
    if not ev.ok:
        lines.append(
            "Hãy chép lại các tệp minh chứng này vào thư mục “evidence” từ máy khác hoặc từ "
            "bản sao thư mục dữ liệu."
        )
    return lines


def format_size(size: int) -> str:
    """A file size for the clerk: "812 KB", "3,4 MB" (Vietnamese decimal comma)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
