"""`import-plan` with the files clerks have: the seed as Word and PDF gives the same tasks as its
text; --dry-run writes nothing; hostile files get a message and change nothing."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import pytest

from cchc_desktop.importer.word_convert import find_soffice
from cchc_desktop.services import plan_service
from cchc_desktop.services.startup import seed_plan_path
from cchc_desktop.store.db import open_database
from tests.document_files import make_docx, make_pdf
from tests.integration.test_cli import run

SEED_TEXT = seed_plan_path().read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("files")
    made = {"docx": folder / "ke-hoach.docx", "pdf": folder / "ke-hoach.pdf"}
    made["docx"].write_bytes(make_docx(SEED_TEXT))
    made["pdf"].write_bytes(make_pdf(SEED_TEXT))
    soffice = find_soffice()
    if soffice is not None:  # a PDF as Word users make it: LibreOffice prints the .docx
        out = folder / "lo"
        subprocess.run(
            [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(out), str(made["docx"])],
            capture_output=True, timeout=180, check=False,
        )  # fmt: skip
        if (out / "ke-hoach.pdf").exists():
            made["office-pdf"] = out / "ke-hoach.pdf"
        subprocess.run(  # the .doc a clerk gets from an older Word
            [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
             "--convert-to", "doc", "--outdir", str(out), str(made["docx"])],
            capture_output=True, timeout=180, check=False,
        )  # fmt: skip
        if (out / "ke-hoach.doc").exists():
            made["doc"] = out / "ke-hoach.doc"
    return made


def stored_tasks(path: Path) -> list[dict[str, object]]:
    from cchc_desktop.importer.plan_text import read_plan_file

    db = open_database(path.parent / f"{path.name}.db")
    plan_service.import_plan(db, read_plan_file(path))
    data = plan_service.plan_to_json(
        plan_service.load_plan(db, plan_service.plan_for_year(db, 2020).id)
    )
    db.conn.close()
    return list(data["appendices"])


@pytest.mark.parametrize("kind", ["docx", "pdf", "office-pdf", "doc"])
def test_the_seed_as_word_or_pdf_gives_the_tasks_of_its_text(
    files: dict[str, Path], kind: str, tmp_path: Path
) -> None:
    if kind not in files:
        pytest.skip("LibreOffice is not installed")
    text_copy = tmp_path / "ke-hoach.txt"
    text_copy.write_text(SEED_TEXT, encoding="utf-8")
    expected = stored_tasks(text_copy)
    assert [len(a["tasks"]) for a in expected] == [6, 8, 3, 6, 4, 6, 4]  # type: ignore[arg-type]
    assert stored_tasks(files[kind]) == expected


def change_count(db: Path, *, tasks_only: bool = False) -> int:
    query = "SELECT count(*) FROM change_log WHERE ? = 0 OR tbl != 'plan'"
    with sqlite3.connect(db) as conn:
        return int(conn.execute(query, [int(tasks_only)]).fetchone()[0])


def test_cli_dry_run_prints_the_findings_and_writes_nothing(
    files: dict[str, Path], tmp_path: Path
) -> None:
    db = tmp_path / "a.db"
    assert run("plan", "list", db=db).returncode == 0  # the seed plan is stored
    before = change_count(db)
    tasks_before = change_count(db, tasks_only=True)
    dry = run("import-plan", str(files["docx"]), "--dry-run", "--json", db=db)
    assert dry.returncode == 0, dry.stderr
    found = json.loads(dry.stdout)
    assert (found["tasks"], found["written"], found["retire"]) == (37, False, [])
    assert found["replaces"] == {"year": 2020, "decision_number": "6320/QĐ-UBND"}
    assert [a["tasks"] for a in found["appendices"]] == [6, 8, 3, 6, 4, 6, 4]
    assert change_count(db) == before

    refused = run("import-plan", str(files["pdf"]), db=db)
    assert refused.returncode == 1
    assert "--replace" in refused.stderr
    assert change_count(db) == before

    replaced = run("import-plan", str(files["pdf"]), "--replace", db=db)
    assert replaced.returncode == 0, replaced.stderr
    assert "Đã thay thế kế hoạch năm 2020" in replaced.stdout
    assert "37 nhiệm vụ" in replaced.stdout
    # the same tasks: only the plan's source file and warnings change
    assert change_count(db, tasks_only=True) == tasks_before


def test_cli_lists_the_tasks_a_replacement_retires(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    assert run("plan", "list", db=db).returncode == 0
    shorter = tmp_path / "ke-hoach.txt"
    lines = SEED_TEXT.split("\n")
    cut = next(k for k, line in enumerate(lines) if line.startswith("4\tĐa dạng hoá công tác"))
    shorter.write_text("\n".join(lines[:cut] + lines[cut + 1 :]), encoding="utf-8")
    dry = run("import-plan", str(shorter), "--dry-run", db=db)
    assert dry.returncode == 0, dry.stderr
    assert "Sẽ loại bỏ 1 nhiệm vụ không còn trong tệp:" in dry.stdout
    assert "Phụ lục 07, nhiệm vụ 4: Đa dạng hoá công tác tuyên truyền CCHC" in dry.stdout


def zip_bomb(path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b"<" + b" " * (300 * 1024 * 1024) + b">")
    path.write_bytes(out.getvalue())


def scanned_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 400, 600, fill=1)
    pdf.showPage()
    pdf.save()


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("bom.docx", zip_bomb, "bom nén"),
        ("scan.pdf", scanned_pdf, "không có lớp chữ"),
        (
            "lon.docx",
            lambda p: p.write_bytes(b"PK\x03\x04" + b"\0" * (10 * 1024 * 1024)),
            "quá lớn (10.0 MB)",
        ),
    ],
)
def test_hostile_files_get_a_message_and_change_nothing(
    tmp_path: Path, name: str, make: object, message: str
) -> None:
    db = tmp_path / "a.db"
    assert run("plan", "list", db=db).returncode == 0
    before = change_count(db)
    path = tmp_path / name
    assert callable(make)
    make(path)
    result = run("import-plan", str(path), "--replace", db=db)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert change_count(db) == before


def test_a_plan_issued_as_its_own_document_is_named_as_one(tmp_path: Path) -> None:
    """A commune's "02/KH-UBND" is a plan, not a decision, in every line the command prints."""
    fixture = (
        Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "xa-2025-web-khong-bang.txt"
    )
    db = tmp_path / "a.db"
    dry = run("import-plan", str(fixture), "--dry-run", db=db)
    assert dry.returncode == 0, dry.stderr
    assert "Kế hoạch số 02/KH-UBND" in dry.stdout
    done = run("import-plan", str(fixture), db=db)
    assert "Đã nhập kế hoạch năm 2025 (Kế hoạch số 02/KH-UBND)" in done.stdout
    again = run("import-plan", str(fixture), db=db)
    assert again.returncode == 1
    assert "Kế hoạch năm 2025 theo Kế hoạch số 02/KH-UBND đã có" in again.stderr
    assert "Quyết định số 02/KH-UBND" not in dry.stdout + done.stdout + again.stderr
