"""Shared infrastructure that network detection leaves out: by evidence, not by shape alone.

A node is left out ("hub") when linking through it would glue strangers together: a border
post, a platform's phone, a hotel, a reception centre. The old rule ("any address with two
stays and more guests than residents") also took out the safe houses and the hotels a
controller pays for, so the migrants or victims housed there fell out of their network. The
rules (settings and reasons in ``detection.yaml``, ``hubs``):

* ``"label"``: the node has a label in ``labels`` (border posts);
* ``"degree"``: a node of ``degree_labels`` with more than ``degree`` distinct neighbours;
* ``"neutral venue"``: an Address that is neutral *by evidence*: its ``kind`` names a hotel,
  hostel, reception centre or business centre, or a company in such a sector is registered
  there; with at least ``venue_min_guests`` occupants;
* ``"venue"`` / ``"shared place"``: an Address that only *looks* shared (more guests than
  residents; occupants from several otherwise unconnected groups), unless the evidence says
  otherwise: it is let by a person (``LANDLORD_OF`` from a Person), or every occupant's stay or
  residence was paid for by an account (a safe house).

Counter-evidence also works at neutral venues, per guest: a stay paid for from an account
becomes a ``PAID_STAY`` tie between the account and the guest (:func:`hub_evidence`), so a
victim whose hotel rooms the controller pays stays in the controller's network while the
other guests of the hotel do not join it. Persons, companies and groups are never hubs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from emm.graph.analysis.config import detection_table
from emm.graph.analysis.context import CONTEXT_LABELS

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["HubEvidence", "find_hubs", "hub_evidence", "is_neutral_text"]

_LIVE = ("LIVES_AT", "REGISTERED_AT")
_STAY = "STAYED_AT"


@dataclass(frozen=True)
class HubEvidence:
    """What :func:`hub_evidence` found.

    Attributes
    ----------
    hubs : dict
        uid -> reason (``"label"``, ``"degree"``, ``"neutral venue"``, ``"venue"``,
        ``"shared place"``), sorted by uid.
    kept : dict
        Addresses that look shared by shape but stay in, uid -> reason (``"let by a person"``,
        ``"stays paid by others"``).
    paid : pandas.DataFrame
        Paid stays at hub addresses (see :func:`emm.graph.analysis.payments.paid_occupants`):
        each row becomes a ``PAID_STAY`` tie between ``account`` and ``person``.
    """

    hubs: dict[str, str]
    kept: dict[str, str] = field(default_factory=dict)
    paid: Any = None


def is_neutral_text(text: Any, words: Sequence[str]) -> bool:
    """Whether ``text`` contains one of ``words`` as a word (folded, case-insensitive).

    Examples
    --------
    >>> is_neutral_text("AZC Ter Apel", ["azc", "hotel"]), is_neutral_text("woning", ["hotel"])
    (True, False)
    >>> is_neutral_text("Hotelschip", ["hotel"])  # a word, not a prefix
    False
    """
    if not isinstance(text, str) or not text:
        return False
    folded = " ".join(re.split(r"[^0-9a-z&]+", text.casefold()))
    return any(re.search(rf"(?<![0-9a-z]){re.escape(w.casefold())}(?![0-9a-z])", folded)
               for w in words)  # fmt: skip


def find_hubs(
    data: Any,
    *,
    hub_degree: int | None = None,
    hub_labels: Sequence[str] | None = None,
    venue_min_guests: int | None = None,
    place_min_groups: int | None = None,
    place_group_min_persons: int | None = None,
) -> dict[str, str]:
    """Shared infrastructure that :func:`emm.graph.analysis.detect_networks` leaves out.

    The rules are in the module notes; ``None`` takes the value of ``detection.yaml``.

    Parameters
    ----------
    data : networkx.MultiDiGraph or (edges, nodes) pair of DataFrames

    Returns
    -------
    dict
        uid -> reason, sorted by uid.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for n, lab in [("h", "Address"), ("bp", "BorderPost"), ("x1", "Person"),
    ...                ("x2", "Person"), ("y1", "Person"), ("y2", "Person")]:
    ...     G.add_node(n, label=lab)
    >>> for i, (u, t, v) in enumerate([("x1", "STAYED_AT", "h"), ("y1", "STAYED_AT", "h"),
    ...                                 ("x1", "FAMILY_OF", "x2"), ("y1", "FAMILY_OF", "y2"),
    ...                                 ("x2", "CROSSED_BORDER", "bp")]):
    ...     _ = G.add_edge(u, v, key=i, type=t, party="POL", legal_basis="WPG-10",
    ...                    registered_at="2026-01-01")
    >>> find_hubs(G)
    {'bp': 'label', 'h': 'venue'}
    """
    return hub_evidence(
        data,
        hub_degree=hub_degree,
        hub_labels=hub_labels,
        venue_min_guests=venue_min_guests,
        place_min_groups=place_min_groups,
        place_group_min_persons=place_group_min_persons,
    ).hubs


def hub_evidence(
    data: Any,
    *,
    hub_degree: int | None = None,
    hub_labels: Sequence[str] | None = None,
    venue_min_guests: int | None = None,
    place_min_groups: int | None = None,
    place_group_min_persons: int | None = None,
) -> HubEvidence:
    """The hubs, the addresses kept in by evidence, and the paid stays at hubs."""
    import igraph as ig
    import numpy as np
    import pandas as pd

    from emm.graph.analysis.frames import as_frames
    from emm.graph.analysis.payments import paid_occupants

    edges, nodes = as_frames(data)
    cfg = detection_table()["hubs"]
    degree_limit = int(cfg["degree"] if hub_degree is None else hub_degree)
    labels = list(cfg["labels"] if hub_labels is None else hub_labels)
    min_guests = int(cfg["venue_min_guests"] if venue_min_guests is None else venue_min_guests)
    min_groups = int(cfg["place_min_groups"] if place_min_groups is None else place_min_groups)
    min_persons = int(
        cfg["place_group_min_persons"]
        if place_group_min_persons is None
        else place_group_min_persons
    )
    label = _labels(nodes)
    hubs: dict[Any, str] = dict.fromkeys(label[label.isin(labels)].index, "label")

    # integer codes: all counting below is numpy on int64 arrays
    codes, uniques = pd.factorize(pd.concat([edges["src"], edges["dst"]], ignore_index=True))
    m, n = len(edges), len(uniques)
    src, dst = codes[:m].astype(np.int64), codes[m:].astype(np.int64)
    lab = pd.Series(uniques).map(label).to_numpy(dtype=object)
    is_person = lab == "Person"
    is_address = lab == "Address"
    is_context = np.isin(lab, CONTEXT_LABELS)
    typ = edges["type"].to_numpy(dtype=object)

    def distinct_count(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Per code in ``a``: the number of distinct partners in ``b``."""
        key = np.unique(a * n + b)
        return np.bincount(key // n, minlength=n)

    # degree over facts among entities (a large case is context, not a neighbour)
    entity_fact = ~is_context[src] & ~is_context[dst]
    lo, hi = np.minimum(src, dst), np.maximum(src, dst)
    proper = (lo != hi) & entity_fact
    pairs = np.unique(lo[proper] * n + hi[proper])
    degree = np.bincount(pairs // n, minlength=n) + np.bincount(pairs % n, minlength=n)
    degree_ok = np.isin(lab, list(cfg["degree_labels"]))
    for i in np.flatnonzero((degree > degree_limit) & degree_ok):
        hubs.setdefault(uniques[int(i)], "degree")

    live = np.isin(typ, _LIVE)
    stay = typ == _STAY
    place = (live | stay) & is_person[src] & is_address[dst]
    residents = distinct_count(dst[place & live], src[place & live])
    guests = distinct_count(dst[place & stay], src[place & stay])
    occupied = np.unique(dst[place] * n + src[place])
    occ_place, occ_person = occupied // n, occupied % n
    occupants = np.bincount(occ_place, minlength=n)

    # evidence of neutrality: the address's kind, or a company in a neutral sector there
    neutral = np.zeros(n, dtype=bool)
    busy = is_address & (occupants >= max(min_guests, 1))
    if busy.any() and "kind" in nodes.columns:
        kind = nodes.drop_duplicates("uid").set_index("uid")["kind"]
        hit = _neutral_mask(pd.Series(uniques).map(kind), cfg["neutral_kinds"])
        neutral |= busy & hit
    if busy.any() and "sector" in nodes.columns:
        sector = nodes.drop_duplicates("uid").set_index("uid")["sector"]
        company_ok = _neutral_mask(pd.Series(uniques).map(sector), cfg["neutral_sectors"])
        reg = (typ == "REGISTERED_AT") & company_ok[src] & is_address[dst]
        neutral[dst[reg]] |= busy[dst[reg]]
    for i in np.flatnonzero(neutral):
        hubs.setdefault(uniques[int(i)], "neutral venue")

    # counter-evidence for shape-only candidates
    kept: dict[Any, str] = {}
    let = (typ == "LANDLORD_OF") & is_person[src] & is_address[dst]
    let_by_person = np.zeros(n, dtype=bool)
    let_by_person[dst[let]] = True
    shape_venue = (guests >= max(min_guests, 1)) & (guests > residents) & ~neutral
    shape_place = (occupants >= max(min_groups, 1)) & ~neutral & (min_groups > 0)
    looks_shared = (shape_venue | shape_place) & is_address
    for i in np.flatnonzero(looks_shared & let_by_person):
        kept[uniques[int(i)]] = "let by a person"
    window = int(cfg["paid_window_days"])
    maybe = {uniques[int(i)] for i in np.flatnonzero(looks_shared & ~let_by_person)}
    paid = paid_occupants(edges, label, window=window, addresses=maybe) if maybe else None
    if paid is not None and len(paid):
        paid_count = paid.groupby("address")["person"].nunique()
        index = pd.Index(uniques)
        for address, count in paid_count.items():
            pos = int(index.get_loc(address))
            if count >= occupants[pos]:
                kept[address] = "stays paid by others"
    protected = np.zeros(n, dtype=bool)
    if kept:
        idx = pd.Index(uniques).get_indexer(list(kept))
        protected[idx[idx >= 0]] = True

    for i in np.flatnonzero(shape_venue & ~protected & is_address):
        hubs.setdefault(uniques[int(i)], "venue")

    is_hub = np.zeros(n, dtype=bool)
    known = pd.Index(uniques).get_indexer(list(hubs))
    is_hub[known[known >= 0]] = True
    candidate = shape_place & ~is_hub & ~protected & is_address
    if candidate.any():
        out = is_hub | candidate
        rest = ~out[src] & ~out[dst]
        g = ig.Graph(n=n, edges=list(zip(src[rest].tolist(), dst[rest].tolist(), strict=True)))
        comp = np.asarray(g.connected_components().membership, dtype=np.int64)
        k = int(comp.max()) + 1
        persons_in = np.bincount(comp, weights=is_person.astype(np.float64), minlength=k)
        sel = candidate[occ_place]
        at, group = occ_place[sel], comp[occ_person[sel]]
        ok = persons_in[group] >= min_persons  # a lone occupant is a group of one person
        groups = np.bincount(np.unique(at[ok] * k + group[ok]) // k, minlength=n)
        for i in np.flatnonzero(groups >= min_groups):
            hubs.setdefault(uniques[int(i)], "shared place")

    hub_addresses = {
        h for h, why in hubs.items() if why in ("neutral venue", "venue", "shared place")
    }
    ties = paid_occupants(
        edges, label, window=int(cfg["hub_paid_window_days"]), addresses=hub_addresses
    )
    if len(ties):
        # at a busy hotel a payment identifies its guest only when few guests match it
        per_payment = ties.groupby("ref_paid")["person"].transform("nunique")
        ties = ties[per_payment <= int(cfg["hub_paid_max_guests"])].reset_index(drop=True)
    return HubEvidence(
        hubs=dict(sorted(hubs.items(), key=lambda kv: str(kv[0]))),
        kept=dict(sorted(kept.items(), key=lambda kv: str(kv[0]))),
        paid=ties,
    )


def _neutral_mask(texts: pd.Series, words: Sequence[str]) -> np.ndarray:
    """Vectorised :func:`is_neutral_text` over a Series (missing values are not neutral)."""
    import numpy as np

    pattern = "|".join(re.escape(w.casefold()) for w in words)
    folded = texts.where(texts.notna(), "").astype(str).str.casefold()
    folded = folded.str.replace(r"[^0-9a-z&]+", " ", regex=True)
    found = folded.str.contains(rf"(?<![0-9a-z])(?:{pattern})(?![0-9a-z])", regex=True)
    return np.asarray(found.to_numpy(), dtype=bool)


def _labels(nodes: pd.DataFrame) -> pd.Series:
    import pandas as pd

    label = pd.Series(nodes["label"].to_numpy(), index=nodes["uid"].to_numpy())
    return label[~label.index.duplicated()]
