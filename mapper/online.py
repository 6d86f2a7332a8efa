"""Optional online geocoding with OpenStreetMap Nominatim (only with ``--online``).

Follows the Nominatim usage policy: at most one request per second, counted
from the previous answer so the server sees the gap whatever the latency
(geopy's ``RateLimiter`` spaces only the starts of calls, and retries), an
identifying User-Agent, and an on-disk cache so a name is asked once.
``CORRIDOR_MAPPER_NOMINATIM`` (e.g. ``http://127.0.0.1:8080``) points it at
another server, such as a local stand-in in tests.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from urllib.parse import urlparse

from mapper import __version__
from mapper.errors import InputError
from mapper.cache import cache_dir

USER_AGENT = f"corridor-mapper/{__version__} (offline-first geoparser; https://pypi.org/project/corridor-mapper/)"
_LIMITER = None


def _server() -> str:
    return os.environ.get("CORRIDOR_MAPPER_NOMINATIM", "https://nominatim.openstreetmap.org")


def _geocoder():
    """A rate-limited Nominatim ``geocode`` callable, created once per process."""
    global _LIMITER
    if _LIMITER is None:
        import logging

        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim

        # (its retries log a traceback each as a warning: the one line below says what failed)
        logging.getLogger("geopy").setLevel(logging.ERROR)

        url = urlparse(_server())
        geolocator = Nominatim(user_agent=USER_AGENT, domain=url.netloc + url.path.rstrip("/"),
                               scheme=url.scheme or "https", timeout=10)
        # the spacing is _after_previous_answer's; RateLimiter adds the retry after an error
        _LIMITER = RateLimiter(_after_previous_answer(geolocator.geocode, 1.0), min_delay_seconds=0.0,
                               max_retries=1, error_wait_seconds=2.0, swallow_exceptions=False)
    return _LIMITER


def _after_previous_answer(fn, seconds: float):
    """*fn*, called no sooner than *seconds* after its previous call returned."""
    answered = -seconds

    def call(*args, **kwargs):
        nonlocal answered
        time.sleep(max(0.0, answered + seconds - time.monotonic()))
        try:
            return fn(*args, **kwargs)
        finally:
            answered = time.monotonic()
    return call


def _cache():
    path = cache_dir() / "nominatim-cache.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE IF NOT EXISTS answers(query TEXT PRIMARY KEY, result TEXT)")
    return con


def nominatim_geocode(name: str, *, country: str | None = None, limit: int = 5) -> list[dict]:
    """Candidates from Nominatim, as dicts shaped like gazetteer candidates."""
    from geopy.exc import GeopyError

    query = json.dumps([_server(), name, country, limit])  # answers are cached per server
    con = _cache()
    row = con.execute("SELECT result FROM answers WHERE query = ?", (query,)).fetchone()
    if row:
        return json.loads(row[0])
    try:
        found = _geocoder()(name, exactly_one=False, limit=limit, addressdetails=True,
                            country_codes=country.lower() if country else None) or []
    except GeopyError as exc:
        raise InputError(f"--online: Nominatim did not answer ({type(exc).__name__}: {exc})") from None
    results = []
    for loc in found:
        raw = loc.raw
        results.append({"id": f"osm:{raw.get('osm_type', '')}/{raw.get('osm_id', '')}", "name": loc.address,
                        "lat": round(loc.latitude, 6), "lon": round(loc.longitude, 6),
                        "country": (raw.get("address", {}).get("country_code") or "").upper(),
                        "feature_class": "", "feature_code": raw.get("type", ""), "population": 0,
                        "curated": False, "local_names": "", "source": "OpenStreetMap Nominatim (ODbL)",
                        "score": round(float(raw.get("importance", 0.0)), 4)})
    con.execute("INSERT OR REPLACE INTO answers VALUES (?, ?)", (query, json.dumps(results)))
    con.commit()
    return results
