"""The fiscal sandbox through HTTP, as an integrator meets Webkassa's v4 API (fiscal.md; decision 0121):
credentials, a sale and a partial return referencing it, idempotency by ExternalCheckNumber (error 14
with the stored receipt), the 24-hour shift (11), offline mode (72 h, 18), X/Z figures, VAT and
RoundType, the print form and the QR URL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs
from urllib.parse import urlsplit

import pytest

from epay_desktop.sandbox.fiscal.account import CASHBOX
from epay_desktop.sandbox.fiscal.account import LOGIN
from epay_desktop.sandbox.fiscal.account import REGISTRATION_NUMBER
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from tests.support.fiscal_sandbox import FiscalClient
from tests.support.fiscal_sandbox import card_check
from tests.support.fiscal_sandbox import running_fiscal_sandbox

DAY_AND_A_SECOND = 24 * 3600 + 1


@pytest.fixture
def fiscal() -> Iterator[tuple[RunningFiscalSandbox, FiscalClient]]:
    with running_fiscal_sandbox() as pair:
        yield pair


@pytest.fixture
def client(fiscal: tuple[RunningFiscalSandbox, FiscalClient]) -> FiscalClient:
    return fiscal[1]


def _code(answer: Any) -> int:
    return int(answer["Errors"][0]["Code"])


def _total(receipt: dict[str, Any]) -> Decimal:
    """The receipt's total, as its QR URL carries it (``s=``, fiscal.md §1.11)."""
    return Decimal(parse_qs(urlsplit(receipt["TicketUrl"]).query)["s"][0])


def _basis(sale: dict[str, Any], *, total: str | None = None, offline: bool | None = None) -> dict[str, Any]:
    """ReturnBasisDetails from a sale's answer, as the console keeps it (fiscal.md §1.7)."""
    at = datetime.strptime(sale["DateTimeUTC"], "%d.%m.%Y %H:%M:%S %z")
    return {
        "CheckNumber": sale["CheckNumber"],
        "DateTime": at.isoformat(),
        "RegistrationNumber": sale["Cashbox"]["RegistrationNumber"],
        "Total": Decimal(total) if total is not None else _total(sale),
        "IsOffline": sale["OfflineMode"] if offline is None else offline,
    }


# -- credentials ---------------------------------------------------------------------------------


def test_every_call_needs_the_api_key_and_a_token(fiscal: tuple[RunningFiscalSandbox, FiscalClient]) -> None:
    running, client = fiscal
    keyless = FiscalClient(running.base_url, api_key="")
    wrong_key = FiscalClient(running.base_url, api_key="WKD-00000000-0000-0000-0000-000000000000")
    try:
        response = keyless.post("/api/v4/Authorize", {"Login": LOGIN, "Password": "demo-pass"})
        assert response.status_code == 401
        assert response.json() == {"Errors": [{"Code": 3, "Text": "API KEY not given"}]}
        response = wrong_key.post("/api/v4/Authorize", {"Login": LOGIN, "Password": "demo-pass"})
        assert response.json()["Errors"][0] == {"Code": 3, "Text": "API-key missing or not found"}
        wrong = client.answer("/api/v4/Authorize", {"Login": LOGIN, "Password": "nope"})
        assert wrong == {"Errors": [{"Code": 1, "Text": "Неверный логин или пароль"}]}
        no_token = client.answer("/api/v4/check", {"Token": "", **card_check("s-1", "100.00")})
        assert _code(no_token) == 3
        assert client.control("GET", "/sandbox/checks") == []
    finally:
        keyless.close()
        wrong_key.close()


def test_a_token_is_32_hex_digits_and_an_expired_one_is_error_2(client: FiscalClient) -> None:
    assert len(client.token) == 32 and int(client.token, 16) >= 0
    assert client.control("POST", "/sandbox/tokens/expire") == {"expired": 1}
    expired = client.check(card_check("s-1", "100.00"))
    assert expired == {"Errors": [{"Code": 2, "Text": "Срок действия сессии истек"}]}
    client.login()
    assert "Data" in client.check(card_check("s-1", "100.00"))


def test_another_cashbox_is_error_6(client: FiscalClient) -> None:
    answer = client.check({**card_check("s-1", "100.00"), "CashboxUniqueNumber": "SWK99999999"})
    assert answer["Errors"][0] == {
        "Code": 6,
        "Text": "Касса не зарегистрирована в системе или не доступна пользователю",
    }


# -- a sale and its return -----------------------------------------------------------------------


def test_a_card_sale_answers_the_receipt_the_return_needs(client: FiscalClient) -> None:
    sale = client.check({**card_check("op-1-sale", "12345.67"), "ExternalOrderNumber": "000123"})["Data"]
    assert sale["CheckNumber"].isdigit()
    assert datetime.strptime(sale["DateTime"], "%d.%m.%Y %H:%M:%S")
    assert sale["DateTimeUTC"].endswith(" +05:00")
    assert (sale["OfflineMode"], sale["CashboxOfflineMode"]) == (False, False)
    assert sale["Cashbox"]["UniqueNumber"] == CASHBOX
    assert sale["Cashbox"]["RegistrationNumber"] == REGISTRATION_NUMBER
    assert set(sale["Cashbox"]["Ofd"]) == {"Name", "NameKz", "NameEn", "Host", "Code"}
    assert (sale["ShiftNumber"], sale["CheckOrderNumber"]) == (1, 1)
    assert _total(sale) == Decimal("12345.67")  # RoundType 0 keeps the tiyn
    stamp = datetime.strptime(sale["DateTime"], "%d.%m.%Y %H:%M:%S").strftime("%Y%m%dT%H%M%S")
    assert sale["TicketUrl"] == (
        f"http://ctest.wofd.kz/consumer?i={sale['CheckNumber']}&f={REGISTRATION_NUMBER}&s=12345.67&t={stamp}"
    )
    assert sale["TicketPrintUrl"].endswith(f"/spa-ui/ticket?chb={CASHBOX}&sh=1&extnum=op-1-sale")
    page = client.http.get(sale["TicketPrintUrl"])
    assert page.status_code == 200 and sale["CheckNumber"] in page.text
    [qr] = [line for line in sale["TicketPrintFormat"] if line["Type"] == 2]
    assert qr["Value"] == sale["TicketUrl"]


def test_a_partial_return_refers_to_the_sale(client: FiscalClient) -> None:
    sale = client.check(card_check("op-1-sale", "12345.67"))["Data"]
    returned = client.check(card_check("op-1-refund-1", "4000.00", operation=3, basis=_basis(sale)))["Data"]
    assert _total(returned) == Decimal("4000.00")
    assert [(c["OperationType"], c["Total"]) for c in client.control("GET", "/sandbox/checks")] == [
        (2, Decimal("12345.67")),
        (3, Decimal("4000.00")),
    ]
    assert returned["CheckOrderNumber"] == 2
    assert returned["CheckNumber"] != sale["CheckNumber"]
    the_rest = client.check(card_check("op-1-refund-2", "8345.67", operation=3, basis=_basis(sale)))
    assert _total(the_rest["Data"]) == Decimal("8345.67")
    beyond = client.post(
        "/api/v4/check", card_check("op-1-refund-3", "1.00", operation=3, basis=_basis(sale))
    )
    assert beyond.status_code == 400 and beyond.json()["Errors"][0]["Code"] == 9
    assert "сумма возвратов больше итога" in beyond.json()["Errors"][0]["Text"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"CheckNumber": "999"}, "CheckNumber"),
        ({"Total": Decimal("12345.00")}, "Total"),
        ({"IsOffline": True}, "IsOffline"),
        ({"DateTime": "2020-01-01T00:00:00+05:00"}, "DateTime"),
        ({"RegistrationNumber": "032600099999"}, "RegistrationNumber"),
    ],
)
def test_a_return_whose_basis_differs_from_the_sale_is_refused(
    client: FiscalClient, change: dict[str, Any], field: str
) -> None:
    sale = client.check(card_check("op-1-sale", "12345.67"))["Data"]
    basis = {**_basis(sale), **change}
    answer = client.check(card_check("op-1-refund-1", "100.00", operation=3, basis=basis))
    assert _code(answer) == 9
    assert f"ReturnBasisDetails.{field}" in answer["Errors"][0]["Text"]


def test_the_basis_time_may_come_in_utc(client: FiscalClient) -> None:
    sale = client.check(card_check("op-1-sale", "500.00"))["Data"]
    basis = _basis(sale)
    basis["DateTime"] = datetime.fromisoformat(basis["DateTime"]).astimezone().isoformat()
    assert "Data" in client.check(card_check("op-1-refund-1", "500.00", operation=3, basis=basis))


def test_a_return_without_its_basis_is_refused(client: FiscalClient) -> None:
    answer = client.check(card_check("op-1-refund-1", "100.00", operation=3))
    assert _code(answer) == 9 and "ReturnBasisDetails" in answer["Errors"][0]["Text"]


# -- idempotency ---------------------------------------------------------------------------------


def test_the_same_external_number_is_registered_once(client: FiscalClient) -> None:
    first = client.check(card_check("op-7-sale", "2500.00"))["Data"]
    again = client.check(card_check("op-7-sale", "2500.00"))
    assert again["Errors"] == [
        {
            "Code": 14,
            "Text": f"Чек с внешним номером op-7-sale уже присутствует в системе: {first['CheckNumber']}",
        }
    ]
    assert again["Data"] == first
    assert len(client.control("GET", "/sandbox/checks")) == 1


def test_keys_are_matched_whatever_their_case(client: FiscalClient) -> None:
    body = card_check("op-8-sale", "100.00")
    lower = {key[0].lower() + key[1:]: value for key, value in body.items()}
    assert lower["cashboxUniqueNumber"] == CASHBOX
    assert "Data" in client.check(lower)
    assert [c["ExternalCheckNumber"] for c in client.control("GET", "/sandbox/checks")] == ["op-8-sale"]


# -- VAT and rounding ----------------------------------------------------------------------------


def test_vat_must_be_the_included_share(client: FiscalClient) -> None:
    body = card_check("op-9-sale", "500.00")
    assert body["Positions"][0]["Tax"] == Decimal("68.97")  # 500 at 16 %, fiscal.md §1.13
    body["Positions"][0]["Tax"] = Decimal("80.00")
    response = client.post("/api/v4/check", body)
    assert response.status_code == 400
    assert response.json()["Errors"][0]["Code"] == 9 and "68.97" in response.json()["Errors"][0]["Text"]
    untaxed = card_check("op-9-sale", "500.00", vat="0")
    assert _total(client.check(untaxed)["Data"]) == Decimal("500.00")


def test_the_default_round_type_rounds_each_line_to_whole_tenge(client: FiscalClient) -> None:
    body = card_check("op-10-sale", "12345.67")
    del body["RoundType"]  # 2: every position to whole tenge, so the card's 12 345.67 no longer pays it
    answer = client.check(body)
    assert _code(answer) == 9 and "12346" in answer["Errors"][0]["Text"]


def test_cash_gets_change_and_a_card_may_not_overpay(client: FiscalClient) -> None:
    body = card_check("op-11-sale", "990.00")
    body["Payments"] = [{"Sum": Decimal("1000.00"), "PaymentType": 0}]
    assert _total(client.check(body)["Data"]) == Decimal("990.00")
    overpaid = card_check("op-12-sale", "990.00")
    overpaid["Payments"] = [{"Sum": Decimal("1000.00"), "PaymentType": 1}]
    assert _code(client.check(overpaid)) == 9


# -- the shift -----------------------------------------------------------------------------------


def test_a_shift_past_24_hours_is_refused_until_the_z_report(client: FiscalClient) -> None:
    client.check(card_check("op-1-sale", "100.00"))
    client.control("POST", "/sandbox/clock", {"advanceSeconds": DAY_AND_A_SECOND})
    assert _code(client.check(card_check("op-2-sale", "100.00"))) == 2  # the day-old token too
    client.login()
    refused = client.check(card_check("op-2-sale", "100.00"))
    assert _code(refused) == 11
    z = client.report("ZReport")["Data"]
    assert (z["ShiftNumber"], z["DocumentCount"], z["Sell"]["Count"]) == (1, 1, 1)
    assert "CloseOn" in z
    reopened = client.check(card_check("op-2-sale", "100.00"))["Data"]
    assert (reopened["ShiftNumber"], reopened["CheckOrderNumber"]) == (2, 1)


def test_the_control_api_expires_the_shift(client: FiscalClient) -> None:
    client.check(card_check("op-1-sale", "100.00"))
    client.control("POST", "/sandbox/shift/expire")
    assert _code(client.check(card_check("op-2-sale", "100.00"))) == 11
    client.report("ZReport")
    assert client.check(card_check("op-2-sale", "100.00"))["Data"]["ShiftNumber"] == 2


def test_x_and_z_figures_are_the_registered_receipts(client: FiscalClient) -> None:
    sale = client.check(card_check("op-1-sale", "12345.67"))["Data"]
    cash = card_check("op-2-sale", "990.00")
    cash["Payments"] = [{"Sum": Decimal("1000.00"), "PaymentType": 0}]
    client.check(cash)
    client.check(card_check("op-1-refund-1", "4000.00", operation=3, basis=_basis(sale)))
    x = client.report("XReport")["Data"]
    assert "CloseOn" not in x
    assert (x["ShiftNumber"], x["DocumentCount"], x["CashboxSN"], x["CashboxRN"]) == (
        1,
        3,
        CASHBOX,
        REGISTRATION_NUMBER,
    )
    assert x["Sell"]["Count"] == 2 and x["ReturnSell"]["Count"] == 1
    assert x["Sell"]["PaymentsByTypesApiModel"] == [
        {"Sum": Decimal("990.00"), "Type": 0},
        {"Sum": Decimal("12345.67"), "Type": 1},
    ]
    assert (x["Sell"]["Taken"], x["Sell"]["Change"]) == (Decimal("13345.67"), Decimal("10.00"))
    assert x["Sell"]["VAT"] == Decimal("1702.85") + Decimal("136.55")
    assert x["ReturnSell"]["PaymentsByTypesApiModel"] == [{"Sum": Decimal("4000.00"), "Type": 1}]
    assert x["ReturnSell"]["VAT"] == Decimal("551.72")
    assert x["SumInCashbox"] == Decimal("990.00")
    assert x["EndNonNullable"]["Sell"] == Decimal("13335.67")
    z = client.report("ZReport")["Data"]
    assert {k: z[k] for k in ("Sell", "ReturnSell", "DocumentCount", "EndNonNullable")} == {
        k: x[k] for k in ("Sell", "ReturnSell", "DocumentCount", "EndNonNullable")
    }
    assert z["ReportNumber"] == x["ReportNumber"] + 1 and "CloseOn" in z
    assert _code(client.report("ZReport")) == 12  # the shift is closed already
    after = client.report("XReport")["Data"]
    assert after["ShiftNumber"] == 1 and after["CloseOn"] == z["CloseOn"]
    by_number = client.answer(
        "/api/v4/ZReport/ByShiftNumber", {"CashboxUniqueNumber": CASHBOX, "ShiftNumber": 1}
    )
    assert by_number["Data"]["Sell"] == z["Sell"]
    assert by_number["Data"]["ReportNumber"] == z["ReportNumber"]


def test_no_shift_yet_has_no_x_report(client: FiscalClient) -> None:
    assert _code(client.report("XReport")) == 13
    assert _code(client.report("ZReport")) == 12


# -- offline -------------------------------------------------------------------------------------


def test_offline_receipts_are_marked_and_blocked_after_72_hours(client: FiscalClient) -> None:
    client.control("POST", "/sandbox/offline", {"offline": True})
    sale = client.check(card_check("op-1-sale", "700.00"))["Data"]
    assert (sale["OfflineMode"], sale["CashboxOfflineMode"]) == (True, True)
    assert sale["CheckNumber"].startswith("001")  # the identity number's last 3 digits (fiscal.md §1.10)
    assert any(line["Value"] == "АВТОНОМДЫ РЕЖИМ/АВТОНОМНЫЙ РЕЖИМ" for line in sale["TicketPrintFormat"])
    online_basis = _basis(sale, offline=False)
    assert _code(client.check(card_check("op-1-refund-1", "100.00", operation=3, basis=online_basis))) == 9
    assert "Data" in client.check(card_check("op-1-refund-1", "100.00", operation=3, basis=_basis(sale)))
    client.control("POST", "/sandbox/offline", {"offline": True, "sinceSeconds": 72 * 3600 + 1})
    assert _code(client.check(card_check("op-2-sale", "100.00"))) == 18
    client.control("POST", "/sandbox/offline", {"offline": False})
    back = client.check(card_check("op-2-sale", "100.00"))["Data"]
    assert (back["OfflineMode"], back["CashboxOfflineMode"]) == (False, False)


# -- the print form ------------------------------------------------------------------------------


def test_the_print_form_comes_in_the_languages_asked(client: FiscalClient) -> None:
    sale = client.check(card_check("op-1-sale", "500.00"))["Data"]
    body = {"CashboxUniqueNumber": CASHBOX, "ExternalCheckNumber": "op-1-sale", "PaperKind": 3}
    lines = client.answer(
        "/api/v4/Ticket/PrintFormat", body, **{"Accept-Language": "ru-RU", "Secondary-Language": "en-US"}
    )
    values = [line["Value"] for line in lines["Data"]["Lines"]]
    assert any(v.startswith("ИТОГО/TOTAL:") and v.endswith("500.00") and len(v) == 32 for v in values)
    assert "ФИСКАЛЬНЫЙ ЧЕК/FISCAL RECEIPT" in values
    assert sale["TicketUrl"] in values
    default = client.answer("/api/v4/Ticket/PrintFormat", {**body, "PaperKind": 0})["Data"]["Lines"]
    assert any(line["Value"].startswith("БАРЛЫҒЫ/ИТОГО:") and line["Style"] == 1 for line in default)
    unknown = client.answer("/api/v4/Ticket/PrintFormat", {**body, "ExternalCheckNumber": "nope"})
    assert _code(unknown) == 19


def test_the_history_of_a_shift_lists_its_receipts(client: FiscalClient) -> None:
    client.check(card_check("op-1-sale", "100.00"))
    client.check(card_check("op-2-sale", "200.00"))
    history = client.answer(
        "/api/v4/Check/History", {"CashboxUniqueNumber": CASHBOX, "ShiftNumber": 1, "Skip": 1, "Take": 5}
    )["Data"]
    assert history["Total"] == 2
    assert [item["ExternalCheckNumber"] for item in history["Items"]] == ["op-2-sale"]


def test_the_cashbox_state_tells_the_shift(client: FiscalClient) -> None:
    state = client.answer("/api-portal/cashbox/state", {"CashboxUniqueNumber": CASHBOX})["Data"]
    assert state["OfdProtocolVersion"] == 203
    assert (state["CurrentState"]["ShiftNumber"], state["CurrentState"]["ShiftClosed"]) == (0, True)
    sale = client.check(card_check("op-1-sale", "100.00"))["Data"]
    current = client.answer("/api-portal/cashbox/state", {"CashboxUniqueNumber": CASHBOX})["Data"][
        "CurrentState"
    ]
    assert (current["ShiftNumber"], current["ShiftClosed"], current["DocumentsCount"]) == (1, False, 1)
    assert current["LastOperationDate"] == sale["DateTime"] == current["ShiftOpenedAt"]
    assert current["ReportState"]["Sell"]["Count"] == 1
