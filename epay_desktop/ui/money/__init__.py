"""Moving money from the main window: the refund, cancel and charge dialogs.

- ``money_dialog.MoneyOpDialog``: what the three share (amount, the payment, the manager's approval).
- ``refund_dialog.RefundDialog``, ``cancel_dialog.CancelDialog``, ``charge_dialog.ChargeDialog``.
- ``approval_widget.ApprovalWidget``: a manager's name and PIN when a cashier asks.

The flows that open them are in ``ui.app.flows``; the operation itself in ``services.money_ops``.
"""
