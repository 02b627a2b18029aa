"""`libeval schema`: the JSON Schema of a file kind, optionally knowing one standard."""

from __future__ import annotations

import json
from typing import cast

from libeval.commands.outcome import Outcome, standard_arg
from libeval.load.schemas import Kind, json_schema


def run(kind: str, criteria: str | None) -> Outcome:
    """`kind` is standard, library or assessment; `criteria` a standard's id or path."""
    std = standard_arg(criteria) if criteria else None
    return Outcome(json.dumps(json_schema(cast(Kind, kind), std), ensure_ascii=False, indent=2) + "\n", kind="json")
