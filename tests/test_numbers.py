"""One reading of a written number, wherever it stands: library `population`, a fact's value,
a yearly value, an assessor's correction and awarded points (text/reading.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from libeval.models.result import Result
from libeval.scoring.engine import score
from libeval.text import reading
from libeval.text.numbers import plain

from helpers import MINI_FACTS, assessment, library, run, standard

MINI = standard((Path(__file__).parent / "data" / "mini-criteria.yaml").read_text(encoding="utf-8"))
_FULL = str.maketrans("0123456789,.", "０１２３４５６７８９，．")


def writings(n: Decimal) -> list[Any]:
    """Every accepted way of writing the number n (n ≥ 0 with at most 4 decimals)."""
    whole, _, frac = plain(n).partition(".")
    grouped = f"{int(whole):,}" + (f".{frac}" if frac else "")
    out: list[Any] = [yaml_number(n), plain(n), grouped, plain(n).translate(_FULL), grouped.translate(_FULL)]
    out += [f"{plain(n / 10**4)}万", f"{plain(n / 10**8)}亿", f" {grouped} ", f"{plain(n / 10**4)} 万"]
    return out


def yaml_number(n: Decimal) -> int | float:
    """n as a YAML number (a float's text is read back as the exact decimal)."""
    return int(n) if n == n.to_integral_value() else float(plain(n))


@pytest.mark.parametrize(
    ("text", "value"),
    [("14万", 140000), ("140,000", 140000), ("１４００００", 140000), ("０.５万", 5000), ("1.4亿", 140000000)],
)
def test_the_issue_s_writings(text: str, value: int) -> None:
    assert reading.number(text) == (Decimal(value), None)


def test_cell_values_read_like_text() -> None:
    """What a spreadsheet cell holds (int, float, text, bool) reads like the same number in YAML."""
    assert reading.number(140000) == reading.number(140000.0) == reading.number("14万")
    assert reading.number(0.1) == (Decimal("0.1"), None)  # the float's shortest text, not 0.1000000000000000055…
    assert reading.number(True) == (True, None)
    assert reading.number("600㎡") == (Decimal(600), "m2")
    with pytest.raises(PydanticCustomError):
        reading.number([1])
    with pytest.raises(PydanticCustomError):
        reading.number("about 600")


@pytest.mark.parametrize(
    ("written", "year"), [(2016, 2016), ("2016", 2016), ("2016年", 2016), ("２０１６", 2016), ("2016 年度", 2016)]
)
def test_a_year_as_written(written: Any, year: int) -> None:
    assert reading.year(written) == year


@pytest.mark.parametrize(("written", "code", "fix"), [(16, "year-short", 2016), ("99", "year-short", 1999)])
def test_a_two_digit_year_is_refused_with_the_fix(written: Any, code: str, fix: int) -> None:
    with pytest.raises(PydanticCustomError) as exc:
        reading.year(written)
    assert exc.value.type == code and exc.value.context == {"written": str(written), "fix": fix}


@pytest.mark.parametrize("written", [216, "20166", "2016-17", "二〇一六", "", "2016.5"])
def test_what_is_not_a_year(written: Any) -> None:
    with pytest.raises(PydanticCustomError) as exc:
        reading.year(written)
    assert exc.value.type == "not-a-year"


def _scores(r: Result) -> tuple[Any, ...]:
    return (r.total, r.grade.id if r.grade else None, tuple((i.code, i.score, i.status) for i in r.indicators))


def _score_with(field: str, written: Any) -> Result:
    facts: dict[str, Any] = dict(MINI_FACTS)
    judged: dict[str, Any] = {"1.5": {"level": "好"}, "2.2.2": 4, "B.1": 2}
    extra: dict[str, Any] = {}
    population: Any = 100000
    if field == "population":
        population = written
    elif field == "value":
        facts["floor_area"] = written
    elif field == "yearly":
        facts["annual_loans"] = {"years": {2013: 80000, 2014: 90000, 2015: written, 2016: 110000}}
    elif field == "correction":
        extra["corrections"] = {"floor_area": {"value": written, "reason": "实测"}}
    elif field == "population-correction":
        extra["corrections"] = {"population": {"value": written, "reason": "普查"}}
    elif field == "points":
        judged["2.2.2"] = written
    return run_with_population(facts, judged, population, extra)


def run_with_population(
    facts: dict[str, Any], judged: dict[str, Any], population: Any, extra: dict[str, Any]
) -> Result:
    return score(MINI, library(facts, population=population), assessment(judged, **extra), "self")


_AMOUNTS = st.decimals(min_value=1, max_value=10**9, places=0) | st.decimals(min_value=1, max_value=10**6, places=2)
_POINTS = st.decimals(min_value=0, max_value=5, places=1)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    field=st.sampled_from(["population", "value", "yearly", "correction", "population-correction"]),
    n=_AMOUNTS,
    data=st.data(),
)
def test_a_number_written_any_accepted_way_scores_the_same(field: str, n: Decimal, data: st.DataObject) -> None:
    written = data.draw(st.sampled_from(writings(n)))
    assert _scores(_score_with(field, written)) == _scores(_score_with(field, yaml_number(n)))


@settings(max_examples=25, deadline=None)
@given(n=_POINTS, data=st.data())
def test_points_written_any_accepted_way_score_the_same(n: Decimal, data: st.DataObject) -> None:
    written = data.draw(st.sampled_from([*writings(n), f"{plain(n)}分", f"{plain(n).translate(_FULL)} 分"]))
    assert _scores(_score_with("points", written)) == _scores(_score_with("points", yaml_number(n)))


def test_the_same_number_as_text_is_not_a_different_score() -> None:
    """The property above is not vacuous: the field written there moves the score."""
    assert _scores(_score_with("value", "2,000")) != _scores(_score_with("value", "1,200"))
    assert _scores(_score_with("population", "5万")) != _scores(_score_with("population", "10万"))
    assert _scores(_score_with("points", "5分")) != _scores(_score_with("points", "4分"))
    assert run(MINI, MINI_FACTS, {"1.5": {"level": "好"}, "2.2.2": 4, "B.1": 2}).total == Decimal("76.5")


@pytest.mark.parametrize(
    ("written", "target", "factor"),
    [
        ("册", "册（件）", Decimal(1)),  # the standard's 册（件） is counted in 册 or in 件
        ("件", "册(件)", Decimal(1)),
        ("平方米", "m2", Decimal(1)),
        ("册次", "千册次", Decimal("0.001")),
        ("元", "万元", Decimal("0.0001")),
        ("万元", "元", Decimal(10000)),
        ("册", "千册次", None),
        ("m2", "%", None),
        ("千", "千册次", None),
    ],
)
def test_a_unit_written_differently_is_converted_or_refused(written: str, target: str, factor: Decimal | None) -> None:
    assert reading.unit_factor(written, target) == factor


def test_numbers_in_a_smaller_unit_are_converted_into_the_fact_unit() -> None:
    # 4800 册次 where the unit is 千册次 (what a librarian counts) is 4.8 千册次, not 4,800 of them
    entry = reading.read_entry({"unit": "千册次", "years": {2013: "4800册次", 2014: "5,200 册次", 2015: 5.6}})
    assert entry["years"] == {2013: Decimal("4.8"), 2014: Decimal("5.2"), 2015: 5.6}
    assert reading.read_entry({"unit": "万元", "value": "200000元"})["value"] == Decimal(20)
    assert reading.read_entry({"unit": "册（件）", "value": "2.5万册"}) == {"unit": "册（件）", "value": Decimal(25000)}
    with pytest.raises(PydanticCustomError) as refused:
        reading.read_entry({"unit": "千册次", "value": "4800㎡"})
    assert refused.value.type == "unit-conflict"


def test_the_worked_example_with_loans_in_plain_items_and_holdings_in_ce_scores_the_same(tmp_path: Path) -> None:
    import shutil

    from test_cli import invoke

    from conftest import EXAMPLE

    lib = tmp_path / "jinghe"
    shutil.copytree(EXAMPLE, lib)
    text = (lib / "library.yaml").read_text(encoding="utf-8")
    changed = text.replace(
        "years: {2013: 4, 2014: 5, 2015: 5.5, 2016: 6}",
        'years: {2013: 4000册次, 2014: "5,000 册次", 2015: 5.5千册次, 2016: 6}',
    )
    changed = changed.replace("holdings: {value: 25000, unit: 册（件）", "holdings: {value: 2.5万册")
    assert changed.count("册次") > text.count("册次") and "2.5万册," in changed
    (lib / "library.yaml").write_text(changed, encoding="utf-8")
    code, out, err = invoke("score", str(lib), "--format", "json")
    assert code == 0, err
    assert '"total": 832' in out and "unit" not in err
