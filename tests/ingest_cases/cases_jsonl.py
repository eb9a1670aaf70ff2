"""JSON Lines: truncation at several byte positions, lines that are not objects, value types.

In JSON Lines there is no header: line 1 is the first record's line.
"""

from __future__ import annotations

import json

from .model import Case
from .writing import F, Vals, fc, make, qe, st, text


def _dump(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _truncation_base(v: Vals, e4_name: str) -> tuple[str, str]:
    e1 = "Renée " + v.name(1).split(" ")[1]
    v.keep(e1, e4_name)
    ents = text(
        _dump({"record_id": "E1", "type": "Person", "name": e1, "birth_date": "1990-01-01"}),
        _dump({"record_id": "E2", "type": "Phone", "number": v.mobile(1)}),
        _dump({"record_id": "E3", "type": "Phone", "number": v.mobile(2)}),
        _dump({"record_id": "E4", "type": "Person", "name": e4_name}),
    )
    links = text(
        _dump({"record_id": "M1", "type": "USES_PHONE", "from": "E1", "to": "E2",
               "registered_at": "2025-01-05"}),
        _dump({"record_id": "M2", "type": "CALLED", "from": "E2", "to": "E3",
               "registered_at": "2025-01-05", "date": "2025-01-03", "duration": 60,
               "count": 123}),
    )  # fmt: skip
    return ents, links


def _cut_after(data: bytes, marker: bytes, extra: int = 0) -> bytes:
    """Truncate right after the first occurrence of ``marker`` (+ ``extra`` bytes)."""
    at = data.index(marker) + len(marker) + extra
    return data[:at]


def _truncated(name: str, k: int, why: str, where: str) -> Case:
    v = Vals(k)
    ents, links = _truncation_base(v, "Noël " + v.name(4).split(" ")[1])
    eb, lb = ents.encode("utf-8"), links.encode("utf-8")
    ent_q: tuple = ()
    link_q: tuple = ()
    ent_count, link_count = fc("entities.jsonl", 4, 4, 0), fc("links.jsonl", 2, 2, 0)
    if where == "key":
        eb = _cut_after(eb, b'{"record_id": "E4", "ty')
    elif where == "string":
        eb = _cut_after(eb, b'"name": "No', 2)  # inside the name, after the two-byte ë
    elif where == "utf8":
        eb = _cut_after(eb, b'"name": "No', 1)  # between the two bytes of ë
    elif where == "number":
        lb = _cut_after(lb, b'"count": 12')
    elif where == "complete":
        eb = eb.rstrip(b"\n")
    if where in ("key", "string"):
        ent_count, ent_q = fc("entities.jsonl", 4, 3, 1), (qe("entities.jsonl", 4, 4, "record"),)
    if where == "utf8":
        ent_count = fc("entities.jsonl", 4, 3, 1)
        ent_q = (qe("entities.jsonl", 4, 4, "record", "utf-8"),)
    if where == "number":
        link_count, link_q = fc("links.jsonl", 2, 1, 1), (qe("links.jsonl", 2, 2, "record"),)
    return make(
        name,
        why,
        v,
        "IND",
        [F("entities.jsonl", "entities", eb), F("links.jsonl", "links", lb)],
        files=(ent_count, link_count),
        quarantine=ent_q + link_q,
    )


def jsonl_truncated_mid_key() -> Case:
    return _truncated(
        "jsonl_truncated_mid_key",
        61,
        "Transfer cut off inside a key of the last line: that line is quarantined as 'record', "
        "the three complete lines load.",
        "key",
    )


def jsonl_truncated_mid_string() -> Case:
    return _truncated(
        "jsonl_truncated_mid_string",
        62,
        "Cut off inside a string value, after a complete multi-byte character: the last line "
        "is quarantined as 'record'.",
        "string",
    )


def jsonl_truncated_mid_number() -> Case:
    return _truncated(
        "jsonl_truncated_mid_number",
        63,
        "The links file is cut inside a number ('count': 12 of 123). A prefix of a number "
        "parses as a number, but the object is not closed: quarantined as 'record'.",
        "number",
    )


def jsonl_truncated_mid_utf8() -> Case:
    return _truncated(
        "jsonl_truncated_mid_utf8",
        64,
        "Cut between the two bytes of 'ë': the file holds valid UTF-8 ('Renée') and an invalid "
        "byte, so it is UTF-8 and the last record is quarantined with a reason naming UTF-8 "
        "(decoding comes before JSON parsing).",
        "utf8",
    )


def jsonl_truncated_after_complete_line() -> Case:
    return _truncated(
        "jsonl_truncated_after_complete_line",
        65,
        "Cut exactly after the last '}' (no final newline): the last line is complete JSON "
        "and loads; nothing is quarantined.",
        "complete",
    )


def jsonl_not_objects() -> Case:
    v = Vals(66)
    n = [v.name(i) for i in range(1, 8)]
    lines = [
        _dump({"record_id": "E1", "type": "Person", "name": n[0]}),
        "[1, 2, 3]",
        '"alleen een tekst"',
        "null",
        "42",
        '{"record_id": "E2", "type": "Person", "name": "' + n[1] + '",}',
        "{'record_id': 'E3', 'type': 'Person', 'name': '" + n[2] + "'}",
        '{"record_id": "E4", "type": "Person", "name": "' + n[3] + '", "birth_date": NaN}',
        _dump({"record_id": "E5", "type": "Person", "name": n[4]})
        + _dump({"record_id": "E6", "type": "Person", "name": n[5]}),
        _dump({"record_id": "E7", "type": "Person", "name": n[6]}),
    ]
    return make(
        "jsonl_not_objects",
        "Lines that are not one JSON object: an array, a string, null, a number, a trailing "
        "comma, Python-style single quotes, NaN (Python's json accepts it; JSON does not), two "
        "objects on one line. Each is quarantined as 'record'.",
        v,
        "IND",
        [F("entities.jsonl", "entities", text(*lines))],
        files=(fc("entities.jsonl", 10, 2, 8),),
        quarantine=tuple(qe("entities.jsonl", r, r, "record") for r in range(2, 10)),
    )


def jsonl_nested_and_boolean_values() -> Case:
    v = Vals(67)
    first, last = v.name(2).split(" ")
    v.keep(first, last)
    lines = [
        _dump({"record_id": "E1", "type": "Person", "name": v.name(1)}),
        _dump({"record_id": "E2", "type": "Person", "name": {"first": first, "last": last}}),
        _dump({"record_id": "E3", "type": "Person", "name": v.name(3), "nationality": ["NL"]}),
        _dump({"record_id": "E4", "type": "Person", "name": v.name(4), "v_number": True}),
        _dump({"record_id": "E5", "type": "Person", "name": v.name(5)}),
    ]
    return make(
        "jsonl_nested_and_boolean_values",
        "A nested object and an array quarantine the record naming that field. A boolean is "
        "neither string, number nor null: strictest reading, quarantined naming 'v_number'.",
        v,
        "IND",
        [F("entities.jsonl", "entities", text(*lines))],
        files=(fc("entities.jsonl", 5, 2, 3),),
        quarantine=(
            qe("entities.jsonl", 2, 2, "name"),
            qe("entities.jsonl", 3, 3, "nationality"),
            qe("entities.jsonl", 4, 4, "v_number"),
        ),
    )


def jsonl_numbers_as_text() -> Case:
    v = Vals(68)
    pc, pc_stored = v.postcode(1)
    v.mobile(1)
    phone_digits = f"61{v.k:03d}0001"
    ents = text(
        _dump({"record_id": "E1", "type": "Address", "postcode": pc, "house_number": 12}),
        '{"record_id": "E2", "type": "Phone", "number": ' + phone_digits + "}",
        _dump({"record_id": 17, "type": "Person", "name": v.name(1)}),
        _dump({"record_id": "E4", "type": "Phone", "number": v.mobile(2)}),
    )
    links = text(
        _dump({"record_id": "M1", "type": "LIVES_AT", "from": 17, "to": "E1",
               "registered_at": "2025-01-05"}),
        _dump({"record_id": "M2", "type": "USES_PHONE", "from": "17", "to": "E2",
               "registered_at": "2025-01-05"}),
        '{"record_id": "M3", "type": "CALLED", "from": "E2", "to": "E4", '
        '"registered_at": "2025-01-05", "date": "2025-01-03", "duration": 60, "count": 3.0}',
    )  # fmt: skip
    return make(
        "jsonl_numbers_as_text",
        "Numbers are read as their text: house number 12, a phone written as the number "
        '612345678-style (leading zero lost), record_id 17 referred to as 17 and as "17", '
        "count 3.0 (= 3).",
        v,
        "IND",
        [F("entities.jsonl", "entities", ents), F("links.jsonl", "links", links)],
        files=(fc("entities.jsonl", 4, 4, 0), fc("links.jsonl", 3, 3, 0)),
        stored=(
            st("E1", "house_number", 12),
            st("E1", "postcode", pc_stored),
            st("E2", "number", v.e164(1)),
            st("M3", "count", 3),
            st("M3", "duration", 60),
        ),
    )


def jsonl_blank_lines_and_crlf() -> Case:
    v = Vals(69)
    lines = [
        _dump({"record_id": "E1", "type": "Person", "name": v.name(1)}),
        "",
        "   ",
        _dump({"record_id": "E2", "type": "Person", "name": v.name(2)}),
        _dump({"record_id": "E3", "type": "Person", "name": v.name(3), "birth_date": "2023-02-29"}),
        "",
        _dump({"record_id": "E4", "type": "Person", "name": v.name(4)}),
    ]
    return make(
        "jsonl_blank_lines_and_crlf",
        "CRLF endings and blank/whitespace lines: blank lines are not records but are counted "
        "as lines, so E3 is record 3 on line 5.",
        v,
        "IND",
        [F("entities.jsonl", "entities", text(*lines, eol="\r\n"))],
        files=(fc("entities.jsonl", 4, 3, 1),),
        quarantine=(qe("entities.jsonl", 3, 5, "birth_date"),),
    )


def jsonl_pretty_printed() -> Case:
    v = Vals(70)
    doc = json.dumps(
        [
            {"record_id": "E1", "type": "Person", "name": v.name(1)},
            {"record_id": "E2", "type": "Phone", "number": v.mobile(1)},
        ],
        indent=2,
        ensure_ascii=False,
    )
    n = len(doc.splitlines())
    if n != 12:
        raise AssertionError(n)
    return make(
        "jsonl_pretty_printed",
        "A pretty-printed JSON array saved as .jsonl: every non-blank line is a record and none "
        "is a JSON object, so all 12 are quarantined as 'record' and nothing loads (the "
        "delivery itself is not refused).",
        v,
        "IND",
        [F("entities.jsonl", "entities", doc + "\n")],
        files=(fc("entities.jsonl", 12, 0, 12),),
        quarantine=tuple(qe("entities.jsonl", r, r, "record") for r in range(1, 13)),
    )


def jsonl_null_and_missing_keys() -> Case:
    v = Vals(71)
    lines = [
        _dump({"record_id": "E1", "type": "Person", "name": v.name(1), "birth_date": None}),
        _dump({"record_id": "E2", "type": "Person", "name": None}),
        _dump({"type": "Person", "name": v.name(3)}),
        _dump({"record_id": "E4", "name": v.name(4)}),
        _dump({"record_id": "E5", "type": "Person", "name": v.name(5)}),
    ]
    return make(
        "jsonl_null_and_missing_keys",
        "null in an optional field is an empty value (E1 loads); null in the required 'name' "
        "quarantines naming 'name'; a missing record_id or type key quarantines naming that "
        "key.",
        v,
        "IND",
        [F("entities.jsonl", "entities", text(*lines))],
        files=(fc("entities.jsonl", 5, 2, 3),),
        quarantine=(
            qe("entities.jsonl", 2, 2, "name"),
            qe("entities.jsonl", 3, 3, "record_id"),
            qe("entities.jsonl", 4, 4, "type"),
        ),
    )


def jsonl_number_amounts() -> Case:
    v = Vals(72)
    ents = text(
        _dump({"record_id": "B1", "type": "BankAccount", "iban": v.iban(1)}),
        _dump({"record_id": "B2", "type": "BankAccount", "iban": v.iban(2)}),
    )

    def pay(i: int, amount: str) -> str:
        return (
            f'{{"record_id": "L{i}", "type": "PAYMENT", "from": "B1", "to": "B2", '
            f'"registered_at": "2025-01-05", "date": "2025-01-03", "amount": {amount}}}'
        )

    links = text(pay(1, "1234.5"), pay(2, "1.234"), pay(3, "1234.50"), pay(4, "1234"),
                 pay(5, '"1.234,56"'))  # fmt: skip
    return make(
        "jsonl_number_amounts",
        "Amounts as JSON numbers are read as their text, so the rules of item 4 apply: 1.234 "
        "(valid JSON) is the ambiguous spelling and is quarantined; 1234.5, 1234.50 and 1234 "
        "load. Strictest reading of 'numbers are read as their text'.",
        v,
        "IND",
        [F("entities.jsonl", "entities", ents), F("links.jsonl", "links", links)],
        files=(fc("entities.jsonl", 2, 2, 0), fc("links.jsonl", 5, 4, 1)),
        quarantine=(qe("links.jsonl", 2, 2, "amount", "ambiguous"),),
        stored=(
            st("L1", "amount", 1234.5),
            st("L3", "amount", 1234.5),
            st("L4", "amount", 1234.0),
            st("L5", "amount", 1234.56),
        ),
    )


CASES_JSONL = [
    jsonl_truncated_mid_key(),
    jsonl_truncated_mid_string(),
    jsonl_truncated_mid_number(),
    jsonl_truncated_mid_utf8(),
    jsonl_truncated_after_complete_line(),
    jsonl_not_objects(),
    jsonl_nested_and_boolean_values(),
    jsonl_numbers_as_text(),
    jsonl_blank_lines_and_crlf(),
    jsonl_pretty_printed(),
    jsonl_null_and_missing_keys(),
    jsonl_number_amounts(),
]
