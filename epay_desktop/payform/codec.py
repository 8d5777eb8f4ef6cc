"""The hosted payment page's ``params``: how ``payment-api.js`` packs a payment object into its URL.

``halyk.pay(obj)`` sends the browser to ``{payform}/?params=`` + LZ-String(``encodeParams(obj)``), where
``encodeParams`` flattens the object into a query string (a nested object such as ``auth`` becomes its own
encoded query string). The console uses this to show a payable link outside a browser widget (the CLI's
``pay``); the sandbox uses it to read what any copy of the script wrote. Standard library only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final
from urllib.parse import parse_qsl
from urllib.parse import quote

from epay_desktop.payform.lzstring import compress_to_encoded_uri_component
from epay_desktop.payform.lzstring import decompress_from_encoded_uri_component

__all__ = ["ParamsError", "encode_params", "hosted_page_url", "pack_params", "parse_params"]

_JS_SAFE: Final = "!'()*"  # what encodeURIComponent leaves alone besides letters, digits and -_.~


class ParamsError(ValueError):
    """``params`` is missing or cannot be read; ``text_key`` names the message to show."""

    def __init__(self, text_key: str, detail: str) -> None:
        super().__init__(detail)
        self.text_key = text_key


def encode_params(payment: Mapping[str, object]) -> str:
    """Flatten a payment object the way ``payment-api.js`` does: ``encodeURIComponent`` keys and values,
    nested mappings (``auth``) as their own encoded query string, booleans as ``true``/``false``."""
    parts = []
    for key, value in payment.items():
        if isinstance(value, Mapping):
            text = encode_params(value)
        elif isinstance(value, bool):
            text = "true" if value else "false"
        else:
            text = "" if value is None else str(value)
        parts.append(f"{quote(str(key), safe=_JS_SAFE)}={quote(text, safe=_JS_SAFE)}")
    return "&".join(parts)


def pack_params(payment: Mapping[str, object]) -> str:
    """The ``params`` value ``halyk.pay`` puts in the page URL (unescaped, like the script)."""
    return compress_to_encoded_uri_component(encode_params(payment))


def parse_params(packed: str | None) -> dict[str, str]:
    """Unpack ``params``: LZ-String -> query string -> dict. Nested objects (``auth``) stay query strings."""
    if not packed:
        raise ParamsError("error_no_params", "the link has no params")
    try:
        flat = decompress_from_encoded_uri_component(packed)
    except ValueError as exc:
        raise ParamsError("error_bad_params", f"params cannot be decompressed: {exc}") from None
    fields = dict(parse_qsl(flat, keep_blank_values=True))
    if not fields:
        raise ParamsError("error_bad_params", "params hold no fields")
    return fields


def hosted_page_url(widget_url: str, payment: Mapping[str, object]) -> str:
    """The page ``halyk.pay(payment)`` would open, for a script served at ``widget_url``.

    The script opens the page in its own folder (``.../payform/payment-api.js`` -> ``.../payform/``).
    """
    folder = widget_url.rsplit("/", 1)[0] + "/"
    return f"{folder}?params={pack_params(payment)}"
