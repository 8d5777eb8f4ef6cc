"""One public way to start a payment (issue 12): PaymentService owns the payment's life, read with ``ast``.

A payment row is inserted, and given a status the console decided, only in
``services/payments/payment_service.py`` (``start_payment`` and the ``mark_*`` methods); the
saved-card charge and everything else go through those public methods, and no module reaches into
PaymentService's private names.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "epay_desktop"
OWNER = PACKAGE / "services" / "payments" / "payment_service.py"
#: The repository the writes go through, and the demo's made-up history (a seed, not a payment taken).
NOT_FRONT = (PACKAGE / "store", PACKAGE / "demo", PACKAGE / "services" / "demo_shop.py")
LIFECYCLE_WRITES = frozenset({"insert", "set_status"})


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def payment_row_writes(source: str) -> list[int]:
    """Lines of ``tx.payments.insert(...)`` / ``tx.payments.set_status(...)`` calls in ``source``."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in LIFECYCLE_WRITES
            and isinstance(node.func.value, ast.Attribute)
            and node.func.value.attr == "payments"
            and isinstance(node.func.value.value, ast.Name)
            and node.func.value.value.id == "tx"
        ):
            lines.append(node.lineno)
    return lines


def private_names_of_payment_service() -> set[str]:
    tree = ast.parse(OWNER.read_text(encoding="utf-8"))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "PaymentService")
    names = {n.name for n in cls.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)} | {
        n.attr
        for n in ast.walk(cls)
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "self"
    }
    return {n for n in names if n.startswith("_") and not n.startswith("__")}


def private_uses(source: str, private: set[str]) -> list[tuple[int, str]]:
    """``something._name`` for a PaymentService private name, where ``something`` is not ``self``/``cls``."""
    return [
        (node.lineno, node.attr)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute)
        and node.attr in private
        and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
    ]


def test_payment_rows_are_started_and_marked_only_by_payment_service():
    offenders = {
        str(path.relative_to(PACKAGE)): lines
        for path in _modules()
        if path != OWNER and not any(path.is_relative_to(d) for d in NOT_FRONT)
        if (lines := payment_row_writes(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}, "start or mark a payment through PaymentService.start_payment / mark_*"
    assert payment_row_writes(OWNER.read_text(encoding="utf-8")), "the rule must still see the owner's writes"


def test_no_module_touches_payment_service_private_names():
    private = private_names_of_payment_service()
    assert {"_set_status", "_token_failed", "_store_result"} <= private
    offenders = {
        str(path.relative_to(PACKAGE)): uses
        for path in _modules()
        if path != OWNER
        if (uses := private_uses(path.read_text(encoding="utf-8"), private))
    }
    assert offenders == {}


def test_the_rules_see_the_side_door_they_forbid():
    """The old saved-card code (a payment inserted and set by hand) is what the rules catch."""
    side_door = (
        "async def charge(self, svc, store):\n"
        "    payment = await store.run_write(lambda tx: tx.payments.insert(invoice, amount))\n"
        "    await store.run_write(lambda tx: tx.payments.set_status(payment.id, PENDING, now=now))\n"
        "    await svc._token_failed(actor, payment, exc)\n"
    )
    assert payment_row_writes(side_door) == [2, 3]
    assert private_uses(side_door, private_names_of_payment_service()) == [(4, "_token_failed")]
