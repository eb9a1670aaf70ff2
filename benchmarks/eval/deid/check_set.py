"""Validate the de-identification evaluation set and print its counts (stdlib only).

Checks, per file:

- every line is a JSON object with ``id``, ``lang``, ``genre``, ``text``, ``remove``, ``keep``;
  ids are unique;
- every span has ``text[start:end] == value``, a known type, no surrounding white space, does not
  start or end inside a word, and no two spans (remove or keep) overlap;
- every other occurrence of a labelled value (other than NUMBER) in the same text is labelled
  too, so that a second mention of a name is never silently unlabelled;
- check digits: BSN 11-proof (8 digits read with a leading zero), IBAN mod-97 and length per
  country, IMEI Luhn; spans flagged ``"checksum_valid": false`` must fail their check instead;
- formats: postcode, IPv4/IPv6, VIN (17 characters, no I/O/Q), KvK (8 digits), V-number
  (10 digits);
- the clean files have no ``remove`` spans;
- across splits: no text occurs twice, and no non-person identifier occurs in both dev and test.

Prints a table of span counts per type per split. Exit status 1 on any error.

    python3 benchmarks/eval/deid/check_set.py
"""

from __future__ import annotations

import ipaddress
import itertools
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = ["dev", "test", "clean_dev", "clean_test"]
REMOVE_TYPES = [
    "PERSON",
    "BSN",
    "IBAN",
    "PHONE",
    "EMAIL",
    "PLATE",
    "POSTCODE",
    "ADDRESS",
    "DOCUMENT",
    "V_NUMBER",
    "KVK",
    "DATE_OF_BIRTH",
    "IP",
    "HANDLE",
    "URL",
    "VIN",
    "IMEI",
    "EMPLOYEE_NO",
    "CASE_PERSON_ID",
    "ORG_PRIVATE",
]
KEEP_TYPES = [
    "PLACE",
    "NATIONALITY",
    "LEGAL_REF",
    "PARTY",
    "ORG_PUBLIC",
    "PHENOMENON",
    "NUMBER",
    "PLACEHOLDER",
]
LANGS = {"nl", "en"}
IBAN_LENGTH = {
    "NL": 18,
    "BE": 16,
    "DE": 22,
    "RO": 24,
    "BG": 22,
    "PL": 28,
    "LT": 20,
    "GB": 22,
    "FR": 27,
    "HU": 28,
    "SK": 24,
    "ES": 24,
    "PT": 25,
    "CZ": 24,
    "IT": 27,
    "LU": 20,
}
POSTCODE = re.compile(r"^[1-9][0-9]{3} ?[A-Za-z]{2}$")
VIN = re.compile(r"^[A-HJ-NPR-Z0-9]{17}$")


def compact(value: str) -> str:
    return re.sub(r"[\s.\-/]", "", value)


def bsn_ok(value: str) -> bool:
    digits = re.sub(r"\D", "", value)
    if len(digits) not in (8, 9):
        return False
    d = [int(c) for c in digits.zfill(9)]
    total = sum(w * x for w, x in zip(range(9, 1, -1), d[:8], strict=True)) - d[8]
    return total % 11 == 0


def iban_ok(value: str) -> bool:
    s = re.sub(r"\s", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]+", s):
        return False
    if IBAN_LENGTH.get(s[:2]) != len(s):
        return False
    number = "".join(str(int(c, 36)) for c in s[4:] + s[:4])
    return int(number) % 97 == 1


def luhn_ok(value: str) -> bool:
    digits = re.sub(r"\D", "", value)
    if len(digits) != 15:
        return False
    total = 0
    for i, c in enumerate(reversed(digits)):
        x = int(c)
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        total += x
    return total % 10 == 0


CHECKSUM = {"BSN": bsn_ok, "IBAN": iban_ok, "IMEI": luhn_ok}


def format_error(span_type: str, value: str) -> str | None:
    if span_type == "POSTCODE":
        if not POSTCODE.match(value) or value[-2:].upper() in ("SA", "SD", "SS"):
            return "not a Dutch postcode"
    elif span_type == "IP":
        try:
            ipaddress.ip_address(value.strip("[]"))
        except ValueError:
            return "not an IP address"
    elif span_type == "VIN":
        if not VIN.match(compact(value).upper()):
            return "not a 17-character VIN"
    elif span_type == "KVK":
        if not re.fullmatch(r"[0-9]{8}", compact(value)):
            return "KvK number is not 8 digits"
    elif span_type == "V_NUMBER" and not re.fullmatch(r"[0-9]{10}", compact(value)):
        return "V-number is not 10 digits"
    return None


def word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def check_item(item: dict, where: str, clean: bool, errors: list[str]) -> None:
    for key in ("id", "lang", "genre", "text", "remove", "keep"):
        if key not in item:
            errors.append(f"{where}: missing {key}")
            return
    if item["lang"] not in LANGS:
        errors.append(f"{where}: lang {item['lang']!r}")
    text = item["text"]
    if clean and item["remove"]:
        errors.append(f"{where}: a clean item has remove spans")
    spans = [(s, "remove") for s in item["remove"]] + [(s, "keep") for s in item["keep"]]
    for span, kind in spans:
        allowed = REMOVE_TYPES if kind == "remove" else KEEP_TYPES
        start, end, value = span.get("start"), span.get("end"), span.get("value")
        label = f"{where} {kind} {span.get('type')} {value!r}"
        if span.get("type") not in allowed:
            errors.append(f"{label}: unknown type")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            errors.append(f"{label}: bad offsets {start}-{end}")
            continue
        if text[start:end] != value:
            errors.append(f"{label}: text has {text[start:end]!r}")
            continue
        if value != value.strip():
            errors.append(f"{label}: surrounding white space")
        if (start > 0 and word_char(text[start - 1]) and word_char(value[0])) or (
            end < len(text) and word_char(text[end]) and word_char(value[-1])
        ):
            errors.append(f"{label}: starts or ends inside a word")
        check = CHECKSUM.get(span["type"]) if kind == "remove" else None
        if check is not None:
            expected = span.get("checksum_valid", True)
            if check(value) != expected:
                state = "fails" if expected else "passes"
                errors.append(f"{label}: check digit {state} its check")
        if kind == "remove":
            problem = format_error(span["type"], value)
            if problem:
                errors.append(f"{label}: {problem}")
    ordered = sorted((s["start"], s["end"], s["value"]) for s, _ in spans)
    for (_, a_end, a_value), (b_start, _, b_value) in itertools.pairwise(ordered):
        if b_start < a_end:
            errors.append(f"{where}: spans overlap: {a_value!r} and {b_value!r}")
    covered = [(s["start"], s["end"]) for s, _ in spans]
    reported: set[tuple[str, int]] = set()
    for span, _ in spans:
        if span["type"] == "NUMBER" or span.get("value") != text[span["start"] : span["end"]]:
            continue
        pattern = r"(?<![\w])" + re.escape(span["value"]) + r"(?![\w])"
        for m in re.finditer(pattern, text):
            if (span["value"], m.start()) in reported:
                continue
            if not any(a <= m.start() and m.end() <= b for a, b in covered):
                reported.add((span["value"], m.start()))
                errors.append(
                    f"{where}: {span['type']} {span['value']!r} also at {m.start()} unlabelled"
                )


PARTICLES = {
    "van",
    "de",
    "der",
    "den",
    "ter",
    "ten",
    "het",
    "la",
    "le",
    "du",
    "des",
    "al",
    "el",
    "bin",
    "ben",
    "mr",
    "mrs",
    "ms",
    "dhr",
    "mevr",
    "fam",
}


def name_parts(item: dict, where: str, warnings: list[str]) -> None:
    """Warn when part of a labelled multi-word name occurs elsewhere without a label."""
    text = item["text"]
    covered = [(s["start"], s["end"]) for s in item["remove"] + item["keep"]]
    seen: set[int] = set()
    for span in item["remove"]:
        if span["type"] != "PERSON":
            continue
        for token in re.split(r"[\s,]+", span["value"]):
            token = token.strip(".,()'\"")
            if len(token) < 3 or token.lower() in PARTICLES or not token[0].isupper():
                continue
            pattern = r"(?<![\w])" + re.escape(token) + r"(?![\w])"
            for m in re.finditer(pattern, text):
                if m.start() in seen:
                    continue
                if not any(a <= m.start() and m.end() <= b for a, b in covered):
                    seen.add(m.start())
                    warnings.append(f"{where}: name part {token!r} at {m.start()} unlabelled")


def load(name: str, errors: list[str], warnings: list[str]) -> list[dict]:
    path = HERE / f"{name}.jsonl"
    if not path.exists():
        errors.append(f"{path.name}: missing")
        return []
    items = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path.name}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: {exc}")
            continue
        where = f"{path.name}:{number} ({item.get('id')})"
        if item.get("id") in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(item.get("id"))
        check_item(item, where, name.startswith("clean"), errors)
        name_parts(item, where, warnings)
        items.append(item)
    return items


def cross_split(data: dict[str, list[dict]], errors: list[str], warnings: list[str]) -> None:
    texts: dict[str, str] = {}
    for name, items in data.items():
        for item in items:
            key = " ".join(item["text"].split())
            if key in texts:
                errors.append(f"{name} {item['id']}: same text as {texts[key]}")
            texts[key] = f"{name} {item['id']}"

    def values(name: str) -> dict[tuple[str, str], str]:
        out = {}
        for item in data.get(name, []):
            for span in item["remove"]:
                out[(span["type"], compact(span["value"]).lower())] = item["id"]
        return out

    dev, test = values("dev"), values("test")
    for key in sorted(set(dev) & set(test)):
        message = f"{key[0]} {key[1]!r} in dev {dev[key]} and test {test[key]}"
        if key[0] == "PERSON":
            if " " in key[1] or len(key[1]) > 12:
                warnings.append(message)
        else:
            errors.append(message)


def table(data: dict[str, list[dict]]) -> str:
    counts = {name: Counter() for name in data}
    for name, items in data.items():
        for item in items:
            for span in item["remove"]:
                counts[name]["R " + span["type"]] += 1
            for span in item["keep"]:
                counts[name]["K " + span["type"]] += 1
    names = list(data)
    rows = [["type"] + names]
    for kind, types in (("R", REMOVE_TYPES), ("K", KEEP_TYPES)):
        for t in types:
            rows.append(
                [f"{'remove' if kind == 'R' else 'keep'} {t}"]
                + [str(counts[n][f"{kind} {t}"]) for n in names]
            )
        total = [sum(v for k, v in counts[n].items() if k.startswith(kind)) for n in names]
        rows.append([f"{'remove' if kind == 'R' else 'keep'} total"] + [str(x) for x in total])
    rows.append(["items"] + [str(len(data[n])) for n in names])
    for lang in sorted(LANGS):
        rows.append(
            [f"items {lang}"] + [str(sum(1 for i in data[n] if i["lang"] == lang)) for n in names]
        )
    rows.append(
        ["items nl-BE"]
        + [str(sum(1 for i in data[n] if i.get("variant") == "nl-BE")) for n in names]
    )
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    lines = []
    for i, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [
            cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main() -> int:
    errors: list[str] = []
    warnings: list[str] = []
    data = {name: load(name, errors, warnings) for name in FILES}
    cross_split(data, errors, warnings)
    print(table(data))
    genres = Counter(i["genre"] for items in data.values() for i in items)
    print("\ngenres:", ", ".join(f"{g} {n}" for g, n in sorted(genres.items())))
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"\n{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
