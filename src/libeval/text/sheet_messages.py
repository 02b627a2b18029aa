"""The messages of `libeval import` about the cells of a facts sheet, merged into the catalogue
by text/messages.py. They are worded for the sheet, where the reader sees it: the cell is in the
location (`facts.xlsx:事实!J12`), the advice names the sheet's columns, never YAML keys."""

from __future__ import annotations

from libeval.text.bilingual import Bilingual

SHEET_MESSAGES: dict[str, Bilingual] = {
    "sheet-format": Bilingual(
        en="cannot read facts from a '{ext}' file: give the facts sheet as .xlsx, .xls or .csv",
        zh="无法从 {ext} 文件读取事实：请提供 .xlsx、.xls 或 .csv 格式的事实表",
    ),
    "sheet-per-year": Bilingual(
        en="this figure is given per year: type it in the columns {first}–{last}, not in 数值 value",
        zh="这是按年的数据，请填在 {first}–{last} 列，不要填在“数值”列",
    ),
    "sheet-not-per-year": Bilingual(
        en="this figure is not given per year: type it in the column 数值 value, not under {year}",
        zh="这项数据不按年填报，请填在“数值”列，不要填在 {year} 列",
    ),
    "sheet-formula": Bilingual(
        en="the formula {formula} has no saved result: open the file in Excel or WPS and save it, "
        "or type the number itself",
        zh="公式 {formula} 没有保存计算结果：请用 Excel 或 WPS 打开此文件并保存，或直接填写数字",
    ),
    "sheet-value": Bilingual(en="type {expected} here, not {got}", zh="此处应填{expected}，而不是{got}"),
    "sheet-choice": Bilingual(
        en="choose one of the list: {choices} (not {got})", zh="请从下拉列表中选择：{choices}（而不是{got}）"
    ),
}

# what a cell should hold, for `sheet-value`
EXPECTED: dict[str, Bilingual] = {
    "yes-no": Bilingual(zh="“是”或“否”", en="是 (yes) or 否 (no)"),
    "number": Bilingual(zh="数字", en="a number"),
    "not-negative": Bilingual(zh="不小于 0 的数", en="a number of at least 0"),
    "whole": Bilingual(zh="整数", en="a whole number"),
    "percent": Bilingual(zh="0 到 100 之间的百分数", en="a percentage from 0 to 100"),
    "positive": Bilingual(zh="大于 0 的数", en="a number above 0"),
}
