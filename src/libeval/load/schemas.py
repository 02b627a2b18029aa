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

from libeval.load import schema_numbers, schema_standard
from libeval.load.schema_texts import DESCRIPTIONS
from libeval.models import Assessment, Library, StandardSpec
from libeval.scoring.standard import Standard
from libeval.text.choices import LEVEL_WORDS, REGION_EXTRA, Words, words
from libeval.text.labels import region_label

Kind = Literal["standard", "library", "assessment"]


def _describe(schema: dict[str, Any], root: str) -> None:
    """Give every property of every object its own bilingual description."""
    defs = [(root, schema), *schema.get("$defs", {}).items()]
    for model, node in defs:
        for key, sub in (node.get("properties") or {}).items():
            text = DESCRIPTIONS.get(f"{model}.{key}") or DESCRIPTIONS.get(key)
            if text is not None and isinstance(sub, dict):
                sub["description"] = text


def _scalar_or(ref: dict[str, Any]) -> dict[str, Any]:
    # `floor_area: 600` (or "600㎡") is short for `floor_area: {value: 600}`
    return {"anyOf": [ref, schema_numbers.scalar()]}


# The regions of a standard that does not say otherwise (a standard's own: with --criteria)
_REGIONS = words({r: region_label(r) for r in ("east", "central", "west")}, REGION_EXTRA)
_DEF_TEXT = {
    "FactValue": "事实：单一值 value 或逐年 years，及出处与证明材料 — a fact: a value or per-year values, with its "
    "source and evidence",
    "Award": "评定：得分 points 或等级 level，及评估意见 — an award: points or a level, with a note",
    "Correction": "事实更正：新值与理由 — a fact correction: the new value and the reason",
}


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
    props, defs = schema["properties"], schema.get("$defs", {})
    for name, text in _DEF_TEXT.items():
        if name in defs:
            defs[name]["description"] = text
    if kind != "standard":
        schema_numbers.apply(schema, kind)
    if kind == "library":
        _mapping(props["facts"], _scalar_or({"$ref": "#/$defs/FactValue"}))
        _words(props["level"], LEVEL_WORDS)
        _words(props["region"], std.region_words if std is not None else _REGIONS)
        if std is not None:
            schema_standard.library(props, defs, std)
            if std.provinces:
                props["province"]["examples"] = [n for ns in (std.spec.variant.provinces or {}).values() for n in ns]
    if kind == "assessment":
        judged = _mapping(props["judged"], _award(_value_schema(props["judged"])))
        not_applicable = _mapping(props["not_applicable"], _value_schema(props["not_applicable"]))
        corrections = _mapping(props["corrections"], _value_schema(props["corrections"]))
        for prop in (judged, not_applicable, corrections):  # written empty: `corrections:` and comments
            prop["type"] = ["object", "null"]
        if std is not None:
            schema_standard.assessment(props, defs, std)
            _known(not_applicable, {c: _node_title(std, c) for c in std.leaves if std.nodes[c].node.not_applicable})
            facts = {f.id: (f"{f.id} {f.name}", schema_standard.fact_text(f)) for f in std.spec.facts}
            _known(corrections, facts | {"population": ("population 服务人口", DESCRIPTIONS["Library.population"])})
    _branches(schema)
    return schema


def _branches(schema: dict[str, Any]) -> None:
    """A property's title and description copied into each `$ref` branch of its `anyOf`:
    yaml-language-server's hover shows the referenced definition's text there, not the field's."""
    for node in [schema, *schema.get("$defs", {}).values()]:
        for prop in (node.get("properties") or {}).values():
            if not isinstance(prop, dict) or "description" not in prop:
                continue
            for branch in (b for b in prop.get("anyOf", ()) if "$ref" in b):
                branch.setdefault("description", prop["description"])
                if "title" in prop:
                    branch.setdefault("title", prop["title"])


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


def _known(prop: dict[str, Any], names: dict[str, tuple[str, str]]) -> None:
    """Only these keys, each with its title and description (in every branch), so an editor
    completes them, shows what each is, and flags the rest."""
    values = prop["additionalProperties"]
    branches = values.get("anyOf", [values])
    prop["properties"] = {
        key: schema_standard.described(copy.deepcopy(branches), title, text) for key, (title, text) in names.items()
    }
    prop["additionalProperties"] = False
    prop.pop("propertyNames", None)


def _award(ref: dict[str, Any]) -> dict[str, Any]:
    # `"3.4.2": 10` (or "10分") is short for `"3.4.2": {points: 10}`
    return {"anyOf": [ref, schema_numbers.points()]}


def _node_title(std: Standard, code: str) -> tuple[str, str]:
    return f"{code} {std.nodes[code].node.name}", schema_standard.indicator_text(std, code)
