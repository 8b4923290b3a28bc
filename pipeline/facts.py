"""Facts across articles: claims that state the same figure, and whether they agree.

A fact is every claim with the same entity, the same measure (the subject's head noun and key
modifiers, lemmatized: `claims.measure`), the same kind and unit (money compared in US dollars,
through `value_usd`, when it has one), the same period (a claim without one: the year it was
published), and the same aspect (a level, a per-share amount, or the size of a change: role `by`).
A `from` claim is the earlier value of a stated change, not a statement of the fact, and is left
out, as is a claim whose measure is only the counted thing (`tonne`) or the entity's own name.

Each claim stands for an interval (`claims.interval_low`/`interval_high`: its written precision and
qualifier, see `claims.interval`). A fact of one claim is `single`; its claims `agree` when all their
intervals meet; they are in `conflict` when the claims of different articles do not meet while each
article's own claims do. An article that gives two values for one key (`Shr 46 cts vs 22 cts`: this
year and last) describes two things the key cannot tell apart: that fact is `ambiguous`, never a
conflict. A conversion restates its amount (`¥8.6 trillion ($59.4 billion)`): in dollars they are
one value, so never a conflict.

Written in SQL and run by DuckDB over the run's whole claims table, so memory stays flat however
many articles there are; `claims.fact_id` links each claim to its fact.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

# The claims of facts, each with its key, its fact's id, and its value and interval (money in USD where
# it can be): everything below reads this table only.
_KEYED = r"""
CREATE TABLE keyed AS
WITH claims AS (
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
    WHERE entity IS NOT NULL AND measure IS NOT NULL AND (role IS NULL OR role <> 'from')
      -- a measure that is only the counted thing (`tonne`) or the entity's own name says too little
      AND measure <> lower(COALESCE(unit, '')) AND measure <> lower(entity)
)
SELECT claim_id, doc_id, char_start, source, entity, measure, kind, aspect, fact_unit, fact_time,
       substr(sha256(concat_ws('|', entity, measure, kind, fact_unit, fact_time, aspect)), 1, 16) AS fact_id,
       value * factor AS value, interval_low * factor AS low, interval_high * factor AS high
FROM claims
WHERE fact_time IS NOT NULL
"""
# Per fact: whether each article's own claims of it meet (an article that states two values for one
# key describes two things the key cannot tell apart: this year and last, two crops), and the status.
_STATUS = """
CREATE TABLE fact_status AS
WITH per_article AS (
    SELECT fact_id, count(*) AS n, max(low) AS low, min(high) AS high, max(low) <= min(high) AS consistent
    FROM keyed GROUP BY fact_id, doc_id
)
SELECT fact_id,
       CASE
           WHEN NOT bool_and(consistent) THEN 'ambiguous'
           WHEN sum(n) = 1 THEN 'single'
           WHEN max(low) <= min(high) THEN 'agree'
           ELSE 'conflict'
       END AS status
FROM per_article GROUP BY fact_id
"""
_FACTS = """
CREATE TABLE facts AS
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
FROM keyed JOIN fact_status USING (fact_id)
GROUP BY fact_id, entity, measure, kind, fact_unit, fact_time, aspect, status
ORDER BY status = 'conflict' DESC, n_articles DESC, fact_id
"""
# The claims in their order, each with its fact.
_CLAIMS_WITH_FACTS = """
COPY (
    SELECT c.* EXCLUDE (row_in_file), k.fact_id
    FROM (SELECT *, row_number() OVER () AS row_in_file FROM read_parquet(?)) c
    LEFT JOIN keyed k USING (claim_id)
    ORDER BY c.row_in_file
) TO '{target}' (FORMAT parquet)
"""


# DuckDB's working memory for the facts; its working tables live in a file beside the output, and its
# sorts and joins spill to disk, but the lists and medians of each fact are held in memory
# (`python -m pipeline.bench --facts` measures the peak).
MEMORY_LIMIT = "2GB"


def build_facts(claims: Path, facts: Path, claims_with_facts: Path) -> None:
    """Read the claims table at `claims`; write the facts table to `facts` and the claims with their
    `fact_id` to `claims_with_facts` (Parquet both)."""
    spill = facts.parent / ".facts-work"
    spill.mkdir(exist_ok=True)
    connection = duckdb.connect(str(spill / "facts.duckdb"))  # working tables on disk, not in memory
    try:
        connection.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        connection.execute("SET temp_directory = ?", [str(spill)])
        source = str(claims)
        connection.execute(_KEYED, [source])
        connection.execute(_STATUS)
        connection.execute(_FACTS)
        target = str(facts).replace("'", "''")
        connection.execute(f"COPY facts TO '{target}' (FORMAT parquet)")
        connection.execute(_CLAIMS_WITH_FACTS.format(target=str(claims_with_facts).replace("'", "''")), [source])
    finally:
        connection.close()
        shutil.rmtree(spill, ignore_errors=True)
