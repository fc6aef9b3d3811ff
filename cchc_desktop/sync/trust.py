"""The checks of a bundle before anything is written (sync.md §5.8 step 2).

The format, the network, the certificates (signed by the district root), the revocations and
the manifest signature, each refusal with its own `SyncError` message; the result, `Trust`, is
what the import then asks about each change's origin.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from sqlite_utils import Database

from cchc_desktop.errors import SyncError
from cchc_desktop.store import migrations
from cchc_desktop.store.site import MAX_DRIFT_MS, LocalSite, local_site, wall_ms
from cchc_desktop.store.wording import level_words_of
from cchc_desktop.sync import keys
from cchc_desktop.sync.bundle import (
    BAD_CERT,
    BAD_FORMAT,
    BAD_HASH,
    BAD_SIGNATURE,
    FORMAT,
    NEWER,
    NOT_JOINED,
    OTHER_NETWORK,
    OTHER_ROOT,
    OWN_BUNDLE,
    UNKNOWN_SITE,
    WRONG_RECIPIENT,
    BundleReader,
    Manifest,
)
from cchc_desktop.sync.network import (
    Certificate,
    NetworkInfo,
    network_info,
    parse_certificate,
    parse_revocation,
)

CLOCK_OURS = (
    "Gói của {{hub}} được tạo lúc {theirs}, nhưng đồng hồ máy này đang là {ours}: đồng hồ máy"
    " này có lẽ bị sai. Hãy chỉnh lại ngày giờ Windows; việc sửa dữ liệu bị khoá đến khi chỉnh."
)
CLOCK_THEIRS = "Máy {name} đang lệch giờ {sign}{days} ngày so với máy này; hãy nhắc chỉnh đồng hồ."

KnownSite = tuple[bytes, str, str | None, int | None, str]  # pubkey, role, unit, revoked, name


@dataclass(slots=True)
class Trust:
    """Who may have written a bundle's changes: keys, roles and units, revocations."""

    root_pubkey: bytes
    joining: NetworkInfo | None
    certs: dict[str, Certificate]  # from the bundle
    known: dict[str, KnownSite]  # the sites this PC already holds
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


def check_trust(db: Database, reader: BundleReader, manifest: Manifest, raw: bytes) -> Trust:
    """Refuse (SyncError) a bundle this PC may not import; `raw` is the manifest as signed.

    The refusal is worded for the office's level ("tỉnh", or "huyện" before 2025).
    """
    try:
        return _check_trust(db, reader, manifest, raw)
    except SyncError as exc:
        worded = level_words_of(db).say(str(exc))
        if worded == str(exc):
            raise
        raise SyncError(worded) from exc


def _check_trust(db: Database, reader: BundleReader, manifest: Manifest, raw: bytes) -> Trust:
    site = local_site(db)
    _check_versions(manifest, site.site_id)
    root_pubkey, joining = _network_root(db, reader, manifest)
    if manifest.recipient_site not in ("*", site.site_id):
        raise SyncError(WRONG_RECIPIENT.format(to=manifest.recipient_site, me=site.site_id))
    certs = _read_certificates(reader, manifest, root_pubkey)
    revocations = _read_revocations(reader, manifest, root_pubkey)
    trust = Trust(
        root_pubkey, joining, certs, _known_sites(db), revocations, certs.get(site.site_id)
    )
    _check_signatures(reader, manifest, raw, trust)
    _check_own_certificate(db, site, trust)
    return trust


def _check_versions(manifest: Manifest, own_site: str) -> None:
    if manifest.format != FORMAT:
        if manifest.format > FORMAT:
            raise SyncError(NEWER)
        raise SyncError(BAD_FORMAT.format(detail=f"phiên bản định dạng {manifest.format}"))
    if manifest.schema_version > migrations.latest_version():
        raise SyncError(NEWER)
    if manifest.sender_site == own_site:
        raise SyncError(OWN_BUNDLE)


def _network_root(
    db: Database, reader: BundleReader, manifest: Manifest
) -> tuple[bytes, NetworkInfo | None]:
    """The district root key to check against, and the network when this PC joins by it."""
    net = network_info(db)
    if net is None:
        joining = _joining_network(reader, manifest)
        return joining.root_pubkey, joining
    if manifest.network_id != net.network_id:
        raise SyncError(
            OTHER_NETWORK.format(theirs=manifest.network_name or manifest.network_id, ours=net.name)
        )
    if manifest.district_root_fp != net.root_fp:
        raise SyncError(OTHER_ROOT.format(theirs=manifest.district_root_fp, ours=net.root_fp))
    return net.root_pubkey, None


def _read_certificates(
    reader: BundleReader, manifest: Manifest, root_pubkey: bytes
) -> dict[str, Certificate]:
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
    return certs


def _read_revocations(
    reader: BundleReader, manifest: Manifest, root_pubkey: bytes
) -> list[tuple[str, int, bytes]]:
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
    return revocations


def _known_sites(db: Database) -> dict[str, KnownSite]:
    known: dict[str, KnownSite] = {}
    for sid, pubkey, role, unit, revoked_after, name in db.execute(
        "SELECT site_id, pubkey, role, unit_id, revoked_after_seq, display_name FROM site"
        " WHERE pubkey IS NOT NULL"
    ).fetchall():
        known[sid] = (bytes(pubkey), role, unit, revoked_after, name or sid)
    return known


def _check_signatures(reader: BundleReader, manifest: Manifest, raw: bytes, trust: Trust) -> None:
    """The sender signed the manifest, and every segment's origin is a known site."""
    if not trust.has(manifest.sender_site):
        raise SyncError(UNKNOWN_SITE.format(site=manifest.sender_site))
    signature = reader.read("manifest.sig")
    if not keys.verify(trust.pubkey(manifest.sender_site), keys.BUNDLE_CONTEXT, raw, signature):
        raise SyncError(BAD_SIGNATURE)
    for segment in manifest.segments:
        if not trust.has(segment.origin):
            raise SyncError(UNKNOWN_SITE.format(site=segment.origin))


def _check_own_certificate(db: Database, site: LocalSite, trust: Trust) -> None:
    """A certificate the bundle carries for this PC must hold this PC's own key."""
    if trust.joining is not None:
        own = trust.own_cert
        my_key = keys.ensure_site_key(keys.database_path(db), site.site_id)
        if own is None or own.pubkey != keys.public_bytes(my_key):
            raise SyncError(NOT_JOINED)
    elif trust.own_cert is not None:
        my_key = keys.ensure_site_key(keys.database_path(db), site.site_id)
        if trust.own_cert.pubkey != keys.public_bytes(my_key):
            raise SyncError(BAD_CERT.format(site=site.site_id))


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


def clock_warnings(db: Database, manifest: Manifest, trust: Trust) -> list[str]:
    wall = wall_ms(db)
    offset = manifest.created_wall - wall
    role, _unit = trust.role_unit(manifest.sender_site)
    site = local_site(db)
    warnings: list[str] = []
    if offset > MAX_DRIFT_MS and role == "district":
        warnings.append(
            level_words_of(db).say(
                CLOCK_OURS.format(theirs=_when(manifest.created_wall), ours=_when(wall))
            )
        )
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


def restore_detected(db: Database, manifest: Manifest) -> bool:
    """The bundle knows more of this PC's own changes than it holds: restored from a copy."""
    site = local_site(db)
    held = db.execute("SELECT next_seq - 1 FROM local_site").fetchone()[0]
    if manifest.sender_vv.get(site.site_id, 0) > held:
        return True
    return any(s.origin == site.site_id and s.hi > held for s in manifest.segments)
