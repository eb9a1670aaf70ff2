"""Identifiers and names for gen3: valid BSNs, IBANs, plates, phones, postcodes, and personal
names per nationality with the spellings different registrations really produce.

Everything draws from one ``random.Random`` passed in, so output depends only on the seed.
Values are checked with ``emm.values`` (the formats the workbench accepts), never with the
project's generator.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

from faker import Faker

from emm.values import bsn as v_bsn
from emm.values import iban as v_iban
from emm.values import phone as v_phone

# --------------------------------------------------------------------------------- places

#: city -> (postcode prefixes, region). Postcodes are built as prefix + 2 digits + letters.
CITIES: dict[str, tuple[tuple[str, ...], str]] = {
    "Amsterdam": (("10", "11"), "Amsterdam"),
    "Rotterdam": (("30", "31"), "Rotterdam"),
    "Den Haag": (("25",), "Den Haag"),
    "Utrecht": (("35",), "Midden-Nederland"),
    "Eindhoven": (("56",), "Oost-Brabant"),
    "Tilburg": (("50",), "Zeeland-West-Brabant"),
    "Breda": (("48",), "Zeeland-West-Brabant"),
    "Venlo": (("59",), "Limburg"),
    "Horst": (("596",), "Limburg"),
    "Naaldwijk": (("267",), "Den Haag"),
    "Westland": (("268",), "Den Haag"),
    "Schiedam": (("311",), "Rotterdam"),
    "Groningen": (("97",), "Noord-Nederland"),
    "Zwolle": (("80",), "Oost-Nederland"),
    "Almere": (("13",), "Midden-Nederland"),
    "Nijmegen": (("65",), "Oost-Nederland"),
    "Arnhem": (("68",), "Oost-Nederland"),
    "Enschede": (("75",), "Oost-Nederland"),
    "Helmond": (("57",), "Oost-Brabant"),
    "Oss": (("53",), "Oost-Brabant"),
    "Ter Apel": (("956",), "Noord-Nederland"),
    "Haarlem": (("20",), "Noord-Holland"),
    "Leeuwarden": (("89",), "Noord-Nederland"),
    "Maastricht": (("62",), "Limburg"),
    "Zaandam": (("15",), "Noord-Holland"),
}
CITY_NAMES = tuple(CITIES)

BORDER_POSTS = {
    "Schiphol": "NL",
    "Eindhoven Airport": "NL",
    "Rotterdam The Hague Airport": "NL",
    "Hoek van Holland": "NL",
    "Europoort": "NL",
    "IJmuiden": "NL",
    "A67 Venlo": "NL",
    "A12 Zevenaar": "NL",
    "A1 De Lutte": "NL",
    "A16 Hazeldonk": "NL",
    "A2 Maastricht": "NL",
    "A7 Nieuweschans": "NL",
}

# --------------------------------------------------------------------------------- names

FAKER_LOCALE = {
    "NL": "nl_NL", "PL": "pl_PL", "RO": "ro_RO", "MD": "ro_RO", "HU": "hu_HU", "LT": "lt_LT",
    "DE": "de_DE", "TR": "tr_TR", "IN": "en_IN", "PH": "en_PH", "GB": "en_GB", "BE": "nl_BE",
    "CZ": "cs_CZ",
}  # fmt: skip

# Own name pools: each entry lists the spellings one name gets in different registrations
# (passport transliteration first).
_OWN: dict[str, dict[str, list[list[str]]]] = {
    "BG": {
        "M": [["Georgi", "Georgiy", "Gheorghi"], ["Dimitar", "Dimitur", "Dimitr"],
              ["Ivan"], ["Nikolay", "Nikolai"], ["Stoyan", "Stojan"], ["Hristo", "Christo", "Khristo"],
              ["Yordan", "Jordan"], ["Asen", "Assen"]],
        "F": [["Desislava", "Dessislava"], ["Ivanka"], ["Petya", "Petia"], ["Yordanka", "Jordanka"],
              ["Mariya", "Maria"], ["Tsvetelina", "Cvetelina"], ["Radostina"]],
        "S": [["Ivanov"], ["Georgiev", "Gheorghiev"], ["Dimitrov"], ["Petrov"], ["Kolev"],
              ["Stoyanov", "Stojanov"], ["Angelov"], ["Yordanov", "Jordanov"], ["Hristov", "Christov"]],
    },
    "UA": {
        "M": [["Oleksandr", "Aleksandr", "Oleksander"], ["Andrii", "Andriy", "Andrei"],
              ["Serhii", "Serhiy", "Sergey"], ["Yurii", "Iurii", "Yuri"], ["Dmytro", "Dmitro", "Dmitry"],
              ["Mykola", "Nikolai"], ["Vasyl", "Vasil"]],
        "F": [["Olena", "Elena"], ["Iryna", "Irina"], ["Kateryna", "Ekaterina"], ["Yuliia", "Iuliia", "Julia"],
              ["Nataliia", "Natalia"], ["Oksana"], ["Tetiana", "Tatiana"]],
        "S": [["Kovalenko"], ["Shevchenko", "Sjevtsjenko"], ["Bondarenko"], ["Tkachenko", "Tkatsjenko"],
              ["Kravchenko", "Kravtsjenko"], ["Melnyk", "Melnik"], ["Boiko", "Boyko", "Bojko"],
              ["Savchuk", "Savtsjoek"]],
    },
    "AR": {  # Syria, Iraq, Morocco, Egypt
        "M": [["Mohammed", "Mohamed", "Muhammad", "Mohamad"], ["Ahmed", "Ahmad"],
              ["Youssef", "Yusuf", "Yousef", "Joesoef"], ["Omar", "Umar"], ["Khaled", "Khalid", "Chalid"],
              ["Mustafa", "Moustafa", "Mostafa"], ["Ali"], ["Hassan", "Hasan"], ["Ibrahim", "Ebrahim"],
              ["Rebwar", "Rebwaar"], ["Shvan", "Shwan"], ["Karwan"], ["Zana"]],
        "F": [["Fatima", "Fatma", "Fatimah"], ["Aicha", "Aisha", "Aïcha"], ["Maryam", "Mariam", "Meryem"],
              ["Nour", "Noor", "Nur"], ["Rania"], ["Samira", "Sameera"], ["Layla", "Leila", "Laila"]],
        "S": [["Al-Hassan", "Alhassan", "Al Hasan"], ["Haddad"], ["Khalil", "Chalil"], ["Nasser", "Nasir"],
              ["Abdullah", "Abdallah"], ["El Amrani", "Elamrani"], ["Benali", "Ben Ali"], ["Hussein", "Husein", "Hussain"],
              ["Aziz"], ["Barzani"], ["Rashid", "Rasheed"], ["Karim", "Kareem"], ["Hama Amin", "Hamaamin"],
              ["Ahmadi"], ["Bakr", "Bakir"]],
    },
    "AF": {
        "M": [["Mohammad", "Mohammed", "Muhammad"], ["Rahmatullah", "Rahmatulla"], ["Zabihullah", "Zabiullah"],
              ["Farid", "Fareed"], ["Hamid", "Hameed"], ["Jawad", "Javad"], ["Sayed", "Said", "Sajad"]],
        "F": [["Mariam", "Maryam"], ["Zahra", "Zahraa"], ["Fereshta", "Freshta"], ["Shabnam"]],
        "S": [["Ahmadi"], ["Rahimi"], ["Karimi"], ["Hakimi"], ["Sultani"], ["Noori", "Nouri"], ["Hussaini", "Hosseini"]],
    },
    "ER": {
        "M": [["Yonas", "Yohannes", "Johannes"], ["Tesfay", "Tesfaye"], ["Berhane", "Berhan"],
              ["Mehari", "Meheri"], ["Semere"], ["Filmon", "Philmon"], ["Dawit", "Dawid"]],
        "F": [["Senait", "Senayt"], ["Helen"], ["Selam", "Salam"], ["Rahel", "Rachel"], ["Luwam", "Luam"], ["Saba"]],
        "S": [["Tesfamariam", "Tesfamaryam"], ["Ghebremedhin", "Gebremedhin"], ["Haile", "Hailu"],
              ["Kidane", "Kidanu"], ["Woldu", "Weldu"], ["Habte"], ["Tekle", "Teklay"]],
    },
    "NG": {
        "M": [["Chinedu"], ["Emeka"], ["Oluwaseun", "Oluwasegun"], ["Tunde"], ["Ifeanyi", "Ifeanye"], ["Osaro"]],
        "F": [["Blessing"], ["Joy"], ["Precious"], ["Gift"], ["Favour", "Favor"], ["Osasere", "Osaserre"], ["Efe"]],
        "S": [["Okafor"], ["Osagie", "Osaghae"], ["Eze"], ["Adeyemi"], ["Igbinedion", "Igbinidion"],
              ["Ogbeide"], ["Obaseki"], ["Edosa", "Edossa"]],
    },
    "VN": {  # family name first; diacritic spelling first
        "M": [["Văn Minh", "Van Minh"], ["Văn Hùng", "Van Hung"], ["Đức Anh", "Duc Anh"], ["Quốc Tuấn", "Quoc Tuan"],
              ["Văn Long", "Van Long"]],
        "F": [["Thị Lan", "Thi Lan"], ["Thị Hương", "Thi Huong"], ["Thùy Linh", "Thuy Linh"],
              ["Thị Mai", "Thi Mai"], ["Ngọc Anh", "Ngoc Anh"]],
        "S": [["Nguyễn", "Nguyen"], ["Trần", "Tran"], ["Lê", "Le"], ["Phạm", "Pham"], ["Hoàng", "Hoang"],
              ["Vũ", "Vu"], ["Đặng", "Dang"], ["Bùi", "Bui"]],
    },
    "CN": {
        "M": [["Wei"], ["Jian", "Chien"], ["Hao"], ["Jun", "Chun"]],
        "F": [["Xiuying", "Xiu Ying"], ["Lina", "Li Na"], ["Mei"], ["Fang"], ["Yan"]],
        "S": [["Wang", "Wong"], ["Li", "Lee"], ["Zhang", "Chang"], ["Liu", "Lau"], ["Chen", "Chan"], ["Huang", "Wong"]],
    },
    "TH": {
        "M": [["Somchai", "Somchay"], ["Anan"], ["Niran"]],
        "F": [["Siriporn", "Siriphon"], ["Nattaya", "Natthaya"], ["Kanya"], ["Malee", "Mali"], ["Ploy"]],
        "S": [["Srisuk", "Srisook"], ["Wongsawat"], ["Chaiyaporn", "Chaiyaphon"], ["Saelim", "Sae-Lim"], ["Boonmee", "Bunmi"]],
    },
}  # fmt: skip
_OWN_FOR = {
    "SY": "AR", "IQ": "AR", "MA": "AR", "EG": "AR", "BG": "BG", "UA": "UA", "AF": "AF",
    "ER": "ER", "NG": "NG", "VN": "VN", "CN": "CN", "TH": "TH",
}  # fmt: skip
FAMILY_FIRST = ("VN", "CN")
#: nationalities whose birth dates are often registered as 1 January (unknown day)
UNKNOWN_DOB_LIKELY = ("AF", "ER", "SY", "IQ")

COUNTRY_WORDS = {
    "NL": ["NL", "NLD", "Nederland", "Nederlandse"], "PL": ["PL", "POL", "Polen", "Poland"],
    "RO": ["RO", "ROU", "Roemenië", "Romania"], "BG": ["BG", "BGR", "Bulgarije", "Bulgaria"],
    "UA": ["UA", "UKR", "Oekraïne", "Ukraine"], "SY": ["SY", "SYR", "Syrië", "Syria"],
    "IQ": ["IQ", "IRQ", "Irak", "Iraq"], "AF": ["AF", "AFG", "Afghanistan"],
    "ER": ["ER", "ERI", "Eritrea"], "NG": ["NG", "NGA", "Nigeria"], "VN": ["VN", "VNM", "Vietnam"],
    "CN": ["CN", "CHN", "China"], "MA": ["MA", "MAR", "Marokko", "Morocco"],
    "TR": ["TR", "TUR", "Turkije", "Turkey"], "IN": ["IN", "IND", "India"],
    "PH": ["PH", "PHL", "Filipijnen", "Philippines"], "TH": ["TH", "THA", "Thailand"],
    "HU": ["HU", "HUN", "Hongarije", "Hungary"], "LT": ["LT", "LTU", "Litouwen", "Lithuania"],
    "DE": ["DE", "DEU", "Duitsland", "Germany"], "BE": ["BE", "BEL", "België", "Belgium"],
    "GB": ["GB", "GBR", "Verenigd Koninkrijk"], "MD": ["MD"], "EG": ["EG"], "CZ": ["CZ"],
}  # fmt: skip

# Mobile number shapes: country calling code, leading digits, number of further digits.
_MOBILE = {
    "PL": ("48", ["5", "6", "7"], 8), "RO": ("40", ["72", "74", "75"], 7), "BG": ("359", ["87", "88", "89"], 7),
    "UA": ("380", ["63", "67", "68"], 7), "DE": ("49", ["151", "160", "176"], 8), "BE": ("32", ["47", "48", "49"], 7),
    "GB": ("44", ["77", "79"], 8), "NG": ("234", ["803", "806", "813"], 7), "MA": ("212", ["6"], 8),
    "TR": ("90", ["53", "54"], 8), "VN": ("84", ["9"], 8), "IQ": ("964", ["75", "77"], 8),
    "SY": ("963", ["93", "94"], 7), "AF": ("93", ["70", "79"], 7), "ER": ("291", ["7"], 6),
    "IN": ("91", ["98", "99"], 8), "PH": ("63", ["917", "918"], 7), "CN": ("86", ["138", "139"], 8),
    "HU": ("36", ["20", "30", "70"], 7), "LT": ("370", ["6"], 7), "TH": ("66", ["8"], 8),
    "MD": ("373", ["69", "79"], 6), "EG": ("20", ["10", "11"], 8),
}  # fmt: skip
_BANKS_NL = ["ABNA", "INGB", "RABO", "SNSB", "TRIO", "BUNQ", "KNAB", "ASNB", "RBRB"]
_IBAN_SHAPE = {  # country -> (bank letters, digits after)
    "BE": (0, 12), "DE": (0, 18), "PL": (0, 24), "RO": (4, 16), "BG": (4, 14), "GB": (4, 14),
    "LT": (0, 16), "HU": (0, 24),
}  # fmt: skip


class Idents:
    """Unique identifiers of every kind, drawn from one random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._used: set[str] = set()
        self._fakers: dict[str, Faker] = {}

    def _unique(self, make: Callable[[], str]) -> str:
        for _ in range(1000):
            value = make()
            if value not in self._used:
                self._used.add(value)
                return str(value)
        raise RuntimeError("identifier space exhausted")

    def faker(self, locale: str) -> Faker:
        if locale not in self._fakers:
            f = Faker(locale)
            f.seed_instance(self.rng.randrange(2**31))
            self._fakers[locale] = f
        return self._fakers[locale]

    def bsn(self) -> str:
        def make() -> str:
            while True:
                head = f"{self.rng.randrange(1, 10)}{self.rng.randrange(10**7):07d}"
                d = v_bsn.check_digit(head)
                if d is not None:
                    return head + str(d)

        return self._unique(make)

    def phone(self, cc: str = "NL") -> str:
        """A mobile number in E.164."""
        r = self.rng
        if cc not in _MOBILE:

            def make() -> str:
                return "+316" + "".join(r.choice(string.digits) for _ in range(8))
        else:
            code, lead, n = _MOBILE[cc]

            def make() -> str:
                return (
                    "+" + code + r.choice(lead) + "".join(r.choice(string.digits) for _ in range(n))
                )

        value = self._unique(make)
        v_phone.normalise(value)
        return value

    def landline(self, city: str) -> str:
        area = {"Amsterdam": "20", "Rotterdam": "10", "Den Haag": "70", "Utrecht": "30"}.get(
            city, "40"
        )
        return self._unique(
            lambda: "+31" + area + "".join(self.rng.choice(string.digits) for _ in range(7))
        )

    def iban(self, cc: str = "NL") -> str:
        r = self.rng
        if cc == "NL" or cc not in _IBAN_SHAPE:

            def make() -> str:
                bban = r.choice(_BANKS_NL) + "".join(r.choice(string.digits) for _ in range(10))
                return v_iban.check_digits("NL", bban)
        else:
            letters, digits = _IBAN_SHAPE[cc]

            def make() -> str:
                bban = "".join(r.choice(string.ascii_uppercase) for _ in range(letters))
                bban += "".join(r.choice(string.digits) for _ in range(digits))
                return v_iban.check_digits(cc, bban)

        value = self._unique(make)
        v_iban.normalise(value)
        return value

    def plate(self, cc: str = "NL") -> str:
        r = self.rng
        cons = "BDFGHJKLNPRSTVXZ"
        if cc == "NL":
            forms = [
                "99-XXX-9",
                "9-XXX-99",
                "XX-999-X",
                "X-999-XX",
                "XXX-99-X",
                "X-99-XXX",
                "9-XX-999",
            ]

            def make() -> str:
                return "".join(
                    r.choice(cons) if ch == "X" else r.choice(string.digits) if ch == "9" else ch
                    for ch in r.choice(forms)
                )
        else:

            def make() -> str:
                head = "".join(r.choice(string.ascii_uppercase) for _ in range(r.choice([1, 2, 3])))
                return head + "".join(r.choice(string.digits) for _ in range(r.choice([4, 5])))

        return self._unique(make)

    def kvk(self) -> str:
        return self._unique(lambda: f"{self.rng.randrange(10**7, 10**8)}")

    def v_number(self) -> str:
        return self._unique(lambda: f"{self.rng.randrange(10**9, 10**10)}")

    def doc_number(self, cc: str) -> str:
        r = self.rng
        return self._unique(
            lambda: (
                cc[:1] + "".join(r.choice(string.ascii_uppercase + string.digits) for _ in range(8))
            )
        )

    def token(self, prefix: str, n: int = 6) -> str:
        return self._unique(
            lambda: prefix + "".join(self.rng.choice(string.digits) for _ in range(n))
        )

    def postcode(self, city: str) -> str:
        prefixes, _ = CITIES[city]
        p = self.rng.choice(prefixes)
        digits = p + "".join(self.rng.choice(string.digits) for _ in range(4 - len(p)))
        while True:
            letters = "".join(self.rng.choice("ABCDEGHJKLMNPRTVWXZ") for _ in range(2))
            if letters not in ("SA", "SD", "SS"):
                return digits + letters

    def street(self) -> str:
        return str(self.faker("nl_NL").street_name())

    # ----------------------------------------------------------------------------- names

    def name_parts(self, nat: str, gender: str) -> tuple[list[list[str]], list[str]]:
        """(given names, each as its list of spellings), surname spellings."""
        r = self.rng
        pool_key = _OWN_FOR.get(nat)
        if pool_key:
            pool = _OWN[pool_key]
            given = [list(r.choice(pool[gender]))]
            if pool_key in ("AR", "AF") and gender == "M" and r.random() < 0.3:
                given.append(list(r.choice(pool["M"])))
            surname = list(r.choice(pool["S"]))
            if pool_key in ("BG",) and gender == "F":
                surname = [s + "a" for s in surname]
            if pool_key == "UA" and gender == "F" and surname[0].endswith("k"):
                surname = surname  # Ukrainian -enko/-uk names have no female form
            return given, surname
        f = self.faker(FAKER_LOCALE.get(nat, "en_GB"))
        first = f.first_name_male() if gender == "M" else f.first_name_female()
        given = [[str(first)]]
        if nat in ("NL", "BE", "DE", "PL", "RO") and r.random() < 0.35:
            second = f.first_name_male() if gender == "M" else f.first_name_female()
            if second != first:
                given.append([str(second)])
        last = str(f.last_name())
        if nat == "PL" and gender == "F" and last.endswith("ski"):
            last = last[:-1] + "a"
        return given, [last]
