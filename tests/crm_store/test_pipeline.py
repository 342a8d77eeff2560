"""The pipeline reads the words people use for its stages, and refuses a muddled configuration."""

import pytest

from crm_store.pipeline import DEFAULT, Pipeline


def test_the_default_pipeline_reads_stages_and_their_other_names():
    assert DEFAULT.describe() == "lead → qualified → proposal → customer → lost"
    said = ["Proposal", "won", "Closed Lost", "prospect", "churned", "qualified stage", "hot", None]
    assert [DEFAULT.read(word) for word in said] == [
        "proposal",
        "customer",
        "lost",
        "qualified",
        "lost",
        "qualified",
        None,
        None,
    ]
    assert (DEFAULT.first, DEFAULT.won) == ("lead", "customer")


def test_a_configured_pipeline_keeps_only_synonyms_of_its_own_stages():
    pipeline = Pipeline.of(["New", "Demo", "Won"], {"closed won": "won", "prospect": "qualified"})
    assert pipeline.stages == ("new", "demo", "won")
    assert pipeline.synonyms == {"closed won": "won"}
    assert (pipeline.won, pipeline.read("Closed Won"), pipeline.read("prospect")) == (
        "won",
        "won",
        None,
    )


@pytest.mark.parametrize(
    ("stages", "message"),
    [
        ([], "at least one stage"),
        (["lead", "lead"], "named twice"),
        (["a very long stage name"], "up to 16 letters"),
    ],
)
def test_a_muddled_pipeline_is_refused(stages, message):
    with pytest.raises(ValueError, match=message):
        Pipeline.of(stages)
