"""The messages of reviews (issue 21): corrections, inheriting assessments (load/inherit.py) and
`libeval review`; merged into text/messages.py CATALOGUE."""

from __future__ import annotations

from libeval.text.bilingual import Bilingual

REVIEW_MESSAGES: dict[str, Bilingual] = {
    "correction-without-value": Bilingual(
        en="the correction of '{id}' gives no new value: write `value:` (or `years:`) with the reason,"
        " or `verified: true` if the value was checked and stands",
        zh="“{id}”的更正没有给出新值：请写明新值（value 或 years）及理由（`reason`），"
        "或在核实无误时写 `verified: true`",
    ),
    "correction-without-reason": Bilingual(
        en="the correction of '{id}' gives a new value without a reason: add `reason:`",
        zh="“{id}”的更正给出了新值，但没有理由：请补写理由（`reason`）",
    ),
    "inherit-unknown": Bilingual(
        en="inherit: no assessment '{name}' in this folder (found: {known})",
        zh="继承（`inherit`）的评估“{name}”不在本目录中（现有：{known}）",
    ),
    "inherit-cycle": Bilingual(
        en="inherit: '{name}' leads back to this assessment ({cycle}); one of them must not inherit",
        zh="继承（`inherit`）的评估“{name}”又回到本评估（{cycle}），其中须有一个不继承",
    ),
    "unawarded-without-inherit": Bilingual(
        en="judged indicators not awarded: {count}, and this assessment inherits from none, so they score 0."
        " To keep the self-assessment's awards and write only the changes, add `inherit: self`",
        zh="有 {count} 项评定指标未评，且本评估未继承其他评估，这些指标均计 0 分。"
        "如要沿用自评的评分、只写改动，请加上 `inherit: self`",
    ),
    "review-exists": Bilingual(
        en="'{path}' already exists; to write it again give --force, or choose another name with --as",
        zh="“{path}”已存在；如要重写请加 --force，或用 --as 另取名称",
    ),
    "review-name": Bilingual(
        en="'{name}' cannot be the name of an assessment file: use letters, digits, _ - . (e.g. prefecture)",
        zh="“{name}”不能用作评估文件名：请只用字母、数字和 _ - .",
    ),
    "init-in-assessments": Bilingual(
        en="'{path}' is inside the assessments folder of the library '{library}': start a review with"
        " `libeval review {library} --as NAME`, not with init",
        zh="“{path}”位于图书馆“{library}”的评估目录（`assessments`）中：开始复核请用"
        " `libeval review {library} --as 名称`，而不是 init",
    ),
}
