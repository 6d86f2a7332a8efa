"""``geocode --online``: Nominatim through a stand-in server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import run_cli


@pytest.fixture()
def nominatim():
    hits = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server API
            hits.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
            body = json.dumps([{"place_id": 1, "osm_type": "relation", "osm_id": 42, "lat": "51.2333",
                                "lon": "51.3667", "display_name": "Oral, West Kazakhstan Region, Kazakhstan",
                                "type": "city", "importance": 0.61,
                                "address": {"country_code": "kz"}}]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def test_online_rate_limit_user_agent_and_cache(nominatim, tmp_path):
    url, hits = nominatim
    from mapper.online import USER_AGENT, nominatim_geocode
    import mapper.online as online
    import os

    os.environ["CORRIDOR_MAPPER_NOMINATIM"] = url
    os.environ["CORRIDOR_MAPPER_CACHE"], old = str(tmp_path), os.environ["CORRIDOR_MAPPER_CACHE"]
    online._LIMITER = None
    try:
        for name in ("Uralsk", "Oral", "Орал"):
            assert nominatim_geocode(name)[0]["country"] == "KZ"
        assert len(hits) == 3
        gaps = [b[0] - a[0] for a, b in zip(hits, hits[1:])]
        assert min(gaps) >= 1.0, gaps  # at most one request per second, as the server sees them
        assert all(ua == USER_AGENT and "corridor-mapper" in ua for _, _, ua in hits)
        nominatim_geocode("Uralsk")  # cached: no new request
        assert len(hits) == 3
    finally:
        os.environ["CORRIDOR_MAPPER_CACHE"] = old
        del os.environ["CORRIDOR_MAPPER_NOMINATIM"]
        online._LIMITER = None


def test_cli_online_flag(nominatim, tmp_path):
    url, hits = nominatim
    proc = run_cli("geocode", "Uralsk", "--online", "--json",
                   env={"CORRIDOR_MAPPER_NOMINATIM": url})
    assert proc.returncode == 0, proc.stderr
    sources = {r["source"] for r in json.loads(proc.stdout)}
    assert any("Nominatim" in s for s in sources) and any("GeoNames" in s for s in sources)
    assert hits


def test_no_network_without_online(nominatim):
    url, hits = nominatim
    proc = run_cli("geocode", "Uralsk", "--json", env={"CORRIDOR_MAPPER_NOMINATIM": url})
    assert proc.returncode == 0 and not hits


def test_online_without_an_answer_still_gives_the_offline_candidates(tmp_path):
    """Nominatim unreachable: the gazetteer's candidates are printed, one line says what failed (geopy's retries
    logged 96 lines of tracebacks), exit 2."""
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = run_cli("geocode", "Almaty", "--online", "--limit", "1",
                   env={"CORRIDOR_MAPPER_NOMINATIM": f"http://127.0.0.1:{port}", "XDG_CACHE_HOME": str(tmp_path)})
    assert proc.returncode == 2 and "Almaty, KZ" in proc.stdout, (proc.stdout, proc.stderr)
    assert len(proc.stderr.strip().splitlines()) == 1 and "offline candidates only" in proc.stderr
