"""The PAR index (Chỉ số CCHC): criteria sets, a unit's self scores and the hub's appraisal.

One set per year and level (commune, department), owned by the office above; a unit writes its
self scores and notes, the office above the appraised scores and comments on them. Every write
goes through `apply_local_edits`; every rule (bounds, steps, survey part) is the domain's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from sqlite_utils import Database

from cchc_desktop.domain import par
from cchc_desktop.domain.par import Criterion
from cchc_desktop.errors import NotFoundError, ValidationError
from cchc_desktop.importer.par_criteria import CriteriaImport
from cchc_desktop.services import organisation, settings_service
from cchc_desktop.store import ids
from cchc_desktop.store.changes import Changes, Edit, apply_local_edits
from cchc_desktop.store.site import local_site

LEVEL_ALIASES = {
    "commune": "commune",
    "xa": "commune",
    "cap xa": "commune",
    "department": "department",
    "so": "department",
    "cap so": "department",
}


@dataclass
class ParSet:
    id: str
    year: int
    level: str
    title: str
    total: Decimal
    areas: list[Criterion]
    by_code: dict[str, Criterion] = field(default_factory=dict)
    by_id: dict[str, Criterion] = field(default_factory=dict)

    def node(self, code: str) -> Criterion:
        node = self.by_code.get(code.strip().rstrip("."))
        if node is None:
            raise NotFoundError(
                f"Không có tiêu chí {code} trong bộ chỉ số năm {self.year} ({self.level_label})."
            )
        return node

    @property
    def level_label(self) -> str:
        return par.LEVELS.get(self.level, self.level)


@dataclass(frozen=True)
class Score:
    score: Decimal | None = None
    note: str = ""
    appraised: Decimal | None = None
    appraisal_note: str = ""


def parse_level(text: str) -> str:
    from cchc_desktop.domain.text import fold

    level = LEVEL_ALIASES.get(fold(text).strip())
    if level is None:
        raise ValidationError(f"Cấp «{text}» không hợp lệ; dùng commune (cấp xã) hoặc department.")
    return level


def set_id(year: int, level: str) -> str:
    return ids.natural_id("par_set", year, level)


def criterion_id(set_: str, code: str) -> str:
    return ids.natural_id("par_criterion", set_, code)


def score_id(criterion: str, unit: str) -> str:
    return ids.natural_id("par_score", criterion, unit)


def mismatch_message(problems: list[str]) -> str:
    return "Điểm tối đa của bộ chỉ số không khớp; chưa nhập gì:\n" + "\n".join(
        f"  – {p}" for p in problems
    )


def import_criteria(
    db: Database,
    parsed: CriteriaImport,
    *,
    year: int,
    level: str,
    source: str = "",
    allow_mismatch: bool = False,
    author: str = "",
) -> Changes:
    """Store an imported criteria set as the set of (year, level), replacing an earlier import.

    Nodes keep their ids by code, so scores and evidence of an earlier import stay attached;
    nodes no longer in the table are removed. Maxima that do not add up refuse the import unless
    `allow_mismatch` (the window imports and marks them for fixing in the editor).
    """
    if parsed.problems and not allow_mismatch:
        raise ValidationError(mismatch_message(parsed.problems))
    sid = set_id(year, level)
    edits = [
        Edit(
            "par_set",
            sid,
            {
                "year": year,
                "level": level,
                "title": parsed.title,
                "source": source,
                "total": par.points_text(parsed.total),
                "deleted": 0,
            },
        )
    ]
    kept: set[str] = set()
    edits += _node_edits(sid, parsed.areas, None, kept)
    for (old,) in db.execute(
        "SELECT id FROM par_criterion WHERE set_id = ? AND deleted = 0", [sid]
    ).fetchall():
        if old not in kept:
            edits.append(Edit("par_criterion", old, {"deleted": 1}))
    return apply_local_edits(db, edits, author=author)


def _node_values(sid: str, node: Criterion, parent: str | None, ord_: int) -> dict[str, object]:
    return {
        "set_id": sid,
        "parent_id": parent,
        "ord": ord_,
        "code": node.code,
        "stt": node.stt,
        "title": node.title,
        "max_score": par.points_text(node.max_score),
        "rule": node.rule,
        "evidence_required": node.evidence_required,
        "self_assessed": int(node.self_assessed),
        "step": par.points_text(node.step),
        "deleted": 0,
    }


def _node_edits(sid: str, nodes: list[Criterion], parent: str | None, kept: set[str]) -> list[Edit]:
    edits: list[Edit] = []
    for ord_, node in enumerate(nodes):
        nid = node.id or criterion_id(sid, node.code)
        kept.add(nid)
        edits.append(Edit("par_criterion", nid, _node_values(sid, node, parent, ord_)))
        edits += _node_edits(sid, node.children, nid, kept)
    return edits


def list_sets(db: Database, year: int | None = None) -> list[tuple[str, int, str, str]]:
    """(id, year, level, title) of the stored sets, newest first."""
    sql = "SELECT id, year, level, title FROM par_set WHERE deleted = 0"
    params: list[object] = []
    if year is not None:
        sql += " AND year = ?"
        params.append(year)
    return [tuple(r) for r in db.execute(sql + " ORDER BY year DESC, level", params)]


def is_hub(db: Database) -> bool:
    """This PC keeps the criteria and appraises (the district or province), not a commune."""
    return local_site(db).role != "commune"


def default_level(db: Database) -> str:
    """The criteria level this PC scores or appraises: a commune's own, or the communes' at a
    district (before 2025) or a commune office; a department's and a province's otherwise."""
    unit = local_site(db).unit_id
    if unit and organisation.get_agency(db, unit).kind == "commune":
        return "commune"  # a commune's PC in a network
    office = settings_service.load_office_settings(db)
    return "commune" if office.level in ("commune", "district") else "department"


def load_set(db: Database, year: int, level: str | None = None) -> ParSet:
    """The criteria set of a year (and level: the only one of that year, else this PC's)."""
    sets = list_sets(db, year)
    if level is not None:
        sets = [s for s in sets if s[2] == level]
    elif len(sets) > 1:
        wanted = default_level(db)
        sets = [s for s in sets if s[2] == wanted] or sets[:1]
    if not sets:
        what = f"năm {year}" + (f" ({par.LEVELS.get(level, level)})" if level else "")
        raise NotFoundError(f"Chưa có bộ chỉ số CCHC {what}; hãy nhập bộ tiêu chí trước.")
    sid, year_, level_, title = sets[0]
    total_row = db.execute("SELECT total FROM par_set WHERE id = ?", [sid]).fetchone()
    rows = db.execute(
        "SELECT id, parent_id, code, stt, title, max_score, rule, evidence_required,"
        " self_assessed, step FROM par_criterion WHERE set_id = ? AND deleted = 0 ORDER BY ord",
        [sid],
    ).fetchall()
    nodes: dict[str, tuple[str | None, Criterion]] = {}
    for r in rows:
        node = Criterion(
            code=r[2],
            title=r[4],
            max_score=par.parse_points(r[5]),
            stt=r[3],
            rule=r[6],
            evidence_required=r[7],
            self_assessed=bool(r[8]),
            step=par.parse_points(r[9]) or Decimal("0.5"),
            id=r[0],
        )
        nodes[r[0]] = (r[1], node)
    areas: list[Criterion] = []
    for parent, node in nodes.values():
        if parent is None:
            areas.append(node)
        elif parent in nodes:
            nodes[parent][1].children.append(node)
    result = ParSet(
        sid, year_, level_, title, par.parse_points(total_row[0]) or Decimal(100), areas
    )
    for node in par.walk(areas):
        result.by_code[node.code] = node
        result.by_id[node.id] = node
    return result


def own_unit(db: Database, year: int | None = None, *, create: bool = True) -> str | None:
    """The unit this PC assesses: its enrolled unit, else the unit of the year's plan, else the
    issuing office of the office settings (created as an agency on the first write)."""
    unit = local_site(db).unit_id
    if unit:
        return unit
    row = db.execute(
        "SELECT unit_id FROM plan WHERE deleted = 0 AND unit_id IS NOT NULL"
        " ORDER BY year = ? DESC, year DESC LIMIT 1",
        [year or 0],
    ).fetchone()
    if row is not None:
        return str(row[0])
    from cchc_desktop.services.settings_service import load_office_settings

    issuer = load_office_settings(db).issuer_short
    found = organisation.find_agency(db, issuer)
    if found is not None:
        return found.id
    if not create:
        return None
    return organisation.ensure_agency(db, issuer, kind=organisation.guess_kind(issuer)).agency_id


def resolve_unit(db: Database, name: str | None, year: int | None = None) -> str:
    if not name:
        unit = own_unit(db, year)
        assert unit is not None  # created when missing
        return unit
    agency = organisation.find_agency(db, name)
    if agency is None:
        raise NotFoundError(f"Không tìm thấy đơn vị «{name}».")
    return agency.id


def scores(db: Database, set_: ParSet, unit: str) -> dict[str, Score]:
    """A unit's scores on the set, by criterion id."""
    result: dict[str, Score] = {}
    for cid, score, note, appraised, appraisal_note in db.execute(
        "SELECT s.criterion_id, s.score, s.note, s.appraised_score, s.appraisal_note"
        " FROM par_score s JOIN par_criterion c ON c.id = s.criterion_id"
        " WHERE c.set_id = ? AND s.unit_id = ? AND s.deleted = 0",
        [set_.id, unit],
    ):
        result[cid] = Score(
            par.parse_points(score), note, par.parse_points(appraised), appraisal_note
        )
    return result


def parse_score(text: str | Decimal | None) -> Decimal | None:
    if text is None or isinstance(text, Decimal):
        return text
    if not text.strip():
        return None
    value = par.parse_points(text)
    if value is None:
        raise ValidationError(f"Điểm «{text}» không phải là số (ví dụ 1,5).")
    return value


def check_score(
    set_: ParSet, code: str, score: str | Decimal | None, *, appraisal: bool = False
) -> tuple[Criterion, Decimal | None]:
    """The criterion and the score, when the score may be given to it; else ValidationError."""
    node = set_.node(code)
    value = parse_score(score)
    problem = par.score_problem(node, value, appraisal=appraisal)
    if problem:
        raise ValidationError(problem)
    return node, value


def set_score(
    db: Database,
    set_: ParSet,
    code: str,
    score: str | Decimal | None,
    *,
    unit: str,
    note: str | None = None,
    author: str = "",
) -> Changes:
    """The unit's self score (and explanation) on one criterion, within its bounds."""
    return _write_score(db, set_, code, score, unit, note, author, appraisal=False)


def appraise(
    db: Database,
    set_: ParSet,
    code: str,
    score: str | Decimal | None,
    *,
    unit: str,
    note: str | None = None,
    author: str = "",
) -> Changes:
    """The office above's appraised score (and comment) on a unit's criterion."""
    return _write_score(db, set_, code, score, unit, note, author, appraisal=True)


def _write_score(
    db: Database,
    set_: ParSet,
    code: str,
    score: str | Decimal | None,
    unit: str,
    note: str | None,
    author: str,
    *,
    appraisal: bool,
) -> Changes:
    node, value = check_score(set_, code, score, appraisal=appraisal)
    row = score_id(node.id, unit)
    score_field, note_field = (
        ("appraised_score", "appraisal_note") if appraisal else ("score", "note")
    )
    values: dict[str, object] = {score_field: par.points_text(value)}
    if note is not None:
        values[note_field] = note
    # The row's identity is written once, by whoever creates it (the hub may not rewrite a
    # commune's row).
    if db.execute("SELECT 1 FROM par_score WHERE id = ?", [row]).fetchone() is None:
        values.update({"criterion_id": node.id, "unit_id": unit})
        if not appraisal:
            values["deleted"] = 0
    return apply_local_edits(db, [Edit("par_score", row, values)], author=author)


def totals(
    set_: ParSet, given: dict[str, Score], *, appraised: bool = False
) -> dict[str, Decimal | None]:
    """Each node's score by code (leaves their own, parents the sum), and "" for the total."""
    flat = {
        cid: (s.appraised if appraised else s.score)
        for cid, s in given.items()
        if (s.appraised if appraised else s.score) is not None
    }
    values: dict[str, Decimal] = {k: v for k, v in flat.items() if v is not None}
    result: dict[str, Decimal | None] = {}
    for node in par.walk(set_.areas):
        result[node.code] = par.subtotal(node, values)
    area_scores = [result[a.code] for a in set_.areas]
    present = [v for v in area_scores if v is not None]
    result[""] = sum(present, par.ZERO) if present else None
    return result


def part_totals(
    set_: ParSet, given: dict[str, Score], *, appraised: bool = False
) -> tuple[Decimal | None, Decimal | None]:
    """The self-assessed and the survey part of a unit's points (see domain.par.part_totals)."""
    flat = {
        cid: value
        for cid, s in given.items()
        if (value := s.appraised if appraised else s.score) is not None
    }
    return par.part_totals(set_.areas, flat)


def evidence_counts(db: Database, set_: ParSet, unit: str) -> dict[str, int]:
    """How many pieces of evidence each criterion has (leaves; parents the sum)."""
    own = dict(
        db.execute(
            "SELECT e.criterion_id, count(*) FROM par_evidence e"
            " JOIN par_criterion c ON c.id = e.criterion_id"
            " WHERE c.set_id = ? AND e.unit_id = ? AND e.deleted = 0 GROUP BY e.criterion_id",
            [set_.id, unit],
        ).fetchall()
    )

    def count(node: Criterion) -> int:
        return int(own.get(node.id, 0)) + sum(count(c) for c in node.children)

    return {node.code: count(node) for node in par.walk(set_.areas)}


def to_json(db: Database, set_: ParSet, unit: str) -> dict[str, object]:
    """`{"areas": [NODE…]}` with NODE {"code", "title", "max", "self_assessed", "self_score",
    "appraised_score", "evidence", "criteria": [NODE…]}; scores as numbers. A survey node's
    self_score is the published survey points the unit recorded."""
    given = scores(db, set_, unit)
    own = totals(set_, given)
    own_part, survey_part = part_totals(set_, given)
    appraised = totals(set_, given, appraised=True)
    counts = evidence_counts(db, set_, unit)

    def number(value: Decimal | None) -> int | float | None:
        if value is None:
            return None
        return int(value) if value == int(value) else float(value)

    def node_json(node: Criterion) -> dict[str, object]:
        return {
            "code": node.code,
            "title": node.title,
            "max": number(node.max_score),
            "self_assessed": node.self_assessed,
            "self_score": number(own[node.code]),
            "appraised_score": number(appraised[node.code]),
            "evidence": counts[node.code],
            "criteria": [node_json(c) for c in node.children],
        }

    return {
        "year": set_.year,
        "level": set_.level,
        "total": number(set_.total),
        "self_total": number(own_part),  # the self-assessed part
        "survey_total": number(survey_part),  # the published survey points recorded
        "appraised_total": number(appraised[""]),
        "areas": [node_json(a) for a in set_.areas],
    }


def units_with_scores(db: Database, set_: ParSet) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT s.unit_id FROM par_score s JOIN par_criterion c"
            " ON c.id = s.criterion_id WHERE c.set_id = ? AND s.deleted = 0",
            [set_.id],
        )
    ]


@dataclass(frozen=True)
class RankRow:
    rank: int
    unit_id: str
    unit_name: str
    total: Decimal
    areas: tuple[Decimal | None, ...]
    appraised: bool  # every scored criterion has an appraised score


def ranking(db: Database, set_: ParSet, units: Iterable[str] | None = None) -> list[RankRow]:
    """Units ranked by total (the appraised score where given, else the self score)."""
    rows: list[tuple[str, str, Decimal, tuple[Decimal | None, ...], bool]] = []
    for unit in units if units is not None else units_with_scores(db, set_):
        given = scores(db, set_, unit)
        final = {
            cid: Score(s.appraised if s.appraised is not None else s.score)
            for cid, s in given.items()
        }
        result = totals(set_, final)
        done = all(s.appraised is not None for s in given.values() if s.score is not None)
        name = organisation.get_agency(db, unit).name
        total = result[""] or par.ZERO
        rows.append((unit, name, total, tuple(result[a.code] for a in set_.areas), done))
    rows.sort(key=lambda r: (-r[2], r[1]))
    ranked: list[RankRow] = []
    for index, (unit, name, total, areas, done) in enumerate(rows):
        same = ranked and ranked[-1].total == total
        rank = ranked[-1].rank if same else index + 1
        ranked.append(RankRow(rank, unit, name, total, areas, done))
    return ranked
