"""The figures of issue 17 on the news sample (skipped without the shared data):
offsets on every span, and analyze == analyze_batch == analyze_arrow == the Rust
analyze example (byte offsets converted to chars independently) on every document."""

import itertools
import json
import resource
import subprocess

import pytest

import textfacts
from conftest import NON_ASCII, ROOT, drop_nulls, spans

pa = pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def docs(news_texts):
    return textfacts.Analyzer().analyze_batch(news_texts)


def test_char_offsets_slice_every_span_of_every_layer(news_texts, docs):
    texts = news_texts + [NON_ASCII * 20]
    docs = docs + [textfacts.Analyzer().analyze(texts[-1])]
    checked = 0
    for text, doc in zip(texts, docs):
        for r in spans(doc):
            assert 0 <= r["start"] <= r["end"] <= len(text)
            if "text" in r:
                assert text[r["start"] : r["end"]] == r["text"]
                checked += 1
    assert checked > 50_000


def test_utf16_and_byte_offsets_agree_with_python(news_texts):
    texts = [t for t in news_texts if not t.isascii()][:150] + [NON_ASCII * 20]
    assert len(texts) > 100
    for unit, encoding, width in [("utf16", "utf-16-le", 2), ("byte", "utf-8", 1)]:
        got = textfacts.Analyzer(offsets=unit).analyze_batch(texts)
        want = textfacts.Analyzer().analyze_batch(texts)
        for text, g, w in zip(texts, got, want):
            for x, y in zip(spans(w), spans(g)):
                assert len(text[: x["start"]].encode(encoding)) // width == y["start"]
                assert len(text[: x["end"]].encode(encoding)) // width == y["end"]


def test_arrow_batches_stay_whole_while_later_ones_reuse_their_buffers(news_texts):
    a = textfacts.Analyzer()
    texts = pa.array(news_texts)

    def faults_of(call):
        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        batch = call()
        return batch, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

    first, first_faults = faults_of(lambda: a.analyze_arrow(texts))
    second = a.analyze_arrow(texts)
    assert second.equals(first)
    del first  # its buffers go back to the analyzer
    third, third_faults = faults_of(lambda: a.analyze_arrow(texts))
    assert third.equals(second)
    # Written into the first batch's pages, not into fresh ones: far fewer
    # faults than the batch has pages (how many the first call took depends on
    # what the process freed before: glibc may have had the room already).
    pages = second.nbytes // 4096
    assert pages > 1000
    assert third_faults < pages / 4, (pages, first_faults, third_faults)
    # A small batch kept meanwhile leaves the large buffers to the next large one.
    del third
    small = a.analyze_arrow(pa.array(news_texts[:3]))
    again, again_faults = faults_of(lambda: a.analyze_arrow(texts))
    assert again_faults < pages / 4, (pages, first_faults, again_faults)
    assert again.equals(second) and small.num_rows == 3
    third = again
    # A slice keeps its buffers from being reused: the batches written after
    # the rest of its batch is dropped leave it as it was.
    part = third.slice(100, 50)
    del third
    fourth = a.analyze_arrow(texts)
    del second
    fifth = a.analyze_arrow(texts)
    assert part.equals(fourth.slice(100, 50)) and fifth.equals(fourth)
    # Batches of another analyzer, or outliving theirs, are left alone too.
    b = textfacts.Analyzer(layers=["tokens"])
    tokens = b.analyze_arrow(texts)
    del b
    assert tokens.column("tokens").equals(fifth.column("tokens"))


def test_batch_equals_analyze_on_every_document(news_texts, docs):
    a = textfacts.Analyzer()
    assert len(docs) == len(news_texts)
    for text, doc in zip(news_texts, docs):
        assert doc == a.analyze(text)


def test_arrow_equals_analyze_on_every_document(news_texts, docs):
    batch = textfacts.Analyzer().analyze_arrow(pa.array(news_texts))
    assert batch.num_rows == len(news_texts)
    # Arrow's own full check (offsets, UTF-8 on char boundaries, validity):
    # the binding builds its string columns without checking them again.
    batch.validate(full=True)
    for row, doc in zip(batch.to_pylist(), docs):
        assert drop_nulls(row) == drop_nulls(doc)


def analyze_binary():
    found = [p for p in (ROOT / "target" / "release" / "examples" / "analyze",
                         ROOT / "target" / "debug" / "examples" / "analyze") if p.is_file()]
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


def to_chars(value, char_at):
    """`value` (the Rust example's JSON) with byte offsets turned into char offsets."""
    if isinstance(value, dict):
        return {k: (char_at[v] if k in ("start", "end") and isinstance(v, int) else to_chars(v, char_at))
                for k, v in value.items()}
    if isinstance(value, list):
        return [to_chars(v, char_at) for v in value]
    return value


def test_equals_the_rust_analyze_example(news_texts, docs, tmp_path):
    binary = analyze_binary()
    if binary is None:
        pytest.skip("no target/*/examples/analyze (cargo build --example analyze): Rust comparison skipped")
    src = tmp_path / "news.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(news_texts)),
                   encoding="utf-8")
    out = subprocess.run([str(binary), "--jsonl", str(src)], capture_output=True, check=True).stdout
    lines = out.decode("utf-8").splitlines()
    assert len(lines) == len(news_texts)
    for i, (line, text, doc) in enumerate(zip(lines, news_texts, docs)):
        rust = json.loads(line)
        assert rust.pop("id") == i
        raw = text.encode("utf-8")
        # Char index of every byte offset: the count of non-continuation bytes before it.
        char_at = list(itertools.accumulate((b & 0xC0 != 0x80 for b in raw), initial=0))
        assert to_chars(rust, char_at) == doc, i
