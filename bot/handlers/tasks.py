"""The sender's own to-do list: reminders, follow-ups, and ticking them off."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import col, select

from bot import format
from bot.context import Ask, Context, UserError, handles
from bot.messages import Button, Reply
from bot.resolve import resolve_customer
from crm_store.audit import snapshot
from crm_store.models import Customer, Task, TaskStatus, utcnow
from intents import Parsed


def due_date(ctx: Context, value: str | None) -> date | None:
    if not value:
        return None
    try:
        due = date.fromisoformat(value)
    except ValueError:
        raise UserError(f"I can't read the date “{value}”.") from None
    if due < ctx.today:
        raise UserError(f"{format.day(due, today=ctx.today)} has passed; pick a day from today on.")
    return due


def new_task(ctx: Context, *, text: str, due: date | None, customer: Customer | None) -> Task:
    task = Task(
        assignee_id=ctx.staff.id,
        customer_id=customer.id if customer else None,
        text=text[:1000],
        due=due,
        source=f"{ctx.message.platform}:{ctx.message.event_id or ctx.command_id}",
        created_by_id=ctx.staff.id,
    )
    ctx.session.add(task)
    ctx.audit("task.create", task, before=None, description=f"task “{task.text}”")
    return task


@handles("task.create")
def create_task(parsed: Parsed, ctx: Context) -> Reply:
    """Set yourself a reminder — “remind me to send the contract to Acme on friday”."""
    text = " ".join(str(parsed.slots.get("text", "")).split())
    if not text:
        raise UserError("What should I remind you of? e.g. “remind me to call Acme tomorrow”.")
    due = due_date(ctx, parsed.slots.get("due"))
    customer = (
        resolve_customer(ctx, parsed.slots["customer"]) if parsed.slots.get("customer") else None
    )
    task = new_task(ctx, text=text, due=due, customer=customer)
    when = f", due {format.day(due, today=ctx.today)}" if due else ""
    return Reply(
        text=f"Task #{task.id}: {text}{when}.",
        buttons=[Button("Done", f"done {task.id}"), Button("Undo", "undo")],
    )


def _linked_customer(ctx: Context, typed: str | None) -> Customer | None:
    """The customer a reminder mentions; a name that matches no one leaves it unlinked."""
    if not typed:
        return None
    try:
        return resolve_customer(ctx, typed)
    except UserError:
        return None


@handles("task.list")
def list_tasks(parsed: Parsed, ctx: Context) -> Reply:
    """Your open tasks — “my tasks”, “what's overdue”, “tasks this week”."""
    period = parsed.slots.get("period", "all")
    today = ctx.today
    query = (
        select(Task, Customer)
        .join(Customer, isouter=True)
        .where(Task.assignee_id == ctx.staff.id, Task.status == TaskStatus.open.value)
        .where(col(Customer.deleted_at).is_(None))
        .order_by(col(Task.due).is_(None), Task.due, Task.id)
    )
    if period == "today":
        query = query.where(col(Task.due) <= today)
    elif period == "overdue":
        query = query.where(col(Task.due) < today)
    elif period == "week":
        query = query.where(col(Task.due) <= today + timedelta(days=6 - today.weekday()))
    found = ctx.session.exec(query).all()
    label = {"today": "due today or earlier", "overdue": "overdue", "week": "due this week"}
    if not found:
        return Reply(f"No open tasks {label.get(period, '')}.".replace(" .", ". Nice."))
    rows = [
        {
            "#": str(task.id),
            "Due": (format.day(task.due, today=today) + (" ⚠" if task.due < today else ""))
            if task.due
            else "",
            "Task": task.text,
            "Customer": customer.display_name if customer else "",
        }
        for task, customer in found
    ]
    overdue = sum(1 for task, _ in found if task.due and task.due < today)
    summary = f"{len(rows)} open task{'s' * (len(rows) != 1)}"
    if period != "all":
        summary += f" {label[period]}"
    if overdue and period != "overdue":
        summary += f", {overdue} overdue"
    return Reply(
        text=summary + ":",
        rows=rows,
        buttons=[Button(f"Done #{task.id}", f"done {task.id}") for task, _ in found[:5]],
    )


@handles("task.complete")
def complete_task(parsed: Parsed, ctx: Context) -> Reply:
    """Tick a task off — “done 14”, “mark task 14 done”, “done with Acme”."""
    slots = parsed.slots
    if "task_id" in slots:
        task = ctx.session.get(Task, int(slots["task_id"]))
        if task is None or (task.assignee_id != ctx.staff.id and not ctx.is_manager):
            raise UserError(f"You have no task #{slots['task_id']}. “my tasks” lists yours.")
    elif slots.get("customer"):
        customer = resolve_customer(ctx, slots["customer"])
        task = _the_open_task(ctx, customer)
    else:
        raise UserError("Which task? Say “done 14” (its number) or “done with Acme”.")
    if task.status == TaskStatus.done.value:
        return Reply(f"Task #{task.id} was already done.")
    before = snapshot(task)
    task.status = TaskStatus.done.value
    task.completed_at = utcnow()
    ctx.session.add(task)
    ctx.audit("task.complete", task, before=before, description=f"completed task #{task.id}")
    return Reply(text=f"Done: #{task.id} {task.text}.", buttons=[Button("Undo", "undo")])


def _the_open_task(ctx: Context, customer: Customer) -> Task:
    tasks = ctx.session.exec(
        select(Task)
        .where(
            Task.customer_id == customer.id,
            Task.assignee_id == ctx.staff.id,
            Task.status == TaskStatus.open.value,
        )
        .order_by(col(Task.due).is_(None), Task.due)
    ).all()
    if not tasks:
        raise UserError(f"You have no open task for {customer.display_name}.")
    if len(tasks) == 1:
        return tasks[0]
    raise Ask(
        Reply(
            text=f"You have {len(tasks)} open tasks for {customer.display_name}. Which one?",
            rows=[{"#": str(n), "Task": t.text} for n, t in enumerate(tasks, start=1)],
            buttons=[Button(f"{n}. {t.text}"[:70], str(n)) for n, t in enumerate(tasks, start=1)],
        ),
        {str(n): {"task_id": t.id} for n, t in enumerate(tasks, start=1)},
    )
