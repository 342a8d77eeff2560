"""Rule-based parsing of staff messages into an intent and its slots.

Each intent is one rule: a compiled pattern tried in order, and a function that fills the slots
from the match. Decoration is stripped and typos in the words that carry the intent are corrected
first, so the rules see clean text. Dates, amounts and times are read by `intents.values`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from intents.text import clean
from intents.values import amount, date_in, time_of

_CHANNEL_WORDS = [
    (
        r"voice ?mail|rang|phoned|called|call(?:ed)?|phone call|ring|spoke (?:to|with) .* on the phone",
        "call",
    ),
    (r"e-?mail(?:ed)?|wrote to|mailed", "email"),
    (r"zoom|teams|video call|met(?: with)?|meeting|meet|lunch|dinner|coffee|demo", "meeting"),
    (r"whats ?app(?:ed)?|slack(?:ed)?|telegram|chat(?:ted)?|messaged|dm(?:ed)?", "chat"),
    (r"texted|text(?:ed)?|sms", "sms"),
    (r"visit(?:ed)?|on site|onsite|dropped by|stopped by", "visit"),
    (r"note|noted", "note"),
]
CHANNELS = [(re.compile(rf"\b(?:{words})\b"), name) for words, name in _CHANNEL_WORDS]
STAGES = ("lead", "prospect", "customer", "lapsed")
SEGMENT_WORDS = [
    (r"champions?|best customers", "champions"),
    (r"loyal(?: customers)?", "loyal"),
    (r"potential loyalists?", "potential_loyalist"),
    (r"new customers?|newcomers", "new"),
    (r"promising", "promising"),
    (r"need(?:s|ing)? attention", "need_attention"),
    (r"about to sleep|sleepy|dozing", "about_to_sleep"),
    (r"at risk|at-risk|slipping", "at_risk"),
    (r"can'?t lose|cannot lose|cant lose", "cant_lose"),
    (r"hibernating|dormant", "hibernating"),
    (r"lost(?: customers)?", "lost"),
    (r"lapsed|churned|inactive", "lapsed"),
    (r"leads", "lead"),
    (r"prospects", "prospect"),
    (r"high[- ]value|vips?|big spenders", "high_value"),
    (r"promoters", "promoters"),
    (r"passives", "passives"),
    (r"detractors|unhappy customers", "detractors"),
]
SEGMENTS = [(re.compile(rf"\b(?:{words})\b"), name) for words, name in SEGMENT_WORDS]
FIELDS = {
    "name": "name",
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "phone": "phone",
    "number": "phone",
    "mobile": "phone",
    "cell": "phone",
    "company": "company",
    "employer": "company",
    "title": "title",
    "job title": "title",
    "role": "title",
    "position": "title",
    "city": "city",
    "town": "city",
    "country": "country",
    "owner": "owner",
    "account owner": "owner",
    "rep": "owner",
    "stage": "stage",
    "status": "stage",
    "tag": "tag",
    "label": "tag",
}
METRICS = [
    (r"revenue|sales|turnover|income|money", "revenue"),
    (r"nps|net promoter", "nps"),
    (r"purchases|orders|deals", "purchases"),
    (r"interactions|calls|meetings|contacts|touchpoints|activity", "interactions"),
    (r"customers|clients|accounts|signups", "customers"),
]
PERIODS = [
    (r"today", "today"),
    (r"yesterday", "yesterday"),
    (r"this week|the week", "this_week"),
    (r"last week|past week", "last_week"),
    (r"this month|the month|mtd", "this_month"),
    (r"last month|past month", "last_month"),
    (r"this quarter|the quarter|qtd", "this_quarter"),
    (r"last quarter|past quarter", "last_quarter"),
    (r"this year|the year|ytd", "this_year"),
    (r"last year|past year", "last_year"),
]
GROUPS = [
    (r"(?:by|per|each|every) (?:day|daily)|daily", "day"),
    (r"(?:by|per|each|every) week|weekly", "week"),
    (r"(?:by|per|each|every) month|monthly", "month"),
    (r"(?:by|per|each|every) (?:rep|owner|salesperson|person|seller|staff)", "owner"),
    (r"(?:by|per|each|every) product", "product"),
    (r"(?:by|per|each|every) segment", "segment"),
    (r"(?:by|per|each|every) channel", "channel"),
    (r"(?:by|per|each|every) (?:city|location|town)", "city"),
]
WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_PHRASE = (
    rf"(?:today|tonight|tomorrow|yesterday|(?:this |next |last |on )?{WEEKDAY}|next week|"
    rf"end of (?:the )?(?:week|month)|in (?:a|an|one|two|three|\d+) (?:days?|weeks?|months?)|"
    rf"(?:on )?{MONTH} \d{{1,2}}(?:st|nd|rd|th)?|(?:on )?\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTH}|"
    rf"(?:on )?\d{{1,2}}[/.]\d{{1,2}}(?:[/.]\d{{2,4}})?|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d+ (?:days?|weeks?) ago)"
)


@dataclass(frozen=True)
class Parsed:
    intent: str
    slots: dict[str, Any] = field(default_factory=dict)
    confidence: float = 1.0


@dataclass(frozen=True)
class _Input:
    text: str  # cleaned, lower case
    original: str  # cleaned, case kept: slot values are "as typed"
    now: datetime
    tz: str
    corrected: bool  # a typo was fixed on the way

    def cut(self, match: re.Match, group: str) -> str | None:
        """The group's text as the user typed it (case kept), trimmed of filler."""
        if match.group(group) is None:
            return None
        start, end = match.span(group)
        return _trim(self.original[start:end])


Rule = tuple[str, re.Pattern, Callable[[re.Match, _Input], dict[str, Any] | None]]
RULES: list[Rule] = []


def rule(intent: str, pattern: str) -> Callable:
    def register(function):
        RULES.append((intent, re.compile(pattern), function))
        return function

    return register


def parse(text: str, *, now: datetime, tz: str) -> Parsed:
    """The intent and slots of one message; `unknown` when no rule fits."""
    zone = ZoneInfo(tz)
    local = now.replace(tzinfo=zone) if now.tzinfo is None else now.astimezone(zone)
    original, corrected = clean(text)
    data = _Input(original.lower(), original, local, tz, corrected)
    for intent, pattern, fill in RULES:
        match = pattern.search(data.text)
        if match is None:
            continue
        slots = fill(match, data)
        if slots is None:
            continue
        slots = {k: v for k, v in slots.items() if v not in (None, "", [])}
        confidence = 0.95 - (0.15 if corrected else 0) - (0.0 if slots or intent in _BARE else 0.1)
        return Parsed(intent, slots, round(confidence, 2))
    return Parsed("unknown", {}, 0.3)


_BARE = {"undo", "help", "task.list", "digest.show", "digest.unsubscribe", "next_action.suggest"}


def _trim(value: str | None) -> str | None:
    if value is None:
        return None
    value = re.sub(
        r"^(?:the|a|an|our|customer|client|account|with|to|for|about|on|at)\s+",
        "",
        value.strip(" ,.;:!?'\"-"),
        flags=re.I,
    )
    value = re.sub(r"(?:'s|’s)$", "", value.strip(' ,.;:!?"-'))
    return value.strip(' ,.;:!?"-') or None


def _channel(text: str) -> str | None:
    for pattern, name in CHANNELS:
        if pattern.search(text):
            return name
    return None


def _segment(text: str) -> str | None:
    for pattern, name in SEGMENTS:
        if pattern.search(text):
            return name
    return None


def _first(table: list[tuple[str, str]], text: str) -> str | None:
    for words, name in table:
        if re.search(rf"\b(?:{words})\b", text):
            return name
    return None


def _dates(match_text: str, data: _Input, *, future: bool) -> tuple[str | None, str]:
    """The first date phrase in the text as YYYY-MM-DD, and the text without it."""
    found = re.search(rf"\b(?:by |due |on )?({DATE_PHRASE})\b", match_text)
    if not found:
        return None, match_text
    day = date_in(found.group(1), now=data.now, tz=data.tz, future=future)
    if day is None:
        return None, match_text
    rest = (match_text[: found.start()] + match_text[found.end() :]).strip(" ,.")
    return day.isoformat(), rest


# ---- the rules, most specific first -------------------------------------------------------


@rule(
    "undo",
    r"^(?:please )?(?:undo|revert|roll ?back|take (?:that|it) back|oops,? undo)(?: that| it| (?:the )?last(?: change| one)?)?\W*$",
)
def _undo(m, d):
    return {}


@rule(
    "help",
    r"^(?:help|\?|what can you do|how does this work|commands|how do i (?P<how>.+)|help (?:me )?(?:with |on |about )?(?P<topic>.+))\W*$",
)
def _help(m, d):
    return {"topic": d.cut(m, "topic") or d.cut(m, "how")}


@rule(
    "digest.unsubscribe",
    r"\b(?:stop|unsubscribe|cancel|turn off|disable|no more|don'?t send)\b.*\b(?:digest|daily summary|morning summary|briefing)",
)
def _unsubscribe(m, d):
    return {}


@rule(
    "digest.subscribe",
    r"\b(?:subscribe|send me|give me|sign me up|turn on|enable|every (?:day|morning))\b.*\b(?:digest|daily summary|morning summary|briefing)|\b(?:digest|daily summary|briefing)\b.*\b(?:every (?:day|morning)|daily at|at \d)",
)
def _subscribe(m, d):
    found = re.search(r"\b(?:at|@)\s*(\d{1,2}(?::\d{2})?\s*(?:am|pm)?|noon|midnight)", d.text)
    return {"time": time_of(found.group(1)) if found else None}


@rule("digest.show", r"\b(?:digest|daily summary|morning summary|briefing|daily report)\b")
def _digest(m, d):
    day, _ = _dates(d.text, d, future=False)
    return {"date": day}


@rule(
    "customer.forget",
    r"^(?:please )?(?:forget|erase|anonymi[sz]e|wipe|delete|remove|gdpr (?:erase|delete|erasure)(?: request)?(?: for)?)\s+(?:all )?(?:(?:the )?(?:personal )?data (?:of|for|on|about) |everything (?:about|on) )?(?P<who>.+?)(?:'s)?(?: (?:personal )?data| details| record| from (?:the )?crm| completely| entirely| under gdpr| as per gdpr)*\W*$",
)
def _forget(m, d):
    who = d.cut(m, "who")
    if who and who.lower() in {"that", "it", "this"}:
        return None
    return {"customer": who}


@rule(
    "customer.export",
    r"^(?:gdpr|sar|subject access|data access)(?: request)?(?: for| from)? (?P<a>.+)$|(?:export|download|send me|give me|dump) (?:all |everything )?(?:the )?(?:(?:personal )?data|everything|all (?:the )?(?:data|info)) (?:we (?:hold|have|keep) )?(?:on|about|for|of) (?P<b>.+?)\W*$|^export (?P<c>[#@\w].*?)(?:'s)? (?:data|record|profile)\W*$",
)
def _export(m, d):
    return {"customer": d.cut(m, "a") or d.cut(m, "b") or d.cut(m, "c")}


@rule(
    "report.show",
    r"\b(?:chart|graph|plot|report|trend|breakdown|how much (?:revenue|did we (?:sell|make))|how many (?:calls|meetings|interactions|orders|purchases|new customers|customers|deals)|(?:revenue|sales|turnover)\b(?! of)|nps (?:score|by|this|last|trend|for (?:this|last)))",
)
def _report(m, d):
    text = d.text
    if re.search(r"\b(?:hasn'?t|haven'?t|not) (?:bought|ordered|purchased)\b", text):
        return None
    metric = _first(METRICS, text) or "revenue"
    return {
        "metric": metric,
        "period": _first(PERIODS, text),
        "group_by": _first(GROUPS, text),
        "chart": True if re.search(r"\b(?:chart|graph|plot|visual|visuali[sz]e)\b", text) else None,
    }


@rule(
    "next_action.suggest",
    r"\b(?:what (?:should|shall|do|can) (?:i|we) do(?: next)?|next (?:best )?(?:steps?|actions?|moves?)|suggest(?:ions?)?|recommend(?:ations?)?|what'?s next|who should i (?:call|contact|focus on))\b(?:\s+(?:with|for|about|on|re)\s+(?P<who>.+?))?\W*$",
)
def _next(m, d):
    return {"customer": d.cut(m, "who")}


@rule(
    "segment.list",
    r"\b(?:who (?:hasn'?t|haven'?t|didn'?t|has not|have not)|who (?:are|is) (?:my|our|the)|(?:list|show|find|export|get|give me|which)\b.*\bcustomers|top \d+|biggest|largest|best|customers? (?:in|from|with|tagged|owned|who|that|not|over|above)|accounts? (?:in|from|owned)|(?:lapsed|churned|inactive|at.risk|dormant|hibernating|vip|high.value|loyal|lost|new|promising|champion|detractor|promoter|passive)\w* (?:customers|clients|accounts)|^(?:champions|promoters|detractors|passives|leads|prospects)\b)",
)
def _segment_rule(m, d):
    text = d.text
    slots: dict[str, Any] = {"segment": _segment(text)}
    if found := re.search(
        r"(?:hasn'?t|haven'?t|not|didn'?t|no) (?:bought|ordered|purchased|buy|order|purchase)\w*(?: anything)?(?: (?:in|for|within) (?:the )?(?:last |past )?(\d+) ?(days?|weeks?|months?|years?))?",
        text,
    ):
        slots["no_purchase_days"] = _days(found.group(1), found.group(2)) if found.group(1) else 90
    if found := re.search(
        r"(?:hasn'?t|haven'?t|not|didn'?t|no) (?:been )?(?:contacted|heard from|talked to|spoken to|called|touched|contact)\w*(?: (?:in|for) (?:the )?(?:last |past )?(\d+) ?(days?|weeks?|months?))?",
        text,
    ):
        slots["no_contact_days"] = _days(found.group(1), found.group(2)) if found.group(1) else 30
    if found := re.search(
        r"\b(?:in|from|based in|located in)\s+([a-z][a-z .'-]+?)(?:\s+(?:who|that|with|by|sorted|owned|tagged|over|above)\b|\W*$)",
        text,
    ):
        city = found.group(1).strip()
        if city not in {"the last", "last", "the past", "a while", "ages"} and not re.match(
            r"\d", city
        ):
            start = found.start(1)
            slots["city"] = d.original[start : start + len(city)]
    if found := re.search(
        r"\btagged (?:as )?#?([\w-]+)|\bwith (?:the )?tag #?([\w-]+)|#([a-z][\w-]+)", text
    ):
        slots["tag"] = next(g for g in found.groups() if g)
    if found := re.search(
        r"\b(?:owned by|belonging to|assigned to)\s+([a-z][\w'-]+(?: [a-z][\w'-]+)?)", text
    ):
        start = found.start(1)
        slots["owner"] = d.original[start : start + len(found.group(1))]
    if found := re.search(
        r"\b(?:over|above|more than|at least|worth|>)\s*([$€£]?\s?\d[\d,.]*\s?k?\s?(?:usd|eur|gbp|dollars|euros?|pounds)?)",
        text,
    ):
        value = amount(found.group(1))
        slots["min_value"] = value[0] if value else None
    if found := re.search(r"\btop (\d+)|\bfirst (\d+)|\b(\d+) (?:biggest|largest|best|top)", text):
        slots["limit"] = int(next(g for g in found.groups() if g))
    if re.search(
        r"\bby (?:lifetime )?(?:value|ltv|clv|revenue|spend)|biggest|largest|most valuable|top (?:\d+ )?(?:customers|accounts|clients)(?!.*\bby\b)",
        text,
    ):
        slots["sort"] = "value"
    elif re.search(r"\bby (?:recency|last purchase|most recent)", text):
        slots["sort"] = "recency"
    elif re.search(r"\bby (?:frequency|number of orders|orders)", text):
        slots["sort"] = "frequency"
    if slots["segment"] in STAGES:
        slots["stage"] = slots.pop("segment")
    return slots


def _days(number: str, unit: str) -> int:
    n = int(number)
    return n * {"d": 1, "w": 7, "m": 30, "y": 365}[unit[0]]


@rule(
    "task.complete",
    r"^(?:(?:mark |set )?(?:task )?#?(?P<id>\d+) (?:as )?(?:done|complete|completed|finished|closed)|(?:done|completed?|finished|closed?|tick(?: off)?|check off|mark (?:as )?done)(?: with)?(?: task)? #?(?P<id2>\d+)|(?:mark |set )?(?:the )?(?:task|follow.?up|reminder) (?:for |with |about )(?P<who>.+?) (?:as )?(?:done|complete|completed|finished)|(?:done|finished|completed) (?:with |the (?:task|follow.?up) (?:for |with ))(?P<who2>.+?))\W*$",
)
def _complete(m, d):
    task_id = m.group("id") or m.group("id2")
    return {
        "task_id": int(task_id) if task_id else None,
        "customer": d.cut(m, "who") or d.cut(m, "who2"),
    }


@rule(
    "task.list",
    r"^(?:(?:show |list |what are |what'?s |whats |any )?(?:me )?(?:my |all my )?(?:open |overdue |today'?s )?(?:tasks|to-?dos?|reminders|follow.?ups)|what(?:'s| is) (?:due|overdue|on my (?:plate|list))|what do i have (?:to do|due|today|this week|on)|(?:anything |what'?s |whats )?overdue(?: tasks)?|agenda)\b(?P<rest>.*)$",
)
def _tasks(m, d):
    text = d.text
    if re.search(r"\boverdue|late|past due\b", text):
        period = "overdue"
    elif re.search(r"\btoday|tonight\b", text):
        period = "today"
    elif re.search(r"\b(?:this|the) week\b", text):
        period = "week"
    else:
        period = None
    if len(m.group("rest").split()) > 4:
        return None
    return {"period": period}


@rule(
    "task.create",
    r"^(?:please )?(?:remind me(?: to)?|reminder(?: to)?:?|todo:|to-do:|task:|add (?:a )?(?:task|todo|reminder)(?: to)?:?|create (?:a )?task(?: to)?:?|new task:?|don'?t let me forget to|note to self:?)\s+(?P<rest>.+)$",
)
def _task(m, d):
    rest = d.cut(m, "rest") or ""
    due, rest_text = _dates(rest.lower(), d, future=True)
    start = rest.lower().find(rest_text) if rest_text else -1
    text = rest[start : start + len(rest_text)] if start >= 0 else rest_text
    text = re.sub(r"\s+(?:on|by|due)$", "", text.strip(" ,."))
    found = _TASK_SUBJECT.search(text)
    customer = found.group("who") if found else None
    return {"text": text or None, "due": due, "customer": customer}


_TASK_SUBJECT = re.compile(
    r"\b(?:call|email|e-mail|ping|chase|meet|visit|text|ring|phone|to|with|for|at)\s+"
    r"(?P<who>#\d+|(?!(?:the|a|an|him|her|them|me|us|about|back|up|out)\b)[\w&.'-]+"
    r"(?:\s+(?!(?:about|re|on|by|regarding|for|to|the|a|next|this|tomorrow|today|and|after|"
    r"before|again|back|up)\b)[\w&.'-]+){0,2})",
    re.I,
)


@rule(
    "nps.record",
    r"(?:^nps (?:score )?(?:of )?(?P<s1>\d{1,2}) (?:for|from) (?P<w1>.+)$|^(?P<w2>.+?) (?:gave us|gave|rated us|rated|scored(?: us)?|answered|nps(?: score)?(?: is| was|:)?|responded)(?: a| an)? (?P<s2>\d{1,2})(?:/10| out of 10)?(?: on (?:the )?nps| nps)?\W*$|^(?:record |log )?nps(?: score)?(?: for| from)? (?P<w3>.+?):? (?P<s3>\d{1,2})(?:/10)?\W*$)",
)
def _nps(m, d):
    score = m.group("s1") or m.group("s2") or m.group("s3")
    who = d.cut(m, "w1") or d.cut(m, "w2") or d.cut(m, "w3")
    if who and re.search(r"\b(?:sold|bought|called)\b", who.lower()):
        return None
    return {"customer": who, "score": int(score)}


_MONEY = r"(?:[$€£]\s?\d[\d,.]*\s?[km]?|\d[\d,.]*\s?[km]?\s?(?:usd|eur|gbp|chf|dollars|bucks|euros?|pounds|quid)|\d[\d,.]*\s?[km]?)"


@rule(
    "purchase.log",
    rf"^(?:(?:we )?(?:sold|closed|booked|invoiced)\s+(?P<what>.+?)\s+(?:to|with)\s+(?P<who>.+?)|(?P<who2>.+?)\s+(?:bought|purchased|ordered|signed (?:up )?for|renewed|upgraded to)\s+(?P<what2>.+?)|(?:new )?(?:order|purchase|sale|deal)(?: from| for| with)?\s+(?P<who3>.+?)(?::|,)\s*(?P<what3>.+?))(?:\s+(?:for|at|worth|totaling|@)\s+(?P<money>{_MONEY}(?:\s+(?:a|per) (?:year|month))?))?\W*$",
)
def _purchase(m, d):
    what = d.cut(m, "what") or d.cut(m, "what2") or d.cut(m, "what3") or ""
    who = d.cut(m, "who") or d.cut(m, "who2") or d.cut(m, "who3")
    slots: dict[str, Any] = {"customer": who}
    found = re.match(
        r"^(?:(?P<q>\d+|a|an|one|two|three|four|five|ten)\s+)?(?:(?:seats?|licen[cs]es?|units?|copies|boxes|packs?|subscriptions?|x)\s+(?:of\s+)?)?(?P<p>.+)$",
        what,
        re.I,
    )
    if found:
        words = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}
        q = found.group("q")
        slots["quantity"] = int(q) if q and q.isdigit() else words.get((q or "").lower())
        slots["product"] = _trim(found.group("p"))
    money_text = m.group("money")
    if money_text:
        value = amount(money_text)
        if value:
            slots["amount"], slots["currency"] = value
    return slots


@rule(
    "interaction.history",
    r"^(?:(?:show|get|list|give|pull up|see|view|what'?s|whats|what is)(?: me)? )?(?:the |our |my |all )?(?:full |recent |past |contact |interaction )*(?:history|timeline|contacts|interactions|contact log|activity|touchpoints)\b(?:\s+(?:with|for|of|on|to))?\s*(?P<who>.*?)\W*$|^(?:(?P<who3>.+?)(?:'s|’s) (?:contact )?(?:history|timeline))\W*$|^when did (?:we|i) last (?:talk|speak|meet|call|email|hear)\w*(?: (?:to|with|from))? (?P<who4>.+?)\W*$|^(?:last|latest|recent) (?:(?P<n>\d+) )?(?P<kind>calls|emails|e-mails|meetings|chats|texts|visits|notes|contacts|interactions)(?: (?:with|for|to) (?P<who2>.+?))?\W*$",
)
def _history(m, d):
    who = d.cut(m, "who") if "who" in m.groupdict() else None
    kind = m.group("kind")
    channel = None
    if kind and kind not in ("contacts", "interactions"):
        channel = {"e-mails": "email", "texts": "sms"}.get(kind, kind.rstrip("s"))
    return {
        "customer": who or d.cut(m, "who2") or d.cut(m, "who3") or d.cut(m, "who4"),
        "channel": channel,
        "limit": int(m.group("n")) if m.group("n") else None,
    }


_LOG_START = r"^(?:(?:i |we |just )*(?:just )?(?:log(?:ged)?|record(?:ed)?|add(?:ed)?)(?: an?)? (?P<kind>call|phone call|email|e-mail|meeting|chat|sms|text|visit|note|voicemail|zoom|lunch)(?: (?:with|to|for|from|at))?|(?:i |we |just )*(?P<verb>called|rang|phoned|emailed|e-mailed|mailed|met(?: with)?|texted|sms'?d|visited|whatsapped|messaged|pinged|chatted with|spoke (?:to|with)|talked (?:to|with)|had (?:a )?(?:call|meeting|lunch|coffee|zoom|demo|chat) with|left (?:a )?voice ?mail (?:for|with)|dropped by|stopped by|note (?:on|for|about)|note:|lunch with|zoom with|call with|meeting with|coffee with))\s+(?P<rest>.+)$"


@rule("interaction.log", _LOG_START)
def _log(m, d):
    verb = (m.group("kind") or m.group("verb") or "").lower()
    rest = d.cut(m, "rest") or ""
    channel = _channel(verb) or "note"
    if re.search(r"\bvoice ?mail\b|\bon the phone\b", d.text):
        channel = "call"
    if re.search(r"\bon site\b|\bonsite\b", d.text):
        channel = "visit"
    if re.search(r"\b(?:zoom|teams|video call|google meet)\b", d.text):
        channel = "meeting"
    if re.search(r"\bwhats ?app|\bslack|\btelegram", d.text):
        channel = "chat"
    follow_up = None
    lowered = rest.lower()
    if found := re.search(
        rf"[,;.]?\s*(?:and |then )?(?:follow(?:ing)?[ -]?up|f/u|check back|circle back|ping (?:them|her|him) again|call (?:them|her|him) back|chase)(?: with (?:them|her|him))?(?: (?:on|by|in|next|this))?\s*(?P<when>{DATE_PHRASE})?",
        lowered,
    ):
        if found.group("when"):
            day = date_in(found.group("when"), now=d.now, tz=d.tz, future=True)
            follow_up = day.isoformat() if day else None
        else:
            follow_up = None
        rest, lowered = (
            rest[: found.start()] + rest[found.end() :],
            lowered[: found.start()] + lowered[found.end() :],
        )
    occurred = None
    if found := re.search(
        rf"(?:^|[,;]?\s+)(?P<when>today|yesterday|this morning|this afternoon|last {WEEKDAY}|on {WEEKDAY}|{WEEKDAY}|\d+ days? ago|on {MONTH} \d{{1,2}}|on \d{{1,2}}[/.]\d{{1,2}})(?=[,;.]|\s|$)",
        lowered,
    ):
        phrase = (
            found.group("when").replace("this morning", "today").replace("this afternoon", "today")
        )
        day = date_in(phrase, now=d.now, tz=d.tz, future=False)
        if day is not None:
            occurred = day.isoformat()
            rest, lowered = (
                rest[: found.start()] + rest[found.end() :],
                lowered[: found.start()] + lowered[found.end() :],
            )
    who, summary = _split_subject(rest)
    return {
        "customer": who,
        "channel": channel,
        "summary": summary,
        "occurred_on": occurred,
        "follow_up": follow_up,
    }


def _split_subject(rest: str) -> tuple[str | None, str | None]:
    """'jane at acme, she wants a quote' → ('jane at acme', 'she wants a quote')."""
    rest = rest.strip(" ,.;")
    parts = re.split(
        r"\s*[,;:.]\s+|\s+-+\s+|\s+(?:re:?|about|regarding|and (?:she|he|they) |(?:she|he|they) |who |to (?:discuss|talk about|go over) )",
        rest,
        maxsplit=1,
    )
    who = _trim(parts[0])
    summary = rest[len(parts[0]) :].strip(" ,;:.-") if len(parts) > 1 else None
    if summary:
        summary = re.sub(r"^(?:re:?|about|regarding|to discuss)\s+", "", summary, flags=re.I)
    return who, summary or None


@rule(
    "customer.create",
    r"^(?:please )?(?:add|create|new|register|enter|onboard)(?: a)?(?: new)? (?:customer|contact|client|lead|prospect|account|person|company)\s*:?\s*(?P<rest>.+)$",
)
def _create(m, d):
    rest = d.cut(m, "rest") or ""
    slots: dict[str, Any] = {}
    if found := re.search(r"\S+@\S*", rest):
        slots["email"] = found.group(0).strip(",;")
        rest = rest.replace(found.group(0), " ")
    if found := re.search(r"\+?\(?\d[\d ()./-]{5,}\d", rest):
        slots["phone"] = found.group(0).strip()
        rest = rest.replace(found.group(0), " ")
    if found := re.search(
        r"\b(?:in|from|based in|located in)\s+([A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)\s*$",
        rest.strip(" ,."),
    ):
        slots["city"] = found.group(1)
        rest = rest.strip(" ,.")[: found.start()]
    parts = [p.strip() for p in re.split(r"\s*[,;]\s*", rest) if p.strip()]
    head = parts[0] if parts else ""
    if found := re.match(r"^(?P<name>.+?)\s+(?:at|from|of|with|@)\s+(?P<company>.+)$", head):
        slots["name"], slots["company"] = found.group("name"), found.group("company")
    elif re.search(
        r"\b(?:inc|ltd|llc|gmbh|corp|corporation|co|ag|sa|plc|group|labs|systems|industries)\.?$",
        head,
        re.I,
    ):
        slots["company"] = head
    else:
        slots["name"] = head
    if len(parts) > 1 and "city" not in slots:
        last = parts[-1]
        if re.match(r"^[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?$", last):
            slots["city"] = last
    return {k: _trim(v) if k in ("name", "company", "city") else v for k, v in slots.items()}


@rule(
    "customer.update",
    r"^(?:please )?(?:change|set|update|edit|correct|fix|make)\s+(?:the\s+)?(?:(?P<f1>[a-z -]+?)\s+(?:of|for)\s+(?P<w1>.+?)|(?P<w2>.+?)(?:'s|’s)\s+(?P<f2>[a-z -]+?))\s+(?:to|=|is|as)\s+(?P<v>.+?)\W*$|^(?:move|put|mark)\s+(?P<w3>.+?)\s+(?:to|as|into|in)\s+(?:the\s+)?(?:stage\s+)?(?P<stage>lead|prospect|customer|lapsed)s?(?: stage)?\W*$|^(?:tag|label)\s+(?P<w4>.+?)\s+(?:as|with)\s+#?(?P<tag>[\w -]+?)\W*$|^(?:assign|give|hand over|reassign)\s+(?P<w5>.+?)\s+to\s+(?P<owner>[A-Z]?[\w'-]+(?:\s[\w'-]+)?)\W*$|^(?P<w6>.+?)(?:'s|’s) (?:new )?(?P<f6>email|e-mail|phone|number|mobile|title|city|company) is (?:now )?(?P<v6>.+?)\W*$",
)
def _update(m, d):
    if m.group("stage"):
        return {"customer": d.cut(m, "w3"), "field": "stage", "value": m.group("stage")}
    if m.group("tag"):
        return {"customer": d.cut(m, "w4"), "field": "tag", "value": d.cut(m, "tag")}
    if m.group("owner"):
        return {"customer": d.cut(m, "w5"), "field": "owner", "value": d.cut(m, "owner")}
    if m.group("w6"):
        return {
            "customer": d.cut(m, "w6"),
            "field": FIELDS.get(m.group("f6")),
            "value": d.cut(m, "v6"),
        }
    field_words = (m.group("f1") or m.group("f2") or "").strip()
    field_name = FIELDS.get(field_words) or FIELDS.get(
        field_words.split()[-1] if field_words else ""
    )
    if field_name is None:
        return None
    value = d.cut(m, "v")
    if field_name == "stage" and value:
        value = value.lower().rstrip("s")
    return {"customer": d.cut(m, "w1") or d.cut(m, "w2"), "field": field_name, "value": value}


@rule(
    "customer.show",
    r"^(?:(?:please |can you |could you )?(?:tell me (?:about|more about)|who(?:'s| is)|what(?:'s| is| do we know about| do we have on)|show(?: me)?(?: the)?(?: profile (?:of|for))?|find|look ?up|lookup|search(?: for)?|pull up|open|get|info (?:on|about|for)|details (?:on|for|of)|profile(?: of| for)?|card (?:for|of)|brief me on)\s+(?P<who>.+?)|(?P<ref>#\d+|[\w.+'-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d ()-]{6,}\d))\W*$",
)
def _show(m, d):
    who = d.cut(m, "who") or d.cut(m, "ref")
    if who and re.fullmatch(r"(?:the )?(?:weather|time|news|joke|flight|menu)\b.*", who.lower()):
        return None
    return {"customer": who}
