"""Store rows -> the API's JSON records.

The store returns flat rows (``src_code``, ``cameo_code``, ``trigger_start``...); the API answers
with the nested shapes of ``tidings/records.py`` and the project's DESIGN notes (``source {code,
country, name}``, ``cameo {code, name}``, ``evidence {sentence, trigger {start, end, text}}``), so
API clients read the same names as the pipeline's JSON output.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta


def _actor(row: dict, p: str) -> dict | None:
    code, name = row.get(f"{p}_code"), row.get(f"{p}_name")
    if code is None and name is None and row.get(f"{p}_country") is None:
        return None
    out = {"code": code, "country": row.get(f"{p}_country"), "name": name}
    if f"{p}_sector" in row:
        out["sector"] = row.get(f"{p}_sector")
    if row.get(f"{p}_text") is not None:
        out.update(text=row[f"{p}_text"], start=row.get(f"{p}_start"), end=row.get(f"{p}_end"))
    return out


def _span(row: dict, p: str) -> dict | None:
    if row.get(f"{p}_start") is None:
        return None
    return {"start": row[f"{p}_start"], "end": row[f"{p}_end"], "text": row.get(f"{p}_text")}


def _place(row: dict) -> dict | None:
    if not row.get("place_name") and not row.get("place_country"):
        return None
    return {"name": row.get("place_name"), "lat": row.get("place_lat"), "lon": row.get("place_lon"),
            "country": row.get("place_country")}


def _common(row: dict) -> dict:
    return {
        "source": _actor(row, "src"),
        "target": _actor(row, "tgt"),
        "cameo": {"code": row.get("cameo_code"), "name": row.get("cameo_name")},
        "goldstein": row.get("goldstein"),
        "quad_class": row.get("quad_class"),
        "plover": {"type": row.get("plover_type"), "mode": row.get("plover_mode")},
        "place": _place(row),
        "confidence": row.get("confidence"),
    }


def article_ref(a: dict | None) -> dict | None:
    if not a:
        return None
    return {k: a.get(k) for k in ("id", "title", "url", "site", "published")}


def mention(row: dict) -> dict:
    """An event mention: one report in one sentence of one article."""
    out = {"id": row["id"], "event_id": row.get("event_id"), "article_id": row.get("article_id"),
           "date": row.get("date") or row.get("day"), **_common(row),
           "context": {k: bool(row.get(k)) for k in ("negated", "hypothetical", "future", "historical")},
           "date_granularity": row.get("date_granularity"), "date_from": row.get("date_from"),
           "evidence": {"sentence": row.get("sentence"), "sentence_start": row.get("sentence_start"),
                        "trigger": _span(row, "trigger"), "source": _span(row, "ev_src"),
                        "target": _span(row, "ev_tgt"), "quote_id": row.get("quote_id")}}
    if "article" in row:
        out["article"] = article_ref(row["article"])
    return out


def event(row: dict, evidence: dict | None = None) -> dict:
    """A clustered event; ``evidence`` is one mention's evidence to show in lists."""
    out = {"id": row["id"], "date": row.get("date"), "date_end": row.get("date_end"), **_common(row),
           "factual": bool(row.get("factual", 1)),
           "context": {"hypothetical": not bool(row.get("factual", 1))},
           **{k: row.get(k) for k in ("n_mentions", "n_articles", "n_sources", "first_seen", "last_seen")}}
    if evidence is not None:
        out["evidence"] = evidence
    return out


def quote(q: dict) -> dict:
    return q  # the store already returns the nested record shape for quotes


# -- periods of the dyad series -----------------------------------------------------------------------

def period_bounds(period: str, by: str) -> tuple[str, str]:
    """First and last day (ISO) of a period label as the store writes it."""
    if by == "day":
        return period, period
    if by == "week":                       # the Monday starting the week
        d = date.fromisoformat(period)
        return period, (d + timedelta(days=6)).isoformat()
    if by == "month":
        y, m = int(period[:4]), int(period[5:7])
        return f"{period}-01", f"{period}-{calendar.monthrange(y, m)[1]:02d}"
    if by == "year":
        return f"{period}-01-01", f"{period}-12-31"
    raise ValueError(by)


def _next_period(period: str, by: str) -> str:
    end = date.fromisoformat(period_bounds(period, by)[1]) + timedelta(days=1)
    return {"day": end.isoformat(), "week": end.isoformat(), "month": end.isoformat()[:7],
            "year": end.isoformat()[:4]}[by]


def _n_periods(first: str, last: str, by: str) -> int:
    if by == "month":
        return (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1
    if by == "year":
        return int(last) - int(first) + 1
    days = date.fromisoformat(last).toordinal() - date.fromisoformat(first).toordinal()
    return days // (7 if by == "week" else 1) + 1


_LABEL = {"day": re.compile(r"^\d{4}-\d{2}-\d{2}$"), "week": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
          "month": re.compile(r"^\d{4}-\d{2}$"), "year": re.compile(r"^\d{4}$")}
MAX_FILLED_PERIODS = 1500


def dyad(result: dict) -> dict:
    """The store's dyad series split by direction, on one shared, gap-free axis of periods.

    Both charts get the same labels so A->B and B->A line up; empty periods are zeros (not
    missing) so a quiet month looks quiet. Very long ranges are not filled (a day axis over
    decades would be unreadable anyway).
    """
    by = result["by"]
    points = {}
    for p in result["series"]:
        if not _LABEL[by].match(str(p["period"])):
            continue                                   # malformed dates in the store: not plottable
        points[(p["direction"], p["period"])] = p
    labels = sorted({period for _, period in points})
    if labels and _n_periods(labels[0], labels[-1], by) <= MAX_FILLED_PERIODS:
        filled, cur = [], labels[0]
        while cur <= labels[-1]:
            filled.append(cur)
            cur = _next_period(cur, by)
        labels = filled
    out = {"a": result["a"], "b": result["b"], "by": by, "counts": result.get("counts", "events"),
           "totals": {"ab": result["totals"].get("a->b"), "ba": result["totals"].get("b->a")}}
    bounds = [period_bounds(label, by) for label in labels]
    for key, direction in (("ab", "a->b"), ("ba", "b->a")):
        series = []
        for label, (start, end) in zip(labels, bounds):
            p = points.get((direction, label))
            if p is None:
                series.append({"period": label, "start": start, "end": end, "n": 0,
                               "counts": {"1": 0, "2": 0, "3": 0, "4": 0}, "goldstein": None})
                continue
            q = p.get("quad") or {}
            series.append({"period": label, "start": start, "end": end, "n": p.get("n", 0),
                           "counts": {"1": q.get("1", 0), "2": q.get("2", 0), "3": q.get("3", 0), "4": q.get("4", 0)},
                           "goldstein": p.get("goldstein")})
        out[key] = series
    return out
