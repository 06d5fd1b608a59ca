"""Query parameters of the API, validated at the door: a bad value is a 422 naming the parameter."""
from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query

from tidings.store import EventFilters

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

ActorParam = Annotated[str | None, Query(max_length=120, description="country (TUR), full code (TURGOV) or name")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size, 1..{MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]


def _iso(name: str, value: str | None, end: bool = False) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD, checked to be a real date; partial dates widen to the period."""
    if value is None or value == "":
        return None
    v = value.strip()
    if not _DATE.match(v):
        raise HTTPException(422, f"{name}: {value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    parts = v.split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        if len(parts) > 2:
            d = int(parts[2])
        elif end:
            import calendar
            d = calendar.monthrange(y, m)[1] if 1 <= m <= 12 else 0
        else:
            d = 1
        return date(y, m, d).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name}: {value!r} is not a valid date") from None


def event_filters(
    actor: ActorParam = None,
    source: ActorParam = None,
    target: ActorParam = None,
    type: Annotated[str | None, Query(max_length=40, pattern=r"^[A-Za-z_-]+$",
                                      description="PLOVER event type, e.g. CONSULT")] = None,
    cameo: Annotated[str | None, Query(pattern=r"^[0-9]{1,4}$", description="CAMEO code prefix, e.g. 04")] = None,
    since: Annotated[str | None, Query(description="first day, inclusive (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(description="last day, inclusive (YYYY-MM-DD)")] = None,
    place: Annotated[str | None, Query(max_length=120, description="place name or ISO alpha-3 country")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="1 verbal coop .. 4 material conflict")] = None,
    include_hypothetical: Annotated[bool, Query(description="also negated, hypothetical and future reports")] = False,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    article_id: Annotated[str | None, Query(max_length=64, pattern=r"^[0-9a-f]+$")] = None,
    q: Annotated[str | None, Query(max_length=200, description="words the reporting articles contain")] = None,
) -> EventFilters:
    s, u = _iso("since", since), _iso("until", until, end=True)
    if s and u and s > u:
        raise HTTPException(422, f"since ({s}) is after until ({u})")
    return EventFilters(actor=_clean(actor), source=_clean(source), target=_clean(target),
                        type=type or None, cameo=cameo or None, since=s, until=u, place=_clean(place),
                        quad_class=quad_class, include_hypothetical=include_hypothetical,
                        min_confidence=min_confidence, article_id=article_id or None, q=_clean(q))


def _clean(v: str | None) -> str | None:
    v = (v or "").strip()
    return v or None
