"""The words of the on-site checklist workbook (`libeval review --xlsx`), shared by the writer
(present/checklist_sheet.py) and the reader (load/checklist_read.py): the reader knows a column
by its header in either language, so a sheet written with `--lang en` reads back the same."""

from __future__ import annotations

from libeval.text.bilingual import Bilingual

FACTS_SHEET = Bilingual("事实核实", "Facts")
AWARDS_SHEET = Bilingual("评分项目", "Judged items")
HELP_SHEET = Bilingual("说明", "How to fill")

# the title rows: a label in column A, the value in column B (the reader reads these back)
TITLE = Bilingual("{library}　现场核实清单", "{library}: on-site checklist")
META: dict[str, Bilingual] = {
    "standard": Bilingual("评估标准", "Standard"),
    "source": Bilingual("被复核的评估", "Assessment reviewed"),
    "review": Bilingual("复核", "Review"),
    "by": Bilingual("复核单位", "Reviewed by"),
    "date": Bilingual("复核日期", "Review date"),
}

# the columns of the facts sheet; year columns are the period's years (the library's value) and
# `review_year` before each year (the team's)
FACT_COLUMNS: dict[str, Bilingual] = {
    "name": Bilingual("事实", "Fact"),
    "id": Bilingual("id", "id"),
    "unit": Bilingual("单位", "Unit"),
    "value": Bilingual("本馆数值", "Library's value"),
    "source": Bilingual("来源", "Source"),
    "library_evidence": Bilingual("本馆证明材料", "Library's evidence"),
    "estimated": Bilingual("估计值", "Estimated"),
    "verified": Bilingual("核实 √", "Verified √"),
    "review_value": Bilingual("复核值", "Reviewed value"),
    "reason": Bilingual("理由", "Reason"),
    "evidence": Bilingual("证明材料", "Evidence"),
}
REVIEW_YEAR = Bilingual("复核 {year}", "Reviewed {year}")

AWARD_COLUMNS: dict[str, Bilingual] = {
    "code": Bilingual("代码", "Code"),
    "name": Bilingual("评估项目", "Indicator"),
    "max": Bilingual("满分", "Max"),
    "levels": Bilingual("等级", "Levels"),
    "points": Bilingual("{side}得分", "{side}: points"),
    "level": Bilingual("{side}等级", "{side}: level"),
    "note": Bilingual("{side}说明", "{side}: note"),
    "review_points": Bilingual("复核得分", "Team's points"),
    "review_level": Bilingual("复核等级", "Team's level"),
    "not_applicable": Bilingual("不适用理由", "Not applicable: reason"),
    "opinion": Bilingual("意见", "Opinion"),
}

CHECK = "√"
YES = Bilingual("是", "yes")
NOT_APPLICABLE = Bilingual("不适用：{reason}", "not applicable: {reason}")
LEVEL = Bilingual("{name} {points} 分", "{name} {points}")
LEVEL_JOIN = Bilingual("、", ", ")

HELP: list[Bilingual] = [
    Bilingual(
        "这是现场核实清单：“事实核实”表列出本馆填报的每项事实，“评分项目”表列出每个评分项目和被复核评估的得分。",
        "This is the on-site checklist: the sheet Facts lists every fact the library reported, the sheet "
        "Judged items every judged indicator with the points of the assessment reviewed.",
    ),
    Bilingual(
        "核实无误的事实：在“核实 √”列选 √，可在“证明材料”列写照片或文件名，在“理由”列写说明。",
        "A fact checked on site and right: choose √ in Verified √; name photos or files under Evidence, "
        "write a note under Reason.",
    ),
    Bilingual(
        "需要更正的事实：在“复核值”列（按年的事实填“复核”各年份列）写核定的数值，并在“理由”列写明理由（必填）。"
        "数字可写作 1200、1,200、2.5万、88%。",
        "A fact to correct: type the value found under Reviewed value (per-year facts: the Reviewed year "
        "columns) and the reason under Reason (required). Numbers as 1200, 1,200, 2.5万 or 88%.",
    ),
    Bilingual(
        "评分项目：只在复核得分与被复核评估不同的项目填写“复核得分”或“复核等级”（二者填一项），意见写在“意见”列；"
        "不适用的项目在“不适用理由”列写明理由。留空的项目沿用被复核评估的得分。",
        "Judged items: fill Team's points or Team's level (one of them) only where the team's award "
        "differs, the opinion under Opinion; an item that does not apply gets its reason under Not "
        "applicable: reason. Blank rows keep the award of the assessment reviewed.",
    ),
    Bilingual(
        "填好后运行：libeval import <本文件> <图书馆目录> --as {review}（有错误时不写入任何内容）。",
        "When filled, run: libeval import <this file> <library folder> --as {review} (nothing is written "
        "while any cell is wrong).",
    ),
]
