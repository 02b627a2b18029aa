"""A value with its unit, as the diff and the batch report show it: `600 ㎡`, `88%`, `46,000 册次`.

A unit is written after a space, except `%` which follows the number; `m2` is shown `㎡` (`m²`
in English); in English output a unit in Chinese characters is left out rather than shown
(`260`, not `260 个`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from libeval.text import numbers
from libeval.text.bilingual import Bilingual

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_SHOWN = {"m2": Bilingual("㎡", "m²"), "m^2": Bilingual("㎡", "m²"), "平方米": Bilingual("㎡", "m²")}


def unit_text(unit: Bilingual | str, lang: str) -> str:
    """The unit as shown in `lang` ("" when there is none to show)."""
    if isinstance(unit, str):
        unit = Bilingual(unit, "")
    text = unit.get(lang).strip()
    shown = _SHOWN.get(text)
    if shown is not None:
        return shown.get(lang)
    if lang == "en" and _CJK.search(text):
        return ""
    return text


def amount(value: Decimal | bool | None, unit: Bilingual | str, lang: str) -> str:
    """`600 ㎡`, `88%`, `是`; `—` for a value not given."""
    text = numbers.value(value, lang)
    if value is None or isinstance(value, bool):
        return text
    return with_unit(text, unit, lang)


def with_unit(text: str, unit: Bilingual | str, lang: str) -> str:
    """A number already written (`46,000`) with its unit."""
    u = unit_text(unit, lang)
    if not u or text == "—":
        return text
    return f"{text}{u}" if u in ("%", "‰") else f"{text} {u}"


def short(value: Decimal | bool | None, unit: Bilingual | str, lang: str) -> str:
    """`amount` with at most three significant digits below 1 (`0.0104 册/人`, not `0.01036`),
    as running text wants it."""
    if isinstance(value, Decimal) and value.is_finite() and 0 < abs(value) < 1:
        value = value.quantize(Decimal(10) ** (value.adjusted() - 2))
    return amount(value, unit, lang)
