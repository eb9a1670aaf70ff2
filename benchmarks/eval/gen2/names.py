"""Names of people per nationality, and the ways parties write the same name differently.

A person's name is held as tokens (given names, father's name, family name) in one *style*
(western, arabic, eritrean, vietnamese, chinese); :func:`render` writes it as a party would:
standard order, passport order (``HAILE Daniel``), western order for East-Asian names
(``Van An Nguyen``), without the patronymic, with another transliteration
(``Mohammed``/``Muhammad``), without diacritics, or with a typo. Each rendering also says
which variations it applied, so the ground truth can say why two records differ.

>>> import random
>>> n = PersonName("eritrean", given=("Daniel",), father="Haile", family="Gebremariam")
>>> render(n, order="passport", translit={}, fold=False)[0]
'HAILE Daniel'
>>> render(n, order="short", translit={}, fold=False)[0]
'Daniel Haile'
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

from faker import Faker

__all__ = ["NameFactory", "PersonName", "fold_ascii", "render", "typo", "variants_of"]

# Transliteration variants: the first spelling is the canonical one.
TRANSLIT: dict[str, tuple[str, ...]] = {
    # Arabic
    "Mohammed": ("Mohammed", "Muhammad", "Mohamed", "Mohammad", "Mohamad"),
    "Ahmad": ("Ahmad", "Ahmed"),
    "Mahmoud": ("Mahmoud", "Mahmud", "Mahmood"),
    "Youssef": ("Youssef", "Yusuf", "Yousef", "Youssouf"),
    "Omar": ("Omar", "Umar"),
    "Khaled": ("Khaled", "Khalid"),
    "Hussein": ("Hussein", "Hussain", "Husein", "Hossein"),
    "Ibrahim": ("Ibrahim", "Ebrahim"),
    "Abdulrahman": ("Abdulrahman", "Abdul Rahman", "Abdelrahman", "Abderrahmane"),
    "Mustafa": ("Mustafa", "Moustafa", "Mostafa"),
    "Karim": ("Karim", "Kareem"),
    "Hassan": ("Hassan", "Hasan"),
    "Samir": ("Samir", "Sameer"),
    "Walid": ("Walid", "Waleed"),
    "Fatima": ("Fatima", "Fatma", "Fatimah"),
    "Aisha": ("Aisha", "Aysha", "Aicha"),
    "Mariam": ("Mariam", "Maryam", "Meryem"),
    "Noor": ("Noor", "Nour", "Nur"),
    "Layla": ("Layla", "Leila", "Laila"),
    "Zainab": ("Zainab", "Zeinab", "Zaynab"),
    "Hiba": ("Hiba", "Heba"),
    "Al-Hassan": ("Al-Hassan", "Alhassan", "El Hassan"),
    "Khalil": ("Khalil", "Khaleel"),
    "Al-Ahmad": ("Al-Ahmad", "Alahmad"),
    "Darwish": ("Darwish", "Darwich"),
    "Al-Khatib": ("Al-Khatib", "Alkhatib", "El Khatib"),
    "Shaheen": ("Shaheen", "Shahin", "Chahine"),
    "Mansour": ("Mansour", "Mansur"),
    "Othman": ("Othman", "Osman", "Uthman"),
    "Saleh": ("Saleh", "Salih"),
    "Nasser": ("Nasser", "Nasir"),
    "Rachid": ("Rachid", "Rashid"),
    "Said": ("Said", "Saïd", "Saeed"),
    "Khadija": ("Khadija", "Khadidja", "Khadidja"),
    "Benali": ("Benali", "Ben Ali"),
    "Zabihullah": ("Zabihullah", "Zabiullah"),
    "Alireza": ("Alireza", "Ali Reza"),
    "Ahmadi": ("Ahmadi", "Ahmady"),
    "Noori": ("Noori", "Nouri"),
    "Karimi": ("Karimi", "Karimy"),
    # Eritrean / Ethiopian
    "Tesfay": ("Tesfay", "Tesfaye", "Tesfai"),
    "Yonas": ("Yonas", "Yonatan", "Jonas"),
    "Yohannes": ("Yohannes", "Johannes", "Yohanes"),
    "Semere": ("Semere", "Semre"),
    "Biniam": ("Biniam", "Binyam"),
    "Filmon": ("Filmon", "Filimon"),
    "Amanuel": ("Amanuel", "Emanuel"),
    "Merhawi": ("Merhawi", "Mirhawi"),
    "Selam": ("Selam", "Salam"),
    "Senait": ("Senait", "Senayt"),
    "Luwam": ("Luwam", "Luam"),
    "Feven": ("Feven", "Fiven"),
    "Haile": ("Haile", "Hayle"),
    "Gebremariam": ("Gebremariam", "Gebre Mariam", "Ghebremariam"),
    "Tesfamichael": ("Tesfamichael", "Tesfamikael"),
    "Berhane": ("Berhane", "Birhane"),
    "Tekle": ("Tekle", "Teklay"),
    "Woldu": ("Woldu", "Weldu"),
    "Ghebrehiwet": ("Ghebrehiwet", "Gebrehiwet"),
    "Mebrahtu": ("Mebrahtu", "Mebrahtom"),
    # Ukrainian / Russian
    "Oleksandr": ("Oleksandr", "Aleksandr", "Alexander", "Oleksander"),
    "Serhiy": ("Serhiy", "Sergiy", "Serhii", "Sergei"),
    "Andriy": ("Andriy", "Andrii", "Andrei"),
    "Dmytro": ("Dmytro", "Dmitri", "Dmitry"),
    "Mykola": ("Mykola", "Nikolai"),
    "Volodymyr": ("Volodymyr", "Vladimir"),
    "Yuriy": ("Yuriy", "Yuri", "Iurii"),
    "Oleh": ("Oleh", "Oleg"),
    "Ihor": ("Ihor", "Igor"),
    "Olena": ("Olena", "Elena", "Yelena"),
    "Yuliia": ("Yuliia", "Yulia", "Julia"),
    "Tetiana": ("Tetiana", "Tatiana", "Tatyana"),
    "Nataliia": ("Nataliia", "Natalia"),
    "Iryna": ("Iryna", "Irina"),
    "Kateryna": ("Kateryna", "Ekaterina", "Katerina"),
    "Anastasiia": ("Anastasiia", "Anastasia"),
    "Viktoriia": ("Viktoriia", "Viktoria", "Victoria"),
    "Svitlana": ("Svitlana", "Svetlana"),
    "Kovalenko": ("Kovalenko", "Kowalenko"),
    "Shevchenko": ("Shevchenko", "Schewtschenko", "Shevtchenko"),
    "Tkachenko": ("Tkachenko", "Tkatchenko"),
    "Kravchenko": ("Kravchenko", "Krawtschenko"),
    "Melnyk": ("Melnyk", "Melnik"),
    "Boyko": ("Boyko", "Boiko"),
    "Oliinyk": ("Oliinyk", "Oleynik"),
    # Bulgarian
    "Nikolay": ("Nikolay", "Nikolai"),
    "Hristo": ("Hristo", "Christo", "Khristo"),
    "Yordanka": ("Yordanka", "Jordanka"),
    "Hristov": ("Hristov", "Christov"),
    "Tsvetelina": ("Tsvetelina", "Cvetelina"),
    "Silviya": ("Silviya", "Silvia"),
    # Nigerian (Edo spellings)
    "Ogbebor": ("Ogbebor", "Ogbeibor"),
    "Omoregie": ("Omoregie", "Omoregbe"),
    # Thai
    "Siriporn": ("Siriporn", "Siripon"),
    "Ratana": ("Ratana", "Rattana"),
    "Boonmee": ("Boonmee", "Bunmi"),
}


def variants_of(token: str) -> tuple[str, ...]:
    return TRANSLIT.get(token, (token,))


_POOLS: dict[str, dict[str, tuple[str, ...]]] = {
    "arabic": {
        "m": ("Mohammed", "Ahmad", "Mahmoud", "Youssef", "Omar", "Khaled", "Hussein", "Ali",
              "Ibrahim", "Abdulrahman", "Mustafa", "Karim", "Bilal", "Hassan", "Samir", "Walid"),
        "f": ("Fatima", "Aisha", "Mariam", "Noor", "Layla", "Zainab", "Rania", "Hiba", "Amira",
              "Salma"),
        "family": ("Al-Hassan", "Haddad", "Khalil", "Al-Ahmad", "Darwish", "Hamdan", "Al-Khatib",
                   "Shaheen", "Mansour", "Othman", "Saleh", "Nasser", "Ibrahim", "Hussein"),
    },
    "maghreb": {
        "m": ("Mohammed", "Youssef", "Said", "Rachid", "Karim", "Omar", "Bilal", "Hamza",
              "Anouar", "Mourad"),
        "f": ("Khadija", "Fatima", "Naima", "Samira", "Souad", "Hanane", "Ilham"),
        "family": ("El Amrani", "Benali", "Bouzid", "El Idrissi", "Ouali", "Azzouzi", "Bakkali",
                   "Ait Taleb", "Chaouki"),
    },
    "afghan": {
        "m": ("Ahmad", "Mohammed", "Gul", "Zabihullah", "Hamid", "Farid", "Najibullah",
              "Rahmatullah", "Alireza", "Mustafa"),
        "f": ("Zahra", "Fatima", "Maryam", "Shabnam", "Farzana"),
        "family": ("Rahimi", "Ahmadi", "Hakimi", "Noori", "Karimi", "Sultani", "Popal",
                   "Stanikzai", "Mohammadi"),
    },
    "kurdish": {
        "m": ("Rebwar", "Hemn", "Karwan", "Shwan", "Azad", "Hussein", "Ahmad", "Omar"),
        "f": ("Dilan", "Shilan", "Zhilwan", "Avin"),
        "family": ("Barzani", "Rasul", "Aziz", "Hamid", "Karim", "Mahmoud", "Jaf"),
    },
    "eritrean": {
        "m": ("Daniel", "Tesfay", "Yonas", "Semere", "Mehari", "Biniam", "Filmon", "Amanuel",
              "Habtom", "Kidane", "Merhawi", "Samuel", "Yohannes", "Tekle", "Haile", "Berhane",
              "Woldu", "Mebrahtu", "Asmerom", "Negash"),
        "f": ("Helen", "Selam", "Senait", "Rahel", "Yodit", "Luwam", "Saba", "Feven", "Winta",
              "Mebrat"),
        "family": ("Gebremariam", "Tesfamichael", "Ghebrehiwet", "Haile", "Berhane", "Tekle",
                   "Woldu", "Mebrahtu", "Yohannes", "Kidane", "Asmerom", "Negash"),
    },
    "vietnamese": {
        "m": ("An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Long", "Nam", "Phúc", "Quang",
              "Tuấn", "Việt"),
        "f": ("Hoa", "Lan", "Linh", "Mai", "Ngọc", "Thảo", "Trang", "Hương"),
        "family": ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Đặng", "Bùi",
                   "Đỗ"),
        "middle_m": ("Văn", "Đức", "Minh", "Quốc"),
        "middle_f": ("Thị", "Thanh", "Ngọc"),
    },
    "chinese": {
        "m": ("Wei", "Lei", "Jun", "Jian", "Hao", "Qiang", "Bo"),
        "f": ("Fang", "Min", "Jing", "Yan", "Hui", "Xiaoling", "Mei", "Ling", "Hong"),
        "family": ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
                   "Lin"),
    },
    "thai": {
        "m": ("Somchai", "Niran", "Anan"),
        "f": ("Anong", "Kanya", "Malee", "Siriporn", "Pimchanok", "Ratana", "Suda", "Nok"),
        "family": ("Saetang", "Srisuk", "Chaiyaporn", "Wongsawat", "Thongchai", "Boonmee",
                   "Kaewkham"),
    },
    "filipino": {
        "m": ("Jose", "Mark Anthony", "Rodel", "Jun"),
        "f": ("Maria Cristina", "Jocelyn", "Rowena", "Mary Grace", "Analyn", "Marites",
              "Rosalie"),
        "family": ("Santos", "Reyes", "dela Cruz", "Bautista", "Garcia", "Mendoza", "Ramos"),
    },
    "nigerian": {
        "m": ("Osaro", "Efosa", "Osagie", "Ikechukwu", "Emeka", "Chinedu", "Godwin", "Sunday",
              "Friday"),
        "f": ("Blessing", "Joy", "Precious", "Favour", "Gift", "Peace", "Mercy", "Esther",
              "Osas", "Happiness", "Success", "Faith"),
        "family": ("Okafor", "Igbinedion", "Osagie", "Obaseki", "Eze", "Okonkwo", "Ogbebor",
                   "Uwadia", "Edobor", "Aigbe", "Omoregie"),
    },
    "albanian": {
        "m": ("Arben", "Besnik", "Ervin", "Gentian", "Ilir", "Klodian", "Arjan", "Dritan",
              "Erion"),
        "f": ("Elira", "Anila", "Besa", "Jonida"),
        "family": ("Hoxha", "Shehu", "Krasniqi", "Gashi", "Berisha", "Kola", "Leka", "Dervishi"),
    },
    "ukrainian": {
        "m": ("Oleksandr", "Serhiy", "Andriy", "Dmytro", "Mykola", "Volodymyr", "Yuriy", "Oleh",
              "Ihor"),
        "f": ("Olena", "Yuliia", "Tetiana", "Nataliia", "Iryna", "Oksana", "Kateryna",
              "Anastasiia", "Viktoriia", "Svitlana"),
        "family": ("Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk",
                   "Boyko", "Koval", "Oliinyk", "Moroz", "Lysenko", "Petrenko"),
    },
    "bulgarian": {
        "m": ("Georgi", "Ivan", "Dimitar", "Nikolay", "Stoyan", "Petar", "Hristo", "Todor",
              "Vasil", "Kiril", "Angel", "Plamen"),
        "f": ("Maria", "Ivana", "Elena", "Desislava", "Gergana", "Petya", "Yordanka",
              "Tsvetelina", "Radka", "Silviya", "Kristina", "Nadezhda"),
        "family": ("Ivanov", "Georgiev", "Dimitrov", "Petrov", "Nikolov", "Hristov", "Stoyanov",
                   "Todorov", "Kostov", "Angelov", "Marinov", "Asenov"),
    },
    "indian": {
        "m": ("Rajesh", "Sandeep", "Gurpreet", "Harjit", "Amit", "Vikram", "Suresh"),
        "f": ("Harjit", "Priya", "Sunita", "Manpreet"),
        "family": ("Kumar", "Singh", "Sharma", "Patel", "Gill", "Sandhu"),
    },
}  # fmt: skip

# Nationality -> (style, pool or Faker locale)
NATIONALITY_STYLE: dict[str, tuple[str, str]] = {
    "NL": ("western", "nl_NL"), "PL": ("western", "pl_PL"), "RO": ("western", "ro_RO"),
    "HU": ("western", "hu_HU"), "TR": ("western", "tr_TR"), "PT": ("western", "pt_PT"),
    "CO": ("western", "es_CO"), "DO": ("western", "es_CO"), "LT": ("western", "lt_LT"),
    "CZ": ("western", "cs_CZ"), "DE": ("western", "de_DE"), "BE": ("western", "nl_NL"),
    "SR": ("western", "nl_NL"), "BG": ("western", "bulgarian"), "UA": ("western", "ukrainian"),
    "AL": ("western", "albanian"), "SY": ("arabic", "arabic"), "IQ": ("arabic", "kurdish"),
    "MA": ("arabic", "maghreb"), "AF": ("arabic", "afghan"), "ER": ("eritrean", "eritrean"),
    "ET": ("eritrean", "eritrean"), "VN": ("vietnamese", "vietnamese"),
    "CN": ("chinese", "chinese"), "TH": ("western", "thai"), "PH": ("western", "filipino"),
    "NG": ("western", "nigerian"), "IN": ("western", "indian"), "SO": ("arabic", "arabic"),
}  # fmt: skip

_DUTCH_PARTICLE_SURNAMES = (
    "de Vries", "van Dijk", "de Jong", "van den Berg", "van der Meer", "de Boer", "van Leeuwen",
    "van der Linden", "de Graaf", "van Beek", "de Wit", "van Vliet", "ter Horst", "van 't Hof",
)  # fmt: skip


@dataclass(frozen=True)
class PersonName:
    """A person's name as tokens; ``father`` is used by arabic and eritrean styles,
    ``middle`` by vietnamese, ``family2`` by Spanish-speaking double surnames."""

    style: str
    given: tuple[str, ...]
    family: str
    father: str = ""
    middle: str = ""
    family2: str = ""

    @property
    def tokens(self) -> tuple[str, ...]:
        return (*self.given, self.father, self.middle, self.family, self.family2)


def fold_ascii(s: str) -> str:
    """Diacritics removed the way a legacy (cp1252-less) system writes names."""
    for a, b in (("Đ", "D"), ("đ", "d"), ("ł", "l"), ("Ł", "L"), ("ı", "i"), ("ø", "o")):
        s = s.replace(a, b)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _t(token: str, translit: dict[str, str]) -> str:
    return translit.get(token, token)


def render(
    name: PersonName, *, order: str, translit: dict[str, str], fold: bool
) -> tuple[str, list[str]]:
    """Write ``name`` in ``order`` (standard, passport, western, short, first_family).

    ``translit`` maps canonical tokens to the spelling this party uses. Returns the text and
    the variation tags it applied (besides the order).
    """
    tags: list[str] = []
    given = " ".join(_t(g, translit) for g in name.given)
    family = _t(name.family, translit)
    father = _t(name.father, translit) if name.father else ""
    middle = name.middle
    if any(_t(tok, translit) != tok for tok in name.tokens if tok):
        tags.append("transliteration")
    s = name.style
    if s == "vietnamese":
        parts = {
            "standard": f"{family} {middle} {given}",
            "passport": f"{family.upper()} {middle} {given}",
            "western": f"{middle} {given} {family}",
            "short": f"{given} {family}",
            "first_family": f"{middle} {given} {family}",
        }
    elif s == "chinese":
        parts = {
            "standard": f"{family} {given}",
            "passport": f"{family.upper()} {given}",
            "western": f"{given} {family}",
            "short": f"{given} {family}",
            "first_family": f"{given} {family}",
        }
    elif s == "eritrean":
        parts = {
            "standard": f"{given} {father} {family}",
            "passport": f"{father.upper()} {given}",
            "western": f"{given} {father} {family}",
            "short": f"{given} {father}",
            "first_family": f"{given} {family}",
        }
    elif s == "arabic" and father:
        parts = {
            "standard": f"{given} {father} {family}",
            "passport": f"{family.upper()} {given} {father}",
            "western": f"{given} {family}",
            "short": f"{given} {family}",
            "first_family": f"{given} {family}",
        }
    else:
        fam = f"{family} {name.family2}" if name.family2 else family
        parts = {
            "standard": f"{given} {fam}",
            "passport": f"{fam.upper()} {given}",
            "western": f"{given} {fam}",
            "short": f"{given.split(' ')[0]} {family}",
            "first_family": f"{given} {family}",
        }
    text = " ".join(parts[order].split())
    if (
        order == "passport"
        or order in ("western", "first_family")
        and s in ("vietnamese", "chinese")
    ):
        tags.append("name_order")
    elif order == "short" and (father or name.family2 or len(name.given) > 1):
        tags.append("patronymic_dropped")
    if fold:
        folded = fold_ascii(text)
        if folded != text:
            tags.append("diacritics")
        text = folded
    return text, tags


_VOWELS = "aeiou"


def typo(text: str, rng: random.Random) -> str:
    """One typing error in a letter of ``text`` (swap, drop, double or wrong vowel)."""
    positions = [i for i, c in enumerate(text) if c.isalpha() and i > 0]
    if len(positions) < 3:
        return text + text[-1]
    i = rng.choice(positions[:-1])
    kind = rng.randrange(4)
    if kind == 0 and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == 1:
        return text[:i] + text[i + 1 :]
    if kind == 2:
        return text[:i] + text[i] + text[i:]
    vowels = [v for v in _VOWELS if v != text[i].lower()]
    return text[:i] + rng.choice(vowels) + text[i + 1 :]


@dataclass
class NameFactory:
    """Draws names per nationality and gender; deterministic for a given seed."""

    seed: int
    _fakers: dict[str, Faker] = field(default_factory=dict)
    rng: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(f"{self.seed}:names")

    def _faker(self, locale: str) -> Faker:
        if locale not in self._fakers:
            f = Faker(locale)
            f.seed_instance(self.seed * 7919 + len(self._fakers))
            self._fakers[locale] = f
        return self._fakers[locale]

    def name(self, nationality: str, gender: str) -> PersonName:
        style, source = NATIONALITY_STYLE.get(nationality, ("western", "nl_NL"))
        rng = self.rng
        g = "m" if gender == "M" else "f"
        if source in _POOLS:
            pool = _POOLS[source]
            given = rng.choice(pool[g])
            family = rng.choice(pool["family"])
            if style == "vietnamese":
                middle = rng.choice(pool["middle_m" if g == "m" else "middle_f"])
                return PersonName(style, (given,), family, middle=middle)
            if style == "eritrean":
                father = rng.choice([n for n in pool["m"] if n != given])
                return PersonName(style, (given,), family, father=father)
            if (
                style == "arabic"
                and source in ("arabic", "kurdish", "afghan")
                and rng.random() < 0.6
            ):
                father = rng.choice(pool["m"])
                return PersonName(style, (given,), family, father=father)
            if source == "bulgarian" and g == "f":
                family = family + "a"
            return PersonName(style, tuple(given.split(" ")), family)
        fk = self._faker(source)
        first = fk.first_name_male() if g == "m" else fk.first_name_female()
        if g == "f" and hasattr(fk, "last_name_female"):
            last = fk.last_name_female()
        elif g == "m" and hasattr(fk, "last_name_male"):
            last = fk.last_name_male()
        else:
            last = fk.last_name()
        if source == "nl_NL" and rng.random() < 0.3:
            last = rng.choice(_DUTCH_PARTICLE_SURNAMES)
        firsts = tuple(first.split(" "))
        if source == "es_CO":
            return PersonName(style, firsts, last, family2=fk.last_name())
        return PersonName(style, firsts, last)

    def working_name(self) -> str:
        """A name used only in sex advertisements."""
        names = ("Bella", "Angel", "Sweet Kiss", "Candy", "Roxy", "Luna", "Jade", "Diamond",
                 "Lola", "Mia", "Chanel", "Destiny", "Bambi", "Scarlett", "Nikita", "Vanessa",
                 "Jasmine", "Sasha", "Bianca", "Kim", "Coco", "Lexi", "Honey", "Ruby")  # fmt: skip
        return rng_choice(self.rng, names) + (
            f" {self.rng.randint(19, 25)}" if self.rng.random() < 0.3 else ""
        )


def rng_choice(rng: random.Random, seq: tuple[str, ...]) -> str:
    return seq[rng.randrange(len(seq))]
