"""Reports: golden files for the worked example, escaping, a clean HTML parse, a real browser."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import html5lib
import pytest
from typer.testing import CliRunner

from libeval import __version__
from libeval.cli import app
from libeval.errors import LibevalError
from libeval.load.folders import load_library
from libeval.present.report_view import build_context, safe_href
from libeval.present.templates import md_escape, render, url_escape
from libeval.scoring.engine import score

from conftest import EXAMPLE, ROOT

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("LIBEVAL_UPDATE_GOLDEN") == "1"
CASES = [(a, f, lang) for a in ("self", "prefecture") for f in ("md", "html") for lang in ("zh", "en")]


def _render(folder_path: Path, assessment: str, fmt: str, lang: str, *extra: str) -> str:
    args = ["score", str(folder_path), "-a", assessment, "--format", fmt, "--lang", lang, *extra]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(("assessment", "fmt", "lang"), CASES, ids=lambda v: str(v))
def test_golden_reports(assessment: str, fmt: str, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # input paths in the report are shown relative to the working directory
    out = _render(Path("examples/jinghe-2017"), assessment, fmt, lang).replace(__version__, "@VERSION@")
    golden = GOLDEN / f"jinghe-{assessment}.{lang}.{fmt}"
    if UPDATE:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("extra", [("--library-report",), ()], ids=["library", "review"])
def test_html_parses_cleanly_and_is_self_contained(lang: str, extra: tuple[str, ...]) -> None:
    page = _render(EXAMPLE, "prefecture", "html", lang, *extra)
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    doc = parser.parse(page)
    assert doc.find(".//title") is not None
    for bad in ("<script", "http://", "https://", "@import", "url("):
        assert bad not in page.lower(), bad  # no script, no fetch
    assert ("<svg" in page) == bool(extra) and "@media print" in page and "size: A4" in page
    assert page.count("<table") == page.count("<thead>")  # every table's header repeats on each printed page
    assert doc.find(".//*[@id='total']") is not None


def test_markdown_report_has_every_section() -> None:
    page = _render(EXAMPLE, "prefecture", "md", "zh", "--library-report")
    for heading in (
        "## 一、基本情况",
        "## 二、评估工作开展情况",
        "## 三、主要成效",
        "## 四、存在问题",
        "## 五、下一步工作",
        "## 附录一　指标得分明细",
        "## 附录二　定级条件",
        "## 附录三　事实数据",
        "## 附录四　数据更正",
        "## 附录五　标准来源与输入文件",
    ):
        assert heading in page, heading
    assert "总分 775.3 分（满分 1000 分，含加分 45 分），达到三级。" in page
    assert "- 建筑面积 600 ㎡，要求 ≥ 2,000 ㎡，差 1,400 ㎡" in page
    lines = [ln for ln in page.splitlines() if ln.startswith("| 3.1.1 |")]
    assert len(lines) == 2  # the losses (six cells) and the appendix (ten cells: 自评, 州评, 差值)
    assert lines[0].count("|") == 7 and lines[1].count("|") == 11  # no stray pipe


def test_injection_is_harmless(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(EXAMPLE, lib)
    text = (lib / "library.yaml").read_text(encoding="utf-8")
    text = text.replace("name: 精河县图书馆", "name: '<script>alert(1)</script> | x'")
    text = text.replace(
        "floor_area: {value: 600, unit: m2,",
        'floor_area: {value: 600, unit: m2, evidence: ["a<img src=x onerror=alert(1)>.pdf", '
        '"https://example.org/a?b=<c>"],',
    )
    (lib / "library.yaml").write_text(text, encoding="utf-8")
    page = _render(lib, "self", "html", "zh")
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    html5lib.HTMLParser(strict=True).parse(page)
    md = _render(lib, "self", "md", "zh")
    assert "<script>" not in md and "<img" not in md
    assert md.splitlines()[0] == "# &lt;script&gt;alert(1)&lt;/script&gt; \\| x · 评估定级自评报告"


@pytest.mark.parametrize(
    ("ref", "href"),
    [
        ("https://example.org/x.pdf", "https://example.org/x.pdf"),
        ("records/台账.pdf", "records/台账.pdf"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>", None),
        ("file:///etc/passwd", None),
        ("/etc/passwd", None),
        ("../secret.pdf", None),
        ("a/../../b", None),
        ("\\\\server\\share", None),
        ("vbscript:x", None),
        # written the Windows way: the same file, linked with /
        ("records\\building.pdf", "records/building.pdf"),
        (".\\records\\台账 2016.pdf", "records/台账 2016.pdf"),
        ("..\\secret.pdf", None),
        ("records\\..\\..\\secret.pdf", None),
        ("C:\\x.pdf", None),
        ("C:x.pdf", None),
        ("\\x.pdf", None),
        ("records\bmap.pdf", None),  # "records\bmap.pdf" in double quotes: a backspace
    ],
)
def test_safe_href(ref: str, href: str | None) -> None:
    assert safe_href(ref) == href


def test_url_escape() -> None:
    assert url_escape("a<img src=x>(1).pdf") == "a%3Cimg%20src=x%3E%281%29.pdf"
    assert url_escape("https://example.org/a?b=1&c=%20") == "https://example.org/a?b=1&c=%20"
    assert url_escape('x" onclick="y') == "x%22%20onclick=%22y"


def test_md_escape() -> None:
    assert md_escape("a|b\nc <b>d</b> *e* [f](g)") == "a\\|b c &lt;b&gt;d&lt;/b&gt; \\*e\\* \\[f\\](g)"
    assert md_escape(None) == ""


def test_user_template_and_its_errors(tmp_path: Path) -> None:
    folder = load_library(EXAMPLE)
    a, _ = folder.assessments["self"]
    ctx = build_context(score(folder.standard, folder.library, a, "self"), "en")
    mine = tmp_path / "mine.md.j2"
    mine.write_text("{{ library.name | md }}: {{ total }} ({{ grade }})\n", encoding="utf-8")
    assert render(ctx, "md", mine) == "Jinghe County Library: 832 (Grade 3)\n"
    broken = tmp_path / "broken.md.j2"
    broken.write_text("line one\n{% for x in %}\n", encoding="utf-8")
    with pytest.raises(LibevalError) as err:
        render(ctx, "md", broken)
    (p,) = err.value.problems
    assert (p.file, p.line, p.code) == (str(broken), 2, "template-syntax")
    typo = tmp_path / "typo.md.j2"
    typo.write_text("{{ totl }}\n", encoding="utf-8")
    with pytest.raises(LibevalError) as err:
        render(ctx, "md", typo)
    assert err.value.problems[0].code == "template-error" and "totl" in err.value.problems[0].message()


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


BROWSER_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.mark.skipif(
    _chromium() is None and os.environ.get("LIBEVAL_REQUIRE_BROWSER") != "1",
    reason="headless Chromium is not installed here (Debian package `chromium`; .ci/run installs it)",
)
def test_real_browser_renders_the_report(tmp_path: Path) -> None:
    exe = _chromium()
    assert exe is not None, "LIBEVAL_REQUIRE_BROWSER=1 but no Chromium found"
    page = tmp_path / "report.html"
    page.write_text(_render(EXAMPLE, "prefecture", "html", "zh"), encoding="utf-8")
    flags = [*BROWSER_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(
        [exe, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120, check=False
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert 'id="total">775.3' in dom.stdout
    shot = tmp_path / "shot.png"
    proc = subprocess.run(
        [exe, *flags, "--window-size=1000,1400", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0 and shot.is_file(), proc.stderr[-2000:]
    assert _non_blank(shot.read_bytes())


def _non_blank(png: bytes) -> bool:
    """A PNG screenshot that is not one flat colour: decode it with the standard library."""
    import struct
    import zlib

    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos : pos + 8])
        body = png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, _, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    channels = {2: 3, 6: 4}.get(ctype, 3)
    stride = width * channels + 1
    colours = {
        raw[r * stride + 1 + c * channels : r * stride + 1 + (c + 1) * channels]
        for r in range(0, height, max(1, height // 60))
        for c in range(0, width, max(1, width // 60))
    }
    return len(colours) > 3
