"""Use cases: what the console does, built on the gateway, the store and the receipts."""
