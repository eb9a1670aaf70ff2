"""Names for gen4: pools per origin, and the ways parties write them.

European names come from Faker (one seeded instance per locale); the others from small pools
written here, in Latin script (the form a Dutch register would use), with the common
alternative transliterations a second party might use.
"""

from __future__ import annotations

import random
import unicodedata

from faker import Faker

__all__ = ["NamePool", "ORIGINS", "strip_accents", "typo"]

# origin -> (faker locale or None, nationality code)
ORIGINS: dict[str, tuple[str | None, str]] = {
    "NL": ("nl_NL", "NL"),
    "PL": ("pl_PL", "PL"),
    "RO": ("ro_RO", "RO"),
    "HU": ("hu_HU", "HU"),
    "LT": ("lt_LT", "LT"),
    "TR": ("tr_TR", "TR"),
    "BR": ("pt_BR", "BR"),
    "CO": ("es_CO", "CO"),
    "BG": (None, "BG"),
    "UA": (None, "UA"),
    "VN": (None, "VN"),
    "CN": (None, "CN"),
    "TH": (None, "TH"),
    "PH": (None, "PH"),
    "ER": (None, "ER"),
    "ET": (None, "ET"),
    "NG": (None, "NG"),
    "SY": (None, "SY"),
    "AF": (None, "AF"),
    "MA": (None, "MA"),
    "IQ": (None, "IQ"),
    "AL": (None, "AL"),
    "IN": (None, "IN"),
}

# origin -> (male given, female given, surnames); Vietnamese and Chinese names are family
# name first in their own order.
_POOLS: dict[str, tuple[str, str, str]] = {
    "BG": ("Georgi Ivan Dimitar Nikolay Petar Hristo Stoyan Todor Vasil Kaloyan Boyan Plamen",
           "Maria Elena Desislava Ivanka Radka Tsvetelina Galina Yordanka Petya Silviya Vesela",
           "Ivanov Georgiev Dimitrov Petrov Nikolov Hristov Stoyanov Todorov Iliev Angelov "
           "Kolev Yordanov Marinov Popov Mihaylov Atanasov"),
    "UA": ("Oleksandr Andriy Dmytro Serhiy Mykola Vasyl Yuriy Taras Bohdan Ivan Volodymyr",
           "Olena Oksana Nataliya Iryna Tetiana Yuliya Halyna Svitlana Kateryna Mariya Anastasiya",
           "Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Melnyk Boyko Kovalchuk "
           "Oliynyk Lysenko Moroz Savchenko Rudenko Marchenko Petrenko"),
    "VN": ("Minh Tuan Hung Dung Thanh Long Quang Nam Duc Hieu Khanh Phuc Son Tien",
           "Lan Huong Linh Trang Thao Mai Ngoc Hoa Thu Nhung Phuong Yen Anh Hanh",
           "Nguyen Tran Le Pham Hoang Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly"),
    "CN": ("Wei Jun Lei Hao Qiang Ming Jian Tao Yong Jie Bo Chao",
           "Li Fang Jing Min Yan Xiu Hui Ling Na Mei Juan Xia",
           "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Lin Zheng"),
    "TH": ("Somchai Somsak Anan Prasert Chaiya Wichai Kittisak Nattapong",
           "Siriporn Malee Pornthip Sumalee Kanya Nittaya Ratana Wanida Duangjai Pim Achara",
           "Saetang Srisuk Wongsawat Chaiyaporn Kaewkong Boonmee Thongdee Sukprasert "
           "Rattanakorn Jaidee Phanthong Suwannarat"),
    "PH": ("Jose Mark Juan John Michael Ramon Angelo Carlo Jomar Rodel",
           "Maria Jocelyn Marites Rowena Analyn Lorna Cristina Jonalyn Mary Grace Rhea Liezel",
           "Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Villanueva Ramos "
           "Aquino Dela Cruz Castillo Navarro Soriano"),
    "ER": ("Daniel Yonas Tesfay Mehari Filmon Samuel Biniam Kidane Robel Semere Amanuel Dawit",
           "Helen Selam Senait Yordanos Lidia Saron Feven Rahel Winta Hiwet Eden Luwam",
           "Haile Tesfay Gebremedhin Kidane Tekle Berhane Gebreyesus Weldemariam Mebrahtu "
           "Ghebremichael Tewelde Asfaha Habte Yohannes Andemariam"),
    "ET": ("Abebe Tadesse Getachew Dawit Yared Solomon Bereket Henok Mulugeta",
           "Tigist Meron Hana Bethlehem Selamawit Mahlet Almaz Genet Tsion",
           "Tadesse Alemu Bekele Mengistu Girma Worku Desta Ayele Tesfaye Wolde"),
    "NG": ("Chinedu Emeka Oluwaseun Ifeanyi Tunde Osagie Efosa Uyi Godwin Samuel Osaro",
           "Blessing Joy Precious Esohe Osas Favour Gift Mercy Faith Peace Osarugue Glory",
           "Okafor Osagie Igbinedion Omoregie Eghosa Obaseki Uwadiae Adeyemi Okonkwo "
           "Ehigiator Aigbe Osayande Iyamu Okoro Edokpolo"),
    "SY": ("Mohammed Ahmad Omar Khaled Mahmoud Yousef Ali Hassan Ibrahim Mustafa Abdullah Rami",
           "Fatima Aya Rania Nour Lina Hala Maryam Sara Rasha Dima Reem Amal",
           "Al-Hassan Khalil Haddad Hamdan Darwish Al-Ali Sabbagh Mansour Hamoud Shami Othman "
           "Qassem Jaber Masri"),
    "AF": ("Ahmad Mohammad Ali Mustafa Hamid Najib Rahim Farid Javid Sohail Zabihullah Ismail",
           "Fatima Zahra Mariam Nazia Roya Shabnam Freshta Parwin Madina Laila",
           "Ahmadi Rahimi Hakimi Sultani Karimi Noori Haidari Amiri Popal Safi Wardak Mohammadi"),
    "MA": ("Mohamed Youssef Said Rachid Karim Mustapha Hamza Bilal Anouar Soufiane Ayoub",
           "Fatima Khadija Naima Samira Malika Hanane Loubna Siham Imane Zineb",
           "El Amrani Bennani Boukhari Tahiri El Idrissi Chaouki Azzouzi Ouali Bakkali "
           "El Khattabi Belhaj Aarab Ziani"),
    "IQ": ("Ali Hussein Ahmed Mustafa Haider Abbas Karrar Omar Zaid Mohammed",
           "Zainab Fatima Noor Maryam Ruqaya Huda Shahad Sara",
           "Al-Jabouri Al-Obaidi Al-Tamimi Al-Saadi Al-Khafaji Hamid Kadhim Jassim Salman"),
    "AL": ("Arben Ilir Gentian Besnik Dritan Erion Fatmir Altin Klodian Ervin Sokol",
           "Elira Arta Blerina Mirela Anila Dorina Jonida Klea Entela Valbona",
           "Hoxha Shehu Gjoka Kola Leka Marku Dervishi Basha Cela Meta Prifti Duka"),
    "IN": ("Rahul Amit Suresh Rajesh Vijay Arjun Sanjay Harpreet Gurpreet Manoj Deepak",
           "Priya Anjali Sunita Kavita Pooja Neha Simran Lakshmi Deepa Meena",
           "Singh Kumar Sharma Patel Gupta Reddy Nair Iyer Verma Yadav Das Joshi"),
}  # fmt: skip

# token -> alternatives another party might write (transliteration, spelling, accents).
ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "Mohammed": ("Muhammad", "Mohamed", "Mohammad"), "Mohamed": ("Mohammed", "Muhamed"),
    "Mohammad": ("Mohammed", "Muhammad"), "Ahmad": ("Ahmed",), "Ahmed": ("Ahmad",),
    "Yousef": ("Youssef", "Yusuf"), "Youssef": ("Yousef", "Youssif"), "Omar": ("Umar",),
    "Khaled": ("Khalid",), "Hussein": ("Hussain", "Husein"), "Mustafa": ("Moustafa",),
    "Mustapha": ("Mustafa",), "Said": ("Saeed",), "Rachid": ("Rashid",), "Abdullah": ("Abdallah",),
    "Al-Hassan": ("Alhassan", "El Hassan"), "Al-Ali": ("Alali",), "Haddad": ("Hadad",),
    "Fatima": ("Fatma", "Fatimah"), "Maryam": ("Mariam",), "Zainab": ("Zeinab",),
    "Oleksandr": ("Aleksandr", "Alexander"), "Andriy": ("Andrii", "Andrey"), "Serhiy": ("Sergiy", "Sergei"),
    "Dmytro": ("Dmitri", "Dmitriy"), "Yuriy": ("Yurii", "Juri"), "Olena": ("Elena", "Alona"),
    "Tetiana": ("Tatiana", "Tetyana"), "Yuliya": ("Julia", "Yulia"), "Nataliya": ("Natalia",),
    "Shevchenko": ("Sjevtsjenko", "Schewtschenko"), "Kovalenko": ("Kowalenko",),
    "Tkachenko": ("Tkatsjenko",), "Kravchenko": ("Kravtsjenko",), "Melnyk": ("Melnik",),
    "Hristo": ("Christo", "Hristov"), "Georgi": ("Georgiy",), "Yordanka": ("Jordanka",),
    "Nikolay": ("Nikolai",), "Mihaylov": ("Mihailov", "Michailov"), "Tsvetelina": ("Cvetelina",),
    "Tesfay": ("Tesfaye", "Tesfai"), "Haile": ("Hayle", "Hailé"), "Yonas": ("Yohannes", "Jonas"),
    "Gebremedhin": ("Gebremeskel", "G/Medhin"), "Ghebremichael": ("Gebremichael",),
    "Weldemariam": ("Woldemariam",), "Berhane": ("Berhe",), "Semere": ("Semre",),
    "Selam": ("Selamawit",), "Yordanos": ("Jordanos",), "Mehari": ("Mehary",),
    "Nguyen": ("Nguyễn",), "Tran": ("Trần",), "Le": ("Lê",), "Pham": ("Phạm",),
    "Hoang": ("Huynh", "Hoàng"), "Dang": ("Đặng",), "Duong": ("Dương",), "Vo": ("Võ",),
    "Zhang": ("Chang",), "Zhou": ("Chou",), "Xu": ("Hsu",), "Chen": ("Chan",),
    "Osagie": ("Osaghae",), "Igbinedion": ("Igbinidion",), "Omoregie": ("Omoregbe",),
    "Efosa": ("Efeosa",), "Osarugue": ("Osaruyi",), "Chinedu": ("Chinedum",),
    "Ahmadi": ("Ahmadzai",), "Rahimi": ("Rahimy",), "Zabihullah": ("Zabiullah",),
    "El Amrani": ("Elamrani", "Amrani"), "El Idrissi": ("Idrissi",), "Bakkali": ("Bakali",),
    "Somchai": ("Somchay",), "Siriporn": ("Siriphon",), "Saetang": ("Sae-Tang",),
    "Hoxha": ("Hoxa", "Hodja"), "Gjoka": ("Gjokaj",),
}  # fmt: skip

# Working names used in advertisements.
WORKING_NAMES = [
    "Jasmine",
    "Bella",
    "Angel",
    "Candy",
    "Lola",
    "Nikki",
    "Sasha",
    "Mia",
    "Roxy",
    "Kim",
    "Vanessa",
    "Bianca",
    "Nina",
    "Lexi",
    "Sofia",
    "Luna",
    "Kitty",
    "Tiffany",
    "Chanel",
    "Monica",
    "Yasmin",
    "Sunny",
    "Diamond",
    "Lucky",
    "Ruby",
    "Amber",
    "Jade",
    "Cherry",
]

_CP1252_EXTRA = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ø": "o"})


def strip_accents(text: str) -> str:
    """The text without combining marks (how a system without the character writes it)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_CP1252_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def typo(name: str, rng: random.Random) -> str:
    """One clerical slip in a name: two letters swapped, a letter dropped or doubled."""
    words = name.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 5]
    if not idx:
        return name
    i = rng.choice(idx)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    elif kind == 1:
        w = w[:j] + w[j + 1 :]
    else:
        w = w[:j] + w[j] + w[j:]
    words[i] = w
    return " ".join(words)


class NamePool:
    """Given names and surnames per origin, drawn with one random generator."""

    def __init__(self, seed: int) -> None:
        self._faker: dict[str, Faker] = {}
        for n, (origin, (locale, _)) in enumerate(ORIGINS.items()):
            if locale is not None:
                f = Faker(locale)
                f.seed_instance(seed * 101 + n)
                self._faker[origin] = f

    def draw(self, origin: str, gender: str, rng: random.Random) -> tuple[str, str, str]:
        """(given, middle or "", surname) for a person of ``origin`` and ``gender``."""
        f = self._faker.get(origin)
        if f is not None:
            given = f.first_name_female() if gender == "F" else f.first_name_male()
            middle = ""
            if rng.random() < 0.35:
                middle = f.first_name_female() if gender == "F" else f.first_name_male()
                if middle == given:
                    middle = ""
            surname = f.last_name()
            return given, middle, surname
        male, female, surnames = _POOLS[origin]
        pool = (female if gender == "F" else male).split(" ")
        given = rng.choice(pool)
        middle = ""
        if origin in ("VN",):
            middle = "Thi" if gender == "F" else rng.choice(["Van", "Duc", "Quoc", "Minh"])
        elif origin in ("ER", "ET"):
            middle = rng.choice(_POOLS[origin][0].split(" "))  # father's name
        elif rng.random() < 0.2:
            middle = rng.choice(pool)
            if middle == given:
                middle = ""
        sur = _surnames(surnames)
        return given, middle, rng.choice(sur)


def _surnames(text: str) -> list[str]:
    # Two-word surnames ("El Amrani", "Dela Cruz") are written joined by one space in the pool.
    words = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        if words[i] in ("El", "Dela") and i + 1 < len(words):
            out.append(words[i] + " " + words[i + 1])
            i += 2
        else:
            out.append(words[i])
            i += 1
    return out
