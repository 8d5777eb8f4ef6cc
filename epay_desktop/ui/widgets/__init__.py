"""Small reusable widgets and delegates: ``money_edit`` (KZT input), ``status_badge`` (labels, badges).

Import from the submodules.
"""
