"""A library (library.yaml): who it is, which standard it is assessed against, and its facts."""

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, Strict, field_validator, model_validator
from pydantic_core import PydanticCustomError

from libeval.models.common import Ident, Model, Number, Text, Year, new_list
from libeval.text.choices import LEVEL_WORDS, clipped
from libeval.text.reading import amount, read_entry

# Strict bool: a 1 in a number fact must stay the number 1, never become `true`. Facts are
# `Number`s: 0 or between 1e-15 and 1e15 in size, like every number of a standard.
FactNumber = Number
Scalar = Annotated[bool, Strict()] | FactNumber


class FactValue(Model):
    """One fact: a single `value` or per-year `years`, with where it comes from.

    `estimated: true` marks a value nobody reported (a plausible fill-in), so that it can
    never pass for a reported one.
    """

    value: Scalar | None = None
    years: dict[Year, Scalar] | None = None
    unit: str | None = None
    source: str | None = None
    evidence: list[Text] = Field(default_factory=new_list)
    estimated: bool = False
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        # `floor_area: 600` is short for `floor_area: {value: 600}`; "600㎡" and "2.5万" are read
        return read_entry(data if isinstance(data, dict) else {"value": data})


class Library(Model):
    name: Text
    name_en: Text | None = None
    level: Literal["province", "city", "county", "children"]  # 县级, 县 or county: read as county
    province: Text | None = None
    # The region (where the standard varies by region, the default) and a standard's other
    # attributes, as written: 西部 or west. Loading reads them as the standard's ids
    # (load/regions.py), and follows the region from the province where the standard maps them.
    region: Text | None = None
    region_reason: Text | None = None  # why the region differs from the one the province has
    attributes: dict[Ident, Text | None] = Field(default_factory=dict)  # None: to be chosen
    # written like a fact: 140000, 14万, "140,000", 14万人
    population: Annotated[Number, Field(gt=0, le=Decimal("1e10")), BeforeValidator(amount("人"))] | None = None
    criteria: Text
    year: Year | None = None
    note: str | None = None
    facts: dict[Ident, FactValue] = Field(default_factory=dict)

    @field_validator("level", mode="before")
    @classmethod
    def _level_word(cls, data: Any) -> Any:
        if not isinstance(data, str):
            return data
        level = LEVEL_WORDS.read(data)
        if level is None:
            choices, suggest = LEVEL_WORDS.choices(), LEVEL_WORDS.suggest(data)
            raise PydanticCustomError(
                "unknown-library-level",
                "unknown level",
                {"got": clipped(data), "expected": choices, "suggest": suggest},
            )
        return level
