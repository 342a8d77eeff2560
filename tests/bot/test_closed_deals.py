"""Deals won and lost in a period, as a manager asks for them: counted by where each customer
stands now, for the team or per rep."""


def test_the_win_rate_counts_the_deals_won_and_lost_this_month(chat):
    chat.say("move jane smith to lost", who="Alex")
    chat.say("move hans müller to won", who="Alex")
    reply = chat.say("whats our win rate this month", who="Alex")
    assert "1 won, 1 lost: a win rate of 50%" in reply.text
    assert {(row["Customer"].split(" (")[0], row["Outcome"]) for row in reply.rows} == {
        ("Jane Smith", "lost"),
        ("Hans Müller", "won"),
    }


def test_a_deal_lost_and_won_back_counts_once_as_won(chat):
    chat.say("move jane smith to lost", who="Alex")
    chat.say("move jane smith to customer", who="Alex")
    reply = chat.say("how many deals did we lose this month", who="Alex")
    assert "1 won, 0 lost" in reply.text


def test_deals_per_rep_give_each_reps_won_lost_and_rate(chat):
    chat.say("move jane smith to lost", who="Alex")
    chat.say("move hans müller to won", who="Alex")
    reply = chat.say("win rate by rep this month", who="Alex")
    assert reply.rows == [{"Rep": "Sam", "Won": "1", "Lost": "1", "Win rate": "50%"}]


def test_no_deals_closed_is_said_so(chat):
    reply = chat.say("which customers did we move to lost today", who="Alex")
    assert reply.text == "No deals were won or lost today among the team's customers."


def test_the_win_rate_beside_the_period_before(chat):
    chat.say("move jane smith to lost", who="Alex")
    reply = chat.say("win rate this month vs last month", who="Alex")
    assert (
        "0 won, 1 lost: a win rate of 0%. Before (Thu 1 Oct – Sun 18 Oct): none won or lost."
        in (reply.text)
    )
