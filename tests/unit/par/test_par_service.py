"""Scoring a unit against a stored criteria set, proposing the year's evidence, the hand-in."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlite_utils import Database

from cchc_desktop.errors import NotFoundError, ValidationError
from cchc_desktop.importer import par_criteria
from cchc_desktop.reports.par_handin import write_handin
from cchc_desktop.services import (
    evidence_service,
    par_evidence,
    par_service,
    progress_service,
    register_service,
)
from cchc_desktop.services.par_service import ParSet
from cchc_desktop.services.plan_service import plan_for_year
from cchc_desktop.services.settings_service import load_office_settings
from cchc_desktop.store import evidence_files as blobs
from tests.conftest import MakeDb

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "par" / "bo_chi_so_xa.txt"


@pytest.fixture
def db(make_db: MakeDb) -> Database:
    database = make_db()
    parsed = par_criteria.read_file(FIXTURE)
    par_service.import_criteria(database, parsed, year=2020, level="commune", source=FIXTURE.name)
    return database


@pytest.fixture
def set_(db: Database) -> ParSet:
    return par_service.load_set(db, 2020, "commune")


def _blob_file(db_path: Path) -> Callable[[str], Path | None]:
    def blob_file(digest: str) -> Path | None:
        return blobs.blob_path(db_path, digest) if blobs.has_blob(db_path, digest) else None

    return blob_file


def _unit(db: Database) -> str:
    unit = par_service.own_unit(db, 2020)
    assert unit is not None
    return unit


def test_stored_tree_round_trips(set_: ParSet) -> None:
    assert len(set_.areas) == 8
    assert set_.total == Decimal(100)
    assert set_.node("3.3.1").max_score == Decimal(3)
    assert set_.node("3.3.1").id == par_service.criterion_id(set_.id, "3.3.1")
    with pytest.raises(NotFoundError, match=r"Không có tiêu chí 9\.9"):
        set_.node("9.9")


def test_scoring_bounds(db: Database, set_: ParSet) -> None:
    unit = _unit(db)
    par_service.set_score(db, set_, "1.1.1", "1", unit=unit, note="Ban hành ngày 25/12/2019")
    par_service.set_score(db, set_, "1.1.2", "0,5", unit=unit)
    par_service.set_score(db, set_, "5.2.1", "1.5", unit=unit)
    rows_before = db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    bad = [
        ("1.1.1", "1,5", "vượt điểm tối đa 1"),
        ("3.3.1", "2,5", "bội số của 1"),
        ("1.1", "2", "tổng các mục con"),
        ("8.1", "99", "Điểm điều tra xã hội học 99 vượt điểm tối đa"),
        ("8.1", "4,555", "hai chữ số thập phân"),
        ("1.1.1", "-1", "không phải là số"),
        ("1.1.1", "một", "không phải là số"),
    ]
    for code, score, message in bad:
        with pytest.raises(ValidationError, match=message):
            par_service.set_score(db, set_, code, score, unit=unit)
    assert db.execute("SELECT count(*) FROM change_log").fetchone()[0] == rows_before
    given = par_service.scores(db, set_, unit)
    totals = par_service.totals(set_, given)
    assert totals["1.1"] == Decimal("1.5")
    assert totals["1"] == Decimal("1.5")
    assert totals["5"] == Decimal("1.5")
    assert totals[""] == Decimal(3)
    assert given[set_.node("1.1.1").id].note == "Ban hành ngày 25/12/2019"
    # Clearing a score takes it out of the totals.
    par_service.set_score(db, set_, "5.2.1", "", unit=unit)
    assert par_service.totals(set_, par_service.scores(db, set_, unit))[""] == Decimal("1.5")


def test_the_unit_records_its_published_survey_points_apart_from_its_own(
    db: Database, set_: ParSet
) -> None:
    unit = _unit(db)
    par_service.set_score(db, set_, "1.1.1", "1", unit=unit)
    par_service.set_score(db, set_, "8.1", "5", unit=unit, note="QĐ 15/QĐ-UBND công bố kết quả")
    given = par_service.scores(db, set_, unit)
    assert par_service.part_totals(set_, given) == (Decimal(1), Decimal(5))
    assert par_service.totals(set_, given)["8"] == Decimal(5)
    assert given[set_.node("8.1").id].note == "QĐ 15/QĐ-UBND công bố kết quả"
    node = par_service.to_json(db, set_, unit)["areas"][7]  # type: ignore[index]
    assert node["self_assessed"] is False
    assert node["self_score"] == 5


def test_show_json_nodes(db: Database, set_: ParSet) -> None:
    unit = _unit(db)
    par_service.set_score(db, set_, "2.1.1", "1", unit=unit)
    data = par_service.to_json(db, set_, unit)
    assert [a["code"] for a in data["areas"]] == [str(n) for n in range(1, 9)]  # type: ignore[index]
    area = data["areas"][1]  # type: ignore[index]
    assert area["max"] == 6
    assert area["self_score"] == 1
    assert area["self_assessed"] is True
    leaf = area["criteria"][0]["criteria"][0]
    assert leaf == {
        "code": "2.1.1",
        "title": "Thực hiện đúng quy trình xây dựng, ban hành văn bản",
        "max": 1,
        "self_assessed": True,
        "self_score": 1,
        "appraised_score": None,
        "evidence": 0,
        "criteria": [],
    }
    assert data["areas"][7]["self_assessed"] is False  # type: ignore[index]
    assert data["areas"][7]["criteria"][0]["max"] == 6  # type: ignore[index]


def test_reimport_keeps_scores_and_refuses_mismatch(db: Database, set_: ParSet) -> None:
    unit = _unit(db)
    par_service.set_score(db, set_, "3.3.1", "2", unit=unit)
    wrong = FIXTURE.read_text(encoding="utf-8").replace(
        "VI\tCẢI CÁCH TÀI CHÍNH CÔNG\t8", "VI\tCẢI CÁCH TÀI CHÍNH CÔNG\t9"
    )
    parsed = par_criteria.parse_text(wrong)
    before = db.execute("SELECT count(*) FROM change_log").fetchone()[0]
    with pytest.raises(ValidationError, match="Lĩnh vực 6 có điểm tối đa 9"):
        par_service.import_criteria(db, parsed, year=2020, level="commune")
    assert db.execute("SELECT count(*) FROM change_log").fetchone()[0] == before
    par_service.import_criteria(db, par_criteria.read_file(FIXTURE), year=2020, level="commune")
    again = par_service.load_set(db, 2020, "commune")
    assert par_service.totals(again, par_service.scores(db, again, unit))["3.3.1"] == Decimal(2)


def _record_seed_year(db: Database, unit: str) -> None:
    plan = plan_for_year(db, 2020)
    results = {
        "7.1": "Đã ban hành Kế hoạch CCHC năm 2020 số 12/KH-UBND",
        "2.1": "Ban hành Kế hoạch kiểm soát TTHC năm 2020",
        "7.4": "Phát 6 kỳ bản tin CCHC trên Đài truyền thanh",
        "6.2": "100% văn bản điện tử trên phần mềm quản lý văn bản",
    }
    for ref, result in results.items():
        task = progress_service.find_task(db, plan.id, ref)
        progress_service.set_progress(
            db,
            task_id=task,
            unit_id=unit,
            year=2020,
            period="Y",
            percent=100,
            result=result,
            today=dt.date(2020, 12, 15),
        )


def _task_of(label: str) -> str:
    return label.split("nhiệm vụ ", 1)[1].split(" ", 1)[0]


def test_evidence_proposals_for_the_seed_plan(db: Database, set_: ParSet) -> None:
    unit = _unit(db)
    _record_seed_year(db, unit)
    expected = {"1.1.1": "7.1", "3.1.1": "2.1", "1.4.2": "7.4", "7.1.1": "6.2"}
    for code, task in expected.items():
        offered = par_evidence.proposals(db, set_, code, unit)
        assert offered, code
        assert offered[0].kind == "progress"
        assert _task_of(offered[0].label) == task, (code, [p.label for p in offered])
    # Nothing recorded about public assets: nothing proposed.
    assert par_evidence.proposals(db, set_, "6.3.2", unit) == []
    # Linking is one row pointing at the progress record; it leaves the proposals.
    first = par_evidence.proposals(db, set_, "1.1.1", unit)[0]
    par_evidence.link(db, set_, "1.1.1", unit, first)
    linked = par_evidence.linked(db, set_, "1.1.1", unit)
    assert [(e.kind, e.ref_id) for e in linked] == [("progress", first.ref_id)]
    assert first.ref_id not in {p.ref_id for p in par_evidence.proposals(db, set_, "1.1.1", unit)}
    assert par_service.evidence_counts(db, set_, unit)["1.1"] == 1
    with pytest.raises(ValidationError, match=r"không gắn với tiêu chí 1\.1"):
        par_evidence.link(db, set_, "1.1", unit, first)


def test_issued_documents_are_proposed(db: Database, set_: ParSet) -> None:
    unit = _unit(db)
    register_service.register_document(
        db,
        doc_type="KH",
        number=12,
        symbol="KH-UBND",
        issued_on=dt.date(2020, 1, 10),
        title="Kế hoạch kiểm tra công tác cải cách hành chính năm 2020",
        pdf_sha256="",
    )
    offered = par_evidence.proposals(db, set_, "1.3.1", unit)
    assert [p.kind for p in offered][:1] == ["document"]
    assert (
        offered[0].label == "Số 12/KH-UBND: Kế hoạch kiểm tra công tác cải cách hành chính năm 2020"
    )


def test_handin_folder(db: Database, set_: ParSet, tmp_path: Path) -> None:
    unit = _unit(db)
    db_path = Path(os.environ["CCHC_DATA_DIR"]) / "cchc.db"
    _record_seed_year(db, unit)
    scan = tmp_path / "QĐ 12-QĐ-UBND.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned decision")
    sha = par_evidence.store_file(db, db_path, scan)
    par_evidence.attach_file(db, set_, "2.2.3", unit, sha256=sha, file_name=scan.name, size=25)
    par_evidence.link(db, set_, "1.1.1", unit, par_evidence.proposals(db, set_, "1.1.1", unit)[0])
    par_service.set_score(db, set_, "1.1.1", "1", unit=unit, note="Đúng hạn")
    par_service.set_score(db, set_, "2.2.3", "0,5", unit=unit)
    par_service.set_score(db, set_, "6.1.2", "1", unit=unit)
    par_service.set_score(db, set_, "8.1", "4,75", unit=unit, note="Kết quả tỉnh công bố")

    out = tmp_path / "nop"
    result = write_handin(
        db, set_, unit, out, load_office_settings(db), _blob_file(db_path), make_zip=True
    )
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "2.2.3 - QĐ 12-QĐ-UBND.pdf",
        "Báo cáo tự đánh giá Chỉ số CCHC năm 2020.pdf",
        "Bảng điểm Chỉ số CCHC năm 2020.xlsx",
    ]
    assert (out / "2.2.3 - QĐ 12-QĐ-UBND.pdf").read_bytes() == b"%PDF-1.4 scanned decision"
    assert result.missing == []  # a progress row without files has none to copy
    assert result.zip_path is not None
    with zipfile.ZipFile(result.zip_path) as zf:
        assert sorted(zf.namelist()) == names
    ws = load_workbook(out / "Bảng điểm Chỉ số CCHC năm 2020.xlsx").active
    assert ws is not None
    title, unit_line, *rows = list(ws.iter_rows(values_only=True))
    assert title[0] == "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2020"
    assert str(unit_line[0]).startswith("Đơn vị: ")
    assert ws["A4"].font.bold  # area 1
    assert ws["A5"].font.bold is not False or ws["B6"].font.bold is False
    assert rows[0][:4] == (
        "STT",
        "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
        "Điểm tối đa",
        "Điểm tự đánh giá",
    )
    by_code = {r[0]: r for r in rows[1:]}
    assert by_code["1.1.1"][3] == 1
    assert by_code["1.1.1"][4] == "Đúng hạn"
    assert "Kết quả nhiệm vụ 7.1" in by_code["1.1.1"][5]
    assert by_code["2.2"][3] == 0.5
    assert rows[-1][1] == "Tổng cộng"
    assert rows[-1][2] == 100
    assert by_code["8.1"][3] == 4.75  # the published survey points, beside the unit's own
    assert rows[-1][3] == 7.25
    pdf = out / "Báo cáo tự đánh giá Chỉ số CCHC năm 2020.pdf"
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "Tổng điểm tự đánh giá: 2,5/70 điểm" in text
    assert "Điểm điều tra xã hội học theo kết quả đã công bố: 4,75/30 điểm" in text
    assert "tổng cộng 7,25/100 điểm" in text


def test_handin_names_linked_documents_and_task_files(
    db: Database, set_: ParSet, tmp_path: Path
) -> None:
    unit = _unit(db)
    db_path = Path(os.environ["CCHC_DATA_DIR"]) / "cchc.db"
    issued = tmp_path / "issued.pdf"
    issued.write_bytes(b"%PDF-1.4 ke hoach kiem tra")
    sha = par_evidence.store_file(db, db_path, issued)
    register_service.register_document(
        db,
        doc_type="KH",
        number=12,
        symbol="KH-UBND",
        issued_on=dt.date(2020, 1, 10),
        title="Kế hoạch kiểm tra công tác cải cách hành chính năm 2020",
        pdf_sha256=sha,
    )
    _record_seed_year(db, unit)
    scan = tmp_path / "Bien ban.pdf"
    scan.write_bytes(b"%PDF-1.4 bien ban")
    scan_sha = par_evidence.store_file(db, db_path, scan)
    progress = db.execute(
        "SELECT p.id FROM progress p JOIN task t ON t.id = p.task_id"
        " JOIN appendix a ON a.id = t.appendix_id WHERE a.number = 2 AND t.no = '1'"
    ).fetchone()[0]
    evidence_service.add_evidence(
        db, progress_id=progress, sha256=scan_sha, file_name="Biên bản rà soát.pdf", size=17
    )
    document = next(
        p for p in par_evidence.proposals(db, set_, "1.3.1", unit) if p.kind == "document"
    )
    par_evidence.link(db, set_, "1.3.1", unit, document)
    task_file = next(
        p for p in par_evidence.proposals(db, set_, "3.1.1", unit) if p.kind == "evidence"
    )
    assert task_file.label == "Tệp Biên bản rà soát.pdf (nhiệm vụ 2.1)"
    par_evidence.link(db, set_, "3.1.1", unit, task_file)

    out = tmp_path / "nop"
    write_handin(db, set_, unit, out, load_office_settings(db), _blob_file(db_path))
    assert (out / "1.3.1 - KH 12-KH-UBND.pdf").read_bytes() == issued.read_bytes()
    assert (out / "3.1.1 - Biên bản rà soát.pdf").read_bytes() == scan.read_bytes()


def test_ranking_outputs(db: Database, set_: ParSet, tmp_path: Path) -> None:
    from cchc_desktop.reports import par_handin, par_report
    from cchc_desktop.services import organisation

    a = organisation.ensure_agency(db, "UBND xã Minh Sơn").agency_id
    b = organisation.ensure_agency(db, "UBND xã Ngọc Liên").agency_id
    par_service.set_score(db, set_, "1.1.1", "1", unit=a)
    par_service.set_score(db, set_, "3.3.1", "3", unit=b)
    par_service.appraise(db, set_, "3.3.1", "2", unit=b, note="Thiếu số liệu quý IV")
    data = par_handin.ranking_data(db, set_)
    assert [(r[0], r[1], r[2]) for r in data.rows] == [
        (1, "UBND xã Ngọc Liên", Decimal(2)),
        (2, "UBND xã Minh Sơn", Decimal(1)),
    ]
    assert data.rows[0][3][2] == Decimal(2)  # area 3
    xlsx = par_report.export_ranking_xlsx(data, tmp_path / "xep hang.xlsx")
    ws = load_workbook(xlsx).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("Xếp hạng", "Đơn vị", "Tổng điểm")
    assert rows[1][:3] == (1, "UBND xã Ngọc Liên", 2)
    pdf = tmp_path / "xep hang.pdf"
    par_report.build_ranking_report(data, load_office_settings(db), pdf)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_level_shown_first_follows_the_office(make_db: MakeDb) -> None:
    """A commune scores itself against the commune set; a past district appraises its communes;
    a department and a province office start on the departments' set."""
    from cchc_desktop.services import office_setup

    db = make_db("levels.db")
    assert par_service.default_level(db) == "commune"  # the sample: a district before 2025
    for level, province, unit, expected in (
        ("commune", "Quảng Ngãi", "Long Phụng", "commune"),
        ("department", "Quảng Ngãi", "Sở Tư pháp", "department"),
        ("province", "Quảng Ngãi", None, "department"),
    ):
        office_setup.set_office(
            db,
            office_setup.OfficeChoice(level, province, unit, explicit={"signer_name": "Lê B"}),
        )
        assert par_service.default_level(db) == expected, level
