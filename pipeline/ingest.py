"""EDGE: read input files into `Document` records.

Inputs are any mix of `.txt` files, folders of them and `.jsonl` files (one record per line with
`id`, `text`, optional `published`). Nothing here raises for a bad article: it becomes a
`Document` with `status="failed"` (or `"skipped"`) and the reason in `error`, so the batch goes on.
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
            files.extend(
                sorted(p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and not p.is_dir())
            )
        elif path.is_file():
            if path.suffix.lower() not in TEXT_SUFFIXES + JSONL_SUFFIXES:
                raise InputError(f"{path}: expected a .txt or .jsonl file or a folder")
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return files


def read_documents(files: Iterable[Path]) -> Iterator[Document]:
    """Read every file into Documents, one per article; doc ids are made unique.

    A doc id is the file stem (or a JSONL record's `id`). When an id was already used, later
    articles get `{id}__2`, `{id}__3`, ... in input order, so ids are deterministic for a given
    list of inputs.
    """
    seen: dict[str, int] = {}
    for path in files:
        records = _read_jsonl(path) if path.suffix.lower() in JSONL_SUFFIXES else [_read_text_file(path)]
        for document in records:
            count = seen.get(document.doc_id, 0) + 1
            seen[document.doc_id] = count
            if count > 1:
                unique = f"{document.doc_id}__{count}"
                seen[unique] = 1
                document = replace(document, doc_id=unique)
            yield document


def make_document(doc_id: str, path: str, text: str, *, published: str | None = None) -> Document:
    """Build a Document from decoded text: checksum, publication date, where the body starts."""
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    header_date, body_start = parse_date_header(text)
    stated = parse_date(published) if published else None
    if not text.strip():
        return Document(doc_id, path, text, sha, status="skipped", error="empty article (no text)")
    return Document(doc_id, path, text, sha, published=stated or header_date, body_start=body_start)


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
    try:
        data = path.read_bytes()
        text = decode_bytes(data)
    except (OSError, UnicodeError) as error:
        return _failed(path.stem, str(path), f"{type(error).__name__}: {error}")
    return make_document(path.stem, str(path), text)


def _read_jsonl(path: Path) -> Iterator[Document]:
    try:
        handle = path.open("rb")
    except OSError as error:
        yield _failed(path.stem, str(path), f"{type(error).__name__}: {error}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(decode_bytes(raw))
            except (UnicodeError, json.JSONDecodeError) as error:
                yield _failed(f"{path.stem}-line{number}", where, f"line {number}: malformed JSON ({error})")
                continue
            if not isinstance(record, dict):
                yield _failed(f"{path.stem}-line{number}", where, f"line {number}: not a JSON object")
                continue
            doc_id = str(record.get("id") or f"{path.stem}-line{number}")
            text = record.get("text")
            if text is None:
                yield _failed(doc_id, where, f"line {number}: record has no 'text'")
            elif not isinstance(text, str):
                yield _failed(doc_id, where, f"line {number}: 'text' is {type(text).__name__}, not a string")
            else:
                published = record.get("published")
                yield make_document(doc_id, where, text, published=str(published) if published else None)


def _failed(doc_id: str, path: str, error: str) -> Document:
    return Document(doc_id, path, "", "", status="failed", error=error)


