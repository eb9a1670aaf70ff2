"""Load what the app needs once per process, in the background, and freeze it for the GC.

The de-identification engine (Presidio and deduce's lookup tables) is millions of Python
objects. With Streamlit's default ``runner.postScriptGC`` a full collection walked all of them
after every script run (3-16 s per click, measured). The app now runs with that option off, and
:func:`start_warmup` moves everything loaded at start-up into the permanent generation
(``gc.freeze()``), so the automatic collections that still happen never walk it either.
"""

from __future__ import annotations

import gc
import threading

from emm.settings import Settings
from emm.settings import load as load_settings

_LOCK = threading.Lock()
_THREAD: threading.Thread | None = None


def freeze() -> None:
    """Collect once, then exclude every object alive now from later collections."""
    gc.collect()
    gc.freeze()


def _load(settings: Settings) -> None:
    # The libraries every page imports first, so their objects are frozen too.
    import altair  # noqa: F401
    import networkx  # noqa: F401
    import pandas  # noqa: F401

    import emm.app.services  # noqa: F401
    import emm.graph.analysis  # noqa: F401
    from emm.app import i18n

    # The word tables every page asks for: read once here, not by the first sessions at once
    # (ten logins after a restart each parsed them; 2-3 s per login, measured)
    i18n.strings(), i18n.labels(), i18n.indicator_titles()
    freeze()
    cache = settings.data_dir / "cache"
    if not (cache / "deduce").exists():  # its lookup tables are built by `emm demo` (minutes)
        return
    try:
        from emm.anonymise import get_engine

        get_engine(cache)
    except Exception:  # noqa: BLE001 - the trend page shows the same error when it is used
        return
    freeze()


def start_warmup(settings: Settings | None = None) -> threading.Thread:
    """Start the warm-up once per process (later calls return the same thread)."""
    global _THREAD
    with _LOCK:
        if _THREAD is None:
            _THREAD = threading.Thread(
                target=_load, args=(settings or load_settings(),), name="emm-warmup", daemon=True
            )
            _THREAD.start()
        return _THREAD


def warm() -> bool:
    """True once the warm-up thread has finished (or was never needed in this process)."""
    with _LOCK:
        return _THREAD is not None and not _THREAD.is_alive()
