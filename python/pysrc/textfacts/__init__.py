"""Structured facts from news-style English text: tokens, sentences, gazetteer
entities, number phrases as intervals and casualty facts, with exact offsets.

See ``textfacts/__init__.pyi`` (or ``help(textfacts.Analyzer)``) for the API and
python/README.md for notebooks, pandas/Polars, Spark and Ray.
"""

import inspect as _inspect

from ._textfacts import Analyzer as _NativeAnalyzer
from ._textfacts import __version__, parse_number
from ._records import Records, materialize

__all__ = ["Analyzer", "LAYERS", "Records", "materialize", "parse_number", "__version__"]

#: Every layer name, in output order.
LAYERS = ("tokens", "sentences", "entities", "numbers", "casualties")


class _ArrowSchema:
    """``Analyzer.arrow_schema(layers=None)`` on the class, ``analyzer.arrow_schema()``
    on an instance: the schema of ``analyze_arrow``'s batches."""

    def __get__(self, obj, cls=None):
        if obj is None:

            def arrow_schema(layers=None):
                """The pyarrow.Schema of analyze_arrow's batches for ``layers`` (None: all)."""
                return _NativeAnalyzer._schema_for(layers)

        else:

            def arrow_schema():
                """The pyarrow.Schema of this analyzer's analyze_arrow batches."""
                return obj._arrow_schema()

        return arrow_schema


class Analyzer(_NativeAnalyzer):
    __doc__ = """Analyzer(layers=None, gazetteers=(), default_gazetteer=True, case_mode="smart", offsets="char")

    Build once, analyse many. ``layers``: a subset of ``textfacts.LAYERS``
    (None: all); ``gazetteers``: TSV or JSONL files (``.jsonl``) added to the
    built-in one (unless ``default_gazetteer=False``); ``case_mode``: "smart" or
    "insensitive"; ``offsets``: "char" (Python ``str`` indices), "utf16" or
    "byte". Picklable; safe to use after ``fork``.
    """
    __slots__ = ()
    arrow_schema = _ArrowSchema()


def _signature():
    P = _inspect.Parameter
    args = [("layers", None), ("gazetteers", ()), ("default_gazetteer", True), ("case_mode", "smart"), ("offsets", "char")]
    return _inspect.Signature([P(name, P.POSITIONAL_OR_KEYWORD, default=d) for name, d in args])


# The documented signature (the native constructor takes None for "no gazetteers").
Analyzer.__signature__ = _signature()
