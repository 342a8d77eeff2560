"""Block Kit rendering: what staff see in Slack, and what Slack accepts."""

from __future__ import annotations

import json

from adapters.slack_render import (
    MAX_BLOCKS,
    MAX_MESSAGE,
    MAX_SECTION,
    blocks,
    chosen,
    escape,
    fallback,
    home_view,
    message,
    plain,
)
from bot.messages import Button, Reply


def texts(rendered: list[dict]) -> list[str]:
    """Every piece of text in some blocks, in order."""
    found: list[str] = []
    for block in rendered:
        if "text" in block:
            found.append(block["text"]["text"])
        found.extend(f["text"] for f in block.get("fields", []))
        found.extend(
            e["text"] if isinstance(e["text"], str) else e["text"]["text"]
            for e in block.get("elements", [])
        )
    return found


def test_a_profile_is_a_header_with_fields_buttons_and_a_freshness_note():
    reply = Reply(
        title="Acme Ltd",
        text="Customer since 2024.",
        fields={"Owner": "Dana", "City": "Berlin"},
        buttons=[Button("History", "history with #3"), Button("Delete", "forget #3", "danger")],
        note="as of today 10:00",
    )
    rendered = blocks(reply)
    assert [b["type"] for b in rendered] == ["header", "section", "section", "actions", "context"]
    assert rendered[0]["text"] == {"type": "plain_text", "text": "Acme Ltd"}
    assert rendered[2]["fields"][0]["text"] == "*Owner*\nDana"
    history, delete = rendered[3]["elements"]
    assert (history["value"], delete["value"], delete["style"]) == (
        "history with #3",
        "forget #3",
        "danger",
    )
    assert history["action_id"] != delete["action_id"]
    assert rendered[4]["elements"][0]["text"] == "as of today 10:00"


def test_a_customer_named_like_a_channel_ping_cannot_ping_or_forge_a_link():
    reply = Reply(
        title="<!channel>",
        text="Note: <http://evil.example|click here> & <@U123>",
        fields={"Name": "<!here>"},
        rows=[{"Customer": "<!everyone>", "City": "<b>"}],
        note="<!channel>",
    )
    header, *rest = message(reply)["blocks"]
    assert header["text"] == {"type": "plain_text", "text": "<!channel>"}  # shown, never parsed
    rendered = json.dumps(rest)
    for raw in ("<!channel>", "<!here>", "<!everyone>", "<http://evil", "<@U123>"):
        assert raw not in rendered
    assert "&lt;http://evil.example|click here&gt; &amp; &lt;@U123&gt;" in rendered
    assert "&lt;!channel&gt;" in fallback(reply)


def test_rows_are_compact_lines_with_the_first_column_bold():
    reply = Reply(rows=[{"#": "1", "Customer": "Acme", "City": ""}, {"#": "2", "Customer": "Apex"}])
    assert texts(blocks(reply)) == ["*1* · Acme\n*2* · Apex"]


def test_more_than_ten_fields_are_split_over_sections():
    reply = Reply(fields={f"Field {n}": str(n) for n in range(23)})
    sections = [b for b in blocks(reply) if b["type"] == "section"]
    assert [len(s["fields"]) for s in sections] == [10, 10, 3]


def test_a_long_list_stays_within_slacks_limits_and_says_how_many_are_left_out():
    rows = [{"#": str(n), "Task": f"call customer number {n} " + "x" * 120} for n in range(3000)]
    rendered = blocks(Reply(title="Tasks", rows=rows, buttons=[Button("Done", "done 1")]))
    assert len(rendered) <= MAX_BLOCKS
    assert len(json.dumps(rendered, ensure_ascii=False)) <= MAX_MESSAGE
    assert all(len(t) <= MAX_SECTION for t in texts(rendered))
    shown = sum(t.count("\n") + 1 for b in rendered if b["type"] == "section" for t in texts([b]))
    assert rendered[-2]["elements"][0]["text"] == f"…and {3000 - shown} more"
    assert rendered[-1]["type"] == "actions"


def test_a_very_long_text_is_split_into_sections_at_line_breaks():
    text = "\n".join("a line of a long answer " * 5 for _ in range(100))
    rendered = blocks(Reply(text=text))
    assert len(rendered) > 1
    assert all(len(t) <= MAX_SECTION for t in texts(rendered))
    assert "\n".join(texts(rendered)) == text


def test_buttons_slack_cannot_carry_are_left_out():
    rendered = blocks(Reply(text="hi", buttons=[Button("Huge", "x" * 2001), Button("Ok", "ok")]))
    assert [e["value"] for e in rendered[-1]["elements"]] == ["ok"]


def test_every_message_has_a_plain_fallback_for_notifications():
    reply = Reply(title="Acme", fields={"City": "Berlin"})
    assert "Acme" in fallback(reply) and "Berlin" in fallback(reply)
    assert fallback(Reply()) == " "


def test_what_people_type_loses_slacks_markup():
    typed = (
        "log call with <mailto:jo@acme.com|jo@acme.com> &amp; <tel:+4930123|+49 30 123> "
        "re <https://acme.com|acme.com> &lt;3"
    )
    assert plain(typed) == "log call with jo@acme.com & +49 30 123 re acme.com <3"
    assert plain("ask <@U42|dana> in <#C1|sales> <!here>") == "ask @dana in #sales @here"


def test_the_home_tab_has_a_part_per_reply_within_the_view_limit():
    tasks = Reply(
        text="2 open tasks:", rows=[{"#": str(n), "Task": "x" * 2000} for n in range(200)]
    )
    ideas = Reply(text="Call Acme", buttons=[Button("Log it", "log call with Acme")])
    view = home_view("Hello Dana", [("Your tasks", tasks), ("Suggested next", ideas)])
    assert view["type"] == "home"
    assert len(view["blocks"]) <= 100
    assert "*Suggested next*" in texts(view["blocks"])
    actions = [b for b in view["blocks"] if b["type"] == "actions"]
    assert actions[0]["elements"][0]["value"] == "log call with Acme"


def test_a_clicked_message_loses_its_buttons_and_says_who_chose_what():
    original = blocks(Reply(text="Which one?", buttons=[Button("1. <Acme>", "1")]))
    after = chosen(original, "1. <Acme>", who="U1")
    assert [b["type"] for b in after] == ["section", "context"]
    assert after[-1]["elements"][0]["text"] == "<@U1> chose *1. &lt;Acme&gt;*"


def test_escaping_covers_the_three_characters_slack_reads():
    assert escape("a & b < c > d") == "a &amp; b &lt; c &gt; d"
