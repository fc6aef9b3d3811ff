"""Issue 6 "done when", with the command line alone.

A district and three commune PCs (two for the same commune) enrol, exchange the plan and
progress, make concurrent edits to the same progress field, and after exchanging bundles in any
order all hold identical data and identical conflict lists; a bundle imported twice changes
nothing the second time; a tampered bundle and a bundle from another network are refused and
change nothing.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cchc_desktop import cli

REPO = Path(__file__).resolve().parents[3]


def run(*argv: str) -> tuple[int, str, str]:
    """Run the product's command line in-process; return (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = cli.main(list(argv))
        except SystemExit as exc:
            status = int(exc.code or 0)
    return status, out.getvalue(), err.getvalue()


def ok(*argv: str) -> str:
    status, out, err = run(*argv)
    assert status == 0, f"{argv}: {err}"
    return str(out)


def dump(db_path: Path) -> dict[str, Any]:
    """The business data, open review cards and logs of a database, read directly."""
    conn = sqlite3.connect(db_path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('agency',"
                " 'agency_alias', 'plan', 'plan_node', 'appendix', 'task', 'task_agency',"
                " 'milestone', 'progress', 'evidence', 'indicator', 'indicator_value')"
            )
        ]
        data: dict[str, Any] = {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()  # noqa: S608
            for t in sorted(tables)
        }
        data["conflicts"] = conn.execute(
            "SELECT kind, tbl, row_id, field, heads FROM conflict WHERE closed_by_seq IS NULL"
            " ORDER BY 1, 2, 3, 4, 5"
        ).fetchall()
        data["log"] = conn.execute("SELECT origin, seq, content_hash FROM change_log").fetchall()
        data["quarantine"] = conn.execute("SELECT origin, seq, reason FROM quarantine").fetchall()
        return data
    finally:
        conn.close()


def commune_view(data: dict[str, Any], unit_id: str) -> dict[str, Any]:
    """What a commune PC must hold: the district's data and its own commune's rows."""
    view = {k: v for k, v in data.items() if k not in ("log", "quarantine", "conflicts")}
    view["progress"] = [r for r in data["progress"] if r[2] == unit_id]
    view["conflicts"] = [
        c for c in data["conflicts"] if c[1] != "progress" or _unit(data, c[2]) == unit_id
    ]
    return view


def _unit(data: dict[str, Any], progress_id: str) -> str:
    return str(next(r[2] for r in data["progress"] if r[0] == progress_id))


def test_district_and_three_commune_pcs_by_command_line(tmp_path: Path) -> None:
    dbs = {name: tmp_path / name / "cchc.db" for name in ("huyen", "a1", "a2", "b1")}
    usb = tmp_path / "usb"
    root_fp = ok("--db", str(dbs["huyen"]), "sync", "init-network", "--name", "Huyện Ngọc Lặc")
    assert len(root_fp.strip()) == 29
    units = {"a1": "Xã Minh Sơn", "a2": "Xã Minh Sơn", "b1": "Xã Ngọc Liên"}
    for name, unit in units.items():
        request = tmp_path / f"{name}.json"
        fingerprint = ok(
            "--db", str(dbs[name]), "sync", "enrol-request", "--unit", unit, "-o", str(request),
            "--pc-name", f"PC-{name}",
        ).strip()  # fmt: skip
        status, _out, err = run("--db", str(dbs["huyen"]), "sync", "enrol", str(request))
        assert status == 1  # not confirmed: nothing happens
        assert "--yes" in err
        shown = ok("--db", str(dbs["huyen"]), "sync", "enrol", str(request), "--yes")
        assert fingerprint in shown  # both screens show the same fingerprint
    status_json = json.loads(ok("--db", str(dbs["huyen"]), "sync", "status", "--json"))
    assert set(status_json) == {"site", "role", "unit", "peers", "conflicts", "quarantined"}
    assert len(status_json["peers"]) == 3
    site_of = {
        name: json.loads(ok("--db", str(dbs[name]), "sync", "status", "--json"))["site"]
        for name in units
    }

    def exchange(senders: Sequence[str], rng: random.Random) -> None:
        """Communes → district (in the given order), then district → every commune, shuffled."""
        for name in senders:
            for path in ok("--db", str(dbs[name]), "sync", "export", "--to", str(usb)).split():
                ok("--db", str(dbs["huyen"]), "sync", "import", path, "--yes")
        paths = ok("--db", str(dbs["huyen"]), "sync", "export", "--to", str(usb)).split()
        assert len(paths) == 3
        rng.shuffle(paths)
        by_site = {site: name for name, site in site_of.items()}
        for path in paths:
            target = next(by_site[s] for s in by_site if s[-4:].upper() in Path(path).name)
            ok("--db", str(dbs[target]), "sync", "import", path, "--yes")

    rng = random.Random(6)
    exchange([], rng)  # the plan and the certificates reach the communes
    for name in units:
        assert (
            json.loads(ok("--db", str(dbs[name]), "sync", "status", "--json"))["role"] == "commune"
        )
    preview = ok("--db", str(dbs["a1"]), "progress", "list", "--year", "2020", "--json")
    assert json.loads(preview) == []

    def progress(name: str, task: str, percent: int) -> None:
        ok(
            "--db", str(dbs[name]), "progress", "set", "--task", task, "--unit", units[name],
            "--period", "Q1", "--year", "2020", "--percent", str(percent),
        )  # fmt: skip

    progress("a1", "1.1", 30)
    progress("b1", "1.2", 50)
    exchange(["a1", "b1"], rng)
    # Concurrent edits of the same field on the two PCs of Xã Minh Sơn.
    progress("a1", "1.1", 60)
    progress("a2", "1.1", 70)
    progress("b1", "1.2", 55)
    for senders in (["a2", "b1", "a1"], ["a1", "a2", "b1"], ["b1"]):
        exchange(senders, rng)

    data = {name: dump(path) for name, path in dbs.items()}
    district = data["huyen"]
    unit_a = json.loads(ok("--db", str(dbs["a1"]), "sync", "status", "--json"))["unit"]
    unit_ids = {
        name: sqlite3.connect(dbs[name]).execute("SELECT unit_id FROM local_site").fetchone()[0]
        for name in units
    }
    assert unit_a == "Xã Minh Sơn"
    assert len(district["conflicts"]) == 1
    for name in units:
        assert commune_view(data[name], unit_ids[name]) == commune_view(district, unit_ids[name])
    lists = {
        name: json.loads(ok("--db", str(dbs[name]), "progress", "list", "--year", "2020", "--json"))
        for name in dbs
    }
    assert lists["a1"] == lists["a2"] == [r for r in lists["huyen"] if r["unit"] == "Xã Minh Sơn"]
    assert lists["b1"] == [r for r in lists["huyen"] if r["unit"] == "Xã Ngọc Liên"]
    assert {r["percent"] for r in lists["a1"]} <= {60, 70}
    cards = {
        name: json.loads(ok("--db", str(dbs[name]), "sync", "conflicts", "--json"))
        for name in ("huyen", "a1", "a2")
    }
    values = {name: sorted(v["value"] for v in c[0]["values"]) for name, c in cards.items()}
    assert values == {"huyen": [60, 70], "a1": [60, 70], "a2": [60, 70]}

    # A bundle imported twice changes nothing the second time.
    [again] = ok("--db", str(dbs["a1"]), "sync", "export", "--to", str(usb)).split()
    ok("--db", str(dbs["huyen"]), "sync", "import", again, "--yes")
    before = dump(dbs["huyen"])
    second = ok("--db", str(dbs["huyen"]), "sync", "import", again, "--yes")
    assert "đã được nhập" in second
    assert dump(dbs["huyen"]) == before

    # A tampered bundle is refused and changes nothing.
    raw = bytearray(Path(again).read_bytes())
    raw[len(raw) // 3] ^= 0x40
    tampered = tmp_path / "tampered.hcb"
    tampered.write_bytes(bytes(raw))
    status, _out, err = run("--db", str(dbs["huyen"]), "sync", "import", str(tampered), "--yes")
    assert status == 1
    assert "Lỗi: Gói dữ liệu" in err or "Lỗi: Tệp không phải gói dữ liệu CCHC" in err
    assert dump(dbs["huyen"]) == before

    # A bundle from another district's network is refused and changes nothing.
    other = tmp_path / "other" / "cchc.db"
    ok("--db", str(other), "sync", "init-network", "--name", "Huyện Khác")
    oc_request = str(tmp_path / "oc.json")
    oc = str(tmp_path / "oc" / "cchc.db")
    ok("--db", oc, "sync", "enrol-request", "--unit", "Xã Lạ", "-o", oc_request)
    ok("--db", str(other), "sync", "enrol", str(tmp_path / "oc.json"), "--yes")
    [foreign] = ok("--db", str(other), "sync", "export", "--to", str(tmp_path / "usb2")).split()
    before_a1 = dump(dbs["a1"])
    status, _out, err = run("--db", str(dbs["a1"]), "sync", "import", foreign, "--yes")
    assert status == 1
    assert "Gói dữ liệu thuộc mạng khác (huyện khác)" in err
    assert dump(dbs["a1"]) == before_a1


def test_the_installed_entry_point_runs_sync(tmp_path: Path) -> None:
    db = tmp_path / "d" / "cchc.db"
    argv = [sys.executable, "-m", "cchc_desktop", "--db", str(db), "sync", "init-network"]
    argv += ["--name", "Huyện A"]
    done = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    again = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, check=False, timeout=120)
    assert again.returncode == 1
    assert "đã thuộc mạng đồng bộ" in again.stderr
