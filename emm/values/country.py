"""Countries as ISO 3166-1 alpha-2 codes, from codes, Dutch or English names and nationalities."""

from __future__ import annotations

from emm.values.base import ALPHA2, InvalidValue, is_valid_with
from emm.values.codes import lookup_table
from emm.values.name import fold

__all__ = ["is_valid", "normalise"]

# alpha-2: (alpha-3, Dutch and English names, Dutch and English nationality adjectives)
_COUNTRIES: dict[str, tuple[str, str]] = {
    "NL": ("NLD", "Nederland, Netherlands, The Netherlands, Holland, Nederlands, Nederlandse, "
                  "Dutch"),
    "BE": ("BEL", "België, Belgium, Belgisch, Belgische, Belgian"),
    "DE": ("DEU", "Duitsland, Germany, Deutschland, Duits, Duitse, German"),
    "FR": ("FRA", "Frankrijk, France, Frans, Franse, French"),
    "GB": ("GBR", "Verenigd Koninkrijk, United Kingdom, UK, Groot-Brittannië, Great Britain, "
                  "Engeland, England, Brits, Britse, British"),
    "PL": ("POL", "Polen, Poland, Polska, Pools, Poolse, Polish"),
    "RO": ("ROU", "Roemenië, Romania, Roemeens, Roemeense, Romanian"),
    "BG": ("BGR", "Bulgarije, Bulgaria, Bulgaars, Bulgaarse, Bulgarian"),
    "HU": ("HUN", "Hongarije, Hungary, Hongaars, Hongaarse, Hungarian"),
    "SK": ("SVK", "Slowakije, Slovakia, Slowaaks, Slowaakse, Slovak, Slovakian"),
    "CZ": ("CZE", "Tsjechië, Czech Republic, Czechia, Tsjechisch, Tsjechische, Czech"),
    "LT": ("LTU", "Litouwen, Lithuania, Litouws, Litouwse, Lithuanian"),
    "LV": ("LVA", "Letland, Latvia, Lets, Letse, Latvian"),
    "UA": ("UKR", "Oekraïne, Ukraine, Oekraïens, Oekraïense, Ukrainian"),
    "MA": ("MAR", "Marokko, Morocco, Marokkaans, Marokkaanse, Moroccan"),
    "TR": ("TUR", "Turkije, Turkey, Türkiye, Turks, Turkse, Turkish"),
    "SR": ("SUR", "Suriname, Surinaams, Surinaamse, Surinamese"),
    "NG": ("NGA", "Nigeria, Nigeriaans, Nigeriaanse, Nigerian"),
    "GH": ("GHA", "Ghana, Ghanees, Ghanese, Ghanaian"),
    "ER": ("ERI", "Eritrea, Eritrees, Eritrese, Eritrean"),
    "SY": ("SYR", "Syrië, Syria, Syrisch, Syrische, Syrian"),
    "AF": ("AFG", "Afghanistan, Afghaans, Afghaanse, Afghan"),
    "IQ": ("IRQ", "Irak, Iraq, Iraaks, Iraakse, Iraqi"),
    "IR": ("IRN", "Iran, Iraans, Iraanse, Iranian"),
    "VN": ("VNM", "Vietnam, Viet Nam, Vietnamees, Vietnamese"),
    "CN": ("CHN", "China, Chinees, Chinese"),
    "TH": ("THA", "Thailand, Thais, Thaise, Thai"),
    "PH": ("PHL", "Filipijnen, Philippines, Filipijns, Filipijnse, Filipino, Philippine"),
    "IN": ("IND", "India, Indiaas, Indiase, Indian"),
    "PK": ("PAK", "Pakistan, Pakistaans, Pakistaanse, Pakistani"),
    "AL": ("ALB", "Albanië, Albania, Albanees, Albanese, Albanian"),
    "RS": ("SRB", "Servië, Serbia, Servisch, Servische, Serbian"),
    "BR": ("BRA", "Brazilië, Brazil, Braziliaans, Braziliaanse, Brazilian"),
    "CO": ("COL", "Colombia, Colombiaans, Colombiaanse, Colombian"),
    "DO": ("DOM", "Dominicaanse Republiek, Dominican Republic"),
    "ES": ("ESP", "Spanje, Spain, España, Spaans, Spaanse, Spanish"),
    "PT": ("PRT", "Portugal, Portugees, Portugese, Portuguese"),
    "IT": ("ITA", "Italië, Italy, Italia, Italiaans, Italiaanse, Italian"),
    "UG": ("UGA", "Oeganda, Uganda, Oegandees, Oegandese, Ugandan"),
    "ET": ("ETH", "Ethiopië, Ethiopia, Ethiopisch, Ethiopische, Ethiopian"),
    "SO": ("SOM", "Somalië, Somalia, Somalisch, Somalische, Somali, Somalian"),
}  # fmt: skip


_LOOKUP = lookup_table((a2, (a3, *names.split(", "))) for a2, (a3, names) in _COUNTRIES.items())


def normalise(raw: str) -> str:
    """An ISO 3166-1 alpha-2 country code.

    Accepts any alpha-2 code, and the alpha-3 code, Dutch or English name or nationality of
    about forty countries that occur in EMM cases.

    >>> normalise("Nederland"), normalise("NLD"), normalise("marokko"), normalise("Roemeense")
    ('NL', 'NL', 'MA', 'RO')
    """
    code = _LOOKUP.get(raw) or _LOOKUP.get(fold(raw))
    if code is not None:
        return code
    if len(raw) == 2 and raw.upper() in ALPHA2:
        return raw.upper()
    raise InvalidValue(
        "not a known country: use an ISO alpha-2 code (NL), alpha-3 code (NLD) or country name"
    )


def is_valid(raw: str) -> bool:
    """Whether ``raw`` names a country.

    >>> is_valid("Duitsland"), is_valid("Atlantis")
    (True, False)
    """
    return is_valid_with(normalise, raw)
