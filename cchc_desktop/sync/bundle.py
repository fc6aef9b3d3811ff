"""The bundle file (sync.md §5.7): names, log lines, the manifest and a strict ZIP reader.

A bundle is a ZIP file `HCCH_<district>_<from>_den_<to>_<YYYYMMDD-HHMM>_<seq>.hcb` holding

    manifest.json                 canonical UTF-8 JSON, signed as raw bytes
    manifest.sig                  Ed25519(sender key, "HCCH-BUNDLE-v1\\0" + manifest.json)
    network.json                  the network and its root public key (district bundles)
    certs/<site_id>.json          root-signed certificates: sender, recipient, every origin
    revocations/<site_id>.json    root-signed revocations
    log/<origin>/<lo>-<hi>.jsonl      one change per line (canonical JSON)
    log/<origin>/<lo>-<hi>.tx.jsonl   one transaction per line: {origin, tx_seq, vv}
    log/<origin>/<lo>-<hi>.sig        Ed25519(origin key, "HCCH-SEGMENT-v1\\0" +
                                      sha256(jsonl) + sha256(tx.jsonl))
    blobs/<sha256>                attachment bytes

The reader never extracts: it accepts only these member names, no links, no encryption, and
caps sizes, counts and compression ratios before reading a byte, so a hostile file can cost at
most bounded memory and time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from json.encoder import encode_basestring
from pathlib import Path
from typing import IO, Any

from cchc_desktop.domain.text import clean, fold
from cchc_desktop.errors import SyncError, os_reason

FORMAT = 1
SUFFIX = ".hcb"

MAX_BUNDLE_BYTES = 8 << 30
MAX_MEMBERS = 200_000
MAX_MANIFEST_BYTES = 32 << 20
MAX_RECORD_BYTES = 1 << 20
MAX_LOG_MEMBER_BYTES = 2 << 30
MAX_BLOB_BYTES = 4 << 30
MAX_TOTAL_BYTES = 16 << 30
MAX_RATIO = 200  # uncompressed / compressed, for members large enough to matter
RATIO_FLOOR = 1 << 16
MAX_LINE_BYTES = 4 << 20
MAX_VV_ENTRIES = 10_000

# Messages a clerk reads (each refusal has its own).
NOT_A_BUNDLE = "Tệp không phải gói dữ liệu CCHC (không đọc được tệp nén)."
# What reading a damaged member raises: zipfile's NotImplementedError is a header flag (patched
# data, strong encryption) that the central directory did not show.
_MEMBER_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError)

DAMAGED = "Gói dữ liệu bị hỏng hoặc chép chưa xong ({detail}). Hãy chép lại gói từ máy gửi."
UNSAFE = "Gói dữ liệu chứa tệp không an toàn ({detail}); không nhập gói này."
TOO_BIG = "Gói dữ liệu vượt giới hạn an toàn ({detail}); không nhập gói này."
BAD_FORMAT = "Gói dữ liệu không đúng định dạng ({detail})."
NEWER = "Gói được tạo bởi phiên bản mới hơn; hãy cập nhật phần mềm CCHC Desktop rồi nhập lại."
OTHER_NETWORK = (
    "Gói dữ liệu thuộc mạng khác ({{hub}} khác): gói của “{theirs}”, máy này thuộc “{ours}”."
)
OTHER_ROOT = (
    "Gói dữ liệu thuộc mạng khác ({{hub}} khác): khoá gốc của gói ({theirs}) khác khoá gốc của"
    " máy này ({ours})."
)
BAD_SIGNATURE = "Gói dữ liệu đã bị sửa đổi hoặc hỏng: chữ ký không hợp lệ."
BAD_SEGMENT_SIGNATURE = (
    "Gói dữ liệu đã bị sửa đổi hoặc hỏng: chữ ký phần dữ liệu của máy {site} không hợp lệ."
)
BAD_HASH = "Gói dữ liệu đã bị sửa đổi hoặc hỏng: tệp {member} không khớp mã kiểm tra."
BAD_CERT = "Gói dữ liệu có chứng nhận máy không hợp lệ ({site}): không do khoá gốc của {{hub}} ký."
UNKNOWN_SITE = (
    "Gói dữ liệu do một máy chưa đăng ký tạo ra ({site}); hãy đăng ký máy đó với {{hub}} trước."
)
WRONG_RECIPIENT = "Gói dữ liệu này dành cho máy khác ({to}), không phải máy này ({me})."
ALREADY = "Gói dữ liệu này đã được nhập ngày {date}; không có gì thay đổi."
NOT_JOINED = (
    "Máy này chưa tham gia mạng đồng bộ và gói không mang chứng nhận của {hub} cho máy này."
    " Hãy gửi tệp yêu cầu đăng ký cho {hub} và nhập gói đầu tiên {hub} gửi về."
)
# Messages above with {hub} are worded for the office by sync.trust.check_trust.
OWN_BUNDLE = "Đây là gói do chính máy này tạo ra; hãy nhập nó trên máy nhận."


def _fail(template: str, **kwargs: object) -> SyncError:
    return SyncError(template.format(**kwargs))


# ---------------------------------------------------------------------------- names

_SITE = r"[0-9A-Za-z][0-9A-Za-z-]{0,63}"
_MEMBER_PATTERNS = (
    re.compile(r"manifest\.json"),
    re.compile(r"manifest\.sig"),
    re.compile(r"network\.json"),
    re.compile(rf"certs/{_SITE}\.json"),
    re.compile(rf"revocations/{_SITE}\.json"),
    re.compile(rf"log/{_SITE}/[1-9][0-9]{{0,15}}-[1-9][0-9]{{0,15}}\.(jsonl|tx\.jsonl|sig)"),
    re.compile(r"blobs/[0-9a-f]{64}"),
)


def member_name_ok(name: str) -> bool:
    return any(p.fullmatch(name) for p in _MEMBER_PATTERNS)


def segment_paths(origin: str, lo: int, hi: int) -> tuple[str, str, str]:
    base = f"log/{origin}/{lo}-{hi}"
    return f"{base}.jsonl", f"{base}.tx.jsonl", f"{base}.sig"


def slug(text: str, limit: int = 24) -> str:
    """ASCII, file-name safe form of a unit name: "Xã Minh Sơn" → "XaMinhSon"."""
    words = re.split(r"[^a-z0-9]+", fold(clean(text)))
    return "".join(w[:1].upper() + w[1:] for w in words if w)[:limit] or "May"


def site_label(unit_name: str, site_id: str) -> str:
    return f"{slug(unit_name)}-{site_id[-4:].upper()}"


def bundle_file_name(
    district_code: str,
    sender: str,
    recipient: str,
    created_wall: int,
    bundle_seq: int,
    part: tuple[int, int] | None = None,
) -> str:
    """`HCCH_<district>_<from>_den_<to>_<YYYYMMDD-HHMM>_<seq>[_partNofM].hcb` (local time)."""
    moment = dt.datetime.fromtimestamp(created_wall / 1000, tz=dt.UTC).astimezone()
    stamp = moment.strftime("%Y%m%d-%H%M")
    volume = f"_part{part[0]}of{part[1]}" if part and part[1] > 1 else ""
    return f"HCCH_{district_code}_{sender}_den_{recipient}_{stamp}_{bundle_seq}{volume}{SUFFIX}"


# ---------------------------------------------------------------------------- log lines

_json_text = encode_basestring  # the JSON form of a str, as the canonical encoder writes it


def change_line(
    origin: str,
    seq: int,
    tx_seq: int,
    hlc_wall: int,
    hlc_ctr: int,
    table: str,
    row_id: str,
    field: str,
    value: str | None,
    author: str | None,
    edited_wall: int | None,
) -> str:
    """One change as canonical JSON (sorted keys, no spaces); `value` is already canonical."""
    return (
        '{"author":'
        + _json_text(author or "")
        + ',"edited_wall":'
        + ("null" if edited_wall is None else str(int(edited_wall)))
        + ',"field":'
        + _json_text(field)
        + ',"hlc":['
        + str(int(hlc_wall))
        + ","
        + str(int(hlc_ctr))
        + '],"origin":'
        + _json_text(origin)
        + ',"row_id":'
        + _json_text(row_id)
        + ',"seq":'
        + str(int(seq))
        + ',"tbl":'
        + _json_text(table)
        + ',"tx_seq":'
        + str(int(tx_seq))
        + ',"value":'
        + ("null" if value is None else value)
        + "}"
    )


def tx_line(origin: str, tx_seq: int, vv_text: str) -> str:
    head = '{"origin":' + _json_text(origin) + ',"tx_seq":' + str(int(tx_seq))
    return head + ',"vv":' + vv_text + "}"


def segment_signed_bytes(jsonl_sha256: str, tx_sha256: str) -> bytes:
    return bytes.fromhex(jsonl_sha256) + bytes.fromhex(tx_sha256)


# ---------------------------------------------------------------------------- manifest


@dataclass(frozen=True, slots=True)
class SegmentEntry:
    origin: str
    lo: int
    hi: int
    path: str
    sha256: str
    bytes: int
    n_changes: int
    tx_path: str
    tx_sha256: str
    tx_bytes: int
    n_tx: int
    sig_path: str

    def as_json(self) -> dict[str, Any]:
        return {
            "origin": self.origin,
            "lo": self.lo,
            "hi": self.hi,
            "path": self.path,
            "sha256": self.sha256,
            "bytes": self.bytes,
            "n_changes": self.n_changes,
            "tx_path": self.tx_path,
            "tx_sha256": self.tx_sha256,
            "tx_bytes": self.tx_bytes,
            "n_tx": self.n_tx,
            "sig_path": self.sig_path,
        }


@dataclass(frozen=True, slots=True)
class FileEntry:
    """A member listed with its hash: a blob, a certificate, a revocation, network.json."""

    path: str
    sha256: str
    bytes: int

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "bytes": self.bytes}


@dataclass(frozen=True, slots=True)
class Manifest:
    format: int
    app_version: str
    schema_version: str
    network_id: str
    network_name: str
    district_root_fp: str
    bundle_uuid: str
    sender_site: str
    sender_bundle_seq: int
    recipient_site: str
    created_wall: int
    created_hlc: tuple[int, int]
    sender_vv: dict[str, int]
    segments: tuple[SegmentEntry, ...]
    blobs: tuple[FileEntry, ...]
    certs: tuple[FileEntry, ...]
    revocations: tuple[FileEntry, ...]
    network: FileEntry | None
    volume: tuple[int, int]
    totals: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "app_version": self.app_version,
            "schema_version": self.schema_version,
            "network_id": self.network_id,
            "network_name": self.network_name,
            "district_root_fp": self.district_root_fp,
            "bundle_uuid": self.bundle_uuid,
            "sender_site": self.sender_site,
            "sender_bundle_seq": self.sender_bundle_seq,
            "recipient_site": self.recipient_site,
            "created_wall": self.created_wall,
            "created_hlc": list(self.created_hlc),
            "sender_vv": self.sender_vv,
            "segments": [s.as_json() for s in self.segments],
            "blobs": [{"sha256": b.sha256, "bytes": b.bytes} for b in self.blobs],
            "certs": [c.as_json() for c in self.certs],
            "revocations": [r.as_json() for r in self.revocations],
            "network": self.network.as_json() if self.network else None,
            "volume": list(self.volume),
            "totals": self.totals,
        }

    def members(self) -> set[str]:
        """Every member name the manifest accounts for (besides manifest.json/.sig)."""
        names = {f"blobs/{b.sha256}" for b in self.blobs}
        names |= {c.path for c in self.certs} | {r.path for r in self.revocations}
        for s in self.segments:
            names |= {s.path, s.tx_path, s.sig_path}
        if self.network is not None:
            names.add(self.network.path)
        return names


def _get(obj: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    if key not in obj:
        raise ValueError(f"thiếu trường “{key}”")
    value = obj[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise ValueError(f"trường “{key}” sai kiểu")
    return value


def _nonneg(obj: dict[str, Any], key: str) -> int:
    value = int(_get(obj, key, int))
    if value < 0:
        raise ValueError(f"trường “{key}” âm")
    return value


def _sha(obj: dict[str, Any], key: str) -> str:
    value = str(_get(obj, key, str))
    if not re.fullmatch(r"[0-9a-f]{64}", value):
        raise ValueError(f"trường “{key}” không phải mã SHA-256")
    return value


def _site(value: object, what: str) -> str:
    if not isinstance(value, str) or not re.fullmatch(_SITE, value):
        raise ValueError(f"{what} không hợp lệ")
    return value


def parse_vv(value: object) -> dict[str, int]:
    if not isinstance(value, dict) or len(value) > MAX_VV_ENTRIES:
        raise ValueError("véc-tơ phiên bản không hợp lệ")
    vv: dict[str, int] = {}
    for k, v in value.items():
        _site(k, "mã máy trong véc-tơ phiên bản")
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            raise ValueError("véc-tơ phiên bản không hợp lệ")
        vv[k] = v
    return vv


def _file_entry(obj: object, prefix: str) -> FileEntry:
    if not isinstance(obj, dict):
        raise ValueError("mục tệp không hợp lệ")
    path = str(_get(obj, "path", str))
    if not path.startswith(prefix) or not member_name_ok(path):
        raise ValueError(f"tên tệp “{path}” không hợp lệ")
    return FileEntry(path, _sha(obj, "sha256"), _nonneg(obj, "bytes"))


def parse_manifest(data: bytes) -> Manifest:
    """The manifest from untrusted bytes; ValueError (Vietnamese detail) when malformed."""
    try:
        obj = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ValueError("manifest.json không đọc được") from exc
    if not isinstance(obj, dict):
        raise ValueError("manifest.json không phải đối tượng JSON")
    fmt = int(_get(obj, "format", int))
    segments: list[SegmentEntry] = []
    for raw in _get(obj, "segments", list):
        if not isinstance(raw, dict):
            raise ValueError("mục phần dữ liệu không hợp lệ")
        origin = _site(raw.get("origin"), "mã máy của phần dữ liệu")
        lo, hi = _nonneg(raw, "lo"), _nonneg(raw, "hi")
        if not 1 <= lo <= hi:
            raise ValueError("khoảng số thứ tự không hợp lệ")
        path, tx_path, sig_path = segment_paths(origin, lo, hi)
        if (raw.get("path"), raw.get("tx_path"), raw.get("sig_path")) != (path, tx_path, sig_path):
            raise ValueError("tên tệp phần dữ liệu không khớp")
        n_changes = _nonneg(raw, "n_changes")
        if n_changes != hi - lo + 1:
            raise ValueError("số thay đổi của phần dữ liệu không khớp")
        segments.append(
            SegmentEntry(
                origin,
                lo,
                hi,
                path,
                _sha(raw, "sha256"),
                _nonneg(raw, "bytes"),
                n_changes,
                tx_path,
                _sha(raw, "tx_sha256"),
                _nonneg(raw, "tx_bytes"),
                _nonneg(raw, "n_tx"),
                sig_path,
            )
        )
    blobs = []
    for raw in _get(obj, "blobs", list):
        if not isinstance(raw, dict):
            raise ValueError("mục tệp đính kèm không hợp lệ")
        sha = _sha(raw, "sha256")
        blobs.append(FileEntry(f"blobs/{sha}", sha, _nonneg(raw, "bytes")))
    network_raw = obj.get("network")
    hlc = _get(obj, "created_hlc", list)
    if len(hlc) != 2 or not all(isinstance(x, int) and not isinstance(x, bool) for x in hlc):
        raise ValueError("trường “created_hlc” không hợp lệ")
    volume = _get(obj, "volume", list)
    if len(volume) != 2 or not all(isinstance(x, int) for x in volume):
        raise ValueError("trường “volume” không hợp lệ")
    totals = _get(obj, "totals", dict)
    recipient = str(_get(obj, "recipient_site", str))
    if recipient != "*":
        _site(recipient, "máy nhận")
    manifest = Manifest(
        format=fmt,
        app_version=str(_get(obj, "app_version", str)),
        schema_version=str(_get(obj, "schema_version", str)),
        network_id=str(_get(obj, "network_id", str)),
        network_name=str(_get(obj, "network_name", str)),
        district_root_fp=str(_get(obj, "district_root_fp", str)),
        bundle_uuid=str(_get(obj, "bundle_uuid", str)),
        sender_site=_site(obj.get("sender_site"), "máy gửi"),
        sender_bundle_seq=_nonneg(obj, "sender_bundle_seq"),
        recipient_site=recipient,
        created_wall=int(_get(obj, "created_wall", int)),
        created_hlc=(int(hlc[0]), int(hlc[1])),
        sender_vv=parse_vv(_get(obj, "sender_vv", dict)),
        segments=tuple(segments),
        blobs=tuple(blobs),
        certs=tuple(_file_entry(c, "certs/") for c in _get(obj, "certs", list)),
        revocations=tuple(_file_entry(c, "revocations/") for c in _get(obj, "revocations", list)),
        network=_file_entry(network_raw, "network.json") if network_raw is not None else None,
        volume=(int(volume[0]), int(volume[1])),
        totals={str(k): int(v) for k, v in totals.items() if isinstance(v, int)},
    )
    return manifest


# ---------------------------------------------------------------------------- strict reader


class _CountingReader:
    """Reads a member, hashing, and refusing more bytes than announced."""

    def __init__(self, raw: IO[bytes], limit: int, name: str) -> None:
        self.raw = raw
        self.limit = limit
        self.name = name
        self.read_bytes = 0
        self.digest = hashlib.sha256()

    def read(self, n: int = -1) -> bytes:
        chunk = self.raw.read(n if n >= 0 else self.limit + 1)
        self.read_bytes += len(chunk)
        if self.read_bytes > self.limit:
            raise _fail(TOO_BIG, detail=f"tệp {self.name} lớn hơn khai báo")
        self.digest.update(chunk)
        return chunk


class BundleReader:
    """A bundle opened for reading without extraction, with every structural check done."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            size = self.path.stat().st_size
        except OSError as exc:
            raise SyncError(f"Không đọc được tệp {self.path}: {os_reason(exc)}") from exc
        if size > MAX_BUNDLE_BYTES:
            raise _fail(TOO_BIG, detail=f"tệp {size} byte")
        try:
            self.zf = zipfile.ZipFile(self.path)
        except OSError as exc:
            raise SyncError(f"Không đọc được tệp {self.path}: {os_reason(exc)}") from exc
        except (*_MEMBER_ERRORS, zipfile.LargeZipFile, ValueError) as exc:
            # NotImplementedError: a directory entry asks for a zip version nobody writes
            raise SyncError(NOT_A_BUNDLE) from exc
        try:
            self.infos = self._check_members()
        except BaseException:
            self.zf.close()
            raise

    def close(self) -> None:
        self.zf.close()

    def __enter__(self) -> BundleReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _check_members(self) -> dict[str, zipfile.ZipInfo]:
        infos = self.zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _fail(TOO_BIG, detail=f"{len(infos)} tệp bên trong")
        found: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename
            if name != info.orig_filename or not member_name_ok(name):
                raise _fail(UNSAFE, detail=f"tên tệp “{name[:80]}”")
            if name in found:
                raise _fail(UNSAFE, detail=f"tệp “{name}” xuất hiện hai lần")
            mode = (info.external_attr >> 16) & 0o170000
            if mode and not stat.S_ISREG(mode):
                raise _fail(UNSAFE, detail=f"“{name}” là liên kết hoặc thư mục")
            if info.flag_bits & 0x41:  # encrypted, or strongly encrypted
                raise _fail(UNSAFE, detail=f"“{name}” được mã hoá")
            if info.flag_bits & 0x20:  # "patched data": never written by this program
                raise _fail(UNSAFE, detail=f"“{name}” nén theo cách không hỗ trợ")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise _fail(UNSAFE, detail=f"“{name}” nén theo cách không hỗ trợ")
            limit = self._limit(name)
            if info.file_size > limit:
                raise _fail(TOO_BIG, detail=f"tệp {name} {info.file_size} byte")
            if (
                info.compress_type == zipfile.ZIP_DEFLATED
                and info.file_size > RATIO_FLOOR
                and info.file_size > MAX_RATIO * max(info.compress_size, 1)
            ):
                raise _fail(TOO_BIG, detail=f"tỷ lệ nén của {name} bất thường")
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise _fail(TOO_BIG, detail="tổng dung lượng giải nén")
            found[name] = info
        for required in ("manifest.json", "manifest.sig"):
            if required not in found:
                raise _fail(BAD_FORMAT, detail=f"thiếu {required}")
        return found

    @staticmethod
    def _limit(name: str) -> int:
        if name == "manifest.json":
            return MAX_MANIFEST_BYTES
        if name.startswith("blobs/"):
            return MAX_BLOB_BYTES
        if name.startswith("log/") and not name.endswith(".sig"):
            return MAX_LOG_MEMBER_BYTES
        return MAX_RECORD_BYTES

    def names(self) -> set[str]:
        return set(self.infos)

    def size_of(self, name: str) -> int:
        return self.infos[name].file_size

    def read(self, name: str) -> bytes:
        """A whole small member (manifest, signature, certificate), bounded."""
        info = self.infos.get(name)
        if info is None:
            raise _fail(BAD_FORMAT, detail=f"thiếu {name}")
        try:
            with self.zf.open(info) as raw:
                reader = _CountingReader(raw, self._limit(name), name)
                return reader.read(-1)
        except _MEMBER_ERRORS as exc:
            raise _fail(DAMAGED, detail=f"tệp {name}") from exc

    def hash_member(self, name: str) -> tuple[str, int]:
        """(sha256 hex, size) of a member, streamed."""
        with self.stream(name) as (reader, chunks):
            for _ in chunks:
                pass
            return reader.digest.hexdigest(), reader.read_bytes

    def stream(self, name: str) -> _MemberStream:
        return _MemberStream(self, name)

    def lines(self, name: str) -> Iterator[str]:
        """The UTF-8 lines of a JSONL member (without newlines), bounded per line."""
        with self.stream(name) as (_reader, chunks):
            pending = b""
            for chunk in chunks:
                pending += chunk
                *complete, pending = pending.split(b"\n")
                if len(pending) > MAX_LINE_BYTES:
                    raise _fail(TOO_BIG, detail=f"một dòng của {name}")
                for raw in complete:
                    yield _decode(raw, name)
            if pending:
                raise _fail(BAD_FORMAT, detail=f"{name} không kết thúc bằng xuống dòng")


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _fail(BAD_FORMAT, detail=f"{name} không phải UTF-8") from exc


class _MemberStream:
    """Context manager yielding (reader, chunk iterator); maps zip errors to DAMAGED."""

    def __init__(self, bundle: BundleReader, name: str) -> None:
        self.bundle = bundle
        self.name = name
        self.raw: IO[bytes] | None = None

    def __enter__(self) -> tuple[_CountingReader, Iterator[bytes]]:
        info = self.bundle.infos.get(self.name)
        if info is None:
            raise _fail(BAD_FORMAT, detail=f"thiếu {self.name}")
        try:
            self.raw = self.bundle.zf.open(info)
        except _MEMBER_ERRORS as exc:
            raise _fail(DAMAGED, detail=f"tệp {self.name}") from exc
        reader = _CountingReader(self.raw, BundleReader._limit(self.name), self.name)
        return reader, self._chunks(reader)

    def _chunks(self, reader: _CountingReader) -> Iterator[bytes]:
        try:
            yield from iter(partial(reader.read, 1 << 20), b"")
        except _MEMBER_ERRORS as exc:
            raise _fail(DAMAGED, detail=f"tệp {self.name}") from exc

    def __exit__(self, *_exc: object) -> None:
        if self.raw is not None:
            self.raw.close()


ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


def verify_members(
    reader: BundleReader,
    manifest: Manifest,
    pubkey_of: Callable[[str], bytes],
    verify_sig: Callable[[bytes, bytes, bytes], bool],
    progress: Callable[[int], None] | None = None,
) -> None:
    """Check the member set, every member's size and SHA-256, and every segment signature.

    `pubkey_of(origin)` gives an origin's public key; `verify_sig(pubkey, data, sig)` checks a
    segment signature. Raises SyncError with the message of the first failure.
    """
    listed = manifest.members()
    present = reader.names() - {"manifest.json", "manifest.sig"}
    if present - listed:
        extra = sorted(present - listed)[0]
        raise _fail(UNSAFE, detail=f"tệp “{extra}” không có trong danh mục")
    if listed - present:
        missing = sorted(listed - present)[0]
        raise _fail(DAMAGED, detail=f"thiếu tệp {missing}")
    entries: list[FileEntry] = [*manifest.blobs, *manifest.certs, *manifest.revocations]
    if manifest.network is not None:
        entries.append(manifest.network)
    for s in manifest.segments:
        entries.append(FileEntry(s.path, s.sha256, s.bytes))
        entries.append(FileEntry(s.tx_path, s.tx_sha256, s.tx_bytes))
    for entry in entries:
        if reader.size_of(entry.path) != entry.bytes:
            raise _fail(BAD_HASH, member=entry.path)
        digest, size = reader.hash_member(entry.path)
        if digest != entry.sha256 or size != entry.bytes:
            raise _fail(BAD_HASH, member=entry.path)
        if progress is not None:
            progress(size)
    for s in manifest.segments:
        signature = reader.read(s.sig_path)
        data = segment_signed_bytes(s.sha256, s.tx_sha256)
        if not verify_sig(pubkey_of(s.origin), data, signature):
            raise _fail(BAD_SEGMENT_SIGNATURE, site=s.origin)
