"""Shifts at a register with their X and Z reports (issue 13; decisions 0107, 0108).

- ``service.ShiftService``: open, X report, close (bank check, Z report, audit anchor), reprint, list.
- ``bank_check``: check-status for every payment of a shift; the console's figures beside the bank's.
- ``export``: a report as CSV (the PDF is ``epay_desktop.receipts.shift_pdf``).
- ``fiscal_check``: the shift's confirmed sales and refunds against the fiscal register's receipts, and
  the register's Z report at the last counter's close (decision 0126).
- ``required``: the shop's rule "only during an open shift", checked where a payment starts and where a
  charge, cancel or refund writes its intent (decisions 0117, 0132).
"""
