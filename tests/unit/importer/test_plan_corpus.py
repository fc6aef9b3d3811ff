"""Plans of other offices in the layouts their portals and offices publish (tests/fixtures/plans):
a commune's web page without appendix tables, a ward's saved page whose one table has group rows
and another column set, a department's Windows-1258 text with lead and partner columns; then
plans whose structure follows real published plans of communes, wards, departments and
provinces, 2019-2025, as web pages, text (UTF-8, UTF-16), Word and PDF (SOURCES.md names each
source). Each test checks the year, number, signer, the appendices' shape and chosen cells
exactly, and the warnings."""

from __future__ import annotations

from pathlib import Path

from cchc_desktop.domain.model import AgencyRole, ParsedPlan, TaskAgency
from cchc_desktop.importer.plan_text import read_plan_file

PLANS = Path(__file__).resolve().parents[2] / "fixtures" / "plans"


def read(name: str) -> ParsedPlan:
    return read_plan_file(PLANS / name)


def shape(plan: ParsedPlan) -> list[tuple[int, str, int]]:
    return [(a.number, a.title, len(a.tasks)) for a in plan.appendices]


def test_commune_web_copy_without_tables_takes_tasks_from_its_items() -> None:
    plan = read("xa-2025-web-khong-bang.txt")
    assert (plan.year, plan.decision.number, plan.decision.signer) == (
        2025,
        "02/KH-UBND",
        "Trần Văn Nam",
    )
    assert plan.title == "KẾ HOẠCH Cải cách hành chính xã Đông Hưng năm 2025"
    assert shape(plan) == [
        (1, "Cải cách thể chế", 2),
        (2, "Cải cách thủ tục hành chính", 2),
        (3, "Hiện đại hóa hành chính", 2),
    ]
    second = plan.appendices[0].tasks[1]
    assert second.title == (
        "Tổ chức tuyên truyền, phổ biến văn bản pháp luật mới cho cán bộ, công chức và nhân dân"
    )
    assert second.agencies == (
        TaskAgency("Công chức Văn hóa - Xã hội", AgencyRole.LEAD),
        TaskAgency("Đoàn Thanh niên xã", AgencyRole.COORDINATING),
    )
    assert second.timeline == "Thường xuyên"
    wrapped = plan.appendices[1].tasks[0]  # its line was hard-wrapped by the web page
    assert wrapped.title == (
        "Niêm yết công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa và trên trang thông "
        "tin điện tử của xã"
    )
    assert (wrapped.agencies_text, wrapped.timeline) == ("Văn phòng - Thống kê", "Tháng 3/2025")
    listed = plan.appendices[2].tasks[1]
    assert listed.products == ("Báo cáo kết quả hằng quý",)
    assert (listed.agencies_text, listed.timeline) == ("Bộ phận Một cửa", "Hằng quý")
    messages = [w.message for w in plan.warnings]
    assert "1 nhiệm vụ chưa rõ cơ quan thực hiện (lời văn không nêu)." in messages


def test_ward_web_page_with_group_rows_and_another_column_set() -> None:
    plan = read("phuong-2023-bang-cot-khac.html")
    assert (plan.year, plan.decision.number) == (2023, "45/KH-UBND")
    assert shape(plan) == [(1, "CẢI CÁCH THỂ CHẾ", 2), (2, "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 3)]
    first = plan.appendices[0].tasks[0]
    assert first.products == ("Báo cáo kết quả rà soát",)
    assert first.agencies == (
        TaskAgency("Công chức Tư pháp - Hộ tịch", AgencyRole.LEAD),
        TaskAgency("Văn phòng - Thống kê", AgencyRole.COORDINATING),
    )
    assert (first.timeline, first.note) == ("Quý III/2023", "Kinh phí: Ngân sách phường")
    # a lead cell merged over two rows belongs to both
    digitising = plan.appendices[1].tasks[1]
    assert digitising.title == "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"
    assert digitising.agencies_text == "Bộ phận Một cửa"
    # the portal's footer is not the document: the signature above it is read
    assert (plan.decision.signer, plan.decision.signer_position) == ("Lê Thị Hồng", "PHÓ CHỦ TỊCH")
    assert plan.decision.authority_prefix == "KT."  # TM. … / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH
    assert plan.warnings == ()


def test_department_text_in_windows_1258_with_lead_and_partner_columns() -> None:
    plan = read("so-2021-hai-cot-co-quan.txt")
    assert plan.title == "Kế hoạch cải cách hành chính năm 2021 của Sở Tư pháp"
    assert (plan.decision.number, plan.decision.signer) == ("118/KH-STP", "Phạm Quốc Việt")
    assert (plan.decision.authority_prefix, plan.decision.signer_position) == (
        "KT.",
        "PHÓ GIÁM ĐỐC",
    )
    assert shape(plan) == [(1, "Cải cách thể chế", 2), (2, "Cải cách thủ tục hành chính", 3)]
    online = plan.appendices[1].tasks[1]
    assert online.title == (
        "Cung cấp dịch vụ công trực tuyến toàn trình lĩnh vực lý lịch tư pháp (tiếp theo) kết "
        "nối với Cổng dịch vụ công quốc gia"
    )
    assert online.agencies == (
        TaskAgency("Trung tâm Lý lịch tư pháp", AgencyRole.LEAD),
        TaskAgency("Văn phòng Sở", AgencyRole.COORDINATING),
    )
    assert online.timeline == "Tháng 6/2021"
    assert plan.warnings == ()


def test_word_plan_with_a_header_table_and_automatic_numbering(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ ĐÔNG HƯNG"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 02/KH-UBND"
    header.cell(1, 1).text = "Đông Hưng, ngày 06 tháng 01 năm 2025"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính năm 2025")
    document.add_paragraph("MỤC ĐÍCH, YÊU CẦU", style="List Number")
    document.add_paragraph("Nâng cao chất lượng phục vụ.", style="List Bullet")
    document.add_paragraph("NHIỆM VỤ TRỌNG TÂM", style="List Number")
    for text in (
        "Rà soát văn bản. Cơ quan chủ trì: Công chức Tư pháp. Thời gian: Quý II/2025.",
        "Niêm yết thủ tục hành chính. Cơ quan chủ trì: Văn phòng - Thống kê. Thời gian: Tháng 3.",
    ):
        document.add_paragraph(text, style="List Bullet")
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    plan = read_plan_file(path)
    assert (plan.title, plan.decision.number) == (
        "KẾ HOẠCH Cải cách hành chính năm 2025",
        "02/KH-UBND",
    )
    assert [p.number for p in plan.parts] == ["1", "2"]  # Word's numbers, written out
    assert shape(plan) == [(1, "NHIỆM VỤ TRỌNG TÂM", 2)]
    assert [(t.title, t.agencies_text, t.timeline) for t in plan.appendices[0].tasks] == [
        ("Rà soát văn bản", "Công chức Tư pháp", "Quý II/2025"),
        ("Niêm yết thủ tục hành chính", "Văn phòng - Thống kê", "Tháng 3"),
    ]


def test_a_table_without_an_stt_column_keeps_each_row_as_a_task() -> None:
    from cchc_desktop.importer.plan_text import parse_plan_text

    plan = parse_plan_text(
        "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024\n"
        "I. NHIỆM VỤ\n"
        "Phụ lục 1: Cải cách thủ tục hành chính\n"
        "Nội dung công việc\tCơ quan chủ trì\tThời gian hoàn thành\n"
        "Niêm yết thủ tục\tVăn phòng\tQuý I/2024\n"
        "Số hóa hồ sơ\tBộ phận Một cửa\tQuý II/2024\n"
        "Khảo sát hài lòng\tVăn phòng\tQuý IV/2024\n"
    )
    tasks = plan.appendices[0].tasks
    assert [(t.no, t.title, t.agencies_text, t.timeline) for t in tasks] == [
        ("1", "Niêm yết thủ tục", "Văn phòng", "Quý I/2024"),
        ("2", "Số hóa hồ sơ", "Bộ phận Một cửa", "Quý II/2024"),
        ("3", "Khảo sát hài lòng", "Văn phòng", "Quý IV/2024"),
    ]


def test_a_word_row_without_stt_is_its_own_task_not_the_rest_of_the_row_above(
    tmp_path: Path,
) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024")
    document.add_paragraph("Phụ lục 1: Cải cách thể chế")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ("STT", "Nhiệm vụ", "Thời gian"),
            ("1", "Rà soát văn bản", "Quý I/2024"),
            ("", "Tuyên truyền pháp luật", "Quý II/2024"),  # the clerk left STT empty
        ]
    ):
        for k, text in enumerate(row):
            table.cell(r, k).text = text
    document.add_paragraph("")
    path = tmp_path / "kh.docx"
    document.save(str(path))
    tasks = read_plan_file(path).appendices[0].tasks
    assert [(t.no, t.title, t.timeline) for t in tasks] == [
        ("1", "Rà soát văn bản", "Quý I/2024"),
        ("", "Tuyên truyền pháp luật", "Quý II/2024"),
    ]


# ---- plans whose structure follows real published plans (tests/fixtures/plans/SOURCES.md)


def test_commune_plan_split_into_objectives_and_tasks_takes_only_the_tasks() -> None:
    plan = read("xa-2025-muc-tieu-nhiem-vu.txt")
    assert (plan.year, plan.decision.number, plan.decision.signer) == (
        2025,
        "15/KH-UBND",
        "Đỗ Minh Khoa",
    )
    assert (plan.decision.authority_prefix, plan.decision.signer_position) == ("TM.", "CHỦ TỊCH")
    # each area has "x.1. Mục tiêu" and "x.2. Nhiệm vụ": only the latter's items are tasks
    assert shape(plan) == [
        (1, "Cải cách thể chế", 2),
        (2, "Cải cách thủ tục hành chính", 2),
        (3, "Cải cách tổ chức bộ máy", 1),
        (4, "Cải cách chế độ công vụ", 1),
        (5, "Cải cách tài chính công", 1),
        (6, "Xây dựng, phát triển chính quyền điện tử, chính quyền số", 2),
    ]
    first = plan.appendices[0].tasks[0]
    assert first.title == (
        "Rà soát văn bản do Hội đồng nhân dân, Ủy ban nhân dân các xã cũ ban hành còn hiệu lực"
    )
    assert (first.agencies_text, first.timeline) == ("Phòng Kinh tế", "Quý III/2025")
    digitising = plan.appendices[1].tasks[1]
    assert digitising.products == ("Hồ sơ được số hóa",)
    guiding = plan.appendices[5].tasks[1]
    assert guiding.agencies == (
        TaskAgency("Trung tâm Phục vụ hành chính công xã", AgencyRole.LEAD),
        TaskAgency("Đoàn Thanh niên xã", AgencyRole.COORDINATING),
    )
    assert guiding.timeline == "Cả năm 2025"
    assert [w.message for w in plan.warnings] == [
        "Kế hoạch không có bảng phụ lục nhiệm vụ: 9 nhiệm vụ được lấy từ các mục của phần «II. "
        "NỘI DUNG, MỤC TIÊU, NHIỆM VỤ CỤ THỂ», cơ quan và thời hạn lấy từ lời văn nếu có. Cần "
        "kiểm tra lại."
    ]


def test_department_web_copy_in_utf16_with_lettered_tasks_and_a_deputy_signer() -> None:
    plan = read("so-2022-cong-thuong-utf16.txt")
    assert (plan.year, plan.title) == (2022, "Kế hoạch Cải cách hành chính năm 2022")
    # the portal copy has no "Số:" line; the province's plan named in the lead is not this one's
    assert (plan.decision.number, plan.decision.date) == ("", None)  # flagged below
    assert (plan.decision.signer, plan.decision.signer_position) == ("Lò Văn Thành", "PHÓ GIÁM ĐỐC")
    assert plan.decision.authority_prefix == "KT."
    assert shape(plan) == [
        (1, "Cải cách thể chế", 2),
        (2, "Cải cách thủ tục hành chính", 3),
        (3, "Cải cách tài chính công", 1),
    ]
    checking = plan.appendices[0].tasks[1]
    assert checking.agencies == (
        TaskAgency("Thanh tra Sở", AgencyRole.LEAD),
        TaskAgency("Văn phòng Sở", AgencyRole.COORDINATING),
    )
    assert checking.timeline == "Quý III/2022"
    complaints = plan.appendices[1].tasks[2]
    assert complaints.title == (
        "Tiếp nhận, xử lý phản ánh, kiến nghị của tổ chức, cá nhân về quy định hành chính"
    )
    assert (complaints.agencies_text, complaints.timeline) == ("Văn phòng Sở", "Khi có phản ánh")
    assert [w.message for w in plan.warnings] == [
        "Kế hoạch không có bảng phụ lục nhiệm vụ: 6 nhiệm vụ được lấy từ các mục của phần «II. "
        "NHIỆM VỤ TRỌNG TÂM», cơ quan và thời hạn lấy từ lời văn nếu có. Cần kiểm tra lại.",
        "Văn bản không ghi số (dòng «Số: …»): hãy nhập số khi xem lại.",
        "Văn bản không ghi ngày ban hành: hãy nhập ngày khi xem lại.",
    ]


def test_saved_law_portal_page_with_numbered_group_rows_and_signature_beside_recipients() -> None:
    plan = read("so-2022-van-ban-lien-quan.html")
    assert plan.title == "KẾ HOẠCH THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2022"
    assert (plan.year, plan.decision.number, str(plan.decision.date)) == (
        2022,
        "412/KH-SKHĐT",
        "2022-01-18",
    )
    # "Nơi nhận" and the signature share a table row: the signer is read from its right cell
    assert (plan.decision.signer, plan.decision.signer_position) == ("Vương Đình Quang", "GIÁM ĐỐC")
    # group rows "1", "2", "3" head rows "1.1", "1.2", …
    assert shape(plan) == [
        (1, "Cải cách thể chế", 2),
        (2, "Cải cách thủ tục hành chính", 3),
        (3, "Xây dựng chính quyền số", 1),
    ]
    review = plan.appendices[0].tasks[0]
    assert review.no == "1.1"
    assert review.agencies == (  # "Phòng Tổng hợp" is a department's name, not a role
        TaskAgency("Phòng Tổng hợp", AgencyRole.LEAD),
        TaskAgency("Thanh tra Sở", AgencyRole.COORDINATING),
    )
    assert (review.timeline, review.products) == ("Quý II/2022", ("Báo cáo rà soát",))
    simplifying = plan.appendices[1].tasks[0]
    assert simplifying.products == ("Phương án đơn giản hóa", "Báo cáo UBND Thành phố")
    assert [w.message for w in plan.warnings] == [
        "Chữ ký nằm trong bảng cùng «Nơi nhận» (đoạn 17): người ký «Vương Đình Quang», chức danh "
        "«GIÁM ĐỐC» tách từ ô «GIÁM ĐỐC Vương Đình Quang», cần kiểm tra."
    ]


def test_commune_news_page_takes_number_and_date_from_its_lead_sentence() -> None:
    plan = read("xa-2025-tin-cong-thong-tin.html")
    assert (plan.year, plan.title) == (2025, "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025")
    assert (plan.decision.number, str(plan.decision.date)) == ("86/QĐ-UBND", "2025-07-21")
    assert plan.decision.signer == ""  # a news page carries no signature
    assert shape(plan) == [
        (1, "Công tác chỉ đạo, điều hành", 2),
        (2, "Cải cách thủ tục hành chính", 2),
        (3, "Xây dựng chính quyền số", 1),
    ]
    inspection = plan.appendices[0].tasks[1]
    assert inspection.agencies == (
        TaskAgency("Văn phòng HĐND và UBND xã", AgencyRole.LEAD),
        TaskAgency("Phòng Văn hóa - Xã hội", AgencyRole.COORDINATING),
    )
    assert inspection.timeline == "Quý IV/2025"
    signing = plan.appendices[2].tasks[0]
    assert (signing.products, signing.timeline) == (("Văn bản điện tử được ký số",), "Cả năm 2025")
    assert plan.warnings[0].message == (
        "Văn bản không có dòng «Số: …»: số «86/QĐ-UBND» và ngày 21/07/2025 lấy từ lời dẫn ở "
        "đoạn 4, cần kiểm tra."
    )
    assert len(plan.warnings) == 4  # and: tasks read from the text, one without agency or date


def test_ward_word_plan_with_seven_group_rows_and_its_signature_in_a_table() -> None:
    plan = read("phuong-2023-word-bay-nhom.docx")
    assert plan.title == "KẾ HOẠCH Thực hiện công tác cải cách hành chính năm 2023"
    assert (plan.year, plan.decision.number, str(plan.decision.date)) == (
        2023,
        "09/KH-UBND",
        "2023-01-19",
    )
    assert (plan.decision.authority_prefix, plan.decision.signer_position) == ("TM.", "CHỦ TỊCH")
    assert plan.decision.signer == "Hoàng Thị Yến"
    assert shape(plan) == [
        (1, "CẢI CÁCH THỂ CHẾ", 2),
        (2, "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 2),
        (3, "CẢI CÁCH TỔ CHỨC BỘ MÁY", 1),
        (4, "CẢI CÁCH CÔNG VỤ", 2),
        (5, "CẢI CÁCH TÀI CHÍNH CÔNG", 1),
        (6, "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", 2),
        (7, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 2),
    ]
    reporting = plan.appendices[6].tasks[1]
    assert (reporting.title, reporting.agencies_text, reporting.timeline, reporting.note) == (
        "Báo cáo kết quả cải cách hành chính định kỳ",
        "Công chức Văn phòng - Thống kê",
        "Hằng quý, năm",
        "Theo hướng dẫn của Phòng Nội vụ",
    )
    online = plan.appendices[5].tasks[1]
    assert online.agencies == (
        TaskAgency("Bộ phận Một cửa", AgencyRole.LEAD),
        TaskAgency("Đoàn Thanh niên phường", AgencyRole.COORDINATING),
    )
    assert [w.message for w in plan.warnings] == [
        "Chữ ký nằm trong bảng cùng «Nơi nhận» (đoạn 12): người ký «Hoàng Thị Yến», chức danh "
        "«TM. CHỦ TỊCH» tách từ ô «TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Hoàng Thị Yến», cần kiểm tra.",
        "Phụ lục 01: bảng không có cột «Sản phẩm».",  # this ward's table has no products column
    ]


def test_province_pdf_with_a_long_title_and_two_numbered_appendices() -> None:
    plan = read("tinh-2022-pdf-hai-phu-luc.pdf")
    assert plan.title == (
        "KẾ HOẠCH THỰC HIỆN CẢI CÁCH HÀNH CHÍNH GẮN VỚI CHÍNH QUYỀN SỐ, DỊCH VỤ ĐÔ THỊ THÔNG "
        "MINH TRÊN ĐỊA BÀN TỈNH LAM GIANG NĂM 2022"
    )
    # signed in December for the next year
    assert (plan.year, plan.decision.number, str(plan.decision.date)) == (
        2022,
        "517/KH-UBND",
        "2021-12-27",
    )
    assert (plan.decision.signer, plan.decision.signer_position) == (
        "Trịnh Quốc Bảo",
        "PHÓ CHỦ TỊCH",
    )
    # each appendix's "(Kèm theo …)" line stays in its heading, not in its title
    assert shape(plan) == [
        (1, "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2022", 3),
        (2, "NHIỆM VỤ XÂY DỰNG CHÍNH QUYỀN SỐ, ĐÔ THỊ THÔNG MINH NĂM 2022", 2),
    ]
    assert "(Kèm theo Kế hoạch số 517/KH-UBND" in plan.appendices[0].heading
    first = plan.appendices[0].tasks[0]  # its title wraps over three lines of its cell
    assert first.title == (
        "Tham mưu ban hành quy định phân cấp quản lý nhà nước trong một số lĩnh vực cho Ủy ban "
        "nhân dân cấp huyện"
    )
    assert first.agencies == (  # "các sở, ban, ngành" is one name
        TaskAgency("Sở Nội vụ", AgencyRole.LEAD),
        TaskAgency("Các sở, ban, ngành", AgencyRole.COORDINATING),
    )
    assert (first.products, first.timeline) == (("Quyết định của UBND tỉnh",), "Quý II/2022")
    smart = plan.appendices[1].tasks[1]
    assert smart.products == ("Dịch vụ được triển khai", "Báo cáo đánh giá")
    assert plan.decision.authority_prefix == "KT."
    assert plan.warnings == ()


def test_province_web_copy_with_cut_header_date_title_and_headings() -> None:
    plan = read("tinh-2019-ban-sao-web-ngat-dong.txt")
    assert plan.title == "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH TỈNH BẢO LAM NĂM 2019"
    # "Bảo Lam, ngày" / "12 tháng 12 năm 2018": the date the copy cut in two is read whole
    assert (plan.year, plan.decision.number, str(plan.decision.date)) == (
        2019,
        "214/KH-UBND",
        "2018-12-12",
    )
    assert (plan.decision.signer, plan.decision.signer_position) == ("Hà Minh Đức", "CHỦ TỊCH")
    assert [p.text for p in plan.parts if p.number] == [
        "MỤC ĐÍCH, YÊU CẦU",  # "I. MỤC ĐÍCH," / "YÊU CẦU" is one heading
        "NHIỆM VỤ",
        "TỔ CHỨC THỰC HIỆN",
    ]
    assert shape(plan) == [
        (1, "Cải cách thể chế", 2),
        (2, "Cải cách thủ tục hành chính", 2),
        (3, "Hiện đại hóa hành chính", 1),
    ]
    laws = plan.appendices[0].tasks[0]
    assert laws.agencies == (
        TaskAgency("Sở Tư pháp", AgencyRole.LEAD),
        TaskAgency("Các sở, ban, ngành", AgencyRole.COORDINATING),
    )
    assert plan.appendices[0].tasks[1].timeline == "Quý III/2019"  # wrapped after "Quý"
    survey = plan.appendices[1].tasks[1]
    assert (survey.agencies_text, survey.products, survey.timeline) == (
        "Sở Nội vụ",
        ("Báo cáo Chỉ số hài lòng",),
        "Quý IV/2019",
    )
    assert [w.message for w in plan.warnings] == [
        "Kế hoạch không có bảng phụ lục nhiệm vụ: 5 nhiệm vụ được lấy từ các mục của phần «II. "
        "NHIỆM VỤ», cơ quan và thời hạn lấy từ lời văn nếu có. Cần kiểm tra lại."
    ]


def test_ward_plan_as_pdf_whose_recipients_and_signature_print_on_the_same_lines() -> None:
    plan = read("phuong-2023-pdf-noi-nhan-cung-dong.pdf")  # the Word plan above, printed
    assert (plan.year, plan.decision.number, str(plan.decision.date)) == (
        2023,
        "09/KH-UBND",
        "2023-01-19",
    )
    # "Nơi nhận: TM. ỦY BAN NHÂN DÂN" / "- UBND thành phố; CHỦ TỊCH" / … / "Hoàng Thị Yến"
    assert (plan.decision.signer, plan.decision.signer_position) == ("Hoàng Thị Yến", "CHỦ TỊCH")
    assert plan.decision.authority_prefix == "TM."
    assert shape(plan) == shape(read("phuong-2023-word-bay-nhom.docx"))
    rules = plan.appendices[0].tasks[0]
    assert (rules.title, rules.agencies_text, rules.timeline) == (
        "Rà soát văn bản quy phạm pháp luật do phường ban hành",
        "Công chức Tư pháp - Hộ tịch",
        "Quý II/2023",
    )
    assert [w.message for w in plan.warnings] == [
        "Chữ ký in cùng dòng với «Nơi nhận» (đoạn 20–24): người ký «Hoàng Thị Yến», chức danh "
        "«TM. CHỦ TỊCH», cần kiểm tra.",
        "Phụ lục 01: bảng không có cột «Sản phẩm».",
    ]


def test_commune_news_page_printed_to_pdf_reads_as_the_page_does() -> None:
    page = read("xa-2025-tin-cong-thong-tin.html")
    plan = read("xa-2025-pdf-in-tu-trang-tin.pdf")
    # the lead sentence wraps inside the number ("86/QĐ-" / "UBND"), list items after a label
    assert (plan.decision.number, str(plan.decision.date)) == ("86/QĐ-UBND", "2025-07-21")
    assert shape(plan) == shape(page)
    for printed, saved in zip(plan.appendices, page.appendices, strict=True):
        assert [(t.title, t.agencies, t.timeline, t.products) for t in printed.tasks] == [
            (t.title, t.agencies, t.timeline, t.products) for t in saved.tasks
        ]
    assert [w.message for w in plan.warnings] == [w.message for w in page.warnings]


def test_law_portal_page_printed_to_pdf_finds_the_name_beside_the_last_recipient() -> None:
    plan = read("so-2022-pdf-in-tu-trang-luat.pdf")
    # "Nơi nhận: GIÁM ĐỐC" / … / "- Lưu: VT, VP. Vương Đình Quang"
    assert (plan.decision.signer, plan.decision.signer_position) == ("Vương Đình Quang", "GIÁM ĐỐC")
    assert (plan.decision.number, str(plan.decision.date)) == ("412/KH-SKHĐT", "2022-01-18")
    assert shape(plan) == shape(read("so-2022-van-ban-lien-quan.html"))
    law = plan.appendices[0].tasks[1]  # its row is cut over two printed lines
    assert (law.no, law.title, law.agencies_text, law.timeline) == (
        "1.2",
        "Theo dõi thi hành pháp luật về doanh nghiệp",
        "Phòng Đăng ký kinh doanh",
        "Tháng 11/2022",
    )
    assert [w.message for w in plan.warnings] == [
        "Chữ ký in cùng dòng với «Nơi nhận» (đoạn 23–26): người ký «Vương Đình Quang», chức danh "
        "«GIÁM ĐỐC», cần kiểm tra."
    ]


def test_commune_plan_with_objectives_printed_to_pdf_reads_as_its_text_does() -> None:
    text = read("xa-2025-muc-tieu-nhiem-vu.txt")
    plan = read("xa-2025-pdf-muc-tieu-nhiem-vu.pdf")
    assert plan.decision == text.decision
    assert shape(plan) == shape(text)
    # "… Thời gian: Quý" / "IV/2025." — the wrapped rest is no upper-case heading
    assert plan.appendices[3].tasks[0].timeline == "Quý IV/2025"
    assert [[(t.title, t.agencies, t.timeline) for t in a.tasks] for a in plan.appendices] == [
        [(t.title, t.agencies, t.timeline) for t in a.tasks] for a in text.appendices
    ]
    assert [w.message for w in plan.warnings] == [w.message for w in text.warnings]


def test_a_web_copy_names_its_issuer_from_the_header_run_together_with_the_motto() -> None:
    """ "ỦY BAN NHÂN DÂN CỘNG HÒA …" / "XÃ ĐÔNG HƯNG Độc lập …": the committee is the issuer, named
    as running text names it; an office under a committee is left for the clerk to fill in."""
    from cchc_desktop.importer.plan_patterns import committee_name

    assert read("xa-2025-web-khong-bang.txt").decision.issuing_body == "UBND xã Đông Hưng"
    assert read("so-2022-van-ban-lien-quan.html").decision.issuing_body == ""
    assert committee_name("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG") == "UBND thành phố Hải Phòng"
    assert committee_name("UỶ BAN NHÂN DÂN PHƯỜNG BA ĐÌNH") == "UBND phường Ba Đình"
    assert committee_name("ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC HÀ SỞ KẾ HOẠCH VÀ ĐẦU TƯ") == ""
    assert committee_name("SỞ TƯ PHÁP") == ""
