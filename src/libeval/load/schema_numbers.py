"""The number fields of the JSON schemas, written in the grammar `check` reads numbers by
(text/number_grammar.py): a number, or text that matches the grammar's pattern. One source, so
the editor flags exactly what `check` refuses (`value: about 600`, `population: lots`) and
accepts what it reads (`seats: "260个"`, `population: "140,000"`, full-width digits).
"""

from __future__ import annotations

from typing import Any

from libeval.text import number_grammar as grammar

LIMIT = 1e15  # models/common.LIMIT: every number of a file is at most this in size
Branches = list[dict[str, Any]]


def number(minimum: float = -LIMIT, maximum: float = LIMIT, **more: Any) -> dict[str, Any]:
    return {"type": "number", "minimum": minimum, "maximum": maximum, **more}


def written(pattern: str) -> dict[str, Any]:
    """Text in the grammar: `1,200`, `2.5万`, `600㎡`, `１２００`."""
    return {"type": "string", "pattern": pattern}


def scalar() -> Branches:
    """A fact's value as any fact may have it: yes/no, a number, or either written as text."""
    return [{"type": "boolean"}, number(), written(grammar.FACT)]


def years(values: Branches) -> dict[str, Any]:
    """Per-year values: keys are years as written (2016, 2016年), values as `values`."""
    return {"type": "object", "propertyNames": {"pattern": grammar.YEAR}, "additionalProperties": {"anyOf": values}}


def points(maximum: float = LIMIT) -> Branches:
    """Awarded points: a number, or text like `11分`, `１１`."""
    return [number(0, maximum), written(grammar.amount("分"))]


def _set(prop: dict[str, Any], branches: Branches) -> None:
    """A property's type replaced by `branches` (null kept where the field may be left empty)."""
    nullable = any(b.get("type") == "null" for b in prop.get("anyOf", ()))
    for key in ("anyOf", "type", "pattern", "minimum", "maximum", "gt", "le"):
        prop.pop(key, None)
    prop["anyOf"] = [*branches, {"type": "null"}] if nullable else branches


def entry(props: dict[str, Any]) -> None:
    """A fact entry's or a correction's `value` and `years`."""
    _set(props["value"], scalar())
    _set(props["years"], [years(scalar())])


def apply(schema: dict[str, Any], kind: str) -> None:
    """Every number field of a library or assessment schema, in the grammar."""
    defs = schema.get("$defs", {})
    props = schema["properties"]
    if kind == "library":
        _set(props["population"], [number(exclusiveMinimum=0, maximum=1e10), written(grammar.amount("人"))])
        _set(props["year"], [{"type": "integer", "minimum": 1000, "maximum": 9999}, written(grammar.YEAR)])
        entry(defs["FactValue"]["properties"])
    if kind == "assessment":
        _set(defs["Award"]["properties"]["points"], points())
        entry(defs["Correction"]["properties"])


def fact_value(fact_type: str) -> Branches:
    """The value of one fact of a standard, by its type: yes/no, or a number (whole, at most 100)."""
    if fact_type == "boolean":
        return [{"type": "boolean"}, written(grammar.BOOLEAN)]
    more: dict[str, Any] = {"multipleOf": 1} if fact_type == "integer" else {}
    return [number(maximum=100 if fact_type == "percent" else LIMIT, **more), written(grammar.NUMBER)]
