"""The catalogue of every user-facing problem message, in English and Chinese.

Each message has a stable code (shown as `[code]`) and a template per language. Adding a
message means adding one entry here; tests check that every code used in the source exists.
"""

from __future__ import annotations

import os
from typing import Any

CATALOGUE: dict[str, tuple[str, str]] = {
    # reading files
    "file-not-found": ("file not found", "找不到文件"),
    "not-a-file": ("expected a file, found a directory or special file", "此处应为文件，但它是目录或特殊文件"),
    "not-a-library": ("not a library folder: no library.yaml in {path}", "不是图书馆目录：{path} 中没有 library.yaml"),
    "unreadable": ("cannot read the file: {detail}", "无法读取文件：{detail}"),
    "file-too-large": (
        "file is {size} bytes, over the limit of {limit} bytes",
        "文件大小 {size} 字节，超过上限 {limit} 字节",
    ),
    "empty-file": ("the file is empty", "文件为空"),
    "binary-file": (
        "the file holds binary data (a NUL byte), not YAML text",
        "文件含二进制数据（NUL 字节），不是 YAML 文本",
    ),
    "encoding-gbk": (
        "the file is not UTF-8; it looks like GBK/GB18030. Re-save it as UTF-8",
        "文件不是 UTF-8 编码，看起来是 GBK/GB18030。请另存为 UTF-8",
    ),
    "encoding": (
        "the file is not valid UTF-8 (byte 0x{byte} at offset {offset}); save it as UTF-8",
        "文件不是有效的 UTF-8（偏移 {offset} 处的字节 0x{byte}）；请另存为 UTF-8",
    ),
    "yaml-syntax": ("YAML syntax: {detail}", "YAML 语法错误：{detail}"),
    "duplicate-key": (
        "duplicate key '{key}' (first defined at line {first})",
        "重复的键“{key}”（首次定义于第 {first} 行）",
    ),
    "alias-bomb": (
        "aliases expand to more than {limit} nodes; refusing to load",
        "别名展开后超过 {limit} 个节点，拒绝加载",
    ),
    "too-many-nodes": ("more than {limit} values in one file; refusing to load", "单个文件超过 {limit} 个值，拒绝加载"),
    "too-deep": ("nesting deeper than {limit} levels; refusing to load", "嵌套超过 {limit} 层，拒绝加载"),
    "yaml-tag": ("unsupported YAML tag {tag}", "不支持的 YAML 标签 {tag}"),
    "tab-indent": ("a tab character here; YAML indents with spaces only", "此处有制表符；YAML 只能用空格缩进"),
    "merge-key": ("merge keys (<<) are not supported; write the keys out", "不支持合并键（<<），请逐项写出"),
    "complex-key": ("a mapping key must be a plain value", "映射的键必须是简单值"),
    "not-mapping": ("the document must be a mapping of keys to values", "文档必须是“键: 值”的映射"),
    "libyaml-missing": (
        "libyaml is not available; loading with the slower pure-Python parser",
        "libyaml 不可用，改用较慢的纯 Python 解析器",
    ),
    # schema validation (pydantic)
    "missing-key": ("missing required key '{key}'", "缺少必需的键“{key}”"),
    "unknown-key": ("unknown key '{key}'", "未知的键“{key}”"),
    "wrong-type": ("{detail}", "{detail_zh}"),  # pydantic's error, in our words where we have them
    "invalid-value": ("{detail}", "{detail}"),
    "not-string": ('expected text; put the value in quotes (e.g. "1.10")', '此处应为文本，请加引号（如 "1.10"）'),
    "number-text": (
        "cannot read {text} as a number (write e.g. 1200, 1,200, 2.5万 or 600㎡)",
        "无法把 {text} 读作数字（可写作 1200、1,200、2.5万 或 600㎡）",
    ),
    "unit-conflict": (
        "the value is written in {written} but unit is {given}",
        "数值写的单位是 {written}，而 unit 为 {given}",
    ),
    "encoding-utf16": (
        "the file looks like UTF-16 without a byte-order mark; save it as UTF-8",
        "文件似乎是没有 BOM 的 UTF-16 编码；请另存为 UTF-8",
    ),
    # standard (criteria) checks
    "duplicate-code": ("code '{code}' is used twice (also at line {first})", "编号“{code}”重复（另见第 {first} 行）"),
    "duplicate-id": ("id '{id}' is used twice", "标识“{id}”重复"),
    "points-sum": (
        "the children of '{code}' add up to {sum}, but its max is {max}",
        "“{code}”的下级分值合计 {sum}，但其满分为 {max}",
    ),
    "capped-sum-short": (
        "'{code}' is capped at {max} but its children add up to only {sum}",
        "“{code}”封顶 {max} 分，但下级分值合计仅 {sum}",
    ),
    "total-sum": (
        "the parts add up to {sum}, but the standard's total is {total}",
        "各部分合计 {sum}，但标准总分为 {total}",
    ),
    "bonus-sum": (
        "the bonus items add up to {sum}, less than the bonus cap {cap}",
        "加分项合计 {sum}，低于加分上限 {cap}",
    ),
    "unknown-name": ("unknown fact or derived value '{name}'", "未知的事实或派生值“{name}”"),
    "unknown-code": ("unknown indicator code '{code}'", "未知的指标编号“{code}”"),
    "formula-syntax": ("formula does not parse: {detail}", "公式无法解析：{detail}"),
    "formula-function": ("unknown function '{name}' (known: {known})", "未知函数“{name}”（可用：{known}）"),
    "formula-cycle": ("derived values depend on each other in a cycle: {cycle}", "派生值循环依赖：{cycle}"),
    "band-points": (
        "a band gives {points} points, more than the indicator's max {max}",
        "某档得分 {points} 超过指标满分 {max}",
    ),
    "bands-order": ("bands must be listed from the highest threshold down", "分档须按门槛从高到低排列"),
    "variant-keys": (
        "per-variant value must name each of {expected}; got {got}",
        "分类取值须包含 {expected}，实际为 {got}",
    ),
    "grades-order": (
        "grades must be ordered from the highest down: '{grade}' needs a higher minimum than '{next}'",
        "等级须从高到低排列：“{grade}”的最低分应高于“{next}”",
    ),
    "fact-type": (
        "rule '{kind}' needs a {expected} fact, but '{name}' is {actual}",
        "规则“{kind}”需要{expected}型事实，但“{name}”是{actual}",
    ),
    "rule-or-children": (
        "'{code}' needs either a rule (an indicator) or children (a group), not {got}",
        "“{code}”须有规则（指标）或下级（分组）之一，而非{got}",
    ),
    "condition-subject": (
        "a condition tests exactly one of 'value', 'score', 'score_sum'",
        "条件须且只能针对“value”“score”“score_sum”之一",
    ),
    "condition-test": (
        "a condition needs exactly one of 'at_least', 'at_most', 'full_marks', 'equals'",
        "条件须且只能有“at_least”“at_most”“full_marks”“equals”之一",
    ),
    "condition-mismatch": ("'{test}' does not go with '{subject}'", "“{test}”不能与“{subject}”搭配"),
    "official-needs-citation": (
        "an official value needs a 'citation' saying where it is published",
        "标为 official 的数值须给出 citation（出处）",
    ),
    "reserved-name": ("'{id}' is reserved (the library's service population)", "“{id}”为保留名（服务人口）"),
    "unused-fact": (
        "fact '{id}' is in the catalogue but no rule, formula or condition reads it",
        "事实“{id}”在目录中，但没有规则、公式或条件使用它",
    ),
    "points-over-max": (
        "{what} gives {points} points, more than the max {max}",
        "{what}给出 {points} 分，超过满分 {max}",
    ),
    # library and assessment checks
    "unknown-criteria": ("unknown standard '{id}' (bundled: {known})", "未知的评估标准“{id}”（内置：{known}）"),
    "unknown-fact": ("unknown fact '{id}'", "未知的事实“{id}”"),
    "unit-mismatch": ("fact '{id}' is in {expected}, not {got}", "事实“{id}”的单位应为 {expected}，而非 {got}"),
    "per-year-expected": (
        "fact '{id}' is per year: give 'years: {{2013: ..., ...}}'",
        "事实“{id}”按年填报：请写 years: {{2013: ..., ...}}",
    ),
    "single-value-expected": (
        "fact '{id}' is a single value: give 'value: ...'",
        "事实“{id}”为单一值：请写 value: ...",
    ),
    "value-type": ("fact '{id}' must be {expected}, got {got}", "事实“{id}”应为{expected}，实际为 {got}"),
    "year-outside-period": (
        "year {year} is outside the evaluation period {start}-{end}",
        "{year} 年不在评估周期 {start}-{end} 内",
    ),
    "missing-years": (
        "fact '{id}' lacks years {years} of the evaluation period",
        "事实“{id}”缺少评估周期内的年份：{years}",
    ),
    "missing-fact": (
        "fact '{id}' ({name}) is not given; indicators that need it score 0",
        "未填写事实“{id}”（{name}），依赖它的指标记 0 分",
    ),
    "unknown-variant": (
        "'{attribute}' must be one of {expected}, got '{got}'",
        "“{attribute}”须为 {expected} 之一，实际为“{got}”",
    ),
    "level-mismatch": (
        "the library's level '{got}' differs from the standard's level '{expected}'",
        "图书馆级别“{got}”与标准级别“{expected}”不符",
    ),
    "not-judged-indicator": (
        "indicator '{code}' is scored by rule '{kind}', not judged by an assessor",
        "指标“{code}”按“{kind}”规则计分，不由评估者评分",
    ),
    "judged-range": (
        "{points} points for '{code}' is outside 0..{max}",
        "“{code}”的评分 {points} 不在 0..{max} 范围内",
    ),
    "unknown-level": (
        "'{level}' is not a level of '{code}' (levels: {known})",
        "“{level}”不是“{code}”的评分等级（可选：{known}）",
    ),
    "points-or-level": ("give either 'points' or 'level', not both", "“points”与“level”只能二选一"),
    "na-not-allowed": (
        "indicator '{code}' cannot be marked not applicable in this standard",
        "本标准不允许将指标“{code}”标为不适用",
    ),
    "evidence-missing": (
        "evidence file '{path}' does not exist in the library folder",
        "证明材料“{path}”在图书馆目录中不存在",
    ),
    "evidence-outside": (
        "evidence '{path}' must be a path inside the library folder or an http(s) URL",
        "证明材料“{path}”须为图书馆目录内的路径或 http(s) 网址",
    ),
    "assessment-not-found": ("no assessment '{name}' (found: {known})", "找不到评估“{name}”（现有：{known}）"),
    # evaluation
    "division-by-zero": ("division by zero while computing '{name}'", "计算“{name}”时除以零"),
    # output
    "output-failed": ("cannot write the output file: {detail}", "无法写入输出文件：{detail}"),
    "output-is-input": ("refusing to write over an input file", "拒绝覆盖输入文件"),
    "strict-warnings": ("{count} warning(s) and --strict is set", "有 {count} 条警告且设置了 --strict"),
    "no-libraries": ("no library folder (library.yaml) found under {path}", "{path} 下没有图书馆目录（library.yaml）"),
    "template-syntax": ("template error: {detail}", "模板错误：{detail}"),
    "template-error": ("the template failed while rendering: {detail}", "模板渲染失败：{detail}"),
    "nothing-to-compare": (
        "only one assessment in {path} ({known}); name two with --from and --to, or give two library folders",
        "{path} 中只有一项评估（{known}）；请用 --from 与 --to 指定两项，或给出两个图书馆目录",
    ),
    "criteria-mismatch": (
        "the two libraries are scored against different standards ({a}, {b})",
        "两个图书馆依据的评估标准不同（{a}、{b}）",
    ),
    "too-many-paths": ("diff takes one library folder or two", "diff 需要一个或两个图书馆目录"),
    "xlsx-unreadable": ("not a readable .xlsx workbook ({detail})", "不是可读取的 .xlsx 工作簿（{detail}）"),
    "xlsx-no-sheet": (
        "the workbook has no sheet '{sheet}' (make one with `libeval init --xlsx`)",
        "工作簿中没有“{sheet}”工作表（可用 `libeval init --xlsx` 生成）",
    ),
    "xlsx-header": ("the header row has no column '{column}'", "表头缺少“{column}”列"),
    "import-needs-library": (
        "no library.yaml in {path}: create the folder with `libeval init` first",
        "{path} 中没有 library.yaml：请先用 `libeval init` 建立图书馆目录",
    ),
    "needs-output": ("{format} output is a file: give --output FILE", "{format} 格式须写入文件：请指定 --output FILE"),
    "target-exists": ("'{path}' already exists; refusing to overwrite", "“{path}”已存在，拒绝覆盖"),
}


SUGGEST = ("; did you mean '{}'?", "；是否应为“{}”？")


def render(code: str, lang: str, args: dict[str, Any]) -> str:
    en, zh = CATALOGUE[code]
    template = zh if lang == "zh" else en
    if lang == "zh" and "detail_zh" in template and "detail_zh" not in args:
        template = en
    try:
        text = template.format(**args)
    except (KeyError, IndexError):  # a missing argument must never hide the problem itself
        text = template
    if args.get("suggest"):
        text += SUGGEST[1 if lang == "zh" else 0].format(args["suggest"])
    return text


def default_lang() -> str:
    """`zh` when the environment asks for Chinese (LANG=zh_CN.UTF-8 ...), else `en`."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
