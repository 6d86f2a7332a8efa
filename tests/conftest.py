"""Shared fixtures: one gazetteer index per test session, one build of the seeds."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory):
    """Tests share one index cache (``CORRIDOR_MAPPER_CACHE`` may point at a warm one), built before the first
    test: a command a test runs then writes no progress bar of a first index build to the standard error it
    counts the lines of (a test that needs a cold cache sets its own)."""
    from mapper.gazetteer import Gazetteer

    if "CORRIDOR_MAPPER_CACHE" not in os.environ:
        os.environ["CORRIDOR_MAPPER_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    os.environ["CORRIDOR_MAPPER_HOME"] = str(ROOT)
    Gazetteer.open(ROOT, progress=False)
    yield


@pytest.fixture(scope="session")
def gazetteer(_cache_dir):
    from mapper.gazetteer import Gazetteer

    return Gazetteer.open(ROOT, progress=False)


@pytest.fixture(scope="session")
def parser(gazetteer):
    from mapper.geoparse import Geoparser, Lexicon

    return Geoparser(gazetteer, Lexicon(ROOT))


@pytest.fixture(scope="session")
def network(gazetteer):
    from mapper.network import Network

    return Network(ROOT, gazetteer)


def output_digest(folder: Path) -> dict[str, str]:
    """The SHA-256 of each file under *folder*, by its relative path, less the lock file and any staging
    folder (``.build-*``: a test asks for those itself)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".lock" and not p.relative_to(folder).parts[0].startswith(".build-")}


def run_cli(*args: str, cwd: Path = ROOT, env: dict | None = None, timeout: int = 300,
            input: str | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m mapper`` as a user would, capturing output (*input* on standard input)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "mapper", *args], cwd=cwd, env=full_env, input=input,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def built(tmp_path_factory, gazetteer) -> Path:
    """``corridor-mapper build`` of the seeds into a fresh folder."""
    out = tmp_path_factory.mktemp("build") / "output"
    proc = run_cli("build", "--docs", str(SEEDS), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out
