"""The daily digest on demand, and subscribing to it where you are talking to the bot."""

from __future__ import annotations

import re
from datetime import time

from sqlmodel import select

from bot import checks
from bot.books import ME, whose_book
from bot.context import Context, UserError, handles
from bot.messages import Button, Reply
from crm_store.audit import snapshot
from crm_store.models import Staff
from intents import DAYS, Parsed, vocab

DEFAULT_TIME = time(8, 0)


@handles("digest.show")
def show_digest(parsed: Parsed, ctx: Context) -> Reply:
    """The daily digest now — “digest”, “digest for yesterday”, “dana's digest”."""
    from bot import digest  # the day's figures: loaded when a digest is asked for

    if vocab.DIGEST_SETTINGS.search(ctx.message.text):  # "what are my digest settings"
        return _settings(ctx)
    day = ctx.today
    owner = parsed.slots.get("owner")
    if str(owner).casefold() in ME:  # "my morning digest": the one I get, a team's for a manager
        owner = None
    book = whose_book(ctx, owner)
    if parsed.slots.get("date"):
        day = checks.day(parsed.slots["date"])
        if day > ctx.today:
            raise UserError("That day hasn't come yet; ask for today's digest or an earlier one.")
    # "digest for today", "end of day digest": today's activity until now, not yesterday's
    so_far = day == ctx.today and bool(parsed.slots.get("date"))
    return digest.build(
        ctx.session, ctx.staff, today=day, settings=ctx.settings, book=book, so_far=so_far
    )


def _settings(ctx: Context) -> Reply:
    staff = ctx.staff
    if staff.digest_time is None:
        return Reply("You aren't getting the digest. “send me the digest at 8:00” starts it.")
    days = _days(staff.digest_weekdays_only)
    return Reply(
        f"You get the digest {days} at {staff.digest_time:%H:%M} ({ctx.tz.key}) on "
        f"{staff.digest_platform}. “stop the digest” stops it; “digest at 7:30” moves it.",
        buttons=[Button("Show it now", "digest")],
    )


def _days(weekdays_only: bool) -> str:
    return "every weekday (Monday to Friday)" if weekdays_only else "every day"


@handles("digest.subscribe")
def subscribe(parsed: Parsed, ctx: Context) -> Reply:
    """Get the digest every morning — “send me the digest at 8:30”, “… on weekdays only”.

    What is not said is kept: “weekdays only” keeps the time already chosen."""
    _refuse_chosen_days(ctx.message.text)
    _refuse_what_it_cannot(ctx)
    staff = ctx.staff
    if staff.digest_time is None and parsed.slots.get(DAYS) and not parsed.slots.get("time"):
        return Reply(  # "stop the digest on weekends" when none comes: nothing to change
            "You aren't getting the digest. “send me the digest on weekdays at 8:00” starts it."
        )
    at = staff.digest_time or DEFAULT_TIME
    if parsed.slots.get("time"):
        try:
            at = time.fromisoformat(parsed.slots["time"])
        except ValueError:
            raise UserError(f"I can't read the time “{parsed.slots['time']}”; try 08:30.") from None
    weekdays_only = staff.digest_weekdays_only
    if parsed.slots.get(DAYS):
        weekdays_only = parsed.slots[DAYS] == "weekdays"
    before = snapshot(staff)
    staff.digest_time = at.replace(second=0, microsecond=0)
    staff.digest_weekdays_only = weekdays_only
    staff.digest_platform = ctx.message.platform
    staff.digest_chat = ctx.message.chat
    ctx.session.add(staff)
    days = _days(weekdays_only)
    ctx.audit("staff.digest", staff, before=before, description=f"digest {days} at {at:%H:%M}")
    console = ctx.message.platform == "console"
    where = "in the terminal (crmbot digest --send)" if console else "here"
    return Reply(
        text=f"You'll get the digest {days} at {at:%H:%M} ({ctx.tz.key}) {where}.",
        buttons=[Button("Show it now", "digest"), Button("Undo", "undo")],
    )


@handles("digest.unsubscribe")
def unsubscribe(parsed: Parsed, ctx: Context) -> Reply:
    """Stop the daily digest — “stop the digest”."""
    _refuse_chosen_days(ctx.message.text)
    _refuse_someone_elses(ctx)
    staff = ctx.staff
    if staff.digest_time is None:
        return Reply("You weren't getting the digest. “send me the digest at 8:00” starts it.")
    before = snapshot(staff)
    staff.digest_time = None
    staff.digest_platform = None
    staff.digest_chat = None
    ctx.session.add(staff)
    ctx.audit("staff.digest", staff, before=before, description="digest stopped")
    return Reply("The daily digest is stopped.", buttons=[Button("Undo", "undo")])


_BY_EMAIL = re.compile(
    r"\b(?:by|via|over|per|to my|as an?)\s+e-?mail\b|\be-?mail (?:it|me)\b", re.I
)
_ONLY = re.compile(r"\b(?:only|just|limit(?:ed)?|restrict(?:ed)?)\b", re.I)


def _refuse_what_it_cannot(ctx: Context) -> None:
    """ "…, only jordan and maria", "… and send it by email": what a digest cannot be is said,
    and nothing changes, rather than the rest being set as if it had been heard."""
    text = ctx.message.text
    if _BY_EMAIL.search(text):
        raise UserError(
            "The digest comes here, where you talk to me; I can't send it by e-mail. Nothing was "
            "changed."
        )
    if _ONLY.search(text) and _colleague_named(ctx, r"{name}"):
        raise UserError(
            "The digest covers your book (a manager's: the team's); it can't be limited to some "
            "reps. Nothing was changed: “maria's digest” shows hers."
        )
    _refuse_someone_elses(ctx)


def _colleague_named(ctx: Context, said: str) -> str | None:
    """The first name of a colleague the message names as `said` puts it, if any."""
    for name in ctx.session.exec(select(Staff.name).where(Staff.id != ctx.staff.id)):
        first = re.escape(name.split()[0].lower())
        if re.search(rf"\b{said.format(name=first)}\b", ctx.message.text.lower()):
            return name.split()[0]
    return None


_SOMEONE_ELSES = r"(?:{name}(?:'s|’s|s)|(?:for|to|send|give|get)\s+{name})"


def _refuse_someone_elses(ctx: Context) -> None:
    """ "set up maria's digest too": it comes to her chat, which only she can choose, so her
    digest is never started or stopped from someone else's (nor theirs changed instead)."""
    if named := _colleague_named(ctx, _SOMEONE_ELSES):
        raise UserError(
            "I can only start or stop your own digest: it comes to the chat you ask from. "
            f"{named} can say “send me the digest at 8:00” to me. Nothing was changed."
        )


def _refuse_chosen_days(text: str) -> None:
    """ "stop the digest on fridays", "mon-thu only": days a digest cannot be limited to, so
    nothing changes rather than the digest stopping or going out on the wrong days."""
    said = text.lower()
    if vocab.DAYS_CHOSEN.search(vocab.WEEKDAYS_ONLY.sub(" ", said)):
        raise UserError(
            "I can send the digest every day or on weekdays only (Monday to Friday), not on days "
            "you choose. Nothing was changed: say “digest on weekdays only” or “stop the digest”."
        )
