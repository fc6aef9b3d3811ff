"""Evidence for the PAR index: linking what the year already recorded, or attaching a file.

For a criterion, the year's work offers itself as evidence: the results recorded against the
plan's tasks (progress rows), the files attached to them, and the documents the office issued
(the document register). A proposal is ranked by how much of the criterion's wording (its
title, its area's and criterion's titles, the evidence it asks for) the task or document shares;
linking stores a reference, never a copy. A new file goes into the one evidence store (by
SHA-256, carried by USB bundles like any evidence file); the caller stores it first.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from cchc_desktop.domain import par
from cchc_desktop.domain.par import Criterion
from cchc_desktop.domain.text import fold
from cchc_desktop.errors import ValidationError
from cchc_desktop.services.par_service import ParSet
from cchc_desktop.store import ids
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits
from cchc_desktop.store.evidence_files import blob_path, copy_files, has_blob, register_blobs

KIND_LABELS = {
    "progress": "Kết quả thực hiện nhiệm vụ",
    "evidence": "Tệp minh chứng của nhiệm vụ",
    "document": "Văn bản đã ban hành",
    "file": "Tệp đính kèm",
}
_WORD = re.compile(r"[a-z0-9]+")
# Words that say nothing about what a task or a criterion is about.
_STOP_WORDS = (
    "va cua cac cho trong theo ve voi duoc thuc hien nam viec tren dia nhung mot co la de tu "
    "den da cap xa huyen tinh ubnd nha nuoc quy dinh dam bao tiep tuc tang cuong trien khai "
    "phuong thi tran"
)
_STOP = frozenset(_STOP_WORDS.split())
# Pairs of words found in nearly any task: they prove nothing alone.
_GENERIC = frozenset(
    {"su dung", "quan ly", "nang cao", "hieu qua", "cong tac", "uy ban", "nhan dan"}
)
# Abbreviations of the plans and reports, written out as the criteria write them.
_ABBREVIATIONS = {
    "cchc": "cai cach hanh chinh",
    "tthc": "thu tuc hanh chinh",
    "qppl": "quy pham phap luat",
    "vb": "van ban",
    "cntt": "cong nghe thong tin",
    "kh": "ke hoach",
    "cbcc": "can bo cong chuc",
    "cbccvc": "can bo cong chuc vien chuc",
    "dvc": "dich vu cong",
    "xhh": "xa hoi hoc",
}
MIN_SCORE = 6.0
RELATIVE_FLOOR = 0.4


def _words(text: str) -> list[str]:
    words: list[str] = []
    for word in _WORD.findall(fold(text)):
        words.extend(_ABBREVIATIONS.get(word, word).split())
    return [w for w in words if w not in _STOP and len(w) > 1 and not w.isdigit()]


def _terms(text: str) -> set[str]:
    words = _words(text)
    return set(words) | {f"{a} {b}" for a, b in itertools.pairwise(words)}


class _Weights:
    """How telling a term is: rare across the criteria set → heavy (inverse document frequency);
    a pair of words counts double."""

    def __init__(self, set_: ParSet) -> None:
        docs = [_terms(f"{n.title} {n.evidence_required}") for n in par.walk(set_.areas)]
        self.n = len(docs)
        self.df: dict[str, int] = {}
        for doc in docs:
            for term in doc:
                self.df[term] = self.df.get(term, 0) + 1

    def __call__(self, term: str) -> float:
        idf = math.log((self.n + 1) / (self.df.get(term, 0) + 1))
        return idf * (2.0 if " " in term else 1.0)


@dataclass(frozen=True)
class Proposal:
    kind: str  # progress | evidence | document
    ref_id: str
    label: str  # what the clerk sees
    file_name: str
    sha256: str | None
    size: int | None
    score: float


@dataclass(frozen=True)
class LinkedEvidence:
    id: str
    kind: str
    ref_id: str | None
    label: str
    file_name: str
    sha256: str | None
    caption: str


def _criterion_terms(set_: ParSet, node: Criterion) -> tuple[set[str], set[str]]:
    """The node's own wording, and its area's (which weighs against a task's appendix)."""
    own = _terms(f"{node.title} {node.evidence_required}")
    parent = set_.by_code.get(node.code.rsplit(".", 1)[0]) if "." in node.code else None
    if parent is not None:
        own |= _terms(parent.title)
    area = set_.by_code.get(node.code.split(".", 1)[0])
    return own, _terms(area.title) if area is not None else set()


def _match(weight: _Weights, own: set[str], area: set[str], text: str, heading: str = "") -> float:
    """How well a task's or document's text matches the criterion (0: not at all)."""
    shared = own & _terms(text)
    if not any(" " in t and t not in _GENERIC for t in shared):
        return 0.0  # a phrase of the criterion must recur, not scattered words
    score = sum(weight(t) for t in shared if t not in _GENERIC)
    if heading:
        score += 0.5 * sum(weight(t) for t in area & _terms(heading))
    return score if score >= MIN_SCORE else 0.0


def _plan_units(db: Database, unit: str) -> list[str]:
    """The unit and the offices directly under it (their records are the unit's work)."""
    children = [
        r[0]
        for r in db.execute("SELECT id FROM agency WHERE parent_id = ? AND deleted = 0", [unit])
    ]
    return [unit, *children]


def proposals(
    db: Database, set_: ParSet, code: str, unit: str, *, limit: int = 12
) -> list[Proposal]:
    """What the year recorded that could prove the criterion, best first; already linked
    items are left out."""
    node = set_.node(code)
    own, area = _criterion_terms(set_, node)
    weight = _Weights(set_)
    linked = {
        (k, r)
        for k, r in db.execute(
            "SELECT kind, coalesce(ref_id, sha256) FROM par_evidence"
            " WHERE criterion_id = ? AND unit_id = ? AND deleted = 0",
            [node.id, unit],
        )
    }
    units = _plan_units(db, unit)
    marks = ",".join("?" * len(units))
    found: list[Proposal] = []
    rows = db.execute(
        "SELECT p.id, a.number, t.no, t.title, t.products, p.period, p.result, a.title, g.name"  # noqa: S608
        " FROM progress p JOIN task t ON t.id = p.task_id JOIN appendix a ON a.id = t.appendix_id"
        " JOIN agency g ON g.id = p.unit_id"
        f" WHERE p.deleted = 0 AND t.deleted = 0 AND p.year = ? AND p.unit_id IN ({marks})"
        " AND (p.result != '' OR p.state = 'done')",
        [set_.year, *units],
    ).fetchall()
    for pid, appendix, no, title, products, period, result, heading, unit_name in rows:
        score = _match(weight, own, area, f"{title} {products} {result}", heading)
        if score == 0:
            continue
        task = f"nhiệm vụ {appendix}.{no}"
        summary = result.strip() or title
        if ("progress", pid) not in linked:
            found.append(
                Proposal(
                    "progress",
                    pid,
                    f"Kết quả {task} ({period}, {unit_name}): {summary[:120]}",
                    "",
                    None,
                    None,
                    score,
                )
            )
        for eid, file_name, sha, size in db.execute(
            "SELECT id, file_name, sha256, size FROM evidence"
            " WHERE progress_id = ? AND deleted = 0",
            [pid],
        ):
            if ("evidence", eid) not in linked:
                found.append(
                    Proposal(
                        "evidence",
                        eid,
                        f"Tệp {file_name} ({task})",
                        file_name,
                        sha,
                        size,
                        score + 1,
                    )
                )
    for did, doc_type, number, symbol, title, sha in db.execute(
        "SELECT id, doc_type, number, symbol, title, pdf_sha256 FROM document_register"  # noqa: S608
        f" WHERE deleted = 0 AND year = ? AND (unit_id IS NULL OR unit_id IN ({marks}))",
        [set_.year, *units],
    ):
        score = _match(weight, own, area, f"{doc_type} {title}")
        if score == 0 or ("document", did) in linked:
            continue
        name = f"Số {number:02d}/{symbol}: {title}" if symbol else f"Số {number:02d}: {title}"
        found.append(
            Proposal(
                "document", did, name, f"{symbol or doc_type} {number}", sha or None, None, score
            )
        )
    found.sort(key=lambda p: (-p.score, p.label))
    if found:
        # Far weaker matches than the best one are noise next to it.
        found = [p for p in found if p.score >= RELATIVE_FLOOR * found[0].score]
    return found[:limit]


def _evidence_id(criterion: str, unit: str, kind: str, key: str) -> str:
    return ids.natural_id("par_evidence", criterion, unit, kind, key)


def link(
    db: Database, set_: ParSet, code: str, unit: str, proposal: Proposal, *, author: str = ""
) -> Changes:
    """Link a proposal to the criterion (one click): a reference, not a copy."""
    node = set_.node(code)
    check_leaf(node)
    row = _evidence_id(node.id, unit, proposal.kind, proposal.ref_id)
    values: dict[str, object] = {
        "criterion_id": node.id,
        "unit_id": unit,
        "kind": proposal.kind,
        "ref_id": proposal.ref_id,
        "file_name": proposal.file_name,
        "caption": proposal.label,
        "deleted": 0,
    }
    return apply_local_edits(db, [Edit("par_evidence", row, values)], author=author)


def store_file(db: Database, db_path: Path, file: Path) -> str:
    """Copy a file into the one evidence store (by SHA-256) and list it; return its hash."""
    stored = copy_files(db_path, [Path(file)])[0]
    with db.atomic():
        register_blobs(db, [(stored.sha256, stored.size, stored.mime)])
    return stored.sha256


def stored_path(db_path: Path, sha256: str | None) -> Path | None:
    """Where this PC holds a stored file, or None when it does not (yet)."""
    return blob_path(db_path, sha256) if sha256 and has_blob(db_path, sha256) else None


def attach_file(
    db: Database,
    set_: ParSet,
    code: str,
    unit: str,
    *,
    sha256: str,
    file_name: str,
    size: int,
    caption: str = "",
    author: str = "",
) -> Changes:
    """Attach a file already stored by its SHA-256 in the evidence store to the criterion."""
    node = set_.node(code)
    check_leaf(node)
    if not file_name.strip():
        raise ValidationError("Tệp minh chứng phải có tên.")
    row = _evidence_id(node.id, unit, "file", sha256)
    values: dict[str, object] = {
        "criterion_id": node.id,
        "unit_id": unit,
        "kind": "file",
        "sha256": sha256,
        "file_name": file_name,
        "size": size,
        "caption": caption,
        "deleted": 0,
    }
    return apply_local_edits(db, [Edit("par_evidence", row, values)], author=author)


def check_leaf(node: Criterion) -> None:
    if node.children:
        raise ValidationError(
            f"Minh chứng gắn với từng tiêu chí thành phần, không gắn với {par.node_label(node)} "
            f"{node.code}."
        )


def remove(db: Database, evidence_id: str, *, author: str = "") -> Changes:
    return apply_local_edits(db, [Edit("par_evidence", evidence_id, {"deleted": 1})], author=author)


def linked(db: Database, set_: ParSet, code: str, unit: str) -> list[LinkedEvidence]:
    node = set_.node(code)
    return [
        LinkedEvidence(r[0], r[1], r[2], r[5] or r[3], r[3], r[4], r[5])
        for r in db.execute(
            "SELECT id, kind, ref_id, file_name, sha256, caption FROM par_evidence"
            " WHERE criterion_id = ? AND unit_id = ? AND deleted = 0 ORDER BY kind, file_name",
            [node.id, unit],
        )
    ]


@dataclass(frozen=True)
class EvidenceFile:
    """A file behind a piece of evidence: its name and where its bytes are (None: not here)."""

    name: str
    sha256: str | None


def files_of(db: Database, item: LinkedEvidence) -> list[EvidenceFile]:
    """The files a piece of evidence stands for: the file itself, a task's evidence file, the
    issued PDF of a document, or every file of a progress row."""
    if item.kind == "file":
        return [EvidenceFile(item.file_name, item.sha256)]
    if item.kind == "evidence":
        row = db.execute(
            "SELECT file_name, sha256 FROM evidence WHERE id = ?", [item.ref_id]
        ).fetchone()
        return [EvidenceFile(row[0], row[1])] if row else []
    if item.kind == "document":
        row = db.execute(
            "SELECT doc_type, number, symbol, pdf_sha256 FROM document_register WHERE id = ?",
            [item.ref_id],
        ).fetchone()
        if row is None or not row[3]:
            return []
        symbol = str(row[2] or row[0]).replace("/", "-")
        return [EvidenceFile(f"{row[0]} {int(row[1]):02d}-{symbol}.pdf", row[3])]
    return [
        EvidenceFile(r[0], r[1])
        for r in db.execute(
            "SELECT file_name, sha256 FROM evidence WHERE progress_id = ? AND deleted = 0"
            " ORDER BY file_name",
            [item.ref_id],
        )
    ]
