"""E-mail addresses, with the domain check done offline."""

from __future__ import annotations

from pathlib import Path

import tldextract
from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import EmailRecognizer as _PresidioEmail

__all__ = ["EmailRecognizer"]


class EmailRecognizer(_PresidioEmail):
    """Presidio's e-mail recogniser whose domain check never touches the network.

    Presidio validates the domain with ``tldextract.extract``, which downloads the public
    suffix list on first use. Here the extractor is built with no suffix-list URLs, so it uses
    the snapshot bundled with tldextract; its parsed copy is cached in ``cache_dir`` (or not
    at all when ``cache_dir`` is None).
    """

    CONTEXT = ["email", "e-mail", "mail", "mailadres", "e-mailadres"]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "EMAIL_ADDRESS",
        name: str | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        super().__init__(
            patterns=patterns,
            context=context if context else list(self.CONTEXT),
            supported_language=supported_language,
            supported_entity=supported_entity,
            name=name,
        )
        self._extract = tldextract.TLDExtract(
            cache_dir=str(cache_dir) if cache_dir is not None else None,
            suffix_list_urls=(),
            fallback_to_snapshot=True,
        )

    def validate_result(self, pattern_text: str) -> bool:
        return self._extract(pattern_text).fqdn != ""
