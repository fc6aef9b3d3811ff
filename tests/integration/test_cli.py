"""The command line as IT support and scripts use it: real subprocesses, exit codes, stderr."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from cchc_desktop import __version__
from cchc_desktop.services.startup import seed_plan_path


def run(
    *args: str, db: Path | None = None, env_dir: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if env_dir is not None:
        env["CCHC_DATA_DIR"] = str(env_dir)
    command = [sys.executable, "-m", "cchc_desktop"]
    if db is not None:
        command += ["--db", str(db)]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120
    )


def test_version_and_help(tmp_path: Path) -> None:
    version = run("--version")
    assert version.returncode == 0
    assert __version__ in version.stdout
    help_text = run("--help")
    assert help_text.returncode == 0
    for command in ("import-plan", "plan", "parse-deadline", "deadlines", "progress", "gui"):
        assert command in help_text.stdout


def test_plan_show_on_a_new_database_gives_the_seed_plan(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    result = run("plan", "show", "--year", "2020", "--json", db=db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["year"] == 2020
    assert data["decision"]["number"] == "6320/QĐ-UBND"
    assert data["decision"]["date"] == "2019-12-26"
    assert data["decision"]["signer"] == "Lê Văn Tuấn"
    assert [len(a["tasks"]) for a in data["appendices"]] == [6, 8, 3, 6, 4, 6, 4]
    task = data["appendices"][5]["tasks"][4]
    assert task["title"].startswith("Triển khai thực hiện cung cấp dịch vụ công mức độ 3")
    assert "<p>" not in json.dumps(data, ensure_ascii=False)
    assert "**" not in json.dumps(data, ensure_ascii=False)
    assert task["milestones"], "milestones are part of plan show"


def test_db_option_is_accepted_after_the_command(tmp_path: Path) -> None:
    db = tmp_path / "after.db"
    result = run("plan", "show", "--year", "2020", "--json", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert db.exists()


def test_default_database_lives_in_the_user_data_folder(tmp_path: Path) -> None:
    result = run("plan", "list", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "cchc.db").exists()
    assert "6320/QĐ-UBND" in result.stdout


def test_import_plan_refuses_a_duplicate_then_replaces(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    again = run("import-plan", str(seed_plan_path()), db=db)
    assert again.returncode == 1
    assert "đã có trong cơ sở dữ liệu" in again.stderr
    assert "Traceback" not in again.stderr
    replaced = run("import-plan", str(seed_plan_path()), "--replace", db=db)
    assert replaced.returncode == 0, replaced.stderr
    assert "37 nhiệm vụ" in replaced.stdout
    assert "Cảnh báo" in replaced.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "Không tìm thấy tệp"),
        (b"\xff\xfe\x00\xd8garbage\x00\x00\x9c", "không"),
        ("Biên bản họp chi bộ\n\nNội dung: không có phụ lục.\n".encode(), "không phải kế hoạch"),
        (b"", "trống"),
    ],
)
def test_bad_plan_files_get_a_vietnamese_message_and_exit_1(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    db = tmp_path / "a.db"
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    result = run("import-plan", str(path), db=db)
    assert result.returncode == 1
    assert message.lower() in result.stderr.lower()
    assert "Traceback" not in result.stderr


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    result = run("plan", "show", "--year", "hai nghìn", db=tmp_path / "a.db")
    assert result.returncode == 2
    assert "Lỗi cú pháp lệnh" in result.stderr


def test_missing_year_is_a_user_error(tmp_path: Path) -> None:
    result = run("plan", "show", "--year", "1999", "--json", db=tmp_path / "a.db")
    assert result.returncode == 1
    assert "Không có kế hoạch năm 1999" in result.stderr


def test_parse_deadline_json() -> None:
    result = run("parse-deadline", "--year", "2020", "--json", "Trước 10/12/2020")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "milestones": [{"label": "", "kind": "date", "due": "2020-12-09", "period": "2020-12-09"}]
    }


def test_progress_set_and_list(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    done = run(
        "progress",
        "set",
        "--task",
        "2.5",
        "--unit",
        "Xã Minh Sơn",
        "--period",
        "Q1",
        "--year",
        "2020",
        "--status",
        "done",
        "--percent",
        "100",
        "--note",
        "Đã niêm yết",
        "--completed-on",
        "2020-03-10",
        db=db,
    )
    assert done.returncode == 0, done.stderr
    listed = run("progress", "list", "--year", "2020", "--json", db=db)
    rows = json.loads(listed.stdout)
    assert rows == [
        {
            "task": "2.5",
            "title": rows[0]["title"],
            "unit": "Xã Minh Sơn",
            "year": 2020,
            "period": "Q1",
            "status": "done",
            "percent": 100,
            "note": "Đã niêm yết",
            "completed_on": "2020-03-10",
            "evidence": 0,
        }
    ]
    bad = run(
        "progress",
        "set",
        "--task",
        "2.5",
        "--unit",
        "Xã Minh Sơn",
        "--period",
        "Q1",
        "--year",
        "2020",
        "--percent",
        "140",
        db=db,
    )
    assert bad.returncode == 1
    assert "từ 0 đến 100" in bad.stderr
    unknown_task = run(
        "progress",
        "set",
        "--task",
        "9.1",
        "--unit",
        "Xã Minh Sơn",
        "--period",
        "Q1",
        "--year",
        "2020",
        "--status",
        "done",
        db=db,
    )
    assert unknown_task.returncode == 1
    assert "Phụ lục 09" in unknown_task.stderr


def test_progress_set_refuses_done_below_100_percent_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    where = ["--task", "2.5", "--unit", "Phòng Nội vụ", "--period", "Q1", "--year", "2020"]
    first = run("progress", "set", *where, "--status", "in_progress", "--percent", "40", db=db)
    assert first.returncode == 0, first.stderr
    before = run("progress", "list", "--year", "2020", "--json", db=db).stdout
    refused = run(
        "progress",
        "set",
        *where,
        "--status",
        "đã hoàn thành",
        "--percent",
        "40",
        "--completed-on",
        "2030-01-01",
        db=db,
    )
    assert refused.returncode == 1
    assert "Nhiệm vụ đã hoàn thành thì tỷ lệ phải là 100 %" in refused.stderr
    assert run("progress", "list", "--year", "2020", "--json", db=db).stdout == before
    future = run(
        "progress", "set", *where, "--status", "done", "--completed-on", "2030-01-01", db=db
    )
    assert future.returncode == 1
    assert "Ngày hoàn thành không được sau ngày hôm nay" in future.stderr
    new_unit = [*where[:2], "--unit", "Xã Mới Lập", *where[4:]]
    refused = run("progress", "set", *new_unit, "--status", "done", "--percent", "40", db=db)
    assert refused.returncode == 1
    with closing(sqlite3.connect(db)) as conn:
        found = conn.execute("SELECT count(*) FROM agency WHERE name = 'Xã Mới Lập'").fetchone()
    assert found == (0,), "a refused report adds no unit"
    undated = run("progress", "set", *where, "--status", "done", db=db)
    assert undated.returncode == 0, undated.stderr
    assert "Chưa ghi ngày hoàn thành" in undated.stdout
    [row] = json.loads(run("progress", "list", "--year", "2020", "--json", db=db).stdout)
    assert (row["status"], row["percent"], row["completed_on"]) == ("done", 100, None)


def test_progress_attach_stores_the_file_by_content(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    where = ["--task", "2.5", "--unit", "Phòng Nội vụ", "--period", "Q1", "--year", "2020"]
    scan = tmp_path / "bien-ban.pdf"
    scan.write_bytes(b"%PDF-1.4 bien ban hop")
    early = run("progress", "attach", *where, str(scan), db=db)
    assert early.returncode == 1
    assert "Hãy lưu tiến độ của kỳ này trước" in early.stderr
    assert run("progress", "set", *where, "--percent", "30", db=db).returncode == 0
    attached = run("progress", "attach", *where, str(scan), db=db)
    assert attached.returncode == 0, attached.stderr
    assert "Đã đính kèm 1 tệp minh chứng" in attached.stdout
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert (tmp_path / "evidence" / sha[:2] / sha).read_bytes() == scan.read_bytes()
    [row] = json.loads(run("progress", "list", "--year", "2020", "--json", db=db).stdout)
    assert row["evidence"] == 1
    missing = run("progress", "attach", *where, str(tmp_path / "khong-co.pdf"), db=db)
    assert missing.returncode == 1
    assert "Không tìm thấy tệp" in missing.stderr


def test_deadlines_lists_occurrences_with_status(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    result = run(
        "deadlines",
        "--from",
        "2020-12-01",
        "--to",
        "2020-12-31",
        "--today",
        "2020-12-15",
        "--json",
        db=db,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["occurrences"], "December 2020 holds deadlines of the seed plan"
    first = data["occurrences"][0]
    assert {"due", "task", "unit", "status"} <= set(first)
    dues = [o["due"] for o in data["occurrences"]]
    assert dues == sorted(dues)
    assert "2020-12-09" in dues  # "Trước 10/12/2020" of appendix 7, task 3
    overdue = [o for o in data["occurrences"] if o["due"] == "2020-12-09"]
    assert all(o["overdue"] for o in overdue)


def test_days_off_and_the_shift_option(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    added = run("days-off", "add", "2020-12-21", "--name", "Nghỉ theo thông báo", db=db)
    assert added.returncode == 0, added.stderr
    refused = run("days-off", "add", "2020-12-23", "--working", db=db)
    assert refused.returncode == 1
    assert "thứ Bảy hoặc Chủ nhật" in refused.stderr
    listed = json.loads(run("days-off", "list", "--year", "2020", "--json", db=db).stdout)
    assert {"date": "2020-01-25", "name": "Tết Nguyên đán", "kind": "holiday"} in listed["days"]
    assert {"date": "2020-12-21", "name": "Nghỉ theo thông báo", "kind": "office"} in listed["days"]
    assert run("days-off", "shift", "on", db=db).returncode == 0
    window = run(
        "deadlines",
        "--from",
        "2020-12-15",
        "--to",
        "2020-12-31",
        "--today",
        "2020-12-01",
        "--json",
        db=db,
    )
    dues = {o["due"] for o in json.loads(window.stdout)["occurrences"] if o["task"] == "2.5"}
    assert dues == {"2020-12-22"}  # Sunday 20th, and Monday 21st is now a day off


def test_plan_clone_makes_next_year_draft(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    cloned = run("plan", "clone", "--year", "2020", "--to", "2021", db=db)
    assert cloned.returncode == 0, cloned.stderr
    data = json.loads(run("plan", "show", "--year", "2021", "--json", db=db).stdout)
    assert data["decision"]["number"] == ""
    assert [len(a["tasks"]) for a in data["appendices"]] == [6, 8, 3, 6, 4, 6, 4]
    again = run("plan", "clone", "--year", "2020", "--to", "2021", db=db)
    assert again.returncode == 1
