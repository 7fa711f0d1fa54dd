"""desk/services."""
