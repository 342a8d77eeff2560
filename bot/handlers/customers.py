"""Customer profiles: show one, add one (for the sender or a colleague), change one field."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from sqlalchemy import func
from sqlmodel import Session, col, select

from bot import checks, format
from bot.books import require_own, staff_names
from bot.context import Ask, Context, UserError, handles
from bot.messages import Button, Reply
from bot.resolve import resolve_customer, resolve_each, resolve_staff, stage_named
from crm_store import interests, normalize, privacy
from crm_store.audit import snapshot
from crm_store.models import (
    AuditEntry,
    Customer,
    CustomerInterest,
    CustomerTag,
    Interaction,
    NpsAnswer,
    Purchase,
    Staff,
    Task,
    TaskStatus,
    utcnow,
)
from crm_store.search import find_customers
from intents import CUSTOMERS, WITH_TASKS, Parsed, vocab

LAST_CONTACTS = 5
LAST_ORDERS = 10


@handles("customer.show")
def show_customer(parsed: Parsed, ctx: Context) -> Reply:
    """Show a customer's profile — “tell me about Acme”, “who is jane@acme.com”, “#12”."""
    if names := parsed.slots.get(CUSTOMERS):  # "who owns #178 and #172 now": a line each
        return _each_in_brief(ctx, resolve_each(ctx, names))
    customer = resolve_customer(ctx, parsed.slots.get("customer"), read=True)
    return profile(ctx, customer, orders=bool(vocab.ABOUT_ORDERS.search(ctx.message.text)))


def _each_in_brief(ctx: Context, customers: list[Customer]) -> Reply:
    owners = staff_names(ctx.session)
    rows = [
        {
            "#": str(customer.id),
            "Customer": customer.display_name,
            "Owner": owners.get(customer.owner_id, "No owner"),
            "Stage": customer.stage,
            "City": customer.city or "",
        }
        for customer in customers
    ]
    return Reply(title=f"{len(customers)} customers", text="", rows=rows)


def profile(ctx: Context, customer: Customer, *, orders: bool = False) -> Reply:
    """The profile, with the last contacts; with the last orders instead when asked what the
    customer bought ("order history for kenji", "what did he buy")."""
    session, today = ctx.session, ctx.today
    owner = session.get(Staff, customer.owner_id) if customer.owner_id else None
    purchases = session.exec(select(Purchase).where(Purchase.customer_id == customer.id)).all()
    totals: dict[str, Decimal] = defaultdict(Decimal)
    products: dict[str, int] = defaultdict(int)
    for purchase in purchases:
        totals[purchase.currency] += purchase.amount
        products[purchase.product] += purchase.quantity
    last_order = max((p.purchased_on for p in purchases), default=None)
    tasks = session.exec(
        select(Task)
        .where(Task.customer_id == customer.id, Task.status == TaskStatus.open.value)
        .order_by(col(Task.due).is_(None), Task.due)
    ).all()
    tags = _tags_of(session, customer)
    said = session.exec(
        select(NpsAnswer)
        .where(NpsAnswer.customer_id == customer.id, col(NpsAnswer.comment).is_not(None))
        .order_by(col(NpsAnswer.answered_on).desc(), col(NpsAnswer.id).desc())
    ).first()
    fields = {
        "Person": customer.name,
        "Company": customer.company,
        "Title": customer.title,
        "E-mail": customer.email,
        "Phone": customer.phone,
        "City": ", ".join(filter(None, [customer.city, customer.country])),
        "Owner": owner.name if owner else "nobody",
        "Stage": f"{customer.stage} since "
        + format.moment(customer.stage_changed_at, tz=ctx.tz, today=today),
        "Interested in": ", ".join(interests.of(session, customer.id)),
        **_standing(ctx, customer),
        "NPS comment": f"“{said.comment}” ({format.day(said.answered_on, today=today)})"
        if said
        else None,
        "Value to date": ", ".join(format.money(v, c) for c, v in sorted(totals.items()))
        or "no purchases yet",
        "Orders": f"{len(purchases)}"
        + (f", last {format.ago(last_order, today=today)}" if last_order else ""),
        "Products": ", ".join(
            f"{name} ×{qty}" for name, qty in sorted(products.items(), key=lambda i: -i[1])
        ),
        "Tags": ", ".join(tags),
        "Marketing consent": "yes" if customer.consent_marketing else "no",
        "Open tasks": "; ".join(
            f"#{t.id} {t.text}" + (f" (due {format.day(t.due, today=today)})" if t.due else "")
            for t in tasks
        ),
    }
    contacts = session.exec(
        select(Interaction, Staff.name)
        .join(Staff, Interaction.staff_id == Staff.id, isouter=True)
        .where(Interaction.customer_id == customer.id)
        .order_by(col(Interaction.occurred_at).desc())
        .limit(LAST_CONTACTS)
    ).all()
    rows = [
        {
            "When": format.moment(i.occurred_at, tz=ctx.tz, today=today),
            "How": i.channel,
            "Who": name or "",
            "Summary": i.summary,
        }
        for i, name in contacts
    ]
    text = "Last contacts:" if rows else "No contacts logged yet."
    if orders:
        rows = _last_orders(purchases, today)
        text = f"Last {len(rows)} of {len(purchases)} orders:" if rows else "No orders yet."
    return Reply(
        title=f"{customer.display_name} · #{customer.id}",
        text=text,
        fields={label: value for label, value in fields.items() if value},
        rows=rows,
        buttons=[
            Button("History", f"history with #{customer.id}"),
            Button("Next steps", f"what should I do with #{customer.id}"),
        ],
    )


def _last_orders(purchases: list[Purchase], today) -> list[dict[str, str]]:
    newest = sorted(purchases, key=lambda p: (p.purchased_on, p.id or 0), reverse=True)
    return [
        {
            "When": format.day(p.purchased_on, today=today),
            "Product": p.product,
            "Qty": f"{p.quantity:,}",
            "Amount": format.money(p.amount, p.currency),
        }
        for p in newest[:LAST_ORDERS]
    ]


def _standing(ctx: Context, customer: Customer) -> dict[str, str]:
    """Where the customer stands among all others (RFM segment), their forecast and NPS."""
    from crm_store import analytics  # pandas: loaded with the first profile, not at start

    standing = {}
    figures = analytics.standing(
        ctx.session, customer.id, today=ctx.today, currency=ctx.settings.currency
    )
    if figures is not None and figures.segment:
        top = " (top 10% by value)" if figures.high_value else ""
        standing["Segment"] = figures.segment.replace("_", " ") + top
        standing["Forecast"] = format.forecast(figures, ctx.settings.currency)
    nps = ctx.session.exec(
        select(NpsAnswer.score)
        .where(NpsAnswer.customer_id == customer.id, NpsAnswer.answered_on <= ctx.today)
        .order_by(col(NpsAnswer.answered_on).desc(), col(NpsAnswer.id).desc())
        .limit(1)
    ).first()
    if nps is not None:
        standing["NPS"] = f"{nps} ({analytics.nps_category(nps)})"
    return standing


_NO_OWNER = re.compile(
    r"\b(?:unassigned|unowned|no owner|nobody'?s|without an? owner|"
    r"owner\W+(?:none|nobody|n/?a|tbd|tbc)|(?:don'?t|do not) assign)\b",
    re.I,
)
_SEVERAL_NEW = re.compile(
    r"(?i:\b(?:new|add|these|following|two|three|2|3)\s+(?:new\s+)?(?:leads|customers|contacts|"
    r"prospects|clients|accounts)\b(?!\s+(?:for|of|to|in|from)\b))"
    r"|\b(?:at|from|@)\s+[^,;]+[,;]?.*\b(?:and|&|plus|also)\s+(?:[A-Z][\w'-]+\s+){1,2}(?:at|from|@)\s",
)
# a new colleague asked for as if a customer: "add staff member X as a rep", "new rep: X"
_A_COLLEAGUE = re.compile(
    r"\b(?:staff member|team member|new (?:rep|hire|colleague|starter|employee)|as an? (?:rep|"
    r"sales ?rep|manager|admin|colleague))\b",
    re.I,
)


@handles("customer.create")
def create_customer(parsed: Parsed, ctx: Context) -> Reply:
    """Add a customer, yours or a colleague's — “new lead: Chris Park at Acme, owner Dana”.

    Also “add customer Jane Doe at Acme, jane@acme.com, +1 555 0100, Boston”."""
    slots = parsed.slots
    if _A_COLLEAGUE.search(ctx.message.text):  # "add staff member Priya Shah as a rep"
        raise UserError(
            "Colleagues are not customers: an admin adds one with "
            '`crmbot staff add "Name" --role rep`. Nothing was saved.'
        )
    if _SEVERAL_NEW.search(ctx.message.text):  # "new leads: A at X, Madrid and B at Y": not one
        raise UserError(
            "That names more than one new customer: add them one at a time, e.g. “new lead: "
            "Chris Park at Acme, Boston”. Nothing was saved."
        )
    name, company = (_as_a_name(_text(slots.get(k), k)) for k in ("name", "company"))
    if not name and not company:
        raise UserError("A new customer needs a name or a company, e.g. “add customer Jane Doe”.")
    owner = owner_named(ctx, slots["owner"]) if _clean(slots.get("owner")) else ctx.staff
    if not _clean(slots.get("owner")) and _NO_OWNER.search(ctx.message.text):
        owner = None  # "new lead: …, unassigned": in nobody's book until someone is given it
    stage = stage_named(ctx, slots["stage"]) if _clean(slots.get("stage")) else None
    interest = _clean(slots.get("interest"))
    town, country = _town_in_country(_text(slots.get("city"), "city") or "")
    customer = Customer(
        name=name,
        company=company,
        email=_email(slots.get("email")),
        phone=_phone(slots.get("phone"), ctx),
        city=_town(ctx, town or None),
        country=country,
        title=_text(slots.get("title"), "title"),
        owner_id=owner.id if owner else None,
        stage=stage or ctx.settings.pipeline.first,
        created_at=ctx.now,
        updated_at=ctx.now,
        stage_changed_at=ctx.now,
    )
    _refuse_duplicates(ctx, customer)
    _flag_erased(ctx, customer)
    if not ctx.confirmed:
        similar = [
            m.customer for m in find_customers(ctx.session, name or company) if m.score >= 90
        ]
        if similar:
            question = Ask.confirm(
                f"{similar[0].display_name} (#{similar[0].id}) already exists. Add another?"
            )
            question.about = similar[0].id  # "no. log that i met her …": the one that exists
            raise question
    ctx.session.add(customer)
    ctx.audit(
        "customer.create", customer, before=None, description=f"added {customer.display_name}"
    )
    for each in interests.split(interest or ""):
        add_interest(ctx, customer, each)
    ctx.mentioned = customer.id
    whose = (
        "owned by nobody yet"
        if owner is None
        else "owned by " + ("you" if owner.id == ctx.staff.id else owner.name)
    )
    details = f"a {customer.stage}" if stage else ""
    if interest:
        details += (" " if details else "") + f"interested in {interest}"
    return Reply(
        text=f"Added {customer.display_name} as #{customer.id}"
        + (f", {details}" if details else "")
        + f", {whose}.",
        buttons=[Button("Undo", "undo")],
    )


def owner_named(ctx: Context, typed: object) -> Staff:
    """The colleague a customer is for: "me" is the sender, else a staff member by name."""
    text = " ".join(str(typed).split())
    if text.casefold() in ("me", "my", "mine", "myself"):
        return ctx.staff
    return resolve_staff(ctx, text)


UPDATABLE = (
    "name",
    "email",
    "phone",
    "company",
    "title",
    "city",
    "country",
    "owner",
    "stage",
    "interest",
)


@handles("customer.update")
def update_customer(parsed: Parsed, ctx: Context) -> Reply:
    """Change one detail — “change Acme's phone to +1 555 0199”, “move Acme to proposal”.

    A handover is the owner: “give Acme to Raj”."""
    field = parsed.slots.get("field")
    if field not in (*UPDATABLE, "tag"):
        raise UserError("Which detail? I can change " + ", ".join(UPDATABLE) + ", or add a tag.")
    checked_later = ("email", "phone", "stage", "country")
    value = _text(parsed.slots.get("value"), "" if field in checked_later else field)
    untag = field == "tag" and parsed.slots.get("action") == "untag"
    if not value and not untag:
        raise UserError(f"What should the {field} be? e.g. “set Acme's {field} to …”.")
    customer = resolve_customer(ctx, parsed.slots.get("customer"))
    if untag:
        return _remove_tag(ctx, customer, value or _its_one_tag(ctx, customer))
    if field == "tag":
        return _add_tag(ctx, customer, value)
    if field == "interest" and parsed.slots.get("action") == "remove":
        return _remove_interest(ctx, customer, value)
    if field == "interest":
        return _interest_reply(ctx, customer, value)
    value, country = _town_in_country(value) if field == "city" else (value, None)
    if field == "city" and not country:
        country = _country_moved_to(customer, value)
    column, new, shown = _new_value(ctx, field, value)
    if field == "owner" and parsed.slots.get(WITH_TASKS) and getattr(customer, column) == new:
        # "and her open tasks too", after the handover: the tasks of the rep before go along;
        # a rep hands on only their own
        was = _owner_before(ctx, customer)
        if not ctx.is_manager and was != ctx.staff.id:
            raise UserError("You can hand on only your own tasks. Nothing was changed.")
        moved = _tasks_handed_on(ctx, customer, was)
        return Reply(f"{customer.display_name} is already {shown}'s.{moved}")
    if field in ("owner", "stage"):
        require_own(ctx, [customer], "reassign" if field == "owner" else "move")
    before = snapshot(customer)
    if getattr(customer, column) == new and customer.country == (country or customer.country):
        return Reply(f"{customer.display_name}'s {field} is already {shown}. Nothing changed.")
    setattr(customer, column, new)
    if country:  # "set her city to Hamburg, germany": the town, and the country it is in
        customer.country, shown = country, f"{shown}, {country}"
    if column in ("email", "phone"):
        _refuse_duplicates(ctx, customer)
        _flag_erased(ctx, customer)
    if column == "stage":
        customer.stage_changed_at = ctx.now
    customer.updated_at = utcnow()
    ctx.session.add(customer)
    ctx.audit(
        "customer.update",
        customer,
        before=before,
        description=f"{field} of {customer.display_name}",
    )
    old = before[column]
    if field == "owner" and old is not None:
        old = ctx.session.get(Staff, old).name
    moved = _tasks_handed_on(ctx, customer, before[column]) if parsed.slots.get(WITH_TASKS) else ""
    return Reply(
        text=f"{customer.display_name}: {field} is now {shown} (was {old or 'empty'}).{moved}",
        buttons=[
            Button("Undo", "undo"),
            *(
                _their_tasks_too(ctx, customer, before[column])
                if field == "owner" and not moved
                else []
            ),
        ],
    )


TASKS_HANDED_IN_ONE_TAP = 3  # a button's command stays under the chat platforms' 64 bytes


def _their_tasks_too(ctx: Context, customer: Customer, was: int | None) -> list[Button]:
    """On a handover, the customer's open tasks of the rep before are offered to the new owner
    in one tap, never moved unasked."""
    open_tasks = [task.id for task in _open_tasks(ctx, customer, was)]
    if not open_tasks or len(open_tasks) > TASKS_HANDED_IN_ONE_TAP:
        return []
    new_owner = ctx.session.get(Staff, customer.owner_id).name
    numbers = ", ".join(str(n) for n in open_tasks)
    label = f"Their {len(open_tasks)} open task{'s' * (len(open_tasks) != 1)} too"
    return [Button(label, f"give task {numbers} to {new_owner}")]


def _open_tasks(ctx: Context, customer: Customer, holder: int | None) -> list[Task]:
    if holder is None:
        return []
    return list(
        ctx.session.exec(
            select(Task)
            .where(
                Task.customer_id == customer.id,
                Task.assignee_id == holder,
                Task.status == TaskStatus.open.value,
            )
            .order_by(Task.id)
        ).all()
    )


def _owner_before(ctx: Context, customer: Customer) -> int | None:
    """Who owned the customer before their last handover, as the audit trail tells."""
    handovers = ctx.session.exec(
        select(AuditEntry)
        .where(
            AuditEntry.entity == Customer.__tablename__,
            AuditEntry.entity_id == customer.id,
            AuditEntry.action.in_(("customer.update", "customer.bulk_update")),
            AuditEntry.undone_at.is_(None),
        )
        .order_by(col(AuditEntry.id).desc())
    )
    for entry in handovers:
        was, now = (entry.before or {}).get("owner_id"), (entry.after or {}).get("owner_id")
        if was != now and now == customer.owner_id:
            return was
    return None


def _tasks_handed_on(ctx: Context, customer: Customer, was: int | None) -> str:
    """ "move X to maria, with his open task": the customer's open tasks of the rep before go to
    the new owner too."""
    tasks = hand_on_open_tasks(ctx, customer, was)
    if not tasks:
        return " The rep before had no open tasks on them to hand on."
    numbers = ", ".join(f"#{task.id}" for task in tasks)
    return f" Their open task{'s' * (len(tasks) != 1)} {numbers} went along."


def hand_on_open_tasks(ctx: Context, customer: Customer, was: int | None) -> list[Task]:
    """The customer's open tasks held by the rep before (`was`), now their new owner's, each with
    its audit entry (one undo takes back the handover and them)."""
    tasks = _open_tasks(ctx, customer, was)
    for task in tasks:
        before = snapshot(task)
        task.assignee_id = customer.owner_id
        ctx.session.add(task)
        ctx.audit("task.update", task, before=before, description=f"task “{task.text}” handed on")
    return tasks


def _new_value(ctx: Context, field: str, value: str) -> tuple[str, object, str]:
    """The column to set, its new value, and how to say it."""
    if field == "email":
        address = _email(value)
        return "email", address, address
    if field == "phone":
        number = _phone(value, ctx)
        return "phone", number, number
    if field == "owner":
        staff = owner_named(ctx, value)
        return "owner_id", staff.id, staff.name
    if field == "stage":
        stage = stage_named(ctx, value)
        return "stage", stage, stage
    if field == "city":
        town = _town(ctx, value)
        return "city", town, town
    if field == "country":  # "Sweden", "SE", "SWE": kept as its two-letter code
        if code := normalize.country_code(value):
            return "country", code, code
        raise UserError(
            f"“{value}” is not a country I know; say its name or two-letter code, e.g. DE."
        )
    return field, value, value


def _add_tag(ctx: Context, customer: Customer, value: str) -> Reply:
    tag = checks.text(normalize.fold(value).replace(" ", "-"), CustomerTag, "tag", what="tag")
    if not tag:
        raise UserError(f"“{value}” has no letters or digits to make a tag of.")
    if tag in normalize.fold(customer.display_name).split():  # "tag jane cooper": no tag said
        raise UserError(
            f"Which tag? “{value}” is part of {customer.display_name}'s name. Say e.g. "
            f"“tag {customer.display_name} as vip”. Nothing was changed."
        )
    if ctx.session.get(CustomerTag, (customer.id, tag)):
        return Reply(f"{customer.display_name} is already tagged {tag}.")
    row = CustomerTag(customer_id=customer.id, tag=tag)
    ctx.session.add(row)
    ctx.audit("customer.tag", row, before=None, description=f"tagged {customer.display_name}")
    return Reply(f"Tagged {customer.display_name} as {tag}.", buttons=[Button("Undo", "undo")])


def _remove_tag(ctx: Context, customer: Customer, value: str) -> Reply:
    tag = tag_of(value)
    if ctx.session.get(CustomerTag, (customer.id, tag)) is None:
        return Reply(f"{customer.display_name} is not tagged {tag}. Nothing changed.")
    remove_tag(ctx, customer, tag)
    return Reply(
        f"Removed the tag {tag} from {customer.display_name}.", buttons=[Button("Undo", "undo")]
    )


def _tags_of(session: Session, customer: Customer) -> list[str]:
    return list(
        session.exec(
            select(CustomerTag.tag)
            .where(CustomerTag.customer_id == customer.id)
            .order_by(CustomerTag.tag)
        )
    )


def _its_one_tag(ctx: Context, customer: Customer) -> str:
    """ "remove the tag from X", no tag named: the one X has; with several, which is asked."""
    tags = _tags_of(ctx.session, customer)
    if len(tags) == 1:
        return tags[0]
    if not tags:
        raise UserError(f"{customer.display_name} has no tags. Nothing changed.")
    raise UserError(
        f"Which tag? {customer.display_name} is tagged {', '.join(tags)}: say e.g. “remove the "
        f"{tags[0]} tag from {customer.display_name}”. Nothing changed."
    )


def tag_of(value: str) -> str:
    """A tag as it is kept: folded, hyphens for spaces, no leading #."""
    return normalize.fold(value.lstrip("#")).replace(" ", "-")[:60]


def remove_tag(ctx: Context, customer: Customer, tag: str) -> None:
    """Take one tag off a customer, audited (undo puts it back)."""
    row = ctx.session.get(CustomerTag, (customer.id, tag))
    ctx.delete("customer.untag", row, description=f"untagged {customer.display_name}")


def _interest_reply(ctx: Context, customer: Customer, value: str) -> Reply:
    added = [each for each in interests.split(value) if add_interest(ctx, customer, each)]
    if not added:
        return Reply(f"{customer.display_name} is already noted as interested in {value}.")
    return Reply(
        f"Noted: {customer.display_name} is interested in {', '.join(added)}.",
        buttons=[Button("Undo", "undo")],
    )


def _remove_interest(ctx: Context, customer: Customer, value: str) -> Reply:
    """One interest taken off, audited (undo puts it back)."""
    row = interests.existing(ctx.session, customer.id, value)
    if row is None:
        return Reply(f"{customer.display_name} has no interest in {value} noted. Nothing changed.")
    ctx.delete(
        "customer.interest",
        row,
        description=f"interest in {row.interest} for {customer.display_name} removed",
    )
    return Reply(
        f"Removed {row.interest} from {customer.display_name}'s interests.",
        buttons=[Button("Undo", "undo")],
    )


def add_interest(ctx: Context, customer: Customer, interest: str) -> CustomerInterest | None:
    """Record one product interest (audited), unless the customer has it already."""
    interest = checks.text(interest, CustomerInterest, "interest", what="interest")
    if interests.existing(ctx.session, customer.id, interest) is not None:
        return None
    row = CustomerInterest(
        customer_id=customer.id, interest=interest, key=interests.interest_key(interest)
    )
    ctx.session.add(row)
    ctx.audit(
        "customer.interest",
        row,
        before=None,
        description=f"interest in {interest} for {customer.display_name}",
    )
    return row


def _refuse_duplicates(ctx: Context, customer: Customer) -> None:
    for column in ("email", "phone"):
        value = getattr(customer, column)
        if not value:
            continue
        with ctx.session.no_autoflush:  # the change itself is not written before it is checked
            other = ctx.session.exec(
                select(Customer).where(
                    getattr(Customer, column) == value, Customer.id != customer.id
                )
            ).first()
        if other is not None and other.deleted_at is not None:  # the store keeps one per value
            raise UserError(
                f"{other.display_name} (#{other.id}), in the delete bin, has {value}; "
                f"“restore #{other.id}” brings them back. Nothing was saved."
            )
        if other is not None:
            raise UserError(f"{other.display_name} (#{other.id}) already has {value}.")


def _flag_erased(ctx: Context, customer: Customer) -> None:
    """A person who asked to be forgotten comes back only on purpose, never by accident."""
    if ctx.confirmed:
        return
    erased = privacy.erased_on(
        ctx.session, key=ctx.settings.erasure_key, email=customer.email, phone=customer.phone
    )
    if erased is not None:
        raise Ask.confirm(
            f"The personal data of someone with these contact details was erased at their "
            f"request on {erased:%-d %b %Y}. Save them again anyway?"
        )


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _as_a_name(said: str | None) -> str | None:
    """A name typed all in lower case on a phone ("ben carter") is stored as a name is written;
    any capital typed ("iPhone Repairs", "van der Berg") is kept as it is."""
    return said.title() if said and said.islower() else said


def _country_moved_to(customer: Customer, town: str) -> str | None:
    """ "he moved to london", said of a customer in Germany: the country of the most populous
    London, so the profile never reads "London, DE"; None when the town is in their country
    too, or is unknown (their country is then left as it is)."""
    if not customer.country or not (countries := normalize.countries_of_city(town)):
        return None
    return None if customer.country in countries else countries[0]


def _town_in_country(typed: str) -> tuple[str, str | None]:
    """ "Hamburg, germany", "hamburg germany": the town, and the country's two-letter code when
    the words after the last comma (or its last one or two words) name one."""
    town, _, after = typed.rpartition(",")
    code = normalize.country_code(after.strip()) if town.strip() else None
    if code:
        return town.strip(), code
    words = typed.split()
    if len(words) > 1 and words[-1].lower().strip(".") in _US_STATES:  # "austin tx"
        return " ".join(words[:-1]).rstrip(","), "US"
    for n in (2, 1):
        said = " ".join(words[-n:])
        if len(words) > n and len(said) > 3 and said.lower() not in _STATES_TOO:
            if code := normalize.country_code(said):
                return " ".join(words[:-n]), code
    return typed, None


# the two-letter codes of US states that are no English word ("austin tx", "portland, or" is left)
_US_STATES = frozenset(
    "ak az ar ca ct fl ga ia ks ky md mi mn ms mo mt nc nd ne nh nj nm nv ny ri sc sd tn tx ut "
    "vt va wa wi wv wy dc".split()
)
# country names that are also states or places in one ("atlanta georgia", "new jersey")
_STATES_TOO = frozenset({"georgia", "jersey", "jordan", "chad", "guernsey", "victoria"})


def _town(ctx: Context, typed: str | None) -> str | None:
    """A town typed all in small letters ("barcelona") as the store already spells it, else with
    capitals ("new york" → "New York"); typed with any capital, as typed."""
    if not typed or typed != typed.lower():
        return typed
    known = ctx.session.exec(
        select(Customer.city).where(func.lower(Customer.city) == typed.lower()).limit(1)
    ).first()
    return known or " ".join(word[:1].upper() + word[1:] for word in typed.split(" "))


def _text(value: object, field: str) -> str | None:
    """A detail as typed, checked against its column (length, NUL bytes); None when empty.

    E-mails, phones, stages and countries (field "") are checked once read; an owner is a
    staff name.
    """
    if not _clean(value):
        return None
    if field == "owner":
        return checks.text(value, Staff, "name", what="owner")
    if field in Customer.__table__.c:
        return checks.text(value, Customer, field, what=field)
    return checks.text(value, Interaction, "summary", what="value")


def _email(value: str | None) -> str | None:
    if not _clean(value):
        return None
    try:
        address = normalize.email(value)
    except ValueError as error:
        raise UserError(f"{error}. Nothing was saved.") from None
    return checks.text(address, Customer, "email", what="e-mail address")


def _phone(value: str | None, ctx: Context) -> str | None:
    if not _clean(value):
        return None
    if "\x00" in str(value) or len(str(value)) > 64:
        raise UserError(f"“{_clean(value)[:40]}” is not a valid phone number. Nothing was saved.")
    # a number typed without its country code is read the store's way, else where the sender is
    # ("0161 496 0321" from a rep in London)
    regions = dict.fromkeys(
        r for r in (ctx.settings.phone_region, normalize.country_of_zone(ctx.staff.tz)) if r
    )
    error = None
    for strict, region in enumerate(regions):  # the sender's country only for a real number
        try:
            number = normalize.phone(value, region=region, strict=bool(strict))
        except ValueError as refused:
            error = error or refused
            continue
        return checks.text(number, Customer, "phone", what="phone number")
    raise UserError(f"{error}. Nothing was saved.")
