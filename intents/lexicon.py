"""The store's names as the bot hands them to the parser: customers, companies, products, staff.

The parser reads text, not records; a lexicon only lets it recognise what the store already knows:
a message that is nothing but a known customer (or a close typo of one), a product said loosely
("training workshops"), a colleague whose book is asked for.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from rapidfuzz import fuzz, process

from intents import vocab
from intents.rules import BOUGHT, CAME_FROM, NOT_BOUGHT, UNREAD


@dataclass(frozen=True)
class Lexicon:
    customers: tuple[str, ...] = ()  # people's names
    companies: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    staff: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()  # where customers are
    interests: tuple[str, ...] = ()  # what customers are interested in, as recorded
    tags: tuple[str, ...] = ()

    @cached_property
    def names(self) -> _Names:
        return _Names(self)

    @cached_property
    def possessive_typos(self) -> re.Pattern | None:
        """A colleague's first name with an s and no apostrophe, or with none at all before
        their customers (`with_possessives`)."""
        firsts = {n.split()[0] for n in self.staff if n.split()}
        plain = sorted(re.escape(f) for f in firsts if _ascii(_fold(f) + "s") not in _WORDS_TOO)
        if not plain:
            return None
        names = "|".join(plain)
        return re.compile(
            rf"\b({names})s\b(?!['’])|\b(?<=all )({names})(?=\s+(?:customers|clients|accounts|"
            r"accts|leads|prospects|deals|book)\b)",
            re.I,
        )

    def names_a_customer(self, word: str) -> bool:
        """Whether a word is a word of some customer's or company's name, folded. It reads every
        name, so it is asked only of the words a message needs and the answers are kept."""
        key = _ascii(_fold(word))
        if (known := self._name_words.get(key)) is None:
            named = _words_of([key], (*self.customers, *self.companies))
            known = self._name_words[key] = bool(named)
        return known

    @cached_property
    def _name_words(self) -> dict[str, bool]:
        return {}

    @cached_property
    def products_by_key(self) -> dict[str, str]:
        return {_key(p): p for p in self.products}

    @cached_property
    def company_starts(self) -> frozenset[str]:
        """The first word of every company, folded: a word after a name that may say which."""
        return frozenset(_fold(c.split()[0]) for c in self.companies if c.strip())

    @cached_property
    def places(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """The store's cities and tags, folded, and its interests and products, as singular keys."""
        cities = frozenset(c.casefold() for c in self.cities if c)
        tags = frozenset(t.casefold() for t in self.tags if t)
        wanted = frozenset(_key(i) for i in (*self.interests, *self.products) if i)
        return cities, tags, wanted


class _Names:
    """Customers' and companies' names, lower-cased and indexed by first and last word, so that
    reading a message costs a few look-ups rather than a pass over every name (a store may hold a
    million)."""

    def __init__(self, lexicon: Lexicon) -> None:
        named = [n for n in (*lexicon.customers, *lexicon.companies) if n.strip()]
        # "chloe garcia" is Chloé García: each name also without its accents
        self.whole = {**{_plain(n): n for n in named}, **{n.lower(): n for n in named}}
        self.choices = list(self.whole)
        self.people = list({_plain(n) for n in lexicon.customers if n})  # "zoe" finds Zoé
        self.cities = frozenset(_plain(c) for c in lexicon.cities if c)
        self.by_first = _by_word(self.choices, lambda name: name.split(None, 1)[0])
        self.by_last = _by_word(self.choices, lambda name: name.rsplit(None, 1)[-1])
        companies = [_plain(c) for c in lexicon.companies if c.strip()]
        self.companies_by_first = _by_word(companies, lambda name: name.split(None, 1)[0])
        long_names = [name for name in self.choices if len(name) >= 4]
        self.by_start = _by_word(long_names, lambda name: _FIRST_RUN.match(name).group())

    def like(self, word: str, index: dict[str, list[str]]) -> list[list[str]]:
        """The names (as lists of words) whose indexed word is `word` or a close typo of it."""
        near = process.extract(word, index.keys(), scorer=fuzz.ratio, score_cutoff=85, limit=None)
        return [name.split() for found, _, _ in near for name in index[found]]


def _by_word(names: list[str], word_of) -> dict[str, list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for name in names:
        index[word_of(name)].append(name)
    return index


_FIRST_RUN = re.compile(r"\w*")


REPS = "reps"  # the colleagues a report compares (not in the contract's frame)
_FIGURE_SAID = re.compile(
    r"\b(?:revenue|sales|sold|turnover|orders|purchases|nps|calls|meetings|e-?mails|contacts|"
    r"interactions|visits|new customers|deals)\b",
    re.I,
)
# "… vs last quarter": against the period before, not "sam vs jordan last quarter"
_AGAINST_BEFORE = re.compile(
    r"\b(?:vs\.?|versus|against|compared (?:to|with)|than)\s+(?:the\s+)?"
    r"(?:last|previous|prior|same)\b|\b(?:before|previous period)\W*$",
    re.I,
)
# Intents that can be asked about a colleague's book; a staff name in them fills `owner`.
OWNED = frozenset(
    {"task.list", "digest.show", "segment.list", "report.show", "interaction.history",
     "next_action.suggest"}
)  # fmt: skip
_FILLER = re.compile(
    r"^(?:who(?:'s| is|s)|what(?:'s| is|s)? (?:new|up|happening|going on) (?:with|at)|"
    r"(?:quick |a )?(?:summary|update|rundown|overview) (?:of|on)|"
    r"any (?:news|updates?) (?:on|from)|"
    r"what about|how about|status of|how(?:'s| is) (?:it going with )?)\s+",
    re.I,
)


def known_customer(typed: str, lexicon: Lexicon) -> str | None:
    """The message as typed when it only names a known customer or company, else None.

    'northwind', 'umbrela corp?', 'j. cooper', "what's new with Initech".
    """
    said = _FILLER.sub("", typed.strip()).strip(" ?!.,")
    words = said.lower().split()
    if not words or len(words) > 4 or not any(c.isalpha() for c in said):
        return None
    names = lexicon.names
    lowered = " ".join(words)
    if lowered in names.whole or _plain(lowered) in names.whole:
        return said
    if process.extractOne(lowered, names.choices, scorer=fuzz.ratio, score_cutoff=88):
        return said
    if _person_and_company(words, names):
        return said
    if any(  # "umbrela corp": the first words of a longer name
        len(words) < len(parts)
        and all(fuzz.ratio(w, p) >= 85 for w, p in zip(words, parts, strict=False))
        for parts in names.like(words[0], names.by_first)
    ):
        return said
    if (
        len(words) == 2
        and re.fullmatch(r"[a-z]\.?", words[0])
        and any(
            len(parts) >= 2 and parts[0][0] == words[0][0]
            for parts in names.like(words[1], names.by_last)
        )
    ):
        return said  # "j. cooper"
    return None


def named_inside(text: str, lexicon: Lexicon) -> str | None:
    """The longest known customer or company named word for word inside a sentence, as typed;
    else the first word of exactly one company ("quote globex" names Globex Ltd), capitalised
    when the sentence has capitals, so a plain word that starts a company's name does not."""
    lowered = text.lower()
    found = []  # (length, where), the longest and then the first wins
    for word in re.finditer(r"\w+", lowered):
        at = word.start()
        for name in lexicon.names.by_start.get(word.group(0), ()):
            if lowered.startswith(name, at) and not re.match(r"\w", lowered[at + len(name) :]):
                found.append((len(name), -at))
    if found:
        size, before = max(found)
        return text[-before : size - before]
    cased = text != lowered
    for word in re.finditer(r"\w{4,}", text):
        if cased and not word.group()[0].isupper():
            continue
        if len(lexicon.names.companies_by_first.get(_plain(word.group()), ())) == 1:
            return word.group()
    return None


def customers_leading(text: str, lexicon: Lexicon) -> tuple[list[str], str]:
    """The known customers named one after another at the start of a contact's summary, and
    what follows them: "Hank Scorpio and Bill Lumbergh the recording" after "emailed Jane Cooper,".
    Whole names only, so "Hank said …" stays what Hank said."""
    named, rest = [], _NEXT_NAMED.sub("", text, count=1)
    while size := _whole_name_at(rest, lexicon):
        named.append(rest[:size])
        rest = rest[size:]
        gap = _NEXT_NAMED.match(rest)
        if not gap or not _whole_name_at(rest[gap.end() :], lexicon):
            break
        rest = rest[gap.end() :]
    return named, rest.strip(" ,;:.-–—")


def _whole_name_at(text: str, lexicon: Lexicon) -> int:
    """How long the customer or company named in full (or by the first word of one company's
    name) at the start of `text` is, or 0."""
    words = list(re.finditer(r"[^\s,;:.!?]+", text))[:4]
    for last in reversed(words):
        said = text[: last.end()]
        if re.search(r"[,;:.!?]", said):
            continue
        if said.lower() in lexicon.names.whole or _plain(said) in lexicon.names.whole:
            return last.end()
    if words and len(lexicon.names.companies_by_first.get(_plain(words[0].group()), ())) == 1:
        return words[0].end()  # "globex": the one company whose name starts so
    return 0


_NEXT_NAMED = re.compile(r"^\s*(?:,\s*(?:and\s+|&\s*|\+\s*)?|(?:and|&|\+|plus)\s+)", re.I)


def _person_and_company(words: list[str], names: _Names) -> bool:
    """'tom becker harbor', 'anna nguyen cyberdyne', 'hugo silva paris': a known person, then
    their company's first words or a city, as people name a customer when the name is shared."""
    words = [_plain(w) for w in words]
    for split in range(len(words) - 1, 0, -1):
        person, company = " ".join(words[:split]), words[split:]
        if not process.extractOne(person, names.people, scorer=fuzz.ratio, score_cutoff=88):
            continue
        if " ".join(company) in names.cities or any(
            len(company) <= len(parts)
            and all(fuzz.ratio(w, p) >= 85 for w, p in zip(company, parts, strict=False))
            for parts in names.like(company[0], names.companies_by_first)
        ):
            return True
    return False


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def catalog_product(said: str, lexicon: Lexicon) -> str | None:
    """The catalog's name for a product said loosely: 'training workshops' → 'Training Workshop'."""
    products = lexicon.products_by_key
    if not products:
        return None
    key = _key(said)
    if key in products:
        return products[key]
    found = process.extractOne(key, list(products), scorer=fuzz.token_sort_ratio, score_cutoff=86)
    return products[found[0]] if found else None


def _task_for(slots: dict[str, Any], lexicon: Lexicon, typed: str) -> None:
    """ "task for maria: …" is Maria's task; "task for acme: …" is a task about Acme."""
    said = slots["owner"]
    whole = _staff_in_full(typed, lexicon)
    if whole and _fold(said) in _fold(whole).split():
        # "maria garcia's tasks": María García's, not a customer called García
        slots["owner"] = whole
        if slots.get("customer") and _fold(slots["customer"]) in _fold(whole):
            del slots["customer"]
    elif staff_named(said, lexicon) is None:
        del slots["owner"]
        current = slots.get("customer")
        if not current or (known_customer(said, lexicon) and not known_customer(current, lexicon)):
            slots["customer"] = said  # "a task for emma taylor: QBR meeting jan 14": Emma's
    elif slots.get("customer", "").lower() == said.lower():
        del slots["customer"]


def _staff_in_full(typed: str, lexicon: Lexicon) -> str | None:
    """A colleague's whole name in the message, accents or not, as typed."""
    folded = _fold(typed)
    for name in lexicon.staff:
        if len(name.split()) > 1 and (at := folded.find(_fold(name))) >= 0:
            same = len(folded) == len(typed)
            return typed[at : at + len(name)] if same else name
    return None


def _fold(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in plain if not unicodedata.combining(c))


# words that are also a first name with an s: "bills overdue", "marks the spot"
_WORDS_TOO = frozenset(
    "bills marks wills pats reeds grants hopes joys rays jays deans mays roses dawns chucks "
    "franks bobs sues bens dons cliffs glens jacks nicks robs rods".split()
)


def _plain(name: str) -> str:
    """Lower case without accents; cheap for the plain ASCII most names are."""
    return name.lower() if name.isascii() else _fold(name)


def _ascii(folded: str) -> str:
    return folded.encode("ascii", "ignore").decode()


def _words_of(words: Iterable[str], names: Iterable[str]) -> set[str]:
    """Which of a few folded words are a word of some name: one pass over all the names joined,
    in C, rather than a fold of each (a store may hold a million)."""
    words = sorted(filter(None, words))
    if not words:
        return set()
    joined = _ascii(unicodedata.normalize("NFKD", "\n".join(names).casefold()))
    alone = re.compile(rf"(?:^|(?<=\s))({'|'.join(map(re.escape, words))})(?=\s|$)", re.M)
    return set(alone.findall(joined))


def with_possessives(text: str, lexicon: Lexicon) -> str:
    """ "jordans munich customers", "sams overdue tasks": a colleague's possessive typed without
    its apostrophe, put back, unless the word is also a customer's name ("Emma Williams")."""
    if lexicon.possessive_typos is None:
        return text

    def put_back(found: re.Match) -> str:
        typed, name = found.group(), found.group(1) or found.group(2)
        return typed if lexicon.names_a_customer(typed) else f"{name}'s"

    return lexicon.possessive_typos.sub(put_back, text)


def staff_named(typed: str, lexicon: Lexicon) -> str | None:
    """A colleague's name (first name or full) as typed in the message, if one is there."""
    firsts = {name.lower().split()[0] for name in lexicon.staff if name.split()}
    for found in re.finditer(r"[A-Za-z][\w'-]*", typed):
        word = re.sub(r"(?:'s|’s|s')$", "", found.group(0))
        for name in lexicon.staff:
            parts = name.lower().split()
            if word.lower() in parts[:1] or word.lower() == name.lower():
                return word
        if word.lower().endswith("s") and word.lower()[:-1] in firsts - {word.lower()}:
            return word[:-1]  # "jordans tasks": a possessive typed without its apostrophe
    return None


def reps_compared(typed: str, lexicon: Lexicon) -> list[str]:
    """The two colleagues of a message that only sets one against the other ("dana vs sam"),
    else none."""
    said = _COMPARE_AND.sub(r"\g<one> vs ", typed.strip(), count=1)  # "compare sam and maria …"
    found = _VERSUS.fullmatch(said)
    if found is None:
        return []
    reps = [staff_named(found.group(side), lexicon) for side in ("one", "other")]
    return [found.group("one"), found.group("other")] if all(reps) else []


_COMPARE_AND = re.compile(
    r"^(?P<one>compare\s+[A-Za-z][\w'-]*(?:\s[A-Za-z][\w'-]*)??)\s+(?:and|&|with|to)\s+", re.I
)
_VERSUS = re.compile(
    r"(?:compare\s+)?(?P<one>[A-Za-z][\w'-]*(?:\s[A-Za-z][\w'-]*)?)\s+(?:vs\.?|versus|v\.?|"
    r"against|compared (?:to|with))\s+(?P<other>[A-Za-z][\w'-]*"
    rf"(?:\s(?!(?:in|for|during|this|last|on|revenue|sales|calls|meetings|e?mails|deals|orders|"
    rf"nps|pipeline|customers|contacts)\b|{vocab.MONTH}\b)[A-Za-z][\w'-]*)?)"
    # "jordan vs maria november", "… in november", "… this quarter": the period asked about
    rf"(?:\s+(?:in\s+|for\s+|during\s+)?(?:{vocab.MONTH}(?:\s+20\d\d)?|(?:this|last) \w+|today|"
    r"yesterday|ytd))?\s*\??",
    re.I,
)


def staff_all(typed: str, lexicon: Lexicon) -> list[str]:
    """Every colleague named in the message, each once, as typed ("sam vs jordan")."""
    named: dict[str, str] = {}
    for found in re.finditer(r"[A-Za-z][\w'-]*", typed):
        if (name := staff_named(found.group(0), lexicon)) is not None:
            named.setdefault(name.lower(), name)
    return list(named.values())


def _product_not_customer(slots: dict[str, Any], lexicon: Lexicon) -> None:
    """ "and support premium too, 2 at 900": a product of the catalog is what was bought, never
    whom it was sold to (unless a customer of the store has that very name)."""
    said = slots["customer"]
    product = catalog_product(said, lexicon)
    if product is None or said.lower() in lexicon.names.whole:
        return
    del slots["customer"]
    if not slots.get("product") or catalog_product(slots["product"], lexicon) is None:
        slots["product"] = product


def _count_before(slots: dict[str, Any], product: str, typed: str) -> None:
    """ "2 onboarding packages w 15% discount": the count said right before the product."""
    count = re.search(rf"\b(\d{{1,4}})\s*(?:x|×)?\s*{re.escape(product)}", typed, re.I)
    if count and int(count.group(1)) > 0:
        slots["quantity"] = int(count.group(1))


def _customer_then_product(slots: dict[str, Any], lexicon: Lexicon) -> None:
    """ "log a sale for Jane Cooper CRM Pro $8400": a known customer's name, then what they bought
    (a name the store does not know stays whole, and the bot asks who is meant)."""
    said = slots["customer"]
    if "product" in slots or said.lower() in lexicon.names.whole:
        return
    words = said.split()
    for cut in range(len(words) - 1, 0, -1):
        if " ".join(words[:cut]).lower() in lexicon.names.whole:
            slots["customer"], slots["product"] = " ".join(words[:cut]), " ".join(words[cut:])
            return


def _without_old_owner(slots: dict[str, Any], lexicon: Lexicon) -> None:
    """ "transfer Aurora Biotech from Jordan to Priya": Jordan is the owner before, not part of
    the customer's name (a company after "from" stays: "Jane Cooper from Acme")."""
    customer = slots.get("customer")
    found = isinstance(customer, str) and _FROM_SOMEONE.search(customer)
    if found and staff_named(found.group("who"), lexicon) and found.start() > 0:
        slots["customer"] = customer[: found.start()]


_FROM_SOMEONE = re.compile(r"\s+from\s+(?P<who>[\w'-]+(?:\s+[\w'-]+)?)\s*$", re.I)


def _key(said: str) -> str:
    return " ".join(_singular(w) for w in said.casefold().split())


_THE_SOME_ONES = re.compile(
    r"\bthe\s+(?P<word>[\w-]+)\s+(?:ones|customers|accounts|clients|leads)\b", re.I
)


def _tag_of_the_ones(typed: str, lexicon: Lexicon) -> str | None:
    """The tag the store has that "the X ones", "the X customers" names, as typed; else None."""
    _, tags, _ = lexicon.places
    ones = _THE_SOME_ONES.search(typed)
    return ones["word"] if ones and ones["word"].casefold() in tags else None


def place_selection(slots: dict[str, Any], lexicon: Lexicon) -> None:
    """A selection's words the text alone could not place, placed by the store: "berlin leads"
    are in a city it has, "hardware leads" want an interest it records, "cold leads" carry a tag
    it has, "sams leads" are a colleague's; a run of words that places nowhere whole may place
    word by word ("sams toronto customers")."""
    cities, _, wanted = lexicon.places
    unread = []
    for said in slots.get(UNREAD, ()):
        if _place(said, slots, lexicon):
            continue
        words = said.split()
        towns = _TOWNS_SAID.split(said)  # "toronto and new york"
        trial, towns_trial = dict(slots), dict(slots)
        if len(words) > 1 and all(_place(word, trial, lexicon) for word in words):
            slots.update(trial)
        elif len(towns) > 1 and all(t.casefold() in cities and _place(t, towns_trial, lexicon)
                                    for t in towns):  # fmt: skip
            slots.update(towns_trial)
        else:
            unread.append(said)
    owner = slots.get("owner")
    if isinstance(owner, str) and owner not in ("me", "team") and not staff_named(owner, lexicon):
        if owner.casefold() in cities:  # "clients of Madrid", "from Hamburg": a place, not a rep
            slots.pop("owner")
            slots.setdefault("city", owner)
    elif isinstance(owner, str) and slots.get("city") == owner:
        slots.pop("city")  # "accts from dana": a colleague's, not a place
    city = slots.get("city")
    if cities and isinstance(city, str) and city.casefold() not in cities:
        if _key(city) in wanted:  # "Hardware leads", capitalised: an interest, not a place
            slots.setdefault("interest", slots.pop("city"))
        elif "owner" not in slots and (owner := staff_named(city, lexicon)):
            slots.pop("city")  # "Marias leads": a colleague's, the apostrophe left out
            slots["owner"] = owner
        elif slots.get("owner") == "me" and (colleague := staff_named(city, lexicon)):
            slots.pop("city")  # "my new ones from jordan": handed over by a colleague
            slots[CAME_FROM] = {"from": colleague}
            if slots.get("segment") == "new":
                slots.pop("segment")
    if UNREAD in slots:
        slots[UNREAD] = unread


def _place(said: str, slots: dict[str, Any], lexicon: Lexicon) -> bool:
    """Put the words in the first selection slot the store says they fill, if any."""
    cities, tags, wanted = lexicon.places
    if said.casefold() in cities and "city" not in slots:
        slots["city"] = said
    elif said.casefold() in cities and said.casefold() in str(slots["city"]).casefold():
        pass  # the tagger's town already: "maria's toronto accounts"
    elif said.casefold() in cities and set(_TOWNS_SAID.split(slots["city"].casefold())) <= cities:
        slots["city"] = f"{slots['city']} and {said}"  # "sam's leads in paris, madrid and berlin"
    elif said.casefold() in tags and "tag" not in slots:  # "the cold leads in Madrid"
        slots["tag"] = said
    elif _key(said) in wanted and "interest" not in slots:
        slots["interest"] = said
    elif "owner" not in slots and " " not in said and (owner := staff_named(said, lexicon)):
        slots["owner"] = owner  # "sams customers": a possessive typed without its apostrophe
    else:
        return False
    return True


_TOWNS_SAID = re.compile(r"\s*(?:,|\band\b|\bor\b|&|\+)\s*")


def compound_tag(typed: str, lexicon: Lexicon) -> re.Match | None:
    """Where a tag of the store's made of several parts ("stale-lead", "price_error", "q4-2026")
    is named: words the parser would otherwise read for what they say ("stale", "lead")."""
    _, tags, _ = lexicon.places
    for found in _COMPOUND.finditer(typed):
        if found.group().casefold() in tags:
            return found
    return None


_COMPOUND = re.compile(r"(?<![\w-])[\w]+(?:[-_][\w]+)+(?![\w-])")


def tag_dropped(typed: str, lexicon: Lexicon) -> str | None:
    """ "drop credit-pending from him": a tag the store has, taken off, said as the bot reads it
    ("remove the credit-pending tag from him"); None when the word is no tag of the store's."""
    _, tags, _ = lexicon.places
    found = _TAG_DROPPED.search(typed)
    if found is None or found["tag"].casefold() not in tags:
        return None
    who = found["who"]
    if who.casefold() in ("him", "her", "them") and (
        named := named_inside(typed[: found.start()], lexicon)
    ):
        who = named  # "kenji moreau already got his credit note, drop credit-pending from him"
    elif re.search(r"\btag\b", found.group(), re.I):
        return None  # "remove the vip tag from her" reads as said
    return f"remove the {found['tag']} tag from {who}"


_TAG_DROPPED = re.compile(
    r"(?:^|[,.;:!]\s*|\s[-–—]\s*)(?:(?:please|pls|and|also|so)\s+)*(?:drop|remove|take|strip|clear)\s+"
    r"(?:the\s+)?['\"#]?(?P<tag>[\w-]+)['\"]?(?:\s+tag)?\s+(?:off\s+)?(?:from|of|off)\s+"
    r"(?P<who>[^,.;!?]+?)"
    r"(?:\s+(?:as well|too|please|pls))?\W*$",
    re.I,
)


def tags_together(typed: str, lexicon: Lexicon) -> str | None:
    """ "tag all vip and enterprise customers xmas24": the customers carrying either tag, said as
    the parser reads it ("… customers tagged vip or enterprise …"); None when not two tags."""
    _, tags, _ = lexicon.places
    found = _TWO_TAGS.search(typed)
    if found is None or not {found["a"].casefold(), found["b"].casefold()} <= tags:
        return None
    either = f"{found['noun']} tagged {found['a']} or {found['b']}"
    return f"{typed[: found.start()]}{either}{typed[found.end() :]}"


_TWO_TAGS = re.compile(
    r"\b(?P<a>[\w-]+)\s+(?:and|&|or|\+|/)\s+(?P<b>[\w-]+)\s+"
    r"(?P<noun>customers|clients|accounts|ones|leads)\b",
    re.I,
)


def tag_list(typed: str, lexicon: Lexicon) -> dict[str, str] | None:
    """ "my win-back list pls", "the cold-leads accounts": the customers carrying a tag the store
    has, or None."""
    _, tags, _ = lexicon.places
    if (having := _HAVING_THE_TAG.fullmatch(typed.strip())) and having["tag"].casefold() in tags:
        return {"tag": having["tag"]}  # "how many have the yearend-promo tag now?"
    found = _TAG_LIST.fullmatch(typed.strip())
    if found is None or found["tag"].casefold() not in tags:
        return None
    whose = (found["for"] or found["whose"] or "").casefold()
    owner = {"my": "me", "me": "me", "our": "team", "us": "team"}.get(whose) or (
        whose.removesuffix("'s") or None
    )
    return {"tag": found["tag"], **({"owner": owner} if owner and owner != "the" else {})}


_HAVING_THE_TAG = re.compile(
    r"(?:how many|who|which (?:customers|accounts|clients|ones))\s+(?:have|has|are|is|carry|got)\s+"
    r"(?:got\s+)?(?:the\s+)?(?:tag\s+)?(?P<tag>[\w-]+)(?:\s+tag(?:ged)?)?"
    r"(?:\s+(?:now|so far|yet))?\W*",
    re.I,
)
_TAG_LIST = re.compile(
    r"(?:(?:show|list|get|pull up)\s+(?:me\s+)?)?(?:(?P<whose>my|our|the|[a-z]+'s)\s+)?"
    r"(?P<tag>[\w-]+)\s+(?:list|customers|accounts|clients|ones|people)"
    r"(?:\s+for\s+(?P<for>me|us|[a-z]+))?(?:\s+(?:pls|please))?\W*",
    re.I,
)


def _product_had(typed: str, lexicon: Lexicon) -> str | None:
    """A product of the catalogue the customers have: "which customers have Analytics Pro",
    "everyone using API access", "accounts on CRM Pro"."""
    for found in _HAVING.finditer(typed):
        words = typed[found.end() :].split()
        for size in range(min(4, len(words)), 0, -1):
            said = " ".join(words[:size]).strip(" ?!.,;:")
            if _key(said) in lexicon.products_by_key:
                return lexicon.products_by_key[_key(said)]
    for found in _BUYERS.finditer(typed):  # "analytics pro buyers who …"
        words = typed[: found.start()].split()
        for size in range(min(4, len(words)), 0, -1):
            if _key(said := " ".join(words[-size:])) in lexicon.products_by_key:
                return lexicon.products_by_key[_key(said)]
    return None


_BUYERS = re.compile(r"\s+(?:buyers|users|owners)\b", re.I)


_HAVING = re.compile(r"\b(?:have|has|own|owns|use|uses|using|with|on|running)\s+(?:the\s+)?", re.I)


def _with_city(customer: str, typed: str, lexicon: Lexicon) -> str:
    """The customer with the city or company said with the name, which tells namesakes apart:
    "called hugo novak in munich", "Hugo Novak, New York", "hugo novak munich: …", "nps from hugo
    novak wonka 9", "the paris hugo silva"."""
    cities, _, _ = lexicon.places
    words = re.sub(r"^the\s+", "", customer, flags=re.I).split()
    for size in (2, 1):  # "give the paris hugo silva to maria", the city read with the name
        place, rest = " ".join(words[:size]), " ".join(words[size:])
        if len(words) > size and place.casefold() in cities and known_customer(rest, lexicon):
            return f"{rest} {place}"
    at = typed.find(customer)
    if at < 0:
        return customer
    before = typed[:at].split()[-2:]  # "give the toronto jane cooper to maria"
    for size in (2, 1):
        if len(before) >= size and (place := " ".join(before[-size:])).casefold() in cities:
            return f"{customer} {place}"
    rest = typed[at + len(customer) :]
    words = rest[_HINT.match(rest).end() :].split()[:3]
    bare = [w.strip(",.;:!?()") for w in words]
    for size in range(len(bare), 0, -1):  # "New York" before "New"
        if (city := " ".join(bare[:size])).casefold() in cities:
            return f"{customer} {city}"
    # one word of their company, then a break or a number: "hugo novak wonka 9"
    ends = bare and (words[0] != bare[0] or len(words) == 1 or words[1][:1].isdigit())
    if ends and _fold(bare[0]) in lexicon.company_starts:
        return f"{customer} {bare[0]}"
    return customer


def _without_hint(text: str, hint: str) -> str:
    pattern = rf"^\s*(?:(?:in|from|at)\s+)?\(?{re.escape(hint)}\b\)?[\s,.:;-]*"
    return re.sub(pattern, "", text, flags=re.I) or text


_HINT = re.compile(r"\s*(?:,|\(|\bin\b|\bfrom\b|\bat\b)?\s*")


# changes to one customer whose "her" may point back to a customer named earlier in the message
NAMED_FIRST = frozenset({"customer.delete", "customer.update", "customer.restore"})


def snap_slots(intent: str, slots: dict[str, Any], typed: str, lexicon: Lexicon) -> dict[str, Any]:
    """Slots read with the store's names: products as the catalog spells them, staff as owners,
    a selection's places and interests as the store records them."""
    slots = dict(slots)
    if intent in ("customer.bulk_update", "segment.list"):
        place_selection(slots, lexicon)
        if "tag" not in slots and (tag := _tag_of_the_ones(typed, lexicon)):
            slots["tag"] = tag  # "the stale ones with no contact …": tagged so
        if BOUGHT not in slots and (product := _product_had(typed, lexicon)):
            slots[BOUGHT] = product
    if intent == "next_action.suggest" and isinstance(slots.get("customer"), str):
        if tag := _tag_of_the_ones(typed, lexicon):
            del slots["customer"]  # "next best actions for the yearend-promo customers"
            slots["tag"] = tag
    if intent in NAMED_FIRST and "customer" not in slots:
        if named := named_inside(typed, lexicon):  # "the dupe is mia fischer - bin her": her
            slots["customer"] = named
    elif intent in NAMED_FIRST and isinstance(said := slots.get("customer"), str):
        # "the fake signup fatima nakamura in austin, delete her"; a restore anywhere in the
        # message: "jordan pinged - zoë wilson replied …, bring her back"
        restored = intent == "customer.restore"
        # "restore Zoë Wilson and Anna Nguyen": both, never the one found inside the two
        several = [part for part in vocab.LISTED.split(said) if part.strip()]
        both = len(several) > 1 and all(known_customer(part, lexicon) for part in several)
        if (
            not both
            and not known_customer(said, lexicon)
            and (inside := named_inside(said, lexicon) or restored and named_inside(typed, lexicon))
        ):
            slots["customer"] = inside
    if isinstance(said := slots.get("customer"), str):
        slots["customer"] = _with_city(said, typed, lexicon)
        hint = slots["customer"][len(said) :].strip()
        for free in ("summary", "comment"):  # "munich, sorted the invoicing": which, not what
            if hint and isinstance(text := slots.get(free), str):
                slots[free] = _without_hint(text, hint)
    if intent == "customer.create" and "city" not in slots:  # "…, Kestrel Robotics, london, …"
        cities, _, _ = lexicon.places
        parts = [p.strip(" .") for p in re.split(r"[,;|]|\.\s", typed)]
        if found := next((p for p in parts[1:] if p.casefold() in cities), None):
            slots["city"] = found
    if intent == "purchase.log" and isinstance(slots.get("customer"), str):
        _product_not_customer(slots, lexicon)
    if intent == "purchase.log" and isinstance(slots.get("customer"), str):
        _customer_then_product(slots, lexicon)
    sold = slots.get("product")
    if intent == "purchase.log" and "quantity" not in slots and isinstance(sold, str):
        _count_before(slots, sold, typed)
    for name in ("product", "interest", BOUGHT, NOT_BOUGHT):
        if isinstance(slots.get(name), str) and (product := catalog_product(slots[name], lexicon)):
            slots[name] = product
    if intent == "customer.update" and slots.get("field") == "owner":
        _without_old_owner(slots, lexicon)
    if intent == "customer.update" and "field" not in slots and isinstance(slots.get("value"), str):
        if staff_named(slots["value"], lexicon) == slots["value"]:
            slots["field"] = "owner"  # "move kenji moreau to maria"
    if intent == "task.create" and slots.get("owner") not in (None, "me", "team"):
        _task_for(slots, lexicon, typed)  # "team": one for each rep
    if (
        intent == "interaction.history"
        and (whose := slots.get("owner")) not in (None, "me", "team")
        and not staff_named(whose, lexicon)
    ):  # "whats acme's history", "… acme corporation's history": the customer's, no colleague's
        if str(slots.get("customer", "")).casefold().endswith(whose.casefold()):
            del slots["owner"]
        elif known_customer(whose, lexicon):
            slots["customer"] = slots.pop("owner")
    if intent == "task.list" and isinstance(said := slots.get("customer"), str):
        if (whole := _staff_in_full(said, lexicon)) and _fold(whole) == _fold(said):
            slots["owner"] = slots.pop("customer")  # "tasks for maria garcia": hers
    if intent == "task.list" and slots.get("owner") not in (None, "me", "team"):
        _task_for(slots, lexicon, typed)  # "open tasks for acme": the customer's, not a colleague's
    if intent == "task.create" and isinstance(said := slots.get("text"), str):
        # "send ethan novak an api quote", "chase initech systems for the PO": the known name
        said_customer = slots.get("customer")
        known = isinstance(said_customer, str) and (
            "#" in said_customer or known_customer(said_customer, lexicon)
        )  # "mia fischer #121": the #id says which
        if not known and (named := named_inside(said, lexicon)):
            slots["customer"] = named
    if intent == "report.show" and len(reps := staff_all(typed, lexicon)) > 1:
        # "compare sam and jordan this quarter": those reps' figures side by side
        # "maria vs sam on meetings this month": the figure said, else each rep's scorecard
        kept = ("metric", "channel", "period") if _FIGURE_SAID.search(typed) else ("period",)
        compared = {**{k: slots.get(k) for k in kept}, "group_by": "owner", REPS: reps}
        if _AGAINST_BEFORE.search(typed):  # "… vs last quarter": their figures then too
            compared["compare"] = slots.get("compare")
        return {k: v for k, v in compared.items() if v is not None}
    if (
        intent in OWNED
        and "owner" not in slots
        and (owner := _staff_in_full(typed, lexicon) or staff_named(typed, lexicon))
    ):
        if slots.get("customer", "").lower() == owner.lower():
            del slots["customer"]
        slots["owner"] = owner
    return slots
