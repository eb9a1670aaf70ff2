"""Trafficking and smuggling indicators: rules in a table, one small function per rule.

The table is ``indicators.yaml`` (titles and explanations in Dutch and English, thresholds,
phenomena). Each rule is a function registered with :func:`rule` under the table's id; it gets
the edge and node tables (:class:`Tables`) and its thresholds, and returns
:class:`IndicatorHit` objects whose ``evidence`` lists the ``source_ref`` of every fact the hit
rests on, so an analyst can trace each hit back to the supplying parties.

Rules are pandas group-bys over the edge table, which is faster than graph traversal on the
whole graph (``notes/graph-performance.md``). They see only what they are given: filter the
graph first (:func:`emm.graph.analysis.filter_graph`) and excluded facts cannot fire a rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from emm.graph.analysis.exceptions import (
    IndicatorTableError,
    InvalidThreshold,
    UnknownIndicator,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Indicator",
    "IndicatorHit",
    "Tables",
    "indicator_table",
    "rule",
    "run_indicators",
]

RESIDENCE = ("LIVES_AT", "REGISTERED_AT")
HOUSING = ("LIVES_AT", "REGISTERED_AT", "STAYED_AT")
CASES = ("Signal", "Investigation")


@dataclass(frozen=True)
class Indicator:
    """One row of ``indicators.yaml``."""

    id: str
    title_nl: str
    title_en: str
    explanation_nl: str
    explanation_en: str
    phenomena: tuple[str, ...]
    subject: str
    thresholds: Mapping[str, float]
    params: Mapping[str, Any] = field(default_factory=dict)

    def title(self, lang: str = "en") -> str:
        """The title in ``"en"`` or ``"nl"``."""
        return self.title_nl if lang == "nl" else self.title_en

    def explanation(self, lang: str = "en", thresholds: Mapping[str, float] | None = None) -> str:
        """The explanation with the thresholds filled in."""
        text = self.explanation_nl if lang == "nl" else self.explanation_en
        values = {k: _fmt(v) for k, v in {**self.thresholds, **(thresholds or {})}.items()}
        return text.format(**values)


@dataclass(frozen=True)
class IndicatorHit:
    """An indicator that fired for one entity.

    Attributes
    ----------
    indicator_id : str
        The rule's id in ``indicators.yaml``.
    subject : str
        uid of the entity the hit is about (address, phone, account, company, person...).
    value : float
        The measured value (e.g. the number of unrelated persons).
    threshold : float
        The rule's main threshold that ``value`` reached.
    evidence : tuple of str
        ``source_ref`` of every fact the hit rests on, sorted.
    parties : tuple of str
        Parties that supplied those facts, sorted.
    related : tuple of str
        uids of the other entities involved (the persons counted, ...), sorted.
    details : dict
        Secondary values and thresholds (e.g. ``{"passengers": 4, "min_passengers": 3}``).
    """

    indicator_id: str
    subject: str
    value: float
    threshold: float
    evidence: tuple[str, ...]
    parties: tuple[str, ...]
    related: tuple[str, ...] = ()
    details: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=True)


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


@cache
def indicator_table() -> dict[str, Indicator]:
    """The indicator table from ``indicators.yaml``, in file order.

    Examples
    --------
    >>> table = indicator_table()
    >>> table["address_many_unrelated"].thresholds["min_persons"]
    5
    >>> table["shared_ad_contact"].title("nl")
    'Eén telefoonnummer of e-mailadres in advertenties voor meerdere personen'
    """
    from importlib import resources

    import yaml

    text = resources.files("emm.graph.analysis").joinpath("indicators.yaml").read_text("utf-8")
    try:
        rows = yaml.safe_load(text)["indicators"]
        table = {
            key: Indicator(
                id=key,
                title_nl=row["title_nl"],
                title_en=row["title_en"],
                explanation_nl=row["explanation_nl"],
                explanation_en=row["explanation_en"],
                phenomena=tuple(row["phenomenon"]),
                subject=row["subject"],
                thresholds=dict(row["thresholds"]),
                params=dict(row.get("params") or {}),
            )
            for key, row in rows.items()
        }
    except (KeyError, TypeError, AttributeError) as exc:
        raise IndicatorTableError(f"indicators.yaml is malformed: {exc!r}") from exc
    missing = sorted(set(table) - set(_RULES)) + sorted(set(_RULES) - set(table))
    if missing:
        raise IndicatorTableError(f"rules and table disagree on: {', '.join(missing)}")
    return table


# --------------------------------------------------------------------------------------------
# Tables: the edge table with endpoint labels, and helpers shared by the rules
# --------------------------------------------------------------------------------------------


class Tables:
    """The edge table with ``src_label``/``dst_label`` added, and the node table by uid."""

    def __init__(self, edges: pd.DataFrame, nodes: pd.DataFrame) -> None:
        import pandas as pd

        labels = pd.Series(nodes["label"].to_numpy(), index=nodes["uid"].to_numpy())
        labels = labels[~labels.index.duplicated()]
        e = edges.copy()
        for col in ("role", "date", "nights"):
            if col not in e.columns:
                e[col] = None
        e["src_label"] = e["src"].map(labels)
        e["dst_label"] = e["dst"].map(labels)
        self.edges = e
        self.nodes = nodes.drop_duplicates("uid").set_index("uid", drop=False)

    def facts(
        self,
        types: Iterable[str] | str,
        src: Iterable[str] | str | None = None,
        dst: Iterable[str] | str | None = None,
    ) -> pd.DataFrame:
        """Rows of the given relationship type(s) and endpoint label(s)."""
        e = self.edges
        mask = e["type"].isin(_as_list(types))
        if src is not None:
            mask &= e["src_label"].isin(_as_list(src))
        if dst is not None:
            mask &= e["dst_label"].isin(_as_list(dst))
        return e[mask]

    def node_attr(self, uids: pd.Series, attr: str) -> pd.Series:
        """The node attribute ``attr`` for each uid (``None`` when absent)."""
        import pandas as pd

        if attr not in self.nodes.columns:
            return pd.Series([None] * len(uids), index=uids.index, dtype=object)
        return uids.map(self.nodes[attr])


def _as_list(x: Iterable[str] | str) -> list[str]:
    return [x] if isinstance(x, str) else list(x)


def _evidence(*parts: pd.DataFrame) -> pd.DataFrame:
    """Stack (subject, related, ref, party) frames into one long evidence frame."""
    import pandas as pd

    cols = ["subject", "related", "ref", "party"]
    frames = [p[cols] for p in parts if len(p)]
    if not frames:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    return pd.concat(frames, ignore_index=True).dropna(subset=["subject", "ref"])


def _part(df: pd.DataFrame, subject: str, related: str, ref: str, party: str) -> pd.DataFrame:
    return df[[subject, related, ref, party]].set_axis(
        ["subject", "related", "ref", "party"], axis=1
    )


def _hits(
    ind: Indicator,
    long: pd.DataFrame,
    values: pd.Series,
    threshold: str,
    th: Mapping[str, float],
    details: Callable[[Any], dict[str, Any]] | None = None,
) -> list[IndicatorHit]:
    """Build hits for the subjects in ``values`` (already filtered), evidence from ``long``."""
    import pandas as pd

    if values.empty:
        return []
    sub = long[long["subject"].isin(values.index)]
    refs: dict[Any, set[str]] = defaultdict(set)
    parties: dict[Any, set[str]] = defaultdict(set)
    related: dict[Any, set[str]] = defaultdict(set)
    # de-duplicate in pandas first: the Python loops then see each distinct value once
    subj = sub["subject"]
    for target, column, ok in (
        (refs, "ref", sub["ref"].notna()),
        (parties, "party", sub["party"].notna() & sub["party"].astype(str).ne("")),
        (related, "related", sub["related"].notna() & sub["related"].astype(str).ne("")),
    ):
        pairs = pd.DataFrame({"s": subj[ok], "v": sub.loc[ok, column].astype(str)})
        if column == "related":
            pairs = pairs[pairs["v"] != pairs["s"].astype(str)]
        pairs = pairs.drop_duplicates()
        for subject, value in zip(pairs["s"].tolist(), pairs["v"].tolist(), strict=True):
            target[subject].add(value)
    out = []
    for subject, value in values.items():
        out.append(
            IndicatorHit(
                indicator_id=ind.id,
                subject=str(subject),
                value=float(value),
                threshold=float(th[threshold]),
                evidence=tuple(sorted(refs.get(subject, ()))),
                parties=tuple(sorted(parties.get(subject, ()))),
                related=tuple(sorted(related.get(subject, ()))),
                details=details(subject) if details else {},
            )
        )
    return out


# --------------------------------------------------------------------------------------------
# The rules
# --------------------------------------------------------------------------------------------

RuleFunc = Callable[[Tables, Mapping[str, float], Indicator], list[IndicatorHit]]
_RULES: dict[str, RuleFunc] = {}


def rule(indicator_id: str) -> Callable[[RuleFunc], RuleFunc]:
    """Register ``func`` as the implementation of the table row ``indicator_id``."""

    def register(func: RuleFunc) -> RuleFunc:
        _RULES[indicator_id] = func
        return func

    return register


@rule("address_many_unrelated")
def _address_many_unrelated(
    t: Tables, th: Mapping[str, float], ind: Indicator
) -> list[IndicatorHit]:
    import pandas as pd

    res = t.facts(RESIDENCE, "Person", "Address")
    counts = res.groupby("dst")["src"].nunique()
    candidates = counts[counts >= th["min_persons"]].index  # households <= persons: prefilter
    if candidates.empty:
        return []
    res = res[res["dst"].isin(candidates)]
    persons = res[["dst", "src"]].drop_duplicates()
    fam = t.facts("FAMILY_OF", "Person", "Person")[["src", "dst"]]
    pairs = _family_pairs(fam, persons)
    households: dict[Any, int] = {}
    grouped_pairs = {a: g for a, g in pairs.groupby("address")} if len(pairs) else {}
    for address, grp in persons.groupby("dst"):
        members = grp["src"].tolist()
        links = grouped_pairs.get(address)
        edges = [] if links is None else list(zip(links["p1"], links["p2"], strict=True))
        households[address] = _count_groups(members, edges)
    values = pd.Series(households, dtype=float)
    values = values[values >= th["min_persons"]]
    persons_at = counts.to_dict()
    long = _evidence(_part(res, "dst", "src", "source_ref", "party"))
    return _hits(
        ind,
        long,
        values,
        "min_persons",
        th,
        details=lambda a: {"persons": int(persons_at[a]), "households": int(households[a])},
    )


def _family_pairs(fam: pd.DataFrame, persons: pd.DataFrame) -> pd.DataFrame:
    """FAMILY_OF pairs whose two persons live at the same candidate address."""
    a = fam.merge(
        persons.rename(columns={"dst": "address", "src": "p1"}), left_on="src", right_on="p1"
    )
    b = a.merge(
        persons.rename(columns={"dst": "address", "src": "p2"}),
        left_on=["dst", "address"],
        right_on=["p2", "address"],
    )
    return b[["address", "p1", "p2"]]


def _count_groups(members: list[Any], links: list[tuple[Any, Any]]) -> int:
    """Number of connected groups among ``members`` given undirected ``links`` (union-find)."""
    parent = {m: m for m in members}

    def find(x: Any) -> Any:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    return len({find(m) for m in members})


@rule("shared_ad_contact")
def _shared_ad_contact(t: Tables, th: Mapping[str, float], ind: Indicator) -> list[IndicatorHit]:
    contact = t.facts("ADVERTISED_WITH", "Advertisement", ("Phone", "Email"))
    offered = t.facts("ADVERTISES", "Advertisement", "Person")
    j = contact.merge(offered, on="src", suffixes=("_c", "_p"))
    values = j.groupby("dst_c")["dst_p"].nunique()
    values = values[values >= th["min_persons"]]
    n_ads = j[j["dst_c"].isin(values.index)].groupby("dst_c")["src"].nunique().to_dict()
    long = _evidence(
        _part(j, "dst_c", "dst_p", "source_ref_c", "party_c"),
        _part(j, "dst_c", "dst_p", "source_ref_p", "party_p"),
    )
    return _hits(
        ind,
        long,
        values,
        "min_persons",
        th,
        details=lambda s: {"advertisements": int(n_ads[s])},
    )


@rule("account_pays_for_others")
def _account_pays_for_others(
    t: Tables, th: Mapping[str, float], ind: Indicator
) -> list[IndicatorHit]:
    import pandas as pd

    paid = t.facts("PAID_FOR", "BankAccount")
    cols = ["account", "person", "ref", "party", "ref2", "party2"]
    direct = paid[paid["dst_label"] == "Person"].assign(ref2=None, party2=None)
    direct = direct[["src", "dst", "source_ref", "party", "ref2", "party2"]].set_axis(cols, axis=1)
    ads = paid[paid["dst_label"] == "Advertisement"].merge(
        t.facts("ADVERTISES", "Advertisement", "Person"),
        left_on="dst",
        right_on="src",
        suffixes=("", "_l"),
    )
    ads = ads[["src", "dst_l", "source_ref", "party", "source_ref_l", "party_l"]].set_axis(
        cols, axis=1
    )
    homes = _paid_stays(
        paid[paid["dst_label"] == "Address"],
        t.facts(HOUSING, "Person", "Address"),
        int(ind.params.get("room_window_days", 7)),
    )
    homes = homes[["src", "src_l", "source_ref", "party", "source_ref_l", "party_l"]].set_axis(
        cols, axis=1
    )
    links = pd.concat([direct, ads, homes], ignore_index=True)
    holders = t.facts("HOLDS_ACCOUNT", "Person", "BankAccount")[["dst", "src"]]
    held = set(zip(holders["dst"], holders["src"], strict=True))
    if len(links):
        own = [(a, p) in held for a, p in zip(links["account"], links["person"], strict=True)]
        links = links[~pd.Series(own, index=links.index, dtype=bool)]
    values = links.groupby("account")["person"].nunique()
    values = values[values >= th["min_persons"]]
    long = _evidence(
        _part(links, "account", "person", "ref", "party"),
        _part(links, "account", "person", "ref2", "party2"),
    )
    return _hits(ind, long, values, "min_persons", th)


def _paid_stays(paid: pd.DataFrame, housing: pd.DataFrame, window: int) -> pd.DataFrame:
    """Payments for an address joined to the persons they concern.

    A dated payment concerns the dated stays at that address within ``window`` days of it (a
    room paid for on the 2nd, stayed in on the 3rd), not every guest a hotel ever had; an
    undated payment, or an undated residence (rent), concerns everyone housed there. Dated
    pairs are joined on (address, week) so a busy hotel does not multiply every payment by
    every stay.
    """
    import pandas as pd

    p_day = pd.to_datetime(paid["date"].astype(str).str[:10], errors="coerce")
    h_day = pd.to_datetime(housing["date"].astype(str).str[:10], errors="coerce")
    p = paid.assign(_day=p_day)
    h = housing.assign(_day=h_day)
    parts = []
    # undated housing (residents, registrations): every payment for that address
    parts.append(p.merge(h[h["_day"].isna()], on="dst", suffixes=("", "_l")))
    # undated payments: every dated stay there
    parts.append(p[p["_day"].isna()].merge(h[h["_day"].notna()], on="dst", suffixes=("", "_l")))
    # dated payment and dated stay within the window
    pd_, hd = p[p["_day"].notna()], h[h["_day"].notna()]
    if len(pd_) and len(hd):
        step = max(window, 1)
        p_bucket = (pd_["_day"] - pd.Timestamp("1970-01-01")).dt.days // step
        h_bucket = (hd["_day"] - pd.Timestamp("1970-01-01")).dt.days // step
        hd = hd.assign(_b=h_bucket)
        for shift in (-1, 0, 1):
            j = pd_.assign(_b=p_bucket + shift).merge(hd, on=["dst", "_b"], suffixes=("", "_l"))
            gap = (j["_day_l"] - j["_day"]).dt.days.abs()
            parts.append(j[gap.to_numpy() <= window].drop(columns="_b"))
    parts = [x for x in parts if len(x)]
    if not parts:  # keep the columns of a join
        return p.iloc[0:0].merge(h.iloc[0:0], on="dst", suffixes=("", "_l"))
    out = pd.concat(parts, ignore_index=True).drop_duplicates(["source_ref", "source_ref_l"])
    return out.drop(columns=[c for c in out.columns if c.startswith("_")])


@rule("employer_is_landlord")
def _employer_is_landlord(t: Tables, th: Mapping[str, float], ind: Indicator) -> list[IndicatorHit]:
    import pandas as pd

    cols = ["company", "address", "lref", "lparty", "dref", "dparty"]
    lets = t.facts("LANDLORD_OF", ("Company", "Person"), "Address")
    own = lets[lets["src_label"] == "Company"].assign(dref=None, dparty=None)
    own = own[["src", "dst", "source_ref", "party", "dref", "dparty"]].set_axis(cols, axis=1)
    directors = t.facts("DIRECTOR_OF", "Person", "Company")
    via = directors.merge(
        lets[lets["src_label"] == "Person"], left_on="src", right_on="src", suffixes=("_d", "_l")
    )
    via = via[["dst_d", "dst_l", "source_ref_l", "party_l", "source_ref_d", "party_d"]].set_axis(
        cols, axis=1
    )
    landlord = pd.concat([own, via], ignore_index=True)
    workers = t.facts("EMPLOYED_BY", "Person", "Company")[["src", "dst", "source_ref", "party"]]
    workers = workers.set_axis(["worker", "company", "eref", "eparty"], axis=1)
    homes = t.facts(HOUSING, "Person", "Address")[["src", "dst", "source_ref", "party"]]
    homes = homes.set_axis(["worker", "address", "href", "hparty"], axis=1)
    j = workers.merge(landlord, on="company").merge(homes, on=["worker", "address"])
    values = j.groupby("company")["worker"].nunique()
    values = values[values >= th["min_workers"]]
    long = _evidence(
        _part(j, "company", "worker", "eref", "eparty"),
        _part(j, "company", "address", "lref", "lparty"),
        _part(j, "company", "worker", "dref", "dparty"),
        _part(j, "company", "worker", "href", "hparty"),
    )
    return _hits(ind, long, values, "min_workers", th)


@rule("repeated_border_crossing")
def _repeated_border_crossing(
    t: Tables, th: Mapping[str, float], ind: Indicator
) -> list[IndicatorHit]:
    import pandas as pd

    cross = t.facts("CROSSED_BORDER", ("Vehicle", "Person"), "BorderPost")
    # one crossing = one (post, date); the same crossing reported twice counts once
    when = cross["date"].where(cross["date"].notna(), cross["source_ref"]).astype(str)
    cross = cross.assign(crossing=cross["dst"].astype(str) + "|" + when)
    n_cross = cross.groupby("src")["crossing"].nunique()
    n_cross = n_cross[n_cross >= th["min_crossings"]]
    if n_cross.empty:
        return []
    cols = ["subject", "related", "ref", "party"]
    passengers = t.facts("PASSENGER_IN", "Person", "Vehicle")
    in_vehicle = _part(passengers, "dst", "src", "source_ref", "party")
    tw = t.facts("TRAVELLED_WITH", "Person", "Person")
    with_person = pd.concat(
        [
            _part(tw, "src", "dst", "source_ref", "party"),
            _part(tw, "dst", "src", "source_ref", "party"),
        ],
        ignore_index=True,
    )
    drives = t.facts("DRIVES", "Person", "Vehicle")[["src", "dst", "source_ref", "party"]]
    carried = drives.merge(passengers, left_on="dst", right_on="dst", suffixes=("", "_p"))
    carried = pd.concat(
        [
            carried[["src", "src_p", "source_ref", "party"]].set_axis(cols, axis=1),
            carried[["src", "src_p", "source_ref_p", "party_p"]].set_axis(cols, axis=1),
        ],
        ignore_index=True,
    )
    companions = pd.concat([in_vehicle, with_person, carried], ignore_index=True)
    companions = companions[companions["subject"].isin(n_cross.index)]
    companions = companions[companions["subject"] != companions["related"]]
    n_pass = companions.groupby("subject")["related"].nunique()
    subjects = n_pass[n_pass >= th["min_passengers"]].index
    n_pass_of = n_pass.to_dict()
    values = n_cross[n_cross.index.isin(subjects)]
    crossing_part = cross.assign(related=None)
    long = _evidence(_part(crossing_part, "src", "related", "source_ref", "party"), companions)
    return _hits(
        ind,
        long,
        values,
        "min_crossings",
        th,
        details=lambda s: {"passengers": int(n_pass_of[s]), "min_passengers": th["min_passengers"]},
    )


@rule("short_stays_many_cities")
def _short_stays_many_cities(
    t: Tables, th: Mapping[str, float], ind: Indicator
) -> list[IndicatorHit]:
    import pandas as pd

    stays = t.facts("STAYED_AT", "Person", "Address")
    nights = pd.to_numeric(stays["nights"], errors="coerce")
    stays = stays[nights.isna() | (nights <= th["max_nights"])]
    city = t.node_attr(stays["dst"], "city")
    city = city.where(city.notna(), None).map(lambda c: str(c).strip().casefold() if c else None)
    stays = stays.assign(city=city).dropna(subset=["city"])
    stays = stays[stays["city"] != ""]
    values = stays.groupby("src")["city"].nunique()
    values = values[values >= th["min_cities"]]
    picked = stays[stays["src"].isin(values.index)]
    cities = {s: sorted(set(g)) for s, g in picked.groupby("src")["city"]}
    long = _evidence(_part(stays, "src", "dst", "source_ref", "party"))
    return _hits(
        ind,
        long,
        values,
        "min_cities",
        th,
        details=lambda s: {"cities": cities[s]},
    )


@rule("multi_agency")
def _multi_agency(t: Tables, th: Mapping[str, float], ind: Indicator) -> list[IndicatorHit]:
    import pandas as pd

    e = t.edges
    labels = list(ind.params.get("labels", []))
    out_side = e[e["src_label"].isin(labels)]
    in_side = e[e["dst_label"].isin(labels)]
    long = pd.concat(
        [
            _part(out_side, "src", "dst", "source_ref", "party"),
            _part(in_side, "dst", "src", "source_ref", "party"),
        ],
        ignore_index=True,
    )
    values = long.groupby("subject")["party"].nunique()
    values = values[values >= th["min_parties"]]
    return _hits(ind, long.assign(related=None), values, "min_parties", th)


@rule("victim_many_suspects")
def _victim_many_suspects(t: Tables, th: Mapping[str, float], ind: Indicator) -> list[IndicatorHit]:

    part_of = t.facts("PART_OF", "Signal", "Investigation")
    part_of = part_of.drop_duplicates("src").set_index("src")
    inv = t.facts("INVOLVED_IN", "Person", CASES)
    mapped = inv["dst"].map(part_of["dst"]).astype(object)
    inv = inv.assign(
        case=mapped.where(mapped.notna(), inv["dst"]),
        via_ref=inv["dst"].map(part_of["source_ref"]),
        via_party=inv["dst"].map(part_of["party"]),
        role=inv["role"].astype(str).str.lower(),
    )
    victims = inv[inv["role"] == "victim"]
    suspects = inv[inv["role"] == "suspect"]
    j = victims.merge(suspects, on="case", suffixes=("_v", "_s"))
    j = j[j["src_v"] != j["src_s"]]
    values = j.groupby("src_v")["src_s"].nunique()
    values = values[values >= th["min_suspects"]]
    picked = j[j["src_v"].isin(values.index)]
    cases = {s: sorted(map(str, set(g))) for s, g in picked.groupby("src_v")["case"]}
    long = _evidence(
        _part(j, "src_v", "src_s", "source_ref_v", "party_v"),
        _part(j, "src_v", "src_s", "source_ref_s", "party_s"),
        _part(j, "src_v", "src_s", "via_ref_v", "via_party_v"),
        _part(j, "src_v", "src_s", "via_ref_s", "via_party_s"),
    )
    return _hits(
        ind,
        long,
        values,
        "min_suspects",
        th,
        details=lambda s: {"cases": cases[s]},
    )


# --------------------------------------------------------------------------------------------
# Running the rules
# --------------------------------------------------------------------------------------------


def _resolved_thresholds(
    table: Mapping[str, Indicator], overrides: Mapping[str, Mapping[str, float]] | None
) -> dict[str, dict[str, float]]:
    result = {key: dict(ind.thresholds) for key, ind in table.items()}
    for key, values in (overrides or {}).items():
        if key not in table:
            raise UnknownIndicator(f"unknown indicator {key!r} (known: {', '.join(table)})")
        for name, value in values.items():
            if name not in table[key].thresholds:
                known = ", ".join(table[key].thresholds)
                raise InvalidThreshold(f"{key} has no threshold {name!r} (known: {known})")
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InvalidThreshold(f"{key}.{name} must be a number, not {value!r}")
            result[key][name] = value
    return result


def run_indicators(
    data: Any,
    *,
    only: Iterable[str] | None = None,
    thresholds: Mapping[str, Mapping[str, float]] | None = None,
) -> list[IndicatorHit]:
    """Run the indicator rules over a graph or its edge and node tables.

    Parameters
    ----------
    data : networkx.MultiDiGraph or (edges, nodes) pair of DataFrames
        The (filtered) projection or its tables (see :func:`emm.graph.analysis.to_frames`).
    only : iterable of str, optional
        Indicator ids to run; all when ``None``.
    thresholds : mapping, optional
        Overrides per indicator, e.g. ``{"address_many_unrelated": {"min_persons": 4}}``.

    Returns
    -------
    list of IndicatorHit
        In table order, then by descending value and subject.

    Raises
    ------
    UnknownIndicator
        If ``only`` or ``thresholds`` names an id not in the table.
    InvalidThreshold
        If an override names an unknown threshold or is not a number.
    InvalidFrames
        If ``data`` is not a graph or valid tables.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("ad1", label="Advertisement")
    >>> G.add_node("ph1", label="Phone")
    >>> _ = G.add_edge("ad1", "ph1", key="POL-1", type="ADVERTISED_WITH", party="POL")
    >>> for i in range(3):
    ...     G.add_node(f"p{i}", label="Person")
    ...     _ = G.add_edge("ad1", f"p{i}", key=f"POL-p{i}", type="ADVERTISES", party="POL")
    >>> [(h.indicator_id, h.subject, h.value, h.related)
    ...  for h in run_indicators(G, only=["shared_ad_contact"])]
    [('shared_ad_contact', 'ph1', 3.0, ('p0', 'p1', 'p2'))]
    """
    from emm.graph.analysis.frames import as_frames

    table = indicator_table()
    chosen = list(table) if only is None else [only] if isinstance(only, str) else list(only)
    unknown = [i for i in chosen if i not in table]
    if unknown:
        raise UnknownIndicator(
            f"unknown indicator(s) {', '.join(unknown)} (known: {', '.join(table)})"
        )
    th = _resolved_thresholds(table, thresholds)
    edges, nodes = as_frames(data)
    tables = Tables(edges, nodes)
    hits: list[IndicatorHit] = []
    for key in table:
        if key not in chosen:
            continue
        found = _RULES[key](tables, th[key], table[key])
        found.sort(key=lambda h: (-h.value, h.subject))
        hits.extend(found)
    return hits
