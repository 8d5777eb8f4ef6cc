"""epay-desktop: a desktop merchant console for Halyk Bank ePay."""

__version__ = "0.1.0"
