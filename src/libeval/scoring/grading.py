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
        conds = [_min_score(grade, variant, total, std.condition_provenance(grade)[0])]
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


def _min_score(grade: Grade, variant: str, total: Decimal, prov: str) -> ConditionResult:
    need = at_variant(grade.min_score, variant)
    name = Bilingual("总分", "total score")
    if need is None:
        return ConditionResult(
            "min_score",
            name,
            "min_score",
            None,
            total,
            None,
            None,
            Bilingual("本类不设最低分", "no minimum for this variant"),
            prov,
        )
    met = total >= need
    short = None if met else need - total
    zh = f"总分 {numbers.points(total)} {'≥' if met else '<'} {numbers.points(need)}"
    en = f"total {numbers.points(total)} {'≥' if met else '<'} {numbers.points(need)}"
    if short is not None:
        zh += f"，差 {numbers.points(short)} 分"
        en += f", {numbers.points(short)} short"
    return ConditionResult("min_score", name, "min_score", met, total, need, short, Bilingual(zh, en), prov)


def _condition(
    cond: Condition,
    std: Standard,
    values: Values,
    variant: str,
    scores: Mapping[str, Decimal],
    maxima: Mapping[str, Decimal],
    prov: str,
) -> ConditionResult:
    name = Bilingual(cond.name, cond.name_en or cond.name)
    actual: Val = None
    subject: str | None = cond.value or cond.score
    zh_subject = en_subject = subject or ""
    if cond.value is not None:  # named before it is read: a missing value says which
        zh_subject, en_subject = values.label(cond.value, "zh"), values.label(cond.value, "en")
    try:
        if cond.value is not None:
            actual = values.get(cond.value)
        elif cond.score is not None:
            actual = scores.get(cond.score, Decimal(0))
            zh_subject, en_subject = f"{cond.score} 得分", f"score of {cond.score}"
        else:
            codes = cond.score_sum or []
            subject = "+".join(codes)
            actual = sum((scores.get(c, Decimal(0)) for c in codes), Decimal(0))
            zh_subject, en_subject = f"{subject} 得分合计", f"sum of scores {subject}"
    except (MissingValue, ZeroDivision) as exc:
        if _required(cond, variant, maxima) is None and _test(cond) != "equals":
            return _not_applicable(cond, name, None, prov, subject)  # whatever the value
        why_zh = "缺少数据" if isinstance(exc, MissingValue) else "无法计算（除以零）"
        why_en = "not given" if isinstance(exc, MissingValue) else "cannot be computed (division by zero)"
        return ConditionResult(
            cond.id,
            name,
            _test(cond),
            False,
            None,
            _required(cond, variant, maxima),
            None,
            Bilingual(f"{zh_subject}：{why_zh}", f"{en_subject}: {why_en}"),
            prov,
            subject,
        )
    test = _test(cond)
    required = _required(cond, variant, maxima)
    if required is None and test != "equals":
        return _not_applicable(cond, name, actual, prov, subject)
    if test == "equals":
        met = bool(actual) == cond.equals
        zh = f"{zh_subject}：{numbers.value(actual, 'zh')}（要求 {numbers.value(cond.equals, 'zh')}）"
        en = f"{en_subject}: {numbers.value(actual, 'en')} (required {numbers.value(cond.equals, 'en')})"
        return ConditionResult(cond.id, name, test, met, actual, cond.equals, None, Bilingual(zh, en), prov, subject)
    if not isinstance(required, Decimal):  # only `equals` tests a yes/no value
        raise TypeError(f"condition {cond.id}: a numeric bound is needed")
    num = Decimal(int(actual)) if isinstance(actual, bool) else actual if actual is not None else Decimal(0)
    if test == "at_most":
        met = num <= required
        short = None if met else num - required
        sign = "≤" if met else ">"
    else:
        met = num >= required
        short = None if met else required - num
        sign = "≥" if met else "<"
    show = numbers.points if cond.value is None else numbers.value
    zh = f"{zh_subject} {show(num)} {sign} {show(required)}"
    en = f"{en_subject} {show(num)} {sign} {show(required)}"
    if test == "full_marks":
        zh += "（满分）"
        en += " (full marks)"
    if short is not None:
        zh += f"，差 {show(short)}"
        en += f", short by {show(short)}"
    return ConditionResult(cond.id, name, test, met, num, required, short, Bilingual(zh, en), prov, subject)


def _not_applicable(cond: Condition, name: Bilingual, actual: Val, prov: str, subject: str | None) -> ConditionResult:
    """A condition whose bound is null for the library's variant: it never blocks (met None)."""
    return ConditionResult(
        cond.id,
        name,
        _test(cond),
        None,
        actual,
        None,
        None,
        Bilingual("不适用于本类图书馆", "does not apply to this variant"),
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
