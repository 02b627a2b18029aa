"""`libeval plan`: what it takes to reach the next grade (or `--target`), in the chosen format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from libeval.analysis.plan import find_grade, plan
from libeval.commands.outcome import Outcome, input_paths, kind_of
from libeval.errors import UsageError
from libeval.load.folders import load_library
from libeval.present.formats import PlanFormat
from libeval.present.problems import problem_lines
from libeval.scoring.engine import score
from libeval.text.click_messages import OPTION_ERRORS


@dataclass(frozen=True)
class PlanSettings:
    path: Path
    assessment: str = "self"
    target: str | None = None  # a grade's id or name; default: the next grade up
    fmt: PlanFormat = PlanFormat.table
    lang: str = "zh"
    msg_lang: str = "en"


def run(s: PlanSettings) -> Outcome:
    from libeval.present.plan import PlanView, render

    folder = load_library(s.path)
    model = folder.assessment(s.assessment)
    grades = folder.standard.spec.grades
    if s.target is not None and find_grade(grades, s.target) is None:  # checked before planning
        names = [g.name for g in grades]
        raise UsageError(
            "--target",
            OPTION_ERRORS["no-grade"].format(target=s.target, zh_names="、".join(names), en_names=", ".join(names)),
        )
    now = score(folder.standard, folder.library, model, s.assessment)  # named as `score` names it
    result = plan(folder.standard, folder.library, model, s.target, now=now)
    messages = problem_lines(folder.problems, s.msg_lang)
    return Outcome(render(PlanView(result, s.lang), s.fmt), messages, 0, input_paths(folder), kind_of(s.fmt))
