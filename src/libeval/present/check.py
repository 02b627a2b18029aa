"""`libeval check`: every problem found, in each output format of `FORMATS` (dispatch ends in
`assert_never`). The text format is the problem lines themselves (the CLI writes them to stderr)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import assert_never

from libeval.errors import Problem
from libeval.present.formats import CheckFormat
from libeval.present.problems import problem_lines


@dataclass(frozen=True)
class CheckView:
    problems: Sequence[Problem]
    lang: str
    painted: bool = True  # text: coloured where stderr gets colour; not in a file


CheckRenderer = Callable[[CheckView], str]


def renderer(f: CheckFormat) -> CheckRenderer:
    match f:
        case CheckFormat.text:
            return lambda v: problem_lines(v.problems, v.lang, painted=v.painted)
        case CheckFormat.json:
            return _json
        case CheckFormat.github:
            return _github
    assert_never(f)


def _json(v: CheckView) -> str:
    problems = [p.as_dict(v.lang) for p in sorted(v.problems)]
    return json.dumps({"problems": problems}, ensure_ascii=False, indent=2) + "\n"


def _github(v: CheckView) -> str:
    from libeval.present.github import workflow_commands

    return workflow_commands(v.problems, v.lang)


# every format, wired once here (built last: the renderers above)
FORMATS: Mapping[CheckFormat, CheckRenderer] = MappingProxyType({f: renderer(f) for f in CheckFormat})


def render(view: CheckView, f: CheckFormat) -> str:
    return FORMATS[f](view)
