"""load_store_settings: where the data lives, which database, which register."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
import pytest

from epay_desktop.settings import ENV_VARS
from epay_desktop.settings import SettingsError
from epay_desktop.settings import default_register_id
from epay_desktop.settings import load_store_settings


def test_defaults_use_the_user_data_folder_and_the_host_name():
    s = load_store_settings({}, hostname="Kassa #1.shop.local")
    home = Path(platformdirs.user_data_dir("epay-desktop", False)).absolute()
    assert s.home == home
    assert s.database_url == f"sqlite:///{home / 'epay-desktop.db'}"
    assert s.is_sqlite
    assert s.register_id == "Kassa-1"
    assert s.audit_key_path == home / "audit.key"


def test_variables_are_documented():
    assert {"EPAYMENT_HOME", "EPAYMENT_DATABASE_URL", "EPAYMENT_REGISTER"} <= set(ENV_VARS)


def test_home_and_register_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = load_store_settings({"EPAYMENT_HOME": "data", "EPAYMENT_REGISTER": "counter-2"})
    assert s.home == tmp_path / "data"
    assert s.database_url == f"sqlite:///{tmp_path / 'data' / 'epay-desktop.db'}"
    assert s.register_id == "counter-2"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://cash:pw@db.local/epay", "postgresql+psycopg://cash:pw@db.local/epay"),
        ("postgres://cash@db.local:5433/epay", "postgresql+psycopg://cash@db.local:5433/epay"),
        ("postgresql+psycopg://h/epay", "postgresql+psycopg://h/epay"),
        ("sqlite:////var/lib/epay/x.db", "sqlite:////var/lib/epay/x.db"),
        ("sqlite+pysqlite:////var/lib/epay/x.db", "sqlite:////var/lib/epay/x.db"),
    ],
)
def test_database_urls_are_normalised(tmp_path, given, expected):
    s = load_store_settings({"EPAYMENT_HOME": str(tmp_path), "EPAYMENT_DATABASE_URL": given})
    assert s.database_url == expected
    assert s.is_sqlite == expected.startswith("sqlite")


def test_relative_sqlite_path_becomes_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = load_store_settings({"EPAYMENT_DATABASE_URL": "sqlite:///shop.db"})
    assert s.database_url == f"sqlite:///{tmp_path / 'shop.db'}"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u@h/db", r"EPAYMENT_DATABASE_URL: scheme 'mysql' is not supported; use sqlite:////"),
        ("postgresql+asyncpg://h/db", r"scheme 'postgresql\+asyncpg' is not supported"),
        ("/var/lib/epay.db", "is not a URL"),
        ("sqlite://", "in-memory SQLite database loses every payment"),
        ("sqlite:///:memory:", "in-memory"),
    ],
)
def test_bad_database_urls_are_refused(url, message):
    with pytest.raises(SettingsError, match=message):
        load_store_settings({"EPAYMENT_DATABASE_URL": url})


def test_describe_hides_the_database_password(tmp_path):
    s = load_store_settings(
        {"EPAYMENT_HOME": str(tmp_path), "EPAYMENT_DATABASE_URL": "postgresql://u:s3cret@h/db"}
    )
    assert "s3cret" not in str(s.describe())
    assert s.describe()["database"] == "postgresql+psycopg://u:***@h/db"


def test_home_that_is_a_file_is_refused(tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("x")
    with pytest.raises(SettingsError, match=r"EPAYMENT_HOME: .*afile is a file"):
        load_store_settings({"EPAYMENT_HOME": str(afile)})
    with pytest.raises(SettingsError, match=r"cannot be created: .*afile is a file"):
        load_store_settings({"EPAYMENT_HOME": str(afile / "sub")})


def test_unwritable_home_is_refused(tmp_path, monkeypatch):
    # As root every folder is writable, so ask os.access what a normal user would hear.
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == tmp_path else real_access(p, mode))
    with pytest.raises(SettingsError, match="is not writable by this user"):
        load_store_settings({"EPAYMENT_HOME": str(tmp_path)})
    with pytest.raises(SettingsError, match=rf"its parent {tmp_path} is not writable"):
        load_store_settings({"EPAYMENT_HOME": str(tmp_path / "new" / "home")})


@pytest.mark.parametrize("register", ["-x", "a b", "kassa/1", "x" * 33, "касса"])
def test_bad_register_ids_are_refused(register):
    with pytest.raises(SettingsError, match="EPAYMENT_REGISTER"):
        load_store_settings({"EPAYMENT_REGISTER": register})


@pytest.mark.parametrize(
    ("hostname", "register"),
    [
        ("POS-01", "POS-01"),
        ("pos01.example.kz", "pos01"),
        ("Мой ноутбук", "register-1"),
        ("", "register-1"),
        ("a" * 40, "a" * 32),
        ("my laptop (2)", "my-laptop-2"),
    ],
)
def test_default_register_id_is_sanitised(hostname, register):
    assert default_register_id(hostname) == register
