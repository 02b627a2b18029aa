"""`libeval check`: every problem of every standard and library folder named, in the chosen format."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from libeval.commands.outcome import Outcome, kind_of
from libeval.errors import LibevalError, Problem, errors_only, problem, warnings_only
from libeval.load.completeness import check_scoring
from libeval.load.folders import (
    ASSESSMENTS_DIR,
    LIBRARY_FILE,
    StandardCache,
    assessment_files,
    find_libraries,
    load_library,
    load_standard,
    resolve_criteria,
    shown,
)
from libeval.present.formats import CheckFormat


@dataclass(frozen=True)
class CheckSettings:
    paths: Sequence[Path]
    fmt: CheckFormat = CheckFormat.text
    strict: bool = False  # warnings fail too
    msg_lang: str = "en"
    to_file: bool = False  # --output FILE: the problems in the format written there too (text: and on stderr)


def run(s: CheckSettings) -> Outcome:
    from libeval.present.check import CheckView, render

    inputs: list[Path] = []
    problems = check_paths(s.paths, inputs)
    warned = warnings_only(problems)  # info lines never fail, not even with --strict
    failing = bool(errors_only(problems)) or (s.strict and bool(warned))
    if s.strict and warned and not errors_only(problems):  # say why warnings alone fail
        problems.append(problem("libeval check", None, "strict-warnings", count=len(warned)))
    text = render(CheckView(problems, s.msg_lang), s.fmt)
    code = 1 if failing else 0
    if s.fmt is CheckFormat.text:  # the problem lines are messages: stderr (and, uncoloured, the file)
        plain = render(CheckView(problems, s.msg_lang, painted=False), s.fmt) if s.to_file else ""
        return Outcome(plain, text, code, tuple(inputs))
    return Outcome(text, "", code, tuple(inputs), kind=kind_of(s.fmt))


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


def check_paths(paths: Iterable[Path], inputs: list[Path] | None = None) -> list[Problem]:
    """Every problem of `paths`; the files read are added to `inputs` (never to be written over)."""
    read: list[Path] = [] if inputs is None else inputs
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
                    read += [folder / LIBRARY_FILE, *assessment_files(folder).values()]
                    try:
                        loaded = load_library(folder, cache, checking=True)
                        problems += loaded.problems
                        problems += check_scoring(loaded)  # what score would say: every assessment scored
                    except LibevalError as exc:
                        problems += exc.problems
            else:
                read.append(path)
                problems += load_standard(path).problems
        except LibevalError as exc:
            problems += exc.problems
    read += cache.files()
    return sorted(set(problems))
