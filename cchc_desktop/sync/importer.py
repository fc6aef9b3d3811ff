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
   the rest are merged by the shared rule (store.changes.Merger); the version vector, the
   peer's acknowledgement, the clock and the bundle log are updated.

A dry run does all of it and rolls the transaction back: the clerk's preview shows exactly what
the import would do.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from cchc_desktop.errors import CchcError, SyncError
from cchc_desktop.services import backup_service
from cchc_desktop.store import migrations
from cchc_desktop.store.changes import (
    LoggedChange,
    Merger,
    ValueChecker,
    canonical_json,
    insert_log,
)
from cchc_desktop.store.ownership import UNIT_OWNED_TABLES, writer_allowed
from cchc_desktop.store.site import (
    MAX_DRIFT_MS,
    block_edits,
    hlc_receive,
    local_site,
    new_id,
    wall_ms,
)
from cchc_desktop.sync import blobs as blob_store
from cchc_desktop.sync import keys
from cchc_desktop.sync.bundle import (
    ALREADY,
    BAD_CERT,
    BAD_FORMAT,
    BAD_HASH,
    BAD_SIGNATURE,
    DAMAGED,
    FORMAT,
    NEWER,
    NOT_JOINED,
    OTHER_NETWORK,
    OTHER_ROOT,
    OWN_BUNDLE,
    UNKNOWN_SITE,
    WRONG_RECIPIENT,
    BundleReader,
    CancelFn,
    Manifest,
    ProgressFn,
    SegmentEntry,
    change_line,
    parse_manifest,
    parse_vv,
    tx_line,
    verify_members,
)
from cchc_desktop.sync.network import (
    Certificate,
    NetworkInfo,
    network_info,
    parse_certificate,
    parse_revocation,
    store_certificate,
)

BATCH = 5000
FORK_REASON = "fork"

RESTORED = (
    "Gói dữ liệu cho thấy máy này đã từng ghi nhiều thay đổi hơn những gì cơ sở dữ liệu đang có:"
    " cơ sở dữ liệu đã được khôi phục từ bản sao lưu cũ hoặc sao chép từ máy khác. Việc sửa dữ"
    " liệu bị khoá cho đến khi máy được đăng ký lại (Đồng bộ → Đăng ký lại máy)."
)
FORKED_OWN = (
    "Có một máy khác đang dùng chung mã máy của máy này (hai bản khác nhau của cùng một thay"
    " đổi). Việc sửa dữ liệu bị khoá cho đến khi máy được đăng ký lại."
)
CLOCK_OURS = (
    "Gói của huyện được tạo lúc {theirs}, nhưng đồng hồ máy này đang là {ours}: đồng hồ máy"
    " này có lẽ bị sai. Hãy chỉnh lại ngày giờ Windows; việc sửa dữ liệu bị khoá đến khi chỉnh."
)
CLOCK_THEIRS = "Máy {name} đang lệch giờ {sign}{days} ngày so với máy này; hãy nhắc chỉnh đồng hồ."
REVOKED_NOTE = (
    "Máy {name} đã bị thu hồi: {n} thay đổi ghi sau khi thu hồi được giữ lại để tham khảo."
)


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
            lines.append("Máy này đã tham gia mạng đồng bộ của huyện.")
        lines.extend(self.warnings)
        lines.extend(self.gaps)
        return "\n".join(lines)


@dataclass(slots=True)
class _Trust:
    root_pubkey: bytes
    joining: NetworkInfo | None
    certs: dict[str, Certificate]  # from the bundle
    known: dict[
        str, tuple[bytes, str, str | None, int | None, str]
    ]  # site -> pubkey, role, unit, revoked, name
    revocations: list[tuple[str, int, bytes]]
    own_cert: Certificate | None
    _revoked: dict[str, int | None] = field(default_factory=dict)

    def pubkey(self, site_id: str) -> bytes:
        if site_id in self.certs:
            return self.certs[site_id].pubkey
        return self.known[site_id][0]

    def role_unit(self, site_id: str) -> tuple[str, str | None]:
        if site_id in self.certs:
            return self.certs[site_id].role, self.certs[site_id].unit_id
        _pub, role, unit, _rev, _name = self.known[site_id]
        return role, unit

    def revoked_after(self, site_id: str) -> int | None:
        if site_id not in self._revoked:
            found = [after for sid, after, _raw in self.revocations if sid == site_id]
            known = self.known[site_id][3] if site_id in self.known else None
            self._revoked[site_id] = min(found) if found else known
        return self._revoked[site_id]

    def name(self, site_id: str) -> str:
        if site_id in self.certs:
            c = self.certs[site_id]
            return f"{c.unit_name} ({c.display_name})" if c.display_name else c.unit_name
        if site_id in self.known:
            return self.known[site_id][4]
        return site_id

    def has(self, site_id: str) -> bool:
        return site_id in self.certs or site_id in self.known


@dataclass(slots=True)
class _Counts:
    n_changes: int = 0
    n_new: int = 0
    n_dup: int = 0
    n_quarantined: int = 0
    by_table: dict[str, int] = field(default_factory=dict)
    ranges: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    forked_own: bool = False
    revoked: dict[str, int] = field(default_factory=dict)


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
        trust = _check_trust(db, reader, manifest, manifest_bytes)
        verify_members(
            reader,
            manifest,
            trust.pubkey,
            lambda pub, data, sig: keys.verify(pub, keys.SEGMENT_CONTEXT, data, sig),
        )
        warnings = _clock_warnings(db, manifest, trust)
        restored = _restore_detected(db, manifest)
        n_blobs = 0
        if not dry_run:
            n_blobs = _stage_blobs(db_path, reader, manifest, cancelled)
            _backup(db, db_path)
        else:
            n_blobs = sum(1 for b in manifest.blobs if not blob_store.has_blob(db_path, b.sha256))
        total = sum(s.n_changes for s in manifest.segments)
        return _apply(
            db,
            db_path,
            reader,
            manifest,
            trust,
            digest,
            file.name,
            dry_run=dry_run,
            warnings=warnings,
            restored=restored,
            n_blobs=n_blobs,
            progress=progress,
            cancelled=cancelled,
            total=total,
        )


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
        tmp = inbox / f".{file.name}.{os.getpid()}.tmp"
        digest = hashlib.sha256()
        with file.open("rb") as src, tmp.open("wb") as out:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        target = inbox / f"{sha[:12]}-{file.name}"
        tmp.replace(target)
        return target, sha
    except FileNotFoundError as exc:
        raise SyncError(f"Không tìm thấy tệp {file}.") from exc
    except OSError as exc:
        raise SyncError(
            f"Không chép được gói {file.name} vào máy ({exc}). Hãy cắm lại USB rồi thử lại."
        ) from exc


def _check_trust(db: Database, reader: BundleReader, manifest: Manifest, raw: bytes) -> _Trust:
    site = local_site(db)
    if manifest.format != FORMAT:
        if manifest.format > FORMAT:
            raise SyncError(NEWER)
        raise SyncError(BAD_FORMAT.format(detail=f"phiên bản định dạng {manifest.format}"))
    if manifest.schema_version > migrations.latest_version():
        raise SyncError(NEWER)
    if manifest.sender_site == site.site_id:
        raise SyncError(OWN_BUNDLE)
    net = network_info(db)
    joining: NetworkInfo | None = None
    if net is not None:
        if manifest.network_id != net.network_id:
            raise SyncError(
                OTHER_NETWORK.format(
                    theirs=manifest.network_name or manifest.network_id, ours=net.name
                )
            )
        if manifest.district_root_fp != net.root_fp:
            raise SyncError(OTHER_ROOT.format(theirs=manifest.district_root_fp, ours=net.root_fp))
        root_pubkey = net.root_pubkey
    else:
        joining = _joining_network(reader, manifest)
        root_pubkey = joining.root_pubkey
    if manifest.recipient_site not in ("*", site.site_id):
        raise SyncError(WRONG_RECIPIENT.format(to=manifest.recipient_site, me=site.site_id))
    certs: dict[str, Certificate] = {}
    for entry in manifest.certs:
        data = reader.read(entry.path)
        if hashlib.sha256(data).hexdigest() != entry.sha256 or len(data) != entry.bytes:
            raise SyncError(BAD_HASH.format(member=entry.path))
        site_id = entry.path[len("certs/") : -len(".json")]
        try:
            cert = parse_certificate(data, root_pubkey)
        except (ValueError, UnicodeDecodeError) as exc:
            raise SyncError(BAD_CERT.format(site=site_id)) from exc
        if cert.site_id != site_id or cert.network_id != manifest.network_id:
            raise SyncError(BAD_CERT.format(site=site_id))
        certs[site_id] = cert
    revocations: list[tuple[str, int, bytes]] = []
    for entry in manifest.revocations:
        data = reader.read(entry.path)
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            raise SyncError(BAD_HASH.format(member=entry.path))
        site_id = entry.path[len("revocations/") : -len(".json")]
        try:
            network_id, revoked, after, raw_rev = parse_revocation(data, root_pubkey)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise SyncError(BAD_CERT.format(site=site_id)) from exc
        if revoked != site_id or network_id != manifest.network_id:
            raise SyncError(BAD_CERT.format(site=site_id))
        revocations.append((revoked, after, raw_rev))
    known: dict[str, tuple[bytes, str, str | None, int | None, str]] = {}
    for sid, pubkey, role, unit, revoked_after, name in db.execute(
        "SELECT site_id, pubkey, role, unit_id, revoked_after_seq, display_name FROM site"
        " WHERE pubkey IS NOT NULL"
    ).fetchall():
        known[sid] = (bytes(pubkey), role, unit, revoked_after, name or sid)
    trust = _Trust(root_pubkey, joining, certs, known, revocations, certs.get(site.site_id))
    if not trust.has(manifest.sender_site):
        raise SyncError(UNKNOWN_SITE.format(site=manifest.sender_site))
    signature = reader.read("manifest.sig")
    if not keys.verify(trust.pubkey(manifest.sender_site), keys.BUNDLE_CONTEXT, raw, signature):
        raise SyncError(BAD_SIGNATURE)
    for segment in manifest.segments:
        if not trust.has(segment.origin):
            raise SyncError(UNKNOWN_SITE.format(site=segment.origin))
    if joining is not None:
        own = trust.own_cert
        my_key = keys.ensure_site_key(keys.database_path(db), site.site_id)
        if own is None or own.pubkey != keys.public_bytes(my_key):
            raise SyncError(NOT_JOINED)
    elif trust.own_cert is not None:
        my_key = keys.ensure_site_key(keys.database_path(db), site.site_id)
        if trust.own_cert.pubkey != keys.public_bytes(my_key):
            raise SyncError(BAD_CERT.format(site=site.site_id))
    return trust


def _joining_network(reader: BundleReader, manifest: Manifest) -> NetworkInfo:
    if manifest.network is None:
        raise SyncError(NOT_JOINED)
    data = reader.read(manifest.network.path)
    if hashlib.sha256(data).hexdigest() != manifest.network.sha256:
        raise SyncError(BAD_HASH.format(member=manifest.network.path))
    try:
        record = keys.parse_record(data)
        root_pubkey = keys.unb64(record["root_pubkey"])
        info = NetworkInfo(
            network_id=str(record["network_id"]),
            name=str(record["name"]),
            district_code=str(record["district_code"]),
            root_pubkey=root_pubkey,
            root_fp=keys.fingerprint(root_pubkey),
            district_site=manifest.sender_site,
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise SyncError(BAD_FORMAT.format(detail="network.json")) from exc
    if info.root_fp != manifest.district_root_fp or info.network_id != manifest.network_id:
        raise SyncError(BAD_SIGNATURE)
    return info


def _clock_warnings(db: Database, manifest: Manifest, trust: _Trust) -> list[str]:
    wall = wall_ms(db)
    offset = manifest.created_wall - wall
    role, _unit = trust.role_unit(manifest.sender_site)
    site = local_site(db)
    warnings: list[str] = []
    if offset > MAX_DRIFT_MS and role == "district":
        warnings.append(CLOCK_OURS.format(theirs=_when(manifest.created_wall), ours=_when(wall)))
    elif abs(offset) > MAX_DRIFT_MS and site.role == "district":
        warnings.append(
            CLOCK_THEIRS.format(
                name=trust.name(manifest.sender_site),
                sign="+" if offset > 0 else "−",
                days=round(abs(offset) / 86_400_000),
            )
        )
    return warnings


def _when(ms: int) -> str:
    return dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC).astimezone().strftime("%d/%m/%Y %H:%M")


def _restore_detected(db: Database, manifest: Manifest) -> bool:
    site = local_site(db)
    held = db.execute("SELECT next_seq - 1 FROM local_site").fetchone()[0]
    if manifest.sender_vv.get(site.site_id, 0) > held:
        return True
    return any(s.origin == site.site_id and s.hi > held for s in manifest.segments)


def _stage_blobs(
    db_path: Path, reader: BundleReader, manifest: Manifest, cancelled: CancelFn | None
) -> int:
    staged = 0
    for entry in manifest.blobs:
        if blob_store.has_blob(db_path, entry.sha256):
            continue
        if cancelled is not None and cancelled():
            raise SyncError("Đã huỷ nhập dữ liệu; cơ sở dữ liệu không thay đổi.")
        try:
            with reader.stream(entry.path) as (_counter, chunks):
                blob_store.write_blob(
                    db_path, _ChunkReader(chunks), expected=entry.sha256, limit=entry.bytes
                )
        except ValueError as exc:
            raise SyncError(DAMAGED.format(detail=f"tệp {entry.path}")) from exc
        except OSError as exc:
            raise SyncError(
                f"Không lưu được tệp đính kèm vào thư mục dữ liệu ({exc}); hãy kiểm tra ổ đĩa"
                " còn chỗ trống rồi nhập lại."
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
            f"Không sao lưu được cơ sở dữ liệu trước khi nhập ({exc}); chưa nhập gì."
        ) from exc


# ---------------------------------------------------------------------------- the transaction


def _apply(
    db: Database,
    db_path: Path,
    reader: BundleReader,
    manifest: Manifest,
    trust: _Trust,
    digest: str,
    file_name: str,
    *,
    dry_run: bool,
    warnings: list[str],
    restored: bool,
    n_blobs: int,
    progress: ProgressFn | None,
    cancelled: CancelFn | None,
    total: int,
) -> ImportResult:
    conn = db.conn
    if conn.in_transaction:
        raise RuntimeError("import_bundle must not run inside another transaction")
    foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    # Rows arrive in origin order, not in reference order; the view is checked as a whole.
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = _apply_in_transaction(
                db, db_path, reader, manifest, trust, digest, file_name,
                dry_run=dry_run, warnings=warnings, restored=restored, n_blobs=n_blobs,
                progress=progress, cancelled=cancelled, total=total,
            )  # fmt: skip
        except BaseException:
            conn.rollback()
            raise
        if dry_run:
            conn.rollback()
        else:
            conn.commit()
    finally:
        conn.execute(f"PRAGMA foreign_keys = {int(foreign_keys)}")
    return result


def _apply_in_transaction(
    db: Database,
    db_path: Path,
    reader: BundleReader,
    manifest: Manifest,
    trust: _Trust,
    digest: str,
    file_name: str,
    *,
    dry_run: bool,
    warnings: list[str],
    restored: bool,
    n_blobs: int,
    progress: ProgressFn | None,
    cancelled: CancelFn | None,
    total: int,
) -> ImportResult:
    now = wall_ms(db)
    sha_bytes = bytes.fromhex(digest)
    site = local_site(db)
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
    conn = db.conn
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS _incoming (origin TEXT NOT NULL, seq INTEGER NOT NULL,"
        " phase INTEGER NOT NULL, ok INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (origin, seq))"
        " WITHOUT ROWID"
    )
    conn.execute("DELETE FROM _incoming")
    counts = _Counts()
    pre_units: dict[tuple[str, str], str | None] = {}
    done = [0]

    def tick(n: int) -> None:
        done[0] += n
        if progress is not None:
            progress(done[0], total)
        if cancelled is not None and cancelled():
            raise SyncError("Đã huỷ nhập dữ liệu; cơ sở dữ liệu không thay đổi.")

    checker = ValueChecker(db)
    # Plan-side changes (their origin's role decides) are checked and merged as they stream in;
    # unit-owned rows need the whole bundle's units first, so they wait in _incoming.
    run = _Run(db, db_path, trust, checker, Merger(db, batch=BATCH), sha_bytes, now, counts)
    for segment in sorted(manifest.segments, key=lambda s: (s.origin, s.lo)):
        _append_segment(run, reader, segment, pre_units, site.site_id, tick)
    run.finish()
    units = _Units(db, pre_units)
    for table in sorted(UNIT_OWNED_TABLES):
        units.preload(table)
    # Unit-owned rows: usually every change is permitted, and one pass decides and merges. If
    # one is not, that pass is undone and redone in two (all set aside first, then the merge),
    # so that the merge never counts a set-aside change as seen.
    conn.execute("SAVEPOINT unit_rows")
    unit_merger = Merger(db, batch=BATCH)
    top_before = run.top
    if not _merge_unit_rows(db, trust, units, checker, unit_merger, run, decide=True):
        conn.execute("ROLLBACK TO SAVEPOINT unit_rows")
        run.top = top_before
        _decide(db, trust, units, checker, counts, sha_bytes, now)
        unit_merger = Merger(db, batch=BATCH)
        _merge_unit_rows(db, trust, units, checker, unit_merger, run, decide=False)
    conn.execute("RELEASE SAVEPOINT unit_rows")
    stats_tables = run.merger.stats.tables | unit_merger.stats.tables
    conflicts_opened = run.merger.stats.conflicts_opened + unit_merger.stats.conflicts_opened
    top = run.top
    hlc_receive(db, max(top, manifest.created_hlc))
    _register_blobs(db, db_path, manifest)
    resolved = _resolve_missing_blobs(db, db_path)
    touched = set(counts.ranges) | resolved
    for origin in sorted(touched):
        _advance(db, origin, counts.ranges.get(origin, []))
    gaps = _gap_messages(db, touched, trust)
    if restored:
        block_edits(db, RESTORED)
        warnings.append(RESTORED)
    if counts.forked_own and not restored:
        block_edits(db, FORKED_OWN)
        warnings.append(FORKED_OWN)
    for origin, n in sorted(counts.revoked.items()):
        warnings.append(REVOKED_NOTE.format(name=trust.name(origin), n=n))
    sender_role, _unit = trust.role_unit(manifest.sender_site)
    _update_peer(db, manifest, sender_role, now)
    if site.role == "district" and manifest.created_wall - now > MAX_DRIFT_MS:
        _clock_suspect(db, manifest, now)
    conflicts_opened += _fork_conflicts(db, sha_bytes)
    n_quarantined = counts.n_quarantined
    db.execute(
        "INSERT INTO bundle_log (sha256, direction, peer, bundle_seq, file_name, created_wall,"
        " processed_at, n_new, n_dup, n_conflict, n_quarantined, status, message)"
        " VALUES (?, 'in', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'imported', ?)",
        [sha_bytes, manifest.sender_site, manifest.sender_bundle_seq, file_name,
         manifest.created_wall, now, counts.n_new, counts.n_dup, conflicts_opened,
         n_quarantined, "\n".join([*warnings, *gaps])],
    )  # fmt: skip
    return ImportResult(
        status="dry_run" if dry_run else "imported",
        bundle_sha256=digest,
        file_name=file_name,
        sender_site=manifest.sender_site,
        sender_name=trust.name(manifest.sender_site),
        sender_role=sender_role,
        created_wall=manifest.created_wall,
        n_changes=counts.n_changes,
        n_new=counts.n_new,
        n_dup=counts.n_dup,
        n_conflicts=conflicts_opened,
        n_quarantined=n_quarantined,
        n_blobs=n_blobs,
        new_by_table=dict(sorted(counts.by_table.items())),
        gaps=tuple(gaps),
        warnings=tuple(warnings),
        joined=trust.joining is not None,
        tables=frozenset(stats_tables),
    )


def _join(db: Database, trust: _Trust) -> None:
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


def _parse_line(line: str, segment: SegmentEntry, expected_seq: int) -> LoggedChange:
    try:
        obj = json.loads(line)
        if type(obj) is not dict or len(obj) != 10:
            raise ValueError("fields")
        seq, tx_seq, hlc, edited = obj["seq"], obj["tx_seq"], obj["hlc"], obj["edited_wall"]
        if type(hlc) is not list or len(hlc) != 2:
            raise ValueError("hlc")
        wall, ctr = hlc
        if not (
            type(seq) is int and type(tx_seq) is int and type(wall) is int and type(ctr) is int
        ):
            raise ValueError("numbers")
        if edited is not None and type(edited) is not int:
            raise ValueError("edited_wall")
        origin, table, row_id = obj["origin"], obj["tbl"], obj["row_id"]
        field_name, author = obj["field"], obj["author"]
        if (
            not (
                type(origin) is str
                and type(table) is str
                and type(row_id) is str
                and type(field_name) is str
                and type(author) is str
            )
            or len(row_id) > 200
        ):
            raise ValueError("texts")
        value = canonical_json(obj["value"])
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise SyncError(BAD_FORMAT.format(detail=f"một dòng của {segment.path}")) from exc
    if origin != segment.origin or seq != expected_seq or tx_seq < 1:
        raise SyncError(BAD_FORMAT.format(detail=f"số thứ tự trong {segment.path}"))
    rebuilt = change_line(
        origin, seq, tx_seq, wall, ctr, table, row_id, field_name, value, author, edited
    )
    if rebuilt != line:
        raise SyncError(BAD_FORMAT.format(detail=f"dòng không chuẩn trong {segment.path}"))
    return LoggedChange(
        origin, seq, tx_seq, wall, ctr, table, row_id, field_name, value, author, edited
    )


def _tx_lines(reader: BundleReader, segment: SegmentEntry) -> Iterator[tuple[int, str]]:
    previous = 0
    for line in reader.lines(segment.tx_path):
        try:
            obj = json.loads(line)
            tx_seq = obj["tx_seq"]
            vv = parse_vv(obj["vv"])
            if obj["origin"] != segment.origin or len(obj) != 3:
                raise ValueError("origin")
            if not isinstance(tx_seq, int) or isinstance(tx_seq, bool) or tx_seq <= previous:
                raise ValueError("order")
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            raise SyncError(BAD_FORMAT.format(detail=f"một dòng của {segment.tx_path}")) from exc
        vv_text = canonical_json(vv)
        if tx_line(segment.origin, tx_seq, vv_text) != line:
            raise SyncError(BAD_FORMAT.format(detail=f"dòng không chuẩn trong {segment.tx_path}"))
        previous = tx_seq
        yield tx_seq, vv_text


class _Run:
    """State of one import's streaming pass: checks and merges plan-side changes inline."""

    def __init__(
        self,
        db: Database,
        db_path: Path,
        trust: _Trust,
        checker: ValueChecker,
        merger: Merger,
        sha_bytes: bytes,
        now: int,
        counts: _Counts,
    ) -> None:
        self.db = db
        self.db_path = db_path
        self.trust = trust
        self.checker = checker
        self.merger = merger
        self.sha_bytes = sha_bytes
        self.now = now
        self.counts = counts
        self.top: tuple[int, int] = (0, 0)
        self.added = 0

    def append(
        self, batch: list[tuple[LoggedChange, dict[str, int]]], tx_rows: list[tuple[str, int, str]]
    ) -> None:
        """Append new changes to the log; check and merge the plan-side ones now."""
        conn = self.db.conn
        if tx_rows:
            conn.executemany(
                "INSERT OR IGNORE INTO change_tx (origin, tx_seq, vv) VALUES (?, ?, ?)", tx_rows
            )
        if not batch:
            return
        insert_log(self.db, [c for c, _vv in batch], bundle=self.sha_bytes, received_at=self.now)
        later: list[tuple[str, int, int]] = []
        rejected: list[tuple[str, int, str, str, bytes, int]] = []
        missing: list[tuple[str, int, str]] = []
        accepted: list[tuple[LoggedChange, dict[str, int]]] = []
        for change, vv in batch:
            if (change.table, change.field) in blob_store.BLOB_FIELDS:
                sha = _blob_reference(change.value)
                if sha is not None and not blob_store.has_blob(self.db_path, sha):
                    missing.append((change.origin, change.seq, sha))
            if change.table in UNIT_OWNED_TABLES:
                later.append((change.origin, change.seq, 1))
                continue
            reason = _refusal(
                self.trust, None, self.checker, change.origin, change.seq, change.table,
                change.row_id, change.field, change.value,
            )  # fmt: skip
            if reason is None:
                accepted.append((change, vv))
                continue
            rejected.append(_quarantine_row(change, reason[0], self.sha_bytes, self.now))
            if reason[0] == "revoked":
                self.counts.revoked[change.origin] = self.counts.revoked.get(change.origin, 0) + 1
        if rejected:
            # Set aside before anything merges: the merge must never count them as seen.
            conn.executemany(
                "INSERT OR IGNORE INTO quarantine (origin, seq, reason, raw, bundle_sha256, at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                rejected,
            )
            self.counts.n_quarantined += len(rejected)
        for change, vv in accepted:
            self.merger.add(change, vv)
            self.top = max(self.top, (change.hlc_wall, change.hlc_ctr))
            self.added += 1
            if self.added % BATCH == 0:
                self.merger.flush()
        if later:
            conn.executemany("INSERT INTO _incoming (origin, seq, phase) VALUES (?, ?, ?)", later)
        if missing:
            conn.executemany(
                "INSERT OR IGNORE INTO missing_blob (origin, seq, sha256) VALUES (?, ?, ?)",
                missing,
            )

    def finish(self) -> None:
        self.merger.flush()


def _blob_reference(value: str | None) -> str | None:
    try:
        sha = json.loads(value) if value is not None else None
    except ValueError:
        return None
    return sha if isinstance(sha, str) and blob_store.is_sha256(sha) else None


def _quarantine_row(
    change: LoggedChange, reason: str, sha_bytes: bytes, now: int
) -> tuple[str, int, str, str, bytes, int]:
    line = change_line(
        change.origin, change.seq, change.tx_seq, change.hlc_wall, change.hlc_ctr, change.table,
        change.row_id, change.field, change.value, change.author, change.edited_wall,
    )  # fmt: skip
    return (change.origin, change.seq, reason, line, sha_bytes, now)


def _append_segment(
    run: _Run,
    reader: BundleReader,
    segment: SegmentEntry,
    pre_units: dict[tuple[str, str], str | None],
    own_site: str,
    tick: Any,
) -> None:
    """Append a segment's new changes to the log (duplicates skipped, forks quarantined)."""
    conn = run.db.conn
    counts = run.counts
    origin = segment.origin
    txs = _tx_lines(reader, segment)
    current_tx: tuple[int, str] | None = None
    current_vv: dict[str, int] = {}
    used_txs = 0
    forked = False
    batch: list[tuple[LoggedChange, dict[str, int]]] = []
    tx_rows: list[tuple[str, int, str]] = []
    existing: dict[int, bytes] = {}
    existing_to = segment.lo - 1
    seq = segment.lo
    for line in reader.lines(segment.path):
        if seq > segment.hi:
            raise SyncError(BAD_FORMAT.format(detail=f"{segment.path} có quá nhiều dòng"))
        change = _parse_line(line, segment, seq)
        while current_tx is None or current_tx[0] < change.tx_seq:
            current_tx = next(txs, None)
            if current_tx is None:
                raise SyncError(
                    BAD_FORMAT.format(detail=f"thiếu giao dịch trong {segment.tx_path}")
                )
            used_txs += 1
            if current_tx[0] < change.tx_seq:
                raise SyncError(BAD_FORMAT.format(detail=f"giao dịch thừa trong {segment.tx_path}"))
            tx_rows.append((origin, current_tx[0], current_tx[1]))
            current_vv = json.loads(current_tx[1])
        if current_tx[0] != change.tx_seq:
            raise SyncError(BAD_FORMAT.format(detail=f"thứ tự giao dịch trong {segment.path}"))
        if seq > existing_to:
            existing_to = min(segment.hi, seq + BATCH)
            existing = dict(
                conn.execute(
                    "SELECT seq, content_hash FROM change_log WHERE origin = ?"
                    " AND seq BETWEEN ? AND ?",
                    [origin, seq, existing_to],
                ).fetchall()
            )
        counts.n_changes += 1
        known = existing.get(seq)
        if known is not None:
            if bytes(known) == change.content_hash():
                counts.n_dup += 1
            else:
                forked = True
                counts.n_quarantined += 1
                counts.forked_own = counts.forked_own or origin == own_site
                conn.execute(
                    "INSERT OR IGNORE INTO quarantine (origin, seq, reason, raw, bundle_sha256, at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [origin, seq, FORK_REASON, line, run.sha_bytes, run.now],
                )
        else:
            batch.append((change, current_vv))
            counts.n_new += 1
            counts.by_table[change.table] = counts.by_table.get(change.table, 0) + 1
            if change.table in UNIT_OWNED_TABLES and change.field == "unit_id":
                with contextlib.suppress(ValueError):
                    value = json.loads(change.value) if change.value is not None else None
                    pre_units.setdefault(
                        (change.table, change.row_id), value if isinstance(value, str) else None
                    )
        seq += 1
        if len(batch) >= BATCH:
            run.append(batch, tx_rows)
            tick(len(batch))
            batch, tx_rows = [], []
    if seq != segment.hi + 1:
        raise SyncError(BAD_FORMAT.format(detail=f"{segment.path} thiếu dòng"))
    if next(txs, None) is not None or used_txs != segment.n_tx:
        raise SyncError(BAD_FORMAT.format(detail=f"giao dịch thừa trong {segment.tx_path}"))
    run.append(batch, tx_rows)
    tick(len(batch))
    counts.ranges.setdefault(origin, []).append((segment.lo, segment.hi))
    if not forked:
        conn.execute(
            "INSERT OR IGNORE INTO segment (origin, lo, hi, n_changes, n_tx, jsonl_sha256,"
            " tx_sha256, sig, sealed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [origin, segment.lo, segment.hi, segment.n_changes, segment.n_tx, segment.sha256,
             segment.tx_sha256, reader.read(segment.sig_path), run.now],
        )  # fmt: skip


class _Units:
    """The unit a unit-owned row belongs to, and the kind of an agency, during one import."""

    def __init__(self, db: Database, pre_units: dict[tuple[str, str], str | None]) -> None:
        self.db = db
        self.pre = pre_units
        self.rows: dict[tuple[str, str], str | None] = {}
        self.kinds: dict[str | None, str | None] = {}
        self.verdicts: dict[tuple[str, str, str | None, str, str | None], str | None] = {}

    def row_unit(self, table: str, row_id: str) -> str | None:
        key = (table, row_id)
        if key not in self.rows:
            found = self.db.execute(
                f"SELECT unit_id FROM {table} WHERE id = ?",  # noqa: S608 - table is checked
                [row_id],
            ).fetchone()
            if found is not None:
                self.rows[key] = found[0]
            else:
                winner = self.db.execute(
                    "SELECT c.value FROM field_head h JOIN change_log c ON c.origin = h.origin"
                    " AND c.seq = h.seq WHERE h.tbl = ? AND h.row_id = ? AND h.field = 'unit_id'"
                    " ORDER BY c.hlc_wall DESC, c.hlc_ctr DESC, h.origin DESC LIMIT 1",
                    [table, row_id],
                ).fetchone()
                value = json.loads(winner[0]) if winner and winner[0] is not None else None
                self.rows[key] = value if isinstance(value, str) else self.pre.get(key)
        return self.rows[key]

    def preload(self, table: str) -> None:
        """Look up, in two queries, the units of every row of `table` this import touches."""
        rows = (
            "SELECT DISTINCT c.row_id AS row_id FROM _incoming i CROSS JOIN change_log c"
            " ON c.origin = i.origin AND c.seq = i.seq WHERE i.phase = 1 AND c.tbl = ?"
        )
        missing = []
        for row_id, unit in self.db.execute(
            f"SELECT r.row_id, t.unit_id FROM ({rows}) r LEFT JOIN {table} t"  # noqa: S608
            " ON t.id = r.row_id",
            [table],
        ).fetchall():
            if unit is None:
                missing.append(row_id)
            else:
                self.rows[(table, row_id)] = unit
        if not missing:
            return
        best: dict[str, tuple[tuple[int, int, str], str | None]] = {}
        for row_id, value, wall, ctr, origin in self.db.execute(
            f"SELECT r.row_id, c.value, c.hlc_wall, c.hlc_ctr, h.origin FROM ({rows}) r"  # noqa: S608
            " CROSS JOIN field_head h ON h.tbl = ? AND h.row_id = r.row_id AND h.field = 'unit_id'"
            " CROSS JOIN change_log c ON c.origin = h.origin AND c.seq = h.seq",
            [table, table],
        ).fetchall():
            if row_id not in best or (wall, ctr, origin) > best[row_id][0]:
                best[row_id] = ((wall, ctr, origin), value)
        for row_id in missing:
            found = best.get(row_id)
            value = json.loads(found[1]) if found and found[1] is not None else None
            key = (table, row_id)
            self.rows[key] = value if isinstance(value, str) else self.pre.get(key)

    def kind(self, unit_id: str | None) -> str | None:
        if unit_id not in self.kinds:
            row = self.db.execute("SELECT kind FROM agency WHERE id = ?", [unit_id]).fetchone()
            self.kinds[unit_id] = row[0] if row else None
        return self.kinds[unit_id]


def _decide(
    db: Database,
    trust: _Trust,
    units: _Units,
    checker: ValueChecker,
    counts: _Counts,
    sha_bytes: bytes,
    now: int,
) -> None:
    """Quarantine, before any unit-owned change merges, those that may not be applied."""
    refused: list[tuple[str, int, str]] = []
    cursor = db.conn.execute(
        "SELECT c.origin, c.seq, c.tbl, c.row_id, c.field, c.value FROM _incoming i"
        " CROSS JOIN change_log c ON c.origin = i.origin AND c.seq = i.seq WHERE i.phase = 1",
    )
    while rows := cursor.fetchmany(BATCH):
        for origin, seq, tbl, row_id, fld, value in rows:
            reason = _refusal(trust, units, checker, origin, seq, tbl, row_id, fld, value)
            if reason is not None:
                refused.append((origin, seq, reason[0]))
                if reason[0] == "revoked":
                    counts.revoked[origin] = counts.revoked.get(origin, 0) + 1
    rejected: list[tuple[str, int, str, str, bytes, int]] = []
    for origin, seq, code in refused:
        row = db.conn.execute(
            "SELECT tx_seq, hlc_wall, hlc_ctr, tbl, row_id, field, value, author, edited_wall"
            " FROM change_log WHERE origin = ? AND seq = ?",
            [origin, seq],
        ).fetchone()
        rejected.append((origin, seq, code, change_line(origin, seq, *row), sha_bytes, now))
    if rejected:
        db.conn.executemany(
            "INSERT OR IGNORE INTO quarantine (origin, seq, reason, raw, bundle_sha256, at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            rejected,
        )
        db.conn.executemany(
            "UPDATE _incoming SET ok = 0 WHERE origin = ? AND seq = ?",
            [(r[0], r[1]) for r in rejected],
        )
        counts.n_quarantined += len(rejected)


def _refusal(
    trust: _Trust,
    units: _Units | None,
    checker: ValueChecker,
    origin: str,
    seq: int,
    table: str,
    row_id: str,
    field_name: str,
    value: str | None,
) -> tuple[str, str] | None:
    revoked_after = trust.revoked_after(origin)
    if revoked_after is not None and seq > revoked_after:
        return "revoked", "máy đã bị thu hồi"
    problem = checker.problem(table, field_name, value)
    if problem is not None:
        return "invalid", problem
    if table in UNIT_OWNED_TABLES and units is not None:
        row_unit = units.row_unit(table, row_id)
        new_unit = value if field_name == "unit_id" else None
        # The verdict depends only on who writes what in whose row: remember it.
        key = (origin, table, row_unit, field_name, new_unit)
        if key not in units.verdicts:
            units.verdicts[key] = _unit_verdict(
                trust, units, origin, table, row_unit, field_name, value
            )
        reason = units.verdicts[key]
    else:
        role, unit = trust.role_unit(origin)
        reason = writer_allowed(role, unit, table, {}, [field_name], None)
    return ("unauthorised", reason) if reason else None


def _unit_verdict(
    trust: _Trust,
    units: _Units,
    origin: str,
    table: str,
    row_unit: str | None,
    field_name: str,
    value: str | None,
) -> str | None:
    role, unit = trust.role_unit(origin)
    reason = writer_allowed(
        role, unit, table, {"unit_id": row_unit}, [field_name], units.kind(row_unit)
    )
    if reason is None and field_name == "unit_id":
        new_unit = json.loads(value) if value is not None else None
        if new_unit != row_unit and isinstance(new_unit, str):
            reason = writer_allowed(
                role, unit, table, {"unit_id": new_unit}, [field_name], units.kind(new_unit)
            )
    return reason


def _merge_unit_rows(
    db: Database,
    trust: _Trust,
    units: _Units,
    checker: ValueChecker,
    merger: Merger,
    run: _Run,
    *,
    decide: bool,
) -> bool:
    """Merge the accepted unit-owned changes; with `decide`, stop (False) at a refused one."""
    changes = _accepted(db, 1)
    try:
        for merged, (change, vv) in enumerate(changes, start=1):
            if decide:
                reason = _refusal(
                    trust, units, checker, change.origin, change.seq, change.table,
                    change.row_id, change.field, change.value,
                )  # fmt: skip
                if reason is not None:
                    return False
            merger.add(change, vv)
            run.top = max(run.top, (change.hlc_wall, change.hlc_ctr))
            if merged % BATCH == 0:
                merger.flush()
    finally:
        changes.close()  # no statement may stay open across a rollback
    merger.flush()
    return True


def _accepted(db: Database, phase: int) -> Generator[tuple[LoggedChange, dict[str, int]]]:
    cursor = db.conn.execute(
        "SELECT c.origin, c.seq, c.tx_seq, c.hlc_wall, c.hlc_ctr, c.tbl, c.row_id, c.field,"
        " c.value, t.vv FROM _incoming i CROSS JOIN change_log c ON c.origin = i.origin"
        " AND c.seq = i.seq CROSS JOIN change_tx t ON t.origin = c.origin AND t.tx_seq = c.tx_seq"
        " WHERE i.phase = ? AND i.ok = 1 ORDER BY i.origin, i.seq",
        [phase],
    )
    vv_cache: dict[tuple[str, int], dict[str, int]] = {}
    try:
        yield from _accepted_rows(cursor, vv_cache)
    finally:
        cursor.close()


def _accepted_rows(
    cursor: sqlite3.Cursor, vv_cache: dict[tuple[str, int], dict[str, int]]
) -> Iterator[tuple[LoggedChange, dict[str, int]]]:
    while rows := cursor.fetchmany(BATCH):
        for origin, seq, tx_seq, wall, ctr, tbl, row_id, fld, value, vv_text in rows:
            key = (origin, tx_seq)
            vv = vv_cache.get(key)
            if vv is None:
                if len(vv_cache) > BATCH:
                    vv_cache.clear()
                vv = vv_cache[key] = json.loads(vv_text)
            yield LoggedChange(origin, seq, tx_seq, wall, ctr, tbl, row_id, fld, value), vv


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


def _gap_messages(db: Database, origins: set[str], trust: _Trust) -> list[str]:
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
