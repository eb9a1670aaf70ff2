"""Values: amounts (item 4), dates (item 5), plausible spellings (item 6), legal bases, links."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .model import Case, Entry, Stored
from .writing import (
    LCOLS,
    PAYCOLS,
    REG,
    F,
    Vals,
    bsn,
    delivery_id,
    fc,
    iso_today_span,
    make,
    qe,
    rec,
    st,
    text,
    writer,
)

PCOLS = ("record_id", "type", "name", "birth_date")
ACCOUNTS = ("record_id", "type", "iban")


def _amount_case(
    name: str, k: int, why: str, amounts: list[tuple[str, float | None]], style: str | None
) -> Case:
    """PAYMENT rows L1.. with the given amounts; None = quarantined naming 'amount'."""
    v = Vals(k)
    ents = text(
        ";".join(ACCOUNTS),
        f"B1;BankAccount;{v.iban(1)}",
        f"B2;BankAccount;{v.iban(2)}",
    )
    rows = [
        rec(
            PAYCOLS,
            record_id=f"L{i}",
            type="PAYMENT",
            from_="B1",
            to="B2",
            registered_at=REG,
            amount=a,
            date="03-01-2025",
        )
        for i, (a, _) in enumerate(amounts, start=1)
    ]
    reason = ("ambiguous",) if style is None else ()
    bad = [
        qe("links.csv", i, i + 1, "amount", *reason)
        for i, (_, val) in enumerate(amounts, start=1)
        if val is None
    ]
    good = [
        st(f"L{i}", "amount", val) for i, (_, val) in enumerate(amounts, start=1) if val is not None
    ]
    return make(
        name,
        why,
        v,
        "POL",
        [
            F("entities.csv", "entities", ents),
            F("links.csv", "links", text(";".join(PAYCOLS), *rows)),
        ],
        manifest_extra={"number_style": style} if style else None,
        files=(
            fc("entities.csv", 2, 2, 0),
            fc("links.csv", len(rows), len(rows) - len(bad), len(bad)),
        ),
        quarantine=tuple(bad),
        stored=tuple(good),
    )


def amount_undeclared_style() -> Case:
    return _amount_case(
        "amount_undeclared_style",
        80,
        "No number_style: a value loads only if it has one reading. The contract's list, plus "
        "12.5 and 0,50 (a group of one or two digits cannot be thousands) and 1.234.567 / "
        "1,234,567 (two group marks: only one style fits). 1.234 and 1,234 are ambiguous.",
        [
            ("1.234,56", 1234.56),
            ("1234,56", 1234.56),
            ("12,5", 12.5),
            ("1234.56", 1234.56),
            ("1,234.56", 1234.56),
            ("1234", 1234.0),
            ("1.234", None),
            ("1,234", None),
            ("12.5", 12.5),
            ("1.234.567", 1234567.0),
            ("1,234,567", 1234567.0),
            ("0,50", 0.5),
        ],
        None,
    )


def amount_style_nl() -> Case:
    return _amount_case(
        "amount_style_nl",
        81,
        "number_style 'nl' is read strictly: 1.234 = 1234; English spellings 1234.56 and "
        "1,234.56 are not valid Dutch numbers and are quarantined naming 'amount'.",
        [
            ("1.234", 1234.0),
            ("1.234,56", 1234.56),
            ("1234,56", 1234.56),
            ("1234", 1234.0),
            ("12,5", 12.5),
            ("1234.56", None),
            ("1,234.56", None),
            ("1.234.567", 1234567.0),
        ],
        "nl",
    )


def amount_style_en() -> Case:
    return _amount_case(
        "amount_style_en",
        82,
        "number_style 'en' is read strictly: 1.234 = 1.234 and 1,234 = 1234; Dutch spellings "
        "1.234,56 and 1234,56 are quarantined naming 'amount'.",
        [
            ("1.234", 1.234),
            ("1,234", 1234.0),
            ("1,234.56", 1234.56),
            ("1234.56", 1234.56),
            ("1234", 1234.0),
            ("1.234,56", None),
            ("1234,56", None),
            ("12.5", 12.5),
        ],
        "en",
    )


def integer_fields() -> Case:
    v = Vals(83)
    pc, _ = v.postcode(1)
    ecols = ("record_id", "type", "name", "number", "postcode", "house_number")
    ents = text(
        ";".join(ecols),
        rec(ecols, record_id="T1", type="Phone", number=v.mobile(1)),
        rec(ecols, record_id="T2", type="Phone", number=v.mobile(2)),
        rec(ecols, record_id="P1", type="Person", name=v.name(1)),
        rec(ecols, record_id="P2", type="Person", name=v.name(2)),
        rec(ecols, record_id="A1", type="Address", postcode=pc, house_number="7"),
    )
    lcols = (
        "record_id", "type", "from", "to", "registered_at", "date", "duration", "count",
        "weight", "nights",
    )  # fmt: skip

    def link(i: int, typ: str, a: str, b: str, **kw: str) -> str:
        return rec(
            lcols,
            record_id=f"L{i}",
            type=typ,
            from_=a,
            to=b,
            registered_at=REG,
            date="02-01-2025",
            **kw,
        )

    links = text(
        ";".join(lcols),
        link(1, "CALLED", "T1", "T2", duration="3.0", count="3,0"),
        link(2, "CALLED", "T1", "T2", duration="3.5", count="1"),
        link(3, "CALLED", "T2", "T1", duration="10", count="3,5"),
        link(4, "CALLED", "T2", "T1", duration="120", count="7"),
        link(5, "MET", "P1", "P2", weight="2.0"),
        link(6, "STAYED_AT", "P1", "A1", nights="3,0"),
        link(7, "STAYED_AT", "P2", "A1", nights="1.5"),
    )
    return make(
        "integer_fields",
        "Integer fields (duration, count, weight, nights) written 3.0 / 3,0 / 2.0 by a "
        "spreadsheet are integers; 3.5, 3,5 and 1.5 are not and are quarantined naming the field.",
        v,
        "POL",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 5, 5, 0), fc("links.csv", 7, 4, 3)),
        quarantine=(
            qe("links.csv", 2, 3, "duration"),
            qe("links.csv", 3, 4, "count"),
            qe("links.csv", 7, 8, "nights"),
        ),
        stored=(
            st("L1", "duration", 3),
            st("L1", "count", 3),
            st("L5", "weight", 2),
            st("L6", "nights", 3),
        ),
    )


def house_numbers_and_postcodes() -> Case:
    v = Vals(84)
    cols = ("record_id", "type", "postcode", "house_number", "street", "city")
    (p1, s1), (p2, s2), (p3, s3) = v.postcode(1), v.postcode(2), v.postcode(3)
    ents = text(
        ";".join(cols),
        f"A1;Address;{p1.replace(' ', '').lower()};12a;Kade;Leiden",
        f"A2;Address;{p2};12-II;Kade;Leiden",
        f"A3;Address;{p3.lower()};12 bis;Kade;Leiden",
    )
    return make(
        "house_numbers_and_postcodes",
        "House numbers with the addition in the same cell (12a, 12-II, 12 bis) and postcodes "
        "in lower case without space all load. The stored spelling of 'bis' is not fixed by "
        "the contract, so only its number is checked.",
        v,
        "POL",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 3, 3, 0),),
        stored=(
            st("A1", "postcode", s1),
            st("A1", "house_number", 12),
            st("A1", "addition", "A"),
            st("A2", "postcode", s2),
            st("A2", "house_number", 12),
            st("A2", "addition", "II"),
            st("A3", "postcode", s3),
            st("A3", "house_number", 12),
        ),
    )


def phones_with_dropped_zero() -> Case:
    v = Vals(85)
    v.mobile(1)
    landline_digits = f"20{v.k:03d}0002"
    landline = "+31" + landline_digits
    v.keep(landline_digits, landline)
    ents = text(
        "record_id;type;number",
        f"T1;Phone;61{v.k:03d}0001",
        f"T2;Phone;{landline_digits}",
        f"T3;Phone;6,1{v.k:03d}E+08",
        f"T4;Phone;0031 6 1{v.k:03d}0004",
    )
    v.keep(f"0031 6 1{v.k:03d}0004", v.e164(4))
    return make(
        "phones_with_dropped_zero",
        "A spreadsheet read phone numbers as numbers: 61xxxxxxx and 20xxxxxxx (leading zero "
        "dropped) are Dutch numbers; '6,1...E+08' lost its digits and is quarantined naming "
        "'number'; 0031 spelling loads.",
        v,
        "POL",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 4, 3, 1),),
        quarantine=(qe("entities.csv", 3, 4, "number"),),
        stored=(
            st("T1", "number", v.e164(1)),
            st("T2", "number", landline),
            st("T4", "number", v.e164(4)),
        ),
    )


def roles_in_dutch() -> Case:
    v = Vals(86)
    ents = text(
        "record_id;type;name;signal_id;phenomenon;reported_at",
        *(f"P{i};Person;{v.name(i)};;;" for i in range(1, 6)),
        "S1;Signal;;S-E3-086;sexual;05-01-2025",
    )
    roles = [("aangever", "reporter"), ("verdachte", "suspect"), ("slachtoffer", "victim"),
             ("getuige", "witness"), ("piloot", None)]  # fmt: skip
    links = text(
        ";".join(LCOLS),
        *(
            rec(
                LCOLS,
                record_id=f"L{i}",
                type="INVOLVED_IN",
                from_=f"P{i}",
                to="S1",
                registered_at=REG,
                role=r,
            )
            for i, (r, _) in enumerate(roles, start=1)
        ),
    )
    return make(
        "roles_in_dutch",
        "Dutch role words load as the English codes; 'piloot' is no role and is quarantined "
        "naming 'role'.",
        v,
        "POL",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 6, 6, 0), fc("links.csv", 5, 4, 1)),
        quarantine=(qe("links.csv", 5, 6, "role"),),
        stored=tuple(
            st(f"L{i}", "role", code) for i, (_, code) in enumerate(roles, start=1) if code
        ),
    )


def bsn_leading_zero_dropped() -> Case:
    v = Vals(87)
    b1, b2 = bsn(87), bsn(88)
    v.keep(b1, b1[1:], b2, "123456789")
    dotted = f"{b2[:4]}.{b2[4:6]}.{b2[6:]}"
    v.keep(dotted)
    ents = text(
        "record_id;type;name;bsn",
        f"P1;Person;{v.name(1)};{b1[1:]}",
        f"P2;Person;{v.name(2)};{dotted}",
        f"P3;Person;{v.name(3)};123456789",
    )
    return make(
        "bsn_leading_zero_dropped",
        "docs/delivery-format.md: an 8-digit BSN is a 9-digit one whose leading zero a "
        "spreadsheet dropped, dots are allowed; 123456789 fails the 11-proof and is quarantined "
        "naming 'bsn' (no number in the reason).",
        v,
        "POL",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 3, 2, 1),),
        quarantine=(qe("entities.csv", 3, 4, "bsn"),),
        stored=(st("P1", "bsn", b1), st("P2", "bsn", b2)),
    )


FUT = "in the future"


def dates_in_the_future() -> Case:
    v = Vals(88)
    cols = ("record_id", "type", "name", "birth_date", "signal_id", "phenomenon", "reported_at")
    ents = text(
        ";".join(cols),
        rec(cols, record_id="P1", type="Person", name=v.name(1), birth_date="12-03-1985"),
        rec(cols, record_id="P2", type="Person", name=v.name(2), birth_date="01-01-2031"),
        rec(cols, record_id="P3", type="Person", name=v.name(3)),
        rec(cols, record_id="S1", type="Signal", signal_id="S-E3-088-1", phenomenon="labour",
            reported_at="05-01-2025"),
        rec(cols, record_id="S2", type="Signal", signal_id="S-E3-088-2", phenomenon="labour",
            reported_at="2030-06-01"),
    )  # fmt: skip
    links = text(
        ";".join(LCOLS),
        rec(LCOLS, record_id="L1", type="INVOLVED_IN", from_="P1", to="S1", registered_at=REG,
            role="suspect"),
        rec(LCOLS, record_id="L2", type="ASSOCIATE_OF", from_="P1", to="P3",
            registered_at="2030-01-01"),
        rec(LCOLS, record_id="L3", type="ASSOCIATE_OF", from_="P3", to="P1",
            registered_at="31-12-2099"),
        rec(LCOLS, record_id="L4", type="INVOLVED_IN", from_="P2", to="S1", registered_at=REG,
            role="victim"),
    )  # fmt: skip
    return make(
        "dates_in_the_future",
        "A birth date in 2031, a signal reported in 2030, registrations in 2030 and 2099 (typos "
        "for 2020/2009, or a default): each quarantined 'in the future' naming the field; the "
        "link from the quarantined person is quarantined naming 'from'.",
        v,
        "POL",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 5, 3, 2), fc("links.csv", 4, 1, 3)),
        quarantine=(
            qe("entities.csv", 2, 3, "birth_date", FUT),
            qe("entities.csv", 5, 6, "reported_at", FUT),
            qe("links.csv", 2, 3, "registered_at", FUT),
            qe("links.csv", 3, 4, "registered_at", FUT),
            qe("links.csv", 4, 5, "from"),
        ),
    )


def _boundary_build_dates() -> tuple[str, str, str]:
    lo, hi = iso_today_span()
    return (
        lo.isoformat(),
        (lo + dt.timedelta(days=1)).isoformat(),
        (hi + dt.timedelta(days=3)).isoformat(),
    )


def dates_tomorrow_boundary() -> Case:
    v = Vals(89)
    name = "dates_tomorrow_boundary"
    did = delivery_id("POL", name)
    ents = text(
        ";".join(PCOLS),
        rec(PCOLS, record_id="P1", type="Person", name=v.name(1)),
        rec(PCOLS, record_id="P2", type="Person", name=v.name(2)),
    )

    def build(folder: Path) -> None:
        today, tomorrow, later = _boundary_build_dates()
        links = text(
            ";".join(LCOLS),
            rec(LCOLS, record_id="L1", type="ASSOCIATE_OF", from_="P1", to="P2",
                registered_at=today),
            rec(LCOLS, record_id="L2", type="ASSOCIATE_OF", from_="P1", to="P2",
                registered_at=tomorrow),
            rec(LCOLS, record_id="L3", type="ASSOCIATE_OF", from_="P2", to="P1",
                registered_at=later),
        )  # fmt: skip
        files = [F("entities.csv", "entities", ents), F("links.csv", "links", links)]
        writer(did, "POL", files)(folder)

    return Case(
        name=name,
        why="Dates written at build time: registered today and tomorrow load (the limit is "
        "'more than one day after today'); today + 3 days is quarantined 'in the future'. "
        "Today is taken as the earliest/latest of local and UTC so the case holds whichever "
        "clock the pipeline reads, and across one midnight. Build and ingest on the same day.",
        build=build,
        delivery_id=did,
        files=(fc("entities.csv", 2, 2, 0), fc("links.csv", 3, 2, 1)),
        quarantine=(qe("links.csv", 3, 4, "registered_at", FUT),),
        personal=tuple(v.personal),
    )


def dates_impossible_and_foreign() -> Case:
    v = Vals(90)
    ents = text(
        ";".join(PCOLS),
        rec(PCOLS, record_id="P1", type="Person", name=v.name(1)),
        rec(PCOLS, record_id="P2", type="Person", name=v.name(2)),
    )
    dates: list[tuple[str, str | None]] = [
        ("31-02-2020", None),
        ("29-02-2023", None),
        ("29-02-2024", "2024-02-29"),
        ("2024-13-01", None),
        ("00-01-2024", None),
        ("12/31/2024", None),
        ("31/12/2024", "2024-12-31"),
        ("45292", None),
        ("2024-02-29", "2024-02-29"),
        ("05-01-2025", "2025-01-05"),
    ]
    links = text(
        ";".join(LCOLS),
        *(
            rec(LCOLS, record_id=f"L{i}", type="ASSOCIATE_OF", from_="P1", to="P2", registered_at=d)
            for i, (d, _) in enumerate(dates, start=1)
        ),
    )
    bad: list[Entry] = [
        qe("links.csv", i, i + 1, "registered_at")
        for i, (_, iso) in enumerate(dates, start=1)
        if iso is None
    ]
    good: list[Stored] = [
        st(f"L{i}", "registered_at", iso) for i, (_, iso) in enumerate(dates, start=1) if iso
    ]
    return make(
        "dates_impossible_and_foreign",
        "31 February, 29 February in a non-leap year, month 13, day 0, a US-order date "
        "(12/31/2024 = month 31) and an Excel serial number (45292) are quarantined naming "
        "'registered_at'; leap day 2024 and dd/mm/jjjj load.",
        v,
        "KMAR",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 2, 2, 0), fc("links.csv", 10, 4, 6)),
        quarantine=tuple(bad),
        stored=tuple(good),
    )


def legal_basis_per_row() -> Case:
    v = Vals(91)
    ents = text(
        "record_id;type;name;number",
        *(f"P{i};Person;{v.name(i)};" for i in range(1, 4)),
        f"T1;Phone;;{v.mobile(1)}",
    )
    rows = [("P1", ""), ("P2", "WPG-9"), ("P3", "AVG-6-VW-107-4"), ("P1", "WJSG-39F-1A"),
            ("P2", "WPG-99")]  # fmt: skip
    links = text(
        ";".join(LCOLS),
        *(
            rec(LCOLS, record_id=f"L{i}", type="USES_PHONE", from_=p, to="T1", registered_at=REG,
                legal_basis=b)
            for i, (p, b) in enumerate(rows, start=1)
        ),
    )  # fmt: skip
    return make(
        "legal_basis_per_row",
        "A POL row without legal_basis takes the manifest's (WPG-10); WPG-9 is allowed for POL; "
        "the IND and OM bases are not allowed for POL and an unknown code WPG-99 is no basis: "
        "those rows are quarantined naming 'legal_basis'.",
        v,
        "POL",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 4, 4, 0), fc("links.csv", 5, 2, 3)),
        quarantine=(
            qe("links.csv", 3, 4, "legal_basis"),
            qe("links.csv", 4, 5, "legal_basis"),
            qe("links.csv", 5, 6, "legal_basis"),
        ),
        stored=(st("L1", "legal_basis", "WPG-10"), st("L2", "legal_basis", "WPG-9")),
    )


def link_to_quarantined_entity() -> Case:
    v = Vals(92)
    cols = ("record_id", "type", "name", "birth_date", "number")
    ents = text(
        ";".join(cols),
        rec(cols, record_id="P1", type="Person", name=v.name(1)),
        rec(cols, record_id="P2", type="Person", name=v.name(2), birth_date="31-02-1990"),
        rec(cols, record_id="T1", type="Phone", number=v.mobile(1) + "\x1b[0m"),
        rec(cols, record_id="T2", type="Phone", number=v.mobile(2)),
    )
    links = text(
        ";".join(LCOLS),
        rec(LCOLS, record_id="L1", type="USES_PHONE", from_="P1", to="T2", registered_at=REG),
        rec(LCOLS, record_id="L2", type="USES_PHONE", from_="P2", to="T2", registered_at=REG),
        rec(LCOLS, record_id="L3", type="USES_PHONE", from_="P1", to="T1", registered_at=REG),
    )
    return make(
        "link_to_quarantined_entity",
        "Links whose 'from' (impossible birth date) or 'to' (escape code in the number) entity "
        "was quarantined are quarantined naming that end.",
        v,
        "KMAR",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 4, 2, 2), fc("links.csv", 3, 1, 2)),
        quarantine=(
            qe("entities.csv", 2, 3, "birth_date"),
            qe("entities.csv", 3, 4, "number"),
            qe("links.csv", 2, 3, "from"),
            qe("links.csv", 3, 4, "to"),
        ),
    )


def link_to_missing_record() -> Case:
    v = Vals(93)
    ents = text("record_id;type;name;number", f"P1;Person;{v.name(1)};", f"T1;Phone;;{v.mobile(1)}")
    links = text(
        ";".join(LCOLS),
        rec(LCOLS, record_id="L1", type="USES_PHONE", from_="P1", to="T9", registered_at=REG),
        rec(LCOLS, record_id="L2", type="USES_PHONE", from_="", to="T1", registered_at=REG),
        rec(LCOLS, record_id="L3", type="USES_PHONE", from_="P1", to="T1", registered_at=REG),
        rec(LCOLS, record_id="L4", type="USES_PHONE", from_="p1", to="T1", registered_at=REG),
    )
    return make(
        "link_to_missing_record",
        "A link to a record_id that is not in the delivery (T9), with an empty 'from', or with "
        "'p1' for 'P1' (record ids are exact, case-sensitive: strictest reading) is "
        "quarantined naming that end.",
        v,
        "KMAR",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 2, 2, 0), fc("links.csv", 4, 1, 3)),
        quarantine=(
            qe("links.csv", 1, 2, "to"),
            qe("links.csv", 2, 3, "from"),
            qe("links.csv", 4, 5, "from"),
        ),
    )


def duplicate_record_ids() -> Case:
    v = Vals(94)
    ents = text(
        ";".join(PCOLS),
        f"P1;Person;{v.name(1)};",
        f"P2;Person;{v.name(2)};",
        f"P1;Person;{v.name(3)};",
    )
    links = text(
        ";".join(LCOLS),
        rec(LCOLS, record_id="L1", type="ASSOCIATE_OF", from_="P1", to="P2", registered_at=REG),
        rec(LCOLS, record_id="L1", type="ASSOCIATE_OF", from_="P2", to="P1", registered_at=REG),
        rec(LCOLS, record_id="P2", type="ASSOCIATE_OF", from_="P2", to="P1", registered_at=REG),
    )
    return make(
        "duplicate_record_ids",
        "record_id is unique within the delivery: the first occurrence wins (entity files "
        "before link files), each later one is quarantined naming 'record_id', including a link "
        "reusing an entity's id. Links to P1 go to the first P1 and load.",
        v,
        "ISZW",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 3, 2, 1), fc("links.csv", 3, 1, 2)),
        quarantine=(
            qe("entities.csv", 3, 4, "record_id"),
            qe("links.csv", 2, 3, "record_id"),
            qe("links.csv", 3, 4, "record_id"),
        ),
        stored=(st("P1", "name", v.name(1)),),
    )


def links_listed_before_entities() -> Case:
    v = Vals(95)
    ents = text(";".join(PCOLS), *(f"P{i};Person;{v.name(i)};" for i in (1, 2)))
    links = text(
        ";".join(LCOLS),
        rec(LCOLS, record_id="L1", type="FAMILY_OF", from_="P1", to="P2", registered_at=REG),
    )
    return make(
        "links_listed_before_entities",
        "The manifest lists links.csv first; entity files are read before link files anyway, "
        "so the link resolves and loads.",
        v,
        "ISZW",
        [F("links.csv", "links", links), F("entities.csv", "entities", ents)],
        files=(fc("links.csv", 1, 1, 0), fc("entities.csv", 2, 2, 0)),
    )


def link_required_fields_missing() -> Case:
    v = Vals(96)
    pc, _ = v.postcode(1)
    ents = text(
        "record_id;type;name;postcode;house_number;signal_id;phenomenon;reported_at",
        f"P1;Person;{v.name(1)};;;;;",
        f"A1;Address;;{pc};5;;;",
        "S1;Signal;;;;S-E3-096;criminal;05-01-2025",
    )
    links = text(
        ";".join(LCOLS),
        rec(LCOLS, record_id="L1", type="LIVES_AT", from_="P1", to="A1", registered_at=""),
        rec(LCOLS, record_id="L2", type="INVOLVED_IN", from_="P1", to="S1", registered_at=REG),
        rec(LCOLS, record_id="L3", type="LIVES_AT", from_="P1", to="A1", registered_at=REG),
    )
    return make(
        "link_required_fields_missing",
        "No registered_at (the retention clock) or no role on INVOLVED_IN: quarantined naming "
        "the missing field.",
        v,
        "OM",
        [F("entities.csv", "entities", ents), F("links.csv", "links", links)],
        files=(fc("entities.csv", 3, 3, 0), fc("links.csv", 3, 1, 2)),
        quarantine=(qe("links.csv", 1, 2, "registered_at"), qe("links.csv", 2, 3, "role")),
    )


def all_rows_quarantined() -> Case:
    v = Vals(97)
    ents = text(
        ";".join(PCOLS),
        f"P1;Person;{v.name(1)};30-02-1980",
        f"P2;Person;{v.name(2)};2031-01-01",
    )
    return make(
        "all_rows_quarantined",
        "Every row is bad: row-level problems never refuse a delivery, so it loads with 0 "
        "loaded and everything quarantined.",
        v,
        "KMAR",
        [F("entities.csv", "entities", ents)],
        files=(fc("entities.csv", 2, 0, 2),),
        quarantine=(
            qe("entities.csv", 1, 2, "birth_date"),
            qe("entities.csv", 2, 3, "birth_date", FUT),
        ),
    )


def mixed_formats_two_entity_files() -> Case:
    v = Vals(98)
    persons = text(";".join(PCOLS), f"P1;Person;{v.name(1)};12-03-1985")
    phones = text('{"record_id": "T1", "type": "Phone", "number": "' + v.mobile(1) + '"}')
    links = text(
        ";".join(LCOLS),
        rec(LCOLS, record_id="L1", type="USES_PHONE", from_="P1", to="T1", registered_at=REG),
    )
    return make(
        "mixed_formats_two_entity_files",
        "Two entity files from two systems, one CSV and one JSON Lines, and a link between "
        "them: record ids are resolved across all entity files of the delivery.",
        v,
        "POL",
        [
            F("persons.csv", "entities", persons),
            F("phones.jsonl", "entities", phones),
            F("links.csv", "links", links),
        ],
        files=(fc("persons.csv", 1, 1, 0), fc("phones.jsonl", 1, 1, 0), fc("links.csv", 1, 1, 0)),
    )


CASES_VALUES = [
    amount_undeclared_style(),
    amount_style_nl(),
    amount_style_en(),
    integer_fields(),
    house_numbers_and_postcodes(),
    phones_with_dropped_zero(),
    roles_in_dutch(),
    bsn_leading_zero_dropped(),
    dates_in_the_future(),
    dates_tomorrow_boundary(),
    dates_impossible_and_foreign(),
    legal_basis_per_row(),
    link_to_quarantined_entity(),
    link_to_missing_record(),
    duplicate_record_ids(),
    links_listed_before_entities(),
    link_required_fields_missing(),
    all_rows_quarantined(),
    mixed_formats_two_entity_files(),
]
