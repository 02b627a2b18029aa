"""Grades: the highest grade whose minimum score and every prerequisite hold.

Each condition is evaluated for every grade, so a result can say, for each grade above the
one reached, what failed, with the actual value, the required value and the shortfall. Each
grade stands on its own: a higher grade does not need a lower grade's prerequisites. A bound
that is null for the library's variant does not apply (met None, never blocks), even when the
value it would test is missing; a missing value otherwise fails its condition
(docs/semantics.md, "Grades").
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from libeval.models import Condition, Grade
from libeval.models.result import ConditionResult, GradeResult, Val
from libeval.scoring.formula import MissingValue, ZeroDivision
from libeval.scoring.standard import Standard, at_variant
from libeval.scoring.values import Values
from libeval.text import numbers
from libeval.text.bilingual import Bilingual
from libeval.text.units import Unit


def grade_all(
    std: Standard,
    values: Values,
    variant: str,
    total: Decimal,
    scores: Mapping[str, Decimal],
    maxima: Mapping[str, Decimal],
) -> tuple[GradeResult, ...]:
    out = []
    for grade in std.spec.grades:
        conds = [_min_score(grade, variant, total, std.condition_provenance(grade)[0], std)]
        conds += [
            _condition(c, std, values, variant, scores, maxima, std.condition_provenance(grade, c)[0])
            for c in grade.prerequisites
        ]
        out.append(
            GradeResult(
                grade.id,
                Bilingual(grade.name, grade.name_en or grade.name),
                at_variant(grade.min_score, variant),
                tuple(conds),
            )
        )
    return tuple(out)


def _min_score(grade: Grade, variant: str, total: Decimal, prov: str, std: Standard) -> ConditionResult:
    need = at_variant(grade.min_score, variant)
    name = Bilingual("总分", "total score")
    gz, ge = grade.name, grade.name_en or grade.name
    if need is None:
        vz, ve = std.variant_label(variant).get("zh"), std.variant_label(variant).get("en")
        text = Bilingual(f"{gz}对{vz}不设最低分", f"no {ge} minimum for {ve} libraries")
        return ConditionResult("min_score", name, "min_score", None, total, None, None, text, prov)
    met = total >= need
    short = None if met else need - total
    t, n = numbers.points(total), numbers.points(need)
    if short is None:
        text = Bilingual(f"总分 {t}，达到{gz}最低分 {n}", f"total {t}, at or above the {ge} minimum of {n}")
    else:
        s = numbers.points(short)
        text = Bilingual(
            f"总分 {t}，低于{gz}最低分 {n}，差 {s} 分", f"total {t}, below the {ge} minimum of {n}, {s} points short"
        )
    return ConditionResult("min_score", name, "min_score", met, total, need, short, text, prov)


def _spaced(subject: str, rest: str) -> str:
    """A subject and its value: no space after a full-width mark (`（年均）5.8 万册次`)."""
    return f"{subject}{rest}" if subject.endswith(("）", "：")) else f"{subject} {rest}"


_SIGNS = ("≥", "≤", ">", "<", "＞", "＜", "≧", "≦")


def _named(cond: Condition, test: str, required: Decimal | None, unit: Unit | None) -> Bilingual:
    """The condition's name, with its bound for the library's variant when the standard's name
    does not state one (`年文献外借量 ≥ 8 万册次`)."""
    zh, en = cond.name, cond.name_en or cond.name
    if test not in ("at_least", "at_most") or required is None:
        return Bilingual(zh, en)
    sign = "≥" if test == "at_least" else "≤"
    if not any(s in zh for s in _SIGNS):
        zh = f"{zh} {sign} {_bound(required, unit, 'zh')}"
    if not any(s in en for s in _SIGNS):
        en = f"{en} {sign} {_bound(required, unit, 'en')}"
    return Bilingual(zh, en)


def _bound(required: Decimal, unit: Unit | None, lang: str) -> str:
    if unit is None:  # a score
        return f"{numbers.points(required)} {'分' if lang == 'zh' else 'points'}"
    return numbers.amount(required, unit, lang)


def _condition(
    cond: Condition,
    std: Standard,
    values: Values,
    variant: str,
    scores: Mapping[str, Decimal],
    maxima: Mapping[str, Decimal],
    prov: str,
) -> ConditionResult:
    actual: Val = None
    subject: str | None = cond.value or cond.score
    unit = std.unit(cond.value) if cond.value is not None else None
    test = _test(cond)
    required = _required(cond, variant, maxima)
    name = _named(cond, test, required, unit)
    zh_subject = en_subject = subject or ""
    if cond.value is not None:  # named before it is read: a missing value says which
        zh_subject, en_subject = values.label(cond.value, "zh"), values.label(cond.value, "en")
    try:
        if cond.value is not None:
            actual = values.get(cond.value)
        elif cond.score is not None:
            actual = scores.get(cond.score, Decimal(0))
            named = std.node_subject(cond.score)
            zh_subject, en_subject = named.zh, named.en
        else:
            codes = cond.score_sum or []
            subject = "+".join(codes)
            actual = sum((scores.get(c, Decimal(0)) for c in codes), Decimal(0))
            zh_subject, en_subject = f"{'、'.join(codes)} 得分合计", f"sum of the scores of {', '.join(codes)}"
    except (MissingValue, ZeroDivision) as exc:
        if required is None and test != "equals":
            return _not_applicable(cond, name, None, prov, subject, std, variant)  # whatever the value
        why_zh = "缺少数据" if isinstance(exc, MissingValue) else "无法计算（除以零）"
        why_en = "not given" if isinstance(exc, MissingValue) else "cannot be computed (division by zero)"
        if isinstance(required, Decimal) and test in ("at_least", "at_most"):  # what it would need
            sign = "≥" if test == "at_least" else "≤"
            why_zh += f"，要求 {sign} {_bound(required, unit, 'zh')}"
            why_en += f" ({sign} {_bound(required, unit, 'en')} required)"
        return ConditionResult(
            cond.id,
            name,
            test,
            False,
            None,
            required,
            None,
            Bilingual(f"{zh_subject}：{why_zh}", f"{en_subject}: {why_en}"),
            prov,
            subject,
        )
    if required is None and test != "equals":
        return _not_applicable(cond, name, actual, prov, subject, std, variant)
    if test == "equals":
        met = bool(actual) == cond.equals
        zh = f"{zh_subject}：{numbers.value(actual, 'zh')}，要求为{numbers.value(cond.equals, 'zh')}"
        en = f"{en_subject}: {numbers.value(actual, 'en')} ({numbers.value(cond.equals, 'en')} required)"
        return ConditionResult(cond.id, name, test, met, actual, cond.equals, None, Bilingual(zh, en), prov, subject)
    if not isinstance(required, Decimal):  # only `equals` tests a yes/no value
        raise TypeError(f"condition {cond.id}: a numeric bound is needed")
    num = Decimal(int(actual)) if isinstance(actual, bool) else actual if actual is not None else Decimal(0)
    if test == "at_most":
        met = num <= required
        short = None if met else num - required
    else:
        met = num >= required
        short = None if met else required - num
    text = _compared(test, num, required, met, unit, (zh_subject, en_subject))
    return ConditionResult(cond.id, name, test, met, num, required, short, text, prov, subject)


def _compared(
    test: str, num: Decimal, required: Decimal, met: bool, unit: Unit | None, subjects: tuple[str, str]
) -> Bilingual:
    """`年文献外借量（年均）5.8 万册次，要求 ≥ 8 万册次，差 2.2 万册次` /
    `Items lent per year (yearly mean): 58,000 items < 80,000 items, short by 22,000 items`; a
    score: `服务效能部分得分 308，要求 ≥ 200`, `… 得分 8，要求满分 10，差 2 分`."""
    zh_subject, en_subject = subjects
    if unit is None:
        a_zh, r_zh = a_en, r_en = numbers.points(num), numbers.points(required)
        g = numbers.points(abs(num - required))
        gap_zh, gap_en = f"{g} 分", f"{g} points"
    else:
        a_zh, r_zh, gap_zh = numbers.shown_pair(num, required, unit, "zh")
        a_en, r_en, gap_en = numbers.shown_pair(num, required, unit, "en")
    over = test == "at_most"
    if test == "full_marks":
        zh = f"{_spaced(zh_subject, a_zh)}，要求满分 {r_zh}"
        en = f"{en_subject}: {a_en} of {r_en}, full marks required"
    else:
        sign = "≤" if over else "≥"
        zh = f"{_spaced(zh_subject, a_zh)}，要求 {sign} {r_zh}"
        en = f"{en_subject}: {a_en} {sign} {r_en}" if met else f"{en_subject}: {a_en}"
    if not met:
        zh += f"，{'超出' if over else '差'} {gap_zh}"
        if test == "full_marks":
            en += f", short by {gap_en}"
        else:  # words, not `<`: a report pasted into Word shows no `&lt;`
            en += f", {'over' if over else 'short of'} {r_en} by {gap_en}"
    return Bilingual(zh, en)


def _not_applicable(
    cond: Condition, name: Bilingual, actual: Val, prov: str, subject: str | None, std: Standard, variant: str
) -> ConditionResult:
    """A condition whose bound is null for the library's variant: it never blocks (met None).
    It says for which variant, in the standard's words: 不适用于西部."""
    words = std.variant_label(variant)
    return ConditionResult(
        cond.id,
        name,
        _test(cond),
        None,
        actual,
        None,
        None,
        Bilingual(f"不适用于{words.get('zh')}", f"does not apply to {words.get('en')} libraries"),
        prov,
        subject,
    )


def _test(cond: Condition) -> str:
    if cond.full_marks:
        return "full_marks"
    if cond.equals is not None:
        return "equals"
    return "at_most" if cond.at_most is not None else "at_least"


def _required(cond: Condition, variant: str, maxima: Mapping[str, Decimal]) -> Decimal | None:
    if cond.full_marks:
        return maxima.get(cond.score or "", Decimal(0))
    bound = cond.at_most if cond.at_most is not None else cond.at_least
    return at_variant(bound, variant) if bound is not None else None
