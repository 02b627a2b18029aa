"""JSON Schema of the three file kinds, for editors (yaml-language-server) and CI.

Generated from the pydantic models, with a description in Chinese and English on every field
the user writes. With a standard, the library schema knows that standard's facts (names,
units, per year or not) and the assessment schema its judged indicators, so an editor
completes them and flags a misspelt one.
"""

from __future__ import annotations

import copy
from typing import Any, Literal

from pydantic import BaseModel

from libeval.models import Assessment, Judged, Library, StandardSpec
from libeval.scoring.standard import Standard

Kind = Literal["standard", "library", "assessment"]

DESCRIPTIONS: dict[str, str] = {
    # library
    "name": "名称 — name (Chinese)",
    "name_en": "英文名称 — name in English, for --lang en",
    "level": "级别：province 省级 / city 地市级 / county 县级 / children 少儿馆 — level",
    "province": "省份 — province",
    "region": "地区：east 东部 / central 中部 / west 西部 — region",
    "attributes": "其他分类属性（标准声明时）— other variant attributes the standard declares",
    "population": "服务人口（人）— service population; `population` in formulas",
    "criteria": "评估标准：内置标准的 id 或标准文件路径 — the standard: a bundled id or a path",
    "year": "评估年份 — year of the evaluation",
    "note": "备注 — note",
    "facts": "事实数据：事实 id → 数值 — facts by id",
    "value": "数值（单一值）— a single value",
    "years": "逐年数值：年份 → 数值 — per-year values",
    "unit": "单位（须与标准一致）— unit (must match the standard)",
    "source": "出处，如报告章节 — where the value comes from",
    "evidence": "证明材料：目录内的相对路径或 http(s) 网址 — evidence: paths inside the folder or http(s) URLs",
    "estimated": "估计值（非报告数据）— an estimate, not reported data",
    # assessment
    "assessor": "评估者：self 自评 / prefecture 州（市）评 / city 市评 / province 省评 / ministry / other — who",
    "by": "评估人或评估小组 — the assessor's name or team",
    "date": "评估日期（YYYY-MM-DD）— date of the assessment",
    "judged": "评定类指标的得分：编号 → 分数或等级 — points of the judged indicators by code",
    "not_applicable": "不适用的指标：编号 → 理由（仅限标准允许者）— indicators marked not applicable, with the reason",
    "corrections": "事实更正：事实 id → 新值与理由 — fact corrections with a reason each",
    "points": "得分 — points awarded",
    "reason": "更正理由 — the reason for the correction",
    # standard
    "id": "标识（英文）— identifier",
    "title": "标题 — title",
    "title_en": "英文标题 — title in English",
    "round": "评估轮次 — evaluation round",
    "period": "评估周期（起止年份）— evaluation period (first and last year)",
    "total": "基础总分 — base total",
    "precision": "计算得分保留的小数位 — decimal places of computed points",
    "variant": "分类依据（默认按地区）— what per-variant numbers are keyed by (region by default)",
    "provenance": "数值来源：official 官方（须注明出处）/ reconstructed 重建 — "
    "official (with a citation) or reconstructed",
    "citation": "官方出处 — where the official value is published",
    "rationale": "重建理由 — why a reconstructed value is what it is",
    "derived": "派生值：由事实计算的公式 — values computed from facts",
    "formula": "公式：数字、事实 id、+ - * /、括号、mean/sum/min/max/latest/first/growth — formula",
    "parts": "评估部分（部分 → 分组 → 指标）— the parts of the tree",
    "bonus": "加分项（封顶）— bonus items, capped",
    "grades": "等级（从高到低）— grades, highest first",
    "code": '编号（文本，如 "1.10"）— code, as text',
    "max": "满分 — maximum points",
    "rule": "评分规则 — scoring rule",
    "children": "下级 — children",
    "capped": "下级合计封顶于 max — the children's sum is capped at max",
    "min_score": "最低总分（可按地区）— minimum total, per variant if needed",
    "prerequisites": "必备条件 — prerequisite conditions",
}


def _describe(node: Any) -> None:
    """Add the bilingual descriptions to every property of every object in the schema."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict):
            for key, sub in props.items():
                if key in DESCRIPTIONS and isinstance(sub, dict):
                    sub["description"] = DESCRIPTIONS[key]
        for value in node.values():
            _describe(value)
    elif isinstance(node, list):
        for value in node:
            _describe(value)


def _scalar_or(ref: dict[str, Any]) -> dict[str, Any]:
    # `floor_area: 600` is short for `floor_area: {value: 600}`
    return {"anyOf": [ref, {"type": "number"}, {"type": "boolean"}]}


def json_schema(kind: Kind, std: Standard | None = None) -> dict[str, Any]:
    models: dict[str, type[BaseModel]] = {"standard": StandardSpec, "library": Library, "assessment": Assessment}
    model = models[kind]
    schema = copy.deepcopy(model.model_json_schema())
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    _describe(schema)
    schema["title"] = {
        "standard": "libeval standard (评估标准)",
        "library": "libeval library.yaml (图书馆事实数据)",
        "assessment": "libeval assessment (评估记录)",
    }[kind]
    props = schema["properties"]
    if kind == "library":
        facts = _mapping(props["facts"], _scalar_or({"$ref": "#/$defs/FactValue"}))
        if std is not None:
            _known(facts, {f.id: _fact_text(f) for f in std.spec.facts})
    if kind == "assessment":
        judged = _mapping(props["judged"], _award(_value_schema(props["judged"])))
        not_applicable = _mapping(props["not_applicable"], _value_schema(props["not_applicable"]))
        corrections = _mapping(props["corrections"], _value_schema(props["corrections"]))
        if std is not None:
            codes = [c for c in std.leaves if isinstance(std.nodes[c].node.rule, Judged)]
            _known(judged, {c: _node_text(std, c) for c in codes})
            _known(not_applicable, {c: _node_text(std, c) for c in std.leaves if std.nodes[c].node.not_applicable})
            _known(
                corrections,
                {f.id: _fact_text(f) for f in std.spec.facts} | {"population": DESCRIPTIONS["population"]},
            )
    return schema


def _value_schema(prop: dict[str, Any]) -> dict[str, Any]:
    """The schema of the values of a mapping property (pydantic writes patternProperties)."""
    pattern = prop.get("patternProperties")
    value: dict[str, Any] = {}
    if pattern:
        value = dict(next(iter(pattern.values())))
    elif isinstance(prop.get("additionalProperties"), dict):
        value = dict(prop["additionalProperties"])
    return value


def _mapping(prop: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """A mapping property whose keys follow its pattern and whose values are `values`."""
    pattern = prop.pop("patternProperties", None)
    if pattern:
        prop["propertyNames"] = {"pattern": next(iter(pattern))}
    prop["additionalProperties"] = values
    return prop


def _known(prop: dict[str, Any], names: dict[str, str]) -> None:
    """Only these keys, each described, so an editor completes them and flags the rest."""
    values = prop["additionalProperties"]
    prop["properties"] = {key: dict(values) | {"description": text} for key, text in names.items()}
    prop["additionalProperties"] = False
    prop.pop("propertyNames", None)


def _award(ref: dict[str, Any]) -> dict[str, Any]:
    # `"3.4.2": 10` is short for `"3.4.2": {points: 10}`
    return {"anyOf": [ref, {"type": "number", "minimum": 0}]}


def _fact_text(f: Any) -> str:
    unit = f"，{f.unit}" if f.unit else ""
    yearly = "，按年填写 years" if f.per_year else ""
    en = f.name_en or f.id
    return f"{f.name}{unit}{yearly} — {en}{' (per year: years)' if f.per_year else ''}"


def _node_text(std: Standard, code: str) -> str:
    node = std.nodes[code].node
    return f"{node.name}（满分 {node.max}）— {node.name_en or node.name} (max {node.max})"
