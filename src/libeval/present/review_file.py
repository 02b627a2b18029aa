"""The text of a new review (`libeval review`): an assessment that inherits from its source, with
empty mappings to fill and the on-site checklist (analysis/checklist.py) as comments under them:
every fact with its value, unit, source, evidence and estimated mark, and a commented correction
to take; every judged award with the source's points or level and note. Pure."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from libeval.analysis.checklist import AwardRow, Checklist, FactRow
from libeval.text import numbers
from libeval.text.labels import label
from libeval.text.review_labels import review_label


@dataclass(frozen=True)
class ReviewHead:
    name: str  # the file's stem (--as)
    assessor: str  # one of the assessor kinds
    source: str  # the assessment it inherits from (--from)
    source_kind: str  # the source's assessor kind
    by: str | None
    date: dt.date
    lib: str  # the library folder as the user gave it (for the commands in the comments)
    modeline: str | None  # the schema's path relative to the file, when the folder has one


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _quoted(text: str) -> str:
    """A YAML scalar that stays text whatever it holds (a JSON string is a YAML one)."""
    return json.dumps(text, ensure_ascii=False)


def _value(f: FactRow, lang: str) -> str:
    if f.years:  # 2013: 52,000, 2014: 56,000 册次 (the unit once, as numbers.fact writes years)
        shown = {y: v if isinstance(v, bool) else f.unit.scale(v, lang) for y, v in f.years.items()}
        text = numbers.fact(None, shown, lang)
        if f.unit.percent:
            return text + "%"
        return f"{text} {f.unit.shown(lang)}" if f.unit.shown(lang) else text
    if f.value is None:
        return review_label("not_given", lang)
    return numbers.figure(f.value, f.unit, lang)


def _fact_lines(f: FactRow, lang: str) -> list[str]:
    text = _value(f, lang)
    if f.estimated:
        text += review_label("estimated", lang)
    if f.verified:
        text += review_label("verified", lang)
    elif f.corrected:
        text += review_label("corrected", lang)
    if f.source:  # a corrected fact's "source" is the correction's reason: said as such
        text += review_label("reason" if f.corrected and not f.verified else "source", lang, text=_one_line(f.source))
    if f.evidence:
        text += review_label("evidence", lang, text=("、" if lang == "zh" else ", ").join(f.evidence))
    head = review_label("fact", lang, name=_one_line(f.name.get(lang)), id=f.id, value=text)
    if f.per_year:
        year = max(f.years) if f.years else "2016"
        return [head, review_label("years_template", lang, id=f.id, year=year)]
    return [head, review_label("fact_template", lang, id=f.id)]


def _award_lines(a: AwardRow, source: str, lang: str) -> list[str]:
    points = numbers.points(a.points) if a.points is not None else None
    if a.not_applicable is not None:
        given = review_label("award_na", lang, source=source, reason=_one_line(a.not_applicable))
    elif a.level is not None and points is not None:
        given = review_label("award_level", lang, source=source, level=a.level, points=points)
    elif points is not None:
        given = review_label("award_points", lang, source=source, points=points)
    else:
        given = review_label("award_none", lang, source=source)
    if a.note:
        given += review_label("award_note", lang, source=source, note=_one_line(a.note))
    name = _one_line(a.name.get(lang))
    head = review_label("award", lang, code=a.code, name=name, max=numbers.points(a.max), given=given)
    if a.level is not None:
        return [head, review_label("level_template", lang, code=a.code, level=a.level)]
    return [head, review_label("points_template", lang, code=a.code, points=points or "…")]


def _part(code: str, name: str, lang: str) -> str:
    return review_label("part", lang, code=f"{code} " if code else "", name=name)


def review_yaml(cl: Checklist, head: ReviewHead, lang: str) -> str:
    """The review's text: it loads as an assessment that scores exactly like its source."""
    src = head.source
    # the source named as a reader knows it (自评, 州（市）评); a pass of kind `other` by its file's name
    kind = label(f"assessor.{head.source_kind}", lang) if head.source_kind != "other" else f"“{src}”"
    who = f"{label(f'assessor.{head.assessor}', lang)}（{head.name}.yaml）" if lang == "zh" else f"{head.name}.yaml"
    out = [f"# yaml-language-server: $schema={head.modeline}"] if head.modeline else []
    out += [
        review_label("head", lang, who=who, source=src, source_kind=kind),
        review_label("how", lang, lib=head.lib, name=head.name),
        f"assessor: {head.assessor}",
        f"inherit: {src if re.fullmatch(r'[a-z][a-z0-9_]*', src) else _quoted(src)}",
        f"by: {_quoted(head.by)}" if head.by else review_label("by", lang),
        review_label("members", lang),
        f"date: {head.date.isoformat()}",
        review_label("note", lang),
        "",
        "judged:",
        "  " + review_label("judged", lang, source=kind),
    ]
    for part in cl.parts:
        if part.awards:
            out.append("  " + _part(part.code, part.name.get(lang), lang))
            out += ["  " + line for a in part.awards for line in _award_lines(a, kind, lang)]
    out += ["", "not_applicable:", "  " + review_label("not_applicable", lang, source=kind)]
    for a in cl.awards:
        if a.not_applicable is not None:
            out.append("  " + review_label("na_template", lang, code=a.code, reason=_one_line(a.not_applicable)))
    out += ["", "corrections:", "  " + review_label("corrections", lang)]
    for part in cl.parts:
        if part.facts:
            out.append("  " + _part(part.code, part.name.get(lang), lang))
            out += ["  " + line for f in part.facts for line in _fact_lines(f, lang)]
    return "\n".join(out) + "\n"
