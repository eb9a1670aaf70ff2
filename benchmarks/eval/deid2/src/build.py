"""Build the JSONL files of ``deid2`` from the marked-up sources in this folder.

Source format (one file holds many items)::

    ### lang=nl genre=proces-verbaal variant=nl-BE
    # note: why this item is labelled the way it is (optional, may repeat, anywhere)
    Text with [[PERSON:Jan Smit]] to remove and {{PLACE:Tiel}} to keep.

``[[TYPE:value]]`` is a ``remove`` span, ``[[TYPE!:value]]`` a remove span whose check digit
is deliberately wrong (``checksum_valid: false``), ``{{TYPE:value}}`` a ``keep`` span. A value
may hold a line break (an identifier wrapped in a pasted PDF). Files ``test_*.txt`` make
``test.jsonl``; files ``clean_*.txt`` make ``clean_test.jsonl``; ids are assigned in file and
item order.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent

MARK = re.compile(r"\[\[([A-Z_]+)(!?):(.*?)\]\]|\{\{([A-Z_]+):(.*?)\}\}", re.DOTALL)
HEADER = re.compile(r"^### (.*)$")


class SourceError(ValueError):
    """A source file does not follow the mark-up."""


def parse_text(raw: str, where: str) -> tuple[str, list[dict], list[dict]]:
    out: list[str] = []
    pos = 0
    length = 0
    remove: list[dict] = []
    keep: list[dict] = []
    for m in MARK.finditer(raw):
        plain = raw[pos : m.start()]
        if "[[" in plain or "{{" in plain or "]]" in plain or "}}" in plain:
            raise SourceError(f"{where}: stray mark-up before offset {m.start()}")
        out.append(plain)
        length += len(plain)
        if m.group(1):
            kind, bad, value = m.group(1), m.group(2), m.group(3)
            span: dict = {"start": length, "end": length + len(value), "type": kind, "value": value}
            if bad:
                span["checksum_valid"] = False
            remove.append(span)
        else:
            kind, value = m.group(4), m.group(5)
            keep.append({"start": length, "end": length + len(value), "type": kind, "value": value})
        if not value or value != value.strip():
            raise SourceError(f"{where}: empty or padded value {value!r}")
        out.append(value)
        length += len(value)
        pos = m.end()
    tail = raw[pos:]
    if "[[" in tail or "{{" in tail or "]]" in tail or "}}" in tail:
        raise SourceError(f"{where}: stray mark-up at the end")
    out.append(tail)
    return "".join(out), remove, keep


def parse_file(path: Path) -> list[dict]:
    items: list[dict] = []
    header: str | None = None
    lines: list[str] = []

    def flush() -> None:
        if header is None:
            if any(line.strip() for line in lines):
                raise SourceError(f"{path.name}: text before the first header")
            return
        fields = dict(part.split("=", 1) for part in header.split())
        notes = [line[len("# note:") :].strip() for line in lines if line.startswith("# note:")]
        body = [line for line in lines if not line.startswith("# note:")]
        raw = "\n".join(body).strip("\n")
        where = f"{path.name} item {len(items) + 1}"
        text, remove, keep = parse_text(raw, where)
        item: dict = {"id": "", "lang": fields["lang"], "genre": fields["genre"]}
        if "variant" in fields:
            item["variant"] = fields["variant"]
        item.update({"text": text, "remove": remove, "keep": keep})
        if notes:
            item["note"] = " ".join(notes)
        items.append(item)

    for line in path.read_text(encoding="utf-8").splitlines():
        m = HEADER.match(line)
        if m:
            flush()
            header, lines = m.group(1), []
        else:
            lines.append(line)
    flush()
    return items


def build(prefix: str, id_prefix: str, target: str, src: Path = HERE) -> int:
    items: list[dict] = []
    for path in sorted(src.glob(f"{prefix}_*.txt")):
        items.extend(parse_file(path))
    with (src.parent / target).open("w", encoding="utf-8") as fh:
        for n, item in enumerate(items, 1):
            item["id"] = f"{id_prefix}-{n:04d}"
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    return len(items)


def main(src: Path = HERE, ids: tuple[str, str] = ("t2", "c2")) -> int:
    """Build ``test.jsonl`` and ``clean_test.jsonl`` next to ``src`` (the third set builds
    its own sources with this, with ids ``t3``/``c3``)."""
    n_test = build("test", ids[0], "test.jsonl", src)
    n_clean = build("clean", ids[1], "clean_test.jsonl", src)
    print(f"test.jsonl: {n_test} items, clean_test.jsonl: {n_clean} items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
