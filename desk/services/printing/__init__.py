"""Printing: the spooler, its per-printer workers, and the papers of a dossier."""
