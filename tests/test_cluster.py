"""The clustering rule on its own: blocking keys, window, place veto, determinism."""
from __future__ import annotations

import random

from tidings.store.cluster import Point, cluster, cluster_key, evidence_words, score, segments


def p(i: str, day: str | None, place: str | None = None, country: str | None = None, src="TURGOV", tgt="RUSGOV",
      code="040", text="Turkish officials met Russian officials") -> Point:
    return Point(i, day, src, tgt, code, place, country, evidence_words(text))


def test_cluster_key_blocks_by_countries_type_and_factuality():
    assert cluster_key("TURGOV", "TUR", "RUSGOV", "RUS", "CONSULT", "040", True) == "TUR|RUS|CONSULT|f"
    assert cluster_key("TUR", "TUR", "RUS", "RUS", "consult", "042", True) == "TUR|RUS|CONSULT|f"
    assert cluster_key("NATO", None, None, None, None, "190", False) == "NATO|-|cameo19|h"


def test_same_day_reports_merge_and_known_different_places_veto():
    assert score(p("a", "2021-01-01"), p("b", "2021-01-01", src="TUR", text="talks in the capital"), 3) >= 0.5
    assert score(p("a", "2021-01-01", "Ankara"), p("b", "2021-01-01", "Sochi"), 3) == 0.0
    assert score(p("a", "2021-01-01", country="TUR"), p("b", "2021-01-01", country="RUS"), 3) == 0.0
    assert score(p("a", "2021-01-01"), p("b", "2021-01-05"), 3) == 0.0          # outside the window
    # two days apart: only with matching codes and place or wording
    assert score(p("a", "2021-01-01", "Ankara"), p("b", "2021-01-03", "Ankara"), 3) >= 0.5
    assert score(p("a", "2021-01-01"), p("b", "2021-01-03", src="TUR", code="042", text="unrelated words here"),
                 3) < 0.5


def test_events_never_span_more_than_the_window():
    daily = [p(f"m{d:02d}", f"2021-01-{d:02d}") for d in range(1, 15)]
    groups = cluster(daily, window=3, min_score=0.5)
    for g in groups:
        days = sorted(int(i[1:]) for i in g)
        assert days[-1] - days[0] <= 3
    assert sorted(i for g in groups for i in g) == sorted(x.id for x in daily)
    assert len(groups) < len(daily)


def test_result_is_independent_of_input_order():
    pts = [p(f"m{i}", f"2021-02-{1 + i % 9:02d}", place=["Ankara", None, "Sochi"][i % 3]) for i in range(40)]
    want = cluster(pts, 3, 0.5)
    for seed in range(5):
        shuffled = pts[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster(shuffled, 3, 0.5) == want


def test_undated_reports_stand_alone_and_segments_split_on_gaps():
    groups = cluster([p("x", None), p("y", None), p("z", "2021-01-01")], 3, 0.5)
    assert groups == [["z"], ["x"], ["y"]]
    assert segments(["2021-01-01", "2021-01-03", "2021-01-10", "2021-01-12", "2021-01-20"], 3) == [
        ("2021-01-01", "2021-01-03"), ("2021-01-10", "2021-01-12"), ("2021-01-20", "2021-01-20")]
