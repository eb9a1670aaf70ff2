"""Synthetic EMM data: seeded deliveries from the five parties plus a ground truth.

Nothing here describes a real person: names are random combinations of common names, and every
identifier (BSN, IBAN, plate, phone) is generated to be valid but random. See
:func:`emm.synth.generation.generate` and ``docs/delivery-format.md``.
"""

from emm.synth.generation import SIZES, GenerationSummary, generate

__all__ = ["SIZES", "GenerationSummary", "generate"]
