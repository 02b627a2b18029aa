"""`libeval diff LIB --criteria OTHER`: one assessment of a library folder scored under the
library's own standard and under another, compared indicator by indicator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from libeval.analysis.diff import Side
from libeval.analysis.rescore import rescore_diff
from libeval.commands.outcome import Outcome, criteria_path, input_paths, kind_of
from libeval.errors import UsageError
from libeval.load.folders import StandardCache, load_library
from libeval.present.formats import RescoreFormat
from libeval.present.problems import problem_lines
from libeval.text.click_messages import OPTION_ERRORS

if TYPE_CHECKING:
    from libeval.commands.diff import DiffSettings


def run(s: DiffSettings) -> Outcome:
    from libeval.present.rescore import RescoreView, render

    if s.criteria is None:  # pragma: no cover - commands.diff.run only calls here with --criteria
        raise UsageError("--criteria", OPTION_ERRORS["criteria-names"])
    if len(s.paths) != 1:
        raise UsageError("--criteria", OPTION_ERRORS["criteria-one-folder"])
    if s.to is not None:
        raise UsageError("--to", OPTION_ERRORS["criteria-to"])
    if s.fmt.value not in RescoreFormat.__members__:
        raise UsageError("--format", OPTION_ERRORS["criteria-format"])
    cache = StandardCache()
    own = load_library(s.paths[0], cache)
    other = load_library(s.paths[0], cache, criteria_override=criteria_path(s.criteria))
    name = s.from_ or "self"
    a = Side(own.library, own.assessment(name), name, name)
    b = Side(other.library, other.assessment(name), name, name)
    result = rescore_diff(own.standard, a, other.standard, b)
    messages = problem_lines({*own.problems, *other.problems}, s.msg_lang)
    code = 1 if s.exit_code and not result.identical else 0
    inputs = (*input_paths(own), *input_paths(other))
    return Outcome(
        render(RescoreView(result, s.lang), RescoreFormat(s.fmt.value)), messages, code, inputs, kind_of(s.fmt)
    )
