"""How well and how fast the parser reads a labelled set of messages.

python bench/intents.py [--set FILE ...] [--misses] [--cv] [--rounds N]

Without --set, the whole corpus (intents/corpus/*.jsonl) is read. A set is JSON lines with text,
now, tz, intent and slots (other keys are ignored). Prints intent, slot and whole-frame accuracy,
per-intent accuracy, confusions, a calibration table (confidence against frames read right),
throughput and latency on one core, the model's load time and `crmbot parse`'s start-up time;
--cv adds the stratified 5-fold cross-validation accuracy of the model on the corpus.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from intents import parse  # noqa: E402
from intents.evaluate import load, score  # noqa: E402
from intents.model import corpus_files, model  # noqa: E402


def _fresh(code: str) -> float:
    """Seconds a new interpreter takes to run `code` (best of three)."""
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--set", type=Path, action="append", help="a labelled set (repeatable)")
    options.add_argument("--misses", action="store_true", help="print every wrong frame")
    options.add_argument("--cv", action="store_true", help="also cross-validate on the corpus")
    options.add_argument("--rounds", type=int, default=3, help="passes over the set for timing")
    args = options.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    model()  # trained and cached on first use, so timing below is of reading only
    paths = args.set or corpus_files()
    examples = [example for path in paths for example in load(path)]
    result = score(examples)
    print(f"set:                   {', '.join(p.name for p in paths)}")
    print(f"messages:              {result.messages}")
    print(f"intent accuracy:       {result.intent_accuracy:.1%}")
    print(f"slot accuracy:         {result.slot_accuracy:.1%}")
    print(f"whole-frame accuracy:  {result.frame_accuracy:.1%}")
    print("per intent (right / messages):")
    for intent, (right, total) in sorted(result.per_intent.items()):
        print(f"  {intent:<22} {right:>4} / {total:<4} {right / total:.1%}")
    print("confused intents (expected → parsed: count):")
    for (expected, parsed), count in result.confusions.most_common(15):
        print(f"  {expected:<22} → {parsed:<22} {count}")
    print("calibration (confidence → share of frames read right):")
    for low, high, count, right in result.calibration():
        print(f"  {low:.2f}–{high:.2f}  {count:>5} messages  {right:.1%} right")
    if args.misses:
        for example, parsed in result.misses:
            print(f"\n  {example.text!r}\n    expected {example.intent} {example.slots}")
            print(f"    parsed   {parsed.intent} {parsed.slots} ({parsed.confidence})")

    latencies = []
    cpu_started = time.process_time()
    started = time.perf_counter()
    for _ in range(args.rounds):
        for example in examples:
            begin = time.perf_counter()
            parse(example.text, now=example.now, tz=example.tz)
            latencies.append(time.perf_counter() - begin)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    p99 = statistics.quantiles(latencies, n=100)[98]
    print(f"throughput:            {len(latencies) / elapsed:,.0f} messages/s (one core)")
    print(f"                       {len(latencies) / cpu:,.0f} messages per CPU-second")
    print(
        f"latency:               median {statistics.median(latencies) * 1000:.3f} ms, "
        f"p99 {p99 * 1000:.3f} ms"
    )
    bare = _fresh("import intents.model")
    loaded = _fresh("from intents.model import model; model()")
    print(f"model load:            {max(loaded - bare, 0) * 1000:.0f} ms (cached weights)")
    startup = _fresh("from bot.cli import main; main(['parse', 'hello', '--tz', 'UTC'])")
    print(f"crmbot parse start:    {startup * 1000:.0f} ms (one message, new process)")
    if args.cv:
        from intents.train import cross_validation_accuracy

        print(f"5-fold CV accuracy:    {cross_validation_accuracy():.1%} (intent, held-out folds)")


if __name__ == "__main__":
    main()
