"""Labels of the diff report, of the spreadsheets' title rows and of the batch report's notices
and gaps (merged into LABELS)."""

from __future__ import annotations

from libeval.text.bilingual import Bilingual

DIFF_LABELS: dict[str, Bilingual] = {
    # a side of a diff, named by its assessor (the column headings)
    "side.self": Bilingual(zh="自评", en="Self"),
    "side.prefecture": Bilingual(zh="州（市）评", en="Prefecture review"),
    "side.city": Bilingual(zh="市评", en="City review"),
    "side.province": Bilingual(zh="省评", en="Provincial review"),
    "side.ministry": Bilingual(zh="部评", en="Ministry review"),
    "side.named": Bilingual(zh="{side}（{name}）", en="{side} ({name})"),
    "diff.heading": Bilingual(zh="{a}与{b}对照", en="{a} and {b} compared"),
    "diff.grade_same": Bilingual(zh="{a}与{b}等级相同：{grade}。", en="{a} and {b} reach the same grade: {grade}."),
    "diff.grade_differs": Bilingual(zh="{a}{ga}，{b}{gb}。", en="{a}: {ga}; {b}: {gb}."),
    "diff.restore": Bilingual(
        zh="撤回以下 {n} 项差异，{side}即为{grade}：", en="Taking back these {n} difference(s) gives {side} {grade}:"
    ),
    "diff.judged": Bilingual(zh="评定 {old} 分 → {new} 分", en="awarded {old} → {new} points"),
    "diff.judged_level": Bilingual(zh="评定等次 {old} → {new}", en="level {old} → {new}"),
    "diff.not_awarded": Bilingual(zh="未评", en="not awarded"),
    "diff.not_applicable": Bilingual(zh="{side}认定不适用", en="{side} marks it not applicable"),
    "diff.status": Bilingual(zh="状态：{old} → {new}", en="status: {old} → {new}"),
    "diff.total_delta": Bilingual(zh="总分差值", en="Difference in total"),
    "diff.yearly": Bilingual(zh="附：逐年数据", en="Appendix: values per year"),
    "diff.yearly_intro": Bilingual(
        zh="上文的事实取计分所用的值（如评估期各年的年均值）；各年的数据如下。",
        en="Above, each fact shows the value scoring uses (such as the mean over the period's years); "
        "the values per year follow.",
    ),
    "diff.scored_value": Bilingual(zh="计分值", en="Scored value"),
    "diff.not_counted": Bilingual(zh="{year}（不计入）", en="{year} (not counted)"),
    "diff.verified_heading": Bilingual(zh="{side}核实的事实（数值不变）", en="Facts {side} verified (values kept)"),
    "diff.verified": Bilingual(zh="{name}：{value}，已核实", en="{name}: {value}, verified"),
    "diff.evidence": Bilingual(zh="证明材料：{files}", en="evidence: {files}"),
    "diff.sign": Bilingual(zh="签字", en="Signatures"),
    "diff.sign_team": Bilingual(zh="评估组成员签字", en="Assessment team members"),
    "diff.sign_date": Bilingual(zh="日期", en="Date"),
    "diff.sign_blank_date": Bilingual(zh="＿＿＿＿年＿＿月＿＿日", en="_" * 14),
    # spreadsheets: the rows above each sheet's header
    "sheet.scores": Bilingual(zh="评分表", en="Scores"),
    "sheet.grades": Bilingual(zh="等级", en="Grades"),
    "sheet.to_fill": Bilingual(zh="待补充", en="To fill in"),
    "sheet.yearly": Bilingual(zh="逐年数据", en="Per year"),
    "sheet.title": Bilingual(zh="{library}　{sheet}", en="{library} — {sheet}"),
    "sheet.meta": Bilingual(
        zh="评估：{assessor}　　日期：{date}　　评估单位：{by}",
        en="Assessment: {assessor}    Date: {date}    Assessed by: {by}",
    ),
    "sheet.side": Bilingual(
        zh="{side}：日期 {date}；评估单位 {by}；总分 {total}；等级 {grade}",
        en="{side}: date {date}; assessed by {by}; total {total}; grade {grade}",
    ),
    "sheet.standard": Bilingual(zh="标准：{id} {title}", en="Standard: {id} {title}"),
    "sheet.period": Bilingual(zh="评估周期：{period}", en="Evaluation period: {period}"),
    "sheet.unit": Bilingual(zh="单位", en="Unit"),
    "sheet.condition": Bilingual(zh="条件", en="Condition"),
    "sheet.outcome": Bilingual(zh="结果", en="Outcome"),
    "sheet.grade_reached": Bilingual(zh="达到的等级", en="Grade reached"),
    # batch report: what it rests on, and what blocks each library's next grade
    "batch.standard": Bilingual(zh="评估标准：{id} {title}", en="Standard: {id} {title}"),
    "batch.assessment": Bilingual(
        zh="评估：{assessor}（各馆的 assessments/{name}.yaml）",
        en="Assessment: {assessor} (assessments/{name}.yaml of each library)",
    ),
    "batch.reconstructed": Bilingual(
        zh="标准 {id} 的 {m} 项数值中有 {n} 项为重建值，未经官方原文核对；各馆的分数与等级依赖这些数值。",
        en="{n} of the {m} values of the standard {id} are reconstructed, not verified against the official "
        "text; every library's score and grade rests on them.",
    ),
    "batch.estimated": Bilingual(
        zh="{k} 个图书馆的结果含估计值（共 {n} 项事实为估计值，非报告数据），见各馆报告。",
        en="{k} libraries' results rest on estimated facts ({n} in all, not reported): see each library's report.",
    ),
    "gap.at_least": Bilingual(
        zh="{name}{actual}，需 {required}，差 {short}", en="{name}{actual}, {required} needed, {short} short"
    ),
    "gap.at_most": Bilingual(
        zh="{name}{actual}，不得超过 {required}，超出 {short}", en="{name}{actual}, at most {required}, {short} over"
    ),
    "gap.equals": Bilingual(zh="{name}：{actual}，需为“{required}”", en="{name}: {actual}, {required} required"),
    "gap.missing": Bilingual(zh="{name}：缺数据", en="{name}: not given"),
    "gap.total": Bilingual(
        zh="总分 {actual}，需 {required}，差 {short} 分", en="total {actual}, {required} needed, {short} points short"
    ),
    "gap.full_marks": Bilingual(
        zh="{name}：得 {actual} 分，需满分 {required} 分", en="{name}: {actual} points, full marks ({required}) needed"
    ),
    "gap.score": Bilingual(
        zh="{name}{actual} 分，需 {required} 分，差 {short} 分",
        en="{name}{actual} points, {required} needed, {short} short",
    ),
}
