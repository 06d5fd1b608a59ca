"""Data files of tidings.nlp (a package so that wheels carry them)."""
