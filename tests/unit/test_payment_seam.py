"""One public way to start a payment (issue 12): PaymentService owns the payment's life, read with ``ast``.

A payment row is inserted, and given a status the console decided, only in
``services/payments/payment_service.py`` (``start_payment`` and the ``mark_*`` methods); the
saved-card charge and everything else go through those public methods. A service keeps what it is
handed (the store, the gateway client, the clock, the event bus, another service) private, and no
module reaches into a service's private names: SavedCardService gets its own store, gateway and
clock from the composition root instead of borrowing PaymentService's (decision 0095).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "epay_desktop"
OWNER = PACKAGE / "services" / "payments" / "payment_service.py"
#: The repository the writes go through, and the demo's made-up history (a seed, not a payment taken).
NOT_FRONT = (PACKAGE / "store", PACKAGE / "demo", PACKAGE / "services" / "demo_shop.py")
LIFECYCLE_WRITES = frozenset({"insert", "set_status"})
SERVICES = PACKAGE / "services"
#: The annotations of what a service is handed: the store, the gateway client, the clock, the bus, the
#: polling intervals, the fault points, the password hasher, another service.
COLLABORATOR = re.compile(
    r"\b(Store|EpayClient|EventBus|PollSchedule|FaultPoints|Passwords|Credentials|StatusRefresher"
    r"|MoneyOperations|PaymentQueries|Poller|Reconciler|Books|\w+Service)\b|Callable\[\[\], datetime\]"
)


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


def private_names(cls: ast.ClassDef) -> set[str]:
    """The ``_names`` a class defines: its methods, its fields and what it sets on ``self``."""
    names = {n.name for n in cls.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)} | {
        n.attr
        for n in ast.walk(cls)
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "self"
    }
    names |= {
        n.target.id for n in cls.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)
    }
    return {n for n in names if n.startswith("_") and not n.startswith("__")}


def private_names_of_payment_service() -> set[str]:
    tree = ast.parse(OWNER.read_text(encoding="utf-8"))
    return private_names(
        next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "PaymentService")
    )


def private_names_of_services() -> set[str]:
    return {
        name
        for path in SERVICES.rglob("*.py")
        for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(cls, ast.ClassDef)
        for name in private_names(cls)
    }


def _is_dataclass(cls: ast.ClassDef) -> bool:
    return any(ast.unparse(d).startswith(("dataclass", "dataclasses.dataclass")) for d in cls.decorator_list)


def public_collaborators(source: str) -> list[tuple[int, str]]:
    """``Class.name`` where a class keeps what it was handed (a collaborator, by its annotation) under a
    public name: ``self.name = param`` in ``__init__``, or a dataclass field."""
    found = []
    for cls in ast.walk(ast.parse(source)):
        if not isinstance(cls, ast.ClassDef):
            continue
        if _is_dataclass(cls):
            found += [
                (f.lineno, f"{cls.name}.{f.target.id}")
                for f in cls.body
                if isinstance(f, ast.AnnAssign) and isinstance(f.target, ast.Name)
                if not f.target.id.startswith("_") and COLLABORATOR.search(ast.unparse(f.annotation))
            ]
        for init in (f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"):
            handed = {
                a.arg
                for a in init.args.args + init.args.kwonlyargs
                if a.annotation is not None and COLLABORATOR.search(ast.unparse(a.annotation))
            }
            for node in ast.walk(init):
                if not isinstance(node, ast.Assign):
                    continue
                value = node.value  # ``param`` or ``param or default``
                if isinstance(value, ast.BoolOp):
                    value = value.values[0]
                found += [
                    (node.lineno, f"{cls.name}.{t.attr}")
                    for t in node.targets
                    if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self"
                    if not t.attr.startswith("_") and isinstance(value, ast.Name) and value.id in handed
                ]
    return found


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


def test_no_module_touches_a_services_private_names():
    assert {
        "_set_status",
        "_token_failed",
        "_store_result",
        "_store",
        "_gateway",
    } <= private_names_of_payment_service()
    private = private_names_of_services()
    offenders = {
        str(path.relative_to(PACKAGE)): uses
        for path in _modules()
        if (uses := private_uses(path.read_text(encoding="utf-8"), private))
    }
    assert offenders == {}


def test_services_keep_what_they_are_handed_private():
    """No ``svc.store``/``svc.gateway``/``svc.clock`` for another service to reach into."""
    offenders = {
        str(path.relative_to(PACKAGE)): found
        for path in sorted(SERVICES.rglob("*.py"))
        if (found := public_collaborators(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}, "keep a collaborator as self._name; a service that needs it is handed it too"
    assert public_collaborators(OWNER.read_text(encoding="utf-8")) == []


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


def test_the_rules_see_a_service_borrowing_anothers_collaborators():
    """The old SavedCardService: PaymentService's store, gateway and clock were public, and it used them."""
    borrowing = (
        "class PaymentService:\n"
        "    def __init__(self, store: Store, gateway: EpayClient, clock: Callable[[], datetime]) -> None:\n"
        "        self.store = store\n"
        "        self.gateway = gateway\n"
        "        self.clock = clock\n"
        "class SavedCardService:\n"
        "    def __init__(self, payments: PaymentService) -> None:\n"
        "        self.payments = payments\n"
        "    async def list_cards(self, account):\n"
        "        return await self.payments._gateway.list_cards(account)\n"
    )
    assert public_collaborators(borrowing) == [
        (3, "PaymentService.store"),
        (4, "PaymentService.gateway"),
        (5, "PaymentService.clock"),
        (8, "SavedCardService.payments"),
    ]
    assert private_uses(borrowing, private_names_of_services()) == [(10, "_gateway")]
