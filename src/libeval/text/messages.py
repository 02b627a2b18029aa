"""The catalogue of every user-facing problem message, in English and Chinese.

Each message has a stable code (shown as `[code]`) and a template per language. Adding a
message means adding one entry here; tests check that every code used in the source exists.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from libeval.text.bilingual import Bilingual
from libeval.text.numbers import plain
from libeval.text.reading_messages import READING_MESSAGES
from libeval.text.region_messages import REGION_MESSAGES
from libeval.text.review_messages import REVIEW_MESSAGES
from libeval.text.sheet_messages import SHEET_MESSAGES
from libeval.text.table_messages import TABLE_MESSAGES
from libeval.text.words import TYPE_ERRORS, WORDS

CATALOGUE: dict[str, Bilingual] = {
    # reading files
    "file-not-found": Bilingual(en="file not found", zh="找不到文件"),
    "not-a-file": Bilingual(
        en="expected a file, found a directory or special file", zh="此处应为文件，但它是目录或特殊文件"
    ),
    "not-a-library": Bilingual(
        en="not a library folder: no library.yaml in {path}", zh="不是图书馆目录：{path} 中没有 library.yaml"
    ),
    "unreadable": Bilingual(en="cannot read the file: {detail}", zh="无法读取文件：{detail}"),
    "file-too-large": Bilingual(
        en="file is {size} bytes, over the limit of {limit} bytes",
        zh="文件大小 {size} 字节，超过上限 {limit} 字节",
    ),
    "empty-file": Bilingual(en="the file is empty", zh="文件为空"),
    "binary-file": Bilingual(
        en="the file holds binary data (a NUL byte), not YAML text",
        zh="文件含二进制数据（NUL 字节），不是 YAML 文本",
    ),
    "encoding-gbk": Bilingual(
        en="the file is not UTF-8; it looks like GBK/GB18030. Re-save it as UTF-8",
        zh="文件不是 UTF-8 编码，看起来是 GBK/GB18030。请另存为 UTF-8",
    ),
    "encoding": Bilingual(
        en="the file is not valid UTF-8 (byte 0x{byte} at offset {offset}); save it as UTF-8",
        zh="文件不是有效的 UTF-8（偏移 {offset} 处的字节 0x{byte}）；请另存为 UTF-8",
    ),
    "yaml-syntax": Bilingual(en="YAML syntax: {detail}", zh="YAML 语法错误：{detail}"),
    "duplicate-key": Bilingual(
        en="duplicate key '{key}' (first defined at line {first})",
        zh="重复的键“{key}”（首次定义于第 {first} 行）",
    ),
    "alias-bomb": Bilingual(
        en="aliases expand to more than {limit} nodes; refusing to load",
        zh="别名展开后超过 {limit} 个节点，拒绝加载",
    ),
    "too-many-nodes": Bilingual(
        en="more than {limit} values in one file; refusing to load", zh="单个文件超过 {limit} 个值，拒绝加载"
    ),
    "too-deep": Bilingual(
        en="nesting deeper than {limit} levels; refusing to load", zh="嵌套超过 {limit} 层，拒绝加载"
    ),
    "yaml-tag": Bilingual(en="unsupported YAML tag {tag}", zh="不支持的 YAML 标签 {tag}"),
    "tab-indent": Bilingual(
        en="a tab character here; YAML indents with spaces only", zh="此处有制表符；YAML 只能用空格缩进"
    ),
    "merge-key": Bilingual(
        en="merge keys (<<) are not supported; write the keys out", zh="不支持合并键（<<），请逐项写出"
    ),
    "complex-key": Bilingual(en="a mapping key must be a plain value", zh="映射的键必须是简单值"),
    "not-mapping": Bilingual(en="the document must be a mapping of keys to values", zh="文档必须是“键: 值”的映射"),
    "libyaml-missing": Bilingual(
        en="libyaml is not available; loading with the slower pure-Python parser",
        zh="libyaml 不可用，改用较慢的纯 Python 解析器",
    ),
    # schema validation (pydantic)
    "missing-key": Bilingual(en="missing required key '{key}'", zh="缺少必需的键“{key}”"),
    "unknown-key": Bilingual(en="unknown key '{key}'", zh="未知的键“{key}”"),
    "wrong-type": Bilingual(zh="{detail}", en="{detail}"),  # pydantic's error, in our words (see TYPE_ERRORS)
    "not-string": Bilingual(
        en='expected text; put the value in quotes (e.g. "1.10")', zh='此处应为文本，请加引号（如 "1.10"）'
    ),
    "number-text": Bilingual(
        en="cannot read {text} as a number (write e.g. 1200, 1,200, 2.5万 or 600㎡)",
        zh="无法把 {text} 读作数字（可写作 1200、1,200、2.5万 或 600㎡）",
    ),
    "tiny-number": Bilingual(
        en="must be 0 or at least {tiny} in size (a smaller number is a typing accident)",
        zh="应为 0，或绝对值不小于 {tiny}（更小的数应为笔误）",
    ),
    "unit-conflict": Bilingual(
        en="the value is written in {written} but unit is {given}",
        zh="数值写的单位是 {written}，而 unit 为 {given}",
    ),
    "encoding-utf16": Bilingual(
        en="the file looks like UTF-16 without a byte-order mark; save it as UTF-8",
        zh="文件似乎是没有 BOM 的 UTF-16 编码；请另存为 UTF-8",
    ),
    # standard (criteria) checks
    "duplicate-code": Bilingual(
        en="code '{code}' is used twice (also at line {first})", zh="编号“{code}”重复（另见第 {first} 行）"
    ),
    "duplicate-id": Bilingual(en="id '{id}' is used twice", zh="标识“{id}”重复"),
    "points-sum": Bilingual(
        en="the children of '{code}' add up to {sum}, but its max is {max}",
        zh="“{code}”的下级分值合计 {sum}，但其满分为 {max}",
    ),
    "capped-sum-short": Bilingual(
        en="'{code}' is capped at {max} but its children add up to only {sum}",
        zh="“{code}”封顶 {max} 分，但下级分值合计仅 {sum}",
    ),
    "total-sum": Bilingual(
        en="the parts add up to {sum}, but the standard's total is {total}",
        zh="各部分合计 {sum}，但标准总分为 {total}",
    ),
    "unknown-name": Bilingual(en="unknown fact or derived value '{name}'", zh="未知的事实或派生值“{name}”"),
    "unknown-code": Bilingual(en="unknown indicator code '{code}'", zh="未知的指标编号“{code}”"),
    "formula-syntax": Bilingual(en="formula does not parse: {detail}", zh="公式无法解析：{detail}"),
    "formula-function": Bilingual(
        en="unknown function '{name}' (known: {known})", zh="未知函数“{name}”（可用：{known}）"
    ),
    "formula-cycle": Bilingual(
        en="derived values depend on each other in a cycle: {cycle}", zh="派生值循环依赖：{cycle}"
    ),
    "band-points": Bilingual(
        en="a band gives {points} points, more than the indicator's max {max}",
        zh="某档得分 {points} 超过指标满分 {max}",
    ),
    "bands-order": Bilingual(en="bands must be listed from the highest threshold down", zh="分档须按门槛从高到低排列"),
    "variant-keys": Bilingual(
        en="per-variant value must name each of {expected}; got {got}",
        zh="分类取值须包含 {expected}，实际为 {got}",
    ),
    "grade-unreachable": Bilingual(
        en="grade '{grade}' needs {min} points, more than the standard can give ({total}, bonus included)",
        zh="等级“{grade}”要求 {min} 分，超过本标准可得的最高分 {total}（含加分）",
    ),
    "grades-order": Bilingual(
        en="grades must be ordered from the highest down: '{grade}' needs a higher minimum than '{next}'",
        zh="等级须从高到低排列：“{grade}”的最低分应高于“{next}”",
    ),
    "fact-type": Bilingual(
        en="rule '{kind}' needs a {expected} fact, but '{name}' is {actual}",
        zh="规则“{kind}”需要{expected}型事实，但“{name}”为{actual}",
    ),
    "rule-or-children": Bilingual(
        en="'{code}' needs either a rule (an indicator) or children (a group), not {got}",
        zh="“{code}”须有规则（指标）或下级（分组）之一，而非{got}",
    ),
    "condition-subject": Bilingual(
        en="a condition tests exactly one of 'value', 'score', 'score_sum'",
        zh="条件须且只能针对“value”“score”“score_sum”之一",
    ),
    "condition-test": Bilingual(
        en="a condition needs exactly one of 'at_least', 'at_most', 'full_marks', 'equals'",
        zh="条件须且只能有“at_least”“at_most”“full_marks”“equals”之一",
    ),
    "condition-mismatch": Bilingual(en="'{test}' does not go with '{subject}'", zh="“{test}”不能与“{subject}”搭配"),
    "official-needs-citation": Bilingual(
        en="an official value needs a 'citation' saying where it is published",
        zh="标为 official 的数值须给出 citation（出处）",
    ),
    "reserved-name": Bilingual(
        en="'{id}' is reserved (the library's service population)", zh="“{id}”为保留名（服务人口）"
    ),
    "unused-fact": Bilingual(
        en="fact '{id}' is in the catalogue but no rule, formula or condition reads it",
        zh="事实“{id}”在目录中，但没有规则、公式或条件使用它",
    ),
    "points-over-max": Bilingual(
        en="{what} gives {points} points, more than the max {max}",
        zh="{what}给出 {points} 分，超过满分 {max}",
    ),
    # library and assessment checks
    "unknown-criteria": Bilingual(
        en="unknown standard '{id}' (bundled: {known})", zh="未知的评估标准“{id}”（内置：{known}）"
    ),
    "unknown-fact": Bilingual(en="unknown fact '{id}'", zh="未知的事实“{id}”"),
    "unit-mismatch": Bilingual(
        en="fact '{id}' is in {expected}, not {got}", zh="事实“{id}”的单位应为 {expected}，而非 {got}"
    ),
    "per-year-expected": Bilingual(
        en="fact '{id}' is per year: give 'years: {{2013: ..., ...}}'",
        zh="事实“{id}”按年填报：请写 years: {{2013: ..., ...}}",
    ),
    "single-value-expected": Bilingual(
        en="fact '{id}' is a single value: give 'value: ...'",
        zh="事实“{id}”为单一值：请写 value: ...",
    ),
    "value-type": Bilingual(
        en="fact '{id}' must be {expected}, got {got}", zh="事实“{id}”应为{expected}，实际为 {got}"
    ),
    "year-outside-period": Bilingual(
        en="year {year} is outside the evaluation period {start}–{end}: it is not counted",
        zh="{year} 年不在评估周期 {start}—{end} 年内，不计入",
    ),
    "missing-years": Bilingual(
        en="fact '{id}' lacks years {years} of the evaluation period",
        zh="事实“{id}”缺少评估周期内的年份：{years}",
    ),
    "missing-fact": Bilingual(
        en="fact '{id}' ({name}) is not given; indicators that need it score 0",
        zh="未填写事实“{id}”（{name}），依赖它的指标记 0 分",
    ),
    "name-placeholder": Bilingual(
        en="the library's name is still the template's '{name}': write its full name",
        zh="图书馆名称仍是模板中的“{name}”，请填写全称（如：精河县图书馆）",
    ),
    "unknown-variant": Bilingual(
        en="'{attribute}' must be one of {expected}, got '{got}'",
        zh="“{attribute}”须为 {expected}之一，实际为“{got}”",
    ),
    "variant-missing": Bilingual(
        en="this standard varies by {name} ('{attribute}'): add `{where}` to library.yaml (one of {choices})",
        zh="本标准按{name}（{attribute}）分类：请在 library.yaml 中写 `{where}`（可选：{choices}）",
    ),
    "unknown-attribute": Bilingual(
        en="unknown attribute '{name}'; this standard varies by '{expected}'",
        zh="未知的分类属性“{name}”；本标准按“{expected}”分类",
    ),
    "level-mismatch": Bilingual(
        en="the library's level '{got}' differs from the standard's level '{expected}'",
        zh="图书馆级别“{got}”与标准级别“{expected}”不符",
    ),
    "not-judged-indicator": Bilingual(
        en="indicator '{code}' is scored by rule '{kind}', not judged by an assessor",
        zh="指标“{code}”按“{kind}”规则计分，不由评估者评分",
    ),
    "judged-range": Bilingual(
        en="{points} points for '{code}' is outside 0–{max} (it is out of {max})",
        zh="“{code}”满分 {max} 分，评分 {points} 超出 0–{max} 分",
    ),
    "judged-and-na": Bilingual(
        en="'{code}' is both awarded and marked not applicable: keep one of the two",
        zh="“{code}”既给了评分，又列为不适用：请只保留其一",
    ),
    "judged-precision": Bilingual(
        en="{points} points for '{code}' has more decimal places than the standard's precision ({precision});"
        " it counts as awarded",
        zh="“{code}”的评分 {points} 的小数位数多于标准规定的精度（{precision} 位），按所评分值计分",
    ),
    "unknown-level": Bilingual(
        en="'{level}' is not a level of '{code}' (levels: {known})",
        zh="“{level}”不是“{code}”的评分等级（可选：{known}）",
    ),
    "no-levels": Bilingual(
        en="'{code}' has no levels: give 'points' (0–{max})",
        zh="“{code}”没有评分等级：请用 points 给分（0–{max} 分）",
    ),
    "percent-fraction": Bilingual(
        en="{value}% for '{id}' looks like a fraction: if it means {percent}%, write {percent} or {percent}%",
        zh="事实“{id}”为 {value}%，像是小数写法：如指 {percent}%，请写 {percent} 或 {percent}%",
    ),
    "points-or-level": Bilingual(en="give either 'points' or 'level', not both", zh="“points”与“level”只能二选一"),
    "na-not-allowed": Bilingual(
        en="indicator '{code}' cannot be marked not applicable in this standard",
        zh="本标准不允许将指标“{code}”标为不适用",
    ),
    # a library scored against another standard than its own (--criteria)
    "criteria-override": Bilingual(
        en="scored against the standard '{id}' ({file}) given with --criteria, not the one named here",
        zh="按 --criteria 指定的评估标准“{id}”（{file}）计分，而非此处指定的标准",
    ),
    "set-aside-fact": Bilingual(
        en="fact '{id}' is not in the standard '{criteria}': left out of this scoring",
        zh="事实“{id}”不在评估标准“{criteria}”中：本次计分不予采用",
    ),
    "set-aside-judged": Bilingual(
        en="'{code}' is not a judged indicator in the standard '{criteria}': this award is left out",
        zh="“{code}”在评估标准“{criteria}”中不是评定类指标：本次计分不采用此项评定",
    ),
    "set-aside-na": Bilingual(
        en="'{code}' cannot be marked not applicable in the standard '{criteria}': the mark is left out",
        zh="“{code}”在评估标准“{criteria}”中不能标为不适用：本次计分不采用此标记",
    ),
    "evidence-missing": Bilingual(
        en="evidence file '{path}' does not exist in the library folder",
        zh="证明材料“{path}”在图书馆目录中不存在",
    ),
    "evidence-case": Bilingual(
        en="evidence file '{path}' is named '{found}' in the library folder: Windows finds it, a system that"
        " tells upper and lower case apart (Linux, a CI runner) does not; write the name as the file has it",
        zh="证明材料“{path}”在图书馆目录中的文件名是“{found}”（大小写不同）：Windows 能找到，区分大小写的系统"
        "（如持续集成服务器）找不到；请按文件的实际名称书写",
    ),
    "evidence-escaped": Bilingual(
        en="evidence '{path}' holds a control character: in double quotes a backslash starts an escape;"
        " write the path in single quotes, or with / for \\",
        zh="证明材料“{path}”含控制字符：双引号中的反斜杠是转义符；请改用单引号括起路径，或改用正斜杠分隔",
    ),
    "evidence-outside": Bilingual(
        en="evidence '{path}' must be a path inside the library folder or an http(s) URL",
        zh="证明材料“{path}”须为图书馆目录内的路径或 http(s) 网址",
    ),
    "assessment-not-found": Bilingual(
        en="no assessment '{name}' (found: {known})", zh="找不到评估“{name}”（现有：{known}）"
    ),
    # what check says that score would otherwise say later (check runs what score runs)
    "no-assessment": Bilingual(
        en="no assessment: score, plan and diff read assessments/self.yaml; add it (libeval init writes one)",
        zh="没有评估记录：评分、提升方案与对照都要读取 assessments/self.yaml，请添加（libeval init 会生成）",
    ),
    "no-self-assessment": Bilingual(
        en="no self-assessment (assessments/self.yaml): score and plan need --assessment NAME (found: {known})",
        zh="没有自评记录（assessments/self.yaml）：评分与提升方案须用 --assessment 指定评估（现有：{known}）",
    ),
    "assessment-twice": Bilingual(
        en="a second file for the assessment '{name}': only {read} is read",
        zh="评估“{name}”有两个文件：只读取 {read}",
    ),
    "judged-not-awarded": Bilingual(
        en="{n} of {total} judged indicators not awarded ({points} points at stake), largest first: {codes};"
        " the result stays incomplete until they are",
        zh="{total} 项评定指标中有 {n} 项未评（涉及 {points} 分），分值大的有：{codes}；评定前结果不完整",
    ),
    "judged-empty": Bilingual(
        en="'{code}' has neither points nor a level: not awarded (up to {max} points)",
        zh="“{code}”既没有 points 也没有 level：按未评处理（满分 {max} 分）",
    ),
    # evaluation
    "division-by-zero": Bilingual(en="division by zero while computing '{name}'", zh="计算“{name}”时除以零"),
    # output
    "output-failed": Bilingual(en="cannot write the output file: {detail}", zh="无法写入输出文件：{detail}"),
    "output-is-input": Bilingual(en="refusing to write over an input file", zh="拒绝覆盖输入文件"),
    "output-locked": Bilingual(
        en="the file is open in another program (Excel, for example): close it and try again;"
        " the old file is unchanged",
        zh="文件正被其他程序占用（例如 Excel），请关闭后重试；原文件未改动",
    ),
    "csv-unencodable": Bilingual(
        en="'{chars}' ({unicode}) cannot be written in {encoding}: leave out --encoding {option}"
        " (the default, UTF-8 with a BOM, opens in Excel too)",
        zh="“{chars}”（{unicode}）无法用 {encoding} 编码写出：请去掉 --encoding {option}"
        "（默认的 UTF-8 带 BOM，Excel 同样能打开）",
    ),
    "strict-warnings": Bilingual(en="{count} warning(s) and --strict is set", zh="有 {count} 条警告且设置了 --strict"),
    "no-libraries": Bilingual(
        en="no library folder (library.yaml) found under {path}", zh="{path} 下没有图书馆目录（library.yaml）"
    ),
    "template-syntax": Bilingual(en="template error: {detail}", zh="模板错误：{detail}"),
    "template-error": Bilingual(en="the template failed while rendering: {detail}", zh="模板渲染失败：{detail}"),
    "nothing-to-compare": Bilingual(
        en="only one assessment in {path} ({known}); name two with --from and --to, or give two library folders",
        zh="{path} 中只有一项评估（{known}）；请用 --from 与 --to 指定两项，或给出两个图书馆目录",
    ),
    "criteria-mismatch": Bilingual(
        en="the two libraries are scored against different standards ({a}, {b})",
        zh="两个图书馆依据的评估标准不同（{a}、{b}）",
    ),
    "xlsx-unreadable": Bilingual(
        en="not a readable .xlsx workbook ({detail})", zh="不是可读取的 .xlsx 工作簿（{detail}）"
    ),
    "xlsx-no-sheet": Bilingual(
        en="the workbook has no sheet '{sheet}' (make one with `libeval init --xlsx`)",
        zh="工作簿中没有“{sheet}”工作表（可用 `libeval init --xlsx` 生成）",
    ),
    "xlsx-header": Bilingual(en="the header row has no column '{column}'", zh="表头缺少“{column}”列"),
    "import-needs-library": Bilingual(
        en="no library.yaml in {path}: create the folder with `libeval init` first",
        zh="{path} 中没有 library.yaml：请先用 `libeval init` 建立图书馆目录",
    ),
    "needs-output": Bilingual(
        en="{format} output is a file: give --output FILE", zh="{format} 格式须写入文件：请用 --output 指定文件"
    ),
    "target-exists": Bilingual(en="'{path}' already exists; refusing to overwrite", zh="“{path}”已存在，拒绝覆盖"),
}
CATALOGUE.update(TABLE_MESSAGES)  # `criteria import`: text/table_messages.py
CATALOGUE.update(READING_MESSAGES)  # numbers, years and names as written: text/reading_messages.py
CATALOGUE.update(REGION_MESSAGES)  # regions from provinces, region and level words: text/region_messages.py
CATALOGUE.update(SHEET_MESSAGES)  # `import`: a facts sheet's cells, text/sheet_messages.py
CATALOGUE.update(REVIEW_MESSAGES)  # reviews: corrections, inherit, `review`: text/review_messages.py

# pydantic's errors and the words of arguments live in text/words.py; TYPE_ERRORS is also found here
__all__ = ["CATALOGUE", "SUGGEST", "TYPE_ERRORS", "WORDS", "render"]


SUGGEST = Bilingual(zh="；是否应为“{}”？", en="; did you mean '{}'?")


def render(code: str, lang: str, args: dict[str, Any]) -> str:
    """The message `code` in `lang`; arguments that are `Bilingual` are given in `lang` too."""
    template = CATALOGUE[code].get(lang)
    shown = {
        k: v.get(lang) if isinstance(v, Bilingual) else plain(v) if isinstance(v, Decimal) else v
        for k, v in args.items()
    }
    try:
        text = template.format(**shown)
    except (KeyError, IndexError):  # a missing argument must never hide the problem itself
        text = template
    if shown.get("suggest"):
        text += SUGGEST.get(lang).format(shown["suggest"])
    return text
