"""Structured facts from news-style English text, with exact offsets.

Tokens, sentences, gazetteer entities, number phrases as intervals and casualty
facts, from the Rust crate ``textfacts``. Records have the structure of the
analyze example's JSON (``shared/docs/analyze-example.md``); they are written from
the crate's serde model, so fields the crate adds appear without a new binding.
"""

from os import PathLike
from typing import Any, Iterable, Literal, Optional, Sequence, Union

import pyarrow

__version__: str
"""The package version (that of the Rust crate it was built from)."""

LAYERS: tuple[str, ...]
"""Every layer name, in output order: tokens, sentences, entities, numbers, casualties."""

Layer = Literal["tokens", "sentences", "entities", "numbers", "casualties"]
OffsetUnit = Literal["char", "utf16", "byte"]
Document = dict[str, Any]
"""One analysed text: a key per computed layer (and e.g. ``tolls`` with casualties),
each a list of records (dicts) as in the analyze example's JSON."""

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

        NUL characters and texts of many megabytes are fine. Lone surrogates are
        read as U+FFFD, which keeps every offset in every unit.

        Raises:
            TypeError: ``text`` is not a ``str``.
        """
    def analyze_batch(self, texts: Iterable[str]) -> list[Document]:
        """Analyses many texts on all cores, with the GIL released while Rust works;
        the results are those of ``analyze``, in order.

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
