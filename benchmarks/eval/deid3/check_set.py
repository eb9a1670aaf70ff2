"""Validate the third de-identification evaluation set and print its counts (stdlib only).

The checks are those of ``../deid2/check_set.py`` (see its docstring), run on this folder, with
one target raised: at least 400 person mentions.

    python3 benchmarks/eval/deid3/check_set.py [--markdown] [--warnings] [--audit]
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIN_PERSON = 400


def _deid2_checks():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "deid2_check_set", HERE.parent / "deid2" / "check_set.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    sys.exit(_deid2_checks().main(HERE, MIN_PERSON, __doc__.splitlines()[0]))
