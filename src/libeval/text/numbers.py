"""Exact decimals as people read them: 775.3, 84,000, 0.0179; and numbers in running text.

Two kinds of numbers are shown (docs/typography.md, "Numbers"):
- in tables of facts and points (`plain`, `points`, `value`, `fact`): the full figure, `46,000`,
  at most 2 decimals (4 significant digits below 1); points are exact (`775.3`);
- in running text, the explanations, grade conditions and plan lines (`running`, `amount`,
  `compare`), after GB/T 15835: at most 3 significant figures (`0.0104`, not `0.01036`), whole
  digits never rounded away except in 万; in Chinese a number from 10,000 up in 万 (`4.6 万`,
  `8 万`); a percentage with at most one decimal and no space (`2.1%`); a unit counted in
  thousands shown whole in its base unit (5.125 千册次 -> `5,125 册次`); `㎡`/`m²` for m2. Numbers
  shown side by side (a value and its bound, and the shortfall) share their precision: two
  different numbers never look the same, and the shortfall has the decimals of what it is the
  difference of (`0.0104 < 0.015，差 0.0046`).
The JSON output keeps exact numbers (`to_json`); rounded text never goes into a JSON number.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, localcontext

from libeval.text.units import NONE, Unit, with_unit

# Beyond these sizes a number is shown with an exponent (1.235e+60): no file holds one (they
# are limited to 1e-15..1e15), only a derived value can, and its digits would mean nothing.
BIG = 18
SMALL = -16


def _scientific(d: Decimal) -> str:
    """Four significant digits and an exponent: 1.235e+60, 1e-20."""
    mantissa, exponent = format(d, ".3e").split("e")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}e{exponent}"


def _extreme(d: Decimal) -> bool:
    return d.is_finite() and d != 0 and not SMALL <= d.adjusted() < BIG


@functools.lru_cache(maxsize=8192)
def plain(d: Decimal) -> str:
    """No exponent, no trailing zeros: Decimal('24.0') -> '24', Decimal('775.30') -> '775.3'.
    Exact for any size a file may hold; beyond it, four digits and an exponent."""
    if not d.is_finite():
        return str(d)
    if _extreme(d):
        return _scientific(d)
    text = format(d, "f")  # exact: no context precision involved
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def points(d: Decimal) -> str:
    return plain(d)


def value(d: Decimal | bool | None, lang: str = "zh") -> str:
    """A fact or derived value: thousands separators, at most 2 decimals (4 significant
    digits for values below 1)."""
    if d is None:
        return "—"
    if isinstance(d, bool):
        return ("是" if d else "否") if lang == "zh" else ("yes" if d else "no")
    if _extreme(d):
        return _scientific(d)
    if abs(d) < 1 and d != 0:
        shown = d.quantize(Decimal(10) ** (min(-2, d.adjusted() - 3)), ROUND_HALF_UP)
        return plain(shown)
    shown = d.quantize(Decimal("0.01"), ROUND_HALF_UP)
    whole = plain(shown)
    if "." in whole:
        head, tail = whole.split(".")
        return f"{int(head):,}.{tail}"
    return f"{int(whole):,}"


def fact(
    single: Decimal | bool | None,
    years: Mapping[int, Decimal | bool | None] | None,
    lang: str = "zh",
    period: tuple[int, int] | None = None,
) -> str:
    """A fact as given: its per-year values (`2013: 52,000, 2014: …`; a year not given: `—`) or
    its single value. With the evaluation `period`, a year of it not given shows `—` and a year
    outside it is marked as not counted (`2017: 106,000（不计入）`)."""
    if years and period is not None:
        years = {**dict.fromkeys(range(period[0], period[1] + 1)), **years}
    if years:
        return ", ".join(f"{y}: {value(v, lang)}{_counted(y, period, lang)}" for y, v in sorted(years.items()))
    return value(single, lang)


def _counted(year: int, period: tuple[int, int] | None, lang: str) -> str:
    if period is None or period[0] <= year <= period[1]:
        return ""
    return "（不计入）" if lang == "zh" else " (not counted)"


def figure(d: Decimal | bool | None, unit: Unit = NONE, lang: str = "zh") -> str:
    """A value as in a table of facts, with its unit shown: the full figure (`46,000 册次`,
    `600 ㎡`, `2.14%`, `5,125 册次` for 5.125 千册次)."""
    if d is None or isinstance(d, bool):
        return value(d, lang)
    number = value(unit.scale(d, lang), lang)
    if unit.percent:
        return f"{number}%"
    shown = unit.shown(lang)
    return f"{number} {shown}" if shown else number


def round_points(d: Decimal, places: int) -> Decimal:
    return d.quantize(Decimal(10) ** -places, ROUND_HALF_UP)


def to_json(d: Decimal | bool | None) -> int | float | bool | None:
    """A JSON number whose text is the decimal's (775.3 -> 775.3)."""
    if d is None or isinstance(d, bool):
        return d
    if d == d.to_integral_value():
        return int(d)
    if d.adjusted() >= BIG:  # a derived value beyond any file's numbers: its decimals mean nothing
        return float(d)
    return float(d.quantize(Decimal("1e-10"), ROUND_HALF_UP).normalize())


# Numbers in running text

SIGNIFICANT = 3  # significant figures of a number in running text
WAN = Decimal(10) ** 4  # 万
_WAN_STEP = Decimal(100)  # in 万 at most 2 decimals: a finer step shows the whole figure


def step(d: Decimal, lang: str = "zh") -> Decimal:
    """The rounding step of `d` in running text: 3 significant figures, whole digits kept (in
    Chinese, from 10,000 up, 3 significant figures of the number in 万)."""
    if not d.is_finite() or d == 0:
        return Decimal(1)
    e = d.adjusted() - (SIGNIFICANT - 1)
    if lang == "zh" and abs(d) >= WAN:
        return Decimal(10) ** e
    return Decimal(10) ** min(0, e)


def _quantized(d: Decimal, s: Decimal) -> Decimal:
    """`d` rounded half-up to a multiple of the step `s` (a power of ten), exactly."""
    with localcontext() as ctx:
        ctx.prec = 80  # a file's numbers (1e-15..1e15) at any step down to 1e-15: no context rounding
        return d.quantize(s, ROUND_HALF_UP) if s < 1 else (d / s).quantize(Decimal(1), ROUND_HALF_UP) * s


def _grouped(d: Decimal) -> str:
    text = plain(d)
    if "e" in text:  # beyond any file's numbers: four digits and an exponent
        return text
    sign = "-" if text.startswith("-") else ""
    head, dot, tail = text.lstrip("-").partition(".")
    return f"{sign}{int(head):,}{dot}{tail}"


def running(d: Decimal, lang: str = "zh", at: Decimal | None = None, large: bool = False) -> str:
    """`d` in running text, rounded to its own step, or to `at` when given (the common step of
    numbers shown together): `0.0104`, `2.14`, `5,125`; in Chinese `5.8 万` (not when `large`: the
    unit is 万元)."""
    if _extreme(d):
        return _scientific(d)
    s = step(d, lang) if at is None else at
    shown = _quantized(d, s)
    if lang == "zh" and not large and abs(shown) >= WAN and s >= _WAN_STEP:
        return f"{plain(shown / WAN)} 万"
    if s > 1:  # not in 万: whole digits are never rounded away (a gap of 750 stays 750)
        shown = _quantized(d, min(s, step(d, "en")))
    return _grouped(shown)


def _percent_at(d: Decimal, at: Decimal | None) -> Decimal | None:
    """A percentage keeps at most one decimal from 1 up (`2.1%`), unless needed to tell it apart."""
    if at is not None:
        return at
    return max(step(d), Decimal("0.1")) if abs(d) >= 1 else None


def amount(
    d: Decimal | bool | None, unit: Unit = NONE, lang: str = "zh", at: Decimal | None = None, points: bool = False
) -> str:
    """A value with its unit in running text: `5.8 万册次`, `600 ㎡`, `2.1%`, `5,125 册次`,
    `0.414 册次/人`. `at`: a common rounding step (from `compare`). `points`: the percentage
    points between two percentages (`2 个百分点`)."""
    if d is None:
        return "—"
    if isinstance(d, bool):
        return value(d, lang)
    large = unit.large and lang == "zh"  # 万元: whole figures in Chinese; yuan in English
    d = unit.scale(d, lang)
    if unit.percent:
        number = running(d, lang, _percent_at(d, at))
        if points:
            return f"{number} 个百分点" if lang == "zh" else f"{number} percentage points"
        return f"{number}%"
    number = running(d, lang, at, large)
    return with_unit(number, unit.shown(lang), lang)


def compare(actual: Decimal, bound: Decimal, unit: Unit = NONE, lang: str = "zh") -> Decimal:
    """The common rounding step of a value and its bound (in the unit shown): each keeps its 3
    significant figures, finer when two different numbers would otherwise look the same; the
    shortfall is shown at this step too (`0.0104 < 0.015，差 0.0046`)."""
    a, b = unit.scale(actual, lang), unit.scale(bound, lang)
    zh = "zh" if lang == "zh" and not unit.large else "en"
    at = min(step(a, zh), step(b, zh))
    if _extreme(a) or _extreme(b):  # shown with an exponent: no common step
        return at
    if unit.percent:
        at = min(_percent_at(a, None) or at, _percent_at(b, None) or at)
    while a != b and _quantized(a, at) == _quantized(b, at) and at > Decimal("1e-15"):
        at /= 10
    return at


def shown_pair(actual: Decimal, bound: Decimal, unit: Unit, lang: str) -> tuple[str, str, str]:
    """A value, its bound and the gap between them as running text, at one common step."""
    at = compare(actual, bound, unit, lang)
    gap = abs(actual - bound)
    return amount(actual, unit, lang, at), amount(bound, unit, lang, at), amount(gap, unit, lang, at, points=True)


def each(per: Decimal, unit: Unit = NONE) -> str:
    """`每 5 个`, `每 2 `: what a per-unit rule counts, in Chinese, ready for `计 3 分`."""
    text = f"每 {amount(per, unit, 'zh')}"
    return text if re.search(r"[\u4e00-\u9fff]$", text) else text + " "


def percent(ratio: float | Decimal) -> str:
    """A relative change as a percentage, one decimal, with its sign: `+37.9%`."""
    pct = Decimal(str(ratio)) * 100
    sign = "+" if pct >= 0 else "-"
    return f"{sign}{_grouped(abs(pct).quantize(Decimal('0.1'), ROUND_HALF_UP))}%"
