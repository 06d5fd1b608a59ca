"""``create_app``: the JSON API, the dashboard pages and their static files in one FastAPI app."""
from __future__ import annotations

import os
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from tidings import __version__
from tidings.settings import Settings
from tidings.web import api, ingest_api, pages
from tidings.web.security import SecurityHeaders, token_checker
from tidings.web.stores import StorePool

STATIC = Path(__file__).with_name("static")

DESCRIPTION = """Read-only access to a tidings event store: events with their evidence sentences, articles,
actors, dyad time series, quotes and full-text search. `POST /ingest` exists only when the server was
started with a token (`TIDINGS_TOKEN`) and requires it as `Authorization: Bearer <token>`."""


def create_app(db_path: str | os.PathLike, token: str | None = None, settings: Settings | None = None) -> FastAPI:
    """The app over the store at ``db_path`` (which must exist: ``tidings ingest`` creates it).

    ``token`` (else ``TIDINGS_TOKEN``) switches on the write endpoint.
    """
    from tidings.store import Store

    settings = settings or Settings.from_env()
    token = token if token is not None else (os.environ.get("TIDINGS_TOKEN") or None)
    db_path = Path(db_path)
    if not db_path.exists():
        if not token:
            raise FileNotFoundError(f"no store at {db_path}: create it with `tidings ingest ... --db {db_path}`")
        Store(db_path, settings=settings).close()   # an empty store to ingest into
    else:
        Store(db_path, settings=settings).close()   # brings an older schema up to date before read-only use

    stores = StorePool(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        stores.close()

    app = FastAPI(title="tidings", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.stores = stores
    app.state.db_name = db_path.name
    app.add_middleware(SecurityHeaders)

    app.include_router(api.router)
    if token:
        app.state.ingester = ingest_api.Ingester(str(db_path), settings)
        app.include_router(ingest_api.router(token_checker(token)))
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request):
        return pages.TEMPLATES.TemplateResponse(request, "docs.html", {"openapi_url": app.openapi_url})

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        return JSONResponse(status_code=422, content={"error": validation_message(exc.errors()),
                                                      "detail": _jsonable(exc.errors())})

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith(("/api/", "/ingest")) or exc.status_code not in (404, 422):
            return JSONResponse(status_code=exc.status_code, content={"error": str(exc.detail), "detail": exc.detail},
                                headers=getattr(exc, "headers", None))
        return pages.TEMPLATES.TemplateResponse(request, "error.html", {
            "page": "error", "title": "Not found" if exc.status_code == 404 else "Bad request",
            "message": str(exc.detail), "data": {}, "db_name": db_path.name}, status_code=exc.status_code)

    return app


def app_from_env() -> FastAPI:
    """The app for ``TIDINGS_DB`` (uvicorn's factory when serving with several worker processes)."""
    from tidings.store import default_db
    settings = Settings.from_env()
    return create_app(default_db(settings), settings=settings)


def validation_message(errors) -> str:
    """'limit: Input should be less than or equal to 500; ...' from pydantic's error list."""
    parts = []
    for e in errors:
        loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body", "header")]
        parts.append(f"{'.'.join(loc) or 'request'}: {e.get('msg', 'invalid')}")
    return "invalid parameter: " + "; ".join(parts)


def _jsonable(errors) -> list[dict]:
    # pydantic's ctx may hold exception objects; keep what a client can use
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in errors]
