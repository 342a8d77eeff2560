"""What the bot can do, and the polite answer to what it did not understand."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.context import HANDLERS, Context, handles
from bot.messages import Reply
from intents import Parsed

TOPICS = {
    "customers": ("customer.show", "customer.create", "customer.update"),
    "pipeline": ("customer.bulk_update", "customer.delete", "customer.restore"),
    "contacts": ("interaction.log", "interaction.history"),
    "sales": ("purchase.log", "nps.record"),
    "tasks": ("task.create", "task.list", "task.complete"),
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


@handles("help")
def show_help(parsed: Parsed, ctx: Context) -> Reply:
    """What I can do — “help”, “help with tasks”."""
    topic = parsed.slots.get("topic")
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


@handles("unknown")
def not_understood(parsed: Parsed, ctx: Context) -> Reply:
    """Anything I did not understand: I say so, and never change anything."""
    understood = ", ".join(f"{slot} “{value}”" for slot, value in parsed.slots.items())
    text = "Sorry, I didn't understand that"
    text += f" (I picked out {understood})." if understood else "."
    return Reply(
        text=text + " Here are things you can say:",
        rows=overview()[:8],
        note="Say “help” for the full list.",
    )
