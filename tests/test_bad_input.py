"""Bad input: every input ends as a `documents` row with a status and a clear error (or is read
correctly), the batch finishes, and the other articles' claims are written unchanged.

Every fixture is made by the test in tmp_path.
"""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from conftest import CORPUS

import pipeline.run
from pipeline.cli import main
from pipeline.config import Config
from pipeline.ingest import Inputs, expand_inputs, read_documents
from pipeline.prepare import prepare
from pipeline.records import DocumentResult
from pipeline.stages import process_chunk

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
RANDOM = random.Random(6).randbytes(4096)

# (file name, bytes, status, error): inputs that are not articles.
UNUSABLE = [
    ("empty.txt", b"", "skipped", "empty article (no text)"),
    ("blank.txt", b" \n\t\r\n  ", "skipped", "empty article (only whitespace)"),
    ("header-only.txt", b"date 2017-01-30\n", "skipped", "empty article (only a date header)"),
    ("nul.txt", b"Sales rose 5%\x00\x00 in May", "failed", "UnicodeError: binary file (contains NUL bytes), not text"),
    ("random.txt", RANDOM, "failed", "UnicodeError: binary file (contains NUL bytes), not text"),
    (
        "random-no-nul.txt",
        RANDOM.replace(b"\x00", b""),
        "failed",
        "UnicodeError: undecodable bytes: neither UTF-8 nor cp1252 text",
    ),
    ("controls.txt", bytes(range(1, 32)) * 10, "failed", "UnicodeError: binary file (control characters), not text"),
    ("image.txt", PNG, "failed", "UnicodeError: binary file (PNG image), not text"),
]

# (id, bytes, decoded text, claims as (mention, value, unit)): legacy and Unicode encodings.
_INVEST = "Toyota will invest $10 billion in the US."
ENCODED = [
    (
        "cp1252-pound",
        "Arsenal agreed a £5m deal with the café owner.".encode("cp1252"),
        "Arsenal agreed a £5m deal with the café owner.",
        [("£5m", 5e6, "GBP")],
    ),
    (
        "cp1252-euro",
        "Siemens won a €3.5 billion order, the café said.".encode("cp1252"),
        "Siemens won a €3.5 billion order, the café said.",
        [("€3.5 billion", 3.5e9, "EUR")],
    ),
    (
        "latin-1",
        "The café owner paid £2.5 million for the site.".encode("latin-1"),
        "The café owner paid £2.5 million for the site.",
        [("£2.5 million", 2.5e6, "GBP")],
    ),
    ("utf-8-bom", ("\ufeff" + _INVEST).encode("utf-8"), _INVEST, [("$10 billion", 1e10, "USD")]),
    ("utf-16-le-bom", _INVEST.encode("utf-16"), _INVEST, [("$10 billion", 1e10, "USD")]),
    ("utf-16-be-bom", b"\xfe\xff" + _INVEST.encode("utf-16-be"), _INVEST, [("$10 billion", 1e10, "USD")]),
]

HTML = '<p>Acme paid &#36;4.2 billion for Beta &amp; Sons.</p>\n<p class="x">Profit rose #36;3 million, or 5&#37;.</p>'

# Inputs built to make regular expressions or the tokenizer blow up: (id, text for size n, n).
# Each runs at n and at 4n; the time must grow about linearly.
PATHOLOGICAL = [
    pytest.param("digits", lambda n: "1" * n, 25_000, id="digits"),
    pytest.param("dollar-signs", lambda n: "$" * n, 12_500, id="dollar-signs"),
    pytest.param("spaced-dollar-signs", lambda n: "$ " * n, 12_500, id="spaced-dollar-signs"),
    pytest.param("qualifiers", lambda n: "about " * n + "5%", 5_000, id="qualifiers", marks=pytest.mark.slow),
]
# What the 4n-sized input gives: (mention, value, unit, qualifier) of each claim.
PATHOLOGICAL_CLAIMS = {
    "digits": [],
    "dollar-signs": [],
    "spaced-dollar-signs": [],
    "qualifiers": [("5%", 5.0, "%", "approx")],
}


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _process(*inputs: Path) -> list[DocumentResult]:
    return process_chunk(list(read_documents(expand_inputs(inputs))), Config())


def _claims(result: DocumentResult) -> list[tuple]:
    return [(claim.mention, claim.value, claim.unit) for claim in result.claims]


def _assert_offsets_index_the_text(result: DocumentResult) -> None:
    for claim in result.claims:
        assert result.document.text[claim.char_start : claim.char_end] == claim.mention


def _lock(path: Path, monkeypatch) -> None:
    """Make `path` unreadable: chmod 000, or (as root, where permissions do not apply) make reading it fail."""
    path.chmod(0)
    if os.access(path, os.R_OK):
        read_bytes = Path.read_bytes

        def refuse(self: Path) -> bytes:
            if self == path:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
            return read_bytes(self)

        monkeypatch.setattr(Path, "read_bytes", refuse)


@pytest.mark.parametrize(("name", "data", "status", "error"), UNUSABLE, ids=[case[0] for case in UNUSABLE])
def test_unusable_file_is_recorded_with_its_reason(nlp, tmp_path, name, data, status, error) -> None:
    [result] = _process(_write(tmp_path, name, data))
    assert (result.document.doc_id, result.document.status, result.document.error) == (Path(name).stem, status, error)
    assert (result.claims, result.entities) == ([], [])


@pytest.mark.parametrize(("name", "data", "text", "claims"), ENCODED, ids=[case[0] for case in ENCODED])
def test_encodings_are_decoded(nlp, tmp_path, name, data, text, claims) -> None:
    [result] = _process(_write(tmp_path, f"{name}.txt", data))
    assert (result.document.status, result.document.text) == ("ok", text)
    assert _claims(result) == claims
    _assert_offsets_index_the_text(result)


def test_html_is_stripped_for_spacy_and_offsets_point_into_the_markup(nlp, tmp_path) -> None:
    [result] = _process(_write(tmp_path, "page.txt", HTML.encode()))
    assert (
        prepare(result.document).text
        == "\nAcme paid $4.2 billion for Beta & Sons.\n\n\nProfit rose $3 million, or 5%.\n"
    )
    assert result.document.text == HTML
    assert _claims(result) == [("&#36;4.2 billion", 4.2e9, "USD"), ("#36;3 million", 3e6, "USD"), ("5&#37;", 5.0, "%")]
    _assert_offsets_index_the_text(result)


@pytest.mark.parametrize(("name", "make", "n"), PATHOLOGICAL)
def test_pathological_input_finishes_in_linear_time(nlp, tmp_path, name, make, n) -> None:
    seconds = []
    for size in (n, 4 * n):
        path = _write(tmp_path, f"{name}-{size}.txt", make(size).encode())
        started = time.perf_counter()
        [result] = _process(path)
        seconds.append(time.perf_counter() - started)
        assert result.document.status == "ok"
    assert [(c.mention, c.value, c.unit, c.qualifier) for c in result.claims] == PATHOLOGICAL_CLAIMS[name]
    assert seconds[1] < 10 * max(seconds[0], 0.1), f"{name}: {seconds[0]:.2f} s at {n}, {seconds[1]:.2f} s at 4x"


@pytest.mark.slow
def test_long_article_takes_linear_time(nlp, tmp_path) -> None:
    bodies = [document.text[document.body_start :] for document in read_documents(sorted(CORPUS.glob("*.txt")))]
    article = "\n\n".join(bodies) + "\n\n"
    seconds, counts = [], []
    for copies in (2, 8):
        path = _write(tmp_path, f"long-{copies}.txt", (article * copies).encode())
        started = time.perf_counter()
        [result] = _process(path)
        seconds.append(time.perf_counter() - started)
        counts.append(len(result.claims))
        assert result.document.status == "ok"
        _assert_offsets_index_the_text(result)
    assert counts[1] == 4 * counts[0]
    assert seconds[1] < 10 * seconds[0]


@pytest.mark.parametrize(
    ("size", "error"),
    [
        (5 * 2**20, "article too long: 5,242,880 bytes (limit 1,000,000 characters)"),
        (2_000_000, "article too long: 2,000,000 characters (limit 1,000,000)"),
    ],
    ids=["5MB", "2MB"],
)
def test_article_over_the_limit_fails_quickly(nlp, tmp_path, size, error) -> None:
    sentence = b"Acme said sales rose 5% to $120 million. "
    path = _write(tmp_path, "huge.txt", (sentence * (size // len(sentence) + 1))[:size])
    [result] = _process(path)
    assert (result.document.status, result.document.error, result.claims) == ("failed", error, [])


def test_jsonl_bad_lines_are_recorded_with_their_line_number(nlp, tmp_path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Acme said sales rose 5%."}),
        '{"id": "b", "text": ',
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": 42}),
        json.dumps({"id": "a", "text": "Beta said profit fell 7%."}),
        "",
        "[1, 2]",
        json.dumps({"text": "Gamma sold 13,000 vehicles."}),
        '{"id": "e", "text": "Sales rose 5% \\ud800"}',
        json.dumps({"id": {"x": 1}, "text": "Sales rose 6%."}),
        "[" * 100_000,
        json.dumps({"id": 7, "text": "   "}),
    ]
    path = _write(tmp_path, "feed.jsonl", "\n".join(lines).encode() + b"\n")
    rows = [
        (r.document.doc_id, r.document.path.removeprefix(str(path)), r.document.status, r.document.error, _claims(r))
        for r in _process(path)
    ]
    assert rows == [
        ("a", ":1", "ok", None, [("5%", 5.0, "%")]),
        ("feed-line2", ":2", "failed", "line 2: malformed JSON (Expecting value at column 21)", []),
        ("c", ":3", "failed", "line 3: record has no 'text'", []),
        ("d", ":4", "failed", "line 4: 'text' is int, not a string", []),
        ("a__2", ":5", "ok", None, [("7%", 7.0, "%")]),
        ("feed-line7", ":7", "failed", "line 7: not a JSON object", []),
        ("feed-line8", ":8", "ok", None, [("13,000 vehicles", 13000.0, "vehicle")]),
        ("e", ":9", "failed", "line 9: 'text' is not valid Unicode (lone surrogate)", []),
        ("feed-line10", ":10", "failed", "line 10: 'id' is dict, not a string or an integer", []),
        (
            "feed-line11",
            ":11",
            "failed",
            "line 11: malformed JSON (maximum recursion depth exceeded while decoding a JSON array from a unicode "
            "string)",
            [],
        ),
        ("7", ":12", "skipped", "empty article (only whitespace)", []),
    ]


def test_colliding_doc_ids_are_all_kept(nlp, tmp_path) -> None:
    """`report` in three folders gives `report`, `report__2`, `report__3`; a suffixed id that is
    already taken is skipped (`r__2` given first, then `r`, `r` -> `r__2`, `r`, `r__3`)."""
    for folder, percent in (("a", 5), ("b", 6), ("c", 7)):
        _write(tmp_path / "in", f"{folder}/report.txt", f"Acme said sales rose {percent}%.".encode())
    records = [{"id": doc_id, "text": f"Sales rose {n}%."} for n, doc_id in enumerate(["r__2", "r", "r"], start=1)]
    feed = _write(tmp_path, "feed.jsonl", "\n".join(json.dumps(record) for record in records).encode())
    results = _process(tmp_path / "in", feed)
    assert [(r.document.doc_id, _claims(r)[0][0]) for r in results] == [
        ("report", "5%"),
        ("report__2", "6%"),
        ("report__3", "7%"),
        ("r__2", "1%"),
        ("r", "2%"),
        ("r__3", "3%"),
    ]
    assert [claim.doc_id for r in results for claim in r.claims] == [r.document.doc_id for r in results]


def test_file_names_with_spaces_and_non_ascii(nlp, tmp_path) -> None:
    _write(tmp_path, "Q3 results – café.txt", b"Acme said sales rose 5%.")
    try:
        _write(tmp_path, os.fsdecode(b"caf\xe9 latin-1 name.txt"), b"Beta said profit fell 7%.")
    except OSError:
        pytest.skip("this file system only takes UTF-8 file names")
    results = _process(tmp_path)
    assert [(r.document.doc_id, r.document.status, _claims(r)) for r in results] == [
        ("Q3 results – café", "ok", [("5%", 5.0, "%")]),
        ("caf\ufffd latin-1 name", "ok", [("7%", 7.0, "%")]),
    ]


def test_unreadable_file_fails_with_the_os_error(nlp, tmp_path, monkeypatch) -> None:
    locked = _write(tmp_path, "locked.txt", b"Acme said sales rose 5%.")
    _write(tmp_path, "open.txt", b"Beta said profit fell 7%.")
    _lock(locked, monkeypatch)
    results = _process(tmp_path)
    assert [(r.document.doc_id, r.document.status, r.document.error, _claims(r)) for r in results] == [
        ("locked", "failed", f"PermissionError: [Errno 13] Permission denied: '{locked}'", []),
        ("open", "ok", None, [("7%", 7.0, "%")]),
    ]


def test_folder_that_disappears_mid_run(nlp, tmp_path, monkeypatch) -> None:
    vanishing = tmp_path / "vanishing"
    paths = [_write(vanishing, f"{name}.txt", b"Acme said sales rose 5%.") for name in ("a", "b")]
    _write(tmp_path / "staying", "c.txt", b"Beta said profit fell 7%.")
    find = pipeline.run.find_inputs

    def find_then_delete(inputs: list[Path]) -> Inputs:
        found = find(inputs)
        shutil.rmtree(vanishing)
        return found

    monkeypatch.setattr(pipeline.run, "find_inputs", find_then_delete)
    out = tmp_path / "out"
    assert main(["extract", str(vanishing), str(tmp_path / "staying"), "--out", str(out), "--quiet"]) == 0
    documents = pq.read_table(out / "documents.parquet", columns=["doc_id", "status", "error", "n_claims"])
    assert [tuple(row.values()) for row in documents.to_pylist()] == [
        ("a", "failed", f"FileNotFoundError: [Errno 2] No such file or directory: '{paths[0]}'", 0),
        ("b", "failed", f"FileNotFoundError: [Errno 2] No such file or directory: '{paths[1]}'", 0),
        ("c", "ok", None, 1),
    ]


def _all_bad_inputs(folder: Path, monkeypatch) -> list[Path]:
    """Every bad input above in `folder` (plus a JSONL file next to it); returns the CLI inputs."""
    for name, data, _, _ in UNUSABLE:
        _write(folder, name, data)
    for name, data, _, _ in ENCODED:
        _write(folder, f"{name}.txt", data)
    _write(folder, "page.txt", HTML.encode())
    _write(folder, "digits.txt", b"1" * 100_000)
    _write(folder, "dollar-signs.txt", b"$" * 50_000)
    _write(folder, "qualifiers.txt", b"about " * 20_000 + b"5%")
    _write(folder, "huge.txt", b"Acme said sales rose 5%. " * (5 * 2**20 // 25))
    _write(folder, "Q3 results – café.txt", b"Acme said sales rose 5%.")
    _write(folder, "zz-same-stem/000_2b0720b4e286bba8.txt", b"Gamma sold 13,000 vehicles.")
    _lock(_write(folder, "locked.txt", b"Acme said sales rose 5%."), monkeypatch)
    feed = _write(folder.parent, "feed.jsonl", b'{"id": "j1", "text": "Sales rose 5%."}\n{bad\n{"id": "j2"}\n')
    return [folder, feed]


@pytest.mark.slow
def test_corpus_claims_are_unchanged_among_bad_inputs(nlp, corpus_run, tmp_path, monkeypatch) -> None:
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    for path in CORPUS.glob("*.txt"):
        shutil.copy(path, mixed / path.name)
    inputs = _all_bad_inputs(mixed, monkeypatch)
    out = tmp_path / "out"
    assert main(["extract", *map(str, inputs), "--out", str(out), "--quiet"]) == 0

    columns = ["claim_id", "doc_id", "value", "unit", "mention"]
    clean = pd.read_parquet(corpus_run[0] / "claims.parquet", columns=columns)
    claims = pd.read_parquet(out / "claims.parquet", columns=columns)
    from_corpus = claims[claims.doc_id.isin(set(clean.doc_id))]
    assert from_corpus.values.tolist() == clean.values.tolist()

    documents = pd.read_parquet(out / "documents.parquet").set_index("doc_id")
    n_files = sum(1 for path in mixed.rglob("*") if path.is_file())
    assert len(documents) == n_files + 3  # + the three JSONL records
    assert documents.loc["000_2b0720b4e286bba8__2", ["status", "n_claims"]].tolist() == ["ok", 1]
    expected = {Path(name).stem: (status, error) for name, _, status, error in UNUSABLE} | {
        "huge": ("failed", "article too long: 5,242,875 bytes (limit 1,000,000 characters)"),
        "locked": ("failed", f"PermissionError: [Errno 13] Permission denied: '{mixed / 'locked.txt'}'"),
        "feed-line2": (
            "failed",
            "line 2: malformed JSON (Expecting property name enclosed in double quotes at column 2)",
        ),
        "j2": ("failed", "line 3: record has no 'text'"),
    }
    not_ok = documents[documents.status != "ok"]
    assert {doc_id: (row.status, row.error) for doc_id, row in not_ok.iterrows()} == expected
