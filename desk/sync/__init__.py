"""desk/sync."""
