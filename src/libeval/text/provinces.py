"""A province's name in English output: `新疆维吾尔自治区` -> `Xinjiang`, so that `--lang en`
shows no Chinese the program could have written. The library's own text (its name, its team)
stays as given; a province not in the table is shown as given too.

The table names the 31 provinces, autonomous regions and municipalities of the mainland, the
two special administrative regions and Taiwan, by the short name a Chinese writer uses
(`新疆`, `内蒙古`), which starts every longer form (`新疆维吾尔自治区`, `内蒙古自治区`).
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    "新疆生产建设兵团": "Xinjiang Production and Construction Corps",  # before 新疆: the first match wins
    "北京": "Beijing",
    "天津": "Tianjin",
    "河北": "Hebei",
    "山西": "Shanxi",
    "内蒙古": "Inner Mongolia",
    "辽宁": "Liaoning",
    "吉林": "Jilin",
    "黑龙江": "Heilongjiang",
    "上海": "Shanghai",
    "江苏": "Jiangsu",
    "浙江": "Zhejiang",
    "安徽": "Anhui",
    "福建": "Fujian",
    "江西": "Jiangxi",
    "山东": "Shandong",
    "河南": "Henan",
    "湖北": "Hubei",
    "湖南": "Hunan",
    "广东": "Guangdong",
    "广西": "Guangxi",
    "海南": "Hainan",
    "重庆": "Chongqing",
    "四川": "Sichuan",
    "贵州": "Guizhou",
    "云南": "Yunnan",
    "西藏": "Tibet",
    "陕西": "Shaanxi",
    "甘肃": "Gansu",
    "青海": "Qinghai",
    "宁夏": "Ningxia",
    "新疆": "Xinjiang",
    "香港": "Hong Kong",
    "澳门": "Macao",
    "台湾": "Taiwan",
}


def province_name(text: str | None, lang: str) -> str:
    """The province as `lang` writes it: in English the table's name when the text starts with
    one of its short names (`新疆维吾尔自治区` -> `Xinjiang`), else the text as given; Chinese
    as given. "" for None."""
    if not text:
        return ""
    if lang != "en":
        return text
    for short, english in ENGLISH.items():
        if text.startswith(short):
            return english
    return text
