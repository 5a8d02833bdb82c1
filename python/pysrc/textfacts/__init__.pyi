"""Structured facts from news-style English text, with exact offsets.

Tokens, sentences, gazetteer entities, number phrases as intervals and casualty
facts, from the Rust crate ``textfacts``. Records have the structure of the
analyze example's JSON (``shared/docs/analyze-example.md``); they are written from
the crate's serde model, so fields the crate adds appear without a new binding.
"""

from os import PathLike
from typing import Any, Iterable, Literal, Optional, Sequence, TypeVar, Union

import pyarrow

__version__: str
"""The package version (that of the Rust crate it was built from)."""

LAYERS: tuple[str, ...]
"""Every layer name, in output order: tokens, sentences, entities, numbers, casualties."""

Layer = Literal["tokens", "sentences", "entities", "numbers", "casualties"]
OffsetUnit = Literal["char", "utf16", "byte"]
Record = dict[str, Any]
"""One record (a token, a number phrase, an entity...): a plain ``dict`` as in the
analyze example's JSON."""

class Records(list[Record]):
    """One layer of a document (``doc["tokens"]``, ``doc["numbers"]``...): a ``list``
    subclass holding the layer's records, plain dicts, in text order.

    A layer is filled in from the analysis (kept in Rust) the first time it is used:
    a batch of news has millions of records, and most programs read only some
    layers. Until then it is an instance of a private subclass of ``Records``; any
    ``list`` method fills it (``len``, ``bool``, iteration, indexing, slicing,
    ``in``, ``==`` and ordering with lists or other layers, ``+``, ``*``, ``repr``,
    every mutating method), and so does whatever goes through them: ``list(x)``,
    ``json.dumps`` (C and Python encoders), ``pickle``, ``copy``, ``pprint``,
    ``pandas.DataFrame(x)``, ``pyarrow.array(x)``. From then on ``type(x) is
    Records``, with the speed of a plain list. ``isinstance(x, list)`` is always
    true, ``type(x) is list`` never; ``pickle`` and ``copy.copy`` give a plain
    ``list``.

    C code that reads a list's memory without calling its methods (pyarrow's type
    inference of a list of layers, orjson) finds one placeholder object in a layer
    not yet filled and fails, the error naming ``materialize`` (the placeholder's
    type or repr): call ``materialize(docs)`` first. Code that wants exactly ``list`` (``yaml.safe_dump``) can be given
    ``list(layer)``.
    """

Document = dict[str, Records]
"""One analysed text: a plain ``dict`` with a key per computed layer (and e.g.
``tolls`` with casualties), each a ``Records`` list of record dicts as in the
analyze example's JSON."""

_T = TypeVar("_T")

def materialize(obj: _T) -> _T:
    """Fills every layer not yet filled in ``obj`` (a document, a list of documents
    or one layer) and returns ``obj``.

    Needed only before handing documents to C code that reads list memory directly
    (pyarrow's type inference of nested lists, orjson). It is also the quickest way
    to fill every layer of a batch: the garbage collector is paused once for all.
    """

class Analyzer:
    """Build once, analyse many texts.

    Args:
        layers: any subset of ``LAYERS`` (None: all). Only those are returned, and
            only they and what they need are computed.
        gazetteers: paths of TSV (``name<TAB>label<TAB>id<TAB>canonical``) or JSON
            Lines (``.jsonl``/``.json``/``.ndjson``) gazetteers, added to the built-in
            one (unless ``default_gazetteer`` is False).
        default_gazetteer: whether to match the built-in GeoNames-derived gazetteer.
        case_mode: ``"smart"`` (capitalised names match capitalised words only) or
            ``"insensitive"`` (for text without reliable case).
        offsets: the unit of every ``start``/``end``: ``"char"`` (Python ``str``
            indices, so ``text[r["start"]:r["end"]] == r["text"]``), ``"utf16"``
            (JavaScript, Java) or ``"byte"`` (UTF-8, as the Rust crate reports).

    Raises:
        ValueError: a malformed gazetteer line (the message names the file and the
            line), an unknown layer, case mode or offset unit.
        FileNotFoundError, OSError: a gazetteer file cannot be read.
        TypeError: ``layers`` or ``gazetteers`` is a single ``str``.

    An Analyzer pickles (its arguments and its gazetteers' bytes, so the files need
    not exist where it is unpickled) and may be used by a process forked from one
    that used it: the child starts its own worker threads.
    """

    def __init__(
        self,
        layers: Optional[Iterable[Layer]] = None,
        gazetteers: Iterable[Union[str, PathLike[str]]] = (),
        default_gazetteer: bool = True,
        case_mode: Literal["smart", "insensitive"] = "smart",
        offsets: OffsetUnit = "char",
    ) -> None: ...
    @property
    def layers(self) -> list[str]:
        """The layers this analyzer computes, in output order."""
    @property
    def offsets(self) -> OffsetUnit:
        """The unit of the offsets it reports."""
    @property
    def columns(self) -> list[str]:
        """The top-level keys of its documents, which are also the columns of
        ``analyze_arrow`` (e.g. ``tolls`` besides ``casualties``)."""
    def analyze(self, text: str) -> Document:
        """Analyses one text; never fails on any ``str``.

        The document is a ``dict`` of ``Records`` layers, each filled in with its
        record dicts when first used (see ``Records``); ``analyze_batch`` returns
        the same kind of documents.

        NUL characters and texts of many megabytes are fine. Lone surrogates are
        read as U+FFFD, which keeps every offset in every unit.

        Raises:
            TypeError: ``text`` is not a ``str``.
        """
    def analyze_batch(self, texts: Iterable[str]) -> list[Document]:
        """Analyses many texts on all cores, with the GIL released while Rust works;
        the results are those of ``analyze``, in order.

        The whole analysis is done before it returns; each layer's dicts are made
        when it is first used (see ``Records``; ``materialize`` makes them all).

        Raises:
            TypeError: an item is not a ``str`` (the message gives its index), or
                ``texts`` is a single ``str``.
        """
    def analyze_arrow(self, texts: Any) -> pyarrow.RecordBatch:
        """Analyses an Arrow column of texts on all cores, the GIL released.

        ``texts``: an Arrow ``string``, ``large_string`` or ``string_view`` array or
        chunked array from pyarrow, or any object with the Arrow PyCapsule interface
        (``__arrow_c_array__`` / ``__arrow_c_stream__``: Polars, DuckDB, nanoarrow),
        or a sequence of ``str`` (converted with pyarrow).

        Returns one row per input row and one column per key of ``columns``, each a
        ``list<struct<...>>`` whose fields mirror the JSON records: offsets
        ``int32`` in the analyzer's unit, counts ``int64``, interval bounds
        ``float64`` (null: unbounded), names of kinds and outcomes as
        dictionary-encoded strings, spans and places as structs. A null input row
        gives a null row; a field a dict leaves out (``unit`` of a plain number) is
        null. See ``arrow_schema``.

        The batch's large buffers (256 KB and more) come back to this analyzer when
        the last array using them is dropped, and its next batch is written into
        them (their memory pages are already in place: no page faults). Up to
        96 MB of them are kept per analyzer.

        Raises:
            TypeError: ``texts`` is not an array of strings.
            ValueError: an offset beyond 2 GiB (a single text that long).
        """
    def arrow_schema(self, layers: Optional[Iterable[Layer]] = None) -> pyarrow.Schema:
        """The schema of ``analyze_arrow``'s batches.

        On an instance (``analyzer.arrow_schema()``): its own columns. On the class
        (``Analyzer.arrow_schema(layers=None)``): the columns for ``layers`` (None:
        all). Derived from the Rust crate's serde model, so it follows the crate.
        """
    def __reduce__(self) -> tuple[Any, ...]: ...

def parse_number(phrase: str) -> Optional[dict[str, Any]]:
    """The interval a whole number phrase denotes, or None if it is not one.

    ``parse_number("at least 27") == {"low": 27, "low_inclusive": True, "high": None,
    "high_inclusive": False}``; bounds are ``int`` when integral, ``None`` when
    unbounded.

    Raises:
        TypeError: ``phrase`` is not a ``str``.
    """
