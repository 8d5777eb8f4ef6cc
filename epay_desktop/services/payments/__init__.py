"""Taking a payment and learning what happened to it: create, poll, reconcile, saved cards.

- ``payment_service.PaymentService``: starting a payment (``create_payment``) and learning what
  happened to it (``refresh_status``).
- ``checkout``: the checkout input rules and the payment object handed to the gateway's page.
- ``saved_cards.SavedCardService``: list a customer's saved cards, charge one.
- ``poller.Poller`` and ``poll_schedule.PollSchedule``: status polling instead of postLink (when to ask).
- ``reconcile.Reconciler``: the console's books put in line with the bank (start-up, periodic, on demand).
- ``books``: the console's totals against the bank's (discrepancies); ``card_attempts``: the up to
  three card attempts of one invoice.
- ``queries.PaymentQueries``: reading payments: one payment, pages of the list, CSV export.
- ``gateway_map``: a check-status answer in domain terms (``GatewaySnapshot``).
"""
