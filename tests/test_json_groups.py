"""The score JSON reconciles on its own: indicators + sub-groups − absorbed = group, parts + bonus = total.

Through the real command (`libeval score <folder> --format json`) for the worked example and for
every library folder the cases use that scores, and as a property over generated libraries.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from libeval.cli import app
from libeval.present.score import result_dict
from test_engine import BIG, scenarios
from test_plan import MINI, mini_libraries

from conftest import DATA, EXAMPLE, ROOT
from helpers import run

SCHEMA = json.loads((ROOT / "docs" / "score.schema.json").read_text(encoding="utf-8"))
CASES = Path(__file__).resolve().parent / "cases"
ZERO = Decimal(0)


def _folders() -> list[tuple[Path, str]]:
    """(library folder, assessment) for the worked example, the mini library and every case's library."""
    libs = [EXAMPLE, DATA / "mini-lib"]
    libs += sorted(
        p
        for p in CASES.glob("*/*/lib")
        # a case scored under another standard (--criteria) need not load under its own
        if (p / "library.yaml").is_file() and "--criteria" not in (p.parent / "cmd").read_text(encoding="utf-8")
    )
    return [(lib, a.stem) for lib in libs for a in sorted((lib / "assessments").glob("*.yaml"))]


def _score(folder: Path, assessment: str) -> tuple[int, str]:
    r = CliRunner().invoke(app, ["score", str(folder), "--format", "json", "-a", assessment], catch_exceptions=False)
    return r.exit_code, r.stdout


def _exact(out: str) -> dict[str, Any]:
    """The JSON with every number as the exact decimal its text spells."""
    data: dict[str, Any] = json.loads(out, parse_float=Decimal, parse_int=Decimal)
    return data


def check_reconciles(data: dict[str, Any]) -> None:
    """Every group, the parts, the bonus and the total add up, exactly."""
    groups = {g["code"]: g for g in data["groups"]}
    indicators = {i["code"]: i for i in data["indicators"]}
    assert len(groups) == len(data["groups"]), "group codes are unique"
    assert not groups.keys() & indicators.keys()
    scores = {**{c: i["score"] for c, i in indicators.items()}, **{c: g["score"] for c, g in groups.items()}}

    # tree order: walking the roots' children depth first gives the list as it stands
    roots = [g["code"] for g in data["groups"] if g["parent"] is None]
    order: list[str] = []

    def walk(code: str) -> None:
        order.append(code)
        for child in groups[code]["children"]:
            if child in groups:
                assert groups[child]["parent"] == code
                walk(child)

    for code in roots:
        walk(code)
    assert order == [g["code"] for g in data["groups"]]
    # every indicator belongs to exactly one group
    owned = [ch for g in data["groups"] for ch in g["children"] if ch not in groups]
    assert sorted(owned) == sorted(indicators)

    for g in data["groups"]:
        children = sum((scores[ch] for ch in g["children"]), ZERO)
        assert children == g["raw"], g["code"]
        assert children - g["absorbed"] == g["score"], g["code"]
        assert g["absorbed"] >= 0
        if g["absorbed"]:
            assert g["capped"] and g["score"] == g["max"], g["code"]
        if g["capped"]:
            assert g["score"] <= g["max"]

    parts = [p["code"] for p in data["parts"]]
    bonus = [c for c in roots if c not in parts]
    assert roots[: len(parts)] == parts and len(bonus) <= 1
    for p in data["parts"]:
        assert (p["score"], p["max"]) == (groups[p["code"]]["score"], groups[p["code"]]["max"])
    base = sum((groups[c]["score"] for c in parts), ZERO)
    assert base == data["base"]
    assert (groups[bonus[0]]["score"] if bonus else ZERO) == data["bonus"]
    assert base + data["bonus"] == data["total"]
    if bonus:
        assert {i["code"] for i in data["indicators"] if i["part"] == bonus[0]}  # the bonus items
    indicator_sum = sum((i["score"] for i in data["indicators"]), ZERO)
    absorbed = sum((g["absorbed"] for g in data["groups"]), ZERO)
    assert indicator_sum - absorbed == data["total"]


@pytest.mark.parametrize(
    ("folder", "assessment"), _folders(), ids=lambda x: str(x.relative_to(ROOT)) if isinstance(x, Path) else x
)
def test_every_scored_folder_reconciles(folder: Path, assessment: str) -> None:
    code, out = _score(folder, assessment)
    if code != 0:
        # an invalid case whose library does not score: nothing to reconcile
        assert folder.is_relative_to(CASES / "invalid"), (folder, code, out)
        return
    jsonschema.validate(json.loads(out), SCHEMA)
    check_reconciles(_exact(out))


def test_the_folders_are_found() -> None:
    """The test above is not vacuous: the example, the mini library and every valid case (which must score)."""
    must_score = [(f, a) for f, a in _folders() if not f.is_relative_to(CASES / "invalid")]
    assert len(must_score) >= 15
    assert (EXAMPLE, "self") in must_score and (EXAMPLE, "prefecture") in must_score


@pytest.mark.parametrize(("assessment", "total", "indicators"), [("self", 832, 835), ("prefecture", "775.3", "778.3")])
def test_the_worked_example_says_where_the_3_points_go(assessment: str, total: Any, indicators: Any) -> None:
    code, out = _score(EXAMPLE, assessment)
    assert code == 0
    data = _exact(out)
    check_reconciles(data)
    assert data["total"] == Decimal(total)
    assert sum((i["score"] for i in data["indicators"]), ZERO) == Decimal(indicators)
    absorbing = [g for g in data["groups"] if g["absorbed"] != 0]
    assert len(absorbing) == 1
    g = absorbing[0]
    assert (g["code"], g["name"], g["parent"]) == ("1.4.1", "少年儿童服务", "1.4")
    assert (g["raw"], g["score"], g["max"], g["absorbed"], g["capped"]) == (23, 20, 20, 3, True)
    assert g["children"] == ["1.4.1.1", "1.4.1.2", "1.4.1.3"]
    # the parts as before, and every group present: 3 parts, 14 sub-groups, the bonus
    assert [p["code"] for p in data["parts"]] == ["1", "2", "3"]
    assert len(data["groups"]) == 18
    assert [g["code"] for g in data["groups"] if g["parent"] is None] == ["1", "2", "3", "B"]
    assert '"absorbed": 3,' in out  # a JSON integer, as every whole number is


def test_group_names_follow_lang() -> None:
    r = CliRunner().invoke(app, ["score", str(EXAMPLE), "--format", "json", "--lang", "en"], catch_exceptions=False)
    assert r.exit_code == 0
    names = {g["code"]: g["name"] for g in json.loads(r.stdout)["groups"]}
    assert names["1.4.1"] != "少年儿童服务" and names["1.4.1"].isascii()


def _json_of(std: Any, facts: dict[str, Any], judged: dict[str, Any], region: str) -> str:
    return json.dumps(result_dict(run(std, facts, judged, region)), ensure_ascii=False)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios(), st.sampled_from(["east", "central", "west"]))
def test_generated_libraries_reconcile(scn: tuple[dict[str, Any], dict[str, Any]], region: str) -> None:
    """The bundled standard, with the facts and awards of the engine's properties."""
    out = _json_of(BIG, *scn, region)
    jsonschema.validate(json.loads(out), SCHEMA)
    check_reconciles(_exact(out))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mini_libraries())
def test_generated_mini_libraries_reconcile(case: tuple[dict[str, Any], dict[str, Any], str]) -> None:
    """The mini standard, whose capped group 2.2 absorbs points in about a quarter of the cases."""
    out = _json_of(MINI, *case)
    jsonschema.validate(json.loads(out), SCHEMA)
    check_reconciles(_exact(out))
