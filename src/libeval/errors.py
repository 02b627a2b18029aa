"""Problems found in input files, and the one exception type library code raises.

Library code never prints or exits: it collects `Problem`s and raises `LibevalError`; only
cli.py turns them into lines on stderr and an exit code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from libeval.text.bilingual import Bilingual
from libeval.text.messages import render

Severity = Literal["error", "warning", "info"]  # info: worth knowing, never a failure, not even with --strict


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem. `line`/`col` are 1-based; 0 means "the whole file"."""

    file: str
    line: int = 0
    col: int = 0
    severity: Severity = "error"
    code: str = "invalid"
    args: tuple[tuple[str, Any], ...] = field(default=(), compare=False)

    def message(self, lang: str = "en") -> str:
        return render(self.code, lang, dict(self.args))

    def format(self, lang: str = "en") -> str:
        return "".join(self.parts(lang))

    def parts(self, lang: str = "en") -> tuple[str, str, str, str]:
        """The line in its four parts: `file:line:col: `, the severity, the message, ` [code]`."""
        where = self.file
        if self.line:
            where += f":{self.line}:{self.col or 1}"
        sev = {"error": "error: ", "warning": "warning: ", "info": "info: "}[self.severity]
        if lang == "zh":  # a Chinese label takes a full-width colon
            sev = {"error": "错误：", "warning": "警告：", "info": "提示："}[self.severity]
        return f"{where}: ", sev, self.message(lang), f" [{self.code}]"

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line or None,
            "col": (self.col or 1) if self.line else None,
            "severity": self.severity,
            "code": self.code,
            "message": self.message(lang),
        }


def problem(
    file: str, mark: tuple[int, int] | None, code: str, severity: Severity = "error", /, **args: Any
) -> Problem:
    line, col = mark if mark else (0, 0)
    return Problem(file, line, col, severity, code, tuple(sorted(args.items())))


class LibevalError(Exception):
    """Raised with every problem found; the CLI prints them all and exits 1."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(p.format() for p in self.problems))


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def warnings_only(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "warning"]


class UsageError(Exception):
    """Options that do not go together (exit code 2, like an unknown option)."""

    def __init__(self, option: Bilingual | str, message: Bilingual | str) -> None:
        self.option = option
        self.message = message
        super().__init__(f"{self.text(option, 'en')}: {self.text(message, 'en')}")

    @staticmethod
    def text(text: Bilingual | str, lang: str) -> str:
        return text.get(lang) if isinstance(text, Bilingual) else text


class Interrupted(Exception):
    """A batch stopped by Ctrl-C, after `done` of `total` libraries."""

    def __init__(self, done: int, total: int) -> None:
        self.done = done
        self.total = total
        super().__init__(f"interrupted after {done} of {total} libraries")
