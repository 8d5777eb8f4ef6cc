"""Password and PIN hashing: a peppered HMAC, then Argon2id.

PINs are four digits or more, so a stolen hash alone would fall to brute force within
minutes. Each secret is first turned into ``HMAC-SHA256(pepper, secret)``, where the pepper
is a 32-byte key kept in a file outside the database (``{home}/pepper.key``); only then is it
hashed with Argon2id (argon2-cffi) at or above the OWASP minimum (m=19 MiB, t=2, p=1). The
default hasher is argon2-cffi's RFC 9106 low-memory profile (m=64 MiB, t=3, p=4).
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from argon2 import PasswordHasher
from argon2 import Type
from argon2.exceptions import InvalidHashError
from argon2.exceptions import VerificationError

from epay_desktop.domain.errors import ConsoleError
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg

__all__ = [
    "MAX_SECRET_CHARS",
    "MIN_PASSWORD_CHARS",
    "MIN_PIN_DIGITS",
    "Passwords",
    "WeakSecret",
    "check_secret",
]

MIN_PIN_DIGITS = 4
MIN_PASSWORD_CHARS = 8
MAX_SECRET_CHARS = 128
OWASP_MIN_MEMORY_KIB = 19456
OWASP_MIN_TIME_COST = 2


class WeakSecret(ConsoleError):
    """A new password or PIN does not meet the minimum rules."""


def check_secret(secret: str) -> None:
    """Refuse a password/PIN that is too short or too long.

    All-digit secrets are PINs and need at least 4 digits; anything else is a password and needs
    at least 8 characters. Raises WeakSecret saying what is wrong.
    """
    if not secret:
        raise WeakSecret(
            msg(
                "users",
                QT_TRANSLATE_NOOP(
                    "users", "Enter a PIN (at least 4 digits) or a password (at least 8 characters)."
                ),
            )
        )
    if len(secret) > MAX_SECRET_CHARS:
        raise WeakSecret(
            msg(
                "users",
                QT_TRANSLATE_NOOP(
                    "users", "The password is too long: at most {max_secret_chars} characters."
                ),
                max_secret_chars=MAX_SECRET_CHARS,
            )
        )
    if secret.isascii() and secret.isdigit():
        if len(secret) < MIN_PIN_DIGITS:
            raise WeakSecret(
                msg(
                    "users",
                    QT_TRANSLATE_NOOP(
                        "users", "A PIN needs at least {min_pin_digits} digits; this one has {secret_count}."
                    ),
                    min_pin_digits=MIN_PIN_DIGITS,
                    secret_count=len(secret),
                )
            )
        return
    if len(secret) < MIN_PASSWORD_CHARS:
        raise WeakSecret(
            msg(
                "users",
                QT_TRANSLATE_NOOP(
                    "users",
                    "A password needs at least {min_password_chars} characters; this one has "
                    "{secret_count}. (A PIN of digits only may be shorter: at least "
                    "{min_pin_digits}.)",
                ),
                min_password_chars=MIN_PASSWORD_CHARS,
                secret_count=len(secret),
                min_pin_digits=MIN_PIN_DIGITS,
            )
        )


def default_hasher() -> PasswordHasher:
    """argon2-cffi's recommended Argon2id parameters (RFC 9106 low-memory profile)."""
    return PasswordHasher(type=Type.ID)


class Passwords:
    """Hashes and checks passwords/PINs with a pepper. CPU-heavy: call off the GUI thread."""

    def __init__(self, pepper: bytes, hasher: PasswordHasher | None = None) -> None:
        if len(pepper) < 16:
            raise ValueError("the pepper must be at least 16 random bytes")
        self._pepper = pepper
        self.hasher = hasher or default_hasher()

    def _peppered(self, secret: str) -> bytes:
        mac = hmac.new(self._pepper, secret.encode("utf-8"), hashlib.sha256).digest()
        return base64.b64encode(mac)

    @property
    def meets_owasp_floor(self) -> bool:
        """True when the hasher is Argon2id at or above the OWASP minimum parameters."""
        p = self.hasher
        return (
            p.type is Type.ID and p.memory_cost >= OWASP_MIN_MEMORY_KIB and p.time_cost >= OWASP_MIN_TIME_COST
        )

    def hash(self, secret: str) -> str:
        """The encoded Argon2id hash of ``secret`` (no strength check: see ``check_secret``)."""
        return self.hasher.hash(self._peppered(secret))

    def verify(self, encoded: str, secret: str) -> bool:
        """Whether ``secret`` matches ``encoded``; False also for a malformed hash."""
        try:
            return self.hasher.verify(encoded, self._peppered(secret))
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, encoded: str) -> bool:
        """Whether ``encoded`` was made with other parameters than the current hasher's."""
        try:
            return self.hasher.check_needs_rehash(encoded)
        except (InvalidHashError, ValueError):
            return True
