"""Name pools per nationality, spelling variants and working names (gen5's own lists)."""

from __future__ import annotations

# nationality -> (male given names, female given names, surnames)
POOLS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "NL": (
        ("Jan", "Pieter", "Daan", "Thijs", "Sander", "Mark", "Kevin", "Bas", "Ruud", "Wim",
         "Henk", "Johan", "Martijn", "Jeroen", "Stefan", "Dennis", "Tim", "Lars", "Milan", "Sem",
         "Luuk", "Bram", "Niels", "Rick", "Gert", "Koen", "Joost", "Erik", "Roel", "Wouter"),
        ("Anna", "Sanne", "Lisa", "Eva", "Femke", "Iris", "Marloes", "Linda", "Sandra", "Anouk",
         "Lotte", "Emma", "Julia", "Fleur", "Noor", "Ingrid", "Monique", "Esther", "Ilse", "Kim",
         "Marieke", "Petra", "Annemiek", "Wendy", "Romy", "Yvonne", "Chantal", "Manon"),
        ("de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
         "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
         "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
         "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
         "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "van der Heijden",
         "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas",
         "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Peeters",
         "de Koning", "Post", "Kuipers", "Veenstra", "Kramer", "van Wijk", "Scholten", "Hermans",
         "Timmermans", "Groen", "Gerritsen", "Wiersma", "Bosman", "Evers", "Lammers", "Molenaar"),
    ),
    "PL": (
        ("Piotr", "Krzysztof", "Tomasz", "Paweł", "Michał", "Marcin", "Łukasz", "Grzegorz",
         "Adam", "Marek", "Jakub", "Kamil", "Dariusz", "Mateusz", "Sławomir", "Wojciech"),
        ("Anna", "Katarzyna", "Magdalena", "Agnieszka", "Joanna", "Monika", "Ewa", "Małgorzata",
         "Aleksandra", "Natalia", "Karolina", "Beata"),
        ("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
         "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur",
         "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski", "Nowicki", "Pawlak"),
    ),
    "RO": (
        ("Ion", "Andrei", "Mihai", "Alexandru", "Gheorghe", "Florin", "Marian", "Adrian",
         "Constantin", "Cristian", "Ionuț", "Vasile", "Sorin", "Cătălin"),
        ("Maria", "Elena", "Ioana", "Andreea", "Alexandra", "Mihaela", "Ana", "Cristina",
         "Gabriela", "Florentina", "Denisa", "Roxana", "Larisa", "Bianca"),
        ("Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Stoica", "Rusu", "Munteanu", "Matei",
         "Șerban", "Lungu", "Moldovan", "Dinu", "Marin", "Tudor", "Bălan", "Ciobanu", "Dobre"),
    ),
    "BG": (
        ("Georgi", "Ivan", "Dimitar", "Nikolay", "Petar", "Hristo", "Stoyan", "Todor"),
        ("Maria", "Ivanka", "Elena", "Desislava", "Yordanka", "Gergana", "Radka", "Tsvetelina"),
        ("Ivanov", "Petrov", "Georgiev", "Dimitrov", "Nikolov", "Stoyanov", "Kostov", "Angelov"),
    ),
    "HU": (
        ("László", "István", "Zoltán", "Gábor", "Attila", "Tamás", "Sándor"),
        ("Katalin", "Erzsébet", "Anita", "Zsófia", "Krisztina", "Edina", "Renáta"),
        ("Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Molnár", "Balogh"),
    ),
    "UA": (
        ("Oleksandr", "Andriy", "Serhiy", "Dmytro", "Volodymyr", "Mykola", "Yuriy"),
        ("Olena", "Nataliya", "Iryna", "Oksana", "Yulia", "Tetiana", "Kateryna"),
        ("Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko",
         "Marchenko", "Savchenko", "Rudenko"),
    ),
    "LT": (
        ("Tomas", "Mindaugas", "Darius", "Andrius", "Vytautas"),
        ("Rasa", "Jurgita", "Asta", "Ieva"),
        ("Kazlauskas", "Jankauskas", "Petrauskas", "Stankevičius", "Vasiliauskas"),
    ),
    "MA": (
        ("Mohammed", "Youssef", "Hamza", "Karim", "Rachid", "Mustafa", "Said", "Bilal", "Anouar"),
        ("Fatima", "Khadija", "Samira", "Nadia", "Latifa", "Salma", "Imane"),
        ("El Amrani", "Bouzidi", "Benali", "El Idrissi", "Azzouzi", "Ouali", "Chaoui",
         "Boukhari", "El Khattabi", "Ait Taleb"),
    ),
    "TR": (
        ("Mehmet", "Mustafa", "Ahmet", "Hüseyin", "Murat", "Emre", "Burak", "Hakan"),
        ("Ayşe", "Fatma", "Elif", "Zeynep", "Emine", "Büşra", "Merve"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Arslan"),
    ),
    "SR": (
        ("Romano", "Glenn", "Ricardo", "Dwight", "Iwan", "Sunil"),
        ("Shanice", "Naomi", "Gwendolyn", "Sharda", "Priscilla"),
        ("Pinas", "Sumter", "Brunings", "Ramdin", "Kanhai", "Pengel", "Biervliet", "Tjon"),
    ),
    "NG": (
        ("Osagie", "Emeka", "Chinedu", "Osaro", "Efosa", "Ikechukwu", "Uyi", "Nosa"),
        ("Blessing", "Precious", "Joy", "Gift", "Favour", "Mercy", "Osasu", "Esohe", "Faith"),
        ("Osagie", "Okafor", "Igbinedion", "Obaseki", "Eze", "Okonkwo", "Aigbe", "Edosomwan",
         "Omoregie", "Uwaifo"),
    ),
    "ER": (
        ("Daniel", "Yonas", "Tesfay", "Mehari", "Filmon", "Samuel", "Berhane", "Habtom", "Robel"),
        ("Helen", "Selam", "Senait", "Mebrat", "Hiwet", "Luwam", "Saba"),
        ("Haile", "Tesfay", "Gebremedhin", "Kidane", "Weldu", "Tekle", "Ghebreyesus", "Mehari",
         "Berhe", "Abraha"),
    ),
    "SY": (
        ("Ahmad", "Mohammad", "Omar", "Khaled", "Ali", "Hassan", "Yusuf", "Bashar"),
        ("Rania", "Hala", "Amal", "Noor", "Lina", "Rasha"),
        ("Al-Hassan", "Haddad", "Al-Khatib", "Darwish", "Hamdan", "Al-Ali", "Kassab", "Mansour"),
    ),
    "AF": (
        ("Ahmad", "Mohammad", "Ali", "Rahim", "Farid", "Hamid", "Javid"),
        ("Maryam", "Zahra", "Fatima", "Parwana"),
        ("Ahmadi", "Rahimi", "Hakimi", "Sultani", "Karimi", "Noori", "Safi"),
    ),
    "VN": (
        ("Minh", "Tuấn", "Hùng", "Dũng", "Long", "Nam", "Quang", "Thành"),
        ("Lan", "Hương", "Mai", "Linh", "Thảo", "Hoa", "Ngọc"),
        ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ"),
    ),
    "CN": (
        ("Wei", "Lei", "Jun", "Jian Guo", "Hao", "Qiang"),
        ("Fang", "Min", "Jing", "Yan", "Hui", "Xiu Ying", "Li Na"),
        ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou"),
    ),
    "TH": (
        ("Somchai", "Anan"),
        ("Siriporn", "Malee", "Nittaya", "Ratana", "Kanya", "Pranee"),
        ("Srisuk", "Chaiyaporn", "Wongsawat", "Boonmee", "Saetang"),
    ),
    "PH": (
        ("Jose", "Mark Anthony", "Rodel", "Jun", "Ramon", "Arnel"),
        ("Maria Cristina", "Jocelyn", "Rowena", "Marites", "Lorna", "Analyn", "Rhea"),
        ("Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Dela Cruz", "Mendoza", "Villanueva"),
    ),
    "IN": (
        ("Rajesh", "Sandeep", "Gurpreet", "Harjit", "Amit", "Vikram", "Arjun"),
        ("Priya", "Sunita", "Manpreet", "Anjali"),
        ("Singh", "Sharma", "Patel", "Kumar", "Gill", "Sandhu", "Reddy"),
    ),
    "PK": (
        ("Imran", "Bilal", "Asif", "Tariq", "Usman", "Kamran"),
        ("Ayesha", "Sana", "Nadia"),
        ("Khan", "Hussain", "Butt", "Chaudhry", "Malik", "Qureshi"),
    ),
    "AL": (
        ("Arben", "Ilir", "Gentian", "Besnik", "Dritan", "Erion", "Klodian"),
        ("Elira", "Blerta", "Anisa", "Klea"),
        ("Hoxha", "Shehu", "Kola", "Leka", "Gjoka", "Dervishi", "Çela", "Krasniqi"),
    ),
    "CO": (
        ("Andrés", "Juan Carlos", "Jhon", "Luis Fernando"),
        ("Valentina", "Daniela", "Camila", "Luisa", "Paola", "Yuliana"),
        ("García", "Rodríguez", "Martínez", "López", "Gómez", "Hernández", "Ramírez", "Castaño"),
    ),
    "BR": (
        ("João", "Lucas", "Rafael"),
        ("Ana Paula", "Juliana", "Larissa", "Bruna", "Fernanda"),
        ("Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Ferreira"),
    ),
    "GB": (
        ("James", "Daniel", "Lee", "Craig", "Gary", "Stuart", "Wayne"),
        ("Sarah", "Emma", "Claire", "Kelly"),
        ("Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Hughes"),
    ),
    "DE": (
        ("Thomas", "Michael", "Stefan", "Jürgen", "Andreas", "Uwe"),
        ("Sabine", "Petra", "Claudia", "Katrin"),
        ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann"),
    ),
    "IQ": (
        ("Haider", "Mustafa", "Ali", "Karrar", "Sarmad"),
        ("Zainab", "Noor", "Hawra"),
        ("Al-Jabouri", "Al-Saadi", "Kadhim", "Al-Obaidi", "Hussein"),
    ),
}  # fmt: skip

#: Word -> other spellings a clerk writes (transliteration, Dutch phonetic spelling).
SPELLINGS: dict[str, tuple[str, ...]] = {
    "Mohammed": ("Mohamed", "Muhammad", "Mohammad"),
    "Mohammad": ("Mohamad", "Muhammad", "Mohammed"),
    "Youssef": ("Yusuf", "Youssif", "Joesef"),
    "Yusuf": ("Youssef", "Yousef"),
    "Rachid": ("Rashid", "Rasheed"),
    "Mustafa": ("Mustapha", "Moustafa"),
    "El Amrani": ("Elamrani", "Amrani"),
    "El Idrissi": ("Idrissi", "Elidrissi"),
    "El Khattabi": ("Elkhattabi", "Khattabi"),
    "Azzouzi": ("Azouzi",),
    "Oleksandr": ("Aleksandr", "Alexander", "Oleksander"),
    "Andriy": ("Andrii", "Andrej"),
    "Serhiy": ("Sergiy", "Sergej"),
    "Dmytro": ("Dmitri", "Dmitro"),
    "Yuriy": ("Yurii", "Joeri"),
    "Yulia": ("Julia", "Joelia"),
    "Iryna": ("Irina",),
    "Tetiana": ("Tatjana", "Tatiana"),
    "Nataliya": ("Natalia", "Natalija"),
    "Shevchenko": ("Sjevtsjenko", "Schewtschenko"),
    "Tkachenko": ("Tkatsjenko",),
    "Kravchenko": ("Kravtsjenko",),
    "Savchenko": ("Savtsjenko",),
    "Tesfay": ("Tesfaye", "Tesfai"),
    "Haile": ("Hayle", "Haille"),
    "Gebremedhin": ("Ghebremedhin", "Gebremeskel"),
    "Ghebreyesus": ("Gebreyesus",),
    "Weldu": ("Woldu",),
    "Mehari": ("Mihreteab", "Mehary"),
    "Osagie": ("Osaghae",),
    "Igbinedion": ("Igbinidion",),
    "Omoregie": ("Omoregbe",),
    "Edosomwan": ("Edosonwan",),
    "Khaled": ("Khalid", "Chaled"),
    "Al-Hassan": ("Alhassan", "El Hassan"),
    "Al-Khatib": ("Alkhatib", "El Khatib"),
    "Al-Ali": ("Alali",),
    "Haddad": ("Hadad",),
    "Hussain": ("Hussein", "Husain"),
    "Chaudhry": ("Chaudhary", "Choudry"),
    "Noori": ("Nouri",),
    "Karimi": ("Karimy",),
    "Hoxha": ("Hodja", "Hoxa"),
    "Çela": ("Cela",),
    "Krasniqi": ("Krasnici",),
    "Zhang": ("Chang",),
    "Zhou": ("Chou",),
    "Huang": ("Hwang",),
    "Wu": ("Woo",),
    "Nguyễn": ("Nguyen", "Ngyuen"),
    "Trần": ("Tran",),
    "Phạm": ("Pham",),
    "Hoàng": ("Hoang",),
    "Đặng": ("Dang",),
    "Đỗ": ("Do",),
    "Dela Cruz": ("De la Cruz", "Delacruz"),
    "Hüseyin": ("Huseyin", "Hussein"),
    "Yılmaz": ("Yilmaz",),
    "Şahin": ("Sahin",),
    "Ionuț": ("Ionut",),
    "Șerban": ("Serban",),
    "Łukasz": ("Lukasz",),
    "Paweł": ("Pawel",),
    "Wiśniewski": ("Wisniewski",),
    "Stankevičius": ("Stankevicius",),
    "Al-Jabouri": ("Aljabouri", "Al-Juburi"),
    "Kadhim": ("Kazim", "Kadim"),
}

#: Working names used in escort and hostess advertisements.
WORKING_NAMES = (
    "Candy", "Bella", "Jasmin", "Mia", "Luna", "Vanessa", "Sasha", "Kiara", "Bianca", "Roxy",
    "Nikita", "Cherry", "Lola", "Angel", "Destiny", "Naomi", "Stella", "Chanel", "Scarlett",
    "Amber", "Kitty", "Lexi", "Nina", "Tiffany", "Honey", "Jade",
)  # fmt: skip

#: Nationalities whose names are written surname first in their own order.
SURNAME_FIRST = frozenset({"VN", "CN", "HU"})


#: Nationality -> female surname form, where the language has one.
def female_surname(nat: str, surname: str) -> str:
    if nat == "PL":
        if surname.endswith("ski"):
            return surname[:-1] + "a"
        if surname.endswith("cki") or surname.endswith("dzki"):
            return surname[:-1] + "a"
    if nat == "BG" and surname.endswith("v"):
        return surname + "a"
    if nat == "LT" and surname.endswith("as"):
        return surname[:-2] + "ienė"
    if nat == "LT" and surname.endswith("ius"):
        return surname[:-3] + "ienė"
    return surname
