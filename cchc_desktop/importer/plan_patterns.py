"""The plan parser's patterns and cell rules: markup removal, numbering, dates, products, the
appendix heading's title and lead agency (the rules are described in plan_text's docstring)."""

from __future__ import annotations

import functools
import re

from cchc_desktop.domain.text import clean, fold
from cchc_desktop.importer.agency_names import starts_with_agency_head

_BLOCK_TAG = re.compile(
    r"</?(?:p|ul|ol|li|br|div|tr|td|th|table|tbody|thead|h[1-6])\b[^<>]*>", re.IGNORECASE
)
_INLINE_TAG = re.compile(r"</?(?:b|i|u|em|strong|span|font|sup|sub|a)\b[^<>]*>", re.IGNORECASE)
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " "}
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|nbsp|#39|#\d{2,5}|#x[0-9a-fA-F]{2,4});")


def _entity(match: re.Match[str]) -> str:
    token = match.group(0)
    if token in _ENTITIES:
        return _ENTITIES[token]
    if token.startswith("&#x"):
        return chr(int(token[3:-1], 16))
    return chr(int(token[2:-1]))


def strip_markup(text: str) -> str:
    """Remove HTML remnants and ``**bold**`` markers; tabs are kept (they separate cells)."""
    text = _BLOCK_TAG.sub(" ", text)
    text = _INLINE_TAG.sub("", text)
    text = text.replace("**", "").replace("\ufeff", "")
    return _ENTITY.sub(_entity, text)


@functools.lru_cache(maxsize=16384)  # one row's cells are read by several rules
def cell_text(text: str) -> str:
    return clean(strip_markup(text))


# ---------------------------------------------------------------- patterns

PART = re.compile(r"^([IVX]{1,4})\s*[.)]\s*(\S.*)$")
ITEM_MULTI = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$")
ITEM_SINGLE = re.compile(r"^(\d{1,2})\s*[.)]\s+(\S.*)$")
ITEM_LETTER = re.compile(r"^([a-zđ])\)\s+(\S.*)$")
LIST_MARK = re.compile(r"^[-–•+*]\s")
ARTICLE = re.compile(r"^Điều\s+\d+", re.IGNORECASE)
APPENDIX = re.compile(
    r"^ph[ụu]\s*l[ụu]c\s*(?:s[ốo]\s*)?(?P<no>\d{1,2}|[IVX]{1,5})\b\s*[:.\-–]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
APPENDIX_REFERENCE = re.compile(r"ph[ụu]\s*l[ụu]c\s*(?:s[ốo]\s*)?(\d{1,2})\b", re.IGNORECASE)
DECISION_NUMBER = re.compile(r"số\s*:?\s*(\d+[\w\-.]*\s?/\s?[\w\-]+)", re.IGNORECASE)
DATE = re.compile(
    r"ngày\s+(\d{1,2})\s*(?:tháng\s+|/|-)\s*(\d{1,2})\s*(?:năm\s+|/|-)\s*(\d{4})", re.IGNORECASE
)
NUMBER_LINE = re.compile(r"^số\s*:", re.IGNORECASE)
# a portal's lead sentence: "… đã ban hành Quyết định số 86/QĐ-UBND về Kế hoạch …"
ISSUED_AS = re.compile(
    r"ban hành\s+(?:quyết định|kế hoạch)\s+số\s*:?\s*(\d+[\w\-.]*\s?/\s?[\w\-]+)", re.IGNORECASE
)
PLACE_DATE = re.compile(r"(?:^|\s)[^\d,;:]{2,40},\s*ngày\s+\d", re.IGNORECASE)
# the place and date line a web copy cut after "ngày": the date is on the next line
PLACE_DATE_CUT = re.compile(r"(?:^|\s)[^\d,;:]{2,40},\s*ngày$", re.IGNORECASE)
ISSUER_OF = re.compile(r"\d{4}\s+của\s+(.+?)\s*\)?\s*$", re.IGNORECASE)
PLACE = re.compile(
    r"\b(?:huyện|thị xã|thành phố|quận|tỉnh|xã|phường|thị trấn)\s+(.+?)\s*\)?\s*$", re.IGNORECASE
)
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
PLAN_YEAR = re.compile(r"\bNĂM\s+(\d{4})\b", re.IGNORECASE)
AUTHORITY = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s*(.*)$")
_LEAD_SUFFIX = re.compile(r"\s*(?:chịu\s+trách\s+nhiệm\s+)?chủ\s+trì\s*[.)]?\s*$", re.IGNORECASE)
_LEAD_SEPARATOR = re.compile(r"\s+[-–—]\s+|\s*\(\s*|\s+do\s+", re.IGNORECASE)
_PRODUCT_MARK = re.compile(r"(?:^|(?<=[\s.;:,]))[-–•+]\s+")
TERMINAL = ".;:!?…"
_ROMAN = {"I": 1, "V": 5, "X": 10}

# Compound names whose " - " is not a list marker inside a products cell.
_COMPOUNDS = re.compile(
    r"(?:tài chính|kinh tế|văn hoá|văn hóa|thông tin|phát thanh|lao động|tài nguyên|hđnd"
    r"|nông nghiệp|giáo dục|y tế|tư pháp|nội vụ)$",
    re.IGNORECASE,
)

COLUMN_NAMES = {
    "no": "STT",
    "title": "Nhiệm vụ cụ thể",
    "products": "Sản phẩm",
    "agencies": "Cơ quan thực hiện",
    "timeline": "Thời gian thực hiện",
    "note": "Ghi chú",
}
REQUIRED_COLUMNS: tuple[str, ...] = ("title", "products", "agencies", "timeline")
DEFAULT_COLUMNS = ("no", "title", "products", "agencies", "timeline", "note")


def roman_value(value: str) -> int:
    total = 0
    for ch, nxt in zip(value, [*value[1:], ""], strict=True):
        n = _ROMAN[ch]
        total += -n if nxt and _ROMAN[nxt] > n else n
    return total


def appendix_no(token: str) -> int:
    return int(token) if token.isdigit() else roman_value(token.upper())


def two_digits(n: int) -> str:
    return f"{n:02d}"


# A web copy runs the header table's two columns together: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ
# NGHĨA VIỆT NAM" / "XÃ ĐÔNG HƯNG Độc lập - Tự do - Hạnh phúc"; the issuer is what precedes the
# motto on each line.
_MOTTO = re.compile(r"\s*(?:CỘNG\s+HÒA\s+XÃ\s+HỘI|CỘNG\s+HOÀ\s+XÃ\s+HỘI|Độc\s+lập\s*[-–])", re.I)
_PEOPLES_COMMITTEE = re.compile(r"^(?:ỦY|UỶ|UỸ)\s+BAN\s+NHÂN\s+DÂN\s+|^UBND\s+", re.IGNORECASE)
_UNIT_LEVEL = re.compile(
    r"^(TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG|THỊ\s+TRẤN|ĐẶC\s+KHU)\s+(\S.*)$",
    re.IGNORECASE,
)


# "… THÀNH PHỐ BẮC HÀ SỞ KẾ HOẠCH VÀ ĐẦU TƯ": the issuer is an office under the committee.
_OFFICE_UNDER = re.compile(r"\s(?:SỞ|PHÒNG|BAN|TRUNG\s+TÂM|CHI\s+CỤC)\s+\S", re.IGNORECASE)


def issuer_before_motto(text: str) -> str:
    """ "XÃ ĐÔNG HƯNG Độc lập - Tự do - Hạnh phúc" → "XÃ ĐÔNG HƯNG"; "" without the motto."""
    found = _MOTTO.search(text)
    return text[: found.start()].strip() if found and found.start() > 0 else ""


def committee_name(header: str) -> str:
    """ "ỦY BAN NHÂN DÂN XÃ ĐÔNG HƯNG" → "UBND xã Đông Hưng", as running text names it; "" for
    any other issuer (a department's capitals cannot be cased back with certainty)."""
    rest = _PEOPLES_COMMITTEE.sub("", header.strip(), count=1)
    if rest == header.strip():
        return ""
    unit = _UNIT_LEVEL.match(" ".join(rest.split()))
    if unit is None:
        return ""
    level, name = unit.groups()
    if _OFFICE_UNDER.search(f" {name}"):
        return ""
    return f"UBND {level.lower()} {name.title() if name.isupper() else name}"


def is_upper_line(text: str) -> bool:
    return any(ch.isalpha() for ch in text) and text == text.upper()


def is_name(text: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= 6
        and not is_upper_line(text)
        and all(w[0].isupper() and w.replace("-", "").isalpha() for w in words)
    )


def is_position(text: str) -> bool:
    return (
        is_upper_line(text)
        and len(text) <= 80
        and not any(ch.isdigit() for ch in text)
        and not PART.match(text)
        and not text.endswith(":")
    )


_TITLES = ("CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG", "CHÁNH VĂN PHÒNG")


def split_signer_cell(text: str) -> tuple[str, str, str] | None:
    """(authority prefix, position, name) of a signature cell whose lines were joined:
    "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Lê Văn A" → ("KT.", "PHÓ GIÁM ĐỐC", "Lê Văn A"); None when it is
    not upper-case position words followed by a name."""
    words = text.split()
    k = next((k for k, w in enumerate(words) if not is_upper_line(w)), len(words))
    head, name = " ".join(words[:k]), " ".join(words[k:])
    if not head or not is_name(name) or not is_upper_line(head):
        return None
    authority = AUTHORITY.match(head)
    prefix, rest = (authority.group(1) + ".", authority.group(2)) if authority else ("", head)
    # the signer's own title is the last one named ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH" → "CHỦ TỊCH")
    at = max(rest.rfind(t) for t in _TITLES)
    if at >= 4 and rest[:at].endswith("PHÓ "):
        at -= 4  # "PHÓ GIÁM ĐỐC" is one title
    return prefix, (rest[at:] if at > 0 else rest).strip(), name


def signer_tail(text: str) -> str:
    """The position words a PDF line ends with when the "Nơi nhận" column and the signature
    column were printed on one line: "- UBND thành phố; CHỦ TỊCH" → "CHỦ TỊCH"; "" when the line
    ends otherwise (or in the archive mark "- Lưu: VT.")."""
    words = text.split()
    k = len(words)
    while k and is_upper_line(words[k - 1]):
        k -= 1
    tail = words[k:]
    if len(tail) < 2 or fold(text).lstrip("- ").startswith("luu"):
        return ""
    return " ".join(tail)


def name_tail(text: str) -> str:
    """The signer's name a PDF line ends with when it printed beside the last recipient:
    "- Lưu: VT, VP. Vương Đình Quang" → "Vương Đình Quang"; "" when there is none."""
    words = text.split()
    k = len(words)
    while k and words[k - 1].replace("-", "").isalpha() and not is_upper_line(words[k - 1]):
        k -= 1
    tail = " ".join(words[k:])
    return tail if k and words[k - 1].endswith((".", ";", ",")) and is_name(tail) else ""


# ---------------------------------------------------------------- products and headings


def split_products(cell: str) -> tuple[str, ...]:
    """Cut a "Sản phẩm" cell into products (rule in the module docstring).

    "- Kế hoạch của UBND huyện; - Báo cáo kết quả thực hiện Kế hoạch." →
    ("Kế hoạch của UBND huyện", "Báo cáo kết quả thực hiện Kế hoạch");
    "Kế hoạch kiểm tra; thông báo kết quả kiểm tra; báo cáo …" → three products.
    """
    text = cell_text(cell)
    if not text:
        return ()
    marked = bool(_PRODUCT_MARK.match(text))
    cuts = [0]
    for match in _PRODUCT_MARK.finditer(text):
        before = text[: match.start()].rstrip()
        after = text[match.end() :]
        if not before:
            continue
        if before[-1] in ".;:," or (
            marked and after[:1].isupper() and not _COMPOUNDS.search(before)
        ):
            cuts.append(match.start())
    pieces = [text[a:b] for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]
    items = [_trim_product(p) for p in pieces]
    items = [i for i in items if i]
    if len(items) <= 1:
        items = [_trim_product(p) for p in " ".join(items).split(";")]
    return tuple(i for i in items if i)


def _trim_product(text: str) -> str:
    text = text.strip()
    text = re.sub(r"^[-–•+]\s*", "", text)
    return text.strip().rstrip(".;, ").strip()


def split_appendix_heading(text: str) -> tuple[str, str]:
    """Split the text after "Phụ lục số NN:" into (title, lead agency); lead is "" if none.

    "Hiện đại hoá hành chính - Phòng Văn hoá - thông tin chủ trì" →
    ("Hiện đại hoá hành chính", "Phòng Văn hoá - thông tin").
    """
    text = clean(text)
    body = _LEAD_SUFFIX.sub("", text)
    for match in _LEAD_SEPARATOR.finditer(body):
        lead = body[match.end() :].strip(" )")
        title = body[: match.start()].strip(" -–—:")
        if title and lead and starts_with_agency_head(lead):
            return title, lead
    return text.strip(" -–—:"), ""


def subject_of(source_name: str) -> str:
    return f"Tệp «{source_name}»" if source_name else "Văn bản"
