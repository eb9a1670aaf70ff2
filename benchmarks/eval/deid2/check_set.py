"""Validate the second de-identification evaluation set and print its counts (stdlib only).

Checks, for ``test.jsonl`` and ``clean_test.jsonl``:

- the item fields, languages, genres and span types the first set's README defines;
- offsets (``text[start:end] == value``), spans on word boundaries, no two spans overlapping;
- check digits: BSN (11-proof; eight digits count as a lost leading zero), IBAN (ISO 7064
  mod 97), IMEI (Luhn); spans marked ``checksum_valid: false`` must fail their check;
  Belgian register and enterprise (KBO) numbers, PESEL, CNP, EGN and Polish NIP when their
  label word precedes the span;
- formats of postcodes, KvK, V-numbers, VINs, IP addresses, phone numbers and e-mail addresses;
- a labelled ``remove`` value that occurs again in the same text outside every span (an error),
  and a part of a labelled name that does (a warning);
- clean items: nothing to remove, every digit inside a ``keep`` span; with ``--audit`` it also
  lists capitalised words in clean items that are in no span, to review by hand;
- the set's targets: at least 20 spans of every remove type, at least 350 person mentions.

Exit status 0 when the set is valid. ``--markdown`` prints the counts as a Markdown table.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = {"test": HERE / "test.jsonl", "clean_test": HERE / "clean_test.jsonl"}

REMOVE_TYPES = [
    "PERSON", "BSN", "IBAN", "PHONE", "EMAIL", "PLATE", "POSTCODE", "ADDRESS", "DOCUMENT",
    "V_NUMBER", "KVK", "DATE_OF_BIRTH", "IP", "HANDLE", "URL", "VIN", "IMEI", "EMPLOYEE_NO",
    "CASE_PERSON_ID", "ORG_PRIVATE",
]  # fmt: skip
KEEP_TYPES = [
    "PLACE", "NATIONALITY", "LEGAL_REF", "PARTY", "ORG_PUBLIC", "PHENOMENON", "NUMBER",
    "PLACEHOLDER",
]  # fmt: skip
GENRES = {
    "proces-verbaal", "mutatie", "signaal", "note", "gehoor", "email", "chat", "request",
    "table", "tib", "sib", "qs", "ncp",
}  # fmt: skip
MIN_PER_TYPE = 20
MIN_PERSON = 350


def bsn_ok(value: str) -> bool:
    digits = re.sub(r"\D", "", value)
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def iban_ok(value: str) -> bool:
    compact = re.sub(r"\s", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def imei_ok(value: str) -> bool:
    digits = re.sub(r"\D", "", value)
    return len(digits) == 15 and luhn_ok(digits)


def rrn_ok(value: str) -> bool:
    digits = re.sub(r"\D", "", value)
    if len(digits) != 11:
        return False
    check = int(digits[9:])
    return any(97 - int(p + digits[:9]) % 97 == check for p in ("", "2"))


def pesel_ok(value: str) -> bool:
    d = re.sub(r"\D", "", value)
    if len(d) != 11:
        return False
    total = sum(int(c) * w for c, w in zip(d[:10], [1, 3, 7, 9, 1, 3, 7, 9, 1, 3], strict=True))
    return (10 - total % 10) % 10 == int(d[10])


def cnp_ok(value: str) -> bool:
    d = re.sub(r"\D", "", value)
    if len(d) != 13:
        return False
    w = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]
    check = sum(int(c) * x for c, x in zip(d[:12], w, strict=True)) % 11
    return (1 if check == 10 else check) == int(d[12])


def egn_ok(value: str) -> bool:
    d = re.sub(r"\D", "", value)
    if len(d) != 10:
        return False
    w = [2, 4, 8, 5, 10, 9, 7, 3, 6]
    check = sum(int(c) * x for c, x in zip(d[:9], w, strict=True)) % 11
    return (0 if check == 10 else check) == int(d[9])


def kbo_ok(value: str) -> bool:
    d = re.sub(r"\D", "", value)
    return len(d) == 10 and 97 - int(d[:8]) % 97 == int(d[8:])


def nip_ok(value: str) -> bool:
    d = re.sub(r"\D", "", value)
    if len(d) != 10:
        return False
    w = [6, 5, 7, 2, 3, 4, 5, 6, 7]
    return sum(int(c) * x for c, x in zip(d[:9], w, strict=True)) % 11 == int(d[9])


CHECKSUMS = {"BSN": bsn_ok, "IBAN": iban_ok, "IMEI": imei_ok}
# Foreign personal numbers are CASE_PERSON_ID; they are checked when their label precedes them.
FOREIGN = [
    (re.compile(r"(rijksregister\w*|RRN|\bNN\b|national register number)\W{0,12}$", re.I), rrn_ok),
    (re.compile(r"PESEL\W{0,12}$"), pesel_ok),
    (re.compile(r"CNP\W{0,12}$"), cnp_ok),
    (re.compile(r"EGN\W{0,12}$"), egn_ok),
    (re.compile(r"(KBO|ondernemingsnummer|enterprise number)[\w\s.\-]{0,6}\W{0,6}$", re.I), kbo_ok),
    (re.compile(r"NIP\W{0,12}$"), nip_ok),
]

# Digits written as words in an obfuscated advert ("nul zes", "zero six").
SPELLED = re.compile(
    r"\b(nul|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|zero|one|two|three|four|five"
    r"|six|seven|eight|nine)\b",
    re.I,
)
UK_POSTCODE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}")
EIRCODE = re.compile(r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}")
FORMATS = {
    "POSTCODE": lambda v: bool(
        re.fullmatch(r"[1-9]\d{3} ?[A-Za-z]{2}", v.replace("\n", " "))
        or UK_POSTCODE.fullmatch(v)
        or EIRCODE.fullmatch(v)
    ),
    "KVK": lambda v: (
        len(re.sub(r"[\s.\-]", "", v)) in (8, 12) and re.sub(r"[\s.\-]", "", v).isdigit()
    ),
    "V_NUMBER": lambda v: (
        len(re.sub(r"[\s.\-]", "", v)) == 10 and re.sub(r"[\s.\-]", "", v).isdigit()
    ),
    "VIN": lambda v: bool(re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", re.sub(r"[\s\-]", "", v))),
    "PHONE": lambda v: len(re.sub(r"[^0-9oO]", "", v)) + len(SPELLED.findall(v)) >= 8,
    "EMAIL": lambda v: bool(re.search(r"@|\[at\]|\(at\)|\bat\b|apenstaart|\[@\]|\(a\)", v, re.I)),
}


def ip_ok(value: str) -> bool:
    try:
        ipaddress.ip_address(value.strip("[]"))
    except ValueError:
        return False
    return True


FORMATS["IP"] = ip_ok

WORD = re.compile(r"\w", re.UNICODE)


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def check_item(item: dict, split: str, errors: list[str], warnings: list[str]) -> None:
    iid = item.get("id", "?")
    text = item["text"]

    def err(msg: str) -> None:
        errors.append(f"{split} {iid}: {msg}")

    for key in ("id", "lang", "genre", "text", "remove", "keep"):
        if key not in item:
            err(f"missing field {key}")
    if item.get("lang") not in ("nl", "en"):
        err(f"lang {item.get('lang')!r}")
    if "variant" in item and (item["variant"] != "nl-BE" or item["lang"] != "nl"):
        err(f"variant {item['variant']!r}")
    if item.get("genre") not in GENRES:
        err(f"genre {item.get('genre')!r}")
    spans = [("remove", s) for s in item["remove"]] + [("keep", s) for s in item["keep"]]
    for side, s in spans:
        allowed = REMOVE_TYPES if side == "remove" else KEEP_TYPES
        if s["type"] not in allowed:
            err(f"{side} type {s['type']}")
        if not (0 <= s["start"] < s["end"] <= len(text)):
            err(f"span out of range {s}")
            continue
        if text[s["start"] : s["end"]] != s["value"]:
            err(f"offset mismatch {s['value']!r} != {text[s['start'] : s['end']]!r}")
        before = text[s["start"] - 1] if s["start"] > 0 else " "
        after = text[s["end"]] if s["end"] < len(text) else " "
        first, last = s["value"][0], s["value"][-1]
        if (WORD.match(before) and WORD.match(first)) or (WORD.match(after) and WORD.match(last)):
            err(f"span not on a word boundary: {s['value']!r}")
        if side != "remove":
            continue
        check = CHECKSUMS.get(s["type"])
        if check is not None:
            good = check(s["value"])
            if s.get("checksum_valid", True) and not good:
                err(f"{s['type']} fails its check: {s['value']!r}")
            if s.get("checksum_valid") is False and good:
                err(f"{s['type']} marked invalid but passes: {s['value']!r}")
        if s["type"] == "CASE_PERSON_ID":
            prefix = text[max(0, s["start"] - 40) : s["start"]]
            for label, ok in FOREIGN:
                if label.search(prefix) and not ok(s["value"]):
                    err(f"foreign personal number fails its check: {s['value']!r}")
        fmt = FORMATS.get(s["type"])
        if fmt is not None and not fmt(s["value"]):
            err(f"{s['type']} has an unexpected format: {s['value']!r}")
    ordered = sorted(spans, key=lambda p: (p[1]["start"], p[1]["end"]))
    for (_, a), (_, b) in zip(ordered, ordered[1:], strict=False):
        if b["start"] < a["end"]:
            err(f"overlap {a['value']!r} / {b['value']!r}")
    covered = [(s["start"], s["end"]) for _, s in spans]

    def uncovered(start: int, end: int) -> bool:
        return not any(a <= start and end <= b for a, b in covered)

    seen: set[str] = set()
    for s in item["remove"]:
        value = s["value"]
        if value in seen:
            continue
        seen.add(value)
        pattern = re.compile(r"(?<!\w)" + re.escape(value) + r"(?!\w)")
        for m in pattern.finditer(text):
            if uncovered(m.start(), m.end()):
                err(f"unlabelled repeat of {s['type']} {value!r} at {m.start()}")
        if s["type"] != "PERSON":
            continue
        for part in re.findall(r"[A-ZÀ-Ý][\w\-]{2,}", value):
            pat = re.compile(r"(?<!\w)" + re.escape(part) + r"(?!\w)")
            for m in pat.finditer(text):
                if uncovered(m.start(), m.end()):
                    warnings.append(
                        f"{split} {iid}: part {part!r} of a name unlabelled at {m.start()}"
                    )
    if split.startswith("clean"):
        if item["remove"]:
            err("clean item has remove spans")
        for m in re.finditer(r"\d", text):
            if uncovered(m.start(), m.end()):
                err(
                    f"digit outside every keep span at {m.start()}: {text[max(0, m.start() - 15) : m.end() + 15]!r}"
                )


AUDIT_WORDS = re.compile(
    r"\b(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
    r"|december|january|february|march|may|june|july|august|october|twee|drie|vier|vijf|zes"
    r"|zeven|acht|negen|tien|twaalf|twintig|honderd|duizend|helft|derde|kwart|two|three|four"
    r"|five|six|seven|eight|nine|ten|twelve|twenty|hundred|thousand|half|third|quarter"
    r"|mensenhandel|mensensmokkel|\w*uitbuiting|trafficking|exploitation|smuggling"
    r"|slavery)\b",
    re.I,
)


def audit_clean(item: dict) -> list[str]:
    """Capitalised words in a clean item that are in no span and do not start a sentence."""
    text = item["text"]
    covered = [(s["start"], s["end"]) for s in item["keep"]]
    found = []
    for m in re.finditer(r"\b[A-ZÀ-Ý][\w'\-]*", text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        before = text[: m.start()].rstrip()
        if not before or before[-1] in ".:!?\n(\"'•–-" or before.endswith("\n"):
            continue
        found.append(m.group())
    # Lower-case words a clean item should have labelled: months, number words and the names
    # of the phenomena.
    for m in AUDIT_WORDS.finditer(text):
        if not any(a <= m.start() < b for a, b in covered):
            found.append(m.group())
    return found


def main(folder: Path = HERE, min_person: int = MIN_PERSON, description: str = "") -> int:
    """Check the set in ``folder`` (the third set runs these checks on its own folder)."""
    parser = argparse.ArgumentParser(description=description or __doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print the counts as Markdown")
    parser.add_argument(
        "--audit", action="store_true", help="list unlabelled capitalised words in clean items"
    )
    parser.add_argument("--warnings", action="store_true", help="print the warnings")
    args = parser.parse_args()

    errors: list[str] = []
    warnings: list[str] = []
    data = {name: load(folder / path.name) for name, path in FILES.items()}
    ids: set[str] = set()
    texts: dict[str, str] = {}
    for split, items in data.items():
        for item in items:
            if item["id"] in ids:
                errors.append(f"duplicate id {item['id']}")
            ids.add(item["id"])
            if item["text"] in texts:
                errors.append(f"{item['id']}: same text as {texts[item['text']]}")
            texts[item["text"]] = item["id"]
            check_item(item, split, errors, warnings)
            if args.audit and split.startswith("clean"):
                words = audit_clean(item)
                if words:
                    print(f"audit {item['id']}: {' '.join(words)}")

    counts = {split: Counter() for split in data}
    for split, items in data.items():
        c = counts[split]
        for item in items:
            c["items"] += 1
            c["items " + item["lang"]] += 1
            if item.get("variant") == "nl-BE":
                c["items nl-BE"] += 1
            for s in item["remove"]:
                c["remove " + s["type"]] += 1
                c["remove total"] += 1
                c["remove total " + item["lang"]] += 1
            for s in item["keep"]:
                c["keep " + s["type"]] += 1
                c["keep total"] += 1
    test = counts["test"]
    for kind in REMOVE_TYPES:
        need = min_person if kind == "PERSON" else MIN_PER_TYPE
        if test["remove " + kind] < need:
            errors.append(f"test has {test['remove ' + kind]} {kind} spans, needs {need}")

    rows = (
        ["remove " + t for t in REMOVE_TYPES]
        + ["remove total", "remove total nl", "remove total en"]
        + ["keep " + t for t in KEEP_TYPES]
        + ["keep total", "items", "items nl", "items en", "items nl-BE"]
    )
    names = list(data)
    if args.markdown:
        print("| type | " + " | ".join(names) + " |")
        print("|---|" + "---:|" * len(names))
        for row in rows:
            print(f"| {row} | " + " | ".join(str(counts[n][row]) for n in names) + " |")
    else:
        print(f"{'type':<22}" + "".join(f"{n:>12}" for n in names))
        for row in rows:
            print(f"{row:<22}" + "".join(f"{counts[n][row]:>12}" for n in names))
    genres = Counter(item["genre"] for item in data["test"])
    print("test genres: " + ", ".join(f"{g} {n}" for g, n in sorted(genres.items())))
    if args.warnings:
        for w in warnings:
            print("warning:", w)
    print(f"{len(warnings)} warnings", file=sys.stderr)
    for e in errors:
        print("error:", e, file=sys.stderr)
    print(f"{len(errors)} errors", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
