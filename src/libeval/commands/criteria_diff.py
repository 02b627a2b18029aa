"""`libeval criteria diff A B`: what changed from one standard to another, in the chosen format."""

from __future__ import annotations

from dataclasses import dataclass

from libeval.analysis.standard_diff import standard_diff
from libeval.commands.outcome import Outcome, kind_of, standard_arg
from libeval.present.formats import CriteriaDiffFormat


@dataclass(frozen=True)
class CriteriaDiffSettings:
    a: str  # a bundled standard's id or a path
    b: str
    fmt: CriteriaDiffFormat = CriteriaDiffFormat.table
    exit_code: bool = False  # exit 1 when the two differ
    lang: str = "zh"


def run(s: CriteriaDiffSettings) -> Outcome:
    from libeval.present.criteria_diff import CriteriaDiffView, render

    a, b = standard_arg(s.a), standard_arg(s.b)
    result = standard_diff(a, b)
    inputs = tuple(std.source.file for std in (a, b) if std.source is not None and std.source.file is not None)
    code = 1 if s.exit_code and not result.identical else 0
    return Outcome(render(CriteriaDiffView(result, s.lang), s.fmt), "", code, inputs, kind_of(s.fmt))
