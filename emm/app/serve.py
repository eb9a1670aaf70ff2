"""The app's web server: Streamlit plus the session and media routes (``emm app`` runs this).

``streamlit run emm/app/serve.py`` finds the ``App`` below and serves :mod:`emm.app.main` with
the routes and middleware of :mod:`emm.app.web` (session cookie, ``/media`` guard, local
vis-network). Production settings (no post-script garbage collection, no file watcher, no
development mode) are in ``.streamlit/config.toml`` next to this file and in
:func:`emm.app.launch.command`.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from streamlit.starlette import App

from emm.app import web
from emm.app.warmup import start_warmup


@asynccontextmanager
async def lifespan(_app: App) -> AsyncIterator[None]:
    start_warmup()  # the de-identification engine, in the background, then gc.freeze()
    yield


app = App(web.MAIN, routes=web.routes(), middleware=web.middleware(), lifespan=lifespan)
