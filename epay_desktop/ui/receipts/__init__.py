"""Receipts on screen and paper: the preview, printing, "Save as PDF", and which receipt.

- ``preview.ReceiptDialog``: the preview (QtPdf), the system print dialog, Save as PDF.
- ``chooser.ReceiptChooser``: the sale, a refund or a duplicate, when a payment has several.
"""
