"""Errors as log lines that hold no personal data."""

from __future__ import annotations

import sys
import traceback


def describe(error: BaseException) -> str:
    """An error for the log without personal data: its kind, the database's own code and
    constraint when it has them, and where in the code it happened — never its message, which
    may quote what was typed or stored."""
    original = getattr(error, "orig", None)
    diagnosis = getattr(original, "diag", None)
    codes = [
        f"{name} {value}"
        for name, value in (
            ("sqlstate", getattr(original, "sqlstate", None)),
            ("constraint", getattr(diagnosis, "constraint_name", None)),
        )
        if value
    ]
    kind = type(original or error).__name__ + (f" ({', '.join(codes)})" if codes else "")
    frames = traceback.extract_tb(error.__traceback__)
    where = "".join(traceback.format_list(frames)).rstrip()
    return f"{kind}\nTraceback (most recent call last):\n{where}"


def one_line(error: BaseException) -> str:
    """What went wrong in one sentence, without the SQL and values a database error carries."""
    # an error can only be SQLAlchemy's if it is loaded (`crmbot parse` starts without it)
    store = sys.modules.get("sqlalchemy.exc")
    if store is not None and isinstance(error, store.DBAPIError) and error.orig is not None:
        text = str(error.orig)
    elif store is not None and isinstance(error, store.SQLAlchemyError):
        text = str(error).split("\n")[0].split("(Background on this error")[0]
    elif isinstance(error, KeyError) and error.args:
        text = str(error.args[0])
    else:
        text = str(error) or type(error).__name__
    return " ".join(text.strip().splitlines()[0].split()) if text.strip() else type(error).__name__
