"""Text preparation: repair what breaks spaCy's model, keeping a map back to the original text.

en_core_web_sm was trained on ordinary edited text. News archives hand us HTML remnants,
tokenized text (`japan ’ s`, `$ 9,800`, `( reuters )`, `80 %`), curly quotes and articles in all
lower case. Each repair is a rewrite pass over the text; every pass records, for each character
it outputs, the span of input characters it came from, and passes compose, so any span of the
prepared text maps back to the original article (`PreparedText.to_original`).

Written by hand because no maintained library rewrites text while keeping such a map.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from pipeline.records import Document
from pipeline.truecase import is_lower_cased, truecase


@dataclass(frozen=True)
class PreparedText:
    """The text handed to spaCy plus, per character, the original span it stands for."""

    doc_id: str
    text: str
    starts: np.ndarray  # original offset where prepared char i begins
    ends: np.ndarray  # original offset (exclusive) where prepared char i ends
    repairs: tuple[str, ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a prepared-text span [start, end) to the original text's span."""
        if end <= start:
            position = int(self.starts[start]) if start < len(self.starts) else int(self.ends[-1])
            return position, position
        return int(self.starts[start]), int(self.ends[end - 1])


# One pass: (text) -> (new text, starts, ends) relative to its input, or None when nothing changed.
Rewrite = tuple[str, np.ndarray, np.ndarray]

_HTML_HINT = re.compile(r"<[A-Za-z/!]|&#?\w{1,32};|(?<![&\w])#\d{2,4};")
_HTML = re.compile(
    r"""
    (?P<comment><!--[\s\S]{0,10000}?-->)                                     # comments
    |(?P<block></?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|table|blockquote|section|article|header|footer)
        \b[^<>]{0,500}>)                                                       # block tags: a break
    |<(?P<named>(?-i:[A-Z][a-z][A-Za-z0-9.&'\-\ \n]{0,80}))>                      # a wire's company mark
    |(?P<tag></?[A-Za-z][A-Za-z0-9]{0,20}\b[^<>]{0,500}>)                      # other tags: dropped
    |(?P<entity>&(?:\#\d{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)  # entities
    |(?<![&\w])\#(?P<bare>\d{2,4});                                            # '#36;' with the & lost
    """,
    re.VERBOSE | re.IGNORECASE,
)
_DETOKENIZE = re.compile(
    r"""
    (?<=\w)\ ?(?P<clitic>['’])\ (?=(?:s|t|re|ve|ll|d|m)\b)   # japan ’ s -> japan’s
    |(?<=\w)\ +(?=n['’]t\b)                                  # do n't -> don't
    |(?<=\S)\ +(?=[,.;:!?%)\]”](?!\w))                        # space before closing punctuation
    |(?<=[(\[“$€£¥])\ +(?=\S)                                 # space after opening bracket or currency
    """,
    re.VERBOSE,
)
# Runs of symbols spaCy's tokenizer strips one at a time, rescanning the rest each time (quadratic):
# one symbol repeated (`$$$$`, `=====`) or any long run of mixed ones (`$%$%...`).
_SYMBOL_RUN = re.compile(r"([^\w\s])\1{15,}|[^\w\s]{64,}")
# Same-length character repairs: typographic quotes and exotic spaces.
_CHARACTERS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "\u2009": " ", "\u202f": " "})


def prepare(document: Document) -> PreparedText:
    """Repair a document's text for spaCy, keeping the offset map to the original.

    Args:
        document: an ingested document (`status == "ok"`).

    Returns:
        The prepared text; its body starts after any date header.
    """
    text = document.text[document.body_start :]
    starts = np.arange(document.body_start, len(document.text), dtype=np.int64)
    ends = starts + 1
    repairs: list[str] = []
    passes: list[tuple[str, Callable[[str], Rewrite | None]]] = [
        ("html", _strip_html),
        ("symbol-runs", _blank_symbol_runs),
        ("detokenize", _detokenize),
        ("symbol-runs", _blank_symbol_runs),  # again: detokenizing joins `$ $ $` into `$$$`
        ("invisible", _drop_invisible),
        ("characters", _normalize_characters),
        ("thousands-spaces", _comma_thousands),
        ("unwrap", _unwrap_lines),
        ("truecase", _truecase),
    ]
    for name, rewrite in passes:
        result = rewrite(text)
        if result is None:
            continue
        text, inner_starts, inner_ends = result
        starts, ends = starts[inner_starts], ends[inner_ends - 1]
        repairs.append(name)
    return PreparedText(document.doc_id, text, starts, ends, tuple(repairs))


def substitute(text: str, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> Rewrite | None:
    """Apply `replace` to every match of `pattern`, recording where each output char came from.

    A replacement as long as its match maps char by char; otherwise every char of the
    replacement stands for the whole match.
    """
    pieces: list[str] = []
    starts: list[np.ndarray] = []
    ends: list[np.ndarray] = []
    position = 0
    for match in pattern.finditer(text):
        new = replace(match)
        old_start, old_end = match.span()
        if new == match.group(0):
            continue
        pieces.append(text[position:old_start])
        starts.append(np.arange(position, old_start, dtype=np.int64))
        ends.append(np.arange(position + 1, old_start + 1, dtype=np.int64))
        if len(new) == old_end - old_start:
            starts.append(np.arange(old_start, old_end, dtype=np.int64))
            ends.append(np.arange(old_start + 1, old_end + 1, dtype=np.int64))
        else:
            starts.append(np.full(len(new), old_start, dtype=np.int64))
            ends.append(np.full(len(new), old_end, dtype=np.int64))
        pieces.append(new)
        position = old_end
    if not pieces:
        return None
    pieces.append(text[position:])
    starts.append(np.arange(position, len(text), dtype=np.int64))
    ends.append(np.arange(position + 1, len(text) + 1, dtype=np.int64))
    return "".join(pieces), np.concatenate(starts), np.concatenate(ends)


def _strip_html(text: str) -> Rewrite | None:
    if not _HTML_HINT.search(text):
        return None
    return substitute(text, _HTML, _html_replacement)


def _html_replacement(match: re.Match[str]) -> str:
    """Tags go, entities are decoded; a wire story's mark around a company's name (`<Spectrum
    Holding Corp>`, Title-case words where a tag has a lower-case name or capitals) keeps the name."""
    if match.group("named"):
        return f" {match.group('named')} "
    if match.group("comment") or match.group("tag"):
        return ""
    if match.group("block"):
        return "\n"
    if match.group("entity"):
        return html.unescape(match.group("entity"))
    code = int(match.group("bare"))
    character = chr(code)
    return character if 32 <= code < 0x250 and not character.isalnum() else match.group(0)


def _detokenize(text: str) -> Rewrite | None:
    return substitute(text, _DETOKENIZE, lambda match: match.group("clitic") or "")


def _blank_symbol_runs(text: str) -> Rewrite | None:
    # Long symbol runs become spaces: spaCy's tokenizer would take time quadratic in their length.
    return _same_length(text, _SYMBOL_RUN.sub(lambda match: " " * len(match.group(0)), text))


# Characters that show nothing but split a token: zero-width spaces and joiners, direction marks
# (`3 million\u200e`), the BOM; and combining marks on a digit or an amount's sign (`5\u0301%`).
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u061c\ufeff]|(?<=[\\d%$€£¥.,])[\u0300-\u036f]+")
# Thousands separated by a space (`1 000 euros`, `12 500 workers`; no-break and thin spaces are
# plain spaces by now): the separator becomes a comma, same length, so the recognizer reads one number.
_SPACE_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d\w]|[.,]\d)")


def _drop_invisible(text: str) -> Rewrite | None:
    return substitute(text, _INVISIBLE, lambda match: "") if _INVISIBLE.search(text) else None


def _comma_thousands(text: str) -> Rewrite | None:
    return _same_length(text, _SPACE_THOUSANDS.sub(lambda match: match.group(0).replace(" ", ","), text))


def _normalize_characters(text: str) -> Rewrite | None:
    return _same_length(text, text.translate(_CHARACTERS))


# A line break inside a sentence of hard-wrapped wire text (`15 mln\ndlrs`, `its third\nToronto`):
# one line break, not after a sentence's end, before a line that continues the sentence (lower case,
# a digit or a currency sign) or that is not indented (a new paragraph and a table row are), unless
# that line is an indented results-table row in lower case (`    net 226.4 mln vs 233.9 mln`).
_TABLE_ROW_LINE = r"[ \t]+[a-z][a-z ]{0,40}?[ \t][\d(][^\n]*\bvs\b"
_SOFT_WRAP = re.compile(rf"(?<=[^\s.!?:;\"])[ \t]*\n(?!{_TABLE_ROW_LINE})(?:(?=[ \t]*[a-z0-9$€£¥(])|(?=[^\s]))")


def _unwrap_lines(text: str) -> Rewrite | None:
    """Soft line breaks become spaces, so the parser reads a wrapped sentence as one.

    >>> _unwrap_lines("rose 15 mln\\n    dlrs.\\n    Net 5 vs 4\\nin 1986")[0]
    'rose 15 mln     dlrs.\\n    Net 5 vs 4 in 1986'
    >>> _unwrap_lines("shr 1.22 dlrs vs 1.28 dlrs\\n    net 226.4 mln vs 233.9 mln")  # nothing to unwrap
    """
    if "\n" not in text:
        return None
    return _same_length(text, _SOFT_WRAP.sub(lambda match: match.group(0).replace("\n", " "), text))


def _truecase(text: str) -> Rewrite | None:
    return _same_length(text, truecase(text)) if is_lower_cased(text) else None


def _same_length(text: str, rewritten: str) -> Rewrite | None:
    """A rewrite that changes characters but not their positions maps each char to itself."""
    if rewritten == text:
        return None
    identity = np.arange(len(text), dtype=np.int64)
    return rewritten, identity, identity + 1
