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

from collections.abc import Collection, Mapping
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
    group_max_ties: int = 0,
    rounds: int = 1,
    case_partners: Mapping[str, Collection[str]] | None = None,
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
    group_max_ties : int, default 0
        A *cluster* of unflagged persons (a household, a family: persons linked to each other,
        with what only they use) that has at most this many facts to the flagged persons of
        the community and to what those use, and uses nothing of theirs, is peripheral as a
        whole. 0: no cluster rule.
    rounds : int, default 1
        Apply the rule this many times, each time without the contacts found before: a
        relative registered only with a contact leaves with them.
    case_partners : mapping, optional
        For flagged persons whose only flag is a case shared with others of the community:
        those others. Such a person does not flag a cluster when all of them are in it (a
        household's own report about itself says nothing about the network it hangs on).

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
    # what is a person's own: an entity that exactly one person of the community has a fact
    # to, an own-type fact (their account, their phone, the flat they live in alone)
    p_src, p_dst = t["src"].isin(person_set), t["dst"].isin(person_set)
    touch = pd.concat(
        [
            pd.DataFrame({"who": t["src"][p_src & ~p_dst], "what": t["dst"][p_src & ~p_dst],
                          "type": t["type"][p_src & ~p_dst]}),
            pd.DataFrame({"who": t["dst"][p_dst & ~p_src], "what": t["src"][p_dst & ~p_src],
                          "type": t["type"][p_dst & ~p_src]}),
        ],
        ignore_index=True,
    )  # fmt: skip
    by_what = touch.drop_duplicates(["who", "what"]).groupby("what")["who"]
    sole = by_what.first()[by_what.nunique().eq(1)]
    owned = set(touch.loc[touch["type"].isin(list(own_types)), "what"])
    group = {str(k): str(v) for k, v in sole.items() if k in owned}
    g_src = t["src"].map(lambda u: group.get(u, u))
    g_dst = t["dst"].map(lambda u: group.get(u, u))
    between = g_src.ne(g_dst)
    # a person's own fact to an entity the network shares (its home, its phone, a vehicle) is
    # use of the network's means, not a contact: such a person stays
    s, d = t["src"][between], t["dst"][between]
    sharing = set(s[s.isin(person_set) & ~d.isin(person_set)]) | set(
        d[d.isin(person_set) & ~s.isin(person_set)]
    )
    # a flag on what is theirs (an indicator on their account) is a flag on them
    flagged = flag_set | {group.get(u, u) for u in flag_set}
    chosen: set[str] = set()
    # peel: a relative who hangs only on a contact leaves with them (rounds of the rule)
    for _ in range(max(1, rounds)):
        live = between & ~g_src.isin(chosen) & ~g_dst.isin(chosen)
        n_ties = pd.concat([g_src[live], g_dst[live]], ignore_index=True).value_counts()
        found = {
            p
            for p in set(g_src[live]) | set(g_dst[live])
            if p in person_set
            and p not in flagged
            and p not in sharing
            and int(n_ties.get(p, 0)) <= max_ties
        }
        if found <= chosen:
            break
        chosen |= found
    if group_max_ties > 0:
        chosen |= _clusters(t, community, person_set, flagged, group_max_ties, case_partners or {})
    if not chosen:
        return set()
    out = set(chosen)
    out.update(e for e, p in group.items() if p in chosen)
    return out


def _clusters(
    t: pd.DataFrame,
    community: pd.Series,
    persons: set[str],
    flagged: set[str],
    max_cut: int,
    case_partners: Mapping[str, Collection[str]],
) -> set[str]:
    """Unflagged clusters hanging on the flagged part of their community by few facts.

    The *core* of a community is its flagged persons and every entity one of them has a fact
    to (their address, phone, account, van). The rest falls apart in clusters (connected by
    facts that do not touch the core). A cluster with a person, no flagged member, no fact
    from one of its persons to a core entity (use of the network's means) and at most
    ``max_cut`` facts to the core is a household or family of contacts, not part of the
    network: all its entities are left out. Persons whose only flag is a case with others of
    the community are not core; they flag their cluster unless all those others are in it.
    """
    src, dst = t["src"].tolist(), t["dst"].tolist()
    core = {u for u in flagged if u in persons and u not in case_partners}
    n_in: dict[object, int] = {}
    for u in persons & (set(src) | set(dst)):
        n_in[community[u]] = n_in.get(community[u], 0) + 1
    if not core:
        return set()
    for a, b in zip(src, dst, strict=True):
        if a in core and b not in persons:
            core.add(b)
        elif b in core and a not in persons:
            core.add(a)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in zip(src, dst, strict=True):
        if a not in core and b not in core:
            parent[find(a)] = find(b)
    cut: dict[str, int] = {}
    uses_core: set[str] = set()
    for a, b in zip(src, dst, strict=True):
        if (a in core) == (b in core):
            continue
        inner, outer = (b, a) if a in core else (a, b)
        r = find(inner)
        cut[r] = cut.get(r, 0) + 1
        if inner in persons and outer not in persons:
            uses_core.add(r)
    members: dict[str, list[str]] = {}
    for x in list(parent):
        members.setdefault(find(x), []).append(x)
    out: set[str] = set()
    for r, group in members.items():
        if r in uses_core or cut.get(r, 0) > max_cut:
            continue
        n_persons = sum(x in persons for x in group)
        if not n_persons:
            continue
        inside = set(group)
        if 2 * n_persons >= n_in.get(community[r], 0) and any(x in case_partners for x in group):
            continue  # the network itself, not a household hanging on it
        if any(
            x in flagged and not (x in case_partners and set(case_partners[x]) <= inside)
            for x in group
        ):
            continue
        out.update(group)
    return out
