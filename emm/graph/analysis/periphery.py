"""Peripheral contacts: persons who hang on a community by a single fact.

Leiden puts a person wherever their few facts lead, so a community around a money-mule account
also holds every customer who once paid into it (each with their own account), and a family
holds every relative registered once. Such a person is a *contact* of the network, not a
member: nothing but one fact -- one payment from their own account, one family tie -- links
them and what is theirs alone (accounts, phones, e-mail addresses no other member uses) to the
rest. A person who uses what the network shares (lives at its address, uses its phone, rides
in its van) is not a contact, even by one fact. :func:`peripheral` finds them so that :func:`~emm.graph.analysis.detect_networks` leaves
them out; a person with any flag (involved in a case, an indicator hit, an observed meeting),
also on what is theirs (an indicator on their account), is never peripheral, whatever their
number of facts.

The settings are in ``detection.yaml`` (``periphery``).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["peripheral"]


def peripheral(
    ties: pd.DataFrame,
    community: pd.Series,
    persons: Collection[str],
    flags: Collection[str],
    *,
    own_types: Collection[str],
    max_ties: int = 1,
) -> set[str]:
    """Uids to leave out of their community: unflagged peripheral persons and what is theirs.

    Parameters
    ----------
    ties : DataFrame
        The facts and derived ties the communities were made of (``src``, ``dst``, ``type``),
        one row per fact.
    community : Series
        Community of each uid (index: uid).
    persons, flags : collections of str
        Person uids, and the flagged ones (never left out).
    own_types : collection of str
        Fact types from a person to an entity that make the entity theirs when no other person
        of the community has such a fact to it (``HOLDS_ACCOUNT``, ``USES_PHONE``...).
    max_ties : int, default 1
        A person whose own group has at most this many facts to the rest of the community is
        peripheral.

    Examples
    --------
    Two flagged members ``a`` and ``b`` (``b`` holds the account ``macc``); ``c`` paid into
    ``macc`` once from an account of their own, ``d`` is an associate of ``a``:

    >>> import pandas as pd
    >>> ties = pd.DataFrame({
    ...     "src": ["a", "b", "c", "cacc", "d"],
    ...     "dst": ["b", "macc", "cacc", "macc", "a"],
    ...     "type": ["FAMILY_OF", "HOLDS_ACCOUNT", "HOLDS_ACCOUNT", "PAYMENT", "ASSOCIATE_OF"]})
    >>> community = pd.Series(0, index=["a", "b", "c", "cacc", "macc", "d"])
    >>> sorted(peripheral(ties, community, {"a", "b", "c", "d"}, {"a", "b"},
    ...                   own_types={"HOLDS_ACCOUNT", "USES_PHONE"}))
    ['c', 'cacc', 'd']
    """
    import pandas as pd

    if ties.empty:
        return set()
    person_set, flag_set = set(persons), set(flags)
    src, dst = ties["src"].astype(str), ties["dst"].astype(str)
    c_src, c_dst = src.map(community), dst.map(community)
    inside = c_src.notna() & c_src.eq(c_dst)
    t = pd.DataFrame({"src": src[inside], "dst": dst[inside], "type": ties["type"][inside]})
    if t.empty:
        return set()
    # what is a person's own: an entity that exactly one person of the community has an
    # own-type fact to
    own = t[
        t["type"].isin(list(own_types)) & t["src"].isin(person_set) & ~t["dst"].isin(person_set)
    ]
    holders = own.drop_duplicates(["src", "dst"]).groupby("dst")["src"]
    single = holders.nunique()
    owner = holders.first()[single.eq(1)]
    group = {str(k): str(v) for k, v in owner.items()}
    g_src = t["src"].map(lambda u: group.get(u, u))
    g_dst = t["dst"].map(lambda u: group.get(u, u))
    between = g_src.ne(g_dst)
    ends = pd.concat([g_src[between], g_dst[between]], ignore_index=True)
    n_ties = ends.value_counts()
    # a person's own fact to an entity the network shares (its home, its phone, a vehicle) is
    # use of the network's means, not a contact: such a person stays
    s, d = t["src"][between], t["dst"][between]
    sharing = set(s[s.isin(person_set) & ~d.isin(person_set)]) | set(
        d[d.isin(person_set) & ~s.isin(person_set)]
    )
    # a flag on what is theirs (an indicator on their account) is a flag on them
    flagged = flag_set | {group.get(u, u) for u in flag_set}
    candidates = [
        p
        for p in set(g_src) | set(g_dst)
        if p in person_set
        and p not in flagged
        and p not in sharing
        and int(n_ties.get(p, 0)) <= max_ties
    ]
    if not candidates:
        return set()
    chosen = set(candidates)
    out = set(chosen)
    out.update(e for e, p in group.items() if p in chosen)
    return out
