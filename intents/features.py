"""What the intent model sees of a message: words, word pairs, letter runs and the cues that fired.

One function serves training and parsing, so the two can never see a message differently. Values
that vary without changing the intent (numbers, e-mail addresses, `#ids`, amounts) become shapes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SHAPES = [
    (re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"), " _email_ "),
    (
        re.compile(
            r"[$€£]\s?\d[\d,.]*\s?[km]?\b|\b\d[\d,.]*\s?[km]?\s?(?:usd|eur|gbp|dollars|euros?|pounds|quid|bucks)\b"
        ),
        " _money_ ",
    ),
    (re.compile(r"#\d+"), " _ref_ "),
    (re.compile(r"\+?\d[\d ()-]{7,}\d"), " _phone_ "),
    (re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?(?:am|pm)\b"), " _time_ "),
    (re.compile(r"\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b"), " _date_ "),
    (re.compile(r"\d+(?:[.,]\d+)?k\b"), " _money_ "),
    (re.compile(r"\d+"), " _n_ "),
]
_TOKEN = re.compile(r"_[a-z]+_|[a-z][a-z']*|[?!]")


def words(text: str) -> list[str]:
    """The lower-case message as tokens, with values replaced by their shapes."""
    for pattern, shape in _SHAPES:
        text = pattern.sub(shape, text)
    return _TOKEN.findall(text)


def of(
    text: str, cues: Iterable[str] = (), first: str | None = None
) -> tuple[list[str], list[str]]:
    """The message's text features (words, word pairs, letter runs of 3–4 inside words) and its
    evidence features (which intents' cues matched, and which the first matching rule reads)."""
    tokens = words(text)
    found = {f"w:{t}" for t in tokens}
    padded = ["^", *tokens, "$"]
    found.update(f"b:{a} {b}" for a, b in zip(padded, padded[1:], strict=False))
    for token in tokens:
        if token.startswith("_"):
            continue
        word = f" {token} "
        for size in (3, 4):
            found.update(f"c:{word[i : i + size]}" for i in range(len(word) - size + 1))
    evidence = [f"cue:{intent}" for intent in sorted(cues)]
    evidence.append(f"first:{first or 'none'}")
    if not tokens:
        evidence.append("empty")
    return sorted(found), evidence
