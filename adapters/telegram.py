"""Telegram: python-telegram-bot in front of the synchronous bot core.

Private chats get an answer to everything; groups only to messages that mention the bot, reply to
it, or are commands, and only from enrolled staff. Updates are deduplicated by the core (the
update id is the event id), replies are HTML with every piece of text escaped, and sending retries
flood limits and network errors with backoff. Chats are served concurrently, each chat's messages
in the order they were sent.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple, TypeVar
from urllib.parse import urlsplit

from telegram import Bot as TelegramBot
from telegram import (
    BotCommand,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    ReplyParameters,
    Update,
)
from telegram import Message as TgMessage
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from adapters import telegram_webhook
from adapters.telegram_render import render
from bot.buttons import full_value, short_value
from bot.dispatch import Bot
from bot.errors import describe
from bot.identity import not_enabled, staff_for
from bot.messages import Message, Reply
from bot.settings import Settings
from crm_store.db import transaction
from crm_store.models import Staff

log = logging.getLogger(__name__)

CALLBACK_LIMIT = 64  # bytes of callback_data Telegram accepts
LABEL_LIMIT = 64
ATTEMPTS = 4
CONCURRENT_UPDATES = 16
UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
T = TypeVar("T")


class MenuCommand(NamedTuple):
    description: str
    sentence: str  # what "/command words" means; "{}" stands for the words
    bare: str  # what the command alone means


COMMANDS = {
    "help": MenuCommand("what I can do, or how to do one thing", "help {}", "help"),
    "find": MenuCommand("a customer's profile: /find acme", "tell me about {}", "help customers"),
    "log": MenuCommand(
        "log a contact: /log called jane at acme, follow up friday", "{}", "help contacts"
    ),
    "tasks": MenuCommand("your open tasks: /tasks overdue", "my tasks {}", "my tasks"),
    "next": MenuCommand(
        "what to do next, for your book or one customer: /next acme",
        "what should I do with {}",
        "what should I do",
    ),
    "report": MenuCommand("figures and charts: /report revenue by month", "{}", "help reports"),
    "digest": MenuCommand("today's digest: /digest yesterday", "digest {}", "digest"),
    "undo": MenuCommand("undo your last change", "undo", "undo"),
}
HIDDEN_COMMANDS = {"start": MenuCommand("", "help", "help")}  # what Telegram sends first


def build_application(
    bot: Bot, settings: Settings, *, concurrent_updates: int = CONCURRENT_UPDATES
) -> Application:
    """The PTB application, talking to `TELEGRAM_API_URL` with `TELEGRAM_BOT_TOKEN`."""
    application = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token or "")
        .base_url(settings.telegram_api_url)
        .concurrent_updates(ChatOrderedProcessor(concurrent_updates))
        .post_init(_set_commands)
        .build()
    )
    application.bot_data["core"] = bot
    application.add_handler(CommandHandler([*COMMANDS, *HIDDEN_COMMANDS], _on_command))
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
    """Run until SIGINT or SIGTERM: long polling, or a webhook when `webhook_url` is given.

    The webhook listens on `port` at the path of `webhook_url` and refuses any request that does
    not carry `secret_token`, which Telegram sends with every update once the webhook is set
    (see `adapters.telegram_webhook`).
    """
    application = build_application(bot, settings)
    if webhook_url is None:
        application.run_polling(allowed_updates=UPDATES)
        return
    if not secret_token:
        raise ValueError("a Telegram webhook needs a secret token (--webhook-secret)")
    asyncio.run(
        telegram_webhook.serve(
            application,
            url=webhook_url,
            path=urlsplit(webhook_url).path.strip("/"),
            port=port,
            secret=secret_token,
            allowed_updates=UPDATES,
        )
    )


class TelegramSender:
    """Sends a reply to a staff member outside any conversation: the daily digest."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def send(self, staff: Staff, reply: Reply) -> None:
        chat = staff.digest_chat or staff.telegram_id
        if not chat:
            raise ValueError(f"{staff.name} has no Telegram chat to send to")
        asyncio.run(self._send(int(chat), reply))

    async def _send(self, chat: int, reply: Reply) -> None:
        telegram = TelegramBot(
            self.settings.telegram_bot_token or "", base_url=self.settings.telegram_api_url
        )
        async with telegram:
            await send_reply(telegram, chat, reply, keyboard=None)


class ChatOrderedProcessor(BaseUpdateProcessor):
    """Updates of different chats run concurrently, those of one chat one after another.

    A slow report for one rep doesn't hold up everyone else, while a rep's answer to a question
    is never handled before the message that asked it.
    """

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self._chats: dict[int, tuple[asyncio.Lock, int]] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        lock, users = self._chats.get(chat.id, (asyncio.Lock(), 0))
        self._chats[chat.id] = (lock, users + 1)
        try:
            async with lock:
                await coroutine
        finally:
            lock, users = self._chats[chat.id]
            if users == 1:
                del self._chats[chat.id]
            else:
                self._chats[chat.id] = (lock, users - 1)

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass


async def _set_commands(application: Application) -> None:
    commands = [BotCommand(name, command.description) for name, command in COMMANDS.items()]
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
    name = update.effective_message.text.split()[0].lstrip("/").split("@")[0].lower()
    command = COMMANDS.get(name) or HIDDEN_COMMANDS[name]
    words = " ".join(context.args or [])
    await _answer(update, context, command.sentence.format(words) if words else command.bare)


async def _on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A pressed button sends its command, as if typed, and its keyboard goes away.

    Only enrolled staff can press, and in a group only the person the answer was for.
    """
    query = update.callback_query
    core: Bot = context.bot_data["core"]
    refusal = await asyncio.to_thread(_refusal, core, query)
    if refusal is not None:  # the keyboard stays for the person it is for
        await _best_effort(lambda: query.answer(refusal, show_alert=True))
        return
    await _best_effort(query.answer)
    value = await asyncio.to_thread(full_value, core.engine, query.data or "")
    if query.message is not None:  # an old message may no longer be editable
        await _best_effort(lambda: query.edit_message_reply_markup(reply_markup=None))
    if value is None:
        return
    # a keyboard is one choice: a second tap, on the same button or another, is a duplicate
    shown = query.message
    event_id = f"button:{shown.chat.id}:{shown.message_id}" if shown else f"button:{query.id}"
    await _answer(update, context, value, event_id=event_id)


async def _answer(
    update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, *, event_id: str | None = None
) -> None:
    core: Bot = context.bot_data["core"]
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    private = chat.type == ChatType.PRIVATE
    if not private and not await asyncio.to_thread(_enrolled, core, user.id):
        return
    sent = update.message.date if update.message else datetime.now(UTC)
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
    quoted = None if private else _asker_message(update)
    await send_reply(context.bot, chat.id, reply, keyboard=keyboard, reply_to=quoted)


def _asker_message(update: Update) -> int | None:
    """The message a group answer quotes: the asker's, also after a button under an answer."""
    if update.message is not None:
        return update.message.message_id
    shown = update.callback_query.message if update.callback_query else None
    asked = shown.reply_to_message if isinstance(shown, TgMessage) else None
    return asked.message_id if asked is not None else None


def _refusal(core: Bot, query: CallbackQuery) -> str | None:
    """Why this person may not press this button, or None."""
    presser = query.from_user
    if not _enrolled(core, presser.id):
        return not_enabled("telegram", str(presser.id))
    asked = query.message.reply_to_message if isinstance(query.message, TgMessage) else None
    if asked is not None and asked.from_user is not None and asked.from_user.id != presser.id:
        return f"These buttons are for {asked.from_user.first_name}."
    return None


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
    """One button a row; a command too long for callback_data travels as a key in the store."""
    if not reply.buttons:
        return None
    rows = [
        [
            InlineKeyboardButton(
                button.label[:LABEL_LIMIT],
                callback_data=short_value(core.engine, button.value, limit=CALLBACK_LIMIT),
            )
        ]
        for button in reply.buttons
    ]
    return InlineKeyboardMarkup(rows)


async def send_reply(
    telegram: TelegramBot,
    chat_id: int,
    reply: Reply,
    *,
    keyboard: InlineKeyboardMarkup | None,
    reply_to: int | None = None,
) -> None:
    """The reply's messages, then its files; buttons go under the last message.

    In a group every part answers the asker's message (`reply_to`), which also tells whose
    buttons they are.
    """
    parts = render(reply) or ([] if reply.files else ["…"])
    quote = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
    for n, part in enumerate(parts):
        markup = keyboard if n == len(parts) - 1 else None
        await _retrying(
            lambda part=part, markup=markup: telegram.send_message(
                chat_id,
                part,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,
                reply_parameters=quote,
            )
        )
    for file in reply.files:
        upload = InputFile(file.content, filename=file.name)
        if file.mime == "image/png":
            await _retrying(lambda upload=upload: telegram.send_photo(chat_id, upload))
        else:
            await _retrying(lambda upload=upload: telegram.send_document(chat_id, upload))


async def _retrying(call: Callable[[], Awaitable[T]]) -> T:
    """Retry flood limits after the wait Telegram asks for, network errors with backoff.

    A send that timed out may have arrived; sending it again risks a repeat rather than a loss.
    """
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return await call()
        except BadRequest:  # a NetworkError in PTB, but trying again can't fix it
            raise
        except RetryAfter as error:
            if attempt == ATTEMPTS:
                raise
            await asyncio.sleep(_seconds(error))
        except NetworkError:
            if attempt == ATTEMPTS:
                raise
            await asyncio.sleep(0.25 * 2**attempt)
    raise AssertionError("unreachable")


async def _best_effort(call: Callable[[], Awaitable[object]]) -> None:
    """Answering a button press and removing its keyboard may fail; the command still runs."""
    try:
        await _retrying(call)
    except TelegramError as error:
        log.info("Telegram refused a courtesy call: %s", error)


def _seconds(error: RetryAfter) -> float:
    wait = error.retry_after  # seconds, or a timedelta from PTB 23 (or with PTB_TIMEDELTA=1)
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)


async def _on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """One failing update is logged; the bot goes on with the next."""
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("Telegram update %s failed: %s", update_id, describe(context.error))
