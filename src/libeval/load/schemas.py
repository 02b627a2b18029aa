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
from libeval.text.choices import LEVEL_WORDS, Words

Kind = Literal["standard", "library", "assessment"]

# A description for every field the user writes, in Chinese and English. "Model.field" where the
# same name means different things in different places; "field" where it means one thing.
DESCRIPTIONS: dict[str, str] = {
    # library.yaml
    "Library.name": "图书馆名称 — the library's name (Chinese)",
    "Library.name_en": "英文名称 — the library's name in English, for --lang en",
    "Library.level": "级别：county 县级 / city 地市级 / province 省级 / children 少儿馆（中文亦可）— level",
    "Library.province": "省份（如 宁夏回族自治区；标准有省份表时据此确定地区）— province (the region follows "
    "from it where the standard maps provinces)",
    "Library.region": "地区：west 西部 / central 中部 / east 东部（写 西部、西 亦可；"
    "标准按地区分类且不能按省份确定时必填）— region: west, 西部 or 西 (needed where the standard "
    "varies by region and the province does not tell)",
    "Library.region_reason": "地区与省份不符的理由（如 享受西部大开发政策）；写明后按所写地区计分 — why the region "
    "differs from the province's (the written region is then used)",
    "Library.attributes": "其他分类属性，如 city_status（标准按其分类时必填）— other variant attributes the standard "
    "declares, e.g. city_status",
    "Library.population": "服务人口（人）— service population; `population` in formulas",
    "Library.criteria": "评估标准：内置标准的 id 或标准文件路径 — the standard: a bundled id or a path",
    "Library.year": "评估年份 — year of the evaluation",
    "Library.note": "备注 — note",
    "Library.facts": "事实数据：事实 id → 数值 — facts by id",
    "FactValue.value": "数值（单一值）— a single value",
    "FactValue.years": "逐年数值：年份 → 数值 — per-year values",
    "FactValue.unit": "单位（须与标准一致）— unit (must match the standard)",
    "FactValue.source": "出处，如报告章节 — where the value comes from",
    "FactValue.evidence": "证明材料：目录内的相对路径或 http(s) 网址 — evidence: paths inside the folder or "
    "http(s) URLs",
    "FactValue.estimated": "估计值（非报告数据）— an estimate, not reported data",
    "FactValue.note": "备注 — note",
    # assessments/<name>.yaml
    "Assessment.assessor": "评估者：self 自评 / prefecture 州（市）评 / city 市评 / province 省评 / ministry 部评 / "
    "other — who assesses",
    "Assessment.by": "评估人或评估小组 — the assessor's name or team",
    "Assessment.date": "评估日期（YYYY-MM-DD）— date of the assessment",
    "Assessment.note": "评估说明 — a note on the whole assessment",
    "Assessment.judged": "评定类指标的得分：编号 → 分数或等级 — points of the judged indicators by code",
    "Assessment.not_applicable": "不适用的指标：编号 → 理由（仅限标准允许者）— indicators marked not applicable, with "
    "the reason",
    "Assessment.inherit": "继承的评估（同一目录下的文件名，如 self）：本评估只写改动 — the assessment this one "
    "inherits from (its file name, e.g. self): this one lists only what it changes",
    "Assessment.members": "评估组成员（复核意见的签字行）— the team's members, for the signature lines",
    "Assessment.corrections": "事实更正：事实 id → 新值与理由 — fact corrections with a reason each",
    "Award.points": "评定得分 — points awarded",
    "Award.level": "评定等级（标准中该指标的等级名，如 好/中/差）— the level awarded (one of the indicator's levels)",
    "Award.note": "评估意见 — the assessor's note",
    "Correction.value": "更正后的数值（单一值）— the corrected single value",
    "Correction.years": "更正后的逐年数值：年份 → 数值 — the corrected per-year values",
    "Correction.unit": "单位（可省略；写在数值后亦可，如 600㎡）— unit (optional; may follow the value, as in 600㎡)",
    "Correction.reason": "更正理由 — the reason for the correction",
    "Correction.verified": "已现场核实，数值不变 — checked on site, the value kept",
    "Correction.evidence": "证明材料：目录内的文件路径或网址 — evidence: paths inside the folder, or URLs",
    "Correction.note": "备注 — a note",
    # a standard
    "StandardSpec.id": "标准标识（小写英文、数字、连字符）— the standard's identifier",
    "StandardSpec.title": "标准名称 — title",
    "StandardSpec.title_en": "英文名称 — title in English",
    "StandardSpec.round": "评估轮次（如 6）— evaluation round",
    "StandardSpec.level": "适用级别：province / city / county / children — the level of library it is for",
    "StandardSpec.period": "评估周期（起止年份）— evaluation period (first and last year)",
    "StandardSpec.total": "基础总分（各部分满分之和）— base total (the parts' maxima add up to it)",
    "StandardSpec.precision": "计算得分保留的小数位（四舍五入）— decimal places of computed points (half up)",
    "StandardSpec.variant": "分类依据：按地区（默认）或其他属性分档 — what per-variant numbers are keyed by",
    "StandardSpec.description": "说明 — description",
    "StandardSpec.facts": "事实目录：标准读取的每项事实 — the catalogue of every fact the standard reads",
    "StandardSpec.derived": "派生值：由事实计算的公式 — values computed from facts",
    "StandardSpec.parts": "评估部分（部分 → 分组 → 指标）— the parts of the tree",
    "StandardSpec.bonus": "加分项（封顶）— bonus items, capped",
    "StandardSpec.grades": "等级（从高到低）— grades, highest first",
    "provenance": "数值来源：official 官方（须有出处，可继承）/ reconstructed 重建 — official (with a citation, "
    "inherited) or reconstructed",
    "citation": "官方出处（下级继承）— where the official value is published (inherited below)",
    "rationale": "重建理由 — why a reconstructed value is what it is",
    "Period.start": "评估周期第一年 — first year of the period",
    "Period.end": "评估周期最后一年 — last year of the period",
    "VariantSpec.by": "分类属性：region（默认）或 library.yaml 中 attributes 下的键 — the library attribute the "
    "variants are keyed by: region (default) or a key under `attributes`",
    "VariantSpec.name": "分类属性的名称（如 城市类型）— what the attribute is called",
    "VariantSpec.values": "各类别：列表，或 id → 名称 {zh, en} — the variants: a list, or id → names",
    "VariantSpec.provinces": "各地区所含省份：地区 → 省份简称列表（如 west: [内蒙古, 广西]）；"
    "据此确定并核对图书馆的地区 — the provinces of each region (short names), from which a "
    "library's region follows and is checked",
    "Label.zh": "中文名称 — name in Chinese",
    "Label.en": "英文名称 — name in English",
    "FactDef.id": "事实标识（小写英文）— fact id",
    "FactDef.name": "事实名称 — fact name",
    "FactDef.name_en": "英文名称 — name in English",
    "FactDef.unit": "单位（如 册、人次、m2）— unit",
    "FactDef.unit_en": "英文单位 — unit in English",
    "FactDef.type": "类型：number 数值 / integer 整数 / boolean 是否 / percent 百分比 — type",
    "FactDef.per_year": "按年填报 — given per year of the period",
    "FactDef.aggregate": "逐年数值的汇总：mean 年均 / sum 合计 / latest 最近一年 / max / min — how years aggregate",
    "FactDef.better": "越高越好（higher）或越低越好（lower）— whether more is better",
    "FactDef.profile": "在报告的基本情况中显示 — shown in the report's profile",
    "FactDef.structural": "结构性事实（需新建、扩建或增编）— changes only with a building or an establishment plan",
    "FactDef.description": "说明 — description",
    "Derived.id": "派生值标识 — derived value id",
    "Derived.name": "派生值名称 — name",
    "Derived.name_en": "英文名称 — name in English",
    "Derived.unit": "单位 — unit",
    "Derived.unit_en": "英文单位 — unit in English",
    "Derived.formula": "公式：数字、事实 id、+ - * /、括号、mean/sum/min/max/latest/first/growth — formula",
    "Derived.better": "越高越好（higher）或越低越好（lower）— whether more is better",
    "Derived.description": "说明 — description",
    "Node.code": '编号（文本，如 "1.10"）— code, as text',
    "Node.name": "名称 — name",
    "Node.name_en": "英文名称 — name in English",
    "Node.max": "满分 — maximum points",
    "Node.rule": "评分规则（指标）— scoring rule (an indicator)",
    "Node.children": "下级（分组）— children (a group)",
    "Node.capped": "下级合计封顶于 max — the children's sum is capped at max",
    "Node.not_applicable": "评估者可标为不适用：full_marks 按满分计 / excluded 不计入总分 — may be marked not "
    "applicable by an assessor: counted at full marks, or left out",
    "Node.description": "评分标准原文 — the scoring text as published",
    "Tiers.kind": "分档 — tiers: the highest band reached wins",
    "Tiers.value": "读取的事实或派生值 — the fact or derived value read",
    "Tiers.bands": "各档（门槛从高到低）— bands, highest threshold first",
    "Tiers.better": "higher：达到门槛即得分；lower：不超过门槛即得分 — higher: at least the threshold; lower: at most",
    "Band.at": "门槛（可按类别；null 表示该类不适用）— threshold (per variant; null: does not apply)",
    "Band.points": "该档得分 — points of the band",
    "Linear.kind": "按比例：满分 × 数值 / 目标值 — linear: max × value / target",
    "Linear.value": "读取的事实或派生值 — the fact or derived value read",
    "Linear.target": "目标值（得满分；可按类别）— the value that gives full marks (per variant)",
    "PerUnit.kind": "按数量：每 per 个单位得 points 分，封顶 — per unit: points for every `per` units, capped",
    "PerUnit.value": "读取的事实或派生值 — the fact or derived value read",
    "PerUnit.points": "每单位得分 — points per unit",
    "PerUnit.per": "单位大小（默认 1）— units per step (default 1)",
    "Boolean.kind": "是否：是则得分 — yes/no: points when the fact is yes",
    "Boolean.value": "读取的是否型事实 — the yes/no fact read",
    "Boolean.points": "是时得分（默认满分）— points when yes (default: max)",
    "Judged.kind": "评定：由评估者评分 — judged: awarded by the assessor",
    "Judged.levels": "评定等级（如 好/中/差 及其分值）— named levels with their points",
    "Judged.guidance": "评分指引 — guidance for the assessor",
    "Level.name": "等级名称 — level name",
    "Level.name_en": "英文名称 — name in English",
    "Level.points": "该等级得分 — points of the level",
    "Grade.id": "等级标识 — grade id",
    "Grade.name": "等级名称（如 一级）— grade name",
    "Grade.name_en": "英文名称 — name in English",
    "Grade.min_score": "最低总分（可按类别；null 表示不设）— minimum total (per variant; null: none)",
    "Grade.prerequisites": "必备条件 — prerequisites",
    "Condition.id": "条件标识 — condition id",
    "Condition.name": "条件名称（宜写明门槛）— name (best with its threshold)",
    "Condition.name_en": "英文名称 — name in English",
    "Condition.value": "检验的事实或派生值 — the fact or derived value tested",
    "Condition.score": "检验的指标或分组得分（编号）— the points of this indicator or group (code) are tested",
    "Condition.score_sum": "检验这些指标或分组得分之和（编号列表）— the sum of these codes' points is tested",
    "Condition.at_least": "不低于（可按类别；null 表示该类不适用）— at least (per variant; null: does not apply)",
    "Condition.at_most": "不高于（可按类别；null 表示该类不适用）— at most (per variant; null: does not apply)",
    "Condition.full_marks": "须得满分 — the code must have full marks",
    "Condition.equals": "是否型事实须为此值 — a yes/no fact must be this",
}


def _describe(schema: dict[str, Any], root: str) -> None:
    """Give every property of every object its own bilingual description."""
    defs = [(root, schema), *schema.get("$defs", {}).items()]
    for model, node in defs:
        for key, sub in (node.get("properties") or {}).items():
            text = DESCRIPTIONS.get(f"{model}.{key}") or DESCRIPTIONS.get(key)
            if text is not None and isinstance(sub, dict):
                sub["description"] = text


def _scalar_or(ref: dict[str, Any]) -> dict[str, Any]:
    # `floor_area: 600` is short for `floor_area: {value: 600}`
    return {"anyOf": [ref, {"type": "number"}, {"type": "boolean"}]}


def json_schema(kind: Kind, std: Standard | None = None) -> dict[str, Any]:
    models: dict[str, type[BaseModel]] = {"standard": StandardSpec, "library": Library, "assessment": Assessment}
    model = models[kind]
    schema = copy.deepcopy(model.model_json_schema())
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    _describe(schema, model.__name__)
    schema["title"] = {
        "standard": "libeval standard (评估标准)",
        "library": "libeval library.yaml (图书馆事实数据)",
        "assessment": "libeval assessment (评估记录)",
    }[kind]
    props = schema["properties"]
    if kind == "library":
        facts = _mapping(props["facts"], _scalar_or({"$ref": "#/$defs/FactValue"}))
        _words(props["level"], LEVEL_WORDS)
        if std is not None:
            _known(facts, {f.id: _fact_text(f) for f in std.spec.facts})
            _words(props["region"], std.region_words)
            if std.provinces:
                props["province"]["examples"] = [n for ns in (std.spec.variant.provinces or {}).values() for n in ns]
    if kind == "assessment":
        judged = _mapping(props["judged"], _award(_value_schema(props["judged"])))
        not_applicable = _mapping(props["not_applicable"], _value_schema(props["not_applicable"]))
        corrections = _mapping(props["corrections"], _value_schema(props["corrections"]))
        for prop in (judged, not_applicable, corrections):  # written empty: `corrections:` and comments
            prop["type"] = ["object", "null"]
        if std is not None:
            codes = [c for c in std.leaves if isinstance(std.nodes[c].node.rule, Judged)]
            _known(judged, {c: _node_text(std, c) for c in codes})
            _known(not_applicable, {c: _node_text(std, c) for c in std.leaves if std.nodes[c].node.not_applicable})
            _known(
                corrections,
                {f.id: _fact_text(f) for f in std.spec.facts} | {"population": DESCRIPTIONS["Library.population"]},
            )
    return schema


def _words(prop: dict[str, Any], vocabulary: Words) -> None:
    """A property that takes the words of a vocabulary: the ids first, then the other words
    (西部, 县级 ...), so an editor completes them all and flags any other."""
    listed = [*vocabulary.ids, *(vocabulary.labels[i].zh for i in vocabulary.ids), *vocabulary.words]
    enum = list(dict.fromkeys(listed))
    prop.pop("anyOf", None)
    prop.pop("type", None)
    prop["enum"] = enum if "default" not in prop else [*enum, None]


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
