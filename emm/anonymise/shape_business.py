"""The shape check's rules for firm names, other scripts, handles and wrapped values.

Part of :mod:`emm.anonymise.shapes`.

========== ==================================================================================
rule       refused
========== ==================================================================================
BUSINESS   a run of two or more capitalised words (or a placeholder and a word) with a
           business kind among them (``data/business_words.txt``): "Hotel Stadspoort
           Maastricht", "Flexpool Heuvelrug", "[PERSOON] Horeca Personeel"
SCRIPT     words in a script other than Latin (Han, Cyrillic, Arabic...): a name written as
           its owner writes it ("周梅")
HANDLE     a user name with a trailing underscore ("kxng.dre_") or of two dotted lower-case
           parts that is no web address ("snelgeld.almere")
SPEAKER    a chat speaker's name at the start of a line, before a colon: a name ("Mei: jij
           komt?") or a lower-case label that speaks more than once ("babe: come to ...")
WRAPPED    a value broken over two lines: a digit run, a code or an e-mail address that the
           other rules would refuse once the line break is taken out ("VKP-\\n61-J",
           "99469282546\\n3625", "wojtowicz\\n@onet.pl")
========== ==================================================================================

>>> list(business_names("via Flexpool Heuvelrug en in Hotel Stadspoort Maastricht.", set()))
[(4, 22), (29, 56)]
>>> list(business_names("Hotels in Zeeland en de horeca in Limburg", set()))
[]
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator

import regex as re

from emm.anonymise.lexicon import load_word_list

__all__ = [
    "BUSINESS_WORDS",
    "business_names",
    "dotted_handles",
    "other_scripts",
    "quoted_nicknames",
    "speakers",
    "wrapped",
]

BUSINESS_WORDS = load_word_list("business_words")
_CAP_RUN = re.compile(
    r"(?:\[[A-Z-]+\]|\p{Lu}[\p{L}'’&-]*|\d{2,4}|'t|by|of|&)"
    r"(?:[ ](?:\[[A-Z-]+\]|\p{Lu}[\p{L}'’&-]*|\d{2,4}|'t|by|of|&))+"
)
_OTHER_SCRIPT = re.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Arabic}\p{Hebrew}\p{Cyrillic}"
    r"\p{Greek}\p{Devanagari}\p{Ethiopic}\p{Georgian}\p{Armenian}]+"
)
_DOTTED = re.compile(
    r"(?<![\p{L}\d.@/])\p{Ll}[\p{Ll}\d]{2,}(?:\.[\p{Ll}\d]{3,})+_?(?![\p{L}\d@/]|\.\p{L})"
    r"|(?<![\p{L}\d.@/])[\p{L}\d][\p{L}\d.]*_(?![\p{L}\d])"
)
#: words of a union, federation or public body's name: those stay ("International Transport
#: Workers' Federation")
_PUBLIC_KINDS = frozenset(
    [
        "federation",
        "federatie",
        "bureau",
        "police",
        "politie",
        "garda",
        "department",
        "unit",
        "union",
        "unie",
        "vakbond",
        "bond",
        "association",
        "council",
        "raad",
        "inspectie",
        "ministerie",
        "ministry",
        "commission",
        "commissie",
        "organisation",
        "organization",
    ]
)
_KIND_BEFORE_HOLE = re.compile(
    r"(?i:(?<![\p{L}])(?:" + "|".join(sorted(BUSINESS_WORDS, key=len, reverse=True)) + r"))"
    r"[ ]\[[A-Z-]+\](?:[ ](?P<rest>\p{Lu}[\p{L}'’-]*(?:[ ]\p{Lu}[\p{L}'’-]*)*))?"
)
#: a quoted nickname: '"Limburger"' beside a placeholder, '"de Hongaar"', '"the Turk"'
_QUOTED_NICK = re.compile(r"(?P<q>[\"“„])(?P<v>(?:(?:de|het|die|the)[ ]+)?\p{Lu}\p{Ll}+)[\"”]")
#: a break inside a value: after a dash or slash, before "@", in a long digit run (not
#: "2024\n312 signalen": a year ending a line, a count starting the next)
_BREAK = re.compile(
    r"(?<=[-/])\n(?=[\p{L}\d])|(?<=\d{5})\n(?=\d)|(?<=\d)\n(?=\d{5})|(?<=[\p{L}\d])\n(?=@)"
)
_PLACEHOLDER_ONLY = re.compile(r"\[[A-Z-]+\]")


def business_names(text: str, kept_terms: Collection[str]) -> Iterator[tuple[int, int]]:
    """Capitalised runs with a business word; ``kept_terms`` (folded) are runs that stay."""
    for m in _KIND_BEFORE_HOLE.finditer(text):
        if m.group("rest"):
            yield m.start("rest"), m.end("rest")  # "snackbar [PERSOON] Delfshaven"
    for m in _CAP_RUN.finditer(text):
        words = m.group().split(" ")
        kinds = [w for w in words if w.lower().strip("'’") in BUSINESS_WORDS]
        if not kinds or m.group().lower() in kept_terms:
            continue
        named = [w for w in words if w not in kinds and w.lower() not in ("'t", "by", "of", "&")]
        if not named or any(w.lower().strip("'’s") in _PUBLIC_KINDS for w in words):
            continue
        start, end = m.span()
        # a placeholder stays a placeholder: the finding is the words beside it
        while text.startswith("[", start) and (close := text.find("]", start)) > 0:
            start = min(close + 2, end)
        while text[:end].endswith("]") and (opened := text.rfind("[", start, end)) >= start:
            end = max(start, opened - 1)
        if end > start:
            yield start, end


def quoted_nicknames(text: str) -> Iterator[tuple[int, int]]:
    """A quoted capitalised word beside a placeholder, or a quoted "de ..." nickname."""
    for m in _QUOTED_NICK.finditer(text):
        value = m.group("v")
        near = text[max(0, m.start() - 3) : m.start()].rstrip().endswith("]") or text[
            m.end() : m.end() + 3
        ].lstrip().startswith("[")
        if near or " " in value:
            yield m.start("v"), m.end("v")


#: a label at the start of a line before a colon and text: a speaker, a header field or a heading
_SPEAKER = re.compile(
    r"^[ \t>•*\-]*(?:\[?\d{1,2}[:.]\d{2}(?::\d{2})?\]?[ \t\-]*)?(?P<v>\p{L}[\p{L}\p{M}'’.-]*(?:[ ]\p{Lu}[\p{L}\p{M}'’.-]*){0,2})"
    r"[ \t]?:[ \t]+\S",
    re.MULTILINE,
)
#: a replaced speaker ("[PERSOON]:", or the blanks the shape check masks it with)
_PLACEHOLDER_SPEAKER = re.compile(r"^[ \t>•*\-]*(?:\[[A-Z-]+\]|[ ]{5,})[ \t]?:", re.MULTILINE)
#: header fields and headings that stand before a colon and are no speaker
_FIELDS = load_word_list("header_fields")


def speakers(
    text: str,
    is_first_name: Callable[[str], bool],
    is_name: Callable[[str], bool],
    plain: Callable[[str], bool],
    public: Callable[[int, int], bool] = lambda start, end: False,
) -> Iterator[tuple[int, int]]:
    """Chat speakers at the start of a line: a first name ("Mei:"), a name in lower case
    ("babe:"), or a lower-case label used twice that is no ordinary word. ``plain(word)``
    says whether a word is an ordinary word, a role or a kinship word ("moeder:",
    "victim:", "unknown:"), which names nobody; ``public(start, end)`` whether a span is a
    gazetteer term ("Oost-Brabant:")."""
    found = [(m.group("v"), m.start("v"), m.end("v")) for m in _SPEAKER.finditer(text)]
    counts: dict[str, int] = {}
    for label, _, _ in found:
        counts[label] = counts.get(label, 0) + 1
    for label, start, end in found:
        low = label.lower().rstrip(".")
        if low in _FIELDS or len(low) <= 1:
            continue
        words = label.split(" ")
        if len(words) > 1:
            # "Mama Bless:", "Big Joe:": a speaker of two or three capitalised words is a name,
            # unless it is a place or body, or a header ("Datum Aangifte:")
            # (only in a conversation: "Quick Scan: ..." opening a trend text is a heading)
            conversation = len(found) + len(_PLACEHOLDER_SPEAKER.findall(text)) >= 2
            refused = conversation and not public(start, end) and words[0].lower() not in _FIELDS
        elif label.islower():
            refused = (is_name(label) or counts[label] >= 2) and not plain(label)
        else:
            refused = is_first_name(label)
        if refused:
            yield start, end


def other_scripts(text: str) -> Iterator[tuple[int, int]]:
    """Runs of letters in a non-Latin script."""
    for m in _OTHER_SCRIPT.finditer(text):
        yield m.span()


def dotted_handles(text: str, is_url: Callable[[str], bool]) -> Iterator[tuple[int, int]]:
    """User names of dotted lower-case parts or with a trailing underscore."""
    for m in _DOTTED.finditer(text):
        if not is_url(m.group()):
            yield m.span()


def wrapped(
    text: str, find: Callable[[str], Iterator[tuple[int, int]]]
) -> Iterator[tuple[int, int]]:
    """What ``find`` refuses in ``text`` with each line break inside a value taken out
    (after a dash or slash, before ``@``, between digits); only spans across a break."""
    joined = list(text)
    breaks: list[int] = []
    for m in _BREAK.finditer(text):
        joined[m.start()] = "-" if text[m.start() - 1] in "-/" else "."
        breaks.append(m.start())
    if not breaks:
        return
    for start, end in find("".join(joined)):
        if any(start < b < end for b in breaks):
            yield start, end
