"""Problems as the lines a user reads: `file:line:col: error: message [code]`, sorted."""

from __future__ import annotations

from collections.abc import Iterable

from libeval.errors import Problem


def problem_lines(problems: Iterable[Problem], lang: str) -> str:
    """Every problem on its own line, in `lang`, sorted by file and position."""
    return "".join(p.format(lang) + "\n" for p in sorted(problems))
