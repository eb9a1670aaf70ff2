"""Indicator rules about persons: advertisements, working names, minors, stays, cases, parties.

Registered under their ids in ``indicators.yaml`` (see :mod:`emm.graph.analysis.indicator_base`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from emm.graph.analysis.indicator_base import (
    CASES,
    Indicator,
    IndicatorHit,
    Tables,
    evidence_frame,
    make_hits,
    part,
    rule,
    suppress,
)

if TYPE_CHECKING:
    import pandas as pd

_IDENTITY_FIELDS = ("birth_date", "bsn", "v_number")


def personas(t: Tables) -> pd.Series:
    """Per advertised person: a persona id. Persons known only by a name (no date of birth,
    BSN, V-number or identity document: a working name) share one persona per folded name and
    advertisement contact; everyone else is their own persona.

    A sex worker known only as "Bella" becomes a new person record in every delivery; counted
    per record, the phone in her advertisements would be "one phone for several persons".
    """
    import pandas as pd

    from emm.graph.analysis.names import fold

    offered = t.facts("ADVERTISES", "Advertisement", "Person")
    persons = pd.Index(offered["dst"].unique())
    out = pd.Series(persons.astype(str), index=persons, dtype=object)
    if persons.empty:
        return out
    anonymous = pd.Series(True, index=persons)
    for f in _IDENTITY_FIELDS:
        if f in t.nodes.columns:
            value = persons.to_series().map(t.nodes[f])
            anonymous &= value.isna() | value.astype(str).eq("")
    documented = set(t.facts("HAS_DOCUMENT", "Person")["src"])
    anonymous &= ~persons.isin(list(documented))
    names = persons.to_series().map(t.nodes["name"]) if "name" in t.nodes.columns else None
    if names is None:
        return out
    contact = t.facts("ADVERTISED_WITH", "Advertisement", ("Phone", "Email"))
    via = offered.merge(contact, on="src", suffixes=("", "_c"))[["dst", "dst_c"]]
    first_contact = via.sort_values("dst_c").drop_duplicates("dst").set_index("dst")["dst_c"]
    for p in persons[anonymous.to_numpy()]:
        name = names.get(p)
        if isinstance(name, str) and name.strip():
            out[p] = f"wn:{fold(name)}|{first_contact.get(p, '')}"
    return out


@rule("shared_ad_contact")
def _shared_ad_contact(t: Tables, th: Mapping[str, float], ind: Indicator) -> list[IndicatorHit]:
    contact = t.facts("ADVERTISED_WITH", "Advertisement", ("Phone", "Email"))
    offered = t.facts("ADVERTISES", "Advertisement", "Person")
    j = contact.merge(offered, on="src", suffixes=("_c", "_p"))
    persona = personas(t)
    j = j.assign(_persona=j["dst_p"].map(persona))
    values = j.groupby("dst_c")["_persona"].nunique()
    values = values[values >= th["min_persons"]]
    chosen = j[j["dst_c"].isin(values.index)]
    n_ads = chosen.groupby("dst_c")["src"].nunique().to_dict()
    n_records = chosen.groupby("dst_c")["dst_p"].nunique().to_dict()
    long = evidence_frame(
        part(j, "dst_c", "dst_p", "source_ref_c", "party_c"),
        part(j, "dst_c", "dst_p", "source_ref_p", "party_p"),
    )
    return make_hits(
        ind,
        long,
        values,
        "min_persons",
        th,
        details=lambda s: {"advertisements": int(n_ads[s]), "person_records": int(n_records[s])},
    )


@rule("working_name")
def _working_name(t: Tables, th: Mapping[str, float], ind: Indicator) -> list[IndicatorHit]:
    """A persona known only by a working name, recorded more than once (probably one person),
    whose advertisements someone else pays for or answers."""
    import pandas as pd

    from emm.graph.analysis.frames import order_keys

    persona = personas(t)
    named = persona[persona.str.startswith("wn:")]
    if named.empty:
        return []
    groups = named.groupby(named).groups
    offered = t.facts("ADVERTISES", "Advertisement", "Person")
    contact = t.facts("ADVERTISED_WITH", "Advertisement", ("Phone", "Email"))
    paid = t.facts("PAID_FOR", "BankAccount", "Advertisement")
    uses = t.facts(("USES_PHONE", "USES_EMAIL"), ("Person", "Company"), ("Phone", "Email"))
    holders = t.holders()
    order = order_keys(t.nodes.reset_index(drop=True))
    rows: list[pd.DataFrame] = []
    values: dict[str, float] = {}
    details: dict[str, dict[str, Any]] = {}
    named_records = set(named.index)
    offered = offered[offered["dst"].isin(named_records)]
    ads_of = {p: g for p, g in offered.groupby("dst")}
    paid = paid[paid["dst"].isin(set(offered["src"]))]
    paid_by_ad = {a: g for a, g in paid.groupby("dst")}
    contact = contact[contact["src"].isin(set(offered["src"]))]
    contacts_by_ad = contact.groupby("src")["dst"].agg(set).to_dict()
    uses = uses[uses["dst"].isin(set(contact["dst"]))]
    users_of = {c: g for c, g in uses.groupby("dst")}
    for _, members in groups.items():
        records = sorted(map(str, members), key=lambda u: order.get(u, u))
        if len(records) < th["min_records"]:
            continue
        ad_frames = [ads_of[r] for r in records if r in ads_of]
        if not ad_frames:
            continue
        ads = pd.concat(ad_frames)
        ad_ids = set(ads["src"])
        paid_frames = [paid_by_ad[a] for a in ad_ids if a in paid_by_ad]
        my_paid = pd.concat(paid_frames) if paid_frames else paid.iloc[0:0]
        payers = {h for a in my_paid["src"] for h in holders.get(a, set())} - set(records)
        contacts = set().union(*(contacts_by_ad.get(a, set()) for a in ad_ids))
        use_frames = [users_of[c] for c in contacts if c in users_of]
        my_uses = pd.concat(use_frames) if use_frames else uses.iloc[0:0]
        others = set(my_uses["src"]) - set(records)
        if not payers and not others:
            continue
        subject = records[0]
        values[subject] = float(len(records))
        details[subject] = {
            "records": records,
            "paid_by_others": sorted(payers),
            "contact_used_by_others": sorted(others),
        }
        rows += [
            part(ads.assign(_s=subject), "_s", "dst", "source_ref", "party"),
            part(my_paid.assign(_s=subject), "_s", "src", "source_ref", "party"),
            part(my_uses.assign(_s=subject), "_s", "src", "source_ref", "party"),
        ]
    if not values:
        return []
    return make_hits(
        ind,
        evidence_frame(*rows),
        pd.Series(values, dtype=float),
        "min_records",
        th,
        details=lambda s: details[s],
    )


@rule("minor")
def _minor(t: Tables, th: Mapping[str, float], ind: Indicator) -> list[IndicatorHit]:
    """A person under the age limit at the date of an exploitation case, an advertisement
    offering them, or their employment."""
    import pandas as pd

    from emm.graph.analysis.ages import ages_at_facts

    if "birth_date" not in t.nodes.columns:
        return []
    births = t.nodes["birth_date"]
    phenomena = set(ind.params.get("phenomena", ()))
    roles = set(ind.params.get("roles", ()))
    inv = t.facts("INVOLVED_IN", "Person", CASES)
    inv = inv[inv["role"].astype(str).str.lower().isin(roles)]
    case_phen = inv["dst"].map(t.nodes["phenomenon"]) if "phenomenon" in t.nodes else None
    if case_phen is not None:
        inv = inv[case_phen.isin(phenomena)]
    case_day = inv["dst"].map(t.nodes["reported_at"]) if "reported_at" in t.nodes.columns else None
    if case_day is not None:
        started = inv["dst"].map(t.nodes["started_at"]) if "started_at" in t.nodes else None
        day = case_day.where(case_day.notna(), started) if started is not None else case_day
        inv = inv.assign(date=day.where(day.notna(), inv["registered_at"]))
    ads = t.facts("ADVERTISES", "Advertisement", "Person")
    posted = ads["src"].map(t.nodes["posted_at"]) if "posted_at" in t.nodes.columns else None
    ads = ads.assign(date=posted) if posted is not None else ads
    ads = ads.rename(columns={"src": "_ad", "dst": "src"})
    work = t.facts("EMPLOYED_BY", "Person", "Company")
    work = work.assign(date=work["since"])
    parts = []
    for frame, other in ((inv, "dst"), (ads, "_ad"), (work, "dst")):
        if len(frame):
            age = ages_at_facts(frame, births)
            parts.append(frame.assign(_age=age.to_numpy(), _other=frame[other].to_numpy()))
    if not parts:
        return []
    facts = pd.concat(parts, ignore_index=True)
    young = facts[(facts["_age"] < th["max_age"]) & (facts["_age"] >= th.get("min_age", 0))]
    if young.empty:
        return []
    values = young.groupby("src")["_age"].min()
    long = evidence_frame(part(young, "src", "_other", "source_ref", "party"))
    kinds = young.groupby("src")["type"].agg(lambda s: sorted(set(map(str, s))))
    return make_hits(
        ind,
        long,
        values,
        "max_age",
        th,
        details=lambda p: {"age": int(values[p]), "facts": kinds[p]},
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
    long = evidence_frame(part(stays, "src", "dst", "source_ref", "party"))
    hits = make_hits(
        ind,
        long,
        values,
        "min_cities",
        th,
        details=lambda s: {"cities": cities[s]},
    )
    if "ordinary_hotel_guest" not in ind.benign or not hits:
        return hits
    return _ordinary_guests(t, hits, picked, int(ind.params.get("room_window_days", 7)))


def _ordinary_guests(
    t: Tables, hits: list[IndicatorHit], stays: pd.DataFrame, window: int
) -> list[IndicatorHit]:
    """Known-benign: a traveller who pays their own rooms, is not offered in advertisements
    and is no victim in a case (a business traveller, a tourist)."""
    from emm.graph.analysis.payments import paid_stays

    holders = t.holders()
    paid = t.facts("PAID_FOR", "BankAccount", "Address")
    j = paid_stays(paid[paid["dst"].isin(set(stays["dst"]))], stays, window)
    paid_by_other: set[str] = set()
    for account, guest in zip(j["src"], j["src_l"], strict=True):
        if guest not in holders.get(account, set()):
            paid_by_other.add(guest)
    advertised = set(t.facts("ADVERTISES", "Advertisement", "Person")["dst"])
    inv = t.facts("INVOLVED_IN", "Person", CASES)
    victims = set(inv.loc[inv["role"].astype(str).str.lower().eq("victim"), "src"])
    out = []
    for h in hits:
        p = h.subject
        if p in paid_by_other or p in advertised or p in victims:
            out.append(h)
            continue
        why = ["no stay paid by someone else", "not offered in an advertisement",
               "not a victim in a signal or investigation"]  # fmt: skip
        out.append(suppress(h, "ordinary_hotel_guest", why))
    return out


@rule("multi_agency")
def _multi_agency(t: Tables, th: Mapping[str, float], ind: Indicator) -> list[IndicatorHit]:
    import pandas as pd

    e = t.edges
    labels = list(ind.params.get("labels", []))
    out_side = e[e["src_label"].isin(labels)]
    in_side = e[e["dst_label"].isin(labels)]
    long = pd.concat(
        [
            part(out_side, "src", "dst", "source_ref", "party"),
            part(in_side, "dst", "src", "source_ref", "party"),
        ],
        ignore_index=True,
    )
    values = long.groupby("subject")["party"].nunique()
    values = values[values >= th["min_parties"]]
    return make_hits(ind, long.assign(related=None), values, "min_parties", th)


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
    phenomena = set(ind.params.get("phenomena", ()))
    if phenomena and "phenomenon" in t.nodes.columns:
        # a case of another phenomenon (an ordinary crime: "unknown") says nothing about
        # exploitation; a case without a phenomenon is kept
        phen = inv["case"].map(t.nodes["phenomenon"])
        inv = inv[phen.isna() | phen.isin(phenomena)]
    victims = inv[inv["role"] == "victim"]
    suspects = inv[inv["role"] == "suspect"]
    j = victims.merge(suspects, on="case", suffixes=("_v", "_s"))
    j = j[j["src_v"] != j["src_s"]]
    values = j.groupby("src_v")["src_s"].nunique()
    values = values[values >= th["min_suspects"]]
    picked = j[j["src_v"].isin(values.index)]
    cases = {s: sorted(map(str, set(g))) for s, g in picked.groupby("src_v")["case"]}
    long = evidence_frame(
        part(j, "src_v", "src_s", "source_ref_v", "party_v"),
        part(j, "src_v", "src_s", "source_ref_s", "party_s"),
        part(j, "src_v", "src_s", "via_ref_v", "via_party_v"),
        part(j, "src_v", "src_s", "via_ref_s", "via_party_s"),
    )
    return make_hits(
        ind,
        long,
        values,
        "min_suspects",
        th,
        details=lambda s: {"cases": cases[s]},
    )
