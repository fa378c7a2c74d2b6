"""histext from Python: the C++ library's analyses of historical English texts.

Every function takes a text (``text=``, a str or UTF-8 bytes) or a file (``path=``) and the
options of the matching histext-<tool> command as keyword arguments (``--min-count`` becomes
``min_count``). Calls go straight to the C++ library, with the GIL released while it runs.

Offsets (``begin``, ``end``) are byte offsets into the UTF-8 text, as in C++; every offset column
has a code-point twin (``begin_char``, ``end_char``) that indexes the Python str ``result.text``.
Failures raise :class:`histext.Error` (its message names the input and the position).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Optional, Sequence, Union

from . import _config

# The library finds its data files through $HISTEXT_DATA_DIR first; an interpreter is no
# histext-<tool> executable beside share/histext, so point it at this package's copy.
if not os.environ.get("HISTEXT_DATA_DIR") and os.path.isdir(_config.DATA_DIR):
    os.environ["HISTEXT_DATA_DIR"] = _config.DATA_DIR

from . import _histext  # noqa: E402  (after the data folder is known)

__all__ = [
    "Error", "Table", "Tokens", "Sentences", "Entity", "Entities", "Freq", "Keywords",
    "tokens", "sentences", "entities", "freq", "keywords", "report", "shard", "merge", "char_offsets",
    "version",
]

#: The one exception histext raises: the library's histext::error (message: input and position).
Error = _histext.Error

PathArg = Union[str, "os.PathLike[str]"]
TextArg = Union[str, bytes]


def version() -> str:
    """The library's version, MAJOR.MINOR.PATCH."""
    return _histext.version()


# ---------------------------------------------------------------------------------------------
# Results


@dataclass
class Table:
    """Rows as a dict of equally long column lists (``table["word"]`` is a column)."""

    columns: dict

    def __len__(self) -> int:
        return len(next(iter(self.columns.values()), []))

    def __getitem__(self, column: str) -> list:
        return self.columns[column]

    def __contains__(self, column: str) -> bool:
        return column in self.columns

    def keys(self):
        """The column names, in order."""
        return self.columns.keys()

    def rows(self) -> Iterator[dict]:
        """Each row as a dict of column -> value."""
        names = list(self.columns)
        for values in zip(*(self.columns[n] for n in names)):
            yield dict(zip(names, values))

    def to_pandas(self):
        """A pandas DataFrame of the columns (pandas must be importable)."""
        import pandas

        return pandas.DataFrame(self.columns)


@dataclass
class Tokens:
    """histext-tokens: blocks, sentences and tokens of one input, and their counts."""

    name: str
    text: str
    info: dict
    tokens: Table
    sentences: Table
    blocks: Table
    summary: dict

    def to_pandas(self):
        """The tokens as a DataFrame."""
        return self.tokens.to_pandas()


@dataclass
class Sentences:
    """histext-sentences: per-sentence counts, summary and readability of one input."""

    name: str
    text: str
    info: dict
    all: bool
    framed: bool
    summary: dict
    outside_body: dict
    sentences: Table

    def to_pandas(self):
        """The sentences as a DataFrame."""
        return self.sentences.to_pandas()


@dataclass
class Entity:
    """One person, group, place, work or other, with every mention (a Table with offsets)."""

    name: str
    type: str
    aliases: list
    evidence: list
    mentions: Table

    @property
    def count(self) -> int:
        """The number of mentions."""
        return len(self.mentions)


@dataclass
class Entities:
    """histext-entities: the entities of one input in order of first mention; ``cooccurrence``
    (pairs, centrality) when asked for, else None."""

    name: str
    text: str
    info: dict
    entities: list
    cooccurrence: Optional[dict] = None

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self):
        return iter(self.entities)

    def table(self) -> Table:
        """One row per entity: name, type, count, aliases, evidence (as histext-entities lists them)."""
        return Table({
            "name": [e.name for e in self.entities],
            "type": [e.type for e in self.entities],
            "count": [e.count for e in self.entities],
            "aliases": [list(e.aliases) for e in self.entities],
            "evidence": [list(e.evidence) for e in self.entities],
        })

    def mentions(self) -> Table:
        """Every mention, with its entity's name and type, in entity order."""
        cols: dict = {"entity": [], "type": []}
        for e in self.entities:
            n = len(e.mentions)
            cols["entity"] += [e.name] * n
            cols["type"] += [e.type] * n
            for k, v in e.mentions.columns.items():
                cols.setdefault(k, []).extend(v)
        return Table(cols)

    def to_pandas(self):
        """The entity table as a DataFrame."""
        return self.table().to_pandas()


@dataclass
class Freq:
    """histext-freq: word rows (``per_input`` counts with several inputs and no ``combine``),
    summaries and, with ``collocations=``, the collocates. Undefined reals are NaN."""

    inputs: list
    summary: dict
    per_input_summary: list
    words: Table
    collocate: str
    node_count: int
    node_region: int
    collocates: Table

    def to_pandas(self):
        """The word rows as a DataFrame."""
        return self.words.to_pandas()


@dataclass
class Keywords:
    """histext-keywords: the words the target uses more (direction +1) or less (-1) than the reference."""

    target: dict
    reference: dict
    measure: str
    keywords: Table

    def to_pandas(self):
        """The keyword rows as a DataFrame."""
        return self.keywords.to_pandas()


# ---------------------------------------------------------------------------------------------
# Inputs and options


def _encode(text: TextArg) -> bytes:
    if isinstance(text, bytes):
        return text
    if isinstance(text, str):
        return text.encode("utf-8")
    raise TypeError(f"text must be str or bytes, not {type(text).__name__}")


def _one_source(text, path, name):
    if (text is None) == (path is None):
        raise TypeError("give exactly one of text= and path=")
    if path is not None:
        p = os.fspath(path)
        return _histext.Source(True, p, p)
    return _histext.Source(False, _encode(text), name or "<text>")


def _sources(text, path, name="") -> list:
    """Several inputs: text= and path= each a single value or a list (texts first, then files)."""
    if text is None and path is None:
        raise TypeError("give text= or path= (a value or a list)")
    out = []
    if text is not None:
        texts = [text] if isinstance(text, (str, bytes)) else list(text)
        for i, t in enumerate(texts):
            n = name or "<text>"
            out.append(_histext.Source(False, _encode(t), n if len(texts) == 1 else f"{n} {i + 1}"))
    if path is not None:
        paths = [path] if isinstance(path, (str, bytes, os.PathLike)) else list(path)
        for p in paths:
            p = os.fspath(p)
            out.append(_histext.Source(True, p, p))
    return out


def _bounded(option: str, value, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise Error(f"{option}: {value!r} is not an integer from {lo} to {hi}")
    return value


def _counting(*, dehyphenate, all, stopwords, add_stopwords, lemma, stem, numbers, ngrams,
              collocations, window, combine=False, top=0, min_count=1, min_length=1, threads=0) -> dict:
    """histext-freq's counting options, checked as the tool checks them."""
    if lemma and stem:
        raise Error("--lemma excludes --stem")
    if isinstance(add_stopwords, (str, os.PathLike)):
        add_stopwords = [add_stopwords]
    return {
        "dehyphenate": bool(dehyphenate), "all": bool(all), "numbers": bool(numbers),
        "stopwords": os.fspath(stopwords), "add_stopwords": [os.fspath(p) for p in add_stopwords],
        "form": "lemma" if lemma else "stem" if stem else "norm",
        "ngrams": _bounded("--ngrams", ngrams, 1, 5), "collocations": str(collocations),
        "window": _bounded("--window", window, 1, 1000), "combine": bool(combine),
        "top": _bounded("--top", top, 0, 1_000_000_000),
        "min_count": _bounded("--min-count", min_count, 0, 1_000_000_000_000),
        "min_length": _bounded("--min-length", min_length, 0, 1_000_000_000),
        "threads": _bounded("--threads", threads, 0, 256),
    }


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _shard_meta(encoding: str, c: dict) -> list:
    """The counting options as histext-freq --shard records them (its JSON meta's spelling)."""
    return [
        ("encoding", encoding), ("dehyphenate", _flag(c["dehyphenate"])), ("all", _flag(c["all"])),
        ("stopwords", c["stopwords"]), ("add_stopwords", ",".join(c["add_stopwords"])),
        ("lemma", _flag(c["form"] == "lemma")), ("stem", _flag(c["form"] == "stem")),
        ("numbers", _flag(c["numbers"])), ("ngrams", str(c["ngrams"])),
        ("collocations", c["collocations"]), ("window", str(c["window"])),
        ("scope", "all" if c["all"] else "body"), ("form", c["form"]),
    ]


def _merge_meta(fmt: str, top: int, min_count: int, min_length: int, summary: bool) -> list:
    """histext-freq --merge's own options in its meta order, before the shards' options replace
    theirs (defaults for the counting options, which every shard records)."""
    return [
        ("format", fmt), ("encoding", ""), ("dehyphenate", "false"), ("all", "false"),
        ("stopwords", "default"), ("add_stopwords", ""), ("lemma", "false"), ("stem", "false"),
        ("numbers", "false"), ("ngrams", "1"), ("collocations", ""), ("window", "5"),
        ("top", str(top)), ("min_count", str(min_count)), ("min_length", str(min_length)),
        ("combine", "false"), ("summary", _flag(summary)), ("scope", "body"),
    ]


def _freq_result(d: dict) -> Freq:
    return Freq(
        inputs=d["inputs"], summary=d["summary"], per_input_summary=d["per_input_summary"],
        words=Table(d["words"]), collocate=d["collocate"], node_count=d["node_count"],
        node_region=d["node_region"], collocates=Table(d["collocates"]))


# ---------------------------------------------------------------------------------------------
# The analyses


def tokens(text: Optional[TextArg] = None, *, path: Optional[PathArg] = None, name: str = "",
           encoding: str = "", dehyphenate: bool = False, split_hyphens: bool = False) -> Tokens:
    """Blocks, sentences and tokens of a text or file (histext-tokens).

    ``encoding``: "" (UTF-8), "auto" or an ICU converter name; ``name`` names a text in messages.
    """
    d = _histext.tokens(_one_source(text, path, name), encoding, dehyphenate, split_hyphens)
    return Tokens(name=d["name"], text=d["text"], info=d["info"], tokens=Table(d["tokens"]),
                  sentences=Table(d["sentences"]), blocks=Table(d["blocks"]), summary=d["summary"])


def sentences(text: Optional[TextArg] = None, *, path: Optional[PathArg] = None, name: str = "",
              encoding: str = "", dehyphenate: bool = False, all: bool = False,
              preview_words: int = 8) -> Sentences:
    """Sentence statistics and readability of a text or file (histext-sentences)."""
    d = _histext.sentences(_one_source(text, path, name), encoding, dehyphenate, all,
                           _bounded("--preview-words", preview_words, 1, 1000))
    return Sentences(name=d["name"], text=d["text"], info=d["info"], all=d["all"], framed=d["framed"],
                     summary=d["summary"], outside_body=d["outside_body"], sentences=Table(d["sentences"]))


def entities(text: Optional[TextArg] = None, *, path: Optional[PathArg] = None, name: str = "",
             encoding: str = "", dehyphenate: bool = True, types: Union[str, Sequence[str], None] = None,
             keep_titles: bool = False, body: bool = False, pages: bool = False,
             cooccurrence: bool = False, model: PathArg = "", gazetteer: PathArg = "",
             exclude: PathArg = "") -> Entities:
    """Named people, groups and places of a text or file (histext-entities).

    ``types``: "person,group" or a list of type names (default: every type).
    ``dehyphenate``: join words broken at a line end (on by default, as in histext-entities).
    ``keep_titles``: name a person with the title the text gives ("General Kornilov"), not only
    as an alias (--keep-titles).
    ``model``: a model file written by histext-train (default: the shipped model).
    ``gazetteer``, ``exclude``: your corrections (docs/corrections.md).
    """
    if types is None:
        types = []
    elif isinstance(types, str):
        types = [t for t in types.split(",") if t]
    d = _histext.entities(_one_source(text, path, name), encoding, dehyphenate, list(types),
                          keep_titles, body, pages, cooccurrence, str(model), str(gazetteer), str(exclude))
    found = [Entity(name=e["name"], type=e["type"], aliases=e["aliases"], evidence=e["evidence"],
                    mentions=Table(e["mentions"])) for e in d["entities"]]
    return Entities(name=d["name"], text=d["text"], info=d["info"], entities=found,
                    cooccurrence=d["cooccurrence"])


def freq(text: Union[TextArg, Sequence[TextArg], None] = None, *,
         path: Union[PathArg, Sequence[PathArg], None] = None, name: str = "", encoding: str = "",
         dehyphenate: bool = False, all: bool = False, stopwords: PathArg = "default",
         add_stopwords: Union[PathArg, Sequence[PathArg]] = (), lemma: bool = False, stem: bool = False,
         numbers: bool = False, ngrams: int = 1, collocations: str = "", window: int = 5, top: int = 0,
         min_count: int = 1, min_length: int = 1, combine: bool = False, threads: int = 0) -> Freq:
    """Word frequencies, lexical diversity, n-grams and collocations (histext-freq).

    ``text=`` and ``path=`` each take one value or a list; several inputs give a count per input
    (``words["per_input"]``) unless ``combine``. ``threads=0``: one per core (never changes results).
    """
    c = _counting(dehyphenate=dehyphenate, all=all, stopwords=stopwords, add_stopwords=add_stopwords,
                  lemma=lemma, stem=stem, numbers=numbers, ngrams=ngrams, collocations=collocations,
                  window=window, combine=combine, top=top, min_count=min_count, min_length=min_length,
                  threads=threads)
    return _freq_result(_histext.freq(_sources(text, path, name), encoding, c))


def keywords(target: Union[TextArg, Sequence[TextArg], None] = None,
             reference: Union[TextArg, Sequence[TextArg], None] = None, *,
             target_path: Union[PathArg, Sequence[PathArg], None] = None,
             reference_path: Union[PathArg, Sequence[PathArg], None] = None, encoding: str = "",
             dehyphenate: bool = False, all: bool = False, stopwords: PathArg = "default",
             add_stopwords: Union[PathArg, Sequence[PathArg]] = (), lemma: bool = False,
             stem: bool = False, numbers: bool = False, measure: str = "g2", min_count: int = 1,
             top: int = 0, threads: int = 0) -> Keywords:
    """Keywords of a target corpus against a reference corpus (histext-keywords).

    Each side is texts (``target=``, ``reference=``) and/or files (``target_path=``,
    ``reference_path=``); ``measure``: "g2", "log-ratio" or "pct-diff".
    """
    c = _counting(dehyphenate=dehyphenate, all=all, stopwords=stopwords, add_stopwords=add_stopwords,
                  lemma=lemma, stem=stem, numbers=numbers, ngrams=1, collocations="", window=5,
                  threads=threads)
    d = _histext.keywords(_sources(target, target_path, "<target>"),
                          _sources(reference, reference_path, "<reference>"), encoding, c, measure,
                          _bounded("--min-count", min_count, 0, 1_000_000_000_000),
                          _bounded("--top", top, 0, 1_000_000_000))
    return Keywords(target=d["target"], reference=d["reference"], measure=d["measure"],
                    keywords=Table(d["keywords"]))


def shard(text: Union[TextArg, Sequence[TextArg], None] = None, *,
          path: Union[PathArg, Sequence[PathArg], None] = None, name: str = "", encoding: str = "",
          dehyphenate: bool = False, all: bool = False, stopwords: PathArg = "default",
          add_stopwords: Union[PathArg, Sequence[PathArg]] = (), lemma: bool = False, stem: bool = False,
          numbers: bool = False, ngrams: int = 1, collocations: str = "", window: int = 5,
          threads: int = 0) -> bytes:
    """Mergeable counts of the inputs (the bytes ``histext-freq --shard`` writes for the same
    files and options): the map step of a count over many files. See :func:`merge`."""
    c = _counting(dehyphenate=dehyphenate, all=all, stopwords=stopwords, add_stopwords=add_stopwords,
                  lemma=lemma, stem=stem, numbers=numbers, ngrams=ngrams, collocations=collocations,
                  window=window, threads=threads)
    return _histext.shard(_sources(text, path, name), encoding, c, _shard_meta(encoding, c))


def merge(shards: Iterable[bytes], *, names: Optional[Sequence[str]] = None, as_shard: bool = False,
          format: Optional[str] = None, top: int = 0, min_count: int = 1, min_length: int = 1,
          summary: bool = False) -> Union[bytes, Freq]:
    """Merges shards (from :func:`shard` or ``histext-freq --shard``) made with the same options.

    ``as_shard``: the merged shard's bytes (merges may form a tree). ``format`` ("table", "tsv",
    "csv", "json"): the bytes ``histext-freq --merge`` (= ``--combine`` over the inputs in name
    order) writes, with ``summary`` as ``--summary``. Otherwise a :class:`Freq` of the pooled
    counts. ``names`` name the shards in messages. The order of the shards never matters.
    """
    shards = [bytes(s) for s in shards]
    names = list(names) if names is not None else []
    top = _bounded("--top", top, 0, 1_000_000_000)
    min_count = _bounded("--min-count", min_count, 0, 1_000_000_000_000)
    min_length = _bounded("--min-length", min_length, 0, 1_000_000_000)
    if as_shard:
        return _histext.merge(shards, names, "shard", 0, 1, 1, False, [])
    if format is not None:
        if format not in ("table", "tsv", "csv", "json"):
            raise Error(f"--format: {format!r} is not one of table, tsv, csv, json")
        return _histext.merge(shards, names, format, top, min_count, min_length, summary,
                              _merge_meta(format, top, min_count, min_length, summary))
    return _freq_result(_histext.merge(shards, names, "result", top, min_count, min_length, False, []))


def report(text: Union[TextArg, Sequence[TextArg], None] = None, *,
           path: Union[PathArg, Sequence[PathArg], None] = None, name: str = "", encoding: str = "",
           top_words: int = 20, text_view_bytes: int = 256 * 1024) -> str:
    """The self-contained HTML page of histext-report for one or more texts or files, as a str.

    Write it to a file and open it in a browser; it needs no network (docs/report.md).
    """
    top_words = _bounded("top_words", top_words, 1, 1000)
    html = _histext.report(_sources(text, path, name), encoding, top_words, int(text_view_bytes))
    return html.decode("utf-8")


def char_offsets(text: TextArg, byte_offsets: Iterable[int]) -> list:
    """Code-point offsets (indices into the Python str) of byte offsets into ``text``'s UTF-8.

    Raises :class:`Error` for an offset inside a UTF-8 sequence or past the end.
    """
    return _histext.char_offsets(_encode(text), [int(b) for b in byte_offsets])
