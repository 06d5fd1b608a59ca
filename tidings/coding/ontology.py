"""The CAMEO ontology as data: name, Goldstein score, quad class and PLOVER event/mode/context.

Built by ``scripts/build_ontology.py`` into ``data/cameo.tsv`` (sources in data/SOURCES.md).
Codes from a user's own dictionaries that are not CAMEO codes get no name or score.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True, slots=True)
class CodeInfo:
    code: str
    name: str
    goldstein: float | None
    quad_class: int | None
    plover_type: str
    plover_mode: str
    plover_context: str


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CodeInfo]:
    path = Path(__file__).with_name("data") / "cameo.tsv"
    out = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            g = row["goldstein"]
            out[row["code"]] = CodeInfo(row["code"], row["name"], float(g) if g else None,
                                        int(row["quad_class"]) if row["quad_class"] else None,
                                        row["plover_type"], row["plover_mode"], row["plover_context"])
    return out


def code_info(code: str) -> CodeInfo | None:
    """The entry for ``code``, falling back to its parent codes (0874 -> 087 -> 08)."""
    table = cameo_table()
    for n in (len(code), 3, 2):
        if code[:n] in table and code[:n].isdigit():
            info = table[code[:n]]
            return info if n == len(code) else CodeInfo(code, info.name, info.goldstein, info.quad_class,
                                                        info.plover_type, info.plover_mode, info.plover_context)
    return None


def is_cameo(code: str) -> bool:
    return code in cameo_table()
