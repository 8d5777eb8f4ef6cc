"""The people at the counter: accounts, roles, log-in, PINs and a manager's approval.

- ``users.UserService``: accounts and roles, log-in, PIN changes, approvals (the public face).
- ``login``: checking a name and PIN: lockout, rehash, the role checked against the audit log.
- ``passwords.Passwords``: peppered HMAC then Argon2id; ``check_secret`` for a new PIN/password.
- ``approvals``: a manager's approval bound to one operation, and the throttle on wrong PINs.
- ``look_alike_names``: user names that look alike on a screen (Unicode confusables).
"""
