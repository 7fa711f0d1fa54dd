"""Deadlines: the working calendar, the deadline watch, apology letters, clock checks."""
