"""Ed25519 keys of this PC and of the district root: storage, fingerprints, signed records.

Private keys live in a `keys/` folder beside the database, never in it. On Windows the key bytes
are sealed with DPAPI (CryptProtectData, bound to the Windows user on this machine); elsewhere
the file is readable by its owner only (0600). Fingerprints are what two clerks compare by eye
or by phone: base32 of SHA-256 of the public key, 24 characters and a check character, grouped
by five (Syncthing device-ID style).
"""

from __future__ import annotations

import base64
import contextlib
import ctypes
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlite_utils import Database

from cchc_desktop.errors import SyncError, os_reason
from cchc_desktop.store.changes import canonical_json

KEY_MAGIC = b"HCCHKEY1"
PLAIN, DPAPI = 0, 1
CERT_CONTEXT = b"HCCH-CERT-v1\0"
REVOKE_CONTEXT = b"HCCH-REVOKE-v1\0"
ENROL_CONTEXT = b"HCCH-ENROL-v1\0"
BUNDLE_CONTEXT = b"HCCH-BUNDLE-v1\0"
SEGMENT_CONTEXT = b"HCCH-SEGMENT-v1\0"
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


# ---------------------------------------------------------------------------- paths


def database_path(db: Database) -> Path:
    """The file of the open database (its folder is the data folder)."""
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file)
    raise SyncError("Cơ sở dữ liệu không nằm trong một tệp; không thể đồng bộ.")


def keys_dir(db_path: Path) -> Path:
    return db_path.parent / "keys"


def site_key_path(db_path: Path, site_id: str) -> Path:
    return keys_dir(db_path) / f"site-{site_id}.key"


def root_key_path(db_path: Path, network_id: str) -> Path:
    return keys_dir(db_path) / f"root-{network_id}.key"


# ---------------------------------------------------------------------------- DPAPI


class _Blob(ctypes.Structure):
    _fields_ = [("cbData", ctypes.c_uint32), ("pbData", ctypes.POINTER(ctypes.c_char))]


def _dpapi(data: bytes, *, protect: bool) -> bytes:  # pragma: no cover - Windows only
    windll: Any = getattr(ctypes, "windll")  # noqa: B009 - absent off Windows
    crypt32 = windll.crypt32
    kernel32 = windll.kernel32
    buffer = ctypes.create_string_buffer(data, len(data))
    blob_in = _Blob(len(data), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char)))
    blob_out = _Blob()
    entropy_bytes = b"CCHC Desktop site key"
    entropy_buffer = ctypes.create_string_buffer(entropy_bytes, len(entropy_bytes))
    entropy = _Blob(len(entropy_bytes), ctypes.cast(entropy_buffer, ctypes.POINTER(ctypes.c_char)))
    flags = 0x1  # CRYPTPROTECT_UI_FORBIDDEN
    if protect:
        ok = crypt32.CryptProtectData(
            ctypes.byref(blob_in), None, ctypes.byref(entropy), None, None, flags,
            ctypes.byref(blob_out),
        )  # fmt: skip
    else:
        ok = crypt32.CryptUnprotectData(
            ctypes.byref(blob_in), None, ctypes.byref(entropy), None, None, flags,
            ctypes.byref(blob_out),
        )  # fmt: skip
    if not ok:
        raise OSError("DPAPI failed")
    try:
        return ctypes.string_at(blob_out.pbData, blob_out.cbData)
    finally:
        kernel32.LocalFree(blob_out.pbData)


def _use_dpapi() -> bool:
    return sys.platform == "win32"


# ---------------------------------------------------------------------------- key files


def write_private_file(path: Path, data: bytes) -> None:
    """Write a secret file atomically, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        path.parent.chmod(0o700)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)


def save_private_key(path: Path, key: Ed25519PrivateKey) -> None:
    raw = key.private_bytes_raw()
    if _use_dpapi():  # pragma: no cover - Windows only
        payload = KEY_MAGIC + bytes([DPAPI]) + _dpapi(raw, protect=True)
    else:
        payload = KEY_MAGIC + bytes([PLAIN]) + raw
    write_private_file(path, payload)


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise SyncError(
            f"Không tìm thấy khoá ký của máy ({path.name}) trong thư mục {path.parent}."
            " Máy cần được đăng ký lại."
        ) from exc
    except OSError as exc:
        raise SyncError(f"Không đọc được khoá ký {path}: {os_reason(exc)}") from exc
    if not data.startswith(KEY_MAGIC) or len(data) < len(KEY_MAGIC) + 2:
        raise SyncError(f"Tệp khoá {path.name} bị hỏng.")
    kind, payload = data[len(KEY_MAGIC)], data[len(KEY_MAGIC) + 1 :]
    if kind == DPAPI:
        if not _use_dpapi():
            raise SyncError(f"Tệp khoá {path.name} được bảo vệ bằng Windows trên máy khác.")
        try:  # pragma: no cover - Windows only
            payload = _dpapi(payload, protect=False)
        except OSError as exc:  # pragma: no cover - Windows only
            raise SyncError(
                f"Không mở được khoá {path.name}: khoá thuộc người dùng hoặc máy khác."
                " Máy cần được đăng ký lại."
            ) from exc
    if len(payload) != 32:
        raise SyncError(f"Tệp khoá {path.name} bị hỏng.")
    return Ed25519PrivateKey.from_private_bytes(payload)


def new_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes_raw()


def ensure_site_key(db_path: Path, site_id: str) -> Ed25519PrivateKey:
    """This PC's signing key for `site_id`, created on first use."""
    path = site_key_path(db_path, site_id)
    if path.exists():
        return load_private_key(path)
    key = new_key()
    save_private_key(path, key)
    return key


# ---------------------------------------------------------------------------- fingerprints


def _luhn32(text: str) -> str:
    factor, total, n = 2, 0, len(B32)
    for ch in reversed(text):
        addend = factor * B32.index(ch)
        factor = 1 if factor == 2 else 2
        total += addend // n + addend % n
    return B32[(n - total % n) % n]


def fingerprint(pubkey: bytes) -> str:
    """The short fingerprint of a public key, e.g. "MFRGG-ZDFMZ-TWQ2L-KNNZG-C4TOQ"."""
    digest = base64.b32encode(hashlib.sha256(pubkey).digest()).decode("ascii")[:24]
    text = digest + _luhn32(digest)
    return "-".join(text[i : i + 5] for i in range(0, len(text), 5))


def fingerprint_is_well_formed(text: str) -> bool:
    """Whether a typed fingerprint has the right shape and check character (catches typos)."""
    compact = text.replace("-", "").replace(" ", "").upper()
    if len(compact) != 25 or any(ch not in B32 for ch in compact):
        return False
    return _luhn32(compact[:24]) == compact[24]


# ---------------------------------------------------------------------------- signatures


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def sign(key: Ed25519PrivateKey, context: bytes, data: bytes) -> bytes:
    return key.sign(context + data)


def verify(pubkey: bytes, context: bytes, data: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(pubkey).verify(signature, context + data)
    except (InvalidSignature, ValueError):
        return False
    return True


def sign_record(key: Ed25519PrivateKey, context: bytes, record: dict[str, Any]) -> dict[str, Any]:
    """`record` with a "sig" over its canonical JSON (without "sig")."""
    body = {k: v for k, v in record.items() if k != "sig"}
    signature = sign(key, context, canonical_json(body).encode("utf-8"))
    return {**body, "sig": b64(signature)}


def record_is_signed_by(record: dict[str, Any], context: bytes, pubkey: bytes) -> bool:
    body = {k: v for k, v in record.items() if k != "sig"}
    try:
        signature = unb64(record.get("sig"))
    except ValueError:
        return False
    return verify(pubkey, context, canonical_json(body).encode("utf-8"), signature)


def record_bytes(record: dict[str, Any]) -> bytes:
    return canonical_json(record).encode("utf-8")


def parse_record(data: bytes, *, limit: int = 1_000_000) -> dict[str, Any]:
    """A small signed JSON record (certificate, revocation, request) read from untrusted bytes."""
    if len(data) > limit:
        raise ValueError("record too large")
    value = json.loads(data.decode("utf-8"))
    if not isinstance(value, dict):
        raise ValueError("record is not an object")
    return value
