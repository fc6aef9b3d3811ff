"""Vietnamese text helpers shared by import, search, sorting and printing."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC, the one form stored, compared and printed."""
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    """NFC with runs of spaces folded to one and the ends trimmed."""
    return _SPACES.sub(" ", nfc(text)).strip()


def fold(text: str) -> str:
    """Accent- and case-free key: "Cải cách Đất đai" → "cai cach dat dai".

    Vietnamese "đ" is a letter of its own, not "d" plus a mark, so NFD alone keeps it.
    """
    if text.isascii():  # ids, numbers, codes: nothing to strip
        return text.casefold()
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d")


_VI_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_TONES = {"\u0300": 2, "\u0301": 4, "\u0303": 3, "\u0309": 1, "\u0323": 5}  # huyền sắc ngã hỏi nặng


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Collation key in Vietnamese dictionary order (a < ă < â < b … d < đ), tones second."""
    letters: list[int] = []
    tones: list[int] = []
    for ch in text.casefold():
        base, tone = _split_tone(ch)
        pos = _VI_ALPHABET.find(base)
        letters.append(pos if pos >= 0 else 100 + ord(base))
        tones.append(tone)
    return tuple(letters), tuple(tones)


def _split_tone(ch: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", ch)
    tone = 0
    kept = []
    for part in decomposed:
        if part in _TONES:
            tone = _TONES[part]
        else:
            kept.append(part)
    return unicodedata.normalize("NFC", "".join(kept)), tone


_ROMAN_VALUES = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman(n: int) -> str:
    """Roman numerals for a positive number (part I–IV of a plan, article numbers …)."""
    out = []
    for value, numeral in _ROMAN_VALUES:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)
