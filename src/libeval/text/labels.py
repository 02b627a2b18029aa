"""Labels of the terminal and report output, in Chinese and English."""

from __future__ import annotations

from libeval.text.bilingual import Bilingual
from libeval.text.completeness_labels import COMPLETENESS_LABELS
from libeval.text.diff_all_labels import DIFF_ALL_LABELS
from libeval.text.diff_labels import DIFF_LABELS
from libeval.text.opinion_labels import OPINION_LABELS
from libeval.text.report_labels import REPORT_LABELS

LABELS: dict[str, Bilingual] = {
    "standard": Bilingual(zh="标准", en="Standard"),
    "assessment": Bilingual(zh="评估", en="Assessment"),
    "total": Bilingual(zh="总分", en="Total"),
    "bonus": Bilingual(zh="加分", en="bonus"),
    "grade": Bilingual(zh="等级", en="Grade"),
    "grade_reached": Bilingual(zh="等级", en="Grade reached"),
    "no_grade": Bilingual(zh="未达等级", en="no grade"),
    "blocked_to": Bilingual(zh="距{grade}还差", en="Blocking {grade}"),
    "part": Bilingual(zh="部分", en="Part"),
    "code": Bilingual(zh="编号", en="Code"),
    "name": Bilingual(zh="名称", en="Name"),
    "score": Bilingual(zh="得分", en="Score"),
    "max": Bilingual(zh="满分", en="Max"),
    "share": Bilingual(zh="得分率", en="Share"),
    "status": Bilingual(zh="状态", en="Status"),
    "explanation": Bilingual(zh="说明", en="Explanation"),
    "missing_facts": Bilingual(zh="缺少的事实", en="Missing facts"),
    "corrections": Bilingual(zh="数据更正", en="Fact corrections"),
    "reconstructed": Bilingual(
        zh="注意：本结果依赖 {n} 项重建数值（共 {m} 项），未经官方原文核对。",
        en="Note: this result rests on {n} reconstructed values (of {m}) not verified against the official text.",
    ),
    "reconstructed_count": Bilingual(
        zh="重建数值 {n} 项（共 {m} 项），未经官方原文核对",
        en="{n} of {m} values reconstructed, not verified against the official text",
    ),
    "estimated": Bilingual(
        zh="注意：{n} 项事实为估计值，非报告数据。",
        en="Note: {n} facts are estimated, not reported.",
    ),
    "aggregate.mean": Bilingual(zh="年均", en="yearly mean"),
    "aggregate.sum": Bilingual(zh="合计", en="total"),
    "aggregate.latest": Bilingual(zh="最近一年", en="latest year"),
    "aggregate.max": Bilingual(zh="最高年", en="best year"),
    "aggregate.min": Bilingual(zh="最低年", en="worst year"),
    "region.east": Bilingual(zh="东部", en="east"),
    "region.central": Bilingual(zh="中部", en="central"),
    "region.west": Bilingual(zh="西部", en="west"),
    "assessor.self": Bilingual(zh="自评", en="self-assessment"),
    "assessor.prefecture": Bilingual(zh="州（市）评", en="prefecture review"),
    "assessor.city": Bilingual(zh="市评", en="city review"),
    "assessor.province": Bilingual(zh="省评", en="provincial review"),
    "assessor.ministry": Bilingual(zh="部评", en="ministry review"),
    "assessor.other": Bilingual(zh="其他", en="other"),
    "status.scored": Bilingual(zh="已评分", en="scored"),
    "status.missing": Bilingual(zh="缺数据", en="missing"),
    "status.not_judged": Bilingual(zh="未评", en="not judged"),
    "status.not_applicable": Bilingual(zh="不适用", en="not applicable"),
    "status.undefined": Bilingual(zh="无法计算", en="undefined"),
    "provenance.official": Bilingual(zh="官方", en="official"),
    "provenance.reconstructed": Bilingual(zh="重建", en="reconstructed"),
    "batch.warned": Bilingual(
        zh="另有 {n} 条警告，运行 libeval check {root} 查看", en="{n} warning(s); `libeval check {root}` lists them"
    ),
    "score.below": Bilingual(
        zh="总分 {total} 分，低于 --fail-under {gate} 分", en="total {total} < --fail-under {gate}"
    ),
    "batch.below": Bilingual(
        zh="{n} 个图书馆的总分低于 --fail-under {gate} 分", en="{n} library(ies) with a total < --fail-under {gate}"
    ),
    "kind.tiers": Bilingual(zh="分档", en="tiers"),
    "kind.linear": Bilingual(zh="按比例", en="linear"),
    "kind.per_unit": Bilingual(zh="按数量", en="per unit"),
    "kind.boolean": Bilingual(zh="是否", en="yes/no"),
    "kind.judged": Bilingual(zh="评定", en="judged"),
    "capped": Bilingual(zh="封顶", en="capped"),
    "value": Bilingual(zh="取值", en="Value"),
    "rests_on": Bilingual(zh="依据事实", en="Rests on facts"),
    "source": Bilingual(zh="来源", en="source"),
    "estimated_mark": Bilingual(zh="估计值", en="estimated"),
    "bands": Bilingual(zh="分档", en="Bands"),
    "note": Bilingual(zh="评估意见", en="Assessor's note"),
    "rule": Bilingual(zh="规则", en="Rule"),
    "provenance": Bilingual(zh="来源性质", en="Provenance"),
    "citation": Bilingual(zh="出处", en="citation"),
    "children": Bilingual(zh="下级", en="Children"),
    "corrected": Bilingual(zh="已更正", en="corrected"),
    "verified": Bilingual(zh="已核实", en="verified"),
    # reports
    "report_title": Bilingual(zh="评估定级自评报告", en="Evaluation report"),
    "report_title.review": Bilingual(zh="评估定级评审报告", en="Evaluation review report"),
    "profile": Bilingual(zh="图书馆概况", en="Library profile"),
    "level": Bilingual(zh="级别", en="Level"),
    "province": Bilingual(zh="省份", en="Province"),
    "region": Bilingual(zh="地区", en="Region"),
    "population": Bilingual(zh="服务人口", en="Service population"),
    "population_unit": Bilingual(zh="人", en="people"),
    "assessor": Bilingual(zh="评估环节", en="Assessment stage"),
    "assessed_by": Bilingual(zh="评估单位", en="Assessed by"),
    "date": Bilingual(zh="日期", en="Date"),
    "period": Bilingual(zh="评估周期", en="Evaluation period"),
    "score_section": Bilingual(zh="得分与等级", en="Score and grade"),
    "parts_chart": Bilingual(zh="各部分得分", en="Points per part"),
    "grades": Bilingual(zh="定级条件", en="Grade conditions"),
    "met": Bilingual(zh="达到", en="met"),
    "not_met": Bilingual(zh="未达到", en="not met"),
    "not_applicable_short": Bilingual(zh="不适用", en="n/a"),
    "min_score": Bilingual(zh="最低分", en="Minimum score"),
    "strengths": Bilingual(zh="优势", en="Strengths"),
    "strengths_intro": Bilingual(
        zh="得满分或接近满分（≥ 90%）的指标：", en="Indicators at or near full marks (≥ 90%):"
    ),
    "problems": Bilingual(zh="问题", en="Problems"),
    "largest_losses": Bilingual(zh="失分最多的指标", en="Largest point losses"),
    "loss": Bilingual(zh="失分", en="Lost"),
    "unmet": Bilingual(zh="未达到的定级条件", en="Unmet grade conditions"),
    "next_steps": Bilingual(zh="下一步", en="Next steps"),
    "next_steps_intro": Bilingual(zh="达到{grade}需要：", en="To reach {grade}:"),
    "top_grade": Bilingual(zh="已达到最高等级。", en="The highest grade is reached."),
    "points_gap": Bilingual(zh="总分还差 {gap} 分（需 ≥ {need}）", en="{gap} more points in total (needs ≥ {need})"),
    "all_indicators": Bilingual(zh="指标得分明细", en="All indicators"),
    "facts": Bilingual(zh="事实数据", en="Facts"),
    "evidence": Bilingual(zh="证明材料", en="Evidence"),
    "inputs": Bilingual(zh="输入文件", en="Input files"),
    "generated": Bilingual(
        zh="由 libeval {version} 生成。输入文件的 SHA-256 见上表，可据此核对报告所依据的数据。",
        en="Generated by libeval {version}. The SHA-256 of each input file above traces this report to its data.",
    ),
    "level.province": Bilingual(zh="省级", en="provincial"),
    "level.city": Bilingual(zh="地市级", en="prefecture/city"),
    "level.county": Bilingual(zh="县级", en="county"),
    "level.children": Bilingual(zh="少儿馆", en="children's"),
    "none": Bilingual(zh="无", en="none"),
    "yes": Bilingual(zh="是", en="yes"),
    "no": Bilingual(zh="否", en="no"),
    "estimated_facts_banner": Bilingual(
        zh="{n} 项事实为估计值，非报告数据；表中以“估计值”标出。",
        en="{n} facts are estimated, not reported; marked “estimated” in the tables.",
    ),
    "reconstructed_banner": Bilingual(
        zh="本报告所依据的评估标准中，{n} 项数值（共 {m} 项）为重建值，未经官方原文核对。",
        en="{n} of the {m} values of the standard behind this report are reconstructed, "
        "not verified against the official text.",
    ),
    "corrections_intro": Bilingual(zh="{assessor}更正了以下事实：", en="The {assessor} corrected these facts:"),
    "old_value": Bilingual(zh="原值", en="Old value"),
    "new_value": Bilingual(zh="新值", en="New value"),
    "reason": Bilingual(zh="理由", en="Reason"),
    "fact": Bilingual(zh="事实", en="Fact"),
    "file": Bilingual(zh="文件", en="File"),
    "total_short": Bilingual(zh="总分", en="Total"),
    "item": Bilingual(zh="项目", en="Item"),
    # batch
    "batch_title": Bilingual(zh="评估定级汇总", en="Evaluation summary"),
    "rank": Bilingual(zh="排名", en="Rank"),
    "library": Bilingual(zh="图书馆", en="Library"),
    "blocked_by": Bilingual(zh="距上一等级", en="Blocking the next grade"),
    "distribution": Bilingual(zh="各地区等级分布", en="Grades per region"),
    "no_grade_short": Bilingual(zh="未定级", en="none"),
    "count": Bilingual(zh="合计", en="Total"),
    "failed_libraries": Bilingual(zh="未能评分的图书馆", en="Libraries that could not be scored"),
    "batch_counts": Bilingual(
        zh="共 {n} 个图书馆，已评分 {ok} 个，出错 {bad} 个。",
        en="{n} libraries, {ok} scored, {bad} with errors.",
    ),
    "report": Bilingual(zh="报告", en="Report"),
    # plan
    "plan_title": Bilingual(zh="定级提升方案", en="Plan for the next grade"),
    "plan_head": Bilingual(
        zh="目标：{target}（当前：{current}，{total} 分）", en="Target: {target} (now: {current}, {total} points)"
    ),
    "plan_top": Bilingual(zh="已达到最高等级，无需提升。", en="The highest grade is reached: nothing to do."),
    "plan_reached": Bilingual(zh="已达到{target}。", en="{target} is already reached."),
    "plan_prereqs": Bilingual(zh="必备条件", en="Prerequisites"),
    "plan_prereqs_ok": Bilingual(
        zh="目标等级的必备条件均已满足。", en="Every prerequisite of the target grade is met."
    ),
    "plan_structural": Bilingual(
        zh="结构性条件：需新建、扩建或增编，一年内难以实现",
        en="structural: needs a building or an establishment change, not possible within a year",
    ),
    "plan_gap": Bilingual(
        zh="分数：总分 {total}，需 ≥ {need}，差 {gap} 分", en="Score: total {total}, {need} needed, {gap} short"
    ),
    "plan_gap_after": Bilingual(
        zh="；上述必备条件的改进计 +{gain} 分，之后还差 {gap} 分",
        en="; the prerequisites' changes above add {gain}, leaving {gap} short",
    ),
    "plan_gap_after_ok": Bilingual(
        zh="；上述必备条件的改进计 +{gain} 分，之后已达到最低分",
        en="; the prerequisites' changes above add {gain}, which reaches the minimum",
    ),
    "plan_gap_ok": Bilingual(
        zh="分数：满足必备条件后已达到最低分 {need}。",
        en="Score: with the prerequisites met, the minimum {need} is reached.",
    ),
    "plan_chosen": Bilingual(
        zh="选定的改进（相对变化合计最小，共 {cost}）",
        en="The chosen improvements (smallest total relative change: {cost})",
    ),
    "plan_projected": Bilingual(zh="实施后：总分 {total}，等级为{grade}", en="With the plan: total {total}, {grade}"),
    "plan_open": Bilingual(zh="可增 {points} 分", en="+{points}"),
    "init_next": Bilingual(
        zh="下一步：在 {lib} 中填写事实，在 {self} 中给评定指标打分，然后运行 libeval check {dir}",
        en="Next: fill in the facts in {lib}, award the judged indicators in {self}, then run libeval check {dir}",
    ),
    "init_next_xlsx": Bilingual(
        zh="下一步：填写 {sheet} 后运行 libeval import {sheet} {dir}（或直接编辑 {lib}），在 {self} 中给评定指标打分，"
        "然后运行 libeval check {dir}",
        en="Next: fill in {sheet} and run libeval import {sheet} {dir} (or edit {lib}), award the judged"
        " indicators in {self}, then run libeval check {dir}",
    ),
    "plan_unreachable": Bilingual(zh="无法达到{target}：", en="{target} cannot be reached:"),
    "plan_options": Bilingual(zh="可提升的指标（单项）", en="Improvements within reach (one at a time)"),
    "plan_judged": Bilingual(
        zh="评定类指标尚有分数空间（由评估者评定，未计入方案）",
        en="Judged indicators with points still open (awarded by the assessor, not in the plan)",
    ),
    "plan_change": Bilingual(zh="{name}：{old} → {new}（{delta}）", en="{name}: {old} → {new} ({delta})"),
    "gain": Bilingual(zh="增分", en="Gain"),
    "open_points": Bilingual(zh="可增", en="Open"),
    # criteria diff (two standards), and one assessment scored under two standards
    "criteria_diff_title": Bilingual(zh="评估标准对照", en="Standard comparison"),
    "criteria_same": Bilingual(zh="两个评估标准完全一致。", en="The two standards are identical."),
    "criteria_counts": Bilingual(
        zh="共 {n} 处不同（新增 {added}，删除 {removed}，修改 {changed}）。",
        en="{n} differences ({added} added, {removed} removed, {changed} changed).",
    ),
    "change": Bilingual(zh="变化", en="Change"),
    "change.added": Bilingual(zh="新增", en="added"),
    "change.removed": Bilingual(zh="删除", en="removed"),
    "section.standard": Bilingual(zh="标准", en="Standard"),
    "section.fact": Bilingual(zh="事实目录", en="Facts"),
    "section.derived": Bilingual(zh="派生值", en="Derived values"),
    "section.node": Bilingual(zh="指标体系", en="Parts, groups and indicators"),
    "section.grade": Bilingual(zh="等级与必备条件", en="Grades and prerequisites"),
    "field.id": Bilingual(zh="标识", en="id"),
    "field.title": Bilingual(zh="标题", en="title"),
    "field.title_en": Bilingual(zh="英文标题", en="English title"),
    "field.level": Bilingual(zh="级别", en="level"),
    "field.period": Bilingual(zh="评估周期", en="period"),
    "field.total": Bilingual(zh="总分", en="total"),
    "field.precision": Bilingual(zh="小数位", en="precision"),
    "field.variant": Bilingual(zh="分类依据", en="variant by"),
    "field.variants": Bilingual(zh="分类", en="variants"),
    "field.province": Bilingual(zh="“{item}”所属地区", en="region of {item}"),
    "field.provenance": Bilingual(zh="来源性质", en="provenance"),
    "field.citation": Bilingual(zh="出处", en="citation"),
    "field.name": Bilingual(zh="名称", en="name"),
    "field.name_en": Bilingual(zh="英文名称", en="English name"),
    "field.unit": Bilingual(zh="单位", en="unit"),
    "field.type": Bilingual(zh="类型", en="type"),
    "field.per_year": Bilingual(zh="按年填报", en="per year"),
    "field.aggregate": Bilingual(zh="汇总方式", en="aggregate"),
    "field.better": Bilingual(zh="方向", en="better"),
    "field.formula": Bilingual(zh="公式", en="formula"),
    "field.parent": Bilingual(zh="上级", en="parent"),
    "field.max": Bilingual(zh="满分", en="max"),
    "field.capped": Bilingual(zh="封顶", en="capped"),
    "field.rule": Bilingual(zh="规则", en="rule"),
    "field.value": Bilingual(zh="取值", en="value"),
    "field.band": Bilingual(zh="分档 {item}", en="band {item}"),
    "field.band.at": Bilingual(zh="分档 {item}", en="band {item}"),
    "field.band.points": Bilingual(zh="分档 {item} 分值", en="band {item} points"),
    "field.target": Bilingual(zh="目标值", en="target"),
    "field.points": Bilingual(zh="分值", en="points"),
    "field.per": Bilingual(zh="计分单位", en="per"),
    "field.level.points": Bilingual(zh="等次“{item}”分值", en="level '{item}' points"),
    "field.judged_level": Bilingual(zh="等次“{item}”", en="level '{item}'"),
    "field.not_applicable": Bilingual(zh="不适用", en="not applicable"),
    "field.min_score": Bilingual(zh="最低分", en="minimum score"),
    "field.subject": Bilingual(zh="对象", en="subject"),
    "field.at_least": Bilingual(zh="下限", en="at least"),
    "field.at_most": Bilingual(zh="上限", en="at most"),
    "field.equals": Bilingual(zh="要求", en="equals"),
    "field.full_marks": Bilingual(zh="要求满分", en="full marks"),
    "na.full_marks": Bilingual(zh="按满分计", en="full marks"),
    "na.excluded": Bilingual(zh="不计入总分", en="left out"),
    "na.none": Bilingual(zh="不允许", en="not allowed"),
    "better.higher": Bilingual(zh="越高越好", en="higher"),
    "better.lower": Bilingual(zh="越低越好", en="lower"),
    "type.number": Bilingual(zh="数值", en="number"),
    "type.integer": Bilingual(zh="整数", en="integer"),
    "type.boolean": Bilingual(zh="是否", en="yes/no"),
    "type.percent": Bilingual(zh="百分比", en="percent"),
    "full_points": Bilingual(zh="满分", en="full marks"),
    "group": Bilingual(zh="分组", en="group"),
    "rescore_title": Bilingual(zh="换用评估标准对照", en="Scored under two standards"),
    "standard_changes": Bilingual(
        zh="两个标准共 {n} 处不同；`libeval criteria diff` 列出全部。",
        en="The standards differ in {n} places; `libeval criteria diff` lists them all.",
    ),
    "rescore_agreement": Bilingual(
        zh="相同 {equal} 项，不同 {differing} 项，仅在前 {removed} 项，仅在后 {added} 项。",
        en="{equal} indicators equal, {differing} differ, {removed} only before, {added} only after.",
    ),
    "no_cause": Bilingual(zh="—", en="—"),
    # diff
    "diff_title": Bilingual(zh="评估对照", en="Assessment comparison"),
    "from": Bilingual(zh="前", en="From"),
    "to": Bilingual(zh="后", en="To"),
    "delta": Bilingual(zh="差值", en="Delta"),
    "cause": Bilingual(zh="原因", en="Cause"),
    "cause.judged": Bilingual(zh="评定 {old} → {new}", en="judged {old} → {new}"),
    "cause.fact": Bilingual(zh="{name}：{old} → {new}", en="{name}: {old} → {new}"),
    "cause.not_applicable": Bilingual(zh="不适用 {old} → {new}", en="not applicable {old} → {new}"),
    "cause.status": Bilingual(zh="状态 {old} → {new}", en="status {old} → {new}"),
    "cause.cap": Bilingual(zh="封顶吸收", en="absorbed by the cap"),
    "differing": Bilingual(zh="有差异的指标", en="Indicators that differ"),
    "caps": Bilingual(zh="封顶调整", en="Cap adjustments"),
    "grade_change": Bilingual(zh="影响等级的差异", en="What changes the grade"),
    "grade_same": Bilingual(zh="两侧等级相同（{grade}）。", en="Both sides reach the same grade ({grade})."),
    "restore": Bilingual(
        zh="撤回以下 {n} 项差异，{side}即恢复为{grade}：",
        en="Taking back these {n} difference(s) gives {side} the grade {grade}:",
    ),
    "restore_none": Bilingual(
        zh="没有任何一组差异在撤回后能恢复为{grade}。",
        en="No set of differences, taken back, restores {grade}.",
    ),
    "restore_limited": Bilingual(
        zh="在不超过 {n} 项的差异组合中，没有一组撤回后能恢复为{grade}。",
        en="No set of up to {n} differences, taken back, restores {grade}.",
    ),
    "conditions_changed": Bilingual(zh="结果不同的定级条件", en="Grade conditions with a different outcome"),
    "agreement": Bilingual(zh="一致性", en="Agreement"),
    "agreement_text": Bilingual(
        zh="相同 {equal} 项，不同 {differing} 项；差值绝对值合计 {abs}。",
        en="{equal} indicators equal, {differing} differ; sum of absolute deltas {abs}.",
    ),
    "differences": Bilingual(zh="输入差异", en="Differences in the inputs"),
    "no_differences": Bilingual(zh="两侧完全一致。", en="The two sides are identical."),
    "blocked_count": Bilingual(zh="{grade}：{n} 项条件未达到", en="{grade}: {n} condition(s) not met"),
    "figure": Bilingual(zh="情况", en="Figure"),
    **COMPLETENESS_LABELS,
    **REPORT_LABELS,
    **OPINION_LABELS,
    **DIFF_LABELS,
    **DIFF_ALL_LABELS,
}


def region_label(region: str | None) -> Bilingual:
    """A region's name (东部 / east ...), or the region as written when it is not one of those."""
    known = LABELS.get(f"region.{region}")
    return known if known is not None else Bilingual(region or "—", region or "—")


def labels(lang: str) -> dict[str, str]:
    """Every label in one language, for templates."""
    return {key: text.get(lang) for key, text in LABELS.items()}


def label(key: str, lang: str, **args: object) -> str:
    """A label in `lang`, its `{placeholders}` filled from `args`."""
    text = LABELS[key].get(lang)
    return text.format(**args) if args else text


def colon(lang: str) -> str:
    """The colon after a label: full-width `：` in Chinese (GB/T 15834), `: ` in English."""
    return "：" if lang == "zh" else ": "


def bracketed(text: str, lang: str) -> str:
    """An aside after a text: `（自评）` in Chinese, ` (self-assessment)` in English."""
    return f"（{text}）" if lang == "zh" else f" ({text})"
