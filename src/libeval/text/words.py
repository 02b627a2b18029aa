"""pydantic's errors in our words (the `wrong-type` message), what a pattern of the models
means, and the words that stand in messages' arguments (`expected`, `got`), in both languages."""

from __future__ import annotations

from libeval.text.bilingual import Bilingual

# pydantic's error types in our words (the `wrong-type` message); others keep pydantic's English text
TYPE_ERRORS: dict[str, Bilingual] = {
    "decimal_parsing": Bilingual(zh="应为数字", en="expected a number"),
    "decimal_type": Bilingual(zh="应为数字", en="expected a number"),
    "finite_number": Bilingual(
        zh="应为有限的数（不能是无穷大或 NaN）", en="expected a finite number (not infinity or NaN)"
    ),
    "int_parsing": Bilingual(zh="应为整数", en="expected a whole number"),
    "int_type": Bilingual(zh="应为整数", en="expected a whole number"),
    "int_from_float": Bilingual(zh="应为整数", en="expected a whole number"),
    "bool_type": Bilingual(zh="应为 true 或 false", en="expected true or false"),
    "bool_parsing": Bilingual(zh="应为 true 或 false", en="expected true or false"),
    "date_parsing": Bilingual(zh="应为日期（YYYY-MM-DD）", en="expected a date (YYYY-MM-DD)"),
    "date_from_datetime_parsing": Bilingual(zh="应为日期（YYYY-MM-DD）", en="expected a date (YYYY-MM-DD)"),
    "date_type": Bilingual(zh="应为日期（YYYY-MM-DD）", en="expected a date (YYYY-MM-DD)"),
    "date_from_datetime_inexact": Bilingual(zh="应为日期（YYYY-MM-DD）", en="expected a date (YYYY-MM-DD)"),
    "list_type": Bilingual(zh="应为列表", en="expected a list"),
    "dict_type": Bilingual(zh="应为映射（键: 值）", en="expected a mapping (key: value)"),
    "model_type": Bilingual(zh="应为映射（键: 值）", en="expected a mapping (key: value)"),
    "model_attributes_type": Bilingual(zh="应为映射（键: 值）", en="expected a mapping (key: value)"),
    "string_pattern_mismatch": Bilingual(zh="格式不符", en="does not match the pattern {pattern}"),
    "greater_than_equal": Bilingual(zh="应不小于 {ge}", en="must be at least {ge}"),
    "greater_than": Bilingual(zh="应大于 {gt}", en="must be greater than {gt}"),
    "less_than_equal": Bilingual(zh="应不大于 {le}", en="must be at most {le}"),
    "too_short": Bilingual(zh="至少需要 {min_length} 项", en="needs at least {min_length} item(s)"),
    "literal_error": Bilingual(zh="应为以下之一：{expected}", en="must be one of {expected}"),
    "union_tag_invalid": Bilingual(
        zh="“{tag}”不是已知的类型：{expected_tags}", en="unknown kind '{tag}'; expected one of {expected_tags}"
    ),
    "union_tag_not_found": Bilingual(zh="缺少类型字段“{discriminator}”", en="missing the '{discriminator}' key"),
    "decimal_max_places": Bilingual(zh="小数位过多", en="too many decimal places"),
    "decimal_max_digits": Bilingual(zh="位数过多", en="too many digits"),
    "decimal_whole_digits": Bilingual(zh="整数部分位数过多", en="too many digits before the decimal point"),
    "string_too_short": Bilingual(zh="不能为空", en="must not be empty"),
    "string_too_long": Bilingual(
        zh="过长（至多 {max_length} 个字符）", en="too long (at most {max_length} characters)"
    ),
    "too_long": Bilingual(zh="至多 {max_length} 项", en="at most {max_length} item(s)"),
    "less_than": Bilingual(zh="应小于 {lt}", en="must be less than {lt}"),
    "enum": Bilingual(zh="应为以下之一：{expected}", en="must be one of {expected}"),
    "value_error": Bilingual(zh="此值不符合要求", en="{error}"),
}

# what a `string_pattern_mismatch` means, per pattern of the models (models/common.py, standard.py)
PATTERNS: dict[str, Bilingual] = {
    r"^[a-z][a-z0-9_]*$": Bilingual(
        zh="只能用小写英文字母、数字和下划线，以字母开头",
        en="must be lower-case letters, digits and _, starting with a letter",
    ),
    r"^[0-9A-Za-z][0-9A-Za-z._-]*$": Bilingual(
        zh="只能用英文字母、数字和 . _ -，以字母或数字开头",
        en="must be letters, digits, '.', '_' and '-', starting with a letter or digit",
    ),
    r"^[a-z0-9][a-z0-9-]*$": Bilingual(
        zh="只能用小写英文字母、数字和 -，以字母或数字开头",
        en="must be lower-case letters, digits and '-', starting with a letter or digit",
    ),
}
UNEXPLAINED = "此值不符合要求"  # a pydantic error we have no words for: its English stays in English output only

# words that stand in messages' arguments (`expected`, `got`, `actual`) in both languages
WORDS: dict[str, Bilingual] = {
    "true/false": Bilingual(zh="是/否（true/false）", en="true/false"),
    "a number": Bilingual(zh="数", en="a number"),
    "a number ≥ 0": Bilingual(zh="不小于 0 的数", en="a number ≥ 0"),
    "a number > 0": Bilingual(zh="大于 0 的数", en="a number > 0"),
    "a whole number": Bilingual(zh="整数", en="a whole number"),
    "a percentage 0..100": Bilingual(zh="0 到 100 之间的百分数", en="a percentage 0..100"),
    "nothing": Bilingual(zh="空", en="nothing"),
    "both": Bilingual(zh="两者都有", en="both"),
    "neither": Bilingual(zh="两者皆无", en="neither"),
    "boolean": Bilingual(zh="是/否", en="boolean"),
    "number": Bilingual(zh="数值", en="number"),
}
