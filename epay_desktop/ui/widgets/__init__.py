"""Small reusable widgets and delegates: ``money_edit`` (KZT input), ``status_badge`` (labels, badges),
``form_parts`` (a plain-text label for errors and notes, the name + PIN/password pair),
``read_only_table`` (a table to read: rows picked whole, nothing edited in place),
``whole_words_delegate`` (a cell of names shortened at a whole word, whole in its tooltip).

Import from the submodules.
"""
