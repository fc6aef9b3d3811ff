"""Writing bundles for a peer (sync.md §5.8 export, §8a routing).

Only what the peer lacks is sent: for each origin routed to it, every sealed segment above the
peer's acknowledged version vector, whole. This PC's own new changes are sealed into a new
segment and signed. The file is written to a temporary name, flushed and fsync'd, renamed,
re-read and verified; only then is the new seal recorded. Nothing is marked as delivered: the
peer's next bundle, carrying its version vector, is the acknowledgement.

Routing: a district bundle for a commune PC carries the district's origins and every origin of
that commune (any of its PCs, present or earlier), so two PCs of one commune converge through
the district. A commune PC sends the district everything the district lacks.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlite_utils import Database

from cchc_desktop import __version__
from cchc_desktop.errors import SyncError, os_reason
from cchc_desktop.store import evidence_files as blob_store
from cchc_desktop.store import migrations
from cchc_desktop.store.changes import canonical_json, version_vector
from cchc_desktop.store.site import LocalSite, local_site, wall_ms
from cchc_desktop.store.wording import level_words_of
from cchc_desktop.sync import keys
from cchc_desktop.sync.bundle import (
    FORMAT,
    BundleReader,
    CancelFn,
    FileEntry,
    Manifest,
    ProgressFn,
    SegmentEntry,
    bundle_file_name,
    change_line,
    parse_manifest,
    segment_paths,
    segment_signed_bytes,
    site_label,
    tx_line,
    verify_members,
)
from cchc_desktop.sync.network import NetworkInfo, network_record, require_network

VOLUME_LIMIT = 1_900_000_000  # under FAT32's 4 GB, and a size a clerk can wait for
ARCHIVE_LIMIT = 256 << 20  # bundles larger than this are not copied to outbox/
WRITE_ERROR = (
    "Không ghi được gói dữ liệu vào {folder}: {error}. Hãy kiểm tra USB hoặc thư mục"
    " (còn chỗ trống, chưa bị rút ra) rồi xuất lại."
)
CANCELLED = "Đã huỷ xuất dữ liệu; không có gói nào được ghi."


@dataclass(frozen=True, slots=True)
class ExportedBundle:
    path: Path
    recipient: str
    n_changes: int
    n_blobs: int
    size: int

    def message(self) -> str:
        megabytes = self.size / 1_000_000
        return (
            f"Đã ghi {self.n_changes} thay đổi + {self.n_blobs} tệp ({megabytes:.1f} MB) vào"
            f" {self.path.name}. Hãy dùng “Safely Remove” trước khi rút USB."
        )


@dataclass(frozen=True, slots=True)
class _SiteRow:
    site_id: str
    role: str
    unit_id: str | None
    display_name: str
    cert: bytes | None
    revocation: bytes | None


@dataclass(slots=True)
class _Planned:
    origin: str
    lo: int
    hi: int
    sealed: tuple[str, str, bytes] | None  # (jsonl sha, tx sha, sig) of a sealed segment


def export_bundle(
    db: Database,
    to_dir: Path,
    peer: str | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> list[Path]:
    """Write bundles for `peer` (a site id; None: every peer) into `to_dir`; return their paths.

    A district PC without `peer` writes one bundle per enrolled commune PC; a commune PC writes
    one for the district. Large attachment sets are split into volumes (`_partNofM`).
    """
    return [b.path for b in export_bundles(db, to_dir, peer, progress, cancelled)]


def export_bundles(
    db: Database,
    to_dir: Path,
    peer: str | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
    *,
    volume_limit: int = VOLUME_LIMIT,
) -> list[ExportedBundle]:
    """`export_bundle` with what each bundle holds (for the clerk's message)."""
    info = require_network(db)
    site = local_site(db)
    sites = _sites(db)
    own = sites.get(site.site_id)
    if own is None or own.cert is None:
        raise SyncError(
            level_words_of(db).say(
                "Máy này chưa có chứng nhận của {hub}. Hãy nhập gói đầu tiên {hub} gửi về"
                " trước khi xuất dữ liệu."
            )
        )
    recipients = _recipients(site, info, sites, peer)
    to_dir = Path(to_dir)
    try:
        to_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SyncError(WRITE_ERROR.format(folder=to_dir, error=exc)) from exc
    written: list[ExportedBundle] = []
    for recipient in recipients:
        written.extend(
            _export_one(db, info, site, sites, recipient, to_dir, progress, cancelled, volume_limit)
        )
    return written


def _sites(db: Database) -> dict[str, _SiteRow]:
    rows = db.execute(
        "SELECT site_id, role, unit_id, display_name, cert, revocation FROM site"
    ).fetchall()
    return {r[0]: _SiteRow(r[0], r[1], r[2], r[3] or "", _b(r[4]), _b(r[5])) for r in rows}


def _b(value: object) -> bytes | None:
    return bytes(value) if isinstance(value, bytes | memoryview) else None


def _recipients(
    site: LocalSite, info: NetworkInfo, sites: dict[str, _SiteRow], peer: str | None
) -> list[str]:
    if peer == "*":
        return ["*"]
    if peer is not None:
        if peer not in sites or peer == site.site_id:
            raise SyncError(f"Không có máy nào mang mã {peer} trong mạng đồng bộ của máy này.")
        if sites[peer].revocation is not None:
            raise SyncError(f"Máy {peer} đã bị thu hồi; không xuất dữ liệu cho máy này.")
        return [peer]
    if site.role == "district":
        peers = sorted(
            s.site_id
            for s in sites.values()
            if s.site_id != site.site_id and s.role == "commune" and s.revocation is None
        )
        if not peers:
            raise SyncError("Chưa có máy xã nào được đăng ký; chưa có gì để xuất.")
        return peers
    if info.district_site:
        return [info.district_site]
    return ["*"]


def _routed_origins(
    site: LocalSite, sites: dict[str, _SiteRow], recipient: str, held: set[str]
) -> list[str]:
    """The origins this PC sends to `recipient` (§8a)."""
    target = sites.get(recipient)
    chosen: list[str] = []
    for origin in sorted(held):
        row = sites.get(origin)
        if row is None or row.cert is None:
            continue  # an origin nobody certified cannot be verified by the peer
        to_commune = site.role == "district" and target is not None and target.role == "commune"
        same_commune = (
            target is not None and row.unit_id is not None and row.unit_id == target.unit_id
        )
        if to_commune and row.role != "district" and not same_commune:
            continue
        chosen.append(origin)
    return chosen


def _plan(
    db: Database, site: LocalSite, origins: list[str], peer_vv: dict[str, int]
) -> list[_Planned]:
    planned: list[_Planned] = []
    for origin in origins:
        have = peer_vv.get(origin, 0)
        covered = have
        for lo, hi, jsonl_sha, tx_sha, sig in db.execute(
            "SELECT lo, hi, jsonl_sha256, tx_sha256, sig FROM segment WHERE origin = ?"
            " AND hi > ? ORDER BY lo, hi DESC",
            [origin, have],
        ).fetchall():
            if hi <= covered:
                continue  # overlapped by a segment already chosen
            planned.append(_Planned(origin, lo, hi, (jsonl_sha, tx_sha, bytes(sig))))
            covered = max(covered, hi)
        if origin == site.site_id:
            last = db.execute("SELECT next_seq - 1 FROM local_site").fetchone()[0]
            sealed_to = db.execute(
                "SELECT coalesce(max(hi), 0) FROM segment WHERE origin = ?", [origin]
            ).fetchone()[0]
            if last > sealed_to and last > have:
                planned.append(_Planned(origin, sealed_to + 1, last, None))
    return planned


class _HashingWriter:
    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self.digest.update(data)
        self.size += len(data)
        self.raw.write(data)


# A written volume: its file, changes, attachments and the segments it sealed.
Written = tuple[Path, int, int, list[tuple[str, int, int, str, str, bytes, int]]]


def _export_one(
    db: Database,
    info: NetworkInfo,
    site: LocalSite,
    sites: dict[str, _SiteRow],
    recipient: str,
    to_dir: Path,
    progress: ProgressFn | None,
    cancelled: CancelFn | None,
    volume_limit: int,
) -> list[ExportedBundle]:
    db_path = keys.database_path(db)
    site_key = keys.load_private_key(keys.site_key_path(db_path, site.site_id))
    conn = db.conn
    # One read snapshot for the whole bundle: edits saved meanwhile go in the next one.
    own_snapshot = not conn.in_transaction
    if own_snapshot:
        conn.execute("BEGIN")
    try:
        peer_row = db.execute("SELECT their_vv FROM peer WHERE site_id = ?", [recipient]).fetchone()
        peer_vv: dict[str, int] = json.loads(peer_row[0]) if peer_row and peer_row[0] else {}
        held = {r[0] for r in db.execute("SELECT origin FROM segment").fetchall()}
        held.add(site.site_id)
        origins = _routed_origins(site, sites, recipient, held)
        planned = _plan(db, site, origins, peer_vv)
        blob_list = _blobs_for(db, db_path, planned, peer_vv)
        sender_vv = version_vector(db)
        hlc = db.execute("SELECT hlc_wall, hlc_ctr, next_bundle_seq FROM local_site").fetchone()
        volumes = _split_volumes(blob_list, volume_limit)
        created = wall_ms(db)
        bundle_uuid = str(uuid.uuid4())
        sender_label = site_label(_unit_name(db, sites, site.site_id), site.site_id)
        recipient_label = (
            "TatCa" if recipient == "*" else site_label(_unit_name(db, sites, recipient), recipient)
        )
        total_units = sum(p.hi - p.lo + 1 for p in planned) + len(blob_list)
        tick = _ticker(progress, cancelled, total_units)
        results: list[Written] = []
        for index, volume_blobs in enumerate(volumes, start=1):
            name = bundle_file_name(
                info.district_code,
                sender_label,
                recipient_label,
                created,
                int(hlc[2]),
                (index, len(volumes)),
            )
            path = to_dir / name
            seals, n_changes = _write_volume(
                db,
                path,
                info=info,
                site=site,
                sites=sites,
                site_key=site_key,
                recipient=recipient,
                planned=planned if index == 1 else [],
                blob_list=volume_blobs,
                sender_vv=sender_vv,
                created=created,
                created_hlc=(int(hlc[0]), int(hlc[1])),
                bundle_seq=int(hlc[2]),
                bundle_uuid=bundle_uuid,
                volume=(index, len(volumes)),
                tick=tick,
            )
            results.append((path, n_changes, len(volume_blobs), seals))
    except BaseException:
        if own_snapshot:
            conn.rollback()
        raise
    if own_snapshot:
        conn.rollback()  # the snapshot only read
    exported = _record_written(db, results, recipient, int(hlc[2]), created)
    for bundle in exported:
        _archive(db_path, bundle.path)
    return exported


def _ticker(
    progress: ProgressFn | None, cancelled: CancelFn | None, total: int
) -> Callable[[int], None]:
    """Count written units for the progress bar; stop when the clerk cancels."""
    done = [0]

    def tick(units: int) -> None:
        done[0] += units
        if progress is not None:
            progress(done[0], total)
        if cancelled is not None and cancelled():
            raise SyncError(CANCELLED)

    return tick


def _record_written(
    db: Database, results: list[Written], recipient: str, bundle_seq: int, created: int
) -> list[ExportedBundle]:
    """Seal the segments, log the bundles and count the send, in one transaction."""
    exported: list[ExportedBundle] = []
    with db.atomic():
        for path, n_changes, n_blobs, seals in results:
            db.conn.executemany(
                "INSERT OR IGNORE INTO segment (origin, lo, hi, n_changes, n_tx, jsonl_sha256,"
                " tx_sha256, sig, sealed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (o, lo, hi, hi - lo + 1, n_tx, js, ts, sig, created)
                    for o, lo, hi, js, ts, sig, n_tx in seals
                ],
            )
            digest = blob_store.file_sha256(path)
            db.execute(
                "INSERT OR IGNORE INTO bundle_log (sha256, direction, peer, bundle_seq, file_name,"
                " created_wall, processed_at, n_new, n_dup, n_conflict, n_quarantined, status,"
                " message) VALUES (?, 'out', ?, ?, ?, ?, ?, ?, 0, 0, 0, 'written', ?)",
                [bytes.fromhex(digest), recipient, bundle_seq, path.name, created, wall_ms(db),
                 n_changes, f"{n_changes} thay đổi, {n_blobs} tệp"],
            )  # fmt: skip
            exported.append(
                ExportedBundle(path, recipient, n_changes, n_blobs, path.stat().st_size)
            )
        db.execute("UPDATE local_site SET next_bundle_seq = next_bundle_seq + 1")
        db.execute(
            "INSERT INTO peer (site_id, last_bundle_seq_out) VALUES (?, ?) ON CONFLICT (site_id)"
            " DO UPDATE SET last_bundle_seq_out = excluded.last_bundle_seq_out",
            [recipient, bundle_seq],
        )
    return exported


def _unit_name(db: Database, sites: dict[str, _SiteRow], site_id: str) -> str:
    row = sites.get(site_id)
    if row is None:
        return "May"
    if row.unit_id:
        found = db.execute("SELECT name FROM agency WHERE id = ?", [row.unit_id]).fetchone()
        if found:
            return str(found[0])
    if row.cert:
        with contextlib.suppress(ValueError, UnicodeDecodeError):
            return str(keys.parse_record(row.cert).get("unit_name") or row.display_name)
    return row.display_name or row.role


def _blobs_for(
    db: Database, db_path: Path, planned: list[_Planned], peer_vv: dict[str, int]
) -> list[tuple[str, int]]:
    """Attachments referenced by changes the peer lacks, that this PC holds: (sha, size)."""
    wanted: dict[str, int] = {}
    for p in planned:
        lo = max(p.lo, peer_vv.get(p.origin, 0) + 1)
        for (value,) in db.execute(
            "SELECT value FROM change_log WHERE origin = ? AND seq BETWEEN ? AND ?"
            " AND field = 'sha256' AND tbl IN (SELECT value FROM json_each(?))",
            [p.origin, lo, p.hi, json.dumps(sorted({t for t, _ in blob_store.BLOB_FIELDS}))],
        ).fetchall():
            with contextlib.suppress(ValueError, TypeError):
                sha = json.loads(value)
                if isinstance(sha, str) and sha not in wanted and blob_store.has_blob(db_path, sha):
                    wanted[sha] = blob_store.blob_path(db_path, sha).stat().st_size
    return sorted(wanted.items())


def _split_volumes(blob_list: list[tuple[str, int]], limit: int) -> list[list[tuple[str, int]]]:
    volumes: list[list[tuple[str, int]]] = [[]]
    used = 0
    for sha, size in blob_list:
        if volumes[-1] and used + size > limit:
            volumes.append([])
            used = 0
        volumes[-1].append((sha, size))
        used += size
    return volumes


def _write_volume(
    db: Database,
    path: Path,
    *,
    info: NetworkInfo,
    site: LocalSite,
    sites: dict[str, _SiteRow],
    site_key: Any,
    recipient: str,
    planned: list[_Planned],
    blob_list: list[tuple[str, int]],
    sender_vv: dict[str, int],
    created: int,
    created_hlc: tuple[int, int],
    bundle_seq: int,
    bundle_uuid: str,
    volume: tuple[int, int],
    tick: Any,
) -> tuple[list[tuple[str, int, int, str, str, bytes, int]], int]:
    """Write one volume: temp name, fsync, rename, re-read and verify. Returns new seals."""
    tmp = path.with_name(path.name + ".tmp")
    db_path = keys.database_path(db)
    seals: list[tuple[str, int, int, str, str, bytes, int]] = []
    n_changes = 0
    try:
        with tmp.open("wb") as fh:
            # Log text compresses well; level 1 keeps export fast. Blobs are stored as they are.
            with zipfile.ZipFile(
                fh, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1, allowZip64=True
            ) as zf:
                segments: list[SegmentEntry] = []
                for p in planned:
                    entry, new_seal = _write_segment(db, zf, p, site, site_key, tick)
                    segments.append(entry)
                    n_changes += entry.n_changes
                    if new_seal is not None:
                        seals.append(new_seal)
                blob_entries: list[FileEntry] = []
                for sha, _size in blob_list:
                    entry_blob = _write_blob(zf, blob_store.blob_path(db_path, sha), sha)
                    if entry_blob is not None:
                        blob_entries.append(entry_blob)
                    tick(1)
                certs, revocations = _write_certs(zf, sites, site, recipient, segments)
                network_entry = None
                if site.role == "district":
                    network_entry = _write_small(
                        zf, "network.json", canonical_json(network_record(info)).encode("utf-8")
                    )
                manifest = Manifest(
                    format=FORMAT,
                    app_version=__version__,
                    schema_version=migrations.latest_version(),
                    network_id=info.network_id,
                    network_name=info.name,
                    district_root_fp=info.root_fp,
                    bundle_uuid=bundle_uuid,
                    sender_site=site.site_id,
                    sender_bundle_seq=bundle_seq,
                    recipient_site=recipient,
                    created_wall=created,
                    created_hlc=created_hlc,
                    sender_vv=sender_vv,
                    segments=tuple(segments),
                    blobs=tuple(blob_entries),
                    certs=tuple(certs),
                    revocations=tuple(revocations),
                    network=network_entry,
                    volume=volume,
                    totals={
                        "changes": n_changes,
                        "blobs": len(blob_entries),
                        "blob_bytes": sum(b.bytes for b in blob_entries),
                    },
                )
                manifest_bytes = canonical_json(manifest.as_json()).encode("utf-8")
                zf.writestr("manifest.json", manifest_bytes, compress_type=zipfile.ZIP_DEFLATED)
                signature = keys.sign(site_key, keys.BUNDLE_CONTEXT, manifest_bytes)
                zf.writestr("manifest.sig", signature)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
        _fsync_dir(path.parent)
    except SyncError:
        _remove(tmp)
        raise
    except OSError as exc:
        _remove(tmp)
        raise SyncError(WRITE_ERROR.format(folder=path.parent, error=exc)) from exc
    except BaseException:
        _remove(tmp)
        raise
    _verify_written(path, manifest_bytes, sites, site)
    return seals, n_changes


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_segment(
    db: Database,
    zf: zipfile.ZipFile,
    p: _Planned,
    site: LocalSite,
    site_key: Any,
    tick: Any,
) -> tuple[SegmentEntry, tuple[str, int, int, str, str, bytes, int] | None]:
    jsonl_path, tx_path, sig_path = segment_paths(p.origin, p.lo, p.hi)
    count = 0
    with zf.open(jsonl_path, "w", force_zip64=True) as raw:
        out = _HashingWriter(raw)
        cursor = db.execute(
            "SELECT seq, tx_seq, hlc_wall, hlc_ctr, tbl, row_id, field, value, author, edited_wall"
            " FROM change_log WHERE origin = ? AND seq BETWEEN ? AND ? ORDER BY seq",
            [p.origin, p.lo, p.hi],
        )
        batch: list[str] = []
        expected = p.lo
        for seq, tx_seq, wall, ctr, tbl, row_id, field, value, author, edited in cursor:
            if seq != expected:
                break
            expected += 1
            batch.append(
                change_line(
                    p.origin, seq, tx_seq, wall, ctr, tbl, row_id, field, value, author, edited
                )
            )
            if len(batch) >= 2000:
                out.write(("\n".join(batch) + "\n").encode("utf-8"))
                count += len(batch)
                tick(len(batch))
                batch = []
        if batch:
            out.write(("\n".join(batch) + "\n").encode("utf-8"))
            count += len(batch)
            tick(len(batch))
    if count != p.hi - p.lo + 1:
        raise SyncError(
            f"Nhật ký thay đổi của máy {p.origin} thiếu một phần ({p.lo}–{p.hi});"
            " không thể xuất gói. Hãy kiểm tra cơ sở dữ liệu."
        )
    jsonl_sha, jsonl_bytes = out.digest.hexdigest(), out.size
    n_tx = 0
    with zf.open(tx_path, "w", force_zip64=True) as raw:
        tx_out = _HashingWriter(raw)
        for tx_seq, vv in db.execute(
            "SELECT tx_seq, vv FROM change_tx WHERE origin = ? AND tx_seq IN (SELECT DISTINCT"
            " tx_seq FROM change_log WHERE origin = ? AND seq BETWEEN ? AND ?) ORDER BY tx_seq",
            [p.origin, p.origin, p.lo, p.hi],
        ):
            tx_out.write((tx_line(p.origin, tx_seq, vv) + "\n").encode("utf-8"))
            n_tx += 1
    tx_sha, tx_bytes = tx_out.digest.hexdigest(), tx_out.size
    new_seal = None
    if p.sealed is None:
        signature = keys.sign(
            site_key, keys.SEGMENT_CONTEXT, segment_signed_bytes(jsonl_sha, tx_sha)
        )
        new_seal = (p.origin, p.lo, p.hi, jsonl_sha, tx_sha, signature, n_tx)
    else:
        if (jsonl_sha, tx_sha) != p.sealed[:2]:
            raise SyncError(
                f"Nhật ký thay đổi của máy {p.origin} ({p.lo}–{p.hi}) không khớp với chữ ký đã"
                " nhận; không thể chuyển tiếp. Hãy báo cho bộ phận hỗ trợ."
            )
        signature = p.sealed[2]
    zf.writestr(sig_path, signature)
    entry = SegmentEntry(
        p.origin, p.lo, p.hi, jsonl_path, jsonl_sha, jsonl_bytes, count, tx_path, tx_sha, tx_bytes,
        n_tx, sig_path,
    )  # fmt: skip
    return entry, new_seal


def _write_blob(zf: zipfile.ZipFile, source: Path, sha: str) -> FileEntry | None:
    """Copy an attachment in (stored, not compressed); skip a local file that is damaged."""
    name = f"blobs/{sha}"
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_STORED
    with source.open("rb") as src, zf.open(info, "w", force_zip64=True) as raw:
        out = _HashingWriter(raw)
        shutil.copyfileobj(src, out, 1 << 20)
    if out.digest.hexdigest() != sha:
        # Sending a damaged copy would make the peer refuse the whole bundle.
        raise SyncError(
            f"Tệp đính kèm {source} trên máy này đã bị hỏng (mã kiểm tra không khớp);"
            " hãy đính kèm lại tệp gốc rồi xuất lại."
        )
    return FileEntry(name, sha, out.size)


def _write_small(zf: zipfile.ZipFile, name: str, data: bytes) -> FileEntry:
    zf.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return FileEntry(name, hashlib.sha256(data).hexdigest(), len(data))


def _write_certs(
    zf: zipfile.ZipFile,
    sites: dict[str, _SiteRow],
    site: LocalSite,
    recipient: str,
    segments: list[SegmentEntry],
) -> tuple[list[FileEntry], list[FileEntry]]:
    wanted = {site.site_id, recipient} | {s.origin for s in segments}
    certs = [
        _write_small(zf, f"certs/{sid}.json", sites[sid].cert or b"")
        for sid in sorted(wanted)
        if sid in sites and sites[sid].cert
    ]
    revocations = [
        _write_small(zf, f"revocations/{row.site_id}.json", row.revocation)
        for row in sorted(sites.values(), key=lambda r: r.site_id)
        if row.revocation
    ]
    return certs, revocations


def _verify_written(
    path: Path, manifest_bytes: bytes, sites: dict[str, _SiteRow], site: LocalSite
) -> None:
    """Re-open the written file and check every member (catches bad sticks)."""
    own = sites[site.site_id]
    try:
        with BundleReader(path) as reader:
            if reader.read("manifest.json") != manifest_bytes:
                raise SyncError("manifest")
            manifest = parse_manifest(manifest_bytes)
            signature = reader.read("manifest.sig")
            pubkey = _pubkey(own)
            if not keys.verify(pubkey, keys.BUNDLE_CONTEXT, manifest_bytes, signature):
                raise SyncError("signature")
            verify_members(
                reader,
                manifest,
                lambda origin: _pubkey(sites[origin]),
                lambda pub, data, sig: keys.verify(pub, keys.SEGMENT_CONTEXT, data, sig),
            )
    except (SyncError, ValueError, KeyError) as exc:
        _remove(path)
        raise SyncError(
            f"Gói vừa ghi ra {path.name} đọc lại không khớp ({os_reason(exc)}); USB có thể bị lỗi."
            " Hãy thử USB khác rồi xuất lại."
        ) from exc


def _pubkey(row: _SiteRow) -> bytes:
    if row.cert is None:
        raise KeyError(row.site_id)
    return keys.unb64(keys.parse_record(row.cert)["pubkey"])


def _archive(db_path: Path, path: Path) -> None:
    """Keep a copy of a written bundle in <data>/outbox/ (small ones: attachments are big)."""
    if path.stat().st_size > ARCHIVE_LIMIT:
        return
    outbox = db_path.parent / "outbox"
    with contextlib.suppress(OSError):
        outbox.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, outbox / path.name)
