"""Notices to the citizen's phone: the outbox, its worker, the plain-file sender."""
