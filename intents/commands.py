"""Commands typed as key=value pairs, the way power users script a bot.

`log customer=#1042 channel=call summary="discussed renewal" occurred=yesterday` names its slots
by the contract's names (and a few short forms), so it is read pair by pair, exactly, instead of
as a sentence. The first word says the intent; without one, the keys do ("segment=cant_lose …").
The command word may follow its object the way command lines name them ("customer add …",
"task add …", "bulk delete tag=test"), values may stand alone in quotes ("log call "Mei Lin" "asked
about invoicing" fu=eod") and `--key value` is a pair. A message that is not only those is no such
command.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from intents import vocab
from intents.rules import Message, channel_of
from intents.values import CURRENCIES, amount, date_in, impossible, time_of

_PAIR = re.compile(
    r"""(?P<key>[a-z][a-z_]*)\s*=\s*(?P<value>"[^"]*"|'[^']*'|“[^”]*”|[^\s"'“]+?(?=,?(?:\s|$)))""",
    re.I,
)
# the word a command opens with → its intent
VERBS = {
    "log": "interaction.log", "contact": "interaction.log", "note": "interaction.log",
    "show": "customer.show", "profile": "customer.show", "lookup": "customer.show",
    "task": "task.create", "todo": "task.create", "remind": "task.create",
    "reminder": "task.create", "tasks": "task.list", "done": "task.complete",
    "complete": "task.complete", "list": "segment.list", "segment": "segment.list",
    "find": "segment.list", "history": "interaction.history", "purchase": "purchase.log",
    "sale": "purchase.log", "order": "purchase.log", "create": "customer.create",
    "new": "customer.create", "add": "customer.create", "update": "customer.update",
    "edit": "customer.update", "bulk": "customer.bulk_update", "delete": "customer.delete",
    "forget": "customer.forget", "export": "customer.export", "nps": "nps.record",
    "report": "report.show", "digest": "digest.show", "suggest": "next_action.suggest",
    "next": "next_action.suggest", "subscribe": "digest.subscribe",
}  # fmt: skip
# short forms of the contract's slot names
ALIASES = {
    "cust": "customer", "client": "customer", "account": "customer", "ch": "channel",
    "note": "summary", "notes": "summary", "occurred": "occurred_on", "on": "occurred_on",
    "fu": "follow_up", "followup": "follow_up", "qty": "quantity", "amt": "amount",
    "price": "amount", "total": "amount", "ccy": "currency", "cur": "currency",
    "group": "group_by", "by": "group_by", "id": "task_id", "task": "task_id",
    "no_contact": "no_contact_days", "no_purchase": "no_purchase_days",
    "no_stage_change": "no_stage_change_days", "min": "min_value",
}  # fmt: skip
# the words a report command may say bare: "/crm report revenue last_quarter group:month chart"
_REPORT_WORDS = frozenset(
    "revenue interactions customers nps purchases today yesterday this_week last_week "
    "this_month last_month this_quarter last_quarter this_year last_year last_12_months "
    "chart".split()
)
# without a command word, a key that only one intent has says which
_TELLING_KEYS = {
    "segment": "segment.list", "sort": "segment.list", "no_purchase_days": "segment.list",
    "no_contact_days": "segment.list", "min_value": "segment.list", "metric": "report.show",
    "group_by": "report.show", "score": "nps.record",
}  # fmt: skip
_WHOLE = frozenset(
    {"quantity", "score", "limit", "no_purchase_days", "no_contact_days", "no_stage_change_days",
     "min_value", "max_value", "task_id"}
)  # fmt: skip
_PLANS = frozenset({"due", "follow_up"})  # dates still to come; the others have happened
_LOWER = frozenset({"segment", "sort", "period", "metric", "group_by", "field", "action"})
# the contract's slot names: a key that is none of them is refused, never silently dropped
KNOWN = frozenset(
    "customer name company email phone city country title owner stage interest tag field value "
    "action channel summary occurred_on follow_up limit product quantity amount currency due "
    "text task_id segment no_purchase_days no_contact_days no_stage_change_days min_value "
    "max_value sort score comment metric period group_by compare chart date time topic".split()
)
_FILLER = frozenset({"set", "for", "with", "-", ":", "|", ";", "/crm"})
_COLON_PAIR = re.compile(r"(?<![\w/])(?P<key>[a-z][a-z_]*):(?=[\w#\"'@+-])", re.I)  # "owner:me"
_SEPARATED = re.compile(r"=[^;|]*[;|]\s*[a-z_]+\s*=", re.I)  # pairs split by ";" or "|"
_SPACED_VALUE = re.compile(
    r"(?P<key>\b[a-z][a-z_]*)\s*=\s*(?P<value>[^;|\"“=]+?)\s*(?=[;|]|$)", re.I
)
# a command line's object and verb: "customer add", "task done", "bulk delete"
_OBJECT_VERBS = {
    "customer": {"add": "customer.create", "new": "customer.create", "create": "customer.create",
                 "set": "customer.update", "update": "customer.update", "edit": "customer.update",
                 "rm": "customer.delete", "del": "customer.delete", "delete": "customer.delete",
                 "remove": "customer.delete", "show": "customer.show", "get": "customer.show"},
    "purchase": {"add": "purchase.log", "log": "purchase.log", "new": "purchase.log"},
    "task": {"add": "task.create", "new": "task.create", "create": "task.create",
             "done": "task.complete", "complete": "task.complete", "close": "task.complete",
             "list": "task.list", "ls": "task.list"},
    "segment": {"list": "segment.list", "ls": "segment.list", "show": "segment.list"},
    "bulk": {"delete": "customer.bulk_update", "rm": "customer.bulk_update",
             "remove": "customer.bulk_update", "update": "customer.bulk_update"},
}  # fmt: skip
_OBJECT_VERBS["sale"] = _OBJECT_VERBS["order"] = _OBJECT_VERBS["purchase"]
_OBJECT_VERBS["todo"] = _OBJECT_VERBS["task"]
_FLAG = re.compile(
    r"(?:^|\s)--(?P<key>[a-z][a-z_]*)\s+(?P<value>\"[^\"]*\"|[^\s\"-][^\s\"]*)", re.I
)
_QUOTED = re.compile(r'"(?P<q>[^"]*)"|“(?P<q2>[^”]*)”|(?<!\w)\'(?P<q3>[^\']+)\'(?!\w)')
_REF = re.compile(r"#\d+")
_HANDLE = re.compile(r"[a-z0-9][\w.&]*[-_][\w.&-]+")  # "nadia-petrov", "aalto_print"
# where a value typed alone in quotes goes, in the order they come
_QUOTED_SLOTS = {
    "interaction.log": ("customer", "summary"), "task.create": ("text",),
    "customer.show": ("customer",), "customer.delete": ("customer",),
    "interaction.history": ("customer",), "next_action.suggest": ("customer",),
}  # fmt: skip


_AMOUNT_AND_CODE = re.compile(
    r"\b(?P<pair>(?:amount|amt|price|total)\s*=\s*[\d.,]+[km]?)\s+(?P<code>[a-z]{3})\b(?!\s*=)",
    re.I,
)


def _with_currency(found: re.Match) -> str:
    code = found["code"]
    return f"{found['pair']} currency={code}" if code.lower() in CURRENCIES else found.group()


def read(message: Message) -> tuple[str, dict[str, Any]] | None:
    """The intent and slots of a key=value command, or None when the message is no command."""
    said = message.cleaned.original if message.cleaned is not None else message.typed
    said = _FLAG.sub(lambda f: f" {f['key']}={f['value']}", said)
    said = _AMOUNT_AND_CODE.sub(_with_currency, said)  # "amount=540 EUR"
    said = _COLON_PAIR.sub(lambda p: f"{p['key']}=" if _slot_name(p["key"]) else p.group(), said)
    if _SEPARATED.search(said):  # "name=Jürgen Albrecht; company=Albrecht Logistik; …"
        said = _SPACED_VALUE.sub(lambda p: f'{p["key"]}="{p["value"]}"', said)
    pairs = list(_PAIR.finditer(said))
    rest = _PAIR.sub(" ", said)
    quoted = [next(v for v in q.groups() if v is not None) for q in _QUOTED.finditer(rest)]
    refs = _REF.findall(rest := _QUOTED.sub(" ", rest))
    typed = [w.strip(":,;") for w in _REF.sub(" ", rest).split()]  # "segment=at_risk, owner=…"
    typed = [w for w in typed if w and w.lower() not in _FILLER - {"set"}]
    words = [w.lower() for w in typed]
    keys = [ALIASES.get(p["key"].lower(), p["key"].lower()) for p in pairs]
    intent, words = _intent(words, keys)
    if intent == "interaction.log":
        keys = ["occurred_on" if k == "date" else k for k in keys]  # "log … date=yesterday"
    if intent is None or not (pairs or (refs and len(words) == 0 and _said_object(said))):
        return None
    said_bare = [w for w in words if w in _REPORT_WORDS] if intent == "report.show" else []
    words = [w for w in words if w not in said_bare]
    channel = channel_of(words[0]) if words and intent == "interaction.log" else None
    segment = _segment(words[0]) if intent == "segment.list" and words else None
    # "log call nadia-petrov 'renewal talk' date=…": a customer's handle after the channel
    handle = typed[-1] if channel and len(words) == 2 and _HANDLE.fullmatch(words[1]) else None
    if words and not ((channel or segment) and len(words) == 1) and handle is None:
        return None  # "segment at_risk owner:me", "log call …" say no more than that
    setting = _set_at(said)
    slots: dict[str, Any] = {"invalid": {}}
    if channel:
        slots["channel"] = channel
    for word in said_bare:  # "revenue", "last_quarter", "chart"
        if word == "chart":
            slots["chart"] = True
        else:
            slots["period" if "_" in word or "day" in word else "metric"] = word
    if segment:
        slots["segment"] = segment
    if intent == "customer.bulk_update" and "delete" in said.lower().split()[:2]:
        slots["action"] = "delete"
    if refs:
        slots["task_id" if intent == "task.complete" else "customer"] = refs[0]
    if handle:
        slots["customer"] = handle
    unfilled = [name for name in _QUOTED_SLOTS.get(intent, ()) if name not in slots]
    for name, value in zip(unfilled, quoted, strict=False):
        slots[name] = value.strip()
    for found, key in zip(pairs, keys, strict=True):
        value = found["value"].strip("\"'“”").strip()
        if key not in KNOWN:
            slots["invalid"].setdefault("field", found.group())  # "colour=red": no such field
            continue
        if intent == "customer.bulk_update" and setting is not None and found.start() > setting:
            slots["field"], slots["value"] = key, value  # "bulk … set tag=dormant"
            continue
        _put(slots, key, value, message)
    if intent == "customer.update" and "field" not in slots:
        changed = [k for k in slots if k in vocab.FIELDS.values() and k != "customer"]
        if len(changed) != 1:
            return None
        slots["field"], slots["value"] = changed[0], slots.pop(changed[0])
    if not slots["invalid"]:
        del slots["invalid"]
    return intent, slots


def _intent(words: list[str], keys: list[str]) -> tuple[str | None, list[str]]:
    """The intent a command's first words say (one verb, or an object and its verb), or its keys,
    and the words left after them."""
    if len(words) >= 2 and (intent := _OBJECT_VERBS.get(words[0], {}).get(words[1])):
        return intent, words[2:]
    words = [w for w in words if w != "set"]
    if words:  # "create customer: name=…": the object after the verb says nothing more
        return VERBS.get(words[0]), [w for w in words[1:] if w not in _OBJECT_VERBS]
    return (_told_by(keys) if len(keys) >= 2 else None), []


def _segment(word: str) -> str | None:
    """ "at_risk", "cant_lose": a segment named as the contract spells it."""
    said = word.replace("_", " ")
    return next((name for pattern, name in vocab.SEGMENTS if pattern.search(said)), None)


def _slot_name(key: str) -> bool:
    return ALIASES.get(key.lower(), key.lower()) in KNOWN


def _said_object(said: str) -> bool:
    """ "customer rm #4821": a command line with no pairs is one only when it names its object."""
    return said.split()[0].lower().lstrip("/") in _OBJECT_VERBS


def _told_by(keys: list[str]) -> str | None:
    told = {_TELLING_KEYS[k] for k in keys if k in _TELLING_KEYS}
    return told.pop() if len(told) == 1 else None


def _set_at(said: str) -> int | None:
    found = re.search(r"\bset\b", said, re.I)
    return found.end() if found else None


def _put(slots: dict[str, Any], key: str, value: str, message: Message) -> None:
    """One pair in its slot, in the contract's format; what cannot be right goes to `invalid`."""
    invalid = slots["invalid"]
    if key in _WHOLE:
        number = int(value) if re.fullmatch(r"-?\d{1,9}", value) else None
        if number is None or number < 0 or (key == "score" and number > 10):
            invalid[key] = value
        else:
            slots[key] = number
    elif key == "amount":
        read = amount(value)
        if read is None or value.lstrip().startswith("-"):
            invalid[key] = value
        else:
            slots["amount"] = read[0]
            if read[1]:
                slots.setdefault("currency", read[1])
    elif key in ("due", "follow_up", "occurred_on", "date") and (
        ahead := re.fullmatch(r"\+(\d{1,3})d", value)
    ):  # "followup=+3d"
        slots[key] = (message.now.date() + timedelta(days=int(ahead[1]))).isoformat()
    elif key in ("due", "follow_up", "occurred_on", "date"):
        day = date_in(value.replace("_", " "), now=message.now, tz=message.tz,
                      future=key in _PLANS)  # fmt: skip
        if day is not None:
            slots[key] = day.isoformat()
        elif impossible(value) or value:
            invalid[key] = value
    elif key == "time":
        if (said := time_of(value)) is not None:
            slots[key] = said
        else:
            invalid[key] = value
    elif key == "channel":
        slots[key] = channel_of(value.lower()) or value.lower()
    elif key == "stage":
        slots[key] = vocab.STAGES.get(value.lower(), value.lower())
    elif key == "currency":
        slots[key] = value.upper()
    elif key in _LOWER:
        slots[key] = value.lower()
    else:
        slots[key] = value
