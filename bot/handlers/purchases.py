"""Sales: record what a customer bought."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from rapidfuzz import fuzz, process
from sqlalchemy import func
from sqlmodel import Session, col, select

from bot import checks, format, permissions
from bot.context import Ask, Context, UserError, handles
from bot.handlers.interactions import contact_beside, move_to_stage
from bot.messages import Button, Reply
from bot.resolve import resolve_customer
from crm_store import normalize
from crm_store.models import Product, Purchase
from intents import ANOTHER_PRODUCT, CONTACT, DISCOUNT, EACH, Parsed
from intents.rules import clean_slots
from intents.values import amount

CLOSE_PRODUCT = 70  # rapidfuzz score from which a known product is offered as "did you mean"
OFFERED = 3
NEW_PRODUCT = "new_product"  # the slot an answer "new" fills: record the name as typed


@handles("purchase.log")
def log_purchase(parsed: Parsed, ctx: Context) -> Reply:
    """Record a sale — “sold 20 seats of Pro to Acme for $4,000”."""
    slots = parsed.slots
    if not " ".join(str(slots.get("product", "")).split()):
        slots = {**slots, "product": _as_before(ctx, slots)}
    typed = checks.text(slots["product"], Purchase, "product", what="product name")
    quantity = checks.whole(slots.get("quantity", 1), what="quantity")
    name, catalogue = sold_as(ctx, typed, new=bool(slots.get(NEW_PRODUCT)))
    second = _second_item(ctx, slots, catalogue)
    said = _first_item_said(ctx.message.text, slots.get(ANOTHER_PRODUCT))
    priced = _AT_A_PRICE.search(said)
    if (
        "amount" in slots
        and quantity > 1
        and not slots.get(EACH)
        and (priced or _AT_WORD.search(said) and not _PRICED_EACH.search(said))
    ):  # "5 support premium @600", "3 analytics pro at 1050": at the catalogue's price each
        price = Decimal(str(slots["amount"]))
        if catalogue is not None:
            if abs(price - catalogue.price) < abs(price - catalogue.price * quantity):
                slots = {**slots, "amount": str(price * quantity)}
        elif priced:  # "@" a product the store doesn't sell is asked about; "at" is as often
            slots = {**slots, EACH: slots["amount"]}  # the price of all ("60 tankards at £2,340")
    if slots.get(EACH):
        raise _each_or_in_all(slots, quantity, ctx)
    amount, currency = _amount(slots, catalogue, quantity, ctx)
    day = sale_day(ctx, slots.get("occurred_on"), unsaid=ctx.today)
    customer = resolve_customer(ctx, slots.get("customer"))
    sales = [_record(ctx, customer, name, quantity, amount, currency, day)]
    if second is not None:  # "bought 2 crm enterprise and 2 training workshops": two sales
        other, how_many, priced = second
        price = _amount(priced, other, how_many, ctx)
        sales.append(_record(ctx, customer, other.name, how_many, *price, day))
    won = ctx.settings.pipeline.won
    # a sale wins the customer, whatever stage they were at (if the sender may change them)
    if customer.stage != won and permissions.may_change_customer(ctx.staff, customer.owner_id):
        move_to_stage(ctx, customer, won)
    items = " and ".join(
        f"{sale.quantity} × {sale.product} ({format.money(sale.amount, sale.currency)})"
        if len(sales) > 1
        else f"{sale.quantity} × {sale.product}"
        for sale in sales
    )
    total = f"{format.money(amount, currency)}" if len(sales) == 1 else "two sales"
    if (off := slots.get(DISCOUNT)) is not None:
        total += f" ({off:g}% off the list price)"
    when = "" if day == ctx.today else f", sold {format.day(day, today=ctx.today)}"
    recorded = f"Recorded {items} for {customer.display_name}: {total}{when}."
    if channel := slots.get(CONTACT):  # "tom from cyberdyne called, … sold 5 crm pro": the call
        summary = "sale: " + ", ".join(f"{sale.quantity} × {sale.product}" for sale in sales)
        recorded = f"{contact_beside(ctx, customer, channel, summary, slots)}\n{recorded}"
    return Reply(text=recorded, buttons=[Button("Undo", "undo")])


def _first_item_said(text: str, another: object) -> str:
    """The words of a sale up to its second product, if it names one (found by its first word,
    as typed: "… at 2200 + onboarding pkg")."""
    item = _ITEM.fullmatch(" ".join(str(another or "").split()))
    first = item["product"].split()[0] if item else ""
    said = list(re.finditer(rf"\b{re.escape(first)}", text, re.I)) if first else []
    at = said[-1].start() if said else -1
    return text[:at] if at > 0 else text


def _each_or_in_all(slots: dict, quantity: int, ctx: Context) -> Ask:
    """ "250 licences at $212,500": the price of each, or of all of them? A large price said with
    "at" is asked about, never guessed."""
    currency = _currency(slots.get("currency", ctx.settings.currency))
    price = Decimal(str(slots[EACH]))
    each, in_all = format.money(price, currency), format.money(price * quantity, currency)
    reply = Reply(
        text=f"Was {each} the price of each of the {quantity} ({in_all} in all), "
        f"or of all {quantity} together?",
        buttons=[Button(f"{each} each", "each"), Button(f"{each} in all", "total")],
    )
    each_of_them = {"amount": str(price * quantity), EACH: None}
    return Ask(reply, {"each": each_of_them, "total": {EACH: None}})


def _as_before(ctx: Context, slots: dict) -> str:
    """A sale told without its product ("Fatima signed the renewal, 20 licences, 9.6k"): a
    renewal is of what they bought last, and a customer who only ever bought one product bought
    it again; otherwise the product is asked for."""
    asked = UserError("What was bought? e.g. “Acme bought 3 Pro licences for $1,200”.")
    if not slots.get("customer"):
        raise asked
    customer = resolve_customer(ctx, slots["customer"])
    bought = ctx.session.exec(
        select(Purchase.product)
        .where(Purchase.customer_id == customer.id)
        .order_by(col(Purchase.purchased_on).desc(), col(Purchase.id).desc())
    ).all()
    if bought and (len(set(bought)) == 1 or _RENEWED.search(ctx.message.text)):
        return bought[0]
    raise asked


_RENEWED = re.compile(r"\brenew(?:ed|al|s|ing)?\b", re.I)


def sale_day(ctx: Context, said: str | None, *, unsaid: date) -> date:
    """The day a sale was made: the day gone by that was said ("bought … yesterday"), else
    `unsaid`; a day still to come is refused."""
    if not said:
        return unsaid
    day = date.fromisoformat(said)
    if day > ctx.today:
        raise UserError("That day is still to come; a sale is recorded once it is made.")
    return day


def _record(
    ctx: Context,
    customer,
    product: str,
    quantity: int,
    amount: Decimal,
    currency: str,
    day: date,
) -> Purchase:
    purchase = Purchase(
        customer_id=customer.id,
        product=product,
        quantity=quantity,
        amount=amount,
        currency=currency,
        purchased_on=day,
        staff_id=ctx.staff.id,
    )
    ctx.session.add(purchase)
    sold = f"sale of {quantity} × {product} to {customer.display_name}"
    ctx.audit("purchase.log", purchase, before=None, description=sold)
    return purchase


def _second_item(
    ctx: Context, slots: dict, first: Product | None
) -> tuple[Product, int, dict] | None:
    """The second product of a sale told in one message, when both come from the catalogue at
    its prices, or each is told with its own amount ("3 support premium for 1,650 and 1
    onboarding package 2,000"); told with one amount for both, or with a product the catalogue
    lacks, it is asked for apart, as which part of the money is whose cannot be known."""
    if not (another := slots.get(ANOTHER_PRODUCT)):
        return None
    item = _ITEM.fullmatch(" ".join(str(another).split()))
    catalogue = {normalize.singular_key(p.name): p for p in ctx.session.exec(select(Product))}
    product = catalogue.get(normalize.singular_key(item["product"])) if item else None
    priced = item is not None and item["price"] is not None and "amount" in slots
    # "10 crm enterprise at 2200 each and 1 onboarding package": the money said is the first's,
    # and the second is at its catalogue price
    before = _first_item_said(ctx.message.text, another)
    # (a price of each asked about, the first's price was said: "at 2200 + onboarding pkg")
    first_priced = "amount" in slots and (
        EACH in slots or before != ctx.message.text and bool(_MONEY.search(before))
    )
    if product is None or not priced and not first_priced and (first is None or "amount" in slots):
        raise UserError(
            f"One amount for two products, or one I don't know: send “{another}” as a sale of "
            "its own, each with its amount, e.g. “Acme bought 3 Pro licences for $1,200”. "
            "Nothing was saved."
        )
    said = (item["q"] or "1").lower()
    count = int(said) if said.isdigit() else _COUNTED[said]
    price = {}
    if priced and (money := amount(item["price"])):
        paid = money[0] * count if item["each"] else money[0]  # "2 support premium 600 each"
        price = {"amount": paid, "currency": money[1] or slots.get("currency")}
    elif slots.get(DISCOUNT) is not None:  # "10 analytics pro + 1 onboarding, 10% off list": both
        price = {DISCOUNT: slots[DISCOUNT]}
    return product, count, clean_slots(price) or {}


_ITEM = re.compile(  # "1 onboarding package for 1900", "onboarding package" (one of them)
    r"(?:(?P<q>\d{1,4}|an?|one|two|three|four|five|six)\s+)?(?P<product>.+?)"
    r"(?:\s*(?:for|at|@|=|-|,)?\s*(?P<price>[$€£]?\s?\d[\d,.]*\s?k?(?:\s*(?:usd|eur|gbp))?)"
    r"(?:\s*(?P<each>each|ea|apiece|per\s+\w+))?)?\W*",
    re.I,
)
_MONEY = re.compile(r"(?:[$€£]\s?|\b(?:at|@|for)\s+)\d|\d\s*(?:each|ea)\b", re.I)
_COUNTED = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def known_products(session: Session, catalogue: Iterable[str] | None = None) -> dict[str, str]:
    """Every product the catalogue lists (read here unless given) or was sold before, with the
    key its plural shares."""
    listed = session.exec(select(Product.name)).all() if catalogue is None else list(catalogue)
    sold = session.exec(select(Purchase.product).distinct()).all()
    return {name: normalize.singular_key(name) for name in [*listed, *sold]}


def sold_as(ctx: Context, typed: str, *, new: bool = False) -> tuple[str, Product | None]:
    """The product meant: a catalog entry or a name sold before (plurals are the same name),
    or, when the words are only close to known names, a question: new product, or one of these?"""
    catalogue = {p.name: p for p in ctx.session.exec(select(Product))}
    known = known_products(ctx.session, catalogue)
    wanted = normalize.singular_key(typed)
    same = sorted(name for name, key in known.items() if key == wanted)
    if same:
        name = next((n for n in same if n in catalogue), same[0])
        return name, catalogue.get(name)
    if new:
        return typed, None
    close = process.extract(
        wanted, known, scorer=fuzz.WRatio, limit=OFFERED, score_cutoff=CLOSE_PRODUCT
    )
    names = [name for _, _, name in close] or _named_elsewhere(ctx, catalogue)
    if not names:
        return typed, None  # a store without a catalogue to compare with records what is said
    reply = Reply(
        text=f"“{typed}” is not a product I know. A new product, or one of these?",
        rows=[{"#": str(n), "Product": name} for n, name in enumerate(names, start=1)],
        buttons=[
            *(Button(f"{n}. {name}"[:70], str(n)) for n, name in enumerate(names, start=1)),
            Button(f"New: {typed}"[:70], "new"),
        ],
    )
    choices = {str(n): {"product": name} for n, name in enumerate(names, start=1)}
    raise Ask(reply, {**choices, "new": {NEW_PRODUCT: True}})


def _named_elsewhere(ctx: Context, catalogue: dict[str, Product]) -> list[str]:
    """The catalogue's products a word of the message names ("… the annual IBC contract, 12 units
    enterprise" names CRM Enterprise), else its best sellers: a product unlike any known one is
    asked about, never added unasked."""
    said = set(normalize.fold(ctx.message.text).split())
    words = {n: set(normalize.fold(n).split()) - _FUNCTION_WORDS for n in catalogue}
    shared = {w for w in set().union(*words.values()) if sum(w in ws for ws in words.values()) > 1}
    # a word several products share ("crm", "pro") says none of them
    named = [n for n, ws in words.items() if said & (ws - shared)]
    if named:
        return sorted(named)[:OFFERED]
    best = ctx.session.exec(
        select(Purchase.product).group_by(Purchase.product).order_by(func.count().desc())
    ).all()
    return [n for n in best if n in catalogue][:OFFERED]


_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "and", "plus", "&"})
_PRICE_EACH = re.compile(
    r"\b(?:each|apiece|a piece|per (?:seat|unit|licen[cs]e|user|item|box))\b"
    r"|/\s?(?:seat|unit|user|ea)\b",
    re.I,
)
CENT = Decimal("0.01")
_PAID_AFTER = re.compile(
    r"\d\s*\(\s*(?:incl\.?\s*|with\s+|after\s+)?\d{1,2}(?:\.\d+)?\s?%\s*(?:off|discount)\s*\)"
    r"|\b(?:after|incl\.?|including|with)\s+(?:the\s+)?(?:\d{1,2}(?:\.\d+)?\s?%\s*)?discount\b",
    re.I,
)
_AT_A_PRICE = re.compile(r"@\s*[$€£]?\s?\d")
_AT_WORD = re.compile(r"\bat\s+[$€£]?\s?\d", re.I)
_PRICED_EACH = re.compile(r"\b(?:each|ea|apiece|per\s+(?:unit|seat|licen[cs]e|user))\b", re.I)


def _amount(
    slots: dict, catalogue: Product | None, quantity: int, ctx: Context
) -> tuple[Decimal, str]:
    ceiling = ctx.settings.max_amount
    off = slots.get(DISCOUNT)
    if "amount" in slots and off is not None and _PRICE_EACH.search(ctx.message.text):
        # "12 seats at 45 each, 10% discount": the price each is the list price, the 10% off it
        if not 0 < off < 100:
            raise UserError(f"A discount of {off:g}% can't be right. Nothing was saved.")
        slots = {**slots, "amount": _less(Decimal(str(slots["amount"])), off)}
        off = None
    if "amount" in slots and off is not None and _PAID_AFTER.search(ctx.message.text):
        off = None  # "1530 (10% off)", "2700 after the discount": what was paid
    if "amount" in slots and off is not None:  # before or after the discount? asked, not guessed
        listed = Decimal(str(slots["amount"]))
        paid = _less(listed, off)
        money = _currency(slots.get("currency", ctx.settings.currency))
        before, after = format.money(paid, money), format.money(listed, money)
        raise Ask(
            Reply(
                text=f"Is {after} the price before or after the {off:g}% off?",
                buttons=[
                    Button(f"Before: {before} paid", "before"),
                    Button(f"After: {after} paid", "after"),
                ],
            ),
            {"before": {"amount": str(paid), DISCOUNT: None}, "after": {DISCOUNT: None}},
        )
    if "amount" in slots:
        money = checks.amount(slots["amount"], ceiling=ceiling, model=Purchase, field="amount")
        return money, _currency(slots.get("currency", ctx.settings.currency))
    if catalogue is not None:
        total = catalogue.price * quantity
        if off is not None:  # "gave him 10% off": off the catalogue price
            if not 0 < off < 100:
                raise UserError(f"A discount of {off:g}% can't be right. Nothing was saved.")
            total = _less(total, off)
        return checks.amount(total, ceiling=ceiling, model=Purchase, field="amount"), (
            catalogue.currency
        )
    raise UserError("How much was it? e.g. “sold 3 Pro to Acme for $1,200”. Nothing was saved.")


def _less(price: Decimal, off: float) -> Decimal:
    """The price with `off` percent taken off, to the cent."""
    return (price * (100 - Decimal(str(off))) / 100).quantize(CENT)


def _currency(value: object) -> str:
    code = str(value).strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise UserError(f"“{value}” is not a currency code like USD or EUR. Nothing was saved.")
    return code


def catalogue_asked(session: Session, text: str) -> Reply | None:
    """ "what products have we got", "what's the list price of analytics pro": the catalogue, or
    the one product asked about; None for any other message (and for a price of something the
    catalogue does not list, which may be a customer's worth)."""
    if (asked := _CATALOGUE_ASKED.match(text)) is None:
        return None
    products = session.exec(select(Product).order_by(Product.family, Product.tier)).all()
    said = next((v for k, v in asked.groupdict().items() if k.startswith("product") and v), None)
    if said:
        names = {p.name: p for p in products}
        found = process.extractOne(
            said, list(names), scorer=fuzz.WRatio, processor=str.casefold, score_cutoff=85
        )
        if found is None:
            return None
        products = [names[found[0]]]
    if not products:
        return Reply("The catalogue is empty: products appear once a sale names them.")
    rows = [
        {"Product": p.name, "Family": p.family, "Tier": str(p.tier), "List price": _price(p)}
        for p in products
    ]
    if said:
        return Reply(f"{products[0].name}: {_price(products[0])} list price.", rows=rows)
    return Reply(f"The catalogue: {len(products)} products, by family and tier.", rows=rows)


def _price(product: Product) -> str:
    return format.money(product.price, product.currency)


_CATALOGUE_ASKED = re.compile(
    r"^\W*(?:(?:hey|so|ok|quick q(?:uestion)?)[\s,:]+)*(?:"
    r"(?:what|which)\s+products?\s+(?:have we got|do we (?:have|sell|offer)|are there|we got|"
    r"can (?:i|we) sell)\b[^.?!]*"
    r"|(?:show|list|give|send)\s+(?:me\s+)?(?:the\s+|our\s+)?(?:product\s+list|products|"
    r"price\s*list|catalog(?:ue)?)"
    r"|(?:our\s+)?(?:products|price\s*list|catalog(?:ue)?|product\s+list)(?:\s+pls|\s+please)?"
    r"|(?:(?:what(?:'s| is)|whats)\s+)?(?:the\s+)?(?:list\s+)?price\s+(?:of|for)\s+"
    r"(?P<product>[^?]+?)"
    r"|how much (?:is|does|for)\s+(?:an?\s+|the\s+)?(?P<product2>[^?]+?)(?:\s+cost)?"
    r"|(?:what(?:'s| is)|whats)\s+(?:the\s+)?(?P<product3>[^?]+?)(?:'s|’s)?\s+(?:list\s+)?price"
    r"|what\s+(?:does|do)\s+(?:an?\s+|the\s+)?(?P<product4>[^?]+?)\s+cost"
    r")\W*$",
    re.I,
)
