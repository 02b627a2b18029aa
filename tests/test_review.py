"""`libeval review LIB --as NAME`: a review that inherits from its source, with the on-site
checklist as comments; it scores like its source until the team writes its changes (issue 21)."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from libeval.cli import app
from libeval.load.folders import load_library
from libeval.scoring.engine import score

from conftest import EXAMPLE


def _lib(tmp_path: Path) -> Path:
    """The worked example without its prefecture review."""
    lib = tmp_path / "jinghe"
    shutil.copytree(EXAMPLE, lib)
    (lib / "assessments" / "prefecture.yaml").unlink()
    return lib


def _total(lib: Path, name: str) -> Decimal:
    folder = load_library(lib)
    return score(folder.standard, folder.library, folder.assessments[name][0], name).total


def _invoke(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def test_a_new_review_passes_check_strict_and_scores_like_its_source(tmp_path: Path) -> None:
    lib = _lib(tmp_path)
    code, out, _ = _invoke("review", str(lib), "--as", "prefecture", "--date", "2017-07-12", "--by", "州评估组")
    target = lib / "assessments" / "prefecture.yaml"
    assert code == 0 and out == f"{target}\n"
    assert _invoke("check", str(lib), "--strict")[0] == 0
    assert _total(lib, "prefecture") == _total(lib, "self") == Decimal(832)
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data == {
        "assessor": "prefecture",
        "inherit": "self",
        "by": "州评估组",
        "date": __import__("datetime").date(2017, 7, 12),
        "judged": None,
        "not_applicable": None,
        "corrections": None,
    }


def test_the_team_changes_written_the_inherit_way_give_the_reported_775_3(tmp_path: Path) -> None:
    """Done when (issue 21): the review written by `review`, with the team's changes as the worked
    example's prefecture.yaml writes them (only what differs from self), scores 775.3."""
    lib = _lib(tmp_path)
    assert _invoke("review", str(lib), "--as", "prefecture")[0] == 0
    target = lib / "assessments" / "prefecture.yaml"
    team = (EXAMPLE / "assessments" / "prefecture.yaml").read_text(encoding="utf-8")
    sections = {key: team.split(f"\n{key}:", 1)[1] for key in ("judged", "not_applicable", "corrections")}
    sections = {key: text.split("\n", 1)[1] for key, text in sections.items()}
    judged = sections["judged"].split("\nnot_applicable:")[0]
    corrections = sections["corrections"]
    text = target.read_text(encoding="utf-8")
    text = text.replace("\njudged:\n", f"\njudged:\n{judged}\n").replace(
        "\ncorrections:\n", f"\ncorrections:\n{corrections}"
    )
    target.write_text(text, encoding="utf-8")
    assert _invoke("check", str(lib), "--strict")[0] == 0
    assert _total(lib, "prefecture") == Decimal("775.3")
    # and the team's checked-on-site line taken from the checklist as it is written keeps the total
    text = text.replace("  # computers: {verified: true}", "  computers: {verified: true}")
    target.write_text(text, encoding="utf-8")
    assert _total(lib, "prefecture") == Decimal("775.3")
    assert load_library(lib).assessments["prefecture"][0].corrections["computers"].verified


def test_the_checklist_lists_every_fact_and_every_judged_award(tmp_path: Path) -> None:
    lib = _lib(tmp_path)
    _invoke("review", str(lib), "--as", "prefecture")
    text = (lib / "assessments" / "prefecture.yaml").read_text(encoding="utf-8")
    folder = load_library(lib)
    for fid in folder.standard.facts:
        assert f"  # {fid}: {{verified: true}}" in text
    for code, award in folder.assessments["self"][0].judged.items():
        assert f'  # "{code}": ' in text
        assert award.note is None or award.note in text
    assert "（估计值）" in text and "计算机" in text and "2013: 52,000, 2014: 56,000" in text
    assert "# 古籍保护" not in text and "2.1.8 古籍保护（满分 10 分）：自评列为不适用（本馆无古籍收藏）" in text
    # the source is named as a reader knows it, never by its file name inside Chinese
    assert "1.2.1 总分馆制建设（满分 20 分）：自评定为“中”，12 分" in text and "“self”" not in text


def test_in_english_the_comments_hold_no_chinese_of_the_program(tmp_path: Path) -> None:
    lib = _lib(tmp_path)
    _invoke("review", str(lib), "--as", "province", "--lang", "en")
    text = (lib / "assessments" / "province.yaml").read_text(encoding="utf-8")
    assert "# How: remove the '#'" in text and "(estimated)" in text and "估计值" not in text
    assert "assessor: province" in text


def test_another_name_is_an_other_assessor_and_from_must_exist(tmp_path: Path) -> None:
    lib = _lib(tmp_path)
    assert _invoke("review", str(lib), "--as", "expert2", "--from", "self")[0] == 0
    assert "assessor: other" in (lib / "assessments" / "expert2.yaml").read_text(encoding="utf-8")
    code, _, err = _invoke("review", str(lib), "--as", "third", "--from", "expert3")
    assert code == 1 and "[assessment-not-found]" in err and not (lib / "assessments" / "third.yaml").exists()
    # a chain: a review of a review
    assert _invoke("review", str(lib), "--as", "province", "--from", "expert2")[0] == 0
    assert _total(lib, "province") == Decimal(832)


def test_an_existing_review_is_never_written_over_without_force(tmp_path: Path) -> None:
    lib = _lib(tmp_path)
    target = lib / "assessments" / "prefecture.yaml"
    target.write_text("assessor: prefecture\ndate: 2017-07-12\n", encoding="utf-8")
    code, _, err = _invoke("review", str(lib), "--as", "prefecture")
    assert code == 1 and "[review-exists]" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "assessor: prefecture\ndate: 2017-07-12\n"
    assert _invoke("review", str(lib), "--as", "prefecture", "--force")[0] == 0
    assert "inherit: self" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["../x", "a/b", ".hidden", "州评 2"])
def test_a_name_that_is_not_a_file_stem_is_refused(tmp_path: Path, name: str) -> None:
    lib = _lib(tmp_path)
    code, _, err = _invoke("review", str(lib), "--as", name)
    assert code == 1 and "[review-name]" in err
    assert sorted(p.name for p in (lib / "assessments").iterdir()) == ["self.yaml"]


def test_the_modeline_is_kept_when_the_folder_has_the_schema(tmp_path: Path) -> None:
    lib = _lib(tmp_path)
    (lib / ".libeval").mkdir(exist_ok=True)
    (lib / ".libeval" / "assessment.schema.json").write_text("{}", encoding="utf-8")
    _invoke("review", str(lib), "--as", "prefecture")
    first = (lib / "assessments" / "prefecture.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../.libeval/assessment.schema.json"


def test_a_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    lib = _lib(tmp_path)
    code, _, _ = _invoke("review", str(lib), "--as", "prefecture", "--date", "2017-13-01")
    assert code == 2 and not (lib / "assessments" / "prefecture.yaml").exists()


def test_a_review_of_a_review_lists_the_corrections_with_their_reasons(tmp_path: Path) -> None:
    """A province starting from the prefecture's review sees the corrected value and why it was
    corrected (never the reason passed off as the figure's source), and the prefecture's notes
    as the prefecture's."""
    lib = tmp_path / "jinghe"
    shutil.copytree(EXAMPLE, lib)
    code, _, err = _invoke("review", str(lib), "--as", "province", "--from", "prefecture", "--lang", "zh")
    assert code == 0, err
    text = (lib / "assessments" / "province.yaml").read_text(encoding="utf-8")
    assert "读者满意率（satisfaction）：88%（已更正）；更正理由：自评满意度调查样本不足" in text
    assert "；来源：自评满意度" not in text
    assert "1.3.7 志愿者服务（满分 15 分）：州（市）评 11 分；州（市）评说明：志愿者参与送书活动属实" in text
    assert _total(lib, "province") == Decimal("775.3")
