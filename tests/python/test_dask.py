"""histext.dask against histext-freq --combine: the KJV in 40 files on a 2-worker local cluster,
a worker killed mid-run, the entities and sentences tables, and no subprocess anywhere on the
Dask path (client and workers). Run by ctest (python.dask, RUN_SERIAL)."""

import os
import shutil
import signal
import subprocess
import time

import pytest

import histext
import histext.dask as hd

distributed = pytest.importorskip("distributed")

SOURCE = os.environ.get("HISTEXT_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
TOOLS = os.environ.get("HISTEXT_TOOLS_DIR", os.path.join(SOURCE, "build", "tools"))
BUKHARIN = os.path.join(SOURCE, "data", "bukharin.txt")

# Workers are new processes: they must import this module (for the plugin below) and histext.
os.environ["PYTHONPATH"] = os.pathsep.join(
    [os.path.dirname(os.path.abspath(__file__))] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])


def _refuse(*args, **kwargs):
    raise AssertionError("the Dask path started a subprocess")


class ForbidSubprocess:
    """Worker plugin: every worker (restarted ones too) refuses to start a subprocess."""

    name = "histext-forbid-subprocess"

    def setup(self, worker):
        subprocess.Popen = _refuse
        os.system = _refuse
        os.popen = _refuse


def combine(files, *args):
    return subprocess.run([os.path.join(TOOLS, "histext-freq"), "--combine", *args, *files], check=True,
                          stdout=subprocess.PIPE).stdout


@pytest.fixture(scope="module")
def kjv(tmp_path_factory):
    """The KJV cut into 40 files at line ends (split -n l/40); their names sort in split's order."""
    if not shutil.which("bible"):
        pytest.skip("bible (Debian package bible-kjv) is not installed")
    d = tmp_path_factory.mktemp("kjv")
    with open(d / "kjv.txt", "wb") as fh:
        subprocess.run(["bible", "-l0", "gen1:1-rev22:21"], check=True, stdout=fh)
    subprocess.run(["split", "-n", "l/40", "kjv.txt", "part-"], check=True, cwd=d)
    os.remove(d / "kjv.txt")
    files = sorted(str(p) for p in d.iterdir())
    assert len(files) == 40
    return files


@pytest.fixture()
def no_subprocess(monkeypatch):
    monkeypatch.setattr(subprocess, "Popen", _refuse)
    monkeypatch.setattr(os, "system", _refuse)
    monkeypatch.setattr(os, "popen", _refuse)


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, distributed.Client(cluster) as c:
        c.register_worker_plugin(ForbidSubprocess())
        yield c


def _start_true():
    return subprocess.run(["true"]).returncode


def test_the_guard_refuses_subprocesses_on_workers(client):
    with pytest.raises(AssertionError, match="subprocess"):
        client.submit(_start_true, pure=False).result()


def test_kjv_in_40_files_on_2_workers_equals_combine(kjv, client, no_subprocess):
    with monkeypatch_undone():
        want_json = combine(kjv, "--format", "json")
        want_table = combine(kjv, "--top", "200")
    shards, out = hd.freq_graph(client, kjv, format="json", fan_in=4)
    assert len(shards) == 40
    assert out.result() == want_json
    # 40 shards, fan-in 4: merges of 10, then 3, then 1 (a tree three levels deep).
    assert hd.freq(client, kjv, top=200, fan_in=4) == want_table


def test_command_line_on_a_running_scheduler_and_on_a_local_cluster(kjv, client, tmp_path, no_subprocess):
    files = kjv[:6]
    with monkeypatch_undone():
        want = combine(files, "--format", "tsv", "--ngrams", "2", "--top", "50")
    out = tmp_path / "out.tsv"
    rc = hd.main(["freq", "--scheduler", client.scheduler.address, "--format", "tsv", "--ngrams", "2", "--top", "50",
                  "--files-per-task", "2", "--fan-in", "2", "-o", str(out), *files])
    assert rc == 0 and out.read_bytes() == want
    rc = hd.main(["freq", "--scheduler", "local", "--workers", "2", "--format", "tsv", "--ngrams", "2",
                  "--top", "50", "-o", str(out), *reversed(files)])
    assert rc == 0 and out.read_bytes() == want


def test_a_worker_killed_mid_run_changes_nothing(kjv, no_subprocess):
    with monkeypatch_undone():
        want = combine(kjv, "--format", "json")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, distributed.Client(cluster) as c:
        c.register_worker_plugin(ForbidSubprocess())
        shards, out = hd.freq_graph(c, kjv, format="json")
        deadline = time.monotonic() + 60
        while not any(f.done() for f in shards):
            assert time.monotonic() < deadline
            time.sleep(0.01)
        done = next(f for f in shards if f.done())
        holder = next(iter(c.who_has([done])[done.key]))
        pids = c.run(os.getpid)
        pending = sum(not f.done() for f in shards)
        os.kill(pids[holder], signal.SIGKILL)  # it held a finished shard, others are still to run
        assert pending > 0 and not out.done()
        assert out.result(timeout=300) == want


def test_entities_and_sentences_tables_have_a_file_column(kjv, client, tmp_path, no_subprocess):
    files = [BUKHARIN, kjv[0]]
    table = hd.entities(client, files, types="person")
    assert set(table["file"]) == set(files)
    mine = histext.entities(path=BUKHARIN, types="person").table()
    rows = [r for r in table.rows() if r["file"] == BUKHARIN]
    assert [r["name"] for r in rows] == mine["name"] and [r["count"] for r in rows] == mine["count"]
    sents = hd.sentences(client, files)
    assert sents["file"].count(BUKHARIN) == len(histext.sentences(path=BUKHARIN).sentences)
    out = tmp_path / "s.tsv"
    assert hd.main(["sentences", "--scheduler", client.scheduler.address, "-o", str(out), *files]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("file\tindex") and len(lines) == 1 + len(sents)
    assert hd.main(["entities", "--scheduler", client.scheduler.address, "--format", "json", "-o",
                    str(tmp_path / "e.json"), BUKHARIN]) == 0


def test_errors_and_usage(client, tmp_path, capsys):
    assert hd.main(["freq", "--scheduler", client.scheduler.address, str(tmp_path / "missing.txt")]) == 1
    assert "histext.dask: " in capsys.readouterr().err
    assert hd.main(["freq", "--scheduler", "local", "--workers", "0", BUKHARIN]) == 2
    assert hd.main(["freq", "--bogus"]) == 2


class monkeypatch_undone:
    """Lets the test itself run the reference command while the no_subprocess guard is on."""

    def __enter__(self):
        self.saved = subprocess.Popen, os.system, os.popen
        subprocess.Popen, os.system, os.popen = _ORIGINAL
        return self

    def __exit__(self, *exc):
        subprocess.Popen, os.system, os.popen = self.saved


_ORIGINAL = (subprocess.Popen, os.system, os.popen)
