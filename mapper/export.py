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
import errno
import html
import json
import math
import os
import re
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import mapping

from mapper import datafiles
from mapper.errors import InputError
from mapper.outputs import (EXPORT_FILES, GEOMETRY_TYPES, JOURNAL, LAYER_NAMES, LOCK, NAME, NOT_XML, STAGE_PREFIX,
                            atomic_path, check_gdal_path, file_kind, gdal_writes, output_lock, publish,
                            refuse_foreign_outputs, spreadsheet_safe, stamp_listing, stamped_outputs, staging,
                            write_stamp)

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


def _plain_float(value: float) -> float | int | None:
    return None if math.isnan(value) else (int(value) if value.is_integer() and abs(value) < 1e15 else value)


def plain_value(value):
    """A cell as JSON would have it: NaN → None, whole floats → int, numpy scalars → Python."""
    if value is None:
        return None
    if isinstance(value, float):
        return _plain_float(value)
    if hasattr(value, "item"):  # numpy scalar
        return plain_value(value.item())
    return value


def _column(values) -> list:
    """A column as plain Python values (see :func:`plain_value`), a whole column at a time."""
    if values.dtype.kind == "f":
        return list(map(_plain_float, values.tolist()))
    if values.dtype.kind in "iub" and not values.hasnans:
        return values.tolist()
    return [plain_value(v) for v in values.tolist()]


def _geometries(geoms) -> Iterator[dict]:
    """GeoJSON geometry dicts with coordinates rounded; points are read in one vectorised call."""
    import shapely

    if len(geoms) and (shapely.get_type_id(geoms.values) == 0).all():
        for x, y in shapely.get_coordinates(geoms.values).tolist():
            yield {"type": "Point", "coordinates": [round(x, PRECISION), round(y, PRECISION)]}
        return
    for geom in geoms:
        g = mapping(geom)
        yield {"type": g["type"], "coordinates": _round(g["coordinates"])}


def iter_features(gdf: gpd.GeoDataFrame) -> Iterator[dict]:
    """A layer's rows as RFC 7946 Feature dicts (coordinates rounded, ids as strings)."""
    cols = [c for c in gdf.columns if c != gdf.geometry.name]
    for row, geometry in zip(zip(*(_column(gdf[c]) for c in cols)), _geometries(gdf.geometry)):
        props = dict(zip(cols, row))
        yield {"type": "Feature", "id": str(props["id"]), "properties": props, "geometry": geometry}


def write_geojson(gdf: gpd.GeoDataFrame, target: Path) -> None:
    """Write a layer as a compact FeatureCollection, feature by feature (memory stays small), atomically."""
    with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        fh.write('{"type":"FeatureCollection","features":[')
        for i, feature in enumerate(iter_features(gdf)):
            fh.write(("," if i else "") + json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
        fh.write("]}\n")


_ATTRIBUTE_BREAKERS = re.compile("[\"'<>&]")


def _xml_safe(value: str) -> str:
    """*value* as GDAL's KML writers can put it in a file that XML parsers read: no character XML forbids, no
    "]]>" to end the CDATA section GDAL wraps it in early, and no "<![CDATA[" that libkml, which writes the layers
    after the first, takes for one of its own and leaves half escaped (a zero-width space inside each)."""
    return NOT_XML.sub("\ufffd", value).replace("]]>", "]]\u200b>").replace("<![CDATA[", "<!\u200b[CDATA[")


#: text made safe for a format, by (format, the field: "id", "description" or any other, "")
_SAFE_TEXT = {("csv", ""): spreadsheet_safe, ("kml", ""): _xml_safe,
              ("kml", "id"): lambda v: _ATTRIBUTE_BREAKERS.sub("_", _xml_safe(v)),
              # (GDAL writes it as the feature's <description>, which KML viewers show as HTML, scripts and all:
              # escaped, it shows as the text it is)
              ("kml", "description"): lambda v: html.escape(_xml_safe(v), quote=False)}


def _gdal_frame(gdf: gpd.GeoDataFrame, fmt: str) -> gpd.GeoDataFrame:
    """*gdf* with the field types GIS tools should see: text as strings, and years that may be unknown
    (NaN in the frame) as integers rather than reals, as the GeoJSON layers write them. Text from documents is
    made safe for *fmt*: a CSV cell is no formula, KML is well-formed XML (GDAL writes the ``id`` field into
    an attribute unescaped, so quotes and brackets there become "_"), and a KML description, which viewers show
    as HTML, is escaped text."""
    out = gdf.copy()
    for col in out.columns:
        if col == out.geometry.name:
            continue
        if col in datafiles.NULLABLE_INTEGERS:  # (first: a column of none but unknown years is of objects, and
            out[col] = out[col].astype("Int64")  # had been written as text: hostile pass 30, E2)
        elif out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            safe = _SAFE_TEXT.get((fmt, col)) or _SAFE_TEXT.get((fmt, ""))
            if safe is not None:
                out[col] = out[col].map(lambda v: safe(v) if isinstance(v, str) else v)
            out[col] = out[col].astype("string")
    return out


def check_target(path: Path, fmt: str, named_as_folder: bool = False) -> None:
    """Refuse a target that writing would destroy or cannot use: a file named as another format's ("--format
    gpkg --out layers.dbf"), a name the tool keeps for itself (".lock"), a device, pipe or link (it would be
    replaced by a file), a folder where one file goes, a file where a folder of layers goes; a file that is not
    already one of *fmt* ("--out README.md", a document), or a folder that holds other files than
    layers of *fmt* ("--out seeds"); a path GDAL would not write as given (a tab in it)."""
    if str(path) == "-":  # (not standard output: layers are files, a GeoPackage no stream)
        raise InputError("export writes files, not to standard output: give --out a path (mentions prints to "
                         "standard output)", path=path)
    if path.name in (LOCK, JOURNAL, NAME) or path.name.startswith(STAGE_PREFIX):
        raise InputError("is a name the tool keeps for its own files in an output folder (a lock, a journal, a "
                         "stamp, a staging folder): choose another --out", path=path)
    if fmt != "geojson":  # (written by GDAL)
        check_gdal_path(path.absolute())
    if (folder := _export_folder_above(path)) is not None:  # (that folder could no longer be exported again: it
        # would hold a file or folder that is none of its layers, hostile pass 28 S5)
        raise InputError(f"is inside a folder of exported layers ({folder}): choose another --out", path=path)
    kind = file_kind(path)
    if fmt in ("gpkg", "kml"):
        if named_as_folder:
            raise InputError(f"ends in '/', a folder's name: a {fmt.upper()} export is one file (give --out a file's "
                             "name)", path=path)
        if path.suffix and path.suffix.lower() != FORMATS[fmt]:  # (GDAL would take the format from the name)
            raise InputError(f"ends in {path.suffix!r}, not in {FORMATS[fmt]!r} as a {fmt.upper()} file does: give "
                             "--out that ending", path=path)
        if kind not in ("missing", "file"):
            raise InputError("must be a new or regular file for this format (not a folder, device, pipe or link)",
                             path=path)
        if kind == "file" and not _is_format(path, fmt):
            raise InputError(f"exists and is no {fmt.upper()} file: not replaced (remove it, or choose another "
                             "--out)", path=path)
        if (stamp := stamp_listing(path)) is not None:  # (the map beside it would no longer match it)
            raise InputError(f"is a build's GeoPackage ({stamp} lists it): rebuild it with build, or choose another "
                             "--out", path=path)
        if kind == "file" and (foreign := _foreign_layers(path, fmt)):
            raise InputError(f"is not a file export wrote (its layers differ: {', '.join(foreign[:3])}): not "
                             "replaced (remove it, or choose another --out)", path=path)
        return
    if kind not in ("missing", "folder"):
        raise InputError("must be a folder for this format (one file per layer goes in it)", path=path)
    _refuse_a_build_s_folder(path)
    if kind == "folder":
        refuse_foreign_outputs(path, EXPORT_FILES, [])  # (a places.csv of yours: only an export's own layers)
        other = next((p for p in sorted(path.iterdir())
                      if not p.name.startswith(".") and not (p.suffix == FORMATS[fmt] and p.is_file())), None)
        if other is not None:
            raise InputError(f"holds {other.name!r}, which is no {FORMATS[fmt]} layer: layers go into a new "
                             "folder or one of layers only (choose another --out)", path=path)


def _export_folder_above(path: Path) -> Path | None:
    """The folder of exported layers (one whose stamp lists an export's files) *path* is below, if any."""
    return next((folder for folder in Path(os.path.abspath(path)).parents
                 if any(EXPORT_FILES.fullmatch(rel) for rel in stamped_outputs(folder))), None)


def _refuse_a_build_s_folder(path: Path) -> None:
    """Refuse the folder *path* if a build's stamp lists it: its map would no longer show its layers (a
    GeoPackage, the default target, is the build's own layers again)."""
    stamp = stamp_listing(path)
    if stamp is not None:
        raise InputError(f"is a build's layers folder ({stamp} lists it): rebuild it with build, or choose "
                         "another --out", path=path)


def _foreign_layers(path: Path, fmt: str) -> list[str]:
    """The layers of the GeoPackage or KML file *path* that no export writes (a user's own "survey"), all of
    them if it holds none of the tool's; none for an empty file."""
    if path.stat().st_size == 0:
        return []
    if fmt == "gpkg":
        import pyogrio

        try:
            names = [str(n) for n in pyogrio.list_layers(path)[:, 0]]
        except Exception:  # noqa: BLE001 - a GeoPackage GDAL cannot list is none of ours
            return ["(unreadable)"]
    else:  # (the tool's KML declares a schema per layer: "corridors", "segments.schema")
        with open(path, "rb") as fh:
            head = fh.read(1 << 20).decode("utf-8", "replace")
        names = [n.removesuffix(".schema") for n in _KML_SCHEMA.findall(head)]
    if fmt == "gpkg" and set(names) != set(LAYER_NAMES):  # (an export writes every layer: a survey of yours
        # with a layer named "places" is none of its files)
        return sorted(set(names) - set(LAYER_NAMES)) + [f"no {n}" for n in LAYER_NAMES if n not in names]
    return [n for n in names if n not in LAYER_NAMES] or ([] if names else ["none of its layers"])


_KML_SCHEMA = re.compile(r'<Schema id="([^"]*)"')


def _is_format(path: Path, fmt: str) -> bool:
    """Whether the file *path* is empty or one of *fmt*: a GeoPackage (SQLite with the GPKG application id)
    or a KML document."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if not head:
        return True
    if fmt == "gpkg":
        return head.startswith(b"SQLite format 3\x00") and head[68:72] in (b"GPKG", b"GP10", b"GP11")
    return b"<kml" in head


def write_layers(layers: dict[str, gpd.GeoDataFrame], path: Path, fmt: str, staged: bool = False) -> list[Path]:
    """Write every layer in *fmt*: one multi-layer file (gpkg, kml) or a folder of files, published whole; or
    straight into the folder *path* if it is *staged* already (in a build's staging folder)."""
    import pyogrio

    check_target(path, fmt)
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": FIXED_DATE})
    # (into an output folder of the tool's, an export waits for a build or export into it, then asks again:
    # "OUT/layers" while a build into OUT runs is the build's, and is refused)
    around = path.absolute().parent
    held = output_lock(around) if not staged and ((around / LOCK).exists() or (around / NAME).exists()) \
        else contextlib.nullcontext()
    with held, warnings.catch_warnings():  # (GDAL's three lines per layer on a GeoPackage not named *.gpkg)
        warnings.filterwarnings("ignore", r".*(filename extension|non conformant file extension)", RuntimeWarning)
        if not staged:
            check_target(path, fmt)
        return _write_layers(layers, path, fmt, staged)


def _write_layers(layers: dict[str, gpd.GeoDataFrame], path: Path, fmt: str, staged: bool) -> list[Path]:
    import pyogrio

    written: list[Path] = []
    if fmt in ("gpkg", "kml"):
        with atomic_path(path) as tmp, gdal_writes(path):
            for name, gdf in layers.items():
                gpkg = fmt == "gpkg"
                # GeoPackage 1.2: GDAL 3.6 (Debian 12) warns on the 1.4 files newer GDAL writes
                pyogrio.write_dataframe(_gdal_frame(gdf, fmt), tmp, layer=name, driver=_DRIVERS[fmt],
                                        append=tmp.exists(), geometry_type=GEOMETRY_TYPES.get(name),
                                        layer_options={"SPATIAL_INDEX": "NO"} if gpkg else None,
                                        dataset_options={"VERSION": "1.2"} if gpkg and not tmp.exists() else None)
                _check_whole(tmp, {name: gdf}, path)  # (before the next layer opens the file again)
        written.append(path)
    elif staged:
        path.mkdir(parents=True, exist_ok=True)
        written = _write_folder(layers, path, fmt)
    else:  # a folder: every layer is written into a staging folder first, and published as a build's outputs are
        # (a full disk halfway leaves the previous layers; a kill while moving them in is completed by the next run)
        made = not path.exists()
        try:
            with staging(path, EXPORT_FILES) as stage:
                _refuse_a_build_s_folder(path)  # (again, under the folder's lock: a build may have made it its own)
                _write_folder(layers, stage, fmt)
                written = publish(stage, path, then=lambda w: write_stamp(path, fmt, w, []))  # (whose they are)
        finally:
            if made and not written:  # (a failed export leaves no folder where there was none)
                shutil.rmtree(path, ignore_errors=True)
    return written


def _write_folder(layers: dict[str, gpd.GeoDataFrame], folder: Path, fmt: str) -> list[Path]:
    """Write each layer into *folder* as a file of *fmt*; return the files."""
    import pyogrio

    files = []
    for name, gdf in layers.items():
        file = folder / f"{name}{FORMATS[fmt]}"
        if fmt == "geojson":
            write_geojson(gdf, file)
        else:
            with gdal_writes(file):
                pyogrio.write_dataframe(_gdal_frame(gdf, fmt), file, layer=name, driver=_DRIVERS[fmt],
                                        geometry_type=GEOMETRY_TYPES.get(name),
                                        layer_options={"GEOMETRY": "AS_WKT"} if fmt == "csv" else None)
            _check_whole(file, {name: gdf}, file)
        files.append(file)
    return files


def _check_whole(file: Path, layers: dict[str, gpd.GeoDataFrame], target: Path) -> None:
    """Raise unless *file*, just written by GDAL, reads back with every one of *layers* whole: GDAL's KML writer
    does not check its writes, and on a full disk left a cut file that it said nothing of (said of *target*)."""
    import pyogrio
    from pyogrio.errors import DataLayerError, DataSourceError

    try:
        whole = all(pyogrio.read_info(file, layer=name, force_feature_count=True)["features"] == len(gdf)
                    for name, gdf in layers.items())  # (counted: FlatGeobuf's header gives an empty layer's as -1)
    except (DataSourceError, DataLayerError):
        whole = False
    if not whole:
        raise OSError(errno.ENOSPC, "the file written reads back cut short: is the disk full?", str(target))
