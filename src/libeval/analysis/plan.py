"""plan(standard, library, assessment, target) -> Plan: what it takes to reach a grade. Pure.

1. Prerequisites first: every unmet condition of the target grade becomes the fact change it
   needs (solved through derived values where the condition reads one), flagged when the fact
   is structural (a building, not a campaign).
2. Then the score gap. Each fact that more of scores better is a group of candidate levels
   (the thresholds of the bands it reaches, a linear rule's target, whole units, yes); each
   level has its exact gain (the library rescored with that one change) and its cost (the
   relative change of the fact). A group knapsack chooses, exactly, the set of at most one level
   per fact that closes the gap at the smallest total relative change.
3. The chosen plan is applied and scored again; where facts interact (a ratio of two changed
   facts) and the gain falls short, the knapsack is solved again for the shortfall.

Judged indicators are listed with the points still open; they are not given fact changes.
A fact the library has not given is never a target: a plan rests on the facts given. A
condition that reads a missing fact says to fill it in first; a plan that falls short on an
incomplete library has the status `incomplete` (fill in, then plan again), not `unreachable`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import Any

from libeval.analysis.choose import Gain, Option, choose
from libeval.analysis.fact_changes import (
    FactChange,
    Rescore,
    State,
    fact_change,
    fill_first,
    missing_under,
    solve,
)
from libeval.models import Assessment, Condition, Grade, Judged, Library, Linear, PerUnit, Tiers
from libeval.models.result import ConditionResult, GradeResult, Result
from libeval.scoring.engine import score
from libeval.scoring.standard import Standard, at_variant
from libeval.text.bilingual import Bilingual

MAX_ROUNDS = 6


@dataclass(frozen=True)
class PrereqStep:
    condition: ConditionResult
    change: FactChange | None
    solved: bool
    note: Bilingual | None = None
    options: tuple[Option, ...] = ()  # for a condition on scores: the changes that give the points
    fill: tuple[str, ...] = ()  # the facts not given that the condition needs: fill them in first


@dataclass(frozen=True)
class OpenJudged:
    code: str
    name: Bilingual
    score: Decimal
    max: Decimal


@dataclass(frozen=True)
class Plan:
    result: Result  # the library as it is
    target: GradeResult | None  # None: already at the top grade
    status: str  # top | reached | plan | unreachable
    prerequisites: tuple[PrereqStep, ...]
    gap: Decimal  # points still needed after the prerequisites' changes
    options: tuple[Option, ...]  # every single-fact improvement within reach
    chosen: tuple[Option, ...]
    projected: Result | None  # the library with the whole plan applied
    judged_open: tuple[OpenJudged, ...]
    reasons: tuple[Bilingual, ...] = ()
    gap_now: Decimal = Decimal(0)  # the target's minimum less the total now: what `score` says is short
    prerequisite_gain: Decimal = Decimal(0)  # the points the prerequisites' changes add to the total

    @property
    def changes(self) -> tuple[FactChange, ...]:
        """Every fact change of the plan: prerequisites first, then the chosen improvements."""
        out: list[FactChange] = []
        for p in self.prerequisites:
            if p.change:
                out.append(p.change)
            out.extend(o.change for o in p.options)
        return (*out, *(o.change for o in self.chosen))


def _prerequisite(state: State, cond: Condition, result: ConditionResult, base: list[FactChange]) -> PrereqStep:
    std = state.std
    if cond.value is not None:
        missing = [f for f in std.depends_on(cond.value) if not state.given(f)]
        if missing:  # never a target: the library gives the fact first
            return PrereqStep(result, None, False, fill_first(state, missing), fill=tuple(missing))
        fact = std.facts.get(cond.value)
        if cond.equals is not None:
            if fact is not None:
                return PrereqStep(result, fact_change(state, cond.value, cond.equals), True)
            return PrereqStep(result, None, False, Bilingual("无法通过单项事实满足", "no single fact change meets it"))
        need = result.required
        if not isinstance(need, Decimal):
            return PrereqStep(result, None, False, Bilingual("无法计算所需数值", "the required value is unknown"))
        change = solve(state, cond.value, need, base, higher=cond.at_most is None)
        if change is None:
            return PrereqStep(result, None, False, Bilingual("没有能满足该条件的事实变化", "no fact change meets it"))
        return PrereqStep(result, change, True)
    # conditions on scores are met through the score options, chosen with the gap
    return PrereqStep(
        result,
        None,
        True,
        Bilingual(
            "通过提高相关指标得分满足（见下方方案）", "met by raising the indicators' points (see the plan below)"
        ),
    )


def _levels(state: State, fact: str, base: list[FactChange], current: Result) -> list[Decimal | bool]:
    """Candidate values of a fact: enough to reach each higher band of every rule it feeds."""
    std = state.std
    d = std.facts[fact]
    if not state.given(fact):  # a missing fact is filled in, never planned
        return []
    if d.type == "boolean":
        return [True] if state.value(fact, base) is not True else []
    if d.better != "higher":
        return []
    variant = current.variant
    out: set[Decimal] = set()
    for code in state.feeds[fact]:
        rule = std.nodes[code].node.rule
        if isinstance(rule, Judged) or rule is None or rule.kind == "boolean":
            continue
        value_id = rule.value
        now = state.value(value_id, base)
        if now is None or isinstance(now, bool):
            now = Decimal(0)
        targets: list[Decimal] = []
        if isinstance(rule, Tiers) and rule.better == "higher":
            targets = [a for b in rule.bands if (a := at_variant(b.at, variant)) is not None and a > now]
        elif isinstance(rule, Linear):
            t = at_variant(rule.target, variant)
            if t is not None and t > now:
                targets = [now + (t - now) / 2, t]
        elif isinstance(rule, PerUnit):
            node = std.nodes[code].node
            steps = int((node.max / rule.points).to_integral_value(rounding=ROUND_CEILING)) if rule.points else 0
            base_units = (now / rule.per).to_integral_value(rounding="ROUND_FLOOR")
            targets = [(base_units + k) * rule.per for k in range(1, min(steps, 20) + 1)]
        for t in targets:
            if value_id == fact:
                out.add(t)
            else:
                change = solve(state, value_id, t, base)
                if change is not None and change.fact == fact and not isinstance(change.new, bool):
                    out.add(change.new)
    return sorted(out)


def _options(
    state: State,
    base: list[FactChange],
    current: Result,
    codes: set[str] | None = None,
    measure: Sequence[str] | None = None,
) -> list[Option]:
    """Every single-fact improvement: its exact gain on the total (or on the summed points of the
    codes in `measure`, for a prerequisite on a score or a sum of scores)."""

    before = {i.code: i for i in current.indicators}
    rescore = Rescore(state, current, before)
    out: list[Option] = []
    for fact in state.std.facts:
        for level in _levels(state, fact, base, current):
            change = fact_change(state, fact, level)
            scores = rescore(state.feeds[fact], [*base, change])
            gain = rescore.points(scores, measure) - rescore.points({}, measure)
            if gain <= 0:
                continue
            gains = tuple(
                Gain(code, before[code].name, before[code].score, new)
                for code, new in scores.items()
                if code in before and new != before[code].score and (codes is None or code in codes)
            )
            out.append(Option(change, gain, gains))
    return out


def _grade_index(r: Result) -> int:
    ids = [g.id for g in r.grades]
    return ids.index(r.grade.id) if r.grade else len(ids)


def find_grade(grades: Sequence[Grade], target: str) -> int | None:
    """The index of the grade named by `target` (its id, its name, or its English name in any
    case), or None."""
    for k, g in enumerate(grades):
        if target in (g.id, g.name) or (g.name_en and target.lower() == g.name_en.lower()):
            return k
    return None


def plan(
    std: Standard, library: Library, assessment: Assessment, target: str | None = None, now: Result | None = None
) -> Plan:
    """What it takes to reach `target` (a grade's id or name, see `find_grade`; default: the
    next grade up): the unmet prerequisites as fact changes, then the set of fact changes that
    closes the score gap at the smallest total relative change, applied and scored again.
    `now`: the library as it is, when the caller has scored it already (with this standard and
    assessment), so it is not scored again. Raises ValueError for an unknown target (check it
    with `find_grade` first)."""
    state = State(std, library, assessment)
    now = now if now is not None else score(std, library, assessment, "now")
    grades = list(now.grades)
    current = _grade_index(now)
    judged_open = tuple(
        OpenJudged(i.code, i.name, i.score, i.max)
        for i in now.indicators
        if i.kind == "judged" and i.status != "not_applicable" and i.score < i.max
    )
    if target is None:
        if current == 0:
            return Plan(now, None, "top", (), Decimal(0), (), (), None, judged_open)
        goal_index = current - 1
    else:
        found = find_grade(std.spec.grades, target)
        if found is None:  # callers check the target first (commands/plan.py): this is a bug
            raise ValueError(f"plan: no grade {target!r}")
        goal_index = found
    goal = grades[goal_index]
    if current <= goal_index:
        return Plan(now, goal, "reached", (), Decimal(0), (), (), None, judged_open)
    definition = std.spec.grades[goal_index]
    base: list[FactChange] = []
    steps: list[PrereqStep] = []
    reasons: list[Bilingual] = []
    score_conditions: list[tuple[int, Condition, ConditionResult]] = []
    for cond, res in zip(definition.prerequisites, goal.conditions[1:], strict=True):
        if res.met is not False:
            continue
        step = _prerequisite(state, cond, res, base)
        steps.append(step)
        if step.change is not None:
            base.append(step.change)
        elif cond.value is None:
            score_conditions.append((len(steps) - 1, cond, res))
        elif step.fill and step.note is not None:
            note = step.note
            reasons.append(Bilingual(f"“{res.name.zh}”：{note.zh}", f"'{res.name.en}': {note.en}"))
        else:
            reasons.append(
                Bilingual(
                    f"必备条件“{res.name.zh}”无法通过事实变化满足",
                    f"the prerequisite '{res.name.en}' cannot be met by changing facts",
                )
            )
    after = state.run(base)
    # conditions on scores: the cheapest options that give those indicators the points they lack
    for at, cond, res in score_conditions:
        codes = [cond.score] if cond.score else list(cond.score_sum or [])
        gained: list[Option] = []
        solved = True
        # one need for the condition: its bound less the points its codes have (a sum for score_sum)
        have = sum((after.points(c) for c in codes), Decimal(0))
        needed = (res.required if isinstance(res.required, Decimal) else Decimal(0)) - have
        if needed > 0:
            under = {c for c in std.nodes if any(code in _ancestors(std, c) for code in codes)}
            picked = choose(_options(state, base, after, under, codes), needed, std.spec.precision)
            if picked is None:
                solved = False
                missing = missing_under(state, now, under)
                first = fill_first(state, missing)
                reasons.append(
                    Bilingual(f"“{res.name.zh}”：{first.zh}", f"'{res.name.en}': {first.en}")
                    if missing
                    else Bilingual(
                        f"“{res.name.zh}”无法通过事实变化达到",
                        f"'{res.name.en}' cannot be reached by changing facts",
                    )
                )
            else:
                gained.extend(picked)
                base.extend(o.change for o in picked)
                after = state.run(base)
        step = steps[at]
        fill = tuple(missing_under(state, now, under)) if not solved and needed > 0 else ()
        steps[at] = PrereqStep(
            step.condition, None, solved, fill_first(state, fill) if fill else step.note, tuple(gained), fill
        )
    need = (goal.min_score or Decimal(0)) - after.total
    options = _options(state, base, after)
    chosen: list[Option] = []
    projected = after
    if need > 0:
        extra = Decimal(0)
        for _ in range(MAX_ROUNDS):
            picked = choose(options, need + extra, std.spec.precision)
            if picked is None:
                best = after.total + sum(
                    (
                        max((o.gain for o in options if o.change.fact == f), default=Decimal(0))
                        for f in {o.change.fact for o in options}
                    ),
                    Decimal(0),
                )
                given, given_en = ("已填的", " given") if not now.completeness.complete else ("", "")
                reasons.append(
                    Bilingual(
                        f"即使{given}各项事实都达到最高档，总分约为 {_pts(best)}，低于 {_pts(goal.min_score)}",
                        f"even with every fact{given_en} at its highest band the total would be about "
                        f"{_pts(best)}, below {_pts(goal.min_score)}",
                    )
                )
                break
            projected = state.run([*base, *(o.change for o in picked)])
            short = (goal.min_score or Decimal(0)) - projected.total
            chosen = picked
            if short <= 0:
                break
            extra += short  # facts interact (a ratio of two changed facts): ask for the shortfall too
    else:
        projected = after
    final = state.run([*base, *(o.change for o in chosen)])
    reached = _grade_index(final) <= goal_index
    c = now.completeness  # filling in may reach it: a condition needs a missing fact, or the open points suffice
    open_points = c.points_missing_facts + c.points_not_judged
    incomplete = not c.complete and (
        any(st.fill for st in steps) or final.total + open_points >= (goal.min_score or Decimal(0))
    )
    if not reached and not reasons:
        failed = list(final.grades[goal_index].failed)
        reasons.extend(Bilingual(f"仍未满足：{c.name.zh}", f"still unmet: {c.name.en}") for c in failed)
    return Plan(
        now,
        goal,
        "plan" if reached else "incomplete" if incomplete else "unreachable",
        tuple(steps),
        max(need, Decimal(0)),
        tuple(sorted(options, key=lambda o: (-o.gain, o.cost))),
        tuple(chosen),
        final,
        judged_open,
        tuple(reasons),
        max((goal.min_score or Decimal(0)) - now.total, Decimal(0)),
        after.total - now.total,
    )


def _ancestors(std: Standard, code: str) -> set[str]:
    out = {code}
    parent = std.nodes[code].parent
    while parent is not None:
        out.add(parent)
        parent = std.nodes[parent].parent
    return out


def _pts(d: Any) -> str:
    from libeval.text.numbers import points

    return points(d) if d is not None else "—"
