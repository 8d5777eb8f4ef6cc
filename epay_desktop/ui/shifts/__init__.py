"""A register's shifts on screen (issue 13, item 4; decisions 0107, 0108, 0112, 0113, 0127).

- ``report_view.ShiftReportDialog``: one X or Z report in a window, with Print, Save as PDF…, Save as
  CSV… and Close; ``report_page.ReportPage`` draws what the report shows (header, figures, by cashier
  and card brand, the bank check, the fiscal register's check, the audit anchor, warnings).
- ``history.ShiftHistoryDialog``: the register's recent shifts; a closed one opens its stored Z report.
- ``flows``: what the Shift menu's Open shift, X report and Close shift do, step by step (decision 0112).
- ``close_dialog.CloseShiftDialog``: the close's one step (a manager confirms; a cashier's manager signs
  in with name and PIN; the bank check may be skipped where the shop's rules allow).
- ``bank_progress.BankCheckDialog``: the bank check's "n of m payments", its progress bar and Stop.
- ``fiscal_register.FiscalRegisterDialog``: Shift > Fiscal register…: the online cash register's shift
  (its 24 hours), its X report and a manager's Z (decision 0127).
"""
