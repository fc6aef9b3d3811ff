"""Evidence files travel by hash, byte for byte; a missing file holds the prefix back."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from cchc_desktop.errors import NotFoundError
from cchc_desktop.services import evidence_service
from cchc_desktop.store.evidence_files import blob_path, copy_files, has_blob
from cchc_desktop.sync.export import export_bundle, export_bundles
from cchc_desktop.sync.importer import import_bundle
from tests.unit.sync.netkit import TASKS, Net, Office, deliver, edit, progress_row


def attach(office: Office, progress: str, source: Path) -> str:
    evidence_service.attach_files(office.db, office.path, progress, [source])
    return hashlib.sha256(source.read_bytes()).hexdigest()


def test_attaching_keeps_one_copy_by_content(net: Net, tmp_path: Path) -> None:
    source = tmp_path / "bien-ban.pdf"
    source.write_bytes(b"%PDF-1.4 " + os.urandom(3000))
    row = progress_row(net.a1, TASKS[0], percent=100)
    sha = attach(net.a1, row, source)
    assert blob_path(net.a1.path, sha) == net.a1.path.parent / "evidence" / sha[:2] / sha
    assert blob_path(net.a1.path, sha).read_bytes() == source.read_bytes()
    [again] = copy_files(net.a1.path, [source])
    assert (again.sha256, again.size, again.mime) == (sha, 3009, "application/pdf")
    assert net.a1.db.execute("SELECT sha256, size, mime FROM blob").fetchall() == [
        (sha, source.stat().st_size, "application/pdf")
    ]
    [record] = evidence_service.list_evidence(net.a1.db, row)
    assert (record.file_name, record.sha256, record.size) == ("bien-ban.pdf", sha, 3009)
    with pytest.raises(NotFoundError, match="Không tìm thấy tệp"):
        evidence_service.attach_files(net.a1.db, net.a1.path, row, [tmp_path / "missing.pdf"])


def test_evidence_files_round_trip_byte_for_byte(net: Net, tmp_path: Path) -> None:
    row = progress_row(net.a1, TASKS[0], percent=100)
    files = []
    for n, size in enumerate((0, 1, 70_000, 1_500_000)):
        source = tmp_path / f"minh-chung-{n}.bin"
        source.write_bytes(os.urandom(size))
        files.append((source, attach(net.a1, row, source)))
    result = deliver(net.a1, net.district, net.usb)
    assert result.n_blobs == 4
    deliver(net.district, net.a2, net.usb)
    for office in (net.district, net.a2):
        for source, sha in files:
            assert blob_path(office.path, sha).read_bytes() == source.read_bytes()
        names = office.db.execute("SELECT file_name FROM evidence ORDER BY file_name").fetchall()
        assert names == [(s.name,) for s, _ in files]
    # Commune B never receives commune A's files.
    deliver(net.district, net.b1, net.usb)
    assert not any(has_blob(net.b1.path, sha) for _s, sha in files)


def test_a_change_whose_file_is_missing_waits_for_it(net: Net, tmp_path: Path) -> None:
    row = progress_row(net.a1, TASKS[0], percent=100)
    source = tmp_path / "anh.jpg"
    source.write_bytes(os.urandom(5000))
    sha = attach(net.a1, row, source)
    kept = blob_path(net.a1.path, sha).read_bytes()
    blob_path(net.a1.path, sha).unlink()  # the file went missing on the sender
    result = deliver(net.a1, net.district, net.usb)
    assert result.gaps
    assert "tệp đính kèm" in result.gaps[0]
    assert net.district.db.execute("SELECT count(*) FROM evidence").fetchone() == (1,)
    cm = "SELECT contiguous_max FROM origin_progress WHERE origin = ?"
    held = net.district.db.execute(cm, [net.a1.site_id]).fetchone()[0]
    seq = net.a1.db.execute(
        "SELECT seq FROM change_log WHERE tbl = 'evidence' AND field = 'sha256'"
    ).fetchone()[0]
    assert held == seq - 1
    # The acknowledgement stops before it, so the next bundle sends it again, with the file.
    deliver(net.district, net.a1, net.usb)
    blob_path(net.a1.path, sha).write_bytes(kept)
    result = deliver(net.a1, net.district, net.usb)
    assert result.gaps == ()
    assert blob_path(net.district.path, sha).read_bytes() == kept
    last = net.a1.db.execute("SELECT next_seq - 1 FROM local_site").fetchone()[0]
    assert net.district.db.execute(cm, [net.a1.site_id]).fetchone()[0] == last


def test_large_attachment_sets_are_split_into_volumes(net: Net, tmp_path: Path) -> None:
    row = progress_row(net.a1, TASKS[1], percent=50)
    shas = []
    for n in range(5):
        source = tmp_path / f"scan-{n}.pdf"
        source.write_bytes(os.urandom(40_000))
        shas.append(attach(net.a1, row, source))
    bundles = export_bundles(net.a1.db, net.usb, peer=net.district.site_id, volume_limit=90_000)
    assert len(bundles) == 3
    assert [b.path.name.split("_")[-1] for b in bundles] == [
        "part1of3.hcb",
        "part2of3.hcb",
        "part3of3.hcb",
    ]
    # Volumes may arrive in any order.
    for bundle in reversed(bundles):
        import_bundle(net.district.db, bundle.path)
    assert all(has_blob(net.district.path, sha) for sha in shas)
    last = net.a1.db.execute("SELECT next_seq - 1 FROM local_site").fetchone()[0]
    assert net.district.db.execute(
        "SELECT contiguous_max, gaps FROM origin_progress WHERE origin = ?", [net.a1.site_id]
    ).fetchone() == (last, None)
    assert net.district.db.execute("SELECT count(*) FROM missing_blob").fetchone() == (0,)


def test_export_skips_files_the_peer_already_has(net: Net, tmp_path: Path) -> None:
    row = progress_row(net.a1, TASKS[0], percent=10)
    source = tmp_path / "a.pdf"
    source.write_bytes(os.urandom(10_000))
    attach(net.a1, row, source)
    deliver(net.a1, net.district, net.usb)
    deliver(net.district, net.a1, net.usb)
    edit(net.a1, "progress", row, percent=20)
    [path] = export_bundle(net.a1.db, net.usb, peer=net.district.site_id)
    assert import_bundle(net.district.db, path).n_blobs == 0
