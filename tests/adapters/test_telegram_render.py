"""Telegram HTML rendering: nothing from people or the store can become markup, nothing is lost."""

from html.parser import HTMLParser

from adapters.telegram_render import LIMIT, render, size
from bot.messages import Reply

HOSTILE = '<b>Evil</b> & Co <a href="x">"quoted"</a> <pre>'


class Markup(HTMLParser):
    """The tags of a message and its text as Telegram would show it."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)

    def handle_data(self, data) -> None:
        self.text += data


def test_every_piece_of_store_text_is_escaped_and_shown_as_written():
    reply = Reply(
        title=HOSTILE,
        fields={HOSTILE: HOSTILE},
        text=HOSTILE,
        rows=[{"#": "7", "Customer": HOSTILE}],
        note=HOSTILE,
    )
    [message] = render(reply)
    markup = Markup(message)
    assert set(markup.tags) <= {"b", "i"}
    assert markup.text.count(HOSTILE) == 6


def test_a_profile_reads_as_title_fields_text_rows_and_note():
    reply = Reply(
        title="Acme Corporation",
        fields={"Owner": "Tess", "Stage": "customer"},
        text="Last contact 3 days ago.",
        rows=[{"#": "12", "Task": "send the quote", "Due": ""}],
        note="As of today.",
    )
    assert render(reply) == [
        "<b>Acme Corporation</b>\n"
        "<b>Owner</b>: Tess\n"
        "<b>Stage</b>: customer\n"
        "Last contact 3 days ago.\n"
        "• <b>#12</b> · send the quote\n"
        "<i>As of today.</i>"
    ]


def test_a_long_answer_is_split_under_the_limit_at_line_boundaries():
    rows = [{"n": f"row {n:03d}", "text": "y" * 500} for n in range(40)]
    parts = render(Reply(title="T", rows=rows))
    assert len(parts) > 1 and all(size(part) <= LIMIT for part in parts)
    lines = [line for part in parts for line in part.split("\n")]
    assert lines[1:] == [f"• <b>row {n:03d}</b> · {'y' * 500}" for n in range(40)]


def test_one_overlong_line_is_cut_at_spaces_and_keeps_every_word():
    words = [f"w{n}&" for n in range(3000)]
    parts = render(Reply(text=" ".join(words)))
    assert len(parts) > 1 and all(size(part) <= LIMIT for part in parts)
    shown = " ".join(Markup(part).text for part in parts)
    assert shown.split() == words


def test_emoji_count_twice_toward_the_limit():
    parts = render(Reply(text="\n".join(["🚀" * 100] * 30)))
    assert all(size(part) <= LIMIT for part in parts)
    assert sum(part.count("🚀") for part in parts) == 3000
    assert len(parts) == 2


def test_a_reply_with_only_a_file_has_no_text_messages():
    assert render(Reply()) == []
