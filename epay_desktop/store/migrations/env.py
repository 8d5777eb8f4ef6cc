"""Alembic environment: runs on the connection the console passes in ``config.attributes``.

Without one (the ``regenerate`` tool), it opens ``sqlalchemy.url`` itself. Offline (SQL
script) mode is not supported: the console always migrates a live database.
"""

from __future__ import annotations

from typing import Any
from typing import Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy.engine import Connection

from epay_desktop.store.db import make_engine
from epay_desktop.store.models import Base
from epay_desktop.store.models import UTCDateTime


def _render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    # Migrations must not import models.py (they are frozen in time): spell UTCDateTime as its impl.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        compare_type=True,
        render_item=_render_item,
        # SQLite cannot ALTER most things; later revisions use batch mode there.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    if context.is_offline_mode():
        raise RuntimeError(
            "offline (--sql) migrations are not supported; the console migrates live databases"
        )
    given = context.config.attributes.get("connection")
    if given is not None:
        _run(given)
        return
    engine = make_engine(context.config.get_main_option("sqlalchemy.url") or "")
    try:
        with engine.connect() as connection:
            _run(connection)
            connection.commit()
    finally:
        engine.dispose()


_main()
