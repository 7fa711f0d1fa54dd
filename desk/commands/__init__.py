"""One module per command group; each has `register(subparsers, helps)`.

The package itself imports nothing: plain `desk` (the TUI) must not pay for every command
group's module (desk/commands/registry.py lists them for the full parser).
"""
