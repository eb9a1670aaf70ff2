"""Seeded pools of checksum-valid identifiers for the fourth de-identification set.

The writer of ``deid4`` drew BSNs, IBANs, IMEIs and foreign personal numbers from these pools
and then placed and re-formatted them by hand in the sources. The seeds differ from those of
the first three sets, so identifiers are not shared with them (a collision is astronomically
unlikely, but ``check_set.py`` cannot prove it without reading those sets, which it does not).
Adapted from ``deid3/src/gen_values.py`` with new seeds (main 20261203, KBO 1203, NIP 4404);
the extra pools (VIN, KvK, V-number, Luhn-valid card numbers) use seed 4405.

Run ``python3 gen_values.py`` to print the pools.
"""

from __future__ import annotations

import random
import string

SEED = 20_261_203
KBO_SEED, NIP_SEED, EXTRA_SEED = 1203, 4404, 4405


def bsn(rng: random.Random) -> str:
    """A nine-digit number that passes the 11-proof (weights 9..2 and -1)."""
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        if last <= 9 and digits[0] in (1, 2, 3, 4, 5, 6, 7):
            return "".join(map(str, digits)) + str(last)


def bsn_leading_zero(rng: random.Random) -> str:
    """A BSN that starts with 0, so that a spreadsheet may show it with eight digits."""
    while True:
        digits = [0] + [rng.randint(0, 9) for _ in range(7)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        if last <= 9:
            return "".join(map(str, digits)) + str(last)


def _iban_check(country: str, bban: str) -> str:
    moved = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in moved)
    return f"{98 - int(numeric) % 97:02d}"


def iban(rng: random.Random, country: str) -> str:
    digits = string.digits
    if country == "NL":
        bank = rng.choice(["INGB", "RABO", "ABNA", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ", "RBRB"])
        bban = bank + "".join(rng.choice(digits) for _ in range(10))
    elif country == "BE":
        first = "".join(rng.choice(digits) for _ in range(10))
        national = int(first) % 97 or 97
        bban = first + f"{national:02d}"
    elif country == "DE":
        bban = "".join(rng.choice(digits) for _ in range(18))
    elif country == "RO":
        bank = rng.choice(["BTRL", "RNCB", "BRDE", "INGB", "CECE", "RZBR"])
        # Romanian account parts are alphanumeric; most banks print a currency code in them.
        bban = (
            bank
            + rng.choice(["RONCRT", "RON000", "0RON01"])
            + "".join(rng.choice(digits) for _ in range(10))
        )
    elif country == "BG":
        bank = rng.choice(["UNCR", "BPBI", "STSA", "FINV", "RZBB"])
        bban = bank + "".join(rng.choice(digits) for _ in range(6))
        bban += "".join(rng.choice(digits) for _ in range(8))
    elif country == "PL":
        bban = "".join(rng.choice(digits) for _ in range(24))
    elif country == "LT":
        bban = "".join(rng.choice(digits) for _ in range(16))
    elif country == "GB":
        bank = rng.choice(["BARC", "LOYD", "HBUK", "NWBK", "REVO", "MONZ"])
        bban = bank + "".join(rng.choice(digits) for _ in range(14))
    elif country == "SK":
        bban = "".join(rng.choice(digits) for _ in range(20))
    elif country == "HU":
        bban = "".join(rng.choice(digits) for _ in range(24))
    elif country == "ES":
        bban = "".join(rng.choice(digits) for _ in range(20))
    else:
        raise ValueError(country)
    return country + _iban_check(country, bban) + bban


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def imei(rng: random.Random) -> str:
    body = rng.choice(["35", "86", "01", "99", "49"]) + "".join(
        str(rng.randint(0, 9)) for _ in range(12)
    )
    return body + luhn_digit(body)


def rrn(rng: random.Random) -> str:
    """Belgian rijksregisternummer: yymmdd + counter + 97-modulus check."""
    year = rng.randint(1965, 2006)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    counter = rng.randint(1, 997)
    first = f"{year % 100:02d}{month:02d}{day:02d}{counter:03d}"
    base = int(("2" if year >= 2000 else "") + first)
    return first + f"{97 - base % 97:02d}"


def pesel(rng: random.Random) -> str:
    year = rng.randint(1970, 2005)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    mm = month + (20 if year >= 2000 else 0)
    body = f"{year % 100:02d}{mm:02d}{day:02d}" + "".join(str(rng.randint(0, 9)) for _ in range(4))
    weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    total = sum(int(c) * w for c, w in zip(body, weights, strict=True))
    return body + str((10 - total % 10) % 10)


def cnp(rng: random.Random) -> str:
    year = rng.randint(1970, 2005)
    sex = rng.choice([1, 2]) if year < 2000 else rng.choice([5, 6])
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    body = f"{sex}{year % 100:02d}{month:02d}{day:02d}{rng.randint(1, 46):02d}{rng.randint(1, 999):03d}"
    weights = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]
    total = sum(int(c) * w for c, w in zip(body, weights, strict=True))
    check = total % 11
    return body + ("1" if check == 10 else str(check))


def egn(rng: random.Random) -> str:
    year = rng.randint(1970, 2005)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    mm = month + (40 if year >= 2000 else 0)
    body = f"{year % 100:02d}{mm:02d}{day:02d}" + "".join(str(rng.randint(0, 9)) for _ in range(3))
    weights = [2, 4, 8, 5, 10, 9, 7, 3, 6]
    total = sum(int(c) * w for c, w in zip(body, weights, strict=True))
    check = total % 11
    return body + ("0" if check == 10 else str(check))


def kbo_pool(seed: int = KBO_SEED) -> list[str]:
    """Belgian enterprise numbers (KBO/BCE): 97 minus the first eight digits modulo 97."""
    rng = random.Random(seed)
    out = []
    for _ in range(6):
        first = rng.choice(["07", "08", "06", "05"]) + "".join(
            str(rng.randint(0, 9)) for _ in range(6)
        )
        number = first + f"{97 - int(first) % 97:02d}"
        out.append(f"{number[:4]}.{number[4:7]}.{number[7:]}")
    return out


def nip_pool(seed: int = NIP_SEED) -> list[str]:
    """Polish tax numbers (NIP): weighted sum of nine digits modulo 11, never 10."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < 4:
        digits = [rng.randint(0, 9) for _ in range(9)]
        if digits[0] == 0:
            continue
        check = sum(d * w for d, w in zip(digits, [6, 5, 7, 2, 3, 4, 5, 6, 7], strict=True)) % 11
        if check == 10:
            continue
        out.append("".join(map(str, digits)) + str(check))
    return out


def pools(seed: int = SEED, kbo: int = KBO_SEED, nip: int = NIP_SEED) -> dict[str, list[str]]:
    rng = random.Random(seed)
    out: dict[str, list[str]] = {
        "bsn": [bsn(rng) for _ in range(40)],
        "bsn0": [bsn_leading_zero(rng) for _ in range(4)],
        "imei": [imei(rng) for _ in range(36)],
        "rrn": [rrn(rng) for _ in range(8)],
        "pesel": [pesel(rng) for _ in range(6)],
        "cnp": [cnp(rng) for _ in range(6)],
        "egn": [egn(rng) for _ in range(6)],
    }
    for country, n in [
        ("NL", 22), ("BE", 6), ("DE", 3), ("RO", 5), ("BG", 4), ("PL", 4),
        ("LT", 4), ("GB", 3), ("SK", 2), ("HU", 2), ("ES", 2),
    ]:  # fmt: skip
        out["iban_" + country] = [iban(rng, country) for _ in range(n)]
    out["kbo"] = kbo_pool(kbo)
    out["nip"] = nip_pool(nip)
    return out


def extra_pools(seed: int = EXTRA_SEED) -> dict[str, list[str]]:
    """Identifiers without a national check digit, and Luhn-valid card numbers (seed 4405)."""
    rng = random.Random(seed)
    vin_chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    wmis = ["WVW", "WBA", "VF1", "WDD", "TMB", "ZFA", "JTD", "WF0", "UU1", "VSS", "YV1", "KNA"]
    out: dict[str, list[str]] = {
        "vin": [
            rng.choice(wmis) + "".join(rng.choice(vin_chars) for _ in range(14)) for _ in range(30)
        ],
        "kvk": ["".join(str(rng.randint(0, 9)) for _ in range(8)) for _ in range(30)],
        "vnum": [
            str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(9))
            for _ in range(26)
        ],
    }
    cards = []
    for _ in range(4):
        body = rng.choice(["4", "5"]) + "".join(str(rng.randint(0, 9)) for _ in range(14))
        cards.append(body + luhn_digit(body))
    out["card"] = cards
    return out


if __name__ == "__main__":
    for name, values in {**pools(), **extra_pools()}.items():
        print(name + ":", " ".join(values))
