"""The demo shift's fiscal side at every start (decision 0126): what the demo's fiscal register (the
fiscal sandbox, kept in the demo folder since decision 0138) holds of today's shift, with one mismatch of
each kind for the three-way close to find (:mod:`epay_desktop.services.demo_fiscal`). Called once the
demo shop points at the sandbox (:func:`epay_desktop.demo.use_fiscal_sandbox`), before anyone logs in."""

from __future__ import annotations

from epay_desktop.app import AppContext
from epay_desktop.demo import DEMO_USERS
from epay_desktop.services.demo_fiscal import DemoFiscal, demo_fiscal_plan, register_demo_receipts

__all__ = ["seed_demo_fiscal"]


async def seed_demo_fiscal(app: AppContext) -> DemoFiscal | None:
    """The register's receipts of the open demo shift (and, once, the sale it refused); None without an
    open demo shift."""
    plan = await app.demo_shop.seed_today(DEMO_USERS, demo_fiscal_plan)
    if plan is not None:
        await register_demo_receipts(app.fiscal, plan)
    return plan
