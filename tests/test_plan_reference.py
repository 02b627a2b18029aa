"""The planner's shortcuts change nothing: values derived from a set of changes are the values built
again from the changed library, the knapsack picks what one visiting every cell picks, and the
plan is the plan of a straightforward reference (every set of changes read from scratch, every
whole-library scoring, bisection and knapsack cell done again), on random fact sets of the
worked example and on the generated corpus."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from decimal import ROUND_CEILING, Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from libeval.analysis import fact_changes
from libeval.analysis import plan as plan_module
from libeval.analysis.choose import INFINITY, MAX_UNITS, Option, choose
from libeval.analysis.fact_changes import LIMIT, FactChange, State, fact_change, levers
from libeval.analysis.plan import plan
from libeval.load.folders import load_library
from libeval.models import Assessment, Library
from libeval.models.result import Result
from libeval.present.plan import render_plan_json
from libeval.scoring.engine import score
from libeval.scoring.formula import MissingValue, ZeroDivision
from libeval.scoring.values import Values

from conftest import EXAMPLE, ROOT

FOLDER = load_library(EXAMPLE)
STD = FOLDER.standard


def _read(values: Values, name: str) -> Any:
    try:
        return values.get(name)
    except (MissingValue, ZeroDivision) as exc:
        return type(exc)


def _every_value(values: Values) -> dict[str, Any]:
    return {name: _read(values, name) for name in [*STD.facts, *STD.derived, "population"]}


def _changes(draw: Any, state: State, count: int) -> list[FactChange]:
    out = []
    for _ in range(count):
        fact = draw(st.sampled_from(sorted(STD.facts)))
        if STD.facts[fact].type == "boolean":
            new: Decimal | bool = draw(st.booleans())
        else:
            new = Decimal(draw(st.integers(0, 400_000))) / draw(st.sampled_from([1, 10, 1000]))
        out.append(fact_change(state, fact, new))
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from(["self", "prefecture"]), st.integers(1, 4))
def test_values_of_a_set_of_changes_are_the_values_built_again(data: Any, name: str, count: int) -> None:
    state = State(STD, FOLDER.library, FOLDER.assessment(name))
    changes = _changes(data.draw, state, count)
    for k in range(len(changes) + 1):  # every prefix, the same fact changed twice included
        derived = state.values(changes[:k])
        again = Values(STD, state.library_with(changes[:k]), None)
        assert _every_value(derived) == _every_value(again), changes[:k]
        assert derived.series == again.series


def test_a_changed_fact_computes_again_only_what_rests_on_it() -> None:
    state = State(STD, FOLDER.library, FOLDER.assessment("self"))
    _every_value(state.values())
    changed = state.values([fact_change(state, "floor_area", Decimal(2000))])
    _every_value(changed)
    rests = {"floor_area"} | {d for d in STD.derived if "floor_area" in STD.depends_on(d)}
    assert len(rests) > 1 and STD.dependents("floor_area") == rests
    assert set(changed._cache) == rests  # every other value is the unchanged library's


# The reference: the planner as written first, without its shortcuts.


def _values_again(self: State, changes: Iterable[FactChange] = ()) -> Values:
    return Values(self.std, self.library_with(changes), None)


def _run_again(self: State, changes: Iterable[FactChange] = ()) -> Result:
    return score(self.std, self.library_with(changes), self.assessment, "plan")


def _solve_again(
    state: State, name: str, need: Decimal, base: list[FactChange], higher: bool = True
) -> FactChange | None:
    """Bisection on each fact, every probe a set of changes read from scratch."""
    best: FactChange | None = None
    for fact in levers(state, name):
        old = state.value(fact, base)
        if old is None or isinstance(old, bool):
            old = Decimal(0)

        def ok(x: Decimal, fact: str = fact) -> bool:
            v = state.value(name, [*base, fact_change(state, fact, x)])
            return v is not None and not isinstance(v, bool) and (v >= need if higher else v <= need)

        if higher:
            hi = max(old, Decimal(1))
            while not ok(hi):
                hi *= 2
                if hi > LIMIT:
                    break
            if hi > LIMIT:
                continue
            lo = old
            if ok(lo):
                continue
        else:
            lo, hi = Decimal(0), old
            if not ok(lo):
                continue
        for _ in range(60):
            mid = (lo + hi) / 2
            if ok(mid) == higher:
                hi = mid
            else:
                lo = mid
            if hi - lo <= max(abs(hi), Decimal(1)) * Decimal("1e-9"):
                break
        candidate = fact_change(state, fact, hi if higher else lo)
        if not ok(candidate.new if not isinstance(candidate.new, bool) else Decimal(0)):
            continue
        if best is None or candidate.relative < best.relative:
            best = candidate
    return best


def _choose_again(options: list[Option], need: Decimal, places: int) -> list[Option] | None:
    """The group knapsack visiting every cell of the table for every option."""
    if need <= 0:
        return []
    groups: dict[str, list[Option]] = {}
    for o in options:
        groups.setdefault(o.change.fact, []).append(o)
    if sum((max(o.gain for o in group) for group in groups.values()), Decimal(0)) < need:
        return None
    unit = max(Decimal(10) ** -places, need / MAX_UNITS)
    goal = int((need / unit).to_integral_value(rounding=ROUND_CEILING))
    best = [INFINITY] * (goal + 1)
    best[0] = 0.0
    how: list[tuple[Option, ...]] = [()] * (goal + 1)
    for group in groups.values():
        new_best, new_how = best[:], how[:]
        for o in group:
            g = int((o.gain / unit).to_integral_value(rounding="ROUND_FLOOR"))
            for have in range(goal + 1):
                if best[have] == INFINITY:
                    continue
                reach = min(goal, have + g)
                if best[have] + o.cost < new_best[reach] - 1e-12:
                    new_best[reach], new_how[reach] = best[have] + o.cost, (*how[have], o)
        best, how = new_best, new_how
    return list(how[goal]) if best[goal] < INFINITY else None


def _option(fact: str, gain: int, cost: int) -> Option:
    change = FactChange(fact, None, Decimal(1), Decimal(1) + Decimal(cost) / 10, False, False)  # type: ignore[arg-type]
    return Option(change, Decimal(gain) / 4, ())


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from("abcdef"), st.integers(1, 60), st.integers(1, 30)), min_size=1, max_size=14),
    st.integers(1, 200),
)
def test_the_knapsack_picks_what_the_reference_picks(raw: list[tuple[str, int, int]], need: int) -> None:
    """The same options in the same order, ties broken alike (costs repeat: 30 values for 14 options)."""
    options = [_option(f, g, c) for f, g, c in raw]
    for places in (1, 2):
        assert choose(options, Decimal(need) / 4, places) == _choose_again(options, Decimal(need) / 4, places)


def _plans(library: Library, asmt: Assessment, target: str | None) -> tuple[str, str]:
    """(the plan, the reference plan) as JSON, English and Chinese."""
    ours = plan(STD, library, asmt, target)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(State, "values", _values_again)
        m.setattr(State, "run", _run_again)
        m.setattr(fact_changes, "solve", _solve_again)
        m.setattr(plan_module, "solve", _solve_again)
        m.setattr(plan_module, "choose", _choose_again)
        theirs = plan(STD, library, asmt, target)
    both = [render_plan_json(p, lang) for p in (ours, theirs) for lang in ("en", "zh")]
    return both[0] + both[1], both[2] + both[3]


@st.composite
def example_facts(draw: Any) -> Library:
    """The worked example with some facts left out and the others scaled (0 to 3 times)."""
    facts = dict(FOLDER.library.facts)
    for fid in sorted(facts):
        choice = draw(st.sampled_from(["keep", "keep", "drop", "scale"]))
        entry = facts[fid]
        if choice == "drop":
            del facts[fid]
        elif choice == "scale" and isinstance(entry.value, Decimal):
            facts[fid] = entry.model_copy(update={"value": entry.value * draw(st.sampled_from([0, 1, 2, 3])) / 2})
    return FOLDER.library.model_copy(update={"facts": facts})


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(example_facts(), st.sampled_from(["self", "prefecture"]), st.sampled_from([None, "grade1", "grade2"]))
def test_the_plan_is_the_reference_plan_on_random_facts_of_the_example(
    library: Library, name: str, target: str | None
) -> None:
    ours, theirs = _plans(library, FOLDER.assessment(name), target)
    assert ours == theirs


def test_the_plan_is_the_reference_plan_on_the_example() -> None:
    for name in ("self", "prefecture"):
        for target in (None, "grade1", "grade2", "grade3"):
            ours, theirs = _plans(FOLDER.library, FOLDER.assessment(name), target)
            assert ours == theirs, (name, target)


def _generate() -> ModuleType:
    """benchmarks/generate.py, which is not a package."""
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_plan_is_the_reference_plan_on_generated_libraries(tmp_path: Path) -> None:
    _generate().generate(tmp_path / "corpus", 12, 2017)
    folders = sorted(p.parent for p in (tmp_path / "corpus").rglob("library.yaml"))
    assert len(folders) == 12
    statuses = set()
    for path in folders:
        folder = load_library(path)
        for name in folder.assessments:
            ours, theirs = _plans(folder.library, folder.assessment(name), None)
            assert ours == theirs, (path.name, name)
            statuses.add(plan(STD, folder.library, folder.assessment(name)).status)
    assert {"plan", "reached"} & statuses  # plans were made, not only refused


def test_a_plan_given_the_result_does_not_score_it_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from libeval.present.plan import plan_lines

    scored: list[str] = []

    def counted(*args: Any) -> Result:
        scored.append(args[3])
        return score(*args)

    for name in ("self", "prefecture"):
        asmt = FOLDER.assessment(name)
        result = score(STD, FOLDER.library, asmt, name)
        alone = plan(STD, FOLDER.library, asmt)
        monkeypatch.setattr(plan_module, "score", counted)
        shared = plan(STD, FOLDER.library, asmt, now=result)
        monkeypatch.undo()
        assert scored == [] and shared.result is result
        for lang in ("zh", "en"):  # what the report shows of it
            assert plan_lines(shared, lang) == plan_lines(alone, lang)
        assert render_plan_json(shared, "en") == render_plan_json(alone, "en").replace(
            '"assessment": "now"', f'"assessment": "{name}"'
        )
