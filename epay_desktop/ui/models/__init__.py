"""Qt item models over domain snapshots: ``payments_model`` (the payment list, paged) and
``operations_model`` (a payment's money operations); ``roles`` holds the shared item data roles.

Import from the submodules; this package imports nothing so widgets and models can share roles.
"""
