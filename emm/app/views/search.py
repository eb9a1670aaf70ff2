"""Search: find an entity by identifier or text and see its direct links with provenance."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from emm.app.services import store_or_stop
from emm.graph.search import find

st.title("Search")
query = st.text_input(
    "Name, BSN, phone, IBAN, plate, e-mail, KvK or 'postcode number'",
    placeholder="e.g. 06-12345678, NL91 ABNA 0417 1643 00, 1234AB 12, de Vries",
)
if not query.strip():
    st.caption(
        "Identifiers are matched in any common spelling; text matches names, "
        "addresses and titles regardless of case and accents."
    )
    st.stop()

store = store_or_stop()
results = find(store, query)
if not results:
    st.warning("No entity matches that search.")
    st.stop()

options = {f"{e.label}: {e.caption} (known to {', '.join(e.parties)})": e for e in results}
choice = st.radio(f"{len(results)} result(s)", list(options), index=0)
entity = options[choice]

st.subheader(f"{entity.label}: {entity.caption}")
props = {k: v for k, v in entity.props.items() if k not in ("search", "uid", "key")}
st.json(props, expanded=False)

sub = store.neighbourhood([entity.uid])
rows = []
for link in sub.links.values():
    outgoing = link.source == entity.uid
    other = sub.entities[link.target if outgoing else link.source]
    rows.append(
        {
            "relationship": link.type if outgoing else f"← {link.type}",
            "other": f"{other.label}: {other.caption}",
            "party": link.props.get("party"),
            "legal basis": link.props.get("legal_basis"),
            "registered": link.props.get("registered_at"),
            "role": link.props.get("role", ""),
            "source": link.props.get("source_ref"),
        }
    )
st.subheader(f"Direct links ({len(rows)})")
if sub.truncated:
    st.info("Only the first links are shown; narrow the search.")
st.dataframe(pd.DataFrame(rows), hide_index=True, use_container_width=True)
