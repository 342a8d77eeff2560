"""Training the intent model from the corpus (scikit-learn), and its cross-validated accuracy.

A multinomial logistic regression over `intents.features`; its probabilities are calibrated on
stratified k-fold predictions: a temperature for the intents, then Platt scaling of the chosen
reading's probability against whether the whole frame was right. Deterministic: fixed folds, a
deterministic solver, features in sorted order.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from threadpoolctl import threadpool_limits

from intents import features, rules, spans
from intents.evaluate import Example, frame_matches, load
from intents.model import Model, corpus_files, from_arrays, logit
from intents.rules import Message

FOLDS = 5
STRENGTH = 30.0  # inverse regularisation of the linear model
MIN_COUNT = 2  # a text feature seen fewer times in training is left out
TAGGER = {"c1": 0.05, "c2": 0.05, "max_iterations": 80, "feature.possible_transitions": True}


@dataclass(frozen=True)
class Encoded:
    example: Example
    message: Message
    text: list[str]
    evidence: list[str]
    tokens: list[list[str]]  # the slot tagger's features
    tags: list[str] | None  # the slot tagger's gold labels, None when they can't be placed


def corpus() -> list[Example]:
    return [example for path in corpus_files() for example in load(path)]


def encode(examples: Sequence[Example]) -> list[Encoded]:
    rows = []
    for example in examples:
        message = rules.prepare(example.text, now=example.now, tz=example.tz)
        hits, first = rules.cue_hits(message)
        text, evidence = features.of(message.text, hits, first)
        tokens = spans.features(message, evidence)
        tags = spans.labels(message, example.slots)
        rows.append(Encoded(example, message, text, evidence, tokens, tags))
    return rows


def _tagger(rows: Sequence[Encoded]) -> bytes:
    """A CRF slot tagger trained on the rows whose slots could be placed (`intents.spans`)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for row in rows:
        if row.tags is not None and row.tokens:
            trainer.append(spans.for_intent(row.tokens, row.example.intent), row.tags)
    trainer.set_params(TAGGER)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "spans.crfsuite")
        trainer.train(path)
        with open(path, "rb") as stored:
            return stored.read()


def _vocabulary(rows: Sequence[Encoded]) -> list[str]:
    counts = Counter(f for row in rows for f in row.text)
    kept = {f for f, n in counts.items() if n >= MIN_COUNT}
    kept.update(f for row in rows for f in row.evidence)
    return sorted(kept)


def _matrix(rows: Sequence[Encoded], vocabulary: list[str]) -> csr_matrix:
    index = {f: i for i, f in enumerate(vocabulary)}
    data, columns, pointers = [], [], [0]
    for row in rows:
        scale = 1.0 / math.sqrt(len(row.text)) if row.text else 0.0
        for f in row.text:
            if (i := index.get(f)) is not None:
                columns.append(i)
                data.append(scale)
        for f in row.evidence:
            if (i := index.get(f)) is not None:
                columns.append(i)
                data.append(1.0)
        pointers.append(len(columns))
    return csr_matrix((data, columns, pointers), shape=(len(rows), len(vocabulary)))


def _linear(rows: Sequence[Encoded]) -> dict[str, np.ndarray]:
    vocabulary = _vocabulary(rows)
    labels = [row.example.intent for row in rows]
    classifier = LogisticRegression(C=STRENGTH, max_iter=5000, tol=1e-4)
    with threadpool_limits(1):  # small sparse problems: more threads only contend
        classifier.fit(_matrix(rows, vocabulary), labels)
    return {
        "features": np.array(vocabulary),
        "classes": np.array(classifier.classes_.tolist()),
        "weights": classifier.coef_.T.astype(np.float32),
        "bias": classifier.intercept_.astype(np.float64),
        "temperature": np.array(1.0),
        "calibration": np.array([1.0, 0.0, 0.0, 0.0]),
    }


def _folds(rows: Sequence[Encoded], folds: int):
    labels = [row.example.intent for row in rows]
    # an intent with fewer examples than folds is held out as often as it can be
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    return splitter.split(np.zeros(len(rows)), labels)


def held_out(
    rows: Sequence[Encoded], folds: int = FOLDS, *, slots: bool = True
) -> tuple[list[str], np.ndarray, list[spans.Tagging | None]]:
    """For every example, the logits of a model trained without its fold, and (with `slots`)
    what a slot tagger trained without its fold reads in it."""
    classes = sorted({row.example.intent for row in rows})
    logits = np.full((len(rows), len(classes)), -30.0)
    taggings: list[spans.Tagging | None] = [None] * len(rows)
    for train, test in _folds(rows, folds):
        fold = from_arrays(_linear([rows[i] for i in train]))
        columns = [classes.index(c) for c in fold.classes]
        tagger = spans.Tagger(_tagger([rows[i] for i in train])) if slots else None
        for i in test:
            p = fold.probabilities(rows[i].text, rows[i].evidence)
            logits[i, columns] = np.log(np.maximum(p, 1e-12))
            if tagger is not None:
                taggings[i] = spans.Tagging(tagger, rows[i].message, rows[i].evidence)
    return classes, logits, taggings


def _temperature(logits: np.ndarray, truth: np.ndarray) -> float:
    def loss(t: float) -> float:
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return float(-log_p[np.arange(len(truth)), truth].mean())

    return float(minimize_scalar(loss, bounds=(0.2, 5.0), method="bounded").x)


def cross_validated(rows: Sequence[Encoded], folds: int = FOLDS, *, slots: bool = True):
    """Held-out readings: (example, parsed, probability of the chosen intent) for every example,
    with the temperature fitted on the held-out logits."""
    from intents.parser import choose

    classes, logits, tagged = held_out(rows, folds, slots=slots)
    truth = np.array([classes.index(row.example.intent) for row in rows])
    temperature = _temperature(logits, truth)
    z = logits / temperature
    z -= z.max(axis=1, keepdims=True)
    probabilities = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    plain = Model(tuple(classes), {}, np.zeros((0, len(classes))), np.zeros(len(classes)), 1.0,
                  (1.0, 0.0, 0.0, 0.0))  # fmt: skip
    readings = []
    for row, p, tagging in zip(rows, probabilities, tagged, strict=True):
        parsed = choose(row.message, p, plain, tagging=tagging)
        readings.append((row.example, parsed, float(p[classes.index(parsed.intent)])))
    return temperature, readings


def cross_validation_accuracy(folds: int = FOLDS) -> float:
    """Intent accuracy on held-out folds of the corpus."""
    _, readings = cross_validated(encode(corpus()), folds, slots=False)
    return sum(parsed.intent == example.intent for example, parsed, _ in readings) / len(readings)


def fit() -> dict[str, np.ndarray]:
    """The model's arrays, trained on the whole corpus and calibrated on held-out folds."""
    rows = encode(corpus())
    temperature, readings = cross_validated(rows)
    inputs = np.array(
        [
            [logit(p), float(rules.incomplete(parsed.intent, parsed.slots, row.message)),
             float(row.message.corrected)]
            for row, (_, parsed, p) in zip(rows, readings, strict=True)
        ]
    )  # fmt: skip
    right = [frame_matches(example, parsed) for example, parsed, _ in readings]
    arrays = _linear(rows)
    arrays["spans"] = np.frombuffer(_tagger(rows), dtype=np.uint8)
    arrays["temperature"] = np.array(temperature)
    if len(set(right)) == 2:
        platt = LogisticRegression(C=100.0).fit(inputs, right)
        arrays["calibration"] = np.array([*platt.coef_[0].tolist(), float(platt.intercept_[0])])
    return arrays
