"""Accuracy of the intent parser on the labelled set, and its speed.

python bench/intents.py [--set tests/intents/labelled.jsonl] [--misses]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from intents import parse  # noqa: E402
from intents.evaluate import load, score  # noqa: E402

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "intents" / "labelled.jsonl"


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--set", type=Path, default=LABELLED)
    options.add_argument("--misses", action="store_true", help="print every wrong frame")
    options.add_argument("--rounds", type=int, default=20, help="passes over the set for timing")
    args = options.parse_args()

    examples = load(args.set)
    result = score(examples)
    print(f"messages:              {result.messages}")
    print(f"intent accuracy:       {result.intent_accuracy:.1%}")
    print(f"slot accuracy:         {result.slot_accuracy:.1%}")
    print(f"whole-frame accuracy:  {result.frame_accuracy:.1%}")
    print("confused intents (expected → parsed: count):")
    for (expected, parsed), count in result.confusions.most_common() or [(("none", "none"), 0)]:
        print(f"  {expected:<22} → {parsed:<22} {count}")
    if args.misses:
        for example, parsed in result.misses:
            print(f"\n  {example.text!r}\n    expected {example.intent} {example.slots}")
            print(f"    parsed   {parsed.intent} {parsed.slots} ({parsed.confidence})")

    latencies = []
    started = time.perf_counter()
    for _ in range(args.rounds):
        for example in examples:
            begin = time.perf_counter()
            parse(example.text, now=example.now, tz=example.tz)
            latencies.append(time.perf_counter() - begin)
    elapsed = time.perf_counter() - started
    p99 = statistics.quantiles(latencies, n=100)[98]
    print(f"throughput:            {len(latencies) / elapsed:,.0f} messages/s (one process)")
    print(
        f"latency:               median {statistics.median(latencies) * 1000:.3f} ms, "
        f"p99 {p99 * 1000:.3f} ms"
    )


if __name__ == "__main__":
    main()
