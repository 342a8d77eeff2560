"""Telegram: python-telegram-bot in front of the synchronous bot core.

Private chats get an answer to everything; groups only to messages that mention the bot, reply to
it, or are commands, and only from enrolled staff. Updates are deduplicated by the core (the
update id is the event id), replies are HTML with every piece of text escaped, and sending retries
flood limits and network errors with backoff.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TypeVar

from telegram import Bot as TelegramBot
from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from adapters.telegram_render import render
from bot.buttons import full_value, short_value
from bot.dispatch import Bot
from bot.identity import staff_for
from bot.messages import Message, Reply
from bot.settings import Settings
from crm_store.db import transaction
from crm_store.models import Staff

log = logging.getLogger(__name__)

CALLBACK_LIMIT = 64
ATTEMPTS = 4
# command → the sentence it stands for; "{}" is what follows the command
COMMANDS = {
    "start": ("what I can do", "help {}"),
    "help": ("what I can do, or how to do one thing", "help {}"),
    "find": ("a customer's profile: /find acme", "tell me about {}"),
    "log": ("log a contact: /log called jane at acme, follow up friday", "{}"),
    "tasks": ("your open tasks", "my tasks {}"),
    "next": ("what to do next, for one customer or your book", "what should I do {}"),
    "report": ("a figure or chart: /report revenue by month", "{}"),
    "digest": ("today's digest", "digest {}"),
    "undo": ("undo your last change", "undo"),
}
T = TypeVar("T")


def build_application(bot: Bot, settings: Settings) -> Application:
    """The PTB application, talking to `TELEGRAM_API_URL` with `TELEGRAM_BOT_TOKEN`."""
    application = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token or "")
        .base_url(settings.telegram_api_url)
        .post_init(_set_commands)
        .build()
    )
    application.bot_data["core"] = bot
    application.add_handler(CommandHandler(list(COMMANDS), _on_command))
    application.add_handler(CallbackQueryHandler(_on_button))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, _on_text))
    application.add_error_handler(_on_error)
    return application


def serve(
    bot: Bot,
    settings: Settings,
    *,
    webhook_url: str | None = None,
    port: int = 8443,
    secret_token: str | None = None,
) -> None:
    """Run until SIGINT or SIGTERM: long polling, or a webhook when `webhook_url` is given."""
    application = build_application(bot, settings)
    updates = [Update.MESSAGE, Update.CALLBACK_QUERY]
    if webhook_url is None:
        application.run_polling(allowed_updates=updates)
        return
    if not secret_token:
        raise ValueError("a webhook needs a secret token (--webhook-secret)")
    application.run_webhook(
        listen="0.0.0.0",
        port=port,
        url_path="telegram",
        webhook_url=webhook_url,
        secret_token=secret_token,
        allowed_updates=updates,
    )


class TelegramSender:
    """Sends a reply to a staff member outside any conversation: the daily digest."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def send(self, staff: Staff, reply: Reply) -> None:
        chat = staff.digest_chat or staff.telegram_id
        if not chat:
            raise ValueError(f"{staff.name} has no Telegram chat to send to")
        asyncio.run(self._send(chat, reply))

    async def _send(self, chat: str, reply: Reply) -> None:
        telegram = TelegramBot(
            self.settings.telegram_bot_token or "", base_url=self.settings.telegram_api_url
        )
        async with telegram:
            await send_reply(telegram, int(chat), reply, keyboard=None)


async def _set_commands(application: Application) -> None:
    commands = [BotCommand(name, description) for name, (description, _) in COMMANDS.items()]
    await _retrying(lambda: application.bot.set_my_commands(commands))


async def _on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    text = message.text or ""
    if message.chat.type != ChatType.PRIVATE:
        if not _addressed_to_bot(update, context.bot.username):
            return
        text = text.replace(f"@{context.bot.username}", " ")
    await _answer(update, context, text)


async def _on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    name = message.text.split()[0].lstrip("/").split("@")[0].lower()
    rest = " ".join(context.args or [])
    template = COMMANDS[name][1]
    text = template.format(f"with {rest}" if name == "next" and rest else rest)
    await _answer(update, context, text.strip())


async def _on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    core: Bot = context.bot_data["core"]
    await _retrying(query.answer)
    value = await asyncio.to_thread(full_value, core.engine, query.data or "")
    if query.message is not None:
        try:
            await query.edit_message_reply_markup(reply_markup=None)
        except TelegramError as error:  # an old message may no longer be editable
            log.info("could not remove a keyboard: %s", error)
    if value is None:
        return
    await _answer(update, context, value, event_id=f"button:{query.id}")


async def _answer(
    update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, *, event_id: str | None = None
) -> None:
    core: Bot = context.bot_data["core"]
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    if chat.type != ChatType.PRIVATE and not await asyncio.to_thread(_enrolled, core, user.id):
        return
    sent = update.effective_message.date if update.message else datetime.now(UTC)
    message = Message(
        platform="telegram",
        sender=str(user.id),
        chat=str(chat.id),
        text=text,
        received_at=sent.astimezone(UTC),
        event_id=event_id or str(update.update_id),
    )
    reply = await asyncio.to_thread(core.handle, message)
    if reply is None:
        return
    keyboard = await asyncio.to_thread(_keyboard, core, reply)
    await send_reply(context.bot, chat.id, reply, keyboard=keyboard)


def _enrolled(core: Bot, user_id: int) -> bool:
    with transaction(core.engine) as session:
        return staff_for(session, "telegram", str(user_id)) is not None


def _addressed_to_bot(update: Update, username: str | None) -> bool:
    message = update.effective_message
    replied = message.reply_to_message
    if (
        replied is not None
        and replied.from_user is not None
        and replied.from_user.username == username
    ):
        return True
    return bool(username) and f"@{username}".lower() in (message.text or "").lower()


def _keyboard(core: Bot, reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    rows = [
        [
            InlineKeyboardButton(
                button.label[:64],
                callback_data=short_value(core.engine, button.value, limit=CALLBACK_LIMIT),
            )
        ]
        for button in reply.buttons
    ]
    return InlineKeyboardMarkup(rows)


async def send_reply(
    telegram: TelegramBot, chat_id: int, reply: Reply, *, keyboard: InlineKeyboardMarkup | None
) -> None:
    """The reply's messages, then its files; buttons go under the last message."""
    parts = render(reply) or ([] if reply.files else ["…"])
    for n, part in enumerate(parts):
        markup = keyboard if n == len(parts) - 1 else None
        await _retrying(
            lambda part=part, markup=markup: telegram.send_message(
                chat_id, part, parse_mode=ParseMode.HTML, reply_markup=markup
            )
        )
    for file in reply.files:
        upload = InputFile(file.content, filename=file.name)
        if file.mime == "image/png":
            await _retrying(lambda upload=upload: telegram.send_photo(chat_id, upload))
        else:
            await _retrying(lambda upload=upload: telegram.send_document(chat_id, upload))


async def _retrying(call: Callable[[], Awaitable[T]]) -> T:
    """Retry flood limits after the wait Telegram asks for, network errors with backoff."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return await call()
        except BadRequest:  # a NetworkError in PTB, but trying again can't fix it
            raise
        except RetryAfter as error:
            if attempt == ATTEMPTS:
                raise
            delay = error.retry_after
            await asyncio.sleep(delay.total_seconds() if hasattr(delay, "total_seconds") else delay)
        except NetworkError:
            if attempt == ATTEMPTS:
                raise
            await asyncio.sleep(0.5 * 2**attempt)
    raise AssertionError("unreachable")


async def _on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    log.error("a Telegram update failed", exc_info=context.error)
