"""desk/sync: the client side of the district sync (outbox, HLC, push and pull).

The outbox hook is registered explicitly (`enable_outbox`, called when the desk opens its
database in `DeskContext.engine`), never as a side effect of importing this package.
"""

from desk.sync.outbox import enable_outbox

__all__ = ["enable_outbox"]
