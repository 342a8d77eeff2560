"""Records pasted from another system are read by their field names, not as sentences."""

from datetime import datetime

import pytest

from intents import parse, records, rules

NOW = datetime(2026, 12, 3, 11, 45)


@pytest.mark.parametrize(
    ("pasted", "intent", "slots"),
    [
        (
            "Activity: Teams call | Account: Brandt Cycles | Date: 02/12/2026 | "
            "Notes: Demo of leasing portal, want pricing for 30 bikes | Follow-up: 09/12/2026",
            "interaction.log",
            {
                "customer": "Brandt Cycles",
                "channel": "meeting",
                "occurred_on": "2026-12-02",
                "summary": "Demo of leasing portal, want pricing for 30 bikes",
                "follow_up": "2026-12-09",
            },
        ),
        (
            "Activity: Call | Account: Harbourside Marine Ltd | Date: 31/11/2026 | "
            "Notes: Confirmed delivery window",
            "interaction.log",
            {
                "customer": "Harbourside Marine Ltd",
                "channel": "call",
                "summary": "Confirmed delivery window",
                "invalid": {"occurred_on": "31/11/2026"},
            },
        ),
        (
            "Order #SO-11872 | Customer: Fenwick Orchards | Item: ColdChain Sensor Kit | "
            "Qty: 12 | Total: £5,640.",
            "purchase.log",
            {
                "customer": "Fenwick Orchards",
                "product": "ColdChain Sensor Kit",
                "quantity": 12,
                "amount": 5640,
                "currency": "GBP",
            },
        ),
        (
            "Lead Source: Web Form | Name: Ollie Brandt | Company: Brandt Cycles | "
            "Email: ollie@brandtcycles.co.uk | Interest: E-bike fleet leasing | Status: Lead",
            "customer.create",
            {
                "name": "Ollie Brandt",
                "company": "Brandt Cycles",
                "email": "ollie@brandtcycles.co.uk",
                "interest": "E-bike fleet leasing",
                "stage": "lead",
            },
        ),
        (
            "Respondent: Tanfield Joinery | Score: 13 | Comment: brilliant service",
            "nps.record",
            {
                "customer": "Tanfield Joinery",
                "invalid": {"score": "13"},
                "comment": "brilliant service",
            },
        ),
        (
            "Field update — Account: Ashgrove Veterinary | Billing City: Cheltenham → Gloucester",
            "customer.update",
            {"customer": "Ashgrove Veterinary", "field": "city", "value": "Gloucester"},
        ),
    ],
)
def test_a_pasted_record_is_read_field_by_field(pasted, intent, slots):
    parsed = parse(pasted, now=NOW, tz="Europe/London")
    assert (parsed.intent, parsed.slots) == (intent, slots)


@pytest.mark.parametrize(
    "said",
    ["called acme: she wants a quote", "note: acme wants a quote", "todo: chase the Nimbus SOW"],
)
def test_a_sentence_with_a_colon_is_read_as_a_sentence(said):
    assert records.read(rules.prepare(said, now=NOW, tz="Europe/London")) is None
