"""Small reusable widgets and delegates: ``money_edit`` (KZT input), ``status_badge`` (labels, badges),
``form_parts`` (a plain-text label for errors and notes, the name + PIN/password pair),
``whole_words_delegate`` (a cell of names shortened at a whole word, whole in its tooltip).

Import from the submodules.
"""
