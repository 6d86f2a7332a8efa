"""The Dask engine on a LocalCluster of several worker processes equals the single-process run."""

from __future__ import annotations


import pytest

from tests.conftest import ROOT, SEEDS, run_cli

distributed = pytest.importorskip("distributed")


def test_local_cluster_equals_single_process(tmp_path, gazetteer):
    from dask.distributed import LocalCluster

    from mapper.distributed import read_parts
    from mapper import distributed as engine
    from mapper.pipeline import make_parser

    docs = sorted(SEEDS.glob("*.txt")) + sorted((ROOT / "tests/data/heldout/docs").glob("*.txt"))
    (tmp_path / "bad.txt").write_bytes(b"")
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        parts = engine.run([*docs, tmp_path / "bad.txt"], tmp_path / "parts", scheduler=cluster.scheduler_address,
                           partitions=4)
    finally:
        cluster.close()
    assert len(parts) == 4
    records = list(read_parts(tmp_path / "parts"))
    errors = [r for r in records if isinstance(r, dict)]
    got = [m.as_dict() for m in records if not isinstance(m, dict)]
    assert len(errors) == 1 and "bad.txt" in errors[0]["error"]
    parser = make_parser(progress=False)
    want = [m.as_dict() for d in docs for m in parser.parse(d.read_text(encoding="utf-8"), d.name)]
    assert got == want


def test_build_consumes_partitions(tmp_path, built):
    parts = tmp_path / "parts"
    proc = run_cli("mentions", "--engine", "dask", "--out", str(parts), *map(str, sorted(SEEDS.glob("*.txt"))))
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "out"
    proc = run_cli("build", "--mentions-from", str(parts), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert (out / "layers" / "mentions.geojson").read_bytes() == (built / "layers" / "mentions.geojson").read_bytes()


def test_an_unreachable_scheduler_is_one_line(tmp_path):
    proc = run_cli("mentions", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--out", str(tmp_path / "p"),
                   str(next(SEEDS.glob("*.txt"))), timeout=120)
    assert proc.returncode == 2 and proc.stderr.strip().splitlines() == [
        proc.stderr.strip()] and "cannot reach the Dask scheduler" in proc.stderr
