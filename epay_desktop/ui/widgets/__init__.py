"""Small reusable widgets and delegates: ``money_edit`` (KZT input), ``status_badge`` (labels, badges),
``form_parts`` (a plain-text label for errors and notes, the name + PIN/password pair).

Import from the submodules.
"""
