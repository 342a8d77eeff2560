"""Buttons whose command is too long for a platform's callback field travel as a short key."""

from __future__ import annotations

import hashlib

from sqlalchemy import Engine

from crm_store.db import transaction
from crm_store.models import ButtonValue

PREFIX = "k:"


def short_value(engine: Engine, value: str, *, limit: int) -> str:
    """`value` itself when it fits in `limit` bytes, else a key kept in the store."""
    if len(value.encode()) <= limit:
        return value
    key = hashlib.sha256(value.encode()).hexdigest()[:24]
    with transaction(engine) as session:
        if session.get(ButtonValue, key) is None:
            session.add(ButtonValue(key=key, value=value))
    return PREFIX + key


def full_value(engine: Engine, data: str) -> str | None:
    """What a pressed button means; None for a key the store doesn't know."""
    if not data.startswith(PREFIX):
        return data
    with transaction(engine) as session:
        stored = session.get(ButtonValue, data.removeprefix(PREFIX))
        return stored.value if stored else None
