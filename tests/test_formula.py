from __future__ import annotations

from decimal import Decimal

import pytest

from libeval.scoring.formula import FormulaError, MissingValue, ZeroDivision, evaluate, names, parse

D = Decimal
VALUES = {"a": D(6), "b": D(3), "population": D(140000)}
SERIES = {"loans": {2013: D(100), 2014: D(200), 2015: D(300)}}


def scalar(name: str) -> Decimal:
    if name in VALUES:
        return VALUES[name]
    if name in SERIES:
        return sum(SERIES[name].values(), D(0)) / len(SERIES[name])
    raise MissingValue(name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a + b * 2", D(12)),
        ("(a + b) * 2", D(18)),
        ("-a + 10", D(4)),
        ("a / b", D(2)),
        ("1 / 3 * 3", D("0.9999999999999999999999999999999999")),
        ("mean(loans)", D(200)),
        ("sum(loans)", D(600)),
        ("latest(loans)", D(300)),
        ("first(loans)", D(100)),
        ("growth(loans)", D(2)),
        ("max(a, b, 10)", D(10)),
        ("min(a, b)", D(3)),
        ("loans / population", D("0.001428571428571428571428571428571429")),
        ("0.1 + 0.2", D("0.3")),
    ],
)
def test_evaluate(text: str, expected: Decimal) -> None:
    assert evaluate(parse(text), scalar, SERIES) == expected


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("a ** 2", 3),
        ("a.b", 1),
        ("__import__('os')", 0),
        ("foo(a)", 0),
        ("(a", 2),
        ("", 0),
        ("a b", 2),
        ("a +", 3),
        ("1e5", 1),
    ],
)
def test_syntax_errors_are_located(text: str, offset: int) -> None:
    with pytest.raises(FormulaError) as err:
        parse(text)
    assert err.value.offset == offset


def test_names() -> None:
    assert names(parse("mean(loans) / population + a")) == {"loans", "population", "a"}


def test_division_by_zero_and_missing() -> None:
    with pytest.raises(ZeroDivision):
        evaluate(parse("a / (b - 3)"), scalar, SERIES)
    with pytest.raises(MissingValue):
        evaluate(parse("nothing + 1"), scalar, SERIES)


def test_long_and_deep_formulas_are_refused() -> None:
    with pytest.raises(FormulaError):
        parse("a + " * 200 + "a")
    with pytest.raises(FormulaError):
        parse("(" * 60 + "a" + ")" * 60)
