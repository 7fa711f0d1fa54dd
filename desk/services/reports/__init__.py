"""Reports: the period report, the register book, indicators, exports."""
