"""The messages of regions and provinces (load/regions.py, the province table's checks in
scoring/compiler.py) and of the library's level written in words (models/library.py); merged
into text/messages.py CATALOGUE."""

from __future__ import annotations

from libeval.text.bilingual import Bilingual

REGION_MESSAGES: dict[str, Bilingual] = {
    "region-missing": Bilingual(
        en="this standard varies by region: fill in `province` in library.yaml (the region follows from it),"
        " or `region` (one of {choices}); until then the library cannot be scored",
        zh="本标准按地区分类：请在 library.yaml 中填写省份（province，地区随之确定），或填写地区（region：{choices}）；"
        "填写前无法计分",
    ),
    "unknown-province": Bilingual(
        en="province '{province}' is not in the standard's province table: its region cannot be checked",
        zh="省份“{province}”不在本标准的省份表中，无法据此核对地区",
    ),
    "region-from-province": Bilingual(
        en="no region given: {region}, where the standard places {province}",
        zh="未写地区：按本标准的省份划分，{province}属于 {region}",
    ),
    "region-mismatch": Bilingual(
        en="region {got} differs from the standard's region for {province}, {expected}. Correct it; or, where the"
        " library is under another region's policy, keep it and give the reason below it"
        " (`region_reason: …`)",
        zh="地区 {got}与本标准对{province}的划分 {expected}不符。请改正；如该馆享受其他地区的政策，"
        "请保留并在下一行写明理由（region_reason: 享受西部大开发政策）",
    ),
    "unknown-library-level": Bilingual(
        en="level '{got}' is not known; write one of {expected}", zh="级别“{got}”无法识别，可写：{expected}"
    ),
    "province-region": Bilingual(
        en="'provinces' lists region '{region}', which is not a variant of this standard ({expected})",
        zh="省份表中的地区“{region}”不是本标准的类别（可选：{expected}）",
    ),
    "province-twice": Bilingual(
        en="province '{name}' is listed twice (also under '{other}')",
        zh="省份“{name}”重复列出（另见“{other}”下）",
    ),
}
