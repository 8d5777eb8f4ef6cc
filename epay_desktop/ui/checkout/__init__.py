"""Taking a payment at the counter: the new-payment form, the gateway's page, the result.

- ``window.CheckoutWindow``: the "New payment" window over the main window (non-modal).
- ``screen.CheckoutScreen``: one sale end to end: form -> the gateway's page -> result -> receipt,
  with its own status loop (check-status every few seconds while the customer pays).
  A seam, not a length: the screen is the sale (it runs inside any parent, tests drive it alone);
  the window is where it lives (non-modal over the main window, when it may close, Esc, badge).
- ``form.NewPaymentForm``: amount, description, the optional customer fields.
- ``saved_card.SavedCardPanel``: pay with a customer's saved card instead of the page.
- ``result.ResultView``: approved, declined, expired or "checking with the bank", in plain words.
- ``late_payment_notice``: a sale stopped at the counter that the bank then reports paid:
  ``LatePaymentNotice`` on the main window, ``SaleLateNotice`` inside the "New payment" window.
- The gateway's payment page in a locked-down QtWebEngine browser: ``view.CheckoutView``,
  ``page.CheckoutPage``, ``policy.NavigationPolicy`` (which navigations are allowed),
  ``profile.make_checkout_profile``, ``shell`` (the local pages around it).

This package imports nothing: QtWebEngine is loaded when the first sale opens its page, not when
the console starts (import the submodule you need).
"""
