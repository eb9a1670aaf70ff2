"""Telecom analysis: call records between phones, read as contact between the persons.

Parties deliver call records as ``CALLED`` facts between two phone numbers (a tap, historic
traffic data), with the day or first day of the period, the number of calls and their total
duration. :func:`call_ties` turns them into person-to-person contacts through ``USES_PHONE``:
who is in contact with whom, how often, how long, from when to when, on which numbers, the
basis of i2-style telecom analysis and of the organiser feature ``calls``. A number nobody is
known to use stays a number (the organiser abroad is often only that).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["call_ties"]


def call_ties(data: Any, *, persons_only: bool = False) -> pd.DataFrame:
    """Contacts between persons (or numbers) from ``CALLED`` facts.

    Parameters
    ----------
    data : networkx.MultiDiGraph or (edges, nodes) pair of DataFrames
    persons_only : bool, default False
        Leave out contacts where a side is a number nobody is known to use.

    Returns
    -------
    pandas.DataFrame
        One row per unordered pair ``a < b`` (person uids, or the phone uid when nobody uses
        it): ``calls`` (sum of ``count``, 1 per fact without one), ``seconds`` (sum of
        ``duration``), ``first``, ``last`` (dates), ``phones`` (the numbers involved, sorted),
        ``evidence`` (source_refs), most calls first.

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"src": ["a", "b", "P1", "P1"], "dst": ["P1", "P2", "P2", "P2"],
    ...     "type": ["USES_PHONE", "USES_PHONE", "CALLED", "CALLED"], "party": "POL",
    ...     "legal_basis": "WPG-9", "registered_at": "2026-01-01", "source_ref": list("wxyz"),
    ...     "count": [None, None, 12, 3], "duration": [None, None, 600, 60],
    ...     "date": [None, None, "2026-01-02", "2026-02-01"]})
    >>> n = pd.DataFrame({"uid": ["a", "b", "P1", "P2"], "label": ["Person"] * 2 + ["Phone"] * 2})
    >>> call_ties((e, n))[["a", "b", "calls", "seconds", "first", "last"]].values.tolist()
    [['a', 'b', 15, 660, '2026-01-02', '2026-02-01']]
    """
    import pandas as pd

    from emm.graph.analysis.frames import as_frames

    edges, nodes = as_frames(data)
    cols = ["a", "b", "calls", "seconds", "first", "last", "phones", "evidence"]
    calls = edges[edges["type"] == "CALLED"]
    if calls.empty:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    label = pd.Series(nodes["label"].to_numpy(), index=nodes["uid"].to_numpy())
    uses = edges[(edges["type"] == "USES_PHONE") & edges["src"].map(label).eq("Person")]
    users = uses.groupby("dst")["src"].agg(lambda s: sorted(set(map(str, s))))
    count = pd.to_numeric(calls["count"], errors="coerce") if "count" in calls else None
    seconds = pd.to_numeric(calls["duration"], errors="coerce") if "duration" in calls else None
    day = calls["date"] if "date" in calls else calls["registered_at"]
    rows: list[dict[str, Any]] = []
    for i, (x, y) in enumerate(zip(calls["src"], calls["dst"], strict=True)):
        for p in users.get(x, [str(x)]):
            for q in users.get(y, [str(y)]):
                if p == q:
                    continue
                a, b = sorted((p, q))
                rows.append(
                    {
                        "a": a,
                        "b": b,
                        "calls": 1
                        if count is None or pd.isna(count.iloc[i])
                        else int(count.iloc[i]),
                        "seconds": 0
                        if seconds is None or pd.isna(seconds.iloc[i])
                        else int(seconds.iloc[i]),
                        "day": None if pd.isna(day.iloc[i]) else str(day.iloc[i])[:10],
                        "phones": (str(x), str(y)),
                        "ref": str(calls["source_ref"].iloc[i]),
                    }
                )
    if not rows:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    t = pd.DataFrame(rows)
    if persons_only:
        t = t[t["a"].map(label).eq("Person") & t["b"].map(label).eq("Person")]
    out = t.groupby(["a", "b"]).agg(
        calls=("calls", "sum"),
        seconds=("seconds", "sum"),
        first=("day", "min"),
        last=("day", "max"),
        phones=("phones", lambda s: sorted({p for pair in s for p in pair})),
        evidence=("ref", lambda s: sorted(set(s))),
    )
    out = out.reset_index().sort_values(["calls", "a", "b"], ascending=[False, True, True])
    return out.reset_index(drop=True)[cols]
