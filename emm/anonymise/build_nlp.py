"""Build the small offline spaCy pipelines that Presidio uses for Dutch and English.

There is no Dutch statistical spaCy model on PyPI, and nothing may be downloaded at run time.
Presidio only needs tokens and lemmas (its context words are compared with lemmas), so a blank
pipeline with a *lookup* lemmatizer is enough. The lemma tables come from ``spacy-lookups-data``
(98 MB), which is needed only to run this script; the saved folders (``nlp_nl``: ~4.4 MB,
``nlp_en``: ~0.8 MB) are committed into the package and load without it.

Recreate them with::

    .venv/bin/pip install spacy-lookups-data
    .venv/bin/python -m emm.anonymise.build_nlp

"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

__all__ = ["LANGUAGES", "PIPELINE_DIR", "build_pipeline", "main", "pipeline_path"]

#: Languages for which a pipeline is built.
LANGUAGES: tuple[str, ...] = ("nl", "en")

#: Folder that holds the saved pipelines (``nlp_<lang>``).
PIPELINE_DIR = Path(__file__).resolve().parent


def pipeline_path(language: str, base_dir: Path | None = None) -> Path:
    """Where the saved pipeline for ``language`` lives."""
    return (base_dir or PIPELINE_DIR) / f"nlp_{language}"


def build_pipeline(language: str, target: Path) -> Path:
    """Build ``spacy.blank(language)`` with a lookup lemmatizer and save it to ``target``.

    Needs ``spacy-lookups-data`` installed (only here, not at run time).
    """
    import spacy

    try:
        import spacy_lookups_data  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError(
            "Building the pipelines needs spacy-lookups-data: "
            "`.venv/bin/pip install spacy-lookups-data`"
        ) from exc

    nlp = spacy.blank(language)
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    target.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=PIPELINE_DIR, help="target folder")
    parser.add_argument("languages", nargs="*", default=list(LANGUAGES))
    args = parser.parse_args(argv)
    for language in args.languages:
        path = build_pipeline(language, pipeline_path(language, args.out))
        print(f"saved {language} pipeline to {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
