"""The fiscal settings' revision, read before each use of the kept provider (decisions 0129, 0152), is one
query whatever the number of settings it compares, and says what was saved."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC
from datetime import datetime

from epay_desktop.domain import Role
from epay_desktop.sandbox.fiscal.account import CASHBOX
from epay_desktop.sandbox.fiscal.account import LOGIN
from epay_desktop.services.fiscal.setup import FiscalSettings
from epay_desktop.services.fiscal.setup import FiscalSetup
from epay_desktop.services.fiscal.setup import settings_revision
from epay_desktop.services.secret_store import SecretStore
from tests.store.test_status_answer_reads import statements
from tests.support.ops_harness import add_user

T0 = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)


def test_the_revision_is_one_query_and_follows_a_save(db_store, memory):
    setup = FiscalSetup(db_store, SecretStore(), lambda: T0)
    manager = add_user(db_store, "Данияр", Role.MANAGER)
    wanted = replace(
        FiscalSettings.defaults(),
        provider="webkassa",
        url="https://devkkm.webkassa.kz",
        login=LOGIN,
        cashbox=CASHBOX,
        vat_rate="12",
    )
    before = asyncio.run(db_store.run_read(settings_revision))
    asyncio.run(setup.save(manager, wanted, api_key="key", password="word"))

    with statements(db_store) as seen:
        after = asyncio.run(db_store.run_read(settings_revision))

    assert before == FiscalSettings.defaults() and after == wanted and before != after
    assert len([s for s in seen if s.startswith("SELECT")]) == 1  # not one per setting (six)
