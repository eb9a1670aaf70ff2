"""CSV structure: line endings, blank lines, quoting, field counts, headers, a 10,000-line file.

Line numbers in the comments are physical lines of the file (header = line 1).
"""

from __future__ import annotations

from .model import Case
from .writing import ECOLS, LCOLS, REG, F, Vals, fc, make, q, qe, rec, st, text

PCOLS = ("record_id", "type", "name", "birth_date")
UQ = "unterminated quote"


def baseline_csv() -> Case:
    v = Vals(1)
    pc, pc_stored = v.postcode(1)
    ents = text(
        ";".join(ECOLS),
        rec(ECOLS, record_id="P1", type="Person", name=v.name(1), birth_date="12-03-1985"),
        rec(ECOLS, record_id="P2", type="Person", name=v.name(2), birth_date="01-07-1999"),
        rec(
            ECOLS,
            record_id="A1",
            type="Address",
            postcode=pc,
            house_number="12",
            street="Dorpsstraat",
            city="Utrecht",
        ),
        rec(ECOLS, record_id="T1", type="Phone", number=v.mobile(1)),
        rec(
            ECOLS,
            record_id="S1",
            type="Signal",
            signal_id="S-E3-001",
            phenomenon="labour",
            reported_at="05-01-2025",
            summary="Melding na controle",
        ),
    )
    links = text(
        ";".join(LCOLS),
        rec(LCOLS, record_id="L1", type="LIVES_AT", from_="P1", to="A1", registered_at=REG),
        rec(LCOLS, record_id="L2", type="USES_PHONE", from_="P1", to="T1", registered_at=REG),
        rec(
            LCOLS,
            record_id="L3",
            type="INVOLVED_IN",
            from_="P1",
            to="S1",
            registered_at=REG,
            role="suspect",
        ),
        rec(
            LCOLS,
            record_id="L4",
            type="INVOLVED_IN",
            from_="P2",
            to="S1",
            registered_at=REG,
            role="victim",
        ),
    )
    return make(
        "baseline_csv",
        "A clean delivery, the control case: every row loads and values are normalised.",
        v,
        "POL",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 5, 5, 0), fc("links.csv", 4, 4, 0)),
        stored=(
            st("P1", "birth_date", "1985-03-12"),
            st("A1", "postcode", pc_stored),
            st("T1", "number", v.e164(1)),
            st("L3", "role", "suspect"),
            st("L1", "registered_at", "2025-01-05"),
            st("L1", "legal_basis", "WPG-10"),
        ),
    )


def _persons(v: Vals, n: int, first: int = 1) -> list[str]:
    return [
        rec(PCOLS, record_id=f"P{i}", type="Person", name=v.name(i), birth_date=f"0{i}-0{i}-199{i}")
        for i in range(first, first + n)
    ]


def csv_crlf() -> Case:
    v = Vals(3)
    p = _persons(v, 4)
    p[2] = rec(PCOLS, record_id="P3", type="Person", name=v.name(3), birth_date="31-02-1990")
    ents = text(";".join(PCOLS), *p, eol="\r\n")  # P3 on line 4
    links = text(
        ";".join(LCOLS),
        rec(LCOLS, record_id="L1", type="MET", from_="P1", to="P2", registered_at=REG),
        eol="\r\n",
    )
    return make(
        "csv_crlf",
        "Windows Excel export with CRLF endings; CR must not stick to the last field, and "
        "line numbers count CRLF as one terminator.",
        v,
        "POL",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 4, 3, 1), fc("links.csv", 1, 1, 0)),
        quarantine=(qe("entities.csv", 3, 4, "birth_date"),),
        stored=(st("P4", "birth_date", "1994-04-04"),),
    )


def csv_lone_cr() -> Case:
    v = Vals(4)
    p = _persons(v, 4)
    p[2] = p[2] + ";NL"  # P3: five fields, line 4
    ents = text(";".join(PCOLS), *p, eol="\r")
    links = text(
        ";".join(LCOLS),
        rec(LCOLS, record_id="L1", type="ASSOCIATE_OF", from_="P1", to="P2", registered_at=REG),
        rec(LCOLS, record_id="L2", type="ASSOCIATE_OF", from_="P4", to="P3", registered_at=REG),
        eol="\r",
    )
    return make(
        "csv_lone_cr",
        "Old Mac Excel 'CSV (Macintosh)' ends lines with a lone CR: it is a line terminator "
        "like LF and CRLF, so the file has 5 lines, not 1.",
        v,
        "POL",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 4, 3, 1), fc("links.csv", 2, 1, 1)),
        quarantine=(qe("entities.csv", 3, 4, "record"), qe("links.csv", 2, 3, "to")),
    )


def csv_mixed_eol_no_final_newline() -> Case:
    v = Vals(5)
    p = _persons(v, 3)
    p[2] = rec(PCOLS, record_id="P3", type="Person", name=v.name(3), birth_date="30-02-1991")
    ents = ";".join(PCOLS) + "\r\n" + p[0] + "\n" + p[1] + "\r\n" + p[2]
    return make(
        "csv_mixed_eol_no_final_newline",
        "A file edited in two tools: CRLF and LF mixed, no newline after the last record (which "
        "still counts and is on line 4).",
        v,
        "POL",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 3, 2, 1),),
        quarantine=(qe("entities.csv", 3, 4, "birth_date"),),
    )


def csv_stray_cr_in_unquoted_field() -> Case:
    v = Vals(6)
    first, last = v.name(2).split(" ")
    ents = text(
        ";".join(PCOLS),
        rec(PCOLS, record_id="P1", type="Person", name=v.name(1), birth_date="01-01-1990"),
        f"P2;Person;{first}\r{last};02-02-1990",  # lines 3 and 4
        rec(PCOLS, record_id="P3", type="Person", name=v.name(3), birth_date="03-03-1990"),
    )
    v.keep(first, last)
    return make(
        "csv_stray_cr_in_unquoted_field",
        "Oracle export with CHR(13) inside an unquoted name. A lone CR ends a physical line "
        "(contract: lone-CR endings are line endings), so the row splits into two records with "
        "too few fields, both quarantined; the record after them loads.",
        v,
        "POL",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 4, 2, 2),),
        quarantine=(qe("entities.csv", 2, 3, "record"), qe("entities.csv", 3, 4, "record")),
    )


def csv_blank_and_whitespace_lines() -> Case:
    v = Vals(7)
    p = _persons(v, 3)
    p[2] = rec(PCOLS, record_id="P3", type="Person", name=v.name(3), birth_date="31-04-1990")
    ents = text(";".join(PCOLS), p[0], "", "   ", p[1], "\t", p[2], "", "")
    return make(
        "csv_blank_and_whitespace_lines",
        "Empty and whitespace-only lines (spaces, a tab) are not records but still count as "
        "physical lines: P3 is record 3 on line 7.",
        v,
        "POL",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 3, 2, 1),),
        quarantine=(qe("entities.csv", 3, 7, "birth_date"),),
    )


def csv_separator_only_rows() -> Case:
    v = Vals(8)
    p = _persons(v, 2)
    ents = text(";".join(PCOLS), p[0], ";;;", p[1], ";;;")
    return make(
        "csv_separator_only_rows",
        "Excel writes deleted rows as ';;;'. Such a line is not blank, so it is a record; its "
        "record_id is empty, and record_id is the field named (strictest: the first required "
        "column).",
        v,
        "POL",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 4, 2, 2),),
        quarantine=(qe("entities.csv", 2, 3, "record_id"), qe("entities.csv", 4, 5, "record_id")),
    )


SCOLS = ("record_id", "type", "name", "birth_date", "signal_id", "phenomenon", "reported_at")
SCOLS_SUM = (*SCOLS, "summary")


def csv_doubled_quotes() -> Case:
    v = Vals(9)
    name = v.name(1) + ' "de Kapper"'
    v.keep(name)
    summary = 'Melding "avond" in hotel; kamer 12; "zie bijlage"'
    ents = text(
        ";".join(SCOLS_SUM),
        f"P1;Person;{q(name)};{q('')};;;;",
        rec(
            SCOLS_SUM,
            record_id="S1",
            type="Signal",
            signal_id="S-E3-009",
            phenomenon="sexual",
            reported_at="05-01-2025",
        )
        + q(summary),
    )
    links = text(
        ";".join(LCOLS),
        rec(
            LCOLS,
            record_id="L1",
            type="INVOLVED_IN",
            from_="P1",
            to="S1",
            registered_at=REG,
            role="witness",
        ),
    )
    return make(
        "csv_doubled_quotes",
        'Quoted fields holding "" (a literal quote) and ";" (not a separator), and an empty '
        "quoted field: one record each, values unescaped exactly.",
        v,
        "KMAR",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 2, 2, 0), fc("links.csv", 1, 1, 0)),
        stored=(st("P1", "name", name), st("S1", "summary", summary)),
    )


def csv_all_fields_quoted() -> Case:
    v = Vals(10)
    cols = ("record_id", "type", "name", "number")
    rows = [
        cols,
        ("P1", "Person", v.name(1), ""),
        ("T1", "Phone", "", v.mobile(1)),
    ]
    ents = text(*(";".join(q(c) for c in r) for r in rows))
    links = text(
        *(";".join(q(c) for c in r) for r in [LCOLS, ("L1", "USES_PHONE", "P1", "T1", REG, "", "")])
    )
    return make(
        "csv_all_fields_quoted",
        "Oracle SQL Developer quotes every field, the header too: quotes are syntax, not part "
        "of column names or values.",
        v,
        "KMAR",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 2, 2, 0), fc("links.csv", 1, 1, 0)),
        stored=(st("T1", "number", v.e164(1)), st("P1", "name", v.name(1))),
    )


def csv_multiline_quoted_fields() -> Case:
    v = Vals(11)
    cols = ("record_id", "type", "signal_id", "phenomenon", "reported_at", "summary")

    def sig(i: int, summary: str) -> str:
        return f"S{i};Signal;S-E3-011-{i};labour;05-01-2025;{summary}"

    ents = text(
        ";".join(cols),
        sig(1, "Melding op een regel"),  # line 2
        sig(2, q("Melding; eerste regel\ntweede regel\nderde regel")),  # lines 3-5
        sig(3, q("Windows-regel\r\nna CRLF")),  # lines 6-7
        sig(4, "Na de meerregelige velden"),  # line 8
    )
    return make(
        "csv_multiline_quoted_fields",
        "Quoted summaries holding ';' and line breaks (LF, and CRLF) are one record each, "
        "numbered by their first line; the next record's line number proves the parser "
        "resynchronised. (The corpus first read item 3 strictly, a line break as a forbidden "
        "C0 control; the lead clarified the contract: line breaks inside a quoted field are "
        "part of the value, so all four records load.)",
        v,
        "ISZW",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 4, 4, 0),),
        quarantine=(),
    )


def csv_unterminated_quote_mid_file() -> Case:
    v = Vals(12)
    p = _persons(v, 5)
    p[1] = f'P2;Person;"{v.name(2)};02-02-1992'  # line 3, never closed
    ents = text(";".join(PCOLS), *p)  # lines 3..6 quarantined
    links = text(
        ";".join(LCOLS),
        rec(LCOLS, record_id="L1", type="ASSOCIATE_OF", from_="P1", to="P4", registered_at=REG),
    )
    return make(
        "csv_unterminated_quote_mid_file",
        "A quote opened on line 3 is never closed: lines 3-6 are quarantined one entry per line "
        "(each a record, rows 2-5) saying where it started; P1 loads, and the link to P4 (on a "
        "swallowed line) is quarantined naming 'to'.",
        v,
        "POL",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 5, 1, 4), fc("links.csv", 1, 0, 1)),
        quarantine=(
            *(qe("entities.csv", r, r + 1, "record", UQ, "line 3") for r in range(2, 6)),
            qe("links.csv", 1, 2, "to"),
        ),
    )


def csv_unterminated_quote_last_line() -> Case:
    v = Vals(13)
    p = _persons(v, 3)
    p[2] = f'P3;Person;"{v.name(3)};03-03-1993'
    ents = text(";".join(PCOLS), *p, final=False)
    return make(
        "csv_unterminated_quote_last_line",
        "An export cut off inside a quoted name on the last line (no final newline): only "
        "that line is quarantined.",
        v,
        "POL",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 3, 2, 1),),
        quarantine=(qe("entities.csv", 3, 4, "record", UQ, "line 4"),),
    )


def csv_unterminated_quote_over_blank_lines() -> Case:
    v = Vals(14)
    p = _persons(v, 3)
    ents = text(";".join(PCOLS), p[0], f'P2;Person;"{v.name(2)}', "", "   ", p[2], "")
    return make(
        "csv_unterminated_quote_over_blank_lines",
        "The unterminated quote (line 3) swallows an empty line, a whitespace line, a record "
        "and a trailing empty line. Strictest reading of 'every physical line ... one entry per "
        "line': lines 3-7 all get an entry, blank ones too (inside a quote they are content).",
        v,
        "POL",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 6, 1, 5),),
        quarantine=tuple(qe("entities.csv", r, r + 1, "record", UQ, "line 3") for r in range(2, 7)),
    )


def csv_field_count_mismatch() -> Case:
    v = Vals(15)
    p = _persons(v, 4)
    p[1] = p[1] + ";NL"  # 5 fields
    p[2] = f"P3;Person;{v.name(3)}"  # 3 fields
    ents = text(";".join(PCOLS), *p)
    return make(
        "csv_field_count_mismatch",
        "One record with a field too many, one with a field too few: both quarantined as "
        "'record', neighbours load.",
        v,
        "ISZW",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 4, 2, 2),),
        quarantine=(qe("entities.csv", 2, 3, "record"), qe("entities.csv", 3, 4, "record")),
    )


def csv_trailing_separator() -> Case:
    v = Vals(16)
    p = _persons(v, 3)
    p[1] += ";"
    p[2] += ";"
    ents = text(";".join(PCOLS), *p)
    return make(
        "csv_trailing_separator",
        "A system that ends data lines (not the header) with ';': the trailing separator opens "
        "an extra empty field, so those records have more fields than the header (strictest "
        "reading: quarantined, not silently trimmed).",
        v,
        "ISZW",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 3, 1, 2),),
        quarantine=(qe("entities.csv", 2, 3, "record"), qe("entities.csv", 3, 4, "record")),
    )


def csv_header_bom() -> Case:
    v = Vals(17)
    name = "Zoë " + v.name(1).split(" ")[1]
    v.keep(name)
    ents = "\ufeff" + text(
        ";".join(PCOLS),
        rec(PCOLS, record_id="P1", type="Person", name=name, birth_date="12-03-1985"),
    )
    return make(
        "csv_header_bom",
        "Excel 'CSV UTF-8' writes a BOM before the header: it is not part of the 'record_id' "
        "column name.",
        v,
        "POL",
        [F("entities.csv", "entities", ents.encode("utf-8"))],
        files=(fc("entities.csv", 1, 1, 0),),
        stored=(st("P1", "name", name),),
    )


def csv_concatenated_exports() -> Case:
    v = Vals(18)
    cols = ("record_id", "type", "name")
    body = (
        "\ufeff"
        + text(
            ";".join(cols),
            f"P1;Person;{v.name(1)}",
            f"P2;Person;{v.name(2)}",
            ";".join(cols),  # line 4: the second export's header
            f"\ufeffP3;Person;{v.name(3)}",  # line 5: a BOM written before an appended row
            f"P4;Person;{v.name(4)}",
        )
    ).encode("utf-8")
    return make(
        "csv_concatenated_exports",
        "Two exports glued together: the repeated header is a record of type 'type' "
        "(quarantined naming 'type'); a BOM in the middle of the file is U+FEFF inside "
        "record_id's text (quarantined naming 'record_id').",
        v,
        "POL",
        [F("entities.csv", "entities", body)],
        files=(fc("entities.csv", 5, 3, 2),),
        quarantine=(qe("entities.csv", 3, 4, "type"), qe("entities.csv", 4, 5, "record_id")),
    )


def csv_header_only() -> Case:
    v = Vals(19)
    return make(
        "csv_header_only",
        "Files with a header and no records are not empty files: the delivery loads with 0 "
        "records read.",
        v,
        "OM",
        [
            F("entities.csv", "entities", text(";".join(PCOLS))),
            F("links.csv", "links", text(";".join(LCOLS))),
        ],
        files=(fc("entities.csv", 0, 0, 0), fc("links.csv", 0, 0, 0)),
    )


def csv_comma_separated() -> Case:
    v = Vals(20)
    ents = text("record_id,type,name", f"P1,Person,{v.name(1)}")
    return make(
        "csv_comma_separated",
        "English-locale Excel saves with ',': the header is one column named "
        "'record_id,type,name', so it has no record_id column and the delivery is refused.",
        v,
        "POL",
        [F("entities.csv", "entities", ents)],
        refused=True,
        error=("entities.csv",),
    )


def csv_foreign_columns() -> Case:
    v = Vals(21)
    cols = ("record_id", "type", "name", "number", "opmerking")
    ents = text(
        ";".join(cols),
        rec(cols, record_id="P1", type="Person", name=v.name(1)),
        rec(cols, record_id="T1", type="Phone", number=v.mobile(1)),
        rec(cols, record_id="T2", type="Phone", name=v.name(2), number=v.mobile(2)),
        rec(cols, record_id="P2", type="Person", name=v.name(3), opmerking="zie dossier"),
    )
    return make(
        "csv_foreign_columns",
        "A value in a column that is not a field of the row's type (a name on a Phone row, an "
        "unknown 'opmerking' column) quarantines that row naming the column; empty cells in "
        "such columns are fine.",
        v,
        "POL",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 4, 2, 2),),
        quarantine=(qe("entities.csv", 3, 4, "name"), qe("entities.csv", 4, 5, "opmerking")),
    )


def csv_bad_type() -> Case:
    v = Vals(22)
    cols = ("record_id", "type", "name")
    ents = text(
        ";".join(cols),
        f"P1;Person;{v.name(1)}",
        "X1;Spaceship;",
        "L1;LIVES_AT;",
        f"P2;;{v.name(2)}",
        f"P3;Person;{v.name(3)}",
    )
    return make(
        "csv_bad_type",
        "An unknown type, a relationship type in an entities file, and an empty type: each "
        "quarantined naming 'type'.",
        v,
        "POL",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 5, 2, 3),),
        quarantine=(
            qe("entities.csv", 2, 3, "type"),
            qe("entities.csv", 3, 4, "type"),
            qe("entities.csv", 4, 5, "type"),
        ),
    )


def csv_empty_record_id() -> Case:
    v = Vals(23)
    ents = text(
        ";".join(PCOLS),
        f";Person;{v.name(1)};01-01-1990",
        f"P1;Person;{v.name(2)};02-02-1990",
    )
    return make(
        "csv_empty_record_id",
        "A row without a record_id cannot be referred to or traced: quarantined naming "
        "'record_id'.",
        v,
        "POL",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 2, 1, 1),),
        quarantine=(qe("entities.csv", 1, 2, "record_id"),),
    )


def csv_10000_lines() -> Case:
    v = Vals(24)
    cols = ("record_id", "type", "name")
    rows = [f"P{i:05d};Person;Proefpersoon {i:05d}" for i in range(1, 10000)]
    rows[4999] = "P05000;Person;Proefpersoon\x0005000"  # record 5000, line 5001
    rows[9998] = 'P09999;Person;"Proefpersoon 09999'  # record 9999, line 10000
    v.keep("Proefpersoon 05000", "Proefpersoon 09999")
    ents = text(";".join(cols), *rows)
    links = text(
        ";".join(LCOLS),
        rec(
            LCOLS,
            record_id="L1",
            type="ASSOCIATE_OF",
            from_="P00001",
            to="P00002",
            registered_at=REG,
        ),
        rec(
            LCOLS,
            record_id="L2",
            type="ASSOCIATE_OF",
            from_="P00003",
            to="P09999",
            registered_at=REG,
        ),
        rec(
            LCOLS,
            record_id="L3",
            type="ASSOCIATE_OF",
            from_="P05000",
            to="P00004",
            registered_at=REG,
        ),
    )
    return make(
        "csv_10000_lines",
        "10,000 physical lines (header + 9,999 records): a NUL in record 5000 and an "
        "unterminated quote on the very last line; counts and line numbers stay exact at "
        "scale, and links to either are quarantined.",
        v,
        "KMAR",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 9999, 9997, 2), fc("links.csv", 3, 1, 2)),
        quarantine=(
            qe("entities.csv", 5000, 5001, "name"),
            qe("entities.csv", 9999, 10000, "record", UQ, "line 10000"),
            qe("links.csv", 2, 3, "to"),
            qe("links.csv", 3, 4, "from"),
        ),
    )


CASES_CSV = [
    baseline_csv(),
    csv_crlf(),
    csv_lone_cr(),
    csv_mixed_eol_no_final_newline(),
    csv_stray_cr_in_unquoted_field(),
    csv_blank_and_whitespace_lines(),
    csv_separator_only_rows(),
    csv_doubled_quotes(),
    csv_all_fields_quoted(),
    csv_multiline_quoted_fields(),
    csv_unterminated_quote_mid_file(),
    csv_unterminated_quote_last_line(),
    csv_unterminated_quote_over_blank_lines(),
    csv_field_count_mismatch(),
    csv_trailing_separator(),
    csv_header_bom(),
    csv_concatenated_exports(),
    csv_header_only(),
    csv_comma_separated(),
    csv_foreign_columns(),
    csv_bad_type(),
    csv_empty_record_id(),
    csv_10000_lines(),
]
