"""Facts across articles: claims that state the same figure, and whether they agree.

A fact is every claim with the same entity, the same measure (the subject's head noun and key
modifiers, lemmatized: `claims.measure`), the same kind and unit (money compared in US dollars,
through `value_usd`, when it has one), the same period (a claim without one: the year it was
published), and the same aspect (a level, a per-share amount, or the size of a change: role `by`).
A `from` claim is the earlier value of a stated change, not a statement of the fact, and is left
out, as is a claim whose measure is only the counted thing (`tonne`) or the entity's own name.

Each claim stands for an interval (`claims.interval_low`/`interval_high`: its written precision and
qualifier, see `claims.interval`). A fact of one claim is `single`; its claims `agree` when all their
intervals overlap (two values at one precision whose intervals only touch, `27 cts` and `28 cts`, do
not); they are in `conflict` when the claims of different articles do not meet while each
article's own claims do. An article that gives two values for one key (`Shr 46 cts vs 22 cts`: this
year and last) describes two things the key cannot tell apart: that fact is `ambiguous`, never a
conflict. A conversion restates its amount (`¥8.6 trillion ($59.4 billion)`): in dollars they are
one value, so never a conflict.

Written in SQL and run by DuckDB over the run's whole claims table, so memory stays flat however
many articles there are; `claims.fact_id` links each claim to its fact.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

# Every claim with its fact key: `fact_id` is null for a claim no fact holds. Claims are read in
# file order and the key is a pure function of the claim's own columns, so the claims table with its
# fact ids is a streaming projection of the claims (no join, no sort: memory stays flat).
_WITH_KEYS = r"""
SELECT *,
    CASE WHEN entity IS NOT NULL AND measure IS NOT NULL AND (role IS NULL OR role <> 'from')
              -- a measure that is only the counted thing (`tonne`) or the entity's own name says too little
              AND measure <> lower(COALESCE(unit, '')) AND measure <> lower(entity)
              AND fact_time IS NOT NULL
         THEN substr(sha256(concat_ws('|', entity, measure, kind, fact_unit, fact_time, aspect)), 1, 16)
    END AS fact_id
FROM (
    SELECT *,
        CASE
            WHEN role = 'by' THEN 'change'
            WHEN kind = 'money'
                 AND regexp_matches(lower(COALESCE(subject, '') || ' ' || measure), '\bper share\b|\ba share\b|\bshr\b')
                THEN 'per share'
            ELSE 'level'
        END AS aspect,
        CASE WHEN kind = 'money' AND fx_rate IS NOT NULL THEN 'USD' ELSE unit END AS fact_unit,
        COALESCE(time, 'published ' || CAST(year(published) AS VARCHAR)) AS fact_time,
        CASE WHEN kind = 'money' AND fx_rate IS NOT NULL THEN fx_rate ELSE 1.0 END AS factor
    FROM read_parquet(?)
)
"""
# The claims of facts, each with its key, its fact's id, and its value and interval (money in USD where
# it can be): everything below reads this table only.
_KEYED = f"""
CREATE TABLE {{table}} AS
SELECT claim_id, doc_id, char_start, source, entity, measure, kind, aspect, fact_unit, fact_time, fact_id,
       value * factor AS value, interval_low * factor AS low, interval_high * factor AS high
FROM ({_WITH_KEYS})
WHERE fact_id IS NOT NULL
"""
# Facts are grouped a bucket of fact ids at a time (a fact's claims all fall in one bucket), so the
# lists and medians held in memory are those of one bucket's claims, whatever the run's size.
_BUCKETED = """
CREATE TABLE keyed_bucketed AS
SELECT *, hash(fact_id) % $buckets AS bucket FROM keyed WHERE fact_id IN (SELECT fact_id FROM to_compute)
"""
# A re-run recomputes only the facts whose claims changed: a claim added, removed or changed in any
# column a fact reads. The others are the previous run's rows.
_CHANGED = """
CREATE TABLE to_compute AS
WITH now AS (SELECT claim_id, doc_id, char_start, source, fact_id, value, low, high FROM keyed),
     before AS (SELECT claim_id, doc_id, char_start, source, fact_id, value, low, high FROM previous_keyed)
SELECT DISTINCT fact_id FROM ((SELECT * FROM now EXCEPT SELECT * FROM before)
                              UNION ALL (SELECT * FROM before EXCEPT SELECT * FROM now))
"""
_REUSED = """
INSERT INTO facts
SELECT * FROM read_parquet(?) WHERE fact_id NOT IN (SELECT fact_id FROM to_compute)
  AND fact_id IN (SELECT fact_id FROM keyed)
"""
CLAIMS_PER_BUCKET = 50_000
# Per fact: whether each article's own claims of it meet (an article that states two values for one
# key describes two things the key cannot tell apart: this year and last, two crops), and the status.
# Intervals meet when they overlap, or the values are the same: two values at one precision that
# only touch (`27 cts` and `28 cts`, [26.5, 27.5] and [27.5, 28.5]) are two different figures.
_STATUS = """
INSERT INTO fact_status
WITH per_article AS (
    SELECT fact_id, count(*) AS n, max(low) AS low, min(high) AS high, min(value) AS value_min,
           max(value) AS value_max, max(low) < min(high) OR min(value) = max(value) AS consistent
    FROM keyed_bucketed WHERE bucket = $bucket GROUP BY fact_id, doc_id
)
SELECT fact_id,
       CASE
           WHEN NOT bool_and(consistent) THEN 'ambiguous'
           WHEN sum(n) = 1 THEN 'single'
           WHEN max(low) < min(high) OR min(value_min) = max(value_max) THEN 'agree'
           ELSE 'conflict'
       END AS status
FROM per_article GROUP BY fact_id
"""
_FACTS = """
INSERT INTO facts
SELECT
    fact_id, entity, measure, kind, fact_unit AS unit, fact_time AS time, aspect,
    count(*) AS n_claims,
    count(DISTINCT doc_id) AS n_articles,
    min(value) AS value_min,
    max(value) AS value_max,
    median(value) AS value_consensus,
    CASE WHEN min(value) > 0 THEN max(value) / min(value) - 1 END AS spread,
    status,
    list(claim_id ORDER BY doc_id, char_start) AS claim_ids,
    list(DISTINCT doc_id ORDER BY doc_id) AS doc_ids,
    list(DISTINCT source ORDER BY source) FILTER (WHERE source IS NOT NULL) AS sources
FROM (SELECT * FROM keyed_bucketed WHERE bucket = $bucket) JOIN fact_status USING (fact_id)
GROUP BY fact_id, entity, measure, kind, fact_unit, fact_time, aspect, status
"""
_FACTS_IN_ORDER = """
COPY (SELECT * FROM facts ORDER BY status = 'conflict' DESC, n_articles DESC, fact_id)
TO '{target}' (FORMAT parquet, ROW_GROUP_SIZE {row_group})
"""
_FACTS_SCHEMA = """
CREATE TABLE facts (
    fact_id VARCHAR, entity VARCHAR, measure VARCHAR, kind VARCHAR, unit VARCHAR, time VARCHAR, aspect VARCHAR,
    n_claims BIGINT, n_articles BIGINT, value_min DOUBLE, value_max DOUBLE, value_consensus DOUBLE,
    spread DOUBLE, status VARCHAR, claim_ids VARCHAR[], doc_ids VARCHAR[], sources VARCHAR[]
)
"""
# The claims in their order, each with its fact.
_CLAIMS_WITH_FACTS = f"""
COPY (SELECT * EXCLUDE (aspect, fact_unit, fact_time, factor) FROM ({_WITH_KEYS}))
TO '{{target}}' (FORMAT parquet, ROW_GROUP_SIZE {{row_group}})
"""


# DuckDB's working memory for the facts; its working tables live in a file beside the output, its sorts
# and joins spill to disk, and a bucket of facts at a time is aggregated (`CLAIMS_PER_BUCKET`), so the
# peak is bounded by this limit, not by the run's size (`python -m pipeline.bench --facts` measures it).
MEMORY_LIMIT = "128MB"
# Rows per row group of the tables written here: the CSV is converted a row group at a time.
ROW_GROUP_ROWS = 10_000


def limit_memory(connection: duckdb.DuckDBPyConnection, limit: str = MEMORY_LIMIT) -> None:
    """Bound what DuckDB holds: `limit`, one thread (each thread holds its own aggregation
    state and its own share of the rows being copied), and its allocator handing freed memory back
    after each statement (by default it keeps up to 128 MB)."""
    connection.execute(f"SET memory_limit = '{limit}'")
    connection.execute("SET threads = 1")
    connection.execute("SET allocator_flush_threshold = '8MB'")
    connection.execute("SET allocator_bulk_deallocation_flush_threshold = '8MB'")


@dataclass(frozen=True)
class FactsBuilt:
    computed: int  # facts aggregated by this run
    reused: int  # facts taken as they were from the previous run


def build_facts(claims: Path, facts: Path, claims_with_facts: Path, previous: Path | None = None) -> FactsBuilt:
    """Read the claims table at `claims`; write the facts table to `facts` and the claims with their
    `fact_id` to `claims_with_facts` (Parquet both). With `previous`, the folder of the run before
    (its `claims.parquet` and `facts.parquet`), only the facts whose claims changed are recomputed;
    a previous output this cannot read (another layout) means all are."""
    spill = facts.parent / ".facts-work"
    spill.mkdir(exist_ok=True)
    connection = duckdb.connect(str(spill / "facts.duckdb"))  # working tables on disk, not in memory
    try:
        limit_memory(connection)
        connection.execute("SET temp_directory = ?", [str(spill)])
        connection.execute("SET preserve_insertion_order = false")
        source = str(claims)
        connection.execute(_KEYED.format(table="keyed"), [source])
        connection.execute(_FACTS_SCHEMA)
        reused = _reuse_previous(connection, previous)
        if not reused:
            connection.execute("CREATE OR REPLACE TABLE to_compute AS SELECT DISTINCT fact_id FROM keyed")
        (n_keyed,) = connection.execute(
            "SELECT count(*) FROM keyed WHERE fact_id IN (SELECT fact_id FROM to_compute)"
        ).fetchone()
        buckets = max(1, -(-n_keyed // CLAIMS_PER_BUCKET))
        connection.execute(_BUCKETED, {"buckets": buckets})
        connection.execute("CREATE TABLE fact_status (fact_id VARCHAR, status VARCHAR)")
        for bucket in range(buckets):
            connection.execute(_STATUS, {"bucket": bucket})
            connection.execute(_FACTS, {"bucket": bucket})
        (total,) = connection.execute("SELECT count(*) FROM facts").fetchone()
        target = str(facts).replace("'", "''")
        connection.execute(_FACTS_IN_ORDER.format(target=target, row_group=ROW_GROUP_ROWS))
        with_facts = str(claims_with_facts).replace("'", "''")
        connection.execute("SET preserve_insertion_order = true")  # the claims keep their order
        connection.execute(_CLAIMS_WITH_FACTS.format(target=with_facts, row_group=ROW_GROUP_ROWS), [source])
    finally:
        connection.close()
        shutil.rmtree(spill, ignore_errors=True)
    return FactsBuilt(computed=total - reused, reused=reused)


def _reuse_previous(connection: duckdb.DuckDBPyConnection, previous: Path | None) -> int:
    """Copy the previous run's facts whose claims did not change into `facts`; how many. Zero (and
    nothing copied) when there is no previous run or its tables cannot be read as this run's."""
    if previous is None or not (previous / "claims.parquet").is_file() or not (previous / "facts.parquet").is_file():
        return 0
    try:
        connection.execute("BEGIN TRANSACTION")
        connection.execute(_KEYED.format(table="previous_keyed"), [str(previous / "claims.parquet")])
        connection.execute(_CHANGED)
        connection.execute(_REUSED, [str(previous / "facts.parquet")])
        connection.execute("COMMIT")
    except duckdb.Error:  # an older layout of the tables: recompute everything
        connection.execute("ROLLBACK")
        return 0
    (reused,) = connection.execute("SELECT count(*) FROM facts").fetchone()
    return reused
