"""Settings: File > Settings, the shop's, this computer's and the gateway's.

- ``settings_dialog.SettingsDialog``: the dialog and what it saves.
- ``settings_pages``: its pages (gateway, receipts, this computer).
- ``fiscal_page``: its fiscal register page and the connection test (decision 0123).
"""
