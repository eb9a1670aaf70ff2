"""The app's words: Dutch first, English on request; code names turned into readable labels.

Two tables, both data: ``strings.yaml`` holds every text of the converted pages (key → ``nl``,
``en``), ``labels.yaml`` the readable names of the model's codes: entity types (``BankAccount``
→ "bankrekening"), relationship types (``LIVES_AT`` → "woont op"), properties, values
(phenomena, roles in a signal...), user roles. Indicator titles come from the indicator table
itself (``title_nl`` / ``title_en``). Nothing here imports Streamlit except :func:`current`,
which reads the language the user chose from the session.

>>> nl, en = Translator("nl"), Translator("en")
>>> nl.rel("LIVES_AT"), en.rel("LIVES_AT"), nl.type("BankAccount")
('woont op', 'lives at', 'bankrekening')
>>> nl.indicator("multi_agency")
'Bekend bij meerdere partijen'
>>> nl("ex.entities_n", n=3)
'3 entiteiten'
>>> nl.type("Unknown")  # no label: the code, never an error in front of an analyst
'Unknown'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import cache
from typing import Any

from pydantic import BaseModel

from emm.tables import load_table, read_table

LANGUAGES = ("nl", "en")
DEFAULT = "nl"
SESSION_KEY = "lang"


class Text(BaseModel):
    nl: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


class Strings(BaseModel):
    strings: dict[str, Text]


class Labels(BaseModel):
    source: str
    types: dict[str, Text]
    types_plural: dict[str, Text]
    relations: dict[str, Text]
    properties: dict[str, Text]
    values: dict[str, dict[str, Text]]  # property -> code -> label
    roles: dict[str, Text]
    parties: dict[str, Text]
    reasons: dict[str, Text]  # the same-person analysis's reasons, by their English text


@cache
def strings() -> Strings:
    return load_table("emm.app", "strings.yaml", Strings)


@cache
def labels() -> Labels:
    return load_table("emm.app", "labels.yaml", Labels)


@cache
def indicator_titles() -> dict[str, dict[str, str]]:
    table = read_table("emm.graph.analysis", "indicators.yaml")
    return {
        iid: {"nl": str(ind.get("title_nl", iid)), "en": str(ind.get("title_en", iid))}
        for iid, ind in (table.get("indicators") or {}).items()
    }


class Translator:
    """Texts and labels in one language."""

    def __init__(self, lang: str = DEFAULT) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT

    def __call__(self, key: str, **values: Any) -> str:
        text = strings().strings.get(key)
        if text is None:
            return key  # the tests make sure no page asks for a key the table lacks
        out = text.get(self.lang)
        return out.format(**values) if values else out

    def has(self, key: str) -> bool:
        return key in strings().strings

    def columns(self, frame: Any) -> Any:
        """A table (pandas) with its column names in this language (``col.<name>`` keys)."""
        return frame.rename(columns=lambda c: self(f"col.{c}") if self.has(f"col.{c}") else c)

    def _label(self, table: Mapping[str, Text], code: str) -> str:
        text = table.get(code)
        return text.get(self.lang) if text is not None else code

    def type(self, label: str, *, plural: bool = False) -> str:
        return self._label(labels().types_plural if plural else labels().types, label)

    def rel(self, rel_type: str) -> str:
        return self._label(labels().relations, rel_type)

    def prop(self, name: str) -> str:
        return self._label(labels().properties, name)

    def role(self, role: str) -> str:
        return self._label(labels().roles, role)

    def party(self, code: str) -> str:
        """A party's name with its code, e.g. "Politie (POL)"."""
        return (
            f"{self._label(labels().parties, code)} ({code})" if code in labels().parties else code
        )

    def reason(self, text: str) -> str:
        """A same-person reason in this language; a shared identifier by its kind, never by
        its internal id.

        >>> nl = Translator("nl")
        >>> nl.reason("day and month of birth transposed"), nl.reason("shared Phone (Phone-1a)")
        ('dag en maand van geboorte verwisseld', 'gedeeld: telefoonnummer')
        >>> Translator("en").reason("shared BankAccount (BankAccount-9)")
        'shared: bank account'
        >>> nl.reason("shared associate Person (Person-2b)")
        'gemeenschappelijke bekende (via één adres, zaak of werkgever)'
        """
        if text.startswith("shared associate ") and text.endswith(")"):
            return self("sp.shared_associate")
        if text.startswith("shared ") and text.endswith(")") and " (" in text:
            return self("sp.shared", kind=self.type(text[7:].split(" (", 1)[0]))
        return self._label(labels().reasons, text)

    def indicator(self, indicator_id: str) -> str:
        return indicator_titles().get(indicator_id, {}).get(self.lang, indicator_id)

    def value(self, prop: str, value: Any) -> str:
        """A property value as text: codes as labels, dates as dates, lists joined."""
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return self("common.yes") if value else self("common.no")
        if isinstance(value, list | tuple | set | frozenset):
            return ", ".join(self.value(prop, v) for v in value)
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        codes = labels().values.get(prop)
        if codes is not None and str(value) in codes:
            return codes[str(value)].get(self.lang)
        return str(value)

    def card(self, props: Mapping[str, Any], hidden: Iterable[str] = ()) -> list[tuple[str, str]]:
        """An entity's properties as (label, text) rows, in the table's order, internal keys out."""
        skip = set(hidden)
        order = list(labels().properties)
        rows = [(k, v) for k, v in props.items() if k not in skip and v not in (None, "", [], ())]
        rows.sort(key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0]))
        return [(self.prop(k), self.value(k, v)) for k, v in rows]


def current() -> Translator:
    """The translator for the user's session (Dutch unless they switched)."""
    import streamlit as st

    return Translator(str(st.session_state.get(SESSION_KEY, DEFAULT)))
