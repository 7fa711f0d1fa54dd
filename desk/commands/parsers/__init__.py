"""The command line's options, declared apart from the code that answers them.

One module per command group, each with `register(subparsers, helps)`. They import argparse and
the help texts only: `desk --help` builds every group's parser without loading a service. Each
command names its handler by a string, `set_defaults(handler="desk.commands.queue:issue_")`;
desk/cli.py imports that one module when the command runs (desk/commands/quick.py may answer
first through a quick twin)."""
