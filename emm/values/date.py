"""Calendar dates as ISO ``jjjj-mm-dd``; never more than a day in the future.

"Today" comes from :func:`today`, one function the tests can freeze (monkeypatch
``emm.values.date.today``). A date more than one day after it is refused: a registration,
payment or birth cannot lie ahead, and a registration date in the future would start the
retention clock (covenant art. 7.3) in the future. One day of slack absorbs time zones.
"""

from __future__ import annotations

import datetime as _dt
import re

from emm.values.base import InvalidValue, is_valid_with

__all__ = ["FUTURE", "is_valid", "latest_allowed", "normalise", "not_future", "today"]

_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ][0-9]{2}:[0-9]{2}.*)?", re.DOTALL)
_DMY = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})")
_FORM = "not a date in dd-mm-jjjj, dd/mm/jjjj or jjjj-mm-dd form"
#: The reason given for a date after :func:`latest_allowed`.
FUTURE = "is in the future (more than one day after today)"


def today() -> _dt.date:
    """Today's date on this machine (the one clock every date check reads)."""
    return _dt.date.today()


def latest_allowed() -> str:
    """The last date accepted, ISO: one day after :func:`today`."""
    return (today() + _dt.timedelta(days=1)).isoformat()


def _is_calendar_date(year: int, month: int, day: int) -> bool:
    try:
        _dt.date(year, month, day)
    except ValueError:
        return False
    return True


def normalise(raw: str) -> str:
    """A calendar date (years 1900-2100) as ISO ``jjjj-mm-dd``, not checked against today
    (that is :func:`not_future`).

    Accepts ``dd-mm-jjjj``, ``d-m-jjjj``, ``dd/mm/jjjj``, ``dd.mm.jjjj`` and ``jjjj-mm-dd``
    (a time after ``T`` or a space is dropped).

    >>> normalise("1-2-1990"), normalise("29/02/2024"), normalise("2024-03-01T10:00:00+01:00")
    ('1990-02-01', '2024-02-29', '2024-03-01')
    >>> normalise("31-02-2024")
    Traceback (most recent call last):
    ...
    emm.values.base.InvalidValue: not a real calendar date (check day and month)
    """
    m = _ISO.fullmatch(raw)
    if m is not None:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        iso = raw[:10]
    else:
        m = _DMY.fullmatch(raw)
        if m is None:
            raise InvalidValue(_FORM)
        year, month, day = int(m.group(4)), int(m.group(3)), int(m.group(1))
        iso = f"{year:04d}-{month:02d}-{day:02d}"
    if not 1900 <= year <= 2100:
        raise InvalidValue("year must be between 1900 and 2100")
    if not _is_calendar_date(year, month, day):
        raise InvalidValue("not a real calendar date (check day and month)")
    return iso


def not_future(iso: str, latest: str | None = None) -> str:
    """``iso`` itself, or :class:`InvalidValue` when it is after ``latest`` (ISO; default
    :func:`latest_allowed`). ISO dates compare as strings.

    >>> not_future("2020-01-01")
    '2020-01-01'
    """
    if iso > (latest or latest_allowed()):
        raise InvalidValue(FUTURE)
    return iso


def is_valid(raw: str) -> bool:
    """Whether ``raw`` is a real date in an accepted form, not in the future.

    >>> is_valid("29-02-2024"), is_valid("29-02-2023"), is_valid("01-01-2099")
    (True, False, False)
    """
    return is_valid_with(lambda s: not_future(normalise(s)), raw)
