"""Street name with house number (and addition): ``Kerkstraat 12a``, ``Dorpsweg 12-2``."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from emm.anonymise.recognizers.base import DutchPatternRecognizer

__all__ = ["AddressRecognizer", "STREET_SUFFIXES"]

#: Endings of Dutch street names (the last part of the compound, e.g. Kerk*straat*).
STREET_SUFFIXES: tuple[str, ...] = (
    "straat",
    "plaats",
    "laan",
    "weg",
    "plein",
    "gracht",
    "kade",
    "singel",
    "dijk",
    "dreef",
    "hof",
    "park",
    "steeg",
    "pad",
    "markt",
    "baan",
    "wal",
    "haven",
    "veld",
    "ring",
    "plantsoen",
    "boulevard",
    "allee",
    "erf",
    "hoven",
    "kant",
    "oord",
    "pier",
    "rak",
    "tuin",
    "wijk",
    "burgwal",
    "wetering",
    "vaart",
    "brug",
    "dam",
    "poort",
    "hoek",
    "akker",
    "berg",
    "bos",
    "straatweg",
    "kwartier",
    "passage",
    "promenade",
    "zijde",
    "kamp",
    "eiland",
    "donk",
    "horst",
    "hout",
    "kanaal",
    "lei",
    "meer",
    "schans",
    "stoep",
    "tol",
    "werf",
    "zoom",
    "dwarsstraat",
    "gang",
    "hage",
    "heuvel",
    "heide",
    "lus",
    "molen",
    "stede",
    "terp",
)

# An optional run of capitalised (or interfix) words before the street word, e.g.
# "Burgemeester de Vlugtlaan", "Van Heemstraat", "Korte Nieuwstraat", "Eerste Jan Steenstraat".
_LEAD = (
    r"(?:\d{1,2}e[ ])?"
    r"(?:[A-Z][\p{L}'.-]*[ ](?:(?:van|de|der|den|het|'t|ter|ten|op|aan)[ ]){0,2}){0,3}"
)
_SUFFIXES = sorted(STREET_SUFFIXES, key=len, reverse=True)
#: suffixes that are also a street name on their own (not "Meer 20 procent", "Wijk 2")
_STANDALONE = (
    "singel",
    "markt",
    "dam",
    "kade",
    "dreef",
    "steeg",
    "boulevard",
    "haven",
    "wal",
    "plantsoen",
    "promenade",
    "gracht",
)
# "Kerkstraat", "Van Heemstraat" or a street that is only the suffix: "Singel", "Markt", "Dam"
_STREET = (
    r"(?:[A-Z][\p{L}'-]*(?:" + "|".join(_SUFFIXES) + r")"
    r"|(?:" + "|".join(s.capitalize() for s in _STANDALONE) + r"))"
)
# House number with an optional addition: 12a, 12 A, 12-2, 12-II, 12 bis, 12 hs, 12-huis, 12 III
_ADDITION = (
    r"(?:[ -]?(?:bis|hs|huis|bg|boven|beneden|zw|rd|I{1,3}|IV|[A-Za-z])(?![\p{L}\d])"
    r"|-\d{1,4}(?![\d])|[ ]?[A-Z](?![\p{L}\d]))?"
)
# Further additions written after the number: "10 unit 5", "3 bus 2", "41 bte 7", "44 kamer
# 2", "3 3-hoog", "12 2hg", "47 chalet 3", "5 boven"
_MORE = (
    r"(?:[ ,]+(?:unit|bus|bte|boîte|kamer|app\.?|apt\.?|flat|box|chalet|huisnr\.?|nr\.?)"
    r"[ ]?\d{1,4}[A-Za-z]?(?![\p{L}\d])"
    r"|[ -]\d{1,2}-?(?:hoog|hg)(?![\p{L}])|[ ](?:boven|beneden|hs|bg)(?![\p{L}]))?"
)
_NUMBER = r"(?!(?:19|20)\d\d(?!\d))[1-9]\d{0,3}(?![\d])" + _ADDITION + _MORE


class AddressRecognizer(DutchPatternRecognizer):
    """Recognise a street with house number: ``Kerkstraat 12``, ``Burgemeester de Vlugtlaan
    12a``, ``Dorpsweg 12-2``, ``Oudegracht 12 bis``, ``Laan van Meerdervoort 12 hs``.

    The house number is required; a street name alone is left to the deduce recogniser
    (which knows the Dutch street list).
    """

    ENTITY = "NL_ADDRESS"
    FLAGS = re.DOTALL | re.MULTILINE

    PATTERNS = [
        Pattern(
            "Street + number",
            r"(?<![\p{L}\d])" + _LEAD + _STREET + r"[ ]" + _NUMBER,
            0.6,
        ),
        Pattern(
            "Laan/Plein/Hof van ... + number",
            r"(?<![\p{L}\d])(?:Laan|Plein|Hof|Burgwal|Singel|Kade|Weg|Park) "
            r"(?:van |der |de |den |het |ter |ten |op |aan |[A-Z][\p{L}'-]* ){1,4}" + _NUMBER,
            0.6,
        ),
        Pattern(
            "Street + t/o + number",
            r"(?<![\p{L}\d])" + _LEAD + _STREET + r"[ ]t/o[ ]" + _NUMBER,
            0.6,
        ),
        Pattern(
            "t/o + number (opposite)",
            r"(?<![\p{L}\d])t/o[ ]\d{1,4}[a-z]?(?![\p{L}\d])",
            0.5,
        ),
        Pattern(
            "street in lower case + number",
            r"(?<![\p{L}\d])\p{Ll}{2,}(?:straat|weg|laan|plein|gracht|kade|singel|dijk|dreef|"
            r"steeg|markt|hof|pad|dam)[ ]" + _NUMBER,
            0.5,
        ),
        Pattern(
            "English: number + street",
            r"(?<![\p{L}\d])\d{1,4}[A-Za-z]?,?[ ](?:[A-Z][\p{L}'-]+[ ]){1,3}(?:Road|Street|Lane|"
            r"Avenue|Drive|Close|Way|Place|Crescent|Terrace|Gardens|Square|Court|Grove|Hill|Row|"
            r"Walk|Rd|St|Ave)\.?(?![\p{L}])",
            0.6,
        ),
        Pattern(
            "French, German, Polish, Romanian: street word + name + number",
            r"(?<![\p{L}\d])(?:Rue|Avenue|Av\.|Boulevard|Bd|Chaussée|Place|Chemin|Allée|Quai|"
            r"Impasse|Straße|Strasse|ulica|ul\.|Strada|Str\.|Calea|Bulevardul|Aleea|Via|Calle)"
            r"[ ](?:[\p{L}'.-]+[ ]){1,4}" + _NUMBER,
            0.6,
        ),
        Pattern(
            "German compound street + number",
            r"(?<![\p{L}\d])[A-ZÄÖÜ][\p{L}-]*(?:straße|strasse|gasse|platz|allee|ring)[ ]"
            + _NUMBER,
            0.6,
        ),
    ]

    CONTEXT = ["adres", "woonachtig", "wonende", "woning", "straat", "address", "pand"]
