"""Hostile inputs, made on demand: shared by the tests (which assert that libeval refuses them
with bounded work) and by `benchmarks/run.py --hostile` (which times the refusal).

Nothing here imports libeval; every generator returns or writes plain YAML bytes.
"""

from __future__ import annotations

from pathlib import Path

BIG_BYTES = 50 * 1024 * 1024  # ten times the loader's MAX_BYTES
DEEP_LEVELS = 100_000  # the loader stops at 64
WIDE_VALUES = 600_000  # the loader stops at 100,000
BOMB_LEVELS = 12  # 9**12 values once expanded


def append_big_comment(path: Path, size: int = BIG_BYTES) -> None:
    """Make a YAML file `size` bytes bigger with one comment line (it stays valid YAML). Written a
    megabyte at a time: the writer's own memory stays small (a process started later from it
    would be charged its peak, see benchmarks/run.py)."""
    chunk = b"x" * (1024 * 1024)
    with path.open("ab") as fh:
        fh.write(b"# ")
        for _ in range(size // len(chunk)):
            fh.write(chunk)
        fh.write(b"x" * (size % len(chunk)) + b"\n")


def alias_bomb(levels: int = BOMB_LEVELS) -> bytes:
    """`a0` holds nine values and every `a<i>` nine aliases of `a<i-1>`: 9**levels once expanded,
    about 50 bytes per level on disk."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return ("\n".join(lines) + "\n").encode()


def deep(levels: int = DEEP_LEVELS) -> bytes:
    """One value nested in `levels` flow sequences."""
    return b"a: " + b"[" * levels + b"]" * levels + b"\n"


def wide(values: int = WIDE_VALUES) -> bytes:
    """One flow sequence of `values` numbers (not made with bytes.join, which would take 80 bytes
    of bookkeeping per value)."""
    return b"a: [" + b"1, " * (values - 1) + b"1]\n"
