"""The words of a review file's comments (`libeval review`, present/review_file.py): the head,
the section headings and the checklist lines, in Chinese and English."""

from __future__ import annotations

from libeval.text.bilingual import Bilingual

B = Bilingual
REVIEW_LABELS: dict[str, Bilingual] = {
    "head": B(
        "# {who}：在{source_kind}（{source}.yaml）的基础上复核。本文件只写复核组改动的内容，"
        "未写的评分与数据沿用{source_kind}（inherit: {source}）。",
        "# {who}: a review starting from the {source_kind} ({source}.yaml). Write only what the team changes;"
        " every award and fact not written here is the {source_kind}'s (inherit: {source}).",
    ),
    "how": B(
        "# 用法：去掉清单中相应行首的“#”再修改；写完运行 libeval check {lib}，再运行 libeval score {lib} -a {name}。",
        "# How: remove the '#' of a checklist line and edit it; then run `libeval check {lib}` and"
        " `libeval score {lib} -a {name}`.",
    ),
    "by": B("# by: 评估组名称", "# by: the team's name"),
    "members": B("# members: [组长姓名（组长）, 成员姓名]", "# members: [leader's name (leader), member's name]"),
    "note": B("# note: 复核总体意见", "# note: the team's overall opinion"),
    "judged": B(
        "# 评定指标：与{source}不同的评分写在这里，如“1.2.1”: {{level: 中, note: 理由}}",
        '# Judged awards: the ones that differ from the {source}\'s, e.g. "1.1.10": {{points: 3, note: why}}',
    ),
    "not_applicable": B(
        "# 不适用：如“2.1.8”: 本馆无古籍收藏（{source}已列为不适用的，不必重写）",
        '# Not applicable: e.g. "2.1.8": no ancient books (what the {source} lists needs no repeating)',
    ),
    "corrections": B(
        "# 数据核对：核实无误写 {{verified: true}}，数值有误写 {{value: 新值, reason: 理由}}，"
        "可加 evidence: [照片.jpg] 与 note",
        "# Facts: checked and right: {{verified: true}}; wrong: {{value: new value, reason: why}};"
        " evidence: [photo.jpg] and note may be added",
    ),
    "part": B("# ── {code}{name} ──", "# -- {code}{name} --"),
    "award": B("# {code} {name}（满分 {max} 分）：{given}", "# {code} {name} (max {max}): {given}"),
    "award_points": B("{source} {points} 分", "the {source} gave {points} points"),
    "award_level": B("{source}定为“{level}”，{points} 分", "the {source} gave '{level}', {points} points"),
    "award_none": B("{source}未评分", "not awarded in the {source}"),
    "award_na": B("{source}列为不适用（{reason}）", "not applicable in the {source} ({reason})"),
    "award_note": B("；{source}说明：{note}", "; note of the {source}: {note}"),
    "fact": B("# {name}（{id}）：{value}", "# {name} ({id}): {value}"),
    "not_given": B("未填报", "not given"),
    "estimated": B("（估计值）", " (estimated)"),
    "verified": B("（已核实）", " (verified)"),
    "corrected": B("（已更正）", " (corrected)"),
    "source": B("；来源：{text}", "; source: {text}"),
    "reason": B("；更正理由：{text}", "; reason of the correction: {text}"),
    "evidence": B("；证明材料：{text}", "; evidence: {text}"),
    "fact_template": B(
        "# {id}: {{verified: true}}  # 或 {{value: …, reason: …}}",
        "# {id}: {{verified: true}}  # or {{value: …, reason: …}}",
    ),
    "years_template": B(
        "# {id}: {{verified: true}}  # 或 {{years: {{{year}: …}}, reason: …}}",
        "# {id}: {{verified: true}}  # or {{years: {{{year}: …}}, reason: …}}",
    ),
    "points_template": B('# "{code}": {{points: {points}, note: …}}', '# "{code}": {{points: {points}, note: …}}'),
    "level_template": B('# "{code}": {{level: {level}, note: …}}', '# "{code}": {{level: {level}, note: …}}'),
    "na_template": B('# "{code}": {reason}', '# "{code}": {reason}'),
    "wrote": B(
        "下一步：按清单现场核对，在 {path} 中写下改动，然后运行 libeval check {lib}",
        "Next: check the list on site, write the changes in {path}, then run `libeval check {lib}`",
    ),
}


def review_label(key: str, lang: str, **args: object) -> str:
    return REVIEW_LABELS[key].get(lang).format(**args)
