"""The review's data model (issue 21): corrections that verify or state a value as people write
it, and assessments that inherit (`inherit: self`), resolved at load time."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from libeval.errors import LibevalError
from libeval.load.folders import LibraryFolder, load_library
from libeval.models.result import Result
from libeval.scoring.engine import score

from conftest import EXAMPLE

HEAD = "assessor: prefecture\ndate: 2017-07-12\n"


def _copy(tmp_path: Path, **files: str) -> Path:
    """The worked example without its prefecture review, with `files` as assessments."""
    lib = tmp_path / "jinghe"
    shutil.copytree(EXAMPLE, lib)
    (lib / "assessments" / "prefecture.yaml").unlink()
    for name, text in files.items():
        (lib / "assessments" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return lib


def _score(folder: LibraryFolder, name: str) -> Result:
    return score(folder.standard, folder.library, folder.assessments[name][0], name)


def _errors(lib: Path) -> list[tuple[str, str, int | None]]:
    with pytest.raises(LibevalError) as exc:
        load_library(lib)
    return [(p.code, Path(p.file).name, p.line) for p in exc.value.problems if p.severity == "error"]


def test_an_inheriting_review_scores_like_its_source_until_changed(tmp_path: Path) -> None:
    folder = load_library(_copy(tmp_path, prefecture=HEAD + "inherit: self\n"))
    assert _score(folder, "prefecture").total == _score(folder, "self").total == Decimal(832)
    effective, written = folder.assessments["prefecture"][0], folder.written["prefecture"]
    assert effective.inherit == "self" and effective.assessor == "prefecture"
    assert effective.judged == folder.written["self"].judged and not written.judged
    assert effective.not_applicable == {"2.1.8": "本馆无古籍收藏"} and not written.not_applicable


def test_a_pass_overlays_its_source_per_code_and_per_fact(tmp_path: Path) -> None:
    text = HEAD + (
        "inherit: self\n"
        'judged: {"1.2.1": {level: 差}, "2.1.8": {points: 5}}\n'
        "corrections: {branches: {value: 0, reason: 未签协议}}\n"
    )
    again = 'assessor: province\ninherit: prefecture\ndate: 2017-09-01\nnot_applicable: {"2.1.8": 无古籍}\n'
    folder = load_library(_copy(tmp_path, prefecture=text, province=again))
    a = folder.assessments["prefecture"][0]
    assert a.judged["1.2.1"].level == "差" and a.judged["2.1.8"].points == 5  # an award wins over the source's N/A
    assert "2.1.8" not in a.not_applicable
    b = folder.assessments["province"][0]
    assert "2.1.8" not in b.judged and b.not_applicable == {"2.1.8": "无古籍"}  # and an N/A over the source's award
    assert b.corrections["branches"].value == 0 and b.judged["1.2.1"].level == "差"
    assert a.judged["1.1.10"] == folder.assessments["self"][0].judged["1.1.10"]  # not restated: kept
    assert set(folder.written["prefecture"].judged) == {"1.2.1", "2.1.8"}
    r = _score(folder, "prefecture")
    assert r.indicator("1.1.10").score == _score(folder, "self").indicator("1.1.10").score  # type: ignore[union-attr]
    assert r.indicator("1.2.2").score == 0 and r.indicator("2.1.8").score == 5  # type: ignore[union-attr]
    assert _score(folder, "province").indicator("2.1.8").status == "not_applicable"  # type: ignore[union-attr]


def test_chains_merge_years_and_verified_keeps_the_source_value(tmp_path: Path) -> None:
    pref = HEAD + (
        "inherit: self\ncorrections:\n"
        "  annual_loans: {years: {2013: 42000}, reason: 年报}\n  branches: {value: 0, reason: 未签协议}\n"
    )
    prov = (
        "assessor: province\ninherit: prefecture\ndate: 2017-09-01\nmembers: [王五（组长）, 赵六]\n"
        "corrections:\n  annual_loans: {years: {2014: 45000}, reason: 年报}\n"
        "  branches: {verified: true, note: 复核属实}\n"
    )
    folder = load_library(_copy(tmp_path, prefecture=pref, province=prov))
    a = folder.assessments["province"][0]
    assert a.members == ["王五（组长）", "赵六"]
    assert a.corrections["annual_loans"].years == {2013: 42000, 2014: 45000}
    branches = a.corrections["branches"]
    assert (branches.value, branches.verified, branches.reason, branches.note) == (0, True, "未签协议", "复核属实")
    assert _score(folder, "province").fact("branches").value == 0  # type: ignore[union-attr]


def test_a_verified_fact_keeps_its_value_and_loses_its_estimated_mark(tmp_path: Path) -> None:
    text = HEAD + (
        "inherit: self\ncorrections:\n  computers: {verified: true, evidence: [library.yaml], note: 现场清点}\n"
    )
    folder = load_library(_copy(tmp_path, prefecture=text))
    before, after = _score(folder, "self"), _score(folder, "prefecture")
    assert after.total == before.total
    fact = after.fact("computers")
    assert fact is not None and before.fact("computers").estimated  # type: ignore[union-attr]
    assert (fact.value, fact.verified, fact.estimated, fact.note) == (40, True, False, "现场清点")
    assert fact.evidence == ("library.yaml",)
    assert after.completeness.facts_estimated == before.completeness.facts_estimated - 1
    assert "computers" not in after.estimated
    (c,) = after.corrections
    assert (c.verified, c.old, c.new, c.changed, c.reason) == (True, "40", "40", False, "")
    assert c.evidence == ("library.yaml",)


def test_a_new_value_shows_its_reason_and_evidence_not_the_library_source(tmp_path: Path) -> None:
    text = HEAD + "corrections:\n  satisfaction: {value: 88%, reason: 现场抽样, evidence: [library.yaml]}\n"
    folder = load_library(_copy(tmp_path, prefecture=text))
    fact = _score(folder, "prefecture").fact("satisfaction")
    assert fact is not None
    assert (fact.value, fact.source, fact.evidence, fact.estimated, fact.verified) == (
        88,
        "现场抽样",
        ("library.yaml",),
        False,
        False,
    )


@pytest.mark.parametrize("written", ["88%", '"88 %"', "88", '"８８％"'])
def test_a_corrected_number_is_read_as_people_write_it(tmp_path: Path, written: str) -> None:
    text = HEAD + f"inherit: self\ncorrections:\n  satisfaction: {{value: {written}, reason: 现场抽样}}\n"
    folder = load_library(_copy(tmp_path, prefecture=text))
    assert _score(folder, "prefecture").fact("satisfaction").value == 88  # type: ignore[union-attr]


def test_a_corrected_number_in_another_unit_is_an_error(tmp_path: Path) -> None:
    text = HEAD + "inherit: self\ncorrections:\n  satisfaction: {value: 88㎡, reason: 现场抽样}\n"
    assert _errors(_copy(tmp_path, prefecture=text)) == [("unit-mismatch", "prefecture.yaml", 5)]


def test_a_reason_alone_is_a_located_error_never_a_deletion(tmp_path: Path) -> None:
    text = HEAD + "inherit: self\ncorrections:\n  computers: {reason: 现场核实}\n  branches: {value: 0}\n"
    assert _errors(_copy(tmp_path, prefecture=text)) == [
        ("correction-without-value", "prefecture.yaml", 5),
        ("correction-without-reason", "prefecture.yaml", 6),
    ]


def test_unknown_sources_and_cycles_are_located_errors(tmp_path: Path) -> None:
    lib = _copy(tmp_path, prefecture=HEAD + "inherit: slef\n")
    with pytest.raises(LibevalError) as exc:
        load_library(lib)
    (p,) = exc.value.problems
    assert (p.code, p.line, dict(p.args)["suggest"]) == ("inherit-unknown", 3, "self")
    cycle = {"a": HEAD + "inherit: b\n", "b": HEAD + "inherit: a\n", "c": HEAD + "inherit: c\n"}
    found = _errors(_copy(tmp_path / "cycle", **cycle))
    assert ("inherit-cycle", "c.yaml", 3) in found and len(found) == 2


def test_a_correction_evidence_is_checked_like_the_library_one(tmp_path: Path) -> None:
    text = HEAD + "inherit: self\ncorrections:\n  computers: {verified: true, evidence: [photo.jpg, ../x.pdf]}\n"
    lib = _copy(tmp_path, prefecture=text)
    assert _errors(lib) == [("evidence-outside", "prefecture.yaml", 5)]
    (lib / "assessments" / "prefecture.yaml").write_text(text.replace(", ../x.pdf", ""), encoding="utf-8")
    warned = [p.code for p in load_library(lib).problems if "prefecture" in p.file]
    assert warned == ["evidence-missing"]
