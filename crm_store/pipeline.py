"""The sales pipeline: its stages in order, the other words people use for them, and the stage a
sale moves a customer to.

The stages are configuration, not schema: a store may run its own pipeline. The default is
lead → qualified → proposal → customer → lost. Lapsing is not a stage: it is what the purchase
figures say (the `lapsed` segment), so nobody has to remember to set it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from crm_store import normalize

DEFAULT_STAGES = ("lead", "qualified", "proposal", "customer", "lost")
DEFAULT_SYNONYMS = {
    "won": "customer",
    "closed won": "customer",
    "client": "customer",
    "prospect": "qualified",
    "closed lost": "lost",
    "churned": "lost",
}
STAGE_LENGTH = 16


@dataclass(frozen=True)
class Pipeline:
    stages: tuple[str, ...] = DEFAULT_STAGES
    synonyms: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_SYNONYMS))
    won: str = "customer"  # where a first purchase moves a customer

    def __post_init__(self) -> None:
        if not self.stages:
            raise ValueError("a pipeline needs at least one stage")
        for stage in self.stages:
            if stage != normalize.fold(stage) or not stage or len(stage) > STAGE_LENGTH:
                raise ValueError(
                    f"stage {stage!r}: stages are lower-case words of up to {STAGE_LENGTH} letters"
                )
        if len(set(self.stages)) != len(self.stages):
            raise ValueError("a stage is named twice")
        for word, stage in self.synonyms.items():
            if stage not in self.stages:
                raise ValueError(f"synonym {word!r} names {stage!r}, which is not a stage")
        if self.won not in self.stages:
            raise ValueError(f"the won stage {self.won!r} is not a stage")

    @classmethod
    def of(cls, stages: Iterable[str], synonyms: Mapping[str, str] | None = None) -> Pipeline:
        """A pipeline from configuration; synonyms that name a stage it lacks are dropped."""
        ordered = tuple(normalize.fold(s) for s in stages)
        if not ordered:
            raise ValueError("a pipeline needs at least one stage")
        words = DEFAULT_SYNONYMS if synonyms is None else synonyms
        kept = {normalize.fold(w): normalize.fold(s) for w, s in words.items()}
        kept = {w: s for w, s in kept.items() if s in ordered and w not in ordered}
        won = "customer" if "customer" in ordered else ordered[-1]
        return cls(stages=ordered, synonyms=kept, won=won)

    @property
    def first(self) -> str:
        return self.stages[0]

    def read(self, typed: object) -> str | None:
        """The stage a word names ("Won" → customer), or None if it names none."""
        if typed is None:
            return None
        word = normalize.fold(str(typed)).removesuffix(" stage").strip()
        if word in self.stages:
            return word
        return self.synonyms.get(word)

    def describe(self) -> str:
        return " → ".join(self.stages)


DEFAULT = Pipeline()
