"""The PAR index hand-in folder: the score table, the report and every evidence file named by
its criterion ("2.1.3 - QĐ 12-QĐ-UBND.pdf"), as offices upload them; optionally zipped."""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from cchc_desktop.domain import par
from cchc_desktop.domain.office import OfficeSettings
from cchc_desktop.errors import ReportError, os_reason
from cchc_desktop.reports.par_report import (
    ParReportData,
    RankingData,
    ScoreRow,
    build_par_report,
    export_score_xlsx,
)
from cchc_desktop.services import organisation, par_evidence, par_service
from cchc_desktop.services.par_service import ParSet

BlobFile = Callable[[str], Path | None]  # sha256 → the stored file, None when not on this PC
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def report_data(db: Database, set_: ParSet, unit: str) -> ParReportData:
    given = par_service.scores(db, set_, unit)
    own = par_service.totals(set_, given)
    own_part, survey_part = par_service.part_totals(set_, given)
    appraised = par_service.totals(set_, given, appraised=True)
    rows: list[ScoreRow] = []
    for node in par.walk(set_.areas):
        score = given.get(node.id, par_service.Score())
        evidence = tuple(
            e.caption or e.file_name
            for e in (par_evidence.linked(db, set_, node.code, unit) if node.is_leaf else [])
        )
        rows.append(
            ScoreRow(
                node.code,
                node.depth,
                node.title,
                node.max_score,
                own[node.code],
                appraised[node.code],
                node.self_assessed,
                score.note,
                evidence,
                score.appraisal_note,
            )
        )
    self_max = sum(
        (n.max_score for n in set_.areas if n.self_assessed and n.max_score is not None), par.ZERO
    )
    return ParReportData(
        set_.year,
        organisation.get_agency(db, unit).name,
        set_.level_label,
        set_.total,
        self_max,
        own_part,
        appraised[""],
        tuple(rows),
        survey_part,
    )


def ranking_data(db: Database, set_: ParSet) -> RankingData:
    ranked = par_service.ranking(db, set_)
    return RankingData(
        set_.year,
        set_.level_label,
        tuple(f"{a.code}. {a.title}" for a in set_.areas),
        tuple((r.rank, r.unit_name, r.total, r.areas, r.appraised) for r in ranked),
    )


def safe_name(text: str, limit: int = 120) -> str:
    name = _UNSAFE.sub("-", text).strip(" .")
    return name[:limit].rstrip(" .") or "tep"


@dataclass
class HandIn:
    folder: Path
    files: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # evidence whose file is not on this PC
    zip_path: Path | None = None


def write_handin(
    db: Database,
    set_: ParSet,
    unit: str,
    folder: Path,
    office: OfficeSettings,
    blob_file: BlobFile,
    *,
    make_zip: bool = False,
) -> HandIn:
    """Write the hand-in folder (created if needed); return what was written and what is missing.

    Raises:
        ReportError: the folder or a file cannot be written.
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(f"Không tạo được thư mục “{folder}”: {os_reason(exc)}") from exc
    result = HandIn(folder)
    data = report_data(db, set_, unit)
    table = folder / f"Bảng điểm Chỉ số CCHC năm {set_.year}.xlsx"
    result.files.append(export_score_xlsx(data, table))
    report = folder / f"Báo cáo tự đánh giá Chỉ số CCHC năm {set_.year}.pdf"
    build_par_report(data, office, report)
    result.files.append(report)
    used: set[str] = set()
    for node in par.walk(set_.areas):
        if not node.is_leaf:
            continue
        for item in par_evidence.linked(db, set_, node.code, unit):
            for stored in par_evidence.files_of(db, item):
                source = blob_file(stored.sha256) if stored.sha256 else None
                if source is None:
                    result.missing.append(f"{node.code}: {stored.name or item.caption}")
                    continue
                target = folder / _unique(used, f"{node.code} - {safe_name(stored.name)}")
                try:
                    shutil.copyfile(source, target)
                except OSError as exc:
                    raise ReportError(
                        f"Không chép được tệp “{stored.name}” vào “{folder}”: {os_reason(exc)}"
                    ) from exc
                result.files.append(target)
    if make_zip:
        result.zip_path = folder.with_suffix(".zip")
        try:
            with zipfile.ZipFile(result.zip_path, "w", zipfile.ZIP_DEFLATED) as zf:
                for file in result.files:
                    zf.write(file, file.name)
        except OSError as exc:
            raise ReportError(f"Không ghi được tệp nén: {os_reason(exc)}") from exc
    return result


def _unique(used: set[str], name: str) -> str:
    stem, dot, suffix = name.rpartition(".")
    if not dot or "/" in suffix or len(suffix) > 5:
        stem, suffix = name, ""
    candidate = name
    n = 2
    while candidate.casefold() in used:
        candidate = f"{stem} ({n}).{suffix}" if suffix else f"{stem} ({n})"
        n += 1
    used.add(candidate.casefold())
    return candidate
