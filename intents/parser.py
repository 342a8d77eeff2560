"""Staff messages → one intent and its slots: the model weighs the intents, the rules read slots.

The message is cleaned (`intents.rules.prepare`), the cue table says which intents its phrasing
points to, and the learned model (`intents.model`) turns words, letter runs and those cues into a
probability per intent. The likeliest intent whose reader can fill a frame wins; its calibrated
probability is the `confidence`. With a `Lexicon` of the store's names, a message that only names a
known customer is that customer's profile, and products and staff names are read as the store
spells them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from intents import commands, features, records, rules, spans, vocab
from intents.lexicon import (
    REPS,
    Lexicon,
    compound_tag,
    customers_leading,
    known_customer,
    reps_compared,
    snap_slots,
    staff_named,
    tag_dropped,
    tag_list,
    tags_together,
    with_possessives,
)
from intents.model import Model, model
from intents.rules import (
    ADDED,
    BOUGHT,
    BOUGHT_DAYS,
    CAME_FROM,
    CONTACT,
    CONTACT_FOLLOW_UP,
    CONTACT_SAID,
    CONTACTED_DAYS,
    CUSTOMERS,
    NEVER_PURCHASED,
    NOT_BOUGHT,
    NOT_TAG,
    Message,
)
from intents.text import clean
from intents.values import date_in

if TYPE_CHECKING:
    import numpy as np

ALTERNATIVES = 3  # readings offered when unsure
RECORD_CONFIDENCE = 0.9  # a record's field names say what it is
# when the likeliest reading is "not understood", unlikelier ones are still offered as buttons
UNKNOWN_FLOOR = 0.001
BARE_NUMBER_CONFIDENCE = 0.5  # a number on its own says too little to write without asking


@dataclass(frozen=True)
class Parsed:
    intent: str
    slots: dict[str, Any] = field(default_factory=dict)
    confidence: float = 1.0
    # the next likeliest readings, best first, for a reply that asks which one was meant
    alternatives: tuple[Parsed, ...] = field(default=(), compare=False)
    # words of a bulk change's selection that nothing read: the handler asks instead of widening it
    unread: tuple[str, ...] = field(default=(), compare=False)


_POINTING_BACK = re.compile(r"\b(?:it|her|him|them|that|this|those)\b", re.I)
# a reminder asked for in full after a remark: the remark is not the task's words
_REMINDER_AFTER_REMARK = re.compile(
    r"[.!?]+\s+(?=(?:pls\s+|please\s+|so\s+)?(?:remind me|set (?:me )?a reminder|add a task|"
    r"new task|create a task)\b[^.!?]*\bto\s+\w)",
    re.I,
)


def parse(text: str, *, now: datetime, tz: str, lexicon: Lexicon | None = None) -> Parsed:
    """The intent and slots of one message; `unknown` (with likely readings) when unsure."""
    if lexicon is not None:
        text = with_possessives(text, lexicon)
    text = rules.away_then_asked(rules.self_corrected(text))
    text = _ARROW_TO_STAGE.sub(" to ", text)  # "customers #35 #65 #79 -> stage lost"
    text = _NEW_DETAIL_UNCOLONED.sub(r"\g<0>:", text)  # "new email for him mateo@…"
    if (told := _passed_on(text, now=now, tz=tz, lexicon=lexicon)) is not None:
        return told  # "Fwd from Kari: Ingrid Solberg … called Friday": what Kari passed on
    message = rules.prepare(text, now=now, tz=tz)
    if (
        vocab.DEALS_CLOSED.search(message.text)
        and not _A_CHANGE_ASKED.match(message.text)
        and (closed := rules.read("report.show", message))
        and closed.get(rules.CLOSED)
    ):  # "whats my win rate", "how many deals did we lose": asked, never a change to make
        return Parsed("report.show", closed, RECORD_CONFIDENCE)
    if vocab.UNDO_NAMED.match(message.text) and not _NAMES_WHOSE.search(message.text):
        return Parsed("undo", {}, RECORD_CONFIDENCE)  # "undo the analytics pro sale": no delete
    headings = (_NEW_ONE_AFTER, _LEADS_HEADED, _SIGNED_UP)
    card = next((found for h in headings if (found := h.match(message.typed))), None)
    if (
        card
        and (
            added := parse(
                f"new {_kind(card)}: {_named_first(card)}{message.typed[card.end() :]}",
                now=now,
                tz=tz,
                lexicon=lexicon,
            )
        ).intent
        == "customer.create"
    ):
        return added  # "none of those, he's a new lead. new lead: …", "trade show leads: …"
    if (put := _PUT_IN_AS_NEW.match(message.typed)) and (
        added := parse(
            f"new lead: {put['who']}, {message.typed[put.end() :]}", now=now, tz=tz, lexicon=lexicon
        )
    ).intent == "customer.create":
        return added  # "Put Tamar Estuary Oyster Co in as a new lead, Sal Renwick, 0417 …"
    if (sale := vocab.SALE_THAT_AFTER.match(message.text)) and (
        sold := _sale_then_asked(sale, message, now=now, tz=tz, lexicon=lexicon)
    ):
        return sold
    if keen := _KEEN_ON.match(message.typed):  # "he's interested in crm starter": hers to note
        who = keen["who"] if keen["who"].lower() not in _PRONOUN_SUBJECTS else None
        slots = {"customer": who, "field": "interest", "value": keen["what"].strip()}
        return Parsed("customer.update", rules.clean_slots(slots), 0.85)
    if twice := _ENTERED_TWICE.match(message.typed):  # "looks like kai brandt got entered twice"
        who = next(twice[g] for g in ("who", "who2", "who3", "who4") if twice[g])
        return Parsed("segment.list", {rules.NAMESAKES: who.strip()}, 0.85)
    if held := _HAS_A_TASK_HANDED.match(message.typed):
        # "léa nakamura has a chase task from sam for friday, hand it to jordan": that task
        about = " ".join((held["what"] or "").split())
        slots = {"customer": held["who"].strip(), "about": about or None, "owner": held["to"]}
        return Parsed("task.update", rules.clean_slots(slots), 0.85)
    if (plainly := rules.contact_plainly(message)) is not None:
        return parse(plainly, now=now, tz=tz, lexicon=lexicon)
    if (record := commands.read(message) or records.read(message)) is not None:
        # typed as key=value pairs, or pasted from another system, by field
        intent, slots = record
        slots = rules.clean_slots(slots)
        if lexicon is not None:
            slots = snap_slots(intent, slots, message.typed, lexicon)
        return Parsed(intent, slots, RECORD_CONFIDENCE)
    if vocab.ONLY_SMALL_TALK.fullmatch(message.text):  # "thx, night all", "cheers, off home"
        return Parsed("smalltalk", {}, RECORD_CONFIDENCE)
    if (
        (left_out := vocab.EXCEPT.search(message.text))
        and not vocab.BUT_NEVER.search(message.text)  # "bought X but not Y": what they lack
        and (excluding := _excluding(left_out, message, now=now, tz=tz, lexicon=lexicon))
    ):
        return excluding
    if (
        opening := vocab.OPENING_ASSENT.match(message.text)
        or vocab.OPENING_SMALL_TALK.match(message.text)
    ) and (
        asked := parse(message.typed[opening.end() :], now=now, tz=tz, lexicon=lexicon)
    ).intent not in ("unknown", "smalltalk"):
        return asked  # "ok thanks. whats the pipeline now": the request after the thanks
    if (
        (won := vocab.WON_TOO.search(message.text))
        and (sold := parse(message.typed[: won.start()], now=now, tz=tz, lexicon=lexicon)).intent
        == "purchase.log"
        and sold.slots.keys() & {"amount", "quantity"}  # "X signed this morning": no sale told
    ):
        return sold  # "X accepted the proposal!! 30 drums CRM Pro 27k, move her to customer"
    if noted := vocab.NOTE_THAT_AFTER.match(message.text):
        what = message.typed[slice(*noted.span("what"))]
        told = parse(what, now=now, tz=tz, lexicon=lexicon)
        if told.intent in ("purchase.log", "nps.record") or (
            told.intent == "interaction.log" and told.slots.get("channel", "note") != "note"
        ):
            return told  # "email her the deck - log it": the email, not a note about it
        return parse(f"note: {what}", now=now, tz=tz, lexicon=lexicon)
    if sale := _LOG_THE_SALE.match(message.text):
        rest = message.typed[sale.end() :]
        for said in (rest, f"sold {rest}"):  # "record the sale too, 10 crm pro at 900 each"
            if (sold := parse(said, now=now, tz=tz, lexicon=lexicon)).intent == "purchase.log":
                return sold  # "log the sale too: 50 x crm pro to ingrid taylor, 27500"
    if (told := vocab.LOG_THAT.match(message.text)) and (
        said := parse(message.typed[told.end() :], now=now, tz=tz, lexicon=lexicon)
    ).intent in ("interaction.log", "purchase.log", "nps.record"):
        return said  # "log that hugo wilson emailed me on tuesday asking for …"
    if (
        (loaded := _TOO_MANY_THEN_MOVED.match(message.typed))
        and (moved := parse(loaded["rest"], now=now, tz=tz, lexicon=lexicon)).intent
        == "customer.bulk_update"
        and moved.slots.get("owner") in (None, loaded["who"])
    ):  # "sam has too many. move the never-contacted ones to jordan": of Sam's
        unread = tuple(w for w in moved.unread if w.casefold() not in vocab.WHOSE)
        return replace(moved, slots={**moved.slots, "owner": loaded["who"]}, unread=unread)
    if taking := _CAN_THEY_TAKE.match(message.typed):  # "can maria take the polaris renewal
        what, who = taking["what"], taking["who"]  # quote, im swamped": that task, hers now
        book = _AN_ACCOUNT.search(what)  # "could sam take over the acme account": the customer
        said = f"give {what} to {who}" if book else f"give {what} task to {who}"
        handed = parse(said, now=now, tz=tz, lexicon=lexicon)
        if handed.intent in (
            ("customer.update", "customer.bulk_update") if book else ("task.update",)
        ):
            return handed
    if (
        (question := _ASKED_THEN_REMARK.match(message.typed))
        and (asked := parse(question["asked"], now=now, tz=tz, lexicon=lexicon)).intent in _ASKED
        and asked.confidence >= 0.7
    ):
        return asked  # "who's priya shah? alex gave me someone new": the question, not the remark
    if (counted := _COUNT_TO_WHOM.match(message.typed)) and (
        sold := parse(f"sold {counted.group('sale')}", now=now, tz=tz, lexicon=lexicon)
    ).intent == "purchase.log":
        return sold  # "oh and 2 support premium to her at 1200 each": sold to her
    if (mine := _MINE_NOW.match(message.typed)) and (
        taken := parse(f"give {mine['who'] or mine['who2']} to me", now=now, tz=tz, lexicon=lexicon)
    ).intent in ("customer.update", "customer.bulk_update"):
        return taken  # "I'll take over Adega Monte Cinza", "X — I'll take this one myself"
    for said, meant, wanted in _SAID_OTHERWISE:
        if (found := said.match(message.typed)) is None:
            continue
        reread = parse(meant(found), now=now, tz=tz, lexicon=lexicon)
        if reread.intent in wanted if wanted else reread.intent != "unknown":
            return reread  # (wanted None: any reading but unknown)
    if (taking := _TAKING_OVER_THEN_MOVED.match(message.typed)) and (
        moved := parse(f"move {taking['what']} to {taking['who']}", now=now, tz=tz, lexicon=lexicon)
    ).intent == "customer.bulk_update":
        return moved  # "Maria is taking over Sam's deals in Berlin. move them to her"
    if (
        (pointed := rules.named_then_pointed(message)) is not None
        and (said := parse(pointed.typed, now=now, tz=tz, lexicon=lexicon)).intent
        in (
            "customer.update",
            "customer.delete",
            "customer.restore",
            "task.update",
            "task.complete",
        )
        and not rules.missing_required(said.intent, said.slots)
    ):
        return said  # "omar jensen at wayne logistik went bust, delete him": delete omar jensen …
    if (remark := _REMARK_THEN_ASKED.match(message.typed)) and (
        said := parse(message.typed[remark.end() :], now=now, tz=tz, lexicon=lexicon)
    ).intent in _CHANGED | {"customer.restore"}:
        return said  # "some junk in the leads: delete oliver brown, rafael novak and björn dubois"
    if both := _BOTH_THEN_TOLD.match(message.typed):  # "zoe wilson and mateo o'brien, delete both"
        names = _DESCRIBED.sub("", both["names"])  # "zoe wilson (madrid lead)": zoe wilson
        asked = f"{both['verb']} {names}{both['rest']}"
        if (said := parse(asked, now=now, tz=tz, lexicon=lexicon)).intent in _CHANGED:
            return said
    if (told := rules.selection_then_told(message)) is not None and (
        said := parse(told, now=now, tz=tz, lexicon=lexicon)
    ).intent == "customer.bulk_update":
        return said  # "all customers of Rahul in proposal over 45 days, please move them to lost"
    if (asked := rules.named_then_asked(message)) is not None and (
        said := parse(asked, now=now, tz=tz, lexicon=lexicon)
    ).intent == "customer.changes":
        return said  # "björn dubois - who changed his stage to lost today?"
    if (kept := vocab.AS_MY_TASK.search(message.text)) and kept.start() > 0:
        planned = parse(
            f"remind me to {message.typed[: kept.start()]}", now=now, tz=tz, lexicon=lexicon
        )
        if planned.intent == "task.create":
            return planned  # "qbr with emma taylor on the 15th, put it in my tasks"
    if (tail := vocab.WITH_THEIR_TASKS.search(message.text)) and tail.start() > 0:
        moved = parse(message.typed[: tail.start()], now=now, tz=tz, lexicon=lexicon)
        if moved.intent in ("customer.update", "customer.bulk_update") and (
            moved.slots.get("field") == "owner"
        ):  # "move X to maria, with his open task", "give those to sam, with their tasks"
            return replace(moved, slots={**moved.slots, WITH_TASKS: True})
    if numbered := _NUMBERED_TASK_SETTLED.match(message.text):  # "58 is a dupe, close it"
        task = int(numbered["n"] or numbered["n2"])
        if numbered["verb"] not in (None, "close"):  # "delete task 4, its a duplicate": gone
            return Parsed("task.update", {"task_id": task, "action": "delete"}, 0.85)
        return Parsed("task.complete", {"task_id": task}, 0.85)
    if finished := _DONE_WITH_THE_TASK.match(message.typed):  # "done with the chase chloe task"
        said = f"close {message.typed[finished.end() :]}"
        return parse(said, now=now, tz=tz, lexicon=lexicon)
    if handed := _TASKS_THEN_HANDED.match(message.typed):  # "jordan's tasks - give them to sam"
        return parse(f"give {handed['whose']} to {handed['who']}", now=now, tz=tz, lexicon=lexicon)
    if (numbered := _NUMBERED_TASK_TO.match(message.text)) and numbered["to"] not in vocab.STAGES:
        n, to = numbered["n"] or numbered["n2"], numbered["to"]  # "task 30 -> jordan", "30 to fri"
        verb = "move" if to.lower() in vocab.DATE_WORDS else "give"
        if (said := parse(f"{verb} task {n} to {to}", now=now, tz=tz)).intent == "task.update":
            return said
    if handed := _THAT_TASK_HANDED.match(message.text):  # "hand that task to jordan": whose now
        about = " ".join((handed["what"] or "").split()) or None  # "give that qbr task to maria"
        return Parsed(
            "task.update", rules.clean_slots({"owner": handed["who"], "about": about}), 0.85
        )
    if too := vocab.FIELD_TOO.match(message.typed):  # "the phone too pls, +34 611 223 344"
        return parse(f"their {too['field']} is {too['value']}", now=now, tz=tz, lexicon=lexicon)
    if not_that := vocab.NOT_THAT_TASK.match(message.text):  # "actually no not 2, …, undo"
        said = not_that["n"] or not_that["n2"]
        return parse(f"reopen task {said}", now=now, tz=tz, lexicon=lexicon)
    if (closing := vocab.THEN_CLOSE.search(message.text)) and closing.start() > 0:
        done = parse(message.typed[closing.end() :], now=now, tz=tz, lexicon=lexicon)
        if done.intent == "task.complete":  # "he rang back so close the noah schneider follow up"
            told = rules.prepare(message.typed[: closing.start()], now=now, tz=tz)
            before = message.typed[: closing.start()]
            named = (rules.read("interaction.log", told) or {}).get("customer") or (
                before[:1].isupper() and rules.leading_name(before)  # "X's PO received — tick …"
            )
            if not done.slots and named:  # "noah called back, close his follow up": noah's
                done = replace(done, slots={"customer": named})
            return done
    if (done := vocab.DONE_AFTER.search(message.text)) and done.start() > 0:
        said = message.typed[: done.start()]
        slots = rules.task_done_after(said)
        told = rules.read("interaction.log", rules.prepare(said, now=now, tz=tz)) or {}
        if "customer" not in slots and told.get("customer"):  # "called hans back, that one's done"
            slots["customer"] = told["customer"]
        return Parsed("task.complete", slots, 0.85)
    if (asked := rules.told_then_asked(message.typed)) is not None and (
        said := parse(asked, now=now, tz=tz, lexicon=lexicon)
    ).intent in _ASKED:
        return said  # "jordan handed in his notice, last day is today. what's open on his side?"
    if (
        (reminder := _REMINDER_AFTER_REMARK.search(message.typed))
        and not _POINTING_BACK.search(message.typed[reminder.end() :])
        and _only_a_remark(message.typed[: reminder.start()], now=now, tz=tz)
        and (said := parse(message.typed[reminder.end() :], now=now, tz=tz, lexicon=lexicon)).intent
        == "task.create"
    ):
        return said  # "you didnt make the follow up. remind me thursday to send X an offer"
    reason = rules.REASON_FIRST.match(message.text) or rules.REASON_STATED.match(message.text)
    if reason and (said := _after_reason(message, reason, now=now, tz=tz, lexicon=lexicon)):
        return said
    # "Oh shoot, Thandi changed jobs - can you update X's name to Y": the request, when whole
    before = rules.SAID_BEFORE_ASKING.match(message.text)
    quoted = rules.QUOTED_BEFORE_ASKING.match(message.text)
    if (before or quoted) and (
        said := _after_reason(message, before or quoted, now=now, tz=tz, lexicon=lexicon)
    ):
        sender = quoted and _SENT_BY.search(message.typed[: quoted.end()])
        if sender and not said.slots.get("customer"):
            # "Pasting mail from Kisan Agro Mart: '…' — update their city to Nashik": theirs
            said = replace(said, slots={**said.slots, "customer": sender["who"].strip()})
        if not rules.missing_required(said.intent, said.slots):
            return said
    if (reason := rules.REASON_AFTER.match(message.text)) and (
        said := _before_reason(message, reason, now=now, tz=tz, lexicon=lexicon)
    ):
        return said
    if lexicon is not None and (handed := _TASK_FOR_SOMEONE.match(message.typed)):
        if staff_named(handed["who"], lexicon) == handed["who"]:
            # "jordan: chase omar jensen (wayne logistik) for the signed proposal, due wed"
            return parse(f"task for {message.typed}", now=now, tz=tz, lexicon=lexicon)
    if (
        lexicon is not None
        and (same := _SAME_TASK_FOR.match(message.typed))
        and staff_named(same["who"], lexicon) == same["who"]
    ):  # "same for maria with kenji moreau - intro call …, by the 11th too", after a task
        asked = f"give {same['who']} a task: {same['what']} with {same['customer']}"
        return parse(asked, now=now, tz=tz, lexicon=lexicon)
    hits, first = rules.cue_hits(message)
    if lexicon is not None and not hits and (customer := known_customer(message.typed, lexicon)):
        return Parsed("customer.show", {"customer": customer}, 0.95)
    if lexicon is not None and (deleted := _deleted_by_name(message, lexicon)) is not None:
        return deleted
    if lexicon is not None and (untagged := tag_dropped(message.typed, lexicon)):
        return parse(untagged, now=now, tz=tz, lexicon=lexicon)  # "drop credit-pending from him"
    if lexicon is not None and (tag := compound_tag(message.typed, lexicon)):
        if (selected := _tag_apart(tag, message, now=now, tz=tz, lexicon=lexicon)) is not None:
            return selected  # "bin all of jordan's stale-lead leads": those tagged stale-lead
    if lexicon is not None and (tagged := _several_tagged(message.typed, lexicon)):
        return tagged  # "tag noah nguyen, jonas smith and omar wilson webinar-dec"
    if lexicon is not None and (either := tags_together(message.typed, lexicon)):
        return parse(either, now=now, tz=tz, lexicon=lexicon)  # "vip and enterprise customers"
    if lexicon is not None and (tagged := tag_list(message.typed, lexicon)):
        return Parsed("segment.list", tagged, 0.9)  # "my win-back list pls"
    if lexicon is not None and (reps := reps_compared(message.typed, lexicon)):
        slots = {"group_by": "owner", REPS: reps, "period": rules.period_said(message)}
        return Parsed("report.show", rules.clean_slots(slots), 0.95)  # "dana vs sam"
    current = model()
    text_features, evidence = features.of(message.text, hits, first)
    tagging = spans.Tagging(current.tagger(), message, evidence)
    probabilities = current.probabilities(text_features, evidence)
    parsed = choose(message, probabilities, current, lexicon, tagging=tagging)
    if (
        parsed.slots.get("field") == "owner"
        and str(parsed.slots.get("value")).lower() in ("her", "him")
        and lexicon is not None
        and (lead := _COLLEAGUE_FIRST.match(message.typed))
        and staff_named(lead["who"], lexicon)
    ):  # "maria is taking over berlin from sam - hand all sam's berlin accounts to her": maria
        parsed = replace(parsed, slots={**parsed.slots, "value": lead["who"]})
    if parsed.intent in ("customer.update", "customer.delete", "customer.restore"):
        parsed = _to_many(parsed, message, lexicon)
    elif parsed.intent == "interaction.log":
        parsed = (
            _sold_there(parsed, message, now=now, tz=tz, lexicon=lexicon)
            or _scored_there(parsed)
            or _with_each(parsed, message, lexicon)
        )
    elif parsed.intent == "task.create" and lexicon is not None:
        parsed = _task_each(parsed, message, lexicon)
    elif parsed.intent == "task.update" and (
        staged := _numbers_staged(parsed, now=now, tz=tz, lexicon=lexicon)
    ):
        parsed = staged
    elif parsed.intent == "customer.show" and len(numbered := _numbered(message.text)) > 1:
        parsed = replace(parsed, slots={CUSTOMERS: numbered})  # "who owns #178 and #172 now"
    elif parsed.intent == "task.complete" and CUSTOMERS in parsed.slots:  # "… both done"
        parsed = replace(parsed, slots={k: v for k, v in parsed.slots.items() if k != "customer"})
    elif parsed.intent in ("nps.record", "purchase.log") and (
        contact := rules.read("interaction.log", message)
    ):  # "called bjorn, … nps 7", "tom from cyberdyne called, … sold 5 crm pro": the call too
        if contact.get("channel", "note") != "note" and vocab.CONTACT_VERB.search(
            rules.unquoted(message.text)
        ):
            slots = {**parsed.slots, CONTACT: contact["channel"]}
            if contact.get("follow_up"):  # "…, gave us a 5 on nps. follow up thursday": the call's
                slots[CONTACT_FOLLOW_UP] = contact["follow_up"]
                if vocab.FOLLOW_UP.match(clean(str(slots.get("comment", ""))).text.lower()):
                    del slots["comment"]  # what to do next, not what the customer said
            if parsed.intent == "nps.record" and (
                own := rules.said_before_score(contact.get("summary"))
            ):  # "visited X, walked him thru …. gave us an 8 on nps": the visit's own words
                said = str(parsed.slots.get("comment", ""))
                if fuzz.partial_ratio(own, said) < 85 or len(own) > len(said) + 10:
                    slots[CONTACT_SAID] = own  # the visit's words, when more than the answer's
            said, caller = str(slots.get("customer", "")), contact.get("customer")
            if (
                caller
                and said != caller
                and (
                    said.startswith(caller)
                    or said.endswith(caller)
                    or caller.startswith(f"{said} ")
                )
            ):  # "tom @ cyberdyne called, …", "called X, …": X; "visited mia fischer summit …"
                slots["customer"] = caller
            parsed = replace(parsed, slots=slots)
    if (
        parsed.intent == "interaction.log"
        and parsed.slots.get("follow_up") == message.now.date().isoformat()
        and _THEIRS_TODAY.search(message.text)
        and not _FOLLOW_UP_TODAY.search(message.text)
    ):  # "contract signed, they're sending it over today": theirs to do, no follow-up of ours
        parsed = replace(parsed, slots={k: v for k, v in parsed.slots.items() if k != "follow_up"})
    if parsed.intent == "interaction.log" and (asked := _REMIND_ME_ON.search(message.text)):
        # "…, try again in jan. remind me jan 12": the day asked for wins over "in jan"
        day = date_in(asked["when"], now=message.now, tz=message.tz, future=True)
        summary = _REMIND_ME_ON.sub("", str(parsed.slots.get("summary") or "")).strip(" ,;.")
        if day is not None:
            slots = {**parsed.slots, "follow_up": day.isoformat(), "summary": summary or None}
            parsed = replace(parsed, slots={k: v for k, v in slots.items() if v})
    if (
        parsed.intent == "interaction.log"
        and parsed.slots.get("follow_up")
        and (step := rules.NEXT_STEP_AT_END.search(str(parsed.slots.get("summary") or "")))
        and step.start() > 0
        and re.search(  # (said with "by": "…, send deck fri" keeps what is to be sent)
            rf"{re.escape(step.group().strip(' ,;.-–—').lower())}\s+(?:by|before|until|till)\b",
            message.text,
        )
    ):  # "…, send contract by wednesday": the follow-up's own words, not what was said
        summary = parsed.slots["summary"][: step.start()].strip(" ,;.-–—")
        parsed = replace(parsed, slots={**parsed.slots, "summary": summary or None})
    if (
        parsed.intent == "report.show"
        and "metric" not in parsed.slots
        and parsed.slots.get("group_by") == "owner"
        and _BEST_REP.search(message.text)
    ):  # "whos our best rep this month": by what they sold
        parsed = replace(parsed, slots={"metric": "revenue", **parsed.slots})
    if parsed.intent == "purchase.log" and "amount" not in parsed.slots:
        parsed = _rated_not_sold(parsed, message)
    if parsed.intent == "purchase.log" and "quantity" not in parsed.slots:
        parsed = _counted_before(parsed, message)
    if parsed.intent == "purchase.log" and parsed.slots.get("product"):
        parsed = _in_dozens(parsed, message)
    if _BARE_NUMBER.fullmatch(message.text):  # "14" alone: a task, an answer, a typo? ask
        parsed = replace(parsed, confidence=min(parsed.confidence, BARE_NUMBER_CONFIDENCE))
    return parsed


_BEST_REP = re.compile(
    r"\b(?:best|top|strongest|leading|number one|no\.? ?1)\s+(?:rep|sales ?(?:person|rep)|seller|"
    r"performer|closer)s?\b"
)
_THEIRS_TODAY = re.compile(
    r"\b(?:they|she|he)(?:['’](?:re|s|ll)|\s+(?:are|is|will))\s+[^,.;!?]*\b(?:today|tonight)\b"
)
_FOLLOW_UP_TODAY = re.compile(
    r"\b(?:follow(?:ing)?[ -]?up|f/u|fu|call (?:her|him|them) back|cb|chase|remind|check)\b"
)
_NUMBERED_TASK_SETTLED = re.compile(
    r"^\W*(?:task\s*)?#?(?P<n>\d{1,6})\s+(?:is|'s)\s+(?:a\s+)?(?:dupe|duplicate|done|finished|"
    r"complete|sorted|handled|not needed|no longer needed)\b[\s,.;-]*"
    r"(?:(?:so\s+|pls\s+|please\s+)?(?:close|complete|tick off|mark done|mark it done)(?:\s+it)?"
    r"(?:\s+(?:pls|please))?)?\W*$"
    # "you made 2 tasks, delete 53 its a dupe": a task of the two, not customer #53
    r"|^(?=.*\btasks?\b)(?:[^.,;]*[.,;]\s*)?(?P<verb>delete|remove|drop|bin|kill|cancel|close)\s+"
    r"(?:task\s*)?#?(?P<n2>\d{1,6})\s*[,.;-]?\s*(?:it'?s|its|is|as it'?s|that'?s)\s+(?:a\s+)?"
    r"(?:dupe|duplicate)\W*$",
    re.I,
)
_DONE_WITH_THE_TASK = re.compile(
    r"^\W*(?:i'?m\s+|all\s+)?done\s+with\s+(?=(?:the|my|that)\s.*\btask\b)", re.I
)
_TASKS_THEN_HANDED = re.compile(
    r"^\W*(?:(?:now|and|then|ok|also)\W+)*(?P<whose>[\w'-]+(?:'s|’s|s')\s+(?:(?:open|overdue|"
    r"remaining|other)\s+)?(?:tasks|to-?dos|follow-?ups))(?:\s*[-–—:,]\s*(?:please\s+|pls\s+)?"
    r"(?:hand|give|move|pass|reassign|send)\s+(?:them|those|it|these)(?:\s+all)?(?:\s+over)?|"
    r"\s+(?:(?:all|over)\s+)?)\s*to\s+(?P<who>[\w'-]+)(?:\s+(?:please|pls|too|as well|now))*\W*$",
    re.I,
)


def _rated_not_sold(parsed: Parsed, message: Message) -> Parsed:
    """ "Brandt Seilzugang rated 7, price ok but delivery took 3 weeks": a score told, with no
    sum to make it a sale, is the NPS answer."""
    if not _RATED_FIRST.match(message.text):
        return parsed
    scored = next((r for r in parsed.alternatives if r.intent == "nps.record"), None)
    if scored is None or "score" not in scored.slots:
        return parsed
    return replace(scored, confidence=parsed.confidence, alternatives=(parsed,))


_RATED_FIRST = re.compile(
    r"^[^,;.!?]{2,60}?\s+(?:rated|scored)\s+(?:us\s+)?(?:an?\s+)?(?:nps\s+)?(?:10|\d)(?:\s*/\s*10)?\b"
)


def _only_a_remark(said: str, *, now: datetime, tz: str) -> bool:
    """Whether words before a reminder asked in full are a remark ("you didnt make the follow
    up."), not a request of their own: nothing read, or a task only guessed, never asked for."""
    intent = parse(said, now=now, tz=tz).intent
    return intent in ("unknown", "smalltalk") or (
        intent == "task.create" and not _ASKS_A_TASK.search(said)
    )


_ASKS_A_TASK = re.compile(r"\b(?:remind|reminder|task|to-?do|todo)\b", re.I)


def _scored_there(parsed: Parsed) -> Parsed | None:
    """ "rang kenji, unhappy w/ setup, … nps now 5. f/u thurs": the NPS answer given on the call,
    with the call logged beside it; None when the contact told no score."""
    said, who = str(parsed.slots.get("summary") or ""), parsed.slots.get("customer")
    if not who or not (scored := _SCORE_IN_CONTACT.search(said)):
        return None
    comment = " ".join(f"{said[: scored.start()]} {said[scored.end() :]}".split()).strip(" ,.;-")
    slots = {"customer": who, "score": int(scored["score"]), "comment": comment or None}
    if (channel := parsed.slots.get("channel")) and channel != "note":
        slots[CONTACT] = channel
    slots[CONTACT_FOLLOW_UP] = parsed.slots.get("follow_up")
    return replace(parsed, intent="nps.record", slots=rules.clean_slots(slots))


_SCORE_IN_CONTACT = re.compile(  # "… nps now 5": the answer; never "re his nps 6", told of
    r"[\s,.;]*(?<!his )(?<!her )(?<!their )(?<!the )(?<!its )(?<!our )(?<!that )"
    r"\bnps\s+(?:(?:is|was|now|=|:|of|score)\s*)*(?P<score>10|\d)\b(?!\s*(?:/|of\b|out\b|%))"
    r"(?:\s+now\b)?",
    re.I,
)


def _sold_there(
    parsed: Parsed, message: Message, *, now: datetime, tz: str, lexicon: Lexicon | None
) -> Parsed | None:
    """ "visited ingrid taylor at vertex health - they signed! 50 seats crm pro, 27,500": the sale
    made on the visit, with the visit logged beside it; None when the contact told no sale."""
    said, who = str(parsed.slots.get("summary") or ""), parsed.slots.get("customer")
    if not who or not rules.A_SALE_TOLD.search(said.lower()):
        return None
    told = f"{who} {said}"
    if told.casefold().split() == message.typed.casefold().split():
        return None  # read as a contact already: the words say no more
    sold = parse(told, now=now, tz=tz, lexicon=lexicon)
    if sold.intent != "purchase.log" or not sold.slots.keys() >= {"amount", "product"}:
        return None
    slots = {**sold.slots, "customer": who}
    if (channel := parsed.slots.get("channel")) and channel != "note":
        slots[CONTACT] = channel
    return replace(sold, slots=slots)


def _sale_then_asked(
    sale: re.Match, message: Message, *, now: datetime, tz: str, lexicon: Lexicon | None
) -> Parsed | None:
    """ "… 2 x trial kits, SGD 6,800 total. Log sale.": the sale told before the ask, with a sum
    said after it ("--> log sale pls, S$9,600"); a pasted mail's sender is its customer."""
    what = re.sub(r"^(?:note|fyi)\s*:\s*", "", message.typed[slice(*sale.span("what"))], flags=re.I)
    tail = message.typed[slice(*sale.span("tail"))].strip(" ,;:") if sale["tail"] else ""
    told = parse(", ".join(filter(None, (what, tail))), now=now, tz=tz, lexicon=lexicon)
    if told.intent == "purchase.log":
        return told
    mail = parse(what, now=now, tz=tz, lexicon=lexicon)
    if mail.intent != "interaction.log" or not mail.slots.get("customer"):
        return None
    said = f"sale to {mail.slots['customer'].strip(' /')}: {mail.slots.get('summary', '')}"
    told = parse(", ".join(filter(None, (said, tail))), now=now, tz=tz, lexicon=lexicon)
    return told if told.intent == "purchase.log" else None


_NAMED_AFTER_VERB = re.compile(r"^\W*(?:(?:pls|please|so|then|and)\s+)*[a-z]+\b", re.I)
_SENT_BY = re.compile(r"\bfrom\s+(?P<who>[A-Z][^:'\"“‘]{2,60}?)\s*:", re.I)
_THEIR_BOOK = re.compile(
    r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}(?:customers|clients|accounts|leads|book)\b"
)


def _after_reason(
    message: Message, reason: re.Match, *, now: datetime, tz: str, lexicon: Lexicon | None
) -> Parsed | None:
    """ "sam has too many big accounts. give kenji moreau to jordan": the change, read without the
    reason said before it; None when that sentence asks or tells something of its own."""
    if rules.named_then_pointed(message) is not None:
        return None  # "X hasn't been contacted in ages, give him to Jordan": him is X
    if vocab.TASKS_HANDED_OVER.search(message.text):
        return None  # "Jordan is off sick. hand his tasks to Sam": his are Jordan's
    said = rules.prepare(message.typed[: reason.end()], now=now, tz=tz)
    if rules.cue_hits(said)[0] & _TOLD:
        return None  # "called acme, she is keen. move her to proposal": a contact, then a change
    change = parse(message.typed[reason.end() :], now=now, tz=tz, lexicon=lexicon)
    if change.slots.get("field") == "owner" and change.slots.get("value") in ("him", "her"):
        # "Jordan will focus on enterprise, so move all berlin leads to him": to Jordan
        named = rules.leading_name(message.typed[: reason.end()])
        named = re.sub(r"(?:'s|’s)$", "", named) if named else named  # "sam's london based, …"
        change = replace(change, slots={**change.slots, "value": named})
    if (
        (
            (change.intent == "customer.update" and change.slots.get("field") == "stage")
            or change.intent == "customer.delete"  # "Hirano Ceramics - please remove. They closed"
        )
        and (
            not change.slots.get("customer")
            and not vocab.SELECTION_SAID.search(
                message.text[: reason.end()]
            )  # "All customers …, put"
            and not rules.ALL_OF_THEM.search(
                message.text[: reason.end()]
            )  # "close all of X's leads"
            and (named := rules.leading_name(message.typed[: reason.end()]))
        )
    ):  # "dvorak signed. mark won": the one who signed, read as said of them
        said = _NAMED_AFTER_VERB.sub(rf"\g<0> {named} ", message.typed[reason.end() :], count=1)
        again = parse(said, now=now, tz=tz, lexicon=lexicon)
        slots = {**change.slots, "customer": named}
        read_as = str(again.slots.get("customer", ""))  # "mark dvorak won": "mark dvorak"
        alike = {**again.slots, "customer": named} == slots and named in read_as
        sure = again.confidence if again.intent == change.intent and alike else change.confidence
        change = replace(change, slots=slots, confidence=max(change.confidence, sure))
    if (
        change.intent == "customer.update"
        and change.slots.get("field") in ("owner", None)
        and change.slots.get("value")
        and _THEIR_BOOK.fullmatch(str(change.slots.get("customer", "")).lower())
        and (named := rules.leading_name(message.typed[: reason.end()]))
    ):  # "Right, Callum's left. Move his whole book to Priya": every customer of Callum's
        owner = re.sub(r"(?:'s|’s)$", "", named)
        slots = {"owner": owner, "field": "owner", "value": change.slots["value"]}
        return Parsed("customer.bulk_update", slots, max(change.confidence, 0.8))
    if (
        change.intent == "customer.bulk_update"
        and _THEIR_BOOK.search(message.text[reason.end() :])
        and (named := rules.leading_name(message.typed[: reason.end()]))
    ):  # "Lucía has too many customers. Please move all her customers from Valencia to Javi"
        slots, owner = dict(change.slots), re.sub(r"(?:'s|’s)$", "", named)
        if (was := slots.get("owner")) and was.casefold() != owner.casefold():
            slots.setdefault("city", was)  # "from Valencia", read as whose, is where
        return replace(change, slots={**slots, "owner": owner})
    whose = [w for w in change.unread if w.casefold() in vocab.WHOSE]
    if change.intent == "customer.bulk_update" and whose and "owner" not in change.slots:
        # "Lorcan's off sick, can you move all his Galway customers to Aoife": Lorcan's
        if named := rules.leading_name(message.typed[: reason.end()]):
            unread = tuple(w for w in change.unread if w not in whose)
            owner = re.sub(r"(?:'s|’s)$", "", named)
            change = replace(change, slots={**change.slots, "owner": owner}, unread=unread)
    return change if change.intent in _TOLD else None


def _before_reason(
    message: Message, reason: re.Match, *, now: datetime, tz: str, lexicon: Lexicon | None
) -> Parsed | None:
    """ "take Ben Ruiz out of the crm, he's moved to Aussie": the change, read without the reason
    said after it (which would name another customer, or another change)."""
    change = parse(message.typed[: reason.start("reason")], now=now, tz=tz, lexicon=lexicon)
    return change if change.intent in _CHANGED | {"customer.restore"} else None


# what changes the store: a sentence that cues none of these is a reason, not a request
_TOLD = frozenset(
    {"interaction.log", "purchase.log", "nps.record", "task.create", "task.complete",
     "task.update", "customer.create", "customer.update", "customer.delete",
     "customer.bulk_update", "customer.forget", "customer.restore", "interaction.delete",
     "purchase.delete", "interaction.update", "purchase.update"}
)  # fmt: skip
# a remark, a colon, then the change asked: "some junk in the leads: delete …" (never a task's
# or a note's heading, whose words after the colon are what to do or what was said)
_REMARK_THEN_ASKED = re.compile(
    r"^(?![^:]*\b(?:tasks?|remind(?:er)?|to-?do|todo|note|log|e-?mail|mail|call|subject|from|re|fw|"
    r"fwd|for|to)\b)[^:\d]{3,60}?:\s+(?=(?:please\s+|pls\s+)?(?:delete|remove|bin|move|give|hand|"
    r"tag|untag|mark|reassign|assign|restore)\b)",
    re.I,
)
_CHANGED = frozenset({"customer.update", "customer.delete", "customer.bulk_update", "task.update"})


def _a_colleagues_book(slots: dict, message: Message, lexicon: Lexicon | None) -> bool:
    said = slots.get("customer")
    if lexicon is None or not isinstance(said, str) or staff_named(said, lexicon) != said:
        return False
    book = rf"\b{re.escape(said)}(?:'s|’s|s')?\s+{_THEIR_MANY}"
    return bool(re.search(book, message.typed, re.I))


_THEIR_MANY = (
    r"(?:[\w-]+\s+){0,3}?(?:customers|leads|accounts|clients|deals|ones|book|proposals|prospects|"
    r"qualified|champions|detractors|promoters|pipeline)\b"
)


def choose(
    message: Message,
    probabilities: np.ndarray,
    current: Model,
    lexicon: Lexicon | None = None,
    *,
    tagging: spans.Tagging | None = None,
) -> Parsed:
    """The likeliest intent that its reader can fill, with its calibrated confidence; the slot
    tagger's spans (`tagging`) replace the rules' where it reads better."""
    order = sorted(range(len(probabilities)), key=lambda i: (-probabilities[i], i))
    readings: list[Parsed] = []
    said = (message.cleaned.original if message.cleaned is not None else message.text).lower()
    for rank, i in enumerate(order):
        intent, probability = current.classes[i], float(probabilities[i])
        floor = UNKNOWN_FLOOR if readings and readings[0].intent == "unknown" else 0.01
        if readings and (len(readings) > ALTERNATIVES or probability < floor or rank > 6):
            break
        if intent == "smalltalk" and not (
            vocab.SMALL_TALK.search(said) or vocab.SMALL_TALK.search(message.text)
        ):
            continue  # "chloe garcia granite" is not a greeting, whatever its letters suggest
        if intent in _CHANGES_STORE and _asked_not_told(said):
            continue  # "björn dubois - who changed his stage to lost?": asked, never done
        slots = {} if intent in _NO_SLOTS else rules.read(intent, message)
        if slots is None:
            continue
        if tagging is not None:
            slots = spans.merge(intent, slots, tagging)
        if intent == "customer.create" and rules.not_a_name(slots.get("name")):
            continue  # never a customer named with a sentence, whoever read the name
        if intent in ("customer.update", "customer.show") and _a_colleagues_book(
            slots, message, lexicon
        ):
            continue  # "move Maria's qualified customers to Sam", "show me maria's proposals"
        if intent == "report.show":
            slots = rules.per_rep_only(slots, message)
        slots = rules.without_dangling_words(rules.as_typed(slots, message))
        slots = rules.without_customer_tail(slots, message.typed)
        if lexicon is not None:
            slots = snap_slots(intent, slots, message.typed, lexicon)
        unread = _still_unread(slots.pop(rules.UNREAD, ()), slots)
        missing = rules.incomplete(intent, slots, message)
        confidence = round(
            current.confidence(probability, missing=missing, corrected=message.corrected), 2
        )
        readings.append(Parsed(intent, slots, confidence, unread=unread))
        if len(readings) == 1 and intent != "unknown" and confidence >= 0.8:
            break
    if not readings:
        return Parsed("unknown", {}, 0.5)
    # the likeliest intent may not be the likeliest frame: one it cannot fill is seldom right
    readings.sort(key=lambda reading: -reading.confidence)
    best, others = readings[0], [r for r in readings[1:] if r.intent != "unknown"]
    if best.intent == "unknown":
        return Parsed("unknown", {}, best.confidence, tuple(others[:ALTERNATIVES]))
    return replace(best, alternatives=tuple(others[: ALTERNATIVES - 1]))


def _numbered(text: str) -> list[str]:
    """The customers' #ids a message names, each once."""
    return list(dict.fromkeys(re.findall(r"#\d{1,9}\b", text)))


# "undo the sale to jane cooper": that customer's sale, deleted (not the last change undone)
_NAMES_WHOSE = re.compile(r"\b(?:to|for|with|from|of|on)\s")


def _deleted_by_name(message: Message, lexicon: Lexicon) -> Parsed | None:
    """ "delete Test Customer": the customer the store has by that very name, not a selection."""
    named = _DELETE_NAMED.match(message.typed)
    if named is None or (who := named["who"].strip(" .!")).lower() not in lexicon.names.whole:
        return None
    return Parsed("customer.delete", {"customer": who}, 0.85)


_DELETE_NAMED = re.compile(
    r"^\s*(?:(?:please|pls)\s+)?(?:delete|remove|bin|trash)\s+(?:the\s+)?(?P<who>[^,;:]+?)"
    r"(?:\s+(?:please|pls))?\W*$",
    re.I,
)


def _to_many(parsed: Parsed, message: Message, lexicon: Lexicon | None) -> Parsed:
    """A change to several customers named one after another is a change to many, previewed."""
    # the customers run to the end of a delete or an untag: "remove the vip tag from X and Y"
    ends = parsed.intent in ("customer.delete", "customer.restore")
    ends = ends or parsed.slots.get("action") == "untag"
    named = rules.customers_named(parsed.slots, message, to_end=ends)
    numbered = _numbered(message.text)
    said = set(_numbered(str(parsed.slots.get("customer", ""))))
    if (
        len(numbered) > 1
        and said
        and said <= set(numbered)
        and not set(numbered) <= set(named or ())
    ):
        named = numbered  # "move #12 #13 to sam", "tag #169, #49 and #177 win-back"
    if lexicon is not None and not named:  # "jonas smith and omar wilson too, both to qualified"
        leading, _ = customers_leading(message.typed, lexicon)
        said = str(parsed.slots.get("customer", "")).casefold()
        if len(leading) > 1 and said in {n.casefold() for n in leading}:
            named = leading
    while named and (_REMARK.match(named[-1]) or _ASKED_ALONE.fullmatch(named[-1])):
        named.pop()  # "delete mateo o'brien, junk lead", "X, delete pls, …": why or how, not who
    if named and len(named) == 1:
        return replace(parsed, slots={**parsed.slots, "customer": named[0]})
    if not named or (lexicon is not None and known_customer(" and ".join(named), lexicon)):
        return parsed
    if parsed.intent == "customer.restore":  # "restore #48 and #47"
        return replace(parsed, slots={CUSTOMERS: named})
    slots = {k: v for k, v in parsed.slots.items() if k != "customer"}
    if (
        parsed.intent == "customer.delete"
        and ((untag := rules.read("customer.bulk_update", message)) or {}).get("action") == "untag"
    ):
        return replace(
            parsed, intent="customer.bulk_update", slots=untag
        )  # "remove x-tag from #87, #127"
    if parsed.intent == "customer.delete":
        return replace(
            parsed, intent="customer.bulk_update", slots={CUSTOMERS: named, "action": "delete"}
        )
    if slots.get("field") not in ("owner", "stage", "tag", "interest") or not slots.get("value"):
        return parsed
    return replace(parsed, intent="customer.bulk_update", slots={CUSTOMERS: named, **slots})


def _with_each(parsed: Parsed, message: Message, lexicon: Lexicon | None) -> Parsed:
    """A contact with several customers named one after another is logged with each."""
    named = rules.customers_named(parsed.slots, message, to_end=True, ends=rules.CONTACT_ENDS)
    if not named and lexicon is not None and (first := parsed.slots.get("customer")):
        # "emailed jane cooper, hank scorpio and bill lumbergh the recording"
        others, rest = customers_leading(str(parsed.slots.get("summary", "")), lexicon)
        if others and _listed_after(str(first), others[0], message.typed):
            slots = {k: v for k, v in parsed.slots.items() if k != "summary"}
            return replace(
                parsed,
                slots={**slots, CUSTOMERS: [first, *others]} | ({"summary": rest} if rest else {}),
            )
    if not named or (lexicon is not None and known_customer(" and ".join(named), lexicon)):
        return parsed  # "Marks and Spencer" is one customer the store knows
    return replace(parsed, slots={**parsed.slots, CUSTOMERS: named})


def _several_tagged(typed: str, lexicon: Lexicon) -> Parsed | None:
    """ "tag noah nguyen, jonas smith and omar wilson webinar-dec": a tag on each customer named."""
    if (asked := _TAG_NAMED.match(typed)) is None:
        return None
    named, rest = customers_leading(asked["rest"], lexicon)
    tag = re.sub(r"^(?:with|as)\s+", "", rest.strip(" ,.!"), flags=re.I).lstrip("#")
    if len(named) < 2 or not re.fullmatch(r"[\w-]+", tag):
        return None
    return Parsed("customer.bulk_update", {CUSTOMERS: named, "field": "tag", "value": tag}, 0.85)


_TAG_NAMED = re.compile(r"^\W*(?:(?:pls|please|and|also|now)\s+)*tag\s+(?P<rest>\S.*)$", re.I)


def _numbers_staged(
    parsed: Parsed, *, now: datetime, tz: str, lexicon: Lexicon | None
) -> Parsed | None:
    """ "move 35, 65 and 79 to lost": customers by #id moved to a stage, never tasks handed to
    someone called Lost."""
    stage = str(parsed.slots.get("owner", "")).lower()
    numbers = parsed.slots.get("task_id")
    if stage not in vocab.STAGES or not numbers:
        return None
    named = [f"#{n}" for n in (numbers if isinstance(numbers, list) else [numbers])]
    said = f"move {', '.join(named[:-1])} and {named[-1]}" if len(named) > 1 else f"move {named[0]}"
    moved = parse(f"{said} to {stage}", now=now, tz=tz, lexicon=lexicon)
    return moved if moved.intent in ("customer.update", "customer.bulk_update") else None


def _in_dozens(parsed: Parsed, message: Message) -> Parsed:
    """ "2 doz 14mm glass eyes", "a dozen roses": counted in units, 24 and 12."""
    product = re.sub(r"^(?:doz\.?|dozen)\s+(?:of\s+)?", "", parsed.slots["product"], flags=re.I)
    said = rf"\b(?:(\d+)|an?)\s*(?:doz\.?|dozen)\s+(?:of\s+)?{re.escape(product)}"
    if (dozens := re.search(said, message.typed, re.I)) is None:
        return parsed
    quantity = int(dozens[1] or 1) * 12
    return replace(parsed, slots={**parsed.slots, "product": product, "quantity": quantity})


def _counted_before(parsed: Parsed, message: Message) -> Parsed:
    """ "closed $18k with X for 6 blade inspections": the count said before what was sold."""
    product = str(parsed.slots.get("product") or "")
    if not product:
        return parsed
    said = message.cleaned.original if message.cleaned is not None else message.typed
    before = rf"(?<![\w.,$€£-])(\d{{1,5}})\s+(?:x\s+)?{re.escape(product)}\b"
    counted = re.search(before, said, re.I)
    if counted is None or int(counted[1]) == 0:
        return parsed
    return replace(parsed, slots={**parsed.slots, "quantity": int(counted[1])})


def _task_each(parsed: Parsed, message: Message, lexicon: Lexicon) -> Parsed:
    """ "a follow-up for each of jane cooper, hank scorpio and bill lumbergh: …", "call A, B and C
    by friday": a task on each customer named, not one on the first with the others in its text."""
    first, text = str(parsed.slots.get("customer", "")), str(parsed.slots.get("text", ""))
    at = message.typed.casefold().find(first.casefold()) if first else -1
    if at < 0 or _LEFT_OUT_BEFORE.search(message.typed[:at]):
        return parsed  # "a task for each of them …, except kenji moreau and mia rossi": not them
    named, _ = customers_leading(message.typed[at:], lexicon)
    if len(named) < 2:
        return parsed
    listed = re.search(rf"{re.escape(named[0])}.*?{re.escape(named[-1])}", text, re.I)
    if listed is None:
        return parsed
    before = _EACH_OF.search(text[: listed.start()])
    task = f"{text[: before.start() if before else listed.start()]} {text[listed.end() :]}"
    task = re.sub(r"\s+([:,;.])", r"\1", " ".join(task.split())).strip(" ,;:-")
    slots = {k: v for k, v in parsed.slots.items() if k != "customer"}
    return replace(parsed, slots={**slots, "text": task or text, CUSTOMERS: named})


_LEFT_OUT_BEFORE = re.compile(rf"\b(?:{vocab.LEFT_OUT_WORDS}|skip(?:ping)?|without|not)\s*$", re.I)
_EACH_OF = re.compile(
    r"\s*\b(?:(?:for|on|with|to)\s+)?(?:(?:each|all|every one|both)\s+of\s+)?(?:the\s+)?$", re.I
)


def _tag_apart(
    tag: re.Match, message: Message, *, now: datetime, tz: str, lexicon: Lexicon
) -> Parsed | None:
    """A selection naming a tag of the store's bare ("my price-error custs?"), read without it and
    then narrowed to it; None when the tag is read as said ("tagged stale-lead", "tag them
    stale-lead") or the rest selects nothing."""
    said = tag.group()
    named = re.escape(said)
    if re.search(
        rf"\b(?:un-?)?tag\b[^.;]*?{named}|\btagged\b[^,.;]*?{named}|{named}['\"]?\s+tag\b"
        rf"|\b(?:remove|drop|take|strip|clear)\s+(?:the\s+)?['\"#]?{named}",  # "untag x-tag from …"
        message.typed,
        re.I,
    ):
        return None
    rest = f"{message.typed[: tag.start()]} {message.typed[tag.end() :]}"
    read = parse(" ".join(rest.split()), now=now, tz=tz, lexicon=lexicon)
    selects = ("segment.list", "customer.bulk_update")
    # "my custs?" alone may read as nothing sure: the list is still the likeliest
    parsed = next((r for r in (read, *read.alternatives) if r.intent in selects), None)
    if parsed is None or "tag" in parsed.slots:
        return None
    return replace(parsed, slots={**parsed.slots, "tag": said}, confidence=read.confidence)


def _listed_after(first: str, then: str, typed: str) -> bool:
    """Whether `then` is named right after `first`, as a list does ("A, B and C"), not as what
    the contact was about ("note on A: B referred them")."""
    said = rf"{re.escape(first)}\s*(?:,|\band\b|&|\+|\bplus\b)\s*{re.escape(then)}"
    return re.search(said, typed, re.I) is not None


def _excluding(
    left_out: re.Match, message: Message, *, now: datetime, tz: str, lexicon: Lexicon | None
) -> Parsed | None:
    """A list or change with some of it left out ("… but not the munich ones", "… except Anna
    Fischer"): the rest read as usual, what is left out as customers named or as a selection.
    What cannot be read stays unread, so a change is refused rather than made wider than meant.
    None when the rest is not a list or a change to many."""
    rest, end = message.typed[: left_out.start()], left_out.end("clause")
    parsed = parse(rest, now=now, tz=tz, lexicon=lexicon)
    target = _TARGET_AT_END.search(message.typed, left_out.start("clause"), end)
    if target is not None and parsed.intent != "customer.bulk_update":
        # "move maria's berlin customers except the lost ones to sam": the change is said last
        moved = parse(f"{rest} {target.group('target')}", now=now, tz=tz, lexicon=lexicon)
        if moved.intent == "customer.bulk_update":
            parsed, end = moved, target.start()
    if parsed.intent not in ("segment.list", "customer.bulk_update"):
        return None
    said = message.typed[left_out.start("clause") : end]
    said = vocab.EXCEPT_REASON.sub("", said) or said
    said = _ASIDE_AT_END.sub("", said) or said  # "… and emma dubois (just moved to maria)"
    if _KEPT_WITH.match(left_out["said"]):  # "but leave björn with sam": björn
        said = _WITH_WHOM_AT_END.sub("", said) or said
    words = _ONES.sub(" ", _ANYTHING.sub(" ", said)).strip(" ,.")  # "except anything tagged x"
    stages = parsed.slots.get("stage")
    if (stage := vocab.STAGES.get(words.lower().removesuffix("s"))) and isinstance(stages, list):
        if stage not in stages:  # "open deals …, any stage except customer": left out already
            return parsed
    names = [n for n in vocab.LISTED.split(words) if n.strip()]
    numbered = all(re.search(r"#\d", n) for n in names)  # "except #129", "but not chloe #129"
    if names and (
        numbered or lexicon is not None and all(known_customer(n, lexicon) for n in names)
    ):
        return _left_out(parsed, said, customers=names)
    if lexicon is not None and len(names) > 1:  # "except the austin ones and amelia weber"
        named = [n.strip() for n in names if known_customer(n.strip(), lexicon)]
        others = [n.strip() for n in names if n.strip() not in named]
        if named and len(others) == 1 and (chosen := _selected(others[0], now, tz, lexicon)):
            return _left_out(parsed, said, **chosen, customers=named)
    if lexicon is not None and (owned := _REPS_CUSTOMER.match(words)):
        # "except sams hugo silva at maple foods": one of Sam's customers, not all of them
        person = re.sub(r"\s+(?:at|from|of|@)\s+", " ", owned["customer"])
        if staff_named(owned["rep"], lexicon) and known_customer(person, lexicon):
            return _left_out(parsed, said, customers=[owned["customer"]])
    if chosen := _selected(words, now, tz, lexicon):
        return _left_out(parsed, said, **chosen)
    if lexicon is None and names:
        return _left_out(parsed, said, customers=names)
    return replace(parsed, unread=(*parsed.unread, said))


def _selected(said: str, now: datetime, tz: str, lexicon: Lexicon | None) -> dict[str, Any]:
    """The selection that words left out name ("the munich ones", "the ones in munich", "the
    lost ones"), read as a list of them; empty when they name none."""
    words = _ONES.sub(" ", said).strip(" ,.")
    asked = (
        (f"list customers {words}",)
        if _PLACED.match(words)
        else (f"list {words} customers", f"list customers in {words}")
    )
    for question in asked:
        listed = parse(question, now=now, tz=tz, lexicon=lexicon)
        chosen = {k: v for k, v in listed.slots.items() if k in _SELECTION}
        if chosen.get("segment") == "lost" and "stage" not in chosen:
            chosen["stage"] = chosen.pop("segment")  # "except the lost ones": deals lost
        if listed.intent == "segment.list" and chosen and not listed.unread:
            return chosen
    return {}


_PLACED = re.compile(r"(?:in|from|at|based in|located in)\s", re.I)
_REPS_CUSTOMER = re.compile(r"^(?P<rep>[\w-]+?)(?:'s|’s|s)\s+(?P<customer>\S.+)$", re.I)


def _left_out(parsed: Parsed, said: str, **who: Any) -> Parsed:
    return replace(parsed, slots={**parsed.slots, EXCLUDING: {"said": said, **who}})


def _still_unread(phrases: list[str], slots: dict[str, Any]) -> tuple[str, ...]:
    """The phrases no slot took in the end (the tagger or the store's names may place them)."""
    taken = {w for v in slots.values() if isinstance(v, str) for w in _WORD.findall(v.lower())}
    return tuple(p for p in phrases if not set(_WORD.findall(p.lower())) <= taken | _ASKING_WORDS)


_WORD = re.compile(r"[\w'’-]+")
# the words that ask for a change, left over after a selection said first ("…: add tag x")
_ASKING_WORDS = frozenset({"add", "put", "give", "set", "then", "and", "also", "please", "pls"})


_TARGET_AT_END = re.compile(r"\s+(?P<target>(?:to|into|as)\s+[\w'-]+(?:\s+[\w'-]+)?)\W*$", re.I)
_REMARK = re.compile(
    r"(?:(?:it'?s|it is|is|na|e\s+don|they'?re)\s+)?(?:a\s+|an\s+|just\s+)?"
    r"(?:junk|spam|dupe?|duplicate|copy|double|test|fake|dead|bogus|wrong|"
    r"old|not a|no longer|gone|closed|bounced|never|typo)\b",
    re.I,
)
_ASKED_ALONE = re.compile(r"(?:delete|del|remove|bin|trash)(?:\s+(?:it|pls|please|them))*", re.I)
_ONES = re.compile(r"\b(?:the|those|these|ones|one)\b", re.I)
_ASIDE_AT_END = re.compile(r"\s*\([^()]*\)?\s*$")
_KEPT_WITH = re.compile(r"(?:but\s+)?(?:leave|leaving|keep)\b", re.I)
_WITH_WHOM_AT_END = re.compile(r"\s+with\s+[\w'’-]+$", re.I)
_ANYTHING = re.compile(
    r"\b(?:anything|anyone|anybody|everything|everyone|any|all)\s+(?=(?:tagged|in|from|owned)\b)",
    re.I,
)
_SELECTION = ("segment", "no_purchase_days", "no_contact_days", "no_stage_change_days",
              "never_contacted", NEVER_PURCHASED, "city", "tag", "interest", "owner", "stage",
              "min_value", "max_value", CAME_FROM, BOUGHT_DAYS, CONTACTED_DAYS, ADDED, BOUGHT,
              NOT_BOUGHT, NOT_TAG)  # fmt: skip
EXCLUDING = "excluding"  # who a selection leaves out (not in the contract's frame)
WITH_TASKS = "with_tasks"  # a customer handed over with their open tasks (ditto)
_NUMBERED_TASK_TO = re.compile(
    r"^(?:task\s*#?(?P<n>\d+)|(?P<n2>\d+))\s*(?:->|→|=>|>|\bto\b)\s*(?P<to>[a-z][\w'-]*)"
    r"(?:\s+(?:too|as well|instead|pls|please))?\W*$"
)
_THAT_TASK_HANDED = re.compile(
    r"^(?:(?:ok|okay|and|then|so|pls|please|can you)[\s,]+)*(?:give|hand|pass|reassign|assign)\s+"
    r"(?:(?:that|this|his|her)\s+(?:one\s+)?(?P<what>(?:[\w'-]+\s+){0,3}?)|the\s+(?:one\s+)?)"
    r"(?:task|reminder|to-?do)\s+"
    r"(?:over\s+)?to\s+(?P<who>[a-z][\w'-]*)(?:\s+(?:too|as well|instead|pls|please))?"
    r"(?:\W*$|\s*[,;.–—-]+\s*(?:(?:it'?s|its|she'?s|he'?s|they'?re)\s|since|as|because).*$)"
)
# a new customer told after a remark: "none of those, he's a new lead. new lead: …", "no, add her
# as a new lead: …"
_NEW_ONE_AFTER = re.compile(
    r"^(?:(?P<head>.{2,120}?)(?:[.;!:,]\s+|\s[-–—]\s+)|(?=add\s+(?:him|her|them)\s)"
    r"|(?:(?:pls|please|can you|could you)\s+)?make\s+(?:a\s+)?(?=new\s))"
    r"(?:add\s+(?:him|her|them)\s+as\s+(?:an?\s+)?)?"
    r"new\s+(?P<kind>lead|customer|client|contact|account|prospect)(?:\s+(?:pls|please))?\s*[:,.-]\s*"
    r"(?=\S)",
    re.I,
)


# "new webinar signup -> From: Lena Vogel <…> …": someone who signed up, a new lead
def _named_first(card: re.Match) -> str:
    """The name said before the heading ("Mrs Nguyen Thi Lan - new customer, 0412 …"), kept
    when it is one; a sentence before it ("none of those, he's a new lead.") is dropped."""
    head = (card.groupdict().get("head") or "").strip()
    if _NAME_BEFORE_CARD.fullmatch(head) and not rules.not_a_name(head):
        return f"{head}, "
    return ""


_NAME_BEFORE_CARD = re.compile(
    r"(?:(?:mr|mrs|ms|dr|dra|prof|ks|sr|sra)\.?\s+)?[A-ZÀ-Þ][\w'’.&-]*"
    r"(?:\s+(?:[A-ZÀ-Þ][\w'’.&-]*|van|von|de|da|del|der|di|du|bin|al|el|la|le)){1,5}"
)


def _kind(card: re.Match) -> str:
    """Who a heading adds, as said ("… new customer:", "new prospect:"); a lead unless said."""
    return (card.groupdict().get("kind") or "lead").lower()


_SIGNED_UP = re.compile(
    r"^\W*(?:(?:another|new|one more)\s+)(?:[\w-]+\s+)?"
    r"(?:sign-?up|registration|registrant|attendee)"
    r"(?:\s+for\s+(?:me|[\w'-]+))?\s*(?:->|→|=>|:|[-–—])\s*(?=\S)",
    re.I,
)
# new customers under a heading: "trade show leads: Lena Hoffmann, Hoffmann Bau GmbH, …"
_LEADS_HEADED = re.compile(
    r"^\s*(?!(?:[\w'-]+\s+){0,2}(?:new|add|create|log)\b)(?:[\w'-]+\s+){1,3}(?:leads?|contacts?|cards?)"
    r"\s*:\s*"
    r"(?=[^:]*(?:@|\+?\d[\d ()-]{6,}))",
    re.I,
)
_HAS_A_TASK_HANDED = re.compile(
    r"^\s*(?P<who>[^,;.]{2,60}?)\s+(?:has|'s got|has got)\s+(?:an?|the|one)\s+"
    r"(?P<what>(?:(?!task|reminder)[\w-]+\s+){0,2})(?:task|reminder|to-?do)\b[^,;.]*[,;.]\s*"
    r"(?:(?:so|pls|please|and|just)\s+)*(?:hand|give|pass|move|reassign)\s+(?:it|that)\s+(?:over\s+)?"
    r"to\s+(?P<to>[A-Za-zÀ-ÿ][\w'-]*)(?:\s+(?:too|as well|instead|pls|please))*\W*$",
    re.I,
)
_BARE_NUMBER = re.compile(r"\W*#?\d{1,7}\W*")
_TASK_FOR_SOMEONE = re.compile(
    r"^(?P<who>[A-Za-zÀ-ÿ][\w'-]*)\s*:\s*(?=(?:chase|call|ring|phone|email|e-mail|send|follow up|"
    r"visit|book|prepare|prep|draft|write|check|ping|text|meet|invoice|quote|confirm|arrange|"
    r"set up)\b)",
    re.I,
)
_PUT_IN_AS_NEW = re.compile(
    r"^(?:put|add|enter|stick|pop)\s+(?P<who>[^,;:]+?)\s+in\s+as\s+(?:a\s+)?new\s+(?:lead|customer|"
    r"prospect|contact)\b[\s,:;.-]*",
    re.I,
)
_COLLEAGUE_FIRST = re.compile(r"^\s*(?P<who>[A-Za-zÀ-ÿ][\w'-]*)\s+(?:is|'s|will be|has been)\s")
_CAN_THEY_TAKE = re.compile(
    r"^(?:(?:pls|please)\s+)?(?:can|could)\s+(?P<who>[a-z][\w'-]*)\s+take\s+(?:over\s+)?"
    r"(?P<what>(?:the|my)\s+[^,;.!?]+?)(?:\s+task)?"
    r"(?:\s*[,;.–—-].*|\s+(?:pls|please|for me))?\W*$",
    re.I,
)
_AN_ACCOUNT = re.compile(r"\b(?:account|customer|client|lead|book)s?\b", re.I)
_ASKED_THEN_REMARK = re.compile(
    r"^(?P<asked>(?:who|what|where|which|how|when|is|are|does|do|did)\b[^?]{3,80}\?)\s+"
    # a remark of what someone did, never a refinement of the question ("top 5 by value")
    r"(?P<remark>(?:[a-z][\w'-]*|he|she|they)\s+(?:just\s+)?(?:gave|sent|handed|passed|moved|"
    r"assigned|rang|called|phoned|emailed|texted|mentioned|said|told)\b[^?]*)$",
    re.I,
)
_COUNT_TO_WHOM = re.compile(
    r"^(?:(?:oh|and|also|plus|then)\W+)*(?P<sale>\d{1,4}\s*x?\s+[^,;:]+?\s+to\s+[^,;:]+?\s+"
    r"(?:at|for|@)\s*[$€£]?\s?\d[\d,.]*\s?[km]?\b.*)$",
    re.I,
)
_TOO_MANY_THEN_MOVED = re.compile(
    r"^(?P<who>[a-z][\w-]*?)(?:'s|’s|s)?\s+(?:has|'s got|’s got|s got|has got|got)\s+(?:way\s+)?"
    r"(?:too many|too much|loads|a lot|too full a book)\b[^.;!?,]*[.;!?,]+\s*(?P<rest>\S.*)$",
    re.I,
)
_MINE_NOW = re.compile(
    r"^(?:i['’]?ll|i will|let me)\s+take\s+(?:over\s+)?(?!(?:the|a|an|care|it|that|this|notes?|"
    r"a look|over)\b)(?P<who>[^,;.!?]+?)(?:\s+myself|\s+on|\s+over)?\W*$"
    r"|^(?P<who2>[^,;.!?—–]+?)\s*(?:[—–:]|\s-)\s*(?:i['’]?ll|i will)\s+take\s+(?:it|this one|"
    r"that one|them|him|her|over)(?:\s+myself)?\W*$",
    re.I,
)
_PIPELINE_ASKED = re.compile(
    r"^\W*(?:(?:also|and|so|ok|hey|hi)\W+)*(?:(?:what|how)(?:['’]?s|\s+is|\s+does)\s+)?"
    r"(?:the\s+)?(?:(?:status|state|value|total value|total|size|health)\s+of\s+)?"
    r"(?P<whose>my|our|the team['’]?s|the|[a-z]+['’]s)?\s*pipeline\s*"
    r"(?:worth|value|total|(?:look(?:ing)?|looks)\s+like|status|doing|at|now|today|right now)?"
    r"(?:\s+(?:now|today|right now|atm))?\W*$",
    re.I,
)
_NEW_DETAIL_UNCOLONED = re.compile(
    r"^\W*(?:(?:and|also|oh)\s+)?(?:a\s+)?(?:new|updated)\s+(?:e-?mail|phone|mobile|cell|number)"
    r"(?:\s+address)?\s+for\s+[^:,;]+?(?=\s+(?:[\w.+-]+@[\w-]+\.|\+?\d[\d ()-]{6,}))",
    re.I,
)
_NOTE_PUT_RIGHT = re.compile(
    r"^\W*(?:(?:actually|oops|sorry|no|wait|ok)[\s,.!]+)*(?:(?:pls|please|can you|could you)\s+)?"
    r"(?:fix|change|update|edit|correct|amend)\s+"
    r"(?:the|my|that|this)\s+(?:(?:last|latest)\s+)?(?:(?P<kind>call|e-?mail|meeting|visit|text)\s+"
    r"(?:note|notes|summary|text)|(?:note|notes)\s+(?:on|of|for)\s+(?:the|my|that)\s+"
    r"(?:(?:last|latest)\s+)?(?P<kind2>call|e-?mail|meeting|visit|text)|note|notes|summary|entry)"
    r"\s*(?::|[-–—]|to(?:\s+(?:say|read))?\s*:?)\s*(?P<what>\S.*)$",
    re.I,
)
_WRAP_UP = re.compile(
    r"^\W*(?:(?:pls|please|can i (?:get|have)|give me|send me)\s+)?(?:(?:the|my|an?)\s+)?"
    r"(?:end[- ]of[- ](?:the[- ])?day|eod|today['’]?s|evening|(?P<daily>daily))\s+"
    r"(?:wrap[- ]?up|recap|round-?up|summary)(?:\s+for\s+(?P<who>the team|me|[a-z]+))?"
    r"(?:\s+(?:pls|please|plz))?\W*$",
    re.I,
)
_I_MEANT = re.compile(r"^\W*(?:(?:no|nope|sorry|oops|wait)\W+)*i\s+mean[t]?\W+(?=\S)", re.I)
_ARROW_TO_STAGE = re.compile(
    rf"\s*(?:->|→|=>)\s*(?:(?:the\s+)?stage\s*:?\s*)?(?=(?:{vocab.STAGE_WORDS})"
    r"(?:\s+(?:pls|please|thx|thanks|asap|now|ta))*\W*$)",
    re.I,
)
_WHICH_OF_THEM = re.compile(
    r"^\W*(?:(?:and|ok|so)\s+)?(?:which|who)\s+of\s+(?:them|those|these|#\d+)\s+"
    r"(?P<rest>(?:have\s+|has\s+|already\s+|ever\s+)?(?:bought|ordered|purchased)\b.+)$",
    re.I,
)
_SHOULD_BE_THEIRS = re.compile(
    r"^\W*(?:(?:actually|oh|and|also|no|ok)[\s,]+)*(?P<what>[^,;.!?()]{2,60}?)\s*"
    r"(?:\(\s*(?P<id>#\d{1,7})\s*\))?\s+(?:should be|is now|goes to|should go to|belongs to)\s+"
    r"(?P<who>(?!(?:my|our|his|her|their|the)\b)[a-z][\w-]*)(?:'s|’s)(?:\s+now)?\b(?!\s+\w+\s*$)",
    re.I,
)
# messages said in other words than the parser reads: the words it reads, and the intents that
# say the rewording was right (a reading of anything else falls through to the next rule)
_NEW_ONE_DICTATED = re.compile(
    r"^\W*(?:(?:please|pls|can you|could you)\s+)?(?:add|create|put in|enter)\s+(?:a\s+)?new\s+"
    r"(?P<kind>customer|lead|client|contact)\s+(?:(?:her|his|their)\s+name\s+is|"
    r"(?:she|he|they)(?:'s|\s+is|\s+are)\s+called|called|named)\s+(?P<rest>\S.*)$",
    re.I,
)
# each detail of a dictated new customer, said as a clause of its own, and what it becomes
_DICTATED_DETAILS = [
    (
        r"\s+(?:and\s+)?(?:she|he|they)\s+(?:runs|owns|manages|works\s+(?:at|for)|(?:is|are)\s+"
        r"(?:at|with|from))\s+",
        ", ",
    ),
    (r"\s+(?:and\s+)?(?:she|he|they)\s+(?:is|are|'s)\s+(?:based\s+)?in\s+", ", "),
    (
        r"\s+(?:and\s+)?(?:her|his|their)\s+(?:phone\s+|mobile\s+|cell\s+)?(?:number|phone|mobile|cell)"
        r"\s+is\s+",
        ", ",
    ),
    (r"\s+(?:and\s+)?(?:her|his|their)\s+e-?mail(?:\s+address)?\s+is\s+", ", "),
    (
        r"\s+(?:and\s+)?(?:she|he|they)(?:'s|\s+is|\s+are)\s+"
        r"(?:interested in|keen on|after|looking for)\s+",
        ", interested in ",
    ),
    (r"(?<=\w)\s+in\s+(?=[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s*,)", ", "),  # "runs X in Ibadan, …"
]


def _dictated_card(said: str) -> str:
    for clause, comma in _DICTATED_DETAILS:
        said = re.sub(clause, comma, said, flags=re.I)
    return said


_A_CHANGE_ASKED = re.compile(
    r"^\W*(?:(?:pls|please|ok|so|and|now)\s+)*(?:move|mark|put|set|give|hand|tag|delete|remove|bin|"
    r"change|update|close)\b"
)
# one customer's interest told: "he's interested in crm starter", "#12 is keen on hardware"
_KEEN_ON = re.compile(
    r"^\W*(?:(?:oh|and|also|btw|fyi)\s+)?(?!(?:who|which|what|anyone|anybody|everyone|everybody|"
    r"customers?|clients?|leads?|nobody|none|all)\b)(?P<who>he|she|they|#\d{1,7}|[A-Z][\w'’.-]*"
    r"(?:\s+[A-Z][\w'’.-]*){0,3})(?:['’]s|\s+is|\s+are|['’]re)\s+(?:also\s+|now\s+|really\s+)?"
    r"(?:interested in|keen on)\s+(?P<what>[^,.;!?]+?)(?:\s+(?:too|as well))?\W*$"
)
_PRONOUN_SUBJECTS = frozenset({"he", "she", "they"})
# a reminder asked at the end of a contact by its day alone: "…. remind me jan 12"
_REMIND_ME_ON = re.compile(
    r"[,;.]?\s*(?:pls\s+|please\s+|and\s+)?remind me\s+(?:on\s+)?"
    rf"(?P<when>{vocab.DATE_PHRASE})\W*$",
    re.I,
)
# one customer perhaps entered twice, named: "looks like kai brandt got entered twice, can you
# check", "and the two mateo schneiders - same person?", "show me both mateo schneiders"
_ENTERED_TWICE = re.compile(
    r"^\W*(?:(?:looks like|i think|seems|hmm+|hey|so|and|also)\W+)*(?P<who>[^,.;?!]+?)\s+"
    r"(?:got|was|has been|is|are|were|'s|’s)\s+(?:entered|added|created|put in|"
    r"(?:in|on) (?:here|the crm|the system)|there)\s+twice\b"
    r"|^\W*(?:(?:and|so|also)\s+)?(?:are\s+)?(?:the|both|these|those)\s+two\s+"
    r"(?P<who2>[^,.;?!–—-]+?)\s*"
    r"(?:[-–—,:]\s*|\s+)(?:(?:are\s+)?(?:they|these|those)\s+)?(?:the\s+)?same\s+(?:person|guy|"
    r"lady|customer|one|people)\b"
    r"|^\W*(?:(?:pls|please|can you|could you)\s+)?(?:show|compare|list)\s+(?:me\s+)?both\s+"
    r"(?P<who3>[^,.;?!]+?)(?:\s+side\s+by\s+side)?\W*$"
    r"|^\W*(?:is|are|have we got|do we have)\s+(?P<who4>[^,.;?!]+?)\s+"
    r"(?:in\s+(?:here|the crm|the system)\s+|"
    r"on\s+(?:here|the crm|the system)\s+)?twice\b",
    re.I,
)
# a colleague's note passed on, which names its own customer: "Fwd from Kari: …", "Forwarded
# note — From: Hessa (showroom) — '…' Please log.", "---------- Forwarded message --------- From:
# Hessa — …"
_PASSED_ON = re.compile(
    r"^\W*(?:fwd|fw|forwarded|passed on)\b[\s:—–-]*(?:(?:a|an|the)\s+)?(?:(?:agenda\s+|voice\s+)?"
    r"(?:note|message|msg|mail|e-?mail|text)[\s:—–-]+)?(?:from:?\s+)?"
    r"(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,2}?)(?:['’]s)?(?:\s+(?:note|message|msg))?"
    r"(?:\s*\([^)]*\))?\s*[:—–-]+\s*"
    r"(?P<rest>(?!['\"“‘]?(?:we|i|you|they|he|she|it|hi|hello|dear|good morning)\b)\S.*)$",
    re.I,
)
# what was passed on, in quotes, then what to do with it: "'…' — log it pls", "'…' please log the
# sale"
_QUOTED_THEN_ASKED = re.compile(r"^['\"“‘](?P<said>.+?)['\"”’]\W*(?P<asked>.*)$")
_PASSED_ON_AS = frozenset(
    {"interaction.log", "purchase.log", "nps.record", "customer.forget", "customer.export"}
)
_PASSED_AS = {
    "purchase.log": re.compile(r"\b(?:sale|sold|purchase|order)\b", re.I),
    "nps.record": re.compile(r"\b(?:nps|score|survey)\b", re.I),
}


def _passed_on(text: str, **reading: Any) -> Parsed | None:
    """What a colleague's forwarded note told, when it names its own customer; None otherwise."""
    if (passed := _PASSED_ON.match(text)) is None:
        return None
    said, wanted = passed["rest"], _PASSED_ON_AS
    if quoted := _QUOTED_THEN_ASKED.match(said):
        said = quoted["said"]
        wanted = {k for k, asked in _PASSED_AS.items() if asked.search(quoted["asked"])} or wanted
    told = parse(said, **reading)
    if told.intent not in wanted or not told.slots.get("customer"):
        return None
    return told if told.slots["customer"].casefold() != passed["who"].casefold() else None


def _numbered_ids(ids: str) -> str:
    return re.sub(r"(\d+)", r"#\1", ids)  # "35, 65 and 79": "#35, #65 and #79"


_PRONOUN = {"hes": "he", "shes": "she", "theyre": "they"}
_DONE_AS = {"call": "called", "phone call": "called", "visit": "visited", "meeting": "met",
            "video call": "had a video call with", "zoom": "had a zoom with"}  # fmt: skip
_SUBJECT_OF = {"her": "she", "his": "he", "their": "they"}  # "her company moved": she did
_PAST = {"meet": "met", "visit": "visited", "call": "called", "email": "emailed", "phone": "phoned",
         "see": "saw", "ring": "rang"}  # fmt: skip  # as typed without an apostrophe
_SAID_OTHERWISE: list[tuple[re.Pattern, Callable[[re.Match], str], frozenset[str] | None]] = [
    (  # "no i mean customers #35 #65 #79 -> stage lost": that change
        _I_MEANT,
        lambda found: found.string[found.end() :],
        _CHANGED,
    ),
    (  # "whats the pipeline worth", "also whats the status of my pipeline"
        _PIPELINE_ASKED,
        lambda found: f"show me {found['whose'] or 'the'} pipeline by stage",
        frozenset({"report.show"}),
    ),
    (  # "end of day wrap up for the team pls": today's digest so far
        _WRAP_UP,
        lambda found: f"{found['who'] or 'my'} digest{'' if found['daily'] else ' for today'}",
        frozenset({"digest.show"}),
    ),
    (  # "what do u know about Mele Fonoti 🤔": her profile
        re.compile(
            r"^\W*(?:so\s+)?what\s+do\s+(?:you|u|we)\s+(?:know|have)\s+(?:about|on)\s+"
            r"(?P<who>\S.*?)\W*$",
            re.I,
        ),
        lambda found: f"tell me about {found['who']}",
        None,
    ),
    (  # "I need all information we keep about Madame Leclerc, she ask for it by email (GDPR)"
        re.compile(
            r"^.*?\b(?:all|every(?:thing)?)\s+(?:the\s+)?(?:information|info|data|details)?\s*"
            r"(?:that\s+)?(?:we|you)\s+(?:keep|hold|have|store)\s+(?:about|on)\s+"
            r"(?P<who>(?!(?:them|him|her|it|this|that|those)\b)[^,.;()]+?)\s*(?:[,.;(].*)?$",
            re.I,
        ),
        lambda found: f"export all data on {found['who']}",
        None,
    ),
    (  # "Alambique Serra Azul just answered the survey — 4 🙁 …": their NPS answer
        re.compile(
            r"^\W*(?P<who>[^,.;]+?)\s+(?:just\s+)?(?:answered|filled (?:in|out)|completed|returned|"
            r"did)\s+(?:the|our)\s+(?:nps\s+)?survey\W+(?:with\s+(?:a\s+)?)?(?P<score>\d{1,2})\b"
            r"\W*(?P<rest>.*)$",
            re.I,
        ),
        lambda found: f"{found['who']} gave us {found['score']}, {found['rest']}",
        None,
    ),
    (  # "Caio just told me Engenho Ponte Alta finally signed!! Mark them as won": what Caio told
        re.compile(
            r"^\W*(?P<who>[A-Z][\w'-]+)\s+(?:just\s+)?(?:told|texted|messaged|pinged)\s+me\s+"
            r"(?:that\s+)?(?P<rest>(?!(?:She|He|They|It|We|I)\b)[A-Z].+)$"
        ),
        lambda found: found["rest"],
        None,
    ),
    (  # "she also has #10 for the same thing, delete that one": a customer has tasks, #10 is one
        re.compile(
            r"^\W*(?:(?:and|oh|also)\s+)?(?:she|he|they|it|[\w'-]+(?:\s+[\w'-]+)?)\s+(?:also\s+)?"
            r"(?:has|have|got|'s got)\s+(?:task\s*)?#?(?P<n>\d{1,7})\b[^.;!?]*?[,;.-]\s*"
            r"(?:so\s+|pls\s+|please\s+)?(?P<verb>delete|remove|drop|cancel|bin|close|tick off)\s+"
            r"(?:that(?: one)?|it|this(?: one)?|that task)(?:\s+(?:pls|please|too))?\W*$",
            re.I,
        ),
        lambda found: f"{found['verb']} task {found['n']}",
        None,
    ),
    (  # "change today's call with chloé martin to say legal review done by thursday"
        re.compile(
            r"^\W*(?:(?:pls|please|can you|could you)\s+)?(?:change|fix|edit|update|correct)\s+"
            r"(?P<when>today['’]?s|yesterday['’]?s|the|my|that)\s+(?P<kind>call|e-?mail|meeting|visit)\s+"
            r"(?:with|to)\s+(?P<who>[^:]+?)\s+to(?:\s+(?:say|read))?\s*:?\s+(?P<what>\S.*)$",
            re.I,
        ),
        lambda found: (
            f"the {found['kind']} with {found['who']} - change the summary to: {found['what']}"
        ),
        None,
    ),
    (  # "set stage lost for hugo silva (maple foods), priya fischer and fatima moreau"
        re.compile(
            rf"^\W*(?:pls\s+|please\s+)?(?:set|change|make)\s+(?:the\s+)?stage\s+(?:to\s+)?"
            rf"(?P<stage>{vocab.STAGE_WORDS})\s+(?:for|on)\s+(?P<who>\S.*?)\W*$",
            re.I,
        ),
        lambda found: f"move {found['who']} to {found['stage']}",
        None,
    ),
    (  # "and the initech task alex gave me, done": that task closed
        re.compile(
            r"^\W*(?:(?:and|also|oh)\s+)?(?P<what>(?:the|my|that)\s+[\w' -]{1,40}?\s+task)"
            r"(?:\s+(?:[a-z]+\s+gave\s+me|from\s+[a-z]+|i\s+(?:had|got)))?\s*[,;:–—-]?\s*"
            r"(?:is\s+|it'?s\s+)?(?:done|finished|completed|sorted)\W*$",
            re.I,
        ),
        lambda found: f"done with {found['what']}",
        None,
    ),
    (  # "fix the call note to say contract signed": that call's summary
        _NOTE_PUT_RIGHT,
        lambda found: (
            f"change the summary of the last {found['kind'] or found['kind2'] or 'contact'} to: "
            f"{found['what']}"
        ),
        frozenset({"interaction.update"}),
    ),
    (  # "add a new customer her name is X she runs Y in Z her number is …": dictated, as a card
        _NEW_ONE_DICTATED,
        lambda found: f"new {found['kind']}: {_dictated_card(found['rest'])}",
        frozenset({"customer.create"}),
    ),
    (  # "Kindly inform what is to be done for Kanchi Weaves": the next steps with them
        re.compile(
            r"^\W*(?:(?:kindly|please|pls)\s+)?(?:(?:inform|advise|tell me|let me know)\s+)?what\s+"
            r"(?:is|needs|has)\s+to\s+be\s+done\s+(?:for|with|about|on)\s+(?P<who>\S.*?)\W*$",
            re.I,
        ),
        lambda found: f"what should I do with {found['who']}",
        frozenset({"next_action.suggest"}),
    ),
    (  # "who on the team should be chasing what today?": the team's next steps
        re.compile(
            r"^\W*who\s+(?:on|in)\s+(?:the|my|our)\s+team\s+should\s+(?:be\s+)?[a-z]+ing\s+"
            r"(?:what|whom?)\b",
            re.I,
        ),
        lambda found: "next steps for the team",
        frozenset({"next_action.suggest"}),
    ),
    (  # "there's also #204 K. Brandt from maria, same guy. delete that one": #204
        re.compile(
            r"^\W*(?:(?:and|oh|also|ok|so)\s+)?(?:there'?s|there\s+is|theres|we\s+have|we've\s+got|"
            r"i\s+see)\s+(?:also\s+)?(?:a(?:nother)?\s+)?(?P<id>#\d{1,7})\b[^!?]*?[,.;:–—-]\s*"
            r"(?:so\s+|pls\s+|please\s+|just\s+)?(?P<verb>delete|remove|bin)\s+(?:that|this|it)"
            r"(?:\s+one)?\b.*$",
            re.I,
        ),
        lambda found: f"{found['verb']} {found['id']}",
        frozenset({"customer.delete"}),
    ),
    (  # "now #118", "and #118?" after a profile: that one's
        re.compile(r"^\W*(?:(?:and|now|ok|also|next|then)\W+)+(?P<id>#\d{1,7})\W*$", re.I),
        lambda found: f"tell me about {found['id']}",
        frozenset({"customer.show"}),
    ),
    (  # "what did the team sell today": the team's sales
        re.compile(
            r"^\W*(?:so\s+)?what\s+(?:did|has|have)\s+(?:the\s+)?team\s+(?:sell|sold)\b(?P<rest>.*)$",
            re.I,
        ),
        lambda found: f"team sales {found['rest']}",
        frozenset({"report.show"}),
    ),
    (  # "hes now in austin": where they are now
        re.compile(
            r"^\W*(?:(?:and|oh|also|btw)\s+)?(?P<who>he|she|they|hes|shes|theyre|#\d{1,7})(?:'s|’s|'re|’re|"
            r"\s+is|\s+are)?\s+now\s+(?:based\s+|living\s+|located\s+)?in\s+"
            r"(?P<city>[^,.;!?]+?)\W*$",
            re.I,
        ),
        lambda found: (
            f"{_PRONOUN.get(found['who'].lower(), found['who'])} moved to {found['city']}"
        ),
        frozenset({"customer.update"}),
    ),
    (  # "Open tasks Lukas": whose tasks, said after them
        re.compile(r"^\W*(?:(?i:open|overdue|all)\s+)?(?i:tasks)\s+(?P<who>[A-Z][\w'-]+)\W*$"),
        lambda found: f"open tasks for {found['who']}",
        frozenset({"task.list"}),
    ),
    (  # "put task 62 on her too", "put task 62 on jane cooper": that task on that customer
        re.compile(
            r"^\W*(?:(?:pls|please|and|also|oh)\s+)?(?:put|attach|tie|hang)\s+(?:task\s*)?#?"
            r"(?P<n>\d{1,7})\s+(?:on|onto|to|with|against|under)\s+"
            r"(?!(?:hold|ice|the back ?burner|mon|tue|wed|thu|fri|sat|sun|today|tomorrow|tmrw|next|"
            r"this|the\s+\d|\d|me\b|my\b)\w*)(?P<who>\S.*?)(?:\s+(?:too|as well|also))?\W*$",
            re.I,
        ),
        lambda found: f"link task {found['n']} to {found['who']}",
        frozenset({"task.update"}),
    ),
    (  # "put task 62 on friday": when it is due
        re.compile(
            r"^\W*(?:(?:pls|please|and|also|oh)\s+)?put\s+(?:task\s*)?#?(?P<n>\d{1,7})\s+(?:on|for|to)\s+"
            r"(?P<when>(?:mon|tue|wed|thu|fri|sat|sun|today|tomorrow|tmrw|next|this|the\s+\d|\d)\S*"
            r"(?:\s+\S+){0,2}?)\W*$",
            re.I,
        ),
        lambda found: f"move task {found['n']} to {found['when']}",
        frozenset({"task.update"}),
    ),
    (  # "new saddle order: Dusty A $4,100 barrel saddle": a sale, never a new customer
        re.compile(
            r"^\W*new\s+(?:[\w-]+\s+){0,2}?(?:order|sale|purchase|deal)\s*[:—–-]\s*(?P<rest>\S.*)$",
            re.I,
        ),
        lambda found: f"log sale: {found['rest']}",
        frozenset({"purchase.log"}),
    ),
    (  # "Rodrigo Paz from Halcones del Sur is now in Córdoba, update city": where they are now
        re.compile(
            r"^\W*(?P<who>[^,;:]+?)\s+(?:is|are)\s+now\s+(?:based\s+|located\s+|living\s+)?in\s+"
            r"(?P<city>[^,.;!?]+?)\s*(?:[,.;–—-]\s*(?:pls\s+|please\s+)?(?:update|change|fix)\s+"
            r"(?:the\s+|their\s+|his\s+|her\s+)?(?:city|town|location|address)(?:\s+pls|\s+please)?)?\W*$",
            re.I,
        ),
        lambda found: f"{found['who']} moved to {found['city']}",
        frozenset({"customer.update"}),
    ),
    (  # "I meet Ms. Lê at her shop yesterday, …": a contact told in the present, as some write it
        re.compile(
            r"^\W*(?:(?:today|yesterday|this morning)\s+)?i\s+"
            r"(?P<verb>meet|visit|call|email|phone|see|ring)\s+"
            r"(?P<rest>(?=.*\b(?:yesterday|today|this (?:morning|afternoon)|last\s+\w+)\b).+)$",
            re.I,
        ),
        lambda found: f"{_PAST[found['verb'].lower()]} {found['rest']}",
        frozenset({"interaction.log"}),
    ),
    (  # "her company moved to berlin too": where she is now
        re.compile(
            r"^\W*(?:(?:and|oh|also|btw)\s+)?(?P<who>her|his|their|[\w .-]+?(?:'s|’s))\s+"
            r"(?:company|business|shop|office|firm|practice|studio|store|team)\s+(?:has\s+|just\s+)?(?:moved|relocated)\s+"
            r"to\s+(?P<city>[^,.;!?]+?)(?:\s+(?:too|as well|now))?\W*$",
            re.I,
        ),
        lambda found: (
            f"{_SUBJECT_OF.get(found['who'].lower(), found['who'][:-2])} moved to {found['city']}"
        ),
        frozenset({"customer.update"}),
    ),
    (  # "lukas garcia sunrise foods - left a voicemail": a call that reached no one
        re.compile(
            r"^\W*(?!(?:i\s+|just\s+)?(?:called|rang|phoned|tried|rung|emailed|texted|visited|met|spoke|"
            r"talked|call|ring|phone)\b)(?P<who>[^,;:–—-]+?)\s*(?:[-–—:]|,)\s*(?:i\s+|just\s+)?left\s+"
            r"(?:(?:her|him|them)\s+)?"
            r"(?:a\s+)?(?:voicemail|vm|voice ?mail|voice message|message)\W*$",
            re.I,
        ),
        lambda found: f"left a voicemail for {found['who']}",
        frozenset({"interaction.log"}),
    ),
    (  # "what has the team done so far today": what each did
        re.compile(
            r"^\W*what\s+(?:has|have)\s+(?P<who>the team|everyone|everybody|[a-z]+)\s+"
            r"(?:done|got done|been doing)\b(?P<rest>.*)$",
            re.I,
        ),
        lambda found: f"what did {found['who']} do{found['rest']}",
        frozenset({"interaction.history"}),
    ),
    (  # "move 35, 65 and 79 to lost, they've gone cold": customers by number, to a stage
        re.compile(
            r"^\W*(?:(?:pls|please|ok|so)\s+)?(?P<verb>move|put|set|mark)\s+(?:customers?\s+)?"
            r"(?P<ids>\d{1,7}(?:\s*(?:,|and|&)\s*\d{1,7})*)\s+(?P<to>to|as|in|into)\s+"
            rf"(?P<rest>(?:{vocab.STAGE_WORDS})\b.*)$",
            re.I,
        ),
        lambda found: (
            f"{found['verb']} {_numbered_ids(found['ids'])} {found['to']} {found['rest']}"
        ),
        frozenset({"customer.update", "customer.bulk_update"}),
    ),
    (  # "I make a call to señora Guadalupe Ríos, …": a call made, told as some write it
        re.compile(
            r"^\W*(?:(?:today|yesterday|this morning)\s+)?i\s+(?:make|made|did|had)\s+"
            r"(?:a\s+)?(?P<kind>call|phone call|visit|meeting|video call|zoom)\s+(?:to|with|at)\s+"
            r"(?P<rest>\S.*)$",
            re.I,
        ),
        lambda found: f"{_DONE_AS[found['kind'].lower()]} {found['rest']}",
        frozenset({"interaction.log"}),
    ),
    (  # "and let sam know - give him a task to send bill the order form by tomorrow": Sam's
        re.compile(
            r"^\W*(?:(?:and|also|pls|please)\s+)?(?:let|tell|ask)\s+(?P<who>[a-z][\w'-]*)(?:\s+know)?\s*"
            r"[-–—,:]\s*(?:(?:and|pls|please)\s+)?(?:give|set|make|create)\s+(?:him|her|them)\s+"
            r"(?P<rest>(?:a\s+)?(?:task|reminder|to-?do)\b.*)$",
            re.I,
        ),
        lambda found: f"give {found['who']} {found['rest']}",
        frozenset({"task.create"}),
    ),
    (  # "which of them bought support premium": the list narrowed by the bot
        _WHICH_OF_THEM,
        lambda found: f"who {found['rest']}",
        frozenset({"segment.list"}),
    ),
    (  # "the ethan novak one (#9) should be maria's now, she owns him": give #9
        _SHOULD_BE_THEIRS,
        lambda found: f"give {found['id'] or found['what']} to {found['who']}",
        frozenset({"customer.update", "customer.bulk_update", "task.update"}),
    ),
]
_TAKING_OVER_THEN_MOVED = re.compile(
    r"^\s*(?P<who>[A-Za-zÀ-ÿ][\w'-]*)\s+(?:is|'s|will be)\s+(?:taking over|taking on|getting)\s+"
    r"(?P<what>\S.+?)\s*[.;,!]\s*(?:(?:so|pls|please|ok|and|just)\s+)*(?:move|give|hand|transfer|"
    r"reassign|assign|put)\s+(?:them|those|these|all of them|them all)(?:\s+(?:over\s+)?to\s+"
    r"(?:her|him|them))?(?:\s+(?:now|today|pls|please))*\W*$",
    re.I,
)
_LOG_THE_SALE = re.compile(
    r"^\W*(?:(?:pls|please|and|ok|also|oh)\s+)*(?:(?:log|record|add|enter)\s+)?(?:the|that|this|a)\s+"
    r"(?:sale|order|purchase)(?:\s+(?:too|as well|also))?\s*[:,–—-]\s*(?=\S)"
)
_BOTH_THEN_TOLD = re.compile(
    r"^\s*(?:(?:also|and|plus|oh)\s+)*(?:(?:junk|dupes?|duplicates?|spam|tests?|test entries)\s*"
    r"[:\-–—]\s*)?(?!(?:called|emailed|met|visited|rang|phoned|spoke|texted|saw)\b)"
    r"(?P<names>[^:;,]+?\s(?:and|&)\s[^:;,]+?)\s*(?:[,;:.]|\s[-–—]+)\s*"
    r"(?:(?:pls|please|so|just|can you|could you)\s+)*"
    r"(?P<verb>delete|remove|bin|trash|restore|move|give|hand|mark|tag|untag)\s+"
    r"(?P<them>them both|both of them|both|the two|them|all of them)\b"
    r"(?P<rest>.*)$",
    re.I,
)
# a customer's description in brackets after their name, no part of it: "(madrid lead)"
_DESCRIBED = re.compile(
    r"\s*\((?=[^)]*\b(?:lead|leads|customer|prospect|qualified|proposal|lost|dupe|duplicate|test|"
    r"junk|old|new)\b)[^)]*\)",
    re.I,
)
_SAME_TASK_FOR = re.compile(
    r"^\s*(?:and\s+)?(?:the\s+)?same\s+for\s+(?P<who>[A-Za-zÀ-ÿ][\w'-]*)\s+(?:with|on|for)\s+"
    r"(?P<customer>[^-–—:]+?)\s*(?:[-–—:]+)\s*(?P<what>.+?)(?:\s+(?:too|as well))?\W*$",
    re.I,
)
_ASKED = frozenset({"task.list", "segment.list", "report.show", "customer.show", "digest.show"})
_CHANGES_STORE = frozenset(
    {"customer.update", "customer.delete", "customer.bulk_update", "customer.forget"}
)


def _asked_not_told(text: str) -> bool:
    """Whether a message asks about a change rather than for one: "why is X in lost", "X - who
    moved her to lost?", "atlas - also moved to customer? check her stage"."""
    if _ASKED_WHY.search(text):
        return True
    if "?" not in text or _REQUEST.search(text):
        return False  # "could you update their city?", "… 45 days? Move them back to lead."
    return not any(_TOLD_TO.match(said) for said in re.split(r"[.?!;:]+|\s[-–—]\s", text))


# a question about a change, not one to make
_ASKED_WHY = re.compile(
    r"(?:^|[-–—:,;]\s+)(?:why(?!\s+not\b)|how come)\b"
    r"|(?:^|[-–—:,;]\s+)who\s+(?:(?:has|had|did)\s+)?(?:changed|moved|marked|set|put|gave|assigned|"
    r"reassigned|deleted|removed|binned|updated)\b[^?]*\?"
    # "when was acme moved to lost": when it happened, asked
    r"|^\W*when\s+(?:was|were|did)\s+[^?]*?\b(?:changed|moved|marked|set|put|given|assigned|"
    r"reassigned|deleted|removed|binned|updated|handed)\b"
)
_REQUEST = re.compile(
    r"\b(?:(?:can|could|would|will|shall)\s+(?:you|u|we|i|someone|somebody)|would you mind|"
    r"(?:is|would) (?:it )?(?:be )?possible|pls|please|plz|kindly)\b|\bcan\W*$"
    r"|^\W*(?:can|could|should|shall|may)\b"
)
_TOLD_TO = re.compile(
    r"\W*(?:(?:ok|okay|so|and|also|then|now|let'?s|just)\s+)*(?:move|set|change|update|give|mark|put|"
    r"assign|reassign|tag|untag|delete|remove|make|hand|transfer|add|bin|drop|switch|push|bump|forget|"
    r"erase|restore|close|qualify|take|nuke|kill)\b"
)
_NO_SLOTS = frozenset({"unknown", "smalltalk", "undo", "digest.unsubscribe"})
