"""Staff using crmbot in Slack: the real Bolt app and slack_sdk client against a fake Slack."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import httpx
from sqlmodel import Session

import adapters
from adapters.slack import SlackSender
from bot.messages import File, Reply
from crm_store.models import Interaction, Staff, Task
from tests.adapters.conftest import (
    DANA,
    STRANGER,
    buttons,
    rows,
    slack_settings,
    start,
)

EPHEMERAL = {"type": "message", "message_ts": "1.0", "channel_id": "C0SALES", "is_ephemeral": True}


def answer_to(slack, method: str = "chat.postMessage", *, count: int = 1) -> dict:
    return slack.api.wait_for(method, count=count)[count - 1].args


def everything_shown(slack) -> str:
    return json.dumps(slack.api.posted(), ensure_ascii=False)


def test_a_rep_logs_a_call_by_direct_message(slack):
    response = slack.dm("called jane at acme, she wants a quote for 20 seats")
    assert response.status_code == 200
    answer = answer_to(slack)
    assert answer["channel"] == "D" + DANA
    assert "Logged a call with Jane Cooper" in answer["text"]
    [call] = rows(slack.engine, Interaction)
    assert (call.channel, call.summary) == ("call", "she wants a quote for 20 seats")


def test_a_rep_looks_a_customer_up_privately_with_the_slash_command(slack):
    response = slack.command("who is jane@acme.com")
    assert (response.status_code, response.text) == (200, "")
    answer = answer_to(slack, "response_url")
    assert answer["response_type"] == "ephemeral"
    assert answer["blocks"][0]["type"] == "header"
    assert answer["blocks"][0]["text"]["text"].startswith("Jane Cooper (Acme Corporation)")


def test_sharing_a_slash_command_answer_posts_it_in_the_channel(slack):
    slack.command("share who is jane@acme.com")
    assert answer_to(slack, "response_url")["response_type"] == "in_channel"


def test_a_rep_picks_one_of_several_matches_with_a_button(slack):
    slack.command("tell me about jane")
    question = answer_to(slack, "response_url")
    smith = next(b for b in buttons(question) if "Jane Smith" in b["text"]["text"])
    container = {
        "type": "message",
        "message_ts": "1.0",
        "channel_id": "C0SALES",
        "is_ephemeral": True,
    }
    response = slack.click(smith, on={"channel": "C0SALES", "container": container})
    assert (response.status_code, response.text) == (200, "")
    profile = answer_to(slack, "response_url", count=2)
    assert profile["replace_original"] is True
    assert "Jane Smith (Globex Ltd)" in profile["text"]
    assert "chose *" in profile["blocks"][0]["elements"][0]["text"]


def test_a_button_in_a_direct_message_marks_the_choice_and_answers_below(slack):
    slack.dm("tell me about jane")
    question = answer_to(slack)
    cooper = next(b for b in buttons(question) if "Jane Cooper" in b["text"]["text"])
    ts = "1763460000.000001"
    slack.click(
        cooper,
        on={
            "channel": "D" + DANA,
            "container": {"type": "message", "message_ts": ts, "channel_id": "D" + DANA},
            "message": {"ts": ts, "text": question["text"], "blocks": question["blocks"]},
        },
    )
    update = answer_to(slack, "chat.update")
    assert update["ts"] == ts
    assert not buttons(update)
    profile = answer_to(slack, count=2)
    assert profile["text"].startswith("Jane Cooper (Acme Corporation)")


def test_a_retried_event_logs_the_call_once(slack):
    event = {"event_id": "Ev0RETRIED"}
    slack.dm("called jane at acme, left a voicemail", **event)
    answer_to(slack)
    retry = slack.dm("called jane at acme, left a voicemail", **event, **{"X-Slack-Retry-Num": "1"})
    assert retry.status_code == 200
    slack.dm("my tasks")  # a later message is answered, so the retry's turn has passed
    answer_to(slack, count=2)
    assert len(rows(slack.engine, Interaction)) == 1
    assert len(slack.api.calls_to("chat.postMessage")) == 2


def test_a_request_with_a_bad_signature_is_refused(slack):
    body = json.dumps({"type": "event_callback", "event": {"type": "app_mention"}})
    response = slack.deliver(body, "application/json", secret="not-the-secret")
    assert response.status_code == 401
    assert slack.api.posted() == []


def test_unsigned_oversized_or_malformed_requests_are_refused_without_a_trace(slack, caplog):
    caplog.set_level(logging.DEBUG)
    secret_text = "jane@acme.com wants a quote"
    event = json.dumps({"type": "event_callback", "event": {"text": secret_text}})
    unsigned = httpx.post(
        f"{slack.url}/slack/events",
        content=event,
        headers={"Content-Type": "application/json"},
        timeout=10,
    )
    malformed = [
        slack.deliver("{" + secret_text, "application/json"),
        slack.deliver('["a", "list"]', "application/json"),
        slack.deliver("payload=" + secret_text, "application/x-www-form-urlencoded"),
        slack.deliver(b"\xff\xfe".decode("latin-1"), "application/json"),
    ]
    oversized = slack.deliver(json.dumps({"text": "x" * 1_100_000}), "application/json")
    assert unsigned.status_code == 401
    assert [response.status_code for response in malformed] == [400, 400, 400, 400]
    assert oversized.status_code == 413
    assert secret_text not in caplog.text
    assert slack.api.posted() == []
    slack.dm("tell me about jane cooper")  # the app keeps answering
    assert answer_to(slack)["text"].startswith("Jane Cooper")


def test_a_stranger_sees_nothing_but_the_refusal(slack):
    slack.dm("tell me about jane", user=STRANGER)
    slack.command("who is jane@acme.com", user=STRANGER)
    refusals = [answer_to(slack), answer_to(slack, "response_url")]
    for refusal in refusals:
        assert refusal["text"].startswith("You are not enabled for crmbot yet")
        assert "Jane" not in json.dumps(refusal)
    assert rows(slack.engine, Staff)[0].slack_id == DANA and len(rows(slack.engine, Staff)) == 1


def test_a_channel_ping_or_link_in_the_data_is_shown_escaped(slack):
    slack.dm("tell me about mallory")
    shown = json.dumps(answer_to(slack), ensure_ascii=False)
    assert "&lt;!channel&gt; Corp" in shown
    assert "&lt;http://evil.example|Paris&gt;" in shown
    mrkdwn = shown.replace('"plain_text", "text": "Mallory Ping (<!channel> Corp)', "")
    assert "<!channel>" not in mrkdwn
    assert "<http://evil" not in mrkdwn


def test_slack_gets_its_answer_before_the_work_is_done(slack):
    slack.api.hold("users.info")  # the first contact reads the member's profile before working
    response = slack.dm("called jane at acme, she wants a quote")
    assert response.status_code == 200
    slack.api.wait_for("users.info")
    assert rows(slack.engine, Interaction) == []
    slack.api.release("users.info")
    answer_to(slack)
    assert len(rows(slack.engine, Interaction)) == 1


def test_the_slash_command_and_buttons_are_acknowledged_before_they_are_answered(slack):
    slack.api.hold("users.info")
    response = slack.command("tell me about jane")
    assert (response.status_code, slack.api.calls_to("response_url")) == (200, [])
    slack.api.release("users.info")
    question = answer_to(slack, "response_url")
    slack.api.hold("response_url")
    container = {
        "type": "message",
        "message_ts": "1.0",
        "channel_id": "C0SALES",
        "is_ephemeral": True,
    }
    click = slack.click(buttons(question)[0], on={"channel": "C0SALES", "container": container})
    assert click.status_code == 200
    slack.api.release("response_url")
    assert "chose" in json.dumps(answer_to(slack, "response_url", count=2))


def test_a_mention_in_a_channel_is_answered_in_its_thread(slack):
    event = {
        "type": "app_mention",
        "channel": "C0SALES",
        "user": DANA,
        "text": "<@UBOT> who is <mailto:jane@acme.com|jane@acme.com>",
        "ts": "1763460000.123456",
    }
    slack.event(event)
    answer = answer_to(slack)
    assert (answer["channel"], answer["thread_ts"]) == ("C0SALES", "1763460000.123456")
    assert answer["text"].startswith("Jane Cooper (Acme Corporation)")


def test_first_contact_takes_the_members_time_zone_from_slack(slack):
    slack.dm("my tasks")
    answer_to(slack)
    [dana] = rows(slack.engine, Staff)
    assert dana.tz == "America/New_York"


def test_a_rate_limited_answer_is_sent_after_retry_after(slack):
    slack.api.rate_limit("chat.postMessage", times=1, retry_after=0)
    slack.dm("my tasks")
    posts = slack.api.wait_for("chat.postMessage", count=2)
    assert posts[0].args == posts[1].args
    assert "open tasks" in posts[1].args["text"].lower()


def test_a_failing_slack_call_is_logged_and_the_app_keeps_working(slack, caplog):
    slack.api.fail("chat.postMessage", "channel_not_found")
    with caplog.at_level(logging.WARNING, logger="adapters.slack"):
        slack.dm("called jane at acme, she wants a quote")
        slack.api.wait_for("chat.postMessage")
        slack.api.wait_for("users.info")
    assert len(rows(slack.engine, Interaction)) == 1
    slack.api.fail("chat.postMessage", None)
    slack.dm("my tasks")
    answer_to(slack, count=2)
    assert any("could not post a reply" in r.getMessage() for r in caplog.records)


def test_the_home_tab_shows_open_tasks(slack):
    with Session(slack.engine) as session:
        session.add(Task(assignee_id=1, text="send the <contract> to Acme"))
        session.commit()
    slack.event({"type": "app_home_opened", "user": DANA, "channel": "D" + DANA, "tab": "home"})
    view = answer_to(slack, "views.publish")
    assert view["user_id"] == DANA
    shown = json.dumps(view["view"], ensure_ascii=False)
    assert view["view"]["type"] == "home"
    assert "Hello, Dana" in shown
    assert "send the &lt;contract&gt; to Acme" in shown


def test_a_task_is_ticked_off_from_the_home_tab(slack):
    with Session(slack.engine) as session:
        session.add(Task(assignee_id=1, text="call Acme"))
        session.commit()
    slack.event({"type": "app_home_opened", "user": DANA, "channel": "D" + DANA, "tab": "home"})
    view = answer_to(slack, "views.publish")["view"]
    done = next(b for b in buttons(view) if b["value"].startswith("done"))
    slack.click(done, on={"channel": None, "container": {"type": "view", "view_id": "VHOME"}})
    answer = answer_to(slack)
    assert answer["channel"] == "D" + DANA and answer["text"].startswith("Done: #1 call Acme")
    assert [t.status for t in rows(slack.engine, Task)] == ["done"]
    refreshed = answer_to(slack, "views.publish", count=2)["view"]
    assert "call Acme" not in json.dumps(refreshed)


def test_members_of_the_workspace_are_enrolled_when_allowed(store, slack_api):
    settings = slack_settings(slack_api, slack_allow_workspace=True)
    slack_api.add_user("U0OTHER", "Eve Outsider", team="T0ELSEWHERE")
    for slack in start(store, slack_api, settings):
        slack.dm("my tasks", user=STRANGER)
        assert "open tasks" in answer_to(slack)["text"].lower()
        slack.dm("my tasks", user="U0OTHER")
        assert answer_to(slack, count=2)["text"].startswith("You are not enabled")
    stan = next(s for s in rows(store, Staff) if s.slack_id == STRANGER)
    assert (stan.name, stan.role, stan.tz) == ("Stan Ger", "rep", "Europe/Berlin")
    assert "U0OTHER" not in {s.slack_id for s in rows(store, Staff)}


def test_requests_from_another_workspace_are_refused(slack):
    slack.dm("called jane at acme, she wants a quote", team="T0ELSEWHERE")
    response = slack.command("who is jane@acme.com", team="T0ELSEWHERE")
    assert "not enabled" in response.text
    slack.dm("my tasks")
    answer_to(slack)
    assert len(slack.api.calls_to("chat.postMessage")) == 1
    assert rows(slack.engine, Interaction) == []


def test_the_health_check_answers(slack):
    import httpx

    assert httpx.get(f"{slack.url}/healthz").status_code == 200


def test_the_digest_goes_to_the_members_direct_messages_with_its_files(slack):
    sender = SlackSender(slack_settings(slack.api))
    staff = Staff(name="Dana", slack_id=DANA)
    chart = File("pipeline.png", "image/png", b"\x89PNG fake")
    sender.send(staff, Reply(title="Your day", text="3 tasks", files=[chart]))
    assert slack.api.calls_to("conversations.open")[0].args["users"] == DANA
    assert answer_to(slack)["channel"] == "D" + DANA
    assert slack.api.wait_for("upload")[0].body == b"\x89PNG fake"
    complete = answer_to(slack, "files.completeUploadExternal")
    assert complete["channel_id"] == "D" + DANA


def test_a_digest_channel_takes_precedence_over_direct_messages(slack):
    sender = SlackSender(slack_settings(slack.api))
    sender.send(Staff(name="Dana", slack_id=DANA, digest_chat="C0DIGEST"), Reply(text="hi"))
    assert answer_to(slack)["channel"] == "C0DIGEST"
    assert slack.api.calls_to("conversations.open") == []


def test_the_manifest_asks_for_what_the_app_listens_to():
    manifest = (Path(adapters.__file__).parent / "slack_manifest.yml").read_text()
    for needed in (
        "- app_mention",
        "- message.im",
        "- app_home_opened",
        "command: /crm",
        "- chat:write",
        "- commands",
        "- im:history",
        "- users:read",
        "- files:write",
        "socket_mode_enabled: true",
    ):
        assert needed in manifest
    assert manifest.count("example.com/slack/events") == 3
