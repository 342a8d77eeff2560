"""Data-protection requests from chat: a person's data as a file, and erasure after confirming."""

import json

from sqlmodel import Session, select

from crm_store.models import AuditEntry, Customer, ErasedIdentifier, Interaction, Purchase


def jane(chat) -> Customer:
    with Session(chat.engine) as session:
        return session.exec(select(Customer).where(Customer.name == "Jane Cooper")).one()


def test_an_access_request_returns_everything_on_the_person_as_json(chat):
    chat.say("called jane at acme, she wants a quote for 20 seats")
    chat.say("sold 20 seats of CRM Pro to acme for $4,000")
    reply = chat.say("export all data on jane cooper")
    [file] = reply.files
    assert file.name == f"customer-{jane(chat).id}-data.json"
    assert file.mime == "application/json"
    data = json.loads(file.content)
    assert data["customer"]["email"] == "jane@acme.com"
    assert data["customer"]["owner"] == "Sam"
    assert data["interactions"][0]["summary"] == "she wants a quote for 20 seats"
    assert data["purchases"][0]["amount"] == "4000.00"
    assert data["exported"]["by"] == "Sam"
    assert "1 contacts, 1 purchases" in reply.text


def test_a_manager_erases_a_person_after_confirming_and_reports_still_add_up(chat):
    chat.say("called jane at acme, she wants a quote for 20 seats, follow up friday")
    chat.say("sold 20 seats of CRM Pro to acme for $4,000")
    question = chat.say("forget jane cooper", who="Alex")
    assert "cannot be undone" in question.text
    assert [b.value for b in question.buttons] == ["yes", "no"]
    assert jane(chat).forgotten_at is None  # nothing happens before the answer
    done = chat.say("yes", who="Alex")
    assert "Erased the personal data of Jane Cooper (Acme Corporation)" in done.text
    [erased] = [c for c in chat.rows(Customer) if c.forgotten_at is not None]
    assert (erased.name, erased.company, erased.email, erased.phone, erased.city) == (None,) * 5
    [call] = chat.rows(Interaction)
    assert (call.channel, call.summary) == ("call", "")
    [sale] = chat.rows(Purchase)
    assert (sale.customer_id, str(sale.amount)) == (erased.id, "4000.00")
    assert {row.kind for row in chat.rows(ErasedIdentifier)} == {"email", "phone"}
    [entry] = [e for e in chat.rows(AuditEntry) if e.action == "customer.forget"]
    assert entry.entity_id == erased.id
    assert entry.staff_id != erased.owner_id  # Alex (the manager), not Sam (the owner)
    assert "jane" not in json.dumps([e.before for e in chat.rows(AuditEntry)]).lower()


def test_an_erased_person_is_no_longer_found_and_undo_brings_nothing_back(chat):
    chat.say("forget jane cooper", who="Alex")
    chat.say("yes", who="Alex")
    assert "No customer matches" in chat.say("who is jane@acme.com").text
    undo = chat.say("undo", who="Alex").text
    assert undo.startswith("Your last change erased the personal data of #")
    assert "an erasure can't be undone" in undo and undo.endswith("Nothing was undone.")
    assert all(c.name != "Jane Cooper" and c.email != "jane@acme.com" for c in chat.rows(Customer))


def test_undo_after_an_erasure_does_not_silently_undo_an_older_change(chat):
    chat.say("called globex, discussed pricing", who="Alex")
    chat.say("forget jane cooper", who="Alex")
    chat.say("yes", who="Alex")
    assert "can't be undone" in chat.say("undo", who="Alex").text
    assert chat.count(Interaction) == 1


def test_a_rep_cannot_erase_anyone(chat):
    before = chat.written()
    reply = chat.say("forget jane cooper")
    assert "Only a manager or an admin" in reply.text
    assert chat.say("yes").text  # no confirmation was pending, so nothing is erased
    assert chat.written() == before
    assert jane(chat).forgotten_at is None


def test_cancelling_the_confirmation_erases_nothing(chat):
    chat.say("forget jane cooper", who="Alex")
    reply = chat.say("no", who="Alex")
    assert "cancelled" in reply.text.lower()
    assert jane(chat).email == "jane@acme.com"


def test_adding_an_erased_person_again_needs_a_deliberate_yes(chat):
    chat.say("forget jane cooper", who="Alex")
    chat.say("yes", who="Alex")
    question = chat.say("add customer Jane Cooper at Acme, jane@acme.com")
    assert "erased at their request on 18 Nov 2026" in question.text
    assert not [c for c in chat.rows(Customer) if c.email == "jane@acme.com"]
    assert "Added Jane Cooper" in chat.say("yes").text
    assert [c.name for c in chat.rows(Customer) if c.email == "jane@acme.com"] == ["Jane Cooper"]
