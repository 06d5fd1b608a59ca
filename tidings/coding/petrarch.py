"""Readers for PETRARCH/TABARI dictionary files: verbs (synsets + patterns), actors, agents, discards.

``load_dictionaries(dir)`` reads every ``*.txt`` dictionary in a directory, recognising the
kind by name (``*verbs*``, ``*actors*``, ``*agents*``, ``*discards*``); a directory without
a verb file uses the project's default verb patterns. Formats (as documented in PETRARCH's
``PETRreader``):

actors   ``NAME [CODE]`` or ``NAME`` followed by ``+SYNONYM`` lines and ``[CODE date-restriction]``
         lines (``<YYYYMMDD``, ``>YYYYMMDD``, ``YYYYMMDD-YYYYMMDD``; 6-digit dates are YYMMDD);
         ``[A/B]`` gives several codes; words joined by ``_`` or space.
agents   ``PHRASE {PLURALS} [~SUFFIX]`` or ``[PREFIX~]``; ``{}`` = no generated plural;
         ``!SET! = A, B`` substitution sets used as ``!SET!`` inside phrases.
discards one phrase per line, ``+`` = discard the whole story, else the sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tidings.coding.verbs import VerbDictionary, VerbGroup, make_entry, parse_pattern, phrase_words


class DictionaryError(ValueError):
    """A dictionary file or directory that cannot be read; the message names it."""


# ---------------------------------------------------------------- shared helpers

def _clean_lines(path: Path) -> list[str]:
    """Lines without <!-- --> blocks and # comments (keeping the text before them)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DictionaryError(f"cannot read dictionary {path}: {exc}") from exc
    text = re.sub(r"<!.*?-->", "", text, flags=re.S)
    out = []
    for line in text.splitlines():
        if "#" in line:
            line = line[: line.index("#")]
        out.append(line.rstrip())
    return out


# ---------------------------------------------------------------- verbs

def read_verbs(path: Path) -> VerbDictionary:
    vd = VerbDictionary(source=str(path))
    raw_synsets: dict[str, list[str]] = {}
    group: VerbGroup | None = None
    synset: str | None = None
    order = 0
    for line in _clean_lines(Path(path)):
        s = line.strip()
        if not s:
            synset = None
            continue
        if s.startswith("&"):
            synset = s.split()[0].upper().rstrip("_")
            raw_synsets.setdefault(synset, [])
            continue
        if synset and s.startswith("+"):
            raw_synsets[synset].append(s[1:].strip())
            continue
        m = re.match(r"^-{3}\s*(.+?)\s*\[([^\]]*)\].*-{3}\s*$", s)
        if m:
            synset = None
            name = m.group(1).strip().rstrip("_")
            base, n = name, 2
            while name in vd.groups:
                name, n = f"{base}#{n}", n + 1
            group = VerbGroup(name=name, code=m.group(2).strip() or "---")
            vd.groups[name] = group
            continue
        if group is None:
            continue
        if s.startswith("-"):
            pm = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]", s)
            if pm:
                p = parse_pattern(pm.group(1), pm.group(2).strip(), order)
                order += 1
                if p:
                    group.patterns.append(p)
            continue
        vm = re.match(r"^(.*?)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?\s*$", s)
        if not vm or not vm.group(1).strip():
            continue
        forms = vm.group(2)[1:-1].split() if vm.group(2) else None
        code = vm.group(3)[1:-1].strip() if vm.group(3) else None
        vd.entries.append(make_entry(group.name, vm.group(1), forms, code))
    vd.synsets = _expand_synsets(raw_synsets)
    return vd.index()


def _expand_synsets(raw: dict[str, list[str]]) -> dict[str, list[tuple[tuple[str, bool], ...]]]:
    out: dict[str, list] = {}

    def expand(name: str, seen: frozenset) -> list:
        phrases = []
        for member in raw.get(name, []):
            if member.startswith("&"):
                ref = member.split()[0].upper().rstrip("_")
                if ref not in seen:
                    phrases += expand(ref, seen | {ref})
            else:
                phrases.append(phrase_words(member))
        return phrases

    for name in raw:
        out[name] = expand(name, frozenset({name}))
    return out


# ---------------------------------------------------------------- actors

@dataclass(frozen=True, slots=True)
class DatedCode:
    code: str
    start: date | None = None
    end: date | None = None


@dataclass(slots=True)
class ActorEntry:
    phrases: list[tuple[tuple[str, bool], ...]]
    codes: list[DatedCode]
    name: str

    def codes_on(self, when: date | None) -> list[str]:
        """First date-restricted code covering ``when``, else the unrestricted code(s)."""
        if when is not None:
            for c in self.codes:
                if (c.start or c.end) and (c.start is None or c.start <= when) and (c.end is None or when <= c.end):
                    return c.code.split("/")
        plain = [c for c in self.codes if not c.start and not c.end]
        if plain:
            return plain[0].code.split("/")
        return self.codes[0].code.split("/") if self.codes and when is None else []


def _parse_date(s: str) -> date | None:
    s = s.strip()
    if not s.isdigit():
        return None
    try:
        if len(s) == 6:
            yy = int(s[:2])
            return date(1900 + yy if yy > 30 else 2000 + yy, int(s[2:4]), int(s[4:6]))
        if len(s) == 8:
            return date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return None
    return None


def _parse_code(block: str) -> DatedCode | None:
    b = block.strip()
    m = re.match(r"^([^\s<>]+)?\s*(.*)$", b)
    if not m:
        return None
    code, rest = (m.group(1) or "").strip(), m.group(2).strip()
    if re.fullmatch(r"[\d\-\s<>]+", code or "x"):   # date only, no code: invalid block
        return None
    if not rest:
        return DatedCode(code)
    if rest.startswith("<"):
        d = _parse_date(rest[1:])
        return DatedCode(code, None, d) if d else None
    if rest.startswith(">"):
        d = _parse_date(rest[1:])
        return DatedCode(code, d, None) if d else None
    rm = re.match(r"^(\d+)\s*-\s*(\d+)$", rest)
    if rm:
        d1, d2 = _parse_date(rm.group(1)), _parse_date(rm.group(2))
        return DatedCode(code, d1, d2) if d1 and d2 else None
    return None


def read_actors(path: Path) -> list[ActorEntry]:
    entries: list[ActorEntry] = []
    cur: ActorEntry | None = None
    for line in _clean_lines(Path(path)):
        s = line.strip()
        if not s:
            continue
        if s.startswith("["):
            if cur is not None:
                for block in re.findall(r"\[([^\]]*)\]", s):
                    dc = _parse_code(block)
                    if dc:
                        cur.codes.append(dc)
            continue
        if s.startswith("+"):
            if cur is not None:
                phrase = re.sub(r"\[.*", "", s[1:]).strip()
                if phrase:
                    cur.phrases.append(phrase_words(phrase))
            continue
        phrase = re.sub(r"\[.*", "", s).strip()
        if not phrase:
            continue
        cur = ActorEntry(phrases=[phrase_words(phrase)], codes=[], name=phrase.replace("_", " ").strip())
        entries.append(cur)
        for block in re.findall(r"\[([^\]]*)\]", s):
            dc = _parse_code(block)
            if dc:
                cur.codes.append(dc)
    return [e for e in entries if e.codes]


# ---------------------------------------------------------------- agents

@dataclass(frozen=True, slots=True)
class AgentEntry:
    phrase: tuple[tuple[str, bool], ...]
    code: str            # the sector code, e.g. GOV, GOVFRM
    prefix: bool         # [NGO~] rather than [~GOV]


def _plural(word: str) -> str:
    w = word
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("s", "sh", "ch", "x", "z")):
        return w + "es"
    if w.endswith("man"):
        return w[:-3] + "men"
    return w + "s"


def read_agents(path: Path) -> list[AgentEntry]:
    subs: dict[str, list[str]] = {}
    out: list[AgentEntry] = []
    for line in _clean_lines(Path(path)):
        s = line.strip()
        if not s:
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", s)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^(.*?)\s*(\{[^}]*\})?\s*\[([^\]]*)\]", s)
        if not m or not m.group(1).strip():
            continue
        phrase, plurals, code = m.group(1).strip(), m.group(2), m.group(3).strip()
        prefix = code.endswith("~")
        code = code.strip("~ ").upper()
        variants = [phrase]
        for key, vals in subs.items():
            if key in phrase:
                variants = [v.replace(key, "_" + val + "_") for v in variants for val in vals]
        for v in variants:
            words = phrase_words(v)
            if not words:
                continue
            out.append(AgentEntry(words, code, prefix))
            if plurals is None:
                pl = words[:-1] + ((_plural(words[-1][0]), words[-1][1]),)
                out.append(AgentEntry(pl, code, prefix))
            else:
                for p in plurals[1:-1].split():
                    out.append(AgentEntry(phrase_words(p), code, prefix))
    return out


# ---------------------------------------------------------------- discards

def read_discards(path: Path) -> list[tuple[tuple[str, ...], bool]]:
    out = []
    for line in _clean_lines(Path(path)):
        s = line.strip()
        if not s:
            continue
        story = s.startswith("+")
        words = tuple(w.lower() for w in re.split(r"[_\s]+", s.lstrip("+").strip()) if w)
        if words:
            out.append((words, story))
    return out


# ---------------------------------------------------------------- a dictionary set

@dataclass(slots=True)
class Dictionaries:
    verbs: VerbDictionary
    actors: list[ActorEntry] = field(default_factory=list)
    agents: list[AgentEntry] = field(default_factory=list)
    discards: list[tuple[tuple[str, ...], bool]] = field(default_factory=list)
    source: str = ""
    cameo_verbs: bool = False     # the verbs are the project's CAMEO patterns (no verb file given)


def load_dictionaries(directory: str | Path) -> Dictionaries:
    d = Path(directory)
    if not d.is_dir():
        raise DictionaryError(f"dictionary directory not found: {d}")
    files = sorted(p for p in d.iterdir() if p.is_file() and p.suffix.lower() == ".txt")
    kind = lambda p, word: word in p.name.lower()
    verb_files = [p for p in files if kind(p, "verb")]
    actor_files = [p for p in files if kind(p, "actor")]
    agent_files = [p for p in files if kind(p, "agent")]
    discard_files = [p for p in files if kind(p, "discard")]
    if not (verb_files or actor_files or agent_files):
        raise DictionaryError(f"no PETRARCH dictionaries (*verbs*.txt, *actors*.txt, *agents*.txt) in {d}")
    if verb_files:
        verbs = read_verbs(verb_files[0])
    else:
        from tidings.coding.tables import default_verb_dictionary
        verbs = default_verb_dictionary()
    dicts = Dictionaries(verbs=verbs, source=str(d), cameo_verbs=not verb_files)
    for p in actor_files:
        dicts.actors += read_actors(p)
    for p in agent_files:
        dicts.agents += read_agents(p)
    for p in discard_files:
        dicts.discards += read_discards(p)
    return dicts
