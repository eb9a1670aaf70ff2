"""The statutory minimum wage at a date and age (``minimum_wage.yaml``), and wage-like payments.

A wage in a delivery (``EMPLOYED_BY.wage``) is the **gross hourly wage in euros**, as the
delivery format defines it (``docs/delivery-format.md``, value type ``amount``); it is
compared with the statutory minimum per hour (before 2024, the lowest hourly equivalent of
the monthly minimum, a 40-hour week; see the notes of ``minimum_wage.yaml``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import cache
from typing import Any

from emm.graph.analysis.ages import age_at
from emm.graph.analysis.config import minimum_wage_table

__all__ = ["WAGE_WORDS", "is_wage_text", "minimum_for", "wage_share"]
#: Words in a payment description that say it is a wage.
WAGE_WORDS = re.compile(r"\b(loon|lonen|salaris|salary|wage|wages|uitbetaling|payroll|wynagrodzenie|pensja|salariu|заплата)\b",
                        re.IGNORECASE)  # fmt: skip


def is_wage_text(text: Any) -> bool:
    """Whether a payment description says it is a wage.

    >>> is_wage_text("loon J. Nowak wk 12"), is_wage_text("huur"), is_wage_text(None)
    (True, False, False)
    """
    return isinstance(text, str) and bool(WAGE_WORDS.search(text))


@cache
def _rows() -> tuple[list[str], list[dict[str, Any]]]:
    rows = minimum_wage_table()["rows"]
    return [r["effective_from"] for r in rows], rows


def minimum_for(day: Any, age: int | None, *, per: str = "month") -> float | None:
    """The statutory minimum on ``day`` for a worker of ``age`` (``None``: adult), ``per``
    ``"month"`` or ``"hour"``; ``None`` before the table starts or below age 15.

    Examples
    --------
    >>> minimum_for("2026-03-01", 30), minimum_for("2026-03-01", 30, per="hour")
    (2294.4, 14.71)
    >>> round(minimum_for("2020-03-01", 18), 2)  # 50% of 1,653.60
    826.8
    >>> round(minimum_for("2016-03-01", 30, per="hour"), 2)  # 40-hour week equivalent
    8.8
    """
    starts, rows = _rows()
    text = day.isoformat() if isinstance(day, dt.date) else str(day or "")[:10]
    if not text:
        return None
    i = bisect.bisect_right(starts, text) - 1
    if i < 0:
        return None
    row = rows[i]
    share = 1.0
    if age is not None and age < row["adult_age"]:
        share = row["youth"].get(age)
        if share is None:
            return None
    if per == "hour":
        if row.get("hourly"):
            return float(row["hourly"]) * share
        hours = minimum_wage_table()["hours_per_week"]
        return float(row["monthly"]) * 12 / 52 / hours * share
    return float(row["monthly"]) * share


def wage_share(wage: Any, day: Any, birth: Any = None) -> float | None:
    """``wage`` (gross per hour, euros) as a share of the hourly minimum that applied on
    ``day`` to a worker born on ``birth`` (``None``: an adult).

    Examples
    --------
    >>> round(wage_share(7.36, "2026-02-01"), 2), round(wage_share(14.71, "2026-02-01"), 2)
    (0.5, 1.0)
    >>> round(wage_share(7.36, "2026-02-01", "2008-01-10"), 2)  # 18: half the adult minimum
    1.0
    >>> wage_share("n/a", "2026-02-01") is None
    True
    """
    try:
        amount = float(wage)
    except (TypeError, ValueError):
        return None
    if not amount > 0:
        return None
    age = age_at(birth, day) if birth else None
    minimum = minimum_for(day, age, per="hour")
    if not minimum:
        return None
    return amount / minimum
