"""Who is at the counter: log-in, switching user and the idle lock.

- ``session.Session``: the current user, switch user, lock after the idle minutes.
- ``login``: the name + PIN form (``LoginForm``), ``LoginDialog`` and the language choice on it.
- ``lock_screen.LockScreen``: the opaque panel over the window with the login form.
- ``activity.InputWatcher``: is someone using the console (input on chosen windows only).
"""
