"""The analyst's workbench: a JSON API and dashboard pages over the event store.

    from tidings.web import create_app
    app = create_app("tidings.db")            # then: uvicorn.run(app)
"""
from tidings.web.app import create_app

__all__ = ["create_app"]
