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
_BIRTH = re.compile(
    rf"(?<![\p{{L}}])(?:geboren|geb\.|geboortedatum|born|dob|d\.o\.b\.|date of birth|né|née|"
    rf"°)[ \t]*:?[ \t]*(?P<v>(?:[\dOo°]|(?:{_MONTH})\b)[^\n,;()\[\]]{{0,24}})",
    re.IGNORECASE,
)
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
    r"|(?:flat|apartment|apt\.?|unit|suite|room|kv\.|ap\.|et\.|bl\.|sc\.)[ ]?\d{1,4}[a-z]?"
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
        head = re.match(r".*?(?:19|20)\d\d(?!\d)|[^ ]+", m.group("v"))
        value = head.group() if head is not None else ""
        if any(c.isdigit() for c in value):
            yield "DATE", m.start("v"), m.start("v") + len(value)
    for m in _STREET_ABROAD.finditer(text):
        yield "HOUSE", m.start(), m.end()
    for m in _ZERO_NUMBER.finditer(text):
        yield "DIGITS", m.start(), m.end()
