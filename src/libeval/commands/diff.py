"""`libeval diff`: which two assessments to compare (of one library folder, or of two), the
difference, in the chosen format."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from libeval.analysis.diff import Side, diff
from libeval.commands.outcome import Outcome, input_paths, kind_of
from libeval.errors import LibevalError, UsageError, problem
from libeval.load.folders import LibraryFolder, StandardCache, load_library
from libeval.present.formats import DiffFormat
from libeval.present.problems import problem_lines
from libeval.present.report_view import InputFile
from libeval.scoring.standard import Standard
from libeval.text.click_messages import OPTION_ERRORS


@dataclass(frozen=True)
class DiffSettings:
    paths: Sequence[Path]
    from_: str | None = None
    to: str | None = None
    fmt: DiffFormat = DiffFormat.table
    exit_code: bool = False  # exit 1 when the two differ
    lang: str = "zh"
    msg_lang: str = "en"
    criteria: str | None = None  # score the one folder's assessment under this standard too (id or path)
    all_: bool = False  # every assessment of the one folder side by side
    all_indicators: bool = False  # with all_: every indicator, not only those that differ

    def __post_init__(self) -> None:
        if not 1 <= len(self.paths) <= 2:
            raise UsageError(OPTION_ERRORS["paths"], OPTION_ERRORS["diff-paths"])
        if self.all_ and (self.from_ or self.to or self.criteria or len(self.paths) > 1):
            raise UsageError("--all", OPTION_ERRORS["all-sides"])
        if self.all_indicators and not self.all_:
            raise UsageError("--all-indicators", OPTION_ERRORS["all-indicators"])


def run(s: DiffSettings) -> Outcome:
    if s.criteria is not None:  # the same assessment under two standards
        from libeval.commands import rescore

        return rescore.run(s)
    if s.all_:
        return run_all(s)
    from libeval.present.diff import DiffView, render

    cache = StandardCache()
    folders = [load_library(p, cache) for p in s.paths]
    std, a, b = choose_sides(folders, s.from_, s.to)
    result = diff(std, a, b)
    messages = problem_lines([p for f in folders for p in f.problems], s.msg_lang)
    inputs = tuple(i for f in folders for i in input_paths(f))
    code = 1 if s.exit_code and not result.identical else 0
    view = DiffView(result, s.lang, hashed_inputs(folders, a.name, b.name))
    return Outcome(render(view, s.fmt), messages, code, inputs, kind_of(s.fmt))


def run_all(s: DiffSettings) -> Outcome:
    """Every assessment of the one folder, in the order they were made, side by side."""
    from libeval.analysis.diff_all import diff_all, pass_order
    from libeval.present.diff_all import AllView, render

    folder = load_library(s.paths[0], StandardCache())
    named = {name: a for name, (a, _) in folder.assessments.items()}
    if not named:
        where = str(folder.path)
        raise LibevalError([problem(where, None, "nothing-to-compare", path=where, known="-")])
    result = diff_all(folder.standard, folder.library, named, s.all_indicators)
    messages = problem_lines(list(folder.problems), s.msg_lang)
    code = 1 if s.exit_code and not result.identical else 0
    view = AllView(result, folder.standard, s.lang, hashed_inputs([folder], *pass_order(named)))
    return Outcome(render(view, s.fmt), messages, code, input_paths(folder), kind_of(s.fmt))


def hashed_inputs(folders: list[LibraryFolder], *names: str) -> tuple[InputFile, ...]:
    """The files the sides rest on, each once, with their hashes: library.yaml, the assessments
    and the standard (of each folder, when there are two: the first side's and the last's)."""
    files: dict[str, InputFile] = {}
    standards: dict[str, InputFile] = {}
    for k, name in enumerate(names):
        folder = folders[0] if k < len(names) - 1 else folders[-1]
        _, asrc = folder.assessments[name]
        for src in (folder.source, asrc):
            files.setdefault(src.path, InputFile(src.path, src.sha256))
        std = folder.standard.source
        if std is not None:
            standards.setdefault(std.path, InputFile(std.path, std.sha256))
    return (*files.values(), *standards.values())


def _side(folder: LibraryFolder, name: str, label: str) -> Side:
    return Side(folder.library, folder.assessment(name), name, label)


def latest_other(folder: LibraryFolder, than: str) -> str | None:
    """The latest assessment by date other than `than` (ties: by name)."""
    others = [(a.date, n) for n, (a, _) in folder.assessments.items() if n != than]
    return max(others)[1] if others else None


def choose_sides(folders: list[LibraryFolder], from_: str | None, to: str | None) -> tuple[Standard, Side, Side]:
    """One folder: `from_` (default self) against `to` (default the latest other by date).
    Two folders (the same library in two years): the same assessment of each (default self)."""
    if len(folders) == 1:
        (folder,) = folders
        a_name = from_ or "self"
        b_name = to or latest_other(folder, a_name)
        if b_name is None:
            known = ", ".join(folder.assessments) or "-"
            where = str(folder.path)
            raise LibevalError([problem(where, None, "nothing-to-compare", path=where, known=known)])
        return folder.standard, _side(folder, a_name, a_name), _side(folder, b_name, b_name)
    fa, fb = folders
    if fa.standard.id != fb.standard.id:
        raise LibevalError([problem(str(fb.path), None, "criteria-mismatch", a=fa.standard.id, b=fb.standard.id)])
    a_name, b_name = from_ or "self", to or "self"
    return (fa.standard, _side(fa, a_name, f"{fa.path.name}:{a_name}"), _side(fb, b_name, f"{fb.path.name}:{b_name}"))
