"""The ``tidings`` command line: a thin click layer over the Python API.

Each stage registers its own commands from a module of this package, so the
CLI mirrors the pipeline (read -> analyze -> ingest/query -> serve).
"""
from __future__ import annotations

import importlib

import click

from tidings import __version__

# module name -> the click commands it defines (registered in this order)
COMMAND_MODULES = ("read", "analyze", "store", "serve")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tidings")
def main() -> None:
    """tidings: turn news pages into verifiable political event data."""


for _name in COMMAND_MODULES:
    try:
        _mod = importlib.import_module(f"tidings.cli.{_name}")
    except ModuleNotFoundError as exc:  # a stage not built yet
        if exc.name != f"tidings.cli.{_name}":
            raise
        continue
    for _cmd in getattr(_mod, "COMMANDS", ()):
        main.add_command(_cmd)
