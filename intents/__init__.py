"""Staff messages → intent and slots, as `../shared/INTENTS.md` specifies.

Pure functions: no database, no network, no clock but the `now` they are given, and no store but
the `Lexicon` of names the bot hands over.
"""

from intents.lexicon import REPS, Lexicon
from intents.parser import CUSTOMERS, EXCLUDING, WITH_TASKS, Parsed, parse
from intents.rules import (
    A_YEAR_BEFORE,
    ADDED,
    ANOTHER_PRODUCT,
    AVERAGE,
    BOUGHT,
    BOUGHT_DAYS,
    CAME_FROM,
    CLOSED,
    CONTACT,
    CONTACT_FOLLOW_UP,
    CONTACT_SAID,
    CONTACTED_DAYS,
    DAYS,
    DISCOUNT,
    EACH,
    FORECAST,
    MENTIONING,
    MOVED_TO,
    NAMESAKES,
    NEVER_PURCHASED,
    NOT_BOUGHT,
    NOT_TAG,
    OLD_CHANNEL,
    OUTCOME,
    SALE_OF,
    SOLD_ON,
    TASKS_DONE,
    TASKS_OF,
    THEIR_OWNERS,
    WAS,
)

__all__ = [
    "A_YEAR_BEFORE", "ADDED", "ANOTHER_PRODUCT", "AVERAGE", "BOUGHT", "BOUGHT_DAYS", "CAME_FROM",
    "CLOSED", "CONTACT", "CONTACT_FOLLOW_UP", "CONTACT_SAID", "CONTACTED_DAYS", "CUSTOMERS", "DAYS",
    "DISCOUNT", "EACH", "FORECAST", "EXCLUDING", "Lexicon", "MENTIONING", "MOVED_TO", "NAMESAKES",
    "NEVER_PURCHASED", "NOT_BOUGHT", "NOT_TAG", "OLD_CHANNEL", "OUTCOME", "Parsed", "REPS",
    "SALE_OF", "SOLD_ON", "TASKS_DONE", "TASKS_OF", "THEIR_OWNERS", "WAS", "WITH_TASKS", "parse",
]  # fmt: skip
