"""Trust: clerks, roles and PINs, the audit trail, backups, personal data."""
