"""What the bot can do, the one-line answer to small talk, and to what it did not understand."""

from __future__ import annotations

import re
import string

from rapidfuzz import fuzz, process
from sqlmodel import select

from bot import format
from bot.context import HANDLERS, Ask, Context, handles
from bot.messages import Button, Reply
from crm_store.models import Product
from crm_store.search import find_customers
from intents import Parsed

TOPICS = {
    "customers": ("customer.show", "customer.create", "customer.update"),
    "pipeline": ("customer.bulk_update", "customer.delete", "customer.restore", "customer.changes"),
    "contacts": (
        "interaction.log",
        "interaction.history",
        "interaction.delete",
        "interaction.update",
    ),
    "sales": ("purchase.log", "purchase.delete", "purchase.update", "nps.record"),
    "tasks": ("task.create", "task.list", "task.complete", "task.update"),
    "segments": ("segment.list", "next_action.suggest"),
    "reports": ("report.show", "digest.show", "digest.subscribe", "digest.unsubscribe"),
    "privacy": ("customer.export", "customer.forget"),
    "undo": ("undo",),
}


def help_line(intent: str) -> str:
    return (HANDLERS[intent].__doc__ or intent).strip().splitlines()[0]


def overview() -> list[dict[str, str]]:
    return [
        {"Topic": topic, "Say for example": help_line(intent)}
        for topic, intents in TOPICS.items()
        for intent in intents
        if intent in HANDLERS
    ]


# what we sell, asked of the bot: "what products do we sell?", "price list", "the catalogue"
CATALOGUE = re.compile(
    r"\b(?:products?|catalog(?:ue)?|price ?list|prices|what (?:do )?we (?:sell|offer))\b", re.I
)


@handles("help")
def show_help(parsed: Parsed, ctx: Context) -> Reply:
    """What I can do — “help”, “help with tasks”."""
    topic = parsed.slots.get("topic")
    if topic and CATALOGUE.search(topic):
        return _catalogue(ctx)
    if topic:
        found = process.extractOne(
            topic.lower(), list(TOPICS), scorer=fuzz.WRatio, score_cutoff=80
        ) or process.extractOne(
            topic.lower(),
            {name: f"{name} {' '.join(TOPICS[name])}" for name in TOPICS},
            scorer=fuzz.WRatio,
            score_cutoff=60,
        )
        if found:
            name = found[0] if found[0] in TOPICS else found[2]
            rows = [
                {"Say for example": help_line(intent)}
                for intent in TOPICS[name]
                if intent in HANDLERS
            ]
            return Reply(title=f"Help: {name}", text="Talk to me in plain words:", rows=rows)
    return Reply(
        title="What I can do",
        text="Talk to me in plain words; I understand typos and shorthand.",
        rows=overview(),
    )


def _catalogue(ctx: Context) -> Reply:
    """The products a sale or an interest can name, with their list prices."""
    products = ctx.session.exec(select(Product).order_by(Product.family, Product.tier)).all()
    if not products:
        return Reply("The catalogue is empty: products come with imported or logged sales.")
    rows = [
        {"Product": p.name, "Line": p.family, "List price": format.money(p.price, p.currency)}
        for p in products
    ]
    return Reply(title="What we sell", text=f"{len(rows)} products, by line and tier:", rows=rows)


# How a reading is offered on a button: the intent in a few words, with its main slot.
LABELS = {
    "customer.show": "Show {customer}",
    "customer.create": "Add customer {name}",
    "customer.update": "Change {customer}'s {field} to {value}",
    "customer.update untag": "Remove tag {value} from {customer}",
    "customer.delete": "Delete {customer}",
    "customer.restore": "Restore {customer}",
    "customer.changes": "Who changed {customer}",
    "customer.bulk_update": "Change customers in bulk",
    "customer.forget": "Erase {customer}'s data",
    "customer.export": "Export {customer}'s data",
    "interaction.log": "Log a {channel} with {customer}",
    "interaction.history": "Contacts with {customer}",
    "interaction.delete": ("Delete the {channel} with {customer}", "Delete a logged contact"),
    "purchase.log": (
        "Log {quantity} × {product} sold to {customer}",
        "Log {product} sold to {customer}",
        "Log a sale to {customer}",
    ),
    "purchase.delete": ("Delete the sale to {customer}", "Delete a logged sale"),
    "purchase.update": ("Correct the sale to {customer}", "Correct a logged sale"),
    "interaction.update": ("Correct the {old_channel} with {customer}", "Correct a logged contact"),
    "task.create": "Remind me: {text}",
    "task.list": "Show tasks",
    "task.complete": (
        "Complete task {task_id}",
        "Complete the task for {customer}",
        "Complete the tasks for {customers}",
    ),
    "task.update": "Change task {task_id}",
    "task.update delete": "Delete task {task_id}",
    "segment.list": "List customers",
    "next_action.suggest": "Suggest next steps",
    "nps.record": ("Record NPS {score} for {customer}", "Record NPS for {customer}"),
    "report.show": "Report: {metric}",
    "digest.show": "Show the digest",
    "digest.subscribe": "Send me the digest",
    "digest.unsubscribe": "Stop the digest",
    "undo": "Undo my last change",
    "help": "Help",
}


def reading_label(parsed: Parsed, *, limit: int | None = 48) -> str:
    """'Log a call with acme': what a reading would do, short enough for a button (`limit`); as
    far as its slots go ('Change Acme' when the field is not known)."""
    action = f"{parsed.intent} {parsed.slots.get('action')}"  # "remove the vip tag": an untag
    templates = LABELS.get(action) or LABELS.get(parsed.intent, parsed.intent)
    if isinstance(templates, str):
        templates = (templates,)
    label = next(
        (filled for t in templates if (filled := _filled(t, parsed.slots, whole=True))),
        _filled(templates[0], parsed.slots, whole=False),
    )
    label = re.sub(r"\ba (?=[aeiou])", "an ", label)  # "Log an email with …"
    return label if limit is None or len(label) <= limit else label[: limit - 1] + "…"


def _filled(template: str, slots: dict, *, whole: bool) -> str:
    """The template with the slots put in; "" when `whole` and a slot is missing, else as far as
    its slots go."""
    label, filled = "", False
    for literal, name, _, _ in string.Formatter().parse(template):
        if name is not None and name not in slots:
            return "" if whole else label if filled else _unfilled(template)
        value = slots.get(name) if name is not None else ""
        said = " and ".join(map(str, value)) if isinstance(value, list) else str(value)
        label += literal + said
        filled = filled or name is not None
    return label


def _unfilled(template: str) -> str:
    label = template.split(" {")[0].split(":")[0].replace(" with", "").replace(" to", "")
    return label.replace(" for", "").replace("'s data", " data")


@handles("smalltalk")
def small_talk(parsed: Parsed, ctx: Context) -> Reply:
    """Hello and thanks — “hi”, “thanks!”: a one-line answer."""
    words = set(re.findall(r"[a-z]+", ctx.message.text.lower()))
    if words & {"bye", "night", "nite", "gn", "later", "laters", "cya", "home", "off", "see"}:
        return Reply("Bye for now.")
    if words & {"thanks", "thank", "thx", "ty", "cheers", "ta", "merci", "danke", "appreciated"}:
        return Reply("You're welcome.")
    if words & {"hi", "hello", "hey", "morning", "gm", "yo", "afternoon", "evening", "hiya"}:
        return Reply(f"Hi {ctx.staff.name}. What can I do for you?")
    return Reply("👍")


def _names_someone(ctx: Context, reading: Parsed) -> bool:
    """Whether a reading's customer, when it is all the reading says, is one the store has:
    "pipeline again?" offers no "Show pipeline" for a customer no one is called."""
    said = reading.slots.get("customer")
    if reading.intent != "customer.show" or not isinstance(said, str):
        return True
    return bool(find_customers(ctx.session, said, limit=1))


@handles("unknown")
def not_understood(parsed: Parsed, ctx: Context) -> Reply:
    """Anything I did not understand: I say so in one line and offer likely readings as buttons."""
    said = " ".join(ctx.message.text.split())
    said = said if len(said) <= 60 else said[:59] + "…"
    readings = [
        r
        for r in parsed.alternatives
        if r.intent not in ("unknown", "smalltalk") and _names_someone(ctx, r)
    ][:3]
    if not readings:
        return Reply(f"Sorry, I didn't understand “{said}”. Say “help” to see what I can do.")
    choices = {
        str(number): {
            "__intent": reading.intent,
            "__slots": reading.slots,
            "__unread": list(reading.unread),
        }
        for number, reading in enumerate(readings, start=1)
    }
    buttons = [
        Button(reading_label(reading), str(number))
        for number, reading in enumerate(readings, start=1)
    ]
    question = Reply(
        text=f"Sorry, I didn't understand “{said}”. Did you mean one of these?", buttons=buttons
    )
    raise Ask(question, choices)
