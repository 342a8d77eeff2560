"""Contacts with customers: log one (with its follow-up), list past ones."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from sqlmodel import col, select

from bot import checks, format
from bot.books import may_change, whose_book
from bot.context import Context, UserError, handles
from bot.handlers.tasks import due_date, new_task
from bot.messages import Button, Reply
from bot.resolve import resolve_customer, resolve_each
from crm_store import reports
from crm_store.audit import snapshot
from crm_store.models import Channel, Customer, Interaction, Purchase, Staff, Task, TaskStatus
from intents import CONTACT_FOLLOW_UP, CUSTOMERS, MENTIONING, Parsed

DEFAULT_HISTORY = 10
MAX_HISTORY = 50


@handles("interaction.log")
def log_interaction(parsed: Parsed, ctx: Context) -> Reply:
    """Log a contact — “called Jane at Acme, wants a quote for 20 seats, follow up friday”.

    A contact with several customers named one by one (“emailed A and B, …”) is logged with
    each, once each is clear; otherwise with none."""
    slots = parsed.slots
    channel = slots.get("channel", Channel.note.value)
    if channel not in Channel.__members__:
        known = ", ".join(Channel.__members__)
        raise UserError(f"“{channel}” is not a way of contact I know ({known}).")
    summary = checks.text(slots.get("summary", ""), Interaction, "summary", what="summary")
    occurred_at = _when(ctx, slots.get("occurred_on"))
    follow_up = due_date(ctx, slots.get("follow_up"))
    if slots.get(CUSTOMERS):  # "emailed priya fischer and sophie wilson, …": one contact each
        customers = resolve_each(ctx, slots[CUSTOMERS])
    else:
        customers = [resolve_customer(ctx, slots.get("customer"))]
    for customer in customers:
        record_contact(ctx, customer, channel, summary, occurred_at)
    text = logged(ctx, customers, channel, summary, occurred_at)
    if follow_up is not None:
        text += "".join(follow_up_task(ctx, c, summary, follow_up) for c in customers)
    stage_buttons = []
    if len(customers) == 1 and (said := _stage_said(ctx, customers[0], summary)):
        stage, told = said
        if told:  # "…. moving him to qualified": asked for, so done, and undone with the rest
            move_to_stage(ctx, customers[0], stage)
            text += f"\nMoved {customers[0].display_name} to {stage}."
        else:
            name = customers[0].name or customers[0].company or f"#{customers[0].id}"
            stage_buttons = [
                Button(f"Move {name} to {stage}", f"move #{customers[0].id} to {stage}")
            ]
    return Reply(text=text, buttons=[Button("Undo", "undo"), *stage_buttons])


def record_contact(
    ctx: Context, customer: Customer, channel: str, summary: str, occurred_at: datetime
) -> None:
    """One contact stored and audited, so that `undo` takes it back with the rest of the command
    (a call logged beside the sale or NPS answer it brought)."""
    interaction = Interaction(
        customer_id=customer.id,
        channel=channel,
        summary=summary,
        occurred_at=occurred_at,
        staff_id=ctx.staff.id,
        source_platform=ctx.message.platform,
        source_message_id=ctx.message.event_id,
    )
    ctx.session.add(interaction)
    ctx.audit(
        "interaction.log",
        interaction,
        before=None,
        description=f"{channel} with {customer.display_name}",
    )


def contact_beside(
    ctx: Context, customer: Customer, channel: str, summary: str, slots: dict
) -> str:
    """The contact a sale or an NPS answer came in ("called bjorn, … nps 7"), logged now with its
    follow-up if one was said, and the lines that say so."""
    record_contact(ctx, customer, channel, summary, ctx.now)
    said = logged(ctx, [customer], channel, summary, ctx.now)
    if (due := due_date(ctx, slots.get(CONTACT_FOLLOW_UP))) is not None:
        said += follow_up_task(ctx, customer, summary, due)  # "… follow up thursday"
    return said


def follow_up_task(ctx: Context, customer: Customer, summary: str, due: date) -> str:
    """The task to follow a contact up, and the line that says so; none when an open task of the
    sender's on that customer, due within two days of it, is about the same thing ("sending quote
    tmrw" beside “send the renewal quote”, due today)."""
    if (same := _open_task_alike(ctx, customer, summary, due)) is not None:
        when = format.day(same.due, today=ctx.today) if same.due else "no date"
        return (
            f"\nYour task #{same.id} “{same.text}” (due {when}) covers it; no other follow-up set."
        )
    task = new_task(
        ctx,
        text=f"Follow up with {customer.display_name}" + (f": {summary}" if summary else ""),
        due=due,
        customer=customer,
    )
    return f"\nFollow-up task #{task.id} is due {format.day(due, today=ctx.today)}."


def _open_task_alike(ctx: Context, customer: Customer, summary: str, due: date) -> Task | None:
    said = _content_words(summary) - _content_words(customer.display_name)
    tasks = ctx.session.exec(
        select(Task).where(
            Task.customer_id == customer.id,
            Task.assignee_id == ctx.staff.id,
            Task.status == TaskStatus.open.value,
            col(Task.due).is_not(None),
        )
    )
    return next(
        (
            task
            for task in tasks
            if abs((task.due - due).days) <= 2 and said & _content_words(task.text)
        ),
        None,
    )


def _content_words(text: str) -> set[str]:
    """The words that say what a task or contact is about: "quote", "renewal", never "the"."""
    return {w.rstrip("s") for w in re.findall(r"[a-z]{4,}", text.lower())} - _NOT_CONTENT


_NOT_CONTENT = frozenset(
    "with about that this they them their from will would have follow call send sending sent "
    "email mail meet meeting tomorrow today next week friday monday tuesday wednesday thursday "
    "back again just also want wants said".split()
)


def logged(
    ctx: Context, customers: list[Customer], channel: str, summary: str, occurred_at: datetime
) -> str:
    """ "Logged a call with Jane Cooper (Acme) (today): wants a quote"."""
    when = format.moment(occurred_at, tz=ctx.tz, today=ctx.today)
    article = "an" if channel[:1] in "aeiou" else "a"  # "an email", "a call"
    who = format.listed([c.display_name for c in customers])
    return f"Logged {article} {channel} with {who} ({when})" + (f": {summary}" if summary else ".")


# "…, they have budget in Q1. qualified now": a stage told at the end of a contact's summary
STAGE_AT_END = re.compile(
    r"(?:^|[.,;!]\s*|\s[-–—]\s*)(?:(?:so|and)\s+)?"
    r"(?:(?:she|he|they|it)(?:'s|’s|s| is| are|'re)\s+)?(?:now\s+|basically\s+)?(?:an?\s+)?"
    r"(?P<told>(?:mark(?:ed)?|set|move(?:d)?|moving)\s+(?:(?:him|her|them|it)\s+)?(?:as\s+|to\s+)?)?"
    r"(?P<stage>[\w-]+(?:\s(?!now\b)[\w-]+)?)(?:\s+now)?\W*$",
    re.I,
)


def _stage_said(ctx: Context, customer: Customer, summary: str) -> tuple[str, bool] | None:
    """A stage said at the end of the summary, and whether it was asked for ("moving him to
    qualified") or only told ("qualified now", offered as one tap, never changed unasked)."""
    found = STAGE_AT_END.search(summary or "")
    stage = ctx.settings.pipeline.read(found.group("stage")) if found else None
    if stage is None or stage == customer.stage or not may_change(ctx, customer):
        return None
    return stage, bool(found.group("told"))


def move_to_stage(ctx: Context, customer: Customer, stage: str) -> None:
    """One customer moved to a stage, audited so `undo` takes it back with its command."""
    before = snapshot(customer)
    customer.stage, customer.stage_changed_at = stage, ctx.now
    customer.updated_at = ctx.now
    ctx.session.add(customer)
    ctx.audit("customer.update", customer, before=before, description=f"stage to {stage}")


def _when(ctx: Context, occurred_on: str | None) -> datetime:
    if not occurred_on:
        return ctx.now
    day = checks.day(occurred_on)
    if day > ctx.today:
        raise UserError("That date is in the future; log contacts once they have happened.")
    if day == ctx.today:
        return ctx.now
    return datetime.combine(day, time(12, 0), tzinfo=ctx.tz)


@handles("interaction.history")
def show_history(parsed: Parsed, ctx: Context) -> Reply:
    """List past contacts — “history with Acme”, “last 5 emails with Globex”, “dana's calls”,
    “what happened today” (a period lists all of its contacts, up to the most a chat can show)."""
    slots = parsed.slots
    period = slots.get("period")
    default = MAX_HISTORY if period or slots.get(MENTIONING) else DEFAULT_HISTORY
    limit = min(checks.whole(slots.get("limit", default), what="limit"), MAX_HISTORY)
    query = (
        select(Interaction, Staff.name, Customer)
        .join(Staff, Interaction.staff_id == Staff.id, isouter=True)
        .join(Customer, Interaction.customer_id == Customer.id)
        .order_by(col(Interaction.occurred_at).desc())
        .limit(limit)
    )
    if channel := slots.get("channel"):
        query = query.where(Interaction.channel == channel)
    said = ""
    if words := " ".join(str(slots.get(MENTIONING) or "").split()):  # "contacts mentioning …"
        escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(col(Interaction.summary).ilike(f"%{escaped}%", escape="\\"))
        said = f" mentioning “{words}”"
    when = ""
    if period:
        start, end = _period(ctx, period)
        query = query.where(
            Interaction.occurred_at >= reports.utc_midnight(start, ctx.tz),
            Interaction.occurred_at < reports.utc_midnight(end + timedelta(days=1), ctx.tz),
        )
        when = f" {reports.period_label(period)}"
    if slots.get("customer"):
        customer = resolve_customer(ctx, slots["customer"], read=True)
        query = query.where(Interaction.customer_id == customer.id)
        subject = f"with {customer.display_name}"
    else:
        # "what happened today" is the team's day for a manager, the rep's own for a rep
        book = whose_book(ctx, slots.get("owner"), team_by_default=bool(period or said))
        if not book.team:
            query = query.where(Interaction.staff_id == book.owner_id)
        subject = f"logged by {book.who}"
    found = ctx.session.exec(query).all()
    kind = f"{channel}s" if channel else "contacts"
    kind += said
    # "what did sam do today": the day's sales and closed tasks too, not only the contacts
    also = (
        _also_done(ctx, book.owner_id, *_period(ctx, period))
        if period and not (channel or said or slots.get("customer"))
        else ""
    )
    if not found:
        return Reply(f"No {kind} {subject}{when or ' yet'}.{also}")
    rows = [
        {
            "When": format.moment(i.occurred_at, tz=ctx.tz, today=ctx.today),
            "How": i.channel,
            "Who": name or "",
            **({} if slots.get("customer") else {"Customer": c.display_name}),
            "Summary": i.summary,
        }
        for i, name, c in found
    ]
    counted = re.sub(r"s\b", "", kind, count=1) if len(rows) == 1 else kind  # "1 contact"
    if (period or said) and len(rows) < limit:
        return Reply(
            text=f"{len(rows)} {counted} {subject}{when}, newest first:",
            rows=rows,
            note=also or None,
        )
    return Reply(text=f"Last {len(rows)} {counted} {subject}{when}:", rows=rows, note=also or None)


def _also_done(ctx: Context, staff_id: int | None, start: date, end: date) -> str:
    """The sales logged and the tasks closed in those days, by that person (everyone's if None)."""
    sales = select(Purchase, Customer).join(Customer, Purchase.customer_id == Customer.id)
    sales = sales.where(Purchase.purchased_on >= start, Purchase.purchased_on <= end)
    closed = select(Task).where(
        Task.status == TaskStatus.done.value,
        col(Task.completed_at) >= reports.utc_midnight(start, ctx.tz),
        col(Task.completed_at) < reports.utc_midnight(end + timedelta(days=1), ctx.tz),
    )
    if staff_id is not None:
        sales = sales.where(Purchase.staff_id == staff_id)
        closed = closed.where(Task.assignee_id == staff_id)
    sold = [
        f"{p.quantity} × {p.product} to {c.display_name} ({format.money(p.amount, p.currency)})"
        for p, c in ctx.session.exec(sales.order_by(col(Purchase.id)))
    ]
    done = [f"#{t.id} {t.text}" for t in ctx.session.exec(closed.order_by(col(Task.id)))]
    lines = [f"Sales: {'; '.join(sold) if sold else 'none'}."]
    lines.append(f"Tasks closed: {'; '.join(done) if done else 'none'}.")
    return "\n" + "\n".join(lines)


def _period(ctx: Context, period: str) -> tuple[date, date]:
    try:
        return reports.period_bounds(period, ctx.today)
    except reports.ReportError:
        raise UserError(
            f"I can't list contacts for “{period}”; try today, this week or last month."
        ) from None
