"""`libeval check`: every problem of every standard and library folder named."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from libeval.errors import LibevalError, Problem, problem
from libeval.load.folders import (
    ASSESSMENTS_DIR,
    LIBRARY_FILE,
    StandardCache,
    find_libraries,
    load_library,
    load_standard,
    resolve_criteria,
    shown,
)


def _target(path: Path) -> Path:
    """What to check for a path: a library.yaml or an assessment file means its library folder
    (as pre-commit passes changed files); a bundled standard's id works where a path does."""
    if not path.exists():
        return resolve_criteria(str(path)) or path
    if path.is_file():
        if path.name == LIBRARY_FILE:
            return path.parent
        if path.parent.name == ASSESSMENTS_DIR and (path.parent.parent / LIBRARY_FILE).is_file():
            return path.parent.parent
    return path


def check_paths(paths: Iterable[Path]) -> list[Problem]:
    cache = StandardCache()
    problems: list[Problem] = []
    seen: set[Path] = set()
    for given in paths:
        path = _target(given)
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
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
