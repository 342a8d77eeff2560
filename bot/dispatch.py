"""One way through for every message: dedupe, identify, answer a pending question or parse, run.

A command runs in one transaction together with the record of its event id, so a retried delivery
is applied once even across bot processes. Expected failures (UserError) and questions (Ask) roll
the command back; anything unexpected is logged with its traceback and the user gets an apology.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

import bot.handlers  # noqa: F401  (registers every handler)
import intents
from bot.checks import refuse_invalid
from bot.context import HANDLERS, Ask, Context, UserError
from bot.failures import trace_without_values
from bot.identity import not_enabled, staff_for
from bot.messages import Message, Reply
from bot.settings import Settings
from crm_store.db import transaction
from crm_store.models import PendingQuestion, ProcessedEvent, Staff

log = logging.getLogger(__name__)

MAX_MESSAGE = 4000
UNSURE = 0.6
WRITES = frozenset(
    {
        "customer.create",
        "customer.update",
        "customer.delete",
        "customer.restore",
        "customer.forget",
        "interaction.log",
        "purchase.log",
        "task.create",
        "task.complete",
        "nps.record",
        "undo",
    }
)
APOLOGY = "Sorry, something went wrong on my side and nothing was saved. Please try again."
ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "last": "-1"}
NO = {"no", "n", "nope", "cancel", "stop", "abort", "never mind", "nevermind"}
YES = {"yes", "y", "yep", "yeah", "sure", "ok", "okay", "confirm", "do it"}


class _Duplicate(Exception):  # noqa: N818
    """This event id was applied before."""


@dataclass(frozen=True)
class _Command:
    parsed: intents.Parsed
    confirmed: bool = False
    sure: bool = False


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
        staff_id = None
        try:
            with transaction(self.engine) as session:
                self._claim(session, message)
                staff = staff_for(session, message.platform, message.sender)
                if staff is None:
                    return Reply(not_enabled(message.platform, message.sender))
                staff_id = staff.id
                chosen = command(session, staff)
                if isinstance(chosen, Reply):
                    return chosen
                return self._run(session, staff, message, chosen)
        except _Duplicate:
            return None
        except UserError as error:
            self._settle(message, staff_id, None)
            return Reply(str(error))
        except Ask as question:
            self._settle(message, staff_id, question)
            return question.reply
        except Exception as error:
            log.error(
                "failed to handle %s message %s\n%s",
                message.platform,
                message.event_id,
                trace_without_values(error),
            )
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

        Any message clears the pending question: it is answered, cancelled, or left behind.
        """
        now, conversation = message.received_at, _conversation(message, staff.id)
        pending = session.exec(
            select(PendingQuestion).where(PendingQuestion.conversation == conversation)
        ).first()
        if pending is not None:
            session.delete(pending)
            if pending.expires_at > now:
                answer = _answer_key(text, pending.payload["choices"])
                if answer is not None:
                    return _resume(pending.payload, answer)
                if text.lower().strip(" .!") in NO:
                    return Reply("OK, cancelled. Nothing was changed.")
        if not text:
            return Reply("Say something like “tell me about Acme”, or “help” to see what I can do.")
        return _Command(self.parse(text, now=now, tz=staff.tz or self.settings.tz))

    def _run(self, session: Session, staff: Staff, message: Message, command: _Command) -> Reply:
        parsed = command.parsed
        handler = HANDLERS.get(parsed.intent, HANDLERS["unknown"])
        try:
            if not command.sure and parsed.intent in WRITES and parsed.confidence < UNSURE:
                summary = (handler.__doc__ or parsed.intent).splitlines()[0].rstrip(".")
                question = Ask.confirm(f"I'm not sure I understood. {summary}?")
                question.choices = {"yes": {"__sure": True}}
                raise question
            refuse_invalid(parsed.slots, write=parsed.intent in WRITES)
            ctx = Context(
                session=session,
                staff=staff,
                message=message,
                settings=self.settings,
                engine=self.engine,
                command_id=uuid.uuid4().hex,
                now=message.received_at,
                confirmed=command.confirmed,
            )
            return handler(parsed, ctx)
        except Ask as question:
            question.command = {
                "intent": parsed.intent,
                "slots": parsed.slots,
                "confidence": parsed.confidence,
                "sure": command.sure,
            }
            raise

    def _settle(self, message: Message, staff_id: int | None, question: Ask | None) -> None:
        """After a rolled-back command: keep the event id, and the new question if one was asked."""
        with transaction(self.engine) as session:
            try:
                with session.begin_nested():
                    self._claim(session, message)
            except _Duplicate:
                pass
            if staff_id is None:
                return
            conversation = _conversation(message, staff_id)
            session.exec(
                delete(PendingQuestion).where(PendingQuestion.conversation == conversation)
            )
            if question is not None:
                payload = {**question.command, "choices": question.choices}
                session.add(
                    PendingQuestion(
                        conversation=conversation,
                        staff_id=staff_id,
                        kind="confirm" if "yes" in question.choices else "choice",
                        payload=payload,
                        expires_at=message.received_at
                        + timedelta(minutes=self.settings.question_ttl_minutes),
                    )
                )


def _conversation(message: Message, staff_id: int) -> str:
    """Where a question waits for its answer: one person in one chat."""
    return f"{message.platform}:{message.chat}:{staff_id}"


def _answer_key(text: str, choices: dict[str, Any]) -> str | None:
    """Which choice a reply picks: "2", "#2", "the second", "2." or yes-words for a yes/no."""
    words = text.lower().strip(" .!?#")
    words = re.sub(r"^(the|number|no\.?|option)\s+", "", words)
    words = re.sub(r"\s+(one|please)$", "", words)
    if "yes" in choices and words in YES:
        return "yes"
    key = ORDINALS.get(words, words)
    if key == "-1" and choices:
        key = list(choices)[-1]
    return key if key in choices else None


def _resume(payload: dict[str, Any], answer: str) -> _Command:
    filled = dict(payload["choices"][answer])
    made_sure = bool(filled.pop("__sure", False))
    parsed = intents.Parsed(
        payload["intent"], {**payload["slots"], **filled}, payload["confidence"]
    )
    return _Command(
        parsed, confirmed=answer == "yes" and not made_sure, sure=made_sure or payload["sure"]
    )
