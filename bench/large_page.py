#!/usr/bin/env python3
"""A hostile page: one paragraph of thousands of quotations, names and places, through the whole pipeline.

    python bench/large_page.py [--sizes 250000 1000000]

For each size, the same text is parsed by the bare ``nlp.pipe`` of the model and analysed by the
whole pipeline (parse, actors, quotes, events) in the same run. Reports seconds, quotations found
and the ratio of the two times: a layer that compares every quotation or name with every other
shows as a ratio growing with the size (issue 3: "a 1 MB single paragraph: no crash, sensible
output"); the layers' own cost is a constant share of the parse when they stay linear. Also
reports the process's peak memory after the pipeline (texts over 100,000 characters are parsed in
pieces, ``tidings.nlp.parse.parse_many``; the bare parse here takes the text in one piece).
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

UNIT = ('"We will not give up the fight," Mr. Smith told reporters in Ankara, and Turkish officials '
        'said the talks with Russia would go on. ')


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[250_000, 1_000_000], help="characters")
    ap.add_argument("--json", dest="json_out", help="Also write the results to this file.")
    args = ap.parse_args()

    from tidings.pipeline import Pipeline
    from tidings.records import Article
    pipeline = Pipeline()
    rows = []
    for size in args.sizes:
        body = UNIT * max(1, size // len(UNIT))
        article = Article(id="large", source="large", url=None, site=None, title=None, author=None,
                          published="2020-01-01", published_from=None, language="en", format="text", body=body)
        # the pipeline first, so that the peak memory read after it is its own (the bare parse
        # of a 1 MB Doc in one piece peaks several times higher)
        t = time.perf_counter()
        (result,) = pipeline.analyze([article])
        whole = time.perf_counter() - t
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t = time.perf_counter()
        for _ in pipeline.nlp.pipe([body]):
            pass
        parse = time.perf_counter() - t
        row = {"chars": len(body), "parse_s": round(parse, 1), "pipeline_s": round(whole, 1),
               "ratio": round(whole / parse, 2), "quotes": len(getattr(result, "quotes", [])),
               "pipeline_peak_rss_mb": round(peak), "error": getattr(result, "error", None)}
        rows.append(row)
        print(f"{len(body):>9,} chars: bare parse {parse:6.1f} s | whole pipeline {whole:6.1f} s "
              f"({row['ratio']}x the parse; peak RSS so far {row['pipeline_peak_rss_mb']} MB) | "
              f"{row['quotes']} quotations | error: {row['error']}")
    if args.json_out:
        Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json_out).write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
