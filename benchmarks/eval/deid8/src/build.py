"""Build the JSONL files of ``deid8`` from the marked-up sources in this folder.

The mark-up and the builder are those of ``../../deid2/src/build.py`` (see its docstring); ids
here are ``t8-0001``... and ``c8-0001``...
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _deid2_builder():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "deid2_build", HERE.parents[1] / "deid2" / "src" / "build.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    sys.exit(_deid2_builder().main(HERE, ("t8", "c8")))
