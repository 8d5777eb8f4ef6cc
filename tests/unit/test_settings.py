import pytest

from epay_desktop.gateway.config import Environment
from epay_desktop.settings import TEST_CLIENT_SECRET
from epay_desktop.settings import SettingsError
from epay_desktop.settings import load_gateway_settings

PROD = {
    "EPAYMENT_ENV": "prod",
    "EPAYMENT_CLIENT_ID": "shop",
    "EPAYMENT_CLIENT_SECRET": "s3cr3t-value",
    "EPAYMENT_TERMINAL": "11111111-2222-3333-4444-555555555555",
}


def test_default_is_sandbox_with_test_merchant():
    s = load_gateway_settings({})
    assert s.environment is Environment.SANDBOX
    assert s.endpoints.oauth_url == "http://127.0.0.1:8765/oauth2/token"
    assert s.endpoints.widget_url == "http://127.0.0.1:8765/payform/payment-api.js"
    assert s.credentials.client_id == "test"


@pytest.mark.parametrize(
    ("env", "oauth", "api", "widget"),
    [
        (
            "prod",
            "https://epay-oauth.homebank.kz/oauth2/token",
            "https://epay-api.homebank.kz",
            "https://epay.homebank.kz/payform/payment-api.js",
        ),
        (
            "test",
            "https://test-epay-oauth.epayment.kz/oauth2/token",
            "https://test-epay-api.epayment.kz",
            "https://test-epay.epayment.kz/redesign-payform/payment-api.js",
        ),
        (
            "test-homebank",
            "https://testoauth.homebank.kz/epay2/oauth2/token",
            "https://testepay.homebank.kz/api",
            "https://test-epay.homebank.kz/payform/payment-api.js",
        ),
    ],
)
def test_presets(env, oauth, api, widget):
    s = load_gateway_settings({**PROD, "EPAYMENT_ENV": env})
    assert (s.endpoints.oauth_url, s.endpoints.api_url, s.endpoints.widget_url) == (oauth, api, widget)


def test_unknown_environment_names_the_choices():
    with pytest.raises(SettingsError, match=r"EPAYMENT_ENV.*prod, test, test-homebank, sandbox"):
        load_gateway_settings({"EPAYMENT_ENV": "production"})


def test_prod_requires_credentials_and_names_them():
    with pytest.raises(SettingsError, match="EPAYMENT_CLIENT_SECRET, EPAYMENT_TERMINAL"):
        load_gateway_settings({"EPAYMENT_ENV": "prod", "EPAYMENT_CLIENT_ID": "shop"})


def test_prod_refuses_test_client():
    with pytest.raises(SettingsError, match="test client"):
        load_gateway_settings({**PROD, "EPAYMENT_CLIENT_ID": "test"})


def test_url_overrides_and_bad_url():
    s = load_gateway_settings({"EPAYMENT_API_URL": "http://127.0.0.1:9999/api/"})
    assert s.endpoints.api_url == "http://127.0.0.1:9999/api"
    with pytest.raises(SettingsError, match="api_url"):
        load_gateway_settings({"EPAYMENT_API_URL": "ftp://x"})


def test_terminal_must_be_uuid():
    with pytest.raises(SettingsError, match=r"EPAYMENT_TERMINAL.*UUID"):
        load_gateway_settings({"EPAYMENT_TERMINAL": "98120001"})


def test_secret_never_shown():
    s = load_gateway_settings(PROD)
    assert "s3cr3t-value" not in repr(s)
    assert "s3cr3t-value" not in str(s.describe())
    assert s.describe()["client_secret"] == "set"
    assert TEST_CLIENT_SECRET not in repr(load_gateway_settings({}))
