"""Agency cells of a plan table → (name, role) pairs, and a key that unifies agency spellings.

How a "Cơ quan thực hiện" cell is read (the heuristics, in order):

1. **Blocks.** The cell is cut into blocks at list markers: a "-" (or "–", "•", "+") at the
   start, or a " - " that follows ".", ";", ":" or "," or a role word ("chủ trì", "phối hợp",
   "thực hiện", …), or that precedes a role label. A " - " inside a name ("Phòng Văn hoá - thông
   tin", "Phòng Tài chính - Kế hoạch", "Phòng Kinh tế - hạ tầng") is therefore kept. A block is
   also cut before a role label that follows a full stop ("… UBND cấp xã. Cơ quan tổng hợp: …").
2. **Role labels.** "Cơ quan phối hợp:", "Cơ quan thực hiện :", "Thực hiện:", "Cơ quan tổng hợp,
   kiểm tra:", "Chủ trì:" … give their role to every name after them up to the next label or the
   next block.
3. **Segments.** A block is cut on ";". A segment may end in a role word ("… chủ trì", "… chủ trì
   tham mưu", "… phối hợp", "… phối hợp, thực hiện", "… thực hiện", "… triển khai") that sets its
   role, or read "X chủ trì phối hợp với Y" (X lead, Y coordinating). A role word right after a
   head word is the name's own: "Phòng Tổng hợp" is a department, not "Phòng" summarising.
4. **Names.** A segment is cut on a comma only where the parts on both sides start with an agency
   head word (UBND, Phòng, Văn phòng, Bộ phận, Trung tâm, Tổ, Các, Cơ quan, Sở, Ban, …):
   "UBND huyện, UBND cấp xã" gives two names; "UBND các xã, thị trấn" and "Bộ phận một cửa cấp
   huyện, cấp xã" stay one. "và" never splits (it belongs to "HĐND và UBND", "Văn hoá và Thông
   tin").
5. **Names without a role** take one by position: when the cell names no lead and no implementing
   agency, the first unlabelled segment is the lead (its first name; further names in it are
   coordinating) — unless the cell's only other role is summarising ("X - Cơ quan tổng hợp: Y"),
   where the unlabelled names implement. Every other unlabelled name is coordinating. So a bare
   list "Phòng Nội vụ; các phòng chuyên môn UBND huyện; các xã, thị trấn." reads as one lead and
   two coordinating agencies.
6. The same (agency_key, role) pair is kept once.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from cchc_desktop.domain.model import AgencyRole, TaskAgency
from cchc_desktop.domain.text import clean, fold

__all__ = [
    "AGENCY_HEAD_WORDS",
    "agency_key",
    "is_group_name",
    "split_agencies",
    "split_agency_names",
    "starts_with_agency_head",
]

# Words an agency name starts with. Compared case-insensitively, accents kept ("Tổ" is a head
# word, "tổ chức" is not; "Sở" is, "số" is not).
AGENCY_HEAD_WORDS: tuple[str, ...] = (
    "ubnd",
    "hđnd",
    "ủy ban",
    "uỷ ban",
    "văn phòng",
    "phòng",
    "bộ phận",
    "trung tâm",
    "tổ",
    "các",
    "cơ quan",
    "ban",
    "sở",
    "bộ",
    "cục",
    "chi cục",
    "đài",
    "công an",
    "thanh tra",
    "kho bạc",
    "chi nhánh",
    "bảo hiểm",
    "mặt trận",
    "huyện đoàn",
    "huyện ủy",
    "huyện uỷ",
    "hội",
    "đội",
    "hạt",
    "trường",
    "bệnh viện",
    "viện",
    "ngân hàng",
    "liên đoàn",
    "tòa án",
    "toà án",
    "viện kiểm sát",
)
_NOT_HEADS: tuple[str, ...] = ("tổ chức", "bộ máy", "ban hành", "hội nghị", "các cấp")

_ROLE_WORDS = {
    "chủ trì": AgencyRole.LEAD,
    "phối hợp": AgencyRole.COORDINATING,
    "thực hiện": AgencyRole.IMPLEMENTING,
    "tổng hợp": AgencyRole.SUMMARISING,
    "kiểm tra": AgencyRole.SUMMARISING,
}

# "Cơ quan phối hợp:", "Cơ quan thực hiện :", "Thực hiện:", "Cơ quan tổng hợp, kiểm tra:",
# "Đơn vị chủ trì:" …
_LABEL = re.compile(
    r"(?:(?:các\s+)?(?:cơ quan|đơn vị)\s+)?"
    r"(chủ trì|phối hợp|thực hiện|tổng hợp|kiểm tra)"
    r"(?:\s*(?:,|và)\s*(?:chủ trì|phối hợp|thực hiện|tổng hợp|kiểm tra))*"
    r"\s*:",
    re.IGNORECASE,
)
# A role word closing a segment: "… chủ trì", "… chủ trì tham mưu", "… phối hợp, thực hiện".
_ROLE_SUFFIX = re.compile(
    r"\s+(chủ trì|phối hợp|thực hiện|triển khai|tổng hợp)"
    r"(?:\s*,?\s*(?:tham mưu|thực hiện|triển khai|theo dõi))*\s*$",
    re.IGNORECASE,
)
# "X chủ trì phối hợp với Y", "X chủ trì, phối hợp với Y", "X chủ trì và phối hợp với Y".
_LEAD_WITH = re.compile(
    r"^(?P<lead>.+?)\s+chủ trì\s*,?\s*(?:và\s+)?phối hợp\s+(?:với\s+)?(?P<rest>.+)$",
    re.IGNORECASE,
)
# A list marker: "-" at the start, or "-" with spaces around it elsewhere.
_MARKER = re.compile(r"(?:^|(?<=[\s.;:,]))[-–•+]\s+")
_TRIM = " \t.;,:-–•+"
_EDGE = " \t.;,-–•+"  # keeps a closing ":" so that a label with no name after it is seen


def starts_with_agency_head(text: str) -> bool:
    """Whether `text` begins with a word that starts agency names ("Phòng", "UBND", "Các" …)."""
    low = clean(text).casefold()
    if any(_starts_with_word(low, word) for word in _NOT_HEADS):
        return False
    return any(_starts_with_word(low, word) for word in AGENCY_HEAD_WORDS)


def _is_head_only(text: str) -> bool:
    """Whether `text` is a head word alone ("Phòng", "Văn phòng"), no name after it."""
    low = clean(text).casefold()
    return low in AGENCY_HEAD_WORDS


def _starts_with_word(low: str, word: str) -> bool:
    return low.startswith(word) and (len(low) == len(word) or not low[len(word)].isalnum())


def split_agency_names(segment: str) -> list[str]:
    """Cut a run of names on the commas where both sides start with an agency head word.

    "UBND huyện, UBND cấp xã" → ["UBND huyện", "UBND cấp xã"];
    "UBND các xã, thị trấn" → ["UBND các xã, thị trấn"]; "Các sở, ban, ngành" stays one name
    (a lower-case "ban" there is not "Ban …", an agency of its own).
    """
    parts = [p.strip() for p in clean(segment).split(",")]
    names: list[str] = []
    for part in parts:
        if not part:
            continue
        idiom = part.split()[0] == "ban"  # "các sở, ban, ngành": lower-case "ban" goes on
        if (
            names
            and not idiom
            and starts_with_agency_head(part)
            and starts_with_agency_head(names[-1])
        ):
            names.append(part)
        elif names:
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(part)
    return [n for n in (_trim_name(n) for n in names) if n]


def _trim_name(name: str) -> str:
    name = name.strip(_TRIM)
    for lead_in in ("và ", "với "):
        if name.casefold().startswith(lead_in):
            name = name[len(lead_in) :]
    return name.strip(_TRIM)


def _is_marker(text: str, match: re.Match[str]) -> bool:
    before = text[: match.start()].rstrip()
    if not before:
        return True
    if before[-1] in ".;:,":
        return True
    if _ROLE_SUFFIX.search(" " + before):
        return True
    return _LABEL.match(text, match.end()) is not None


def _blocks(cell: str) -> list[str]:
    """Cut the cell at list markers and before role labels that follow a full stop."""
    cuts = [0]
    for match in _MARKER.finditer(cell):
        if _is_marker(cell, match):
            cuts.append(match.start())
    for match in re.finditer(r"[.;]\s+", cell):
        if _LABEL.match(cell, match.end()):
            cuts.append(match.end())
    cuts = sorted(set(cuts))
    pieces = [cell[a:b] for a, b in zip(cuts, [*cuts[1:], len(cell)], strict=True)]
    return [b for b in (p.strip(_EDGE) for p in pieces) if b]


def split_agencies(cell: str) -> tuple[TaskAgency, ...]:
    """Read a "Cơ quan thực hiện" cell into agencies with roles (rules in the module docstring).

    "- Phòng Tư pháp - Cơ quan phối hợp: Các phòng chuyên môn UBND huyện; UBND các xã, thị trấn"
    → Phòng Tư pháp (lead), Các phòng chuyên môn UBND huyện and UBND các xã, thị trấn
    (coordinating).
    """
    text = clean(cell)
    # (name, explicit role or None, index of the segment it came from)
    found: list[tuple[str, AgencyRole | None, int]] = []
    segment_no = 0
    for block in _blocks(text):
        block_role: AgencyRole | None = None
        for raw_segment in block.split(";"):
            segment = raw_segment.strip(_EDGE)
            label = _LABEL.match(segment)
            if label:
                block_role = _ROLE_WORDS[label.group(1).casefold()]
                segment = segment[label.end() :].strip(_TRIM)
            if not segment:
                continue
            segment_no += 1
            for name, role in _read_segment(segment, block_role):
                found.append((name, role, segment_no))
    return _assign_roles(found)


def _read_segment(
    segment: str, block_role: AgencyRole | None
) -> list[tuple[str, AgencyRole | None]]:
    lead_with = _LEAD_WITH.match(segment)
    if lead_with:
        rest = _strip_role_suffix(lead_with.group("rest"))[0]
        pairs: list[tuple[str, AgencyRole | None]] = [
            (n, AgencyRole.LEAD) for n in split_agency_names(lead_with.group("lead"))
        ]
        pairs += [(n, AgencyRole.COORDINATING) for n in split_agency_names(rest)]
        return pairs
    names_text, suffix_role = _strip_role_suffix(segment)
    role = suffix_role or block_role
    return [(n, role) for n in split_agency_names(names_text)]


def _strip_role_suffix(segment: str) -> tuple[str, AgencyRole | None]:
    match = _ROLE_SUFFIX.search(segment)
    if not match or _is_head_only(segment[: match.start()]):
        return segment, None  # "Phòng Tổng hợp": the word is the name's own, not a role
    word = match.group(1).casefold()
    role = AgencyRole.IMPLEMENTING if word == "triển khai" else _ROLE_WORDS[word]
    return segment[: match.start()], role


def _assign_roles(found: list[tuple[str, AgencyRole | None, int]]) -> tuple[TaskAgency, ...]:
    roles = {role for _, role, _ in found if role is not None}
    first_unlabelled = next((seg for _, role, seg in found if role is None), None)
    needs_lead = AgencyRole.LEAD not in roles and AgencyRole.IMPLEMENTING not in roles
    implementing_only = roles == {AgencyRole.SUMMARISING}
    result: list[TaskAgency] = []
    seen: set[tuple[str, AgencyRole]] = set()
    lead_given = False
    for name, role, seg in found:
        if role is None:
            if needs_lead and seg == first_unlabelled and implementing_only:
                role = AgencyRole.IMPLEMENTING
            elif needs_lead and seg == first_unlabelled and not lead_given:
                role = AgencyRole.LEAD
                lead_given = True
            else:
                role = AgencyRole.COORDINATING
        key = (agency_key(name), role)
        if key not in seen:
            seen.add(key)
            result.append(TaskAgency(name=name, role=role))
    return tuple(result)


# ---------------------------------------------------------------- spelling key

# Abbreviations written with a hyphen or "&" between their letters, as folded text.
_COMPOUND_ABBREVIATIONS: dict[str, str] = {
    "tc-kh": "tai chinh ke hoach",
    "vh-tt": "van hoa thong tin",
    "vh-tt-tt": "van hoa thong tin the thao",
    "vh-tt-tt-dl": "van hoa thong tin the thao du lich",
    "vhtt": "van hoa thong tin",
    "kt-ht": "kinh te ha tang",
    "tn-mt": "tai nguyen moi truong",
    "ld-tbxh": "lao dong thuong binh xa hoi",
    "ldtbxh": "lao dong thuong binh xa hoi",
    "nn-ptnt": "nong nghiep phat trien nong thon",
    "nnptnt": "nong nghiep phat trien nong thon",
    "gd-dt": "giao duc dao tao",
    "gddt": "giao duc dao tao",
    "tt-tt": "thong tin truyen thong",
    "tt-th": "truyen thanh truyen hinh",
    "tckh": "tai chinh ke hoach",
    "tnmt": "tai nguyen moi truong",
}
# Single-word abbreviations, as folded text.
_WORD_ABBREVIATIONS: dict[str, str] = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "vp": "van phong",
    "tthc": "thu tuc hanh chinh",
    "ks": "kiem soat",
    "cm": "chuyen mon",
    "dl": "du lich",
    "cntt": "cong nghe thong tin",
    "bhxh": "bao hiem xa hoi",
}
# Whole names known under another name (keys after expansion).
_SYNONYMS: dict[str, str] = {
    "bo phan mot cua": "bo phan tiep nhan ho so tra ket qua",
    "bo phan tiep nhan tra ket qua": "bo phan tiep nhan ho so tra ket qua",
}
# Units of the district named with or without "huyện" / "UBND huyện" at the end ("Văn phòng
# UBND huyện" keeps its "UBND": there it is part of the name).
_DISTRICT_UNIT_HEADS = ("phong ", "van phong ", "trung tam ", "bo phan ", "to ", "cac phong ")
_UBND_UNIT_HEADS = ("phong ", "trung tam ", "bo phan ", "to ", "cac phong ")
_UBND = " uy ban nhan dan"
_CONNECTOR = re.compile(r"\s*[-–—&/]\s*")

# Generic phrases that name a family of agencies at once (folded, abbreviations expanded): every
# spelling of one family is one group ("UBND các xã, thị trấn" = "Các xã, thị trấn" = "UBND cấp
# xã"). Groups are kept because tasks name them, but they are not agencies that report.
_GROUP_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "nhom xa phuong",
        re.compile(
            r"^(chu tich )?(uy ban nhan dan )?(cac |cap )?xa"
            r"( thi tran| phuong| dac khu)*( tren dia ban( huyen| tinh)?)?$"
        ),
    ),
    (
        "nhom co quan lien quan",
        re.compile(
            r"^(thu truong )?cac (co quan|don vi)( don vi)?"
            r"( co lien quan| lien quan| tren dia ban( huyen| tinh| xa)?)?$"
        ),
    ),
    (
        "nhom phong chuyen mon",
        re.compile(r"^cac (phong|co quan) (chuyen mon|ban)( uy ban nhan dan)?( huyen| tinh| xa)?$"),
    ),
    ("nhom don vi su nghiep", re.compile(r"^cac don vi su nghiep( cong lap| truc thuoc.*)?$")),
    ("nhom so ban nganh", re.compile(r"^cac (so|so ban nganh|so nganh)( tinh)?$")),
)
# Other phrases that name several agencies: "các …", "UBND cấp huyện, cấp xã", "… các cấp".
_GROUP_PHRASE = re.compile(r"^cac |\bcap (huyen|tinh|xa) cap (huyen|tinh|xa)\b|\bcac cap\b")


def is_group_name(name: str) -> bool:
    """Whether `name` is a generic phrase for several agencies, not one agency.

    "Các cơ quan có liên quan", "UBND các xã, thị trấn", "các phòng, ban", "UBND cấp huyện, cấp
    xã" are groups; "Phòng Tư pháp", "UBND xã Minh Sơn" are not.
    """
    key = agency_key(name)
    return key.startswith("nhom ") or bool(_GROUP_PHRASE.search(key))


@functools.lru_cache(maxsize=4096)  # a plan names a few dozen agencies thousands of times
def agency_key(name: str) -> str:
    """A spelling-independent key for an agency name, used to map spellings to one agency.

    Case and diacritics are folded (so "hoá"/"hóa", "uỷ"/"ủy" agree), "-", "&", "/" and "và"
    count as spaces, known abbreviations are expanded ("HĐND" → "hoi dong nhan dan", "TC-KH" →
    "tai chinh ke hoach", "VH-TT" → "van hoa thong tin"), and a closing "huyện" or "UBND huyện"
    is dropped after a district unit's head ("Phòng …", "Bộ phận …", "Trung tâm …"; only
    "huyện" after "Văn phòng …").
    "Văn phòng HĐND-UBND huyện", "Văn phòng HĐND&UBND huyện" and "Văn phòng HĐND & UBND
    huyện" give one key. The spellings of one family of agencies give the family's key
    ("UBND các xã, thị trấn", "Các xã, thị trấn", "UBND cấp xã" → "nhom xa phuong").
    """
    text = fold(unicodedata.normalize("NFC", clean(name)).strip(_TRIM))
    text = _CONNECTOR.sub("-", text)
    words: list[str] = []
    for token in re.split(r"[\s,.;:()]+", text):
        if not token:
            continue
        if token in _COMPOUND_ABBREVIATIONS:
            words.append(_COMPOUND_ABBREVIATIONS[token])
            continue
        for part in token.split("-"):
            if part and part != "va":
                words.append(_WORD_ABBREVIATIONS.get(part, part))
    key = " ".join(" ".join(words).split())
    if key.startswith(_DISTRICT_UNIT_HEADS) and key.endswith(" huyen"):
        key = key.removesuffix(" huyen")
    if key.startswith(_UBND_UNIT_HEADS) and key.endswith(_UBND):
        key = key.removesuffix(_UBND)
    if key.startswith("co quan uy ban nhan dan "):  # "Cơ quan UBND huyện" = "UBND huyện"
        key = key.removeprefix("co quan ")
    for family, pattern in _GROUP_FAMILIES:
        if pattern.match(key):
            return family
    if key.startswith(_UNIT_TYPES):
        return _unit_key(name)
    if key.startswith("uy ban nhan dan ") and key.removeprefix("uy ban nhan dan ").startswith(
        _UNIT_TYPES
    ):  # "UBND xã Long Phụng" is the unit "Xã Long Phụng"
        return _unit_key(_PEOPLES_COMMITTEE.sub("", clean(name)))
    return _SYNONYMS.get(key, key)


# Communes and wards whose names differ only by their marks are different units ("Xã Sơn Hà" and
# "Xã Sơn Hạ", "Xã Ba Tô" and "Xã Ba Tơ" in one province): their key keeps the marks, written
# the Telex way so that it stays plain ASCII ("xa sown haj"), with the tone at the end of its
# word so that "Hoá" and "Hóa" still agree.
_UNIT_TYPES = ("xa ", "phuong ", "dac khu ", "thi tran ")
_UNIT_WORD_BREAKS = re.compile(r"[\s,.;:()\[\]\-–&/\\\"'“”‘’•+]+")
_PEOPLES_COMMITTEE = re.compile(r"^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+", re.IGNORECASE)
_TONE_LETTERS = {"\u0300": "f", "\u0301": "s", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
_SHAPE_LETTERS = {"\u0306": "w", "\u031b": "w"}  # ă; ơ, ư (â, ê, ô double their vowel)


def _unit_key(name: str) -> str:
    # The words as agency_key splits them (punctuation and connectors are spaces), marks kept.
    words = [w for w in _UNIT_WORD_BREAKS.split(clean(name).casefold()) if w]
    folded = [fold(w) for w in words]
    type_words = next(
        (len(t.split()) for t in _UNIT_TYPES if folded[: len(t.split())] == t.split()), 0
    )
    out = [" ".join(folded[:type_words])]
    for word in words[type_words:]:
        letters: list[str] = []
        tone = ""
        for ch in unicodedata.normalize("NFD", word.replace("đ", "dd")):
            if ch in _TONE_LETTERS:
                tone = _TONE_LETTERS[ch]
            elif ch == "\u0302" and letters:
                letters.append(letters[-1])
            elif ch in _SHAPE_LETTERS:
                letters.append(_SHAPE_LETTERS[ch])
            elif ch.isalnum():
                letters.append(ch)
        out.append("".join(letters) + tone)
    return " ".join(w for w in out if w)
