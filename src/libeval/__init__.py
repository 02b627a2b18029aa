"""libeval: score China's national evaluation of public libraries from YAML files.

The library API, for use from Python (the command line is built on it)::

    from libeval import load_library, score, plan

    folder = load_library(Path("examples/jinghe-2017"))
    result = score(folder.standard, folder.library, folder.assessment("prefecture"), "prefecture")
    result.total  # Decimal('775.3')

Names are imported when first used, so `import libeval` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from libeval.analysis.diff import Side as Side
    from libeval.analysis.diff import diff as diff
    from libeval.analysis.plan import plan as plan
    from libeval.errors import LibevalError as LibevalError
    from libeval.errors import Problem as Problem
    from libeval.load.folders import load_library as load_library
    from libeval.load.folders import load_standard as load_standard
    from libeval.scoring.engine import score as score

_API = {
    "load_library": "libeval.load.folders",
    "load_standard": "libeval.load.folders",
    "score": "libeval.scoring.engine",
    "diff": "libeval.analysis.diff",
    "Side": "libeval.analysis.diff",
    "plan": "libeval.analysis.plan",
    "LibevalError": "libeval.errors",
    "Problem": "libeval.errors",
}
__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'libeval' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
