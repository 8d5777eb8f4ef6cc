"""Taking a payment and learning what happened to it: create, poll, reconcile, saved cards.

- ``payment_service.PaymentService``: starting a payment and learning what happened to it. Its
  ``start_payment`` is the one way any payment starts (the hosted page's ``create_payment`` and the
  saved-card charge both call it); ``mark_unknown``/``mark_not_made``/``mark_declined`` store what the
  console decided; ``refresh_status`` stores what check-status said. Nothing else writes a payment row.
- ``checkout``: the payment object for the gateway's page (``CheckoutSession``). What the cashier asked
  for (``CheckoutRequest``: the form, the CLI, ``create_payment`` and the saved-card charge share it) and
  the rules that turn it into ``CheckoutInput`` are the domain's (``domain.checkout``).
- ``saved_cards.SavedCardService``: list a customer's saved cards, charge one (through PaymentService's
  public methods only: tests/unit/test_payment_seam.py).
- ``poller.Poller`` and ``poll_schedule.PollSchedule``: status polling instead of postLink (when to ask).
- ``reconcile.Reconciler``: the console's books put in line with the bank (start-up, periodic, on demand).
- ``books``: the console's totals against the bank's (discrepancies); ``card_attempts``: the up to
  three card attempts of one invoice.
- ``queries.PaymentQueries``: reading payments: one payment, pages of the list, CSV export.
- ``day.DayService``: the manager's day at a glance: takings today, this week and this month, per hour
  and cashier, decline and refund rates, unresolved operations (decision 0116).
- ``gateway_map``: a check-status answer in domain terms (``GatewaySnapshot``).
"""
