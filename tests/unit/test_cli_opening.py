"""The command line's opening of the database and its own usage texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_desktop import cli
from cchc_desktop.store import integrity


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = cli.main(argv)
    except SystemExit as stop:
        code = int(stop.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("group", ["plan", "progress", "days-off", "backup", "sync", "report"])
def test_a_command_without_its_subcommand_is_bad_usage(
    group: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(["--db", str(tmp_path / "a.db"), group], capsys)
    assert code == 2
    assert "thiếu tham số bắt buộc: L" in err
    assert not (tmp_path / "a.db").exists()


def test_help_is_vietnamese_throughout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["--help"], capsys)
    assert code == 0
    assert "hiện phiên bản chương trình rồi thoát" in out
    assert "show program" not in out


def test_db_naming_a_folder_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["--db", str(tmp_path), "plan", "list"], capsys)
    assert code == 1
    assert f"{tmp_path} là một thư mục, không phải tệp cơ sở dữ liệu" in err
    assert "unable to open" not in err


def test_a_read_only_database_can_be_read_but_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "a.db"
    code, _, err = run_cli(["--db", str(db), "plan", "list"], capsys)
    assert code == 0, err
    before = db.read_bytes()
    # A CD or a share this user may only read (root ignores file modes, so say it directly).
    monkeypatch.setattr(integrity, "is_writable", lambda path: False)
    code, out, err = run_cli(["--db", str(db), "plan", "list"], capsys)
    assert code == 0, err
    assert "6320/QĐ-UBND" in out
    code, out, err = run_cli(["--db", str(db), "progress", "list", "--year", "2020"], capsys)
    assert code == 0, err
    argv = ["--db", str(db), "progress", "set", "--task", "1.1", "--unit", "Phòng Nội vụ"]
    code, _, err = run_cli([*argv, "--period", "Q1", "--year", "2020", "--status", "done"], capsys)
    assert code == 1
    assert "chỉ cho đọc" in err
    assert "readonly" not in err
    assert db.read_bytes() == before


def test_progress_done_without_a_date_records_none_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(tmp_path / "a.db")]
    argv = [*db, "progress", "set", "--task", "2.5", "--unit", "Phòng Nội vụ", "--period", "Q1"]
    code, out, err = run_cli([*argv, "--year", "2020", "--status", "done"], capsys)
    assert code == 0, err
    assert "Chưa ghi ngày hoàn thành" in out
    code, out, _ = run_cli([*db, "progress", "list", "--year", "2020", "--json"], capsys)
    [row] = json.loads(out)
    assert (row["status"], row["completed_on"]) == ("done", None)


def test_a_second_clone_names_the_draft_and_no_window_button(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(tmp_path / "a.db")]
    code, _, err = run_cli([*db, "plan", "clone", "--year", "2020", "--to", "2021"], capsys)
    assert code == 0, err
    code, _, err = run_cli([*db, "plan", "clone", "--year", "2020", "--to", "2021"], capsys)
    assert code == 1
    assert "Kế hoạch năm 2021 (dự thảo, chưa có số quyết định) đã có" in err
    assert "Quyết định số  " not in err
    assert "Thay thế" not in err
    assert "plan show --year 2021" in err


def test_a_plain_start_is_read_without_the_full_parser() -> None:
    from pathlib import Path

    from cchc_desktop.cli import _window_start

    assert _window_start([]) is not None
    started = _window_start(["--db", "d:/cchc/cchc.db"])
    assert started is not None
    assert started.db == Path("d:/cchc/cchc.db")
    # anything else is the parser's: a command, a flag, a missing value
    assert _window_start(["--db", "x.db", "gui"]) is None
    assert _window_start(["--version"]) is None
    assert _window_start(["--db", "--help"]) is None
    assert _window_start(["plan", "list"]) is None
