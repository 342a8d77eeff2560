"""A snapshot's customers ranked once, then cut to any book.

The fifty digests of a morning each want the best few of one book. Ranking the whole store once
and cutting the ranking with a mask over the snapshot's rows gives each book its best few without
sorting, hashing or copying rows again for every book.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Ranked:
    """Rows of a snapshot (positions), best score first."""

    positions: np.ndarray
    scores: np.ndarray

    @classmethod
    def of(cls, positions: np.ndarray, scores: np.ndarray, ties: np.ndarray) -> Ranked:
        """Ranked by score, highest first; equal scores in `ties` order (what `nlargest` keeps)."""
        order = np.lexsort((ties, -scores))
        return cls(positions[order], scores[order])

    def top(self, member: np.ndarray | None, n: int | None = None) -> Ranked:
        """The best `n` (all when None) of the rows `member` marks (every row when None)."""
        positions, scores = self.positions, self.scores
        if member is not None:
            inside = member[positions]
            positions, scores = positions[inside], scores[inside]
        return Ranked(positions[:n], scores[:n])


def members(index: pd.Index, ids: Iterable[int] | None) -> np.ndarray | None:
    """A mask over the snapshot's rows (its `index` of customer ids) of the customers in `ids`;
    None when that is every row."""
    if ids is None:
        return None
    wanted = ids if isinstance(ids, pd.Index) else pd.Index(list(ids))
    if wanted.equals(index):
        return None
    mask = np.zeros(len(index), dtype=bool)
    positions = index.get_indexer(wanted.unique())
    mask[positions[positions >= 0]] = True
    return None if mask.all() else mask
