"""The command line's language (decision 0046): ``--lang`` or the environment's LANG picks the
catalogue its service messages are translated with, the words filled into them included (0013)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from epay_desktop import resources
from epay_desktop.cli.language import choose_language

TEMPLATE = "The role “{actor_role}” may not add “{role}” accounts."
NO_PAYMENT = "There is no payment with invoice number {invoice_id}."
CATALOGUES = {
    "kk": [
        ("users", TEMPLATE, "«{actor_role}» рөлі «{role}» тіркелгілерін қоса алмайды."),
        ("words", "cashier", "кассир"),
        ("store", NO_PAYMENT, "{invoice_id} нөмірлі тапсырыс бойынша төлем жоқ."),
        ("payments", NO_PAYMENT, "{invoice_id} нөмірлі тапсырыс бойынша төлем жоқ."),
    ],
    "ru": [
        ("users", TEMPLATE, "Роль «{actor_role}» не может добавлять учётные записи «{role}»."),
        ("words", "cashier", "кассир"),
        ("store", NO_PAYMENT, "Платежа с номером заказа {invoice_id} нет."),
        # a receipt looks the payment up through the payment queries first (its fiscal answer, decision 0125)
        ("payments", NO_PAYMENT, "Платежа с номером заказа {invoice_id} нет."),
    ],
}


def _compile(folder: Path, lang: str, entries: list[tuple[str, str, str]]) -> None:
    body = "".join(
        f"<context><name>{escape(c)}</name><message><source>{escape(s)}</source>"
        f"<translation>{escape(t)}</translation></message></context>"
        for c, s, t in entries
    )
    ts = folder / f"epay_desktop_{lang}.ts"
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1">{body}</TS>')
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


@pytest.fixture
def catalogues(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for lang, entries in CATALOGUES.items():
        _compile(tmp_path, lang, entries)
    monkeypatch.setattr(resources, "translations_dir", lambda: tmp_path)
    return tmp_path


def _cashier_adds_a_user(cli: Any, *lang: str, **env: str) -> Any:
    cli.add_manager()
    cli.add_cashier()
    return cli.run(
        *lang, "user", "add", "olga", "--role", "cashier", user=cli.CASHIER, EPAY_NEW_PASSWORD="5555", **env
    )


def test_lang_translates_the_message_and_the_words_in_it(cli: Any, err_line: Any, catalogues: Path) -> None:
    refused = _cashier_adds_a_user(cli, "--lang", "kk")
    assert refused.code == 1
    assert "«кассир» рөлі «кассир» тіркелгілерін қоса алмайды." in err_line(refused)


def test_lang_from_the_environment(cli: Any, err_line: Any, catalogues: Path) -> None:
    refused = _cashier_adds_a_user(cli, LANG="ru_RU.UTF-8")
    assert "Роль «кассир» не может добавлять учётные записи «кассир»." in err_line(refused)


def test_english_by_default_and_with_lang_en(cli: Any, err_line: Any, catalogues: Path) -> None:
    refused = _cashier_adds_a_user(cli, "--lang", "en", LANG="kk_KZ.UTF-8")
    assert "The role “cashier” may not add “cashier” accounts." in err_line(refused)


def test_a_receipts_lang_is_the_receipts_not_the_messages(
    cli: Any, err_line: Any, catalogues: Path, tmp_path: Path
) -> None:
    """``receipt --lang kk`` picks the receipt's language; the messages keep the top-level --lang (or the
    environment's): the two options once shared one name, and a Kazakh receipt made the messages Kazakh."""
    cli.add_manager()
    out = str(tmp_path / "receipt.pdf")
    russian = cli.run("--lang", "ru", "receipt", "123456789", "--lang", "kk", "--out", out, LANG="C.UTF-8")
    assert russian.code == 1
    assert "Платежа с номером заказа 123456789 нет." in err_line(russian)
    english = cli.run("receipt", "123456789", "--lang", "kk", "--out", out, LANG="C.UTF-8")
    assert "There is no payment with invoice number 123456789." in err_line(english)


def test_a_bad_lang_is_a_usage_error(cli: Any, err_line: Any) -> None:
    result = cli.run("--lang", "de", "payments")
    assert result.code == 2
    assert "--lang" in err_line(result)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "kk_KZ.UTF-8"}, "kk"),
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANGUAGE": "de:ru", "LANG": "en_US.UTF-8"}, "ru"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "ru_RU.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_environments_language(environ: dict[str, str], expected: str) -> None:
    assert choose_language(None, environ) == expected
    assert choose_language("kk", environ) == "kk"


def test_lang_reaches_the_desktop_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a command, --lang is the console's language for that start (decision 0045)."""
    import epay_desktop.cli as cli_main
    import epay_desktop.display_check as display_check
    import epay_desktop.ui.app.main as gui_main

    started: dict[str, Any] = {}
    monkeypatch.setattr(display_check, "display_problem", lambda: None)
    monkeypatch.setattr(gui_main, "run_gui", lambda **kw: started.update(kw) or 0)
    assert cli_main.main(["--lang", "kk", "--demo"]) == 0
    assert started["language"] == "kk" and started["demo"] is True
