"""Fiscal receipts in the console: the services between the screens and the provider adapters of
``epay_desktop.fiscal`` (issue 14; decisions 0122, 0123, 0124).

- ``setup``: the fiscal settings (provider, address, login, cash register, VAT) in the shop database, the
  API key and password in the keychain, :func:`~.setup.build_provider` (None when not configured) and
  the Settings page's connection test (:class:`~.setup.FiscalSetup`).
- ``service``: :class:`~.service.FiscalService`, a card sale's receipt and a refund's return registered
  exactly once after the bank confirmed them, and the reconcile completing what a crash or a lost answer
  left (decision 0124); ``journal``: its write steps (the intent before the request, the numbers);
  ``elsewhere``: a receipt asked at another cash register than the settings name now, held for a person
  (decision 0129); ``held``: the kept connection, reference-counted (:class:`~.held.HeldConnection`:
  replaced by a settings change, it is closed when its last request ends).
- ``shift_watch``: the register's shift as a person watches it (its 24 hours:
  :func:`~.shift_watch.deadline_of`) and a person's Z with the receipts it lets through
  (:class:`~.shift_watch.ShiftClosed`; decision 0127).
"""
