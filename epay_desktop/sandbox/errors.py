"""The one error type of the sandbox and its distinct codes.

Every rejected request answers ``{"code": <int>, "message": <text>}``. Each rule has its own
code so tests and people can tell exactly which rule fired; docs/sandbox.md has the table.
Codes 8xx are the sandbox's own (the real gateway documents only a placeholder ``100``);
1373 is the real "no saved cards" code.
"""

from __future__ import annotations

from enum import IntEnum

__all__ = ["Code", "SandboxError"]


class Code(IntEnum):
    # 401: who is asking
    BAD_CLIENT = 801
    NO_TOKEN = 802
    UNKNOWN_TOKEN = 803
    TOKEN_EXPIRED = 804
    WRONG_TOKEN_KIND = 805
    # 400: token requests
    NOT_FORM_DATA = 810
    BAD_GRANT = 811
    UNKNOWN_TERMINAL = 812
    BAD_INVOICE_ID = 813
    INVOICE_TAIL_TAKEN = 814
    INVOICE_FINAL = 815
    BAD_AMOUNT = 816
    AMOUNT_MISMATCH = 817
    BAD_CURRENCY = 818
    MISSING_FIELD = 819
    # money operations
    NO_TRANSACTION = 820
    CHARGE_NOT_AUTH = 821
    CANCEL_NOT_AUTH = 822
    REFUND_NOT_CHARGE = 823
    CHARGE_TOO_MUCH = 825
    AMOUNTS_DIFFER = 826
    REFUND_TOO_SMALL = 827
    REFUND_TOO_MUCH = 828
    # cards
    NO_CARDS = 1373
    NO_CARD = 830
    CARD_DEACTIVATED = 831
    BAD_PAYMENT_TYPE = 832
    ACCOUNT_MISMATCH = 833
    TOKEN_NOT_FOR_THIS = 834
    # the customer's card form
    BAD_CARD_NUMBER = 840
    BAD_EXPIRY = 841
    BAD_CVC = 842
    NO_CHALLENGE = 843
    NO_PAYMENT_TOKEN = 844
    #: The gateway's own code (epay-api.md section 15): "You have exceeded the number of 3 transactions".
    ATTEMPTS_EXCEEDED = 505
    # control API and faults
    BAD_FAULT = 850
    BAD_JSON = 851
    BAD_OPTION = 852
    BODY_TOO_LARGE = 853
    JSON_TOO_DEEP = 854
    TIME_LIMIT = 855
    NOT_HELD = 856
    INJECTED = 860


class SandboxError(Exception):
    """A request the sandbox refuses, with the HTTP status and body it answers."""

    def __init__(self, code: int, message: str, http_status: int = 400) -> None:
        super().__init__(message)
        self.code = int(code)
        self.message = message
        self.http_status = http_status

    def body(self) -> dict[str, object]:
        return {"code": self.code, "message": self.message}

    def __repr__(self) -> str:
        return f"SandboxError({self.code}, {self.message!r}, http_status={self.http_status})"
