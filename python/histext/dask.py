"""histext past one machine, on Dask.

    python3 -m histext.dask freq --scheduler local|ADDRESS [--workers N] [histext-freq options] [-o FILE] FILES...
    python3 -m histext.dask entities|sentences --scheduler ... [options] [-o FILE] FILES...

``freq``: map = one shard of counts per group of files (histext.shard, on a worker); reduce = a
tree of merges (histext.merge, ``--fan-in`` shards at a time) whose root writes exactly what
``histext-freq --combine`` writes over the same files in name order. ``entities`` and
``sentences`` run per file (map only) and give one table with a ``file`` column.

Every task is a pure function of its inputs, so a worker that dies mid-run only costs time: Dask
runs its tasks again (and recomputes the results it held) and the output is unchanged. Nothing
here starts a process of its own: tasks call the C++ library through the bindings.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import sys
import uuid
from typing import Optional, Sequence

import histext

TOOL = "histext.dask"


# ---------------------------------------------------------------------------------------------
# Tasks (run on workers: module-level functions, so that workers import them by name)


def _shard_task(paths: tuple, options: dict) -> bytes:
    return histext.shard(path=list(paths), **options)


def _merge_task(*shards: bytes) -> bytes:
    return histext.merge(shards, as_shard=True)


def _write_task(shard: bytes, layout: dict) -> bytes:
    return histext.merge([shard], **layout)


def _entities_task(path: str, options: dict) -> dict:
    table = histext.entities(path=path, **options).table()
    return {"file": [path] * len(table), **table.columns}


def _sentences_task(path: str, options: dict) -> dict:
    s = histext.sentences(path=path, **options)
    return {"file": [path] * len(s.sentences), **s.sentences.columns}


# ---------------------------------------------------------------------------------------------
# Graphs


def freq_graph(client, files: Sequence[str], *, files_per_task: int = 1, fan_in: int = 4,
               format: str = "table", top: int = 0, min_count: int = 1, min_length: int = 1,
               summary: bool = False, **counting):
    """Submits a frequency count of ``files`` to ``client``: returns (map futures, the future of
    the output bytes). ``counting``: histext.shard's options (lemma=True, ngrams=2...)."""
    if not files:
        raise histext.Error("no input files")
    if files_per_task < 1 or fan_in < 2:
        raise histext.Error("--files-per-task must be at least 1 and --fan-in at least 2")
    counting.setdefault("threads", 1)  # one thread per worker: Dask runs the tasks side by side
    job = uuid.uuid4().hex  # task keys of this run only: another run's results are never reused
    groups = [tuple(files[i:i + files_per_task]) for i in range(0, len(files), files_per_task)]
    shards = [client.submit(_shard_task, g, counting, key=f"histext-shard-{i}-{job}", pure=False)
              for i, g in enumerate(groups)]
    level, depth = shards, 0
    while len(level) > 1:  # a tree: each merge reads at most fan_in shards
        depth += 1
        level = [client.submit(_merge_task, *level[i:i + fan_in], key=f"histext-merge-{depth}-{i}-{job}",
                               pure=False)
                 for i in range(0, len(level), fan_in)]
    layout = {"format": format, "top": top, "min_count": min_count, "min_length": min_length, "summary": summary}
    out = client.submit(_write_task, level[0], layout, key=f"histext-write-{job}", pure=False)
    return shards, out


def freq(client, files: Sequence[str], **options) -> bytes:
    """The bytes ``histext-freq --combine`` writes over ``files`` (in name order), counted on
    ``client``'s workers; options as :func:`freq_graph`."""
    _, out = freq_graph(client, files, **options)
    return out.result()


def _table_job(client, task, files: Sequence[str], options: dict) -> dict:
    job = uuid.uuid4().hex
    futures = [client.submit(task, f, options, key=f"histext-{task.__name__}-{i}-{job}", pure=False)
               for i, f in enumerate(files)]
    _progress(futures)
    merged: dict = {}
    for part in client.gather(futures):  # in the order of the files
        for k, v in part.items():
            merged.setdefault(k, []).extend(v)
    return merged


def entities(client, files: Sequence[str], **options) -> histext.Table:
    """histext.entities of each file (one task each) as one Table with a ``file`` column."""
    return histext.Table(_table_job(client, _entities_task, files, options))


def sentences(client, files: Sequence[str], **options) -> histext.Table:
    """histext.sentences of each file (one task each): every sentence, with a ``file`` column."""
    return histext.Table(_table_job(client, _sentences_task, files, options))


# ---------------------------------------------------------------------------------------------
# Command line


def _progress(futures) -> None:
    """Dask's progress bar on stderr, only when stderr is a terminal (it draws on stdout)."""
    if not sys.stderr.isatty():
        return
    from dask.distributed import progress

    with contextlib.redirect_stdout(sys.stderr):
        progress(futures)
    print(file=sys.stderr)


def _cell(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return "" if v != v else f"{v:.3f}"
    if isinstance(v, (list, tuple)):
        return "; ".join(str(x) for x in v)
    return str(v)


def _write_table(columns: dict, fmt: str) -> bytes:
    names = list(columns)
    rows = list(zip(*(columns[n] for n in names)))
    if fmt == "json":
        return (json.dumps([dict(zip(names, r)) for r in rows], ensure_ascii=False) + "\n").encode()
    buf = io.StringIO(newline="")
    if fmt == "csv":
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(names)
        w.writerows([[_cell(v) for v in r] for r in rows])
    else:
        buf.write("\t".join(names) + "\n")
        for r in rows:
            buf.write("\t".join(_cell(v).replace("\t", " ").replace("\n", " ") for v in r) + "\n")
    return buf.getvalue().encode("utf-8")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=f"python3 -m {TOOL}", description="histext on a Dask cluster.")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp, formats, default):
        sp.add_argument("--scheduler", required=True, help="'local' (a LocalCluster here) or a scheduler ADDRESS")
        sp.add_argument("--workers", type=int, default=2, help="with --scheduler local: worker processes (1 thread each)")
        sp.add_argument("-f", "--format", choices=formats, default=default)
        sp.add_argument("-o", "--output", default="-", help="write to FILE (default: stdout)")
        sp.add_argument("--encoding", default="")
        sp.add_argument("--dehyphenate", action="store_true")
        sp.add_argument("files", nargs="+", metavar="FILES")

    f = sub.add_parser("freq", help="histext-freq --combine over FILES, as a map (shards) and a tree of merges")
    common(f, ["table", "tsv", "csv", "json"], "table")
    f.add_argument("--all", action="store_true")
    f.add_argument("--stopwords", default="default")
    f.add_argument("--add-stopwords", action="append", default=[])
    f.add_argument("--lemma", action="store_true")
    f.add_argument("--stem", action="store_true")
    f.add_argument("--numbers", action="store_true")
    f.add_argument("--ngrams", type=int, default=1)
    f.add_argument("--collocations", default="")
    f.add_argument("--window", type=int, default=5)
    f.add_argument("--top", type=int, default=0)
    f.add_argument("--min-count", type=int, default=1)
    f.add_argument("--min-length", type=int, default=1)
    f.add_argument("--combine", action="store_true", help="accepted for histext-freq's sake: the counts are always pooled")
    f.add_argument("--summary", action="store_true")
    f.add_argument("--files-per-task", type=int, default=1, help="files counted by one map task (default 1)")
    f.add_argument("--fan-in", type=int, default=4, help="shards read by one merge task of the tree (default 4)")

    e = sub.add_parser("entities", help="histext-entities per file: one table with a file column")
    common(e, ["tsv", "csv", "json"], "tsv")
    e.add_argument("--types", default="")
    e.add_argument("--keep-titles", action="store_true",
                   help="name a person with the title the text gives (General Kornilov)")
    e.add_argument("--body", action="store_true")
    e.add_argument("--pages", action="store_true")

    s = sub.add_parser("sentences", help="histext-sentences per file: every sentence, with a file column")
    common(s, ["tsv", "csv", "json"], "tsv")
    s.add_argument("--all", action="store_true")
    s.add_argument("--preview-words", type=int, default=8)
    return p


@contextlib.contextmanager
def connect(scheduler: str, workers: int):
    """A distributed Client: a LocalCluster of ``workers`` processes (1 thread each) for
    "local", else the running scheduler at ``scheduler``."""
    from dask.distributed import Client, LocalCluster

    if scheduler == "local":
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=":0") as cluster, Client(cluster) as client:
            yield client
    else:
        with Client(scheduler) as client:
            yield client


def run(args: argparse.Namespace) -> bytes:
    """Runs a parsed command line; returns the output bytes."""
    with connect(args.scheduler, args.workers) as client:
        base = {"encoding": args.encoding, "dehyphenate": args.dehyphenate}
        if args.command == "freq":
            shards, out = freq_graph(
                client, args.files, files_per_task=args.files_per_task, fan_in=args.fan_in, format=args.format,
                top=args.top, min_count=args.min_count, min_length=args.min_length, summary=args.summary,
                all=args.all, stopwords=args.stopwords, add_stopwords=args.add_stopwords, lemma=args.lemma,
                stem=args.stem, numbers=args.numbers, ngrams=args.ngrams, collocations=args.collocations,
                window=args.window, **base)
            _progress([out])
            return out.result()
        if args.command == "entities":
            table = entities(client, args.files, types=args.types or None, keep_titles=args.keep_titles,
                             body=args.body, pages=args.pages, **base)
        else:
            table = sentences(client, args.files, all=args.all, preview_words=args.preview_words, **base)
        return _write_table(table.columns, args.format)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Exit codes as the tools': 0 ok, 1 failure, 2 usage; errors as 'histext.dask: <message>'."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    if args.scheduler == "local" and args.workers < 1:
        print(f"{TOOL}: --workers must be at least 1", file=sys.stderr)
        return 2
    try:
        out = run(args)
        if args.output == "-":
            sys.stdout.buffer.write(out)
            sys.stdout.buffer.flush()
        else:
            tmp = args.output + ".tmp"
            with open(tmp, "wb") as fh:
                fh.write(out)
            os.replace(tmp, args.output)
    except (histext.Error, OSError) as e:
        print(f"{TOOL}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    # Run as histext.dask, not __main__: workers import the tasks by that module name.
    from histext.dask import main as _main

    sys.exit(_main())
