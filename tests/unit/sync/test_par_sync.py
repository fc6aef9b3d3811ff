"""The PAR index over USB bundles: the district's criteria reach the communes, a commune's self
assessment (scores, notes, linked and attached evidence) reaches the district, the district's
appraisal goes back; each side may write only its own part."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cchc_desktop.domain import par
from cchc_desktop.errors import OwnershipError, ValidationError
from cchc_desktop.importer import par_criteria
from cchc_desktop.services import par_evidence, par_service
from cchc_desktop.store import evidence_files as blobs
from tests.unit.sync.netkit import Net, deliver

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "par" / "bo_chi_so_xa.txt"


def test_self_assessment_and_appraisal_round_trip(net: Net, tmp_path: Path) -> None:
    district, commune, other = net.district, net.a1, net.b1
    par_service.import_criteria(
        district.db, par_criteria.read_file(FIXTURE), year=2020, level="commune"
    )
    # A commune may not import or change the criteria.
    with pytest.raises(OwnershipError):
        par_service.import_criteria(
            commune.db, par_criteria.read_file(FIXTURE), year=2020, level="commune"
        )
    deliver(district, commune, net.usb)
    deliver(district, other, net.usb)
    set_a = par_service.load_set(commune.db, 2020)
    assert set_a.level == "commune"
    assert len(set_a.areas) == 8
    unit = commune.unit_id
    assert par_service.own_unit(commune.db) == unit

    par_service.set_score(commune.db, set_a, "1.1.1", "1", unit=unit, note="KH số 05/KH-UBND")
    par_service.set_score(commune.db, set_a, "3.3.1", "2", unit=unit)
    scan = tmp_path / "KH 05-KH-UBND.pdf"
    scan.write_bytes(b"%PDF-1.4 ke hoach cchc xa an")
    sha = par_evidence.store_file(commune.db, commune.path, scan)
    par_evidence.attach_file(
        commune.db, set_a, "1.1.1", unit, sha256=sha, file_name=scan.name, size=28
    )
    # The commune may not appraise itself.
    with pytest.raises(OwnershipError):
        par_service.appraise(commune.db, set_a, "1.1.1", "1", unit=unit)
    par_service.set_score(
        other.db, par_service.load_set(other.db, 2020), "1.1.1", "0,5", unit=other.unit_id
    )

    deliver(commune, district, net.usb)
    deliver(other, district, net.usb)
    set_d = par_service.load_set(district.db, 2020, "commune")
    given = par_service.scores(district.db, set_d, unit)
    assert given[set_d.node("1.1.1").id].score == Decimal(1)
    assert given[set_d.node("1.1.1").id].note == "KH số 05/KH-UBND"
    files = par_evidence.linked(district.db, set_d, "1.1.1", unit)
    assert [(f.kind, f.file_name, f.sha256) for f in files] == [("file", scan.name, sha)]
    assert blobs.blob_path(district.path, sha).read_bytes() == scan.read_bytes()
    # The district may not change a commune's self score, only appraise it.
    with pytest.raises(OwnershipError):
        par_service.set_score(district.db, set_d, "1.1.1", "0", unit=unit)
    par_service.appraise(district.db, set_d, "1.1.1", "0,5", unit=unit, note="Ban hành chậm")
    par_service.appraise(district.db, set_d, "3.3.1", "2", unit=unit)

    ranked = par_service.ranking(district.db, set_d)
    assert [(r.rank, r.unit_id, r.total) for r in ranked] == [
        (1, unit, Decimal("2.5")),
        (2, other.unit_id, Decimal("0.5")),
    ]
    assert ranked[0].appraised
    assert not ranked[1].appraised
    assert ranked[0].areas[:3] == (Decimal("0.5"), None, Decimal(2))

    deliver(district, commune, net.usb)
    back = par_service.scores(commune.db, set_a, unit)[set_a.node("1.1.1").id]
    assert (back.score, back.appraised, back.appraisal_note) == (
        Decimal(1),
        Decimal("0.5"),
        "Ban hành chậm",
    )
    quarantined = commune.db.execute("SELECT count(*) FROM quarantine").fetchone()[0]
    assert quarantined == 0


def test_the_district_appraises_blank_and_survey_criteria_and_they_reach_the_commune(
    net: Net,
) -> None:
    """A criterion the commune left blank can be appraised; survey points (area VIII, from
    the province's survey) are recorded by the commune as published, and the office above
    may correct them in its appraisal."""
    district, commune = net.district, net.a1
    par_service.import_criteria(
        district.db, par_criteria.read_file(FIXTURE), year=2020, level="commune"
    )
    deliver(district, commune, net.usb)
    set_a = par_service.load_set(commune.db, 2020)
    unit = commune.unit_id
    par_service.set_score(commune.db, set_a, "1.1.1", "1", unit=unit)
    survey = set_a.node("8.1")
    assert not survey.self_assessed
    par_service.set_score(commune.db, set_a, "8.1", "4,5", unit=unit, note="Kết quả công bố")
    with pytest.raises(ValidationError, match="Điểm điều tra xã hội học 99 vượt"):
        par_service.set_score(commune.db, set_a, "8.1", "99", unit=unit)
    deliver(commune, district, net.usb)

    set_d = par_service.load_set(district.db, 2020, "commune")
    assert set_d.node("2.1") is not None
    received = par_service.scores(district.db, set_d, unit)[set_d.node("8.1").id]
    assert (received.score, received.note) == (Decimal("4.5"), "Kết quả công bố")
    blank = next(n for n in par.walk(set_d.areas) if not n.children and n.code.startswith("2."))
    assert set_d.node(blank.code).id not in par_service.scores(district.db, set_d, unit)
    par_service.appraise(district.db, set_d, blank.code, "0", unit=unit, note="Không có hồ sơ")
    par_service.appraise(district.db, set_d, "8.1", "5", unit=unit, note="Kết quả điều tra")
    with pytest.raises(ValidationError, match="vượt điểm tối đa"):
        par_service.appraise(district.db, set_d, "8.2", "7", unit=unit)
    appraised = par_service.totals(
        set_d, par_service.scores(district.db, set_d, unit), appraised=True
    )
    assert appraised["8"] == Decimal(5)
    assert appraised[blank.code] == Decimal(0)

    deliver(district, commune, net.usb)
    back = par_service.scores(commune.db, set_a, unit)
    assert back[set_a.node("8.1").id].appraised == Decimal(5)
    assert back[set_a.node("8.1").id].score == Decimal("4.5")  # the commune's record stays
    assert back[set_a.node(blank.code).id].appraisal_note == "Không có hồ sơ"
    assert back[set_a.node("1.1.1").id].score == Decimal(1)
    assert commune.db.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 0
