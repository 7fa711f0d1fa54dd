"""The command line's handlers: one module per command group, or per path of very different
weight (`desk queue issue` beside `desk kiosk`, `desk district serve` beside its data).

The options are declared apart, in desk/commands/parsers, and name each handler by a string
("desk.commands.queue:issue_"): desk/cli.py imports only the chosen command's module. So the
handler modules import what they use at their top, like any module. The package itself
imports nothing.
"""
