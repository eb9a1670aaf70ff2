"""A small structural reader of the contract, used only to check the corpus itself.

It decides the encoding (item 2), splits CSV and JSON Lines into records with their row and
start line (item 1), and flags what it can see without knowing the schema: field counts,
unterminated quotes, bad JSON, invalid bytes, forbidden characters, oversized fields (item 3).
It is deliberately not a validator of values (dates, amounts, phones...): those expectations
are written by hand in the cases. It refuses input the corpus never uses on purpose (a quote
inside an unquoted field, text after a closing quote) so that no case depends on a detail the
contract leaves open.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_VALID_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_INVALID = re.compile("[\udc80-\udcff]")  # bytes kept by surrogateescape
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x80-\x9f\u202a-\u202e\u2066-\u2069\ufeff]"  # C0 but tab/LF/CR, C1, bidi, BOM
)
MIB = 1024 * 1024


def decode(data: bytes, declared: str | None) -> tuple[str, str]:
    """(text, encoding used); invalid UTF-8 bytes survive as lone surrogates."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec), codec
    if declared:
        if declared.replace("_", "-").lower() in ("utf-8", "utf8", "utf-8-sig"):
            return data.decode("utf-8", "surrogateescape"), "utf-8"
        return data.decode(declared), declared
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _VALID_MULTIBYTE.search(data):
        return data.decode("utf-8", "surrogateescape"), "utf-8"
    return data.decode("cp1252"), "cp1252"


def physical_lines(text: str) -> list[str]:
    """Lines ended by CRLF, CR or LF; a final terminator does not start another line."""
    parts = re.split(r"\r\n|\r|\n", text)
    if parts and parts[-1] == "":
        parts.pop()
    return parts


@dataclass
class Rec:
    row: int
    line: int
    problem: str | None = None  # structural: field count, unterminated, json, encoding
    values: dict[str, str | None] = field(default_factory=dict)
    bad_fields: list[str] = field(default_factory=list)  # nested / boolean JSON values

    def flagged_fields(self) -> list[str]:
        """Fields holding a forbidden character or more than 1 MiB."""
        out = list(self.bad_fields)
        for k, v in self.values.items():
            if v is None:
                continue
            if _FORBIDDEN.search(v) or len(v.encode("utf-8", "surrogatepass")) > MIB:
                out.append(k)
        return out


def read_csv(text: str) -> tuple[list[str], list[Rec]]:
    n = len(text)
    header: list[str] | None = None
    recs: list[Rec] = []
    i, line, row = 0, 1, 0
    # the delivery format: ';', or ',' when the header line holds more commas than semicolons
    first = text.split("\n", 1)[0].split("\r", 1)[0]
    sep = "," if first.count(",") > first.count(";") else ";"
    stops = sep + "\r\n"

    def skip_eol(j: int) -> int:
        if text.startswith("\r\n", j):
            return j + 2
        return j + 1 if j < n and text[j] in "\r\n" else j

    while i < n:
        j = i
        while j < n and text[j] not in "\r\n":
            j += 1
        if header is not None and text[i:j].strip(" \t") == "":
            i, line = skip_eol(j), line + 1
            continue
        start_line, k, fields, unterminated = line, i, [], False
        while True:
            if k < n and text[k] == '"':
                k += 1
                buf: list[str] = []
                while True:
                    if k >= n:
                        unterminated = True
                        break
                    c = text[k]
                    if c == '"':
                        if text.startswith('""', k):
                            buf.append('"')
                            k += 2
                            continue
                        k += 1
                        break
                    if text.startswith("\r\n", k):
                        buf.append("\r\n")
                        k, line = k + 2, line + 1
                        continue
                    if c in "\r\n":
                        line += 1
                    buf.append(c)
                    k += 1
                if unterminated:
                    break
                if not (k >= n or text[k] in stops):
                    raise AssertionError(f"text after a closing quote on line {line}")
                fields.append("".join(buf))
            else:
                s = k
                while k < n and text[k] not in stops:
                    if text[k] == '"':
                        raise AssertionError(f"quote inside an unquoted field on line {line}")
                    k += 1
                fields.append(text[s:k])
            if k < n and text[k] == sep:
                k += 1
                continue
            break
        if unterminated:
            total = len(physical_lines(text))
            for ln in range(start_line, total + 1):
                row += 1
                recs.append(Rec(row, ln, "unterminated quote"))
            break
        i, line = skip_eol(k), line + 1
        if header is None:
            header = fields
            continue
        row += 1
        rec = Rec(row, start_line)
        raw = sep.join(fields)
        if _INVALID.search(raw):
            rec.problem = "encoding"
        elif len(fields) != len(header):
            rec.problem = "field count"
        else:
            rec.values = dict(zip(header, fields, strict=True))
        recs.append(rec)
    return header or [], recs


class _NotJson(ValueError):
    pass


def _reject_constant(name: str) -> object:
    raise _NotJson(name)


def read_jsonl(text: str) -> list[Rec]:
    recs: list[Rec] = []
    row = 0
    for ln, physical in enumerate(physical_lines(text), start=1):
        if physical.strip(" \t") == "":
            continue
        row += 1
        rec = Rec(row, ln)
        recs.append(rec)
        if _INVALID.search(physical):
            rec.problem = "encoding"
            continue
        try:
            obj = json.loads(
                physical, parse_float=str, parse_int=str, parse_constant=_reject_constant
            )
        except ValueError:
            rec.problem = "json"
            continue
        if not isinstance(obj, dict):
            rec.problem = "json"
            continue
        for key, val in obj.items():
            if isinstance(val, bool | dict | list):
                rec.bad_fields.append(key)
            else:
                rec.values[key] = val
    return recs


def read_file(data: bytes, path: str, declared: str | None) -> tuple[list[str], list[Rec], str]:
    """(CSV header or [], records, encoding used) for a listed file."""
    text, codec = decode(data, declared)
    if path.endswith(".jsonl"):
        return [], read_jsonl(text), codec
    header, recs = read_csv(text)
    return header, recs, codec
