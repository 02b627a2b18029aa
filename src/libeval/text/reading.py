"""Numbers the way people write them in Excel, WPS and chat apps, read when unambiguous.

    "８００" -> 800          full-width digits (NFKC)
    "1,200" -> 1200         thousands separators, only in groups of three
    "2.5万" -> 25000        万 (1e4), 亿 (1e8), 千 (1e3)
    "600㎡", "600 平方米" -> 600 with unit m2
    "85%" -> 85 with unit %
    "是" / "否" / "有" / "无" -> true / false

Anything else ("about 600", "12,00", "1.2.3") is an error, never a guess and never a zero.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic_core import PydanticCustomError

_NUMBER = re.compile(r"^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)\s*(万|亿|千)?\s*(.*)$")
_SCIENTIFIC = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+$")
# a unit starts with a letter (any script) or %: "50,00" or "1.2.3" are not a number and a unit
_UNIT = re.compile(r"^(?:%|[^\W\d_])")
_MULTIPLIER = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "千": Decimal(10) ** 3}
_BOOLEAN = {"是": True, "否": False, "有": True, "无": False, "yes": True, "no": False, "true": True, "false": False}
_UNIT_SYNONYMS = {"平方米": "m2", "平米": "m2", "m²": "m2", "平方": "m2", "percent": "%", "个百分点": "%"}


def canonical_unit(unit: str) -> str:
    """A unit compared as written (full-width and ㎡ folded): 平方米 = m2, 册（件） = 册(件)."""
    folded = unicodedata.normalize("NFKC", unit).strip().replace(" ", "")
    return _UNIT_SYNONYMS.get(folded, folded)


def parse(text: str) -> tuple[Decimal | bool, str | None]:
    """(value, unit written after it or None); raises PydanticCustomError when unreadable."""
    raw = text
    t = unicodedata.normalize("NFKC", text).strip()
    if t.lower() in _BOOLEAN:
        return _BOOLEAN[t.lower()], None
    if _SCIENTIFIC.match(t):
        return Decimal(t), None
    m = _NUMBER.match(t)
    if not m or (m.group(3) and not _UNIT.match(m.group(3).strip())):
        raise PydanticCustomError("number-text", "cannot read {text} as a number", {"text": repr(raw)})
    number, multiplier, unit = m.group(1), m.group(2), m.group(3).strip()
    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only lets numbers through
        raise PydanticCustomError("number-text", "cannot read {text} as a number", {"text": repr(raw)}) from None
    if multiplier:
        if unit.startswith("元"):  # 20万元 is 20 in the unit 万元
            unit = multiplier + unit
        else:
            value *= _MULTIPLIER[multiplier]
    return value, (canonical_unit(unit) if unit else None)


def read_entry(data: Any) -> Any:
    """A fact entry (or a correction) with its written numbers read: `value` and each of `years`.
    A unit written after a number becomes the entry's `unit` (and must agree with one given)."""
    if not isinstance(data, dict):
        return data
    out = dict(data)
    units: set[str] = set()
    if isinstance(out.get("value"), str):
        out["value"], unit = parse(out["value"])
        if unit:
            units.add(unit)
    years = out.get("years")
    if isinstance(years, dict):
        fixed = {}
        for year, v in years.items():
            if isinstance(v, str):
                v, unit = parse(v)
                if unit:
                    units.add(unit)
            fixed[year] = v
        out["years"] = fixed
    given = out.get("unit")
    for unit in sorted(units):
        if given is None or given == "":
            out["unit"] = given = unit
        elif isinstance(given, str) and canonical_unit(given) != unit:
            raise PydanticCustomError(
                "unit-conflict",
                "the value is written in {written} but unit is {given}",
                {"written": unit, "given": given},
            )
    return out
