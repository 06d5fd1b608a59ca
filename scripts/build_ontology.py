#!/usr/bin/env python3
"""Build tidings' event ontology and default verb patterns from the reference sources.

Reads ../shared/ontology (relative to the repo root) and writes, under tidings/coding/data/:
  cameo.tsv       every CAMEO code: name, Goldstein score, quad class, PLOVER event/mode/context
  verbs.tsv       the CAMEO verb-pattern dictionary (PETRARCH2 CAMEO.2.0.txt) in tidings' own
                  readable format (see tidings/coding/verbs.py for the columns and pattern syntax)
  synsets.tsv     the synonym sets those patterns refer to
  discards.txt    sentence/story discard phrases (Phoenix.discards.txt)

Run:  python scripts/build_ontology.py [--shared PATH]
The output is deterministic (sorted, no timestamps) so diffs show real changes only.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tidings" / "coding" / "data"


def quad_class(code: str) -> int | None:
    """GDELT's QuadClass from the CAMEO root: 01-04 verbal coop, 05-08 material coop,
    09-13 verbal conflict, 14-20 material conflict."""
    if not code[:2].isdigit():
        return None
    root = int(code[:2])
    return 1 if root <= 4 else 2 if root <= 8 else 3 if root <= 13 else 4


def build_cameo(shared: Path) -> list[str]:
    names: dict[str, str] = {}
    for line in (shared / "ontology/cameo/CAMEO_codefile.txt").read_text(encoding="latin-1").splitlines():
        m = re.match(r"LABEL:\s*(\d+)\s*=\s*(.+)", line)
        if m and m.group(1) not in names:
            names[m.group(1)] = m.group(2).strip()
        m = re.match(r"//(\d\d)[:=]\s*(.+)", line)
        if m:
            names.setdefault(m.group(1), m.group(2).strip().capitalize())
    gold: dict[str, str] = {}
    for line in (shared / "ontology/gdelt/CAMEO.goldsteinscale.txt").read_text().splitlines()[1:]:
        parts = line.split()
        if len(parts) == 2:
            gold[parts[0]] = parts[1]
    plover: dict[str, tuple[str, str, str]] = {}
    for line in (shared / "ontology/plover/CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"(\d+):\s*([^#]*)", line)
        if not m:
            continue
        fields = [f.strip() for f in m.group(2).split(",")]
        fields += [""] * (3 - len(fields))
        plover[m.group(1)] = (fields[0], fields[1], ",".join(fields[2:]).strip(" ,"))
    rows = []
    for code in sorted(set(names) | set(gold), key=lambda c: (c[:2], c)):
        root = code[:2]
        pl = plover.get(code) or plover.get(code[:3]) or plover.get(root) or ("", "", "")
        name = names.get(code) or names.get(code[:3]) or names.get(code + "0") or ""
        rows.append("\t".join([code, name, gold.get(code, gold.get(code[:3], "")),
                               str(quad_class(code) or ""), *pl]))
    return ["code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context"] + rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from tidings.coding.petrarch import read_verbs, read_discards
    from tidings.coding.verbs import write_verbs_tsv, write_synsets_tsv

    DATA.mkdir(parents=True, exist_ok=True)
    (DATA / "cameo.tsv").write_text("\n".join(build_cameo(a.shared)) + "\n", encoding="utf-8")
    verbs = read_verbs(a.shared / "ontology/phoenix_petrarch2/CAMEO.2.0.txt")
    write_verbs_tsv(verbs, DATA / "verbs.tsv", source="CAMEO.2.0.txt (PETRARCH2, MIT)")
    write_synsets_tsv(verbs.synsets, DATA / "synsets.tsv")
    disc = read_discards(a.shared / "ontology/phoenix_petrarch2/Phoenix.discards.txt")
    lines = ["# discard phrases from Phoenix.discards.txt (MIT); '+' = whole story, else sentence"]
    lines += sorted(("+" if story else "") + " ".join(p) for p, story in disc)
    (DATA / "discards.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {DATA}/cameo.tsv, verbs.tsv, synsets.tsv, discards.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
