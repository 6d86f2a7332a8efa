"""The ``corridor-mapper`` command line: a thin click layer over the library.

Exit codes: 0 success; 1 the command ran and found problems (``check``);
2 bad input or usage, reported as one line on stderr naming the file, line or
value at fault (a traceback only with ``--debug``); 128 + the signal's number
when stopped (130 on Ctrl-C, 143 on SIGTERM), as shells report it.
"""

from __future__ import annotations

import codecs
import csv
import errno
import io
import json
import os
import re
import signal
import sqlite3
import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import click

from mapper.errors import STOP_SIGNALS, InputError, NoAnswer, shown
from mapper.outputs import spreadsheet_safe

EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2
PLACE_NAME_MAX = 200  # characters: longer is no place's name


def say(message: object) -> None:
    """One line on stderr, prefixed with the program's name; file names' odd bytes and line breaks escaped."""
    click.echo(f"corridor-mapper: {shown(message)}", err=True)


def _of_stdout(exc: OSError) -> OSError:
    """The system's refusal *exc* of a write, said of standard output (which has no file name to give)."""
    return OSError(exc.errno, exc.strerror, "standard output")


def _out(text: str) -> None:
    """Print *text* on standard output; a write the system refuses (a full disk) is said of standard output, as
    `mentions` says it (hostile pass 29, S1)."""
    try:
        click.echo(text)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _of_stdout(exc) from None


class Reporter:
    """Collects per-file problems so one bad file never stops the others."""

    def __init__(self) -> None:
        self.problems = 0

    def skip(self, exc: Exception) -> None:
        self.problems += 1
        say(f"skipped {exc}")

    def warn(self, message: str) -> None:
        self.problems += 1
        say(message)


# codecs that read no document's text: a domain name's, and those that read a text's backslash escapes as the
# characters they stand for ("\\u0041stana" as Astana: the offsets would be no longer the file's)
_NO_DOCUMENT_CODECS = frozenset(("undefined", "idna", "punycode", "unicode-escape", "raw-unicode-escape"))


def _codec(value: str | None) -> str | None:
    """An --encoding the codec registry knows, checked once (not once per document)."""
    if value is not None:
        try:
            info = codecs.lookup(value)
        except LookupError:
            raise InputError(f"unknown encoding {value!r} (--encoding)") from None
        if not getattr(info, "_is_text_encoding", True) or info.name in _NO_DOCUMENT_CODECS:  # rot13, zlib, base64;
            # a domain name's, which reads no document
            raise InputError(f"{value!r} is no text encoding a document is written in (--encoding)")
    return value


def _place_name(value: str) -> str:
    """A place name from the command line: text, not bytes the terminal's encoding cannot read, nor blank, nor
    longer than any place's name; read as names in documents are (see :func:`mapper.documents.composed`)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        try:  # (bytes the C locale's ASCII could not read, kept as surrogates: UTF-8 as the tool's own text is)
            value = os.fsencode(value).decode("utf-8")
        except UnicodeError:
            raise InputError(f"{shown(value)!r}: not valid text (not UTF-8)") from None
    if not value.isascii():  # read as a document's name is: composed, without invisible characters ("Alma\u200bty",
        # a direction mark or a variation selector at its end)
        import unicodedata

        from mapper.documents import composed

        value = "".join(ch for ch in composed(value)
                        if unicodedata.category(ch) != "Cf" and not "\ufe00" <= ch <= "\ufe0f")
    if not value.strip():
        raise InputError("a place name is needed, not an empty one")
    if len(value) > PLACE_NAME_MAX:
        raise InputError(f"{shown(value[:40])!r}…: a place name of {len(value):,} characters (at most "
                         f"{PLACE_NAME_MAX})")
    return value


def _refused(exc: OSError) -> str:
    """The one line for a read or write the system refused (a full or read-only disk, a closed stdout); with no
    file descriptor left, no file's name (it may be a module's the tool was importing, not the user's)."""
    if exc.errno in (errno.EMFILE, errno.ENFILE):
        return f"cannot read or write ({exc.strerror}: raise the limit of open files, ulimit -n)"
    return (f"{exc.filename}: " if exc.filename else "") + f"cannot read or write ({exc.strerror or exc})"


class GivenPath(click.Path):
    """A path option or argument that may not be empty: ``--docs "$DOCS"`` with the variable unset would read the
    current folder (the README, the tests' data…) as documents, and ``--out ""`` write there."""

    def convert(self, value, param, ctx):
        if isinstance(value, str) and not value.strip():
            self.fail("is empty (an unset variable?): name a file or folder", param, ctx)
        if isinstance(value, str) and ctx is not None and param is not None and value.endswith(("/", os.sep)):
            ctx.meta[f"{param.name}:folder"] = True  # ("out.kml/" names a folder; Path drops the slash)
        if isinstance(value, str) and value != "-" and os.path.normpath(value) == "-":  # "./-" is the file named
            value = os.path.abspath(value)  # "-" (Path drops the "./", and "-" is standard input: hostile pass 30 E5)
        return super().convert(value, param, ctx)


class Group(click.Group):
    """Turns :class:`InputError` into one line and exit code 2 (1 for :class:`NoAnswer`)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            say(exc)
            ctx.exit(EXIT_PROBLEMS if isinstance(exc, NoAnswer) else EXIT_BAD_INPUT)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:  # (as an abort here: click writes a blank line before its own, hostile pass 29 S4)
            raise click.Abort() from None
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(0)
        except OSError as exc:  # the system refused a read or write: a read-only or full disk, a closed stdout
            if ctx.obj and ctx.obj.get("debug"):
                raise
            say(_refused(exc))
            ctx.exit(EXIT_BAD_INPUT)
        except BrokenProcessPool:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            say("a worker process died (killed, or out of memory): the run stopped, no output was replaced")
            ctx.exit(EXIT_PROBLEMS)
        except Exception as exc:  # noqa: BLE001 - the last line of defence for users
            if ctx.obj and ctx.obj.get("debug"):
                raise
            index = _damaged_index(exc)
            if index is not None:
                say(f"{shown(index)}: the gazetteer index is damaged ({exc}): it is removed, and the next run builds "
                    "it again (no output was replaced)")
                ctx.exit(EXIT_BAD_INPUT)
            say(f"internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)")
            ctx.exit(EXIT_PROBLEMS)


def _damaged_index(exc: Exception) -> Path | None:
    """The gazetteer index a damaged-database error *exc* came from, removed (see
    :func:`mapper.gazetteer.discard_damaged_index`), else None."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    from mapper.gazetteer import discard_damaged_index

    return discard_damaged_index(exc)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.option("--data", "data_dir", type=GivenPath(file_okay=False, path_type=Path),
              help="Project folder with geodata/ and corridors/ (default: current folder or the checkout).")
@click.version_option(package_name="corridor-mapper")
@click.pass_context
def cli(ctx: click.Context, debug: bool, data_dir: Path | None) -> None:
    """Map the places, corridors, border crossings and hubs that articles about
    Eurasian trade and transport talk about."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["data"] = data_dir


def _gazetteer(ctx: click.Context):
    from mapper.gazetteer import Gazetteer

    return Gazetteer.open(ctx.obj.get("data"), progress=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=GivenPath(path_type=Path, readable=False))  # (checked per file)
@click.option("--format", "fmt", type=click.Choice(["geojson", "jsonl", "csv"]), default="geojson",
              show_default=True, help="Output format on stdout.")
@click.option("--encoding", callback=lambda ctx, param, value: _codec(value),
              help="Declare the documents' encoding instead of detecting it.")
@click.option("--jobs", "-j", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Worker processes for large corpora (results stream in input order).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="dask: run on a Dask cluster and write partitioned JSONL to --out.")
@click.option("--scheduler", help="Dask scheduler address (tcp://host:8786); default: a local process pool.")
@click.option("--out", "out_dir", type=GivenPath(file_okay=False, path_type=Path),
              help="With --engine dask: folder for part-*.jsonl (consumed by build --mentions-from).")
@click.pass_context
def mentions(ctx: click.Context, files: tuple[Path, ...], fmt: str, encoding: str | None, jobs: int,
             engine: str, scheduler: str | None, out_dir: Path | None) -> None:
    """Print the place mentions found in FILES: text (UTF-8; other encodings are detected and reported), or
    saved web pages (.html: their article text); '-' reads standard input."""
    from mapper.pipeline import iter_mentions, writes_refused

    foreign = {"--jobs": "jobs", "--format": "fmt"} if engine == "dask" else {"--scheduler": "scheduler",
                                                                               "--out": "out_dir"}
    ignored = [option for option, param in foreign.items()
               if ctx.get_parameter_source(param) not in (None, click.core.ParameterSource.DEFAULT)]
    if ignored:  # (an option of the other engine is not silently ignored)
        raise InputError(f"{' and '.join(ignored)} {'goes' if len(ignored) == 1 else 'go'} with "
                         + ("the local engine (Dask writes part-*.jsonl, its workers set the parallelism)"
                            if engine == "dask" else "--engine dask"))
    if engine == "dask":
        from mapper import distributed
        from mapper.documents import iter_document_paths

        if out_dir is None:
            raise InputError("--engine dask needs --out DIR for the partitioned output")
        if any(str(f) == "-" for f in files):  # (a worker process has no way to the parent's standard input)
            raise InputError("standard input cannot go to Dask workers: save it to a file and name that", path="-")
        paths = list(iter_document_paths(list(files)))
        with writes_refused(out_dir):  # (a full disk names the folder of the parts)
            parts = distributed.run(paths, out_dir, data_dir=ctx.obj.get("data"), scheduler=scheduler,
                                    encoding=encoding)
        problems = [r for r in distributed.read_parts(out_dir) if isinstance(r, dict)]
        for r in problems:
            say(f"skipped {r['error']}" if "error" in r else r["warning"])
        click.echo(shown(f"wrote {len(parts)} partition{'s' * (len(parts) != 1)} to {out_dir}/"), err=True)
        if problems:
            ctx.exit(EXIT_BAD_INPUT)
        return
    reporter = Reporter()
    writer = _MentionWriter(fmt, sys.stdout)
    try:
        for record in iter_mentions(files, ctx.obj.get("data"), reporter, encoding=encoding, jobs=jobs,
                                    expand_dirs=False, encode=ENCODERS[fmt]):
            writer.write(record)
    except BaseException:  # what was found is written, even when a later document stops the run; a run
        writer.close(if_any=True)  # stopped before any (a bad data file) writes not even a CSV header
        raise
    writer.close()
    if reporter.problems:
        ctx.exit(EXIT_BAD_INPUT)


MENTION_FIELDS = ["id", "doc", "start", "end", "text", "place_id", "name", "country",
                  "feature_class", "score", "lat", "lon"]


# characters JSON may carry raw that a terminal acts on (DEL, C1 controls such as CSI) or that turn text
# around (bidirectional overrides and isolates): written as \u escapes, the same JSON to a reader
_TERMINAL_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _json(value) -> str:
    """*value* as JSON, UTF-8 but for the characters of :data:`_TERMINAL_UNSAFE`."""
    return _TERMINAL_UNSAFE.sub(lambda c: f"\\u{ord(c.group()):04x}", json.dumps(value, ensure_ascii=False))


def _jsonl(m) -> str:
    return _json(m.as_dict()) + "\n"


_CSV_LINE = io.StringIO()
_CSV_WRITER = csv.writer(_CSV_LINE)


def _csv(m) -> str:
    _CSV_LINE.seek(0)
    _CSV_LINE.truncate()
    d = m.as_dict()
    _CSV_WRITER.writerow([spreadsheet_safe(v) if isinstance(v, str) else v for v in (d[n] for n in MENTION_FIELDS)])
    return _CSV_LINE.getvalue()


def _geojson_feature(m) -> str:
    d = m.as_dict()
    props = {k: d[k] for k in MENTION_FIELDS if k not in ("lat", "lon")}
    return _json({"type": "Feature", "id": d["id"], "properties": props,
                  "geometry": {"type": "Point", "coordinates": [round(m.lon, 6), round(m.lat, 6)]}})


#: one mention as text in each output format (run in the worker processes with --jobs)
ENCODERS = {"jsonl": _jsonl, "csv": _csv, "geojson": _geojson_feature}


class _MentionWriter:
    """Streams encoded mentions (see :data:`ENCODERS`) as one GeoJSON document, JSON lines or CSV.

    Records are written a thousand at a time (one write call each, not one per mention), after the head.
    """

    HEADS = {"geojson": '{"type": "FeatureCollection", "features": [\n', "csv": ",".join(MENTION_FIELDS) + "\r\n"}

    def __init__(self, fmt: str, out) -> None:
        self.fmt, self.out, self.n, self.pending = fmt, out, 0, [self.HEADS.get(fmt, "")]
        try:  # (written to the file descriptor itself: a full disk cut a buffered stream's end without an error)
            self.fd: int | None = out.fileno()
            out.flush()
        except (AttributeError, OSError, io.UnsupportedOperation):
            self.fd = None

    def write(self, record: str) -> None:
        self.pending.append((",\n" if self.n and self.fmt == "geojson" else "") + record)
        self.n += 1
        if len(self.pending) >= 1000:
            self._flush()

    def _flush(self) -> None:
        self._write("".join(self.pending))
        self.pending.clear()

    def _write(self, text: str) -> None:
        """Write *text* whole, or raise the system's refusal, said of standard output (a full disk)."""
        if self.fd is None:
            self.out.write(text)
            return
        data = memoryview(text.encode("utf-8"))  # (JSON, GeoJSON and these CSV files are UTF-8 whatever the locale)
        try:
            while data:
                data = data[os.write(self.fd, data):]
        except OSError as exc:
            raise _of_stdout(exc) from None

    def close(self, if_any: bool = False) -> None:
        """Write what is pending and the end: nothing at all if *if_any* and there were no records."""
        if if_any and not self.n:
            return
        self._flush()
        if self.fmt == "geojson":
            self._write("\n]}\n")
        self.out.flush()


def _parse_near(value: str | None) -> tuple[float, float] | None:
    if value is None:
        return None
    try:
        if "_" in value:  # (float() reads "1_0" as 10)
            raise ValueError(value)
        lat, lon = (float(x) for x in value.split(","))
    except ValueError:
        raise InputError(f"--near must be LAT,LON such as 51.2,51.4, not {value!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError(f"--near {value}: coordinate out of range")
    return lat, lon


@cli.command()
@click.argument("name", callback=lambda ctx, param, value: _place_name(value))
@click.option("--country", help="Only candidates in this country (ISO-2, e.g. KZ).")
@click.option("--near", help="Prefer candidates close to LAT,LON.")
@click.option("--limit", type=click.IntRange(1, 100), default=5, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@click.option("--online", is_flag=True, help="Also ask OpenStreetMap Nominatim (network; 1 request/s, cached).")
@click.pass_context
def geocode(ctx: click.Context, name: str, country: str | None, near: str | None, limit: int,
            as_json: bool, online: bool) -> None:
    """Ranked gazetteer candidates for NAME (or 'Name|CC', or a place's id: geonames:1526384, place:alat)."""
    from mapper.gazetteer import name_and_country, validate_country_code

    country = validate_country_code(country)
    point = _parse_near(near)
    kind, colon, _ = name.partition(":")
    if colon and kind in _ENTRY_KINDS and not online:  # an id: its place, as route takes it
        if country is not None or point is not None:
            raise InputError(f"{name!r} is one place's id: no --country or --near")
        entry = _gazetteer(ctx).get(name)
        found = [(_gazetteer(ctx).as_shown(entry), 1.0)] if entry is not None else []
    else:
        if "|" in name:  # "Almaty|KZ", as route takes it
            if country is not None:
                raise InputError(f"{name!r} gives its country: no --country as well")
            name, country = name_and_country(name)
        found = _gazetteer(ctx).geocode(name, country=country, near=point, limit=limit)
    results = [{**e.as_dict(), "score": s} for e, s in found]
    unanswered = None
    if online:
        from mapper.online import nominatim_geocode

        try:
            results += nominatim_geocode(name, country=country, limit=limit)
        except InputError as exc:  # no network: the gazetteer's candidates still, then exit 2
            unanswered = exc
    if unanswered is not None:
        say(f"{unanswered}; the offline candidates only")
        if not results:
            ctx.exit(EXIT_BAD_INPUT)
    if not results:  # nothing found: exit 1, as check does for problems; JSON readers still get a list
        if as_json:
            _out("[]")
        say(f"no match for {name!r}" + (f" in {country}" if country else ""))
        ctx.exit(EXIT_PROBLEMS)
    if as_json:
        _out(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        for r in results:
            local = f"  [{r['local_names']}]" if r.get("local_names") else ""
            _out(shown(f"{r['score']:.3f}  {r['name']}, {r['country'] or '-'}  ({r['lat']:.5f}, "
                             f"{r['lon']:.5f})  {r['feature_class']}/{r['feature_code'] or '-'}  "
                             f"pop {r['population']:,}  {r['id']}{local}"))
    if unanswered is not None:
        ctx.exit(EXIT_BAD_INPUT)


_ENTRY_KINDS = ("geonames", "place", "post", "country", "admin1")  # the gazetteer's ids: "geonames:1526384"

_stopped_by = [signal.SIGINT]  # the signal that stopped the run (Ctrl-C unless a handler below says otherwise)


def _interrupted(signum: int, frame: object) -> None:
    _stopped_by[0] = signum
    raise KeyboardInterrupt  # (so a build removes its staging folder, as on Ctrl-C)


class _Advisory(io.TextIOBase):
    """Standard error as this tool writes it: messages and progress are advisory, so a write that fails (a full
    disk, "2>&1 | head -1", a closed stream) is dropped, and the work and its exit code go on (a warning written to
    "2>/dev/full" had stopped a build, and a progress bar the first index build; hostile pass 28, E8)."""

    def __init__(self, stream) -> None:
        super().__init__()
        self._stream = stream

    @property
    def encoding(self) -> str:  # (click writes text to a stream of the right encoding as it is)
        return getattr(self._stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str:
        return getattr(self._stream, "errors", None) or "backslashreplace"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except (OSError, ValueError, AttributeError):  # (full, a reader gone, closed: "2>&-")
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except (OSError, ValueError, AttributeError):
            pass

    def isatty(self) -> bool:
        try:
            return self._stream.isatty()
        except (OSError, ValueError, AttributeError):
            return False

    def fileno(self) -> int:
        return self._stream.fileno()


def main() -> None:
    """Console-script entry point: usage errors, like bad input, are one line and exit 2; SIGTERM and SIGHUP
    stop a run as Ctrl-C does."""
    for signum in STOP_SIGNALS:
        signal.signal(signum, _interrupted)
    if sys.stdout is None:  # started with standard output closed (">&-")
        say("standard output is closed: nowhere to write")
        _exit_now(EXIT_BAD_INPUT)
    for stream in (sys.stdout, sys.stderr):  # a console that cannot write "→" or "Алматы" (cp1252, latin-1) gets
        # an escape for it, not a crash
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    sys.stderr = _Advisory(sys.stderr)
    try:
        code = cli.main(prog_name="corridor-mapper", standalone_mode=False)
    except OSError as exc:  # writing --help or a usage message to a full disk
        say(_refused(exc))
        code = EXIT_BAD_INPUT
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.ctx.get_help())
        code = 0
    except click.UsageError as exc:
        hint = f" (see: {exc.ctx.command_path} --help)" if exc.ctx else ""
        message = " ".join(exc.format_message().split())  # one line, whatever click wrapped
        say(f"{message}{hint}")
        code = EXIT_BAD_INPUT
    except click.Abort:
        from mapper.outputs import stopped_after_publishing

        say("stopped, after the output being written was written whole" if stopped_after_publishing[0] else "aborted")
        code = 128 + int(_stopped_by[0])
    _exit_now(code if isinstance(code, int) else 0)


def _exit_now(code: int) -> None:
    """Exit with *code* without tearing the interpreter down: every output is written and closed by
    now, and tearing down pandas, geopandas and GDAL took about 0.2 s of each `build`."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError as exc:  # a full disk (not a reader that went away: "| head")
            if stream is sys.stdout and not isinstance(exc, BrokenPipeError) and not code:
                say(_refused(_of_stdout(exc)))
                code = EXIT_BAD_INPUT
        except (ValueError, AttributeError):  # closed
            pass
    os._exit(code)


def _network(ctx: click.Context):
    from mapper.network import Network

    return Network(ctx.obj.get("data"), _gazetteer(ctx))


def _docs_folder(ctx: click.Context, docs_dir: Path | None) -> Path:
    """The documents' folder: *docs_dir*, else ``./seeds`` where there is one, else the project's ``seeds/`` (the
    one of ``--data``)."""
    if docs_dir is not None:
        return docs_dir
    from mapper.datafiles import data_root

    here = Path("seeds")
    return here if here.is_dir() else data_root(ctx.obj.get("data")) / "seeds"


@cli.command()
@click.option("--docs", "docs_dir", type=GivenPath(path_type=Path),
              help="Folder of documents to geoparse (default: ./seeds, else the project's seeds/).")
@click.option("--out", "out_dir", type=GivenPath(file_okay=False, path_type=Path), default=Path("output"),
              show_default=True, help="Output folder (files are replaced atomically).")
@click.option("--cdn", is_flag=True, help="Link Leaflet and plugins from CDNs instead of embedding them (smaller, needs network).")
@click.option("--encoding", callback=lambda ctx, param, value: _codec(value),
              help="Declare the documents' encoding instead of detecting it.")
@click.option("--mentions-from", type=GivenPath(file_okay=False, path_type=Path),
              help="Use mentions already computed by 'mentions --engine dask --out DIR' instead of geoparsing.")
@click.option("--force", is_flag=True, help="Rebuild even if the output folder holds the build of the same inputs.")
@click.option("--jobs", "-j", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Worker processes for geoparsing the documents (the output is the same).")
@click.pass_context
def build(ctx: click.Context, docs_dir: Path | None, out_dir: Path, cdn: bool, encoding: str | None,
          mentions_from: Path | None, force: bool, jobs: int) -> None:
    """Geoparse the documents, build every layer, write exports and map.html.

    A build whose inputs (documents, data files, code, options) have not
    changed since the last one into the same folder is skipped; --force
    rebuilds.
    """
    from mapper.pipeline import build as run_build

    reporter = Reporter()
    docs_dir = _docs_folder(ctx, docs_dir)
    written = run_build(docs_dir, out_dir, ctx.obj.get("data"), reporter, cdn=cdn, encoding=encoding,
                        mentions_from=mentions_from, force=force, jobs=jobs)
    if written is None:
        click.echo(shown(f"{out_dir}/ is up to date: same inputs as its last build (--force rebuilds)"), err=True)
    else:
        click.echo(shown(f"wrote {len(written)} files to {out_dir}/ (map: {out_dir / 'map.html'})"), err=True)
    if reporter.problems:
        ctx.exit(EXIT_BAD_INPUT)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["geojson", "gpkg", "kml", "fgb", "csv"]), required=True,
              help="Output format.")
@click.option("--out", "out_path", type=GivenPath(path_type=Path),
              help="File (gpkg, kml) or folder (geojson, fgb, csv); default output/layers.<ext> or output/<format>/.")
@click.option("--docs", "docs_dir", type=GivenPath(path_type=Path),
              help="Folder of documents to geoparse (default: ./seeds, else the project's seeds/).")
@click.pass_context
def export(ctx: click.Context, fmt: str, out_path: Path | None, docs_dir: Path | None) -> None:
    """Write the layers in another format."""
    from mapper.export import check_target, write_layers
    from mapper.pipeline import make_layers, writes_refused

    if out_path is None:
        out_path = Path("output") / (f"layers.{fmt}" if fmt in ("gpkg", "kml") else fmt)
    check_target(out_path, fmt, ctx.meta.get("out_path:folder", False))  # (before the parse; write_layers checks
    # again)
    reporter = Reporter()
    layers = make_layers(_docs_folder(ctx, docs_dir), ctx.obj.get("data"), reporter)
    with writes_refused(out_path):
        written = write_layers(layers.frames, out_path, fmt)
    for path in written:
        _out(shown(path))  # (as build names its folder: control characters escaped)
    if reporter.problems:
        ctx.exit(EXIT_BAD_INPUT)


@cli.command()
@click.argument("origin", metavar="FROM", callback=lambda ctx, param, value: _place_name(value))
@click.argument("destination", metavar="TO", callback=lambda ctx, param, value: _place_name(value))
@click.option("--avoid", multiple=True, help="Country to avoid (ISO-2); repeat or comma-separate.")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@click.pass_context
def route(ctx: click.Context, origin: str, destination: str, avoid: tuple[str, ...], as_json: bool) -> None:
    """Best path over the corridor network, with km per mode and per country."""
    from mapper.gazetteer import validate_country_code
    from mapper.network import rounded_parts

    codes = {validate_country_code(c.strip(), "--avoid") for a in avoid for c in a.split(",") if c.strip()}
    if avoid and not codes:  # ("--avoid ''" avoided nothing, silently)
        raise InputError(f"--avoid {shown(' '.join(avoid))!r} names no country (give ISO-2 codes: --avoid RU,CN)")
    result = _network(ctx).route(origin, destination, codes)
    if as_json:
        _out(json.dumps(result, ensure_ascii=False, indent=1))
        return
    def listed(label: str, items: list[str]) -> str:
        return f"  {label} ({len(items)}): " + ("; ".join(items) or "—")

    lines = [
        f"{result['from']} → {result['to']}: {result['length_km']:,.0f} km",
        "  by mode:    " + ", ".join(f"{k} {v:,.0f} km" for k, v in rounded_parts(result["km_by_mode"], 0).items()),
        "  by country: " + ", ".join(f"{k} {v:,.0f} km"
                                     for k, v in rounded_parts(result["km_by_country"], 0).items()),
        listed("border crossings", [c["name"] for c in result["border_crossings"]]),
        listed("gauge changes", [f"{g['at']} ({g['from_mm']}→{g['to_mm']} mm)" for g in result["gauge_changes"]]),
        listed("sea legs", [f"{s['from']} → {s['to']} {s['km']:,.0f} km" for s in result["sea_legs"]]),
        "  path: " + " – ".join(result["path"])]
    unbuilt = [f"{s['from']} – {s['to']} ({s['status'].replace('_', ' ')})" for s in result["steps"]
               if s["status"] != "operational"]
    if unbuilt:  # (a route over a lock or a line not yet built says so: "Pavlodar – Semey (planned)")
        lines.insert(-1, listed("not yet operational", unbuilt))
    for line in lines:  # (names from data files: no control character reaches the terminal)
        _out(shown(line))


@cli.command()
@click.option("--docs", "docs_dir", type=GivenPath(path_type=Path),
              help="Folder the citations' documents are in (default: the project's seeds/).")
@click.pass_context
def check(ctx: click.Context, docs_dir: Path | None) -> None:
    """Validate every data file and every citation; exit 1 on any problem."""
    from mapper.check import problems, word_list_problems
    from mapper.errors import DataError

    if docs_dir is not None and not docs_dir.is_dir():
        raise InputError("not a directory of documents", path=docs_dir)
    try:
        net = _network(ctx)
        found = [*problems(net, docs_dir or net.root / "seeds"), *word_list_problems(net.root)]
    except DataError as exc:
        found = [str(exc)]
    for line in found:
        say(line)
    if found:
        ctx.exit(EXIT_PROBLEMS)
    click.echo(f"ok: {len(net.corridors)} corridors, {len(net.crossings)} crossings, {len(net.hubs)} hubs; "
               "every citation found verbatim", err=True)
