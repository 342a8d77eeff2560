"""Every handler module, listed in one place; importing this package registers them all."""

from importlib import import_module

MODULES = (
    "customers",
    "deleting",
    "changes",
    "bulk",
    "interactions",
    "purchases",
    "corrections",
    "tasks",
    "nps",
    "undo",
    "privacy",
    "help",
    "insights",
    "digest",
)

for _name in MODULES:
    import_module(f"bot.handlers.{_name}")
