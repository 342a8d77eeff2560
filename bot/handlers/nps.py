"""Net Promoter answers: how likely a customer is to recommend us, 0 to 10."""

from __future__ import annotations

import re

from sqlmodel import Session, col, select

from bot import checks
from bot.context import Context, UserError, handles
from bot.handlers.interactions import contact_beside
from bot.messages import Button, Reply
from bot.resolve import resolve_customer
from crm_store.audit import last_command, snapshot
from crm_store.models import Customer, NpsAnswer
from intents import CONTACT, CONTACT_SAID, Parsed


def category(score: int) -> str:
    return "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"


def score_put_right(session: Session, staff_id: int, text: str) -> Parsed | None:
    """ "sorry it was a 3 not 4", right after an NPS answer was recorded: that answer, put right
    (a second score of the day corrects the first); None for anything else."""
    if (said := _SCORE_PUT_RIGHT.match(text)) is None:
        return None
    entries = last_command(session, staff_id)
    answer = next((e for e in entries if e.action == "nps.record" and e.after), None)
    if answer is None:
        return None
    return Parsed(
        "nps.record", {"customer": f"#{answer.after['customer_id']}", "score": int(said["score"])}
    )


_SCORE_PUT_RIGHT = re.compile(
    r"^\W*(?:(?:sorry|oops|sry|my bad|ugh|no|wait|correction)[\s,!.:]*)*(?:(?:it|that|the score|"
    r"the nps|score|nps)\s+(?:was|is|should (?:have )?be(?:en)?)|(?:i\s+)?meant)\s+(?:actually\s+)?"
    r"(?:an?\s+)?"
    r"(?P<score>\d{1,2})(?:\s*,?\s*(?:and\s+)?not\s+(?:an?\s+)?\d{1,2})?\W*$",
    re.I,
)


@handles("nps.record")
def record_nps(parsed: Parsed, ctx: Context) -> Reply:
    """Record an NPS answer — “Acme gave us a 9”, “nps 3 for Globex, unhappy with onboarding”."""
    if "score" not in parsed.slots:
        raise UserError("What score, from 0 to 10? e.g. “Acme gave us a 9”.")
    score = checks.whole(parsed.slots["score"], what="NPS score", low=0, high=10)
    comment = checks.text(parsed.slots.get("comment") or "", NpsAnswer, "comment", what="comment")
    customer = resolve_customer(ctx, parsed.slots.get("customer"))
    kind = category(score)
    if (answer := _answered_today(ctx, customer)) is not None:
        # a customer answers once a day: a second score corrects the first ("actually 4 not 3")
        before, was = snapshot(answer), answer.score
        answer.score, answer.comment = score, comment or answer.comment
        description = f"NPS {was} → {score} from {customer.display_name}"
        recorded = f"Changed today's NPS for {customer.display_name}: {was} → {score} ({kind})."
    else:
        before = None
        answer = NpsAnswer(
            customer_id=customer.id,
            score=score,
            comment=comment or None,
            answered_on=ctx.today,
            staff_id=ctx.staff.id,
        )
        description = f"NPS {score} from {customer.display_name}"
        recorded = f"Recorded NPS {score} ({kind}) for {customer.display_name}."
    ctx.session.add(answer)
    ctx.audit("nps.record", answer, before=before, description=description)
    contact = ""
    if channel := parsed.slots.get(CONTACT):  # "called bjorn, … nps 7": the call is logged too
        about = parsed.slots.get(CONTACT_SAID) or comment
        contact = contact_beside(ctx, customer, channel, about, parsed.slots) + "\n"
    advice = {
        "promoter": "A good moment to ask for a referral.",
        "passive": "Satisfied but not enthusiastic: worth asking what would make it a 10.",
        "detractor": "Worth a recovery call soon.",
    }[kind]
    said = f" They said: “{answer.comment}”." if answer.comment else ""
    return Reply(text=f"{contact}{recorded}{said} {advice}", buttons=[Button("Undo", "undo")])


def _answered_today(ctx: Context, customer: Customer) -> NpsAnswer | None:
    return ctx.session.exec(
        select(NpsAnswer)
        .where(NpsAnswer.customer_id == customer.id, NpsAnswer.answered_on == ctx.today)
        .order_by(col(NpsAnswer.id).desc())
    ).first()
