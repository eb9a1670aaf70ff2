"""The Presidio analyzer for Dutch and English, built fully offline and once per process.

* NLP: the saved blank spaCy pipelines ``nlp_nl`` / ``nlp_en`` (tokens + lookup lemmas, so
  context words work); no statistical model, nothing downloaded.
* Recognisers: the Dutch pattern recognisers of :mod:`emm.anonymise.recognizers`, Presidio's
  IBAN and phone recognisers (phone with region NL), deduce for Dutch names/places/streets/
  institutions/dates, and the capitalisation-based name recogniser for names no list knows.
* Logging: deduce calls ``logging.basicConfig(level=DEBUG)`` on import, after which Presidio's
  debug lines would print raw identifiers. :func:`quiet_logging` runs first and keeps the
  Presidio, deduce and tldextract loggers at WARNING; the import itself is guarded so that
  deduce cannot install a handler or change the root level.
* Caches: deduce's lookup tables (built on first start, ~1-3 minutes, ~80 MB) and tldextract's
  parsed suffix list live under ``<cache_dir>`` (default ``$EMM_DATA_DIR/cache``).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from emm import settings as emm_settings
from emm.anonymise.build_nlp import pipeline_path

__all__ = [
    "LANGUAGES",
    "QUIET_LOGGERS",
    "Engine",
    "build_engine",
    "default_cache_dir",
    "get_engine",
    "quiet_logging",
]

LANGUAGES: tuple[str, ...] = ("nl", "en")

#: Loggers that could print raw text; kept at WARNING.
QUIET_LOGGERS: tuple[str, ...] = (
    "presidio-analyzer",
    "presidio-anonymizer",
    "presidio_analyzer",
    "presidio_anonymizer",
    "deduce",
    "docdeid",
    "tldextract",
    "filelock",
)


def quiet_logging() -> None:
    """Keep the loggers of Presidio, deduce and tldextract at WARNING."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def default_cache_dir() -> Path:
    """``$EMM_CACHE_DIR`` (default ``$EMM_DATA_DIR/cache``, i.e. ``var/cache``)."""
    return emm_settings.load().cache_dir


def _import_deduce() -> Any:
    """Import deduce without letting it reconfigure logging.

    deduce runs ``logging.basicConfig(stream=sys.stdout, level=logging.DEBUG)`` at import.
    ``basicConfig`` does nothing when the root logger already has a handler, so a temporary
    ``NullHandler`` makes it a no-op; the root level is restored afterwards regardless.
    """
    quiet_logging()
    root = logging.getLogger()
    level = root.level
    guard = logging.NullHandler()
    root.addHandler(guard)
    try:
        import deduce
    finally:
        root.removeHandler(guard)
        root.setLevel(level)
    quiet_logging()
    return deduce


@dataclass(frozen=True)
class Engine:
    """What the de-identification functions need: the analyzer and the name lexicon."""

    analyzer: Any = field(repr=False)  # presidio_analyzer.AnalyzerEngine
    lexicon: Any = field(repr=False)  # emm.anonymise.lexicon.Lexicon
    languages: tuple[str, ...]
    uses_deduce: bool


def build_engine(
    cache_dir: Path | None = None,
    *,
    languages: tuple[str, ...] = LANGUAGES,
    use_deduce: bool = True,
) -> Engine:
    """Build the analyzer (slow: loads deduce). Prefer :func:`get_engine`, which caches it.

    :param cache_dir: where deduce and tldextract keep their caches; default
        :func:`default_cache_dir`.
    :param languages: languages to support (each needs a saved pipeline ``nlp_<lang>``).
    :param use_deduce: include the deduce recogniser (Dutch name/place lists).
    """
    quiet_logging()
    cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    cache_dir.mkdir(parents=True, exist_ok=True)

    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

    from emm.anonymise.context import FastLemmaContextAwareEnhancer
    from emm.anonymise.lexicon import Lexicon
    from emm.anonymise.recognizers import (
        DeduceRecognizer,
        LowerCaseNameRecognizer,
        ProperNameRecognizer,
        pattern_recognizers,
    )

    models = []
    for language in languages:
        path = pipeline_path(language)
        if not (path / "config.cfg").exists():
            raise FileNotFoundError(
                f"No saved spaCy pipeline for {language!r} at {path}; "
                "run `python -m emm.anonymise.build_nlp`."
            )
        models.append({"lang_code": language, "model_name": str(path)})
    nlp_engine = SpacyNlpEngine(
        models=models,
        ner_model_configuration=NerModelConfiguration(labels_to_ignore=[]),
    )
    nlp_engine.load()

    from emm.anonymise.vocabulary import word_lists

    lexicon = Lexicon.from_pipelines(
        (nlp_engine.get_nlp(lang) for lang in languages), lists=word_lists(cache_dir)
    )

    deduce_instance = None
    if use_deduce:
        deduce_module = _import_deduce()
        deduce_cache = cache_dir / "deduce"
        deduce_cache.mkdir(parents=True, exist_ok=True)
        deduce_instance = deduce_module.Deduce(cache_path=deduce_cache)
        quiet_logging()

    registry = RecognizerRegistry(supported_languages=list(languages))
    tld_cache = cache_dir / "tldextract"
    for language in languages:
        for recognizer in pattern_recognizers(language, cache_dir=tld_cache):
            registry.add_recognizer(recognizer)
        registry.add_recognizer(ProperNameRecognizer(lexicon, supported_language=language))
        registry.add_recognizer(LowerCaseNameRecognizer(lexicon, supported_language=language))
        if deduce_instance is not None:
            registry.add_recognizer(
                DeduceRecognizer(deduce_instance, supported_language=language, lexicon=lexicon)
            )

    analyzer = AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=list(languages),
        context_aware_enhancer=FastLemmaContextAwareEnhancer(
            context_similarity_factor=0.35,
            min_score_with_context_similarity=0.4,
            context_prefix_count=6,
            context_suffix_count=2,
        ),
    )
    quiet_logging()
    return Engine(analyzer, lexicon, tuple(languages), deduce_instance is not None)


_ENGINES: dict[tuple[str, tuple[str, ...], bool], Engine] = {}
_LOCK = threading.Lock()


def get_engine(
    cache_dir: Path | None = None,
    *,
    languages: tuple[str, ...] = LANGUAGES,
    use_deduce: bool = True,
) -> Engine:
    """The engine for these options, built on first use and then reused (thread-safe)."""
    resolved = (Path(cache_dir) if cache_dir is not None else default_cache_dir()).resolve()
    key = (str(resolved), tuple(languages), use_deduce)
    with _LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            engine = build_engine(resolved, languages=languages, use_deduce=use_deduce)
            _ENGINES[key] = engine
        return engine
