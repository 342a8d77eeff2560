"""Where in a message the free-text slots are: a CRF tagger learned from the corpus.

The cue rules find a customer or a summary by the words around it, which holds for the phrasings
they were written against and fails on the rest ("morning — Contoso signed" made "morning" the
customer). A linear-chain CRF (python-crfsuite) learns from every labelled message which words
are the customer, the summary, the reminder's text...: each token is described by itself, its
shape and its neighbours, and the labels are the slot spans of the corpus, found in the message.
The parser (`intents.parser`) keeps a rule's value where the tagger finds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from intents.rules import MENTIONING, ROLE_THEN_NAME, Message
from intents.vocab import (
    COMPANY_WORDS,
    DATE,
    DATE_WORDS,
    LISTED,
    NOT_CUSTOMERS,
    REASON_TAIL,
    REFERENCE_STOPS,
    SELECTION_NOUN,
)

# Slots whose value is a stretch of the message, as typed.
SLOTS = ("customer", "name", "company", "summary", "text", "comment", "city", "product", "interest",
         "topic")  # fmt: skip
MAX_SPAN = 16  # tokens; a longer value is not looked for when labelling

_TOKEN = re.compile(
    r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail
    r"|#\d+"  # record id
    r"|\+?\d[\d ()-]{6,}\d"  # phone
    r"|\w+(?=['’]s\b)|['’]s\b"  # possessive: the name and its 's apart
    r"|\w+(?:['’.&-]\w+)*"
    r"|[^\w\s]",
)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokens(message: Message) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(message.typed)]


def _shape(word: str) -> str:
    if "@" in word and "." in word:
        return "email"
    if word.startswith("#"):
        return "id"
    if word[:1].isdigit() or word[:1] == "+":
        return "num" if word.replace(".", "").replace(",", "").isdigit() else "numx"
    if word.isupper() and len(word) > 1:
        return "UPPER"
    if word[:1].isupper():
        return "Title"
    if word.isalpha():
        return "lower"
    return "other"


def features(
    message: Message, cues: Iterable[str] = (), words: Sequence[Token] | None = None
) -> list[list[str]]:
    """Per token: its word, shape, affixes and neighbours, and the intents whose cues matched."""
    words = tokens(message) if words is None else words
    lowered = [w.text.lower() for w in words]
    shapes = [_shape(w.text) for w in words]
    shared = [f"cue={c}" for c in cues]
    rows = []
    for i, word in enumerate(lowered):
        row = [
            f"w={word}",
            f"s={shapes[i]}",
            f"p3={word[:3]}",
            f"x3={word[-3:]}",
            f"pos={min(i, 4)}",
            f"end={min(len(words) - 1 - i, 3)}",
        ]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(words):
                row.append(f"w{offset:+d}={lowered[j]}")
                row.append(f"s{offset:+d}={shapes[j]}")
            else:
                row.append(f"w{offset:+d}=<edge>")
        if i:
            row.append(f"bi-1={lowered[i - 1]}|{word}")
        if i + 1 < len(words):
            row.append(f"bi+1={word}|{lowered[i + 1]}")
        row.extend(shared)
        rows.append(row)
    return rows


def _plain(value: str) -> str:
    return " ".join(value.split()).strip(" .,;:!?\"'()[]*_").lower()


def labels(message: Message, slots: dict) -> list[str] | None:
    """The gold label of every token (B-slot, I-slot or O), or None when a slot's words are not
    found in the message as tokens (such a message teaches nothing about where slots are)."""
    words = tokens(message)
    tags = ["O"] * len(words)
    for name in SLOTS:
        value = slots.get(name)
        if not isinstance(value, str) or not value.strip():
            continue
        span = _find(message, words, _plain(value))
        if span is None:
            return None
        first, last = span
        if any(tag != "O" for tag in tags[first : last + 1]):
            return None
        tags[first] = f"B-{name}"
        for k in range(first + 1, last + 1):
            tags[k] = f"I-{name}"
    return tags


def _find(message: Message, words: Sequence[Token], wanted: str) -> tuple[int, int] | None:
    for first in range(len(words)):
        for last in range(first, min(first + MAX_SPAN, len(words))):
            start, end = words[first].start, words[last].end
            if (
                _plain(message.typed[start:end]) == wanted
                or _plain(_typed(message, start, end)) == wanted
            ):
                return first, last
    return None


def _typed(message: Message, start: int, end: int) -> str:
    if message.cleaned is None:
        return message.typed[start:end]
    return message.cleaned.original_of(start, end)


# Words that introduce a customer but are not part of one ("tell me about Shaw").
_LEAD_IN = re.compile(r"^(?:(?:about|re|with|to|for|from|the|customer|client|account)\s+)+", re.I)


def _trimmed(value: str) -> str:
    """Punctuation off both ends, except a bracket that closes one opened inside."""
    value = value.strip(" ,;:!?\"'[]*_")
    while value.endswith(")") and value.count("(") < value.count(")"):
        value = value[:-1].rstrip()
    while value.startswith("(") and value.count("(") > value.count(")"):
        value = value[1:].lstrip()
    if value.startswith("(") and value.endswith(")") and value.count("(") == 1:
        value = value[1:-1]
    return value.rstrip("(").lstrip(")").strip(" ,;:!?\"'[]*_")


def _glued(text: str, start: int, end: int) -> bool:
    """Whether a span cuts through a run of characters typed together ("Bobby <b>Tables")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isspace() or before in "(\"'“‘[") or not (
        after.isspace() or after in ",.;:!?)\"'”’]"
    )


def spans(
    message: Message, tags: Sequence[str], words: Sequence[Token] | None = None
) -> dict[str, str]:
    """The first span of each slot in a tag sequence."""
    words = tokens(message) if words is None else words
    found: dict[str, str] = {}
    i = 0
    while i < len(tags):
        tag = tags[i]
        if tag == "O":
            i += 1
            continue
        name = tag[2:]
        j = i + 1
        while j < len(tags) and tags[j] == f"I-{name}":
            j += 1
        opened = sum(w.text == "(" for w in words[i:j]) - sum(w.text == ")" for w in words[i:j])
        if opened > 0 and j < len(words) and words[j].text == ")":
            j += 1  # "Priya (Wayne)": the bracket closes with the name
        start, end = words[i].start, words[j - 1].end
        if name not in found and not _glued(message.typed, start, end):
            value = _trimmed(" ".join(message.typed[start:end].split()))
            if name == "customer":
                value = _LEAD_IN.sub("", value)
            found[name] = value
        i = j
    return found


# Which intents each tagged slot belongs to (`../shared/INTENTS.md`).
INTENTS_OF = {
    "customer": frozenset({
        "customer.show", "customer.update", "customer.delete", "customer.restore",
        "customer.changes", "customer.forget", "customer.export", "interaction.log",
        "interaction.history",
        "purchase.log", "task.create", "task.complete", "next_action.suggest", "nps.record",
        "interaction.delete", "purchase.delete", "interaction.update", "purchase.update"}),
    "name": frozenset({"customer.create"}),
    "company": frozenset({"customer.create"}),
    "city": frozenset({"customer.create", "segment.list", "customer.bulk_update"}),
    "product": frozenset({"purchase.log"}),
    "interest": frozenset({"customer.create", "segment.list", "customer.bulk_update"}),
    "summary": frozenset({"interaction.log"}),
    "text": frozenset({"task.create"}),
    "comment": frozenset({"nps.record"}),
    "topic": frozenset({"help"}),
}  # fmt: skip
# How each slot is read, measured on held-out folds of the corpus: by the tagger, with the rules'
# value where it finds none; or by the rules, with the tagger's where they find none. A summary,
# reminder or NPS comment keeps every word the rules read in it (a tagger reading the likeliest
# span could leave some of the user's words out).
_NO_PRODUCT_WORDS = frozenset("more extra additional another".split())
# the order slots are merged in: each sees those merged before it, so it is fixed, not a set's
_TAGGED_ORDER = ("product", "customer", "name", "company", "interest", "topic", "city")
_RULES_ORDER = ("comment", "summary", "text")
MERGE_ORDER = (*_TAGGED_ORDER, *_RULES_ORDER)
TAGGED_FIRST, RULES_FIRST = frozenset(_TAGGED_ORDER), frozenset(_RULES_ORDER)
DOUBT = 0.03  # a one-word customer the tagger gives less chance than this of being one is dropped


@dataclass(frozen=True)
class Reading:
    """What the tagger says of one message: the first span of each slot, and for every token the
    chance that it belongs to some slot."""

    found: dict[str, str]
    words: tuple[Token, ...]
    in_slot: Callable[[], tuple[float, ...]]  # worked out only when a value is doubted

    def doubts(self, message: Message, value: str) -> bool:
        """Whether a value the rules read is, to the tagger, almost surely no slot at all."""
        span = _find(message, self.words, _plain(value))
        if span is None:
            return False
        chances = self.in_slot()[span[0] : span[1] + 1]
        return sum(chances) / len(chances) < DOUBT


NOTHING = Reading({}, (), tuple)
_TAGGED_INTENTS = frozenset().union(*INTENTS_OF.values())


def for_intent(rows: list[list[str]], intent: str) -> list[list[str]]:
    """The token features with the intent being read: what a span is depends on it."""
    return [[*row, f"intent={intent}", f"iw={intent}|{row[0]}"] for row in rows]


class Tagger:
    """A trained CRF, opened from its bytes (which crfsuite reads in place, so they are kept)."""

    def __init__(self, model: bytes) -> None:
        import pycrfsuite

        self.model = model
        self.crf = pycrfsuite.Tagger()
        self.crf.open_inmemory(model)

    def tag(self, rows: list[list[str]]) -> list[str]:
        return self.crf.tag(rows)

    def in_slot(self, rows: list[list[str]]) -> tuple[float, ...]:
        """Each token's chance of being in some slot."""
        self.crf.set(rows)
        return tuple(1.0 - self.crf.marginal("O", i) for i in range(len(rows)))


class Tagging:
    """A message's tagger readings, one per intent asked for, computed when first asked."""

    def __init__(self, tagger: Tagger | None, message: Message, cues: Iterable[str] = ()) -> None:
        self.tagger, self.message, self.cues = tagger, message, tuple(cues)
        self.words: tuple[Token, ...] = ()
        self.rows: list[list[str]] | None = None  # the token features, built when first needed
        self.readings: dict[str, Reading] = {}

    def reading(self, intent: str) -> Reading:
        if self.tagger is None or intent not in _TAGGED_INTENTS:
            return NOTHING
        if self.rows is None:
            self.words = tuple(tokens(self.message))
            self.rows = features(self.message, self.cues, self.words)
        if not self.rows:
            return NOTHING
        if (known := self.readings.get(intent)) is None:
            rows = for_intent(self.rows, intent)
            found = spans(self.message, self.tagger.tag(rows), self.words)
            chances = partial(self.tagger.in_slot, rows)
            known = self.readings[intent] = Reading(found, self.words, chances)
        return known


_ENDS_NO_NAME = frozenset("in on at to for with about re by the a an and from of".split())


_HOW_IT_WAS_DONE = re.compile(
    r"(?:(?:very|really|so|most|also|kindly|graciously|generously|finally|happily|gladly|politely|"
    r"promptly|quickly|eventually|warmly|proudly|officially)\s*)+",
    re.I,
)


def _rules_say_more(name: str, slots: dict, tagged: str, text: str) -> bool:
    """Whether the rules' value of `name` stays because the tagger's is only part of it, or is
    another slot: a customer keeps its "(Company)" or "X from Company" whole and is never the new
    value ("add interest Support to X"); a city keeps "New York" over "New"; a company loses the
    "(City)" the tagger read after it."""
    said = str(slots.get("value") or "").lower()
    if name == "customer" and said and said in tagged.lower():
        return True
    rule = slots.get(name)
    if (
        name == "name"
        and isinstance(rule, str)
        and rule.lower().startswith(f"{tagged.lower()} ")
        and all(w[:1].isupper() for w in rule[len(tagged) :].split())
    ):
        return True  # "contact Mr. Anil Deshmukh": the whole name, not "Mr."
    if (
        name == "customer"
        and isinstance(rule, str)
        and rule.lower() in (f"{tagged}'s".lower(), f"{tagged}’s".lower())
    ):
        return True  # "St. Fintan's": the rules kept the possessive that is the name's own
    if (
        name == "customer"
        and isinstance(rule, str)
        and tagged.endswith("s")
        and re.match(rf"{re.escape(tagged)}['’] [A-Z][a-z]", rule)  # (not "Vireo Cosmetics' RFP")
    ):
        return True  # "Thornbury Beekeepers' Association": a plural's possessive inside the name
    if (
        name == "customer"
        and isinstance(rule, str)
        and tagged.startswith(f"{rule} ")
        and (
            _HOW_IT_WAS_DONE.fullmatch(tagged[len(rule) :].strip())
            or re.match(r"at (?:his|her|their|its) ", tagged[len(rule) :].strip(), re.I)
        )
    ):
        return True  # "Mr. Fenwick very graciously gave us a 10": how; "at his house": where
    if name == "customer" and isinstance(rule, str) and re.search(r"#\d", rule):
        return True  # "chloe martin #129": the #id says which one
    if (
        name == "customer"
        and isinstance(rule, str)
        and tagged.lower() in {part.lower() for part in LISTED.split(rule)} - {rule.lower()}
    ):
        return True  # "restore Zoë Wilson and Anna Nguyen": both, never the last one alone
    if (
        name == "customer"
        and isinstance(rule, str)
        and re.search(
            rf"\b{re.escape(tagged.lower())}(?: [\w'][\w'-]*)*? (?:for|with) "
            rf"{re.escape(rule.lower())}\b",
            text,
        )
    ):
        return True  # "Payment follow-up for Nilgiri is done": what was done, then for whom
    if (
        name == "customer"
        and isinstance(rule, str)
        and rule.lower().startswith(f"{tagged.lower()} ")
        and COMPANY_WORDS.fullmatch(rule[len(tagged) :].strip().lower())
    ):
        return True  # "call mama ngozi provisions friday": the firm's last word is its own
    if name == "customer" and isinstance(rule, str) and tagged.lower().startswith(rule.lower()):
        if tagged.lower().split()[-1] in _ENDS_NO_NAME:
            return True  # "called jane in the morning": the tagger took a word too many
    if (
        name == "customer"
        and isinstance(rule, str)
        and rule.lower().startswith(f"{tagged.lower()} ")
    ):
        more = rule[len(tagged) :].split()
        sold = str(slots.get("product") or "").lower()
        if all(
            w[:1].isupper() and not w.isupper() and w.lower() not in sold for w in more
        ) and not ({w.lower() for w in more} & _STOPS):
            return True  # "Jurong Marine Yard": a capitalised word ends the name
    if name == "customer" and isinstance(rule, str) and rule.lower().endswith(f" {tagged.lower()}"):
        first = rule.lower()[: len(rule) - len(tagged)].split()
        if first and not set(first) & (_STOPS | _NEVER_OPENS_A_NAME):
            return True  # "daniel okafor emailed back": the tagger left the first name out
    if name == "customer" and isinstance(rule, str) and tagged.lower().endswith(f" {rule.lower()}"):
        extra = tagged.lower()[: len(tagged) - len(rule)].split()
        if set(extra) <= _NEVER_OPENS_A_NAME:
            return True  # "just left hollister orchards": the visit, then who
    if name == "product" and isinstance(rule, str) and tagged == slots.get("customer"):
        return True  # "Sold The Larkin Rooms a reconditioned Broadwood upright": who, not what
    if name == "product" and isinstance(rule, str) and f"{rule} ({tagged})".lower() in text:
        return True  # "1x Heritage Tram Bell (polished)": the bell, not "polished"
    if name == "product" and isinstance(rule, str) and tagged.lower().endswith(rule.lower()):
        extra = tagged.lower()[: len(tagged) - len(rule)].split()
        if extra and set(extra) <= _NO_PRODUCT_WORDS:
            return True  # "3 more analytics add-on licences": the product is "analytics add-on"
    summary = str(slots.get("summary") or "").lower()
    if name == "customer" and rule and summary and tagged.lower() in summary:
        return True  # "emailed the contract over to globex": what was sent is not who to
    product = str(slots.get("product") or "").lower()
    if name == "customer" and product and (product in tagged.lower() or tagged.lower() in product):
        return True  # "sold a Widget to Jane Cooper": what was sold is not who bought it
    if name == "customer" and product and isinstance(rule, str):
        extra = tagged.lower().removeprefix(rule.lower())
        if extra != tagged.lower() and product.split()[0] in extra.split():
            return True  # "X booked Land Cruiser GXR": the tagger ran on into what was bought
    if not isinstance(rule, str) or rule == tagged:
        return False
    if name == "customer":
        part = re.escape(tagged)
        whole = rf"{part}\s*\(.+\)|(?:{part}|.+)\s(?:at|from|of|@)\s(?:{part}|.+)"
        return tagged in rule and bool(re.fullmatch(whole, rule))
    if name == "city":  # "New York" over "New"; never the company's name
        said_as = {str(slots.get(k) or "").lower() for k in ("company", "name")}
        towns = rule.lower()  # "New York" over "New"; "paris, lyon and nice" over "paris"
        first = towns.removesuffix(f" {tagged.lower()}").split()
        return (
            towns.startswith((f"{tagged.lower()} ", f"{tagged.lower()},"))
            or tagged.lower() in said_as
            or (towns != " ".join(first) and not set(first) & (_STOPS | _NEVER_OPENS_A_NAME))
        )  # "Al Ain" over "Ain"
    return tagged.startswith(rule) and bool(re.fullmatch(r"\s*\(.+\)", tagged[len(rule) :]))


def _one_reading(ruled: dict, merged: dict) -> None:
    """A word read both as a city and as an interest is the interest ("Hardware leads"); a city
    the rules read elsewhere stays. "Paris leads" is a selection, never an interest."""
    if SELECTION_NOUN.search(f" {merged.get('interest', '')}"):
        merged.pop("interest")
    interest = str(merged.get("interest", "")).casefold()
    if str(merged.get("city", "")).casefold() == interest:
        merged.pop("city", None)
        if ruled.get("city") and str(ruled["city"]).casefold() != interest:
            merged["city"] = ruled["city"]


_INTEREST_SAID = re.compile(
    r"\b(?:interest|interested|want|wants|wanted|keen|looking (?:at|for)|asking about|needs?|"
    r"evaluating|considering|trialling|trialing|demo of)\b"
)


def _rest_is_said(intent: str, merged: dict, name: str, value: str, typed: str) -> None:
    """The words after a shorter customer span are what was said: "emailed hannah o'brien
    renewal quote" is about the renewal quote, when the rules read the name to the end; and the
    words the rules took for a customer after the one named first are too ("jane cooper -
    called, contract signed": the contract was signed)."""
    rule = merged.get(name)
    if name != "customer" or intent != "interaction.log":
        return
    summary = merged.get("summary")
    if (
        isinstance(rule, str)
        and isinstance(summary, str)
        and value.lower() not in rule.lower()
        and (told := re.search(rf"(?<!\w){re.escape(rule)}\W+{re.escape(summary)}", typed, re.I))
        and typed.lower().find(value.lower()) < told.start()
    ):
        merged["summary"] = told.group()
        return
    if isinstance(rule, str) and rule.lower().startswith(value.lower() + " "):
        said = rule[len(value) :].strip()  # "emailed lea weber intro + deck, asked for a call"
        summary = merged.get("summary")
        if summary and said.lower() in summary.lower():
            return  # the summary already holds those words
        merged["summary"] = f"{said}, {summary}" if summary else said


_PAPERWORK = frozenset("quote quotation proposal order offer deal contract renewal po".split())
# days said after a name are when, never part of it: "called jane thursday about …"
_STOPS = frozenset(REFERENCE_STOPS) | frozenset(
    "today yesterday tonight tomorrow tmrw monday tuesday wednesday thursday friday saturday "
    "sunday mon tue tues wed thu thur thurs fri sat sun came rang phoned emailed texted go "
    "gone".split()
)


_NEVER_OPENS_A_NAME = frozenset(
    "left visited met called rang phoned emailed texted messaged saw pasting pasted fixed from "
    "at with w/ to for just into in on of from by the a an about re".split()
)


_DOING = frozenset(
    "call ring phone email e-mail text visit ping chase remind whered where'd wheres where's "
    "where who whos who's what whats what's called rang phoned emailed texted visited pinged "
    "chased met messaged".split()
)


def _without_leading_verb(customer: str) -> str:
    """ "Call Peachtree Pediatrics on Monday", "whered jane cooper go?": the name, opening the
    message, without the verb or question word the tagger took with it."""
    first, _, rest = customer.partition(" ")
    return rest if first.lower() in _DOING and rest else customer


def _without_trailing_stops(customer: str) -> str:
    """ "mia rossi also bought …": the name without the little word the tagger took with it."""
    words = customer.split()
    while len(words) > 1 and words[-1].lower() in _STOPS:
        words.pop()
    return " ".join(words)


def _with_surname(customer: str, rule: object) -> str:
    """ "emailed jane cooper the contract": a lone first name the tagger read keeps the word
    after it that the rules read as part of the name."""
    if " " in customer or not isinstance(rule, str):
        return customer
    words = rule.split()
    if len(words) < 2 or words[0].lower().rstrip(".") != customer.lower().rstrip("."):
        return customer  # ("Rev" is "Rev.", whose name follows)
    second = words[1]
    if not second.replace("'", "").replace("-", "").isalpha() or second.lower() in _STOPS:
        return customer
    return f"{words[0]} {second}"


# intents whose rules read the customer only after "with", "to" or "for": never a stray word
_AFTER_ITS_PREPOSITION = frozenset(
    {"interaction.delete", "purchase.delete", "interaction.update", "purchase.update"}
)


_WORKS_FOR = frozenset({"for", "of", "to", "with"})  # "clerk for Judge Alvarez": who they work for


def _word_before(value: str, text: str) -> str:
    """The word just before a value in the message, lower case ("" if none or not found)."""
    at = text.lower().find(value.lower())
    before = text[:at].split() if at > 0 else []
    return before[-1].lower() if before else ""


def _names_the_customer(value: str, slots: dict) -> bool:
    """ "log NPS 9 for emma muller madrid": the words that say who are not what they said."""
    customer = slots.get("customer")
    return isinstance(customer, str) and value.casefold() in customer.casefold()


_DUPLICATE_OF = re.compile(r"\b(?:duplicate|dupe|copy|double) of\s+(?:the\s+)?(?P<other>.*)")


def _named_first(intent: str, rule: str, text: str) -> bool:
    """ "dvorak signed. mark won": a change's customer said first is kept, however odd the word,
    since without it the change would fall on whoever was talked about last."""
    first = rule.lower()
    return (
        intent == "customer.update"
        and text.startswith(f"{first} ")
        and first not in NOT_CUSTOMERS | _NOT_NAMES
    )


_NOT_NAMES = frozenset(
    "morning evening afternoon update fyi note quick hey hi ok so also btw move mark set put "
    "change make push bump give hand assign reassign close log add tag drop take switch upgrade "
    "downgrade advance progress now then pls please and sorry oops oh ah um uh well yes no yeah "
    "yep hmm ugh".split()
)
_NO_NAME_HOLDS = re.compile(r"[;<>{}]|['\"]\)")
_EVERYONE = frozenset({"all", "everyone", "everybody", "all of them", "them all"})
_ARTICLE = re.compile(r"^(?:the|an?|our|your|their|some)\s+")  # "The Works" is a name
_EACH = re.compile(r"(?:each|every)\s")  # "give each stale proposal a task for its owner"
_A_COUNT = re.compile(r"(?:[x×]\s?)?\d+(?:\s?[x×])?(?:\s|$)", re.I)
_CHANNEL_WORDS = frozenset(
    "email e-mail call ring phone text sms meeting visit note chat teams zoom skype webex whatsapp "
    "slack telegram viber signal kakaotalk wechat".split()
)


def _done_there(tagged: str, slots: dict) -> bool:
    """Whether the tagger's customer is the rules' with what was done there before it ("lift
    inspection at Carrow Quay" where the rules read Carrow Quay and "finished the lift
    inspection")."""
    customer, summary = str(slots.get("customer") or ""), str(slots.get("summary") or "")
    head, at, rest = tagged.lower().rpartition(" at ")
    return bool(at and customer and rest == customer.lower() and head in summary.lower())


def merge(intent: str, slots: dict, tagging: Tagging) -> dict:
    """The rules' slots with the tagger's spans where it reads better (`TAGGED_FIRST`), or where
    the rules read none (`RULES_FIRST`); one word is never both a city and an interest."""
    reading = tagging.reading(intent)
    merged = dict(slots)
    surname = None  # a surname the tagger left out of a first name, put back
    for name in () if reading is NOTHING else MERGE_ORDER:
        if intent not in INTENTS_OF[name]:
            continue
        if name in RULES_FIRST:
            value = reading.found.get(name)
            if name == "quantity" and re.search(rf"\b{value}[a-z]", tagging.message.text):
                continue  # "the 8m dome package": a size, not how many
            if not merged.get(name) and value and not _names_the_customer(value, merged):
                merged[name] = value
        elif value := reading.found.get(name):
            if name == "customer":
                tagged = _without_trailing_stops(value)
                if tagging.message.typed.lstrip().lower().startswith(tagged.lower()):
                    tagged = _without_leading_verb(tagged)
                value = _with_surname(tagged, merged.get(name))
                surname = value.split()[-1] if value != tagged else None
            if name == "customer" and _done_there(value, merged):
                continue  # "left a card at X": the card was left, X was visited
            if name == "customer" and value == merged.get("owner"):
                continue  # "new task for Jordan Lee: call Hugo Silva": Jordan is whose task
            if (
                name == "customer"
                and (other := _DUPLICATE_OF.search(tagging.message.text))
                and other["other"].startswith(value.lower())
            ):
                continue  # "delete Rosie's Tearoom — duplicate of Rosies Tea Room": the other
            if name == "customer" and ("task_id" in merged or MENTIONING in merged):
                continue  # "done #49": the task's number; "notes mentioning …": no one's
            if name == "customer" and value.lower() in _CHANNEL_WORDS:
                continue  # "email her the pricing sheet": how, not who
            if name == "customer" and _NO_NAME_HOLDS.search(value):
                continue  # "called acme, '); DELETE FROM …": the tagger ran on past the name
            if name == "customer" and value.count("(") > value.count(")"):
                continue  # "met amelia taylor (cyberdyne retail) on 07/12": cut inside brackets
            if name == "customer" and _A_COUNT.match(value):
                continue  # "sold 1x elk mount to X": how many (and what), not who
            if (
                name == "customer"
                and (role := ROLE_THEN_NAME.match(tagging.message.typed))
                and role["name"] == merged.get(name)
            ):
                continue  # "X's old treasurer, Máire Ní Fhlatharta, … forget her": her, not X
            if (
                name == "name"
                and merged.get(name)
                and (
                    _word_before(value, tagging.message.text) in _WORKS_FOR
                    or value == merged.get("company")
                )
            ):  # "Tamika Reese, clerk for Judge Alvarez", "Pono Builders, Keoni Alapai": not her
                continue
            if name == "city" and (value.lower() in _STOPS or value.lower() in DATE_WORDS):
                continue  # "… off from Monday": when, never a town
            if (
                name == "city"
                and intent == "customer.bulk_update"
                and (why := REASON_TAIL.search(tagging.message.text))
                and value.lower() in why.group().lower()
            ):
                continue  # "give those to maria, shes in berlin anyway": why, not which
            if name == "product" and set(value.lower().split()) & DATE_WORDS:
                continue  # "bought support premium last friday": the day is no part of it
            said_with = str(merged.get("customer", "")).lower()
            if name == "product" and f"({value.lower()})" in said_with:
                continue  # "a sale for rafael brown (harbor consulting): …": who, not what
            if name == "product" and value.lower() in _PAPERWORK:
                continue  # "confirmed the quote, 20x CRM Starter …": what was signed, not sold
            if (
                name == "interest"
                and not merged.get(name)
                and not _INTEREST_SAID.search(tagging.message.text)
            ):
                continue  # "met her at the fintech meetup" says where, not what she wants
            if not _rules_say_more(name, merged, value, tagging.message.text):
                _rest_is_said(intent, merged, name, value, tagging.message.typed)
                merged[name] = value
        elif (
            name == "customer"
            and intent not in _AFTER_ITS_PREPOSITION
            and isinstance(rule := merged.get(name), str)
            and len(rule.split()) == 1
            and reading.doubts(tagging.message, rule)
            and not _named_first(intent, rule, tagging.message.text)
        ):
            # the rules' commonest mistake: one stray word taken for a customer ("morning — …")
            del merged[name]
    if (said := str(merged.get("customer", "")).lower()) in _EVERYONE or _EACH.match(said):
        del merged["customer"]  # "All customers with stage lead in Munich, …": many, not one
    elif said and (day := DATE.fullmatch(said)) and day.group("date"):
        del merged["customer"]  # "remind me on 3rd December to send …": when, not who
    interest = "value" if merged.get("field") == "interest" else "interest"
    if isinstance(said := merged.get(interest), str) and (bare := _ARTICLE.sub("", said)):
        merged[interest] = bare  # "interested in our natural madder dyes": the dyes
    if merged.get("city") and merged["city"] in (merged.get("name"), merged.get("company")):
        del merged["city"]  # "new up - Leticia Ramos, …": the person, never a town
    summary = merged.get("summary")
    if surname and isinstance(summary, str) and summary.lower().startswith(f"{surname.lower()} "):
        merged["summary"] = summary[len(surname) :].strip()  # the name's, not what was said
    _one_reading(slots, merged)
    return merged
