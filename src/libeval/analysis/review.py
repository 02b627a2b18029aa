"""What a review did to the pass it reviews, for the reviewer's report (复核意见): the indicators
it accepted and the ones whose points it changed, each with the team's own reasons; the facts it
corrected and the ones it verified; the items it marked not applicable. Pure: results in.

Only what the review itself wrote counts as the team's: an award or a note it inherited from the
pass it reviews is the library's, never shown as the team's opinion.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from libeval.models.assessment import Assessment
from libeval.models.result import CorrectionResult, FactResult, IndicatorResult, Result
from libeval.text.bilingual import Bilingual


@dataclass(frozen=True)
class Adjusted:
    """An indicator whose points (or status) the review changed, with what the team wrote."""

    before: IndicatorResult  # in the reviewed pass
    after: IndicatorResult  # in the review
    note: str | None  # the team's note on its award (never an inherited one)
    level: str | None  # the team's level, when it awarded one
    not_applicable: str | None  # the team's reason for marking it not applicable
    corrections: tuple[CorrectionResult, ...]  # the team's corrections of facts it reads

    @property
    def delta(self) -> Decimal:
        return self.after.score - self.before.score


@dataclass(frozen=True)
class Checked:
    """A fact the team corrected or verified: as the reviewed pass scored it, and as the review does."""

    correction: CorrectionResult
    before: FactResult | None
    after: FactResult | None


@dataclass(frozen=True)
class NotApplicable:
    code: str
    name: Bilingual
    reason: str
    inherited: bool = False  # marked by the pass it reviews, and left so by the review


@dataclass(frozen=True)
class Review:
    result: Result  # the review, scored
    reviewed: Result  # the pass it reviews, scored
    accepted: tuple[IndicatorResult, ...]  # points and status as the reviewed pass had them
    adjusted: tuple[Adjusted, ...]
    corrected: tuple[Checked, ...]  # a new value
    verified: tuple[Checked, ...]  # checked on site, the value kept
    not_applicable: tuple[NotApplicable, ...]  # marked by the review itself
    restated: int  # accepted indicators whose award the team restated


def _is_verified(c: CorrectionResult) -> bool:
    """Checked on site, the value kept (a verified fact given a new value counts as corrected)."""
    return not c.changed


def review(result: Result, reviewed: Result, written: Assessment, effective: Assessment | None = None) -> Review:
    """The review `result` (its assessment as written: `written`; as scored, inheriting: `effective`)
    against the pass it reviews."""
    before = {i.code: i for i in reviewed.indicators}
    own = {c.fact: c for c in result.corrections if c.fact in written.corrections}
    accepted: list[IndicatorResult] = []
    adjusted: list[Adjusted] = []
    restated = 0
    for i in result.indicators:
        b = before.get(i.code)
        if b is not None and b.score == i.score and b.status == i.status:
            accepted.append(i)
            restated += i.code in written.judged
            continue
        award = written.judged.get(i.code)
        adjusted.append(
            Adjusted(
                before=b if b is not None else i,
                after=i,
                note=award.note if award else None,
                level=award.level if award else None,
                not_applicable=written.not_applicable.get(i.code),
                corrections=tuple(own[f] for f in i.facts if f in own and not _is_verified(own[f])),
            )
        )
    checks = [Checked(c, reviewed.fact(c.fact), result.fact(c.fact)) for c in own.values()]
    by_code = {i.code: i for i in result.indicators}
    return Review(
        result=result,
        reviewed=reviewed,
        accepted=tuple(accepted),
        adjusted=tuple(adjusted),
        corrected=tuple(c for c in checks if not _is_verified(c.correction)),
        verified=tuple(c for c in checks if _is_verified(c.correction)),
        not_applicable=tuple(
            NotApplicable(code, by_code[code].name, reason, code not in written.not_applicable)
            for code, reason in {**(effective.not_applicable if effective else {}), **written.not_applicable}.items()
            if code in by_code and by_code[code].status == "not_applicable"
        ),
        restated=restated,
    )
