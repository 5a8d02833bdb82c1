"""The layers of a document: lists of record dicts, filled in on first use.

A batch of news makes millions of records (one per token, number, entity...), and
building a Python dict for each costs more than the whole analysis in Rust. So
``analyze`` and ``analyze_batch`` return real ``dict`` documents whose layers are
``Records`` lists that stay unfilled until first used: the first method called on
one (``len``, iteration, indexing, ``==``, ``repr``, ``json.dumps``, pickling,
``copy``...) makes its dicts from the analysis kept in Rust, and from then on it is
a plain ``Records`` (a ``list`` subclass with no method of its own but pickling),
as fast as a list.

A layer not yet filled is a ``_PendingRecords``, a subclass of ``Records`` whose
every ``list`` method fills it first (and any unfilled layer passed to it: ``a ==
b``), then runs the ``list`` method. Python's C fast paths that skip a subclass's
methods all test for an exact ``list`` (``PyList_CheckExact``), so they never see
a pending layer; C code of other libraries that reads a list's memory without
calling its methods (pyarrow's type inference, orjson) finds one placeholder
object there and fails, the placeholder's type and repr naming ``materialize``,
which fills everything at once.
"""

from ._textfacts import _fill, _fill_all

__all__ = ["Records", "materialize"]


class Records(list):
    """One layer of a document (``doc["tokens"]``, ``doc["numbers"]``...): a ``list``
    of record dicts, filled in from the analysis on first use.

    It is a ``list`` in every way users can see (``isinstance(x, list)``, ``==``
    with plain lists, indexing, slicing, iteration, ``json.dumps``...), except
    ``type(x) is list``. Pickling and ``copy.copy`` give a plain ``list``.
    """

    __slots__ = ("_src",)

    def __reduce_ex__(self, protocol):
        return (list, (list(self),))

    def __reduce__(self):
        return (list, (list(self),))


class LayerNotFilled_CallTextfactsMaterialize:
    """What a layer not yet filled holds, for code that reads list memory directly:
    its name and its repr tell what to do, in whatever error that code raises."""

    __slots__ = ()

    def __repr__(self):
        return ("<textfacts layer not filled yet: this code reads list memory without calling "
                "len() or iter(); call textfacts.materialize(docs) first>")


_NOT_FILLED = LayerNotFilled_CallTextfactsMaterialize()

# Methods that need no filling: construction, attribute access, hashing (None).
_AS_IS = {"__new__", "__init__", "__getattribute__", "__hash__", "__class_getitem__", "__doc__"}


def _filling(name):
    method = getattr(Records, name)

    def filled_first(self, *args, **kwargs):
        _fill(self)
        for arg in args:
            if type(arg) is _PendingRecords:
                _fill(arg)
        return method(self, *args, **kwargs)

    filled_first.__name__ = name
    filled_first.__qualname__ = "Records." + name
    filled_first.__doc__ = method.__doc__
    return filled_first


def _radd(self, other):
    # `[...] + layer`: filled, the list's own concatenation (tried next) sees it.
    _fill(self)
    return NotImplemented


_PendingRecords = type(
    "_PendingRecords",
    (Records,),
    {
        "__slots__": (),
        "__module__": __name__,
        "__doc__": Records.__doc__,
        "__radd__": _radd,
        **{name: _filling(name) for name in [*vars(list), "__reduce_ex__", "__reduce__"] if name not in _AS_IS},
    },
)


def materialize(obj):
    """Fills every layer not yet filled in ``obj`` (a document, a list of documents,
    or one layer) and returns ``obj``.

    Only needed before handing documents to C code that reads list memory without
    calling ``len()`` or iterating (pyarrow's type inference of nested lists,
    orjson); everything else fills a layer when it first touches it. It is also
    the fastest way to fill everything: the garbage collector is paused once for
    all layers rather than once per layer.
    """
    pending = []
    _collect(obj, pending, 2)
    _fill_all(pending)
    return obj


def _collect(obj, pending, depth):
    if type(obj) is _PendingRecords:
        pending.append(obj)
    elif isinstance(obj, dict):
        pending.extend(v for v in obj.values() if type(v) is _PendingRecords)
    elif depth and isinstance(obj, (list, tuple)) and not isinstance(obj, Records):
        for item in obj:
            _collect(item, pending, depth - 1)
