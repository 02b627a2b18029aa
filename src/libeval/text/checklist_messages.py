"""The messages of `libeval import ... --as NAME` about the cells of a filled on-site checklist,
merged into the catalogue by text/messages.py. Worded for the sheet: the cell is in the location
(`checklist.xlsx:事实核实!H12`), the advice names the sheet's columns."""

from __future__ import annotations

from libeval.text.bilingual import Bilingual

CHECKLIST_MESSAGES: dict[str, Bilingual] = {
    "checklist-no-header": Bilingual(
        en="no header row with the column {column}: is this the checklist `libeval review --xlsx` wrote?",
        zh="找不到含“{column}”列的表头行：这是 `libeval review --xlsx` 写出的核实清单吗？",
    ),
    "checklist-no-reason": Bilingual(
        en="a reviewed value needs its reason: write it under Reason on this row",
        zh="复核值需要写明理由：请在本行“理由”列填写",
    ),
    "checklist-mark": Bilingual(en="choose √ or leave the cell blank, not {got}", zh="请选 √ 或留空，而不是{got}"),
    "checklist-points": Bilingual(
        en="points for {code} are from 0 to {max}, not {got}",
        zh="{code} 的得分应在 0 到 {max} 之间，而不是{got}",
    ),
    "checklist-level": Bilingual(
        en="{code} has the levels {known}, not {got}", zh="{code} 的等级为{known}，而不是{got}"
    ),
    "checklist-points-and-level": Bilingual(
        en="give the team's points or its level for {code}, not both",
        zh="{code} 请只填复核得分或复核等级中的一项",
    ),
    "checklist-not-applicable": Bilingual(
        en="{code} cannot be marked not applicable: the standard allows it only where it says so",
        zh="{code} 不能标为不适用：标准只允许注明可不适用的项目",
    ),
    "checklist-source": Bilingual(
        en="the checklist reviews the assessment '{name}', which this library folder does not have ({known})",
        zh="核实清单复核的是评估“{name}”，但该图书馆目录中没有这一评估（现有：{known}）",
    ),
    "checklist-format": Bilingual(
        en="a checklist has two sheets: give it as .xlsx or .xls, not '{ext}'",
        zh="核实清单有两张工作表，请提供 .xlsx 或 .xls 文件，而不是 {ext} 文件",
    ),
    "checklist-no-sheet": Bilingual(
        en="the workbook has no sheet '{sheet}' (write the checklist with `libeval review LIB --as NAME --xlsx FILE`)",
        zh="工作簿中没有“{sheet}”工作表（可用 `libeval review 图书馆目录 --as 名称 --xlsx 文件` 生成核实清单）",
    ),
    "checklist-per-year": Bilingual(
        en="this fact is given per year: type the team's value in the columns Reviewed {first}–{last}",
        zh="这是按年的数据，请把复核值填在“复核 {first}”到“复核 {last}”各列",
    ),
    "checklist-not-per-year": Bilingual(
        en="this fact is not given per year: type the team's value under Reviewed value, not under {year}",
        zh="这项数据不按年填报，请把复核值填在“复核值”列，不要填在“复核 {year}”列",
    ),
    "checklist-reason-only": Bilingual(
        en="a reason or evidence alone changes nothing: choose √ (checked, value kept) or type a reviewed value",
        zh="只写理由或证明材料不构成复核结论：核实无误请选 √（保留原值），需要更正请填写复核值",
    ),
    "checklist-na-and-award": Bilingual(
        en="{code} is marked not applicable and given the team's points or level: keep one",
        zh="{code} 既标为不适用又填了复核得分或等级：请只保留一项",
    ),
}
