"""An assessment (assessments/<name>.yaml): one assessor's awards and fact corrections."""

import datetime as dt
from typing import Any, Literal

from pydantic import Field, model_validator

from libeval.models.common import Code, Ident, Model, Points, Text, Year, new_list
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
    """An assessor's word on one fact: a new value (`value` or some `years`, with a `reason`), or
    `verified: true` (checked on site, the value kept). A reason alone is neither: `check` refuses
    it (correction-without-value), it never withdraws the fact."""

    value: Scalar | None = None
    years: dict[Year, Scalar] | None = None
    unit: str | None = None  # written after the value (600㎡) or given; checked against the fact's
    verified: bool = False
    reason: Text | None = None
    evidence: list[Text] = Field(default_factory=new_list)  # paths inside the library folder, or URLs
    note: str | None = None

    @property
    def changes(self) -> bool:
        """Whether it states a new value (else it only verifies the value there is)."""
        return self.value is not None or self.years is not None

    @model_validator(mode="before")
    @classmethod
    def _written(cls, data: Any) -> Any:
        return read_entry(data)


class Assessment(Model):
    assessor: Literal["self", "prefecture", "city", "province", "ministry", "other"]
    # the name (file stem) of another assessment of the folder this one lists only its changes to;
    # loading resolves it (load/inherit.py): LibraryFolder.assessments holds the effective ones
    inherit: Text | None = None
    by: str | None = None
    members: list[Text] = Field(default_factory=new_list)  # the team, for the signature lines
    date: dt.date
    note: str | None = None
    judged: dict[Code, Award] = Field(default_factory=dict)
    not_applicable: dict[Code, Text] = Field(default_factory=dict)
    corrections: dict[Ident, Correction] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _empty(cls, data: Any) -> Any:
        # `corrections:` with nothing under it (or only the review's commented checklist) is empty
        if isinstance(data, dict) and any(data.get(k, {}) is None for k in _MAPPINGS):
            return {**data, **{k: {} for k in _MAPPINGS if k in data and data[k] is None}}
        return data


_MAPPINGS = ("judged", "not_applicable", "corrections")
