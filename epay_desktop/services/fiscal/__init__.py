"""Fiscal receipts in the console: the services between the screens and the provider adapters of
``epay_desktop.fiscal`` (issue 14; decisions 0122, 0123).

- ``setup``: the fiscal settings (provider, address, login, cash register, VAT) in the shop database, the
  API key and password in the keychain, :func:`~.setup.build_provider` (None when not configured) and
  the Settings page's connection test (:class:`~.setup.FiscalSetup`).
"""
