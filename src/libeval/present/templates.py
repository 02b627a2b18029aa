"""Reports through Jinja2: render(context, fmt) -> str. The CLI writes the string.

HTML is rendered with autoescaping switched on explicitly (select_autoescape() would not
escape `*.html.j2`), Markdown with a filter that escapes what would break a table or inject
HTML. Undefined names are errors (StrictUndefined), so a template typo never prints blank.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

import jinja2

from libeval.errors import LibevalError, problem
from libeval.resources import templates_dir
from libeval.text.safe import strip_controls

Format = Literal["md", "html"]
TEMPLATES: dict[Format, str] = {"md": "report.md.j2", "html": "report.html.j2"}

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def md_escape(value: Any) -> str:
    """Text safe inside a GitHub-flavoured Markdown table cell: no pipes, newlines, HTML, links,
    images, control or bidi characters. Only ASCII markup characters are escaped: Chinese
    punctuation stays as it is."""
    text = strip_controls("" if value is None else str(value))
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"\s*\n\s*", " ", text).strip()


_MD_OPEN = re.compile(r"(?<!\\)([\[\]])")


def md_final(value: Any) -> Any:
    """What every `{{ … }}` of a Markdown template prints, filtered or not: no control or bidi
    characters, no line break, no `<` (raw HTML) and no bare `[` or `]` (link and image syntax). It leaves the
    output of the `md` filter as it is (run twice, it changes nothing), so a value a template
    forgot to filter is still inert."""
    if not isinstance(value, str):
        return value
    text = re.sub(r"\s*\n\s*", " ", strip_controls(value))  # a line of its own could be a workflow command
    return _MD_OPEN.sub(r"\\\1", text.replace("<", "&lt;"))


def md_line(line: str) -> str:
    """A line of indented plain text as Markdown: indented lines become (nested) list items."""
    indent = len(line) - len(line.lstrip(" "))
    text = md_escape(line.strip())
    if indent == 0:
        return text + "  "  # a hard line break keeps the lines apart
    return "  " * max(0, indent // 2 - 1) + "- " + text


def url_escape(href: str) -> str:
    """Percent-encode a (already vetted, see report.safe_href) link for href="" or a Markdown
    link: nothing that can close the attribute, the link, or open a tag survives."""
    return quote(href, safe=":/?#@!$&*+,;=%-._~")


@functools.lru_cache(maxsize=8)
def _env(fmt: Format, extra: Path | None) -> jinja2.Environment:
    """One environment per format and template folder: templates compile once per process."""
    paths = [str(extra)] if extra else []
    paths.append(str(templates_dir()))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths),
        # Markdown is not HTML: its values are escaped by the `md` filter instead.
        autoescape=(fmt == "html"),  # noqa: S701
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=md_final if fmt == "md" else None,
    )
    env.filters["md"] = md_escape
    env.filters["url"] = url_escape
    env.filters["md_line"] = md_line
    env.filters["pct"] = lambda v: f"{v:.1f}%"
    env.filters["num"] = lambda v, digits=1: f"{v:.{digits}f}"
    return env


class _Attrs(dict[str, Any]):
    """A dict whose keys templates read as attributes without Jinja's failed-getattr detour
    (Jinja tries getattr first; on a plain dict that raises and is caught, once per lookup)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def _attrs(value: Any) -> Any:
    if isinstance(value, dict):
        return _Attrs({k: _attrs(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_attrs(v) for v in value]
    return value


def render(context: dict[str, Any], fmt: Format, template: Path | None = None, name: str | None = None) -> str:
    """Render a report (or the bundled template `name`); a user template may extend or include
    the bundled ones."""
    env = _env(fmt, template.parent if template else None)
    name = template.name if template else name or TEMPLATES[fmt]
    shown = str(template) if template else name
    try:
        return env.get_template(name).render(**{k: _attrs(v) for k, v in context.items()})
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or shown
        raise LibevalError(
            [
                problem(
                    where if template is None else shown,
                    (exc.lineno, 1),
                    "template-syntax",
                    detail=exc.message or str(exc),
                )
            ]
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise LibevalError([problem(shown, None, "template-syntax", detail=f"not found: {exc.name}")]) from None
    except (jinja2.TemplateError, ArithmeticError, LookupError, AttributeError, TypeError, ValueError) as exc:
        raise LibevalError([problem(shown, None, "template-error", detail=str(exc))]) from None
