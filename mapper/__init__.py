"""corridor-mapper: articles about Eurasian trade and transport, turned into sourced maps.

The library API (each returns plain data or GeoDataFrames):

* :func:`mapper.gazetteer.Gazetteer.open` — the offline gazetteer;
* :class:`mapper.geoparse.Geoparser` — place mentions in text;
* :func:`mapper.layers.build_layers` — every layer of the contract;
* :func:`mapper.render.render_map` — the interactive map.
"""

__version__ = "0.1.0"


from mapper._compiled import use_source_unless_current

use_source_unless_current()  # an edited checkout runs its parser source, not a stale compiled one
