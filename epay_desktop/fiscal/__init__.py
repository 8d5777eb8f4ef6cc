"""Fiscal receipts through an online cash register (ККМ) and its OFD. A layer beside ``gateway/``: the
domain below it, the services above it; the front ends never import it (decision 0122).

Modules (import the names from them):

- ``provider``: :class:`FiscalProvider`, the interface every provider adapter implements (sale, return,
  X report, Z report closing the shift, shift state, print form).
- ``models``: the values that cross it (``FiscalSale``, ``FiscalReturn``, ``ReturnBasis``,
  ``FiscalReceipt``, ``ShiftReport``, ``ShiftState``, ``Ofd``, ``PrintLine``, ``vat_included``), money
  in integer tiyn.
- ``errors``: ``FiscalError`` and its kinds (unknown outcome, unavailable, the refusals; which are
  retryable, which need a person).
- ``webkassa``: ``WebkassaClient`` and ``WebkassaConfig``, Webkassa's integrator API v4 (OFD protocol
  2.0.3); ``webkassa_wire``: its JSON both ways.
"""
