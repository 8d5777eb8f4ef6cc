"""User accounts, for a manager: the list, new accounts, roles, PIN resets, unlocking.

- ``users_dialog.UsersDialog`` (Admin > Users) around ``users_admin.UsersAdmin``.
- ``account_dialogs``: ``ResetPinDialog`` and ``RoleDialog``.
"""
