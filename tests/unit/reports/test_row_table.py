"""The self-drawing data table: page cuts, repeated header, tall rows, every cell in the PDF."""

from __future__ import annotations

from pathlib import Path

from cchc_desktop.reports import fonts
from cchc_desktop.reports.document import Column, ReportWriter, data_table
from cchc_desktop.reports.row_table import PAD_BOTTOM, PAD_TOP, RowTable

from .pdfutil import all_text, page_texts

COLUMNS = [Column("STT", 15, "CENTER"), Column("Nhiệm vụ cụ thể", 150), Column("Số", 30, "RIGHT")]


def _table(rows: list[list[str]], **kw: object) -> RowTable:
    fonts.register_fonts()
    return data_table(COLUMNS, rows, **kw)  # type: ignore[arg-type]


def test_split_cuts_at_the_last_whole_row_and_keeps_the_header() -> None:
    rows = [[str(i), f"Nhiệm vụ {i}\nDòng hai", str(i * 10)] for i in range(1, 101)]
    table = _table(rows)
    _, total = table.wrap(500, 10_000)
    head = table.head.total
    row_h = table.heights[0]
    assert row_h == 2 * 14.0 + PAD_TOP + PAD_BOTTOM
    assert total == head + 100 * row_h
    avail = head + 7.5 * row_h
    first, rest = table.split(500, avail)
    assert isinstance(first, RowTable)
    assert isinstance(rest, RowTable)
    assert first.row_count == 7
    assert rest.row_count == 93
    assert first.head is rest.head  # the header goes with every piece
    assert first.rows[0][0] == ["1"]
    assert rest.rows[0][0] == ["8"]
    assert table.split(500, 10_000) == [table]
    # Not even one row fits under the header on a part-filled page: move to the next page.
    table.frame_height = 400
    assert table.split(500, head + row_h / 2) == []


def test_a_row_taller_than_a_page_is_cut_between_its_lines() -> None:
    giant = "\n".join(f"Dòng {i}" for i in range(1, 201))
    table = _table([["1", giant, "5"], ["2", "ngắn", "6"]])
    table.frame_height = 500
    pieces = table.split(500, 500)
    assert len(pieces) == 2
    top, rest = pieces
    assert isinstance(top, RowTable)
    assert isinstance(rest, RowTable)
    assert top.height <= 500
    lines = top.rows[0][1] + rest.rows[0][1]
    assert lines == [f"Dòng {i}" for i in range(1, 201)]
    assert top.rows[0][0] == ["1"]
    assert rest.rows[0][0] == []
    assert rest.rows[1][1] == ["ngắn"]


def test_every_cell_is_in_the_pdf_and_the_header_is_on_every_page(tmp_path: Path) -> None:
    rows = [
        [str(i), f"Nhiệm vụ số {i} về cải cách thủ tục hành chính cấp xã", f"{i * 7}"]
        for i in range(1, 301)
    ]
    writer = ReportWriter(title="Bảng dài")
    writer.begin_section()
    writer.add(data_table(COLUMNS, rows))
    result = writer.render(tmp_path / "rows.pdf")
    texts = page_texts(result.path)
    assert len(texts) >= 4
    assert all("Nhiệm vụ cụ thể" in t and "(1)" in t and "(3)" in t for t in texts)
    words = set(" ".join(texts).split())
    for i in range(1, 301):
        assert f"{i * 7}" in words
        assert str(i) in words
    joined = " ".join(all_text(result.path).split())
    assert all(f"Nhiệm vụ số {i} về cải cách" in joined for i in range(1, 301))


def test_rows_fill_each_page_before_breaking(tmp_path: Path) -> None:
    rows = [[str(i), "Một dòng", "1"] for i in range(1, 401)]
    table = _table(rows)
    writer = ReportWriter(title="Trang đầy")
    frame = writer.frame_height()
    expected_per_page = int((frame - table.head.total) // table.heights[0])
    writer.begin_section()
    writer.add(table)
    result = writer.render(tmp_path / "full.pdf")
    assert result.pages == -(-400 // expected_per_page)


def test_a_bold_total_row_is_drawn_bold(tmp_path: Path) -> None:
    import pdfplumber

    table = _table([["1", "Việc", "2"], ["", "Tổng cộng", "9"]], number_row=False, bold_last=True)
    assert table.bold == [False, True]
    assert table.head.numbers is None
    writer = ReportWriter(title="Tổng")
    writer.begin_section()
    writer.add(table)
    result = writer.render(tmp_path / "bold.pdf")
    with pdfplumber.open(result.path) as pdf:
        chars = pdf.pages[0].chars
    font_of = {c["text"]: c["fontname"] for c in chars}
    assert "Bold" in font_of["9"]
    assert "Bold" in font_of["ổ"]
    assert "Bold" not in font_of["2"]
    assert "Bold" not in font_of["V"]
