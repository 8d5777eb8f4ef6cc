"""The audit log's anchor: Admin > Audit log anchor (copy, print, save, check it later).

- ``anchor_dialog.AuditAnchorDialog``, with the accounts the audit log does not back.
"""
