"""The cue filter skips only cues that cannot match: the parser reads as if all were searched."""

import re

from intents import rules, vocab
from intents.cues import CueTable, required
from intents.evaluate import load
from intents.model import corpus_files


def test_a_cues_required_strings_are_the_ones_every_match_holds():
    assert required(r"(?:call|ring)ed\s+\w") == {"call", "ring"}
    assert required(r"^(?=.*\bquote\b)(?:send|sent)") == {"quote"}
    assert required(r"^\s*(?:hi|hello)?\s*$") is None  # an empty message matches it
    assert required(r"(?i)Acme") is None  # "acme" matches too, so no string is required


def test_no_message_of_the_corpus_loses_a_cue_that_matches_it():
    table = CueTable(vocab.CUES)
    everything = [(intent, re.compile(cue)) for intent, cue in vocab.CUES]
    for path in corpus_files():
        for example in load(path):
            text = rules.prepare(example.text, now=example.now, tz=example.tz).text
            searched = {cue.pattern for _, cue in table.candidates(text)}
            matching = {cue.pattern for _, cue in everything if cue.search(text)}
            assert matching <= searched, example.text


def test_a_cue_with_no_required_string_is_searched_in_every_message():
    table = CueTable([("help", r"^\W*$"), ("undo", r"\bundo\b")])
    assert [intent for intent, _ in table.candidates("...")] == ["help"]
    assert [intent for intent, _ in table.candidates("undo that")] == ["help", "undo"]
