"""How well the parser reads a labelled set of messages: the figures the tests and bench hold."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from intents.parser import Parsed, parse


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


def load(path: Path) -> list[Example]:
    """One example per JSON line: text, now (local ISO time), tz, intent, slots."""
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            now = datetime.fromisoformat(row["now"])
            examples.append(Example(row["text"], now, row["tz"], row["intent"], row["slots"]))
    return examples


def score(examples: list[Example]) -> Score:
    """Intent, slot and whole-frame accuracy.

    A slot counts once for every name that the expected or the parsed frame holds, and is right
    when both hold the same value; a message with no slots expected nor found adds none.
    """
    result = Score()
    for example in examples:
        parsed = parse(example.text, now=example.now, tz=example.tz)
        result.messages += 1
        names = set(example.slots) | set(parsed.slots)
        right = sum(example.slots.get(name) == parsed.slots.get(name) for name in names)
        result.slots_seen += len(names)
        result.slots_right += right
        if parsed.intent == example.intent:
            result.intents_right += 1
        else:
            result.confusions[(example.intent, parsed.intent)] += 1
        if parsed.intent == example.intent and right == len(names):
            result.frames_right += 1
        else:
            result.misses.append((example, parsed))
    return result
