"""Who in a candidate network is likely to organise it: a score from roles in the exploitation.

Betweenness alone picks the most central *entity*, and in trafficking networks that is often a
victim's shared phone or home; a suspect registration picks whom the police looked at. So
:func:`organisers` scores each person of a network on the roles an analyst reads in a case
file (``organisers.yaml``, with the rationale per feature): who pays for others, who receives
the money and the wages of others, who recruits, holds documents, lets the housing, directs the
employer or is family of the landlord or employer, owns the vehicles, answers the phones, is
called and met by the others, leads the group, sits between the others; victims and minors
count against.

Each feature value is scaled to 0..1 on an absolute scale (linear or logarithmic up to its
saturation) and multiplied by its weight; the score is the sum. Nothing is relative to the
network's own members, so scores are comparable across networks and materials. Facts are
those that touch a member of the network, also facts to hubs (a room paid at a hotel still
counts). Signals and investigations are context: they give the ``suspect``/``victim`` roles
and the dates for ``minor``, never paths for ``brokerage``. Ties are broken by the persons'
identity keys, so the ranking does not depend on random uids.

Long because: each feature is a few lines of counting, kept side by side with the table they
implement so that a reason shown to an analyst can be traced to its code in one place.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from emm.graph.analysis.config import organiser_table
from emm.graph.analysis.exceptions import IndicatorTableError, InvalidThreshold

if TYPE_CHECKING:
    import pandas as pd

    from emm.graph.analysis.networks import Network

__all__ = [
    "FEATURES",
    "OrganiserScore",
    "organiser_table",
    "organisers",
    "organisers_of",
    "scaled",
]

#: The features, in the order of ``organisers.yaml``.
FEATURES = (
    "pays_for_others",
    "receives_money",
    "collects_wages",
    "recruits",
    "controls_documents",
    "lets_housing",
    "employs",
    "family_of_landlord_or_employer",
    "arranges_transport",
    "controls_contacts",
    "calls",
    "contacts",
    "tie_strength",
    "leads_group",
    "brokerage",
    "suspect",
    "victim",
    "minor",
)
_MONEY = ("PAYMENT", "PAID_FOR")
_CONTACT = ("USES_PHONE", "USES_EMAIL")
_LEADER = re.compile(
    r"\b(leader|leider|head|hoofd|boss|baas|chief|kopstuk|capo|chef|jefe|organiser|organizer)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class OrganiserScore:
    """The organiser score of one person of a network.

    Attributes
    ----------
    uid : str
        The person.
    score : float
        Sum of the weighted, scaled features (see the module notes).
    values : dict
        Raw feature values (counts; ``brokerage`` a share of paths; ``minor`` the age).
    components : dict
        Each feature's contribution to ``score``.
    explanation : list of str
        One line per feature that contributed, largest contribution first.
    rank : int
        1 = most likely organiser.
    """

    uid: str
    score: float
    values: Mapping[str, float] = field(default_factory=dict)
    components: Mapping[str, float] = field(default_factory=dict)
    explanation: list[str] = field(default_factory=list)
    rank: int = 0


def _checked_table() -> dict[str, dict[str, Any]]:
    table = organiser_table()
    if tuple(table) != FEATURES:
        raise IndicatorTableError(f"organisers.yaml must define, in order: {', '.join(FEATURES)}")
    return table


def scaled(value: float, saturation: float, scale: str) -> float:
    """A feature value on 0..1.

    Examples
    --------
    >>> scaled(3, 20, "log") < scaled(21, 20, "log") == 1.0
    True
    >>> scaled(1, 2, "linear")
    0.5
    """
    if value <= 0:
        return 0.0
    if scale == "log":
        return min(1.0, math.log1p(value) / math.log1p(saturation))
    return min(1.0, value / saturation)


def organisers(
    network: Network | Collection[str],
    data: Any,
    *,
    top: int | None = None,
    weights: Mapping[str, float] | None = None,
    lang: Literal["en", "nl"] = "en",
) -> list[OrganiserScore]:
    """Rank the persons of a network as likely organisers (highest score first).

    Parameters
    ----------
    network : Network or collection of str
        A network from :func:`detect_networks`, or the member uids of any group (then the
        persons are the members labelled ``Person`` in ``data``).
    data : networkx.MultiDiGraph or (edges, nodes) pair of DataFrames
        The (filtered) projection the network was found in; the whole graph is fine, only
        facts touching a member are read. ``nodes`` may be ``None`` when the network says who
        the persons are (then ``minor`` and key-based tie breaking are not available).
    top : int, optional
        Return only the first ``top`` persons.
    weights : mapping, optional
        Override feature weights, e.g. ``{"brokerage": 0}``.
    lang : {"en", "nl"}, default "en"
        Language of the explanations.

    Returns
    -------
    list of OrganiserScore
        Sorted by descending score, then identity key; ``rank`` 1 first.

    Raises
    ------
    InvalidThreshold
        If ``weights`` names an unknown feature.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> facts = [("boss", "USES_PHONE", "ph"), ("v1", "USES_PHONE", "ph"),
    ...          ("v2", "USES_PHONE", "ph"), ("v1", "LIVES_AT", "home"),
    ...          ("v2", "LIVES_AT", "home"), ("boss", "HOLDS_ACCOUNT", "acc"),
    ...          ("acc", "PAID_FOR", "ad1"), ("acc", "PAID_FOR", "ad2"),
    ...          ("ad1", "ADVERTISES", "v1"), ("ad2", "ADVERTISES", "v2"),
    ...          ("boss", "INVOLVED_IN", "s"), ("v1", "INVOLVED_IN", "s"),
    ...          ("v2", "INVOLVED_IN", "s")]
    >>> roles = {"boss": "suspect", "v1": "victim", "v2": "victim"}
    >>> for i, (u, t, v) in enumerate(facts):
    ...     _ = G.add_edge(u, v, key=i, type=t, party="POL", legal_basis="WPG-10",
    ...                    registered_at="2026-01-01", role=roles.get(u) if t == "INVOLVED_IN"
    ...                    else None)
    >>> nx.set_node_attributes(G, {n: "Person" for n in roles}, "label")
    >>> G.nodes["s"]["label"] = "Signal"
    >>> ranked = organisers(set(G) - {"s"}, G)
    >>> [(s.uid, round(s.score, 2)) for s in ranked]
    [('boss', 1.95), ('v1', -2.39), ('v2', -2.39)]
    >>> for line in ranked[0].explanation:
    ...     print(line)
    pays for 2 advertisement(s), room(s), trip(s) or person(s)
    2 other person(s) or advertisement(s) use the same phone or e-mail
    suspect in 1 signal(s) or investigation(s)
    """
    from emm.graph.analysis.frames import as_frames, order_keys

    table = _checked_table()
    w = {k: v["weight"] for k, v in table.items()}
    for key, value in (weights or {}).items():
        if key not in w:
            raise InvalidThreshold(f"unknown organiser feature {key!r} (known: {', '.join(w)})")
        w[key] = float(value)
    edges, nodes = as_frames(data)
    members: set[str] = set(network.members if hasattr(network, "members") else network)
    label = {
        u: lab if isinstance(lab, str) else _label_from_uid(u)
        for u, lab in zip(nodes["uid"], nodes["label"], strict=True)
    }
    persons = getattr(network, "persons", None)
    if persons is None:
        persons = {m for m in members if label.get(m) == "Person"}
    persons = set(persons)
    if not persons:
        return []
    facts = edges[edges["src"].isin(members) | edges["dst"].isin(members)]
    values = _features(facts, nodes, members, persons, label)
    order = order_keys(nodes)
    scores = []
    for uid in persons:
        vals = {k: float(values[k].get(uid, 0.0)) for k in FEATURES}
        comp = {
            k: w[k] * scaled(vals[k], table[k]["saturation"], table[k]["scale"])
            for k in FEATURES
            if vals[k] > 0 and w[k] != 0
        }
        ranked_features = sorted(comp, key=lambda k: (-abs(comp[k]), FEATURES.index(k)))
        explanation = [
            table[k][f"explanation_{lang}"].format(value=vals[k]) for k in ranked_features
        ]
        scores.append(
            OrganiserScore(str(uid), round(sum(comp.values()), 6), vals, comp, explanation)
        )
    scores.sort(key=lambda s: (-s.score, order.get(s.uid, s.uid)))
    ranked = [
        OrganiserScore(s.uid, s.score, s.values, s.components, s.explanation, rank=i)
        for i, s in enumerate(scores, start=1)
    ]
    return ranked if top is None else ranked[:top]


def organisers_of(
    networks: Iterable[Network], data: Any, *, top: int | None = 3, lang: Literal["en", "nl"] = "en"
) -> dict[str, list[OrganiserScore]]:
    """:func:`organisers` for many networks at once: network id -> ranked persons.

    The facts are split by network in one pass over the edge table (a fact touching members
    of two networks goes to both), so ranking the organisers of hundreds of networks of a
    whole-graph run reads the million facts once, not once per network.
    """
    import pandas as pd

    from emm.graph.analysis.frames import as_frames

    nets = list(networks)
    edges, nodes = as_frames(data)
    of: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(nets):
        for m in n.members:
            of[m].append(i)
    first = {m: ix[0] for m, ix in of.items()}
    rows = pd.concat(
        [
            pd.DataFrame({"row": range(len(edges)), "net": edges["src"].map(first).to_numpy()}),
            pd.DataFrame({"row": range(len(edges)), "net": edges["dst"].map(first).to_numpy()}),
        ],
        ignore_index=True,
    ).dropna()
    extra = [(m, ix) for m, ix in of.items() if len(ix) > 1]  # members of several networks
    if extra:
        more = []
        for m, ix in extra:
            hit = edges.index[(edges["src"] == m) | (edges["dst"] == m)]
            more += [pd.DataFrame({"row": hit, "net": i}) for i in ix[1:]]
        rows = pd.concat([rows, *more], ignore_index=True)
    rows = rows.drop_duplicates().astype({"net": int})
    node_rows = nodes.drop_duplicates("uid").set_index("uid", drop=False)
    out: dict[str, list[OrganiserScore]] = {}
    for key, group in rows.groupby("net"):
        net = nets[int(str(key))]
        facts = edges.iloc[sorted(group["row"].tolist())]
        uids = pd.Index(pd.unique(pd.concat([facts["src"], facts["dst"]], ignore_index=True)))
        sub_nodes = node_rows.loc[node_rows.index.intersection(uids)].reset_index(drop=True)
        out[net.id] = organisers(net, (facts, sub_nodes), top=top, lang=lang)
    for n in nets:
        out.setdefault(n.id, [])
    return out


def _features(
    facts: pd.DataFrame,
    nodes: pd.DataFrame,
    members: set[str],
    persons: set[str],
    label: Mapping[str, Any],
) -> dict[str, dict[str, float]]:
    """Raw feature values per person (only persons with a non-zero value appear)."""
    from emm.graph.analysis.context import CONTEXT_LABELS

    out: dict[str, dict[str, float]] = {k: {} for k in FEATURES}
    typ = facts["type"]

    def rows(*types: str) -> pd.DataFrame:
        return facts[typ.isin(types)]

    # accounts, phones, vehicles, documents: who holds what
    held_by = _holders(rows("HOLDS_ACCOUNT"))  # account -> holders
    own = {(p, a) for a, hs in held_by.items() for p in hs}
    accounts_of: dict[str, set[str]] = defaultdict(set)
    for a, hs in held_by.items():
        for p in hs:
            accounts_of[p].add(a)

    # money: received into accounts that keep it (a mule's account passes it on: that is no
    # sign of control, the account it goes on to is)
    money = rows(*_MONEY)
    passing = _pass_through(rows("PAYMENT"))
    money_in: dict[str, set[str]] = defaultdict(set)
    pays: dict[str, set[str]] = defaultdict(set)
    for payer, payee, kind in zip(money["src"], money["dst"], money["type"], strict=True):
        if payee in passing:
            continue
        receivers = held_by.get(payee, set()) | ({payee} if payee in persons else set())
        for p in receivers:
            if p in persons and (p, payer) not in own and payer != p:
                money_in[p].add(payer)
        if kind == "PAID_FOR":
            for p in held_by.get(payer, ()):
                if p in persons and payee != p and (p, payee) not in own:
                    pays[p].add(payee)
    out["receives_money"] = {p: float(len(s)) for p, s in money_in.items()}
    out["pays_for_others"] = {p: float(len(s)) for p, s in pays.items()}

    # wages of others: payments from an employer's account into a person's account when the
    # person is not employed there
    employed = rows("EMPLOYED_BY")
    employees: dict[str, set[str]] = defaultdict(set)  # company -> workers
    for p, c in zip(employed["src"], employed["dst"], strict=True):
        employees[c].add(p)
    company_of_account = {
        a: hs for a, hs in held_by.items() if any(label.get(h) == "Company" for h in hs)
    }
    wages: dict[str, int] = defaultdict(int)
    payments = rows("PAYMENT")
    for payer, payee in zip(payments["src"], payments["dst"], strict=True):
        companies = [c for c in company_of_account.get(payer, ()) if employees.get(c)]
        if not companies:
            continue
        for p in held_by.get(payee, ()):
            if p in persons and not any(p in employees[c] for c in companies):
                wages[p] += 1
    out["collects_wages"] = {p: float(n) for p, n in wages.items()}

    # phones and e-mail addresses: who else uses them; advertisements that give them
    contact = rows(*_CONTACT)
    users: dict[str, set[str]] = defaultdict(set)  # contact -> persons and ads using it
    for u, c in zip(contact["src"], contact["dst"], strict=True):
        users[c].add(u)
    ads = rows("ADVERTISED_WITH")
    ad_kind = nodes.drop_duplicates("uid").set_index("uid")["kind"] if "kind" in nodes else None
    offered = set(rows("ADVERTISES")["src"])
    recruit_ads: dict[str, set[str]] = defaultdict(set)  # contact -> ads without a person
    for ad, c in zip(ads["src"], ads["dst"], strict=True):
        users[c].add(ad)
        kind = str(ad_kind.get(ad, "") if ad_kind is not None else "").casefold()
        if kind == "job" or (not kind and ad not in offered):
            recruit_ads[c].add(ad)
    shared: dict[str, set[str]] = defaultdict(set)
    recruits: dict[str, set[str]] = defaultdict(set)
    phones_of: dict[str, set[str]] = defaultdict(set)
    for p, c in zip(contact["src"], contact["dst"], strict=True):
        if p in persons:
            shared[p] |= users[c] - {p}
            recruits[p] |= recruit_ads.get(c, set())
            phones_of[p].add(c)
    out["controls_contacts"] = {p: float(len(s)) for p, s in shared.items() if s}
    out["recruits"] = {p: float(len(s)) for p, s in recruits.items() if s}

    # documents of others
    docs = rows("HAS_DOCUMENT")
    doc_holders = _holders(docs)
    held_docs: dict[str, set[str]] = defaultdict(set)
    for hs in doc_holders.values():
        for p in hs:
            if p in persons:
                held_docs[p] |= hs - {p}
    out["controls_documents"] = {p: float(len(s)) for p, s in held_docs.items() if s}

    # housing, employment, family of landlord or employer
    housing = rows("LIVES_AT", "REGISTERED_AT", "STAYED_AT")
    housed: dict[str, set[str]] = defaultdict(set)  # address -> persons
    for p, a in zip(housing["src"], housing["dst"], strict=True):
        if p in persons:
            housed[a].add(p)
    directs = rows("DIRECTOR_OF")
    directed: dict[str, set[str]] = defaultdict(set)  # person -> companies
    for p, c in zip(directs["src"], directs["dst"], strict=True):
        directed[p].add(c)
    lets = rows("LANDLORD_OF")
    let_by: dict[str, set[str]] = defaultdict(set)  # landlord (person or company) -> addresses
    for who, a in zip(lets["src"], lets["dst"], strict=True):
        let_by[who].add(a)
    tenants: dict[str, set[str]] = {}
    staff: dict[str, set[str]] = {}
    for p in persons | set(directed):
        addresses = set(let_by.get(p, ()))
        for c in directed.get(p, ()):
            addresses |= let_by.get(c, set())
        t = set().union(*(housed.get(a, set()) for a in addresses)) - {p} if addresses else set()
        if t:
            tenants[p] = t
        s = set().union(*(employees.get(c, set()) for c in directed.get(p, ()))) - {p}
        if s:
            staff[p] = s
    out["lets_housing"] = {p: float(len(s)) for p, s in tenants.items() if p in persons}
    out["employs"] = {p: float(len(s)) for p, s in staff.items() if p in persons}
    family = rows("FAMILY_OF")
    relatives: dict[str, set[str]] = defaultdict(set)
    for a, b in zip(family["src"], family["dst"], strict=True):
        relatives[a].add(b)
        relatives[b].add(a)
    roles = set(tenants) | set(staff)
    fam = {p: {r for r in relatives.get(p, ()) if r in roles} for p in persons}
    out["family_of_landlord_or_employer"] = {p: float(len(s)) for p, s in fam.items() if s}

    # vehicles: who else drives or rides in them
    riders: dict[str, set[str]] = defaultdict(set)
    for p, v in zip(*_cols(rows("DRIVES", "PASSENGER_IN")), strict=True):
        riders[v].add(p)
    fleet: dict[str, set[str]] = defaultdict(set)
    for p, v in zip(*_cols(rows("OWNS_VEHICLE")), strict=True):
        if p in persons:
            fleet[p] |= riders[v] - {p}
    out["arranges_transport"] = {p: float(len(s)) for p, s in fleet.items() if s}

    # telecom: persons whose phones are in call records with the person's phones
    calls = rows("CALLED")
    phone_users: dict[str, set[str]] = defaultdict(set)
    for p, ps in phones_of.items():
        for c in ps:
            phone_users[c].add(p)
    callers: dict[str, set[str]] = defaultdict(set)
    for a, b in zip(calls["src"], calls["dst"], strict=True):
        for p in phone_users.get(a, ()):
            callers[p] |= phone_users.get(b, set()) - {p}
        for p in phone_users.get(b, ()):
            callers[p] |= phone_users.get(a, set()) - {p}
    out["calls"] = {p: float(len(s)) for p, s in callers.items() if s}

    # meetings and associations, and their strength
    met = rows("MET", "ASSOCIATE_OF")
    seen: dict[str, set[str]] = defaultdict(set)
    strength: dict[str, float] = defaultdict(float)
    weight_col = met["weight"] if "weight" in met.columns else None
    for i, (a, b) in enumerate(zip(met["src"], met["dst"], strict=True)):
        if a == b:
            continue
        raw = weight_col.iloc[i] if weight_col is not None else None
        value = _number(raw, 1.0)
        for x, y in ((a, b), (b, a)):
            if x in persons:
                seen[x].add(y)
                strength[x] += value
    out["contacts"] = {p: float(len(s)) for p, s in seen.items()}
    out["tie_strength"] = dict(strength)

    # group leadership
    member_of = rows("MEMBER_OF")
    lead: dict[str, set[str]] = defaultdict(set)
    position = member_of["position"] if "position" in member_of.columns else None
    for i, (p, g) in enumerate(zip(member_of["src"], member_of["dst"], strict=True)):
        text = position.iloc[i] if position is not None else None
        if p in persons and isinstance(text, str) and _LEADER.search(text):
            lead[p].add(g)
    out["leads_group"] = {p: float(len(s)) for p, s in lead.items()}

    # roles in cases, and age
    ctx = {u for u, lab in label.items() if lab in CONTEXT_LABELS}
    involved = facts[(typ == "INVOLVED_IN") & facts["src"].isin(persons) & facts["dst"].isin(ctx)]
    role = involved["role"].astype(str).str.lower() if "role" in involved else None
    for name in ("suspect", "victim"):
        chosen = involved[role == name] if role is not None else involved.iloc[0:0]
        out[name] = _count(chosen["src"], chosen["dst"])
    out["minor"] = _minors(facts, nodes, persons)

    out["brokerage"] = _brokerage(facts, members, persons, ctx)
    return out


def _label_from_uid(uid: Any) -> str | None:
    """The label a store uid encodes (``"Person-9f2c..."``), for tables without labels."""
    from emm.graph.schema import ENTITY_TYPES

    head = str(uid).split("-", 1)[0]
    return head if head in ENTITY_TYPES else None


def _pass_through(payments: pd.DataFrame, share: float = 0.7) -> set[str]:
    """Accounts that pay out at least ``share`` of what they receive (amounts summed)."""
    import pandas as pd

    if payments.empty or "amount" not in payments.columns:
        return set()
    amount = pd.to_numeric(payments["amount"], errors="coerce").fillna(0.0)
    received = amount.groupby(payments["dst"]).sum()
    paid = amount.groupby(payments["src"]).sum()
    both = received.index.intersection(paid.index)
    return {str(a) for a in both if received[a] > 0 and paid[a] >= share * received[a]}


def _holders(df: pd.DataFrame) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for holder, thing in zip(df["src"], df["dst"], strict=True):
        out[thing].add(holder)
    return out


def _cols(df: pd.DataFrame) -> tuple[Iterable[Any], Iterable[Any]]:
    return df["src"], df["dst"]


def _number(raw: Any, default: float) -> float:
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return default
    return default if math.isnan(value) else value


def _count(keys: Iterable[Any], items: Iterable[Any]) -> dict[str, float]:
    seen: dict[str, set[Any]] = defaultdict(set)
    for k, i in zip(keys, items, strict=True):
        seen[str(k)].add(i)
    return {k: float(len(v)) for k, v in seen.items()}


def _minors(facts: pd.DataFrame, nodes: pd.DataFrame, persons: set[str]) -> dict[str, float]:
    """Age at the earliest dated fact, for persons who were under 18 then."""
    import pandas as pd

    if "birth_date" not in nodes.columns:
        return {}
    births = nodes.drop_duplicates("uid").set_index("uid")["birth_date"]
    births = births[births.index.isin(list(persons)) & births.notna()]
    if births.empty:
        return {}
    from emm.graph.analysis.ages import ages_at_facts

    own = facts[facts["src"].isin(births.index)]
    if own.empty:
        return {}
    ages = ages_at_facts(own, births)
    frame = pd.DataFrame({"p": own["src"].to_numpy(), "age": ages.to_numpy()}).dropna()
    youngest = frame.groupby("p")["age"].min()
    return {str(p): float(a) for p, a in youngest.items() if a < 18}


def _brokerage(
    facts: pd.DataFrame, members: set[str], persons: set[str], context: set[str]
) -> dict[str, float]:
    """Share of shortest paths between pairs of the network's other persons that pass through
    each person, in the members-only entity graph without signals and investigations."""
    import networkx as nx

    inner = facts[facts["src"].isin(members) & facts["dst"].isin(members)]
    inner = inner[~inner["src"].isin(context) & ~inner["dst"].isin(context)]
    G = nx.Graph()
    G.add_edges_from((u, v) for u, v in zip(inner["src"], inner["dst"], strict=True) if u != v)
    inside = [p for p in persons if p in G]
    if len(inside) < 3:
        return {}
    sources = sorted(inside, key=str)
    if len(sources) > 600:  # estimate from a fixed sample of sources (seeded, deterministic)
        import random

        sources = random.Random(0).sample(sources, 600)
    bc = nx.betweenness_centrality_subset(G, sources=sources, targets=inside, normalized=False)
    scale = len(sources) / len(inside)
    pairs = (len(inside) - 1) * (len(inside) - 2) / 2
    return {u: bc[u] / scale / pairs for u in inside if bc.get(u, 0) > 0}
