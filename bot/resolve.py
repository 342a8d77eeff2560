"""Turning what a user typed into one record, or a question when it could be several.

A write never picks among several customers: unless the words name one customer exactly (a #id,
an e-mail, a phone, a name or company that only one of the candidates has, or a name followed by
words of the city or company of only one of them: "Hugo Novak (Munich)"), or fit the customer the
conversation was just about ("kenji gave a 9" right after Kenji Moreau), it asks. A read may
take a clear winner, since showing the wrong profile costs a second look, not wrong data.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from sqlmodel import select

from bot.context import Ask, Context, UserError
from bot.messages import Button, Reply
from crm_store import normalize
from crm_store.models import Customer, Staff
from crm_store.search import (
    AT_COMPANY,
    HINT_LINKS,
    Match,
    clear_winner,
    find_customers,
    find_live_and_binned,
)

NAMED = "__named"  # the choice of a question that a customer's name answers


def resolve_customer(ctx: Context, typed: str | None, **how) -> Customer:
    """The customer meant (`_resolve`, with its options), who is then the one "her" means in the
    next message."""
    customer = _resolve(ctx, typed, **how)
    ctx.mentioned = customer.id
    return customer


def resolve_each(ctx: Context, names: list[str], **how) -> list[Customer]:
    """The customers named one by one (`_resolve`, with its options), each of them exactly one
    customer (once each); else nothing, and the reply says which names did not say who."""
    chosen, unclear = [], []
    for name in names:
        try:
            chosen.append(resolve_customer(ctx, name, **how))
        except (UserError, Ask):
            found = find_customers(ctx.session, name, limit=3, in_bin=how.get("in_bin", False))
            which = "; ".join(f"#{m.customer.id} {m.customer.display_name}" for m in found)
            unclear.append(f"“{name}” ({which})" if found else f"“{name}” (no one)")
    if unclear:
        raise UserError(
            f"I couldn't tell which customer each name is: {', '.join(unclear)}. Say those with "
            "their #id or company. Nothing was changed."
        )
    return list({c.id: c for c in chosen}.values())


def _resolve(
    ctx: Context,
    typed: str | None,
    *,
    slot: str = "customer",
    read: bool = False,
    in_bin: bool | None = False,
) -> Customer:
    """The customer meant, never a guess: none → UserError, several → numbered choices.

    Words beyond a name that fit one candidate's city or company pick it; when they fit several,
    only those are offered. `read=True` (profiles, history, suggestions) also takes a match far
    ahead of the others, unless a hint fits several: the user said which, just not enough.
    Customers in the delete bin are candidates only with `in_bin` (True: only they, None: they
    too, as a data-protection request concerns them as much as anyone)."""
    if not typed or not str(typed).strip():
        # answered by a name ("ironclad logistik"), the command runs again with it
        raise Ask(Reply("Which customer? Say their name or #id."), {NAMED: {slot: None}})
    typed = str(typed).strip()
    if (numbered := _numbered(ctx, typed, in_bin=in_bin)) is not None:
        return numbered
    if in_bin is False:
        matches, binned = find_live_and_binned(ctx.session, typed)
    else:
        matches, binned = find_customers(ctx.session, typed, in_bin=in_bin), []
    if not matches:
        where = "in the delete bin " if in_bin is True else ""
        raise UserError(
            f"No customer {where}matches “{typed}” (I searched names, companies, "
            f"e-mails, phones and #ids). {_in_the_bin(typed, binned)}".strip(),
            about=binned[0].customer.id if len(binned) == 1 else None,
        )
    if not any(m.hinted for m in matches):
        _not_the_one_deleted(binned)  # "fatima nakamura in austin", when she was deleted
    if (customer := named_exactly(typed, matches)) is not None:
        return customer
    if binned and (gone := named_exactly(typed, binned)):
        # "whered omar jensen go?": the one of that very name was deleted, the rest only look alike
        raise UserError(
            f"{gone.display_name} (#{gone.id}) is in the delete bin; “restore #{gone.id}” "
            "brings them back.",
            about=gone.id,
        )
    # a lone match that only looks like the words ("jane wilson" for Jane Smith) is asked about
    guessed = len(matches) == 1 and not _near_every_word(typed, matches[0].customer)
    if len(matches) == 1 and not guessed:
        return matches[0].customer
    hinted = [m for m in matches if m.hinted]
    if len(hinted) == 1:
        return hinted[0].customer
    if not hinted and (placed := _placed_elsewhere(ctx, typed, matches)) is not None:
        return placed
    if not hinted and (misspelt := _misspelt(typed, matches)) is not None:
        return misspelt
    if (recent := _just_talked_about(ctx, typed, hinted or matches)) is not None:
        return recent
    if not hinted and not guessed:
        # a change needs more: "the dunder mifflin one", pointing at the one of the list shown
        chosen = (
            clear_winner(matches) or _in_view(ctx, typed, matches)
            if read
            else _on_screen(ctx, typed, matches)
            if _one_of_the_list(ctx, typed)
            else None
        )
        if chosen is not None:
            if not _near_every_word(typed, chosen):  # "show john smith": Jonas Smith, said so
                ctx.caveats.append(
                    f"No customer is called “{typed}”; the closest is {chosen.display_name}."
                )
            return chosen
    offered = hinted or matches
    if len(named := [m for m in offered if _is_named(typed, m.customer)]) > 1:
        offered = named  # "hugo novak", with two of that name: those two, not every Hugo
        own = [m.customer for m in named if m.customer.owner_id == ctx.staff.id]
        if read and len(own) == 1:
            return own[0]  # "what should i do with hugo silva?" from the rep who has one of them
    question = _which_one(ctx, typed, _with_recent(ctx, typed, offered), slot=slot)
    if not hinted:  # "hugo silva madrid", when the Madrid one was deleted
        question.reply.note = _in_the_bin(typed, binned, hinted=True) or None
    raise question


def _not_the_one_deleted(binned: list[Match]) -> None:
    """Refuse when the words beyond the name fit only a customer in the delete bin: the live
    namesake is someone else."""
    hinted = [m for m in binned if m.hinted]
    if len(hinted) == 1:
        gone = hinted[0].customer
        raise UserError(
            f"{gone.display_name} (#{gone.id}, {gone.city or 'no town'}) is in the delete bin; "
            f"“restore #{gone.id}” brings them back."
        )


def _placed_elsewhere(ctx: Context, typed: str, matches: list[Match]) -> Customer | None:
    """The one candidate whose company or town the words right after the name say ("nps omar
    hughes stark analytics 6 - …", "… omar hughes (stark) tomorrow"): a word no other has."""
    message, name = normalize.fold(ctx.message.text), normalize.fold(typed)
    if not name or name not in message:
        return None
    said = set(message.split(name, 1)[1].split()[:4])
    words = {m.customer.id: _place_words(m.customer) for m in matches}
    fitting = [
        m.customer
        for m in matches
        if any(
            len(word) > 2
            and word in said
            and all(word not in words[other.customer.id] for other in matches if other is not m)
            for word in words[m.customer.id]
        )
    ]
    return fitting[0] if len(fitting) == 1 else None


def _misspelt(typed: str, matches: list[Match]) -> Customer | None:
    """The one candidate whose name the words are a typo of ("noah schnieder"), the words after
    it, if any, fitting only its company or town ("rafel brown harbor"); no other comes close."""
    words = normalize.fold(typed).split()
    close = []
    for match in matches:
        name = normalize.fold(match.customer.name or "").split()
        said, rest = " ".join(words[: len(name)]), set(words[len(name) :])
        similar = fuzz.ratio(said, " ".join(name))
        if similar >= _TYPO and _near_every_word(typed, match.customer):  # never "john" for Jonas
            if rest <= _place_words(match.customer):
                close.append(match.customer)  # a namesake elsewhere is ruled out by the place
        elif similar >= _NOT_CLOSE:
            return None  # another near the words: which one is for the user to say
    return close[0] if len(close) == 1 else None


_TYPO, _NOT_CLOSE = 85, 75  # how alike a misspelt name and its customer's are, and others not


def _place_words(customer: Customer) -> set[str]:
    return set(normalize.name_key(f"{customer.company or ''} {customer.city or ''}").split())


def resolve_among(ctx: Context, typed: str, ids: set[int]) -> Customer | None:
    """The one customer of a list the words name ("except chloe martin" after a list holding
    one Chloé Martin, whoever else has that name); None when they name no one in it, and a
    sentence saying how to name them when they name several."""
    if (numbered := _numbered(ctx, typed, in_bin=False)) is not None and numbered.id in ids:
        return numbered
    fits = [m for m in find_customers(ctx.session, typed) if m.customer.id in ids]
    if len(fits) == 1:
        return fits[0].customer
    if (exact := named_exactly(typed, fits)) is not None:
        return exact
    if not fits:
        return None
    which = "; ".join(f"#{m.customer.id} {m.customer.display_name}" for m in fits[:5])
    raise UserError(
        f"Several of these customers match “{typed}”: {which}. Say which with its #id, e.g. "
        f"“except #{fits[0].customer.id}”. Nothing was changed."
    )


def _numbered(ctx: Context, typed: str, *, in_bin: bool | None) -> Customer | None:
    """The customer a #id beside their name says ("chloe martin #129"), when the name is theirs."""
    found = _ID_WITH_NAME.fullmatch(typed)
    if found is None:
        return None
    customer = ctx.session.get(Customer, int(found["id"]))
    if customer is None or customer.forgotten_at is not None:
        return None
    if in_bin is not None and (customer.deleted_at is not None) != in_bin:
        return None
    said = set(normalize.name_key(f"{found['before'] or ''} {found['after'] or ''}").split())
    return customer if said <= _words(customer) else None


_ID_WITH_NAME = re.compile(r"(?P<before>[^#]*?)[\s(]*#(?P<id>\d{1,9})\)?(?P<after>[^#]*)")


def recent_customer(ctx: Context) -> Customer | None:
    """The customer the conversation was just about, while still in the book."""
    recent = ctx.session.get(Customer, ctx.recent) if ctx.recent is not None else None
    if recent is None or recent.deleted_at is not None or recent.forgotten_at is not None:
        return None
    return recent


def _just_talked_about(ctx: Context, typed: str, matches: list[Match]) -> Customer | None:
    """The customer the last message was about, when every word said is a word of their name or
    company ("close the polaris task" after Hannah O'Brien of Polaris Media), even if the search
    ranked others of those words first ("zoe" right after a sale to Zoë García); never one of a
    list, which is as much about the others."""
    if (recent := recent_customer(ctx)) is None or not matches:
        return None
    return recent if _fits(typed, recent) else None


def _with_recent(ctx: Context, typed: str, matches: list[Match]) -> list[Match]:
    """The customer just talked about leads the choices when the words fit them ("priya" right
    after Priya Shah's profile), even if the search ranked five others first."""
    if (recent := recent_customer(ctx)) is None:
        return matches
    if not _fits(typed, recent):
        return matches
    return [Match(recent, 100.0), *(m for m in matches if m.customer.id != recent.id)]


def _in_view(ctx: Context, typed: str, matches: list[Match]) -> Customer | None:
    """For a read, the one candidate the talk is about: the customer just talked about, if the
    words fit them ("show omar" after a call with Omar Jensen), else the only one of the list
    just shown whose name holds every word said ("show me kenji" after a list topped by Kenji
    Moreau; never Emma Nguyen for "Emma Müller")."""
    leading = _with_recent(ctx, typed, matches)[0]
    if leading.customer.id == ctx.recent and _fits(typed, leading.customer):
        return leading.customer  # (never Jane Cooper for "jane smith" because she led the search)
    return _on_screen(ctx, typed, matches)


def _one_of_the_list(ctx: Context, typed: str) -> bool:
    """Whether the words point at a row of the list shown: "the dunder mifflin one"."""
    return bool(re.search(rf"\b(?:the|that) {re.escape(typed)} one\b", ctx.message.text, re.I))


def _on_screen(ctx: Context, typed: str, matches: list[Match]) -> Customer | None:
    """The only one of the list just shown whose name holds every word said ("the dunder
    mifflin one, mark it lost" after a list with one Dunder Mifflin customer)."""
    shown = [
        m.customer for m in matches if m.customer.id in ctx.on_screen and _fits(typed, m.customer)
    ]
    return shown[0] if len(shown) == 1 else None


def _in_the_bin(typed: str, binned: list[Match], *, hinted: bool = False) -> str:
    """Where a customer the words fit has gone: "In the delete bin: Hugo Silva (#128) …";
    `hinted`: only those the words name, or whose city or company they name."""
    gone = [m.customer for m in binned if not hinted or m.hinted or _is_named(typed, m.customer)]
    if not gone:
        return ""
    said = ", ".join(f"{c.display_name} (#{c.id})" for c in gone)
    return f"In the delete bin: {said}; “restore #{gone[0].id}” brings them back."


def named_exactly(typed: str, matches: list[Match]) -> Customer | None:
    """The one candidate whose own name, company or "name at company" the words are, when no
    other candidate has those words in its name too ("northstar" fits Northstar Ltd and
    Northstar Systems alike; "initec" is a typo of Initech, not a word of Intel). A legal suffix
    said counts: "atlas corporation" is Atlas Corporation, not Atlas Analytics."""
    exact = [m.customer for m in matches if _is_named(typed, m.customer)]
    if len(exact) != 1:
        return None
    words = set(normalize.fold(typed).split())
    others = [m.customer for m in matches if m.customer is not exact[0]]
    if words and any(words <= _words(customer) for customer in others):
        return None
    return exact[0]


def _near_every_word(typed: str, customer: Customer) -> bool:
    """Whether each word said is, or is close to, a word of the customer's name, company or town
    ("jane coper", "acme corp"): a lone match that only looks alike ("jane wilson" for Jane
    Smith) is asked about, never taken."""
    if _AN_ADDRESS_OR_NUMBER.fullmatch(typed.strip()):
        return True  # an e-mail or phone is found only whole
    own = _words(customer) | set(normalize.fold(customer.city or "").split())
    return all(
        any(fuzz.ratio(word, mine) >= _TYPO_OF_A_WORD or mine.startswith(word) for mine in own)
        for word in normalize.fold(typed).split()
        if word not in HINT_LINKS and len(word) > 1
    )


_TYPO_OF_A_WORD = 75
_AN_ADDRESS_OR_NUMBER = re.compile(r"\S+@\S+|\+?[\d][\d\s().-]{5,}")


def _fits(typed: str, customer: Customer) -> bool:
    """Whether every word said is a word of the customer's name or company, or its initial
    ("kenji w" for Kenji Wilson)."""
    words = _words(customer)
    return all(
        said in words or len(said) == 1 and any(w.startswith(said) for w in words)
        for said in normalize.name_key(typed).split()
    )


def _words(customer: Customer) -> set[str]:
    return set(normalize.fold(f"{customer.name or ''} {customer.company or ''}").split())


def _is_named(typed: str, customer: Customer) -> bool:
    person = normalize.name_key(customer.name or "")
    company = normalize.name_key(customer.company or "")
    wanted = normalize.name_key(typed)
    names = {person, company, normalize.name_key(f"{person} {company}")}
    if wanted and wanted.replace(" ", "") in {n.replace(" ", "") for n in names}:
        return True  # "hannah obrien" is Hannah O'Brien, "mc donald" McDonald
    if found := AT_COMPANY.match(typed):
        return (
            normalize.name_key(found["person"]) == person
            and normalize.name_key(found["company"]) == company
        )
    return False


def _which_one(ctx: Context, typed: str, matches: list[Match], *, slot: str) -> Ask:
    """Numbered choices with owner and city, the sender's own customers first."""
    owners = dict(ctx.session.exec(select(Staff.id, Staff.name)).all())
    ordered = sorted(
        matches, key=lambda m: (m.customer.id != ctx.recent, m.customer.owner_id != ctx.staff.id)
    )

    def owner(customer: Customer) -> str:
        if customer.owner_id == ctx.staff.id:
            return "you"
        return owners.get(customer.owner_id, "nobody")

    rows = [
        {
            "#": str(n),
            "Customer": m.customer.display_name,
            "Owner": owner(m.customer),
            "City": m.customer.city or "",
        }
        for n, m in enumerate(ordered, start=1)
    ]
    buttons = [
        Button(
            _short(
                " · ".join(filter(None, (f"{n}. {row['Customer']}", row["Owner"], row["City"])))
            ),
            str(n),
        )
        for n, row in enumerate(rows, start=1)
    ]
    asked = (
        f"Several customers match “{typed}”. Which one?"
        if len(rows) > 1
        else f"No customer is called “{typed}”; the closest is this one. Is it who you meant?"
    )
    reply = Reply(
        text=f"{asked} Answer with a number.",
        rows=rows,
        buttons=buttons,
    )
    choices = {str(n): {slot: f"#{m.customer.id}"} for n, m in enumerate(ordered, start=1)}
    return Ask(reply, choices)


def _short(label: str, limit: int = 70) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def resolve_staff(ctx: Context, typed: str) -> Staff:
    """A colleague by name: exact (any case or accent), or the only one whose name starts with it,
    or the only one with a name of that word ("Lee" for Jordan Lee)."""
    wanted = normalize.fold(re.sub(r"(?:'s|’s|')$", "", str(typed).strip()))  # "… be maria's"
    everyone = ctx.session.exec(select(Staff)).all()
    folded = {s.id: normalize.fold(s.name) for s in everyone}  # "maria garcia" is María García
    exact = [s for s in everyone if folded[s.id] == wanted]
    starting = [s for s in everyone if folded[s.id].startswith(wanted)]
    word = [s for s in everyone if wanted in folded[s.id].split()]
    for found in (exact, starting, word):
        if len(found) == 1:
            return found[0]
    names = ", ".join(sorted(s.name for s in everyone))
    raise UserError(f"No single colleague is called “{str(typed).strip()}”. Staff: {names}.")


def stage_named(ctx: Context, typed: object) -> str:
    """A pipeline stage from what was said ("won" is customer), or one sentence naming them."""
    stage = ctx.settings.pipeline.read(typed)
    if stage is None:
        raise UserError(
            f"“{typed}” is not a stage. The pipeline is {ctx.settings.pipeline.describe()}."
        )
    return stage
