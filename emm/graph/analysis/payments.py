"""Payments joined to what they pay for: rooms and stays, wages, inflow and outflow of accounts.

Shared by the hub rules (a stay paid by a third party is evidence that the address is not a
neutral hotel for that guest), the network detection (the payer is tied to the guest) and the
indicators (an account paying for others, money mules, wages to third-party accounts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["HOUSING", "paid_occupants", "paid_stays"]

HOUSING = ("LIVES_AT", "REGISTERED_AT", "STAYED_AT")


def paid_stays(paid: pd.DataFrame, housing: pd.DataFrame, window: int) -> pd.DataFrame:
    """Payments for an address (``PAID_FOR`` rows) joined to the occupancy facts they concern.

    A dated payment concerns the dated stays at that address within ``window`` days of it (a
    room paid for on the 2nd, stayed in on the 3rd), not every guest a hotel ever had; an
    undated payment, or an undated residence (rent), concerns everyone housed there. Dated
    pairs are joined on (address, window bucket) so a busy hotel does not multiply every payment
    by every stay. Columns of ``housing`` get the suffix ``_l``.
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


def paid_occupants(
    edges: pd.DataFrame, labels: pd.Series, *, window: int = 7, addresses: set[str] | None = None
) -> pd.DataFrame:
    """Who paid for whose stay or housing: one row per (account, address, occupant).

    Columns ``account``, ``address``, ``person``, ``ref_paid``, ``ref_stay`` (the two facts),
    ``party_paid``, ``party_stay``. ``addresses`` restricts the addresses looked at.

    Examples
    --------
    >>> import pandas as pd
    >>> labels = pd.Series({"acc": "BankAccount", "h": "Address", "v": "Person"})
    >>> e = pd.DataFrame({"src": ["acc", "v"], "dst": ["h", "h"],
    ...                   "type": ["PAID_FOR", "STAYED_AT"], "date": ["2026-01-02", "2026-01-03"],
    ...                   "source_ref": ["r1", "r2"], "party": ["POL", "POL"]})
    >>> paid_occupants(e, labels)[["account", "address", "person"]].values.tolist()
    [['acc', 'h', 'v']]
    """
    import pandas as pd

    cols = ["account", "address", "person", "ref_paid", "ref_stay", "party_paid", "party_stay"]
    e = edges if "date" in edges.columns else edges.assign(date=None)
    paid = e[(e["type"] == "PAID_FOR") & e["dst"].map(labels).eq("Address")]
    if addresses is not None:
        paid = paid[paid["dst"].isin(addresses)]
    if paid.empty:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    housing = e[e["type"].isin(HOUSING) & e["dst"].isin(set(paid["dst"]))]
    housing = housing[housing["src"].map(labels).eq("Person")]
    j = paid_stays(paid, housing, window)
    if j.empty:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    out = pd.DataFrame(
        {
            "account": j["src"].to_numpy(),
            "address": j["dst"].to_numpy(),
            "person": j["src_l"].to_numpy(),
            "ref_paid": j["source_ref"].to_numpy(),
            "ref_stay": j["source_ref_l"].to_numpy(),
            "party_paid": j["party"].to_numpy(),
            "party_stay": j["party_l"].to_numpy(),
        }
    )
    return out.drop_duplicates(["account", "address", "person", "ref_paid"]).reset_index(drop=True)
