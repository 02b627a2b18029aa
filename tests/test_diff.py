"""libeval diff: properties, the grade search, goldens for the worked example."""

from __future__ import annotations

import json
import os
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import html5lib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from libeval import __version__
from libeval.analysis.diff import DiffResult, Side, diff
from libeval.cli import app
from libeval.load.folders import load_library, load_standard

from conftest import DATA, EXAMPLE, ROOT
from helpers import MINI_FACTS, assessment, library

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("LIBEVAL_UPDATE_GOLDEN") == "1"
MINI = load_standard(DATA / "mini-criteria.yaml")
FACTS = MINI_FACTS


def invoke(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def _side(
    judged: dict[str, Any],
    corrections: dict[str, Any] | None = None,
    facts: dict[str, Any] | None = None,
    name: str = "self",
) -> Side:
    return Side(library(facts or FACTS), assessment(judged, corrections=corrections or {}), name, name)


def _check_sums(d: DiffResult) -> None:
    total = sum((i.delta for i in d.indicators), Decimal(0)) + sum((c.delta for c in d.caps), Decimal(0))
    assert total == d.total_delta


@st.composite
def sides(draw: Any) -> tuple[Side, Side]:
    def one(name: str) -> Side:
        judged = {"1.5": draw(st.integers(0, 10)), "2.2.2": draw(st.integers(0, 5)), "B.1": draw(st.integers(0, 5))}
        corr: dict[str, Any] = {}
        if draw(st.booleans()):
            corr["floor_area"] = {"value": draw(st.integers(0, 6000)), "reason": "实测"}
        if draw(st.booleans()):
            corr["outreach_points"] = {"value": draw(st.integers(0, 20)), "reason": "台账"}
        if draw(st.booleans()):
            corr["annual_loans"] = {
                "years": {y: draw(st.integers(0, 200000)) for y in range(2013, 2017)},
                "reason": "年报",
            }
        return _side(judged, corr, name=name)

    return one("a"), one("b")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sides())
def test_diff_properties(pair: tuple[Side, Side]) -> None:
    a, b = pair
    same = diff(MINI, a, a)
    assert same.identical and not same.indicators and same.total_delta == 0
    ab, ba = diff(MINI, a, b), diff(MINI, b, a)
    assert ab.total_delta == -ba.total_delta
    assert {i.code: i.delta for i in ab.indicators} == {i.code: -i.delta for i in ba.indicators}
    _check_sums(ab)
    _check_sums(ba)
    assert ab.equal + len(ab.indicators) == len(ab.a.indicators)


def test_the_smallest_set_that_restores_the_grade() -> None:
    a = _side({"1.5": 10, "2.2.2": 5, "B.1": 5})
    b = _side({"1.5": 6, "2.2.2": 5, "B.1": 0}, {"floor_area": {"value": 700, "reason": "实测"}}, name="review")
    d = diff(MINI, a, b)
    assert d.a.grade is not None and d.b.grade is not None and d.a.grade.id != d.b.grade.id
    assert d.restore.searched and d.restore.found
    # the floor-area correction costs the 二级 prerequisite; nothing smaller restores the grade
    assert [x.id for x in d.restore.differences] == ["fact:floor_area"]
    changed = {(c.grade.zh, c.id) for c in d.conditions}
    assert ("二级", "area") in changed


def test_no_set_restores_when_the_grade_cannot_come_back() -> None:
    a = _side({"1.5": 10, "2.2.2": 5, "B.1": 5})
    b = _side({"1.5": 10, "2.2.2": 5, "B.1": 5}, facts={**FACTS, "free_opening": False})
    d = diff(MINI, a, b)  # two library folders differing in a fact
    assert d.restore.found and [x.id for x in d.restore.differences] == ["fact:free_opening"]


def test_capped_groups_are_accounted_for() -> None:
    a = _side({"1.5": 10, "2.2.2": 5, "B.1": 5})
    b = _side({"1.5": 10, "2.2.2": 2, "B.1": 5})
    d = diff(MINI, a, b)  # 2.2 is capped at 10 and its children give 12.6: losing 3 costs only 0.4
    assert d.total_delta == Decimal("-0.4")
    assert [(c.code, c.delta) for c in d.caps] == [("2.2", Decimal("2.6"))]
    _check_sums(d)


def test_jinghe_diff_explains_every_point() -> None:
    folder = load_library(EXAMPLE)
    (a, _), (b, _) = folder.assessments["self"], folder.assessments["prefecture"]
    d = diff(
        folder.standard, Side(folder.library, a, "self", "self"), Side(folder.library, b, "prefecture", "prefecture")
    )
    assert d.total_delta == Decimal("-56.7")
    _check_sums(d)
    assert all(i.causes for i in d.indicators)  # every differing indicator has its cause
    assert d.indicators[0].code == "3.1.7" and d.indicators[0].delta == -10  # largest first
    assert (d.equal, len(d.indicators), d.abs_delta_sum) == (72, 10, Decimal("56.7"))


@pytest.mark.parametrize(("fmt", "lang"), [("table", "zh"), ("json", "zh"), ("md", "zh"), ("md", "en"), ("html", "zh")])
def test_golden_jinghe_diff(fmt: str, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = invoke("diff", "examples/jinghe-2017", "--format", fmt, "--lang", lang)
    assert code == 0, err
    out = out.replace(__version__, "@VERSION@")
    golden = GOLDEN / f"jinghe-diff.{lang}.{fmt}"
    if UPDATE:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    if fmt == "html":
        html5lib.HTMLParser(strict=True).parse(out)
    if fmt == "json":
        data = json.loads(out)
        assert data["total_delta"] == -56.7 and data["from"]["total"] == 832 and data["to"]["total"] == 775.3


def test_cli_options(tmp_path: Path) -> None:
    assert invoke("diff", str(EXAMPLE), "--exit-code")[0] == 1
    assert invoke("diff", str(EXAMPLE), "--from", "prefecture", "--to", "prefecture", "--exit-code")[0] == 0
    code, out, _ = invoke("diff", str(EXAMPLE), "--from", "prefecture", "--to", "self", "--format", "json")
    assert code == 0 and json.loads(out)["total_delta"] == 56.7
    code, _, err = invoke("diff", str(EXAMPLE), "--to", "province")
    assert code == 1 and "[assessment-not-found]" in err
    one = tmp_path / "one"
    shutil.copytree(EXAMPLE, one)
    (one / "assessments" / "prefecture.yaml").unlink()
    code, _, err = invoke("diff", str(one))
    assert code == 1 and "[nothing-to-compare]" in err
    code, _, err = invoke("diff", str(EXAMPLE), str(EXAMPLE), str(EXAMPLE))
    assert code == 2


def test_two_folders(tmp_path: Path) -> None:
    later = tmp_path / "jinghe-2021"
    shutil.copytree(EXAMPLE, later)
    text = (later / "library.yaml").read_text(encoding="utf-8")
    (later / "library.yaml").write_text(
        text.replace("floor_area: {value: 600,", "floor_area: {value: 2600,"), encoding="utf-8"
    )
    code, out, err = invoke("diff", str(EXAMPLE), str(later), "--format", "json", "--lang", "en")
    assert code == 0, err
    data = json.loads(out)
    assert data["from"]["label"] == "jinghe-2017:self" and data["to"]["label"] == "jinghe-2021:self"
    assert [x["id"] for x in data["differences"]] == ["fact:floor_area"]
    assert data["to"]["grade"]["name"] == "Grade 2"
    assert data["grade_change"]["restore"] == ["fact:floor_area"]
