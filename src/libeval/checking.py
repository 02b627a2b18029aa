"""`libeval check`: every problem of every standard and library folder named."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from libeval.errors import LibevalError, Problem, problem
from libeval.loading import (
    StandardCache,
    find_libraries,
    load_library,
    load_standard,
    resolve_criteria,
    shown,
)


def check_paths(paths: Iterable[Path]) -> list[Problem]:
    cache = StandardCache()
    problems: list[Problem] = []
    for path in paths:
        if not path.exists():  # a bundled standard's id works where a path does
            path = resolve_criteria(str(path)) or path
        try:
            if path.is_dir():
                folders = find_libraries(path)
                if not folders:
                    problems.append(problem(shown(path), None, "no-libraries", path=shown(path)))
                for folder in folders:
                    try:
                        problems += load_library(folder, cache).problems
                    except LibevalError as exc:
                        problems += exc.problems
            else:
                problems += load_standard(path).problems
        except LibevalError as exc:
            problems += exc.problems
    return sorted(set(problems))
