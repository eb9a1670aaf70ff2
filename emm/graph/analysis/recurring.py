"""Recurring patterns (covenant art. 7.6): does a network overlap the subjects of an earlier OIB?

An OIB is kept for ten years from its handover, so that a network seen again can be recognised.
:func:`recurring` compares the persons of a network (or of a new OIB) with the persons each
earlier OIB named, and says which OIB, how many persons they share, and who is new or gone.
It works on uids; after the store applies confirmed same-person judgements, a person has one
canonical uid in every analysis, so records merged later still match.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Recurrence", "recurring"]


@dataclass(frozen=True)
class Recurrence:
    """An earlier OIB whose subjects overlap the current persons.

    Attributes
    ----------
    product_id, version : str, int
        The earlier OIB.
    created_at, handed_over_at : str or None
        When it was made and handed over (retention runs from handover, art. 7.6).
    shared : tuple of str
        Persons in both.
    new : tuple of str
        Persons now, not then.
    gone : tuple of str
        Persons then, not now.
    share : float
        ``len(shared) / len(current persons)``.
    """

    product_id: str
    version: int
    created_at: str | None
    handed_over_at: str | None
    shared: tuple[str, ...]
    new: tuple[str, ...]
    gone: tuple[str, ...]
    share: float
    explanation: dict[str, str] = field(default_factory=dict)


def _field(p: Any, name: str, default: Any = None) -> Any:
    if isinstance(p, Mapping):
        return p.get(name, default)
    return getattr(p, name, default)


def recurring(
    persons: Iterable[str],
    earlier: Iterable[Any],
    *,
    exclude: Iterable[str] = (),
    min_shared: int = 2,
    min_share: float = 0.2,
    is_person: Any = None,
) -> list[Recurrence]:
    """Earlier OIBs whose persons overlap ``persons``, most shared first.

    Parameters
    ----------
    persons : iterable of str
        The person uids of the network or new OIB.
    earlier : iterable of Product or dict
        Register entries with ``product_id``, ``version``, ``type``, ``entity_uids``,
        ``created_at``, ``handed_over_at`` (other product types are skipped).
    exclude : iterable of str
        Product ids to skip (the OIB being revised).
    min_shared : int, default 2
        Fewest shared persons that count as a recurrence.
    min_share : float, default 0.2
        Smallest share of the current persons that must be shared.
    is_person : callable, optional
        Which of an earlier OIB's ``entity_uids`` are persons; default: uids that start with
        ``"Person-"`` (the store's uids) or are in ``persons``.

    Examples
    --------
    >>> old = {"product_id": "OIB-20250101-0001", "version": 1, "type": "OIB",
    ...        "entity_uids": ["Person-a", "Person-b", "Person-c", "Address-x"],
    ...        "created_at": "2025-01-01", "handed_over_at": "2025-01-03"}
    >>> [r] = recurring(["Person-a", "Person-b", "Person-d"], [old])
    >>> r.product_id, r.shared, r.new, r.gone
    ('OIB-20250101-0001', ('Person-a', 'Person-b'), ('Person-d',), ('Person-c',))
    >>> print(r.explanation["en"])
    2 of 3 persons were subjects of OIB-20250101-0001 (version 1, handed over 2025-01-03); new: 1; no longer seen: 1
    """
    current = set(persons)
    if not current:
        return []
    skip = set(exclude)

    def person(u: str) -> bool:
        if is_person is not None:
            return bool(is_person(u))
        return u.startswith("Person-") or u in current

    latest: dict[str, Any] = {}
    for p in earlier:
        if _field(p, "type", "OIB") != "OIB" or _field(p, "product_id") in skip:
            continue
        pid = str(_field(p, "product_id"))
        if pid not in latest or int(_field(p, "version", 1)) > int(
            _field(latest[pid], "version", 1)
        ):
            latest[pid] = p
    out = []
    for pid, p in latest.items():
        then = {u for u in _field(p, "entity_uids", []) or [] if person(u)}
        shared = current & then
        share = len(shared) / len(current)
        if len(shared) < min_shared or share < min_share:
            continue
        version = int(_field(p, "version", 1))
        handed = _field(p, "handed_over_at")
        when_en = f"handed over {handed[:10]}" if handed else "not handed over"
        when_nl = f"overgedragen {handed[:10]}" if handed else "niet overgedragen"
        new, gone = sorted(current - then), sorted(then - current)
        out.append(
            Recurrence(
                product_id=pid,
                version=version,
                created_at=_field(p, "created_at"),
                handed_over_at=handed,
                shared=tuple(sorted(shared)),
                new=tuple(new),
                gone=tuple(gone),
                share=round(share, 3),
                explanation={
                    "en": f"{len(shared)} of {len(current)} persons were subjects of {pid} "
                    f"(version {version}, {when_en}); new: {len(new)}; "
                    f"no longer seen: {len(gone)}",
                    "nl": f"{len(shared)} van {len(current)} personen waren subject van {pid} "
                    f"(versie {version}, {when_nl}); nieuw: {len(new)}; "
                    f"niet meer gezien: {len(gone)}",
                },
            )
        )
    out.sort(key=lambda r: (-len(r.shared), r.product_id))
    return out
