"""Importing a bundle (sync.md §5.8): checks first, then one transaction.

1. The file is copied into the local inbox (so a pulled USB stick cannot break the import) and
   hashed; a bundle already imported changes nothing.
2. The strict reader checks the archive; then the format, the network, the certificates (signed
   by the district root), the manifest signature, every member's hash and every segment's
   origin signature, each refusal with its own message. Nothing is written before all pass.
3. Attachments are staged into the evidence store (an orphan file after a crash is harmless),
   the database is backed up, and everything else happens in one SQLite transaction, including
   the "imported" marker: new changes are appended (a known id with other content is a fork,
   quarantined and never applied), changes their origin may not write are quarantined and kept,
   the rest are merged by the shared rule (store.merger.Merger); the version vector, the
   peer's acknowledgement, the clock and the bundle log are updated.

The checks live in sync.trust, the streaming pass over the change lines in sync.incoming; this
module runs the steps in order and keeps the books after the merge.

A dry run does all of it and rolls the transaction back: the clerk's preview shows exactly what
the import would do.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from cchc_desktop.errors import CchcError, SyncError, os_reason
from cchc_desktop.services import backup_service, health_service, settings_service
from cchc_desktop.store import evidence_files as blob_store
from cchc_desktop.store.changes import apply_local_edits, canonical_json
from cchc_desktop.store.db import WriteDatabase
from cchc_desktop.store.leftovers import partial_path
from cchc_desktop.store.merger import Merger
from cchc_desktop.store.ownership import UNIT_OWNED_TABLES
from cchc_desktop.store.site import (
    MAX_DRIFT_MS,
    LocalSite,
    block_edits,
    hlc_receive,
    local_site,
    new_id,
    wall_ms,
)
from cchc_desktop.store.value_checker import ValueChecker
from cchc_desktop.sync import keys
from cchc_desktop.sync.bundle import (
    ALREADY,
    BAD_FORMAT,
    DAMAGED,
    OWN_BUNDLE,
    BundleReader,
    CancelFn,
    Manifest,
    ProgressFn,
    parse_manifest,
    verify_members,
)
from cchc_desktop.sync.incoming import (
    BATCH,
    FORK_REASON,
    Counts,
    Run,
    Units,
    append_segment,
    decide,
    merge_unit_rows,
)
from cchc_desktop.sync.network import store_certificate
from cchc_desktop.sync.trust import Trust, check_trust, clock_warnings, restore_detected

RESTORED = (
    "Gói dữ liệu cho thấy máy này đã từng ghi nhiều thay đổi hơn những gì cơ sở dữ liệu đang có:"
    " cơ sở dữ liệu đã được khôi phục từ bản sao lưu cũ hoặc sao chép từ máy khác. Việc sửa dữ"
    " liệu bị khoá cho đến khi máy được đăng ký lại (Đồng bộ → Đăng ký lại máy)."
)
FORKED_OWN = (
    "Có một máy khác đang dùng chung mã máy của máy này (hai bản khác nhau của cùng một thay"
    " đổi). Việc sửa dữ liệu bị khoá cho đến khi máy được đăng ký lại."
)
REVOKED_NOTE = (
    "Máy {name} đã bị thu hồi: {n} thay đổi ghi sau khi thu hồi được giữ lại để tham khảo."
)
CANCELLED = "Đã huỷ nhập dữ liệu; cơ sở dữ liệu không thay đổi."


log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did (or, for a dry run, would do)."""

    status: str  # "imported" | "dry_run" | "already"
    bundle_sha256: str
    file_name: str
    sender_site: str = ""
    sender_name: str = ""
    sender_role: str = ""
    created_wall: int = 0
    n_changes: int = 0  # changes the bundle carries
    n_new: int = 0
    n_dup: int = 0
    n_conflicts: int = 0  # review items opened
    n_quarantined: int = 0
    n_blobs: int = 0
    new_by_table: dict[str, int] = field(default_factory=dict)
    gaps: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    joined: bool = False
    tables: frozenset[str] = frozenset()
    already_message: str = ""

    @property
    def message(self) -> str:
        """The report for the clerk (sync.md §5.8 step 12)."""
        if self.status == "already":
            return self.already_message
        verb = "Sẽ nhận" if self.status == "dry_run" else "Đã nhận"
        parts = [f"{verb} {self.n_new} thay đổi mới từ {self.sender_name}"]
        if self.n_dup:
            parts.append(f"{self.n_dup} trùng lặp đã bỏ qua")
        if self.n_conflicts:
            parts.append(f"{self.n_conflicts} mục cần xem lại")
        if self.n_quarantined:
            parts.append(f"{self.n_quarantined} thay đổi bị giữ lại (không có quyền)")
        if self.n_blobs:
            parts.append(f"{self.n_blobs} tệp đính kèm")
        lines = ["; ".join(parts) + "."]
        if self.joined:
            lines.append("Máy này đã tham gia mạng đồng bộ.")
        lines.extend(self.warnings)
        lines.extend(self.gaps)
        return "\n".join(lines)


@dataclass(slots=True)
class ImportJob:
    """One checked bundle on its way into the database: what the transaction needs."""

    db: Database
    db_path: Path
    reader: BundleReader
    manifest: Manifest
    trust: Trust
    digest: str  # the bundle file's SHA-256 (hex)
    file_name: str
    dry_run: bool
    warnings: list[str]  # grows with what the transaction finds
    restored: bool  # the bundle shows this PC was restored from an older copy
    n_blobs: int
    progress: ProgressFn | None
    cancelled: CancelFn | None
    total: int  # changes the bundle carries, for the progress bar

    @property
    def sha_bytes(self) -> bytes:
        return bytes.fromhex(self.digest)


@dataclass(slots=True)
class _Merged:
    """What the merge of one bundle changed: the newest clock, tables, review items opened."""

    top: tuple[int, int]
    tables: set[str]
    conflicts_opened: int


# ---------------------------------------------------------------------------- entry point


def import_bundle(
    db: Database,
    file: Path,
    *,
    dry_run: bool = False,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> ImportResult:
    """Import (or with `dry_run`, preview) a bundle file. Refusals raise SyncError."""
    file = Path(file)
    db_path = keys.database_path(db)
    inbox_copy, digest = _copy_to_inbox(db_path, file)
    try:
        return _import_copy(db, db_path, file, inbox_copy, digest, dry_run, progress, cancelled)
    except SyncError:
        _set_aside_refused(db_path, inbox_copy, digest)
        raise


def _import_copy(
    db: Database,
    db_path: Path,
    file: Path,
    inbox_copy: Path,
    digest: str,
    dry_run: bool,
    progress: ProgressFn | None,
    cancelled: CancelFn | None,
) -> ImportResult:
    sha_bytes = bytes.fromhex(digest)
    done = db.execute(
        "SELECT direction, processed_at FROM bundle_log WHERE sha256 = ?", [sha_bytes]
    ).fetchone()
    if done is not None and done[0] == "out":
        raise SyncError(OWN_BUNDLE)
    if done is not None:
        when = dt.datetime.fromtimestamp((done[1] or 0) / 1000, tz=dt.UTC).astimezone()
        return ImportResult(
            "already",
            digest,
            file.name,
            already_message=ALREADY.format(date=when.strftime("%d/%m/%Y %H:%M")),
        )
    with BundleReader(inbox_copy) as reader:
        manifest_bytes = reader.read("manifest.json")
        try:
            manifest = parse_manifest(manifest_bytes)
        except ValueError as exc:
            raise SyncError(BAD_FORMAT.format(detail=exc)) from exc
        trust = check_trust(db, reader, manifest, manifest_bytes)
        verify_members(
            reader,
            manifest,
            trust.pubkey,
            lambda pub, data, sig: keys.verify(pub, keys.SEGMENT_CONTEXT, data, sig),
        )
        warnings = clock_warnings(db, manifest, trust)
        restored = restore_detected(db, manifest)
        n_blobs = 0
        if not dry_run:
            n_blobs = _stage_blobs(db_path, reader, manifest, cancelled)
            _backup(db, db_path)
        else:
            n_blobs = sum(1 for b in manifest.blobs if not blob_store.has_blob(db_path, b.sha256))
        job = ImportJob(
            db=db,
            db_path=db_path,
            reader=reader,
            manifest=manifest,
            trust=trust,
            digest=digest,
            file_name=file.name,
            dry_run=dry_run,
            warnings=warnings,
            restored=restored,
            n_blobs=n_blobs,
            progress=progress,
            cancelled=cancelled,
            total=sum(s.n_changes for s in manifest.segments),
        )
        return _apply(job)


def preview_bundle(db: Database, file: Path) -> ImportResult:
    """What importing `file` would do (a dry run: the database is left unchanged)."""
    return import_bundle(db, file, dry_run=True)


# ---------------------------------------------------------------------------- before writing


def _copy_to_inbox(db_path: Path, file: Path) -> tuple[Path, str]:
    inbox = db_path.parent / "inbox"
    try:
        inbox.mkdir(parents=True, exist_ok=True)
        if file.resolve().parent == inbox.resolve():
            return file, blob_store.file_sha256(file)
        tmp = partial_path(inbox / file.name)
        digest = hashlib.sha256()
        with file.open("rb") as src, tmp.open("wb") as out:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        known = _inbox_copy_of(inbox, sha)
        if known is not None:  # the same bundle again, under any name: one copy is enough
            tmp.unlink()
            return known, sha
        target = inbox / f"{sha[:12]}-{file.name}"
        tmp.replace(target)
        return target, sha
    except FileNotFoundError as exc:
        raise SyncError(f"Không tìm thấy tệp {file}.") from exc
    except OSError as exc:
        raise SyncError(
            f"Không chép được gói {file.name} vào máy ({os_reason(exc)}). "
            "Hãy cắm lại USB rồi thử lại."
        ) from exc


REFUSED_FOLDER = "refused"
REFUSED_KEPT = 20


def _inbox_copy_of(inbox: Path, sha: str) -> Path | None:
    """A copy of the bundle with this hash already in the inbox (kept or refused)."""
    for folder in (inbox, inbox / REFUSED_FOLDER):
        for path in folder.glob(f"{sha[:12]}-*"):
            if path.is_file() and blob_store.file_sha256(path) == sha:
                return path
    return None


def _set_aside_refused(db_path: Path, inbox_copy: Path, sha: str) -> None:
    """Keep a refused bundle once, in inbox/refused, and only the newest `REFUSED_KEPT` of them.

    The copy helps whoever looks into why it was refused; a hundred refused attempts must not
    fill the disk.
    """
    refused = db_path.parent / "inbox" / REFUSED_FOLDER
    try:
        refused.mkdir(parents=True, exist_ok=True)
        if inbox_copy.parent != refused:
            inbox_copy.replace(refused / inbox_copy.name)
        kept = sorted(refused.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[REFUSED_KEPT:]:
            old.unlink()
    except OSError as exc:
        log.info("Cannot set aside refused bundle %s (%s): %s", inbox_copy, sha[:12], exc)


def _stage_blobs(
    db_path: Path, reader: BundleReader, manifest: Manifest, cancelled: CancelFn | None
) -> int:
    staged = 0
    for entry in manifest.blobs:
        if blob_store.has_blob(db_path, entry.sha256):
            continue
        if cancelled is not None and cancelled():
            raise SyncError(CANCELLED)
        try:
            with reader.stream(entry.path) as (_counter, chunks):
                blob_store.write_blob(
                    db_path, _ChunkReader(chunks), expected=entry.sha256, limit=entry.bytes
                )
        except ValueError as exc:
            raise SyncError(DAMAGED.format(detail=f"tệp {entry.path}")) from exc
        except OSError as exc:
            raise SyncError(
                f"Không lưu được tệp đính kèm vào thư mục dữ liệu ({os_reason(exc)}); hãy kiểm tra "
                "ổ đĩa còn chỗ trống rồi nhập lại."
            ) from exc
        staged += 1
    return staged


class _ChunkReader:
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks

    def read(self, _n: int = -1) -> bytes:
        return next(self.chunks, b"")


def _backup(db: Database, db_path: Path) -> None:
    """The office's ordinary backup (checked, rotated, evidence listed) before an import."""
    try:
        backup_service.create_backup(db, db_path, backup_service.REASON_SYNC_IMPORT)
    except CchcError as exc:
        raise SyncError(
            f"Không sao lưu được cơ sở dữ liệu trước khi nhập ({os_reason(exc)}); chưa nhập gì."
        ) from exc


# ---------------------------------------------------------------------------- the transaction


def _apply(job: ImportJob) -> ImportResult:
    conn = job.db.conn
    if conn.in_transaction:
        raise RuntimeError("import_bundle must not run inside another transaction")
    foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    # Rows arrive in origin order, not in reference order; the view is checked as a whole.
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        if isinstance(job.db, WriteDatabase):
            job.db.begin_write()
        else:
            conn.execute("BEGIN IMMEDIATE")
        try:
            result = _apply_in_transaction(job)
        except BaseException:
            conn.rollback()
            raise
        if job.dry_run:
            conn.rollback()
        else:
            conn.commit()
            health_service.foreign_file_came_in(job.db_path)
    finally:
        conn.execute(f"PRAGMA foreign_keys = {int(foreign_keys)}")
    return result


def _apply_in_transaction(job: ImportJob) -> ImportResult:
    db, manifest, trust = job.db, job.manifest, job.trust
    now = wall_ms(db)
    site = local_site(db)
    _record_trust(db, trust)
    counts = Counts()
    merged = _merge_changes(job, counts, site, now)
    hlc_receive(db, max(merged.top, manifest.created_hlc))
    gaps = _advance_origins(job, counts)
    _note_blocks_and_revocations(job, counts)
    sender_role, _unit = trust.role_unit(manifest.sender_site)
    _update_peer(db, manifest, sender_role, now)
    if site.role == "district" and manifest.created_wall - now > MAX_DRIFT_MS:
        _clock_suspect(db, manifest, now)
    conflicts_opened = merged.conflicts_opened + _fork_conflicts(db, job.sha_bytes)
    db.execute(
        "INSERT INTO bundle_log (sha256, direction, peer, bundle_seq, file_name, created_wall,"
        " processed_at, n_new, n_dup, n_conflict, n_quarantined, status, message)"
        " VALUES (?, 'in', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'imported', ?)",
        [job.sha_bytes, manifest.sender_site, manifest.sender_bundle_seq, job.file_name,
         manifest.created_wall, now, counts.n_new, counts.n_dup, conflicts_opened,
         counts.n_quarantined, "\n".join([*job.warnings, *gaps])],
    )  # fmt: skip
    return ImportResult(
        status="dry_run" if job.dry_run else "imported",
        bundle_sha256=job.digest,
        file_name=job.file_name,
        sender_site=manifest.sender_site,
        sender_name=trust.name(manifest.sender_site),
        sender_role=sender_role,
        created_wall=manifest.created_wall,
        n_changes=counts.n_changes,
        n_new=counts.n_new,
        n_dup=counts.n_dup,
        n_conflicts=conflicts_opened,
        n_quarantined=counts.n_quarantined,
        n_blobs=job.n_blobs,
        new_by_table=dict(sorted(counts.by_table.items())),
        gaps=tuple(gaps),
        warnings=tuple(job.warnings),
        joined=trust.joining is not None,
        tables=frozenset(merged.tables),
    )


def _record_trust(db: Database, trust: Trust) -> None:
    """Join the network (or take this PC's role), store certificates and revocations."""
    if trust.joining is not None:
        _join(db, trust)
    elif trust.own_cert is not None:
        db.execute(
            "UPDATE local_site SET role = ?, unit_id = ?",
            [trust.own_cert.role, trust.own_cert.unit_id],
        )
    for cert in trust.certs.values():
        store_certificate(db, cert)
    for revoked, after, raw in trust.revocations:
        db.execute(
            "UPDATE site SET revoked_after_seq = ?, revocation = ? WHERE site_id = ?"
            " AND (revoked_after_seq IS NULL OR revoked_after_seq > ?)",
            [after, raw, revoked, after],
        )


def _ticker(job: ImportJob) -> Callable[[int], None]:
    """Count merged changes for the progress bar; stop when the clerk cancels."""
    done = [0]

    def tick(n: int) -> None:
        done[0] += n
        if job.progress is not None:
            job.progress(done[0], job.total)
        if job.cancelled is not None and job.cancelled():
            raise SyncError(CANCELLED)

    return tick


def _merge_changes(job: ImportJob, counts: Counts, site: LocalSite, now: int) -> _Merged:
    """Append the bundle's changes to the log and merge those that may be applied."""
    db, trust = job.db, job.trust
    conn = db.conn
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS _incoming (origin TEXT NOT NULL, seq INTEGER NOT NULL,"
        " phase INTEGER NOT NULL, ok INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (origin, seq))"
        " WITHOUT ROWID"
    )
    conn.execute("DELETE FROM _incoming")
    pre_units: dict[tuple[str, str], str | None] = {}
    tick = _ticker(job)
    checker = ValueChecker(db)
    # Plan-side changes (their origin's role decides) are checked and merged as they stream in;
    # unit-owned rows need the whole bundle's units first, so they wait in _incoming.
    run = Run(db, job.db_path, trust, checker, Merger(db, batch=BATCH), job.sha_bytes, now, counts)
    for segment in sorted(job.manifest.segments, key=lambda s: (s.origin, s.lo)):
        append_segment(run, job.reader, segment, pre_units, site.site_id, tick)
    run.finish()
    units = Units(db, pre_units)
    for table in sorted(UNIT_OWNED_TABLES):
        units.preload(table)
    # Unit-owned rows: usually every change is permitted, and one pass decides and merges. If
    # one is not, that pass is undone and redone in two (all set aside first, then the merge),
    # so that the merge never counts a set-aside change as seen.
    conn.execute("SAVEPOINT unit_rows")
    unit_merger = Merger(db, batch=BATCH)
    top_before = run.top
    if not merge_unit_rows(db, trust, units, checker, unit_merger, run, decide=True):
        conn.execute("ROLLBACK TO SAVEPOINT unit_rows")
        run.top = top_before
        decide(db, trust, units, checker, counts, job.sha_bytes, now)
        unit_merger = Merger(db, batch=BATCH)
        merge_unit_rows(db, trust, units, checker, unit_merger, run, decide=False)
    conn.execute("RELEASE SAVEPOINT unit_rows")
    return _Merged(
        top=run.top,
        tables=run.merger.stats.tables | unit_merger.stats.tables,
        conflicts_opened=run.merger.stats.conflicts_opened + unit_merger.stats.conflicts_opened,
    )


def _advance_origins(job: ImportJob, counts: Counts) -> list[str]:
    """Register the arrived attachments, move each origin's version; the gaps left, in words."""
    db = job.db
    _register_blobs(db, job.db_path, job.manifest)
    resolved = _resolve_missing_blobs(db, job.db_path)
    touched = set(counts.ranges) | resolved
    for origin in sorted(touched):
        _advance(db, origin, counts.ranges.get(origin, []))
    return _gap_messages(db, touched, job.trust)


def _note_blocks_and_revocations(job: ImportJob, counts: Counts) -> None:
    """Block edits on a restored or cloned PC; say what revoked PCs sent."""
    if job.restored:
        block_edits(job.db, RESTORED)
        job.warnings.append(RESTORED)
    if counts.forked_own and not job.restored:
        block_edits(job.db, FORKED_OWN)
        job.warnings.append(FORKED_OWN)
    for origin, n in sorted(counts.revoked.items()):
        job.warnings.append(REVOKED_NOTE.format(name=job.trust.name(origin), n=n))


def _join(db: Database, trust: Trust) -> None:
    info = trust.joining
    own = trust.own_cert
    if info is None or own is None:
        raise RuntimeError("joining needs the network and this PC's certificate")
    db.execute(
        "INSERT INTO network (network_id, name, district_code, root_pubkey, root_fp,"
        " district_site, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [info.network_id, info.name, info.district_code, info.root_pubkey, info.root_fp,
         info.district_site, wall_ms(db)],
    )  # fmt: skip
    db.execute(
        "UPDATE local_site SET network_id = ?, role = ?, unit_id = ?",
        [info.network_id, own.role, own.unit_id],
    )
    if own.role == "commune" and own.unit_id:
        # The commune's header, place and signer stay its own; the hub's arrive as `office.`.
        edits = settings_service.keep_own_settings_on_joining(db, own.unit_id)
        if edits:
            apply_local_edits(db, edits, author="Tham gia mạng")


def _register_blobs(db: Database, db_path: Path, manifest: Manifest) -> None:
    blob_store.register_blobs(
        db,
        [
            (b.sha256, b.bytes, None)
            for b in manifest.blobs
            if blob_store.has_blob(db_path, b.sha256)
        ],
    )


def _resolve_missing_blobs(db: Database, db_path: Path) -> set[str]:
    """Drop waiting marks whose file has arrived; return the origins concerned."""
    origins: set[str] = set()
    rows = db.execute("SELECT DISTINCT sha256 FROM missing_blob").fetchall()
    for (sha,) in rows:
        if blob_store.has_blob(db_path, sha):
            origins |= {
                r[0]
                for r in db.execute(
                    "SELECT DISTINCT origin FROM missing_blob WHERE sha256 = ?", [sha]
                ).fetchall()
            }
            db.execute("DELETE FROM missing_blob WHERE sha256 = ?", [sha])
    return origins


def _merge_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _advance(db: Database, origin: str, new_ranges: list[tuple[int, int]]) -> None:
    """Move an origin's contiguous prefix; `gaps` keeps the ranges held beyond it.

    A change waiting for its attachment stops the prefix, so the sender sends it again.
    """
    row = db.execute(
        "SELECT contiguous_max, gaps FROM origin_progress WHERE origin = ?", [origin]
    ).fetchone()
    cm = int(row[0]) if row else 0
    held = [tuple(r) for r in json.loads(row[1])] if row and row[1] else []
    ranges = _merge_ranges([*[(int(a), int(b)) for a, b in held], *new_ranges])
    for lo, hi in ranges:
        if lo > cm + 1 or hi <= cm:
            continue
        waiting = db.execute(
            "SELECT min(seq) FROM missing_blob WHERE origin = ? AND seq > ? AND seq <= ?",
            [origin, cm, hi],
        ).fetchone()[0]
        if waiting is not None:
            cm = int(waiting) - 1
            break
        cm = hi
    beyond = [[max(lo, cm + 1), hi] for lo, hi in ranges if hi > cm]
    db.execute(
        "INSERT INTO origin_progress (origin, contiguous_max, gaps) VALUES (?, ?, ?)"
        " ON CONFLICT (origin) DO UPDATE SET contiguous_max = excluded.contiguous_max,"
        " gaps = excluded.gaps",
        [origin, cm, canonical_json(beyond) if beyond else None],
    )


def _gap_messages(db: Database, origins: set[str], trust: Trust) -> list[str]:
    messages: list[str] = []
    for origin in sorted(origins):
        row = db.execute(
            "SELECT contiguous_max, gaps FROM origin_progress WHERE origin = ?", [origin]
        ).fetchone()
        if row is None or not row[1]:
            continue
        cm, held = int(row[0]), json.loads(row[1])
        name = trust.name(origin)
        waiting = db.execute(
            "SELECT count(*) FROM missing_blob WHERE origin = ?", [origin]
        ).fetchone()[0]
        if waiting:
            messages.append(
                f"Còn thiếu {waiting} tệp đính kèm của {name} – hãy xin {name} chép lại gói mới."
            )
        elif held and held[0][0] > cm + 1:
            messages.append(
                f"Còn thiếu thay đổi {cm + 1}–{held[0][0] - 1} của {name} – hãy xin {name} chép"
                " lại gói mới."
            )
    return messages


def _update_peer(db: Database, manifest: Manifest, sender_role: str, now: int) -> None:
    row = db.execute(
        "SELECT last_bundle_seq_in FROM peer WHERE site_id = ?", [manifest.sender_site]
    ).fetchone()
    newer = row is None or row[0] is None or manifest.sender_bundle_seq >= row[0]
    offset = manifest.created_wall - now
    if newer:
        db.execute(
            "INSERT INTO peer (site_id, their_vv, last_bundle_seq_in, clock_offset_ms,"
            " last_import_at, last_created_wall) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (site_id) DO UPDATE SET their_vv = excluded.their_vv,"
            " last_bundle_seq_in = excluded.last_bundle_seq_in,"
            " clock_offset_ms = excluded.clock_offset_ms, last_import_at = excluded.last_import_at,"
            " last_created_wall = excluded.last_created_wall",
            [manifest.sender_site, canonical_json(manifest.sender_vv), manifest.sender_bundle_seq,
             offset, now, manifest.created_wall],
        )  # fmt: skip
        if sender_role == "district":
            db.execute("UPDATE local_site SET max_trusted_wall = ?", [manifest.created_wall])
            if local_site(db).role != "district":
                db.execute("UPDATE network SET district_site = ?", [manifest.sender_site])
    else:
        db.execute(
            "UPDATE peer SET last_import_at = ? WHERE site_id = ?", [now, manifest.sender_site]
        )


def _clock_suspect(db: Database, manifest: Manifest, now: int) -> None:
    days = round((manifest.created_wall - now) / 86_400_000)
    exists = db.execute(
        "SELECT 1 FROM conflict WHERE kind = 'clock_suspect' AND row_id = ?"
        " AND closed_by_seq IS NULL",
        [manifest.sender_site],
    ).fetchone()
    if exists is None:
        db.execute(
            "INSERT INTO conflict (id, tbl, row_id, field, kind, heads, opened_at, detail)"
            " VALUES (?, 'site', ?, 'clock', 'clock_suspect', '[]', ?, ?)",
            [new_id(), manifest.sender_site, now, f"+{days} ngày"],
        )


def _fork_conflicts(db: Database, sha_bytes: bytes) -> int:
    """A review card for each change whose id arrived with other content in this bundle."""
    opened = 0
    for origin, seq, raw in db.execute(
        "SELECT origin, seq, raw FROM quarantine WHERE reason = ? AND bundle_sha256 = ?",
        [FORK_REASON, sha_bytes],
    ).fetchall():
        tbl, row_id, fld = "site", origin, "fork"
        with contextlib.suppress(ValueError, TypeError, KeyError):
            obj = json.loads(raw)
            tbl, row_id, fld = str(obj["tbl"]), str(obj["row_id"]), str(obj["field"])
        heads = canonical_json([[origin, seq]])
        exists = db.execute(
            "SELECT 1 FROM conflict WHERE kind = 'fork' AND heads = ?", [heads]
        ).fetchone()
        if exists is None:
            db.execute(
                "INSERT INTO conflict (id, tbl, row_id, field, kind, heads, opened_at, detail)"
                " VALUES (?, ?, ?, ?, 'fork', ?, ?, ?)",
                [new_id(), tbl, row_id, fld, heads, wall_ms(db), origin],
            )
            opened += 1
    return opened
