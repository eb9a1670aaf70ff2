"""Attack: user input that reaches a file path (``oib create --revise "../x"``).

Product ids and revisions are validated identifiers (one regex, in
:mod:`emm.products.register`); a revision must name a product that exists.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from emm.access import Principal
from emm.access.guarded import GuardedStore
from emm.audit import AuditLog
from emm.ingest.pipeline import ingest_folder
from emm.products.oib import make_oib
from emm.products.register import RegisterError, validate_product_id

pytestmark = pytest.mark.db
DELIVERIES = Path(__file__).parents[1] / "fixtures" / "deliveries"


@pytest.mark.parametrize(
    "value, ok",
    [
        ("OIB-20261128-0001", True),
        ("BI-20260101-9999", True),
        ("NCP-20261128-0012", True),
        ("../x", False),
        ("../../users", False),
        ("OIB-20261128-0001/../../x", False),
        ("/etc/passwd", False),
        ("OIB-20261128-0001\n", False),
        ("OIB-2026112-0001", False),
        ("XYZ-20261128-0001", False),
        ("", False),
        ("oib-20261128-0001", False),
    ],
)
def test_product_ids_are_validated_identifiers(value, ok):
    if ok:
        assert validate_product_id(value) == value
    else:
        with pytest.raises(RegisterError, match="product id"):
            validate_product_id(value)


@pytest.fixture
def senior(store, out_dir, tmp_path):
    ingest_folder(DELIVERIES, store, out_dir=out_dir)
    return GuardedStore(
        store,
        Principal("sen", "senior_analyst", "POL", "t"),
        AuditLog(tmp_path / "a.jsonl"),
        out_dir,
    )


@pytest.mark.parametrize("revise", ["../x", "../../var/users", "OIB-20991231-0001"])
def test_when_revise_is_a_path_or_unknown_then_nothing_is_written(senior, tmp_path, revise):
    [jan] = senior.find("111222333")
    products = tmp_path / "data" / "products"
    with pytest.raises(RegisterError):
        make_oib(senior, [jan.uid], out_dir=products, created_by="sen", revise=revise)
    data = tmp_path / "data"
    written = [p for p in data.rglob("*") if p.suffix in (".json", ".html", ".pdf")]
    assert written == []


def test_a_revision_of_an_existing_product_is_its_next_version(senior, tmp_path):
    [jan] = senior.find("111222333")
    products = tmp_path / "products"
    doc, _ = make_oib(senior, [jan.uid], out_dir=products, created_by="sen")
    again, files = make_oib(
        senior, [jan.uid], out_dir=products, created_by="sen", revise=doc.product_id
    )
    assert (again.product_id, again.version) == (doc.product_id, 2)
    assert all(f.parent == products for f in files)
    created = [e for e in AuditLog(tmp_path / "a.jsonl").entries() if e["action"] == "create_oib"]
    assert [e["detail"]["product_id"] for e in created] == [doc.product_id] * 2
    assert [e["detail"]["version"] for e in created] == [1, 2]
