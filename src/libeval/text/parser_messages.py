"""What a parser or the operating system says, in Chinese too: PyYAML's problem texts (the
`yaml-syntax` message; the position stays `file:line:col`), the formula parser's, and an OS
error's (a file that cannot be read or written). The English keeps the original text; the Chinese
says the same in Chinese, or in general words where a text is not known, never in English."""

from __future__ import annotations

import errno
import re

from libeval.text.bilingual import Bilingual

# PyYAML's problems (both its C and its Python parser), the common first
_YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    (
        r"mapping values are not allowed (?:here|in this context)",
        "此处不能写“键: 值”（值里有冒号时请加引号，或检查缩进）",
    ),
    (r"could not find expected ':'", "找不到应有的冒号“:”（键后要写冒号和空格，或检查缩进）"),
    (r"did not find expected key", "找不到应有的键（多半是缩进不对）"),
    (r"did not find expected '-' indicator", "找不到应有的列表项“-”（多半是缩进不对）"),
    (r"expected <block end>, but found .*", "缩进不对：这一行与上面的内容对不齐"),
    (r"block sequence entries are not allowed (?:here|in this context)", "此处不能写列表项“-”（多半是缩进不对）"),
    (r"found character '(.*)' that cannot start any token", "字符“{0}”不能出现在值的开头（请给值加引号）"),
    (r"found character that cannot start any token", "此处的字符不能出现在值的开头（请给值加引号）"),
    (r"found unexpected end of stream", "文件意外结束（引号或括号没有配对？）"),
    (r"found unexpected end of stream in .*", "文件意外结束（引号或括号没有配对？）"),
    (r"did not find expected ',' or '\}'", "找不到应有的“,”或“}}”（花括号没有配对？）"),
    (r"did not find expected ',' or '\]'", "找不到应有的“,”或“]”（方括号没有配对？）"),
    (r"found undefined alias '?([^']*)'?", "别名“{0}”没有定义"),
    (r"found unknown escape character '?([^']*)'?", "双引号内有未知的转义“\\{0}”（Windows 路径请用单引号）"),
    (r"found unknown escape character", "双引号内有未知的转义字符（Windows 路径请用单引号）"),
    (r"expected the node content, but found .*", "此处应有一个值"),
    (r"did not find expected node content", "此处应有一个值"),
    (r"found unexpected ':'", "出现了多余的冒号“:”（请给值加引号）"),
    (r"expected '<document start>', but found .*", "文件开头不对：应为“键: 值”的映射"),
    (r"did not find expected <document start>", "文件开头不对：应为“键: 值”的映射"),
    (r"expected a single document, found a second one", "文件中只能有一个文档（不要写第二个 ---）"),
    (
        r"found (?:a tab character that violates indentation|a tab character where an indentation space is expected)",
        "此处有制表符；YAML 只能用空格缩进",
    ),
    (r"found duplicate anchor.*", "锚点名重复"),
    (r"did not find expected alphabetic or numeric character", "别名或锚点名只能用字母或数字"),
    (r"found unexpected document separator", "此处不能有文档分隔符“---”"),
    (r"did not find expected comment or line break", "此处应换行或写注释"),
    (r"expected a comment or a line break, but found .*", "此处应换行或写注释"),
    (r"found a mapping key that is not a plain value", "映射的键必须是简单值"),
    (r"control characters are not allowed", "文件含控制字符"),
    (r"unacceptable character #x([0-9a-fA-F]+).*", "文件含不可接受的字符 U+{0}"),
    (r"cannot read (.*) as (int|float|bool|timestamp|null)", "无法把 {0} 读作{1}"),
)
_KINDS = {"int": "整数", "float": "小数", "bool": "是否值", "timestamp": "日期", "null": "空值"}

# where PyYAML was when it found the problem
_YAML_CONTEXTS: dict[str, str] = {
    "while scanning a simple key": "读取键时",
    "while parsing a block mapping": "读取映射时",
    "while parsing a block collection": "读取列表时",
    "while parsing a flow mapping": "读取花括号内的映射时",
    "while parsing a flow sequence": "读取方括号内的列表时",
    "while scanning a quoted scalar": "读取引号内的文字时",
    "while scanning a double-quoted scalar": "读取双引号内的文字时",
    "while scanning a single-quoted scalar": "读取单引号内的文字时",
    "while scanning a block scalar": "读取多行文字时",
    "while scanning a plain scalar": "读取值时",
    "while scanning an alias": "读取别名时",
    "while scanning an anchor": "读取锚点时",
    "while parsing a flow node": "",
    "while parsing a block node": "",
    "while scanning for the next token": "",
    "while scanning a directive": "读取指令时",
    "while scanning a tag": "读取标签时",
    "while parsing a node": "",
}


def _zh_problem(text: str) -> str | None:
    for pattern, zh in _YAML_PROBLEMS:
        found = re.fullmatch(pattern, text.strip())
        if found:
            return zh.format(*(_KINDS.get(g, g) for g in found.groups()))
    return None


def yaml_detail(context: str | None, problem: str | None) -> Bilingual:
    """PyYAML's `context` and `problem` (either may be missing) in both languages."""
    en = " ".join(x for x in (context, problem) if x)
    zh = _zh_problem(problem or "") if problem else None
    if zh is None:
        return Bilingual("文件不符合 YAML 语法", en)  # a text we do not know: general words, not English
    where = _YAML_CONTEXTS.get((context or "").strip(), "")
    return Bilingual(f"{where}{zh}", en)


_FORMULA: tuple[tuple[str, str], ...] = (
    (r"longer than (\d+) characters", "公式超过 {0} 个字符"),
    (r"unexpected character '(.*)'", "出现了意外的字符“{0}”"),
    (r"expected '(.*)', found (.*)", "此处应为“{0}”"),
    (r"unexpected '(.*)'", "出现了意外的“{0}”"),
    (r"nested too deeply", "括号嵌套过深"),
    (r"expected a number, a name or '\('.*", "此处应为数、名称或“(”"),
    (r"unknown function '(.*)'.*", "未知函数“{0}”"),
)


def formula_detail(message: str, offset: int) -> Bilingual:
    """The formula parser's `message`, at the 1-based character `offset`."""
    zh = "无法解析"
    for pattern, text in _FORMULA:
        found = re.fullmatch(pattern, message)
        if found:
            zh = text.format(*found.groups())
            break
    return Bilingual(f"第 {offset} 个字符处{zh}", f"{message} (at character {offset})")


_OS_ERRORS = {
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许此操作",
    errno.ENOENT: "文件或目录不存在",
    errno.ENOTDIR: "路径中有一段不是目录",
    errno.EISDIR: "这是目录，不是文件",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统只读",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EEXIST: "已存在",
    errno.EBUSY: "文件正被占用",
    errno.EIO: "读写出错",
    errno.EINVAL: "参数无效",
    errno.ELOOP: "符号链接层数过多",
    errno.EPIPE: "读取端已关闭",
    errno.ENXIO: "设备不存在或无人读取",
}


def os_error(exc: OSError) -> Bilingual:
    """Why the operating system refused, in both languages."""
    en = exc.strerror or str(exc)
    if exc.errno in _OS_ERRORS:
        return Bilingual(_OS_ERRORS[exc.errno], en)
    name = errno.errorcode.get(exc.errno or 0)
    return Bilingual(f"系统错误（{name}）" if name else "系统错误", en)
