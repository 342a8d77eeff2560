"""`crmbot serve [slack|telegram]`: run the chat platforms that are configured, in one process."""

from __future__ import annotations

import re
import threading

from bot.commands.digest import senders
from bot.commands.options import add_db
from bot.dispatch import Bot
from bot.scheduler import DigestScheduler
from bot.settings import Settings
from crm_store.db import open_store


def register(subparsers) -> None:
    parser = subparsers.add_parser("serve", help="answer on Slack and/or Telegram")
    parser.add_argument(
        "platform",
        nargs="?",
        choices=["slack", "telegram"],
        help="only this one (default: all configured)",
    )
    parser.add_argument(
        "--port", type=int, default=3000, help="Slack HTTP mode port (default 3000)"
    )
    parser.add_argument("--webhook-url", help="Telegram: receive updates by webhook at this URL")
    parser.add_argument("--webhook-port", type=int, default=8443, help="Telegram webhook port")
    parser.add_argument(
        "--webhook-secret", help="Telegram: secret token every webhook call carries"
    )
    add_db(parser)
    parser.set_defaults(func=run)


def configured(settings: Settings) -> list[str]:
    platforms = []
    if settings.slack_bot_token and (settings.slack_app_token or settings.slack_signing_secret):
        platforms.append("slack")
    if settings.telegram_bot_token:
        platforms.append("telegram")
    return platforms


def run(args, settings: Settings) -> int:
    platforms = [args.platform] if args.platform else configured(settings)
    if not platforms:
        print(
            "crmbot: no platform is configured. Set SLACK_BOT_TOKEN with SLACK_APP_TOKEN or "
            "SLACK_SIGNING_SECRET, and/or TELEGRAM_BOT_TOKEN (see the README)."
        )
        return 2
    missing = [p for p in platforms if p not in configured(settings)]
    if missing:
        print(f"crmbot: {', '.join(missing)} is not configured (see the README).")
        return 2
    if args.webhook_url and not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", args.webhook_secret or ""):
        print(
            "crmbot: a Telegram webhook needs --webhook-secret: 16 to 256 letters, digits, _ or -."
        )
        return 2
    if problem := settings.erasure_key_problem():
        print(
            f"crmbot: {problem}. Make one with `python -c 'import secrets; "
            "print(secrets.token_urlsafe(32))'`, set it as CRMBOT_ERASURE_KEY, keep it secret "
            "and never change it (erased people are recognised by it)."
        )
        return 2
    bot = Bot(open_store(settings.database_url), settings)
    DigestScheduler(bot.engine, settings, senders(settings, console=False)).start()
    if "slack" in platforms:
        from adapters import slack

        serve_slack = lambda: slack.serve(bot, settings, port=args.port)  # noqa: E731
        if platforms == ["slack"]:
            serve_slack()
            return 0
        threading.Thread(target=serve_slack, name="slack", daemon=True).start()
    from adapters import telegram

    telegram.serve(
        bot,
        settings,
        webhook_url=args.webhook_url,
        port=args.webhook_port,
        secret_token=args.webhook_secret,
    )
    return 0
