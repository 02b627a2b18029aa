"""Problems as the lines a user reads: `file:line:col: error: message [code]`, sorted."""

from __future__ import annotations

from collections.abc import Iterable

from libeval.errors import Problem
from libeval.present.console import paint
from libeval.text.safe import terminal_text

_STYLES = {"error": ("bold", "red"), "warning": ("yellow",), "info": ("cyan",)}


def problem_lines(problems: Iterable[Problem], lang: str, painted: bool = True) -> str:
    """Every problem on its own line, in `lang`, sorted by file and position; the severity in
    colour and the code dim when stderr is a terminal (and `painted`: not for a file)."""
    lines = []
    for p in sorted(problems):
        where, severity, message, code = p.parts(lang)
        where, message = (
            terminal_text(where, one_line=True),
            terminal_text(message, one_line=True),
        )  # a file name or value may hold ESC
        if painted:
            severity, code = paint(severity, *_STYLES[p.severity]), paint(code, "dim")
        lines.append(f"{where}{severity}{message}{code}\n")
    return "".join(lines)
