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
}
