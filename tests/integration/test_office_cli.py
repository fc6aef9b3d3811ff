"""`cchc-desktop office …`: set-up from the command line, names as a clerk types them, and a
report printed afterwards under the office's own name (real subprocesses, exit codes)."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from tests.integration.test_cli import run

KEYS = {
    "level",
    "province",
    "unit",
    "issuing_agency",
    "superior_agency",
    "place",
    "signer_name",
    "signer_position",
    "authority_prefix",
    "reporting_body",
    "report_due_day",
}


def _show(db: Path) -> dict[str, object]:
    result = run("office", "show", "--json", db=db)
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_a_fresh_install_shows_the_samples_office_read_from_its_decision(tmp_path: Path) -> None:
    data = _show(tmp_path / "c.db")
    assert set(data) >= KEYS
    assert {k: data[k] for k in KEYS} == {
        "level": "district",
        "province": "Tỉnh Thanh Hóa",
        "unit": "Huyện Ngọc Lặc",
        "issuing_agency": "UBND HUYỆN NGỌC LẶC",
        "superior_agency": "UBND TỈNH THANH HÓA",
        "place": "Ngọc Lặc",
        "signer_name": "Lê Văn Tuấn",
        "signer_position": "CHỦ TỊCH",
        "authority_prefix": "TM.",
        "reporting_body": "Phòng Nội vụ",
        "report_due_day": 20,
    }
    assert data["setup"] is None


def test_set_a_commune_of_a_province_typed_without_accents(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    result = run(
        "office",
        "set",
        "--level",
        "commune",
        "--province",
        "quang ngai",
        "--unit",
        "Xa Long Phung",
        "--signer-name",
        "Nguyễn Văn An",
        db=db,
    )
    assert result.returncode == 0, result.stderr
    data = _show(db)
    assert data["province"] == "Tỉnh Quảng Ngãi"
    assert data["unit"] == "Xã Long Phụng"
    assert data["issuing_agency"] == "UBND XÃ LONG PHỤNG"
    assert data["superior_agency"] == "UBND TỈNH QUẢNG NGÃI"
    assert data["place"] == "Long Phụng"
    assert data["reporting_body"] == "Sở Nội vụ"
    assert data["setup"] == "own"
    # an explicit value wins over the derived one; the rest stays
    result = run("office", "set", "--place", "Xã Long Phụng", "--report-due-day", "15", db=db)
    assert result.returncode == 0, result.stderr
    data = _show(db)
    assert (data["place"], data["report_due_day"], data["unit"]) == (
        "Xã Long Phụng",
        15,
        "Xã Long Phụng",
    )


def test_unknown_and_ambiguous_names_list_the_closest_and_change_nothing(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    before = _show(db)
    unknown = run("office", "set", "--province", "Quang Nga", db=db)
    assert unknown.returncode == 1
    assert "Không tìm thấy tỉnh, thành phố “Quang Nga”" in unknown.stderr
    assert "Tỉnh Quảng Ngãi" in unknown.stderr
    ambiguous = run(
        "office",
        "set",
        "--level",
        "commune",
        "--province",
        "Quảng Ngãi",
        "--unit",
        "son ha",
        db=db,
    )
    assert ambiguous.returncode == 1
    assert "Xã Sơn Hà, Xã Sơn Hạ" in ambiguous.stderr
    contradictory = run("office", "set", "--authority", "KT.", db=db)
    assert contradictory.returncode == 1
    assert "Ký “KT.” là cấp phó" in contradictory.stderr
    bad_level = run("office", "set", "--level", "village", db=db)
    assert bad_level.returncode == 2
    assert _show(db) == before


def test_setup_sample_and_own_without_the_window(tmp_path: Path) -> None:
    sample = tmp_path / "sample.db"
    result = run("office", "setup", "sample", db=sample)
    assert result.returncode == 0, result.stderr
    assert _show(sample)["setup"] == "sample"
    own = tmp_path / "own.db"
    result = run(
        "office",
        "setup",
        "own",
        "--level",
        "province",
        "--province",
        "Quảng Ngãi",
        "--signer-name",
        "Trần Văn Bình",
        db=own,
    )
    assert result.returncode == 0, result.stderr
    assert "Đã thêm 96 xã, phường, đặc khu của Tỉnh Quảng Ngãi" in result.stdout
    assert "Đã bỏ kế hoạch mẫu" in result.stdout
    plans = run("plan", "list", db=own)
    assert plans.returncode == 0
    assert "2020" not in plans.stdout


def test_a_report_prints_the_communes_header_place_signer_and_wording(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    result = run(
        "office",
        "set",
        "--level",
        "commune",
        "--province",
        "Quảng Ngãi",
        "--unit",
        "Long Phụng",
        "--signer-name",
        "Nguyễn Văn An",
        "--authority",
        "KT.",
        "--signer-position",
        "Phó Chủ tịch",
        db=db,
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "overdue.pdf"
    result = run(
        "report", "overdue", "--year", "2020", "--as-of", "2020-12-31", "-o", str(pdf), db=db
    )
    assert result.returncode == 0, result.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    first = PdfReader(pdf).pages[0].extract_text() + PdfReader(pdf).pages[1].extract_text()
    assert "UBND TỈNH QUẢNG NGÃI" in first
    assert "UBND XÃ LONG PHỤNG" in first
    assert "Long Phụng, ngày" in first
    assert "KT. CHỦ TỊCH" in first
    assert "PHÓ CHỦ TỊCH" in first
    assert "Nguyễn Văn An" in first
    assert "về Sở Nội vụ để tổng hợp" in " ".join(first.split())
    # Sent up: the "(b/c)" recipients are its "Kính gửi", and Nơi nhận starts "- Như trên;".
    assert "Kính gửi:" in first
    assert "TT HĐND xã" in first
    assert "- Như trên;" in first
    assert "Ngọc Lặc, ngày" not in text
    assert "HUYỆN NGỌC LẶC" not in text
    assert "Lê Văn Tuấn" not in text
