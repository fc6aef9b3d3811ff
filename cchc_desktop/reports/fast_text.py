"""A faster `splitString` for the embedded TrueType fonts (same bytes as ReportLab's).

ReportLab maps every character of every drawn string to its subset code in a Python loop; for
a 10,000-row table that is a quarter of the report's time. Once a string's characters all have
codes in subset 0, the mapping is one `str.translate` and one encode. Any other string (a new
character, a second subset, a character the font lacks) takes ReportLab's own path, which also
assigns the codes, so the output is byte for byte what ReportLab writes.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.ttfonts import TTFont

_BASE = 0x100000  # codes are mapped into private-use plane 16, where no document text lives


def speed_up(font: TTFont) -> None:
    """Give `font` the fast path (idempotent)."""
    if getattr(font, "_cchc_fast", False):
        return
    original = font.splitString
    last: list[Any] = [None, -1, {}]  # doc, number of assignments, translation table

    def split_string(text: Any, doc: Any, encoding: str = "utf-8") -> Any:
        state = font.state.get(doc) if isinstance(text, str) else None
        if state is None:
            return original(text, doc, encoding)
        assignments: dict[int, int] = state.assignments  # type: ignore[attr-defined]
        if last[0] is not doc or last[1] != len(assignments):
            table = {code: chr(_BASE + n) for code, n in assignments.items()}
            if 32 in table:
                table[0xA0] = table[32]  # ReportLab prints a no-break space as a space
            last[:] = [doc, len(assignments), table]
        mapped = text.translate(last[2])
        if not mapped or min(mapped) < chr(_BASE) or max(mapped) >= chr(_BASE + 256):
            return original(text, doc, encoding)
        return [(0, mapped.encode("utf-32-le")[::4])]

    font.splitString = split_string  # type: ignore[method-assign]
    font._cchc_fast = True  # type: ignore[attr-defined]
