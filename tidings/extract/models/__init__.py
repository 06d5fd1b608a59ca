"""Package data of the text-dump extractor (kept as files so diffs stay readable)."""
