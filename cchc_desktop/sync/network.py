"""The sync network: the district's root key, enrolment of commune PCs, certificates (§5.2).

The district creates the network once (`init_network`) and registers each commune PC from the
enrolment request file that PC wrote (`enrol_request` there, `enrol` here). Both screens show
the same short fingerprint of the PC's public key. The certificate the district signs travels
back to the PC in the first district bundle, together with the root public key, which the PC
pins. The root key can be backed up to a password-protected file and restored on a
replacement district PC.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlite_utils import Database

from cchc_desktop.domain.model import AgencyKind
from cchc_desktop.domain.text import clean, fold
from cchc_desktop.errors import SyncError, ValidationError, os_reason
from cchc_desktop.services import organisation
from cchc_desktop.store.changes import Changes, canonical_json
from cchc_desktop.store.site import (
    local_site,
    new_site_identity,
    wall_ms,
)
from cchc_desktop.store.wording import level_words_of
from cchc_desktop.sync import keys

REQUEST_TYPE = "hcch-enrol-request"
CERT_TYPE = "hcch-site-cert"
REVOCATION_TYPE = "hcch-revocation"
BACKUP_TYPE = "hcch-root-key-backup"
MAX_REQUEST_BYTES = 64_000
MIN_PASSWORD = 8
SCRYPT_N = 2**15

ROLE_NAMES = {"district": "huyện", "commune": "xã", "province": "tỉnh"}


def role_name(db: Database, role: str) -> str:
    """The role of a PC in the office's words: the hub is "tỉnh" (or "huyện" before 2025)."""
    words = level_words_of(db)
    return {"district": words.hub, "commune": words.unit}.get(role, ROLE_NAMES.get(role, role))


@dataclass(frozen=True, slots=True)
class NetworkInfo:
    network_id: str
    name: str
    district_code: str
    root_pubkey: bytes
    root_fp: str
    district_site: str | None


@dataclass(frozen=True, slots=True)
class Certificate:
    """A site certificate: the district root key vouches for this PC's key, role and unit."""

    site_id: str
    network_id: str
    role: str
    unit_id: str | None
    unit_name: str
    display_name: str
    pubkey: bytes
    serial: int
    issued_at: int
    raw: bytes  # the signed record as exchanged


@dataclass(frozen=True, slots=True)
class EnrolRequest:
    """What a commune PC sends to the district to be registered."""

    site_id: str
    pubkey: bytes
    unit_name: str
    pc_name: str
    created_wall: int
    fingerprint: str
    path: Path


@dataclass(frozen=True, slots=True)
class EnrolResult:
    site_id: str
    unit_id: str
    unit_name: str
    pc_name: str
    fingerprint: str
    cert_serial: int
    new_agency: bool  # the commune was added to the organisation
    already_enrolled: bool
    changes: Changes = field(default_factory=Changes)  # the commune's rows, when added


# ---------------------------------------------------------------------------- reading state


def network_info(db: Database) -> NetworkInfo | None:
    row = db.execute(
        "SELECT network_id, name, district_code, root_pubkey, root_fp, district_site FROM network"
    ).fetchone()
    if row is None:
        return None
    return NetworkInfo(row[0], row[1], row[2], bytes(row[3]), row[4], row[5])


def require_network(db: Database) -> NetworkInfo:
    info = network_info(db)
    if info is None:
        raise SyncError(
            level_words_of(db).say(
                "Máy này chưa tham gia mạng đồng bộ. Máy {hub}: tạo mạng (sync init-network);"
                " máy {unit}: gửi yêu cầu đăng ký cho {hub} (sync enrol-request)."
            )
        )
    return info


def site_fingerprint(db: Database) -> str:
    """The fingerprint of this PC's signing key (created on first use)."""
    site = local_site(db)
    key = keys.ensure_site_key(keys.database_path(db), site.site_id)
    return keys.fingerprint(keys.public_bytes(key))


def site_key(db: Database) -> Ed25519PrivateKey:
    site = local_site(db)
    return keys.load_private_key(keys.site_key_path(keys.database_path(db), site.site_id))


def root_key(db: Database, info: NetworkInfo) -> Ed25519PrivateKey:
    path = keys.root_key_path(keys.database_path(db), info.network_id)
    if not path.exists():
        raise SyncError(
            level_words_of(db).say(
                "Máy này không giữ khoá gốc của {hub}. Hãy khôi phục khoá gốc từ tệp sao lưu"
                " (Đồng bộ → Khôi phục khoá gốc) trên máy của {hub}."
            )
        )
    key = keys.load_private_key(path)
    if keys.public_bytes(key) != info.root_pubkey:
        raise SyncError("Khoá gốc trên máy này không khớp với mạng đồng bộ.")
    return key


def district_code_for(name: str) -> str:
    """A short code of the district for bundle file names: "Huyện Ngọc Lặc" → "NGOCLAC"."""
    key = fold(clean(name))
    key = re.sub(r"^(ubnd |uy ban nhan dan )?(huyen|thi xa|thanh pho|quan|tinh|xa)\s+", "", key)
    code = re.sub(r"[^a-z0-9]", "", key).upper()[:16]
    return code or "CCHC"


def parse_certificate(data: bytes, root_pubkey: bytes) -> Certificate:
    """A certificate from untrusted bytes, checked against the root key (ValueError if not)."""
    record = keys.parse_record(data)
    if record.get("type") != CERT_TYPE:
        raise ValueError("not a site certificate")
    if not keys.record_is_signed_by(record, keys.CERT_CONTEXT, root_pubkey):
        raise ValueError("certificate not signed by the root key")
    try:
        cert = Certificate(
            site_id=_text(record["site_id"]),
            network_id=_text(record["network_id"]),
            role=_text(record["role"]),
            unit_id=None if record.get("unit_id") is None else _text(record["unit_id"]),
            unit_name=_text(record.get("unit_name", "")),
            display_name=_text(record.get("display_name", "")),
            pubkey=keys.unb64(record["pubkey"]),
            serial=_int(record["serial"]),
            issued_at=_int(record["issued_at"]),
            raw=keys.record_bytes(record),
        )
    except (KeyError, TypeError) as exc:
        raise ValueError(f"certificate field missing: {exc}") from exc
    if cert.role not in ROLE_NAMES or len(cert.pubkey) != 32:
        raise ValueError("certificate role or key invalid")
    return cert


def parse_revocation(data: bytes, root_pubkey: bytes) -> tuple[str, str, int, bytes]:
    """(network_id, site_id, revoked_after_seq, raw) of a root-signed revocation."""
    record = keys.parse_record(data)
    if record.get("type") != REVOCATION_TYPE:
        raise ValueError("not a revocation")
    if not keys.record_is_signed_by(record, keys.REVOKE_CONTEXT, root_pubkey):
        raise ValueError("revocation not signed by the root key")
    return (
        _text(record["network_id"]),
        _text(record["site_id"]),
        _int(record["revoked_after_seq"]),
        keys.record_bytes(record),
    )


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("text expected")
    return value


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("integer expected")
    return value


def store_certificate(db: Database, cert: Certificate) -> bool:
    """Insert or refresh a site row from a certificate (a higher serial wins); in a transaction.

    Returns whether the site row changed.
    """
    row = db.execute("SELECT cert_serial, pubkey FROM site WHERE site_id = ?", [cert.site_id])
    existing = row.fetchone()
    if existing is not None and existing[0] is not None and existing[0] >= cert.serial:
        return False
    db.execute(
        "INSERT INTO site (site_id, network_id, role, unit_id, display_name, pubkey, cert,"
        " cert_serial, enrolled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (site_id) DO UPDATE SET network_id = excluded.network_id,"
        " role = excluded.role, unit_id = excluded.unit_id,"
        " display_name = excluded.display_name, pubkey = excluded.pubkey, cert = excluded.cert,"
        " cert_serial = excluded.cert_serial",
        [
            cert.site_id,
            cert.network_id,
            cert.role,
            cert.unit_id,
            cert.display_name or cert.unit_name,
            cert.pubkey,
            cert.raw,
            cert.serial,
            cert.issued_at,
        ],
    )
    return True


def _next_serial(db: Database) -> int:
    current = db.execute("SELECT next_cert_serial FROM network").fetchone()[0]
    serial = max(int(current), wall_ms(db))
    db.execute("UPDATE network SET next_cert_serial = ?", [serial + 1])
    return serial


def _issue_certificate(
    db: Database,
    root: Ed25519PrivateKey,
    info: NetworkInfo,
    *,
    site_id: str,
    role: str,
    unit_id: str | None,
    unit_name: str,
    display_name: str,
    pubkey: bytes,
) -> Certificate:
    record = keys.sign_record(
        root,
        keys.CERT_CONTEXT,
        {
            "type": CERT_TYPE,
            "format": 1,
            "network_id": info.network_id,
            "site_id": site_id,
            "role": role,
            "unit_id": unit_id,
            "unit_name": unit_name,
            "display_name": display_name,
            "pubkey": keys.b64(pubkey),
            "serial": _next_serial(db),
            "issued_at": wall_ms(db),
            "root_fp": info.root_fp,
        },
    )
    cert = parse_certificate(keys.record_bytes(record), info.root_pubkey)
    store_certificate(db, cert)
    return cert


# ---------------------------------------------------------------------------- the district


def _district_unit(db: Database) -> tuple[str | None, str]:
    site = local_site(db)
    if site.unit_id:
        row = db.execute("SELECT name FROM agency WHERE id = ?", [site.unit_id]).fetchone()
        return site.unit_id, row[0] if row else ""
    row = db.execute(
        "SELECT id, name FROM agency WHERE kind = 'district' AND deleted = 0"
        " ORDER BY length(name), name LIMIT 1"
    ).fetchone()
    return (row[0], row[1]) if row else (None, "")


def init_network(db: Database, name: str, *, district_code: str | None = None) -> str:
    """Create the network on the district PC: root key, this PC's certificate.

    Returns the root key's fingerprint (printed on the dispatch letter for a second check).
    """
    name = clean(name)
    if not name:
        raise ValidationError(
            level_words_of(db).say("Tên mạng đồng bộ (tên {hub}) không được để trống.")
        )
    existing = network_info(db)
    if existing is not None:
        raise SyncError(
            f"Máy này đã thuộc mạng đồng bộ “{existing.name}” (vân tay khoá gốc"
            f" {existing.root_fp}); không tạo mạng mới."
        )
    site = local_site(db)
    if site.role != "district":
        raise SyncError(
            level_words_of(db).say(
                "Chỉ máy của {hub} mới tạo được mạng đồng bộ; máy này là máy của {unit}."
            )
        )
    db_path = keys.database_path(db)
    code = district_code or district_code_for(name)
    network_id = f"{code}-{uuid.uuid4()}"
    root = keys.new_key()
    keys.save_private_key(keys.root_key_path(db_path, network_id), root)
    own = keys.ensure_site_key(db_path, site.site_id)
    root_pub = keys.public_bytes(root)
    info = NetworkInfo(network_id, name, code, root_pub, keys.fingerprint(root_pub), site.site_id)
    unit_id, unit_name = _district_unit(db)
    with db.atomic():
        _insert_network(db, info)
        db.execute("UPDATE local_site SET network_id = ?, unit_id = ?", [network_id, unit_id])
        _issue_certificate(
            db,
            root,
            info,
            site_id=site.site_id,
            role="district",
            unit_id=unit_id,
            unit_name=unit_name or name,
            display_name=site.display_name,
            pubkey=keys.public_bytes(own),
        )
    return info.root_fp


def _insert_network(db: Database, info: NetworkInfo) -> None:
    db.execute(
        "INSERT INTO network (network_id, name, district_code, root_pubkey, root_fp,"
        " district_site, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            info.network_id,
            info.name,
            info.district_code,
            info.root_pubkey,
            info.root_fp,
            info.district_site,
            wall_ms(db),
        ],
    )


def network_record(info: NetworkInfo) -> dict[str, Any]:
    """What a bundle carries so that a new commune PC can join: the root public key."""
    return {
        "type": "hcch-network",
        "format": 1,
        "network_id": info.network_id,
        "name": info.name,
        "district_code": info.district_code,
        "root_pubkey": keys.b64(info.root_pubkey),
    }


def read_enrol_request(path: Path) -> EnrolRequest:
    """Read and check an enrolment request file (its own key signs it)."""
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_REQUEST_BYTES + 1)
    except OSError as exc:
        raise SyncError(f"Không đọc được tệp yêu cầu đăng ký {path}: {os_reason(exc)}") from exc
    try:
        record = keys.parse_record(data, limit=MAX_REQUEST_BYTES)
        if record.get("type") != REQUEST_TYPE:
            raise ValueError("wrong type")
        pubkey = keys.unb64(record["pubkey"])
        request = EnrolRequest(
            site_id=_text(record["site_id"]),
            pubkey=pubkey,
            unit_name=clean(_text(record["unit_name"])),
            pc_name=clean(_text(record.get("pc_name", ""))),
            created_wall=_int(record["created_wall"]),
            fingerprint=keys.fingerprint(pubkey),
            path=path,
        )
        if len(pubkey) != 32 or not re.fullmatch(r"[0-9A-Za-z-]{1,64}", request.site_id):
            raise ValueError("bad key or site id")
        if not request.unit_name:
            raise ValueError("no unit name")
        if not keys.record_is_signed_by(record, keys.ENROL_CONTEXT, pubkey):
            raise ValueError("signature")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise SyncError(
            f"Tệp {path.name} không phải yêu cầu đăng ký hợp lệ hoặc đã bị sửa ({exc})."
        ) from exc
    return request


def enrol(db: Database, request_file: Path, *, author: str = "") -> EnrolResult:
    """Register a commune PC on the district PC from its request file.

    Adds the commune to the organisation if it is new, signs the PC's certificate (sent in the
    next bundle for that PC) and returns what both clerks compare: the fingerprint.
    """
    request = read_enrol_request(Path(request_file))
    info = require_network(db)
    site = local_site(db)
    if site.role != "district":
        raise SyncError(
            level_words_of(db).say("Chỉ máy của {hub} mới đăng ký được máy của {unit}.")
        )
    if request.site_id == site.site_id:
        raise SyncError("Đây là yêu cầu đăng ký của chính máy này.")
    root = root_key(db, info)
    existing = db.execute(
        "SELECT pubkey, unit_id, cert_serial, display_name FROM site WHERE site_id = ?",
        [request.site_id],
    ).fetchone()
    if existing is not None and existing[0] is not None:
        if bytes(existing[0]) != request.pubkey:
            raise SyncError(
                f"Mã máy {request.site_id} đã được đăng ký với một khoá khác; hãy cho máy xã"
                " đăng ký lại để có mã máy mới."
            )
        name = db.execute("SELECT name FROM agency WHERE id = ?", [existing[1]]).fetchone()
        return EnrolResult(
            request.site_id,
            existing[1],
            name[0] if name else request.unit_name,
            existing[3] or request.pc_name,
            request.fingerprint,
            existing[2],
            new_agency=False,
            already_enrolled=True,
        )
    found = organisation.find_agency(db, request.unit_name)
    if found is not None and found.kind != AgencyKind.COMMUNE:
        raise SyncError(
            f"“{found.name}” trong danh sách cơ quan không phải là xã, phường, thị trấn; hãy"
            " kiểm tra tên đơn vị trong yêu cầu đăng ký."
        )
    new_agency = found is None
    changes = Changes()
    with db.atomic():
        if found is None:
            resolved = organisation.ensure_agency(
                db, request.unit_name, kind=AgencyKind.COMMUNE, author=author
            )
            unit_id, changes = resolved.agency_id, resolved.changes
            unit_name = request.unit_name
        else:
            unit_id, unit_name = found.id, found.name
        cert = _issue_certificate(
            db,
            root,
            info,
            site_id=request.site_id,
            role="commune",
            unit_id=unit_id,
            unit_name=unit_name,
            display_name=request.pc_name,
            pubkey=request.pubkey,
        )
    return EnrolResult(
        request.site_id,
        unit_id,
        unit_name,
        request.pc_name,
        request.fingerprint,
        cert.serial,
        new_agency=new_agency,
        already_enrolled=False,
        changes=changes,
    )


def revoke_site(db: Database, site_id: str, *, after_seq: int | None = None) -> int:
    """Revoke a PC: its changes after `after_seq` (default: what this PC holds) are set aside.

    The signed revocation travels in every later bundle. Returns the seq kept.
    """
    info = require_network(db)
    root = root_key(db, info)
    if db.execute("SELECT 1 FROM site WHERE site_id = ?", [site_id]).fetchone() is None:
        raise SyncError(f"Không có máy nào mang mã {site_id} trong mạng.")
    if site_id == local_site(db).site_id:
        raise SyncError("Không thể thu hồi chính máy này.")
    if after_seq is None:
        row = db.execute(
            "SELECT contiguous_max FROM origin_progress WHERE origin = ?", [site_id]
        ).fetchone()
        after_seq = int(row[0]) if row else 0
    record = keys.sign_record(
        root,
        keys.REVOKE_CONTEXT,
        {
            "type": REVOCATION_TYPE,
            "format": 1,
            "network_id": info.network_id,
            "site_id": site_id,
            "revoked_after_seq": after_seq,
            "issued_at": wall_ms(db),
        },
    )
    with db.atomic():
        db.execute(
            "UPDATE site SET revoked_after_seq = ?, revocation = ? WHERE site_id = ?",
            [after_seq, keys.record_bytes(record), site_id],
        )
    return after_seq


# ---------------------------------------------------------------------------- a commune PC


def enrol_request(
    db: Database, unit_name: str, out_file: Path, *, pc_name: str | None = None
) -> EnrolRequest:
    """Write this PC's enrolment request (public key, site id, unit, PC name) to `out_file`."""
    unit_name = clean(unit_name)
    if not unit_name:
        raise ValidationError(level_words_of(db).say("Tên {unit} (đơn vị) không được để trống."))
    site = local_site(db)
    if site.role == "district" and site.network_id is not None:
        raise SyncError(
            level_words_of(db).say(
                "Máy này là máy của {hub} (đã tạo mạng đồng bộ); không gửi yêu cầu đăng ký."
            )
        )
    db_path = keys.database_path(db)
    key = keys.ensure_site_key(db_path, site.site_id)
    pc = clean(pc_name) if pc_name else site.display_name
    record = keys.sign_record(
        key,
        keys.ENROL_CONTEXT,
        {
            "type": REQUEST_TYPE,
            "format": 1,
            "site_id": site.site_id,
            "pubkey": keys.b64(keys.public_bytes(key)),
            "unit_name": unit_name,
            "pc_name": pc,
            "created_wall": wall_ms(db),
        },
    )
    out_file = Path(out_file)
    try:
        out_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = out_file.with_name(out_file.name + ".tmp")
        with tmp.open("wb") as fh:
            fh.write(json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(out_file)
    except OSError as exc:
        raise SyncError(f"Không ghi được tệp yêu cầu đăng ký {out_file}: {os_reason(exc)}") from exc
    with db.atomic():
        db.execute(
            "UPDATE local_site SET role = CASE WHEN network_id IS NULL THEN 'commune' ELSE role"
            " END, requested_unit = ?, display_name = ?",
            [unit_name, pc],
        )
    return read_enrol_request(out_file)


def reenrol(db: Database) -> str:
    """Give this PC a new site id and key (after a restore, a copy or a replaced PC).

    A district PC that holds the root key certifies itself at once; a commune PC must send a
    new enrolment request. Returns the new site id.
    """
    info = network_info(db)
    old = local_site(db)
    new_id = new_site_identity(db)
    key = keys.ensure_site_key(keys.database_path(db), new_id)
    if info is not None and old.role == "district":
        root = root_key(db, info)
        unit_id, unit_name = _district_unit(db)
        with db.atomic():
            _issue_certificate(
                db,
                root,
                info,
                site_id=new_id,
                role="district",
                unit_id=unit_id,
                unit_name=unit_name or info.name,
                display_name=old.display_name,
                pubkey=keys.public_bytes(key),
            )
            db.execute("UPDATE network SET district_site = ?", [new_id])
    return new_id


# ---------------------------------------------------------------------------- root key backup


def _kdf(password: str, salt: bytes, n: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=8, p=1).derive(password.encode("utf-8"))


def backup_root_key(db: Database, path: Path, password: str) -> Path:
    """Write the root key to `path` (e.g. a USB stick), encrypted with `password`.

    scrypt derives the key; AES-256-GCM encrypts, with the file's header as associated data.
    """
    if len(password) < MIN_PASSWORD:
        raise ValidationError(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")
    info = require_network(db)
    root = root_key(db, info)
    salt, nonce = os.urandom(16), os.urandom(12)
    header = {
        "type": BACKUP_TYPE,
        "format": 1,
        "network_id": info.network_id,
        "name": info.name,
        "district_code": info.district_code,
        "root_pubkey": keys.b64(info.root_pubkey),
        "root_fp": info.root_fp,
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": 8, "p": 1, "salt": keys.b64(salt)},
        "cipher": "AES-256-GCM",
        "nonce": keys.b64(nonce),
    }
    secret = AESGCM(_kdf(password, salt, SCRYPT_N)).encrypt(
        nonce, root.private_bytes_raw(), canonical_json(header).encode("utf-8")
    )
    document = {**header, "ciphertext": keys.b64(secret)}
    try:
        keys.write_private_file(
            Path(path), json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
        )
    except OSError as exc:
        raise SyncError(f"Không ghi được tệp sao lưu khoá gốc {path}: {os_reason(exc)}") from exc
    return Path(path)


def _read_backup(path: Path, password: str) -> tuple[dict[str, Any], Ed25519PrivateKey]:
    try:
        document = keys.parse_record(Path(path).read_bytes(), limit=MAX_REQUEST_BYTES)
    except OSError as exc:
        raise SyncError(f"Không đọc được tệp sao lưu khoá gốc {path}: {os_reason(exc)}") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise SyncError(f"Tệp {Path(path).name} không phải tệp sao lưu khoá gốc.") from exc
    if document.get("type") != BACKUP_TYPE:
        raise SyncError(f"Tệp {Path(path).name} không phải tệp sao lưu khoá gốc.")
    header = {k: v for k, v in document.items() if k != "ciphertext"}
    try:
        kdf = document["kdf"]
        salt = keys.unb64(kdf["salt"])
        n = _int(kdf["n"])
        if kdf.get("name") != "scrypt" or not 2**14 <= n <= 2**20:
            raise ValueError("kdf")
        plain = AESGCM(_kdf(password, salt, n)).decrypt(
            keys.unb64(document["nonce"]),
            keys.unb64(document["ciphertext"]),
            canonical_json(header).encode("utf-8"),
        )
        root = Ed25519PrivateKey.from_private_bytes(plain)
        if keys.public_bytes(root) != keys.unb64(document["root_pubkey"]):
            raise ValueError("key mismatch")
    except InvalidTag as exc:
        raise SyncError("Mật khẩu không đúng hoặc tệp sao lưu khoá gốc đã bị sửa.") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise SyncError(f"Tệp sao lưu khoá gốc bị hỏng ({exc}).") from exc
    return document, root


def restore_root_key(db: Database, path: Path, password: str) -> str:
    """Restore the root key from its backup file; returns the root fingerprint.

    On a replacement district PC (a database not yet in a network) this recreates the network
    identity and certifies this PC as the district PC; the communes' next bundles bring the
    district's data back.
    """
    document, root = _read_backup(Path(path), password)
    db_path = keys.database_path(db)
    current = network_info(db)
    root_pub = keys.public_bytes(root)
    if current is not None:
        if current.network_id != document["network_id"] or current.root_pubkey != root_pub:
            raise SyncError(
                f"Tệp sao lưu là khoá gốc của mạng “{document.get('name')}”, không phải của mạng"
                f" “{current.name}” mà máy này thuộc."
            )
        keys.save_private_key(keys.root_key_path(db_path, current.network_id), root)
        return current.root_fp
    site = local_site(db)
    info = NetworkInfo(
        network_id=str(document["network_id"]),
        name=str(document["name"]),
        district_code=str(document["district_code"]),
        root_pubkey=root_pub,
        root_fp=keys.fingerprint(root_pub),
        district_site=site.site_id,
    )
    keys.save_private_key(keys.root_key_path(db_path, info.network_id), root)
    own = keys.ensure_site_key(db_path, site.site_id)
    unit_id, unit_name = _district_unit(db)
    with db.atomic():
        _insert_network(db, info)
        db.execute(
            "UPDATE local_site SET network_id = ?, role = 'district', unit_id = ?",
            [info.network_id, unit_id],
        )
        _issue_certificate(
            db,
            root,
            info,
            site_id=site.site_id,
            role="district",
            unit_id=unit_id,
            unit_name=unit_name or info.name,
            display_name=site.display_name,
            pubkey=keys.public_bytes(own),
        )
    return info.root_fp
