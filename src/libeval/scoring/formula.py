"""A small, safe arithmetic language for derived values.

    formula  := sum
    sum      := product (("+" | "-") product)*
    product  := unary (("*" | "/") unary)*
    unary    := "-" unary | atom
    atom     := number | name | name "(" sum ("," sum)* ")" | "(" sum ")"

Names are fact ids or derived ids. A per-year fact written bare stands for its aggregate
(as the fact catalogue says, e.g. the yearly mean); inside a function it is the series.
Functions: mean, sum, min, max, latest, first, growth (latest over first, minus 1).
Evaluation uses exact decimals. There is no power operator, no attribute access and no
`eval`: the parser builds a tuple tree and `evaluate` walks it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext

FUNCTIONS = ("mean", "sum", "min", "max", "latest", "first", "growth")
MAX_LENGTH = 500

_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<name>[a-z][a-z0-9_]*)|(?P<op>[-+*/(),]))")

Series = dict[int, Decimal]


class FormulaError(Exception):
    def __init__(self, message: str, offset: int = 0, function: str | None = None) -> None:
        super().__init__(message)
        self.offset = offset
        self.function = function  # set when the problem is an unknown function


class MissingValue(Exception):
    """A name the formula needs has no value (a fact not given)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class ZeroDivision(Exception):
    pass


@dataclass(frozen=True)
class Num:
    value: Decimal


@dataclass(frozen=True)
class Name:
    name: str
    offset: int


@dataclass(frozen=True)
class Neg:
    arg: Expr


@dataclass(frozen=True)
class BinOp:
    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True)
class Call:
    func: str
    args: tuple[Expr, ...]
    offset: int


Expr = Num | Name | Neg | BinOp | Call


def _tokens(text: str) -> list[tuple[str, str, int]]:
    if len(text) > MAX_LENGTH:
        raise FormulaError(f"longer than {MAX_LENGTH} characters")
    out: list[tuple[str, str, int]] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            if text[pos:].strip() == "":
                break
            bad = text[pos:].lstrip()[:1]
            raise FormulaError(f"unexpected character {bad!r}", len(text) - len(text[pos:].lstrip()))
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind), m.start(kind)))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokens(text)
        self.i = 0
        self.depth = 0

    def peek(self) -> tuple[str, str, int]:
        return self.toks[self.i] if self.i < len(self.toks) else ("end", "", len(self.text))

    def take(self, value: str) -> None:
        kind, tok, pos = self.peek()
        if tok != value or kind != "op":
            found = "the end" if kind == "end" else repr(tok)
            raise FormulaError(f"expected {value!r}, found {found}", pos)
        self.i += 1

    def parse(self) -> Expr:
        expr = self.sum()
        kind, tok, pos = self.peek()
        if kind != "end":
            raise FormulaError(f"unexpected {tok!r}", pos)
        return expr

    def sum(self) -> Expr:
        self.depth += 1
        if self.depth > 50:
            raise FormulaError("nested too deeply", self.peek()[2])
        left = self.product()
        while self.peek()[1] in ("+", "-") and self.peek()[0] == "op":
            op = self.peek()[1]
            self.i += 1
            left = BinOp(op, left, self.product())
        self.depth -= 1
        return left

    def product(self) -> Expr:
        left = self.unary()
        while self.peek()[1] in ("*", "/") and self.peek()[0] == "op":
            op = self.peek()[1]
            self.i += 1
            left = BinOp(op, left, self.unary())
        return left

    def unary(self) -> Expr:
        if self.peek()[0:2] == ("op", "-"):
            self.i += 1
            return Neg(self.unary())
        return self.atom()

    def atom(self) -> Expr:
        kind, tok, pos = self.peek()
        if kind == "num":
            self.i += 1
            return Num(Decimal(tok))
        if kind == "name":
            self.i += 1
            if self.peek()[0:2] == ("op", "("):
                if tok not in FUNCTIONS:
                    raise FormulaError(f"unknown function {tok!r} (known: {', '.join(FUNCTIONS)})", pos, tok)
                self.i += 1
                args = [self.sum()]
                while self.peek()[0:2] == ("op", ","):
                    self.i += 1
                    args.append(self.sum())
                self.take(")")
                return Call(tok, tuple(args), pos)
            return Name(tok, pos)
        if (kind, tok) == ("op", "("):
            self.i += 1
            inner = self.sum()
            self.take(")")
            return inner
        raise FormulaError("expected a number, a name or '('" + ("" if kind == "end" else f", found {tok!r}"), pos)


def parse(text: str) -> Expr:
    """Parse a formula; raises FormulaError with the character offset of the problem."""
    return _Parser(text).parse()


def names(expr: Expr) -> set[str]:
    if isinstance(expr, Name):
        return {expr.name}
    if isinstance(expr, Neg):
        return names(expr.arg)
    if isinstance(expr, BinOp):
        return names(expr.left) | names(expr.right)
    if isinstance(expr, Call):
        return set().union(*(names(a) for a in expr.args))
    return set()


def _aggregate(func: str, series: Series) -> Decimal:
    if not series:
        raise MissingValue("")
    years = sorted(series)
    vals = [series[y] for y in years]
    if func == "mean":
        return sum(vals, Decimal(0)) / len(vals)
    if func == "sum":
        return sum(vals, Decimal(0))
    if func == "min":
        return min(vals)
    if func == "max":
        return max(vals)
    if func == "latest":
        return vals[-1]
    if func == "first":
        return vals[0]
    if func == "growth":
        if vals[0] == 0:
            raise ZeroDivision
        return vals[-1] / vals[0] - 1
    raise FormulaError(f"unknown function {func!r}")  # pragma: no cover - the parser rejects it


def evaluate(expr: Expr, scalar: Callable[[str], Decimal], series: Mapping[str, Series]) -> Decimal:
    """Evaluate with exact decimals. `scalar(name)` gives a name's value (raising MissingValue);
    `series` holds the per-year facts, for functions applied to a bare name."""
    with localcontext() as ctx:
        ctx.prec = 34
        ctx.traps[DivisionByZero] = True
        ctx.traps[InvalidOperation] = True
        try:
            return _eval(expr, scalar, series)
        except (DivisionByZero, InvalidOperation):
            raise ZeroDivision from None


def _eval(expr: Expr, scalar: Callable[[str], Decimal], series: Mapping[str, Series]) -> Decimal:
    if isinstance(expr, Num):
        return expr.value
    if isinstance(expr, Name):
        return scalar(expr.name)
    if isinstance(expr, Neg):
        return -_eval(expr.arg, scalar, series)
    if isinstance(expr, BinOp):
        left, right = _eval(expr.left, scalar, series), _eval(expr.right, scalar, series)
        if expr.op == "+":
            return left + right
        if expr.op == "-":
            return left - right
        if expr.op == "*":
            return left * right
        if right == 0:
            raise ZeroDivision
        return left / right
    # a call: one bare per-year name is a series; otherwise min/max/sum/mean over the arguments
    if len(expr.args) == 1 and isinstance(expr.args[0], Name) and expr.args[0].name in series:
        name = expr.args[0].name
        if not series[name]:
            raise MissingValue(name)
        return _aggregate(expr.func, series[name])
    values = {i: _eval(a, scalar, series) for i, a in enumerate(expr.args)}
    return _aggregate(expr.func, values)
