"""The export gate: the ONLY function that writes QS, TIB, SIB and NCP answers.

:func:`export` checks every free-text field, every table and then every rendered file with
:class:`emm.anonymise.gate.Gate` (the shape check, independent of the recognisers, and every
value the graph knows), checks disclosure control of every table again, and refuses if anything
remains that no analyst approved. Only then does it write the files, register the product
and log the disclosure, with every approval (term, who, why) in the disclosure record.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

from emm.anonymise.gate import Approval, Gate, GateFinding
from emm.graph.schema import PARTIES
from emm.products.trends.checks import table_problems
from emm.products.trends.model import ExportBlocked, TrendDraft
from emm.products.trends.rendering import render

if TYPE_CHECKING:  # the guard imports the products, so only an annotation here
    from emm.access.guarded import GuardedStore

__all__ = ["approvals_text", "export", "gate_for", "rendered_texts"]


def gate_for(guarded: GuardedStore) -> Gate:
    """The principal's export gate: its known values are read inside it, audited."""
    gate: Gate = guarded.export_gate()
    return gate


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def rendered_texts(files: dict[str, bytes]) -> dict[str, str]:
    """The text of every rendered file the gate scans (HTML as its text, JSON, CSV)."""
    parser = _Text()
    parser.feed(files["product.html"].decode())
    out = {
        "product.html (text)": "\n".join(parser.parts),
        "product.json": files["product.json"].decode(),
    }
    out.update(
        {name: data.decode("utf-8-sig") for name, data in files.items() if name.endswith(".csv")}
    )
    return out


def approvals_text(user: str, used: Sequence[Approval]) -> str:
    """How the approvals are written into the disclosure record."""
    if not used:
        return ""
    return "; approved by " + user + ": " + "; ".join(f"'{a.term}' ({a.why})" for a in used)


def export(
    guarded: GuardedStore,
    draft: TrendDraft,
    *,
    recipient: str,
    out_dir: Path,
    purpose: str = "",
    gate: Gate | None = None,
    approvals: Sequence[Approval] = (),
    known: Any = None,
) -> tuple[str, list[Path]]:
    """The export gate: check everything, then write, register and log; or refuse.

    :param gate: the text checks (default :func:`gate_for`); tests pass one with a fake
        ``load_known``.
    :param approvals: terms an analyst approved for this product, each with a reason.
    :param known: deprecated, ignored (known values come only through the gate's loader).
    :raises ExportBlocked: listing every problem with where it is and, for the analyst, the
        matched text in its context.
    """
    from emm.products.register import Product

    action = "export_foreign" if draft.kind == "NCP" else "export_trend"
    guarded.require(action)
    if draft.kind != "NCP" and recipient not in PARTIES:
        raise ExportBlocked(
            [
                {
                    "where": "recipient",
                    "what": f"a {draft.kind} goes to a party "
                    f"({', '.join(PARTIES)}); answers abroad are NCP answers",
                }
            ]
        )
    gate = gate if gate is not None else gate_for(guarded)
    problems: list[dict[str, Any]] = []
    findings: list[GateFinding] = []
    for name, text in draft.texts().items():
        findings += gate.check(name, text, language=draft.language)
    for i, t in enumerate(draft.tables, start=1):
        where = f"table {i} ({t.title})"
        if not t.protected:
            problems.append({"where": where, "what": "disclosure control was not applied"})
        problems += [{"where": where, "what": p} for p in table_problems(t, draft.min_count)]
        labels = "\n".join([*map(str, t.table.index), *map(str, t.table.columns)])
        findings += gate.check(f"table {i} labels", labels, language=draft.language, scope="labels")
    remaining, used = Gate.apply_approvals(findings, approvals)
    product_id, _ = guarded.products.new_version(draft.kind)
    files: dict[str, bytes] = {}
    if not problems and not remaining:
        files = render(draft, product_id)
        rendered: list[GateFinding] = []
        for name, text in rendered_texts(files).items():
            rendered += gate.check(name, text, language=draft.language, scope="rendered")
        remaining, used_rendered = Gate.apply_approvals(rendered, approvals)
        used += [a for a in used_rendered if a not in used]
    if problems or remaining:
        guarded.products.refused(
            product_id, action=action, problems=len(problems) + len(remaining), kind=draft.kind
        )
        raise ExportBlocked(problems + [f.problem() for f in remaining])
    folder = out_dir / product_id
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in files.items():
        path = folder / name
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        paths.append(path)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    guarded.products.register(
        Product(
            product_id=product_id,
            type=draft.kind,
            version=1,
            title=draft.title,
            created_by=guarded.principal.user,
            created_at=now,
            subject=draft.phenomenon or "all phenomena",
            parties=draft.parties,
            legal_bases=draft.legal_bases,
            personal_data=False,
            files=[str(p) for p in paths],
        )
    )
    guarded.products.disclose(
        product_id,
        recipient=recipient,
        basis=f"covenant art. 3 ({draft.kind})" + approvals_text(guarded.principal.user, used),
        purpose=purpose or guarded.principal.purpose or f"{draft.kind} {product_id}",
        action=action,
        approvals=len(used),
    )
    return product_id, paths
