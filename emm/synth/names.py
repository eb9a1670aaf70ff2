"""Names of the people seen in Dutch trafficking and smuggling cases, all synthetic.

Dutch names come from Faker ``nl_NL`` (drawn once into pools, so the hot loop never calls
Faker). Faker has no Moroccan-Dutch, Turkish-Dutch, Surinamese, Eastern-European, West-African,
Vietnamese, Chinese, Eritrean or Ukrainian names, yet those are the names in the cases the EMM
sees, and they are what makes entity resolution hard (transliteration, Polish and Bulgarian
female surname forms, diacritics that a cp1252 export loses). So we keep our own lists of common
first names and surnames per origin; people are random combinations, never real persons.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from faker import Faker

__all__ = ["ORIGINS", "NamePool"]


@dataclass(frozen=True)
class Origin:
    """Name lists for one origin; ``nationality`` is the ISO 3166 alpha-2 code."""

    nationality: str
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]


def _t(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in text.split(",") if s.strip())


ORIGINS: dict[str, Origin] = {
    "MA": Origin(
        "MA",
        _t(
            "Mohamed, Ahmed, Youssef, Said, Mustafa, Hassan, Rachid, Karim, Abdelkader, Omar, "
            "Bilal, Nordin, Khalid, Hamid, Driss, Soufiane, Ilias, Anouar, Mourad, Redouan, "
            "Zakaria, Ayoub, Hicham, Jamal, Samir, Adil, Mohammed"
        ),
        _t(
            "Fatima, Khadija, Naima, Samira, Malika, Nadia, Souad, Hanan, Ikram, Latifa, Siham, "
            "Salma, Yasmina, Loubna, Rachida, Hajar, Zineb, Meryem, Aicha, Imane, Sanae"
        ),
        _t(
            "El Amrani, Benali, El Idrissi, Bouzid, Azzouzi, El Khatib, Ouali, Boukhari, Amrani, "
            "Haddouchi, El Hamdaoui, Tahiri, Bakkali, Belhaj, Chaouki, El Mansouri, Aarab, "
            "Ait Taleb, Ziani, Bouchta, El Kaddouri, Benaissa, Moussaoui, Alaoui, Lahlou"
        ),
    ),
    "TR": Origin(
        "TR",
        _t(
            "Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, Murat, Emre, Burak, Yusuf, "
            "Ömer, Kemal, Serkan, Ercan, Cem, Osman, Halil, Volkan, Tolga, Kaan, Erdem"
        ),
        _t(
            "Ayşe, Fatma, Emine, Hatice, Zeynep, Elif, Merve, Büşra, Esra, Gül, Özlem, Derya, "
            "Sevgi, Hülya, Selin, Ebru, Aylin, Tuba"
        ),
        _t(
            "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, "
            "Doğan, Kılıç, Aslan, Çetin, Kara, Koç, Kurt, Özkan, Şimşek, Polat, Güneş, Aksoy, "
            "Tekin"
        ),
    ),
    "SR": Origin(
        "SR",
        _t(
            "Ricardo, Romano, Sergio, Rodney, Dwight, Ramon, Glenn, Virgil, Orlando, Melvin, "
            "Clarence, Humphrey, Ravi, Anand, Rakesh, Sunil, Navin, Dinesh, Roy, Marciano, "
            "Jerrel, Xavier"
        ),
        _t(
            "Sharon, Natasha, Chantal, Melissa, Priscilla, Jennifer, Rosita, Sandra, Shanti, "
            "Anjali, Reshma, Sunita, Priya, Kavita, Gracia, Shirley, Denise, Jeanine"
        ),
        _t(
            "Pinas, Biharie, Kartosen, Sewnath, Ramdin, Jairam, Doelwijt, Pengel, Wijngaarde, "
            "Eersel, Ramlal, Mahabier, Soekhai, Chotkan, Brunings, Kromopawiro, Sardjoe, Nelom, "
            "Amatmoestar, Tjon, Sno, Lachman, Ramautar, Kalloe"
        ),
    ),
    "PL": Origin(
        "PL",
        _t(
            "Piotr, Krzysztof, Andrzej, Tomasz, Paweł, Michał, Marcin, Jakub, Łukasz, Grzegorz, "
            "Mateusz, Adam, Dariusz, Marek, Kamil, Wojciech, Rafał, Sebastian, Damian, "
            "Przemysław"
        ),
        _t(
            "Anna, Katarzyna, Małgorzata, Agnieszka, Barbara, Ewa, Magdalena, Joanna, "
            "Aleksandra, Monika, Natalia, Karolina, Paulina, Justyna, Dorota, Beata, Sylwia, "
            "Marta"
        ),
        _t(
            "Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, "
            "Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Kwiatkowski, Krawczyk, "
            "Piotrowski, Grabowski, Nowakowski, Pawłowski, Michalski, Zając, Król, Wieczorek, "
            "Jabłoński"
        ),
    ),
    "RO": Origin(
        "RO",
        _t(
            "Andrei, Alexandru, Ionuț, Mihai, Florin, Gabriel, Marius, Adrian, Ionel, "
            "Constantin, Cristian, Daniel, Vasile, Gheorghe, Nicolae, Bogdan, Cătălin, Răzvan, "
            "Sorin, Costel, Dumitru, Ștefan"
        ),
        _t(
            "Maria, Elena, Ioana, Andreea, Alexandra, Mihaela, Cristina, Florentina, Gabriela, "
            "Roxana, Daniela, Alina, Ramona, Nicoleta, Loredana, Denisa, Bianca, Georgiana, "
            "Larisa, Adelina"
        ),
        _t(
            "Popescu, Ionescu, Popa, Pop, Radu, Dumitru, Stan, Stoica, Gheorghe, Matei, Ciobanu, "
            "Rusu, Munteanu, Constantin, Marin, Moldovan, Mocanu, Lazăr, Florea, Dinu, Stanciu, "
            "Mihai, Tudor, Barbu, Enache, Dobre, Ene, Sandu"
        ),
    ),
    "BG": Origin(
        "BG",
        _t(
            "Georgi, Ivan, Dimitar, Nikolay, Petar, Hristo, Stoyan, Todor, Vasil, Angel, "
            "Krasimir, Plamen, Stefan, Martin, Aleksandar, Yordan, Kiril, Emil, Lyubomir, "
            "Atanas, Asen, Mehmed"
        ),
        _t(
            "Maria, Ivanka, Elena, Yordanka, Desislava, Gergana, Petya, Tsvetelina, Radostina, "
            "Nikol, Viktoria, Silviya, Galina, Violeta, Teodora, Ralitsa, Diana, Snezhana, "
            "Kremena"
        ),
        _t(
            "Ivanov, Georgiev, Dimitrov, Petrov, Nikolov, Hristov, Stoyanov, Todorov, Iliev, "
            "Vasilev, Atanasov, Petkov, Angelov, Kolev, Yordanov, Stefanov, Popov, Marinov, "
            "Mehmedov, Asenov, Kostadinov, Yankov, Mitev, Kirov, Slavov"
        ),
    ),
    "NG": Origin(
        "NG",
        _t(
            "Chinedu, Emeka, Oluwaseun, Tunde, Chukwuemeka, Ikechukwu, Babatunde, Adebayo, Osaze, "
            "Osagie, Efosa, Nosa, Uyi, Ehigie, Kelvin, Godwin, Friday, Sunday, Samuel, Osas, "
            "Ifeanyi"
        ),
        _t(
            "Blessing, Joy, Precious, Favour, Gift, Mercy, Esther, Peace, Osasu, Efe, Ivie, "
            "Omoye, Chioma, Ngozi, Adaeze, Funmilayo, Success, Happiness, Patience, Faith"
        ),
        _t(
            "Okafor, Okonkwo, Adeyemi, Osagie, Igbinedion, Omoregie, Ogbebor, Osaghae, Aigbe, "
            "Omoruyi, Osarumwense, Iyamu, Idahosa, Uwaifo, Ehiorobo, Eghosa, Okoro, Eze, Nwosu, "
            "Balogun, Adewale, Bello, Musa"
        ),
    ),
    "VN": Origin(
        "VN",
        _t(
            "Van Minh, Van Hung, Van Nam, Duc Anh, Quang Huy, Van Long, Thanh Tung, Van Thanh, "
            "Minh Tuan, Hoang Nam, Van Duc, Quoc Bao, Tien Dung, Van Hai, Duc Thang"
        ),
        _t(
            "Thi Lan, Thi Hoa, Thi Huong, Thi Mai, Thi Thu, Thi Linh, Thi Hang, Thi Nga, "
            "Thi Phuong, Thi Trang, Ngoc Anh, Thu Ha, Thi Yen, Thi Nhung, Thi Thao, Bich Ngoc"
        ),
        _t(
            "Nguyen, Tran, Le, Pham, Hoang, Huynh, Phan, Vu, Vo, Dang, Bui, Do, Ho, Ngo, Duong, "
            "Ly, Dinh, Trinh, Mai, Truong"
        ),
    ),
    "CN": Origin(
        "CN",
        _t(
            "Wei, Jun, Lei, Jian, Hao, Yang, Bo, Qiang, Ming, Tao, Chao, Peng, Hui, Jie, Xin, "
            "Long, Gang, Feng, Yong, Zhiwei, Jianguo, Haoran"
        ),
        _t(
            "Li, Fang, Jing, Min, Yan, Xiuying, Hong, Ying, Mei, Lan, Na, Xiaoling, Juan, Ping, "
            "Yun, Hua, Lili, Qian, Ting, Xiaomei"
        ),
        _t(
            "Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo, "
            "He, Lin, Gao, Luo, Zheng, Liang, Xie, Song"
        ),
    ),
    "ER": Origin(
        "ER",
        _t(
            "Tesfay, Yonas, Dawit, Habtom, Merhawi, Samuel, Filmon, Biniam, Kidane, Tekle, "
            "Mehari, Ermias, Aron, Senay, Yemane, Efrem, Natnael, Robel, Million, Mussie, "
            "Goitom, Henok, Amanuel"
        ),
        _t(
            "Helen, Selam, Saba, Senait, Mebrat, Rahel, Luwam, Yordanos, Almaz, Hiwet, Tsega, "
            "Segen, Winta, Ruta, Freweini, Elsa, Meron, Lidya, Semhar, Mhret"
        ),
        _t(
            "Tesfamariam, Gebremedhin, Haile, Kidane, Tekle, Berhane, Ghebreyesus, Mehari, Habte, "
            "Weldemichael, Abraha, Tesfay, Gebrehiwet, Yohannes, Andemariam, Negash, Woldu, "
            "Asmerom, Ghirmay, Kahsay, Ghebremariam, Tewelde, Zerai, Mesfin"
        ),
    ),
    "UA": Origin(
        "UA",
        _t(
            "Oleksandr, Andriy, Dmytro, Serhiy, Volodymyr, Mykola, Ivan, Yuriy, Oleh, Vasyl, "
            "Taras, Bohdan, Maksym, Vitaliy, Roman, Ihor, Artem, Denys, Pavlo, Viktor"
        ),
        _t(
            "Olena, Nataliya, Iryna, Oksana, Tetiana, Svitlana, Yuliya, Kateryna, Anastasiya, "
            "Mariya, Halyna, Liudmyla, Viktoriya, Alina, Daryna, Sofiya, Khrystyna, Yana"
        ),
        _t(
            "Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Boyko, Kovalchuk, Oliynyk, "
            "Shevchuk, Polishchuk, Lysenko, Marchenko, Melnyk, Rudenko, Savchenko, Petrenko, "
            "Klymenko, Pavlenko, Moroz, Tkachuk, Kuzmenko, Honcharenko, Hrytsenko, Ponomarenko"
        ),
    ),
}

#: Dutch first names with diacritics, which Faker's lists lack and cp1252 exports keep.
_DUTCH_EXTRA_FEMALE = ("Daniëlle", "Chloë", "Zoë", "Noëlle", "Anaïs", "Inès", "Mariëlle")
_DUTCH_EXTRA_MALE = ("René", "André", "Noël", "Raphaël", "Joël", "Gaël")


def _female_surname(origin: str, surname: str) -> str:
    """Polish -ski/-cki and Bulgarian -ov/-ev surnames take a female form."""
    if origin == "PL" and surname.endswith(("ski", "cki", "dzki")):
        return surname[:-1] + "a"
    if origin == "BG" and surname.endswith(("ov", "ev")):
        return surname + "a"
    return surname


class NamePool:
    """Draws (first name, surname) pairs per origin; Dutch pools are pre-drawn from Faker.

    >>> pool = NamePool(Faker("nl_NL"), random.Random(1))
    >>> first, last = pool.name("PL", "F")
    >>> isinstance(first, str) and isinstance(last, str)
    True
    """

    def __init__(self, fake: Faker, rng: random.Random, size: int = 400) -> None:
        self._rng = rng
        male = [fake.first_name_male() for _ in range(size)]
        female = [fake.first_name_female() for _ in range(size)]
        surnames = [fake.last_name() for _ in range(size * 3)]
        self._dutch = Origin(
            "NL",
            tuple(male) + _DUTCH_EXTRA_MALE,
            tuple(female) + _DUTCH_EXTRA_FEMALE,
            tuple(surnames),
        )

    def origin(self, code: str) -> Origin:
        return self._dutch if code == "NL" else ORIGINS[code]

    def name(self, origin: str, gender: str) -> tuple[str, str]:
        """A first name and surname of ``origin`` (``NL`` or a key of :data:`ORIGINS`)."""
        o = self.origin(origin)
        rng = self._rng
        first = rng.choice(o.female if gender == "F" else o.male)
        last = rng.choice(o.surnames)
        if gender == "F":
            last = _female_surname(origin, last)
        return first, last

    def surname(self, origin: str) -> str:
        return self._rng.choice(self.origin(origin).surnames)
