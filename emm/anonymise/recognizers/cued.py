"""Identifiers that only their label gives away: "personeelsnummer 77120", "parketnummer
09/812034-25", "BSN 55799486", "V-nummer 26.049.182.73", "ID-kaart KZ 840193".

Numbers like these have no shape of their own (or the shape of any number), so the label
decides: after a cue word the identifier-shaped tokens that follow in the same sentence are
reported with the cue's entity type. A few reference formats are distinctive enough to be
reported without a cue (parketnummer ``09/812034-25``, BVH ``PL0600-2024118823``).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

__all__ = ["CUES", "CuedIdentifierRecognizer"]


@dataclass(frozen=True)
class Cue:
    entity: str
    pattern: str
    #: how many identifiers may follow (lists of pass numbers: many)
    many: bool = False


_N = r"(?:\s*(?:nr\.?|no\.?|nummer|number|num\.?|#|id|code))?"
CUES: tuple[Cue, ...] = (
    Cue("NL_BSN", r"bsn|burgerservicenummer|sofi-?nummer|citizen service number"),
    Cue("NL_V_NUMBER", r"v-?nummer|v-?nr\.?|vreemdelingennummer|v-?number|alien(?:s)? number"),
    Cue(
        "NL_DOCUMENT_NUMBER",
        r"paspoort(?:nummer|nr\.?)?|passport" + _N + r"|id-?kaart|identiteitskaart|"
        r"identiteitsbewijs|identity card|id card|id-?nummer|verblijfspas|verblijfsdocument|"
        r"verblijfsvergunning|residence (?:permit|card)|f-kaart|karta pobytu|taskara|tazkira|"
        r"documentnummer|reisdocument|travel document|carte d'identit[ée]|personalausweis|"
        r"buletin|dowód osobisty|titre de séjour",
    ),
    Cue(
        "DRIVING_LICENCE",
        r"rijbewijs(?:nummer|nr\.?)?|driving licen[cs]e" + _N + r"|driver'?s licen[cs]e|"
        r"permis de conduire|führerschein|prawo jazdy|permis de conducere",
    ),
    Cue(
        "EMPLOYEE_NUMBER",
        r"personeels(?:nummer|nr\.?)|pers\.?\s?nr\.?|pas(?:nummer|nr\.?)s?|stam(?:nummer|nr\.?)|"
        r"dienst(?:nummer|nr\.?)|badge" + _N + r"|werknemers(?:nummer|nr\.?)|"
        r"medewerkers?(?:nummer|nr\.?)|personeelspas|werkpas|bedrijfspas|timesheet(?: codes?)?|"
        r"urenbriefje|klokcode|tolk(?:en)?(?:nummer|nr\.?)|insp\.?\s?nr\.?|"
        r"inspecteursnummer|klokkaart|prikklok(?:kaart)?|kassacode|toegangspas|"
        r"employee" + _N + r"|staff" + _N + r"|payroll" + _N + r"|collar" + _N + r"|"
        r"warrant card|shoulder number|interpreter" + _N,
        many=True,
    ),
    Cue(
        "PERSON_REFERENCE",
        r"parket(?:nummer|nr\.?)|bvh(?:-?(?:nummer|nr\.?|registratie))?|registratie(?:nummer|nr\.?)|"
        r"zaak(?:nummer|nr\.?)|dossier(?:nummer|nr\.?)|klant(?:nummer|nr\.?)|kenmerk|"
        r"referentie(?:nummer)?|ref\.?|reference" + _N + r"|siena|nrm|eurodac|sis(?:-?ii)?|"
        r"dna(?:-?profiel)?|egn|cnp|pesel|rijksregister(?:nummer)?|rrn|insz|nip|cui|kbo(?:-?nummer)?|"
        r"ondernemingsnummer|boekings?(?:nummer|nr\.?|code)|booking" + _N + r"|"
        r"customer" + _N + r"|case" + _N + r"|file" + _N + r"|wallet(?:-?adres)?|"
        r"contract(?:nummer|nr\.?)|polis(?:nummer|nr\.?)|aanvraagnummer|request" + _N,
        many=True,
    ),
)
_CUE = re.compile(
    r"(?<![\p{L}\d])(?:" + "|".join(f"(?P<c{i}>{c.pattern})" for i, c in enumerate(CUES)) + r")"
    r"(?![\p{L}])",
    re.IGNORECASE,
)
#: an identifier-shaped token: optional capital prefix, then letters/digits with at least one
#: digit, joined by . / -, and space-separated digit groups ("2571 938 406", "KZ 840193")
_ID = re.compile(
    r"(?<![\p{L}\d])(?:[A-Z]{1,8}[ -]?)?[A-Za-z0-9]*\d[A-Za-z0-9]*(?:[./-][A-Za-z0-9]+)*"
    r"(?:[ ](?=\d)\d+(?:[./-]\d+)*)*(?![\p{L}\d])"
)
_GAP = re.compile(r"[\s:=#(,]*(?:(?:is|was|van|of|en|and|no\.?|nr\.?|nummer|number)\s+)?[\s:=#(]*")
_STOP = re.compile(r"\.\s+\p{Lu}|\n\s*\n|[;!?]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_ARTICLE = re.compile(r"(?i:art\.?|artikel|article|lid|sub)\s*$")
_MAX_SPAN = 160
#: words allowed between a cue and its first identifier ("pasnummers en namen: 3301")
_MAX_GAP_WORDS = 3
_LIST_SEP = re.compile(r"\s*(?:,|/|&|\ben\b|\band\b)\s*")

#: Distinctive reference formats that need no cue.
_FORMATS = (
    ("PERSON_REFERENCE", re.compile(r"(?<![\w/])\d{2}/\d{6}-\d{2}(?![\w/])")),  # parketnummer
    ("PERSON_REFERENCE", re.compile(r"(?<![\w-])PL\d{4}-\d{8,10}(?![\w-])")),  # BVH
    ("PERSON_REFERENCE", re.compile(r"(?<![\w-])NRM-\d{4}-\d{4,8}(?![\w-])")),
)


class CuedIdentifierRecognizer(LocalRecognizer):
    """Identifiers after a label (see the module doc)."""

    ENTITIES = sorted({c.entity for c in CUES})

    def __init__(self, supported_language: str = "nl", score: float = 0.6) -> None:
        self.score = score
        self._label = f"CuedIdentifierRecognizer_{supported_language}"
        super().__init__(
            supported_entities=list(self.ENTITIES),
            supported_language=supported_language,
            name=self._label,
        )

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for entity, pattern in _FORMATS:
            for m in pattern.finditer(text):
                out.append(self._result(entity, m.start(), m.end()))
        for m in _CUE.finditer(text):
            index = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None)
            cue = CUES[index]
            pos = m.end()
            stop = _STOP.search(text, pos, min(len(text), pos + _MAX_SPAN))
            limit = stop.start() if stop else min(len(text), pos + _MAX_SPAN)
            first = True
            skipped = 0
            while pos < limit:
                gap = _GAP.match(text, pos, limit)
                start = gap.end() if gap else pos
                ident = _ID.match(text, start, limit)
                if ident is None:
                    allowed = (
                        (_MAX_GAP_WORDS + 2 if cue.many else _MAX_GAP_WORDS)
                        if first
                        else (99 if cue.many else 0)
                    )
                    skip = re.match(r"[^\s,]+[,\s]+", text[start:limit])
                    if skip is None or skipped >= allowed:
                        break
                    skipped += 1
                    pos = start + skip.end()
                    continue
                value = ident.group().rstrip(".-/")
                if _ARTICLE.search(text, max(0, ident.start() - 10), ident.start()):
                    break  # "(art. 107 WVW 1994)" is a legal reference
                if not self._plausible(value, cue.entity):
                    if first:
                        break
                    pos = ident.end()
                    continue
                out.append(self._result(cue.entity, ident.start(), ident.start() + len(value)))
                first = False
                skipped = 0
                pos = ident.end()
                if not cue.many:
                    sep = _LIST_SEP.match(text, pos, limit)
                    nxt = _ID.match(text, sep.end(), limit) if sep else None
                    if nxt is None or not self._plausible(nxt.group(), cue.entity):
                        break
        return out

    @staticmethod
    def _plausible(value: str, entity: str) -> bool:
        digits = sum(c.isdigit() for c in value)
        alnum = sum(c.isalnum() for c in value)
        if digits == 0 or alnum < 3 or _YEAR.fullmatch(value) or set(value) <= set("0 .-"):
            return False
        if entity == "NL_BSN":
            return 8 <= digits <= 9
        if entity == "NL_V_NUMBER":
            return digits == 10
        return True

    def _result(self, entity: str, start: int, end: int) -> RecognizerResult:
        return RecognizerResult(
            entity_type=entity,
            start=start,
            end=end,
            score=self.score,
            analysis_explanation=AnalysisExplanation(
                recognizer=self._label,
                original_score=self.score,
                textual_explanation="identifier after its label",
            ),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self._label,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )
