"""Who is speaking: one staff member behind a Slack id, a Telegram id and a console name."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session, select

from crm_store.models import Role, Staff

PLATFORM_COLUMNS = {"slack": Staff.slack_id, "telegram": Staff.telegram_id, "console": Staff.name}


def staff_for(session: Session, platform: str, sender: str) -> Staff | None:
    column = PLATFORM_COLUMNS.get(platform)
    if column is None:
        return None
    return session.exec(select(Staff).where(column == sender)).first()


def valid_tz(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"“{name}” is not a time zone (try e.g. Europe/Berlin)") from None
    return name


def enrol(
    session: Session,
    name: str,
    *,
    role: str = Role.rep.value,
    slack_id: str | None = None,
    telegram_id: str | None = None,
    tz: str | None = None,
) -> Staff:
    """Add a staff member, or update the one with this name (ids and role are replaced)."""
    if role not in Role.__members__:
        raise ValueError(f"role must be one of {', '.join(Role.__members__)}")
    name = " ".join(name.split())
    if not name:
        raise ValueError("a staff member needs a name")
    staff = session.exec(select(Staff).where(Staff.name == name)).first() or Staff(name=name)
    staff.role = role
    if slack_id is not None:
        staff.slack_id = slack_id
    if telegram_id is not None:
        staff.telegram_id = str(telegram_id)
    if tz is not None:
        staff.tz = valid_tz(tz)
    session.add(staff)
    session.flush()
    return staff


def not_enabled(platform: str, sender: str) -> str:
    flag = {"slack": "--slack", "telegram": "--telegram"}.get(platform, "")
    return (
        f"You are not enabled for crmbot yet. Ask an admin to run: "
        f'crmbot staff add "Your Name" --role rep {flag} {sender}'.replace("  ", " ")
    )
