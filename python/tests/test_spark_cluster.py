"""spark_facts.py on a real Spark standalone cluster: a master and two one-core
workers on 127.0.0.1, started from pyspark's own `spark-class`, the news texts twice
as input, one Python worker killed mid-job. The cluster is torn down whatever
happens (each daemon runs in its own process group, killed by the fixture)."""

import json
import os
import pathlib
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ROOT, drop_nulls

pyspark = pytest.importorskip("pyspark")
pq = pytest.importorskip("pyarrow.parquet")
if shutil.which("java") is None:
    pytest.skip("no java: the Spark cluster test skipped", allow_module_level=True)

import textfacts  # noqa: E402

SPARK_HOME = pathlib.Path(pyspark.__file__).parent
EXAMPLE = ROOT / "python" / "examples" / "spark_facts.py"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def spark_env(tmp):
    env = dict(os.environ)
    env.update(
        SPARK_HOME=str(SPARK_HOME),
        SPARK_LOCAL_IP="127.0.0.1",
        SPARK_LOCAL_HOSTNAME="localhost",
        PYSPARK_PYTHON=sys.executable,
        PYSPARK_DRIVER_PYTHON=sys.executable,
        SPARK_LOG_DIR=str(tmp / "logs"),
        SPARK_WORKER_DIR=str(tmp / "work"),
        SPARK_NO_DAEMONIZE="1",
    )
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    return env


class Cluster:
    def __init__(self, tmp):
        self.tmp = tmp
        self.env = spark_env(tmp)
        self.procs = []
        self.port = free_port()
        self.ui = free_port()
        self.url = f"spark://127.0.0.1:{self.port}"

    def spawn(self, name, args):
        log = open(self.tmp / f"{name}.log", "wb")
        p = subprocess.Popen(
            [str(SPARK_HOME / "bin" / "spark-class"), *args],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: executors and Python workers die with it
        )
        self.procs.append(p)
        return p

    def start(self):
        self.spawn(
            "master",
            ["org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
             "--port", str(self.port), "--webui-port", str(self.ui)],
        )
        for i in range(2):
            self.spawn(
                f"worker{i}",
                ["org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                 "--memory", "1g", "--webui-port", str(free_port()),
                 "--work-dir", str(self.tmp / f"work{i}"), self.url],
            )
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.ui}/json/", timeout=2) as r:
                    state = json.load(r)
                if state.get("aliveworkers", 0) >= 2:
                    return
            except OSError:
                pass
            if any(p.poll() is not None for p in self.procs):
                break
            time.sleep(0.5)
        raise RuntimeError("the cluster did not come up:\n" + self.logs())

    def logs(self):
        return "\n".join(f.read_text(errors="replace")[-3000:] for f in sorted(self.tmp.glob("*.log")))

    def stop(self):
        for p in self.procs:
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for p in self.procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                p.wait(timeout=20)
        for p in self.procs:  # whatever is left in the groups (executors, Python workers)
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


@pytest.fixture
def cluster(tmp_path, request):
    c = Cluster(tmp_path)
    request.addfinalizer(c.stop)  # registered before starting: runs whatever happens
    c.start()
    return c


def python_workers():
    """pids of forked pyspark Python workers (children of a pyspark daemon)."""
    found = []
    for d in pathlib.Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            cmd = (d / "cmdline").read_bytes()
            ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            parent = pathlib.Path(f"/proc/{ppid}/cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue
        if b"pyspark.daemon" in cmd and b"pyspark.daemon" in parent:
            found.append(int(d.name))
    return found


def cpu_time(pid):
    try:
        fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, ValueError, IndexError):
        return -1


def kill_a_busy_worker(job, deadline):
    """SIGKILLs one Python worker that is using CPU (running a task); its pid."""
    while time.time() < deadline and job.poll() is None:
        before = {pid: cpu_time(pid) for pid in python_workers()}
        time.sleep(0.1)
        for pid, t in before.items():
            if t >= 0 and cpu_time(pid) > t:
                os.kill(pid, signal.SIGKILL)
                return pid
    return None


def test_spark_facts_on_a_standalone_cluster(cluster, news_texts, tmp_path):
    rows = [{"id": f"a{i}", "text": t} for i, t in enumerate(news_texts)]
    rows += [{"id": f"b{i}", "text": t} for i, t in enumerate(news_texts)]
    src = tmp_path / "news2.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    out = tmp_path / "facts.parquet"
    cmd = [
        str(SPARK_HOME / "bin" / "spark-submit"),
        "--master", cluster.url,
        "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", "spark.executor.cores=1",
        "--conf", "spark.executor.memory=1g",
        "--conf", "spark.cores.max=2",
        "--conf", "spark.task.maxFailures=4",
        "--conf", "spark.ui.enabled=false",
        str(EXAMPLE), "--master", cluster.url,
        "--input", str(src), "--output", str(out), "--partitions", "24", "--batch-rows", "200",
    ]
    log_path = tmp_path / "submit.log"
    started = time.time()
    with open(log_path, "wb") as log:
        job = subprocess.Popen(cmd, env=cluster.env, stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            killed = kill_a_busy_worker(job, time.time() + 240)
            job.wait(timeout=300)
        finally:
            if job.poll() is None:
                os.killpg(job.pid, signal.SIGKILL)
                job.wait()
    seconds = time.time() - started
    log = log_path.read_text(errors="replace")
    assert job.returncode == 0, log[-5000:] + cluster.logs()
    assert killed is not None, "no busy Python worker was seen to kill"
    assert "Lost task" in log or "exited unexpectedly" in log, "the killed worker cost no task?"

    table = pq.read_table(out)
    ids = table.column("id").to_pylist()
    assert len(ids) == len(rows) and set(ids) == {r["id"] for r in rows}

    analyzer = textfacts.Analyzer()
    by_id = {r["id"]: r["text"] for r in rows}
    layers = analyzer.columns
    assert table.schema.names == ["id"] + layers
    position = {i: n for n, i in enumerate(ids)}
    for doc_id in random.Random(17).sample(sorted(by_id), 20):
        row = table.slice(position[doc_id], 1).to_pylist()[0]
        local = analyzer.analyze(by_id[doc_id])
        assert drop_nulls({k: row[k] for k in layers}) == drop_nulls(local), doc_id
    # Throughput: the whole submission, Spark's own job time (from its log), and
    # local single-process Python (analyze_arrow) on the same texts, same moment.
    import re

    import pyarrow as pa

    mb = sum(len(r["text"].encode()) for r in rows) / 1e6
    jobs = [round(float(x) / (1000 if unit == "ms" else 1), 1)
            for x, unit in re.findall(r"Job \d+ finished: .*? took ([0-9.]+) (ms|s)\b", log)]
    texts = pa.array([r["text"] for r in rows])
    started = time.time()
    analyzer.analyze_arrow(texts)
    local = time.time() - started
    print(f"\nspark_facts.py, 2 one-core workers, {len(rows)} docs, {mb:.1f} MB, one Python worker killed: "
          f"submit to finish {seconds:.1f} s ({len(rows) / seconds:.0f} docs/s); Spark jobs {jobs} s "
          f"({len(rows) / max(sum(jobs), 1e-9):.0f} docs/s); local single-process analyze_arrow "
          f"{local:.2f} s ({len(rows) / local:.0f} docs/s)")


def test_spark_facts_reads_parquet_in_local_mode(tmp_path):
    """The other input format, with the default master (local[*])."""
    import pyarrow as pa

    texts = ["At least 27 people were killed in Aleppo.", None, "Two died in Homs. Zürich 😀 was calm."]
    src = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": [10, 11, 12], "text": texts}), src)
    out = tmp_path / "out.parquet"
    env = spark_env(tmp_path)
    r = subprocess.run(
        [str(SPARK_HOME / "bin" / "spark-submit"), "--conf", "spark.driver.host=127.0.0.1",
         "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.ui.enabled=false",
         str(EXAMPLE), "--input", str(src), "--output", str(out), "--layers", "numbers,casualties"],
        env=env, capture_output=True, text=True, timeout=300, start_new_session=True,
    )
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    rows = sorted(pq.read_table(out).to_pylist(), key=lambda row: row["id"])
    analyzer = textfacts.Analyzer(layers=["numbers", "casualties"])
    assert [row["id"] for row in rows] == ["10", "11", "12"]
    assert list(rows[0]) == ["id"] + analyzer.columns
    for row, text in zip(rows, texts):
        if text is None:
            assert all(row[c] is None for c in analyzer.columns)
        else:
            assert drop_nulls({c: row[c] for c in analyzer.columns}) == drop_nulls(analyzer.analyze(text))
