"""The command line's texts in the chosen language: the help texts of text/help.py filled in, the
help laid out in terminal columns (a Chinese character takes two), typer's own texts (headings,
usage errors) in Chinese. With cli.py, the only module that imports typer (and the click it
carries, `typer._click`).

The language is chosen once per run, before the arguments are read: `--lang zh|en` anywhere on the
command line, else `LIBEVAL_LANG`, else the system's language (Windows' display language, elsewhere
`LANG=zh_CN.UTF-8`); see `text.help.startup_lang` and `text.language`.
"""

from __future__ import annotations

import gettext
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import typer.core
from typer import _click
from typer._click import exceptions as errors
from typer.models import CommandFunctionType

from libeval.text.click_messages import OPTION_REPEATED_EN, USAGE_ZH, tidy, translate
from libeval.text.help import HELP, METAVARS, startup_lang
from libeval.text.width import columns, pad, wrap
from libeval.text.words import TYPE_ERRORS


class _Formatter(_click.formatting.HelpFormatter):
    """typer's help layout, measured in terminal columns; headings, usage and defaults in Chinese
    when `chinese`."""

    chinese = False

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}{'：' if self.chinese else ':'}\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, USAGE_ZH["usage"] if self.chinese else prefix)

    def write_text(self, text: str) -> None:
        if columns(text) == len(text):
            return super().write_text(text)
        for line in wrap(text, self.width - self.current_indent):
            self.write(f"{'':>{self.current_indent}}{line}\n")
        return None

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [self._row(term, text) for term, text in rows]
        if not self.chinese and all(columns(a + b) == len(a + b) for a, b in rows):
            return super().write_dl(rows, col_max, col_spacing)
        first = min(max(columns(term) for term, _ in rows), col_max) + col_spacing
        margin = " " * (self.current_indent + first)
        for term, text in rows:
            lines = wrap(text, max(self.width - first - 2, 10)) if text else [""]
            head = pad(term, first) if columns(term) <= first - col_spacing else f"{term}\n{margin}"
            self.write(f"{'':>{self.current_indent}}{head}{lines[0]}".rstrip() + "\n")
            self.write("".join(f"{margin}{line}\n" for line in lines[1:]))
        return None

    def _row(self, term: str, text: str) -> tuple[str, str]:
        if not self.chinese:
            return term, text
        # an argument named in Chinese shows no English type (<path>); [默认：self] reads （默认：self）
        term = re.sub(r"^(\S*[^\x00-\x7f]\S*) <[^|>]*>$", r"\1", term)
        text = re.sub(r"\bx>=(\d+)", r"≥\1", translate(text))
        return term, re.sub(r"\s*\[(.*)\]$", r"（\1）", text)


class _ChineseFormatter(_Formatter):
    chinese = True


class _Context(_click.core.Context):
    formatter_class = _Formatter


class _ChineseContext(_click.core.Context):
    formatter_class = _ChineseFormatter


def localize(cmd: _click.core.Command, lang: str, path: str = "") -> None:
    """Every help text of `cmd` and its sub-commands in `lang` (text/help.py)."""
    zh = lang == "zh"
    typer.core._ = translate if zh else gettext.gettext  # type: ignore[attr-defined]
    cmd.context_class = _ChineseContext if zh else _Context
    cmd.help = HELP[path].get(lang)
    cmd.short_help = re.split("[。：]", cmd.help)[0] if zh else None
    cmd.options_metavar = USAGE_ZH["options"] if zh else "[OPTIONS]"
    for param in cmd.params:
        key = f"{path} {param.opts[0] if isinstance(param, typer.core.TyperOption) else param.name}".strip()
        param.metavar = METAVARS.get(key) if zh else None
        if isinstance(param, typer.core.TyperOption | typer.core.TyperArgument):
            param.help = HELP[key].get(lang)
    if isinstance(cmd, typer.core.TyperGroup):
        cmd.subcommand_metavar = USAGE_ZH["subcommand"] if zh else "COMMAND [ARGS]..."
        for name, sub in cmd.commands.items():
            localize(sub, lang, f"{path} {name}".strip())


def _hint(exc: errors.BadParameter) -> str:
    if exc.param_hint is not None:
        hint = exc.param_hint
        return repr(hint) if isinstance(hint, str) else " / ".join(repr(h) for h in hint)
    return exc.param.get_error_hint() if exc.param is not None else ""


def _reason(exc: errors.BadParameter) -> str:
    """Why a value is refused, from the pydantic error typer raised it with (or our own text)."""
    found = getattr(exc.__cause__, "errors", None)
    if found is None:
        return exc.message
    error = found(include_url=False)[0]
    choice = re.fullmatch(r"Value error, ('.*') is not one of (.*)\.", error["msg"])
    if choice:
        return USAGE_ZH["not-one-of"].format(value=choice[1], choices=choice[2])
    if error["type"] in TYPE_ERRORS:
        return TYPE_ERRORS[error["type"]].format(**(error.get("ctx") or {})).zh
    return exc.message


_GENERIC = (
    (r"Got unexpected extra argument\(s\) \((.*)\)", "extra-arguments", "args"),
    (r"No such command ('.*')\.(?: Did you mean (.*)\?)?", "no-such-command", "name"),
    (r"Missing command\.", "missing-command", ""),
)


def chinese_usage_error(exc: errors.UsageError) -> str:
    """A usage error in Chinese: written again from what the exception holds."""
    z = USAGE_ZH
    if isinstance(exc, errors.MissingParameter):
        param = exc.param
        kind = exc.param_type or (param.param_type_name if param is not None else "argument")
        text = z["missing-option" if kind == "option" else "missing-argument"].format(name=_hint(exc))
        desc = getattr(param, "type_descriptor", None)
        if desc is not None and desc.is_choice and desc.choices:
            text += z["choose-from"].format(choices="、".join(str(getattr(c, "value", c)) for c in desc.choices))
    elif isinstance(exc, errors.BadParameter):
        text = z["bad-value"].format(name=_hint(exc), reason=_reason(exc))
    elif isinstance(exc, errors.NoSuchOption):
        text = z["no-such-option"].format(name=repr(exc.option_name))
        if exc.possibilities:
            text += z["did-you-mean"].format(names=" / ".join(repr(p) for p in sorted(exc.possibilities)))
    elif isinstance(exc, RepeatedOption):
        text = z["option-repeated"].format(name=exc.option_name)
    elif isinstance(exc, errors.BadOptionUsage):
        key = "option-takes-no-value" if "does not take" in exc.message else "option-needs-value"
        text = z[key].format(name=repr(exc.option_name))
    else:
        text = exc.format_message()
        for pattern, key, arg in _GENERIC:
            found = re.fullmatch(pattern, text)
            if found:
                text = z[key].format(**({arg: found[1]} if arg else {}))
                if found.lastindex == 2 and found[2]:
                    text += z["did-you-mean"].format(names=found[2])
                break
    return tidy(text)


class RepeatedOption(errors.BadOptionUsage):
    """A single-value option given twice (`--to a --to b`): a usage error, not the last one silently."""

    def __init__(self, names: Sequence[str], ctx: _click.core.Context) -> None:
        written = " / ".join(repr(n) for n in names)  # '--assessment' / '-a'
        super().__init__(written, OPTION_REPEATED_EN.format(name=written), ctx)


class _OnceParser(_click.parser._OptionParser):
    """The option parser of every libeval command: an option that takes one value (not a flag,
    not meant to repeat) may be given once."""

    def parse_args(self, args: list[str]) -> tuple[dict[str, Any], list[str], list[Any]]:
        opts, rest, order = super().parse_args(args)
        seen: set[str] = set()
        for param in order:
            if not isinstance(param, typer.core.TyperOption) or param.multiple or param.count or param.is_flag:
                continue
            if param.name in seen and not self.ctx.resilient_parsing:  # type: ignore[union-attr]
                raise RepeatedOption(param.opts, self.ctx)  # type: ignore[arg-type]
            seen.add(str(param.name))
        return opts, rest, order


class OnceOnly(_click.core.Command):
    """Refuses a single-value option given twice: mixed into every command and group of libeval
    (LibevalTyper gives it to every command registered with `app.command()`)."""

    def make_parser(self, ctx: _click.core.Context) -> _click.parser._OptionParser:
        parser = _OnceParser(ctx)
        for param in self.get_params(ctx):
            param.add_to_parser(parser, ctx)
        return parser


class LibevalCommand(OnceOnly, typer.core.TyperCommand):
    """A command of libeval."""


class SubGroup(OnceOnly, typer.core.TyperGroup):
    """A group of commands under libeval (`libeval criteria`)."""


class LibevalTyper(typer.Typer):
    """typer.Typer whose commands refuse a single-value option given twice."""

    def command(
        self, name: str | None = None, *, cls: type[typer.core.TyperCommand] | None = None, **kw: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        return super().command(name, cls=cls or LibevalCommand, **kw)


class LibevalGroup(OnceOnly, typer.core.TyperGroup):
    """libeval itself: picks the language before the arguments are read; in Chinese, writes usage
    errors itself (typer's are English)."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        lang = startup_lang(argv)
        localize(self, lang)
        run = (argv, prog_name, complete_var)
        if lang == "en" or not standalone_mode:
            return super().main(*run, standalone_mode, windows_expand_args, **extra)
        try:
            code = super().main(*run, False, windows_expand_args, **extra)
        except errors.NoArgsIsHelpError as exc:
            exc.show()
            code = exc.exit_code
        except errors.UsageError as exc:
            if exc.ctx is not None:
                hint = USAGE_ZH["try"].format(command=exc.ctx.command_path)
                _click.echo(f"{exc.ctx.get_usage()}\n{hint}\n", err=True)
            _click.echo(USAGE_ZH["error"].format(message=chinese_usage_error(exc)), err=True)
            code = exc.exit_code
        except errors.ClickException as exc:
            exc.show()
            code = 1
        except typer.Abort:
            _click.echo(translate("Aborted!"), err=True)
            code = 1
        sys.exit(code if isinstance(code, int) else 0)
