"""Indicator rules about housing: overcrowding, employer as landlord, landlord linked to employer.

Registered under their ids in ``indicators.yaml`` (see :mod:`emm.graph.analysis.indicator_base`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from emm.graph.analysis.indicator_base import (
    HOUSING,
    RESIDENCE,
    Indicator,
    IndicatorHit,
    Tables,
    count_groups,
    evidence_frame,
    make_hits,
    part,
    rule,
    suppress,
)

if TYPE_CHECKING:
    import pandas as pd


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
        households[address] = count_groups(members, edges)
    values = pd.Series(households, dtype=float)
    values = values[values >= th["min_persons"]]
    persons_at = counts.to_dict()
    long = evidence_frame(part(res, "dst", "src", "source_ref", "party"))
    return make_hits(
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


def _workers_housed(t: Tables) -> pd.DataFrame:
    """(worker, company, address) for every worker housed at an address, with the refs."""
    workers = t.facts("EMPLOYED_BY", "Person", "Company")[["src", "dst", "source_ref", "party"]]
    workers = workers.set_axis(["worker", "company", "eref", "eparty"], axis=1)
    homes = t.facts(HOUSING, "Person", "Address")[["src", "dst", "source_ref", "party"]]
    homes = homes.set_axis(["worker", "address", "href", "hparty"], axis=1)
    return workers.merge(homes, on="worker")


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
    j = _workers_housed(t).merge(landlord, on=["company", "address"])
    values = j.groupby("company")["worker"].nunique()
    values = values[values >= th["min_workers"]]
    long = evidence_frame(
        part(j, "company", "worker", "eref", "eparty"),
        part(j, "company", "address", "lref", "lparty"),
        part(j, "company", "worker", "dref", "dparty"),
        part(j, "company", "worker", "href", "hparty"),
    )
    hits = make_hits(ind, long, values, "min_workers", th)
    pattern = ind.benign.get("regular_employer_housing")
    if not pattern or not hits:
        return hits
    housed = {c: g for c, g in j.groupby("company")}
    context = _HousingContext(t, {h.subject for h in hits})
    return [_regular_housing(context, h, housed[h.subject], pattern) for h in hits]


class _HousingContext:
    """What the benign check of employer housing reads, computed once for all hits."""

    def __init__(self, t: Tables, companies: set[str]) -> None:
        employed = t.facts("EMPLOYED_BY", "Person", "Company")
        self.employed = {c: g for c, g in employed[employed["dst"].isin(companies)].groupby("dst")}
        self.births = t.nodes["birth_date"] if "birth_date" in t.nodes.columns else None
        self.holders = t.holders()
        self.labels = t.labels
        accounts: dict[str, set[str]] = defaultdict(set)
        for a, hs in self.holders.items():
            for c in hs & companies:
                accounts[c].add(a)
        self.accounts = accounts
        pays = t.facts("PAYMENT", "BankAccount", "BankAccount")
        mine = set().union(*accounts.values()) if accounts else set()
        self.payees = {a: g["dst"].tolist() for a, g in pays[pays["src"].isin(mine)].groupby("src")}
        res = t.facts(HOUSING, "Person", "Address")
        self.occupancy = res.groupby("dst")["src"].nunique()
        inv = t.facts("INVOLVED_IN", "Person", ("Signal", "Investigation"))
        self.victims = set(inv.loc[inv["role"].astype(str).str.lower().eq("victim"), "src"])


def _regular_housing(
    ctx: _HousingContext, hit: IndicatorHit, housed: pd.DataFrame, pattern: Mapping[str, Any]
) -> IndicatorHit:
    """The known-benign pattern of an employer that houses its workers regularly: they are
    paid at least the minimum wage into their own accounts, nobody else receives their wages,
    the houses are not overcrowded and no worker is a victim in a case."""
    from emm.graph.analysis.wages import wage_share

    company = hit.subject
    workers = set(housed["worker"])
    addresses = set(housed["address"])
    employed = ctx.employed.get(company)
    staff = set(employed["src"]) if employed is not None else set()
    paid_own: set[str] = set()
    to_others = 0
    for account in ctx.accounts.get(company, ()):
        for payee in ctx.payees.get(account, ()):
            who = ctx.holders.get(payee, set())
            if who & staff:
                paid_own |= who & staff
            elif any(ctx.labels.get(h) == "Person" for h in who):
                to_others += 1
    fair: set[str] = set(paid_own & workers)
    if employed is not None:
        for worker, wage, since, reg in zip(
            employed["src"], employed["wage"], employed["since"], employed["registered_at"],
            strict=True,
        ):  # fmt: skip
            if worker not in workers:
                continue
            birth = ctx.births.get(worker) if ctx.births is not None else None
            day = since if isinstance(since, str) and since else reg
            share = wage_share(wage, day, birth)
            if share is not None and share >= float(pattern["min_wage_share"]):
                fair.add(worker)
            elif share is not None:
                fair.discard(worker)  # a stated wage below the minimum outweighs a payment
    crowd = ctx.occupancy.reindex(sorted(addresses)).dropna()
    crowded = int(crowd.max()) if len(crowd) else 0
    share_fair = len(fair) / len(workers) if workers else 0.0
    ok = (
        share_fair >= float(pattern["min_share_workers"])
        and to_others == 0
        and crowded <= int(pattern["max_per_address"])
        and not (workers & ctx.victims)
    )
    if not ok:
        return hit
    why = [
        f"{len(fair)} of {len(workers)} housed workers paid at least the minimum wage "
        "or into their own account",
        "no wage payments to others' accounts",
        f"at most {crowded} persons per address",
        "no worker involved as a victim",
    ]
    return suppress(hit, "regular_employer_housing", why)


@rule("landlord_employer_linked")
def _landlord_employer_linked(
    t: Tables, th: Mapping[str, float], ind: Indicator
) -> list[IndicatorHit]:
    """Workers housed by a landlord who is family of the employer's director, or who shares
    a director with the employer (or whose director is family of it)."""
    import pandas as pd

    directors: dict[str, set[str]] = defaultdict(set)  # company -> directors
    dir_ref: dict[tuple[str, str], tuple[str, str]] = {}
    for p, c, ref, party in _rows(t.facts("DIRECTOR_OF", "Person", "Company")):
        directors[c].add(p)
        dir_ref[(p, c)] = (ref, party)
    family: dict[str, set[str]] = defaultdict(set)
    fam_ref: dict[frozenset[str], tuple[str, str]] = {}
    for a, b, ref, party in _rows(t.facts("FAMILY_OF", "Person", "Person")):
        family[a].add(b)
        family[b].add(a)
        fam_ref[frozenset((a, b))] = (ref, party)
    members: dict[str, set[str]] = defaultdict(set)  # company -> persons MEMBER_OF it
    mem_ref: dict[tuple[str, str], tuple[str, str]] = {}
    for p, c, ref, party in _rows(t.facts("MEMBER_OF", "Person", "Company")):
        members[c].add(p)
        mem_ref[(p, c)] = (ref, party)

    def links(landlord: str, company: str) -> list[tuple[str, str, str]]:
        """(kind, ref, party) of the facts that link ``landlord`` to ``company``."""
        found: list[tuple[str, str, str]] = []
        heads = directors.get(company, set())
        if t.labels.get(landlord) == "Person":
            if landlord in heads:
                return []  # the director himself: employer_is_landlord
            for d in heads & family.get(landlord, set()):
                found.append(("family of director", *fam_ref[frozenset((landlord, d))]))
                found.append(("director", *dir_ref[(d, company)]))
            if landlord in members.get(company, set()):
                found.append(("member of the employer", *mem_ref[(landlord, company)]))
        elif t.labels.get(landlord) == "Company" and landlord != company:
            for d2 in directors.get(landlord, set()):
                if d2 in heads:
                    found.append(("same director", *dir_ref[(d2, landlord)]))
                    found.append(("director", *dir_ref[(d2, company)]))
                for d in heads & family.get(d2, set()):
                    found.append(("directors are family", *fam_ref[frozenset((d2, d))]))
                    found.append(("director", *dir_ref[(d2, landlord)]))
        return found

    lets = t.facts("LANDLORD_OF", ("Company", "Person"), "Address")
    let_by = lets[["src", "dst", "source_ref", "party"]].set_axis(
        ["landlord", "address", "lref", "lparty"], axis=1
    )
    j = _workers_housed(t).merge(let_by, on="address")
    j = j[j["landlord"] != j["company"]]
    rows: list[dict[str, Any]] = []
    cache: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for rec in j.to_dict("records"):
        key = (str(rec["landlord"]), str(rec["company"]))
        if key not in cache:
            cache[key] = links(*key)
        if cache[key]:
            rows.append({**{str(k): v for k, v in rec.items()}, "links": cache[key]})
    if not rows:
        return []
    hits = pd.DataFrame(rows)
    values = hits.groupby("company")["worker"].nunique()
    values = values[values >= th["min_workers"]]
    link_rows = [
        {"subject": r["company"], "related": r["landlord"], "ref": ref, "party": party}
        for r in rows
        for _, ref, party in r["links"]
    ]
    long = evidence_frame(
        part(hits, "company", "worker", "eref", "eparty"),
        part(hits, "company", "worker", "href", "hparty"),
        part(hits, "company", "landlord", "lref", "lparty"),
        pd.DataFrame(link_rows, columns=["subject", "related", "ref", "party"]),
    )
    kinds: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        kinds[r["company"]].update(k for k, _, _ in r["links"])
    landlords = hits.groupby("company")["landlord"].agg(lambda s: sorted(set(map(str, s))))
    return make_hits(
        ind,
        long,
        values,
        "min_workers",
        th,
        details=lambda c: {"links": sorted(kinds[c]), "landlords": landlords[c]},
    )


def _rows(df: pd.DataFrame) -> Any:
    return zip(df["src"], df["dst"], df["source_ref"], df["party"], strict=True)
