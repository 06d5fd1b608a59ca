"""PETRARCH/TABARI dictionary formats, and coding with a user's own dictionaries."""
from __future__ import annotations

from datetime import date

import pytest

from tidings.coding import EventCoder, bench_events
from tidings.coding.patterns import Context, match
from tidings.coding.petrarch import read_actors, read_agents, read_verbs
from tidings.coding.verbs import parse_pattern, regular_forms
from tidings.nlp.parse import load_nlp

VERBS = """\
&TIETYPES
+MILITARY
+ECONOMIC

--- RESTORE  [064]  ---
RESTORE
- NOT * RELATIONS  [112]
- * &TIETYPES TIES [902]

--- BREAK [1717] ---
BREAK { BROKE BROKEN  }
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN +BROKEN_DOWN }
- * TREATY  [161]

--- ARRIVE  [032:033]  ---
ARRIVE
"""
ACTORS = """\
<!-- a comment -->
GONDOR [GON]
+MINAS_TIRITH
ARNOR_  [ARN]
GOLLUM  # comment
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
THE_SHIRE  [FRO/BIL/SAM]
"""
AGENTS = """\
!MINST! = MINISTER, MINISTRY
FOREIGN_MINISTER [~GOVFRM]
!MINST!_OF_SILLY_WALKS [~GOV]
POLICE {} [~COP]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
MSF {}  [NGO~]
"""


@pytest.fixture(scope="module")
def dicts(tmp_path_factory):
    d = tmp_path_factory.mktemp("petr")
    (d / "T.verbs.txt").write_text(VERBS)
    (d / "T.actors.txt").write_text(ACTORS)
    (d / "T.agents.txt").write_text(AGENTS)
    (d / "T.discards.txt").write_text("+TYPHOON\nBASEBALL\n")
    return d


def test_read_verbs(dicts):
    vd = read_verbs(dicts / "T.verbs.txt")
    assert vd.groups["RESTORE"].code == "064"
    assert [p.code for p in vd.groups["RESTORE"].patterns] == ["112", "902"]
    assert vd.synsets["&TIETYPES"] == [(("military", False),), (("economic", False),)]
    down = [e for e in vd.by_form["broken"] if e.after == ("down",)]
    assert down and down[0].group == "BREAK"
    assert "RESTORED" in regular_forms("RESTORE") and "RESTORING" in regular_forms("RESTORE")


def test_read_actors_with_dates(dicts):
    gollum = [a for a in read_actors(dicts / "T.actors.txt") if a.name == "GOLLUM"][0]
    assert gollum.codes_on(date(1995, 1, 1)) == ["HOB"]
    assert gollum.codes_on(date(1997, 1, 1)) == ["HOBGOV"]
    assert gollum.codes_on(date(2001, 1, 1)) == ["HOBREB"]
    shire = [a for a in read_actors(dicts / "T.actors.txt") if a.name == "THE SHIRE"][0]
    assert shire.codes_on(None) == ["FRO", "BIL", "SAM"]


def test_read_agents(dicts):
    agents = read_agents(dicts / "T.agents.txt")
    phrases = {" ".join(w for w, _ in a.phrase): (a.code, a.prefix) for a in agents}
    assert phrases["foreign ministers"] == ("GOVFRM", False)
    assert phrases["ministry of silly walks"] == ("GOV", False)
    assert "polices" not in phrases and phrases["golden geese"] == ("GGS", False)
    assert phrases["msf"] == ("NGO", True)


def test_pattern_matching_adjacency_and_synsets():
    p = parse_pattern("* &TIETYPES_TIES", "902")
    ctx = Context("will restore economic ties with gondor".split(), {}, {}, {},
                  {"&TIETYPES": [(("economic", False),)]})
    assert match(ctx, p, 1, 2) is not None
    ctx2 = Context("will restore economic trade ties".split(), {}, {}, {}, ctx.synsets)
    assert match(ctx2, p, 1, 2) is None


def test_pattern_with_a_synset_the_dictionary_lacks_then_a_word():
    # an unknown synset was cached before the sentence's word sets existed, and the next word
    # test failed with a KeyError: the sentence lost its events
    ctx = Context("will protect fish from the pumps".split(), {}, {}, {}, {})
    assert ctx.synset_ends("&UNKNOWN") == {}
    assert ctx.has_word("fish", True) and not ctx.has_word("gondor", True)
    assert ctx.positions("pumps", True) == [5]
    p = parse_pattern("* &UNKNOWN FROM", "999")
    assert match(ctx, p, 1, 2) is None


@pytest.mark.parametrize("text,day,expected", [
    ("Arnor is about to restore full diplomatic ties with Gondor.", "1995-01-01", [("ARN", "GON", "064")]),
    ("Arnor will restore military ties with Gondor.", "1995-01-01", [("ARN", "GON", "902")]),
    ("Smeagol restored relations with Minas Tirith.", "1997-01-01", [("HOBGOV", "GON", "064")]),
    ("The Arnor foreign minister broke down a treaty with Gondor.", "1995-01-01", [("ARNGOVFRM", "GON", "161")]),
    ("The Arnor Ministry of Silly Walks restored ties with Gondor's golden geese.", "1995-01-01",
     [("ARNGOV", "GONGGS", "064")]),
    ("MSF Arnor restored ties with Gondor.", "1995-01-01", [("NGOARN", "GON", "064")]),
    ("Gollum arrived in Gondor on Monday.", "1995-01-01", [("GON", "HOB", "033"), ("HOB", "GON", "032")]),
    ("The Shire restored ties with Gondor.", "1995-01-01",
     [("BIL", "GON", "064"), ("FRO", "GON", "064"), ("SAM", "GON", "064")]),
    ("Arnor restored ties with Gondor after a typhoon.", "1995-01-01", []),
    # an unresolved pronoun subject of a reported clause is the reporter
    ("Arnor indicated it restored ties with Gondor.", "1995-01-01", [("ARN", "GON", "064")]),
])
def test_code_with_user_dictionaries(dicts, text, day, expected):
    coder = EventCoder(dictionaries=dicts)
    events = coder.code(load_nlp()(text), article_id="t", article_date=day)
    assert sorted((e["source"], e["target"], e["code"]) for e in bench_events(events)) == expected


def test_unit_suite_sample(shared_dir):
    """A few records of PETRARCH's own unit suite with its toy dictionaries."""
    import json
    recs = {}
    for line in (shared_dir / "dev/events/petr_unittest.jsonl").read_text().splitlines():
        r = json.loads(line)
        recs[r["id"]] = r
    coder = EventCoder(dictionaries=shared_dir / "dev/events/petrarch_test_dicts/petr_validate")
    for rid in ("DEMO-00", "DEMO-11", "COMPOUND-07", "SYNSET-22f", "DATE-09", "AGENT-14", "DISCARD-01"):
        r = recs[rid]
        got = bench_events(coder.code(load_nlp()(r["text"]), article_id=rid, article_date=r["date"]))
        key = lambda e: (e["source"], e["target"], e["code"])
        assert sorted(map(key, got)) == sorted(map(key, r["expected"])), rid
