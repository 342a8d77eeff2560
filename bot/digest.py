"""The daily digest: yesterday's activity against the same weekday a week before, what is due,
who is slipping, and what to do first. A manager sees the team; a rep sees their own book."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pandas as pd
from sqlmodel import Session

from bot import format
from bot.books import Book, default_book
from bot.digest_activity import Activity
from bot.handlers.insights import KINDS, action_buttons, display_name
from bot.messages import Reply
from bot.settings import Settings
from crm_store import analytics, recommend
from crm_store.models import Staff

TOP_ACTIONS = 5
AT_RISK = 5


@dataclass(frozen=True)
class Insights:
    """The store-wide figures of one day, computed once and shared by every digest of that day:
    the snapshot, the baskets, each book's slice of the snapshot and the day's activity."""

    snapshot: analytics.Snapshot
    baskets: recommend.Baskets
    activity: Activity
    _kept: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, session: Session, *, today: date, settings: Settings) -> Insights:
        snap = analytics.snapshot(
            session, today=today, currency=settings.currency, lapsed_days=settings.lapsed_days
        )
        return cls(snap, recommend.baskets(session, today=today), Activity(settings.currency))

    def prepare(self, recipients: list[Staff]) -> None:
        """Read at once what the digests of `recipients` will each want from the store: the
        products of every book's most valuable buyers (one query, not one per digest)."""
        owners = dict.fromkeys(default_book(staff).owner_id for staff in recipients)
        recommend.read_baskets(
            self.snapshot, self.baskets, [self.book(owner) for owner in owners], limit=TOP_ACTIONS
        )

    def book(self, owner: int | None) -> pd.Index:
        """The ids of one owner's customers (everyone's for the team), in the snapshot's order: it
        is split by owner once, not filtered again for every digest."""
        ids = self.snapshot.customers.index
        if owner is None:
            return ids
        if "books" not in self._kept:
            grouped = self.snapshot.customers.groupby("owner_id", sort=False).indices
            self._kept["books"] = {int(o): positions for o, positions in grouped.items()}
        return ids[self._kept["books"].get(owner, [])]

    def slipping(self, owner: int | None) -> pd.DataFrame:
        """The book's high-value customers at risk, most valuable first."""
        if "slipping" not in self._kept:
            frame = self.snapshot.customers
            risky = (frame["p_alive"] < analytics.AT_RISK_BELOW).fillna(False) | (
                frame["p_alive"].isna()
                & frame["segment"].isin(["at_risk", "cant_lose", "about_to_sleep", "hibernating"])
            )
            columns = ["name", "company", "owner_id", "value", "recency_days"]
            self._kept["slipping"] = frame.loc[frame["high_value"] & risky, columns]
        found = self._kept["slipping"]
        if owner is not None:
            found = found[found["owner_id"] == owner]
        return found.nlargest(AT_RISK, "value")


def local_today(staff: Staff, now: datetime, settings: Settings) -> date:
    return now.astimezone(ZoneInfo(staff.tz or settings.tz)).date()


def build(
    session: Session,
    staff: Staff,
    *,
    today: date,
    settings: Settings,
    insights: Insights | None = None,
    book: Book | None = None,
    so_far: bool = False,
) -> Reply:
    """The digest `staff` gets on the morning of `today` (their local day): of `book`, by default
    the team's for a manager and their own for a rep; `so_far`: of today's activity until now,
    asked for before the day is over ("end of day digest")."""
    if insights is None or insights.snapshot.today != today:
        insights = Insights.load(session, today=today, settings=settings)
    tz = ZoneInfo(staff.tz or settings.tz)
    book = book or default_book(staff)
    team = book.team
    owner = book.owner_id
    money = lambda amount: format.money(amount, settings.currency)  # noqa: E731
    day = today if so_far else today - timedelta(days=1)
    said = "today so far" if so_far else "yesterday"
    before = day - timedelta(days=7)
    activity = insights.activity
    now_figures = activity.day(session, day, tz=tz, owner=owner)
    then = activity.day(session, before, tz=tz, owner=owner)
    weekday = f"the {before:%A} before"
    worth = lambda figures: money(analytics.cents_to_money(figures.revenue_cents))  # noqa: E731
    fields = {
        f"Contacts {said}": f"{now_figures.contacts} ({then.contacts} {weekday})",
        "New customers": f"{now_figures.new_customers} ({then.new_customers})",
        "Purchases": (
            f"{now_figures.purchases} worth {worth(now_figures)} "
            f"({then.purchases} worth {worth(then)})"
        ),
        "Follow-ups": "{} due today, {} overdue".format(
            *activity.tasks(session, today, owner=owner)
        ),
        f"NPS {said}": _nps(activity.nps(session, day, owner=owner)),
    }
    lines = []
    if team:
        per_rep = activity.contacts_per_rep(session, day, tz=tz)
        if per_rep:
            lines.append("Contacts by rep: " + ", ".join(f"{n} {c}" for n, c in per_rep) + ".")
    frame = insights.snapshot.customers
    slipping = insights.slipping(owner)
    if len(slipping):
        names = [
            f"{display_name(row, i)} ({money(analytics.cents_to_money(row['value']))}, "
            f"last order {int(row['recency_days'])} days ago)"
            for i, row in slipping.iterrows()
        ]
        lines.append("High-value customers at risk: " + "; ".join(names) + ".")
    actions = recommend.suggest(
        session,
        insights.snapshot,
        insights.baskets,
        customer_ids=insights.book(owner),
        money=money,
        per_customer=1,
        limit=TOP_ACTIONS,
    )
    if actions:
        lines.append("Top things to do today:")
    rows = [
        {
            "Customer": display_name(
                {
                    "name": frame.at[s.customer_id, "name"],
                    "company": frame.at[s.customer_id, "company"],
                },
                s.customer_id,
            ),
            "Do": KINDS[s.kind],
            "Why": s.reason,
        }
        for s in actions
    ]
    whose = "Team digest" if team else f"{book.whose} digest"
    return Reply(
        title=f"{whose} for {today:%a %-d %b %Y}",
        fields=fields,
        text="\n".join(lines),
        rows=rows,
        buttons=[b for s in actions[:2] for b in action_buttons(s)],
        note=f"{said.split()[0].capitalize()} is {day:%a %-d %b} in {tz.key}; "
        "say “stop the digest” to stop it.",
    )


def _nps(scores: list[int]) -> str:
    if not scores:
        return "no answers"
    detractors = sum(score <= 6 for score in scores)
    listed = ", ".join(str(s) for s in sorted(scores, reverse=True))
    return (
        f"{len(scores)} answer{'s' * (len(scores) != 1)} ({listed}); "
        f"{detractors} detractor{'s' * (detractors != 1)}"
    )
