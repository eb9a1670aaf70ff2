"""Free-text summaries of signals, in the officers' Dutch, shared by networks and noise.

Networks and unrelated signals draw from the same templates, so the wording of a summary does
not tell a planted network from an unfounded report.
"""

from __future__ import annotations

import random

__all__ = ["summary"]

_TEMPLATES: dict[str, tuple[str, ...]] = {
    "sexual": (
        "Melding via Meld Misdaad Anoniem over vrouwen die in {city} in een hotel werken; mogelijk onder dwang.",
        "Bij controle escortadvertenties hetzelfde telefoonnummer bij meerdere advertenties aangetroffen.",
        "Hotelmedewerker meldt wisselende vrouwen op kamer, betaald door een man die niet verblijft.",
        "Intakegesprek raamprostitutie {city}: vrouw spreekt geen Nederlands, weet haar adres niet.",
        "Zorgmelding school: leerling vaak afwezig, nieuwe dure kleding, oudere vriend haalt haar op.",
        "Controle vergunde seksbedrijven {city}: geen bijzonderheden, wel vragen over huurbetaling.",
        "Buurtbewoner meldt veel mannelijk bezoek op wisselende tijden in woning te {city}.",
        "Klant meldt via chat dat de vrouw aangaf niet weg te mogen.",
    ),
    "labour": (
        "Inspectie huisvesting {city}: veel arbeidsmigranten op één adres, matrassen op zolder.",
        "Werknemer meldt inhouding op loon voor huur en vervoer; loonstroken ontbreken.",
        "Controle uitzendbureau: loon wordt deels contant uitbetaald, urenregistratie klopt niet.",
        "Melding gemeente {city}: busje haalt 's ochtends vroeg groep werknemers op bij woning.",
        "Arbeidsinspectie: werknemers hebben paspoort ingeleverd bij werkgever.",
        "Klacht over achterstallig loon bij bouwproject; onderaannemer onbekend bij KvK-adres.",
        "Reguliere inspectie {sector}: arbeidsvoorwaarden in orde, enkele administratieve gebreken.",
        "Melding huisvesting: woning verhuurd per bed, huur wordt ingehouden op loon.",
    ),
    "criminal": (
        "Minderjarigen aangehouden voor winkeldiefstal in {city}; zeggen geen vaste woonplaats te hebben.",
        "Jongere aangetroffen met drugs en telefoon met veel contacten; wordt betaald per rit.",
        "Bankrekening van jongere gebruikt voor doorsluizen van geld uit phishing.",
        "Melding jeugdzorg: jongere onder druk gezet om pakketjes te vervoeren.",
        "Aangetroffen in hennepkwekerij {city}: jonge man zonder papieren, sliep in de woning.",
        "Groep kinderen bedelend aangetroffen bij station {city}, volwassene op afstand.",
    ),
    "smuggling": (
        "MTV-controle: bestelbus met personen zonder documenten aangetroffen bij {post}.",
        "Reizigers met vervalste of lookalike paspoorten aangetroffen bij {post}.",
        "Vrachtwagen bij {post}: verstekelingen aangetroffen in de laadruimte.",
        "Asielzoeker verklaart dat reis via tussenpersoon is betaald; contact alleen per telefoon.",
        "Melding vanuit opvanglocatie: bewoner vertrokken met onbekende bestemming.",
        "Geldtransfers naar buitenland via belwinkel; familie betaalt voor de reis.",
    ),
    "unknown": (
        "Melding van verdachte situatie in {city}; nader onderzoek nodig.",
        "Informatie van partner over mogelijke uitbuiting; geen concrete aanwijzingen.",
        "Anonieme tip zonder verdere gegevens.",
    ),
}


def summary(
    rng: random.Random, phenomenon: str, *, city: str = "", post: str = "", sector: str = ""
) -> str:
    template = rng.choice(_TEMPLATES.get(phenomenon, _TEMPLATES["unknown"]))
    return template.format(
        city=city or "de regio", post=post or "de grens", sector=sector or "de sector"
    )
