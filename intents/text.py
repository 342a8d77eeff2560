"""Chat decoration out, shorthand expanded and typos in intent words corrected, before parsing."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property, lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from intents.values import CURRENCIES, plain_number

LINKS = [
    (re.compile(r"<(?:https?|mailto):[^|>]+\|([^>]+)>"), r"\1"),  # a Slack link shows its label
    (re.compile(r"<mailto:([^>|]+)>"), r"\1"),
    (re.compile(r"<(https?://[^>]+)>"), r"\1"),
]
_TICKED = r"(?:✅|☑️?|✔️?|:white_check_mark:|:heavy_check_mark:|:ballot_box_with_check:)"
DECORATION = [
    *LINKS,
    # "/crm tasks <@U03MB7|jess> this week": whose tasks, digest or figures
    (
        re.compile(
            r"\b(?:tasks|to-?dos|digest|pipeline|book|calls|meetings|figures)(?=\s+<@[A-Z0-9]+\|)",
            re.I,
        ),
        lambda found: f"{found.group()} for",
    ),
    (re.compile(r"<@[A-Z0-9]+\|([^>]+)>"), r"\1"),  # a labelled user mention is that person
    # "meeting with <@U05TOMAS> and Greenholm": a colleague along, the meeting is with Greenholm
    (re.compile(r"\b(with|w/)\s+<@[A-Z0-9]+>\s+(?:and|&|\+)\s+", re.I), r"\1 "),
    (re.compile(r"<[@!#][^>]*>"), " "),  # user, channel and special mentions
    (re.compile(r"^\s*/crm\b"), " "),
    (  # "task 56 ✅", ":white_check_mark: task 21": that task is done
        re.compile(
            rf"(?P<task>\btasks?\s*#?\d+)\s*{_TICKED}|^\s*{_TICKED}\s*(?=tasks?\s*#?\d)", re.I
        ),
        lambda found: f"{found['task']} done" if found["task"] else "done ",
    ),
    (re.compile(r"(?<![\w:]):[a-z0-9_+-]+:(?!\w)"), " "),  # :emoji:
    (re.compile(r"(?<!\w)\*([^*]+)\*(?!\w)"), r"\1"),
    (re.compile(r"(?<!\w)_([^_]+)_(?!\w)"), r"\1"),
    (re.compile(r"(?<!\w)~([^~]+)~(?!\w)"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"^\s*/(\w+)@\w+"), r"/\1"),  # Telegram's /command@botname
    (re.compile(r"^\s*/(?!crm\b)(\w+)\b"), r"\1"),  # a bot command is its word
    (re.compile(r"(?m)^\s*>\s?"), ""),  # quoted lines of a pasted message
    (re.compile(r"(?m)^[ \t]*[•·▪◦●‣⁃][ \t]*"), "- "),  # bullets are dashes
    (re.compile(r"[ \t]+[•·▪◦●‣⁃|](?:[ \t]+|$)"), ", "),  # "Update • Castellan • stage → x"
    (re.compile(r"^\s*@\w+[:,]?\s+"), " "),  # a leading @bot mention
    (
        re.compile(r"(?<![\w.+@-])@(\w+)(?![\w.@-]*\.\w)"),
        r"\1",
    ),  # @person: the person, not an e-mail
]
# a rep's first language among the English, word for word
_FIRST_LANGUAGE = {
    "telefonat": "call", "telefonema": "call", "llamada": "call", "mañana": "tomorrow",
    "amanhã": "tomorrow", "ayer": "yesterday", "ontem": "yesterday", "hoy": "today",
    "hoje": "today", "reunião": "meeting", "reuniao": "meeting", "clientes": "clients",
    "lunes": "monday", "martes": "tuesday", "miércoles": "wednesday", "miercoles": "wednesday",
    "jueves": "thursday", "viernes": "friday", "sexta-feira": "friday", "sexta": "friday",
    "recordatorio": "reminder",
}  # fmt: skip
SHORTHAND = [
    (re.compile(r"\bf/u\b|\bf/up\b|\bfup\b|(?<![\w-])follow-?up(?![\w-])", re.I), "follow up"),
    (re.compile(r"\bw/o\b", re.I), "without"),
    (re.compile(r"(?<=\d)(?: ea\b| ea\.|ea\b|/ea\b)", re.I), " each"),  # "sold at 450 ea"
    (re.compile(r"\bw/", re.I), "with "),
    (re.compile(r"\bre:\s*", re.I), "about "),
    (re.compile(r"\b(?:tmrw|tmr|tmrow|tomoz|2moro|2morrow)\b", re.I), "tomorrow"),
    (re.compile(r"\btdy\b", re.I), "today"),
    (
        re.compile(r"\b(?:tnaks|thnaks|thansk|tahnks|thakns|thanx|thnx|thnks|thks|thanku)\b", re.I),
        "thanks",
    ),
    (re.compile(r"\bdelet\b", re.I), "delete"),  # a letter short: "delet X, a test entry"
    (re.compile(r"(?<=\w),\s+(?:oh|um+|uh+|erm*|ah+)\s*,\s+", re.I), " "),  # "in, oh, about 120"
    # "Yesterday I talk by telephone with Rodrigo …": a call with Rodrigo
    (
        re.compile(
            r"\b(?:talk(?:ed)?|speak|spoke|spoken)\s+(?:by|on|on the|over the)\s+(?:tele)?phone\s+"
            r"(?:with|to)\b",
            re.I,
        ),
        "called",
    ),
    (re.compile(r"\bmett\b", re.I), "met"),  # "mett with X yestrday"
    (re.compile(r"\blog(?:ed|d)\b", re.I), "logged"),  # "loged a call wth Mr X"
    # "logged visit X today, …": the log asked for, as "log visit X"
    (re.compile(r"^logged\s+(?=(?:call|visit|meeting|mtg|email|chat|sms|text)\s)", re.I), "log "),
    (re.compile(r"\bwth\b", re.I), "with"),
    (re.compile(r"\b(task|reminder)\s+on\s+me\b", re.I), r"\1 for me"),  # "put a task on me for …"
    (re.compile(r"^rem\s*:", re.I), "remind me:"),
    # "and 1 onboarding package at list price": the catalogue's price, which is said by no figure
    (
        re.compile(
            r"\s*,?\s*(?:at|for)\s+(?:the\s+)?(?:usual\s+|normal\s+|standard\s+|full\s+)?"
            r"(?:list|catalogue|catalog)\s+price\b",
            re.I,
        ),
        "",
    ),
    # "kenji placed order: 20 crm enterprise": ordered
    (
        re.compile(r"\bplaced\s+(?:an?\s+|the\s+|their\s+)?(?:order|po)\b(?:\s+for\b|\s*:)?", re.I),
        "ordered",
    ),
    (re.compile(r"\b(?:contct|contato|contacto|kontakt)\b", re.I), "contact"),
    # "text message from X", "sent a text message to X": an SMS, the message not its subject
    (re.compile(r"\b(?:text|sms)\s+(?:message|msg)\b(?=\s+from\b)", re.I), "sms"),
    (re.compile(r"\b(telegram|whats ?app|signal)\s+(?:message|msg)\b(?=\s+from\b)", re.I), r"\1"),
    (re.compile(r"\bsent\s+(?:an?\s+)?(?:text|sms)\s+(?:message|msg)\s+to\b", re.I), "texted"),
    (re.compile(r"\b(?:sent|wrote)\s+(?:an?\s+)?e-?mail\s+to\b", re.I), "emailed"),
    (re.compile(r"\bwhat['’]ve\b", re.I), "what have"),
    # "may I add a new customer? Miss Clementine Aucoin, …": the one to add, after a colon
    (
        re.compile(
            r"\b((?:add|create|enter|register)\s+(?:a\s+)?(?:new\s+)?(?:customer|client|lead|contact))"
            r"\s*\?\s+(?=[A-Z])",
            re.I,
        ),
        r"\1: ",
    ),
    (re.compile(r"\bpkg\b", re.I), "package"),
    (re.compile(r"\bpkgs\b", re.I), "packages"),
    # "who closed deals today", "who sold anything this week": each rep's sales
    (
        re.compile(
            r"^who(?:'s|\s+has|\s+have)?\s+(?:closed|sold|won|signed|booked)(?:\s+(?:any(?:thing)?|"
            r"some(?:thing)?|what))?(?:\s+(?:deals?|sales?|orders?))?(?=\s+(?:today|"
            r"yesterday|this|last)\b|\W*$)",
            re.I,
        ),
        "sales by rep",
    ),
    # "whats in my pipeline", "who's in sam's pipeline": the pipeline, stage by stage
    (
        re.compile(
            r"^(?:what'?s|whats|what is|who'?s|whos|who is|who are|anything|anyone)\s+in\s+"
            r"(?=(?:my|our|the|the team'?s|[\w-]+'s)\s+pipeline\W*$)",
            re.I,
        ),
        "",
    ),
    # "revenue this month, rep-wise": by rep
    (
        re.compile(r",?\s*\b(rep|owner|month|week|city|product|channel|stage)[- ]?wise\b", re.I),
        r" by \1",
    ),
    # "follow up 28th": the 28th of this month or the next
    (
        re.compile(
            r"\b(follow up|followup|due|by|until|till|before)\s+(\d{1,2}(?:st|nd|rd|th))\b", re.I
        ),
        r"\1 the \2",
    ),
    # "five pounds of chestnut mushrooms": a weight, not money
    (re.compile(r"\bpounds?(?=\s+of\b)", re.I), "lb"),
    # "just off the phone with X", "back from a visit to X": how the contact was had
    (re.compile(r"\b(?<!got )off the phone (?=with|to)\b", re.I), "got off the phone "),
    (
        re.compile(
            r"\b(?:just\s+)?back from (?:a |my |the )?(?:visit|trip) (?:with|to|at)\b", re.I
        ),
        "visited",
    ),
    # words of a rep's first language among the English: "Telefonat with X", "llamé a Rosa"
    (
        re.compile(rf"\b(?:{'|'.join(sorted(_FIRST_LANGUAGE, key=len, reverse=True))})\b", re.I),
        lambda found: _FIRST_LANGUAGE[found.group().lower()],
    ),
    (re.compile(r"\bllam[ée](?:\s+a)?\b", re.I), "called"),
    (re.compile(r"\b(?:visit[ée]|fui)\b(?:\s+a\b)?", re.I), "visited"),
    (re.compile(r"\b(?:liguei\s+(?:pra|para|a)|llam[óo])\b", re.I), "called"),
    (re.compile(r"\bpara(?=\s+[\w.+'-]+@)", re.I), "to"),  # "change email X para y@z.br"
    (re.compile(r"(?<![\w/])c/(?=\s)", re.I), "with"),  # "whatsapp c/ luciana": con, com
    # "Guess who just called?? X!! They want …": X called
    (
        re.compile(
            r"^guess who (?:just )?(called|rang|phoned|emailed|texted|messaged|wrote)\W*\s+"
            r"(?=[^!?.\n]{2,60}?\s*[!?.])",
            re.I,
        ),
        r"\1 ",
    ),
    (re.compile(r"(?<=[^\W\d_])—(?=[^\W\d_])"), " — "),  # "Hirano Ceramics—please remove"
    # "tag 89, 35, 187, 181 stalled": customers by their numbers (a task is never tagged)
    (
        re.compile(r"(?<=^tag )(?:\d{1,6}(?:\s*,\s*|\s+and\s+|\s*&\s*|\s+)){2,}(?=[a-z])", re.I),
        lambda found: re.sub(r"(\d+)", r"#\1", found.group()),
    ),
    (re.compile(r"\bteh\b", re.I), "the"),  # "whats teh status of …"
    (re.compile(r"^(?:sho|shw)(?= me\b)", re.I), "show"),  # "sho me fathom divng salvage"
    (re.compile(r"\b(?:evry|evrey|evey)\b", re.I), "every"),
    (re.compile(r"\bloged\b", re.I), "logged"),
    (re.compile(r"(?<=\ba )cal\b", re.I), "call"),  # "loged a cal with X"
    (re.compile(r"\bfortnite\b", re.I), "fortnight"),
    (re.compile(r"\bwa['’]e?d\b", re.I), "whatsapped"),  # "jurong ceramics wa'd, want …"
    # "a guy called Dex Amaral who runs …": who he is, not a call
    (
        re.compile(
            r"\b(guy|man|lady|woman|person|chap|bloke|fella|company|firm|shop|outfit|place)"
            r" called\b",
            re.I,
        ),
        r"\1 named",
    ),
    # "finally got X on the phone": a call with X
    (
        re.compile(
            r"\b(?:finally\s+)?got\s+(?:hold\s+of\s+)?(?=[^,.;:!?]{2,60}?\s+on\s+the\s+"
            r"(?:phone|line|blower)\b)",
            re.I,
        ),
        "called ",
    ),
    (
        re.compile(r"(\bcalled\s+[^,.;:!?]{2,60}?)\s+on\s+the\s+(?:phone|line|blower)\b", re.I),
        r"\1",
    ),
    # "ad new custmer: …": "add" a letter short (an ad alone is an advert)
    (re.compile(r"^ad(?= (?:a )?new\b)", re.I), "add"),
    (re.compile(r"\bflogged\b", re.I), "sold"),  # "flogged 3 reef tanks to X, 4.5k all up"
    (re.compile(r"(?<=[\dk]) all up\b", re.I), ""),  # "4.5k all up": the total, as any sum said
    (  # "Mehta Aquarium House has taken 12 canister filters": bought them
        re.compile(
            r"\b(?:has|have) taken(?=\s+\d+\s+"
            r"(?!(?:days?|weeks?|months?|hours?|mins?|minutes?|years?)\b)[a-z])",
            re.I,
        ),
        "bought",
    ),
    (
        re.compile(r"\bhalf (?:past )?(\d{1,2})\b(?![:.]\d|\s*(?:%|off|price|an? hour))", re.I),
        r"\1:30",
    ),
    (  # "at half seven", British for 7:30
        re.compile(
            r"(?<=\bat )half (?:past )?"
            r"(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b",
            re.I,
        ),
        lambda found: f"{_UNITS.index(found.group(1).lower())}:30",
    ),
    (re.compile(r"\bmornin\b", re.I), "morning"),
    (re.compile(r"\bthis (?:aft|avo|arvo)\b", re.I), "this afternoon"),
    # "tag those 'dec-handover'": one word in quotes is that word
    (re.compile(r"(?<![\w'])['‘`]([\w][\w-]*)['’`](?![\w'])"), r"\1"),
    (re.compile(r"\b(this|next|last) wek\b", re.I), r"\1 week"),
    # "eod monday", "by end of day monday", "friday cob": that day
    (
        re.compile(
            r"\b(?:eod|cob|end of (?:the )?day|close of business)\s+(?:on\s+)?"
            r"((?:this |next )?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b",
            re.I,
        ),
        r"\1",
    ),
    (
        re.compile(
            r"\b((?:this |next )?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\s+"
            r"(?:eod|cob|end of (?:the )?day)\b",
            re.I,
        ),
        r"\1",
    ),
    (re.compile(r"\blast wk\b", re.I), "last week"),
    # "and one for sam: book a QBR with …", after a task set: another task
    (
        re.compile(
            r"^(?:and\s+|also\s+|plus\s+)?(?:another one|another|one more|one)\s+for\s+"
            r"(?=[\w-]+\s*:)",
            re.I,
        ),
        "task for ",
    ),
    # "report purchases this_week by day": a period as the contract spells it
    (re.compile(r"\b(this|last)_(week|month|quarter|year)\b", re.I), r"\1 \2"),
    (re.compile(r"\blast_12_months\b", re.I), "last 12 months"),
    (re.compile(r"\b(?:agn|agin|agian|agan)\b", re.I), "again"),
    # "just delete #143 and #48": the request, without the word that narrows it to those
    (
        re.compile(
            r"^\s*just\s+(?=(?:delete|remove|bin|move|give|hand|tag|untag|mark|close|restore)\b)",
            re.I,
        ),
        "",
    ),
    # "and the rest of jordan's open tasks to sam": what is left of his, which is all his now
    (re.compile(r"\bthe rest of\s+(?=[\w-]+(?:'s|’s)\s)", re.I), ""),
    (re.compile(r"\b2day\b", re.I), "today"),
    (re.compile(r"\bint(?:r|er)ested\b|\binteres+ed\b|\bintersted\b", re.I), "interested"),
    (re.compile(r"\bevry1\b", re.I), "everyone"),
    (re.compile(r"\b2nite\b", re.I), "tonight"),
    (re.compile(r"\bhav\b", re.I), "have"),
    (re.compile(r"\bcust\b", re.I), "customer"),
    (re.compile(r"\bpls\b|\bplz\b", re.I), "please"),
    (re.compile(r"\bu\b(?!/)", re.I), "you"),
    (re.compile(r"\bthx\b|\bty\b", re.I), "thanks"),
    (re.compile(r"\bmtg\b", re.I), "meeting"),
    (re.compile(r"^tsk\b", re.I), "task"),
    (re.compile(r"\btxtd\b", re.I), "texted"),
    # "crm log call …": the bot's name typed before a command, as "/crm" is
    (
        re.compile(
            r"^crm\s+(?=(?:log|new|add|sale|task|tasks|done|history|hist|show|set|update|digest|report|"
            r"list|find|delete)\b)",
            re.I,
        ),
        "",
    ),
    # "Fwd from Sarah Ngata <sarah@…>: …": an e-mail from her; "PO in from X: …": an order
    (re.compile(r"^(?:fwd?|forwarded)(?:\s+(?:e-?mail|mail))?\s+from\b", re.I), "email from"),
    (re.compile(r"^(?:new\s+)?(?:po|purchase order)(?:\s+in)?\s+from\b", re.I), "order from"),
    (re.compile(r"\b(?:rmdr|rmndr|remndr)\b", re.I), "reminder"),
    (
        re.compile(
            r"\bain'?t(?= (?:ordered|bought|been|contacted|called|heard|had|paid|got))", re.I
        ),
        "haven't",
    ),  # "who aint ordered in 120 days"
    (re.compile(r"\b(?:google meet|g ?meet|webex)(?: call| meeting)?\b", re.I), "video meeting"),
    (re.compile(r"\brmn?d\b", re.I), "remind"),  # "rmd me tmrw 9am call Lupe"
    (re.compile(r"\bmtgs\b", re.I), "meetings"),
    (re.compile(r"\bvm\b", re.I), "voicemail"),
    (re.compile(r"\blvm\b", re.I), "left voicemail"),
    (re.compile(r"^lm(?= (?:for|w|with|to)\b)", re.I), "left a message"),  # "lm for X re QBR"
    (re.compile(r"\bmsg'?d\b", re.I), "messaged"),
    (re.compile(r"\bwhos\b", re.I), "who's"),
    (re.compile(r"\bfu\b", re.I), "follow up"),
    (re.compile(r"(?:^|(?<=\s))(?:um+|uh+|erm|uhm|hmm+)\b,?\s*", re.I), ""),
    (re.compile(r"^(?:okay|ok|right|so|alright)\s+so\s+", re.I), ""),
    (re.compile(r"\b(?:whats|wats|wots)\b", re.I), "what's"),
    (re.compile(r"\bwat\b", re.I), "what"),
    (re.compile(r"\bshud\b|\bshld\b", re.I), "should"),
    (re.compile(r"\babt\b", re.I), "about"),
    (re.compile(r"\bwk\b", re.I), "week"),
    (re.compile(r"\bwks\b", re.I), "weeks"),
    (re.compile(r"\b(\d{1,2})\s*wks?\b", re.I), r"\1 weeks"),  # "fu in 2wks"
    # "every morning at 6 30": a clock time said with a space
    (
        re.compile(
            r"\b(at|@)\s+([01]?\d|2[0-3]) ([0-5]\d)(?=\s*(?:am|pm)?(?:\W*$|\s+(?:every|each|on|"
            r"daily|please|pls|thanks|in|from|mon|tue|wed|thu|fri|sat|sun|weekdays)\b))",
            re.I,
        ),
        r"\1 \2:\3",
    ),
    # "f/u 1 week", "f/u 3 days": a follow-up that long from now
    (
        re.compile(
            r"\b(follow up|remind(?: me)?)\s+(?=\d{1,2}\s+(?:weeks?|days?|months?)\b)", re.I
        ),
        r"\1 in ",
    ),
    (re.compile(r"\b(?:yday|yest|ystd|ystrday|yesterdy|ysterday|yestrday)\b", re.I), "yesterday"),
    (re.compile(r"\bb4\b", re.I), "before"),
    (re.compile(r"\btil\b", re.I), "until"),
    (re.compile(r"\bf/(?=\s)", re.I), "for"),
    (re.compile(r"\bw(?=\s+[a-z#@+\d])", re.I), "with"),
    (re.compile(r"\bacct\b", re.I), "account"),
    (re.compile(r"\baccts\b", re.I), "accounts"),
    (re.compile(r"\bfrm\b", re.I), "from"),
    (re.compile(r"\blft\b", re.I), "left"),
    (re.compile(r"(?<=\bleft )4(?=\s+[^\W\d])", re.I), "for"),  # "vm lft 4 Raúl"
    (re.compile(r"\bkno\b", re.I), "know"),
    (re.compile(r"\btxt'?d\b", re.I), "texted"),
    (re.compile(r"\bnxt\b", re.I), "next"),
    (
        re.compile(
            r"\b2(?=\s+(?:send|call|email|chase|ping|check|follow|ask|book|prep|order|ring|visit|"
            r"invoice|confirm|text|meet|review|update|drop|pay)\b)",
            re.I,
        ),
        "to",
    ),
]
# Punctuation said aloud to a dictating phone ("… comma he needs two more period"), read as
# punctuation only when the message is dictated: it says "comma", or ends in a spoken stop.
_DICTATED = re.compile(r"\bcomma\b|\b(?:period|full stop|question mark)\W*$", re.I)
_NOT_A_STOP = "".join(
    rf"(?<!\b{word} )"
    for word in "this last next that the same trial grace notice billing any a by".split()
)
DICTATION = [
    (re.compile(r"\s*\bcomma\b", re.I), ","),
    (re.compile(r"\s*\bquestion mark\b", re.I), "?"),
    (re.compile(rf"\s*(?:\bfull stop\b|{_NOT_A_STOP}\bperiod\b(?! of\b))", re.I), "."),
]
_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip
_SMALL = rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS[1:10])}))?|{'|'.join(_UNITS[::-1])})"
_TENS_SAID = rf"(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS[1:10])}))?"
_TEN_OR_MORE = rf"(?:{_TENS_SAID}|{'|'.join(_UNITS[10:])})"
_SPOKEN = rf"{_SMALL}(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?{_SMALL})?)*"
# Number words where only a number fits: "task twenty seven", "nps six", "twelve hundred dollars",
# "at seven thirty"; elsewhere ("the one in Berlin", "Three Rivers Ltd") words stay words.
_DIGIT_WORD = "|".join(_UNITS[1:10])
SPOKEN_NUMBERS = [
    # "task one forty two": a number said as its hundreds and then the rest, as people read them
    re.compile(rf"\b(?:task|tasks|number|no\.?)\s+#?((?:{_DIGIT_WORD})\s+{_TEN_OR_MORE})\b", re.I),
    re.compile(
        r"\b(?:task|tasks|number|nps|score|scored|rated|rating|gave us|gave|give us)\s+"
        rf"(?:(?:of|an?)\s+)?({_SPOKEN})\b",
        re.I,
    ),
    re.compile(
        rf"\b({_SPOKEN})(?= (?:dollars|bucks|euros?|pounds|quid|seats|licen[cs]es|users|units|"
        r"lbs?|kg|(?:out )?of (?:10|ten)|on nps)\b)",
        re.I,
    ),
    re.compile(rf"(?<=\bin )({_SPOKEN})(?= (?:days?|weeks?|months?)\b)", re.I),  # "in ten days"
    # "sold kenji moreau five analytics pro licences": how many, the product named between
    re.compile(
        rf"(?<=\s)({_SPOKEN})(?=(?:\s+[a-z][\w-]*){{1,3}}\s+(?:licen[cs]es|seats|users|units|"
        r"subscriptions|boxes|cases|bottles|pallets|kits|sets|pairs)\b)",
        re.I,
    ),
    # "survey answer from chen wei seven said …"
    re.compile(
        r"^(?:nps\s+)?survey\s+(?:answer|response|result|reply)s?\s+(?:from|by)\s+[^,:;]{2,50}?\s+"
        rf"({_SMALL})\b(?=\s*[,:;.–—-]|\s+(?:said|says|saying|because|but|comment)\b|\W*$)",
        re.I,
    ),
    # "sold six hundred holds", "eleven thousand four hundred": hundreds are always counted
    # "in a hundred and twenty days"
    re.compile(rf"\b((?:{_SMALL}|a)\s+(?:hundred|thousand)\b(?:\s+(?:and\s+)?{_SPOKEN})?)\b", re.I),
    re.compile(rf"\b(?:sold|bought|ordered|orders|took)\s+(?!one\b)({_SPOKEN})(?=\s+[a-z])", re.I),
    # "sold gravity loft sixty bolt on holds": ten or more after who bought them
    re.compile(
        rf"\b(?:sold|bought|ordered)\s+(?:[a-z][\w'&-]*\s+){{1,4}}?({_TEN_OR_MORE})(?=\s+[a-z])",
        re.I,
    ),
]
_HOURS = "|".join(_UNITS[1:13])
SPOKEN_TIME = re.compile(
    rf"\bat\s+({_HOURS})(?:[ :](fifteen|thirty|forty[- ]five|o'clock))?"
    r"(?:\s*(am|pm|in the morning|in the evening|in the afternoon))?\b"
    # "at two creeks almond company" names a company, not the hour
    r"(?! (?!(?:am|pm|in|on|at|for|with|and|to|then|or|please|pls|sharp|ish|tomorrow|tmrw|today|"
    r"tonight|next|this|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)[a-z])",
    re.I,
)


_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_ORDINALS = {word: n for n, word in enumerate(_ORDINAL_WORDS, start=1)}
_ORDINALS.update(
    {f"twenty{sep}{word}": 20 + n for sep in "- " for n, word in enumerate(_ORDINAL_WORDS[:9], 1)}
)
# "the thirty second of december" too: a day no month has, said so the reader can say so
_ORDINALS.update(
    {f"thirty{sep}{word}": 30 + n for sep in "- " for n, word in enumerate(_ORDINAL_WORDS[:9], 1)}
)
_ORDINALS.update({"thirtieth": 30, "thirtyfirst": 31})
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")  # fmt: skip
_ORDINAL = "|".join(sorted(map(re.escape, _ORDINALS), key=len, reverse=True))
# "on January fifth", "the fourth of January": a day of the month in words, as digits
ORDINAL_DAY = re.compile(
    rf"\b(?P<month>{_MONTHS}\.? )(?:the )?(?P<day>{_ORDINAL})\b"
    rf"|\b(?P<day2>{_ORDINAL})(?= (?:of )?{_MONTHS}\b)"
    # "remind me on the twenty second to …", "follow up on the fourth": this month's or next
    rf"|(?:(?<=\bon the )|(?<=\bfor the )|(?<=\bby the )|(?<=\bbefore the ))"
    rf"(?P<day3>{_ORDINAL})"
    r"(?=\s*$|\s*[,.;!?]|\s+(?:to|at|and|please|pls|about|re)\b)",
    re.I,
)


def _ordinal_day(found: re.Match) -> str:
    n = _ORDINALS[(found["day"] or found["day2"] or found["day3"]).lower()]
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{found['month'] or ''}{n}{suffix}"


def spoken_number(words: str) -> int:
    """'twelve hundred' → 1200, 'nine hundred fifty' → 950, 'twenty-seven' → 27."""
    total = current = 0
    said = re.split(r"[\s-]+", words.lower())
    for before, word in zip(["", *said], said, strict=False):
        if current in range(1, 10) and before in _UNITS and (word in _TENS or word in _UNITS[10:]):
            current *= 100  # "one forty two": 142, the hundred left unsaid
        if word in _TENS:
            current += _TENS[word]
        elif word in _UNITS:
            current += _UNITS.index(word)
        elif word == "a":  # "a hundred"
            current += 1
        elif word == "hundred":
            current *= 100
        elif word == "thousand":
            total, current = total + current * 1000, 0
    return total + current


def _spoken(found: re.Match) -> str:
    """The words before the number as said, the number in digits."""
    return found.group(0)[: found.start(1) - found.start()] + str(spoken_number(found.group(1)))


def _spoken_time(found: re.Match) -> str:
    hour = _UNITS.index(found.group(1).lower())
    minutes = {"fifteen": 15, "thirty": 30}.get((found.group(2) or "").lower(), 0)
    if (found.group(2) or "").lower().startswith("forty"):
        minutes = 45
    noon = (found.group(3) or "").lower()
    if noon in ("pm", "in the evening", "in the afternoon") and hour < 12:
        hour += 12
    return f"at {hour}:{minutes:02d}"


# a time said by the part of the hour: "quarter to seven", "half past 6", "ten past eight"
QUARTER_TIME = re.compile(
    r"\b(?:at\s+)?(?P<part>quarter|half|twenty[- ]five|twenty|ten|five|25|20|10|5)\s+"
    rf"(?P<way>to|past)\s+(?P<hour>{_HOURS}|1[0-2]|[1-9])\b(?!\s*(?:[:.]\d|%))",
    re.I,
)
_PARTS = {"quarter": 15, "half": 30, "ten": 10, "twenty": 20, "five": 5, "twenty five": 25}


def _quarter_time(found: re.Match) -> str:
    """ "quarter to seven" → "at 6:45": a clock time, read as any other."""
    said = found["hour"].lower()
    hour = int(said) if said.isdigit() else _UNITS.index(said)
    part = found["part"].lower().replace("-", " ")
    minutes = int(part) if part.isdigit() else _PARTS[part]
    if found["way"].lower() == "to":
        hour, minutes = (hour - 1) % 12 or 12, 60 - minutes
    return f"at {hour}:{minutes:02d}"


# A greeting or thanks in front of a request: the request is what counts.
# what a message is about, said before it: "pipeline: …", "finance update: …", "fyi - …"
TOPIC_LABEL = re.compile(
    r"^(?:pipeline|finance update|update|fyi|quick q|quick question|question|heads up|ps|btw)"
    r"\s*(?::|\s[-–—])\s*",
    re.I,
)
GREETING = re.compile(
    r"^(?:(?:ugh|argh|meh|hmm+|oh|ah|right|alright|fine)[\s,.!]+)*"  # "ugh ok. move …"
    r"(?:(?:hi|hey|hello|hiya|yo|morning|mornin|g'?day|good (?:morning|afternoon|evening)|gm|"
    r"thanks|thx|thank you|ty|cheers|ok|okay|great|perfect|cool|oi|ola|olá|hola|bonjour|ciao|"
    r"righto|salam|salaam|as-?salamu? alaikum|kia ora|namaste|shalom|aloha|servus|hallo|hej|howdy|"
    r"shukran|merci|gracias|danke|obrigad[oa]|grazie|asante|howzit|heita|sawubona|merhaba|selam|"
    r"ahoj|moin|cze[sś][cć]|bom dia|buen[oa]s d[ií]as|qu[eé] onda|wagwan|"
    r"dear(?=\s+(?:bot|crm|crmbot|assistant)\b))"
    r"(?:\s+(?:boss bot|boss|bot|all|team|there|again|so much|mate|folks|sir|guys|everyone|po|crm|"
    r"crmbot|assistant|o))?"
    r"(?:\s*[!,.:;-]+\s*|\s+(?=(?:please|pls|can you|could you)\b))"
    r"|(?:hi|hey|hello|yo)\s+(?=\w))"
    r"(?:(?:now|so|and|also|please|pls|quick one|quick q(?:uestion)?)\b[,:]?\s*)?",
    re.I,
)
# Please and thanks around a request are manners, not meaning.
POLITE = re.compile(
    # "ok manually then. remind maria …": a remark on what went before
    r"^(?:(?:ok(?:ay)?|fine|right|alright|sure)\b,?\s+(?:[a-z]+\s+){0,2}then\s*[.!]+\s+"
    r"|(?:ok|okay|alright|right|so+|actually|now|hmm+|oh|ah)\b,?\s+"  # "ok move …", "soooo X …"
    r"|(?:eish|ugh|argh|oh no|oh dear|oh man|damn|dang|shoot|oops|whoops|darn|sadly|unfortunately|"
    r"bummer|yikes|meh|ngl|tbh|fyi|btw|bet|lol|bruh|bro|omg|wow|o+h+|whoa|woah|woo+|hooray|yippee|"
    r"(?:sorry|apologies) for the (?:late|delayed|slow) (?:update|message|reply|log))\b[,.!]*\s+"
    # "Sorry for the wall of text — from Siobhán at …": an apology for the length, not a name
    r"|(?:wait|hold on|hang on)\s*[,.!—–-]+\s*"  # "oh wait, bring back X"
    r"|long (?:one|message|post),?\s+sorry\s*[-–—:,.!]*\s+"  # "long one sorry — Al Noor called"
    # "I'm so sorry to trouble you, but could you …", "just a heads up for the records — X …"
    r"|(?:i'?m\s+|i\s+am\s+)?(?:so\s+|very\s+|really\s+)?sorry\s+to\s+(?:trouble|bother|disturb)\s+"
    r"you\s*[,—–-]*\s*(?:but\s+)?"
    r"|(?:just\s+)?(?:a\s+)?(?:heads[- ]up|for\s+the\s+records?)(?:\s+for\s+the\s+records?)?"
    r"\s*[-–—:,.!]+\s+"
    r"|(?:sorry|apologies) for the (?:wall of text|essay|novel|long (?:message|one|post)|ramble)"
    r"\s*[-–—:,.!]*\s+"
    # "Lekker, Kobus paid the deposit": joy, with its comma ("Sweet Pea Florist" is a name)
    r"|(?:lekker|sweet|nice(?: one)?|awesome|great(?: news)?|good news|yay|woo+hoo+|boom|brilliant|"
    r"excellent|sorted|happy days|finally)\s*[,!]+\s+"
    r"|(?:forget (?:it|that)|never ?mind|nvm|scratch that)\b[.!,;:-]*\s+"  # "ok forget it. tag …"
    r"|[a-z]+\s+here\s*[.,!:;-]+\s+"  # "rocio here. log call …": who is typing
    r"|i\s+(?:want|wanna|would like|'d like|need)\s+(?:to\s+)?(?:see|know)\s+(?=what|who|which|how)"
    r"|(?:quick one|quick q(?:uestion)?|quick update)\s*[-–—:,→]*\s+"  # "quick one - emailed …"
    r"|(?:please\s+|kindly\s+)?do\s+the\s+needful\s+and\s+"  # "please do the needful and add …"
    # "please kindly help me send the daily digest at 6pm": the request, not a call for help
    r"|(?:please\s+|pls\s+)?(?:kindly\s+)?help\s+me\s+(?:to\s+)?(?=(?:send|set|add|log|create|"
    r"make|update|change|move|delete|remove|schedule|record|register|put)\b)"
    # "I think I need to add X as a new customer": the request, without who needs it
    r"|(?:i\s+think\s+)?(?:i|we)\s+(?:need|have|want|would\s+like|'d\s+like)\s+to\s+"
    r"(?=(?:create|add|register|enter)\s+(?:a\s+)?(?:new\s+)?(?:customer|client|lead|contact)\b"
    r"|add\s+[^,;.]+?\s+as\s+a\s+new\b)"
    # "I am very pleased to inform you that X has placed an order …": what is told
    r"|(?:i\s+am|i'?m|we\s+are|we'?re)\s+(?:very\s+|so\s+|really\s+)?(?:pleased|happy|glad|delighted)\s+"
    r"to\s+(?:inform|tell|let)\s+you(?:\s+know)?(?:\s+that)?\s+"
    r"|(?:i\s+(?:wish|would\s+like|want)\s+to\s+(?:kindly\s+)?inform\s+you|kindly\s+note|please\s+note|"
    r"(?:please\s+)?be\s+informed)(?:\s+that)?\s+"
    r"|i(?:'d|\s+would)\s+be\s+(?:very\s+|most\s+)?(?:grateful|thankful)\s+if\s+you\s+(?:could|would|can)\s+"
    r"(?:please\s+|kindly\s+)?"
    r"|(?:would|will)\s+it\s+be\s+possible\s+(?:for\s+you\s+)?to\s+(?:please\s+|kindly\s+)?"
    # "I wonder if you could note that …", "Might you log that …"
    r"|(?:i\s+(?:wonder|was\s+wondering)\s+if\s+you\s+(?:could|would|might|can)|might\s+you|"
    r"may\s+i\s+ask\s+you\s+to|(?:please\s+)?may\s+i(?=\s+(?:add|create|log|record|enter)\b))\s+"
    r"(?:please\s+|kindly\s+)?)*"
    r"(?:(?:and|also|plus|oh and|and also),?\s+)?"  # "and tag him hot": a follow-up's opening
    r"(?:(?:i\s+)?(?:forgot|4got) to (?:log|add|record|note)(?: this| that| it)?\s*[-–—:,]+\s*)?"
    r"(?:(?:(?:could|can|would|will) you(?: please| kindly)?|please|kindly|pls|plz|"
    r"abeg(?=\s+(?:remind|show|log|add|tell|set|send|move|give|mark)\b)),?\s+"
    r"(?:(?:be so kind as to|quickly|possibly)\s+)?){0,2}"  # "please could you possibly …"
    # "note a sale to X: …": the sale is what is told
    r"(?:(?:note|record|log|enter)\s+(?=(?:a|the)\s+(?:sale|purchase|new order)\b))?"
    r"(?=\S)",
    re.I,
)
# "tag her enterprise too": the echo at the end adds nothing to what is asked
# "…, update pls": the request said again after it
ALSO = re.compile(
    r"[\s,]+(?:too|as well|then)\W*$"
    r"|\s*[,;.]\s*(?:pls |please )?update(?: (?:it|that|this|the crm|accordingly))?"
    r"(?: pls| please)?\W*$",
    re.I,
)
THANKS = re.compile(
    r"[\s.!,?—-]*\b(?:(?:many |thanks? |thank you )?(?:thanks?|thank you|thx|ty|cheers|ta)\b"
    r"(?: (?:so|very) much| a lot| in advance)?[.!]*)\s*$",
    re.I,
)
# Words that carry an intent; a misspelling of one of these is corrected, nothing else is.
VOCABULARY = [
    "help",
    "remind",
    "reminder",
    "show",
    "tell",
    "about",
    "customer",
    "customers",
    "meeting",
    "called",
    "emailed",
    "history",
    "tasks",
    "overdue",
    "digest",
    "revenue",
    "report",
    "chart",
    "undo",
    "follow",
    "tomorrow",
    "yesterday",
    "today",
    "friday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "saturday",
    "sunday",
    "bought",
    "purchased",
    "lapsed",
    "segment",
    "suggest",
    "subscribe",
    "unsubscribe",
    "interactions",
    "contacts",
    "emails",
    "meetings",
    "visited",
    "texted",
    "phoned",
    "voicemail",
    "lookup",
    "profile",
    "export",
    "forget",
    "erase",
    "champions",
    "hibernating",
    "detractors",
    "promoters",
    "quarter",
    "month",
    "week",
    "monthly",
    "weekly",
    "biggest",
    "history",
    "completed",
    "finished",
    "update",
    "change",
    "create",
    "anything",
    "haven't",
    "hasn't",
    "chart",
    "graph",
    "purchases",
    "orders",
    "recommend",
    "should",
    "spoke",
    "lunch",
    "delete",
    "duplicate",
    "email",
    "reassign",
    "complete",
    "ordered",
    "tagged",  # "delet all custmers taged spam-import"
    "interest",  # "set intrest to gift sets for …"
    "prospect",  # "Kolkata Music Acadmy is now a propsect"
    "proposal",
    "qualified",
]
COMMON = {
    "tanks",  # "their holding tanks" are not "tasks"
    "tank",
    "inspections",  # "6 blade inspections" are not "interactions"
    "inspection",
    "shop",  # "came by the shop" is not "show"
    "shops",
    "brought",  # "who brought X back from the bin" is not "bought"
    "retort",  # "toured the new retort room" is not a "report"
    "spike",  # "3 bird spike kits" are not "spoke"
    "spikes",
    "mount",  # "1x elk shoulder mount" is not a "month"
    "mounts",
    "chat",  # "a retention chat" is not a "chart"
    "chats",
    "weekday",  # "every weekday at 7:30" is not "weekly"
    "weekdays",
    "weekend",
    "weekends",
    "forgot",  # "forgot to log …" is not "forget" (an erasure)
    "till",  # "out till monday" is not "tell"
    "integration",  # "they want more integrations" is not about interactions
    "were",  # "which ones were moved to me" is not about a week
    "talks",  # "talks went well" are not tasks
    "information",  # "the informations of client X" are not interactions
    "informations",
    "integrations",
    "takes",
    "taking",
    "chasing",  # "who should be chasing what" is not "change"
    "charged",  # "charged them 400" is not "change"
    "looks",
    "about",
    "after",
    "again",
    "their",
    "there",
    "these",
    "those",
    "would",
    "could",
    "should",
    "which",
    "where",
    "while",
    "other",
    "thanks",
    "please",
    "quote",
    "seats",
    "price",
    "pricing",
    "shown",
    "shows",
    "tells",
    "chase",
    "order",
    "rocky",
    "tasty",
    "hello",
    "meets",
    "reply",
    "month",
    "monthly",
    "mouth",
    "weeks",
    "today",
    "later",
    "email",
    "emails",
    "mails",
    "calls",
    "sales",
    "value",
    "great",
    "happy",
    "sorry",
    "start",
    "store",
    "story",
    "renew",
    "renewal",
    "report",
    "support",
    "customer",
    "customers",
    "contract",
    "demo",
    "invoice",
    "meeting",
    "channel",
    "channels",
    "ordered",
    "visits",
    "hours",
    "sorted",
    "reminders",
    "segments",
    "tasks",
    "slow",  # "the system is too slow" is not "show"
    "retainer",  # "the retainer agreement" is not a "reminder"
    "retainers",
}
_WORD = re.compile(r"[a-z']{4,}")


@dataclass(frozen=True)
class Cleaned:
    """The cleaned message, and for each of its characters the span of the original it came from,
    so that slots can be given back in the words the user typed ("w/", not "with")."""

    text: str
    corrected: bool
    original: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @cached_property
    def _aligned(self) -> str | None:
        """The typed text, when each cleaned character came from the typed one in its place (most
        messages): then a span's typed characters are a slice of it."""
        size = len(self.text)
        if self.starts != tuple(range(size)) or self.ends != tuple(range(1, size + 1)):
            return None
        typed = zip(self.text, self.original, strict=False)
        return "".join(" " if c == " " and t.strip() else t for c, t in typed)

    def original_of(self, start: int, end: int) -> str:
        """The typed characters behind text[start:end], without decoration cleaned out between
        them ("*Marcus Bell* at Tidewater" gives "Marcus Bell at Tidewater")."""
        if start >= end or end > len(self.text):
            return self.text[start:end]
        if self._aligned is not None:
            return self._aligned[start:end]
        pieces, last = [], (-1, -1)
        for i in range(start, end):
            begin, finish = self.starts[i], self.ends[i]
            if (begin, finish) == last or begin < last[1]:
                continue  # one typed word behind several cleaned characters ("w/" → "with ")
            if last[1] >= 0:  # the spaces typed between, not the decoration
                pieces.append("".join(c for c in self.original[last[1] : begin] if c.isspace()))
            typed = self.original[begin:finish]
            pieces.append(" " if self.text[i] == " " and typed.strip() else typed)  # ":pray:"
            last = (begin, finish)
        return "".join(pieces)


class _Traced:
    """A string being rewritten, remembering where each character came from."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = list(range(len(text)))
        self.ends = list(range(1, len(text) + 1))

    def sub(self, pattern: re.Pattern, replacement) -> None:
        if pattern.search(self.text) is None:
            return
        if isinstance(replacement, str) and "\\" not in replacement:
            plain = replacement
            replacement = lambda found: plain  # noqa: E731  (no group references to expand)
        changes = []
        for found in pattern.finditer(self.text):
            new = replacement(found) if callable(replacement) else found.expand(replacement)
            if new != found.group(0):
                changes.append((found, new))
        if not changes:
            return
        text, starts, ends, last = [], [], [], 0
        for found, new in changes:
            begin, finish = found.span()
            text.append(self.text[last:begin])
            starts += self.starts[last:begin]
            ends += self.ends[last:begin]
            if found.re.groups and new == (found.group(1) or "") and found.start(1) >= 0:
                text.append(new)
                starts += self.starts[found.start(1) : found.end(1)]
                ends += self.ends[found.start(1) : found.end(1)]
            elif new:
                # the whole words the rewrite left as they were at either end keep their place
                old = found.group(0)
                kept = os.path.commonprefix([old, new]).rfind(" ") + 1
                same = os.path.commonprefix([old[kept:][::-1], new[kept:][::-1]]).rfind(" ") + 1
                starts += self.starts[begin : begin + kept]
                ends += self.ends[begin : begin + kept]
                begin, middle = begin + kept, len(new) - kept - same
                low = self.starts[begin] if begin < len(self.starts) else len(self.text)
                high = self.ends[finish - same - 1] if finish - same > begin else low
                text.append(new)
                starts += [low] * middle + self.starts[finish - same : finish]
                ends += [high] * middle + self.ends[finish - same : finish]
            last = finish
        text.append(self.text[last:])
        starts += self.starts[last:]
        ends += self.ends[last:]
        self.text, self.starts, self.ends = "".join(text), starts, ends

    def cut(self, start: int, end: int) -> None:
        self.text = self.text[start:end]
        self.starts, self.ends = self.starts[start:end], self.ends[start:end]


_SPACES = re.compile(r"\s+")
# emoji, which decorate a message without naming anyone or anything ("📌 follow up w/ Natura 🙏")
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d"
    "\U000e0020-\U000e007f]+"
)
# an emoji that opens a message, then who it was with and a colon: how the contact was had
_CONTACT_EMOJI = re.compile(r"^\s*(?P<e>📞|☎️?|📱|📧|✉️?|📩|🤝)\s*(?=[A-Za-zÀ-ÿ#][^:\n]{1,50}:\s)")
_CONTACT_BY_EMOJI = {"📞": "called", "☎": "called", "📱": "called", "📧": "emailed",
                     "✉": "emailed", "📩": "emailed", "🤝": "met"}  # fmt: skip


def _contact_said(found: re.Match) -> str:
    return f"{_CONTACT_BY_EMOJI[found['e'][0]]} "


# thousands grouped with spaces or apostrophes beside a currency: "14 500 €", "CHF 5'850", "R45 000"
_CURRENCY_WORDS = sorted((w for w in CURRENCIES if w[0].isalpha()), key=len, reverse=True)
_MONEY_SIGN = (  # every currency the amounts know, by its sign, code or word
    r"(?:[$€£¥₹₦₴₸₽]|(?<![\w$])r\$?|\b(?:kč|kr|zl|francs?|"
    + "|".join(re.escape(word) for word in _CURRENCY_WORDS)
    + r")\b)"
)
_GROUPED_MONEY = re.compile(
    rf"(?P<before>{_MONEY_SIGN}\s?)?(?<![\d.,])(?P<n>\d{{1,3}}(?:[ \u00a0\u202f'’]\d{{3}})+)"
    r"(?![\d])"
    rf"(?P<after>(?:,\d{{2}})?\s?{_MONEY_SIGN}(?!\w))?",
    re.I,
)
_ANY_GROUPED = re.compile(r"\d[ \u00a0\u202f'’]\d{3}")
# lakhs and crores said as numbers: "5 lakh blister foils", "2.5 lakh rupees"
_LAKHS = re.compile(r"\b(\d+(?:\.\d+)?)\s?(lakhs?|lacs?|crores?)\b", re.I)


def _in_digits(found: re.Match) -> str:
    scale = 10_000_000 if found.group(2).lower().startswith("crore") else 100_000
    return str(plain_number(Decimal(found.group(1)) * scale))


def _ungrouped(found: re.Match) -> str:
    """ "14 500 €" → "14500 €"; a bare R before the figure is the rand: "R45 000" → "zar 45000"."""
    before, after = found.group("before") or "", found.group("after") or ""
    if not before and not after:
        return found.group(0)
    digits = re.sub(r"\D", "", found.group("n"))
    if before.strip().lower() == "r":
        before = "zar "
    return f"{before}{digits}{after}"


# One search says whether any of the rewrites applies: most messages need none of them.
_ANY_DECORATION = re.compile(r"[<>*_~`:@/•·▪◦●‣⁃|✅☑✔]")
_ANY_NUMBER_WORD = re.compile(rf"\b{_SMALL}\b", re.I)
_ANY_SHORTHAND = re.compile("|".join(f"(?:{p.pattern})" for p, _ in SHORTHAND), re.I | re.M)


def clean(text: str) -> Cleaned:
    """The message without decoration, with shorthand expanded and typos in intent words fixed."""
    traced = _Traced(text)
    if _ANY_DECORATION.search(text):
        for pattern, replacement in DECORATION:
            traced.sub(pattern, replacement)
    if _ANY_SHORTHAND.search(traced.text):
        for pattern, replacement in SHORTHAND:
            traced.sub(pattern, replacement)
    if ORDINAL_DAY.search(traced.text):
        traced.sub(ORDINAL_DAY, _ordinal_day)
    if _DICTATED.search(traced.text):
        for pattern, replacement in DICTATION:
            traced.sub(pattern, replacement)
    traced.sub(_CONTACT_EMOJI, _contact_said)  # "📞 Tomasz Kłos: …": a call with Tomasz
    traced.sub(_EMOJI, " ")
    traced.sub(_SPACES, " ")
    if _ANY_GROUPED.search(traced.text):
        traced.sub(_GROUPED_MONEY, _ungrouped)
    if _LAKHS.search(traced.text):
        traced.sub(_LAKHS, _in_digits)
    if _ANY_NUMBER_WORD.search(traced.text):
        for pattern in SPOKEN_NUMBERS:
            traced.sub(pattern, _spoken)
        traced.sub(SPOKEN_TIME, _spoken_time)
    if QUARTER_TIME.search(traced.text):
        traced.sub(QUARTER_TIME, _quarter_time)
    stripped = traced.text.strip()
    at = traced.text.find(stripped) if stripped else 0
    traced.cut(at, at + len(stripped))
    if (greeted := GREETING.match(traced.text)) and len(traced.text[greeted.end() :].split()) >= 2:
        traced.cut(greeted.end(), len(traced.text))
    if (label := TOPIC_LABEL.match(traced.text)) and len(traced.text[label.end() :].split()) >= 3:
        traced.cut(label.end(), len(traced.text))  # "pipeline: who has proposals open …"
    if (polite := POLITE.match(traced.text)) and len(traced.text[polite.end() :].split()) >= 2:
        traced.cut(polite.end(), len(traced.text))
    if (thanks := THANKS.search(traced.text)) and len(traced.text[: thanks.start()].split()) >= 2:
        traced.cut(0, thanks.start())
    if (also := ALSO.search(traced.text)) and len(traced.text[: also.start()].split()) >= 2:
        traced.cut(0, also.start())
    letters = [c for c in traced.text if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters):
        traced.text = traced.text.lower()
    corrected = _correct(traced)
    return Cleaned(traced.text, corrected, text, tuple(traced.starts), tuple(traced.ends))


_INFLECTIONS = frozenset({"", "s", "es", "ed", "ing", "er", "ers", "ly", "ment", "ments"})


def _inflected(word: str, known: str) -> bool:
    """'ordered' and 'orders' are one word in two forms, not a typo of each other."""
    common = 0
    for a, b in zip(word, known, strict=False):
        if a != b:
            break
        common += 1
    return common >= 3 and word[common:] in _INFLECTIONS and known[common:] in _INFLECTIONS


_CAPITALISED_NEXT = re.compile(r"\s+[A-Z][a-z]")
_A_PLACE_BEFORE = re.compile(
    r"\b(?:customers|clients|accounts|leads|everyone|anyone) (?:in|from) $", re.I
)
# the words a message opens with as a command: "Shwo Acme" is "show Acme", whatever follows
_COMMANDS = frozenset(
    "show tell remind reminder help list find log add create delete remove".split()
)


def _correct(traced: _Traced) -> bool:
    corrected = False

    def fix(match: re.Match) -> str:
        nonlocal corrected
        word = match.group(0)
        if match.start() > 0 and word[:1].isupper():
            return word  # a capitalised word inside a sentence is a name, not a typo
        known = _intended(word.lower())
        if known is None:
            return word
        if _A_PLACE_BEFORE.search(match.string, max(0, match.start() - 20), match.start()):
            return word  # "all customers in campinas": a town, not "champions"
        if (
            word[:1].isupper()
            and (known not in _COMMANDS or OSA.distance(word.lower(), known) > 1)
            and _CAPITALISED_NEXT.match(match.string, match.end())
        ):
            return word  # "Quarry Lane signed": a name, not "quarter"; "Crested Butte", "create"
        corrected = True
        return known

    traced.sub(_WORD_ANY, fix)
    return corrected


@lru_cache(maxsize=4096)
def _intended(lowered: str) -> str | None:
    """The intent word a misspelt word stands for, or None when it is not a typo of one."""
    if lowered in COMMON or lowered in _VOCAB_SET:
        return None
    found = process.extractOne(lowered, VOCABULARY, scorer=fuzz.ratio, score_cutoff=74)
    if found is None:
        return None
    known = found[0]
    if known[0] != lowered[0] or abs(len(known) - len(lowered)) > 1:
        return None
    if _inflected(lowered, known) or lowered.startswith(known):
        return None
    if known.startswith(lowered) and (len(lowered) < 6 or not _last_vowel_dropped(known, lowered)):
        return None  # "custom" is a word, not "customer"; "overdu" is "overdue" cut short
    return known


def _last_vowel_dropped(known: str, typed: str) -> bool:
    return len(known) == len(typed) + 1 and known[-1] in "aeiou"


_VOCAB_SET = set(VOCABULARY)
_WORD_ANY = re.compile(r"(?<![\w@.#+-])[A-Za-z']{4,}(?![\w@.-])")
