"""The command line's help in both languages: every command's description and every argument's
and option's help, keyed by the command's path and the parameter (`score`, `score path`,
`score --format`, `criteria import --period`; `""` is libeval itself). cli.py declares the
commands without text and fills it from here once the language is known (`startup_lang`).

`METAVARS` name what an option takes in the help's Chinese (`--assessment 名称`); English keeps
click's own (`<str>`, `<path>`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from libeval.text.bilingual import Bilingual
from libeval.text.language import default_lang

B = Bilingual
_LANG = B(
    "zh 或 en（默认：报告用中文，提示信息随 LIBEVAL_LANG，未设则随系统语言）",
    "zh or en (default: reports zh, messages from LIBEVAL_LANG, else the system's language).",
)
_OUTPUT = B(
    "写入此文件（先写临时文件再替换；管道和设备直接写入；“-”为标准输出）",
    "Write to this file (atomically; a pipe or a device is written through; - is standard output).",
)
_NO_COLOR = B(
    "不用颜色（默认：输出到终端时用颜色；设置了 NO_COLOR 时也不用）",
    "No colours (default: colours on a terminal, none when NO_COLOR is set).",
)
_EXIT_CODE = B("两者不同时以退出码 1 结束", "Exit 1 when the two differ.")

HELP: dict[str, Bilingual] = {
    "": B(
        "全国县级以上公共图书馆评估定级的计分工具：逐项计分并说明理由。",
        "Score China's national evaluation of public libraries (全国县级以上公共图书馆评估定级).",
    ),
    "--version": B("显示版本号并退出", "Show the version and exit."),
    "--lang": B(
        "zh 或 en：帮助、提示信息与报告的语言（也可写在命令之后）",
        "zh or en: the language of help, messages and reports (also after the command).",
    ),
    "--no-color": _NO_COLOR,
    "check": B(
        "检查评估标准与图书馆目录，列出全部问题。", "Validate standards and library folders; print every problem."
    ),
    "check paths": B("要检查的评估标准（.yaml）与图书馆目录", "Standards (.yaml) and library folders to validate."),
    "check --format": B("text、json 或 github（工作流注释）", "text, json, or github (workflow-command annotations)."),
    "check --strict": B("有警告也算检查不通过", "Warnings fail the check too."),
    "check --output": B(
        "把问题按所选格式写入此文件（先写临时文件再替换；text 格式仍同时输出到标准错误；“-”为标准输出）",
        "Write the problems in the chosen format to this file (atomically; text: on stderr as well;"
        " - is standard output).",
    ),
    "check --lang": _LANG,
    "check --no-color": _NO_COLOR,
    "score": B(
        "为图书馆目录计分：总分、等级、距上一等级还差什么。给出的目录若包含多个图书馆目录（任意层级），"
        "则逐个计分：汇总、各地区等级、排名。",
        "Score a library folder: total, grade, what blocks the next grade. Given a folder of library "
        "folders (any depth), score them all: a summary, the grades per region, a ranking.",
    ),
    "score path": B(
        "图书馆目录（含 library.yaml），或包含多个图书馆目录的目录",
        "A library folder (holding library.yaml), or a folder of them.",
    ),
    "score --assessment": B("对哪一项评估计分", "Which assessment to score."),
    "score --format": B(
        "table、json、md、html、xlsx（需 -o）、github（CI 注释）；多个图书馆时可用 csv",
        "table, json, md, html, xlsx (with -o), github (CI annotations); csv for a folder of libraries.",
    ),
    "score --detail": B("列出每项指标及其计分说明", "Every indicator with its explanation."),
    "score --explain": B("一项指标的完整计分过程", "One indicator's whole trace."),
    "score --fail-under": B("总分低于 N 时以退出码 1 结束", "Exit 1 when the total is below N."),
    "score --template": B("用此 Jinja2 模板生成 md/html", "Render md/html with this Jinja2 template instead."),
    "score --library-report": B(
        "评审（州评、省评）的 md/html/xlsx 输出图书馆的报告（按评审数据），而非复核意见",
        "For a review, write the library's report (under the review's figures) instead of the review opinion.",
    ),
    "score --jobs": B(
        "多个图书馆时的进程数，默认为处理器核数",
        "Processes for a folder of libraries (default: the number of cores).",
    ),
    "score --reports-dir": B(
        "另把每个图书馆的报告写入此目录", "Also write each library's own report into this folder."
    ),
    "score --reports-format": B("--reports-dir 的报告格式：md 或 html", "md or html, for --reports-dir."),
    "score --criteria": B(
        "按此评估标准（标识或路径）计分，而非图书馆自己指定的标准",
        "Score against this standard (id or path) instead of the library's own.",
    ),
    "score --encoding": B(
        "csv 的编码：utf-8（默认，带 BOM，Excel 可直接打开）或 gbk；gbk 中没有的字会报错",
        "The CSV's encoding: utf-8 (default, with a BOM, so Excel opens it right) or gbk; a character "
        "outside GBK is an error.",
    ),
    "score --output": _OUTPUT,
    "score --lang": _LANG,
    "score --no-color": _NO_COLOR,
    "diff": B(
        "逐项比较两项评估：哪些指标不同、为什么。用 --all 时，按日期列出一个图书馆的全部评估并标出每轮的改动；"
        "用 --criteria 时，比较同一项评估在两个评估标准下的结果。",
        "Compare two assessments indicator by indicator: what differs, and why. With --all, every "
        "assessment of a library side by side in date order, each change marked in the pass that made it. "
        "With --criteria, one assessment under two standards.",
    ),
    "diff paths": B(
        "一个图书馆目录，或两个（同一图书馆的两个年度）", "One library folder, or two (the same library in two years)."
    ),
    "diff --from": B("第一项评估（默认：self 自评）", "The first assessment (default: self)."),
    "diff --to": B(
        "第二项评估（默认：日期最晚的另一项；两个目录时为 self 自评）",
        "The second (default: the latest other by date; self for two folders).",
    ),
    "diff --format": B("table、json、md、html 或 xlsx", "table, json, md, html or xlsx."),
    "diff --exit-code": _EXIT_CODE,
    "diff --all": B(
        "按日期列出全部评估（自评、州（市）评、省评……），每项改动记在作出改动的那一轮",
        "Every assessment side by side in date order (self, prefecture, province…), each change in the "
        "pass that made it.",
    ),
    "diff --all-indicators": B(
        "与 --all 同用：列出全部指标，包括各轮得分相同的",
        "With --all: every indicator, also those with the same points in every pass.",
    ),
    "diff --criteria": B(
        "把 --from 指定的评估分别按图书馆自己的评估标准和此标准（标识或路径）计分并比较",
        "Compare the assessment (--from) under the library's own standard and this one (id or path).",
    ),
    "diff --output": _OUTPUT,
    "diff --lang": _LANG,
    "diff --no-color": _NO_COLOR,
    "plan": B(
        "达到上一等级需要做什么：先列必备条件，再给出补足分差代价最小的一组事实改进。",
        "What it takes to reach the next grade: prerequisites first, then the cheapest set of fact "
        "changes that closes the score gap.",
    ),
    "plan path": B("图书馆目录", "A library folder."),
    "plan --assessment": B("从哪一项评估出发", "Which assessment to start from."),
    "plan --target": B(
        "要达到的等级（标识或名称；默认：上一等级）", "The grade to reach (id or name; default: the next grade up)."
    ),
    "plan --format": B("table、json 或 md", "table, json or md."),
    "plan --output": _OUTPUT,
    "plan --lang": _LANG,
    "schema": B(
        "某类文件的 JSON Schema，供编辑器补全（yaml-language-server）与持续集成使用。",
        "JSON Schema of a file kind, for editor completion (yaml-language-server) and CI.",
    ),
    "schema kind": B(
        "standard（评估标准）、library（图书馆）或 assessment（评估）", "standard, library or assessment."
    ),
    "schema --criteria": B(
        "包含此评估标准（标识或路径）的事实与指标", "Know this standard's facts and indicators (id or path)."
    ),
    "schema --output": _OUTPUT,
    "schema --lang": _LANG,
    "init": B(
        "新建图书馆目录，列出评估标准需要的每项事实。",
        "Scaffold a library folder listing every fact the standard needs.",
    ),
    "init directory": B("新的图书馆目录", "The new library folder."),
    "init --criteria": B("评估标准的标识或路径", "The standard's id or path."),
    "init --xlsx": B(
        "另生成 facts.xlsx：列出每项事实的电子表格", "Also write facts.xlsx, a spreadsheet of every fact."
    ),
    "init --province": B(
        "图书馆所在省份（如 宁夏回族自治区）；据此填好地区",
        "The library's province (宁夏回族自治区); fills in the region.",
    ),
    "init --lang": _LANG,
    "review": B(
        "开始复核：新建 assessments/名称.yaml，继承自评（只写改动），并附现场核对清单。",
        "Start a review: assessments/NAME.yaml inheriting from the self-assessment (write only the"
        " changes), with the on-site checklist as comments.",
    ),
    "review library": B("图书馆目录", "The library folder."),
    "review --as": B(
        "复核的名称，即评估文件名；用评估类别的名称时即为该类别的评估（如州评、省评）",
        "The review's name and file stem (an assessor kind such as prefecture or province is its assessor).",
    ),
    "review --from": B("在哪一项评估的基础上复核（默认：self 自评）", "The assessment it starts from (default: self)."),
    "review --by": B("评估组名称", "The reviewing team's name."),
    "review --date": B("复核日期，如 2017-07-12（默认：今天）", "The review's date, YYYY-MM-DD (default: today)."),
    "review --force": B("覆盖已有的同名评估文件", "Write over an existing assessment of that name."),
    "review --xlsx": B(
        "同时把现场核实清单写成此 .xlsx 工作簿（可打印，或在 Excel 中填写；"
        "填好后用 `libeval import 文件 目录 --as 名称` 读入）",
        "Also write the on-site checklist as this .xlsx workbook (print it, or fill it in Excel or WPS; read it "
        "back with `libeval import FILE DIR --as NAME`).",
    ),
    "review --lang": _LANG,
    "import": B(
        "用填好的事实表格填写 library.yaml：先显示将要改动的内容，加 --yes 才写入。",
        "Fill library.yaml from a facts spreadsheet: show what would change; write it with --yes.",
    ),
    "import sheet": B(
        "填好的事实表（由 libeval init --xlsx 生成）：.xlsx、.xls 或 .csv",
        "A filled facts sheet (from `libeval init --xlsx`): .xlsx, .xls or .csv.",
    ),
    "import directory": B("要填写其 library.yaml 的图书馆目录", "The library folder whose library.yaml to fill."),
    "import --yes": B("写入改动（旧文件留有备份）", "Write the changes (a backup of the old file is kept)."),
    "import --as": B(
        "读入填好的现场核实清单（由 libeval review --xlsx 生成），写入复核 assessments/<名称>.yaml",
        "Read a filled on-site checklist (from `libeval review --xlsx`) into the review assessments/<NAME>.yaml.",
    ),
    "import --lang": _LANG,
    "criteria": B(
        "评估标准：内置标准列表、以树形显示一个标准、导入公布的评分表。",
        "Standards: the bundled ones, one as a tree, a published table imported.",
    ),
    "criteria --lang": B(
        "zh 或 en：帮助、提示信息与报告的语言", "zh or en: the language of help, messages and reports."
    ),
    "criteria list": B("列出内置的评估标准。", "List the bundled standards."),
    "criteria list --lang": _LANG,
    "criteria show": B(
        "以树形显示评估标准：分值、规则与来源标记。",
        "Show a standard as a tree with points, rules and provenance marks.",
    ),
    "criteria show ref": B(
        "内置评估标准的标识，或评估标准文件的路径", "A bundled standard's id, or a path to a standard file."
    ),
    "criteria show --depth": B("显示到第几层", "Show this many levels."),
    "criteria show --provenance": B(
        "列出每个重建数值及其位置，以及官方数值", "List every reconstructed value with its path, and the official ones."
    ),
    "criteria show --lang": _LANG,
    "criteria diff": B(
        "两个评估标准之间的变化：指标、分值、规则、事实、等级、来源。",
        "What changed between two standards: indicators, points, rules, facts, grades, provenance.",
    ),
    "criteria diff a": B(
        "第一个评估标准：内置标识，或评估标准文件的路径",
        "The first standard: a bundled id, or a path to a standard file.",
    ),
    "criteria diff b": B("第二个评估标准：内置标识，或路径", "The second standard: a bundled id, or a path."),
    "criteria diff --format": B("table、json 或 md", "table, json or md."),
    "criteria diff --exit-code": _EXIT_CODE,
    "criteria diff --output": _OUTPUT,
    "criteria diff --lang": _LANG,
    "criteria diff --no-color": _NO_COLOR,
    "criteria import": B(
        "把评估标准公布的评分表（序号／评估指标／分值／评分标准）读成能通过 libeval check 的标准草稿："
        "每项指标都按评定计分，保留全部评分标准原文。",
        "Read a standard's published table (序号 / 评估指标 / 分值 / 评分标准) into a criteria skeleton "
        "that passes `libeval check`: every indicator judged, every scoring text kept.",
    ),
    "criteria import table": B(
        "评估标准公布的评分表：.xlsx、.csv 或 .docx", "The standard's published table: .xlsx, .csv or .docx."
    ),
    "criteria import --output": B("要写入的评估标准文件：.yaml", "The standard file to write (.yaml)."),
    "criteria import --period": B(
        "评估计分的年份，如 2013-2016；评分表很少写明，须给出",
        "The years the evaluation scores, e.g. 2013-2016 (required: a table rarely says).",
    ),
    "criteria import --id": B("评估标准的标识（默认：取自文件名）", "The standard's id (default: from the file name)."),
    "criteria import --title": B("评估标准的标题（默认：文件名）", "The standard's title (default: the file name)."),
    "criteria import --level": B("province、city、county 或 children", "province, city, county or children."),
    "criteria import --official": B(
        "此表为官方原文（须给出 --citation）", "The table is the official text (give --citation)."
    ),
    "criteria import --citation": B(
        "官方原文的出处（与 --official 同用）", "Where the official text is published (with --official)."
    ),
    "criteria import --sheet": B(".xlsx 中的工作表（默认：第一张）", "The sheet of a .xlsx (default: the first)."),
    "criteria import --force": B("输出文件已存在时替换它", "Replace the output file if it exists."),
    "criteria import --lang": _LANG,
}

# What an option or argument takes, as the Chinese help names it (keys as in HELP).
METAVARS: dict[str, str] = {
    "check paths": "路径",
    "score path": "路径",
    "score --assessment": "评估",
    "score --explain": "编号",
    "score --fail-under": "N",
    "score --template": "文件",
    "score --jobs": "N",
    "score --reports-dir": "目录",
    "score --criteria": "标准",
    "diff paths": "路径",
    "diff --from": "评估",
    "diff --to": "评估",
    "diff --criteria": "标准",
    "plan path": "路径",
    "plan --assessment": "评估",
    "plan --target": "等级",
    "schema kind": "类型",
    "schema --criteria": "标准",
    "init directory": "目录",
    "init --criteria": "标准",
    "init --province": "省份",
    "review library": "目录",
    "review --as": "名称",
    "review --from": "评估",
    "review --by": "评估组",
    "review --date": "日期",
    "review --xlsx": "文件",
    "import sheet": "表格",
    "import directory": "目录",
    "import --as": "名称",
    "criteria show ref": "标准",
    "criteria show --depth": "N",
    "criteria diff a": "标准A",
    "criteria diff b": "标准B",
    "criteria import table": "评分表",
    "criteria import --period": "年份",
    "criteria import --id": "标识",
    "criteria import --title": "标题",
    "criteria import --citation": "出处",
    "criteria import --sheet": "工作表",
}
for _key in [k for k in HELP if k.endswith((" --output", "import --output"))]:
    METAVARS[_key] = "文件"


def startup_lang(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language of help and usage errors: `--lang zh|en` anywhere on the command line (before a
    `--`), else LIBEVAL_LANG, else the system's language (text/language.py)."""
    args = list(argv)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg.removeprefix("--lang=")
        if (arg == "--lang" or arg.startswith("--lang=")) and value in ("zh", "en"):
            return value
    return default_lang(os.environ if environ is None else environ)
