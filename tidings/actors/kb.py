"""The actor knowledge base: readable TSV tables compiled into a token trie.

Tables (all TSV with a header line; the header says what a file holds, so a user's file
can be any of them):

- names   ``alias  code  kind  name``: countries, demonyms, capitals, places, seats
  (``kind`` one of country, demonym, capital, place, seat, org);
- people  ``name  aliases  code  start  end  office  [source]``: one line per
  person-office-dates (aliases ``|``-separated, may be left empty on later lines);
- agents  ``phrase  code  office  [source]``: sector words (``code`` like GOV, GOVMIL, MIL).

Built-in files: ``data/generated/*.tsv`` (converted by ``scripts/build_actor_kb.py`` from the
Phoenix, NGEC and ICEWS dictionaries, which stop around 2016-2018) then the hand-written
``data/*.tsv``; later files win, so a user's file (``load_kb(extra_paths=...)`` or the
``TIDINGS_ACTORS`` environment variable) overrides everything.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
BUILTIN_FILES = (
    DATA / "generated" / "countries.tsv",
    DATA / "generated" / "cities.tsv",
    DATA / "generated" / "named.tsv",
    DATA / "generated" / "agents.tsv",
    DATA / "countries.tsv",
    DATA / "provinces.tsv",
    DATA / "seats.tsv",
    DATA / "organisations.tsv",
    DATA / "people.tsv",
    DATA / "agents.tsv",
)

# Sector codes (CAMEO/Phoenix + PLOVER) used to split a code like TURGOVMIL.
# PPL is Phoenix's "people" (no PLOVER sector: nobody in particular, or a country's civilians)
SECTORS = frozenset("""GOV MIL COP REB OPP JUD LEG CVL BUS MED JRN EDU HLH REL SPY PTY UAF CRM LAB AGR
NGO IGO ELI REF ENV DEV HRI MOD RAD PRE PRM SOC UNK JNK NON MUS CHR CTH JEW BUD HIN PRO SET PPL""".split())
NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC", "INT"})
# Codes that are a sector after a country but a country when they lead: Phoenix writes Muslim
# as MUS after a country (AFGGOVMUS) while MUS is also Mauritius (MUSGOV). The tables give
# Muslims alone the sector REL, so a leading MUS is always Mauritius.
COUNTRY_FIRST = frozenset({"MUS"})
# how far an office the converted (Phoenix/ICEWS) dictionaries leave open is taken to run
CONVERTED_UNTIL = "2015-12-31"
# the sectors of a title that names an office a person holds ('Foreign Minister', 'Sen.',
# 'Judge'), as opposed to a trait ('a former prisoner of war', 'the Assad family')
TITLED_OFFICES = frozenset({"GOV", "LEG", "JUD"})
# CAMEO religion codes: they say which faith, not which sector (IMGMUSALQ is an armed group)
RELIGIONS = frozenset({"MUS", "CHR", "CTH", "JEW", "BUD", "HIN", "PRO"})


class KBError(ValueError):
    """A knowledge-base file is unreadable or malformed (message names file and line)."""


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    start: str = ""      # ISO date, "" = open
    end: str = ""
    office: str = ""

    def __reduce__(self):
        # the compiled-KB cache holds ~100k of these; the constructor unpickles them twice as
        # fast as the frozen-dataclass default (which looks up the fields for every object)
        return Role, (self.code, self.start, self.end, self.office)


@dataclass(frozen=True, slots=True)
class Entry:
    kb_id: str
    kind: str            # country demonym capital place seat org named agent
    name: str
    code: str = ""       # fixed code (countries, seats, orgs, agents' sector code)
    roles: tuple[Role, ...] = ()
    office: str = ""
    rank: int = 0        # index of the file it came from: later files (user tables) win

    def __reduce__(self):    # see Role.__reduce__
        return Entry, (self.kb_id, self.kind, self.name, self.code, self.roles, self.office, self.rank)

    def roles_on(self, date: str) -> list[Role]:
        """The dated roles in force on ``date`` (ISO)."""
        return [r for r in self.roles if (r.start or r.end)
                and (not r.start or r.start <= date) and (not r.end or date <= r.end)]

    def role_on(self, date: str | None, sector: str | None = None) -> Role | None:
        """The role in force on ``date`` (ISO); undated roles are the fallback.

        Without a date nobody can be called "former": the latest office role is taken, and a
        title in the text (``sector``, e.g. LEG for "Senator X") picks the role it names. Before
        the first dated office, and after the last, the person is of that office's country, with
        the title's sector or ELI (a public figure), not its office holder.
        """
        if not self.roles:
            return None
        if date is None:
            offices = [r for r in self.roles if split_code(r.code)[1] != "ELI"] or list(self.roles)
            if sector:
                titled = [r for r in offices if split_code(r.code)[1] == sector]
                offices = titled or offices
            return max(offices, key=lambda r: (r.start or "0000", r.end or "9999"))
        dated = [r for r in self.roles if (r.start or r.end)]
        live = self.roles_on(date)
        if live:
            # most specific: latest start, and a non-ELI role over ELI when both are live
            live.sort(key=lambda r: (split_code(r.code)[1] != "ELI", r.start))
            return live[-1]
        undated = [r for r in self.roles if not (r.start or r.end)]
        if undated:
            return undated[-1]
        past = [r for r in dated if r.end and r.end < date]
        if past:
            # out of office: a former office holder is an elite (CAMEO ELI) of the country of the
            # last office held for a state (a former head of a UN agency who led his country
            # before is that country's elite, not the agency's), unless a title of a civil office
            # in the text names an office the tables do not hold as ended ('Sen. John McCain' in
            # 2016: the converted tables cut his seat at their end): what he is now. A title of
            # an office that ended is a former one ('the fall of President Bashar al-Assad' in 2025)
            last = max([r for r in past if split_code(r.code)[0]] or past, key=lambda r: r.end)
            country = split_code(last.code)[0]
            ended = any(split_code(r.code)[1] == sector and r.end != CONVERTED_UNTIL for r in past)
            now = sector if sector in TITLED_OFFICES and not ended else "ELI"
            return Role(code=country + now if country else last.code, start=last.end)
        first = min(dated, key=lambda r: r.start)
        country = split_code(first.code)[0]
        if not country:
            return first
        # not yet in office: Trump in 2016 did not act for the US government. A title in the text
        # ("presidential candidate Donald Trump") says what he was; otherwise a public figure (ELI)
        return Role(code=country + (sector or "ELI"), end=first.start)


def split_code(code: str) -> tuple[str | None, str | None]:
    """``TURGOVMIL`` -> ("TUR", "GOV"); ``IGOUNOJUDICJ`` -> (None, "JUD"); ``MIL`` -> (None, "MIL")."""
    code = (code or "").upper()
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    if not chunks:
        return None, None
    country = None
    rest = chunks
    if (chunks[0] not in SECTORS or chunks[0] in COUNTRY_FIRST) and chunks[0] not in NON_STATE:
        country, rest = chunks[0], chunks[1:]
    elif chunks[0] in NON_STATE:
        if chunks[0] == "NGO":
            return None, "NGO"  # PLOVER counts NGOs as a sector of their own
        rest = chunks[1:]
    sector = next((c for c in rest if c in SECTORS and c not in NON_STATE and c not in RELIGIONS), None)
    if sector is None and chunks[0] == "IMG":
        sector = "REB"   # CAMEO's international militarized groups: IMGMUSISI is an armed group
    elif sector is None and any(c in RELIGIONS for c in rest):
        sector = "REL"   # a CAMEO religion code is PLOVER's religious sector
    if sector == "GOV" and rest[1:2] == ["LEG"]:
        sector = "LEG"   # CAMEO GOVLEG is the legislature: PLOVER's LEG
    return country, sector


_FOLD = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                       "æ": "ae", "Æ": "AE", "œ": "oe", "’": "'", "‘": "'", "`": "'", "´": "'",
                       "–": "-", "—": "-"})


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First names that tell a person's gender (``data/first_names.tsv``): name -> 'f' or 'm'."""
    import csv
    with (DATA / "first_names.tsv").open(encoding="utf-8") as f:
        return {row["name"]: row["gender"]
                for row in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")}


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Accent- and apostrophe-folded text (case kept): Çavuşoğlu -> Cavusoglu."""
    text = text.translate(_FOLD)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


# One spelling for names transliterated many ways (Mohammed, Mohamed, Muhammad, ...).
_VARIANTS = {v: "muhammad" for v in ("mohammed", "mohamed", "mohammad", "muhammed", "mohamad", "muhamad",
                                     "mohammod", "muhammod")}
_VARIANTS.update({"aleksandr": "alexander", "aleksander": "alexander", "sergey": "sergei",
                  "dmitri": "dmitry", "dmitriy": "dmitry", "andrey": "andrei", "yuri": "yury", "yuriy": "yury",
                  "abdel": "abdul", "abdal": "abdul", "abd": "abdul"})


@lru_cache(maxsize=200_000)
def norm(token: str) -> str:
    """Trie key of a token: folded, lower-cased, one spelling of common transliterations."""
    low = fold(token).lower()
    return _VARIANTS.get(low, low)


def _plural_variants(words: list[str]) -> list[list[str]]:
    last = words[-1]
    forms = {last}
    if last.endswith("man"):
        forms.add(last[:-3] + "men")
    elif last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        forms.add(last[:-1] + "ies")
    elif last.endswith(("s", "x", "ch", "sh")):
        forms.add(last + "es")
    elif last.isalpha():
        forms.add(last + "s")
    return [words[:-1] + [f] for f in sorted(forms)]


@dataclass
class KnowledgeBase:
    """Compiled actor knowledge base: entries plus a token trie over their aliases."""
    entries: dict[str, Entry] = field(default_factory=dict)
    trie: dict = field(default_factory=dict)
    offices: dict[tuple[str, str], list[tuple[Role, Entry]]] = field(default_factory=dict)
    # the offices of international bodies, by the body's code ('IGOWSTNAT': the NATO secretaries general)
    body_heads: dict[str, list[tuple[Role, Entry]]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    country_names: dict[str, str] = field(default_factory=dict)

    def lookup(self, tokens: list[str]) -> list[tuple[Entry, tuple[str, ...] | None]]:
        node = self.trie
        for t in tokens:
            node = node.get(norm(t))
            if node is None:
                return []
        return node.get(None, [])

    def office_holder(self, country: str, office: str, date: str | None) -> tuple[Entry, Role] | None:
        """Who held ``office`` of ``country`` on ``date`` (None: the current holder)."""
        best = None
        for role, entry in self.offices.get((country, office), []):
            if date is None and not role.end or \
                    date is not None and (not role.start or role.start <= date) and (not role.end or date <= role.end):
                if best is None or role.start > best[1].start:
                    best = (entry, role)
        return best

    def body_head(self, code: str, date: str | None) -> tuple[Entry, Role] | None:
        """The one person heading the international body ``code`` on ``date`` (None: now), by
        the tables' offices of that body; None when nobody or several did."""
        held = [(e, r) for r, e in self.body_heads.get(code, []) if _live(r, date)]
        if len({e.kb_id for e, _ in held}) > 1:
            # one code for a body and an office of it (the UN and its relief office): the top
            top = [(e, r) for e, r in held if r.office.endswith(_TOP_OFFICES)]
            held = top if len({e.kb_id for e, _ in top}) == 1 else []
        return held[0] if held else None

    def holder_by_surname(self, office: str, surname: str, date: str | None) -> tuple[Entry, Role] | None:
        """The one holder of ``office`` (any country) on ``date`` whose name ends in ``surname``.

        Undated ('Prime Minister Ishiba' in text without a date), or when nobody of that surname
        held the office that day (the text names the office: an old story, a wrong date), the one
        holder of that office with that surname at any time, in the latest of their terms."""
        want = norm(surname)
        holders = [(entry, role) for (_, off), held in self.offices.items() if off == office
                   for role, entry in held if norm(entry.name.split()[-1]) == want]
        for found in ([h for h in holders if _live(h[1], date)] if date is not None else [], holders):
            if len({e.kb_id for e, _ in found}) == 1:
                return max(found, key=lambda f: (f[1].start or "0000", f[1].end or "9999"))
            if found:
                return None     # two people of that name held it (that day): no guess
        return None


_TOP_OFFICES = ("secretary_general", "director_general", "managing_director", "president")


def _live(role: Role, date: str | None) -> bool:
    if date is None:
        return not role.end
    return (not role.start or role.start <= date) and (not role.end or date <= role.end)


def _tokenizer():
    import spacy
    return _blank_tokenizer(spacy)


@lru_cache(maxsize=1)
def _blank_tokenizer(spacy):
    return spacy.blank("en").tokenizer


class _Builder:
    def __init__(self) -> None:
        self.kb = KnowledgeBase()
        self.aliases: dict[str, list[tuple[str, str]]] = {}   # kb_id -> [(alias, kind)]
        self.named: dict[str, dict] = {}

    # -- readers -------------------------------------------------------------------
    def read(self, path: Path) -> None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise KBError(f"{path}: cannot read actor table: {exc}") from exc
        except UnicodeDecodeError as exc:
            raise KBError(f"{path}: not UTF-8: {exc}") from exc
        if not lines:
            return
        header = [h.strip().lower() for h in lines[0].split("\t")]
        if header[:2] == ["alias", "code"]:
            kind = "names"
        elif header[:3] == ["name", "aliases", "code"]:
            kind = "people"
        elif header[:2] == ["phrase", "code"]:
            kind = "agents"
        else:
            raise KBError(f"{path}:1: unknown actor table header {lines[0]!r}; expected "
                          "'alias code kind name', 'name aliases code start end office' or 'phrase code office'")
        self.kb.files.append(str(path))
        # converted dictionaries rank 0; hand-written and user tables rank by load order
        self.rank = 0 if path.parent.name == "generated" else len(self.kb.files)
        for n, line in enumerate(lines[1:], 2):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            cols += [""] * (len(header) - len(cols))
            rec = dict(zip(header, (c.strip() for c in cols)))
            try:
                getattr(self, "_" + kind)(rec)
            except (KeyError, ValueError) as exc:
                raise KBError(f"{path}:{n}: bad {kind} row: {exc}") from exc

    def _names(self, rec: dict) -> None:
        alias, code, kind = rec["alias"], rec["code"].upper(), rec.get("kind") or "country"
        if not alias or not code:
            raise ValueError("alias and code are required")
        if kind == "place":
            # one entry per place: its own name and the rank of the file that names it
            kb_id, key = f"country:{code}", f"country:{code}:place:{fold(alias).lower()}"
            rec = {**rec, "name": alias}
        elif kind in ("country", "demonym", "capital") and split_code(code)[1] and rec.get("name"):
            # a state-like entity of a state's code ('GEOPRE': Abkhazia and South Ossetia, two
            # breakaway regions of one code): one entry per entity, so that each keeps its name
            name = fold(rec["name"]).lower()
            kb_id, key = f"country:{code}:{name}", f"country:{code}:{kind}:{name}"
        elif kind in ("country", "demonym", "capital"):
            kb_id, key = f"country:{code}", f"country:{code}:{kind}"
        else:
            kb_id = key = f"{kind}:{code}:{fold(rec.get('name') or alias).lower()}"
        entry = self.kb.entries.get(key)
        if entry is None:
            entry = Entry(kb_id=kb_id, kind=kind, name=rec.get("name") or alias, code=code, rank=self.rank)
            self.kb.entries[key] = entry
        elif entry.rank < self.rank:
            self.kb.entries[key] = Entry(kb_id=kb_id, kind=kind, name=rec.get("name") or entry.name, code=code,
                                         rank=self.rank)
        self._alias(key, alias, kind)

    def _people(self, rec: dict) -> None:
        name, code = rec["name"], rec["code"].upper()
        if not name or not code:
            raise ValueError("name and code are required")
        for d in (rec.get("start", ""), rec.get("end", "")):
            if d and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d):
                raise ValueError(f"date {d!r} is not ISO (YYYY-MM-DD)")
        # one person under transliteration variants (Sergey/Sergei Lavrov): one key
        key = " ".join(norm(w) for w in name.replace("-", " ").split())
        slot = self.named.setdefault(key, {"name": name, "aliases": [], "roles": [], "sources": set()})
        slot["rank"] = self.rank
        source = rec.get("source", "") or "tidings"
        # A hand-written table replaces the converted roles of the same person.
        if source == "tidings" and slot["sources"] - {"tidings"}:
            slot["roles"] = []
            slot["sources"] = set()
            slot["name"] = name
        slot["sources"].add(source)
        slot["aliases"] += [a.strip() for a in rec.get("aliases", "").split("|") if a.strip()]
        start, end = rec.get("start", ""), rec.get("end", "")
        if not end and start and source != "tidings" and split_code(code)[1] not in (None, "ELI"):
            # the converted dictionaries stop around 2011-2015: an office they leave open is known
            # to be held until then, not for ever (Sali Berisha, prime minister to 2013, was still
            # 'ALBGOV' in 2023); the hand-written tables carry the later holders. A code with no
            # sector is no office but a place's state ('Iraqi Kurdistan' is IRQ from 2006 on)
            end = CONVERTED_UNTIL
        slot["roles"].append(Role(code=code, start=_pad(start, "01"), end=_pad(end, "31"),
                                  office=rec.get("office", "")))

    def _agents(self, rec: dict) -> None:
        phrase, code = rec["phrase"], rec["code"].upper().lstrip("~")
        if not phrase:
            raise ValueError("phrase is required")
        entry = Entry(kb_id=f"agent:{phrase.lower()}", kind="agent", name=phrase.lower(), code=code,
                      office=rec.get("office", ""), rank=self.rank)
        self.kb.entries[entry.kb_id] = entry
        self._alias(entry.kb_id, phrase, "agent")

    # -- compile -------------------------------------------------------------------
    def _alias(self, key: str, alias: str, kind: str) -> None:
        self.aliases.setdefault(key, []).append((alias, kind))

    def build(self) -> KnowledgeBase:
        kb = self.kb
        orgs = {(fold(a).lower(), kb.entries[key].code) for key, lst in self.aliases.items()
                if kb.entries[key].kind == "org" for a, _ in lst}
        for key, slot in self.named.items():
            roles = tuple(slot["roles"])
            if "tidings" not in slot["sources"] and any(
                    (fold(a).lower(), r.code) in orgs for a in (slot["name"], *slot["aliases"]) for r in roles):
                # Phoenix lists some organisations with its people ('Al-Shabaab', SOMREB): the
                # organisation table has them, and a pronoun must not take them for a person
                continue
            entry = Entry(kb_id=f"person:{key}", kind="named", name=slot["name"], roles=roles, rank=slot["rank"])
            kb.entries[entry.kb_id] = entry
            for alias in dict.fromkeys([slot["name"], *slot["aliases"]]):
                self._alias(entry.kb_id, alias, "named")
            for role in roles:
                if role.office:
                    country = split_code(role.code)[0]
                    if country:
                        kb.offices.setdefault((country, role.office), []).append((role, entry))
                    elif role.code.startswith(("IGO", "NGO")):
                        kb.body_heads.setdefault(role.code, []).append((role, entry))
        for key, e in kb.entries.items():
            if e.kind == "country":
                kb.country_names.setdefault(e.code, e.name)
        tok = _tokenizer()
        items = [(key, alias, kind) for key, lst in self.aliases.items() for alias, kind in lst]
        texts = [fold(a) for _, a, _ in items]
        for (key, alias, kind), doc in zip(items, tok.pipe(texts, batch_size=2000)):
            entry = kb.entries[key]
            words = [t.text for t in doc if not t.is_space]
            if len(words) > 1 and words[0].lower() == "the":
                words = words[1:]  # "the Kremlin" = "Kremlin"; the article is not part of the name
            if not words:
                continue
            variants = _plural_variants(words) if kind == "agent" else [words]
            spaced = fold(alias).split()
            if len(spaced) > 1 and spaced[0].lower() == "the":
                spaced = spaced[1:]
            if spaced and spaced != words:
                # "Sen.", "Lt. Gen.": a parsed text keeps the abbreviation's period on the word
                variants.append(spaced)
            # Acronyms (UN, PRI, FSB, U.S.) must match with their case: "us" is not the US.
            exact = None
            bare = alias.replace(".", "").replace("-", "")
            if kind != "agent" and bare.isupper() and len(bare) <= 5:
                exact = tuple(words)
            for ws in variants:
                node = kb.trie
                for w in ws:
                    node = node.setdefault(norm(w), {})
                bucket = node.setdefault(None, [])
                # later files win: put their entries first, drop an identical older one
                bucket[:] = [(e, x) for e, x in bucket
                             if e.kb_id != entry.kb_id or e.kind != entry.kind or x != exact]
                bucket.insert(0, (entry, exact))
        return kb


def _pad(date: str, day: str) -> str:
    if len(date) == 4:
        return f"{date}-01-01" if day == "01" else f"{date}-12-31"
    if len(date) == 7:
        return f"{date}-{day if day == '01' else '28'}"
    return date


def _env_paths() -> tuple[str, ...]:
    raw = os.environ.get("TIDINGS_ACTORS", "")
    return tuple(p for p in raw.split(os.pathsep) if p.strip())


def load_kb(path: str | Path | None = None, extra_paths: tuple | list = ()) -> KnowledgeBase:
    """The knowledge base: built-in tables (or only ``path`` if given) plus user files.

    User files come from ``extra_paths`` and the ``TIDINGS_ACTORS`` environment variable
    (``os.pathsep``-separated); they are read last so their rows win.
    """
    base = (str(Path(path)),) if path else tuple(str(p) for p in BUILTIN_FILES)
    extras = tuple(str(Path(p)) for p in extra_paths) + _env_paths()
    for p in extras:
        if not Path(p).is_file():
            raise KBError(f"{p}: actor table not found")
    return _load(base, extras)


@lru_cache(maxsize=4)
def _load(base: tuple[str, ...], extras: tuple[str, ...]) -> KnowledgeBase:
    for p in base + extras:
        if not Path(p).is_file() and (p in extras or len(base) == 1):
            raise KBError(f"{p}: actor table not found")
    paths = [p for p in base + extras if Path(p).is_file()]
    cache = _cache_path(paths)
    if cache is not None and cache.is_file():
        try:
            with open(cache, "rb") as fh:
                return _unpickle(fh)
        except Exception:   # a stale or broken cache is rebuilt, never fatal
            pass
    b = _Builder()
    for p in paths:
        b.read(Path(p))
    kb = b.build()
    if cache is not None:
        _write_cache(cache, kb)
    return kb


def _unpickle(fh) -> KnowledgeBase:
    """Load the cache with the cyclic collector paused: it would otherwise rescan the ~100k new
    objects again and again while they are created (1.2 s instead of 0.2 s)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(fh)
    finally:
        if enabled:
            gc.enable()


def _cache_path(paths: list[str]) -> Path | None:
    """Where the compiled form of these tables lives: keyed by every table's path, size and
    mtime and by this module's source, so an edited table or matcher rebuilds it.
    ``TIDINGS_ACTORS_CACHE=off`` disables it; any other value is the cache folder."""
    where = os.environ.get("TIDINGS_ACTORS_CACHE", "")
    if where.lower() in ("off", "0", "no", "false"):
        return None
    try:
        h = hashlib.sha256(Path(__file__).read_bytes())
        for p in paths:
            st = Path(p).stat()
            h.update(f"{Path(p).resolve()}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    except OSError:
        return None
    folder = Path(where) if where else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tidings"
    return folder / f"actors-{h.hexdigest()[:20]}.pickle"


def _write_cache(cache: Path, kb: KnowledgeBase) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(kb, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)   # atomic: parallel processes never read half a file
    except OSError:
        pass   # a read-only home only costs the build time
