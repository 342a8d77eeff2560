"""A Reply as Telegram HTML messages: every piece of text escaped, split under 4,096 characters.

Telegram's HTML knows only a few tags and rejects a message whose text is not valid for them, so
everything that comes from people or the store goes through `html.escape`, and the only tags are
the ones written here (<b>, <i>).
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape, unescape

from bot.messages import Reply

LIMIT = 4096  # Telegram counts UTF-16 code units: an emoji can count as two


def render(reply: Reply) -> list[str]:
    """The reply's text parts as HTML messages, each within Telegram's limit, split at lines."""
    lines: list[str] = []
    if reply.title:
        lines.append(f"<b>{escape(reply.title)}</b>")
    lines.extend(
        f"<b>{escape(label)}</b>: {escape(value)}" for label, value in reply.fields.items()
    )
    if reply.text:
        lines.extend(escape(line) for line in reply.text.splitlines())
    lines.extend(_row(row) for row in reply.rows)
    if reply.note:
        lines.append(f"<i>{escape(reply.note)}</i>")
    return split(lines)


def _row(row: dict[str, str]) -> str:
    """A table row as one compact line: its first cell bold, empty cells left out."""
    cells = [
        f"#{value}" if key == "#" else str(value)
        for key, value in row.items()
        if str(value).strip()
    ]
    if not cells:
        return "•"
    first, *rest = (escape(cell) for cell in cells)
    return " · ".join([f"• <b>{first}</b>", *rest])


def split(lines: list[str]) -> list[str]:
    """Lines packed into as few messages as fit, each message whole lines where possible."""
    messages: list[str] = []
    current = ""
    for line in _fitting(lines):
        candidate = f"{current}\n{line}" if current else line
        if size(candidate) > LIMIT:
            messages.append(current)
            candidate = line
        current = candidate
    if current:
        messages.append(current)
    return messages


def size(text: str) -> int:
    """A message's length as Telegram measures it."""
    return len(text.encode("utf-16-le")) // 2


def _fitting(lines: list[str]) -> Iterator[str]:
    """Lines as they are, except one too long for a message: it is cut into plain pieces."""
    for line in lines:
        if size(line) <= LIMIT:
            yield line
        else:
            yield from _pieces(_plain(line))


def _pieces(plain: str) -> Iterator[str]:
    """Escaped pieces of `plain`, each within the limit, cut at a space where there is one."""
    while plain:
        used, end = 0, len(plain)
        for n, char in enumerate(plain):
            used += size(escape(char))
            if used > LIMIT:
                end = n
                break
        if end < len(plain):
            space = plain.rfind(" ", 0, end)
            end = space if space > end // 2 else end
        yield escape(plain[:end])
        plain = plain[end:].lstrip(" ")


def _plain(line: str) -> str:
    """The text of a rendered line: our own tags dropped, entities turned back into characters."""
    for tag in ("<b>", "</b>", "<i>", "</i>"):
        line = line.replace(tag, "")
    return unescape(line)
