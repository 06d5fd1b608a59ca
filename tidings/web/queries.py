"""The one query the web app needs that the store has no method for.

Event lists show one evidence sentence per event; ``Store.events`` returns the clustered rows
without their mentions and calling ``Store.event`` per row would load every mention of every
event. Kept here, alone and parameterised, until the store grows an equivalent method.
"""
from __future__ import annotations

from tidings.store import Store

_EVIDENCE_COLUMNS = ("event_id", "id", "sentence", "sentence_start", "trigger_start", "trigger_end",
                     "trigger_text", "ev_src_start", "ev_src_end", "ev_src_text", "ev_tgt_start",
                     "ev_tgt_end", "ev_tgt_text", "quote_id")


def representative_mentions(store: Store, event_ids: list[str]) -> dict[str, dict]:
    """event id -> its most confident mention (ties: smallest id), evidence columns only."""
    out: dict[str, dict] = {}
    cols = ", ".join(_EVIDENCE_COLUMNS)
    for i in range(0, len(event_ids), 500):
        chunk = event_ids[i:i + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = (f"SELECT {cols} FROM (SELECT {cols}, row_number() OVER (PARTITION BY event_id "
               f"ORDER BY confidence DESC, id) AS rn FROM mentions WHERE event_id IN ({marks})) WHERE rn = 1")
        for r in store.conn.execute(sql, chunk):
            out[r["event_id"]] = dict(r)
    return out
