"""A standard (评估标准): identity, fact catalogue, derived values, the indicator tree, grades."""

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, Strict, model_validator

from libeval.models.common import Code, Ident, Model, NonNegative, Number, Positive, Text, Variant, new_list

ProvenanceStatus = Literal["official", "reconstructed"]


class Marked(Model):
    """Any node may say whether its numbers are official or reconstructed; unset inherits."""

    provenance: ProvenanceStatus | None = None
    citation: str | None = None
    rationale: str | None = None


class FactDef(Model):
    id: Ident
    name: Text
    name_en: Text | None = None
    unit: Text | None = None
    unit_en: Text | None = None
    type: Literal["number", "integer", "boolean", "percent"] = "number"
    per_year: bool = False
    aggregate: Literal["mean", "sum", "latest", "max", "min"] = "mean"
    better: Literal["higher", "lower"] = "higher"
    profile: bool = False  # shown in the library profile at the top of a report
    structural: bool = False  # changes only with a building or an establishment plan, not within a year
    description: str | None = None


class Derived(Model):
    id: Ident
    name: Text
    name_en: Text | None = None
    unit: Text | None = None
    unit_en: Text | None = None
    formula: Text
    better: Literal["higher", "lower"] = "higher"
    description: str | None = None


class Band(Model):
    at: Variant
    points: NonNegative


class Tiers(Model):
    """Bands on a value; the highest band reached wins; below the lowest band, 0."""

    kind: Literal["tiers"]
    value: Ident
    bands: Annotated[list[Band], Field(min_length=1)]
    better: Literal["higher", "lower"] = "higher"


class Linear(Model):
    """Points in proportion to a target: max x value / target, capped at max."""

    kind: Literal["linear"]
    value: Ident
    target: Variant


class PerUnit(Model):
    """`points` for every `per` units of the value, capped at max."""

    kind: Literal["per_unit"]
    value: Ident
    points: NonNegative
    per: Positive = Decimal(1)


class Boolean(Model):
    """Full points (or `points`) when a yes/no fact is yes."""

    kind: Literal["boolean"]
    value: Ident
    points: NonNegative | None = None


class Level(Model):
    name: Text
    name_en: Text | None = None
    points: NonNegative


class Judged(Model):
    """An assessor awards 0..max, optionally by naming one of the levels."""

    kind: Literal["judged"]
    levels: list[Level] = Field(default_factory=new_list)
    guidance: str | None = None


Rule = Annotated[Tiers | Linear | PerUnit | Boolean | Judged, Field(discriminator="kind")]


class Node(Marked):
    """A part, group or indicator. A leaf has a rule; an inner node has children."""

    code: Code
    name: Text
    name_en: Text | None = None
    max: NonNegative
    rule: Rule | None = None
    children: list["Node"] = Field(default_factory=new_list)
    capped: bool = False
    not_applicable: Literal["full_marks", "excluded"] | None = None
    description: str | None = None


class Condition(Marked):
    """A prerequisite: a value, an indicator's score or a sum of scores against a bound."""

    id: Ident
    name: Text
    name_en: Text | None = None
    value: Ident | None = None
    score: Code | None = None
    score_sum: list[Code] | None = None
    at_least: Variant | None = None
    at_most: Variant | None = None
    full_marks: bool = False
    equals: Annotated[bool, Strict()] | None = None


class Grade(Marked):
    id: Ident
    name: Text
    name_en: Text | None = None
    min_score: Variant
    prerequisites: list[Condition] = Field(default_factory=new_list)


class Period(Model):
    start: Annotated[int, Field(ge=1900, le=2200)]
    end: Annotated[int, Field(ge=1900, le=2200)]


class Label(Model):
    """A readable name: Chinese, and English for `--lang en` (a plain text is the Chinese)."""

    zh: Text
    en: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return {"zh": data} if isinstance(data, str) else data


class VariantSpec(Marked):
    """What the per-variant numbers of a standard are keyed by: the library's `region` (the
    default), or another attribute the library gives under `attributes`, such as a city's
    administrative status. `values` lists the variants, with readable names if wished:
    `values: {sub_provincial: {zh: 副省级城市, en: sub-provincial city}, ...}`.

    `provinces` places each province in a region (`west: [内蒙古, 广西, ...]`, short names): a
    library's region then follows from its province, and a region that disagrees is warned of.
    Its provenance says whether the table is the round's own (official) or reconstructed."""

    by: Ident = "region"
    name: Label | None = None  # what the attribute is called (城市类型); for region: 地区
    values: Annotated[list[Ident], Field(min_length=1)] | Annotated[dict[Ident, Label], Field(min_length=1)] = [
        "east",
        "central",
        "west",
    ]
    provinces: dict[Ident, list[Text]] | None = None

    @property
    def ids(self) -> list[str]:
        return list(self.values)

    def label(self, value: str) -> Label | None:
        """The readable name a standard gives a variant, if it gives one."""
        return self.values.get(value) if isinstance(self.values, dict) else None


class StandardSpec(Marked):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    title: Text
    title_en: Text | None = None
    round: int | None = None
    level: Literal["province", "city", "county", "children"]
    period: Period
    total: NonNegative
    precision: Annotated[int, Field(ge=0, le=4)] = 2
    variant: VariantSpec = VariantSpec()
    description: str | None = None
    facts: list[FactDef]
    derived: list[Derived] = Field(default_factory=new_list)
    parts: Annotated[list[Node], Field(min_length=1)]
    bonus: Node | None = None
    grades: list[Grade] = Field(default_factory=new_list)


__all__ = [
    "Band",
    "Boolean",
    "Condition",
    "Derived",
    "FactDef",
    "Grade",
    "Judged",
    "Label",
    "Level",
    "Linear",
    "Node",
    "Number",
    "PerUnit",
    "Rule",
    "StandardSpec",
    "Tiers",
]
