"""Repositories: each takes a Tx and returns frozen domain records."""
