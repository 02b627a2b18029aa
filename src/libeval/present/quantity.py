"""A value with its unit, as the diff and the batch report show it: `600 ㎡`, `88%`, `46,000 册次`.

A unit is written after a space, except `%` which follows the number; `m2` is shown `㎡` (`m²`
in English); in English output a unit in Chinese characters is left out rather than shown
(`260`, not `260 个`).
"""

from __future__ import annotations

from decimal import Decimal

from libeval.text import numbers, units
from libeval.text.bilingual import Bilingual
from libeval.text.units import Unit, display_unit


def unit_text(unit: Unit | Bilingual | str, lang: str) -> str:
    """The unit as shown in `lang` ("" when there is none to show): text/units.display_unit."""
    if isinstance(unit, Unit):
        return unit.get(lang)
    if isinstance(unit, str):
        return display_unit(unit.strip(), lang)
    return display_unit(unit.zh.strip(), lang, unit.en.strip() or None)


def amount(value: Decimal | bool | None, unit: Unit | Bilingual | str, lang: str) -> str:
    """`600 ㎡`, `88%`, `是`; `—` for a value not given."""
    text = numbers.value(value, lang)
    if value is None or isinstance(value, bool):
        return text
    return with_unit(text, unit, lang)


def with_unit(text: str, unit: Unit | Bilingual | str, lang: str) -> str:
    """A number already written (`46,000`) with its unit."""
    return units.with_unit(text, unit_text(unit, lang), lang)
