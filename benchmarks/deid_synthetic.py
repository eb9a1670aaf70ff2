"""Evaluate the de-identification stage on generated Dutch and English report texts.

The evaluation set is generated here, with every planted identifier annotated:

* surrounding text: report-like sentences written for this benchmark plus Faker ``nl_NL``
  filler sentences, ~1,000 words per document;
* identifiers: Faker (Dutch names, streets, places, postcodes, plates, IBANs, companies)
  and, on purpose, names from outside deduce's and Faker's lists, written here: Nigerian,
  Vietnamese, Eritrean, Romanian, Bulgarian, Chinese and Arabic names;
* hard cases: names in ALL CAPITALS, names that are ordinary words ("Bakker", "Visser",
  "de Wit", "Koning"), a name mentioned again later by surname only, names at the start
  of a sentence without any title, and 9-digit numbers that fail the 11-proof (decoys that
  must NOT be reported as BSN).

Metrics per entity type: recall (a planted identifier counts as caught when every
significant character of it is covered by some finding, of any type: a masked name is a
masked name), precision (a finding is correct when it overlaps a planted identifier; a
decoy BSN reported as BSN is an error) and F2 (recall weighted twice). Known values: part
of each document's identifiers is given to :class:`KnownValues` (written differently from
the text: E.164 phones, IBANs without spaces, plates with dashes, names as "surname, given
name") and their recall must be 1.0. Speed: documents per second of CPU time, one process.

Used by ``bench_deidentify`` for the speed measurement (1,000-word reports); its recall
figures are optimistic (self-written templates). Run::

    .venv/bin/python -m benchmarks.deid_synthetic --docs 40 --en-docs 20

or import :func:`generate_corpus` and :func:`evaluate`.
"""

from __future__ import annotations

import argparse
import random
import string
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from faker import Faker

from emm.values.plate import SIDE_CODES as PLATE_SIDE_CODES

__all__ = [
    "TARGETS",
    "Annotation",
    "Document",
    "Report",
    "evaluate",
    "format_report",
    "generate_corpus",
    "generate_document",
    "main",
]

# --------------------------------------------------------------------------------------------
# Data model
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Annotation:
    entity_type: str
    start: int
    end: int


@dataclass
class Document:
    text: str
    language: str
    annotations: list[Annotation] = field(default_factory=list)
    #: numbers that look like a BSN but fail the 11-proof: (start, end)
    decoys: list[tuple[int, int]] = field(default_factory=list)
    #: (kind, value) pairs handed to KnownValues, and where those values occur
    known_pairs: list[tuple[str, str]] = field(default_factory=list)
    known_spans: list[Annotation] = field(default_factory=list)

    @property
    def words(self) -> int:
        return len(self.text.split())


#: minimum recall per entity type (brief of the de-identification issue)
TARGETS: dict[str, float] = {
    "NL_BSN": 0.99,
    "IBAN_CODE": 0.99,
    "PHONE_NUMBER": 0.99,
    "EMAIL_ADDRESS": 0.99,
    "NL_LICENCE_PLATE": 0.99,
    "NL_POSTCODE": 0.99,
    "PERSON": 0.95,
    "KNOWN": 1.0,
}
TARGET_DOCS_PER_SECOND = 8.0


def _split(text: str, sep: str | None = None) -> list[str]:
    """Words of a word-list literal (whitespace-separated, or ``sep``-separated)."""
    return [w.strip() for w in text.split(sep) if w.strip()]


def _split_set(text: str, sep: str | None = None) -> frozenset[str]:
    return frozenset(_split(text, sep))


# --------------------------------------------------------------------------------------------
# Names that deduce's and Faker's lists do not hold (written for this benchmark)
# --------------------------------------------------------------------------------------------

NIGERIAN_GIVEN = _split(
    """
    Chukwuemeka Oluwaseun Ngozi Chiamaka Adaeze Obinna Ifeoma Nkechi Osaro Efosa Eghosa
    Ivie Osas Uyi Blessing Precious Joy Favour Gift Happiness Godstime Princess Mercy
    Patience
    """
)
NIGERIAN_FAMILY = _split(
    """
    Okonkwo Adeyemi Okafor Eze Nwosu Obi Igbinedion Osagie Ehigiator Aigbokhai Omoregie
    Idahosa Edokpolo Uwaifo Ogbeide Oyelaran Balogun Chukwu Nnamdi Adebayo Olawale
    """
)
VIETNAMESE_FAMILY = _split(
    """
    Nguyen Nguyễn Tran Trần Le Pham Phạm Hoang Phan Vu Dang Bui Do Ngo Duong Ly
    """
)
VIETNAMESE_MIDDLE = ["Van", "Văn", "Thi", "Thị", "Duc", "Minh", "Thanh", "Ngoc", "Quoc"]
VIETNAMESE_GIVEN = _split(
    """
    Anh Tuan Hung Linh Mai Lan Hoa Duy Khanh Phuong Thao Trang Hieu Long Nam Quang
    """
)
ERITREAN_GIVEN = _split(
    """
    Tesfaye Yohannes Semhar Filmon Selam Tsegay Mehari Berhane Kidane Abrehet Senait Aman
    Dawit Merhawi Luwam Yonas Saba Rahwa Efrem
    """
)
ERITREAN_FATHER = _split(
    """
    Ghebremedhin Tekle Habte Woldemariam Gebrehiwet Tesfamariam Haile Asmerom Andemichael
    Berhe Zerai Kahsay Mebrahtu Ghirmay Tewelde
    """
)
ROMANIAN_GIVEN = _split(
    """
    Ionela Mihai Florin Andreea Cristian Elena Ioana Gheorghe Vasile Nicoleta Adrian Alina
    Marius Daniela Cătălin Roxana Bogdan Mădălina Ștefan
    """
)
ROMANIAN_FAMILY = _split(
    """
    Popescu Ionescu Popa Dumitru Stan Stoica Munteanu Constantinescu Dobre Lungu Rusu
    Moldovan Ciobanu Florea Nistor Tudose Rădulescu Zamfir Dumitrescu
    """
)
TURKISH_GIVEN = _split(
    """
    Mehmet Ayşe Mustafa Emine Hüseyin Fatma Yusuf Zeynep Şükrü
    """
)
TURKISH_FAMILY = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın"]
BULGARIAN_GIVEN = _split(
    """
    Dimitar Georgi Ivan Hristo Yordanka Petya Stoyan Todor Nikolay Desislava Tsvetelina
    Plamen Kalina Radoslav Galina Vesela Lyubomir
    """
)
BULGARIAN_FAMILY = _split(
    """
    Ivanov Petrova Dimitrov Georgieva Stoyanov Todorov Nikolova Hristov Angelov
    Kostadinova Yordanov Marinov Iliev Vasileva Popov Kolev Atanasova
    """
)
CHINESE_FAMILY = _split(
    """
    Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Zhu Guo Lin
    """
)
CHINESE_GIVEN = _split(
    """
    Wei Fang Jie Lei Min Jing Hui Yan Tao Ming Jun Xin Yong Hong Xiuying Meiling Xiaoming
    """
)
ARABIC_GIVEN = _split(
    """
    Mohammed Ahmad Fatima Youssef Khadija Omar Samira Rachid Nour Karim
    """
)
ARABIC_FAMILY = _split(
    """
    El Idrissi|Benali|Haddad|Al-Hassan|Khoury|Ouali|El Amrani|Bakkali|Tahiri|Mansour
    """,
    sep="|",
)
#: Dutch surnames that are also ordinary words
WORD_SURNAME_LIST = _split(
    """
    Bakker|Visser|de Wit|Koning|de Jong|Smit|Mulder|de Groot|Boer|Schipper|Kok|Dekker|
    de Vos|Brouwer|Timmerman|Koster
    """,
    sep="|",
)
PARTICLES = _split_set(
    """
    van de der den het ter ten te la le da el al bin ben die
    """
)
#: generic words of organisation names; "Stichting [ORGANISATIE]" identifies nobody
ORG_WORDS = _split_set(
    """
    stichting koninklijke royal holding b.v. b.v.. v.o.f. v.o.f.. groep group
    uitzendbureau & en
    """
)

# --------------------------------------------------------------------------------------------
# Identifier generators
# --------------------------------------------------------------------------------------------


def _bsn(rng: random.Random, valid: bool = True) -> str:
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        digits[0] = rng.randint(1, 9)
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        check = total % 11
        if valid:
            if check == 10:
                continue
            number = "".join(map(str, digits)) + str(check)
        else:
            last = rng.choice([d for d in range(10) if d != check])
            number = "".join(map(str, digits)) + str(last)
        return number


def _format_bsn(rng: random.Random, number: str) -> str:
    style = rng.randrange(4)
    if style == 1:
        return f"{number[:4]}.{number[4:6]}.{number[6:]}"
    if style == 2:
        return f"{number[:3]} {number[3:6]} {number[6:]}"
    return number


_PLATE_SHAPES = tuple(PLATE_SIDE_CODES.values())
_PLATE_LETTERS = "BDFGHJKLNPRSTVXZ"


def _plate(rng: random.Random) -> str:
    shape = rng.choice(_PLATE_SHAPES)
    return "".join(
        rng.choice(_PLATE_LETTERS) if c == "X" else str(rng.randint(0, 9)) if c == "9" else c
        for c in shape
    )


def _phone(rng: random.Random) -> tuple[str, str]:
    """(written form, E.164)."""
    kind = rng.random()
    if kind < 0.55:  # Dutch mobile
        sub = "".join(str(rng.randint(0, 9)) for _ in range(8))
        e164 = f"+316{sub}"
        style = rng.randrange(8)
        written = [
            f"06-{sub}",
            f"06 {sub}",
            f"0{6}{sub}",
            f"+31 6 {sub[:2]} {sub[2:4]} {sub[4:6]} {sub[6:]}",
            f"+316{sub}",
            f"0031 6 {sub}",
            f"06 {sub[:4]} {sub[4:]}",
            f"+31 (0)6 {sub}",
        ][style]
        return written, e164
    if kind < 0.8:  # Dutch landline
        area = rng.choice(
            [
                "10",
                "20",
                "30",
                "40",
                "50",
                "70",
                "71",
                "73",
                "76",
                "318",
                "172",
                "113",
                "592",
                "184",
                "343",
            ]
        )
        sub = "".join(str(rng.randint(0, 9)) for _ in range(9 - len(area)))
        sub = str(rng.randint(2, 9)) + sub[1:]
        e164 = f"+31{area}{sub}"
        style = rng.randrange(4)
        written = [f"0{area}-{sub}", f"(0{area}) {sub}", f"+31 {area} {sub}", f"0{area} {sub}"][
            style
        ]
        return written, e164
    # foreign, international format
    cc, prefix, length = rng.choice(
        [
            ("234", "803", 7),
            ("234", "806", 7),
            ("40", "72", 7),
            ("359", "88", 7),
            ("84", "91", 7),
            ("86", "139", 8),
            ("48", "60", 7),
            ("44", "7700", 6),
        ]
    )
    sub = "".join(str(rng.randint(0, 9)) for _ in range(length))
    e164 = f"+{cc}{prefix}{sub}"
    written = rng.choice([f"+{cc} {prefix} {sub}", f"+{cc}{prefix}{sub}", f"00{cc} {prefix} {sub}"])
    return written, e164


def _document_number(rng: random.Random) -> str:
    letters = "ABCDEFGHIJKLMNPQRSTUVWXYZ"
    alnum = letters + string.digits
    return (
        "".join(rng.choice(letters) for _ in range(2))
        + "".join(rng.choice(alnum) for _ in range(6))
        + str(rng.randint(0, 9))
    )


def _iban(fake: Faker, rng: random.Random) -> tuple[str, str]:
    """(written form, compact)."""
    compact = fake.iban() if rng.random() < 0.8 else Faker(rng.choice(["de_DE", "nl_BE"])).iban()
    if rng.random() < 0.6:
        written = " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    else:
        written = compact
    return written, compact


_MONTHS_NL = _split(
    """
    januari februari maart april mei juni juli augustus september oktober november
    december
    """
)
_MONTHS_NL_ABBR = _split(
    """
    jan. feb. mrt. apr. mei jun. jul. aug. sep. okt. nov. dec.
    """
)
_MONTHS_EN = _split(
    """
    January February March April May June July August September October November December
    """
)


def _date(rng: random.Random, language: str) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1975, 2025)
    style = rng.randrange(4)
    if style == 0:
        return f"{day}-{month:02d}-{year}"
    if language == "en":
        return [
            f"{day} {_MONTHS_EN[month - 1]} {year}",
            f"{_MONTHS_EN[month - 1]} {day}, {year}",
            f"{day}/{month}/{year}",
        ][style - 1]
    return [
        f"{day} {_MONTHS_NL[month - 1]} {year}",
        f"{day} {_MONTHS_NL_ABBR[month - 1]} {year}",
        f"{day} {_MONTHS_NL[month - 1]}",
    ][style - 1]


@dataclass
class _Person:
    full: str
    surname: str
    origin: str


def _person(fake: Faker, rng: random.Random, language: str) -> _Person:
    origin = rng.choice(
        [
            "dutch",
            "dutch",
            "nigerian",
            "vietnamese",
            "eritrean",
            "romanian",
            "bulgarian",
            "chinese",
            "arabic",
            "turkish",
            "wordname",
            "english" if language == "en" else "dutch",
        ]
    )
    if origin == "dutch":
        first, last = fake.first_name(), fake.last_name()
        return _Person(f"{first} {last}", last, origin)
    if origin == "english":
        en = Faker("en_GB")
        en.seed_instance(rng.randrange(10**9))
        first, last = en.first_name(), en.last_name()
        return _Person(f"{first} {last}", last, origin)
    if origin == "nigerian":
        first, last = rng.choice(NIGERIAN_GIVEN), rng.choice(NIGERIAN_FAMILY)
        return _Person(f"{first} {last}", last, origin)
    if origin == "vietnamese":
        fam = rng.choice(VIETNAMESE_FAMILY)
        full = f"{fam} {rng.choice(VIETNAMESE_MIDDLE)} {rng.choice(VIETNAMESE_GIVEN)}"
        return _Person(full, fam, origin)
    if origin == "eritrean":
        first, last = rng.choice(ERITREAN_GIVEN), rng.choice(ERITREAN_FATHER)
        return _Person(f"{first} {last}", last, origin)
    if origin == "romanian":
        first, last = rng.choice(ROMANIAN_GIVEN), rng.choice(ROMANIAN_FAMILY)
        return _Person(f"{first} {last}", last, origin)
    if origin == "bulgarian":
        first, last = rng.choice(BULGARIAN_GIVEN), rng.choice(BULGARIAN_FAMILY)
        return _Person(f"{first} {last}", last, origin)
    if origin == "chinese":
        fam = rng.choice(CHINESE_FAMILY)
        return _Person(f"{fam} {rng.choice(CHINESE_GIVEN)}", fam, origin)
    if origin == "turkish":
        first, last = rng.choice(TURKISH_GIVEN), rng.choice(TURKISH_FAMILY)
        return _Person(f"{first} {last}", last, origin)
    if origin == "arabic":
        first, last = rng.choice(ARABIC_GIVEN), rng.choice(ARABIC_FAMILY)
        return _Person(f"{first} {last}", last, origin)
    first, last = fake.first_name(), rng.choice(WORD_SURNAME_LIST)
    return _Person(f"{first} {last}", last, "wordname")


# --------------------------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------------------------

# Slots: {P} person (full), {PS} surname of an earlier person (later mention), {PC} person in
# capitals, {TITLE_P} title + surname, {BSN}, {FAKEBSN} (decoy, not annotated), {IBAN},
# {PHONE}, {EMAIL}, {PLATE}, {POSTCODE}, {ADDRESS}, {CITY}, {DATE}, {ORG}, {DOC}, {VNUM},
# {KVK}.
NL_TEMPLATES = (
    "Op {DATE} werd {P} aangehouden op het adres {ADDRESS}, {POSTCODE} {CITY}.",
    "Het slachtoffer, {P}, verklaarde dat zij via {PHONE} werd benaderd voor werk in de horeca.",
    "{P} maakte in totaal ruim 14.000 euro over naar rekening {IBAN} ten name van {ORG}.",
    "De auto met kenteken {PLATE} stond geregistreerd op naam van {P}.",
    "Uit de BRP blijkt dat {P} met BSN {BSN} staat ingeschreven op {ADDRESS} te {CITY}.",
    "Betrokkene had een paspoort met documentnummer {DOC} bij zich.",
    "Het V-nummer van betrokkene is {VNUM}; een asielaanvraag werd eerder afgewezen.",
    "Het uitzendbureau {ORG} (KvK {KVK}) leverde arbeidsmigranten aan de kassenbouw.",
    "Contact verliep via {EMAIL} en via WhatsApp op nummer {PHONE}.",
    "In het verhoor noemde {P} de namen van {P} en {P}.",
    "Tijdens de controle werden {P} en {P} in de woning aangetroffen.",
    "{P} verklaarde dat zij een schuld van 40.000 euro moest afbetalen.",
    "{PS} ontkende iedere betrokkenheid bij de uitbuiting.",
    "Volgens {PS} werkten de vrouwen zeven dagen per week.",
    "VERDACHTE: {PC}, geboren {DATE}.",
    "De melding betrof {PC} en een onbekende tweede man.",
    "{TITLE_P} verklaarde als getuige dat de bestelbus {PLATE} 's nachts werd gebruikt.",
    "Getuige {WORDNAME} zag hoe de vrouwen werden opgehaald bij {ADDRESS}.",
    "{WORDNAME} verklaarde dat de lonen contant werden uitbetaald.",
    "Als contactpersoon (tevens eigenaar) stond {P} vermeld; zie ook {P}/{P}.",
    "De huurovereenkomst voor {ADDRESS}, {POSTCODE} {CITY}, stond op naam van {P}.",
    "De betalingen van {IBAN} naar {IBAN} vonden plaats tussen {DATE} en {DATE}.",
    "Het dossiernummer {FAKEBSN} werd aan de zaak gekoppeld.",
    "Het registratienummer {FAKEBSN} verwijst naar een eerdere melding.",
    "Zij gebruikte het e-mailadres {EMAIL} voor de advertenties op Kinky.",
    "Op {DATE} reisde {P} per bus van Sofia naar Rotterdam.",
    "De telefoon van {P} ({PHONE}) werd getapt vanaf {DATE}.",
    "Betrokkene {P} woonde eerder op {ADDRESS} in {CITY}.",
    "Mevrouw {SURNAME} tekende het contract bij {ORG}.",
    "{P}, {P} en {P} werden door de verdachte geronseld in Edo State.",
    "De postcode {POSTCODE} komt in meerdere meldingen voor.",
    "Een tweede voertuig, kenteken {PLATE}, werd gezien bij de grensovergang.",
)
EN_TEMPLATES = (
    "On {DATE} {P} was arrested at {ADDRESS}, {POSTCODE} {CITY}.",
    "The victim, {P}, stated that she was approached via {PHONE} for work in a restaurant.",
    "{P} transferred more than 14,000 euros to account {IBAN} held by {ORG}.",
    "The car with licence plate {PLATE} was registered to {P}.",
    "Records show that {P}, citizen service number {BSN}, lived at {ADDRESS} in {CITY}.",
    "The suspect carried a passport with document number {DOC}.",
    "The alien number (V-number) of the person concerned is {VNUM}.",
    "The employment agency {ORG} (KvK {KVK}) supplied migrant workers to greenhouses.",
    "Contact took place via {EMAIL} and via WhatsApp on number {PHONE}.",
    "During the interview {P} named {P} and {P}.",
    "During the inspection {P} and {P} were found in the house.",
    "{P} stated that she had to repay a debt of 40,000 euros.",
    "{PS} denied any involvement in the exploitation.",
    "According to {PS} the women worked seven days a week.",
    "SUSPECT: {PC}, born {DATE}.",
    "The report concerned {PC} and an unknown second man.",
    "{TITLE_P} stated as a witness that the van {PLATE} was used at night.",
    "Witness {WORDNAME} saw the women being picked up at {ADDRESS}.",
    "{WORDNAME} stated that wages were paid in cash.",
    "The contact person (also the owner) was {P}; see also {P}/{P}.",
    "The lease for {ADDRESS}, {POSTCODE} {CITY}, was in the name of {P}.",
    "The payments from {IBAN} to {IBAN} took place between {DATE} and {DATE}.",
    "Case file number {FAKEBSN} was linked to the investigation.",
    "Registration number {FAKEBSN} refers to an earlier report.",
    "She used the e-mail address {EMAIL} for the advertisements on Kinky.",
    "On {DATE} {P} travelled by bus from Sofia to Rotterdam.",
    "The phone of {P} ({PHONE}) was intercepted from {DATE}.",
    "Ms {SURNAME} signed the contract with {ORG}.",
    "{P}, {P} and {P} were recruited by the suspect in Edo State.",
    "Postcode {POSTCODE} appears in several reports.",
    "A second vehicle, licence plate {PLATE}, was seen at the border crossing.",
)
NL_FILLER = (
    "De signalen wijzen op een toename van arbeidsuitbuiting in de land- en tuinbouw.",
    "Slachtoffers worden vaak via sociale media benaderd met valse beloften over werk.",
    "Het Expertisecentrum Mensenhandel en Mensensmokkel deelt deze analyse met de partners.",
    "In 2023 ontving het centrum 412 signalen, tegen 356 in 2022.",
    "Veel slachtoffers hebben schulden bij de ronselaars voor reis en huisvesting.",
    "Nigeriaanse vrouwen worden in toenemende mate uitgebuit in de escortbranche.",
    "De Koninklijke Marechaussee trof bij grenscontroles meerdere signalen aan.",
    "De Nederlandse Arbeidsinspectie controleerde 37 uitzendbureaus in de regio.",
    "Bij de controles werden vooral Roemeense en Bulgaarse arbeidsmigranten aangetroffen.",
    "Het Openbaar Ministerie besloot in vijf zaken tot vervolging over te gaan.",
    "Advertenties op Kinky en Telegram worden vaak binnen een week verwijderd.",
    "De modus operandi lijkt op eerdere zaken uit Oost-Europa.",
    "Er zijn aanwijzingen dat de groepering ook in België actief is.",
    "Vietnamese minderjarigen verdwijnen regelmatig uit de opvang.",
    "Tijdens de actiedag werden 48 locaties bezocht in drie regio's.",
    "De informatie is afkomstig van de politie, de IND en de Inspectie SZW.",
    "Het aantal meldingen over criminele uitbuiting blijft stabiel.",
    "Volgens de analyse gaat het om een netwerk van ten minste twaalf personen.",
)
EN_FILLER = (
    "The signals point to an increase in labour exploitation in agriculture and horticulture.",
    "Victims are often approached via social media with false promises of work.",
    "The Expertise Centre on Human Trafficking and Human Smuggling shares this analysis.",
    "In 2023 the centre received 412 signals, compared with 356 in 2022.",
    "Many victims owe debts to the recruiters for travel and housing.",
    "Nigerian women are increasingly exploited in the escort sector.",
    "The Royal Netherlands Marechaussee found several signals during border checks.",
    "The Netherlands Labour Authority inspected 37 employment agencies in the region.",
    "Most workers found during the inspections were Romanian and Bulgarian migrants.",
    "The Public Prosecution Service decided to prosecute in five cases.",
    "Advertisements on Kinky and Telegram are often removed within a week.",
    "The modus operandi resembles earlier cases from Eastern Europe.",
    "There are indications that the group is also active in Belgium.",
    "Vietnamese minors regularly disappear from reception centres.",
    "During the action day 48 locations in three regions were visited.",
    "The information comes from the police, the IND and the Labour Inspectorate.",
    "The number of reports on criminal exploitation remains stable.",
    "According to the analysis the network consists of at least twelve persons.",
    "Further research is needed into the financial flows behind these networks.",
    "The findings were discussed with the partners in the covenant.",
)

# --------------------------------------------------------------------------------------------
# Document builder
# --------------------------------------------------------------------------------------------


class _Builder:
    def __init__(self, language: str) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.doc = Document("", language)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def entity(self, entity_type: str, text: str) -> tuple[int, int]:
        start = self.pos
        self.add(text)
        self.doc.annotations.append(Annotation(entity_type, start, self.pos))
        return start, self.pos

    def decoy(self, text: str) -> None:
        start = self.pos
        self.add(text)
        self.doc.decoys.append((start, self.pos))

    def finish(self) -> Document:
        self.doc.text = "".join(self.parts)
        return self.doc


def generate_document(
    seed: int, language: str = "nl", words: int = 1000, known_share: float = 0.5
) -> Document:
    """One report-like document of about ``words`` words with annotated identifiers."""
    rng = random.Random(seed)
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    templates = NL_TEMPLATES if language == "nl" else EN_TEMPLATES
    filler = NL_FILLER if language == "nl" else EN_FILLER
    b = _Builder(language)
    people: list[_Person] = []
    known_values: dict[tuple[str, str], str] = {}  # (kind, written) -> known form
    known_values_rev: list[tuple[str, str, str]] = []

    def maybe_known(kind: str, written: str, known_form: str) -> None:
        if (kind, written) not in known_values and rng.random() < known_share:
            known_values[(kind, written)] = known_form
            known_values_rev.append((kind, written, known_form))

    def person() -> _Person:
        p = _person(fake, rng, language)
        people.append(p)
        return p

    def fill(slot: str) -> None:
        if slot == "P":
            p = person()
            b.entity("PERSON", p.full)
            given = p.full[: -len(p.surname)].strip() if p.full.endswith(p.surname) else ""
            surname_first = f"{p.surname}, {given}" if given else p.full
            maybe_known("person", p.full, surname_first if rng.random() < 0.5 else p.full)
        elif slot == "PS":
            p = rng.choice(people) if people else person()
            surname = p.surname
            text = surname[0].upper() + surname[1:]  # "de Wit" -> "De Wit" at sentence start
            b.entity("PERSON", text)
            if ("person", p.full) in known_values:
                b.doc.known_spans.append(Annotation("PERSON", b.pos - len(text), b.pos))
        elif slot == "PC":
            p = person()
            b.entity("PERSON", p.full.upper())
            maybe_known("person", p.full.upper(), p.full)
        elif slot in ("TITLE_P", "SURNAME"):
            p = person()
            title = (
                rng.choice(["De heer", "Mevrouw", "Dhr.", "Mevr."])
                if language == "nl"
                else rng.choice(["Mr", "Ms", "Mrs"])
            )
            if slot == "TITLE_P":
                b.add(title + " ")
            surname = p.surname
            if surname.split()[0] in PARTICLES:
                surname = surname[0].upper() + surname[1:]
            b.entity("PERSON", surname)
        elif slot == "WORDNAME":
            first = fake.first_name()
            full = f"{first} {rng.choice(WORD_SURNAME_LIST)}"
            people.append(_Person(full, full.split(" ", 1)[1], "wordname"))
            b.entity("PERSON", full)
        elif slot == "BSN":
            number = _bsn(rng)
            written = _format_bsn(rng, number)
            b.entity("NL_BSN", written)
            maybe_known("bsn", written, number)
        elif slot == "FAKEBSN":
            b.decoy(_bsn(rng, valid=False))
        elif slot == "IBAN":
            written, compact = _iban(fake, rng)
            b.entity("IBAN_CODE", written)
            maybe_known("iban", written, compact)
        elif slot == "PHONE":
            written, e164 = _phone(rng)
            b.entity("PHONE_NUMBER", written)
            maybe_known("phone", written, e164)
        elif slot == "EMAIL":
            if people and rng.random() < 0.5:
                base = people[-1].full.split()[0].lower()
                email = f"{base}{rng.randint(1, 99)}@{fake.free_email_domain()}"
            else:
                email = fake.email()
            b.entity("EMAIL_ADDRESS", email)
            maybe_known("email", email, email.upper() if rng.random() < 0.3 else email)
        elif slot == "PLATE":
            plate = _plate(rng) if rng.random() < 0.7 else fake.license_plate()
            written = plate if rng.random() < 0.85 else plate.replace("-", "")
            b.entity("NL_LICENCE_PLATE", written)
            maybe_known("plate", written, plate.lower() if rng.random() < 0.3 else plate)
        elif slot == "POSTCODE":
            pc = fake.postcode()
            b.entity("NL_POSTCODE", pc)
            maybe_known("postcode", pc, pc.replace(" ", ""))
        elif slot == "ADDRESS":
            street = fake.street_name()
            number = str(rng.randint(1, 250))
            addition = rng.choice(["", "", "", "a", "B", "-2", " bis", "-II", " hs"])
            written = f"{street} {number}{addition}"
            b.entity("NL_ADDRESS", written)
            maybe_known("address", written, f"{street} {number}{addition}, {fake.postcode()}")
        elif slot == "CITY":
            b.entity("LOCATION", fake.city())
        elif slot == "DATE":
            b.entity("DATE_TIME", _date(rng, language))
        elif slot == "ORG":
            name = (
                fake.company()
                if rng.random() < 0.6
                else (
                    f"{fake.last_name()} {rng.choice(['B.V.', 'Uitzendbureau', 'Holding B.V.', 'V.O.F.'])}"
                )
            )
            b.entity("ORGANIZATION", name)
            maybe_known("company", name, name)
        elif slot == "DOC":
            doc = _document_number(rng)
            b.entity("NL_DOCUMENT_NUMBER", doc)
            maybe_known("document", doc, doc)
        elif slot == "VNUM":
            v = "".join(str(rng.randint(0, 9)) for _ in range(10))
            b.entity("NL_V_NUMBER", v)
            maybe_known("v_number", v, v)
        elif slot == "KVK":
            k = str(rng.randint(10_000_000, 99_999_999))
            b.entity("NL_KVK", k)
            maybe_known("kvk", k, k)
        else:  # pragma: no cover - template error
            raise KeyError(slot)

    def render(template: str) -> None:
        pos = 0
        while True:
            i = template.find("{", pos)
            if i < 0:
                b.add(template[pos:])
                return
            j = template.index("}", i)
            b.add(template[pos:i])
            fill(template[i + 1 : j])
            pos = j + 1

    count = 0
    paragraph = 0
    while count < words:
        r = rng.random()
        start = b.pos
        if r < 0.45:
            template = rng.choice(templates)
            if "{PS}" in template and not people:
                continue
            render(template)
        elif r < 0.75 or language == "en":
            b.add(rng.choice(filler))
        else:
            b.add(fake.sentence(nb_words=rng.randint(8, 16)))
        count += len("".join(b.parts)[start:].split())
        paragraph += 1
        b.add("\n\n" if paragraph % 5 == 0 else " ")
    doc = b.finish()
    doc.known_pairs = [(kind, known) for kind, _, known in known_values_rev]
    # where known values occur: every annotated occurrence of their written form
    written_known = {(kind, written) for kind, written, _ in known_values_rev}
    kind_of = {
        "PERSON": "person",
        "NL_BSN": "bsn",
        "IBAN_CODE": "iban",
        "PHONE_NUMBER": "phone",
        "EMAIL_ADDRESS": "email",
        "NL_LICENCE_PLATE": "plate",
        "NL_POSTCODE": "postcode",
        "NL_ADDRESS": "address",
        "ORGANIZATION": "company",
        "NL_DOCUMENT_NUMBER": "document",
        "NL_V_NUMBER": "v_number",
        "NL_KVK": "kvk",
    }
    for a in doc.annotations:
        kind = kind_of.get(a.entity_type)
        if kind and (kind, doc.text[a.start : a.end]) in written_known:
            doc.known_spans.append(a)
    doc.known_spans = sorted(set(doc.known_spans), key=lambda a: a.start)
    return doc


def generate_corpus(
    n_docs: int = 40, *, n_en_docs: int = 20, seed: int = 2024, words: int = 1000
) -> list[Document]:
    """``n_docs`` Dutch and ``n_en_docs`` English documents, reproducible from ``seed``."""
    docs = [generate_document(seed + i, "nl", words) for i in range(n_docs)]
    docs += [generate_document(seed + 10_000 + i, "en", words) for i in range(n_en_docs)]
    return docs


# --------------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------------


def _significant(text: str, start: int, end: int, entity_type: str = "") -> list[int]:
    """Character positions that must be masked: letters/digits outside particle words
    (and, for organisations, outside generic words such as "Stichting" or "B.V.")."""
    skip = PARTICLES | ORG_WORDS if entity_type == "ORGANIZATION" else PARTICLES
    out: list[int] = []
    i = start
    for word in text[start:end].split(" "):
        if word.lower() not in skip:
            out.extend(i + k for k, c in enumerate(word) if c.isalnum())
        i += len(word) + 1
    return out


def _covered(findings: Sequence[Any]) -> Callable[[int], bool]:
    spans = sorted((f.start, f.end) for f in findings)
    starts = [s for s, _ in spans]
    import bisect

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos)
        return any(s <= pos < e for s, e in spans[max(0, k - 8) : k])

    return inside


@dataclass
class Report:
    per_type: dict[str, dict[str, float]]
    known_recall: float
    known_total: int
    decoys_flagged_as_bsn: int
    decoys_total: int
    docs_per_second: float
    words_per_doc: float
    docs: int

    def meets_targets(self) -> dict[str, bool]:
        out = {
            t: self.per_type.get(t, {}).get("recall", 0.0) >= v
            for t, v in TARGETS.items()
            if t != "KNOWN"
        }
        out["KNOWN"] = self.known_recall >= TARGETS["KNOWN"]
        out["NO_DECOY_BSN"] = self.decoys_flagged_as_bsn == 0
        out["SPEED"] = self.docs_per_second >= TARGET_DOCS_PER_SECOND
        return out


def evaluate(
    docs: Iterable[Document],
    *,
    scan: Callable[..., list[Any]] | None = None,
    engine: Any = None,
) -> Report:
    """Run :func:`emm.anonymise.scan` over ``docs`` and compute the metrics.

    Presidio-side metrics use ``scan`` without known values (so they measure what is caught
    without help from the graph); known-value recall uses ``scan`` with them.
    """
    from emm.anonymise.deid import scan as default_scan
    from emm.anonymise.engine import get_engine
    from emm.anonymise.known import KnownValues

    scan = scan or default_scan
    engine = engine or get_engine()
    docs = list(docs)
    gold_total: dict[str, int] = defaultdict(int)
    gold_hit: dict[str, int] = defaultdict(int)
    pred_total: dict[str, int] = defaultdict(int)
    pred_ok: dict[str, int] = defaultdict(int)
    known_total = known_hit = 0
    decoys_bsn = decoys_total = 0
    cpu = 0.0
    words = 0
    for doc in docs:
        t0 = time.process_time()
        findings = scan(doc.text, language=doc.language, engine=engine)
        cpu += time.process_time() - t0
        words += doc.words
        inside = _covered(findings)
        for a in doc.annotations:
            gold_total[a.entity_type] += 1
            if all(inside(p) for p in _significant(doc.text, a.start, a.end, a.entity_type)):
                gold_hit[a.entity_type] += 1
        gold_spans = [(a.start, a.end) for a in doc.annotations]
        for f in findings:
            pred_total[f.entity_type] += 1
            if any(f.start < e and s < f.end for s, e in gold_spans):
                pred_ok[f.entity_type] += 1
        for s, e in doc.decoys:
            decoys_total += 1
            if any(f.entity_type == "NL_BSN" and f.start < e and s < f.end for f in findings):
                decoys_bsn += 1
        if doc.known_pairs:
            known = KnownValues(doc.known_pairs)
            kfind = known.find(doc.text)
            kinside = _covered(kfind)
            for a in doc.known_spans:
                known_total += 1
                if all(kinside(p) for p in _significant(doc.text, a.start, a.end, a.entity_type)):
                    known_hit += 1
    per_type: dict[str, dict[str, float]] = {}
    for t in sorted(set(gold_total) | set(pred_total)):
        g, h = gold_total.get(t, 0), gold_hit.get(t, 0)
        p, ok = pred_total.get(t, 0), pred_ok.get(t, 0)
        recall = h / g if g else float("nan")
        precision = ok / p if p else float("nan")
        if g and p and (precision + recall) > 0:
            f2 = 5 * precision * recall / (4 * precision + recall)
        else:
            f2 = float("nan")
        per_type[t] = {
            "gold": g,
            "caught": h,
            "recall": recall,
            "found": p,
            "correct": ok,
            "precision": precision,
            "f2": f2,
        }
    return Report(
        per_type=per_type,
        known_recall=known_hit / known_total if known_total else float("nan"),
        known_total=known_total,
        decoys_flagged_as_bsn=decoys_bsn,
        decoys_total=decoys_total,
        docs_per_second=len(docs) / cpu if cpu else float("inf"),
        words_per_doc=words / len(docs) if docs else 0.0,
        docs=len(docs),
    )


def format_report(report: Report) -> str:
    lines = [
        f"{'entity type':<20} {'gold':>5} {'recall':>7} {'found':>6} {'precision':>9} {'F2':>6}",
    ]
    for t, m in report.per_type.items():
        lines.append(
            f"{t:<20} {int(m['gold']):>5} {m['recall']:>7.3f} {int(m['found']):>6} "
            f"{m['precision']:>9.3f} {m['f2']:>6.3f}"
        )
    lines.append(
        f"known values: recall {report.known_recall:.3f} over {report.known_total} occurrences"
    )
    lines.append(
        f"decoy 9-digit numbers reported as BSN: {report.decoys_flagged_as_bsn} of "
        f"{report.decoys_total}"
    )
    lines.append(
        f"speed: {report.docs_per_second:.1f} docs/s CPU on one core "
        f"({report.docs} docs, {report.words_per_doc:.0f} words each)"
    )
    targets = report.meets_targets()
    lines.append(
        "targets: " + ", ".join(f"{k}={'ok' if v else 'MISSED'}" for k, v in targets.items())
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluate emm.anonymise on generated reports.")
    parser.add_argument("--docs", type=int, default=40, help="Dutch documents")
    parser.add_argument("--en-docs", type=int, default=20, help="English documents")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--show-misses", type=int, default=0, help="print up to N misses")
    args = parser.parse_args(argv)

    from emm.anonymise.engine import get_engine

    t0 = time.perf_counter()
    engine = get_engine()
    print(f"engine ready in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    docs = generate_corpus(args.docs, n_en_docs=args.en_docs, seed=args.seed, words=args.words)
    report = evaluate(docs, engine=engine)
    print(format_report(report))
    if args.show_misses:
        _show_misses(docs, engine, args.show_misses)
    return 0


def _show_misses(docs: Sequence[Document], engine: Any, limit: int) -> None:
    from emm.anonymise.deid import scan

    shown = 0
    for doc in docs:
        findings = scan(doc.text, language=doc.language, engine=engine)
        inside = _covered(findings)
        gold = [(a.start, a.end) for a in doc.annotations]
        for a in doc.annotations:
            if not all(inside(p) for p in _significant(doc.text, a.start, a.end, a.entity_type)):
                ctx = doc.text[max(0, a.start - 40) : a.end + 20].replace("\n", " ")
                print(f"MISS {a.entity_type:<18} {doc.text[a.start : a.end]!r:<32} ...{ctx}...")
                shown += 1
        for f in findings:
            if not any(f.start < e and s < f.end for s, e in gold):
                ctx = doc.text[max(0, f.start - 30) : f.end + 20].replace("\n", " ")
                print(f"FP   {f.entity_type:<18} {doc.text[f.start : f.end]!r:<32} ...{ctx}...")
                shown += 1
        if doc.known_pairs:
            from emm.anonymise.known import KnownValues

            kinside = _covered(KnownValues(doc.known_pairs).find(doc.text))
            for a in doc.known_spans:
                if not all(
                    kinside(p) for p in _significant(doc.text, a.start, a.end, a.entity_type)
                ):
                    ctx = doc.text[max(0, a.start - 30) : a.end + 20].replace("\n", " ")
                    print(
                        f"KMISS {a.entity_type:<17} {doc.text[a.start : a.end]!r:<32} ...{ctx}..."
                    )
                    shown += 1
        if shown >= limit:
            return


if __name__ == "__main__":
    raise SystemExit(main())
