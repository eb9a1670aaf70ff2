"""Indicator rules about money: paying for others, money mules, wages to others, low wages.

Registered under their ids in ``indicators.yaml`` (see :mod:`emm.graph.analysis.indicator_base`).
Payments are read from the columns the store exports (``amount``, ``date``); a payment's
free-text description is not exported, so a wage payment is recognised by who pays (an
account held by an employer) rather than by its text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from emm.graph.analysis.indicator_base import (
    HOUSING,
    Indicator,
    IndicatorHit,
    Tables,
    evidence_frame,
    make_hits,
    part,
    rule,
    suppress,
)
from emm.graph.analysis.payments import paid_stays


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
    homes = paid_stays(
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
    long = evidence_frame(
        part(links, "account", "person", "ref", "party"),
        part(links, "account", "person", "ref2", "party2"),
    )
    return make_hits(ind, long, values, "min_persons", th)


def _payments(t: Tables) -> Any:
    import pandas as pd

    pays = t.facts("PAYMENT", "BankAccount", "BankAccount")
    return pays.assign(
        _amount=pd.to_numeric(pays["amount"], errors="coerce"),
        _day=pd.to_datetime(pays["date"].astype(str).str[:10], errors="coerce"),
    )


@rule("money_mule")
def _money_mule(t: Tables, th: Mapping[str, float], ind: Indicator) -> list[IndicatorHit]:
    """Many payers in, most of it out again within days."""
    import pandas as pd

    pays = _payments(t)
    holders = t.holders()
    same = [
        bool(holders.get(a, set()) & holders.get(b, set()))
        for a, b in zip(pays["src"], pays["dst"], strict=True)
    ]
    pays = pays[~pd.Series(same, index=pays.index, dtype=bool)]  # own transfers are not inflow
    payers = pays.groupby("dst")["src"].nunique()
    candidates = payers[payers >= th["min_payers"]].index
    if candidates.empty:
        return []
    window = pd.Timedelta(days=float(th["max_days"]))
    chosen = set(candidates)
    inflow = pays[pays["dst"].isin(chosen)]
    outflow = pays[pays["src"].isin(chosen) & pays["_day"].notna()]
    received = inflow.groupby("dst")["_amount"].sum(min_count=1).fillna(0.0)
    # each outgoing payment against the latest incoming payment before it (as of), per account
    left = outflow[["src", "_day", "_amount", "dst"]].rename(columns={"src": "account"})
    right = inflow.loc[inflow["_day"].notna(), ["dst", "_day"]].rename(
        columns={"dst": "account", "_day": "_in"}
    )
    left = left.sort_values("_day", kind="stable")
    right = right.sort_values("_in", kind="stable")
    matched = pd.merge_asof(
        left, right, left_on="_day", right_on="_in", by="account", direction="backward"
    )
    quick = matched[matched["_in"].notna() & ((matched["_day"] - matched["_in"]) <= window)]
    forwarded = quick.groupby("account")["_amount"].sum(min_count=1).fillna(0.0)
    share = (forwarded / received.reindex(forwarded.index)).clip(upper=1.0)
    share = share[received.reindex(share.index) > 0]
    keep = share[share >= th["min_share"]]
    dests = (
        outflow[outflow["src"].isin(keep.index)]
        .groupby("src")["dst"]
        .agg(lambda s: sorted(set(map(str, s))))
    )
    found: dict[str, dict[str, Any]] = {
        str(a): {
            "share_forwarded": round(float(keep[a]), 2),
            "received": round(float(received[a]), 2),
            "forwarded_to": dests.get(a, []),
        }
        for a in keep.index
    }
    if not found:
        return []
    values = payers[payers.index.isin(list(found))]
    inflow = pays[pays["dst"].isin(list(found))]
    outflow = pays[pays["src"].isin(list(found))]
    holds = t.facts("HOLDS_ACCOUNT", ("Person", "Company"), "BankAccount")
    holds = holds[holds["dst"].isin(list(found))]
    long = evidence_frame(
        part(inflow, "dst", "src", "source_ref", "party"),
        part(outflow, "src", "dst", "source_ref", "party"),
        part(holds, "dst", "src", "source_ref", "party"),
    )
    hits = make_hits(
        ind,
        long,
        values,
        "min_payers",
        th,
        details=lambda a: {**found[a], "min_share": th["min_share"], "max_days": th["max_days"]},
    )
    if "family_pool" not in ind.benign or not hits:
        return hits
    fam = t.facts("FAMILY_OF", "Person", "Person")
    relatives: dict[str, set[str]] = defaultdict(set)
    for a, b in zip(fam["src"], fam["dst"], strict=True):
        relatives[a].add(b)
        relatives[b].add(a)
    payers_of = inflow.groupby("dst")["src"].agg(set).to_dict()
    return [_family_pool(h, holders, relatives, payers_of.get(h.subject, set())) for h in hits]


def _family_pool(
    hit: IndicatorHit,
    holders: dict[str, set[str]],
    relatives: dict[str, set[str]],
    payers: set[str],
) -> IndicatorHit:
    """Known-benign: every payer is held by a family member of the account's holder (a family
    pooling money for rent or a trip)."""
    family = set().union(*(relatives.get(o, set()) for o in holders.get(hit.subject, set())))
    if payers and family and all(holders.get(p, set()) & family for p in payers):
        return suppress(hit, "family_pool", [f"all {len(payers)} payers are family of the holder"])
    return hit


def _employer_accounts(t: Tables) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(account -> employers holding it, employer -> its employees)."""
    employees: dict[str, set[str]] = defaultdict(set)
    employed = t.facts("EMPLOYED_BY", "Person", "Company")
    for p, c in zip(employed["src"], employed["dst"], strict=True):
        employees[c].add(p)
    employers = set(employees)
    accounts = {a: hs & employers for a, hs in t.holders().items() if hs & employers}
    return accounts, employees


@rule("wages_to_third_party")
def _wages_to_third_party(t: Tables, th: Mapping[str, float], ind: Indicator) -> list[IndicatorHit]:
    """An employer's account pays, again and again, into a person's account who does not work
    for the employer: the wages of the workers go to someone else."""
    import pandas as pd

    employer_accounts, employees = _employer_accounts(t)
    if not employer_accounts:
        return []
    pays = _payments(t)
    pays = pays[pays["src"].isin(list(employer_accounts))]
    holders = t.holders()
    staff_of = {
        a: set().union(*(employees[c] for c in companies))
        for a, companies in employer_accounts.items()
    }
    persons_only = {
        a for a, who in holders.items() if who and all(t.labels.get(h) == "Person" for h in who)
    }
    keep = []
    for payer, payee in zip(pays["src"], pays["dst"], strict=True):
        keep.append(payee in persons_only and not (holders[payee] & staff_of[payer]))
    pays = pays[pd.Series(keep, index=pays.index, dtype=bool)]
    if pays.empty:
        return []
    window = int(th["window_days"])
    peak: dict[str, int] = {}
    for account, group in pays.groupby("dst"):
        days = group["_day"]
        undated = int(days.isna().sum())
        dated = days.dropna().sort_values().to_numpy()
        best = 0
        lo = 0
        for hi in range(len(dated)):
            while dated[hi] - dated[lo] > pd.Timedelta(days=window).to_timedelta64():
                lo += 1
            best = max(best, hi - lo + 1)
        peak[str(account)] = best + undated
    values = pd.Series(peak, dtype=float)
    values = values[values >= th["min_payments"]]
    if values.empty:
        return []
    chosen = pays[pays["dst"].isin(values.index)]
    holds = t.facts("HOLDS_ACCOUNT", "Person", "BankAccount")
    holds = holds[holds["dst"].isin(values.index)]
    employers = chosen.groupby("dst")["src"].agg(
        lambda s: sorted({str(c) for a in s for c in employer_accounts[a]})
    )
    totals = chosen.groupby("dst")["source_ref"].nunique()
    long = evidence_frame(
        part(chosen, "dst", "src", "source_ref", "party"),
        part(holds, "dst", "src", "source_ref", "party"),
        part(chosen.assign(_c=chosen["src"].map(lambda a: sorted(employer_accounts[a])[0])),
             "dst", "_c", "source_ref", "party"),
    )  # fmt: skip
    return make_hits(
        ind,
        long,
        values,
        "min_payments",
        th,
        details=lambda a: {
            "employers": employers[a],
            "payments": int(totals[a]),
            "window_days": window,
        },
    )


@rule("wage_below_minimum")
def _wage_below_minimum(t: Tables, th: Mapping[str, float], ind: Indicator) -> list[IndicatorHit]:
    """Workers of a company whose stated wage is far below the statutory minimum wage."""
    import pandas as pd

    from emm.graph.analysis.wages import wage_share

    employed = t.facts("EMPLOYED_BY", "Person", "Company")
    employed = employed[employed["wage"].notna()]
    if employed.empty:
        return []
    births = t.node_attr(employed["src"], "birth_date")
    day = employed["since"].where(employed["since"].notna(), employed["registered_at"])
    shares = [wage_share(w, d, b) for w, d, b in zip(employed["wage"], day, births, strict=True)]
    employed = employed.assign(_share=pd.Series(shares, index=employed.index, dtype=float))
    low = employed[employed["_share"] < th["max_share"]]
    if low.empty:
        return []
    values = low.groupby("dst")["src"].nunique().astype(float)
    values = values[values >= th["min_workers"]]
    lowest = low.groupby("dst")["_share"].min()
    long = evidence_frame(part(low, "dst", "src", "source_ref", "party"))
    return make_hits(
        ind,
        long,
        values,
        "min_workers",
        th,
        details=lambda c: {"lowest_share_of_minimum": round(float(lowest[c]), 2),
                           "max_share": th["max_share"]},
    )  # fmt: skip
