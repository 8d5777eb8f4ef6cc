"""The checkout web view: the gateway's payment page in a locked-down QtWebEngine browser."""

from .page import CheckoutPage
from .policy import DEFAULT_RETURN_BASE, Decision, NavigationPolicy, hosts_of
from .profile import harden_profile, make_checkout_profile
from .view import CheckoutView

__all__ = [
    "DEFAULT_RETURN_BASE",
    "CheckoutPage",
    "CheckoutView",
    "Decision",
    "NavigationPolicy",
    "harden_profile",
    "hosts_of",
    "make_checkout_profile",
]
