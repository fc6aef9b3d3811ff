"""The organisation tree: agencies, their aliases, finding an agency by any spelling, and the
clerk's register (add the communes, rename, change kind, confirm agencies found on import)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlite_utils import Database

from cchc_desktop.domain.model import Agency, AgencyKind
from cchc_desktop.domain.text import clean, fold
from cchc_desktop.errors import ConflictError, NotFoundError, ValidationError
from cchc_desktop.importer.agency_names import agency_key, is_group_name
from cchc_desktop.store import ids
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits

_COMMUNE = re.compile(r"^(ubnd )?(xa|thi tran|phuong)\b")
_DEPARTMENT = re.compile(r"^(cac )?phong\b")
_OFFICE = re.compile(r"^(van phong|bo phan|to |trung tam|ban )")
_EXTERNAL = re.compile(r"^(so |ubnd tinh|tinh |bo |chinh phu)")


def is_commune_group(name: str) -> bool:
    """ "UBND các xã, thị trấn", "UBND cấp xã", "UBND xã, thị trấn": all communes, not one."""
    return agency_key(name) == "nhom xa phuong"


def guess_kind(name: str) -> AgencyKind:
    """A first guess at an agency's kind from its name; the clerk can correct it.

    A group ("UBND các xã, thị trấn", "các phòng chuyên môn") is not itself a unit that reports.
    """
    key = fold(clean(name))
    if is_group_name(name):
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
    changes: Changes = field(default_factory=Changes)  # the new agency's rows, when created


def find_agency(db: Database, name: str) -> Agency | None:
    """The agency known under `name` or any alias spelling of it."""
    key = agency_key(name)
    row = db.execute(
        "SELECT a.id, a.name, a.kind, a.short_name, a.parent_id, a.needs_review, a.is_group"
        " FROM agency_alias AS al JOIN agency AS a ON a.id = al.agency_id"
        " WHERE al.alias_key = ? AND al.deleted = 0 AND a.deleted = 0",
        [key],
    ).fetchone()
    if row is None:
        return _find_unaccented(db, name)
    return _agency(row)


def _find_unaccented(db: Database, name: str) -> Agency | None:
    """A commune typed without accents ("xa son ha") finds the one commune it can mean; a name
    that fits two ("Xã Sơn Hà", "Xã Sơn Hạ") or that carries accents finds none."""
    plain = fold(clean(name))
    if not plain or plain != clean(name).casefold():
        return None
    matches = {
        agency_id
        for agency_id, alias in db.execute(
            "SELECT al.agency_id, al.alias FROM agency_alias AS al JOIN agency AS a"
            " ON a.id = al.agency_id WHERE al.deleted = 0 AND a.deleted = 0"
        ).fetchall()
        if agency_key(fold(alias)) == agency_key(plain)
    }
    if len(matches) != 1:
        return None
    found = get_agency(db, matches.pop())
    return found


def get_agency(db: Database, agency_id: str) -> Agency:
    row = db.execute(
        "SELECT id, name, kind, short_name, parent_id, needs_review, is_group FROM agency"
        " WHERE id = ?",
        [agency_id],
    ).fetchone()
    if row is None:
        raise NotFoundError(f"Không tìm thấy cơ quan, đơn vị có mã {agency_id}.")
    return _agency(row)


def list_agencies(db: Database, kinds: Iterable[AgencyKind] | None = None) -> list[Agency]:
    rows = db.execute(
        "SELECT id, name, kind, short_name, parent_id, needs_review, is_group FROM agency"
        " WHERE deleted = 0"
    ).fetchall()
    wanted = set(kinds) if kinds is not None else None
    agencies = [_agency(r) for r in rows]
    if wanted is not None:
        agencies = [a for a in agencies if a.kind in wanted]
    from cchc_desktop.domain.text import sort_key

    return sorted(agencies, key=lambda a: sort_key(a.name))


def agency_edits(name: str, kind: AgencyKind | None = None, *, needs_review: bool) -> list[Edit]:
    """The edits that create an agency and its first alias (ids derive from the name).

    A generic phrase ("các cơ quan có liên quan") becomes a group, which needs no confirming.
    An agency of the same identity that was deleted (the sample's, dropped at set-up) comes
    back: the id is the same, so without `deleted` 0 the new plan's tasks would point at a
    deleted row and vanish from the register and its reports.
    """
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
                "needs_review": needs_review and not is_group_name(name),
                "is_group": is_group_name(name),
                "deleted": 0,
            },
        ),
        alias_edit(agency, name),
    ]


def ensure_agency(
    db: Database, name: str, *, kind: AgencyKind | None = None, author: str = ""
) -> ResolvedAgency:
    """Find the agency called `name` (by any known spelling) or create it, flagged for review."""
    found = find_agency(db, name)
    if found is not None:
        return ResolvedAgency(found.id, created=False)
    edits = agency_edits(name, kind, needs_review=kind is None)
    changes = apply_local_edits(db, edits, author=author)
    return ResolvedAgency(edits[0].row_id, created=True, changes=changes)


def add_alias(db: Database, agency_id: str, alias: str, *, author: str = "") -> Changes:
    """Record another spelling of an agency, so documents that use it find the same agency."""
    alias = clean(alias)
    existing = find_agency(db, alias)
    if existing is not None and existing.id != agency_id:
        raise ValidationError(f"Tên “{alias}” đã dùng cho cơ quan “{existing.name}”.")
    return apply_local_edits(db, [alias_edit(agency_id, alias)], author=author)


def alias_edit(agency_id: str, alias: str) -> Edit:
    """The edit that makes `alias` a spelling of the agency (its id derives from the spelling)."""
    key = agency_key(alias)
    return Edit(
        "agency_alias",
        ids.alias_id(key),
        {"agency_id": agency_id, "alias": alias, "alias_key": key, "deleted": 0},
    )


# ---------------------------------------------------------------- the clerk's register

KIND_LABELS: dict[AgencyKind, str] = {
    AgencyKind.PROVINCE: "Cấp tỉnh",
    AgencyKind.DISTRICT: "Cấp huyện",
    AgencyKind.COMMUNE: "Xã, phường, thị trấn",
    AgencyKind.DEPARTMENT: "Phòng chuyên môn",
    AgencyKind.OFFICE: "Văn phòng, đơn vị",
    AgencyKind.EXTERNAL: "Cơ quan cấp trên, ngoài",
}


def add_agencies(
    db: Database, names: Iterable[str], kind: AgencyKind, *, author: str = ""
) -> Changes:
    """Add agencies (one per name; blank lines skipped) as confirmed, in one transaction.

    Raises ValidationError naming every name that already exists (by any spelling), and adds
    nothing then.
    """
    cleaned = list(dict.fromkeys(n for n in (clean(x) for x in names) if n))
    if not cleaned:
        raise ValidationError("Hãy nhập ít nhất một tên cơ quan, đơn vị.")
    taken = []
    for name in cleaned:
        found = find_agency(db, name)
        if found is not None:
            taken.append(f"“{name}” (đã có: {found.name})" if found.name != name else f"“{name}”")
    if taken:
        raise ConflictError("Đã có trong danh mục: " + "; ".join(taken) + ".")
    keys = [agency_key(n) for n in cleaned]
    if len(set(keys)) != len(keys):
        raise ValidationError("Có hai tên chỉ khác nhau cách viết; mỗi cơ quan chỉ nhập một lần.")
    edits: list[Edit] = []
    for name in cleaned:
        edits.extend(agency_edits(name, kind, needs_review=False))
    return apply_local_edits(db, edits, author=author)


def update_agency(
    db: Database,
    agency_id: str,
    *,
    name: str,
    kind: AgencyKind,
    short_name: str = "",
    author: str = "",
) -> Changes:
    """Rename and/or re-kind an agency; the new name is added as a spelling (alias) of it."""
    current = get_agency(db, agency_id)
    name = clean(name)
    if not name:
        raise ValidationError("Tên cơ quan, đơn vị không được để trống.")
    other = find_agency(db, name)
    if other is not None and other.id != agency_id:
        raise ConflictError(f"Tên “{name}” đã dùng cho cơ quan “{other.name}”.")
    edits = [
        Edit(
            "agency",
            agency_id,
            {"name": name, "kind": str(kind), "short_name": clean(short_name)},
        )
    ]
    if name != current.name and other is None:
        edits.append(alias_edit(agency_id, name))
    return apply_local_edits(db, edits, author=author)


def confirm_agencies(db: Database, agency_ids: Iterable[str], *, author: str = "") -> Changes:
    """Mark agencies as checked by the clerk."""
    wanted = list(dict.fromkeys(agency_ids))
    for agency_id in wanted:
        get_agency(db, agency_id)  # NotFoundError for a wrong id
    edits = [Edit("agency", a, {"needs_review": 0}) for a in wanted]
    return apply_local_edits(db, edits, author=author)


def confirm_all(db: Database, *, author: str = "") -> Changes:
    """Confirm every agency still waiting for the clerk (the register's "Xác nhận tất cả")."""
    waiting = [a.id for a in list_agencies(db) if a.needs_review]
    return confirm_agencies(db, waiting, author=author)


@dataclass(frozen=True, slots=True)
class RegisterCounts:
    agencies: int  # single agencies and units
    groups: int  # generic phrases kept as groups
    waiting: int  # agencies still "Cần xác nhận"


def register_counts(db: Database) -> RegisterCounts:
    agencies = list_agencies(db)
    return RegisterCounts(
        agencies=sum(not a.is_group for a in agencies),
        groups=sum(a.is_group for a in agencies),
        waiting=sum(a.needs_review for a in agencies),
    )


def remove_alias(db: Database, alias_id: str, *, author: str = "") -> Changes:
    row = db.execute(
        "SELECT a.alias, g.name FROM agency_alias a JOIN agency g ON g.id = a.agency_id"
        " WHERE a.id = ? AND a.deleted = 0",
        [alias_id],
    ).fetchone()
    if row is None:
        raise NotFoundError("Không tìm thấy tên gọi này.")
    if agency_key(row[0]) == agency_key(row[1]):
        raise ValidationError("Không bỏ được tên chính của cơ quan; hãy đổi tên trước.")
    return apply_local_edits(db, [Edit("agency_alias", alias_id, {"deleted": 1})], author=author)


def aliases(db: Database, agency_id: str) -> list[tuple[str, str]]:
    """(alias id, spelling) of an agency's other names."""
    return [
        (r[0], r[1])
        for r in db.execute(
            "SELECT id, alias FROM agency_alias WHERE agency_id = ? AND deleted = 0 ORDER BY alias",
            [agency_id],
        ).fetchall()
    ]


def spellings(db: Database, agency_id: str) -> list[str]:
    """How the plans wrote the agency, beyond its recorded names ("Văn phòng HĐND&UBND")."""
    known = {alias for _id, alias in aliases(db, agency_id)}
    rows = db.execute(
        "SELECT DISTINCT written_name FROM task_agency WHERE agency_id = ? AND deleted = 0"
        " AND written_name <> '' ORDER BY written_name",
        [agency_id],
    ).fetchall()
    return [r[0] for r in rows if r[0] not in known]


def _agency(row: tuple[object, ...]) -> Agency:
    agency_id, name, kind, short_name, parent_id, needs_review, is_group = row
    return Agency(
        id=str(agency_id),
        name=str(name),
        kind=AgencyKind(str(kind)),
        short_name=str(short_name or ""),
        parent_id=None if parent_id is None else str(parent_id),
        needs_review=bool(needs_review),
        is_group=bool(is_group),
    )
