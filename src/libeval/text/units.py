"""Units as a reader sees them: `㎡` in Chinese and `m²` in English, English units in English
output, and a value counted in thousands (千册次) shown whole in its base unit.

A standard writes a unit as its author likes (`m2`, `册（件）`, `千册次`) and may give `unit_en`;
`display_unit` is the one place that turns it into the unit shown (docs/typography.md).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

AREA = frozenset({"m2", "m^2", "m²", "㎡", "平方米", "平米"})

# English for the units of Chinese statistics; a count of things (个) needs none in English
ENGLISH: dict[str, str] = {
    "个": "",
    "台": "units",
    "册": "items",
    "件": "items",
    "册（件）": "items",
    "册(件)": "items",
    "册次": "items",
    "人次": "visits",
    "人": "people",
    "场": "events",
    "次": "times",
    "种": "titles",
    "篇": "papers",
    "项": "items",
    "小时": "hours",
    "学时": "hours",
    "元": "yuan",
    "册/人": "items per person",
    "册次/人": "items per person",
    "分": "points",
    "年": "years",
    "座": "seats",
    "平方米": "m²",
}

# a unit after the number 1 in English: `1 award`, `1 time`, `1 person`, not `1 awards`
SINGULAR: dict[str, str] = {
    "units": "unit",
    "items": "item",
    "visits": "visit",
    "people": "person",
    "events": "event",
    "times": "time",
    "titles": "title",
    "papers": "paper",
    "hours": "hour",
    "points": "point",
    "years": "year",
    "seats": "seat",
    "awards": "award",
}


def counted(number: str, unit: str, lang: str) -> str:
    """The unit as it reads after `number`: singular after a bare 1 in English (`1 award`)."""
    if lang == "en" and number in ("1", "+1", "−1", "-1"):
        return SINGULAR.get(unit, unit)
    return unit


def with_unit(number: str, unit: str, lang: str) -> str:
    """A number already written and the unit shown after it: `600 ㎡`, `88%`, `14 万人` (no
    space after 万), `1 award`; the number alone when there is no unit or no value (`—`)."""
    unit = counted(number, unit, lang)
    if not unit or number == "—":
        return number
    if unit in ("%", "‰") or number.endswith("万"):
        return number + unit
    return f"{number} {unit}"


_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
THOUSAND = "千"  # 千册次: counted in thousands, shown whole in 册次


def _folded(unit: str) -> str:
    return unicodedata.normalize("NFKC", unit).strip()


def display_unit(unit: str | None, lang: str, unit_en: str | None = None) -> str:
    """The unit shown: `m2` -> `㎡` (zh) / `m²` (en); in English `unit_en` when the standard gives
    one, else the English of a common Chinese unit (`个` -> nothing, `台` -> `units`), else the
    unit as the standard's author wrote it."""
    if lang == "en":
        if unit_en:
            return "m²" if unit_en in AREA else unit_en
        if not unit:
            return ""
        if unit in AREA or _folded(unit) in AREA:
            return "m²"
        english = ENGLISH.get(unit, ENGLISH.get(_folded(unit), unit))
        return "" if _CJK.search(english) else english  # never a Chinese unit in English output
    if not unit:
        return unit_en or ""
    return "㎡" if unit in AREA or _folded(unit) in AREA else unit


@dataclass(frozen=True, slots=True)
class Unit:
    """A value's unit as the standard writes it, in Chinese and (optionally) in English."""

    zh: str = ""
    en: str = ""

    @property
    def thousands(self) -> bool:
        """Counted in thousands (千册次): its values are shown whole, ×1000, in the base unit."""
        return len(self.zh) > 1 and self.zh.startswith(THOUSAND)

    @property
    def percent(self) -> bool:
        return _folded(self.zh or self.en) == "%"

    def _wan_en(self, lang: str) -> bool:
        """万元 in English: shown in yuan (`55,000 yuan`, not `5.5 10,000 yuan`)."""
        return lang == "en" and self.large and (not self.en or self.en.startswith("10,000 "))

    def scale(self, d: Decimal, lang: str = "zh") -> Decimal:
        """The value in the unit shown (5.125 千册次 -> 5125 册次; 5.5 万元 in English -> 55,000 yuan)."""
        if self.thousands:
            return d * 1000
        return d * 10000 if self._wan_en(lang) else d

    def get(self, lang: str) -> str:
        """The unit as the standard writes it, displayed in `lang` (㎡, `thousand items`): the
        unit of a value shown as given, beside a fact's figures."""
        return display_unit(self.zh, lang, self.en)

    def shown(self, lang: str) -> str:
        """The unit of a value in running text, after `scale` (千册次 -> 册次)."""
        if self._wan_en(lang):
            return self.en.removeprefix("10,000 ") if self.en else display_unit(self.zh[1:], lang)
        if not self.thousands:
            return display_unit(self.zh, lang, self.en)
        base = self.zh[1:]
        en = self.en.removeprefix("thousand ").removeprefix("thousands of ") if self.en else ""
        return display_unit(base, lang, en if en != self.en else None)

    @property
    def large(self) -> bool:
        """A unit that is itself a multiple (万元): its numbers are never written in 万 again."""
        return len(self.zh) > 1 and self.zh[:1] in ("万", "亿")


NONE = Unit()
POINTS = Unit("分", "points")
