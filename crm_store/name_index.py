"""The words of every customer's folded name and company, and who has each: where a look-up's
candidates come from, so no message reads or re-folds the whole store.

The index lives in the process and follows the store by its change stamp: before each look-up
it reads the customers whose `updated_at` moved since its last look (less a margin for clocks
and slow commits) or whose id is new, so a customer added or renamed by another process is found
on the next message. Candidates are only a shortlist; search re-ranks them against the stored
keys, and a stale entry costs a wasted candidate, never a wrong answer.
"""

from __future__ import annotations

import bisect
import threading
import weakref
from collections import defaultdict
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from sqlalchemy import Engine, func, or_, select
from sqlmodel import Session, col

if TYPE_CHECKING:
    import numpy as np

from crm_store.models import Customer, utcnow

WORD_CUTOFF = 70  # fuzz.ratio a typed word needs with a stored word to count as the same word
WORDS_PER_TYPED = 40  # stored words a typed word may stand for
STAMP_MARGIN = timedelta(seconds=5)  # a write committed this long after its stamp is still seen
REBUILD_SHARE = 0.05  # rebuild once this share of customers changed since the last build


class NameIndex:
    """Stored words → customer ids, a base built in one read plus the changes seen since."""

    def __init__(self) -> None:
        import numpy as np

        self.lock = threading.Lock()
        self.built = False
        self.vocabulary: list[str] = []
        self.positions: dict[str, int] = {}
        self.starts = np.zeros(1, dtype=np.int64)
        self.ids = np.zeros(0, dtype=np.int64)
        self.size = 0
        self.changed: dict[int, frozenset[str]] = {}  # id → its words now (empty: gone)
        self.changed_words: dict[str, set[int]] = defaultdict(set)
        self.last_look: datetime | None = None
        self.max_id = 0

    def candidates(self, session: Session, words: list[str], *, limit: int) -> list[int]:
        """Customer ids sharing the most (fuzzily) typed words, best first."""
        with self.lock:
            self._follow(session)
            return self._best(words, limit=limit)

    def _follow(self, session: Session) -> None:
        if not self.built or len(self.changed) > max(1000, REBUILD_SHARE * self.size):
            self._build(session)
            return
        look = utcnow()
        rows = session.execute(
            select(
                Customer.id, Customer.name_key, Customer.company_key, Customer.forgotten_at
            ).where(
                or_(Customer.updated_at > self.last_look - STAMP_MARGIN, Customer.id > self.max_id)
            )
        ).all()
        for customer_id, name_key, company_key, forgotten in rows:
            self._change(customer_id, frozenset() if forgotten else _words(name_key, company_key))
            self.max_id = max(self.max_id, customer_id)
        self.last_look = look

    def _change(self, customer_id: int, words: frozenset[str]) -> None:
        for word in self.changed.get(customer_id, ()):
            self.changed_words[word].discard(customer_id)
        self.changed[customer_id] = words
        for word in words:
            self.changed_words[word].add(customer_id)

    def _build(self, session: Session) -> None:
        import numpy as np

        look = utcnow()
        rows = session.execute(
            select(Customer.id, Customer.name_key, Customer.company_key).where(
                col(Customer.forgotten_at).is_(None)
            )
        ).all()
        postings: dict[str, list[int]] = defaultdict(list)
        for customer_id, name_key, company_key in rows:
            for word in _words(name_key, company_key):
                postings[word].append(customer_id)
        self.vocabulary = sorted(postings)
        self.positions = {word: n for n, word in enumerate(self.vocabulary)}
        lengths = np.fromiter((len(postings[w]) for w in self.vocabulary), dtype=np.int64)
        self.starts = np.concatenate([[0], np.cumsum(lengths)])
        self.ids = np.fromiter(
            (i for w in self.vocabulary for i in postings[w]), dtype=np.int64, count=lengths.sum()
        )
        self.size = len(rows)
        self.max_id = max((r[0] for r in rows), default=0)
        if self.max_id == 0:
            self.max_id = session.execute(select(func.coalesce(func.max(Customer.id), 0))).scalar()
        self.changed.clear()
        self.changed_words.clear()
        self.last_look = look
        self.built = True

    def _best(self, words: list[str], *, limit: int) -> list[int]:
        import numpy as np

        changed = np.fromiter(self.changed, dtype=np.int64, count=len(self.changed))
        found_ids, found_weights = [], []
        for typed in dict.fromkeys(words):
            ids, weights = self._matching(typed, changed)
            if len(ids):
                found_ids.append(ids)
                found_weights.append(weights)
        if not found_ids:
            return []
        ids = np.concatenate(found_ids)
        unique, inverse = np.unique(ids, return_inverse=True)
        totals = np.bincount(inverse, weights=np.concatenate(found_weights))
        if len(unique) > limit:
            top = np.argpartition(-totals, limit - 1)[:limit]
        else:
            top = np.arange(len(unique))
        top = top[np.argsort(-totals[top], kind="stable")]
        return [int(i) for i in unique[top]]

    def _matching(self, typed: str, changed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Customers having a word like `typed`, each once with the best likeness (0–1)."""
        import numpy as np

        likeness: dict[str, float] = {}
        for choices in (self.vocabulary, sorted(self.changed_words)):
            for word, score, _ in process.extract(
                typed, choices, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF, limit=WORDS_PER_TYPED
            ):
                likeness[word] = max(likeness.get(word, 0.0), score / 100)
            if len(typed) >= 3:
                for word in _prefixed(choices, typed):
                    likeness[word] = max(likeness.get(word, 0.0), WORD_CUTOFF / 100)
        ids, weights = [], []
        for word, score in sorted(likeness.items(), key=lambda item: -item[1]):
            if (n := self.positions.get(word)) is not None:
                base = self.ids[self.starts[n] : self.starts[n + 1]]
                if len(changed):
                    base = base[~np.isin(base, changed)]
                ids.append(base)
                weights.append(np.full(len(base), score))
            if word in self.changed_words:
                extra = np.fromiter(self.changed_words[word], dtype=np.int64)
                ids.append(extra)
                weights.append(np.full(len(extra), score))
        if not ids:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        ids_all, weights_all = np.concatenate(ids), np.concatenate(weights)
        ids_all, first = np.unique(ids_all, return_index=True)  # the best likeness came first
        return ids_all, weights_all[first]


def _words(name_key: str | None, company_key: str | None) -> frozenset[str]:
    return frozenset(f"{name_key or ''} {company_key or ''}".split())


def _prefixed(words: list[str], typed: str, *, most: int = WORDS_PER_TYPED) -> list[str]:
    """Words of a sorted list that begin with what was typed ("acm" → "acme")."""
    found = []
    for word in words[bisect.bisect_left(words, typed) :]:
        if not word.startswith(typed) or len(found) == most:
            break
        found.append(word)
    return found


_INDEXES: weakref.WeakKeyDictionary[Engine, NameIndex] = weakref.WeakKeyDictionary()
_GUARD = threading.Lock()


def for_session(session: Session) -> NameIndex:
    """The process's index of the store this session talks to."""
    engine = session.get_bind()
    engine = getattr(engine, "engine", engine)
    with _GUARD:
        index = _INDEXES.get(engine)
        if index is None:
            index = _INDEXES[engine] = NameIndex()
        return index
