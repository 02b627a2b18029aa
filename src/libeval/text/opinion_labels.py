"""Labels of the reviewer's report, 复核意见 (md, html, xlsx): the document a review team signs
(merged into LABELS; templates read them as `t.rv_…`). The sides are named by their assessors
(`side.*`: 自评, 州（市）评, 省评), never 前/后."""

from __future__ import annotations

from libeval.text.bilingual import Bilingual

OPINION_LABELS: dict[str, Bilingual] = {
    "rv_title": Bilingual(zh="{library}评估复核意见", en="{library} — Review opinion"),
    "rv_title_short": Bilingual(zh="评估复核意见", en="Review opinion"),
    "rv_no_opinion": Bilingual(zh="（复核组未填写意见）", en="(the team wrote no reason)"),
    "rv_estimated": Bilingual(
        zh="复核结论所依据的数据中，{n} 项仍是图书馆填报的估计值，复核组既未核实也未更正：{names}。",
        en="{n} facts behind the review's figures are still the library's estimates, neither verified nor"
        " corrected by the team: {names}.",
    ),
    # the head: who, when, what against what
    "rv_team": Bilingual(zh="复核单位", en="Review team"),
    "rv_members": Bilingual(zh="复核组成员", en="Members"),
    "rv_date": Bilingual(zh="复核日期", en="Date"),
    "rv_standard": Bilingual(zh="评估标准", en="Standard"),
    "rv_standard_text": Bilingual(
        zh="{id}《{title}》，评估期 {period} 年", en="{id} “{title}”, evaluation period {period}"
    ),
    "rv_reviews": Bilingual(zh="复核对象", en="Reviews"),
    "rv_reviews_text": Bilingual(
        zh="{side}（{date}，{by}），总分 {total} 分",
        en="the {side} of {date} by {by}, total {total}",
    ),
    "rv_inputs": Bilingual(zh="依据材料", en="Inputs"),
    # 一、复核工作情况
    "rv_work": Bilingual(zh="一、复核工作情况", en="1. The review"),
    "rv_work_text": Bilingual(
        zh="{date}，{by}对{library}的{side}进行了复核。",
        en="On {date}, {by} reviewed the {side} of {library}.",
    ),
    "rv_counts": Bilingual(
        zh="共复核指标 {n} 项，其中认可{side}评分 {accepted} 项，调整评分 {changed} 项；"
        "核实事实数据 {verified} 项，更正数据 {corrected} 项。",
        en="Of the {n} indicators, {accepted} are accepted as the {side} scored them and {changed} changed; "
        "{verified} facts were verified on site and {corrected} corrected.",
    ),
    "rv_na": Bilingual(zh="认定不适用的指标 {n} 项：{items}。", en="{n} indicator(s) marked not applicable: {items}."),
    "rv_na_item": Bilingual(zh="{code} {name}（{reason}）", en="{code} {name} ({reason})"),
    "rv_na_inherited": Bilingual(
        zh="{code} {name}（{reason}；沿用{side}的认定）", en="{code} {name} ({reason}; as the {side} marked it)"
    ),
    "rv_team_note": Bilingual(zh="复核说明：{note}", en="Note of the team: {note}"),
    # 二、复核结论
    "rv_conclusion": Bilingual(zh="二、复核结论", en="2. Conclusion"),
    "rv_total": Bilingual(
        zh="{side}总分 {total} 分（满分 {max} 分），{grade}。",
        en="{side}: total {total} of {max}; {grade}.",
    ),
    "rv_compared": Bilingual(
        zh="{other}总分 {total} 分，{grade}；{side}{delta}。",
        en="{other}: total {total}, {grade}; the {side} is {delta}.",
    ),
    "rv_lower": Bilingual(zh="低 {points} 分", en="{points} points lower"),
    "rv_higher": Bilingual(zh="高 {points} 分", en="{points} points higher"),
    "rv_same": Bilingual(zh="总分相同", en="the same"),
    "rv_blocked": Bilingual(
        zh="按{side}的数据，距{grade}尚有以下条件未达到：",
        en="With the {side}'s figures, these conditions of {grade} are not met:",
    ),
    "rv_top": Bilingual(zh="已达到最高等级。", en="The top grade is reached."),
    # 三、调整的评分项目
    "rv_adjusted": Bilingual(zh="三、调整的评分项目", en="3. Indicators changed"),
    "rv_adjusted_intro": Bilingual(
        zh="以下 {n} 项指标的得分与{side}不同：", en="These {n} indicators score differently from the {side}:"
    ),
    "rv_delta": Bilingual(zh="增减", en="Change"),
    "rv_opinion": Bilingual(zh="复核意见", en="Opinion of the team"),
    "rv_level": Bilingual(zh="评定等次：{level}", en="level: {level}"),
    "rv_na_reason": Bilingual(zh="不适用：{reason}", en="not applicable: {reason}"),
    "rv_by_fact": Bilingual(zh="{name}更正：{reason}", en="{name} corrected: {reason}"),
    # 四、事实核实
    "rv_facts": Bilingual(zh="四、事实核实", en="4. Facts checked"),
    "rv_corrected": Bilingual(zh="（一）更正的数据", en="Corrected"),
    "rv_verified": Bilingual(zh="（二）核实无误的数据", en="Verified, value kept"),
    "rv_given": Bilingual(zh="填报值", en="As given"),
    "rv_new": Bilingual(zh="复核值", en="As reviewed"),
    "rv_scored": Bilingual(zh="计分取值", en="Value scored"),
    "rv_value": Bilingual(zh="数值", en="Value"),
    "rv_reason": Bilingual(zh="理由", en="Reason"),
    "rv_remark": Bilingual(zh="说明", en="Note"),
    # 五、认可的项目
    "rv_accepted": Bilingual(zh="五、认可的项目", en="5. Indicators accepted"),
    "rv_accepted_intro": Bilingual(
        zh="以下 {n} 项指标认可{side}评分（各项得分见附录一）：",
        en="These {n} indicators are accepted as the {side} scored them (points in appendix A):",
    ),
    # 落款
    "rv_sign_team": Bilingual(zh="复核组成员签字：", en="Members of the review team:"),
    "rv_sign_leader": Bilingual(zh="组长签字：", en="Team leader:"),
    "rv_sign_library": Bilingual(zh="被评估单位（签章）：", en="For the library assessed:"),
    # 附录
    "rv_app_indicators": Bilingual(zh="附录一　指标得分对照", en="A. Every indicator, both sides"),
    "rv_app_inputs": Bilingual(zh="附录二　标准来源与输入文件", en="B. Provenance and input files"),
    "rv_status": Bilingual(zh="状态", en="Status"),
    # workbook sheets
    "rv_sheet_conclusion": Bilingual(zh="复核结论", en="Conclusion"),
    "rv_sheet_adjusted": Bilingual(zh="调整项目", en="Changed"),
    "rv_sheet_facts": Bilingual(zh="事实核实", en="Facts"),
    "rv_sheet_all": Bilingual(zh="全部指标", en="All indicators"),
    "rv_kind": Bilingual(zh="类别", en="Kind"),
    "rv_kind_corrected": Bilingual(zh="更正", en="corrected"),
    "rv_kind_verified": Bilingual(zh="核实", en="verified"),
}
