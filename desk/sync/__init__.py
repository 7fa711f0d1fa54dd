"""desk/sync: the client side of the district sync (outbox, HLC, push and pull).

Importing the package registers the outbox hook (see `enable_outbox`), so any process that can
sync also queues every dossier event it records.
"""

from desk.sync.outbox import enable_outbox

enable_outbox()

__all__ = ["enable_outbox"]
