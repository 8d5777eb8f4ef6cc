"""The manager's day at a glance (issue 13 item 5, decision 0116).

- ``window.DayDialog``: View > Day at a glance (Ctrl+Shift+D): takings today, this week and this
  month, today by hour and per cashier, decline and refund rates, unresolved money operations;
  QtCharts charts beside the same figures as tables, loaded in the background, Refresh (F5).
  QtCharts loads when the window first opens.
"""
