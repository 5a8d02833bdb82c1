"""The figures of issue 17, measured on the news sample (its texts twice, 12 MB).

    python python/bench/figures.py [--rounds 7] [--data ../shared/data] [--analyze-bin PATH]

Speed: each round runs, back to back, the Rust Analyzer::analyze_batch (in this
process, same pool and texts), analyze_batch, analyze_arrow and the analyze example's
`--jsonl` over the same texts (whole process); the medians and the median of the
per-round ratios are printed (the machine is shared: rounds are interleaved so that
load hits every contender alike; the CPU seconds that analyze_batch and analyze_arrow
take, less sensitive to the other processes' load, are printed beside the wall-clock
ratio). analyze_batch's layers are filled on first use, so
each round also times analyze_batch followed by textfacts.materialize (every record
dict made): what a program that reads every layer pays. Memory: fresh subprocesses
read their own RSS; analyze_arrow's peak is measured on an Analyzer that has already
read each text once (its embedded data resident: that is the Analyzer's memory, not
the call's), and, for comparison, on one that has read ten.
"""

import argparse
import json
import os
import resource
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def cpu_s():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def rss_kb(field="VmRSS"):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


# The Analyzer's memory, after one short text and after every news text
# (its read-only data, the pages of the embedded gazetteer and places images,
# count in the RSS once a text has touched them).
MEM_ANALYZER = """
import json, sys
from figures import rss_kb
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
before = rss_kb()
import textfacts
a = textfacts.Analyzer()
a.analyze("At least 27 people were killed in Aleppo.")
one = rss_kb()
for t in texts:
    a.analyze(t)
import gc; gc.collect()
every = rss_kb()
print(json.dumps({"one": (one - before) / 1024, "every": (every - before) / 1024}))
"""

# The peak memory that one analyze_arrow call adds. "warm": the Analyzer has
# analysed each text once before (one at a time), so its read-only data is
# resident and what the call adds is its own (the output and the workers'
# memory). "cold": only ten rows before, so the call also pages in that data
# (file-backed pages, shown apart: RssFile).
MEM_ARROW = """
import json, sys
from figures import rss_kb
import pyarrow as pa, textfacts
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")] * 2
arr = pa.array(texts, pa.large_string())
del texts
a = textfacts.Analyzer()
a.analyze_arrow(arr.slice(0, 10))
if sys.argv[2] == "warm":
    for t in arr.slice(0, len(arr) // 2).to_pylist():
        a.analyze(t)
import gc; gc.collect()
base, base_file = rss_kb(), rss_kb("RssFile")
open("/proc/self/clear_refs", "w").write("5")   # resets the peak (VmHWM) to now
out = a.analyze_arrow(arr)
peak = rss_kb("VmHWM")
input_mb = (arr.buffers()[1].size + arr.buffers()[2].size) / 2**20
print(json.dumps({"input_mb": input_mb, "peak_extra_mb": (peak - base) / 1024,
                  "file_mb": (rss_kb("RssFile") - base_file) / 1024,
                  "output_mb": out.nbytes / 2**20}))
"""


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("--data", default=os.environ.get("TEXTFACTS_DATA", str(ROOT.parent / "shared" / "data")))
    p.add_argument("--analyze-bin", default=str(ROOT / "target" / "release" / "examples" / "analyze"))
    args = p.parse_args()
    import pyarrow as pa
    import textfacts

    news = pathlib.Path(args.data) / "news" / "news.jsonl"
    if not news.is_absolute():
        news = (ROOT / news).resolve()
    texts = [json.loads(line)["text"] for line in open(news, encoding="utf-8")] * 2
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"news texts twice: {len(texts)} docs, {mb:.1f} MB, {os.cpu_count()} cores")
    jsonl = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
    for i, t in enumerate(texts):
        jsonl.write(json.dumps({"id": i, "text": t}) + "\n")
    jsonl.close()

    a = textfacts.Analyzer()
    arr = pa.array(texts)
    a.analyze_batch(texts[:50])
    times = {k: [] for k in ("rust_batch", "analyze_batch", "batch_materialized", "analyze_arrow", "analyze_jsonl")}
    cpu = {"analyze_batch": [], "analyze_arrow": []}
    for _ in range(args.rounds):
        times["rust_batch"].append(a._rust_batch_seconds(texts))
        c, t = cpu_s(), time.perf_counter()
        docs = a.analyze_batch(texts)
        times["analyze_batch"].append(time.perf_counter() - t)
        cpu["analyze_batch"].append(cpu_s() - c)
        del docs
        t = time.perf_counter()
        docs = textfacts.materialize(a.analyze_batch(texts))
        times["batch_materialized"].append(time.perf_counter() - t)
        del docs
        c, t = cpu_s(), time.perf_counter()
        batch = a.analyze_arrow(arr)
        times["analyze_arrow"].append(time.perf_counter() - t)
        cpu["analyze_arrow"].append(cpu_s() - c)
        del batch
        if os.path.exists(args.analyze_bin):
            t = time.perf_counter()
            subprocess.run([args.analyze_bin, "--jsonl", jsonl.name], stdout=subprocess.DEVNULL, check=True)
            times["analyze_jsonl"].append(time.perf_counter() - t)
    for k, v in times.items():
        if v:
            print(f"{k:18s} median {statistics.median(v):.3f} s  ({mb / statistics.median(v):.1f} MB/s)  runs {[round(x, 3) for x in v]}")

    def ratio(fast, slow):
        rs = [f / s for f, s in zip(times[fast], times[slow])]
        return statistics.median(rs) if rs else float("nan")

    docs = a.analyze_batch(texts)
    records = sum(len(v) for d in docs for v in d.values() if isinstance(v, list))
    del docs
    t = time.perf_counter()
    floor = [{"start": i + 1000, "end": i + 1001, "kind": "word"} for i in range(records)]
    floor_s = time.perf_counter() - t
    del floor
    print(f"records (top-level dicts of all layers): {records}; a pure-Python comprehension building "
          f"that many 3-key dicts takes {floor_s:.3f} s on its own")
    print(f"analyze_batch vs Rust analyze_batch: {ratio('rust_batch', 'analyze_batch'):.2f}x (speed ratio, goal >= 0.85)")
    if times["analyze_jsonl"]:
        print(f"analyze_batch vs analyze --jsonl:    {ratio('analyze_jsonl', 'analyze_batch'):.2f}x (goal >= 0.7)")
        print(f"analyze_arrow vs analyze --jsonl:    {ratio('analyze_jsonl', 'analyze_arrow'):.2f}x")
    print(f"analyze_arrow vs Rust analyze_batch: {ratio('rust_batch', 'analyze_arrow'):.2f}x")
    print(f"analyze_arrow vs analyze_batch:      {ratio('analyze_batch', 'analyze_arrow'):.2f}x (goal >= 1.0)")
    cpu_ratio = statistics.median(b / w for b, w in zip(cpu["analyze_batch"], cpu["analyze_arrow"]))
    print(f"  the same in CPU seconds of the process: {cpu_ratio:.2f}x "
          f"(analyze_batch median {statistics.median(cpu['analyze_batch']):.3f} s, "
          f"analyze_arrow {statistics.median(cpu['analyze_arrow']):.3f} s)")
    print(f"analyze_batch + materialize vs Rust analyze_batch: {ratio('rust_batch', 'batch_materialized'):.2f}x "
          f"(every record dict made; no goal)")
    if times["analyze_jsonl"]:
        print(f"analyze_batch + materialize vs analyze --jsonl:    "
              f"{ratio('analyze_jsonl', 'batch_materialized'):.2f}x (no goal)")
    print(f"analyze_arrow vs analyze_batch + materialize:      "
          f"{ratio('batch_materialized', 'analyze_arrow'):.2f}x (both make every record)")
    os.unlink(jsonl.name)

    here = str(pathlib.Path(__file__).parent)
    env = dict(os.environ, PYTHONPATH=here + os.pathsep + os.environ.get("PYTHONPATH", ""))
    run = lambda *args: json.loads(subprocess.run([sys.executable, "-c", *args], env=env, capture_output=True,
                                                  text=True, check=True).stdout)
    added = run(MEM_ANALYZER, str(news))
    print(f"memory: import textfacts + Analyzer() + one analyze adds {added['one']:.1f} MB RSS; "
          f"after every news text {added['every']:.1f} MB (goal < 30)")
    for mode in ("warm", "cold"):
        m = run(MEM_ARROW, str(news), mode)
        print(f"memory: analyze_arrow over {m['input_mb']:.1f} MB of text, {mode} Analyzer: peak extra "
              f"{m['peak_extra_mb']:.1f} MB = {m['peak_extra_mb'] / m['input_mb']:.2f}x the input"
              f"{' (goal < 4)' if mode == 'warm' else ''}, of which file-backed {m['file_mb']:.1f} MB; "
              f"output batch {m['output_mb']:.1f} MB")


if __name__ == "__main__":
    main()
