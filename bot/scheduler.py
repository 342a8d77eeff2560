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
from bot.messages import Reply
from bot.settings import Settings
from crm_store import recycle_bin
from crm_store.db import transaction
from crm_store.models import DigestDelivery, Staff

log = logging.getLogger(__name__)

STALE_CLAIM = timedelta(minutes=10)
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
            if local.time() >= staff.digest_time and (staff.id, local.date()) not in sent:
                found.append((staff, local.date()))
        return found

    def run_once(self, now: datetime | None = None) -> list[str]:
        """Send every digest that is due and not claimed elsewhere; returns who got one."""
        now = now or self.clock()
        delivered = []
        insights: dict[date, digest.Insights] = {}
        for staff, day in self.due(now):
            if not self._claim(staff, day, now):
                continue
            try:
                with transaction(self.engine) as session:
                    if day not in insights:
                        insights[day] = digest.Insights.load(
                            session, today=day, settings=self.settings
                        )
                    reply = digest.build(
                        session, staff, today=day, settings=self.settings, insights=insights[day]
                    )
                self.senders[staff.digest_platform].send(staff, reply)
            except Exception:
                log.exception("the digest for %s could not be sent; retrying later", staff.name)
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

    def start(self):
        """Tick every minute in the background (APScheduler), starting now to catch up; purge the
        delete bin every hour."""
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
        scheduler.add_job(
            self.purge_bin,
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
        except Exception:
            log.exception("digest tick failed")
            return
        if sent:
            log.info("digests sent to %s", ", ".join(sent))
