"""Engines: who processes the chunks of articles. All give results in input order.

- `local` with one process: chunks are processed here, one after the other;
- `local` with N processes: a pool of N worker processes;
- `dask`: tasks on a dask.distributed cluster (an existing scheduler, or a LocalCluster).

The unit of work is `stages.process_chunk`, which loads the spaCy model once per process (the cache
lives in the worker). At most a few chunks per worker are in flight, so memory does not grow with
the corpus.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

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
        with ProcessPoolExecutor(max_workers=config.processes) as pool:
            yield from _in_order(pending, lambda fresh: pool.submit(process_chunk, fresh, config), config.processes)
    else:
        for chunk, fresh in pending:
            yield chunk, fresh, process_chunk(fresh, config) if fresh else []


def _dask_map(pending: Pending, config: Config) -> Finished:
    """On the scheduler at `config.scheduler`, or on a LocalCluster of `config.processes` workers."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    if config.scheduler:
        client = Client(config.scheduler)
    else:
        cluster = LocalCluster(n_workers=config.processes, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _in_order(pending, lambda fresh: client.submit(process_chunk, fresh, config, pure=False), workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


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
