import threading
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlmodel import Session, select

from bot.buttons import full_value, short_value
from bot.cli import main
from bot.scheduler import DigestScheduler
from bot.settings import Settings
from crm_store.db import make_engine
from crm_store.models import (
    Customer,
    DigestDelivery,
    Interaction,
    PendingQuestion,
    ProcessedEvent,
    Purchase,
    Staff,
)
from tests.crm_store.insight_builders import Store

SETTINGS = Settings(database_url="unused", tz="UTC")
MORNING = datetime(2026, 11, 18, 7, 31, tzinfo=UTC)  # 08:31 in Berlin, 07:31 in London


class Outbox:
    """A platform that records what it was asked to send, and can be made to fail."""

    def __init__(self, *, fail: bool = False) -> None:
        self.sent: list[tuple[str, str]] = []
        self.fail = fail
        self.lock = threading.Lock()

    def send(self, staff: Staff, reply) -> None:
        if self.fail:
            raise ConnectionError("the platform is down")
        with self.lock:
            self.sent.append((staff.name, reply.title))


def subscribe(
    engine, name: str, at: time, *, tz: str = "Europe/Berlin", platform="slack", weekdays=False
):
    with Session(engine) as session:
        session.add(
            Staff(
                name=name,
                role="manager",
                tz=tz,
                digest_time=at,
                digest_platform=platform,
                digest_weekdays_only=weekdays,
            )
        )
        session.commit()


def deliveries(engine) -> list[DigestDelivery]:
    with Session(engine) as session:
        return list(session.exec(select(DigestDelivery)))


def test_two_processes_send_each_digest_exactly_once(engine, db_url):
    for n in range(4):
        subscribe(engine, f"Manager {n}", time(8, 0))
    outbox = Outbox()
    engines = [make_engine(db_url) for _ in range(2)]
    schedulers = [DigestScheduler(e, SETTINGS, {"slack": outbox}) for e in engines]
    start = threading.Barrier(2)

    def tick(scheduler):
        start.wait()
        for minute in range(3):
            scheduler.run_once(MORNING + timedelta(minutes=minute))

    threads = [threading.Thread(target=tick, args=(s,)) for s in schedulers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for extra in engines:
        extra.dispose()
    assert sorted(name for name, _ in outbox.sent) == [f"Manager {n}" for n in range(4)]
    assert all(title == "Team digest for Wed 18 Nov 2026" for _, title in outbox.sent)
    assert all(d.sent_at is not None for d in deliveries(engine))


def test_a_digest_waits_for_the_subscribers_local_time(engine):
    subscribe(engine, "Berlin", time(8, 30))
    subscribe(engine, "London", time(8, 30), tz="Europe/London")
    outbox = Outbox()
    scheduler = DigestScheduler(engine, SETTINGS, {"slack": outbox})
    assert scheduler.run_once(MORNING - timedelta(minutes=2)) == []
    assert scheduler.run_once(MORNING) == ["Berlin"]
    assert scheduler.run_once(MORNING + timedelta(hours=1)) == ["London"]
    assert scheduler.run_once(MORNING + timedelta(hours=2)) == []
    assert scheduler.run_once(MORNING + timedelta(days=1, hours=1)) == ["Berlin", "London"]


def test_a_weekdays_only_digest_skips_the_weekend_in_the_subscribers_time(engine):
    subscribe(engine, "Weekdays", time(8, 0), weekdays=True)
    subscribe(engine, "Daily", time(8, 0))
    scheduler = DigestScheduler(engine, SETTINGS, {"slack": Outbox()})
    friday, saturday, monday = (MORNING + timedelta(days=n) for n in (2, 3, 5))
    assert scheduler.run_once(friday) == ["Weekdays", "Daily"]
    assert scheduler.run_once(saturday) == ["Daily"]
    assert scheduler.run_once(saturday + timedelta(days=1)) == ["Daily"]
    assert scheduler.run_once(monday) == ["Weekdays", "Daily"]


def test_a_digest_missed_while_down_goes_out_on_start_once(engine):
    subscribe(engine, "Early bird", time(6, 0))
    outbox = Outbox()
    after_restart = DigestScheduler(engine, SETTINGS, {"slack": outbox})
    assert after_restart.run_once(MORNING + timedelta(hours=3)) == ["Early bird"]
    another_restart = DigestScheduler(engine, SETTINGS, {"slack": outbox})
    assert another_restart.run_once(MORNING + timedelta(hours=4)) == []
    assert len(outbox.sent) == 1


def test_a_failed_send_is_retried_on_the_next_tick(engine):
    subscribe(engine, "Unlucky", time(8, 0))
    broken = Outbox(fail=True)
    assert DigestScheduler(engine, SETTINGS, {"slack": broken}).run_once(MORNING) == []
    assert deliveries(engine) == []
    working = Outbox()
    later = MORNING + timedelta(minutes=1)
    assert DigestScheduler(engine, SETTINGS, {"slack": working}).run_once(later) == ["Unlucky"]


def test_a_claim_abandoned_by_a_dead_process_is_taken_over_once_stale(engine):
    subscribe(engine, "Orphan", time(8, 0))
    with Session(engine) as session:
        staff = session.exec(select(Staff)).one()
        session.add(DigestDelivery(staff_id=staff.id, day=MORNING.date(), claimed_at=MORNING))
        session.commit()
    outbox = Outbox()
    scheduler = DigestScheduler(engine, SETTINGS, {"slack": outbox})
    assert scheduler.run_once(MORNING + timedelta(minutes=2)) == []
    assert scheduler.run_once(MORNING + timedelta(minutes=11)) == ["Orphan"]
    assert scheduler.run_once(MORNING + timedelta(minutes=30)) == []


def test_subscribers_on_a_platform_without_a_sender_are_left_for_a_process_that_has_one(engine):
    subscribe(engine, "On Telegram", time(8, 0), platform="telegram")
    assert DigestScheduler(engine, SETTINGS, {"slack": Outbox()}).run_once(MORNING) == []
    assert deliveries(engine) == []


@pytest.fixture
def console_subscriber(engine, db_url):
    subscribe(engine, "Alex", time(8, 0), tz="UTC", platform="console")
    return db_url


def test_crmbot_digest_prints_and_sends_the_due_ones(console_subscriber, capsys):
    url = console_subscriber
    assert main(["digest", "--db", url, "--as", "Alex", "--now", "2026-11-18T09:00"]) == 0
    assert "Team digest for Wed 18 Nov 2026" in capsys.readouterr().out
    assert main(["digest", "--db", url, "--send", "--now", "2026-11-18T07:00"]) == 0
    assert capsys.readouterr().out.strip() == "Sent 0 digests."
    assert main(["digest", "--db", url, "--send", "--now", "2026-11-18T09:00"]) == 0
    out = capsys.readouterr().out
    assert "— digest for Alex —" in out and out.strip().endswith("Sent 1 digest: Alex.")
    assert main(["digest", "--db", url, "--send", "--now", "2026-11-18T09:05"]) == 0
    assert capsys.readouterr().out.strip() == "Sent 0 digests."
    assert main(["digest", "--db", url, "--as", "Nobody"]) == 2


def test_the_scheduler_purges_customers_after_their_time_in_the_bin(engine):
    with Session(engine) as session:
        store = Store(session)
        old = store.customer("Deleted long ago", stage="lost")
        store.buy(old, 400)
        store.contact(old, 300)
        recent = store.customer("Deleted last week", stage="lead")
        kept = store.customer("Never deleted", stage="customer")
        old.deleted_at = MORNING - timedelta(days=31)
        recent.deleted_at = MORNING - timedelta(days=7)
        session.add_all([old, recent])
        store.commit()
        ids = (recent.id, kept.id)
    scheduler = DigestScheduler(engine, Settings(database_url="unused", bin_days=30), {})
    assert scheduler.purge_bin(MORNING) == 1
    with Session(engine) as session:
        assert sorted(session.exec(select(Customer.id))) == sorted(ids)
        assert session.exec(select(Purchase)).all() == []
        assert session.exec(select(Interaction)).all() == []
    assert scheduler.purge_bin(MORNING) == 0
    shorter = DigestScheduler(engine, Settings(database_url="unused", bin_days=5), {})
    assert shorter.purge_bin(MORNING) == 1


def test_the_pipeline_and_the_bin_are_configured_from_the_environment(monkeypatch):
    monkeypatch.setenv("CRMBOT_STAGES", "new, demo, won, lost")
    monkeypatch.setenv("CRMBOT_STAGE_SYNONYMS", '{"closed won": "won"}')
    monkeypatch.setenv("CRMBOT_BIN_DAYS", "7")
    settings = Settings(database_url="unused")
    assert settings.pipeline.describe() == "new → demo → won → lost"
    assert (settings.pipeline.read("Closed Won"), settings.bin_days) == ("won", 7)
    monkeypatch.setenv("CRMBOT_STAGES", "lead, lead")
    with pytest.raises(ValueError, match="named twice"):
        Settings(database_url="unused")


def test_old_event_ids_expired_questions_and_old_buttons_are_purged(chat):
    chat.say("tell me about jane")  # a question, and two processed event ids
    chat.say("tell me about jane", who="Alex")
    key = short_value(chat.engine, "log a call with Jane Cooper: " + "x" * 80, limit=64)
    scheduler = DigestScheduler(
        chat.engine, Settings(database_url="unused", purge_after_days=30), {}
    )
    events = chat.count(ProcessedEvent)
    assert events >= 2 and chat.count(PendingQuestion) == 2

    today = scheduler.purge(datetime.now(UTC))  # the questions expired 30 minutes after asking
    assert (today.events, today.questions, today.buttons) == (0, 2, 0)
    assert chat.count(ProcessedEvent) == events and full_value(chat.engine, key) is not None

    later = scheduler.purge(datetime.now(UTC) + timedelta(days=31))
    assert (later.events, later.buttons) == (events, 1)
    assert chat.count(ProcessedEvent) == 0 and full_value(chat.engine, key) is None
