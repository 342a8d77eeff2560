"""The answer to "average order value per rep, last 30 days": what the sales in a period came
to per order, overall or for each rep, product, month…"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bot import format
from bot.books import Book
from bot.context import Context, UserError
from bot.messages import Reply
from crm_store import reports


def average_order(ctx: Context, wanted: dict[str, Any], book: Book) -> Reply:
    """`wanted`: the report's arguments, as for `reports.build`."""
    try:
        sales = reports.build(ctx.session, **{**wanted, "metric": "revenue"})
        orders = reports.build(ctx.session, **{**wanted, "metric": "purchases"})
    except reports.ReportError as error:
        raise UserError(str(error)) from None

    def money(amount: Decimal | int) -> str:
        return format.money(amount, ctx.settings.currency)

    grouped = f" by {sales.group_by}" if sales.group_by else ""
    title = (
        f"Average order value{grouped}, {reports.period_label(sales.period)} — "
        f"{book.possessive} customers"
    )
    if not orders.total:
        return Reply(f"No orders {reports.period_label(sales.period)}, so no average to show.")
    text = (
        f"{money(_per_order(sales.total, orders.total))} per order: {money(sales.total)} over "
        f"{orders.total:,} order{'' if orders.total == 1 else 's'}."
    )
    if sales.group_by is None:
        return Reply(title=title, text=text)
    counted = dict(orders.rows)
    heading = sales.group_by.capitalize()
    rows = [
        {
            heading: key,
            "Average order": money(_per_order(total, counted[key])) if counted.get(key) else "–",
            "Orders": f"{counted.get(key, 0):,}",
            "Revenue": money(total),
        }
        for key, total in sales.rows
    ]
    return Reply(title=title, text=text, rows=rows)


def _per_order(total: Decimal | int, orders: int) -> Decimal:
    return (Decimal(total) / orders).quantize(Decimal("0.01"))
