"""A Streamlit session without a browser: the app's own websocket protocol, for load.

The browser benchmark (:mod:`benchmarks.bench_app`) measures what an analyst waits for, browser
included. On this machine the browsers share the server's two cores, so ten real browsers
measure the browsers; in production each analyst's browser runs on their own computer. A
:class:`ProtocolSession` puts one analyst's load on the server (the same script runs, the same
reads, the same widget values) by speaking Streamlit's websocket protocol (``BackMsg`` out,
``ForwardMsg`` in) as its frontend does, and times each step from the message sent to the
run's ``script_finished``: the server's part of a click, without the drawing.

Widgets are found by their key (an element id ends with ``-<key>``), fragments by the delta
that drew the widget, pages by the navigation message. Values are sent as the frontend sends
them: every known widget's last value on every run, a trigger (button, form submit, component
event) once.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any

#: ScriptFinishedStatus values: a run that ended because another run follows is not the end.
_EARLY_FOR_RERUN = 2


@dataclass
class Widget:
    id: str
    fragment: str = ""
    payload: dict[str, Any] = field(default_factory=dict)  # a component's data


class ProtocolSession:
    """One browser tab's conversation with the app server, without the browser."""

    def __init__(self, url: str, timeout: float = 120.0) -> None:
        self.url = url
        self.timeout = timeout
        self.ws: Any = None
        self.widgets: dict[str, Widget] = {}  # by key
        self.values: dict[str, Any] = {}  # widget id -> WidgetState (the last value sent)
        self.pages: dict[str, str] = {}  # page name and url path -> page script hash
        self.page = ""
        self.texts: list[str] = []  # headings and markdown of the last run

    async def __aenter__(self) -> ProtocolSession:
        import websockets
        from websockets.typing import Origin, Subprotocol

        ws_url = self.url.replace("http://", "ws://", 1) + "/_stcore/stream"
        self.ws = await websockets.connect(
            ws_url, subprotocols=[Subprotocol("streamlit")], origin=Origin(self.url), max_size=None
        )
        await self.rerun()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.ws.close()

    # ------------------------------------------------------------------ protocol

    async def rerun(
        self,
        *,
        page: str | None = None,
        fragment: str = "",
        set_values: dict[str, Any] | None = None,
        trigger: tuple[str, str, Any] | None = None,
    ) -> float:
        """Send a rerun (a click) and wait until it has finished; returns the seconds.

        ``set_values``: key -> value for widgets whose value changes (str, bool, list of str);
        ``trigger``: (key or id, kind, value) with kind ``trigger_value`` or
        ``json_trigger_value``.
        """
        from streamlit.proto.BackMsg_pb2 import BackMsg

        for key, value in (set_values or {}).items():
            self.values[self.widgets[key].id] = value
        msg = BackMsg()
        r = msg.rerun_script
        r.query_string = ""
        r.page_script_hash = self.pages.get(page, page) if page else self.page
        r.fragment_id = fragment
        for wid, value in self.values.items():
            w = r.widget_states.widgets.add(id=wid)
            if isinstance(value, bool):
                w.bool_value = value
            elif isinstance(value, str):
                w.string_value = value
            elif isinstance(value, list):
                w.string_array_value.data.extend(value)
        if trigger is not None:
            ref, kind, value = trigger
            wid = self.widgets[ref].id if ref in self.widgets else ref
            w = r.widget_states.widgets.add(id=wid)
            if kind == "trigger_value":
                w.trigger_value = True
            else:
                w.json_trigger_value = json.dumps(value)
        t = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        await self._until_finished()
        return time.perf_counter() - t

    async def _until_finished(self) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        texts: list[str] = []
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), self.timeout)
            f = ForwardMsg()
            f.ParseFromString(raw)
            kind = f.WhichOneof("type")
            if kind == "new_session":
                self.page = f.new_session.page_script_hash
                self._pages(f.new_session.app_pages)
            elif kind == "navigation":
                self.page = f.navigation.page_script_hash
                self._pages(f.navigation.app_pages)
            elif kind == "delta" and f.delta.WhichOneof("type") == "new_element":
                self._element(f.delta.new_element, f.delta.fragment_id, texts)
            elif kind == "delta" and f.delta.WhichOneof("type") == "add_block":
                block = f.delta.add_block
                if block.WhichOneof("type") == "tab_container" and block.tab_container.id:
                    self._widget(block.tab_container.id, f.delta.fragment_id)
            elif kind == "script_finished" and f.script_finished != _EARLY_FOR_RERUN:
                self.texts = texts
                return

    def _pages(self, pages: Any) -> None:
        for p in pages:
            self.pages[p.page_name] = p.page_script_hash
            self.pages[p.url_pathname] = p.page_script_hash

    def _element(self, e: Any, fragment: str, texts: list[str]) -> None:
        kind = e.WhichOneof("type")
        sub = getattr(e, kind)
        if kind in ("heading", "markdown"):
            texts.append(sub.body)
            return
        wid = getattr(sub, "id", "")
        if isinstance(wid, str) and wid:
            w = self._widget(wid, fragment)
            if kind == "bidi_component" and sub.json:
                w.payload = json.loads(sub.json)
            elif kind in ("multiselect", "selectbox"):
                w.payload = {"options": list(sub.options)}

    def _widget(self, wid: str, fragment: str) -> Widget:
        key = wid.split("-", 2)[2] if wid.startswith("$$ID-") and wid.count("-") >= 2 else wid
        w = self.widgets[key] = Widget(wid, fragment)
        return w


def component_event(widget: Widget) -> str:
    """The widget id under which a component's events (its triggers) travel."""
    return f"$$STREAMLIT_INTERNAL_KEY_{widget.id}__events"
