"""Sales: record what a customer bought."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from sqlmodel import select

from bot import format, permissions
from bot.context import Context, UserError, handles
from bot.messages import Button, Reply
from bot.resolve import resolve_customer
from crm_store.audit import snapshot
from crm_store.models import Product, Purchase
from intents import Parsed


@handles("purchase.log")
def log_purchase(parsed: Parsed, ctx: Context) -> Reply:
    """Record a sale — “sold 20 seats of Pro to Acme for $4,000”."""
    slots = parsed.slots
    product = " ".join(str(slots.get("product", "")).split())
    if not product:
        raise UserError("What was bought? e.g. “Acme bought 3 Pro licences for $1,200”.")
    quantity = int(slots.get("quantity", 1))
    if quantity <= 0:
        raise UserError("The quantity must be at least 1.")
    catalogue = ctx.session.exec(select(Product).where(Product.name.ilike(product))).first()
    amount, currency = _amount(slots, catalogue, quantity, ctx)
    customer = resolve_customer(ctx, slots.get("customer"))
    purchase = Purchase(
        customer_id=customer.id,
        product=catalogue.name if catalogue else product,
        quantity=quantity,
        amount=amount,
        currency=currency,
        purchased_on=ctx.today,
        staff_id=ctx.staff.id,
    )
    ctx.session.add(purchase)
    ctx.audit("purchase.log", purchase, before=None, description=f"sale to {customer.display_name}")
    won = ctx.settings.pipeline.won
    # a sale wins the customer, whatever stage they were at (if the sender may change them)
    if customer.stage != won and permissions.may_change_customer(ctx.staff, customer.owner_id):
        before = snapshot(customer)
        customer.stage, customer.stage_changed_at = won, ctx.now
        ctx.session.add(customer)
        ctx.audit("customer.update", customer, before=before, description=f"stage to {won}")
    return Reply(
        text=f"Recorded {quantity} × {purchase.product} for {customer.display_name}: "
        f"{format.money(amount, currency)}.",
        buttons=[Button("Undo", "undo")],
    )


def _amount(
    slots: dict, catalogue: Product | None, quantity: int, ctx: Context
) -> tuple[Decimal, str]:
    if "amount" in slots:
        try:
            amount = Decimal(str(slots["amount"])).quantize(Decimal("0.01"))
        except InvalidOperation:
            raise UserError(f"I can't read the amount “{slots['amount']}”.") from None
        if amount < 0:
            raise UserError("The amount can't be negative.")
        return amount, str(slots.get("currency", ctx.settings.currency)).upper()
    if catalogue is not None:
        return catalogue.price * quantity, catalogue.currency
    raise UserError("How much was it? e.g. “sold 3 Pro to Acme for $1,200”. Nothing was saved.")
