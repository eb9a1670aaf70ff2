"""Preparing the demo: the database, generated deliveries and their ingest, idempotently.

Used by ``emm demo`` and ``emm app`` (the README's first command), so a newcomer gets a working
graph with one command and a second run does no work twice.
"""

from __future__ import annotations

from collections.abc import Iterator

from emm.settings import Settings


def prepare_demo(settings: Settings, *, seed: int = 1, size: str = "demo") -> Iterator[str]:
    from emm.graph.connect import open_store
    from emm.ingest.pipeline import ingest_folder
    from emm.synth import generate

    store = open_store(settings)
    yield f"database ready at {settings.uri} ({settings.neo4j_database})"
    store.ensure_schema()
    target = settings.data_dir / "generated" / f"{size}-{seed}"
    if not (target / "ground_truth.json").exists():
        yield f"generating synthetic deliveries ({size}, seed {seed}) in {target}"
        generate(target, seed=seed, size=size)
    reports = ingest_folder(
        target / "deliveries", store, out_dir=settings.data_dir, batch_size=settings.batch_size
    )
    from emm.access.session import audit_log

    log = audit_log(settings)
    for r in reports:
        log.append(
            user="system",
            role="senior_analyst",
            action="ingest",
            purpose="demo setup",
            result_size=r.loaded,
            parties=[r.party],
            detail={"delivery_id": r.delivery_id, "status": r.status, "demo": True},
        )
    done = [r for r in reports if r.status == "complete"]
    skipped = len(reports) - len(done)
    yield (
        f"ingested {len(done)} deliveries ({sum(r.loaded for r in done)} rows loaded, "
        f"{sum(r.quarantined for r in done)} quarantined); {skipped} already loaded"
    )
    from emm.access.policy import Principal, load_policy
    from emm.access.session import ensure_demo_users, guarded
    from emm.graph.model import EdgeFilter
    from emm.graph.runs import analyse, latest_for, save

    # The whole-graph analysis the home page shows: one run per access scope of the roles.
    system = guarded(store, settings, Principal("system", "senior_analyst", "POL", "demo setup"))
    if done or latest_for(system, settings.data_dir) is None:
        for role in ("senior_analyst", "analyst"):
            bases = load_policy().roles[role].legal_bases
            run = analyse(system, flt=EdgeFilter(legal_bases=bases))
            save(run, settings.data_dir)
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
    store.driver.close()
