"""The cue table, searched only where it can match.

Most of the table's patterns cannot match most messages, and a regular expression takes as long to
say so as to match. Each pattern's required strings (one of which every match must contain) are
read from its parsed form once, so a message is searched only with the patterns whose strings it
holds. The filter is exact: it never drops a pattern that would have matched.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from re import _constants as sre
from re import _parser as sre_parse

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def required(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` contains; None when none is certain."""
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & sre.SRE_FLAG_IGNORECASE:
        return None
    found = _required(parsed)
    return frozenset(found) if found else None


def _required(items: Iterable) -> set[str] | None:
    """The most telling set of required strings of a sequence: of its literal runs and of the
    parts it cannot skip, the set whose shortest string is longest."""
    choices: list[set[str]] = []
    run = ""
    for op, value in items:
        if op is sre.LITERAL:
            run += chr(value)
            continue
        if run:
            choices.append({run})
            run = ""
        if (part := _part(op, value)) is not None:
            choices.append(part)
    if run:
        choices.append({run})
    if not choices:
        return None
    return max(choices, key=lambda strings: (min(map(len, strings)), -len(strings)))


def _part(op, value) -> set[str] | None:
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, items = value
        return None if add_flags & sre.SRE_FLAG_IGNORECASE else _required(items)
    if op is sre.BRANCH:
        branches = [_required(branch) for branch in value[1]]
        return None if None in branches else set().union(*branches)
    if op in _REPEATS:
        low, _high, items = value
        return _required(items) if low >= 1 else None
    if op is sre.ASSERT and value[0] == 1:  # a lookahead must match too
        return _required(value[1])
    if op is sre.IN and value and all(kind is sre.LITERAL for kind, _ in value):
        return {chr(code) for _, code in value}
    return None


class CueTable:
    """(intent, pattern) pairs in table order, each searched only in messages holding one of its
    required strings."""

    def __init__(self, cues: Iterable[tuple[str, str]]) -> None:
        cues = list(cues)
        self._compiled = [(intent, re.compile(pattern)) for intent, pattern in cues]
        self._always: set[int] = set()
        by_start: defaultdict[str, defaultdict[str, set[int]]] = defaultdict(
            lambda: defaultdict(set)
        )
        for index, (_intent, pattern) in enumerate(cues):
            strings = required(pattern)
            if strings is None:
                self._always.add(index)
                continue
            for string in strings:
                by_start[string[:2]][string].add(index)
        # strings grouped by their first two characters: a group whose pair the message lacks
        # is skipped whole
        self._by_start = {start: tuple(group.items()) for start, group in by_start.items()}
        self._short = tuple((s, ix) for start, group in self._by_start.items() if len(start) < 2
                            for s, ix in group)  # fmt: skip
        self.candidates = lru_cache(maxsize=16)(self._candidates)

    def _candidates(self, text: str) -> tuple[tuple[str, re.Pattern], ...]:
        """The cues that may match `text`, in table order."""
        pairs = {text[i : i + 2] for i in range(len(text) - 1)}
        chosen = set(self._always)
        for string, indices in self._short:
            if string in text:
                chosen |= indices
        for start in pairs.intersection(self._by_start):
            for string, indices in self._by_start[start]:
                if string in text:
                    chosen |= indices
        return tuple(self._compiled[i] for i in sorted(chosen))
