"""The parser reads the labelled staff messages as well as the targets say."""

from pathlib import Path

import intents
from intents.evaluate import load, score

LABELLED = Path(intents.__file__).with_name("corpus") / "labelled.jsonl"


def test_the_labelled_set_covers_every_intent_of_the_contract():
    examples = load(LABELLED)
    assert len(examples) >= 400
    assert {e.intent for e in examples} == {
        "customer.show", "customer.create", "customer.update", "customer.forget",
        "customer.export", "interaction.log", "interaction.history", "purchase.log",
        "task.create", "task.list", "task.complete", "segment.list", "next_action.suggest",
        "nps.record", "report.show", "digest.show", "digest.subscribe", "digest.unsubscribe",
        "undo", "help", "unknown",
    }  # fmt: skip


def test_staff_messages_are_understood_at_the_target_accuracy():
    result = score(load(LABELLED))
    misses = "\n".join(f"{e.text!r}: {p.intent} {p.slots}" for e, p in result.misses[:20])
    assert result.intent_accuracy >= 0.97, misses
    assert result.slot_accuracy >= 0.95, misses
