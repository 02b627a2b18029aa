"""What the schemas know of one standard (`libeval schema library|assessment --criteria ID`):
its facts and its judged indicators as the only keys, each with a hover text and completion.

yaml-language-server shows the title and description of the `anyOf` branch a value matches,
not those written beside the `anyOf`, so every branch carries them: hovering `floor_area`
shows `floor_area 建筑面积` and its unit, hovering `"1.2.1"` the indicator with its levels, and
an award's `level:` completes and hovers the indicator's own levels (好/中/差).
"""

from __future__ import annotations

import copy
from typing import Any

from libeval.load import schema_numbers as numbers
from libeval.models import Judged
from libeval.models.standard import FactDef
from libeval.scoring.standard import Standard
from libeval.text.labels import LABELS
from libeval.text.numbers import plain
from libeval.text.units import display_unit


def described(branches: list[dict[str, Any]], title: str, description: str) -> dict[str, Any]:
    """`anyOf` branches with the title and description a hover shows: beside them, and on a
    `$ref` branch (where the server would show the referenced definition's text instead)."""
    for branch in branches:
        if "$ref" in branch:
            branch["title"], branch["description"] = title, description
        elif branch.get("type") == "object":  # shown beside the wrapper's description
            branch["title"] = title
    return {"anyOf": branches, "title": title, "description": description}


def fact_text(f: FactDef) -> str:
    """`建筑面积，单位 ㎡，单一值 value — Floor area, in m², a single value`."""
    zh_unit, en_unit = display_unit(f.unit, "zh", f.unit_en), display_unit(f.unit, "en", f.unit_en)
    if f.per_year:
        way = LABELS[f"aggregate.{f.aggregate}"]
        zh_how, en_how = f"按年填写 years（计分取{way.zh}）", f"per year: years ({way.en} is scored)"
    else:
        zh_how, en_how = "单一值 value", "a single value"
    zh = f"{f.name}，" + (f"单位 {zh_unit}，" if zh_unit else "") + zh_how
    en = f"{f.name_en or f.id}, " + (f"in {en_unit}, " if en_unit else "") + en_how
    return f"{zh} — {en}"


def fact(f: FactDef, entry: dict[str, Any]) -> dict[str, Any]:
    """One fact's key: its entry (`{value: ..}` or `{years: {..}}` as the fact is given) or the
    value alone, typed as the fact is (yes/no, number, whole number, percentage)."""
    value = numbers.fact_value(f.type, f.unit)
    obj = copy.deepcopy(entry)
    obj.pop("description", None)
    props = obj["properties"]
    if f.per_year:
        props["value"] = {"type": "null", "description": props["value"].get("description", "")}
        numbers.replace(props["years"], numbers.years(value) | {"type": ["object", "null"]})
        branches = [obj]
    else:
        numbers.replace(props["value"], copy.deepcopy(value) | {"type": [*value["type"], "null"]})
        props["years"] = {"type": "null", "description": props["years"].get("description", "")}
        branches = [obj, value]
    return described(branches, f"{f.id} {f.name}", fact_text(f))


def _levels_text(std: Standard, code: str) -> tuple[str, str]:
    rule = std.nodes[code].node.rule
    levels = rule.levels if isinstance(rule, Judged) else []
    if not levels:
        return "", ""
    zh = " / ".join(f"{lv.name} {plain(lv.points)} 分" for lv in levels)
    en = " / ".join(f"{lv.name_en or lv.name} {plain(lv.points)}" for lv in levels)
    return zh, en


def indicator_text(std: Standard, code: str) -> str:
    node = std.nodes[code].node
    zh_levels, en_levels = _levels_text(std, code)
    zh = f"{node.name}，满分 {plain(node.max)} 分" + (f"；等级：{zh_levels}" if zh_levels else "")
    en = f"{node.name_en or node.name}, max {plain(node.max)}" + (f"; levels: {en_levels}" if en_levels else "")
    return f"{zh} — {en}"


def award(std: Standard, code: str, award_def: dict[str, Any]) -> dict[str, Any]:
    """A judged indicator's key: `{points: .., note: ..}` up to its maximum, or `{level: 好}` with
    one of its own levels, or the points alone."""
    node = std.nodes[code].node
    rule = node.rule
    levels = rule.levels if isinstance(rule, Judged) else []
    maximum = float(node.max)
    obj = copy.deepcopy(award_def)
    obj.pop("description", None)
    props = obj["properties"]
    points = numbers.points(maximum)
    numbers.replace(props["points"], points | {"type": [*points["type"], "null"]})
    if levels:
        zh, en = _levels_text(std, code)
        props["level"] = {
            "enum": [*(lv.name for lv in levels), None],
            "title": f"{code} 等级 levels",
            "description": f"{zh} — {en}",
        }
        obj["not"] = {"required": ["points", "level"]}
    else:
        props.pop("level")
    title = f"{code} {node.name}"
    return described([obj, numbers.points(maximum)], title, indicator_text(std, code))


def library(props: dict[str, Any], defs: dict[str, Any], std: Standard) -> None:
    facts = props["facts"]
    facts["properties"] = {f.id: fact(f, defs["FactValue"]) for f in std.spec.facts}
    facts["additionalProperties"] = False
    facts.pop("propertyNames", None)


def assessment(props: dict[str, Any], defs: dict[str, Any], std: Standard) -> None:
    judged = props["judged"]
    codes = [c for c in std.leaves if isinstance(std.nodes[c].node.rule, Judged)]
    judged["properties"] = {c: award(std, c, defs["Award"]) for c in codes}
    judged["additionalProperties"] = False
    judged.pop("propertyNames", None)
