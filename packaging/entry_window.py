"""The windowed entry of the Windows bundle (``epay-desktopw.exe``, for the Start menu and the desktop).

The same console as ``epay-desktop`` (with no arguments it opens the window), built without a console
window (PyInstaller ``console=False``). Such a program has no standard streams: ``sys.stdout`` and
``sys.stderr`` are ``None``. The console writes what matters to its log file (Help > About shows its
folder) and never needs them; tests/packaging/test_entry_window.py runs this entry with both streams
taken away, so a later change that writes to them unguarded (``faulthandler.enable()``, say) fails there.
"""

import sys

from epay_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
