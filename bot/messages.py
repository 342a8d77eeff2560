"""The platform-neutral objects at the edges: a `Message` comes in, a `Reply` goes out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

MAX_MESSAGE = 4000  # characters of one message the bot reads; longer ones are refused unparsed


@dataclass(frozen=True)
class Message:
    """One thing a staff member said, on any platform.

    `sender` is the platform's own user id (the console uses the staff name); `chat` identifies the
    conversation, so a pending question is answered only where it was asked; `event_id` is the
    platform's delivery id, which makes a retried delivery a no-op.
    """

    platform: str
    sender: str
    chat: str
    text: str
    received_at: datetime
    event_id: str | None = None


@dataclass(frozen=True)
class Button:
    """A choice offered with a reply; pressing it sends `value` back as if it were typed."""

    label: str
    value: str
    style: str | None = None  # "primary" or "danger"; platforms that can't show it ignore it


@dataclass(frozen=True)
class File:
    name: str
    mime: str
    content: bytes


@dataclass
class Reply:
    """What the bot answers, before any platform renders it.

    Shown in this order: `title` heads a profile or list, `fields` are label → value pairs, `text`
    the sentence(s), `rows` a table (every row has the same keys), `buttons`, `files`, and `note` a
    small context line such as the data's freshness.
    """

    text: str = ""
    title: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    rows: list[dict[str, str]] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)
    files: list[File] = field(default_factory=list)
    note: str | None = None


def plain_text(reply: Reply) -> str:
    """The reply as plain lines: the console's rendering and every platform's fallback text."""
    lines: list[str] = []
    if reply.title:
        lines.append(reply.title)
    width = max((len(label) for label in reply.fields), default=0)
    lines.extend(f"  {label.ljust(width)}  {value}" for label, value in reply.fields.items())
    if reply.text:
        lines.append(reply.text)
    if reply.rows:
        lines.extend(_table(reply.rows))
    if reply.buttons:
        lines.append("  ".join(f"[{b.label}]" for b in reply.buttons))
    lines.extend(f"(file: {f.name})" for f in reply.files)
    if reply.note:
        lines.append(reply.note)
    return "\n".join(lines)


def _table(rows: list[dict[str, str]]) -> list[str]:
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns}
    header = "  ".join(c.ljust(widths[c]) for c in columns).rstrip()
    body = ["  ".join(str(r.get(c, "")).ljust(widths[c]) for c in columns).rstrip() for r in rows]
    return ["  " + header, *("  " + line for line in body)]
