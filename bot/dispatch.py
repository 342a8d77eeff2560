"""One way through for every message: dedupe, identify, answer a pending question or parse, run.

A command runs in one transaction together with the record of its event id, so a retried delivery
is applied once even across bot processes. Expected failures (UserError) and questions (Ask) roll
the command back; anything unexpected is logged with its traceback and the user gets an apology.

A pending question survives one unrelated message: that message is answered and the question
stays open; a second unrelated message drops it, and the reply says so.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

import bot.handlers  # noqa: F401  (registers every handler)
import intents
from bot import permissions, subjects
from bot.checks import refuse_invalid
from bot.context import HANDLERS, Ask, Context, UserError
from bot.errors import describe
from bot.handlers.corrections import (
    figures_instead,
    figures_put_right,
    just_logged_put_right,
    keeps_the_total,
    not_whom_it_went_to,
    said_instead,
    someone_else_meant,
    task_was_a_contact,
)
from bot.handlers.help import reading_label
from bot.handlers.nps import score_put_right
from bot.handlers.purchases import catalogue_asked
from bot.handlers.tasks import one_of_the_tasks_shown, same_for_task
from bot.identity import not_enabled, staff_for
from bot.lexicon import Lexicons
from bot.messages import MAX_MESSAGE, Button, Message, Reply
from bot.resolve import NAMED
from bot.settings import Settings
from crm_store.audit import UNDO_OF, last_command
from crm_store.db import transaction
from crm_store.models import Customer, PendingQuestion, ProcessedEvent, Staff
from intents import CUSTOMERS, vocab
from intents.lexicon import with_possessives
from intents.rules import away_then_asked, leading_name, missing_required

log = logging.getLogger(__name__)

UNSURE = 0.6
WRITES = frozenset(
    {
        "customer.create",
        "customer.update",
        "customer.delete",
        "customer.restore",
        "customer.forget",
        "customer.bulk_update",
        "interaction.log",
        "interaction.delete",
        "interaction.update",
        "purchase.log",
        "purchase.delete",
        "purchase.update",
        "task.create",
        "task.complete",
        "task.update",
        "nps.record",
        "undo",
    }
)
# Writes whose handler always previews what would change and waits for Confirm: an unsure
# reading of one goes straight to its preview, which says more than a yes/no question could.
PREVIEWED = frozenset({"customer.bulk_update"})
APOLOGY = "Sorry, something went wrong on my side and nothing was saved. Please try again."
# A yes or a no is a reply made only of such words, with at least one that says it outright
# ("go ahead", "yes please", "no!! cancel", "nah, forget it").
YES = frozenset({"yes", "y", "yep", "yup", "yeah", "ya", "sure", "ok", "okay", "k", "confirm",
                 "confirmed", "proceed", "correct", "👍", "✅", "go", "do", "ja", "oui", "sí",
                 "si", "da"})  # fmt: skip
NO = frozenset({"no", "n", "nope", "nah", "cancel", "stop", "abort", "nevermind", "don't", "dont",
                "👎", "❌", "forget", "never", "wait"})  # fmt: skip
_FILLER = frozenset({"please", "pls", "thanks", "thank", "you", "it", "that", "this", "ahead",
                     "mind", "for", "now", "one", "all", "right", "fine", "them", "on", "cool",
                     "good", "great", "thing", "sounds", "looks", "perfect", "hmm", "um", "leave",
                     "just", "actually", "oh", "oops"})  # fmt: skip
# the words a longer yes or no starts with
_LEADS = {YES: frozenset({"yes", "yep", "yup", "yeah", "confirm", "confirmed", "sure", "ok",
                         "okay"}),
          NO: frozenset({"no", "nope", "nah", "cancel"})}  # fmt: skip
_ANSWER_WORD = re.compile(r"[\w']+|👍|✅|👎|❌")


def says(text: str, words: frozenset[str], *, only: bool = False) -> bool:
    """Whether a reply is a yes (`YES`) or a no (`NO`); `only`: and nothing else besides."""
    found = _ANSWER_WORD.findall(text.lower())
    other = NO if words is YES else YES
    if not found or any(w in other for w in found):
        return False
    if all(w in words or w in _FILLER for w in found):
        return any(w in words for w in found)
    if only:
        return False
    # "yes, delete them", "no, leave them as they are": a short reply that starts with the word
    first = next((w for w in found if w not in _FILLER), "")
    if words is NO and first in _LEADS[NO] and _REASON_AFTER.match(text.lower()):
        return True  # "cancel - Peter was only added this morning": a no, however long the reason
    if words is YES and first in _LEADS[YES] and (remark := _YES_THEN.match(text.lower())):
        # "yes, different email, i'll sort it out later": a yes, and a remark that asks nothing
        return not _YES_BUT.search(text.lower(), remark.end())
    if _ASKS_OR_TELLS.search(text.lower()):
        return False  # "ok what about munich", "yes and show me hers": a new request, not a reply
    return len(found) <= 6 and first in _LEADS[words]


_ASKS_OR_TELLS = re.compile(
    r"\?|\b(?:what|which|how|who|whose|where|when|why|about|show|list|tell|find|log|remind)\b"
)
_YES_THEN = re.compile(r"^\W*(?:yes|yeah|yep|yup|sure|ok|okay|confirm(?:ed)?)\s*[-–—:,;!.]+\s*")
_YES_BUT = re.compile(
    r"\b(?:but|except|only|just|instead|not|don'?t|dont|rather|wait|cancel|stop|no|nope|nah)\b"
)
_REASON_AFTER = re.compile(
    r"^\W*(?:(?:hmm+|hm|ah|oh|um|actually|wait)\W+)*(?:no|nope|nah|cancel)\s*[-–—:,;!.]"
)
# the no said before a request made instead: "no - reassign those leads to jordan"
_NONE_OF_THEM = r"none of (?:those|these|them|the above)|neither(?: of (?:them|those|these))?"
_NO_FIRST = re.compile(
    r"^\W*(?:(?:hmm+|hm|ah|oh|um|actually|wait|no|nope|nah|stop|"
    rf"cancel(?:led)?(?: (?:that|it|this))?|{_NONE_OF_THEM})\b[^\w#]*)+",
    re.I,
)
_NONE_FIRST = re.compile(rf"^\W*(?:{_NONE_OF_THEM})\b", re.I)
CANCELLED = "OK, cancelled. Nothing was changed."
_BY_NUMBER = re.compile(r"\W*(?P<id>#\d{1,9})\W*")
# a yes that can only answer a question ("ok" may just be a nod)
_CONFIRMING = re.compile(r"\W*(?:yes|y|yep|yup|yeah|confirm(?:ed)?|go ahead|do it)\W*", re.I)
# what may follow a no that is no request of its own: why, or "leave it"
_A_REASON = re.compile(
    r"^(?:leave it|forget it|never ?mind|scrap (?:it|that)|don'?t bother|"
    r"(?:she|he|they|it|we|i)(?:'s|’s|'re|’re|'ve|'m| is| are| has| have| was| were)\b|"
    # "no wait, bjorn dubois has open tasks": why not, said of someone by name
    r"(?:[\w'’.-]+\s+){1,4}(?:has|have|is|are|isn'?t|hasn'?t|still has|was|were|needs?|wants?)\b"
    r"(?!.*\?))",
    re.I,
)
_CANCEL_LAST = re.compile(r"\b(?:cancel|stop|scrap that|forget it)\W*$", re.I)
# what a no may go on to ask for instead, run once the question is cancelled
INSTEAD = frozenset(
    {"customer.update", "customer.bulk_update", "customer.delete", "customer.restore",
     "customer.show", "segment.list", "task.create", "task.list", "next_action.suggest",
     "report.show", "interaction.history", "task.update", "task.complete", "interaction.log",
     "purchase.log", "customer.create", "nps.record"}
)  # fmt: skip


STILL_OPEN = "My earlier question is still open: answer it, or say “cancel”."
DROPPED = "I dropped my earlier question; ask again if you still need it."
CANCELLED_FIRST = "I cancelled my earlier question first."
NARROWING = "narrowing"  # a command that narrows the preview waiting for Confirm


class _Duplicate(Exception):  # noqa: N818
    """This event id was applied before."""


@dataclass(frozen=True)
class _Command:
    parsed: intents.Parsed
    confirmed: bool = False
    sure: bool = False
    # an unrelated message came while a question waits: "kept", "dropped"; or "narrowing" the
    # preview waiting, which stays open if the narrowing fails
    waiting: str | None = None
    then: str | None = None  # a second request in the same message, run after this one


class Bot:
    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        *,
        parse: Callable[..., intents.Parsed] = intents.parse,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.parse = parse
        self.lexicons = Lexicons()

    def handle(self, message: Message) -> Reply | None:
        """The reply to a message, or None if this event was already applied."""
        text = " ".join(message.text.split())
        if len(text) > MAX_MESSAGE:
            return Reply(
                f"That message is {len(text):,} characters long; I read up to {MAX_MESSAGE:,}. "
                "Nothing was saved."
            )
        return self._guarded(
            message,
            lambda session, staff: self._understand(session, staff, message, text),
        )

    def run_intent(self, message: Message, parsed: intents.Parsed) -> Reply:
        """Run one intent directly, as buttons, menus and home views do."""
        reply = self._guarded(message, lambda *_: _Command(parsed, sure=True))
        return reply or Reply()

    def _guarded(
        self, message: Message, command: Callable[[Session, Staff, str], _Command | Reply]
    ) -> Reply | None:
        try:
            return self._attempt(message, command, retry=True)
        except IntegrityError:
            # another process committed a clashing row (the same e-mail, say) after this command
            # read the store: run it once more, now seeing that row and answering accordingly
            return self._attempt(message, command, retry=False)

    def _attempt(
        self,
        message: Message,
        command: Callable[[Session, Staff, str], _Command | Reply],
        *,
        retry: bool,
    ) -> Reply | None:
        staff_id, chosen = None, None
        try:
            with transaction(self.engine) as session:
                self._claim(session, message)
                staff = staff_for(session, message.platform, message.sender)
                if staff is None:
                    return Reply(not_enabled(message.platform, message.sender))
                staff_id = staff.id
                chosen = command(session, staff)
                if isinstance(chosen, Reply):
                    subjects.heard(session, _conversation(message, staff.id), message.received_at)
                    return chosen
                command_id = uuid.uuid4().hex  # both requests of one message are undone as one
                reply = self._run(session, staff, message, chosen, command_id)
                if chosen.then:
                    reply = self._and_then(
                        session,
                        staff,
                        message,
                        chosen.then,
                        reply,
                        command_id,
                        wrote=chosen.parsed.intent in WRITES,
                        after_preview=chosen.parsed.intent in PREVIEWED,
                    )
                subjects.heard(session, _conversation(message, staff.id), message.received_at)
                return _noted(reply, chosen.waiting)
        except _Duplicate:
            return None
        except UserError as error:
            waiting = chosen.waiting if isinstance(chosen, _Command) else None
            waiting = "kept" if waiting == NARROWING else waiting  # the preview is still there
            named = isinstance(chosen, _Command) and subjects.names_someone(chosen.parsed)
            self._settle(
                message,
                staff_id,
                None,
                keep_waiting=waiting == "kept",
                named=named,
                about=error.about,
            )
            return _noted(Reply(str(error)), waiting)
        except Ask as question:
            waiting = chosen.waiting if isinstance(chosen, _Command) else None
            waiting = None if waiting == NARROWING else waiting  # the narrower preview replaces it
            then = chosen.then if isinstance(chosen, _Command) else None
            then = then if question.then is None else question.then or None
            named = isinstance(chosen, _Command) and subjects.names_someone(chosen.parsed)
            self._settle(message, staff_id, question, then=then, named=named, about=question.about)
            return _noted(question.reply, "dropped" if waiting == "kept" else waiting)
        except IntegrityError as error:
            if retry:
                raise
            log.error("failed to handle %s message %s: %s", *_where(message), describe(error))
            return Reply(APOLOGY)
        except Exception as error:
            log.error("failed to handle %s message %s: %s", *_where(message), describe(error))
            return Reply(APOLOGY)

    def _claim(self, session: Session, message: Message) -> None:
        if message.event_id is None:
            return
        session.add(ProcessedEvent(key=f"{message.platform}:{message.event_id}"))
        try:
            session.flush()
        except IntegrityError:
            raise _Duplicate from None

    def _understand(
        self, session: Session, staff: Staff, message: Message, text: str
    ) -> _Command | Reply:
        """An answer to the question pending in this conversation, or else a new command.

        The pending question is answered, cancelled, or (for an unrelated message) kept once and
        dropped the second time.
        """
        now, conversation = message.received_at, _conversation(message, staff.id)
        pending = session.exec(
            select(PendingQuestion).where(PendingQuestion.conversation == conversation)
        ).first()
        waiting = None
        lexicon = self.lexicons.current(session)
        read = self._reader(lexicon, staff, now)
        if pending is not None:
            if pending.expires_at <= now:
                session.delete(pending)
                if says(text, YES, only=True) or says(text, NO, only=True):
                    return Reply(
                        f"My question lapsed after {self.settings.question_ttl_minutes} "
                        "minutes, so nothing was done. Ask again if you still need it."
                    )
                pending = None
            else:
                none_said = _NONE_FIRST.match(text)  # "none of those. #3": not the 3rd choice
                answer = (
                    None
                    if none_said
                    else (
                        _answer_key(text, pending.payload["choices"])
                        or _described(text, pending.payload.get("described", {}))
                        or _button_numbered(text, pending.payload)
                    )
                )
                if answer is not None:
                    session.delete(pending)
                    return _resume(pending.payload, answer)
                if (named := _named_answer(text, pending.payload, read)) is not None:
                    session.delete(pending)
                    return named
                if pending.payload.get("intent") == "purchase.log" and (
                    figures := figures_put_right(text)
                ):  # "oops it was 12,000 not 12,500" while asked which product: this sale's sum
                    slots = {**pending.payload["slots"], **_counted_again(pending, figures, text)}
                    pending.payload = {**pending.payload, "slots": slots}
                    asked = _choices_again(pending.payload)
                    return replace(asked, text=f"{_sale_now(slots)} {asked.text}")
                if several := _still_several(text, pending.payload.get("described", {})):
                    fits = f"{', '.join(several[:-1])} and {several[-1]}"  # still asked
                    each = "both" if len(several) == 2 else "all"
                    return Reply(f"Choices {fits} {each} fit “{text.strip()}”: which number?")
                if pending.payload.get("intent") in PREVIEWED and (
                    narrowed := subjects.narrowed_preview(text, pending.payload["slots"], read)
                ):  # "actually just sam's ones": the same change on fewer, previewed again
                    session.delete(pending)
                    return _Command(narrowed, sure=True, waiting=NARROWING)
                none_fit = pending.kind == "choice" and none_said
                # "2" for [Cancel]; never the number said after "none of those"
                pressed_cancel = not none_fit and _pressed(text, pending.payload) in NO
                after_no = _NO_FIRST.sub("", text)
                cancelled = (
                    _CANCEL_LAST.search(text)  # "no wait, that's missing omar. cancel"
                    or after_no != text
                    and _A_REASON.match(after_no)  # "nah leave it, she's got a demo with him"
                )
                if pressed_cancel or cancelled or none_fit or says(text, NO):
                    session.delete(pending)
                    if (again := _figures_instead(pending.payload, after_no)) is not None:
                        return again  # "no - 2 licences and £1,200 total": previewed again
                    # "never mind" is a no and nothing else; "no, reassign them to jordan" is more
                    alone = pressed_cancel or cancelled or says(text, NO, only=True)
                    text = "" if alone and not none_fit else after_no  # "none of those. #100"
                    waiting = "cancelled"
                    if not text:
                        return Reply(CANCELLED)
                elif _only_offered(pending.payload):  # "did you mean …?" buttons: no question
                    session.delete(pending)
                elif pending.kind == "choice" and _ASKED_AGAIN.match(text):
                    return _choices_again(pending.payload)  # "which one was that?"
                elif pending.kind == "choice" and (pointed := subjects.pointing(text)):
                    # "he just bought 10 seats" while asked which Björn: he is not the last one
                    asked = next(iter(pending.payload.get("choices", {}).values()), {})
                    which = "customer" if "customer" in asked or not asked else next(iter(asked))
                    return Reply(
                        f"Who is “{pointed}”? I'm still asking which {which} you meant, so the "
                        "customer is not settled yet: answer that first, or say the customer's "
                        "name. Nothing was saved."
                    )
                elif pending.payload.get("kept"):
                    session.delete(pending)
                    waiting = "dropped"
                else:
                    pending.payload = {**pending.payload, "kept": True}
                    waiting = "kept"
        if not text:
            return Reply("Say something like “tell me about Acme”, or “help” to see what I can do.")
        if (listed := catalogue_asked(session, text)) is not None:
            return _noted(listed, waiting)  # "what products have we got", "… price of X"
        if pending is None and says(text, NO, only=True):
            return Reply("There is no question waiting, so there is nothing to cancel.")
        if pending is None and _CONFIRMING.fullmatch(text):
            return Reply(
                "There is no question waiting for a yes, so nothing was done: a question is "
                "dropped once two other messages come in between. Ask for the change again."
            )
        text = away_then_asked(text)  # "sam's off tomorrow. give his tasks to maria": one request
        text = with_possessives(text, lexicon)  # "jordans tasks on them"
        subject = subjects.recall(session, conversation, now)
        if (task := one_of_the_tasks_shown(session, staff, subject, text)) and read(
            task
        ).intent in ("task.update", "task.complete"):
            text = task  # "give the nordwind one to maria" after a list of tasks: that task
        parsed = subjects.refer_back(text, read(text), subject, read)
        if (score := score_put_right(session, staff.id, text)) is not None:
            parsed = score  # "sorry it was a 3 not 4" after an NPS answer
        elif (
            waiting != "kept"
            and (
                fixed := just_logged_put_right(
                    session, staff.id, text, now=now, tz=staff.tz or self.settings.tz
                )
            )
            is not None
        ):  # never while a question about something else is waiting
            parsed = fixed  # "sorry i meant 5400" after a sale, "make it a meeting" after a call
        elif (moved := someone_else_meant(session, staff.id, text)) is not None:
            parsed = moved  # "sorry i meant priya kowalski not dubois" after a sale to Dubois
        elif (not_theirs := not_whom_it_went_to(session, staff.id, text)) is not None:
            return Reply(not_theirs)
        elif (contact := task_was_a_contact(session, staff.id, text)) is not None:
            # "no, not a task - i already called him. log it as a call": undone, then logged
            return _Command(intents.Parsed("undo", {}, 1.0), sure=True, then=contact)
        elif (again := same_for_task(session, staff.id, text)) is not None:
            parsed = again  # "and #13 too" after task 12 was handed over
        then = None
        if (
            (won := vocab.WON_TOO.search(text))
            and (sold := read(text[: won.start()])).intent == "purchase.log"
            and sold.slots.keys() & {"amount", "quantity"}  # "X signed on friday": no sale told
        ):  # "… 30 licences CRM Pro 27k, move her to customer": the sale wins her anyway
            text = text[: won.start()]
            parsed = subjects.refer_back(text, read(text), subject, read)
        split = split_request(text) or _the_same_for(text, read)
        if won and parsed.intent == "customer.update" and parsed.slots.get("field") == "stage":
            split = None  # "X signed on friday apparently, move her to won": why, then the move
        if split is not None and (remarked := _after_a_remark(split, read)) is not None:
            text = remarked  # "fatima moreau hasn't been touched in 80 days, move her … and …"
            parsed, split = read(text), split_request(text)
        if split is not None:  # "done 12. and remind me to …"
            parts = [split[0], *requests(split[1])]
            first = subjects.refer_back(parts[0], read(parts[0]), subject, read)
            # "move her to …": her is #0 for now, until the request before has run ("… and tag
            # them stalled" after a change to a list: them are that list)
            later = [
                read(
                    part
                    if first.intent in PREVIEWED and subjects.MANY.search(part)
                    else subjects.as_if_named(part)
                )
                for part in parts[1:]
            ]
            if (
                _sure_of_each(first)
                and all(_sure_of_each(r) or _previewed_after(first.intent, r) for r in later)
                and not any(_ONE_NOT_NAMED.search(part) for part in parts)
                and not {r.intent for r in (first, *later)} & {"unknown", "smalltalk", "help"}
                and not any(_never_second(first, r) for r in later)
            ):
                parsed, then = _follow_up_said_apart(first, later), split[1]
            elif (
                _change(first) == _change(parsed)
                and _sure_of_each(first)
                and any(r.intent == "unknown" for r in later)
            ):  # "close #2, and push #10 to april": the first done, the rest said not understood
                parsed, then = first, split[1]
            elif _a_remark_then_the_request(parsed, first, later, text):
                pass  # "jordan's leaving us friday. move all his leads to sam": read whole
            elif parsed.intent in WRITES and (
                len(parts) > 2
                or any(
                    r.intent in WRITES - NEVER_SECOND
                    and _change(r) != _change(parsed)
                    and r.confidence >= ANOTHER_WRITE
                    for r in (first, *later)
                )
            ):  # read as one, the message would do one request and drop the other
                return Reply(
                    f"That message holds {len(parts)} requests and I couldn't read each of them "
                    "for sure, so nothing was done: send them one at a time."
                )
        if waiting == "cancelled" and (number := _BY_NUMBER.fullmatch(text)):
            # "none of those. #100", asked which customer: that one
            parsed = intents.Parsed("customer.show", {"customer": number["id"]}, 1.0)
        if waiting == "cancelled" and parsed.intent == "undo":
            # "no!! undo that, task 9 was fine": which to take back, the question or the change
            # before it, is not said; the question goes, and the change is named, not undone
            return Reply(f"{CANCELLED}{_still_standing(session, staff.id)}")
        if waiting == "cancelled" and (
            parsed.intent not in INSTEAD or parsed.confidence < UNSURE
        ):  # "no - Peter was only added this morning": a reason, not a request
            return Reply(CANCELLED)
        return _Command(parsed, waiting=waiting, then=then)

    def _reader(
        self, lexicon: intents.Lexicon, staff: Staff, now
    ) -> Callable[[str], intents.Parsed]:
        tz = staff.tz or self.settings.tz
        return lambda said: self.parse(said, now=now, tz=tz, lexicon=lexicon)

    def _and_then(
        self,
        session: Session,
        staff: Staff,
        message: Message,
        text: str,
        first: Reply,
        command_id: str,
        *,
        ran: int = 1,
        wrote: bool = True,
        after_preview: bool = False,
    ) -> Reply:
        """The next request of a message, read after the one before ran (so "her" is who that
        was about), then the rest; if one cannot be done as it stands, what ran before stays done
        and the reply says so rather than asking about it; after a list that changed nothing
        ("proposals untouched in 90 days? mark them lost"), the preview the next one asks for
        is the reply."""
        conversation = _conversation(message, staff.id)
        read = self._reader(self.lexicons.current(session), staff, message.received_at)
        subject = subjects.recall(session, conversation, message.received_at)
        text, rest = split_request(text) or (text, None)
        parsed = subjects.refer_back(text, read(text), subject, read)
        about = subject.customer_id if subject is not None else None
        unnamed = not parsed.slots.keys() & {"customer", "task_id", CUSTOMERS}
        if about and unnamed and (said := subjects.as_if_named(text)) != text:
            # "…. move to proposal", "…, close that task": the customer just talked about
            parsed = read(said.replace(subjects.ANY_ONE, f"#{about}"))
        elif parsed.intent == "task.create" and unnamed and about:
            # "called him, left a vm. remind me fri to try again": a reminder about him
            parsed = replace(parsed, slots={**parsed.slots, "customer": f"#{about}"})
        try:
            with session.begin_nested():
                if parsed.intent == "unknown" or (
                    parsed.confidence < UNSURE
                    and not (after_preview and _previewed_after(parsed.intent, parsed))
                    and not _sure_of_each(read(subjects.as_if_named(text)))
                ):
                    raise UserError("I couldn't read it for sure")
                second = self._run(session, staff, message, _Command(parsed), command_id)
        except (UserError, Ask) as stopped:
            if isinstance(stopped, Ask) and not wrote and ran == 1:
                stopped.then = rest or ""  # nothing was done before it: the question stands
                raise
            if isinstance(stopped, Ask) and parsed.intent in PREVIEWED:
                # "… and tag them stalled": what ran stays done, and this change is previewed
                self._keep(session, message, staff.id, stopped, then=rest)
                return replace(combined(first, stopped.reply), buttons=stopped.reply.buttons)
            reason = str(stopped) if isinstance(stopped, UserError) else stopped.reply.text
            unsaid = f"{text} {rest}" if rest else text
            done = "the first part" if ran == 1 else f"the first {ran} parts"
            line = f"I did only {done}. “{unsaid}” was not done ({reason}); send it on its own."
            return replace(first, note=f"{first.note}\n{line}" if first.note else line)
        both = combined(first, second)
        if rest is None:
            return both
        return self._and_then(
            session,
            staff,
            message,
            rest,
            both,
            command_id,
            ran=ran + 1,
            after_preview=after_preview,
        )

    def _run(
        self,
        session: Session,
        staff: Staff,
        message: Message,
        command: _Command,
        command_id: str | None = None,
    ) -> Reply:
        parsed = command.parsed
        handler = HANDLERS.get(parsed.intent, HANDLERS["unknown"])
        permissions.check_intent(staff, parsed.intent)
        permissions.guard(session, staff)
        refuse_invalid(parsed.slots, write=parsed.intent in WRITES)
        try:
            unsure = (
                not command.sure
                and parsed.intent in WRITES - PREVIEWED
                and parsed.confidence < UNSURE
            )
            if unsure and missing_required(parsed.intent, parsed.slots):
                # too little to confirm: say what was not understood, this reading among others
                handler = HANDLERS["unknown"]
                parsed = intents.Parsed(
                    "unknown", {}, parsed.confidence, (parsed, *parsed.alternatives)
                )
            elif unsure:
                raise _make_sure(session, staff, parsed)
            subject = subjects.recall(
                session, _conversation(message, staff.id), message.received_at
            )
            ctx = Context(
                session=session,
                staff=staff,
                message=message,
                settings=self.settings,
                engine=self.engine,
                command_id=command_id or uuid.uuid4().hex,
                now=message.received_at,
                confirmed=command.confirmed,
                recent=subject.customer_id if subject is not None else None,
                on_screen=(subject.shown or []) if subject is not None else [],
                said_before=subject.said_at if subject is not None else None,
            )
            reply = handler(parsed, ctx)
            if ctx.caveats:
                reply = replace(reply, text="\n".join([*ctx.caveats, reply.text]).strip())
            if ctx.labelled:  # "my price-call list" right after tagging: the new tag is known
                self.lexicons.forget()
            subjects.remember(
                session,
                _conversation(message, staff.id),
                message.received_at,
                parsed,
                ctx.mentioned,
                ctx.listed,
                ctx.tasks,
                ctx.shown,
            )
            return reply
        except Ask as question:
            question.command = {
                "intent": parsed.intent,
                "slots": parsed.slots,
                "confidence": parsed.confidence,
                "sure": command.sure,
            }
            raise

    def _settle(
        self,
        message: Message,
        staff_id: int | None,
        question: Ask | None,
        *,
        keep_waiting: bool = False,
        then: str | None = None,
        named: bool = False,
        about: int | None = None,
    ) -> None:
        """After a rolled-back command: keep the event id, and the new question if one was asked
        with the message's second request, run once it is answered (or the question still
        waiting, marked as having survived one unrelated message); a customer `named` and not
        found is no longer followed by "him" meaning the one before, and the one the answer was
        `about` ("X is in the delete bin") is."""
        with transaction(self.engine) as session:
            try:
                with session.begin_nested():
                    self._claim(session, message)
            except _Duplicate:
                pass
            if staff_id is None:
                return
            conversation = _conversation(message, staff_id)
            if named or about is not None:  # "No customer matches “hugo silva paris”": not him
                subjects.point_at(session, conversation, about, message.received_at)
            subjects.heard(session, conversation, message.received_at)
            if keep_waiting:
                for waiting in session.exec(
                    select(PendingQuestion).where(PendingQuestion.conversation == conversation)
                ):
                    waiting.payload = {**waiting.payload, "kept": True}
                return
            session.exec(
                delete(PendingQuestion).where(PendingQuestion.conversation == conversation)
            )
            if question is not None:
                self._keep(session, message, staff_id, question, then=then)

    def _keep(
        self,
        session: Session,
        message: Message,
        staff_id: int,
        question: Ask,
        *,
        then: str | None = None,
    ) -> None:
        """The question left waiting for its answer, with the request to run after it."""
        described = {
            b.value: b.label for b in question.reply.buttons if b.value in question.choices
        }
        payload = {
            **question.command,
            "choices": question.choices,
            "described": described,
            "order": [b.value for b in question.reply.buttons],
            **({"then": then} if then else {}),
        }
        session.add(
            PendingQuestion(
                conversation=_conversation(message, staff_id),
                staff_id=staff_id,
                kind="confirm" if "yes" in question.choices else "choice",
                payload=payload,
                expires_at=message.received_at
                + timedelta(minutes=self.settings.question_ttl_minutes),
            )
        )


# where a message holds a second request: a command word after a full stop, a semicolon, "and" or
# "then" ("done 12. and remind me to …", "called her, move her to proposal")
# "move him to customer, he signed for 10 seats, $11,000": a sale with its figures after a change
_SALE_AFTER = (
    r"(?:he|she|they)\s+(?:just\s+)?(?:signed|bought|ordered|purchased|renewed)\b(?=[^.;]*\d)"
)
# "move zoe to proposal, sent her the proposal this morning": a contact told after a change
_CONTACT_AFTER = (
    r"(?:sent|emailed|called|rang|phoned|met|visited|texted|messaged)\s+(?:her|him|them)\b"
)
# "her title is Facilities Manager, country Sweden": another detail, said after a comma
_DETAIL_AFTER = (
    r"(?:new\s+)?(?:phone|mobile|e-?mail|title|city|country|company)\s+(?:is\s+|=\s*|:\s*)?"
    r"(?=[A-Z+\d]|[\w.+-]+@)"
)
_NEW = re.compile(r"^new\s+", re.I)
_A_CHANGE_FIRST = re.compile(
    r"^(?:(?:pls|please|ok|so)\s+)?(?:move|mark|set|put|give|hand|tag|change|update|reassign|assign|"
    r"push|bump)\b",
    re.I,
)
_SECOND = re.compile(
    r"(?:[.;!?]\s+|,\s+(?=(?:and|then|also|plus|so)\s|(?:done|tick|task done|mark|close|move|push|"
    r"reassign|remind me|set a reminder|"
    r"put\s+(?:her|him|them|it)\s+(?:back\s+)?(?:to|in|as)\b(?!\s+my\b)|"
    # "new lead: …, +43 1 5551234, tag expo2026 too": the one just added is tagged
    r"tag\s+(?!(?:them|these|those|all|each|every\w*)\b)#?[\w-]+(?:\s+(?:too|as well))?\W*$)|"
    rf"tasks?\s*#?\d+\s+(?:is\s+)?done\b|{_SALE_AFTER}|"
    rf"{_CONTACT_AFTER}|{_DETAIL_AFTER})"
    r"|\s+(?=(?:and|then)\s))"
    r"(?:(?:and|then|also|plus|so)\s+)*"
    r"(?=(?:done|mark|close|complete|tick|task done|remind me|set a reminder|add a task|new task|"
    r"(?:remind|ask)\s+(?!me\b)[\w'-]+\s+to|bring\s+(?:her|him|them|it)\s+back|"
    r"task:|todo|tag|untag|move|push|postpone|reschedule|log|book|delete|restore|reassign|give|"
    r"bump|promote|advance|upgrade|downgrade|demote|put\s+(?:her|him|them|it)\b)\b"
    rf"|{_SALE_AFTER}|(?<=, ){_CONTACT_AFTER}|(?<=, and ){_CONTACT_AFTER}"
    # "visited Tom this morning and then had a zoom w/ Léa …": a second contact
    r"|(?<=and then )(?:had|called|rang|phoned|emailed|met|visited|texted|messaged|spoke)\b"
    # "sent deck to amelia, also rang fatima at bluth, no answer": a contact with another
    r"|(?<=, also )(?:called|rang|phoned|emailed|met|visited|texted|messaged|whatsapped)\b"
    r"|(?<=and )(?:gave|rated|scored)\s+(?:us\s+)?(?:an?\s+)?(?:nps\b|\d)"
    # "… CRM Pro, 12,500. she rated us 9 btw": her score too
    r"|(?<=[.;!] )(?:he|she|they)\s+(?:gave|rated|scored)\s+(?:us\s+)?(?:an?\s+)?(?:nps\s+)?\d"
    r"|(?<=and )(?:his|her|their)\s+(?:new\s+)?(?:phone|mobile|cell|number|e-?mail|title|job title|"
    r"city|address|company)\b(?:\s+(?:number|address))?\s+(?:is|to|=|:)"
    # "… is now x@y.de and she moved to Berlin": her city too
    r"|(?<=and )(?:he|she|they)(?:'s|\s+(?:has|have))?\s+(?:moved|relocated)\s+to\b"
    # "… and hes now in austin": their city too
    r"|(?<=and )(?:he|she|they|hes|shes)(?:'s|\s+is)?\s+now\s+(?:based\s+)?in\b"
    # "close 1, he's lost anyway. and the renewal quote one for him too": another task closed
    r"|(?<=[.;!] and )(?:the|that)\s+(?:[\w-]+\s+){1,3}one\b"
    rf"|(?<=and ){_DETAIL_AFTER}"  # "his new number is … and email x@y.com": the address too
    r"|(?<=[.;] )(?:(?:his|her|their)\s+)?(?:new\s+)?(?:phone|mobile|e-?mail|title|city|address|"
    r"company)\b"  # "her title is …. city Hamburg, …": another change
    rf"|(?<=, ){_DETAIL_AFTER}"
    r"|(?:tasks?\s*)?#?\d+\s+(?:to|till|until)\s|tasks?\s*#?\d+\s+(?:is\s+)?(?:done|complete|closed)\b"
    r"|(?<=[.;!] )#?\d+\s+(?:is\s+)?(?:done|complete|closed)\W*$"  # "…quote after. 14 done"
    # "…, gave us 7. recovery call done": that task closed too
    rf"|(?<=[.;!] )(?={vocab.TASK_DONE_SAID.pattern.lstrip('^')}))",
    re.I,
)
# "give 34 to maria and 35 to sam": the second request says only its number, after the verb
_VERB_FIRST = re.compile(
    r"^(?:give|move|push|hand|reassign|assign|pass|transfer|shift|postpone|bump)\b", re.I
)
_THE_X_ONE = re.compile(
    r"^(?:the|that)\s+(?P<what>(?:[\w-]+\s+){0,2}[\w-]+)\s+one\b(?P<tail>.*)$", re.I
)
_CLOSED_FIRST = re.compile(r"^(?:close|done|tick|complete|mark|finish)\b", re.I)
_NUMBER_FIRST = re.compile(r"^(?:tasks?\s*)?#?\d+\s+(?:to|till|until)\s", re.I)
_HAS_TARGET = re.compile(r"\s(?:to|till|until)\s", re.I)
# "close task 1 and the dup one for 18 dec": a one that only the sender knows, in one of several
_ONE_NOT_NAMED = re.compile(r"\band\s+(?:the|that|this)\s+(?:[\w-]+\s+)?one\b", re.I)
SURE_OF_EACH = 0.75  # how likely each of two requests in one message must be read right
# a part read this likely as another change than the whole: the message is refused, not half done
ANOTHER_WRITE = 0.4
# what is never done as the second request of a message: "called acme, '); DELETE FROM …" is a
# contact whose summary holds those words, not a contact and then a delete
NEVER_SECOND = frozenset({"customer.delete", "customer.forget", "customer.bulk_update"})


def _never_second(first: intents.Parsed, later: intents.Parsed) -> bool:
    """Whether a later request may not follow the first in one message: a change to a list may
    follow one to the same list ("put all 4 back to qualified and tag them stalled"), each
    previewed in turn."""
    if later.intent == "customer.bulk_update" and first.intent == "customer.bulk_update":
        return False
    return later.intent in NEVER_SECOND


def _follow_up_said_apart(contact: intents.Parsed, later: list[intents.Parsed]) -> intents.Parsed:
    """A contact logged with a task set or moved after it ("…, legal signs off thurs. push the
    chase task to fri"): that task is the follow-up, so no other is made from a day said in it."""
    if contact.intent != "interaction.log" or not any(
        r.intent in ("task.create", "task.update") for r in later
    ):
        return contact
    return replace(contact, slots={k: v for k, v in contact.slots.items() if k != "follow_up"})


def _still_standing(session: Session, staff_id: int) -> str:
    """The sender's last change, which a cancelled question left as it was."""
    entries = last_command(session, staff_id)
    if not entries:
        return ""
    said = entries[-1].description
    return f" Your last change, “{said}”, still stands: say “undo” to take it back."


def _sure_of_each(reading: intents.Parsed) -> bool:
    """Whether one request of several is read well enough to be done: a task named by its number
    ("close 12 and move 13 to monday"), a customer's stage, owner, tag or interest (which the
    store checks), city (said plainly) or phone or e-mail (whose form is checked), and a new
    customer named with a way to reach them need less."""
    slots = reading.slots
    checked = (
        reading.intent in ("task.update", "task.complete")
        and "task_id" in slots
        or reading.intent == "customer.update"
        and slots.get("field") in ("stage", "owner", "tag", "interest", "city", "phone", "email")
        and bool(slots.get("customer"))
        or reading.intent == "task.complete"  # "… close both his tasks": the store says which
        and bool(slots.get("customer"))
        and bool(slots.get("about"))
        or reading.intent == "interaction.log"  # "called zoe wilson madrid, …": who is looked up
        and bool(slots.get("customer"))
        and bool(slots.get("channel"))
        or reading.intent == "customer.create"  # a name and how to reach them: checked for twins
        and bool(slots.get("name"))
        and bool(slots.keys() & {"phone", "email"})
        or reading.intent == "segment.list"  # "leads untouched in 100 days? mark them lost": a
        and bool(slots)  # list shown first, the change after it previewed
        or reading.intent == "customer.restore"  # "… bring her back pls": out of the bin, as
        and bool(slots.get("customer"))  # undo would put her back in
        or reading.intent not in WRITES  # "why is X marked lost?? …, put her back to lead": a
        and bool(slots.get("customer"))  # question about one customer, which writes nothing
    )
    previewed = (  # "tag them winback and give them all to maria": each shown before it is done
        reading.intent == "customer.bulk_update"
        and slots.get("field") in ("tag", "owner", "stage")
        and bool(slots.get("value"))
    )
    return reading.confidence >= (
        ANOTHER_WRITE if previewed else UNSURE if checked else SURE_OF_EACH
    )


def _previewed_after(first: str, later: intents.Parsed) -> bool:
    """Whether a later request is another change to the list the first request (of intent
    `first`) changes ("put all 4 back to qualified and tag them stalled"): previewed in turn, so
    read less surely than a request done at once."""
    return (
        first in PREVIEWED
        and later.intent in PREVIEWED
        and bool(later.slots.get("action") or later.slots.get("value"))
        and later.confidence >= ANOTHER_WRITE
    )


def _after_a_remark(split: tuple[str, str], read: Callable[[str], intents.Parsed]) -> str | None:
    """The requests after a remark that names their customer ("X hasn't been touched in 80 days,
    move her back to qualified and give to sam"), with the name put in for "her"; else None."""
    remark, rest = split
    if read(remark).intent in WRITES:
        return None  # "close my demo task on her and tag her vip": two requests, not a remark
    if "?" in remark:
        return None  # "who deleted anna nguyen?? … bring her back pls": a question, then a request
    pointed = subjects.ONE.search(rest)
    if pointed is None or not (named := leading_name(remark)):
        return None
    return f"{rest[: pointed.start()]}{named}{rest[pointed.end() :]}"


def _a_remark_then_the_request(
    whole: intents.Parsed, first: intents.Parsed, later: list[intents.Parsed], text: str
) -> bool:
    """Whether a message is a remark and then one request, which the whole message reads surely
    (the remark says whose: "jordan's leaving us friday. move all his leads to sam")."""
    return (
        len(later) == 1
        and later[0].intent in _SAID_ALONE.get(whole.intent, {whole.intent})
        and _sure_of_each(whole)
        and not _sure_of_each(first)
        # (a first part read as a change is a request too: "tag these X and give Y to maria")
        and not (first.intent in WRITES and first.confidence >= ANOTHER_WRITE)
        and subjects.ONE.search(text) is None
    )


# what the request after a remark reads as alone: "move his whole book to priya", without whose
# book, is a change to one customer
_SAID_ALONE = {"customer.bulk_update": {"customer.bulk_update", "customer.update"}}


def _change(parsed: intents.Parsed) -> tuple[str, object]:
    """What a reading changes: "her title is … and her phone is …" are two changes of one kind,
    a meeting and an e-mail two contacts."""
    return parsed.intent, parsed.slots.get("field") or parsed.slots.get("channel")


_TAG_ALONE = re.compile(r"tag\s+#?(?P<tag>[\w-]+)(?:\s+(?:too|as well))?\W*$", re.I)
_TAKEN_BACK = re.compile(
    r"\b(?:no wait|wait no|scratch that|actually no|actually keep|on second thoughts?|"
    r"just log (?:it|that|this|the (?:call|meeting|visit|email|chat)))\b",
    re.I,
)
_ONE_AFTER_ANOTHER = re.compile(r"\b(?:afterwards|after that|later on|later|and then|then)\b", re.I)
_INTERESTS_EACH = re.compile(
    r"^(?P<first>.+?\b(?:is|are|'s|’s)\s+(?:also\s+|now\s+)?(?:interested in|keen on)\s+[^,;]+?)"
    r"\s*[,;]\s*(?:and\s+)?(?P<who>[\w'’.-]+(?:\s[\w'’.-]+){0,3}?)\s+"
    r"(?:(?:is|are)\s+(?:also\s+|now\s+)?(?:interested in|keen on)|in)\s+(?P<what>\S.*)$",
    re.I,
)
_HANDED_AS = re.compile(
    r"^(?P<handover>(?:assign|reassign|give|hand|move|transfer|pass)\s+(?P<who>her|him|them|it)\s+"
    r"(?:over\s+)?to\s+[\w'-]+(?:\s[\w'-]+)?)\s+as\s+an?\s+"
    r"(?P<stage>lead|prospect|qualified|proposal|customer|won|lost)\W*$",
    re.I,
)


_REMINDED_IF_SILENT = re.compile(
    r"^(?:pls\s+|please\s+)?remind me\b(?![^.]*\bto\s)[^.]*\b(?:if|unless|in case)\b", re.I
)
_INTERJECTION_AT_END = re.compile(r"(?<=[.!?])\s*(?:oh|ah|also|plus|btw)\W*$", re.I)


_LOG_IT_AT_END = re.compile(
    r"(?<=\w)[\s,.;]+(?:and\s+)?(?:pls\s+|please\s+)?log\s+(?:it|that|this)(?:\s+(?:pls|please|too))?"
    r"\W*$",
    re.I,
)


def split_request(text: str) -> tuple[str, str] | None:
    """The first request of a message that holds more, and the rest (which may hold more), each
    long enough to stand alone."""
    if _TAKEN_BACK.search(text):  # "… move to customer? no wait keep in proposal. just log the
        return None  # call": what was taken back is not done, and the rest is one note
    text = _LOG_IT_AT_END.sub("", text)  # "…, he wants a demo. bump him to qualified and log it"
    if staged := _HANDED_AS.match(text):  # "assign her to sam as a lead": a handover, a stage
        return staged["handover"], f"move {staged['who']} to {staged['stage']}"
    if each := _INTERESTS_EACH.match(text):  # "carla is interested in X, tobias in Y": two
        return each["first"], f"{each['who']} is interested in {each['what']}"
    for found in _SECOND.finditer(text):
        first, rest = text[: found.start()].strip(" ,"), text[found.end() :].strip()
        if _REMINDED_IF_SILENT.match(rest):
            continue  # "…, she'll reply by wed. remind me wed if nothing": the contact's follow-up
        first = _INTERJECTION_AT_END.sub("", first)  # "… quote by friday. oh and her city is …"
        if (
            re.match(_CONTACT_AFTER, rest, re.I)
            and not _A_CHANGE_FIRST.match(first)
            and not (vocab.DATE.search(first.lower()) and vocab.DATE.search(rest.lower()))
            and not _ONE_AFTER_ANOTHER.search(f"{found.group()} {rest}")
        ):  # "called jane, sent her the deck", "new lead: X, met her at …": one request; not
            continue  # "met him tuesday, and emailed him … this morning", "… and emailed her the
            # discount options afterwards": two
        if detail := re.match(_DETAIL_AFTER, rest):  # "…, country Sweden": their country is Sweden
            field = _NEW.sub("", detail.group()).split()[0]  # "…, and new email x@y.es"
            rest = f"their {field} is {rest[detail.end() :]}"
        if tagged := _TAG_ALONE.match(rest):  # "…, tag expo2026 too": the one just told of
            rest = f"tag her {tagged['tag']}"
        if (one := _THE_X_ONE.match(rest)) and _CLOSED_FIRST.match(first):
            rest = f"close the {one['what']} task{one['tail']}"
        if _NUMBER_FIRST.match(rest):
            if not (verb := _VERB_FIRST.match(first)) or not _HAS_TARGET.search(first):
                continue  # "push 37 and 38 to tomorrow": one change of two tasks
            rest = f"{verb.group()} {rest}"
        if len(first.split()) >= 2 and len(rest.split()) >= 2:
            return first, rest
    return None


_SAME_FOR = re.compile(
    r"^(?P<first>.+?)\s*[,;.]\s*(?:and\s+)?(?:the\s+)?same\s+(?:for|with|to)\s+"
    r"(?P<who>[^,;.!?]+?)(?:\s+(?:too|as well))?\W*$",
    re.I,
)
_SAID_AGAIN = frozenset({"interaction.log", "purchase.log", "task.create"})


def _the_same_for(text: str, read: Callable[[str], intents.Parsed]) -> tuple[str, str] | None:
    """ "emailed jane the pricing sheet, and same for ingrid at halcyon": the contact told, and
    the same told of the other customer, as two requests."""
    if not (same := _SAME_FOR.match(text)) or same["who"].split()[0].lower() in vocab.DATE_WORDS:
        return None  # "…, same for tomorrow": when, not whom
    told = read(same["first"])
    who = told.slots.get("customer")
    if told.intent not in _SAID_AGAIN or not isinstance(who, str):
        return None
    at = same["first"].lower().find(who.lower())
    if at < 0:
        return None
    return same["first"], f"{same['first'][:at]}{same['who']}{same['first'][at + len(who) :]}"


def requests(text: str) -> list[str]:
    """Each request of a message: "called her. close task 2, and remind me …" holds three."""
    said = []
    while (split := split_request(text)) is not None:
        said.append(split[0])
        text = split[1]
    return [*said, text]


def combined(first: Reply, second: Reply) -> Reply:
    """Two replies as one message: both sentences, the first's table, both sets of buttons."""
    return Reply(
        text=f"{first.text}\n{second.text}".strip(),
        title=first.title or second.title,
        fields=first.fields or second.fields,
        rows=first.rows or second.rows,
        buttons=list({b.value: b for b in (*first.buttons, *second.buttons)}.values()),
        files=[*first.files, *second.files],
        note="\n".join(n for n in (first.note, second.note) if n) or None,
    )


def _where(message: Message) -> tuple[str, str | None]:
    return message.platform, message.event_id


def _conversation(message: Message, staff_id: int) -> str:
    """Where a question waits for its answer: one person in one chat."""
    return f"{message.platform}:{message.chat}:{staff_id}"


_NEW_SAID = re.compile(
    r"^(?:(?:yes|yeah|yep|yup|ok|okay)\b[\s,.!]*)?(?:(?:it'?s|it is|that'?s)\s+)?(?:an?\s+)?"
    r"(?:brand\s+)?new\b(?:\s+(?:one|product|line|item|thing))?(?:\s*[:,.!-]+\s*.*)?$"
)


def _counted_again(pending: PendingQuestion, figures: dict, said: str) -> dict:
    """A sale's figures put right while it waits for an answer: a new count keeps the price of
    each ("sorry it was 14 units not 12"), unless the words keep the total."""
    slots = pending.payload["slots"]
    if (
        "quantity" in figures
        and "amount" not in figures
        and slots.get("quantity")
        and slots.get("amount")
        and not keeps_the_total(said)
    ):
        each = slots["amount"] / slots["quantity"]
        return {**figures, "amount": round(each * figures["quantity"], 2)}
    return figures


def _sale_now(slots: dict) -> str:
    """The figures of a sale still to be recorded: "The sale is now 14 for 6,300 (450 each)."."""
    count, total = slots.get("quantity"), slots.get("amount")
    if count and total:
        return f"The sale is now {count:g} for {_figure(total)} ({_figure(total / count)} each)."
    return f"The sale is now {_figure(total)}." if total else f"The sale is now {count:g} of them."


def _figure(value: float) -> str:
    return f"{value:,.2f}".removesuffix(".00")


def _figures_instead(payload: dict[str, Any], said: str) -> _Command | None:
    """The sale a preview showed, with the count and sum said after "no" instead of yes."""
    if payload.get("intent") not in ("purchase.update", "purchase.log"):
        return None
    if not said:
        return None
    if (figures := figures_instead(said)) is None:
        if payload["intent"] != "purchase.update" or not keeps_the_total(said):
            return None
        figures = {}  # "no, same total": the count changed, the sum kept (the words say so)
    slots = {**payload["slots"], **payload.get("choices", {}).get("yes", {}), **figures}
    return _Command(intents.Parsed(payload["intent"], slots, 1.0), sure=True)


def _answer_key(text: str, choices: dict[str, Any]) -> str | None:
    """Which choice a reply picks: "2", "#2", "the second", "2." or yes-words for a yes/no."""
    words = text.lower().strip(" .!?#")
    words = re.sub(r"^(the|number|no\.?|option)\s+", "", words)
    words = re.sub(r"\s+(one|please)$", "", words)
    if "yes" in choices and says(words, YES):
        return "yes"
    if "new" in choices and _NEW_SAID.match(words):
        return "new"  # "new product, nimbus", "yes new", "its a new one": the new product
    lead = re.match(r"([a-z]+)[\s,.!;:-]", words)
    if lead and lead.group(1) in choices.keys() - {"yes"}:
        return lead.group(1)  # "after, he paid 1530": the choice, said first
    key = str(vocab.ORDINALS.get(words, words))
    if key == "-1" and choices:
        key = list(choices)[-1]
    return key if key in choices else None


def _pressed(text: str, payload: dict[str, Any]) -> str | None:
    """The value of the button a bare number names: "1" is the first button shown."""
    order, words = payload.get("order", []), text.strip(" .#")
    if not words.isdigit() or not 1 <= int(words) <= len(order):
        return None
    return order[int(words) - 1]


def _button_numbered(text: str, payload: dict[str, Any]) -> str | None:
    """A bare "1" for a yes/no question's buttons ("[Yes] [Cancel]") presses the first."""
    pressed = _pressed(text, payload)
    return pressed if pressed in payload["choices"] else None


_ASKED_AGAIN = re.compile(
    r"^\W*(?:(?:which|what)\s+(?:one|ones|were|are|was)\b"
    r"(?:\s+(?:was|were|is|are|that|those|they|it|again|the\s+(?:options|choices)))*"
    r"|(?:the\s+)?(?:options|choices)(?:\s+again)?|say (?:that|it) again"
    r"|(?:show|list|repeat)\s+(?:me\s+)?(?:the\s+)?(?:options|choices|list))\W*$",
    re.I,
)


def _choices_again(payload: dict[str, Any]) -> Reply:
    """The choices of the question still waiting, shown again, so it can be answered."""
    labels = payload.get("described", {})
    order = [value for value in payload.get("order", []) if value in labels]
    lines = "\n".join(labels[value] for value in order)
    return Reply(
        text=f"Still asking which one you meant:\n{lines}\nAnswer with its number, or “cancel”.",
        buttons=[Button(labels[value], value) for value in order],
    )


def _described(text: str, described: dict[str, str]) -> str | None:
    """The one choice whose button says every word of the reply: "the toronto one" picks
    "2. Mateo Weber · Sam · Toronto", "mine" the one owned by "you", "mine, 1" the first."""
    labels = _labels(described)
    words = _answer_words(text, labels)
    if not words or not described:
        return None
    shown = set().union(*labels.values())
    numbers = {w for w in words if w.isdigit()}
    others = words - numbers  # "mine, 1" picks the first; "done 1" is a new command
    if (
        len(numbers) == 1
        and len(text.split()) <= 3
        and (key := numbers.pop()) in described
        and others <= shown
    ):
        return key
    picked = [key for key, said in labels.items() if words <= said]
    return picked[0] if len(picked) == 1 else None


def _still_several(text: str, described: dict[str, str]) -> list[str]:
    """The choices an answer fits when it fits more than one but not all: "the toronto one,
    sams" when two of five are Sam's in Toronto."""
    labels = _labels(described)
    words = _answer_words(text, labels)
    if not words or not labels or not words <= set().union(*labels.values()):
        return []
    picked = [key for key, said in labels.items() if words <= said]
    return picked if 1 < len(picked) < len(labels) else []


def _labels(described: dict[str, str]) -> dict[str, set[str]]:
    return {key: set(re.findall(r"\w+", label.casefold())) for key, label in described.items()}


def _answer_words(text: str, labels: dict[str, set[str]]) -> set[str]:
    """The words of an answer that may pick a choice: "mine" is the one owned by "you", "sams
    one" is Sam's."""
    words = set(re.findall(r"\w+", text.casefold())) - _CHOICE_FILLER
    words = {"you" if w in ("mine", "my", "me") else w for w in words}
    shown = set().union(*labels.values()) if labels else set()
    return {w[:-1] if w not in shown and w.endswith("s") and w[:-1] in shown else w for w in words}


_CHOICE_FILLER = frozenset(
    "the one a an in at from of with who whose is owned by i mean meant that please pls guy lady s "
    "customer contact person company".split()
)


def _make_sure(session: Session, staff: Staff, parsed: intents.Parsed) -> Ask:
    """Ask whether an unsure reading was meant. An undo is tied to the change it names, so a
    late "yes" never undoes a newer one."""
    said = parsed.slots.get("customer")
    if isinstance(said, str) and (ref := re.fullmatch(r"#(\d+)", said)):
        if (customer := session.get(Customer, int(ref[1]))) is not None:  # named, not numbered
            parsed = replace(parsed, slots={**parsed.slots, "customer": customer.display_name})
    label, sure = reading_label(parsed, limit=None), {"__sure": True}
    if parsed.intent == "undo" and (entries := last_command(session, staff.id)):
        label = f"Undo your last change ({entries[-1].description})"
        sure[UNDO_OF] = entries[0].command_id
    question = Ask.confirm(f"I'm not sure I understood. {label}?")
    question.choices = {"yes": sure}
    return question


def _noted(reply: Reply, waiting: str | None) -> Reply:
    """The reply, with a line about the question that was waiting when the message came."""
    line = {"kept": STILL_OPEN, "dropped": DROPPED, "cancelled": CANCELLED_FIRST}.get(waiting or "")
    if line:
        reply.note = f"{reply.note}\n{line}" if reply.note else line
    return reply


def _only_offered(payload: dict[str, Any]) -> bool:
    """Whether the waiting "question" is only the readings offered for a message not understood."""
    return all("__intent" in choice for choice in payload.get("choices", {}).values())


def _named_answer(
    text: str, payload: dict[str, Any], read: Callable[[str], intents.Parsed]
) -> _Command | None:
    """ "ironclad logistik" said to “Which customer?”, "sorry, that was for hugo silva, not novak"
    to “Several customers match novak”: the command again, for the customer named."""
    choices = payload["choices"]
    if NAMED in choices:
        slot = next(iter(choices[NAMED]))
    elif {tuple(c) for c in choices.values()} == {("customer",)}:
        slot = "customer"  # one of several customers listed, or another one named outright
    else:
        return None
    if meant := said_instead(text):
        named = meant["new"].strip()
    else:
        reading = read(text)
        if reading.intent != "customer.show" or set(reading.slots) != {"customer"}:
            return None  # another request: the question is kept once, as any other
        named = reading.slots["customer"]
        if NAMED not in choices and named.casefold() != text.strip(" .!?").casefold():
            return None  # "tell me about jane cooper" while asked which novak: a new request
    parsed = intents.Parsed(payload["intent"], {**payload["slots"], slot: named}, 1.0)
    return _Command(parsed, sure=True, then=payload.get("then"))


def _resume(payload: dict[str, Any], answer: str) -> _Command:
    filled = dict(payload["choices"][answer])
    made_sure = bool(filled.pop("__sure", False))
    if "__intent" in filled:  # one of the readings offered for a message that was not clear
        reading = intents.Parsed(
            filled.pop("__intent"),
            filled.pop("__slots", {}),
            1.0,
            unread=tuple(filled.pop("__unread", ())),
        )
        return _Command(reading, sure=True)
    parsed = intents.Parsed(
        payload["intent"], {**payload["slots"], **filled}, payload["confidence"]
    )
    return _Command(
        parsed,
        confirmed=answer == "yes" and not made_sure,
        sure=made_sure or payload["sure"],
        then=payload.get("then"),
    )
