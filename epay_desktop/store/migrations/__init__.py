"""Schema migrations (Alembic), run by the console itself at start-up.

No ``alembic.ini`` is needed: :func:`alembic_config` builds the configuration in code and
points at this folder. ``env.py`` uses the connection the console hands it, so the
migration runs inside the console's own locked transaction. Regenerate the initial
revision with ``python -m epay_desktop.store.migrations.regenerate`` (see that module).
"""

from __future__ import annotations

from epay_desktop.store.migrations.runner import MigrationResult
from epay_desktop.store.migrations.runner import alembic_config
from epay_desktop.store.migrations.runner import head_revision
from epay_desktop.store.migrations.runner import migrate

__all__ = ["MigrationResult", "alembic_config", "head_revision", "migrate"]
