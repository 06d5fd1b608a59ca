"""Events between two people: one politician 'attacking' another is words, not force, and one
'leading' another is a race, not an act.

CAMEO's verb dictionary reads 'attack', 'hit', 'slam' as force (18-20), which is right when a
state, an army or a group is the doer or the target. Between two named people, neither of
them from the armed or police sectors, the same verbs report criticism ('Trump launched an
attack against Obama, calling him ...', 'Clinton's attacks on Trump'), and the other force
verbs report a contest ('Trump would defeat Clinton'), which is no event between the two.
"""
from __future__ import annotations

from spacy.tokens import Doc

from tidings.coding.roles import ParsedMention

# the sectors whose people do use force
_FORCE_SECTORS = frozenset({"MIL", "REB", "COP", "SPY", "UAF", "SEC"})
# words of attack that report words when one person aims them at another
_VERBAL_ATTACKS = frozenset({"attack", "assault", "hit", "slam", "blast", "strike", "target", "hammer", "bash",
                             "lash", "savage", "rip", "tear", "pummel", "batter", "fire", "shoot", "ambush",
                             "broadside", "salvo", "barrage", "swipe", "jab", "punch", "knock"})
# a race, not an act between the two: 'Clinton leads Trump 46 to 35 percent', 'Obama facing Clinton
# in the primary', 'best-positioned to defeat Clinton'
_CONTEST_VERBS = frozenset({"lead", "trail", "beat", "defeat", "face", "edge", "outpace", "outpoll", "top",
                            "best", "overtake", "outrun"})
CRITICISE = "111"


_PERSONAL = frozenset({"he", "she", "him", "her", "i", "me"})


def individual(doc: Doc, m: ParsedMention | None) -> bool:
    """One person named (or meant by 'he'/'she') here, not a body named after one ('the Biden
    administration') nor a state."""
    if m is None or m.mention.actor is None:
        return False
    root = doc[m.root]
    if root.pos_ == "PRON":
        return root.lower_ in _PERSONAL
    a = m.mention.actor
    return root.pos_ == "PROPN" and (root.ent_type_ == "PERSON" or bool(a.kb_id and a.kb_id.startswith("person:")))


def force_between_people(doc: Doc, code: str, source: ParsedMention | None, target: ParsedMention | None,
                         trigger: int) -> str | None:
    """``code`` unchanged, unless it is force (CAMEO 18-20) between two individuals outside the
    armed sectors: then criticism (111) for words of attack, else None (no event). A contest
    verb between two individuals ('leads', 'defeat') is no event whatever its code."""
    if not (individual(doc, source) and individual(doc, target)):
        return code
    tok = doc[trigger]
    if tok.lemma_.lower() in _CONTEST_VERBS:
        return None
    if code[:2] not in ("18", "19", "20"):
        return code
    if any((m.mention.actor.sector or "") in _FORCE_SECTORS for m in (source, target)):
        return code
    words = {tok.lemma_.lower()} | {c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "attr", "nsubjpass")}
    return CRITICISE if words & _VERBAL_ATTACKS else None
