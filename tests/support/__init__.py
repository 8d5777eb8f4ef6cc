"""What tests share: fixtures' building blocks and helpers, imported as ``tests.support.<module>``.

One module per idea (the sandbox, the database, the keychain, QtWebEngine card entry, file dialogs,
...); each says in its docstring which tests use it. Fixtures themselves live in the ``conftest.py``
files and build on these modules. Nothing here edits ``sys.path``: pytest's ``pythonpath = ["."]``
puts the project root on it.
"""
