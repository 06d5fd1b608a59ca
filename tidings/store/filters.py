"""Event filters shared by the CLI and the web API, and their translation into a SQL WHERE clause.

Values always travel as parameters; only column names from this module's fixed text reach the SQL.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields

_CODE = re.compile(r"^[A-Z]{3}[A-Z0-9]*$")


@dataclass(frozen=True, slots=True)
class EventFilters:
    actor: str | None = None            # source OR target: country (TUR), full code (TURGOV) or name
    source: str | None = None           # source actor: country, full code or name
    target: str | None = None           # target actor: country, full code or name
    type: str | None = None             # PLOVER event type (CONSULT, ASSAULT, ...), case-insensitive
    cameo: str | None = None            # CAMEO code prefix ("04", "042")
    since: str | None = None            # ISO date, inclusive (event date)
    until: str | None = None            # ISO date, inclusive
    place: str | None = None            # place name (case-insensitive) or ISO alpha-3 country of the place
    quad_class: int | None = None       # 1..4
    include_hypothetical: bool = False  # also events only reported as negated/hypothetical/future
    min_confidence: float | None = None
    article_id: str | None = None       # events (or mentions) reported by this article
    q: str | None = None                # full-text query: events from articles matching it

    @classmethod
    def from_mapping(cls, values: dict) -> "EventFilters":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in names and v not in (None, "")})


def _actor_clause(side: str, value: str, params: list) -> str:
    """``side`` is 'src' or 'tgt' (fixed by the caller, never user input)."""
    assert side in ("src", "tgt")
    v = value.strip()
    if _CODE.match(v):
        params.extend([v, v])
        return f"({side}_country = ? OR {side}_code = ?)"
    params.append(v)
    return f"({side}_name = ? COLLATE NOCASE)"


def where(f: EventFilters | None, table: str) -> tuple[str, list]:
    """WHERE clause (with leading ' WHERE ' or '') and its parameters, for ``events`` or ``mentions``.

    Both tables share the filtered column names; ``table`` selects the handful that differ.
    """
    assert table in ("events", "mentions")
    f = f or EventFilters()
    clauses: list[str] = []
    params: list = []
    date_col = "date" if table == "events" else "day"
    if f.actor:
        a: list = []
        s = _actor_clause("src", f.actor, a)
        t = _actor_clause("tgt", f.actor, a)
        clauses.append(f"({s} OR {t})")
        params.extend(a)
    if f.source:
        clauses.append(_actor_clause("src", f.source, params))
    if f.target:
        clauses.append(_actor_clause("tgt", f.target, params))
    if f.type:
        clauses.append("plover_type = ? COLLATE NOCASE")
        params.append(f.type.strip())
    if f.cameo:
        # a prefix match written as a range so the index can serve it (no LIKE on user text)
        clauses.append("(cameo_code >= ? AND cameo_code < ?)")
        params.extend([f.cameo, f.cameo + "\uffff"])
    if f.since:
        clauses.append(f"{date_col} >= ?")
        params.append(f.since)
    if f.until:
        # inclusive of the whole day even when dates carry a time
        clauses.append(f"{date_col} <= ?")
        params.append(f.until + "\uffff" if len(f.until) == 10 else f.until)
    if f.place:
        p = f.place.strip()
        clauses.append("(place_name = ? COLLATE NOCASE OR place_country = ?)")
        params.extend([p, p.upper()])
    if f.quad_class:
        clauses.append("quad_class = ?")
        params.append(int(f.quad_class))
    if not f.include_hypothetical:
        clauses.append("factual = 1")
    if f.min_confidence is not None:
        clauses.append("confidence >= ?")
        params.append(float(f.min_confidence))
    id_col = "id" if table == "events" else "event_id"
    if f.article_id:
        if table == "events":
            clauses.append("id IN (SELECT event_id FROM mentions WHERE article_id = ?)")
        else:
            clauses.append("article_id = ?")
        params.append(f.article_id)
    if f.q:
        art = "(SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid " \
              "WHERE articles_fts MATCH ?)"
        if table == "events":
            clauses.append(f"{id_col} IN (SELECT event_id FROM mentions WHERE article_id IN {art})")
        else:
            clauses.append(f"article_id IN {art}")
        params.append(fts_query(f.q))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def fts_query(q: str) -> str:
    """User text as an FTS5 query of quoted terms (all must match): no FTS syntax errors from users."""
    terms = re.findall(r"\w+", q, flags=re.UNICODE)
    return " ".join('"' + t + '"' for t in terms) or '""'
