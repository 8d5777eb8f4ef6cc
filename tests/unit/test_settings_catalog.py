"""The settings catalog (epay_desktop/domain/settings_catalog.py): every setting declared once, read the
same way the old checks read it, and no key written anywhere else in the package (decision 0083)."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest

from epay_desktop.domain import settings_catalog as catalog
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.gateway.config import Environment
from epay_desktop.services.shop_settings import LocalConfig
from epay_desktop.services.shop_settings import ShopProfile
from epay_desktop.settings import ENV_VARS
from epay_desktop.settings import settings_kept_elsewhere
from tests.support.code_strings import code_strings

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "epay_desktop"
CATALOG = PACKAGE / "domain" / "settings_catalog.py"


# -- the declaration itself ----------------------------------------------------------------------------


def test_every_setting_has_a_unique_name_a_doc_a_place_and_a_default_it_accepts():
    names = [s.name for s in catalog.ALL]
    assert len(names) == len(set(names))
    for setting in catalog.ALL:
        assert setting.doc.strip() and "\n" not in setting.doc, setting.name
        assert setting.kept, setting.name
        assert setting.parse(str(setting.default)) == setting.default, setting.name
        if isinstance(setting.default, int):
            assert setting.low is not None and setting.high is not None and setting.unit, setting.name
            assert setting.within(setting.default), setting.name


def test_every_environment_variable_is_epayment_and_every_shop_key_dotted():
    for setting in catalog.ALL:
        if catalog.Kept.ENVIRONMENT in setting.kept:
            assert setting.name.startswith("EPAYMENT_"), setting.name
        if catalog.Kept.SHOP in setting.kept:
            assert re.fullmatch(r"[a-z_]+\.[a-z_]+", setting.name) and len(setting.name) <= 64, setting.name


def test_a_doc_that_states_bounds_states_the_declared_ones():
    for setting in catalog.ALL:
        if setting.low is not None and re.search(r"\d+ to \d+", setting.doc):
            assert f"{setting.low} to {setting.high} (default {setting.default})" in setting.doc, setting.name


def test_the_secret_is_kept_only_in_the_environment_or_the_keychain():
    assert catalog.CLIENT_SECRET.kept == (catalog.Kept.ENVIRONMENT, catalog.Kept.KEYCHAIN)
    assert not catalog.CLIENT_SECRET.file_key
    assert [s.name for s in catalog.ALL if catalog.Kept.KEYCHAIN in s.kept] == [catalog.CLIENT_SECRET.name]
    account = catalog.keychain_account(" PROD ", " merchant ")
    assert account == "client-secret:prod:merchant"  # the name only: where the secret is kept


# -- parsed as the old checks parsed them (behaviour unchanged) ------------------------------------------


@pytest.mark.parametrize(
    ("setting", "raw", "value"),
    [
        (catalog.SHOP_NAME, "  ТОО «Ромашка»  ", "ТОО «Ромашка»"),
        (catalog.SHOP_BIN, " 131240010479 ", "131240010479"),
        (catalog.SHOP_BIN, "", ""),
        (catalog.REFUND_WINDOW_DAYS, "030", 30),
        (catalog.REFUND_WINDOW_DAYS, " 3650 ", 3650),
        (catalog.STATUS_LAG_SECONDS, "0", 0),
        (catalog.STATUS_LAG_SECONDS, "3600", 3600),
        (catalog.RECEIPT_WIDTH, "A4", "a4"),
        (catalog.RECEIPT_LANGUAGE, " KK ", "kk"),
        (catalog.RECEIPT_LANGUAGE, "en", "en"),
        (catalog.DB_LOCK_WAIT, "5", 5),
        (catalog.BACKUP_DAYS, "1", 1),
        (catalog.TERMINAL, "67E34D63-102F-4BD1-898E-370781D0074D", "67E34D63-102F-4BD1-898E-370781D0074D"),
        (catalog.REGISTER, "counter-1", "counter-1"),
        (catalog.ENV, " Test-Homebank ", "test-homebank"),
        (catalog.SHIFT_WARN_HOURS, "72", 72),
        (catalog.SHIFT_BANK_CHECK, " NO ", "no"),
    ],
)
def test_accepted_values_are_normalised_as_before(setting, raw, value):
    assert setting.parse(raw) == value


@pytest.mark.parametrize(
    ("setting", "raw", "reason"),
    [
        (catalog.SHOP_BIN, "12345", "a BIN is 12 digits"),
        (catalog.SHOP_BIN, "12345678901a", "a BIN is 12 digits"),
        (catalog.REFUND_WINDOW_DAYS, "0", "a whole number of days from 1 to 3650"),
        (catalog.REFUND_WINDOW_DAYS, "-5", "from 1 to 3650"),
        (catalog.REFUND_WINDOW_DAYS, "1.5", "from 1 to 3650"),
        (catalog.REFUND_WINDOW_DAYS, "٣", "from 1 to 3650"),  # an Arabic-Indic digit is not ASCII
        (catalog.STATUS_LAG_SECONDS, "3601", "a whole number of seconds from 0 to 3600"),
        (catalog.DB_LOCK_WAIT, "4", "from 5 to 600"),
        (catalog.DB_LOCK_WAIT, "99999999999999999999", "from 5 to 600"),
        (catalog.BACKUP_DAYS, "3651", "from 1 to 3650"),
        (catalog.RECEIPT_WIDTH, "72", "one of 80, 58, a4"),
        (catalog.RECEIPT_LANGUAGE, "de", "one of kk, ru, en"),
        (catalog.SHOP_NAME, "x" * 129, "at most 128 characters"),
        (catalog.SHOP_ADDRESS, "x" * 256, "at most 255 characters"),
        (catalog.TERMINAL, "12345678", "a terminal UUID"),
        (catalog.REGISTER, "-counter", "starting with a letter or digit"),
        (catalog.REGISTER, "c" * 33, "1 to 32 letters"),
        (catalog.ENV, "staging", "one of prod, test, test-homebank, sandbox"),
        (catalog.SHIFT_WARN_HOURS, "0", "a whole number of hours from 1 to 72"),
        (catalog.SHIFT_WARN_HOURS, "73", "from 1 to 72"),
        (catalog.SHIFT_FOR_PAYMENT, "maybe", "one of yes, no"),
    ],
)
def test_refused_values_say_what_is_accepted(setting, raw, reason):
    with pytest.raises(ValueError, match=re.escape(reason)):
        setting.parse(raw)


def test_a_stored_value_that_no_longer_passes_reads_as_the_default():
    assert catalog.STATUS_LAG_SECONDS.read(None) == 120
    assert catalog.STATUS_LAG_SECONDS.read("300") == 300
    assert catalog.STATUS_LAG_SECONDS.read("an hour") == 120
    assert catalog.RECEIPT_WIDTH.read("72") == "80"
    assert catalog.SHOP_NAME.read(None) == ""


# -- one list of choices: the ones the code behind them knows ----------------------------------------


def test_choices_are_the_values_the_console_can_use():
    assert catalog.ENV.choices == tuple(e.value for e in Environment)
    assert catalog.RECEIPT_WIDTH.choices == tuple(w.value for w in ReceiptWidth)
    # decision 0084: receipts are rendered in Kazakh, Russian and English, so the shop may choose any
    assert (
        catalog.RECEIPT_LANGUAGE.choices
        == tuple(lang.value for lang in ReceiptLanguage)
        == ("kk", "ru", "en")
    )


def test_this_computers_file_holds_exactly_the_declared_keys():
    file_keys = {s.file_key for s in catalog.ALL if s.file_key}
    file_keys |= {s.name for s in catalog.ALL if s.kept == (catalog.Kept.COMPUTER,)}
    assert {f.name for f in dataclasses.fields(LocalConfig)} == file_keys
    assert LocalConfig() == LocalConfig(
        **{f.name: _declared_for_file_key(f.name).default for f in dataclasses.fields(LocalConfig)}
    )
    config = LocalConfig(environment="test", client_id="merchant", printer="Receipts", idle_lock_minutes=7)
    assert config.as_environ() == {"EPAYMENT_ENV": "test", "EPAYMENT_CLIENT_ID": "merchant"}


def _declared_for_file_key(key: str) -> catalog.Setting[int] | catalog.Setting[str]:
    return next(s for s in catalog.ALL if key in (s.file_key, s.name))


def test_the_shop_profile_defaults_are_the_declared_ones():
    assert ShopProfile() == ShopProfile(
        name=catalog.SHOP_NAME.default,
        bin=catalog.SHOP_BIN.default,
        address=catalog.SHOP_ADDRESS.default,
        receipt_width=catalog.RECEIPT_WIDTH.default,
        receipt_language=catalog.RECEIPT_LANGUAGE.default,
        status_lag_seconds=str(catalog.STATUS_LAG_SECONDS.default),
        shift_warn_hours=str(catalog.SHIFT_WARN_HOURS.default),
        shift_cashier_close=catalog.SHIFT_CASHIER_CLOSE.default,
        shift_bank_check=catalog.SHIFT_BANK_CHECK.default,
        shift_for_payment=catalog.SHIFT_FOR_PAYMENT.default,
    )


def test_a_sentence_that_names_bounds_names_the_declared_ones():
    """Translated sentences keep their bounds as words (their translations are made): they must agree."""
    idle = catalog.IDLE_LOCK_MINUTES
    source = (PACKAGE / "services" / "shop_settings.py").read_text(encoding="utf-8")
    assert f"The idle lock is a whole number of minutes from {idle.low} to {idle.high}." in source


# -- the documentation lists what is declared ------------------------------------------------------------


def test_epay_desktop_config_lists_every_environment_variable_with_its_doc():
    assert {s.name: s.doc for s in catalog.ALL if catalog.Kept.ENVIRONMENT in s.kept} == ENV_VARS


def test_epay_desktop_config_lists_the_other_settings_by_where_they_are_kept():
    listed = settings_kept_elsewhere()
    computer, shop = listed.split("\n\n")
    assert computer.startswith(f"This computer's {catalog.COMPUTER_FILE}")
    for setting in catalog.ALL:
        if setting.file_key or setting.kept == (catalog.Kept.COMPUTER,):
            assert f"  {setting.file_key or setting.name} " in computer, setting.name
        if setting.kept == (catalog.Kept.SHOP,):
            assert f"  {setting.name} " in shop, setting.name
    assert "a whole number of days from 1 to 3650; default 180" in shop
    assert catalog.CLIENT_SECRET.name not in listed  # the secret: the environment or the keychain only


def _readme_variables() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [name for row in rows for name in re.findall(r"`(EPAYMENT_[A-Z_]+)`", row.split("|")[1])]


def test_the_readme_table_lists_exactly_the_declared_environment_variables():
    declared = [s.name for s in catalog.ALL if catalog.Kept.ENVIRONMENT in s.kept]
    assert _readme_variables() == declared


def test_the_readme_table_states_the_declared_bounds_and_defaults():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in text.splitlines() if line.startswith("| `EPAYMENT_")}
    for setting in catalog.ALL:
        if catalog.Kept.ENVIRONMENT in setting.kept and setting.low is not None:
            bounds = f"{setting.low}-{setting.high} (default {setting.default})"
            assert bounds in rows[f"`{setting.name}`"], setting.name


# -- nothing else repeats a key ------------------------------------------------------------------------


def _declared_keys() -> set[str]:
    """The keys distinctive enough to find: variables, shop keys, file keys with a '_', the home's files."""
    keys = {s.name for s in catalog.ALL if "_" in s.name or "." in s.name}
    return keys | {catalog.COMPUTER_FILE, catalog.DATABASE_FILE, catalog.AUDIT_KEY_FILE, catalog.PEPPER_FILE}


def _repeated_keys(root: Path, keys: set[str]) -> list[str]:
    """``path:line key`` for every string in code (not a docstring or comment) that is a declared key,
    or starts one followed by ": " (a message naming the variable), outside the catalog."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.name == CATALOG.name and path.parent.name == "domain":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in code_strings(tree):
            head = node.value.split(": ", 1)[0] if ": " in node.value else node.value
            if head in keys:
                found.append(f"{path.relative_to(root.parent)}:{node.lineno} {head}")
    return found


def test_no_declared_key_is_written_outside_the_catalog():
    assert _repeated_keys(PACKAGE, _declared_keys()) == []


def test_the_key_scan_sees_a_repeated_key(tmp_path):
    """The rule must be able to fail: a key used as a key, or named at the start of a message, is caught;
    a docstring or a comment naming it is not."""
    fake = tmp_path / "epay_desktop"
    (fake / "domain").mkdir(parents=True)
    (fake / "domain" / "settings_catalog.py").write_text('NAME = "EPAYMENT_HOME"\n')
    (fake / "bad.py").write_text(
        '"""Reads EPAYMENT_HOME."""\n'
        "import os\n"
        "# receipt.width is the shop's\n"
        'home = os.environ.get("EPAYMENT_HOME")\n'
        'width = tx.settings.get("receipt.width")\n'
        'raise SettingsError(f"EPAYMENT_REGISTER: {raw!r} is wrong")\n'
    )
    found = _repeated_keys(fake, _declared_keys())
    assert found == [
        "epay_desktop/bad.py:4 EPAYMENT_HOME",
        "epay_desktop/bad.py:5 receipt.width",
        "epay_desktop/bad.py:6 EPAYMENT_REGISTER",
    ]
