"""One attribution per stretch of text (PolNeAR is univocal): a report nested in another one's
clause belongs to the outer one, overlapping ones give way to direct quotes, speech cues and
longer spans, and the exceptions where both stand (narration set in a report, an owner's or a
relative clause's quoted claim inside another cue's object)."""
from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc

from tidings.nlp.quotes.found import KIND_RANK, Found, cue_root, cue_words, narration_start
from tidings.intervals import Intervals


def _owned_quotation(doc: Doc, f: Found) -> bool:
    """'blamed the media for making an issue of Trump's claim that Obama "founded ISIS"': a noun
    of saying with its owner before it, whose clause holds a quotation."""
    if not f.runs or f.cue is None or f.speaker is None:
        return False
    words = cue_words(doc, f)
    return words is not None and len(words) == 1 and words[0].pos_ == "NOUN" and f.speaker[2] < words[0].i


def _relative_report(doc: Doc, f: Found) -> bool:
    """'Roe praised Doe, who has vowed to "fight on"': a quotation given to a cue in a relative
    clause ('who vowed', 'in which she called for', 'when he claimed'), said after that cue."""
    if not f.runs or f.cue is None or f.speaker is None or f.start < f.cue[1]:
        return False
    cue = cue_root(doc, f)
    if cue is None:
        return False
    return cue.dep_ == "relcl" or cue.dep_ == "advcl" and any(
        w.lower_ in ("who", "which", "whom", "when", "where") and w.i < cue.i for w in cue.subtree)


def _beside_object(f: Found, g: Found, beside: set[int]) -> bool:
    """WHY: an owner's quoted claim ('blamed the media for ... Trump's claim that Obama "founded
    ISIS"') or a relative clause's quoted report ('Roe praised Doe, who has vowed to "fight on"')
    inside what another cue takes as its object is the owner's or the relative's words (PolNeAR
    marks them); the object stays the other cue's, so both stand."""
    for a, b in ((f, g), (g, f)):
        if id(a) in beside and not b.clausal and not b.direct and b.start <= a.cue[0] and a.end <= b.end:
            return True
    return False


def dedupe_attributions(doc: Doc, text: str, found: list[Found]) -> list[Found]:
    """One attribution per stretch of text (PolNeAR is univocal). An attribution reported
    inside another one's clause ("CNN reported that King said ...") belongs to the outer one,
    unless it is narration set in it (``narration_start``: both stand); an owner's quoted claim
    or a relative clause's, inside another cue's object, stands too (``_beside_object``); among
    overlapping ones, direct quotes win, then speech cues, then the longer."""
    found = [f for f in found if f.direct or f.speaker is not None]
    outers = Intervals((g.start, g.end, g) for g in found
                        if g.speaker is not None and g.rank <= KIND_RANK["phrase"] and g.clausal)
    # the attributions that are narration set in a report (by id), with where that clause starts
    narrated = {id(f): at for f in found if (at := narration_start(doc, f)) is not None}
    beside = {id(f) for f in found if _owned_quotation(doc, f) or _relative_report(doc, f)}

    def both_stand(f: Found, g: Found) -> bool:
        return _set_inside(f, g, narrated) or _beside_object(f, g, beside) or _in_narration_gap(f, g)

    def nested(f: Found) -> bool:
        return f.cue is not None and id(f) not in narrated and any(
            g is not f and s <= f.cue[0] < e and not (g.cue and f.start <= g.cue[0] < f.end)
            and not _in_narration_gap(f, g)
            for s, e, g in outers.overlapping(f.cue[0], f.cue[0] + 1))

    found = sorted((f for f in found if not nested(f)), key=lambda f: (not f.direct, f.rank, f.start - f.end))
    kept = Intervals()
    for f in found:
        clash = False
        for s, e, g in kept.overlapping(f.start, f.end):
            if both_stand(f, g):
                continue
            inter = min(f.end, e) - max(f.start, s)
            if inter >= 0.5 * min(f.end - f.start, e - s):
                clash = True
                break
        if not clash and f.cue and any(not both_stand(f, g) for _, _, g in kept.overlapping(f.cue[0], f.cue[0] + 1)):
            clash = True            # f is reported inside a kept attribution
        if not clash:
            kept.add(f.start, f.end, f)
    out = [g for _, _, g in kept.items()]
    for f in out:
        if id(f) not in narrated:
            continue
        for g in out:
            if g is not f and _set_inside(f, g, narrated) and g.end <= f.end + 2:
                # '..., to which O'Malley interjected: "..."' closes the report: it ends before
                g.end = max(g.start + 1, len(text[:narrated[id(f)]].rstrip(" ,;:-\u2014\u2013")))
                g.runs = [r for r in g.runs if r.end <= g.end]
    return out


def _in_narration_gap(f: Found, g: Found) -> bool:
    """'"Everything is on the table," Carson told the AP after hinting that "personnel changes"
    could come. "Every single thing is."': an attribution whose cue and content lie wholly in the
    narration between two quotations of one direct quote (its tag's setting) is not reported
    inside that quote; the quote spans the narration only to join its quotations, so both stand."""
    for a, b in ((f, g), (g, f)):
        # only a reported clause quoting words of its own ('hinting that "personnel changes" could
        # come'): an unquoted one or an object in the narration is mostly the tag's setting ('told
        # reporters about the plan', 'in an interview aired on "New Day"')
        if not b.direct or len(b.runs) < 2 or a.direct or a.cue is None or not a.runs or not a.clausal:
            continue
        if a.cue == b.cue:
            continue    # the tag's own cue read a second time ('said on "This Week"') says nothing new
        lo, hi = min(a.start, a.cue[0]), max(a.end, a.cue[1])
        runs = sorted(b.runs, key=lambda r: r.start)
        if any(x.end <= lo and hi <= y.start for x, y in zip(runs, runs[1:])):
            return True
    return False


def _set_inside(f: Found, g: Found, narrated: Container[int]) -> bool:
    """One of f and g is narration set inside the other's content (cue and quotation)."""
    for a, b in ((f, g), (g, f)):
        if id(a) in narrated and b.start <= a.cue[0] and a.end <= b.end and b.clausal and not b.direct:
            return True
    return False
