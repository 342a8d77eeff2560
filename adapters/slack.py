"""Slack: direct messages, @mentions, `/crm`, button clicks and the App Home tab, on slack-bolt.

Every request is acknowledged first and worked on after, inside Slack's 3-second limit. Nothing
that matters lives in the process: retried and duplicate deliveries are recognized by the event ids
the bot records in the store, so several processes can serve one app behind a load balancer.
Web API calls that fail are logged, never raised into Slack's request; 429s are retried after
`Retry-After` by the client itself.

`/crm …` answers privately; `/crm share …` or `/crm … --share` posts the answer in the channel.
"""

from __future__ import annotations

import io
import json
import logging
import re
import socketserver
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App, BoltContext, BoltResponse
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError
from slack_sdk.http_retry import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import text as sql
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from adapters.slack_render import ACTION_PREFIX, blocks, chosen, fallback, home_view, plain
from adapters.slack_render import message as rendered
from bot.context import HANDLERS
from bot.dispatch import Bot
from bot.errors import describe
from bot.identity import enrol, staff_for, valid_tz
from bot.messages import File, Message, Reply
from bot.settings import Settings
from crm_store.db import transaction
from crm_store.models import Staff
from intents import Parsed

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_BODY = 1024 * 1024
OTHER_WORKSPACE = "This Slack workspace is not enabled for crmbot."
_SHARE = re.compile(r"^\s*share\b[\s:,-]*|\s+--share\s*$", re.IGNORECASE)
_POST_OPTIONS = {"unfurl_links": False, "unfurl_media": False}


def build_app(bot: Bot, settings: Settings) -> App:
    """The Bolt app with every listener; its client talks to `settings.slack_api_url`."""
    app = App(
        client=web_client(settings),
        signing_secret=settings.slack_signing_secret or "",
        name="crmbot",
    )
    _Listeners(bot, settings).register(app)
    return app


def web_client(settings: Settings) -> WebClient:
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        retry_handlers=[
            RateLimitErrorRetryHandler(max_retry_count=3),
            ConnectionErrorRetryHandler(max_retry_count=2),
        ],
    )


def serve(bot: Bot, settings: Settings, *, port: int = 3000) -> None:
    """Run until stopped: Socket Mode with an app token, else HTTP on `port`."""
    app = build_app(bot, settings)
    if settings.slack_app_token:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        log.info("Slack: connecting in Socket Mode")
        SocketModeHandler(app, settings.slack_app_token).start()
        return
    if not settings.slack_signing_secret:
        raise ValueError("Slack HTTP mode needs SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN)")
    server = http_server(app, bot, signing_secret=settings.slack_signing_secret, port=port)
    log.info("Slack: listening on port %d at %s", server.server_port, EVENTS_PATH)
    try:
        server.serve_forever()
    finally:
        server.server_close()


class _ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)


def http_server(
    app: App, bot: Bot, *, signing_secret: str, host: str = "0.0.0.0", port: int = 3000
) -> WSGIServer:
    """A threaded HTTP server for `wsgi_app` (port 0 picks a free port)."""
    return make_server(
        host,
        port,
        wsgi_app(app, bot, signing_secret=signing_secret),
        server_class=_ThreadingWSGIServer,
        handler_class=_QuietHandler,
    )


def wsgi_app(app: App, bot: Bot, *, signing_secret: str) -> Callable:
    """Slack's requests at /slack/events and a health check at /healthz, for any WSGI server.

    Each request to /slack/events is screened before Bolt sees it: over 1 MB is refused unread
    (413), an unsigned or wrongly signed one gets 401, and a signed one that is not Slack's JSON
    or form body gets 400 — never a 500, and never the body in a log line.
    """
    slack = SlackRequestHandler(app, path=EVENTS_PATH)
    verifier = SignatureVerifier(signing_secret)

    def application(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH:
            status, body = _health(bot)
            start_response(status, [("Content-Type", "text/plain; charset=utf-8")])
            return [body]
        if environ.get("PATH_INFO") == EVENTS_PATH and environ.get("REQUEST_METHOD") == "POST":
            if refusal := _screen(environ, verifier):
                status, why = refusal
                log.warning("Slack: refused a request: %s", why)
                start_response(status, [("Content-Type", "text/plain; charset=utf-8")])
                return [why.encode() + b"\n"]
        return slack(environ, start_response)

    return application


def _screen(environ: dict, verifier: SignatureVerifier) -> tuple[str, str] | None:
    """Why a request to the events endpoint is refused, or None to pass it on to Bolt."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return "400 Bad Request", "unreadable Content-Length"
    if length > MAX_BODY:
        return "413 Payload Too Large", "body over 1 MB"
    body = environ["wsgi.input"].read(length) if length > 0 else b""
    environ["wsgi.input"] = io.BytesIO(body)
    stamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP") or ""
    signature = environ.get("HTTP_X_SLACK_SIGNATURE") or ""
    if not (
        stamp.isdigit()
        and signature
        and verifier.is_valid(body=body, timestamp=stamp, signature=signature)
    ):
        return "401 Unauthorized", "missing or invalid signature"
    try:
        text = body.decode("utf-8")
        if environ.get("CONTENT_TYPE", "").startswith("application/json"):
            parsed = json.loads(text)
        else:
            form = parse_qs(text, keep_blank_values=True, strict_parsing=bool(text))
            parsed = json.loads(form["payload"][0]) if "payload" in form else form
    except (UnicodeDecodeError, ValueError):
        return "400 Bad Request", "not a Slack request body"
    if not isinstance(parsed, dict):
        return "400 Bad Request", "not a Slack request body"
    return None


def _health(bot: Bot) -> tuple[str, bytes]:
    """Healthy when the store answers, so a load balancer skips a process that lost it."""
    try:
        with bot.engine.connect() as connection:
            connection.execute(sql("SELECT 1"))
    except Exception:
        log.exception("health check: the store does not answer")
        return "503 Service Unavailable", b"store unavailable\n"
    return "200 OK", b"ok\n"


class SlackSender:
    """Sends a reply unprompted (the daily digest): to the member's digest channel, else a DM."""

    def __init__(self, settings: Settings) -> None:
        self.client = web_client(settings)

    def send(self, staff: Staff, reply: Reply) -> None:
        """Raises SlackClientError when Slack refuses, so the caller can try again later."""
        channel = staff.digest_chat
        if not channel:
            if not staff.slack_id:
                raise ValueError(f"{staff.name} has no Slack id and no digest channel")
            channel = self.client.conversations_open(users=staff.slack_id)["channel"]["id"]
        self.client.chat_postMessage(channel=channel, **rendered(reply), **_POST_OPTIONS)
        if reply.files:
            _upload(self.client, channel, reply.files)


class _Listeners:
    def __init__(self, bot: Bot, settings: Settings) -> None:
        self.bot = bot
        self.settings = settings
        self._synced: set[str] = set()  # a cache: members whose profile this process has read

    def register(self, app: App) -> None:
        app.middleware(self.same_workspace)
        app.event("message")(self.on_direct_message)
        app.event("app_mention")(self.on_mention)
        app.event("app_home_opened")(self.on_home_opened)
        app.command("/crm")(self.on_command)
        app.action(re.compile("^" + re.escape(ACTION_PREFIX)))(self.on_button)
        app.error(self.on_error)

    # -- requests -------------------------------------------------------------------------------

    def same_workspace(
        self, body: dict, context: BoltContext, next: Callable
    ) -> BoltResponse | None:
        """Refuse requests from any workspace but SLACK_TEAM_ID (when it is set)."""
        expected = self.settings.slack_team_id
        teams = {
            context.team_id,
            (body.get("event") or {}).get("user_team"),
            (body.get("user") or {}).get("team_id"),
            body.get("user_team_id"),
        } - {None}
        if expected and teams - {expected}:
            log.warning("refused a request from workspace(s) %s", ", ".join(sorted(teams)))
            return BoltResponse(status=200, body=OTHER_WORKSPACE if "command" in body else "")
        return next()

    def on_direct_message(
        self, event: dict, body: dict, client: WebClient, context: BoltContext
    ) -> None:
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        self._converse(client, event, body, text=plain(event.get("text") or ""), context=context)

    def on_mention(self, event: dict, body: dict, client: WebClient, context: BoltContext) -> None:
        said = (event.get("text") or "").replace(f"<@{context.bot_user_id}>", " ")
        thread = event.get("thread_ts") or event["ts"]
        self._converse(client, event, body, text=plain(said), context=context, thread=thread)

    def _converse(
        self,
        client: WebClient,
        event: dict,
        body: dict,
        *,
        text: str,
        context: BoltContext,
        thread: str | None = None,
    ) -> None:
        user, channel = event["user"], event["channel"]
        thread = thread or event.get("thread_ts")
        self._identify(client, user, team=context.team_id)
        message = Message(
            platform="slack",
            sender=user,
            chat=f"{channel}:{thread}" if thread else channel,
            text=text,
            received_at=_at(event.get("ts")),
            event_id=body.get("event_id") or f"{channel}:{event['ts']}",
        )
        reply = self.bot.handle(message)
        if reply is not None:
            _post(client, channel, reply, thread=thread)

    def on_command(self, ack: Callable, body: dict, respond: Callable, client: WebClient) -> None:
        ack()
        typed = plain(body.get("text") or "")
        shared = bool(_SHARE.search(typed))
        typed = _SHARE.sub("", typed).strip() or "help"
        user, channel = body["user_id"], body["channel_id"]
        known = self._identify(client, user, team=body.get("team_id"))
        message = Message(
            platform="slack",
            sender=user,
            chat=channel,
            text=typed,
            received_at=datetime.now(UTC),
            event_id=f"command:{body.get('trigger_id')}",
        )
        reply = self.bot.handle(message)
        if reply is None:
            return
        public = shared and known
        if reply.files and not public:
            dm = _dm(client, user)
            if dm and _upload(client, dm, reply.files):
                reply.note = " ".join(filter(None, [reply.note, "Files sent to you by DM."]))
        _safely(
            "respond to /crm",
            respond,
            response_type="in_channel" if public else "ephemeral",
            **rendered(reply),
        )
        if reply.files and public:
            _upload(client, channel, reply.files)

    def on_button(
        self, ack: Callable, body: dict, action: dict, respond: Callable, client: WebClient
    ) -> None:
        ack()
        user = body["user"]["id"]
        label = action.get("text", {}).get("text", action["value"])
        container = body.get("container") or {}
        on_home = container.get("type") == "view"
        original = body.get("message") or {}
        if on_home:
            channel, thread = _dm(client, user), None
            if channel is None:
                return
        else:
            channel, thread = body["channel"]["id"], original.get("thread_ts")
        clicked = container.get("message_ts")
        self._identify(client, user, team=(body.get("team") or {}).get("id"))
        message = Message(
            platform="slack",
            sender=user,
            chat=f"{channel}:{thread}" if thread else channel,
            text=action["value"],
            received_at=_at(action.get("action_ts")),
            event_id=(
                f"button:{channel}:{clicked}:{action['action_id']}"
                if clicked
                else f"button:{body.get('trigger_id')}"
            ),
        )
        reply = self.bot.handle(message)
        if reply is None:
            return
        if on_home:
            _post(client, channel, reply)
            self._publish_home(client, user)
        elif container.get("is_ephemeral"):
            answer = chosen(blocks(reply), label, who=user)
            _safely(
                "answer a button",
                respond,
                replace_original=True,
                text=fallback(reply),
                blocks=answer[-1:] + answer[:-1],
            )
        else:
            if original.get("blocks"):
                _safely(
                    "mark a clicked message",
                    client.chat_update,
                    channel=channel,
                    ts=clicked,
                    text=original.get("text") or label,
                    blocks=chosen(original["blocks"], label, who=user),
                )
            _post(client, channel, reply, thread=thread)

    def on_home_opened(self, event: dict, client: WebClient, context: BoltContext) -> None:
        if event.get("tab", "home") != "home":
            return
        self._identify(client, event["user"], team=context.team_id)
        self._publish_home(client, event["user"])

    def _publish_home(self, client: WebClient, user: str) -> None:
        """Open tasks (overdue first) and suggested next actions, fresh each time it is opened."""
        asked = Message(
            platform="slack",
            sender=user,
            chat=f"home:{user}",
            text="",
            received_at=datetime.now(UTC),
        )
        parts = [("Open tasks and overdue follow-ups", Parsed("task.list", {"period": "all"}, 1.0))]
        if "next_action.suggest" in HANDLERS:
            parts.append(("Suggested next actions", Parsed("next_action.suggest", {}, 1.0)))
        replies = [(title, self.bot.run_intent(asked, parsed)) for title, parsed in parts]
        with transaction(self.bot.engine) as session:
            staff = staff_for(session, "slack", user)
            name = staff.name if staff else None
        if name is None:
            replies = replies[:1]
        view = home_view(f"Hello, {name}" if name else "crmbot", replies)
        _safely("publish the home tab", client.views_publish, user_id=user, view=view)

    def on_error(self, error: Exception, body: dict) -> None:
        log.error("Slack request failed: %s: %s", body.get("type"), describe(error))

    # -- who is speaking -----------------------------------------------------------------------

    def _identify(self, client: WebClient, user: str, *, team: str | None) -> bool:
        """Whether `user` is staff, first enrolling them or reading their time zone if due."""
        with transaction(self.bot.engine) as session:
            known = staff_for(session, "slack", user) is not None
        if known and user in self._synced:
            return True
        if not known and not self._may_enrol(team):
            return False
        profile = _profile(client, user)
        if profile is None:
            return known
        try:
            with transaction(self.bot.engine) as session:
                staff = staff_for(session, "slack", user)
                tz = _zone(profile.get("tz"))
                if staff is None:
                    if not self._is_member(profile):
                        return False
                    enrol(session, _free_name(session, profile), slack_id=user, tz=tz)
                    log.info("enrolled Slack member %s as a rep", user)
                elif tz and staff.tz != tz:
                    staff.tz = tz
                    session.add(staff)
        except IntegrityError:
            log.info("Slack member %s was enrolled by another process", user)
        self._synced.add(user)
        return True

    def _may_enrol(self, team: str | None) -> bool:
        expected = self.settings.slack_team_id
        if not self.settings.slack_allow_workspace:
            return False
        if not expected:
            log.warning("CRMBOT_SLACK_ALLOW_WORKSPACE needs SLACK_TEAM_ID; nobody is enrolled")
            return False
        return team == expected

    def _is_member(self, profile: dict) -> bool:
        """A full member of our workspace: not a bot, guest, deactivated or external account."""
        refused = ("is_bot", "deleted", "is_restricted", "is_ultra_restricted", "is_stranger")
        return profile.get("team_id") == self.settings.slack_team_id and not any(
            profile.get(flag) for flag in refused
        )


def _profile(client: WebClient, user: str) -> dict | None:
    answer = _safely("read a member's profile", client.users_info, user=user)
    return answer["user"] if answer else None


def _zone(name: str | None) -> str | None:
    try:
        return valid_tz(name) if name else None
    except ValueError:
        return None


def _free_name(session: Session, profile: dict) -> str:
    """The member's Slack name, made unique so it never takes over someone else's staff record."""
    name = (
        profile.get("real_name")
        or (profile.get("profile") or {}).get("real_name")
        or profile.get("name")
        or profile["id"]
    )
    name = " ".join(name.split())[:100]
    taken = session.exec(select(Staff).where(Staff.name == name)).first()
    return f"{name} ({profile['id']})" if taken else name


def _at(ts: str | None) -> datetime:
    """When Slack says it happened (an event's ts), or now."""
    try:
        return datetime.fromtimestamp(float(ts), UTC) if ts else datetime.now(UTC)
    except ValueError:
        return datetime.now(UTC)


def _dm(client: WebClient, user: str) -> str | None:
    answer = _safely("open a DM", client.conversations_open, users=user)
    return answer["channel"]["id"] if answer else None


def _post(client: WebClient, channel: str, reply: Reply, *, thread: str | None = None) -> None:
    _safely(
        "post a reply",
        client.chat_postMessage,
        channel=channel,
        thread_ts=thread,
        **rendered(reply),
        **_POST_OPTIONS,
    )
    if reply.files:
        _upload(client, channel, reply.files, thread=thread)


def _upload(
    client: WebClient, channel: str, files: list[File], *, thread: str | None = None
) -> bool:
    uploads = [{"content": f.content, "filename": f.name, "title": f.name} for f in files]
    return bool(
        _safely(
            "upload files",
            client.files_upload_v2,
            channel=channel,
            thread_ts=thread,
            file_uploads=uploads,
        )
    )


def _safely(what: str, call: Callable, **arguments: Any) -> Any:
    """The call's answer, or None after logging why Slack refused it or could not be reached."""
    try:
        answer = call(**arguments)
    except (SlackClientError, OSError) as error:
        log.warning("Slack: could not %s: %s", what, error)
        return None
    if getattr(answer, "status_code", 200) != 200:  # response_url posts don't raise
        log.warning("Slack: could not %s: HTTP %s %s", what, answer.status_code, answer.body)
        return None
    return answer
