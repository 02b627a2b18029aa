"""Turn pydantic validation errors into located problems.

Each error's `loc` is followed through the YAML data to a line and column (see
`Source.mark`); messages are built from `errors(include_input=False)` so that aliased or huge
input is never expanded into a message.
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from libeval.errors import Problem, problem
from libeval.load.yaml_source import Source
from libeval.text.messages import CATALOGUE
from libeval.text.numbers import plain

M = TypeVar("M", bound=BaseModel)

_EN = {
    "decimal_parsing": "expected a number",
    "decimal_type": "expected a number",
    "finite_number": "expected a finite number (not infinity or NaN)",
    "int_parsing": "expected a whole number",
    "int_type": "expected a whole number",
    "int_from_float": "expected a whole number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "date_parsing": "expected a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "expected a date (YYYY-MM-DD)",
    "date_type": "expected a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "expected a date (YYYY-MM-DD)",
    "list_type": "expected a list",
    "dict_type": "expected a mapping (key: value)",
    "model_type": "expected a mapping (key: value)",
    "model_attributes_type": "expected a mapping (key: value)",
    "string_pattern_mismatch": "does not match the pattern {pattern}",
    "greater_than_equal": "must be at least {ge}",
    "greater_than": "must be greater than {gt}",
    "less_than_equal": "must be at most {le}",
    "too_short": "needs at least {min_length} item(s)",
    "literal_error": "must be one of {expected}",
    "union_tag_invalid": "unknown kind '{tag}'; expected one of {expected_tags}",
    "union_tag_not_found": "missing the '{discriminator}' key",
    "decimal_max_places": "too many decimal places",
}

_ZH = {
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "finite_number": "应为有限的数（不能是无穷大或 NaN）",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "date_type": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_inexact": "应为日期（YYYY-MM-DD）",
    "list_type": "应为列表",
    "dict_type": "应为映射（键: 值）",
    "model_type": "应为映射（键: 值）",
    "model_attributes_type": "应为映射（键: 值）",
    "string_pattern_mismatch": "格式不符：{pattern}",
    "greater_than_equal": "应不小于 {ge}",
    "greater_than": "应大于 {gt}",
    "less_than_equal": "应不大于 {le}",
    "too_short": "至少需要 {min_length} 项",
    "literal_error": "应为以下之一：{expected}",
    "union_tag_invalid": "“{tag}”不是已知的类型：{expected_tags}",
    "union_tag_not_found": "缺少类型字段“{discriminator}”",
    "decimal_max_places": "小数位过多",
}


def _vocabulary(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> set[str]:
    """Every field name of a model and of the models nested in it (for "did you mean")."""
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    names: set[str] = set()
    for name, info in model.model_fields.items():
        names.add(info.alias or name)
        for sub in _nested_models(info.annotation):
            names |= _vocabulary(sub, seen)
    return names


def _nested_models(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    stack = [annotation]
    while stack:
        tp = stack.pop()
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            found.append(tp)
        stack.extend(getattr(tp, "__args__", ()) or ())
        meta = getattr(tp, "__metadata__", None)
        if meta is not None:
            stack.append(getattr(tp, "__origin__", None))
    return found


def did_you_mean(word: str, choices: Any) -> str:
    """The closest known name, or "" (rendered as "did you mean ..." in the message's language)."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else ""


def _data_path(src: Source, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    node: Any = src.data
    path: tuple[Any, ...] = ()
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            path, node = (*path, part), node[part]
    return path


def to_problems(src: Source, exc: ValidationError, model: type[BaseModel]) -> list[Problem]:
    vocabulary = _vocabulary(model)
    by_path: dict[tuple[Any, ...], ErrorDetails] = {}
    for err in exc.errors(include_input=False, include_url=False):
        loc = tuple(err["loc"])
        # A union reports one error per member at the same place: keep the most telling one.
        key = (*_data_path(src, loc), err["type"] == "missing" and loc[-1])
        kept = by_path.get(key)
        if kept is None or (kept["type"].endswith("_type") and not err["type"].endswith("_type")):
            by_path[key] = err
    out: list[Problem] = []
    for err in by_path.values():
        loc = tuple(err["loc"])
        kind = err["type"]
        ctx = err.get("ctx") or {}
        if kind == "missing":
            out.append(problem(src.path, src.mark(loc[:-1]), "missing-key", key=str(loc[-1])))
        elif kind == "extra_forbidden":
            name = str(loc[-1])
            out.append(
                problem(
                    src.path, src.mark(loc, key=True), "unknown-key", key=name, suggest=did_you_mean(name, vocabulary)
                )
            )
        elif kind == "string_type":
            out.append(problem(src.path, src.mark(loc), "not-string"))
        elif kind in CATALOGUE:  # our own errors raised inside models (PydanticCustomError)
            where = loc if kind != "unit-conflict" else (*loc, "unit")
            out.append(problem(src.path, src.mark(where), kind, **ctx))
        else:
            detail = _explain(_EN, kind, ctx, err["msg"])
            detail_zh = _explain(_ZH, kind, ctx, err["msg"])
            out.append(problem(src.path, src.mark(loc), "wrong-type", detail=detail, detail_zh=detail_zh))
    return out


def _explain(table: dict[str, str], kind: str, ctx: dict[str, Any], fallback: str) -> str:
    template = table.get(kind)
    if template is None:
        return fallback
    shown = {k: plain(v) if isinstance(v, Decimal) else v for k, v in ctx.items()}
    try:
        return template.format(**shown)
    except (KeyError, IndexError):
        return fallback


def validate(model: type[M], src: Source) -> tuple[M | None, list[Problem]]:
    try:
        return model.model_validate(src.data), []
    except ValidationError as exc:
        return None, to_problems(src, exc, model)
