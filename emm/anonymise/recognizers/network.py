"""IP addresses, social-media handles and personal web addresses."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from emm.anonymise.lexicon import load_word_list
from emm.anonymise.recognizers.base import DutchPatternRecognizer

__all__ = ["HandleRecognizer", "IpRecognizer", "UrlRecognizer", "is_public_url"]

#: Web sites of public bodies and large platforms: a link to them points at no person.
PUBLIC_DOMAINS = load_word_list("public_domains")
_HOST = re.compile(r"(?:https?://)?(?:www\.)?([^/\s?#]+)", re.IGNORECASE)


def is_public_url(value: str) -> bool:
    """Whether ``value`` is only the home page of a public body or platform."""
    m = _HOST.match(value.strip())
    if not m:
        return False
    host = m.group(1).lower().rstrip(".")
    rest = value.strip()[m.end() :].strip("/")
    public = host in PUBLIC_DOMAINS or any(host.endswith("." + d) for d in PUBLIC_DOMAINS)
    return public and not rest


class IpRecognizer(DutchPatternRecognizer):
    """IPv4 (each part 0-255) and IPv6 addresses, also inside log lines or with a port."""

    ENTITY = "IP_ADDRESS"
    PATTERNS = [
        Pattern(
            "IPv4",
            r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d]|\.\d)",
            0.7,
        ),
        Pattern(
            "IPv6",
            r"(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])"
            r"|(?<![\w:])(?:[0-9a-f]{1,4}:){1,6}(?::[0-9a-f]{1,4}){1,6}(?![\w:])"
            r"|(?<![\w:])(?:[0-9a-f]{1,4}:){1,7}:(?![\w:])",
            0.7,
        ),
    ]
    CONTEXT = ["ip", "ip-adres", "ipadres", "address", "log", "inlog", "login"]


class HandleRecognizer(DutchPatternRecognizer):
    """Social-media handles: ``@name``, profile links (``instagram.com/x``, ``t.me/x``,
    ``tiktok.com/@x``, ``wa.me/31...``), words with an underscore (``lola_xo_99``), and
    dotted account names (``omar.y.2006``) next to a platform word."""

    ENTITY = "SOCIAL_HANDLE"
    PATTERNS = [
        Pattern("@handle", r"(?<![\w@.])@[\p{L}\d_](?:[\p{L}\d_.]*[\p{L}\d_])?", 0.7),
        Pattern(
            "profile link",
            r"(?<![\w.])(?:https?://)?(?:www\.|m\.)?(?:instagram\.com|facebook\.com|fb\.com|"
            r"tiktok\.com|t\.me|telegram\.me|wa\.me|snapchat\.com|x\.com|twitter\.com|vk\.com|"
            r"onlyfans\.com|linkedin\.com/in)/[^\s,;)\"']*[^\s,;)\"'.]",
            0.8,
        ),
        Pattern("underscore name", r"(?<![\w@.])[\p{L}\d]+(?:_[\p{L}\d]+)+(?![\w])", 0.55),
        Pattern(
            "dotted account name (needs context)",
            r"(?<![\w@./])(?=[\p{L}\d.]*\d|[\p{L}.]*\.[\p{L}]+\.)\p{Ll}[\p{Ll}\d]*(?:\.[\p{Ll}\d]+)+(?![\w@]|\.\w)",
            0.2,
        ),
    ]
    CONTEXT = [
        "instagram", "insta", "snapchat", "snap", "tiktok", "telegram", "facebook", "account",
        "profiel", "profile", "gebruikersnaam", "username", "handle", "naam", "wechat", "signal",
        "kik", "discord", "twitter",
    ]  # fmt: skip


class UrlRecognizer(DutchPatternRecognizer):
    """Personal web addresses: ad pages, listings, link-in-bio pages, personal sites.

    The home pages of public bodies and platforms (``www.politie.nl``) are not reported.
    """

    ENTITY = "URL"
    PATTERNS = [
        Pattern(
            "http(s) or www", r"(?<![\w@])(?:https?://|www\.)[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]", 0.6
        ),
        Pattern(
            "domain with a path",
            r"(?<![\w@./])[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:nl|com|net|org|be|de|eu|ee|info|io|"
            r"me|ru|ro|bg|pl|uk|fr|example|site|online|shop|xyz|app|ly|gl|to|co)/[^\s<>\"')\]]*"
            r"[^\s<>\"')\].,;:!?]",
            0.6,
        ),
        Pattern(
            "bare domain",
            r"(?<![\w@./-])[\p{L}\d][\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:nl|com|net|be|de|info|ro|bg|pl)"
            r"(?![\w.@]|\.\w)",
            0.45,
        ),
    ]
    CONTEXT = ["website", "site", "link", "url", "advertentie", "advert", "pagina", "page"]

    def validate_result(self, pattern_text: str) -> bool | None:
        return False if is_public_url(pattern_text) else None
