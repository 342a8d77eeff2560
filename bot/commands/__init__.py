"""The `crmbot` sub-commands, listed in one place; each module has `register` and `run`.

Modules are imported when needed, so a quick command (`crmbot parse`) starts without loading the
bot, the store and the platforms.
"""

from importlib import import_module
from types import ModuleType

NAMES = ("chat", "demo", "staff", "parse", "db", "serve", "data", "digest")


def command(name: str) -> ModuleType:
    return import_module(f"bot.commands.{name}")
