"""The document readers: .docx, .pdf, .txt, .html (and .doc/.rtf through a converter)."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.errors import DocumentError
from cchc_desktop.importer import word_convert
from cchc_desktop.importer.documents import (
    MAX_FILE_BYTES,
    MAX_LINE_CHARS,
    MAX_TABLE_ROWS,
    Paragraph,
    Table,
    read_document,
)
from tests.document_files import SEED, make_docx, make_pdf

SEED_TEXT = SEED.read_text(encoding="utf-8")
TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes Vietnamese: base letters precomposed, tone marks combining."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(p for p in parts if p in TONES)
        out.append(
            unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONES)) + tones
        )
    return "".join(out).encode("cp1258")


HEADER = (
    "STT",
    "Nhiệm vụ cụ thể",
    "Sản phẩm",
    "Cơ quan thực hiện",
    "Thời gian thực hiện",
    "Ghi chú",
)


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "ke-hoach.docx"
    path.write_bytes(make_docx(SEED_TEXT))
    return path


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "ke-hoach.pdf"
    path.write_bytes(make_pdf(SEED_TEXT))
    return path


@pytest.mark.parametrize("fixture", ["seed_docx", "seed_pdf"])
def test_seed_tables_come_back_row_for_row(fixture: str, request: pytest.FixtureRequest) -> None:
    document = read_document(request.getfixturevalue(fixture))
    assert [len(t.rows) for t in document.tables] == [7, 9, 4, 7, 5, 7, 5]
    assert all(t.rows[0] == HEADER for t in document.tables)
    first = document.tables[0].rows[1]
    assert first[0] == "1"
    assert first[1] == (
        "Ban hành Kế hoạch xây dựng VB QPPL năm 2020; "
        "triển khai Kế hoạch xây dựng VB QPPL năm 2020."
    )
    # the appendix heading stands right above its table, in reading order
    index = document.blocks.index(document.tables[1])
    heading = document.blocks[index - 1]
    assert isinstance(heading, Paragraph)
    assert "Phụ lục" in heading.text or "PHỤ LỤC" in heading.text.upper()


def test_docx_bullets_are_written_out(seed_docx: Path) -> None:
    texts = [p.text for p in read_document(seed_docx).paragraphs]
    assert any(t.startswith("- Tiếp tục đẩy mạnh cải cách hành chính") for t in texts)


def test_docx_numbering_merged_cells_and_repeated_header(tmp_path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    for text in ("Mục tiêu", "Yêu cầu", "Nhiệm vụ"):
        document.add_paragraph(text, style="List Number")
    table = document.add_table(rows=5, cols=3)
    for r, row in enumerate(
        [("STT", "Nội dung", "Cơ quan"), ("1", "Việc một", "Phòng Nội vụ"), ("2", "Việc hai", "")]
    ):
        for k, text in enumerate(row):
            table.cell(r, k).text = text
    for k, text in enumerate(("STT", "Nội dung", "Cơ quan")):
        table.cell(3, k).text = text  # the header pasted again mid-table
    table.cell(4, 0).merge(table.cell(4, 2)).text = "II. HIỆN ĐẠI HOÁ HÀNH CHÍNH"
    merged = table.cell(1, 2).merge(table.cell(2, 2))
    merged.text = "Phòng Nội vụ"
    vmerge = table.cell(2, 2)._tc.tcPr.find(qn("w:vMerge"))
    assert vmerge is not None
    del OxmlElement
    path = tmp_path / "kh.docx"
    document.save(str(path))

    read = read_document(path)
    assert [p.text for p in read.paragraphs] == ["1. Mục tiêu", "2. Yêu cầu", "3. Nhiệm vụ"]
    assert read.tables == (
        Table(
            (
                ("STT", "Nội dung", "Cơ quan"),
                ("1", "Việc một", "Phòng Nội vụ"),
                ("2", "Việc hai", "Phòng Nội vụ"),
                ("II. HIỆN ĐẠI HOÁ HÀNH CHÍNH", "", ""),
            )
        ),
    )


def test_text_in_utf16_and_windows_1258(tmp_path: Path) -> None:
    text = "KẾ HOẠCH\nCải cách hành chính năm 2024\n1\tRà soát\tPhòng Tư pháp\n"
    for encoding, data in [
        ("utf-16", text.encode("utf-16")),
        ("utf-16-le", text.encode("utf-16-le")),
        ("cp1258", cp1258(text)),
        ("utf-8-sig", text.encode("utf-8-sig")),
    ]:
        path = tmp_path / f"kh-{encoding}.txt"
        path.write_bytes(data)
        read = read_document(path)
        assert read.blocks == (
            Paragraph("KẾ HOẠCH"),
            Paragraph("Cải cách hành chính năm 2024"),
            Table((("1", "Rà soát", "Phòng Tư pháp"),)),
        ), encoding


def test_saved_web_page(tmp_path: Path) -> None:
    page = """<!DOCTYPE html><html><head><meta charset="windows-1258"><title>Cổng</title>
    <script>var x = "KẾ HOẠCH";</script></head><body><nav>Trang chủ | Tin tức</nav>
    <div class="content"><p><b>KẾ HOẠCH</b><br>Cải cách hành chính năm 2025</p>
    <ul><li>Mục tiêu một</li></ul>
    <table><tr><th>STT</th><th>Nhiệm vụ</th><th>Chủ trì</th><th>Thời gian</th></tr>
    <tr><td>1</td><td>Rà soát văn bản</td><td rowspan="2">Phòng Tư pháp</td><td>Quý I</td></tr>
    <tr><td>2</td><td>Kiểm tra</td><td>Quý II</td></tr>
    <tr><td colspan="4">II. CẢI CÁCH TTHC</td></tr>
    <tr><th>STT</th><th>Nhiệm vụ</th><th>Chủ trì</th><th>Thời gian</th></tr>
    </table></div></body></html>"""
    path = tmp_path / "trang.htm"
    path.write_bytes(cp1258(page))
    read = read_document(path)
    assert read.blocks == (
        Paragraph("KẾ HOẠCH"),
        Paragraph("Cải cách hành chính năm 2025"),
        Paragraph("- Mục tiêu một"),
        Table(
            (
                ("STT", "Nhiệm vụ", "Chủ trì", "Thời gian"),
                ("1", "Rà soát văn bản", "Phòng Tư pháp", "Quý I"),
                ("2", "Kiểm tra", "Phòng Tư pháp", "Quý II"),
                ("II. CẢI CÁCH TTHC", "", "", ""),
            )
        ),
    )


def test_a_pdf_without_text_says_it_is_a_scan(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.rect(100, 100, 300, 400, fill=1)  # a page with only a picture-like shape
    pdf.showPage()
    pdf.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(out.getvalue())
    with pytest.raises(DocumentError, match=r"PDF chụp .*không có lớp chữ"):
        read_document(path)


def test_a_docx_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b"<" + b" " * (200 * 1024 * 1024) + b">")
    path = tmp_path / "bom.docx"
    path.write_bytes(out.getvalue())
    assert path.stat().st_size < MAX_FILE_BYTES
    with pytest.raises(DocumentError, match="bom nén"):
        read_document(path)


def test_damaged_files_get_a_message(tmp_path: Path) -> None:
    docx_path = tmp_path / "hong.docx"
    docx_path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    with pytest.raises(DocumentError, match="không phải tệp Word"):
        read_document(docx_path)
    good = make_docx("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026\n")
    entry = good.index(b"PK\x01\x02")  # the first entry of the zip's directory
    odd = bytearray(good)
    odd[entry + 6] = 129  # "version needed to extract" 12.9: the zip reader gives up
    version_path = tmp_path / "phien-ban.docx"
    version_path.write_bytes(bytes(odd))
    with pytest.raises(DocumentError, match="không phải tệp Word"):
        read_document(version_path)
    pdf_path = tmp_path / "hong.pdf"
    pdf_path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    with pytest.raises(DocumentError, match="PDF"):
        read_document(pdf_path)


def test_limits(tmp_path: Path) -> None:
    big = tmp_path / "lon.txt"
    big.write_bytes(b"KE HOACH\n" + b"a" * (10 * 1024 * 1024))
    with pytest.raises(DocumentError, match=r"quá lớn \(10\.0 MB\).*đến 8 MB"):
        read_document(big)
    long_line = tmp_path / "dong-dai.txt"
    long_line.write_text("KẾ HOẠCH\n" + "x" * (MAX_LINE_CHARS + 1), encoding="utf-8")
    with pytest.raises(DocumentError, match=r"đến 20\.000 ký tự"):
        read_document(long_line)
    rows = tmp_path / "nhieu-dong.txt"
    rows.write_text(
        "KẾ HOẠCH\n" + "".join(f"{k}\tViệc {k}\tQuý I\n" for k in range(MAX_TABLE_ROWS + 1)),
        encoding="utf-8",
    )
    with pytest.raises(DocumentError, match=r"có 25\.001 dòng bảng; .* đến 25\.000 dòng"):
        read_document(rows)


def test_a_file_read_by_its_content_not_its_name(seed_docx: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "ke-hoach.txt"
    renamed.write_bytes(seed_docx.read_bytes())
    assert read_document(renamed).kind == ".docx"


def test_old_word_without_a_converter_says_how_to_save_as_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(word_convert, "find_soffice", lambda: None)
    path = tmp_path / "ke-hoach.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(DocumentError, match=r"Lưu thành… .*\(\*\.docx\)"):
        read_document(path)


@pytest.mark.skipif(word_convert.find_soffice() is None, reason="LibreOffice is not installed")
def test_rtf_through_libreoffice(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.rtf"
    path.write_text(
        r"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times New Roman;}}"
        r"\f0 K\u7870? HO\u7840?CH\par C\u7843?i c\u225?ch h\u224?nh ch\u237?nh\par}",
        encoding="ascii",
    )
    read = read_document(path)
    assert read.kind == ".rtf"
    assert [p.text for p in read.paragraphs] == ["KẾ HOẠCH", "Cải cách hành chính"]


def test_a_pdf_with_a_password_says_so(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from cchc_desktop.reports.fonts import REGULAR, register_fonts

    register_fonts()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, encrypt="mat-khau")
    pdf.setFont(REGULAR, 12)
    pdf.drawString(72, 700, "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026")
    pdf.showPage()
    pdf.save()
    path = tmp_path / "khoa.pdf"
    path.write_bytes(out.getvalue())
    with pytest.raises(DocumentError, match="có mật khẩu"):
        read_document(path)


SMALL_TABLE = (("STT", "Nhiệm vụ"), ("1", "Rà soát"), ("2", "Kiểm tra"))
SMALL_HEADING = "Phụ lục số 01: Cải cách thể chế"


def _small_table_pdf(tmp_path: Path, draw_grid: Callable[[Any], None], *, turned: bool) -> Path:
    """A page with SMALL_HEADING and the three rows of SMALL_TABLE in cells whose ruling lines
    `draw_grid` draws (two columns, 60 and 240 points wide, from x 100, y 600 up)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from cchc_desktop.reports.fonts import REGULAR, register_fonts

    register_fonts()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    if turned:
        pdf.setPageRotation(90)
    draw_grid(pdf)
    pdf.setFont(REGULAR, 10)
    pdf.drawString(100, 680, SMALL_HEADING)
    for row, (no, task) in enumerate(SMALL_TABLE):
        y = 600 + 60 - 20 * row - 14
        pdf.drawString(105, y, no)
        pdf.drawString(165, y, task)
    pdf.showPage()
    pdf.save()
    path = tmp_path / "bang.pdf"
    path.write_bytes(out.getvalue())
    return path


def _assert_small_table(path: Path) -> None:
    document = read_document(path)
    assert document.tables[0].rows == SMALL_TABLE
    assert [p.text for p in document.blocks if isinstance(p, Paragraph)] == [SMALL_HEADING]


def _plain_grid(pdf: Any) -> None:
    for y in (600, 620, 640, 660):
        pdf.line(100, y, 400, y)
    for x in (100, 160, 400):
        pdf.line(x, 600, x, 660)


def _grid_in_a_form(pdf: Any) -> None:
    pdf.beginForm("grid")
    for y in (0, 20, 40, 60):  # drawn at the form's origin, placed by a matrix
        pdf.line(0, y, 300, y)
    for x in (0, 60, 300):
        pdf.line(x, 0, x, 60)
    pdf.endForm()
    pdf.saveState()
    pdf.translate(100, 600)
    pdf.doForm("grid")
    pdf.restoreState()


def test_a_pdf_table_drawn_inside_a_form_is_read_where_it_is_shown(tmp_path: Path) -> None:
    """Ruling lines inside a reusable drawing (a form XObject), placed by a matrix: the table
    is found where the page shows it, and each cell keeps its own text."""
    _assert_small_table(_small_table_pdf(tmp_path, _grid_in_a_form, turned=False))


def test_a_rotated_pdf_page_reads_as_printed(tmp_path: Path) -> None:
    """A page turned by /Rotate (a landscape appendix in a portrait file): the text and the
    ruling lines are read in the same frame, so rows stay rows (pdfplumber read it sideways)."""
    _assert_small_table(_small_table_pdf(tmp_path, _plain_grid, turned=True))
