"""`cchc-desktop par …`: import, show, score, export; bad input exits 1 and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_desktop import cli

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "par" / "bo_chi_so_xa.txt"


def run(db: Path, *args: str) -> int:
    return cli.main(["--db", str(db), *args])


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CCHC_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "data" / "cchc.db"
    assert run(path, "par", "import", str(FIXTURE), "--year", "2020", "--level", "commune") == 0
    return path


def _log_size(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM change_log").fetchone()[0])


def test_import_show_score(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert (
        run(
            db,
            "par",
            "score",
            "--year",
            "2020",
            "--criterion",
            "2.2.2",
            "--score",
            "1",
            "--note",
            "Hoàn thành rà soát",
        )
        == 0
    )
    assert run(db, "par", "score", "--year", "2020", "--criterion", "5.2.1", "--score", "1,5") == 0
    assert run(db, "par", "score", "--year", "2020", "--criterion", "8.2", "--score", "5,25") == 0
    assert "Đã ghi điểm điều tra xã hội học tiêu chí 8.2: 5,25." in capsys.readouterr().out
    assert run(db, "par", "show", "--year", "2020", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    area2 = data["areas"][1]
    assert area2["code"] == "2"
    assert area2["self_score"] == 1
    node = area2["criteria"][1]["criteria"][1]
    assert (node["code"], node["max"], node["self_score"], node["evidence"]) == ("2.2.2", 1, 1, 0)
    assert data["areas"][4]["criteria"][1]["self_score"] == 1.5
    assert data["self_total"] == 2.5  # the unit's own points; the survey's are apart
    assert data["survey_total"] == 5.25
    assert data["areas"][7]["criteria"][1]["self_score"] == 5.25
    assert set(node) == {
        "code",
        "title",
        "max",
        "self_assessed",
        "self_score",
        "appraised_score",
        "evidence",
        "criteria",
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--criterion", "1.1.1", "--score", "2"), "vượt điểm tối đa 1"),
        (("--criterion", "9.9.9", "--score", "1"), "Không có tiêu chí 9.9.9"),
        (("--criterion", "8.1", "--score", "99"), "Điểm điều tra xã hội học 99 vượt"),
        (("--criterion", "1.1.1", "--score", "0,3"), "bội số của 0,5"),
    ],
)
def test_bad_scores_exit_1_and_change_nothing(
    db: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    before = _log_size(db)
    assert run(db, "par", "score", "--year", "2020", *args) == 1
    assert message in capsys.readouterr().err
    assert _log_size(db) == before


def test_maxima_not_adding_up_exit_1(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "sai.txt"
    wrong.write_text(
        FIXTURE.read_text(encoding="utf-8")
        .replace("4.3\tLồng ghép", "4.3\tLồng ghép")
        .replace("\t0,5\t\t\n5\tSáng kiến", "\t1\t\t\n5\tSáng kiến"),
        encoding="utf-8",
    )
    before = _log_size(db)
    assert run(db, "par", "import", str(wrong), "--year", "2021", "--level", "commune") == 1
    err = capsys.readouterr().err
    assert "Tiêu chí 1.4 có điểm tối đa 2 nhưng các mục con cộng lại 2,5." in err
    assert "chưa nhập gì" in err
    assert _log_size(db) == before
    assert run(db, "par", "show", "--year", "2021") == 1


def test_export_folder(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scan = tmp_path / "Danh sách niêm yết.pdf"
    scan.write_bytes(b"%PDF-1.4 list")
    assert (
        run(db, "par", "evidence", "--year", "2020", "--criterion", "3.2.1", "--attach", str(scan))
        == 0
    )
    assert run(db, "par", "score", "--year", "2020", "--criterion", "3.2.1", "--score", "1") == 0
    out = tmp_path / "nop"
    assert run(db, "par", "export", "--year", "2020", "--to", str(out)) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "3.2.1 - Danh sách niêm yết.pdf",
        "Báo cáo tự đánh giá Chỉ số CCHC năm 2020.pdf",
        "Bảng điểm Chỉ số CCHC năm 2020.xlsx",
    ]
    printed = capsys.readouterr().out.splitlines()
    assert str(out / "3.2.1 - Danh sách niêm yết.pdf") in printed
