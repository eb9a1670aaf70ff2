"""The export gate's text check: three independent ways to refuse, and explicit approvals.

Everything a non-personal product would write passes :meth:`Gate.check`, which refuses

1. what the **recognisers** find (Presidio, deduce and the Dutch patterns: the same stage
   that de-identified the text, so this only catches what was typed in afterwards);
2. what the **shape check** refuses (:mod:`emm.anonymise.shapes`): it does not use the
   recognisers, so a value they cannot read is still refused when it looks like one;
3. every **known value** the graph holds (names, BSNs, phones, e-mail, IBANs, plates,
   addresses, documents, V-numbers, KvK numbers, companies...), however it is written.

Gazetteer terms (places, regions, countries, legal acts, public bodies) and the stage's own
placeholders are never findings. Each finding carries the text it matched *in its context*,
for the analyst who wrote it; its ``repr`` shows neither, so a logged finding leaks nothing.

An analyst may approve a term for one product (:class:`Approval`, with a reason); the export
records who approved which term and why in the disclosure log. A known value and a checksum
identifier (BSN, IBAN, IMEI) cannot be approved, and nothing is approved silently: only the
approved term, exactly, passes, and only where it was found.

The known values come only through the ``load_known`` callable given to the constructor
(the access layer's audited read); they are loaded on the first check and no attribute or
method of the gate returns them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from emm.anonymise.deid import (
    DEFAULT_SCORE_THRESHOLD,
    kept_by_gazetteer,
    mask_placeholders,
    scan,
)
from emm.anonymise.engine import Engine, get_engine
from emm.anonymise.findings import Finding, resolve_overlaps
from emm.anonymise.folding import fold_word
from emm.anonymise.gazetteer import load_gazetteer
from emm.anonymise.known import KnownValues
from emm.anonymise.shapes import RULES, ShapeCheck, placeholder_spans
from emm.errors import EmmError

__all__ = [
    "IDENTIFIER_TYPES",
    "UNAPPROVABLE",
    "Approval",
    "ApprovalError",
    "Gate",
    "GateFinding",
    "KnownLoader",
    "Scope",
]

#: What ``load_known`` returns: (kind, value) pairs, kinds as in :data:`KIND_ALIASES`.
KnownLoader = Callable[[], Iterable[tuple[str, str]]]

#: Identifier types the recognisers report in table labels and rendered files (there, names
#: of places and organisations are categories on purpose).
IDENTIFIER_TYPES: tuple[str, ...] = (
    "PHONE_NUMBER",
    "NL_BSN",
    "IBAN_CODE",
    "NL_LICENCE_PLATE",
    "FOREIGN_PLATE",
    "NL_POSTCODE",
    "NL_ADDRESS",
    "EMAIL_ADDRESS",
    "NL_DOCUMENT_NUMBER",
    "NL_V_NUMBER",
    "NL_KVK",
    "IP_ADDRESS",
    "SOCIAL_HANDLE",
    "URL",
    "VIN",
    "IMEI",
    "DRIVING_LICENCE",
    "EMPLOYEE_NUMBER",
)
#: Findings no approval can pass: checksum identifiers, and every known value.
UNAPPROVABLE = frozenset({"NL_BSN", "IBAN_CODE", "IMEI"})

#: ``text``: free text (everything refused); ``labels``: table labels and cells (categories:
#: identifiers, shapes and known identifiers and full names only); ``rendered``: a rendered
#: file (identifiers, strong shapes, known identifiers and full names).
Scope = Literal["text", "labels", "rendered"]
# Rendered files hold our own keys ("contains_personal_data"): no underscore-handle rule
# there; every field they are rendered from was checked with all rules.
_LABEL_SHAPES = ("DIGITS", "MIXED", "EMAIL", "URL", "HANDLE", "IP")
_RENDERED_SHAPES = ("DIGITS", "MIXED", "EMAIL", "URL", "IP")
_CONTEXT = 40


class ApprovalError(EmmError, ValueError):
    """An approval without a term or a reason, or for a finding that cannot be approved."""


@dataclass(frozen=True)
class Approval:
    """An analyst's decision that ``term`` may stay in this one product, and why."""

    term: str = field(repr=False)
    why: str

    def __post_init__(self) -> None:
        if not self.term.strip() or not self.why.strip():
            raise ApprovalError("an approval needs the term and the reason")

    def matches(self, text: str) -> bool:
        return fold_word(" ".join(text.split())) == fold_word(" ".join(self.term.split()))


@dataclass(frozen=True)
class GateFinding:
    """One refusal: where, which check and rule, and the matched text in its context."""

    where: str
    check: Literal["recognisers", "shape", "known"]
    rule: str  # entity type (recognisers, known) or shape rule
    start: int
    end: int
    term: str = field(repr=False)
    context: str = field(repr=False)
    approvable: bool = True

    @property
    def explanation(self) -> str:
        if self.check == "shape":
            return RULES.get(self.rule, self.rule)
        if self.check == "known":
            return f"a value the EMM holds ({self.rule}); rephrase, this cannot be approved"
        return f"recognised as {self.rule}"

    def problem(self) -> dict[str, Any]:
        """The finding as the gate's problem row (``term``/``context`` for the analyst only)."""
        return {
            "where": self.where,
            "what": f"{self.rule} ({self.check}) at characters {self.start}-{self.end}",
            "start": self.start,
            "end": self.end,
            "type": self.rule,
            "source": self.check,
            "explanation": self.explanation,
            "approvable": self.approvable,
            "term": self.term,
            "context": self.context,
        }


class Gate:
    """The text checks of the export gate; one instance per export.

    :param load_known: returns the graph's known values as ``(kind, value)`` pairs. Kinds
        supported: ``person``, ``bsn``, ``phone``, ``email``, ``iban``, ``plate`` (also
        foreign), ``address``, ``postcode``, ``document`` (passport, ID card, driving
        licence), ``v_number``, ``kvk``, ``company``, ``location``, ``ip``, ``handle``,
        ``url``, ``vin``, ``imei``, ``driving_licence``, ``employee_number``, ``birth_date``
        (see :data:`emm.anonymise.known.KIND_ALIASES` for the aliases). Called once, on
        the first check.
    :param engine: the recogniser engine (default :func:`get_engine`).
    :param shapes: the shape check (default :meth:`ShapeCheck.default`).
    """

    def __init__(
        self,
        load_known: KnownLoader,
        *,
        engine: Engine | None = None,
        shapes: ShapeCheck | None = None,
    ) -> None:
        self._load_known = load_known
        self.__known: KnownValues | None = None
        self._engine = engine
        self._shapes = shapes

    def __repr__(self) -> str:
        return f"Gate(known values {'loaded' if self.__known is not None else 'not loaded'})"

    def _known(self) -> KnownValues:
        if self.__known is None:
            self.__known = KnownValues(self._load_known())
        return self.__known

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = get_engine()
        return self._engine

    @property
    def shapes(self) -> ShapeCheck:
        if self._shapes is None:
            self._shapes = ShapeCheck.default()
        return self._shapes

    def deidentify(self, text: str, *, language: str = "nl", engine: Engine | None = None) -> Any:
        """De-identify ``text`` with the recognisers and this gate's known values (which stay
        inside the gate): the automatic step before an export (``prepare``)."""
        from emm.anonymise import deidentify

        return deidentify(
            text, language=language, known=self._known(), engine=engine or self._engine
        )

    # -- checking --------------------------------------------------------------------------

    def check(
        self, where: str, text: str, *, language: str = "nl", scope: Scope = "text"
    ) -> list[GateFinding]:
        """Every finding in ``text`` (sorted by position, overlaps merged per check)."""
        if not text or not text.strip():
            return []
        out: list[GateFinding] = []
        masked = mask_placeholders(text)
        for f in self._recognised(masked, language, scope):
            out.append(self._finding(where, text, "recognisers", f.entity_type, f.start, f.end))
        rules = {"text": None, "labels": _LABEL_SHAPES, "rendered": _RENDERED_SHAPES}[scope]
        for s in self.shapes.find(text, rules=rules, language=language):
            out.append(self._finding(where, text, "shape", s.rule, s.start, s.end))
        for f in self._known_findings(masked, scope):
            out.append(
                self._finding(where, text, "known", f.entity_type, f.start, f.end, approvable=False)
            )
        holes = placeholder_spans(text)
        out = [g for g in out if not any(s <= g.start and g.end <= e for s, e in holes)]
        return sorted(out, key=lambda g: (g.start, g.end, g.check))

    def _recognised(self, masked: str, language: str, scope: Scope) -> list[Finding]:
        if scope == "text":
            return scan(masked, language=language, engine=self.engine)
        supported = set(self.engine.analyzer.get_supported_entities(language))
        if scope == "rendered":
            # our own JSON keys ("contains_personal_data") look like handles; every field
            # they hold was checked for handles before rendering
            supported.discard("SOCIAL_HANDLE")
        results = self.engine.analyzer.analyze(
            masked, language=language, entities=[t for t in IDENTIFIER_TYPES if t in supported]
        )
        found = [
            Finding(r.entity_type, r.start, r.end, "presidio", float(r.score))
            for r in results
            if r.entity_type in IDENTIFIER_TYPES and r.score >= DEFAULT_SCORE_THRESHOLD
        ]
        kept = load_gazetteer().find(masked)
        return resolve_overlaps(f for f in found if not kept_by_gazetteer(masked, f, kept))

    def _known_findings(self, masked: str, scope: Scope) -> list[Finding]:
        found = self._known().find(masked)
        if scope == "text":
            return found
        # In categories, a lone known surname is a collision ("Den Haag", party POL vs a
        # person called Pol); full names and identifiers are still refused.
        return [
            f for f in found if f.entity_type != "PERSON" or " " in masked[f.start : f.end].strip()
        ]

    @staticmethod
    def _finding(
        where: str,
        text: str,
        check: Literal["recognisers", "shape", "known"],
        rule: str,
        start: int,
        end: int,
        *,
        approvable: bool = True,
    ) -> GateFinding:
        lo = max(0, start - _CONTEXT)
        hi = min(len(text), end + _CONTEXT)
        context = (
            ("…" if lo > 0 else "")
            + text[lo:start]
            + "»"
            + text[start:end]
            + "«"
            + text[end:hi]
            + ("…" if hi < len(text) else "")
        ).replace("\n", " ")
        return GateFinding(
            where,
            check,
            rule,
            start,
            end,
            text[start:end],
            context,
            approvable and rule not in UNAPPROVABLE,
        )

    # -- approvals -------------------------------------------------------------------------

    @staticmethod
    def apply_approvals(
        findings: Sequence[GateFinding], approvals: Sequence[Approval]
    ) -> tuple[list[GateFinding], list[Approval]]:
        """The findings no approval passes, and the approvals that passed at least one.

        An approval passes an approvable finding whose matched text is the approved term
        (case, accents and spacing ignored). Findings that cannot be approved stay.
        """
        remaining: list[GateFinding] = []
        used: list[Approval] = []
        for f in findings:
            match = next((a for a in approvals if f.approvable and a.matches(f.term)), None)
            if match is None:
                remaining.append(f)
            elif match not in used:
                used.append(match)
        return remaining, used
