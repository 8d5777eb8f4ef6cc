"""What every screen uses: async building blocks, language, theme, words and numbers.

- ``asyncqt``: dialogs and message boxes without ``exec()`` (``run_dialog_once`` for a dialog shown
  once), guarded actions (``action_slot``), the busy indicator.
- ``work_dialog.WorkDialog``: a dialog doing one piece of work per click (settings, export, money),
  not closed while it runs, answering with what it made; ``buttons.dialog_buttons``: Cancel/Close and
  a dialog's default button; ``table_model.ColumnsModel``: a table model's counts and header, and
  money right-aligned in a cell.
- ``language``: Kazakh, Russian or English, switched live; ``labels``: words for codes;
  ``titles``: window titles.
- ``theme``: named colours; ``screen_fit``: a window's first size on a small screen.
- ``formatting``, ``amounts``: money, times and cards as shown; ``roles``: item data roles.
- ``text_input``: free text checked before it is sent; ``save_dialog`` and ``file_places``:
  where a file is saved; ``naming.named``: object names for tests and style sheets.
"""
