"""Data files of tidings.nlp.quotes (a package so that wheels carry them)."""
