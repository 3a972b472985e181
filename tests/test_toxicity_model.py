"""The committed model's settings agree with the scorer that uses them."""

from __future__ import annotations

import json

from pipeline.toxicity import OPERATING_THRESHOLD
from pipeline.toxicity.model import CONFIG_PATH


def test_operating_threshold_is_the_one_training_chose() -> None:
    """train_toxicity.py prints the threshold for the saved (tempered) weights; it must be
    copied into OPERATING_THRESHOLD, or the verdicts use a cut made for another scale."""
    training = json.loads(CONFIG_PATH.read_text(encoding="utf-8"))["training"]
    assert training["operating_threshold"] == OPERATING_THRESHOLD


def test_saved_weights_record_their_temperature() -> None:
    """The temperature is folded into the coefficients; the config says by how much, so a
    reader of model.npz knows its logits are not the fitted ones."""
    training = json.loads(CONFIG_PATH.read_text(encoding="utf-8"))["training"]
    assert 0.0 < training["temperature"] <= 1.0
