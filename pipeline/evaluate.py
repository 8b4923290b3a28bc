"""Extraction accuracy: predicted claims against a hand-made gold set.

Claims are matched one-to-one within a document by character offsets (exact span first, then
largest overlap). Detection precision/recall/F1 are reported per kind and overall; on matched
pairs, the accuracy of each attribute. Names (entity, source) match when, after folding case,
a leading `the` and possessives, one's words contain the other's (`Akazawa` ~ `Ryosei Akazawa`), or
one is the other's acronym (`WTO` ~ `World Trade Organization`).
"""

from __future__ import annotations

import json
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.entities import clean_name, is_acronym_of
from pipeline.records import KINDS

ATTRIBUTES = ("value", "unit", "qualifier", "role", "direction", "entity", "time", "source", "subject")
_WORD = re.compile(r"[a-z0-9]+(?:\.[a-z0-9]+)*")


@dataclass(frozen=True)
class Match:
    gold: int  # row positions
    pred: int


def load_gold(path: Path) -> pd.DataFrame:
    """Read a gold claims JSONL file."""
    return pd.read_json(path, lines=True, dtype={"time": str, "doc_id": str}).replace({"None": None})


def match_claims(gold: pd.DataFrame, pred: pd.DataFrame) -> list[Match]:
    """Pair gold and predicted claims of the same document by offsets, one to one."""
    matches: list[Match] = []
    for doc_id, gold_rows in gold.groupby("doc_id"):
        pred_rows = pred[pred["doc_id"] == doc_id]
        candidates = []
        for g, gold_row in gold_rows.iterrows():
            for p, pred_row in pred_rows.iterrows():
                overlap = min(gold_row.char_end, pred_row.char_end) - max(gold_row.char_start, pred_row.char_start)
                if overlap > 0:
                    exact = gold_row.char_start == pred_row.char_start and gold_row.char_end == pred_row.char_end
                    candidates.append((not exact, -overlap, g, p))
        used_gold, used_pred = set(), set()
        for _, _, g, p in sorted(candidates):
            if g not in used_gold and p not in used_pred:
                used_gold.add(g)
                used_pred.add(p)
                matches.append(Match(g, p))
    return matches


def names_match(gold: object, pred: object) -> bool:
    """Lenient name equality (see module docstring); two nulls match.

    >>> names_match("Akazawa", "Ryosei Akazawa"), names_match("WTO", "World Trade Organization")
    (True, True)
    >>> names_match("Toyota", "Honda"), names_match(None, None)
    (False, True)
    """
    gold_words, pred_words = _name_words(gold), _name_words(pred)
    if not gold_words or not pred_words:
        return not gold_words and not pred_words
    if gold_words <= pred_words or pred_words <= gold_words:
        return True
    gold_text, pred_text = clean_name(str(gold)), clean_name(str(pred))
    return is_acronym_of(gold_text, pred_text) or is_acronym_of(pred_text, gold_text)


def token_f1(gold: object, pred: object) -> float:
    """Token-overlap F1 of two phrases (case-insensitive); 1.0 when both are empty."""
    gold_tokens, pred_tokens = _words(gold), _words(pred)
    if not gold_tokens or not pred_tokens:
        return float(not gold_tokens and not pred_tokens)
    common = sum(min(gold_tokens.count(word), pred_tokens.count(word)) for word in set(gold_tokens))
    if common == 0:
        return 0.0
    precision, recall = common / len(pred_tokens), common / len(gold_tokens)
    return 2 * precision * recall / (precision + recall)


def _words(value: object) -> list[str]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    return _WORD.findall(str(value).lower().replace("’", "'").replace("'s", ""))


def _name_words(value: object) -> set[str]:
    return set(_words(value)) - {"the"}


def _same(gold: object, pred: object) -> bool:
    gold_null = gold is None or (isinstance(gold, float) and math.isnan(gold))
    pred_null = pred is None or (isinstance(pred, float) and math.isnan(pred))
    if gold_null or pred_null:
        return gold_null and pred_null
    if isinstance(gold, (int, float)) and isinstance(pred, (int, float)):
        return math.isclose(gold, pred, rel_tol=1e-6, abs_tol=1e-9)
    return str(gold) == str(pred)


def attribute_correct(name: str, gold_row: pd.Series, pred_row: pd.Series) -> float:
    """Score of one attribute on a matched pair: 1/0, or token F1 for `subject`."""
    if name == "subject":
        return token_f1(gold_row["subject"], pred_row["subject"])
    if name in ("entity", "source"):
        return float(names_match(gold_row[name], pred_row[name]))
    if name == "value":
        return float(all(_same(gold_row[c], pred_row[c]) for c in ("value", "value_low", "value_high")))
    return float(_same(gold_row[name], pred_row[name]))


def evaluate(gold: pd.DataFrame, pred: pd.DataFrame) -> dict:
    """Detection P/R/F1 per kind and overall, attribute accuracy on matches, and the errors."""
    pred = _with_attributes(pred[pred["doc_id"].isin(set(gold["doc_id"]))]).reset_index(drop=True)
    gold = _with_attributes(gold).reset_index(drop=True)
    matches = match_claims(gold, pred)
    report: dict = {"n_gold": len(gold), "n_pred": len(pred), "n_matched": len(matches)}
    groups = {"overall": None, **{kind: kind for kind in KINDS}}
    for group, kind in groups.items():
        gold_ids = set(gold.index if kind is None else gold.index[gold["kind"] == kind])
        pred_ids = set(pred.index if kind is None else pred.index[pred["kind"] == kind])
        in_group = [m for m in matches if m.gold in gold_ids]
        true_pos_pred = sum(1 for m in matches if m.pred in pred_ids)
        precision = true_pos_pred / len(pred_ids) if pred_ids else 1.0
        recall = len(in_group) / len(gold_ids) if gold_ids else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores = {"precision": precision, "recall": recall, "f1": f1, "n_gold": len(gold_ids), "n_pred": len(pred_ids)}
        for name in ATTRIBUTES:
            values = [attribute_correct(name, gold.loc[m.gold], pred.loc[m.pred]) for m in in_group]
            scores[name] = sum(values) / len(values) if values else 1.0
        report[group] = {key: round(value, 4) if isinstance(value, float) else value for key, value in scores.items()}
    report["errors"] = _errors(gold, pred, matches)
    report["pairs"] = _pairs(gold, pred, matches)
    return report


# What a row must get right to be "fully right", the figure confidence is calibrated against.
FULLY_RIGHT = ("value", "unit", "entity", "time", "source")


def _pairs(gold: pd.DataFrame, pred: pd.DataFrame, matches: list[Match]) -> list[dict]:
    """Per matched claim: its confidence, the linking rules that decided it, and which attributes
    are right (subject: token F1 >= 0.5), for the rule and reliability tables of `summarize`."""
    if "confidence" not in pred.columns:  # a second annotator's file
        return []
    pairs = []
    for m in matches:
        gold_row, pred_row = gold.loc[m.gold], pred.loc[m.pred]
        right = {
            name: attribute_correct(name, gold_row, pred_row) >= (0.5 if name == "subject" else 1.0)
            for name in ATTRIBUTES
        }
        rules = pred_row["link_rules"] if "link_rules" in pred.columns else None
        pairs.append(
            {
                "doc_id": str(pred_row["doc_id"]),
                "mention": str(pred_row["mention"]),
                "confidence": float(pred_row["confidence"]),
                "link_rules": [] if rules is None else [str(rule) for rule in rules],
                "right": right,
            }
        )
    return pairs


def summarize(reports: dict[str, dict], rule_keys: list[str], bins: int = 5) -> str:
    """Over the matched claims of several gold sets: per linking rule, how often it decided and how
    often it was right; and the reliability of `confidence` (bins against the share of rows fully
    right, with the expected calibration error)."""
    pairs = [pair for report in reports.values() for pair in report.get("pairs", [])]
    fired = {key: 0 for key in rule_keys}
    right = {key: 0 for key in rule_keys}
    fields = list(dict.fromkeys(key.split(":")[0] for key in rule_keys))
    for field in fields:  # rows no rule of the field decided (left null): right when the gold is null too
        fired[f"{field}:(none)"] = right[f"{field}:(none)"] = 0
    for pair in pairs:
        decided = {key.split(":")[0] for key in pair["link_rules"]}
        keys = [*pair["link_rules"], *(f"{field}:(none)" for field in fields if field not in decided)]
        for key in keys:
            fired[key] = fired.get(key, 0) + 1
            right[key] = right.get(key, 0) + pair["right"][key.split(":")[0]]
    lines = [
        f"linking rules over {len(pairs)} matched claims of {', '.join(reports)}",
        "rule" + " " * 30 + "fired  right  share",
    ]
    for key in fired:
        share = f"{right[key] / fired[key]:.3f}" if fired[key] else "  -"
        lines.append(f"{key:<34}{fired[key]:>5}  {right[key]:>5}  {share}")
    lines.append("")
    lines.append("confidence        rows  fully right (value, unit, entity, time, source)")
    error = 0.0
    for low in range(bins):
        lower, upper = low / bins, (low + 1) / bins
        in_bin = [p for p in pairs if lower <= p["confidence"] < upper or (upper == 1.0 and p["confidence"] == 1.0)]
        if not in_bin:
            continue
        share = sum(all(p["right"][name] for name in FULLY_RIGHT) for p in in_bin) / len(in_bin)
        mean = sum(p["confidence"] for p in in_bin) / len(in_bin)
        error += len(in_bin) / len(pairs) * abs(share - mean)
        lines.append(f"{lower:.1f}-{upper:.1f}  {len(in_bin):>10}  {share:.3f} (mean confidence {mean:.3f})")
    high = [p for p in pairs if p["confidence"] >= 0.9]
    if high:
        share = sum(all(p["right"][name] for name in FULLY_RIGHT) for p in high) / len(high)
        lines.append(f"confidence >= 0.9: {len(high)} rows, {share:.3f} fully right")
    lines.append(f"expected calibration error: {error:.3f}")
    return "\n".join(lines)


def _with_attributes(frame: pd.DataFrame) -> pd.DataFrame:
    """A gold set or prediction made before a column existed (`direction`) reads it as null."""
    missing = [name for name in (*ATTRIBUTES, "value_low", "value_high") if name not in frame.columns]
    return frame.assign(**dict.fromkeys(missing, None)) if missing else frame


def _errors(gold: pd.DataFrame, pred: pd.DataFrame, matches: list[Match]) -> list[dict]:
    errors = []
    matched_gold = {m.gold for m in matches}
    matched_pred = {m.pred for m in matches}
    for index, row in gold.iterrows():
        if index not in matched_gold:
            errors.append(
                {"type": "missed", "doc_id": row.doc_id, "mention": row.mention, "char_start": row.char_start}
            )
    for index, row in pred.iterrows():
        if index not in matched_pred:
            errors.append(
                {"type": "spurious", "doc_id": row.doc_id, "mention": row.mention, "char_start": int(row.char_start)}
            )
    for m in matches:
        for name in ATTRIBUTES:
            if attribute_correct(name, gold.loc[m.gold], pred.loc[m.pred]) < (0.5 if name == "subject" else 1):
                errors.append(
                    {
                        "type": name,
                        "doc_id": gold.loc[m.gold, "doc_id"],
                        "mention": gold.loc[m.gold, "mention"],
                        "gold": _plain(gold.loc[m.gold, name]),
                        "pred": _plain(pred.loc[m.pred, name]),
                    }
                )
    return errors


def _plain(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def format_report(report: dict) -> str:
    """A table a person reads at a glance: groups as rows, figures as columns."""
    columns = ("n_gold", "n_pred", "precision", "recall", "f1", *ATTRIBUTES)
    lines = ["group    " + " ".join(f"{column[:9]:>9}" for column in columns)]
    for group in ("overall", *KINDS):
        row = report[group]
        cells = [f"{row[c]:>9}" if isinstance(row[c], int) else f"{row[c]:>9.3f}" for c in columns]
        lines.append(f"{group:<8} " + " ".join(cells))
    return "\n".join(lines)


def figures(report: dict) -> dict[str, dict[str, float]]:
    """The figures a baseline fixes: every score per group, without counts and error lists."""
    return {
        group: {name: value for name, value in report[group].items() if not name.startswith("n_")}
        for group in ("overall", *KINDS)
    }


def drops(report: dict, baseline: dict[str, dict[str, float]]) -> list[str]:
    """Figures that fell below the baseline, as readable lines."""
    current = figures(report)
    return [
        f"{group}.{name}: {current[group][name]:.4f} < baseline {value:.4f}"
        for group, scores in baseline.items()
        for name, value in scores.items()
        if current[group][name] < value - 1e-9
    ]


def main(
    pred_path: Path, gold_path: Path, out_path: Path, *, baseline_path: Path | None = None, write_baseline: bool = False
) -> int:
    """CLI entry: score, print the table, write the JSON report; with a baseline, fail on any drop."""
    # predictions are a claims.parquet, or a second annotator's JSONL (inter-annotator agreement)
    missing = [str(path) for path in (pred_path, gold_path, baseline_path) if path and not path.is_file()]
    if baseline_path and write_baseline and str(baseline_path) in missing:
        missing.remove(str(baseline_path))
    if missing:
        print(f"error: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    gold = load_gold(gold_path)
    if pred_path.suffix == ".jsonl":
        pred = load_gold(pred_path)
        gold = gold[gold["doc_id"].isin(set(pred["doc_id"]))]  # a second annotator may cover some articles
    else:
        pred = pd.read_parquet(pred_path)
    shared = set(gold["doc_id"]) & set(pred["doc_id"])
    if not shared:
        print(
            f"error: the predictions ({pred_path}) and the gold ({gold_path}) share no article: "
            "nothing to score (were they made from the same articles?)",
            file=sys.stderr,
        )
        return 2
    report = evaluate(gold, pred)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"gold: {gold_path}")
    print(format_report(report))
    print(f"{len(report['errors'])} differences listed in {out_path}")
    if baseline_path is None:
        return 0
    if write_baseline:
        baseline_path.write_text(json.dumps(figures(report), indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"baseline written to {baseline_path}")
        return 0
    fallen = drops(report, json.loads(baseline_path.read_text(encoding="utf-8")))
    for line in fallen:
        print(f"REGRESSION {line}")
    return 1 if fallen else 0
