"""Labels of the library report (md and html), after the shape of a written evaluation report:
一、基本情况 … 五、下一步, 落款, 附录 (merged into LABELS; templates read them as `t.rp_…`)."""

from __future__ import annotations

from libeval.text.bilingual import Bilingual

REPORT_LABELS: dict[str, Bilingual] = {
    # the body's sections
    "rp_profile": Bilingual(zh="一、基本情况", en="1. The library"),
    "rp_assessment": Bilingual(zh="二、评估工作开展情况", en="2. The assessments"),
    "rp_strengths": Bilingual(zh="三、主要成效", en="3. Achievements"),
    "rp_problems": Bilingual(zh="四、存在问题", en="4. Problems"),
    "rp_next": Bilingual(zh="五、下一步工作", en="5. Next steps"),
    "rp_appendix": Bilingual(zh="附录", en="Appendix"),
    "rp_app_indicators": Bilingual(zh="附录一　指标得分明细", en="A. Every indicator"),
    "rp_app_grades": Bilingual(zh="附录二　定级条件", en="B. Grade conditions"),
    "rp_app_facts": Bilingual(zh="附录三　事实数据", en="C. Facts"),
    "rp_app_corrections": Bilingual(zh="附录四　数据更正", en="D. Fact corrections"),
    "rp_app_provenance": Bilingual(zh="附录五　标准来源与输入文件", en="E. Provenance and input files"),
    # 一、基本情况
    "rp_is": Bilingual(
        zh="{name}为{level}公共图书馆，位于{province}（{variant}），服务人口 {population}。",
        en="{name} is a {level} public library in {province} ({variant}), serving {population}.",
    ),
    "rp_is_nowhere": Bilingual(
        zh="{name}为{level}公共图书馆，服务人口 {population}。",
        en="{name} is a {level} public library serving {population}.",
    ),
    "rp_facts_sentence": Bilingual(zh="{items}。", en="{items}."),
    "rp_item_sep": Bilingual(zh="，", en="; "),
    "rp_item": Bilingual(zh="项目", en="Item"),
    "rp_figure": Bilingual(zh="数据", en="Figure"),
    "rp_estimated": Bilingual(zh="估计值", en="estimated"),
    "rp_corrected": Bilingual(zh="已更正", en="corrected"),
    # 二、评估工作开展情况
    "rp_basis": Bilingual(
        zh="评估依据《{title}》，评估期 {period} 年。",
        en="Assessed against “{title}”, evaluation period {period}.",
    ),
    "rp_scored": Bilingual(
        zh="{date}，{who}进行{assessor}，总分 {total} 分，{grade}。",
        en="On {date}, {who} made the {assessor}: total {total}, {grade}.",
    ),
    "rp_grade_reached": Bilingual(zh="达到{grade}", en="{grade}"),
    "rp_grade_none": Bilingual(zh="未达到定级最低要求", en="no grade reached"),
    "rp_assessor": Bilingual(zh="评估", en="Assessment"),
    "rp_by": Bilingual(zh="评估单位", en="Assessed by"),
    "rp_date": Bilingual(zh="日期", en="Date"),
    "rp_total": Bilingual(zh="总分", en="Total"),
    "rp_grade": Bilingual(zh="等级", en="Grade"),
    "rp_this": Bilingual(zh="（本报告）", en=" (this report)"),
    "rp_total_line": Bilingual(
        zh="总分 {total} 分（满分 {max} 分，含加分 {bonus} 分），{grade}。",
        en="Total {total} of {max} (bonus {bonus} included); {grade}.",
    ),
    "rp_total_line_plain": Bilingual(
        zh="总分 {total} 分（满分 {max} 分），{grade}。", en="Total {total} of {max}; {grade}."
    ),
    "rp_assessor_note": Bilingual(zh="评估意见：{note}", en="Assessor's note: {note}"),
    # 三、主要成效
    "rp_strengths_intro": Bilingual(
        zh="以下 {n} 项指标得满分或接近满分（不低于满分的 90%）：",
        en="These {n} indicators reach full marks or nearly (at least 90% of the maximum):",
    ),
    "rp_indicator": Bilingual(zh="指标", en="Indicator"),
    "rp_points": Bilingual(zh="得分", en="Points"),
    "rp_max": Bilingual(zh="满分", en="Max"),
    "rp_note": Bilingual(zh="评估意见", en="Assessor's note"),
    # 四、存在问题
    "rp_losses": Bilingual(zh="失分较多的指标", en="The largest point losses"),
    "rp_loss": Bilingual(zh="失分", en="Lost"),
    "rp_reason": Bilingual(zh="原因", en="Why"),
    "rp_unmet": Bilingual(zh="未达到的{grade}必备条件", en="Prerequisites of {grade} not met"),
    "rp_fill_fact": Bilingual(zh="填写{name}：{points} 分", en="fill in {name}: {points} points"),
    "rp_fill_years": Bilingual(zh="补填{name}：缺 {years} 年", en="fill in {name}: {years} missing"),
    # 五、下一步
    "rp_next_target": Bilingual(
        zh="目标：{target}（现为{current}，总分 {total} 分）。以下改进可达到{target}：",
        en="Target: {target} (now {current}, total {total}). These changes reach {target}:",
    ),
    "rp_next_short": Bilingual(
        zh="目标：{target}（现为{current}，总分 {total} 分）。仅凭事实数据的改进尚不能达到{target}：",
        en="Target: {target} (now {current}, total {total}). Changing facts alone does not reach {target}:",
    ),
    "rp_change": Bilingual(zh="{name}：由 {old} 提高到 {new}（{delta}）", en="{name}: from {old} to {new} ({delta})"),
    "rp_change_bool": Bilingual(zh="{name}：由“{old}”改为“{new}”", en="{name}: from “{old}” to “{new}”"),
    "rp_full_marks": Bilingual(zh="满分 {max} 分", en="full marks ({max})"),
    "rp_points_of": Bilingual(zh="得 {score} 分（满分 {max} 分）", en="{score} of {max} points"),
    "rp_gain": Bilingual(zh="可增加 {gain} 分", en="+{gain} points"),
    "rp_for_condition": Bilingual(zh="满足必备条件", en="meets a prerequisite"),
    "rp_feasible": Bilingual(zh="一年内可争取", en="within reach in a year"),
    "rp_structural": Bilingual(
        zh="结构性改进（需新建、扩建馆舍或增加编制），一年内难以实现",
        en="structural (a new building or more posts): not within a year",
    ),
    "rp_large": Bilingual(zh="增幅超过一倍，一年内难以实现", en="more than doubles the value: not within a year"),
    "rp_after": Bilingual(zh="全部实施后：总分 {total} 分，{grade}。", en="With every change: total {total}, {grade}."),
    "rp_judged_open": Bilingual(
        zh="另有 {n} 项评定类指标尚有 {points} 分空间，由评估组评定，未计入以上方案。",
        en="{n} judged indicators leave {points} points open; the assessors award them, "
        "and the plan does not count them.",
    ),
    # 落款
    "rp_sign_unit": Bilingual(zh="单位：{unit}", en="For: {unit}"),
    "rp_sign_date": Bilingual(zh="日期：{date}", en="Date: {date}"),
    "rp_sign_head": Bilingual(zh="负责人签字：", en="Signed (head of library):"),
    "rp_sign_team": Bilingual(zh="评估组成员签字：", en="Signed (members of the assessing team):"),
    # a line to sign on: full-width low lines in Chinese text, ASCII ones in English
    "rp_sign_line": Bilingual(zh="＿" * 12, en="_" * 24),
    # 附录
    "rp_bands": Bilingual(zh="分档", en="Bands"),
    "rp_next_band": Bilingual(zh="下一档", en="Next band"),
    "rp_basis_col": Bilingual(zh="计分依据", en="How it was scored"),
    "rp_evidence": Bilingual(zh="证明材料", en="Evidence"),
    "rp_diff": Bilingual(zh="差值", en="Difference"),
    "rp_band_pts": Bilingual(zh="{op} {value}：{points} 分", en="{op} {value}: {points}"),
    "rp_next_band_text": Bilingual(zh="{op} {value} 得 {points} 分", en="{op} {value} gives {points}"),
    "rp_top_band": Bilingual(zh="已达最高档", en="top band reached"),
    "rp_linear": Bilingual(zh="按比例，{target} 得满分", en="proportional, full marks at {target}"),
    "rp_judged_range": Bilingual(zh="评定 0—{max} 分", en="judged, 0 to {max}"),
    "rp_official": Bilingual(zh="官方", en="official"),
    "rp_reconstructed": Bilingual(zh="重建", en="reconstructed"),
    "rp_met": Bilingual(zh="达到", en="met"),
    "rp_not_met": Bilingual(zh="未达到", en="not met"),
    "rp_grade_head": Bilingual(zh="{grade}（最低分 {min}）：{state}", en="{grade} (minimum {min}): {state}"),
    "rp_fact": Bilingual(zh="事实", en="Fact"),
    "rp_given": Bilingual(zh="填报值", en="As given"),
    "rp_used": Bilingual(zh="计分取值", en="Value scored"),
    "rp_source_evidence": Bilingual(zh="来源与证明材料", en="Source and evidence"),
    "rp_fact_note": Bilingual(zh="填报说明：{note}", en="Library's note: {note}"),
    "rp_provenance_text": Bilingual(
        zh="评估标准：{id}《{title}》。其中 {n} 项数值（共 {m} 项）为重建值，未经官方原文核对；"
        "附录一中以“重建”或“官方”标出。",
        en="Standard: {id}, “{title}”. {n} of its {m} values are reconstructed, not verified against "
        "the official text; Appendix A marks each as reconstructed or official.",
    ),
    "rp_file": Bilingual(zh="文件", en="File"),
    "rp_generated": Bilingual(
        zh="由 libeval {version} 生成。可据上表的 SHA-256 核对报告所依据的数据。",
        en="Generated by libeval {version}. The SHA-256 above traces this report to its data.",
    ),
}
