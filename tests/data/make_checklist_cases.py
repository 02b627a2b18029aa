"""Writes the on-site checklists of the `import --as` case folders (tests/cases/*/import-checklist-*),
binary files a test cannot read as text. Run it after a change to the checklist's layout:

    .venv/bin/python tests/data/make_checklist_cases.py

Each case has a copy of the worked example without its review (`lib`) and the checklist the
review would write for it (present/checklist_sheet.py), filled as the team types, with bad cells
in the invalid ones. Then LIBEVAL_UPDATE_GOLDEN=1 writes the expected output (read it first).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import openpyxl

from libeval.commands.review import gather
from libeval.load.facts_sheet import facts_template
from libeval.load.folders import load_library
from libeval.present.checklist_sheet import Review, review_workbook

HERE = Path(__file__).resolve().parent
CASES = HERE.parent / "cases"
EXAMPLE = HERE.parent.parent / "examples" / "jinghe-2017"
BY = "博尔塔拉蒙古自治州公共图书馆评估领导小组"


BAD_FACTS: dict[str, dict[str, Any]] = {
    "annual_loans": {"复核 2013": 42000},  # a value without its reason
    "branches": {"核实 √": "ok"},  # not a mark
    "floor_area": {"复核 2014": 500, "理由": "实测"},  # a single figure in a year column
    "promotion_events": {"复核值": 100, "理由": "台账"},  # a yearly figure in the value column
    "satisfaction": {"复核值": "八十八", "理由": "现场抽样"},  # not a number
    "computers": {"理由": "现场核实"},  # a reason alone
    "website": {"核实 √": "√", "复核值": "否"},  # √ and a value, no reason
}
BAD_AWARDS: dict[str, dict[str, Any]] = {
    "1.3.7": {"复核得分": 18},  # above the max
    "1.2.1": {"复核等级": "很好"},  # not a level of the item
    "1.3.5": {"复核得分": 5, "复核等级": "好"},  # both
    "1.1.10": {"不适用理由": "无咨询台"},  # the standard does not allow it
    "2.1.8": {"不适用理由": "无古籍", "复核得分": 5},  # both
}
GOOD_FACTS: dict[str, dict[str, Any]] = {
    "annual_loans": {"复核 2013": "42,000", "复核 2014": 45000, "复核 2015": 47000, "复核 2016": 50000, "理由": "年报"},
    "satisfaction": {"复核值": (0.88, "0%"), "理由": "现场抽样", "证明材料": "survey.pdf\nhttps://example.org/s"},
    "computers": {"核实 √": "√", "理由": "现场清点"},
    "holdings": {"复核值": "2.5万", "理由": "以财产账为准"},
    "population": {"复核值": "14万", "理由": "以统计公报为准"},
}
GOOD_AWARDS: dict[str, dict[str, Any]] = {
    "1.3.7": {"复核得分": 11, "意见": "无服务时长记录。"},
    "1.2.1": {"复核等级": "差"},
    "2.1.8": {"不适用理由": "本馆无古籍收藏（现场确认）"},
    "1.1.10": {"意见": "设咨询台。"},  # the same points, the team's opinion
}


def _lib(case: Path) -> Path:
    lib = case / "lib"
    if lib.exists():
        shutil.rmtree(lib)
    shutil.copytree(EXAMPLE, lib, ignore=shutil.ignore_patterns("prefecture.yaml", "README.md"))
    return lib


def _fill(sheet: Any, first: str, cells: dict[str, dict[str, Any]]) -> None:
    header = next(r for r in range(1, sheet.max_row + 1) if first in (sheet.cell(r, 1).value, sheet.cell(r, 2).value))
    col = {str(c.value): c.column for c in sheet[header] if c.value is not None}
    key = 2 if first == "id" else 1
    rows = {str(sheet.cell(r, key).value): r for r in range(header + 1, sheet.max_row + 1)}
    for rid, values in cells.items():
        for name, value in values.items():
            cell = sheet.cell(rows[rid], col[name])
            if isinstance(value, tuple):  # (number, number format): 88% typed in Excel
                cell.value, cell.number_format = value
            else:
                cell.value = value


def _checklist(lib: Path, out: Path, facts: dict[str, dict[str, Any]], awards: dict[str, dict[str, Any]]) -> None:
    folder = load_library(lib)
    data = review_workbook(folder, gather(folder, "self"), Review("prefecture", BY, "2017-07-12"))
    out.write_bytes(data)
    wb = openpyxl.load_workbook(out)
    _fill(wb["事实核实"], "id", facts)
    _fill(wb["评分项目"], "代码", awards)
    wb.save(out)


def main() -> None:
    for name in ("import-checklist-cells", "import-checklist-cells-en"):
        case = CASES / "invalid" / name
        case.mkdir(parents=True, exist_ok=True)
        _checklist(_lib(case), case / "checklist.xlsx", BAD_FACTS, BAD_AWARDS)
    case = CASES / "invalid" / "import-checklist-not-a-checklist"
    case.mkdir(parents=True, exist_ok=True)
    _lib(case)
    wb = openpyxl.Workbook()
    assert wb.active is not None
    wb.active.title = "事实核实"
    wb.active.append(["被复核的评估", "初评"])  # a title row, and no header under it
    wb.create_sheet("评分项目")
    wb.save(case / "checklist.xlsx")
    case = CASES / "invalid" / "import-checklist-facts-sheet"
    case.mkdir(parents=True, exist_ok=True)
    lib = _lib(case)
    (case / "facts.xlsx").write_bytes(facts_template(load_library(lib).standard))
    case = CASES / "invalid" / "import-checklist-csv"
    case.mkdir(parents=True, exist_ok=True)
    _lib(case)
    (case / "checklist.csv").write_text("id,复核值\npopulation,1\n", encoding="utf-8")
    case = CASES / "valid" / "import-checklist"
    case.mkdir(parents=True, exist_ok=True)
    lib = _lib(case)
    (lib / "survey.pdf").write_bytes(b"%PDF-1.4\n")  # the evidence the team names
    _checklist(lib, case / "checklist.xlsx", GOOD_FACTS, GOOD_AWARDS)


if __name__ == "__main__":
    main()
