"""How well the parser reads a labelled set of messages: the figures the tests and bench hold.

A set is JSON lines: text, now (local ISO time), tz, intent, slots; other keys (e.g. "voice") are
ignored. Scoring is exact, except that free-text slots (customer, name, company, summary, text,
comment, topic, value, product, interest, owner) are compared without regard to case, surrounding
punctuation or repeated whitespace: "Jane at Acme." and "jane at acme" name the same thing.
Lists (several `task_id`s) compare as lists; `invalid` compares its keys and normalised words.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from intents.parser import Parsed, parse

FREE_TEXT = frozenset(
    {"customer", "name", "company", "summary", "text", "comment", "topic", "value", "product",
     "interest", "owner"}
)  # fmt: skip


@dataclass(frozen=True)
class Example:
    text: str
    now: datetime
    tz: str
    intent: str
    slots: dict[str, Any]


@dataclass
class Score:
    messages: int = 0
    intents_right: int = 0
    frames_right: int = 0
    slots_seen: int = 0
    slots_right: int = 0
    confusions: Counter = field(default_factory=Counter)
    per_intent: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    # (confidence, frame right) of every message, for the calibration table
    confidences: list[tuple[float, bool]] = field(default_factory=list)
    misses: list[tuple[Example, Parsed]] = field(default_factory=list)

    @property
    def intent_accuracy(self) -> float:
        return self.intents_right / self.messages if self.messages else 0.0

    @property
    def slot_accuracy(self) -> float:
        return self.slots_right / self.slots_seen if self.slots_seen else 1.0

    @property
    def frame_accuracy(self) -> float:
        return self.frames_right / self.messages if self.messages else 0.0

    def calibration(self, bins: int = 5) -> list[tuple[float, float, int, float]]:
        """Rows (low, high, messages, share of frames right) by confidence."""
        rows = []
        edges = [0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01] if bins == 5 else None
        edges = edges or [i / bins for i in range(bins + 1)]
        for low, high in zip(edges, edges[1:], strict=False):
            inside = [right for c, right in self.confidences if low <= c < high]
            if inside:
                rows.append((low, min(high, 1.0), len(inside), sum(inside) / len(inside)))
        return rows


def load(path: Path) -> list[Example]:
    """One example per JSON line: text, now (local ISO time), tz, intent, slots."""
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            now = datetime.fromisoformat(row["now"])
            examples.append(
                Example(row["text"], now, row["tz"], row["intent"], row.get("slots") or {})
            )
    return examples


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split()).strip(" .,;:!?\"'()[]*_").lower()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def slot_matches(name: str, expected: Any, parsed: Any) -> bool:
    if name in FREE_TEXT or name == "invalid":
        return _plain(expected) == _plain(parsed)
    if name == "task_id" and isinstance(expected, list) != isinstance(parsed, list):
        as_list = lambda v: v if isinstance(v, list) else [v]  # noqa: E731
        return as_list(expected) == as_list(parsed)
    return expected == parsed


def _slots_right(example: Example, parsed: Parsed) -> tuple[int, int]:
    names = set(example.slots) | set(parsed.slots)
    right = sum(slot_matches(n, example.slots.get(n), parsed.slots.get(n)) for n in names)
    return right, len(names)


def frame_matches(example: Example, parsed: Parsed) -> bool:
    right, seen = _slots_right(example, parsed)
    return parsed.intent == example.intent and right == seen


def score(examples: list[Example], reader: Callable[..., Parsed] = parse) -> Score:
    """Intent, slot and whole-frame accuracy, per intent, with confusions and confidences.

    A slot counts once for every name that the expected or the parsed frame holds, and is right
    when both hold the same value; a message with no slots expected nor found adds none.
    """
    result = Score()
    for example in examples:
        parsed = reader(example.text, now=example.now, tz=example.tz)
        result.messages += 1
        right, seen = _slots_right(example, parsed)
        result.slots_seen += seen
        result.slots_right += right
        counts = result.per_intent[example.intent]
        counts[1] += 1
        if parsed.intent == example.intent:
            result.intents_right += 1
            counts[0] += 1
        else:
            result.confusions[(example.intent, parsed.intent)] += 1
        whole = parsed.intent == example.intent and right == seen
        result.confidences.append((parsed.confidence, whole))
        if whole:
            result.frames_right += 1
        else:
            result.misses.append((example, parsed))
    return result
