"""Telegram end to end: the real python-telegram-bot Application against a local fake Bot API."""

import asyncio
import json
import threading
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlmodel import Session, select

from adapters.telegram import TelegramSender, build_application
from adapters.telegram_render import LIMIT, size
from bot.buttons import full_value, short_value
from bot.dispatch import Bot
from bot.identity import enrol
from bot.messages import Reply
from bot.settings import Settings
from crm_store.models import Customer, Interaction, Purchase, Staff
from tests.fakes.telegram_api import FakeTelegram

REP = 111
COLLEAGUE = 222
STRANGER = 999
GROUP = {"id": -100, "type": "supergroup", "title": "Sales"}


@pytest.fixture
def fake():
    with FakeTelegram() as server:
        yield server


def seeded(engine) -> Bot:
    with Session(engine) as session:
        rep = enrol(session, "Tess", role="rep", telegram_id=str(REP), tz="UTC")
        session.add_all(
            [
                Customer(name="Jane Cooper", company="Acme Corporation", owner_id=rep.id),
                Customer(name="Jane Smith", company="Globex Ltd", owner_id=rep.id),
                Customer(name="<b>Evil</b> & Co", email="evil@example.com", owner_id=rep.id),
            ]
        )
        session.commit()
    return Bot(engine, Settings(database_url="unused", tz="UTC"))


@pytest.fixture
def core(sqlite_engine) -> Bot:
    return seeded(sqlite_engine)


@pytest.fixture
def core_on_every_store(engine) -> Bot:
    """For behaviour that depends on how the database isolates concurrent transactions."""
    return seeded(engine)


def settings_for(fake: FakeTelegram) -> Settings:
    return Settings(
        database_url="unused", telegram_bot_token="123:TEST", telegram_api_url=fake.base_url
    )


@contextmanager
def running(core: Bot, fake: FakeTelegram):
    """The application polling the fake server on its own event loop, as `serve` runs it."""
    application = build_application(core, settings_for(fake))
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    def run(coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, loop).result(timeout=30)

    async def start():
        await application.initialize()
        await application.post_init(application)
        await application.start()
        await application.updater.start_polling(poll_interval=0, timeout=1)

    async def stop():
        await application.updater.stop()
        await application.stop()
        await application.shutdown()

    run(start())
    try:
        yield
    finally:
        run(stop())
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)


def keyboard(params: dict) -> list[dict]:
    markup = json.loads(params["reply_markup"])
    return [button for row in markup["inline_keyboard"] for button in row]


def test_the_command_menu_is_set_on_start(core, fake):
    with running(core, fake):
        [menu] = fake.wait_for("setMyCommands", 1)
    names = {command["command"] for command in json.loads(menu["commands"])}
    assert {"help", "find", "log", "tasks", "digest", "undo"} <= names


def test_an_enrolled_rep_gets_a_profile_in_html(core, fake):
    with running(core, fake):
        fake.send_text(REP, "/find acme")
        [answer] = fake.wait_for("sendMessage", 1)
    assert answer["parse_mode"] == "HTML"
    assert answer["text"].startswith("<b>Jane Cooper (Acme Corporation)")


def test_a_rep_logs_a_call_from_their_phone(core, fake):
    with running(core, fake):
        fake.send_text(REP, "called jane at acme, she wants a quote for 20 seats, follow up friday")
        [answer] = fake.wait_for("sendMessage", 1)
    assert "Logged a call with Jane Cooper (Acme Corporation)" in answer["text"]
    with Session(core.engine) as session:
        [call] = session.exec(select(Interaction)).all()
    assert (call.summary, call.source_platform) == ("she wants a quote for 20 seats", "telegram")


def test_a_rep_picks_one_of_several_matches_with_a_button(core, fake):
    with running(core, fake):
        fake.send_text(REP, "tell me about jane")
        [question] = fake.wait_for("sendMessage", 1)
        smith = next(b for b in keyboard(question) if "Jane Smith" in b["text"])
        assert len(smith["callback_data"].encode()) <= 64
        fake.press(REP, smith["callback_data"], on=question)
        answers = fake.wait_for("sendMessage", 2)
        fake.wait_for("answerCallbackQuery", 1)
        fake.wait_for("editMessageReplyMarkup", 1)
    assert answers[1]["text"].startswith("<b>Jane Smith (Globex Ltd)")


def test_a_quick_answer_to_a_question_is_read_after_the_question(core_on_every_store, fake):
    fake.send_text(REP, "tell me about jane")
    fake.send_text(REP, "2")  # both arrive in one batch, as when a phone comes back online
    with running(core_on_every_store, fake):
        question, answer = fake.wait_for("sendMessage", 2)
    assert "Jane Smith" in json.dumps(keyboard(question)[1])
    assert answer["text"].startswith("<b>Jane Smith (Globex Ltd)")


def test_store_text_is_escaped_for_html(core, fake):
    with running(core, fake):
        fake.send_text(REP, "who is evil@example.com")
        [answer] = fake.wait_for("sendMessage", 1)
    assert "&lt;b&gt;Evil&lt;/b&gt; &amp; Co" in answer["text"]
    assert "<b>Evil</b>" not in answer["text"]


def test_a_stranger_gets_only_the_refusal_with_their_id(core, fake):
    with running(core, fake):
        fake.send_text(STRANGER, "tell me about acme")
        [answer] = fake.wait_for("sendMessage", 1)
    assert "not enabled" in answer["text"] and str(STRANGER) in answer["text"]
    assert "Acme" not in answer["text"] and "reply_markup" not in answer


def test_groups_answer_only_enrolled_members_who_address_the_bot(core, fake):
    with running(core, fake):
        fake.send_text(REP, "tell me about acme", chat=GROUP)
        fake.send_text(STRANGER, "@crm_test_bot tell me about acme", chat=GROUP)
        fake.send_text(REP, "@crm_test_bot tell me about acme", chat=GROUP)
        [answer] = fake.wait_for("sendMessage", 1)
        fake.send_text(REP, "/tasks", chat=GROUP)
        fake.wait_for("sendMessage", 2)
    assert answer["text"].startswith("<b>Jane Cooper") and int(answer["chat_id"]) == -100
    assert len(fake.sent()) == 2


def test_a_long_answer_arrives_split_at_line_boundaries(core, fake):
    with Session(core.engine) as session:
        acme = session.exec(select(Customer).where(Customer.company == "Acme Corporation")).one()
        for n in range(50):
            session.add(
                Interaction(
                    customer_id=acme.id,
                    channel="note",
                    summary=f"note {n:02d} " + "x" * 300,
                    occurred_at=datetime(2026, 11, 1, tzinfo=UTC) - timedelta(days=n),
                )
            )
        session.commit()
    with running(core, fake):
        fake.send_text(REP, "last 50 notes with acme")
        parts = fake.wait_for_text("note 49 ")
    assert len(parts) > 1 and all(size(part["text"]) <= LIMIT for part in parts)
    text = "\n".join(part["text"] for part in parts)
    assert all(f"note {n:02d} " in text for n in range(50))
    assert all(part["text"].split("\n")[-1].endswith("x") for part in parts)


def test_a_duplicate_update_is_applied_once(core, fake):
    update = fake.send_text(REP, "called acme, discussed the renewal")
    fake.push(dict(fake.updates[-1]), update_id=update)  # the same update delivered again
    with running(core, fake):
        fake.wait_for("sendMessage", 1)
    with Session(core.engine) as session:
        assert len(session.exec(select(Interaction)).all()) == 1
    assert len(fake.sent()) == 1


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # PTB's own
def test_a_flood_limit_is_waited_out(core, fake):
    fake.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    with running(core, fake):
        fake.send_text(REP, "/tasks")
        [answer] = fake.wait_for("sendMessage", 1)
    assert "open tasks" in answer["text"].lower()


def test_a_bad_gateway_is_retried(core, fake):
    fake.fail("sendMessage", 502, "Bad Gateway", times=2)
    with running(core, fake):
        fake.send_text(REP, "/find acme")
        [answer] = fake.wait_for("sendMessage", 1)
    assert answer["text"].startswith("<b>Jane Cooper (Acme Corporation)")


def test_one_failing_update_does_not_stop_the_bot(core, fake, caplog):
    fake.fail("sendMessage", 400, "Bad Request: chat not found")
    with running(core, fake):
        fake.send_text(REP, "/find acme")
        fake.send_text(REP, "/find globex")
        [answer] = fake.wait_for("sendMessage", 1)
    assert answer["text"].startswith("<b>Jane Smith (Globex Ltd)")
    assert "Telegram update 1 failed" in caplog.text


def test_a_bare_menu_command_explains_itself(core, fake):
    with running(core, fake):
        fake.send_text(REP, "/find")
        [answer] = fake.wait_for("sendMessage", 1)
    assert "tell me about Acme" in answer["text"]


def test_a_chart_arrives_as_a_photo(core, fake):
    with Session(core.engine) as session:
        acme = session.exec(select(Customer).where(Customer.company == "Acme Corporation")).one()
        today = datetime.now(UTC).date()
        session.add(
            Purchase(
                customer_id=acme.id, product="Pro", amount=Decimal("1200.50"), purchased_on=today
            )
        )
        session.commit()
    with running(core, fake):
        fake.send_text(REP, "revenue by month this year as a chart")
        [photo] = fake.wait_for("sendPhoto", 1)
    [total] = fake.sent()
    assert "Total $1,200.50" in total["text"]
    assert photo["photo"]["filename"].endswith(".png")
    assert photo["photo"]["content"].startswith(b"\x89PNG")


def test_a_customer_list_arrives_with_its_csv_as_a_document(core, fake):
    with running(core, fake):
        fake.send_text(REP, "all customers")
        [document] = fake.wait_for("sendDocument", 1)
    assert document["document"]["filename"].endswith(".csv")
    csv = document["document"]["content"].decode()
    assert "Jane Cooper" in csv and "<b>Evil</b> & Co" in csv


def test_in_a_group_only_the_asker_can_press_their_buttons(core, fake):
    with Session(core.engine) as session:
        enrol(session, "Colin", role="rep", telegram_id=str(COLLEAGUE), tz="UTC")
        session.commit()
    with running(core, fake):
        fake.send_text(REP, "/find jane", chat=GROUP)
        [question] = fake.wait_for("sendMessage", 1)
        smith = next(b for b in keyboard(question) if "Jane Smith" in b["text"])
        fake.press(STRANGER, smith["callback_data"], on=question)
        fake.press(COLLEAGUE, smith["callback_data"], on=question)
        refusals = fake.wait_for("answerCallbackQuery", 2)
        fake.press(REP, smith["callback_data"], on=question)
        answers = fake.wait_for("sendMessage", 2)
    assert "not enabled" in refusals[0]["text"] and str(STRANGER) in refusals[0]["text"]
    assert refusals[1]["text"] == f"These buttons are for User{REP}."
    assert answers[1]["text"].startswith("<b>Jane Smith (Globex Ltd)")
    assert len(fake.sent("editMessageReplyMarkup")) == 1
    quoted = {json.loads(answer["reply_parameters"])["message_id"] for answer in answers}
    assert len(quoted) == 1  # the answer to the button still answers the rep's message


def test_a_second_tap_on_a_keyboard_does_nothing_more(core, fake):
    with running(core, fake):
        fake.send_text(REP, "called acme, discussed the renewal")
        [logged] = fake.wait_for("sendMessage", 1)
        [undo] = keyboard(logged)
        fake.press(REP, undo["callback_data"], on=logged)
        fake.press(REP, undo["callback_data"], on=logged)
        fake.wait_for("answerCallbackQuery", 2)
        fake.wait_for("sendMessage", 2)
    assert len(fake.sent()) == 2
    with Session(core.engine) as session:
        assert session.exec(select(Interaction)).all() == []


def test_the_digest_sender_reaches_a_rep_outside_a_conversation(core, fake):
    with Session(core.engine) as session:
        rep = session.exec(select(Staff).where(Staff.name == "Tess")).one()
    TelegramSender(settings_for(fake)).send(rep, Reply(title="Digest", text="3 calls <today>"))
    [message] = fake.sent()
    assert int(message["chat_id"]) == REP and "3 calls &lt;today&gt;" in message["text"]


def test_a_long_button_command_travels_as_a_short_key(sqlite_engine):
    command = "remind me to call #17 about the renewal of the enterprise plan next tuesday"
    data = short_value(sqlite_engine, command, limit=64)
    assert len(data.encode()) <= 64 and data != command
    assert full_value(sqlite_engine, data) == command
    assert full_value(sqlite_engine, "done 14") == "done 14"
