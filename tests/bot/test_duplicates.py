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
