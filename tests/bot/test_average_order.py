"""What an order brings on average, as a manager asks for it: overall, per rep, and as a
follow-up to the sales just shown."""


def _sell(chat):
    chat.say("sold 2 crm pro to jane cooper for 1000")
    chat.say("sold 1 crm pro to jane smith for 500")


def test_the_average_order_value_is_the_sales_over_the_orders(chat):
    _sell(chat)
    reply = chat.say("whats our average order value this month", who="Alex")
    assert reply.text == "$750 per order: $1,500 over 2 orders."


def test_the_average_per_rep_gives_each_reps_orders_and_revenue(chat):
    _sell(chat)
    reply = chat.say("average order value per rep this month", who="Alex")
    assert reply.rows[0] == {
        "Owner": "Sam",
        "Average order": "$750",
        "Orders": "2",
        "Revenue": "$1,500",
    }


def test_the_average_asked_after_the_sales_keeps_what_they_were_split_by(chat):
    _sell(chat)
    chat.say("revenue by rep this month", who="Alex")
    reply = chat.say("i meant the average per order, not the total", who="Alex")
    assert reply.rows[0]["Average order"] == "$750"
