"""The office's settings printed on every official document: agencies, place, signer, symbols."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any

from cchc_desktop.domain.text import clean
from cchc_desktop.errors import ValidationError

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

_DEFAULT_SYMBOLS: dict[str, str] = {
    "BC": "BC-UBND",
    "KH": "KH-UBND",
    "QĐ": "QĐ-UBND",
    "TB": "TB-UBND",
}

_DEFAULT_RECIPIENTS: tuple[str, ...] = (
    "Sở Nội vụ (b/c);",
    "TTr Huyện ủy (b/c);",
    "TTr HĐND huyện (b/c);",
    "CT, các PCT UBND huyện;",
    "Các phòng chuyên môn UBND huyện;",
    "UBND các xã, thị trấn;",
    "Lưu: VT, NV.",
)


def _symbols_default() -> Mapping[str, str]:
    return MappingProxyType(dict(_DEFAULT_SYMBOLS))


@dataclass(frozen=True)
class OfficeSettings:
    """What the office prints on its documents; every value is a setting, nothing hard-coded.

    Attributes:
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

    superior_agency: str = "UBND TỈNH THANH HÓA"
    issuing_agency: str = "UBND HUYỆN NGỌC LẶC"
    issuer_short: str = "UBND huyện Ngọc Lặc"
    place: str = "Ngọc Lặc"
    signer_name: str = "Lê Văn Tuấn"
    signer_position: str = "CHỦ TỊCH"
    authority_prefix: str = "TM."
    authority_body: str = "ỦY BAN NHÂN DÂN"
    superior_signer_position: str = "CHỦ TỊCH"
    document_symbols: Mapping[str, str] = field(default_factory=_symbols_default)
    recipients: tuple[str, ...] = _DEFAULT_RECIPIENTS
    report_due_day: int = 20
    reporting_body: str = "Phòng Nội vụ"

    def __post_init__(self) -> None:
        # NFC and tidy spaces everywhere, so the values print and compare the same.
        for name in (
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
        if self.authority_prefix not in AUTHORITY_PREFIXES:
            allowed = ", ".join(p for p in AUTHORITY_PREFIXES if p)
            raise ValidationError(
                f"Tiền tố thẩm quyền ký “{self.authority_prefix}” không hợp lệ; "
                f"chỉ dùng {allowed} hoặc để trống."
            )
        if not self.place:
            raise ValidationError("Chưa nhập địa danh (ví dụ: Ngọc Lặc).")
        if not self.issuing_agency:
            raise ValidationError("Chưa nhập tên cơ quan ban hành văn bản.")
        if not self.signer_name:
            raise ValidationError("Chưa nhập họ tên người ký.")
        if not self.signer_position:
            raise ValidationError("Chưa nhập chức vụ người ký.")
        if not self.reporting_body:
            raise ValidationError("Chưa nhập cơ quan tổng hợp báo cáo (ví dụ: Phòng Nội vụ).")
        if self.authority_prefix == "TM." and not self.authority_body:
            raise ValidationError("Ký thay mặt (TM.) cần tên tập thể, ví dụ: ỦY BAN NHÂN DÂN.")
        if self.authority_prefix in ("KT.", "TL.", "TUQ.") and not self.superior_signer_position:
            raise ValidationError(
                f"Ký {self.authority_prefix} cần chức vụ của người đứng đầu, ví dụ: CHỦ TỊCH."
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
    def from_dict(cls, values: Mapping[str, str]) -> OfficeSettings:
        """Rebuild from `to_dict()` output; missing keys take defaults, unknown keys are ignored.

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
        settings = replace(base, **changes)
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
