"""One voice for messages (issue 20 §4): catalogs, t(), no raw key, the environment."""
