"""Changing many customers at once: reassign, change stage, tag or untag, note an interest, set a
task on each, delete.

Always in two steps. First a preview: how many, who (all when there are up to 20, else the first
20 and a CSV of all) and what changes, with Confirm and Cancel. Confirming changes exactly the
customers previewed (still there and still needing the change), with one audit entry each, as one
command, so one "undo" reverts it all. Managers may change any book, reps only their own.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlmodel import col, select

from bot import checks, format
from bot.books import may_change, require_own, staff_names
from bot.context import Ask, Context, UserError, handles
from bot.handlers import insights, tasks
from bot.handlers.customers import (
    add_interest,
    hand_on_open_tasks,
    owner_named,
    remove_tag,
    tag_of,
)
from bot.handlers.deleting import move_to_bin
from bot.messages import Button, File, Reply
from bot.resolve import resolve_each, stage_named
from crm_store import interests
from crm_store.audit import snapshot
from crm_store.models import Customer, CustomerTag, Staff, Task, TaskStatus
from intents import CUSTOMERS, EXCLUDING, WITH_TASKS, Parsed, vocab

if TYPE_CHECKING:  # the segments load pandas: imported when a change is previewed
    from crm_store import segments

PREVIEW_ROWS = 20
FIELDS = ("owner", "stage", "tag", "interest")
IDS = "customer_ids"  # the previewed customers, filled in by the answer to the preview
DEALT = "dealt"  # a split's new owner of each previewed customer, by #id
ASSIGNEE = "assignee"  # whose the tasks set on each customer are (a staff name, or each owner)
THEIR_OWNER_SAID = "their owner"
COUNT_SAID = "count_said"  # "those 4": how many the sender expects the list to hold


@dataclass(frozen=True)
class Change:
    """One kind of change: what it does to a customer, and how to say it."""

    preview: str  # "Move {n} to Lee"
    done: str  # "Moved {n} to Lee"
    needed: Callable[[Customer], bool]
    apply: Callable[[Customer], None]
    shown: Callable[[Customer], str]  # the change for one customer: "Dana → Lee"
    plan: Callable[[list[Customer]], None] = lambda chosen: None  # before preview and change
    # what the confirmation must carry to change exactly what was previewed (a split's owners)
    confirmed_with: Callable[[list[Customer]], dict] = lambda targets: {}
    after: Callable[[list[Customer]], str] = lambda targets: ""  # a word once it is done
    # a rep may do it only within their own book (a reminder for themselves on anyone's is theirs)
    own_book_only: bool = True


def _asked_whose(ctx: Context, word: str) -> Ask:
    """ "his leads" with no one named before: which colleague's book, one button each, so
    "Sam's" answers it."""
    owners = ctx.session.exec(
        select(Staff.name)
        .join(Customer, col(Customer.owner_id) == Staff.id)
        .where(Staff.id != ctx.staff.id)
        .distinct()
        .order_by(Staff.name)
    ).all()
    buttons = [Button(name, str(n)) for n, name in enumerate(owners, 1)]
    return Ask(
        Reply(f"Whose customers do you mean by “{word}”? Nothing is changed yet.", buttons=buttons),
        {str(n): {"owner": name} for n, name in enumerate(owners, 1)},
    )


@handles("customer.bulk_update")
def bulk_update(parsed: Parsed, ctx: Context) -> Reply:
    """Change many customers at once, previewed first — “move Dana's hardware leads to Lee”.

    Also “mark proposals with no answer in 3 weeks as lost”, “delete Lee's lost customers”."""
    slots = parsed.slots
    if slots.get("action") == "untag" and slots.get("value") and not insights.selection_of(slots):
        slots = {**slots, "tag": slots["value"]}  # "remove the stalled tag from everyone"
    if not insights.selection_of(slots):
        raise UserError(
            "Which customers? Say who, e.g. “move Dana's leads to Lee” or “tag everyone in "
            "Berlin vip”. Nothing was changed."
        )
    if whose := [w for w in parsed.unread if w.casefold() in vocab.WHOSE]:
        if len(whose) == len(parsed.unread) and "owner" not in slots:
            raise _asked_whose(ctx, whose[0])
        raise UserError(
            f"Whose customers do you mean by “{whose[0]}”? Say the name, e.g. “move Sam's "
            "leads to Maria”. Nothing was changed."
        )
    if parsed.unread:
        said = ", ".join(f"“{words}”" for words in parsed.unread)
        raise UserError(
            f"I can't choose customers by {said}. I can choose them by owner, stage, interest, "
            "tag (or no tag), city, value, a product bought (or never bought), or days without a "
            "purchase, a contact or a stage change; say it "
            "with those and I'll show you who first. Nothing was changed."
        )
    change = _change(ctx, slots)
    if slots.get(CUSTOMERS):
        return _named(ctx, change, slots[CUSTOMERS], slots)
    criteria = insights.selection(ctx, slots)
    if not ctx.is_manager:
        if criteria.owner_id not in (None, ctx.staff.id) or _team(slots):
            raise UserError(
                "You can change only customers in your own book; a manager can change "
                "another rep's. Nothing was changed."
            )
        criteria = _own(criteria, ctx.staff.id)
    described = insights.describe(criteria, slots)
    if ctx.confirmed and IDS in slots:
        chosen = _previewed(ctx, slots[IDS], change)
    else:
        from crm_store import segments

        found = insights.without_excluded(
            ctx, segments.find(ctx.session, insights.snapshot(ctx), criteria), slots
        )
        if slots.get("limit"):  # "just the top 5 of them to jordan": the first 5 by value
            limit = checks.whole(slots["limit"], what="number of customers")
            found = found.head(limit)
            described += f"; the top {limit:,} by {criteria.sort}"
        chosen = sorted(
            _customers(ctx, list(found.index)), key=lambda c: (c.display_name.casefold(), c.id)
        )
        # each row says why it matches, so a selection wider than meant shows before it is confirmed
        money = insights.money_of(ctx)
        why = {i: segments.reason(row, criteria, money=money) for i, row in found.iterrows()}
        return _apply(ctx, change, chosen, described, slots.get(COUNT_SAID), why=why)
    return _apply(ctx, change, chosen, described, slots.get(COUNT_SAID))


def _named(ctx: Context, change: Change, names: list[str], slots: dict) -> Reply:
    """The customers named one by one, each of them exactly one customer; else nothing is
    changed and the reply says which names did not say who."""
    described = "the customers named"
    if all(str(name).startswith("#") for name in names):
        described = "the customers just shown"
    if ctx.confirmed and IDS in slots:
        return _apply(ctx, change, _previewed(ctx, slots[IDS], change), described, None)
    chosen = resolve_each(ctx, names)
    if left_out := slots.get(EXCLUDING):  # "all except anna nguyen" said to its preview
        gone = insights.excluded(ctx, left_out, {c.id for c in chosen})
        chosen = [c for c in chosen if c.id not in gone]
    return _apply(ctx, change, chosen, described, slots.get(COUNT_SAID))


def _apply(
    ctx: Context,
    change: Change,
    chosen: list[Customer],
    described: str,
    expected: int | None,
    *,
    why: dict[int, str] | None = None,
) -> Reply:
    """Preview the change of the customers chosen or, once confirmed, make it."""
    if not chosen:
        return Reply(f"No customers match: {described}. Nothing was changed.")
    if expected is not None and expected != len(chosen):
        shown = [c for c in chosen if c.id in ctx.on_screen]
        if len(shown) == expected:  # "the two leads" of a list whose first rows were shown
            chosen = shown
    if expected is not None and not ctx.confirmed and expected != len(chosen):
        raise UserError(
            f"You said {expected:,}, but {_count(len(chosen))} match ({described}). Say which, "
            "by name or #id. Nothing was changed."
        )
    change.plan(chosen)
    targets = [c for c in chosen if change.needed(c)]
    if not targets:
        return Reply(
            f"All {_count(len(chosen))} matching ({described}) are like that already. "
            "Nothing was changed."
        )
    if change.own_book_only:
        require_own(ctx, targets, "change")
    if not ctx.confirmed:
        raise _preview(ctx, change, targets, chosen, described, why or {})
    for customer in targets:
        change.apply(customer)
    return Reply(
        text=change.done.format(n=_count(len(targets)))
        + ". “undo” puts them all back as they were."
        + change.after(targets),
        buttons=[Button("Undo", "undo")],
    )


def _team(slots: dict) -> bool:
    return str(slots.get("owner", "")).strip().casefold() in insights.TEAM


def _own(criteria: segments.Criteria, staff_id: int) -> segments.Criteria:
    return replace(criteria, owner_id=staff_id)


def _count(n: int) -> str:
    return f"{n:,} customer{'s' * (n != 1)}"


def _customers(ctx: Context, ids: list[int]) -> list[Customer]:
    """The customers with these ids, in this order, that are neither erased nor deleted."""
    if not ids:
        return []
    found = {
        c.id: c
        for c in ctx.session.exec(
            select(Customer).where(
                col(Customer.id).in_(ids),
                col(Customer.forgotten_at).is_(None),
                col(Customer.deleted_at).is_(None),
            )
        )
    }
    return [found[i] for i in ids if i in found]


def _previewed(ctx: Context, ids: object, change: Change) -> list[Customer]:
    if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids):
        raise UserError("That confirmation is no longer readable; please ask again.")
    chosen = _customers(ctx, ids)
    return [c for c in chosen if may_change(ctx, c)] if change.own_book_only else chosen


def _change(ctx: Context, slots: dict) -> Change:
    action = str(slots.get("action") or "").strip().casefold()
    field = slots.get("field")
    value = " ".join(str(slots.get("value") or "").split())
    if action == "delete":
        if field or value:
            raise UserError(
                f"Should I delete these customers, or change their {field or 'details'}? "
                "Say one of the two. Nothing was changed."
            )
        return _delete(ctx)
    if action == "task":
        return _task(ctx, slots)
    if action == "untag":
        if not value:
            raise UserError("Which tag should come off? e.g. “untag Dana's leads vip”.")
        return _untag(ctx, value)
    if action:
        raise UserError(f"I can't “{action}” customers in bulk. Nothing was changed.")
    if field not in FIELDS or not value:
        raise UserError(
            "What should change? In bulk I can reassign them (“… to Lee”), change their stage "
            "(“… as lost”), tag or untag them, note an interest, or delete them. "
            "Nothing was changed."
        )
    if field == "owner":
        return _reassign(
            ctx,
            _new_owners(ctx, value),
            previewed=slots.get(DEALT),
            with_tasks=bool(slots.get(WITH_TASKS)),
        )
    if field == "stage":
        return _restage(ctx, stage_named(ctx, value))
    if field == "tag":
        return _tag(ctx, value)
    return _interest(ctx, value)


def _reassign(
    ctx: Context, staff: list[Staff], *, previewed: object = None, with_tasks: bool = False
) -> Change:
    """To one colleague, or split evenly between several ("between maria and sam"): each keeps
    what is already theirs up to their share, the rest is dealt in the order the preview lists
    them; confirmed, each goes to the owner the preview showed (with the open tasks the rep
    before held on them, when asked: "hand them to maria, with their open tasks")."""
    owners = staff_names(ctx.session)
    by_id = {s.id: s for s in staff}
    dealt: dict[int, Staff] = {}

    def deal(chosen: list[Customer]) -> None:
        if isinstance(previewed, dict):  # confirmed: exactly as previewed
            dealt.update({int(k): by_id[v] for k, v in previewed.items() if v in by_id})
            return
        room = {s.id: len(chosen) // len(staff) + (i < len(chosen) % len(staff))
                for i, s in enumerate(staff)}  # fmt: skip
        for customer in chosen:  # theirs already, while they have room
            if room.get(customer.owner_id, 0) > 0:
                dealt[customer.id] = by_id[customer.owner_id]
                room[customer.owner_id] -= 1
        turn = 0
        for customer in (c for c in chosen if c.id not in dealt):  # the rest in turn
            while room[staff[turn % len(staff)].id] == 0:
                turn += 1
            taker = staff[turn % len(staff)]
            dealt[customer.id], room[taker.id], turn = taker, room[taker.id] - 1, turn + 1

    held_by: dict[int, int | None] = {}  # each customer's owner before the move
    handed: list[Task] = []  # their open tasks that went along

    def apply(customer: Customer) -> None:
        before, to = snapshot(customer), dealt[customer.id]
        held_by[customer.id] = customer.owner_id
        was = owners.get(customer.owner_id, "nobody")
        customer.owner_id, customer.updated_at = to.id, ctx.now
        ctx.session.add(customer)
        ctx.audit(
            "customer.update",
            customer,
            before=before,
            description=f"owner of {customer.display_name} ({was} → {to.name})",
        )
        if with_tasks:
            handed.extend(hand_on_open_tasks(ctx, customer, held_by[customer.id]))

    def after(targets: list[Customer]) -> str:
        if not with_tasks:
            return _tasks_left_behind(ctx, held_by, owners)
        if not handed:
            return " The reps before had no open tasks on them to hand on."
        return f" Their {len(handed)} open task{'s' * (len(handed) != 1)} went along."

    names = " and ".join(s.name for s in staff)
    said = ("Split", "Split", "between") if len(staff) > 1 else ("Move", "Moved", "to")
    along = ", with their open tasks," if with_tasks else ""
    return Change(
        preview=f"{said[0]} {{n}}{along} {said[2]} {names}",
        done=f"{said[1]} {{n}}{along} {said[2]} {names}",
        needed=lambda c: c.id in dealt and c.owner_id != dealt[c.id].id,
        apply=apply,
        shown=lambda c: f"owner {owners.get(c.owner_id, 'nobody')} → {dealt[c.id].name}",
        plan=deal,
        confirmed_with=lambda targets: (
            {DEALT: {str(c.id): dealt[c.id].id for c in targets}} if len(staff) > 1 else {}
        ),
        after=after,
    )


def _tasks_left_behind(ctx: Context, held_by: dict[int, int | None], owners: dict) -> str:
    """Open tasks the reps before still hold on the customers moved: said, and how to hand them
    on, since a rep's tasks are theirs until handed over."""
    left = Counter(
        task.assignee_id
        for task in ctx.session.exec(
            select(Task).where(
                col(Task.customer_id).in_(list(held_by)), Task.status == TaskStatus.open.value
            )
        )
        if task.assignee_id is not None and task.assignee_id == held_by.get(task.customer_id)
    )
    if not left:
        return ""
    holder, count = left.most_common(1)[0]
    name = owners.get(holder, "the rep before")
    said = f"{count} open task{'s' * (count != 1)}"
    more = sum(left.values()) - count
    others = f" (and {more} more with the other reps before)" if more else ""
    return (
        f" {name} still holds {said} on them{others}: “give {name.split()[0]}'s open tasks to "
        "their customers' owners” hands them on."
    )


def _new_owners(ctx: Context, value: str) -> list[Staff]:
    """ "sam", or "maria and sam" to split between them."""
    names = [n for n in vocab.LISTED.split(value) if n.strip()]
    staff = [owner_named(ctx, n) for n in names] if len(names) > 1 else [owner_named(ctx, value)]
    return list({s.id: s for s in staff}.values())


def _restage(ctx: Context, stage: str) -> Change:
    def apply(customer: Customer) -> None:
        before = snapshot(customer)
        customer.stage, customer.stage_changed_at = stage, ctx.now
        customer.updated_at = ctx.now
        ctx.session.add(customer)
        ctx.audit(
            "customer.update",
            customer,
            before=before,
            description=f"stage of {customer.display_name} ({before['stage']} → {stage})",
        )

    return Change(
        preview=f"Move {{n}} to the stage {stage}",
        done=f"Moved {{n}} to the stage {stage}",
        needed=lambda c: c.stage != stage,
        apply=apply,
        shown=lambda c: f"stage {c.stage} → {stage}",
    )


def _tag(ctx: Context, value: str) -> Change:
    tag = tag_of(value)
    if not tag:
        raise UserError("Which tag? e.g. “tag Dana's leads vip”. Nothing was changed.")

    def apply(customer: Customer) -> None:
        row = CustomerTag(customer_id=customer.id, tag=tag)
        ctx.session.add(row)
        ctx.audit("customer.tag", row, before=None, description=f"tagged {customer.display_name}")

    return Change(
        preview=f"Tag {{n}} {tag}",
        done=f"Tagged {{n}} {tag}",
        needed=lambda c: ctx.session.get(CustomerTag, (c.id, tag)) is None,
        apply=apply,
        shown=lambda c: f"+ tag {tag}",
    )


def _untag(ctx: Context, value: str) -> Change:
    tag = tag_of(value)

    return Change(
        preview=f"Remove the tag {tag} from {{n}}",
        done=f"Removed the tag {tag} from {{n}}",
        needed=lambda c: ctx.session.get(CustomerTag, (c.id, tag)) is not None,
        apply=lambda customer: remove_tag(ctx, customer, tag),
        shown=lambda c: f"− tag {tag}",
    )


def _interest(ctx: Context, value: str) -> Change:
    interest = value[: interests.LENGTH]

    def apply(customer: Customer) -> None:
        add_interest(ctx, customer, interest)

    return Change(
        preview=f"Note {{n}} as interested in {interest}",
        done=f"Noted {{n}} as interested in {interest}",
        needed=lambda c: interests.existing(ctx.session, c.id, interest) is None,
        apply=apply,
        shown=lambda c: f"+ interest {interest}",
    )


def _task(ctx: Context, slots: dict) -> Change:
    """A task on each customer, for one person or for each customer's owner."""
    text = checks.text(slots.get("text") or "", Task, "text", what="task")
    if not text:
        raise UserError(
            "What is the task? e.g. “a task for Jordan to call each of them friday”. "
            "Nothing was changed."
        )
    due = tasks.due_date(ctx, slots.get("due"))
    each_owner = slots.get(ASSIGNEE) == THEIR_OWNER_SAID
    staff = None if each_owner else tasks.assignee(ctx, slots.get(ASSIGNEE))

    def whose(customer: Customer) -> Staff:
        owner = ctx.session.get(Staff, customer.owner_id) if customer.owner_id else None
        return (owner or ctx.staff) if each_owner else staff

    open_already = set(
        ctx.session.exec(
            select(Task.customer_id).where(Task.text == text, Task.status == TaskStatus.open.value)
        )
    )

    when = f", due {format.day(due, today=ctx.today)}" if due else ""
    for_whom = "each one's owner" if each_owner else staff.name
    return Change(
        preview=f"Set the task “{text}”{when}, for {for_whom}, on {{n}}",
        done=f"Set the task “{text}”{when} on {{n}}",
        needed=lambda c: c.id not in open_already,
        apply=lambda c: tasks.new_task(ctx, text=text, due=due, customer=c, assignee=whose(c)),
        shown=lambda c: f"+ task for {whose(c).name}",
        own_book_only=each_owner or staff.id != ctx.staff.id,
    )


def _delete(ctx: Context) -> Change:
    days = ctx.settings.bin_days
    return Change(
        preview=f"Delete {{n}} (to the bin: restorable for {days} days, then purged)",
        done="Deleted {n} (moved to the bin)",
        needed=lambda c: c.deleted_at is None,
        apply=lambda c: move_to_bin(ctx, c),
        shown=lambda c: "delete",
    )


def _preview(
    ctx: Context,
    change: Change,
    targets: list[Customer],
    chosen: list[Customer],
    described: str,
    why: dict[int, str],
) -> Ask:
    owners = staff_names(ctx.session)
    rows = [
        {
            "#": str(c.id),
            "Customer": c.display_name,
            "Owner": owners.get(c.owner_id, ""),
            "Stage": c.stage,
            "Change": change.shown(c),
            **({"Why": why.get(c.id, "")} if why else {}),
        }
        for c in targets
    ]
    text = f"{change.preview.format(n=_count(len(targets)))}? Selected: {described}."
    if len(chosen) > len(targets):
        text += f" {len(chosen) - len(targets):,} more match but need no change."
    files = []
    if len(rows) > PREVIEW_ROWS:
        text += f" The first {PREVIEW_ROWS} are shown; all {len(rows):,} are in the CSV."
        files.append(File(f"bulk-change-{ctx.today.isoformat()}.csv", "text/csv", _csv(rows)))
    reply = Reply(
        text=text + " Confirm (yes) or cancel (no); afterwards one “undo” reverts it all.",
        rows=rows[:PREVIEW_ROWS],
        buttons=[Button("Confirm", "yes", "danger"), Button("Cancel", "no")],
        files=files,
    )
    return Ask(reply, {"yes": {IDS: [c.id for c in targets], **change.confirmed_with(targets)}})


def _csv(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
