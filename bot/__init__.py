"""The conversation: dispatch, handlers, state, permissions, scheduling and the `crmbot` CLI."""

from bot.messages import Button, File, Message, Reply

__all__ = ["Button", "File", "Message", "Reply"]
