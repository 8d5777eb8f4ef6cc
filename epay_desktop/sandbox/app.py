"""``create_app``: the gateway as one Starlette application (the ACS may be served on another origin)."""

from __future__ import annotations

import importlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import BaseRoute
from starlette.routing import Mount

from epay_desktop.sandbox.acs import acs_routes
from epay_desktop.sandbox.api import Api
from epay_desktop.sandbox.config import SandboxConfig
from epay_desktop.sandbox.confirm_payment import confirm_payment_routes
from epay_desktop.sandbox.control import control_routes
from epay_desktop.sandbox.limits import RequestLimits
from epay_desktop.sandbox.state import SandboxState

__all__ = ["create_app"]

log = logging.getLogger(__name__)


def create_app(config_or_state: SandboxConfig | SandboxState | None = None) -> Starlette:
    """The ASGI app: API at ``/`` and ``/api``, control API at ``/sandbox``, payment page at ``/payform``,
    and the issuer's 3-D Secure page at ``/acs`` unless ``state.acs_base_url`` names its own origin.

    Pass a :class:`SandboxState` to share it with the caller (tests, the desktop demo), or a
    :class:`SandboxConfig` (or nothing) for a fresh one; ``app.state.sandbox`` holds it. Every
    request meets the body size and time limits of :class:`~.limits.RequestLimits` first.
    """
    if isinstance(config_or_state, SandboxState):
        state = config_or_state
    else:
        state = SandboxState(config_or_state or SandboxConfig())
    api = [*Api(state).routes(), *confirm_payment_routes(state)]
    routes: list[BaseRoute] = [
        *api,
        Mount("/api", routes=api),
        *control_routes(state),
        *_payform_routes(state),
    ]
    if not state.acs_base_url:
        # No listener of its own (in-process use, --acs-same-origin): the ACS lives on this origin.
        routes.extend(acs_routes(state))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        await state.postlinks.drain()

    app = Starlette(routes=routes, lifespan=lifespan, middleware=[Middleware(RequestLimits, state=state)])
    app.state.sandbox = state
    return app


def _payform_routes(state: SandboxState) -> list[BaseRoute]:
    """The hosted payment page's routes, when that module is present."""
    try:
        module = importlib.import_module("epay_desktop.sandbox.payform")
    except ImportError:
        log.warning("event=payform_missing detail=the hosted payment page is not available")
        return []
    factory = getattr(module, "routes", None)
    if factory is None:
        return []
    routes: list[BaseRoute] = factory(state)
    return routes
