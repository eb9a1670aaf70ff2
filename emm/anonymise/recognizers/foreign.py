"""Foreign licence plates and obfuscated e-mail addresses."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from emm.anonymise.recognizers.base import DutchPatternRecognizer

__all__ = ["ForeignPlateRecognizer", "ObfuscatedEmailRecognizer"]


class ForeignPlateRecognizer(DutchPatternRecognizer):
    """Plates of the countries EMM cases touch, case-sensitive.

    Distinctive shapes score on their own: German ``B-AB 1234`` / ``WES-K 408``, Belgian
    ``1-ABC-234``, French ``AB-123-CD``, Irish ``191-D-12345``. Shapes that any code could
    have (Polish ``WX 12345``, Romanian ``TM 44 KRS``, Bulgarian ``CA 1234 AB``, Lithuanian
    ``ABC 123``, British ``AB12 CDE``) need a word such as "kenteken" or "plate" nearby.
    """

    ENTITY = "FOREIGN_PLATE"
    FLAGS = re.DOTALL | re.MULTILINE
    _L = r"(?<![\w-])"
    _R = r"(?![\w-])"
    PATTERNS = [
        Pattern("DE", _L + r"[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} ?\d{1,4}[EH]?" + _R, 0.55),
        Pattern("BE", _L + r"[1-9]-[A-Z]{3}-\d{3}" + _R, 0.6),
        Pattern("FR/IT", _L + r"[A-Z]{2}-\d{3}-[A-Z]{2}" + _R, 0.6),
        Pattern("IE", _L + r"\d{2,3}-[A-Z]{1,2}-\d{1,6}" + _R, 0.5),
        Pattern("RO", _L + r"[A-Z]{1,2} ?\d{2,3} ?[A-Z]{3}" + _R, 0.3),
        Pattern("BG/AL", _L + r"[A-Z]{1,2} ?\d{3,4} ?[A-Z]{2}" + _R, 0.3),
        Pattern("PL", _L + r"[A-Z]{2,3} ?[0-9][0-9A-Z]{3,4}" + _R, 0.2),
        Pattern("LT", _L + r"[A-Z]{3} ?\d{3}" + _R, 0.15),
        Pattern("UK", _L + r"[A-Z]{2}\d{2} ?[A-Z]{3}" + _R, 0.3),
    ]
    CONTEXT = [
        "kenteken", "kentekenplaat", "nummerplaat", "plaat", "plate", "registration", "auto",
        "voertuig", "bus", "busje", "vrachtwagen", "truck", "car", "van", "vehicle", "duitse",
        "poolse", "roemeense", "bulgaarse", "litouwse", "belgische", "german", "polish",
        "romanian", "bulgarian", "lithuanian", "albanian", "albanese", "irish", "ierse",
    ]  # fmt: skip


class ObfuscatedEmailRecognizer(DutchPatternRecognizer):
    """E-mail addresses written to dodge filters: ``naam[at]hotmail.nl``, ``naam (at) gmail
    dot com``, ``laura.x.vip at gmail punt com``, ``naam apenstaartje hotmail.nl``."""

    ENTITY = "EMAIL_ADDRESS"
    _AT = r"\s*(?:\[\s*at\s*\]|\(\s*at\s*\)|\{\s*at\s*\}|\s(?:at|apenstaartje|bij)\s)\s*"
    _DOT = r"(?:\s*(?:\[\s*(?:dot|punt)\s*\]|\(\s*(?:dot|punt)\s*\)|\s(?:dot|punt)\s)\s*|\.)"
    PATTERNS = [
        Pattern(
            "obfuscated e-mail",
            r"(?<![\w.])[\w.+-]+"
            + _AT
            + r"[\w-]+(?:"
            + _DOT
            + r"[\w-]+)*"
            + _DOT
            + r"(?:nl|com|net|org|be|de|eu|ro|bg|pl|info|co|uk|fr|ru|ua)(?![\w])",
            0.7,
        ),
    ]
    CONTEXT = ["mail", "e-mail", "email", "mailadres", "e-mailadres"]
