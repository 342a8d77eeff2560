"""Whatever is typed, the parser answers with a frame: pieces of real messages run together in
ways nobody wrote never make it raise (a raise would reach the chat as an error)."""

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from intents import parse
from intents.evaluate import load
from intents.model import corpus_files

TEXTS = sorted({example.text for path in corpus_files() for example in load(path)})
_WORDS = st.sampled_from(TEXTS).map(str.split)
_JOINERS = st.sampled_from([", ", " - ", ". ", " and ", ": ", " "])


@st.composite
def spliced(draw) -> str:
    """The start of one message and the end of another, as hurried typing runs them together."""
    first, second = draw(_WORDS), draw(_WORDS)
    head = first[: draw(st.integers(1, len(first)))]
    tail = second[draw(st.integers(0, len(second) - 1)) :]
    return " ".join(head) + draw(_JOINERS) + " ".join(tail)


@settings(max_examples=400, deadline=None, database=None, derandomize=True)
@given(text=spliced())
def test_any_run_of_message_pieces_is_read_without_raising(text):
    parsed = parse(text, now=datetime(2026, 12, 9, 10, 0), tz="Europe/London")
    assert parsed.intent and 0.0 <= parsed.confidence <= 1.0
