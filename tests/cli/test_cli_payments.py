"""Taking and looking at payments from the command line."""

from __future__ import annotations

import queue
import threading
import time
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs
from urllib.parse import urlsplit

from epay_desktop.payform.codec import parse_params


def _plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def test_pay_prints_invoice_amount_expiry_and_the_hosted_page_url(cli: Any) -> None:
    cli.add_manager()
    result = cli.run("pay", "1500.50", "--description", "Coffee", "--email", "a@example.kz")
    assert result.code == 0, result.err
    out = _plain(result.out)
    assert "1 500,50 ₸" in out and "Kazakhstan time" in out
    url = next(line for line in out.splitlines() if line.startswith("http"))
    assert url.startswith(f"{cli.sandbox.base_url}/payform/?params=")
    fields = parse_params(parse_qs(urlsplit(url).query)["params"][0])
    assert fields["amount"] == "1500.50" and fields["description"] == "Coffee"
    assert fields["invoiceId"] in out
    assert "access_token" in fields["auth"]  # the whole token object, as halyk.pay sends it


def test_pay_json_has_the_payment_object_with_an_exact_amount(cli: Any) -> None:
    cli.add_manager()
    shown = cli.run("pay", "1500.5", "--json", "--language", "kaz").json()
    assert shown["amount"] == "1500.50" and shown["status"] == "PENDING"
    assert shown["token_expires_at"] and shown["url"].startswith(cli.sandbox.base_url)
    obj = shown["payment_object"]
    assert obj["amount"] == Decimal("1500.5")
    assert obj["invoiceId"] == shown["invoice_id"] and obj["language"] == "kaz"
    assert obj["auth"]["access_token"]


def test_nonsense_amounts_are_refused_clearly(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    for nonsense in ("abc", "12.345", "-5", "1e3x"):
        result = cli.run("pay", nonsense)
        assert result.code == 2, nonsense
        assert "Write it like 1500, 1500.50, 1 500,50" in err_line(result)  # decision 0072
    zero = cli.run("pay", "0")
    assert zero.code == 1
    assert "above zero" in err_line(zero)
    bad_mail = cli.run("pay", "100", "--email", "not-an-email")
    assert bad_mail.code == 1
    assert "e-mail" in err_line(bad_mail)


def test_show_unknown_and_malformed_invoices(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    unknown = cli.run("show", "999999999")
    assert unknown.code == 1
    assert "no payment with invoice number 999999999" in err_line(unknown)
    malformed = cli.run("show", "12ab")
    assert malformed.code == 2
    assert "6 to 15 digits" in err_line(malformed)
    assert cli.run("status", "999999999").code == 1


def test_status_asks_the_gateway_now(cli: Any) -> None:
    cli.add_manager()
    shown = cli.run("pay", "2000", "--json").json()
    invoice = shown["invoice_id"]
    assert cli.run("status", invoice, "--json").json()["status"] == "PENDING"
    cli.customer_pays(invoice)
    now = cli.run("status", invoice, "--json").json()
    assert now["status"] == "CHARGE" and now["card_mask"].endswith("5096")
    text = cli.run("status", invoice)
    assert "CHARGE" in text.out and "2 000,00" in _plain(text.out)


def test_show_json_shape(cli: Any) -> None:
    cli.add_manager()
    invoice = cli.pay("1200.50")
    assert cli.run("status", invoice).code == 0
    assert cli.run("refund", invoice, "--amount", "200.50", "--reason", "broken cup").code == 0
    view = cli.run("show", invoice, "--json").json()
    assert view["invoice_id"] == invoice
    assert view["status"] == "CHARGE"
    assert (view["amount"], view["refunded"], view["remaining"]) == ("1200.50", "200.50", "1000.00")
    assert view["card_mask"].endswith("5096") and view["reference"] and view["approval_code"]
    assert view["created_at"].endswith("+00:00")
    [op] = view["operations"]
    assert op["kind"] == "REFUND" and op["amount"] == "200.50" and op["state"] == "SUCCEEDED"
    assert op["requested_by"] == "boss" and op["approved_by"] is None and op["reason"] == "broken cup"
    assert set(op) >= {"id", "kind", "amount", "state", "requested_by", "approved_by", "reason", "created_at"}
    text = _plain(cli.run("show", invoice).out)
    assert "Remaining: 1 000,00 ₸" in " ".join(text.split())
    assert "broken cup" in text and "SUCCEEDED" in text


def test_payments_list_and_filters(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    paid = cli.pay("1500")
    cli.run("status", paid)
    pending = cli.run("pay", "777.70", "--json").json()["invoice_id"]
    everything = cli.run("payments", "--json").json()
    assert [p["invoice_id"] for p in everything] == [pending, paid]
    assert [p["invoice_id"] for p in cli.run("payments", "--status", "charge", "--json").json()] == [paid]
    assert len(cli.run("payments", "--status", "CHARGE,PENDING", "--json").json()) == 2
    assert [p["invoice_id"] for p in cli.run("payments", "--search", "777.70", "--json").json()] == [pending]
    assert len(cli.run("payments", "--limit", "1", "--json").json()) == 1
    assert cli.run("payments", "--until", "2000-01-01", "--json").json() == []
    assert len(cli.run("payments", "--since", "2000-01-01", "--json").json()) == 2
    text = cli.run("payments")
    assert "INVOICE" in text.out and paid in text.out and "1 500,00" in _plain(text.out)
    bad = cli.run("payments", "--status", "PAID")
    assert bad.code == 2 and "unknown status 'PAID'" in err_line(bad)
    bad_date = cli.run("payments", "--since", "31.12.2024")
    assert bad_date.code == 2 and "2024-05-31" in err_line(bad_date)


# -- several card attempts on one invoice (issue 8, decisions 0035 and 0036) ------------------------

DECLINED_CARD = "4003032704547597"  # REJECT, reasonCode 465


def _customer_declined(cli: Any, invoice: str) -> None:
    body = {"invoiceId": invoice, "pan": DECLINED_CARD, "expiry": "12/39", "cvc": "123", "name": "T B"}
    answer = cli.control.post("/sandbox/pay", json=body).json()
    assert answer["outcome"] == "declined", answer


class _Lines:
    """A child's stdout read line by line in a thread, so the test can wait for a line with a deadline."""

    def __init__(self, stream: Any) -> None:
        self.queue: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.thread = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        self.thread.start()

    def _pump(self, stream: Any) -> None:
        for line in stream:
            self.queue.put(line.rstrip("\n"))
        self.queue.put("<eof>")

    def wait_for(self, predicate: Any, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while True:
            line = self.queue.get(timeout=max(0.1, deadline - time.monotonic()))
            self.seen.append(line)
            if line == "<eof>":
                raise AssertionError("the command ended early:\n" + "\n".join(self.seen))
            if predicate(line):
                return line


def test_pay_wait_a_declined_attempt_is_not_final_and_a_later_approval_ends_paid(cli: Any) -> None:
    cli.add_manager()
    proc = cli.spawn("pay", "1500", "--wait", "--interval", "0.2")
    lines = _Lines(proc.stdout)
    try:
        invoice = lines.wait_for(lambda line: line.startswith("Invoice")).split()[-1]
        lines.wait_for(lambda line: line.startswith("Waiting for the customer"))
        _customer_declined(cli, invoice)
        declined = lines.wait_for(lambda line: line.startswith("Declined"))
        assert "Not final: the customer may try again on the same page (2 attempts left)" in declined
        assert "restricted" in declined
        assert proc.poll() is None  # still waiting
        cli.customer_pays(invoice)  # the customer tried again with another card on the same page
        paid = lines.wait_for(lambda line: line.startswith("Paid"))
        assert "1 500,00" in _plain(paid) and "5096" in paid
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        lines.thread.join(timeout=10)
        err = proc.stderr.read() if proc.stderr else ""
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    assert "Traceback" not in err
    shown = cli.run("status", invoice, "--json").json()
    assert shown["status"] == "CHARGE" and shown["attempts_seen"] == 1 and shown["may_be_paid_again"] is False


def test_status_says_whether_a_decline_is_final(cli: Any) -> None:
    cli.add_manager()
    invoice = cli.run("pay", "800", "--json").json()["invoice_id"]
    _customer_declined(cli, invoice)
    first = cli.run("status", invoice, "--json").json()
    assert first["status"] == "REJECT" and first["reason_code"] == 465
    assert (first["attempts_seen"], first["attempts_left"], first["may_be_paid_again"]) == (1, 2, True)
    text = " ".join(cli.run("status", invoice).out.split())
    assert "Final: no: the customer may try again on the same page (2 of 3 attempts left" in text
    for pan in ("5578342710750560", DECLINED_CARD):  # two more declined attempts, each seen
        body = {"invoiceId": invoice, "pan": pan, "expiry": "12/39", "cvc": "123", "name": "T B"}
        assert cli.control.post("/sandbox/pay", json=body).json()["outcome"] == "declined"
        cli.run("status", invoice)
    last = cli.run("status", invoice, "--json").json()
    assert (last["attempts_seen"], last["attempts_left"], last["may_be_paid_again"]) == (3, 0, False)
    assert "Final: yes: this invoice cannot be paid any more" in " ".join(
        cli.run("status", invoice).out.split()
    )


def test_pay_wait_with_json_is_refused_clearly(cli: Any, err_line: Any) -> None:
    cli.add_manager()
    result = cli.run("pay", "100", "--wait", "--json")
    assert result.code == 2 and "status INVOICE --json" in err_line(result)
    assert cli.run("pay", "100", "--wait", "--interval", "0").code == 2
