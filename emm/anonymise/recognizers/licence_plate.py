"""Dutch licence plates (kentekens) in the RDW side codes 1 to 14."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from emm.anonymise.recognizers.base import DutchPatternRecognizer
from emm.values.plate import SIDE_CODES as PLATE_SIDE_CODES

__all__ = ["SIDECODES", "LicencePlateRecognizer", "sidecode_of"]

#: RDW side codes of Dutch plates (X = letter, 9 = digit): the ingest normaliser's table.
SIDECODES: dict[int, str] = dict(PLATE_SIDE_CODES)


def _regex(shape: str, dashes: bool) -> str:
    parts = []
    for group in shape.split("-"):
        parts.append("".join("[A-Z]" if c == "X" else r"\d" for c in group))
    return ("-" if dashes else "").join(parts)


def sidecode_of(plate: str) -> int | None:
    """The side code of ``plate`` (with or without dashes, any case), or None."""
    value = plate.strip().upper()
    for code, shape in SIDECODES.items():
        if re.fullmatch(_regex(shape, "-" in value), value):
            return code
    return None


_BOUND_L = r"(?<![\w-])"
_BOUND_R = r"(?![\w]|-\w)"


class LicencePlateRecognizer(DutchPatternRecognizer):
    """Recognise a Dutch plate: ``12-ABC-3``, ``AB-12-CD``, also ``12ABC3`` (weaker).

    Upper-case only (case-sensitive flags). Without dashes the shape is less convincing
    (a postcode "1234AB" has side code 2's shape; the postcode recogniser scores higher) and
    a context word ("kenteken", "auto", ...) adds to the score.
    """

    ENTITY = "NL_LICENCE_PLATE"
    FLAGS = re.DOTALL | re.MULTILINE

    PATTERNS = [
        Pattern(
            "Plate (side code, dashes)",
            _BOUND_L
            + "(?:"
            + "|".join(_regex(s, True) for s in SIDECODES.values())
            + ")"
            + _BOUND_R,
            0.6,
        ),
        Pattern(
            "Plate (side code, no dashes)",
            _BOUND_L
            + r"(?=[A-Z0-9]{6}(?![\w-]))(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])(?:"
            + "|".join(_regex(s, False) for s in SIDECODES.values())
            + ")"
            + _BOUND_R,
            0.4,
        ),
        # lower case with dashes ("vk-902-r"): the side-code shape with dashes is distinctive
        Pattern(
            "Plate (side code, dashes, lower case)",
            _BOUND_L
            + "(?:"
            + "|".join(_regex(s, True).replace("[A-Z]", "[a-z]") for s in SIDECODES.values())
            + ")"
            + _BOUND_R,
            0.45,
        ),
    ]

    CONTEXT = [
        "kenteken",
        "kentekens",
        "kentekenplaat",
        "voertuig",
        "auto",
        "personenauto",
        "bestelbus",
        "busje",
        "vrachtwagen",
        "rijdend",
        "plate",
        "licence",
        "license",
        "registration",
        "vehicle",
        "car",
    ]
