"""Finding entities from what an analyst types: an identifier in any common spelling, or text.

Each identifier kind is tried with the same normaliser the ingest uses, so ``06-12345678``,
``+31 6 1234 5678`` and ``0031612345678`` all find the phone stored as ``+31612345678``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from emm import values
from emm.graph.model import NO_FILTER, EdgeFilter, Entity
from emm.graph.store import GraphStore
from emm.values import InvalidValue

_POSTCODE_NUMBER = re.compile(
    r"^\s*(?P<pc>[1-9]\d{3}\s?[A-Za-z]{2})\s*[, ]\s*(?P<nr>\d{1,5})\s*(?P<add>[A-Za-z0-9-]{0,6})\s*$"
)

# (label, normaliser, how the normalised value becomes a key) — tried in this order.
_IDENTIFIERS: tuple[tuple[str, Callable[[str], str], Callable[[str], str]], ...] = (
    ("Person", values.bsn.normalise, values.bsn.node_key),
    ("BankAccount", values.iban.normalise, values.iban.node_key),
    ("Phone", values.phone.normalise, values.phone.node_key),
    ("Email", values.email.normalise, values.email.node_key),
    ("Vehicle", values.plate.normalise, values.plate.node_key),
    ("Company", values.kvk.normalise, values.kvk.node_key),
)


def find(
    store: GraphStore, query: str, flt: EdgeFilter = NO_FILTER, *, limit: int = 25
) -> list[Entity]:
    """Entities matching an identifier (exact, normalised) or else a text fragment, among the
    records ``flt`` lets through (a hit in a record the reader may not see is no hit).

    Identifiers: BSN, IBAN, phone, e-mail, plate, KvK number, ``postcode number [addition]``.
    Text: a case- and accent-insensitive fragment of a name, address, title or id.
    """
    q = query.strip()
    if not q:
        return []
    found: list[Entity] = []
    for label, fn, to_key in _IDENTIFIERS:
        try:
            value = fn(q)
        except InvalidValue:
            continue
        found.extend(store.by_keys(label, [to_key(value)], flt))
    m = _POSTCODE_NUMBER.match(q)
    if m:
        try:
            pc = values.postcode.normalise(m["pc"])
            nr = values.house_number.normalise(m["nr"])
            add = values.house_number.normalise_addition(m["add"]) if m["add"] else ""
            found.extend(store.by_keys("Address", [values.address.node_key(pc, nr, add)], flt))
        except InvalidValue:
            pass
    if found:
        return found[:limit]
    text = values.name.name_key(q) if any(c.isalpha() for c in q) else q.lower()
    if len(text) < 2:
        return []
    return store.search_text(text, flt, limit=limit)
