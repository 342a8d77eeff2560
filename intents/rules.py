"""The rules: high-precision cues for the intents, and one slot reader per intent.

The message is cleaned first (decoration out, shorthand expanded, typos in intent words fixed; see
`intents.text`). Each line of `vocab.CUES` is an intent and a cue pattern; which cues match is
evidence the model weighs (`intents.parser`), and once the intent is chosen its reader fills the
slots. A new phrasing that the model gets wrong is one corpus line or one cue line; a new intent is
one reader plus its corpus lines. Vocabulary (channels, segments, metrics...) is in `intents.vocab`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache, partial
from typing import Any
from zoneinfo import ZoneInfo

from intents import vocab
from intents.cues import CueTable
from intents.text import Cleaned, clean, spoken_number
from intents.values import MONTHS, amount, date_in, impossible, plain_number, time_of


@dataclass(frozen=True)
class Message:
    """A cleaned message: `text` lower case for matching, `typed` with the user's case for slots."""

    text: str
    typed: str
    now: datetime
    tz: str
    corrected: bool
    cleaned: Cleaned | None = None

    def typed_span(self, start: int, end: int) -> str:
        return self.typed[start:end]


Reader = Callable[[re.Match, Message], dict[str, Any] | None]
READERS: dict[str, Reader] = {}
FALLBACKS: dict[str, Reader] = {}  # readers for a message that none of the intent's cues matched


def reads(intent: str) -> Callable[[Reader], Reader]:
    def register(function: Reader) -> Reader:
        READERS[intent] = function
        return function

    return register


@lru_cache(maxsize=64)
def _zone(tz: str) -> ZoneInfo:
    return ZoneInfo(tz)


def prepare(text: str, *, now: datetime, tz: str) -> Message:
    """The message cleaned (`intents.text.clean`) with its clock, ready for the cues and readers."""
    zone = _zone(tz)
    local = now.replace(tzinfo=zone) if now.tzinfo is None else now.astimezone(zone)
    cleaned = clean(text)
    typed = cleaned.text.replace("İ", "I")  # lower-cased, "İ" is two characters: "İzmir" → "Izmir"
    lowered = typed.lower()
    if len(lowered) != len(typed):
        return Message(lowered, lowered, local, tz, cleaned.corrected)
    return Message(lowered, typed, local, tz, cleaned.corrected, cleaned)


# Slots whose value is the user's own words, given back as typed.
AS_TYPED = frozenset(
    {"customer", "name", "company", "summary", "text", "comment", "product", "interest", "value",
     "owner", "city", "topic", "email", "phone"}
)  # fmt: skip


def without_customer_tail(slots: dict[str, Any], typed: str) -> dict[str, Any]:
    """The customer without words read into it (the possessive before a field changed, a chat
    particle), and a summary that starts with the end of the customer's name read twice ("Jack @
    Fremantle Fishing Co" and "@ Fremantle Fishing Co re invoice, …") without it."""
    who, said = slots.get("customer"), slots.get("summary")
    if (
        isinstance(who, str)
        and isinstance(said, str)
        and (theirs := _COLLEAGUES_CUSTOMER.match(said))
    ):
        if re.search(
            rf"\b{re.escape(who)}(?:'s|’s)\s+{re.escape(said[: theirs.end('who')])}", typed
        ):
            slots["customer"], slots["summary"] = theirs["who"], said[theirs.end() :] or None
            who, said = slots["customer"], slots["summary"]  # "an email to Priya's client X: …"
    if isinstance(who, str) and slots.get("field") and who[-2:] in ("'s", "’s"):
        slots["customer"] = who = who[:-2]  # "set Jane O'Brien's stage to lost"
    if isinstance(who, str) and isinstance(sold := slots.get("product"), str) and sold:
        if who.lower().endswith(f" {sold.lower()}") and len(who) > len(sold) + 2:
            slots["customer"] = who = who[: -len(sold) - 1]  # "X @ Vandelay signed: 25 CRM Pro"
    if isinstance(who, str) and (plain := _PARTICLES_AT_END.sub("", who)):
        slots["customer"] = who = plain  # "priyanka @ loomgrid lol"
    if isinstance(who, str) and (plain := _VERB_AT_END.sub("", who)) and plain != who:
        slots["customer"] = who = plain  # "that meeting with jane should say …": jane
    if isinstance(who, str) and who.lower().endswith(" worth") and _WORTH_ASKED.match(typed):
        slots["customer"] = who = who[: -len(" worth")]  # "what's redwood worth to us now"
    if isinstance(who, str) and (address := _LABELLED_ADDRESS.fullmatch(who)):
        slots["customer"] = who = address["address"]  # "the customer with email m.k@x.pl"
    if isinstance(who, str) and (
        who.casefold() in vocab.NOT_CUSTOMERS or who.casefold().split()[-1:] in _WHOSE_LAST
    ):
        del slots["customer"]  # "*reminder to self*: …", "show his orders": no one's name
        who = None
    if isinstance(who, str) and (role := _ROLE_AT.match(who)) and who[role.end() :].strip():
        slots["customer"] = who = who[role.end() :]  # "lunch w/ board of X", "the MD of Y": X, Y
    if isinstance(who, str) and slots.get("field") and (verb := _STAGE_VERB.match(who)):
        slots["customer"] = who = who[verb.end() :]  # "Bump Tamar Estuary Oyster Co to proposal"
    if isinstance(who, str) and _SPOKEN_TO.match(who):
        del slots["customer"]  # "you missed the nps - she gave a 6": the one just talked about
        who = None
    if isinstance(who, str) and re.search(rf"\b(?:the|that|this)\s+{re.escape(who)}\b", typed):
        slots["customer"] = who = _ONE_OF_SEVERAL.sub("", who) or who  # "the jane one, mark it …"
    if not isinstance(who, str) or not isinstance(said, str):
        return slots
    words = who.split()
    for start in range(1, len(words)):
        tail = " ".join(words[start:]).rstrip(",")
        rest = said[len(tail) :]
        if len(tail) > 2 and said.startswith(tail) and (not rest or not rest[0].isalnum()):
            slots["summary"] = rest.lstrip(" ,;:.-–—>") or None
            break
    return slots


_COLLEAGUES_CUSTOMER = re.compile(
    r"(?:client|customer|account)\s+(?P<who>[^:;,.!?]+?)\s*(?:[:;,.!?–—-]\s*|$)", re.I
)
_ROLE_AT = re.compile(
    r"(?:the\s+)?(?:board|owners?|team|staff|ceo|cfo|coo|cto|md|gm|engineers|buyers?|"
    r"procurement(?:\s+team)?|people|folks|guys)\s+of\s+",
    re.I,
)
_WHOSE_LAST = (["his"], ["her"], ["their"], ["its"])
_ONE_OF_SEVERAL = re.compile(r"\s+one$", re.I)
_VERB_AT_END = re.compile(r"\s+(?:should|must|needs|ought)(?:\s+(?:now\s+)?be)?$", re.I)
_WORTH_ASKED = re.compile(r"^\W*(?:what(?:'s|’s| is)|whats|how much is)\s.+\sworth\b", re.I)
_STAGE_VERB = re.compile(r"(?:bump|promote|demote|advance|upgrade|downgrade)\s+(?=\S)", re.I)
_SPOKEN_TO = re.compile(r"(?:you|u|ya)\s+(?:missed|forgot|got|left|didn'?t|did not)\b", re.I)


def without_dangling_words(slots: dict[str, Any]) -> dict[str, Any]:
    """A summary or task text without the words left hanging where a date or follow-up was cut
    out ("…, I follow up friday" → "…"; "review the forecast at the end of the month")."""
    for name in ("summary", "text", "comment"):
        if isinstance(value := slots.get(name), str) and (found := _DANGLING.search(value)):
            slots[name] = value[: found.start()] or value
        if isinstance(value := slots.get(name), str):
            slots[name] = _without_filler(value) or value  # "→ they want 50 seats #closing"
        if str(slots.get(name, "")).strip(" .,!").lower() in _NOTHING_SAID:
            del slots[name]  # "already called amelia taylor today": when, not what was said
    field, said = slots.get("field"), slots.get("value")
    if isinstance(field, str) and isinstance(said, str) and (named := _FIELD_NAMED.match(said)):
        if named["field"].lower().startswith(field):  # "to owner Tomás", "-> tag: trad-fest"
            slots["value"] = said[named.end() :] or said
    if isinstance(said := slots.get("comment"), str) and (label := _COMMENT_LABEL.match(said)):
        slots["comment"] = said[label.end() :] or said  # "cmt: shipping too slow"
    if isinstance(said := slots.get("city"), str) and (polite := _POLITE_TAIL.search(said)):
        slots["city"] = said[: polite.start()] or said  # "passives in Osaka, please?"
    if isinstance(said := slots.get("comment"), str) and (found := _SCORE_LEFT.search(said)):
        slots["comment"] = said[: found.start()] or said  # "…, now ok. nps 7": the score's word
    if isinstance(said := slots.get("comment"), str) and _ONLY_GIVEN.fullmatch(said):
        del slots["comment"]  # "she gave a 6": only who gave it
    elif isinstance(said, str) and (given := _GIVEN_AT_END.search(said)) and given.start() > 0:
        slots["comment"] = said[: given.start()]  # "shes calmer, gave us 7": she is calmer
    return slots


_FIELD_NAMED = re.compile(
    r"(?P<field>owner|tag|stage|city|title|company)\s*[:=]?\s+(?=\S)(?!of\b)", re.I
)
_COMMENT_LABEL = re.compile(r"(?:cmt|comment|comments|note|notes|reason|said)\s*[:=-]\s*", re.I)
_POLITE_TAIL = re.compile(r"\s*,?\s+(?:please|pls|plz|thanks|thank you|thx|only|too)\W*$", re.I)
_GIVEN_AT_END = re.compile(
    r"[\s,;.]+(?:(?:she|he|they|it|we)\s+)?(?:gave|gives|scored|rated)(?:\s+(?:us|me|it))?"
    r"(?:\s+(?:a|an))?\W*$",
    re.I,
)
_ONLY_GIVEN = re.compile(
    r"\W*(?:she|he|they|it|we|customer|client)\s+(?:gave|gives|scored|rated)(?:\s+(?:us|me|it))?"
    r"(?:\s+(?:a|an))?\W*",
    re.I,
)


_A_DAY_BEFORE = re.compile(r"\bthe (?:day|night|morning|week|evening) (?:before|after)\b", re.I)
_NOTHING_SAID = frozenset(
    "already just again finally also too back now earlier her him them it".split()
)
_SCORE_LEFT = re.compile(
    r"[\s,;:.!?-]+(?:nps|nps score|score|rated|rating"
    r"|(?:(?:she|he|they)\s+said\s+)?(?:she|he|they)(?:'d|'ll|\s+would|\s+will)\s+(?:now\s+)?rate\s+us)"
    r"[\s,;:.!?-]*$",
    re.I,
)


_DANGLING = re.compile(
    r"(?:[\s,;:.!?]+(?:i|we|i'll|we'll|let'?s|kindly(?: remind(?: me)?)?|(?:please |pls )?(?:remind|"
    r"keep)(?: me)?|please|pls|and|then|so|will|need|next contact|at the|at|by the|by|before the|"
    r"before|to|the|deadline|eod|eow|cob))+[\s,;:.!?-]*$",
    re.I,
)


def as_typed(slots: dict[str, Any], message: Message) -> dict[str, Any]:
    """Free-text slots in the words as typed: shorthand and typo fixes undone ("w/", "tmrw")."""
    if message.cleaned is None:
        return slots
    for name, value in slots.items():
        if name not in AS_TYPED or not isinstance(value, str) or value in ("me", "team"):
            continue
        at = message.typed.find(value)
        if at < 0:
            at = message.text.find(value.lower())
        if at >= 0:
            original = message.cleaned.original_of(at, at + len(value))
        else:  # words cut from its middle ("… the agreement [by friday]."): piece by piece
            original = _pieces_typed(value, message)
        original = " ".join((original or "").split())
        if name == "email":
            original = original.strip("<>")  # "Priya Raman <priya@kestrel.co.uk>": the address
        if original and original.lower() != value.lower():
            slots[name] = original
    return slots


def _pieces_typed(value: str, message: Message) -> str | None:
    """A value made of pieces of the message, each given back as typed."""
    pieces, start, rest = [], 0, value
    while rest:
        end = next(
            (n for n in range(len(rest), 0, -1) if message.typed.find(rest[:n], start) >= 0), 0
        )
        if not end:
            return None
        at = message.typed.find(rest[:end], start)
        pieces.append(message.cleaned.original_of(at, at + end))
        start, rest = at + end, rest[end:]
    return "".join(pieces)


def cue_hits(message: Message) -> tuple[frozenset[str], str | None]:
    """Evidence for the model: every intent one of whose cues matches, and the intent of the first
    cue (in table order) whose reader accepts the message."""
    hits: set[str] = set()
    first = None
    for intent, cue in _CUES.candidates(message.text):
        if intent in hits and first is not None:
            continue
        match = cue.search(message.text)
        if match is None:
            continue
        hits.add(intent)
        if first is None and clean_slots(READERS[intent](match, message)) is not None:
            first = intent
    return frozenset(hits), first


def read(intent: str, message: Message) -> dict[str, Any] | None:
    """The slots of `intent` in the message: through its first cue whose reader accepts it, else
    through its reader alone (the model chose the intent without a cue); None if it can't be read."""
    for cue_intent, cue in _CUES.candidates(message.text):
        if cue_intent != intent:
            continue
        match = cue.search(message.text)
        if (
            match is not None
            and (slots := clean_slots(READERS[intent](match, message))) is not None
        ):
            return slots
    fallback = FALLBACKS.get(intent, READERS.get(intent))
    if fallback is None:
        return {}
    return clean_slots(fallback(_START.match(message.text), message))


_START = re.compile("")


def clean_slots(slots: dict[str, Any] | None) -> dict[str, Any] | None:
    if slots is None:
        return None
    # a value without a letter or digit is none: "gave us a 10 :)" has no comment ")"
    kept = {
        k: v
        for k, v in slots.items()
        if v is not None and not (isinstance(v, str) and not any(c.isalnum() for c in v))
    }
    if kept.get("field") == "owner" and isinstance(kept.get("value"), str):
        # "… to Íñigo please", "owner now is Bia": the colleague alone
        kept["value"] = _AROUND_A_COLLEAGUE.sub("", kept["value"]) or kept["value"]
    if isinstance(kept.get("owner"), str) and " " in kept["owner"]:
        kept["owner"] = _AROUND_A_COLLEAGUE.sub("", kept["owner"]) or kept["owner"]  # "sam too"
    return kept


_AROUND_A_COLLEAGUE = re.compile(
    r"^(?:now\s+)?(?:is|=)\s+|\s+(?:please|pls|plz|thanks|thx|now|instead|from now on|"
    r"going forward|from today|for good|permanently|too|as well|also)$"
    r"|\s+(?:since|because|as|cos|coz)\s.*$",  # "to sam too since polaris is his now"
    re.I,
)


def missing_required(intent: str, slots: dict[str, Any]) -> bool:
    """Whether a slot the intent cannot do without is missing."""
    needed = vocab.REQUIRED.get(intent, ())
    invalid = slots.get("invalid")  # "nps 12": said, if impossible
    said = slots.keys() | (invalid.keys() if isinstance(invalid, dict) else set())
    return any(all(name not in said for name in group.split("|")) for group in needed)


def incomplete(intent: str, slots: dict[str, Any], message: Message) -> bool:
    """Whether the frame lacks what the conversation cannot supply: a customer said as "her" is
    the one just talked about ("her phone is …"), which the chat puts in."""
    if not missing_required(intent, slots):
        return False
    if intent == "task.complete" and (_THE_TASK_SHOWN.search(message.text) or slots.get("about")):
        return False  # "mark that task done": the one just shown; "done w the qbr task": the
        # one open task those words describe, which the store finds (or asks which)
    if intent == "customer.update" and slots.get("action") == "untag" and slots.get("customer"):
        return False  # "remove the tag from X": the tag X has, or the one just added
    return "customer" in slots or not (
        (vocab.POINTED_BACK.search(message.text) or vocab.FIELD_FIRST.match(message.text))
        and not missing_required(intent, {**slots, "customer": "her"})
    )


_THE_TASK_SHOWN = re.compile(
    r"\b(?:that|this)\s+(?:[\w'-]+\s+){0,3}?(?:task|reminder|follow[- ]?up|to-?do)\b"
)


# ---- references, dates and small readers shared by the rules -----------------------------------


def unquoted(text: str) -> str:
    """The text with what someone is quoted as saying blanked out: their words are no request."""
    return _QUOTE.sub(_blank, text)


def _blank(found: re.Match) -> str:
    """The match as spaces: cut out of the text, every other position kept."""
    return " " * len(found.group(0))


_REF_TOKEN = re.compile(r"#\d+|[\w.+'-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d ()-]{6,}\d")
_QUOTED_REF = re.compile(r"[\"“]([^\"“”]{2,60})[\"”]")  # '"Fjordline Tech" discussed SSO
_STOP = frozenset(vocab.REFERENCE_STOPS)
_JOIN = frozenset({"at", "from", "of", "&", "and"})
# the small words inside names, between capitalised ones: "Loja do Zé", "Ana de la Cruz"
_PARTICLES = frozenset(
    "da das de del della der den di do dos du la le van von ter al el bin ibn y e am im zum zur "
    "aux des".split()
)
_SEPARATOR = re.compile(
    r"\s*(?:[,;:!?()•|]|(?<!\bmr)(?<!\bms)(?<!\bdr)(?<!\bsr)(?<!\bmrs)(?<!\bsra)(?<!\bst)(?<!\bprof)"
    r"(?<!\bco)(?<!\binc)(?<!\bltd)(?<!\bcorp)(?<!\bbros)(?<!\brev)(?<!\bfr)(?<!\bcapt)(?<!\bsgt)"
    r"\.(?:\s|$)|\s[-–—]+\s|:\s|\s[-–—]+$)\s*",
    re.I,
)


def take_ref(text: str) -> tuple[str | None, str]:
    """A customer reference at the start of `text`, and what follows it.

    'jane at acme, she wants a quote' → ('jane at acme', 'she wants a quote').
    """
    text = text.strip(" ,;:.-–—")
    text = re.sub(
        r"^(?:(?:with|to|for|w/|w|f/|@|the|customer|client|account|acct|our|contact|cust)\s+)+",
        "",
        text,
        flags=re.I,
    )
    text = _INTERJECTION.sub("", text)  # "great she signed": no customer called Great
    if found := _REF_TOKEN.match(text):
        return found.group(0), text[found.end() :].strip(" ,;:.-–—")
    if found := _QUOTED_REF.match(text):
        return found.group(1).strip(), text[found.end() :].strip(" ,;:.-–—")
    head = _SEPARATOR.split(text, maxsplit=1)[0]
    words = head.split()
    # names are capitalised in a message that capitalises any ("QBR", "CRM": acronyms don't count)
    titled = [w for w in words if w[:1].isupper() and not (len(w) > 1 and w.isupper())]
    cased = bool(titled) and any(w[:1].islower() for w in words)
    kept: list[str] = []
    for index, word in enumerate(words):
        if kept and kept[-1].endswith(".") and not _ABBREVIATED.fullmatch(kept[-1]):
            break  # "Hiroko Tanabe. Meridian Sextant Works are going ahead": a sentence ended
        bare = word.lower()
        possessive = bare.endswith(("'s", "’s"))
        if possessive:
            bare = bare[:-2]
        nxt = words[index + 1] if index + 1 < len(words) else ""
        if cased and kept and bare in _PARTICLES and nxt[:1].isupper():
            kept.append(word)  # "Loja do Zé", "Anna van Dijk"
            continue
        if possessive and kept and kept[-1].lower() in ("st.", "st", "saint", "ste."):
            kept.append(word)  # "St. Fintan's", "St Michael's": a church is named so
            continue
        named = cased or len(titled) == len(words) > 1
        if named and possessive and nxt[:1].isupper() and nxt.lower() not in vocab.FIELDS:
            kept.append(word)  # "Rosie's Tearoom", "Gale's Deli": the possessive is the name's
            continue
        if (
            bare in _STOP
            or bare in vocab.DATE_WORDS
            and not (cased and kept and word[:1].isupper() and _A_NAME_GOES_ON.match(nxt))
            or re.fullmatch(r"\d+(?:st|nd|rd|th|x)?", bare)
        ):
            if not (kept and bare in _JOIN):
                break
        if kept and bare in _JOIN:
            if not nxt or nxt.lower() in _STOP or (cased and not nxt[:1].isupper()):
                break
            if nxt.lower() in ("his", "her", "their", "its", "my", "our"):
                break  # "met hugo at his house": where, not the company
            kept.append(word)
            continue
        if cased and kept and not word[:1].isupper() and kept[-1].lower() not in _JOIN:
            break
        if cased and not kept and not word[:1].isupper() and not word[:1].isdigit():
            break
        kept.append(word[:-2] if possessive else word)
        if possessive or len(kept) >= 8:
            break
    if not kept:
        return None, text
    while kept and kept[-1].lower() in _JOIN:
        kept.pop()
    while len(kept) > 1 and kept[-1].lower() in vocab.TRAILING_ROLES:
        kept.pop()
    if not kept:
        return None, text
    ref = " ".join(kept)
    start = text.find(kept[-1], len(" ".join(kept[:-1])))
    rest = text[start + len(kept[-1]) :]
    if (company := re.match(r"\s*(\([^\W\d_][\w&.,' -]{0,40}\))", rest)) and _names(
        company.group(1)
    ):
        ref, rest = f"{ref} {company.group(1)}", rest[company.end() :]  # "lukas (tyrell)"
    elif remark := _WHICH_ONE.match(rest):  # "chloe martin (the one w/o company), …": who, not news
        rest = rest[remark.end() :]
    rest = re.sub(vocab.AFTER_REFERENCE, "", rest, flags=re.I)
    if possessive_end := re.match(
        r"(?:'s|’s)\s+((?:[\w-]+\s+){0,4}?[\w-]+)\s*(?:[,;:]|\s[-–—]+\s)", rest
    ):
        rest = rest[possessive_end.end() :]
    return ref.strip(" ,;:.'\"") or None, rest.strip(" ,;:.-–—")


# a weekday's short name inside a name: "Lê Thu Hà", "Mary Sun Park"
_IN_A_NAME = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+[A-ZÀ-ÝĀ-ſ][^\W\d_]*")
# a capitalised word that is no day: after "Lê Thu", "Hà" says "Thu" is a name, not Thursday
_A_NAME_GOES_ON = re.compile(
    r"[A-ZÀ-ÝĀ-ſ][^\W\d_]*$(?<!Mon)(?<!Tue)(?<!Wed)(?<!Thu)(?<!Fri)(?<!Sat)(?<!Sun)"
)
# a word with a full stop that goes on naming: "Dr.", "St.", "J.", "S.A.", "Co."
_ABBREVIATED = re.compile(
    r"(?:[^\W\d_]\.)+|(?i:mr|mrs|ms|dr|st|ste|mme|mlle|prof|co|ltd|inc|corp|bros|jr|sr|no|mt|ft|"
    r"capt|rev|fr|sgt|gen|col|hon|vs)\."
)
# glad words that open a message ("great she signed"), never a customer's name
_CHEERS = ("great", "nice", "cool", "awesome", "perfect", "brilliant", "excellent", "yay", "wow")
_INTERJECTION = re.compile(
    rf"^(?:{'|'.join(_CHEERS)}|phew|damn|ugh)"
    r"(?:[\s,!.]*(?=(?:she|he|they|we|i|it)\b)|\s*[,!.]+\s*)"
    # "Fixed! Van Lier Bulk, …": the news cried out before who
    r"|^(?:fixed|signed|sold|closed|done|won|booked|boom|finally|yes+|woo+hoo+|sorted|deal)\s*!+\s*",
    re.I,
)


_WHICH_ONE = re.compile(r"\s*\((?:the|not|our|new|old)\b[^()]{0,50}\)", re.I)


def _names(bracket: str) -> bool:
    """Whether words in brackets after a name say which one (a company or city), not a remark."""
    words = bracket.strip("()").replace(",", " ").split()
    return len(words) <= 4 and not any(w.lower() in _STOP for w in words)


_NAME_FIRST = re.compile(
    rf"^(?:(?:oops|sorry|ah|oh|hmm|ugh|ok|okay|actually|wait|update|fyi|so|{'|'.join(_CHEERS)})"
    r"\b[\s,!:.-]*)*"
    r"(?:(?:[Tt]he|[Oo]ur)\s+(?:customer|client|account|lead)\s+)?"  # "The customer X is …"
    r"(?P<name>(?:[A-Z][\w'’.-]*|#\d+)(?:\s+(?:(?!(?:IS|ARE|WAS|HAS|IT|THE|NOT)\b)[A-Z][\w'’.&-]*|&|from|at|of|de|van|von|du|la|le|do|da|dos|das|del|di))*)"
)


def away_then_asked(text: str) -> str:
    """ "sam's off from tomorrow till monday, give all his tasks due this week to jordan": the
    request, with whose they are put in for "his" (the remark's days are not the request's)."""
    if not (away := _AWAY_THEN.match(text)) or not (mine := _HIS.search(away["rest"])):
        return text
    rest = away["rest"]
    return f"{rest[: mine.start()]}{away['who']}'s{rest[mine.end() :]}"


_AWAY_THEN = re.compile(
    r"^\W*(?P<who>[A-Za-z][\w-]*)(?:'s|’s| is| will be| has been)\s+(?:off|out|away|sick|ill|on "
    r"(?:leave|holiday|vacation|pto|paternity leave|maternity leave)|leaving|quitting|retiring|"
    r"moving on)\b[^,;.—–]*(?:[,;.]|\s[-–—]+)\s*(?:so\s+)?"
    r"(?P<rest>.+)$",
    re.I,
)
_HIS = re.compile(r"\b(?:his|her|their)\b", re.I)


# an hour said with no day: today, or tomorrow once the hour has passed
_AN_HOUR_ONLY = re.compile(
    r"\b(?:at|@|by)\s*(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>am|pm)\b"
)


def _hour_of(found: re.Match) -> tuple[int, int] | None:
    hour, minute = int(found["h"]), int(found["m"] or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    return (hour % 12 + (12 if found["ampm"] == "pm" else 0), minute)


_NOT_TODAY = re.compile(
    r"\b(?:not|n't|hasn'?t|haven'?t|nobody(?:'s| has)?|no one(?:'s| has)?)\s+(?:yet\s+)?(?:been\s+)?(?:contacted|called|emailed|"
    r"reached|spoken to|talked to|heard from)\s+(?:yet\s+)?today\b|\bno contact (?:yet )?today\b"
)
_STARTED_AGAIN = re.compile(
    r"^\W*(?P<verb>[a-z]+)\b.*?(?:no wait|wait no|actually no|scratch that|sorry no|no sorry)"
    r"[\s,.!:;-]+(?=(?P=verb)\b)"
    # "purchases by channel? no wait — interactions by channel, …": the question asked again
    r"|^[^?!.,;]{3,60}\?\s*(?:no wait|wait no|actually no|scratch that|sorry no|no sorry)"
    r"[\s,.!:;—–-]+(?=\S+\s+\S)",
    re.I,
)


# a change begun and taken back while typing: "move them to... actually keep in proposal"
_CHANGE_KEPT_BACK = re.compile(
    r"[\s,;.]*\b(?:move|put|mark|set|push|change)\s+(?:them|him|her|it|the deal)\s+(?:to|as|in)"
    r"\s*(?:\.{2,}|…)\s*(?:actually|no|hmm+|wait)[,\s]+(?:keep|leave)\s+(?:them|him|her|it\s+)?"
    r"(?:in|at|as)\s+[\w-]+",
    re.I,
)


def self_corrected(text: str) -> str:
    """A message put right as it is typed, with the words meant in place of those taken back:
    "to Lukas — actually no, to Jana" → "to Jana"; "on wednesday, no, make it thursday";
    "Fatima Al-Sayed — sorry, I mean Fatima Al-Zahra". Only where the new words are of the same
    kind as the last ones before the correction: a day, an address, a number, a name, or the same
    small word leading them; "called jane, no answer" stays as it is."""
    if again := _STARTED_AGAIN.match(text):  # "reassign A, B... no wait. reassign C, D to sam"
        return text[again.end() :]
    text = _NOT_THAT_ONE.sub("", text)  # "task 31 done. and 32. no, not 32, just 31": 31
    text = _CHANGE_KEPT_BACK.sub("", text)  # "… move them to... actually keep in proposal. …"
    if several := _SEVERAL_OF_THEM.search(text):  # "a Dutch hood — wait, it was two of them"
        count = several["n"] if several["n"].isdigit() else str(spoken_number(several["n"]))
        text = f"{text[: several.start()]}{count} {several['thing']}{text[several.end() :]}"
    if counted := _COUNT_PUT_RIGHT.search(text):  # "3 corridor packages at.. hang on, it's 2"
        said = re.sub(r"\s+(?:at|for|@)$", "", counted["said"])
        end = counted.start("more") if counted["more"] else counted.end()
        if counted["sum"] and (sums := list(re.finditer(_A_SUM, said))):
            said, end = (
                f"{said[: sums[-1].start()]}{counted['sum']}{said[sums[-1].end() :]}",
                counted.end(),
            )
        text = f"{text[: counted.start()]}{counted['new']}{said}{text[end:]}"
    for _ in range(3):
        found = _TAKEN_BACK.search(text)
        if found is None:
            return text
        before, new = text[: found.start()], found["new"].strip()
        taken = _replaced(before, new)
        if taken is None:
            return text
        start, end = taken
        if swapped := _SWAPPED.fullmatch(new):  # the word meant in place of the other, alone
            new = swapped["new"]
        text = f"{before[:start]}{new}{before[end:]}{text[found.end() :]}"
    return text


def _replaced(before: str, new: str) -> tuple[int, int] | None:
    """Where the words the correction replaces are in `before`, or None when nothing there is
    of the new words' kind."""
    if swapped := _SWAPPED.fullmatch(new):  # "— sorry, a meeting not a call —": the call
        at = before.lower().rfind(swapped["old"].lower())
        return None if at < 0 else (at, at + len(swapped["old"]))
    if _A_NUMBER.fullmatch(new) and (numbers := list(_A_NUMBER.finditer(before))):
        return numbers[-1].span()  # "… in 45 days, no, 60", "… 9/10 … sorry 8/10"
    if _A_NAME.fullmatch(new) and (named := _NAME_AT_END.search(before)):
        return named.start(), len(before)  # "called Te Awa Cellars no wait it was Te Motu"
    lead = new.split()[0].lower()
    if lead in _LEADING_WORDS and len(new.split()) > 1:  # "to Lukas — no, to Jana"
        at = before.lower().rfind(f" {lead} ")
        return (at + 1, len(before)) if at >= 0 else None
    words = list(re.finditer(r"\S+", before))
    size = len(new.split())
    for count in (size, size - 1, size + 1):
        if not 0 < count <= len(words):
            continue
        taken = words[-count]
        if _same_kind(before[taken.start() :].strip(" ,;—–-"), new):
            return taken.start(), len(before)
    return None


# a name: every word capitalised; the run of such words a message ends with
_A_NAME = re.compile(r"(?:[A-ZÀ-Ý][\w'’.&-]*(?:\s+|$)){1,4}")
_NAME_AT_END = re.compile(r"(?<![\w'’.&-])(?:[A-ZÀ-Ý][\w'’.&-]*\s+){0,3}[A-ZÀ-Ý][\w'’.&-]*\W*$")


_A_NUMBER = re.compile(r"(?<![\w#/.:])\d(?:[\d.,/]*\d)?k?\b(?![/.:]\d)")


def _same_kind(old: str, new: str) -> bool:
    """Of one kind, or the same words but one of one kind ("4 kayaks" and "6 kayaks")."""
    if any(kind.fullmatch(old) and kind.fullmatch(new) for kind in _KINDS):
        return True
    olds, news = old.lower().split(), new.lower().split()
    differ = [(a, b) for a, b in zip(olds, news, strict=False) if a != b]
    return len(olds) == len(news) > 1 and len(differ) == 1 and _same_kind(*differ[0])


# "a meeting not a call": the word meant, then the one it replaces
_SWAPPED = re.compile(r"(?:an?\s+)?(?P<new>[\w-]+)\s+not\s+(?:an?\s+)?(?P<old>[\w-]+)", re.I)


_TAKEN_BACK = re.compile(
    r"\s*(?:—|–|--?|,|;|\.{2,}|…|\.(?=\s)|(?<=\w)(?=\s+(?:no wait|wait no|i mean|or rather|sorry)\b))\s*"
    r"(?:(?:no wait|no,? wait|wait,? no|no,? sorry|sorry,? no|sorry|oops|hang on|hold on|actually(?:,? no)?|i mean[t]?|or rather|"
    r"make (?:it|that)(?=\s+\d)|"
    r"no(?!\s+(?:answer|reply|response|show|luck|sale|deal|interest|budget|change|news|pick ?up|"
    r"go|thanks|idea|rush|worries)\b)|er+|um+|correction|scratch that)\s*[,:!—–-]?|"
    r"or (?:was|is) it\s[^?]{1,40}\?|\*(?=\w))\s*"
    r"(?:(?:i mean[t]?|i meant|it'?s|it is|it was|make (?:it|that)|not\s+[^,;—–]+?,|"
    r"(?:she|he|they) (?:said|meant|gave|put)|(?:the\s+)?correct(?:ion)?(?:\s+one)?\s+is|"
    r"(?:she|he|they)(?:'s|’s| is| are|'re)\s+(?:now\s+)?(?:with|at|working (?:at|for))|"
    r"(?:the\s+)?(?:phone|number|mobile|e-?mail|city|amount|price|date|day|name|score)\s+"
    r"(?:is|was|should be|=|:))\s+)?"
    r"(?P<new>[^,;—–?!]+?)(?:\s+(?:actually|now))?(?=\s*(?:—|–|\s-\s|[,;?!]|\.(?:\s|$)|$))",
    re.I,
)
# the day something starts or ends, not a day to follow up: "goes up 8% from 1 Jan"
_FROM_A_DAY = re.compile(r"\b(?:from|starting|starts|effective|as of|until|till|up to)\s*$")
# a number added and taken back at once: "and 32. no, not 32"
_NOT_THAT_ONE = re.compile(
    r"[,.;]?\s*and\s+(?:task\s*)?#?(?P<n>\d+)\W+(?:no|nope|wait)\W+not\s+(?:task\s*)?#?(?P=n)\b"
    r"[^.;!?]*",
    re.I,
)
# an article put right as a count: "a Dutch hood size 6 — wait, it was two of them"
_SEVERAL_OF_THEM = re.compile(
    r"\b(?:a|an|one)\s+(?P<thing>[^—–,;.]+?)\s*(?:[—–,]|\s-)\s*(?:wait|sorry|actually|no|oops)\W+"
    r"(?:it was|it's|make (?:it|that)|there (?:were|was))\s+(?P<n>\d+|two|three|four|five|six|seven|"
    r"eight|nine|ten|twelve)\s+of\s+(?:them|those)\b",
    re.I,
)
_A_SUM = r"(?:[$€£¥₹]\s?)?\d(?:[\d,.]*\d)?(?:\s?k\b)?\s?(?:[$€£¥₹]|[a-z]{2,6}\b)?"
# a count put right with its noun: "3 corridor mapping packages at.. hang on, it's 2 packages"
_COUNT_PUT_RIGHT = re.compile(
    r"\b\d+(?P<said>\s+(?:[\w-]+\s+){0,3}?(?P<noun>[a-z]{3,}?)e?s?\b[^;.]*?)[\s.,;—–-]*"
    r"\b(?:hang on|hold on|no wait|wait|sorry|actually|oops)\W+(?:it'?s|it was|make (?:it|that)|"
    r"i mean|(?:the\s+)?correct(?:ion)?(?:\s+one)?\s+is)?\s*(?P<new>\d+)\s+(?P=noun)e?s?\b"
    # "…, 22000 yen. Sorry, correct is 3 platen, 33000 yen": the sum put right with it
    rf"(?P<more>\s*,\s*(?P<sum>{_A_SUM}))?",
    re.I,
)
_LEADING_WORDS = frozenset({"to", "on", "for", "at", "in", "with", "from", "by"})
_KINDS = (
    re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"),  # an address
    re.compile(r"[+$€£]?\d(?:[\d ()./,-]*[\dk])?", re.I),  # a number, a phone, an amount
    re.compile(rf"(?:(?:this|next|last)\s+)?{vocab.WEEKDAY}|tomorrow|today|yesterday", re.I),
    re.compile(r"(?:[A-ZÀ-Ý][\w'’.-]*(?:\s+|$)){1,4}"),  # a name: every word capitalised
)


# which record a statement is about, said first: "the dupe is …", "the duplicate one is …"
_THE_ONE_IS = re.compile(
    r"^(?:the\s+)?(?:dupe|duplicate|double|copy|extra|fake|test|wrong|old|spam)(?:\s+(?:one|record|"
    r"entry|customer))?\s+(?:is|=|-|:)\s+(?P<rest>\S.*)$",
    re.I,
)


def leading_name(typed: str) -> str | None:
    """The customer a statement opens with: "Amelia Kowalski went with a competitor" → its
    capitalised name; in lower case, the reference before the first comma or full stop; "X's old
    treasurer, Máire Ní Fhlatharta, has left" → the person named after their role."""
    if role := ROLE_THEN_NAME.match(typed.strip()):
        return role["name"]
    if found := _NAME_FIRST.match(typed.strip()):
        name = re.sub(
            r"(?:\s+(?:from|at|of|&|de|van|von|du|la|le|do|da|dos|das|del|di|PO|SOW|NDA|RFP|RFQ))+$",
            "",
            found["name"],
        )
        return name.strip(" .") or None
    said = _ref(re.split(r"[,.;!]", typed, maxsplit=1)[0])
    return None if said and said.lower() in _NOT_LEADING else said


ROLE_THEN_NAME = re.compile(
    r"^(?:the\s+)?[^,;.!?]+?(?:'s|’s|s'|’)\s+(?:(?:old|new|former|current|head)\s+)?"
    r"[A-Za-z][A-Za-z -]{1,30}?,\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}),"
)


def named_then_pointed(message: Message) -> Message | None:
    """ "mateo schneider hasn't been contacted in ages, give him to Jordan": the change said of the
    customer the statement before it is about ("give Mateo Schneider to Jordan"), or None."""
    found = _POINTED_AFTER_STATEMENT.match(message.text)
    if (
        not found
        or _SELECTION_FIRST.match(message.text)
        or _SELECTION_THEN_TOLD.match(message.text)
    ):
        return None  # "any accounts sitting in qualified …? move them back to lead": many
    said_first = message.typed[: found.start("verb")]
    if which := _THE_ONE_IS.match(message.typed[: found.start("change")]):
        said_first = which["rest"]  # "the dupe is mia fischer, the NY one - bin her": Mia Fischer
    name = leading_name(said_first)
    if not name or name.lower() in vocab.NOT_CUSTOMERS:
        return None
    if found["which"]:
        name = f"{name} ({message.typed[slice(*found.span('which'))]})"
    said = found["who"].split()
    if len(said) > 1:  # "…, push that task to monday": the task for them
        name = f"the {said[1]} for {name}"
    typed = f"{message.typed[found.start('change') : found.start('who')]}{name}"
    rest = message.typed[found.end("who") :]
    if _BARE_STAGE.match(rest):
        rest = f" as{rest}"  # "…, mark him customer": as a customer
    typed += rest
    return replace(message, text=typed.lower(), typed=typed, cleaned=None)


def selection_then_told(message: Message) -> str | None:
    """ "Iker's customers in Salamanca that are still leads — move them to qualified": the
    change said of the selection before it ("move Iker's customers … to qualified"), or None."""
    if (found := _SELECTION_THEN_TOLD.match(message.text)) is None:
        return None
    selection, verb = (_typed_group(found, message, g) for g in ("selection", "verb"))
    return f"{verb} {selection} {message.typed[found.end('them') :].lstrip()}".rstrip()


_SELECTION_THEN_TOLD = re.compile(
    r"^(?:(?:close|clear|clean)\s+(?:out\s+|up\s+)?)?"  # "close all of X's leads …, mark them lost"
    r"(?P<selection>(?:all\s+(?:of\s+)?|every\s*one\s+(?:of\s+)?|the\s+)?(?:[\w'’-]+(?:'s|’s)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:customers|clients|accounts|leads|prospects|contacts|deals|proposals|everyone|everybody|anyone|anybody)"
    r"\b.+?)\s*(?:[,;:.]|\s[-–—]+)\s*(?:(?:please|pls|so|then|and|just|can you|could you)\s+)*"
    r"(?P<verb>move|mark|set|put|tag|untag|give|assign|reassign|hand|transfer|delete|remove|bin)"
    r"\s+(?P<them>them all|all of them|them|those|these|'em|(?=(?:back\s+)?(?:to|in|into|as)\s))\b"
)


def named_then_asked(message: Message) -> str | None:
    """ "björn dubois - who changed his stage to lost?": the question with the name said in it
    ("who changed björn dubois's stage to lost?"), or None."""
    found = _ASKED_AFTER_NAME.match(message.typed)
    if not found or not (name := leading_name(found["name"])):
        return None
    asked = found["asked"]
    pronoun = _PRONOUN.search(asked)
    if pronoun is None:
        return None
    said = pronoun.group().lower()
    owned = said in ("his", "their") or (
        said == "her" and _FIELD_NEXT.match(asked, pronoun.end()) is not None
    )
    return f"{asked[: pronoun.start()]}{name}{'’s' if owned else ''}{asked[pronoun.end() :]}"


def told_then_asked(typed: str) -> str | None:
    """ "jordan handed in his notice, last day is today. what's open on his side - tasks?": the
    question alone, "his" said as whose ("jordan's"); None when the message is not a statement
    about someone followed by a question about them."""
    found = _STATEMENT_THEN_QUESTION.match(typed)
    if found is None or not (pointed := _WHOSE_POINTED.search(found["asked"])):
        return None
    asked = found["asked"]
    return f"{asked[: pointed.start()]}{found['who']}'s{asked[pointed.end() :]}"


_STATEMENT_THEN_QUESTION = re.compile(
    r"^(?P<who>[A-Za-zÀ-ÿ][\w'’-]*(?:\s[A-Z][\w'’-]*)?)\s+(?:has|had|is|was|handed|left|leaves|is leaving|"
    r"quit|resigned|will|just|got|went|moved|starts|started|takes|took|['’]s)\b[^?]*?[.!]\s+"
    r"(?P<asked>(?:and\s+)?(?:what|what'?s|whats|which|who|how|where|any|show|list|break\s+down|"
    r"breakdown|split|count|pull\s+up|give me|get me|send me)\b[^.!]*\?*)\s*$",
    re.I,
)
_WHOSE_POINTED = re.compile(r"\b(?:his|her|their)\b", re.I)
_ASKED_AFTER_NAME = re.compile(
    r"^(?P<name>[^,;:?!–—-]+?)\s*(?:\s[-–—]+|[:,])\s*(?P<asked>(?:who|when|why)\b.+)$", re.I
)
_PRONOUN = re.compile(r"\b(?:his|her|their|him|them)\b", re.I)
# a field of one customer, asked about: "who changed acme's stage", "X - who changed her phone?"
_ASKED_FIELDS = (
    r"stage|status|owner|rep|phone(?: number)?|number|e-?mail(?: address)?|name|company|city|title|"
    r"job title|country|details|record"
)
_FIELD_NEXT = re.compile(rf"\s+(?:{_ASKED_FIELDS})\b", re.I)


_BARE_STAGE = re.compile(
    r"\s+(?:an?\s+)?(?:lead|qualified|proposal|customer|client|lost|won)\W*$", re.I
)


# a customer named, what is so of them, then a change said of "him": the statement's verb ends the
# name ("mia nguyen isnt a customer anymore, delete her")
_POINTED_AFTER_STATEMENT = re.compile(
    r"^[^,;.!?]+?\s(?P<verb>has|had|hasn'?t|hasnt|have|haven'?t|is|isn'?t|isnt|was|wasn'?t|wasnt|went|"
    r"wants|doesn'?t|doesnt|won'?t|wont|will|never|needs|just|moved|left|keeps|seems|looks|"
    r"stopped|churned|signed|said|told|can'?t|cant|no longer|sold|retired|closed)\b[^,;.!?]*"
    r"(?:,\s*the\s+(?P<which>[\w' -]+?)\s+one)?"  # "the dupe is mia fischer, the new york one"
    r"(?:[,;.!?]+\s*|\s+[-–—]+\s+)(?:(?:so|and|then|pls|please|just|can you|could you)\s+)*"
    r"(?P<change>(?:give|hand|move|reassign|assign|transfer|pass|tag|label|mark|put|set|delete|"
    r"remove|bin|drop|push|postpone|reschedule|bump|shift|restore|undelete)\s+(?:just\s+|only\s+)?)"
    r"(?P<who>him|her|them|it|(?:that|the|their|his|her)\s+(?:task|reminder|follow-?up))\b"
)


_SELECTION_FIRST = re.compile(
    r"^\W*(?:any|all|every|those|these|which|the)\s+(?:[\w'-]+\s+)?"
    r"(?:accounts|customers|clients|leads|prospects|deals|ones|contacts)\b"
)
_NOT_LEADING = frozenset("actually oops ok okay hmm wait so sorry ah oh right".split()) | set(
    _CHEERS
)


def _ref(text: str | None) -> str | None:
    if not text:
        return None
    ref, _ = take_ref(text)
    return ref


def _find_date(text: str, message: Message, *, future: bool) -> tuple[str | None, str, str]:
    """The first date phrase in `text` (lower case) as YYYY-MM-DD, the text without it (lower
    case and as typed). A date that cannot exist ("31/02") is returned as "!" + the words typed."""
    typed = _typed_of(text, message)
    for found in vocab.DATE.finditer(text):
        phrase = found.group("date")
        day = date_in(phrase, now=message.now, tz=message.tz, future=future)
        if day is None and not impossible(phrase):
            continue
        start, end = found.span()
        value = day.isoformat() if day else "!" + typed[found.start("date") : found.end("date")]
        return value, _join(text[:start], text[end:]), _join(typed[:start], typed[end:])
    return None, text, typed


def _date_slot(name: str, value: str | None, slots: dict[str, Any]) -> dict[str, Any]:
    """Put a date from `_find_date` in its slot, or an impossible one under `invalid`."""
    if value and value.startswith("!"):
        slots.setdefault("invalid", {})[name] = value[1:]
    elif value:
        slots[name] = value
    return slots


def _join(left: str, right: str) -> str:
    return " ".join(f"{left.rstrip()} {right.lstrip()}".split()).strip(" ,;")


def _typed_of(text: str, message: Message) -> str:
    """The as-typed form of a lower-case piece of the message."""
    at = message.text.find(text)
    return message.typed[at : at + len(text)] if at >= 0 else text


def _summary(text: str) -> str | None:
    if re.fullmatch(
        r"(?:for|over) (?:a )?(?:coffee|lunch|dinner|breakfast|drinks|a call)", text.lower()
    ):
        return None
    text = re.sub(r"^(?:and|but|then|only|also)\s+", "", text.strip())
    text = _WHOSE_ROLE.sub("", text)  # "… with Kashi Weaves' owner this morning; they want …"
    text = _IF_SILENT.sub("", text)  # "she'll reply by wed. (remind me wed) if nothing": when
    text = re.sub(r"\s+(?=[.,;](?:\s|$))", "", text)  # "sending proposal . also": no gap
    text = re.sub(
        r"^(?:her|him|them)\s+(?=(?:the|a|an|our|some)\s)", "", text
    )  # "emailed her the …"
    text = _THEIR_PREMISES.sub("", text)  # "was at X's depot today, …": where, not what
    text = _HOW_AND_AFTER.sub("", text)  # "by email re the invoice", "after four attempts, …"
    text = _JUST_NOW.sub("", text)  # "sent the quote just now": when, not what
    text = _IN_A_PLACE.sub("", text)  # "met Brauerei Lindner in Bamberg, they want …": where
    text = _AT_THEIR_PLACE.sub("", text)  # "… at their Jurong office, they want …": where
    text = _HOW_SENT_AT_END.sub("", text)  # "sent Deb the catalog via email": the catalog
    text = _SAYING.sub("", _DANGLING_START.sub("", _DANGLING_END.sub("", text.strip())))
    if _QUOTE_MARK.search(text) or _MAIL_SIGN_OFF.search(text):  # a pasted e-mail's body
        text = _QUOTE_MARK.sub(" ", text).strip()
        text = _MAIL_GREETING.sub("", _MAIL_SIGN_OFF.sub("", text)).strip()
        if text[:1] in "'\"‘“" and not re.search(r"['\"’”]\W*$", text):
            text = text[1:]  # its quote closed with the sign-off just cut
    return _without_filler(text) or None


_IF_SILENT = re.compile(
    r"\s*,?\s*(?:if|unless|in case)\s+(?:nothing|no (?:reply|answer|response|news|word)|"
    r"(?:she|he|they)\s+(?:doesn'?t|don'?t|hasn'?t|haven'?t|does not|do not)\s+(?:reply|answer|"
    r"respond|get back|come back))\W*$",
    re.I,
)
# who at the customer the contact was with, or "me" of "texted me:", said before what was said
_WHOSE_ROLE = re.compile(
    r"^(?:me\s*[:,–—-]|(?:['’]s?\s+)?(?:owner|boss|manager|ceo|founder|buyer|accountant|"
    r"accounts(?: team)?|md|gm|director|office)(?:\s*[,;:.–—-]|$))\s*",
    re.I,
)


# a pasted e-mail's "> " quote marks, greeting and sign-off: "> Hallo Lukas, thanks for the
# quote. … > Beste Grüße, Jana" is "thanks for the quote. …"
_QUOTE_MARK = re.compile(r"(?:^|(?<=\s))>\s+")
_MAIL_GREETING = re.compile(
    r"^['\"‘“]?(?:hi|hello|hallo|dear|hey|guten tag|bonjour|hola|olá|ciao)(?:\s+[A-ZÀ-Þ][\w.-]*"
    r"(?:\s+[A-ZÀ-Þ][\w.-]*)?)?\s*,\s*",
    re.I,
)
_MAIL_SIGN_OFF = re.compile(
    r"[.!,]?\s*(?:(?:best|kind|warm|many|viele|beste|liebe|herzliche|freundliche)\s+)?(?:regards|"
    r"wishes|grüße|grüsse|gruesse|cheers|thanks|thank you|saludos|cordialement|cumprimentos|"
    r"abraços|groeten|best)\s*,?\s+[A-ZÀ-Þ][\w.-]*(?:\s+[A-ZÀ-Þ][\w.-]*)?\W*$",
    re.I,
)


# how and after what the contact came about, before what was said: "(chased X) by email re …",
# "(got hold of X) after about four attempts, and the long and short of it is that …"
_HOW_AND_AFTER = re.compile(
    r"^(?:(?:by|via|over|on)\s+(?:the\s+)?(?:e-?mail|phone|text|sms|whats ?app|zoom|teams)\b[\s,]*"
    r"|after\s+(?:about\s+|like\s+|some\s+)?\w+\s+(?:attempts|tries|goes|calls|weeks|days)\b[\s,]*)?"
    r"(?:(?:and\s+)?(?:the long and short of it is|long story short|in short|bottom line|tl;?dr)"
    r"(?:\s+is)?(?:\s+that)?[\s,:]*)?",
    re.I,
)
_THEIR_PREMISES = re.compile(rf"^(?:'s\s+)?{vocab.PREMISES}\s*(?:in\s+\w+\s*)?[,;.]?\s*", re.I)
# what is left of a request once its date was read: ", I must send", "and please set a",
# "May I request a", "was ," ("the meeting … was on Oct 5, we walked through pricing")
_DANGLING_END = re.compile(
    r"(?:[,;.]\s*|\s+and\s+|\s+[—–-]\s+)(?:(?:[^,;.]{0,40}?\s)?(?:a|an|the|to|for|by|until|on)"
    r"|i(?:'ll|'d)?\s+(?:said\s+i'?d\s+|promised\s+to\s+|(?:must|need to|have to|will|should|shall)\s+)?"
    r"(?:send|chase|call|ping|email|do|revert|get back(?:\s+to\s+(?:her|him|them))?)"
    r"(?:\s+(?:it|them|one|(?:the\s+|an?\s+)?(?:offer|quote|proposal|contract|deck|invoice)))?"
    r"|(?:send|chase|call|ping|email|do)(?:\s+(?:it|them|one))?"
    r"|\s*(?:(?:can|could|would) you\s+)?(?:please\s+)?log (?:it|this|that)\b.*)\s*[.!?]*$",
    re.I,
)
_DANGLING_START = re.compile(
    r"^(?:(?:was|were|happened|took place|myself)\s*(?:[,;.]\s*|$)"
    r"|at (?:the|a|an) [\w\s-]{1,30}?(?:expo|fair|conference|event|show|meetup|summit)\s*(?:[,;.]\s*|$))",
    re.I,
)
# "sent a text to X saying the installer is confirmed": what the text said
_SAYING = re.compile(r"^(?:(?:an?\s+)?(?:text|message|sms|note|email|e-mail)\s+)?saying\s+", re.I)


def _without_filler(text: str) -> str:
    """What was said without the chat particles, hashtags and sign-off around it ("→ they want
    50 seats #closing", "lah, he wants 500 … lol", "…. Thank you, Margaret")."""
    text = _SIGN_OFF.sub("", _HASHTAGS.sub("", text.strip()))
    return _FILLER_AT_END.sub("", _FILLER_AT_START.sub("", text.strip(" ,;:.-–—?!→>"))).strip(
        " ,;:.-–—?!→>"
    )


_FILLER_WORDS = (
    r"lol|lmao|haha+|fr|tbh|ngl|btw|fyi|lah|leh|lor|can|pls|plz|thx|ty|thanks|thank you|mate|i guess|"
    r"chur|lekker|aye|sweet as|is that (?:ok|okay|alright|fine)"
)
_LABELLED_ADDRESS = re.compile(
    r"(?:(?:the\s+)?(?:customer|client|person|contact)\s+(?:with\s+)?)?(?:(?:the\s+)?e-?mail"
    r"(?:\s+address)?|address)\s*:?\s*(?P<address>[\w.+'-]+@[\w-]+(?:\.[\w-]+)+)",
    re.I,
)
_PARTICLES_AT_END = re.compile(r"(?:\s+(?:lol|lmao|haha+|fr|tbh|ngl|lah|leh|lor))+$", re.I)
_FILLER_AT_END = re.compile(
    rf"(?:[\s,.;!]+(?:{_FILLER_WORDS})(?: for (?:your|the) help)?)+[\s.!]*$", re.I
)
_HASHTAGS = re.compile(r"(?:\s+#[a-z]\w*)+\s*$", re.I)  # "… #closing #letsgo"
_SIGN_OFF = re.compile(
    r"[.!,]?\s+(?:thank you|thanks|many thanks|regards|kind regards|best|cheers|yours)[,.!]?"
    r"(?:\s+[A-Z][a-z]+)?\W*$",
    re.I,
)
_FILLER_AT_START = re.compile(r"^(?:lah|leh|lor|lol|haha+|btw|fyi)\b[\s,.!]*", re.I)


_IN_A_PLACE = re.compile(
    rf"^in (?!(?:{'|'.join(m.title() for m in MONTHS)})[a-z]*\b|Q\d)[A-ZÀ-Ý][\w'-]+(?: [A-ZÀ-Ý][\w'-]+)?"
    r"\s*(?:[,.]|(?=\s+(?:they|she|he|we|the|all|very)\b))\s*"
)
_AT_THEIR_PLACE = re.compile(
    rf"^(?:at (?:their|his|her|the) (?:[\w'-]+ ){{0,2}}?{vocab.PREMISES}(?: in [A-Z][\w'-]+)?|"
    rf"{vocab.PREMISES} in [A-Z][\w'-]+(?: [A-Z][\w'-]+)?)\s*(?:[,.;]\s*|$)"
)
# how it was sent, said after what: "the holiday catalog via email"
_HOW_SENT_AT_END = re.compile(
    r"\s+(?:via|by)\s+(?:e-?mail|whats ?app|sms|telegram)\b(?=\s*(?:[,;.]|$))",
    re.I,
)
_JUST_NOW = re.compile(r"\s*\b(?:just now|a (?:moment|minute|few minutes) ago|right now)\b", re.I)


_ALSO_THOSE = re.compile(
    r"\b(?:including|incl\.?|plus|as well as|not (?:only|just))\s+(?:the\s+)?(?:ones\s+)?"
    r"(?:that\s+are\s+|which\s+are\s+)?(?:overdue|today|tomorrow|this week)\b(?:\s+ones)?"
)


def _task_period(text: str) -> str | None:
    """Which tasks: overdue ones when said at all ("*Weekly check-in* — overdue tasks"), else the
    first period named, "all" only when no other is ("all my pending tasks for this week")."""
    # "all my tasks, including the overdue ones", "not only today"
    text = _ALSO_THOSE.sub(" ", text)
    said = {name for pattern, name in vocab.TASK_PERIODS if pattern.search(text)}
    if "overdue" in said:
        return "overdue"
    return _first([(p, n) for p, n in vocab.TASK_PERIODS if n != "all"], text) or (
        "all" if "all" in said else None
    )


def _first(table: list[tuple[re.Pattern, str]], text: str) -> str | None:
    best = None
    for pattern, name in table:
        found = pattern.search(text)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), name)
    return best[1] if best else None


def _number(word: str | None) -> int | None:
    if not word:
        return None
    plain = word.replace(",", "")  # "5,000 pcs"
    return int(plain) if plain.isdigit() else vocab.NUMBERS.get(word)


# ---- readers, one per intent --------------------------------------------------------------------


@reads("undo")
def _undo(match: re.Match, message: Message) -> dict | None:
    if vocab.ENTRY_REMOVED.match(message.text) and _WHOSE_ENTRY.search(message.text):
        return None  # "undo the sale to ingrid jensen": that sale deleted, not the last change
    return {}


_WHOSE_ENTRY = re.compile(
    r"\b(?:sale|order|purchase|call|e-?mail|meeting|visit|note)\s+(?:to|with|for|from|on|of)\s+\w"
)


@reads("help")
def _help(match: re.Match, message: Message) -> dict | None:
    topic = match.groupdict().get("topic")
    if topic:
        topic = re.sub(r"\s+work$", "", topic.strip(" ?!."))
        topic = re.sub(r"^(?:me |us )?(?:with |on |about |for )?", "", topic).strip()
    return {"topic": topic or None}


@reads("digest.unsubscribe")
def _unsubscribe(match: re.Match, message: Message) -> dict | None:
    if re.search(r"\bweekends?\b", message.text) and vocab.WEEKDAYS_ONLY.search(message.text):
        return None  # "stop the digest on weekends": weekdays only, not stopped
    return {}


@reads("digest.subscribe")
def _subscribe(match: re.Match, message: Message) -> dict | None:
    found = next(
        (
            f
            for p in (vocab.TIME, vocab.CLOCK, vocab.MILITARY, _DIGEST_AT)
            if (f := p.search(message.text))
        ),
        None,
    )
    days = (
        "weekdays"
        if vocab.WEEKDAYS_ONLY.search(message.text)
        else "every_day"
        if vocab.EVERY_DAY.search(message.text)
        else None
    )
    time = time_of(found.group("time")) if found else None
    if time is None and (hour := _MORNING_HOUR.search(message.text)):
        said = next(h for h in hour.groups() if h)
        time = f"{int(said):02d}:00"  # "the digest in the morning? 7 would be ideal"
    return {"time": time, DAYS: days}


_DIGEST_AT = re.compile(r"\bdigest\s+(?P<time>(?:[01]\d|2[0-3])[0-5]\d)\b(?![-/.]\d)")  # "… 0700"
# an hour said bare beside "morning": "in the morning, 7 ideally", "7 in the morning"
_MORNING_HOUR = re.compile(
    r"\bmorning\b\W+(?:(?:at|around|say|about|by|maybe|like|ideally)\s+)*(?P<hour>[5-9]|1[01])\b(?![:.]?\d)"
    r"|\b(?P<hour2>[5-9]|1[01])\b(?![:.]?\d)\s*(?:o'?clock\s+)?(?:in the|every|each)\s+morning\b"
    r"|\bmorning\b[^0-9]{0,20}\b(?P<hour3>[5-9]|1[01])\s+(?:would|is|works|please|ideally)\b"
)


DAYS = "days"  # which days a digest goes out: "weekdays" or "every_day" (not in the contract)
# a period compared with the same one a year before: "vs the same quarter last year" (ditto)
A_YEAR_BEFORE = "a_year_before"


@reads("digest.show")
def _digest(match: re.Match, message: Message) -> dict | None:
    if vocab.WEEKDAYS_ONLY.search(message.text):
        return None  # "only weekdays pls, no digest on sat/sun": when it comes, not one shown
    day, _, _ = _find_date(message.text, message, future=False)
    if day is None and _DIGEST_AT.search(message.text):
        return None  # "snd digest 0700": when it should come, not one shown now
    if day is None and re.search(r"\btoday'?s\b", message.text):
        day = message.now.date().isoformat()
    whose = owner(message)
    if whose is None and (named := _NAME_BEFORE_DIGEST.match(message.text)):
        whose = message.typed[named.start(1) : named.end(1)]  # "oskar digest yesterday"
    return _date_slot("date", day, {"owner": whose})


_NAME_BEFORE_DIGEST = re.compile(
    r"^(?!(?:my|the|a|your|our|daily|weekly|monthly|morning|evening|send|show|get|give|see|today|todays|yesterday|"
    r"yesterdays|full|latest|me|please|pls|team|teams|what|where|this|that|new|last)\b)"
    r"([a-z][\w-]*?)(?:'?s)?\s+(?:daily\s+|morning\s+)?digest\b"
)


_BOOK_NAMED = re.compile(r"\b(?:book|patch|portfolio|territory|pipeline)\b")


def owner(message: Message, *, named_for: bool = True) -> str | None:
    """Whose book a message asks about: "me" (my, mine), "team" (the team, everyone, all reps),
    or a colleague's name as typed ("maria's overdue tasks", "tasks for dana")."""
    text = message.text
    team = vocab.OWNER_TEAM.search(text)
    said = (vocab.OWNER_NAMED, vocab.OWNER_DID, vocab.OWNER_BY)
    for pattern in (*said, *((vocab.OWNER_FOR,) if named_for else ())):
        for found in pattern.finditer(text):
            named = found.groupdict()
            group = next(g for g in ("name", "name2", "name3", "name4", "name5") if named.get(g))
            name = found.group(group)
            if team and team.start() < found.start() and not _BOOK_NAMED.search(found.group()):
                return "team"  # "everyone in Aled's book" is Aled's
            if name not in vocab.NOT_OWNERS or (  # "jun's overdue tasks": Jun's, not June's
                pattern is vocab.OWNER_NAMED and name in vocab.MONTH_NAMES
            ):
                return message.typed[found.start(group) : found.end(group)]
    if team:
        return "team"
    if vocab.OWNER_ME.search(text):
        return "me"
    return None


def _cut_words(text: str, message: Message, words: re.Pattern) -> str | None:
    """The message as typed with the cue words taken out: what is left names the customer."""
    typed = message.typed  # cut where the words are in the text read ("w/" there is "with")
    for found in reversed(list(words.finditer(message.text))):
        typed = f"{typed[: found.start()]} {typed[found.end() :]}"
    typed = re.sub(r"(?:'s|’s)\b", "", typed)
    return _ref(" ".join(typed.split()))


@reads("customer.forget")
def _forget(match: re.Match, message: Message) -> dict | None:
    if _A_TASK_NUMBERED.search(message.text):
        return None  # "remove task #4 completely": a task, never a person's data
    if signed := _SIGNED_QUOTE.search(message.typed):  # '"… erase all my data. Ewan Pryce"'
        return {"customer": signed["who"]}
    if role := ROLE_THEN_NAME.match(message.typed):  # "X's old treasurer, NAME, … forget her"
        return {"customer": role["name"]}
    who = _cut_words(message.text, message, vocab.FORGET_WORDS)
    if who and who.lower() in {"that", "it", "this", "me"}:
        return None
    if who and (address := _AN_ADDRESS.search(who)) and len(who.split()) > 1:
        who = address.group()  # "right to be forgotten request: please erase x@y.z": who is x@y.z
    return {"customer": who}


@reads("customer.export")
def _export(match: re.Match, message: Message) -> dict | None:
    if numbered := _CUSTOMER_REF.search(message.text):  # "export all data held on #977 (Art. 15)"
        return {"customer": numbered["ref"]}
    if _AS_A_FILE.search(message.text) and _MANY_CUSTOMERS.search(message.text):
        return None  # "export all jordan's customers to csv": a list, as a spreadsheet
    return {"customer": _cut_words(message.text, message, vocab.EXPORT_WORDS)}


_A_TASK_NUMBERED = re.compile(r"\b(?:task|to-?do|reminder)\s*(?:no\.?\s*|number\s*)?#?\d")
_DONE_VERB = {
    "calling": "called", "ringing": "rang", "phoning": "phoned", "emailing": "emailed",
    "visiting": "visited", "chasing": "chased", "texting": "texted", "meeting": "met",
}  # fmt: skip
_FINISHED_DOING = re.compile(
    rf"^\s*(?:(?:i|we|just|have|had|finally)\s+)*(?:finished|done|completed)\s+(?P<doing>{'|'.join(_DONE_VERB)})\b",
    re.I,
)


@reads("task.complete")
def _complete(match: re.Match, message: Message) -> dict | None:
    if any(
        said.search(message.text)
        for said in (vocab.TASK_CHANGED, vocab.TASK_REOPENED, vocab.TASK_ASKED)
    ):
        return None  # "move task 2 to mon", "reopen task 45": changed; "who has task 36": asked
    if said := _THING_FOR_DONE.match(message.typed):  # "Payment follow-up for Nilgiri is done"
        about = [w for w in said["about"].split() if w.lower() in _TASK_WORDS]
        return {"customer": said["who"], **({"about": " ".join(about)} if about else {})}
    tick = vocab.TICK_THAT_OFF.search(message.text)
    if tick and tick.start() > 0 and not _A_TASK_NUMBERED.search(message.text):
        # "Sent the proposal to Kestrel, tick that one off": the task on whom the contact was
        before = _FINISHED_DOING.sub(
            lambda f: _DONE_VERB[f["doing"].lower()], message.typed[: tick.start()]
        )
        said = prepare(before, now=message.now, tz=message.tz)  # "finished calling X": called X
        logged = read("interaction.log", said) or {}
        if logged.get("customer"):
            return {"customer": logged["customer"]}
        if not _TASK_OF.search(message.text):  # "I've done the Moana follow-up, mark it done"
            return None
    if _CLOSED_AS.search(message.text):
        return None  # "close out as lost any proposal nobody's contacted in 90+ days": a stage
    if _CLOSE_TO.search(message.text) and not _DONE_SAID.search(_CLOSE_TO.sub(" ", message.text)):
        return None  # "met hugo silva, they're close to signing": near a deal, no task closed
    undated = _undated(_ANOTHER_CHANGE.split(message.text, maxsplit=1)[0])
    undated = _BECAUSE.split(undated, maxsplit=1)[0]  # "… and 90 too since I have 91": not 91
    if said := _OUTCOME.match(undated):  # "done 45 - superseded by 46": 45, for that reason
        undated = undated[: said.start("outcome")]
    if not _TASK_NUMBER.search(undated):  # "Done #12", "Done: task #12" are the buttons' labels
        undated = _CUSTOMER_REF.sub(_blank, undated)  # "the task for #129"
    if (_DONE_SAID.search(undated) or _TASK_WORD.search(undated)) and (
        numbered := _task_ids(undated)
    ):
        if said := _OUTCOME.match(message.typed):  # "done 3 - not interested in the new tier"
            numbered[OUTCOME] = said.group("outcome").strip()
        return numbered
    if kind := _KIND_DONE_WITH.match(message.typed):  # "mark the new tier call w bjorn done too"
        return {"customer": kind["who"], "about": kind["about"]}
    if every := _ALL_THEIR_TASKS.search(message.text):  # "close both his tasks": each of them
        who = every["who"] or every["who2"]
        if who in ("his", "her", "their"):
            return {"about": "all"}
        return {"customer": who.removesuffix("'s"), "about": "all"}
    if named := _each_done(message):
        return {CUSTOMERS: named}
    if (described := _task_described(message)) is not None:
        return described
    if not _DONE_SAID.search(message.text):
        return None  # "the team's tasks": nothing said done
    if vocab.TASK_DONE_SAID.match(message.text):  # "follow up done": the task talked about
        about = [w for w in re.findall(r"[\w-]+", message.typed) if w.lower() in _TASK_WORDS]
        return {"about": " ".join(about)} if about else None
    who = _cut_words(message.text, message, vocab.COMPLETE_WORDS)
    if who and (along := re.match(r"(?P<about>.+?)\s+(?:with|w/|w|for)\s+(?P<who>\S.*)$", who)):
        # "finished the QBR booking w/ wonka consulting": Wonka Consulting's QBR booking task
        return {"customer": along["who"], "about": along["about"]}
    if who:  # "the falcon analytics QBR - done": Falcon Analytics' QBR task
        words = [w for w in who.split() if w.lower() not in ("task", "the", "my")]
        kept = len(words)
        while kept > 0 and words[kept - 1].lower() in _TASK_WORDS:
            kept -= 1
        about = " ".join(words[kept:])
        if not kept and about:  # "recovery call done": the task of the customer talked about
            return {"about": about}
        return {"customer": " ".join(words[:kept]), **({"about": about} if about else {})}
    # "close my task for him", "done with her task": the customer just talked about
    return {} if _TASK_FOR_THEM.search(message.text) else None


_KIND_DONE_WITH = re.compile(
    r"^(?:mark|close|tick off|check off)\s+(?:the|my)\s+(?P<about>(?:[\w'-]+\s+){0,3}?"
    r"(?:call|e-?mail|visit|meeting|demo|qbr|quote|chase))\s+(?:with|w/?|for|to)\s+"
    r"(?P<who>[^,;.!?]+?)\s+(?:as\s+)?(?:done|complete|completed|finished)\b",
    re.I,
)
_THING_FOR_DONE = re.compile(
    r"^\W*(?:the\s+)?(?P<about>[\w'-]+(?:\s+[\w'-]+){0,3}?)\s+(?:for|with|w/)\s+"
    r"(?P<who>[^,;.!?#]+?)\s+(?:is|was|has been|got)\s+(?:now\s+)?(?:done|completed?|finished|sorted)\b",
    re.I,
)
_ALL_THEIR_TASKS = re.compile(
    r"\b(?:close|complete|finish|tick off|check off|clear|mark)\s+(?:both|all)\s+(?:of\s+)?"
    r"(?:(?P<who>his|her|their|#\d+(?:'s)?)\s+(?:open\s+)?(?:tasks|reminders|to-?dos)\b"
    r"|(?P<who2>#\d+)\s*$)"  # "close both #18": theirs, the one just talked about put in
)
_CLOSED_AS = re.compile(r"\bclose(?:d)?\s+(?:(?:it|them|those|these|out)\s+)*as\s+(?:lost|won)\b")


_DOING = {
    "calling": "call", "phoning": "call", "ringing": "call", "emailing": "email",
    "visiting": "visit", "seeing": "see", "meeting": "meet", "chasing": "chase", "pinging": "ping",
}  # fmt: skip
# a day that says which task, not whose: "tick off the friday call task for her"
_WHEN_DUE = re.compile(rf"{vocab.WEEKDAY}(?:'s)?|today'?s|tomorrow'?s|tmrw", re.I)


def _task_described(message: Message) -> dict[str, str] | None:
    """ "close the overdue amelia task", "close my chase task on him", "close his recovery task":
    the customer's open task those words describe (`about`), the customer said or just talked
    about."""
    found = _TASK_OF.search(message.text)
    if not found:
        return None
    said = message.typed[found.start("what") : found.end("what")].split() if found["what"] else []
    about = [w for w in said if w.lower() in _TASK_WORDS] + (
        [found["doing"]] if found["doing"] else []
    )
    named = [w for w in said if w.lower() not in _TASK_WORDS and not _WHEN_DUE.fullmatch(w)]
    if found["doing2"]:
        about.append(_DOING[found["doing2"].lower()])
        whom = message.typed[found.start("whom") : found.end("whom")]
        if whom.lower() not in ("him", "her", "them"):
            return {"about": " ".join(about), "customer": whom}
        return {"about": " ".join(about)}  # the customer just talked about
    slots = {"about": " ".join(about)} if about else {}
    if found["doing"] and not named:
        return slots  # the customer just talked about
    if found["who"] and found["who"] not in ("him", "her", "them", "it"):
        who = message.typed[found.start("who") : found.end("who")]
        ref = re.search(r"#\d+", who)  # "… on the task for #12": the customer put in for "him"
        named = [ref.group() if ref else who, *named]
        if ref and len(named) > 1:  # "the xmas call task for #89": which of #89's tasks
            slots = {"about": " ".join([*named[1:], *about])}
            named = named[:1]
    elif found["that"]:  # "mark that new tier call task done": the task just talked about
        if said:
            return {"about": " ".join(said)}
        return None if found.start() > 0 else {}  # "X's PO received — tick off that task": X's
    elif found["who"] or found["their"]:
        return slots if not named else None  # the customer just talked about
    return {**slots, "customer": " ".join(named)} if named else (slots or None)


def task_done_after(done: str) -> dict[str, str]:
    """ "booked the QBR with her for the 15th" (, so that task is done): whose task, the customer
    named or just talked about, and the words of what it was about."""
    slots = {}
    if (found := _DONE_WITH.search(done)) and (who := _ref(found["who"])):
        slots["customer"] = who
    if about := [w for w in re.findall(r"[\w'-]+", done) if w.lower() in _TASK_WORDS]:
        slots["about"] = " ".join(about)
    return slots


_DONE_WITH = re.compile(r"\b(?:with|to|for|at|from)\s+(?P<who>(?!(?:the|a|an)\b)[^,;.!?]+)", re.I)


# what came of a task, said as it is ticked off: "done 3 - mateo not interested in the new tier"
_OUTCOME = re.compile(
    r"\s*(?:done|finished|completed?|closed?)\s+(?:(?:with\s+)?task\s+)?#?\d{1,7}\s*[-–—:,;]+\s*"
    r"(?!(?:and|also|then|plus|remind|call|email|send|create|add|log|move|push|give|set|tag|"
    r"delete|make|schedule|book|new|task|pls|please)\b)(?P<outcome>[^\s\d#].{2,})",
    re.I,
)
_TASK_WORD = re.compile(r"\b(?:tasks?|to-?dos?|reminders?)\b|^\W*#?\d{1,7}\W*$")
_DONE_SAID = re.compile(
    r"\b(?:done|finished|finish|complete[ds]?|close[ds]?|closing|tick(?:ed)?|check(?:ed)? off|"
    r"cross(?:ed)? off|mark(?:ed)?|knocked off|wrapped up|sorted)\b"
)
# "close 1 and move 2 to monday": what follows is another request, whose numbers are its own
_ANOTHER_CHANGE = re.compile(
    r"\s*(?:,|\band\b|\bthen\b)\s+(?=(?:move|push|give|hand|reassign|assign|rename|delete|shift|"
    r"postpone|bump|reschedule)\b)"
)
_TASK_OF = re.compile(
    r"(?:^|[,;.]\s*|\b(?:so|and|then)\s+)(?:(?:pls|please|and|also|then|so|ok|now)\s+)*"
    r"(?:i(?:'ve| have)?\s+(?:just\s+)?)?"  # "I finish the task of Marina Porto Belo"
    r"(?:close|complete[d]?|finish(?:ed)?|tick off|check off|"
    r"mark off|mark|done with|done|clear)\s+(?:(?P<their>his|her|their)|(?P<that>that|this)|the|my|our)\s+"
    r"(?P<what>[\w'-]+(?:\s+[\w'-]+){0,3}?\s+)?(?:task|reminder|follow[- ]?up|to-?do)\b"
    # "close the task about calling her": the call task on the customer just talked about
    r"(?:\s+about\s+(?P<doing2>calling|phoning|ringing|emailing|visiting|seeing|meeting|chasing|"
    r"pinging)\s+(?P<whom>[^,;.!?]+?)"
    r"|\s+(?:for|on|with|about|of)\s+(?P<who>(?:(?!\s+and\s)[^,;.!?])+?)"
    # "close my task to call her": the one to call the customer just talked about
    r"|\s+to\s+(?P<doing>call|ring|email|visit|see|meet|chase|ping)\s+(?:him|her|them))?"
    r"(?:\s+(?:as\s+)?done)?"
    r"(?:\s+too)?"
    # "I've done the Moana follow-up, can you mark it complete?"
    r"(?:\s*,?\s*(?:(?:can|could) you\s+|pls\s+|please\s+)?(?:mark|close|tick)\s+it(?:\s+off)?"
    r"(?:\s+(?:as\s+)?(?:complete|completed|done|closed))?)?\W*$"
)
# words that say which of a customer's tasks, not who the customer is
_TASK_WORDS = frozenset(
    "overdue open old new first last other chase chasing recovery renewal quote call callback demo "
    "proposal contract qbr check-in checkin follow-up followup meeting pricing invoice intro "
    "onboarding training review follow up apology".split()
)


def _each_done(message: Message) -> list[str] | None:
    """ "sent the quotes to atlas and redwood, both done": the customers whose tasks are done."""
    found = vocab.EACH_DONE.search(message.text)
    said = found and _NAMED_LAST.search(message.typed[: found.start()].rstrip(" ,;.-–—"))
    if not said:
        return None
    names = [n.strip(" ,") for n in vocab.LISTED.split(said["names"]) if n.strip(" ,")]
    return names if len(names) > 1 else None


_NAMED_LAST = re.compile(
    r"(?:\b(?:to|with|for|from|of)|^(?:called|rang|phoned|emailed|met|visited|texted|pinged)"
    r"(?:\s+back)?)\s+(?P<names>[^,;:]+)$",
    re.I,
)


def _undated(text: str) -> str:
    """The text with its dates blanked out: "Jan 20" names no task."""
    return vocab.DATE.sub(_blank, text)


def _task_ids(text: str) -> dict[str, Any]:
    """The `task_id` slot of the task numbers said ("done 14", "tasks 4 and 5"), or none."""
    text = _COPY_OF.sub(_blank, text)  # "delete task 10, its a duplicate of 56": not 56
    numbers = [
        int(found[1])
        for found in _TASK_ID.finditer(text)
        if not _COUNT_OF_THINGS.match(text, found.end())
        or re.search(r"(?:\band|&|,|\btasks?|#)\s*#?$", text[: found.start(1)])  # "9 and 10 tapos"
    ]
    for listed in _COMMA_LIST.finditer(text):  # "done 4,5,6"; "4,500" is a number, not a list
        if any(len(part) != 3 for part in listed.group().split(",")[1:]) or _DONE_BEFORE.search(
            text, 0, listed.start()
        ):  # "done 515,516": tasks, right after the word that closes them
            numbers += [int(n) for n in listed.group().replace("#", "").split(",")]
    numbers = sorted(set(numbers), key=numbers.index)
    if not numbers:
        return {}
    return {"task_id": numbers[0] if len(numbers) == 1 else numbers}


_COPY_OF = re.compile(
    r"\b(?:(?:a\s+)?(?:duplicate|dupe|double|copy)\s+of|same\s+as)\s+(?:task\s+)?#?\d+", re.I
)
_TASK_ID = re.compile(r"(?<![\w@.,$€£:])#?(\d{1,7})\b(?![.,:]\d)")
# a number that counts things is no task's: "4 aerators commissioned" says how many, not task 4
_COUNT_OF_THINGS = re.compile(
    r"\s+(?!(?:thanks|tasks|pls|plz|yes|guys|folks|is|was|has|as|its|this|us|thx)\b)[a-z]{2,}s\b"
)
_NUMBERED_CUSTOMERS = re.compile(  # "#169, #49 and #177", "customers #18, #117 and #120"
    r"\s*(?:(?:the\s+)?(?:customers|clients|accounts)\s+)?#\d+(?:\s*(?:,|and|&|\+)?\s*#\d+)+"
    r"[\s,.:;-]*",
    re.I,
)
_FOR_A_YEAR = re.compile(
    r"^\s*for\s+(?:20\d\d|next year|the (?:next|coming) year)\s*[:,-]\s*", re.I
)
_RENEWED_FOR = re.compile(
    r"^\s*(?:for\s+(?:another|a|one|two|three|\d+)\s+(?:more\s+)?(?:years?|months?|terms?)|again)\b.*",
    re.I,
)
# money going back or in dispute, never a sale: a refund, a credit note, an invoice put right
_MONEY_OWED = re.compile(
    r"\b(?:refunds?|refunded|refunding|credit note|credit memo|overcharg\w*|over-charg\w*|reimburs\w*|"
    r"chargeback|paid (?:the |a )?wrong|wrong (?:amount|amt|invoice|price)|(?:invoice|inv)\s+(?:\d+\s+)?"
    r"(?:was|is)\s+(?:also\s+)?wrong|disputes?|disputed|write[- ]off)\b"
)


def _days_since(text: str, end: int, message: Message) -> int | None:
    """ "… haven't heard from us since september": the days since that day (a month alone is its
    first day), said right after the silence; None if no day is said there."""
    if not (since := _SINCE_THEN.match(text, end)):
        return None
    if month := since["month"]:
        today = message.now.date()
        number = MONTHS.index(month[:3]) + 1
        day = date(today.year - (number > today.month), number, 1)
    elif (day := date_in(since["when"], now=message.now, tz=message.tz, future=False)) is None:
        return None
    return (message.now.date() - day).days or None


_SINCE_THEN = re.compile(
    rf"\s*(?:ever\s+)?(?:since|from)\s+(?:(?:the\s+)?(?:start|beginning)\s+of\s+)?"
    rf"(?:(?P<month>{vocab.MONTH})(?!\s*\d)|(?P<when>{vocab.DATE_PHRASE}))"
)
_BECAUSE = re.compile(r"\b(?:since|because|cos|coz|bc|as i|as we)\b")
_SPEAKER = re.compile(r"\b(?:says|said|thinks|told me|reckons|confirmed|tells me)\b")
A_SALE_TOLD = re.compile(
    r"\b(?:bought|ordered|purchased|signed|sold|renewed|paid)\b.*\d|\d.*\b(?:bought|ordered|sold)\b"
)
# words that make the day after them another event's, never the contact's
_ANOTHER_DAY = re.compile(
    r"\b(?:since|ship(?:s|ped|ping)?|release[sd]?|expects?|expected|arriv(?:e|es|ed|ing)|"
    r"launch(?:es|ed|ing)?|stuck|delayed|dispatch(?:ed|es)?|due|until|till)\s+(?:on\s+|last\s+|this\s+)?$"
    # "wants 12 tolas for a wedding on the 28th": the day of their event, not of the contact
    r"|\bfor\s+(?:a|an|the|their|his|her|our)\s+(?:[\w-]+\s+)?(?:wedding|party|event|festival|"
    r"funeral|opening|launch|show|fair|concert|ceremony|conference|dinner|banquet|gala|anniversary|"
    r"birthday)\s+(?:on\s+)?$"
)
_ONLY_A_MESSAGE = re.compile(r"(?:an? |the )?(?:text|sms|message|msg|e-?mail|note)", re.I)
_ASKED_OF_A_DAY = re.compile(
    r"\b(?:asks?|asked|asking|wonders?|wondered|wondering)\s+(?:if|whether)\b[^.;!?]*$"
    r"|\b(?:can|could)\s+(?:we|you|i|they)\b[^.;!?]*$"
)
_SALE_TO_COME = re.compile(
    r"\b(?:ready|about|going|due|set|expect(?:s|ed|ing)?|likely|hoping|hope|plan(?:s|ning)?)\s+to\s+"
    r"(?:sign|buy|order|close|renew)\b|\bwill\s+(?:sign|buy|order|renew)\b"
    r"|\bsigning\s+(?:on\s+|next\s+|this\s+)?(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|tmrw|week)"
    r"|\bclose to (?:signing|closing|a deal)\b"
)
_OFFERED = re.compile(r"\b(?:quote[sd]?|quotation|proposal|offer|estimate|pricing|price list)\b")
_SOLD = re.compile(
    r"\b(?:bought|buys|ordered|orders|purchased|signed|sold|closed|won|renewed|paid|took|accepted|confirmed|"
    r"agreed|approved|went with|sale|order)\b"
)
_DONE_BEFORE = re.compile(r"\b(?:done|complete|close|closed|tick off|tasks?)\s*#?$")
_COMMA_LIST = re.compile(r"(?<![\w@.,$€£])#?\d{1,7}(?:,#?\d{1,7})+\b(?![.,]\d)")


@reads("task.update")
def _task_change(match: re.Match, message: Message) -> dict | None:
    """ "move task 12 to monday", "give task 3 to maria", "delete tasks 4 and 5", "rename task 3
    to …"."""
    if dropped := vocab.TASK_DROPPED.match(message.text):  # "drop his apology call task"
        who = dropped["who"] and _ref(message.typed[slice(*dropped.span("who"))])
        about = " ".join(dropped["what"].split()) if dropped["what"] else None
        return {"action": "delete", "about": about, "customer": who}
    message = named_then_pointed(message) or message  # "X still hasn't signed, push that task …"
    if (put_off := vocab.TASKS_PUT_OFF.search(message.text)) and (
        due := _find_date(put_off["when"] or put_off["when2"], message, future=True)[0]
    ):
        holder = re.sub(r"(?:'s|’s)$", "", put_off["whose"] or put_off["whose2"])
        overdue = re.search(r"\b(?:overdue|late)\b", put_off.group())
        slots = {
            TASKS_OF: "me" if holder == "my" else holder,
            "period": "overdue" if overdue else None,
        }
        return _date_slot("due", due, slots)
    if handed := vocab.TASKS_HANDED_OVER.search(message.text):
        whose, who = ("whose", "who") if handed.group("who") else ("whose2", "who2")
        holder = re.sub(r"(?:'s|’s|')$", "", message.typed[handed.start(whose) : handed.end(whose)])
        if holder.casefold() in ("his", "her"):  # "Maria is off next week, hand her tasks …"
            named = re.match(r"\s*([a-z][\w'-]*)\s+(?:is|will be|has|was|'s)\b", message.text)
            if named is None:
                return None
            holder = message.typed[named.start(1) : named.end(1)]
        taker = message.typed[handed.start(who) : handed.end(who)]
        if vocab.TO_THEIR_OWNERS.search(message.text, handed.start(who) - 4):
            taker = THEIR_OWNERS  # "… to whoever now owns the customer": each to its owner
        elif handed.groupdict().get("on"):
            return None  # "jordan's tasks on those two to maria": which tasks is not read
        due = handed.groupdict().get("due")
        period = _TASK_DUE.get(due, "week") if due else None  # "by friday": this week's
        if re.search(r"\boverdue\b", handed.group()):  # "give all of Jordan's overdue tasks to Sam"
            period = "overdue"
        about = next((g for g in ("quoted", "about") if handed.groupdict().get(g)), None)
        return {  # "jordan's QBR tasks", "… "intro call" tasks": those about a QBR, an intro call
            TASKS_OF: "me" if holder.casefold() == "my" else holder,
            "owner": taker,
            "period": period,
            "about": message.typed[slice(*handed.span(about))] if about else None,
        }
    if renamed := vocab.TASK_RENAMED.search(message.text):
        words = next(g for g in ("text", "text2", "text3", "text4") if renamed.group(g))
        typed = message.typed[renamed.start(words) : renamed.end(words)].strip(" \"'“”‘’.")
        if words == "text4":  # "give task 49 to maria and rename it to …": the change, renamed
            cut = renamed.start()
            before = replace(message, text=message.text[:cut], typed=message.typed[:cut])
            changed = _task_change(match, replace(before, cleaned=None))
            return {**changed, "text": typed} if changed and typed else None
        numbered = _task_ids(message.text[: renamed.start(words)])
        said = message.typed[renamed.start(words) : renamed.end(words)].strip()
        if (quoted := QUOTED_NAME.match(said)) and (
            linked := _AND_LINKED.match(said, quoted.end())
        ):
            # "rename 48 to '…' and link it to tom lefevre there": the name, and whose task
            numbered["customer"], typed = _ref(linked["who"]), quoted["name"].strip()
        if (dated := _AND_DUE.search(typed)) and (
            due := _find_date(dated["when"], message, future=True)[0]
        ):  # "rename 48 to '…' and make it due fri 11th": a new name and a new day
            numbered["due"], typed = due, typed[: dated.start()].strip(" \"'“”‘’.")
        return {**numbered, "text": typed} if numbered and typed else None
    if last := _DELETE_LAST_NUMBER.search(message.text):  # "I had task 27 for that, delete 47"
        return {"task_id": int(last.group(1)), "action": "delete"}
    named_for = _FOR_A_CUSTOMER.sub(_blank, _undated(message.text))
    slots: dict[str, Any] = _task_ids(named_for)  # "the task for #12": customer 12's, not task 12
    if not slots:
        return _task_given(message) or _task_moved(message)
    if linked := vocab.TASK_LINKED.search(message.text):  # "link task 46 to fatima moreau"
        return {**slots, "customer": _ref(message.typed[linked.start("who") : linked.end("who")])}
    if vocab.TASK_REOPENED.search(message.text):
        return {**slots, "action": "reopen"}
    if vocab.TASK_UNLINKED.search(message.text):
        return {**slots, "action": "unlink"}
    if vocab.TASK_DELETED.search(message.text) and not _ANOTHER_ONE_DELETED.search(message.text):
        return {**slots, "action": "delete"}  # (not "move task 3 …, delete the new one")
    if found := vocab.TASK_HANDED.search(message.text):
        who = "who" if found.group("who") else "who2"  # "task 6 should be jordan's now"
        slots["owner"] = message.typed[found.start(who) : found.end(who)]
    # "Sam covers tomorrow - move tasks 12 and 13 to Sam": a day said before the handover is why
    said = message.text[found.start() :] if found else message.text
    due, _, _ = _find_date(said, message, future=True)
    return _date_slot("due", due, slots) if due or "owner" in slots else None


_TASK_DUE = {
    "next week": "next_week",
    "this week": "week",
    "today": "today",
    "tomorrow": "tomorrow",
}
_ANOTHER_ONE_DELETED = re.compile(
    r"\b(?:delete|remove|bin|drop|scrap)\s+(?:the\s+)?(?:new|other|extra|second|duplicate|dupe)\s+one\b"
)
_DELETE_LAST_NUMBER = re.compile(
    r"\btasks?\b.*[,;.]\s*(?:so\s+|just\s+)?(?:delete|remove|cancel|scrap|bin|drop)\s+(?:task\s*)?"
    r"#?(\d+)\W*$"
)
_FOR_A_CUSTOMER = re.compile(r"\b(?:for|with|from|of|about|on)\s+#\d+")


def _task_given(message: Message) -> dict | None:
    """ "give the harbor sohne quote task to maria": the customer's task those words describe,
    to its new holder."""
    found = vocab.TASK_GIVEN.match(message.text)
    if found is None:
        return None
    part = next(g for g in ("task", "task2", "task3") if found[g])
    said = message.typed[slice(*found.span(part))].split()[1:-1]  # "the … task": the words
    about = [w for w in said if w.lower() in _TASK_WORDS]
    named = [w for w in said if w.lower() not in _TASK_WORDS]
    if not named:
        return None
    to = "who" if found["who"] else "who3" if found["who3"] else None
    taker = message.typed[slice(*found.span(to))] if to else "me"  # "ill take over …": mine
    slots = {"customer": " ".join(named), "owner": taker}
    return {**slots, "about": " ".join(about)} if about else slots


def _task_moved(message: Message) -> dict | None:
    """ "push the renewal quote for bjorn to monday": the customer's task the words describe."""
    found = vocab.TASK_MOVED.search(message.text)
    if found is None:
        return None
    due, rest, _ = _find_date(message.text[found.start("when") :], message, future=True)
    if due is None or rest.strip(" ,.;"):
        return None  # "move the berlin ones to sam": not a day
    who = next(g for g in ("who", "who2", "who3") if found.group(g))
    slots = {"customer": message.typed[found.start(who) : found.end(who)]}
    if what := next((g for g in ("what", "what3") if found.group(g)), None):
        about = message.typed[found.start(what) : found.end(what)]
        if about.lower() not in ("task", "reminder", "follow-up", "followup"):
            slots["about"] = about
    return _date_slot("due", due, slots)


@reads("task.list")
def _tasks(match: re.Match, message: Message) -> dict | None:
    if vocab.TASK_ASKED.search(message.text):  # "who has task 36": that task, as it stands
        return _task_ids(message.text)
    slots = {"period": _task_period(message.text), "owner": owner(message)}
    if _MOST_TASKS.search(message.text):  # "whos got the most overdue stuff": each rep's
        slots["owner"] = "team"
    if asked := vocab.TASKS_DONE_ASKED.search(message.text):  # "how many tasks did we close"
        if said := asked.group("who"):
            said = {"we": "team", "the team": "team", "i": "me"}.get(said, said)
            slots["owner"] = slots["owner"] or said
        elif re.search(r"\bwe\b", message.text):  # "how many tasks have we ticked off today"
            slots["owner"] = slots["owner"] or "team"
        return {**slots, "period": slots["period"] or "today", TASKS_DONE: True}
    if slots["period"] is None and (day := _find_date(message.text, message, future=True)[0]):
        if not day.startswith("!"):
            slots["due"] = day  # "sams tasks for monday", "whats on my plate monday"
    if slots["owner"] in (None, "me") and (of := _TASKS_ON.search(message.text)):
        # "tasks for bill lumbergh", "what tasks are open on initech": that customer's
        who = "who" if of.group("who") else "who2"
        named = _ref(message.typed[of.start(who) : of.end(who)])
        if named and not set(named.lower().split()) <= vocab.DATE_WORDS:  # "my tasks on monday"
            slots["customer"] = named
    return slots


_MOST_TASKS = re.compile(
    r"\b(?:who|which rep)(?:'s| is| are| has| have)?\s+(?:got\s+)?(?:the\s+)?(?:most|behind)\b"
)
_DUE_SAID = re.compile(
    rf"[,;]?\s*\b(?:due|deadline)\s+(?:on\s+|by\s+)?(?P<when>{vocab.DATE_PHRASE})\W*$"
)
_TASKS_ON = re.compile(
    r"\btasks?\b(?:\s+(?:are|is)\s+(?:still\s+)?open|\s+(?:do|have)\s+(?:i|we)\s+(?:got|have)"
    r"(?:\s+open)?)?\s+(?:for|on|with|about)\s+"
    rf"(?!(?:me|us|him|her|them|today|tomorrow|this|next|the team|everyone|{vocab.WEEKDAY}|"
    r"(?:the\s+)?(?:week|month|day|weekend|rest of the week))\b)"
    r"(?P<who>[^,;?!]+?)\W*$"
    # "bjorn dubois tasks?", "chloe nakamura open tasks": a customer named before the word
    r"|^(?!(?:my|our|the|all|open|overdue|team|any|what|which|where|who|how|show|list|today|"
    r"tomorrow|due)\b)"
    r"(?P<who2>[a-z][\w'.-]*(?:\s[\w'.-]+){1,3}?)\s+(?:open\s+|overdue\s+)?tasks?\W*$"
)


@reads("task.create")
def _task(match: re.Match, message: Message) -> dict | None:
    if (
        _ABOUT_WHAT_WAS_DONE.match(message.text)
        or vocab.TASK_DROPPED.match(message.text)  # "delete his chase task": one taken away
        or vocab.TASK_DONE_SAID.match(message.text)  # "follow up done": one closed
        or _ONE_DROPPED.search(message.text)  # "…, drop the duplicate one for monday"
        or vocab.TASK_CHANGED.search(message.text)
        or vocab.TASK_RENAMED.match(message.text)  # "rename 48 to '…'": a task changed
        or _task_moved(message)
    ):
        return None  # "did that set a reminder for jan?" asks, it sets none
    if match.start() > 0 and vocab.CONTACT_VERB.search(message.text[: match.start()]):
        return None  # "called jane, she wants a quote. remind me to send it friday": a follow-up
    if made := vocab.MAKE_THAT_A_TASK.match(message.text):  # what was just suggested, as a task
        due, _, _ = _find_date(message.text[made.end() :], message, future=True)
        who = made.group("who")
        assignee = message.typed[made.start("who") : made.end("who")] if who else None
        return {"due": due, "owner": assignee}
    assignee = None
    if found := vocab.TASK_FOR.match(message.text):
        group = next(name for name, said in found.groupdict().items() if said)
        assignee = message.typed[found.start(group) : found.end(group)]
        if group in ("who9", "who10"):
            assignee = "team"  # one task for each rep
        if found.end() > match.end():
            match = found
    rest = message.text[match.end() :]
    if said_due := _DUE_SAID.search(rest):  # "… the 30 nov order …, due monday": monday
        due, _, _ = _find_date(said_due["when"], message, future=True)
        rest = rest[: said_due.start()]
        typed = _typed_of(rest, message)
    else:
        due, rest, typed = _find_date(rest, message, future=True)
    if due is None:
        lead_due, _, _ = _find_date(message.text[: match.end()], message, future=True)
        due = lead_due
    if due is None and (hour := _AN_HOUR_ONLY.search(message.text)):  # "remind me at 4pm to …"
        said = _hour_of(hour)
        later = said is not None and said > (message.now.hour, message.now.minute)
        due = (message.now.date() + timedelta(days=0 if later else 1)).isoformat() if said else None
    typed = vocab.TASK_LEAD.sub("", typed.strip(), count=1)
    typed = _QUOTED_TASK.sub(r"\g<what>", typed.strip(), count=1)  # 'task add "send invoice …"'
    typed = _TASK_NAMED.sub(r"\g<what>", typed.strip(), count=1)  # "create a recovery call task"
    typed = (
        re.sub(  # "fri 9:30 to prep …", "tomorrow morning to …": the time of day is not the task
            r"^(?:(?:at\s+|@\s*)?\d{1,2}(?:[:.]\d{2}\s*(?:am|pm)?|\s*(?:am|pm))\b"
            r"|(?:at|@)\s*\d{1,2}(?=\s+to\s)|(?:in the |first thing )?"  # "at 9 to call …"
            r"(?:morning|afternoon|evening|arvo|morn|tonight)\b)\s*",
            "",
            typed.strip(),
            flags=re.I,
        )
    )
    typed = re.sub(r"^(?:to|for|:|re|about|regarding)\s+|^[:,\s\-–—]+", "", typed.strip())
    typed = vocab.TASK_TAIL.sub("", typed.strip(" ,.;")).strip(" ,.;:-–—")
    typed = re.sub(r"\s+(?:arvo|morning|mornin|morn|afternoon|evening|avo)$", "", typed, flags=re.I)
    typed = re.sub(
        r"\s+(?=[,;:])", "", _without_filler(typed)
    )  # "call bob , he's": a date was there
    if due and due < message.now.date().isoformat() and _SAID_AS_PAST.search(message.text):
        return None  # "drinks aboard with Omar Farouk yesterday, …": a contact had, not a task
    customer = None
    for found in vocab.TASK_SUBJECT.finditer(typed.lower()):
        after = _BOOKED_FOR_WHOM.sub("", typed[found.end() :])  # "service visit booked for tui bay"
        if found.group(0).startswith("send") and (sent_to := _SENT_TO.search(after)):
            after = after[sent_to.end() :]  # "send SOW to Fenwick Aerial": to whom, not what
        elif found.group(0).startswith("chase") and (owed := _OWED_BY.match(after)):
            after = after[owed.end() :]  # "chase PO from Mdm Tan": who owes it
        if (
            found.group(0).startswith(("send", "post", "quote"))
            and not (after[:1].isupper() or after[:1] == "#")
            and not _GIVEN_SOMETHING.match(after)  # "send kilima the invoice": to kilima
        ):
            continue
        if _DOCUMENT_NUMBERED.match(typed, found.start()) or _DOCUMENT_NUMBERED.match(after):
            continue  # "chase invoice #2231 from X": the invoice's number, X's further on
        customer = _TIME_AT_END.sub("", _ref(_TIME_AT_END.sub("", after)) or "") or None
        if customer and found.group(0).startswith("chase"):  # "chase bronte boardriders deposit"
            customer = _OWED_THING.sub("", customer) or customer
        if customer and customer.lower() not in vocab.NOT_CUSTOMERS:
            break
        customer = None
    if customer is None and (found := _CUSTOMER_REF.search(typed)):  # "prep the demo for #12"
        customer = found.group("ref")
    if customer is None and (found := _EVENT_WITH.search(typed)):  # "prep for the Vogel call"
        customer = _ref(found.group("who"))
    if customer is None and (found := _task_named(typed)):
        customer = _ref(typed[found.start("who") :])
    if customer is None and (theirs := _THEIR_THING.search(typed)):
        customer = theirs["who"]  # "renew Fathom's service contract": Fathom's
    if customer and customer.lower() in vocab.NOT_CUSTOMERS:
        customer = None  # "review the Q4 forecast": a quarter, not a customer
    if (
        customer
        and "#" in typed
        and (numbered := re.search(rf"{re.escape(customer)}\s*\(?#(\d+)\)?", typed, re.I))
    ):
        customer = f"{customer} #{numbered.group(1)}"  # "mia fischer #121": the #id says which
    if (headed := _WHO_THEN_WHAT.fullmatch(typed.strip())) and (
        customer is None
        or customer.casefold() in (headed["who"].casefold(), headed["what"].casefold())
        or customer.casefold() in headed["what"].casefold().split()
    ):  # "Lakeshore Dental - send SOW", "for Lindqvist: ask about …": whom, then what to do
        customer, typed = headed["who"], headed["what"]
    slots = {"text": typed or None, "customer": customer, "owner": assignee}
    if (relative := _A_DAY_BEFORE.search(typed)) and due is None:
        # "prep the deck the day before": before what, it does not say; asked, never guessed
        slots["text"], slots["invalid"] = typed[: relative.start()].strip(), {"due": relative[0]}
    elif relative and due and not due.startswith("!") and relative[0].lower() == "the day before":
        # "service visit on the 27th, remind me the day before": the 26th
        due = (date.fromisoformat(due) - timedelta(days=1)).isoformat()
        slots["text"] = _REMIND_ME_THEN.sub("", typed[: relative.start()]).strip(" ,;") or typed
    return _date_slot("due", due, slots)


def _task_named(typed: str) -> re.Match | None:
    """The capitalised name a task is for: the one after "for", "with" … before one after "the"
    ("prepare the New Year gift list for Sheikha Mariam": Sheikha Mariam)."""
    named = list(vocab.TASK_NAMED.finditer(typed))
    return next((f for f in named if not f[0].lower().startswith("the ")), None) or next(
        iter(named), None
    )


# what is chased, said after whom: "chase bronte boardriders deposit"
_OWED_THING = re.compile(
    r"\s+(?:deposit|invoice|payment|po|quote|contract|signature|paperwork|balance|sow|nda|feedback|"
    r"reply|answer|docs?|documents?)$",
    re.I,
)
# whom something goes to, said before it: "kilima the invoice", "bronte boardriders a quote"
_GIVEN_SOMETHING = re.compile(
    r"[a-z][\w'-]*(?:\s(?!(?:to|for|with|from|at|on)\b)[a-z][\w'-]*){0,2}\s+"
    r"(?:the|a|an|his|her|their)\s"
)


# a firm's name of two words or more owning what is to be done: "check Kente Kraft's payment"
# (one name alone is as often a colleague's: "do Dana's review")
_THEIR_THING = re.compile(
    rf"(?<![\w'’])(?!(?:it|that|what|there|here|he|she|let|who|today|tomorrow|{vocab.WEEKDAY}|"
    rf"{vocab.MONTH})(?:'s|’s))(?P<who>[A-Z][\w&-]*(?:\s+(?:[A-Z][\w&-]*|&|of|de)){{1,3}})"
    r"(?:'s|’s)\s+(?=[A-Za-z])(?!(?:pipeline|book|leads|accounts|customers|clients|tasks|deals|"
    r"patch|list|portfolio|team|numbers|figures|targets?|quota)\b)"
)
_REMIND_ME_THEN = re.compile(r"[\s,;]*(?:pls\s+|please\s+)?remind\s+me\s*$", re.I)


# "move task 2 to mon", "reassign task 1 to maria", "delete task 45": a task changed, not done
_SAID_AS_PAST = re.compile(rf"\b(?:yesterday|last night|ago|last {vocab.WEEKDAY})\b")
_TIME_AT_END = re.compile(r"\s+(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\W*$", re.I)
_TASK_NAMED = re.compile(
    r"^(?:create|add|set|make|new|put in)\s+(?:an?\s+)?(?P<what>(?!task\b)[\w -]+?)\s+"
    r"(?:task|reminder|to-?do)\b",
    re.I,
)
_TASK_FOR_THEM = re.compile(
    r"\btasks?\b.*\b(?:for|with|on)\s+(?:him|her|them|it)\b|\b(?:his|her|their|its)\s+tasks?\b"
)
_TASK_NUMBER = re.compile(
    r"^\s*(?:task\s*)?#\d+\s+(?:is\s+)?(?:done|completed?|finished|closed)\W*$|"
    r"^\W*(?:done|completed?|finished|closed?|tick(?:ed)?(?: off)?)\W*(?:with\s+)?(?:the\s+(?:old|other|first|"
    r"last|previous)\s+one\s+)?(?:tasks?\s*)?#\d+(?:\s*(?:,|and|&|\+)\s*#\d+)*(?:\W*$|\s*[-–—,;:(]\s*(?:sent|called|emailed|"
    r"its|it'?s|that|done|finished|superseded|duplicate)\b)"
    r"|\btasks?\s*#\d"
)
_CUSTOMER_REF = re.compile(  # (never an invoice's or an order's number: "chase invoice #2231")
    r"(?:\b(?:for|with|to|from|of|about|on)\s+|(?<=\s)|^)(?<!invoice )(?<!inv )(?<!order )"
    r"(?<!po )(?<!ticket )(?<!quote )(?<!case )(?<!ref )(?P<ref>#\d+)\b",
    re.I,
)
_ABOUT_WHAT_WAS_DONE = re.compile(r"^(?:did|has|have|was|were) (?:that|it|this|you)\b.*\?\W*$")
# a reminder headed by whom it is about: "Blue Mesa - confirm the window", "re X: send quote"
_OWED_BY = re.compile(
    r"(?:the\s+)?(?:signed\s+)?(?:po|p\.o\.|invoice|payment|deposit|quote|contract|sow|signature|"
    r"sign-?off|order|cheque|remittance|feedback|answer|reply|approval|paperwork)s?\s+(?:from|with)\s+",
    re.I,
)
_DOCUMENT_NUMBERED = re.compile(r"(?:invoice|inv|order|po|ticket|quote|case|ref)\s*#?\d", re.I)
_WHO_THEN_WHAT = re.compile(
    r"(?:task\s*:?\s*)?(?:(?:for|re|regarding|about|on)\s+)?"
    r"(?P<who>(?!(?:call|email|send|ask|check|chase|follow|remind|book|prep|prepare|confirm|invoice|"
    r"review|update|get|bring|share|collect|visit|meet|ring|text|ping|do|make|set|write|draft|the|a|an|"
    r"my|our|task|todo|to-do|each|every|all|them|those|these|him|her|it|everyone|schedule|create|"
    r"add|put|new)\b)"
    r"[A-Za-z][\w&'.]*(?:\s+[\w&'.]+){0,4})"
    r"\s*(?::|\s[-–—]\s)\s*(?P<what>\S.*)",
    re.I,
)
_ONE_DROPPED = re.compile(
    r"\b(?:drop|delete|remove|cancel|scrap|bin|kill|ditch)\s+(?:the|that|this|my)\s+"
    r"(?:[\w-]+\s+)?(?:one|task|reminder|to-?do)\b"
)
_BOOKED_FOR_WHOM = re.compile(
    r"^\s*(?:booked|scheduled|planned|arranged|set up|confirmed|pencilled in)\s+(?:for|with|at)\s+",
    re.I,
)
_EVENT_WITH = re.compile(
    r"\b(?:for|before|after|about|ahead of)\s+(?:the|my|our|tomorrow'?s|friday'?s)\s+"
    r"(?!(?:big|important|weekly|monthly|quarterly|next|first|final|internal|team|sales|board|"
    r"intro|usual|same|other|new|follow[- ]?up)\b)(?P<who>(?:[\w&'.-]+\s+){1,4}?)(?:call|meeting|demo|visit|renewal|pitch|presentation|"
    r"review|kick-?off|qbr|workshop|onboarding)\b",
    re.I,
)
_SCORE_THRESHOLD = re.compile(  # "nps 6 or lower", "who scored us under 7": no answer, no value
    r"\b(?:10|\d)\s+or\s+(?:lower|less|below|under|higher|more|above)\b"
    r"|^(?:who|which)\b.*\b(?:nps|scor|rated)"
)
_NPS_AS_TOPIC = re.compile(  # not "gave us a 9 on the nps": the answer itself
    r"(?<!\d )(?<!\d btw )(?<!\d too )\b(?:re|about|regarding|following up on|follow up on|discuss(?:ed)?|on)\s+(?:his|her|"
    r"their|the|its|our|that|a)\s+(?:low\s+|bad\s+|poor\s+)?nps\b(?!\s+(?:survey|form|question|poll))"
)


# "8/10", "4 of 10": the scale, not a score ("an NPS of 10" is the score)
_OUT_OF_TEN = r"(?<=\d)(?:/| out of | of | on )10\b"
# "follow up 2/10", "due 9/10": a date, not a score out of ten
_DAY_SLASH_TEN = re.compile(
    r"\b(?:follow(?:[- ]?up)?|f/?u|fu|due|by|on|until|till|before|after|call|ping|chase)"
    r"\s+\d{1,2}/10\b",
    re.I,
)


_ADVICE_ASKED = re.compile(
    r"\bwhat (?:should|shall|shud|shd|shoud|sould|do|can) (?:i|we) do\b|\bany (?:advice|ideas|tips)\b"
    r"|\bhow (?:should|shall|do|can) (?:i|we) (?:handle|approach|deal with|recover|win)\b"
    # "gave nps 2, what was the issue?": a question about an answer already given
    r"|[,;.-]\s*(?:what|why|how come|which|when|who)\b[^,;.]*\?\s*$"
)


_OOPS = re.compile(
    r"^\W*(?:(?:oops|whoops|sorry|my bad|correction|ugh|wait|hmm+|hm|ah|oh|actually|no)\b\W*)+",
    re.I,
)
# a score corrected: "was actually 4 not 3", "should be 8, not 6", "it's 9 not 7"
_CORRECTED = re.compile(
    r"\b(?:(?:actually|should (?:have )?be(?:en)?|meant|was|is|it'?s)\s+)+(?P<new>-?\d{1,3})"
    r"\s*,?\s*(?:and\s+)?not\s+(?:an?\s+)?-?\d{1,3}\b"
)


@reads("nps.record")
def _nps(match: re.Match, message: Message) -> dict | None:
    if _NPS_AS_TOPIC.search(message.text) or _ADVICE_ASKED.search(message.text):
        return None  # "called Lukas re his nps 6 - …": a contact about an answer already given;
        # "he gave us a 2 on nps, what should I do": advice asked about it
    if _SCORE_THRESHOLD.search(message.text):
        return None  # "who gave us nps 6 or lower": the answers asked for, no answer given
    text = re.sub(_OUT_OF_TEN, _blank, _DAY_SLASH_TEN.sub(_blank, message.text))
    typed = re.sub(_OUT_OF_TEN, _blank, _DAY_SLASH_TEN.sub(_blank, message.typed), flags=re.I)
    if fixed := _CORRECTED.search(text):  # "the Mia Khan score was actually 4 not 3": the 4
        text, typed = (part[: fixed.end("new")] + part[fixed.end() :] for part in (text, typed))
    # "→ 3. "remakes on 4 of the last 10 crowns"": a number in what they said is no score
    scores = list(_SCORE.finditer(unquoted(text))) or list(_SCORE.finditer(text))
    if not scores:
        return None
    score = scores[0] if len(scores) > 1 and vocab.NPS_SCORE_FIRST.search(text) else scores[-1]
    given = [s for s in scores if _SCORE_GIVEN.search(text[: s.start()])]
    if len(scores) > 1 and given:  # "gave us a 4 — … nobody answers after 3": the 4
        score = given[0]
    if fixed:
        score = next(s for s in scores if s.end() == fixed.end("new"))
    slots: dict[str, Any] = {}
    value = int(score.group(2)) * (-1 if score.group(1) else 1)
    if 0 <= value <= 10:
        slots["score"] = value
    else:
        slots["invalid"] = {"score": score.group(0).replace(" ", "")}
    before, after = typed[: score.start()], typed[score.end() :]
    if fixed:
        before = _OOPS.sub("", typed[: fixed.start()])  # what precedes is who, not what they said
    split = vocab.NPS_COMMENT.search(after)
    # "comment 'fast support, thank you Joy'", "→ 3. "remakes on 4 of the last 10 crowns""
    if quoted := (
        _QUOTED_COMMENT.search(after)
        or _QUOTED_FIRST.match(after)
        or (None if vocab.NPS_COMMENT.search(after) else _QUOTE.search(after))
    ):
        slots["comment"] = quoted["said"]
        after = after[: quoted.start()]
    elif split:
        said = after[split.end() :]
        wholly = _WHOLLY_QUOTED.match(said)  # "…: score 3, 'printer down for 9 days'"
        slots["comment"] = (
            None if _NO_COMMENT.fullmatch(said) else _summary(wholly["said"] if wholly else said)
        )
        after = after[: split.start()]
    elif (
        not fixed
        and (split := vocab.NPS_COMMENT.search(before))
        and vocab.NPS_WORDS.sub("", before[split.end() :]).strip()
    ):  # "X replied to the survey, gave us a 9": "gave us a" is how, not what they said
        slots["comment"] = _summary(before[split.end() :])
        before = before[: split.start()]
    before = _SCORE_SET.sub("", before)  # "and set her nps to 6": her answer
    who = _ref(" ".join(vocab.NPS_WORDS.sub(" ", f"{before} {_without_filler(after)}").split()))
    slots["customer"] = who
    return slots


_NO_COMMENT = re.compile(  # ("log it anyway": a request, not what they said)
    r"\s*(?:no comments?|none|n/?a|nothing (?:said|else)|(?:pls |please |kindly )?(?:log|record|save|"
    r"add|note|fix|change|correct|update) (?:it|that|this)(?: anyway| anyways| too| pls| please)?)\W*",
    re.I,
)
_QUOTE = re.compile(r"(?<!\w)[\"“‘'](?=[^\"”’']*\s)(?P<said>[^\"”’']+)[\"”’'](?!\w)")
_QUOTED_FIRST = re.compile(rf"[\s.,:;–—-]*{_QUOTE.pattern}")
_WHOLLY_QUOTED = re.compile(r"^\s*['\"‘“](?P<said>[^'\"’”]+)['\"’”]\W*$")
_QUOTED_COMMENT = re.compile(
    r"(?:comment|said|says|wrote)\s*:?\s*['\"‘“](?P<said>[^'\"’”]+)['\"’”]", re.I
)
_SCORE_SET = re.compile(
    r"^\s*(?:(?:and|also|so|then|pls|please)\s+)*(?:set|record|log|put|make|change|update)\s+"
    r"(?=(?:her|his|their|its|the)\b)",
    re.I,
)


# a score: a number that is no day, percentage or count of something ("came 2 hours late")
_SCORE_GIVEN = re.compile(
    r"\b(?:gave|give|giving|rated|rating|scored|score|nps|voted)(?:\s+(?:us|of|was|is|=|:))*"
    r"\s*(?:an?\s+)?$"
)
_SCORE = re.compile(
    r"(?<![\w#$€£./])(-)?(\d{1,3})(?![\w/]|[.,]\d|\s?%)(?!\s+(?:hours?|hrs?|days?|weeks?|wks?|"
    r"months?|years?|yrs?|minutes?|mins?|times|people|units|seats|pcs|items|bottles|boxes|trucks|"
    r"machines|orders|licen[cs]es|users)\b)"
    # "nps answers since 1 october": a day of a month, no score
    rf"(?!\s+(?:of\s+)?{vocab.MONTH}(?!\w))"
)


_CUSTOMERS_SAID = re.compile(r"\b(?:customers?|clients?|accounts?)\b")


@reads("report.show")
def _report(match: re.Match, message: Message) -> dict | None:
    text = message.text
    if vocab.TEAM_LIST.search(text):
        return {"metric": "customers", "group_by": "owner", "owner": "team"}
    if vocab.NOTHING_LOGGED.search(text):  # "who hasn't logged anything today": each rep's count
        return {
            "metric": "interactions",
            "group_by": "owner",
            "period": period_said(message) or "today",
        }
    if _TOP_CUSTOMERS.search(text) or vocab.STAGE_COUNTED.search(text):
        return None  # "top 5 customers by revenue", "how many leads": a list, not a figure
    if (
        vocab.HANDED_TO_ME.search(text) and not _NEW_COUNTED.match(text)
    ) or vocab.ORDERS_ASKED.search(text):
        return None  # "any new customers assigned to me today?", "last sales for #121": listed
    group_by = _first(vocab.GROUPS, text)
    named_metric = _first(vocab.METRICS, text)
    if (
        group_by is None
        and named_metric is None
        and re.search(r"\bpipeline\b", text)
        and not vocab.FORECAST_ASKED.search(text)  # "forecast for jordan's pipeline": his book's
    ):
        group_by = "stage"  # "sam's pipeline": how many at each stage
    if group_by == "owner" and re.search(r"\b(?:stages?|pipeline)\b", text):
        group_by = "stage"  # "stage counts per rep", "the pipeline by rep": each stage, by rep
    scorecard = vocab.TEAM_SCORECARD.search(text)
    if scorecard and group_by is None:
        group_by = "owner"  # "how are the reps doing": each rep's figures
    if scorecard and named_metric and not _first(vocab.METRICS, vocab.TEAM_SCORECARD.sub("", text)):
        named_metric = None  # "sales team performance": the team's figures, not just sales
    if named_metric is None and _COUNTED_CONTACTS.search(text) and _one_channel(text):
        named_metric = "interactions"  # "how many texts did I send today"
    # "report by rep" names no figure: each rep's figures side by side
    metric = named_metric or (None if group_by == "owner" else "revenue")
    if group_by in ("tag", "interest", "stage") or group_by == "segment" and not named_metric:
        metric = "customers"  # "what tags do we use?": customers per tag
    if group_by == "city" and not named_metric and _CUSTOMERS_SAID.search(text):
        metric = "customers"  # "which cities are jordans customers in", "customer count by city"
    compared = vocab.COMPARE.search(vocab.REPS_COMPARED.sub(" ", text))
    against = compared and (_AGAINST_LAST.search(text) or _LAST_AGAINST_THIS.search(text))
    said = _THE_ONE_BEFORE.sub(" ", text)  # "and compared to the month before?": no period
    if against:
        said = text[: against.start()] + text[against.end() :]  # "nps vs last quarter": this one's
    forecast = bool(vocab.FORECAST_ASKED.search(text))
    closed = bool(vocab.DEALS_CLOSED.search(text)) and group_by in (None, "owner")
    if closed:
        metric = "customers"  # won and lost: customers who moved to either stage
    average = bool(vocab.AVERAGE_ORDER.search(text))
    if average:
        metric = "revenue"  # what the sales came to, per order
    return {
        "metric": metric,
        "channel": _one_channel(text) if metric == "interactions" else None,
        "period": (forecast and _ahead(message, text))
        or period_said(message, said)
        or (against and f"this_{against['unit']}")
        or ("to_date" if vocab.BOOK_VALUE.search(text) else None),
        "group_by": group_by,
        "owner": None if scorecard else owner(message),
        "compare": "previous_period" if compared else None,  # not "compare reps this quarter"
        A_YEAR_BEFORE: True if compared and _A_YEAR_BEFORE.search(text) else None,
        "chart": True if vocab.CHART.search(text) else None,
        FORECAST: True if forecast else None,
        CLOSED: True if closed else None,
        AVERAGE: True if average else None,
    }


def _ahead(message: Message, text: str) -> str | None:
    """The window a forecast looks at, when it is not the usual one: to the end of this month,
    quarter or year ("to year end"), or a span to come ("1 jan to 31 mar 2027", "q1", "next
    quarter", "2027", "next 3 months"), as its dates."""
    today = message.now.date()
    if found := _TO_THE_END.search(text):
        return f"this_{found['unit'] or found['unit2']}"
    if found := _DAYS_AHEAD.search(text):
        start, end = (
            date_in(found[side], now=message.now, tz=message.tz, future=True)
            for side in ("start", "end")
        )
        return _window(start, end) if start and end and end > today else None
    if found := _QUARTER.search(text):  # "q1", "q1 next year": the next such quarter
        first = 3 * int(found["q"] or _ORDINALS[found["nth"]]) - 2
        year = int(found["year"] or f"20{found['short'] or '00'}")
        if not (found["year"] or found["short"]):
            year = today.year + (date(today.year, first, 1) <= _months_back(today, 3))
        start = date(year, first, 1)
        end = _months_back(start, -3) - timedelta(days=1)
        return _window(start, end) if end > today else None
    if found := _NEXT_SPAN.search(text):
        if found["n"]:  # "next 3 months": from tomorrow
            start = today + timedelta(days=1)
            return _window(start, _months_back(start, -int(found["n"])) - timedelta(days=1))
        unit = found["unit"].rstrip("s")
        months = {"month": 1, "quarter": 3, "year": 12}[unit]
        start = {
            "month": _months_back(today.replace(day=1), -1),
            "quarter": _months_back(date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), -3),
            "year": date(today.year + 1, 1, 1),
        }[unit]
        return _window(start, _months_back(start, -months) - timedelta(days=1))
    if (found := re.search(r"\b(20\d\d)\b", text)) and int(found[1]) > today.year:
        return f"{found[1]}-01-01..{found[1]}-12-31"  # "forecast for 2027"
    return None


def _window(start: date, end: date) -> str:
    return f"{start.isoformat()}..{end.isoformat()}"


_DAYS_AHEAD = re.compile(
    rf"\b(?:from\s+)?(?P<start>{vocab.DATE_PHRASE})\s+(?:to|till|until|through|thru|-|–)\s+"
    rf"(?P<end>{vocab.DATE_PHRASE})\b"
)
_TO_THE_END = re.compile(
    r"\b(?:to|till|until|til|by|through|thru|for)\s+(?:the\s+)?(?:(?P<unit>year|month|quarter)[- ]?end"
    r"|end\s+of\s+(?:the\s+)?(?P<unit2>year|month|quarter))\b"
)
_NEXT_SPAN = re.compile(
    r"(?<!the )(?<!over )\b(?:next|coming|following)\s+(?:(?P<n>\d{1,2})\s+)?"
    r"(?P<unit>months?|quarters?|years?)\b(?<!12 months)"
)


_A_YEAR_BEFORE = re.compile(
    r"\b(?:(?:the\s+)?same\s+(?:quarter|month|week|period|time|days?)\s+(?:of\s+)?last\s+year|"
    r"last\s+year(?:'s|’s)?\s+same\s+(?:quarter|month|week|period)|year[- ]on[- ]year|"
    r"year[- ]over[- ]year|yoy)\b"
)
_COUNTED_CONTACTS = re.compile(
    r"\b(?:how many|number of|count of|no\. of|#)\b"
    r"|\b(?:sms|texts?|calls?|e-?mails?|meetings?|visits?|chats?)\s+(?:count|total|tally|numbers)\b"
)


def _one_channel(text: str) -> str | None:
    """The one kind of contact a report counts; none when several are named ("number of
    calls/emails/meetings per rep": every kind)."""
    said = {channel for pattern, channel in vocab.REPORT_CHANNELS if pattern.search(text)}
    return said.pop() if len(said) == 1 else None


def per_rep_only(slots: dict[str, Any], message: Message) -> dict[str, Any]:
    """A report's slots without the team as its book when only "per rep" was said: "calls per
    rep" splits the figures by rep; "the team's calls per rep" names the team's book."""
    if slots.get("owner") != "team" or slots.get("group_by") != "owner":
        return slots
    if vocab.OWNER_TEAM.search(_PER_REP.sub(" ", message.text)):
        return slots
    return {k: v for k, v in slots.items() if k != "owner"}


_PER_REP = re.compile(r"\b(?:each|per|any) rep\b")
# the period a comparison is against, which leaves this one the period asked about
_AGAINST_LAST = re.compile(
    r"\b(?:vs\.?|versus|compared (?:to|with)|against|than|over)\s+(?:the\s+)?(?:last|previous|prior)\s+"
    r"(?P<unit>week|month|quarter|year)\b"
)
# the period before the one just asked about, said of it: "compared to the month before"
_THE_ONE_BEFORE = re.compile(
    r"\b(?:to|with|than|vs\.?|versus|against)\s+the\s+(?:week|month|quarter|year|one|period)\s+"
    r"(?:before|prior)\b"
)
# "last month vs this month": this month's, against the one before
_LAST_AGAINST_THIS = re.compile(
    r"\b(?:last|previous|prior)\s+(?P<unit>week|month|quarter|year)\s+(?:vs\.?|versus|against|"
    r"compared (?:to|with))\s+(?:this|the current)\s+(?P=unit)\b"
)
_TOP_CUSTOMERS = re.compile(
    r"^(?:(?:ok\s+)?(?:and\s+)?(?:show|list|give|get|who are|whos|who's)\s+(?:me\s+|us\s+)?)?"
    r"(?:(?:our|my|the|[a-z][\w-]*'?s)\s+)?(?:top|best|biggest|largest)\s+"
    r"(?:\d+\s+)?(?:customers|clients|accounts|buyers)\b"
)


def period_said(message: Message, text: str | None = None) -> str | None:
    """The report period a message (or `text`, a part of it) names: by the contract's names, a
    span of days ("last 45 days", "since 3 nov", "from 3 nov to 20 nov"), a quarter ("q3") or
    a run of months ("jul to sep"), or a month's."""
    text = message.text if text is None else text
    return (
        _dated_span(message)
        or _first(vocab.PERIODS, text)
        or _last_days(message)
        or _quarter_period(text, message.now.date())
        or _month_span(text, message.now.date())
        or _month_period(text, message.now)
    )


def _last_days(message: Message) -> str | None:
    """ "last 45 days", "past 2 weeks", "last 3 months": a span the contract names no period
    for, in the store's terms ("last_45_days"; weeks are days, months count back from today)."""
    if not (found := _LAST_SPAN.search(message.text)) or int(found["n"]) == 0:
        return None
    today = date_in("today", now=message.now, tz=message.tz, future=False) or message.now.date()
    n, unit = int(found["n"]), found["unit"][0]
    if unit == "m":
        return f"since_{(_months_back(today, n) + timedelta(days=1)).isoformat()}"
    return f"last_{n * (7 if unit == 'w' else 1)}_days"


def _dated_span(message: Message) -> str | None:
    """ "since 3 nov" ("since_2026-11-03"), "from 3 nov to 20 nov" ("2026-11-03..2026-11-20")."""
    when = partial(date_in, now=message.now, tz=message.tz, future=False)
    if found := _FROM_TO.search(message.text):
        start = when(found["start"])
        end = when("today") if found["end"] in ("today", "now") else when(found["end"])
        return f"{start.isoformat()}..{end.isoformat()}" if start and end else None
    if (found := _SINCE.search(message.text)) and (start := when(found["start"])):
        return f"since_{start.isoformat()}"
    return None


def _quarter_period(text: str, today: date) -> str | None:
    """ "q3", "q2 2025", "the third quarter": this or last quarter by the contract's names, else
    its span (the latest one begun, unless a year is said)."""
    if not (found := _QUARTER.search(text)):
        return None
    number = int(found["q"] or _ORDINALS[found["nth"]])
    first = 3 * number - 2
    if found["year"] or found["short"]:
        year = int(found["year"] or f"20{found['short']}")
    else:
        year = today.year - (first > today.month)
    return _months_span(date(year, first, 1), 3, today)


def _month_span(text: str, today: date) -> str | None:
    """ "jul to sep", "from july through september 2025": whole months, the latest run begun."""
    if not (found := _MONTH_TO_MONTH.search(text)):
        return None
    first, last = (MONTHS.index(found[side][:3]) + 1 for side in ("start", "end"))
    months = (last - first) % 12 + 1
    if found["year"]:
        year = int(found["year"]) - (last < first)
    else:
        year = today.year - (first > today.month)
    return _months_span(date(year, first, 1), months, today)


def _months_span(start: date, months: int, today: date) -> str | None:
    """A run of whole months as a period: "this_quarter"/"last_quarter" when it is one, else
    its dates; None when it has not begun."""
    if start > today:
        return None
    end = _months_back(start, -months) - timedelta(days=1)
    quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    if months == 3 and start == quarter_start:
        return "this_quarter"
    if months == 3 and start == _months_back(quarter_start, 3):
        return "last_quarter"
    return f"{start.isoformat()}..{end.isoformat()}"


_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
_QUARTER = re.compile(
    rf"(?<![\w-])(?:q(?P<q>[1-4])(?!-)|(?P<nth>{'|'.join(_ORDINALS)})\s+quarter)"  # (not "winback-q1")
    r"(?:\s*(?:of\s+)?(?P<year>20\d\d)|\s*'(?P<short>\d\d))?\b"
)
_MONTH_TO_MONTH = re.compile(
    rf"\b(?P<start>{vocab.MONTH})\s*(?:to|till|until|through|thru|-|–)\s*(?P<end>{vocab.MONTH})"
    r"(?:\s+(?P<year>20\d\d))?(?!\s*\d)"
)


def _months_back(day: date, months: int) -> date:
    month = day.year * 12 + day.month - 1 - months
    year, month = divmod(month, 12)
    return date(year, month + 1, min(day.day, 28))


_LAST_SPAN = re.compile(
    r"\b(?:last|past|previous|trailing)\s+(?P<n>\d{1,3})\s+(?P<unit>days?|weeks?|wks?|months?|mos?)\b"
)
_FROM_TO = re.compile(
    rf"\bfrom\s+(?P<start>{vocab.DATE_PHRASE})\s+(?:to|till|until|through|thru|-|–)\s+"
    rf"(?P<end>today|now|{vocab.DATE_PHRASE})\b"
)
_SINCE = re.compile(rf"\bsince\s+(?P<start>{vocab.DATE_PHRASE})\b")


def _month_period(text: str, now: datetime) -> str | None:
    """A month named on its own ("how did november go?", "revenue by rep in october 2026"): this
    month, the one before it, or that month ("2026-10"; the latest one gone by, unless a year is
    said)."""
    found = re.search(rf"\b(?P<month>{vocab.MONTH})(?:\s+(?P<year>20\d\d))?(?!\s*\d)(?:\W|$)", text)
    if not found or found.group("month") == "may" and not re.search(r"\b(?:in|for) may\b", text):
        return None  # "may I see …" names no month
    month = MONTHS.index(found.group("month")[:3]) + 1
    year = int(found.group("year") or (now.year if month <= now.month else now.year - 1))
    if (year, month) == (now.year, now.month):
        return "this_month"
    if (year, month) > (now.year, now.month):
        return None  # a month to come has no figures yet
    if year * 12 + month == now.year * 12 + now.month - 1:
        return "last_month"
    return f"{year}-{month:02d}"


# a purchase told of inside a sentence about it: "the pump they bought from us in 2024 …"
_PAPERWORK_AFTER = re.compile(
    r"[.;!]\s+(?:(?:pls|please|i'?ll|will|to|need to|must)\s+)?(?:send|email|raise|issue|do|prepare)\s+"
    r"(?:the\s+|an?\s+|her\s+|him\s+|them\s+)?(?:invoice|receipt|contract|paperwork|order confirmation)\b.*$"
)
# a message that starts by telling of a contact: a sale in it is said or comes with its sum
_CONTACT_LED = re.compile(
    r"^\W*(?:log\W+)?(?:(?:a|the|my)\s+)?(?:(?:phone|video|zoom|teams)\s+)?(?:call|calls|visit|visited|"
    r"meeting|mtg|called|rang|met|zoom|chat|chatted|spoke)\b"
)
_BOUGHT_SAID = re.compile(
    r"\b(?:bought|buys|ordered|orders|purchased|signed|sold|renewed|paid|took)\b"
)
_BOUGHT_BEFORE = re.compile(
    r"\b(?:the|that|those|their)\s+(?:[\w-]+\s+){1,3}?(?:they|she|he)\s+(?:bought|ordered|purchased)\b"
)


@reads("purchase.log")
def _purchase(match: re.Match, message: Message) -> dict | None:
    if (second := _another_item(message.text)) is not None:
        first = replace(
            message, text=message.text[: second.start()], typed=message.typed[: second.start()]
        )
        if slots := read("purchase.log", first):
            item = message.typed[second.start("item") : second.end("item")]
            return {**slots, ANOTHER_PRODUCT: item.strip()}
    # a customer's #id is never a count or a sum: its digits are hidden from the number readers
    text = _AN_ID.sub(lambda found: "#" + "n" * (len(found.group()) - 1), message.text)
    typed = message.typed
    # "36 million đồng" is 36m; a sum below nothing ("AED -4,500") is refused, never read as 500
    text, typed = _MILLIONS.sub(r"\g<n>m", text), _MILLIONS.sub(r"\g<n>m", typed)
    if below := _BELOW_NOTHING.search(text):
        said = typed[below.start("sum") : below.end()]
        text, typed = _erased(text, below.span("sum")), _erased(typed, below.span("sum"))
        slots = _purchase(match, replace(message, text=text, typed=typed))
        return (
            None
            if slots is None
            else {
                **{k: v for k, v in slots.items() if k != "amount"},
                "invalid": {**(slots.get("invalid") or {}), "amount": said},
            }
        )
    if paperwork := _PAPERWORK_AFTER.search(text):  # "…, sold at 900 each, eur. send invoice"
        text, typed = text[: paperwork.start()], typed[: paperwork.start()]
    if _OFFERED.search(text) and not _SOLD.search(text):
        return None  # "sent the renewal quote, 25 seats crm enterprise": offered, not bought
    if _SALE_TO_COME.search(text) and not _SOLD.search(text):
        return None  # "meeting today, they're ready to sign, 20 seats …": not bought yet
    if vocab.BOUGHT_ASKED.match(text):
        return None  # "has she bought anything else?": a question about what was bought
    if _MONEY_OWED.search(text):
        return None  # "he already paid the wrong amt, needs a 340 eur refund": no sale
    if _BOUGHT_BEFORE.search(text):
        return None  # "the pump they bought from us in 2024 has been running dry": told of, old
    if (
        _CONTACT_LED.match(text)
        and not _BOUGHT_SAID.search(text)
        and not any(p.search(text) for p in vocab.MONEY)
    ):
        return None  # "phone call with X, …, install date confirmed for 12 jan": the call alone
    sold_on = None
    for ago in _TIME_AGO.finditer(text):  # "he ordered 2 days ago": when, not how many
        sold_on = sold_on or date_in(ago.group(), now=message.now, tz=message.tz, future=False)
        text, typed = _erased(text, ago.span()), _erased(typed, ago.span())
    found = _SOLD_ON.search(text)  # "bought 2x analytics pro yesterday": that day's sale
    clause = text[: found.start()].rsplit(",", 1)[-1] if found else ""
    if found and not _STILL_TO_COME.search(clause) and not _FOR_LATER.search(clause):
        # "… they go live on monday", "… payment by friday": a day ahead, not the sale's
        said = found.group("when")
        day = date_in(said, now=message.now, tz=message.tz, future=False)
        if day is not None or impossible(said):
            sold_on = day or "!" + typed[found.start("when") : found.end("when")]
            text, typed = _erased(text, found.span()), _erased(typed, found.span())
            if sold_on == message.now.date():
                sold_on = None  # "sold this morning": today, as every sale told without a day
    unit = total = None
    if found := vocab.SALE_TOTAL.search(text) or (
        _EACH_SAID.search(text) and vocab.SALE_TOTAL_AFTER.search(text)
    ):  # "200 boxes @ S$4.20 — S$840 total": the total, beside the price each
        total = amount(found.group("money"))
        text = text[: found.start()] + " " + text[found.end() :]
        typed = typed[: found.start()] + " " + typed[found.end() :]
    if (found := vocab.UNIT_PRICE.search(text)) or (
        (at := _AT_A_PRICE.search(text)) and _MANY_OF.search(text) and not _WHOLE.search(text)
    ):  # "5 x new tier at $400": $400 each
        unit = amount((found or at).group("money"))
        if unit and unit[1] is None and found and found["code"]:
            unit = (unit[0], amount(f"1 {found['code']}")[1])  # "at 900 each, eur": in euros
        start, end = (found or at).span()
        text, typed = text[:start] + " " + text[end:], typed[:start] + " " + typed[end:]
    slots = _sale(text, typed)
    if slots is not None and unit is not None:
        price, currency = unit
        slots["amount"] = plain_number(Decimal(str(price)) * (slots.get("quantity") or 1))
        slots["currency"] = currency or slots.get("currency")
        if not found and price >= EACH_OR_IN_ALL and (slots.get("quantity") or 1) > 1:
            # "250 licences at $212,500": most mean the whole sale; each is asked about
            slots["amount"] = slots[EACH] = price
    if slots is not None and total is not None:
        slots["amount"], slots["currency"] = total[0], total[1] or slots.get("currency")
    if slots is not None and (local := _LOCAL_CURRENCY.get(slots.get("currency"))):
        said, of_zone = local  # "pesos" in Santiago, "dirhams" in Casablanca
        if said.search(message.text):
            slots["currency"] = next(
                (c for z, c in of_zone.items() if message.tz.startswith(z)), slots["currency"]
            )
    if slots is not None and _BOOKED_MEETING.match(str(slots.get("product", ""))):
        return None  # "booked QBR for dec 10": a meeting set up, not a sale
    if slots is not None and sold_on is not None:
        _date_slot(
            "occurred_on", sold_on if isinstance(sold_on, str) else sold_on.isoformat(), slots
        )
    return slots


_AN_ID = re.compile(r"#\d+\b")
_MILLIONS = re.compile(r"(?P<n>\d+(?:[.,]\d+)?)\s*(?:million|mil|mn)\b", re.I)
_BELOW_NOTHING = re.compile(  # a sum, not a count: "-5 pumps" is an impossible quantity
    r"(?<![\w-])(?P<sum>-(?:[$€£]\s?)?\d[\d,.]*(?:\s?[km]\b)?)(?![\d,.]*\s?%)"
    rf"(?=\s*(?:$|[,;!?)]|\.(?:\s|$)|[$€£]|(?:{vocab.CURRENCY_CODE})\b))"
)


# a currency's name shared by several countries: the sender's country's, said by name (the code
# first is where no other is spent: pesos in Mexico, dirhams in the Emirates, rupees in India)
_LOCAL_CURRENCY = {
    "MXN": (
        re.compile(r"\bpesos?\b"),
        {
            "Asia/Manila": "PHP",
            "America/Argentina": "ARS",  # and each of its towns: "America/Argentina/Cordoba"
            "America/Buenos_Aires": "ARS",
            "America/Santiago": "CLP",
            "America/Bogota": "COP",
            "America/Montevideo": "UYU",
            "America/Santo_Domingo": "DOP",
        },
    ),
    "AED": (re.compile(r"\bdirhams?\b"), {"Africa/Casablanca": "MAD"}),
    "INR": (
        re.compile(r"\b(?:rupees?|rs)\b"),
        {"Asia/Karachi": "PKR", "Asia/Colombo": "LKR", "Asia/Kathmandu": "NPR"},
    ),
}
_STILL_TO_COME = re.compile(  # what is still to happen, not what happened ("renewed on wed")
    r"\b(?:go(?:es|ing)? live|start(?:s|ing)?|deliver(?:s|y|ing)?|install(?:s|ing|ation)?|"
    r"kick(?:s|ing)? off|ship(?:s|ping)?|renew(?:s|al|ing)?|expir(?:es|y|ing)|will|going to|gonna|"
    r"due|follow up|demo)\b|'ll\b"
)
_FOR_LATER = re.compile(r"\b(?:next|until|till|by|before|from|starting|call|meet|meeting)\s*$")
# the day a sale was made, when it was not today: "yesterday", "on sunday 6 dec", "last fri"
# (dotted numbers are left alone: "12.5 each" is a price)
_SOLD_ON = re.compile(
    rf"(?:^|\s)(?<!same as )(?<!like )(?<!than )(?<!since )(?<!for )(?<!until )(?<!by )"
    rf"(?:on\s+)?(?P<when>\d{{4}}-\d{{2}}-\d{{2}}|yesterday|this morning|this afternoon|"
    rf"last night|(?:last\s+)?(?<!next ){vocab.WEEKDAY}(?:\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)"
    rf"(?:\s+(?:of\s+)?{vocab.MONTH})?|,?\s+\d{{1,2}}\s+(?:of\s+)?{vocab.MONTH})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{vocab.MONTH}|"
    rf"{vocab.MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)(?=[,;:?!]|\.(?:\s|$)|\s|$)"
)


_EACH_SAID = re.compile(r"@|\b(?:each|ea|per|apiece)\b")
# a price "at" which several were sold, with no total said: a price each
_AT_A_PRICE = re.compile(r"\s+(?:at|@)\s*(?P<money>[$€£]?\s?\d[\d,.]*\s?k?)(?=\W*$|\s*[,;.](?!\d))")
_MANY_OF = re.compile(r"\b(?:[2-9]|\d{2,})\s*(?:x\b|×|seats\b|licen[cs]es\b|units\b|users\b)")
_WHOLE = re.compile(r"\b(?:for\s+[$€£]?\s?\d|total|totaling|totalling|worth|in all|altogether)")
_BOOKED_MEETING = re.compile(
    r"(?:an?\s+|the\s+|our\s+)?(?:qbr|meeting|demo|call|visit|review|catch-?up|check-?in|"
    r"appointment|session|slot|presentation|lunch|dinner|coffee|for\s+(?:mon|tue|wed|thu|fri|sat|"
    r"sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next|tomorrow|\d))\b",
    re.I,
)


_TIME_AGO = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six)\s+(?:days?|weeks?|wks?|months?|years?|yrs?|hours?|"
    r"hrs?)\s+(?:ago|back)\b"
)


_WHO_THEN_COUNT = re.compile(  # (or where the count was cut out: a gap of spaces)
    rf"(?P<who>[^\W\d][^\d,;:]{{1,60}}?)(?:\s+(?=\d[\d,.]*\s*(?:x|{vocab.MEASURE})?\s+[^\W\d])|"
    r"\s{2,}(?=\S))",
    re.I,
)
_PAID_FOR = re.compile(
    r"\bpaid\s+[^,;]*?\d[^,;]*?(?P<for>\s+for\s+)(?:the\s+|an?\s+)?(?!(?:it|that|this|them|everything)\b)(?P<p>[^\W\d][\w&+-]*(?:\s[\w&+-]+){0,3}?)"
    r"(?=\s+(?:of|for|on)\s+(?:her|his|their|its)\s|\W*$)"
)
_PAID_NOT_BOUGHT = re.compile(
    r"(?:a |the |an )?(?:deposit|invoice|balance|bill|upfront|in full|in advance|cash|by card)\b",
    re.I,
)
_AFTER_ALL = re.compile(r"\s+(?:in the end|after all|at last|eventually|finally)\b", re.I)


_IN_ALL = re.compile(r"\s*(?:in\s+total|total|all\s+in|altogether|in\s+all)\b", re.I)


_A_DURATION = re.compile(
    r"^(?:about\s+|almost\s+|over\s+|nearly\s+)?\d+\s+(?:weeks?|days?|months?|hours?|years?|mins?|"
    r"minutes?)\b(?!\s+of\b)",  # ("20 hours of Business English" is what was bought)
    re.I,
)


def _sale(text: str, typed: str) -> dict | None:
    slots: dict[str, Any] = {}
    if wanted := _WANTED_BOOKED.match(text):  # "X wants 3 more Y licences, booked it": X bought
        who, what = (slice(*wanted.span(g)) for g in ("who", "what"))
        paid = slice(*wanted.span("paid")) if wanted["paid"] else slice(0, 0)
        text, typed = (f"{part[who]} bought {part[what]} {part[paid]}" for part in (text, typed))
    if negative := vocab.NEGATIVE_QUANTITY.search(text):
        said = next(q for q in ("q", "q2", "q3", "q4", "q5", "q6") if negative.group(q))
        slots["invalid"] = {"quantity": negative.group(said)}
        # of "sold -3 poly hives to X", only the number, so it stays a sale; "qty: -4" goes whole
        start, end = negative.span(said if said in ("q", "q3", "q6") else 0)
        text, typed = text[:start] + " " + text[end:], typed[:start] + " " + typed[end:]
    if negative := vocab.NEGATIVE_MONEY.search(text):
        said = "money" if negative.group("money") else "money2"
        slots.setdefault("invalid", {})["amount"] = typed[
            negative.start(said) : negative.end(said)
        ].strip()
        text = text[: negative.start()] + " " + text[negative.end() :]
        typed = typed[: negative.start()] + " " + typed[negative.end() :]
    if off := vocab.DISCOUNT.search(text):
        slots[DISCOUNT] = float(off.group("pct") or off.group("pct2"))
        text = text[: off.start()] + " " + text[off.end() :]
        typed = typed[: off.start()] + " " + typed[off.end() :]
    if times := vocab.TIMES.search(text):
        slots["quantity"] = int(times.group("q") or times.group("q2") or times.group("q3"))
        end = times.end()
        if times.group("q2") and (what := _NAMED_AFTER_COUNT.match(typed, end)):
            slots["product"], end = what.group("p"), what.end()  # "…, 20x CRM Starter at 285 each"
            if second := _SECOND_ITEM.match(text, end):  # "10x crm enterprise + 1 onboarding …"
                slots[ANOTHER_PRODUCT] = typed[slice(*second.span("item"))].strip()
                end = second.end()
        text = text[: times.start()] + " " + text[end:]
        typed = typed[: times.start()] + " " + typed[end:]
    if paid := _PAID_FOR.search(text):  # "paid 4 200 zł for organ tuning": what it paid for
        slots["product"] = typed[slice(*paid.span("p"))]
        text, typed = (part[: paid.start("for")] + part[paid.end() :] for part in (text, typed))
    money = next((m for m in (p.search(text) for p in vocab.MONEY) if m), None)
    if money is None:
        money = _GROUPED_NUMBER.search(text)  # "3 training workshops 1,500": the price said bare
    if money:
        value = amount(money.group("money"))
        if value:
            slots["amount"], slots["currency"] = value
        end = money.end()
        if in_all := _IN_ALL.match(text, end):  # "… 2700 total": the sum, never the customer's
            end = in_all.end()
        text = text[: money.start()] + " " + text[end:]
        typed = typed[: money.start()] + " " + typed[end:]
    for form in vocab.PURCHASE_FORMS:
        found = form.search(text)
        if not found:
            continue
        parts = found.groupdict()
        if parts.get("who"):
            s, e = found.span("who")
            who = _ref(typed[s:e])
            what = typed[found.start("what") : found.end("what")] if parts.get("what") else ""
        else:
            s, e = found.span("both")
            if pronoun := re.match(r"(him|her|them)\s+(?=\S)", typed[s:e], re.I):
                who, what = pronoun.group(1), typed[s + pronoun.end() : e]  # "sold her 5 seats"
            elif counted := _WHO_THEN_COUNT.match(typed[s:e]):
                # "sold acme 20 seats CRM Pro", "sold Ponsonby Bakehouse 2000 paper bags": who,
                # then how many of what, however the name is cased
                who, what = _ref(counted["who"]), typed[s + counted.end() : e]
            else:
                who, what = take_ref(typed[s:e])
        slots["customer"] = who
        what = _FOR_A_YEAR.sub("", what)  # "renewed for 2027: 12 crm pro": what, for when
        what = _RENEWED_FOR.sub("", what)  # "renewed for another year": no product
        what = _AFTER_ALL.sub("", what).strip(" ,.:;")  # "bought 50 pendants in the end"
        if _PAID_NOT_BOUGHT.match(what) or _A_DURATION.match(what):
            what = ""  # "… they paid a deposit already", "delivery took 3 weeks": no product
        if seats := vocab.SEATS.search(what):
            slots["quantity"] = _number(seats.group("q").lower())
            # "5 more crm pro seats": the product said between the number and the seats stays
            what = f"{what[: seats.start()]} {seats['between']}{what[seats.end() :]}".strip(" ,.:;")
        if second := _SECOND_ITEM.search(what):  # "… and 1 onboarding package"
            slots[ANOTHER_PRODUCT], what = (
                what[second.start("item") :].strip(),
                what[: second.start()],
            )
        what = vocab.PRODUCT_END.split(what, maxsplit=1)[0].strip(" ,.:;")
        product = vocab.PRODUCT.match(what)
        if product:
            slots["quantity"] = _number((product.group("q") or "").lower()) or slots.get("quantity")
            name = product.group("p").strip(" ,.:;")
            name = re.sub(  # "paid 1.450 € for the varnish retouching of her viola"
                r"^(?:for\s+)?(?:(?:the|a|an|of|more|extra|additional|new|another)\s+)?|"
                r"\s+(?:of|for|on)\s+(?:her|his|their|its)\s.*$",
                "",
                name,
                flags=re.I,
            )
            slots["product"] = None if vocab.NOT_PRODUCT.match(name) else name or None
        return slots
    return _sale_said_loosely(text, typed, slots)


_WANTED_BOOKED = re.compile(
    r"^(?P<who>.+?)\s+(?:wants|needs|would like|asked for|is taking|takes)\s+(?P<what>.+?)\s*"
    r"[,;.-]?\s*(?:and\s+)?(?:booked|ordered|done|confirmed|signed|processed|sold)(?:\s+(?:it|that|them))?"
    r"(?:\s+(?:in|through|already|now|just now|today|this morning|this afternoon))*"
    r"(?:\s*,?\s*(?:for\s+)?(?P<paid>[$€£]?\s?\d[\d,.]*\s?[km]?\s*(?:usd|eur|gbp|dollars|euros|pounds)?))?"
    r"\W*$"
)


_LOOK_LIKE = re.compile(r"(?:look|looks|looking)(?: like)?(?: (?:now|so far))?", re.I)


def _sale_said_loosely(text: str, typed: str, slots: dict[str, Any]) -> dict[str, Any] | None:
    """'Acme signed! 12 seats, 3.6k', 'closed Globex for 5k', 'won the Stark deal, £12k'."""
    if (second := _SECOND_ITEM.search(text)) and vocab.COUNTED.search(text[: second.start()]):
        # "bill lumbergh: 10 analytics pro + 1 onboarding package": two products, each its own
        slots[ANOTHER_PRODUCT] = typed[second.start("item") : second.end("item")].strip()
        text, typed = (part[: second.start()] + part[second.end() :] for part in (text, typed))
    if sized := _COUNT_OF_SIZED.search(text):  # "two 400 kg bells": two of them, not 400
        slots["quantity"] = _number(sized["n"].lower())
        slots["product"] = typed[slice(*sized.span("what"))]
        text, typed = (part[: sized.start()] + " " + part[sized.end() :] for part in (text, typed))
    elif found := vocab.SEATS.search(text):
        slots["quantity"] = _number(found.group("q"))
        if found.group(0).endswith(" of") and (
            product := vocab.PRODUCT_NAME.match(typed[found.end() :])
        ):
            slots["product"] = product.group("p")
            text, typed = (
                text[: found.start()] + " " + text[found.end() + product.end() :],
                typed[: found.start()] + " " + typed[found.end() + product.end() :],
            )
        else:
            after = typed[found.end() :]
            named = re.match(
                r"\s+([A-Z][\w&+-]*(?:\s[A-Z][\w&+-]*){0,2})(?=\s*(?:[,;:]|$|\s[-–—]))", after
            ) or re.match(  # "just signed!! 10 seats crm prp 4500": what, then the sum
                r"\s+((?!(?:for|to|from|with|at|of|and|total|in|on|each|today|yesterday|this|last|"
                r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)[a-z][\w&+-]*"
                r"(?:\s(?!(?:for|at|total|each)\b)[a-z][\w&+-]*){0,2}?)(?=\s*$|\s{2,}|\s*[,;]|"
                r"\s+(?:for\s+|at\s+|@\s*)?[$€£]?\d)",
                after,
            )
            if named:
                slots["product"] = named.group(1)
            cut = found.end() + (named.end() if named else 0)
            text, typed = (
                text[: found.start()] + " " + text[cut:],
                typed[: found.start()] + " " + typed[cut:],
            )
    elif (
        (found := vocab.COUNTED.search(text))
        and not (
            _A_LENGTH.match(found.group())  # "signed!!! 8m yurt": how long, never how many
            or _A_SIZE.match(found.group())
            and re.search(r"\b(?:the|an?)\s+$", text[: found.start()])
        )
    ):
        slots["quantity"] = int(found.group("q"))
        slots["product"] = re.sub(
            r"^(?:more|extra|additional|new|another)\s+",
            "",
            typed[found.start("p") : found.end("p")],
        )
        text, typed = (
            text[: found.start()] + " " + text[found.end() :],
            typed[: found.start()] + " " + typed[found.end() :],
        )
    if "product" not in slots and (found := vocab.PRODUCT_FOR.search(text)):
        name = typed[found.start("p") : found.end("p")]
        if not vocab.NOT_PRODUCT.match(found.group(0).strip()):
            slots["product"] = name
            text, typed = (
                text[: found.start()] + text[found.end() :],
                typed[: found.start()] + typed[found.end() :],
            )
    if "product" not in slots and (signed := _SIGNED_FOR.match(typed)):
        # "TBL signed grp med, 85 pax, SGD 42.5k": who signed, then what
        slots["product"] = signed.group("what")
        typed = signed.group("who")
    typed = vocab.SALE_WORDS.sub(" ", typed)
    who = _ref(" ".join(typed.split()))
    if not who or who.lower() in vocab.NOT_CUSTOMERS:
        return None
    slots["customer"] = who
    return slots


# a size said before a product's name, not how many: "the 8m dome package", "a 40ft container"
# (without "the" or "a" it is how much: "200m mooring line")
# how many of a product named by its size: "two 400 kg bells", "3 20ft containers"
_COUNT_OF_SIZED = re.compile(
    rf"\b(?P<n>\d{{1,3}}|{'|'.join(w for w, n in vocab.NUMBERS.items() if n > 1)})\s+"
    r"(?P<what>\d[\d.,]*\s?(?:m|ft|cm|mm|in|kw|kva|hp|l|kg|t|lb|lbs|oz|ml|g)\s+[a-z][\w&-]*"
    r"(?:\s(?!for|at|to|from|with|total|and|in|on)[a-z][\w&-]*){0,2})",
    re.I,
)
_A_SIZE = re.compile(r"\d+(?:m|ft|cm|mm|in|kw|kva|hp|l|kg|t)\b", re.I)
# a product's size, not how much of it: "8m yurt" (never "200m mooring line", sold by the metre)
_A_LENGTH = re.compile(r"1?\d(?:m|ft|cm|mm)\b", re.I)
# the product said right after a count: "20x CRM Starter at 285 each"
_NAMED_AFTER_COUNT = re.compile(
    r"\s+(?P<p>[A-Za-z][\w&+-]*(?:\s+(?!(?:at|for|to|from|with|total|each|and|plus)\b)(?!\+(?:\s|$))"
    rf"(?!(?i:{vocab.CURRENCY_CODE})\b)[\w&+-]+){{0,3}})"  # "12x truss 3m AED 9,600": no "AED"
    r"(?=\s*(?:[,;:]|$|\s(?:at|for|@|total|each|and|plus)\b|\s\+\s|\s+[$€£\d]|\s+[A-Za-z]{3}\s?\d))"
)
_SIGNED_FOR = re.compile(
    r"^\s*(?P<who>[^,;:!]+?)\s+(?:signed|renewed|took|bought)\s+(?:up\s+)?(?:for\s+)?(?:the\s+|an?\s+)?"
    r"(?P<what>(?![\d$€£])(?!(?:the|a|an|it|up|on|again|today|yesterday|contract|deal|quote|quotation|"
    r"proposal|offer|order|po|renewal)\b)"
    r"[\w&+-]+(?:\s+[\w&+-]+){0,2})\s*(?=[,;!]|\s*$)"
)


# "change the contact name to …" (said after "X:"): "change the contact name of X to …"
_FIELD_SAID_FIRST = re.compile(
    r"^\w+\s+(?:the|their|his|her|its)\s+(?:contact\s+)?[\w-]+(?:\s+(?:number|address))?\s+(?=to\b)",
    re.I,
)


def _told_of(told: re.Match, message: Message) -> dict | None:
    """A change said after the customer and a colon, read as the sentences that say it whole."""
    who, change = (message.typed[slice(*told.span(g))] for g in ("who", "change"))
    of_them = _FIELD_SAID_FIRST.sub(lambda said: f"{said.group()}of {who} ", change, count=1)
    for said in (f"{who} {change}", f"{change} {who}", f"{change} to {who}", of_them):
        slots = read("customer.update", prepare(said, now=message.now, tz=message.tz))
        if slots and slots.get("field") and slots.get("value") and slots.get("customer") == who:
            return slots
    return None


@reads("customer.update")
def _update(match: re.Match, message: Message) -> dict | None:
    if _WHOSE_DETAIL.match(message.typed):
        return None  # "whose phone is +44 …": asked who has it, nothing changed
    if (wrong := _field_said_wrong(message)) is not None:
        return wrong  # "the name on 208 is wrong, should be just Lena Hoffmann"
    if (said := _field_told(message)) is not None:
        return said  # "put amburana as interest for X", "upd jonas tan title → fleet mgr"
    if ALL_OF_THEM.search(message.text):
        return None  # "close all of callum's bristol leads … - mark them lost": many customers
    slots = _updated(match, message)
    if slots and slots.get("field") == "tag" and "@" in str(slots.get("value", "")):
        # "tag #201 trade-show pls and set her email to priya.d.jr@gmail.com": no tag is an address
        slots["field"] = "email"
    return _value_as_said(slots, message) if slots else slots


def _field_said_wrong(message: Message) -> dict[str, Any] | None:
    """ "the name on 208 is wrong, should be just Lena Hoffmann": whose field, and what it should
    be."""
    found = _FIELD_SAID_WRONG.match(message.typed)
    if found is None:
        return None
    said = (found["field"] or found["field2"]).lower()
    field = vocab.FIELDS.get(said, said)
    who = (found["who"] or found["who2"]).strip()
    return {"customer": f"#{who}" if who.isdigit() else who, "field": field,
            "value": found["value"].strip(" .!\"'“”")}  # fmt: skip


def _field_told(message: Message) -> dict[str, Any] | None:
    """A field told in one of the short forms the general reader misses: the value first ("put
    amburana as interest for X", "Falcon Pro Tracker interest for X"), an arrow after the field
    ("upd jonas tan title → fleet mgr"), a stage made ("make X a customer, they signed")."""
    found = next((f for form in _FIELD_FORMS if (f := form.match(message.typed))), None)
    if found is None:
        return None
    parts = found.groupdict()
    if parts.get("stage"):
        return {
            "customer": found["who"].strip(),
            "field": "stage",
            "value": _stage_of(parts["stage"].lower()),
        }
    who, said, value = (next(parts[g] for g in group if parts.get(g)) for group in _TOLD)
    field = "company" if said.lower() == "co" else vocab.FIELDS.get(said.lower(), said.lower())
    return {"customer": who.strip(), "field": field, "value": value.strip(" .")}


_TOLD = (("who", "who2"), ("field", "field2"), ("value", "value2"))
_FIELD_FORMS = (
    re.compile(
        r"^(?:put|add|set|make|mark|save)\s+(?P<value>.+?)\s+as\s+(?:(?:the|an?|their|her|his)\s+)?"
        r"(?P<field>interest|title|city|company)\s+(?:for|of|on)\s+(?P<who>[^,;]+?)\W*$",
        re.I,
    ),
    re.compile(
        r"^(?!(?:set|update|change|add|put|make|the|her|his|their|new|an?)\b)(?P<value>[^,;:]{2,40}?)\s+"
        r"(?P<field>interest)\s+(?:for|of)\s+(?P<who>(?:(?!\s(?:to|is|=)\s)[^,;])+?)\W*$",
        re.I,
    ),
    re.compile(
        r"^(?:upd\w*|update|set|change|chg)\s+(?P<who>[^,;:]+?)(?:'s|’s)?\s+(?P<field>title|city|phone|"
        r"e-?mail|company|interest)\s*(?:→|->|=>|=)\s*(?P<value>\S.*?)\W*$"
        # "chg Jolene's co to Prairie Wind Equestrian": her company
        r"|^(?:upd\w*|update|set|change|chg)\s+(?P<who2>[^,;:]+?)(?:'s|’s)\s+(?P<field2>co)\s+to\s+"
        r"(?P<value2>[^,;]+?)\W*$",
        re.I,
    ),
    re.compile(
        r"^(?:make|mark)\s+(?P<who>(?!(?:it|that|this|a|an|the|them|him|her)\b)[^,;:]+?)\s+(?:as\s+)?"
        r"(?:an?\s+)?(?P<stage>customer|lead|prospect|qualified|lost)\b(?:\s*[,;.!-].*)?$",
        re.I,
    ),
)
_FIELD_SAID_WRONG = re.compile(
    r"^\W*(?:(?:ugh|oops|sorry|hmm+|ah|oh|wait)\W+)*(?:the\s+)?"
    r"(?:(?P<field>name|company|e-?mail|phone|number|city|title)\s+(?:on|of|for)\s+#?(?P<who>[^,;]+?)"
    # "I typed Achieng Otieno's phone wrong, it should be …"
    r"|i\s+(?:typed|put|entered|wrote|got)\s+(?P<who2>[^,;]+?)(?:'s|’s)\s+"
    r"(?P<field2>name|company|e-?mail|phone|number|city|title)\s+wrong\b[\s,;.-]*)\s+"
    r"(?:is\s+(?:wrong|incorrect|misspelt|misspelled|a typo)\s*[,;.-]*\s*)?"
    r"(?:it\s+)?should\s+(?:be|read|say)\s*:?\s+(?:just\s+)?(?P<value>\S.*?)\W*$",
    re.I,
)


def _value_as_said(slots: dict[str, Any], message: Message) -> dict[str, Any]:
    """The new value the message holds, where the words read as one are none: "stage to be
    changed as qualified" is qualified, "the phone of Lupita is wrong, the good one is 33 1234
    5678" that number; "reassign X from Darren to Sione" is X's, not "X from Darren"'s."""
    field, value = slots.get("field"), str(slots.get("value") or "")
    if str(slots.get("customer", "")).lower() in vocab.FIELDS:
        del slots["customer"]  # "no, city is just augsburg": the one just talked about's city
    if field in _PLAIN_FIELDS and (plain := _VALUE_PUT_RIGHT.fullmatch(value)):
        slots["value"] = value = plain["value"] or plain["value2"]  # "actually x not y": x
    if field == "stage" and value not in vocab.STAGES.values():
        said = [w for w in re.findall(r"[a-z]+", value.lower()) if w in vocab.STAGES]
        if said:
            slots["value"] = vocab.STAGES[said[-1]]
    elif (
        field == "phone"
        and not re.search(r"\d", value)
        and (numbers := _A_PHONE.findall(message.typed))
    ):
        slots["value"] = numbers[-1].strip()
    elif field == "email" and "@" not in value and (address := _AN_ADDRESS.search(message.typed)):
        slots["value"] = address.group()
    elif field == "city" and (based := _BASED_NOW.match(value)):
        slots["value"] = value[based.end() :]  # "is actually based in Stockholm": Stockholm
    if field == "owner" and "," in value:
        slots["value"] = value.split(",")[0].strip()  # "to Madina, Baurzhan prefers Kazakh": Madina
    if field == "owner" and (giver := _FROM_OWNER.search(str(slots.get("customer") or ""))):
        slots["customer"] = slots["customer"][: giver.start()]
    if field == "owner" and (new := _NEW_OWNER_SAID.fullmatch(value)):
        slots["value"] = (
            new["who"] or new["who2"]
        )  # "… is now with Rosa", "… to Jules from tomorrow": Rosa, Jules
    if (verb := _UPDATE_VERB.match(str(slots.get("customer") or ""))) and _UPDATE_VERB.match(
        message.text
    ):  # "update golden st taqueria stage won": the customer after the verb
        slots["customer"] = slots["customer"][verb.end() :]
    return slots


_NEW_OWNER_SAID = re.compile(
    r"(?:with\s+|to\s+)?(?P<who>\S+(?:\s+\S+)??)\s+(?:from|as of|starting|effective|beginning)\s+"
    rf"(?:tomorrow|today|now|next week|(?:next\s+)?{vocab.WEEKDAY}|the \d{{1,2}}(?:st|nd|rd|th)?|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{vocab.MONTH}|{vocab.MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
    r"|(?:with|to)\s+(?P<who2>\S+(?:\s+\S+)?)",
    re.I,
)
_UPDATE_VERB = re.compile(
    r"(?:update|change|set|edit|amend|chng|chg|upd|updt|bump|promote|demote|advance)\s+(?=\S)", re.I
)


_PLAIN_FIELDS = frozenset({"city", "country", "company", "title", "name", "email", "phone"})
_VALUE_PUT_RIGHT = re.compile(
    r"(?:(?:actually|just|now|really|rather)\s+)+(?P<value>\S.*?)"
    r"(?:\s*[,;(]?\s*(?:not|instead of|rather than)\s+[^,;]+?\)?)?"
    r"|(?P<value2>\S.*?)\s*[,;(]?\s*(?:not|instead of|rather than)\s+[^,;]+?\)?",
    re.I,
)
_BASED_NOW = re.compile(
    r"(?:(?:actually|really|now|currently)\s+)*(?:based|located|living|lives)\s+in\s+(?=\S)", re.I
)
_FROM_OWNER = re.compile(r"\s+from\s+[A-Za-zÀ-ÿ][\w'-]*\s*$")


def _updated(match: re.Match, message: Message) -> dict | None:
    if found := vocab.READY_FOR.match(message.text):  # "X is ready for a proposal, move her …"
        stage = "qualified" if found["stage"] == "qualification" else "proposal"
        return {"customer": _ref(message.typed[slice(*found.span("who"))]), "field": "stage",
                "value": stage}  # fmt: skip
    if found := vocab.KEPT_WITH.match(message.text):  # "no wait, keep him with Sam"
        who = message.typed[slice(*found.span("who"))]
        return {"customer": None if who.lower() in ("him", "her", "them", "it") else _ref(who),
                "field": "owner", "value": message.typed[slice(*found.span("owner"))]}  # fmt: skip
    if (told := vocab.CHANGE_AFTER_NAME.match(message.text)) and (said := _told_of(told, message)):
        return said  # "Meridian Grain: stage prospect", "Björklund Spa AB: Linnea takes over"
    slots = _update_said(named_then_pointed(message) or message)
    if slots and (named := vocab.FIELD_NAMED_LAST.search(message.text)):
        # "… has moved to Köln, please change the city": the field named at the end is the one
        slots["field"] = vocab.FIELDS[named.group("field")]
        if slots.get("value"):
            said = vocab.FIELD_NAMED_LAST.sub("", slots["value"]).strip(" ,;.") or slots["value"]
            slots["value"] = vocab.NOW_WITH.sub("", said) or said
    if slots and not slots.get("field") and isinstance(value := slots.get("value"), str):
        if _GOES_TO.search(message.text) and value.lower() not in vocab.STAGES:
            slots["field"] = "owner"  # "Mia Fischer at Summit & Söhne goes to Sam Patel"
    if slots and (said := vocab.FIELD_SET_TO.search(message.text)):
        field, value = ("field", "value") if said["field"] else ("field2", "value2")
        slots["field"] = vocab.FIELDS[said.group(field)]
        slots["value"] = message.typed[said.start(value) : said.end(value)]
    if slots and slots.get("field") == "city" and isinstance(slots.get("value"), str):
        if office := _AN_OFFICE_IN.match(slots["value"]):  # "moved to the Leeds office": Leeds
            slots["value"] = office.group("town")
        slots["value"] = _BASED_IN.sub("", slots["value"]) or slots["value"]  # "based in Lisboa"
    if slots and slots.get("field") == "phone" and isinstance(slots.get("value"), str):
        if number := _A_PHONE.search(slots["value"]):  # "mobile no. of Mr. B to +91 98300 12345"
            slots["value"] = number.group()
    if slots and isinstance(slots.get("value"), str):
        # "her title is Head of Ops and her phone is …": the second change is a request of its own
        slots["value"] = _ANOTHER_FIELD.sub("", slots["value"]) or slots["value"]
        slots["value"] = _NEXT_SENTENCE.sub("", slots["value"]) or slots["value"]
        if staged := _A_STAGE_NAMED.fullmatch(slots["value"]):  # "to the qualified stage"
            slots["field"], slots["value"] = "stage", vocab.STAGES[staged["stage"].lower()]
        elif slots.get("field") in (None, "stage") and (
            staged := _A_STAGE_FIRST.match(slots["value"])
        ):  # "mark X as won :tada: well done Ifeoma!"
            slots["field"], slots["value"] = "stage", vocab.STAGES[staged["stage"].lower()]
        if slots.get("field") == "email" and (
            address := _AN_ADDRESS.search(slots["value"]) or _AN_ADDRESS.search(message.typed)
        ):  # "new one is a@b.ie, as on her signature", "email of X is wrong, correct is a@b.vn"
            slots["value"] = address.group()
        if slots.get("field") == "name":  # "her name is spelt Abena Owusu-Ansah, not Owusu"
            slots["value"] = _NAME_SPELT.sub("", slots["value"]) or slots["value"]
    return slots


# "update email for Aoife Brennan — new one is …": the change named before whose it is
_FIELD_OF = re.compile(
    r"^(?:please\s+)?(?:update|change|set|fix|correct|new)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+"
    r"(?:for|of|on)\s+",
    re.I,
)
_NAME_SPELT = re.compile(r"^(?i:spelt|spelled|written|actually)\s+|,?\s+not\s+\S.*$")
_A_STAGE_FIRST = re.compile(rf"(?P<stage>{'|'.join(vocab.STAGES)})\b(?!-)", re.I)
_A_STAGE_NAMED = re.compile(  # "to the qualified stage", "at Qualified stage now"
    rf"(?:(?:at|in|on)\s+)?(?:the\s+)?(?P<stage>{'|'.join(vocab.STAGES)})\s+stage(?:\s+now)?", re.I
)
_AN_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


# "… to Bolpur? My apologies, I entered it incorrectly": the value ends with its sentence
_NEXT_SENTENCE = re.compile(r"\s*[?!]+(?:\s+\S.*)?$|(?<=[a-z]{3})\.\s+[A-Z].*$", re.S)
_ANOTHER_FIELD = re.compile(
    r"\s*(?:(?:,|\band\b|&)\s*(?:(?:his|her|their|its|the)\s+)?|[.;]\s+(?:(?:his|her|their|its|the)\s+)?)"
    r"(?:new\s+)?(?:phone|mobile|cell|number|e-?mail|title|job title|role|position|city|address|"
    r"company|website|country)\b(?=\s*(?:is\b|=|:|to\b|now\b|[A-Z+\d]))(?-i:.*)$",
    re.I | re.S,
)


_GOES_TO = re.compile(vocab.GOES_TO)
_BASED_IN = re.compile(
    r"^(?:(?:based|located|living|sitting|now)\s+in|(?:is\s+)?mov(?:ing|in'?|ed|es)\s+to)\s+", re.I
)
_A_PHONE = re.compile(r"\+?\(?\d[\d ().-]{5,}\d")
_AN_OFFICE_IN = re.compile(
    r"^(?:the|our|their|its|a|an)\s+(?:new\s+)?(?P<town>.+?)\s+(?:office|branch|site|hq|"
    r"headquarters|location|store|warehouse|plant|depot)$",
    re.I,
)


def _update_said(message: Message) -> dict | None:
    if (dropped := _interest_dropped(message)) is not None:
        return dropped
    if (untagged := _untag_one(message)) is not None:
        return untagged
    if vocab.UNTAG_ONE.search(message.text):
        return None  # "untag vip from dana's leads", "take the tag off the lost ones": many
    for form in vocab.UPDATE_FORMS:
        found = form.search(message.text)
        if not found:
            continue
        parts = {k: message.typed[slice(*found.span(k))] for k, v in found.groupdict().items() if v}
        who = parts.get("who", "")
        if vocab.SELECTION_SAID.search(who) or re.search(r"\b(?:ones|all|every|everyone)\b", who):
            return None  # "give the Paris accounts to Maria" changes many: a bulk change
        if re.search(r"\b(?:task|reminder|follow-?up|to-?do)s?$", who, re.I):
            return None  # "give the harbor sohne quote task to maria": a task, not the customer
        if "stage" in parts:
            field_name, value = "stage", vocab.STAGES.get(parts["stage"].lower(), parts["stage"])
        elif "tag" in parts:
            field_name, value = "tag", parts["tag"]
        elif "owner" in parts:
            field_name, value = "owner", parts["owner"]
        elif "name" in parts:
            field_name, value = "name", parts["name"]
        elif "interest" in parts:
            field_name, value = "interest", parts["interest"]
        else:
            value = parts.get("value")
            field_name = vocab.FIELDS.get(parts.get("field", "").lower().strip()) or (
                vocab.implied_field(message.text, value) if value else None
            )
            if field_name == "stage" and value:
                value = vocab.STAGES.get(value.lower().strip(" .!"), value.lower())
        if field_name is None:
            continue
        value = _new_value(value or "") or None
        who = parts.get("who")
        if field_name == "owner" and (stage := _stage_typed(value)):
            # "mateo weber qualifed -> propsal": a stage typed with a slip, not a colleague
            field_name, value = "stage", stage
            who = " ".join(w for w in (who or "").split() if not _stage_typed(w))
        return {"customer": _ref(_FIELD_OF.sub("", who or "")), "field": field_name, "value": value}
    if (found := vocab.STAGE_AFTER.search(message.text)) and A_SALE_TOLD.search(
        message.text[: found.start()]
    ):
        return None  # "fatima signed!!! 5x crm pro, 4500. she's a customer now": the sale says so
    if found:
        said = next(
            (found.group(g) for g in ("stage", "said", "again", "we", "made") if found.group(g)),
            None,
        )
        stage = vocab.STAGES.get(said, said) if said else "qualified"
        who = leading_name(message.typed[: found.start()])
        return {"customer": who, "field": "stage", "value": stage} if who else None
    if found := _TAG_NAMED.match(message.typed):  # "tag Anna Fischer enterprise", "tag acme vip"
        who = found.group("who").strip()
        if who.lower() in ("him", "her"):  # "and tag him demo-requested please": the one just seen
            return {"field": "tag", "value": found.group("tag")}
        if not _SELECTION_WORDS.search(who.lower()) and who.lower() not in _STOP:
            return {"customer": who, "field": "tag", "value": found.group("tag")}
        if _SELECTION_WORDS.search(who.lower()):
            return None  # "tag champions vip": many customers
    slots = _update_loosely(message)
    return None if vocab.SELECTION_SAID.search(slots.get("customer") or "") else slots


ALL_OF_THEM = re.compile(
    r"\b(?:all|each|every one|any)\s+of\s+[\w'’-]+(?:'s|’s)\s|\bevery(?:one|body)?\s+(?:customer|"
    r"client|account|lead|prospect)s?\b"
)


def _interest_dropped(message: Message) -> dict | None:
    """One customer's interest taken off: "remove the interest 'hardware' from her", "drop
    analytics from Jane Cooper's interests"."""
    found = vocab.INTEREST_DROPPED.match(message.typed)
    if found is None:
        return None
    value = (found["value"] or found["value2"] or found["value3"]).strip(" '\"‘’“”")
    who = _ref(found["who"] or found["who2"] or found["who3"])
    if who and who.lower() in ("her", "him", "them", "his", "their"):
        who = None  # the customer just talked about
    return {"customer": who, "field": "interest", "value": value, "action": "remove"}


def _untag_one(message: Message) -> dict | None:
    """One customer loses a tag: "remove the vip tag from Acme", "untag vip from Jane Cooper",
    "untag jane cooper vip", "Jane Cooper is no longer vip"."""
    if (bare := _THE_TAG_OFF.match(message.typed)) and not _MANY_NAMED.search(bare["who"]):
        who = _ref(bare["who"])  # "remove the tag from hugo novak, he's not …"
        return {"customer": who, "field": "tag", "action": "untag"} if who else None
    found = _UNTAG.search(message.text)
    if not found and (
        tagged := _TAG_OFF.search(message.typed) or _TAG_AFTER_NAME.match(message.typed)
    ):
        # "take at-risk-nps off John Martin", "…, take the at-risk-nps tag off him",
        # "john martin: drop tag at-risk-nps"
        who = tagged.group("who")
        if who.lower() in ("him", "her", "them"):
            who = leading_name(message.typed[: tagged.start()]) or ""
        if (
            who
            and len(tagged.group("tag").split()) == 1
            and tagged.group("tag").lower() not in _NOT_TAGS
        ):
            return {
                "customer": _ref(who),
                "field": "tag",
                "value": tagged.group("tag"),
                "action": "untag",
            }
    if not found and (
        said := _UNTAG_LAST.match(message.typed)
        or _TAKEN_OFF.match(message.typed)
        or _NO_LONGER.match(message.typed)
    ):
        tag, who = said.group("tag"), _ref(said.group("who"))
        if not who or tag.lower() in vocab.STAGES or tag.lower() in _NOT_TAGS:
            return None  # "X is no longer a lead" is a stage, "… not interested" a remark
        return {"customer": who, "field": "tag", "value": tag, "action": "untag"}
    if not found:
        return None
    who = _ref(message.typed[found.end() :])
    if not who or vocab.SELECTION_SAID.search(who) or _SELECTION_WORDS.search(who.lower()):
        return None  # "untag vip from Dana's leads": a bulk change
    return {"customer": who, "field": "tag", "value": _untagged(found), "action": "untag"}


def _untagged(found: re.Match) -> str | None:
    """The tag an untag names, in whichever of its phrasings it was said; None for "that tag"
    (the one just added)."""
    said = ("value", "value2", "value3", "value4")
    return next((found.group(g) for g in said if found.groupdict().get(g)), None)


_THE_TAG_OFF = re.compile(  # no tag named: the one it has, or the one just added
    r"^(?:please |pls )*(?:remove|take|drop|strip|delete)\s+(?:the|their|his|her|its|that|this)\s+"
    r"tag\s+(?:from|off(?:\s+of)?)\s+(?P<who>(?!(?:all|every\w*|each|them|those|these)\b)"
    r"[^,;.!?]+?)(?:\s*[,;.]\s.*)?\W*$",
    re.I,
)
_UNTAG_LAST = re.compile(
    r"^(?:please |pls )*un-?tag\s+(?P<who>\S.*?)\s+#?(?P<tag>[\w-]+)\W*$", re.I
)
_TAG_OFF = re.compile(  # the tag first, one token, then who: several words or a pronoun
    r"(?:^|[,;.]\s*|\band\s+)(?:please |pls )*(?:take|remove|drop|strip)\s+(?:the\s+)?(?:tag\s+)?"
    r"['\"#]?(?P<tag>[\w-]+)['\"]?(?:\s+tag)?\s+off\s+(?:of\s+)?"
    r"(?P<who>him|her|them|\S+(?:\s+\S+)+?)\W*$",
    re.I,
)
_TAG_AFTER_NAME = re.compile(  # "john martin: drop tag at-risk-nps"
    r"^(?P<who>[^:]+?)\s*:\s*(?:remove|drop|delete|strip)\s+(?:the\s+)?tag\s+['\"#]?(?P<tag>[\w-]+)['\"]?\W*$",
    re.I,
)
_TAKEN_OFF = re.compile(  # "take chloé martin (berlin) off needs-checkin"
    r"^(?:please |pls )*(?:take|remove|drop)\s+(?P<who>\S.*?)\s+off\s+(?:the\s+)?#?"
    r"(?P<tag>(?!(?:list|that|this|it|preview|selection|them)\b)[\w-]+)(?:\s+(?:tag|list))?"
    r"(?:\s*[,;.]\s.*)?\W*$",
    re.I,
)
_NO_LONGER = re.compile(
    r"^(?P<who>\S.*?)\s+(?:is|are)\s+(?:no longer|not)\s+(?:a\s+|an\s+)?#?(?P<tag>[\w-]+)"
    r"(?:\s+(?:any\s?more|now))?\W*$",
    re.I,
)
_NOT_TAGS = frozenset(
    "interested sure ready happy available here there in around responding answering keen "
    "buying the our my a an".split()
)
_UNTAG = next(pattern for pattern, target in vocab.BULK_TARGET if target == "untag")
_SELECTION_WORDS = re.compile(
    r"\b(?:all|every|everyone|everybody|each|customers|accounts|clients|leads|prospects|"
    r"proposals|ones|those|these|them|champions|loyalists|detractors|promoters|passives|hibernating)\b"
)
_TAG_NAMED = re.compile(
    r"^(?:(?i:and|also|pls|please)\s+)*(?i:tag|label)\s+"
    r"(?P<who>(?:[A-Z][\w'’.-]*\s+){1,3}|(?:[a-z#][\w'’.-]*\s+){1,3})"
    r"#?(?P<tag>(?!(?:please|pls|too)\b)[\w-]+)(?:\s+(?:please|pls|too|as well))?\W*$"
)


def _stage_typed(said: str | None) -> str | None:
    """The stage a single word names, allowing one slip ("propsal", "qualifed"), else None."""
    if not said or " " in said.strip():
        return None
    close = difflib.get_close_matches(said.lower(), list(vocab.STAGES), n=1, cutoff=0.85)
    return vocab.STAGES[close[0]] if close else None


def _new_value(said: str) -> str:
    """The value a change sets, without the words said after it ("CEO now", "Leeds please",
    "jacquard cards now, add interest")."""
    value = said.strip(" .!?\"'")
    while (shorter := vocab.VALUE_TAIL.sub("", value).strip(" .!?\"'")) != value:
        value = shorter
    return value


def _update_loosely(message: Message) -> dict[str, Any]:
    """A change said in another order ("acme phone now 555 0123", "Saltbox Coffee is won"): the
    customer first or after the verb, the field named or implied by its value, the value last."""
    text, typed = message.text, message.typed
    slots: dict[str, Any] = {}
    start = vocab.UPDATE_LEAD.match(text)
    head = typed[start.end() :] if start else typed
    value_found = vocab.UPDATE_VALUE.search(text)
    if found := vocab.UPDATE_OF.search(text):
        slots["customer"] = _ref(typed[found.end() :])
    elif value_found and value_found.start() > (start.end() if start else 0):
        named = typed[start.end() if start else 0 : value_found.start()]
        slots["customer"] = _ref(vocab.UPDATE_TAIL.sub("", named))
    else:
        slots["customer"] = _ref(head)
    if (found := value_found) and re.match(r"(?:not|no longer|never)\b", found.group("value")):
        found = None  # "acme is not interested anymore" sets nothing
    if found:
        value = _new_value(typed[found.start("value") : found.end("value")])
        slots["value"] = value
        said = found.group("field")
        field_name = vocab.FIELDS.get(said.strip()) if said else None
        if field_name is None:
            field_name = vocab.implied_field(text, value)
        slots["field"] = field_name
    elif found := vocab.STAGE_SAID.search(text):
        slots["field"], slots["value"] = "stage", vocab.STAGES[found.group("stage")]
    if slots.get("field") == "stage" and slots.get("value"):
        slots["value"] = vocab.STAGES.get(slots["value"].lower(), slots["value"].lower())
    who = slots.get("customer")
    if who and who.lower() in vocab.NOT_CUSTOMERS | {"the", "please", "kindly", "all"}:
        slots["customer"] = None
    return slots


def customers_named(
    slots: dict[str, Any], message: Message, *, to_end: bool, ends: re.Pattern | None = None
) -> list[str] | None:
    """The customers a change names one after another ("move anna fischer, léa weber and omar
    nguyen to proposal", "delete acme and globex") or a contact was with ("emailed priya fischer
    and sophie wilson, …": `ends` where the names end), or None when it names one."""
    first = slots.get("customer")
    at = message.text.find(str(first).lower()) if first else -1
    if at < 0:
        return None
    tail = message.typed[at:]
    if reason := vocab.REASON_TAIL.search(tail):  # "…, jordan still wants them": why, not who
        tail = tail[: reason.start()]
    if end := (ends or _CHANGE_STARTS).search(tail):
        tail = tail[: end.start()]
    elif not to_end:
        return None  # a change names its value after the customers: "… to proposal"
    parts = [p.strip(" ,") for p in vocab.LISTED.split(tail) if p.strip(" ,")]
    if len(parts) < 2 or len({p.casefold() for p in parts}) < len(parts):
        return None  # "Johnson and Johnson" is one customer
    words = [w.casefold() for p in parts for w in p.split()]
    if any(len(p.split()) > 4 for p in parts) or any(w in _STOP | _NOT_NAMES for w in words):
        return None  # "Jane Smith accepted our proposal, she's a customer now" names one
    return parts


# words that end a run of names ("… only just spoke", "… calls"): never a customer's
_NOT_NAMES = frozenset(
    "only just spoke said called met wants wanted told asked talked is was has had "
    "call calls email emails meeting meetings contact contacts order orders purchase purchases "
    "sales my our the your full team interaction interactions chat visit visits note notes show "
    "get see list view pull".split()
)
CONTACT_ENDS = re.compile(  # where the people a contact was with end: "…, followed up on …"
    r"\s*[,;:.!?(]|\s[-–—]\s|\s+(?:re|about|abt|regarding|on|for|to|that|who|today|yesterday|"
    r"this|last|at|from|w/|with|and (?:she|he|they|we|i)\b)\b",
    re.I,
)
_CHANGE_STARTS = re.compile(
    r"\s*(?:->|→|=>)|\s+(?:to|as|into|in|under|from|with|back|over)\s+|\s[-–—:]\s|[.?!;]|\s+(?:please|pls|now)\b",
    re.I,
)


@reads("customer.create")
def _create(match: re.Match, message: Message) -> dict | None:
    if vocab.NEW_DETAIL_FOR.match(message.text) or _LOGGED_NOT_ADDED.search(message.text):
        return None  # "new email address for X: …", "Matt at Tui - new email …" change X
    slots = _new_customer(match, message)
    company = (slots or {}).get("company") or ""
    if slots and "city" not in slots and (placed := _COMPANY_IN_TOWN.fullmatch(company)):
        slots["company"], slots["city"] = placed["company"], placed["town"]  # "dental in leeds"
    return None if slots and not_a_name(slots.get("name")) else slots


# "please log: telefonat with frau lehmann …", "matt at tui builders - new email …": a contact
# or a detail of someone known, never someone new
_LOGGED_NOT_ADDED = re.compile(
    r"^(?:(?:pls|please)\s+)?log\b(?!\s+(?:a\s+)?new\s+(?:lead|customer|contact|client|prospect)\b)"
    r"|\s[-–—:]\s*new\s+(?:e-?mail|phone|number|mobile|cell|address)\b"
    r"|\bnew\s+(?:#|no\.?|num|number|mobile|cell|phone)\s*[:#]?\s*[+(\d]"  # "jolene hebert new # 337-…"
    # "X is interested in Y also", "X interested in Y now, add interest"
    r"|^(?!(?:new|add|create)\b)[^,]{2,60}?\s+(?:(?:is|are)\s+)?(?:now\s+|also\s+)?interested\s+in\b"
    r"(?!.*\badd (?:as |a )?(?:new )?(?:customer|lead|contact|client)\b)"
    r"|\b(?:delete|remove)\b"
    r"|\bas\s+(?:an?\s+|the\s+|their\s+|her\s+|his\s+)?(?:new\s+)?(?:interests?|tags?)\s+(?:for|of|on|to)\b"
)


_FIRM_THEN_PERSON = re.compile(
    r"^(?P<company>.+?)\s+(?:contact(?:\s+person)?|organi[sz]er|owner|manager|director|buyer|"
    r"attn)(?:\s+is)?\s*:?\s+(?!(?:of|at|for|is)\b)(?P<name>(?:(?:dr|mr|mrs|ms|prof)\.?\s+)?[^\W\d_][\w'’.-]*"
    r"(?:\s+(?!(?:with|and|who|she|he|they|from|for)\b)[^\W\d_][\w'’.-]*){1,3})(?:\s.*)?$",
    re.I,
)
# a person's name by its shape alone, after a company: a particle ("Johan van der Merwe") or a
# hyphened given name ("Park Min-ji"), never a town ("Rio de Janeiro", "San José")
_PERSON_SHAPED = re.compile(
    r"(?!(?:rio|san|santa|são|sao|saint|st|port|porto|puerto|los|las|la|el|le)\b)"
    r"[^\W\d_][\w'’]+(?:\s+(?:van|von|der|den|de|da|do|dos|del|di|bin|binti|al|ibn|ter|ten)\b)+"
    r"\s+[^\W\d_][\w'’-]+"
    r"|[A-ZÀ-Þ][\w'’]+\s+[A-ZÀ-Þ][a-zà-ÿ]+-[a-zà-ÿ]+",
    re.I,
)


def not_a_name(said: object) -> bool:
    """Whether a new customer's name is a sentence ("Jordan has a …", "interest Support")."""
    return bool(_NOT_A_NAME.search(str(said or ""))) or str(said or "").startswith("#")


_NOT_A_NAME = re.compile(
    r"\b(?:has|have|had|is|are|was|were|ready|interest|interested|tag|tagged|to|moving|move|"
    r"wants?|should|will|would|please|pls|can|could|she|he|they|her|him|them|it|i|we|you|me|"
    r"my|our|signed|make|made|shes|hes|add|that|added|created|joined|this week|this month|"
    r"today|yesterday|last week|yes|yeah|product|products|from)\b"
    r"|^(?:leads|customers|clients|prospects|accounts|contacts|new|no|none|nope|not|ok|okay)\W*$"
    r"|^(?:leads|customers|clients|prospects|accounts|contacts|all|every(?:one|body)|any(?:one|body))\b",
    re.I,
)


def _new_customer(match: re.Match, message: Message) -> dict[str, Any] | None:
    slots: dict[str, Any] = {}
    if found := vocab.HAS_NEW_LEAD.match(message.typed):  # "Jordan has a new lead, Pierre …"
        if found["owner"]:
            slots["owner"] = found["owner"]
        message = Message(
            " " * found.end() + message.text[found.end() :],
            " " * found.end() + message.typed[found.end() :],
            message.now,
            message.tz,
            message.corrected,
        )
        match = re.match(r"\s*", message.text)
    said = message.text[: match.end()] + " " + message.text[match.end() :][:40]
    if kind := re.search(r"\b(?:new |a )?(lead|prospect)\b", said):
        slots["stage"] = vocab.STAGES[kind.group(1)]
    rest = message.typed[match.end() :].lstrip(" !?")  # "new client!! 🎉 Centro …"
    labelled: dict[str, Any] = {}
    for found in vocab.CREATE_FIELD.finditer(rest):
        name = {"e-mail": "email", "mail": "email", "mobile": "phone"}.get(
            found.group("field").lower(), found.group("field").lower()
        )
        value = found.group("value").strip(" *_.")
        labelled[name] = vocab.STAGES.get(value.lower(), value) if name == "stage" else value
    if labelled:
        # "Add customer: Mikael Nyström, Saaristo Shipping, Turku, stage: proposal, owner: Ville":
        # the fields named by their labels, and the rest read as said
        rest = vocab.CREATE_FIELD.sub(",", rest)
        if "name" in labelled or not re.search(r"[^\W\d_]{2}", rest):
            return {**slots, **labelled}
        return {**_said_customer(rest, slots, message), **labelled}
    return _said_customer(rest, slots, message)


# what is wanted of a product, and when: "a demo of crm starter next week" is CRM Starter
_WANTED_OF = re.compile(
    r"^(?:an?\s+|the\s+|some\s+)?(?:demo|trial|quote|pricing|prices?|info|brochure|proposal|"
    r"presentation|offer)\s+(?:of|on|for|about)\s+(?:the\s+|our\s+)?"
    r"|\s+(?:next week|this week|tomorrow|asap|soon|next month|(?:on|by|before)\s+\w+)$",
    re.I,
)
_COMPANY_IN_TOWN = re.compile(
    r"(?P<company>.+?)\s+(?:in|from)\s+(?P<town>(?!the\b|our\b)[A-Za-z][\w'-]+(?:\s[A-Za-z][\w'-]+)?)"
)
_THIS_ONE = re.compile(
    r"^\s*(?:(?:please\s+)?(?:add|create|save|new)\s+)?(?:(?:this|these|the following)\s+"
    r"(?:one|contact|guy|lady|person|details|customer|lead)(?:\s+from\s+[^:]{1,40})?|one"
    r"|another(?:\s+one)?|one\s+more|(?:[\w-]+\s+){0,2}(?:lead|contact|prospect))\s*:\s*"
    r"(?:[-–—]+\s*)?",  # "another one: …", "fair lead: …", "this contact from the signature: —"
    re.I,
)
_MAIL_HEADER = re.compile(
    r"\b(?:Sent|Date):.*?(?=\b(?:To|Subject|Cc):|$)|\bSubject:.*?(?=\s[-–—]\s|$)"
    r"|\b(?:From|To|Cc):\s*[^<,;]*(?=<)"
)
_QUOTED_RECORD = re.compile(r"(?<!\w)['\"‘“]([^'\"’”]+)['\"’”](?!\w)")
_MET_AT = re.compile(r"^\s*(?:from|at|via|met at)\s+[^:,]{1,60}:\s*(?=\S)", re.I)
# "Denver CO", "Austin, TX": a US town with its state, never a company
_TOWN_AND_STATE = re.compile(
    r"(?P<town>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),?\s+(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|"
    r"KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|"
    r"VA|WA|WV|WI|WY|DC)"
)
_JUST_TRYING = re.compile(
    r"\s+(?:just\s+)?(?:to\s+(?:see|test|try|check)|for\s+(?:testing|a test|now))\b.*$", re.I
)
_REMARK_AFTER = re.compile(
    r"(?<=\w)\.\s+(?:met|she|he|they|we|i|spoke|saw|talked|called|came|found|referred)\b[^.]*\.?\s*$",
    re.I,
)
_SIGNED_OFF = re.compile(
    r"(?<=:)\s*(?:best regards|kind regards|regards|best|cheers|thanks|many thanks|br)\s*,", re.I
)


_HOW_RELATED = re.compile(
    r"^\s*[\w'-]+(?:'s|’s)\s+(?:new\s+)?(?:colleague|coworker|co-worker|boss|manager|assistant|"
    r"partner|business partner|co-?founder|deputy|replacement|successor|husband|wife|son|daughter|"
    r"brother|sister|friend)\s+(?=[A-Za-z])",
    re.I,
)


# where a labelled detail ends: at the next label, a comma or bracket, or the end
_NEXT_LABEL = (
    r"\s+(?i:phone|tel|telephone|mobile|cell|e-?mail|city|town|company|owner|stage|interest(?:ed)?|"
    r"based|located|title)\b|\s*[,;()]|\s*$"
)
_WHO_IS_AT_END = re.compile(r"\b(?:she|he|they|who)(?:['’](?:s|re)|\s+(?:is|are))?\s*$", re.I)


_ADDRESS_IN_BRACKETS = re.compile(r"(?<=\w)\s*<([\w.+'-]+@[\w-]+(?:\.[\w-]+)+)>\s*")


def _without(rest: str, found: re.Match) -> str:
    """The words left once a detail is read out of them: an address or number said between a
    name and a company or town parts them ("Elif Demir elif@… Kiln Street Ceramics", "ayesha
    siddiqui 0300 1234567 karachi")."""
    before, after = rest[: found.start()], rest[found.end() :]
    apart = re.search(r"\w\W*$", before) and re.match(r"\s*[A-Z]|\s*[a-z][\w'-]*\s*$", after)
    return f"{before}, {after}" if apart else f"{before} {after}"


def _said_customer(rest: str, slots: dict[str, Any], message: Message) -> dict[str, Any]:
    """A new customer told in a sentence: name, company, city, contact details, owner, stage."""
    slots = dict(slots)
    rest = re.sub(r"\s*\((?:https?://)?[\w-]+(?:\.[\w-]+)+/?\)", " ", rest)  # (example.com)
    rest = _SIGNED_OFF.sub(" ", rest)  # "…: Best regards, Jonas Eriksen | …": the sign-off
    rest = _JUST_TRYING.sub("", rest)  # "… test clinic just to see how this works": why, not who
    rest = _REMARK_AFTER.sub("", rest)  # "…, hamburg. met her at the expo": how, not who
    rest = _MET_AT.sub("", rest)  # "new lead from yesterdays retailtech expo: Priya Shah …"
    rest = _THIS_ONE.sub("", rest)  # "add this one: Rāwiri Tane | …"
    rest = _QUOTED_RECORD.sub(r"\1", rest)  # "…: 'Kellerbräu Mittenwald, Herr Anton Riedl, …'"
    rest = _MAIL_HEADER.sub(" ", rest)  # "— From: Matthias Brandt <m.brandt@…> Sent: … Subject: …"
    rest = _ADDRESS_IN_BRACKETS.sub(r", \1, ", rest)  # "Priya Raman <priya@…> Head of IT, …"
    if lead := vocab.CREATE_LEAD.match(rest):
        if lead.group("owner"):
            slots["owner"] = lead.group("owner")
        rest = rest[lead.end() :]
    rest = re.sub(r"\bas (?:a )?new (?:customer|contact|client|lead)\b", "", rest, flags=re.I)
    if found := vocab.INTEREST.search(rest.lower()) or re.search(
        r"(?:^|[,;.]\s*)(?:interest(?:\s+is|:)?\s+|int:\s*)(?!in\b)(?P<interest>[^,;.]+)",
        rest,
        re.I,
    ):
        end = found.end()
        if both := re.match(r"\s+(?:and|&)\s+[^,;.]+?\s*$", rest[end:]):
            end += both.end()  # "… interested in hoods and jesses": both, to the end
        said = rest[found.start("interest") : end].strip(" -–—")
        slots["interest"] = _WANTED_OF.sub("", said) or said  # "a demo of crm starter next week"
        before = _WHO_IS_AT_END.sub("", rest[: found.start()])  # "…, she's interested in X"
        rest = before + " " + rest[end:]
    if found := vocab.CREATE_OWNER.search(rest):
        slots["owner"] = "me" if found.group("mine") else found.group("owner")
        rest = rest[: found.start()] + " " + rest[found.end() :]
    if found := re.search(
        rf"(?:^|[,;(]|\s[-–—])\s*(?:stage:?\s*|(?:they|she|he)(?:'re|'s|\s+(?:are|is))\s+(?:an?\s+)?)?"
        rf"(?:already\s+)?(?:at\s+)?({vocab.STAGE_WORDS})"
        r"(?:\s+(?:already|now|stage))*\s*(?=[,;)]|$)",
        rest,
        re.I,
    ):
        slots["stage"] = vocab.STAGES[found.group(1).lower()]
        rest = rest[: found.start()] + rest[found.end() :]
    rest = re.sub(
        r"^\s*(?:(?:fella|guy|lady|bloke|chap|one|contact|person)\s*)?[:\-–—]?\s*(?:called|named)?\s*",
        "",
        rest,
        flags=re.I,
    )
    rest = _HOW_RELATED.sub("", rest)  # "Priscilla's colleague Jordan Reyes": Jordan Reyes
    if found := re.search(
        r"\bas (?:a |an )?(qualified (?:lead|prospect)|(?:hot |warm |new )?lead|prospect|qualified)\b",
        rest,
        re.I,
    ):
        said = found.group(1).lower()
        slots["stage"] = (
            "qualified" if said.startswith("qualified") else vocab.STAGES[said.split()[-1]]
        )
        rest = rest[: found.start()] + " " + rest[found.end() :]
    if re.search(r"\bas (?:a )?(?:customer|client)\b|already signed", rest, re.I):
        slots["stage"] = "customer"
        rest = re.sub(r"\bas (?:a )?(?:customer|client)\b", " ", rest, flags=re.I)
    if (
        found := re.search(
            # a label in lower case, or with "is" or ":" ("Lion City Marine" is a name)
            r"\b(?:(?i:company|firm|firma|empresa)(?:\s+is|:)|company|firm|firma|empresa)\s+"
            r"(?!(?i:phone|tel|mobile|cell|e-?mail|city|in|at)\b)([^,;()]+?)"  # "… almond company phone"
            rf"(?={_NEXT_LABEL})",
            rest,
        )
    ):
        slots["company"] = found.group(1).strip()
        rest = rest[: found.start()] + " " + rest[found.end() :]
    if found := re.search(
        rf"\b(?:(?i:city|town)(?:\s+is|:)|city|town)\s+(?P<city>[^,;()]+?)(?={_NEXT_LABEL})", rest
    ):
        slots["city"] = found["city"].strip()  # "… city duluth phone 218 555 0199"
        rest = rest[: found.start()] + " " + rest[found.end() :]
    if found := re.search(r"\(([^(),]+?),\s*([^()]+)\)", rest):
        first, second = found.group(1).strip(), found.group(2).strip()
        a_firm = "&" in first or len(first.split()) > 1 and not _TITLE_ALONE.fullmatch(first)
        if vocab.COMPANY_WORDS.search(first) or a_firm and re.fullmatch(r"[A-Z][\w'-]+", second):
            # (company, city): "(Cask & Stave Cooperage, Sonoma)"
            slots.setdefault("company", first)
            slots.setdefault("city", second)
        else:  # (title, company)
            slots.setdefault("company", second)
        rest = rest[: found.start()] + " " + rest[found.end() :]
    elif found := re.search(r"\(([A-Z][\w'-]+(?:\s[A-Z][\w'-]+){0,2})\)", rest):
        # "Karen Lind at Lindco (Berlin)": after a company, a place; after a person, the company
        said = "city" if re.search(r"\s(?:at|from|@)\s", rest[: found.start()]) else "company"
        slots.setdefault(said, found.group(1))
        rest = rest[: found.start()] + " " + rest[found.end() :]
    if found := re.search(
        r"(?:\b(?:e-?mail|mail)\s*:?\s*)?([\w.+'-]+@[\w-]+(?:\.[\w-]+)*|[^\s,;()]*@@[^\s,;()]*)",
        rest,
        re.I,
    ):
        slots["email"] = found.group(1)
        rest = _without(rest, found)
    if found := re.search(
        r"(?:\b(?:phone|tel|telephone|mob|mobile|cell|ph|whats ?app|wa)\.?:?\s*)?(\+?\(?\d[\d ()./-]{5,}\d)",
        rest,
        flags=re.I,
    ):
        slots["phone"] = found.group(1).strip()
        rest = _without(rest, found)
    rest = re.sub(r"\(\s*\)", " ", rest)
    if found := re.search(
        r"\s(?:in|based in|located in|lives in)\s+([A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)\s*[,.]?\s*$",
        rest,
    ):
        slots["city"] = found.group(1)
        rest = rest[: found.start()]
    rest = re.sub(r"\s+(?:already signed|new (?:one|lead))\b", " ", rest, flags=re.I)
    parts = [p.strip() for p in re.split(r"\s*[,;|]\s*|\s[-–—]\s", rest) if p.strip(" -")]
    while parts and not parts[0].strip("<> "):  # "From: Lena Vogel <…> Subject: … - Lena Vogel, …"
        parts.pop(0)
    if not parts:
        return slots
    head = parts.pop(0).lstrip(" .:")
    firm = next((i for i, p in enumerate(parts) if vocab.COMPANY_WORDS.search(p)), 0)
    if firm > 0 and any(_TOWN_SHAPED.fullmatch(p) for p in parts[firm + 1 :]):
        # a signature: "Dr. Ingrid Vogt, Qualitätssicherung, Brauerei Sternquell GmbH, Bamberg":
        # the name, a title, the company and its town
        slots.setdefault("title", parts.pop(0))

    head = re.sub(r"^(?:(?:full\s+|contact\s+)?name\s*:?|contact\s*:)\s*", "", head, flags=re.I)
    person = next((p for p in parts if _HONORIFIC.match(p)), None)
    if person and not _HONORIFIC.match(head) and "company" not in slots:
        # "Shirakawa Shika Iin, Dr. Mio Shirakawa, Fukuoka": the company, then its person
        parts.remove(person)
        head, slots["company"] = person, head
    firm_said = bool(found := _FIRM_THEN_PERSON.match(head))
    if found:  # "Naturkundemuseum Lübeck contact Dr Anke Vossberg …": no town in the firm's name
        slots["name"], slots["company"] = found.group("name"), found.group("company")
    elif found := re.match(r"^(?P<name>.+?)\s+(?:at|from|of|with|@)\s+(?P<company>.+)$", head):
        slots["name"], slots["company"] = found.group("name"), found.group("company")
    elif (
        vocab.COMPANY_WORDS.search(head) or _the_mail_domain(head, slots.get("email"))
    ) and "company" not in slots:
        slots["company"] = head  # "Aeróstatos Segovia, …, lucia@aerostatossegovia.es": a firm
        if parts and _PERSON_SHAPED.fullmatch(parts[0]):
            slots["name"] = parts.pop(0)  # "Limpopo Citrus Growers, Johan van der Merwe, …"
    else:
        slots["name"] = head
    if (
        "company" in slots
        and "city" not in slots
        and not firm_said
        and not _the_mail_domain(slots["company"], slots.get("email"))  # "tribeca yoga loft"
        and (city := vocab.CITY_AT_END.search(slots["company"]))
    ):
        # "tanaka robotics osaka": a city after a company of two words or more; "brightline
        # robotics" stays one company, since a name of two words is likelier than a town
        kept = slots["company"][: city.start()].split()
        if len(kept) >= 2 and not vocab.COMPANY_WORDS.search(city.group(1)):
            slots["city"] = city.group(1)
            slots["company"] = slots["company"][: city.start()]
    cased = any(c.isupper() for c in message.typed)
    ends_message = bool(parts)
    if (
        "company" not in slots
        and slots.get("name")
        and any(_CONTACT_PERSON.match(p) for p in parts)
    ):
        slots["company"] = slots.pop("name")  # "Otieno Hardware, Kisumu, …, contact Peter Otieno"
    if "city" not in slots and (
        town := next(filter(None, map(_TOWN_AND_STATE.fullmatch, parts)), None)
    ):
        slots["city"] = town["town"]  # "…, Peakline Outdoors, Denver CO, …": the town
        parts.remove(town.group())
    for index, part in enumerate(parts):
        shaped = (
            r"[A-ZÀ-Þ][\w'&.-]*(?:\s(?:[A-ZÀ-Þ&][\w'&.-]*|de|del|della|di|da|do|dos|das|la|le|les|von|"
            r"van|der|den|of|and|et|y|und|s\.r\.o\.|s\.a\.|s\.l\.|srl|gmbh|ltd\.?|inc\.?|llc|"
            r"bv|ag|ab|oy|as|plc)){0,4}"
            if cased
            else r"[a-z][\w'&.-]*(?:\s[\w'&.-]+){0,3}"
        )
        if part.lower() in vocab.STAGES:
            continue
        placed = _COMPANY_IN_TOWN.fullmatch(part)
        if placed and "company" not in slots and vocab.COMPANY_WORDS.search(placed["company"]):
            slots["company"] = placed["company"]  # "…, novak bau gmbh in vienna, …"
            slots.setdefault("city", placed["town"])
            continue
        if contact := _CONTACT_PERSON.match(part):
            if "name" in slots and "company" not in slots:  # "Grünwald Apotheke, contact person …"
                slots["company"] = slots.pop("name")
            if "name" not in slots or slots["name"] == slots.get("company"):
                slots["name"] = contact.group("name")  # "…, Nagpur, contact Mr. Anil Deshmukh"
            continue
        if (titled := _TITLED.fullmatch(part)) and "company" not in slots:
            slots["company"] = titled.group("company")  # "events manager in Iberforma"
            said = part[: titled.start("company")].strip()
            slots.setdefault("title", re.sub(r"\s+(?:at|in|of|with|for|@)$", "", said, flags=re.I))
            continue
        if _TITLE_ALONE.fullmatch(part):
            slots.setdefault("title", part)  # "Ms. Deepa Raghavan, HR Head, Kaveri Polymers"
            continue
        if (
            (town := _FROM_TOWN.fullmatch(part))
            and _PRIVATE_MAIL.search(str(slots.get("email", "")))
            and not vocab.COMPANY_WORDS.search(part)
        ):  # "…, saoirse.kav@gmail.com, 07700 900456, from Bath": a private buyer's town
            slots.setdefault("city", town["town"])
            continue
        if (at := _AT_COMPANY.match(part) or _AT_ALONE.match(part)) and "company" not in slots:
            slots["company"] = at.group("company")  # "line producer at saltflat films", "at X"
            if title := part[: at.start("company")].strip():
                slots.setdefault(
                    "title", re.sub(r"\s+(?:at|of|with|for|@)$", "", title, flags=re.I)
                )
            continue
        if not re.fullmatch(shaped, part):
            if "company" in slots and "city" not in slots and _a_place(part):
                # "Greta Holm from Nordlicht AB, greta@…, stockholm."
                slots["city"] = part.rstrip(".")
            continue
        last = index == len(parts) - 1 and ends_message
        if "name" not in slots and "company" in slots and _A_PERSON.fullmatch(part):
            slots["name"] = part  # "Nordhus Interiors, Copenhagen, Lars Jensen, …": the contact
            continue
        if (_a_company(part, slots)) and "company" not in slots:
            slots["company"] = part
        elif (last or "company" in slots or _company_later(parts[index + 1 :], slots)) and (
            "city" not in slots and len(part.split()) <= 2
        ):  # "Hamid Rezaei, Dubai, Rezaei Home Furnishing": the town, then the company
            slots["city"] = re.sub(r"^(?:in|based in|from)\s+", "", part.rstrip("."), flags=re.I)
        elif "company" not in slots:
            slots["company"] = part
    return slots


_TOWN_SHAPED = re.compile(r"[A-ZÀ-Þ][\w'’-]+(?:\s[A-ZÀ-Þ][\w'’-]+)?")
_A_PERSON = re.compile(r"(?:(?:dr|mr|mrs|ms)\.?\s+)?[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,2}")


def _the_mail_domain(part: str, email: str | None) -> bool:
    """Whether a name of two words or more is the one the e-mail's domain spells."""
    if not email or "@" not in email or len(part.split()) < 2:
        return False
    squashed = re.sub(r"[\W_]+", "", unicodedata.normalize("NFKD", part).encode("ascii", "ignore")
                      .decode().lower())  # fmt: skip
    domain = email.split("@", 1)[1].replace("-", "").lower()
    # "carrickmarina.ie" spells "Carrick Marina Boat Hire" too: the name's opening words
    return len(squashed) >= 6 and (squashed in domain or squashed.startswith(domain.split(".")[0]))


def _a_company(part: str, slots: dict[str, Any]) -> bool:
    """A company's name: a company word in it, or the new customer's surname ("Rezaei Home")."""
    named_after = set(part.lower().split()) & set(str(slots.get("name", "")).lower().split())
    return bool(
        vocab.COMPANY_WORDS.search(part)
        or named_after
        or _the_mail_domain(part, slots.get("email"))
    )


def _company_later(parts: list[str], slots: dict[str, Any]) -> bool:
    return any(_a_company(p, slots) or _CONTACT_PERSON.match(p) for p in parts)


_CONTACT_PERSON = re.compile(
    r"(?:(?:the|our|their)\s+)?(?:(?:procurement|purchasing|main|key|billing)\s+)?"
    r"(?:contact|attn|att|c/o)(?:\s+person)?"
    r"(?:\s+is)?:?\s+(?P<name>[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*){0,3})$",
    re.I,
)
# "Head of IT", "VP of Sales": a department, never the company
_DEPARTMENT = (
    r"(?:IT|HR|R&D|sales|marketing|operations|ops|finance|procurement|purchasing|engineering|"
    r"product|facilities|logistics|security|legal|people|talent|growth|partnerships|technology|"
    r"data|design|quality|customer success|accounts|IT services|BI|analytics|research|support|"
    r"service|strategy|innovation|digital|e-?commerce|supply chain|business intelligence)"
)
# what a title is head of, before the company: "Head of IT at Kestrel Labs"
_OF_A_FIELD = r"(?:\s+of\s+[\w&-]+(?:\s+[\w&-]+)?(?=\s+(?:at|@|with|for|in)\s))?"
_TITLED = re.compile(
    r"(?:[\w-]+\s+){0,3}(?:manager|director|head|ceo|cfo|cto|coo|vp|founder|co-founder|buyer|officer|"
    r"partner|president|owner|lead|coordinator|consultant|assistant|administrator|engineer)"
    rf"{_OF_A_FIELD}\s+(?:at|in|of(?!\s+{_DEPARTMENT}\b)|with|for|@)\s+(?P<company>[A-Z][\w'&.-]*(?:\s[A-Z&][\w'&.-]*){{0,3}})",
    re.I,
)
_HONORIFIC = re.compile(
    r"(?:dr|mr|mrs|ms|miss|prof|ing|herr|frau|mme|sr|sra|srta|dott|dra)\.?\s+[A-Z]", re.I
)
_TITLE_WORD = (
    r"(?:manager|director|head|ceo|cfo|cto|coo|vp|founder|co-founder|buyer|officer|partner|"
    r"president|owner|lead|coordinator|consultant|assistant|administrator|engineer|producer|"
    r"planner|supervisor|principal|agent|representative|associate|executive|secretary)"
)
_TITLE_ALONE = re.compile(rf"(?:[\w&-]+\s+){{0,3}}{_TITLE_WORD}(?:\s+of\s+[\w&-]+)?", re.I)
_AT_COMPANY = re.compile(
    rf"(?:[\w&-]+\s+){{0,3}}{_TITLE_WORD}{_OF_A_FIELD}\s+(?:at|of|with|for|@)\s+(?P<company>\S.*)",
    re.I,
)
_FROM_TOWN = re.compile(r"from\s+(?P<town>[A-ZÀ-Þ][\w'’-]+(?:\s[A-ZÀ-Þ][\w'’-]+)?)")
_PRIVATE_MAIL = re.compile(
    r"@(?:gmail|googlemail|hotmail|outlook|live|yahoo|icloud|me|aol|gmx|web|proton(?:mail)?)\.",
    re.I,
)
_AT_ALONE = re.compile(r"(?:at|from|with|@)\s+(?P<company>\S.*)", re.I)
_LOWER_PLACE = re.compile(r"[a-zà-ÿ][\w'-]*(?:\s[a-zà-ÿ][\w'-]*)?")
_NOT_PLACES = frozenset(
    "mobile email e-mail mail phone tel cell number contact details info add new lead prospect "
    "customer client account head ceo cto cfo owner".split()
)


def _a_place(part: str) -> bool:
    """Whether a part left over in a new customer's details, typed in lower case, is their town
    ("…, stockholm"), not a field's label left behind ("…, mobile +91 …") or a remark."""
    words = part.lower().split()
    return bool(_LOWER_PLACE.fullmatch(part)) and not any(
        w in _NOT_PLACES or w in _STOP or w in vocab.FIELDS for w in words
    )


def _nothing_after(part: str, message: Message) -> bool:
    at = message.typed.rfind(part)
    return not message.typed[at + len(part) :].strip(" .!")


@reads("interaction.history")
def _history(match: re.Match, message: Message) -> dict | None:
    text = message.text
    if vocab.ORDERS_ASKED.search(text):
        return None  # "order history for acme": what they bought, shown on their profile
    if said := vocab.MENTIONING.search(text):  # "contacts mentioning delivery since 1 dec"
        return {
            MENTIONING: message.typed[slice(*said.span("what"))].strip(),
            "channel": _first(vocab.HISTORY_CHANNELS, text[: said.start("what")]),
            "period": period_said(message, text[said.end("what") :]),
            "owner": owner(message, named_for=False),
        }
    channel = _first(vocab.HISTORY_CHANNELS, text)
    limit = None
    if found := re.search(
        r"\b(?:last|latest|recent|past|first)\s+(\d{1,3}|five|ten|fifteen|twenty|thirty|fifty)\b",
        text,
    ):
        limit = _number(found.group(1))
    elif found := re.search(r"\b(\d{1,3})\s+(?:most recent|latest|last)\b", text):
        limit = int(found.group(1))
    elif re.search(
        r"\b(?:last|latest)\s+(?:call|email|meeting|visit|text|note|chat|contact|interaction|"
        r"touchpoint|conversation)\b(?!s)"
        # "what did we last hear from X", "what did we talk with X last (time)": the one before
        r"|\bwhat did (?:we|i|you|[a-z]+) last\b|\b(?:with|to|from)\s+.+\s+last\W*$",
        text,
    ):
        limit = 1
    who = None
    if found := next((m for m in (p.search(text) for p in vocab.HISTORY_WHO) if m), None):
        who = _ref(message.typed[found.end() :])
    elif found := _WHOSE_HISTORY.search(text):  # "whats acme's history"
        who = _ref(message.typed[found.start("who") : found.end("who")])
    elif (found := _NAME_THEN_HISTORY.match(text)) and not set(found["who"].split()) & _NOT_NAMES:
        who = _ref(message.typed[: found.end("who")])  # "Kruger history"
    elif found := re.search(r"\b(?:history|timeline)\s+(?:of\s+)?", text):
        who = _ref(message.typed[found.end() :])
    if who and (
        who.lower() in vocab.NOT_CUSTOMERS
        or who.lower() in vocab.DATE_WORDS
        or _LOOK_LIKE.fullmatch(who)
    ):  # "whats his history look like": his, the customer just talked about; "… call today"
        who = None
    slots = {"customer": who, "channel": channel, "limit": limit}
    slots["period"] = _first(vocab.PERIODS, text)  # "what happened today": that day's contacts
    slots["owner"] = owner(message, named_for=False)
    if slots["owner"] and who and who.lower() == slots["owner"].lower():
        slots["customer"] = None
    whose = _WHOSE_FIRST.match(message.typed)
    if slots["owner"] and whose and whose["who"].split()[-1] == slots["owner"]:
        slots["customer"], slots["owner"] = whose["who"], None  # "Karoo Solar's last 3 meetings"
    return slots


_WHOSE_FIRST = re.compile(
    r"^(?!(?:show|list|see|get|give|pull|open|what|whats|all|just|only|and)\b)"
    r"(?P<who>[\w&.'-]+(?:\s+[\w&.'-]+)+?)(?:'s|’s)\s",
    re.I,
)


_WHOSE_HISTORY = re.compile(
    r"^(?:(?:what'?s|whats|show(?: me)?|get|pull up|open)\s+)?(?P<who>.+?)(?:'s|’s)\s+"
    r"(?:contact\s+)?(?:history|timeline)"
)
_NAME_THEN_HISTORY = re.compile(r"(?P<who>[\w&'. -]+?)\s+(?:contact\s+)?(?:history|timeline)\W*$")


def channel_of(text: str) -> str | None:
    """The channel a phrase names: "Phone Call" is a call, "a Teams call" a meeting."""
    for pattern, name in vocab.CHANNEL_OVERRIDES:
        if pattern.search(text):
            return name
    return _first(vocab.CHANNELS, text)


_WHAT_SENT = re.compile(
    r"^(?:the\s+|an?\s+)?(?P<what>quote|proposal|invoice|contract|deck|brochure|pricing)\s+"
    r"(?:was\s+)?(?:sent|emailed|mailed)\b",
    re.I,
)
# what a contact was held with or at, before who it was: "the meeting at", "the committee from"
_WHAT_WAS_HELD = re.compile(
    r"\s*(?:with\s+)?(?:(?:the|a|an|our)\s+(?:meeting|demo|call|visit|workshop|presentation|site visit)"
    r"\s+(?:at|with)|(?:(?:the|our)\s+)?(?:committee|board|trustees|council|directors|management|"
    r"owners|team|staff|people|folks)\s+(?:from|of|at))\s+(?:the\s+)?"
)
_SENT = re.compile(r"\b(?:e-?mailed|mailed|sent|texted|forwarded|whats ?app(?:ed)?|posted)\W*$")
# a day said after "booked … for": the meeting to come, not the contact's day or a follow-up
_BOOKED_FOR = re.compile(r"\b(?:booked|scheduled|arranged|planned|set up|confirmed|fixed)\b")
_LOGGED_WRONG = re.compile(
    r"\b(?:i|we)\s+(?:just\s+)?(?:logged|entered|recorded|put in|saved)\b.{0,80}?\b(?:but|was actually|"
    r"should have been|should be|wrong (?:customer|person|one|contact))\b"
)


def _typed_group(found: re.Match, message: Message, *names: str) -> str:
    """The words typed for the first of the match's groups that matched."""
    said = next((n for n in names if found[n]), None)  # a group that matched nothing says ""
    return message.typed[slice(*found.span(said))] if said else ""


def _log_as(said: str, found: re.Match, message: Message) -> dict | None:
    """The contact read again, with what the match said put in plainer words."""
    typed = f"{said}{message.typed[found.end() :]}"
    return read("interaction.log", replace(message, text=typed.lower(), typed=typed))


def said_before_score(summary: str | None) -> str | None:
    """A contact's own words before the NPS answer it brought: "walked him thru the replacement
    schedule, he's calmer now. gave us an 8 on nps - …" → the walk-through; None when nothing is."""
    own = _SCORE_SAID.sub("", summary or "").strip(" ,.;:-–—")
    return own if len(own.split()) >= 3 else None


_SCORE_SAID = re.compile(
    r"[\s,.;:–—-]*\b(?:(?:she|he|they)\s+(?:said\s+(?:she|he|they)(?:'d|'ll|\s+would|\s+will)\s+)?)?"
    r"(?:gave us|gave|rated|scored|nps|score|(?:now\s+)?rate us)\b.*$",
    re.I | re.S,
)


def contact_plainly(message: Message) -> str | None:
    """A contact told in an order of its own, said the usual way: "from X at Y: '…' log it as an
    email" (an e-mail from X: '…'), "X at Y: met him tuesday, …" (met X at Y tuesday, …)."""
    if wrote := vocab.WROTE_LOG_IT.match(message.text):
        who, said = (
            _typed_group(wrote, message, "who", "who2"),
            _typed_group(wrote, message, "said"),
        )
        said = _GREETED.sub(
            r"\g<quote>", _SIGNATURE_IN_QUOTE.sub(r"\g<quote>", said)
        )  # "'Hi Nadia, … Lou'"
        when = f" {wrote['when']}" if wrote["when"] else ""
        told = f"{wrote['channel'] or wrote['channel2'] or 'email'} from {who}{when}: {said}"
        if later := _FOLLOW_UP_ASKED.search(wrote["rest"]):  # "…, and remind me 8 Jan"
            told += f", follow up {later['when']}"
        return told
    if talked := _TALKED_OF_WITH.match(message.typed):  # "talked new tier w him": with him, of it
        verb, what, who = (talked[g] for g in ("verb", "what", "who"))
        return f"{verb} with {who} about {what}{message.typed[talked.end() :]}"
    if signed := vocab.SIGNED_LOG_IT.match(message.text):
        who, said, channel = (_typed_group(signed, message, g) for g in ("who", "said", "channel"))
        said = said.strip("'\"“”‘’ ")
        return f"{channel} from {who}: {said}{message.typed[signed.end() :]}"
    if sale := vocab.QUOTED_SALE.match(message.text):  # '"…, invoice me €640" -> log as a sale'
        sender = vocab.SENDER.match(message.text)
        who = (sale["who"] and _typed_group(sale, message, "who")) or (
            sender and _typed_group(sender, message, "who", "who2")
        )
        return f"sold {who}: {_typed_group(sale, message, 'said')}" if who else None
    if (logged := _LOG_IT_AND_FOLLOW_UP.search(message.typed)) and _CONTACT_TOLD.search(
        message.text[: logged.start()]
    ):  # "Just off the phone with X, …. Can you log that and put a follow up for the 16th?"
        return f"{message.typed[: logged.start()]}, follow up {message.typed[logged.end() :]}"
    if (met := _NAMED_THEN_MET.match(message.text)) and (
        name := leading_name(_typed_group(met, message, "name"))
    ):
        verb, rest = _typed_group(met, message, "verb"), message.typed[met.end() :]
        return f"{verb} {name}{rest}"
    if (told := _NEWS_THEN_MET.match(message.text)) and (
        name := leading_name(_typed_group(told, message, "name"))
    ):  # "Lerato Mokoena wants pricing on …, called her this morning"
        news, verb, when = (_typed_group(told, message, g) for g in ("news", "verb", "when"))
        return f"{verb} {name}{when}, {news}{message.typed[told.end() :]}"
    return None


_LOG_IT_AND_FOLLOW_UP = re.compile(
    r"\s*[.!?,;]*\s*(?:(?:can|could) you\s+|pls\s+|please\s+|kindly\s+)?log\s+(?:it|that|this)"
    r"(?:\s+(?:pls|please))?(?:\s*,\s*|\s+and\s+|\s+&\s+)(?:(?:put|set|add|make)\s+)?(?:an?\s+)?"
    r"(?:follow[ -]?up|f/u|fu|reminder)(?:\s+task)?\b",
    re.I,
)
# a contact told in the words before "log it": "just off the phone with", "back from", "met"
_CONTACT_TOLD = re.compile(
    r"\b(?:off the phone|on the phone|back from|(?:called|rang|phoned|emailed|met|visited|texted|"
    r"spoke|talked)\b|(?:a\s+)?(?:call|meeting|visit|chat)\s+with)",
    re.I,
)
# the greeting and the signature of a quoted message, which are no part of what it said
_GREETED = re.compile(
    r"^(?P<quote>['\"“‘])(?:(?:hi|hello|hey|dear|morning)\s+)?[A-Z][\w'’-]*\s*[-–—,:!]\s*", re.I
)
_SIGNATURE_IN_QUOTE = re.compile(r"(?<=[.!?])\s*[-–—]?\s*[A-Z][\w'’-]*\s*(?P<quote>['\"”’])$")
_FOLLOW_UP_ASKED = re.compile(
    r"\b(?:remind me|follow up|f/u|chase)\s+(?:on\s+|by\s+)?(?P<when>[^,;.!?]+?)\W*$", re.I
)
_TALKED_OF_WITH = re.compile(
    r"^(?:i\s+|we\s+|just\s+)*(?P<verb>talked|spoke|chatted|discussed)\s+(?!(?:to|with|w|about|"
    r"re|on|over|by|back|again)\b)(?P<what>[^,;.!?]+?)\s+(?:w/?|with)\s+(?P<who>[^,;.!?]+?)"
    r"(?=\s*[,;.!?]|\s+(?:too|so|and|then|today|yesterday|this)\b|\s*$)",
    re.I,
)
_NEWS_THEN_MET = re.compile(
    r"^(?P<name>[^,;:]{3,60}?)\s+(?P<news>(?:wants|needs|asked|asks|is|are|has|have|was|were|"
    r"likes|liked|agreed|said|says|loves|hates)\b[^,;]*)[,;]\s*(?P<verb>called|rang|emailed|met|"
    r"visited|texted|messaged|phoned|spoke to|saw)\s+(?:her|him|them)\b(?P<when>[^,;.]*)"
)


_NAMED_THEN_MET = re.compile(
    r"^(?P<name>[^:]{3,60}?)\s*:\s*(?P<verb>met|called|rang|phoned|emailed|visited|texted|"
    r"messaged|saw|spoke (?:to|with))\s+(?:her|him|them)\b"
)


@reads("interaction.log")
def _log(match: re.Match, message: Message) -> dict | None:
    text = message.text
    if came := vocab.CAME_IN.match(
        message.typed
    ):  # "Sr. Joaquim came in today, asked for …": a visit
        said = prepare(f"visited {came['who']}{came['rest']}", now=message.now, tz=message.tz)
        return read("interaction.log", said)
    if work := vocab.WORK_AT.match(message.typed):  # "replaced the pump at X, …": a visit to X
        what = "" if re.match(r"(?:job|work)\s", work["what"], re.I) else work["what"]
        said = f"visited {work['who']}, {what}{message.typed[work.end() :]}"
        said = prepare(said, now=message.now, tz=message.tz)
        return read("interaction.log", said)
    if _TO_CALL.match(text) and vocab.DATE.search(text):
        return None  # "call mama ngozi provisions friday abt …": a call to make, a task
    if _TASK_ASKED_FIRST.match(text):
        return None  # "create a follow-up task for each of A, B and C: call about …": to do
    if vocab.DETAIL_IS.match(text):
        return None  # "email for X is a@b.uk now": their address, not an e-mail sent
    if left := vocab.LEFT_THEM.match(text):  # "left him a vm": a voicemail for him
        who = _typed_group(left, message, "who", "who2")
        return _log_as(f"left a voicemail for {who}", left, message)
    if missed := vocab.NO_ANSWER.match(text):  # "X didnt pick up, …": a call that reached no one
        who, what = (
            _typed_group(missed, message, "who", "who2", "who3"),
            _typed_group(missed, message, "what", "what2", "what3"),
        )
        return _log_as(f"called {who}, {what}", missed, message)
    if sent := vocab.DOCUMENT_SENT.match(text):  # "björn dubois - renewal quote sent"
        who = _ref(message.typed[slice(*sent.span("who"))])
        if who and who.lower() not in vocab.NOT_CUSTOMERS:
            said = message.typed[slice(*sent.span("what"))]
            return {"customer": who, "channel": "email", "summary": said}
    if vocab.CONTACT_PLANNED.search(text) or (
        _AT_AN_HOUR.search(text) and not _HAPPENED.search(text)
    ):  # "book a call with acme for monday 10am", "meeting with him monday 2pm": still to come
        return None
    if _LOGGED_WRONG.search(text) or (
        (fix := vocab.CONTACT_SUMMARY_FIXED.search(text))
        and not vocab.CONTACT_VERB.search(text[: fix.start()])
    ):
        return None  # "i logged the X email … but it was Y", "that meeting … should say …": a fix
    if (handed := vocab.TASK_FOR.match(text)) and handed.group("who4"):
        return None  # "ask Sam to do a retention call with X by friday": Sam's task to come
    channel = _channel(text)
    rest, typed = text[match.end() :], message.typed[match.end() :]
    if there := _WHAT_WAS_HELD.match(rest):  # "just left the meeting at X", "met the board of X"
        rest, typed = " " + rest[there.end() :], " " + typed[there.end() :]
    if inbound := vocab.INBOUND.match(text):  # "acme called us about X": the customer comes first
        cut, end = inbound.start("verb"), inbound.end()
        dated = vocab.OCCURRED.match(text[end:])  # "… rang me yesterday asking about pricing"
        end += dated.end() if dated else 0
        gap = "," if _SAID_NEXT.match(text[end:]) else ""  # "… emailed me asking for …": what
        rest = text[:cut].rstrip() + text[inbound.end() : end] + gap + text[end:]
        typed = message.typed[:cut].rstrip() + message.typed[inbound.end() : end]
        typed += gap + message.typed[end:]
    if _SENT.search(match.group(0)) and (sent := vocab.SENT_TO.match(rest)):
        bare = _ONLY_A_MESSAGE.fullmatch(sent["what"])  # "sent a text to X": how, not what
        rest, typed = (  # "emailed the quote to X": X is who it went to, the quote what was said
            f" {part[sent.start('who') : sent.end('who')]}, "
            f"{'' if bare else part[sent.start('what') : sent.end('what')]}{part[sent.end() :]}"
            for part in (rest, typed)
        )
    follow_up = None
    invalid: dict[str, str] = {}
    # "promised a fix by next wk. call him back wed": a follow-up said outright wins over "by …"
    said = list(vocab.FOLLOW_UP.finditer(rest))
    reminder = vocab.REMIND_IN_LOG.search(rest) or vocab.TASK_SET_IN_LOG.search(rest)
    day = reminder and date_in(reminder.group("when"), now=message.now, tz=message.tz, future=True)
    if reminder and day:  # "…, remind me to send the quote friday": what to do stays said
        follow_up = day.isoformat()
        what = slice(reminder.start("what"), reminder.end("what"))
        kept = "" if vocab.FOLLOW_UP.fullmatch(f" {rest[what]}") else rest[what]
        rest = f"{rest[: reminder.start()]}, {kept}{rest[reminder.end() :]}"
        typed = (
            f"{typed[: reminder.start()]}, {typed[what] if kept else ''}{typed[reminder.end() :]}"
        )
    elif found := next(
        (f for f in said if f.group("when") and _FOLLOW_UP_SAID.search(f.group())),
        next((f for f in said if f.group("when")), said[0] if said else None),
    ):  # "she asked for a call next wk. follow up tuesday": the follow-up said as one wins
        when = found.group("when") or found.group("by")
        day = date_in(when, now=message.now, tz=message.tz, future=True) if when else None
        follow_up = day.isoformat() if day else None
        if when and day is None and impossible(when):
            invalid["follow_up"] = _typed_of(when, message)
        if day is not None or invalid:  # "try again in Q2": no date read, so the words stay
            wanted = slice(found.start("wanted"), found.end("wanted"))
            # "… expects to sign by 18 dec. maria is covering": the sentence still ends there
            stop = "." if re.match(r"\.\s+\S", rest[found.end() - 1 :]) else ""
            rest, typed = (
                f"{part[: found.start()]}{', ' + part[wanted] if found['wanted'] else ''}"
                f"{stop}{part[found.end() :]}"
                for part in (rest, typed)
            )
    occurred = None
    for found in vocab.OCCURRED.finditer(rest):
        when = found.group("when")
        if _IN_A_NAME.match(typed, found.start("when")):
            continue  # "met Ms. Lê Thu Hà": part of her name, not Thursday
        if _ANOTHER_DAY.search(rest[max(0, found.start("when") - 30) : found.start("when")]):
            continue  # "stuck in customs since monday", "expects release tuesday": not the contact's
        if _ASKED_OF_A_DAY.search(rest[max(0, found.start() - 60) : found.start()]):
            continue  # "she asks if we can deliver on saturday": the day asked about
        if _TO_HAPPEN.search(rest[max(0, found.start() - 60) : found.start()]):
            # "…, sending a tech on thursday": when it will happen, the day to follow up
            day = date_in(when, now=message.now, tz=message.tz, future=True)
            if day is not None and follow_up is None:
                follow_up = day.isoformat()
                rest = rest[: found.start()] + " " + rest[found.end() :]
                typed = typed[: found.start()] + " " + typed[found.end() :]
            break
        day = date_in(when, now=message.now, tz=message.tz, future=False)
        if day is not None and _long_ago(day, rest[found.start("when") : found.end() + 6], message):
            # "she proposed dec 15 at 2pm" said on 3 Dec: a day ahead, not a year back; the day
            # to follow up on, its words kept in the summary
            ahead = date_in(when, now=message.now, tz=message.tz, future=True)
            if _BOOKED_FOR.search(rest[: found.start()]) or ahead is None:
                # "booked QBR for tue 24 nov": a meeting to come, logged as no contact at all
                invalid["occurred_on"] = typed[found.start("when") : found.end("when")]
            elif follow_up is None and not _FROM_A_DAY.search(rest[: found.start()]):
                follow_up = ahead.isoformat()  # (not "… goes up 8% from 1 Jan": a price's day)
            break
        if day is not None or impossible(when):
            if day is None:
                invalid["occurred_on"] = typed[found.start("when") : found.end("when")]
            else:
                occurred = day.isoformat()
            rest = rest[: found.start()] + " " + rest[found.end() :]
            typed = typed[: found.start()] + " " + typed[found.end() :]
            break
    else:
        for found in vocab.OCCURRED.finditer(text[: match.end()]):  # "yesterday was at X"
            day = date_in(found.group("when"), now=message.now, tz=message.tz, future=False)
            if day is not None:
                occurred = day.isoformat()
                break
    ahead = _TOMORROW.search(rest)
    if (
        follow_up is None
        and ahead
        and _TO_HAPPEN.search(rest[max(0, ahead.start() - 60) : ahead.start()])
        and (day := date_in("tomorrow", now=message.now, tz=message.tz, future=True))
    ):  # "…, sending quote tmrw": what comes next, and the day to follow up
        follow_up = day.isoformat()
        rest = rest[: ahead.start()] + rest[ahead.end() :]
        typed = typed[: ahead.start()] + typed[ahead.end() :]
    if follow_up is None and (todo := _TO_DO_ON.search(rest)):
        # "…. need to send SOW next tue": what comes next, the day to follow up, not what was said
        day = date_in(todo.group("when"), now=message.now, tz=message.tz, future=True)
        if day and day > message.now.date():
            follow_up = day.isoformat()
            if not todo["need"]:  # (but "need to send SOW next tue", said of no one, is news)
                rest, typed = (part[: todo.start()] + part[todo.end() :] for part in (rest, typed))
    typed = re.sub(
        r"\s+(?:for|over) (?:a )?(?:coffee|lunch|dinner|breakfast|drinks)\b", "", typed, flags=re.I
    )
    typed = re.sub(
        r"\s+(?:on|via|over|by)\s+(?:the\s+)?(?:phone|telephone|whats ?app|telegram|slack(?: connect)?|zoom|teams|"
        r"signal|viber|wechat|messenger|instagram|linkedin|imessage|facetime|google meet|"
        r"line(?=\s*[-–—,:;]))\b"
        r"|^\s*(?:the\s+)?(?:phone|whats ?app|telegram|zoom|teams|skype|webex)\s+(?=(?:with|w/)\s)",  # "on Teams with X"
        "",
        typed,
        flags=re.I,
    )
    if occurred is None and _planned(rest) and not _HAPPENED.search(text) or _booked(text):
        return None  # "meeting w/ Priya tmrw 2pm, prep demo": a plan, not a contact that happened
    typed = _PEOPLE_OF.sub("", typed, count=1)  # "a zoom w/ the guys from X": with X
    if re.search(r"\bin\s*$", match.group(0)) or re.match(r"\s*in\s", typed):
        typed = _PLACE_THEN_WITH.sub("", typed, count=1)  # "meeting in Alta with X": with X
    who, summary = take_ref(" ".join(typed.split()))
    if who and who.lower() in vocab.NOT_CUSTOMERS:  # "…, contract signed": what, not who
        who, summary = None, f"{who} {summary}".strip()
    if not who and not summary:
        return None
    # "… - called her, intro", "emailed the price list to him": her is who, not what was said
    summary = _summary(re.sub(r"^(?:him|her|them)\s*[,;:–—-]\s*", "", summary or "", flags=re.I))
    if _VOICEMAIL.search(text) and "voicemail" not in (summary or "").lower():
        summary = f"left a voicemail{', ' + summary if summary else ''}"  # not reached
    if summary is None and (sent := _WHAT_SENT.match(message.typed)):  # "quote sent to X"
        summary = sent.group("what")
    if summary is None and match.start() > 0:  # "proposal emailed to Globex": what came first
        summary = _summary(vocab.LOG_LEAD_IN.sub("", message.typed[: match.start()]))
    return {
        "customer": who,
        "channel": channel,
        "summary": summary,
        "occurred_on": occurred,
        "follow_up": follow_up,
        "invalid": invalid or None,
    }


# what is to be done next, left at the end of a contact's summary once its day was read as the
# follow-up: "…, send contract" (by wednesday), "…. I promised to send two options" (by friday)
NEXT_STEP_AT_END = re.compile(
    r"(?:[,;]|\.(?=\s)|\s[-–—])\s*(?:(?:so\s+)?(?:i|we)(?:'ll|\s+will|\s+must|\s+need to|\s+have to|"
    r"\s+promised to|\s+said i'?d|\s+go)?\s+)?(?:(?:need|have|has|got) to\s+)?"
    r"(?:send(?:ing)?|email(?:ing)?|e-mail|mail|call|ring|confirm|quote|prepare|prep|write|draft|share|"
    r"invoice|deliver|ship|book|schedule|arrange|get|chase|courier|post|drop off|bring)\b[^,;.!?]{0,50}"
    r"$|(?:[,;]|\.(?=\s)|\s[-–—])\s*(?:the\s+|a\s+|an\s+)?(?:proposal|quote|offer|decision|contract|"
    r"invoice|estimate|samples?|price list|prices|pricing|deposit|answer|reply|po)"
    r"(?:\s+(?:to be sent|due|needed|expected|wanted))?\s*$",
    re.I,
)
_FOLLOW_UP_SAID = re.compile(r"\b(?:follow(?:ing)? up|chase|check back|circle back)\b")
_PEOPLE_OF = re.compile(
    r"(?<=\s)(?:the\s+)?(?:guys|team|folks|people|lads|crew)\s+(?:from|at|of|@)\s+(?=[A-Z])"
)
# where a meeting was, said before whom it was with
_PLACE_THEN_WITH = re.compile(
    r"^\s*(?:in\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s*,?\s+(?=(?:with|w/)\s+\S)"
)
_TO_HAPPEN = re.compile(
    r"\b(?:sending|will|going to|gonna|planning|plan to|coming|arriving|going out|goes out|due out|"
    r"delivering|shipping|installing|starting|starts|kicking off|signing|signs)\b[^,;.!?]*$"
    r"|'ll\b[^,;.!?]*$"
    # "confirmed install sat", "he wants the nets delivered sat": the day of what is to come
    r"|\b(?:wants?|needs?|confirmed|booked|scheduled|planned|agreed)\b[^,;.!?]*\b(?:install(?:ation)?|"
    r"deliver(?:y|ed)?|ship(?:ped|ping)?|fitting|go[- ]live|kick-?off|handover)\b[^,;.!?]*$"
    r"|(?:^|[,;.]\s*|\band\s+)(?:(?:i|we)\s+)?(?:(?:need to|have to|must|should|gotta|will)\s+)?"
    r"(?:send|get|prepare|prep|write|draft|share|mail|"
    r"bring|book|schedule|arrange|organise|organize|do|return|call|visit|come back|go back|"
    r"head back|pop back|swap|replace|fix|repair|deliver|install|quote|invoice|ship|drop off|"
    r"pick up|collect|chase|confirm|pass by|ring|phone|email|e-mail)\s[^,;.!?]*$"
    # ", send deck fri", ", I send them on Monday": a to-do's day
)


_MUST = r"(?:need to|needs to|have to|has to|must|should|gotta|got to|going to|plan to|will)"
_TO_DO_ON = re.compile(  # "…. need to send SOW next tue", ", I send it on friday", ". Chase it Fri"
    r"(?:(?:^|[,;.]\s*|\band\s+)(?:(?:i|we)(?:'ll|'d)?\s+(?:said\s+i'?d\s+|promised\s+to\s+)?"
    rf"(?:{_MUST}\s+)?|(?P<need>{_MUST})\s+)|[.;]\s+|\s[-–—]\s+)(?:send|call|email|ping|chase|follow up|"
    r"share|prepare|prep|book|schedule|arrange|visit|meet|check|get back|swap|replace|fix|deliver|"
    r"install|quote|invoice)\b[^,;.]*?\s"
    rf"(?P<when>{vocab.DATE_PHRASE})(?=[,;.!?]|\s|$)"
)


def _long_ago(day: date, said: str, message: Message) -> bool:
    """A day and month said without a year that fall most of a year back: no contact told today
    is meant so."""
    return (message.now.date() - day).days > 300 and not re.search(r"\d{4}|'\d{2}\b", said)


_VOICEMAIL = re.compile(r"\b(?:left (?:a |her |him |them )?(?:voicemail|message)|voicemail left)\b")
_PLANNED = re.compile(  # "promised a fix by next week" is no plan to meet
    r"(?<!\bby )(?<!\bbefore )(?<!\buntil )(?<!\btill )\b(?:tomorrow|tonight|later today|next (?:week|month)|this (?:afternoon|evening)|"
    rf"next {vocab.WEEKDAY}|(?:on\s+)?{vocab.WEEKDAY}\s+(?:at\s+)?\d{{1,2}}(?::\d{{2}})?\s*(?:am|pm))\b"
)  # "meeting with him monday 2pm": a weekday with its hour is a time still to come
_AT_AN_HOUR = re.compile(
    rf"\b(?:{vocab.WEEKDAY}|tomorrow|tmrw)\s+(?:at\s+)?\d{{1,2}}(?::\d{{2}})?\s*(?:am|pm)\b"
)
_BOOKED = re.compile(r"\b(?:booked|scheduled|arranged|set up|put in)\b")
_TOMORROW = re.compile(r"\s+tomorrow\b")


def _planned(rest: str) -> bool:
    """A day still to come said of the contact itself ("meeting w/ Priya tmrw 2pm", "meeting
    with X, tomorrow 10am"), not of what follows it ("…, sending the quote tmrw")."""
    first, *later = re.split(r"\s*[,;.]\s*|\s[-–—]\s", rest.strip())
    return bool(_PLANNED.search(first) or any(_PLANNED.match(clause) for clause in later))


_HAPPENED = re.compile(
    r"\b(?:called|rang|phoned|emailed|e-mailed|texted|met|had|spoke|talked|visited|sent|left|"
    r"messaged|whatsapp(?:ed|'d)|pinged|slacked|dm'?d|skyped|zoomed|saw|chased|tried|"
    r"chatted|caught up|dropped by|got|was|were|went|did)\b|^(?:please |pls )?(?:log|record|note)\b"
)


def _channel(text: str) -> str | None:
    """How a contact was made: a call when people spoke without saying how, else a note."""
    if _NOTED.match(text):
        return "note"  # "note on kenji: prefers whatsapp": a note about how to reach him
    if (spoke := _SPOKE_FIRST.match(text)) and channel_of(spoke.group()) is None:
        return "call"  # "spoke to hugo, happy to book the qbr in feb": the qbr is still to come
    if (channel := channel_of(_WANTED.sub("", _PREFERRED.sub("", text)))) is not None:
        return channel
    if _SENT_DOCUMENT.match(text):
        return "email"  # "sent hannah the renewal quote"
    return "call" if vocab.SPOKE.search(text) else "note"


# a contact told as spoken, up to the first pause: the channel, if any, is said there
_SPOKE_FIRST = re.compile(r"^\W*(?:(?:i|we|just)\s+)*(?:spoke|talked)\s+(?:to|with)\b[^,;.!?]*")
# what the customer wants next names no channel of the contact had ("…, wants a demo")
_WANTED = re.compile(
    r"\b(?:wants?|wanted|would like|asked for|asks for|needs?|keen on|interested in)\s+(?:a|an|another)"
    r"\s+(?:[\w-]+\s+)?(?:demo|meeting|call|visit|zoom|lunch|coffee)\b"
)


_TASK_ASKED_FIRST = re.compile(
    r"^\W*(?:(?:please|pls|can you|could you)\s+)?(?:create|add|set(?: up)?|make|new|give)\s+"
    r"(?:me\s+|him\s+|her\s+|them\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:tasks?|reminders?|to-?dos?)\b"
)
_TO_CALL = re.compile(
    r"^(?:call|ring|phone|visit)\s+(?!(?:back|with|w/|from|to|at|re|about|log|logged|notes?|summary|"
    r"today|yesterday|went|was|is|done|scheduled|booked|set|sent|call)\b)"
    r"(?!.*\b(?:called|rang|spoke|yesterday|today|this morning|earlier|just|checked|inspected|"
    r"fixed|replaced|installed|delivered|showed|demoed|told|went|had|was|were)\b)"
)
_SENT_DOCUMENT = re.compile(r"^(?:just\s+)?sent\b")
# what a customer said, after who got in touch: "… emailed me asking for …", not "… about …"
_SAID_NEXT = re.compile(r"\s+(?!(?:about|re|regarding|to|from|for|on|at|with|and)\b)\w")
# a note said as one, unless it goes on to tell of a contact ("note: called jane …")
_NOTED = re.compile(
    r"^(?:please\s+|pls\s+)?(?:(?:add|make|put|leave|log|record)\s+(?:a\s+)?)?(?:quick\s+)?"
    r"note\b(?:\s+(?:on|for|about|re|to)\b)?(?![^:,;-]*[:,;-]\s*(?:i\s+|we\s+)?(?:called|rang|"
    r"phoned|emailed|met|spoke|talked|visited|texted|whatsapped)\b)"
)
# how a customer likes to be reached is no contact made that way: "prefers whatsapp"
_PREFERRED = re.compile(
    r"\b(?:prefers?|preferred|likes|rather|best (?:by|via|on)|only)\s+(?:to\s+be\s+contacted\s+)?"
    r"(?:by\s+|via\s+|on\s+)?(?:whats ?app|e-?mail|phone|calls?|texts?|sms|teams|zoom|slack)\b"
)


def _booked(text: str) -> bool:
    """ "booked a qbr with X for the 14th": a meeting to come, not a contact that happened (but
    "mtg w emma, booked a QBR for the 14th" is a meeting had, where the next one was booked)."""
    opening = re.split(r"[,;.]\s|\s[-–—]\s", text, maxsplit=1)[0]
    return bool(_BOOKED.search(opening)) and not _HAPPENED.search(text)


def _log_loosely(match: re.Match, message: Message) -> dict | None:
    """A contact told without a leading verb: read from its contact word on."""
    if vocab.CAME_IN.match(message.typed):
        return _log(match, message)  # "Sr. Joaquim came in today, …": a visit
    found = vocab.CONTACT_ANYWHERE.search(message.text)
    if found is None or _booked(message.text) or vocab.CONTACT_PLANNED.search(message.text):
        return None
    before = vocab.LOG_LEAD_IN.sub("", message.typed[: found.start()]).strip(" ,;:-–—")
    before = vocab.OCCURRED.sub(" ", before).strip(" ,;:-–—")
    who = _ref(before) if before else None
    if who and who.lower() in vocab.NOT_CUSTOMERS:
        who = None
    by_means = _BY_MEANS.search(message.text[: found.start()])
    slots = None if who and by_means else _log(found, message)
    if slots is None and who:  # "mateo lefevre - sent him a revised proposal by email today"
        slots = _log_after_name(who, message)
    same = (
        slots is not None and (slots.get("customer") or "").lower() == who.lower() if who else False
    )
    if (
        slots is not None
        and who
        and not same
        and (slots.get("customer") is None or not found.group("prep"))
    ):
        if slots.get("customer") and slots.get("summary") is None:
            slots["summary"] = None
        elif slots.get("customer"):
            slots["summary"] = _summary(message.typed[found.end() :]) or slots.get("summary")
        slots["customer"] = who
    return slots


# who signed what they wrote: the name a quoted request ends with
_SIGNED_QUOTE = re.compile(
    r"[\"“][^\"”]*?[.!,]\s+(?:(?:kind\s+)?regards|thanks|best|cheers|sincerely)?,?\s*"
    r"(?P<who>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,2})\.?[\"”]"
)
QUOTED_NAME = re.compile(r"['\"“‘](?P<name>[^'\"“”‘’]{2,})['\"”’]")  # "rename 48 to 'call back'"
_AND_LINKED = re.compile(
    r"\s*,?\s+(?:and\s+)?(?:link|attach|tie|connect)\s+it\s+(?:to|with)\s+(?P<who>.+?)"
    r"(?:\s+(?:there|too|as well|pls|please))*\W*$",
    re.I,
)
_AND_DUE = re.compile(
    r"['\"”’]?\s*,?\s+and\s+(?:make|set|move|change|put)\s+it\s+(?:due\s+|to\s+|for\s+)?(?P<when>.+)$",
    re.I,
)
_CLOSE_TO = re.compile(
    r"\b(?:close|closer|closing)\s+(?:to|in on)\b|\bclos(?:e|ing) (?:the|a) deal\b"
)
_BY_MEANS = re.compile(r"\b(?:by|via|over|per|on)\s+(?:the\s+)?$")  # "sent the quote by email"


def _log_after_name(who: str, message: Message) -> dict[str, Any]:
    """A contact told as the customer's name and then what happened: the rest is the summary."""
    typed = message.typed
    rest = (
        typed[typed.lower().find(who.lower()) + len(who) :] if who.lower() in typed.lower() else ""
    )
    occurred = None
    if found := vocab.OCCURRED.search(rest):
        if day := date_in(found.group("when"), now=message.now, tz=message.tz, future=False):
            occurred = day.isoformat()
            rest = rest[: found.start()] + rest[found.end() :]
    rest = re.sub(
        r"\s+(?:by|via|over|on)\s+(?:the\s+)?(?:e-?mail|phone|text|whats ?app)\b", "", rest
    )
    follow_up = None  # "Kramer visit fu fri": when to go back
    if (asked := vocab.FOLLOW_UP.search(rest)) and (when := asked["when"] or asked["by"]):
        if day := date_in(when, now=message.now, tz=message.tz, future=True):
            follow_up, rest = day.isoformat(), rest[: asked.start()]
    return {
        "customer": who,
        "channel": _channel(message.text),
        "summary": _summary(_CHANNEL_SAID.sub("", rest)),
        "occurred_on": occurred,
        "follow_up": follow_up,
    }


_CHANNEL_SAID = re.compile(  # "acme call, fu monday": the kind of contact, no summary
    r"^[\s,:;–—-]*(?:call|visit|meeting|e-?mail|text|chat|note|vm|voicemail)\b[\s,.;:–—-]*", re.I
)


FALLBACKS["interaction.log"] = _log_loosely


_FROM_THE_CRM = re.compile(
    r"\s+(?:from|out of|off)\s+(?:the\s+|our\s+)?(?:crm|system|database|db|records?|list)\b", re.I
)


_TAG_TAKEN_OFF = re.compile(
    r"^(?:(?:please|pls|can you|and|also)\s+)*(?:remove|drop|take|strip|clear|delete)\s+(?:the\s+)?"
    r"(?:['\"#]?[\w-]+['\"]?\s+tag|tag\s+['\"#]?[\w-]+['\"]?)\s+(?:off\s+)?(?:from|of|off|on)\b"
)


_BINNED = re.compile(
    r"\b(?:delete|del|rm|remove|trash|drop|get rid of|archive|bin|binned|scrap|nuke|deleted|"
    r"removed|take\s+\S+(?:\s+\S+){0,4}\s+out|purge|junk|dupe|duplicate|"
    r"b[oó]rr(?:alo|ala|ar)|l[oö]sch(?:e|en)|supprime[rz]?|elimina(?:r|lo|la)?)\b"
)
_CALLED = re.compile(
    r"^\s*(?:(?:the\s+)?(?:customer|client|contact|account|lead|record|one|entry)\s+)?(?:called|named)\s+",
    re.I,
)
_BECAUSE_DUPLICATE = re.compile(
    r"\s+(?:(?:as|since|because)\s+)?(?:it|that|this|he|she|they)(?:'s|’s| was| is| are| were)\s+"
    r"(?:a |an |just a )?(?:duplicate|dupe|double|copy|test|mistake|typo|spam|junk)\b.*$",
    re.I,
)


@reads("customer.delete")
def _delete(match: re.Match, message: Message) -> dict | None:
    if not match.group() and not _BINNED.search(message.text):
        return None  # chosen by the model alone, with no word that deletes anything
    if vocab.TASK_DROPPED.match(message.text):
        return None  # "delete his chase task": a task, never a customer
    if vocab.ENTRY_REMOVED.search(message.text):
        return None  # "delete the $4,500 Analytics Pro order on X": the order, never X
    if vocab.INTEREST_DROPPED.match(message.text):
        return None  # "remove hardware from her interests": an interest, never a customer
    if _TAG_TAKEN_OFF.search(message.text):
        return None  # "remove the stale-lead tag from her as well": the tag, never the customer
    if _OFF_MY_BOOK.search(message.text):
        return None  # "remove X from my book, Bianca's taking them over": handed over, not binned
    message = named_then_pointed(message) or message  # "X isn't a customer any more, delete her"
    if twice := vocab.TWICE.search(message.typed):  # "created Greenleaf twice, delete one"
        return {"customer": _ref(twice.group("who"))}
    if taken := vocab.TAKEN_OUT.match(message.text):  # "take X out of the crm"
        return {"customer": _ref(message.typed[taken.start("who") : taken.end("who")])}
    if named := _NAME_WITH_NUMBER.match(message.typed) or _NAME_CAPITALISED.match(message.typed):
        return {"customer": named["who"]}  # "delete Test Customer 123, …", "delete Test Customer"
    if old := _OLD_ONE.search(message.typed):  # "…, delete old one Serik Abenov from CRM"
        return {"customer": _ref(old["who"])}
    if quoted := _QUOTED_ONE.search(message.typed):  # "delete the customer 'Test Bride' that …"
        return {"customer": quoted["who"]}
    typed = vocab.DELETE_WORDS.sub("", message.typed, count=1)
    typed = _FROM_THE_CRM.sub("", typed)  # "pls remove pieter de vries from crm"
    typed = re.sub(r"^(.+?)\s+one\b(?=\s*(?:[,;.]|$))", r"\1", typed)  # "that asdf test one"
    typed = _CALLED.sub("", typed)  # "the customer called brook farm pottery it was a duplicate"
    typed = _RECORD_OF.sub("", typed)  # "the customer record for harbour lights chandlery; …"
    typed = _JUNK_KIND.sub("", typed)  # "the fake signup fatima nakamura …": fatima nakamura
    typed = _BECAUSE_DUPLICATE.sub("", typed)
    who = _ref(typed)
    if not who or who.lower() in vocab.NOT_CUSTOMERS:
        return None
    return {"customer": who}


_JUNK_KIND = re.compile(
    r"^\s*(?:the\s+|that\s+|this\s+)?(?:fake|test|spam|junk|bogus|dummy|duplicate|dupe)\s+"
    r"(?:signup|sign-up|lead|contact|account|entry|record|customer)\s+",
    re.I,
)
_RECORD_OF = re.compile(
    r"^\s*(?:the\s+)?(?:(?:customer|client|contact|account)\s+)?(?:record|entry|profile|file|card)\s+"
    r"(?:for|of)\s+",
    re.I,
)
_QUOTED_TASK = re.compile(r"^(?:(?:add|new|create)\s+)?[\"“'‘](?P<what>[^\"”'’]+)[\"”'’]")
_SENT_TO = re.compile(r"^\S+(?:\s+\S+){0,2}\s+to\s+(?=[A-Z#])")
_OLD_ONE = re.compile(
    r"\b(?:delete|remove)\s+(?:the\s+)?old\s+(?:one|contact|person)\s*,?\s+(?P<who>[A-Za-z][\w .'-]+?)"
    r"(?=\s+from\b|\s*[,;.]|$)"
)
_OFF_MY_BOOK = re.compile(
    r"\b(?:from|off|out of)\s+(?:my|his|her|their|\w+'s)\s+(?:book|list|accounts|patch|portfolio)\b"
)
_QUOTED_ONE = re.compile(
    r"\b(?:delete|remove|bin)\s+(?:the\s+)?(?:customer|client|contact|lead|account|record)\s+"
    r"['\"‘“](?P<who>[^'\"’”]{2,60})['\"’”]",
    re.I,
)
_NAME_CAPITALISED = re.compile(
    r"^(?:please |pls )?(?:delete|remove|bin)\s+(?P<who>[A-Z][\w'.&-]*(?:\s+(?:[A-Z][\w'.&-]*|&)){1,5})"
    r"(?=\s*(?:[,;.!]|$))"
)
_NAME_WITH_NUMBER = re.compile(
    r"^(?:please |pls )?(?:delete|remove|bin)\s+(?P<who>[A-Za-z][\w'.-]*(?:\s+[A-Za-z][\w'.-]*){0,3}"
    r"\s+\d{1,6})(?=\s*(?:[,;.!]|$))"
)


@reads("interaction.delete")
def _contact_removed(match: re.Match, message: Message) -> dict | None:
    said = match.groupdict().get("contact")
    if not said:
        return None
    channel = None if re.search(r"contact|entry", said) else said.split()[-1]
    return {**_entry_removed(match, message), "channel": channel and channel_of(channel)}


@reads("purchase.delete")
def _sale_removed(match: re.Match, message: Message) -> dict | None:
    return _entry_removed(match, message) if match.groupdict().get("sale") else None


def _entry_removed(match: re.Match, message: Message) -> dict[str, Any]:
    """Whose entry, and of which day: "… the call with Hugo Silva (Maple Foods) from today"."""
    rest = message.typed[match.end() :]
    said = f"{match.group('when')} {rest}".lower()
    day = re.search(r"\b(today|yesterday)\b|\bthis (?:morning|afternoon|evening)\b", said)
    occurred = day and date_in(
        day.group(1) or "today", now=message.now, tz=message.tz, future=False
    )
    day_words: set[str] = set()
    if not occurred and (dated := _ENTRY_DAY.search(said)):  # "… from 30 nov", "monday's sale"
        occurred = date_in(dated["when"], now=message.now, tz=message.tz, future=False)
        if dated.start() >= len(said) - len(rest):  # said after the entry: "… from 30 nov"
            rest = rest[: max(0, dated.start() - len(said) + len(rest))]
        else:  # "the 4 aug meeting with her": which entry, not whose
            day_words = set(dated["when"].split())
    who = re.match(
        r"\s*(?:(?:of|for)\s+(?P<what>\w+(?:\s+(?!(?:to|with|for|from|on)\b)\w+){0,3})\s+)?"
        r"(?:(?:logged|made|sent|had)\s+)?(?:with|to|for|from|on|of|w/)\s+(?P<who>[^,;.!?]+?)"
        r"(?=\s+(?:today|yesterday|earlier|this\s+\w+|it\s+was|pls|please|that|which)\b|\s*(?:[,;.!?]|$))",
        rest,
        re.I,
    )
    named = [  # "the daniel okafor email": whose, said before the word for it
        w
        for w in message.typed[match.start("when") : match.end("when")].split()
        if w.lower().strip("'s") not in _NOT_SOLD | _CONTACT_KINDS | day_words
    ]
    slots = {
        "customer": _ref(who.group("who")) if who else None,
        "occurred_on": occurred.isoformat() if occurred else None,
    }
    if not slots["customer"] and named and match.groupdict().get("contact"):
        slots["customer"] = " ".join(named)
    if match.groupdict().get("sale"):  # "the $3,400 sale", "the annual IBC contract sale"
        before = message.typed[match.start("when") : match.end("when")]
        if money := re.search(r"[$€£]?\d[\d,.]*\s?[km]?", before):
            slots["amount"] = (amount(money.group()) or (None,))[0]
            before = before[: money.start()] + before[money.end() :]
        words = [w for w in before.split() if w.lower().strip("'s") not in _NOT_SOLD]
        said = " ".join(words) or (who.group("what") if who and who.group("what") else "")
        slots["product"] = said or None
    return slots


_CONTACT_KINDS = frozenset("call email e-mail meeting visit note text chat sms phone".split())
# the words before "sale" that say which entry, not what was sold
_NOT_SOLD = frozenset(
    "the that this my our last latest today yesterday this morning afternoon evening wrong "
    "duplicate empty blank extra second double accidental mistaken test junk bogus stray bad old "
    "first logged just i".split()
)


_ENTRY_DAY = re.compile(
    rf"(?:\b(?:from|on|of|dated)\s+|^(?:the\s+|that\s+|my\s+)?)(?P<when>(?:last\s+)?{vocab.WEEKDAY}|\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?{vocab.MONTH}|{vocab.MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)(?:'s)?(?=\W|$)"
)
OLD_CHANNEL = "old_channel"  # the kind of contact being put right (not in the contract's frame)
MOVED_TO = "moved_to"  # the customer a contact logged on the wrong one belongs to (ditto)


@reads("interaction.update")
def _contact_fixed(match: re.Match, message: Message) -> dict | None:
    """ "sory it was a call not an email", "change the last contact with hannah jensen from email
    to call", "oops that call was actually yesterday": what the latest contact should say."""
    if (moved := vocab.CONTACT_MOVED.search(message.text)) and not date_in(
        moved["new"], now=message.now, tz=message.tz, future=True
    ):  # "today's meeting with kenji was actually with hugo novak": moved to Hugo
        return {
            "customer": _ref(message.typed[slice(*moved.span("old"))]),
            OLD_CHANNEL: channel_of(moved["kind"]),
            MOVED_TO: message.typed[slice(*moved.span("new"))],
        }
    if said := vocab.CONTACT_SUMMARY_FIXED.search(message.text):
        return _summary_fixed(said, message)
    slots: dict[str, Any] = {"customer": _entry_customer(message.typed[match.start() :])}
    if kind := vocab.CONTACT_KIND_FIXED.search(message.text):
        new, old = (
            next(kind[g] for g in (f"{w}", f"{w}2", f"{w}3", f"{w}4") if kind[g])
            for w in ("new", "old")
        )
        slots["channel"], slots[OLD_CHANNEL] = channel_of(new), channel_of(old)
    if fixed := vocab.CONTACT_DAY_FIXED.search(message.text):
        when = next(fixed[g] for g in ("when", "when2", "when3", "when4") if fixed[g])
        day = date_in(when, now=message.now, tz=message.tz, future=False)
        if day is None:
            return None
        slots["occurred_on"] = day.isoformat()
        which = fixed.group("which") or fixed.group("which2") or fixed.group("which3")
        if which and which not in ("contact", "interaction"):
            slots.setdefault(OLD_CHANNEL, channel_of(which))
    return slots if slots.keys() & {"channel", "occurred_on"} else None


def _summary_fixed(said: re.Match, message: Message) -> dict[str, Any]:
    """The words a contact logged should have had, whose contact it is and of which kind, said
    before them."""
    group = next(g for g in ("said", "said2", "said3", "said4") if said[g])
    before = re.sub(r"(?:\s+to)?[\s:]*$", "", message.typed[: said.start(group)])
    before = _SHOULD_SAY.sub("", before)  # "that meeting with jane should say …": jane
    before = _CHANGE_THE_SUMMARY.sub("", before)  # "the email to jane just now - change …"
    theirs = _THEIR_NOTE.search(before)  # "jane's note should just say …": jane's latest
    slots: dict[str, Any] = {
        "customer": theirs["who"] if theirs else _entry_customer(before),
        "summary": message.typed[said.start(group) :].strip(" \"'“”‘’"),
    }
    if not theirs and (kind := re.search(rf"\b{vocab._CHANNEL_WORD}\b", before, re.I)):
        slots[OLD_CHANNEL] = channel_of(kind.group().lower())
    return slots


_CHANGE_THE_SUMMARY = re.compile(
    r"(?:\s+(?:just now|earlier|today|this morning))?[\s,;:–—-]*(?:(?:pls|please)\s+)?(?:change|fix|"
    r"correct|update|replace|set)(?:\s+(?:the|its)\s+|\s+)(?:summary|notes?|text)$",
    re.I,
)
_THEIR_NOTE = re.compile(
    r"(?:^|[.!?;,]\s*)(?P<who>[\w#&-]+(?:\s+[\w#&-]+){0,2}?)(?:'s|’s)\s+(?:last\s+|latest\s+)?"
    r"(?:note|notes|summary)$",
    re.I,
)


_EACH_WORD = r"(?:each|ea|apiece|a piece|per (?:seat|unit|licen[cs]e|piece|item|one|user))\b"


_SHOULD_SAY = re.compile(
    r"\s+(?:should|must|needs? to|ought to)(?:\s+(?:just|only))?\s+(?:say|read|be)$", re.I
)


@reads("purchase.update")
def _sale_fixed(match: re.Match, message: Message) -> dict | None:
    """ "oh wait it was 24,500 not 24000", "change the amount of that sale to 24500", "the acme
    sale was 5 seats not 3": what the latest sale should say."""
    parts = match.groupdict()
    if parts.get("day"):  # "change the date of tom martin's last sale to yesterday"
        day = date_in(parts["day"], now=message.now, tz=message.tz, future=False)
        who = message.typed[slice(*match.span("whose"))] if parts.get("whose") else None
        return {"customer": who, "occurred_on": day.isoformat()} if day else None
    news = tuple(f"new{n}" for n in ("", *range(2, 20)))
    said = next((parts[g] for g in news if parts.get(g)), None)
    if parts.get("each") and (price := amount(parts["each"])):
        return {EACH: price[0], "currency": price[1]}  # "sorry CRM Pro was 850 each"
    if not said:
        return None  # no cue of a sale put right: "change the amount" needs the new one
    each = re.search(rf"\s{_EACH_WORD}", f" {said}") or re.search(
        rf"{re.escape(said.strip())}\s*{_EACH_WORD}", message.text
    )
    if each and (price := amount(said)):
        return {EACH: price[0], "currency": price[1]}  # "sorry it was 1,250 each not 1150"
    slots: dict[str, Any] = {"customer": _entry_customer(message.typed)}
    slots[SALE_OF] = _sale_of(message.typed)  # "the crm pro sale to fatima brown": that one
    if (day := _SALE_ON.search(message.text)) and (
        sold_on := date_in(
            day["when"] or day["when2"], now=message.now, tz=message.tz, future=False
        )
    ):
        slots[SOLD_ON] = sold_on.isoformat()  # "the hugo novak sale yesterday": which sale
    was = next((parts[g] for g in ("old", "old2", "old3", "old4", "old5") if parts.get(g)), None)
    if parts.get("old6"):  # "it was 3 X for 3600 not 3300": the sum put right, not the count
        was = None
    if seats := _UNITS_SAID.fullmatch(said.strip()):
        slots["quantity"] = int(seats.group(1))
    elif (parts.get("what") or parts.get("what2") or parts.get("what3") or "").startswith(
        ("quantity", "qty", "number", "count")
    ):
        slots["quantity"] = int(re.sub(r"\D", "", said) or 0) or None
    elif value := amount(said):
        money_said = re.search(r"[$€£]|[km]\b|[a-z]{3,}", said) or value[0] >= 100
        if money_said:
            slots["amount"], slots["currency"] = value
        elif re.fullmatch(r"\d{1,3}", said.strip()) and not parts.get("what"):
            slots["quantity"] = int(said)  # "oops it was 4 not 3": not a sum anyone sells for
    if was and (figure := amount(was)):  # "… should be 5400 not 6120": the sale that says 6120
        slots[WAS] = {"amount" if "amount" in slots else "quantity": figure[0]}
    if (
        "quantity" in slots
        and "amount" not in slots
        and (
            total := _TOTAL_AFTER.search(message.text, match.start() + len(match[0].rstrip(" ,;")))
        )
        and (money := amount(total["sum"] or total["sum2"] or total["sum3"]))
    ):  # "25 seats not 50. total 13,750": both
        slots["amount"], slots["currency"] = money
        if parts.get("old6") and (figure := amount(parts["old6"])):
            slots[WAS] = {"amount": figure[0]}
    return slots if slots.keys() & {"quantity", "amount"} else None


_TOTAL_AFTER = re.compile(
    r"\b(?:total|in total|for|at|=)\s*(?:is\s+|of\s+|now\s+)?(?P<sum>[$€£]?\s?\d[\d,.]*\s?[km]?"
    r"(?:\s*(?:usd|eur|gbp|dollars|euros|pounds))?)(?!\s*(?:each|ea|per)\b)"
    # "oops it was 2 licences not 3, 1200 quid": a sum said with its currency
    r"|[,;]\s*(?:and\s+)?(?P<sum2>[$€£]\s?\d[\d,.]*\s?[km]?|(?:usd|eur|gbp|cad|aud|chf)\s?\d[\d,.]*\s?[km]?|"
    r"\d[\d,.]*\s?[km]?\s*(?:usd|eur|gbp|cad|aud|chf|dollars|euros|pounds|quid|bucks))"
    r"(?!\s*(?:each|ea|per)\b)"
    r"|[,;]\s*(?P<sum3>\d[\d,.]*\s?[km]?)\s+(?:in\s+)?(?:total|all in)\b"  # "…, 4250 total"
)


WAS = "was"  # the figure a sale put right says now, which tells which sale (not in the contract)
SOLD_ON = "sold_on"  # the day of the sale put right, ditto
SALE_OF = "sale_of"  # the words before "sale" in one put right, ditto: its product, or its buyer
_SALE_ON = re.compile(
    rf"\b(?P<when>yesterday|today|(?:last\s+)?{vocab.WEEKDAY})(?:'?s)?\s+(?:[\w-]+\s+)?"
    r"(?:sale|order|deal|purchase)\b"
    rf"|\b(?:sale|order|deal|purchase)\s+(?:of\s+|on\s+|from\s+|made\s+)?"
    rf"(?P<when2>yesterday|today|(?:last\s+)?{vocab.WEEKDAY})\b"
)


def _sale_of(typed: str) -> str | None:
    """The words that say which sale, just before the word: "the analytics pro sale", "the 3 x
    analytics pro sale", "priya dubois's analytics pro order" → "analytics pro"."""
    found = _SALE_WORD.search(typed)
    kept: list[str] = []
    for word in reversed(typed[: found.start()].split()[-4:] if found else []):
        if word.lower() in _NOT_SALE_WORDS or not word.isalpha() and not word.isalnum():
            break  # (a possessive, a count, "x" or a comma ends the name)
        kept.insert(0, word)
    return " ".join(kept) or None


_SALE_WORD = re.compile(r"\b(?:sale|order|purchase)\b", re.I)
_NOT_SALE_WORDS = frozenset(
    "the that this my his her their last latest today today's todays yesterday yesterday's "
    "yesterdays of amount "
    "total price change correct fix set make update wait oh oops sorry no actually x a an".split()
)
# "5 seats", "6 crm pro": a count of something, not a sum of money
_UNITS_SAID = re.compile(
    r"(\d+)\s*(?:seats|units|licen[cs]es|users"
    r"|\s(?!(?:usd|eur|gbp|dollars|euros|pounds|k|m|bucks|quid|total|in total|overall|all in)\b)"
    r"[a-z][\w-]*(?:\s+[\w-]+){0,3})"
)


def _entry_customer(said: str) -> str | None:
    """Whose entry it is, when the words say: "… the call with Hugo Silva …", "the acme sale …"."""
    found = re.search(
        r"\b(?:with|to|for|from|w/)\s+(?P<who>(?![$€£])(?!(?:an?|the|that|this|it|email|e-mail|call|"
        rf"meeting|visit|chat|text|today|yesterday|{vocab.MONTH}|{vocab.WEEKDAY}|\d)\b)[^,;.!?]+?)"
        r"(?=\s+(?:from|was|is|to|today|yesterday|not|"
        r"should|into)\b|\s*(?:[,;.!?]|$))"
        r"|\b(?:the|that|this)\s+(?P<who2>(?!(?:last|latest|amount|total|price|sale|order|phone|video|"
        r"zoom|teams|first|second|other|same|whole|\d+(?:st|nd|rd|th)?)\b)[\w'&.-]+"
        r"(?:\s+[\w'&.-]+)?)\s+(?:sale|order|deal|purchase|call|email|e-mail|meeting|visit|one)\b"
        r"|(?:^(?:(?:fix|change|correct|update|set|make)\s+)?|\bof\s+)"
        r"(?P<who3>[\w#&.-]+(?:\s+[\w#&.-]+){0,2}?)(?:'s|’s)\s+(?:last\s+|latest\s+)?"
        r"(?:[\w-]+\s+){0,2}?(?:sale|order|deal|purchase)\b"  # "kenji's order today should be 6"
        r"|^(?P<who4>#\d+)\s+(?:sale|order|deal|purchase)\b"  # "#178 sale of yesterday, …"
        r"|^(?![^:]*\b(?:sale|order|price|amount|total)\b)(?P<who5>[^,:;]{2,40}?)\s*:\s",
        said,
        re.I,
    )
    if found is None:
        return None
    return _ref(next(found[g] for g in ("who", "who2", "who3", "who4", "who5") if found[g]))


@reads("customer.changes")
def _changes(match: re.Match, message: Message) -> dict | None:
    """ "who moved acme to lost?": whose change, and to what, asked of the audit trail."""
    groups = {k: v for k, v in match.groupdict().items() if v}
    if "today" in groups:  # "whats changed today so far": the day's changes, the team's or one's
        by = groups.get("by2") or groups.get("by3") or groups.get("mine")
        return {"by": "me" if by == "my" else by} if by else {}
    if by := groups.get("by"):  # "what did I change this morning", "what has sam changed"
        return {
            "by": {"i": "me", "we": "team"}.get(by.lower(), message.typed[slice(*match.span("by"))])
        }
    ref = next(
        (k for k in ("ref", "ref2", "ref3", "ref4", "ref5", "ref6", "ref7") if k in groups), None
    )
    said = message.typed[slice(*match.span(ref))] if ref else ""
    slots: dict[str, Any] = {}
    if book := _BOOK_ASKED.fullmatch(said):  # "where did my leads go", "who moved sam's accounts"
        whose = (book["whose"] or "me").removesuffix("'s").removesuffix("’s").removesuffix("'")
        stage = (
            vocab.STAGES.get(book["what"].lower()) if book["what"].lower() != "customers" else None
        )
        return {"owner": "me" if whose.lower() in ("my", "our") else whose, "stage": stage}
    if asked := _FIELD_ASKED.search(said):  # "who changed acme's stage", "… omar's phone"
        said = said[: asked.start()]
        if field := vocab.FIELDS.get(asked["field"].lower()):  # not "… the acme record"
            slots["field"] = field
    pointed = said.lower() in ("her", "him", "them", "his", "their")  # "who moved her"
    who = None if pointed else _ref(said)
    if not pointed and (not who or who.lower() in vocab.NOT_CUSTOMERS):
        return None
    verb = (groups.get("verb") or groups.get("verb2") or groups.get("verb3") or "").lower()
    rest = groups.get("rest", "")
    if verb.startswith(("delet", "remov", "bin", "restor", "undelet", "recover", "brought")):
        slots["action"] = "delete"
    elif verb.startswith(("gave", "give", "given", "hand", "assign", "reassign", "transfer")):
        slots["field"] = "owner"
    elif vocab.STAGES.get(rest.strip(" ?!.").removeprefix("as ").removeprefix("to ").strip()):
        slots["field"] = "stage"  # "… to lost", "… marked as won"
    elif "ref7" in groups or re.match(
        r"\s+(?:back\s+)?to\s+(?:lead|qualified|proposal|customer|lost|won)", rest
    ):
        slots["field"] = "stage"
    return {"customer": who, **slots}


_BOOK_ASKED = re.compile(
    r"(?:all\s+)?(?:my|our|(?P<whose>[\w-]+(?:'s|’s|s')))\s+(?:[\w-]+\s+)?"
    r"(?P<what>leads|customers|accounts|clients|deals|prospects)",
    re.I,
)
_FIELD_ASKED = re.compile(rf"(?:'s|’s)?\s+(?P<field>{_ASKED_FIELDS})$", re.I)


@reads("customer.restore")
def _restore(match: re.Match, message: Message) -> dict | None:
    if _CHANGE_TAKEN_BACK.search(message.text):
        return None  # "ignore that last change I made, put it back": undone, whatever it was
    if vocab.BIN_LISTING.search(message.text):
        return {}  # no one named: the handler lists the bin
    if taken := vocab.TAKEN_OUT_OF_IT.search(message.typed):  # "take X back out of that, …"
        return {"customer": _ref(taken["who"])}
    if found := re.search(
        r"\b(?:(?:restore|undelete|bring back|un-?delete) (?:her|him|them|it)"
        r"|(?:bring|put) (?:her|him|them|it) back)\b",
        message.text,
    ):
        if _SPEAKER.search(message.text[: found.start()]):
            return {"customer": None}  # "jordan says it's real, bring him back": him, not Jordan
        opening = _OOPS.sub("", message.typed[: found.start()])
        if _WRONG_ONE.fullmatch(opening):
            return {"customer": None}  # "oops wrong one, restore him": him, just talked about
        return {"customer": leading_name(opening)}  # "oops, X … restore her"
    if found := re.search(r"\b(?:bring|put)\s+(.+?)\s+back\b", message.text):  # "bring X back"
        return {"customer": _ref(message.typed[found.start(1) : found.end(1)])}
    said = vocab.RESTORE_WORDS.sub("", message.typed, count=1).strip(" .!?")
    who = f"#{said}" if said.isdigit() else _ref(said)  # "restore 78": the bin's numbers
    return {"customer": who if who and who.lower() not in vocab.NOT_CUSTOMERS else None}


_CHANGE_TAKEN_BACK = re.compile(
    r"\b(?:last|that|this|the|my)\s+(?:change|edit|update|bulk change)\b|\bchange i (?:just )?made\b"
)
_WRONG_ONE = re.compile(
    r"\W*(?:(?:that was |i deleted )?(?:the )?wrong (?:one|guy|customer|person)\W*)?", re.I
)


_MANY_CUSTOMERS = re.compile(r"\b(?:customers|clients|accounts|leads)\b")
_AS_A_FILE = re.compile(
    r"\b(?:to|as|in|into)\s+(?:an?\s+)?(?:csv|excel|xlsx|spreadsheet|sheet|file)\b"
)


@reads("customer.bulk_update")
def _bulk(match: re.Match, message: Message) -> dict | None:
    """A selection (as `segment.list` reads it) and what to do to it: a field and value, or delete."""
    slots: dict[str, Any] = {}
    text, typed = message.text, message.typed
    if vocab.ERASURE_ASKED.search(text):
        return None  # "X wants that we delete all his data": one customer's data erased
    if (off := _THE_TAG_OFF.match(typed)) and not _MANY_NAMED.search(off["who"]):
        return None  # "remove that tag from emma nguyen": her tag, no one deleted
    if lead := REASON_FIRST.match(text):  # "Jordan will focus on enterprise, so move all …"
        text = " " * lead.end() + text[lead.end() :]
        typed = " " * lead.end() + typed[lead.end() :]
    for tail in (vocab.REASON_TAIL, vocab.POLITE_TAIL):  # "…, they're dead weight", "… pls"
        if found := tail.search(text):
            text, typed = text[: found.start()], typed[: found.start()]
    if judged := _JUDGED.search(text):  # "the never contacted ones … are junk, delete them"
        text, typed = _erased(text, judged.span()), _erased(typed, judged.span())
    for pattern, target in vocab.BULK_TARGET:
        found = pattern.search(text)
        if not found:
            continue
        if target == "delete":
            slots["action"] = "delete"
        elif target == "untag":
            slots["action"] = "untag"
            slots["value"] = _untagged(found)
            text = " " * found.end() + text[found.end() :]
            typed = " " * found.end() + typed[found.end() :]
        else:
            value = typed[found.start("value") : found.end("value")].strip(" .!?")
            cut = found.start("cut") if found.groupdict().get("cut") else found.start()
            name = (
                vocab.FIELDS.get(found.group("field"), found.group("field"))
                if target == "field"
                else target
            )
            if name == "owner" and value.lower() in vocab.STAGES:
                name = "stage"  # "move all the qualified leads … to proposal, we sent …"
            if name == "owner" and value.lower() in ("delete", "del", "bin", "trash", "remove"):
                slots["action"] = "delete"  # "all customers tagged 'feria2025' … → delete"
                break
            if name == "owner" and re.fullmatch(r"me\s+personally|myself|my|mine", value, re.I):
                value = "me"  # "… to me personally", "put all customers of X under my name"
            if name == "stage":
                value = vocab.STAGES.get(value.lower(), value.lower())
            if name == "owner" and value.lower() in ("date", "now", "today"):
                return None  # "sam's leads to date": so far, not to someone
            slots["field"], slots["value"] = name, value
            text, typed = (
                text[:cut] + " " + text[found.end() :],
                typed[:cut] + " " + typed[found.end() :],
            )
        break
    if not slots or _AS_A_FILE.search(
        message.text
    ):  # a selection with nothing to do to it is a list
        return None  # ("all of Jordan's leads"), and so is one asked for as a file
    if verb := vocab.BULK_VERB.match(text):
        text, typed = " " * verb.end() + text[verb.end() :], " " * verb.end() + typed[verb.end() :]
    if numbered := _NUMBERED_CUSTOMERS.fullmatch(text):  # "#169, #49 and #177 tag win-back"
        return {CUSTOMERS: re.findall(r"#\d+", numbered.group()), **slots}
    selection = _segment(match, Message(text, typed, message.now, message.tz, message.corrected))
    selection = {k: v for k, v in selection.items() if k not in ("sort", "limit")}
    unread = _place_before_nouns(selection, text, typed)
    if selection.get("owner") in (None, "team") and any(
        w.casefold() in vocab.WHOSE for w in unread
    ):
        if opener := _OPENER.match(message.text):  # "Jordan's got …", "Mehmet leaves us …, all his"
            selection["owner"] = message.typed[opener.start(1) : opener.end(1)]
    if (
        selection.get("owner") in (None, "team")  # "move everyone in Durban from Sipho to Lerato"
        and slots.get("field") == "owner"
        and (giver := re.search(r"\bfrom ([^\W\d_][\w-]*)\s*$", text.rstrip()))
    ):  # "reassign every customer in Bristol from Marco to me": Marco's customers
        selection["owner"] = message.typed[giver.start(1) : giver.end(1)]
        if str(selection.get("city", "")).casefold() == selection["owner"].casefold():
            del selection["city"]  # "from Carlos to Ana": whose they are, not a town
    if selection.get("owner"):  # "Sam hasn't touched his Munich accounts": his is Sam's
        unread = [w for w in unread if w.casefold() not in vocab.WHOSE]
    quantified = re.search(r"\b(?:all|every|everyone|everybody|each)\b", message.text) or (
        _PLURAL_SELECTION.search(message.text)  # "move the berlin customers to sam"
    )
    if slots.get("action") == "untag" and not any(selection.values()) and not quantified:
        if len(unread) <= 1 and not _SELECTION_WORDS.search((unread or [message.text])[0].lower()):
            return None  # "remove the vip tag from Acme" or "… from #129": one customer's tag
    if not any(selection.values()) and unread and not quantified and slots.get("action") != "untag":
        return None  # "pls push Léa Weber to proposal stage": one customer, not a selection
    if unread:
        slots[UNREAD] = unread
    if selection.get("segment") in _PIPELINE and "stage" not in selection:
        # a change to "Maria's lost customers" is pipeline housekeeping: the stage, not a figure
        selection["stage"] = selection.pop("segment")
    if said := _STAGE_THEY_ARE.search(text):  # "all leads that are lost": lost ones
        selection["stage"] = vocab.STAGES[said.group(1)]
    if "stage" not in selection and (left := _STAGE_LEFT.search(text)):
        selection["stage"] = _stage_of(left.group(1))  # "my qualified ones"
    if selection.get("owner") == "team" and not re.search(r"\bteam\b", message.text):
        del selection["owner"]  # "everyone in London": every customer, not the team's book
    return {**selection, **slots}


_OPENER = re.compile(
    r"^\s*(?!(?:the|my|our|we|i|he|she|they|it|all|every|everyone)\b)([a-z][\w-]*)"
    r"(?:'s|’s|\s+(?:is|was|has|had|will|leaves|left|quit|quits))\s"
)
_NEW_TO_ME = re.compile(r"\bnew(?=\s+(?:accounts|customers|clients|ones)\b)")
_PIPELINE = frozenset({"lead", "qualified", "proposal", "lost"})
# a selection named by its noun: "the leads", "all lost ones", "sam's customers"
_MANY_NAMED = re.compile(
    r"\b(?:customers|accounts|clients|leads|prospects|proposals|ones|contacts)\b", re.I
)
_PLURAL_SELECTION = re.compile(
    r"\b(?:the|these|those|my|our)\s+(?:[\w'-]+\s+){1,3}?(?:customers|accounts|clients|leads|"
    r"prospects|ones|contacts)\b|\b(?:his|her|their)\s+(?:[\w'-]+\s+){0,3}?(?:customers|accounts|"
    r"clients|leads|prospects|ones|contacts)\b"
)
# "Jordan is overloaded, give Emma Taylor to Sam": a statement, a comma, then the change
REASON_STATED = re.compile(
    r"^[^,.;!?]*(?:\b(?:is|are|was|were|has|have|had|will|wants|needs|can'?t|won'?t|isn'?t|doesn'?t|"
    r"hasn'?t)\b|['’]s\s)[^,.;!?]*,\s+(?=(?:pls\s+|please\s+)?(?:move|give|hand|reassign|transfer|remove|"
    r"untag|take)\b)"
)
# something said before a polite request: "Oh shoot, Thandi changed jobs - can you update …"
SAID_BEFORE_ASKING = re.compile(
    r"^.{2,80}?(?:[,;.!]|\s[-–—])\s+(?=(?:(?:can|could|would|will) you|pls|please|kindly)\s+"
    r"(?:please\s+|pls\s+)?(?:update|change|set|move|give|hand|mark|delete|remove|tag|put|reassign|"
    r"transfer|add|log|record|remind|create)\b)"
)
# a quoted passage, then what to do with it: "from Niamh's mail: '… moving to Cork …' — update
# Tidewell Pharmacy city to Cork"
QUOTED_BEFORE_ASKING = re.compile(
    r"^.*?['\"“‘].{3,}?['\"”’]\W*?\s+[-–—]+\s+(?=(?:(?:pls|please|so|can you)\s+)?(?:update|change|set|"
    r"move|log|record|add|give|mark|delete|remove|tag|export|forget|erase)\b)"
)
REASON_FIRST = re.compile(
    r"^.+?(?:(?:,\s*|\s+[-–—]\s+|\.\s+)so\s+|[.!]\s+(?:(?:first(?:ly)?|next|then|now|step \d+|"
    r"to start)\s*[:,]?\s+)?)(?=(?:pls\s+|please\s+)?(?:move|give|hand|tag|"
    r"mark|delete|remove|reassign|assign|put|transfer|bin|push|untag)\b)"
    # "sam's got too many stale leads - hand his ones to maria": said of someone, then a dash
    r"|^(?:[\w'’-]+(?:'s|’s)|[\w'’-]+\s+(?:has|have|is|was|got|will))\s[^-–—]*?\s[-–—]\s+"
    r"(?=(?:pls\s+|please\s+)?(?:move|give|hand|reassign|assign|transfer|pass)\b)"
    # "right, so, the Kilbeggan job is finally sorted — Father O'Dwyer paid in full …": news first
    r"|^(?:(?:right|so|ok|okay|well)[,\s]+)*[^-–—.!?]{3,60}?\s+(?:is|are|has been|was)\s+"
    r"(?:finally\s+|all\s+|now\s+)?(?:sorted|done|closed|settled|over|finished|wrapped up)"
    r"\s*[-–—:!.]+\s+(?=\S)"
)
# a change with its reason after it: "mark the Whitfields as lost, they've gone with Foxtons"
REASON_AFTER = re.compile(
    r"^(?:(?:pls|please|can you|could you|kindly)\s+)?(?:(?:mark|move|give|hand|reassign|transfer|"
    r"delete|remove|take|nuke|bin|tag|untag|put|set|change|update|drop|restore|bring back|undelete)\b"
    r"|[^,;.!?]+?\s*(?:->|→|=>))"
    r"[^;.!?]*?"
    r"(?P<reason>(?:[,;.!]|\s[-–—])\s*(?:(?:they|he|she|it|we|i|as|because|since|cos|coz|bc)"
    r"(?:'ve|'re|'s|'d|'ll|'m)?\b|(?:both|all of them|all three|the two|each)\s+(?:are\s+)?"
    r"(?:dead|junk|spam|dupes?|duplicates?|tests?|fake|gone|closed|lost)\b"
    # "…, shop closed permanently": why
    r"|(?:the\s+)?(?:shop|store|business|company|firm|office|place)\s+(?:has\s+|is\s+)?(?:closed|shut|"
    r"gone|bust|folded)\b"
    # "…, sam's spoken to her", "…, jordan said so": a colleague did what makes it so
    r"|[a-z]+(?:'s|’s|\s+has|\s+had)\s+(?:spoken|talked|called|emailed|met|agreed|confirmed|"
    r"sorted|handled|dealt|asked)\b|[a-z]+\s+(?:said|says|spoke|talked|called|confirmed|agreed|"
    r"asked)\b"
    # "…, sam has a call booked with him": a colleague's plans with them
    r"|[a-z]+\s+(?:has|had|'s)\s+(?:a|an|the)\s+(?:call|meeting|demo|visit|qbr)\b"
    # "…, merged w the parish record", "…, went bust": what became of them
    r"|(?:merged|combined|folded|went|gone|closed|shut|retired|dissolved|sold|bought out|"
    r"taken over|acquired|duplicated)\b).*"
    # "… to maria so maria isnt swamped": why, said with "so"
    r"|\s+so\s+(?:that\s+)?[a-z]+\s+(?:is|isn'?t|isnt|are|aren'?t|has|hasn'?t|hasnt|can|can'?t|"
    r"won'?t|doesn'?t|gets?|stays?|keeps?)\b.*)$"
)
_OTHER_TAG = re.compile(r"\s+or\s+(?:tagged\s+)?['\"#]?(?P<tag>(?!(?:not|no|in|with|who)\b)[\w-]+)")
_MORE_TOWNS = re.compile(
    r"(?:(?:\s*,\s*|\s+(?:and|or|&|\+)\s+)(?!(?:the|their|his|her|no|not|never|with|without|who|that|"
    r"which|tagged|owned|all|every|any|give|move|to|last|this|in|by|sort|sorted|top|reassign|"
    r"delete|tag|mark|set|hand|put|change|make|assign|transfer|update|please|pls|kindly|leads?|"
    r"customers?|clients?|accounts?|prospects?|qualified|"
    r"proposals?|lost|won|champions|detractors|promoters)\b)(?![\w-]+(?:'s|’s)\b)[A-Za-zÀ-ÿ][\w'-]+"
    # "and new york", "or abu dhabi": a town of more than one word
    r"(?:\s+(?!(?:with|without|who|that|no|not|never|to|tagged|owned|by|in|and|or|go|goes|get|gets|"
    r"should|move|moves|pass|passes|will|need|needs|has|have|had|did|is|are|bought|spent|went|"
    r"hasn'?t|haven'?t|hadn'?t|didn'?t|please|pls|put|set|move|give|mark|tag|change)\b)"
    r"[A-Za-zÀ-ÿ][\w'-]+){0,2})+"
    r"(?=\s*$|\s*[,.?!]|\s+(?:with|without|who|that|no|not|never|to|tagged|owned|by|in|and|go|goes|"
    r"get|gets|should|move|moves|pass|passes|will|need|needs|has|hasn'?t|have|haven'?t|had|hadn'?t|did|didn'?t|"
    r"is|are|bought|spent|went)\b)"
)
_STAGE_THEY_ARE = re.compile(
    r"\b(?:that|which|who)\s+(?:are|is)\s+(?:now\s+|already\s+)?(?:in\s+)?"
    r"(lost|won|qualified|churned|dead|closed lost|proposal)\b"
)
# a stage said after whose: "maria's qualified?", "show sam's proposals"
_WHOSE_STAGE = re.compile(
    r"\b[a-z][\w-]*(?:'s|’s|s')\s+(?P<stage>qualified|proposals?|prospects?)\b(?=\s*(?:ones\b|[?.!]|$))"
)
_STAGE_OPENS = re.compile(
    r"^\s*(?:(?:all|any|the|my|our|show|list)\s+)*(?P<stage>leads?|qualified|proposals?|prospects?)"
    r"\s+(?:with|that|who|which|where|not|no|without|owned|tagged|in|from)\b"
)
_STAGE_LEFT = re.compile(
    r"(?<![\w-])(qualified|proposals?|prospects?|leads?|negotiation|closed lost)(?![\w-])"
)
# The words of a bulk change's selection that no reader took, as typed: the parser hands them to
# the handler, which asks rather than change a wider selection than was said.
UNREAD = "_unread"
ANOTHER_PRODUCT = "another_product"  # a second product in one sale: the bot asks for it apart
CUSTOMERS = "customers"  # a change's customers named one by one (not in the contract's frame)
CONTACT = "contact"  # the channel of the contact an NPS answer or a sale came in (ditto)
CONTACT_SAID = "contact_said"  # what that contact was about, when more than the answer (ditto)
CONTACT_FOLLOW_UP = "contact_follow_up"  # the day to follow that contact up (ditto)
CAME_FROM = "came_from"  # customers handed over to the asker: {"from": who, "days": N} (ditto)
BOUGHT_DAYS = "bought_days"  # customers who bought within so many days (ditto)
CONTACTED_DAYS = "contacted_days"  # customers contacted within so many days (ditto)
ADDED = "added"  # customers added within a span: {"since": day, "before": day} (ditto)
MENTIONING = "mentioning"  # contacts whose words hold these (not in the contract's frame)
AVERAGE = "average"  # a report of what an order brings on average, not the total (ditto)
CLOSED = "closed"  # a report of deals won and lost, not of customers added (ditto)
FORECAST = "forecast"  # a report of what a book is expected to bring, not what it brought (ditto)
BOUGHT = "bought"  # customers who bought this product (ditto)
NOT_BOUGHT = "not_bought"  # customers who never bought this product (ditto)
EACH = "each"  # a sale's amount said "at", which may be the price of each (ditto)
EACH_OR_IN_ALL = 1000  # from this price on, "N at $price" is asked about, not taken as each
DISCOUNT = "discount"  # a sale's percentage off the list price (not in the contract)
NEVER_PURCHASED = "never_purchased"  # customers with no purchase at all (ditto)
NOT_TAG = "not_tag"  # customers without this tag (ditto)
TASKS_OF = "tasks_of"  # whose open tasks are handed over, all at once (ditto)
THEIR_OWNERS = "their owners"  # tasks handed over: each to the owner of its customer (an owner)
OUTCOME = "outcome"  # what came of a task ticked off, noted on its customer (ditto)
TASKS_DONE = "done"  # the tasks ticked off in the period, not the open ones (ditto)
NAMESAKES = "namesakes"  # customers who share a name with another: possible duplicates (ditto)
# a second item with its own count and price, said last: ", and 2 support premium 600 each"
_PRICED_SECOND = re.compile(
    r"(?:\s*[,;](?!\d{3}(?!\d))\s*(?:and\s+|plus\s+)?|\s+(?:and|plus|&|\+)\s+)"
    r"(?P<item>\d{1,4}\s*x?\s+(?!(?:each|ea|apiece|per|minus|less|off|discount|total)\b)[a-z][^,;]*?\s"
    r"(?:at\s+|@\s*|for\s+)?[$€£]?\s?\d[\d,.]*\s?k?"
    r"(?:\s*(?:each|ea|apiece|per\s+\w+))?)\W*$",
    re.I,
)
_SECOND_ITEM = re.compile(  # "… and 1 onboarding package"
    r"[\s,;]*(?:\band|\bplus|&|\+)\s+(?P<item>(?:\d+|an?|the|one|two|three|four|five)\s+(?!x\b)[a-z]"
    r"[^,;]*)",
    re.I,
)
# a second product said bare after a plus: "10x crm enterprise at 2200 + onboarding pkg"
_PLUS_ITEM = re.compile(
    r"\s*\+\s+(?!(?:vat|gst|hst|iva|tax|taxes|shipping|delivery|postage|freight|fees?)\b)"
    r"(?P<item>[a-z][^,;]*)",
    re.I,
)


def _another_item(text: str) -> re.Match | None:
    """The second product of a sale told after a first one counted ("3 analytics pro at 1050,
    and 2 support premium 600 each", "10x crm enterprise at 2200 + onboarding pkg"): the first is
    read from the words before it alone, its price and all."""
    second = _PRICED_SECOND.search(text)
    if second is None and (unpriced := _SECOND_ITEM.search(text) or _PLUS_ITEM.search(text)):
        # "… + 1 onboarding package, 12000 total", "…, 10% off list": what is said after both
        # is of both, so the sale is read whole
        second = None if re.search(r"\w", text[unpriced.end() :]) else unpriced
    return second if second and vocab.COUNTED.search(text[: second.start()]) else None


_GROUPED_NUMBER = re.compile(r"(?<![\w.,$€£])(?P<money>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?)(?![\w.,])")
_THE_ONE_BEST = re.compile(
    r"\b(?:who'?s|whos|who is|which is|what'?s)\s+(?:my|our|the|his|her)\s+(?:single\s+)?"
    r"(?:best|top|biggest|largest|most valuable)\s+(?:customer|client|account)\b(?!s)"
)
_JUDGED = re.compile(
    r"\s+(?:are|is|were)\s+(?:all\s+)?(?:junk|spam|dead|fake|duplicates?|dupes?|rubbish|garbage|"
    r"not real|tests?|test data)\b"
)
_NONE_AT_ALL = re.compile(
    r"(?:no|without)\s+(?:(?:an?|any)\s+)?(?:purchases?|orders?)(?:\s+at all)?$"
)
_SELECTION_READERS = (
    vocab.INTEREST, vocab.NO_STAGE_CHANGE, vocab.STAGE_CRITERION, vocab.NEVER_PURCHASED,
    vocab.NO_PURCHASE,
    vocab.BOUGHT_WITHIN,
    vocab.NO_CONTACT, vocab.NEVER_CONTACTED, vocab.CONTACTED_WITHIN, vocab.ADDED, vocab.NOT_WON_YET, vocab.LONGER_IN_STAGE, vocab.OWNER, vocab.OWNER_TEAM, vocab.OWNER_ME, vocab.OWNER_NAMED,
    vocab.OWNER_DID, vocab.CITY, vocab.NOT_TAGGED, vocab.TAG, vocab.BOUGHT_PRODUCT, vocab.BUT_NEVER,
    vocab.WITHIN_THE_LAST,
    vocab.MIN_VALUE, vocab.MAX_VALUE, vocab.LIMIT,
    *(pattern for pattern, _ in vocab.SEGMENTS), *(pattern for pattern, _ in vocab.SORTS),
)  # fmt: skip


def _place_before_nouns(
    selection: dict[str, Any], text: str, typed: str, *, only_before_nouns: bool = False
) -> list[str]:
    """Place the words said before a selection's noun ("hardware leads", "Berlin accounts") as an
    interest or a city; the runs of words still unread are returned (with `only_before_nouns`,
    just those before a noun, which the store's names may yet place)."""
    unread = []
    for start, end in _unread_runs(text):
        said = typed[start:end]
        before_noun = vocab.SELECTION_NOUN.match(text, end) and not _NUMBERED_NOUN.match(text, end)
        if before_noun:
            if "interest" not in selection and set(said.lower().split()) <= vocab.PRODUCT_LINES:
                selection["interest"] = said
                continue
            if "city" not in selection and len(said.split()) <= 3 and _capitalised(said):
                selection["city"] = said
                continue
            if "city" not in selection and (country := vocab.DEMONYMS.get(said.lower())):
                selection["city"] = country  # "the german leads": those in Germany
                continue
        if before_noun or not only_before_nouns:
            unread.append(said)
    return unread


_NUMBERED_NOUN = re.compile(r"\s*\w+\s+#?\d")  # "Test Customer 123": a name, not "Berlin customers"


def _capitalised(said: str) -> bool:
    """Every word starts with a capital and none is all capitals: "Berlin", "New York"."""
    return all(w[0].isupper() and w != w.upper() and "'" not in w for w in said.split())


def _unread_runs(text: str) -> list[tuple[int, int]]:
    """Where the words are that no selection reader matches, one (start, end) per run of them."""
    read = bytearray(len(text))
    for pattern in _SELECTION_READERS:
        for found in pattern.finditer(text):
            # "dana's hardware leads" reads the owner; the words before the noun are still to place
            start, end = found.span("name") if pattern is vocab.OWNER_NAMED else found.span()
            read[start:end] = b"\x01" * (end - start)
    runs: list[tuple[int, int]] = []
    run: tuple[int, int] | None = None
    for word in re.finditer(r"[\w@.'’-]*\w", text):
        lowered = word.group().lower()
        if lowered in vocab.WHOSE:  # "his Munich leads": whose they are is a question of its own
            runs += [r for r in (run, word.span()) if r]
            run = None
        elif (
            any(read[word.start() : word.end()])
            or lowered in vocab.STAGES
            or vocab.SELECTION_NOUN.fullmatch(" " + lowered)
        ):
            if run:
                runs.append(run)
            run = None
        elif lowered not in vocab.SELECTION_FILLER and not lowered.isdigit():
            run = (run[0] if run else word.start(), word.end())  # "bought in the last month"
    return [*runs, run] if run else runs


_IN_EACH = re.compile(r"\b(?:in|for|at) (?:each|every) (?:city|town|location|stage|segment)\b")


@reads("segment.list")
def _list(match: re.Match, message: Message) -> dict | None:
    if vocab.DUPLICATES_ASKED.search(message.text):  # "any duplicate customers?", "… leads?"
        staged = _STAGE_LEFT.search(message.text)
        return {
            NAMESAKES: True,
            "owner": owner(message, named_for=False),
            "stage": _stage_of(staged.group(1)) if staged else None,
        }
    if _IN_EACH.search(message.text):
        return None  # "how many customers does sam have in each city": a breakdown, counted
    slots = _segment(match, message)
    if slots.get("segment") in _PIPELINE - {"lost"} and "stage" not in slots:
        slots["stage"] = slots.pop("segment")  # "Jordan's leads": a stage ("lost" is a figure too)
    if unread := _place_before_nouns(slots, message.text, message.typed, only_before_nouns=True):
        slots[UNREAD] = unread  # "jordan's toronto customers": the store may know Toronto
    if (
        (slots.get("sort") == "value" or _TOP_CUSTOMERS.search(message.text))
        and not slots.get("no_purchase_days")  # "… not bought in the last 90 days": that window
        and (period := period_said(message))
    ):
        slots["period"] = period  # "top 5 customers by revenue this year": ranked by that year
    return slots


# "I got" alone is having, not being handed: "who've I got in proposal at the moment?"
_ONLY_GOT = re.compile(r"(?:i|we)(?:'ve| have)?\s+(?:got|get|gotten|received)")


def _segment(match: re.Match, message: Message) -> dict | None:
    text, typed = message.text, message.typed
    slots: dict[str, Any] = {}
    if (
        (found := vocab.HANDED_TO_ME.search(text))
        and not _NEW_COUNTED.match(text)
        and (found["from"] or found["when"] or not _ONLY_GOT.fullmatch(found["verb"] or ""))
    ):
        # "which ones did I just get from sam"; not "how many new customers did we get in May",
        # "who've I got in proposal", "could I get the list of …"
        who = next((g for g in ("who", "who2", "by") if found[g]), None)
        came: dict[str, Any] = {"from": typed[slice(*found.span(who))]} if who else {}
        if found["when"]:
            came["days"] = int(found["n"]) if found["n"] else vocab.HANDED_DAYS[found["when"]]
        to = next((g for g in ("to", "to2", "to3") if found[g]), None)  # "… did maria get today"
        # "which of maria's accounts were handed over from jordan": hers, else the asker's when
        # they said they got them, else anyone's ("tag the customers handed over from jordan")
        mine = owner(message, named_for=False) or ("me" if _FIRST_PERSON.search(text) else "team")
        if mine.casefold() == str(came.get("from", "")).casefold() and _FIRST_PERSON.search(text):
            mine = "me"  # "looks like i got some of sam's accounts, which ones": mine, from Sam
        slots[CAME_FROM], slots["owner"] = came, typed[slice(*found.span(to))] if to else mine
        said = [found.span(part) for part in ("verb", "from", "when", to) if part and found[part]]
        for span in said:  # the words that said it, not those between ("new qualified")
            text, typed = _erased(text, span), _erased(typed, span)
        # "i got some new accounts from sam": new to me, not the segment of new buyers
        text = _NEW_TO_ME.sub(_blank, text)
    if found := vocab.INTEREST.search(text):
        slots["interest"] = typed[found.start("interest") : found.end("interest")].strip()
        text, typed = _erased(text, found.span()), _erased(typed, found.span())
    if found := vocab.NOT_TAGGED.search(text):  # before the tag: "not tagged vip" leaves vip out
        group = next(i for i, g in enumerate(found.groups(), start=1) if g)
        slots[NOT_TAG] = typed[found.start(group) : found.end(group)]
        text, typed = _erased(text, found.span()), _erased(typed, found.span())
    for found in list(vocab.BOUGHT_PRODUCT.finditer(text)):  # before silence: "hasn't bought X"
        said = typed[found.start("product") : found.end("product")]
        slots.setdefault(NOT_BOUGHT if found["not"] else BOUGHT, said)
        text, typed = _erased(text, found.span()), _erased(typed, found.span())
        if not found["not"] and (within := vocab.WITHIN_THE_LAST.match(text, found.end())):
            # "bought X in the last 90 days", "… in the last month"
            slots[BOUGHT_DAYS] = _days(within, default=vocab.DAYS_PER[within["unit"].rstrip("s")])
            text, typed = _erased(text, within.span()), _erased(typed, within.span())
    if found := vocab.BUT_NEVER.search(message.text):  # "bought CRM Starter but never CRM Pro"
        slots.setdefault(NOT_BOUGHT, message.typed[found.start("product") : found.end("product")])
        text, typed = _erased(text, found.span("tail")), _erased(typed, found.span("tail"))
    if found := vocab.TAG.search(text):  # before the stage: "tagged expo-leads" names no stage
        group = next(i for i, g in enumerate(found.groups(), start=1) if g)
        slots["tag"] = typed[found.start(group) : found.end(group)]
        text = _erased(text, found.span(group))
        if other := _OTHER_TAG.match(text, found.end(group)):  # "tagged vip or partner"
            slots["tag"] += f" or {other['tag']}"
            text = _erased(text, other.span())
    if found := vocab.NO_STAGE_CHANGE.search(text):
        slots["no_stage_change_days"] = (
            int(found["n2"]) * vocab.DAYS_PER[found["unit2"].rstrip("s")]
            if found["n2"]
            else _days(found, default=30)
        )
        if re.search(r"\b(?:proposals?|quotes?)\b", found.group()):
            slots["stage"] = "proposal"  # "no answer to a proposal in 3 weeks"
        elif stuck := _STUCK_IN.search(text):  # "stuck in qualified for more than 45 days"
            slots["stage"] = _stage_of(stuck["stage"])
    if "no_stage_change_days" not in slots and (
        found := vocab.IN_STAGE_FOR.search(text) or vocab.LONGER_IN_STAGE.search(text)
    ):
        slots["no_stage_change_days"] = _days(found, default=30)
        slots["stage"] = _stage_of(found["stage"])
    elif "no_stage_change_days" not in slots and (found := vocab.IN_STAGE_SINCE.search(text)):
        day = date_in(found["when"], now=message.now, tz=message.tz, future=False)
        if day is not None:  # "in proposal since before 7 nov": as many days as since then
            slots["no_stage_change_days"] = (message.now.date() - day).days
            slots["stage"] = _stage_of(found["stage"])
    if "stage" not in slots and (open_ := vocab.NOT_WON_YET.search(text)):
        slots["stage"] = list(vocab.OPEN_STAGES)  # "… that's not a customer yet"
        text = _erased(text, open_.span())
    if "stage" not in slots and (both := vocab.TWO_STAGES.search(text)):
        stages = list(dict.fromkeys(_stage_of(both[g]) for g in ("a", "b", "c") if both[g]))
        slots["stage"] = stages if len(stages) > 1 else stages[0]
    elif "stage" not in slots and (found := vocab.STAGE_CRITERION.search(text)):
        slots["stage"] = _stage_of(next(g for g in found.groups() if g))
    elif "stage" not in slots and (found := _STAGE_OPENS.match(text) or _WHOSE_STAGE.search(text)):
        slots["stage"] = _stage_of(found["stage"])  # "qualified with no contact in 30 days"
    elif "stage" not in slots:
        slots["segment"] = _first(vocab.SEGMENTS, text)
    mine = False  # "who hasn't bought from me in 6 months": my customers
    if vocab.NEVER_PURCHASED.search(text):
        slots[NEVER_PURCHASED] = True
    elif found := vocab.SPAN_UNBOUGHT.search(text):
        slots["no_purchase_days"] = _days(found, default=90)
    elif (
        (found := vocab.NO_PURCHASE.search(text))
        and _NONE_AT_ALL.match(found.group())
        and not _NEGATIVE_DAYS.search(text)
    ):
        slots[NEVER_PURCHASED] = True  # "leads with no purchases, created …": none ever
    elif found := vocab.NO_PURCHASE.search(text):
        slots["no_purchase_days"] = _days_since(text, found.end(), message) or _days(
            found, default=90
        )
        mine = "from me" in found.group()
    elif found := vocab.BOUGHT_WITHIN.search(text):
        slots[BOUGHT_DAYS] = (
            vocab.HANDED_DAYS[found["when"]]
            if found["when"]
            else _days(found, default=vocab.DAYS_PER[found["unit"].rstrip("s")])
        )
    if today := _NOT_TODAY.search(text):  # "not contacted (yet) today": not since yesterday
        slots["no_contact_days"] = 1
        text = _erased(text, today.span())
    elif vocab.NEVER_CONTACTED.search(text):
        slots["never_contacted"] = True
    elif found := _counted(vocab.NO_CONTACT, text) or vocab.LAST_CONTACTED.search(text):
        if not found["n"] and (later := _FOR_A_SPAN.search(text, found.end())):
            found = later  # "who's been quiet in byron bay for 3 weeks"
        slots["no_contact_days"] = _days_since(text, found.end(), message) or _days(
            found, default=30
        )
        if (stale := vocab.NO_STAGE_CHANGE.search(text)) and not (stale["unit"] or stale["n2"]):
            del slots["no_stage_change_days"]  # "gone stale? nothing heard in 3+ weeks": silence
    elif found := vocab.CONTACTED_WITHIN.search(text):  # "contacted in the last week"
        slots[CONTACTED_DAYS] = (
            vocab.HANDED_DAYS.get(found["when"], 14) if found["when"] else _days(found, default=7)
        )
    if (found := vocab.ADDED.search(text)) and (added := _added(found, message)):
        slots[ADDED] = added
    if found := vocab.OWNER.search(text):
        name = next(k for k, v in found.groupdict().items() if v)
        slots["owner"] = typed[slice(*found.span(name))]
        text, typed = _erased(text, found.span()), _erased(typed, found.span())
    elif CAME_FROM not in slots:
        slots["owner"] = owner(message, named_for=False) or ("me" if mine else None)
    if (
        (found := vocab.CITY.search(typed))
        and found["city"].casefold() != str(slots.get("owner") or "").casefold()
        and found["city"].casefold() not in vocab.DATE_WORDS  # "… off from tomorrow": when
    ):  # "… from Carlos to Ana": Carlos is whose they are, not a town
        slots["city"] = found.group("city").removeprefix("the ").removeprefix("The ")  # "the UK"
        if more := _MORE_TOWNS.match(typed, found.end("city")):  # "in paris or madrid"
            slots["city"] += more.group()
    for name, pattern in (("min_value", vocab.MIN_VALUE), ("max_value", vocab.MAX_VALUE)):
        if (found := pattern.search(text)) and not _SCORE_THRESHOLD.search(text):
            value = amount(found.group("money"))
            slots[name] = value[0] if value else None
    said = re.search(
        r"\b(?:by|sorted by|order(?:ed)? by)\s+(?:order\s+|purchase\s+|buying\s+)?"
        r"(frequency|recency|how often)\b"
        r"|\b(most (?:frequent|often|regular|recent))\b",
        text,
    )
    # "top 5 by frequency", "top 5 most frequent buyers": the sort said after "top" wins
    said = said and (said.group(1) or said.group(2))
    slots["sort"] = _first(vocab.SORTS, said) if said else _first(vocab.SORTS, text)
    if found := vocab.LIMIT.search(text):
        slots["limit"] = _number(next(g for g in found.groups() if g))
    elif slots.get("sort") and _THE_ONE_BEST.search(text):
        slots["limit"] = 1  # "who's my best customer?": one
    if slots.get("limit") and not slots.get("sort") and re.search(r"\btop\b", text):
        slots["sort"] = "value"
    if negative := _NEGATIVE_DAYS.search(text):  # "no purchase in -30 days": no such span
        for name in ("no_purchase_days", "no_contact_days", "no_stage_change_days"):
            if slots.pop(name, None) is not None:
                slots["invalid"] = {name: negative.group("n")}
                break
    return slots


_NEGATIVE_DAYS = re.compile(r"(?<![\w-])(?P<n>-\d+)\s*(?:days?|weeks?|months?|years?)\b")


_NEW_COUNTED = re.compile(
    r"\W*how many (?:new )?(?:customers|clients|accounts|buyers|leads)\b.*\b(?:did|have) we\b"
)
_STUCK_IN = re.compile(
    r"\b(?:stuck|sitting|sat|parked|deals?|opps?|opportunities|ones|accounts|customers|clients|"
    rf"everyone|everything|anything|anyone)\s+(?:still\s+)?(?:in|at)\s+(?:the\s+)?"
    rf"(?P<stage>{vocab._ONE_OF_STAGES})\b"
)
_FIRST_PERSON = re.compile(  # "got a bunch of new ppl from alex": I got them
    r"(?<!\bshow )(?<!\bgive )(?<!\btell )(?<!\bget )\b(?:i|we|me|us|my|our)\b|^\W*(?:just\s+)?got\b"
)


def _erased(text: str, span: tuple[int, int]) -> str:
    """The text with what was read in `span` blanked out, so no other reader takes it too."""
    start, end = span
    return text[:start] + " " * (end - start) + text[end:]


def _stage_of(said: str) -> str:
    """The contract's stage for a stage word, singular or plural ("proposals", "leads")."""
    return (
        vocab.STAGES.get(said) or vocab.PAYING.get(said) or vocab.STAGES.get(said.rstrip("s"), said)
    )


_MONTH_ONLY = re.compile(rf"(?P<month>{vocab.MONTH})(?:\s+(?P<year>\d{{4}}))?")


def _added(found: re.Match, message: Message) -> dict[str, str] | None:
    """When the customers were added, as the first day ("since") and the day after the last
    ("before") of the span said."""
    today = message.now.astimezone(_zone(message.tz)).date()
    if found["over"]:
        return {"before": (today - timedelta(days=_days(found, default=30))).isoformat()}
    if found["unit2"]:
        days = (_number(found["n2"]) or 1) * vocab.DAYS_PER[found["unit2"].rstrip("s")]
        return {"since": (today - timedelta(days=days)).isoformat()}
    if said := found["day"] or found["day2"]:
        if month_only := _MONTH_ONLY.fullmatch(said):  # "before july": before the month began
            month = MONTHS.index(month_only["month"][:3]) + 1
            year = int(month_only["year"] or today.year - (month > today.month))
            day = date(year, month, 1)
        else:
            day = date_in(said, now=message.now, tz=message.tz, future=False)
        if day is None:
            return None
        return {"before" if found["day"] else "since": day.isoformat()}
    monday = today - timedelta(days=today.weekday())
    first = today.replace(day=1)
    last_month = (first - timedelta(days=1)).replace(day=1)
    spans = {
        "today": (today, None),
        "yesterday": (today - timedelta(days=1), today),
        "this week": (monday, None),
        "last week": (monday - timedelta(days=7), monday),
        "this month": (first, None),
        "last month": (last_month, first),
        "this year": (today.replace(month=1, day=1), None),
    }
    since, before = spans[found["when"]]
    return {"since": since.isoformat(), **({"before": before.isoformat()} if before else {})}


# how long, said apart from what lasted so: "quiet in byron bay for 3 weeks"
_FOR_A_SPAN = re.compile(
    rf"\bfor\s+(?:over\s+|more than\s+|about\s+|the (?:last|past)\s+)?(?P<n>\d+|{vocab.SPAN_COUNT})\+?"
    r"\s*(?P<unit>days?|weeks?|fortnights?|months?|mths?|years?|yrs?|d|wks?|mo)\b"
)


def _counted(said: re.Pattern, text: str) -> re.Match | None:
    """The first of the phrases that says how long, else the first: "gone quiet on me - no
    contact 3 wks" is 3 weeks."""
    found = list(said.finditer(text))
    return next((f for f in found if f["n"]), found[0] if found else None)


def _days(found: re.Match, *, default: int) -> int:
    if not found.group("n"):
        return default
    n = _number(found.group("n")) or 1
    return n * vocab.DAYS_PER[found.group("unit").rstrip("s")]


_A_BOOK = re.compile(
    r"(?:his|her|their|my|our|the team's|the)\s+(?:whole\s+)?(?:book|accounts|customers|clients|patch|"
    r"pipeline|territory|portfolio)",
    re.I,
)


@reads("next_action.suggest")
def _next(match: re.Match, message: Message) -> dict | None:
    found = vocab.SUGGEST_WHO.search(message.text, match.start())
    who = _ref(message.typed[found.end() :]) if found else None
    if who is None and match.start() > 0:  # "Voss next step?": the customer said first
        who = leading_name(message.typed[: match.start()])
    if who and (who.lower() in vocab.NOT_CUSTOMERS or _A_BOOK.fullmatch(who)):
        who = None  # "what should sam be doing with his book": his book, not a customer
    top = vocab.TOP_N.search(message.text)
    whose = owner(message, named_for=who is None)
    if who and whose and who.casefold().split()[-1:] == whose.casefold().split()[-1:]:
        who = None  # "any suggestions for Ben's pipeline?", "what's Ben's book like?": Ben's book
    asked_on = _ADVICE_ON.search(message.typed, match.start())
    chosen = _advised_selection(message.typed[asked_on.end() :] if asked_on else "", message)
    if chosen:  # "next best actions for the vip customers": theirs, not a customer's
        who, whose = None, whose or chosen.pop("owner", None)
        chosen.pop("owner", None)
    return {
        "customer": who,
        "owner": whose,
        "limit": int(top.group("n")) if top else None,  # "top 5 next best actions"
        **chosen,
    }


def _advised_selection(said: str, message: Message) -> dict[str, Any]:
    """The selection advice is asked for, as `segment.list` reads it: "my lapsed customers",
    "the vip customers", "leads in Berlin"."""
    said = said.strip(" ?!.")
    if not said or not vocab.SELECTION_SAID.search(said) and not _PLACED.search(said):
        return {}
    listed = prepare(f"list {said}", now=message.now, tz=message.tz)
    read = _segment(re.match("", listed.text), listed) or {}
    return {k: v for k, v in read.items() if k not in ("sort", "limit") and v not in (None, "")}


_ADVICE_ON = re.compile(r"\b(?:with|for|about|on|across)\s+(?=\S)", re.I)
# "customers in berlin", "leads tagged vip": a selection with a place or label after its noun
_PLACED = re.compile(
    r"^(?:(?:all|every|each|the|our|my)\s+)*(?:[\w'-]+\s+){0,2}(?:accounts|customers|clients|leads|"
    r"prospects)\s+(?:in|from|tagged|interested|with|who|that|owned)\b",
    re.I,
)


@reads("customer.show")
def _show(match: re.Match, message: Message) -> dict | None:
    if numbered := _SHOW_NUMBER.fullmatch(message.text):  # "show 177": the customer numbered so
        return {"customer": f"#{numbered['id']}"}
    if vocab.BOUGHT_ASKED.match(message.text):
        return {}  # "has she bought anything else?": the customer just talked about
    if whose := _WHOSE_DETAIL.match(message.typed):  # "whose number is 0412 555 887?"
        return {"customer": whose["detail"]}
    if everything := vocab.EVERYTHING_ABOUT.search(message.text):
        return {"customer": _ref(message.typed[slice(*everything.span("ref"))])}
    groups = {k: v for k, v in match.groupdict().items() if v}
    if "ref" in groups:
        who = _ref(message.typed[slice(*match.span("ref"))]) or ""
    elif "before" in groups:
        who = _ref(message.typed[slice(*match.span("before"))])
    else:
        who = _ref(message.typed[match.end() :])
    if not who or who.lower().split()[0] in vocab.NOT_CUSTOMERS or vocab.SELECTION_SAID.search(who):
        return None  # "show lost deals" is a list
    return {"customer": _WHAT_OF_THEM.sub("", who) or who}


_WHOSE_DETAIL = re.compile(
    r"^\W*(?:whose|who(?:'s| is| has| owns))\s+(?:the\s+)?(?:(?:phone\s+|mobile\s+|cell\s+)?number|"
    r"phone|mobile|e-?mail(?:\s+address)?|address)\s+(?:is\s+)?(?P<detail>\+?[\d(][\d ()./-]{5,}\d|"
    r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+)\W*$",
    re.I,
)
# "ingrid jensen purchases": the profile lists what they bought
_WHAT_OF_THEM = re.compile(
    r"(?:'s|’s)?\s+(?:purchases|orders|purchase history|order history|products)$", re.I
)


_SHOW_NUMBER = re.compile(
    r"(?:(?:show|open|find|pull up|look ?up|get)(?: me)?(?: the)?(?: customer| client| account)?"
    r"|who(?:'s| is)? (?:owns|has|looks after|looking after|the owner of|the rep (?:for|on))"
    r"|(?:customer |client |account )?(?:info|details|card|profile|record)(?: for| on| of)?)\s+"
    r"#?(?P<id>\d{1,7})(?:\s+now)?\W*"
)
_CUES = CueTable(vocab.CUES)
