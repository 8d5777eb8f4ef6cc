"""Receipts, CSV export, audit verification, reconcile, and how failures look."""

from __future__ import annotations

import contextlib
import csv
import sqlite3
from typing import Any

from pypdf import PdfReader

from tests.support.merchant import CLIENT_SECRET


def test_receipt_pdf_then_duplicate(cli: Any, tmp_path: Any, err_line: Any) -> None:
    invoice = cli.charged("1500")
    nowhere = cli.run("receipt", invoice, "--out", str(tmp_path / "missing" / "r.pdf"))
    assert nowhere.code == 2 and "does not exist" in err_line(nowhere)
    first = cli.run(
        "receipt", invoice, "--lang", "en", "--width", "80", "--out", str(tmp_path / "r1.pdf"), "--json"
    )
    assert first.code == 0, first.err
    shown = first.json()
    assert (shown["number"], shown["kind"], shown["amount"]) == (1, "sale", "1500.00")  # no number lost above
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "r1.pdf").pages)
    assert invoice in text and "5096" in text
    again = cli.run("receipt", invoice, "--out", str(tmp_path / "r2.pdf"))
    assert again.code == 0, again.err
    assert "counter-1-2 (duplicate)" in again.out
    assert (tmp_path / "r2.pdf").read_bytes().startswith(b"%PDF")


def test_refund_receipt_needs_a_refund(cli: Any, tmp_path: Any, err_line: Any) -> None:
    invoice = cli.charged()
    none_yet = cli.run("receipt", invoice, "--kind", "refund", "--out", str(tmp_path / "r.pdf"))
    assert none_yet.code == 1
    assert not (tmp_path / "r.pdf").exists()
    assert cli.run("refund", invoice, "--amount", "250").code == 0
    done = cli.run(
        "receipt", invoice, "--kind", "refund", "--lang", "kk", "--out", str(tmp_path / "r.pdf"), "--json"
    )
    assert done.code == 0, done.err
    assert done.json()["kind"] == "refund" and done.json()["amount"] == "250.00"


def test_export_csv(cli: Any, tmp_path: Any, err_line: Any) -> None:
    invoice = cli.charged("1234.50")
    out = tmp_path / "payments.csv"
    result = cli.run("export", "--csv", str(out), "--since", "2000-01-01")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert [(r["invoice_id"], r["amount"], r["status"]) for r in rows] == [(invoice, "1234.50", "CHARGE")]
    assert rows[0]["cashier"] == cli.MANAGER  # who took it, by name (decision 0143)
    assert cli.run("export", "--csv", str(out), "--until", "2000-01-01", "--json").json()["rows"] == 0
    cli.add_cashier()
    refused = cli.run("export", "--csv", str(out), user=cli.CASHIER)
    assert refused.code == 1 and "manager" in err_line(refused)


def test_audit_verify_prints_the_anchor_and_finds_tampering(cli: Any, err_line: Any) -> None:
    invoice = cli.charged()
    assert cli.run("refund", invoice, "--amount", "100").code == 0
    ok = cli.run("audit", "verify", "--json")
    assert ok.code == 0, ok.err
    anchor = ok.json()
    assert anchor["ok"] is True and len(anchor["head_hash"]) == 64
    text = cli.run("audit", "verify", "--anchor", anchor["head_hash"], "--count", str(anchor["count"]))
    assert text.code == 0 and "Anchor (keep it off this PC): audit " in text.out
    half = cli.run("audit", "verify", "--anchor", anchor["head_hash"])
    assert half.code == 2 and "both --anchor" in err_line(half)
    tamper = "UPDATE audit_log SET details = replace(details, '10000', '90000') WHERE action = ?"
    with contextlib.closing(sqlite3.connect(cli.home / "epay-desktop.db")) as db, db:
        db.execute(tamper, ("refund.requested",))
    broken = cli.run("audit", "verify")
    assert broken.code == 1
    assert "audit log is broken at entry" in err_line(broken)


def test_reconcile_with_nothing_to_do(cli: Any) -> None:
    cli.add_manager()
    pending = cli.run("pay", "100", "--json").json()["invoice_id"]
    cli.customer_pays(pending)
    result = cli.run("reconcile")
    assert result.code == 0, result.err
    assert f"payment {pending}: PENDING -> CHARGE" in result.out
    assert "Nothing changed" in cli.run("reconcile").out


def test_a_bug_is_one_line_and_the_trace_goes_to_the_log(cli: Any, monkeypatch: Any, err_line: Any) -> None:
    cli.add_manager()

    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom in list_payments")

    monkeypatch.setattr("epay_desktop.services.payments.queries.PaymentQueries.list_payments", broken)
    result = cli.run("payments")
    assert result.code == 4
    line = err_line(result)
    assert "unexpected error" in line and "boom" not in line
    log = (cli.home / "logs" / "epay-desktop.log").read_text(encoding="utf-8")
    assert "boom in list_payments" in log and "Traceback" in log


def test_usage_errors_are_one_line(cli: Any, err_line: Any) -> None:
    for args in (["refund"], ["pay"], ["nonsense-command"], ["receipt", "123456789"], ["user", "add", "x"]):
        result = cli.run(*args, user=None)
        assert result.code == 2, args
        assert "--help" in err_line(result)


def test_bad_configuration_is_exit_2(cli: Any, err_line: Any) -> None:
    result = cli.run("payments", EPAYMENT_DATABASE_URL="mysql://nope")
    assert result.code == 2
    assert "EPAYMENT_DATABASE_URL" in err_line(result)


def test_no_secret_or_token_on_screen_or_in_the_log(cli: Any) -> None:
    secret = CLIENT_SECRET
    invoice = cli.charged()
    outputs = [
        cli.run("show", invoice),
        cli.run("refund", invoice, "--amount", "100", "-v"),
        cli.run("reconcile"),
    ]
    log = (cli.home / "logs" / "epay-desktop.log").read_text(encoding="utf-8")
    assert secret not in log and "Bearer" not in log
    for result in outputs:
        assert secret not in result.out + result.err
