"""Thermal layouts: pure functions from a frozen dataclass to a `Document`.

One module per paper: receipt (Form 01), ticket (queue), supplement (Form 02),
refusal (Form 03), apology (Form 04 slip), control (Form 05), guide (procedure guide).
"""
