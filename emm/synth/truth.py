"""The answer key: which records form which planted network, and which records are one person.

Evaluations of the analytics (network detection, entity resolution) need to find the planted
entities in the graph *after* ingest, without knowing the generator's internal ids. The ingest
keeps ``source_ref = f"{delivery_id}/{record_id}"`` on everything it loads, so a reference here is
``{"delivery_id", "record_id"}`` plus, for people, the name and date of birth exactly as written.

``ground_truth.json`` is streamed like the deliveries: scenarios are written as they finish and
same-person pairs and decoys go to side files that are appended at the end, so memory stays
flat. A *decoy* is a benign look-alike of a planted pattern (a taxi firm crossing the border
daily, an agency that houses its workers legally, an ordinary hotel guest): an evaluation
checks that no decoy is ranked among the top networks.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import IO, Any

__all__ = ["GroundTruthWriter", "Ref"]

Ref = dict[str, Any]


class GroundTruthWriter:
    """Writes ``ground_truth.json``: ``{"seed", "size", "scenarios", "same_person_pairs",
    "decoys"}``."""

    def __init__(self, path: Path, seed: int, size: str | int) -> None:
        self.path = path
        self._pairs_path = path.with_name(path.name + ".pairs.tmp")
        self._decoys_path = path.with_name(path.name + ".decoys.tmp")
        self._out: IO[str] = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        self._pairs: IO[str] = open(self._pairs_path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        self._decoys: IO[str] = open(self._decoys_path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        self.decoys = 0
        self._out.write("{\n")
        self._out.write(f'  "seed": {json.dumps(seed)},\n')
        self._out.write(f'  "size": {json.dumps(size)},\n')
        self._out.write('  "scenarios": [')
        self.scenarios = 0
        self.pairs = 0

    def scenario(self, record: dict[str, Any]) -> None:
        self._out.write("," if self.scenarios else "")
        self._out.write("\n    " + json.dumps(record, ensure_ascii=False))
        self.scenarios += 1

    def decoy(self, record: dict[str, Any]) -> None:
        """A benign look-alike: ``{"id", "type", "members"}`` (refs, like a scenario's)."""
        self._decoys.write("," if self.decoys else "")
        self._decoys.write("\n    " + json.dumps(record, ensure_ascii=False))
        self.decoys += 1

    def pair(self, a: Ref, b: Ref) -> None:
        self._pairs.write("," if self.pairs else "")
        self._pairs.write("\n    " + json.dumps([a, b], ensure_ascii=False))
        self.pairs += 1

    def close(self) -> None:
        self._out.write("\n  ],\n" if self.scenarios else "],\n")
        self._out.write('  "same_person_pairs": [')
        self._pairs.close()
        with open(self._pairs_path, encoding="utf-8") as pairs:
            shutil.copyfileobj(pairs, self._out)
        self._out.write("\n  ],\n" if self.pairs else "],\n")
        self._out.write('  "decoys": [')
        self._decoys.close()
        with open(self._decoys_path, encoding="utf-8") as decoys:
            shutil.copyfileobj(decoys, self._out)
        self._out.write("\n  ]\n}\n" if self.decoys else "]\n}\n")
        self._out.close()
        self._pairs_path.unlink()
        self._decoys_path.unlink()
