"""Scan and de-identify text for products that must never be traceable to persons.

:func:`scan` finds identifiers (Presidio with the Dutch recognisers, plus the known values
from the graph); :func:`deidentify` replaces each by a typed placeholder such as
``[PERSOON]`` or ``[TELEFOON]``. Placeholders are never numbered or pseudonymised, so the
output cannot be linked back.

What must stay is kept: the stage's own placeholders are never findings (a text that went
through :func:`deidentify` once comes out of it unchanged), and places, regions, countries,
nationalities, legal acts and public bodies of the gazetteer (:mod:`emm.anonymise.gazetteer`)
are not replaced when a recogniser reads them as a name, place or organisation ("Wav",
"Zeeland", "Inspectie SZW"). Identifiers (numbers, codes, addresses) are never kept.

Two passes close known recall gaps of Presidio:

* names in ALL CAPITALS: the deduce recogniser re-reads title-cased capitals and the
  proper-name recogniser treats capitals as candidates;
* later mentions: every capitalised occurrence of a word of a detected person name
  ("Okonkwo" after "Chukwuemeka Okonkwo") is masked too.

Long because: the scan, its keep and drop filters and the shape step all work on the same
finding offsets; split, each part would repeat the offset bookkeeping.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache

import regex as re

from emm.anonymise.engine import Engine, get_engine
from emm.anonymise.entities import PLACEHOLDERS
from emm.anonymise.findings import Finding, resolve_overlaps
from emm.anonymise.gazetteer import Gazetteer, load_gazetteer
from emm.anonymise.known import KnownValues
from emm.anonymise.lexicon import NAME_PARTICLES, not_names
from emm.anonymise.lexicon import words as _words
from emm.anonymise.shape_words import place_context as _place_context
from emm.anonymise.shape_words import residence_ok
from emm.anonymise.shape_words import spoken as _spoken
from emm.anonymise.shapes import ShapeCheck, placeholder_spans
from emm.errors import EmmError

__all__ = [
    "DEFAULT_SCORE_THRESHOLD",
    "KEPT_TYPES",
    "DeidResult",
    "UnsupportedLanguageError",
    "deidentify",
    "kept_by_gazetteer",
    "mask_placeholders",
    "replace_findings",
    "scan",
]

#: Presidio results below this score are ignored. Pattern recognisers that need a context
#: word (V-number, KvK, foreign passport) start below it; the context lifts them above.
DEFAULT_SCORE_THRESHOLD = 0.35

#: Entity types a gazetteer term may be kept from (names, places, organisations).
KEPT_TYPES = frozenset({"PERSON", "LOCATION", "ORGANIZATION"})
#: Lower-case words that may join two gazetteer terms inside one finding ("Zeeland en Brabant");
#: area words before a place ("COROP-gebied Delft", "regio Twente") too.
_CONNECTORS = frozenset(
    {"en", "and", "of", "or", "de", "het", "van", "the", "&", "in", "te", "a", "an", "een"}
) | _words("""regio gemeente provincie eenheid politie-eenheid district gebied corop-gebied
    corop-regio corop arrondissement region municipality province area""")
#: Categories whose terms are kept from any finding type ("WVW 1994", "Vw 2000").
_ALWAYS_KEPT = frozenset({"legal", "body"})

_LATER_MENTION_SCORE = 0.6
_NAME_WORD = re.compile(r"\p{L}[\p{L}\p{M}'’-]*")


class UnsupportedLanguageError(EmmError, ValueError):
    """The engine was not built for the requested language."""


@dataclass(frozen=True)
class DeidResult:
    """De-identified ``text`` and the ``findings`` (offsets into the *original* text)."""

    text: str
    findings: list[Finding] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Number of replaced identifiers per entity type."""
        return dict(Counter(f.entity_type for f in self.findings))


def scan(
    text: str,
    *,
    language: str = "nl",
    known: KnownValues | None = None,
    engine: Engine | None = None,
    score_threshold: float = DEFAULT_SCORE_THRESHOLD,
    gazetteer: Gazetteer | None | bool = True,
) -> list[Finding]:
    """Find identifiers in ``text`` without changing it (the export gate's final check).

    :param language: ``"nl"`` or ``"en"``.
    :param known: values known from the graph; each occurrence is a finding with source
        ``"known"``.
    :param engine: the analyzer to use; default :func:`emm.anonymise.engine.get_engine`
        (built once per process; the first build in a fresh cache takes minutes).
    :param score_threshold: minimum Presidio score.
    :param gazetteer: terms to keep (default: the shipped gazetteer; ``False``: keep nothing).
    :returns: non-overlapping findings sorted by position; never one inside a placeholder.

    Example
    -------
    >>> [f.entity_type for f in scan("BSN 111222333, tel. 06-12345678")]  # doctest: +SKIP
    ['NL_BSN', 'PHONE_NUMBER']
    """
    engine = engine if engine is not None else get_engine()
    if language not in engine.languages:
        raise UnsupportedLanguageError(
            f"language {language!r} not supported; engine has {list(engine.languages)}"
        )
    if not text:
        return []
    holes = placeholder_spans(text)
    masked = mask_placeholders(text, holes)
    # a number wrapped over two lines ("06 38 19\n27 40") is read as one (same length)
    joined = _WRAPPED_DIGITS.sub(" ", masked)
    results = engine.analyzer.analyze(joined, language=language, score_threshold=score_threshold)
    findings = [Finding(r.entity_type, r.start, r.end, "presidio", float(r.score)) for r in results]
    findings = _merge_names(masked, [_with_honorific(masked, f) for f in findings])
    keep = load_gazetteer() if gazetteer is True else gazetteer or None
    kept = keep.find(masked, _place_test(masked, engine)) if keep is not None else []
    if kept:
        findings = [
            t
            for f in findings
            if not kept_by_gazetteer(masked, f, kept)
            for t in [_trim_place(masked, f, kept)]
            if t is not None
        ]
    findings = [
        f for f in findings if not _public_reference(masked, f, engine) and not _acronym(masked, f)
    ]
    if known:
        findings.extend(known.find(masked))
    resolved = resolve_overlaps(findings)
    skip = set(getattr(engine.lexicon, "stop_words", ()))
    # a town or village is no stop word: "Jan Diepenbeek" makes a later "Diepenbeek" him
    skip.update(masked[s:e].lower() for s, e, c in kept if c != "residence")
    kept_towns = {(s, e) for s, e, c in kept if c == "residence"}
    later = [
        f
        for f in later_mentions(masked, resolved, stop_words=skip)
        # "Marco van Elst" and "Dorpsstraat 101, Elst": the town stays where it is a place
        if (f.start, f.end) not in kept_towns or not _place_context(masked, f.start)
    ]
    if later:
        resolved = resolve_overlaps(resolved + later)
    if holes:
        resolved = [f for f in resolved if not any(s < f.end and f.start < e for s, e in holes)]
    return resolved


def _place_test(text: str, engine: Engine) -> Callable[[int, int, str], bool] | None:
    """A town or village that is also a name ("Thijs", "Douglas") is kept as a place only
    where the gate's shape check takes it as one (:func:`residence_ok`)."""
    lists = getattr(engine.lexicon, "lists", None)
    if lists is None:
        return None

    def accept(start: int, end: int, category: str) -> bool:
        return category != "residence" or residence_ok(lists, text, start, end)

    return accept


def _acronym(text: str, f: Finding) -> bool:
    """A person finding that is one word of capitals read as letters ("NMBS", "KBC"): an
    acronym, not a surname in capitals (those read as words: "HOXHA", "TUDOSE").

    >>> _acronym("de NMBS en HOXHA", Finding("PERSON", 3, 7, "presidio", 0.8))
    True
    >>> _acronym("de NMBS en HOXHA", Finding("PERSON", 11, 16, "presidio", 0.8))
    False
    """
    if f.entity_type != "PERSON":
        return False
    value = text[f.start : f.end]
    letters = [c for c in value if c.isalpha()]
    return value.isalpha() and value.isupper() and 2 <= len(letters) <= 5 and not _spoken(letters)


_WRAPPED_DIGITS = re.compile(
    r"(?<=\d[ ]?|\b[A-Z]{2}\d{2}[ ]?[A-Z]{4}[ ]?)\n(?=[ ]?\d)"
)  # also an IBAN cut after its bank code ("NL63 INGB\n2717 7083 17")
#: Words before a name that belong to it: working names ("auntie Blessing", "Mama Gift",
#: "Mr. Ade") and titles (replacing "dhr." too costs nothing).
HONORIFICS = _words("""auntie aunty aunt mama mummy madam madame uncle big boss brother sister mister mr mr.
    mrs mrs. ms ms. miss dhr dhr. mevr mevr. mw mw. papa baba chief oga alhaji""")
_TRIM_TYPES = frozenset({"NL_ADDRESS", "NL_POSTCODE", "LOCATION"})


def _with_honorific(text: str, f: Finding) -> Finding:
    if f.entity_type != "PERSON":
        return f
    m = re.search(r"(?<![\p{L}])(\p{L}+\.?)[ ]$", text[max(0, f.start - 12) : f.start])
    if m and m.group(1).lower() in HONORIFICS:
        start = f.start - (len(m.group(0)))
        return Finding(f.entity_type, start, f.end, f.source, f.score)
    return f


_NAME_GAP = re.compile(r"[ ](?:(?:[Dd]e|[Vv]an|der|den|[Hh]et|&)[ ])*")
_LEGAL_TAIL = re.compile(
    r"(?:\.(?:[ ]?k\.|[ ]?z[ ]?o\.o\.)|[ ,]+(?:Sp\.[ ]?k\.|Sp\.[ ]?z[ ]?o\.o\.|s\.r\.o\.|"
    r"S\.R\.L\.|SRL|S\.A\.|EOOD|OOD|Kft\.|GmbH|B\.V\.|BV|N\.V\.|V\.O\.F\.|Ltd\.?|LLC|BVBA|"
    r"SPRL|VOF))(?![\p{L}])"
)
_NAME_TYPES = frozenset({"PERSON", "ORGANIZATION"})


def _merge_names(text: str, findings: list[Finding]) -> list[Finding]:
    """One finding for a business name read in parts ("Bakkerij" + "De Gouden Korenschoof
    Yıldız"), with its legal form ("Transport Mazur Sp" + ".k.") and a leading "De"."""
    out: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if f.entity_type in _NAME_TYPES:
            tail = _LEGAL_TAIL.match(text, f.end)
            if tail:
                f = Finding("ORGANIZATION", f.start, tail.end(), f.source, f.score)
            lead = re.search(r"(?:^|[^.!?\n] )((?:De|Het) )$", text[max(0, f.start - 6) : f.start])
            if lead:
                f = Finding(f.entity_type, f.start - len(lead.group(1)), f.end, f.source, f.score)
            prev = out[-1] if out else None
            if prev is not None and prev.entity_type in _NAME_TYPES and prev.end <= f.start:
                gap = _NAME_GAP.fullmatch(text, prev.end, f.start)
                if gap is not None:
                    out[-1] = Finding(
                        "ORGANIZATION"
                        if "ORGANIZATION" in (prev.entity_type, f.entity_type)
                        else prev.entity_type,
                        prev.start,
                        f.end,
                        prev.source,
                        max(prev.score, f.score),
                    )
                    continue
        out.append(f)
    return out


_ECLI = re.compile(r"ECLI:[A-Z]{2}:[A-Z]{2,6}:\d{4}:[A-Z0-9.]{1,25}")
_SERVICE_NUMBER = re.compile(r"[(]?(?:0800|0900|0906|0909)[- ]?\d{3,7}|11[2-4]|144|116\d{3}")
_MONTHS = _words("""januari februari maart april mei juni juli augustus september oktober
    november december january february march may june july august october""")
_MONTH_CUES = _words("""in sinds tot vanaf eind begin medio per since until from by early late
    mid end during between before after of""")


_PLACE_ENDING = re.compile(
    r"(?:haven|plein|straat|laan|gracht|kade|singel|dreef|steeg|markt|plantsoen|boulevard|"
    r"brug|sluis|tunnel)$"
)
#: words before a street, square or port named after someone ("Prins Clausplein")
_STREET_TITLES = _words("""prins prinses koning koningin graaf gravin hertog hertogin burgemeester
    generaal admiraal dokter dr sint st pastoor kardinaal president professor prof van de der den""")


def _public_reference(text: str, f: Finding, engine: Engine) -> bool:
    """A finding that points at no person: inside a case-law identifier, a public service
    number, a month written as a month ("in June", "April–June"), or a place that is no
    name ("Goch")."""
    for m in _ECLI.finditer(text, max(0, f.start - 40), min(len(text), f.end + 40)):
        if m.start() <= f.start and f.end <= m.end():
            return True
    value = text[f.start : f.end]
    if f.entity_type == "PHONE_NUMBER" and _SERVICE_NUMBER.fullmatch(value.strip()):
        return True
    if f.entity_type == "PERSON" and value.lower() in _MONTHS:
        before = re.findall(r"[\p{L}\d]+", text[max(0, f.start - 16) : f.start])[-1:]
        after = re.findall(r"[\p{L}\d]+", text[f.end : f.end + 12])[:1]
        near = before + after
        if any(w.isdigit() or w.lower() in _MONTHS for w in near) or (
            before and before[0].lower() in _MONTH_CUES
        ):
            return True
    lists = getattr(engine.lexicon, "lists", None)
    if f.entity_type == "PERSON" and lists is not None:
        # "Prins Clausplein", "Beatrixhaven": a square, port or street without a number
        words = _NAME_WORD.findall(value)
        last = words[-1] if words else ""
        if (
            len(last) >= 7
            and _PLACE_ENDING.search(last.lower())
            and not lists.is_name(last)
            and all(w.lower() in _STREET_TITLES or not lists.is_name(w) for w in words[:-1])
        ):
            return True
    if f.entity_type == "LOCATION" and lists is not None:
        words = _NAME_WORD.findall(value)
        return bool(words) and all(
            not lists.is_name(w) and (lists.ordinary(w) or (w.isupper() and len(w) <= 6))
            for w in words
        )
    return False


def _trim_place(text: str, f: Finding, kept: list[tuple[int, int, str]]) -> Finding | None:
    """ "3461 CE Linschoten" -> "3461 CE": a place after a postcode or address stays."""
    if f.entity_type not in _TRIM_TYPES or f.source == "known":
        return f
    for s, e, _ in kept:
        if f.start < s and e == f.end:
            head = text[f.start : s].rstrip(" ,")
            if any(c.isdigit() for c in head):
                return Finding(f.entity_type, f.start, f.start + len(head), f.source, f.score)
    return f


def mask_placeholders(text: str, spans: list[tuple[int, int]] | None = None) -> str:
    """``text`` with every placeholder blanked (same length, so offsets stay valid)."""
    spans = placeholder_spans(text) if spans is None else spans
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def kept_by_gazetteer(text: str, finding: Finding, kept: list[tuple[int, int, str]]) -> bool:
    """Whether ``finding`` is only gazetteer terms (and connectors such as "en" between them).

    Only names, places and organisations are kept; a finding that reaches beyond the terms
    ("Jan Zeeland", "Kerkstraat Zwolle") is not.
    """
    if finding.source == "known":
        return False
    if finding.entity_type == "NL_ADDRESS":
        # deduce reads "Flevoland 22" (a province and a count) as an address
        inside = any(s <= finding.start < e for s, e, _ in kept)
        return inside and _digits_only_after(text, finding, kept)
    if finding.entity_type not in KEPT_TYPES:
        return any(
            s <= finding.start and finding.end <= e and c in _ALWAYS_KEPT for s, e, c in kept
        )
    covered = [(s, e) for s, e, _ in kept if s < finding.end and finding.start < e]
    if not covered:
        return False
    pos = finding.start
    for s, e in sorted(covered):
        if s > pos and not _only_connectors(text[pos:s]):
            return False
        pos = max(pos, e)
    return pos >= finding.end or _only_connectors(text[pos : finding.end])


def _digits_only_after(text: str, finding: Finding, kept: list[tuple[int, int, str]]) -> bool:
    term_end = max(e for s, e, _ in kept if s <= finding.start < e)
    rest = text[term_end : finding.end]
    return rest.strip() != "" and all(c.isdigit() or c.isspace() for c in rest)


def _only_connectors(gap: str) -> bool:
    # a compound tail ("RDW-kentekenregister", "Telegram-account") belongs to the term
    gap = re.sub(r"^-\p{Ll}+", "", gap)
    words = _NAME_WORD.findall(gap)
    return all(w.lower() in _CONNECTORS for w in words) and not any(c.isdigit() for c in gap)


def deidentify(
    text: str,
    *,
    language: str = "nl",
    known: KnownValues | None = None,
    engine: Engine | None = None,
    score_threshold: float = DEFAULT_SCORE_THRESHOLD,
    gazetteer: Gazetteer | None | bool = True,
    shapes: bool = True,
) -> DeidResult:
    """Replace every identifier in ``text`` by its typed placeholder.

    Takes the same options as :func:`scan`. With ``shapes`` (the default), what the
    identifier shapes of :mod:`emm.anonymise.shapes` still refuse once the recognisers'
    findings are replaced (digit runs, letter-digit codes, e-mail, links, handles, house
    numbers, fragments next to a placeholder...) is replaced too (:data:`SHAPE_TYPES`): the
    gate would refuse it anyway.

    Example
    -------
    >>> deidentify("Bel 06-12345678 of mail a.b@example.nl").text  # doctest: +SKIP
    'Bel [TELEFOON] of mail [EMAIL]'
    """
    findings = scan(
        text,
        language=language,
        known=known,
        engine=engine,
        score_threshold=score_threshold,
        gazetteer=gazetteer,
    )
    if shapes:
        findings = resolve_overlaps(findings + _shape_findings(text, findings, language))
    findings = [_with_article(text, f) for f in findings]
    return DeidResult(replace_findings(text, findings), findings)


#: "the" before an English date that opens with its day ("the 3rd of July 2004", "the fifth
#: of March"): the article is part of how the date is written, so it goes with it
_DATE_ARTICLE = re.compile(r"(?i)(?<![\p{L}])the[ ]\Z")
_DAY_FIRST = re.compile(
    r"(?i)\d{1,2}(?:st|nd|rd|th)?\b|(?:first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth|eleventh|twelfth|\p{L}+teenth|twentieth|"
    r"thirtieth|twenty|thirty)\b"
)


def _with_article(text: str, finding: Finding) -> Finding:
    if finding.entity_type != "DATE_TIME" or not _DAY_FIRST.match(text, finding.start):
        return finding
    m = _DATE_ARTICLE.search(text, max(0, finding.start - 4), finding.start)
    return replace(finding, start=m.start()) if m is not None else finding


#: Shape rules (:mod:`emm.anonymise.shapes`) the de-identifier applies after the recognisers,
#: with the type of what they replace. Not CAPITALS: an unknown capitalised word is often a
#: brand, ship or programme; the gate leaves those to the analyst. ADJACENT takes the type of
#: the placeholder it stands next to.
SHAPE_TYPES: dict[str, str] = {
    "DIGITS": "PERSON_REFERENCE",
    "MIXED": "PERSON_REFERENCE",
    "LABELLED": "PERSON_REFERENCE",
    "EMAIL": "EMAIL_ADDRESS",
    "URL": "URL",
    "IP": "IP_ADDRESS",
    "HANDLE": "SOCIAL_HANDLE",
    "HOUSE": "NL_ADDRESS",
    "POSTCODE": "NL_POSTCODE",
    "LEGAL_FORM": "ORGANIZATION",
    "NICKNAME": "PERSON",
    "NAME_CUE": "PERSON",
    "LOWER_NAME": "PERSON",
    "ADJACENT": "PERSON_REFERENCE",
    "SPELLED": "PERSON_REFERENCE",
    "PLATE": "FOREIGN_PLATE",
    "DATE": "DATE_TIME",
    "WRAPPED": "PERSON_REFERENCE",
    "SCRIPT": "PERSON",
    "INITIALS": "PERSON",
    "PERSON_NOUN": "PERSON",
    "QUOTED": "PERSON",
    "NAME_FIELD": "PERSON",
    "NAMED": "PERSON",
    "MRZ": "PERSON_REFERENCE",
}
_SHAPE_SCORE = 0.3  # below every recogniser: where both found something, theirs names it


def _shape_findings(text: str, findings: list[Finding], language: str) -> list[Finding]:
    """What the identifier shapes still refuse once the recognisers' findings are replaced,
    as findings on ``text`` (a span that reaches into a placeholder takes its whole value)."""
    ordered = sorted(findings, key=lambda f: f.start)
    out_text = replace_findings(text, ordered)
    # (new start, new end, finding) of each placeholder written
    written: list[tuple[int, int, Finding]] = []
    shift = 0
    for f in ordered:
        start = f.start + shift
        written.append((start, start + len(f.placeholder), f))
        shift += len(f.placeholder) - (f.end - f.start)
    codes = {v: k for k, v in PLACEHOLDERS.items()}

    def back(pos: int, is_end: bool) -> int:
        delta = 0
        for s, e, f in written:
            if pos < s or (is_end and pos == s):
                break
            if pos < e or (is_end and pos == e):
                return f.end if is_end else f.start
            delta = e - f.end
        return pos - delta

    holes = placeholder_spans(out_text)
    found: list[Finding] = []
    check = _shape_check()
    terms: list[tuple[int, int, str]] | None = None
    for s in check.find(out_text, rules=SHAPE_TYPES, language=language):
        kind = SHAPE_TYPES[s.rule]
        if s.rule == "ADJACENT":
            # a place or body next to a placeholder stays here ("[POSTCODE] Rotterdam"); the
            # gate still asks the analyst about it
            if terms is None:
                terms = load_gazetteer().find(out_text)
            if any(a <= s.start and _trim_end(out_text, s.start, s.end) <= b for a, b, _ in terms):
                continue
            near = [h for h in holes if h[1] <= s.start + 1 or h[0] >= s.end - 1]
            nearest = min(near, key=lambda h: min(abs(h[1] - s.start), abs(h[0] - s.end)))
            kind = codes.get(out_text[nearest[0] : nearest[1]], kind) if near else kind
        start, end = back(s.start, False), back(s.end, True)
        if end > start:
            found.append(Finding(kind, start, end, "shape", _SHAPE_SCORE))
    return found


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return end


@cache
def _shape_check() -> ShapeCheck:
    return ShapeCheck.default()


def replace_findings(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with each (non-overlapping) finding replaced by its placeholder."""
    parts: list[str] = []
    pos = 0
    for f in sorted(findings, key=lambda f: f.start):
        if f.start < pos:
            raise ValueError("findings overlap; call resolve_overlaps first")
        parts.append(text[pos : f.start])
        parts.append(f.placeholder)
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)


def later_mentions(
    text: str, findings: Iterable[Finding], *, stop_words: Iterable[str] = ()
) -> list[Finding]:
    """Further capitalised occurrences of the words of detected person names.

    After "Chukwuemeka Okonkwo" was found, a later "Okonkwo" or "OKONKWO" is a person too.
    Particles ("van", "de", "bin") and words that are never names are skipped.
    """
    skip = set(stop_words) | NAME_PARTICLES | not_names()
    words: set[str] = set()
    for f in findings:
        if f.entity_type != "PERSON":
            continue
        for m in _NAME_WORD.finditer(text, f.start, f.end):
            word = m.group()
            if len(word) >= 2 and word[0].isupper() and word.lower() not in skip:
                words.add(word.lower())
    if not words:
        return []
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    pattern = re.compile(
        rf"(?<![\p{{L}}\p{{M}}\d])(?:{alternation})(?![\p{{L}}\p{{M}}\d])", re.IGNORECASE
    )
    return [
        Finding("PERSON", m.start(), m.end(), "presidio", _LATER_MENTION_SCORE)
        for m in pattern.finditer(text)
        if m.group()[0].isupper()
    ]
