"""Quotes as rows of their texts, for the quote tests: ('content', 'speaker') pairs, or any of
'content', 'cue', 'speaker' and 'direct', each span checked against the text it claims."""
from __future__ import annotations

from tidings.nlp.quotes import find_quotes

FIELDS = ("content", "cue", "speaker", "direct")


def rows(nlp, text: str, learned: bool = True, fields=("content", "speaker")) -> list[tuple]:
    """The texts of ``fields`` of each quote found in ``text`` (None for a missing span)."""
    out = []
    for q in find_quotes(nlp(text), learned=learned):
        row = []
        for name in fields:
            value = getattr(q, name)
            if name != "direct" and value is not None:
                assert text[value.start:value.end] == value.text
                value = value.text
            row.append(value)
        out.append(tuple(row))
    return out


def rows_both(nlp, text: str, fields=FIELDS, same: bool = True) -> list[tuple]:
    """The rows by the rules alone, checking that the learned models keep them (``same``: and
    add none)."""
    rules, full = (rows(nlp, text, learned, fields) for learned in (False, True))
    assert rules == full if same else set(rules) <= set(full), (rules, full)
    return rules
