"""Finding a person in free text and blanking them out, while keeping the rest of the sentence.

Used by erasure: a colleague's note "Jane Cooper referred them, call +1 212 555 0100" about another
customer keeps its meaning for that customer once it reads "[erased] referred them, call [erased]".
Phone numbers are recognised however they were written, by reading every number-like run as a
phone number and comparing canonical forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from crm_store import normalize

ERASED = "[erased]"
SHORTEST_TEXT = 8  # note texts shorter than this are too common to blank out everywhere
NUMBER_LIKE = re.compile(r"\+?\(?\d[\d ()./-]{4,}\d")


@dataclass
class Identity:
    """Everything that names one person: each name, e-mail, phone and note text they ever had."""

    names: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    external_ids: set[str] = field(default_factory=set)
    texts: set[str] = field(default_factory=set)

    def add_record(self, values: dict[str, Any] | None) -> None:
        """Take the identifiers out of a customer row or one of its audit snapshots."""
        if not values:
            return
        if name := values.get("name") or values.get("company"):  # a company alone names them
            self.names.add(str(name))
        for column, found in (
            ("email", self.emails),
            ("phone", self.phones),
            ("external_id", self.external_ids),
        ):
            if values.get(column):
                found.add(str(values[column]))

    def add_text(self, text: str | None) -> None:
        if text and len(text.strip()) >= SHORTEST_TEXT:
            self.texts.add(text.strip())


class Redactor:
    """Replaces the person's names, e-mails, phones and note texts in text and JSON values."""

    def __init__(self, identity: Identity, *, region: str = "US") -> None:
        self.region = region
        self.phones = set(identity.phones)
        self.tails = {phone[-7:] for phone in self.phones}
        words = sorted(
            {w for w in (*identity.names, *identity.emails, *identity.texts) if w.strip()}
            | self.phones,
            key=len,
            reverse=True,
        )
        self.words = words
        alternatives = "|".join(re.escape(w) for w in words)
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I) if words else None

    def like_patterns(self) -> list[str]:
        """LIKE patterns (on lower-cased text) that every mention matches, and a few more: a
        cheap first sieve in the database, before `text` decides. Characters that JSON or a
        collation may write differently become wildcards; phones are sieved by their last four
        digits."""
        patterns = {f"%{digits[-4:]}%" for digits in self.phones}
        for word in self.words:
            sieve = re.sub(r"[^a-z0-9@. +-]+", "%", word.lower())
            patterns.add(f"%{sieve}%")
        return sorted(patterns)

    def text(self, value: str) -> str:
        if not value:
            return value
        if self.pattern is not None:
            value = self.pattern.sub(ERASED, value)
        if self.phones:
            value = NUMBER_LIKE.sub(self._phone, value)
        return value

    def _phone(self, match: re.Match[str]) -> str:
        if re.sub(r"\D", "", match.group())[-7:] not in self.tails:  # cheap: most numbers aren't
            return match.group()
        try:
            number = normalize.phone(match.group(), region=self.region)
        except ValueError:
            return match.group()
        return ERASED if number in self.phones else match.group()

    def value(self, value: Any) -> Any:
        """A JSON value with every string in it redacted (keys are field names, left alone)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {key: self.value(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.value(item) for item in value]
        return value

    def mentions(self, value: Any) -> bool:
        return self.value(value) != value
