"""Where things happen: Dutch cities with their real postcode ranges, addresses, hotels,
asylum reception centres and border-crossing points.

Postcodes are drawn from each city's real 4-digit range so that postcode, city and police
region agree (an analyst reading a profile notices when they don't). Street names come from
Faker ``nl_NL`` mixed with the most common real Dutch street names. Hotels, reception centres and
border posts are small fixed pools on purpose: in real data many unrelated people pass through
the same hotel or border post, and the analytics must not mistake such hubs for networks.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from faker import Faker

__all__ = ["BORDER_POSTS", "CITIES", "Address", "City", "Places"]


@dataclass(frozen=True)
class City:
    name: str
    postcode_from: int
    postcode_to: int
    weight: float
    region: str  # police unit (eenheid)


CITIES: tuple[City, ...] = (
    City("Amsterdam", 1011, 1109, 9.0, "Amsterdam"),
    City("Rotterdam", 3011, 3089, 7.0, "Rotterdam"),
    City("Den Haag", 2491, 2599, 6.0, "Den Haag"),
    City("Utrecht", 3511, 3585, 4.0, "Midden-Nederland"),
    City("Eindhoven", 5611, 5658, 3.0, "Oost-Brabant"),
    City("Groningen", 9711, 9747, 2.5, "Noord-Nederland"),
    City("Tilburg", 5011, 5049, 2.5, "Zeeland-West-Brabant"),
    City("Almere", 1311, 1363, 2.5, "Midden-Nederland"),
    City("Breda", 4811, 4839, 2.0, "Zeeland-West-Brabant"),
    City("Nijmegen", 6511, 6546, 2.0, "Oost-Nederland"),
    City("Arnhem", 6811, 6846, 2.0, "Oost-Nederland"),
    City("Haarlem", 2011, 2037, 2.0, "Noord-Holland"),
    City("Enschede", 7511, 7548, 2.0, "Oost-Nederland"),
    City("Apeldoorn", 7311, 7339, 2.0, "Oost-Nederland"),
    City("Zwolle", 8011, 8043, 1.5, "Oost-Nederland"),
    City("'s-Hertogenbosch", 5211, 5249, 1.5, "Oost-Brabant"),
    City("Maastricht", 6211, 6229, 1.5, "Limburg"),
    City("Leiden", 2311, 2334, 1.5, "Den Haag"),
    City("Dordrecht", 3311, 3319, 1.5, "Rotterdam"),
    City("Schiedam", 3111, 3125, 1.0, "Rotterdam"),
    City("Zaandam", 1501, 1509, 1.2, "Noord-Holland"),
    City("Alkmaar", 1811, 1827, 1.0, "Noord-Holland"),
    City("Venlo", 5911, 5935, 1.2, "Limburg"),
    City("Heerlen", 6411, 6422, 1.0, "Limburg"),
    City("Naaldwijk", 2671, 2673, 1.0, "Den Haag"),
    City("Oss", 5341, 5351, 1.0, "Oost-Brabant"),
    City("Roosendaal", 4701, 4709, 1.0, "Zeeland-West-Brabant"),
    City("Leeuwarden", 8911, 8941, 1.0, "Noord-Nederland"),
    City("Emmen", 7811, 7833, 1.0, "Noord-Nederland"),
    City("Zeewolde", 3891, 3899, 0.5, "Midden-Nederland"),
)
_CITY_WEIGHTS = tuple(c.weight for c in CITIES)

#: Cities where labour migrants in agriculture and logistics are housed.
LABOUR_CITIES = ("Naaldwijk", "Venlo", "Oss", "Zeewolde", "Roosendaal", "Tilburg", "Emmen")

#: Letters used in postcodes (F, I, O, Q, U and Y are not), and combinations never issued.
_PC_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
_PC_EXCLUDED = frozenset({"SA", "SD", "SS"})

_COMMON_STREETS = (
    "Kerkstraat",
    "Dorpsstraat",
    "Schoolstraat",
    "Molenweg",
    "Stationsstraat",
    "Julianastraat",
    "Wilhelminastraat",
    "Beatrixstraat",
    "Nieuwstraat",
    "Hoofdstraat",
    "Marktstraat",
    "Industrieweg",
    "Havenstraat",
    "Parallelweg",
    "Lindenlaan",
    "Eikenlaan",
    "Prins Hendrikstraat",
    "Oranjestraat",
    "Kanaalweg",
    "Voorstraat",
    "Breestraat",
    "Spoorstraat",
    "Emmastraat",
    "Irenestraat",
    "Tulpstraat",
    "Rozenstraat",
    "Vondelstraat",
    "Rembrandtstraat",
    "Van Goghstraat",
    "Mozartlaan",
    "Zuiderweg",
    "Noorderweg",
    "Westerstraat",
    "Oosterstraat",
    "Burgemeester de Jonghstraat",
    "Koningin Julianaweg",
)
_ADDITIONS = ("A", "B", "C", "1", "2", "3", "hs", "I", "II", "III", "bis", "-1", "-2", "rood")

#: Asylum reception locations (central reception at Ter Apel plus some other AZCs).
_COA_LOCATIONS = (
    ("Ter Apel", 9561),
    ("Budel", 6021),
    ("Zevenaar", 6901),
    ("Gilze", 5126),
    ("Assen", 9401),
    ("Dronten", 8251),
    ("Grave", 5361),
    ("Zweeloo", 7851),
)

#: (name, country) of border-crossing points where KMAR checks: airports, ports, roads (MTV).
BORDER_POSTS: tuple[tuple[str, str], ...] = (
    ("Schiphol", "NL"),
    ("Rotterdam The Hague Airport", "NL"),
    ("Eindhoven Airport", "NL"),
    ("Maastricht Aachen Airport", "NL"),
    ("Groningen Airport Eelde", "NL"),
    ("Hoek van Holland", "NL"),
    ("IJmuiden", "NL"),
    ("Europoort", "NL"),
    ("A16 Hazeldonk", "NL"),
    ("A12 Zevenaar", "NL"),
    ("A1 De Lutte", "NL"),
    ("A67 Venlo", "NL"),
    ("A2 Maastricht", "NL"),
    ("A58 Rijsbergen", "NL"),
)
#: Road and sea posts used by smugglers arriving by car or van.
ROAD_POSTS = (
    "A16 Hazeldonk",
    "A12 Zevenaar",
    "A1 De Lutte",
    "A67 Venlo",
    "A2 Maastricht",
    "A58 Rijsbergen",
    "Hoek van Holland",
    "Europoort",
)


@dataclass(frozen=True)
class Address:
    postcode: str  # canonical "1234AB"
    house_number: int
    addition: str
    street: str
    city: str
    kind: str
    region: str

    def fields(self, rng: random.Random) -> dict[str, object]:
        """The Address entity's fields, postcode written with or without the space."""
        pc = self.postcode if rng.random() < 0.4 else f"{self.postcode[:4]} {self.postcode[4:]}"
        fields: dict[str, object] = {
            "postcode": pc if rng.random() < 0.95 else pc.lower(),
            "house_number": self.house_number,
            "street": self.street,
            "city": self.city,
            "kind": self.kind,
        }
        if self.addition:
            fields["addition"] = self.addition
        return fields


class Places:
    """Draws addresses; holds the fixed pools of hotels and reception centres."""

    def __init__(self, fake: Faker, rng: random.Random) -> None:
        self._rng = rng
        faker_streets = [fake.street_name() for _ in range(300)]
        self._streets = tuple(faker_streets) + _COMMON_STREETS * 4
        self._by_name = {c.name: c for c in CITIES}
        self.hotels: dict[str, list[Address]] = {}
        for city in CITIES:
            n = 1 + int(city.weight // 2)
            self.hotels[city.name] = [self._make(city, "hotel") for _ in range(n)]
        self.reception_centres: list[Address] = [
            Address(
                self._postcode(pc, pc),
                rng.randrange(1, 120),
                "",
                rng.choice(_COMMON_STREETS),
                name,
                "azc",
                "Noord-Nederland",
            )
            for name, pc in _COA_LOCATIONS
        ]

    def city(self, name: str | None = None) -> City:
        if name is not None:
            return self._by_name[name]
        return self._rng.choices(CITIES, _CITY_WEIGHTS)[0]

    def _postcode(self, lo: int, hi: int) -> str:
        rng = self._rng
        while True:
            letters = rng.choice(_PC_LETTERS) + rng.choice(_PC_LETTERS)
            if letters not in _PC_EXCLUDED:
                return f"{rng.randint(lo, hi)}{letters}"

    def _make(self, city: City, kind: str) -> Address:
        rng = self._rng
        r = rng.random()
        number = rng.randint(1, 40) if r < 0.6 else rng.randint(41, 250)
        addition = rng.choice(_ADDITIONS) if kind == "woning" and rng.random() < 0.18 else ""
        return Address(
            self._postcode(city.postcode_from, city.postcode_to),
            number,
            addition,
            rng.choice(self._streets),
            city.name,
            kind,
            city.region,
        )

    def address(self, kind: str = "woning", city: str | None = None) -> Address:
        """A new random address of ``kind`` (woning, bedrijfspand, vakantiepark...)."""
        return self._make(self.city(city), kind)

    def near(self, base: Address, kind: str = "woning") -> Address:
        """Another address in the same street (e.g. the neighbouring houses of a landlord)."""
        rng = self._rng
        number = max(1, base.house_number + rng.randint(-12, 12))
        addition = rng.choice(_ADDITIONS) if rng.random() < 0.25 else ""
        return Address(base.postcode, number, addition, base.street, base.city, kind, base.region)

    def hotel(self, city: str | None = None) -> Address:
        return self._rng.choice(self.hotels[self.city(city).name])
