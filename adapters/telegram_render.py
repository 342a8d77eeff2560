"""A Reply as Telegram HTML messages: every piece of text escaped, split under 4,096 characters."""

from __future__ import annotations

import re
from html import escape, unescape

from bot.messages import Reply

LIMIT = 4096
PLAIN_CHUNK = 600  # escaping can grow text up to six-fold; 600 raw characters stay under LIMIT


def render(reply: Reply) -> list[str]:
    """The reply's text parts as HTML messages, each under Telegram's limit, split at lines."""
    lines: list[str] = []
    if reply.title:
        lines.append(f"<b>{escape(reply.title)}</b>")
    lines.extend(
        f"<b>{escape(label)}</b>: {escape(value)}" for label, value in reply.fields.items()
    )
    if reply.text:
        lines.extend(escape(line) for line in reply.text.splitlines())
    for row in reply.rows:
        cells = [str(value) for value in row.values() if str(value)]
        lines.append("• " + " · ".join(escape(cell) for cell in cells))
    if reply.note:
        lines.append(f"<i>{escape(reply.note)}</i>")
    return split(lines) if lines else []


def split(lines: list[str]) -> list[str]:
    messages: list[str] = []
    current = ""
    for line in _short_lines(lines):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > LIMIT:
            messages.append(current)
            candidate = line
        current = candidate
    if current:
        messages.append(current)
    return messages


def _short_lines(lines: list[str]):
    """Lines as they are, except one too long for a message, which is cut into plain pieces."""
    for line in lines:
        if len(line) <= LIMIT:
            yield line
            continue
        plain = _unescape_tags(line)
        for start in range(0, len(plain), PLAIN_CHUNK):
            yield escape(plain[start : start + PLAIN_CHUNK])


def _unescape_tags(line: str) -> str:
    return unescape(re.sub(r"</?[bi]>", "", line))
