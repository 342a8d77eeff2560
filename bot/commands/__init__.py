"""The `crmbot` sub-commands, listed in one place; each module has `register` and `run`.

Modules are imported when needed, so a quick command (`crmbot parse`) starts without loading the
bot, the store and the platforms.
"""

from importlib import import_module
from types import ModuleType

NAMES = ("chat", "demo", "staff", "parse", "db", "serve", "data", "digest")
OWNER = {"import": "data", "export": "data"}  # sub-commands named unlike their module


def owner(typed: str) -> str | None:
    """The module that registers the sub-command `typed`, if it is one."""
    name = OWNER.get(typed, typed)
    return name if name in NAMES else None


def command(name: str) -> ModuleType:
    return import_module(f"bot.commands.{name}")
