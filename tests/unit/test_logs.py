import logging
import stat

import pytest

from epay_desktop.logs import assert_redacted
from epay_desktop.logs import configure_logging
from tests.support.merchant import CLIENT_SECRET

SECRET = CLIENT_SECRET


@pytest.fixture
def clean_root():
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    yield root
    for handler in root.handlers:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_log_file_is_private_and_redacted(tmp_path, clean_root):
    path = configure_logging(tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    log = logging.getLogger("epay_desktop.test")
    log.info("token request client_secret=%s", SECRET)
    log.info("Authorization: Bearer DCEB8O_ZM5U7SO_T_U5EJQ card 4405639704015096")
    for handler in clean_root.handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "token request" in text
    assert SECRET not in text
    assert "DCEB8O_ZM5U7SO_T_U5EJQ" not in text
    assert "4405639704015096" not in text


def test_configure_twice_does_not_duplicate(tmp_path, clean_root):
    configure_logging(tmp_path)
    count = len(clean_root.handlers)
    configure_logging(tmp_path)
    assert len(clean_root.handlers) == count


def test_a_handler_added_later_without_the_filter_is_caught(tmp_path, clean_root):
    configure_logging(tmp_path)
    sneaky = logging.StreamHandler()
    logging.getLogger("some.library").addHandler(sneaky)
    try:
        with pytest.raises(RuntimeError, match="without redaction"):
            assert_redacted()
    finally:
        logging.getLogger("some.library").removeHandler(sneaky)


def test_chatty_libraries_are_quiet_even_when_verbose(tmp_path, clean_root):
    """qasync logs executor call arguments at DEBUG (they can be PINs); httpx logs every URL."""
    configure_logging(tmp_path, verbose=True)
    for name in ("qasync", "httpx", "httpcore"):
        assert not logging.getLogger(name).isEnabledFor(logging.DEBUG), name
        assert not logging.getLogger(name).isEnabledFor(logging.INFO), name
