"""Records pasted from another system, read by their field names.

"Account: Harbourside Marine | Activity: Phone Call | Date: 24/11/2026 | Notes: …" says what
it is by its keys: a contact, a sale, a new lead, an NPS answer or a handover. Such a record is
read field by field instead of as a sentence, whose cues and word order it does not have.
"""

from __future__ import annotations

import re
from typing import Any

from intents import vocab
from intents.rules import Message, channel_of
from intents.text import LINKS
from intents.values import amount, date_in, impossible

# "Key: value" parts, separated by "|", ";", "•", new lines, or a full stop before the next key
_PART = re.compile(r"\s*(?:\||;|•|\n|\s/\s|\.\s+(?=[A-Za-z][A-Za-z /-]{0,24}:\s))\s*")
_FIELD = re.compile(r"^(?P<key>[A-Za-z][A-Za-z /-]{0,24}?)\s*:\s*(?P<value>.*\S)\s*$", re.S)
# "log this → …", "Field update — …"
_LEAD_IN = re.compile(r"^.*?(?:→|->|:|\s[—–-]\s)\s*(?=[A-Za-z][A-Za-z /-]{0,24}:)")

# each key as people's systems name it → what it holds
KEYS = {
    "account": "customer", "customer": "customer", "client": "customer",
    "organisation": "customer", "organization": "customer", "record": "customer",
    "cust": "customer", "ch": "channel", "fu": "follow_up",
    "respondent": "customer", "company": "company", "name": "name", "contact": "name",
    "contact name": "name", "full name": "name",
    "activity": "channel", "type": "channel", "activity type": "channel", "subject": "subject",
    "meeting": "subject", "date": "date", "when": "date", "activity date": "date",
    "notes": "summary", "note": "summary", "summary": "summary", "description": "summary",
    "comments": "comment", "comment": "comment", "outcome": "summary",
    "follow-up": "follow_up", "follow up": "follow_up", "followup": "follow_up",
    "next step": "next", "next steps": "next", "next action": "next",
    "product": "product", "item": "product", "sku": "product", "qty": "quantity",
    "quantity": "quantity", "units": "quantity", "total": "amount", "amount": "amount",
    "value": "amount", "price": "amount", "order": "order", "invoice": "order",
    "email": "email", "e-mail": "email", "phone": "phone", "mobile": "phone", "city": "city",
    "status": "status", "stage": "status", "lifecycle stage": "status", "interest": "interest",
    "product interest": "interest", "interested in": "interest", "interests": "interest",
    "owner": "owner", "account owner": "owner",
    "score": "score", "nps": "score", "lead source": "source", "source": "source",
    "task": "task", "to do": "task", "todo": "task", "due": "due", "due date": "due",
    "billing city": "city", "title": "title", "job title": "title", "country": "country",
}  # fmt: skip
# fields a record can change on one customer: "Billing City: Cheltenham → Gloucester"
_CHANGED = ("city", "email", "phone", "owner", "status", "title", "country", "company")


def fields(text: str) -> dict[str, str] | None:
    """The record's values by what they hold, or None when the text is no record."""
    parts = [p for p in _PART.split(_LEAD_IN.sub("", text.strip(), count=1)) if p.strip()]
    found: dict[str, str] = {}
    loose = []
    for part in parts:
        field = _FIELD.match(part)
        key = field.group("key").strip().lower() if field else ""
        name = KEYS.get(key)
        if name is None:
            if field is None and re.match(r"^(?:order|invoice|inv|so)\b", part, re.I):
                found.setdefault("order", part)  # "Order #SO-11872"
            else:
                loose.append(part)
            continue
        if key == "meeting":  # "Meeting: Quarterly review – Thornbury": the key says the channel
            found.setdefault("channel", "meeting")
        value = field.group("value").strip()
        found.setdefault(name, value if name in ("summary", "comment") else value.strip(" ."))
    if len(found) < 2 or len(loose) > 2 or not found.keys() - {"date", "status", "source"}:
        return None
    if "date" not in found and (said := _date_said(" ".join(loose))):
        found["date"] = said  # "Tue 24 Nov 2026, 14:00–15:00"
    return found


def read(message: Message) -> tuple[str, dict[str, Any]] | None:
    """The intent and slots of a pasted record, or None when the message is no record."""
    said = message.cleaned.original if message.cleaned is not None else message.typed
    for link, label in LINKS:  # "Email: <mailto:a@b.ie|a@b.ie>": the address
        said = link.sub(label, said)
    if (mail := _pasted_email(said, message)) is not None:
        return mail
    found = fields(said)
    if found is None:
        return None
    if "task" in found:
        return "task.create", {"text": found["task"], "due": _day(found.get("due"), message)}
    if "score" in found:
        return _nps(found)
    if found.keys() & {"product", "quantity", "order"} and "amount" in found:
        return _sale(found)
    if found.keys() & {"channel", "summary", "subject"} and (
        found.keys() & {"customer", "subject", "company"}
    ):
        return _contact(found, message)
    changed = [n for n in _CHANGED if re.search(r"→|->", found.get(n, ""))]
    if "customer" in found and (changed or "owner" in found):
        name = changed[0] if changed else "owner"
        value = re.split(r"\s*(?:→|->)\s*", found[name])[-1]
        field = "stage" if name == "status" else name
        return "customer.update", {"customer": found["customer"], "field": field, "value": value}
    if "customer" in found and re.search(r"\b(?:delete|remove)\b", found.get("status", ""), re.I):
        return "customer.delete", {"customer": found["customer"]}
    if found.keys() & {"name", "company", "email"}:
        intent, slots = _lead(found)
        if not slots.get("stage") and _NEW_LEAD.match(message.text):  # "new lead from the form: …"
            slots["stage"] = "lead"
        return intent, slots
    return None


_NEW_LEAD = re.compile(r"^\W*(?:new|incoming|fresh)\s+(?:web\s+|website\s+)?lead\b")


def _pasted_email(said: str, message: Message) -> tuple[str, dict[str, Any]] | None:
    """An e-mail pasted with its header ("From: Niamh Corrigan <niamh@…> Subject: Re: tower
    survey — 'Thursday's survey was grand, …' — logging this"): an e-mail from its sender, what
    it said (its quoted words, else its subject), on the day it was sent."""
    sender = _FROM.search(said)
    if sender is None or not (who := sender["who"].strip(" .")) or _ADDED_FIRST.match(said):
        return None  # "new customer pls: Matthias Brandt, … — From: …": someone to add
    quoted, subject = _QUOTED.search(said), _SUBJECT.search(said)
    slots: dict[str, Any] = {"customer": who, "channel": "email"}
    slots["summary"] = (quoted and quoted["said"].strip()) or (subject and subject["subject"])
    if (sent := _SENT_ON.search(said)) and (
        day := date_in(sent["when"], now=message.now, tz=message.tz, future=False)
    ):
        slots["occurred_on"] = day.isoformat()
    return "interaction.log", {k: v for k, v in slots.items() if v}


_ADDED_FIRST = re.compile(
    r"\s*(?:(?:please|pls)\s+)?(?:add|create|new)\s+(?:a\s+)?(?:new\s+)?(?:customer|contact|client|lead)\b",
    re.I,
)
_FROM = re.compile(
    r"(?:^|[\s:>—–-])From:\s*(?P<who>[^<>\n,:'\"“‘]+?)\s*(?=<|,|\s(?:Sent|Subject|To|Date|Cc):|\s*['\"“‘]|$)"
)
_QUOTED = re.compile(
    r"(?:(?<=\s)|(?<=:))['\"“‘](?P<said>.+?)['\"”’](?=\s*(?:[-–—]|$|(?:pls|please|log)\b))", re.S
)
_SUBJECT = re.compile(
    r"\bSubject:\s*(?:(?:Re|Fwd?|AW|WG):\s*)*(?P<subject>.+?)(?=\s+[-–—]\s|\s+['\"“‘]|$)"
)
_SENT_ON = re.compile(r"\b(?:Sent|Date):\s*(?P<when>.+?)(?=\s+['\"“‘]|\s+(?:To|Subject|Cc):|$)")


def _contact(found: dict[str, str], message: Message) -> tuple[str, dict[str, Any]]:
    slots: dict[str, Any] = {}
    subject = found.get("subject", "")
    customer = found.get("customer") or found.get("company")
    if not customer and (after := re.split(r"\s[-–—]\s", subject, maxsplit=1)[1:]):
        customer = after[0]  # "Subject: Meeting - Fenwick Orchards"
    slots["customer"] = customer
    said = f"{found.get('channel', '')} {subject.split(' - ')[0] if subject else ''}".lower()
    slots["channel"] = channel_of(said) or ("meeting" if "in-person" in said else "note")
    summary = found.get("summary", "")
    if nxt := re.search(r"[.;]?\s*next steps?:\s*(.*)$", summary, re.I):
        found.setdefault("next", nxt.group(1))
        summary = summary[: nxt.start()]
    if "follow_up" not in found and (by := _BY_DATE.search(summary)):
        found["follow_up"] = by.group("date")  # "need revised SLA by Friday"
        summary = summary[: by.start()] + summary[by.end() :]
    slots["summary"] = summary.strip(" .;") or None
    invalid = {}
    if when := found.get("date"):
        day = date_in(when, now=message.now, tz=message.tz, future=False)
        if day is not None:
            slots["occurred_on"] = day.isoformat()
        elif impossible(when):
            invalid["occurred_on"] = when
    follow = found.get("follow_up") or _date_said(found.get("next", ""))
    if follow:
        day = date_in(follow, now=message.now, tz=message.tz, future=True)
        if day is not None:
            slots["follow_up"] = day.isoformat()
        elif impossible(follow):
            invalid["follow_up"] = follow
    slots["invalid"] = invalid or None
    return "interaction.log", slots


_BY_DATE = re.compile(rf"\s+(?:by|before)\s+(?P<date>{vocab.DATE_PHRASE})(?![\w/])", re.I)


def _day(said: str | None, message: Message) -> str | None:
    day = date_in(said, now=message.now, tz=message.tz, future=True) if said else None
    return day.isoformat() if day else None


def _date_said(text: str) -> str | None:
    found = vocab.DATE.search(text.lower())
    return found.group("date") if found else None


_TIMES_AFTER = re.compile(r"\s*[x×]\s?(?P<n>\d{1,6})$")


def _sale(found: dict[str, str]) -> tuple[str, dict[str, Any]]:
    slots: dict[str, Any] = {"customer": found.get("customer") or found.get("company")}
    slots["product"] = found.get("product")
    if quantity := re.fullmatch(r"\d{1,6}", found.get("quantity", "")):
        slots["quantity"] = int(quantity.group())
    elif times := _TIMES_AFTER.search(slots["product"] or ""):  # "Item: Floating nest platform x4"
        slots["product"], slots["quantity"] = slots["product"][: times.start()], int(times["n"])
    if value := amount(found["amount"]):
        slots["amount"], slots["currency"] = value
    return "purchase.log", slots


def _lead(found: dict[str, str]) -> tuple[str, dict[str, Any]]:
    slots = {k: found.get(k) for k in ("name", "company", "email", "phone", "city", "interest")}
    if stage := found.get("status"):
        slots["stage"] = vocab.STAGES.get(stage.lower())
    return "customer.create", slots


def _nps(found: dict[str, str]) -> tuple[str, dict[str, Any]]:
    slots: dict[str, Any] = {"customer": found.get("customer") or found.get("company")}
    said = found["score"]
    if re.fullmatch(r"\d{1,2}", said) and int(said) <= 10:
        slots["score"] = int(said)
    else:
        slots["invalid"] = {"score": said}
    slots["comment"] = found.get("comment") or found.get("summary")
    return "nps.record", slots
