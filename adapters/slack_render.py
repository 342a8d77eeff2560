"""Slack's markup both ways: a `Reply` as Block Kit within Slack's limits, and typed text as plain.

Every piece of user or store text is escaped here, once, so a customer named `<!channel>` can't ping
a channel and a note can't forge a link. Buttons carry their command as `value`; their action ids
start with `ACTION_PREFIX`, which is how the app recognizes them when clicked.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from bot.messages import Button, Reply, plain_text

log = logging.getLogger(__name__)

ACTION_PREFIX = "crm:"
MAX_BLOCKS = 50
MAX_HOME_BLOCKS = 100
MAX_SECTION = 3000
MAX_FIELDS = 10
MAX_FIELD = 2000
MAX_HEADER = 150
MAX_LABEL = 75
MAX_VALUE = 2000
MAX_BUTTONS = 25
MAX_MESSAGE = 40_000
STYLES = {"primary", "danger"}

_SLACK_LINK = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")


def escape(text: str) -> str:
    """Text shown as mrkdwn, with nothing in it read as a mention, link or command."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain(text: str) -> str:
    """What a person typed, without Slack's markup: links, mailto/tel and mentions become text."""

    def readable(match: re.Match[str]) -> str:
        target, label = match.group(1), match.group(2)
        if target.startswith("!"):
            return "@" + (label or target[1:].split("^")[0])
        if target.startswith(("@", "#")):
            return target[0] + label if label else target
        return label or target.removeprefix("mailto:").removeprefix("tel:")

    text = _SLACK_LINK.sub(readable, text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def fallback(reply: Reply) -> str:
    """The notification text every message carries alongside its blocks."""
    return _clip(escape(plain_text(reply)) or " ", MAX_MESSAGE)


def message(reply: Reply) -> dict[str, Any]:
    """Arguments for chat.postMessage / chat.update / respond: `text` and `blocks`."""
    return {"text": fallback(reply), "blocks": blocks(reply)}


def blocks(reply: Reply, *, max_blocks: int = MAX_BLOCKS, action_prefix: str = "") -> list[dict]:
    """A reply as Block Kit: header, text, fields, rows, buttons and a context note.

    When the rows don't fit Slack's block or size limits, the ones left out are summed up as
    "…and N more" so nothing is cut silently.
    """
    head = [_header(reply.title)] if reply.title else []
    tail = _actions(reply.buttons, prefix=action_prefix)
    if reply.note:
        tail.append(_context(escape(reply.note)))
    budget = _Budget(max_blocks - len(head) - len(tail) - 1, MAX_MESSAGE - _size(head + tail) - 200)
    body: list[dict] = []
    for chunk in _chunks(escape(reply.text)):
        if not budget.take(_section(chunk), body):
            break
    labels = list(reply.fields.items())
    for start in range(0, len(labels), MAX_FIELDS):
        group = labels[start : start + MAX_FIELDS]
        fields = [
            {"type": "mrkdwn", "text": _clip(f"*{escape(k)}*\n{escape(v) or '—'}", MAX_FIELD)}
            for k, v in group
        ]
        if not budget.take({"type": "section", "fields": fields}, body):
            break
    lines = [_row_line(row) for row in reply.rows]
    shown = _pack_lines(lines, budget, body)
    if shown < len(lines):
        body.append(_context(f"…and {len(lines) - shown} more"))
    return head + body + tail


def home_view(greeting: str, parts: list[tuple[str, Reply]]) -> dict[str, Any]:
    """The App Home tab: a greeting, then one titled part per reply (tasks, suggestions, …)."""
    view: list[dict] = [_header(greeting)]
    share = (MAX_HOME_BLOCKS - 1) // max(len(parts), 1)
    for number, (title, reply) in enumerate(parts):
        view.append({"type": "divider"})
        view.append(_section(f"*{escape(title)}*"))
        view.extend(blocks(reply, max_blocks=share - 2, action_prefix=f"{number}:"))
    return {"type": "home", "blocks": view}


def chosen(original: list[dict], label: str, *, who: str) -> list[dict]:
    """The clicked message with its buttons gone and a line saying who chose what."""
    kept = [b for b in original if b.get("type") != "actions"]
    return [*kept, _context(f"<@{escape(who)}> chose *{escape(label)}*")]


class _Budget:
    def __init__(self, blocks: int, chars: int) -> None:
        self.blocks, self.chars = blocks, chars

    def take(self, block: dict, into: list[dict]) -> bool:
        size = _size([block])
        if self.blocks < 1 or size > self.chars:
            return False
        self.blocks, self.chars = self.blocks - 1, self.chars - size
        into.append(block)
        return True


def _pack_lines(lines: list[str], budget: _Budget, into: list[dict]) -> int:
    """Put lines into as few sections as fit; how many lines made it."""
    shown = 0
    while shown < len(lines):
        text = ""
        count = 0
        for line in lines[shown:]:
            candidate = f"{text}\n{line}" if text else _clip(line, MAX_SECTION)
            if len(candidate) > MAX_SECTION:
                break
            text, count = candidate, count + 1
        if not budget.take(_section(text), into):
            break
        shown += count
    return shown


def _row_line(row: dict[str, str]) -> str:
    values = [escape(str(value)) for value in row.values() if str(value).strip()]
    if not values:
        return "—"
    return " · ".join([f"*{values[0]}*", *values[1:]])


def _chunks(text: str) -> list[str]:
    """Text cut into section-sized pieces, at line breaks where possible."""
    chunks: list[str] = []
    current = ""
    for line in text.splitlines():
        while len(line) > MAX_SECTION:
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:MAX_SECTION])
            line = line[MAX_SECTION:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > MAX_SECTION:
            chunks.append(current)
            candidate = line
        current = candidate
    if current.strip():
        chunks.append(current)
    return chunks


def _actions(buttons: list[Button], *, prefix: str) -> list[dict]:
    elements = []
    for number, button in enumerate(buttons):
        if len(button.value) > MAX_VALUE:
            log.warning(
                "button %r dropped: its value is over %d characters", button.label, MAX_VALUE
            )
            continue
        element: dict[str, Any] = {
            "type": "button",
            "text": {"type": "plain_text", "text": _clip(button.label, MAX_LABEL), "emoji": True},
            "value": button.value,
            "action_id": f"{ACTION_PREFIX}{prefix}{number}",
        }
        if button.style in STYLES:
            element["style"] = button.style
        elements.append(element)
    return [
        {"type": "actions", "elements": elements[start : start + MAX_BUTTONS]}
        for start in range(0, min(len(elements), MAX_BUTTONS), MAX_BUTTONS)
    ]


def _header(title: str) -> dict:
    return {"type": "header", "text": {"type": "plain_text", "text": _clip(title, MAX_HEADER)}}


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _clip(text, MAX_SECTION)}}


def _context(text: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": _clip(text, MAX_SECTION)}]}


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _size(blocks: list[dict]) -> int:
    return len(json.dumps(blocks, ensure_ascii=False))
