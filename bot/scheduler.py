"""Sends each subscriber's digest once a day at their local time, however many bot processes run.

A digest is due when the subscriber's local clock has passed their digest time and no delivery for
their local day exists. Sending starts with a claim: inserting the (staff, day) row of
digest_deliveries, which the database lets only one process do. The claim is marked sent after
the platform accepted the message, and released if sending failed, so a later tick retries. A
process that dies between claiming and sending leaves a claim that goes stale after
`STALE_CLAIM` and is then taken over: a digest missed while every process was down goes out on
start, once (the only duplicate possible is a crash in the instant after the platform accepted).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, delete, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot import digest
from bot.errors import describe
from bot.messages import Reply
from bot.settings import Settings
from crm_store import recycle_bin, retention
from crm_store.db import transaction
from crm_store.models import DigestDelivery, Staff

log = logging.getLogger(__name__)

STALE_CLAIM = timedelta(minutes=10)
SATURDAY = 5  # date.weekday() of the first day of the weekend
TICK_SECONDS = 60


class Sender(Protocol):
    def send(self, staff: Staff, reply: Reply) -> None: ...


class DigestScheduler:
    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        senders: Mapping[str, Sender],
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.senders = senders
        self.clock = clock

    def due(self, now: datetime) -> list[tuple[Staff, date]]:
        """Subscribers on a platform we can send to whose digest time has come today."""
        with Session(self.engine, expire_on_commit=False) as session:
            subscribers = session.exec(
                select(Staff).where(col(Staff.digest_time).is_not(None))
            ).all()
            sent = {
                (row.staff_id, row.day)
                for row in session.exec(
                    select(DigestDelivery).where(
                        DigestDelivery.day >= (now - timedelta(days=2)).date()
                    )
                )
                if row.sent_at is not None or now - row.claimed_at < STALE_CLAIM
            }
        found = []
        for staff in subscribers:
            if staff.digest_platform not in self.senders:
                continue
            local = now.astimezone(ZoneInfo(staff.tz or self.settings.tz))
            if staff.digest_weekdays_only and local.weekday() >= SATURDAY:
                continue
            if local.time() >= staff.digest_time and (staff.id, local.date()) not in sent:
                found.append((staff, local.date()))
        return found

    def run_once(self, now: datetime | None = None) -> list[str]:
        """Send every digest that is due and not claimed elsewhere; returns who got one."""
        now = now or self.clock()
        delivered = []
        insights: dict[date, digest.Insights] = {}
        due = self.due(now)
        for staff, day in due:
            if not self._claim(staff, day, now):
                continue
            try:
                with transaction(self.engine) as session:
                    if day not in insights:
                        insights[day] = digest.Insights.load(
                            session, today=day, settings=self.settings
                        )
                        insights[day].prepare([s for s, d in due if d == day])
                    reply = digest.build(
                        session, staff, today=day, settings=self.settings, insights=insights[day]
                    )
                self.senders[staff.digest_platform].send(staff, reply)
            except Exception as error:
                log.error(
                    "the digest for %s could not be sent; retrying later: %s",
                    staff.name,
                    describe(error),
                )
                self._release(staff, day)
                continue
            self._mark_sent(staff, day, now)
            delivered.append(staff.name)
        return delivered

    def _claim(self, staff: Staff, day: date, now: datetime) -> bool:
        try:
            with transaction(self.engine) as session:
                session.add(DigestDelivery(staff_id=staff.id, day=day, claimed_at=now))
            return True
        except IntegrityError:
            pass
        with transaction(self.engine) as session:  # take over a claim its process abandoned
            taken = session.execute(
                update(DigestDelivery)
                .where(
                    DigestDelivery.staff_id == staff.id,
                    DigestDelivery.day == day,
                    col(DigestDelivery.sent_at).is_(None),
                    DigestDelivery.claimed_at < now - STALE_CLAIM,
                )
                .values(claimed_at=now)
            )
            return taken.rowcount == 1

    def _release(self, staff: Staff, day: date) -> None:
        with transaction(self.engine) as session:
            session.execute(
                delete(DigestDelivery).where(
                    DigestDelivery.staff_id == staff.id,
                    DigestDelivery.day == day,
                    col(DigestDelivery.sent_at).is_(None),
                )
            )

    def _mark_sent(self, staff: Staff, day: date, now: datetime) -> None:
        with transaction(self.engine) as session:
            session.execute(
                update(DigestDelivery)
                .where(DigestDelivery.staff_id == staff.id, DigestDelivery.day == day)
                .values(sent_at=now)
            )

    def refresh_figures(self, now: datetime | None = None) -> bool:
        """Refit the forecast and recompute every customer's figures, once a day: the first
        call of a day does it, later ones (in this process or another) find it done."""
        from crm_store import analytics

        today = (now or self.clock()).astimezone(ZoneInfo(self.settings.tz)).date()
        with transaction(self.engine) as session:
            analytics.lock_figures(session)
            stored = analytics.latest_store_figures(session)
            if stored is not None and stored.as_of >= today:
                return False
            figures = analytics.refresh(session, today=today, currency=self.settings.currency)
        log.info("figures refreshed for %d buyers (%s)", len(figures.customers), figures.model.kind)
        return True

    def purge_bin(self, now: datetime | None = None) -> int:
        """Purge the customers that have been in the delete bin for `bin_days`."""
        now = now or self.clock()
        with transaction(self.engine) as session:
            purged = recycle_bin.purge(
                session, deleted_before=now - timedelta(days=self.settings.bin_days), now=now
            )
        if purged:
            log.info("purged %d customers from the delete bin", purged)
        return purged

    def purge(self, now: datetime | None = None) -> retention.Purged:
        """Forget old delivery ids, expired questions and old button commands."""
        keep = timedelta(days=self.settings.purge_after_days)
        with transaction(self.engine) as session:
            purged = retention.purge(session, now=now or self.clock(), keep=keep)
        if any((purged.events, purged.questions, purged.buttons)):
            log.info(
                "purged %d event ids, %d expired questions, %d button commands",
                purged.events,
                purged.questions,
                purged.buttons,
            )
        return purged

    def start(self):
        """Tick every minute in the background (APScheduler), starting now to catch up; purge the
        delete bin, and what is kept only for a while, every hour; refresh the customer figures once
        a day."""
        from apscheduler.schedulers.background import BackgroundScheduler

        scheduler = BackgroundScheduler(timezone=UTC)
        scheduler.add_job(
            self._tick,
            "interval",
            seconds=TICK_SECONDS,
            next_run_time=datetime.now(UTC),
            max_instances=1,
            coalesce=True,
        )
        for job in (self.purge_bin, self.purge, self.refresh_figures):
            scheduler.add_job(
                job,
                "interval",
                hours=1,
                next_run_time=datetime.now(UTC),
                max_instances=1,
                coalesce=True,
            )
        scheduler.start()
        return scheduler

    def _tick(self) -> None:
        try:
            sent = self.run_once()
        except Exception as error:
            log.error("digest tick failed: %s", describe(error))
            return
        if sent:
            log.info("digests sent to %s", ", ".join(sent))
