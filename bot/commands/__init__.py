"""The `crmbot` sub-commands, listed in one place; each module has `register` and `run`."""

from bot.commands import chat, data, db, demo, digest, parse, serve, staff

COMMANDS = (chat, demo, staff, parse, db, serve, data, digest)
