"""Print pools of fictional checksum-valid identifiers used while writing the set.

The sentences in ``src/*.txt`` were written by hand; only the identifier values with a check
digit (BSN, IBAN, IMEI, Belgian national register numbers) were drawn from these pools, so that
their checksums are right. Each split has its own seed, so no value is shared between splits.

    python3 gen_values.py dev
    python3 gen_values.py test
"""

from __future__ import annotations

import random
import string
import sys

SEEDS = {"dev": 20251, "test": 90817}

# Country: (length, layout of the BBAN as a list of (kind, count)); kind "a" letters, "n" digits,
# "c" alphanumeric upper case.
IBAN_LAYOUT: dict[str, list[tuple[str, int]]] = {
    "BE": [("n", 12)],
    "DE": [("n", 18)],
    "RO": [("a", 4), ("c", 16)],
    "BG": [("a", 4), ("n", 6), ("c", 8)],
    "PL": [("n", 24)],
    "LT": [("n", 16)],
    "GB": [("a", 4), ("n", 14)],
    "FR": [("n", 10), ("c", 11), ("n", 2)],
    "HU": [("n", 24)],
    "SK": [("n", 20)],
    "ES": [("n", 20)],
    "PT": [("n", 21)],
}
NL_BANKS = ["ABNA", "INGB", "RABO", "SNSB", "TRIO", "BUNQ", "KNAB", "ASNB", "RBRB", "REVO"]
GB_BANKS = ["NWBK", "BARC", "MIDL", "LOYD", "MONZ"]
RO_BANKS = ["BTRL", "RNCB", "BRDE", "INGB", "RZBR"]
BG_BANKS = ["UNCR", "STSA", "FINV", "BPBI"]


def bsn_ok(digits: str) -> bool:
    """11-proof on a 9-digit BSN (weights 9..2, last digit -1)."""
    d = [int(c) for c in digits.zfill(9)]
    total = sum(w * x for w, x in zip(range(9, 1, -1), d[:8], strict=True)) - d[8]
    return total % 11 == 0 and int(digits) > 0


def make_bsn(rng: random.Random, leading_zero: bool = False) -> str:
    while True:
        head = ("0" if leading_zero else str(rng.randint(1, 9))) + "".join(
            rng.choice(string.digits) for _ in range(7)
        )
        for last in string.digits:
            if bsn_ok(head + last):
                return head + last


def iban_check(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    number = "".join(str(int(c, 36)) for c in rearranged)
    return f"{98 - int(number) % 97:02d}"


def draw(rng: random.Random, kind: str, count: int) -> str:
    pool = {
        "a": string.ascii_uppercase,
        "n": string.digits,
        "c": string.ascii_uppercase + string.digits,
    }[kind]
    return "".join(rng.choice(pool) for _ in range(count))


def make_iban(rng: random.Random, country: str) -> str:
    if country == "NL":
        bban = rng.choice(NL_BANKS) + draw(rng, "n", 10)
    else:
        parts = [draw(rng, k, n) for k, n in IBAN_LAYOUT[country]]
        if country == "GB":
            parts[0] = rng.choice(GB_BANKS)
        if country == "RO":
            parts[0] = rng.choice(RO_BANKS)
        if country == "BG":
            parts[0] = rng.choice(BG_BANKS)
        bban = "".join(parts)
    return country + iban_check(country, bban) + bban


def luhn_digit(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        x = int(c)
        if i % 2 == 0:
            x *= 2
            if x > 9:
                x -= 9
        total += x
    return str((10 - total % 10) % 10)


def make_imei(rng: random.Random) -> str:
    tac = rng.choice(["35", "86", "01", "49", "35", "86"]) + draw(rng, "n", 6)
    body = tac + draw(rng, "n", 6)
    return body + luhn_digit(body)


def make_rrn(rng: random.Random) -> str:
    """Belgian rijksregisternummer YYMMDD-SSS-CC (mod 97)."""
    year = rng.randint(1960, 2005)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    serial = rng.randint(1, 997)
    base = f"{year % 100:02d}{month:02d}{day:02d}{serial:03d}"
    n = int(("2" if year >= 2000 else "") + base)
    check = 97 - n % 97
    return f"{base}{check:02d}"


def main() -> None:
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    rng = random.Random(SEEDS[split])
    print("BSN", [make_bsn(rng) for _ in range(30)])
    print("BSN0", [make_bsn(rng, leading_zero=True) for _ in range(8)])
    print("IBAN-NL", [make_iban(rng, "NL") for _ in range(25)])
    for country in IBAN_LAYOUT:
        print(f"IBAN-{country}", [make_iban(rng, country) for _ in range(3)])
    print("IMEI", [make_imei(rng) for _ in range(35)])
    print("RRN", [make_rrn(rng) for _ in range(6)])


if __name__ == "__main__":
    main()
