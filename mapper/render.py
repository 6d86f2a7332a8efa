"""Render the layers as one interactive HTML map with Folium.

By default the page embeds Leaflet, its plugins and their CSS/images (from
``mapper/static/vendor``, refreshed by ``scripts/vendor_assets.py``) and the
country outlines, so it opens with no network. ``cdn=True`` links the same
files' published copies on jsDelivr instead, each with its hash.

Every string from a document or a data file is HTML-escaped here, and reaches
JavaScript only through JSON encoding (``SafePopup``/``SafeTooltip``), never
through template literals.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import mimetypes
import re
from contextlib import contextmanager
from pathlib import Path

import branca.element
import folium
from branca.element import Element, MacroElement
from folium.plugins import Fullscreen, MarkerCluster, MeasureControl, Search
from jinja2 import Template
from shapely.geometry import box, mapping, shape

from mapper.export import plain_value
from mapper.layers import Layers

VENDOR = Path(__file__).parent / "static" / "vendor"
LEAFLET_JS = ("leaflet", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")
LEAFLET_CSS = ("leaflet_css", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css")

# Okabe–Ito first, then Paul Tol's muted set: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#882255",
           "#117733", "#332288", "#AA4499", "#44AA99", "#999933", "#DDCC77"]
MAIN_CORRIDORS = ("north-south-eastern", "east-west", "middle-corridor", "xian-selyatino")
STATUS_DASH = {"planned": "10 8", "proposed": "10 8", "under_construction": "14 5 3 5",
               "reconstruction": "14 5 3 5"}
SEA_DASH = "2 7"
CROSSING_COLOURS = {"operational": "#009E73", "reconstruction": "#E69F00",
                    "under_construction": "#D55E00", "planned": "#CC79A7"}
HUB_COLOURS = {"dry_port": "#0072B2", "sea_port": "#56B4E9", "river_port": "#56B4E9",
               "airport": "#CC79A7", "logistics_centre": "#0072B2", "road_project": "#E69F00",
               "rail_project": "#D55E00", "pipeline": "#000000", "venue": "#999999",
               "university": "#999999"}
MAX_QUOTES = 5


def esc(value) -> str:
    """HTML-escape anything for element content and attributes."""
    return html.escape("" if value is None else str(value), quote=True)


class Verbatim(Element):
    """Text put in the page as it is.

    branca's ``Element(text)`` compiles *text* as a Jinja template, so a "{{ }}"
    in a document would be evaluated while rendering; this never is.
    """

    def __init__(self, template: str | None = None, template_name: str | None = None) -> None:
        super().__init__()
        self._text = template or ""

    def render(self, **kwargs) -> str:
        return self._text


@contextmanager
def _verbatim_macros():
    """While rendering, let branca's MacroElement put its rendered macros in the page as :class:`Verbatim`.

    MacroElement.render wraps each rendered header/html/script macro (which by
    then holds escaped document text) in ``Element(...)``, which compiles it
    once more as a template: template injection, and one Jinja compile per
    marker. The name is swapped back afterwards.
    """
    original = branca.element.Element
    branca.element.Element = Verbatim
    try:
        yield
    finally:
        branca.element.Element = original


class SafePopup(MacroElement):
    """A popup whose (already escaped) HTML reaches JavaScript as a JSON string."""

    _template = Template("""{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.bindPopup({{ this.html|tojson }}, {maxWidth: 420, className: "cm-popup"});
{% endmacro %}""")

    def __init__(self, html_text: str) -> None:
        super().__init__()
        self._name = "SafePopup"
        self.html = html_text


class SafeTooltip(MacroElement):
    """A tooltip with plain text (escaped), passed to Leaflet as a JSON string."""

    _template = Template("""{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.bindTooltip({{ this.text|tojson }}, {sticky: true});
{% endmacro %}""")

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "SafeTooltip"
        self.text = esc(text)


class PlainSearchTips(MacroElement):
    """Makes the search box (leaflet-search, whose tips are HTML) show each name as text: the names it searches
    stay plain, so "Road & Rail" is found as typed and shown as written, and no name is ever read as markup; what is
    typed is matched as written ("St. Petersburg", "Almaty (KZ)"; leaflet-search dropped ".()[]|*+?" from it); and
    keeps its names in objects without a prototype, so that a place named "hasOwnProperty" breaks no search
    and one named "__proto__" adds no entries of its own ("lat", "clone"; it is itself not found); and shows what
    is chosen: the marker's popup, zoomed to (out of the places' clusters), or the corridor fitted and a leg's popup
    (leaflet-search only panned to the search layer's point, which has no popup)."""

    _template = Template("""{% macro script(this, kwargs) %}
(function (control) {
  control.options.buildTip = function (text) {
    var tip = L.DomUtil.create("a"); tip.textContent = text; return tip;
  };
  control._recordsFromLayer = function () {  // (leaflet-search's, into an object without a prototype)
    var self = this, own = Object.create(null), key = this.options.propertyName;
    this._layer.eachLayer(function (layer) { self._searchInLayer(layer, own, key); });
    return own;
  };
  control._filterData = function (text, records) {  // (the names it keeps, likewise; what is typed is matched as
    // written, spaces around it aside: leaflet-search drops ".()[]|*+?" from it, so "Alm.ty" found "Almty" and
    // "x|" every name with an x)
    var typed = fold(text), own = Object.create(null), opts = this.options;
    if (typed) Object.keys(records).forEach(function (name) {
      var at = fold(name).indexOf(typed);
      if (opts.initial ? at === 0 : at >= 0) own[name] = records[name];
    });
    return own;
  };
  control._getLocation = function (name) {  // (Enter on what is typed: the name as written, or the one name it
    // folds to, or the one name it is part of: "almaty", "Almaty " had found nothing, hostile pass 30 S2)
    var records = this._recordsCache, has = Object.prototype.hasOwnProperty;
    if (has.call(records, name)) return records[name];
    var keys = Object.keys(records), same = keys.filter(function (k) { return fold(k) === fold(name); });
    if (same.length === 1) return records[same[0]];
    var found = Object.keys(this._filterData(name, records));
    return found.length === 1 ? records[found[0]] : false;
  };
  function fold(text) {  // what is typed and the names, compared without case, accents and apostrophes' kinds
    // ("urumqi" finds "Ürümqi", "Xi'an" "Xi’an"), spaces around aside
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[’‘ʼʻ`´]/g, "'")
      .toLowerCase().trim();
  }
  document.addEventListener("keydown", function (e) {  // (Escape closes a popup wherever the focus is)
    if (e.key === "Escape") {{ this._parent.get_name() }}.closePopup();
  });
  control.on("search:locationfound", function (e) {  // (the search layer's points have no popup: the map's
    // marker at the point found opens its own, zoomed to; a corridor is fitted, its leg's popup open)
    var props = (e.layer && e.layer.feature && e.layer.feature.properties) || {}, map = {{ this._parent.get_name() }};
    var groups = {crossing: {{ this.crossings.get_name() }}, hub: {{ this.hubs.get_name() }},
                  place: {{ this.places.get_name() }}};
    var found = null, group = groups[props.kind];
    if (props.kind === "corridor") {
      var bounds = null, at = null;
      {{ this.corridors.get_name() }}.eachLayer(function (leg) {
        if ((" " + (leg.options.className || "") + " ").indexOf(" cm-corridor-" + props.id + " ") < 0) return;
        bounds = bounds ? bounds.extend(leg.getBounds()) : L.latLngBounds([leg.getBounds()]);
        if (!at || leg.getBounds().contains(e.latlng)) at = leg;
      });
      if (bounds) map.fitBounds(bounds);
      if (at) at.openPopup(e.latlng);
      return;
    }
    if (!group) return;
    group.eachLayer(function (marker) {
      if (!found && marker.getLatLng && marker.getPopup() && marker.getLatLng().distanceTo(e.latlng) < 5) {
        found = marker;
      }
    });
    if (!found) return;
    map.setView(found.getLatLng(), Math.max(map.getZoom(), 8), {animate: false});  // (out of any cluster there;
    setTimeout(function () { found.openPopup(); }, 0);  // stops leaflet-search's pan, which had kept the zoom)
  });
})({{ this.layer.get_name() }}searchControl);
{% endmacro %}""")

    def __init__(self, layer, crossings, hubs, places, corridors) -> None:
        super().__init__()
        self._name = "PlainSearchTips"
        self.layer = layer
        self.crossings, self.hubs, self.places, self.corridors = crossings, hubs, places, corridors


class InitialView(MacroElement):
    """Fits the map to *bounds* beside the open legend, so no line starts hidden under it; on a narrow
    screen the legend starts closed instead, and on a phone the layer panel is a button that opens it (open, it
    had covered most of the search box at 320–375 px: hostile pass 30, S4)."""

    _template = Template("""{% macro script(this, kwargs) %}
(function (map, bounds, layers) {
  var legend = document.getElementById("cm-legend");
  if (legend && map.getSize().x < {{ this.NARROW_PX }}) legend.open = false;
  if (map.getSize().x < {{ this.PHONE_PX }}) {
    layers.collapse();
    L.DomEvent.on(layers._layersLink, "click", function (e) { L.DomEvent.preventDefault(e); layers.expand(); });
    map.on("click", function () { layers.collapse(); });
  }
  var right = legend && legend.open ? legend.offsetWidth + 20 : 10;
  map.fitBounds(bounds, {paddingTopLeft: [10, 10], paddingBottomRight: [right, 10]});
})({{ this._parent.get_name() }}, {{ this.bounds|tojson }}, {{ this.layers.get_name() }});
{% endmacro %}""")

    NARROW_PX = 720  # a window narrower than this starts with the legend closed
    PHONE_PX = 600  # ... and narrower than this with the layer panel closed

    def __init__(self, bounds: list[list[float]], layers) -> None:
        super().__init__()
        self._name = "InitialView"
        self.bounds, self.layers = bounds, layers


class Registry(MacroElement):
    """Exposes each layer group as ``window.corridorMapper.groups[name]`` (for tests and scripts)."""

    _template = Template("""{% macro script(this, kwargs) %}
window.corridorMapper = {map: {{ this._parent.get_name() }}, groups: {
{%- for label, obj in this.groups %}{{ label|tojson }}: {{ obj.get_name() }}{{ "," if not loop.last }}{% endfor -%}
}, counts: {{ this.counts|tojson }}, readyAt: performance.now()};
{% endmacro %}""")

    def __init__(self, groups: list[tuple[str, Element]], counts: dict[str, int]) -> None:
        super().__init__()
        self._name = "Registry"
        self.groups = groups
        self.counts = counts


def _sources_html(sources_json: str, limit: int = MAX_QUOTES) -> str:
    items = []
    for src in json.loads(sources_json or "[]")[:limit]:
        if "doc" in src:
            items.append(f'<li class="cm-quote">“{esc(src["quote"])}” <span class="cm-doc">— {esc(src["doc"])}</span></li>')
        else:
            items.append(f'<li class="cm-url">{esc(src.get("title") or src["url"])} '
                         f'<span class="cm-doc">({esc(src["url"])}, accessed {esc(src.get("accessed", ""))})</span></li>')
    return f'<ul class="cm-sources">{"".join(items)}</ul>' if items else ""


def _table(rows: list[tuple[str, object]]) -> str:
    cells = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows if v not in (None, "", "nan"))
    return f'<table class="cm-attrs">{cells}</table>'


def _popup(title: str, rows: list[tuple[str, object]], extra: str = "") -> str:
    return f'<div class="cm-popup-body"><h4>{esc(title)}</h4>{_table(rows)}{extra}</div>'


def _corridor_colours(corridors) -> dict[str, str]:
    """One colour per corridor; the four main corridors get the most distinct ones."""
    ids = sorted(corridors["id"], key=lambda c: (c not in MAIN_CORRIDORS, MAIN_CORRIDORS.index(c)
                                                  if c in MAIN_CORRIDORS else 0, c))
    return {cid: PALETTE[i % len(PALETTE)] for i, cid in enumerate(ids)}


def _add_corridors(group, layers: Layers, colours: dict[str, str]) -> int:
    segs = layers.frames["segments"]
    corr = layers.frames["corridors"].set_index("id")
    for _, s in segs.iterrows():
        dash = SEA_DASH if s["mode"] == "sea" else STATUS_DASH.get(s["status"])
        line = folium.PolyLine([(lat, lon) for lon, lat in s.geometry.coords], color=colours.get(s["corridor_id"], "#333"),
                               weight=3 if s["mode"] == "sea" else 4, opacity=0.9, dash_array=dash,
                               class_name=f"cm-corridor cm-corridor-{s['corridor_id']} cm-mode-{s['mode']} cm-status-{s['status']}")
        c = corr.loc[s["corridor_id"]]
        body = _popup(c["name"], [("Leg", f"{s['from']} → {s['to']}"), ("Mode", s["mode"]),
                                  ("Status", s["status"]), ("Leg length (km)", s["length_km"]),
                                  ("Leg countries", s["countries"]), ("Corridor length (km)", c["length_km"]),
                                  ("Corridor countries", c["countries"]), ("Nodes", s["nodes"])],
                      _sources_html(s["sources"]))
        _place(line, group, body, f"{c['name']}: {s['from']} → {s['to']} ({s['mode']}, {s['status']})")
    return len(segs)


def _shape_icon(kind: str, colour: str, css: str, ident: str, hollow: bool = False) -> folium.DivIcon:
    """An SVG marker; *hollow* (white inside, coloured rim) marks a position that is only estimated."""
    shapes = {"square": '<rect x="3" y="3" width="12" height="12"/>',
              "diamond": '<polygon points="9,1 17,9 9,17 1,9"/>',
              "circle": '<circle cx="9" cy="9" r="6.5"/>'}
    paint = f'fill="#fff" stroke="{colour}" stroke-width="3"' if hollow else f'fill="{colour}" stroke="#222" stroke-width="1.3"'
    svg = (f'<svg width="18" height="18" viewBox="0 0 18 18" {paint} '
           f'data-id="{esc(ident)}">{shapes[kind]}</svg>')
    return folium.DivIcon(html=svg, icon_size=(18, 18), icon_anchor=(9, 9), class_name=css)


def _place(layer, group, popup_html: str, tooltip: str) -> None:
    """Attach the (escaped) popup and tooltip to *layer* and put it in *group*."""
    layer.add_child(SafePopup(popup_html))
    layer.add_child(SafeTooltip(tooltip))
    layer.add_to(group)


def _add_crossings(group, layers: Layers) -> int:
    for _, c in layers.frames["crossings"].iterrows():
        kind = {"rail": "square", "road": "circle"}.get(c["mode"], "diamond")
        colour = CROSSING_COLOURS.get(c["status"], "#666")
        estimated = c["position"] == "estimated"
        m = folium.Marker((c.geometry.y, c.geometry.x),
                          icon=_shape_icon(kind, colour, f"cm-crossing cm-status-{c['status']}"
                                           + (" cm-estimated" if estimated else ""), c["id"], hollow=estimated))
        body = _popup(c["name"], [("Posts", c["posts"].replace(",", " / ")), ("Countries", c["countries"]),
                                  ("Mode", c["mode"]), ("Status", c["status"]), ("Status year", plain_value(c["status_year"])),
                                  ("Confidence", c["confidence"]), ("Position", c["position"]),
                                  ("Note", c["note"])],
                      _sources_html(c["sources"]))
        _place(m, group, body, f"{c['name']} ({c['mode']}, {c['status']})")
    return len(layers.frames["crossings"])


def _add_hubs(group, layers: Layers) -> int:
    for _, h in layers.frames["hubs"].iterrows():
        colour = HUB_COLOURS.get(h["kind"], "#666")
        m = folium.Marker((h.geometry.y, h.geometry.x),
                          icon=_shape_icon("diamond" if h["kind"] == "venue" else "square", colour,
                                           f"cm-hub cm-kind-{h['kind']}", h["id"]))
        body = _popup(h["name"], [("Kind", h["kind"].replace("_", " ")), ("Status", h["status"]),
                                  ("Country", h["country"]), ("Year", plain_value(h["year"])),
                                  ("Local name", h["local_name"]), ("Confidence", h["confidence"]),
                                  ("Note", h["note"])], _sources_html(h["sources"]))
        _place(m, group, body, f"{h['name']} ({h['kind'].replace('_', ' ')})")
    return len(layers.frames["hubs"])


def _add_places(group, layers: Layers) -> int:
    mentions = layers.frames["mentions"]
    shown: dict[str, dict[str, str]] = {}  # place id -> its first MAX_QUOTES distinct contexts -> their document
    for pid, context, doc in zip(mentions["place_id"], mentions["context"], mentions["doc"], strict=True):
        contexts = shown.setdefault(pid, {})
        if len(contexts) < MAX_QUOTES and context not in contexts:
            contexts[context] = doc
    for _, p in layers.frames["places"].iterrows():
        quotes = "".join(f'<li class="cm-quote">“<bdi>{esc(context)}</bdi>” <span class="cm-doc">— <bdi>{esc(doc)}'
                         '</bdi></span></li>'
                         for context, doc in shown.get(p["id"], {}).items())
        more = int(p["mentions"]) - min(MAX_QUOTES, int(p["mentions"]))
        extra = f'<ul class="cm-sources">{quotes}</ul>' + (f"<p>… and {more} more mentions.</p>" if more > 0 else "")
        body = _popup(p["name"], [("Local names", p["local_names"]), ("Country", p["country"]),
                                  ("GeoNames class", p["feature_class"]), ("Mentions", p["mentions"]),
                                  ("Spellings", _listed(p["spellings"])), ("Documents", _listed(p["docs"])),
                                  ("Gazetteer id", p["id"])],
                      extra)
        radius = 4 + 3 * min(6, int(p["mentions"])) ** 0.5
        m = folium.CircleMarker((p.geometry.y, p.geometry.x), radius=radius, color="#333", weight=1,
                                fill=True, fill_color="#F0E442", fill_opacity=0.85, class_name="cm-place")
        _place(m, group, body, f"{p['name']} — {p['mentions']} mention(s)")
    return len(layers.frames["places"])


def _listed(joined: str) -> str:
    """A layer's comma-joined list as a popup shows it, a space after each comma, so that it wraps (300 documents'
    names had run 22,000 px wide: hostile pass 30, S10)."""
    return ", ".join(joined.split(","))


def _outlines(root: Path, bounds: tuple[float, float, float, float]) -> dict:
    """Country outlines around the data, clipped and simplified for the zoom range (cached on disk)."""
    import shapely

    from mapper.cache import file_key, memo

    key = file_key(root / "geodata" / "countries.geojson", __file__, shapely.__version__,
                   [round(b, 6) for b in bounds])
    return memo("outlines", key, lambda: _clip_outlines(root, bounds), dict,
                lambda v: v["type"] == "FeatureCollection" and all("geometry" in f for f in v["features"]))


def _clip_outlines(root: Path, bounds: tuple[float, float, float, float]) -> dict:
    from mapper import datafiles

    minx, miny, maxx, maxy = bounds
    window = box(max(-180, minx - 45), max(-85, miny - 25), min(180, maxx + 45), min(85, maxy + 30))
    feats = []
    for f in datafiles.country_outlines(root)["features"]:
        g = shape(f["geometry"])
        if not g.intersects(window):
            continue
        g = g.intersection(window).simplify(0.03, preserve_topology=True)
        if g.is_empty:
            continue
        coords = json.loads(json.dumps(mapping(g)), parse_float=lambda s: round(float(s), 3))
        feats.append({"type": "Feature", "properties": {"name": esc(f["properties"]["name"]),  # (the tooltip sets
                                                        "iso": f["properties"]["iso"]},  # it as HTML: escaped here)
                      "geometry": coords})
    return {"type": "FeatureCollection", "features": feats}


def _search_layer(layers: Layers) -> dict:
    """Points to search by name, as plain text (:class:`PlainSearchTips` shows them as text), and by the other
    names the layers give them where no point is so named: a place by the documents' spellings ("Urumqi" for
    Ürümqi), a crossing by its posts, a hub by its local name (hostile pass 30, S3)."""
    feats, others = [], []

    def point(name: str, kind: str, x: float, y: float, **more: str) -> dict:
        return {"type": "Feature", "properties": {"name": name, "kind": kind, **more},
                "geometry": {"type": "Point", "coordinates": [round(x, 5), round(y, 5)]}}

    for layer, label, column in (("crossings", "crossing", "posts"), ("hubs", "hub", "local_name"),
                                 ("places", "place", "spellings")):
        for _, r in layers.frames[layer].iterrows():
            feats.append(point(str(r["name"]), label, r.geometry.x, r.geometry.y))
            others += [point(other, label, r.geometry.x, r.geometry.y)
                       for other in str(r[column] or "").split(",") if other.strip()]
    for _, c in layers.frames["corridors"].iterrows():
        pt = c.geometry.interpolate(0.5, normalized=True)
        feats.append(point(str(c["name"]), "corridor", pt.x, pt.y, id=str(c["id"])))
    named = {f["properties"]["name"] for f in feats}
    for f in others:
        if f["properties"]["name"] not in named:
            named.add(f["properties"]["name"])
            feats.append(f)
    return {"type": "FeatureCollection", "features": feats}


def _short(name: str) -> str:
    """A legend label: the name before its first colon or parenthesis."""
    return re.split(r":| \(", name, maxsplit=1)[0].strip()


def _legend(layers: Layers, colours: dict[str, str]) -> str:
    corr = layers.frames["corridors"]
    rows = "".join(f'<div title="{esc(name)}"><span class="cm-swatch" style="background:{colours[cid]}"></span>'
                   f'{esc(_short(name))}</div>' for cid, name in zip(corr["id"], corr["name"], strict=True))

    def line(dash, label):
        return (f'<div><svg width="34" height="8"><line x1="0" y1="4" x2="34" y2="4" stroke="#333" stroke-width="3"'
                f'{f" stroke-dasharray={chr(34)}{dash}{chr(34)}" if dash else ""}/></svg> {label}</div>')

    styles = line(None, "operational") + line(STATUS_DASH["planned"], "planned") + \
        line(STATUS_DASH["under_construction"], "under construction / reconstruction") + line(SEA_DASH, "sea leg")
    marks = "".join(f'<div><span class="cm-dot" style="background:{c}"></span>crossing: {esc(s.replace("_", " "))}</div>'
                    for s, c in CROSSING_COLOURS.items())
    shapes = "<div>■ rail · ● road · ◆ rail and road crossing</div><div>○ hollow: crossing position estimated, not published</div>" \
             "<div>■ hub or project · ◆ venue</div>" \
             '<div><span class="cm-dot" style="background:#F0E442"></span>place mentioned (size: mentions)</div>'
    return (f'<details id="cm-legend" class="cm-panel" open><summary><b>Legend</b></summary>{rows}{styles}{marks}{shapes}'
            f'<div class="cm-small">Places: GeoNames (CC BY 4.0) · Outlines: Natural Earth (public domain)</div></details>')


def _figures_panel(layers: Layers) -> str:
    """An inline SVG chart of the bilateral trade turnover the documents state, by source."""
    figs = [{**f, "bn": f["value"] * USD_BN[f["unit"]]} for f in layers.figures
            if f["metric"] == "trade_turnover_kz_ru" and f["unit"] in USD_BN
            and f["value"] > 0]  # (a turnover is positive: a bar of another is no bar)
    if not figs:
        return ""
    years = sorted({f["year"] for f in figs})
    top = max(f["bn"] for f in figs)  # (the tallest bar at 1/1.15 of the height: scaled without overflow)
    groups = {year: [f for f in figs if f["year"] == year] for year in years}
    # a year's slot: the panel's width shared, but no bar narrower than CHART_MIN_BAR_PX (the chart scrolls)
    left, h, bottom = 34, 160, 24
    step = max((CHART_WIDTH - left - 10) / len(years), CHART_MIN_BAR_PX / 0.8 * max(map(len, groups.values())))
    w = round(left + 10 + step * len(years))
    every = math.ceil(CHART_YEAR_LABEL_PX / step)  # (a year's label for every so many slots: no two overlap)
    bars, labels = [], []
    for yi, (year, group) in enumerate(groups.items()):
        conflict = len({round(f["bn"], 6) for f in group}) > 1
        bw = step * 0.8 / len(group)
        for k, f in enumerate(group):
            x = left + yi * step + step * 0.1 + k * bw
            bh = (h - bottom - 10) * (f["bn"] / top) / 1.15
            src = next((s.get("doc") or s.get("url") for s in f["sources"]), "")
            colour = "#D55E00" if conflict else "#0072B2"
            bars.append(f'<rect x="{x:.1f}" y="{h - bottom - bh:.1f}" width="{max(bw - 1, 1):.1f}" height="{bh:.1f}" '
                        f'fill="{colour}"><title>{esc(year)}: {esc(f["value"])} {esc(f["unit"])} — {esc(src)}'
                        f'{esc(" (" + f["period"] + ")") if f.get("period") else ""}</title></rect>')
            if bw >= CHART_VALUE_LABEL_PX:  # (a value's label only over a bar wide enough for it)
                bars.append(f'<text x="{x + bw / 2:.1f}" y="{h - bottom - bh - 2:.1f}" font-size="8" '
                            f'text-anchor="middle">{esc(format(f["bn"], "g"))}</text>')
        if yi % every == 0:
            labels.append(f'<text x="{left + yi * step + step / 2:.1f}" y="{h - 8}" font-size="9" '
                          f'text-anchor="middle">{esc(year)}</text>')
    svg = (f'<div style="overflow-x:auto;max-width:{CHART_WIDTH}px"><svg width="{w}" height="{h}" role="img" '
           f'aria-label="Trade turnover chart"><line x1="{left}" y1="{h - bottom}" x2="{w}" y2="{h - bottom}" '
           f'stroke="#333"/>{"".join(bars)}{"".join(labels)}<text x="2" y="10" font-size="9">USD bn</text></svg></div>')
    return (f'<details id="cm-figures" class="cm-panel"><summary><b>Kazakhstan–Russia trade turnover</b> (as the documents state)</summary>'
            f'{svg}<div class="cm-small">Orange: sources disagree for that year. Hover a bar for its source.</div></details>')


CHART_WIDTH = 300  # the turnover chart's width in the panel (px)
# the chart's units, as billions of US dollars (its axis): a "USD m" figure had been drawn as so many billions,
# a thousand times too tall (hostile pass 30, E3); a figure of another unit is not drawn
USD_BN = {"USD bn": 1.0, "USD billion": 1.0, "USD m": 1e-3, "USD mn": 1e-3, "USD million": 1e-3}
CHART_MIN_BAR_PX = 3  # no bar narrower (more years than fit: the chart scrolls)
CHART_YEAR_LABEL_PX = 26  # a year's label's width at font size 9
CHART_VALUE_LABEL_PX = 14  # the narrowest bar a value's label goes over


PANEL_CSS = """<style>
.cm-panel{position:absolute;z-index:1000;background:rgba(255,255,255,.93);padding:6px 8px;border-radius:4px;
 box-shadow:0 1px 4px rgba(0,0,0,.3);font:12px/1.35 sans-serif;max-width:320px}
#cm-legend{bottom:28px;right:10px;max-width:210px;max-height:60vh;overflow:auto;font-size:11px}
#cm-figures{bottom:70px;left:10px}
@media (max-width:599px){.leaflet-control-search .search-input{max-width:calc(100vw - 130px)!important}}
.cm-swatch{display:inline-block;width:22px;height:5px;margin-right:5px;vertical-align:middle}
.cm-dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:5px;border:1px solid #222}
.cm-small{color:#555;font-size:10px;margin-top:3px}
.cm-popup-body h4{margin:0 0 4px} .cm-attrs th{text-align:left;padding-right:6px;vertical-align:top}
.cm-sources{padding-left:16px;margin:4px 0} .cm-doc{color:#666;font-size:11px}
.leaflet-div-icon.cm-crossing,.leaflet-div-icon.cm-hub{background:none;border:none}
</style>"""


def _deterministic_ids(element: Element, counter: list[int]) -> None:
    """Replace Folium's random element ids with a counter, so rebuilds are byte-identical."""
    counter[0] += 1
    element._id = f"{counter[0]:05d}"
    for child in element._children.values():
        _deterministic_ids(child, counter)


_SCRIPT_TAG = re.compile(r'<script src="([^"]+)"></script>')
_STYLESHEET_TAG = re.compile(r'<link rel="stylesheet" href="([^"]+)"\s*/?>')


def _vendored(url: str) -> dict:
    """The manifest's record of the vendored copy of *url*: its ``file`` and its ``pinned`` address."""
    manifest = json.loads((VENDOR / "manifest.json").read_text())
    if url not in manifest:
        raise ValueError(f"no vendored copy of {url}")
    return manifest[url]


def inline_assets(page: str) -> str:
    """Replace CDN ``<script src>``/``<link href>`` with the vendored files' contents.

    Raises ``ValueError`` if any external resource is left: the default map
    must not touch the network.
    """
    def script(m):
        name = _vendored(m.group(1))["file"]
        js = (VENDOR / name).read_text(encoding="utf-8").replace("</script", "<\\/script")
        return f"<script>/* {name} */\n{js}\n</script>"

    def link(m):
        name = _vendored(m.group(1))["file"]
        path = VENDOR / name
        css = path.read_text(encoding="utf-8")
        css = re.sub(r"url\((['\"]?)(?!data:|#)([^)'\"]+)\1\)", lambda u: f"url({_data_uri(path.parent / u.group(2))})", css)
        return f"<style>/* {name} */\n{css}\n</style>"

    page = _SCRIPT_TAG.sub(script, page)
    page = _STYLESHEET_TAG.sub(link, page)
    if re.search(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(?:https?:)?//', page):
        raise ValueError("an external resource is still linked")
    return page


def pin_assets(page: str) -> str:
    """Link the vendored files' own published copies on jsDelivr, each with its hash
    (Subresource Integrity): a browser runs a CDN file only if it is byte for byte the one shipped here."""
    def integrity(record: dict) -> str:
        digest = hashlib.sha384((VENDOR / record["file"]).read_bytes()).digest()
        return f'integrity="sha384-{base64.b64encode(digest).decode()}" crossorigin="anonymous"'

    def script(m):
        record = _vendored(m.group(1))
        return f'<script src="{record["pinned"]}" {integrity(record)}></script>'

    def link(m):
        record = _vendored(m.group(1))
        return f'<link rel="stylesheet" href="{record["pinned"]}" {integrity(record)}/>'

    return _STYLESHEET_TAG.sub(link, _SCRIPT_TAG.sub(script, page))


def _data_uri(path: Path) -> str:
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode()}"


def render_map(layers: Layers, root: Path, *, cdn: bool = False) -> str:
    """The map as one HTML page (self-contained unless *cdn*)."""
    frames = layers.frames
    import pandas as pd

    geoms = pd.concat([frames[k].geometry for k in ("corridors", "crossings", "hubs") if len(frames[k])])
    minx, miny, maxx, maxy = geoms.total_bounds if len(geoms) else (20, 30, 120, 60)
    m = folium.Map(location=[(miny + maxy) / 2, (minx + maxx) / 2], zoom_start=4, tiles=None,
                   control_scale=True, prefer_canvas=False, min_zoom=2, max_zoom=12)
    m.options.update({"maxZoom": 12, "minZoom": 2,  # no tile layer sets them; clustering needs them
                      "zoomSnap": 0.25})  # the first view fits the corridors, not the next whole zoom level out
    m.default_js = [LEAFLET_JS]
    m.default_css = [LEAFLET_CSS]
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap tiles (online)", show=False, overlay=False,
                     control=True).add_to(m)
    outline = folium.FeatureGroup(name="Country outlines", show=True)
    folium.GeoJson(_outlines(root, (minx, miny, maxx, maxy)), name="outlines", control=False,
                   style_function=lambda f: {"color": "#888", "weight": 0.8, "fillColor": "#f2efe9",
                                             "fillOpacity": 1.0},
                   tooltip=folium.GeoJsonTooltip(["name"], labels=False)).add_to(outline)
    outline.add_to(m)
    colours = _corridor_colours(frames["corridors"])
    corridors = folium.FeatureGroup(name="Corridors", show=True)
    crossings = folium.FeatureGroup(name="Border crossings", show=True)
    hubs = folium.FeatureGroup(name="Hubs and projects", show=True)
    places_group = folium.FeatureGroup(name="Places mentioned", show=True)
    places = MarkerCluster(name="places-cluster", control=False,
                           options={"maxClusterRadius": 35, "disableClusteringAtZoom": 7}).add_to(places_group)
    counts = {"Corridors": _add_corridors(corridors, layers, colours),
              "Border crossings": _add_crossings(crossings, layers),
              "Hubs and projects": _add_hubs(hubs, layers),
              "Places mentioned": _add_places(places, layers)}
    for g in (corridors, crossings, hubs, places_group):
        g.add_to(m)
    search_data = folium.GeoJson(_search_layer(layers), name="search", control=False, show=True,
                                 marker=folium.CircleMarker(radius=1, opacity=0, fill_opacity=0))
    search_data.add_to(m)
    Search(layer=search_data, search_label="name", placeholder="Search places, crossings, hubs…",
           collapsed=False, position="topleft").add_to(m)
    PlainSearchTips(search_data, crossings, hubs, places, corridors).add_to(m)
    Fullscreen(position="topleft").add_to(m)
    MeasureControl(position="topleft", primary_length_unit="kilometers", secondary_length_unit="miles",
                   primary_area_unit="sqkilometers").add_to(m)
    layer_control = folium.LayerControl(collapsed=False, position="topright").add_to(m)
    m.get_root().header.add_child(Verbatim(PANEL_CSS))
    m.get_root().html.add_child(Verbatim(_legend(layers, colours) + _figures_panel(layers)))
    m.add_child(InitialView([[float(miny), float(minx)], [float(maxy), float(maxx)]], layer_control))
    m.get_root().title = "corridor-mapper"
    m.add_child(Registry([("Corridors", corridors), ("Border crossings", crossings), ("Hubs and projects", hubs),
                          ("Places mentioned", places), ("Country outlines", outline)], counts))
    _deterministic_ids(m, [0])
    with _verbatim_macros():
        page = m.get_root().render()
    return pin_assets(page) if cdn else inline_assets(page)
