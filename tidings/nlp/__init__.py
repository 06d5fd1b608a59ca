"""NLP layer: spaCy parsing (``parse``) and quotes (``quotes``).

``parse.load_nlp(settings)`` loads the configured spaCy pipeline once per model name;
``parse.doc_sentences`` / ``parse.doc_entities`` turn a Doc into typed records with
character offsets into the text that was parsed.
"""
