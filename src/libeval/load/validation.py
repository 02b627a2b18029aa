"""Turn pydantic validation errors into located problems.

Each error's `loc` is followed through the YAML data to a line and column (see
`Source.mark`); messages are built from `errors(include_input=False)` so that aliased or huge
input is never expanded into a message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from libeval.errors import Problem, problem
from libeval.load.yaml_source import Source
from libeval.text.bilingual import Bilingual
from libeval.text.messages import CATALOGUE
from libeval.text.numbers import plain
from libeval.text.suggest import did_you_mean
from libeval.text.words import PATTERNS, TYPE_ERRORS, UNEXPLAINED

M = TypeVar("M", bound=BaseModel)
# errors raised on a whole entry that belong at one of its keys
_AT = {"unit-conflict": "unit", "duplicate-year": "years"}


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


def _data_path(src: Source, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    node: Any = src.data
    path: tuple[Any, ...] = ()
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            path, node = (*path, part), node[part]
    return path


def _inside(src: Source, path: tuple[Any, ...], kind: str, ctx: dict[str, Any]) -> tuple[int, int] | None:
    """Where inside an entry an error raised on the whole entry belongs: the number that cannot be
    read (`{value: lots}`, `years: {2014: 九万}`), the second key of a year written twice."""
    if kind == "number-text":
        found = _find(_node(src, path), lambda _k, v: repr(str(v)) == ctx.get("text"))
        return src.mark((*path, *found)) if found else None
    if kind == "duplicate-year":
        found = _find(_node(src, path), lambda k, v: str(k) == ctx.get("second"))
        return src.mark((*path, *found), key=True) if found else None
    return None


def _node(src: Source, path: tuple[Any, ...]) -> Any:
    node: Any = src.data
    for part in path:
        node = node[part]
    return node


def _find(node: Any, hit: Callable[[Any, Any], bool], depth: int = 3) -> tuple[Any, ...] | None:
    """The path (below `node`, at most `depth` deep) of the first entry `hit(key, value)` picks."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for k, v in items:
        if not isinstance(v, dict | list) and hit(k, v):
            return (k,)
        sub = _find(v, hit, depth - 1) if depth > 1 else None
        if sub is not None:
            return (k, *sub)
    return None


def to_problems(src: Source, exc: ValidationError, model: type[BaseModel]) -> list[Problem]:
    vocabulary = _vocabulary(model)
    by_path: dict[tuple[tuple[Any, ...], Any], ErrorDetails] = {}
    for err in exc.errors(include_input=False, include_url=False):
        loc = tuple(err["loc"])
        # A union reports one error per member at the same place: keep the most telling one.
        key = (_data_path(src, loc), err["type"] == "missing" and loc[-1])
        kept = by_path.get(key)
        if kept is None or (kept["type"].endswith("_type") and not err["type"].endswith("_type")):
            by_path[key] = err
    # ... or an error inside the value (a per-variant mapping's number) and a "not a number" on
    # the value itself: the member the value was written as tells more.
    inside = {path[:i] for path, _ in by_path for i in range(len(path))}
    out: list[Problem] = []
    for (path, _), err in by_path.items():
        if err["type"].endswith("_type") and path in inside:
            continue
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
            where = (*loc, _AT[kind]) if kind in _AT else loc
            at = _inside(src, path, kind, ctx) or src.mark(where, key=loc[-1] == "[key]")
            out.append(problem(src.path, at, kind, **ctx))
        else:
            detail = _explain(kind, ctx, err["msg"])
            at = src.mark(loc[:-1], key=True) if loc[-1:] == ("[key]",) else src.mark(loc)  # a mapping's key
            out.append(problem(src.path, at, "wrong-type", detail=detail))
    return out


def _explain(kind: str, ctx: dict[str, Any], fallback: str) -> Bilingual:
    """pydantic's error in our words; where we have none, its own text in English and general
    words in Chinese."""
    template = TYPE_ERRORS.get(kind)
    if kind == "string_pattern_mismatch" and ctx.get("pattern") in PATTERNS:
        template = PATTERNS[ctx["pattern"]]
    if template is None:
        return Bilingual(UNEXPLAINED, fallback)
    shown = {k: plain(v) if isinstance(v, Decimal) else v for k, v in ctx.items()}
    try:
        en = template.en.format(**shown)
        # 'a', 'b' or 'c' (pydantic's quoting of choices) as “a”、“b”或“c” in Chinese
        quoted = {
            k: re.sub(r"'([^']*)'", r"“\1”", str(v)).replace(", ", "、").replace(" or ", "或") for k, v in shown.items()
        }
        return Bilingual(template.zh.format(**quoted), en)
    except (KeyError, IndexError):
        return Bilingual(UNEXPLAINED, fallback)


def validate(model: type[M], src: Source) -> tuple[M | None, list[Problem]]:
    try:
        return model.model_validate(src.data), []
    except ValidationError as exc:
        return None, to_problems(src, exc, model)
