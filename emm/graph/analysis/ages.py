"""Ages from dates of birth at the date of a fact: who was a minor when the signal was made.

A placeholder date of birth (``YYYY-01-01`` or ``YYYY-00-00``, written when only the year is
known, as KMAR does) is read as the year alone: the age is then the youngest it can be, so a
person born "1 January 2008" counts as 17 throughout 2025.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["age_at", "ages_at_facts", "is_placeholder_date", "parse_birth"]


def is_placeholder_date(value: Any) -> bool:
    """Whether a date of birth is a year-only placeholder (``01-01`` or ``00-00``).

    Examples
    --------
    >>> is_placeholder_date("1990-01-01"), is_placeholder_date("1990-00-00")
    (True, True)
    >>> is_placeholder_date("1990-07-15"), is_placeholder_date(None)
    (False, False)
    """
    text = str(value or "")[:10]
    return len(text) == 10 and text[4] == "-" and text[5:] in ("01-01", "00-00")


def parse_birth(value: Any) -> tuple[dt.date | None, bool]:
    """``(date, year_only)``; a placeholder gives 31 December of its year (the youngest)."""
    text = str(value or "")[:10]
    if len(text) < 4 or not text[:4].isdigit():
        return None, False
    if is_placeholder_date(text):
        return dt.date(int(text[:4]), 12, 31), True
    try:
        return dt.date.fromisoformat(text), False
    except ValueError:
        return None, False


def age_at(birth: Any, day: Any) -> int | None:
    """Age in whole years on ``day`` (ISO text or date), or ``None`` when unknown.

    Examples
    --------
    >>> age_at("2008-05-01", "2025-04-30"), age_at("2008-05-01", "2025-05-01")
    (16, 17)
    >>> age_at("2008-01-01", "2025-12-30")  # year only: at most 17
    16
    """
    born, _ = parse_birth(birth)
    if born is None or day is None:
        return None
    try:
        when = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)[:10])
    except ValueError:
        return None
    years = when.year - born.year - ((when.month, when.day) < (born.month, born.day))
    return years if years >= 0 else None


def ages_at_facts(facts: pd.DataFrame, births: pd.Series, *, who: str = "src") -> pd.Series:
    """Age of ``facts[who]`` at each fact's date (``date`` if present, else ``registered_at``).

    ``births`` maps uid -> date of birth. Vectorised; unknown ages are NaN.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"src": ["p", "q"], "registered_at": ["2025-03-01", "2025-03-01"]})
    >>> ages_at_facts(f, pd.Series({"p": "2010-02-01", "q": None})).tolist()
    [15.0, nan]
    """
    import numpy as np
    import pandas as pd

    raw = facts[who].map(births).astype(object)
    text = raw.where(raw.notna(), "").astype(str).str[:10]
    placeholder = text.str[5:].isin(["01-01", "00-00"]) & text.str.len().eq(10)
    text = text.where(~placeholder, text.str[:4] + "-12-31")
    born = pd.to_datetime(text, errors="coerce")
    when_text = (
        facts["date"].where(facts["date"].notna(), facts["registered_at"])
        if "date" in facts.columns
        else facts["registered_at"]
    )
    when = pd.to_datetime(when_text.astype(str).str[:10], errors="coerce")
    years = when.dt.year - born.dt.year
    before = (when.dt.month < born.dt.month) | (
        (when.dt.month == born.dt.month) & (when.dt.day < born.dt.day)
    )
    age = (years - before.astype(float)).astype(float)
    return age.where(age >= 0, np.nan)
