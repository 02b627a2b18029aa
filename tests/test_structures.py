"""Every structural form that `check` accepts also scores: parts, groups and the bonus may each be
a leaf with a rule, at any depth. Generated standards and libraries go through every command."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from libeval.cli import app

FACTS: list[dict[str, Any]] = [
    {"id": "area", "name": "建筑面积", "unit": "m2"},
    {"id": "loans", "name": "年外借量", "unit": "册次", "per_year": True},
    {"id": "points", "name": "服务点", "unit": "个", "type": "integer"},
    {"id": "free", "name": "免费开放", "type": "boolean"},
]
NUMBERS = ["area", "loans", "points"]


@st.composite
def rules(draw: Any, mx: int) -> dict[str, Any]:
    kind = draw(st.sampled_from(["tiers", "linear", "per_unit", "boolean", "judged"]))
    if kind == "tiers":
        top = draw(st.integers(2, 5000))
        return {
            "kind": "tiers",
            "value": draw(st.sampled_from(NUMBERS)),
            "bands": [{"at": top, "points": mx}, {"at": top // 2, "points": mx // 2}],
        }
    if kind == "linear":
        return {"kind": "linear", "value": draw(st.sampled_from(NUMBERS)), "target": draw(st.integers(1, 5000))}
    if kind == "per_unit":
        return {"kind": "per_unit", "value": draw(st.sampled_from(NUMBERS)), "points": draw(st.integers(1, 3))}
    if kind == "boolean":
        return {"kind": "boolean", "value": "free"}
    return {"kind": "judged"}


@st.composite
def nodes(draw: Any, code: str, depth: int) -> dict[str, Any]:
    """A leaf with a rule, or a group (possibly capped) of 1-3 children."""
    if depth >= 3 or draw(st.booleans()):
        mx = draw(st.integers(1, 20))
        return {"code": code, "name": f"指标{code}", "max": mx, "rule": draw(rules(mx))}
    children = [draw(nodes(f"{code}.{i}", depth + 1)) for i in range(1, draw(st.integers(1, 3)) + 1)]
    total = sum(c["max"] for c in children)
    if draw(st.booleans()) and total > 1:
        return {"code": code, "name": f"分组{code}", "max": total - 1, "capped": True, "children": children}
    return {"code": code, "name": f"分组{code}", "max": total, "children": children}


@st.composite
def cases(draw: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    parts = [draw(nodes(str(i), 0)) for i in range(1, draw(st.integers(1, 3)) + 1)]
    total = sum(p["max"] for p in parts)
    standard: dict[str, Any] = {
        "id": "generated",
        "title": "生成的标准",
        "level": "county",
        "period": {"start": 2013, "end": 2016},
        "total": total,
        "precision": 1,
        "provenance": "reconstructed",
        "facts": FACTS,
        "parts": parts,
        "grades": [
            {
                "id": "g1",
                "name": "一级",
                "min_score": total * 3 // 4,
                "prerequisites": [{"id": "p1", "name": "第一部分满分", "score": "1", "full_marks": True}],
            },
            {
                "id": "g2",
                "name": "二级",
                "min_score": total // 2,
                "prerequisites": [
                    {
                        "id": "p2",
                        "name": "建筑面积",
                        "value": "area",
                        "at_least": {"east": 10, "central": None, "west": 5},
                    }
                ],
            },
        ],
    }
    if draw(st.booleans()):
        bonus = draw(nodes("B", 1))
        standard["bonus"] = {**bonus, "capped": True, "max": max(1, bonus["max"] - draw(st.integers(0, 1)))}
        if "rule" in bonus:  # a leaf bonus keeps its own max
            standard["bonus"] = bonus
    facts: dict[str, Any] = {}
    for f in FACTS:
        if draw(st.booleans()):
            if f["id"] == "free":
                facts["free"] = draw(st.booleans())
            elif f.get("per_year"):
                facts[f["id"]] = {"years": {y: draw(st.integers(0, 9000)) for y in range(2013, 2017)}}
            else:
                facts[f["id"]] = draw(st.integers(0, 9000))
    return standard, facts


def _leaves(node: dict[str, Any]) -> list[dict[str, Any]]:
    if "rule" in node:
        return [node]
    return [leaf for child in node["children"] for leaf in _leaves(child)]


def _write(root: Path, standard: dict[str, Any], facts: dict[str, Any]) -> Path:
    (root / "standard.yaml").write_text(yaml.safe_dump(standard, allow_unicode=True), encoding="utf-8")
    lib = root / "lib"
    (lib / "assessments").mkdir(parents=True, exist_ok=True)
    library = {
        "name": "测试馆",
        "level": "county",
        "province": "测试省",
        "region": "west",
        "population": 100000,
        "criteria": "../standard.yaml",
        "facts": facts,
    }
    (lib / "library.yaml").write_text(yaml.safe_dump(library, allow_unicode=True), encoding="utf-8")
    judged = [
        n for p in [*standard["parts"], *([standard["bonus"]] if "bonus" in standard else [])] for n in _leaves(p)
    ]
    awards = {n["code"]: n["max"] for n in judged if n["rule"]["kind"] == "judged"}
    for name, share in (("self", Decimal(1)), ("prefecture", Decimal("0.5"))):
        data = {
            "assessor": name,
            "date": "2017-07-01" if name == "self" else "2017-07-12",
            "judged": {code: int(mx * share) for code, mx in awards.items()},
        }
        (lib / "assessments" / f"{name}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    return lib


def _invoke(*args: str) -> int:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)  # an internal error raises here
    return result.exit_code


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(cases())
def test_what_check_accepts_every_command_handles(tmp_path: Path, case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    standard, facts = case
    lib = _write(tmp_path, standard, facts)
    if _invoke("check", str(tmp_path / "standard.yaml"), str(lib)) != 0:
        return  # the generator's rare invalid standard: check says so, nothing more to test
    for fmt in ("json", "html", "github"):  # md and html share the report context
        assert _invoke("score", str(lib), "--format", fmt) == 0, fmt
    assert _invoke("score", str(lib), "--detail") == 0
    assert _invoke("score", str(lib), "--format", "xlsx", "-o", str(tmp_path / "s.xlsx")) == 0
    for part in standard["parts"]:
        assert _invoke("score", str(lib), "--explain", part["code"]) == 0
    assert _invoke("plan", str(lib), "--format", "json") == 0
    assert _invoke("diff", str(lib), "--format", "xlsx", "-o", str(tmp_path / "d.xlsx")) == 0
    assert _invoke("score", str(tmp_path), "--format", "csv") == 0


def test_a_part_that_is_an_indicator_scores(tmp_path: Path) -> None:
    """A regression: a judged leaf part passed check, then score died with KeyError."""
    standard = {
        "id": "leafy",
        "title": "叶子部分",
        "level": "county",
        "period": {"start": 2013, "end": 2016},
        "total": 30,
        "provenance": "reconstructed",
        "facts": FACTS,
        "parts": [
            {
                "code": "1",
                "name": "服务",
                "max": 20,
                "children": [
                    {
                        "code": "1.1",
                        "name": "面积",
                        "max": 20,
                        "rule": {"kind": "tiers", "value": "area", "bands": [{"at": 100, "points": 20}]},
                    }
                ],
            },
            {"code": "2", "name": "特色服务", "max": 10, "rule": {"kind": "judged"}},
        ],
        "bonus": {"code": "B", "name": "加分", "max": 5, "rule": {"kind": "judged"}},
        "grades": [
            {
                "id": "g",
                "name": "一级",
                "min_score": 25,
                "prerequisites": [{"id": "s", "name": "特色", "score": "2", "at_least": 8}],
            }
        ],
    }
    lib = _write(tmp_path, standard, {"area": 150})
    result = CliRunner().invoke(app, ["score", str(lib), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    import json

    data = json.loads(result.stdout)
    assert [(p["code"], p["score"], p["max"]) for p in data["parts"]] == [("1", 20, 20), ("2", 10, 10)]
    assert (data["bonus"], data["total"]) == (5, 35)
    assert data["grade"]["id"] == "g"
    assert _invoke("plan", str(lib)) == 0
