"""Problems found in one source file, each located at the line and column of what it is about."""

from __future__ import annotations

from typing import Any

from libeval.errors import Problem, Severity, problem
from libeval.load.yaml_source import Source

Loc = tuple[Any, ...]  # a path into the file's data: ("facts", "floor_area", "years", "2016")


class Sink:
    def __init__(self, src: Source) -> None:
        self.src = src
        self.problems: list[Problem] = []

    def add(self, loc: Loc, code: str, severity: Severity = "error", /, key: bool = False, **args: Any) -> None:
        """A problem at `loc` (at its key rather than its value with `key`)."""
        self.problems.append(problem(self.src.path, self.src.mark(loc, key), code, severity, **args))
