"""The answer to "whats our win rate this quarter", "how many deals did we lose this month": the
deals won and lost in a period, the team's or one rep's, or each rep's side by side."""

from __future__ import annotations

from datetime import date

from bot import format
from bot.books import Book, staff_names
from bot.context import Context, UserError
from bot.digest_activity import bounds
from bot.messages import Reply
from crm_store import deals, reports

SHOWN = 20  # deals listed, newest first
_COUNTED = "Each customer is counted by the stage they are in now."


def closed_deals(
    ctx: Context, book: Book, period: str | None, *, per_rep: bool, compare: bool = False
) -> Reply:
    """`compare`: beside the period before ("win rate this year vs last year")."""
    period = period or "this_month"
    try:
        first, last = reports.period_bounds(period, ctx.today)
        earlier = reports.previous_bounds(period, ctx.today) if compare else None
    except reports.ReportError as error:
        raise UserError(str(error)) from None
    found = _closed(ctx, book, first, last)
    label, days = reports.period_label(period), _days(first, last, ctx.today)
    when = label if days == label else f"{label} ({days})"
    title = f"Deals won and lost, {when} — {book.possessive} customers"
    before = ""
    if earlier is not None:
        then = _closed(ctx, book, *earlier)
        said = _summary(then) if then.won or then.lost else "none won or lost."
        before = f" Before ({_days(*earlier, ctx.today)}): {said}"
    if not found.won and not found.lost:
        return Reply(f"No deals were won or lost {when} among {book.possessive} customers.{before}")
    names = staff_names(ctx.session)
    if per_rep and book.team:
        text = f"{_summary(found)}{before} {_COUNTED}"
        return Reply(title=title, text=text, rows=_per_rep(found, names))
    rows = [
        {
            "When": format.moment(customer.stage_changed_at, tz=ctx.tz, today=ctx.today),
            "Customer": f"{customer.display_name} (#{customer.id})",
            "Outcome": "won" if customer in found.won else "lost",
            "Owner": names.get(customer.owner_id, "nobody"),
        }
        for customer in sorted(
            found.won + found.lost, key=lambda c: c.stage_changed_at, reverse=True
        )[:SHOWN]
    ]
    closed = len(found.won) + len(found.lost)
    latest = f" The {SHOWN} latest of {closed:,}:" if closed > SHOWN else ""
    return Reply(title=title, text=f"{_summary(found)}{before} {_COUNTED}{latest}", rows=rows)


def _closed(ctx: Context, book: Book, first: date, last: date) -> deals.Closed:
    return deals.closed(
        ctx.session,
        bounds(first, ctx.tz)[0],
        bounds(last, ctx.tz)[1],
        pipeline=ctx.settings.pipeline,
        owner_id=book.owner_id,
    )


def _summary(found: deals.Closed) -> str:
    rate = found.rate
    return f"{len(found.won):,} won, {len(found.lost):,} lost: a win rate of {rate:.0%}."


def _per_rep(found: deals.Closed, names: dict[int, str]) -> list[dict[str, str]]:
    counts: dict[str, list[int]] = {}
    for outcome, customers in ((0, found.won), (1, found.lost)):
        for customer in customers:
            whose = names.get(customer.owner_id, "nobody")
            counts.setdefault(whose, [0, 0])[outcome] += 1
    return [
        {
            "Rep": rep,
            "Won": f"{won:,}",
            "Lost": f"{lost:,}",
            "Win rate": f"{won / (won + lost):.0%}",
        }
        for rep, (won, lost) in sorted(counts.items(), key=lambda item: (-item[1][0], item[0]))
    ]


def _days(first: date, last: date, today: date) -> str:
    start, end = (format.day(d, today=today) for d in (first, last))
    return start if first == last else f"{start} – {end}"
