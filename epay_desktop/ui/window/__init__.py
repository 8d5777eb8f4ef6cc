"""The main window: menus, the list beside the detail panel, the status bar.

- ``main_window.MainWindow``: composes the widgets, owns no logic.
- ``actions.ConsoleActions``: every command as a QAction, its shortcut, and whether it is allowed now.
- ``status_bar.ConsoleStatusBar``: which gateway, bank health, last check, who is logged in.
- ``about``: the application icon and Help > About.
"""
