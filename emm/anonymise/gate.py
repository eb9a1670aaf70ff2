"""The export gate's text check: two independent ways to refuse, and explicit approvals.

Everything a non-personal product would write passes :meth:`Gate.check`, which refuses

1. what the **shape check** refuses (:mod:`emm.anonymise.shapes`): digit runs, letter-digit
   codes, e-mail and web addresses, handles, IPs, fragments next to placeholders, and every
   capitalised word that is neither an ordinary word nor an allowed term. It never calls the
   de-identifier's recognisers: a value they could not read is refused because it *looks*
   like one, not because they found it (re-running them would only repeat their misses);
2. every **known value** the graph holds (names, BSNs, phones, e-mail, IBANs, plates,
   addresses, documents, V-numbers, KvK numbers, companies...), however it is written.

The recognisers run before the gate, in :meth:`Gate.deidentify` (the automatic step of an
export); the gate then checks their output without them.

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

import regex as re

from emm.anonymise.deid import mask_placeholders
from emm.anonymise.engine import Engine, get_engine
from emm.anonymise.findings import Finding
from emm.anonymise.folding import fold_word
from emm.anonymise.known import KnownValues
from emm.anonymise.shapes import RULES, ShapeCheck, placeholder_spans
from emm.errors import EmmError
from emm.values import bsn as _bsn
from emm.values import iban as _iban

__all__ = [
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

#: Findings no approval can pass: checksum identifiers, and every known value. A shape
#: finding whose characters pass a BSN 11-proof, an IBAN mod-97 or an IMEI Luhn check is
#: refused for good as well (:func:`_checksum_valid`).
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
_JSON_BREAK = re.compile(r"\\[nrt]")


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
        rules = {"text": None, "labels": _LABEL_SHAPES, "rendered": _RENDERED_SHAPES}[scope]
        # in a rendered JSON file a line break is written "\\n": a space for the shapes, so that
        # "Aanbevelingen\\n1" is no letter-digit code (same length: positions stay)
        shaped = _JSON_BREAK.sub("  ", text) if scope == "rendered" else text
        for s in self.shapes.find(shaped, rules=rules, language=language):
            checksum = s.rule in ("DIGITS", "MIXED") and _checksum_valid(text[s.start : s.end])
            out.append(
                self._finding(where, text, "shape", s.rule, s.start, s.end, approvable=not checksum)
            )
        for f in self._known_findings(masked, scope):
            out.append(
                self._finding(where, text, "known", f.entity_type, f.start, f.end, approvable=False)
            )
        holes = placeholder_spans(text)
        out = [g for g in out if not any(s <= g.start and g.end <= e for s, e in holes)]
        return sorted(out, key=lambda g: (g.start, g.end, g.check))

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


def _checksum_valid(term: str) -> bool:
    """Whether ``term`` (separators ignored) is a valid BSN, IBAN or IMEI.

    >>> _checksum_valid("111.222.333"), _checksum_valid("NL91 ABNA 0417 1643 00")
    (True, True)
    >>> _checksum_valid("490154203237518"), _checksum_valid("12345")
    (True, False)
    """
    compact = "".join(c for c in term if c.isalnum()).upper()
    if compact.isdigit():
        if len(compact) in (8, 9) and _bsn.is_valid(compact.zfill(9)):
            return True
        return len(compact) == 15 and _luhn(compact)
    return len(compact) >= 15 and compact[:2].isalpha() and _iban.is_valid(compact)


def _luhn(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0
