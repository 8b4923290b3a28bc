"""The calibration fit recovers what the data says: rules that decide right claims get positive
weights, rules that decide wrong ones negative, and the reports' confidence is read as it is."""

from __future__ import annotations

import math

import numpy as np

from pipeline.calibrate import calibration_error, fit
from pipeline.claims import BASE_LOG_ODDS
from pipeline.evaluate import ATTRIBUTES


def _pair(rules: list[str], fully_right: bool) -> dict:
    # confidence as the current weights give it with no recognizer evidence
    from pipeline.calibrate import current_weights, rule_features

    pair = {"link_rules": rules, "right": {name: fully_right for name in ATTRIBUTES}, "confidence": 0.5}
    keys, features = rule_features([pair])
    score = BASE_LOG_ODDS + float(features[0] @ current_weights(keys))
    pair["confidence"] = 1 / (1 + math.exp(-score))
    return pair


def test_fit_rewards_rules_that_are_right() -> None:
    pairs = [_pair(["subject:table-row", "time:story-period"], True) for _ in range(40)]
    pairs += [_pair(["subject:nearest-chunk", "entity:previous-figure"], False) for _ in range(40)]
    keys, weights, _, _, error = fit(pairs)
    fitted = dict(zip(keys, weights, strict=True))
    assert fitted["time:story-period"] > 0.5 and fitted["entity:previous-figure"] < -0.5
    assert error < 0.05


def test_calibration_error_is_the_weighted_gap_per_bin() -> None:
    probability = np.array([0.1, 0.1, 0.9, 0.9])
    right = np.array([0.0, 1.0, 1.0, 1.0])
    # bin 0: |0.5 - 0.1| * 1/2; bin 4: |1.0 - 0.9| * 1/2
    assert math.isclose(calibration_error(probability, right), 0.25)
