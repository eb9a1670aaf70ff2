"""Validate the eighth de-identification evaluation set and print its counts (stdlib only).

The checks are those of ``../deid2/check_set.py`` (see its docstring), run on this folder, with
the person target set to 250 and set 4's adaptation for partially masked values: a
remove value that holds a masking character (``*``, ``•``, ``X`` runs such as ``XXXX``) is not
put through its check digit, and a masked phone number counts each masking character as a digit
for the length check; a VIN typed in lower case is checked in upper case. Every other value
is checked exactly as in sets 2 to 7.

    python3 benchmarks/eval/deid8/check_set.py [--markdown] [--warnings] [--audit]
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIN_PERSON = 250
MASK = re.compile(r"[*•]|XXX|xxx")


def _deid2_checks():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "deid2_check_set", HERE.parent / "deid2" / "check_set.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _masked_aware(module):  # type: ignore[no-untyped-def]
    """Skip check digits for masked values; masked phones; lower-case VINs."""
    for kind, check in list(module.CHECKSUMS.items()):
        module.CHECKSUMS[kind] = lambda v, c=check: True if MASK.search(v) else c(v)
    phone = module.FORMATS["PHONE"]
    module.FORMATS["PHONE"] = lambda v, p=phone: p(v) or len(re.sub(r"[^0-9oO*•xX]", "", v)) >= 8
    vin = module.FORMATS["VIN"]
    module.FORMATS["VIN"] = lambda v, f=vin: f(v.upper())
    return module


if __name__ == "__main__":
    checks = _masked_aware(_deid2_checks())
    sys.exit(checks.main(HERE, MIN_PERSON, __doc__.splitlines()[0]))
