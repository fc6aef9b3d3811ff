"""The plan text's structure: parts (I, II, …), numbered items ("1.", "5.1.", "a)") and
paragraphs, added, moved and removed through the single write path.

Numbers follow the order: a part's Roman numeral is its place among the parts, an item's number
its place under its part ("1", "2") or under its item ("5.1", "5.2"), or a letter when its
siblings are lettered ("a)", "b)"); an item renumbered takes its sub-items along.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from cchc_desktop.domain.model import NodeKind
from cchc_desktop.domain.text import nfc, roman
from cchc_desktop.errors import NotFoundError, ValidationError
from cchc_desktop.services.task_service import MAX_TEXT
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits
from cchc_desktop.store.site import new_id


@dataclass(frozen=True, slots=True)
class Created:
    """A new row and what writing it changed."""

    id: str
    changes: Changes


_LETTER_ITEM = re.compile(r"^([a-zđ])(\)?)$")
_LETTERS = "abcdđeghiklmnopqrstuvxy"


@dataclass(frozen=True, slots=True)
class _Node:
    id: str
    plan_id: str
    parent_id: str | None
    kind: NodeKind
    number: str


def _node(db: Database, node_id: str) -> _Node:
    row = db.execute(
        "SELECT id, plan_id, parent_id, kind, number FROM plan_node WHERE id = ? AND deleted = 0",
        [node_id],
    ).fetchone()
    if row is None:
        raise NotFoundError("Không tìm thấy phần, mục hoặc đoạn này (có thể đã bị xoá).")
    return _Node(row[0], row[1], row[2], NodeKind(row[3]), row[4])


def _children(db: Database, plan_id: str, parent_id: str | None) -> list[_Node]:
    rows = db.execute(
        "SELECT id, plan_id, parent_id, kind, number FROM plan_node WHERE plan_id = ?"
        " AND parent_id IS ? AND deleted = 0 AND kind != 'decision' ORDER BY ord, id",
        [plan_id, parent_id],
    ).fetchall()
    return [_Node(r[0], r[1], r[2], NodeKind(r[3]), r[4]) for r in rows]


def sibling_place(db: Database, node_id: str) -> tuple[str | None, int]:
    """Where a new node goes to stand right after `node_id`: its parent and the index."""
    node = _node(db, node_id)
    siblings = [n.id for n in _children(db, node.plan_id, node.parent_id)]
    return node.parent_id, siblings.index(node_id) + 1


def _check_place(db: Database, kind: NodeKind, parent: _Node | None) -> None:
    if kind is NodeKind.PART and parent is not None:
        raise ValidationError("Phần (I, II, …) chỉ nằm ở cấp cao nhất của kế hoạch.")
    if kind is NodeKind.ITEM and (
        parent is None or parent.kind not in (NodeKind.PART, NodeKind.ITEM)
    ):
        raise ValidationError("Mục được đánh số phải nằm trong một phần hoặc một mục.")
    if kind is NodeKind.DECISION:
        raise ValidationError("Không thể thêm hoặc chuyển phần quyết định.")


def _renumber_nodes(
    db: Database, plan_id: str, parent: _Node | None, order: Sequence[_Node]
) -> list[Edit]:
    """Ords and numbers of a parent's children in `order` (items under them follow too)."""
    edits: list[Edit] = []
    first_item = next((n.number for n in order if n.kind is NodeKind.ITEM), "")
    letters = _LETTER_ITEM.match(first_item)
    parts = items = 0
    for i, node in enumerate(order):
        number = ""
        if node.kind is NodeKind.PART:
            parts += 1
            number = roman(parts)
        elif node.kind is NodeKind.ITEM:
            items += 1
            if letters is not None:
                number = _LETTERS[(items - 1) % len(_LETTERS)] + letters.group(2)
            elif parent is not None and parent.kind is NodeKind.ITEM and parent.number:
                number = f"{parent.number}.{items}"
            else:
                number = str(items)
        # Parts sit after the decision (ord 0) at the top level.
        edits.append(
            Edit(
                "plan_node",
                node.id,
                {"parent_id": parent.id if parent else None, "ord": i + 1, "number": number},
            )
        )
        if node.kind is NodeKind.ITEM and number != node.number:
            renumbered = _Node(node.id, plan_id, node.parent_id, node.kind, number)
            edits += _renumber_nodes(db, plan_id, renumbered, _children(db, plan_id, node.id))
    return edits


def add_node(
    db: Database,
    plan_id: str,
    parent_id: str | None,
    kind: NodeKind,
    text: str,
    *,
    index: int | None = None,
    author: str = "",
) -> Created:
    """A new part, item or paragraph under `parent_id` (None: the top level) at `index`."""
    text = nfc(text).strip()
    if not text and kind in (NodeKind.PART, NodeKind.ITEM):
        raise ValidationError("Tiêu đề của phần, mục không được để trống.")
    if len(text) > MAX_TEXT:
        raise ValidationError(f"Đoạn văn quá dài (tối đa {MAX_TEXT:,} ký tự).".replace(",", "."))
    parent = _node(db, parent_id) if parent_id is not None else None
    _check_place(db, kind, parent)
    siblings = _children(db, plan_id, parent_id)
    row = new_id()
    node = _Node(row, plan_id, parent_id, kind, "")
    siblings.insert(len(siblings) if index is None else max(0, min(index, len(siblings))), node)
    edits = [
        Edit(
            "plan_node",
            row,
            {
                "plan_id": plan_id,
                "parent_id": parent_id,
                "ord": 0,
                "kind": str(kind),
                "number": "",
                "text": text,
                "deleted": 0,
            },
        ),
        *_renumber_nodes(db, plan_id, parent, siblings),
    ]
    return Created(row, apply_local_edits(db, edits, author=author))


def descendants(db: Database, node_id: str) -> list[str]:
    rows = db.execute(
        "WITH RECURSIVE d(id) AS (SELECT id FROM plan_node WHERE parent_id = ? AND deleted = 0"
        " UNION ALL SELECT n.id FROM plan_node n JOIN d ON n.parent_id = d.id WHERE n.deleted = 0)"
        " SELECT id FROM d",
        [node_id],
    ).fetchall()
    return [r[0] for r in rows]


def move_node(
    db: Database, node_id: str, parent_id: str | None, index: int, *, author: str = ""
) -> Changes:
    """Put a part, item or paragraph under `parent_id` at `index`; numbers on both sides follow."""
    node = _node(db, node_id)
    if node.kind is NodeKind.DECISION:
        raise ValidationError("Không thể chuyển phần quyết định.")
    if parent_id == node_id or parent_id in descendants(db, node_id):
        raise ValidationError("Không thể chuyển một phần, mục vào chính nó.")
    parent = _node(db, parent_id) if parent_id is not None else None
    if parent is not None and parent.plan_id != node.plan_id:
        raise ValidationError("Chỉ chuyển được trong cùng một kế hoạch.")
    _check_place(db, node.kind, parent)
    old_parent = _node(db, node.parent_id) if node.parent_id is not None else None
    old = [n for n in _children(db, node.plan_id, node.parent_id) if n.id != node_id]
    same = node.parent_id == parent_id
    target = old if same else _children(db, node.plan_id, parent_id)
    target.insert(max(0, min(index, len(target))), node)
    edits = _renumber_nodes(db, node.plan_id, parent, target)
    if not same:
        edits += _renumber_nodes(db, node.plan_id, old_parent, old)
    return apply_local_edits(db, edits, author=author)


def shift_node(db: Database, node_id: str, step: int, *, author: str = "") -> Changes:
    """Move a part, item or paragraph one place up (-1) or down (+1) among its siblings."""
    node = _node(db, node_id)
    order = [n.id for n in _children(db, node.plan_id, node.parent_id)]
    index = order.index(node_id) + step
    if not 0 <= index < len(order):
        raise ValidationError("Đã ở vị trí đầu tiên." if step < 0 else "Đã ở vị trí cuối cùng.")
    return move_node(db, node_id, node.parent_id, index, author=author)


def remove_node(db: Database, node_id: str, *, author: str = "") -> Changes:
    """Mark a part, item or paragraph and everything under it deleted; siblings renumber."""
    node = _node(db, node_id)
    if node.kind is NodeKind.DECISION:
        raise ValidationError("Không thể xoá phần quyết định của kế hoạch.")
    parent = _node(db, node.parent_id) if node.parent_id is not None else None
    rest = [n for n in _children(db, node.plan_id, node.parent_id) if n.id != node_id]
    edits = [Edit("plan_node", row, {"deleted": 1}) for row in [node_id, *descendants(db, node_id)]]
    edits += _renumber_nodes(db, node.plan_id, parent, rest)
    return apply_local_edits(db, edits, author=author)
