"""The shape check's rules for codes that are short or spaced: foreign plates and postcodes,
dates of birth, foreign street addresses, staff numbers, values broken over two lines.

Part of :mod:`emm.anonymise.shapes`. The digit and letter-digit rules there need five digits
or six characters; a foreign plate ("MKN 207", "KLB 48D", "4821 KZB", "C VR 482"), a UK or
Irish postcode ("B21 9DP", "D01 K7R9") or a day of birth ("9 V 1986", "05 - 03 - 2003",
"21 maart 2005") is shorter or spaced. Trend text has none of these shapes: its capitals
next to numbers are parties, acts and regions ("POL 230", "Wav 2024"), which are allowed
terms and never refused here.

========== ==================================================================================
rule       refused
========== ==================================================================================
PLATE      two or three groups of capitals and digits: "LRP 419", "KLB 48D", "LK19 XZP",
           "4821 KZB", "2BX 4815", "C VR 482", "AA BC-417" (no group a year or an allowed term)
POSTCODE   a UK postcode ("CR0 2JH", "SE15 5BJ") or an Irish Eircode ("D01 K7R9"); a Dutch
           one in capitals ("2241 BW") with no allowed term as its letters
DATE       a date with its day ("21 maart 2005", "23 MAR 1975", "9 V 1986", "O4 O7 1992",
           "05 - 03 - 2003") before 2015 (a birth date; later dates are events), and any
           value after a birth label ("geboren:", "born", "DOB", "°")
HOUSE      a foreign street word with its name or number ("14 rue Myrha", "ul. Botev 17",
           "vul. [ADRES]", "Flat 4,", "Apartment 12,", "2/1, 48 ...")
DIGITS     a four-digit number starting with 0 ("0031": a staff or badge number)
========== ==================================================================================

>>> text = "lorries MKN 207 and KLB 48D in 2024"
>>> [text[s:e] for rule, s, e in find_codes(text)]
['MKN 207', 'KLB 48D']
>>> party = {"POL"}.__contains__  # the shape check passes its allowed terms
>>> list(find_codes("POL 230 en KMar 45 signalen; Wav 2024; 12 maart 2024 in COROP 3", party))
[]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex as re

from emm.anonymise.lexicon import words as _words

__all__ = ["find_codes"]

_MONTH = (
    r"jan(?:uari|uary)?|feb(?:ruari|ruary)?|m(?:aa)?rt|march|mar|apr(?:il)?|mei|may|"
    r"jun[ei]?|jul[iy]?|aug(?:ustus|ust)?|sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"január|február|március|április|május|június|július|augusztus|szeptember|október"
)
_ROMAN = r"I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII"
_D = r"[0-3Oo]?[\dOo]"
_YEAR = r"(?:19|20)\d\d"
_DATE = re.compile(
    rf"(?<![\p{{L}}\d])(?:{_D}(?:e|ste|de|st|nd|rd|th)?\.?[ ]+(?:of[ ]+)?(?:{_MONTH})\.?,?[ ]+(?P<y1>{_YEAR})"
    rf"|(?:{_MONTH})[ ]+{_D}(?:st|nd|rd|th)?,?[ ]+(?P<y2>{_YEAR})"
    rf"|{_D}[ ]+(?:{_ROMAN})[ ]+(?P<y3>{_YEAR})"
    rf"|{_D}[ ]*[-/.][ ]*{_D}[ ]*[-/.][ ]*\n?(?P<y4>(?:19|20)?\d\d)"
    rf"|{_D}[ ]{_D}[ ](?P<y5>{_YEAR})"
    rf"|(?P<y6>{_YEAR})\.[ ]?(?:{_MONTH})[ ]\d{{1,2}}\.?)(?![\p{{L}}\d])",
    re.IGNORECASE,
)
#: days written as words: "drie", "eenentwintigste", "fifth", "twenty-first", "5e", "1st"
_UNITS_NL = sorted(_words("een één twee drie vier vijf zes zeven acht negen"))
_DAY_WORDS_NL = (
    _UNITS_NL
    + sorted(
        _words("tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien")
    )
    + [f"{u}en{t}" for t in ("twintig", "dertig") for u in _UNITS_NL]
    + ["twintig", "dertig", "eerste", "derde", "achtste"]
)
_DAY_WORDS_EN = sorted(
    _words("""one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty first second third
    fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth
    fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth""")
)
_DAY_WORD = (
    r"(?:(?:twenty|thirty)[- ]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"one|two|three|four|five|six|seven|eight|nine)|"
    + "|".join(sorted(_DAY_WORDS_NL + _DAY_WORDS_EN, key=len, reverse=True))
    + r")(?:ste|de)?"
)
#: a day in words or an ordinal with its month, also with "van"/"of": a date of birth in
#: words ("drie juli 1998", "5e van maart 1996", "the fifth of March"); trend text writes
#: dates with digits, and no day in words before a month
_DATE_WORDS = re.compile(
    rf"(?<![\p{{L}}\d])(?:{_DAY_WORD}|\d{{1,2}}(?:e|ste|de|st|nd|rd|th))[ ]+(?:(?:van|of|de)[ ]+)?"
    rf"(?:{_MONTH})(?![\p{{L}}])(?:[ ,]+(?:{_YEAR}|\p{{L}}*(?:honderd|tig|teen|hundred)\p{{L}}*))?",
    re.IGNORECASE,
)
_BIRTH = re.compile(
    rf"(?<![\p{{L}}])(?:geboren|geb\.|geboortedatum|born|dob|d\.o\.b\.|date of birth|né|née|"
    rf"°)[ \t]*:?[ \t]*(?:(?:op|on|de|the|le|am)[ \t]+){{0,2}}"
    rf"(?P<v>(?:[\dOo°]|(?:{_MONTH}|{_DAY_WORD})\b)[^\n,;()\[\]]{{0,40}})",
    re.IGNORECASE,
)
#: digits written with letters that look like them ("o6 - 17 o4 93 28", "+351 9l2 o48 337"):
#: groups of digits, o/O and l/I, each group with at least one digit
_LOOKALIKE = re.compile(
    r"(?<![\p{L}\d])\+?(?:[\dOolI]*\d[\dOolI]*)(?:[ .\-/]{1,3}(?:[\dOolI]*\d[\dOolI]*)){1,6}"
    r"(?![\p{L}\d])"
)
#: an identifier partly masked ("06-****5678", "*****7825", "NL** ABNA **** **77 79",
#: "**** **** **** 5572"): what is left still points to one account or phone
_MASKED = re.compile(
    r"(?<![\p{L}\d*•])(?:[A-Z]{2}[\d*•]{2}|\+?[\d*•xX]*[*•][\d*•xX]*|\d+)"
    r"(?:[ .\-/](?:[A-Z]{4}|[\d*•]+))*(?![\p{L}\d*•])"
)
#: a lower-case plate of two hyphenated letter groups and digits ("ge-mk 418")
_LOWER_PLATE = re.compile(r"(?<![\p{L}\d-])\p{Ll}{1,3}-\p{Ll}{1,2}[ ]\d{2,4}(?![\p{L}\d-])")
_PLATE = re.compile(
    r"(?<![\p{L}\d-])(?:"
    r"(?P<a>\p{Lu}{2,3})[ ](?P<b>\d{2,4}\p{Lu}?)"  # LRP 419, KLB 48D
    r"|(?P<c>\d{3,4})[ ](?P<d>\p{Lu}{2,3})"  # 4821 KZB
    r"|\p{Lu}{2}\d{2}[ ]\p{Lu}{3}"  # LK19 XZP
    r"|\d\p{Lu}{1,2}\d?[ ]\d{4}"  # 2BX 4815
    r"|\p{Lu}{1,2}[ ]\p{Lu}{1,3}[ -]\d{2,4}"  # C VR 482, AA BC-417
    r")(?![\p{L}\d-]|[.,:/]\d)"
)
_UK_POSTCODE = re.compile(
    r"(?<![\p{L}\d])(?:\p{Lu}{1,2}\d[\p{Lu}\d]?[ ]\d\p{Lu}{2}|[A-Z]\d{2}[ ][A-Z\d]{4})(?![\p{L}\d])"
)
_NL_POSTCODE = re.compile(r"(?<![\p{L}\d])[1-9]\d{3}[ ](?P<l>[A-Z]{2})(?![\p{L}\d])")
_STREET_ABROAD = re.compile(
    r"(?<![\p{L}])(?:\d{1,4}[ ]+(?:rue|avenue|av\.|boulevard|bd\.|chemin|calle|rua)[ ]+\S+"
    r"|(?:rue|ul\.|ulica|vul\.|str\.|strada|calea|bul\.|bulevardul|calle|rua|utca|"
    r"sokak|sok\.|cad\.|caddesi)(?:[ ]+(?:\p{Lu}|\[)\S*(?:[ ]+\d{1,4}[a-z]?)?|(?=[ ]{4}))"
    r"|(?:flat|apartment|apt\.?|unit|suite|room|plot|sector|block|kv\.|ap\.|et\.|bl\.|sc\.)"
    r"[ ]?\d{1,4}[a-z]?"
    r"(?=[ ]*(?:[,;)\n]|\.(?:\s|$)|$))"
    r"|(?<![\d/])\d{1,2}/\d{1,2}(?=,[ ]+(?:\d{1,4}[ ]|\[|[ ]{4})))",
    re.IGNORECASE,
)
_ZERO_NUMBER = re.compile(r"(?<![\p{L}\d.,:/-])0\d{3}(?![\p{L}\d.,:/-]|[ ]?(?:uur|u\b|h\b))")

#: labels before a number, not a plate's letters ("IP 192.168.1.20", "VIN 123")
_LABELS = frozenset({"IP", "VIN", "BSN", "KVK", "IMEI", "IBAN", "NR", "NO", "TEL", "PV", "BVH"})

Allowed = Callable[[str], bool]


def _no(word: str) -> bool:
    return False


def find_codes(text: str, allowed: Allowed = _no) -> Iterator[tuple[str, int, int]]:
    """``(rule, start, end)`` of each refused code; ``allowed(word)`` says whether a group
    of capitals is an allowed term (a party, act, region) and so no code."""
    for m in _PLATE.finditer(text):
        letters = m.group("a") or m.group("d")
        digits = m.group("b") or m.group("c")
        if letters is not None and (allowed(letters) or letters in _LABELS):
            continue
        if digits is not None and re.fullmatch(_YEAR, digits):
            continue
        yield "PLATE", m.start(), m.end()
    for m in _UK_POSTCODE.finditer(text):
        yield "POSTCODE", m.start(), m.end()
    for m in _NL_POSTCODE.finditer(text):
        if not allowed(m.group("l")) and m.group("l") not in ("SA", "SD", "SS"):
            yield "POSTCODE", m.start(), m.end()
    for m in _DATE.finditer(text):
        year = next(y for y in m.groups() if y is not None)
        full = int(year) if len(year) == 4 else 1900 + int(year) if int(year) > 30 else 2000
        if full < 2015:
            yield "DATE", m.start(), m.end()
    for m in _BIRTH.finditer(text):
        before = text[: m.start()].rstrip(" \t")
        if text.startswith("Born", m.start()) and before and before[-1] not in ".:!?\n(":
            continue  # "Goes 9, Born 6": the municipality, mid-sentence with its capital
        head = re.match(r".*?(?:19|20)\d\d(?!\d)|[^ ]+", m.group("v"))
        value = head.group() if head is not None else ""
        words = _DATE_WORDS.match(m.group("v"))
        if words is not None:
            value = m.group("v")[: max(len(value), words.end())]
        if any(c.isdigit() for c in value) or words is not None:
            yield "DATE", m.start("v"), m.start("v") + len(value)
    for m in _DATE_WORDS.finditer(text):
        year = re.search(_YEAR, m.group())
        if year is None or int(year.group()) < 2015:
            yield "DATE", m.start(), m.end()
    for m in _LOOKALIKE.finditer(text):
        value = m.group()
        letters = sum(c in "OolI" for c in value)
        if letters and sum(c.isdigit() for c in value) + letters >= 8:
            yield "DIGITS", m.start(), m.end()
    for m in _LOWER_PLATE.finditer(text):
        yield "PLATE", m.start(), m.end()
    for m in _MASKED.finditer(text):
        value = m.group()
        if sum(c in "*•" for c in value) >= 2 and sum(c.isdigit() for c in value) >= 2:
            yield "DIGITS", m.start(), m.end()
    for m in _STREET_ABROAD.finditer(text):
        yield "HOUSE", m.start(), m.end()
    for m in _ZERO_NUMBER.finditer(text):
        yield "DIGITS", m.start(), m.end()
