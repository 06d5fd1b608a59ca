"""The generated gazetteer (scripts/build_gazetteer.py) and the place lookups made from it."""
from __future__ import annotations

import gzip
import importlib.util

from tidings.coding.places import GAZETTEER, lookup_place


def test_generated_file_is_what_the_script_builds_from_the_installed_geonames(repo_dir):
    spec = importlib.util.spec_from_file_location("build_gazetteer", repo_dir / "scripts" / "build_gazetteer.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as fh:
        shipped = fh.read().splitlines()[1:]
    assert shipped == build.rows()


def test_countries_cities_and_shared_names():
    assert lookup_place("Turkey").country == "TUR"
    assert lookup_place("the United States").country == "USA"
    sochi = lookup_place("Sochi")
    assert (sochi.name, sochi.country) == ("Sochi", "RUS")
    assert abs(sochi.lat - 43.6) < 0.1 and abs(sochi.lon - 39.7) < 0.1
    # a name shared by several cities goes to the most populous one
    assert lookup_place("Paris").country == "FRA"
    assert lookup_place("Birmingham").country == "GBR"
    # an ASCII alternate name finds the city
    assert lookup_place("Kyiv").country == "UKR"
    assert lookup_place("Blorfington-upon-Zorg") is None
