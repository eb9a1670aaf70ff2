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
    found: dict[str, dict[str, Any]] = {}
    chosen = set(candidates)
    ins = {a: g for a, g in pays[pays["dst"].isin(chosen)].groupby("dst")}
    outs = {a: g for a, g in pays[pays["src"].isin(chosen) & pays["_day"].notna()].groupby("src")}
    for account in candidates:
        inflow, outflow = ins.get(account), outs.get(account)
        if inflow is None or outflow is None:
            continue
        total = float(inflow["_amount"].fillna(0).sum())
        if total <= 0:
            continue
        in_days = inflow["_day"].dropna().sort_values().to_numpy()
        forwarded = 0.0
        for day, amount in zip(outflow["_day"], outflow["_amount"].fillna(0), strict=True):
            earlier = in_days[in_days <= day.to_datetime64()]
            if len(earlier) and day - pd.Timestamp(earlier[-1]) <= window:
                forwarded += float(amount)
        share = min(1.0, forwarded / total)
        if share >= th["min_share"]:
            found[account] = {
                "share_forwarded": round(share, 2),
                "received": round(total, 2),
                "forwarded_to": sorted(set(map(str, outflow["dst"]))),
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
    if "family_pool" not in ind.benign:
        return hits
    return [_family_pool(t, h, pays) for h in hits]


def _family_pool(t: Tables, hit: IndicatorHit, pays: Any) -> IndicatorHit:
    """Known-benign: every payer is held by a family member of the account's holder (a family
    pooling money for rent or a trip)."""
    holders = t.holders()
    owner = holders.get(hit.subject, set())
    fam = t.facts("FAMILY_OF", "Person", "Person")
    relatives: set[str] = set()
    for a, b in zip(fam["src"], fam["dst"], strict=True):
        if a in owner:
            relatives.add(b)
        if b in owner:
            relatives.add(a)
    payers = set(pays.loc[pays["dst"] == hit.subject, "src"])
    if payers and relatives and all(holders.get(p, set()) & relatives for p in payers):
        return suppress(hit, "family_pool", [f"all {len(payers)} payers are family of the holder"])
    return hit


def _employer_accounts(t: Tables) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(account -> employers holding it, employer -> its employees)."""
    employees: dict[str, set[str]] = defaultdict(set)
    employed = t.facts("EMPLOYED_BY", "Person", "Company")
    for p, c in zip(employed["src"], employed["dst"], strict=True):
        employees[c].add(p)
    accounts = {
        a: {h for h in hs if h in employees} for a, hs in t.holders().items() if hs & set(employees)
    }
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
    keep = []
    for payer, payee in zip(pays["src"], pays["dst"], strict=True):
        who = holders.get(payee, set())
        staff = set().union(*(employees[c] for c in employer_accounts[payer]))
        keep.append(
            bool(who) and not (who & staff) and all(t.labels.get(h) == "Person" for h in who)
        )
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
