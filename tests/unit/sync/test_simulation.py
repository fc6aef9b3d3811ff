"""A stateful simulation of five PCs exchanging bundles (sync.md §6, properties P1–P10).

The district, two PCs of Xã An, one of Xã Bình and a second Bình PC running "modified
software" that writes the district's fields anyway. Each PC's clock is offset by 0, −3 years,
+400 days or +5 s. Rules edit, delete and restore, export, deliver bundles in any order (lost,
duplicated, truncated). After a final full exchange every PC must hold the data routed to it,
identical across PCs, with identical review cards, and the merge state must equal a from-scratch
recomputation of the rule from the log.
"""

from __future__ import annotations

import atexit
import functools
import json
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)
from sqlite_utils import Database

from cchc_desktop.errors import SyncError
from cchc_desktop.store import ids
from cchc_desktop.store.change_log import EXCLUDED_MARKS
from cchc_desktop.store.changes import EXCLUDED_REASONS, Edit, apply_local_edits, saw
from cchc_desktop.store.db import open_database
from cchc_desktop.store.site import MAX_DRIFT_MS, set_clock, wall_ms
from cchc_desktop.sync.export import export_bundle
from cchc_desktop.sync.importer import import_bundle
from tests.unit.sync.netkit import TASKS, build_network, deliver, new_commune, snapshot

DAY = 86_400_000
OFFSETS = [0, -3 * 365 * DAY, 400 * DAY, 5_000]
NAMES = ["huyen", "a1", "a2", "b1", "x"]
COMMUNES = ["a1", "a2", "b1", "x"]
PERIODS = ["Q1", "H1"]
UNIT_TABLES = ("progress", "evidence", "indicator_value")


@functools.cache
def _template() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="sync-sim-"))
    atexit.register(shutil.rmtree, folder, True)
    net = build_network(folder)
    rogue = new_commune(net.district, folder / "x", "Xã Bình", "May-Binh-X")
    deliver(net.district, rogue, net.usb)
    net.close()
    rogue.close()
    return folder


class SyncSimulation(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="sync-run-"))
        template = _template()
        folders = {"huyen": "huyen", "a1": "a1", "a2": "a2", "b1": "b1", "x": "x"}
        self.db: dict[str, Database] = {}
        for name, sub in folders.items():
            shutil.copytree(template / sub, self.folder / sub)
            self.db[name] = open_database(self.folder / sub / "cchc.db")
        self.site = {
            n: db.execute("SELECT site_id FROM local_site").fetchone()[0]
            for n, db in self.db.items()
        }
        self.unit = {
            n: db.execute("SELECT unit_id FROM local_site").fetchone()[0]
            for n, db in self.db.items()
        }
        self.usb = self.folder / "usb"
        self.pool: list[tuple[Path, str]] = []  # (bundle, recipient name)
        self.logs: dict[str, set[tuple[str, int, bytes]]] = {n: set() for n in NAMES}
        self.rogue_values: set[str] = set()
        self.counter = 0

    def teardown(self) -> None:
        for db in self.db.values():
            db.conn.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # ------------------------------------------------------------------ set-up

    @initialize(offsets=st.lists(st.sampled_from(OFFSETS), min_size=5, max_size=5))
    def clocks(self, offsets: list[int]) -> None:
        for name, offset in zip(NAMES, offsets, strict=True):
            set_clock(self.db[name], _offset_clock(offset))

    # ------------------------------------------------------------------ edits

    def _edit(self, name: str, table: str, row: str, values: Mapping[str, Any], **kw: Any) -> None:
        apply_local_edits(self.db[name], [Edit(table, row, values)], author=name, guard=False, **kw)

    @rule(
        name=st.sampled_from(COMMUNES),
        task=st.sampled_from(TASKS),
        period=st.sampled_from(PERIODS),
        field=st.sampled_from(["percent", "result", "state"]),
        value=st.integers(0, 4),
    )
    def edit_progress(self, name: str, task: str, period: str, field: str, value: int) -> None:
        unit = self.unit[name]
        row = ids.progress_id(task, unit, 2020, period)
        new: Any = {
            "percent": value * 25,
            "result": f"kết quả {value}",
            "state": ["not_started", "in_progress", "done", "not_applicable", "in_progress"][value],
        }[field]
        base = {"task_id": task, "unit_id": unit, "year": 2020, "period": period}
        self._edit(name, "progress", row, {**base, field: new})

    @rule(
        task=st.sampled_from(TASKS[:2]),
        field=st.sampled_from(["percent", "result"]),
        pair=st.sampled_from([("a1", "a2"), ("b1", "x")]),
        values=st.tuples(st.integers(0, 4), st.integers(0, 4)),
    )
    def two_pcs_edit_the_same_field(
        self, task: str, field: str, pair: tuple[str, str], values: tuple[int, int]
    ) -> None:
        """Two PCs of one commune edit one field without having seen each other's edit."""
        for name, value in zip(pair, values, strict=True):
            self.edit_progress(name, task, "Q1", field, value)

    @rule(name=st.sampled_from(COMMUNES), task=st.sampled_from(TASKS), deleted=st.booleans())
    def delete_or_restore(self, name: str, task: str, deleted: bool) -> None:
        row = ids.progress_id(task, self.unit[name], 2020, "Q1")
        if self.db[name].execute("SELECT 1 FROM progress WHERE id = ?", [row]).fetchone():
            self._edit(name, "progress", row, {"deleted": int(deleted)})

    @rule(
        task=st.sampled_from(TASKS),
        field=st.sampled_from(["title", "note"]),
        value=st.integers(0, 3),
    )
    def district_edits_a_task(self, task: str, field: str, value: int) -> None:
        self._edit("huyen", "task", task, {field: f"{field} {value}"})

    @rule(
        task=st.sampled_from(TASKS), commune=st.sampled_from(["a1", "b1"]), value=st.integers(0, 2)
    )
    def district_reviews(self, task: str, commune: str, value: int) -> None:
        row = ids.progress_id(task, self.unit[commune], 2020, "Q1")
        if self.db["huyen"].execute("SELECT 1 FROM progress WHERE id = ?", [row]).fetchone():
            self._edit("huyen", "progress", row, {"district_review": f"nhận xét {value}"})

    @rule(task=st.sampled_from(TASKS))
    def rogue_pc_writes_a_task(self, task: str) -> None:
        self.counter += 1
        value = f"ROGUE {self.counter}"
        self.rogue_values.add(value)
        self._edit("x", "task", task, {"title": value}, check_ownership=False)

    # ------------------------------------------------------------------ exchange

    def _export(self, sender: str, recipient: str) -> None:
        for path in export_bundle(self.db[sender], self.usb, peer=self.site[recipient]):
            self.pool.append((path, recipient))

    @rule(name=st.sampled_from(COMMUNES))
    def commune_exports(self, name: str) -> None:
        self._export(name, "huyen")

    @rule(name=st.sampled_from(COMMUNES))
    def district_exports(self, name: str) -> None:
        self._export("huyen", name)

    @precondition(lambda self: bool(self.pool))
    @rule(index=st.integers(0, 10_000))
    def deliver_a_bundle(self, index: int) -> None:
        path, recipient = self.pool[index % len(self.pool)]
        db = self.db[recipient]
        hlc_before = db.execute("SELECT hlc_wall FROM local_site").fetchone()[0]
        import_bundle(db, path)
        before = snapshot(db)
        assert import_bundle(db, path).status == "already"  # P2
        assert snapshot(db) == before
        hlc = db.execute("SELECT hlc_wall FROM local_site").fetchone()[0]
        assert hlc <= max(hlc_before, wall_ms(db) + MAX_DRIFT_MS)  # P9

    @precondition(lambda self: bool(self.pool))
    @rule(index=st.integers(0, 10_000), fraction=st.floats(0.0, 0.99))
    def deliver_a_truncated_copy(self, index: int, fraction: float) -> None:
        path, recipient = self.pool[index % len(self.pool)]
        data = path.read_bytes()
        cut = self.folder / "cut.hcb"
        cut.write_bytes(data[: int(len(data) * fraction)])
        db = self.db[recipient]
        before = snapshot(db)
        with pytest.raises(SyncError):
            import_bundle(db, cut)
        assert snapshot(db) == before

    # ------------------------------------------------------------------ invariants

    @invariant()
    def logs_only_grow(self) -> None:  # P4
        for name, db in self.db.items():
            log = {
                (o, s, bytes(h))
                for o, s, h in db.execute("SELECT origin, seq, content_hash FROM change_log")
            }
            assert self.logs[name] <= log
            self.logs[name] = log

    # ------------------------------------------------------------------ the end

    def full_exchange(self) -> None:
        for _round in range(3):
            for name in COMMUNES:
                for path in export_bundle(self.db[name], self.usb, peer=self.site["huyen"]):
                    import_bundle(self.db["huyen"], path)
            for name in COMMUNES:
                for path in export_bundle(self.db["huyen"], self.usb, peer=self.site[name]):
                    import_bundle(self.db[name], path)

    def check_after_full_exchange(self) -> None:
        self.full_exchange()
        district = self.db["huyen"]
        honest = ["a1", "a2", "b1"]
        for name in honest:
            db = self.db[name]
            unit = self.unit[name]
            # P1: the plan side is identical everywhere; progress equals the district's rows of
            # this commune (routing §8a).
            for table in ("agency", "plan", "appendix", "task"):
                assert _rows(db, table) == _rows(district, table), (name, table)
            assert _rows(db, "progress") == [r for r in _rows(district, "progress") if r[2] == unit]
            # P7: the same review cards for the rows both hold.
            mine = _cards(db)
            theirs = [c for c in _cards(district) if _card_visible(district, c, unit)]
            assert mine == theirs, name
        assert _rows(self.db["a1"], "progress") == _rows(self.db["a2"], "progress")
        # P5: every change made anywhere is in the district's log or quarantine, and every
        # change routed to a commune PC is in its log.
        district_log = _log(district)
        for name in COMMUNES:
            own = {(o, s) for o, s, _h in _log(self.db[name]) if o == self.site[name]}
            assert own <= {(o, s) for o, s, _h in district_log}
        for name in honest:
            routed = {(o, s) for o, s, _h in district_log if _routed(district, o, self.unit[name])}
            assert routed <= {(o, s) for o, s, _h in _log(self.db[name])}
        # P8: unauthorised values never show, and are kept in quarantine.
        for name in ("huyen", *honest):
            titles = {r[0] for r in self.db[name].execute("SELECT title FROM task")}
            assert not titles & self.rogue_values
        if self.rogue_values:
            held = district.execute(
                "SELECT count(*) FROM quarantine WHERE reason = 'unauthorised'"
            ).fetchone()[0]
            assert held >= len(self.rogue_values)
        # P10: one progress row per (task, unit, year, period).
        for name in ("huyen", *honest):
            assert self.db[name].execute(
                "SELECT count(*) = count(DISTINCT task_id || unit_id || year || period)"
                " FROM progress"
            ).fetchone() == (1,)
        event(f"open review cards at the district: {min(len(_cards(district)), 3)}")
        # P6/P11: the stored merge state equals the rule recomputed from the log.
        for name in ("huyen", *honest):
            _check_merge_state(self.db[name])


def _offset_clock(offset: int) -> Callable[[], int]:
    """A wall clock `offset` ms away from the real one (still advancing)."""

    def clock() -> int:
        return time.time_ns() // 1_000_000 + offset

    return clock


def _rows(db: Database, table: str) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in db.execute(f"SELECT * FROM {table} ORDER BY id")]  # noqa: S608


def _log(db: Database) -> set[tuple[str, int, bytes]]:
    return {
        (o, s, bytes(h))
        for o, s, h in db.execute("SELECT origin, seq, content_hash FROM change_log")
    }


def _cards(db: Database) -> list[tuple[Any, ...]]:
    return [
        tuple(r)
        for r in db.execute(
            "SELECT kind, tbl, row_id, field, heads FROM conflict WHERE closed_by_seq IS NULL"
            " AND kind IN ('same_field', 'edit_vs_delete') ORDER BY 1, 2, 3, 4, 5"
        )
    ]


def _card_visible(district: Database, card: tuple[Any, ...], unit: str) -> bool:
    if card[1] not in UNIT_TABLES:
        return True
    row = district.execute(f"SELECT unit_id FROM {card[1]} WHERE id = ?", [card[2]]).fetchone()  # noqa: S608
    return row is not None and row[0] == unit


def _routed(district: Database, origin: str, unit: str) -> bool:
    row = district.execute("SELECT role, unit_id FROM site WHERE site_id = ?", [origin]).fetchone()
    return row is not None and (row[0] == "district" or row[1] == unit)


def _check_merge_state(db: Database) -> None:
    """Recompute heads, winners and conflicts from the log and compare with what is stored."""
    excluded = {
        (o, s)
        for o, s in db.execute(
            f"SELECT origin, seq FROM quarantine WHERE reason IN ({EXCLUDED_MARKS})",  # noqa: S608
            list(EXCLUDED_REASONS),
        )
    }
    changes: dict[tuple[str, str, str], list[tuple[str, int, int, int, str, dict[str, int]]]] = {}
    for o, s, tbl, row, fld, value, wall, ctr, vv in db.execute(
        "SELECT c.origin, c.seq, c.tbl, c.row_id, c.field, c.value, c.hlc_wall, c.hlc_ctr, t.vv"
        " FROM change_log c JOIN change_tx t ON t.origin = c.origin AND t.tx_seq = c.tx_seq"
    ):
        if (o, s) not in excluded:
            changes.setdefault((tbl, row, fld), []).append((o, s, wall, ctr, value, json.loads(vv)))
    stored: dict[tuple[str, str, str], set[tuple[str, int]]] = {}
    for tbl, row, fld, o, s in db.execute("SELECT * FROM field_head"):
        stored.setdefault((tbl, row, fld), set()).add((o, s))
    assert set(stored) == set(changes)
    conflicts = set()
    for key, versions in changes.items():
        heads = [
            v
            for v in versions
            if not any(saw(w[0], w[1], w[5], v[0], v[1]) for w in versions if w is not v)
        ]
        assert {(h[0], h[1]) for h in heads} == stored[key], key
        winner = max(heads, key=lambda h: (h[2], h[3], h[0]))
        found = db.execute(
            f"SELECT {key[2]} FROM {key[0]} WHERE id = ?",  # noqa: S608
            [key[1]],
        ).fetchone()
        if found is not None:
            assert found[0] == json.loads(winner[4]), key
        if len({h[4] for h in heads}) > 1:
            conflicts.add(key)
    open_same = {
        (t, r, f)
        for t, r, f in db.execute(
            "SELECT tbl, row_id, field FROM conflict WHERE kind = 'same_field'"
            " AND closed_by_seq IS NULL"
        )
    }
    assert open_same == conflicts


class _Checked(SyncSimulation):
    def teardown(self) -> None:
        try:
            self.check_after_full_exchange()
        finally:
            super().teardown()


TestSyncSimulation = _Checked.TestCase
TestSyncSimulation.settings = settings(
    max_examples=45,
    stateful_step_count=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
