"""Custom item-data roles shared by every model and view (architecture.md §4.4).

ITEM_ROLE and SORT_ROLE keep the numbers the calendar models use, so one proxy setup works for
all views.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from cchc_desktop.domain.text import sort_key

ITEM_ROLE = Qt.ItemDataRole.UserRole  # the domain object a row shows
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a raw value whose natural order is the right one
REF_ROLE = Qt.ItemDataRole.UserRole + 2  # which stored row (tree_service.NodeRef, or an id)
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3  # domain.status.TaskStatus, or None

Index = QModelIndex | QPersistentModelIndex

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_NUMBER_PART = re.compile(r"\d+|[A-Za-z]+")


def collation_text(text: str) -> str:
    """A string whose plain code-point order is Vietnamese dictionary order (a < ă < â … d < đ).

    QSortFilterProxyModel compares strings natively and fast; encoding `domain.text.sort_key`
    as characters keeps the proxy's C++ comparison and the Vietnamese collation both.
    """
    letters, tones = sort_key(text)
    # Letters first (offset past control characters), then one low separator, then the tones.
    head = "".join(chr(min(0x100 + v, 0xD7FF)) for v in letters)
    tail = "".join(chr(0x30 + t) for t in tones)
    return f"{head}\x01{tail}"


def _roman_value(token: str) -> int | None:
    # Parts are numbered in upper-case Roman; lower-case letters ("a)", "c)") are item letters.
    if not token.isupper() or any(ch not in _ROMAN for ch in token):
        return None
    total = 0
    for i, ch in enumerate(token):
        value = _ROMAN[ch]
        if i + 1 < len(token) and _ROMAN[token[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def number_key(number: str) -> str:
    """STT in natural order: "2" < "10", "5.1" < "5.10", "II" < "IV"; as a comparable string."""
    parts: list[str] = []
    for token in _NUMBER_PART.findall(number):
        if token.isdigit():
            parts.append(f"{int(token):06d}")
        else:
            roman = _roman_value(token)
            parts.append(f"{roman:06d}" if roman is not None else collation_text(token))
    return ".".join(parts)
