"""Fixing an imported criteria tree: a node's texts and maximum, adding and removing nodes.

Nodes keep their ids when codes move, so scores and evidence stay with their criterion. After
each edit the codes are those of the nodes' positions again (2.1.3 is the third sub-criterion
of the first criterion of area 2).
"""

from __future__ import annotations

from decimal import Decimal

from sqlite_utils import Database

from cchc_desktop.domain import par
from cchc_desktop.domain.par import Criterion
from cchc_desktop.errors import ValidationError
from cchc_desktop.services.par_service import ParSet, parse_score
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits
from cchc_desktop.store.site import new_id


def problems(set_: ParSet) -> list[str]:
    """Where the stored set's maxima do not add up (empty when they do)."""
    return par.maxima_problems(set_.areas, set_.total)


def update_criterion(
    db: Database,
    set_: ParSet,
    code: str,
    *,
    title: str,
    max_score: str | Decimal | None,
    rule: str,
    evidence_required: str,
    self_assessed: bool,
    author: str = "",
) -> Changes:
    node = set_.node(code)
    if not title.strip():
        raise ValidationError("Tên tiêu chí không được để trống.")
    value = parse_score(max_score)
    if value is None:
        raise ValidationError(f"Hãy nhập điểm tối đa của {par.node_label(node)} {node.code}.")
    edits = [
        Edit(
            "par_criterion",
            node.id,
            {
                "title": title.strip(),
                "max_score": par.points_text(value),
                "rule": rule.strip(),
                "evidence_required": evidence_required.strip(),
                "self_assessed": int(self_assessed),
                "step": par.points_text(par.step_for(value, rule)),
            },
        )
    ]
    if not self_assessed or not node.self_assessed:
        # The survey part is decided for a whole branch.
        edits += [
            Edit("par_criterion", child.id, {"self_assessed": int(self_assessed)})
            for child in node.walk()
            if child is not node
        ]
    return apply_local_edits(db, edits, author=author)


def _siblings(set_: ParSet, parent_code: str | None) -> list[Criterion]:
    return set_.areas if not parent_code else set_.node(parent_code).children


def add_criterion(
    db: Database,
    set_: ParSet,
    parent_code: str | None,
    *,
    title: str,
    max_score: str | Decimal | None,
    author: str = "",
) -> tuple[str, Changes]:
    """Add a node at the end of `parent_code`'s children (an area when None); return its code
    and the write."""
    if parent_code and set_.node(parent_code).depth >= par.MAX_DEPTH - 1:
        raise ValidationError("Tiêu chí thành phần không có mục con.")
    if not title.strip():
        raise ValidationError("Tên tiêu chí không được để trống.")
    value = parse_score(max_score)
    if value is None:
        raise ValidationError("Hãy nhập điểm tối đa của mục mới.")
    siblings = _siblings(set_, parent_code)
    code = f"{parent_code}.{len(siblings) + 1}" if parent_code else str(len(siblings) + 1)
    parent = set_.node(parent_code) if parent_code else None
    values = {
        "set_id": set_.id,
        "parent_id": parent.id if parent else None,
        "ord": len(siblings),
        "code": code,
        "stt": "",
        "title": title.strip(),
        "max_score": par.points_text(value),
        "rule": "",
        "evidence_required": "",
        "self_assessed": int(parent.self_assessed if parent else True),
        "step": par.points_text(par.step_for(value, "")),
        "deleted": 0,
    }
    changes = apply_local_edits(db, [Edit("par_criterion", new_id(), values)], author=author)
    return code, changes


def remove_criterion(db: Database, set_: ParSet, code: str, *, author: str = "") -> Changes:
    """Remove a node and its children; the nodes after it move up (codes renumbered)."""
    node = set_.node(code)
    parent_code = code.rsplit(".", 1)[0] if "." in code else None
    siblings = [s for s in _siblings(set_, parent_code) if s is not node]
    edits = [Edit("par_criterion", n.id, {"deleted": 1}) for n in node.walk()]
    prefix = f"{parent_code}." if parent_code else ""
    for index, sibling in enumerate(siblings):
        edits += _recode(sibling, f"{prefix}{index + 1}", index)
    return apply_local_edits(db, edits, author=author)


def _recode(node: Criterion, code: str, ord_: int) -> list[Edit]:
    edits = [Edit("par_criterion", node.id, {"code": code, "ord": ord_})]
    for index, child in enumerate(node.children):
        edits += _recode(child, f"{code}.{index + 1}", index)
    return edits
