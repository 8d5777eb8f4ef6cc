"""The console's Qt face: the only package that imports PySide6 and qasync.

QtWebEngine (the checkout browser) is imported when the first "New payment" window is built, after
the login (decision 0055). Qt's documented rule for a QtWebEngine loaded after the QApplication:
``Qt.AA_ShareOpenGLContexts`` is set before the QApplication is created (:func:`.main.run_gui`).
"""

import sys


def _immortalise_singletons() -> None:
    """Work around PySide6 6.12.0 on CPython 3.11: its abi3 wheel returns ``None``/``True``/``False``
    without a new reference (fine on 3.12+, where they are immortal). Every void Qt call and every
    ``signal.emit()`` then drops one reference for good, and after a few thousand calls the process
    aborts with "Fatal Python error: none_dealloc" (or bool_dealloc). Giving the three singletons a
    huge reference count is what CPython 3.12 does itself. Remove when the app runs on Python 3.12+.
    """
    import ctypes

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


if (
    sys.version_info < (3, 12)
    and sys.implementation.name == "cpython"
    and not hasattr(sys, "gettotalrefcount")
):
    _immortalise_singletons()

# Before any other module of the console's Qt face loads: PySide6's import hook would otherwise leave
# the source of every later import in linecache, 25 MB for good (issue 10, P5; decision 0061).
from epay_desktop.ui.app.pyside_sources import forget_module_sources  # noqa: E402

forget_module_sources()
