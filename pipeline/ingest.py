"""EDGE: read input files into `Document` records.

Inputs are any mix of article files, folders of them and files of article records:

| input | articles | read by |
| --- | --- | --- |
| `.txt` | one per file | `decode_bytes` |
| `.html`, `.htm` | one per page: main text (no menus, tickers, sidebars, footers), date | trafilatura, htmldate |
| `.jsonl`, `-` (standard input) | one per line | `json` |
| `.csv` | one per row (a header row names the columns) | `csv` |
| `.parquet` | one per row | pyarrow |

Records carry the text under `text`, the id under `id` and the publication date under `published`
(other names: `RecordKeys`, `--text-key`, `--id-key`, `--date-key`). Folders are searched
recursively for `.txt` and `.html`/`.htm` files; their other files are counted and named
(`Inputs.not_articles`), never read as articles and never skipped in silence.

Nothing here raises for a bad article: it becomes a `Document` with a status and the reason in
`error`, so the batch goes on:

- `skipped`: nothing to extract: `empty article (no text)`, `(only whitespace)`, `(only a date header)`,
  `no article text found in the page` (HTML);
- `failed`: not an article we can read: the OS error (`PermissionError: [Errno 13] ...`,
  `FileNotFoundError: ...`), `UnicodeError: binary file (PNG image), not text` (or NUL bytes,
  control characters, undecodable bytes), `article too long: ...` (over `MAX_CHARS`), or a bad
  record: `line 3: malformed JSON (...)`, `line 4: record has no 'text'`, `line 5: 'text' is
  int, not a string`, `row 2: ...` (CSV, Parquet), with `path` = `file.jsonl:3`.

Doc ids are the file stem or the record's id (`{stem}-line{n}`, `{stem}-row{n}` when a record has
none). An id already used in the run gets `__2`, `__3`, ... in input order, skipping ids that are
taken: `a/report.txt` and `b/report.txt` become `report` and `report__2`. Ids are therefore unique
and the same for the same list of inputs. File names that are not valid UTF-8 keep their readable
part, the rest shown as U+FFFD.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import BinaryIO

from pipeline.dates import parse_date, parse_date_header
from pipeline.records import Document

STDIN = Path("-")  # JSONL records from standard input
# Longest article processed, in characters (spaCy's own default `max_length`; news articles are
# under 100,000). Processing time grows with length: a million characters take about a minute.
MAX_CHARS = 1_000_000
_MAX_BYTES = 4 * MAX_CHARS  # no encoding read here takes more than 4 bytes a character

# Magic numbers of binary formats people rename to .txt by mistake.
_BINARY_SIGNATURES = {
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip archive",
}


class InputError(ValueError):
    """An input argument that cannot be used at all (missing path, unknown file type)."""


@dataclass(frozen=True)
class RecordKeys:
    """The field (JSONL) or column (CSV, Parquet) names of a record's text, id and publication date."""

    text: str = "text"
    id: str = "id"
    published: str = "published"


@dataclass(frozen=True)
class Inputs:
    """The files a run reads, the files found in its folders that are not articles, and the folders
    that could not be read (or were seen already, through a link)."""

    files: list[Path]
    not_articles: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # folders not read, with the reason


def find_inputs(inputs: Iterable[Path]) -> Inputs:
    """List the files named by `inputs`: files as given (`-` for standard input); folders searched
    recursively for article files, their other files listed as `not_articles`.

    Raises:
        InputError: a path does not exist or is not a file of a known kind or a folder.
    """
    files: list[Path] = []
    not_articles: list[Path] = []
    skipped: list[str] = []
    for path in inputs:
        if path == STDIN:
            files.append(path)
        elif path.is_dir():
            found = _walk(path, skipped)
            files.extend(p for p in found if p.suffix.lower() in FOLDER_SUFFIXES)
            not_articles.extend(p for p in found if p.suffix.lower() not in FOLDER_SUFFIXES)
        elif path.exists():  # a file, or a FIFO or device, which its reader records as failed
            if path.suffix.lower() not in READERS:
                raise InputError(f"{path}: expected a folder or a file ending in {', '.join(READERS)}")
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return Inputs(files, not_articles, skipped)


def _walk(folder: Path, skipped: list[str]) -> list[Path]:
    """Every file under `folder`, in name order, following linked folders once each (a link back to
    a folder already seen, a loop, is not followed again); what cannot be walked goes to `skipped`."""
    seen: set[tuple[int, int]] = set()
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        skipped.append(f"{error.filename}: {type(error).__name__}: {error.strerror}")

    for top, folders, names in os.walk(folder, followlinks=True, onerror=unreadable):
        status = os.stat(top)
        if (status.st_dev, status.st_ino) in seen:
            skipped.append(f"{top}: a link to a folder already read (a loop), not read again")
            folders.clear()
            continue
        seen.add((status.st_dev, status.st_ino))
        folders.sort()
        found.extend(Path(top) / name for name in names)
    return sorted(found)


def expand_inputs(inputs: Iterable[Path]) -> list[Path]:
    """The article files of `inputs` (`find_inputs` without the files that are not articles)."""
    return find_inputs(inputs).files


def count_articles(files: Iterable[Path]) -> int | None:
    """How many articles `files` hold (for a progress bar's total), or None when it cannot be known
    before reading (standard input). Record files are counted by a fast pass of their own."""
    total = 0
    for path in files:
        suffix = path.suffix.lower()
        try:
            if path == STDIN:
                return None
            elif not path.is_file():
                total += 1  # a FIFO or device is not opened here (it is recorded as failed)
            elif suffix == ".jsonl":
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif suffix == ".csv":
                with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
                    total += max(0, sum(1 for _ in csv.reader(handle)) - 1)
            elif suffix == ".parquet":
                import pyarrow.parquet as pq

                total += pq.ParquetFile(path).metadata.num_rows
            else:
                total += 1
        except (OSError, csv.Error, ValueError):
            total += 1  # the reader records what is wrong with it
    return total


def read_documents(files: Iterable[Path], keys: RecordKeys | None = None) -> Iterator[Document]:
    """Read every file into Documents, one per article, never raising for a bad one.

    Doc ids are made unique: an id already used gets `__2`, `__3`, ... in input order (the first
    suffix not taken), so `a/report.txt`, `b/report.txt` give `report`, `report__2`.
    """
    keys = keys or RecordKeys()
    used: set[str] = set()
    last_suffix: dict[str, int] = {}
    for path in files:
        reader = _read_stdin if path == STDIN else READERS[path.suffix.lower()]
        for document in reader(path, keys):
            doc_id = document.doc_id
            while doc_id in used:
                last_suffix[document.doc_id] = last_suffix.get(document.doc_id, 1) + 1
                doc_id = f"{document.doc_id}__{last_suffix[document.doc_id]}"
            used.add(doc_id)
            yield document if doc_id == document.doc_id else replace(document, doc_id=doc_id)


def make_document(doc_id: str, path: str, text: str, *, published: str | None = None) -> Document:
    """Build a Document from decoded text: checksum, publication date, where the body starts.

    Text over `MAX_CHARS` gives a `failed` Document, text without a body a `skipped` one.
    """
    sha = _sha(text)
    if len(text) > MAX_CHARS:
        error = f"article too long: {len(text):,} characters (limit {MAX_CHARS:,})"
        return Document(doc_id, path, text, sha, status="failed", error=error)
    header_date, body_start = parse_date_header(text)
    stated = parse_date(published) if published else None
    unread = f"warning: published {published[:40]!r} is not a date, not used" if published and not stated else None
    document = Document(doc_id, path, text, sha, published=stated or header_date, body_start=body_start, error=unread)
    if not text[body_start:].strip():
        what = "no text" if not text else "only whitespace" if not text.strip() else "only a date header"
        return replace(document, status="skipped", error=f"empty article ({what})")
    return document


def decode_bytes(data: bytes) -> str:
    """Decode article bytes: BOMs first, then UTF-8, then cp1252 (the usual legacy news encoding).

    Raises:
        UnicodeError: the bytes are binary (NULs, control characters, a known file signature).
    """
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise UnicodeError(f"binary file ({kind}), not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig")
    if b"\x00" in data:
        raise UnicodeError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > max(3, len(text) // 100):
            raise UnicodeError("undecodable bytes: neither UTF-8 nor cp1252 text") from None
    controls = sum(1 for ch in text[:10000] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(3, len(text[:10000]) // 100):
        raise UnicodeError("binary file (control characters), not text")
    return text


def _read_file(path: Path, keys: RecordKeys, article: Callable[[str, str, str], Document]) -> Iterator[Document]:
    """One article file, decoded (`decode_bytes`) and made a Document by `article(doc_id, path, text)`."""
    doc_id, where = _readable(path.stem), _readable(str(path))
    try:
        text = decode_bytes(_read_capped(path))
    except (OSError, UnicodeError, _TooLong) as error:
        yield _failed(doc_id, where, _reason(error))
        return
    yield article(doc_id, where, text)


def _page_article(doc_id: str, where: str, page: str) -> Document:
    """A saved news page: trafilatura finds the article's main text and the page's date (htmldate
    reads the metadata and, failing that, the page); paragraphs are separated by blank lines."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=True, deduplicate=True
    )
    lines = (extracted.text or "").splitlines() if extracted else []
    text = "\n\n".join(line.strip() for line in lines if line.strip())
    if not text:
        return Document(doc_id, where, "", _sha(""), status="skipped", error="no article text found in the page")
    return make_document(doc_id, where, text, published=extracted.date)


def _read_jsonl(path: Path, keys: RecordKeys) -> Iterator[Document]:
    try:
        _regular_size(path)
        handle = path.open("rb")
    except OSError as error:
        yield _failed(_readable(path.stem), _readable(str(path)), _reason(error))
        return
    with handle:
        yield from _jsonl_records(handle, _readable(path.stem), _readable(str(path)), keys)


def _read_stdin(path: Path, keys: RecordKeys) -> Iterator[Document]:
    yield from _jsonl_records(sys.stdin.buffer, "stdin", "<stdin>", keys)


def _lines(handle: BinaryIO) -> Iterator[bytes | None]:
    """The lines of a JSONL stream, ended by LF, CRLF or a lone CR; None for a line over the size
    limit (read past, never held in memory whole)."""
    while raw := handle.readline(_MAX_BYTES + 1):
        if len(raw) > _MAX_BYTES and not raw.endswith(b"\n"):
            while (rest := handle.readline(_MAX_BYTES + 1)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield from re.split(rb"\r(?!\n)", raw) if b"\r" in raw.rstrip(b"\r\n") else [raw]


def _jsonl_records(lines: BinaryIO, stem: str, name: str, keys: RecordKeys) -> Iterator[Document]:
    for number, raw in enumerate(_lines(lines), start=1):
        if raw is None:
            yield _failed(
                f"{stem}-line{number}", f"{name}:{number}", f"line {number}: longer than {_MAX_BYTES:,} bytes"
            )
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(decode_bytes(raw.rstrip(b"\r\n")))
        except (ValueError, RecursionError) as error:  # JSONDecodeError and UnicodeError are ValueErrors
            reason = f"{error.msg} at column {error.colno}" if isinstance(error, json.JSONDecodeError) else error
            yield _failed(f"{stem}-line{number}", f"{name}:{number}", f"line {number}: malformed JSON ({reason})")
            continue
        yield _record_document(record, keys, f"{stem}-line{number}", f"{name}:{number}", f"line {number}")


def _read_csv(path: Path, keys: RecordKeys) -> Iterator[Document]:
    stem, name = _readable(path.stem), _readable(str(path))
    csv.field_size_limit(_MAX_BYTES)  # an article is one field; the csv module's default limit is 128 KB
    try:
        _regular_size(path)
        with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
            rows = csv.DictReader(handle)
            missing = _missing_column(rows.fieldnames or [], keys)
            if missing:
                yield _failed(stem, name, missing)
                return
            for number, row in enumerate(rows, start=1):
                yield _record_document(row, keys, f"{stem}-row{number}", f"{name}:{number}", f"row {number}")
    except (OSError, csv.Error) as error:
        yield _failed(stem, name, _reason(error))


def _read_parquet(path: Path, keys: RecordKeys) -> Iterator[Document]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    stem, name = _readable(path.stem), _readable(str(path))
    try:
        _regular_size(path)
        table = pq.ParquetFile(path)
        columns = table.schema_arrow.names
        missing = _missing_column(columns, keys)
        if missing:
            yield _failed(stem, name, missing)
            return
        wanted = [column for column in (keys.text, keys.id, keys.published) if column in columns]
        number = 0
        for batch in table.iter_batches(batch_size=256, columns=wanted):  # a few rows in memory at a time
            for row in batch.to_pylist():
                number += 1
                yield _record_document(row, keys, f"{stem}-row{number}", f"{name}:{number}", f"row {number}")
    except (OSError, pa.ArrowException) as error:
        yield _failed(stem, name, _reason(error))


def _missing_column(columns: list[str], keys: RecordKeys) -> str | None:
    if keys.text in columns:
        return None
    return f"no column {keys.text!r} for the article text (columns: {', '.join(columns) or 'none'}); see --text-key"


def _record_document(record: object, keys: RecordKeys, default_id: str, where: str, label: str) -> Document:
    """A JSONL, CSV or Parquet record as a Document (failed, with the reason, when it is not an article)."""
    doc_id = _record_id(record, keys) or default_id
    problem = _record_problem(record, keys)
    if problem:
        return _failed(doc_id, where, f"{label}: {problem}")
    published = record.get(keys.published)
    if isinstance(published, datetime | date):
        published = published.isoformat()[:10]
    return make_document(doc_id, where, record[keys.text], published=str(published) if published else None)


def _record_id(record: object, keys: RecordKeys) -> str | None:
    """A record's id as a string when it is usable (a non-empty string or an integer)."""
    doc_id = record.get(keys.id) if isinstance(record, dict) else None
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        return str(doc_id)
    return doc_id if isinstance(doc_id, str) and doc_id and _is_unicode(doc_id) else None


def _record_problem(record: object, keys: RecordKeys) -> str | None:
    """Why a record cannot be read as an article, or None when it can."""
    if not isinstance(record, dict):
        return "not a JSON object"
    text, doc_id = record.get(keys.text), record.get(keys.id)
    if text is None:
        return f"record has no {keys.text!r}"
    if not isinstance(text, str):
        return f"{keys.text!r} is {type(text).__name__}, not a string"
    for name, value in ((keys.text, text), (keys.id, doc_id)):
        if isinstance(value, str) and not _is_unicode(value):
            return f"{name!r} is not valid Unicode (lone surrogate)"
    if doc_id is not None and not isinstance(doc_id, str) and _record_id(record, keys) is None:
        return f"{keys.id!r} is {type(doc_id).__name__}, not a string or an integer"
    return None


class _TooLong(ValueError):
    """A file over the size limit, found before reading it."""


class _NotAFile(OSError):
    """A path that is a FIFO, a device or a socket: reading it could block or never end."""


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))  # fmt: skip


def _regular_size(path: Path) -> int:
    """The size of a regular file (links followed), checked before it is opened."""
    mode = path.stat()
    if not stat.S_ISREG(mode.st_mode):
        kind = next((name for test, name in _KINDS if test(mode.st_mode)), "not a regular file")
        raise _NotAFile(f"not a regular file ({kind}), not read")
    return mode.st_size


def _read_capped(path: Path) -> bytes:
    size = _regular_size(path)
    if size > _MAX_BYTES:
        raise _TooLong(f"article too long: {size:,} bytes (limit {MAX_CHARS:,} characters)")
    return path.read_bytes()


def _reason(error: Exception) -> str:
    return _readable(str(error) if isinstance(error, _TooLong | _NotAFile) else f"{type(error).__name__}: {error}")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _is_unicode(text: str) -> bool:
    """Whether `text` can be written as UTF-8 (JSON escapes can make lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _readable(text: str) -> str:
    """A file name (or message naming one) with its undecodable bytes shown as U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _failed(doc_id: str, path: str, error: str) -> Document:
    return Document(doc_id, path, "", "", status="failed", error=error)


# How each kind of file is read, by its suffix (lower case); folders are searched for FOLDER_SUFFIXES.
READERS: dict[str, Callable[[Path, RecordKeys], Iterator[Document]]] = {
    ".txt": partial(_read_file, article=make_document),
    ".html": partial(_read_file, article=_page_article),
    ".htm": partial(_read_file, article=_page_article),
    ".jsonl": _read_jsonl,
    ".csv": _read_csv,
    ".parquet": _read_parquet,
}
FOLDER_SUFFIXES = (".txt", ".html", ".htm")
