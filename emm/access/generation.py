"""A marker of governance changes, so that views kept between clicks know when to read again.

Every change that can take something out of (or put it back into) what a principal sees — an
erasure, a restriction or its lifting, a rectification, a party's isolation, removal or
reinstatement, retention, a same-person judgement or its withdrawal — writes a new marker
through the guarded API. The app keys what it keeps per session (the explorer's workspace) by
it: a new marker means read again through the guarded store. The marker holds no data, only a
random token; reading it is one small file read.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> current(d)
'0'
>>> bump(d) == current(d) != '0'
True
"""

from __future__ import annotations

import secrets
from pathlib import Path

from emm.files import write_private

FILE = "governance-generation"


def current(data_dir: Path) -> str:
    """The newest marker ("0" before any change)."""
    try:
        return (data_dir / FILE).read_text(encoding="ascii").strip() or "0"
    except FileNotFoundError:
        return "0"


def bump(data_dir: Path) -> str:
    """A new marker after a change; returns it."""
    token = secrets.token_hex(8)
    write_private(data_dir / FILE, token.encode("ascii"), sync=False)
    return token
