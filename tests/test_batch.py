"""Scoring a folder of library folders: order, parallel runs, broken folders, output formats."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import html5lib
import pytest
from typer.testing import CliRunner

from libeval.cli import app

from conftest import EXAMPLE


def invoke(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def _corpus(root: Path, count: int, broken: tuple[int, ...] = ()) -> Path:
    """`count` copies of the worked example with different floor areas, some of them broken."""
    for i in range(count):
        region = ("east", "central", "west")[i % 3]
        folder = root / region / f"lib{i:03d}"
        shutil.copytree(EXAMPLE, folder)
        text = (folder / "library.yaml").read_text(encoding="utf-8")
        text = text.replace("floor_area: {value: 600,", f"floor_area: {{value: {600 + 150 * i},")
        text = text.replace("name: 精河县图书馆", f"name: 测试县图书馆{i:03d}").replace(
            "region: west", f"region: {region}"
        )
        if i in broken:
            text = text.replace("population: 140000", "population: lots")
        (folder / "library.yaml").write_text(text, encoding="utf-8")
    return root


def test_summary_ranks_and_counts(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c", 6, broken=(4,))
    code, out, err = invoke("score", str(root), "--format", "json", "--jobs", "1")
    assert code == 1  # one broken folder: the others are scored, the exit code says so at the end
    data = json.loads(out)
    assert (data["count"], data["scored"], data["failed"]) == (6, 5, 1)
    paths = [x["path"] for x in data["libraries"]]
    assert paths == sorted(paths)  # folder order
    broken = next(x for x in data["libraries"] if x["path"].endswith("lib004"))
    assert broken["total"] is None and broken["problems"][0]["code"] == "number-text"
    assert "lib004/library.yaml:" in err and "[number-text]" in err
    ranks = sorted((x["rank"], -x["total"]) for x in data["libraries"] if x["rank"])
    assert [r for r, _ in ranks] == [1, 2, 3, 4, 5] and [t for _, t in ranks] == sorted(t for _, t in ranks)
    assert set(data["distribution"]) == {"east", "central", "west"}
    assert sum(sum(c.values()) for c in data["distribution"].values()) == 5


def test_parallel_results_are_identical(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c", 40, broken=(7, 33))
    one = invoke("score", str(root), "--format", "json", "--jobs", "1")
    two = invoke("score", str(root), "--format", "json", "--jobs", "2")
    assert one == two
    assert one[0] == 1


def test_csv_md_html_and_reports(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c", 4)
    code, out, _ = invoke("score", str(root), "--format", "csv", "--lang", "en")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    data = json.loads(invoke("score", str(root), "--format", "json", "--lang", "en")[1])
    assert [(r["path"], Decimal(r["total"]), r["grade"]) for r in rows] == [
        (x["path"], Decimal(str(x["total"])), x["grade_name"] or "") for x in data["libraries"]
    ]
    assert {r["grade"] for r in rows} <= {"Grade 1", "Grade 2", "Grade 3", ""}
    code, out, _ = invoke("score", str(root), "--format", "md")
    assert code == 0 and "## 各地区等级分布" in out and "| 1 | 测试县图书馆" in out
    reports = tmp_path / "reports"
    code, out, _ = invoke("score", str(root), "--format", "html", "--reports-dir", str(reports), "--jobs", "2")
    assert code == 0
    html5lib.HTMLParser(strict=True).parse(out)
    written = sorted(p.name for p in reports.iterdir())
    assert written == ["central-lib001.html", "east-lib000.html", "east-lib003.html", "west-lib002.html"]
    east = next(x for x in data["libraries"] if x["path"].endswith("lib000"))["total"]
    assert f'id="total">{east}' in (reports / "east-lib000.html").read_text(encoding="utf-8")


def test_fail_under_and_usage_errors(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c", 3)
    assert invoke("score", str(root), "--fail-under", "800")[0] == 0
    assert invoke("score", str(root), "--fail-under", "900")[0] == 1
    assert invoke("score", str(root), "--detail")[0] == 2
    assert invoke("score", str(EXAMPLE), "--format", "csv")[0] == 2
    assert invoke("score", str(EXAMPLE), "--reports-dir", str(tmp_path / "r"))[0] == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = invoke("score", str(empty))
    assert code == 1 and "[no-libraries]" in err


@pytest.mark.parametrize("args", [["--help"], ["check", str(EXAMPLE)], ["score", str(EXAMPLE), "--format", "json"]])
def test_commands_do_not_import_what_they_do_not_need(args: list[str]) -> None:
    code = (
        "import sys\nfrom libeval.cli import main\n"
        f"sys.argv = ['libeval', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'jinja2', 'openpyxl'}), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60)
    assert proc.stderr.strip().splitlines()[-1] == "[]", proc.stderr


@pytest.mark.parametrize(("fmt", "assessment"), [("html", "prefecture"), ("md", "self")])
def test_a_batch_report_is_the_single_report(tmp_path: Path, fmt: str, assessment: str) -> None:
    """One function builds a library's report: `score DIR --reports-dir` writes, byte for byte,
    what `score LIB --format html` prints, next steps included (a bug once left them out); for a
    review, the reviewer's report."""
    root = tmp_path / "province"
    shutil.copytree(EXAMPLE, root / "jinghe")
    reports = tmp_path / "reports"
    code, _, err = invoke(
        "score", str(root), "-a", assessment, "--reports-dir", str(reports), "--reports-format", fmt, "-j", "1"
    )
    assert code == 0, err
    code, single, err = invoke("score", str(root / "jinghe"), "-a", assessment, "--format", fmt)
    assert code == 0, err
    batch = (reports / f"jinghe.{fmt}").read_text(encoding="utf-8")
    assert batch == single
    if assessment == "self":
        assert ("下一步" in single) and ("建筑面积" in single.split("下一步", 1)[1])
    else:  # a review's report is the reviewer's (复核意见), the same from the batch
        assert "评估复核意见" in single and "建筑面积" in single.split("二、复核结论", 1)[1]
