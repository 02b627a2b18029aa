"""The number fields of the JSON schemas, written in the grammar `check` reads numbers by
(text/number_grammar.py): a number, or text that matches the grammar's pattern. One source, so
the editor flags exactly what `check` refuses (`value: about 600`, `population: lots`) and
accepts what it reads (`seats: "260个"`, `population: "140,000"`, full-width digits).
"""

from __future__ import annotations

from typing import Any

from libeval.text import number_grammar as grammar
from libeval.text import reading

LIMIT = 1e15  # models/common.LIMIT: every number of a file is at most this in size


# What yaml-language-server says of text the pattern refuses (its own message shows the pattern)
FACT_TEXT = "无法读作数值：可写 1200、1,200、2.5万、600㎡ 或 是/否 — not a number: write 1200, 1,200, 2.5万, 600㎡, yes"
POINTS_TEXT = "无法读作分数：可写 9、9分、9.5 — not points: write e.g. 9, 9分 or 9.5"
AMOUNT_TEXT = "无法读作数值：可写 140000、140,000、14万 — not a number: write e.g. 140000, 140,000 or 14万"
YEAR_TEXT = "无法读作年份：写作 2016 或 2016年 — not a year: write e.g. 2016"


def value(
    types: list[str], pattern: str, minimum: float = -LIMIT, maximum: float = LIMIT, said: str = FACT_TEXT, **more: Any
) -> dict[str, Any]:
    """One schema, no `anyOf`: a number within its bounds, or text in the grammar (`pattern`
    applies to text only, the bounds to numbers only), so an editor's hover shows the field once
    and its message names the pattern."""
    bounds = {"minimum": minimum, "maximum": maximum} if "number" in types or "integer" in types else {}
    return {"type": types, "pattern": pattern, "patternErrorMessage": said, **bounds, **more}


def scalar() -> dict[str, Any]:
    """A fact's value as any fact may have it: yes/no, a number, or either written as text."""
    return value(["boolean", "number", "string"], grammar.FACT)


def years(values: dict[str, Any]) -> dict[str, Any]:
    """Per-year values: keys are years as written (2016, 2016年), values as `values`."""
    # yaml-language-server checks a key written as a number (2016) as a number: the bounds
    keys = {"pattern": grammar.YEAR, "patternErrorMessage": YEAR_TEXT, "minimum": 1000, "maximum": 9999}
    return {"type": "object", "propertyNames": keys, "additionalProperties": values}


def points(maximum: float = LIMIT) -> dict[str, Any]:
    """Awarded points: a number, or text like `11分`, `１１`."""
    return value(["number", "string"], grammar.amount("分"), 0, maximum, said=POINTS_TEXT)


def replace(prop: dict[str, Any], schema: dict[str, Any]) -> None:
    """A property's type replaced by `schema`, its description kept."""
    for key in ("anyOf", "type", "pattern", "minimum", "maximum", "gt", "le", "propertyNames", "additionalProperties"):
        prop.pop(key, None)
    prop.update(schema)


def _set(prop: dict[str, Any], schema: dict[str, Any]) -> None:
    """A property's type replaced by `schema` (null kept where the field may be left empty)."""
    nullable = any(b.get("type") == "null" for b in prop.get("anyOf", ()))
    replace(prop, schema)
    if nullable:
        prop["type"] = [*schema["type"], "null"] if isinstance(schema["type"], list) else [schema["type"], "null"]


def entry(props: dict[str, Any]) -> None:
    """A fact entry's or a correction's `value` and `years`."""
    _set(props["value"], scalar())
    _set(props["years"], years(scalar()))


def apply(schema: dict[str, Any], kind: str) -> None:
    """Every number field of a library or assessment schema, in the grammar."""
    defs = schema.get("$defs", {})
    props = schema["properties"]
    if kind == "library":
        population = value(["number", "string"], grammar.amount("人"), 0, 1e10, said=AMOUNT_TEXT)
        _set(props["population"], population | {"exclusiveMinimum": 0})
        _set(props["year"], value(["integer", "string"], grammar.YEAR, 1000, 9999, said=YEAR_TEXT))
        entry(defs["FactValue"]["properties"])
    if kind == "assessment":
        _set(defs["Award"]["properties"]["points"], points())
        entry(defs["Correction"]["properties"])


def fact_value(fact_type: str, unit: str | None) -> dict[str, Any]:
    """The value of one fact of a standard, by its type: yes/no, or a number (whole, at most 100)
    with nothing or the fact's unit after it (`600㎡`, `600 平方米` for m2; not `600个`)."""
    if fact_type == "boolean":
        return value(["boolean", "string"], grammar.BOOLEAN)
    more: dict[str, Any] = {"multipleOf": 1} if fact_type == "integer" else {}
    pattern = grammar.number_in(reading.unit_spellings(unit)) if unit else grammar.NUMBER
    said = FACT_TEXT if not unit else f"{FACT_TEXT}；单位：{unit}"
    return value(["number", "string"], pattern, maximum=100 if fact_type == "percent" else LIMIT, said=said, **more)
