"""Quotes with their speakers: ``find_quotes(doc, actors=None, date=None) -> list[Quote]``.

The modules, in the order the stages run (find.py calls them):
  marks.py          quotation marks in any style -> ``QuotedRun``s
  lexicon.py        the cue lexicon (data/speech_verbs.tsv): speech, belief, evidence verbs and nouns
  cues.py           cue frames of verbs from the parse (frame.py: cue, speaker, clause); what a
                    verb reports in clauses.py, where it stops in trailing.py, frames of nouns
                    in nouns.py and of other phrases ('according to X') in phrases.py;
                    subjects.py finds the speaker (participles.py: a participle's
                    subject; mentions.py: the speaker phrase's words), syntax.py holds the
                    parse facts they share
  attach.py         frames to contents: the adjacent quotation, else the reported clause
  licensed.py       verbs that govern a quotation no cue claimed
  unclaimed.py      quotations attributed by such a verb, a tag, a possessor, a presenting colon
  layout.py         transcript labels and signatures
  continuations.py  cue-less quotations going on with an attribution before them
  dedupe.py         one attribution per stretch of text
  trained.py        the trained models' pass: candidates.py (filter and new attributions),
                    speaker_model.py (speakers of free quotations), spans.py (content spans);
                    their trees are in models/, trained by scripts/train_quotes.py
  speakers.py       speaker mentions to names and actor records
  found.py          the ``Found`` record the stages pass along
  quotations.py     facts about a quotation in its text; intervals.py, overlap queries
"""
from tidings.nlp.quotes.find import find_quotes, quoted_runs, rule_attributions

__all__ = ["find_quotes", "quoted_runs", "rule_attributions"]
