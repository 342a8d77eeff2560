"""Segments, next best actions and reports: the questions a CRM is for."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import TYPE_CHECKING

from sqlmodel import select

from bot import checks, format
from bot.average_order import average_order
from bot.books import ME, TEAM, TEAM_BOOK, Book, staff_names, whose_book
from bot.closed_deals import closed_deals
from bot.context import Context, UserError, handles
from bot.messages import Button, File, Reply
from bot.resolve import resolve_among, resolve_customer, resolve_staff, stage_named
from crm_store.models import Customer, customer_label
from intents import (
    A_YEAR_BEFORE,
    ADDED,
    AVERAGE,
    BOUGHT,
    BOUGHT_DAYS,
    CAME_FROM,
    CLOSED,
    CONTACTED_DAYS,
    CUSTOMERS,
    EXCLUDING,
    FORECAST,
    NAMESAKES,
    NEVER_PURCHASED,
    NOT_BOUGHT,
    NOT_TAG,
    REPS,
    Parsed,
)

if TYPE_CHECKING:  # the analytics load pandas: imported by the handlers that need them
    import pandas as pd

    from crm_store import analytics, recommend, reports, segments

DEFAULT_ROWS = 10
MAX_ROWS = 50
BUTTONED = 3  # suggestions that get their own buttons
KINDS = {
    "follow_up": "Overdue follow-up",
    "recovery": "Detractor recovery",
    "retention": "Retention call",
    "advance": "Move the deal on",
    "onboarding": "Onboarding check-in",
    "reactivation": "Reactivation",
    "up_sell": "Up-sell",
    "cross_sell": "Cross-sell",
    "referral": "Referral ask",
}


def snapshot(ctx: Context, *, only=None) -> analytics.Snapshot:
    """The figures of today; `only` (a query of customer ids) narrows what is read."""
    from crm_store import analytics

    return analytics.snapshot(
        ctx.session,
        today=ctx.today,
        currency=ctx.settings.currency,
        lapsed_days=ctx.settings.lapsed_days,
        only=only,
    )


def money_of(ctx: Context):
    return lambda amount: format.money(amount, ctx.settings.currency)


def display_name(row: pd.Series, customer_id: int) -> str:
    return customer_label(customer_id, _text(row["name"]), _text(row["company"]))


def _text(value) -> str:
    import pandas as pd

    return "" if value is None or pd.isna(value) else str(value)


@handles("segment.list")
def list_segment(parsed: Parsed, ctx: Context) -> Reply:
    """Find customers — “at risk customers in Berlin”, “who hasn't bought in 6 months”."""
    import pandas as pd

    from crm_store import reports, segments

    slots = parsed.slots
    book, lead = _book_of_customers(ctx, slots.get("owner"))
    if isinstance(slots.get(NAMESAKES), str):  # "looks like kai brandt got entered twice"
        return _look_alikes(ctx, slots[NAMESAKES])
    if slots.get(NAMESAKES):  # "any duplicate customers?", "any duplicate leads?"
        return _namesakes(ctx, book, slots.get("stage"))
    criteria = selection(ctx, slots, book=book)
    snap = snapshot(ctx, only=segments.narrowing(criteria, today=ctx.today))
    found = without_excluded(ctx, segments.find(ctx.session, snap, criteria), slots)
    described = describe(criteria, slots, book=book)
    money = money_of(ctx)
    why = partial(segments.reason, criteria=criteria, money=money)
    ranked = criteria.sort
    if period := slots.get("period"):  # "top 5 customers by revenue this year"
        found, why = _by_sales_in(ctx, found, period, money)
        ranked = f"sales {reports.period_label(period)}"
        described += f", bought {reports.period_label(period)}"
    if found.empty:
        return Reply(
            f"{lead}{_unplaced(parsed.unread)}None of {book.possessive} customers match: "
            f"{described}."
        )
    limit = min(checks.whole(slots.get("limit", DEFAULT_ROWS), what="limit"), MAX_ROWS)
    owners = staff_names(ctx.session)
    rows = [
        {
            "#": str(customer_id),
            "Customer": display_name(row, customer_id),
            "Owner": owners.get(row["owner_id"], "") if pd.notna(row["owner_id"]) else "",
            "Why": why(row),
        }
        for customer_id, row in found.head(limit).iterrows()
    ]
    ctx.shown = [int(i) for i in found.head(limit).index]
    count = len(found)
    shown = f"; the first {len(rows)} by {ranked}" if count > len(rows) else ""
    name = f"customers-{slots.get('segment', 'list')}-{ctx.today.isoformat()}.csv"
    ctx.record_export(
        "segment.export",
        f"a CSV of {count:,} customers: {described}"[:500],
        after={"customers": [int(i) for i in found.index]},
    )
    matches = "matches" if count == 1 else "match"
    told = found.head(limit) if "limit" in slots else found  # "top 5 …": those five
    per_owner = _per_owner(told, owners, asked=bool(slots.get(PER_OWNER))) if book.team else ""
    return Reply(
        text=lead
        + _unplaced(parsed.unread)
        + f"{count:,} of {book.possessive} customers {matches}: {described}{shown}."
        + _worth(told, money, of=count)
        + per_owner,
        rows=rows,
        files=[
            File(
                name,
                "text/csv",
                segments.to_csv(found, owners=owners, currency=ctx.settings.currency),
            )
        ],
        buttons=[Button(f"Next for #{i}", f"next action for #{i}") for i in found.index[:3]],
        note="Figures as of today; every match is in the CSV.",
    )


def _worth(told: pd.DataFrame, money: Callable[[object], str], *, of: int) -> str:
    """What the customers told of (all `of` found, or the top few asked for) have spent to date,
    together: "how much have they spent in total" is answered by the list."""
    from crm_store.analytics import cents_to_money

    total = told["value"].fillna(0).sum()
    if len(told) < 2 or not total:
        return ""
    spent = money(cents_to_money(total))
    who = "Together they" if len(told) == of else f"These {len(told)}"
    return f" {who} spent {spent} to date."


def _namesakes(ctx: Context, book: Book, stage: str | None = None) -> Reply:
    """Customers who share a name with another: possibly one customer entered twice."""
    from crm_store.search import namesakes

    groups = namesakes(ctx.session, book.owner_id, stage)
    if not groups:
        among = f" at stage {stage}" if stage else ""
        return Reply(f"No two of {book.possessive} customers share a name{among}.")
    rows = _side_by_side(ctx, [customer for group in groups for customer in group])
    return Reply(
        text=f"{len(groups)} name{' is' if len(groups) == 1 else 's are'} shared by more than one "
        f"customer ({len(rows)} customers). {_BEFORE_DELETING}",
        rows=rows,
    )


_BEFORE_DELETING = (
    "Check whether each is one person entered twice before deleting one: what was logged on it "
    "stays with it."
)


def _look_alikes(ctx: Context, named: str) -> Reply:
    """The customers whose names look like the one said ("kai brandt", "K. Brandt"), side by
    side, for someone to tell whether one person was entered twice."""
    from crm_store.search import find_customers, looks_like

    found = (m.customer for m in find_customers(ctx.session, named, limit=10))
    alike = [c for c in found if looks_like(named, c.name or c.company or "")]
    if not alike:
        return Reply(f"No customer looks like “{named}”.")
    if len(alike) == 1:
        return Reply(
            f"Only one customer looks like “{named}”: {alike[0].display_name} (#{alike[0].id})."
        )
    rows = _side_by_side(ctx, alike)
    return Reply(text=f"{len(rows)} customers look like “{named}”. {_BEFORE_DELETING}", rows=rows)


def _side_by_side(ctx: Context, customers: list[Customer]) -> list[dict[str, str]]:
    """Customers as rows to compare, each with what tells one record from another."""
    owners = staff_names(ctx.session)
    ctx.shown = [customer.id for customer in customers]
    return [
        {
            "#": str(customer.id),
            "Customer": customer.display_name,
            "Owner": owners.get(customer.owner_id, "") if customer.owner_id else "",
            "Stage": customer.stage,
            "City": customer.city or "",
            "E-mail": customer.email or "",
            "Phone": customer.phone or "",
            "Added": format.day(customer.created_at.date(), today=ctx.today),
        }
        for customer in customers
    ]


def _book_of_customers(ctx: Context, owner: object) -> tuple[Book, str]:
    """The book asked for, and a sentence when it is not the one named: a manager who owns no
    customers asking for "my top customers" means the team's."""
    book = whose_book(ctx, owner)
    if book.owner_id != ctx.staff.id or not ctx.is_manager:
        return book, ""
    owns = ctx.session.exec(select(Customer.id).where(Customer.owner_id == ctx.staff.id).limit(1))
    if owns.first() is not None:
        return book, ""
    return TEAM_BOOK, "You own no customers yourself, so these are the team's. "


def _by_sales_in(
    ctx: Context, found: pd.DataFrame, period: str, money: Callable[[object], str]
) -> tuple[pd.DataFrame, Callable[[pd.Series], str]]:
    """The customers found who bought in the period, most first, each with what they spent."""
    from crm_store import reports

    sold = reports.sales_by_customer(ctx.session, period, ctx.today, currency=ctx.settings.currency)
    bought = found[found.index.isin(list(sold))]
    order = sorted(bought.index, key=lambda i: (-sold[i], i))
    label = reports.period_label(period)
    return bought.loc[order], lambda row: f"{money(sold[row.name])} {label}"


def _unplaced(unread: tuple[str, ...]) -> str:
    """Words that chose no one are said, so a list wider than asked is never taken for it."""
    if not unread:
        return ""
    said = ", ".join(f"“{words}”" for words in unread)
    return f"No city, tag or interest is called {said}, so I left that out. "


def _per_owner(found, owners: dict[int, str], *, asked: bool) -> str:
    """A team's list also says how it splits between the reps, when it does or when that was
    asked ("vip customers per rep?")."""
    counts = found["owner_id"].fillna(0).astype(int).value_counts()
    if len(counts) < (1 if asked else 2):
        return ""
    split = ", ".join(f"{owners.get(i, 'no owner')} {n:,}" for i, n in counts.items())
    return f" By owner: {split}."


PER_OWNER = "per_owner"  # a list asked as a count per rep (not in the contract's frame)
HANDED_OVER_DAYS = 7  # "the ones I just got from Sam": handed over this past week
SELECTION = (
    CUSTOMERS,  # named one by one: "move anna, léa and omar to proposal"
    "segment",
    "no_purchase_days",
    BOUGHT_DAYS,
    "no_contact_days",
    CONTACTED_DAYS,
    ADDED,
    "never_contacted",
    NEVER_PURCHASED,
    "no_stage_change_days",
    "city",
    "tag",
    NOT_TAG,
    "interest",
    BOUGHT,
    NOT_BOUGHT,
    "owner",
    "stage",
    "min_value",
    "max_value",
    CAME_FROM,
    EXCLUDING,  # "set them all to lost" after a list that left some out: still left out
)


def selection_of(slots: dict) -> dict:
    """The selection slots a message filled: which customers a list or a change is about."""
    return {k: v for k, v in slots.items() if k in SELECTION and v not in (None, "")}


def selection(ctx: Context, slots: dict, *, book: Book | None = None) -> segments.Criteria:
    """The customers the selection slots of `segment.list` describe, as search criteria.

    A segment list covers one `book`; without it (bulk changes) the owner slot narrows the
    selection, and permissions are checked on the customers selected."""
    from crm_store import segments

    owner_id = None
    if book is not None:
        owner_id = book.owner_id
    elif slots.get("owner"):
        typed = " ".join(str(slots["owner"]).split())
        mine = typed.casefold() in ME
        if typed.casefold() not in TEAM:
            owner_id = ctx.staff.id if mine else resolve_staff(ctx, typed).id
    segment, stage = slots.get("segment"), slots.get("stage")
    if segment is not None and segment not in segments.ALL_SEGMENTS:
        if (as_stage := ctx.settings.pipeline.read(segment)) is not None:
            segment, stage = None, stage or as_stage
    if isinstance(stage, list):  # "leads and proposals"
        stage = tuple(dict.fromkeys(stage_named(ctx, each) for each in stage))
    elif stage is not None:
        stage = stage_named(ctx, stage)
    try:
        min_value = Decimal(str(slots["min_value"])) if "min_value" in slots else None
        max_value = Decimal(str(slots["max_value"])) if "max_value" in slots else None
        return segments.Criteria(
            segment=segment,
            no_purchase_days=_whole(slots.get("no_purchase_days")),
            bought_days=_whole(slots.get(BOUGHT_DAYS)),
            no_contact_days=_whole(slots.get("no_contact_days")),
            contacted_days=_whole(slots.get(CONTACTED_DAYS)),
            added_since=_day(slots.get(ADDED), "since"),
            added_before=_day(slots.get(ADDED), "before"),
            never_contacted=bool(slots.get("never_contacted")),
            never_purchased=bool(slots.get(NEVER_PURCHASED)),
            no_stage_change_days=_whole(slots.get("no_stage_change_days")),
            city=slots.get("city"),
            tag=slots.get("tag"),
            not_tag=slots.get(NOT_TAG),
            interest=slots.get("interest"),
            bought=_products(ctx, slots.get(BOUGHT)),
            never_bought=_products(ctx, slots.get(NOT_BOUGHT)),
            owner_id=owner_id,
            stage=stage,
            min_value=min_value,
            max_value=max_value,
            sort=slots.get("sort", "value"),
            among=_handed_over(ctx, slots.get(CAME_FROM), to_id=owner_id),
        )
    except (ValueError, InvalidOperation) as error:
        known = ", ".join((*segments.ALL_SEGMENTS, *ctx.settings.pipeline.stages))
        raise UserError(f"I can't search for that ({error}). Segments I know: {known}.") from None


def _products(ctx: Context, said: object) -> tuple[str, ...]:
    """The products a selection names ("who bought CRM"); words that name none are refused rather
    than read as a list of nobody."""
    from crm_store import segments

    if not said:
        return ()
    if named := segments.products_named(ctx.session, str(said)):
        return named
    raise UserError(f"No product I know is called “{said}”, so I can't tell who bought it.")


def _handed_over(ctx: Context, came: dict | None, *, to_id: int | None) -> frozenset[int] | None:
    """ "the ones I got from Sam this week": customers whose owner was changed to this book."""
    from crm_store import audit

    if not came:
        return None
    from_id = resolve_staff(ctx, came["from"]).id if came.get("from") else None
    first_day = ctx.today - timedelta(days=came.get("days", HANDED_OVER_DAYS))
    since = datetime.combine(first_day, time(), ctx.tz)
    handed = audit.handed_over(ctx.session, to_id=to_id, since=since, from_id=from_id)
    return frozenset(handed)


def without_excluded(ctx: Context, found: pd.DataFrame, slots: dict) -> pd.DataFrame:
    """The customers found, less those an exclusion names (`excluded`)."""
    left_out = slots.get(EXCLUDING)
    if not left_out:
        return found
    ids = excluded(ctx, left_out, set(found.index))
    return found[~found.index.isin(ids)]


def excluded(ctx: Context, left_out: dict, listed: set[int]) -> set[int]:
    """Which of the customers listed an exclusion names: customers named one by one (each must be
    exactly one of them) or a selection of their own. Naming none of them is refused, so a
    change is never made wider than meant."""
    from crm_store import segments

    ids = set()
    for name in left_out.get(CUSTOMERS) or ():
        if (customer := resolve_among(ctx, name, listed)) is None:
            raise _not_in_the_list(name)
        ids.add(customer.id)
    if said := {k: v for k, v in left_out.items() if k not in ("said", CUSTOMERS)}:
        criteria = selection(ctx, said)  # "the austin ones" too, beside anyone named
        ids |= set(segments.find(ctx.session, snapshot(ctx), criteria).index) & listed
    if not ids and not _IF_ANY.match(str(left_out.get("said", ""))):
        raise _not_in_the_list(left_out.get("said"))
    return ids  # "except anyone tagged vip" when none is: no one left out


_IF_ANY = re.compile(r"\s*(?:any|anyone|anybody|whoever|those who|any of them|ones? that)\b", re.I)


def _not_in_the_list(said: object) -> UserError:
    return UserError(
        f"None of these customers is “{said}”, so I can't leave them out; say it with a name, "
        "#id, city, stage or tag. Nothing was changed."
    )


def _whole(value) -> int | None:
    return None if value is None else int(value)


def _day(span: dict | None, edge: str) -> date | None:
    return date.fromisoformat(span[edge]) if span and span.get(edge) else None


def describe(criteria: segments.Criteria, slots: dict, *, book: Book | None = None) -> str:
    """The selection in words: "lead, interested in hardware, owned by Dana" (a list that says
    whose book it covers leaves the owner out)."""
    parts = []
    if criteria.segment:
        parts.append(criteria.segment.replace("_", " "))
    if criteria.stage:
        parts.append(" or ".join(criteria.stages))
    if criteria.interest:
        parts.append(f"interested in {criteria.interest}")
    if criteria.bought:
        parts.append(f"bought {slots[BOUGHT]}")
    if criteria.never_bought:
        parts.append(f"never bought {slots[NOT_BOUGHT]}")
    if criteria.never_purchased:
        parts.append("never bought anything")
    if criteria.no_purchase_days is not None:
        parts.append(f"no purchase for {criteria.no_purchase_days}+ days")
    if criteria.bought_days is not None:
        parts.append(f"bought in the last {criteria.bought_days} days")
    if criteria.no_contact_days is not None:
        parts.append(f"no contact for {criteria.no_contact_days}+ days")
    if criteria.contacted_days is not None:
        parts.append(f"contacted in the last {criteria.contacted_days} days")
    if criteria.never_contacted:
        parts.append("never contacted")
    if criteria.added_since is not None:
        parts.append(f"added since {criteria.added_since:%-d %b %Y}")
    if criteria.added_before is not None:
        parts.append(f"added before {criteria.added_before:%-d %b %Y}")
    if criteria.no_stage_change_days is not None:
        parts.append(f"no stage change for {criteria.no_stage_change_days}+ days")
    if criteria.city:
        parts.append(f"in {criteria.city}")
    if criteria.tag:
        parts.append(f"tagged {criteria.tag}")
    if criteria.not_tag:
        parts.append(f"not tagged {criteria.not_tag}")
    if criteria.owner_id is not None and book is None:
        parts.append(f"owned by {slots.get('owner', 'you')}")
    if criteria.min_value is not None:
        parts.append(f"worth at least {criteria.min_value:,}")
    if criteria.max_value is not None:
        parts.append(f"worth less than {criteria.max_value:,}")
    if came := slots.get(CAME_FROM):
        days = came.get("days", HANDED_OVER_DAYS)
        when = "today" if days == 0 else f"in the last {days} days"
        parts.append(f"handed over{' from ' + came['from'] if came.get('from') else ''} {when}")
    if said := (slots.get(EXCLUDING) or {}).get("said"):
        parts.append(f"except {said}")
    return ", ".join(parts) or "all customers"


@handles("next_action.suggest")
def suggest_next(parsed: Parsed, ctx: Context) -> Reply:
    """What to do next — “what should I do with Acme?”, “next best actions”."""
    from crm_store import recommend

    if parsed.slots.get("customer"):
        customer = resolve_customer(ctx, parsed.slots["customer"], read=True)
        found = suggestions_for(ctx, customer)
        if not found:
            return Reply(
                f"Nothing pressing for {customer.display_name}: no overdue follow-up, no risk "
                "signal, and nothing they are likely to buy next."
            )
        rows = [{"Do": KINDS[s.kind], "Priority": s.priority, "Why": s.reason} for s in found]
        return Reply(
            title=f"Next for {customer.display_name}",
            rows=rows,
            buttons=[b for s in found[:BUTTONED] for b in action_buttons(s)],
        )
    shelf = recommend.baskets(ctx.session, today=ctx.today)
    money = money_of(ctx)
    book = whose_book(ctx, parsed.slots.get("owner"))
    only = None if book.team else select(Customer.id).where(Customer.owner_id == book.owner_id)
    snap = snapshot(ctx, only=only)
    frame = snap.customers
    mine = frame if book.team else frame[frame["owner_id"] == book.owner_id]
    whose = f"{book.possessive} customers"
    if set(selection_of(parsed.slots)) - {"owner"}:  # "next best actions for the vip customers"
        from crm_store import segments

        criteria = selection(ctx, parsed.slots, book=book)
        mine = mine[mine.index.isin(segments.find(ctx.session, snap, criteria).index)]
        whose = f"{whose} ({describe(criteria, parsed.slots, book=book)})"
    found = recommend.suggest(
        ctx.session,
        snap,
        shelf,
        customer_ids=mine.index,
        money=money,
        per_customer=1,
        limit=min(checks.whole(parsed.slots.get("limit", DEFAULT_ROWS), what="limit"), MAX_ROWS),
    )
    if not found:
        return Reply(f"Nothing pressing across {whose} today.")
    names = _names(ctx, [s.customer_id for s in found])
    ctx.listed = ctx.shown = list(dict.fromkeys(s.customer_id for s in found))
    rows = [
        {
            "#": str(s.customer_id),
            "Customer": names[s.customer_id],
            "Do": KINDS[s.kind],
            "Priority": s.priority,
            "Why": s.reason,
        }
        for s in found
    ]
    return Reply(
        text=f"The {len(rows)} most useful things to do across {whose}:",
        rows=rows,
        buttons=[b for s in found[:BUTTONED] for b in action_buttons(s)],
    )


def suggestions_for(ctx: Context, customer: Customer) -> list[recommend.Suggestion]:
    """What to do next with one customer, likeliest to pay off first."""
    from crm_store import recommend

    shelf = recommend.baskets(ctx.session, today=ctx.today)
    snap = snapshot(ctx, only=select(Customer.id).where(Customer.id == customer.id))
    return recommend.suggest(
        ctx.session, snap, shelf, customer_ids=[customer.id], money=money_of(ctx)
    )


def action_buttons(suggestion: recommend.Suggestion) -> list[Button]:
    """Log it as done, or make it a task: plain commands the bot understands (under 64 bytes)."""
    who = f"#{suggestion.customer_id}"
    done = f"log {suggestion.channel} with {who} re: {suggestion.topic}"
    later = f"remind me to {suggestion.channel} {who} about {suggestion.topic} tomorrow"
    if suggestion.task_id is not None:
        return [Button(f"Done: task #{suggestion.task_id}", f"done {suggestion.task_id}")]
    return [
        Button(f"Done: {suggestion.topic} {who}", done, "primary"),
        Button(f"Task: {suggestion.topic} {who}", later),
    ]


def _names(ctx: Context, ids: list[int]) -> dict[int, str]:
    found = ctx.session.exec(select(Customer).where(Customer.id.in_(ids))).all()
    return {c.id: c.display_name for c in found}


def _figure(report: reports.Report, shown: Callable[[object], str], today: date) -> str:
    """'$1,200 (1 Nov – 30 Nov)', or the NPS and how many answers it rests on."""
    start, end = (format.day(d, today=today) for d in (report.start, report.end))
    if report.to_date:
        return f"{shown(report.total)} (to date)"
    if report.metric == "nps":
        answers = f"{report.answers:,} answer{'' if report.answers == 1 else 's'}"
        return f"NPS {shown(report.total)} from {answers} ({start} – {end})"
    return f"{shown(report.total)} ({start} – {end})"


def _change(metric: str, now: Decimal | int, before: Decimal | int) -> str:
    """'+25%', '−10%', 'no change', 'new' when there was nothing before; NPS in points."""
    if now == before:
        return "no change"
    if metric == "nps":
        return f"{now - before:+d} points".replace("-", "−")
    if not before:
        return "new"
    return f"{round((now - before) * 100 / abs(before)):+d}%".replace("-", "−")


@handles("report.show")
def show_report(parsed: Parsed, ctx: Context) -> Reply:
    """Figures and charts — “revenue by month this year”, “win rate this quarter by rep”."""
    from crm_store import reports

    slots = parsed.slots
    group_by = slots.get("group_by")
    if group_by == "owner" and slots.get("metric") == "customers" and _to_date(slots):
        return _team(ctx)
    book = whose_book(ctx, slots.get("owner"))
    if slots.get(CLOSED):  # "whats our win rate this quarter", "deals lost this month by rep"
        book, whose = _book_of_customers(ctx, slots.get("owner"))
        shown = closed_deals(
            ctx,
            book,
            slots.get("period"),
            per_rep=group_by == "owner",
            compare=bool(slots.get("compare")),
        )
        return replace(shown, text=f"{whose}{shown.text}") if whose else shown
    if slots.get(FORECAST):  # a manager who owns no customers asks for the team's
        book = _book_of_customers(ctx, slots.get("owner"))[0]
        return _forecast(ctx, book, slots.get("period"))
    if (
        group_by in reports.LABELLINGS
    ):  # "show my pipeline" from a manager who owns none: the team's
        book, whose = _book_of_customers(ctx, slots.get("owner"))
        shown = _labels(ctx, group_by, book)
        return replace(shown, text=f"{whose}{shown.text}") if whose else shown
    if (
        group_by == "owner"
        and book.team
        and "compare" not in slots
        and (
            slots.get(REPS)
            or not slots.keys() & {"metric", "channel"}
            or len(set(_FIGURES_NAMED.findall(ctx.message.text.lower()))) > 1
        )
    ):  # "compare sam and maria: calls and revenue", "the team today - calls, meetings, sales"
        return _scorecard(ctx, slots.get("period", "this_month"), reps=slots.get(REPS))
    if slots.get("chart") and not group_by and slots.get("period") not in ("today", "yesterday"):
        short = slots.get("period") in ("this_week", "last_week", "this_month", "last_month")
        group_by = "day" if short else "month"
    wanted = {
        "metric": slots.get("metric", "revenue"),
        "period": slots.get("period"),
        "group_by": group_by,
        "today": ctx.today,
        "tz": ctx.tz,
        "currency": ctx.settings.currency,
        "owner_id": book.owner_id,
        "channel": slots.get("channel"),
    }
    if slots.get(AVERAGE):  # "average order value per rep, last 30 days"
        return average_order(ctx, wanted, book)
    try:
        report = reports.build(ctx.session, **wanted)
        earlier = None
        if slots.get("compare"):  # with the period before, or the same one a year before
            a_year = bool(slots.get(A_YEAR_BEFORE))
            earlier = reports.build(ctx.session, **wanted, before=True, a_year_before=a_year)
    except reports.ReportError as error:
        raise UserError(str(error)) from None
    if (reps := slots.get(REPS)) and report.group_by == "owner" and report.metric != "nps":
        # "compare sam and jordan revenue this quarter vs last": theirs, added up
        report = _only_reps(report, reps)
        earlier = _only_reps(earlier, reps) if earlier is not None else None
    show = money_of(ctx)

    def shown(value) -> str:
        if report.metric == "revenue":
            return show(value)
        return f"{value:+d}" if report.metric == "nps" else f"{value:,}"

    heading = (report.group_by or "period").capitalize()
    label = report.label
    total = f"{'' if report.metric == 'nps' else 'Total '}{_figure(report, shown, ctx.today)}."
    if report.elsewhere:
        others = ", ".join(format.money(v, code) for code, v in report.elsewhere.items())
        total += f" Sales in other currencies are not in this total: {others}."
    if earlier is not None:
        change = _change(report.metric, report.total, earlier.total)
        total += f" Before: {_figure(earlier, shown, ctx.today)}, {change}."
    if report.group_by is None:  # one figure: the sales or contacts behind it, if not compared
        rows, more = _entries(ctx, report, book) if earlier is None else ([], "")
        total += more
    elif earlier is not None and not report.over_time:  # per rep, product…: each beside its before
        now, before = dict(report.rows), dict(earlier.rows)
        gone = [key for key, _ in earlier.rows if key not in now]  # nothing this time
        rows = [
            {
                heading: key,
                label: shown(now.get(key, 0)),
                "Before": shown(before.get(key, 0)),
                "Change": _change(report.metric, now.get(key, 0), before.get(key, 0)),
            }
            for key in [*now, *gone]
        ]
    else:
        rows = [{heading: key, label: shown(v)} for key, v in report.rows]
    files = []
    if report.group_by and (slots.get("chart") or report.over_time):
        png = reports.chart_png(report, money_format=show)
        files.append(File(f"{report.metric}-{report.period}.png", "image/png", png))
    return Reply(
        title=f"{report.title[0].upper()}{report.title[1:]} — {_covered(report, book)}",
        text=total,
        rows=rows,
        files=files,
    )


ENTRIES_SHOWN = 10


def _entries(ctx: Context, report: reports.Report, book: Book) -> tuple[list[dict], str]:
    """The sales or contacts behind a period's figure, newest first, so "jordan's calls this week"
    shows the calls; and a sentence when there are more than are shown."""
    from crm_store import reports

    found, count = reports.entries(
        ctx.session, report, tz=ctx.tz, owner_id=book.owner_id, limit=ENTRIES_SHOWN
    )
    rows = []
    for entry in found:
        if isinstance(entry.when, datetime):
            when = format.moment(entry.when, tz=ctx.tz, today=ctx.today)
        else:  # a day: an NPS answer's
            when = format.day(entry.when, today=ctx.today)
        if entry.amount is None:
            what = f"{entry.kind}: {entry.summary}" if entry.summary else entry.kind
        else:
            sold = format.money(entry.amount, entry.currency)
            what = f"{entry.quantity} × {entry.kind}, {sold}"
        customer = f"{entry.customer} (#{entry.customer_id})"
        whose = "Owner" if report.metric == "customers" else "By"  # a customer added: whose now
        rows.append({"When": when, "Customer": customer, "What": what, whose: entry.by or "—"})
    more = f" The {ENTRIES_SHOWN} latest of {count:,}:" if count > len(found) else ""
    return rows, more


def _forecast(ctx: Context, book: Book, period: str | None = None) -> Reply:
    """ "forecast for the team", "what's sam's book forecast to bring in": each buyer's forecast
    (orders and value over the store's horizon, or to the end of the period asked: "this
    quarter's forecast") added up, and the customers who carry most."""
    from crm_store import analytics, reports

    only = None if book.team else select(Customer.id).where(Customer.owner_id == book.owner_id)
    found = snapshot(ctx, only=only).customers
    if not book.team:
        found = found[found["owner_id"] == book.owner_id]
    currency = ctx.settings.currency
    window = reports.forecast_window(period, ctx.today) if period else None
    if period and window is None:
        raise UserError(
            "A forecast looks ahead: ask for this month, this quarter or this year, next quarter "
            "or next year (or the next 12 months); what was sold then is “revenue "
            + period.replace("_", " ")
            + "”."
        )
    if window is not None:  # "forecast for the rest of december", "… for next quarter"
        start, until = window
        ahead = analytics.forecast_until(
            ctx.session, today=ctx.today, until=until, currency=currency, only=only, start=start
        )
        found = found.drop(columns=["predicted", "expected_orders", "p_alive"]).join(ahead)
        found["predicted"] = found["expected_value"].fillna(0)
        if ".." in period:  # a span still to come
            span = (
                f"from {format.day(start, today=ctx.today)} to {format.day(until, today=ctx.today)}"
            )
            heading = span
        else:
            span = f"to {format.day(until, today=ctx.today)}"
            heading = f"the rest of {period.replace('_', ' ')} ({span})"
    else:
        horizon = analytics.forecast_horizon(ctx.session, today=ctx.today, currency=currency)
        span = f"over the next {round(horizon / 30.4)} months"
        heading = span.removeprefix("over the ")
    buyers = found[found["orders"] > 0].sort_values("predicted", ascending=False)
    if buyers.empty:
        return Reply(f"None of {book.possessive} customers has bought yet: no forecast to add up.")
    worth = format.about_money(float(buyers["predicted"].sum()) / 100, currency)
    orders = float(buyers["expected_orders"].fillna(0).sum())
    alive = buyers["p_alive"].dropna()
    text = f"≈ {worth} from ≈ {orders:,.0f} orders {span}"
    if len(alive):
        text += f"; {int((alive >= 0.5).sum()):,} of {len(buyers):,} buyers are likely still buying"
    owners = staff_names(ctx.session)
    if book.team:  # "forecast by rep": each owner's share of it
        shares = buyers.groupby("owner_id", dropna=False)["predicted"].sum()
        text += ". By owner: " + ", ".join(
            f"{owners.get(owner, 'no owner')} ≈ {format.about_money(float(cents) / 100, currency)}"
            for owner, cents in shares.sort_values(ascending=False).items()
        )
    text += (
        f". Each customer's forecast is from their own orders (the store's buying model); "
        f"the {min(DEFAULT_ROWS, len(buyers))} who bring most:"
    )
    rows = []
    for customer_id, row in buyers.head(DEFAULT_ROWS).iterrows():
        shown = {"#": str(customer_id), "Customer": display_name(row, customer_id)}
        if book.team:
            shown["Owner"] = owners.get(row["owner_id"], "No owner")
        expected = row["expected_orders"]
        shown["Expected"] = format.about_money(float(row["predicted"]) / 100, currency)
        shown["Orders"] = f"{float(expected):.1f}" if expected == expected else ""  # NaN: none
        if row["p_alive"] == row["p_alive"]:  # not NaN: the model says how likely
            shown["Still buying"] = format.chance(row["p_alive"])
        rows.append(shown)
    title = f"Forecast, {heading} — {book.possessive} customers"
    return Reply(title=title, text=text, rows=rows)


# the figures of a rep's card a message may name: several of them ask for the card
_FIGURES_NAMED = re.compile(r"\b(call|meeting|sale|revenue|order|contact|new customer|task)s?\b")


def _scorecard(ctx: Context, period: str, *, reps: list[str] | None = None) -> Reply:
    """ "How are the reps doing": each rep's period figures and today's tasks, side by side;
    "compare sam and jordan": just theirs."""
    from crm_store import reports, scorecard

    card = scorecard.team(
        ctx.session, period=period, today=ctx.today, tz=ctx.tz, currency=ctx.settings.currency
    )
    lines = card.lines
    if reps:
        lines = [line for line in lines if _named(line.name, reps)]
    money = money_of(ctx)
    rows = [
        {
            "Rep": line.name,
            "Revenue": money(line.revenue),
            "Orders": f"{line.orders:,}",
            "New customers": f"{line.new_customers:,}",
            "Contacts": f"{line.contacts:,}",
            "Calls": f"{line.calls:,}",
            "Meetings": f"{line.meetings:,}",
            "Open tasks": f"{line.open_tasks:,}",
            "Overdue": f"{line.overdue_tasks:,}",
        }
        for line in lines
    ]
    start, end = (format.day(d, today=ctx.today) for d in (card.start, card.end))
    return Reply(
        title=f"The team, {reports.period_label(card.period)} ({start} – {end})",
        text="Ranked by revenue; contacts are the ones each rep made; tasks as they stand today.",
        rows=rows,
    )


def _to_date(slots: dict) -> bool:
    """Customers per owner with no period ("in total" is none), comparison or chart: who is on the
    team now."""
    return slots.get("period") in (None, "to_date") and not slots.keys() & {
        "compare",
        "chart",
        "channel",
        REPS,
    }


def _team(ctx: Context) -> Reply:
    """ "Who's on the team", "customers per rep": everyone with their role, and for a manager
    each one's book and tasks (a rep sees who their colleagues are, not their books)."""
    from crm_store import scorecard

    members = scorecard.roster(ctx.session, today=ctx.today)
    people = f"{len(members)} {'person' if len(members) == 1 else 'people'}"
    if not ctx.is_manager:
        rows = [{"Name": m.name, "Role": m.role, "Time zone": m.tz} for m in members]
        return Reply(title=f"The team — {people}", text="", rows=rows)
    rows = [
        {
            "Name": member.name,
            "Role": member.role,
            "Customers": f"{member.customers:,}",
            "Open tasks": f"{member.open_tasks:,}",
            "Overdue": f"{member.overdue_tasks:,}",
            "Time zone": member.tz,
        }
        for member in members
    ]
    customers = sum(member.customers for member in members)
    return Reply(
        title=f"The team — {people}",
        text=f"{customers:,} customers in all, by who owns them; tasks as they stand today.",
        rows=rows,
    )


def _only_reps(report: reports.Report, reps: list[str]) -> reports.Report:
    """A report per rep cut to the reps named, its total theirs."""
    rows = [row for row in report.rows if _named(row[0], reps)]
    return replace(report, rows=rows, total=sum((value for _, value in rows), type(report.total)()))


def _named(rep: str, said: list[str]) -> bool:
    """Whether a rep is one of those named, by whole name or first name ("sam", "Sam Patel")."""
    wanted = {name.casefold() for name in said}
    return bool(wanted & {rep.casefold(), _first_name(rep)})


def _first_name(name: str) -> str:
    return name.split()[0].casefold() if name.split() else ""


def _covered(report: reports.Report, book: Book) -> str:
    """Whose figures: a rep's contacts are the ones they made, their sales their customers'."""
    return (
        f"made by {book.who}" if report.metric == "interactions" else f"{book.possessive} customers"
    )


def _labels(ctx: Context, kind: str, book: Book) -> Reply:
    """ "What tags do we use?", "customers by stage": every tag, interest or pipeline stage in the
    book, with its customers (stages in pipeline order, the empty ones too)."""
    from crm_store import reports

    used = reports.labels_in_use(ctx.session, kind, owner_id=book.owner_id)
    plural = {"interest": "interests", "tag": "tags", "stage": "stages"}[kind]
    if kind == "stage":
        counts = dict(used)
        used = [(stage, counts.pop(stage, 0)) for stage in ctx.settings.pipeline.stages]
        used += sorted(counts.items())  # a stage no longer configured, still on some customers
        total = sum(count for _, count in used)
        text = f"{total:,} customers across the pipeline."
    else:
        text = f"{len(used):,} {plural}; a customer counts once under each of theirs."
    if not used:
        return Reply(f"None of {book.possessive} customers has any {plural} yet.")
    rows = [{kind.capitalize(): name, "Customers": f"{count:,}"} for name, count in used]
    if kind == "stage":  # "what's the pipeline worth": what each stage's customers bring
        worth = reports.stage_worth(ctx.session, owner_id=book.owner_id)
        money = ctx.settings.currency
        for row in rows:
            spent, due = worth.get(row["Stage"], (0, 0))
            row["Spent to date"] = format.money(Decimal(spent) / 100, money)
            row["Forecast"] = format.money(Decimal(due) / 100, money)
        text += " Deals carry no amount, so a stage is worth what its customers have spent and "
        text += "are forecast to spend over the next year."
    if kind == "stage" and book.team:  # a team's pipeline, split by rep
        split = reports.stages_by_owner(ctx.session)
        owners = staff_names(ctx.session)
        reps = sorted({o for _, o in split}, key=lambda o: owners.get(o, "~"))
        for row in rows:
            for rep in reps:
                row[owners.get(rep, "No owner")] = f"{split.get((row['Stage'], rep), 0):,}"
    return Reply(title=f"{plural.capitalize()} — {book.possessive} customers", text=text, rows=rows)
