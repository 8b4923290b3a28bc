"""Fit the linking rules' confidence weights to how often their claims are fully right.

`confidence` is a logistic of summed weights (`claims.confidence`): the recognizer's evidence plus
one weight per linking rule that decided (and one per field no rule filled). This fits those rule
weights, with an L2 pull towards zero, as a logistic regression of "fully right" (value, unit,
entity, time, source: `evaluate.FULLY_RIGHT`) on which rules decided, over the matched claims of
`eval` reports (the dev half of the real-article gold); the recognizer's evidence, which the
reports hold only as its sum, gets one factor: of a few, the best calibrated. The fitted weights
are printed for copying into the rule tables and the evidence table, where they live; nothing is
written.

Written by hand (a dozen lines of Newton steps) because the project has no statistics library and
this fit does not justify one.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from pipeline.claims import BASE_LOG_ODDS
from pipeline.evaluate import FULLY_RIGHT
from pipeline.linking import ALL_RULES, NO_RULE_WEIGHTS

_L2 = 1.0
_STEPS = 50


def rule_features(pairs: list[dict]) -> tuple[list[str], np.ndarray]:
    """Per matched claim, which rules decided it (and which fields no rule filled), as 0/1 columns."""
    fields = list(NO_RULE_WEIGHTS)
    keys = [rule.key for rule in ALL_RULES] + [f"{field}:(none)" for field in fields]
    index = {key: position for position, key in enumerate(keys)}
    features = np.zeros((len(pairs), len(keys)))
    for row, pair in enumerate(pairs):
        decided = set(pair["link_rules"])
        for key in decided:
            features[row, index[key]] = 1.0
        for field in fields:
            if not any(key.startswith(f"{field}:") for key in decided):
                features[row, index[f"{field}:(none)"]] = 1.0
    return keys, features


def current_weights(keys: list[str]) -> np.ndarray:
    weights = {rule.key: rule.weight for rule in ALL_RULES} | {
        f"{field}:(none)": weight for field, weight in NO_RULE_WEIGHTS.items()
    }
    return np.array([weights[key] for key in keys])


_FACTORS = (0.0, 0.25, 0.5, 0.75, 1.0)  # what the recognizer's evidence weights may be scaled by
_BINS = 5


def fit(pairs: list[dict]) -> tuple[list[str], np.ndarray, float, float, float]:
    """Fitted weight per rule key, base log-odds, the factor for the recognizer's evidence weights
    (the one of `_FACTORS` whose fit is best calibrated) and that fit's expected calibration error."""
    keys, features = rule_features(pairs)
    right = np.array([float(all(pair["right"][name] for name in FULLY_RIGHT)) for pair in pairs])
    confidence = np.clip([pair["confidence"] for pair in pairs], 1e-6, 1 - 1e-6)
    offset = np.log(confidence / (1 - confidence)) - BASE_LOG_ODDS - features @ current_weights(keys)
    design = np.hstack([np.ones((len(pairs), 1)), features])
    best = None
    for factor in _FACTORS:
        theta = _logistic(design, right, factor * offset)
        error = calibration_error(1 / (1 + np.exp(-(design @ theta + factor * offset))), right)
        if best is None or error < best[3]:
            best = (theta, factor, error, error)
    theta, factor, error, _ = best
    return keys, theta[1:], float(theta[0]), factor, error


def _logistic(design: np.ndarray, right: np.ndarray, offset: np.ndarray) -> np.ndarray:
    """Newton steps on the L2-penalised likelihood (the base, column 0, is not penalised)."""
    theta = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], _L2)
    penalty[0] = 0.0
    for _ in range(_STEPS):
        probability = 1 / (1 + np.exp(-(design @ theta + offset)))
        gradient = design.T @ (probability - right) + penalty * theta
        hessian = design.T @ (design * (probability * (1 - probability))[:, None]) + np.diag(penalty + 1e-9)
        theta -= np.linalg.solve(hessian, gradient)
    return theta


def calibration_error(probability: np.ndarray, right: np.ndarray) -> float:
    """Expected calibration error over equal-width bins (as `evaluate.summarize` reports it)."""
    bins = np.minimum((probability * _BINS).astype(int), _BINS - 1)
    return float(
        sum(
            (bins == b).mean() * abs(right[bins == b].mean() - probability[bins == b].mean())
            for b in range(_BINS)
            if (bins == b).any()
        )
    )


def main(paths: list[Path]) -> int:
    pairs = [pair for path in paths for pair in json.loads(path.read_text(encoding="utf-8")).get("pairs", [])]
    if not pairs:
        print("no matched claims with confidence in these reports")
        return 2
    keys, weights, base, factor, error = fit(pairs)
    print(f"fitted on {len(pairs)} matched claims: expected calibration error {error:.3f}")
    print(f"base log-odds (claims.BASE_LOG_ODDS) {base:+.1f}, now {BASE_LOG_ODDS:+.1f}")
    print(f"the recognizer's evidence weights (quantities.EVIDENCE_WEIGHTS) times {factor:.2f}")
    print("rule                              now  fitted")
    for key, old, new in zip(keys, current_weights(keys), weights, strict=True):
        print(f"{key:<34}{old:+.1f}  {new:+.1f}")
    return 0
