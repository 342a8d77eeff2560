"""Who may do what: the role matrix, enforced here and nowhere else.

| what                                                   | rep                  | manager | admin |
| ------------------------------------------------------ | -------------------- | ------- | ----- |
| read any customer, contact, sale, task list, report    | yes                  | yes     | yes   |
| add a customer; log a contact, sale or NPS on anyone's | yes                  | yes     | yes   |
| change a customer (details, owner, tags, stage)        | their own or unowned | yes     | yes   |
| change a task (tick it off, edit it)                   | their own            | yes     | yes   |
| delete a contact or sale logged by mistake             | those they logged    | yes     | yes   |
| a list of customers as a CSV file                      | their own book only  | all     | all   |
| a data-protection export, an erasure                   | no                   | yes     | yes   |
| staff and settings                                     | no                   | no      | yes   |

Intents are checked by `check_intent` before their handler runs; changes to customers and tasks
are checked by `guard` as the command's session flushes them, so every way of writing — a chat
command, a button, an undo, a bulk change — meets the same rule.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import event, inspect
from sqlmodel import Session, select

from bot.context import UserError
from crm_store.models import (
    AuditEntry,
    Customer,
    CustomerInterest,
    CustomerTag,
    Interaction,
    Purchase,
    Role,
    Staff,
    Task,
)


class Permission(StrEnum):
    access_request = "access_request"
    erasure = "erasure"
    staff = "staff"
    settings = "settings"


MANAGERS = frozenset({Role.manager.value, Role.admin.value})
ADMINS = frozenset({Role.admin.value})

ALLOWED: dict[Permission, frozenset[str]] = {
    Permission.access_request: MANAGERS,
    Permission.erasure: MANAGERS,
    Permission.staff: ADMINS,
    Permission.settings: ADMINS,
}

INTENTS: dict[str, Permission] = {
    "customer.export": Permission.access_request,
    "customer.forget": Permission.erasure,
}

REFUSALS: dict[Permission, str] = {
    Permission.access_request: "Only a manager or an admin can export a customer's personal "
    "data. Please pass the request on to one.",
    Permission.erasure: "Only a manager or an admin can erase a customer's personal data. "
    "Please pass the request on to one.",
    Permission.staff: "Only an admin can enrol staff or change their roles.",
    Permission.settings: "Only an admin can change the bot's settings.",
}


class Forbidden(UserError):
    """The sender's role does not allow this; nothing was written."""


def allows(staff: Staff, permission: Permission) -> bool:
    return staff.role in ALLOWED[permission]


def require(staff: Staff, permission: Permission) -> None:
    if not allows(staff, permission):
        raise Forbidden(REFUSALS[permission])


def check_intent(staff: Staff, intent: str) -> None:
    """Refuse an intent the sender's role may not use at all."""
    if intent in INTENTS:
        require(staff, INTENTS[intent])


def sees_whole_team(staff: Staff) -> bool:
    return staff.role in MANAGERS


def may_change_customer(staff: Staff, owner_id: int | None) -> bool:
    return sees_whole_team(staff) or owner_id in (None, staff.id)


def may_change_task(staff: Staff, assignee_id: int | None) -> bool:
    return sees_whole_team(staff) or assignee_id == staff.id


def csv_book(staff: Staff) -> int | None:
    """Whose customers a CSV file may hold: the sender's own for a rep (None: everyone's)."""
    return None if sees_whole_team(staff) else staff.id


def guard(session: Session, staff: Staff) -> None:
    """Check every customer and task this session writes against the sender's role.

    A customer made in this command may be filled in whatever its owner (a rep may add a lead
    for a colleague), and a rep's own addition of a customer may be taken back (undone) while it
    is as they made it.
    """
    created: set[int] = set()

    def before_flush(session: Session, _context: Any, _instances: Any) -> None:
        with session.no_autoflush:
            for row in (*session.new, *session.dirty, *session.deleted):
                _check(session, staff, row, created)

    def after_flush(session: Session, _context: Any) -> None:
        created.update(row.id for row in session.new if isinstance(row, Customer))

    event.listen(session, "before_flush", before_flush)
    event.listen(session, "after_flush", after_flush)


# the rows an undo puts back as the sender's own last command left them: theirs to put back,
# whoever holds them now (a customer and tasks handed to a colleague)
UNDOING = "undoing"


def _check(session: Session, staff: Staff, row: object, created: set[int]) -> None:
    table = getattr(row, "__tablename__", None)
    if (table, getattr(row, "id", None)) in session.info.get(UNDOING, ()):
        return
    deleting = row in session.deleted
    if isinstance(row, Customer) and row not in session.new and row.id not in created:
        owner = _original(row, "owner_id")
        if not may_change_customer(staff, owner) and not (
            deleting and _added_by(session, staff, row.id)
        ):
            raise Forbidden(_not_yours(session, row.display_name, owner, "customer"))
    elif isinstance(row, CustomerTag | CustomerInterest) and row.customer_id not in created:
        customer = session.get(Customer, row.customer_id)
        if (
            customer is not None
            and customer not in session.new
            and not may_change_customer(staff, customer.owner_id)
            and not (deleting and _added_by(session, staff, customer.id))
        ):
            raise Forbidden(
                _not_yours(session, customer.display_name, customer.owner_id, "customer")
            )
    elif isinstance(row, Interaction | Purchase) and row not in session.new:
        if staff.role not in MANAGERS and _original(row, "staff_id") != staff.id:
            kind = "contact" if isinstance(row, Interaction) else "sale"
            done = "delete" if deleting else "change"
            raise Forbidden(f"Only whoever logged that {kind}, or a manager, can {done} it.")
    elif isinstance(row, Task):
        assignee = row.assignee_id if row in session.new else _original(row, "assignee_id")
        if not may_change_task(staff, assignee) and not _taken_on(session, staff, row):
            raise Forbidden(_not_yours(session, f"Task #{row.id}", assignee, "task"))


def _taken_on(session: Session, staff: Staff, task: Task) -> bool:
    """A colleague's task on a customer now the sender's, taken on by the sender."""
    return task.assignee_id == staff.id and on_own_customer(session, staff, task)


def on_own_customer(session: Session, staff: Staff, task: Task) -> bool:
    """Whether a task is on a customer the staff member owns (whoever holds the task)."""
    customer = session.get(Customer, task.customer_id) if task.customer_id else None
    return customer is not None and customer.owner_id == staff.id


def _added_by(session: Session, staff: Staff, customer_id: int | None) -> bool:
    """Whether the sender added this customer (so may take the addition back)."""
    return (
        session.exec(
            select(AuditEntry.id).where(
                AuditEntry.action == "customer.create",
                AuditEntry.entity == Customer.__tablename__,
                AuditEntry.entity_id == customer_id,
                AuditEntry.staff_id == staff.id,
            )
        ).first()
        is not None
    )


def _original(row: object, attribute: str) -> Any:
    """The value the row had when loaded, before this command changed it."""
    history = inspect(row).attrs[attribute].history
    if history.deleted:
        return history.deleted[0]
    return getattr(row, attribute)


def _not_yours(session: Session, what: str, owner_id: int | None, kind: str) -> str:
    owner = session.get(Staff, owner_id) if owner_id is not None else None
    whose = f"{owner.name}'s" if owner else "someone else's"
    return (
        f"{what} is {whose} {kind}; only {owner.name if owner else 'they'} or a manager can "
        "change it. Nothing was saved."
    )
