"""Passwords (peppered HMAC + Argon2id) and the pepper file; no database needed."""

from __future__ import annotations

import os
import stat

import pytest
from argon2 import PasswordHasher
from argon2 import Type
from argon2.exceptions import VerifyMismatchError
from argon2.profiles import RFC_9106_LOW_MEMORY

from epay_desktop.domain import ConsoleError
from epay_desktop.services.people.passwords import Passwords
from epay_desktop.services.people.passwords import WeakSecret
from epay_desktop.services.people.passwords import check_secret
from epay_desktop.services.secrets import load_or_create_secret_file


def test_default_hasher_is_argon2id_at_or_above_the_owasp_floor():
    p = Passwords(os.urandom(32))
    assert p.hasher.type is Type.ID
    assert p.hasher.memory_cost >= 19456 and p.hasher.time_cost >= 2
    assert p.meets_owasp_floor
    assert p.hasher.memory_cost == RFC_9106_LOW_MEMORY.memory_cost
    encoded = p.hash("1234")
    assert encoded.startswith("$argon2id$")
    assert p.verify(encoded, "1234") and not p.verify(encoded, "1235")


def test_cheap_hashers_are_flagged_below_the_floor():
    assert not Passwords(
        os.urandom(32), PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    ).meets_owasp_floor


def test_the_pepper_is_part_of_the_hash():
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    a, b = Passwords(os.urandom(32), cheap), Passwords(os.urandom(32), cheap)
    encoded = a.hash("1234")
    assert a.verify(encoded, "1234")
    assert not b.verify(encoded, "1234")  # a stolen DB without the pepper file is useless
    with pytest.raises(VerifyMismatchError):  # the raw PIN is not what was hashed
        cheap.verify(encoded, "1234")
    assert not a.verify("not a hash", "1234")
    assert a.needs_rehash("not a hash")


@pytest.mark.parametrize(
    ("secret", "problem"),
    [
        ("", "Enter a PIN"),
        ("123", "PIN needs at least 4 digits"),
        ("abc", "password needs at least 8 characters"),
        ("1234567", None),
        ("1234", None),
        ("correct horse", None),
        ("x" * 129, "too long"),
    ],
)
def test_secret_rules(secret, problem):
    if problem is None:
        check_secret(secret)
    else:
        with pytest.raises(WeakSecret, match=problem):
            check_secret(secret)


def test_secret_file_created_private_and_stable(tmp_path):
    path = tmp_path / "home" / "pepper.key"
    first = load_or_create_secret_file(path)
    assert len(first) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_or_create_secret_file(path) == first
    assert [p.name for p in path.parent.iterdir()] == ["pepper.key"]  # no temp file left


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_secret_file_readable_by_others_is_refused(tmp_path):
    path = tmp_path / "pepper.key"
    load_or_create_secret_file(path)
    path.chmod(0o644)
    with pytest.raises(ConsoleError, match="chmod 600"):
        load_or_create_secret_file(path)


def test_secret_file_of_wrong_length_is_refused(tmp_path):
    path = tmp_path / "pepper.key"
    path.write_bytes(b"short")
    path.chmod(0o600)
    with pytest.raises(ConsoleError, match="damaged"):
        load_or_create_secret_file(path)
