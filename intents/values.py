"""Dates, times and amounts as people write them, read against a given `now` and time zone."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from dateutil.relativedelta import relativedelta

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
CURRENCIES = {
    "$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "bucks": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "quid": "GBP",
    "chf": "CHF",
    "us$": "USD", "a$": "AUD", "au$": "AUD", "aud": "AUD", "c$": "CAD", "ca$": "CAD", "cad": "CAD",
    "s$": "SGD", "sgd": "SGD", "nz$": "NZD", "nzd": "NZD", "r$": "BRL", "brl": "BRL",
    "reais": "BRL", "real": "BRL", "hk$": "HKD", "hkd": "HKD", "¥": "JPY", "yen": "JPY",
    "jpy": "JPY", "₹": "INR", "inr": "INR", "rupees": "INR", "rs": "INR", "rs.": "INR",
    "lakh": "INR", "lakhs": "INR", "aed": "AED", "dirham": "AED", "dirhams": "AED", "pln": "PLN",
    "zloty": "PLN", "zł": "PLN", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "zar": "ZAR",
    "try": "TRY", "mxn": "MXN", "cny": "CNY", "rmb": "CNY", "₦": "NGN", "ngn": "NGN",
    "naira": "NGN", "₱": "PHP", "php": "PHP", "kes": "KES", "ksh": "KES", "shillings": "KES",
    "rand": "ZAR",
    "ars": "ARS", "clp": "CLP", "thb": "THB", "฿": "THB", "idr": "IDR", "myr": "MYR", "egp": "EGP",
    "czk": "CZK", "huf": "HUF", "ron": "RON", "ils": "ILS", "₪": "ILS", "krw": "KRW", "₩": "KRW",
    "qar": "QAR", "sar": "SAR", "vnd": "VND", "₫": "VND", "đồng": "VND", "dong": "VND",
    "twd": "TWD", "₺": "TRY",
    "gh₵": "GHS", "₵": "GHS", "ghs": "GHS", "cedis": "GHS", "cedi": "GHS", "pesos": "MXN",
    "peso": "MXN", "cop": "COP", "soles": "PEN", "ringgit": "MYR", "baht": "THB",
    "canadian": "CAD", "lira": "TRY", "liras": "TRY", "tl": "TRY", "nt$": "TWD", "ntd": "TWD",
    "₴": "UAH", "hryvnia": "UAH", "hryvnias": "UAH", "₸": "KZT", "tenge": "KZT",
    "₽": "RUB", "rub": "RUB", "руб": "RUB", "roubles": "RUB", "rubles": "RUB",
    **{code: code.upper() for code in (
        "uah pen uyu kzt gel isk bgn mad pkr lkr bdt npr tzs ugx etb kwd bhd omr jod crc dop rsd"
    ).split()},
}  # fmt: skip


END_OF_DAY = frozenset({"eod", "cob", "end of day", "end of the day", "close of business",
                        "close of play"})  # fmt: skip
END_OF_WEEK = frozenset({"eow", "end of week", "end of the week"})
END_OF_MONTH = frozenset({"eom", "end of month", "end of the month"})


_WEEKDAY_BEFORE_DAY = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+(?=(?:the\s+)?\d)|the\s+(?=\d+\w*\s+(?:of\s+)?[a-z]))"
)


def month_first(tz: str) -> bool:
    """3/12 is March 12 in the United States, Canada and the Philippines, 3 December elsewhere
    (Latin America writes the day first too)."""
    place = tz.split("/", 1)[-1]
    return (
        tz.startswith(("US/", "Canada/"))
        or tz.startswith("America/")
        and place.split("/")[0] in _MONTH_FIRST_AMERICA
        or tz in {"Pacific/Honolulu", "Asia/Manila"}
    )


# the zones of the United States and Canada among the America/ ones
_MONTH_FIRST_AMERICA = frozenset(
    "New_York Chicago Denver Los_Angeles Phoenix Anchorage Juneau Sitka Nome Adak Yakutat "
    "Metlakatla Boise Detroit Indiana Kentucky North_Dakota Menominee Indianapolis Louisville "
    "Toronto Vancouver Edmonton Winnipeg Halifax St_Johns Regina Montreal Moncton Glace_Bay "
    "Goose_Bay Whitehorse Dawson Dawson_Creek Fort_Nelson Creston Yellowknife Inuvik Iqaluit "
    "Rankin_Inlet Resolute Cambridge_Bay Swift_Current Thunder_Bay Nipigon Rainy_River "
    "Atikokan Blanc-Sablon Pangnirtung".split()
)


def date_in(phrase: str, *, now: datetime, tz: str, future: bool) -> date | None:
    """A date phrase as a calendar day: future-leaning for plans, past-leaning for history."""
    text = re.sub(r"^(?:on|by|before|until|till|due)\s+", "", phrase.lower().strip()).strip()
    text = _WEEKDAY_BEFORE_DAY.sub("", text)  # "tues 8th", "mon 14 dec": the day says it
    text = re.sub(
        r"^(?:the )?end of (?:this |the )?", "end of the ", text
    )  # "the end of this week"
    text = re.sub(r"^the (\d{1,2})$", r"the \1th", text)  # "on the 15": the 15th
    text = re.sub(r"^(yesterday|tomorrow) (?:arvo|afternoon|morning|evening|night)$", r"\1", text)
    today = now.date()
    fixed = {
        "today": 0,
        "tonight": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "this arvo": 0,
        "this am": 0,
        "this pm": 0,
        "tomorrow": 1,
        "day after tomorrow": 2,
        "the day after tomorrow": 2,
        "yesterday": -1,
    }
    if text in fixed:
        return today + timedelta(days=fixed[text])
    if text in END_OF_DAY:
        return today
    if text in ("this week", "later this week"):  # to do by Friday; what happened: no one day
        text = "eow" if future else ""
    if text in END_OF_WEEK:  # this week's Friday; at the weekend, the coming one
        return today + timedelta(days=(4 - today.weekday()) % 7)
    if text in END_OF_MONTH:
        return (today.replace(day=1) + relativedelta(months=1)) - timedelta(days=1)
    if text == "next week":
        return today + timedelta(days=7 - today.weekday())
    if found := re.fullmatch(
        r"(mon|tue|wed|thu|fri|sat|sun)[a-z]* (?:of )?next week"
        r"|next week (mon|tue|wed|thu|fri|sat|sun)[a-z]*",
        text,
    ):  # "thurs next week": that day of the week after this one
        wanted = WEEKDAYS.index(found.group(1) or found.group(2))
        return today + timedelta(days=7 - today.weekday() + wanted)
    if found := re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th)", text):
        return _nearest_day(today, int(found.group(1)), future)
    if found := re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th)? of (next|this|last) month", text):
        month = today.replace(day=1) + relativedelta(
            months={"next": 1, "this": 0, "last": -1}[found.group(2)]
        )  # "the 3rd of next month"
        try:
            return month.replace(day=int(found.group(1)))
        except ValueError:
            return None
    if found := re.fullmatch(
        r"(?:in )?(a|an|one|two|three|four|five|six|\d+) (day|week|fortnight|month)s?"
        r"(?: today| from now| from today| time)?",
        text,
    ):  # "in 2 weeks", "a fortnight today", "three days from now"
        n = NUMBERS.get(found.group(1)) or int(found.group(1))
        unit = found.group(2)
        return today + (
            relativedelta(months=n)
            if unit == "month"
            else timedelta(days=n * {"day": 1, "week": 7, "fortnight": 14}[unit])
        )
    if text in ("last week", "a week ago") and not future:  # "met her last week": a week back
        return today - timedelta(days=7)
    if found := re.fullmatch(r"(\d+) (day|week)s? ago", text):
        return today - timedelta(days=int(found.group(1)) * (7 if found.group(2) == "week" else 1))
    if found := re.fullmatch(r"(this |next |last )?(mon|tue|wed|thu|fri|sat|sun)[a-z]*", text):
        return _weekday(
            today, WEEKDAYS.index(found.group(2)), (found.group(1) or "").strip(), future
        )
    if found := re.fullmatch(
        r"(mid|middle of|early|beginning of|start of|late|end of)[- ]([a-z]{3})[a-z]*\.?", text
    ):  # "mid january": the 15th; early the 1st, late or end its last day
        if found.group(2) not in MONTHS:
            return None
        first = _nearest(today, MONTHS.index(found.group(2)) + 1, 1, future)
        if first is None or found.group(1) in ("early", "beginning of", "start of"):
            return first
        if found.group(1) in ("mid", "middle of"):
            return first.replace(day=15)
        return first + relativedelta(months=1) - timedelta(days=1)
    if found := re.fullmatch(r"in ([a-z]{3})[a-z]*\.?", text):  # "in march": its first day
        if found.group(1) not in MONTHS:
            return None
        month = MONTHS.index(found.group(1)) + 1
        return today if month == today.month else _nearest(today, month, 1, future)
    if found := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        return _safe(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    if found := re.fullmatch(
        r"([a-z]{3})[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?", text
    ) or re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3})[a-z]*\.?", text):
        a, b = found.groups()
        month_name, day = (a, b) if a.isalpha() else (b, a)
        if month_name not in MONTHS:
            return None
        return _nearest(today, MONTHS.index(month_name) + 1, int(day), future)
    if found := re.fullmatch(
        r"([a-z]{3})[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})", text
    ) or re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3})[a-z]*\.?,? (\d{4})", text):
        a, b, year = found.groups()
        month_name, day = (a, b) if a.isalpha() else (b, a)
        if month_name not in MONTHS:
            return None
        return _safe(int(year), MONTHS.index(month_name) + 1, int(day))
    if found := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?\.?", text):
        a, b = int(found.group(1)), int(found.group(2))
        month, day = (a, b) if month_first(tz) else (b, a)
        if month > 12 >= day:  # "20/10" in New York, "12/18" in London: only one way is a day
            month, day = day, month
        if found.group(3):
            year = int(found.group(3))
            return _safe(year + 2000 if year < 100 else year, month, day)
        meant = _nearest(today, month, day, future)
        other = _nearest(today, day, month, future) if month != day and day <= 12 else None
        if meant and other and abs((meant - today).days) > FAR >= NEAR >= abs((other - today).days):
            return other  # "07/12" in Chicago on 8 Dec: yesterday, not last July
        return meant
    return None


# a day written in the other order is meant when the zone's order lands months away and it does not
FAR, NEAR = 60, 14


def impossible(phrase: str) -> bool:
    """A day that was written as a date but does not exist: '31/02', 'feb 30', '2026-13-01'."""
    text = phrase.lower().strip()
    return bool(
        re.fullmatch(r"\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\.?|\d{4}-\d{2}-\d{2}", text)
        or re.fullmatch(r"[a-z]{3}[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?", text)
        or re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)? (?:of )?[a-z]{3}[a-z]*\.?(?:,? \d{4})?", text)
        or re.fullmatch(r"(?:the )?\d{1,2}(?:st|nd|rd|th)", text)
    )


def _nearest_day(today: date, day: int, future: bool) -> date | None:
    """'the 25th': this month's, or the next (or last) month's when that side of today."""
    month = today.replace(day=1)
    candidate = _safe(today.year, today.month, day)
    if candidate is not None and (candidate >= today if future else candidate <= today):
        return candidate
    other = month + relativedelta(months=1 if future else -1)
    return _safe(other.year, other.month, day)


def _weekday(today: date, wanted: int, word: str, future: bool) -> date:
    ahead = (wanted - today.weekday()) % 7
    if word == "next":  # "next friday": the Friday of next week
        return today + timedelta(days=7 - today.weekday() + wanted)
    if word == "last" or (not future and word != "this"):
        return today - timedelta(days=(today.weekday() - wanted) % 7 or 7)
    if ahead == 0 and word != "this":  # "friday", said on a Friday: next week's
        return today + timedelta(days=7)
    return today + timedelta(days=ahead)


def _nearest(today: date, month: int, day: int, future: bool) -> date | None:
    candidate = _safe(today.year, month, day)
    if candidate is None:
        return None
    if future and candidate < today:
        return _safe(today.year + 1, month, day)
    if not future and candidate > today:
        return _safe(today.year - 1, month, day)
    return candidate


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def time_of(text: str) -> str | None:
    """'8am' → '08:00', '7:30' → '07:30', '0630' → '06:30', '6pm' → '18:00', 'noon' → '12:00'."""
    text = text.lower().replace(" ", "")
    if text in ("noon", "midday"):
        return "12:00"
    if text == "midnight":
        return "00:00"
    found = re.fullmatch(r"(\d{1,2})(?:[:.h]?(\d{2})|h)?(am|pm)?", text)  # "18h", "7h30", "0630"
    if not found:
        return None
    hour, minute = int(found.group(1)), int(found.group(2) or 0)
    if found.group(3) == "pm" and hour < 12:
        hour += 12
    if found.group(3) == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def plain_number(value: Decimal) -> int | float:
    """A number as the contract prints it: 4000, not 4000.00; 12.5 stays 12.5."""
    return int(value) if value == value.to_integral_value() else float(value)


def amount(text: str) -> tuple[int | float, str | None] | None:
    """'$4,000' → (4000, 'USD'); '1.2k' → (1200, None); '12000 EUR' → (12000, 'EUR')."""
    lowered = text.lower().strip()
    currency = None
    for word, code in sorted(CURRENCIES.items(), key=lambda item: -len(item[0])):
        symbol = not word.isalpha()
        if (symbol and word in lowered) or (not symbol and re.search(rf"\b{word}\b", lowered)):
            currency = code
            break
    if currency is None and re.match(r"r\s?\d", lowered):  # "R67,500": rand
        currency = "ZAR"
    found = re.search(r"(\d[\d,.]*)\s*([km]|lakhs?|crore)?(?![a-z])", lowered)
    if not found:
        return None
    digits = found.group(1).rstrip(".,")
    if re.fullmatch(
        r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+,\d{1,2}", digits
    ):  # 12.000,50 (continental)
        digits = digits.replace(".", "").replace(",", ".")
    else:
        digits = digits.replace(",", "")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    scale = {"k": 1000, "m": 1_000_000, "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000}
    value *= scale.get(found.group(2) or "", 1)
    return plain_number(value), currency
