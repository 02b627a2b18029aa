"""A criteria skeleton as YAML: the tree read from a standard's table (load/table_criteria.py)
written as a standard file that `libeval check` accepts, for people to refine.

The keys come in the order a person reads a standard (id, title, level, period, total,
precision, variant, provenance, facts, parts; in each node code, name, max, description,
rule or children); codes are quoted so that "1.10" keeps its digits; Chinese is written as
characters; a multi-line scoring text as a literal block, verbatim.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import yaml

from libeval.load.table_criteria import Item

LONG_TEXT = 60  # characters: a longer scoring text is written as a block too


@dataclass(frozen=True)
class SkeletonMeta:
    id: str
    title: str
    level: str
    period: tuple[int, int]
    source: str  # the table's file name, for the header comment and the rationale
    official: bool = False
    citation: str | None = None


class _Code(str):
    """Written in double quotes."""


class _Block(str):
    """Written as a literal block (|-) when YAML allows it."""


class _Flow(dict[str, Any]):
    """Written on one line: {kind: judged}."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # "  - code:" under "parts:", as people indent


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = format(value.normalize(), "f")
    tag = "int" if value == value.to_integral_value() else "float"
    return dumper.represent_scalar(f"tag:yaml.org,2002:{tag}", text)


# line breaks other than \n that PyYAML writes as they are in plain, single-quoted and block scalars
# (and then reads as line breaks): such text is written double-quoted, where they are escaped
_ODD_BREAKS = frozenset("\x85\u2028\u2029\ufeff")


def _text(dumper: yaml.SafeDumper, text: str, style: str | None = None) -> yaml.ScalarNode:
    if _ODD_BREAKS.intersection(text):
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style=style)


_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_representer(str, _text)
_Dumper.add_representer(_Code, lambda d, s: _text(d, s, '"'))
_Dumper.add_representer(_Block, lambda d, s: _text(d, s, "|"))
_Dumper.add_representer(_Flow, lambda d, m: d.represent_mapping("tag:yaml.org,2002:map", dict(m), flow_style=True))


def precision(parts: list[Item]) -> int:
    """Decimal places of computed points: 1, or as many as the table's points have (at most 4)."""
    places = [max(0, -int(item.max.normalize().as_tuple().exponent)) for p in parts for item in p.walk() if item.max]
    return min(4, max([1, *places]))


def _node(item: Item) -> dict[str, Any]:
    node: dict[str, Any] = {"code": _Code(item.code), "name": item.name, "max": item.max}
    if item.text:
        long = "\n" in item.text or len(item.text) > LONG_TEXT
        node["description"] = _Block(item.text) if long else item.text
    if item.children:
        node["children"] = [_node(child) for child in item.children]
    else:
        node["rule"] = _Flow(kind="judged")
    return node


def _comment(text: str) -> str:
    """Text safe inside a comment line: line breaks and control characters as spaces."""
    return "".join(" " if unicodedata.category(ch)[0] == "C" or ch in "\u2028\u2029\x85" else ch for ch in text)


def _header(meta: SkeletonMeta, parts: list[Item], output: str) -> str:
    title, source, output = _comment(meta.title), _comment(meta.source), _comment(output)
    items = [item for p in parts for item in p.walk()]
    leaves = sum(1 for item in items if not item.children)
    groups = len(items) - leaves - len(parts)
    total = format(sum((p.max or Decimal(0) for p in parts), Decimal(0)).normalize(), "f")
    return "\n".join(
        [
            f"# {title}",
            f"# 评估标准骨架，由 `libeval criteria import` 从 {source} 导入：{len(parts)} 个部分、"
            f"{groups} 个分组、{leaves} 个指标，总分 {total}。",
            f"# A criteria skeleton imported from {source} by `libeval criteria import`: {len(parts)} parts, "
            f"{groups} groups, {leaves} indicators, total {total}.",
            "#",
            "# 下一步 / What to refine next:",
            "#   1. rules  指标暂为 judged（由评估者打分）；按数据计分的改为 tiers / linear / per_unit / boolean。",
            "#             Every indicator is judged for now; score those that rest on data by a rule.",
            "#   2. facts  规则读取的每项事实登记在 facts 目录中（id、名称、单位、是否按年）。",
            "#             List every fact a rule reads in the facts catalogue.",
            "#   3. grades 各等级的最低分与必备条件。 The grades: minimum scores and prerequisites.",
            "#   4. provenance 与官方原文逐项核对；核对过的数值标为 official 并注明 citation。",
            "#             Check each value against the official text; mark checked ones official with a citation.",
            "# description 为原表“评分标准”的原文。 Each description is the table's scoring text, verbatim.",
            f"# 检查 / Check: libeval check {output}",
            "",
            "",
        ]
    )


def skeleton_yaml(meta: SkeletonMeta, parts: list[Item], output: str) -> str:
    """The standard file of a skeleton: every indicator judged, an empty fact catalogue."""
    doc: dict[str, Any] = {
        "id": meta.id,
        "title": meta.title,
        "level": meta.level,
        "period": _Flow(start=meta.period[0], end=meta.period[1]),
        "total": sum((p.max or Decimal(0) for p in parts), Decimal(0)),
        "precision": precision(parts),
        "variant": _Flow(by="region", values=["east", "central", "west"]),
    }
    if meta.official:
        doc["provenance"] = "official"
        doc["citation"] = meta.citation
    else:
        doc["provenance"] = "reconstructed"
        doc["rationale"] = (
            f"由 {meta.source} 导入的骨架（libeval criteria import）；"
            "规则、事实与定级条件待补充，数值未经官方原文逐项核对。"
        )
    doc["facts"] = []
    doc["parts"] = [_node(p) for p in parts]
    body = yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6)
    body = body.replace("\nfacts: []\n", "\nfacts: []  # 事实目录：细化规则时在此登记 · the facts the rules read\n")
    body = body.replace("\nparts:\n", "\n\nparts:\n")
    return _header(meta, parts, output) + body
