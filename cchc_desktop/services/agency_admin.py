"""The clerk's agency register: add (e.g. the communes), rename, change kind, confirm, alias.

Agencies found on import are flagged for review on the agency itself (a task is flagged only
for its deadlines); confirming one clears its flag.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from cchc_desktop.domain.model import AgencyKind
from cchc_desktop.domain.text import clean
from cchc_desktop.errors import ConflictError, NotFoundError, ValidationError
from cchc_desktop.importer.agency_names import agency_key
from cchc_desktop.services import organisation
from cchc_desktop.store import ids
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits

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
        found = organisation.find_agency(db, name)
        if found is not None:
            taken.append(f"“{name}” (đã có: {found.name})" if found.name != name else f"“{name}”")
    if taken:
        raise ConflictError("Đã có trong danh mục: " + "; ".join(taken) + ".")
    keys = [agency_key(n) for n in cleaned]
    if len(set(keys)) != len(keys):
        raise ValidationError("Có hai tên chỉ khác nhau cách viết; mỗi cơ quan chỉ nhập một lần.")
    edits: list[Edit] = []
    for name in cleaned:
        edits.extend(organisation.agency_edits(name, kind, needs_review=False))
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
    current = organisation.get_agency(db, agency_id)
    name = clean(name)
    if not name:
        raise ValidationError("Tên cơ quan, đơn vị không được để trống.")
    other = organisation.find_agency(db, name)
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
        key = agency_key(name)
        edits.append(
            Edit(
                "agency_alias",
                ids.alias_id(key),
                {"agency_id": agency_id, "alias": name, "alias_key": key, "deleted": 0},
            )
        )
    return apply_local_edits(db, edits, author=author)


def confirm_agencies(db: Database, agency_ids: Iterable[str], *, author: str = "") -> Changes:
    """Mark agencies as checked by the clerk."""
    wanted = list(dict.fromkeys(agency_ids))
    for agency_id in wanted:
        organisation.get_agency(db, agency_id)  # NotFoundError for a wrong id
    edits = [Edit("agency", a, {"needs_review": 0}) for a in wanted]
    return apply_local_edits(db, edits, author=author)


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
