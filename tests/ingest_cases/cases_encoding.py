"""Encodings (contract item 2): BOMs, the manifest's declaration, detection, mixed files."""

from __future__ import annotations

import json

from .model import Case
from .writing import LCOLS, PAYCOLS, REG, F, Vals, fc, make, qe, rec, st, text

PCOLS = ("record_id", "type", "name", "birth_date")
NCOLS = ("record_id", "type", "name")


def _accented(v: Vals, first: str, i: int) -> str:
    name = f"{first} {v.name(i).split(' ')[1]}"
    v.keep(name)
    return name


def enc_cp1252_pure() -> Case:
    v = Vals(30)
    zoe, rene, noel = _accented(v, "Zoë", 1), _accented(v, "René", 2), _accented(v, "Noël", 3)
    cols = ("record_id", "type", "name", "iban", "bank")
    ents = text(
        ";".join(cols),
        rec(cols, record_id="P1", type="Person", name=zoe),
        rec(cols, record_id="P2", type="Person", name=rene),
        rec(cols, record_id="P3", type="Person", name=noel),
        rec(cols, record_id="B1", type="BankAccount", iban=v.iban(1), bank="ING"),
        rec(cols, record_id="B2", type="BankAccount", iban=v.iban(2), bank="Rabobank"),
        eol="\r\n",
    ).encode("cp1252")
    description = "huur € 450 “contant”…"
    links = text(
        ";".join(PAYCOLS),
        rec(
            PAYCOLS,
            record_id="L1",
            type="PAYMENT",
            from_="B1",
            to="B2",
            registered_at=REG,
            amount="450,00",
            date="03-01-2025",
            description=description,
        ),
        rec(PAYCOLS, record_id="L2", type="HOLDS_ACCOUNT", from_="P1", to="B1", registered_at=REG),
        eol="\r\n",
    ).encode("cp1252")
    return make(
        "enc_cp1252_pure",
        "A Windows-1252 export (é, ë, €, curly quotes, …) with no declaration: no valid UTF-8 "
        "multi-byte sequence, so cp1252. Read as Latin-1 instead, 0x80/0x85/0x93/0x94 would "
        "become C1 controls and wrongly quarantine rows.",
        v,
        "ISZW",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 5, 5, 0), fc("links.csv", 2, 2, 0)),
        stored=(
            st("P1", "name", zoe),
            st("P2", "name", rene),
            st("L1", "description", description),
            st("L1", "amount", 450.0),
        ),
    )


def enc_cp1252_with_accidental_utf8() -> Case:
    v = Vals(31)
    renee_raw = _accented(v, "RenÃ©e", 1)  # mojibake already stored in the source system
    renee = renee_raw.replace("Ã©", "é")
    zoe = _accented(v, "Zoë", 2)
    v.keep(renee)
    ents = text(
        ";".join(NCOLS),
        f"P1;Person;{renee_raw}",
        f"P2;Person;{zoe}",
        f"P3;Person;{v.name(3)}",
    ).encode("cp1252")
    return make(
        "enc_cp1252_with_accidental_utf8",
        "A cp1252 file whose source already held mojibake 'Ã©' (bytes C3 A9, a valid UTF-8 "
        "sequence) next to a real cp1252 'ë': by the rule it is UTF-8 with an invalid byte, so "
        "P1 reads as 'Renée', P2 is quarantined naming the encoding. Nothing guessed per line.",
        v,
        "ISZW",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 3, 2, 1),),
        quarantine=(qe("entities.csv", 2, 3, "record", "utf-8"),),
        stored=(st("P1", "name", renee),),
    )


def enc_mixed_utf8_and_cp1252_lines() -> Case:
    v = Vals(32)
    zoe, rene, noel, emile = (
        _accented(v, "Zoë", 1),
        _accented(v, "René", 2),
        _accented(v, "Noël", 4),
        _accented(v, "Émile", 5),
    )
    ents = (
        text(";".join(NCOLS), f"P1;Person;{zoe}").encode("utf-8")
        + f"P2;Person;{rene}\n".encode("cp1252")
        + f"P3;Person;{v.name(3)}\n".encode()
        + f"P4;Person;{noel}\n".encode("cp1252")
        + f"P5;Person;{emile}\n".encode()
    )
    links = text(
        ";".join(LCOLS),
        rec(LCOLS, record_id="L1", type="ASSOCIATE_OF", from_="P1", to="P2", registered_at=REG),
        rec(LCOLS, record_id="L2", type="ASSOCIATE_OF", from_="P3", to="P5", registered_at=REG),
    )
    return make(
        "enc_mixed_utf8_and_cp1252_lines",
        "Rows appended by a cp1252 tool to a UTF-8 file: the file is UTF-8, the two records with "
        "invalid bytes are quarantined (field 'record', reason names UTF-8), the link to one of "
        "them too.",
        v,
        "POL",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 5, 3, 2), fc("links.csv", 2, 1, 1)),
        quarantine=(
            qe("entities.csv", 2, 3, "record", "utf-8"),
            qe("entities.csv", 4, 5, "record", "utf-8"),
            qe("links.csv", 1, 2, "to"),
        ),
        stored=(st("P1", "name", zoe), st("P5", "name", emile)),
    )


def enc_declared_utf8_file_cp1252() -> Case:
    v = Vals(33)
    zoe = _accented(v, "Zoë", 1)
    ents = text(";".join(NCOLS), f"P1;Person;{zoe}", f"P2;Person;{v.name(2)}").encode("cp1252")
    return make(
        "enc_declared_utf8_file_cp1252",
        "The manifest declares utf-8 but the file is cp1252: the declaration is obeyed (no "
        "detection), so the record with byte 0xEB is quarantined naming the encoding.",
        v,
        "POL",
        [F("entities.csv", "entities", ents, "utf-8")],
        files=(fc("entities.csv", 2, 1, 1),),
        quarantine=(qe("entities.csv", 1, 2, "record", "utf-8"),),
    )


def enc_declared_cp1252_file_utf8() -> Case:
    v = Vals(34)
    zoe = _accented(v, "Zoë", 1)
    mojibake = zoe.encode("utf-8").decode("cp1252")
    v.keep(mojibake)
    ents = text(";".join(NCOLS), f"P1;Person;{zoe}").encode("utf-8")
    return make(
        "enc_declared_cp1252_file_utf8",
        "The manifest declares cp1252 for a UTF-8 file without BOM: the declaration wins over "
        "detection, so the name loads as mojibake 'ZoÃ«' (bytes decode fine; garbage in is "
        "the party's responsibility).",
        v,
        "POL",
        [F("entities.csv", "entities", ents, "cp1252")],
        files=(fc("entities.csv", 1, 1, 0),),
        stored=(st("P1", "name", mojibake),),
    )


def enc_bom_beats_manifest() -> Case:
    v = Vals(35)
    zoe = _accented(v, "Zoë", 1)
    ents = ("\ufeff" + text(";".join(NCOLS), f"P1;Person;{zoe}")).encode("utf-8")
    return make(
        "enc_bom_beats_manifest",
        "A UTF-8 BOM while the manifest says cp1252: the BOM decides, the name reads 'Zoë'.",
        v,
        "POL",
        [F("entities.csv", "entities", ents, "cp1252")],
        files=(fc("entities.csv", 1, 1, 0),),
        stored=(st("P1", "name", zoe),),
    )


def _unicode_case(name: str, k: int, codec: str, why: str) -> Case:
    v = Vals(k)
    stefan, eleni = _accented(v, "Ștefan", 1), "Ελένη " + v.name(2).split(" ")[1]
    v.keep(eleni)
    ents = (
        "\ufeff"
        + text(
            ";".join(PCOLS),
            rec(PCOLS, record_id="P1", type="Person", name=stefan, birth_date="01-01-1990"),
            rec(PCOLS, record_id="P2", type="Person", name=eleni, birth_date="02-02-1990"),
            rec(PCOLS, record_id="P3", type="Person", name=v.name(3), birth_date="31-02-1990"),
            rec(PCOLS, record_id="P4", type="Person", name=v.name(4), birth_date="04-04-1990"),
            eol="\r\n",
        )
    ).encode(codec)
    links = text(
        ";".join(LCOLS),
        rec(LCOLS, record_id="L1", type="ASSOCIATE_OF", from_="P1", to="P2", registered_at=REG),
    )
    return make(
        name,
        why,
        v,
        "IND",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 4, 3, 1), fc("links.csv", 1, 1, 0)),
        quarantine=(qe("entities.csv", 3, 4, "birth_date"),),
        stored=(st("P1", "name", stefan), st("P2", "name", eleni)),
    )


def enc_utf16le_bom() -> Case:
    return _unicode_case(
        "enc_utf16le_bom",
        36,
        "utf-16-le",
        "Excel 'Unicode' save: UTF-16 LE with BOM and CRLF; lines are counted in the decoded "
        "text, and the UTF-8 links file next to it is read as UTF-8 (encoding is per file).",
    )


def enc_utf16be_bom() -> Case:
    return _unicode_case(
        "enc_utf16be_bom", 37, "utf-16-be", "UTF-16 BE with BOM (mainframe/Java exports)."
    )


def enc_utf32le_bom() -> Case:
    return _unicode_case(
        "enc_utf32le_bom",
        38,
        "utf-32-le",
        "UTF-32 LE: its BOM FF FE 00 00 starts with the UTF-16 LE BOM; it must be tested first.",
    )


def enc_utf32be_bom() -> Case:
    return _unicode_case("enc_utf32be_bom", 39, "utf-32-be", "UTF-32 BE with BOM 00 00 FE FF.")


def enc_utf16le_without_bom() -> Case:
    v = Vals(40)
    ents = text(";".join(NCOLS), f"P1;Person;{v.name(1)}", eol="\r\n").encode("utf-16-le")
    return make(
        "enc_utf16le_without_bom",
        "UTF-16 LE without BOM is not guessed: it decodes as UTF-8 with NULs between letters, "
        "so the header has no record_id column and the delivery is refused.",
        v,
        "IND",
        [F("entities.csv", "entities", ents)],
        refused=True,
        error=("entities.csv",),
    )


def enc_jsonl_utf8_bom() -> Case:
    v = Vals(41)
    zoe = _accented(v, "Zoë", 1)
    rows = [
        {"record_id": "E1", "type": "Person", "name": zoe, "birth_date": "1990-01-01"},
        {"record_id": "E2", "type": "Phone", "number": v.mobile(1)},
    ]
    ents = ("\ufeff" + text(*(json.dumps(r, ensure_ascii=False) for r in rows))).encode("utf-8")
    return make(
        "enc_jsonl_utf8_bom",
        "JSON Lines written by a Windows tool with a BOM: the BOM decides the encoding and is "
        "not part of the first line's JSON.",
        v,
        "IND",
        [F("entities.jsonl", "entities", ents)],
        files=(fc("entities.jsonl", 2, 2, 0),),
        stored=(st("E1", "name", zoe), st("E2", "number", v.e164(1))),
    )


CASES_ENCODING = [
    enc_cp1252_pure(),
    enc_cp1252_with_accidental_utf8(),
    enc_mixed_utf8_and_cp1252_lines(),
    enc_declared_utf8_file_cp1252(),
    enc_declared_cp1252_file_utf8(),
    enc_bom_beats_manifest(),
    enc_utf16le_bom(),
    enc_utf16be_bom(),
    enc_utf32le_bom(),
    enc_utf32be_bom(),
    enc_utf16le_without_bom(),
    enc_jsonl_utf8_bom(),
]
