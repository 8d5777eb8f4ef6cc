"""Stress 3 (reliability.md T24): fuzzed gateway answers fed to the console's gateway client.

Answers come from two sources: Hypothesis recursive JSON (keys drawn mostly from the API's own
field names) and mutations of REAL sandbox answers (recorded at the start from a pay / charge /
refund / cancel / status / token flow): keys dropped, values replaced or retyped, result codes and
amounts set to edge values, deep nesting, then byte damage (truncation, flipped or inserted bytes,
a BOM, another encoding) and odd HTTP statuses and Retry-After headers. Each answer is served by
an httpx mock transport to the real EpayClient for one call: service token, check-status, charge,
cancel, refund, saved-card list, card deactivation, saved-card payment or payment token.

Pass: 0 unhandled exceptions (anything but the client's own EpayError family) and 0 false
successes. A false success, judged here from the raw answer and independently of the client's
code: a money operation (charge/cancel/refund/deactivate) reported applied although the HTTP status
was not 2xx or the body carries an error ``code`` (decision 0033: the status line is the
gateway's success signal for these and the body can only take it back, decision 0078); a
check-status answer reported as found / not found / in progress although its ``resultCode`` is
not 100 / 102 / 107, it came with an error status, or (found) its transaction lacks an id or a
currency, is for another invoice, or has an amount that is not exactly the tiyn the body says; a
saved-card payment reported made without a 2xx and an id, or in a failed status.

Short profile by default; ``EPAY_STRESS=long``: 10,000 answers.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from decimal import InvalidOperation
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway import EpayError
from epay_desktop.gateway import OperationResult
from epay_desktop.gateway import RetryPolicy
from epay_desktop.gateway import StatusFound
from epay_desktop.gateway import StatusInProgress
from epay_desktop.gateway import StatusNotFound
from epay_desktop.gateway.config import sandbox_endpoints
from epay_desktop.gateway.models import CardPaymentResult
from epay_desktop.gateway.models import PaymentToken
from epay_desktop.sandbox import SandboxConfig
from epay_desktop.sandbox import start_in_thread
from tests.support import stress_harness as sh

h = sh.h
PROFILE = sh.profile()
BASE = "https://epay.fuzz.test"
INVOICE = InvoiceId("000123456")
TARGETS = (
    "token",
    "status",
    "charge",
    "cancel",
    "refund",
    "cards",
    "deactivate",
    "card_pay",
    "payment_token",
)
MUTATIONS = ("charge", "cancel", "refund", "deactivate")
FIELDS = (
    "resultCode", "resultMessage", "transaction", "id", "invoiceID", "invoiceId", "amount", "orgAmount",
    "payoutAmount", "amountBonus", "currency", "statusName", "status", "code", "message", "reasonCode",
    "createdDate", "access_token", "expires_in", "token_type", "scope", "secure3D", "cardID", "data",
)  # fmt: skip
EDGE_VALUES: tuple[object, ...] = (
    None, True, False, 0, -1, 100, "100", 102, "102", 107, 101, 103, 104, 5, 454, "abc", "", " ",
    "12.345", "1e2", "1E400", "-0", "NaN", "Infinity", 10**30, "１００", "12,50", [], {}, "0", "KZT",
    "AUTH", "CHARGE", "REFUND", "CANCEL", "FAILED", "REJECT", "2024-02-30T25:00:00", "\x00", "\u202e",
)  # fmt: skip
pytestmark = pytest.mark.timeout(PROFILE.timeout)


# -- real answers, recorded from the sandbox ----------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    target: str
    status: int
    body: bytes
    invoice: str = INVOICE.value  # the invoice the console asks about (a real answer's own)


class Recorder(httpx.AsyncBaseTransport):
    """Passes requests to the sandbox and keeps every answer, named by the endpoint it answered."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport(verify=h.TLS)
        self.answers: list[Answer] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        content = await response.aread()
        path = request.url.path
        invoice = path.rsplit("/", 1)[-1] if "/check-status/" in path else INVOICE.value
        self.answers.append(Answer(target_of(path), response.status_code, content, invoice))
        return httpx.Response(response.status_code, headers=response.headers, content=content)

    async def aclose(self) -> None:
        await self.inner.aclose()


def target_of(path: str) -> str:
    for part, target in (
        ("/oauth2/token", "token"),
        ("/check-status/", "status"),
        ("/charge", "charge"),
        ("/cancel", "cancel"),
        ("/refund", "refund"),
        ("/card/deactivate/", "deactivate"),
        ("/payments/cards/auth", "card_pay"),
        ("/cards/", "cards"),
    ):
        if part in path:
            return target
    return "other"


@pytest.fixture(scope="module")
def real_answers(tmp_path_factory: pytest.TempPathFactory) -> list[Answer]:
    """What the sandbox really answers along a two-step flow: the seeds the mutations start from."""
    recorder = Recorder()
    db_url = f"sqlite:///{tmp_path_factory.mktemp('fuzz-seeds') / 'seeds.db'}"
    with (
        start_in_thread(SandboxConfig(two_step=True)) as sandbox,
        h.world_parts(sandbox.base_url, db_url) as parts,
    ):
        store, control, manager, _ = parts

        async def flow() -> None:
            clock = h.Clock()
            async with h.services(store, sandbox.base_url, clock, transport=recorder) as svc:
                first = await h.paid_payment(svc, control, manager, "100")
                await svc.ops.charge(manager, first.invoice_id)
                await svc.ops.refund(manager, first.invoice_id, Money.parse("30"), reason="seed")
                await svc.payments.refresh_status(first.invoice_id)
                second = await h.paid_payment(svc, control, manager, "50")
                await svc.ops.cancel(manager, second.invoice_id)
                await svc.payments.refresh_status(second.invoice_id)
                await svc.client.list_cards("no-such-account")
                await svc.client.check_status(InvoiceId("999999999"))  # resultCode 102

        asyncio.run(flow())
    answers = [a for a in recorder.answers if a.target != "other"]
    assert {"token", "status", "charge", "cancel", "refund", "cards"} <= {a.target for a in answers}
    return answers


# -- strategies ---------------------------------------------------------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**25), max_value=10**25)
    | st.integers(0, 4).flatmap(lambda p: st.decimals(allow_nan=False, allow_infinity=False, places=p))
    | st.text(max_size=12)
    | st.sampled_from(EDGE_VALUES)
)
keys = st.sampled_from(FIELDS) | st.text(max_size=8)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=6),
    max_leaves=20,
)


def dumps(value: object) -> str:
    """JSON text of a generated value: Decimals as exact numbers, anything odd as its text."""

    def default(obj: object) -> object:
        if isinstance(obj, Decimal):
            return _Raw(str(obj))
        return str(obj)

    text = json.dumps(value, default=default, ensure_ascii=False)
    return re.sub(r'"__raw__:([^"]*)"', r"\1", text)


class _Raw(str):
    def __new__(cls, text: str) -> _Raw:
        return super().__new__(cls, f"__raw__:{text}")


@st.composite
def mutated(draw: st.DrawFn, real: list[Answer], target: str) -> Answer:
    seed = draw(st.sampled_from(real))
    try:
        value: object = json.loads(seed.body.decode("utf-8"), parse_float=Decimal)
    except ValueError:
        value = seed.body.decode("utf-8", "replace")
    for _ in range(draw(st.integers(1, 4))):
        value = draw(_mutate_value(value))
    text = dumps(value)
    depth = draw(st.sampled_from([0] * 12 + [64, 3000, 100_000]))
    if depth:
        text = (
            '{"transaction":' * depth + text + "}" * depth
            if draw(st.booleans())
            else "[" * depth + text + "]" * depth
        )
    body = text.encode("utf-8")
    body = draw(_damage(body))
    status = draw(
        st.sampled_from(
            [seed.status] * 6 + [200, 201, 204, 302, 400, 401, 403, 404, 408, 409, 429, 500, 502, 503]
        )
    )
    return Answer(target, status, body, seed.invoice)


def _mutate_value(value: object) -> st.SearchStrategy[object]:
    """One change somewhere in the tree: drop a key, replace or retype a value, add a key, wrap it."""
    paths = list(_paths(value))

    @st.composite
    def change(draw: st.DrawFn) -> object:
        path = draw(st.sampled_from(paths))
        how = draw(st.sampled_from(["replace", "edge", "retype", "drop", "add", "wrap"]))
        return _apply(value, path, how, draw)

    return change()


def _paths(value: object, prefix: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def _apply(value: object, path: tuple[object, ...], how: str, draw: st.DrawFn) -> object:
    if not path:
        if how == "wrap":
            return [value] if draw(st.booleans()) else {"data": value}
        if how in ("drop", "add") and isinstance(value, dict):
            copy = dict(value)
            if how == "drop" and copy:
                copy.pop(draw(st.sampled_from(sorted(copy, key=str))))
            else:
                copy[draw(keys)] = draw(json_values)
            return copy
        return _new_leaf(value, how, draw)
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        copy = dict(value)
        if not rest and how == "drop":
            copy.pop(head, None)
        else:
            copy[head] = _apply(copy[head], rest, how, draw)  # type: ignore[index]
        return copy
    if isinstance(value, list):
        items = list(value)
        items[head] = _apply(items[head], rest, how, draw)  # type: ignore[index]
        return items
    return value


def _new_leaf(old: object, how: str, draw: st.DrawFn) -> object:
    if how == "edge":
        return draw(st.sampled_from(EDGE_VALUES))
    if how == "retype":
        if isinstance(old, str):
            return draw(
                st.sampled_from([int(old) if old.isdigit() else 0, [old], {"value": old}, None, True])
            )
        if isinstance(old, (int, Decimal)) and not isinstance(old, bool):
            return draw(st.sampled_from([str(old), f"{old} ", f"{old}0", None, [old], -old]))
        return draw(st.sampled_from(["", "0", 0, None]))
    return draw(json_values)


def _damage(body: bytes) -> st.SearchStrategy[bytes]:
    @st.composite
    def damage(draw: st.DrawFn) -> bytes:
        how = draw(
            st.sampled_from(["none"] * 6 + ["truncate", "flip", "insert", "bom", "utf16", "latin1", "empty"])
        )
        if how == "truncate" and body:
            return body[: draw(st.integers(0, len(body) - 1))]
        if how == "flip" and body:
            at = draw(st.integers(0, len(body) - 1))
            return body[:at] + bytes([body[at] ^ draw(st.integers(1, 255))]) + body[at + 1 :]
        if how == "insert":
            at = draw(st.integers(0, len(body)))
            return body[:at] + draw(st.binary(min_size=1, max_size=8)) + body[at:]
        if how == "bom":
            return b"\xef\xbb\xbf" + body
        if how == "utf16":
            return body.decode("utf-8", "replace").encode("utf-16")
        if how == "latin1":
            return body.decode("utf-8", "replace").encode("latin-1", "replace")
        if how == "empty":
            return b""
        return body

    return damage()


@st.composite
def generated(draw: st.DrawFn, target: str) -> Answer:
    value = draw(json_values)
    if draw(st.booleans()) and target == "status":
        value = {"resultCode": draw(st.sampled_from(EDGE_VALUES)), "transaction": value}
    status = draw(st.sampled_from([200] * 5 + [201, 400, 401, 404, 429, 500, 503]))
    return Answer(target, status, draw(_damage(dumps(value).encode("utf-8"))))


retry_after = st.sampled_from([None] * 8 + ["0", "1", "-1", "abc", "99999999999999999999999", "1e308", "٣"])


# -- the oracle -------------------------------------------------------------------------------------


def decoded(body: bytes) -> object:
    """The body as JSON the way a careful reader would decode it, or None when it is not JSON."""
    try:
        return json.loads(body.decode("utf-8-sig"), parse_float=Decimal, parse_constant=Decimal)
    except (ValueError, RecursionError):
        return None


def exact_tiyn(value: object) -> int | None:
    """Tiyn of a JSON amount when it is a plain non-negative number with at most two decimals."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
        return None
    if isinstance(value, str) and not re.fullmatch(r"[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?", value.strip()):
        return None
    try:
        number = Decimal(value.strip()) if isinstance(value, str) else Decimal(value)
        tiyn = number * 100
    except (InvalidOperation, ArithmeticError):
        return None
    if not tiyn.is_finite() or tiyn < 0 or tiyn != tiyn.to_integral_value():
        return None
    return int(tiyn)


def code_number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?[0-9]{1,18}", value.strip()):
        return int(value.strip())
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    return None


def false_success(answer: Answer, result: object) -> str | None:
    """Why ``result`` is a success the raw answer does not support, or None when it is fair."""
    body = decoded(answer.body)
    ok_status = 200 <= answer.status < 300
    if answer.target in MUTATIONS and isinstance(result, OperationResult):
        if not ok_status:
            return f"applied on HTTP {answer.status}"
        code = body.get("code") if isinstance(body, dict) else None
        if code not in (None, "", 0, "0") and code_number(code) != 0:
            return f"applied although the body carries code {code!r}"
        return None
    if answer.target == "status" and isinstance(result, (StatusFound, StatusNotFound, StatusInProgress)):
        if answer.status >= 500 or answer.status in (403, 429):
            return f"status read from HTTP {answer.status}"
        if not isinstance(body, dict):
            return "status read from a body that is not a JSON object"
        code = code_number(body.get("resultCode"))
        wanted = {StatusFound: 100, StatusNotFound: 102, StatusInProgress: 107}[type(result)]
        if code != wanted:
            return f"{type(result).__name__} from resultCode {body.get('resultCode')!r}"
        if isinstance(result, StatusFound):
            data = body.get("transaction")
            if not isinstance(data, dict):
                return "found without a transaction object"
            if not result.transaction.id or not result.transaction.currency:
                return "found without a transaction id or currency"
            if result.transaction.id != _text(data.get("id")) or result.transaction.currency != _text(
                data.get("currency")
            ):
                return "transaction id or currency differ from the body"
            shown = _text(data.get("invoiceID"))
            if shown and shown.lstrip("0") != answer.invoice.lstrip("0"):
                return f"found for another invoice {shown!r}"
            if exact_tiyn(data.get("amount")) != result.transaction.amount.minor:
                return f"amount {data.get('amount')!r} read as {result.transaction.amount.minor} tiyn"
            for key, money in (
                ("orgAmount", result.transaction.org_amount),
                ("payoutAmount", result.transaction.payout_amount),
            ):
                if data.get(key) is not None and (money is None or exact_tiyn(data.get(key)) != money.minor):
                    return f"{key} {data.get(key)!r} read as {money}"
        return None
    if answer.target == "card_pay" and isinstance(result, CardPaymentResult):
        if not ok_status or not isinstance(body, dict) or not result.id:
            return "saved-card payment reported made without a 2xx answer with an id"
        if result.status is not None and result.status.is_failure:
            return f"saved-card payment reported made in status {result.status}"
        return None
    return None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(value)
    return str(value) if not isinstance(value, bool) else "?"


# -- feeding one answer to the client ----------------------------------------------------------------

TOKEN = json.dumps(
    {"access_token": "fuzz-token", "expires_in": 7200, "token_type": "Bearer", "scope": "x"}
).encode()


async def feed(answer: Answer, retry_after_value: str | None) -> object:
    """Serve ``answer`` for the call its target names (every token request gets a valid token
    unless the token is the target) and return what the client made of it."""

    def handler(request: httpx.Request) -> httpx.Response:
        headers = [(b"content-type", b"application/json")]
        if retry_after_value is not None:  # raw bytes, as a server would send them
            headers.append((b"retry-after", retry_after_value.encode("utf-8")))
        if target_of(request.url.path) == "token" and answer.target not in ("token", "payment_token"):
            return httpx.Response(200, headers=headers, content=TOKEN)
        return httpx.Response(answer.status, headers=headers, content=answer.body)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        client = EpayClient(
            sandbox_endpoints(BASE),
            h.CREDENTIALS,
            http=http,
            retry=RetryPolicy(attempts=2, base=0.0, cap=0.0),
            sleep=h.no_sleep,
        )
        amount = Money.parse("100")
        calls: dict[str, Callable[[], Any]] = {
            "token": lambda: client.check_status(INVOICE),
            "status": lambda: client.check_status(InvoiceId(answer.invoice)),
            "charge": lambda: client.charge("tx-1", amount),
            "cancel": lambda: client.cancel("tx-1"),
            "refund": lambda: client.refund("tx-1", amount, "op-1"),
            "cards": lambda: client.list_cards("acc-1"),
            "deactivate": lambda: client.deactivate_card("card-1"),
            "card_pay": lambda: _card_pay(client, amount),
            "payment_token": lambda: client.get_payment_token(INVOICE, amount),
        }
        return await calls[answer.target]()


async def _card_pay(client: EpayClient, amount: Money) -> object:
    token = PaymentToken(
        access_token="fuzz-payment-token",
        token_type="Bearer",
        scope="x",
        expires_in=1200,
        obtained_at=time.monotonic(),
        raw={},
        invoice_id=INVOICE,
        amount=amount,
        terminal_id=h.TERMINAL,
    )
    return await client.pay_with_saved_card(token, INVOICE, amount, "card-1", "acc-1", description="fuzz")


# -- the test --------------------------------------------------------------------------------------


def test_fuzzed_gateway_answers_never_crash_and_never_read_as_success(
    real_answers: list[Answer], emit: Callable[[dict[str, Any]], str]
) -> None:
    figures: Counter[str] = Counter()
    failures: list[str] = []
    loop = asyncio.new_event_loop()

    def one(answer: Answer, retry_after_value: str | None, origin: str) -> None:
        figures["answers_fuzzed"] += 1
        figures[f"origin_{origin}"] += 1
        figures[f"target_{answer.target}"] += 1
        try:
            result = loop.run_until_complete(feed(answer, retry_after_value))
        except EpayError as exc:
            figures[f"raised_{type(exc).__name__}"] += 1
            return
        except Exception as exc:
            figures["unhandled"] += 1
            failures.append(f"unhandled {type(exc).__name__}: {exc!s:.200} for {answer!r:.300}")
            return
        figures["returned"] += 1
        figures[f"returned_{type(result).__name__}"] += 1
        why = false_success(answer, result)
        if why is not None:
            figures["false_successes"] += 1
            failures.append(f"false success ({why}) for {answer!r:.300}")

    config = settings(
        max_examples=PROFILE.answers,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )

    @config
    @given(data=st.data(), retry=retry_after)
    def fuzz(data: st.DataObject, retry: str | None) -> None:
        target = data.draw(st.sampled_from(TARGETS))
        # a payment token comes from the same endpoint as the service token: same seeds
        seeds = [a for a in real_answers if a.target == ("token" if target == "payment_token" else target)]
        if seeds and data.draw(st.integers(0, 9)) < 7:
            one(data.draw(mutated(seeds, target)), retry, "mutated")
        else:
            one(data.draw(generated(target)), retry, "generated")

    started = time.monotonic()
    try:
        fuzz()
    finally:
        loop.close()
        emit(
            {
                "suite": "gateway_fuzz",
                "profile": PROFILE.name,
                "answers_fuzzed": figures["answers_fuzzed"],
                "from_real_answers": figures["origin_mutated"],
                "from_recursive_json": figures["origin_generated"],
                "unhandled": figures["unhandled"],
                "false_successes": figures["false_successes"],
                "returned_a_result": figures["returned"],
                "results": {k[9:]: v for k, v in sorted(figures.items()) if k.startswith("returned_")},
                "raised": {k[7:]: v for k, v in sorted(figures.items()) if k.startswith("raised_")},
                "targets": {k[7:]: v for k, v in sorted(figures.items()) if k.startswith("target_")},
                "seconds": round(time.monotonic() - started, 1),
            }
        )
    assert failures == [], failures[:10]
    assert figures["answers_fuzzed"] >= PROFILE.answers * 0.9
