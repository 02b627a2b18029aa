"""The output formats of each command: the choices of `--format`. Kept apart from the renderers
so that the command line can offer them without importing any of them."""

from __future__ import annotations

import enum


class ScoreFormat(enum.StrEnum):
    """One library's result."""

    table = "table"
    json = "json"
    md = "md"
    html = "html"
    xlsx = "xlsx"
    github = "github"


class BatchFormat(enum.StrEnum):
    """The summary of a folder of libraries."""

    table = "table"
    json = "json"
    csv = "csv"
    md = "md"
    html = "html"
    github = "github"


class ScoreOutput(enum.StrEnum):
    """`score --format`: a library's formats (present.formats.ScoreFormat) and a batch's
    (BatchFormat) in one option; which applies depends on PATH."""

    table = "table"
    json = "json"
    md = "md"
    html = "html"
    csv = "csv"
    github = "github"
    xlsx = "xlsx"


class CsvEncoding(enum.StrEnum):
    """`--encoding` of a CSV: UTF-8 after a byte order mark (Excel on Chinese Windows reads it
    right), or GBK, the code page of Chinese Windows."""

    utf_8 = "utf-8"
    gbk = "gbk"


class ReportFormat(enum.StrEnum):
    """Each library's own report, written beside a batch."""

    md = "md"
    html = "html"


class DiffFormat(enum.StrEnum):
    table = "table"
    json = "json"
    md = "md"
    html = "html"
    xlsx = "xlsx"


class PlanFormat(enum.StrEnum):
    table = "table"
    json = "json"
    md = "md"


class CheckFormat(enum.StrEnum):
    text = "text"
    json = "json"
    github = "github"


class CriteriaDiffFormat(enum.StrEnum):
    """What changed between two standards."""

    table = "table"
    json = "json"
    md = "md"


class RescoreFormat(enum.StrEnum):
    """One assessment scored under two standards (`diff LIB --criteria OTHER`)."""

    table = "table"
    json = "json"
    md = "md"
