"""The report and the plan against the plain score, in one run (issue 17, item 8).

    python benchmarks/run.py --plan [--repeat 11] [--before REV]

Whole processes, taken in turns (round after round of every command, so a busier machine moves
every figure alike), medians: the HTML and Markdown reports and `plan` of the worked example
against its plain `score`, `plan` of a library that gives only the published facts
(tests/data/west-published) against its plain `score`, and `score` and `plan` of the worked
example read against the bundled standard 1 to 4 times over (generate_standard.py --times).
How the plan grows with the standard is also timed in-process, where start-up does not hide
it: in every round, one process per tree loads the library and calls `plan()` 3 times; the
fastest call of all rounds is kept (the work itself, without what other work on the machine
added). With `--before REV` the same commands run with the code of that git revision too, in
the same rounds.

Writes its own section of RESULTS.md and leaves the rest as it is.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate_standard import write_times
from run import LIBEVAL, PY, checkout, machine, replace_section, run_once

TITLE = "## Reports and plan against the plain score"
TIMES = (1, 2, 3, 4)
EXAMPLE = "examples/jinghe-2017"
SPARSE = "tests/data/west-published"
INPROCESS = """
import sys, time
from pathlib import Path
from libeval.analysis.plan import plan
from libeval.load.folders import load_library
folder = load_library(Path(sys.argv[1]))
best = float("inf")
for _ in range(3):
    start = time.perf_counter()
    plan(folder.standard, folder.library, folder.assessment("self"))
    best = min(best, time.perf_counter() - start)
print(best, len(folder.standard.leaves))
"""


def commands(trees: dict[int, str]) -> dict[str, list[str]]:
    """The commands of one round, by key (their arguments after `libeval`)."""
    out = {
        "score": ["score", EXAMPLE, "-a", "prefecture"],
        "html": ["score", EXAMPLE, "-a", "prefecture", "--format", "html", "-o", "/dev/null"],
        "md": ["score", EXAMPLE, "-a", "prefecture", "--format", "md", "-o", "/dev/null"],
        "score_self": ["score", EXAMPLE],
        "plan": ["plan", EXAMPLE],
        "score_sparse": ["score", SPARSE],
        "plan_sparse": ["plan", SPARSE],
    }
    for k, lib in trees.items():
        out[f"score_x{k}"] = ["score", lib]
        out[f"plan_x{k}"] = ["plan", lib]
    return out


NAMES = {
    "score": f"libeval score {EXAMPLE} -a prefecture",
    "html": "… --format html -o /dev/null",
    "md": "… --format md -o /dev/null",
    "score_self": f"libeval score {EXAMPLE}",
    "plan": f"libeval plan {EXAMPLE}",
    "score_sparse": f"libeval score {SPARSE}",
    "plan_sparse": f"libeval plan {SPARSE}",
}
BEFORE = ("html", "md", "plan", "plan_sparse", *(f"plan_x{k}" for k in TIMES))  # what the old code runs too


def old_command(src: Path, args: list[str]) -> list[str]:
    """libeval from another source tree (its src/ first on the path)."""
    boot = f"import sys; sys.path.insert(0, {str(src)!r}); from libeval.cli import main; sys.argv[0] = 'libeval'"
    boot += "; main()"
    return [PY, "-c", boot, *args]


def in_process(src: Path | None, lib: str) -> tuple[float, int]:
    """(fastest plan() in seconds, indicators) for a library, with the code of `src` or ours."""
    boot = f"import sys; sys.path.insert(0, {str(src)!r})\n" if src else ""
    out = subprocess.run([PY, "-c", boot + INPROCESS, lib], check=True, capture_output=True, text=True).stdout
    seconds, leaves = out.split()
    return float(seconds), int(leaves)


def main(out: Path, repeat: int, before: str | None) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="libeval-bench-"))
    try:
        trees = {k: str(write_times(tmp / f"x{k}", k)) for k in TIMES}
        old_src = checkout(before, tmp / "before") if before else None
        runs = {key: [LIBEVAL, *args] for key, args in commands(trees).items()}
        if old_src is not None:
            runs.update({f"old_{key}": old_command(old_src, commands(trees)[key]) for key in BEFORE})
        times: dict[str, list[float]] = {key: [] for key in runs}
        inproc: dict[int, tuple[float, int]] = {}
        old_inproc: dict[int, tuple[float, int]] = {}
        for n in range(repeat):
            for key, cmd in runs.items():
                times[key].append(run_once(cmd)[0])
            for src, kept in ((None, inproc), *(((old_src, old_inproc),) if old_src else ())):
                for k, lib in trees.items():
                    seconds, leaves = in_process(src, lib)
                    kept[k] = (min(seconds, kept.get(k, (seconds, 0))[0]), leaves)
            print(f"round {n + 1} of {repeat}", flush=True)
        median = {key: statistics.median(t) for key, t in times.items()}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    write(out, median, inproc, old_inproc, repeat, before)


def _ratios(m: dict[str, float], inproc: dict[int, tuple[float, int]], prefix: str = "") -> list[float]:
    """HTML / score, Markdown / score, plan / score (the worked example, published facts only,
    the bundled standard 4×), and plan() per indicator in-process at 4× over 1×."""
    p = prefix
    first, last = TIMES[0], TIMES[-1]
    return [
        m[f"{p}html"] / m["score"],
        m[f"{p}md"] / m["score"],
        m[f"{p}plan"] / m["score_self"],
        m[f"{p}plan_sparse"] / m["score_sparse"],
        m[f"{p}plan_x{last}"] / m[f"score_x{last}"],
        (inproc[last][0] / inproc[last][1]) / (inproc[first][0] / inproc[first][1]),
    ]


def write(
    out: Path,
    m: dict[str, float],
    inproc: dict[int, tuple[float, int]],
    old_inproc: dict[int, tuple[float, int]],
    repeat: int,
    before: str | None,
) -> None:
    head = "| command | seconds |" + (f" at `{before}` |" if before else "")
    rule = "|---|--:|" + ("--:|" if before else "")

    def row(key: str, name: str) -> str:
        old = f" {m[f'old_{key}']:.3f} |" if before and f"old_{key}" in m else (" |" if before else "")
        return f"| {name} | {m[key]:.3f} |{old}"

    rows = [row(key, name) for key, name in NAMES.items()]
    for k in TIMES:
        n = inproc[k][1]
        rows.append(row(f"score_x{k}", f"libeval score, the bundled standard {k}× ({n} indicators)"))
        rows.append(row(f"plan_x{k}", f"libeval plan, the bundled standard {k}× ({n} indicators)"))
    labels = [
        ("HTML report / plain score", "≤ 1.5"),
        ("Markdown report / plain score", "≤ 1.5"),
        ("plan / plain score, the worked example", "≤ 1.5"),
        ("plan / plain score, published facts only", "≤ 1.5"),
        (f"plan / plain score, the bundled standard {TIMES[-1]}×", "≤ 1.5"),
        (f"plan() per indicator, {TIMES[-1]}× / {TIMES[0]}× (in-process)", "≤ 1.2"),
    ]
    now = _ratios(m, inproc)
    old = _ratios(m, old_inproc, "old_") if before else []
    ratio_head = "| ratio | measured | target |" + (f" at `{before}` |" if before else "")
    ratio_rule = "|---|--:|---|" + ("--:|" if before else "")
    ratio_rows = [
        f"| {name} | {v:.2f} | {target} |" + (f" {old[i]:.2f} |" if before else "")
        for i, ((name, target), v) in enumerate(zip(labels, now, strict=True))
    ]
    grow = [
        f"| {k}× | {inproc[k][1]} | {inproc[k][0] * 1000:.1f} | {inproc[k][0] / inproc[k][1] * 1e6:.0f} |"
        + (f" {old_inproc[k][0] * 1000:.1f} | {old_inproc[k][0] / old_inproc[k][1] * 1e6:.0f} |" if before else "")
        for k in TIMES
    ]
    lines = [
        TITLE,
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M %Z')} by `python benchmarks/run.py --plan"
        f"{f' --before {before}' if before else ''}` on: {machine()}.",
        "",
        f"Whole processes taken in turns, {repeat} rounds, medians (benchmarks/plan_speed.py). Each ratio",
        "is against the plain `score` of the same library and assessment, measured in the same rounds.",
        "The bundled standard K× is generate_standard.py --times K: its parts K times, each grade's",
        "minimum K times, the worked example read against it.",
        "",
        head,
        rule,
        *rows,
        "",
        ratio_head,
        ratio_rule,
        *ratio_rows,
        "",
        f"`plan()` in-process (the fastest of {3 * repeat} calls, 3 in each round, after loading; no start-up):",
        "",
        "| tree | indicators | ms | µs / indicator |" + (f" ms at `{before}` | µs / ind. |" if before else ""),
        "|--:|--:|--:|--:|" + ("--:|--:|" if before else ""),
        *grow,
        "",
    ]
    replace_section(out, TITLE, "\n".join(lines))
    print(f"\nwrote the plan section of {out}")
    print("\n".join(lines[-len(grow) - len(ratio_rows) - 6 :]))


if __name__ == "__main__":
    sys.exit("run it as: python benchmarks/run.py --plan [--repeat N] [--before REV]")
