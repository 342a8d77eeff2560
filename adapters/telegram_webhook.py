"""Telegram's webhook, received by our own small server in front of python-telegram-bot.

The secret Telegram sends with every update is compared in constant time, bodies over 1 MB are
refused unread, and a body that is not an update gets 400 — all before python-telegram-bot sees
the request, and without a request body ever reaching a log line. Accepted updates go to the
application's update queue, exactly where its own webhook server would put them.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal
from http import HTTPStatus

import tornado.httpserver
import tornado.web
from telegram import Update
from telegram.ext import Application

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@tornado.web.stream_request_body
class _UpdateHandler(tornado.web.RequestHandler):
    def initialize(self, telegram: Application, secret: str) -> None:
        self.telegram = telegram
        self.secret = secret.encode()
        self.body = bytearray()

    def prepare(self) -> None:
        offered = self.request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(offered, self.secret):
            self._refuse(HTTPStatus.FORBIDDEN, "wrong or missing secret token")
        elif int(self.request.headers.get("Content-Length") or 0) > MAX_BODY:
            self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "body over 1 MB")

    def data_received(self, chunk: bytes) -> None:
        if len(self.body) + len(chunk) > MAX_BODY:  # sent without a length: stop reading
            self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "body over 1 MB")
            self.request.connection.close()
            return
        self.body.extend(chunk)

    async def post(self) -> None:
        try:
            data = json.loads(self.body)
            update = Update.de_json(data, self.telegram.bot) if isinstance(data, dict) else None
        except (ValueError, TypeError, KeyError):
            update = None
        if update is None:
            self._refuse(HTTPStatus.BAD_REQUEST, "not a Telegram update")
            return
        await self.telegram.update_queue.put(update)
        self.set_status(HTTPStatus.OK)

    def _refuse(self, status: HTTPStatus, why: str) -> None:
        if self._finished:
            return
        log.warning("Telegram webhook: refused a request from %s: %s", self.request.remote_ip, why)
        self.set_status(status)
        self.finish()

    def log_exception(self, typ, value, tb) -> None:  # tornado's default would log the request
        log.error("Telegram webhook: %s while handling a request", typ.__name__ if typ else "error")


def _server(application: Application, path: str, secret: str) -> tornado.httpserver.HTTPServer:
    routes = [(rf"/{path}/?", _UpdateHandler, {"telegram": application, "secret": secret})]
    web = tornado.web.Application(routes, log_function=lambda _handler: None)
    return tornado.httpserver.HTTPServer(web)


async def serve(
    application: Application,
    *,
    url: str,
    path: str,
    port: int,
    secret: str,
    allowed_updates: list[str],
    listen: str = "0.0.0.0",
) -> None:
    """Set the webhook, answer updates until SIGINT or SIGTERM, then stop cleanly."""
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stopping.set)
    async with application:
        if application.post_init:
            await application.post_init(application)
        await application.bot.set_webhook(url, secret_token=secret, allowed_updates=allowed_updates)
        await application.start()
        server = _server(application, path, secret)
        server.listen(port, address=listen)
        log.info("Telegram: receiving updates by webhook on port %d", port)
        try:
            await stopping.wait()
        finally:
            server.stop()
            await server.close_all_connections()
            await application.stop()
