"""Trained quote models (scripts/train_quotes.py), read by tidings.nlp.quotes.candidates."""
