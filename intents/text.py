"""Chat decoration out, shorthand expanded and typos in intent words corrected, before parsing."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

DECORATION = [
    (re.compile(r"<(?:https?|mailto):[^|>]+\|([^>]+)>"), r"\1"),  # a Slack link shows its label
    (re.compile(r"<mailto:([^>|]+)>"), r"\1"),
    (re.compile(r"<(https?://[^>]+)>"), r"\1"),
    (re.compile(r"<[@!#][^>]*>"), " "),  # user, channel and special mentions
    (re.compile(r"^\s*/crm\b"), " "),
    (re.compile(r"(?<![\w:]):[a-z0-9_+-]+:(?!\w)"), " "),  # :emoji:
    (re.compile(r"(?<!\w)\*([^*]+)\*(?!\w)"), r"\1"),
    (re.compile(r"(?<!\w)_([^_]+)_(?!\w)"), r"\1"),
    (re.compile(r"(?<!\w)~([^~]+)~(?!\w)"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"^\s*@\w+[:,]?\s+"), " "),  # a leading @bot mention
]
SHORTHAND = [
    (re.compile(r"\bf/u\b|\bfup\b|\bfollowup\b|\bfollow-up\b", re.I), "follow up"),
    (re.compile(r"\bw/o\b", re.I), "without"),
    (re.compile(r"\bw/", re.I), "with "),
    (re.compile(r"\bre:\s*", re.I), "about "),
    (re.compile(r"\b(?:tmrw|tmr|tmrow|tomoz|2moro|2morrow)\b", re.I), "tomorrow"),
    (re.compile(r"\bcust\b", re.I), "customer"),
    (re.compile(r"\bpls\b|\bplz\b", re.I), "please"),
    (re.compile(r"\bu\b(?!/)", re.I), "you"),
    (re.compile(r"\bthx\b|\bty\b", re.I), "thanks"),
    (re.compile(r"\bmtg\b", re.I), "meeting"),
    (re.compile(r"\bvm\b", re.I), "voicemail"),
    (re.compile(r"\bmsg'?d\b", re.I), "messaged"),
    (re.compile(r"\bwhos\b", re.I), "who's"),
    (re.compile(r"\bwhats\b", re.I), "what's"),
    (re.compile(r"\bwat\b", re.I), "what"),
    (re.compile(r"\bshud\b|\bshld\b", re.I), "should"),
    (re.compile(r"\babt\b", re.I), "about"),
    (re.compile(r"\bwk\b", re.I), "week"),
]
# A greeting or thanks in front of a request: the request is what counts.
GREETING = re.compile(
    r"^(?:(?:hi|hey|hello|hiya|yo|morning|good (?:morning|afternoon|evening)|gm|thanks|thx|"
    r"thank you|ty|cheers|ok|okay|great|perfect|cool)(?:\s+(?:bot|all|team|there|again|so much|"
    r"mate|folks))?\s*[!,.:;-]+\s*|(?:hi|hey|hello|yo)\s+(?=\w))"
    r"(?:(?:now|so|and|also|please|pls|quick one|quick q(?:uestion)?)\b[,:]?\s*)?",
    re.I,
)
# Words that carry an intent; a misspelling of one of these is corrected, nothing else is.
VOCABULARY = [
    "help",
    "remind",
    "reminder",
    "show",
    "tell",
    "about",
    "customer",
    "customers",
    "meeting",
    "called",
    "emailed",
    "history",
    "tasks",
    "overdue",
    "digest",
    "revenue",
    "report",
    "chart",
    "undo",
    "follow",
    "tomorrow",
    "yesterday",
    "today",
    "friday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "saturday",
    "sunday",
    "bought",
    "purchased",
    "lapsed",
    "segment",
    "suggest",
    "subscribe",
    "unsubscribe",
    "interactions",
    "contacts",
    "visited",
    "texted",
    "phoned",
    "voicemail",
    "lookup",
    "profile",
    "export",
    "forget",
    "erase",
    "champions",
    "hibernating",
    "detractors",
    "promoters",
    "quarter",
    "month",
    "week",
    "monthly",
    "weekly",
    "biggest",
    "history",
    "completed",
    "finished",
    "update",
    "change",
    "create",
    "anything",
    "haven't",
    "hasn't",
    "chart",
    "graph",
    "purchases",
    "orders",
    "recommend",
    "should",
]
COMMON = {
    "about",
    "after",
    "again",
    "their",
    "there",
    "these",
    "those",
    "would",
    "could",
    "should",
    "which",
    "where",
    "while",
    "other",
    "thanks",
    "please",
    "quote",
    "seats",
    "price",
    "pricing",
    "shown",
    "shows",
    "tells",
    "chase",
    "order",
    "rocky",
    "tasty",
    "hello",
    "meets",
    "reply",
    "month",
    "monthly",
    "mouth",
    "weeks",
    "today",
    "later",
    "email",
    "emails",
    "mails",
    "calls",
    "sales",
    "value",
    "great",
    "happy",
    "sorry",
    "start",
    "store",
    "story",
    "renew",
    "renewal",
    "report",
    "support",
    "customer",
    "customers",
    "contract",
    "demo",
    "invoice",
    "meeting",
    "channel",
    "channels",
    "ordered",
    "visits",
    "hours",
    "sorted",
    "reminders",
    "segments",
    "tasks",
}
_WORD = re.compile(r"[a-z']{4,}")


def clean(text: str) -> tuple[str, bool]:
    """The message without decoration, with shorthand expanded; and whether a typo was fixed."""
    for pattern, replacement in DECORATION:
        text = pattern.sub(replacement, text)
    for pattern, replacement in SHORTHAND:
        text = pattern.sub(replacement, text)
    text = " ".join(text.split())
    if (greeted := GREETING.match(text)) and len(text[greeted.end() :].split()) >= 2:
        text = text[greeted.end() :]
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters):
        text = text.lower()
    return _correct(text)


_INFLECTIONS = frozenset({"", "s", "es", "ed", "ing", "er", "ers", "ly", "ment", "ments"})


def _inflected(word: str, known: str) -> bool:
    """'ordered' and 'orders' are one word in two forms, not a typo of each other."""
    common = 0
    for a, b in zip(word, known, strict=False):
        if a != b:
            break
        common += 1
    return common >= 3 and word[common:] in _INFLECTIONS and known[common:] in _INFLECTIONS


def _correct(text: str) -> tuple[str, bool]:
    corrected = False

    def fix(match: re.Match) -> str:
        nonlocal corrected
        word = match.group(0)
        lowered = word.lower()
        if lowered in COMMON or lowered in _VOCAB_SET:
            return word
        if match.start() > 0 and word[:1].isupper():
            return word  # a capitalised word inside a sentence is a name, not a typo
        found = process.extractOne(lowered, VOCABULARY, scorer=fuzz.ratio, score_cutoff=74)
        if found is None:
            return word
        known = found[0]
        if known[0] != lowered[0] or abs(len(known) - len(lowered)) > 1:
            return word
        if _inflected(lowered, known) or known.startswith(lowered) or lowered.startswith(known):
            return word
        corrected = True
        return known

    return _WORD_ANY.sub(fix, text), corrected


_VOCAB_SET = set(VOCABULARY)
_WORD_ANY = re.compile(r"(?<![\w@.#+-])[A-Za-z']{4,}(?![\w@.-])")
