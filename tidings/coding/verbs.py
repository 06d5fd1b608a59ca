"""Verb dictionaries: verb forms -> default code, plus context patterns that refine the code.

One in-memory model (``VerbDictionary``) serves both the project's default patterns
(``data/verbs.tsv``, compiled from PETRARCH2's CAMEO.2.0.txt by scripts/build_ontology.py)
and a user's PETRARCH/TABARI verb file (read by ``tidings.coding.petrarch.read_verbs``).

Pattern syntax (the PETRARCH one, kept because it is what dictionary writers know):
``PRE WORDS * POST WORDS``: words before ``*`` must occur before the verb, words after
it after the verb, in order; ``A_B`` means A immediately followed by B, a space allows a
gap; a word ending in ``_`` must match exactly, other words also match their plural or
inflected forms; ``&NAME`` is a synonym set; ``$`` marks the source actor, ``+`` the
target, ``%`` a compound actor (coded both ways), ``^`` skips a noun phrase.
Codes ``A:B`` mean "source->target A, and target->source B" (e.g. travel/receive).

verbs.tsv columns: ``group``, ``verb`` (the phrase with its verb word marked ``+`` when it
is not the first word, e.g. ``WIRE_+TAP``), ``forms`` (space separated surface forms),
``code`` (the verb's own code or empty = the group's), and pattern rows with verb ``-``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

SPECIAL = {"$", "+", "^", "%"}


@dataclass(frozen=True, slots=True)
class Element:
    kind: str            # word | synset | source | target | compound | skip
    value: str = ""
    exact: bool = False


@dataclass(frozen=True, slots=True)
class Pattern:
    pre: tuple[tuple[Element, ...], ...]     # chunks of adjacent elements, in text order
    post: tuple[tuple[Element, ...], ...]
    pre_adjacent: bool                       # last pre chunk touches the verb
    post_adjacent: bool                      # first post chunk touches the verb
    code: str
    text: str
    order: int = 0
    # computed once (the coder tries thousands of patterns per article): the number of elements,
    # and the literal words a sentence must hold for the pattern to match, as (word, exact)
    size: int = field(init=False, repr=False, compare=False)
    literals: tuple[tuple[str, bool], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "size", sum(len(c) for c in self.pre) + sum(len(c) for c in self.post))
        object.__setattr__(self, "literals", tuple((el.value, el.exact) for chunks in (self.pre, self.post)
                                                   for chunk in chunks for el in chunk if el.kind == "word"))


@dataclass(slots=True)
class VerbEntry:
    """One verb (possibly multiword: particles before/after the verb word)."""
    group: str
    phrase: str                  # as written, e.g. BREAK_DOWN, WIRE_+TAP
    verb: str                    # the inflected word, e.g. BREAK
    before: tuple[str, ...]      # words that must precede the verb (WIRE)
    after: tuple[str, ...]       # particles that must follow (DOWN)
    forms: tuple[str, ...]       # surface forms of the verb word
    code: str | None             # own code, else the group's


@dataclass(slots=True)
class VerbGroup:
    name: str
    code: str
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(slots=True)
class VerbDictionary:
    groups: dict[str, VerbGroup] = field(default_factory=dict)
    entries: list[VerbEntry] = field(default_factory=list)
    synsets: dict[str, list[tuple[tuple[str, bool], ...]]] = field(default_factory=dict)
    by_form: dict[str, list[VerbEntry]] = field(default_factory=dict)
    by_lemma: dict[str, list[VerbEntry]] = field(default_factory=dict)
    source: str = ""

    def index(self) -> "VerbDictionary":
        self.by_form, self.by_lemma = {}, {}
        for e in self.entries:
            for f in e.forms:
                self.by_form.setdefault(f.lower(), []).append(e)
            self.by_lemma.setdefault(e.verb.lower(), []).append(e)
        return self


# ---------------------------------------------------------------- verb forms

def regular_forms(verb: str) -> tuple[str, ...]:
    """English regular inflections, as PETRARCH generates them for dictionary verbs."""
    v = verb.upper()
    forms = [v]
    if v.endswith("E"):
        forms += [v + "S", v + "D", v[:-1] + "ING"]
    elif v.endswith("Y") and len(v) > 1 and v[-2] not in "AEIOU":
        forms += [v[:-1] + "IES", v[:-1] + "IED", v + "ING"]
    elif v.endswith(("S", "SH", "CH", "X", "Z", "O")):
        forms += [v + "ES", v + "ED", v + "ING"]
    else:
        forms += [v + "S", v + "ED", v + "ING"]
    return tuple(dict.fromkeys(forms))


# ---------------------------------------------------------------- pattern parsing

def parse_pattern(text: str, code: str, order: int = 0) -> Pattern | None:
    """PETRARCH pattern text (without the leading '-' and the code) -> Pattern."""
    t = re.sub(r"[(){}]", " ", text).strip()
    if "*" not in t:
        return None
    left, right = t.split("*", 1)
    pre_adj = left.endswith("_")
    post_adj = right.startswith("_")
    return Pattern(pre=_chunks(left), post=_chunks(right), pre_adjacent=pre_adj,
                   post_adjacent=post_adj, code=code, text=text.strip(), order=order)


def _chunks(part: str) -> tuple[tuple[Element, ...], ...]:
    out = []
    for word in part.split():
        elems = []
        for piece in re.split(r"_(?=.)", word.strip("_")) if word.strip("_") else []:
            exact = False
            if piece.endswith("_"):
                piece, exact = piece[:-1], True
            if not piece:
                continue
            elems.append(_element(piece, exact or word.endswith("_")))
        if elems:
            out.append(tuple(elems))
    return tuple(out)


def _element(piece: str, exact: bool) -> Element:
    if piece == "$":
        return Element("source")
    if piece == "+":
        return Element("target")
    if piece == "%":
        return Element("compound")
    if piece == "^":
        return Element("skip")
    if piece.startswith("&"):
        return Element("synset", piece.upper().rstrip("_"))
    return Element("word", piece.lower(), exact)


def phrase_words(phrase: str) -> tuple[tuple[str, bool], ...]:
    """A dictionary phrase (words joined by _ or space) -> ((word, exact), ...)."""
    out = []
    for w in re.split(r"[_\s]+", phrase.strip()):
        if w:
            out.append((w.lower(), False))
    if out and phrase.strip().endswith("_"):
        out[-1] = (out[-1][0], True)
    return tuple(out)


# ---------------------------------------------------------------- word matching

def word_matches(word: str, exact: bool, token: str) -> bool:
    """Dictionary word vs a lower-cased text token: exact, or its plural/inflected forms."""
    if token == word:
        return True
    if exact or len(word) < 3:
        return False
    if token.startswith(word):
        rest = token[len(word):]
        return rest in ("s", "es", "d", "ed", "'s", "ing")
    if word.endswith("y") and token == word[:-1] + "ies":
        return True
    if word.endswith("e") and token == word[:-1] + "ing":
        return True
    return False


# ---------------------------------------------------------------- TSV (project format)

def write_verbs_tsv(vd: VerbDictionary, path: Path, source: str = "") -> None:
    lines = [f"# tidings verb patterns; source: {source}",
             "# group\tverb\tforms\tcode   (pattern rows: group\t-\tpattern\tcode)"]
    for g in vd.groups.values():
        lines.append(f"{g.name}\t=\t\t{g.code}")
        for e in vd.entries:
            if e.group == g.name:
                lines.append(f"{g.name}\t{e.phrase}\t{' '.join(e.forms)}\t{e.code or ''}")
        for p in g.patterns:
            lines.append(f"{g.name}\t-\t{p.text}\t{p.code}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_synsets_tsv(synsets: dict, path: Path) -> None:
    lines = ["# synset\tphrase (words joined by _, trailing _ = exact)"]
    for name, phrases in synsets.items():
        for ph in phrases:
            lines.append(f"{name}\t" + "_".join(w for w, _ in ph) + ("_" if ph and ph[-1][1] else ""))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_verbs_tsv(verbs_path: Path, synsets_path: Path | None = None) -> VerbDictionary:
    vd = VerbDictionary(source=str(verbs_path))
    order = 0
    for line in verbs_path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        cols += [""] * (4 - len(cols))
        group, verb, forms, code = cols[:4]
        if verb == "=":
            vd.groups[group] = VerbGroup(group, code or "---")
        elif verb == "-":
            p = parse_pattern(forms, code, order)
            order += 1
            if p:
                vd.groups.setdefault(group, VerbGroup(group, "---")).patterns.append(p)
        else:
            vd.groups.setdefault(group, VerbGroup(group, "---"))
            vd.entries.append(make_entry(group, verb, forms.split() or None, code or None))
    if synsets_path and synsets_path.exists():
        for line in synsets_path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or "\t" not in line:
                continue
            name, phrase = line.split("\t", 1)
            vd.synsets.setdefault(name, []).append(phrase_words(phrase))
    return vd.index()


def make_entry(group: str, phrase: str, forms: list[str] | None, code: str | None) -> VerbEntry:
    """``BREAK_DOWN`` / ``+BREAK_DOWN`` / ``WIRE_+TAP`` / ``LASH OUT`` -> VerbEntry."""
    words = [w for w in re.split(r"[_\s]+", phrase.strip()) if w]
    idx = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    words = [w.lstrip("+") for w in words]
    verb = words[idx]
    if forms:
        # forms may be given as whole phrases (+BREAKS_DOWN): keep the verb word of each
        fw = []
        for f in forms:
            parts = [p for p in re.split(r"[_\s]+", f) if p]
            j = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
            if parts:
                fw.append(parts[min(j, len(parts) - 1)].lstrip("+").upper())
        all_forms = tuple(dict.fromkeys([*regular_forms(verb), *fw]))
    else:
        all_forms = regular_forms(verb)
    return VerbEntry(group=group, phrase=phrase.strip(), verb=verb.upper(),
                     before=tuple(w.lower() for w in words[:idx]),
                     after=tuple(w.lower() for w in words[idx + 1:]),
                     forms=all_forms, code=code)


@lru_cache(maxsize=1)
def default_verbs() -> VerbDictionary:
    data = Path(__file__).with_name("data")
    return read_verbs_tsv(data / "verbs.tsv", data / "synsets.tsv")
