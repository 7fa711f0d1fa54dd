"""desk/sync: the client side of the district sync (outbox, HLC, push and pull).

The outbox hook is registered explicitly (`enable_outbox`, called when the desk opens its
database in `DeskContext.engine`), never as a side effect of importing this package
(`desk.sync.outbox.enable_outbox`). Importing the package itself loads nothing: the quick
`sqlite3` writer uses its pure modules (outbox_wire, protocol, hlc) without the
database stack.
"""
