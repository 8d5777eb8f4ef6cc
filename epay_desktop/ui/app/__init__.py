"""The GUI's start and its glue: one QApplication, one qasync loop, who opens what.

- ``main``: ``run_gui`` (``epay-desktop`` without a command): the application, the start-up
  screen, the background tasks, the console's whole life.
- ``controller.AppController``: the main window's signals to the screens, dialogs and services.
- ``flows``: what the money and receipt commands do (read -> ask -> the service -> render).
- ``admin_screens.AdminFlows``: the manager's screens opened from the main window.
  Three ideas, not one cut by length: the controller is who is logged in and which signal goes
  where; ``flows`` are the payment commands (refund/charge/cancel/print/review), ``admin_screens``
  the manager's screens (settings, users, export, audit anchor, needs attention) and their badge.
- ``shift_screens.ShiftScreens``: the Shift menu's commands and the shift the status bar shows (0112).
- ``fiscal_screens.FiscalScreens``: Shift > Fiscal register… and the fiscal shift's badge (0127, 0141).
- ``bridge.EventBridge``: services' events as Qt signals on the GUI thread.
- ``crash``: the last line of defence (calm words, the trace only in the log); ``gc_guard`` and
  ``pyside_sources``: garbage collection and module sources kept off the wrong thread and memory.
"""
