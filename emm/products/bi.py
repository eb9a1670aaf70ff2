"""Information requests (BI, covenant art. 3) and their answers, kept ten years (art. 7.5).

The reason the covenant gives for keeping them is reuse: before answering, an analyst sees
whether a similar question was asked before and what the answer was (:func:`similar`).
"""

from __future__ import annotations

import math
import re
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, LiteralString

from emm.graph.schema import PARTIES
from emm.graph.store import GraphStore
from emm.products.errors import ProductInputError
from emm.products.register import Product, ProductRegister
from emm.values.name import name_key

REGISTER: LiteralString = "CREATE (r:InfoRequest) SET r = $props"
ANSWER: LiteralString = (
    "MATCH (r:InfoRequest {request_id: $request_id}) "
    "SET r.answer = $answer, r.answered_at = $at, r.answered_by = $by, r.product_id = $product_id"
)
GET: LiteralString = "MATCH (r:InfoRequest {request_id: $request_id}) RETURN properties(r) AS r"
ALL: LiteralString = (
    "MATCH (r:InfoRequest) RETURN properties(r) AS r ORDER BY r.registered_at DESC LIMIT $limit"
)

# Words that say nothing about what a question is about (Dutch and English).
STOPWORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "van",
        "in",
        "op",
        "te",
        "is",
        "dat",
        "die",
        "voor",
        "met",
        "zijn",
        "er",
        "aan",
        "als",
        "bij",
        "of",
        "om",
        "ook",
        "door",
        "naar",
        "wat",
        "wie",
        "welke",
        "hoe",
        "worden",
        "wordt",
        "zijn",
        "kan",
        "over",
        "uit",
        "the",
        "a",
        "an",
        "and",
        "of",
        "in",
        "on",
        "to",
        "is",
        "that",
        "for",
        "with",
        "are",
        "be",
        "by",
        "or",
        "as",
        "at",
        "from",
        "what",
        "which",
        "who",
        "how",
    ]
)


@dataclass(frozen=True)
class InfoRequest:
    request_id: str
    requester: str
    question: str
    registered_at: str
    registered_by: str
    case_ref: str = ""
    answer: str | None = None
    answered_at: str | None = None
    answered_by: str | None = None
    product_id: str | None = None


def _words(text: str) -> Counter[str]:
    return Counter(w for w in re.findall(r"[a-z0-9]{2,}", name_key(text)) if w not in STOPWORDS)


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    common = set(a) & set(b)
    num = sum(a[w] * b[w] for w in common)
    den = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return num / den if den else 0.0


def register(
    store: GraphStore, *, requester: str, question: str, by: str, case_ref: str = ""
) -> InfoRequest:
    if requester not in PARTIES:
        raise ProductInputError(f"a BI is requested by a party ({', '.join(PARTIES)})")
    if not question.strip():
        raise ProductInputError("the question is empty")
    now = datetime.now(UTC)
    req = InfoRequest(
        f"BI-{now:%Y%m%d}-{uuid.uuid4().hex[:6]}",
        requester,
        question.strip(),
        now.isoformat(timespec="seconds"),
        by,
        case_ref,
    )
    store.write(REGISTER, props={k: v for k, v in req.__dict__.items() if v is not None})
    return req


def get(store: GraphStore, request_id: str) -> InfoRequest | None:
    rows = store.read(GET, request_id=request_id)
    return InfoRequest(**rows[0]["r"]) if rows else None


def all_requests(store: GraphStore, *, limit: int = 200) -> list[InfoRequest]:
    return [InfoRequest(**r["r"]) for r in store.read(ALL, limit=limit)]


def similar(
    store: GraphStore,
    question: str,
    *,
    top: int = 5,
    minimum: float = 0.2,
    exclude: str | None = None,
) -> list[tuple[float, InfoRequest]]:
    """Earlier requests most like ``question`` (cosine over content words), best first."""
    q = _words(question)
    scored = [
        (_cosine(q, _words(r.question)), r)
        for r in all_requests(store, limit=5000)
        if r.request_id != exclude
    ]
    return sorted([s for s in scored if s[0] >= minimum], key=lambda s: -s[0])[:top]


def answer(
    store: GraphStore,
    request_id: str,
    *,
    text: str,
    by: str,
    entity_uids: list[str] | None = None,
    parties: list[str] | None = None,
    legal_bases: list[str] | None = None,
) -> InfoRequest:
    """Answer a request: registered as a BI product and disclosed to the requesting party."""
    req = get(store, request_id)
    if req is None:
        raise ProductInputError(f"no information request {request_id!r}")
    if req.answered_at:
        raise ProductInputError(f"{request_id} was answered already ({req.product_id})")
    if not text.strip():
        raise ProductInputError("the answer is empty")
    if entity_uids and (not parties or not legal_bases):
        raise ProductInputError(
            "an answer names the parties and legal bases of the facts it passes on "
            "(covenant art. 6.3, 10.2)"
        )
    reg = ProductRegister(store)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    product_id = reg.new_id("BI")
    reg.register(
        Product(
            product_id=product_id,
            type="BI",
            version=1,
            title=f"Answer to {request_id}",
            created_by=by,
            created_at=now,
            subject=f"information request {request_id} of {req.requester}",
            parties=sorted(parties or []),
            legal_bases=sorted(legal_bases or []),
            personal_data=True,
            entity_uids=sorted(entity_uids or []),
        )
    )
    reg.record_disclosure(
        product_id, recipient=req.requester, by=by, basis="covenant art. 3 (BI)", purpose=request_id
    )
    store.write(
        ANSWER, request_id=request_id, answer=text.strip(), at=now, by=by, product_id=product_id
    )
    answered = get(store, request_id)
    assert answered is not None
    return answered


def as_row(req: InfoRequest) -> dict[str, Any]:
    return {
        "request": req.request_id,
        "from": req.requester,
        "registered": req.registered_at,
        "question": req.question,
        "answered": req.answered_at or "",
        "answer": req.answer or "",
    }
