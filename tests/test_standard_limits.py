"""Standards as untrusted input: every number of a standard has the limits a fact has (0, or
between 1e-15 and 1e15 in size, finite); beyond them every command answers with a located error
and exit 1, and at them every command runs. No command may die with an internal error."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from libeval.analysis.choose import Option, choose
from libeval.analysis.fact_changes import FactChange
from libeval.cli import app
from libeval.text import numbers
from libeval.text.bilingual import Bilingual

from conftest import EXAMPLE, STANDARD

BUNDLED = STANDARD.read_text(encoding="utf-8")

# where a number stands in the bundled standard: (text, the same with V for the number)
PLACES = {
    "band at": ("{at: 0.8, points: 15}", "{at: V, points: 15}"),
    "band at, one variant": (
        "{at: {east: 6000, central: 5000, west: 4000}, points: 30}",
        "{at: {east: 6000, central: 5000, west: V}, points: 30}",
    ),
    "band points": ("{at: 0.15, points: 5}", "{at: 0.15, points: V}"),
    "max": ("name_en: Website, max: 8,", "name_en: Website, max: V,"),
    "linear target": ("target: 100", "target: V"),
    "per": ("value: outreach_points, points: 0.5", "value: outreach_points, points: 0.5, per: V"),
    "per_unit points": ("value: outreach_points, points: 0.5", "value: outreach_points, points: V"),
    "boolean points": ("rule: {kind: boolean, value: website}", "rule: {kind: boolean, value: website, points: V}"),
    "level points": ("{name: 中, name_en: fair, points: 12}", "{name: 中, name_en: fair, points: V}"),
    "min_score": ("min_score: {east: 650, central: 600, west: 550}", "min_score: V"),
    "min_score, one variant": (
        "min_score: {east: 650, central: 600, west: 550}",
        "min_score: {east: 650, central: 600, west: V}",
    ),
    "at_least": (
        "value: floor_area, at_least: {east: 3000, central: 2500, west: 2000}",
        "value: floor_area, at_least: V",
    ),
    "at_most, one variant": (
        "value: floor_area, at_least: {east: 3000, central: 2500, west: 2000}",
        "value: floor_area, at_most: {east: 1, central: 1, west: V}",
    ),
    "total": ("total: 1000", "total: V"),
}
BEYOND = ["1e999999", "1e16", "-1e16", ".inf", "-.inf", ".nan", "1e-999999", "-1e-16"]

COMMANDS = [
    ["check", "lib"],
    ["score", "lib"],
    ["score", "lib", "--format", "json"],
    ["score", "lib", "--format", "md"],
    ["score", "lib", "--format", "html", "-o", "out/r.html"],
    ["score", "lib", "--format", "xlsx", "-o", "out/r.xlsx"],
    ["score", "lib", "--detail"],
    ["score", "lib", "--detail", "--lang", "en"],
    ["score", "lib", "--explain", "1.1.2"],
    ["score", "lib", "--explain", "3.1.1"],
    ["score", "lib", "-a", "prefecture", "--format", "html", "-o", "out/p.html"],
    ["plan", "lib"],
    ["plan", "lib", "--target", "一级"],
    ["plan", "lib", "-a", "prefecture", "--format", "json"],
    ["plan", "lib", "--format", "md"],
    ["diff", "lib"],
    ["diff", "lib", "--format", "html", "-o", "out/d.html"],
    ["diff", "lib", "--format", "xlsx", "-o", "out/d.xlsx"],
]


def _library(root: Path, standard: str, facts: dict[str, str] | None = None) -> Path:
    """The worked example, scored against `standard` (its text) with some facts rewritten."""
    lib = root / "lib"
    shutil.copytree(EXAMPLE, lib)
    (root / "out").mkdir()
    (lib / "std.yaml").write_text(standard, encoding="utf-8")
    text = (lib / "library.yaml").read_text(encoding="utf-8")
    text = re.sub(r"^criteria: .*$", "criteria: std.yaml", text, flags=re.M)
    for old, new in (facts or {}).items():
        assert old in text, old
        text = text.replace(old, new, 1)
    (lib / "library.yaml").write_text(text, encoding="utf-8")
    return lib


def _edited(edits: list[tuple[str, str]]) -> str:
    text = BUNDLED
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def _run_all(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], int, str]]:
    monkeypatch.chdir(root)
    out = []
    for args in COMMANDS:
        # catch_exceptions=False: an internal error fails the test with its traceback
        r = CliRunner().invoke(app, args, catch_exceptions=False)
        assert "internal error" not in r.stderr and "Traceback" not in r.stderr, (args, r.stderr)
        out.append((args, r.exit_code, r.stderr))
    return out


@pytest.mark.parametrize("bad", BEYOND)
@pytest.mark.parametrize("place", PLACES)
def test_a_number_beyond_the_limits_is_a_located_error(
    place: str, bad: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = PLACES[place]
    text = _edited([(old, new.replace("V", bad))])
    at = text.index(new.replace("V", bad)) + new.index("V")
    line, col = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    _library(tmp_path, text)
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["check", "lib"], catch_exceptions=False)
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [r.stderr.splitlines()[0]], r.stderr  # one problem, no echo of a union
    assert r.stderr.startswith(f"lib/std.yaml:{line}:{col}: error: "), r.stderr
    assert any(
        s in r.stderr for s in ("at most 1000000000000000", "at least ", "greater than 0", "finite", "[tiny-number]")
    )


@pytest.mark.parametrize("bad", BEYOND)
def test_no_command_dies_on_a_standard_beyond_the_limits(
    bad: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the same number in every place at once (one per text): each is reported where it stands
    edits = dict(reversed(PLACES.values()))
    text = _edited([(old, new.replace("V", bad)) for old, new in edits.items()])
    _library(tmp_path, text)
    for args, code, err in _run_all(tmp_path, monkeypatch):
        assert code == 1, (args, err)
        assert re.match(r"lib/std\.yaml:\d+:\d+: error: ", err), (args, err)


def test_a_fact_beyond_the_limits_is_a_located_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _library(tmp_path, BUNDLED, {"floor_area: {value: 600": "floor_area: {value: 1e-999999"})
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["plan", "lib"], catch_exceptions=False)
    assert r.exit_code == 1
    assert r.stderr.startswith("lib/library.yaml:16:") and "[tiny-number]" in r.stderr, r.stderr


# Numbers at the limits, which are accepted: every command runs and exits 0.
AT_THE_LIMITS = {
    "large": (
        [
            ("{at: 0.8, points: 15}", "{at: 1e15, points: 15}"),  # reached by a derived value of 7e54
            ('formula: "annual_loans / population"', 'formula: "floor_area * floor_area * floor_area / population"'),
            ("{at: {east: 6000, central: 5000, west: 4000}, points: 30}", "{at: 1e15, points: 30}"),
            ("min_score: {east: 850, central: 800, west: 750}", "min_score: 1e15"),  # the knapsack's gap
            (
                "value: additions_per_capita, at_least: {east: 0.015, central: 0.012, west: 0.01}",
                "value: additions_per_capita, at_least: 1e15",
            ),
            ("target: 100", "target: 1e15"),
            ("  max: 50\n  capped: true", "  max: 1e15\n  capped: true"),
        ],
        {"floor_area: {value: 600": "floor_area: {value: 1e15", "population: 140000": "population: 1"},
    ),
    "small": (
        [
            ("{at: 0.15, points: 5}", "{at: 1e-15, points: 1e-10}"),
            ('formula: "annual_loans / population"', 'formula: "floor_area * floor_area * floor_area / population"'),
            ("value: outreach_points, points: 0.5", "value: outreach_points, points: 1e-15, per: 1e-15"),
            ("value: research_papers, points: 3", "value: research_papers, points: 0.000000000000001"),
            ("rule: {kind: boolean, value: website}", "rule: {kind: boolean, value: website, points: 1e-15}"),
            ("target: 100", "target: 1e-15"),
            (
                "value: additions_per_capita, at_least: {east: 0.015, central: 0.012, west: 0.01}",
                "value: additions_per_capita, at_least: 1e-15",
            ),
        ],
        {"floor_area: {value: 600": "floor_area: {value: 1e-15", "population: 140000": "population: 10000000000"},
    ),
}


@pytest.mark.parametrize("case", AT_THE_LIMITS)
def test_every_command_runs_on_numbers_at_the_limits(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edits, facts = AT_THE_LIMITS[case]
    _library(tmp_path, _edited(edits), facts)
    for args, code, err in _run_all(tmp_path, monkeypatch):
        assert code == 0, (args, err)


def test_numbers_of_any_size_are_shown() -> None:
    assert numbers.plain(Decimal("775.30")) == "775.3"
    assert numbers.plain(Decimal("1e15")) == "1000000000000000"
    assert numbers.plain(Decimal("1e-15")) == "0.000000000000001"
    assert numbers.value(Decimal("123456789012345.678")) == "123,456,789,012,345.68"
    # beyond any number a file may hold (only a derived value gets there): an exponent
    assert numbers.value(Decimal("7.142857e54")) == "7.143e+54"
    assert numbers.plain(Decimal("-1e999999")) == "-1e+999999"
    assert numbers.value(Decimal("1e-60")) == "1e-60"
    assert numbers.to_json(Decimal("7.5e54")) == 75 * 10**53
    assert numbers.to_json(Decimal("1234567890123456789.5")) == 1.2345678901234568e18


def _option(fact: str, gain: str) -> Option:
    change = FactChange(fact, Bilingual(fact, fact), Decimal(1), Decimal(2), False, False)
    return Option(change, Decimal(gain), ())


def test_the_knapsack_table_stays_bounded() -> None:
    options = [_option("a", "6e14"), _option("a", "1e14"), _option("b", "5e14"), _option("c", "3e14")]
    # a gap of 1e15 points at 4 decimal places would be a table of 1e19 cells
    picked = choose(options, Decimal("1e15"), 4)
    assert picked is not None and sum(o.gain for o in picked) >= Decimal("1e15")
    assert {o.change.fact for o in picked} == {"a", "b"}
    assert choose(options, Decimal("2e15"), 4) is None  # beyond every fact's best, at once
