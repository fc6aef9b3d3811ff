"""Who is in the sync network, read for the dialogs: this PC, its peers and every known PC.

The window's sync dialogs read through these functions and never query the database
themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from cchc_desktop.store.site import LocalSite, local_site
from cchc_desktop.sync import keys
from cchc_desktop.sync.network import ROLE_NAMES

ACTIVE = "Đang dùng"
REVOKED = "Đã thu hồi"
NOT_CERTIFIED = "Chưa có chứng nhận"


def this_pc(db: Database) -> LocalSite:
    """This PC's identity: its site id, network, role and unit."""
    return local_site(db)


@dataclass(frozen=True, slots=True)
class SiteRow:
    """One PC of the network as the site table shows it."""

    site_id: str
    pc_name: str
    unit_name: str
    role: str
    fingerprint: str
    revoked: bool
    certified: bool
    is_self: bool

    @property
    def role_label(self) -> str:
        return ROLE_NAMES.get(self.role, self.role)  # the table's column; names in the rows

    @property
    def state(self) -> str:
        if self.revoked:
            return REVOKED
        return ACTIVE if self.certified else NOT_CERTIFIED


def site_rows(db: Database) -> list[SiteRow]:
    """Every PC this database knows, the district first, then by unit and PC name."""
    me = local_site(db).site_id
    rows = db.execute(
        "SELECT s.site_id, coalesce(s.display_name, ''), coalesce(a.name, ''),"
        " coalesce(s.role, ''), s.pubkey, s.revoked_after_seq IS NOT NULL, s.cert IS NOT NULL"
        " FROM site s LEFT JOIN agency a ON a.id = s.unit_id"
        " ORDER BY s.role != 'district', a.name, s.display_name, s.site_id"
    ).fetchall()
    return [
        SiteRow(
            site_id=site_id,
            pc_name=pc_name,
            unit_name=unit_name,
            role=role,
            fingerprint=keys.fingerprint(bytes(pubkey)) if pubkey else "",
            revoked=bool(revoked),
            certified=bool(certified),
            is_self=site_id == me,
        )
        for site_id, pc_name, unit_name, role, pubkey, revoked, certified in rows
    ]


def peer_rows(db: Database) -> list[tuple[str, str, str, str]]:
    """(site id, role, unit name, PC name) of the enrolled, not revoked PCs other than this
    one that it sends to: a commune PC sends only to its district."""
    me = local_site(db)
    rows = db.execute(
        "SELECT s.site_id, coalesce(s.role, ''), coalesce(a.name, ''),"
        " coalesce(s.display_name, '') FROM site s LEFT JOIN agency a ON a.id = s.unit_id"
        " WHERE s.site_id != ? AND s.cert IS NOT NULL AND s.revoked_after_seq IS NULL"
        " ORDER BY s.role, a.name, s.display_name",
        [me.site_id],
    ).fetchall()
    peers = [(str(a), str(b), str(c), str(d)) for a, b, c, d in rows]
    if me.role == "commune":
        peers = [p for p in peers if p[1] == "district"]
    return peers


def stored_fingerprint(db: Database) -> str | None:
    """This PC's key fingerprint as the database records it (no key file is created)."""
    row = db.execute(
        "SELECT pubkey FROM site WHERE site_id = ?", [local_site(db).site_id]
    ).fetchone()
    return keys.fingerprint(bytes(row[0])) if row and row[0] else None


def unit_name(db: Database) -> str:
    """The name of the unit this PC is enrolled for, or ""."""
    unit_id = local_site(db).unit_id
    if not unit_id:
        return ""
    row = db.execute("SELECT name FROM agency WHERE id = ?", [unit_id]).fetchone()
    return str(row[0]) if row else ""


def requested_unit(db: Database) -> str:
    """The unit named in this PC's enrolment request, while it waits for the district."""
    row = db.execute("SELECT requested_unit FROM local_site").fetchone()
    return str(row[0]) if row and row[0] else ""


def district_name(db: Database) -> str:
    """The district's name in the organisation (what init_network certifies this PC as)."""
    row = db.execute(
        "SELECT name FROM agency WHERE kind = 'district' AND deleted = 0"
        " ORDER BY length(name), name LIMIT 1"
    ).fetchone()
    return str(row[0]) if row else ""


def has_changes(db: Database) -> bool:
    """Whether anything was ever written here (a PC with data cannot join as a new commune)."""
    return db.execute("SELECT 1 FROM change_log LIMIT 1").fetchone() is not None
