"""Shared output helpers for commands that print records."""
from __future__ import annotations

import json

import click

from tidings.records import ErrorRecord


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def emit_error(err: ErrorRecord) -> None:
    """Errors are records printed where the record would have been, plus a line on stderr."""
    click.echo(dumps({"error": err.error, "source": err.source, "stage": err.stage}))
    click.echo(f"tidings: {err.source}: {err.error}", err=True)
