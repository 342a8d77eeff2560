"""Failures as logs and terminals should see them: the traceback kept, the values left out."""

from __future__ import annotations

import traceback

from sqlalchemy.exc import DBAPIError, SQLAlchemyError


def trace_without_values(error: BaseException) -> str:
    """The traceback of a failure with each exception's type but not its message, which can
    carry what a customer's record holds (SQL parameters, a database's DETAIL line)."""
    lines: list[str] = []
    chain: BaseException | None = error
    seen: set[int] = set()
    while chain is not None and id(chain) not in seen:
        seen.add(id(chain))
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_tb(chain.__traceback__))
        lines.append(f"{type(chain).__module__}.{type(chain).__qualname__}\n")
        chain = chain.__cause__ or chain.__context__
    return "".join(lines).rstrip()


def one_line(error: BaseException) -> str:
    """What went wrong in one sentence, without the SQL and values a database error carries."""
    if isinstance(error, DBAPIError) and error.orig is not None:
        text = str(error.orig)
    elif isinstance(error, SQLAlchemyError):
        text = str(error).split("\n")[0].split("(Background on this error")[0]
    elif isinstance(error, KeyError) and error.args:
        text = str(error.args[0])
    else:
        text = str(error) or type(error).__name__
    return " ".join(text.strip().splitlines()[0].split()) if text.strip() else type(error).__name__
