"""The messages of `libeval criteria import` (a standard's published table read into a criteria
skeleton), merged into the catalogue by text/messages.py. Rows are located as `file:row:col`:
`表.csv:12:1` (the line where the row starts), `表.xlsx:Sheet1:12:3`, `表.docx:表2:5:3` (the
second table of the document)."""

from __future__ import annotations

from libeval.text.bilingual import Bilingual

TABLE_MESSAGES: dict[str, Bilingual] = {
    "table-old-format": Bilingual(
        en="'{ext}' files cannot be read: open it in Word, Excel or WPS and save it as {new}",
        zh="无法读取 {ext} 文件：请用 Word、Excel 或 WPS 打开，另存为 {new}",
    ),
    "table-format": Bilingual(
        en="cannot read a table from a '{ext}' file: give a .xlsx, .csv or .docx file",
        zh="无法从 {ext} 文件读取表格：请提供 .xlsx、.csv 或 .docx 文件",
    ),
    "table-unreadable": Bilingual(
        en="not a readable {kind} file ({detail})", zh="不是可读取的 {kind} 文件（{detail}）"
    ),
    "table-unpacked-too-large": Bilingual(
        en="the file unpacks to {size} bytes, over the limit of {limit} bytes",
        zh="文件解压后为 {size} 字节，超过上限 {limit} 字节",
    ),
    "table-encoding": Bilingual(
        en="the CSV file is neither UTF-8 nor GB18030 (GBK) text; save it as 'CSV UTF-8'",
        zh="CSV 文件既不是 UTF-8 也不是 GB18030（GBK）文本；请另存为“CSV UTF-8”",
    ),
    "table-no-sheet": Bilingual(
        en="the workbook has no sheet '{sheet}' (sheets: {known})", zh="工作簿中没有“{sheet}”工作表（现有：{known}）"
    ),
    "table-no-tables": Bilingual(en="the document holds no table", zh="文档中没有表格"),
    "table-columns": Bilingual(
        en="no header row with a column for {missing}; the closest row has: {found}",
        zh="找不到含{missing}列的表头行；最接近的一行为：{found}",
    ),
    "table-no-rows": Bilingual(en="no indicator rows below the header row", zh="表头行下没有指标行"),
    "table-code": Bilingual(
        en="code '{code}' is not a number like 1, 1.1 or 1.1.1: the tree is read from such codes "
        "(a top-level 一、二、三 is read as 1, 2, 3; (一) or 1) are not)",
        zh="编号“{code}”不是 1、1.1、1.1.1 这样的数字编号：指标层级由这种编号确定"
        "（顶层的 一、二、三 读作 1、2、3；（一）、1）等不能识别）",
    ),
    "table-no-code": Bilingual(en="this row has points ({points}) but no code", zh="此行有分值（{points}）但没有编号"),
    "table-no-name": Bilingual(en="'{code}' has no name", zh="“{code}”没有指标名称"),
    "table-no-points": Bilingual(en="'{code}' has no points", zh="“{code}”没有分值"),
    "table-points": Bilingual(
        en="cannot read {text} as the points of '{code}' (write e.g. 10, 10分 or 10.5)",
        zh="无法把 {text} 读作“{code}”的分值（可写作 10、10分 或 10.5）",
    ),
    "table-duplicate-code": Bilingual(
        en="code '{code}' is used twice (also at {first})", zh="编号“{code}”重复（另见 {first}）"
    ),
    "table-duplicate-number": Bilingual(
        en="code '{code}' is used twice (also at {first}); Excel keeps 1.10 as the number 1.1: "
        "format the code column as text",
        zh="编号“{code}”重复（另见 {first}）；Excel 会把 1.10 存为数字 1.1：请把编号列设为文本格式",
    ),
    "table-orphan": Bilingual(
        en="'{code}' has no parent: there is no row '{parent}'", zh="“{code}”没有上级：表中没有“{parent}”行"
    ),
    "table-part-alone": Bilingual(
        en="part '{code}' has no indicators under it (rows {code}.1, {code}.2, ...)",
        zh="部分“{code}”下没有指标（应有 {code}.1、{code}.2 …… 行）",
    ),
    "table-flat-codes": Bilingual(
        en="the '{heading}' column holds running numbers (1, 2, 3 ...), not codes: the tree is read from "
        "codes like 1, 1.1, 1.1.1",
        zh="“{heading}”列是流水号（1、2、3……）而非编号：指标层级由 1、1.1、1.1.1 这样的编号确定",
    ),
    "table-sum": Bilingual(
        en="the rows under '{code}' add up to {sum}, but its points are {max}",
        zh="“{code}”的下级分值合计 {sum}，但其分值为 {max}",
    ),
    "table-total": Bilingual(
        en="the {label} row says {stated}, but the parts add up to {sum}",
        zh="“{label}”行为 {stated}，但各部分合计 {sum}",
    ),
    "table-skipped-row": Bilingual(
        en="row skipped: no code and no points ({text})", zh="已跳过此行：没有编号也没有分值（{text}）"
    ),
    "table-subtotal": Bilingual(
        en="{label} row skipped: subtotals are not checked ({text})", zh="已跳过{label}行：小计不作核对（{text}）"
    ),
    "table-skipped-table": Bilingual(en="table skipped: no header row ({text})", zh="已跳过此表：没有表头行（{text}）"),
    "output-exists": Bilingual(
        en="'{path}' already exists; give --force to replace it", zh="“{path}”已存在；如需替换请加 --force"
    ),
}
