"""``tidings serve``: the API and dashboard over a store."""
from __future__ import annotations

import os

import click


@click.command()
@click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
              help="store file (default: $TIDINGS_DB or ./tidings.db)")
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="port (0: any free one)")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="server processes (each with its own thread pool and store connections)")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(db: str | None, host: str, port: int, workers: int, log_level: str) -> None:
    """Serve the dashboard and the JSON API (docs at /docs) over the store.

    Read-only unless TIDINGS_TOKEN is set: then POST /ingest accepts pages or URLs from clients
    that send the token.
    """
    import uvicorn

    from tidings.settings import Settings
    from tidings.store import default_db
    from tidings.web import create_app

    settings = Settings.from_env()
    path = db or default_db(settings)
    token = os.environ.get("TIDINGS_TOKEN") or None
    try:
        app = create_app(path, token=token, settings=settings)
    except (FileNotFoundError, OSError, RuntimeError) as exc:
        raise click.ClickException(str(exc)) from exc
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    click.echo(f"tidings: serving {path} at http://{shown}:{port}/  (API docs: /docs"
               f"{'; POST /ingest enabled' if token else ''})", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level=log_level)
        return
    # several processes need an importable factory; the store path travels in the environment
    os.environ["TIDINGS_DB"] = str(path)
    uvicorn.run("tidings.web.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level=log_level)


COMMANDS = [serve]
