"""The bundle's entry point: exactly what the ``epay-desktop`` console script runs."""

import sys

from epay_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
