"""news-claims: money amounts, percentages and counts of news articles as a claims table.

The table's columns and what counts as a claim: docs/CLAIMS.md (`news-claims info` prints where the
installed copy is). `python -m pipeline` is the same command.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__
from pipeline.config import DEFAULT_MODEL, Config
from pipeline.ingest import STDIN, InputError

if TYPE_CHECKING:
    from pipeline.run import RunSummary

# Order of the statuses in the summary line.
_STATUS_ORDER = {"ok": 0, "skipped": 1, "failed": 2}
# How many failed doc ids the --strict message names.
_SHOWN_FAILURES = 10


CONTRACT = Path(__file__).parent / "data" / "CLAIMS.md"


class Parser(argparse.ArgumentParser):
    """argparse with a suggestion for a mistyped option or command (`--procesess`: did you mean `--processes`?)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        words = [word.strip("'\",:") for word in message.split()]
        known = self._known_words()
        for word in words:
            if word.startswith("-") or "invalid choice" in message:
                close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
                if close and close[0] != word:
                    message += f" (did you mean {close[0]}?)"
                    break
        super().error(message)

    def _known_words(self) -> list[str]:
        """Every option string of this parser and its commands, and the commands' names."""
        words: list[str] = []
        for action in self._actions:
            words.extend(action.option_strings)
            if isinstance(action.choices, tuple | list):
                words.extend(action.choices)
            if isinstance(action, argparse._SubParsersAction):
                for name, command in action.choices.items():
                    words.append(name)
                    words.extend(option for sub in command._actions for option in sub.option_strings)
        return words


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="news-claims",
        description=__doc__,
        epilog=f"The contract of the claims table: {CONTRACT.resolve()}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"news-claims {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    extract = commands.add_parser("extract", help="extract the claims table from news articles")
    extract.add_argument(
        "inputs",
        nargs="*",
        type=Path,
        default=[Path("corpus")],
        help="articles: .txt and .html/.htm files, folders of them, .jsonl, .csv and .parquet files of records "
        "(text, id, published), or - for JSONL on standard input; default corpus/",
    )
    extract.add_argument("--out", type=Path, default=Path("output"), help="output folder (default output/)")
    extract.add_argument(
        "--model", default=DEFAULT_MODEL, help=f"spaCy pipeline name or path (default {DEFAULT_MODEL})"
    )
    extract.add_argument("--batch-size", type=_at_most(10_000), default=32, help="texts per spaCy batch")
    extract.add_argument(
        "--processes", type=_at_most(MAX_PROCESSES), default=1, help=f"annotation processes (at most {MAX_PROCESSES})"
    )
    extract.add_argument(
        "--chunk-size", type=_at_most(100_000), default=64, help="articles per unit of work (default 64)"
    )
    extract.add_argument("--force", action="store_true", help="re-process articles unchanged since the last run")
    extract.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes, or a Dask cluster (default local)",
    )
    extract.add_argument(
        "--scheduler",
        type=_scheduler_address,
        default=os.environ.get("DASK_SCHEDULER_ADDRESS"),
        help="Dask scheduler address, e.g. tcp://host:8786 (default $DASK_SCHEDULER_ADDRESS; "
        "none: start a LocalCluster)",
    )
    extract.add_argument(
        "--published",
        type=_iso_date,
        help="publication date (YYYY-MM-DD) of articles that state none, to resolve `last year` and the like",
    )
    extract.add_argument("--text-key", default="text", help="records' field of the article text (default text)")
    extract.add_argument("--id-key", default="id", help="records' field of the article id (default id)")
    extract.add_argument(
        "--date-key", default="published", help="records' field of the publication date (default published)"
    )
    extract.add_argument(
        "--allow-empty", action="store_true", help="publish empty tables when the inputs hold no article"
    )
    extract.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    extract.add_argument("--report", action="store_true", help="also write report.html into the output folder")
    extract.add_argument(
        "--strict", action="store_true", help="exit 1 when any article failed (the outputs are still written)"
    )

    evaluate = commands.add_parser("eval", help="score predicted claims against a gold set")
    evaluate.add_argument(
        "--pred",
        type=Path,
        default=Path("output/claims.parquet"),
        help="claims.parquet, or a second annotator's claims JSONL for agreement",
    )
    evaluate.add_argument("--gold", type=Path, default=Path("corpus/gold/claims.jsonl"))
    evaluate.add_argument("--out", type=Path, default=Path("output/eval.json"))
    evaluate.add_argument("--baseline", type=Path, help="baseline figures: exit 1 when any figure drops below")
    evaluate.add_argument("--write-baseline", action="store_true", help="write the current figures as the baseline")

    summary = commands.add_parser(
        "eval-summary", help="per linking rule and per confidence bin, over the reports of several `eval` runs"
    )
    summary.add_argument("reports", nargs="+", type=Path, help="JSON reports written by `eval --out`")

    calibrate = commands.add_parser(
        "calibrate", help="fit the linking rules' confidence weights on `eval` reports (prints them)"
    )
    calibrate.add_argument("reports", nargs="+", type=Path, help="JSON reports written by `eval --out`")

    report = commands.add_parser("report", help="write report.html, a page to check the extraction by looking")
    report.add_argument("--out", type=Path, default=Path("output"), help="output folder of extract (default output/)")
    witness = commands.add_parser(
        "witness", help="list amounts no claim covers (recall without gold) in an extraction's output"
    )
    witness.add_argument("--out", type=Path, default=Path("output"), help="output folder of extract (default output/)")
    witness.add_argument("--model", default=DEFAULT_MODEL, help="the plain spaCy model the witness runs")
    witness.add_argument("--listing", type=Path, help="JSONL of the listed spans (default OUT/witness.jsonl)")
    info = commands.add_parser("info", help="versions, the model, and where things are")
    info.add_argument("--model", default=DEFAULT_MODEL, help=f"the spaCy pipeline to describe ({DEFAULT_MODEL})")
    return parser


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date as YYYY-MM-DD: {text!r}") from None


# More worker processes than this only add memory (each holds a model) and contention.
MAX_PROCESSES = 4 * (os.cpu_count() or 1)
_SCHEDULER = re.compile(r"(?:[a-z][a-z0-9+]*://)?(?:\[[0-9a-fA-F:]+\]|[\w.-]+):\d{1,5}")


def _at_most(limit: int) -> Callable[[str], int]:
    """An argument type: a whole number from 1 to `limit`."""

    def whole_number(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if not 1 <= value <= limit:
            raise argparse.ArgumentTypeError(f"must be from 1 to {limit:,}, got {value:,}")
        return value

    return whole_number


def _scheduler_address(text: str) -> str:
    if not _SCHEDULER.fullmatch(text):
        raise argparse.ArgumentTypeError(f"not a scheduler address like tcp://host:8786: {text!r}")
    return text


def main(argv: list[str] | None = None) -> int:
    """The command line; `argv` None (the process's own arguments) when run as a program."""
    args = build_parser().parse_args(argv)
    if args.command == "extract":
        # a program's run ends with the process: its model can go before publishing (`run`);
        # a caller in the same process (tests, notebooks) keeps the loaded model for its next run
        return _extract(args, release_model=argv is None)
    if args.command == "eval":
        from pipeline.evaluate import main as evaluate_main

        return evaluate_main(
            args.pred, args.gold, args.out, baseline_path=args.baseline, write_baseline=args.write_baseline
        )
    if args.command == "calibrate":
        from pipeline.calibrate import main as calibrate_main

        return calibrate_main(args.reports)
    if args.command == "eval-summary":
        return _eval_summary(args.reports)
    if args.command == "report":
        return _report(args.out)
    if args.command == "info":
        print(info(args.model))
        return 0
    if args.command == "witness":
        from pipeline.witness import main as witness_main

        return witness_main(args.out, args.model, args.listing or args.out / "witness.jsonl")
    return 2


def info(model: str) -> str:
    """Versions and places: the package, Python, spaCy, the model, the contract."""
    import platform

    import spacy

    lines = [
        f"news-claims {__version__}",
        f"package:  {Path(__file__).parent}",
        f"python:   {platform.python_version()} ({sys.executable})",
        f"spacy:    {spacy.__version__}",
        f"contract: {CONTRACT.resolve()}",
    ]
    try:
        meta = spacy.info(model) if spacy.util.is_package(model) else None
        path = spacy.util.get_package_path(model) if meta is not None else Path(model)
        version = meta.get("version") if meta else spacy.util.load_meta(path / "meta.json").get("version")
        lines.append(f"model:    {model} {version} ({path})")
    except (OSError, ValueError):
        lines.append(f"model:    {model} (not installed: `news-claims extract` needs it, or --model NAME)")
    return "\n".join(lines)


def _eval_summary(paths: list[Path]) -> int:
    from pipeline.evaluate import summarize
    from pipeline.linking import ALL_RULES

    missing = [path for path in paths if not path.is_file()]
    if missing:
        print(f"error: no report at {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    reports = {path.stem.removeprefix("eval-"): json.loads(path.read_text(encoding="utf-8")) for path in paths}
    print(summarize(reports, [rule.key for rule in ALL_RULES]))
    return 0


def _extract(args: argparse.Namespace, *, release_model: bool = False) -> int:
    from pipeline.engines import ClusterError
    from pipeline.outputs import OutputLocked
    from pipeline.run import run

    for path in args.inputs:
        if path != STDIN and not path.exists():
            print(f"error: input {path} does not exist", file=sys.stderr)
            return 2
    out_dir: Path = args.out
    probe = out_dir if out_dir.exists() else next((p for p in out_dir.parents if p.exists()), Path("."))
    if (out_dir.exists() and not out_dir.is_dir()) or not os.access(probe, os.W_OK):
        print(f"error: output folder {out_dir} is not writable", file=sys.stderr)
        return 2
    config = Config(
        model=args.model,
        batch_size=args.batch_size,
        processes=args.processes,
        out_dir=out_dir,
        chunk_size=args.chunk_size,
        force=args.force,
        engine=args.engine,
        scheduler=args.scheduler,
        published=args.published,
        text_key=args.text_key,
        id_key=args.id_key,
        date_key=args.date_key,
        allow_empty=args.allow_empty,
    )
    try:
        summary = run(list(args.inputs), config, progress=not args.quiet, release_model=release_model)
    except (InputError, ClusterError, OutputLocked, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            f"interrupted: the outputs in {out_dir} are as before; the articles finished so far are kept, "
            "and the next run into the same folder starts after them",
            file=sys.stderr,
        )
        return 130
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not args.quiet:
        print(_summary_line(summary, out_dir))
    status = _report(out_dir, quiet=args.quiet) if args.report else 0
    if summary.statuses.get("failed", 0) == summary.n_documents > 0 and status == 0:
        print(
            f"error: every article failed ({summary.n_documents}); reasons in {out_dir}/documents.parquet",
            file=sys.stderr,
        )
        return 1
    if args.strict and summary.statuses.get("failed") and status == 0:
        failed = _failed_doc_ids(out_dir)
        more = f" and {len(failed) - _SHOWN_FAILURES} more" if len(failed) > _SHOWN_FAILURES else ""
        print(
            f"error: {len(failed)} articles failed (--strict): {', '.join(failed[:_SHOWN_FAILURES])}{more}; "
            f"reasons in the error column of {out_dir}/documents.parquet",
            file=sys.stderr,
        )
        return 1
    return status


def _summary_line(summary: RunSummary, out_dir: Path) -> str:
    """`5 articles (3 ok, 1 skipped, 1 failed), 40 claims, 3.1 s -> output/claims.parquet`."""
    counts = sorted(summary.statuses.items(), key=lambda item: _STATUS_ORDER.get(item[0], len(_STATUS_ORDER)))
    details = [f"{count} {status}" for status, count in counts]
    if summary.n_reused:
        details.append(f"{summary.n_reused} unchanged since the last run")
    line = (
        f"{summary.n_documents} articles ({', '.join(details) or 'no input files'}), {summary.n_claims} claims, "
        f"{summary.seconds:.1f} s -> {out_dir}/claims.parquet"
    )
    if summary.not_articles:
        count, names = len(summary.not_articles), summary.not_articles[:_SHOWN_FAILURES]
        more = f" and {count - len(names)} more" if count > len(names) else ""
        line += f"\n{count} files in the input folders are not articles, not read: {', '.join(names)}{more}"
    return line


def _failed_doc_ids(out_dir: Path) -> list[str]:
    """The ids of the failed articles, from the documents table just written."""
    import pyarrow.parquet as pq

    table = pq.read_table(out_dir / "documents.parquet", columns=["doc_id"], filters=[("status", "==", "failed")])
    return table.column("doc_id").to_pylist()


def _report(out_dir: Path, quiet: bool = False) -> int:
    from pipeline.outputs import OutputLocked
    from pipeline.report import build_report

    try:
        path = build_report(out_dir)
    except FileNotFoundError as error:
        print(f"error: {error}; run `news-claims extract --out {out_dir}` first", file=sys.stderr)
        return 2
    except OutputLocked as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not quiet:
        print(path)
    return 0
