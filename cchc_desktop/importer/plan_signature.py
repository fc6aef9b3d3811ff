"""The signature of a plan or decision: position lines then the signer's name; or, where a Word
table or a PDF line put the "Nơi nhận" column beside it, read from that row or those lines and
flagged for checking."""

from __future__ import annotations

from cchc_desktop.domain.text import clean, fold
from cchc_desktop.importer.plan_patterns import (
    AUTHORITY,
    is_name,
    is_position,
    name_tail,
    signer_tail,
    split_signer_cell,
)
from cchc_desktop.importer.plan_state import ParserBase, Signature


class SignatureReader(ParserBase):
    """The signature part of the parser (mixed into plan_text's parser)."""

    def signature(self, start: int, stop: int) -> Signature:
        """Find a signature (position lines, then a name) at the end of lines [start, stop)."""
        rows = self.nonblank(start, stop)
        if len(rows) < 2 or not is_name(self.lines[rows[-1]].text):
            return Signature()
        positions: list[int] = []
        for i in reversed(rows[:-1]):
            if is_position(self.lines[i].text) and len(positions) < 3:
                positions.insert(0, i)
            else:
                break
        if not positions:
            return Signature()
        sig = Signature(name=self.lines[rows[-1]].text, start=positions[0])
        texts = [self.lines[i].text for i in positions]
        # "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH": the signer holds the last
        # authority (KT.); the collective's line is printed again from the office's settings.
        while len(texts) > 2 and AUTHORITY.match(texts[0]) and AUTHORITY.match(texts[1]):
            texts = texts[1:]
        authority = AUTHORITY.match(texts[0])
        if authority:
            sig.prefix = authority.group(1) + "."
            texts = [authority.group(2)] if len(texts) == 1 else texts[1:]
        sig.position = texts[-1]
        for i, text in zip(positions[-len(texts) : -1], texts[:-1], strict=False):
            self.warn(f"Dòng chức danh ký không nhận dạng được, giữ nguyên văn: «{text}».", i + 1)
        self.use(*positions, rows[-1])
        return sig

    def table_signature(self, start: int, stop: int) -> Signature:
        """The signature in the right cell of the "Nơi nhận | chức danh, tên" table row a Word or
        web page lays out (the cell's lines come joined: "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Lê Văn A").
        The row stays in the body (its recipients are kept); the split is flagged."""
        for i in reversed(self.nonblank(start, stop)):
            cells = [clean(c) for c in self.lines[i].raw.split("\t")]
            if i in self.used or len(cells) < 2 or not fold(cells[0]).startswith("noi nhan"):
                continue
            found = split_signer_cell(next((c for c in reversed(cells) if c), ""))
            if found is None:
                return Signature()
            sig = Signature(prefix=found[0], position=found[1], name=found[2])
            self.warn(
                f"Chữ ký nằm trong bảng cùng «Nơi nhận» (dòng {self.lines[i].no}): "
                f"{_signer(sig)} tách từ ô «{cells[-1]}», cần kiểm tra.",
                self.lines[i].no,
            )
            return sig
        return Signature()

    def merged_signature(self, start: int, stop: int) -> Signature:
        """The signature of a PDF whose two bottom columns print on the same lines ("Nơi nhận:
        TM. ỦY BAN NHÂN DÂN", "- UBND thành phố; CHỦ TỊCH", …, then the name): the
        positions are those lines' upper-case ends. The lines stay in the body; flagged."""
        rows = [i for i in self.nonblank(start, stop) if "\t" not in self.lines[i].raw]
        rows = [i for i in rows if i not in self.used]
        for k, i in enumerate(rows):
            if not fold(self.lines[i].text).startswith("noi nhan"):
                continue
            block = rows[k : k + 10]
            # the name alone on its line, or at the end of the last recipient's line
            name_at, name = None, ""
            for j in block[1:]:
                text = self.lines[j].text
                name = text if is_name(text) else name_tail(text)
                if name:
                    name_at = j
                    break
            if name_at is None:
                break
            tails = [signer_tail(self.lines[j].text) for j in block if j < name_at]
            found = split_signer_cell(" ".join([*(t for t in tails if t), name]))
            if found is None:
                break
            sig = Signature(prefix=found[0], position=found[1], name=name)
            if name == self.lines[name_at].text:
                self.use(name_at)
            self.warn(
                f"Chữ ký in cùng dòng với «Nơi nhận» (dòng {self.lines[i].no}–"
                f"{self.lines[name_at].no}): {_signer(sig)}, cần kiểm tra.",
                self.lines[i].no,
            )
            return sig
        return Signature()


def _signer(sig: Signature) -> str:
    """ "người ký «Lê Văn A», chức danh «KT. PHÓ GIÁM ĐỐC»": how a flagged signature is named."""
    position = f"{sig.prefix} {sig.position}" if sig.prefix else sig.position
    return f"người ký «{sig.name}», chức danh «{position}»"
