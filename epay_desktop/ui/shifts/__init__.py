"""A register's shifts on screen (issue 13, item 4; decisions 0107, 0108, 0113).

- ``report_view.ShiftReportDialog``: one X or Z report (header, figures, by cashier and card brand,
  the bank check, the audit anchor, warnings) with Print, Save as PDF…, Save as CSV… and Close.
- ``history.ShiftHistoryDialog``: the register's recent shifts; a closed one opens its stored Z report.
"""
