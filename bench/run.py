#!/usr/bin/env python3
"""Benchmarks: one command, prints figures (not timed tests).

    .venv/bin/python bench/run.py            # everything (about 30 minutes)
    .venv/bin/python bench/run.py --quick    # smaller corpora and no 5,000-document build
    .venv/bin/python bench/run.py --only build   # one section

Measures geoparse throughput against geotext on the same corpus, gazetteer
index build and cold start, ``build`` wall time and memory, map size and
render time in headless Chromium, and how each grows with input size.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import generate  # noqa: E402

PY = sys.executable


def child_peak(args: list[str], env: dict | None = None) -> tuple[float, float]:
    """Run *args* in a fresh child and return (wall s, peak RSS MiB) measured by /usr/bin/time semantics."""
    code = ("import resource,subprocess,sys,time;t=time.perf_counter();"
            "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
            "w=time.perf_counter()-t;m=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024;"
            "print(w,m,r.returncode)")
    out = subprocess.run([PY, "-c", code, *args], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, **(env or {})}).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"failed: {' '.join(args)}")
    return float(out[0]), float(out[1])


def row(*cells) -> None:
    print("| " + " | ".join(str(c) for c in cells) + " |")


def bench_geoparse(sizes: list[float], tmp: Path) -> None:
    from geotext import GeoText

    from mapper.pipeline import make_parser

    parser = make_parser(progress=False)
    parser.parse("warm up: Astana, Aktau and Xi'an.", "w")
    import mapper.geoparse
    from mapper.geoparse import RUN
    from mapper._compiled import is_extension

    build = "compiled by mypyc at install" if is_extension(mapper.geoparse.__file__) else "pure Python"
    print("\n### Geoparse throughput (one core, warm process, generated news corpus)\n")
    print(f"Parser: {build} (`CORRIDOR_MAPPER_PURE=1` measures the pure-Python source).\n")
    print("The parser object is reused across corpora, as in a long `mentions` run; the first corpus pays for "
          "analysing each distinct run of capitalised words once. The last two columns are the ceiling of this "
          "design: the parser's first pass alone (one regex that finds the runs of "
          "capitalised words, with no work per run) against geotext.\n")
    row("corpus", "documents", "mentions / KB", "corridor-mapper MB/s", "docs/s", "geotext MB/s",
        "corridor-mapper / geotext", "first pass alone MB/s", "first pass / geotext")
    row(*["---"] * 9)
    for mb, filler in [(m, None) for m in sizes] + [(sizes[0], 0.35)]:
        docs = generate(tmp / f"corpus{mb}-{filler}", mb, None, **({"filler": filler} if filler else {}))
        texts = [p.read_text(encoding="utf-8") for p in docs]
        size = sum(len(t.encode()) for t in texts) / 1e6
        t0 = time.perf_counter()
        n = sum(len(parser.parse(t, "d")) for t in texts)
        ours = time.perf_counter() - t0
        t0 = time.perf_counter()
        for t in texts:
            g = GeoText(t)
            _ = g.cities, g.countries
        theirs = time.perf_counter() - t0
        t0 = time.perf_counter()
        for t in texts:
            for run in RUN.finditer(t):
                run.group()
        scan = time.perf_counter() - t0
        label = f"{size:.1f} MB" + (" (dense: 35% filler)" if filler else "")
        row(label, len(texts), f"{n / (size * 1e3 / 1.024):.1f}", f"{size / ours:.2f}", f"{len(texts) / ours:.0f}",
            f"{size / theirs:.2f}", f"{theirs / ours:.2f}×", f"{size / scan:.2f}", f"{theirs / scan:.2f}×")


def bench_mentions_cli(sizes: list[float], tmp: Path) -> None:
    """The `mentions` command end to end (process start, JSON lines out): time and peak memory by corpus size."""
    print("\n### `corridor-mapper mentions --format jsonl` (streaming): time and peak memory by corpus size\n")
    row("corpus", "jobs", "wall (s)", "MB/s", "peak RSS (MiB)")
    row(*["---"] * 5)
    for mb in sizes:
        docs = generate(tmp / f"cli{mb}", mb, None)
        size = sum(p.stat().st_size for p in docs) / 1e6
        for jobs in (1, 2):
            wall, peak = child_peak([PY, "-m", "mapper", "mentions", "--format", "jsonl", "--jobs", str(jobs),
                                     *map(str, docs)])
            row(f"{size:.1f} MB", jobs, f"{wall:.1f}", f"{size / wall:.2f}", f"{peak:.0f}")


def bench_accuracy() -> None:
    """Recognition quality of geotext on the gold sets (it does not resolve to points)."""
    from geotext import GeoText

    from mapper.evaluate import evaluate_corpus, load_gold
    from mapper.pipeline import make_parser

    parser = make_parser(progress=False)
    print("\n### Accuracy on the gold sets\n")
    row("gold set", "corridor-mapper P@161 / R@161 / F1", "geotext span recall", "geotext span precision")
    row("---", "---", "---", "---")
    for name, docs, gold in (("seeds", ROOT / "seeds", ROOT / "tests/data/gold/seeds.jsonl"),
                             ("held-out", ROOT / "tests/data/heldout/docs", ROOT / "tests/data/heldout/gold.jsonl")):
        s = evaluate_corpus(parser, docs, gold)
        g = load_gold(gold)
        found = hit = 0
        names_in: dict[str, set[str]] = {}  # what geotext finds in each document
        for doc in sorted({x["doc"] for x in g}):
            text = (docs / doc).read_text(encoding="utf-8")
            geo = GeoText(text)
            names = names_in[doc] = set(geo.cities) | set(geo.countries)
            spans = {(x["start"], x["end"]) for x in g if x["doc"] == doc}
            for nm in names:
                start = 0
                while (i := text.find(nm, start)) != -1:
                    found += 1
                    hit += any(a <= i < b for a, b in spans)
                    start = i + len(nm)
        recall = sum(1 for x in g if any(nm in x["text"] for nm in names_in[x["doc"]])) / len(g)
        row(name, f"{s.precision_161:.3f} / {s.recall_161:.3f} / {s.f1_161:.3f}", f"{recall:.3f}",
            f"{hit / found:.3f}" if found else "-")


def bench_gazetteer(tmp: Path, extracts: list[str]) -> None:
    print("\n### Gazetteer index (GeoNames extract → SQLite, first build) and cold start\n")
    row("extract", "first build (s)", "build peak RSS (MiB)", "cold start to first geocode (s)", "geocode peak RSS (MiB)")
    row(*["---"] * 5)
    for ex in extracts:
        cache = tmp / f"cache-{ex}"
        env = {"CORRIDOR_MAPPER_CACHE": str(cache), "CORRIDOR_MAPPER_CITIES": ex}
        build_s, build_mb = child_peak([PY, "-m", "mapper", "geocode", "Uralsk", "--json"], env)
        child_peak([PY, "-m", "mapper", "geocode", "Uralsk", "--json"], env)  # overlay cache
        best = min(child_peak([PY, "-m", "mapper", "geocode", "Uralsk", "--json"], env) for _ in range(3))
        row(ex, f"{build_s:.1f}", f"{build_mb:.0f}", f"{best[0]:.2f}", f"{best[1]:.0f}")


def bench_build(tmp: Path, doc_counts: list[int]) -> None:
    print("\n### `corridor-mapper build`\n")
    cache = tmp / "cache-build"
    env = {"CORRIDOR_MAPPER_CACHE": str(cache)}
    child_peak([PY, "-m", "mapper", "geocode", "Oral"], env)  # the index itself is measured above
    out = tmp / "out"
    cold = child_peak([PY, "-m", "mapper", "build", "--out", str(out)], env)
    warm = min(child_peak([PY, "-m", "mapper", "build", "--out", str(out), "--force"], env) for _ in range(3))
    same = min(child_peak([PY, "-m", "mapper", "build", "--out", str(out)], env) for _ in range(3))
    row("input", "wall (s)", "peak RSS (MiB)")
    row("---", "---", "---")
    row("seeds (5 docs), first build after the index exists (empty overlay and outline caches)",
        f"{cold[0]:.2f}", f"{cold[1]:.0f}")
    row("seeds, warm, full rebuild (`--force`)", f"{warm[0]:.2f}", f"{warm[1]:.0f}")
    row("seeds, warm, inputs unchanged (skipped: stamp check only)", f"{same[0]:.2f}", f"{same[1]:.0f}")
    for n in doc_counts:
        docs = tmp / f"docs{n}"
        generate(docs, n * 5000 / 1e6, n)
        w = child_peak([PY, "-m", "mapper", "build", "--docs", str(docs), "--out", str(tmp / f"out{n}")], env)
        row(f"{n} generated docs (~5 KB each)", f"{w[0]:.2f}", f"{w[1]:.0f}")
    print("\nOutput sizes (seeds):\n")
    row("file", "KiB")
    row("---", "---")
    for p in sorted([out / "map.html", out / "layers.gpkg", *(out / "layers").glob("*.geojson")]):
        row(p.relative_to(out), f"{p.stat().st_size / 1024:.0f}")
    bench_render(out / "map.html")


def bench_render(html: Path) -> None:
    from tests.browser import open_page

    times = []
    for _ in range(3):
        with open_page(html) as (page, log):
            times.append(page.evaluate("window.corridorMapper.readyAt"))
            errors, requests = len(log["errors"]), len(log["requests"])
    print(f"\nMap render in headless Chromium (navigation start → all layers drawn): best {min(times) / 1000:.2f} s "
          f"of 3, median {sorted(times)[1] / 1000:.2f} s; console errors {errors}, network requests {requests}.")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller corpora, fewer extracts, no 5,000-doc build")
    ap.add_argument("--only", choices=["geoparse", "mentions", "accuracy", "gazetteer", "build"],
                    help="run one section")
    a = ap.parse_args()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.platform()}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sizes = [1, 10] if a.quick else [1, 10, 50]
        sections = {
            "geoparse": lambda: bench_geoparse(sizes, tmp),
            "mentions": lambda: bench_mentions_cli(sizes, tmp),
            "accuracy": bench_accuracy,
            "gazetteer": lambda: bench_gazetteer(tmp, ["cities15000", "cities500"] if a.quick else
                                                 ["cities15000", "cities5000", "cities1000", "cities500"]),
            "build": lambda: bench_build(tmp, [500] if a.quick else [500, 5000]),
        }
        for name, section in sections.items():
            if a.only in (None, name):
                section()


if __name__ == "__main__":
    main()
