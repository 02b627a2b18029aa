"""The text libeval generates, as a Chinese reader and an English reader expect it
(docs/typography.md): full-width ：（） after Chinese, numbers in running text to 3 significant
figures with 万 and `2.1%`, ㎡ and m², natural wording of grade conditions and judged points, and
no Chinese in English output except what the user wrote."""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from libeval.cli import app
from libeval.present.templates import md_escape
from libeval.text import numbers
from libeval.text.units import Unit, display_unit

from conftest import DATA, EXAMPLE
from helpers import one_indicator, run, standard

WEST = DATA / "west-published"
HALF_WIDTH_AFTER_CHINESE = re.compile(r"[\u4e00-\u9fff）][:(]")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")


def invoke(*args: str) -> str:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return r.stdout + r.stderr


# --- 1. Full-width colons and parentheses after Chinese text -----------------------------------

ZH_RUNS = [
    ("score", "{lib}"),
    ("score", "{lib}", "--detail"),
    ("score", "{lib}", "--explain", "1.1.1"),
    ("score", "{lib}", "--explain", "1.2.5"),
    ("score", "{lib}", "--explain", "2.2.2"),
    ("score", "{lib}", "--explain", "1"),
    ("plan", "{lib}"),
    ("plan", "{lib}", "--target", "一级"),
    ("check", "{lib}"),
    ("check", "--strict", "{lib}"),
]


@pytest.mark.parametrize("lib", [EXAMPLE, WEST], ids=["example", "west-published"])
@pytest.mark.parametrize("args", ZH_RUNS, ids=[" ".join(a[:1] + a[2:]) for a in ZH_RUNS])
def test_no_half_width_colon_or_parenthesis_after_chinese(lib: Path, args: tuple[str, ...]) -> None:
    for assessment in (("-a", "prefecture") if lib == EXAMPLE and args[0] != "check" else (), ()):
        out = invoke("--lang", "zh", *(a.format(lib=lib) for a in args), *assessment)
        assert CJK.search(out) or (args[0] == "check" and lib == EXAMPLE), (
            out
        )  # Chinese output (the example checks clean)
        bad = [line for line in out.splitlines() if HALF_WIDTH_AFTER_CHINESE.search(line)]
        assert not bad, "\n".join(bad)


# --- 2. Numbers in running text ----------------------------------------------------------------


def _read_back(text: str) -> Decimal:
    """A number as running text shows it, read back (`5.8 万` -> 58000)."""
    wan = text.endswith(" 万")
    d = Decimal(text.removesuffix(" 万").replace(",", ""))
    return d * 10000 if wan else d


@given(
    st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=6, allow_nan=False),
    st.sampled_from(["zh", "en"]),
)
def test_a_number_in_running_text_is_within_half_its_step(d: Decimal, lang: str) -> None:
    """The shown number never differs from the exact value by more than half the rounding step,
    and the step keeps at least 3 significant figures (whole digits too, except in 万)."""
    step = numbers.step(d, lang)
    shown = numbers.running(d, lang)
    assert abs(_read_back(shown) - d) <= step / 2
    if d != 0:
        assert step <= Decimal(10) ** (d.adjusted() - 2)
        if lang == "en" or abs(d) < 10000:
            assert step <= 1  # whole digits are never rounded away
    if "万" in shown:  # Chinese only, and only from 10,000 up
        assert lang == "zh" and abs(_read_back(shown)) >= 10000
    elif lang == "zh" and abs(d) >= 10000:
        assert step < 100  # in 万 only when at most 2 decimals of 万 show it


@given(
    st.decimals(min_value=Decimal("0"), max_value=Decimal("1e9"), places=5, allow_nan=False),
    st.decimals(min_value=Decimal("0"), max_value=Decimal("1e9"), places=5, allow_nan=False),
)
def test_two_different_numbers_shown_together_never_look_the_same(a: Decimal, b: Decimal) -> None:
    for lang in ("zh", "en"):
        shown_a, shown_b, gap = numbers.shown_pair(a, b, Unit("册次", "items"), lang)
        assert (shown_a == shown_b) == (a == b)
        at = numbers.compare(a, b, Unit("册次", "items"), lang)
        number = gap.removesuffix("册次" if lang == "zh" else " items").removesuffix(" item").strip()  # 1 item
        assert abs(_read_back(number) - abs(a - b)) <= at / 2  # the gap at the common step or finer


@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [
        ("0.01036", "zh", "0.0104"),
        ("0.4143", "zh", "0.414"),
        ("2.14", "zh", "2.14"),
        ("58000", "zh", "5.8 万"),
        ("46000", "zh", "4.6 万"),
        ("80000", "zh", "8 万"),
        ("123456", "zh", "12.3 万"),
        ("9999", "zh", "9,999"),
        ("58000", "en", "58,000"),
        ("123456.78", "en", "123,457"),
        ("10.5", "zh", "10.5"),
    ],
)
def test_running_numbers(value: str, lang: str, shown: str) -> None:
    assert numbers.running(Decimal(value), lang) == shown


def test_amounts_with_units() -> None:
    area, percent = Unit("m2"), Unit("%")
    thousands = Unit("千册次", "thousand items")
    assert numbers.amount(Decimal(600), area, "zh") == "600 ㎡"
    assert numbers.amount(Decimal(600), area, "en") == "600 m²"
    assert numbers.amount(Decimal("2.142857"), percent, "zh") == "2.1%"  # no space, one decimal
    assert numbers.amount(Decimal(85), percent, "en") == "85%"
    assert numbers.amount(Decimal("5.125"), thousands, "zh") == "5,125 册次"  # shown whole, not 5.13 千册次
    assert numbers.amount(Decimal("5.125"), thousands, "en") == "5,125 items"
    assert numbers.amount(Decimal(46000), Unit("册次", "items"), "zh") == "4.6 万册次"
    assert numbers.amount(Decimal("5.5"), Unit("万元", "10,000 yuan"), "zh") == "5.5 万元"
    assert numbers.amount(Decimal("5.5"), Unit("万元", "10,000 yuan"), "en") == "55,000 yuan"
    assert numbers.amount(Decimal(260), Unit("个"), "en") == "260"  # a count needs no unit in English


def test_a_shortfall_has_the_precision_of_what_it_compares() -> None:
    per = Unit("册/人", "items per person")
    assert numbers.shown_pair(Decimal("0.01036"), Decimal("0.015"), per, "zh") == (
        "0.0104 册/人",
        "0.015 册/人",
        "0.0046 册/人",
    )
    assert numbers.shown_pair(Decimal(79990), Decimal(80000), Unit("册次"), "zh") == (
        "79,990 册次",
        "80,000 册次",
        "10 册次",
    )
    assert numbers.shown_pair(Decimal(83), Decimal(85), Unit("%"), "zh")[2] == "2 个百分点"
    assert numbers.shown_pair(Decimal(83), Decimal(85), Unit("%"), "en")[2] == "2 percentage points"


@pytest.mark.parametrize(
    ("unit", "lang", "unit_en", "shown"),
    [
        ("m2", "zh", None, "㎡"),
        ("m2", "en", None, "m²"),
        ("平方米", "en", None, "m²"),
        ("个", "en", None, ""),
        ("台", "en", "units", "units"),
        ("册次", "en", None, "items"),
        ("册次", "zh", "items", "册次"),
        ("Mbps", "en", None, "Mbps"),
        ("某单位", "en", None, ""),  # a unit nobody translated: left out, never Chinese in English
    ],
)
def test_display_unit(unit: str, lang: str, unit_en: str | None, shown: str) -> None:
    assert display_unit(unit, lang, unit_en) == shown


def test_json_keeps_exact_numbers() -> None:
    data = json.loads(invoke("score", str(EXAMPLE), "--format", "json"))
    grade1 = next(g for g in data["grades"] if g["id"] == "grade1")
    additions = next(c for c in grade1["conditions"] if c["id"] == "additions")
    assert additions["actual"] == 0.0103571429 and additions["shortfall"] == 0.0046428571  # 1450 / 140000
    assert "0.0104 册/人" in additions["explanation"]  # the text is rounded, the number is not


# --- 3. Wording ----------------------------------------------------------------------------------

GRADED = """
id: g
title: g
level: county
period: {start: 2013, end: 2016}
total: 1000
precision: 1
facts:
  - {id: loans, name: 年文献外借量, name_en: Items lent per year, unit: 册次, unit_en: items, per_year: true,
     aggregate: mean}
  - {id: area, name: 建筑面积, name_en: Floor area, unit: m2}
parts:
  - code: "1"
    name: 服务效能
    name_en: Service effectiveness
    max: 1000
    children:
      - {code: "1.1", name: 外借, max: 600, rule: {kind: tiers, value: loans, bands: [{at: 1, points: 600}]}}
      - {code: "1.2", name: 咨询, name_en: Reference, max: 400, rule: {kind: judged}}
grades:
  - id: grade1
    name: 一级
    name_en: Grade 1
    min_score: 750
    prerequisites:
      - {id: loans, name: 年文献外借量, name_en: Items lent per year, value: loans,
         at_least: {east: 150000, central: null, west: 80000}}
      - {id: service, name: 服务效能部分得分, name_en: Service effectiveness part, score: "1", at_least: 200}
      - {id: area, name: 建筑面积 ≥ 3000 平方米, name_en: Floor area, value: area, at_least: 3000}
  - id: grade2
    name: 二级
    name_en: Grade 2
    min_score: 500
    prerequisites: []
"""


def _conditions(region: str, judged: float = 9) -> dict[str, Any]:
    std = standard(GRADED)
    years = {2013: 40000, 2014: 44000, 2015: 48000, 2016: 52000}
    r = run(std, {"loans": {"years": years}, "area": 600}, {"1.2": judged}, region)
    return {c.id: c for g in r.grades for c in g.conditions} | {f"{g.id}.min": g.conditions[0] for g in r.grades}


def test_grade_conditions_read_naturally() -> None:
    c = _conditions("west")
    assert c["grade1.min"].explanation.zh == "总分 609，低于一级最低分 750，差 141 分"
    assert c["grade1.min"].explanation.en == "total 609, below the Grade 1 minimum of 750, 141 points short"
    assert _conditions("west", 400)["grade1.min"].explanation.zh == "总分 1000，达到一级最低分 750"
    # the threshold for the library's variant, from the bound and the value's unit
    assert (
        c["loans"].name.zh == "年文献外借量 ≥ 8 万册次" and c["loans"].name.en == "Items lent per year ≥ 80,000 items"
    )
    assert c["loans"].explanation.zh == "年文献外借量（年均）4.6 万册次，要求 ≥ 8 万册次，差 3.4 万册次"
    assert c["loans"].explanation.en == (
        "Items lent per year (yearly mean): 46,000 items, short of 80,000 items by 34,000 items"
    )
    assert _conditions("east")["loans"].name.zh == "年文献外借量 ≥ 15 万册次"
    # a part by its name, not its code
    assert c["service"].name.zh == "服务效能部分得分 ≥ 200 分"
    assert c["service"].explanation.zh == "服务效能部分得分 609，要求 ≥ 200"
    assert c["service"].explanation.en == "score of part 1 (Service effectiveness): 609 ≥ 200"
    # a name that states its bound keeps it as written
    assert c["area"].name.zh == "建筑面积 ≥ 3000 平方米" and c["area"].name.en == "Floor area ≥ 3,000 m²"
    assert c["area"].explanation.zh == "建筑面积 600 ㎡，要求 ≥ 3,000 ㎡，差 2,400 ㎡"


def test_a_missing_value_says_what_its_condition_needs() -> None:
    r = run(standard(GRADED), {"loans": {"years": {2013: 1}}}, {"1.2": 9}, "west")
    area = next(c for c in r.grades[0].conditions if c.id == "area")
    assert area.met is False and area.explanation.zh == "建筑面积：缺少数据，要求 ≥ 3,000 ㎡"
    assert area.explanation.en == "Floor area: not given (≥ 3,000 m² required)"


def test_a_condition_not_for_the_variant_says_for_which() -> None:
    loans = _conditions("central")["loans"]
    assert loans.met is None and loans.name.zh == "年文献外借量"  # no bound to state
    assert loans.explanation.zh == "不适用于中部" and loans.explanation.en == "does not apply to central libraries"


def test_judged_points_are_said_as_an_expert_says_them() -> None:
    std = one_indicator("{kind: judged, levels: [{name: 好, name_en: good, points: 10}, {name: 中, points: 6}]}")
    ind = run(std, {}, {"1.1": 9}).indicator("1.1")
    assert ind is not None and ind.explanation.zh == "自评 9 分（满分 10）"
    expert = run(std, {}, {"1.1": 9}, assessor="prefecture").indicator("1.1")
    assert expert is not None and expert.explanation.zh == "专家评定 9 分（满分 10）"
    assert expert.explanation.en == "judged by the experts → 9/10"
    level = run(std, {}, {"1.1": {"level": "好"}}, assessor="province").indicator("1.1")
    assert level is not None and level.explanation.zh == "专家评定为“好”，得 10 分（满分 10）"
    assert level.explanation.en == "judged by the experts: good → 10/10"
    none = run(std, {}, None, assessor="province").indicator("1.1")
    assert none is not None and none.explanation.zh == "专家未评定，得 0 分（满分 10）"


def test_the_example_s_blocking_conditions() -> None:
    out = invoke("--lang", "zh", "score", str(EXAMPLE))
    assert "总分：832 / 1000（加分 45/50）" in out and "等级：三级" in out
    assert "✗ 年人均新增藏量 0.0104 册/人，要求 ≥ 0.015 册/人，差 0.0046 册/人" in out
    assert "✗ 年文献外借量（年均）5.8 万册次，要求 ≥ 8 万册次，差 2.2 万册次" in out
    detail = invoke("--lang", "zh", "score", str(EXAMPLE), "--detail")
    flat = re.sub(r"\s*│\s*", "", detail)
    for text in ("2.14 %", "m2", "千册次", "0.01036", "0.004643", "评定 →"):
        assert text not in detail and text not in flat, text
    en = invoke("--lang", "en", "score", str(EXAMPLE))
    assert "Grade: Grade 3" not in en and "Grade reached: Grade 3" in en


# --- 4. No Chinese in English output but what the user wrote ---------------------------------


def _user_texts(folder: Path) -> list[str]:
    """Every text of the library's own files that holds Chinese: its name, province, sources,
    notes, reasons, evidence, assessors (the user's words, shown as written in any language)."""
    found: list[str] = []

    def walk(x: object) -> None:
        if isinstance(x, str) and CJK.search(x):
            found.append(x)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for f in [folder / "library.yaml", *sorted((folder / "assessments").glob("*.yaml"))]:
        walk(yaml.safe_load(f.read_text(encoding="utf-8")))
    # a unit or a yes/no the user wrote is no name: it must be shown in English
    return sorted({s for s in found if len(s) > 3}, key=len, reverse=True)


EN_RUNS = [
    ("score",),
    ("score", "--detail"),
    ("score", "--explain", "1.1.1"),
    ("score", "--explain", "1.2.5"),
    ("plan",),
    ("plan", "--format", "md"),
    ("score", "--format", "md"),
    ("score", "--format", "html"),
]


@pytest.mark.parametrize("assessment", ["self", "prefecture"])
@pytest.mark.parametrize("args", EN_RUNS, ids=[" ".join(a) for a in EN_RUNS])
def test_english_output_has_no_chinese_but_the_user_s(
    args: tuple[str, ...], assessment: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "4000")  # no note folded across lines of a table
    out = invoke("--lang", "en", args[0], str(EXAMPLE), *args[1:], "-a", assessment)
    assert re.search(r"\b(points|Points|Score|Target)\b", out)  # English output indeed
    for text in _user_texts(EXAMPLE):
        for form in {text, html.escape(text), html.escape(text, quote=False), md_escape(text)}:
            out = out.replace(form, "")
    leaks = [m.group(0) for m in re.finditer(r".{0,30}" + CJK.pattern + r".{0,10}", out)]
    assert not leaks, leaks


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "zh",
            [
                "读者满意率（satisfaction）：95% → 88%",
                "分馆数量（branches）：3 个 → 0 个",
                "门户网站（website）：是 → 否",
            ],
        ),
        ("en", ["(satisfaction): 95% → 88%", "(branches): 3 → 0", "(website): yes → no"]),
    ],
)
def test_console_corrections_keep_their_units(lang: str, lines: list[str]) -> None:
    """A corrected value is shown with its unit on both sides, as the report shows it (not `95 → 88`)."""
    out = invoke("score", str(EXAMPLE), "-a", "prefecture", "--lang", lang)
    for line in lines:
        assert line in out, line
