"""PySide6 reads the source of every module imported after it, and Python's ``linecache`` keeps it.

PySide6's ``__feature__`` import hook (``shibokensupport.feature.feature_imported``, PYSIDE-2029)
asks, for each newly imported module, whether its source text contains "PySide6", through
``inspect.getsource``. That reads the file through ``linecache``, which keeps every line of it for
the rest of the process: some 650 files and 25 MB of the console's resident memory with the list
open (issue 10, P5; decision 0061). Freeing them later returns nothing to the system (the lines
are small objects spread over the interpreter's arenas), so they must not be kept at all.

:func:`forget_module_sources` wraps the hook's check: PySide6 still reads each source and decides
exactly as before; the lines it made ``linecache`` keep are dropped right after. A source that was
already cached (a traceback was shown) stays cached. Tracebacks read the file again when needed.
"""

from __future__ import annotations

import inspect
import linecache
import sys
from collections.abc import Callable
from types import ModuleType

__all__ = ["forget_module_sources"]

_WRAPPED = "_epay_forgets_sources"


def _source_key(module: ModuleType) -> str | None:
    """The name ``inspect.getsource`` caches the module's lines under (None for a built-in)."""
    try:
        return inspect.getsourcefile(module) or inspect.getfile(module)
    except TypeError:  # a built-in module: no file, nothing cached
        return None


def forget_module_sources() -> bool:
    """Make PySide6's import hook leave no module source in ``linecache``; idempotent.

    Imports PySide6 (which installs the hook). Returns False when this PySide6 has no such check
    (then nothing is changed), True once the wrapper is in place.
    """
    import PySide6  # noqa: F401  (loads shibokensupport.feature, the hook's module)

    feature = sys.modules.get("shibokensupport.feature")
    check: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or check is None:
        return False
    if getattr(check, _WRAPPED, False):
        return True
    original = check

    def _mod_uses_pyside(module: ModuleType) -> bool:
        key = _source_key(module)
        kept_before = key is None or key in linecache.cache
        try:
            return original(module)
        finally:
            if not kept_before:
                linecache.cache.pop(key, None)  # type: ignore[arg-type]  # key is a str here

    setattr(_mod_uses_pyside, _WRAPPED, True)
    feature._mod_uses_pyside = _mod_uses_pyside  # type: ignore[attr-defined]
    return True
