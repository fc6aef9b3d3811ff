"""A small sync network for tests: a district PC, commune PCs, a plan, and bundle helpers."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from cchc_desktop.store import ids
from cchc_desktop.store.changes import (
    BUSINESS_TABLES,
    Changes,
    Edit,
    apply_local_edits,
    canonical_json,
)
from cchc_desktop.store.db import open_database
from cchc_desktop.sync import keys, network
from cchc_desktop.sync.bundle import segment_signed_bytes
from cchc_desktop.sync.export import export_bundle
from cchc_desktop.sync.importer import ImportResult, import_bundle

DISTRICT_AGENCY = ids.agency_id("ubnd huyen test")
PLAN = ids.plan_id(2020, "1/QĐ-TEST")
APPENDIX = ids.appendix_id(PLAN, 1)
TASKS = [ids.task_id(PLAN, 1, str(n)) for n in range(1, 4)]


@dataclass
class Office:
    name: str
    path: Path
    db: Database

    @property
    def site_id(self) -> str:
        return str(self.db.execute("SELECT site_id FROM local_site").fetchone()[0])

    @property
    def unit_id(self) -> str:
        return str(self.db.execute("SELECT unit_id FROM local_site").fetchone()[0])

    def close(self) -> None:
        self.db.conn.close()

    def reopen(self) -> None:
        self.db = open_database(self.path)


def small_plan(db: Database) -> None:
    """A district agency, a 2020 plan, one appendix and three tasks."""
    apply_local_edits(
        db,
        [
            Edit("agency", DISTRICT_AGENCY, {"name": "UBND huyện Thử", "kind": "district"}),
            Edit("plan", PLAN, {"year": 2020, "title": "Kế hoạch CCHC năm 2020"}),
            Edit("appendix", APPENDIX, {"plan_id": PLAN, "number": 1, "title": "Phụ lục 01"}),
            *[
                Edit(
                    "task",
                    task,
                    {
                        "plan_id": PLAN,
                        "appendix_id": APPENDIX,
                        "no": str(n),
                        "ord": n,
                        "title": f"Nhiệm vụ số {n}",
                    },
                )
                for n, task in enumerate(TASKS, start=1)
            ],
        ],
        author="Văn thư huyện",
    )


def new_district(folder: Path, name: str = "Huyện Thử") -> Office:
    db = open_database(folder / "cchc.db")
    small_plan(db)
    network.init_network(db, name)
    return Office("huyen", folder / "cchc.db", db)


def new_commune(district: Office, folder: Path, unit: str, pc: str) -> Office:
    db = open_database(folder / "cchc.db", role="commune")
    network.enrol_request(db, unit, folder / "request.json", pc_name=pc)
    network.enrol(district.db, folder / "request.json")
    return Office(pc, folder / "cchc.db", db)


def deliver(src: Office, dst: Office, usb: Path, **kwargs: Any) -> ImportResult:
    """Export from `src` for `dst` and import there; return the last import's result."""
    paths = export_bundle(src.db, usb, peer=dst.site_id)
    result = None
    for path in paths:
        result = import_bundle(dst.db, path, **kwargs)
    assert result is not None
    return result


def progress_row(office: Office, task: str, **values: Any) -> str:
    row = ids.progress_id(task, office.unit_id, 2020, "Q1")
    base = {"task_id": task, "unit_id": office.unit_id, "year": 2020, "period": "Q1"}
    apply_local_edits(office.db, [Edit("progress", row, {**base, **values})], author=office.name)
    return row


def edit(office: Office, table: str, row: str, **values: Any) -> Changes:
    return apply_local_edits(office.db, [Edit(table, row, values)], author=office.name)


def business(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    return {
        t: [tuple(r) for r in db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()]  # noqa: S608
        for t in sorted(BUSINESS_TABLES)
    }


def open_conflicts(db: Database) -> list[tuple[str, str, str, str, str]]:
    return [
        tuple(r)
        for r in db.execute(
            "SELECT kind, tbl, row_id, field, heads FROM conflict WHERE closed_by_seq IS NULL"
            " AND kind IN ('same_field', 'edit_vs_delete') ORDER BY 1, 2, 3, 4, 5"
        ).fetchall()
    ]


def snapshot(db: Database) -> dict[str, Any]:
    """Everything an import may change (local times excluded)."""
    state: dict[str, Any] = {"business": business(db)}
    for name, sql in {
        "log": "SELECT origin, seq, content_hash FROM change_log ORDER BY 1, 2",
        "tx": "SELECT * FROM change_tx ORDER BY 1, 2",
        "heads": "SELECT * FROM field_head ORDER BY 1, 2, 3, 4, 5",
        "conflicts": "SELECT kind, tbl, row_id, field, heads, closed_by_origin, closed_by_seq"
        " FROM conflict ORDER BY 1, 2, 3, 4, 5",
        "quarantine": "SELECT origin, seq, reason FROM quarantine ORDER BY 1, 2, 3",
        "progress": "SELECT * FROM origin_progress ORDER BY 1",
        "peer": "SELECT site_id, their_vv, last_bundle_seq_in FROM peer ORDER BY 1",
        "bundles": "SELECT sha256, direction FROM bundle_log ORDER BY 1",
        "segments": "SELECT origin, lo, hi FROM segment ORDER BY 1, 2, 3",
        "site": "SELECT site_id, cert_serial, revoked_after_seq FROM site ORDER BY 1",
        "local": "SELECT site_id, network_id, role, unit_id, next_seq, blocked_reason,"
        " max_trusted_wall FROM local_site",
        "missing": "SELECT * FROM missing_blob ORDER BY 1, 2",
    }.items():
        state[name] = [tuple(r) for r in db.execute(sql).fetchall()]
    return state


@dataclass
class Net:
    district: Office
    a1: Office
    a2: Office
    b1: Office
    usb: Path

    @property
    def offices(self) -> list[Office]:
        return [self.district, self.a1, self.a2, self.b1]

    def close(self) -> None:
        for office in self.offices:
            office.close()


def build_network(folder: Path) -> Net:
    """District + Xã An (two PCs) + Xã Bình, all enrolled and holding the plan."""
    district = new_district(folder / "huyen")
    a1 = new_commune(district, folder / "a1", "Xã An", "May-An-1")
    a2 = new_commune(district, folder / "a2", "Xã An", "May-An-2")
    b1 = new_commune(district, folder / "b1", "Xã Bình", "May-Binh-1")
    net = Net(district, a1, a2, b1, folder / "usb")
    for commune in (a1, a2, b1):
        deliver(district, commune, net.usb)
    return net


FOLDERS = {"huyen": "huyen", "May-An-1": "a1", "May-An-2": "a2", "May-Binh-1": "b1"}


def copy_network(template: Path, folder: Path) -> Net:
    """A private copy of a network built once by `build_network` (fast per-test set-up)."""
    offices = []
    for name, sub in FOLDERS.items():
        shutil.copytree(template / sub, folder / sub)
        path = folder / sub / "cchc.db"
        offices.append(Office(name, path, open_database(path)))
    district, a1, a2, b1 = offices
    return Net(district, a1, a2, b1, folder / "usb")


# ---------------------------------------------------------------------------- crafted bundles


def rewrite_bundle(
    source: Path,
    target: Path,
    *,
    sender_key: Any,
    origin_key: Callable[[str], Any] | None = None,
    lines: Callable[[str, list[str]], list[str]] | None = None,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    drop: Callable[[str], bool] | None = None,
) -> Path:
    """Re-make a bundle with altered content, validly re-hashed and re-signed (test keys).

    `lines(path, lines)` rewrites a segment's change lines; `manifest(obj)` edits the manifest
    before it is signed; `drop(name)` leaves members out.
    """
    with zipfile.ZipFile(source) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    obj = json.loads(members["manifest.json"])
    for seg in obj["segments"]:
        if lines is not None:
            old = members[seg["path"]].decode("utf-8").splitlines()
            new = lines(seg["path"], old)
            data = ("\n".join(new) + "\n").encode("utf-8") if new else b""
            members[seg["path"]] = data
            seg["sha256"] = hashlib.sha256(data).hexdigest()
            seg["bytes"] = len(data)
            if origin_key is not None:
                sig = keys.sign(
                    origin_key(seg["origin"]),
                    keys.SEGMENT_CONTEXT,
                    segment_signed_bytes(seg["sha256"], seg["tx_sha256"]),
                )
                members[seg["sig_path"]] = sig
    if drop is not None:
        for name in [n for n in members if drop(n)]:
            del members[name]
        obj["certs"] = [c for c in obj["certs"] if c["path"] in members]
    if manifest is not None:
        manifest(obj)
    manifest_bytes = canonical_json(obj).encode("utf-8")
    members["manifest.json"] = manifest_bytes
    members["manifest.sig"] = keys.sign(sender_key, keys.BUNDLE_CONTEXT, manifest_bytes)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return target


def site_private_key(office: Office) -> Any:
    return keys.load_private_key(keys.site_key_path(office.path, office.site_id))
