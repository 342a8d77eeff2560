"""One live customer per e-mail and per phone, said plainly when someone tries a second."""

from sqlmodel import Session, select

from crm_store.models import Customer


def jane(chat) -> Customer:
    with Session(chat.engine) as session:
        return session.exec(select(Customer).where(Customer.name == "Jane Cooper")).one()


def test_a_customer_in_the_bin_keeps_their_email_and_is_restored_rather_than_added_again(chat):
    chat.run("customer.delete", customer="Jane Cooper")
    reply = chat.say("add customer Jane Cooper at Acme, jane@acme.com")
    assert f"in the delete bin, has jane@acme.com; “restore #{jane(chat).id}”" in reply.text
    assert [c.email for c in chat.rows(Customer)].count("jane@acme.com") == 1


def test_a_phone_a_customer_in_the_bin_holds_is_refused_in_a_sentence(chat):
    chat.say("change jane smith's phone to +44 20 7946 0456")
    chat.say("delete jane smith")
    written = chat.written()
    reply = chat.say("change hans müller's phone to +44 20 7946 0456")
    assert "in the delete bin, has +442079460456" in reply.text
    assert chat.written() == written
