"""Turn the hand-written marked-up sources in this folder into the JSONL splits.

Source format (UTF-8 text files):

- ``@@ LANG GENRE [be]`` starts an item (``be``: Belgian Dutch); its text runs to the next
  ``@@`` line or the end of the file; trailing blank lines are dropped.
- ``@note ...`` lines anywhere in an item are stored as its ``note`` (labelling remarks).
- ``##`` at the start of a line is a comment and is skipped.
- ``[[CODE:value]]`` marks a value to remove, ``{{CODE:value}}`` a value to keep. A value may
  span a line break. ``[[CODE!:value]]`` marks a value whose check digit is deliberately wrong
  (a typo in the source document): it must still be removed.

Files ``dev_*.txt``, ``test_*.txt``, ``clean_dev_*.txt`` and ``clean_test_*.txt`` become
``dev.jsonl``, ``test.jsonl``, ``clean_dev.jsonl`` and ``clean_test.jsonl`` one folder up.
Run ``python3 build.py``, then ``python3 ../check_set.py``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent

REMOVE = {
    "PER": "PERSON",
    "BSN": "BSN",
    "IBAN": "IBAN",
    "TEL": "PHONE",
    "MAIL": "EMAIL",
    "PLATE": "PLATE",
    "PC": "POSTCODE",
    "ADR": "ADDRESS",
    "DOC": "DOCUMENT",
    "VNR": "V_NUMBER",
    "KVK": "KVK",
    "DOB": "DATE_OF_BIRTH",
    "IP": "IP",
    "HAN": "HANDLE",
    "URL": "URL",
    "VIN": "VIN",
    "IMEI": "IMEI",
    "EMP": "EMPLOYEE_NO",
    "CPI": "CASE_PERSON_ID",
    "ORG": "ORG_PRIVATE",
}
KEEP = {
    "PL": "PLACE",
    "NAT": "NATIONALITY",
    "LAW": "LEGAL_REF",
    "PTY": "PARTY",
    "PUB": "ORG_PUBLIC",
    "PHE": "PHENOMENON",
    "N": "NUMBER",
    "PH": "PLACEHOLDER",
}
MARK = re.compile(r"\[\[([A-Z]+)(!?):(.*?)\]\]|\{\{([A-Z]+):(.*?)\}\}", re.DOTALL)
SPLITS = {"dev": "d", "test": "t", "clean_dev": "cd", "clean_test": "ct"}


class MarkupError(ValueError):
    pass


def parse_item(raw: str, where: str) -> tuple[str, list[dict], list[dict]]:
    text_parts: list[str] = []
    remove: list[dict] = []
    keep: list[dict] = []
    pos = 0
    length = 0
    for m in MARK.finditer(raw):
        before = raw[pos : m.start()]
        text_parts.append(before)
        length += len(before)
        if m.group(1) is not None:
            code, flag, value = m.group(1), m.group(2), m.group(3)
            if code not in REMOVE:
                raise MarkupError(f"{where}: unknown remove code {code}")
            span: dict = {"start": length, "end": length + len(value), "type": REMOVE[code]}
            span["value"] = value
            if flag:
                span["checksum_valid"] = False
            remove.append(span)
        else:
            code, value = m.group(4), m.group(5)
            if code not in KEEP:
                raise MarkupError(f"{where}: unknown keep code {code}")
            keep.append(
                {"start": length, "end": length + len(value), "type": KEEP[code], "value": value}
            )
        text_parts.append(value)
        length += len(value)
        pos = m.end()
    text_parts.append(raw[pos:])
    text = "".join(text_parts)
    for token in ("[[", "]]", "{{", "}}"):
        if token in text:
            at = text.index(token)
            raise MarkupError(f"{where}: stray {token!r} near {text[max(0, at - 30) : at + 30]!r}")
    return text, remove, keep


def parse_file(path: Path) -> list[dict]:
    items: list[dict] = []
    header: list[str] | None = None
    note: str | None = None
    lines: list[str] = []
    start_line = 0

    def flush() -> None:
        if header is None:
            return
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        raw = "\n".join(lines)
        where = f"{path.name}:{start_line}"
        text, remove, keep = parse_item(raw, where)
        lang, genre = header[0], header[1]
        item: dict = {"id": "", "lang": lang, "genre": genre}
        if len(header) > 2 and header[2] == "be":
            item["variant"] = "nl-BE"
        item["text"] = text
        item["remove"] = remove
        item["keep"] = keep
        if note:
            item["note"] = note
        item["_where"] = where
        items.append(item)

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("##"):
            continue
        if line.startswith("@@ "):
            flush()
            header = line[3:].split()
            note = None
            lines = []
            start_line = number
            continue
        if line.startswith("@note ") and header is not None:
            note = (note + " " if note else "") + line[len("@note ") :].strip()
            continue
        if header is None:
            if line.strip():
                raise MarkupError(f"{path.name}:{number}: text outside an item")
            continue
        lines.append(line)
    flush()
    return items


def main() -> int:
    for split, prefix in SPLITS.items():
        pattern = f"{split}_*.txt"
        files = sorted(p for p in HERE.glob(pattern))
        if split in ("dev", "test"):
            files = [p for p in files if not p.name.startswith("clean_")]
        items: list[dict] = []
        for path in files:
            items.extend(parse_file(path))
        with (OUT / f"{split}.jsonl").open("w", encoding="utf-8") as out:
            for n, item in enumerate(items, start=1):
                item["id"] = f"{prefix}-{n:04d}"
                item.pop("_where")
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        print(f"{split}: {len(items)} items from {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
