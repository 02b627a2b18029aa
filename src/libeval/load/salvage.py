"""What is valid of an assessment that is not: so that one run of `check` reports every problem
of the file (issue 21: `11分` first, then on the next run `评分 18 不在 0..15 范围内`).

The entries pydantic refuses (an award, a not-applicable mark or a correction) are set aside, a
refused top-level value is replaced by a stand-in, and the rest validated again, for the checks
against the standard (load/cross_checks.py) to run on. The stand-in is never scored: the file's
errors stop loading as before."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from libeval.models import Assessment

_ENTRIES = ("judged", "not_applicable", "corrections")
_STAND_INS: dict[str, Any] = {"assessor": "other", "date": "2000-01-01"}
ROUNDS = 4  # each round sets aside what the last one refused; nested errors come out in one


def salvage(data: Any) -> Assessment | None:
    """The assessment with what pydantic refuses set aside, or None when nothing can be kept."""
    if not isinstance(data, dict):
        return None
    data = dict(data)
    for _ in range(ROUNDS):
        try:
            return Assessment.model_validate(data)
        except ValidationError as exc:
            if not _set_aside(data, exc):
                return None
    return None


def _set_aside(data: dict[str, Any], exc: ValidationError) -> bool:
    changed = False
    for err in exc.errors(include_input=False, include_url=False):
        loc = err["loc"]
        if not loc:
            return False
        top = loc[0]
        if top in _ENTRIES and len(loc) >= 2 and isinstance(data.get(top), dict) and loc[1] in data[top]:
            data[top] = {k: v for k, v in data[top].items() if k != loc[1]}
        elif top in _ENTRIES:
            data[top] = {}
        elif top in _STAND_INS:
            if data.get(top) == _STAND_INS[top]:
                return False
            data[top] = _STAND_INS[top]
        elif top in data:
            del data[top]
        else:
            return False
        changed = True
    return changed
