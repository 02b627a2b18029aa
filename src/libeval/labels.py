"""Labels of the terminal and report output, in Chinese and English."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "standard": ("标准", "Standard"),
    "assessment": ("评估", "Assessment"),
    "total": ("总分", "Total"),
    "bonus": ("加分", "bonus"),
    "grade": ("等级", "Grade"),
    "no_grade": ("未达等级", "no grade"),
    "blocked_to": ("距{grade}还差", "Blocking {grade}"),
    "part": ("部分", "Part"),
    "code": ("编号", "Code"),
    "name": ("名称", "Name"),
    "score": ("得分", "Score"),
    "max": ("满分", "Max"),
    "share": ("得分率", "Share"),
    "status": ("状态", "Status"),
    "explanation": ("说明", "Explanation"),
    "missing_facts": ("缺少的事实", "Missing facts"),
    "corrections": ("数据更正", "Fact corrections"),
    "reconstructed": (
        "注意：本结果依赖 {n} 项重建数值（共 {m} 项），未经官方原文核对。",
        "Note: this result rests on {n} reconstructed values (of {m}) not verified against the official text.",
    ),
    "reconstructed_count": (
        "重建数值 {n} 项（共 {m} 项），未经官方原文核对",
        "{n} of {m} values reconstructed, not verified against the official text",
    ),
    "estimated": (
        "注意：{n} 项事实为估计值（estimated），非报告数据。",
        "Note: {n} facts are estimated, not reported.",
    ),
    "region.east": ("东部", "east"),
    "region.central": ("中部", "central"),
    "region.west": ("西部", "west"),
    "assessor.self": ("自评", "self-assessment"),
    "assessor.prefecture": ("州（市）评", "prefecture review"),
    "assessor.city": ("市评", "city review"),
    "assessor.province": ("省评", "provincial review"),
    "assessor.ministry": ("部评", "ministry review"),
    "assessor.other": ("其他", "other"),
    "status.scored": ("已评分", "scored"),
    "status.missing": ("缺数据", "missing"),
    "status.not_judged": ("未评", "not judged"),
    "status.not_applicable": ("不适用", "not applicable"),
    "status.undefined": ("无法计算", "undefined"),
    "provenance.official": ("官方", "official"),
    "provenance.reconstructed": ("重建", "reconstructed"),
    "kind.tiers": ("分档", "tiers"),
    "kind.linear": ("按比例", "linear"),
    "kind.per_unit": ("按数量", "per unit"),
    "kind.boolean": ("是否", "yes/no"),
    "kind.judged": ("评定", "judged"),
    "capped": ("封顶", "capped"),
    "value": ("取值", "Value"),
    "rests_on": ("依据事实", "Rests on facts"),
    "source": ("来源", "source"),
    "estimated_mark": ("估计值", "estimated"),
    "bands": ("分档", "Bands"),
    "note": ("评估意见", "Assessor's note"),
    "rule": ("规则", "Rule"),
    "provenance": ("来源性质", "Provenance"),
    "children": ("下级", "Children"),
    "corrected": ("已更正", "corrected"),
}


def label(key: str, lang: str, **args: object) -> str:
    zh, en = LABELS.get(key, (key, key))
    text = en if lang == "en" else zh
    return text.format(**args) if args else text
