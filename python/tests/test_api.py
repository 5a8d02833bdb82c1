"""Each API point of the textfacts Python package."""

import json
import multiprocessing
import os
import pickle
import subprocess
import sys
import textwrap

import pytest

import textfacts
from conftest import NON_ASCII, drop_nulls, spans

pa = pytest.importorskip("pyarrow")

TEXT = "Airstrikes hit a hospital in Aleppo, killing at least 27 people."


@pytest.fixture(scope="module")
def analyzer():
    return textfacts.Analyzer()


def test_version_and_layers():
    assert isinstance(textfacts.__version__, str) and textfacts.__version__.count(".") == 2
    assert textfacts.LAYERS == ("tokens", "sentences", "entities", "numbers", "casualties")
    assert textfacts.Analyzer().layers == list(textfacts.LAYERS)


def test_analyze_is_the_json_structure(analyzer):
    doc = analyzer.analyze(TEXT)
    assert isinstance(doc, dict)
    assert list(doc)[:5] == list(textfacts.LAYERS)
    n = doc["numbers"][0]
    assert (n["start"], n["end"], n["text"], n["kind"]) == (45, 56, "at least 27", "number")
    assert n["interval"] == {"low": 27, "low_inclusive": True, "high": None, "high_inclusive": False}
    assert n["noun"] == {"start": 57, "end": 63, "text": "people"}
    aleppo = next(e for e in doc["entities"] if e["text"] == "Aleppo")
    assert (aleppo["start"], aleppo["label"]) == (29, "LOC")
    fact = doc["casualties"][0]
    assert fact["outcome"] == "killed" and fact["location"]["text"] == "Aleppo"
    # Plain JSON types only: json round-trips it unchanged.
    assert json.loads(json.dumps(doc)) == doc


def test_layers_subset():
    a = textfacts.Analyzer(layers=["numbers"])
    doc = a.analyze(TEXT)
    assert set(doc) == {"numbers"}
    assert a.layers == ["numbers"]
    with pytest.raises(ValueError, match="nouns"):
        textfacts.Analyzer(layers=["nouns"])
    with pytest.raises(TypeError):
        textfacts.Analyzer(layers="numbers")


@pytest.mark.parametrize("unit", ["char", "utf16", "byte"])
def test_offsets_units_agree_with_independent_conversion(unit):
    by_char = textfacts.Analyzer(offsets="char").analyze(NON_ASCII)
    other = textfacts.Analyzer(offsets=unit).analyze(NON_ASCII)
    assert textfacts.Analyzer(offsets=unit).offsets == unit

    def convert(i):
        prefix = NON_ASCII[:i]
        if unit == "char":
            return i
        if unit == "utf16":
            return len(prefix.encode("utf-16-le")) // 2
        return len(prefix.encode("utf-8"))

    a, b = list(spans(by_char)), list(spans(other))
    assert len(a) == len(b) > 50
    for x, y in zip(a, b):
        if "text" in x:
            assert NON_ASCII[x["start"] : x["end"]] == x["text"]
        assert (convert(x["start"]), convert(x["end"])) == (y["start"], y["end"])
    if unit == "byte":
        raw = NON_ASCII.encode("utf-8")
        for y in b:
            if "text" in y:
                assert raw[y["start"] : y["end"]].decode("utf-8") == y["text"]


@pytest.mark.parametrize("unit", ["char", "utf16", "byte"])
def test_offsets_of_chars_of_every_width_in_dicts_and_arrow(unit):
    # Words of 1- to 4-byte chars, so that chars straddle every byte of the
    # offset table's 64-byte blocks, and a span that ends the text.
    pieces = ["a", "é", "東京", "😀", "Zürich", "27", "people", "killed", "ab😀c", "Ωμέγα", "قُتل"]
    words = [pieces[(i * 7 + i // 3) % len(pieces)] * (1 + i % 3) for i in range(500)]
    texts = [" ".join(words[:n]) + " died" for n in (1, 13, 64, 200, 500)] + ["😀" * 16, "é" * 32 + "x"]
    by_char = [textfacts.Analyzer().analyze(t) for t in texts]
    a = textfacts.Analyzer(offsets=unit)
    dicts = [a.analyze(t) for t in texts]
    arrow = a.analyze_arrow(pa.array(texts)).to_pylist()
    encoding, width = {"char": ("utf-32-le", 4), "utf16": ("utf-16-le", 2), "byte": ("utf-8", 1)}[unit]
    checked = 0
    for text, x_doc, y_doc, row in zip(texts, by_char, dicts, arrow):
        assert drop_nulls(row) == drop_nulls(y_doc)
        xs, ys = list(spans(x_doc)), list(spans(y_doc))
        assert len(xs) == len(ys)
        for x, y in zip(xs, ys):
            if "text" in x:
                assert text[x["start"] : x["end"]] == x["text"]
            assert len(text[: x["start"]].encode(encoding)) // width == y["start"]
            assert len(text[: x["end"]].encode(encoding)) // width == y["end"]
            checked += 1
    assert checked > 500


def test_char_offsets_slice_every_span(analyzer):
    for text in [NON_ASCII, TEXT, "é" * 100 + " 27 people died in Aleppo", ""]:
        for r in spans(analyzer.analyze(text)):
            assert 0 <= r["start"] <= r["end"] <= len(text)
            if "text" in r:
                assert text[r["start"] : r["end"]] == r["text"]


def test_batch_equals_analyze(analyzer):
    texts = [TEXT, NON_ASCII, "", "Two died.", "x" * 10000] * 30
    assert analyzer.analyze_batch(texts) == [analyzer.analyze(t) for t in texts]
    assert analyzer.analyze_batch(iter(texts[:3])) == [analyzer.analyze(t) for t in texts[:3]]
    assert analyzer.analyze_batch([]) == []


def test_arrow_equals_analyze(analyzer):
    texts = [TEXT, NON_ASCII, None, "", "Two died."] * 50
    batch = analyzer.analyze_arrow(pa.array(texts))
    assert isinstance(batch, pa.RecordBatch)
    assert batch.num_rows == len(texts)
    batch.validate(full=True)
    # One column per top-level key of the documents: the layers, and the
    # document tolls that come with the casualties layer.
    assert batch.schema.names == analyzer.columns == list(textfacts.LAYERS) + ["tolls"]
    rows = batch.to_pylist()
    for text, row in zip(texts, rows):
        if text is None:
            assert all(v is None for v in row.values())
        else:
            assert drop_nulls(row) == drop_nulls(analyzer.analyze(text))


@pytest.mark.parametrize(
    "make",
    [
        lambda t: pa.array(t, pa.string()),
        lambda t: pa.array(t, pa.large_string()),
        lambda t: pa.array(t, pa.string_view()),
        lambda t: pa.chunked_array([t[:3], t[3:]], pa.string()),
        lambda t: pa.chunked_array([], pa.string()) if not t else pa.chunked_array([t]),
        lambda t: list(t),
    ],
    ids=["string", "large_string", "string_view", "chunked", "one_chunk", "list"],
)
def test_arrow_inputs(analyzer, make):
    texts = [TEXT, None, "Two died.", NON_ASCII, "Over 60 people were killed."]
    batch = analyzer.analyze_arrow(make(texts))
    assert batch.num_rows == len(texts)
    assert batch.column("numbers").null_count == 1
    assert drop_nulls(batch.to_pylist()[3]) == drop_nulls(analyzer.analyze(NON_ASCII))


def test_arrow_pycapsule_object(analyzer):
    class OnlyCapsules:
        """Anything exporting __arrow_c_array__, not a pyarrow object."""

        def __init__(self, arr):
            self.arr = arr

        def __arrow_c_array__(self, requested_schema=None):
            return self.arr.__arrow_c_array__(requested_schema)

    batch = analyzer.analyze_arrow(OnlyCapsules(pa.array([TEXT])))
    assert batch.column("numbers").to_pylist()[0][0]["text"] == "at least 27"


def test_arrow_rejects_non_strings(analyzer):
    with pytest.raises(TypeError):
        analyzer.analyze_arrow(pa.array([1, 2]))


def test_arrow_schema():
    full = textfacts.Analyzer.arrow_schema()
    assert full.names == list(textfacts.LAYERS) + ["tolls"]
    assert textfacts.Analyzer.arrow_schema(["numbers"]).names == ["numbers"]
    a = textfacts.Analyzer(layers=["entities", "tokens"])
    assert a.arrow_schema().names == ["tokens", "entities"]
    assert a.analyze_arrow(pa.array(["x"])).schema == a.arrow_schema()
    assert textfacts.Analyzer().analyze_arrow(pa.array([TEXT])).schema == full
    item = full.field("numbers").type.value_type
    assert [f.name for f in item][:4] == ["start", "end", "text", "kind"]
    assert item.field("interval").type.field("low").type == pa.float64()
    token = full.field("tokens").type.value_type
    assert token.field("start").type == pa.int32()  # as Arrow's own string offsets
    kind = token.field("kind").type  # enums: dictionary-encoded names
    assert pa.types.is_dictionary(kind) and kind.value_type == pa.string()
    kinds = textfacts.Analyzer(layers=["tokens"]).analyze_arrow(pa.array(["a 1 ."])).column("tokens")
    assert kinds.type.value_type.field("kind").type == kind
    assert kinds.to_pylist()[0][2]["kind"] == "punct"
    entity = full.field("entities").type.value_type
    assert entity.field("candidates").type == pa.int64()


def test_parse_number():
    assert textfacts.parse_number("at least 27") == {
        "low": 27,
        "low_inclusive": True,
        "high": None,
        "high_inclusive": False,
    }
    assert textfacts.parse_number("twenty-seven")["low"] == 27
    assert textfacts.parse_number("hello") is None
    with pytest.raises(TypeError):
        textfacts.parse_number(27)


def test_pickle_roundtrip(tmp_path):
    g = tmp_path / "extra.tsv"
    g.write_text("Qwertyville\tLOC\tx:1\tQwertyville\n", encoding="utf-8")
    a = textfacts.Analyzer(layers=["entities", "numbers"], gazetteers=[g], case_mode="insensitive", offsets="utf16")
    blob = pickle.dumps(a)
    g.unlink()  # the pickle carries the gazetteer's bytes, not its path
    b = pickle.loads(blob)
    assert isinstance(b, textfacts.Analyzer)
    text = "5 died in qwertyville 😀 and Aleppo"
    assert b.analyze(text) == a.analyze(text)
    assert any(e["text"] == "qwertyville" for e in b.analyze(text)["entities"])
    assert repr(b) == repr(a)
    assert pickle.loads(pickle.dumps(textfacts.Analyzer())).analyze(TEXT) == textfacts.Analyzer().analyze(TEXT)


def test_gazetteers_tsv_and_jsonl(tmp_path):
    tsv = tmp_path / "a.tsv"
    tsv.write_text("Qwertyville\tLOC\tx:1\tQwertyville\n", encoding="utf-8")
    jl = tmp_path / "b.jsonl"
    jl.write_text(json.dumps({"id": "x:2", "label": "ORG", "names": ["Zyx Corp"]}) + "\n", encoding="utf-8")
    a = textfacts.Analyzer(layers=["entities"], gazetteers=[str(tsv), jl], default_gazetteer=False)
    found = {e["text"]: e["label"] for e in a.analyze("Zyx Corp opened in Qwertyville, Aleppo")["entities"]}
    assert found == {"Zyx Corp": "ORG", "Qwertyville": "LOC"}


def test_arrow_equals_analyze_with_a_gazetteer_of_its_own_places(tmp_path):
    # Entities whose place comes from the caller's gazetteer (strings the
    # analyzer owns), from the built-in table, or is null (an organisation),
    # in every offset unit: the Arrow rows are the dicts.
    tsv = tmp_path / "towns.tsv"
    tsv.write_text(
        "name\tlabel\tid\tcanonical\tcountry\tlat\tlon\tadmin1\tadmin1_name\tfeature\tpopulation\n"
        "Qwertyville\tLOC\tmy:1\tQwertyville\tUS\t44.05\t-123.09\tOR\tOregon\tPPL\t5000\n"
        "Zürichberg Süd\tLOC\tmy:2\tZürichberg Süd\tCH\t47.38\t8.56\tZH\tZürich\tPPL\t900\n"
        "Zyx Corp\tORG\tmy:3\tZyx Corp\n",
        encoding="utf-8",
    )
    texts = ["Zyx Corp 😀 said 3 died in Qwertyville and Zürichberg Süd, near Aleppo, Syria.", "", None]
    for unit in ["char", "utf16", "byte"]:
        a = textfacts.Analyzer(gazetteers=[tsv], offsets=unit)
        rows = a.analyze_arrow(pa.array(texts)).to_pylist()
        assert all(v is None for v in rows[2].values())
        for text, row in zip(texts[:2], rows):
            assert drop_nulls(row) == drop_nulls(a.analyze(text))
        places = {e["text"]: e["place"] for e in rows[0]["entities"]}
        assert places["Zyx Corp"] is None
        assert places["Qwertyville"]["id"] == "my:1"
        assert places["Zürichberg Süd"]["admin1_name"] == "Zürich"
        assert places["Aleppo"]["country"] == "SY"


def test_arrow_offsets_of_a_text_too_long_for_the_unit_table():
    # Beyond 4 MB a text's offsets come from the block table, not one entry
    # a byte: the same offsets as analyze gives, in every unit.
    text = "Zürich 😀 said 3 died in Aleppo. " + "déjà vu 😀 ça va. " * 250_000 + "27 people died in Aleppo, Syria."
    assert len(text.encode()) > 4 << 20
    for unit in ["char", "utf16"]:
        a = textfacts.Analyzer(layers=["entities", "numbers"], offsets=unit)
        row = a.analyze_arrow(pa.array([text])).to_pylist()[0]
        doc = a.analyze(text)
        assert drop_nulls(row) == drop_nulls(doc)
        # The last entity ends one unit before the text's final period.
        length = {"char": len(text), "utf16": len(text.encode("utf-16-le")) // 2}[unit]
        last = row["entities"][-1]
        assert (last["text"], last["end"]) == ("Syria", length - 1)


def test_bad_gazetteer_line_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("Idlib\tLOC\tx:1\tIdlib\nHama\tLOC\n", encoding="utf-8")
    with pytest.raises(ValueError) as e:
        textfacts.Analyzer(gazetteers=[bad])
    assert str(bad) in str(e.value) and "line 2" in str(e.value)
    with pytest.raises(FileNotFoundError):
        textfacts.Analyzer(gazetteers=[tmp_path / "missing.tsv"])
    with pytest.raises(ValueError):
        textfacts.Analyzer(offsets="bytes")
    with pytest.raises(ValueError):
        textfacts.Analyzer(case_mode="upper")


def test_bad_texts_raise_or_pass(analyzer):
    for bad in (None, 27, b"bytes", ["list"]):
        with pytest.raises(TypeError):
            analyzer.analyze(bad)
    with pytest.raises(TypeError, match=r"texts\[2\]"):
        analyzer.analyze_batch(["a", "b", None, "d"])
    with pytest.raises(TypeError):
        analyzer.analyze_batch("one string")
    # Lone surrogates: offsets stay those of the caller's string.
    text = "\ud800 At least 27 people \udfff died in Aleppo \ud83d"
    doc = analyzer.analyze(text)
    n = doc["numbers"][0]
    assert text[n["start"] : n["end"]] == n["text"] == "At least 27"
    assert analyzer.analyze_batch([text]) == [doc]
    with pytest.raises(UnicodeEncodeError):  # Arrow strings are UTF-8: pyarrow refuses
        analyzer.analyze_arrow([text])
    with pytest.raises(TypeError):
        analyzer.analyze_arrow(["a", 1])
    # NUL and a 10 MB string.
    assert analyzer.analyze("27 people\x00died\x00")["numbers"][0]["text"] == "27"
    big = ("Over 60 people were killed in Aleppo. " * 270000)[:10_000_000]
    assert len(analyzer.analyze(big)["numbers"]) > 100000
    assert len(analyzer.analyze("\x00" * 1000 + "a" * 10_000_000)["tokens"]) >= 1


FORK_CHILD = textwrap.dedent(
    """
    import multiprocessing, sys, textfacts
    a = textfacts.Analyzer()
    texts = ["At least 27 people were killed in Aleppo."] * 200
    if sys.argv[1] == "warm":
        a.analyze_batch(texts)
    def work(q):
        q.put(len(a.analyze_batch(texts)) + a.analyze_arrow(texts).num_rows)
    ctx = multiprocessing.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=work, args=(q,))
    p.start()
    print(q.get(timeout=60))
    p.join(60)
    sys.exit(p.exitcode)
    """
)


@pytest.mark.parametrize("parent", ["warm", "cold"])
def test_fork_child_analyses_a_batch(parent):
    r = subprocess.run([sys.executable, "-c", FORK_CHILD, parent], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "400"


def test_multiprocessing_pool_pickles_the_analyzer():
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        got = pool.map(_analyze_with, [(textfacts.Analyzer(layers=["numbers"]), TEXT)] * 2)
    assert got == [textfacts.Analyzer(layers=["numbers"]).analyze(TEXT)] * 2


def _analyze_with(args):
    analyzer, text = args
    return analyzer.analyze(text)


def test_typed_package_with_stubs():
    import inspect
    import pathlib

    pkg = pathlib.Path(textfacts.__file__).parent
    assert (pkg / "py.typed").is_file()
    stub = (pkg / "__init__.pyi").read_text(encoding="utf-8")
    for name in ["Analyzer", "analyze", "analyze_batch", "analyze_arrow", "arrow_schema", "parse_number",
                 "__version__", "LAYERS"]:
        assert name in stub
    for name in ["analyze", "analyze_batch", "analyze_arrow", "arrow_schema", "layers", "offsets", "columns"]:
        assert hasattr(textfacts.Analyzer, name)
    assert inspect.getdoc(textfacts.Analyzer)
    assert str(inspect.signature(textfacts.Analyzer)) == (
        "(layers=None, gazetteers=(), default_gazetteer=True, case_mode='smart', offsets='char')"
    )


def test_pandas_column_as_in_the_readme():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"text": [TEXT, "Two died.", None]})
    analyzer = textfacts.Analyzer(layers=["entities", "numbers"])
    facts = analyzer.analyze_arrow(pa.array(df["text"]))
    df = df.assign(**{c: facts.column(c).to_pandas() for c in facts.schema.names})
    assert list(df.columns) == ["text", "entities", "numbers"]
    assert df["numbers"][0][0]["text"] == "at least 27"
    assert df["numbers"][2] is None
