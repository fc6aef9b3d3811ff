"""Importing a plan file in two steps, the same for the window and the command line: read it and
say what was found (nothing written), then write it in one transaction.

:func:`read_source` reads the file once (any format the document readers take) and parses it;
:func:`preview` says what writing it would do to the database — a new plan or the replacement
of a stored one, and which stored tasks would be retired (with the progress they carry);
:func:`findings_to_json` is the `import-plan --dry-run --json` document; :func:`write` stores it
(through plan_service.import_plan, one transaction) with decision fields the clerk filled in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from cchc_desktop.domain.model import ParsedPlan
from cchc_desktop.errors import PlanImportError, ValidationError, os_reason
from cchc_desktop.services import plan_service
from cchc_desktop.services.plan_matching import RetiredTask, match_plan
from cchc_desktop.store import ids

__all__ = [
    "DecisionFields",
    "ImportPreview",
    "ImportSource",
    "findings_to_json",
    "preview",
    "read_source",
    "write",
]


@dataclass(frozen=True, slots=True)
class ImportSource:
    """A plan file read and parsed."""

    path: Path
    sha256: str
    parsed: ParsedPlan

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What writing the plan would do."""

    existing: plan_service.PlanSummary | None  # the stored plan it would replace
    retired: tuple[RetiredTask, ...]  # stored tasks the file no longer has
    kept: int  # tasks of the file matched to a stored task (their progress stays)


@dataclass(frozen=True, slots=True)
class DecisionFields:
    """Decision fields a clerk typed in the review because the file lacks them ("" keeps)."""

    number: str = ""
    date: dt.date | None = None
    issuing_body: str = ""
    signer: str = ""


def read_source(path: Path) -> ImportSource:
    """Read and parse the plan file at `path`.

    Raises:
        PlanImportError: the file cannot be read or is not a plan (Vietnamese message).
    """
    from cchc_desktop.importer.cancelled_tasks import with_cancellations
    from cchc_desktop.importer.plan_text import read_plan_file

    path = Path(path)
    parsed = with_cancellations(read_plan_file(path))
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise PlanImportError(f"Không đọc được tệp {path}: {os_reason(exc)}.") from exc
    return ImportSource(path, digest, parsed)


def with_decision(parsed: ParsedPlan, fields: DecisionFields) -> ParsedPlan:
    """`parsed` with the fields the clerk filled in where the file left them empty."""
    d = parsed.decision
    decision = dataclasses.replace(
        d,
        number=d.number or fields.number.strip(),
        date=d.date or fields.date,
        issuing_body=d.issuing_body or fields.issuing_body.strip(),
        signer=d.signer or fields.signer.strip(),
    )
    return dataclasses.replace(parsed, decision=decision)


def preview(db: Database | None, parsed: ParsedPlan) -> ImportPreview:
    """What writing `parsed` into `db` would do; `db` None: a database not created yet."""
    if db is None:
        return ImportPreview(None, (), 0)
    existing = plan_service.find_existing(db, parsed)
    if existing is None:
        return ImportPreview(None, (), 0)
    matched = match_plan(db, ids.plan_id(parsed.year, parsed.decision.number), parsed)
    return ImportPreview(existing, matched.retired, matched.kept)


def write(
    db: Database,
    source: ImportSource,
    *,
    replace: bool,
    author: str = "",
    fields: DecisionFields | None = None,
) -> plan_service.ImportResult:
    """Store the plan (one transaction).

    Raises:
        ConflictError: the plan is stored already and `replace` is False.
        ValidationError: a filled-in decision date outside the plan's years.
    """
    parsed = source.parsed
    if fields is not None:
        if fields.date is not None and not parsed.year - 2 <= fields.date.year <= parsed.year:
            raise ValidationError(
                f"Ngày quyết định {fields.date:%d/%m/%Y} không hợp với kế hoạch năm {parsed.year}."
            )
        parsed = with_decision(parsed, fields)
    return plan_service.import_plan(
        db,
        parsed,
        replace_existing=replace,
        source_name=source.name,
        source_sha256=source.sha256,
        author=author,
    )


def findings_to_json(
    source: ImportSource, found: ImportPreview, result: plan_service.ImportResult | None = None
) -> dict[str, Any]:
    """The `import-plan --json` document: what the file holds and what writing does (did)."""
    p = source.parsed
    d = p.decision
    return {
        "file": source.name,
        "year": p.year,
        "title": p.title,
        "decision": {
            "number": d.number,
            "date": d.date.isoformat() if d.date else None,
            "issuing_body": d.issuing_body,
            "signer": d.signer,
        },
        "appendices": [
            {
                "number": a.number,
                "title": a.title,
                "lead_agency": a.lead_agency,
                "tasks": len(a.tasks),
            }
            for a in p.appendices
        ],
        "tasks": p.task_count,
        "draft": p.task_count == 0,
        "warnings": [{"message": w.message, "line": w.line} for w in p.warnings],
        "replaces": (
            {"year": found.existing.year, "decision_number": found.existing.decision_number}
            if found.existing is not None
            else None
        ),
        "retire": [
            {
                "appendix": r.appendix,
                "no": r.no,
                "title": r.title,
                "progress_records": r.progress_records,
            }
            for r in found.retired
        ],
        "written": result is not None,
        "new_agencies": list(result.new_agencies) if result is not None else [],
    }
