"""One contact or sale logged by mistake, taken out or put right: found by what the sender says
of it, shown, and deleted or changed once confirmed (undo puts it back)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from rapidfuzz import fuzz, process
from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from bot import checks, format
from bot.context import Ask, Context, UserError, handles
from bot.digest_activity import bounds
from bot.handlers.purchases import known_products, sale_day, sold_as
from bot.messages import Button, Reply
from bot.permissions import sees_whole_team
from bot.resolve import resolve_customer
from crm_store import normalize
from crm_store.audit import last_command, snapshot
from crm_store.models import AuditEntry, Channel, Customer, Interaction, Product, Purchase
from crm_store.search import find_customers
from intents import EACH, MOVED_TO, OLD_CHANNEL, SALE_OF, SOLD_ON, WAS, Parsed
from intents.rules import channel_of
from intents.values import amount, date_in

# the total kept when the count changes: "same total", "price stays 9k"; never "same price each"
_SAME_TOTAL = re.compile(
    r"\bsame (?:total|amount|sum)\b|\bsame price\b(?!\s*(?:per|each|a\b|/|for each))"
    r"|\b(?:total|amount|price|sum)\s+(?:stays|is the same|is still|still|unchanged|"
    r"doesn'?t change)\b",
    re.I,
)
ENTRY = "entry_id"  # the entry shown in the question, deleted once confirmed (not in the contract)
_PUT_RIGHT = {"purchase.log": "purchase.update", "interaction.log": "interaction.update"}
# an entry just put right may be put right again: "sorry i meant 5400", then "make that 6"
_PUT_RIGHT_AGAIN = {**_PUT_RIGHT, **{fixed: fixed for fixed in _PUT_RIGHT.values()}}


def someone_else_meant(session: Session, staff_id: int, text: str) -> Parsed | None:
    """ "sorry i meant priya kowalski not dubois", right after a sale or a contact was logged on
    the customer the last words name: that entry, to be moved to the customer meant; None for
    anything else (a number is a quantity or a score put right, not a customer)."""
    if (said := said_instead(text)) is None or said["new"].strip()[:1].isdigit():
        return None
    logged, customer = _entry_logged_last(session, staff_id)
    if customer is None or said["old"] and not _names(said["old"], customer):
        return None  # "not dubois" must be who it went to, or it is not this entry put right
    meant = said["new"].strip()
    if one := _THE_OTHER_ONE.fullmatch(meant):  # "that was the london one not cyberdyne"
        meant = f"{customer.name} {one['which']}"  # their namesake there
    slots = {"customer": f"#{customer.id}", ENTRY: logged.entity_id, MOVED_TO: meant}
    return Parsed(_PUT_RIGHT[logged.action], slots)


def not_whom_it_went_to(session: Session, staff_id: int, text: str) -> str | None:
    """ "sorry i meant jane smith not hans", when what was just logged went to no Hans: said so,
    rather than read as a customer called "jane smith not hans"."""
    if (said := said_instead(text)) is None or said["new"].strip()[:1].isdigit():
        return None
    logged, customer = _entry_logged_last(session, staff_id)
    if customer is None or not said["old"] or _names(said["old"], customer):
        return None
    what = "sale" if logged.action == "purchase.log" else "contact"
    return (
        f"Your last {what} went to {customer.display_name}, not “{said['old'].strip()}”, so "
        f"nothing was changed. Say “I meant {said['new'].strip()} not "
        f"{customer.name.split()[-1]}” to move it."
    )


def _entry_logged_last(
    session: Session, staff_id: int
) -> tuple[AuditEntry | None, Customer | None]:
    """The sale or contact the sender's last command logged, and whose it is."""
    entries = last_command(session, staff_id)
    logged = next((e for e in entries if e.action in _PUT_RIGHT and e.after), None)
    if logged is None:
        return None, None
    return logged, session.get(Customer, logged.after["customer_id"])


SOMEONE_ELSE_MEANT = re.compile(
    r"^\W*(?:(?:sorry|oops|sry|my bad|ugh|argh|damn|no|wait|correction|actually|"
    r"wrong [\w'’-]+)[\s,!.:]*)*"
    r"(?:i meant|meant|it was|that was|that (?:sale|order|call|e-?mail|meeting|visit|note) was|"
    r"it'?s|should (?:have )?be(?:en)?)\s+"
    r"(?:for\s+|with\s+|to\s+)?"
    r"(?P<new>[^,;]+?)\s*,?\s*(?:and\s+)?not\s+(?:for\s+|with\s+|to\s+)?(?P<old>[^,;]+?)\W*$",
    re.I,
)


# the same, the one it went to said first: "no that wasnt amelia, it was lena vogt at kestrel",
# "wrong customer, it was hugo novak"
_SOMEONE_ELSE_AFTER = re.compile(
    r"^\W*(?:(?:sorry|oops|sry|my bad|ugh|argh|damn|no|wait|correction|actually)[\s,!.:]*)*"
    r"(?:(?:that|it|this)\s+(?:wasn'?t|wasnt|was not|isn'?t|isnt|is not)\s+"
    r"(?:for\s+|with\s+|to\s+)?(?P<old>[^,;.]+?)|wrong\s+(?:customer|person|one|guy|lady|contact))\s*[,;.:-]+\s*"
    r"(?:it\s+was|that\s+was|it'?s|i\s+meant|meant|should\s+(?:have\s+)?be(?:en)?)\s+"
    r"(?:for\s+|with\s+|to\s+)?(?P<new>[^,;]+?)\W*$",
    re.I,
)


def said_instead(text: str) -> re.Match | None:
    """The customer meant (`new`) and, if said, the one a sale or contact went to (`old`)."""
    return SOMEONE_ELSE_MEANT.match(text) or _SOMEONE_ELSE_AFTER.match(text)


def task_was_a_contact(session: Session, staff_id: int, text: str) -> str | None:
    """ "no, not a task - i already called him. log it as a call", right after a reminder was set:
    the contact it told of, said as a log of it (the reminder is undone first); None otherwise."""
    if (said := _NOT_A_TASK.search(text)) is None:
        return None
    entries = last_command(session, staff_id)
    made = next((e for e in entries if e.action == "task.create" and e.after), None)
    if made is None or not made.after.get("customer_id") or len(entries) > 1:
        return None
    channel = channel_of(said["kind"] or "call") or "call"
    words = _TASK_VERB_FIRST.sub("", made.after["text"])  # "call tom lefevre: happy w …": what
    told = f"{_LOGGED_AS.get(channel, 'called')} #{made.after['customer_id']}, {words}"
    return f"{told}. f/u {made.after['due']}" if made.after.get("due") else told


_NOT_A_TASK = re.compile(
    r"\bnot an? (?:task|reminder|to-?do)\b.*?(?:\b(?:log|record|make)\s+(?:it|that)\s+(?:as\s+)?"
    r"an?\s+(?P<kind>call|meeting|visit|e-?mail|note|chat)\b|\balready\s+(?:called|rang|phoned|met|"
    r"visited|emailed))",
    re.I,
)
_TASK_VERB_FIRST = re.compile(r"^(?:call|ring|phone|visit|e-?mail|meet)\s+[^:,;]+[:,;-]\s*", re.I)
_LOGGED_AS = {"call": "called", "meeting": "met", "visit": "visited", "email": "emailed",
              "note": "note on", "chat": "messaged"}  # fmt: skip
_THE_OTHER_ONE = re.compile(r"the\s+(?P<which>[\w'’-]+(?:\s+[\w'’-]+)?)\s+one", re.I)


def just_logged_put_right(
    session: Session, staff_id: int, text: str, *, now: datetime, tz: str
) -> Parsed | None:
    """ "sorry i meant 5400", "make that 6" right after a sale; "change it to a meeting" right
    after a contact; "it was yesterday, not today" after either: that entry put right, shown
    before it is changed; None for anything else."""
    said = next((f for p in _MEANT_AFTER_LOGGING if (f := p.match(text))), None)
    if said is None and (why := _WHY_AFTER.search(text) or _SAME_TOTAL_AFTER.search(text)):
        # "…, forgot the setup fee", "actually make that 6 licenses, same total"
        said = next((f for p in _MEANT_AFTER_LOGGING if (f := p.match(text[: why.start()]))), None)
    if said is None:
        return None
    sold = said.re not in (_KIND_MEANT, _DAY_MEANT)  # a sale's figures or product
    wanted = "purchase.log" if sold else "interaction.log" if said.re is _KIND_MEANT else None
    entries = last_command(session, staff_id)
    logged = next((e for e in entries if e.action in _PUT_RIGHT_AGAIN and e.after), None)
    if logged is None or wanted and logged.action not in (wanted, _PUT_RIGHT[wanted]):
        return None
    slots: dict = {"customer": f"#{logged.after['customer_id']}", ENTRY: logged.entity_id}
    if said.re is _KIND_MEANT:
        slots["channel"] = channel_of(said["kind"])
    elif said.re is _PRODUCT_MEANT:
        slots["product"] = said["product"].strip(" '\"“”‘’")
        if not _a_product(session, slots["product"]):
            return None  # "it was a big one": no product
    elif said.re is _DAY_MEANT and (moved := _follow_up_moved(entries, said, now=now, tz=tz)):
        return moved  # "that should be tuesday not monday": the follow-up's day, not the call's
    elif said.re is _DAY_MEANT:
        day = date_in(said["when"], now=now, tz=tz, future=False)
        if day is None:
            return None
        slots["occurred_on"] = day.isoformat()
    elif (figures := _figures(said)) is not None:
        slots.update(figures)
        if keeps_the_total(text) and "amount" not in figures and logged.after.get("amount"):
            slots["amount"] = logged.after["amount"]  # "make that 6 licenses, same total"
    else:
        return None
    return Parsed(
        _PUT_RIGHT_AGAIN[logged.action], {k: v for k, v in slots.items() if v is not None}
    )


def _follow_up_moved(entries: list, said: re.Match, *, now: datetime, tz: str) -> Parsed | None:
    """The follow-up task set with the contact, moved, when the day taken back is its day and
    not the contact's."""
    task = next((e for e in entries if e.action == "task.create" and e.after), None)
    if task is None or not said["was"] or not task.after.get("due"):
        return None
    was = date_in(said["was"], now=now, tz=tz, future=True)
    if was is None or was.isoformat() != str(task.after["due"]):
        return None
    day = date_in(said["when"], now=now, tz=tz, future=True)
    return (
        Parsed("task.update", {"task_id": task.entity_id, "due": day.isoformat()}) if day else None
    )


def _figures(said: re.Match) -> dict | None:
    """The count or the sum a correction says, and the sum said after a count ("2 seats, 1980")."""
    value, currency = amount(said["figure"]) or (None, None)
    if value is None:
        return None
    if said["units"] or not (said["scale"] or currency or value >= 100):
        slots = {"quantity": value}  # "make that 6": six of them
    else:
        slots = {"amount": value, "currency": currency}  # "i meant 5400": the sum
    if "total" in said.re.groupindex and said["total"] and "quantity" in slots:
        slots["amount"], slots["currency"] = amount(said["total"]) or (None, None)
    return {k: v for k, v in slots.items() if v is not None}


def keeps_the_total(text: str) -> bool:
    """Whether the words say the sale's sum stays as its count changes ("no, same total")."""
    return bool(_SAME_TOTAL.search(text))


def figures_instead(text: str) -> dict | None:
    """ "2 licences and £1,200 total", said after "no" to a sale's preview: the count and the sum
    it should have (None when the words say anything else)."""
    said = _FIGURE_MEANT.match(text) or _FIGURES_ALONE.match(text)
    return _figures(said) if said else None


_SORRY = (
    r"^\W*(?:(?:sorry|oops|sry|my bad|ugh|no|wait|correction|actually|oh|(?:my )?typo|"
    r"wrong(?: date| day| amount| total| number| figure| price| quantity)?|"
    r"that'?s (?:wrong|not right)|thats (?:wrong|not right))"
    r"[\s,!.:]*)*"
)
_FIGURE = (  # a sum or a count said alone: "5400", "5.4k", "$5,400", "6 seats"
    r"(?P<figure>[$€£]?\s?\d[\d,.]*\s?(?P<scale>k|m)?\s*(?:usd|eur|gbp|cad|aud|chf|dollars|euros|"
    r"pounds|quid|bucks)?)"
    r"\s*(?P<units>seats|units|licen[cs]es|users|packages|boxes|items|pcs|[a-z]{3,}s)?"
)
_FIGURE_MEANT = re.compile(
    rf"{_SORRY}(?:i meant|meant|make (?:that|it)|(?:it|that) (?:was|is|should (?:have )?be(?:en)?)|"
    r"(?:the\s+)?(?:total|amount|sum|price) (?:was|is|should (?:have )?be(?:en)?)|"
    r"change (?:it|that|that sale|the sale|the amount|the total|this sale) to|"
    rf"should (?:have )?be(?:en)?)\s+(?:actually\s+)?{_FIGURE}"
    r"(?:\s+(?!(?:for|at|and|total)\b)[a-z][\w-]*){0,3}"  # "… to 6 support premium, 3600 total"
    r"(?:\s*(?:,|for|at|and|=)\s*(?:(?:a\s+|the\s+)?total(?:\s+of|\s+is|\s+was)?\s*:?\s*)?"
    r"(?P<total>[$€£]?\s?\d[\d,.]*\s?[km]?\s*(?:usd|eur|gbp|dollars|euros|pounds)?)"
    r"(?:\s+(?:in\s+)?total)?)?(?:\s+(?:after|with|incl\.?|including)\s+(?:the\s+)?discount)?\W*$",
    re.I,
)
_FIGURES_ALONE = re.compile(  # "2 licences and £1,200 total", "sorry 2 licences, CAD 6000 all in"
    rf"{_SORRY}{_FIGURE}(?:\s*(?:,|and|&|for|at|=)\s*(?:(?:a|the)\s+)?(?:total(?:\s+of|\s+is)?\s*:?\s*)?"
    r"(?P<total>(?:[$€£]|(?:usd|eur|gbp|cad|aud|chf)\s?)?\d[\d,.]*\s?[km]?\s*"
    r"(?:usd|eur|gbp|cad|aud|chf|dollars|euros|pounds|quid)?)"
    r"(?:\s+(?:in\s+)?total|\s+all\s+in)?)?\W*$",
    re.I,
)
# the same, said straight after a sale was logged: only with a word that puts it right first
# ("no wait, £1,900", "sorry 2 licences, CAD 6000 all in")
_FIGURES_PUT_RIGHT = re.compile(
    r"(?=\W*(?:sorry|oops|sry|my bad|no|wait|correction|actually)\b)" + _FIGURES_ALONE.pattern, re.I
)
_FIGURE_NOT = re.compile(  # "oops 1,450 not 14,500", "no wait she only took 1 starter, not 2"
    rf"{_SORRY}(?:(?:she|he|they)\s+(?:only\s+|just\s+|actually\s+)*(?:took|bought|wanted|"
    rf"ordered|got)\s+)?{_FIGURE}(?:\s+(?!not\b)[a-z][\w-]*){{0,3}}?\s*,?\s*not\s+"
    r"[$€£]?\s?\d[\d,.]*\s?[km]?"
    r"(?:\s*(?:usd|eur|gbp|seats|units|licen[cs]es|users))?\W*$",
    re.I,
)
# "oops it was 12,000 not 12,500", "sorry it was 14 units not 12": a sum or a count put right,
# said alone
_FIGURE_PUT_RIGHT = re.compile(
    rf"{_SORRY}(?:(?:it|that) (?:was|is)\s+|i meant\s+|make (?:it|that)\s+)?{_FIGURE}\s*,?\s*"
    r"(?:not\s+[$€£]?\s?\d[\d,.]*\s?[km]?(?:\s+[a-z]{3,}s)?)?\W*$",
    re.I,
)


def figures_put_right(text: str) -> dict | None:
    """The count or sum a message that only puts one right says ("oops it was 12,000 not 12,500",
    "sorry it was 14 units not 12")."""
    said = _FIGURE_PUT_RIGHT.match(text)
    return _figures(said) if said else None


_KIND_MEANT = re.compile(
    rf"{_SORRY}(?:the\s+(?:call|e-?mail|meeting|visit|chat|text)\s+(?:to|with)\s+[^,;:–—-]{{1,40}}?"
    r"\s*[-–—:,]\s*)?"  # "the email to lea - it was a meeting"
    r"(?:change (?:it|that) to|make (?:it|that)|(?:it|that) was(?: actually| really)?|"
    r"should (?:have )?been)\s+(?:an?\s+)?(?:video\s+|zoom\s+|teams\s+|phone\s+|in[- ]person\s+)?"
    r"(?P<kind>call|e-?mail|meeting|visit|chat|text|sms|note)(?:\s*,?\s*not\s+(?:an?\s+)?\w+)?"
    r"(?:\s*[,;.–—-]\s*(?:she|he|they|we|i)\b[^,;.?!]*)?\W*$",  # "…, she came in": why
    re.I,
)
_DAY_MEANT = re.compile(
    rf"{_SORRY}(?:(?:it|that|this|the\s+[\w -]{{1,30}}?\s+one|(?:that|the)\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:sale|order|call|e-?mail|meeting|visit)(?:\s+i\s+(?:just\s+)?(?:logged|entered|added))?)\s+"
    r"(?:was|happened|should\s+(?:be|have\s+been)(?:\s+dated)?|is\s+dated)\s+"
    r"(?:actually\s+|really\s+)?(?:on\s+|for\s+)?)"
    r"(?P<when>today|yesterday|(?:last\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|\d{1,2}(?:st|nd|rd|th)?\s+"
    r"[a-z]{3,9}|[a-z]{3,9}\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}/\d{1,2}|(?:the\s+)?\d{1,2}(?:st|nd|rd|th))"
    r"(?:\s*,?\s*not\s+(?:the\s+|on\s+)?(?P<was>\w+))?(?:\s*[-–—,.]\s*(?:please\s+|pls\s+)?(?:fix|change|correct)"
    r"(?:\s+(?:the\s+)?(?:date|day|it))?(?:\s+(?:please|pls))?)?\W*$",
    re.I,
)

_PRODUCT_MEANT = re.compile(  # "the product was CRM Enterprise", "that sale should be X not Y"
    rf"{_SORRY}(?:(?:it|that|the\s+product|the\s+item|(?:that|the)\s+(?:[\w-]+\s+){{0,3}}?sale)\s+"
    r"(?:was|is|should\s+(?:be|have\s+been))\s+(?:actually\s+|really\s+)?(?:for\s+)?|"
    r"(?:i\s+meant|meant)\s+)(?P<product>(?![\d$€£])[^,;.!?]{2,40}?)"
    r"(?:\s*,?\s*not\s+[^,;.!?]{1,40})?\W*$",
    re.I,
)

_SAME_TOTAL_AFTER = re.compile(r"\s*[,;–—-]\s*(?:the\s+)?same\s+(?:total|amount|sum)\W*$", re.I)
# why the entry is put right, said after it: "actually make that 24,500, forgot the setup fee"
_WHY_AFTER = re.compile(
    r"\s*[,;–—-]\s*(?:i\s+|we\s+)?(?:forgot|missed|left out|didn'?t (?:add|count|include)|"
    r"because|since|cos|as|incl(?:uding|\.)?|plus|with|it'?s|its)\b.*$",
    re.I,
)
_MEANT_AFTER_LOGGING = (
    _FIGURE_MEANT,
    _FIGURE_NOT,
    _FIGURES_PUT_RIGHT,
    _KIND_MEANT,
    _DAY_MEANT,
    _PRODUCT_MEANT,
)


def _a_product(session: Session, said: str) -> bool:
    """Whether words name a product of the catalogue, or one sold before."""
    keys = list(known_products(session).values())
    wanted = normalize.singular_key(said)
    return wanted in keys or bool(
        process.extractOne(wanted, keys, scorer=fuzz.ratio, score_cutoff=85)
    )


def _names(words: str, customer: Customer) -> bool:
    """Every word said is in the customer's name or company: "dubois" names Priya Dubois."""
    known = set(normalize.fold(f"{customer.name or ''} {customer.company or ''}").split())
    return bool(said := normalize.fold(words).split()) and set(said) <= known


@handles("interaction.delete")
def delete_contact(parsed: Parsed, ctx: Context) -> Reply:
    """Delete a contact logged by mistake — “delete today's call with Hugo Silva”."""
    conditions = []
    if channel := parsed.slots.get("channel"):
        conditions.append(Interaction.channel == channel)
    if day := _day(parsed):
        start, end = bounds(day, ctx.tz)
        conditions += [Interaction.occurred_at >= start, Interaction.occurred_at < end]
    contact = _chosen(ctx, parsed, Interaction, conditions, channel or "contact")
    return _deleted(ctx, contact, "interaction.delete", _contact_named(ctx, contact))


@handles("purchase.delete")
def delete_sale(parsed: Parsed, ctx: Context) -> Reply:
    """Delete a sale logged by mistake — “delete the last sale to Cyberdyne”."""
    conditions = [Purchase.purchased_on == day] if (day := _day(parsed)) else []
    if (said := parsed.slots.get("amount")) is not None:  # "delete the $3,400 sale to …"
        conditions.append(Purchase.amount == Decimal(str(said)))
    if product := parsed.slots.get("product"):  # "delete the annual IBC contract sale to …"
        conditions.append(func.lower(Purchase.product).contains(str(product).lower()))
    sale = _chosen(ctx, parsed, Purchase, conditions, "sale")
    return _deleted(ctx, sale, "purchase.delete", _sale_named(ctx, sale))


def _contact_named(ctx: Context, contact: Interaction) -> str:
    said = f": “{contact.summary}”" if contact.summary else ""
    return (
        f"the {contact.channel} with {_name(ctx, contact.customer_id)} of "
        f"{format.moment(_aware(contact.occurred_at), tz=ctx.tz, today=ctx.today)}{said}"
    )


def _sale_named(ctx: Context, sale: Purchase) -> str:
    return (
        f"the sale of {sale.quantity} × {sale.product} to {_name(ctx, sale.customer_id)} "
        f"({format.money(sale.amount, sale.currency)}, "
        f"{format.day(sale.purchased_on, today=ctx.today)})"
    )


@handles("interaction.update")
def correct_contact(parsed: Parsed, ctx: Context) -> Reply:
    """Put a contact logged wrong right — “it was a call not an email”, “that call was
    yesterday”, “it should say: …”: the kind, day or words of the latest one that fits."""
    slots = parsed.slots
    conditions = [Interaction.channel == old] if (old := slots.get(OLD_CHANNEL)) else []
    contact = _chosen(ctx, parsed, Interaction, conditions, old or "contact", doing="changed")
    if MOVED_TO in slots:
        return _moved(ctx, contact, slots[MOVED_TO], _contact_named(ctx, contact))
    channel = slots.get("channel")
    if channel is not None and channel not in Channel.__members__:
        raise UserError(f"“{channel}” is not a way of contact I know. Nothing was changed.")
    was = when = _aware(contact.occurred_at)
    if day := _day(parsed):
        if day > ctx.today:
            raise UserError("That day is still to come; a contact is logged once it happened.")
        when = datetime.combine(day, was.astimezone(ctx.tz).time(), tzinfo=ctx.tz)
    summary = contact.summary
    if "summary" in slots:  # "it should say: …": the words it was logged with, replaced
        summary = checks.text(slots["summary"], Interaction, "summary", what="summary")
    changes = []
    if channel and channel != contact.channel:
        changes.append(f"a {channel}")
    if when != was:
        changes.append(format.moment(when, tz=ctx.tz, today=ctx.today))
    if summary != contact.summary:
        changes.append(f"say “{summary}”")
    what = _contact_named(ctx, contact)
    if not changes:
        raise UserError(f"That is how it is logged already: {what}. Nothing was changed.")
    _asked_first(ctx, contact, f"Change {what} to {' and '.join(changes)}?")
    before = snapshot(contact)
    contact.channel, contact.occurred_at = channel or contact.channel, when
    contact.summary = summary
    ctx.session.add(contact)
    ctx.audit("interaction.update", contact, before=before, description=f"corrected {what}"[:500])
    now = _contact_named(ctx, contact)
    return Reply(f"Changed {what}: now {now}.", buttons=[Button("Undo", "undo")])


@handles("purchase.update")
def correct_sale(parsed: Parsed, ctx: Context) -> Reply:
    """Put a sale logged wrong right — “oh wait it was 24,500 not 24000”, “the acme sale was 5
    seats not 3”: the amount or quantity of the latest one that fits."""
    slots = parsed.slots
    narrowing = _which_sale(slots)
    if products := _products_named(ctx, slots.get(SALE_OF)):  # "the analytics pro sale …"
        narrowing += (col(Purchase.product).in_(products),)
        if normalize.fold(str(slots.get("customer"))) == normalize.fold(str(slots[SALE_OF])):
            slots = {k: v for k, v in slots.items() if k != "customer"}  # a product, not a buyer
            parsed = replace(parsed, slots=slots)
    sale = _chosen(ctx, parsed, Purchase, [], "sale", doing="changed", narrowing=narrowing)
    if MOVED_TO in slots:
        return _moved(ctx, sale, slots[MOVED_TO], _sale_named(ctx, sale))
    quantity, product = sale.quantity, sale.product
    if "quantity" in slots:
        quantity = checks.whole(slots["quantity"], what="quantity")
    if said := " ".join(str(slots.get("product") or "").split()):  # "the product was CRM Pro"
        product, _ = sold_as(ctx, said)
    money = sale.amount
    same_total = keeps_the_total(ctx.message.text)  # "sorry 2 workshops not 3, same total"
    priced_each = quantity != sale.quantity and not same_total and "amount" not in slots
    listed = ctx.session.exec(
        select(Product.price).where(Product.name == sale.product, Product.currency == sale.currency)
    ).first()
    if listed is not None and listed * quantity == sale.amount:
        priced_each = False  # "5 crm pro for 5400" put right to 6: the 5400 is what 6 cost
    if priced_each:  # "it was 14 not 12": 14 at the price each of the 12
        money = (sale.amount * quantity / sale.quantity).quantize(Decimal("0.01"))
    if slots.get(EACH):  # "sorry CRM Pro was 850 each": that price, times how many
        each = checks.amount(
            slots[EACH], ceiling=ctx.settings.max_amount, model=Purchase, field="amount"
        )
        money, priced_each = (each * quantity).quantize(Decimal("0.01")), True
    if "amount" in slots:
        ceiling = ctx.settings.max_amount
        money = checks.amount(slots["amount"], ceiling=ceiling, model=Purchase, field="amount")
    currency = str(slots.get("currency") or sale.currency).upper()
    day = sale_day(ctx, slots.get("occurred_on"), unsaid=sale.purchased_on)
    what = _sale_named(ctx, sale)
    if (quantity, money, currency, day, product) == (
        sale.quantity,
        sale.amount,
        sale.currency,
        sale.purchased_on,
        sale.product,
    ):
        raise UserError(f"That is how it is logged already: {what}. Nothing was changed.")
    changes = []
    if (quantity, product) != (sale.quantity, sale.product):  # "to 2 × Analytics Pro and $1,980"
        changes.append(f"{quantity} × {product}")
    if (money, currency) != (sale.amount, sale.currency):
        each = f" ({format.money(money / quantity, currency)} each)" if priced_each else ""
        changes.append(format.money(money, currency) + each)
    elif quantity != sale.quantity:  # "14 seats not 12, same total": the sum said to stay
        changes.append(f"the same {format.money(money, currency)} in all")
    if day != sale.purchased_on:
        changes.append(format.day(day, today=ctx.today))
    kept = {"amount": str(money)} if same_total else {}  # the yes comes without those words
    question = f"Change {what} to {' and '.join(changes)}?"
    if priced_each and not slots.get(EACH):  # the total may have been what stays: say how
        question += (
            f" (“it was {quantity} not {sale.quantity}, same total” keeps "
            f"{format.money(sale.amount, sale.currency)})"
        )
    _asked_first(ctx, sale, question, **kept)
    before = snapshot(sale)
    sale.quantity, sale.amount, sale.currency = quantity, money, currency
    sale.purchased_on, sale.product = day, product
    ctx.session.add(sale)
    ctx.audit("purchase.update", sale, before=before, description=f"corrected {what}"[:500])
    now = _sale_named(ctx, sale)
    return Reply(f"Changed {what}: now {now}.", buttons=[Button("Undo", "undo")])


def _products_named(ctx: Context, said: object) -> list[str]:
    """The products the words name, as the store spells them (plurals alike), or none."""
    wanted = normalize.singular_key(str(said)) if said else None
    return [name for name, key in known_products(ctx.session).items() if key == wanted]


def _which_sale(slots: dict) -> tuple:
    """What a correction says of the sale as it stands: its day, its figure before."""
    said = []
    if day := slots.get(SOLD_ON):
        said.append(Purchase.purchased_on == date.fromisoformat(day))
    was = slots.get(WAS) or {}
    if (before := was.get("amount")) is not None:
        said.append(Purchase.amount == Decimal(str(before)))
    if (before := was.get("quantity")) is not None:
        said.append(Purchase.quantity == before)
    return tuple(said)


def _moved(ctx: Context, entry: Interaction | Purchase, meant: str, what: str) -> Reply:
    """The entry moved to the customer meant, once the sender has seen both and said yes."""
    customer = resolve_customer(ctx, meant, slot=MOVED_TO)
    if customer.id == entry.customer_id:
        raise UserError(f"That is how it is logged already: {what}. Nothing was changed.")
    _asked_first(ctx, entry, f"Move {what} to {customer.display_name}?")
    before = snapshot(entry)
    entry.customer_id = customer.id
    ctx.session.add(entry)
    action = "purchase.update" if isinstance(entry, Purchase) else "interaction.update"
    moved = f"moved {what} to {customer.display_name}"
    ctx.audit(action, entry, before=before, description=moved[:500])
    return Reply(f"Moved {what} to {customer.display_name}.", buttons=[Button("Undo", "undo")])


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _day(parsed: Parsed) -> date | None:
    said = parsed.slots.get("occurred_on")
    return date.fromisoformat(said) if said else None


OFFERED = 5  # the entries offered when it is not said which
RECENT = timedelta(days=14)  # how far back an entry put right without a name may be


def _briefly(ctx: Context, entry: Interaction | Purchase) -> str:
    """An entry as a button says it: its day, and what was said or sold."""
    if isinstance(entry, Interaction):
        when = format.moment(_aware(entry.occurred_at), tz=ctx.tz, today=ctx.today)
        return f"{when}: {entry.summary or entry.channel}"
    day = format.day(entry.purchased_on, today=ctx.today)
    return (
        f"{day}: {entry.quantity} × {entry.product}, {format.money(entry.amount, entry.currency)}"
    )


_THAT_ONE = re.compile(
    r"\b(?:that|this)\s+(?:\w+\s+)?(?:sale|order|call|email|e-mail|meeting|visit|note|contact|one)\b",
    re.I,
)
_THE_LAST = re.compile(r"\b(?:last|latest|most recent|just|that|this)\b", re.I)


def _logged_last(ctx: Context, entry: Interaction | Purchase) -> bool:
    """Whether the entry is the last of its kind the sender logged: the one a correction that
    follows it means ("wait, the mia fischer one was a visit not a call")."""
    model = type(entry)
    last = ctx.session.exec(select(func.max(model.id)).where(model.staff_id == ctx.staff.id)).one()
    return entry.id == last


def _the_one_with_such(
    ctx: Context, said: str, model: type[Interaction] | type[Purchase], conditions: list
) -> Customer | None:
    """Of the customers a name fits, the only one with such an entry the sender logged: "the
    mia fischer one was a visit not a call" means the Mia Fischer whose call was just logged."""
    named = [found.customer.id for found in find_customers(ctx.session, str(said))]
    if len(named) < 2:
        return None
    holders = ctx.session.exec(
        select(model.customer_id)
        .where(col(model.customer_id).in_(named), model.staff_id == ctx.staff.id, *conditions)
        .distinct()
    ).all()
    return ctx.session.get(Customer, holders[0]) if len(holders) == 1 else None


def _chosen(
    ctx: Context,
    parsed: Parsed,
    model: type[Interaction] | type[Purchase],
    conditions: list,
    kind: str,
    *,
    doing: str = "deleted",
    narrowing: tuple = (),
) -> Interaction | Purchase:
    """The entry confirmed, or the latest one logged that fits what was said: the sender's own,
    or anyone's for a manager who names the customer. `narrowing` says which entry it is when
    one fits it (a sale's day and old figure), else the sender is asked which."""
    if (confirmed := parsed.slots.get(ENTRY)) is not None:
        if (entry := ctx.session.get(model, confirmed)) is None:
            raise UserError(f"That {kind} is gone already. Nothing was {doing}.")
        ctx.mentioned = entry.customer_id  # "zoe also gave us a 10" next: this Zoë
        return entry
    said = parsed.slots.get("customer")
    customer = (
        (_the_one_with_such(ctx, said, model, conditions) or resolve_customer(ctx, said, read=True))
        if said
        else None
    )
    when = Purchase.purchased_on if model is Purchase else Interaction.occurred_at
    # the latest is the one of the latest day, whenever it was logged; "that sale", "that call",
    # or one put right with no customer said ("the call was today"), is the one logged last
    logged_last = _THAT_ONE.search(ctx.message.text) or (customer is None and doing == "changed")
    latest = (col(model.id).desc(),) if logged_last else ()
    query = select(model).order_by(*latest, col(when).desc(), col(model.id).desc())
    if customer is not None:
        query = query.where(model.customer_id == customer.id)
    if customer is None or not sees_whole_team(ctx.staff):
        query = query.where(model.staff_id == ctx.staff.id)
    if customer is None and doing == "changed":
        # "it was 3 not 2": the one just logged, or one of this fortnight's, never of last year
        since = ctx.today - RECENT
        logged, _ = _entry_logged_last(ctx.session, ctx.staff.id)
        just = logged.entity_id if logged and logged.entity == model.__tablename__ else -1
        recent = when >= (since if model is Purchase else bounds(since, ctx.tz)[0])
        query = query.where(or_(recent, model.id == just))
    found = ctx.session.exec(query.where(*conditions, *narrowing).limit(OFFERED)).all()
    unsaid = not parsed.slots.keys() & {"occurred_on", "amount", "product"}
    if narrowing and not found:  # "… should be 5400 not 6120", when none says 6120: which one?
        found, unsaid = ctx.session.exec(query.where(*conditions).limit(OFFERED)).all(), True
    elif narrowing:
        unsaid = False
    if (
        customer is not None
        and len(found) > 1
        and unsaid
        and not _THE_LAST.search(ctx.message.text)
        and not (doing == "changed" and not narrowing and _logged_last(ctx, found[0]))
    ):
        # "delete the email logged on daniel okafor", with two: which one?
        reply = Reply(
            text=f"{customer.display_name} has several {kind}s. Which one? Nothing was {doing}.",
            buttons=[
                Button(f"{n}. {_briefly(ctx, entry)}"[:70], str(n))
                for n, entry in enumerate(found, start=1)
            ],
        )
        raise Ask(reply, {str(n): {ENTRY: e.id} for n, e in enumerate(found, start=1)})
    entry = found[0] if found else None
    if entry is None:
        with_whom = f" with {customer.display_name}" if customer is not None else ""
        raise UserError(
            f"I found no {kind}{with_whom} logged by you that fits, so nothing was {doing}. "
            "Say whose it was and the day, e.g. “delete today's call with Acme”."
        )
    return entry


def _asked_first(
    ctx: Context, entry: Interaction | Purchase, question: str, **kept: object
) -> None:
    """Nothing is deleted or changed before the sender has seen the entry and said yes; the yes
    names the entry shown, whatever is logged in between, and keeps what the question showed."""
    if not ctx.confirmed:
        asked = Ask.confirm(question)
        asked.choices = {"yes": {ENTRY: entry.id, **kept}}
        raise asked


def _deleted(ctx: Context, entry: Interaction | Purchase, action: str, what: str) -> Reply:
    _asked_first(ctx, entry, f"Delete {what}?")
    ctx.delete(action, entry, description=f"deleted {what}"[:500])
    return Reply(f"Deleted {what}.", buttons=[Button("Undo", "undo")])


def _name(ctx: Context, customer_id: int) -> str:
    customer = ctx.session.get(Customer, customer_id)
    return customer.display_name if customer is not None else f"#{customer_id}"
