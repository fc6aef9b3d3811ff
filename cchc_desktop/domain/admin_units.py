"""The official list of Vietnam's administrative units in its two-tier form (from 1 July 2025).

The list comes from the `vietnam-provinces` package (34 provinces and centrally-run cities, 3,321
communes, wards and special zones), which ships it as Python data: nothing is read from the
network or from a file at run time. This module only finds names in it the way a clerk types
them: with or without accents, in any case, with or without "Tỉnh" / "Thành phố" / "Xã" /
"Phường" / "Đặc khu" in front.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import NoReturn

from cchc_desktop.domain.text import clean, fold, sort_key
from cchc_desktop.errors import ValidationError

# Type words a clerk may or may not type before a name, longest first (folded).
_TYPE_WORDS: tuple[str, ...] = ("thanh pho", "dac khu", "phuong", "tinh", "xa")


@dataclass(frozen=True, slots=True)
class Province:
    """A province or a centrally-run city: "Quảng Ngãi" (tỉnh), "Hà Nội" (thành phố)."""

    code: int
    name: str  # the bare name: "Quảng Ngãi", "Hà Nội"
    kind: str  # "tỉnh" or "thành phố"

    @property
    def full_name(self) -> str:
        """ "Tỉnh Quảng Ngãi", "Thành phố Hà Nội"."""
        return f"{self.kind.capitalize()} {self.name}"


@dataclass(frozen=True, slots=True)
class Unit:
    """A commune, ward or special zone of a province: "Long Phụng" (xã)."""

    code: int
    name: str  # the bare name: "Long Phụng"
    kind: str  # "xã", "phường" or "đặc khu"
    province_code: int

    @property
    def full_name(self) -> str:
        """ "Xã Long Phụng", "Phường Ba Đình", "Đặc khu Phú Quốc"."""
        return f"{self.kind.capitalize()} {self.name}"


def _bare(name: str, kind: str) -> str:
    prefix = kind.capitalize() + " "
    if kind == "thành phố trung ương":
        prefix = "Thành phố "
    return name[len(prefix) :] if name.startswith(prefix) else name


@cache
def provinces() -> tuple[Province, ...]:
    """Every province and centrally-run city, in Vietnamese alphabetical order."""
    from vietnam_provinces.lookup import PROVINCE_MAPPING

    found = []
    for p in PROVINCE_MAPPING.values():
        kind = "thành phố" if p.division_type.value == "thành phố trung ương" else "tỉnh"
        found.append(Province(int(p.code), _bare(p.name, p.division_type.value), kind))
    return tuple(sorted(found, key=lambda p: sort_key(p.name)))


@cache
def units_of(province_code: int) -> tuple[Unit, ...]:
    """The communes, wards and special zones of a province, alphabetically."""
    from vietnam_provinces.lookup import WARD_MAPPING

    found = [
        Unit(
            int(w.code), _bare(w.name, w.division_type.value), w.division_type.value, province_code
        )
        for w in WARD_MAPPING.values()
        if int(w.province_code) == province_code
    ]
    return tuple(sorted(found, key=lambda u: (sort_key(u.name), u.kind)))


def _key(text: str) -> str:
    """Folded name without a leading type word: "Tỉnh Quảng Ngãi" → "quang ngai"."""
    key = " ".join(fold(clean(text)).replace("-", " ").split())
    for word in _TYPE_WORDS:
        if key.startswith(word + " ") and len(key) > len(word) + 1:
            return key[len(word) + 1 :]
    return key


def _bare_lower(text: str) -> str:
    """ "Xã Sơn Hạ" → "sơn hạ" (accents kept; NFC)."""
    words = clean(text).casefold().split()
    for word in _TYPE_WORDS:
        n = len(word.split())
        if len(words) > n and fold(" ".join(words[:n])) == word:
            words = words[n:]
            break
    return " ".join(words)


def _type_word(text: str) -> str:
    key = " ".join(fold(clean(text)).split())
    return next((w for w in _TYPE_WORDS if key.startswith(w + " ")), "")


def find_province(name: str) -> Province:
    """The province called `name` as a clerk typed it.

    Raises:
        ValidationError: no province or several match; the message lists the closest names.
    """
    wanted = _key(name)
    if not wanted:
        raise ValidationError("Chưa nhập tên tỉnh, thành phố.")
    matches = [p for p in provinces() if _key(p.name) == wanted]
    if len(matches) == 1:
        return matches[0]
    _refuse("tỉnh, thành phố", name, [p.full_name for p in provinces()], matches)


def find_unit(province: Province, name: str) -> Unit:
    """The commune, ward or special zone of `province` called `name` as a clerk typed it.

    "Long Phụng", "xa long phung", "Xã Long Phụng" all find Xã Long Phụng. When a province has a
    xã and a phường of one name, the type word decides ("Phường Bình Minh").

    Raises:
        ValidationError: no unit or several match; the message lists the closest names.
    """
    wanted = _key(name)
    if not wanted:
        raise ValidationError("Chưa nhập tên xã, phường.")
    units = units_of(province.code)
    matches = [u for u in units if _key(u.name) == wanted]
    typed = _type_word(name)
    if len(matches) > 1 and typed:
        matches = [u for u in matches if fold(u.kind) == typed] or matches
    if len(matches) > 1:  # "Sơn Hà" and "Sơn Hạ": the accents typed decide
        exact = [u for u in matches if _bare_lower(u.name) == _bare_lower(name)]
        matches = exact or matches
    if len(matches) == 1:
        return matches[0]
    where = f"xã, phường thuộc {province.full_name}"
    _refuse(where, name, [u.full_name for u in units], matches)


def _refuse(what: str, typed: str, names: list[str], matches: Sequence[object]) -> NoReturn:
    if matches:
        listed = ", ".join(getattr(m, "full_name", str(m)) for m in matches)
        raise ValidationError(
            f"Tên “{clean(typed)}” trùng với nhiều {what}: {listed}. "
            "Hãy gõ đủ dấu hoặc ghi rõ loại đơn vị (ví dụ: “Phường …”, “Xã …”)."
        )
    import difflib

    by_key = {_key(n): n for n in names}
    close = difflib.get_close_matches(_key(typed), list(by_key), n=5, cutoff=0.6)
    hint = (
        " Có phải: " + ", ".join(by_key[k] for k in close) + "?"
        if close
        else " Hãy kiểm tra lại tên theo danh mục đơn vị hành chính năm 2025."
    )
    raise ValidationError(f"Không tìm thấy {what} “{clean(typed)}”.{hint}")
