"""An assessment (assessments/<name>.yaml): one assessor's awards and fact corrections."""

import datetime as dt
from typing import Any, Literal

from pydantic import Field, model_validator

from libeval.models.common import Code, Ident, Model, Points, Text, Year
from libeval.models.library import Scalar
from libeval.text.reading import read_entry


class Award(Model):
    points: Points | None = None
    level: Text | None = None
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return data if isinstance(data, dict) else {"points": data}


class Correction(Model):
    value: Scalar | None = None
    years: dict[Year, Scalar] | None = None
    unit: str | None = None  # written after the value (600㎡) or given; checked against the fact's
    reason: Text

    @model_validator(mode="before")
    @classmethod
    def _written(cls, data: Any) -> Any:
        return read_entry(data)


class Assessment(Model):
    assessor: Literal["self", "prefecture", "city", "province", "ministry", "other"]
    by: str | None = None
    date: dt.date
    note: str | None = None
    judged: dict[Code, Award] = Field(default_factory=dict)
    not_applicable: dict[Code, Text] = Field(default_factory=dict)
    corrections: dict[Ident, Correction] = Field(default_factory=dict)
