"""Labels that say a result is incomplete and what to fill in next (merged into LABELS)."""

from __future__ import annotations

from libeval.text.bilingual import Bilingual

COMPLETENESS_LABELS: dict[str, Bilingual] = {
    "incomplete_head": Bilingual(zh="结果不完整：", en="Incomplete result: "),
    "incomplete_facts": Bilingual(
        zh="{total} 项事实已填 {given} 项（缺数据的指标共 {points} 分，暂按 0 分计）",
        en="{given} of {total} facts filled in (indicators worth {points} points lack data and count 0)",
    ),
    "incomplete_partial": Bilingual(
        zh="{n} 项按年填写的事实缺评估期内的年份（暂按已填年份计）",
        en="{n} per-year fact(s) lack years of the evaluation period (counted over the years given for now)",
    ),
    "incomplete_judged": Bilingual(
        zh="{n} 项评定指标未评（{points} 分）",
        en="{n} judged indicator(s) not yet awarded ({points} points)",
    ),
    "incomplete_tail": Bilingual(zh="以下分数与等级仅供参考。", en="The score and grade below are provisional."),
    "provisional": Bilingual(zh="{grade}（暂定）", en="{grade} (provisional)"),
    "to_fill": Bilingual(zh="待补充（按涉及分数从大到小）", en="To fill in next (largest points first)"),
    "to_fill_points": Bilingual(zh="涉及分数", en="Points"),
    "to_fill_fact": Bilingual(zh="填写事实 {name}（{id}）：{points} 分", en="fill in {name} ({id}): {points} points"),
    "to_fill_years": Bilingual(
        zh="补填事实 {name}（{id}）：缺 {years} 年", en="fill in {name} ({id}): {years} missing"
    ),
    "to_fill_judged": Bilingual(zh="评定指标 {id} {name}：{points} 分", en="award {id} {name}: {points} points"),
    "to_fill_condition": Bilingual(zh="；定级条件也需要它", en="; a grade condition needs it too"),
    "to_fill_more": Bilingual(
        zh="……另有 {n} 项（完整清单见 score --format md 报告）", en="… {n} more (the whole list: score --format md)"
    ),
    "complete_col": Bilingual(zh="数据完整", en="Complete"),
    "complete_yes": Bilingual(zh="是", en="yes"),
    "complete_no": Bilingual(zh="否", en="no"),
    "batch_incomplete": Bilingual(
        zh="{n} 个图书馆的结果不完整（事实未填全或评定指标未评），其分数与等级仅供参考。",
        en="{n} libraries have incomplete results (facts not filled in or judged indicators not awarded): "
        "their scores and grades are provisional.",
    ),
    "plan_fill_intro": Bilingual(
        zh="先补充以下事实与评定（按涉及分数从大到小），以下方案只依据已填的事实：",
        en="First fill in these facts and awards (largest points first); the plan below rests on the facts given:",
    ),
    "plan_incomplete": Bilingual(
        zh="按已填的事实还达不到{target}：", en="With the facts given, {target} is not reached yet:"
    ),
}
