"""A repeatable adversarial run against the real command line: nothing lost, true counts.

    python bench/adversarial.py              # 400 plans, 200 PDFs, 300 bundles, 200 kills,
                                             # 2 × 200 writes
    python bench/adversarial.py --quick      # a few of each (the test suite runs this)
    python bench/adversarial.py --seed 7     # replay a run

Four parts (the first with PDFs too), each in throw-away data folders, each driving
`python -m cchc_desktop` (or the product's own write path in a child process) as a clerk's PC
would:

1. **Mutated plans.** The seed plan with lines deleted, doubled or swapped, an appendix heading
   dropped, blocks repeated, rows doubled, garbage bytes, very long lines, cut short. Each is
   read with `import-plan --dry-run --json`, then imported with `--replace` over a database with
   progress recorded. Checked: the exit status is 0 or 1, messages are Vietnamese (no traceback,
   no English error), the stored task count equals the count the import reported, and recorded
   progress never ends up on a task of another content.
   The same for the plan as a PDF with bytes overwritten or cut (`--pdfs`), each read in its
   own process so that a crash of the PDF library would show.
2. **Bundles.** A real network (district and commune), a real bundle, then bytes flipped, the file
   cut, zip members replaced or added, a bundle of another network, the same bundle twice.
   Checked: refused with exit 1 and a Vietnamese message, or taken; the commune's database passes
   `integrity_check` and changes only when a bundle is taken.
3. **kill -9.** A save loop that prints each commit, and plan imports, killed at random moments.
   Checked: `integrity_check` ok, every commit a process reported is in the database, an import
   is all there or not at all.
4. **Two writers.** Two processes saving progress in tight loops through the product's write path.
   Checked: no save fails, and every value a writer was told was saved is in the log.

Prints a table and exits 1 if anything was lost, miscounted or said in English.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the PDF maker of the tests
SEED_PLAN = ROOT / "resources" / "ke-hoach-cchc-2020-ngoc-lac.txt"
# what an English or internal error looks like in a message meant for a clerk
_FOREIGN = re.compile(
    r"Traceback|Exception|\bError\b|\berror\b|No such file|Permission denied|database is locked"
    r"|disk I/O|malformed|not a database|No space left"
)


@dataclass
class Tally:
    tried: int = 0
    refused: int = 0  # exit 1 with a Vietnamese message, nothing changed
    accepted: int = 0  # exit 0, counts true
    lost: int = 0  # a count, a commit or a progress record not as it should be
    bad_message: int = 0  # a traceback, English, or an exit status other than 0/1
    notes: list[str] = field(default_factory=list)

    def problem(self, kind: str, note: str) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        if len(self.notes) < 8:
            self.notes.append(note)


def _env(data: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CCHC_DATA_DIR=str(data))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def cli(db: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cchc_desktop", "--db", str(db), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(db.parent / "data"),
        timeout=timeout,
        check=False,
    )


def _said_well(result: subprocess.CompletedProcess[str]) -> bool:
    said = result.stderr + (result.stdout if result.returncode else "")
    return result.returncode in (0, 1) and not _FOREIGN.search(said)


def _query(db: Path, sql: str) -> list[tuple[object, ...]]:
    """Rows of a read, on a connection closed before returning (an open reader would keep the
    write-ahead log beside the file while folders are copied)."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _copy_folder(source: Path, target: Path) -> None:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*-wal", "*-shm", "*.lock"))


def _integrity(db: Path) -> bool:
    return _query(db, "PRAGMA integrity_check") == [("ok",)]


# ---------------------------------------------------------------------------- 1. mutated plans


def _mutate(lines: list[str], rng: random.Random) -> tuple[str, list[str]]:
    out = list(lines)
    kind = rng.choice(
        ["delete", "double", "swap", "drop_heading", "repeat_block", "double_row", "garbage",
         "long_line", "truncate", "blank_cells"]
    )  # fmt: skip
    i = rng.randrange(len(out))
    if kind == "delete":
        del out[i : i + rng.randint(1, 5)]
    elif kind == "double":
        out.insert(i, out[i])
    elif kind == "swap":
        j = rng.randrange(len(out))
        out[i], out[j] = out[j], out[i]
    elif kind == "drop_heading":
        headings = [k for k, line in enumerate(out) if line.startswith("Phụ lục số")]
        if headings:
            del out[rng.choice(headings)]
    elif kind == "repeat_block":
        j = min(len(out), i + rng.randint(5, 60))
        out[j:j] = out[i:j] * rng.randint(1, 3)
    elif kind == "double_row":
        rows = [k for k, line in enumerate(out) if re.match(r"^\d+\t", line)]
        if rows:
            k = rng.choice(rows)
            out.insert(k, out[k])
    elif kind == "garbage":
        out[i] = out[i][: len(out[i]) // 2] + "".join(
            chr(rng.randrange(1, 0x3000)) for _ in range(20)
        )
    elif kind == "long_line":
        out.insert(i, "Nội dung " * rng.randint(2_000, 4_000))
    elif kind == "truncate":
        out = out[: rng.randrange(1, len(out))]
    elif kind == "blank_cells":
        out[i] = re.sub(r"[^\t]+", "", out[i]) if "\t" in out[i] else out[i]
    return kind, out


def _progress_titles(db: Path) -> dict[str, str]:
    rows = _query(
        db,
        "SELECT p.id, t.title FROM progress p JOIN task t ON t.id = p.task_id"
        " WHERE p.deleted = 0 AND t.deleted = 0",
    )
    return {str(k): str(v) for k, v in rows}


def _live_tasks(db: Path) -> int:
    [(count,)] = _query(
        db,
        "SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id"
        " WHERE t.deleted = 0 AND p.deleted = 0 AND p.year = 2020",
    )
    return int(count)  # type: ignore[call-overload]


def mutated_plans(count: int, rng: random.Random, work: Path) -> Tally:
    tally = Tally()
    pristine = work / "plans" / "pristine" / "cchc.db"
    pristine.parent.mkdir(parents=True)
    for task in ("1.1", "2.3", "5.2"):
        cli(pristine, "progress", "set", "--task", task, "--unit", "Phòng Nội vụ", "--period",
            "Y", "--year", "2020", "--status", "in_progress", "--percent", "40")  # fmt: skip
    before = _progress_titles(pristine)
    lines = SEED_PLAN.read_text(encoding="utf-8").splitlines()
    for n in range(count):
        kind, mutated = _mutate(lines, rng)
        folder = work / "plans" / f"run{n}"
        _copy_folder(pristine.parent, folder)
        db = folder / "cchc.db"
        plan = folder / "ke-hoach.txt"
        plan.write_text("\n".join(mutated) + "\n", encoding="utf-8", errors="surrogatepass")
        tally.tried += 1
        looked = cli(db, "import-plan", str(plan), "--dry-run", "--json")
        stored = cli(db, "import-plan", str(plan), "--replace", "--json")
        if not (_said_well(looked) and _said_well(stored)):
            tally.problem("bad_message", f"{kind}: {(stored.stderr or looked.stderr)[-300:]}")
            continue
        if stored.returncode == 1:
            if _progress_titles(db) != before or _live_tasks(db) != 37:
                tally.problem("lost", f"{kind}: a refused import changed the database")
            else:
                tally.refused += 1
            continue
        reported = json.loads(stored.stdout)
        said = sum(int(a["tasks"]) for a in reported["appendices"])
        if said != _live_tasks(db):
            tally.problem("lost", f"{kind}: said {said} tasks, stored {_live_tasks(db)}")
            continue
        after = _progress_titles(db)
        moved = [
            (before[p], after[p])
            for p in after
            if p in before and difflib.SequenceMatcher(None, before[p], after[p]).ratio() < 0.6
        ]
        if moved:
            tally.problem(
                "lost", f"{kind}: progress moved from «{moved[0][0][:40]}» to «{moved[0][1][:40]}»"
            )
            continue
        tally.accepted += 1
        shutil.rmtree(folder)
    return tally


def mutated_pdfs(count: int, rng: random.Random, work: Path) -> Tally:
    """The seed plan as a PDF with bytes overwritten or cut: read with `import-plan --dry-run`
    in its own process, so that a crash of the PDF library would show as a bad exit."""
    from tests.document_files import make_pdf

    tally = Tally()
    folder = work / "pdfs"
    folder.mkdir()
    db = folder / "cchc.db"
    good = make_pdf(SEED_PLAN.read_text(encoding="utf-8"))
    for n in range(count):
        data = bytearray(good)
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.2:
            del data[rng.randrange(1, len(data)) :]
        path = folder / f"ke-hoach-{n}.pdf"
        path.write_bytes(bytes(data))
        tally.tried += 1
        result = cli(db, "import-plan", str(path), "--dry-run", "--json")
        if not _said_well(result):
            tally.problem(
                "bad_message", f"pdf {n}: exit {result.returncode} {result.stderr[-200:]}"
            )
        elif result.returncode == 1:
            tally.refused += 1
        else:
            tally.accepted += 1
        path.unlink()
    return tally


# ------------------------------------------------------------------------------------ 2. bundles


def _business_state(db: Path) -> list[object]:
    return [
        _query(db, f"SELECT * FROM {t} ORDER BY id")  # noqa: S608 - constant names
        for t in ("agency", "plan", "appendix", "task", "task_agency", "milestone", "setting")
    ]


def _fuzzed(bundle: bytes, rng: random.Random, other: bytes) -> tuple[str, bytes]:
    kind = rng.choice(["flip", "flip_many", "truncate", "member", "add_member", "junk", "other"])
    data = bytearray(bundle)
    if kind == "flip":
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    elif kind == "flip_many":
        for _ in range(rng.randint(2, 50)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == "truncate":
        del data[rng.randrange(1, len(data)) :]
    elif kind in ("member", "add_member"):
        import io
        import warnings

        warnings.filterwarnings("ignore", "Duplicate name", UserWarning)  # meant: a forged member

        source = zipfile.ZipFile(io.BytesIO(bundle))
        names = source.namelist()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            victim = rng.choice(names)
            for name in names:
                payload = source.read(name)
                if kind == "member" and name == victim:
                    payload = payload[: len(payload) // 2] + os.urandom(16)
                target.writestr(name, payload)
            if kind == "add_member":
                target.writestr(
                    rng.choice(["../../evil.txt", "segments/x.json", "manifest.json"]), b"{}"
                )
        data = bytearray(out.getvalue())
    elif kind == "junk":
        data = bytearray(os.urandom(rng.randint(1, 4096)))
    else:
        data = bytearray(other)
    return kind, bytes(data)


def _network(work: Path, name: str) -> tuple[Path, Path, Path]:
    district = work / name / "huyen" / "cchc.db"
    commune = work / name / "xa" / "cchc.db"
    usb = work / name / "usb"
    request = work / name / "request.json"
    for db, args in (
        (district, ["sync", "init-network", "--name", f"Huyện {name}"]),
        (commune, ["sync", "enrol-request", "--unit", "Xã Minh Sơn", "-o", str(request),
                   "--pc-name", "PC-XA"]),
        (district, ["sync", "enrol", str(request), "--yes"]),
    ):  # fmt: skip
        result = cli(db, *args)
        if result.returncode != 0:
            raise SystemExit(f"setting up the network failed: {result.stderr}")
    result = cli(district, "sync", "export", "--to", str(usb))
    if result.returncode != 0:
        raise SystemExit(f"export failed: {result.stderr}")
    return district, commune, Path(result.stdout.split()[0])


def bundles(count: int, rng: random.Random, work: Path) -> Tally:
    tally = Tally()
    _district, commune, bundle = _network(work / "sync", "A")
    _d2, _c2, other = _network(work / "sync", "B")
    good, foreign = bundle.read_bytes(), other.read_bytes()
    pristine = _business_state(commune)
    for n in range(count + 1):
        folder = work / "sync" / f"run{n}"
        _copy_folder(commune.parent, folder)
        db = folder / "cchc.db"
        path = folder / bundle.name
        if n == count:  # the real bundle, twice: the second time changes nothing
            kind, data = "twice", good
            path.write_bytes(data)
            cli(db, "sync", "import", str(path), "--yes")
        else:
            kind, data = _fuzzed(good, rng, foreign)
            path.write_bytes(data)
        once = _business_state(db)
        result = cli(db, "sync", "import", str(path), "--yes")
        tally.tried += 1
        if not _said_well(result):
            tally.problem("bad_message", f"{kind}: {result.stderr[-300:]}")
        elif not _integrity(db):
            tally.problem("lost", f"{kind}: integrity_check failed after the import")
        elif result.returncode == 1:
            if _business_state(db) != once:
                tally.problem("lost", f"{kind}: a refused bundle changed the database")
            else:
                tally.refused += 1
        elif kind == "twice" and _business_state(db) != once:
            tally.problem("lost", "the same bundle taken twice changed the database again")
        else:
            tally.accepted += 1
            if kind != "twice" and _business_state(db) == pristine:
                tally.notes.append(f"{kind}: taken, changed nothing") if len(
                    tally.notes
                ) < 8 else None
        shutil.rmtree(folder)
    return tally


# ------------------------------------------------------------------------------ 3. kill -9

_SAVE_LOOP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from cchc_desktop.store.changes import Edit, apply_local_edits
    from cchc_desktop.store.db import open_database
    db = open_database(Path(sys.argv[1]))
    start = int(sys.argv[2])
    for n in range(start, start + 100_000):
        apply_local_edits(db, [Edit("setting", f"adversarial.{n % 50}", {"value": str(n)})])
        print(n, flush=True)
    """
)


def _settings(db: Path) -> dict[str, int]:
    rows = _query(db, "SELECT id, value FROM setting WHERE id LIKE 'adversarial.%'")
    return {str(k): int(str(v)) for k, v in rows}


def kills(count: int, rng: random.Random, work: Path) -> Tally:
    tally = Tally()
    db = work / "kills" / "cchc.db"
    db.parent.mkdir(parents=True)
    cli(db, "plan", "list")  # a database with the seed
    start = 1
    variant = work / "kills" / "ke-hoach.txt"
    text = SEED_PLAN.read_text(encoding="utf-8")
    for n in range(count):
        tally.tried += 1
        if n % 2 == 0:
            process = subprocess.Popen(
                [sys.executable, "-c", _SAVE_LOOP, str(db), str(start)],
                stdout=subprocess.PIPE, text=True, env=_env(db.parent / "data"),
            )  # fmt: skip
            time.sleep(rng.uniform(0.3, 1.5))
            process.send_signal(signal.SIGKILL)
            printed = [int(x) for x in process.communicate()[0].split()]
            process.wait()
            if not _integrity(db):
                tally.problem("lost", "integrity_check failed after a killed save loop")
                continue
            stored = _settings(db)
            missing = [k for k in printed[-50:] if stored.get(f"adversarial.{k % 50}", -1) < k]
            if missing:
                tally.problem("lost", f"saves reported but not stored: {missing[:5]}")
                continue
            start = (printed[-1] + 1) if printed else start
        else:
            # alternate between two versions of the plan, so each import changes every task
            marker = f" (lần {n})"
            variant.write_text(text.replace("Rà soát", "Rà soát" + marker), encoding="utf-8")
            process = subprocess.Popen(
                [sys.executable, "-m", "cchc_desktop", "--db", str(db), "import-plan",
                 str(variant), "--replace"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(db.parent / "data"),
            )  # fmt: skip
            time.sleep(rng.uniform(0.1, 1.2))
            process.send_signal(signal.SIGKILL)
            process.wait()
            if not _integrity(db):
                tally.problem("lost", "integrity_check failed after a killed import")
                continue
            titles = _query(
                db, "SELECT title FROM task WHERE deleted = 0 AND title LIKE 'Rà soát%'"
            )
            marks = {m for (title,) in titles for m in re.findall(r"\(lần \d+\)", str(title))}
            if len(marks) > 1:
                tally.problem("lost", f"a killed import left a mix of versions: {sorted(marks)}")
                continue
        tally.accepted += 1
    return tally


# ------------------------------------------------------------------------------ 4. two writers

_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from cchc_desktop.store.changes import Edit, apply_local_edits
    from cchc_desktop.store.db import open_database
    db = open_database(Path(sys.argv[1]))
    name, count, failed = sys.argv[2], int(sys.argv[3]), 0
    for n in range(count):
        try:
            apply_local_edits(db, [Edit("setting", f"writer.{name}.{n}", {"value": str(n)})])
            print("ok", n, flush=True)
        except Exception as exc:
            failed += 1
            print("failed", n, type(exc).__name__, flush=True)
    """
)


def two_writers(count: int, work: Path) -> Tally:
    tally = Tally()
    db = work / "writers" / "cchc.db"
    db.parent.mkdir(parents=True)
    cli(db, "plan", "list")
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(db), name, str(count)],
            stdout=subprocess.PIPE,
            text=True,
            env=_env(db.parent / "data"),
        )
        for name in ("a", "b")
    ]
    outputs = [p.communicate(timeout=600)[0] for p in processes]
    stored = {k for (k,) in _query(db, "SELECT id FROM setting WHERE id LIKE 'writer.%'")}
    for name, output in zip(("a", "b"), outputs, strict=True):
        for line in output.splitlines():
            status, n, *why = line.split()
            tally.tried += 1
            if status == "failed":
                tally.problem("lost", f"writer {name}: save {n} failed ({' '.join(why)})")
            elif f"writer.{name}.{n}" not in stored:
                tally.problem("lost", f"writer {name}: save {n} reported but not stored")
            else:
                tally.accepted += 1
    return tally


# ------------------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=400)
    parser.add_argument("--pdfs", type=int, default=200)
    parser.add_argument("--bundles", type=int, default=300)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--quick", action="store_true", help="a few of each")
    parser.add_argument("--seed", type=int, default=random.randrange(1 << 30))
    args = parser.parse_args()
    if args.quick:
        args.plans, args.pdfs, args.bundles, args.kills, args.writes = 12, 4, 10, 4, 20
    rng = random.Random(args.seed)
    print(f"# seed {args.seed}")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cchc-adversarial-") as tmp:
        work = Path(tmp)
        parts = {
            "mutated plans": mutated_plans(args.plans, rng, work),
            "mutated PDFs": mutated_pdfs(args.pdfs, rng, work),
            "bundles": bundles(args.bundles, rng, work),
            "kill -9": kills(args.kills, rng, work),
            "two writers": two_writers(args.writes, work),
        }
    print(f"{'part':<15}{'tried':>7}{'refused':>9}{'taken':>7}{'lost':>6}{'bad msg':>9}")
    for name, t in parts.items():
        print(f"{name:<15}{t.tried:>7}{t.refused:>9}{t.accepted:>7}{t.lost:>6}{t.bad_message:>9}")
        for note in t.notes:
            print(f"    {note}")
    print(f"# {time.perf_counter() - started:.0f} s")
    bad = sum(t.lost + t.bad_message for t in parts.values())
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
