"""A message reads the same in every process: nothing in the reading hangs on set order."""

import json
import os
import subprocess
import sys

MESSAGES = [
    "Sold Ponsonby Bakehouse 2000 paper bags with their logo...  $1,180",
    "Keystone Capital signed for Enterprise, $1.2M. Huge.",
    "new lead Chris Park at Acme, owner Dana, interested in hardware",
]
_SCRIPT = """
import json, sys
from datetime import datetime
from intents import parse
now = datetime(2026, 11, 18, 10, 0)
print(json.dumps([parse(t, now=now, tz="Europe/London").slots for t in json.loads(sys.argv[1])]))
"""


def _read_with_hash_seed(seed: str) -> list:
    run = subprocess.run(
        [sys.executable, "-c", _SCRIPT, json.dumps(MESSAGES)],
        env={**os.environ, "PYTHONHASHSEED": seed},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


def test_a_message_reads_the_same_whatever_the_hash_seed():
    first, *others = (_read_with_hash_seed(seed) for seed in ("0", "1", "3"))
    assert first[0]["customer"] == "Ponsonby Bakehouse"
    assert all(other == first for other in others)
