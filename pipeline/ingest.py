"""EDGE: read input files into `Document` records.

Inputs are any mix of `.txt` files, folders of them and `.jsonl` files (one record per line with
`id`, `text`, optional `published`). Text files are decoded by `decode_bytes`. Nothing here raises
for a bad article: it becomes a `Document` with a status and the reason in `error`, so the batch
goes on:

- `skipped`: nothing to extract: `empty article (no text)`, `(only whitespace)`, `(only a date header)`;
- `failed`: not an article we can read: the OS error (`PermissionError: [Errno 13] ...`,
  `FileNotFoundError: ...`), `UnicodeError: binary file (PNG image), not text` (or NUL bytes,
  control characters, undecodable bytes), `article too long: ...` (over `MAX_CHARS`), or a bad
  JSONL line: `line 3: malformed JSON (...)`, `line 4: record has no 'text'`, `line 5: 'text' is
  int, not a string`, with `path` = `file.jsonl:3`.

Doc ids are the file stem or the JSONL `id` (`{stem}-line{n}` when a record has none). An id
already used in the run gets `__2`, `__3`, ... in input order, skipping ids that are taken:
`a/report.txt` and `b/report.txt` become `report` and `report__2`. Ids are therefore unique and
the same for the same list of inputs. File names that are not valid UTF-8 keep their readable
part, the rest shown as U+FFFD.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from pipeline.dates import parse_date, parse_date_header
from pipeline.records import Document

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl",)
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


def expand_inputs(inputs: Iterable[Path]) -> list[Path]:
    """List the files named by `inputs`: files as given; folders searched recursively for .txt files.

    Raises:
        InputError: a path does not exist or is not a .txt/.jsonl file or folder.
    """
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and not p.is_dir()))
        elif path.is_file():
            if path.suffix.lower() not in TEXT_SUFFIXES + JSONL_SUFFIXES:
                raise InputError(f"{path}: expected a .txt or .jsonl file or a folder")
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return files


def read_documents(files: Iterable[Path]) -> Iterator[Document]:
    """Read every file into Documents, one per article, never raising for a bad one.

    Doc ids are made unique: an id already used gets `__2`, `__3`, ... in input order (the first
    suffix not taken), so `a/report.txt`, `b/report.txt` give `report`, `report__2`.
    """
    used: set[str] = set()
    last_suffix: dict[str, int] = {}
    for path in files:
        records = _read_jsonl(path) if path.suffix.lower() in JSONL_SUFFIXES else [_read_text_file(path)]
        for document in records:
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
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    if len(text) > MAX_CHARS:
        error = f"article too long: {len(text):,} characters (limit {MAX_CHARS:,})"
        return Document(doc_id, path, text, sha, status="failed", error=error)
    header_date, body_start = parse_date_header(text)
    stated = parse_date(published) if published else None
    document = Document(doc_id, path, text, sha, published=stated or header_date, body_start=body_start)
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


def _read_text_file(path: Path) -> Document:
    doc_id, where = _readable(path.stem), _readable(str(path))
    try:
        size = path.stat().st_size
        if size > _MAX_BYTES:
            return _failed(doc_id, where, f"article too long: {size:,} bytes (limit {MAX_CHARS:,} characters)")
        text = decode_bytes(path.read_bytes())
    except (OSError, UnicodeError) as error:
        return _failed(doc_id, where, _readable(f"{type(error).__name__}: {error}"))
    return make_document(doc_id, where, text)


def _read_jsonl(path: Path) -> Iterator[Document]:
    stem, name = _readable(path.stem), _readable(str(path))
    try:
        handle = path.open("rb")
    except OSError as error:
        yield _failed(stem, name, _readable(f"{type(error).__name__}: {error}"))
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{name}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(decode_bytes(raw.rstrip(b"\r\n")))
            except (ValueError, RecursionError) as error:  # JSONDecodeError and UnicodeError are ValueErrors
                reason = f"{error.msg} at column {error.colno}" if isinstance(error, json.JSONDecodeError) else error
                yield _failed(f"{stem}-line{number}", where, f"line {number}: malformed JSON ({reason})")
                continue
            doc_id = _record_id(record) or f"{stem}-line{number}"
            problem = _record_problem(record)
            if problem:
                yield _failed(doc_id, where, f"line {number}: {problem}")
            else:
                published = record.get("published")
                yield make_document(doc_id, where, record["text"], published=str(published) if published else None)


def _record_id(record: object) -> str | None:
    """A JSONL record's `id` as a string when it is usable (a non-empty string or an integer)."""
    doc_id = record.get("id") if isinstance(record, dict) else None
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        return str(doc_id)
    return doc_id if isinstance(doc_id, str) and doc_id and _is_unicode(doc_id) else None


def _record_problem(record: object) -> str | None:
    """Why a JSONL record cannot be read as an article, or None when it can."""
    if not isinstance(record, dict):
        return "not a JSON object"
    text, doc_id = record.get("text"), record.get("id")
    if text is None:
        return "record has no 'text'"
    if not isinstance(text, str):
        return f"'text' is {type(text).__name__}, not a string"
    for field, value in (("text", text), ("id", doc_id)):
        if isinstance(value, str) and not _is_unicode(value):
            return f"'{field}' is not valid Unicode (lone surrogate)"
    if doc_id is not None and not isinstance(doc_id, str) and _record_id(record) is None:
        return f"'id' is {type(doc_id).__name__}, not a string or an integer"
    return None


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
