"""The office's settings printed on every official document: agencies, place, signer, symbols."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any

from cchc_desktop.domain.text import clean
from cchc_desktop.errors import ValidationError

# The levels of office that use the product: a province's People's Committee, a department
# (sở, ban, ngành) of a province, a commune/ward/special zone, and a district (plans before the
# two-tier reform of 1 July 2025).
LEVELS: tuple[str, ...] = ("province", "department", "commune", "district")
LEVEL_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "province": "Tỉnh, thành phố",
        "department": "Sở, ban, ngành",
        "commune": "Xã, phường, đặc khu",
        "district": "Huyện (kế hoạch trước năm 2025)",
    }
)

# ND30 Art. 13 and Appendix I §II.7: the signature authority prefixes ("" = own authority).
AUTHORITY_PREFIXES: tuple[str, ...] = ("", "TM.", "KT.", "Q.", "TL.", "TUQ.")

# Document types the reports use, with the type name printed as ô 5a (ND30 Appendix III).
DOCUMENT_TYPE_TITLES: Mapping[str, str] = MappingProxyType(
    {
        "BC": "BÁO CÁO",
        "KH": "KẾ HOẠCH",
        "QĐ": "QUYẾT ĐỊNH",
        "TB": "THÔNG BÁO",
    }
)

# The kinds of document as named in running text, by the code of a number's symbol ("02/KH-UBND"
# → "Kế hoạch"): a plan is issued by a decision (a district's, a province's) or as a plan of
# its own (a commune's, a department's).
_RUNNING_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "QĐ": "Quyết định",
        "KH": "Kế hoạch",
        "CT": "Chỉ thị",
        "HD": "Hướng dẫn",
        "NQ": "Nghị quyết",
        "CTr": "Chương trình",
        "BC": "Báo cáo",
        "TB": "Thông báo",
    }
)


def document_kind(number: str) -> str:
    """ "6320/QĐ-UBND" → "Quyết định"; "02/KH-UBND" → "Kế hoạch"; no known symbol → "Văn bản"."""
    code = number.partition("/")[2].split("-")[0].strip().casefold()
    return next((n for c, n in _RUNNING_NAMES.items() if c.casefold() == code), "Văn bản")


def numbered_document(number: str) -> str:
    """ "Quyết định số 6320/QĐ-UBND", "Kế hoạch số 02/KH-UBND": a document named by its number."""
    return f"{document_kind(number)} số {number}"


_DEFAULT_SYMBOLS: dict[str, str] = {
    "BC": "BC-UBND",
    "KH": "KH-UBND",
    "QĐ": "QĐ-UBND",
    "TB": "TB-UBND",
}


def _symbols_default() -> Mapping[str, str]:
    return MappingProxyType(dict(_DEFAULT_SYMBOLS))


@dataclass(frozen=True)
class OfficeSettings:
    """What the office prints on its documents; every value is a setting, nothing hard-coded.

    The default is an office not set up yet (a commune with no names): nothing names a real
    office; the embedded sample brings its own values (services.office_setup).

    Attributes:
        level: one of LEVELS.
        province: the province or city, full name ("Tỉnh Quảng Ngãi"); "" when not set.
        unit: the office's own unit, full name ("Xã Long Phụng", "Huyện Ngọc Lặc", "Sở Tư pháp").
        superior_agency: ô 2 first line, the direct superior ("UBND TỈNH THANH HÓA"); may be "".
        issuing_agency: ô 2 bold line(s), the issuing body ("UBND HUYỆN NGỌC LẶC"); a "\\n"
            starts a new line ("VĂN PHÒNG HĐND VÀ UBND\\nHUYỆN NGỌC LẶC").
        issuer_short: the issuer as named in running text ("UBND huyện Ngọc Lặc").
        place: the official place name for the date line ("Ngọc Lặc").
        signer_name: the signer's full name, printed under the signature.
        signer_position: the signer's own position ("CHỦ TỊCH", "PHÓ CHỦ TỊCH").
        authority_prefix: one of AUTHORITY_PREFIXES.
        authority_body: the collective body for "TM." ("ỦY BAN NHÂN DÂN").
        superior_signer_position: the head signed for with KT., Q., TL. or TUQ. ("CHỦ TỊCH").
        document_symbols: document type ("BC") → symbol ("BC-UBND").
        recipients: default "Nơi nhận" lines, without the leading "- ".
        report_due_day: day of the month reports are due (1–28).
        reporting_body: the standing CCHC office that collects results ("Phòng Nội vụ").
    """

    level: str = "commune"
    province: str = ""
    unit: str = ""
    superior_agency: str = ""
    issuing_agency: str = ""
    issuer_short: str = ""
    place: str = ""
    signer_name: str = ""
    signer_position: str = "CHỦ TỊCH"
    authority_prefix: str = "TM."
    authority_body: str = "ỦY BAN NHÂN DÂN"
    superior_signer_position: str = "CHỦ TỊCH"
    document_symbols: Mapping[str, str] = field(default_factory=_symbols_default)
    recipients: tuple[str, ...] = ()
    report_due_day: int = 20
    reporting_body: str = "Sở Nội vụ"

    def __post_init__(self) -> None:
        # NFC and tidy spaces everywhere, so the values print and compare the same.
        for name in (
            "level",
            "province",
            "unit",
            "superior_agency",
            "issuer_short",
            "place",
            "signer_name",
            "signer_position",
            "authority_prefix",
            "authority_body",
            "superior_signer_position",
            "reporting_body",
        ):
            object.__setattr__(self, name, clean(getattr(self, name)))
        object.__setattr__(self, "authority_prefix", self.authority_prefix.upper())
        lines = [clean(line) for line in self.issuing_agency.splitlines()]
        object.__setattr__(self, "issuing_agency", "\n".join(line for line in lines if line))
        symbols = {clean(k): clean(v) for k, v in dict(self.document_symbols).items()}
        object.__setattr__(self, "document_symbols", MappingProxyType(symbols))
        recipients = tuple(_strip_dash(clean(r)) for r in self.recipients)
        object.__setattr__(self, "recipients", tuple(r for r in recipients if r))

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.to_dict().items())))

    def validate(self) -> None:
        """Raise ValidationError (Vietnamese message) on the first value that cannot be printed."""
        if self.level not in LEVELS:
            raise ValidationError(
                f"Cấp cơ quan “{self.level}” không hợp lệ; chỉ dùng: {', '.join(LEVELS)}."
            )
        if self.authority_prefix not in AUTHORITY_PREFIXES:
            allowed = ", ".join(p for p in AUTHORITY_PREFIXES if p)
            raise ValidationError(
                f"Tiền tố thẩm quyền ký “{self.authority_prefix}” không hợp lệ; "
                f"chỉ dùng {allowed} hoặc để trống."
            )
        if not self.place:
            raise ValidationError("Chưa nhập địa danh ghi ở dòng ngày tháng (ví dụ: Long Phụng).")
        if not self.issuing_agency:
            raise ValidationError("Chưa nhập tên cơ quan ban hành văn bản.")
        if not self.signer_name:
            raise ValidationError("Chưa nhập họ tên người ký.")
        if not self.signer_position:
            raise ValidationError("Chưa nhập chức vụ người ký.")
        if not self.reporting_body:
            raise ValidationError("Chưa nhập cơ quan tổng hợp báo cáo (ví dụ: Sở Nội vụ).")
        if self.authority_prefix == "TM." and not self.authority_body:
            raise ValidationError("Ký thay mặt (TM.) cần tên tập thể, ví dụ: ỦY BAN NHÂN DÂN.")
        if self.authority_prefix in ("KT.", "TL.", "TUQ.") and not self.superior_signer_position:
            raise ValidationError(
                f"Ký {self.authority_prefix} cần chức vụ của người đứng đầu, ví dụ: CHỦ TỊCH."
            )
        _check_signer_position(
            self.authority_prefix, self.signer_position, self.superior_signer_position
        )
        if not 1 <= self.report_due_day <= 28:
            raise ValidationError(
                f"Ngày hạn báo cáo phải từ 1 đến 28 (đang là {self.report_due_day})."
            )
        for doc_type, symbol in self.document_symbols.items():
            if not doc_type or not symbol:
                raise ValidationError("Ký hiệu văn bản không được để trống.")
            if " " in symbol or "/" in symbol:
                raise ValidationError(
                    f"Ký hiệu “{symbol}” không hợp lệ: các nhóm chữ nối bằng dấu gạch nối, "
                    "không có dấu cách hay dấu gạch chéo (ví dụ: BC-UBND)."
                )

    def symbol_for(self, doc_type: str) -> str:
        """The symbol of `doc_type` ("BC" → "BC-UBND"); "<type>-UBND" when none is set."""
        return self.document_symbols.get(doc_type, f"{doc_type}-UBND")

    def signature_lines(self) -> tuple[str, ...]:
        """The authority/position lines (ô 7a): ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")."""
        return authority_lines(
            self.authority_prefix,
            self.signer_position,
            authority_body=self.authority_body,
            superior_position=self.superior_signer_position,
        )

    def to_dict(self) -> dict[str, str]:
        """Flat text key/values for a settings table; lists and maps are JSON text."""
        out: dict[str, str] = {}
        for f in fields(self):
            value: Any = getattr(self, f.name)
            if f.name == "document_symbols":
                out[f.name] = json.dumps(dict(value), ensure_ascii=False, sort_keys=True)
            elif f.name == "recipients":
                out[f.name] = json.dumps(list(value), ensure_ascii=False)
            else:
                out[f.name] = str(value)
        return out

    @classmethod
    def from_dict(cls, values: Mapping[str, str], *, check: bool = True) -> OfficeSettings:
        """Rebuild from `to_dict()` output; missing keys take defaults, unknown keys are ignored.
        `check=False` skips `validate()` (to show stored values a newer rule refuses, for fixing).

        Raises:
            ValidationError: a value cannot be read or fails `validate()`.
        """
        base = cls()
        changes: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in values:
                continue
            raw = values[f.name]
            if f.name == "report_due_day":
                try:
                    changes[f.name] = int(raw)
                except ValueError:
                    raise ValidationError(f"Ngày hạn báo cáo “{raw}” không phải là số.") from None
            elif f.name == "document_symbols":
                parsed = _load_json(raw, "ký hiệu văn bản")
                if not isinstance(parsed, dict) or not all(
                    isinstance(k, str) and isinstance(v, str) for k, v in parsed.items()
                ):
                    raise ValidationError("Dữ liệu ký hiệu văn bản bị hỏng.")
                changes[f.name] = parsed
            elif f.name == "recipients":
                parsed = _load_json(raw, "nơi nhận")
                if not isinstance(parsed, list) or not all(isinstance(x, str) for x in parsed):
                    raise ValidationError("Dữ liệu nơi nhận bị hỏng.")
                changes[f.name] = tuple(parsed)
            else:
                changes[f.name] = raw
        if "level" not in values and "issuing_agency" in values:
            # Settings stored before offices had a level: read it from the issuing body.
            changes["level"] = guess_level(values["issuing_agency"], values.get("unit", ""))
        settings = replace(base, **changes)
        if check:
            settings.validate()
        return settings


def authority_lines(
    prefix: str,
    position: str,
    *,
    authority_body: str = "",
    superior_position: str = "",
) -> tuple[str, ...]:
    """Signature authority lines per ND30 Art. 13 and Appendix I §II.7.

    ``("", "CHỦ TỊCH")`` → ("CHỦ TỊCH",); ``("TM.", "CHỦ TỊCH", body)`` → ("TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH"); ``("KT.", "PHÓ CHỦ TỊCH", body, "CHỦ TỊCH")`` → ("TM. ỦY BAN NHÂN DÂN",
    "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"); ``("Q.", "CHỦ TỊCH", body)`` → ("TM. ỦY BAN NHÂN DÂN",
    "Q. CHỦ TỊCH"); ``("TL.", "CHÁNH VĂN PHÒNG", superior_position="CHỦ TỊCH")`` →
    ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"); TUQ. likewise.
    """
    prefix = clean(prefix).upper()
    position = clean(position).upper()
    body = clean(authority_body).upper()
    head = clean(superior_position).upper()
    lines: list[str] = []
    if prefix == "TM.":
        if body:
            lines.append(f"TM. {body}")
        lines.append(position)
    elif prefix == "KT.":
        if body:
            lines.append(f"TM. {body}")
        lines.extend((f"KT. {head or position}", position))
    elif prefix == "Q.":
        if body:
            lines.append(f"TM. {body}")
        lines.append(f"Q. {position}")
    elif prefix in ("TL.", "TUQ."):
        lines.extend((f"{prefix} {head or position}", position))
    else:
        lines.append(position)
    return tuple(line for line in lines if line)


def _strip_dash(line: str) -> str:
    return line[1:].lstrip() if line.startswith(("-", "–")) else line


def _load_json(raw: str, what: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        raise ValidationError(f"Dữ liệu {what} bị hỏng, không đọc được.") from None


def _check_signer_position(prefix: str, position: str, head: str) -> None:
    """Refuse signature blocks that contradict ND30 Art. 13 (official-format.md A4).

    KT. is signed by a deputy for the head ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"): the signer's own
    position must be a deputy's and differ from the head's. TM. is signed by the head himself: a
    deputy signs KT., not TM. with "PHÓ …".
    """
    position = clean(position).upper()
    head = clean(head).upper()
    deputy = position.startswith("PHÓ ")
    if prefix == "KT." and (not deputy or position == head):
        raise ValidationError(
            f"Ký “KT.” là cấp phó ký thay người đứng đầu: chức vụ người ký phải là cấp phó "
            f"(ví dụ: PHÓ {head or 'CHỦ TỊCH'}), không phải “{position}”. Nếu người đứng đầu "
            "tự ký, hãy chọn “TM.” hoặc ký theo thẩm quyền."
        )
    if prefix == "TM." and deputy:
        raise ValidationError(
            f"“{position}” là cấp phó: cấp phó ký thay người đứng đầu phải chọn “KT.” "
            f"(TM. … / KT. {head or 'CHỦ TỊCH'} / {position})."
        )


# ---------------------------------------------------------------- level, names and wording

# Type words that open an administrative unit's full name, as written ("Thành phố Hà Nội").
_UNIT_TYPES: tuple[str, ...] = (
    "Thành phố",
    "Thị xã",
    "Thị trấn",
    "Đặc khu",
    "Phường",
    "Huyện",
    "Quận",
    "Tỉnh",
    "Xã",
)


def split_unit_name(full_name: str) -> tuple[str, str]:
    """ "Xã Long Phụng" → ("xã", "Long Phụng"); "Sở Tư pháp" → ("", "Sở Tư pháp")."""
    name = clean(full_name)
    low = name.casefold()
    for word in _UNIT_TYPES:
        if low.startswith(word.casefold() + " "):
            return word.casefold(), name[len(word) + 1 :].strip()
    return "", name


def _upper(text: str) -> str:
    return clean(text).upper()


def _initials(name: str) -> str:
    """ "Sở Tư pháp" → "STP"; "Ban Quản lý các khu công nghiệp" → "BQLCKCN"."""
    return "".join(w[0] for w in clean(name).split() if w[0].isalpha()).upper()


def derived_office(
    level: str, province: str, unit: str, *, base: OfficeSettings | None = None
) -> OfficeSettings:
    """The settings an office of `level` gets from its province and unit names.

    `province` and `unit` are full names ("Tỉnh Quảng Ngãi", "Xã Long Phụng"; a department's
    unit is its own name, "Sở Tư pháp"; a district's "Huyện Ngọc Lặc"). The issuing-body lines,
    the place of the date line, the signature block, the reporting body, the symbols and the
    "Nơi nhận" lines are derived; the signer's name and the report day are kept from `base`, and
    so is its signature block when the level does not change.
    Values a clerk types explicitly are applied over this result by the caller.
    """
    base = base or OfficeSettings()
    province_type, province_name = split_unit_name(province)
    unit_type, unit_name = split_unit_name(unit)
    province_type = province_type or "tỉnh"
    ubnd_province = f"UBND {_upper(province)}" if province else ""
    short_province = f"UBND {province_type} {province_name}" if province else "UBND tỉnh"
    values: dict[str, Any] = {
        "level": level,
        "province": province,
        "unit": unit,
        "authority_prefix": "TM.",
        "authority_body": "ỦY BAN NHÂN DÂN",
        "signer_position": "CHỦ TỊCH",
        "superior_signer_position": "CHỦ TỊCH",
        "document_symbols": dict(_DEFAULT_SYMBOLS),
        "reporting_body": "Sở Nội vụ",
    }
    if level == "province":
        values.update(
            superior_agency="",
            issuing_agency=ubnd_province,
            issuer_short=short_province,
            place=province_name,
            recipients=(
                "Bộ Nội vụ (b/c);",
                f"TT {province_type.capitalize()} ủy, TT HĐND {province_type} (b/c);",
                f"CT, các PCT UBND {province_type};",
                "Các sở, ban, ngành;",
                "UBND các xã, phường, đặc khu;",
                "Lưu: VT, NC.",
            ),
        )
    elif level == "department":
        abbr = _initials(unit_name) or "SNV"
        values.update(
            superior_agency=ubnd_province,
            issuing_agency=_upper(unit_name),
            issuer_short=unit_name,
            place=province_name,
            authority_prefix="",
            authority_body="",
            signer_position="GIÁM ĐỐC" if unit_name.casefold().startswith("sở") else "TRƯỞNG BAN",
            superior_signer_position="",
            document_symbols={k: f"{k}-{abbr}" for k in _DEFAULT_SYMBOLS},
            recipients=(
                f"{short_province} (b/c);",
                "Sở Nội vụ (b/c);",
                f"Lãnh đạo {unit_name};",
                "Các phòng, đơn vị trực thuộc;",
                "Lưu: VT.",
            ),
        )
        values["superior_signer_position"] = values["signer_position"]
    else:  # commune, district
        word = unit_type or ("huyện" if level == "district" else "xã")
        units = "UBND các xã, thị trấn;" if level == "district" else ""
        values.update(
            superior_agency=ubnd_province,
            issuing_agency=f"UBND {_upper(unit)}" if unit else "",
            issuer_short=f"UBND {word} {unit_name}" if unit else "",
            place=unit_name,
            reporting_body="Phòng Nội vụ" if level == "district" else "Sở Nội vụ",
            recipients=tuple(
                r
                for r in (
                    "Sở Nội vụ (b/c);",
                    f"TT {'Huyện' if level == 'district' else 'Đảng'} ủy (b/c);",
                    f"TT HĐND {word} (b/c);",
                    f"CT, các PCT UBND {word};",
                    "Các phòng chuyên môn UBND huyện;"
                    if level == "district"
                    else f"Các cơ quan, đơn vị thuộc UBND {word};",
                    units,
                    "Lưu: VT, NV." if level == "district" else "Lưu: VT.",
                )
                if r
            ),
        )
    if base.level == level and base.signer_position:
        # Same level, other names: the signature block the clerk chose stays.
        for name in ("authority_prefix", "authority_body", "signer_position"):
            values[name] = getattr(base, name)
        values["superior_signer_position"] = base.superior_signer_position
    return replace(base, **values)


def guess_level(issuing_agency: str, unit: str = "") -> str:
    """The level an issuing body names: "UBND HUYỆN NGỌC LẶC" → "district" (older settings)."""
    kind, _ = split_unit_name(unit)
    words = clean(f"{unit} {issuing_agency}").casefold()
    if kind in ("huyện", "quận", "thị xã") or " huyện " in f" {words} ":
        return "district"
    if (
        kind in ("xã", "phường", "đặc khu", "thị trấn")
        or "ubnd xã" in words
        or "ubnd phường" in words
    ):
        return "commune"
    if words.startswith(("sở", "ban ")):
        return "department"
    if "ubnd tỉnh" in words or "ubnd thành phố" in words:
        return "province"
    return "commune"


@dataclass(frozen=True, slots=True)
class LevelWords:
    """The words that depend on the office's level, for every message, report and bundle.

    Attributes:
        office: the office's own level word ("xã", "phường", "huyện", "tỉnh", "sở").
        hub: the level that runs the plan and the USB network ("tỉnh"; "huyện" before 2025).
        unit: a reporting unit under the hub ("xã, phường"; "xã" under a district).
        units: all of them ("các xã, phường"; "các xã, thị trấn" under a district).
    """

    office: str
    hub: str
    unit: str
    units: str

    def say(self, template: str) -> str:
        """Fill {hub}, {Hub}, {unit}, {Unit}, {units}, {office} in a message (other braces are
        left alone, so an already formatted message may carry them)."""
        for name, value in (
            ("hub", self.hub),
            ("Hub", self.hub.capitalize()),
            ("unit", self.unit),
            ("Unit", self.unit.capitalize()),
            ("units", self.units),
            ("office", self.office),
        ):
            template = template.replace("{" + name + "}", value)
        return template


def level_words(settings: OfficeSettings) -> LevelWords:
    """The one rule for level-dependent wording (see LevelWords)."""
    province_type = split_unit_name(settings.province)[0] or "tỉnh"
    if settings.level == "district":
        return LevelWords("huyện", "huyện", "xã", "các xã, thị trấn")
    if settings.level == "commune":
        office = split_unit_name(settings.unit)[0] or "xã"
        if "HUYỆN" in settings.superior_agency.upper():
            return LevelWords(office, "huyện", "xã", "các xã, thị trấn")
        return LevelWords(office, province_type, "xã, phường", "các xã, phường")
    office = "sở" if settings.level == "department" else province_type
    return LevelWords(office, province_type, "xã, phường", "các xã, phường")
