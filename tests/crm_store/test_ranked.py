import numpy as np
import pandas as pd

from crm_store.ranked import Ranked, members


def test_a_books_best_few_are_those_nlargest_picks_from_the_book_alone():
    rng = np.random.default_rng(5)
    ids = pd.Index(rng.permutation(np.arange(1, 401)) * 3)
    values = pd.Series(rng.integers(0, 20, len(ids)), index=ids)  # many ties
    positions = np.arange(len(ids))
    ranked = Ranked.of(positions, values.to_numpy(), positions)
    book = ids[rng.random(len(ids)) < 0.3]
    best = ranked.top(members(ids, list(book)), 7)
    expected = values[values.index.isin(book)].nlargest(7)
    assert list(ids[best.positions]) == list(expected.index)
    assert list(best.scores) == list(expected)


def test_a_book_of_everyone_needs_no_mask():
    ids = pd.Index([4, 2, 9])
    assert members(ids, None) is None
    assert members(ids, [9, 2, 4, 4]) is None
    assert list(members(ids, [2, 7])) == [False, True, False]
