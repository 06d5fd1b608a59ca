"""Dashboard pages: HTML shells rendered with Jinja (autoescaped); their scripts fetch the API.

No data from the store is rendered here: the shells carry only ids taken from the URL (escaped
by Jinja into data attributes), and the page scripts render the store's text as DOM text nodes.
"""
from __future__ import annotations

from pathlib import Path as FsPath
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

TEMPLATES = Jinja2Templates(directory=str(FsPath(__file__).with_name("templates")))  # autoescape on for .html

router = APIRouter(include_in_schema=False)

Id = Annotated[str, Path(max_length=64, pattern=r"^[0-9A-Za-z_-]+$")]
Code = Annotated[str, Path(max_length=120)]


def _page(request: Request, template: str, page: str, title: str, **data: str) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, template, {
        "page": page, "title": title, "data": data, "db_name": request.app.state.db_name})


@router.get("/", response_class=HTMLResponse)
def overview(request: Request):
    return _page(request, "overview.html", "overview", "Overview")


@router.get("/events", response_class=HTMLResponse)
def events(request: Request):
    return _page(request, "events.html", "events", "Events")


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: Id):
    return _page(request, "event.html", "event", "Event", id=event_id)


@router.get("/dyad", response_class=HTMLResponse)
def dyad(request: Request):
    return _page(request, "dyad.html", "dyad", "Dyad")


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor(request: Request, code: Code):
    return _page(request, "actor.html", "actor", "Actor", code=code)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: Id):
    return _page(request, "article.html", "article", "Article", id=article_id)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request):
    return _page(request, "search.html", "search", "Search")
