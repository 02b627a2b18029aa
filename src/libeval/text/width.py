"""Text measured and wrapped in terminal columns: a Chinese character takes two columns, and a
Chinese line may break between any two characters (not before a closing mark such as ，。）),
a Latin one only at a space."""

from __future__ import annotations

import unicodedata

_NO_LINE_START = set("，。、；：？！）》」』”’…—%)]},.;:!?")
_NO_LINE_END = set("（《「『“‘")


def columns(text: str) -> int:
    """How many terminal columns `text` takes."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _pieces(text: str) -> list[str]:
    """Unbreakable pieces: a Latin word with the space after it, or one Chinese character (with the
    closing marks that may not start a line)."""
    pieces: list[str] = []
    for ch in text:
        glue = pieces and (
            ch in _NO_LINE_START
            or pieces[-1][-1] in _NO_LINE_END
            or not (_wide(ch) or _wide(pieces[-1][-1]) or pieces[-1][-1] == " ")
        )
        if glue:
            pieces[-1] += ch
        else:
            pieces.append(ch)
    return pieces


def wrap(text: str, width: int) -> list[str]:
    """`text` as lines of at most `width` columns (a longer word keeps its own line)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for piece in _pieces(" ".join(paragraph.split())):
            if line and columns(line + piece.rstrip()) > width:
                lines.append(line.rstrip())
                line = piece.lstrip()
            else:
                line += piece
        lines.append(line.rstrip())
    return lines


def pad(text: str, width: int) -> str:
    """`text` padded with spaces to `width` columns."""
    return text + " " * max(0, width - columns(text))
