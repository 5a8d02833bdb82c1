"""The layers of a document (textfacts.Records), filled in on first use, behave as
plain lists of plain dicts for every operation users apply: each test takes a fresh
layer not yet filled and compares the operation's result with that on a plain copy."""

import collections.abc
import copy
import gc
import itertools
import json
import operator
import pickle
import pprint
import threading

import pytest

import textfacts
from conftest import NON_ASCII

TEXT = "Airstrikes hit a hospital in Aleppo, killing at least 27 people. Two more died in Homs on Monday."


@pytest.fixture(scope="module")
def analyzer():
    return textfacts.Analyzer()


def plain(value):
    """`value` as plain dicts and lists (reading through indexing only)."""
    if isinstance(value, dict):
        return {k: plain(value[k]) for k in value.keys()}
    if isinstance(value, list):
        return [plain(value[i]) for i in range(len(value))]
    return value


@pytest.fixture
def fresh(analyzer):
    """A function giving a new layer not yet filled and its plain copy."""

    def make(layer="numbers", text=TEXT):
        layer_value = analyzer.analyze(text)[layer]
        assert not is_filled(layer_value)
        return layer_value, plain(analyzer.analyze(text)[layer])

    return make


def is_filled(layer):
    return type(layer) is textfacts.Records


def test_analyze_and_batch_give_the_same_kind(analyzer):
    one = analyzer.analyze(TEXT)
    (batch,) = analyzer.analyze_batch([TEXT])
    for doc in (one, batch):
        assert type(doc) is dict
        assert list(doc) == list(textfacts.LAYERS) + ["tolls"]
        for value in doc.values():
            assert isinstance(value, textfacts.Records) and isinstance(value, list)
            assert isinstance(value, collections.abc.MutableSequence)
    assert [type(v) for v in one.values()] == [type(v) for v in batch.values()]
    assert one == batch


def test_filling_makes_a_plain_records_list(fresh):
    layer, want = fresh()
    assert len(layer) == len(want) > 0
    assert type(layer) is textfacts.Records  # filled: no method of its own but pickling
    assert list.__len__(layer) == len(want)  # the list's own memory holds the records
    assert all(type(r) is dict for r in layer)
    assert layer == want


def test_empty_layers_are_filled_from_the_start(analyzer):
    doc = analyzer.analyze("")
    assert all(is_filled(v) and v == [] and not v for v in doc.values())


@pytest.mark.parametrize(
    "operation",
    [
        lambda x, p: len(x),
        lambda x, p: bool(x),
        lambda x, p: x[0],
        lambda x, p: x[-1],
        lambda x, p: x[1:],
        lambda x, p: x[::-1],
        lambda x, p: list(x),
        lambda x, p: tuple(x),
        lambda x, p: [r for r in x],
        lambda x, p: [*x],
        lambda x, p: list(reversed(x)),
        lambda x, p: list(enumerate(x)),
        lambda x, p: sorted(x, key=lambda r: -r["start"]),
        lambda x, p: x.copy(),
        lambda x, p: x + [1],
        lambda x, p: [1] + x,
        lambda x, p: x * 2,
        lambda x, p: 2 * x,
        lambda x, p: x.count(p[0]),
        lambda x, p: x.index(p[-1]),
        lambda x, p: p[0] in x,
        lambda x, p: p[:1] < x,
        lambda x, p: p[:1] <= x,
        lambda x, p: x > p[:1],
        lambda x, p: x >= p,
        lambda x, p: json.dumps(x),
        lambda x, p: json.dumps({"layer": x}),
        lambda x, p: json.dumps([x, x], indent=2, sort_keys=True),
        lambda x, p: repr(x),
        lambda x, p: str(x),
        lambda x, p: f"{x}",
        lambda x, p: repr({"layer": x}),
        lambda x, p: pprint.pformat({"layer": x}),
        lambda x, p: copy.copy(x),
        lambda x, p: copy.deepcopy(x),
        lambda x, p: copy.deepcopy({"layer": x}),
        lambda x, p: pickle.loads(pickle.dumps(x)),
        lambda x, p: pickle.loads(pickle.dumps({"layer": x}, protocol=0)),
        lambda x, p: ",".join(r["text"] for r in x),
        lambda x, p: max(x, key=lambda r: r["end"]),
        lambda x, p: dict(zip(range(99), x)),
        lambda x, p: (lambda first, *rest: (first, rest))(*x),
        lambda x, p: operator.concat(x, [1]),
        lambda x, p: operator.length_hint(x),
        lambda x, p: list(itertools.chain(x, [1])),
        lambda x, p: list(collections.deque(x)),
    ],
)
def test_reading_operations_match_a_plain_list(fresh, operation):
    """`operation(layer, plain)`: `layer` not filled yet, `plain` a plain copy."""
    layer, want = fresh()
    assert operation(layer, want) == operation(plain(want), want)


def test_unpacking(fresh):
    layer, want = fresh()
    first, *rest = layer
    assert [first, *rest] == want
    layer, want = fresh()
    a, b = layer
    assert [a, b] == want


@pytest.mark.parametrize(
    "mutation",
    [
        lambda x, p: x.append({"start": 0}),
        lambda x, p: x.extend([{"start": 0}]),
        lambda x, p: x.insert(0, {"start": 0}),
        lambda x, p: x.pop(),
        lambda x, p: x.pop(0),
        lambda x, p: x.remove(p[0]),
        lambda x, p: x.reverse(),
        lambda x, p: x.sort(key=lambda r: -r["start"]),
        lambda x, p: x.clear(),
        lambda x, p: x.__setitem__(0, {}),
        lambda x, p: x.__setitem__(slice(0, 1), [{}, {}]),
        lambda x, p: x.__delitem__(0),
        lambda x, p: x.__iadd__([{}]),
        lambda x, p: x.__imul__(2),
        lambda x, p: operator.iconcat(x, [{}]),
    ],
)
def test_mutations_match_a_plain_list(fresh, mutation):
    layer, want = fresh()
    mutated = plain(want)
    assert mutation(layer, want) == mutation(mutated, want)
    assert layer == mutated and list(layer) == mutated


def test_equality_in_every_order(fresh, analyzer):
    layer, want = fresh()
    assert layer == want and want == layer and not layer != want and not want != layer
    a, b = fresh()[0], fresh()[0]
    assert a == b  # both not filled
    assert fresh()[0] != fresh("tokens")[0]
    assert {"numbers": fresh()[0]} == {"numbers": want} == {"numbers": fresh()[0]}
    doc = analyzer.analyze(TEXT)
    assert doc == plain(analyzer.analyze(TEXT)) == analyzer.analyze(TEXT)


def test_plain_list_operations_with_a_layer_as_argument(fresh):
    layer, want = fresh()
    out = [0]
    out.extend(layer)
    assert out == [0] + want
    layer, want = fresh()
    out = [0]
    out += layer
    assert out == [0] + want
    layer, want = fresh()
    out = [0]
    out[1:] = layer
    assert out == [0] + want
    layer, want = fresh()
    assert [[0], layer] == [[0], want]


def test_json_of_whole_documents(analyzer):
    texts = [TEXT, NON_ASCII, ""]
    for got, text in zip(analyzer.analyze_batch(texts), texts):
        want = plain(analyzer.analyze(text))
        assert json.dumps(got) == json.dumps(want)
        assert json.loads(json.dumps(got)) == want


def test_pickle_of_documents_gives_plain_lists(analyzer):
    doc = analyzer.analyze(TEXT)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(analyzer.analyze(TEXT), protocol=protocol))
        assert back == doc
        assert all(type(v) is list for v in back.values())
    back = pickle.loads(pickle.dumps(analyzer.analyze_batch([TEXT, NON_ASCII])))
    assert back == analyzer.analyze_batch([TEXT, NON_ASCII])


def test_hash_and_isinstance_as_a_list(fresh):
    layer, _ = fresh()
    with pytest.raises(TypeError):
        hash(layer)
    assert isinstance(layer, list) and not isinstance(layer, tuple)
    assert type(layer) is not list  # documented: a list subclass


def test_offsets_of_layers_filled_in_any_order(analyzer):
    text = NON_ASCII * 3
    doc = analyzer.analyze(text)
    for key in reversed(list(doc)):  # tolls first, tokens last
        for r in doc[key]:
            if "text" in r:
                assert text[r["start"] : r["end"]] == r["text"]


def test_materialize(analyzer):
    docs = analyzer.analyze_batch([TEXT, NON_ASCII, ""])
    assert textfacts.materialize(docs) is docs
    assert all(type(v) is textfacts.Records for d in docs for v in d.values())
    doc = analyzer.analyze(TEXT)
    assert textfacts.materialize(doc) is doc and is_filled(doc["tokens"])
    layer = analyzer.analyze(TEXT)["numbers"]
    assert textfacts.materialize(layer) is layer and is_filled(layer)
    assert textfacts.materialize(27) == 27


def test_code_reading_list_memory_fails_loudly_until_materialized(analyzer):
    pa = pytest.importorskip("pyarrow")
    docs = analyzer.analyze_batch([TEXT])
    # pyarrow infers the type of nested lists from their memory, not their methods.
    with pytest.raises(pa.ArrowInvalid, match="materialize"):
        pa.array([d["numbers"] for d in docs])
    textfacts.materialize(docs)
    got = pa.array([d["numbers"] for d in docs]).to_pylist()
    assert got == pa.array([plain(d["numbers"]) for d in docs]).to_pylist()
    # A layer itself goes through len() first, so it is filled.
    layer = analyzer.analyze(TEXT)["numbers"]
    assert pa.array(layer).to_pylist() == pa.array(plain(layer)).to_pylist()


def test_orjson_fails_loudly_until_materialized(analyzer):
    orjson = pytest.importorskip("orjson")
    doc = analyzer.analyze(TEXT)
    with pytest.raises(TypeError, match="Materialize"):
        orjson.dumps(doc)  # reads list memory directly
    assert json.loads(orjson.dumps(textfacts.materialize(doc))) == plain(doc)


def test_pandas_frame_of_a_layer(fresh):
    pd = pytest.importorskip("pandas")
    layer, want = fresh("tokens")
    assert pd.DataFrame(layer).equals(pd.DataFrame(want))


def test_garbage_collector_state_is_restored(fresh, analyzer):
    assert gc.isenabled()
    len(fresh()[0])
    textfacts.materialize(analyzer.analyze_batch([TEXT]))
    assert gc.isenabled()
    gc.disable()
    try:
        len(fresh()[0])
        textfacts.materialize(analyzer.analyze_batch([TEXT]))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_threads_filling_the_same_layers(analyzer):
    texts = [TEXT, NON_ASCII] * 50
    docs = analyzer.analyze_batch(texts)
    want = [plain(analyzer.analyze(t)) for t in texts]
    results = []

    def read():
        results.append([{k: list(v) for k, v in d.items()} for d in docs])

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and all(r == want for r in results)
