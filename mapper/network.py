"""Corridor data → geometries, lengths per country, the route graph and routing.

Corridors are ordered chains of real nodes (``docs/DATA.md``). Each leg is
drawn as geodesic segments between its nodes, densified so it curves like
the earth, and measured on the WGS 84 ellipsoid. Lengths per country come
from cutting the line with the Natural Earth outlines; the part outside every
outline is reported as ``sea``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import shapely
from shapely import STRtree
from shapely.geometry import LineString, Point, shape

from mapper import datafiles
from mapper.errors import DataError, InputError, NoAnswer
from mapper.gazetteer import Entry, Gazetteer, name_and_country, normalize
from mapper.geo import densify, distance_km, geodesic_length_km

if TYPE_CHECKING:
    import networkx as nx

#: Consecutive nodes farther apart than this (km) are a data error (a typo'd node).
MAX_HOP_KM = {"sea": 1500.0}  # other modes: DEFAULT_HOP_KM
DEFAULT_HOP_KM = 900.0
SEA = "sea"
ROUTABLE = datafiles.LEG_MODES - {"pipeline"}


@dataclass(frozen=True)
class Node:
    """A resolved node of a corridor chain."""

    key: str  # "hub:…", "crossing:…", "place:…", "geonames:…"
    name: str
    lat: float
    lon: float
    country: str


@dataclass
class Leg:
    """One leg of a corridor: a run of nodes with one mode and status."""

    corridor_id: str
    index: int
    mode: str
    status: str
    nodes: list[Node]
    sources: list[dict]
    line: LineString = field(init=False)
    length_km: float = 0.0
    km_by_country: dict[str, float] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.corridor_id}-{self.index:02d}"

    @property
    def countries(self) -> list[str]:
        return [c for c in self.km_by_country if c != SEA]


@dataclass
class Corridor:
    id: str
    name: str
    status: str
    description: str
    sources: list[dict]
    legs: list[Leg]
    confidence: str = ""
    note: str = ""

    @property
    def length_km(self) -> float:
        return sum(leg.length_km for leg in self.legs)

    @property
    def modes(self) -> list[str]:
        return list(dict.fromkeys(leg.mode for leg in self.legs))

    @property
    def countries(self) -> list[str]:
        return list(dict.fromkeys(c for leg in self.legs for c in leg.countries))

    @property
    def km_by_country(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for leg in self.legs:
            for c, km in leg.km_by_country.items():
                out[c] = out.get(c, 0.0) + km
        return out


def km_to(geom, lon: float, lat: float) -> float:
    """Great-circle km from (lon, lat) to the nearest point of *geom*."""
    from shapely.ops import nearest_points

    near = nearest_points(geom, Point(lon, lat))[0]
    return distance_km((lat, lon), (near.y, near.x))


SLIVER_KM = 0.05  # a line's stretch in a country shorter than this is an outline's imprecision, not a visit


OVERLAP_KM2 = 100.0  # two countries' outlines may overlap this much (slivers where simplified borders meet)


def _area_km2(geometry) -> float:
    """The area of a lon/lat *geometry*, roughly, in km² (square degrees at its centroid's latitude)."""
    if geometry.is_empty or geometry.area == 0:
        return 0.0
    return geometry.area * 111.32 ** 2 * math.cos(math.radians(geometry.centroid.y))


class Countries:
    """Natural Earth outlines: which countries a line crosses, and for how long."""

    def __init__(self, root: Path) -> None:
        from mapper.cache import file_key, memo

        key = file_key(root / "geodata" / "countries.geojson", __file__, shapely.__version__)
        self.iso, wkb = memo("outline-shapes", key, lambda: self._shapes(root), tuple,
                             lambda v: len(v) == 2 and len(v[0]) == len(v[1]))
        self.geoms = list(shapely.from_wkb(wkb))
        self.tree = STRtree(self.geoms)
        self._index = {iso: i for i, iso in enumerate(self.iso)}
        self._borders: dict[tuple[str, str], object] = {}

    @staticmethod
    def _shapes(root: Path) -> tuple[list[str], list[bytes]]:
        """ISO codes and WKB outlines, from geodata/countries.geojson (cached: parsing it is slow)."""
        features = datafiles.country_outlines(root)["features"]
        path = root / "geodata" / "countries.geojson"
        try:
            shapes = [shape(f["geometry"]) for f in features]
        except (ValueError, TypeError, AttributeError, IndexError) as exc:  # coordinates that make no shape
            raise DataError(f"an outline's coordinates make no shape ({exc})", path=path) from None
        for f, outline in zip(features, shapes):
            if not outline.is_valid:  # (a ring that crosses itself breaks the border arithmetic)
                from shapely.validation import explain_validity

                raise DataError(f"{f['properties']['iso']}: the outline is no valid polygon "
                                f"({explain_validity(outline)})", path=path)
        isos = [f["properties"]["iso"] for f in features]
        for i, j in zip(*STRtree(shapes).query(shapes, predicate="intersects")):
            if i < j and (km2 := _area_km2(shapes[i].intersection(shapes[j]))) > OVERLAP_KM2:
                raise DataError(f"{isos[i]} and {isos[j]} overlap ({km2:,.0f} km²): a place there would lie in "
                                "both, and a line's km by country count twice", path=path)
        return isos, [outline.wkb for outline in shapes]

    def by_iso(self, iso: str):
        i = self._index.get(iso)
        return None if i is None else self.geoms[i]

    def border(self, a: str, b: str):
        """The line the outlines of countries *a* and *b* share; where they do not touch (1:50m
        outlines leave gaps), a small ring around the point of *a* nearest to *b*. Worked out once per
        pair (twenty Russia–Kazakhstan crossings share one border)."""
        from shapely.ops import nearest_points

        if (a, b) not in self._borders:
            ga, gb = self.by_iso(a), self.by_iso(b)
            border = ga.boundary.intersection(gb.boundary)
            self._borders[a, b] = nearest_points(ga, gb)[0].buffer(0.05).boundary if border.is_empty else border
        return self._borders[a, b]

    def estimate_crossing(self, a: str, b: str, points: list[tuple[float, float]]) -> tuple[float, float]:
        """Where a crossing between *a* and *b* probably is, from the (lat, lon) of the places its posts are named after.

        One place: the point of the border nearest to it. Two (one on each side):
        where the straight segment between them crosses the border, or the
        border point nearest to the segment's midpoint if it does not. Rounded
        to 4 decimals. This is the method stated in the notes of crossings with
        ``estimated_from`` (confidence low): a real checkpoint sits on a road
        that may meet the border some km away.
        """
        from shapely.ops import nearest_points

        border = self.border(a, b)
        if len(points) == 1:
            target = Point(points[0][1], points[0][0])
        else:
            segment = LineString([(lon, lat) for lat, lon in points])
            hit = segment.intersection(border)
            target = hit.representative_point() if not hit.is_empty else segment.interpolate(0.5, normalized=True)
        at = nearest_points(border, target)[0]
        return round(at.y, 4), round(at.x, 4)

    def at(self, lon: float, lat: float) -> str:
        pt = Point(lon, lat)
        for i in self.tree.query(pt, predicate="intersects"):
            return self.iso[i]
        return ""

    def split(self, line: LineString, stretches: list[tuple[str, float]] | None = None,
              length_km: float | None = None) -> dict[str, float]:
        """Geodesic km of *line* in each country, in order of travel; the rest is ``sea``. *stretches* (its
        :meth:`stretches`) and *length_km* (its geodesic length), when the caller has them already."""
        out: dict[str, float] = {}
        for iso, km in self.stretches(line) if stretches is None else stretches:
            out[iso] = out.get(iso, 0.0) + km
        out = {iso: round(km, 3) for iso, km in out.items() if km > SLIVER_KM}
        total = geodesic_length_km(list(line.coords)) if length_km is None else length_km
        rest = total - sum(out.values())
        if rest > 1.0:
            out[SEA] = round(rest, 3)
        return out

    def stretches(self, line: LineString) -> list[tuple[str, float]]:
        """The stretches of *line* in one country each, in order of travel: (country, km); a line that
        leaves a country and comes back has two stretches in it (Bole – Alashankou: CN, KZ, CN)."""
        found = []
        for i in self.tree.query(line, predicate="intersects"):
            part = line.intersection(self.geoms[i])
            for g in getattr(part, "geoms", [part]):
                if g.geom_type == "LineString" and not g.is_empty:
                    # where the line enters: an intersection's pieces may run against the line's direction
                    first = min(line.project(Point(c)) for c in (g.coords[0], g.coords[-1]))
                    found.append((first, self.iso[i], geodesic_length_km(list(g.coords))))
        return [(iso, km) for _, iso, km in sorted(found)]


class Network:
    """The curated infrastructure: hubs, crossings, corridors and the route graph."""

    def __init__(self, root: Path | None, gazetteer: Gazetteer) -> None:
        self.root = datafiles.data_root(root)
        self.gazetteer = gazetteer
        self.hubs = {r["id"]: (r, p) for r, p in datafiles.records(self.root, "corridors/hubs", "hub")}
        self.crossings = {r["id"]: (r, p) for r, p in datafiles.records(self.root, "corridors/crossings", "crossing")}
        for rec, path in self.crossings.values():
            _check_crossing(rec, path)
        self.places = list(datafiles.curated_places(self.root))
        self.countries = Countries(self.root)
        self.routes = list(datafiles.records(self.root, "corridors/routes", "corridor"))
        self.corridors = [self._corridor(rec, path) for rec, path in self.routes]
        #: main-line track gauge (mm) by country
        self.gauges = datafiles.gauges(self.root)
        self._checked = False

    # -- building ----------------------------------------------------------

    def resolve(self, spec: str, where: str) -> Node:
        """Turn a node spec (``hub:id``, ``crossing:id``, ``place:id``, ``geonames:id``, ``Name|CC``) into a
        :class:`Node`."""
        kind, _, rest = spec.partition(":")
        if kind in ("hub", "crossing") and rest:
            table = self.hubs if kind == "hub" else self.crossings
            if rest not in table:
                raise DataError(f"{where}: unknown {kind} {rest!r} in node {spec!r}")
            rec = table[rest][0]
            country = rec.get("country") or self.countries.at(rec["lon"], rec["lat"])
            return Node(spec, rec["name"], rec["lat"], rec["lon"], country)
        if kind in ("place", "geonames") and rest:  # (a GeoNames place by its id where its name is ambiguous)
            e = self.gazetteer.get(spec)
            if e is None:
                raise DataError(f"{where}: unknown place {rest!r} in node {spec!r} (not in "
                                + ("geodata/places)" if kind == "place" else "the gazetteer)"))
            return self._place_node(e)
        name, bar, cc = spec.partition("|")
        if not bar or not datafiles.ISO2.fullmatch(cc) or name != name.strip() or not name:
            raise DataError(f"{where}: node {spec!r} must be 'Name|CC' (CC two capital letters, no space around "
                            "the name), 'place:id', 'geonames:id', 'hub:id' or 'crossing:id'")
        try:
            e = self.gazetteer.resolve_node(name, cc)
        except KeyError as exc:
            raise DataError(f"{where}: {exc.args[0]}") from None
        return self._place_node(e)

    def _place_node(self, entry: Entry) -> Node:
        """A node at a gazetteer place, under the name it is shown by (aliases.toml's ``shown``: "Horgos", not
        GeoNames' "Qarasu")."""
        e = self.gazetteer.as_shown(entry)
        return Node(e.id, e.name, e.lat, e.lon, e.country)

    def _corridor(self, rec: dict, path: Path) -> Corridor:
        _check_status(rec["status"], datafiles.Where(path, rec["id"]))
        legs = []
        for i, leg in enumerate(rec["leg"], 1):
            loc = datafiles.Where(path, rec["id"], f" leg {i}")
            datafiles.check_record("leg", leg, path, rec["id"])
            if leg["mode"] not in datafiles.LEG_MODES:
                raise DataError(f"{loc}: mode must be one of {sorted(datafiles.LEG_MODES)}, not {leg['mode']!r}")
            _check_status(leg["status"], loc)
            if len(leg["nodes"]) < 2:
                raise DataError(f"{loc}: a leg needs at least two nodes")
            nodes = [self.resolve(str(n), loc) for n in leg["nodes"]]
            for spec in map(str, leg["nodes"]):  # (a rail leg through a road crossing: its gauge change was told
                # at a road post)
                kind, _, ident = spec.partition(":")
                if kind == "crossing" and leg["mode"] in ("rail", "road") \
                        and leg["mode"] not in self.crossings[ident][0]["mode"].split(","):
                    raise DataError(f"{loc}: a {leg['mode']} leg through {spec!r}, a crossing of "
                                    f"{self.crossings[ident][0]['mode']} only")
            _check_chain(nodes, leg["mode"], loc)
            if legs and legs[-1].nodes[-1].key != nodes[0].key:
                raise DataError(f"{loc}: starts at {nodes[0].name!r} but the previous leg ends at "
                                f"{legs[-1].nodes[-1].name!r}")
            item = Leg(rec["id"], i, leg["mode"], leg["status"], nodes, leg.get("sources", []))
            item.line = LineString(densify([(n.lon, n.lat) for n in nodes]))
            item.length_km = round(geodesic_length_km(list(item.line.coords)), 3)
            item.km_by_country = self.countries.split(item.line)
            _check_medium(item, loc)
            legs.append(item)
        _check_no_return([legs[0].nodes[0], *(n for leg in legs for n in leg.nodes[1:])],
                         datafiles.Where(path, rec["id"]))
        return Corridor(rec["id"], rec["name"], rec["status"], rec.get("description", ""),
                        rec["sources"], legs, rec.get("confidence", ""), rec.get("note", ""))

    # -- the graph ---------------------------------------------------------

    @cached_property
    def graph(self) -> "nx.Graph":
        """Nodes are :class:`Node` keys; an edge per consecutive pair of nodes of a leg."""
        import networkx as nx

        g = nx.Graph()
        for c in self.corridors:
            for leg in c.legs:
                if leg.mode not in ROUTABLE:
                    continue  # pipelines carry oil, not containers
                for a, b in zip(leg.nodes, leg.nodes[1:]):
                    g.add_node(a.key, node=a)
                    g.add_node(b.key, node=b)
                    seg = LineString(densify([(a.lon, a.lat), (b.lon, b.lat)]))
                    km = geodesic_length_km(list(seg.coords))
                    prev = g.get_edge_data(a.key, b.key)
                    if prev is None or km < prev["km"]:
                        stretches = self.countries.stretches(seg)
                        g.add_edge(a.key, b.key, km=km, mode=leg.mode, status=leg.status, start=a.key,
                                   corridor=c.id, countries=self.countries.split(seg, stretches, km),
                                   stretches=[iso for iso, k in stretches if k > SLIVER_KM])
                        edge = g[a.key][b.key]  # (the countries travelled, stored the way the edge is drawn)
                        edge["travelled"], edge["travelled_km"] = _travelled(edge, a, b)
        return g

    def find_node(self, name: str) -> str:
        """The graph node a user means by *name*: a node's id ("place:alat", "geonames:1526384", "crossing:…"),
        a node's name, else the node nearest (within 60 km, in its own country first) the place ``geocode``
        answers first for *name* (in country CC for "Name|CC"): not a namesake that happens to lie by the network
        ("Aksu" is not the Aksu beside Shymkent's node)."""
        graph = self.graph
        if name in graph:
            return name
        kind, colon, rest = name.partition(":")
        if colon and kind == "post":  # a border post, by the id geocode shows ("post:altynkol-khorgos-rail:1")
            post = self.gazetteer.get(name)
            if post is None:
                raise NoAnswer(f"unknown border post {name!r} (try: corridor-mapper geocode NAME)")
            return self._node_near(name, post.name, post.lat, post.lon, post.country)
        if colon and kind in ("hub", "crossing", "place", "geonames"):  # an id off the network: the node near it
            if not datafiles.ID.match(rest):  # (a data file's id or a GeoNames number)
                raise InputError(f"{name!r}: an id is {kind}: and the id, with no space ("
                                 + ("geonames:1526384)" if kind == "geonames" else f"{kind}:an-id)"))
            try:
                point = self.resolve(name, "route")
            except DataError as exc:
                raise NoAnswer(exc.message.removeprefix("route: ")) from None
            return self._node_near(name, point.name, point.lat, point.lon, point.country)
        bare, cc = name_and_country(name)
        key = normalize(bare)
        exact = [k for k, d in graph.nodes(data=True) if normalize(d["node"].name) == key
                 and (not cc or d["node"].country == cc)]
        for hub_id, (rec, _) in self.hubs.items():
            names = [rec["name"], *rec.get("alt_names", [])]
            if any(normalize(n) == key for n in names) and f"hub:{hub_id}" in graph:
                exact.append(f"hub:{hub_id}")
        if exact:
            return sorted(exact)[0]
        found = self.gazetteer.geocode(bare, country=cc or None, limit=1)
        if not found:
            raise NoAnswer(f"unknown place {name!r} (try: corridor-mapper geocode NAME)")
        entry = found[0][0]
        return self._node_near(name, self.gazetteer.as_shown(entry).name, entry.lat, entry.lon, entry.country)

    def _node_near(self, asked: str, shown: str, lat: float, lon: float, country: str) -> str:
        """The node nearest (within 60 km) the place *shown* at *lat*, *lon* that the user *asked* for: in its own
        country first ("Altynkol" is the Kazakh side of its crossing, though a Chinese node lies nearer)."""
        near = [(d["node"].country != country, km, k) for k, d in self.graph.nodes(data=True)
                if (km := distance_km((lat, lon), (d["node"].lat, d["node"].lon))) < 60.0]
        if not near:
            raise NoAnswer(f"{asked!r} is {shown}, {country or '-'} ({lat:.2f}, {lon:.2f}), not on the corridor "
                           "network (no node within 60 km; another place of the name: 'Name|CC', or a node's id)")
        return min(near)[2]

    def validate(self) -> None:
        """Refuse data that ``check`` and ``build`` refuse (a crossing far from its border, a quote not in its
        document, ...): raise :class:`DataError` on the first problem (once per network)."""
        if not self._checked:
            from mapper.check import refuse_problems

            refuse_problems(self, self.root / "seeds")  # as build does: citations quote the project's seeds
            self._checked = True

    def route(self, origin: str, destination: str, avoid: set[str] = frozenset()) -> dict:
        """Shortest path over the network, with km by mode and country, crossings and gauge changes (the
        data checked first: :meth:`validate`)."""
        self.validate()
        src, dst = self.find_node(origin), self.find_node(destination)
        if src == dst:
            raise InputError(f"{origin!r} and {destination!r} are the same place: no route to take")
        avoid = {c.upper() for c in avoid}

        import networkx as nx

        # (a country avoided is one a step travels, not one the outlines give a station at the border: "Almaty –
        # Khorgos --avoid CN" stays in Kazakhstan, though the outline puts Khorgos station in China)
        view = nx.subgraph_view(self.graph, filter_edge=lambda u, v: avoid.isdisjoint(self.graph[u][v]["travelled"]))
        try:  # (a border crossed weighs as BORDER_KM more: Aktogay – Zharkent stays in Kazakhstan, 118 km longer;
            # a step over the sea alone travels no country, and weighs its km: a negative weight had stopped
            # Dijkstra, hostile pass 30 E1)
            path = nx.shortest_path(view, src, dst,
                                    weight=lambda u, v, d: d["km"] + BORDER_KM * max(len(d["travelled"]) - 1, 0))
        except nx.NetworkXNoPath:
            raise NoAnswer(f"no route from {origin!r} to {destination!r}"
                             + (f" avoiding {', '.join(sorted(avoid))}" if avoid else "")) from None
        return self.describe(path)

    def describe(self, path: list[str]) -> dict:
        g = self.graph
        gauges = self.gauges
        by_mode: dict[str, float] = {}
        by_country: dict[str, float] = {}
        crossings, gauge_changes, sea_legs, steps = [], [], [], []
        prev_gauge = None
        last_land, via_sea = "", False
        for u, v in zip(path, path[1:]):
            d = g[u][v]
            a, b = g.nodes[u]["node"], g.nodes[v]["node"]
            by_mode[d["mode"]] = by_mode.get(d["mode"], 0.0) + d["km"]
            travelled, km = d["travelled"] if d["start"] == u else d["travelled"][::-1], d["travelled_km"]
            for c in dict.fromkeys([*travelled, *km]):  # in travel order, then slivers and sea
                by_country[c] = by_country.get(c, 0.0) + km[c]
            steps.append({"from": a.name, "to": b.name, "mode": d["mode"], "km": round(d["km"], 1),
                          "corridor": d["corridor"], "status": d["status"]})  # (a planned leg says so)
            if d["mode"] == SEA:
                if sea_legs and sea_legs[-1]["to"] == a.name:  # one passage drawn through waypoints
                    sea_legs[-1].update(to=b.name, km=round(sea_legs[-1]["km"] + d["km"], 1))
                else:
                    sea_legs.append({"from": a.name, "to": b.name, "km": round(d["km"], 1)})
            for c in (*travelled, SEA) if SEA in d["countries"] else travelled:
                if c == SEA or d["mode"] == SEA:
                    via_sea = True  # a coast or a sea passage, not a land border
                    continue
                if last_land and c != last_land and not via_sea:
                    crossing = self._crossing_between(last_land, c, a, b, d["mode"])
                    if not crossings or crossings[-1]["name"] != crossing["name"]:
                        crossings.append(crossing)  # a line wiggling along a border crosses it once
                last_land, via_sea = c, False
            if d["mode"] == "rail":  # the gauge changes where the track enters a country of another gauge: at
                # the first station of the new gauge (a route from or to a border station changes there too)
                for c in travelled:
                    gauge = gauges.get(c)
                    if prev_gauge and gauge and gauge != prev_gauge[0]:
                        at = a if c == a.country and c != b.country else b
                        gauge_changes.append({"at": at.name, "from_mm": prev_gauge[0], "to_mm": gauge,
                                              "between": [prev_gauge[1], c]})
                    if gauge:
                        prev_gauge = (gauge, c)
            elif d["mode"] == SEA:
                prev_gauge = None  # a ship in between: transshipment, not a gauge change
        nodes = [g.nodes[k]["node"] for k in path]
        return {
            "from": nodes[0].name, "to": nodes[-1].name,
            "length_km": round(sum(by_mode.values()), 1),
            "km_by_mode": rounded_parts(dict(sorted(by_mode.items(), key=lambda t: -t[1])), 1),
            "km_by_country": {c: km for c, km in rounded_parts(by_country, 1).items() if km},  # (not a border
            # station's country the outlines give no km of: "Ürümqi → Khorgos")
            "countries": [c for c in by_country if c != SEA],
            "border_crossings": crossings,
            "gauge_changes": gauge_changes,
            "sea_legs": sea_legs,
            "path": [n.name for n in nodes],
            "steps": steps,
        }

    def _crossing_between(self, c1: str, c2: str, a: Node, b: Node, mode: str) -> dict:
        pair = sorted([c1, c2])
        seg = LineString([(a.lon, a.lat), (b.lon, b.lat)])
        best, best_d = None, 0.5  # degrees, about 50 km
        for rec, _ in self.crossings.values():
            if sorted(rec["countries"]) != pair:
                continue
            if mode not in rec["mode"]:
                continue  # a river or sea leg passes no rail or road checkpoint
            d = seg.distance(Point(rec["lon"], rec["lat"]))
            if d < best_d:
                best, best_d = rec, d
        if best is None:
            return {"countries": [c1, c2], "crossing": None, "name": f"{c1}→{c2} border"}
        return {"countries": [c1, c2], "crossing": best["id"], "name": best["name"]}


BORDER_KM = 300.0  # in the choice of a path, a land border crossed weighs as this many km of track (customs, often a
# change of gauge): a trip between two places of one country stays in it unless the detour is longer (the km
# reported are the real ones)
TRANSIT_KM = 10.0  # a straight line between two stations of one country that clips a neighbour for less than
# this runs along the border (Alashankou – Bole clips Kazakhstan for 8 km on the outlines): no border crossed


def _travelled(edge: dict, a: Node, b: Node) -> tuple[list[str], dict[str, float]]:
    """The countries an edge drawn from *a* to *b* travels, in order, and its km in each: a land step starts in
    *a*'s country and ends in *b*'s (a border station on the outline's other side does not cross the border
    twice), and a neighbour the straight line merely clips is no country travelled (its km go to the step's main
    one). Travelled the other way, the same countries in reverse order."""
    stretches = edge["stretches"]
    km = dict(edge["countries"])
    if edge["mode"] == SEA or SEA in km or not a.country or not b.country:
        return stretches, km
    ends = (a.country, b.country)
    met = [a.country, *(c for c in stretches if c in ends or km[c] >= TRANSIT_KM), b.country]
    travelled = [c for i, c in enumerate(met) if not i or c != met[i - 1]]
    main = max(travelled, key=lambda c: km.get(c, 0.0))
    for c in [c for c in km if c not in travelled]:
        km[main] = km.get(main, 0.0) + km.pop(c)
    return travelled, {c: km.get(c, 0.0) for c in travelled}


def rounded_parts(parts: dict[str, float], ndigits: int) -> dict[str, float]:
    """*parts* rounded so that they add up to their sum rounded (the largest remainders rounded up): a route's
    km by country and by mode add up to its length as shown."""
    scale = 10 ** ndigits
    floors = {k: math.floor(v * scale) for k, v in parts.items()}
    short = round(sum(parts.values()) * scale) - sum(floors.values())
    for k in sorted(parts, key=lambda k: floors[k] - parts[k] * scale)[:max(short, 0)]:
        floors[k] += 1
    return {k: round(v / scale, ndigits) if ndigits else float(v) for k, v in floors.items()}


MIN_LEG_KM = 0.1  # a leg shorter than this joins no two places


def _check_medium(leg: Leg, loc: object) -> None:
    """A leg has a length, and a rail or road leg runs over land and a sea leg over the sea, each mostly (hostile
    pass 26, S9: a rail leg from Aktau straight to Baku, 354 of its 380 km at sea, and a sea leg from Almaty to
    Bishkek had passed)."""
    if leg.length_km < MIN_LEG_KM:  # (a hub at its city's point after the city: route had printed an empty
        # "by country:" line, hostile pass 30 S11)
        raise DataError(f"{loc}: a leg of {leg.length_km:.2f} km, its nodes at one point (a node named twice?)")
    at_sea = leg.km_by_country.get(SEA, 0.0)
    if leg.mode in ("rail", "road") and at_sea > leg.length_km / 2:
        raise DataError(f"{loc}: a {leg.mode} leg with {at_sea:,.0f} of its {leg.length_km:,.0f} km over the sea "
                        "(a sea leg, or a node missing?)")
    if leg.mode == SEA and at_sea < leg.length_km / 2:
        raise DataError(f"{loc}: a sea leg with {leg.length_km - at_sea:,.0f} of its {leg.length_km:,.0f} km over "
                        "land (its nodes should be ports and waypoints at sea)")


def _check_status(status: str, loc: object) -> None:
    if status not in datafiles.LEG_STATUSES:
        raise DataError(f"{loc}: status must be one of {sorted(datafiles.LEG_STATUSES)}, not {status!r}")


def _check_chain(nodes: list[Node], mode: str, loc: str) -> None:
    """Consecutive nodes must be a sane hop apart, and the chain must not cross itself."""
    limit = MAX_HOP_KM.get(mode, DEFAULT_HOP_KM)
    for a, b in zip(nodes, nodes[1:]):
        if a.key == b.key:
            raise DataError(f"{loc}: node {a.name!r} repeated consecutively")
        if abs(a.lon - b.lon) > 180:  # (drawn straight in lon/lat, the hop would run round the world)
            raise DataError(f"{loc}: {a.name!r} → {b.name!r} crosses the 180th meridian, which the layers and the "
                            "map cannot draw (a chain must stay on one side of it)")
        d = distance_km((a.lat, a.lon), (b.lat, b.lon))
        if d > limit:
            raise DataError(f"{loc}: {a.name!r} → {b.name!r} is {d:.0f} km, more than {limit:.0f} km for {mode}: "
                            "a missing or mistyped node?")
    _check_no_return(nodes, loc)
    line = LineString([(n.lon, n.lat) for n in nodes])
    if len(nodes) > 3 and not line.is_simple:
        raise DataError(f"{loc}: the chain crosses itself (check the order of its nodes)")


def _check_no_return(nodes: list[Node], loc: object) -> None:
    """No node may come twice in a chain, which would count a stretch twice (a leg that doubles back: "A, B,
    A"), but for a loop's end at its start."""
    seen: set[str] = set()
    for i, n in enumerate(nodes):
        if n.key in seen and not (i == len(nodes) - 1 == len(seen) >= 3 and n.key == nodes[0].key):
            raise DataError(f"{loc}: node {n.name!r} comes twice (the chain runs back over itself; only a loop may "
                            "end where it starts)")
        seen.add(n.key)


def _check_crossing(rec: dict, path: Path) -> None:
    loc = datafiles.Where(path, rec["id"])
    if rec["mode"] not in datafiles.CROSSING_MODES:
        raise DataError(f"{loc}: mode must be rail, road or 'rail,road', not {rec['mode']!r}")
    if rec["status"] not in datafiles.CROSSING_STATUSES:
        raise DataError(f"{loc}: status must be one of {sorted(datafiles.CROSSING_STATUSES)}")
    position = rec.get("position")
    if position is not None and (position not in datafiles.CROSSING_POSITIONS
                                 or position != datafiles.crossing_position(rec)):
        raise DataError(f"{loc}: position must be \"sourced\" or \"estimated\" (estimated when estimated_from is given)")
    if "estimated_from" in rec and (rec.get("confidence") != "low" or not 1 <= len(rec["estimated_from"]) <= 2):
        raise DataError(f"{loc}: an estimated position needs confidence = \"low\" and one or two places in "
                        "estimated_from")
    cs = rec["countries"]  # (two, and two posts: see datafiles)
    if cs != sorted(cs) or not all(datafiles.ISO2.match(c) for c in cs) or cs[0] == cs[1]:
        raise DataError(f"{loc}: countries must be two different ISO-2 codes in alphabetical order, got {cs}")


def sources_json(sources: list[dict]) -> str:
    """Citations as the compact JSON string the layers carry."""
    return json.dumps(sources, ensure_ascii=False, separators=(",", ":"))
