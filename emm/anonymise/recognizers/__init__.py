"""Presidio recognisers for Dutch (and English) identifiers, one small class each."""

from __future__ import annotations

from pathlib import Path

from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import IbanRecognizer

from emm.anonymise.recognizers.address import AddressRecognizer
from emm.anonymise.recognizers.bsn import BsnRecognizer, is_valid_bsn
from emm.anonymise.recognizers.cued import CuedIdentifierRecognizer
from emm.anonymise.recognizers.dates import BirthDateRecognizer, DateRecognizer
from emm.anonymise.recognizers.deduce_recognizer import DeduceRecognizer
from emm.anonymise.recognizers.devices import ImeiRecognizer, VinRecognizer
from emm.anonymise.recognizers.document_number import DocumentNumberRecognizer
from emm.anonymise.recognizers.email import EmailRecognizer
from emm.anonymise.recognizers.foreign import ForeignPlateRecognizer, ObfuscatedEmailRecognizer
from emm.anonymise.recognizers.intl_phone import IntlPhoneRecognizer
from emm.anonymise.recognizers.kvk import KvkRecognizer
from emm.anonymise.recognizers.licence_plate import LicencePlateRecognizer, sidecode_of
from emm.anonymise.recognizers.lower_name import LowerCaseNameRecognizer
from emm.anonymise.recognizers.network import HandleRecognizer, IpRecognizer, UrlRecognizer
from emm.anonymise.recognizers.phone import PhoneRecognizer
from emm.anonymise.recognizers.postcode import PostcodeRecognizer
from emm.anonymise.recognizers.proper_name import ProperNameRecognizer
from emm.anonymise.recognizers.v_number import VNumberRecognizer

__all__ = [
    "AddressRecognizer",
    "BirthDateRecognizer",
    "BsnRecognizer",
    "CuedIdentifierRecognizer",
    "DateRecognizer",
    "DeduceRecognizer",
    "DocumentNumberRecognizer",
    "EmailRecognizer",
    "ForeignPlateRecognizer",
    "HandleRecognizer",
    "ImeiRecognizer",
    "IntlPhoneRecognizer",
    "IpRecognizer",
    "KvkRecognizer",
    "LicencePlateRecognizer",
    "LowerCaseNameRecognizer",
    "ObfuscatedEmailRecognizer",
    "PhoneRecognizer",
    "PostcodeRecognizer",
    "ProperNameRecognizer",
    "UrlRecognizer",
    "VNumberRecognizer",
    "VinRecognizer",
    "is_valid_bsn",
    "pattern_recognizers",
    "sidecode_of",
]


def pattern_recognizers(language: str, cache_dir: Path | None = None) -> list[EntityRecognizer]:
    """The pattern and checksum recognisers for ``language`` (no deduce, no name heuristic)."""
    return [
        BsnRecognizer(supported_language=language),
        PostcodeRecognizer(supported_language=language),
        AddressRecognizer(supported_language=language),
        LicencePlateRecognizer(supported_language=language),
        VNumberRecognizer(supported_language=language),
        DocumentNumberRecognizer(supported_language=language),
        DateRecognizer(supported_language=language),
        BirthDateRecognizer(supported_language=language),
        KvkRecognizer(supported_language=language),
        EmailRecognizer(supported_language=language, cache_dir=cache_dir),
        PhoneRecognizer(supported_language=language),
        IbanRecognizer(supported_language=language),
        IntlPhoneRecognizer(supported_language=language),
        IpRecognizer(supported_language=language),
        HandleRecognizer(supported_language=language),
        UrlRecognizer(supported_language=language),
        ImeiRecognizer(supported_language=language),
        VinRecognizer(supported_language=language),
        ForeignPlateRecognizer(supported_language=language),
        ObfuscatedEmailRecognizer(supported_language=language),
        CuedIdentifierRecognizer(supported_language=language),
    ]
