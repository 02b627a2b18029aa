"""The command line's own texts in Chinese: help headings and usage errors.

typer (with the click it carries) writes these in English. Its help headings pass through gettext
(`_("Options")`), so `translate` takes their place when the language is Chinese; its usage errors
are caught in one place (cli_text.py) and written again from `USAGE_ZH`. Tests check that every
key of `HEADINGS_ZH` is still one of typer's texts, so that an upgrade that rewords one fails a
test rather than falling back to English unseen.
"""

from __future__ import annotations

import re

from libeval.text.bilingual import Bilingual

# typer's texts that pass through gettext (typer/core.py), and the --help option's own
HEADINGS_ZH: dict[str, str] = {
    "Arguments": "参数",
    "Options": "选项",
    "Commands": "命令",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
    "(dynamic)": "（动态）",
    "Aborted!": "已中止。",
    "Show this message and exit.": "显示本帮助并退出",
}

# usage errors, by kind (cli_text.chinese_usage_error)
USAGE_ZH: dict[str, str] = {
    "usage": "用法：",
    "options": "[选项]",
    "subcommand": "命令 [参数]...",
    "try": "运行“{command} --help”查看帮助。",
    "error": "错误：{message}",
    "missing-argument": "缺少参数 {name}。",
    "missing-option": "缺少选项 {name}。",
    "choose-from": "可选：{choices}。",
    "no-such-option": "没有 {name} 选项。",
    "did-you-mean": "是否应为 {names}？",
    "no-such-command": "没有 {name} 命令。",
    "missing-command": "缺少命令。",
    "extra-arguments": "多出了参数：{args}。",
    "option-needs-value": "选项 {name} 后面须跟一个值。",
    "option-takes-no-value": "选项 {name} 不带值。",
    "option-repeated": "选项 {name} 只能给一次。",
    "bad-value": "{name} 的值无效：{reason}。",
    "not-one-of": "{value} 不是以下之一：{choices}",
    "not-a-whole-number": "应为整数",
    "not-a-number": "{value} 不是数",
}


# a single-value option given twice (cli_text.OnceOnly): typer would silently keep the last
OPTION_REPEATED_EN = "Option {name} can be given only once."


def translate(message: str) -> str:
    """typer's `_` in Chinese: the Chinese text, or typer's own where there is none."""
    return HEADINGS_ZH.get(message, message)


_QUOTED = re.compile(r"'([^'\n]*)'")
_CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]"


def tidy(message: str) -> str:
    """A Chinese usage error as Chinese is written: click's quotes (`'--format'`) as “--format”,
    alternatives (`'--jobs' / '-j'`) joined with 或, lists with 、, no space between Chinese and a
    Chinese mark, no stop doubled."""
    text = _QUOTED.sub(r"“\1”", message).replace("” / “", "”或“").replace("”, “", "”、“")
    text = re.sub(rf"(?<={_CJK}) +(?={_CJK})", "", text)
    return text.replace("。。", "。").replace("？。", "？").replace("：。", "。")


# a bug of libeval's (cli.main), and Ctrl-C
INTERNAL_ERROR = Bilingual(
    "libeval 内部错误：{name}：{exc}\n请报告此问题；设置 LIBEVAL_DEBUG=1 可显示调用栈。\n",
    "libeval: internal error: {name}: {exc}\nPlease report it; LIBEVAL_DEBUG=1 shows the traceback.\n",
)
INTERRUPTED = Bilingual("已中断\n", "interrupted\n")
INTERRUPTED_BATCH = Bilingual(
    "已中断：{total} 个图书馆中已完成 {done} 个\n", "interrupted after {done} of {total} libraries\n"
)

# options that do not go together, found by the commands (errors.UsageError; exit code 2)
B = Bilingual
OPTION_ERRORS: dict[str, Bilingual] = {
    "path": B("路径", "PATH"),
    "paths": B("路径", "PATHS"),
    "github-detail": B(
        "github 注释不能与 --detail 或 --explain 同用", "github annotations do not go with --detail or --explain"
    ),
    "diff-paths": B("请给出一个或两个图书馆目录", "give one library folder or two"),
    "no-grade": B("没有“{target}”这个等级（现有等级：{zh_names}）", "no grade {target!r} (grades: {en_names})"),
    "criteria-names": B("指定另一个评估标准", "names the other standard"),
    "criteria-one-folder": B(
        "按两个评估标准为同一个图书馆目录计分：请只给一个目录",
        "scores one library folder under two standards; give one folder",
    ),
    "criteria-to": B(
        "不能与 --criteria 同用：同一项评估（--from）计分两次",
        "does not go with --criteria: the same assessment (--from) is scored twice",
    ),
    "criteria-format": B("与 --criteria 同用时只能是 table、json 或 md", "with --criteria: table, json or md"),
    "batch-detail": B(
        "--detail 与 --explain 只用于单个图书馆目录", "--detail and --explain are for one library folder"
    ),
    "format-one": B("{fmt} 只用于单个图书馆目录", "{fmt} is for one library folder"),
    "format-batch": B("{fmt} 只用于包含多个图书馆的目录", "{fmt} is for a folder of libraries"),
    "xlsx-output": B("xlsx 须写入文件：请指定 --output 文件", "xlsx is a file: give --output FILE"),
    "encoding-csv": B(
        "--encoding 只用于 csv 格式（多个图书馆时）", "--encoding is for --format csv (a folder of libraries)"
    ),
    "reports-dir": B("--reports-dir 只用于包含多个图书馆的目录", "--reports-dir is for a folder of libraries"),
    "period": B("“{text}”不是年份区间，应写作 2013-2016 这样", "{text!r} is not a period of years such as 2013-2016"),
    "id-from-name": B(
        "无法从文件名“{name}”生成标识：请用 --id 指定（小写英文字母、数字、-）",
        "cannot make an id from the file name {name!r}: give --id (lower-case letters, digits, -)",
    ),
    "id": B(
        "“{id}”：标识只能用小写英文字母、数字和 -（如 cn-2017-county）",
        "{id!r}: an id is lower-case letters, digits and '-' (e.g. cn-2017-county)",
    ),
    "level": B("“{level}”不是以下之一：{levels}", "{level!r} is not one of {levels}"),
    "official-citation": B(
        "官方标准须用 --citation 写明出处", "an official standard needs --citation TEXT saying where it is published"
    ),
    "citation-official": B(
        "--citation 是官方标准的出处：请加 --official",
        "--citation is where an official standard is published: add --official",
    ),
    "sheet": B("--sheet 只用于 .xlsx 工作簿", "--sheet is for a .xlsx workbook"),
    "all-sides": B(
        "--all 列出一个图书馆的全部评估：不能与 --from、--to、--criteria 或第二个目录同用",
        "--all shows every assessment of one library: it does not go with --from, --to, --criteria or a second folder",
    ),
    "all-indicators": B("--all-indicators 只用于 --all", "--all-indicators goes with --all"),
}
