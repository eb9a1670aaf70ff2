"""Control characters, invisible Unicode and oversized fields (contract item 3)."""

from __future__ import annotations

import json

from .model import Case
from .writing import F, Vals, fc, make, qe, st, text

NCOLS = ("record_id", "type", "name")
SIG = ("record_id", "type", "signal_id", "phenomenon", "reported_at", "summary")
MIB = 1024 * 1024


def _names_case(name: str, k: int, why: str, bad: list[str], party: str = "POL") -> Case:
    """P1 clean, then one record per entry of ``bad`` (a name holding the oddity), then a clean
    last record: every odd record is quarantined naming 'name', one physical line each."""
    v = Vals(k)
    rows = [f"P1;Person;{v.name(1)}"]
    for i, odd in enumerate(bad, start=2):
        first, last = v.name(i).split(" ")
        v.keep(first, last)
        rows.append(f"P{i};Person;{first}{odd}{last}")
    end = len(bad) + 2
    rows.append(f"P{end};Person;{v.name(end)}")
    ents = text(";".join(NCOLS), *rows)
    return make(
        name,
        why,
        v,
        party,
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", len(rows), 2, len(bad)),),
        quarantine=tuple(qe("entities.csv", r, r + 1, "name") for r in range(2, len(bad) + 2)),
    )


def ctl_nul_byte() -> Case:
    return _names_case(
        "ctl_nul_byte",
        50,
        "A NUL byte inside a name (C strings from an old system): the record is quarantined "
        "naming 'name', reading goes on.",
        ["\x00"],
    )


def ctl_ansi_escape() -> Case:
    return _names_case(
        "ctl_ansi_escape",
        51,
        "ANSI colour codes copied from a terminal (ESC[31m ... ESC[0m) would recolour an "
        "operator's console: quarantined naming 'name'.",
        ["\x1b[31m ", " \x1b[0m"],
    )


def ctl_bidi_controls() -> Case:
    return _names_case(
        "ctl_bidi_controls",
        52,
        "Bidi overrides, embeddings and isolates (U+202E RLO, U+202A LRE, U+2067 RLI, U+2069 "
        "PDI) can make a name display as another: each record quarantined naming 'name'.",
        [" \u202e", " \u202a", " \u2067", "\u2069 "],
        party="KMAR",
    )


def ctl_not_line_breaks() -> Case:
    return _names_case(
        "ctl_not_line_breaks",
        53,
        "Form feed, vertical tab, FS/GS/RS (0x1C-0x1E), NEL (U+0085) and CSI (U+009B) are "
        "controls, not line breaks (str.splitlines would split on most of them): each is one "
        "record on one physical line, quarantined naming 'name'.",
        [" \x0c", " \x0b", " \x1c", " \x1d", " \x1e", " \u0085", " \u009b"],
    )


def ctl_tab_allowed() -> Case:
    v = Vals(54)
    first, last = v.name(1).split(" ")
    v.keep(first, last)
    ents = text(";".join(NCOLS), f"P1;Person;{first}\t{last}", f"P2;Person;{v.name(2)}")
    return make(
        "ctl_tab_allowed",
        "Tab is the one control the contract allows: a tab inside a name loads.",
        v,
        "POL",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 2, 2, 0),),
    )


def ctl_zero_width_allowed() -> Case:
    v = Vals(55)
    persian = "مهسا\u200cآزمایشی"  # ZWNJ is part of correct Persian spelling
    v.keep(persian)
    summary = "Advertentie met emoji \U0001f468\u200d\U0001f469\u200d\U0001f467 en\u200bnaad"
    ents = text(
        ";".join(SIG + ("name",)),
        f"P1;Person;;;;;{persian}",
        f"S1;Signal;S-E3-055;sexual;05-01-2025;{summary};",
    )
    return make(
        "ctl_zero_width_allowed",
        "Zero-width joiner (emoji sequences), non-joiner (Persian spelling) and zero-width space "
        "are not in the contract's list of controls (C0/C1, ANSI, bidi, BOM): they load "
        "unchanged. Strict reading of the list as written.",
        v,
        "IND",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 2, 2, 0),),
        stored=(st("P1", "name", persian), st("S1", "summary", summary)),
    )


def ctl_bom_inside_value() -> Case:
    return _names_case(
        "ctl_bom_inside_value",
        56,
        "A U+FEFF pasted into the middle of a name (copied from a BOM-prefixed file) is "
        "invisible and breaks matching: quarantined naming 'name'.",
        ["\ufeff"],
    )


def _sig(v: Vals, i: int, summary: str) -> str:
    return f"S{i};Signal;S-E3-{v.k:03d}-{i};labour;05-01-2025;{summary}"


def big_field_2mib() -> Case:
    v = Vals(57)
    ents = text(
        ";".join(SIG),
        _sig(v, 1, "kort"),
        _sig(v, 2, "x" * (2 * MIB)),
        _sig(v, 3, "na het grote veld"),
    )
    return make(
        "big_field_2mib",
        "A 2 MiB summary (a pasted document) quarantines its record naming 'summary'; the "
        "record after it still loads.",
        v,
        "ISZW",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 3, 2, 1),),
        quarantine=(qe("entities.csv", 2, 3, "summary"),),
    )


def big_field_boundaries() -> Case:
    v = Vals(58)
    ents = text(
        ";".join(SIG),
        _sig(v, 1, "y" * 200_000),
        _sig(v, 2, "z" * MIB),
        _sig(v, 3, "w" * (MIB + 1)),
    )
    return make(
        "big_field_boundaries",
        "200,000 characters exceeds Python csv's default field limit (131,072) but not 1 MiB: "
        "loads. Exactly 1 MiB (ASCII, so bytes = characters) is not 'over': loads. 1 MiB + 1 "
        "byte: quarantined naming 'summary'.",
        v,
        "ISZW",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 3, 2, 1),),
        quarantine=(qe("entities.csv", 3, 4, "summary"),),
    )


def big_field_jsonl() -> Case:
    v = Vals(59)
    rows = [
        {"record_id": "S1", "type": "Signal", "signal_id": "S-E3-059-1", "phenomenon": "labour",
         "reported_at": "2025-01-05", "summary": "a" * (2 * MIB)},
        {"record_id": "S2", "type": "Signal", "signal_id": "S-E3-059-2", "phenomenon": "labour",
         "reported_at": "2025-01-05", "summary": "kort"},
    ]  # fmt: skip
    ents = text(*(json.dumps(r) for r in rows))
    return make(
        "big_field_jsonl",
        "The same 2 MiB field in JSON Lines: quarantined naming 'summary', next line loads.",
        v,
        "ISZW",
        [F("entities.jsonl", "entities", ents)],
        files=(fc("entities.jsonl", 2, 1, 1),),
        quarantine=(qe("entities.jsonl", 1, 1, "summary"),),
    )


def ctl_escapes_in_jsonl() -> Case:
    v = Vals(60)
    n = [v.name(i) for i in range(1, 5)]
    lines = [
        json.dumps({"record_id": "E1", "type": "Person", "name": n[0]}),
        json.dumps({"record_id": "E2", "type": "Person", "name": n[1].replace(" ", "\u0000")}),
        json.dumps({"record_id": "E3", "type": "Person", "name": "\u202e" + n[2]}),
        json.dumps({"record_id": "E4", "type": "Person", "name": n[3] + "\u001b[2J"}),
    ]
    return make(
        "ctl_escapes_in_jsonl",
        "JSON escapes \\u0000, \\u202e and \\u001b are valid JSON but decode to forbidden "
        "characters: checked after decoding, quarantined naming 'name'.",
        v,
        "IND",
        [F("entities.jsonl", "entities", text(*lines))],
        files=(fc("entities.jsonl", 4, 1, 3),),
        quarantine=(
            qe("entities.jsonl", 2, 2, "name"),
            qe("entities.jsonl", 3, 3, "name"),
            qe("entities.jsonl", 4, 4, "name"),
        ),
    )


CASES_CONTROLS = [
    ctl_nul_byte(),
    ctl_ansi_escape(),
    ctl_bidi_controls(),
    ctl_not_line_breaks(),
    ctl_tab_allowed(),
    ctl_zero_width_allowed(),
    ctl_bom_inside_value(),
    ctl_escapes_in_jsonl(),
    big_field_2mib(),
    big_field_boundaries(),
    big_field_jsonl(),
]
