"""Preparing the demo: the database, generated deliveries and their ingest, idempotently.

Used by ``emm demo`` and ``emm app`` (the README's first command), so a newcomer gets a working
graph with one command and a second run does no work twice.
"""

from __future__ import annotations

from collections.abc import Iterator

from emm.settings import Settings


def prepare_demo(settings: Settings, *, seed: int = 1, size: str = "demo") -> Iterator[str]:
    from emm.graph.connect import open_store
    from emm.synth import generate

    store = open_store(settings)
    yield f"database ready at {settings.uri} ({settings.neo4j_database})"
    store.ensure_schema()
    target = settings.data_dir / "generated" / f"{size}-{seed}"
    if not (target / "ground_truth.json").exists():
        yield f"generating synthetic deliveries ({size}, seed {seed}) in {target}"
        generate(target, seed=seed, size=size)
    from emm.access.policy import Principal
    from emm.access.session import ensure_demo_users, guarded

    # The demo's own work is done by a system principal, recorded as such in the audit trail.
    system = guarded(store, settings, Principal("system", "senior_analyst", "POL", "demo setup"))
    result = system.ingest(target / "deliveries", batch_size=settings.batch_size)
    done = [r for r in result.reports if r.status == "complete"]
    skipped = len(result.reports) - len(done)
    yield (
        f"ingested {len(done)} deliveries ({sum(r.loaded for r in done)} rows loaded, "
        f"{sum(r.quarantined for r in done)} quarantined); {skipped} already loaded"
    )
    # The whole-graph analysis the home page shows: one run per access scope of the roles.
    if done or system.analysis.latest() is None:
        for role in ("senior_analyst", "analyst"):
            run = system.analysis.run(for_role=role)
            yield (
                f"analysed for {role}s: {run.stats['networks']} networks, "
                f"{run.stats['indicator_hits']} indicator hits"
            )

    from emm.anonymise import get_engine

    yield "preparing the de-identification engine (the first time takes a few minutes)"
    get_engine()  # builds deduce's lookup cache once, so the app's export gate starts fast
    created = ensure_demo_users(settings)
    if created:
        yield f"demo users created; their passwords are in {created}"
    store.close()
