"""Labels of `libeval diff LIB --all`, every assessment of a library side by side (merged into
LABELS)."""

from __future__ import annotations

from libeval.text.bilingual import Bilingual

DIFF_ALL_LABELS: dict[str, Bilingual] = {
    "diff_all.heading": Bilingual(zh="各轮评估对照", en="Every assessment side by side"),
    "diff_all.mark": Bilingual(zh="●", en="●"),
    "diff_all.legend": Bilingual(
        zh="● 标出该轮改动的值（与前一轮不同）；改动说明写出是哪一轮、为什么改动。",
        en="● marks a value a pass changed (it differs from the pass before); the notes say which pass "
        "changed it and why.",
    ),
    "diff_all.one": Bilingual(
        zh="只有一项评估（{side}），没有可对照的评估。",
        en="There is only one assessment ({side}): nothing to compare.",
    ),
    "diff_all.identical": Bilingual(
        zh="各轮评估的得分与事实完全一致。", en="Every assessment has the same points and facts."
    ),
    "diff_all.next": Bilingual(zh="晋级差距", en="Next grade blocked by"),
    "diff_all.top": Bilingual(zh="已达最高等级", en="The highest grade"),
    "diff_all.more": Bilingual(zh="等 {n} 项", en="and {n} more"),
    "diff_all.indicators_all": Bilingual(zh="全部指标", en="Every indicator"),
    "diff_all.facts": Bilingual(
        zh="有差异或经核实的事实（计分所用的值）", en="Facts that differ or were verified (the values scoring uses)"
    ),
    "diff_all.notes": Bilingual(zh="改动说明", en="Changes"),
    "diff_all.agreement": Bilingual(
        zh="{n} 轮评估中，{equal} 项指标各轮得分相同，{differing} 项有差异。",
        en="{equal} indicators have the same points in every one of the {n} assessments; {differing} differ.",
    ),
    "diff_all.verified_cell": Bilingual(zh="{value}（已核实）", en="{value} (verified)"),
    "diff_all.sheet": Bilingual(zh="各轮对照", en="All assessments"),
}
