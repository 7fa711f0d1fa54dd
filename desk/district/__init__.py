"""desk/district."""
