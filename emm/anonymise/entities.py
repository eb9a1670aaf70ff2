"""The entity types the de-identification stage knows, as a table with their placeholders.

Every finding has one of these types; :func:`emm.anonymise.deidentify` replaces it by the
placeholder. Placeholders are typed but carry no identity: two different persons both become
``[PERSOON]``, so a product cannot be re-linked to the graph.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ALL_PLACEHOLDERS",
    "ENTITY_TYPES",
    "EntityType",
    "PLACEHOLDERS",
    "placeholder",
]


@dataclass(frozen=True)
class EntityType:
    code: str
    placeholder: str
    description: str


ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType("PERSON", "[PERSOON]", "name of a natural person (also a later mention of it)"),
    EntityType("PHONE_NUMBER", "[TELEFOON]", "telephone number, Dutch or international"),
    EntityType("NL_BSN", "[BSN]", "burgerservicenummer (citizen service number), 11-proof"),
    EntityType("IBAN_CODE", "[IBAN]", "international bank account number, mod-97 checked"),
    EntityType("NL_LICENCE_PLATE", "[KENTEKEN]", "Dutch licence plate (RDW side codes 1-14)"),
    EntityType("NL_POSTCODE", "[POSTCODE]", "Dutch postcode, 1234 AB"),
    EntityType("NL_ADDRESS", "[ADRES]", "street name with house number and addition"),
    EntityType("EMAIL_ADDRESS", "[EMAIL]", "e-mail address"),
    EntityType("DATE_TIME", "[DATUM]", "calendar date (day and month, with or without year)"),
    EntityType("LOCATION", "[LOCATIE]", "Dutch place, street or other location"),
    EntityType("ORGANIZATION", "[ORGANISATIE]", "company, institution or other organisation"),
    EntityType(
        "NL_DOCUMENT_NUMBER", "[DOCUMENTNUMMER]", "passport or identity-card document number"
    ),
    EntityType("NL_V_NUMBER", "[V-NUMMER]", "IND vreemdelingennummer (alien number), 10 digits"),
    EntityType("NL_KVK", "[KVK]", "Chamber of Commerce (KvK) registration number, 8 digits"),
    EntityType("IP_ADDRESS", "[IP-ADRES]", "IPv4 or IPv6 address"),
    EntityType("SOCIAL_HANDLE", "[ACCOUNT]", "social-media handle, profile or chat link"),
    EntityType("URL", "[URL]", "web address that is not a public body's"),
    EntityType("VIN", "[VIN]", "vehicle identification (chassis) number, 17 characters"),
    EntityType("IMEI", "[IMEI]", "IMEI of a mobile phone, 15 digits, Luhn checked"),
    EntityType("DRIVING_LICENCE", "[RIJBEWIJS]", "driving-licence number (Dutch or foreign)"),
    EntityType("FOREIGN_PLATE", "[KENTEKEN]", "foreign licence plate (DE, BE, PL, RO, BG, FR...)"),
    EntityType(
        "EMPLOYEE_NUMBER", "[PERSONEELSNUMMER]", "number an employer or authority gives a worker"
    ),
    EntityType("PERSON_REFERENCE", "[KENMERK]", "case, file, customer or foreign personal number"),
)

#: entity type code -> placeholder text
PLACEHOLDERS: dict[str, str] = {e.code: e.placeholder for e in ENTITY_TYPES}

_FALLBACK = "[GEGEVEN]"

#: Every placeholder text the stage writes (the fallback included); never a finding.
ALL_PLACEHOLDERS: frozenset[str] = frozenset(PLACEHOLDERS.values()) | {_FALLBACK}


def placeholder(entity_type: str) -> str:
    """The placeholder for ``entity_type`` (``[GEGEVEN]`` for an unknown type)."""
    return PLACEHOLDERS.get(entity_type, _FALLBACK)
