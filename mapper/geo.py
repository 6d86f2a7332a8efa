"""Geodesy helpers shared by the stages: distances, lengths, densified lines."""

from __future__ import annotations

import math
from functools import lru_cache

EARTH_RADIUS_KM = 6371.0088


def on_earth(lat: float, lon: float) -> bool:
    """Whether (*lat*, *lon*) is a point on the earth: finite, latitude within ±90, longitude within ±180."""
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points on the mean sphere.

    Fast (haversine) and within 0.5% of the ellipsoidal distance: for scoring
    and sanity checks. Lengths that are reported use :func:`geodesic_length_km`.
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@lru_cache(maxsize=1)
def _geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")


def geodesic_length_km(lonlats: list[tuple[float, float]]) -> float:
    """Length on the WGS 84 ellipsoid of a line given as (lon, lat) pairs."""
    if len(lonlats) < 2:
        return 0.0
    lons, lats = zip(*lonlats)
    return _geod().line_length(lons, lats) / 1000.0


def densify(lonlats: list[tuple[float, float]], step_km: float = 50.0) -> list[tuple[float, float]]:
    """Insert points along each geodesic segment so the line draws as the earth curves."""
    if len(lonlats) < 2:
        return list(lonlats)
    out = [lonlats[0]]
    for (lon1, lat1), (lon2, lat2) in zip(lonlats, lonlats[1:]):
        _, _, dist = _geod().inv(lon1, lat1, lon2, lat2)
        n = int(dist / 1000.0 // step_km)
        if n > 0:
            out += _geod().npts(lon1, lat1, lon2, lat2, n)
        out.append((lon2, lat2))
    return out
