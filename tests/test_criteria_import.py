"""`libeval criteria import`: a standard's published table (CSV in UTF-8 or GBK, .xlsx, .docx)
read into a criteria skeleton that passes `libeval check`, every scoring text kept verbatim;
every problem of the table located and reported at once, nothing written on error."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from libeval.cli import app
from libeval.load.criteria_skeleton import SkeletonMeta, skeleton_yaml
from libeval.load.standard_table import Row
from libeval.load.table_criteria import Item, chinese_number, heading_key, read_code
from libeval.load.validation import validate
from libeval.load.yaml_source import loads
from libeval.models import StandardSpec

from conftest import ROOT

HEADER = ("序号", "评估指标", "分值", "评分标准")
TITLE = "附件：测试用评估标准（虚构示例，非官方）"
# (code, name, points, scoring text): 1.2.1 and 1.2.2 share their text (a merged cell in Word and Excel)
ROWS: list[tuple[Any, ...]] = [
    ("1", "服务效能", "60", ""),
    ("1.1", "基本服务", "35", ""),
    ("1.1.1", "周开放时间", "15", "每周开放≥56小时得15分；\n每少2小时扣1分，扣完为止。"),
    ("1.1.2", "年文献外借量", "20分", "东部≥15万册次、中部≥12万册次、西部≥8万册次得20分。"),
    ("1.2", "阅读推广", "25", ""),
    ("1.2.1", "阅读推广活动", "12.5", "年均≥12场得满分，≥6场得一半。"),
    ("1.2.2", "少儿阅读活动", "12.5", "年均≥12场得满分，≥6场得一半。"),
    ("1.10", "总分馆建设", "0", ""),
    ("2", "保障条件", "40", ""),
    ("2.1", "经费保障", "40", ""),
    ("2.1.1", "财政拨款", "20", "财政拨款逐年增长得20分；持平得10分。"),
    ("2.1.2", "购书经费", "20", ""),
]
TOTAL = ("合计", "", "100", "")
SPLIT = 7  # the Word document's first table ends after this many rows (1.2.2: the merge stays in one table)
IMPORT = ("--period", "2013-2016", "--id", "test-table", "--title", "测试标准")


def invoke(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def write_csv(path: Path, rows: list[tuple[Any, ...]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def table_csv(path: Path, encoding: str = "utf-8-sig") -> Path:
    return write_csv(path, [(TITLE, "", "", ""), HEADER, *ROWS, TOTAL], encoding)


def table_xlsx(path: Path) -> Path:
    """As people type it into Excel: numbers as numbers (the codes 1 and 2 too), the title and
    the 合计 label in merged cells, the shared scoring text in one merged cell."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "评估标准"
    ws.append([TITLE])
    ws.merge_cells("A1:D1")
    ws.append(list(HEADER))
    for code, name, points, text in ROWS:
        number = points.isdigit() or points.replace(".", "", 1).isdigit()
        ws.append([int(code) if code.isdigit() else code, name, float(points) if number else points, text or None])
    shared = 2 + [r[0] for r in ROWS].index("1.2.1") + 1
    ws.merge_cells(f"D{shared}:D{shared + 1}")
    ws.append(["合计", None, 100, None])
    ws.merge_cells(f"A{ws.max_row}:B{ws.max_row}")
    wb.create_sheet("说明").append(["not the table"])
    wb.save(path)
    return path


def table_docx(path: Path) -> Path:
    """A Word annex: the table split over two tables (续表 between), the header row
    repeated in the second, the title and 合计 in merged cells, the shared scoring text merged."""
    document = docx.Document()
    document.add_paragraph("附件")
    first = [(TITLE, "", "", ""), HEADER, *ROWS[:SPLIT]]
    second = [HEADER, *ROWS[SPLIT:], TOTAL]
    for n, rows in enumerate((first, second)):
        if n:
            document.add_paragraph("（续表）")  # the next page: the table continued
        table = document.add_table(rows=len(rows), cols=4)
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                table.cell(i, j).text = str(text)
        if n == 0:
            table.cell(0, 0).merge(table.cell(0, 3)).text = TITLE
            shared = 2 + [r[0] for r in ROWS].index("1.2.1")
            table.cell(shared, 3).merge(table.cell(shared + 1, 3)).text = ROWS[SPLIT - 2][3]
        else:
            table.cell(len(rows) - 1, 0).merge(table.cell(len(rows) - 1, 1)).text = "合计"
    document.save(str(path))
    return path


def run_import(table: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    return invoke("criteria", "import", str(table), "-o", str(out), *IMPORT, *extra)


def test_a_csv_table_becomes_a_skeleton_that_passes_check(tmp_path: Path) -> None:
    out = tmp_path / "standard.yaml"
    code, _, err = run_import(table_csv(tmp_path / "table.csv"), out, "--lang", "zh")
    assert code == 0, err
    assert "读取列：序号 → 编号；评估指标 → 名称；分值 → 满分；评分标准 → 说明\n" in err
    assert "2 个部分、3 个分组、7 个指标，总分 100" in err
    text = out.read_text(encoding="utf-8")
    assert "\\u" not in text and "服务效能" in text  # Chinese as characters, not escapes
    assert '  - code: "1"\n    name: 服务效能\n    max: 60\n' in text
    assert '- code: "1.10"' in text  # codes quoted, trailing zero kept
    code, _, err = invoke("check", str(out), "--strict")
    assert code == 0, err
    data = yaml.safe_load(text)
    assert list(data)[:8] == ["id", "title", "level", "period", "total", "precision", "variant", "provenance"]
    assert data["facts"] == [] and data["total"] == 100 and data["period"] == {"start": 2013, "end": 2016}
    assert data["provenance"] == "reconstructed" and "table.csv" in data["rationale"]
    nodes = {n["code"]: n for n in _walk(data["parts"])}
    assert list(nodes) == [r[0] for r in ROWS]
    for code_, name, _points, scoring in ROWS:
        assert nodes[code_]["name"] == name
        assert nodes[code_].get("description", "") == scoring  # verbatim, line breaks too
    assert nodes["1.1.2"]["max"] == 20 and nodes["1.2.1"]["max"] == 12.5
    assert nodes["1.1.1"]["rule"] == {"kind": "judged"} and "rule" not in nodes["1.1"]


def _walk(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for n in nodes:
        out.append(n)
        out += _walk(n.get("children", []))
    return out


def test_gbk_csv_xlsx_and_docx_give_the_same_yaml(tmp_path: Path) -> None:
    for kind in ("utf8", "gbk", "xlsx", "docx"):
        (tmp_path / kind).mkdir()
    assert run_import(table_csv(tmp_path / "utf8" / "table.csv"), tmp_path / "utf8" / "standard.yaml")[0] == 0
    expected = (tmp_path / "utf8" / "standard.yaml").read_text(encoding="utf-8")
    for table in (
        table_csv(tmp_path / "gbk" / "table.csv", encoding="gbk"),
        table_xlsx(tmp_path / "xlsx" / "table.xlsx"),
        table_docx(tmp_path / "docx" / "table.docx"),
    ):
        out = table.parent / "standard.yaml"
        code, _, err = run_import(table, out)
        assert code == 0, err
        assert out.read_text(encoding="utf-8").replace(table.name, "table.csv") == expected, table
        assert "columns read: 序号 → code; 评估指标 → name; 分值 → max; 评分标准 → description" in err
        assert ("read table.csv as GB18030" in err) == (table.parent.name == "gbk")
        assert "warning" not in err, err


def test_header_spacing_width_and_english_headings(tmp_path: Path) -> None:
    assert heading_key("分　值（分）") == heading_key("分 值") == "分值"
    assert heading_key(" Points ") == "points"
    assert read_code("１．１．") == ("1.1", False) and read_code(" 1.2.3 ") == ("1.2.3", False)
    assert read_code("1。10") == ("1.10", False) and read_code("1.1a") == (None, False)
    assert read_code("二、") == ("2", True) and read_code("（一）") == (None, False)
    assert [chinese_number(t) for t in ("一", "十", "十二", "二十", "九十九", "十十", "百")] == [
        1,
        10,
        12,
        20,
        99,
        None,
        None,
    ]
    rows = [("Code", "Name", "Points", "Criteria"), ("一", "Service", "10", ""), ("1.1", "Hours", "10", "56 h/week")]
    out = tmp_path / "en.yaml"
    code, _, err = run_import(write_csv(tmp_path / "en.csv", rows), out)
    assert code == 0, err
    assert "columns read: Code → code; Name → name; Points → max; Criteria → description" in err
    assert "top-level codes read from Chinese numerals: 一 → 1" in err
    assert '- code: "1"\n    name: Service' in out.read_text(encoding="utf-8")


def test_every_problem_is_located_and_reported_at_once(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ("1", "服务效能", "60", ""),  # 2: not checked (1.2 has no points that can be read)
        ("1.1", "基本服务", "40", ""),  # 3: its children add up to 30
        ("1.1.1", "开放时间", "30", "每周≥56小时"),
        ("1.1.1", "开放时间", "10", ""),  # 5: duplicate
        ("1.2", "阅读推广", "二十", ""),  # 6: text in the points column
        ("1.3.1", "少儿活动", "10", ""),  # 7: no parent 1.3
        ("（二）", "保障条件", "40", ""),  # 8: not a numeric code
        ("2", "保障条件", "", ""),  # 9: no points
        ("2.1", "经费", "40", ""),
        ("", "小计", "40", ""),  # 11: a warning
        ("合计", "", "120", ""),  # 12: not checked either (part 2 has no points)
    ]
    table = write_csv(tmp_path / "bad.csv", rows)
    out = tmp_path / "standard.yaml"
    code, _, err = run_import(table, out)
    assert code == 1
    assert not out.exists()
    lines = err.splitlines()
    expected = [
        (f"{table}:3:1: error:", "the rows under '1.1' add up to 30, but its points are 40 [table-sum]"),
        (f"{table}:5:1: error:", "(also at " + f"{table}:4) [table-duplicate-code]"),
        (f"{table}:6:1: error:", "'二十' as the points of '1.2'"),
        (f"{table}:7:1: error:", "there is no row '1.3' [table-orphan]"),
        (f"{table}:8:1: error:", "code '（二）' is not a number like 1, 1.1 or 1.1.1"),
        (f"{table}:9:1: error:", "'2' has no points [table-no-points]"),
        (f"{table}:11:1: warning:", "[table-subtotal]"),
    ]
    assert len(lines) == len(expected), err
    for line, (start, part) in zip(lines, expected, strict=True):
        assert line.startswith(start) and part in line, line


def test_a_total_row_that_disagrees_and_children_that_do_not_add_up(tmp_path: Path) -> None:
    rows = [(TITLE, "", "", ""), HEADER, *ROWS[:-1], ("2.1.2", "购书经费", "25", ""), TOTAL]
    code, _, err = run_import(write_csv(tmp_path / "t.csv", rows), tmp_path / "s.yaml", "--lang", "zh")
    assert code == 1 and not (tmp_path / "s.yaml").exists()
    # line 13: the row's line in the file (1.1.1's scoring text takes two lines)
    assert f"{tmp_path / 't.csv'}:13:1: 错误：“2.1”的下级分值合计 45，但其分值为 40 [table-sum]" in err
    assert "“合计”行为 100，但各部分合计 100" not in err
    rows = [HEADER, *ROWS, ("合 计", "", "110", "")]
    code, _, err = run_import(write_csv(tmp_path / "u.csv", rows), tmp_path / "s.yaml")
    assert code == 1 and "the 合计 row says 110, but the parts add up to 100 [table-total]" in err


def test_a_missing_column_names_what_was_found(tmp_path: Path) -> None:
    rows = [("序号", "评估指标", "得分", "评分标准"), ("1", "服务效能", "60", "")]
    code, _, err = run_import(write_csv(tmp_path / "t.csv", rows), tmp_path / "s.yaml")
    assert code == 1 and not (tmp_path / "s.yaml").exists()
    assert err == (
        f"{tmp_path / 't.csv'}:1:1: error: no header row with a column for 'max' (分值/标准分/满分/分数/points); "
        "the closest row has: 序号, 评估指标, 得分, 评分标准 [table-columns]\n"
    )


def test_excel_numbers_that_lose_their_zero_are_explained(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in (HEADER, (1, "服务", 20, None), (1.1, "甲", 10, None), (1.10, "乙", 10, None)):
        ws.append(list(row))
    wb.save(tmp_path / "t.xlsx")
    code, _, err = run_import(tmp_path / "t.xlsx", tmp_path / "s.yaml")
    assert code == 1
    assert f"{tmp_path / 't.xlsx'}:Sheet:4:1: error: code '1.1' is used twice" in err
    assert "format the code column as text [table-duplicate-number]" in err


def test_the_output_is_never_written_over_the_input_or_an_existing_file(tmp_path: Path) -> None:
    table = table_csv(tmp_path / "table.csv")
    before = table.read_bytes()
    for extra in ((), ("--force",)):
        code, _, err = run_import(table, table, *extra)
        assert code == 1 and "[output-is-input]" in err
    assert table.read_bytes() == before
    out = tmp_path / "standard.yaml"
    out.write_text("# my refined standard\n", encoding="utf-8")
    code, _, err = run_import(table, out)
    assert code == 1 and "give --force to replace it [output-exists]" in err
    assert out.read_text(encoding="utf-8") == "# my refined standard\n"
    assert run_import(table, out, "--force")[0] == 0
    assert out.read_text(encoding="utf-8").startswith("# 测试标准\n# 评估标准骨架")


@pytest.mark.parametrize(
    ("name", "args", "message"),
    [
        ("t.doc", (), "save it as .docx [table-old-format]"),
        ("t.xls", (), "save it as .xlsx [table-old-format]"),
        ("t.pdf", (), "give a .xlsx, .csv or .docx file [table-format]"),
        ("t.xlsx", ("--sheet", "无此表"), "no sheet '无此表' (sheets: 评估标准, 说明) [table-no-sheet]"),
        ("t.docx", (), "not a readable Word .docx file (BadZipFile) [table-unreadable]"),
    ],
)
def test_files_that_cannot_be_read(tmp_path: Path, name: str, args: tuple[str, ...], message: str) -> None:
    path = tmp_path / name
    if name == "t.xlsx":
        table_xlsx(path)
    else:
        path.write_bytes(b"\xd0\xcf\x11\xe0 an old binary file")
    code, _, err = run_import(path, tmp_path / "s.yaml", *args)
    assert code == 1 and message in err, err


def test_options(tmp_path: Path) -> None:
    table = table_csv(tmp_path / "County-2017 标准.csv")
    out = tmp_path / "s.yaml"
    code, _, err = invoke("criteria", "import", str(table), "-o", str(out), "--period", "2013–2016")
    assert code == 0, err
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert (data["id"], data["title"], data["level"]) == ("county-2017", "County-2017 标准", "county")
    base = ("criteria", "import", str(table), "-o", str(tmp_path / "o.yaml"), "--force")
    code, _, err = invoke(
        *base, "--period", "2013-2016", "--official", "--citation", "文旅部 2017 年第 1 号附件", "--level", "city"
    )
    assert code == 0, err
    data = yaml.safe_load((tmp_path / "o.yaml").read_text(encoding="utf-8"))
    assert (data["provenance"], data["citation"], data["level"]) == ("official", "文旅部 2017 年第 1 号附件", "city")
    for bad, option in (
        (("--period", "2016"), "--period"),
        (("--official",), "--citation"),
        (("--citation", "x"), "--citation"),
        (("--id", "Bad_ID"), "--id"),
        (("--sheet", "x"), "--sheet"),
    ):
        code, _, err = invoke(*base, *(("--period", "2013-2016") if bad[0] != "--period" else ()), *bad)
        assert code == 2 and option in err, (bad, err)
    code, _, err = invoke(
        "criteria", "import", str(write_csv(tmp_path / "标准.csv", [HEADER])), "-o", "x.yaml", "--period", "2013-2016"
    )
    assert code == 2 and "--id" in err
    code, _, err = invoke("criteria", "import", str(table), "--period", "2013-2016")
    assert code == 2 and "--output" in err


def test_init_and_score_against_an_imported_skeleton(tmp_path: Path) -> None:
    std = tmp_path / "standard.yaml"
    assert run_import(table_docx(tmp_path / "table.docx"), std)[0] == 0
    lib = tmp_path / "lib"
    code, _, err = invoke("init", str(lib), "--criteria", str(std))
    assert code == 0, err
    code, out, err = invoke("score", str(lib), "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    assert result["total"] == 0 and result["max"] == 100
    assert {i["status"] for i in result["indicators"]} == {"not_judged"}
    code, out, _ = invoke("criteria", "show", str(std))
    assert code == 0 and "1.2.1 阅读推广活动 12.5  [评定] *" in out


def test_merged_cells_are_read_as_python_docx_and_openpyxl_give_them(tmp_path: Path) -> None:
    """A merged cell's text is repeated over the positions it covers, each marked: Word's
    (python-docx repeats it) and Excel's (openpyxl keeps it in the first cell only) alike."""
    from libeval.load.standard_table import read_table

    for table in (table_docx(tmp_path / "t.docx"), table_xlsx(tmp_path / "t.xlsx")):
        rows = [row for block in read_table(table, table.name).blocks for row in block.rows]
        title, shared, total = rows[0], rows[8], rows[-1]
        assert [c.merged for c in title.cells] == ["", "across", "across", "across"]
        assert [c.text for c in title.cells] == [TITLE] * 4
        assert (shared.cells[3].text, shared.cells[3].merged) == (ROWS[5][3], "down")
        assert [(c.text, c.merged) for c in total.cells[:2]] == [("合计", ""), ("合计", "across")]


def test_running_numbers_in_the_code_column_are_one_problem(tmp_path: Path) -> None:
    rows = [HEADER, ("1", "周开放时间", "20", ""), ("2", "年文献外借量", "30", ""), ("3", "免费开放", "10", "")]
    code, _, err = run_import(write_csv(tmp_path / "t.csv", rows), tmp_path / "s.yaml")
    assert code == 1
    assert err == (
        f"{tmp_path / 't.csv'}:1:1: error: the '序号' column holds running numbers (1, 2, 3 ...), not codes: "
        "the tree is read from codes like 1, 1.1, 1.1.1 [table-flat-codes]\n"
    )


def test_the_invented_example_table_imports(tmp_path: Path) -> None:
    table = ROOT / "examples" / "table-import" / "invented-county-standard.csv"
    out = tmp_path / "standard.yaml"
    code, _, err = invoke("criteria", "import", str(table), "-o", str(out), "--period", "2013-2016")
    assert code == 0, err
    assert "3 parts, 11 groups, 34 indicators, total 1000" in err and "warning" not in err
    assert invoke("check", str(out), "--strict")[0] == 0


def test_the_command_is_in_the_readme_and_the_help() -> None:
    assert "libeval criteria import" in (ROOT / "README.md").read_text(encoding="utf-8")
    code, out, _ = invoke("criteria", "import", "--help")
    assert code == 0 and "--period" in out and "required" in out


ODD = st.sampled_from([" ", "\n", "\t", "#", ": ", "- ", "|", ">", "'", '"', "\x85", "\u2028", "中文", "1.10", "yes"])
TEXT = st.lists(st.one_of(st.characters(exclude_categories=["Cs"]), ODD), min_size=1, max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(name=TEXT.map(str.strip).filter(bool), text=TEXT.map(str.strip).filter(bool), title=TEXT)
def test_any_text_is_written_so_that_it_reads_back_verbatim(name: str, text: str, title: str) -> None:
    """Names, scoring texts and titles, whatever they hold (line breaks, quotes, YAML's own
    punctuation, control characters, U+2028), read back exactly as they were."""
    row = Row("t.csv", 1, ())
    part = Item("1", "服务", Decimal(10), None, row, [Item("1.10", name, Decimal(10), text, row)])
    written = skeleton_yaml(SkeletonMeta("t", title, "county", (2013, 2016), "t.csv"), [part], "s.yaml")
    spec, problems = validate(StandardSpec, loads(written.encode("utf-8"), "s.yaml"))
    assert spec is not None, problems
    leaf = spec.parts[0].children[0]
    assert (leaf.code, leaf.name, leaf.description, spec.title) == ("1.10", name, text, title)
