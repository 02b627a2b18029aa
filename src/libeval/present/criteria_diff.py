"""`libeval criteria diff`: each change as a line and a table row, the JSON contract, the template
context, and every output format in `FORMATS` (dispatch ends in `assert_never`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any, assert_never

from libeval import __version__
from libeval.analysis.standard_diff import Change, StandardDiff, subject
from libeval.models import Band, Condition, Derived, FactDef, Grade, Level, Node
from libeval.present.criteria import rule_summary
from libeval.present.formats import CriteriaDiffFormat
from libeval.scoring.standard import Standard
from libeval.text import numbers
from libeval.text.labels import LABELS, label, labels
from libeval.text.numbers import to_json

SCHEMA_VERSION = 1
SECTION_OF = {"prerequisite": "grade"}  # prerequisites are shown with their grade
SECTIONS = ("standard", "fact", "derived", "node", "grade")
_LABELLED = {
    "rule": "kind.",
    "provenance": "provenance.",
    "aggregate": "aggregate.",
    "better": "better.",
    "type": "type.",
    "level": "level.",
    "not_applicable": "na.",
}


def colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def number(d: Decimal) -> str:
    """Exact, with thousands separators: 80,000, 0.025, 1,234.125 (nothing rounded away)."""
    text = numbers.plain(abs(d))
    head, _, tail = text.partition(".")
    return ("-" if d < 0 else "") + f"{int(head):,}" + (f".{tail}" if tail else "")


def per_variant(value: Any) -> str:
    """One number, or one per variant: `east 850, central 800, west 750`."""
    if isinstance(value, dict):
        return ", ".join(f"{k} {number(v) if v is not None else '—'}" for k, v in value.items())
    return number(value) if isinstance(value, Decimal) else "—"


def describe(item: Any, std: Standard, lang: str) -> str:
    """An item added or removed, in a few words: a node's max and rule, a fact's unit and type."""
    sep = "，" if lang == "zh" else ", "
    if isinstance(item, Node):
        text = f"{label('field.max', lang)} {number(item.max)}"
        if item.rule is not None:  # a judged rule's summary starts with its kind
            kind = "" if item.rule.kind == "judged" else label("kind." + item.rule.kind, lang) + " "
            text += f" · {kind}{rule_summary(item, std, lang)}"
        return text
    if isinstance(item, FactDef):
        parts = [x for x in (item.unit, label("type." + item.type, lang)) if x]
        if item.per_year:
            parts.append(label("field.per_year", lang))
        return sep.join(parts)
    if isinstance(item, Derived):
        return f"{item.id} = {item.formula}"
    if isinstance(item, Grade):
        return f"{label('field.min_score', lang)} {per_variant(item.min_score)}"
    if isinstance(item, Condition):
        if item.full_marks:
            test = label("field.full_marks", lang)
        elif item.equals is not None:
            test = f"= {numbers.value(item.equals, lang)}"
        elif item.at_least is not None:
            test = f"≥ {per_variant(item.at_least)}"
        else:
            test = f"≤ {per_variant(item.at_most)}"
        return f"{subject(item)} {test}"
    if isinstance(item, Band):
        return f"{per_variant(item.at)} → {number(item.points)}"
    if isinstance(item, Level):
        return f"{item.name} {number(item.points)}"
    return str(item)  # pragma: no cover - every kind of item is above


def shown(c: Change, value: Any, std: Standard, lang: str) -> str:
    """One side of a change as text, in the report's language."""
    if value is None:
        if c.field == "not_applicable":
            return label("na.none", lang)
        if c.field == "points":  # a yes/no rule without points gives full marks
            return label("full_points", lang)
        if c.field == "rule":  # a node without a rule holds children
            return label("group", lang)
        return "—"
    if isinstance(value, bool):
        return numbers.value(value, lang)
    if isinstance(value, Decimal):
        return number(value)
    prefix = _LABELLED.get(c.field)
    if isinstance(value, str):
        return label(prefix + value, lang) if prefix and prefix + value in LABELS else value
    return describe(value, std, lang)


def what(c: Change, lang: str) -> str:
    """What changed: the field (with its band or level) and the variant; or added/removed."""
    if c.change != "changed":
        return label("change." + c.change, lang)
    text = label("field." + c.field, lang, item=c.item) if c.item else label("field." + c.field, lang)
    return f"{text} {c.variant}" if c.variant else text


def sides(d: StandardDiff, c: Change, lang: str) -> tuple[str, str]:
    old = shown(c, c.old, d.a, lang) if c.change != "added" else "—"
    new = shown(c, c.new, d.b, lang) if c.change != "removed" else "—"
    return old, new


def change_text(d: StandardDiff, c: Change, lang: str, located: bool = True) -> str:
    """One line: `1.1.1 年文献外借量：分档 1 west 80,000 → 90,000`; `located=False` leaves out
    the code and name (an indicator's own changes, shown beside it)."""
    old, new = sides(d, c, lang)
    lp, rp = ("（", "）") if lang == "zh" else (" (", ")")
    if c.change == "added":
        body = f"{what(c, lang)}{lp}{new}{rp}"
    elif c.change == "removed":
        body = f"{what(c, lang)}{lp}{old}{rp}"
    else:
        body = f"{what(c, lang)} {old} → {new}"
    if not located or not c.code:
        return body
    return f"{c.code} {c.name.get(lang)}{colon(lang)}{body}"


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal | bool) or value is None:
        return to_json(value)
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    if hasattr(value, "model_dump"):  # an added or removed item, without a node's children
        exclude = {"children"} if isinstance(value, Node) else None
        return _json_value(value.model_dump(exclude=exclude, exclude_none=True, exclude_defaults=True))
    return value


def _standard_json(std: Standard, lang: str) -> dict[str, Any]:
    c = std.spec
    recon, total = std.provenance_counts()
    return {
        "id": c.id,
        "title": (c.title_en or c.title) if lang == "en" else c.title,
        "file": std.source.path if std.source else None,
        "reconstructed": recon,
        "values": total,
    }


def change_json(d: StandardDiff, c: Change, lang: str) -> dict[str, Any]:
    return {
        "section": c.section,
        "code": c.code,
        "name": c.name.get(lang),
        "change": c.change,
        "field": c.field or None,
        "item": c.item,
        "variant": c.variant,
        "from": _json_value(c.old),
        "to": _json_value(c.new),
        "text": change_text(d, c, lang),
    }


def criteria_diff_dict(d: StandardDiff, lang: str = "zh") -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "criteria-diff",
        "libeval_version": __version__,
        "from": _standard_json(d.a, lang),
        "to": _standard_json(d.b, lang),
        "identical": d.identical,
        "counts": d.counts(),
        "changes": [change_json(d, c, lang) for c in d.changes],
    }


def side_line(std: Standard, lang: str) -> str:
    """A standard as named in a heading: id, title and file."""
    c = std.spec
    title = (c.title_en or c.title) if lang == "en" else c.title
    where = std.source.path if std.source else c.id
    lp, rp = ("（", "）") if lang == "zh" else (" (", ")")
    return f"{c.id} {title}{lp}{where}{rp}"


def criteria_diff_context(d: StandardDiff, lang: str) -> dict[str, Any]:
    counts = d.counts()
    sections = []
    for key in SECTIONS:
        rows = []
        for c in d.changes:
            if SECTION_OF.get(c.section, c.section) != key:
                continue
            old, new = sides(d, c, lang)
            name = c.name.get(lang) if c.section != "standard" else ""  # the heading names the standards
            rows.append({"code": c.code, "name": name, "what": what(c, lang), "from": old, "to": new})
        if rows:
            sections.append({"key": key, "title": label("section." + key, lang), "rows": rows})
    return {
        "lang": lang,
        "t": labels(lang),
        "version": __version__,
        "a": side_line(d.a, lang),
        "b": side_line(d.b, lang),
        "identical": d.identical,
        "counts": label("criteria_counts", lang, n=len(d.changes), **counts),
        "sections": sections,
    }


@dataclass(frozen=True)
class CriteriaDiffView:
    diff: StandardDiff
    lang: str


CriteriaDiffRenderer = Callable[[CriteriaDiffView], str]


def renderer(f: CriteriaDiffFormat) -> CriteriaDiffRenderer:
    match f:
        case CriteriaDiffFormat.table:
            return _table
        case CriteriaDiffFormat.json:
            return lambda v: json.dumps(criteria_diff_dict(v.diff, v.lang), ensure_ascii=False, indent=2) + "\n"
        case CriteriaDiffFormat.md:
            return _md
    assert_never(f)


def _md(v: CriteriaDiffView) -> str:
    from libeval.present.templates import render as render_template

    return render_template(criteria_diff_context(v.diff, v.lang), "md", name="criteria-diff.md.j2")


def _table(v: CriteriaDiffView) -> str:
    from libeval.present.console import Column, Screen, escape

    lang = v.lang
    ctx = criteria_diff_context(v.diff, lang)
    screen = Screen()
    screen.line(f"[bold]{label('criteria_diff_title', lang)}[/]")
    screen.line(escape(f"{label('from', lang)}{colon(lang)}{ctx['a']}"))
    screen.line(escape(f"{label('to', lang)}{colon(lang)}{ctx['b']}"))
    if ctx["identical"]:
        screen.line(label("criteria_same", lang))
        return screen.text()
    screen.line(ctx["counts"])
    columns = [
        Column(label("code", lang), no_wrap=True, fold=True),
        Column(label("name", lang), max_width=18, fold=True),
        Column(label("change", lang), fold=True),
        Column(label("from", lang), fold=True),
        Column(label("to", lang), fold=True),
    ]
    for section in ctx["sections"]:
        screen.line(f"[bold]{escape(section['title'])}[/]")
        screen.table(columns, [[r["code"], r["name"], r["what"], r["from"], r["to"]] for r in section["rows"]])
    return screen.text()


# every format, wired once here (built last: the renderers above)
FORMATS: Mapping[CriteriaDiffFormat, CriteriaDiffRenderer] = MappingProxyType(
    {f: renderer(f) for f in CriteriaDiffFormat}
)


def render(view: CriteriaDiffView, f: CriteriaDiffFormat) -> str:
    return FORMATS[f](view)
