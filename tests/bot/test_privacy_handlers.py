"""Data-protection requests from chat: a person's data as a file, and erasure after confirming."""

import json

from sqlmodel import Session, SQLModel, select

from bot.buttons import full_value, short_value
from bot.identity import enrol
from crm_store import privacy
from crm_store.importing import ImportOptions, import_file
from crm_store.models import (
    AuditEntry,
    Customer,
    ErasedIdentifier,
    Interaction,
    PendingQuestion,
    Purchase,
    Staff,
    Task,
)


def jane(chat) -> Customer:
    with Session(chat.engine) as session:
        return session.exec(select(Customer).where(Customer.name == "Jane Cooper")).one()


def test_an_access_request_returns_everything_on_the_person_as_json(chat):
    chat.say("called jane at acme, she wants a quote for 20 seats")
    chat.say("sold 20 seats of CRM Pro to acme for $4,000")
    reply = chat.say("export all data on jane cooper", who="Alex")
    [file] = reply.files
    assert file.name == f"customer-{jane(chat).id}-data.json"
    assert file.mime == "application/json"
    data = json.loads(file.content)
    assert data["customer"]["email"] == "jane@acme.com"
    assert data["customer"]["owner"] == "Sam"
    assert data["interactions"][0]["summary"] == "she wants a quote for 20 seats"
    assert data["purchases"][0]["amount"] == "4000.00"
    assert data["exported"]["by"] == "Alex"
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


def every_value(engine) -> str:
    """Every column of every table, as one lower-cased text to search."""
    found = []
    with engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            for row in connection.execute(table.select()):
                found.extend(
                    json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else str(v)
                    for v in row
                )
    return "\n".join(found).lower()


def test_after_erasure_no_table_holds_her_name_contacts_or_notes(chat, engine):
    """Her old and new e-mail and phone, her name in sales, undos, other notes, a task not linked
    to her, another rep's unanswered question and a stored button: all gone, the rest kept."""
    with Session(engine) as session:
        enrol(session, "Dana", role="rep", tz="UTC")
        session.commit()
    chat.say("change Jane Cooper's phone to +1 212 555 0199")
    chat.say("change Jane Cooper's email to jane.cooper@acme.com")
    chat.say("called Jane Cooper, she wants a quote for 20 seats, follow up friday")
    chat.say("sold 3 CRM Pro to Jane Cooper for $300")
    chat.say("undo")
    chat.say("sold 3 CRM Pro to Jane Cooper for $300")
    chat.say("note on Globex: Jane Cooper referred them, her old number is (212) 555-0100")
    with Session(engine) as session:
        sam = session.exec(select(Staff).where(Staff.name == "Sam")).one()
        session.add(Task(assignee_id=sam.id, text="send the brochure to JANE.COOPER@ACME.COM"))
        session.commit()
    assert "Which one?" in chat.say("tell me about jane", who="Dana").text
    long_command = "log a call with Jane Cooper: " + "she wants a quote for 20 seats " * 3
    key = short_value(engine, long_command, limit=64)
    chat.say("forget Jane Cooper", who="Alex")
    chat.say("yes", who="Alex")

    text = every_value(engine)
    for trace in (
        "jane cooper",
        "jane@acme.com",
        "jane.cooper@acme.com",
        "+12125550100",
        "+12125550199",
        "(212) 555-0100",
        "she wants a quote for 20 seats",
    ):
        assert trace not in text, trace
    assert full_value(engine, key) is None
    assert not chat.rows(PendingQuestion)
    notes = {i.summary for i in chat.rows(Interaction) if i.summary}
    assert notes == {"[erased] referred them, her old number is [erased]"}
    assert [t.text for t in chat.rows(Task)] == ["send the brochure to [erased]"]
    digests = {row.digest for row in chat.rows(ErasedIdentifier)}
    key = chat.bot.settings.erasure_key
    for kind, value in (
        ("email", "jane@acme.com"),
        ("email", "jane.cooper@acme.com"),
        ("phone", "+12125550100"),
        ("phone", "+12125550199"),
    ):
        assert privacy.identifier_digest(kind, value, key=key) in digests


def test_reimporting_her_previous_number_is_flagged(chat, engine, tmp_path):
    chat.say("change Jane Cooper's phone to +1 212 555 0199")
    chat.say("forget Jane Cooper", who="Alex")
    chat.say("yes", who="Alex")
    path = tmp_path / "back.csv"
    path.write_text("name,phone\nJ. Cooper,(212) 555-0100\n", encoding="utf-8")
    options = ImportOptions(erasure_key=chat.bot.settings.erasure_key)
    summary = import_file(engine, path, "customers", options=options)
    assert (summary.created, summary.rejected) == (0, 1)
    assert "erased at their request" in summary.rejects[0].reason
