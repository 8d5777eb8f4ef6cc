"""The redaction filter: tokens, secrets, PANs and card fields never reach a handler's output."""

from __future__ import annotations

import io
import logging

import pytest

from epay_desktop.gateway import RedactingFilter
from epay_desktop.gateway import install_redaction
from epay_desktop.gateway import redact_text
from epay_desktop.gateway import unredacted_handlers

VISA = "4405639704015096"  # published test card, Luhn-valid


@pytest.mark.parametrize(
    ("text", "leaked"),
    [
        ("Authorization: Bearer DCEB8O_ZM5U7SO_T_U5EJQ", "DCEB8O_ZM5U7SO_T_U5EJQ"),
        ("authorization=Bearer abc.def-ghi", "abc.def-ghi"),
        ("[(b'authorization', b'Bearer TOKEN123')]", "TOKEN123"),
        ("Authorization: Basic dXNlcjpwYXNz", "dXNlcjpwYXNz"),
        ("grant_type=client_credentials&client_secret=yF587AV9Ms94&client_id=test", "yF587AV9Ms94"),
        ('{"client_secret": "yF587AV9Ms94"}', "yF587AV9Ms94"),
        ("{'client_secret': 'yF587AV9Ms94'}", "yF587AV9Ms94"),
        ('{"access_token":"IRPNGDU-PBYMXBCXTC5AMG","expires_in":7200}', "IRPNGDU-PBYMXBCXTC5AMG"),
        ("access_token=IRPNGDU-PBYMXBCXTC5AMG", "IRPNGDU-PBYMXBCXTC5AMG"),
        ('{"hpan":"4405639704015096","expDate":"0127","cvc":"321"}', "0127"),
        ('{"cvc": "321"}', "321"),
        ("cvv2=815", "815"),
        ("card " + VISA + " paid", VISA),
        ("card 4405 6397 0401 5096 paid", "4405 6397 0401 5096"),
        ("card 4405-6397-0401-5096 paid", "4405-6397-0401-5096"),
        ("amex 377514500004820", "377514500004820"),
    ],
)
def test_redact_text_masks(text, leaked):
    assert leaked not in redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "reference 027980238029",  # 12 digits: RRN, not a PAN
        "invoice 000000000000123",  # 15 digits, not Luhn-valid
        "card 4405639704015097",  # fails Luhn
        "mask 440563...5096",
        "amount=1500.50 externalID=rf-1",
    ],
)
def test_redact_text_keeps_harmless_text(text):
    assert redact_text(text) == text


def test_pan_keeps_last_four_only():
    assert redact_text(f"pan {VISA}") == "pan [PAN ****5096]"


def test_redact_is_idempotent():
    once = redact_text(f"Authorization: Bearer abc client_secret=x {VISA}")
    assert redact_text(once) == once


def make_logger(name: str) -> tuple[logging.Logger, io.StringIO, logging.Handler]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger(name)
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    return logger, stream, handler


def test_filter_masks_msg_and_args():
    logger, stream, handler = make_logger("test.redaction.args")
    handler.addFilter(RedactingFilter())
    logger.debug("send_request_headers.started headers=%s", [(b"Authorization", b"Bearer TOKEN_XYZ")])
    logger.info("form %(form)s", {"form": "client_secret=hunter2&client_id=x"})
    logger.info("card %s", VISA)
    logger.info("Authorization: Bearer RAW_IN_MSG")
    output = stream.getvalue()
    for leaked in ("TOKEN_XYZ", "hunter2", VISA, "RAW_IN_MSG"):
        assert leaked not in output
    assert "[PAN ****5096]" in output


def test_filter_masks_traceback_text():
    logger, stream, handler = make_logger("test.redaction.exc")
    handler.addFilter(RedactingFilter())
    try:
        raise RuntimeError("failed with Authorization: Bearer TRACE_TOKEN")
    except RuntimeError:
        logger.exception("boom")
    assert "TRACE_TOKEN" not in stream.getvalue()
    assert "RuntimeError" in stream.getvalue()


def test_filter_survives_broken_format_args():
    logger, stream, handler = make_logger("test.redaction.broken")
    handler.addFilter(RedactingFilter())
    logger.info("two %s %s", "client_secret=hunter2")
    assert "hunter2" not in stream.getvalue()


def test_install_redaction_on_every_handler_and_detects_new_ones():
    logger, _, _ = make_logger("test.redaction.install")
    second = logging.StreamHandler(io.StringIO())
    logger.addHandler(second)
    assert install_redaction(logger) == 2
    assert install_redaction(logger) == 0  # idempotent
    assert unredacted_handlers(logger) == []
    late = logging.StreamHandler(io.StringIO())
    logger.addHandler(late)
    assert unredacted_handlers(logger) == [late]
    install_redaction(logger)
    assert unredacted_handlers(logger) == []
    logger.info("Authorization: Bearer LATE_TOKEN")
    assert "LATE_TOKEN" not in late.stream.getvalue()  # type: ignore[attr-defined]


def test_without_filter_the_leak_would_happen():
    """Guard for the test above: the raw handler really would write the token."""
    logger, stream, _ = make_logger("test.redaction.control")
    logger.info("Authorization: Bearer CONTROL_TOKEN")
    assert "CONTROL_TOKEN" in stream.getvalue()
