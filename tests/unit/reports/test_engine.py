"""The page engine: fonts, paths, numbering, blocks, cancellation and progress."""

from __future__ import annotations

import itertools
import re
import shutil
import sys
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph

from cchc_desktop import paths
from cchc_desktop.errors import ReportError, ValidationError
from cchc_desktop.reports import fonts
from cchc_desktop.reports.data import PageMargins
from cchc_desktop.reports.document import (
    Column,
    ReportWriter,
    data_table,
    item_label,
    number_line,
    with_closing,
    wrap_cell,
)

from .pdfutil import A4_LANDSCAPE, A4_PORTRAIT, BASE14, all_text, fonts_of, page_sizes, top_texts

LOREM = (
    "Tiếp tục đẩy mạnh cải cách hành chính, cải thiện mạnh mẽ môi trường đầu tư kinh doanh, "
    "hỗ trợ phát triển doanh nghiệp, góp phần nâng cao năng lực cạnh tranh của tỉnh."
)


# ---------------------------------------------------------------------------- paths and fonts


def test_resource_path_finds_the_bundled_fonts_and_licence() -> None:
    folder = paths.resource_path("fonts")
    for name in (
        "LiberationSerif-Regular.ttf",
        "LiberationSerif-Bold.ttf",
        "LiberationSerif-Italic.ttf",
        "LiberationSerif-BoldItalic.ttf",
    ):
        assert (folder / name).is_file()
    licence = (folder / "LICENSE-LiberationSerif.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence


def test_paths_follow_a_pyinstaller_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource_path("fonts", "x.ttf") == tmp_path / "resources" / "fonts" / "x.ttf"
    assert paths.migrations_dir() == tmp_path / "db" / "migrations"


def test_user_dirs_honour_the_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    assert paths.user_data_dir() == tmp_path
    assert paths.user_log_dir() == tmp_path / "logs"
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    assert paths.user_data_dir().name == "CCHC Desktop"


def test_times_new_roman_is_preferred_when_all_four_files_exist(tmp_path: Path) -> None:
    bundled = paths.resource_path("fonts")
    for src, name in zip(
        ("Regular", "Bold", "Italic", "BoldItalic"),
        ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"),
        strict=True,
    ):
        shutil.copy(bundled / f"LiberationSerif-{src}.ttf", tmp_path / name)
    found = fonts.find_font_files(windows_dir=tmp_path)
    assert found.source == "Times New Roman"
    assert found.bold == tmp_path / "timesbd.ttf"
    (tmp_path / "timesbi.ttf").unlink()
    assert fonts.find_font_files(windows_dir=tmp_path).source == "Liberation Serif"


def test_missing_fonts_give_a_vietnamese_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="Không tìm thấy phông chữ"):
        fonts.find_font_files(windows_dir=tmp_path, bundled_dir=tmp_path)


# ---------------------------------------------------------------------------- small pieces


@pytest.mark.parametrize(
    ("number", "blank", "expected"),
    [
        (5, False, "Số: 05/BC-UBND"),
        (12, False, "Số: 12/BC-UBND"),
        ("6320/QĐ-UBND", False, "Số: 6320/QĐ-UBND"),
        ("7", False, "Số: 07/BC-UBND"),
        (5, True, "Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND"),
        (None, False, "Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND"),
    ],
)
def test_number_line(number: int | str | None, blank: bool, expected: str) -> None:
    assert number_line(number, "BC-UBND", blank=blank) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("như sau", "như sau./."),
        ("xem xét, chỉ đạo.", "xem xét, chỉ đạo./."),
        ("quyết định này./.", "quyết định này./."),
    ],
)
def test_closing_mark(text: str, expected: str) -> None:
    assert with_closing(text) == expected


@pytest.mark.parametrize(
    ("number", "label"), [("1", "1."), ("5.1", "5.1."), ("a", "a)"), ("đ", "đ)"), ("I.", "I.")]
)
def test_item_label(number: str, label: str) -> None:
    assert item_label(number) == label


def test_margins_are_checked_against_decree_30() -> None:
    PageMargins().validate()
    PageMargins(top=25, bottom=25, left=35, right=20).validate()
    with pytest.raises(ValidationError, match="Lề trái phải từ 30 đến 35 mm"):
        PageMargins(left=25).validate()
    with pytest.raises(ValidationError, match="Lề trên phải từ 20 đến 25 mm"):
        ReportWriter(title="x", margins=PageMargins(top=10))


def test_wrap_cell_keeps_lines_within_the_width() -> None:
    fonts.register_fonts()
    from reportlab.pdfbase.pdfmetrics import stringWidth

    wrapped = wrap_cell(LOREM + "\n- dòng thứ hai", 120)
    lines = wrapped.split("\n")
    assert len(lines) > 3
    assert all(stringWidth(line, fonts.REGULAR, 12) <= 120 for line in lines)
    assert "- dòng thứ hai" in lines


# ---------------------------------------------------------------------------- the writer


def _three_sections(writer: ReportWriter) -> None:
    """Portrait body (3 pages), a landscape appendix (≥ 3 pages), a short portrait appendix."""
    writer.begin_section()
    writer.add(*(Paragraph(LOREM, writer.styles.body) for _ in range(60)))
    writer.begin_section(landscape_pages=True)
    columns = [Column("STT", 15, "CENTER"), Column("Nội dung", 237)]
    writer.add(data_table(columns, ([str(i), LOREM] for i in range(1, 121))))
    writer.begin_section()
    writer.add(*(Paragraph(LOREM, writer.styles.body) for _ in range(25)))


def test_page_numbers_start_on_page_two_and_restart_per_section(tmp_path: Path) -> None:
    writer = ReportWriter(title="Thử đánh số trang")
    _three_sections(writer)
    result = writer.render(tmp_path / "sections.pdf")
    sizes = page_sizes(result.path)
    tops = top_texts(result.path)
    assert result.pages == len(sizes)
    starts = [0] + [i for i in range(1, len(sizes)) if sizes[i] != sizes[i - 1]]
    assert len(starts) == 3, sizes
    expected: list[str] = []
    bounds = [*starts, len(sizes)]
    for a, b in itertools.pairwise(bounds):
        expected.extend(["", *[str(n) for n in range(2, b - a + 1)]])
    assert tops == expected
    assert all(b - a >= 2 for a, b in itertools.pairwise(bounds))
    assert sizes[0] == A4_PORTRAIT
    assert sizes[starts[1]] == A4_LANDSCAPE


def test_table_header_rows_repeat_on_every_page(tmp_path: Path) -> None:
    writer = ReportWriter(title="Bảng dài")
    writer.begin_section(landscape_pages=True)
    writer.add(
        data_table(
            [Column("STT", 20), Column("Nhiệm vụ cụ thể", 232)],
            ([str(i), LOREM] for i in range(150)),
        )
    )
    result = writer.render(tmp_path / "table.pdf")
    from .pdfutil import page_texts

    texts = page_texts(result.path)
    assert len(texts) >= 3
    assert all("Nhiệm vụ cụ thể" in t and "(2)" in t for t in texts)


def test_fonts_are_embedded_and_never_base14(tmp_path: Path) -> None:
    writer = ReportWriter(title="Phông chữ")
    _three_sections(writer)
    result = writer.render(tmp_path / "fonts.pdf")
    found = fonts_of(result.path)
    assert found
    assert all(embedded for _, embedded in found), found
    assert not {re.sub(r"^[A-Z]{6}\+", "", name) for name, _ in found} & BASE14
    assert result.font in ("Liberation Serif", "Times New Roman")


def test_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    hashes = []
    for name in ("a.pdf", "b.pdf"):
        writer = ReportWriter(title="Ổn định")
        writer.add(Paragraph(LOREM, writer.styles.body))
        hashes.append(writer.render(tmp_path / name).sha256)
    assert hashes[0] == hashes[1]


def test_progress_rises_to_100(tmp_path: Path) -> None:
    seen: list[int] = []
    writer = ReportWriter(title="Tiến độ", progress=seen.append)
    _three_sections(writer)
    writer.render(tmp_path / "p.pdf")
    assert seen[-1] == 100
    assert seen == sorted(seen)
    assert len(seen) > 5


def test_cancel_while_collecting_writes_nothing(tmp_path: Path) -> None:
    def build() -> None:
        writer = ReportWriter(title="Huỷ", cancelled=lambda: True)
        writer.add(Paragraph(LOREM, writer.styles.body))
        writer.render(tmp_path / "c.pdf")

    with pytest.raises(ReportError, match="Đã huỷ tạo báo cáo"):
        build()
    assert list(tmp_path.iterdir()) == []


def test_cancel_during_build_stops_and_writes_nothing(tmp_path: Path) -> None:
    armed = False
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        if armed:
            calls += 1
        return calls > 3  # a few pages into the layout

    writer = ReportWriter(title="Huỷ giữa chừng", cancelled=cancelled)
    _three_sections(writer)
    armed = True
    target = tmp_path / "out" / "c.pdf"
    with pytest.raises(ReportError, match="Đã huỷ tạo báo cáo"):
        writer.render(target)
    assert not target.exists()
    assert not target.parent.exists() or list(target.parent.iterdir()) == []
    assert calls == 4  # stopped at the first check that said so


def test_unwritable_target_gives_a_vietnamese_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    writer = ReportWriter(title="Lỗi ghi")
    writer.add(Paragraph(LOREM, writer.styles.body))
    with pytest.raises(ReportError, match="Không ghi được tệp"):
        writer.render(blocker / "sub" / "r.pdf")


def test_text_is_extractable_with_vietnamese_letters(tmp_path: Path) -> None:
    writer = ReportWriter(title="Chữ Việt")
    writer.add(Paragraph("Đường ĐỘC LẬP ư ơ ữ ỷ ậ ẵ", writer.styles.body_plain))
    result = writer.render(tmp_path / "v.pdf")
    assert "Đường ĐỘC LẬP ư ơ ữ ỷ ậ ẵ" in all_text(result.path)


def test_rows_stay_whole_but_a_row_taller_than_a_page_is_split(tmp_path: Path) -> None:
    from .pdfutil import page_texts

    writer = ReportWriter(title="Hàng cao")
    writer.begin_section(landscape_pages=True)
    giant = "\n".join(f"Dòng số {i} của ô rất dài" for i in range(1, 91))
    rows = [["1", LOREM * 3], ["2", giant], ["3", LOREM * 3]]
    writer.add(data_table([Column("STT", 20), Column("Nội dung", 232)], rows))
    result = writer.render(tmp_path / "tall.pdf")
    texts = page_texts(result.path)
    assert len(texts) >= 3
    # Not squeezed under row 1 with a repeated header: it starts on a fresh page ...
    assert "Dòng số 1 của ô" not in texts[0]
    assert "Dòng số 1 của ô" in texts[1]
    joined = "\n".join(texts)
    assert all(f"Dòng số {i} của ô rất dài" in joined for i in range(1, 91))  # ... and is all there


def test_normal_rows_are_never_split(tmp_path: Path) -> None:
    from .pdfutil import page_texts

    writer = ReportWriter(title="Không tách hàng")
    writer.begin_section(landscape_pages=True)
    rows = [[str(i), "\n".join(f"R{i}L{k}" for k in range(1, 9))] for i in range(1, 40)]
    writer.add(data_table([Column("STT", 20), Column("Nội dung", 232)], rows))
    result = writer.render(tmp_path / "whole.pdf")
    for text in page_texts(result.path):
        for i in range(1, 40):
            if f"R{i}L1\n" in text or text.endswith(f"R{i}L1"):
                assert f"R{i}L8" in text  # a row's first and last lines share a page


def test_wrap_cell_cuts_a_word_wider_than_the_column() -> None:
    fonts.register_fonts()
    from reportlab.pdfbase.pdfmetrics import stringWidth

    url = "https://dichvucong.thanhhoa.gov.vn/portaldvc/KenhTin/dich-vu-cong-truc-tuyen.aspx"
    wrapped = wrap_cell(f"Xem {url} để biết", 90)
    lines = wrapped.split("\n")
    assert all(stringWidth(line, fonts.REGULAR, 12) <= 90 for line in lines)
    assert "".join(lines).replace(" ", "") == f"Xem{url}đểbiết"
