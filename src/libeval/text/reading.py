"""Numbers the way people write them in Excel, WPS and chat apps, read when unambiguous.

    "８００" -> 800          full-width digits (NFKC)
    "1,200" -> 1200         thousands separators, only in groups of three
    "2.5万" -> 25000        万 (1e4), 亿 (1e8), 千 (1e3)
    "600㎡", "600 平方米" -> 600 with unit m2
    "85%" -> 85 with unit %
    "是" / "否" / "有" / "无" -> true / false
    "2016", "2016年", "２０１６" -> the year 2016 (a year key); "16" is refused with the fix (2016)

`number` is the one reading of a number written anywhere (library.yaml, assessments, a
spreadsheet cell); the models read their text through `parse` and `amount`. Text is read only
when it is written in the grammar of text/number_grammar.py, whose patterns the JSON schemas
carry too (load/schema_numbers.py): the editor and `check` accept the same writings.
Anything else ("about 600", "12,00", "1.2.3") is an error, never a guess and never a zero.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic_core import PydanticCustomError

from libeval.text import number_grammar as grammar

_MULTIPLIER = {word: Decimal(10) ** power for word, power in grammar.MULTIPLIERS.items()}
_UNIT_SYNONYMS = {"平方米": "m2", "平米": "m2", "m²": "m2", "平方": "m2", "percent": "%", "个百分点": "%"}


def canonical_unit(unit: str) -> str:
    """A unit compared as written (full-width and ㎡ folded): 平方米 = m2, 册（件） = 册(件)."""
    folded = unicodedata.normalize("NFKC", unit).strip().replace(" ", "")
    return _UNIT_SYNONYMS.get(folded, folded)


_PREFIXES = {"千": Decimal(10) ** 3, "万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}
_ALTERNATIVES = re.compile(r"^(.+)\((.+)\)$")  # 册(件): counted in 册 or in 件


def same_unit(a: str, b: str) -> bool:
    """Two ways of writing one unit: 平方米 and m2, 册 and 册（件）."""
    a, b = canonical_unit(a), canonical_unit(b)
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):
        m = _ALTERNATIVES.match(x)
        if m and y in (m.group(1), m.group(2)):
            return True
    return False


def unit_factor(written: str, target: str) -> Decimal | None:
    """What a number written in `written` is multiplied by to be in `target`: 1 for the same unit,
    0.001 from 册次 to 千册次, 10,000 from 万元 to 元; None for units that are not the same thing."""
    if same_unit(written, target):
        return Decimal(1)
    w, t = canonical_unit(written), canonical_unit(target)
    for prefix, size in _PREFIXES.items():
        if t.startswith(prefix) and len(t) > 1 and same_unit(w, t[1:]):
            return 1 / size
        if w.startswith(prefix) and len(w) > 1 and same_unit(w[1:], t):
            return size
    return None


def unit_spellings(target: str) -> list[str]:
    """What may follow a number of a fact in `target` (check converts it, or it is the same unit):
    the unit as written and by its synonyms and alternatives (㎡, 平方米 for m2; 册 or 件 for
    册（件）), with or without 千/万/亿 before it (4800册次 for 千册次, 20万元 for 万元). Each is
    read by `parse` itself, so the schema's pattern takes exactly what the reader converts."""
    t = canonical_unit(target)
    bases = {target, t, *(w for w, c in _UNIT_SYNONYMS.items() if c == t)}
    bases |= {p + b for p in _PREFIXES for b in list(bases)} | {b[1:] for b in bases if b[:1] in _PREFIXES}
    if t == "m2":
        bases |= {"㎡", "m²"}
    for b in list(bases):
        if m := _ALTERNATIVES.match(canonical_unit(b)):
            bases |= {m.group(1), m.group(2), f"{m.group(1)}（{m.group(2)}）"}
    out = []
    for suffix in sorted({p + b for p in ("", *_PREFIXES) for b in bases if b}):
        written = parse("1" + suffix)[1] if grammar.fact_parts("1" + suffix) else None
        if written is not None and unit_factor(written, target) is not None:
            out.append(suffix)
    return out


def parse(text: str) -> tuple[Decimal | bool, str | None]:
    """(value, unit written after it or None); raises PydanticCustomError when unreadable: text
    is read only when it is written in the grammar (text/number_grammar.py), the one the JSON
    schema's pattern is made of."""
    if grammar.is_boolean(text):
        return grammar.BOOLEANS[unicodedata.normalize("NFKC", text).strip().lower()], None
    if grammar.is_scientific(text):
        try:
            return Decimal(unicodedata.normalize("NFKC", text).strip()), None
        except InvalidOperation:  # an exponent beyond any decimal's (1e1000000000000000000)
            raise PydanticCustomError("number-text", "cannot read {text} as a number", {"text": repr(text)}) from None
    parts = grammar.fact_parts(text)
    if parts is None:
        raise PydanticCustomError("number-text", "cannot read {text} as a number", {"text": repr(text)})
    number, multiplier, unit = parts
    value = Decimal(unicodedata.normalize("NFKC", number).replace(",", ""))
    if multiplier:
        if unit.startswith("元"):  # 20万元 is 20 in the unit 万元
            unit = multiplier + unit
        else:
            value *= _MULTIPLIER[multiplier]
    return value, (canonical_unit(unit) if unit else None)


def number(raw: Any) -> tuple[Decimal | bool, str | None]:
    """A number as written anywhere, as (value, unit written after it or None): a YAML number or
    text, or a spreadsheet cell's number or text. `14万`, `140,000`, `１４００００` and 140000
    all read as 140000; true/false (是/否) stay booleans. Raises PydanticCustomError when unreadable."""
    if isinstance(raw, bool):
        return raw, None
    if isinstance(raw, int):
        return Decimal(raw), None
    if isinstance(raw, float):  # a cell's float: its shortest exact text (0.1 -> 0.1)
        return Decimal(repr(raw)), None
    if isinstance(raw, Decimal):
        return raw, None
    if isinstance(raw, str):
        return parse(raw)
    raise PydanticCustomError("number-text", "cannot read {text} as a number", {"text": repr(str(raw))})


def amount(*units: str) -> Callable[[Any], Any]:
    """A before-validator for a number that is not a fact (service population, awarded points):
    text is read as `parse` reads it; a unit written after it must be one of `units`
    (`14万人`, `11分`). Anything not text is left to the field's own type."""

    def read(data: Any) -> Any:
        if not isinstance(data, str):
            return data
        value, unit = parse(data)
        if isinstance(value, bool):
            raise PydanticCustomError("number-text", "cannot read {text} as a number", {"text": repr(data)})
        if unit is not None and unit not in units:
            raise PydanticCustomError(
                "amount-unit", "written in {got}, but it is a number of {expected}", {"got": unit, "expected": units[0]}
            )
        return value

    return read


_YEAR_SUFFIX = re.compile(r"\s*年度?$")


def year(data: Any) -> Any:
    """A year as written: 2016, '2016', '2016年', '２０１６'. A two-digit year (16) is refused with
    the fix (2016), and so is anything else that is not a four-digit year. Other types are left to
    the field's own type."""
    if isinstance(data, bool) or not isinstance(data, int | str):
        return data
    written = str(data)
    text = _YEAR_SUFFIX.sub("", unicodedata.normalize("NFKC", written).strip())
    if grammar.matches(grammar.YEAR, written):
        return int(text)
    if text.isascii() and text.isdigit() and len(text) <= 2:
        n = int(text)
        fix = 2000 + n if n < 70 else 1900 + n
        raise PydanticCustomError(
            "year-short", "{written} is not a year: write {fix}", {"written": written, "fix": fix}
        )
    raise PydanticCustomError("not-a-year", "{written} is not a year", {"written": written})


def _duplicate_years(years: dict[Any, Any]) -> None:
    """Two keys that name one year (2016 and 2016年) would silently keep only one value."""
    seen: dict[int, str] = {}
    for key in years:
        try:
            y = year(key)
        except PydanticCustomError:
            continue  # said at the key itself
        if isinstance(y, int) and y in seen:
            raise PydanticCustomError(
                "duplicate-year",
                "year {year} is written twice ({first}, {second})",
                {"year": y, "first": seen[y], "second": str(key)},
            )
        if isinstance(y, int):
            seen[y] = str(key)


def read_entry(data: Any) -> Any:
    """A fact entry (or a correction) with its written numbers read: `value` and each of `years`.
    A unit written after a number becomes the entry's `unit` (and must agree with one given)."""
    if not isinstance(data, dict):
        return data
    out = dict(data)
    written: list[tuple[Any, str]] = []  # (None for value, or the year key; the unit written after it)
    if isinstance(out.get("value"), str):
        out["value"], unit = parse(out["value"])
        if unit and not isinstance(out["value"], bool):
            written.append((None, unit))
    years = out.get("years")
    if isinstance(years, dict):
        _duplicate_years(years)
        fixed = {}
        for year, v in years.items():
            if isinstance(v, str):
                v, unit = parse(v)
                if unit and not isinstance(v, bool):
                    written.append((year, unit))
            fixed[year] = v
        out["years"] = fixed
    given = out.get("unit")
    target = given if isinstance(given, str) and given != "" else None
    for where, unit in written:
        if target is None:  # no unit given: the first one written is the entry's
            out["unit"] = target = unit
            continue
        factor = unit_factor(unit, target)
        if factor is None:
            raise PydanticCustomError(
                "unit-conflict",
                "the value is written in {written} but unit is {given}",
                {"written": unit, "given": given if given else target},
            )
        if factor != 1:  # 4800册次 where the unit is 千册次: 4.8
            if where is None:
                out["value"] = out["value"] * factor
            else:
                out["years"][where] = out["years"][where] * factor
    return out
