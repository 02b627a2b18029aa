"""Every output holds hostile input text inert and visible (issue 18, item 2).

A matrix, data-driven: PAYLOADS × FIELDS × OUTPUTS. For each payload, one library folder holds
it in every input text field at once (each field's copy tagged with the field's name, so a
field's text can be found where it is shown); every output of every command is then made from
it and checked by the rules of its medium (`MEDIA`): no control or bidi character, no formula
outside our own, no raw HTML, no live Markdown link, no workflow command of the input's.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from typer.testing import CliRunner

from libeval.cli import app
from libeval.text.safe import csv_cell, looks_like_formula, strip_controls, terminal_text

from conftest import DATA

PAYLOADS = {
    "formula": '=HYPERLINK("http://evil.example","点此")',
    "at-cmd": "@SUM(1+1)*cmd|' /C calc'!A0",
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3+cmd|' /C calc'!A0",
    "tab": "\t=1+1",
    "osc8": "\x1b]8;;http://evil.example\x1b\\点此\x1b]8;;\x1b\\",
    "clear": "\x1b[2J\x1b[31m红\x9b0m",
    "bidi": "馆\u202efdp.exe\u2066\u200f\u061c",
    "html": "<img src=x onerror=alert(1)><script>alert(2)</script>",
    "md-link": "[点此](javascript:alert(1)) ![x](javascript:alert(2))",
    "workflow": "x\n::add-mask::secret\n::error::pwned",
}

# where each input text field lives: (file, path of keys)
FIELDS: dict[str, tuple[str, tuple[Any, ...]]] = {
    "library name": ("library.yaml", ("name",)),
    "library name (en)": ("library.yaml", ("name_en",)),
    "province": ("library.yaml", ("province",)),
    "fact source": ("library.yaml", ("facts", "floor_area", "source")),
    "fact note": ("library.yaml", ("facts", "floor_area", "note")),
    "evidence": ("library.yaml", ("facts", "floor_area", "evidence")),
    "assessor": ("assessments/prefecture.yaml", ("by",)),
    "judged note": ("assessments/prefecture.yaml", ("judged", "1.5", "note")),
    "correction reason": ("assessments/prefecture.yaml", ("corrections", "annual_loans", "reason")),
    "standard name": ("mini-criteria.yaml", ("parts", 0, "children", 0, "name")),
    "standard title": ("mini-criteria.yaml", ("title",)),
    "grade name": ("mini-criteria.yaml", ("grades", 0, "name")),
}


def _library(root: Path, payload: str) -> Path:
    """A copy of tests/data/mini-lib with `payload` in every field of FIELDS."""
    folder = root / "libs" / "lib"
    shutil.copytree(DATA / "mini-lib", folder)
    shutil.copy(DATA / "mini-criteria.yaml", root / "libs" / "mini-criteria.yaml")
    for field, (file, keys) in FIELDS.items():
        path = folder / file if not file.startswith("mini") else root / "libs" / file
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        node = doc
        for key in keys[:-1]:
            node = node[key]
        text = f"{payload}«{field}»"
        node[keys[-1]] = [text] if field == "evidence" else text
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


# --- the rules of each medium ----------------------------------------------------------------

_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_LIVE_LINK = re.compile(r"(?<!\\)\]\((?:javascript|data|vbscript):", re.IGNORECASE)
# =SUM(D5,D9), =D4-C4, =D2+D9, =ROUND(D4-C4,6)
_OUR_FORMULA = re.compile(r"=(?:MIN\(C\d+,|ROUND\()?(?:SUM\()?[CD]\d+(?:[,+\-][CD]\d+)*(?:,\d)?\)*")


def _no_controls(text: str) -> None:
    found = _RAW_CONTROL.search(text)
    assert found is None, f"raw {found.group()!r} in {text[max(0, found.start() - 40) : found.end() + 40]!r}"


def _no_workflow_command(text: str) -> None:
    """No line the input began: GitHub would run `::add-mask::` or `::error::` from a log."""
    for line in text.splitlines():
        assert not line.lstrip(" │|").startswith(("::add-mask::", "::error::pwned")), line


def terminal(text: str) -> None:
    _no_controls(text)
    _no_workflow_command(text)


def markdown(text: str) -> None:
    _no_controls(text)
    _no_workflow_command(text)
    assert "<img" not in text and "<script" not in text
    assert not _LIVE_LINK.search(text), "a live javascript: link"


def html_page(text: str) -> None:
    assert "<img src=x" not in text and "<script>alert" not in text
    assert not re.search(r"""href=["']?\s*javascript:""", text, re.IGNORECASE)


def json_text(text: str) -> None:
    json.loads(text)  # the payload is data here: kept as it is, escaped by JSON itself


def csv_text(text: str) -> None:
    # a data file: a name may hold a line break (quoted, as CSV does); formulas are what matter
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            # a cell starting as a formula would is a number, or is text behind the OWASP quote
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or re.fullmatch(r"-?[\d.]+", cell), cell


def workbook(data: bytes) -> None:
    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    assert _OUR_FORMULA.fullmatch(str(cell.value)), f"{ws.title}!{cell.coordinate}: {cell.value!r}"


MEDIA: dict[str, Callable[[Any], None]] = {
    "table": terminal,
    "github": terminal,
    "md": markdown,
    "html": html_page,
    "json": json_text,
    "csv": csv_text,
    "xlsx": workbook,
}

# every output: (command line with {lib}, {libs}, {out}; the medium)
OUTPUTS: list[tuple[str, str]] = [
    *[(f"score {{lib}} -a prefecture --format {f}", f) for f in ("table", "json", "md", "html", "github")],
    ("score {lib} -a prefecture --detail", "table"),
    ("score {lib} -a prefecture --format xlsx -o {out}", "xlsx"),
    *[(f"score {{libs}} -a prefecture --format {f}", f) for f in ("table", "json", "csv", "md", "html", "github")],
    *[(f"diff {{lib}} --from self --to prefecture --format {f}", f) for f in ("table", "json", "md", "html")],
    ("diff {lib} --from self --to prefecture --format xlsx -o {out}", "xlsx"),
    *[(f"plan {{lib}} -a prefecture --format {f}", f) for f in ("table", "json", "md")],
    *[(f"criteria diff {{orig}} {{crit}} --format {f}", f) for f in ("table", "json", "md")],
    ("criteria show {crit}", "table"),
    ("check {lib}", "table"),
    ("check {lib} --format github", "github"),
]


@pytest.fixture(scope="module", params=list(PAYLOADS), ids=list(PAYLOADS))
def hostile(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    payload = PAYLOADS[request.param]
    return payload, _library(tmp_path_factory.mktemp(request.param), payload)


@pytest.mark.parametrize(("command", "medium"), OUTPUTS, ids=[c.split(" {")[0] + ":" + m for c, m in OUTPUTS])
def test_hostile_text_arrives_inert(hostile: tuple[str, Path], command: str, medium: str, tmp_path: Path) -> None:
    _, lib = hostile
    out = tmp_path / "out.xlsx"
    crit = lib.parent / "mini-criteria.yaml"
    args = command.format(lib=lib, libs=lib.parent, out=out, crit=crit, orig=DATA / "mini-criteria.yaml").split()
    r = CliRunner().invoke(app, ["--lang", "zh", *args], catch_exceptions=False)
    assert r.exit_code in (0, 1), r.stderr  # a refused province is exit 1, never a traceback
    terminal(r.stderr)
    MEDIA[medium](out.read_bytes() if medium == "xlsx" and r.exit_code == 0 else r.stdout)


# --- ... and visible: the tagged text of a field is found, shown the way its medium shows it ----


@pytest.mark.parametrize("payload", ["osc8", "bidi", "clear"])
def test_the_terminal_shows_controls_escaped(payload: str, tmp_path: Path) -> None:
    lib = _library(tmp_path, PAYLOADS[payload])
    r = CliRunner().invoke(app, ["score", str(lib), "-a", "prefecture"], catch_exceptions=False)
    shown = terminal_text(PAYLOADS[payload])
    assert "\x1b" not in r.stdout and "\u202e" not in r.stdout
    assert f"{shown}«library name»" in r.stdout
    assert ("\\x1b" in shown) or ("\\u202e" in shown)


def test_the_markdown_report_shows_the_text_without_markup(tmp_path: Path) -> None:
    lib = _library(tmp_path, PAYLOADS["md-link"] + PAYLOADS["html"])
    r = CliRunner().invoke(app, ["score", str(lib), "-a", "prefecture", "--format", "md"], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    markdown(r.stdout)
    assert "\\[点此\\](javascript:alert(1)) !\\[x\\](javascript:alert(2))&lt;img src=x" in r.stdout


@pytest.mark.parametrize("payload", ["formula", "at-cmd", "plus", "minus", "tab"])
def test_the_csv_ranking_keeps_the_name_as_text(payload: str, tmp_path: Path) -> None:
    lib = _library(tmp_path, PAYLOADS[payload])
    r = CliRunner().invoke(app, ["score", str(lib.parent), "--format", "csv"], catch_exceptions=False)
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["name"] for row in rows] == ["'" + PAYLOADS[payload] + "«library name»"]


@pytest.mark.parametrize("payload", ["formula", "at-cmd", "minus"])
@pytest.mark.parametrize("command", ["score", "diff"])
def test_workbooks_hold_the_payload_as_text_cells(payload: str, command: str, tmp_path: Path) -> None:
    lib = _library(tmp_path, PAYLOADS[payload])
    out = tmp_path / "out.xlsx"
    args = ["-a", "prefecture"] if command == "score" else ["--from", "self", "--to", "prefecture"]
    r = CliRunner().invoke(app, [command, str(lib), *args, "--format", "xlsx", "-o", str(out)])
    assert r.exit_code in (0, 1), r.stderr
    wb = load_workbook(out)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if PAYLOADS[payload] in str(c.value)]
    assert cells, "the payload is shown"
    assert {c.data_type for c in cells} == {"s"}
    formulas = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas and all(_OUR_FORMULA.fullmatch(str(c.value)) for c in formulas)  # ours stay formulas


def test_json_keeps_every_field_s_text_as_it_was(tmp_path: Path) -> None:
    """JSON is data: the text is kept exactly (JSON escapes what it must), nothing lost."""
    payload = PAYLOADS["osc8"] + PAYLOADS["bidi"] + PAYLOADS["formula"]
    lib = _library(tmp_path, payload)
    r = CliRunner().invoke(app, ["score", str(lib), "-a", "prefecture", "--format", "json"], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    texts: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str):
            texts.append(node)

    walk(json.loads(r.stdout))
    shown = ("library name", "province", "assessor", "judged note", "correction reason", "standard name", "grade name")
    for field in shown:
        assert f"{payload}«{field}»" in texts, field


# --- the functions themselves ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+86 10 1234", "'+86 10 1234"),
        ("-cmd", "'-cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-3.5", "-3.5"),
        ("+2", "+2"),
        ("-12%", "-12%"),
        ("精河县图书馆", "精河县图书馆"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_csv_cells(text: str, expected: str) -> None:
    assert csv_cell(text) == expected
    assert looks_like_formula(text) == (expected != text)


def test_numbers_stay_numbers() -> None:
    assert csv_cell(775) == 775 and csv_cell(-3) == -3


@pytest.mark.parametrize(
    ("text", "shown", "stripped"),
    [
        ("a\x1b[2Jb", "a\\x1b[2Jb", "a[2Jb"),
        ("a\u202eb", "a\\u202eb", "ab"),
        ("a\x9bb\x7f", "a\\x9bb\\x7f", "ab"),
        ("a\tb\rc", "a\\x09b\\x0dc", "a bc"),
        ("第一行\n第二行：（一）、“引号”", "第一行\n第二行：（一）、“引号”", "第一行\n第二行：（一）、“引号”"),
        ("\u2066\u2067\u2068\u2069\u200e\u200f\u061c", "\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c", ""),
    ],
)
def test_controls_shown_or_removed(text: str, shown: str, stripped: str) -> None:
    assert terminal_text(text) == shown
    assert strip_controls(text) == stripped


_TEXT = st.text(
    st.one_of(
        st.characters(),
        st.sampled_from(list("=+-@\t\r\n\x1b\x9b\u202e\u2066[]()<>!`*_|#\\:")),
    ),
    max_size=40,
)


@given(_TEXT)
def test_every_text_is_made_inert(text: str) -> None:
    from libeval.present.templates import md_escape, md_final

    assert not _RAW_CONTROL.search(terminal_text(text).replace("\n", ""))
    assert not _RAW_CONTROL.search(terminal_text(text, one_line=True)) and "\n" not in terminal_text(text, True)
    assert not _RAW_CONTROL.search(strip_controls(text))
    for md in (md_escape(text), md_final(text)):
        assert "<" not in md and "\n" not in md and not _RAW_CONTROL.search(md)
        assert not re.search(r"(?<!\\)[\[\]]", md)  # no bracket that could open or close a link
        assert md_final(md) == md  # escaped text passes the template's last step unchanged
    cell = csv_cell(text)
    assert isinstance(cell, str) and not looks_like_formula(cell)


def test_chinese_stays_readable_in_markdown(tmp_path: Path) -> None:
    """Full-width punctuation is not markup: it is not backslash-escaped."""
    from libeval.present.templates import md_escape

    assert md_escape("馆舍（一）：“你选书、我买单”。《条例》！") == "馆舍（一）：“你选书、我买单”。《条例》！"


def test_evidence_through_a_link_that_leaves_the_folder_is_refused(tmp_path: Path) -> None:
    lib = _library(tmp_path, "x")
    (lib / "scan.pdf").symlink_to(tmp_path)  # inside the folder by name, outside by where it leads
    path = lib / "library.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["facts"]["floor_area"]["evidence"] = ["scan.pdf"]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    r = CliRunner().invoke(app, ["check", str(lib)], catch_exceptions=False)
    assert r.exit_code == 1
    assert "evidence 'scan.pdf' must be a path inside the library folder" in r.stderr
    assert re.search(r"library\.yaml:\d+:\d+: error: .*\[evidence-outside\]", r.stderr)
