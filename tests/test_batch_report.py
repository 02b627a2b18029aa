"""The batch report a provincial office reads: the standard and the assessment named, the notices
of reconstructed values and estimated facts, each blocker with its gap."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import html5lib
import pytest
from typer.testing import CliRunner

from libeval.analysis.batch import Gap
from libeval.cli import app
from libeval.present.batch import gap_text
from libeval.text.bilingual import Bilingual
from libeval.text.units import Unit

from conftest import EXAMPLE


def invoke(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture
def province(tmp_path: Path) -> Path:
    """The worked example twice: as it is (三级, blocked by its floor area) and with 2,600 ㎡."""
    root = tmp_path / "province"
    shutil.copytree(EXAMPLE, root / "a")
    shutil.copytree(EXAMPLE, root / "b")
    lib = root / "b" / "library.yaml"
    lib.write_text(
        lib.read_text(encoding="utf-8").replace("floor_area: {value: 600,", "floor_area: {value: 2600,"),
        encoding="utf-8",
    )
    return root


def test_the_markdown_report_names_what_it_rests_on_and_each_gap(province: Path) -> None:
    code, out, err = invoke("score", str(province), "-a", "prefecture", "--format", "md", "-j", "1")
    assert code == 0, err
    head = out.split("## ")[0]
    assert "评估标准：cn-2017-county 第六次全国县级公共图书馆评估定级标准（重建版）" in head
    assert "评估：州（市）评（各馆的 assessments/prefecture.yaml）" in head
    assert "> ⚠️ 标准 cn-2017-county 的 119 项数值中有 115 项为重建值，未经官方原文核对" in head
    assert "> ⚠️ 2 个图书馆的结果含估计值（共 36 项事实为估计值，非报告数据），见各馆报告。" in head
    assert "| 三级 | 二级：建筑面积 600 ㎡，需 2,000 ㎡，差 1,400 ㎡ |" in out
    assert "一级：年文献外借量（年均）4.6 万册次，需 8 万册次，差 3.4 万册次；建筑面积 2,600 ㎡" in out
    assert "差 0.0046 册/人" in out  # three significant digits, not 0.004643
    assert "二级: 建筑面积" not in out and "\n\n\n" not in out


def test_the_html_report_says_the_same(province: Path) -> None:
    code, out, err = invoke("score", str(province), "--format", "html", "--lang", "en", "-j", "1")
    assert code == 0, err
    html5lib.HTMLParser(strict=True).parse(out)
    assert '<p id="basis">Standard: cn-2017-county' in out
    assert "<br>Assessment: Self (assessments/self.yaml of each library)</p>" in out
    assert '<p class="banner notice">⚠️ 115 of the 119 values of the standard cn-2017-county' in out
    assert "2 libraries&#39; results rest on estimated facts (50 in all" in out
    assert '<td class="gaps">Grade 2: Floor area 600 m², 2,000 m² needed, 1,400 m² short</td>' in out
    assert '<thead><tr><th class="n">Rank</th>' in out
    assert ">Jinghe County Library</td>" in out and "精河县图书馆" not in out  # the English name


def test_the_terminal_table_shows_the_gaps(province: Path) -> None:
    code, out, _ = invoke("score", str(province), "-a", "prefecture", "-j", "1")
    assert code == 0
    assert "评估标准：cn-2017-county" in out and "二级：建筑面积 600 ㎡，需 2,000 ㎡，差 1,400" in out


def test_nothing_scored_leaves_no_empty_lines(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "p" / "a")
    (tmp_path / "p" / "a" / "library.yaml").write_text("name: [\n", encoding="utf-8")
    code, out, _ = invoke("score", str(tmp_path / "p"), "--format", "md")
    assert code == 1
    assert out.startswith("# 评估定级汇总\n\n共 1 个图书馆，已评分 0 个，出错 1 个。\n")


NAME = Bilingual("建筑面积", "Floor area")
M2 = Unit("m2", "")


@pytest.mark.parametrize(
    ("gap", "zh", "en"),
    [
        (
            Gap(NAME, "at_least", Decimal(600), Decimal(2000), Decimal(1400), M2, value=True),
            "建筑面积 600 ㎡，需 2,000 ㎡，差 1,400 ㎡",
            "Floor area 600 m², 2,000 m² needed, 1,400 m² short",
        ),
        (
            Gap(
                Bilingual("年文献外借量（年均）", "Items lent (yearly mean)"),
                "at_most",
                Decimal(9),
                Decimal(5),
                Decimal(4),
            ),
            "年文献外借量（年均）9 分，需 5 分，差 4 分",  # not a value: points
            "Items lent (yearly mean) 9 points, 5 needed, 4 short",
        ),
        (
            Gap(NAME, "at_most", Decimal(9), Decimal(5), Decimal(4), M2, value=True),
            "建筑面积 9 ㎡，不得超过 5 ㎡，超出 4 ㎡",
            "Floor area 9 m², at most 5 m², 4 m² over",
        ),
        (Gap(NAME, "at_least", None, Decimal(5), None, M2, value=True), "建筑面积：缺数据", "Floor area: not given"),
        (
            Gap(Bilingual("免费开放", "Free opening"), "equals", False, True, None, value=True),
            "免费开放：否，需为“是”",
            "Free opening: no, yes required",
        ),
        (
            Gap(Bilingual("总分", "total score"), "min_score", Decimal("66.5"), Decimal(70), Decimal("3.5")),
            "总分 66.5，需 70，差 3.5 分",
            "total 66.5, 70 needed, 3.5 points short",
        ),
        (
            Gap(Bilingual("1.1.8 满分", "1.1.8 at full marks"), "full_marks", Decimal(5), Decimal(10), Decimal(5)),
            "1.1.8 满分：得 5 分，需满分 10 分",
            "1.1.8 at full marks: 5 points, full marks (10) needed",
        ),
    ],
)
def test_gap_texts(gap: Gap, zh: str, en: str) -> None:
    assert gap_text(gap, "zh") == zh
    assert gap_text(gap, "en") == en
