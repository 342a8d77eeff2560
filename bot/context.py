"""What every handler receives, the one error type users see, and handler registration."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlmodel import Session, SQLModel

from bot.messages import Button, Message, Reply
from bot.settings import Settings
from crm_store import audit
from crm_store.models import Staff
from intents import Parsed


class UserError(Exception):
    """An expected failure: its message is the whole answer, and nothing is written. `about`
    is the customer the answer names, whom "him" or "her" next means."""

    def __init__(self, text: str, *, about: int | None = None) -> None:
        super().__init__(text)
        self.about = about


class Ask(Exception):  # noqa: N818  (a question, not an error)
    """The command can't go on without an answer: ask it, and run the command again once answered.

    `choices` maps each answer to the slot values it fills in (e.g. "2" → {"customer": "#17"});
    a yes/no confirmation has the single choice "yes" and re-runs the command confirmed.
    Nothing the command wrote before asking is kept.
    """

    def __init__(self, reply: Reply, choices: dict[str, dict[str, Any]]) -> None:
        super().__init__(reply.text)
        self.reply = reply
        self.choices = choices
        self.command: dict[str, Any] = {}  # the intent and slots to resume, filled by dispatch
        self.then: str | None = None  # the rest of the message, run once it is answered
        self.about: int | None = None  # the customer the question names, whom "her" next means

    @classmethod
    def confirm(cls, question: str) -> Ask:
        buttons = [Button("Yes", "yes", "danger"), Button("Cancel", "no")]
        return cls(Reply(text=f"{question} (yes/no)", buttons=buttons), {"yes": {}})


LABELS = frozenset({"customer.tag", "customer.interest"})  # what the lexicon's stamp misses


@dataclass
class Context:
    """One command's world: who asks, when, and the one transaction it may write in."""

    session: Session
    staff: Staff
    message: Message
    settings: Settings
    engine: Engine
    command_id: str
    now: datetime  # aware, UTC
    confirmed: bool = False  # the sender answered "yes" to this command's confirmation
    recent: int | None = None  # the customer the conversation was just about, if any
    on_screen: list[int] = field(default_factory=list)  # the rows of the list last shown
    said_before: datetime | None = None  # when the sender's message before this one came
    # the one customer the command was about, for the next message to refer back to
    mentioned: int | None = None
    # the customers a reply listed other than as a selection (next steps), for "those" next
    listed: list[int] | None = None
    # the customers a reply showed as numbered rows, in order, for "the 3rd one" next
    shown: list[int] | None = None
    # the tasks the command set or changed, for "push it to friday" next
    tasks: list[int] = field(default_factory=list)
    # a tag or interest was recorded: the parser's names of the store are read again
    labelled: bool = False
    # what the reply must say first: "No customer is called “john smith”; the closest is …"
    caveats: list[str] = field(default_factory=list)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.staff.tz or self.settings.tz)

    @property
    def local_now(self) -> datetime:
        return self.now.astimezone(self.tz)

    @property
    def today(self) -> date:
        return self.local_now.date()

    @property
    def is_manager(self) -> bool:
        return self.staff.role in ("manager", "admin")

    def audit(
        self,
        action: str,
        row: SQLModel,
        *,
        before: dict[str, Any] | None,
        description: str,
        deleted: bool = False,
    ) -> None:
        """Record a change this command made (after making it); undo replays these."""
        self.labelled = self.labelled or action in LABELS
        audit.record(
            self.session,
            command_id=self.command_id,
            staff_id=self.staff.id,
            action=action,
            row=row,
            before=before,
            description=description,
            deleted=deleted,
            at=self.now,
        )

    def delete(self, action: str, row: SQLModel, *, description: str) -> None:
        """Delete a row, audited as it was, so that undo puts it back."""
        before = audit.snapshot(row)
        self.session.delete(row)
        self.audit(action, row, before=before, description=description, deleted=True)

    def record_export(
        self,
        action: str,
        description: str,
        *,
        entity: str = "export",
        entity_id: int | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        """Record that personal data left the store: who, what, when (undo steps over these)."""
        audit.record_event(
            self.session,
            command_id=self.command_id,
            staff_id=self.staff.id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            description=description,
            at=self.now,
            after=after,
        )


Handler = Callable[[Parsed, Context], Reply]
HANDLERS: dict[str, Handler] = {}


def handles(intent: str) -> Callable[[Handler], Handler]:
    """Register a handler for an intent; the function is returned unchanged."""

    def register(function: Handler) -> Handler:
        if intent in HANDLERS:
            raise ValueError(f"{intent} already has a handler: {HANDLERS[intent].__name__}")
        HANDLERS[intent] = function
        return function

    return register
