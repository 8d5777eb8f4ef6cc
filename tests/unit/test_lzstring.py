"""LZ-String codec of the hosted page's ``params``, checked against the PyPI ``lzstring`` port as an oracle.

The oracle works on Python characters, while LZ-String (and a browser) works on UTF-16 code units; it
truncates characters above U+FFFF. So the oracle is always fed the text split into UTF-16 units, which is
exactly what a browser compresses.
"""

from __future__ import annotations

import lzstring as oracle_module
import pytest
from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from epay_desktop.payform.lzstring import URI_SAFE_ALPHABET
from epay_desktop.payform.lzstring import compress_to_encoded_uri_component
from epay_desktop.payform.lzstring import decompress_from_encoded_uri_component

ORACLE = oracle_module.LZString()

KAZAKH_RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘәҒғҚқҢңӨөҰұҮүҺһІі"
EMOJI = "😀🎉💳🇰🇿👍🏽₸€"
PAYMENT_TEXT = st.text(alphabet=KAZAKH_RUSSIAN + EMOJI + " .,-=&%0123456789abcXYZ", max_size=300)
ANY_TEXT = st.one_of(st.text(max_size=300), PAYMENT_TEXT)


def utf16_units(text: str) -> str:
    """The text as a JavaScript string: one Python character per UTF-16 code unit."""
    raw = text.encode("utf-16-le", "surrogatepass")
    return "".join(chr(int.from_bytes(raw[i : i + 2], "little")) for i in range(0, len(raw), 2))


@pytest.mark.parametrize(
    ("text", "packed"),
    [
        ("", "Q"),
        ("hello", "BYUwNmD2Q"),
        ("Оплата заказа №1", None),
        ("Төлем сәтті өтті 😀", None),
        ("invoiceId=000123&amount=1500&auth=access_token%3DABC%26expires_in%3D7200", None),
    ],
)
def test_known_texts_match_the_oracle(text: str, packed: str | None) -> None:
    ours = compress_to_encoded_uri_component(text)
    assert ours == ORACLE.compressToEncodedURIComponent(utf16_units(text))
    if packed is not None:
        assert ours == packed
    assert decompress_from_encoded_uri_component(ours) == text


@settings(max_examples=300)
@given(ANY_TEXT)
@example("a" * 2000)
@example("абаб" * 500)
@example("💳" * 300)
def test_compress_is_byte_for_byte_the_oracle(text: str) -> None:
    assert compress_to_encoded_uri_component(text) == ORACLE.compressToEncodedURIComponent(utf16_units(text))


@settings(max_examples=300)
@given(ANY_TEXT)
def test_decompresses_what_the_oracle_compressed(text: str) -> None:
    packed = ORACLE.compressToEncodedURIComponent(utf16_units(text))
    assert decompress_from_encoded_uri_component(packed) == text


@settings(max_examples=200)
@given(PAYMENT_TEXT)
def test_oracle_decompresses_ours(text: str) -> None:
    packed = compress_to_encoded_uri_component(text)
    assert ORACLE.decompressFromEncodedURIComponent(packed) == utf16_units(text)


@given(ANY_TEXT)
def test_output_uses_only_the_uri_safe_alphabet(text: str) -> None:
    assert set(compress_to_encoded_uri_component(text)) <= set(URI_SAFE_ALPHABET)


def test_plus_that_arrived_as_a_space_is_restored() -> None:
    text = "invoiceId=000978&amount=1&description=Заказ"
    packed = compress_to_encoded_uri_component(text)
    assert "+" in packed  # otherwise this test proves nothing
    assert decompress_from_encoded_uri_component(packed.replace("+", " ")) == text


@pytest.mark.parametrize("bad", ["", "!!!", "abc/def", "Q=", "BYUwNmD2"])
def test_damaged_input_is_a_value_error(bad: str) -> None:
    with pytest.raises(ValueError):
        decompress_from_encoded_uri_component(bad)


def test_truncated_streams_are_refused() -> None:
    packed = compress_to_encoded_uri_component("invoiceId=000123&amount=1500&description=Заказ")
    for cut in range(1, len(packed)):
        with pytest.raises(ValueError):
            decompress_from_encoded_uri_component(packed[:cut])


@settings(max_examples=300)
@given(st.text(alphabet=URI_SAFE_ALPHABET, min_size=1, max_size=60))
def test_random_symbols_give_text_or_value_error(packed: str) -> None:
    try:
        result = decompress_from_encoded_uri_component(packed)
    except ValueError:
        return
    assert isinstance(result, str)


def test_expansion_is_capped() -> None:
    packed = compress_to_encoded_uri_component("a" * 5000)
    assert len(packed) < 200
    assert decompress_from_encoded_uri_component(packed) == "a" * 5000
    with pytest.raises(ValueError, match="expands beyond"):
        decompress_from_encoded_uri_component(packed, max_length=4999)
