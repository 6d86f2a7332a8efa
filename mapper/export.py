"""Write layers to files: RFC 7946 GeoJSON, GeoPackage, KML, FlatGeobuf, CSV.

GeoJSON is written by hand to control it fully: ``[lon, lat]``, no ``crs``
member, at most 6 decimals, a string ``id`` on every feature (also in
``properties.id``), keys in a fixed order, so rebuilds are byte-identical.
The other formats go through GDAL (pyogrio). Every file is written to a
temporary name and renamed into place, so readers never see half a file and a
failed build leaves the previous output as it was.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import math
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

import geopandas as gpd
from shapely.geometry import mapping

FORMATS = {"geojson": ".geojson", "gpkg": ".gpkg", "kml": ".kml", "fgb": ".fgb", "csv": ".csv"}
_DRIVERS = {"gpkg": "GPKG", "kml": "KML", "fgb": "FlatGeobuf", "csv": "CSV"}
PRECISION = 6
# GeoPackage stores a "last change" timestamp; a fixed one keeps rebuilds identical.
FIXED_DATE = "2000-01-01T00:00:00Z"


def _round(obj):
    if isinstance(obj, float):
        return round(obj, PRECISION)
    if isinstance(obj, (list, tuple)):
        return [_round(x) for x in obj]
    return obj


def _clean(value):
    if value is None:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else (int(value) if value.is_integer() and abs(value) < 1e15 else value)
    if hasattr(value, "item"):  # numpy scalar
        return _clean(value.item())
    return value


def feature_collection(gdf: gpd.GeoDataFrame) -> dict:
    """A layer as an RFC 7946 FeatureCollection dict."""
    features = []
    cols = [c for c in gdf.columns if c != gdf.geometry.name]
    for row, geom in zip(gdf[cols].itertuples(index=False, name=None), gdf.geometry):
        props = {c: _clean(v) for c, v in zip(cols, row)}
        g = mapping(geom)
        features.append({"type": "Feature", "id": str(props["id"]), "properties": props,
                         "geometry": {"type": g["type"], "coordinates": _round(g["coordinates"])}})
    return {"type": "FeatureCollection", "features": features}


def geojson_text(gdf: gpd.GeoDataFrame) -> str:
    return json.dumps(feature_collection(gdf), ensure_ascii=False, separators=(",", ":")) + "\n"


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside *target*; rename it over *target* on success."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=f".tmp{target.suffix}", dir=target.parent)
    os.close(fd)
    os.unlink(tmp)  # GDAL wants to create the file itself
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            if os.path.isdir(tmp):
                shutil.rmtree(tmp, ignore_errors=True)
            else:
                os.unlink(tmp)


def write_text_atomic(target: Path, text: str) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


def _gdal_frame(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    out = gdf.copy()
    for col in out.columns:
        if col != out.geometry.name and out[col].dtype == object:
            out[col] = out[col].astype("string")
    return out


def write_layers(layers: dict[str, gpd.GeoDataFrame], path: Path, fmt: str) -> list[Path]:
    """Write every layer in *fmt*: one multi-layer file (gpkg, kml) or a folder of files."""
    import pyogrio

    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": FIXED_DATE})
    written = []
    if fmt == "geojson":
        for name, gdf in layers.items():
            target = path / f"{name}.geojson"
            write_text_atomic(target, geojson_text(gdf))
            written.append(target)
    elif fmt in ("gpkg", "kml"):
        with atomic_path(path) as tmp:
            for name, gdf in layers.items():
                gpkg = fmt == "gpkg"
                # GeoPackage 1.2: GDAL 3.6 (Debian 12) warns on the 1.4 files newer GDAL writes
                pyogrio.write_dataframe(_gdal_frame(gdf), tmp, layer=name, driver=_DRIVERS[fmt],
                                        append=tmp.exists(),
                                        layer_options={"SPATIAL_INDEX": "NO"} if gpkg else None,
                                        dataset_options={"VERSION": "1.2"} if gpkg and not tmp.exists() else None)
        written.append(path)
    else:
        for name, gdf in layers.items():
            target = path / f"{name}{FORMATS[fmt]}"
            with atomic_path(target) as tmp:
                opts = {"GEOMETRY": "AS_WKT"} if fmt == "csv" else None
                pyogrio.write_dataframe(_gdal_frame(gdf), tmp, layer=name, driver=_DRIVERS[fmt],
                                        layer_options=opts)
            written.append(target)
    return written


@contextlib.contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Serialise builds into the same output folder (an advisory lock file)."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
