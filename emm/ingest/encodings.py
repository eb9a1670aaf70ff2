"""A delivery file's encoding, decided once for the whole file, and the bytes it cannot decode.

:func:`sniff_encoding` follows the reading contract (docs/delivery-format.md): a BOM decides,
else the manifest, else detection. Bytes that the chosen encoding cannot decode become lone
surrogates (the ``emm-undecodable`` error handler), so the reader can quarantine exactly the
records that hold them; :func:`shown` turns them into ``\\xNN`` for the quarantine file.
:func:`may_hold_forbidden` is a byte-level pass that lets the reader skip checking each line
of a clean file for forbidden characters.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import BinaryIO

__all__ = [
    "KEEP",
    "MANIFEST_ENCODINGS",
    "SURROGATE",
    "Encoding",
    "may_hold_forbidden",
    "shown",
    "sniff_encoding",
]

#: Characters of a quarantined line or field kept in the quarantine file for the privacy officer.
KEEP = 64 * 1024

_BOMS: tuple[tuple[bytes, str, str], ...] = (  # longest first: UTF-32 LE starts like UTF-16 LE
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)
#: Encodings a manifest may declare -> (Python codec, name in reasons). Without a BOM, UTF-16
#: and UTF-32 are big-endian (RFC 2781); ``utf-8-sig`` is UTF-8 with an optional BOM.
MANIFEST_ENCODINGS: dict[str, tuple[str, str]] = {
    "utf-8": ("utf-8", "UTF-8"),
    "utf-8-sig": ("utf-8", "UTF-8"),
    "cp1252": ("cp1252", "cp1252"),
    "windows-1252": ("cp1252", "cp1252"),
    "iso-8859-1": ("latin-1", "ISO-8859-1"),
    "latin-1": ("latin-1", "ISO-8859-1"),
    "iso-8859-15": ("iso8859-15", "ISO-8859-15"),
    "utf-16": ("utf-16-be", "UTF-16 BE"),
    "utf-16-le": ("utf-16-le", "UTF-16 LE"),
    "utf-16-be": ("utf-16-be", "UTF-16 BE"),
    "utf-32": ("utf-32-be", "UTF-32 BE"),
    "utf-32-le": ("utf-32-le", "UTF-32 LE"),
    "utf-32-be": ("utf-32-be", "UTF-32 BE"),
}


@dataclass(frozen=True, slots=True)
class Encoding:
    """How a file is decoded: ``codec`` for Python, ``name`` for people, ``source`` of the
    decision (``bom``, ``manifest`` or ``detected``) and the BOM's length in bytes."""

    codec: str
    name: str
    source: str
    bom: int = 0
    decodes: bool = False  # known to decode without error (detection read all of it)

    def describe(self) -> str:
        return f"{self.name} ({'byte-order mark' if self.source == 'bom' else self.source})"


def _classify_unmarked(fh: BinaryIO, block: int) -> Encoding:
    """UTF-8 when the file decodes as UTF-8 or has both valid multi-byte sequences and invalid
    bytes; cp1252 when it has bytes >= 0x80 but not one valid UTF-8 multi-byte sequence.

    Two incremental decoders run over the blocks at C speed (a sequence split between blocks
    is still seen): a strict one finds invalid bytes, one that drops them finds valid
    multi-byte sequences (its output is not ASCII).
    """
    strict = codecs.getincrementaldecoder("utf-8")()
    lenient = codecs.getincrementaldecoder("utf-8")(errors="ignore")
    invalid = multibyte = False
    while data := fh.read(block):
        if not invalid:
            try:
                strict.decode(data)
            except UnicodeDecodeError:
                invalid = True
        if not multibyte:
            multibyte = not lenient.decode(data).isascii()
        if invalid and multibyte:
            break
    if not invalid:
        try:
            strict.decode(b"", final=True)  # a sequence cut off by the end of the file
        except UnicodeDecodeError:
            invalid = True
    if invalid and not multibyte:
        return Encoding("cp1252", "cp1252", "detected")
    return Encoding("utf-8", "UTF-8", "detected", decodes=not invalid)


def sniff_encoding(fh: BinaryIO, declared: str | None = None, *, block: int = 1 << 20) -> Encoding:
    """Decide a file's encoding: a BOM decides; else ``declared`` (from the manifest); else
    detection over the whole file (streamed, bounded memory). Leaves ``fh`` at the start.
    """
    fh.seek(0)
    head = fh.read(4)
    fh.seek(0)
    for bom, codec, name in _BOMS:
        if head.startswith(bom):
            return Encoding(codec, name, "bom", len(bom))
    if declared is not None:
        codec, name = MANIFEST_ENCODINGS[declared]
        return Encoding(codec, name, "manifest")
    try:
        return _classify_unmarked(fh, block)
    finally:
        fh.seek(0)


def _suspect_bytes(*extra: int) -> bytes:
    """A ``bytes.translate`` table sending every byte that may start a forbidden character
    to 0 and every other byte to 1 (so ``b"\\0" in block.translate(table)`` is one C pass)."""
    bad = {*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *extra}
    return bytes(0 if b in bad else 1 for b in range(256))


# Per codec: the bytes that may begin a forbidden character. C0 (tab excepted: line breaks
# between records are not in values, and the line breaks of a quoted field are checked there)
# and DEL everywhere; in UTF-8 the lead bytes of C1 controls (C2), bidi controls (E2) and
# U+FEFF (EF); in cp1252 its five undefined bytes; in ISO-8859-x the C1 range. A false alarm
# (E2 also starts curly quotes) only means the file's lines are checked one by one.
_SUSPECT = {
    "utf-8": _suspect_bytes(0xC2, 0xE2, 0xEF),
    "cp1252": _suspect_bytes(0x81, 0x8D, 0x8F, 0x90, 0x9D),
    "latin-1": _suspect_bytes(*range(0x80, 0xA0)),
    "iso8859-15": _suspect_bytes(*range(0x80, 0xA0)),
}


def may_hold_forbidden(fh: BinaryIO, encoding: Encoding, *, block: int = 1 << 20) -> bool:
    """False when no line of the file can hold a forbidden character or undecodable bytes,
    so the reader can skip checking each line (a fast byte-level pass); True otherwise, and
    always for UTF-16 and UTF-32. Leaves ``fh`` at the start."""
    table = _SUSPECT.get(encoding.codec)
    if table is None:
        return True
    # Single-byte codecs decode every byte but cp1252's five undefined ones (in the table);
    # UTF-8 is decoded unless detection already did.
    decoder = None
    if encoding.codec == "utf-8" and not encoding.decodes:
        decoder = codecs.getincrementaldecoder("utf-8")()
    fh.seek(encoding.bom)
    try:
        while data := fh.read(block):
            if b"\0" in data.translate(table):
                return True
            if decoder is not None:
                decoder.decode(data)  # undecodable bytes: each such line is quarantined
        if decoder is not None:
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return True
    finally:
        fh.seek(0)
    return False


def _undecodable(exc: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: each byte that cannot be decoded becomes U+DC00 + byte, a lone
    surrogate that no valid decoding produces; the reader quarantines its record."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(chr(0xDC00 + b) for b in bad), exc.end


codecs.register_error("emm-undecodable", _undecodable)
SURROGATE = re.compile("[\ud800-\udfff]")


def shown(value: str, keep: int = KEEP) -> str:
    """A raw value as it goes to the quarantine file: undecodable bytes as ``\\xNN``, long
    values cut (the quarantine is for reading, not for a copy of a 50 MB field)."""
    if len(value) > keep:
        value = value[:keep] + f" [... {len(value) - keep:,} more characters not kept]"
    if SURROGATE.search(value):
        value = SURROGATE.sub(_surrogate_shown, value)
    return value


def _surrogate_shown(m: re.Match[str]) -> str:
    code = ord(m.group())
    if 0xDC00 <= code <= 0xDCFF:  # a byte the encoding could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"  # a lone surrogate written as a JSON escape
