"""The terminal: a prompt with line editing for people, one reply per line for pipes.

Replies render with rich on a terminal, as plain text when piped, or as one JSON object per line
with `--json`; files a reply carries are written to a folder and named by path.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bot.dispatch import Bot
from bot.messages import File, Message, Reply, plain_text

PROMPT = "you> "


def lines_from_terminal() -> Iterator[str]:
    """Lines typed at a prompt, with readline's editing and history when available."""
    try:
        import readline  # noqa: F401  (enables editing for input())
    except ImportError:
        pass
    while True:
        try:
            yield input(PROMPT)
        except EOFError:
            print()
            return


def chat(
    bot: Bot,
    *,
    sender: str,
    lines: Iterable[str],
    clock: Callable[[], datetime],
    files_dir: Path,
    as_json: bool = False,
    out=None,
) -> None:
    out = out or sys.stdout
    fancy = not as_json and out.isatty()
    console = Console(file=out, highlight=False) if fancy else None
    for line in lines:
        message = Message(
            platform="console", sender=sender, chat="console", text=line, received_at=clock()
        )
        reply = bot.handle(message) or Reply()
        paths = [_save(file, files_dir) for file in reply.files]
        if as_json:
            out.write(json.dumps(_as_json(reply, paths), ensure_ascii=False) + "\n")
        elif console is not None:
            _render(console, reply, paths)
        else:
            text = plain_text(reply)
            text += "".join(f"\n(saved {path})" for path in paths)
            out.write(text + "\n\n")
        out.flush()


def _save(file: File, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / Path(file.name).name
    path.write_bytes(file.content)
    return path.resolve()


def _as_json(reply: Reply, paths: list[Path]) -> dict:
    text = "\n".join(filter(None, [reply.title, reply.text, reply.note]))
    return {
        "text": text,
        "fields": reply.fields,
        "rows": reply.rows,
        "buttons": [{"label": b.label, "value": b.value} for b in reply.buttons],
        "files": [
            {"name": f.name, "path": str(p), "mime": f.mime}
            for f, p in zip(reply.files, paths, strict=True)
        ],
    }


def _render(console: Console, reply: Reply, paths: list[Path]) -> None:
    if reply.title:
        console.print(f"[bold cyan]{escape(reply.title)}[/]")
    if reply.fields:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim")
        grid.add_column()
        for label, value in reply.fields.items():
            grid.add_row(escape(label), escape(value))
        console.print(grid)
    if reply.text:
        console.print(escape(reply.text))
    if reply.rows:
        table = Table(*reply.rows[0].keys(), show_edge=False, header_style="bold")
        for row in reply.rows:
            table.add_row(*(escape(str(v)) for v in row.values()))
        console.print(table)
    if reply.buttons:
        console.print(
            "  ".join(
                f"[reverse] {escape(b.label)} [/] [dim]{escape(b.value)}[/]" for b in reply.buttons
            )
        )
    for path in paths:
        console.print(f"[green]saved[/] {escape(str(path))}")
    if reply.note:
        console.print(f"[dim]{escape(reply.note)}[/]")
    console.print()
