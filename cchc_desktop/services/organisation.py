"""The organisation tree: agencies, their aliases, and finding an agency by any spelling."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from cchc_desktop.domain.model import Agency, AgencyKind
from cchc_desktop.domain.text import clean, fold
from cchc_desktop.errors import NotFoundError, ValidationError
from cchc_desktop.importer.agency_names import agency_key
from cchc_desktop.store import ids
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits

_COMMUNE = re.compile(r"^(ubnd )?(xa|thi tran|phuong)\b")
_DEPARTMENT = re.compile(r"^(cac )?phong\b")
_OFFICE = re.compile(r"^(van phong|bo phan|to |trung tam|ban )")
_EXTERNAL = re.compile(r"^(so |ubnd tinh|tinh |bo |chinh phu)")


_COMMUNE_GROUP = re.compile(r"\b(cac|cap) xa\b|\bxa, thi tran\b")


def is_commune_group(name: str) -> bool:
    """ "UBND các xã, thị trấn", "UBND cấp xã", "UBND xã, thị trấn": all communes, not one."""
    return bool(_COMMUNE_GROUP.search(fold(name)))


def guess_kind(name: str) -> AgencyKind:
    """A first guess at an agency's kind from its name; the clerk can correct it.

    A group of communes ("UBND các xã, thị trấn") is not itself a commune that reports.
    """
    key = fold(clean(name))
    if is_commune_group(name):
        return AgencyKind.OFFICE
    if _COMMUNE.match(key):
        return AgencyKind.COMMUNE
    if _DEPARTMENT.match(key):
        return AgencyKind.DEPARTMENT
    if _OFFICE.match(key):
        return AgencyKind.OFFICE
    if _EXTERNAL.match(key):
        return AgencyKind.EXTERNAL
    if key.startswith("ubnd huyen") or key.startswith("co quan ubnd"):
        return AgencyKind.DISTRICT
    return AgencyKind.OFFICE


@dataclass(frozen=True, slots=True)
class ResolvedAgency:
    agency_id: str
    created: bool


def find_agency(db: Database, name: str) -> Agency | None:
    """The agency known under `name` or any alias spelling of it."""
    key = agency_key(name)
    row = db.execute(
        "SELECT a.id, a.name, a.kind, a.short_name, a.parent_id, a.needs_review"
        " FROM agency_alias AS al JOIN agency AS a ON a.id = al.agency_id"
        " WHERE al.alias_key = ? AND al.deleted = 0 AND a.deleted = 0",
        [key],
    ).fetchone()
    if row is None:
        return None
    return _agency(row)


def get_agency(db: Database, agency_id: str) -> Agency:
    row = db.execute(
        "SELECT id, name, kind, short_name, parent_id, needs_review FROM agency WHERE id = ?",
        [agency_id],
    ).fetchone()
    if row is None:
        raise NotFoundError(f"Không tìm thấy cơ quan, đơn vị có mã {agency_id}.")
    return _agency(row)


def list_agencies(db: Database, kinds: Iterable[AgencyKind] | None = None) -> list[Agency]:
    rows = db.execute(
        "SELECT id, name, kind, short_name, parent_id, needs_review FROM agency WHERE deleted = 0"
    ).fetchall()
    wanted = set(kinds) if kinds is not None else None
    agencies = [_agency(r) for r in rows]
    if wanted is not None:
        agencies = [a for a in agencies if a.kind in wanted]
    from cchc_desktop.domain.text import sort_key

    return sorted(agencies, key=lambda a: sort_key(a.name))


def agency_edits(name: str, kind: AgencyKind | None = None, *, needs_review: bool) -> list[Edit]:
    """The edits that create an agency and its first alias (ids derive from the name)."""
    name = clean(name)
    if not name:
        raise ValidationError("Tên cơ quan, đơn vị không được để trống.")
    name = name[0].upper() + name[1:]  # "bộ phận một cửa huyện" inside a sentence
    key = agency_key(name)
    agency = ids.agency_id(key)
    return [
        Edit(
            "agency",
            agency,
            {
                "name": name,
                "kind": str(kind or guess_kind(name)),
                "needs_review": needs_review,
            },
        ),
        Edit(
            "agency_alias",
            ids.alias_id(key),
            {"agency_id": agency, "alias": name, "alias_key": key},
        ),
    ]


def ensure_agency(
    db: Database, name: str, *, kind: AgencyKind | None = None, author: str = ""
) -> ResolvedAgency:
    """Find the agency called `name` (by any known spelling) or create it, flagged for review."""
    found = find_agency(db, name)
    if found is not None:
        return ResolvedAgency(found.id, created=False)
    edits = agency_edits(name, kind, needs_review=kind is None)
    apply_local_edits(db, edits, author=author)
    return ResolvedAgency(edits[0].row_id, created=True)


def add_alias(db: Database, agency_id: str, alias: str, *, author: str = "") -> Changes:
    alias = clean(alias)
    key = agency_key(alias)
    existing = find_agency(db, alias)
    if existing is not None and existing.id != agency_id:
        raise ValidationError(f"Tên “{alias}” đã dùng cho cơ quan “{existing.name}”.")
    return apply_local_edits(
        db,
        [
            Edit(
                "agency_alias",
                ids.alias_id(key),
                {"agency_id": agency_id, "alias": alias, "alias_key": key},
            )
        ],
        author=author,
    )


def _agency(row: tuple[object, ...]) -> Agency:
    agency_id, name, kind, short_name, parent_id, needs_review = row
    return Agency(
        id=str(agency_id),
        name=str(name),
        kind=AgencyKind(str(kind)),
        short_name=str(short_name or ""),
        parent_id=None if parent_id is None else str(parent_id),
        needs_review=bool(needs_review),
    )
