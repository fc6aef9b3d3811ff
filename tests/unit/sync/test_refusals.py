"""Bundles that must be refused, each with its own message, changing nothing (F3–F5)."""

from __future__ import annotations

import json
import random
import stat
import warnings
import zipfile
from pathlib import Path

import pytest

from cchc_desktop.errors import SyncError
from cchc_desktop.store.db import open_database
from cchc_desktop.sync import network
from cchc_desktop.sync.bundle import MAX_RATIO, RATIO_FLOOR
from cchc_desktop.sync.export import export_bundle
from cchc_desktop.sync.importer import import_bundle
from tests.unit.sync.netkit import (
    TASKS,
    Net,
    new_district,
    progress_row,
    rewrite_bundle,
    site_private_key,
    snapshot,
)


@pytest.fixture
def bundle(net: Net) -> Path:
    progress_row(net.a1, TASKS[0], percent=40, result="Đã triển khai")
    [path] = export_bundle(net.a1.db, net.usb, peer=net.district.site_id)
    return path


def refused(net: Net, path: Path, message: str) -> None:
    """Importing `path` at the district is refused with `message` and changes nothing."""
    before = snapshot(net.district.db)
    with pytest.raises(SyncError, match=message):
        import_bundle(net.district.db, path)
    with pytest.raises(SyncError, match=message):
        import_bundle(net.district.db, path, dry_run=True)
    assert snapshot(net.district.db) == before


def test_a_good_bundle_imports(net: Net, bundle: Path) -> None:
    assert import_bundle(net.district.db, bundle).n_new == 6


def test_a_truncated_bundle_is_refused_and_a_full_copy_then_works(
    net: Net, bundle: Path, tmp_path: Path
) -> None:
    data = bundle.read_bytes()
    rng = random.Random(3)
    for cut in [0, 1, 22, len(data) // 2, len(data) - 1, *rng.sample(range(len(data)), 6)]:
        part = tmp_path / f"cut{cut}.hcb"
        part.write_bytes(data[:cut])
        refused(
            net, part, "Tệp không phải gói dữ liệu CCHC|bị hỏng|đã bị sửa đổi|không đúng định dạng"
        )
    assert import_bundle(net.district.db, bundle).n_new == 6


def test_bit_flips_anywhere_are_refused(net: Net, bundle: Path, tmp_path: Path) -> None:
    data = bundle.read_bytes()
    rng = random.Random(7)
    for n, offset in enumerate(rng.sample(range(len(data)), 25)):
        flipped = bytearray(data)
        flipped[offset] ^= 1 << rng.randrange(8)
        path = tmp_path / f"flip{n}.hcb"
        path.write_bytes(bytes(flipped))
        before = snapshot(net.district.db)
        try:
            import_bundle(net.district.db, path)
        except SyncError:
            assert snapshot(net.district.db) == before
        else:  # a flip in a part of the ZIP nobody reads (e.g. a timestamp) is harmless
            with zipfile.ZipFile(path) as zf, zipfile.ZipFile(bundle) as orig:
                assert all(zf.read(n) == orig.read(n) for n in orig.namelist())
            break


def test_random_bytes_are_not_a_bundle(net: Net, tmp_path: Path) -> None:
    path = tmp_path / "noise.hcb"
    path.write_bytes(random.Random(1).randbytes(5000))
    refused(net, path, "Tệp không phải gói dữ liệu CCHC")


def test_a_changed_member_fails_its_hash_and_a_changed_manifest_its_signature(
    net: Net, bundle: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(bundle) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    segment = next(n for n in members if n.endswith(".jsonl") and not n.endswith("tx.jsonl"))
    changed = dict(members)
    changed[segment] = members[segment].replace(b"40", b"90")
    path = _zip(tmp_path / "member.hcb", changed)
    refused(net, path, "Gói dữ liệu đã bị sửa đổi hoặc hỏng: tệp log/.* không khớp mã kiểm tra")
    manifest = json.loads(members["manifest.json"])
    manifest["totals"]["changes"] = 1
    changed = dict(members)
    changed["manifest.json"] = json.dumps(manifest).encode()
    path = _zip(tmp_path / "manifest.hcb", changed)
    refused(net, path, "Gói dữ liệu đã bị sửa đổi hoặc hỏng: chữ ký không hợp lệ.")


def _zip(path: Path, members: dict[str, bytes], **infos: zipfile.ZipInfo) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(infos.get(name, name), data)
    return path


def test_path_tricks_links_duplicates_and_odd_names_are_refused(
    net: Net, bundle: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(bundle) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    for evil in ("../evil.txt", "/etc/passwd", "blobs/../../x", "log\\..\\x", "C:/x", "extra/"):
        path = _zip(tmp_path / "slip.hcb", {**members, evil: b"x"})
        refused(net, path, "không an toàn")
    link = zipfile.ZipInfo("blobs/" + "a" * 64)
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    path = tmp_path / "link.hcb"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        zf.writestr(link, "/etc/passwd")
    refused(net, path, "liên kết")
    path = tmp_path / "dup.hcb"
    with zipfile.ZipFile(path, "w") as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, data in members.items():
            zf.writestr(name, data)
        zf.writestr("manifest.sig", b"again")
    refused(net, path, "xuất hiện hai lần")
    # A name that is not valid UTF-8 (read as cp437) is refused.
    path = tmp_path / "cp437.hcb"
    odd = zipfile.ZipInfo("certs/\x81x.json")
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        zf.writestr(odd, b"{}")
    refused(net, path, "không an toàn")
    # A member that the manifest does not list is refused.
    path = _zip(tmp_path / "unlisted.hcb", {**members, "blobs/" + "b" * 64: b"x"})
    refused(net, path, "không có trong danh mục")


def test_a_zip_bomb_is_refused_before_it_is_read(net: Net, bundle: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(bundle) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    size = max(RATIO_FLOOR * 4, 20_000_000)
    assert size > MAX_RATIO * 50_000
    path = _zip(tmp_path / "bomb.hcb", {**members, "blobs/" + "c" * 64: bytes(size)})
    assert path.stat().st_size < 200_000
    refused(net, path, "vượt giới hạn an toàn")


def test_deeply_nested_json_is_refused(net: Net, bundle: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(bundle) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["manifest.json"] = b"[" * 100_000 + b"]" * 100_000
    stored = zipfile.ZipInfo("manifest.json")
    stored.compress_type = zipfile.ZIP_STORED
    path = _zip(tmp_path / "deep.hcb", members, **{"manifest.json": stored})
    refused(net, path, "không đúng định dạng")


def test_another_districts_bundle_is_refused(net: Net, tmp_path: Path) -> None:
    other = new_district(tmp_path / "other", "Huyện Bên Cạnh")
    [foreign] = export_bundle(other.db, tmp_path / "usb2", peer="*")
    refused(net, foreign, "Gói dữ liệu thuộc mạng khác \\(huyện khác\\): gói của “Huyện Bên Cạnh”")
    before = snapshot(net.a1.db)
    with pytest.raises(SyncError, match="thuộc mạng khác"):
        import_bundle(net.a1.db, foreign)
    assert snapshot(net.a1.db) == before
    # Claiming our network id does not help: its certificates are not signed by our root.
    ours = network.network_info(net.district.db)
    assert ours is not None

    def pretend(obj: dict[str, object]) -> None:
        obj["network_id"] = ours.network_id
        obj["district_root_fp"] = ours.root_fp

    forged = rewrite_bundle(
        foreign, tmp_path / "forged.hcb", sender_key=site_private_key(other), manifest=pretend
    )
    refused(net, forged, "chứng nhận máy không hợp lệ")
    other.close()


def test_a_replayed_bundle_changes_nothing(net: Net, bundle: Path) -> None:
    import_bundle(net.district.db, bundle)
    before = snapshot(net.district.db)
    result = import_bundle(net.district.db, bundle)
    assert result.status == "already"
    assert "đã được nhập ngày" in result.message
    assert snapshot(net.district.db) == before


def test_a_bundle_for_another_pc_or_from_this_pc_is_refused(net: Net, bundle: Path) -> None:
    [for_a1] = export_bundle(net.district.db, net.usb, peer=net.a1.site_id)
    before = snapshot(net.a2.db)
    with pytest.raises(SyncError, match="dành cho máy khác"):
        import_bundle(net.a2.db, for_a1)
    assert snapshot(net.a2.db) == before
    with pytest.raises(SyncError, match="chính máy này tạo ra"):
        import_bundle(net.a1.db, bundle)


def test_a_pc_that_has_not_joined_cannot_import_someone_elses_bundle(
    net: Net, tmp_path: Path
) -> None:
    [everyone] = export_bundle(net.district.db, net.usb, peer="*")
    fresh = open_database(tmp_path / "fresh" / "cchc.db", role="commune")
    network.enrol_request(fresh, "Xã Mới", tmp_path / "r.json")
    with pytest.raises(SyncError, match="chưa tham gia mạng đồng bộ"):
        import_bundle(fresh, everyone)
    assert fresh.execute("SELECT network_id FROM local_site").fetchone() == (None,)


def test_a_newer_format_asks_for_an_update(net: Net, bundle: Path, tmp_path: Path) -> None:
    def newer(obj: dict[str, object]) -> None:
        obj["format"] = 2

    path = rewrite_bundle(
        bundle, tmp_path / "v2.hcb", sender_key=site_private_key(net.a1), manifest=newer
    )
    refused(net, path, "phiên bản mới hơn")

    def newer_schema(obj: dict[str, object]) -> None:
        obj["schema_version"] = "9999_future"

    path = rewrite_bundle(
        bundle, tmp_path / "s.hcb", sender_key=site_private_key(net.a1), manifest=newer_schema
    )
    refused(net, path, "phiên bản mới hơn")


def test_validly_signed_hostile_content(net: Net, bundle: Path, tmp_path: Path) -> None:
    """Content signed with the origin's real key (a compromised PC) is still checked."""
    key = site_private_key(net.a1)

    def percent_150(_path: str, lines: list[str]) -> list[str]:
        return [line.replace('"value":40', '"value":150') for line in lines]

    path = rewrite_bundle(
        bundle, tmp_path / "150.hcb", sender_key=key, origin_key=lambda _o: key, lines=percent_150
    )
    result = import_bundle(net.district.db, path)
    assert result.n_quarantined == 1
    assert net.district.db.execute("SELECT reason FROM quarantine").fetchall() == [("invalid",)]
    # Only the bad field is set aside; the rest of the row stands.
    assert net.district.db.execute("SELECT percent, result FROM progress").fetchone() == (
        None,
        "Đã triển khai",
    )

    def spaced(_path: str, lines: list[str]) -> list[str]:
        return [line.replace(",", ", ", 1) for line in lines]

    path = rewrite_bundle(
        bundle, tmp_path / "sp.hcb", sender_key=key, origin_key=lambda _o: key, lines=spaced
    )
    refused(net, path, "dòng không chuẩn")

    def unknown_table(_path: str, lines: list[str]) -> list[str]:
        return [line.replace('"tbl":"progress"', '"tbl":"local_site"') for line in lines]

    path = rewrite_bundle(
        bundle, tmp_path / "t.hcb", sender_key=key, origin_key=lambda _o: key, lines=unknown_table
    )
    before = net.district.db.execute("SELECT * FROM local_site").fetchall()
    import_bundle(net.district.db, path)
    assert net.district.db.execute("SELECT * FROM local_site").fetchall() == before

    def one_line_less(_path: str, lines: list[str]) -> list[str]:
        return lines[:-1]

    path = rewrite_bundle(
        bundle,
        tmp_path / "short.hcb",
        sender_key=key,
        origin_key=lambda _o: key,
        lines=one_line_less,
    )
    refused(net, path, "không đúng định dạng")
    # Signed by the sender but not by the origin: the segment signature fails.
    other = site_private_key(net.a2)
    path = rewrite_bundle(
        bundle, tmp_path / "seg.hcb", sender_key=key, origin_key=lambda _o: other, lines=percent_150
    )
    refused(net, path, "chữ ký phần dữ liệu của máy")


def test_refused_bundles_are_kept_once_in_a_bounded_folder(
    net: Net, bundle: Path, tmp_path: Path
) -> None:
    inbox = net.district.path.parent / "inbox"
    data = bundle.read_bytes()
    broken = tmp_path / "broken.hcb"
    broken.write_bytes(data[: len(data) // 2])
    for attempt in range(5):  # the same refused file, tried again and under other names
        copy = tmp_path / f"attempt{attempt}.hcb"
        copy.write_bytes(broken.read_bytes())
        with pytest.raises(SyncError):
            import_bundle(net.district.db, copy)
    refused_folder = inbox / "refused"
    assert [p.name.split("-", 1)[1] for p in refused_folder.iterdir()] == ["attempt0.hcb"]
    assert not [p for p in inbox.iterdir() if p.is_file()], "no refused copy stays in the inbox"

    for n in range(30):  # thirty different refused files: only the newest twenty are kept
        other = tmp_path / f"other{n}.hcb"
        other.write_bytes(data[: 100 + n])
        with pytest.raises(SyncError):
            import_bundle(net.district.db, other)
    assert len(list(refused_folder.iterdir())) == 20
    # A good bundle is not set aside.
    assert import_bundle(net.district.db, bundle).n_new == 6
    assert len([p for p in inbox.iterdir() if p.is_file()]) == 1


def test_a_member_flagged_in_an_unsupported_way_is_refused(
    net: Net, bundle: Path, tmp_path: Path
) -> None:
    """A member flagged "patched data" (bit 5) or "strong encryption" (bit 6) in the zip's
    directory, as a fuzzed copy had: refused, never an unexpected error."""
    data = bytearray(bundle.read_bytes())
    entry = data.index(b"PK\x01\x02")
    while True:  # find manifest.json's entry in the central directory
        name_length = int.from_bytes(data[entry + 28 : entry + 30], "little")
        if data[entry + 46 : entry + 46 + name_length] == b"manifest.json":
            break
        extra = int.from_bytes(data[entry + 30 : entry + 32], "little")
        comment = int.from_bytes(data[entry + 32 : entry + 34], "little")
        entry += 46 + name_length + extra + comment
        assert data[entry : entry + 4] == b"PK\x01\x02"
    for bit, name in ((0x20, "patched"), (0x40, "strong")):
        odd = bytearray(data)
        odd[entry + 8] |= bit  # the general-purpose flags of the directory entry
        path = tmp_path / f"{name}.hcb"
        path.write_bytes(bytes(odd))
        refused(net, path, "không an toàn")
    # "version needed to extract" 12.9: Python's zip reader will not even list the members
    odd = bytearray(data)
    odd[entry + 6] = 129
    path = tmp_path / "version.hcb"
    path.write_bytes(bytes(odd))
    refused(net, path, "Tệp không phải gói dữ liệu CCHC")
