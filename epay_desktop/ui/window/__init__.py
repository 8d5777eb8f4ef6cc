"""The main window: menus, the list beside the detail panel, the status bar.

- ``main_window.MainWindow``: composes the widgets, owns no logic.
- ``actions.ConsoleActions``: every command as a QAction, its shortcut, and whether it is allowed now.
- ``status_bar.ConsoleStatusBar``: which gateway, bank health, last check, who is logged in.
- ``give_way.GiveWay``: the status bar's widgets in one row that gives way by priority, whole (0149).
- ``fiscal_badge.FiscalBadge``: the status bar's fiscal shift near or past its 24 hours (0127).
- ``about``: the application icon and Help > About.
- ``shortcuts.ShortcutsDialog``: Help > Keyboard shortcuts (F1), read from the menus (0139).
- ``user_guide.UserGuideWindow``: Help > User guide (Shift+F1) in the console's language (0153).
"""
