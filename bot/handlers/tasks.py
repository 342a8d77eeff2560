"""The sender's own to-do list: reminders, follow-ups, and ticking them off."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from sqlmodel import Session, col, select

from bot import checks, format, permissions
from bot.books import ME, TEAM, Book, whose_book
from bot.context import Ask, Context, UserError, handles
from bot.digest_activity import bounds
from bot.messages import Button, Reply
from bot.resolve import recent_customer, resolve_customer, resolve_each
from crm_store import normalize
from crm_store.audit import last_command, snapshot
from crm_store.models import (
    Channel,
    ConversationSubject,
    Customer,
    Interaction,
    Role,
    Staff,
    Task,
    TaskStatus,
)
from crm_store.search import find_customers
from intents import CUSTOMERS, OUTCOME, TASKS_DONE, TASKS_OF, THEIR_OWNERS, Parsed


def due_date(ctx: Context, value: str | None) -> date | None:
    """A due date that exists; one already past is kept only once the sender confirms it."""
    if not value:
        return None
    due = checks.day(value, what="due date")
    if due < ctx.today and not ctx.confirmed:
        shown = format.day(due, today=ctx.today)
        raise Ask.confirm(f"{shown} has already passed. Set the date anyway?")
    return due


def new_task(
    ctx: Context,
    *,
    text: str,
    due: date | None,
    customer: Customer | None,
    assignee: Staff | None = None,
) -> Task:
    task = Task(
        assignee_id=(assignee or ctx.staff).id,
        customer_id=customer.id if customer else None,
        text=text[:1000],
        due=due,
        source=f"{ctx.message.platform}:{ctx.message.event_id or ctx.command_id}",
        created_by_id=ctx.staff.id,
    )
    ctx.session.add(task)
    ctx.audit("task.create", task, before=None, description=f"task “{task.text}”")
    ctx.tasks.append(task.id)
    return task


@handles("task.create")
def create_task(parsed: Parsed, ctx: Context) -> Reply:
    """Set yourself a reminder — “remind me to send the contract to Acme on friday” — or, as a
    manager, one for a rep: “new task for maria: call John tomorrow”."""
    text = checks.text(parsed.slots.get("text", ""), Task, "text", what="reminder")
    typed = parsed.slots.get("customer")
    customer = _linked_customer(ctx, typed)
    if not text and customer is not None:  # "make that a task for sam", after Acme's next step
        text = _suggested(ctx, customer)
    if not text:
        raise UserError("What should I remind you of? e.g. “remind me to call Acme tomorrow”.")
    if (hour := _AT_AN_HOUR.search(ctx.message.text)) and hour["hour"].casefold() not in (
        text.casefold()
    ):  # "remind me friday at 2pm to call Jane": the day is the due date, the hour is kept
        text = f"{text} at {hour['hour']}"
    if _EACH_OWNER.search(text) or _ON_EACH.search(text):
        # "a task … for leads not called in 30 days, for their owners", "… for each of them" with
        # no list to be each of
        raise UserError(
            "A task on each customer goes on a list: list them first (e.g. “leads with no "
            "contact in 30 days”), then say “a task for each of them, for their owner, due "
            "friday: call to requalify”. Nothing was saved."
        )
    if customer is None and _THEIRS.search(text):  # "check with support about his tickets"
        customer = recent_customer(ctx)
    if customer is None and (recent := recent_customer(ctx)) and _first_name_in(text, recent):
        customer = recent  # "remind me to send olivia the contract", right after Olivia Smith
    if customer is None and (pronoun := _SOMEONE.search(text)):
        # "call her monday" with no one talked about: a task about no one
        example = _SOMEONE.sub("Acme", text, count=1)
        raise UserError(
            f"Who is “{pronoun.group(0)}”? Say the customer's name, e.g. “{example}”. "
            "Nothing was saved."
        )
    owner = str(parsed.slots.get("owner", ""))
    if owner.casefold() in TEAM or len(_SEVERAL.split(owner)) > 1:
        return _for_several(ctx, text, due_date(ctx, parsed.slots.get("due")), customer, owner)
    whose_task = assignee(ctx, parsed.slots.get("owner"))
    due = due_date(ctx, parsed.slots.get("due"))
    task = new_task(ctx, text=text, due=due, customer=customer, assignee=whose_task)
    whose = f" for {whose_task.name}" if whose_task.id != ctx.staff.id else ""
    when = f", due {format.day(due, today=ctx.today)}" if due else ""
    if customer is not None:
        when += f", for {customer.display_name}"
    elif typed:
        when += f" (not linked to a customer: none matches “{str(typed).strip()}”)"
    return Reply(
        text=f"Task #{task.id}{whose}: {text}{when}.",
        buttons=[Button("Done", f"done {task.id}"), Button("Undo", "undo")],
    )


# a task for each customer's owner: "…, for their owner", "for whoever owns them"
THEIR_OWNER = re.compile(
    r"\s*,?\s*\b(?:(?:for|to|assigned to|owned by|give)\s+"
    r"(?:each of (?:their|the)|their|each one'?s|the|each)\s+(?:own\s+)?"
    r"(?:owners?|reps?|account managers?)|"
    r"(?:for|to)\s+who(?:m)?ever\s+owns\s+(?:them|it|each(?: one)?)|"
    # "each owner gets a task for those: …"
    r"^(?:ok\s+|so\s+|and\s+)?(?:each|every)\s+(?:owner|rep)\s+(?:gets|should get|to get)(?=\s))\b",
    re.I,
)
_EACH_OWNER = re.compile(
    r"\b(?:for|to|assigned to)\s+(?:their|each one'?s)\s+(?:own\s+)?owners?\b"
    r"|\bwho(?:m)?ever\s+owns\b|\b(?:each|every)\s+(?:owner|rep)s?\b|\bits\s+(?:own\s+)?owner\b",
    re.I,
)
_ON_EACH = re.compile(
    r"\b(?:each|every one|all) of (?:them|those|these)\b|\bon each\b"
    # "an intro call with all her toronto customers": one task for each of a selection
    r"|\b(?:all|each of|every one of)\s+(?:her|his|their|my|our)\s+(?:[\w-]+\s+){0,2}"
    r"(?:customers|clients|accounts|leads)\b",
    re.I,
)
_SOMEONE = re.compile(r"\b(?:him|her|them)\b", re.I)
# a weekday said to put right the day just set: "oops make that friday", "sorry, I meant tuesday"
_DAY_PUT_RIGHT = re.compile(
    r"^\W*(?:(?:oops|whoops|sorry|no|wait|actually|my bad)\W+)*(?:make (?:that|it)|i meant|meant|"
    r"(?:it|that) should be)\s+(?:on\s+)?(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)"
    r"[a-z]*\W*$",
    re.I,
)
_AT_AN_HOUR = re.compile(
    r"\b(?:at|@)\s*(?P<hour>\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)|\d{1,2}:\d{2}|noon|midday)(?!\w)",
    re.I,
)
# "his"/"their" of a colleague's own book is not a customer's: "write handover notes for his
# last accounts"
_THEIRS = re.compile(
    r"\b(?:him|them|hers|theirs)\b|\b(?:his|her|their)\b(?!\s+(?:(?:last|remaining|old|own|other)"
    r"\s+)?(?:accounts|customers|clients|book|leads|pipeline|patch|territory|team|tasks)\b)",
    re.I,
)


_SEVERAL = re.compile(r"\s*(?:,|\band\b|&)\s*", re.I)


def _for_several(
    ctx: Context, text: str, due: date | None, customer: Customer | None, owners: str
) -> Reply:
    """ "a task for each rep: update your pipeline notes, due friday", "tasks for sam and maria:
    …": one task for each, once confirmed; one undo takes them all back."""
    if not ctx.is_manager:
        raise UserError("You can set tasks only for yourself; a manager can set them for reps.")
    if owners.casefold() in TEAM:
        reps = ctx.session.exec(
            select(Staff).where(Staff.role == Role.rep.value).order_by(Staff.name)
        ).all()
    else:
        named = (assignee(ctx, name) for name in _SEVERAL.split(owners))
        reps = list({rep.id: rep for rep in named}.values())
    if not reps:
        raise UserError("There are no reps to set it for. Nothing was saved.")
    names = ", ".join(rep.name for rep in reps)
    whom = f"each rep ({names})" if owners.casefold() in TEAM else names
    when = f", due {format.day(due, today=ctx.today)}" if due else ""
    if not ctx.confirmed:
        raise Ask.confirm(f"Set the task “{text}”{when} for {whom}?")
    for rep in reps:
        new_task(ctx, text=text, due=due, customer=customer, assignee=rep)
    return Reply(f"Set “{text}”{when} for {names}.", buttons=[Button("Undo", "undo")])


def _first_name_in(text: str, customer: Customer) -> bool:
    """Whether the words name the customer by their first name."""
    first = normalize.fold(customer.name or "").split()[:1]
    return bool(first) and len(first[0]) > 2 and first[0] in normalize.fold(text).split()


def assignee(ctx: Context, typed: str | None) -> Staff:
    """Whose task it is: the sender's, or the one rep a manager names."""
    if typed and not ctx.is_manager and str(typed).casefold().strip() not in ME:
        raise UserError(
            "You can set tasks only for yourself; a manager can set one for a colleague."
        )
    book = whose_book(ctx, typed, team_by_default=False)
    if book.team:
        raise UserError("A task is for one person: name who, e.g. “new task for Sam: …”.")
    return ctx.staff if book.owner_id == ctx.staff.id else ctx.session.get(Staff, book.owner_id)


def _suggested(ctx: Context, customer: Customer) -> str:
    """The first thing to do with a customer, as a task's text ("" when nothing is pressing)."""
    from bot.handlers.insights import KINDS, suggestions_for

    found = suggestions_for(ctx, customer)
    return f"{KINDS[found[0].kind]}: {found[0].reason}" if found else ""


def _linked_customer(ctx: Context, typed: str | None) -> Customer | None:
    """The customer a reminder names; a name that matches no one leaves it unlinked, and one that
    matches several is asked about like any other write."""
    if not typed or not str(typed).strip():
        return None
    if not find_customers(ctx.session, str(typed)):
        return None
    return resolve_customer(ctx, typed)


@handles("task.list")
def list_tasks(parsed: Parsed, ctx: Context) -> Reply:
    """Open tasks — “my tasks”, “what's overdue”, “priya's tasks”, “the team's tasks this week”."""
    if "task_id" in parsed.slots:  # "who has task 36", "is task 35 still open?"
        return _as_they_stand(ctx, _own_tasks(ctx, parsed.slots["task_id"], to_read=True))
    on = resolve_customer(ctx, parsed.slots["customer"]) if parsed.slots.get("customer") else None
    period = parsed.slots.get("period", "all")
    # "tasks on those customers" after a list: the open tasks on the customers shown
    among = [int(str(i).lstrip("#")) for i in parsed.slots.get(CUSTOMERS) or []]
    # "tasks for bill lumbergh": the open tasks on that customer (a rep's own, a manager's all)
    on_some = on is not None or bool(among)
    owner = parsed.slots.get("owner") or ("team" if on_some and ctx.is_manager else None)
    if owner is None and ctx.is_manager and _WHO_HAS.match(ctx.message.text):
        owner = "team"  # a manager's "whos still got overdue tasks": anyone's, with their holder
    if parsed.slots.get(TASKS_DONE):  # a manager's "which tasks got done today": the team's
        return _done_in(ctx, whose_book(ctx, owner, team_by_default=True), period)
    book = whose_book(ctx, owner, team_by_default=False)
    today = ctx.today
    query = (
        _with_holders(book, TaskStatus.open)
        .where(col(Customer.deleted_at).is_(None))
        .order_by(col(Task.due).is_(None), Task.due, Task.id)
    )
    if on is not None:
        query = query.where(Task.customer_id == on.id)
    if among:
        query = query.where(col(Task.customer_id).in_(among))
    label = {
        "today": "due today or earlier",
        "tomorrow": "due tomorrow",
        "overdue": "overdue",
        "week": "due this week",
        "next_week": "due next week",
    }
    if day := parsed.slots.get("due"):  # "sam's tasks for monday": that day's
        day = date.fromisoformat(day)
        query, period = query.where(Task.due == day), "day"
        label["day"] = f"due {format.day(day, today=today)}"
    else:
        query = _due_in(query, period, today)
    found = ctx.session.exec(query).all()
    if not found:
        when = f" {label[period]}" if period in label else ""
        if on is not None:
            whose = "No" if book.team else "You have no"
            return Reply(f"{whose} open tasks{when} for {on.display_name}.")
        if among:
            return Reply(f"No open tasks{when} in {book.possessive} list on those customers.")
        return Reply(f"No open tasks{when} in {book.possessive} list. Nice.")
    rows = [
        {
            "#": str(task.id),
            "Due": (format.day(task.due, today=today) + (" ⚠" if task.due < today else ""))
            if task.due
            else "",
            "Task": task.text,
            "Customer": customer.display_name if customer else "",
            **({"Who": assignee} if book.team else {}),
        }
        for task, customer, assignee in found
    ]
    overdue = sum(1 for task, _, _ in found if task.due and task.due < today)
    counted = f"{len(rows)} open task{'s' * (len(rows) != 1)}"
    if among:
        summary = f"{book.whose} {counted} on those {len(among)} customers"
    elif on is None:
        summary = f"{book.whose} {counted}"
    else:  # "2 open tasks for Jonas Martin", a rep's "Your 1 open task for …"
        summary = f"{'' if book.team else 'Your '}{counted} for {on.display_name}"
    if period in label:
        summary += f" {label[period]}"
    if overdue and period != "overdue":
        summary += f", {overdue} overdue"
    if book.team and on is None:
        summary += _per_person(assignee for _, _, assignee in found)
    if len(found) == 1:  # "done, booked it", "push it to friday": the one task shown
        ctx.tasks = [found[0][0].id]
    return Reply(
        text=summary + ":",
        rows=rows,
        buttons=[Button(f"Done #{task.id}", f"done {task.id}") for task, _, _ in found[:5]],
    )


def _with_holders(book: Book, status: TaskStatus):
    """The tasks of one status in a book, each with its customer (if any) and who holds it."""
    query = (
        select(Task, Customer, Staff.name)
        .join(Customer, Task.customer_id == Customer.id, isouter=True)
        .join(Staff, Task.assignee_id == Staff.id)
        .where(Task.status == status.value)
    )
    return query if book.team else query.where(Task.assignee_id == book.owner_id)


def _done_in(ctx: Context, book: Book, period: str) -> Reply:
    """The tasks ticked off today (or this week): "how many tasks did the team close today"."""
    first = ctx.today - timedelta(days=ctx.today.weekday()) if period == "week" else ctx.today
    since, _ = bounds(first, ctx.tz)
    query = (
        _with_holders(book, TaskStatus.done)
        .where(col(Task.completed_at) >= since)
        .order_by(col(Task.completed_at), Task.id)
    )
    found = ctx.session.exec(query).all()
    when = "this week" if period == "week" else "today"
    if not found:
        return Reply(f"No tasks done {when} in {book.possessive} list yet.")
    rows = [
        {
            "#": str(task.id),
            "Done": format.moment(task.completed_at, tz=ctx.tz, today=ctx.today),
            "Task": task.text,
            "Customer": customer.display_name if customer else "",
            **({"Who": assignee} if book.team else {}),
        }
        for task, customer, assignee in found
    ]
    counted = f"{len(rows)} task{'s' * (len(rows) != 1)} done {when}"
    per_person = _per_person(name for _, _, name in found) if book.team else ""
    return Reply(text=f"{book.whose} {counted}{per_person}:", rows=rows)


def _per_person(assignees) -> str:
    """A team's list says who holds most, for "which rep has the most overdue tasks"."""
    counts = sorted(Counter(assignees).items(), key=lambda count: (-count[1], count[0]))
    if len(counts) < 2:
        return ""
    return " (" + ", ".join(f"{name} {n}" for name, n in counts) + ")"


@handles("task.complete")
def complete_task(parsed: Parsed, ctx: Context) -> Reply:
    """Tick tasks off — “done 14”, “done 14 and 15”, “mark task 14 done”, “done with Acme”."""
    slots = parsed.slots
    if "task_id" in slots:
        tasks = _own_tasks(ctx, slots["task_id"])
        if not tasks:
            raise UserError("Which task? Say “done 14” (its number) or “done with Acme”.")
    elif slots.get(CUSTOMERS):  # "sent quotes to atlas and redwood, both done": each one's task
        tasks = [_the_open_task(ctx, customer) for customer in resolve_each(ctx, slots[CUSTOMERS])]
    elif slots.get("customer"):
        tasks = _customers_task(ctx, slots)
    elif not slots.get("about") or not (tasks := _described_only(ctx, slots)):
        raise UserError("Which task? Say “done 14” (its number) or “done with Acme”.")
    _talk_about(ctx, tasks)
    closed, already = [], []
    for task in tasks:
        if task.status == TaskStatus.done.value:
            already.append(f"#{task.id}")
            continue
        before = snapshot(task)
        task.status = TaskStatus.done.value
        task.completed_at = ctx.now
        ctx.session.add(task)
        ctx.audit("task.complete", task, before=before, description=f"completed task #{task.id}")
        closed.append(f"#{task.id} {task.text}")
        if outcome := slots.get(OUTCOME):
            closed[-1] += _noted(ctx, task, outcome)
    was = f"{'Task' if len(already) == 1 else 'Tasks'} {', '.join(already)} "
    was += f"{'was' if len(already) == 1 else 'were'} already done."
    if not closed:
        return Reply(was)
    text = "Done: " + "; ".join(closed) + "." + (f" {was}" if already else "")
    return Reply(text=text, buttons=[Button("Undo", "undo")])


def _customers_task(ctx: Context, slots: dict) -> list[Task]:
    """The open task of the customer named (the one the words describe, if they say), or, when
    the words name no customer, the sender's one open task they describe."""
    said = slots.get("customer")
    if not said and slots.get("about") and (tasks := _described_only(ctx, slots)):
        return tasks  # "give that qbr task to maria": the one task those words describe
    try:
        customer = (said and _with_open_task(ctx, said)) or resolve_customer(ctx, said)
    except UserError:  # "the renewal quote task": one of the sender's tasks, maybe
        if not (tasks := _described_only(ctx, slots)):
            raise
        return tasks
    if slots.get("about") == "all":  # "close both his tasks": every open one of theirs
        return _open_tasks(ctx, customer)
    return [_the_open_task(ctx, customer, about=slots.get("about"))]


def _with_open_task(ctx: Context, typed: str) -> Customer | None:
    """ "done with wonka", when of the customers those words fit only one has an open task of
    the sender's: that one, without asking which."""
    found = [m.customer for m in find_customers(ctx.session, str(typed))]
    if len(found) < 2:
        return None
    holding = ctx.session.exec(
        select(Task.customer_id).where(
            col(Task.customer_id).in_([c.id for c in found]),
            Task.status == TaskStatus.open.value,
            Task.assignee_id == ctx.staff.id,
        )
    ).all()
    if len(set(holding)) != 1:
        return None
    return resolve_customer(ctx, f"#{holding[0]}")


def _noted(ctx: Context, task: Task, outcome: str) -> str:
    """What came of a task, kept where the next person will look: a note on its customer, or on
    the task itself when it is about no one."""
    from bot.handlers.interactions import record_contact  # interactions sets tasks itself

    outcome = checks.text(outcome, Interaction, "summary", what="outcome")
    customer = ctx.session.get(Customer, task.customer_id) if task.customer_id else None
    if customer is None:
        task.text = f"{task.text} — {outcome}"[:1000]
        return f" ({outcome})"
    record_contact(ctx, customer, Channel.note.value, outcome, ctx.now)
    return f" (noted on {customer.display_name}: {outcome})"


def _talk_about(ctx: Context, tasks: list[Task]) -> None:
    """The tasks just handled are what the talk is about, and so is their customer when they
    share one: "close 23", then "remind me to ping him in march"."""
    ctx.tasks = [task.id for task in tasks]
    customers = {task.customer_id for task in tasks}
    if len(customers) == 1 and None not in customers:
        ctx.mentioned = customers.pop()


@handles("task.update")
def change_task(parsed: Parsed, ctx: Context) -> Reply:
    """Move, hand over, rename or delete a task — “move task 12 to monday”, “give task 3 to Maria”.

    Also “delete task 7”; a rep changes only their own tasks and hands them to no one else."""
    slots = parsed.slots
    if TASKS_OF in slots:
        changing = _handed_over(
            ctx,
            slots[TASKS_OF],
            to=slots.get("owner"),
            period=slots.get("period"),
            about=slots.get("about"),
            on=slots.get(CUSTOMERS),
        )
    elif "task_id" in slots:  # "give task 14 to me": a rep takes on a task on their own customer
        taking = str(slots.get("owner", "")).casefold() in ME
        changing = _own_tasks(ctx, slots["task_id"], taking=taking)
    else:  # "push the renewal quote for bjorn to monday", "move the renewal quote task to monday"
        changing = _customers_task(ctx, slots)
    numbers = ", ".join(f"#{task.id}" for task in changing)
    if slots.get("action") == "delete":
        for task in changing:
            ctx.delete("task.delete", task, description=f"deleted task “{task.text}”")
        gone = "; ".join(f"#{task.id} {task.text}" for task in changing)
        return Reply(f"Deleted: {gone}.", buttons=[Button("Undo", "undo")])
    if slots.get("action") == "reopen":
        return _reopened(ctx, changing)
    if slots.get("action") == "unlink":  # "task 82 isn't about emma taylor, unlink it"
        return _unlinked(ctx, changing)
    # "link task 46 to fatima moreau": a numbered task's customer is the one named
    linked = (
        resolve_customer(ctx, slots["customer"])
        if "task_id" in slots and slots.get("customer")
        else None
    )
    if not slots.keys() & {"due", "owner", "text"} and linked is None:
        raise UserError(
            f"What should change about {numbers}? e.g. “move task 12 to monday”, “give task "
            "12 to Maria” or “rename task 12 to …”. Nothing was changed."
        )
    if slots.get("text") and len(changing) > 1:
        raise UserError(
            "Rename one task at a time, e.g. “rename task 12 to …”. Nothing was changed."
        )
    due = due_date(ctx, slots.get("due")) if slots.get("due") else None
    if (
        due is not None
        and len(changing) == 1
        and changing[0].due
        and _DAY_PUT_RIGHT.match(ctx.message.text)
    ):  # "oops make that friday" of a task due next thursday: the friday of that week
        was = changing[0].due
        same_week = was + timedelta(days=due.weekday() - was.weekday())
        due = same_week if same_week >= ctx.today else due
    to_owners = slots.get("owner") == THEIR_OWNERS  # each to the owner of its customer
    whose_task = assignee(ctx, slots["owner"]) if slots.get("owner") and not to_owners else None
    text = checks.text(slots.get("text", ""), Task, "text", what="task") or None
    said = [f"now “{text}”"] if text else []
    what = "; ".join(f"#{task.id} {task.text}" for task in changing)
    if due is not None:
        said.append(f"due {format.day(due, today=ctx.today)}")
    if whose_task is not None:
        said.append(f"now {whose_task.name}'s")
    if to_owners:
        said.append("each now its customer's owner's")
    if linked is not None:
        said.append(f"for {linked.display_name}")
    for task in changing:
        before, was = snapshot(task), task.text
        task.text = text or task.text
        task.due = due or task.due
        task.assignee_id = whose_task.id if whose_task else task.assignee_id
        if to_owners:
            task.assignee_id = ctx.session.get(Customer, task.customer_id).owner_id
        task.customer_id = linked.id if linked else task.customer_id
        ctx.session.add(task)
        ctx.audit(
            "task.update",
            task,
            before=before,
            description=f"task #{task.id} “{was}” ({', '.join(said)})",  # as it was, then how
        )
    _talk_about(ctx, changing)
    return Reply(
        f"{'Task' if len(changing) == 1 else 'Tasks'} {what}: {', '.join(said)}.",
        buttons=[Button("Undo", "undo")],
    )


def _unlinked(ctx: Context, tasks: list[Task]) -> Reply:
    for task in tasks:
        before = snapshot(task)
        task.customer_id = None
        ctx.session.add(task)
        ctx.audit("task.update", task, before=before, description=f"task “{task.text}” unlinked")
    what = "; ".join(f"#{task.id} {task.text}" for task in tasks)
    return Reply(
        f"{'Task' if len(tasks) == 1 else 'Tasks'} {what}: no longer linked to a customer.",
        buttons=[Button("Undo", "undo")],
    )


def _as_they_stand(ctx: Context, tasks: list[Task]) -> Reply:
    """Numbered tasks as they stand: whose, open or done, when due, for whom."""
    _talk_about(ctx, tasks)
    lines = []
    for task in tasks:
        whose = ctx.session.get(Staff, task.assignee_id)
        customer = ctx.session.get(Customer, task.customer_id) if task.customer_id else None
        state = "done" if task.status == TaskStatus.done.value else "open"
        if state == "open" and task.due:
            state += f", due {format.day(task.due, today=ctx.today)}"
            state += " (overdue)" if task.due < ctx.today else ""
        about = f", for {customer.display_name}" if customer else ""
        lines.append(f"#{task.id} {task.text}: {whose.name}'s, {state}{about}.")
    return Reply("\n".join(lines))


def _reopened(ctx: Context, tasks: list[Task]) -> Reply:
    """ "reopen task 45": a task ticked off by mistake is open again, as it was."""
    done = [task for task in tasks if task.status == TaskStatus.done.value]
    if not done:
        return Reply(f"{', '.join(f'#{task.id}' for task in tasks)}: still open, nothing changed.")
    for task in done:
        before = snapshot(task)
        task.status, task.completed_at = TaskStatus.open.value, None
        ctx.session.add(task)
        ctx.audit("task.update", task, before=before, description=f"reopened task “{task.text}”")
    _talk_about(ctx, done)
    opened = "; ".join(f"#{task.id} {task.text}" for task in done)
    return Reply(f"Open again: {opened}.", buttons=[Button("Undo", "undo")])


def _due_in(query, period: str | None, today: date):
    """The tasks of a query due in a period said: "today" (or before), "overdue", "tomorrow",
    "week" (this one), "next_week"; any other period is all of them."""
    if period == "today":
        return query.where(col(Task.due) <= today)
    if period == "overdue":
        return query.where(col(Task.due) < today)
    if period == "tomorrow":
        return query.where(col(Task.due) == today + timedelta(days=1))
    if period == "week":
        return query.where(col(Task.due) <= today + timedelta(days=6 - today.weekday()))
    if period == "next_week":
        monday = today + timedelta(days=7 - today.weekday())
        return query.where(col(Task.due) >= monday, col(Task.due) < monday + timedelta(days=7))
    return query


def _handed_over(
    ctx: Context,
    holder: str,
    *,
    to: str | None,
    period: str | None = None,
    about: str | None = None,
    on: list[str] | None = None,
) -> list[Task]:
    """ "give all of jordan's open tasks to sam", "… due next week", "jordan's QBR tasks": every
    open task of one person (of a period, or whose words say what it is about, or `on` the
    customers just changed, by #id), once confirmed."""
    if not ctx.is_manager and str(holder).casefold().strip() not in ME:
        raise UserError("You can hand over or move only your own tasks. Nothing was changed.")
    book = whose_book(ctx, holder, team_by_default=False)
    if book.team:
        raise UserError("Whose tasks? e.g. “give Jordan's open tasks to Sam”. Nothing was changed.")
    held = ctx.session.exec(
        _due_in(
            select(Task)
            .where(Task.assignee_id == book.owner_id, Task.status == TaskStatus.open.value)
            .order_by(col(Task.due).is_(None), Task.due, Task.id),
            period,
            ctx.today,
        )
    ).all()
    whose = "You have" if book.owner_id == ctx.staff.id else f"{book.who} has"
    if on is not None:  # "… on those": the customers just moved
        ids = {int(str(ref).lstrip("#")) for ref in on}
        held = [task for task in held if task.customer_id in ids]
        if not held:
            raise UserError(f"{whose} no open tasks on them. Nothing was changed.")
    if about:
        held = [task for task in held if about.casefold() in task.text.casefold()]
        if not held:
            raise UserError(f"{whose} no open tasks about “{about}”. Nothing was changed.")
    if not held:
        raise UserError(f"{whose} no open tasks. Nothing was changed.")
    to_owners = to == THEIR_OWNERS
    taker = assignee(ctx, to) if to and not to_owners else None
    if taker is not None and taker.id == book.owner_id:
        raise UserError(f"{whose} them already. Nothing was changed.")
    if to_owners:  # "… to whoever now owns the customer": those on someone else's customer now
        held = [task for task in held if _owned_by_another(ctx, task, book.owner_id)]
        if not held:
            raise UserError(
                f"None of {book.possessive} open tasks is on a customer someone else owns now. "
                "Nothing was changed."
            )
    if (taker is not None or to_owners) and not ctx.confirmed:
        listed = "; ".join(f"#{task.id} {task.text}" for task in held[:10])
        more = f" and {len(held) - 10} more" if len(held) > 10 else ""
        to_whom = "each to its customer's owner" if to_owners else f"to {taker.name}"
        tasks_said = f"{len(held)} open task{'s' * (len(held) != 1)}"
        raise Ask.confirm(f"Give {tasks_said} ({listed}{more}) {to_whom}?")
    return list(held)


def _owned_by_another(ctx: Context, task: Task, holder: int | None) -> bool:
    customer = ctx.session.get(Customer, task.customer_id) if task.customer_id else None
    return customer is not None and customer.owner_id not in (None, holder)


def _own_tasks(
    ctx: Context, task_id: object, *, to_read: bool = False, taking: bool = False
) -> list[Task]:
    """The tasks a `task_id` slot names (one number or several), each once; `taking`, when the
    sender takes them on."""
    wanted = task_id if isinstance(task_id, list) else [task_id]
    return [_own_task(ctx, n, to_read=to_read, taking=taking) for n in dict.fromkeys(wanted)]


def _own_task(ctx: Context, typed: object, *, to_read: bool = False, taking: bool = False) -> Task:
    """A task the sender may change: their own, or anyone's for a manager. Anyone's may be read
    ("who has task 20?"), as a customer's profile shows every open task on it."""
    number = checks.whole(typed, what="task number")
    task = ctx.session.get(Task, number)
    if task is None and to_read:
        raise UserError(f"There is no task #{number}. “my tasks” lists yours.")
    if task is None:
        raise UserError(f"You have no task #{number}. “my tasks” lists yours. Nothing was changed.")
    if to_read or task.assignee_id == ctx.staff.id or ctx.is_manager:
        return task
    if taking and permissions.on_own_customer(ctx.session, ctx.staff, task):
        return task  # a colleague's task on a customer now the sender's: theirs to take on
    holder = ctx.session.get(Staff, task.assignee_id)
    raise UserError(
        f"Task #{number} is {holder.name if holder else 'a colleague'}'s, so only they or a "
        "manager can change it. Nothing was changed."
    )


def _open_tasks(ctx: Context, customer: Customer) -> list[Task]:
    """The sender's open tasks for the customer (with none of their own, a manager's or the
    customer's owner's pick is anyone's)."""
    open_tasks = (
        select(Task)
        .where(Task.customer_id == customer.id, Task.status == TaskStatus.open.value)
        .order_by(col(Task.due).is_(None), Task.due)
    )
    tasks = ctx.session.exec(open_tasks.where(Task.assignee_id == ctx.staff.id)).all()
    if not tasks and (ctx.is_manager or customer.owner_id == ctx.staff.id):
        tasks = ctx.session.exec(open_tasks).all()
    if not tasks:
        raise UserError(f"You have no open task for {customer.display_name}.")
    return list(tasks)


def _the_open_task(ctx: Context, customer: Customer, *, about: str | None = None) -> Task:
    """The sender's open task for the customer (`_open_tasks`); of several, the one whose words
    were said ("the renewal quote"), else the sender is asked."""
    tasks = _open_tasks(ctx, customer)
    if len(tasks) == 1:
        return tasks[0]
    said = set((about or "").lower().split())
    if said & {"overdue", "late"}:  # "close the overdue amelia task"
        tasks = [t for t in tasks if t.due is not None and t.due < ctx.today] or tasks
        if len(tasks) == 1:
            return tasks[0]
    if said & _BY_AGE and not said - _BY_AGE - {"overdue", "late"}:
        # "tick off the old mateo weber task": the one set first; "the new one": the last
        oldest = bool(said & {"old", "older", "oldest", "first", "earlier", "original"})
        return sorted(tasks, key=lambda t: t.id, reverse=not oldest)[0]
    about = " ".join(w for w in (about or "").split() if w.lower() not in ("overdue", "late"))
    described = [t for t in tasks if about and _describes(about, t.text)]
    if len(described) == 1:
        return described[0]
    asked = described or tasks  # of several the words describe, only those are offered
    raise _which_task(
        f"You have {len(asked)} open tasks{' like that' * bool(described)} for "
        f"{customer.display_name}. Which one?",
        asked,
    )


_BY_AGE = frozenset({"old", "older", "oldest", "first", "earlier", "original", "new", "newer",
                     "newest", "latest", "last", "recent"})  # fmt: skip


def _described_only(ctx: Context, slots: dict) -> list[Task]:
    """ "mark the tier task done", the words taken for a customer naming no customer: the one open
    task of the sender's that they describe; none when none does, a question when several do."""
    said = " ".join(str(slots.get(k) or "") for k in ("customer", "about")).strip()
    open_tasks = select(Task).where(Task.status == TaskStatus.open.value)
    if ctx.recent is not None:
        # "ok called her … mark the tier task done": hers; a manager's "give that qbr task to
        # maria" after a card: the task on that customer, whoever holds it
        on_them = open_tasks.where(Task.customer_id == ctx.recent)
        if not ctx.is_manager:
            on_them = on_them.where(Task.assignee_id == ctx.staff.id)
        theirs = [task for task in ctx.session.exec(on_them) if _describes(said, task.text)]
        if len(theirs) == 1:
            return theirs
    mine = ctx.session.exec(open_tasks.where(Task.assignee_id == ctx.staff.id)).all()
    described = [task for task in mine if _describes(said, task.text)]
    if len(described) > 1:
        raise _which_task(f"You have {len(described)} open tasks like that. Which one?", described)
    return described


def _which_task(question: str, tasks: list[Task]) -> Ask:
    return Ask(
        Reply(
            text=question,
            rows=[{"#": str(n), "Task": t.text} for n, t in enumerate(tasks, start=1)],
            buttons=[Button(f"{n}. {t.text}"[:70], str(n)) for n, t in enumerate(tasks, start=1)],
        ),
        {str(n): {"task_id": t.id} for n, t in enumerate(tasks, start=1)},
    )


def _describes(words: str, text: str) -> bool:
    """Whether a task's text holds every word said of it ("renewal quote" of "send the renewal
    quote to Atlas"), folded and singular."""
    said = set(normalize.singular_key(words).split()) - _FILLER
    return bool(said) and said <= set(normalize.singular_key(text).split())


_FILLER = frozenset({"the", "a", "an", "my", "our", "task", "reminder", "to", "for"})


def same_for_task(session: Session, staff_id: int, text: str) -> Parsed | None:
    """ "and #13 too", "same for 14", right after the sender changed or ticked off a task: the
    same done to that task (who holds it, when it is due, or done); None for anything else."""
    if (said := _AND_TASK_TOO.fullmatch(text.strip())) is None:
        return None
    entries = last_command(session, staff_id)
    done = next((e for e in entries if e.entity == "tasks" and e.after and e.before), None)
    if done is None:
        return None
    number = int(said["n"] or said["n2"])
    if done.action == "task.complete":
        return Parsed("task.complete", {"task_id": number})
    if done.action != "task.update":
        return None
    slots: dict = {"task_id": number}
    if done.after.get("assignee_id") != done.before.get("assignee_id"):
        holder = session.get(Staff, done.after["assignee_id"])
        slots["owner"] = holder.name if holder else None
    if done.after.get("due") != done.before.get("due") and done.after.get("due"):
        slots["due"] = str(done.after["due"])
    return Parsed("task.update", slots) if len(slots) > 1 and all(slots.values()) else None


def one_of_the_tasks_shown(
    session: Session, staff: Staff, subject: ConversationSubject | None, text: str
) -> str | None:
    """ "give the nordwind one to maria" after a list of tasks, "and the harbor consulting one to
    friday" after a task was moved: the message with that task's number in place of the words,
    when they fit one task of the list (by its words or its customer's name), or else one open
    task the sender can see; None otherwise."""
    if subject is None or not (
        (subject.asked or {}).get("intent") == "task.list" or subject.task_ids
    ):
        return None
    if (said := _THE_ONE_SAID.search(text)) is None:
        return None
    seen = (
        select(Task, Customer)
        .join(Customer, isouter=True)
        .where(Task.status == TaskStatus.open.value)
    )
    if not permissions.sees_whole_team(staff):
        seen = seen.where(Task.assignee_id == staff.id)
    shown = seen.where(col(Task.id).in_(subject.task_ids or []))
    for query in (shown, seen):
        fits = [
            task
            for task, customer in session.exec(query)
            if _describes(said["what"], _words_of(task, customer))
        ]
        if len(fits) == 1:
            return f"{text[: said.start()]}task {fits[0].id}{text[said.end() :]}"
        if fits:
            return None
    return None


def _words_of(task: Task, customer: Customer | None) -> str:
    """A task's words and its customer's name and company, which a task is named by."""
    if customer is None:
        return task.text
    return " ".join((task.text, customer.name, customer.company or ""))


_WHO_HAS = re.compile(
    r"^\W*(?:so\s+|and\s+|ok\s+)?(?:who|who's|whos|who has|who've|anyone|anybody)\b", re.I
)
_THE_ONE_SAID = re.compile(
    r"\b(?:the|that) (?P<what>[^\W\d_][\w&'’.-]*(?: [^\W\d_][\w&'’.-]*){0,2}) one\b", re.I
)
_AND_TASK_TOO = re.compile(
    r"(?:and|also|plus|&|same for|ditto for|same with)\s+(?:task\s*)?#?(?P<n>\d{1,7})"
    r"(?:\s+(?:too|as well|also))?(?:\s*[,;:-]\s*[^,;#\d]{1,60})?\W*"
    r"|(?:task\s*)?#?(?P<n2>\d{1,7})\s+(?:too|as well|also)(?:\s*[,;:-]\s*[^,;#\d]{1,60})?\W*",
    re.I,
)
