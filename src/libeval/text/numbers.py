"""Exact decimals as people read them: 775.3, 84,000, 0.0179."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

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
