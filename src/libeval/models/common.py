"""Field types shared by the models."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Strict, StringConstraints
from pydantic_core import PydanticCustomError

from libeval.text.reading import amount, year

# Text must be written as text: a code such as 1.10 written without quotes would be read as a
# number and lose its trailing zero, so numbers are refused where text is expected.
Text = Annotated[str, Strict(), StringConstraints(min_length=1)]
Code = Annotated[str, Strict(), StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z._-]*$")]
Ident = Annotated[str, Strict(), StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]

# Every number of a file (a fact, a threshold, points) is 0 or between 1e-15 and 1e15 in size:
# beyond either end it is a typing accident (1e999999), would not print as a number, and one
# such number divided by another could overflow the decimals every rule computes with.
LIMIT = Decimal("1e15")
TINY = Decimal("1e-15")


def _not_tiny(d: Decimal) -> Decimal:
    if d and abs(d) < TINY:
        raise PydanticCustomError("tiny-number", "must be 0 or at least {tiny} in size", {"tiny": "1e-15"})
    return d


Number = Annotated[Decimal, Field(allow_inf_nan=False, ge=-LIMIT, le=LIMIT), AfterValidator(_not_tiny)]
NonNegative = Annotated[Decimal, Field(allow_inf_nan=False, ge=0, le=LIMIT), AfterValidator(_not_tiny)]
Positive = Annotated[Decimal, Field(allow_inf_nan=False, gt=0, le=LIMIT), AfterValidator(_not_tiny)]
# A year key or the evaluation year: 2016, "2016", "2016年"; 16 is refused with the fix (2016).
Year = Annotated[int, BeforeValidator(year)]
# Awarded points, written as a number or as text like the facts ("11", "11分", "１１").
Points = Annotated[NonNegative, BeforeValidator(amount("分"))]

# One value for every variant of library, or one per variant (region by default);
# null for a variant means "does not apply to that variant".
Variant = NonNegative | dict[str, NonNegative | None]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=False, defer_build=True)


def new_list() -> list[Any]:
    """A fresh empty list, as a default factory. Not `list` itself: pydantic reads a factory's
    signature, and reading a builtin's first compiles the tokenizer's patterns (~5 ms of every
    start-up); a Python function's costs nothing."""
    return []
