"""A cloud cash register played by the sandbox: the Webkassa integrator API v4 (OFD protocol 2.0.3) on
loopback, as ``/work/shared/docs/fiscal.md`` describes it (decision 0121; docs/fiscal-sandbox.md).

* :mod:`.account`: the demo cashbox, its seller and OFD, the accepted API key and login.
* :mod:`.register`: the register's state in memory: tokens, shifts (24 h), offline mode (72 h), the
  receipts with deterministic fiscal signs, X and Z figures; a clock tests and the control API move.
* :mod:`.kept`: that state kept in a file, read at start and written after every change (the demo's
  register, decision 0138); the tests' registers stay in memory.
* :mod:`.checks`: a ``check`` request read and validated (positions, VAT, RoundType, payments, the
  return's ``ReturnBasisDetails``) into what the register records.
* :mod:`.views`: the answers' ``Data`` (receipt, X/Z report, print form) with the provider's key casing.
* :mod:`.api`: the routes (``/api/v4/...``) and the control API (``/sandbox/...``, faults shared with the
  gateway sandbox); :mod:`.server`: ``epay-desktop fiscal-sandbox`` and ``start_in_thread``.

Only :mod:`.api` and :mod:`.server` load the web stack; this package and :mod:`.account` do not.
"""

from __future__ import annotations
