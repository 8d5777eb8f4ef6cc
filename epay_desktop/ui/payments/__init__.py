"""The payment list and one payment's detail.

- ``list_view.PaymentsView``: the filter bar over the table, with a count and an empty-state text;
  ``filter_bar.PaymentFilterBar`` (search, status, period) builds the domain's ``PaymentFilter``;
  ``list_model.PaymentsTableModel`` (paged in SQL) and ``columns``.
- ``detail_view.PaymentDetailView``: one payment's fields, banner, timeline and receipts;
  ``detail_content`` says what it shows (``build_timeline``); ``operations_model.OperationsModel``.
  A seam, not a length: ``detail_content`` turns a payment, its operations and receipts into words
  and tones (no widget, no service: tested without a window); ``detail_view`` loads them from the
  services and lays them out (newest call wins, refusals shown in the panel).
- ``check_bank``: Payment > Check with the bank; ``attention_dialog``: payments whose books
  disagree with the bank; ``export_dialog``: the list as CSV.
"""
