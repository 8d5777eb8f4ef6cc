"""Charge, cancel and refund, exactly once (docs/reliability.md rules 1-7).

- ``operations.MoneyOperations``: the public face: ``charge``, ``cancel``, ``refund``, retry and
  settle a stuck operation. The only entry the front ends use.
- ``journal``: the write transactions of one operation (intent, outcome, verdict, retry, abandon),
  each inside one ``Store.write()``.
- ``engine.OpEngine``: the steps after the intent is committed: send once, record, resolve;
  ``OutcomeNotRecorded`` when the bank answered but the answer could not be written.
- ``outcomes``: what a gateway answer means for an operation (pure: ``judge``, ``classify_send_error``).
- ``crash_points.FaultPoints``: named places where the kill tests stop the process (inert in use).
"""
