"""LZ-String over the URI-safe alphabet: the codec behind the hosted payment page's ``params``.

ePay's ``payment-api.js`` packs the payment object into ``?params=`` with
``LZString.compressToEncodedURIComponent``. The sandbox must read what any copy of that script writes,
so this is a compatible, independent implementation of the two functions involved.

JavaScript strings are sequences of UTF-16 code units, and LZ-String works on those units. Python strings
are code points, so text is split into UTF-16 units on the way in and joined again on the way out; an
emoji is therefore two units, exactly as in a browser.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["compress_to_encoded_uri_component", "decompress_from_encoded_uri_component"]

URI_SAFE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$"
_URI_SAFE_INDEX = {ch: i for i, ch in enumerate(URI_SAFE_ALPHABET)}
_BITS_PER_CHAR = 6

# Stream tokens: a literal 8-bit unit, a literal 16-bit unit, end of stream. Phrases start at 3.
_TOKEN_CHAR8 = 0
_TOKEN_CHAR16 = 1
_TOKEN_END = 2


def _to_units(text: str) -> list[str]:
    """Split text into UTF-16 code units, each held as a one-character string."""
    raw = text.encode("utf-16-le", "surrogatepass")
    return [chr(raw[i] | (raw[i + 1] << 8)) for i in range(0, len(raw), 2)]


def _from_units(units: str) -> str:
    """Join UTF-16 code units (one character each) back into text; lone surrogates are an error."""
    raw = b"".join(ord(u).to_bytes(2, "little") for u in units)
    try:
        return raw.decode("utf-16-le")
    except UnicodeDecodeError as exc:
        raise ValueError("compressed data decodes to invalid UTF-16") from exc


class _BitWriter:
    """Packs values least-significant bit first into 6-bit symbols of the URI-safe alphabet."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self._val = 0
        self._pos = 0

    def write(self, value: int, nbits: int) -> None:
        for _ in range(nbits):
            self._val = (self._val << 1) | (value & 1)
            value >>= 1
            if self._pos == _BITS_PER_CHAR - 1:
                self.out.append(URI_SAFE_ALPHABET[self._val])
                self._pos = 0
                self._val = 0
            else:
                self._pos += 1

    def finish(self) -> str:
        # Pad the last symbol with zero bits (the reference always emits at least one more shift).
        while True:
            self._val <<= 1
            if self._pos == _BITS_PER_CHAR - 1:
                self.out.append(URI_SAFE_ALPHABET[self._val])
                break
            self._pos += 1
        return "".join(self.out)


def compress_to_encoded_uri_component(text: str) -> str:
    """Compress text to the URI-safe LZ-String form, as ``LZString.compressToEncodedURIComponent``."""
    dictionary: dict[str, int] = {}
    pending_literals: set[str] = set()  # single units added to the dictionary but not yet sent
    dict_size = 3
    num_bits = 2
    enlarge_in = 2
    writer = _BitWriter()

    def emit(phrase: str) -> None:
        nonlocal enlarge_in, num_bits
        if phrase in pending_literals:
            code = ord(phrase)
            if code < 256:
                writer.write(_TOKEN_CHAR8, num_bits)
                writer.write(code, 8)
            else:
                writer.write(_TOKEN_CHAR16, num_bits)
                writer.write(code, 16)
            enlarge_in -= 1
            if enlarge_in == 0:
                enlarge_in = 1 << num_bits
                num_bits += 1
            pending_literals.discard(phrase)
        else:
            writer.write(dictionary[phrase], num_bits)
        enlarge_in -= 1
        if enlarge_in == 0:
            enlarge_in = 1 << num_bits
            num_bits += 1

    w = ""
    for c in _to_units(text):
        if c not in dictionary:
            dictionary[c] = dict_size
            dict_size += 1
            pending_literals.add(c)
        wc = w + c
        if wc in dictionary:
            w = wc
            continue
        emit(w)
        dictionary[wc] = dict_size
        dict_size += 1
        w = c
    if w:
        emit(w)
    writer.write(_TOKEN_END, num_bits)
    return writer.finish()


class _BitReader:
    """Reads bits back out of URI-safe symbols, in the order _BitWriter packed them."""

    def __init__(self, data: str, lookup: Callable[[str], int]) -> None:
        self._data = data
        self._lookup = lookup
        self._index = 0
        self._val = 0
        self._mask = 0  # 0 forces a fetch of the next symbol

    def read(self, nbits: int) -> int:
        result = 0
        for power in range(nbits):
            if self._mask == 0:
                if self._index >= len(self._data):
                    raise ValueError("compressed data ends unexpectedly")
                self._val = self._lookup(self._data[self._index])
                self._index += 1
                self._mask = 1 << (_BITS_PER_CHAR - 1)
            if self._val & self._mask:
                result |= 1 << power
            self._mask >>= 1
        return result


def _symbol_value(ch: str) -> int:
    try:
        return _URI_SAFE_INDEX[ch]
    except KeyError:
        raise ValueError(f"character {ch!r} is not in the URI-safe LZ-String alphabet") from None


def decompress_from_encoded_uri_component(data: str, max_length: int = 1 << 20) -> str:
    """Decompress URI-safe LZ-String data, as ``LZString.decompressFromEncodedURIComponent``.

    A ``+`` that travelled unescaped in a query string arrives as a space; it is turned back, like the
    reference does. Raises ValueError for anything that is not a complete, valid stream (the reference
    returns null or garbage there; a payment page must refuse instead), and for output longer than
    ``max_length`` UTF-16 units: a short crafted stream can expand quadratically.
    """
    data = data.replace(" ", "+")
    if not data:
        raise ValueError("compressed data is empty")
    for ch in data:
        _symbol_value(ch)  # refuse foreign characters anywhere, not just where the reader looks
    reader = _BitReader(data, _symbol_value)
    entries: list[str] = ["", "", ""]  # codes 0-2 are tokens, not phrases
    num_bits = 3
    enlarge_in = 4

    def literal(token: int) -> str | None:
        if token == _TOKEN_CHAR8:
            return chr(reader.read(8))
        if token == _TOKEN_CHAR16:
            return chr(reader.read(16))
        return None

    first = literal(reader.read(2))
    if first is None:
        # The stream of an empty string is just the end token.
        return ""
    entries.append(first)
    w = first
    result = [first]
    length = 1
    while True:
        code = reader.read(num_bits)
        if code == _TOKEN_END:
            return _from_units("".join(result))
        unit = literal(code)
        if unit is not None:
            entries.append(unit)
            code = len(entries) - 1
            enlarge_in -= 1
            if enlarge_in == 0:
                enlarge_in = 1 << num_bits
                num_bits += 1
        if code < len(entries) and code > _TOKEN_END:
            entry = entries[code]
        elif code == len(entries):
            entry = w + w[0]
        else:
            raise ValueError("compressed data refers to an unknown phrase")
        result.append(entry)
        length += len(entry)
        if length > max_length:
            raise ValueError(f"compressed data expands beyond {max_length} characters")
        entries.append(w + entry[0])
        enlarge_in -= 1
        w = entry
        if enlarge_in == 0:
            enlarge_in = 1 << num_bits
            num_bits += 1
