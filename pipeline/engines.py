"""Engines: who processes the chunks of articles. All give results in input order.

- `local` with one process: chunks are processed here, one after the other;
- `local` with N processes: a pool of N worker processes;
- `dask`: tasks on a dask.distributed cluster (an existing scheduler, or a LocalCluster).

The unit of work is `stages.process_chunk`, which loads the spaCy model once per process (the cache
lives in the worker). At most a few chunks per worker are in flight, so memory does not grow with
the corpus.
"""

from __future__ import annotations

import ctypes
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace

from pipeline.config import Config
from pipeline.records import Document, DocumentResult
from pipeline.stages import process_chunk

# A chunk of input articles and the ones among them that need processing.
Pending = Iterable[tuple[list[Document], list[Document]]]
Finished = Iterator[tuple[list[Document], list[Document], list[DocumentResult]]]
_IN_FLIGHT_PER_WORKER = 2


def map_chunks(pending: Pending, config: Config) -> Finished:
    """Process the fresh articles of every chunk with the configured engine."""
    if config.engine == "dask":
        yield from _dask_map(pending, config)
    elif config.processes > 1:
        with _RetryingPool(config) as pool:
            yield from _in_order(pending, pool.submit, config.processes)
    else:
        for chunk, fresh in pending:
            yield chunk, fresh, process_chunk(fresh, config) if fresh else []


class ClusterError(RuntimeError):
    """The Dask cluster cannot run the job: no scheduler at the address, no workers, or a worker that
    cannot import this package or load the model (the message names the worker and what it lacks)."""


_SCHEDULER_WAIT_SECONDS = 5
_WORKER_WAIT_SECONDS = 60


def _dask_map(pending: Pending, config: Config) -> Finished:
    """On the scheduler at `config.scheduler`, or on a LocalCluster of `config.processes` workers.

    A worker lost mid-run (killed, out of memory) costs only time: the scheduler runs its chunks
    again on the others, and results are still taken in input order.
    """
    from dask.distributed import Client, LocalCluster

    cluster = None
    if config.scheduler:
        try:
            client = Client(config.scheduler, timeout=_SCHEDULER_WAIT_SECONDS)
        except (OSError, ValueError, TypeError) as error:
            raise ClusterError(f"cannot reach the Dask scheduler at {config.scheduler}: {error}") from None
    else:
        cluster = LocalCluster(n_workers=config.processes, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        _check_workers(client, config)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _in_order(pending, lambda fresh: client.submit(process_chunk, fresh, config, pure=False), workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _check_workers(client, config: Config) -> None:
    """Every worker imports this very code and loads the model before any chunk is sent."""
    from pipeline.annotate import load_nlp, pipeline_version

    try:
        client.wait_for_workers(1, timeout=_WORKER_WAIT_SECONDS)
    except TimeoutError:
        raise ClusterError(
            f"no Dask worker joined the scheduler at {config.scheduler} in {_WORKER_WAIT_SECONDS} s"
        ) from None
    expected = pipeline_version(config.model, load_nlp(config.model))
    names = {address: info.get("name") for address, info in client.scheduler_info()["workers"].items()}
    problems = []
    for address, (status, detail) in client.run(_worker_readiness(config.model)).items():
        what = f"Dask worker {address}" + (f" ({names[address]})" if names.get(address) not in (None, address) else "")
        if status != "ready":
            problems.append(f"{what} {status}: {detail}")
        elif detail != expected:
            problems.append(f"{what} runs other pipeline code or model ({detail}; here {expected})")
    if problems:
        raise ClusterError("; ".join(problems))


def _worker_readiness(model: str) -> Callable[[], tuple[str, str]]:
    """The check each worker runs. It is built here as a closure because cloudpickle sends closures
    by value: a worker without this package can still run it and say so."""

    def readiness() -> tuple[str, str]:
        try:
            from pipeline.annotate import load_nlp, pipeline_version
        except ImportError as error:
            return "cannot import the news-claims package", f"{type(error).__name__}: {error}"
        try:
            nlp = load_nlp(model)
        except (OSError, ValueError, ImportError) as error:
            return f"cannot load the spaCy model {model!r}", f"{type(error).__name__}: {error}".splitlines()[0]
        return "ready", pipeline_version(model, nlp)

    return readiness


# A chunk whose worker process died (killed, out of memory) is run again this many times in all, then
# its articles are recorded as failed.
_ATTEMPTS = 2


class _RetryingPool:
    """A pool of worker processes that survives the death of one: the pool is made anew and the
    chunks in flight are submitted again. Workers die with the run and leave Ctrl-C to it."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.config.processes, initializer=_worker_started, initargs=(os.getpid(),)
        )

    def __enter__(self) -> _RetryingPool:
        return self

    def __exit__(self, *_: object) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)

    def submit(self, fresh: list[Document]) -> _Retried:
        try:
            future = self.pool.submit(process_chunk, fresh, self.config)
        except BrokenProcessPool:  # a worker died since the last result was taken
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._start()
            future = self.pool.submit(process_chunk, fresh, self.config)
        return _Retried(self, fresh, self.pool, future)

    def result(self, task: _Retried) -> list[DocumentResult]:
        for attempt in range(1, _ATTEMPTS + 1):
            try:
                return task.future.result()
            except BrokenProcessPool:
                if task.pool is self.pool:  # the first chunk to notice starts a new pool
                    self.pool.shutdown(wait=False, cancel_futures=True)
                    self.pool = self._start()
                if attempt < _ATTEMPTS:
                    task.pool, task.future = self.pool, self.pool.submit(process_chunk, task.fresh, self.config)
        reason = f"a worker process died {_ATTEMPTS} times while processing this chunk (killed, out of memory?)"
        return [DocumentResult(replace(d, status="failed", error=reason), [], [], 0) for d in task.fresh]


@dataclass
class _Retried:
    """A chunk submitted to a `_RetryingPool`; `result()` waits for it (retrying as needed)."""

    owner: _RetryingPool
    fresh: list[Document]
    pool: ProcessPoolExecutor
    future: Future

    def result(self) -> list[DocumentResult]:
        return self.owner.result(self)


def _worker_started(parent: int) -> None:
    """In each pool worker: end with the parent process even when it is killed (Linux's parent-death
    signal), and ignore Ctrl-C, which the parent handles (it reaches the whole process group)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: workers end when the pool's pipe closes
        return
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _in_order(pending: Pending, submit: Callable, workers: int) -> Finished:
    """Submit chunks as futures, a bounded number at a time, and yield their results in order."""
    in_flight: deque = deque()
    for chunk, fresh in pending:
        in_flight.append((chunk, fresh, submit(fresh) if fresh else None))
        if len(in_flight) > _IN_FLIGHT_PER_WORKER * workers:
            yield _finished(in_flight.popleft())
    while in_flight:
        yield _finished(in_flight.popleft())


def _finished(item: tuple) -> tuple[list[Document], list[Document], list[DocumentResult]]:
    chunk, fresh, future = item
    return chunk, fresh, future.result() if future is not None else []
