"""Repositories: each takes a Tx and returns frozen domain records (``repo.Repo``: the transaction and its
session, what every repository starts from)."""
