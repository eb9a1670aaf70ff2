"""The parts every indicator rule is written with: the table row, the hit, the tables, helpers.

A rule is a function registered with :func:`rule` under its id in ``indicators.yaml``; it gets
:class:`Tables` (the edge table with endpoint labels, the node table by uid), its thresholds
and its :class:`Indicator` row, and returns :class:`IndicatorHit` objects whose ``evidence``
lists the ``source_ref`` of every fact the hit rests on. A rule that recognises a known-benign
pattern (``benign`` in the table) does not drop the hit silently: it marks it ``suppressed``
with the pattern's id and the evidence for it, and :func:`emm.graph.analysis.run_indicators`
leaves it out unless asked (``include_suppressed=True``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CASES",
    "HOUSING",
    "RESIDENCE",
    "Indicator",
    "IndicatorHit",
    "RuleFunc",
    "Tables",
    "count_groups",
    "evidence_frame",
    "make_hits",
    "part",
    "rule",
    "rules",
    "suppress",
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
    weight: float = 1.0
    benign: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def title(self, lang: str = "en") -> str:
        """The title in ``"en"`` or ``"nl"``."""
        return self.title_nl if lang == "nl" else self.title_en

    def explanation(self, lang: str = "en", thresholds: Mapping[str, float] | None = None) -> str:
        """The explanation with the thresholds filled in."""
        text = self.explanation_nl if lang == "nl" else self.explanation_en
        values = {k: _fmt(v) for k, v in {**self.thresholds, **(thresholds or {})}.items()}
        return text.format(**values)

    def benign_explanation(self, pattern: str, lang: str = "en") -> str:
        """Why a hit of this indicator was recognised as the known-benign ``pattern``."""
        row = self.benign.get(pattern, {})
        values = {k: _fmt(v) if isinstance(v, int | float) else v for k, v in row.items()}
        return str(row.get(f"explanation_{lang}", pattern)).format(**values)


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
    suppressed : str or None
        The id of the known-benign pattern the hit matches (``details["benign_evidence"]``
        says why); ``None`` for a hit that stands.
    """

    indicator_id: str
    subject: str
    value: float
    threshold: float
    evidence: tuple[str, ...]
    parties: tuple[str, ...]
    related: tuple[str, ...] = ()
    details: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=True)
    suppressed: str | None = None


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def suppress(hit: IndicatorHit, pattern: str, why: Iterable[str]) -> IndicatorHit:
    """``hit`` marked as the known-benign ``pattern``, with the evidence for it in ``details``."""
    return replace(
        hit, suppressed=pattern, details={**hit.details, "benign_evidence": sorted(set(why))}
    )


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
        for col in (
            "role", "date", "nights", "amount", "description", "direction", "wage", "since",
            "purpose", "position",
        ):  # fmt: skip
            if col not in e.columns:
                e[col] = None
        e["src_label"] = e["src"].map(labels)
        e["dst_label"] = e["dst"].map(labels)
        self.edges = e
        self.labels = labels
        self.nodes = nodes.drop_duplicates("uid").set_index("uid", drop=False)
        self._cache: dict[str, Any] = {}

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

    def holders(self) -> dict[str, set[str]]:
        """Account -> persons and companies that hold it (cached per run)."""
        if "holders" not in self._cache:
            holds = self.facts("HOLDS_ACCOUNT", ("Person", "Company"), "BankAccount")
            out: dict[str, set[str]] = defaultdict(set)
            for who, account in zip(holds["src"], holds["dst"], strict=True):
                out[account].add(who)
            self._cache["holders"] = out
        found: dict[str, set[str]] = self._cache["holders"]
        return found


def _as_list(x: Iterable[str] | str) -> list[str]:
    return [x] if isinstance(x, str) else list(x)


def evidence_frame(*parts: pd.DataFrame) -> pd.DataFrame:
    """Stack (subject, related, ref, party) frames into one long evidence frame."""
    import pandas as pd

    cols = ["subject", "related", "ref", "party"]
    frames = [p[cols] for p in parts if len(p)]
    if not frames:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    return pd.concat(frames, ignore_index=True).dropna(subset=["subject", "ref"])


def part(df: pd.DataFrame, subject: str, related: str, ref: str, party: str) -> pd.DataFrame:
    """Four columns of ``df`` renamed to an evidence frame's (subject, related, ref, party)."""
    return df[[subject, related, ref, party]].set_axis(
        ["subject", "related", "ref", "party"], axis=1
    )


def make_hits(
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


def count_groups(members: list[Any], links: list[tuple[Any, Any]]) -> int:
    """Number of connected groups among ``members`` given undirected ``links`` (union-find)."""
    parent = {m: m for m in members}

    def find(x: Any) -> Any:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        if a not in parent or b not in parent:
            continue
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    return len({find(m) for m in members})


# --------------------------------------------------------------------------------------------
# The registry
# --------------------------------------------------------------------------------------------

RuleFunc = Callable[[Tables, Mapping[str, float], Indicator], list[IndicatorHit]]
_RULES: dict[str, RuleFunc] = {}


def rule(indicator_id: str) -> Callable[[RuleFunc], RuleFunc]:
    """Register ``func`` as the implementation of the table row ``indicator_id``."""

    def register(func: RuleFunc) -> RuleFunc:
        _RULES[indicator_id] = func
        return func

    return register


def rules() -> dict[str, RuleFunc]:
    """The registered rules (after the rule modules are imported)."""
    return _RULES
