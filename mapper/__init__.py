"""corridor-mapper: articles about Eurasian trade and transport, turned into sourced maps.

The library API (each returns plain data or GeoDataFrames):

* :func:`mapper.gazetteer.Gazetteer.open` — the offline gazetteer;
* :class:`mapper.geoparse.Geoparser` — place mentions in text;
* :func:`mapper.layers.build_layers` — every layer of the contract;
* :func:`mapper.render.render_map` — the interactive map.
"""

__version__ = "0.1.0"


def _run_the_parser_source_if_stale() -> None:
    """Import ``mapper/geoparse.py`` itself, not the C extension compiled from it (see ``setup.py``), when the
    extension was built from another version of that file (an edited checkout not yet reinstalled) or when
    ``CORRIDOR_MAPPER_PURE`` is set: what runs is always what the source says."""
    import hashlib
    import importlib.abc
    import importlib.util
    import os
    import sys
    from pathlib import Path

    here = Path(__file__).parent
    source = here / "geoparse.py"
    if not source.is_file() or not any(p.suffix in (".so", ".pyd") for p in here.glob("geoparse.*")):
        return
    if not os.environ.get("CORRIDOR_MAPPER_PURE"):
        try:
            built_from = (here / "geoparse.compiled-from").read_text(encoding="ascii").strip()
        except OSError:
            built_from = ""
        if built_from == hashlib.sha256(source.read_bytes()).hexdigest():
            return

    class SourceFinder(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            return importlib.util.spec_from_file_location(name, source) if name == "mapper.geoparse" else None

    sys.meta_path.insert(0, SourceFinder())


_run_the_parser_source_if_stale()
