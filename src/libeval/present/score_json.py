"""The `--format json` contract of `libeval score` (schema_version 1; docs/json-format.md)."""

from __future__ import annotations

import json
from typing import Any

from libeval import __version__
from libeval.models.result import ConditionResult, GradeResult, GroupResult, Result
from libeval.text.numbers import to_json

SCHEMA_VERSION = 1


def _condition(c: ConditionResult, lang: str) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name.get(lang),
        "test": c.test,
        "subject": c.subject,
        "met": c.met,
        "actual": to_json(c.actual),
        "required": to_json(c.required),
        "shortfall": to_json(c.shortfall),
        "provenance": c.provenance,
        "explanation": c.explanation.get(lang),
    }


def _grade(g: GradeResult, lang: str) -> dict[str, Any]:
    return {
        "id": g.id,
        "name": g.name.get(lang),
        "min_score": to_json(g.min_score),
        "failed": [_condition(c, lang) for c in g.failed],
    }


def _groups(r: Result, lang: str) -> list[dict[str, Any]]:
    """Every group (parts, sub-groups, the bonus) in the standard's order: a group before its children."""
    out: list[dict[str, Any]] = []

    def walk(g: GroupResult) -> None:
        out.append(
            {
                "code": g.code,
                "name": g.name.get(lang),
                "parent": g.parent,
                "score": to_json(g.score),
                "max": to_json(g.max),
                "capped": g.capped,
                "raw": to_json(g.raw),
                "absorbed": to_json(g.raw - g.score),
                "children": list(g.children),
            }
        )
        for child in g.children:
            if child in r.groups:
                walk(r.groups[child])

    for top in [*r.parts, *([r.bonus_part] if r.bonus_part else [])]:
        walk(top)
    return out


def result_dict(r: Result, lang: str = "zh") -> dict[str, Any]:
    blocked = r.blocked
    return {
        "schema_version": SCHEMA_VERSION,
        "libeval_version": __version__,
        "library": {
            "name": r.library,
            "name_en": r.library_en,
            "province": r.province,
            "region": r.region,
            "variant": r.variant,
        },
        "criteria": {"id": r.criteria_id, "title": r.criteria_title.get(lang)},
        "assessment": {"name": r.assessment, "assessor": r.assessor, "by": r.assessed_by, "date": r.date or None},
        "total": to_json(r.total),
        "max": to_json(r.max),
        "base": to_json(r.base),
        "bonus": to_json(r.bonus),
        "bonus_max": to_json(r.bonus_max),
        "grade": {"id": r.grade.id, "name": r.grade.name.get(lang)} if r.grade else None,
        "next_grade": _grade(blocked[-1], lang) if blocked else None,
        "blocked": [_grade(g, lang) for g in blocked],
        "grades": [
            {
                "id": g.id,
                "name": g.name.get(lang),
                "min_score": to_json(g.min_score),
                "achieved": g.achieved,
                "conditions": [_condition(c, lang) for c in g.conditions],
            }
            for g in r.grades
        ],
        "parts": [
            {"code": p.code, "name": p.name.get(lang), "score": to_json(p.score), "max": to_json(p.max)}
            for p in r.parts
        ],
        "groups": _groups(r, lang),
        "indicators": [
            {
                "code": i.code,
                "name": i.name.get(lang),
                "part": i.part,
                "score": to_json(i.score),
                "max": to_json(i.max),
                "status": i.status,
                "kind": i.kind,
                "value_id": i.value_id,
                "value": to_json(i.value),
                "explanation": i.explanation.get(lang),
                "provenance": i.provenance,
                "note": i.note,
            }
            for i in r.indicators
        ],
        "corrections": [
            {"fact": c.fact, "name": c.name.get(lang), "old": c.old, "new": c.new, "reason": c.reason}
            for c in r.corrections
        ],
        "missing_facts": list(r.missing),
        "estimated_facts": list(r.estimated),
        "provenance": {"reconstructed": r.reconstructed, "total": r.provenance_total},
    }


def render_json(r: Result, lang: str = "zh") -> str:
    return json.dumps(result_dict(r, lang), ensure_ascii=False, indent=2) + "\n"
