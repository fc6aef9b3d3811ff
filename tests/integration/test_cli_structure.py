"""Building and amending a plan from the command line: `plan new|set|amend`, `appendix add`,
`task add|move|remove|cancel`, and `plan show --json` with each task's status and amendment."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from cchc_desktop import cli


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CCHC_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "cchc.db"


def run(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["--db", str(db), *argv])
    captured = capsys.readouterr()
    return code, captured.out.strip(), captured.err.strip()


def ok(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run(db, capsys, *argv)
    assert code == 0, err
    return out


def show(db: Path, capsys: pytest.CaptureFixture[str], year: int) -> dict[str, object]:
    data: dict[str, object] = json.loads(
        ok(db, capsys, "plan", "show", "--year", str(year), "--json")
    )
    return data


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_plan_from_nothing_amended(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok(db, capsys, "plan", "new", "--year", "2021", "--title", "KẾ HOẠCH CCHC NĂM 2021")
    out = ok(
        db,
        capsys,
        "plan",
        "set",
        "--year",
        "2021",
        "--number",
        "15/QĐ-UBND",
        "--date",
        "2021-01-08",
        "--signer-name",
        "Trần Thị B",
        "--signer-position",
        "PHÓ CHỦ TỊCH",
    )
    assert "Còn thiếu" not in out
    ok(
        db,
        capsys,
        "plan",
        "set",
        "--year",
        "2021",
        "--title",
        "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH 2021",
        "--decision-title",
        "Ban hành Kế hoạch CCHC năm 2021",
    )
    assert ok(db, capsys, "appendix", "add", "--year", "2021", "--title", "Cải cách thể chế") == "1"
    assert (
        ok(
            db,
            capsys,
            "appendix",
            "add",
            "--year",
            "2021",
            "--title",
            "Cải cách TTHC",
            "--lead",
            "Văn phòng HĐND-UBND huyện",
        )
        == "2"
    )
    ref = ok(
        db,
        capsys,
        "task",
        "add",
        "--year",
        "2021",
        "--appendix",
        "1",
        "--title",
        "Rà soát VBQPPL",
        "--lead",
        "Phòng Tư pháp",
        "--support",
        "Phòng Nội vụ",
        "--products",
        "Báo cáo rà soát",
        "--timeline",
        "Quý II/2021",
    )
    assert ref == "1.1"
    assert (
        ok(db, capsys, "task", "add", "--year", "2021", "--appendix", "1", "--title", "B") == "1.2"
    )
    # --after 0 puts the new task first; the others' STT follow.
    first = ok(
        db,
        capsys,
        "task",
        "add",
        "--year",
        "2021",
        "--appendix",
        "1",
        "--title",
        "A",
        "--after",
        "0",
    )
    assert first == "1.1"
    out = ok(db, capsys, "task", "move", "--year", "2021", "--task", "1.3", "--to-appendix", "2")
    assert out.endswith("thành 2.1.")

    data = show(db, capsys, 2021)
    decision = data["decision"]
    assert isinstance(decision, dict)
    assert decision["number"] == "15/QĐ-UBND"
    assert decision["date"] == "2021-01-08"
    assert decision["signer"] == "Trần Thị B"
    assert decision["title"] == "Ban hành Kế hoạch CCHC năm 2021"
    assert data["title"] == "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH 2021"
    appendices = data["appendices"]
    assert isinstance(appendices, list)
    assert [[t["title"] for t in a["tasks"]] for a in appendices] == [
        ["A", "Rà soát VBQPPL"],
        ["B"],
    ]
    assert [[t["no"] for t in a["tasks"]] for a in appendices] == [["1", "2"], ["1"]]
    task = appendices[0]["tasks"][1]
    assert task["agencies"] == [
        {"name": "Phòng Tư pháp", "role": "lead"},
        {"name": "Phòng Nội vụ", "role": "coordinating"},
    ]
    assert task["milestones"][0]["due"] == "2021-06-30"
    assert task["status"] == "active"
    assert task["amendment"] is None
    assert data["amendments"] == []

    ok(
        db,
        capsys,
        "plan",
        "amend",
        "--year",
        "2021",
        "--number",
        "210/QĐ-UBND",
        "--date",
        "2021-06-15",
        "--summary",
        "Bãi bỏ nhiệm vụ A, bổ sung nhiệm vụ C",
    )
    out = ok(db, capsys, "task", "cancel", "--task", "1.1")
    assert "Đã bãi bỏ theo QĐ 210/QĐ-UBND ngày 15/06/2021" in out
    assert (
        ok(db, capsys, "task", "add", "--year", "2021", "--appendix", "2", "--title", "C") == "2.2"
    )

    data = show(db, capsys, 2021)
    appendices = data["appendices"]
    assert isinstance(appendices, list)
    cancelled = appendices[0]["tasks"][0]
    assert (cancelled["title"], cancelled["status"], cancelled["amendment"]) == (
        "A",
        "cancelled",
        "210/QĐ-UBND",
    )
    added = appendices[1]["tasks"][1]
    assert (added["status"], added["amendment"]) == ("active", "210/QĐ-UBND")
    assert appendices[0]["tasks"][1]["amendment"] is None  # untouched under the amendment
    assert data["amendments"] == [
        {
            "number": "210/QĐ-UBND",
            "date": "2021-06-15",
            "summary": "Bãi bỏ nhiệm vụ A, bổ sung nhiệm vụ C",
        }
    ]

    ok(db, capsys, "task", "remove", "--year", "2021", "--task", "2.1")
    appendices = show(db, capsys, 2021)["appendices"]
    assert isinstance(appendices, list)
    assert [(t["no"], t["title"]) for t in appendices[1]["tasks"]] == [("1", "C")]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["task", "add", "--year", "2020", "--appendix", "9", "--title", "X"], "Phụ lục 09"),
        (["task", "move", "--year", "2020", "--task", "1.99", "--to-appendix", "2"], "nhiệm vụ 99"),
        (["task", "move", "--year", "2020", "--task", "1.1", "--to-appendix", "8"], "Phụ lục 08"),
        (["task", "remove", "--year", "2020", "--task", "abc"], "không đúng dạng"),
        (["plan", "set", "--year", "2020", "--date", "2020-02-30"], "không phải là ngày"),
        (["plan", "amend", "--year", "2020", "--number", "1/QĐ", "--date", "mai"], "không phải"),
        (["plan", "amend", "--year", "2020", "--number", "1/QĐ", "--date", "2019-01-01"], "trước"),
        (["task", "cancel", "--task", "1.1"], "Chưa có kế hoạch nào đang được điều chỉnh"),
        (["task", "add", "--year", "2020", "--appendix", "1", "--title", "  "], "không được để"),
        (
            ["task", "add", "--year", "2020", "--appendix", "1", "--title", "X", "--after", "40"],
            "không có nhiệm vụ số 40",
        ),
        (["plan", "new", "--year", "2020"], "Đã có kế hoạch năm 2020"),
        (["plan", "set", "--year", "2020", "--number", "không-ký-hiệu"], "thiếu ký hiệu"),
        (["appendix", "add", "--year", "2031", "--title", "X"], "Không có kế hoạch năm 2031"),
    ],
)
def test_bad_input_changes_nothing(
    db: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    show(db, capsys, 2020)  # creates the seeded database
    before = file_hash(db)
    code, out, err = run(db, capsys, *argv)
    assert code == 1
    assert out == ""
    assert err.startswith("Lỗi: ")
    assert message in err
    assert file_hash(db) == before


def test_cancel_twice_and_a_cancelled_task_leaves_next_years_draft(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok(
        db,
        capsys,
        "plan",
        "amend",
        "--year",
        "2020",
        "--number",
        "88/QĐ-UBND",
        "--date",
        "2020-05-04",
    )
    ok(db, capsys, "task", "cancel", "--year", "2020", "--task", "1.2")
    code, _, err = run(db, capsys, "task", "cancel", "--task", "1.2")
    assert code == 1
    assert "đã bị bãi bỏ theo QĐ 88/QĐ-UBND" in err
    ok(db, capsys, "plan", "clone", "--year", "2020", "--to", "2021")
    data = show(db, capsys, 2021)
    appendices = data["appendices"]
    assert isinstance(appendices, list)
    assert len(appendices[0]["tasks"]) == 5  # six in 2020, one cancelled
    assert [t["no"] for t in appendices[0]["tasks"]] == ["1", "2", "3", "4", "5"]
    assert data["amendments"] == []


def test_export_docx_and_import_it_back(
    db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ok(
        db,
        capsys,
        "task",
        "add",
        "--year",
        "2020",
        "--appendix",
        "7",
        "--title",
        "Số hoá hồ sơ",
        "--lead",
        "Phòng Nội vụ",
        "--products",
        "Kho dữ liệu",
        "Báo cáo",
        "--timeline",
        "Quý IV/2020",
    )
    before = show(db, capsys, 2020)
    out = ok(db, capsys, "export", "docx", "--year", "2020", "-o", str(tmp_path / "kh.docx"))
    assert out.endswith("(7 phụ lục, 38 nhiệm vụ).")
    code, _, err = run(
        db, capsys, "export", "docx", "--year", "2020", "-o", str(tmp_path / "a.pdf")
    )
    assert code == 1
    assert "đuôi .docx" in err
    other = tmp_path / "other.db"
    imported = ok(other, capsys, "import-plan", str(tmp_path / "kh.docx"), "--replace")
    assert "Đã thay thế kế hoạch năm 2020 (Quyết định số 6320/QĐ-UBND): 7 phụ lục, 38" in imported
    after = show(other, capsys, 2020)
    assert after["appendices"] == before["appendices"]
    assert after["decision"] == before["decision"]
