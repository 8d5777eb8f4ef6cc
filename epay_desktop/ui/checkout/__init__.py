"""The checkout web view: the gateway's payment page in a locked-down QtWebEngine browser."""

from epay_desktop.ui.checkout.page import CheckoutPage
from epay_desktop.ui.checkout.policy import DEFAULT_RETURN_BASE, Decision, NavigationPolicy, hosts_of
from epay_desktop.ui.checkout.profile import harden_profile, make_checkout_profile
from epay_desktop.ui.checkout.view import CheckoutView

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
