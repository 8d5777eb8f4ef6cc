"""PINs hashed at Argon2id's smallest cost, for tests whose point is not the PIN check.

The console hashes and checks PINs with argon2-cffi's default Argon2id (64 MiB, t=3, p=4: about a
quarter of a CPU second each, ``services.people.passwords.default_hasher``). A walk that locks the
console and signs in again at every language switch (tests/i18n) spends most of its time there, and
every real console of tests/ui and tests/e2e hashes its people's PINs and signs them in (decision
0134). With :func:`quick_pin_hashes` a console started afterwards hashes and checks with Argon2id at
8 KiB, t=1, p=1, as the service tests' ``PasswordHasher(1, 8, 1)`` do: the same algorithm, the same
peppering, the same verify and rehash paths, only cheaper. The shipped cost stays proven where it is
the point: tests/services/test_users_passwords.py (the default hasher is Argon2id at or above the
OWASP floor), the packaging tests (the installed console in its own process) and the login benchmark.
The fixture :func:`quick_pins` does it for a whole folder whose conftest imports it (tests/cli: each
in-process command signs its user in, decision 0154).
"""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from argon2 import Type

from epay_desktop.services.people import passwords

__all__ = ["quick_hasher", "quick_pin_hashes", "quick_pins"]


def quick_hasher() -> PasswordHasher:
    """Argon2id at the smallest cost argon2-cffi accepts."""
    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)


def quick_pin_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A console (``open_app``) started after this call hashes and checks PINs with :func:`quick_hasher`."""
    monkeypatch.setattr(passwords, "default_hasher", quick_hasher)


@pytest.fixture(autouse=True)
def quick_pins(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every console of a folder whose conftest imports this fixture hashes with :func:`quick_hasher`."""
    quick_pin_hashes(monkeypatch)
