"""Seeded pools of checksum-valid identifiers for the eighth de-identification set.

The writer of ``deid8`` drew BSNs, IBANs, IMEIs and foreign personal numbers from these pools
(and typed other identifiers by hand). The generators are set 4's
(``deid4/src/gen_values.py``), run with set 8's own seeds (main 20261208, KBO 1208, NIP 5805;
the extra pools, VIN, KvK, V-number and Luhn-valid card numbers, 5806), so identifiers are not
shared with the first seven sets. Stdlib only::

    python3 benchmarks/eval/deid8/src/gen_values.py
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "deid4_gen_values", Path(__file__).resolve().parents[2] / "deid4" / "src" / "gen_values.py"
)
assert _SPEC is not None and _SPEC.loader is not None
_SET4 = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_SET4)

SEED, KBO_SEED, NIP_SEED, EXTRA_SEED = 20_261_208, 1208, 5805, 5806


def pools() -> dict[str, list[str]]:
    return _SET4.pools(SEED, KBO_SEED, NIP_SEED)


def extra_pools() -> dict[str, list[str]]:
    return _SET4.extra_pools(EXTRA_SEED)


if __name__ == "__main__":
    for name, values in {**pools(), **extra_pools()}.items():
        print(name + ":", " ".join(values))
