"""What every screen uses: async building blocks, language, theme, words and numbers.

- ``asyncqt``: dialogs and message boxes without ``exec()``, guarded actions (``action_slot``),
  the busy indicator.
- ``language``: Kazakh, Russian or English, switched live; ``labels``: words for codes;
  ``titles``: window titles.
- ``theme``: named colours; ``screen_fit``: a window's first size on a small screen.
- ``formatting``, ``amounts``: money, times and cards as shown; ``roles``: item data roles.
- ``text_input``: free text checked before it is sent; ``save_dialog`` and ``file_places``:
  where a file is saved; ``naming.named``: object names for tests and style sheets.
"""
