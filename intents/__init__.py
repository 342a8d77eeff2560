"""Staff messages → intent and slots, as `../shared/INTENTS.md` specifies.

Pure functions: no database, no network, no clock but the `now` they are given.
"""

from intents.parser import Parsed, parse

__all__ = ["Parsed", "parse"]
