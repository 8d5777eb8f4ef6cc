"""WebkassaClient against Webkassa's v4 answers as fiscal.md shows them (respx): paths, PascalCase
keys, the ``{"Data": ...}`` / ``{"Errors": [...]}`` envelope, the body's ``Token``, the ``x-api-key``."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Coroutine
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from decimal import Decimal
from typing import Any
from typing import TypeVar

import httpx
import pytest
import respx

from epay_desktop.domain import Money
from epay_desktop.fiscal.errors import FiscalAuthError
from epay_desktop.fiscal.errors import FiscalCashboxBlocked
from epay_desktop.fiscal.errors import FiscalConfigError
from epay_desktop.fiscal.errors import FiscalInvalidRequest
from epay_desktop.fiscal.errors import FiscalOutcomeUnknown
from epay_desktop.fiscal.errors import FiscalShiftError
from epay_desktop.fiscal.errors import FiscalUnavailable
from epay_desktop.fiscal.errors import OfflineOver72Hours
from epay_desktop.fiscal.errors import ShiftAlreadyClosed
from epay_desktop.fiscal.errors import ShiftOver24Hours
from epay_desktop.fiscal.models import FiscalOperation
from epay_desktop.fiscal.models import FiscalReceipt
from epay_desktop.fiscal.models import FiscalSale
from epay_desktop.fiscal.models import PaperKind
from epay_desktop.fiscal.models import PrintLineKind
from epay_desktop.fiscal.provider import FiscalProvider
from epay_desktop.fiscal.webkassa import WebkassaClient
from epay_desktop.fiscal.webkassa import WebkassaConfig
from epay_desktop.gateway import RetryPolicy
from epay_desktop.gateway import Secret
from tests.support.fiscal_values import card_sale
from tests.support.fiscal_values import return_of

T = TypeVar("T")

URL = "https://devkkm.webkassa.kz"
API_KEY = "WKD-2f1c4e9a-7b3d-4c6e-9a1b-secretkey0001"
LOGIN = "cashier@shop.kz"
PASSWORD = "Pa55-very-secret-word"
TOKEN = "b20a7c5e22844c50bf8389fe09c6b8c2"
TOKEN_2 = "0f9e8d7c6b5a4938271605f4e3d2c1b0"
CASHBOX = "SWK00033717"
KZ = timezone(timedelta(hours=5))

SALE_DATA: dict[str, Any] = {
    "CheckNumber": "367645207",
    "DateTime": "14.09.2025 16:55:37",
    "DateTimeUTC": "14.09.2025 16:55:37 +05:00",
    "OfflineMode": False,
    "CashboxOfflineMode": False,
    "Cashbox": {
        "UniqueNumber": CASHBOX,
        "RegistrationNumber": "032600010282",
        "IdentityNumber": "2363",
        "Address": "г. Алматы, пр. Абая 10",
        "AddressKz": "Алматы қ., Абай даңғ. 10",
        "Ofd": {
            "Name": 'ТОО "Smartcontract" (WOFD)',
            "NameKz": '"Smartcontract" ЖШС (WOFD)',
            "NameEn": "Smartcontract LLP (WOFD)",
            "Host": "cabinet.wofd.kz/consumer",
            "Code": 4,
        },
    },
    "Organization": {"TaxPayerName": 'ТОО "Дүкен"', "TaxPayerIN": "150740001357"},
    "CheckOrderNumber": 28,
    "ShiftNumber": 154,
    "EmployeeName": "Айгерим",
    "TicketUrl": "http://cabinet.wofd.kz/consumer?i=367645207&f=032600010282&s=12345.67&t=20250914T165537",
    "TicketPrintUrl": f"{URL}/spa-ui/ticket?chb={CASHBOX}&sh=154&extnum=op-42-sale",
    "TicketPrintFormat": [
        {"Order": 2, "Type": 0, "Value": "БИН 150740001357", "Style": 0},
        {"Order": 1, "Type": 0, "Value": 'ТОО "Дүкен"', "Style": 1},
        {"Order": 3, "Type": 2, "Value": "http://cabinet.wofd.kz/consumer?i=367645207", "Style": 0},
    ],
}
REPORT_DATA: dict[str, Any] = {
    "TaxPayerName": 'ТОО "Дүкен"',
    "TaxPayerIN": "150740001357",
    "TaxPayerVAT": True,
    "ReportNumber": 12,
    "CashboxSN": CASHBOX,
    "CashboxIN": 2363,
    "CashboxRN": "032600010282",
    "StartOn": "14.09.2025 09:00:00",
    "ReportOn": "14.09.2025 18:00:00",
    "CashierCode": 1,
    "CashierName": "Айгерим",
    "ShiftNumber": 154,
    "DocumentCount": 3,
    "PutMoneySum": 0,
    "TakeMoneySum": 0,
    "ControlSum": 123456,
    "OfflineMode": False,
    "CashboxOfflineMode": True,
    "SumInCashbox": 0,
    "Sell": {
        "PaymentsByTypesApiModel": [{"Sum": 12345.67, "Type": 1}, {"Sum": 500.00, "Type": 0}],
        "Discount": 0,
        "Markup": 0,
        "Taken": 12845.67,
        "Change": 0,
        "Count": 2,
        "TotalCount": 40,
        "VAT": 1771.82,
    },
    "ReturnSell": {
        "PaymentsByTypesApiModel": [{"Sum": 4000.00, "Type": 1}],
        "Count": 1,
        "TotalCount": 3,
        "VAT": 551.72,
    },
    "Ofd": SALE_DATA["Cashbox"]["Ofd"],
}


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


def ok(data: object) -> httpx.Response:
    return httpx.Response(200, json={"Data": data})


def refused(code: int, text: str, data: object = None) -> httpx.Response:
    body: dict[str, object] = {"Errors": [{"Code": code, "Text": text}]}
    if data is not None:
        body["Data"] = data
    return httpx.Response(200, json=body)


def sent(call: Any) -> dict[str, Any]:
    """A request's JSON body, numbers as Decimal (as exactly as they were written)."""
    parsed: dict[str, Any] = json.loads(call.request.content, parse_float=Decimal)
    return parsed


class Sleeps:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def client(attempts: int = 3, http: httpx.AsyncClient | None = None) -> WebkassaClient:
    config = WebkassaConfig(
        url=URL, api_key=Secret(API_KEY), login=LOGIN, password=Secret(PASSWORD), cashbox=CASHBOX
    )
    return WebkassaClient(config, http=http, retry=RetryPolicy(attempts=attempts), sleep=Sleeps())


def sale(external: str = "op-42-sale", amount: int = 1234567, vat: int | None = 16) -> FiscalSale:
    return card_sale(external, amount, vat=vat)


@pytest.fixture
def wk() -> Any:
    with respx.mock(assert_all_called=False) as router:
        router.post(f"{URL}/api/v4/Authorize", name="auth").mock(
            side_effect=[ok({"Token": TOKEN}), ok({"Token": TOKEN_2})]
        )
        yield router


async def _sale_and_return(provider: FiscalProvider) -> tuple[FiscalReceipt, FiscalReceipt]:
    receipt = await provider.register_sale(sale())
    return receipt, await provider.register_return(return_of(receipt, "op-42-refund-1", 400000))


def test_a_sale_sends_the_documented_body_and_reads_the_fiscal_receipt(wk):
    check = wk.post(f"{URL}/api/v4/check", name="check").mock(return_value=ok(SALE_DATA))
    receipt = run(client().register_sale(sale()))

    auth = wk["auth"].calls.last.request
    assert json.loads(auth.content) == {"Login": LOGIN, "Password": PASSWORD}
    assert auth.headers["x-api-key"] == API_KEY
    assert check.calls.last.request.headers["x-api-key"] == API_KEY
    assert sent(check.calls.last) == {
        "Token": TOKEN,
        "CashboxUniqueNumber": CASHBOX,
        "OperationType": 2,
        "Positions": [
            {
                "Count": 1,
                "Price": Decimal("12345.67"),
                "TaxPercent": 16,
                "Tax": Decimal("1702.85"),
                "TaxType": 100,
                "PositionName": "Оплата заказа 000123",
                "UnitCode": 5114,
            }
        ],
        "Payments": [{"Sum": Decimal("12345.67"), "PaymentType": 1}],
        "RoundType": 0,
        "ExternalCheckNumber": "op-42-sale",
        "ExternalOrderNumber": "000123",
        "PaperKind": 0,
    }
    raw = check.calls.last.request.content.decode()
    assert '"Price": 12345.67' in raw and '"Tax": 1702.85' in raw  # tenge decimals, as numbers

    assert receipt.operation is FiscalOperation.SALE
    assert receipt.total == Money(1234567)
    assert receipt.check_number == "367645207"
    assert receipt.registered_at == datetime(2025, 9, 14, 16, 55, 37, tzinfo=KZ)
    assert receipt.registration_number == "032600010282"
    assert receipt.cashbox_number == CASHBOX
    assert (receipt.shift_number, receipt.order_number) == (154, 28)
    assert receipt.ofd.name == 'ТОО "Smartcontract" (WOFD)' and receipt.ofd.host == "cabinet.wofd.kz/consumer"
    assert receipt.ticket_url.startswith("http://cabinet.wofd.kz/consumer?i=367645207")
    assert not receipt.offline and not receipt.already_registered
    assert [(line.order, line.kind, line.bold) for line in receipt.print_lines] == [
        (1, PrintLineKind.TEXT, True),
        (2, PrintLineKind.TEXT, False),
        (3, PrintLineKind.QR, False),
    ]


def test_a_seller_without_vat_sends_tax_type_0(wk):
    check = wk.post(f"{URL}/api/v4/check").mock(return_value=ok(SALE_DATA))
    run(client().register_sale(sale(vat=None)))
    position = sent(check.calls.last)["Positions"][0]
    assert (position["TaxType"], position["TaxPercent"], position["Tax"]) == (0, 0, 0)


def test_a_partial_return_names_the_original_receipt(wk):
    returned = {**SALE_DATA, "CheckNumber": "367645999", "CheckOrderNumber": 29}
    check = wk.post(f"{URL}/api/v4/check").mock(side_effect=[ok(SALE_DATA), ok(returned)])
    receipt, refund = run(_sale_and_return(client()))

    body = sent(check.calls.last)
    assert body["OperationType"] == 3
    assert body["ExternalCheckNumber"] == "op-42-refund-1"
    assert body["Payments"] == [{"Sum": Decimal("4000.00"), "PaymentType": 1}]
    assert body["Positions"][0]["Tax"] == Decimal("551.72")
    assert body["RoundType"] == 0
    assert body["ReturnBasisDetails"] == {
        "CheckNumber": "367645207",
        "DateTime": "2025-09-14T16:55:37+05:00",
        "RegistrationNumber": "032600010282",
        "Total": Decimal("12345.67"),
        "IsOffline": False,
    }
    assert refund.operation is FiscalOperation.SALE_RETURN
    assert refund.check_number == "367645999" and refund.total == Money(400000)
    assert receipt.check_number == "367645207"


def test_aclose_closes_the_clients_own_http_and_leaves_a_lent_one_open():
    async def go() -> tuple[bool, bool]:
        own = client()
        made = own._transport._http
        await own.aclose()
        async with httpx.AsyncClient() as lent:
            await client(http=lent).aclose()
            return made.is_closed, lent.is_closed

    assert run(go()) == (True, False)


def test_a_return_cannot_pass_for_a_sale(wk):
    check = wk.post(f"{URL}/api/v4/check").mock(return_value=ok(SALE_DATA))
    receipt = run(client().register_sale(sale()))
    with pytest.raises(TypeError, match="register_return"):
        run(client().register_sale(return_of(receipt, "op-42-refund-1", 100)))
    assert check.call_count == 1


def test_the_token_is_asked_once_and_kept(wk):
    check = wk.post(f"{URL}/api/v4/check").mock(return_value=ok(SALE_DATA))

    async def two_sales() -> None:
        provider = client()
        await provider.register_sale(sale("a-sale"))
        await provider.register_sale(sale("b-sale"))
        await provider.aclose()

    run(two_sales())
    assert wk["auth"].call_count == 1
    assert [sent(call)["Token"] for call in check.calls] == [TOKEN, TOKEN]


@pytest.mark.parametrize(("code", "text"), [(2, "Срок действия сессии истек"), (3, "Не авторизован")])
def test_an_expired_token_is_renewed_and_the_same_receipt_sent_again(wk, code, text):
    check = wk.post(f"{URL}/api/v4/check").mock(side_effect=[refused(code, text), ok(SALE_DATA)])
    receipt = run(client().register_sale(sale()))
    assert wk["auth"].call_count == 2
    first, second = (sent(call) for call in check.calls)
    assert (first["Token"], second["Token"]) == (TOKEN, TOKEN_2)
    assert first["ExternalCheckNumber"] == second["ExternalCheckNumber"] == "op-42-sale"
    assert receipt.check_number == "367645207"


def test_a_token_refused_twice_is_an_auth_error(wk):
    check = wk.post(f"{URL}/api/v4/check").mock(return_value=refused(2, "Срок действия сессии истек"))
    with pytest.raises(FiscalAuthError) as caught:
        run(client().register_sale(sale()))
    assert check.call_count == 2 and caught.value.needs_person and not caught.value.retryable


def test_a_repeated_external_number_is_the_receipt_registered_then(wk):
    """Error 14 with Data (the answer after a lost one): success, the first receipt, nothing new."""
    check = wk.post(f"{URL}/api/v4/check").mock(
        return_value=refused(
            14, "Чек с внешним номером op-42-sale уже присутствует в системе: 367645207", SALE_DATA
        )
    )
    receipt = run(client().register_sale(sale()))
    assert check.call_count == 1
    assert receipt.already_registered and receipt.check_number == "367645207"
    assert receipt.return_basis().registration_number == "032600010282"


def test_error_14_without_data_finds_the_receipt_in_the_shift_history(wk):
    wk.post(f"{URL}/api/v4/check").mock(return_value=refused(14, "Чек уже существует в системе"))
    wk.post(f"{URL}/api/v4/XReport").mock(return_value=ok(REPORT_DATA))
    other = {**SALE_DATA, "CheckNumber": "1", "ExternalCheckNumber": "other"}
    item = {**SALE_DATA, "ExternalCheckNumber": "op-42-sale", "IsOffline": True}
    history = wk.post(f"{URL}/api/v4/Check/History").mock(
        side_effect=[
            ok({"Skip": 0, "Take": 50, "Total": 2, "Items": [other], "Ofd": REPORT_DATA["Ofd"]}),
            ok({"Skip": 1, "Take": 50, "Total": 2, "Items": [item], "Ofd": REPORT_DATA["Ofd"]}),
        ]
    )
    receipt = run(client().register_sale(sale()))
    assert receipt.already_registered and receipt.check_number == "367645207" and receipt.offline
    pages = [sent(call) for call in history.calls]
    assert [(p["ShiftNumber"], p["Skip"], p["Take"]) for p in pages] == [(154, 0, 50), (154, 1, 50)]


def test_error_14_without_data_and_no_open_shift_stays_an_unknown_outcome(wk):
    """Registered in a shift closed since: not a failure, not a second receipt; asked again later."""
    check = wk.post(f"{URL}/api/v4/check").mock(return_value=refused(14, "Чек уже существует в системе"))
    wk.post(f"{URL}/api/v4/XReport").mock(return_value=refused(13, "Открытая смена не найдена"))
    with pytest.raises(FiscalOutcomeUnknown) as caught:
        run(client(attempts=2).register_sale(sale()))
    assert caught.value.gateway_code == 14 and check.call_count == 2


@pytest.mark.parametrize(
    ("code", "error"),
    [(11, ShiftOver24Hours), (18, OfflineOver72Hours)],
)
def test_a_shift_or_offline_limit_is_a_shift_error_for_a_person(wk, code, error):
    check = wk.post(f"{URL}/api/v4/check").mock(return_value=refused(code, "Смена превысила лимит"))
    with pytest.raises(error) as caught:
        run(client().register_sale(sale()))
    exc = caught.value
    assert isinstance(exc, FiscalShiftError) and exc.needs_person and not exc.retryable
    assert exc.gateway_code == code and check.call_count == 1
    assert "Nothing was registered" in exc.user_message


@pytest.mark.parametrize(
    ("code", "error"),
    [
        (1, FiscalAuthError),
        (6, FiscalConfigError),
        (7, FiscalCashboxBlocked),
        (1404, FiscalCashboxBlocked),
        (9, FiscalInvalidRequest),
        (1007, FiscalInvalidRequest),
    ],
)
def test_definite_refusals_are_typed_and_not_repeated(wk, code, error):
    check = wk.post(f"{URL}/api/v4/check").mock(return_value=refused(code, "Отказ"))
    with pytest.raises(error) as caught:
        run(client().register_sale(sale()))
    assert check.call_count == 1 and not caught.value.retryable
    assert f"{code}: Отказ" in caught.value.gateway_message


def test_a_timeout_after_sending_is_an_unknown_outcome_repeated_with_the_same_number(wk):
    """Lost answers, then error 14 with the receipt: registered once, read back."""
    check = wk.post(f"{URL}/api/v4/check").mock(
        side_effect=[
            httpx.ReadTimeout("lost"),
            httpx.Response(502, text="Bad Gateway"),
            refused(14, "Чек уже существует в системе", SALE_DATA),
        ]
    )
    receipt = run(client().register_sale(sale()))
    assert receipt.already_registered and receipt.check_number == "367645207"
    assert {sent(call)["ExternalCheckNumber"] for call in check.calls} == {"op-42-sale"}
    assert check.call_count == 3


@pytest.mark.parametrize(
    "answer",
    [
        httpx.ReadTimeout("lost"),
        httpx.Response(500, text="oops"),
        httpx.Response(504, json={"message": "Gateway Timeout"}),
        httpx.Response(200, text="<html>proxy</html>"),
        refused(-1, "Неизвестная ошибка"),
    ],
)
def test_no_clear_answer_to_a_receipt_is_an_unknown_outcome_not_a_failure(wk, answer):
    check = wk.post(f"{URL}/api/v4/check").mock(side_effect=[answer, answer])
    with pytest.raises(FiscalOutcomeUnknown) as caught:
        run(client(attempts=2).register_sale(sale()))
    assert caught.value.retryable and not caught.value.needs_person
    assert check.call_count == 2


def test_nothing_sent_is_unavailable_and_retried(wk):
    check = wk.post(f"{URL}/api/v4/check").mock(side_effect=[httpx.ConnectError("refused"), ok(SALE_DATA)])
    assert run(client().register_sale(sale())).check_number == "367645207"
    assert check.call_count == 2


@pytest.mark.parametrize(
    "answer", [httpx.Response(503, text="down"), httpx.Response(500, json={}), refused(-1, "Ошибка")]
)
def test_a_report_read_that_fails_is_unavailable_and_retried(wk, answer):
    route = wk.post(f"{URL}/api/v4/XReport").mock(return_value=answer)
    with pytest.raises(FiscalUnavailable) as caught:
        run(client(attempts=2).x_report())
    assert caught.value.retryable and route.call_count == 2


def test_the_x_report_and_the_shift_state(wk):
    route = wk.post(f"{URL}/api/v4/XReport").mock(return_value=ok(REPORT_DATA))
    report = run(client().x_report())
    assert sent(route.calls.last) == {"Token": TOKEN, "CashboxUniqueNumber": CASHBOX}
    assert report.shift_number == 154 and report.documents == 3 and not report.closed_at
    assert report.sales.total == Money(1284567) and report.sales.card == Money(1234567)
    assert report.sales.vat == Money(177182) and report.sales.count == 2
    assert report.returns.card == Money(400000)
    state = run(client().shift_state())
    assert state.opened_at == datetime(2025, 9, 14, 9, 0, tzinfo=KZ)
    assert state.close_by == datetime(2025, 9, 15, 9, 0, tzinfo=KZ)
    assert state.cashbox_offline and not state.closed
    assert state.over_limit(datetime(2025, 9, 15, 9, 0, tzinfo=KZ))
    assert not state.over_limit(datetime(2025, 9, 15, 8, 59, tzinfo=KZ))


def test_no_open_shift_is_a_state_not_an_error(wk):
    wk.post(f"{URL}/api/v4/XReport").mock(return_value=refused(13, "Открытая смена не найдена"))
    state = run(client().shift_state())
    assert state.closed and state.shift_number is None and state.close_by is None
    assert not state.over_limit(datetime(2030, 1, 1, tzinfo=KZ))


def test_the_z_report_closes_the_shift_and_a_second_says_it_is_closed(wk):
    closed = {**REPORT_DATA, "CloseOn": "14.09.2025 21:00:00"}
    route = wk.post(f"{URL}/api/v4/ZReport").mock(side_effect=[ok(closed), refused(12, "Смена уже закрыта")])
    provider = client()
    report = run(provider.close_shift())
    assert report.closed_at == datetime(2025, 9, 14, 21, 0, tzinfo=KZ) and report.state.closed
    with pytest.raises(ShiftAlreadyClosed) as caught:
        run(provider.close_shift())
    assert not caught.value.needs_person and route.call_count == 2


def test_the_print_form_asks_in_two_languages(wk):
    route = wk.post(f"{URL}/api/v4/Ticket/PrintFormat").mock(
        return_value=ok({"Lines": SALE_DATA["TicketPrintFormat"]})
    )
    lines = run(client().print_form("op-42-sale", PaperKind.TAPE_58MM, ("ru-RU", "kk-KZ")))
    request = route.calls.last.request
    assert (request.headers["Accept-Language"], request.headers["Secondary-Language"]) == ("ru-RU", "kk-KZ")
    assert sent(route.calls.last) == {
        "Token": TOKEN,
        "CashboxUniqueNumber": CASHBOX,
        "ExternalCheckNumber": "op-42-sale",
        "PaperKind": 3,
    }
    assert [line.order for line in lines] == [1, 2, 3]


def test_a_refused_api_key_is_an_auth_error(wk):
    wk["auth"].mock(side_effect=None, return_value=httpx.Response(401, text="API-key missing or not found"))
    with pytest.raises(FiscalAuthError):
        run(client().x_report())


def test_no_secret_reaches_a_log_line_or_an_error(wk, caplog):
    caplog.set_level(logging.DEBUG)
    answer = refused(9, f"Ошибка валидации: Token {TOKEN_2}, Password={PASSWORD}")
    wk.post(f"{URL}/api/v4/check").mock(side_effect=[refused(2, "Срок действия сессии истек"), answer])
    with pytest.raises(FiscalInvalidRequest) as caught:
        run(client().register_sale(sale()))
    shown = caplog.text + str(caught.value) + repr(caught.value) + caught.value.gateway_message
    assert "event=fiscal_call op=fiscal_sale method=POST path=/api/v4/check status=200" in caplog.text
    for secret in (API_KEY, PASSWORD, TOKEN, TOKEN_2):
        assert secret not in shown
    config = WebkassaConfig(
        url=URL, api_key=Secret(API_KEY), login=LOGIN, password=Secret(PASSWORD), cashbox=CASHBOX
    )
    assert API_KEY not in repr(config) and PASSWORD not in repr(config)
