"""Data-protection requests: a person's data as a file (access), and erasure (forget)."""

from __future__ import annotations

import json

from bot import format
from bot.context import Ask, Context, UserError, handles
from bot.messages import File, Reply
from bot.resolve import resolve_customer
from crm_store import privacy
from intents import Parsed


@handles("customer.export")
def export_customer(parsed: Parsed, ctx: Context) -> Reply:
    """Everything we hold on a person, as a file — “export all data on Jane Cooper”."""
    customer = resolve_customer(ctx, parsed.slots.get("customer"), in_bin=None)
    data = privacy.personal_data(ctx.session, customer)
    data["exported"] = {"at": ctx.now.isoformat(timespec="seconds"), "by": ctx.staff.name}
    content = json.dumps(data, indent=2, ensure_ascii=False).encode()
    counts = ", ".join(
        f"{len(data[key])} {label}"
        for key, label in (
            ("interactions", "contacts"),
            ("purchases", "purchases"),
            ("tasks", "tasks"),
            ("nps_answers", "NPS answers"),
            ("changes", "recorded changes"),
        )
    )
    return Reply(
        text=f"Everything held on {customer.display_name} (#{customer.id}): the profile, {counts}. "
        "Send it to them over a secure channel.",
        files=[File(f"customer-{customer.id}-data.json", "application/json", content)],
    )


@handles("customer.forget")
def forget_customer(parsed: Parsed, ctx: Context) -> Reply:
    """Erase a person's personal data on request (managers) — “forget Jane Cooper”."""
    if not ctx.is_manager:
        raise UserError(
            "Only a manager or an admin can erase a customer's personal data. "
            "Please pass the request on to one."
        )
    customer = resolve_customer(ctx, parsed.slots.get("customer"), in_bin=None)
    who = f"{customer.display_name} (#{customer.id})"
    if not ctx.confirmed:
        raise Ask.confirm(
            f"Erase all personal data of {who}? Name, contact details, notes and tags go; "
            "purchase figures stay, anonymized. This cannot be undone."
        )
    erased = privacy.forget(
        ctx.session,
        customer,
        key=ctx.settings.erasure_key,
        staff_id=ctx.staff.id,
        command_id=ctx.command_id,
        now=ctx.now,
    )
    when = format.moment(ctx.now, tz=ctx.tz, today=ctx.today)
    kept = f"{erased.purchases_kept} purchases are kept, anonymized, so reports still add up"
    return Reply(
        text=f"Erased the personal data of {who}: {erased.interactions} contact notes, "
        f"{erased.tasks} tasks and {erased.nps_answers} NPS comments cleared. {kept}. "
        f"Recorded as done by {ctx.staff.name} {when}; "
        "an import that brings back their e-mail or phone will be flagged."
    )
