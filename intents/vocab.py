# ruff: noqa: E501 -- one cue or phrasing per line reads better than regexes wrapped mid-word
"""The words and phrasings the parser knows, one table per idea; a new phrasing is one line here.

Patterns run on the cleaned, lower-case message (`intents.text.clean`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _table(rows: list[tuple[str, str]]) -> list[tuple[re.Pattern, str]]:
    return [(re.compile(rf"\b(?:{words})\b"), name) for words, name in rows]


def _any_of(words: Iterable[str]) -> str:
    """The words as one alternation, longest first: "closed lost" is read before "lost"."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|weds|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# months that are also first names: "jun's tasks", "may's leads"
MONTH_NAMES = frozenset({"jun", "june", "may", "april", "august", "jan"})
_COUNT = r"(?:a|an|one|two|three|four|five|six|\d+)"
DATE_PHRASE = (
    rf"(?:today|tonight|(?:the )?day after tomorrow|tomorrow|yesterday|this (?:morning|afternoon|evening|am|pm)|"
    rf"eod|cob|eow|eom|(?:the )?end of (?:the |this )?(?:day|week|month)|close of (?:business|play)|"
    rf"{WEEKDAY},? (?:the )?\d{{1,2}}(?:st|nd|rd|th)(?: (?:of )?{MONTH})?|{WEEKDAY},? \d{{1,2}} {MONTH}|"
    rf"{WEEKDAY} (?:of )?next week|next week {WEEKDAY}|"
    rf"(?:this |next |last )?{WEEKDAY}|next week|(?:later )?this week|"
    rf"in {_COUNT} (?:days?|weeks?|fortnights?|months?)(?: time)?|{_COUNT} (?:days?|weeks?|fortnights?|months?) (?:today|from (?:now|today)|time)|{_COUNT} (?:days?|weeks?) ago|"
    rf"(?:mid|middle of|early|beginning of|start of|late|end of)[- ]{MONTH}|in {MONTH}(?!\w| ?\d)|"
    rf"{MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?|(?:the )?\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTH}(?:,? \d{{4}})?|"
    rf"(?:the )?\d{{1,2}}(?:st|nd|rd|th)? of (?:next|this|last) month|"
    rf"the \d{{1,2}}(?:st|nd|rd|th)(?! (?:of )?{MONTH})|"
    rf"(?:(?<=\bon )|(?<=\bby )|(?<=\bbefore )|(?<=\buntil )|(?<=\btill ))\d{{1,2}}(?:st|nd|rd|th)(?! (?:of )?{MONTH})|"
    rf"(?:(?<=\bon )|(?<=\bby ))the \d{{1,2}}(?=\s*(?:[,.;!?]|$))|\d{{1,2}}[/.]\d{{1,2}}(?:[/.]\d{{2,4}})?\.?|\d{{4}}-\d{{2}}-\d{{2}})"
)
# A date phrase with the little word that introduces it ("on friday", "by Dec 3", "due monday").
DATE = re.compile(
    rf"(?:,\s*)?\b(?:(?:due|by|on|for|at|before|until|till)\s+)?(?:the\s+(?=\d))?(?P<date>{DATE_PHRASE})(?![\w/])"
)
DATE_WORDS = frozenset(
    "today tonight tomorrow yesterday eod eow cob eom this next last in monday tuesday wednesday thursday friday "
    "saturday sunday mon tue wed thu fri sat sun".split()
)
TIME = re.compile(
    r"\b(?:at|@|by|to|for|around)\s*(?P<time>\d{1,2}(?:[:.h]\d{2}|h)?\s*(?:am|pm)?|noon|midday|midnight)\b"
)
MILITARY = re.compile(
    r"\b(?:at|@|for|around)\s*(?P<time>(?:[01]\d|2[0-3])[0-5]\d)(?:\s*h(?:rs)?)?\b"
)
CLOCK = re.compile(
    r"(?<![\d/.])(?P<time>\d{1,2}[:.]\d{2}\s*(?:am|pm)?|\d{1,2}\s*(?:am|pm))(?![\d/])"
)  # "digest 07:00"
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
           "ninety": 90}  # fmt: skip
DAYS_PER = {"day": 1, "d": 1, "week": 7, "wk": 7, "w": 7, "fortnight": 14, "month": 30, "mo": 30, "mth": 30, "yr": 365,
            "year": 365}  # fmt: skip
_SPAN_COUNT = _any_of(NUMBERS)
SPAN_COUNT = _SPAN_COUNT


def _suffixed(n: int) -> str:
    """ "1st", "12th", "22nd": a number written as a place."""
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


# the place of an answer or a row by its ordinal word; "last" is counted from the end
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "last": -1,
            **{_suffixed(n): n for n in range(1, 21)}}  # fmt: skip
PLACES = _any_of([*ORDINALS, "top"])  # "the 3rd one", "the top one": a row of a list

# ---- which intent: (intent, cue) tried in order, most specific first -------------------------

_CONTACT_VERB = (
    r"(?:(?:cold[- ])?called(?! out to)|calld|cld|rang|phoned|emailed|e-mailed|mailed|texted|sms'?d|visited|whatsapped|wa'd|"
    r"whatsapp'?d|messaged|pinged|slacked|dm'?d|met|chatted|spoke|spoken|talked|skyped|zoomed|"
    r"chased|tried calling|tried to (?:call|reach|get hold of)|tried|telephoned|txt'?d|txted|saw|"
    r"caught up with|popped in to see|dropped in on|lunched|lunching|dined|wrote(?! (?:off|down|up)\b))"
)
_CONTACT_NOUN = (
    r"(?:call|phone call|quick call|video call|teams call|zoom call|zoom meeting|teams meeting|"
    r"video meeting|zoom|teams|meeting|mtg|telecon|teleconference|f2f|visio|video conference|"
    r"(?:lunch|dinner|coffee|breakfast)(?: meeting| mtg| chat)?|demo|chat|whatsapp|telegram|sms|text|txt|email|e-mail|visit|voicemail|"
    r"note|disco call|discovery call|intro call|(?:tele)?phon(?:e|ic) conversation|qbr|kick-?off)"
)
# "just left hollister orchards": a visit, not a voicemail left
_LEFT_THERE = r"just left(?! (?:a |an )?(?:voicemail|vm|voice mail|message|msg|note)\b)"
# "I'm at sierra vista dairy now, …": there, on a visit
_HERE_NOW = r"(?:(?:i'?m|i am|we'?re|we are) (?:here )?|^)at(?=\s[^,.;]{2,50}?\snow\b)"
_WENT_TO_SEE = (
    r"popped (?:out|over|round|across) to(?: see)?|(?:ran|drove|went|stopped) (?:out |over |by )?to see|"
    r"drove (?:out|over) to|went (?:out|up|down|over|round) to|called out to|popped into"
)
# a contact told inside another request: "tom from cyberdyne called, … sold 5 crm pro"
CONTACT_VERB = re.compile(
    rf"\b{_CONTACT_VERB}\b|\b(?:rang|called|phoned|emailed|texted|messaged)\s+(?:me|us)\b|"
    r"\b(?:(?:recovery|quick|video|zoom|teams|phone)\s+)?call\b|\bmeeting\b|\bvisit(?:ed)?\b"
)
# A contact word anywhere in a message, for contacts told in an order the cues don't expect.
CONTACT_ANYWHERE = re.compile(
    rf"\b(?:(?:teams|zoom|video|phone|quick|intro|discovery|google meet|sales|follow-up|site)\s+)?"
    rf"(?:{_CONTACT_VERB}|{_CONTACT_NOUN}|voicemail|left a message|dropped by|stopped by|swung by|passed by)\b"
    rf"(?:\s+(?:sent|done|held|had|made|recap))?(?P<prep>\s+(?:back|with|to|for|at|on(?!\s+(?:the\s+)?(?:phone|zoom|teams|whats ?app|telegram|slack|video)\b)|from|w/|in)\b)?"
)
# "… 30 drums CRM Pro 27k, move her to customer": a sale wins the customer anyway
WON_TOO = re.compile(
    r"[,;.!]+\s*(?:and\s+|so\s+|pls\s+|please\s+)*(?:move|mark|set|put|make)\s+(?:her|him|them|it)\s+"
    r"(?:to|as|in(?:to)?)?\s*(?:an?\s+)?(?:customer|won|closed[- ]won)(?:\s+stage)?(?:\s+(?:now|too|as well))?\W*$"
)
# "log that hugo wilson emailed me on tuesday …": what to log, told as it happened
LOG_THAT = re.compile(
    r"^(?:(?:pls|please|can you|could you)\s+)?(?:(?:log|record|note(?: down)?)\s+(?:that|this)\s*[:,-]?\s+"
    r"|log\s*:\s*)(?=\S)"
)
# "qbr with emma taylor on the 15th, put it in my tasks": what comes is a task, not a contact had
AS_MY_TASK = re.compile(
    r"\s*[,;.:–—-]*\s*(?:(?:and|so|pls|please|just)\s+)*(?:(?:put|add|pop|stick)\s+(?:it|this|that)\s+"
    r"(?:in|on|to|into)\s+(?:my\s+)?(?:tasks|task list|to-?dos?|to-?do list|list|calendar|diary)"
    r"|(?:make|save|keep)\s+(?:it|this|that)\s+(?:as\s+)?an?\s+(?:task|reminder|to-?do))\W*$"
)
# "also he mentioned they're opening a munich office, note that": what to note, said first
NOTE_THAT_AFTER = re.compile(
    r"^(?P<what>\S.+?)[\s,;.–—-]+(?:(?:pls|please|and|can you|could you)\s+)*(?:note|log|record|save)"
    r"\s+(?:that|this|it)(?:\s+down)?(?:\s+(?:pls|please|for me))?\W*$"
)
# what was sold, then the ask to log it: "… 2 x trial kits, SGD 6,800 total. Log sale."
SALE_THAT_AFTER = re.compile(
    r"^(?P<what>\S.+?)(?<!\bto)[\s,;.–—>-]+(?:(?:pls|please|and|can you|could you)\s+)*(?:log|record|book|"
    r"enter)\s+(?:(?:it|this|that)\s+as\s+)?(?:(?:the|a|as a|as)\s+)?(?:sale|order|purchase)"
    r"(?:\s+(?:pls|please|for me))?(?P<tail>[\s,;:]+\S.*?)?\W*$"
)
_HOW_IT_WENT = (
    r"(?:(?:very|really|quite|super)\s+)?(?:productive|good|great|nice|lovely|quick|short|long|brief|"
    r"positive|useful|fruitful|difficult|tough|friendly|warm)"
)
LOG_LEAD_IN = re.compile(
    rf"^(?:(?:an?\s+{_HOW_IT_WENT}(?:,?\s+(?:and\s+)?{_HOW_IT_WENT})?|"  # "had a lovely long"
    r"i|we|just|have|had|finally|quick|sent|the|a|an|log|please log|log this|note|notes|"
    r"note that|that|fyi|today|yesterday|made|forgot to log(?: this| that)?|(?:got|received) "
    r"(?:this|that|the following))\b[:\s–—-]*)+",
    re.I,
)
# "what's in the bin?", "show deleted customers": what can still be restored
# one contact or sale logged by mistake, taken out: "delete today's call with Hugo Silva",
# "remove the last sale to Cyberdyne", "scrap that meeting note"
_CONTACT_ENTRY = (
    r"(?:(?:meeting|call)\s+note|(?:phone\s+|video\s+|zoom\s+|teams\s+)?(?:call|e-?mail|meeting|note|visit|chat|whats ?app|"
    r"text|sms|voicemail|logged contact|log entry|contact log))"
)
_SALE_ENTRY = r"(?:sale|purchase|order)"
ENTRY_REMOVED = re.compile(
    r"(?:^|[,;.!]\s+)(?:(?:oops|sorry|ugh|please|pls|can you|could you|ok|okay|so|just)[\s,!]+)*"
    r"(?:delete|remove|scrap|erase|bin|void|cancel|get rid of|take out|undo)\s+"
    r"(?P<when>(?:(?:the|that|this|my|our|last|latest|(?:today|yesterday)(?:'?s)?|"
    r"this (?:morning|afternoon|evening)'?s|wrong|duplicate|empty|blank|extra|second|double|"
    r"accidental|mistaken|test|junk|bogus|stray|bad|old|first|"
    r"(?:\w+\s+)?logged|[$€£]?\d[\d,.]*\s?[km]?"
    # "delete the $4,500 Analytics Pro order on X": what was sold, before the word for a sale
    r"|[\w-]+(?=(?:\s+[\w-]+){0,2}\s+(?:sale|purchase|order)s?\b)"
    # "delete the daniel okafor email dated tue 1 dec": whose contact, before the word for it
    r"|[\w'-]+(?=(?:\s+[\w'-]+){0,2}\s+(?:call|e-?mail|meeting|visit|note|text|chat)s?\b))\s+)*)"
    rf"(?:(?P<contact>{_CONTACT_ENTRY})|(?P<sale>{_SALE_ENTRY}))s?\b"
    r"(?!\s+(?:task|reminder|follow-?up|tag|stage)s?\b)"
)
# one contact or sale logged with a detail wrong, put right in place: "sory it was a call not an
# email", "change the last contact with hannah from email to call", "oops that call was actually
# yesterday", "oh wait it was 24,500 not 24000", "the acme sale was 5 seats not 3"
_CHANNEL_WORD = (
    r"(?:video call|video meeting|zoom(?: call)?|teams (?:call|meeting)|facetime|phone call|call|e-?mail|"
    r"meeting|visit|chat|text|sms|note|whats ?app|voicemail)"
)
CONTACT_KIND_FIXED = re.compile(
    rf"^(?!.*\b(?:task|reminder|nps|score)\b)(?!.*\b(?:going to|gonna|about to|wanted to) log\b)"
    rf".*\b(?:was|is|should (?:have )?be(?:en)?)\s+"
    rf"(?:actually\s+|really\s+)?(?:an?\s+)?(?P<new>{_CHANNEL_WORD})\b[^,;.!?]{{0,30}}?\s*,?\s*"
    rf"(?:and\s+)?not\s+(?:an?\s+)?(?P<old>{_CHANNEL_WORD})\b"
    rf"|\b(?:change|switch|make)\b.*?\bfrom\s+(?:an?\s+)?(?P<old2>{_CHANNEL_WORD})\s+(?:in)?to\s+"
    rf"(?:an?\s+)?(?P<new2>{_CHANNEL_WORD})\b"
    # "the call with mia fischer at summit today was actually a visit"
    rf"|\b(?:the|that|my|this)\s+(?:last\s+)?(?P<old3>{_CHANNEL_WORD})\b[^,;.!?]{{0,60}}?\s+"
    rf"(?:was|is)\s+(?:actually|really)\s+(?:an?\s+)?(?P<new3>{_CHANNEL_WORD})\b"
    rf"|\b(?:the|that|my|this)\s+(?:last\s+)?(?P<old4>{_CHANNEL_WORD})\b[^,;.!?]{{0,60}}?\s+"
    rf"(?:was|is)\s+(?:an?\s+)?(?P<new4>{_CHANNEL_WORD})\s+(?:actually|really|instead)\b"
)
# a day as said in a correction: "yesterday", "monday", "the 7th", "7 dec", "dec 7th", "07/12"
_DAY_PUT_RIGHT = (
    rf"(?:yesterday|today|(?:on\s+|last\s+)?{WEEKDAY}|(?:on\s+)?(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?"
    rf"(?:\s+(?:of\s+)?{MONTH})?|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}[/.]\d{{1,2}}))"
)
CONTACT_DAY_FIXED = re.compile(
    rf"\b(?:that|the|my|this)\s+(?:last\s+|latest\s+)?(?:(?!was\b|is\b)[\w'-]+\s+){{0,3}}?"
    rf"(?P<which>{_CHANNEL_WORD}|contact|lunch|dinner|coffee)\b"
    rf"(?P<about>.{{0,50}}?)\s+(?:was|happened|took place)\s+(?:actually\s+|really\s+)?"
    rf"(?P<when>{_DAY_PUT_RIGHT})(?!\w)"
    rf"|\b(?:that|it|this)\s+was\s+(?:actually\s+|really\s+)?(?:on\s+)?(?P<when2>yesterday|today|"
    rf"{WEEKDAY})\s*,?\s*not\s+(?:on\s+)?(?:yesterday|today|{WEEKDAY})\b"
    rf"|\b(?:change|fix|correct|move)\s+the\s+(?:date|day)\s+of\s+(?:my|the|that|this)\s+(?:last\s+|"
    rf"latest\s+)?(?P<which2>{_CHANNEL_WORD}|contact|interaction)\b.*?\s+to\s+(?P<when3>"
    rf"{_DAY_PUT_RIGHT})(?!\w)"
    # "move the 12 july meeting with amelia taylor to 7 december": that contact, to that day
    rf"|\b(?:move|change|shift|re-?date|put)\s+(?:the|that|my)\s+(?:{_DAY_PUT_RIGHT}\s+)?"
    rf"(?P<which3>{_CHANNEL_WORD}|lunch)\b.{{0,50}}?\s+to\s+(?P<when4>{_DAY_PUT_RIGHT})\W*$"
)
# what a contact logged should have said: "today's call with X has no notes. it should say: …",
# "the summary got cut, should read: …", "change the notes on that call to …", "that call was: …"
CONTACT_SUMMARY_FIXED = re.compile(
    r"(?:\b(?:summary|notes?)\b|\b(?:that|the|this|today'?s|yesterday'?s|my|last|latest)\s+(?:last\s+|"
    r"latest\s+)?(?:call|e-?mail|meeting|visit|chat|contact)\b).{0,80}?\b(?:should|must|needs? to|"
    r"ought to)\s+(?:just\s+|only\s+)?(?:say|read|be)\s*(?::\s*|\s+)(?P<said>(?![^\s@]+@)\S.+)"
    r"|\b(?:change|fix|correct|update|replace)\s+the\s+(?:summary|notes?)\s+(?:of|on|for)\s+"
    r".{0,80}?\s+to\s*(?::\s*|\s+)(?P<said2>\S.+)"
    r"|\b(?:that|the|this)\s+(?:last\s+)?(?:call|e-?mail|meeting|visit|chat|contact)\s+was\s*:\s*"
    r"(?P<said3>\S.+)"
    # "the email to jane cooper just now - change the summary to: …"
    r"|\b(?:the|that|this|my)\s+(?:last\s+)?(?:call|e-?mail|meeting|visit|chat|contact)\b.{0,80}?"
    r"\b(?:change|fix|correct|update|replace|set)\s+(?:the\s+|its\s+)?(?:summary|notes?|text)\s+to"
    r"\s*(?::\s*|\s+)(?P<said4>\S.+)"
)
# a contact logged on the wrong customer: "today's meeting with kenji moreau was actually with
# hugo novak", "move yesterday's call with X to Y"
CONTACT_MOVED = re.compile(
    r"^(?:(?:sorry|oops|actually|pls|please|can you|could you|ugh|wait|no)[\s,!.]+)*"
    r"(?:(?P<verb>move|put|switch|shift)\s+)?(?:the\s+|that\s+|my\s+)?(?:(?:today|yesterday)(?:'s|’s)\s+)?"
    r"(?P<kind>call|meeting|visit|e-?mail|note|chat|text|sms)\s+(?:with|to|for|on|at)\s+"
    r"(?P<old>[^,;]+?)(?:\s+(?:today|yesterday|this morning|earlier|just now))?\s+"
    r"(?:(?:was|is)\s+(?:actually\s+|really\s+)?with|should (?:be|have been)\s+(?:with|on)|"
    r"belongs\s+(?:to|on|with)|(?(verb)(?:to|onto)|(?!)))\s+"
    r"(?P<new>[^,;.!?]+?)(?:\s+(?:instead|not\s+[^,;.!?]+))?(?:\s*[,;.!?].*)?$"
)
# one customer taken back out of the change just made to many: "take lukas kowalski back out of
# that, he ordered last week", "take kofi mensah out of it, maria's already on him"
TAKEN_OUT_OF_IT = re.compile(
    r"^(?:(?:actually|oh|wait|no|ok|and|pls|please|can you|could you)[\s,]+)*(?:take|pull|leave)\s+"
    r"(?P<who>(?!(?:them|those|these|it|that|all)\b)[^,;.!?]+?)\s+(?:back\s+)?out\s+of\s+"
    r"(?:it|that|this|them|those|the (?:change|move|list|lot))\b",
    re.I,
)
CONTACT_FIXED = re.compile(
    f"{CONTACT_KIND_FIXED.pattern}|{CONTACT_DAY_FIXED.pattern}|{CONTACT_SUMMARY_FIXED.pattern}"
)
SALE_FIXED = re.compile(
    r"^(?!.*\b(?:task|reminder|nps|score|scored|rated|rating)\b)(?:.*\b(?:sale|order|deal|purchase|"
    r"amount|total|price)\b.*|(?:\W*(?:oh|wait|oops|sorry|ugh|no|correction)\b\W*)*(?:it|that|"
    r"the\s+[\w-]+(?:\s+[\w-]+)?(?:\s+one)?)\s.*)"
    r"\b(?:was|is|should (?:have )?be(?:en)?|were)\s+(?:actually\s+|really\s+)?(?:qty\s*:?\s*|quantity\s+)?"
    r"(?P<new>[$€£]?\s?\d[\d,.]*\s?[km]?(?:\s*(?:usd|eur|gbp|dollars|euros|pounds|seats|units|"
    r"licen[cs]es|users))?(?:\s+(?!not\b)[a-z][\w-]*){0,3}?)\s*,?\s*(?:and\s+)?not\s+(?:the\s+)?"
    r"(?P<old>[$€£]?\s?\d[\d,.]*\s?[km]?)"
    r"|^(?:\W*(?:oh|wait|oops|sorry|sry|ugh|no|correction|my bad)\b\W*)*i meant\s+(?P<new3>[$€£]?\s?"
    r"\d[\d,.]*\s?[km]?(?:\s*(?:usd|eur|gbp|dollars|euros|pounds|seats|units|licen[cs]es|users))?)"
    r"\s*,?\s*not\s+(?P<old2>[$€£]?\s?\d[\d,.]*\s?[km]?)\W*$"
    r"|^(?:\W*(?:oh|wait|oops|sorry|sry|ugh|no|correction|my bad)\b\W*)*(?:i meant\s+|it was\s+)?"
    r"(?P<new4>\d{1,4}\s+(?!not\b)[a-z][\w-]*)\s*,?\s*not\s+(?P<old3>\d{1,4})\b"
    r"|\b(?:change|correct|fix|set|make|update)\s+(?:the\s+)?(?:(?P<what>amount|price|total|value|"
    r"quantity|qty|number of (?:seats|units|licen[cs]es))\s+(?:of|on|for|in)\s+)?"
    r"(?:(?:that|the|this|my|today'?s|yesterday'?s)\s+)?(?:last\s+|latest\s+)?(?:[\w#'’.-]+\s+){0,4}?"
    r"(?:sale|order|deal|purchase)(?P<rest>.*?)(?:\s+to|:)\s*(?P<new2>[$€£]?\s?\d[\d,.]*"
    r"\s?[km]?(?:\s*(?:usd|eur|gbp|dollars|euros|pounds))?)"
    r"(?:\s*[-–—,;]\s*(?:the\s+)?(?:quantity|qty|number)\s+(?:stays|is the same|unchanged)[^,;]*)?\W*$"
    # "#178 sale of yesterday, set amount to 5400": the sale named, then its new sum
    r"|\b(?:sale|order|purchase)\b[^.!?]*?[,;:]\s*(?:pls\s+|please\s+)?(?:set|change|make|fix|correct|"
    r"update)\s+(?:the\s+)?(?:amount|price|total|value)\s+(?:to\s+|:\s*)(?P<new5>[$€£]?\s?\d[\d,.]*"
    r"\s?[km]?(?:\s*(?:usd|eur|gbp|dollars|euros|pounds))?)\W*$"
    # "fix kenji's last sale: quantity 10, not 58"
    r"|\b(?:sale|order|purchase)\b[^.!?:]*?:\s*(?P<what2>quantity|qty|amount|price|total)\s*:?\s*"
    r"(?P<new7>[$€£]?\s?\d[\d,.]*\s?[km]?)\s*(?:,?\s*not\s+(?P<old4>[$€£]?\s?\d[\d,.]*\s?[km]?))?\W*$"
    # "yesterday's sale total should be 5400 dollars"
    r"|\b(?:sale|order|purchase)\b[^.!?]*?\b(?:total|amount|price)\s+(?:should\s+(?:have\s+)?be(?:en)?|"
    r"(?:is|was)\s+(?:actually|really))\s+(?P<new6>[$€£]?\s?\d[\d,.]*\s?[km]?"
    r"(?:\s*(?:usd|eur|gbp|dollars|euros|pounds))?)\W*$"
    # "actually make the crm pro 16 seats not 15": the sale just logged, put right
    r"|^(?:\W*(?:oh|wait|oops|sorry|sry|no|correction|actually|my bad)\b\W*)*(?:make|change)\s+"
    r"(?:it|that|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:to\s+)?(?P<new9>\d{1,4}\s+(?!not\b)[a-z][\w-]*|"
    r"[$€£]?\s?\d[\d,.]*\s?[km]?)\s*,?\s*not\s+(?P<old5>[$€£]?\s?\d[\d,.]*\s?[km]?)\W*$"
    # "the count was 15, total is still 3600": the quantity put right
    r"|^(?:\W*(?:oh|wait|oops|sorry|sry|no|correction|actually|my bad)\b\W*)*(?:the\s+)?"
    r"(?P<what3>count|quantity|qty|number of (?:seats|units|licen[cs]es))\s+(?:was|is|should\s+"
    r"(?:have\s+)?be(?:en)?)\s+(?P<new12>\d{1,4})\b"
    # "no the total should be 12,600 then, 14 x 900", "oops that was 1100 total not each"
    r"|^(?:\W*(?:oh|wait|oops|sorry|sry|no|correction|actually|my bad)\b\W*)*(?:the\s+)?(?:total|"
    r"amount|sum)\s+(?:should\s+(?:have\s+)?be(?:en)?|(?:is|was)\s+(?:actually|really))\s+"
    r"(?P<new10>[$€£]?\s?\d[\d,.]*\s?[km]?)(?![\d,.])(?:\s*(?:then|instead))?(?:\s*(?:,|not\b).*)?\W*$"
    r"|^(?:\W*(?:oh|wait|oops|sorry|sry|no|correction|actually|my bad)\b\W*)*(?:it|that)\s+was\s+"
    r"(?P<new11>[$€£]?\s?\d[\d,.]*\s?[km]?)\s+(?:in\s+)?total\s*,?\s*not\s+(?:each|apiece|per\s+\w+)\W*$"
    # "sorry CRM Pro was 850 each": the sale just logged, at that price each
    r"|^(?:\W*(?:oh|wait|oops|sorry|sry|no|correction|actually|my bad)\b\W*)+(?:the\s+)?"
    r"(?:[\w#'’.-]+\s+){0,3}?(?:was|is|should (?:have )?be(?:en)?)\s+(?:actually\s+)?"
    r"(?P<each>[$€£]?\s?\d[\d,.]*\s?[km]?)\s*(?:each|ea|apiece|per (?:seat|unit|licen[cs]e|user))\W*$"
    # "the CRM Pro sale to Fatima Brown was $8,500": what that sale came to
    r"|^(?:\W*(?:oh|wait|oops|sorry|no|correction|actually)\b\W*)*the\s+(?:[\w#'’.-]+\s+){0,4}?"
    r"(?:sale|order|deal|purchase)\s+(?:to|for|with|from)\s+[^,;]+?\s+(?:was|came to|should\s+(?:have\s+)?"
    r"be(?:en)?)\s+(?:actually\s+)?"
    r"(?P<new8>[$€£]\s?\d[\d,.]*\s?[km]?|\d[\d,.]*\s?[km]?\s*(?:usd|eur|gbp|dollars|euros|pounds))\W*$"
    # "oops it was 3 analytics pro for 3600 not 3300": how many of what, and the sum put right
    r"|^(?:\W*(?:oh|wait|oops|sorry|sry|ugh|no|correction|actually|my bad)\b\W*)*(?:it|that)\s+"
    r"(?:was|should\s+(?:have\s+)?be(?:en)?)\s+(?P<new19>\d{1,4})\s*(?:x|×)?\s+(?:[\w-]+\s+){0,3}?"
    r"(?=(?:for|at|=)\s*[$€£]?\s?\d[\d,.]*\s?[km]?\s*,?\s*not\s+(?P<old6>[$€£]?\s?\d[\d,.]*\s?[km]?)"
    r"\W*$)"
    # "the emma taylor sale was 2 x crm pro for £1,200": how many, then the sum (read after it)
    r"|^(?:\W*(?:oh|wait|oops|sorry|sry|no|correction|actually|my bad)\b\W*)*(?:the|that)\s+"
    r"(?:[\w#'’&.-]+\s+){1,4}?(?:sale|order|deal|purchase)\s+(?:was|is|should\s+(?:have\s+)?be(?:en)?)"
    r"\s+(?:actually\s+|really\s+)?(?P<new13>\d{1,4})\s*(?:x|×)?\s+(?:[\w-]+\s+){0,3}?"
    r"(?=(?:for|at|=)\s*[$€£]?\s?\d)"
    # "wait the analytics pro sale was 1050 EACH so 3150 total, fix it": the total
    r"|^(?:\W*(?:oh|wait|oops|sorry|sry|no|correction|actually|my bad)\b\W*)*(?:the|that)\s+"
    r"(?:[\w#'’&.-]+\s+){1,4}?(?:sale|order|deal|purchase)\s+(?:was|is|should\s+be)\s+[$€£]?\s?\d[\d,.]*"
    r"\s*(?:each|ea|apiece)\W+(?:so\s+)?(?P<new15>[$€£]?\s?\d[\d,.]*\s?[km]?)\s+(?:in\s+)?total"
    r"(?:\W+(?:pls\s+|please\s+)?fix\s+(?:it|that))?\W*$"
    # "thats wrong, should be 43000 (2150 each). fix the amount": the sale just logged
    r"|^(?:that'?s|thats|it'?s|its)\s+wrong\W+(?:it\s+)?should\s+(?:have\s+)?be(?:en)?\s+"
    r"(?P<new16>[$€£]?\s?\d[\d,.]*\s?[km]?)(?:\s*\([^)]*\))?"
    r"(?:\W+(?:pls\s+|please\s+)?(?:fix|correct|change)\s+(?:it|that|the\s+(?:amount|total|sale)))?\W*$"
    # "the halcyon sale was 25,000": what the last sale to them came to
    r"|^(?:\W*(?:oh|wait|oops|sorry|sry|no|correction|actually|my bad)\b\W*)*(?:the|that)\s+"
    r"(?:[\w#'’&.-]+\s+){1,4}?(?:sale|order|deal|purchase)\s+(?:was|came to|should\s+(?:have\s+)?"
    r"be(?:en)?)\s+(?:actually\s+|really\s+)?(?P<new14>[$€£]?\s?\d[\d,.]*\s?[km]?"
    r"(?:\s*(?:usd|eur|gbp|dollars|euros|pounds))?)(?:\s+(?:in\s+)?total)?\W*$"
    # "the kowalski sale was 6 seats, keep the total", "change X's sale today to 6 seats, 4250 total"
    r"|^(?:\W*(?:oh|wait|oops|sorry|sry|ugh|no|correction|actually|my bad)\b\W*)*(?:the|that)\s+"
    r"(?:[\w#'’&.-]+\s+){1,4}?(?:sale|order|deal|purchase)\s+(?:was|is|should\s+(?:have\s+)?be(?:en)?)"
    r"\s+(?:actually\s+|really\s+)?(?P<new17>\d{1,4}\s*(?:seats?|units?|licen[cs]es?|users?))\b"
    r"(?=\s*[,;.]|\W*$)"
    r"|\b(?:change|correct|fix|set|make|update)\s+(?:(?:that|the|this|my)\s+)?(?:[\w#'’.-]+\s+){0,4}?"
    r"(?:sale|order|deal|purchase)\b[^,;:]*?\s+to\s+(?P<new18>\d{1,4}\s*(?:seats?|units?|"
    r"licen[cs]es?|users?))\b(?=\s*[,;.]|\W*$)"
    # "change the date of tom martin's last sale to yesterday"
    r"|\b(?:change|fix|correct|move|set)\s+the\s+(?:date|day)\s+(?:of|on|for)\s+(?:(?:that|the|this|my)\s+|"
    r"(?P<whose>[\w .&'-]+?)(?:'s|’s)\s+)?(?:last\s+|latest\s+)?(?:sale|order|deal|purchase)\b.*?\s+to\s+"
    rf"(?P<day>yesterday|today|(?:last\s+)?{WEEKDAY}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}|"
    rf"{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}/\d{{1,2}})\W*$"
)
BIN_LISTING = re.compile(
    r"\b(?:what'?s|what is|whats|anything|anyone|who'?s|who is|show|list|see|view|open|check|"
    r"look)\b.*\b(?:in|the) (?:the )?(?:recycle |delete |deleted |trash )?(?:bin|trash)\b"
    r"|\b(?:deleted|binned|trashed|removed) (?:customers|accounts|clients|contacts|leads|ones|"
    r"records|people)\b|\brecently deleted\b|\b(?:recycle|delete) bin\b|^(?:the )?bin\W*$",
    re.I,
)
# A question about one customer is their profile, never a write: "has Acme bought anything?",
# "is Initech still a lead", "what stage is Hugo Novak in"
CUSTOMER_QUESTION = (
    r"^(?:is|isn'?t|was|does|doesn'?t|has|hasn'?t|(?:did|didn'?t|do|have)(?=.*\?\W*$))\s+"
    r"(?!(?:there|any|anyone|anybody|anything|everyone|everybody|we|i|you|he|she|they|it|my|our|"
    r"the|a|an|all|this|that|these|those|your|me|us|them)\b)(?P<before>\S.*?)\W*$"
    r"|^(?:what|which)\s+(?:stage|tags?|owner|rep|interests?|segment|city|phase|step)\s+"
    r"(?:is|does|has)\s+(?P<ref>.+?)(?:\s+(?:in|at|on|have|got|tagged(?: with)?))?\W*$"
)
# "who's on the team?": the reps, each with how many customers they own
TEAM_LIST = re.compile(
    r"\bwho(?:'s| is| are) (?:on|in) (?:the|my|our) (?:sales )?team\b|\bwho are (?:the|my|our) "
    r"(?:reps|sales ?people|team)\b|\b(?:list|show)(?: me)? (?:the |my |our |all )?(?:reps|sales ?people|"
    r"team members|staff|team|sales team)\W*$|^(?:the |my |our )?(?:sales )?team(?: members)?\W*$|"
    r"\bwho works here\b"
    r"|^(?:so\s+|ok\s+)?who owns what(?:\s+(?:now|then|today|at the moment|these days))?\W*$|\bhow many (?:reps|sales ?people|salespeople|people|staff)(?: do we have|"
    r" are (?:there|on the team)| on the team| in the team| work here)\b"
)
# "value of maria's book": what the customers in a book have bought, to date unless a period is said
# "which ones did I just get from sam", "customers moved to me today": handed over to the asker
HANDED_TO_ME = re.compile(
    r"(?<!\borders did )(?<!\bsales did )(?<!\bdeals did )(?<!\bcalls did )(?<!\bleads did )"
    # "how many customers have we got per segment" counts them: no handover; nor is an NPS answer
    r"(?!.*\b(?:nps|survey|how many|compared)\b)"
    r"(?!.*\b(?:per|by)\s+(?:segment|stage|owner|rep|city|tag|interest|month|product)\b)"
    r"\b(?P<verb>(?<!can )(?<!could )(?<!may )(?<!do )(?:i|we)(?:'ve| have)?\s+(?:just\s+|recently\s+)?(?:got|get|gotten|received|inherit|inherited|took over|taken over)"
    r"|^(?:just\s+)?got\s+(?=(?:a bunch of|some|a few|a couple of|several|\d+)?\s*new\b)"
    r"|(?P<by>(?!(?:i|we|you|they|were|was|been|be|are|is|being|have|has|had|did|just|got|get|ones|customers|accounts|clients)\b)[a-z][\w'-]*)\s+(?:just\s+)?(?:hand(?:ed)?|pass(?:ed)?|transfer(?:red)?|move[d]?|gave|give[ns]?)\s+(?:over\s+)?(?:to\s+)?me"
    r"|(?:moved|given|handed(?: over)?|transferred|reassigned|assigned|passed(?: over)?|sent)\s+(?:over\s+)?to "
    r"(?:me|us|(?P<to>(?!the\b|a\b|an\b|him\b|her\b|them\b|someone\b|anyone\b)[a-z][\w'-]*)(?=\s+(?:today|yesterday|this|in|from|by|lately|recently)\b|\W*$))"
    r"|(?<=\bdid )(?P<to2>(?!i\b|we\b|you\b|they\b|he\b|she\b)[a-z][\w'-]*)\s+(?:just\s+)?(?:get|receive|inherit|take over|pick up)"
    r"|(?<=my customers )(?:handed|moved|reassigned|transferred|passed)(?: over)?"
    # "which of maria's accounts were handed over from jordan", "everything maria took over from
    # jordan": a colleague's, handed over by another
    r"|(?:(?:were|was|got|been)\s+)?(?:handed|moved|reassigned|transferred|passed)(?: over)?(?=\s+from\b)"
    r"|(?P<to3>(?!i\b|we\b|you\b|they\b|he\b|she\b)[a-z][\w'-]*)\s+(?:took over|inherited|picked up)"
    r"(?=\s+from\b)"
    r"|(?:came|come) (?:to me|my way|over to me)"
    r"|(?:(?<=accounts )|(?<=customers )|(?<=clients )|(?<=ones ))(?:came|come) (?=from\b))\b"
    r"(?:.*?(?P<from>\bfrom\s+(?P<who>(?!the\b|a\b|an\b|him\b|her\b|them\b|any(?:one|body)\b|"
    r"some(?:one|body)\b|others?\b)[a-z][\w'-]*)"
    r"|\bof\s+(?P<who2>[a-z][\w-]*)(?:'s|’s)\s+(?:accounts|customers|clients|leads|book|deals)\b))?"
    r"(?:.*?(?P<when>\b(?:today|this morning|this afternoon|yesterday|this week|this month|"
    r"in the last (?P<n>\d{1,3}) days)))?"
)
HANDED_DAYS = {
    "today": 0, "this morning": 0, "this afternoon": 0, "yesterday": 1, "this week": 7,
    "this month": 30,
}  # fmt: skip
# each rep's figures side by side: "how are the reps doing", "team leaderboard"
TEAM_SCORECARD = re.compile(
    r"\bhow(?:'s|'re| is| are|s)? (?:the |my |our )?(?:reps|sales ?team|team|sales ?people|salespeople|everyone|everybody|guys)(?: all)? (?:doing|performing|getting on|tracking|going)\b"
    r"|\bhow (?:did|have|has|do) (?:the |my |our )?(?:reps|sales ?team|team|sales ?people|salespeople|everyone|everybody|guys)(?: all)? (?:do|done|perform(?:ed)?|get on|got on|go|gone)\b"
    r"|\b(?:rep|reps|team|sales|sales team)(?:'s)? (?:leaderboard|scorecards?|performance|league table|rankings?|stats)\b|\bleaderboard\b|\bscorecards?\b"
    r"|\b(?:who|which (?:rep|one|of (?:my|the|our) reps))(?:'s| is| has)(?: got)? the (?:most|fewest|least) (?:overdue |open |late )?tasks\b|\bwho(?:'s| is) (?:leading|ahead|winning|behind|lagging|falling behind)\b"
    r"|\b(?:which|what) (?:rep|one of (?:my|the|our) reps)(?:'s| is) (?:leading|ahead|winning|behind|lagging|"
    r"falling behind)\b"
)
BOOK_VALUE = re.compile(
    r"\b(?:value|worth|size|revenue) of (?:my|our|the team'?s|[\w-]+'?s) (?:book|accounts|portfolio|"
    r"customers|patch|territory)\b|\bhow (?:much|big) is (?:my|our|[\w-]+'?s) (?:book|portfolio)\b"
    r"|\b(?:book|portfolio) (?:value|worth|size)\b|\bwhat(?:'s| is) (?:my|our|[\w-]+'?s) (?:book|portfolio) worth\b"
)
# the first few of a list: "top 5 next best actions", "just the top 5 of them to jordan"
TOP_N = re.compile(r"\b(?:top|first|biggest|best)\s+(?P<n>\d{1,4})\b", re.I)
# customers named one after another: "anna fischer, léa weber and omar nguyen"
LISTED = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.I)
# the words that leave someone out of a list, wherever they are said
LEFT_OUT_WORDS = (
    r"but not|except(?: for)?|excluding|apart from|other than|not including|"
    r"(?:but )?(?:leaving|leave|keep|take) out|minus|"
    r"not(?=\s+(?:the|those|any)\s+(?:ones|customers|accounts|clients)\b)"  # "not the ones in …"
)
# who a list or a change leaves out: "… but not the munich ones", "… except Anna Fischer"
EXCEPT = re.compile(
    rf"[,;]?\s*\b(?P<said>{LEFT_OUT_WORDS}|skip|but keep|but leave|"
    r"(?:that |which |who )?(?:are not|is not|aren'?t|isn'?t)(?=\s+[\w-]+(?:'s|’s|s')\W*$))"
    r"\s+(?P<clause>.+?)\W*$",
    re.I,
)
# why something is left out, after who: "except chloe martin, she just bought"
EXCEPT_REASON = re.compile(
    r"\s*(?:,\s*|\s+(?=because|since|as|cos|coz|bc|cause)\b)(?:(?:she|he|they|it|we|i)\b|because|since|"
    r"as|cos|coz|bc|cause|just|already|[\w-]+\s+(?:spoke|talked|called|met|said|is|was|has|had|just|"
    r"already|bought|signed|wants|needs|knows|handles|owns|still|closes|will|keeps|takes|is closing|"
    r"is taking)\b"
    # "leave out amelia lefevre, sam's calling her tmrw": why, said of the colleague
    r"|[\w-]+(?:'s|’s)\s+(?:calling|meeting|visiting|seeing|handling|chasing|working|got|taking|"
    r"closing|emailing|on)\b)\b.*$"
    # "but keep anna brown and emma taylor with jordan till 31 dec": where they stay, and how long
    r"|\s+(?:with|under)\s+[\w'-]+(?:\s+(?:till|until|through|for now)\b.*)?$"
    r"|\s+(?:where (?:they|she|he) (?:are|is)|as (?:is|they are)|for now)\b.*$"
    r"|\s*\((?:she|he|they|it|we|i)\b.*$"  # "… and amelia weber (he's already calling her)"
    r"|\s+(?:though|tho)\W*$"
    r"|\s+[-–—]+\s+.*$",  # "except björn dubois - sam spoke to him on friday"
    re.I,
)
# a question about numbered tasks, which changes nothing: "who has task 36", "is task 35 open?"
TASK_ASKED = re.compile(
    r"^(?:(?:and|so|hey)\s+)?(?:who(?:'s| has| owns| is on| got)|whose(?: is)?|is|was|has|what(?:'s| is| about)|"
    r"show(?: me)?|status of|where(?:'s| is)|any news on|is there)\s+(?:the\s+)?tasks?\s*#?\d+"
    r"|^tasks?\s*#?\d+\s*(?:[?.!]*|\s(?:status|details|info)\W*)$"  # "task 3": that task shown
    r"|^(?:tasks?\s+)?(?:details|info|status)\s+(?:(?:of|for|on)\s+)?(?:tasks?\s*)?#?\d+\W*$|^(?:is|was|has)\s+(?:#|no\.?\s*)?\d+\s+(?:still\s+)?(?:open|done|closed)"
    r"|^(?:whose|which|what)\s+tasks?\s+is\s+#?\d+"
    r"|^(?:did|has|have)\s+(?:tasks?\s*)?#?\d+\s+(?:get|gotten|got|been)\s+(?:closed|done|ticked off|completed)"
)
# a task changed rather than done or set: moved to another day, handed to someone, deleted
# a numbered task put on a customer: "link task 46 to fatima moreau", "task 46 - attach it to X"
TASK_LINKED = re.compile(
    r"\b(?:link|attach|connect|tie|associate)\s+(?:(?:the\s+)?tasks?\s*#?(?P<n>\d+)|#?(?P<n2>\d{1,7})|it|that)\s+"
    r"(?:to|with)\s+(?P<who>[^,;?!]+?)\W*$"
)
# a numbered task taken off its customer: "unlink task 82 from her", "task 82 isn't about X"
TASK_UNLINKED = re.compile(
    r"\b(?:unlink|detach|untie|disconnect)\s+(?:it|that|this|(?:the\s+)?tasks?\s*#?\d+|#?\d{1,7})\s+from\b"
    r"|\btasks?\s*#?\d+\s+(?:(?:is\s*n'?t|is not|isnt|should\s*n'?t be|should not be)\s+"
    r"(?:about|on|for|linked to)|has nothing to do with)\b"
)
# a task no one needs any more: "task 5 can go", "task 12 isn't needed"
_NOT_WANTED = (
    r"(?:can go|can be (?:deleted|removed|binned|dropped|scrapped|killed)|(?:is|are) (?:not|no longer) "
    r"needed|(?:isn'?t|aren'?t) needed(?: any ?more)?|not needed any ?more)\b"
)
TASK_CHANGED = re.compile(
    rf"{TASK_LINKED.pattern}|{TASK_UNLINKED.pattern}|"
    r"\b(?:move|push|shift|postpone|reschedule|bump|reassign|assign|give|hand|delete|remove|change|"
    r"set|drop|cancel|scrap|bin|kill|pass|transfer|rename|reword|retitle|relabel|edit|update)\b.*\btasks?\s*#?\d|\btasks?\s*#?\d+\b.*\b(?:to|till|until)\s+\w"
    r"|\btasks?\s*#?\d+\s+(?:should|must|needs? to|has to|is meant to)\s+be\s+(?:due\s+)?(?:on\s+)?\w"
    r"|\btasks?\s*#?\d+\s+(?:is\s+)?due\s+(?:on\s+)?\w"
    r"|\bon\s+hold\b|\bon\s+ice\b"  # "put task 62 on hold": still to do, never done
    r"|\btasks?\b.*\b(?:delete|remove|cancel|scrap|bin|drop)\s+#?\d+\W*$"
    rf"|\btasks?\s*#?\d+(?:\s+(?:and|&)\s+#?\d+)?\s+{_NOT_WANTED}"
    r"|^(?:pls\s+|please\s+)?re-?open\s+(?:tasks?\s*)?#?\d"
    r"|\btasks?\s*#?\d+\s+(?:is|was)(?:n'?t| not)\s+(?:done|finished|complete)"
    # a bare number is a task's ("give 38 to maria", "move 41 to friday"); "#38" is a customer's
    r"|^(?:(?:pls|please|and|also|then)\s+)*(?:move|push|shift|postpone|reschedule|bump|reassign|"
    r"assign|give|hand|pass|transfer)\s+(?:over\s+)?\d{1,5}(?:\s*(?:,|and|&)\s*\d{1,5})*\s+(?:over\s+)?"
    r"(?:to|till|until)\s+\w"
)
# a task named by its words and customer, moved to another day: "push the renewal quote for bjorn
# to monday", "move my atlas task to friday"
# "give all my open tasks to maria", "hand jordan's follow-ups over to sam", "move all tasks from
# jordan to sam": every open task of one person, handed to another
# one task, said by its words, handed to someone: "give the harbor sohne quote task to maria",
# "ill take over jordans polaris media quote task", "cancel the X task, maria will pick it up"
TASK_GIVEN = re.compile(
    r"^(?:(?:please|pls|and|so|then|now|ok)\s+)*(?:"
    r"(?:give|hand|pass|reassign|assign|move|transfer)\s+(?:over\s+)?(?P<task>(?:the|my|our|"
    r"[a-z][\w-]*(?:'s|’s))\s+[\w'&-]+(?:\s+[\w'&-]+){0,4}?\s+(?:task|reminder|follow-?up|to-?do))"
    rf"\s+(?:over\s+)?to\s+(?P<who>me|(?!(?:{WEEKDAY}|today|tomorrow|tonight|next|this)\b)[a-z][\w'-]*)"
    r"|(?:i'?ll|i will|let me|i can|i'?m going to)\s+(?P<me>take over|take on|pick up|grab|do)\s+"
    r"(?P<task2>(?:the|[a-z][\w-]*(?:'s|’s))\s+[\w'&-]+(?:\s+[\w'&-]+){0,4}?\s+(?:task|reminder|"
    r"follow-?up|to-?do))"
    r"|(?:cancel|drop|scrap)\s+(?P<task3>(?:the|my)\s+[\w'&-]+(?:\s+[\w'&-]+){0,4}?\s+(?:task|"
    r"reminder|follow-?up|to-?do)),?\s+(?P<who3>[a-z][\w'-]*)\s+(?:will|'ll|can|is going to)\s+"
    r"(?:pick it up|take it(?: over| on)?|do it|handle it|own it))\W*$"
)
TASKS_HANDED_OVER = re.compile(  # "… jordan's tasks due before wednesday -> sam" too
    r"(?:\b(?:reassign|assign|give|hand|pass|transfer|move|shift|switch)\s+(?:over\s+)?|^(?=.*(?:->|→|=>)))"
    r"(?:(?:all|every one|each|any)\s+(?:of\s+)?)?(?:the\s+)?(?P<whose>my|his|her|(?!the\b|all\b)[a-z][\w-]*?"
    r"(?:'s|’s|s'))\s+(?:(?:\d{1,3}|two|three|four|five)\s+)?"
    r"(?:(?:open|outstanding|remaining|overdue|pending|current)\s+)*"
    r"(?:(?P<about>(?!(?:open|outstanding|remaining|overdue|pending|current|other)\b)[\w-]+|"
    r"[\"“'‘](?P<quoted>[^\"”'’]{1,40})[\"”'’])\s+)?"
    r"(?:tasks|to-?dos|follow-?ups|reminders|(?<=overdue )ones|(?<=open )ones|"
    r"(?:task|to-?do|follow-?up|reminder)(?=\s+(?:for|on|of)\s))"  # "maria's task on them"
    r"(?:\s+due\s+(?P<due>next week|this week|today|tomorrow|"
    rf"(?:by|before) (?:the )?(?:end of (?:the )?week|eow|{WEEKDAY})|in the next (?:\d+|two|three|few) days))?"
    r"(?P<on>\s+(?:for|on|of)\s+[^,.;]{1,50}?)?"  # "… for customers he no longer owns"
    r"(?:\s+(?:over\s+)?to\s+|\s*(?:->|→|=>)\s*)(?P<who>[a-z][\w'-]*)"
    r"|\b(?:reassign|assign|give|hand|pass|transfer|move|shift|switch)\s+(?:over\s+)?(?:all\s+)?"
    r"(?:of\s+)?(?:the\s+)?(?:(?:open|outstanding|remaining|overdue|pending)\s+)*"
    r"(?:tasks|to-?dos|follow-?ups|reminders)\s+(?:from|of)\s+(?P<whose2>[a-z][\w-]*)\s+(?:over\s+)?"
    r"to\s+(?P<who2>[a-z][\w'-]*)"
)
# a batch of one person's tasks put off: "push all my overdue tasks to friday", "my own overdue ones
# - push them all to friday"
TASKS_PUT_OFF = re.compile(
    r"\b(?:push|move|shift|bump|reschedule|postpone|put off)\s+(?:all\s+(?:of\s+)?)?(?:the\s+)?"
    r"(?P<whose>my|[a-z][\w-]*(?:'s|’s))\s+(?:own\s+)?(?:(?:open|overdue|remaining|late)\s+)*"
    r"(?:tasks|to-?dos|follow-?ups|reminders|ones)\s+(?:to|till|until)\s+(?P<when>[^,;.!?]+?)\W*$"
    r"|^(?P<whose2>my|[a-z][\w-]*(?:'s|’s))\s+(?:own\s+)?(?:(?:open|overdue|remaining|late)\s+)*"
    r"(?:tasks|to-?dos|follow-?ups|reminders|ones)\s*(?:[-–—:,]\s*|\s)(?:(?:and|pls|please)\s+)*"
    r"(?:push|move|shift|bump|reschedule|postpone|put off)\s+(?:them|those|these)(?:\s+all)?\s+"
    r"(?:to|till|until)\s+(?P<when2>[^,;.!?]+?)\W*$"
)
# whose tasks become whose: "to whoever now owns the customer", "to the customers' new owners"
TO_THEIR_OWNERS = re.compile(
    r"\bto\s+(?:who(?:m)?ever\b|(?:the|their|each)\s+(?:(?:customers?|accounts?|clients?)(?:'s|'|’s|’)?\s+)?"
    r"(?:new\s+|current\s+)?owners?\b|(?:the|their|each)\s+(?:customers?|accounts?|clients?)(?:'s|'|’s|’)?\s+"
    r"(?:new\s+|current\s+)?(?:owners?|reps?)\b)"
)
TASK_MOVED = re.compile(
    r"^(?:(?:ok|okay|pls|please|can you|could you|and)[\s,]+)*(?:move|push|postpone|reschedule|"
    r"bump|shift|delay|put off)\s+(?:back\s+)?(?:the|my|our)\s+(?:(?P<what>[\w'-]+(?:\s+[\w'-]+){0,3}?)"
    r"\s+(?:task\s+|reminder\s+)?(?:for|with|on|about|to)\s+(?P<who>[\w'&.@#-]+(?:\s+[\w'&.@-]+){0,3}?)"
    r"|(?P<who2>[\w'&.@-]+(?:\s+[\w'&.@-]+){0,2}?)\s+(?:task|reminder|follow-?up|to-?do)"
    r"|(?P<who3>[\w'&.@-]+(?:\s+[\w'&.@-]+){0,2}?)\s+(?P<what3>quote|proposal|demo|call|meeting|"
    r"renewal|contract|qbr|check-?in|catch-?up))\s+"
    r"(?:back\s+)?(?:to|till|until|til)\s+(?P<when>[^,;.!?]+?)\W*$"
)
# a contact planned, not had: "book a call w him for friday 2pm", "call lukas fri 2pm"
CONTACT_PLANNED = re.compile(
    r"^(?:(?:please|pls|can you|could you|ok|okay|and|also)\s+)*(?:book|schedule|set up|setup|"
    r"arrange|plan|organi[sz]e|put in|pencil in)\s+(?:(?:a|an|the|another|my)\s+)?(?:[\w-]+\s+)?"
    r"(?:call|meeting|demo|visit|zoom|teams call|catch-?up|check[- ]?in|lunch|coffee|review|qbr)\b"
    r"|^(?:i|we|[a-z]+)\s+(?:should|needs? to|has to|must|will)\s+(?:do|make|have|book|set up)\s+(?:a|an|the)\s+"
    r"(?:[\w-]+\s+)?(?:call|meeting|demo|visit|catch-?up)\b"
    r"|^(?:call|ring|phone|email|visit|meet|text)\s+(?!with\b|back\b|from\b|w/)[^,.;]*?"
    r"\b(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm)\b"
    # "Call Peachtree Pediatrics on Monday about the filter contract": to do, not done
    rf"|^(?:call|ring|phone|email|visit|meet|text)\s+(?!with\b|back\b|from\b|w/)[^,.;]*?"
    rf"\b(?:on|this|next|coming)\s+{WEEKDAY}\b"
    # "i have a call w her this afternoon": one to come, not one had
    r"|^(?:i|we)(?:'ve| have| got|'ve got| have got)\s+(?:a|an|the|another)\s+(?:[\w-]+\s+)?"
    r"(?:call|meeting|demo|visit|zoom|catch-?up|lunch|coffee)\s+(?:with|w/?)\s+[^,.;]*?"
    rf"\b(?:this (?:afternoon|evening|arvo)|later(?: today)?|tonight|tomorrow|next week|"
    rf"(?:on |this |next )?{WEEKDAY}|at \d{{1,2}}(?::\d{{2}})?\s*(?:am|pm)?)\b"
)
# a question about what one customer bought, never their contact history ("order history for X")
ORDERS_ASKED = re.compile(
    r"\b(?:order|purchase|sales|buying) history\b|\b(?:orders|purchases) (?:of|from|for|by)\b"
    r"(?!\s+(?:product|rep|owner|city|channel|segment|day|week|month|stage|each|the team|everyone)\b)"
    r"|^(?:(?:show|list)\s+)?(?:the\s+)?(?:last|latest|recent)\s+(?:sales|orders|purchases)\s+(?:for|of|from|to|by)\b"
    r"|\bwhat (?:did|has|have|does) .{1,40}? (?:buy|bought|order(?:ed)?|purchased?)\b"
)
# words of such a question, which a profile answers with the customer's last orders
ABOUT_ORDERS = re.compile(
    r"\b(?:orders?|order history|purchases?|purchase history|bought|buy|buying|sales history)\b",
    re.I,
)
# a digest sent on working days only: "every weekday", "mon-fri", "not on weekends"
WEEKDAYS_ONLY = re.compile(
    r"\bweekdays?\b|\bmon(?:day)?\s*(?:-|–|to|thru|through)\s*fri(?:day)?\b|\b(?:no|not|except|skip|"
    r"without|stop|pause|don'?t)\b.*\b(?:weekends?|sat(?:urday)?s?|sun(?:day)?s?)\b|\bworking days\b|"
    r"\bwork ?days\b"
)
# particular days named for a digest ("on fridays", "mon-thu"), which it cannot be limited to
DAYS_CHOSEN = re.compile(rf"\b{WEEKDAY}s?\b")
EVERY_DAY = re.compile(  # "the daily digest" is its name, not its days
    r"\b(?:every ?day|daily(?!\s+(?:digest|summary|briefing|email|report|update))|7 days|"
    r"weekends? too|incl(?:uding|\.)? weekends?)\b"
)
# one customer loses a tag, whatever words the tag is made of ("remove tag at-risk-nps from X")
UNTAG_ONE = re.compile(
    r"\b(?:take|remove|drop|strip)\s+(?:the\s+)?(?:tag\s+)?['\"#]?[\w-]+['\"]?(?:\s+tag)?\s+off\b"
    r"|^(?:please |pls )*un-?tag\b|:\s*(?:remove|drop|delete)\s+(?:the\s+)?tag\b"
    r"|\b(?:remove|drop|delete|strip)\s+(?:the\s+)?(?:tag\s+['\"#]?[\w-]+|['\"#]?[\w-]+['\"]?\s+tag)\s+from\b"
)
# "how many leads do we have", "how many lost now": a count of one stage, which its list says
STAGE_COUNTED = re.compile(
    r"^how many\s+(?:(?:customers|accounts|clients)\s+(?:are\s+|do we have\s+)?(?:in\s+)?)?"
    r"(?P<stage_count>leads?|qualified|proposals?|lost|won|prospects?)\b"
    r"(?!\s+(?:deals?|revenue|sales|calls|emails|meetings|orders))"
)
# "take Ben Ruiz out of the crm": a delete said as taking someone out
TAKEN_OUT = re.compile(
    r"^(?:please |pls |can you |could you )*take\s+(?P<who>\S.{0,60}?)\s+(?:out of|off)\s+(?:the |our )?"
    r"(?:crm|system|database|db|records?|books?)\b"
)
# "Mia Fischer at Summit & Söhne goes to Sam Patel", "… should go to maria": a handover said last
GOES_TO = (
    r"\s(?:goes|passes|moves|(?:should|can|could|will|must|needs? to|has to) (?:go|move|pass))\s+"
    r"(?:over\s+)?to\s+[\w'-]+(?:\s[\w'-]+)?\W*$"
)
# a call that reached no one: "mateo weber didnt pick up, try again monday", "no answer from raj"
NO_ANSWER = re.compile(
    r"^(?P<who>(?!(?:he|she|they|it|i|we|you|no one|nobody|noone)\b)[^,;.!?]{3,60}?)\s+"
    r"(?P<what>(?:didn'?t|did not|doesn'?t|does not|wasn'?t|won'?t)\s+(?:pick up|answer|respond))\b"
    r"|^(?P<what2>no (?:answer|reply|response)) from\s+(?P<who2>[^,;.!?]+?)"
    r"(?=\s*[,.;:]|\s+(?:today|again|will|try)\b|\s*$)"
    r"|^(?P<who3>(?!(?:he|she|they|it|i|we|you)\b)[^,;.!?]{3,60}?)\s+(?P<what3>no (?:answer|reply|pick ?up))"
    r"(?=\s*[,.;:-])"  # "amelia lefevre no answer, sent sms instead"
)
# "left him a vm", "left jane cooper a voicemail", "vm left w/ dale at redgum": a voicemail for them
# what a book is expected to bring: "the revenue forecast next quarter", "what's sam's book
# forecast to bring in over the next year"
# contacts searched by what was said in them: "contacts mentioning 'delivery' since 1 dec",
# "any notes that mention the recall", "calls about the price rise this week"
MENTIONING = re.compile(
    r"\b(?:(?:any|every|each)\s+(?:contact|interaction|note|call|e-?mail|meeting|visit|chat|text)|"
    r"contacts|interactions|notes|calls|e-?mails|meetings|visits|chats|texts|touchpoints|"
    r"conversations|anything|anyone)\s+(?:(?:that|which|where)\s+)?(?:we\s+)?"
    r"(?:mention(?:s|ing|ed)?|contain(?:s|ing)?|say(?:s|ing)?|talk(?:s|ing|ed)? about|with the words?)"
    r"\s+['\"“‘]?(?P<what>[^'\"”’]+?)['\"”’]?(?=\s+(?:since|from|in the last|this|last|today|"
    r"yesterday|with|for|by|logged|in)\b|\s*[?.!]*$)"
)
# a task taken away, said by what it is about: "drop his apology call task", "delete the chase
# task for jane cooper" (a numbered one is read with the other changes: "delete task 7")
TASK_DROPPED = re.compile(
    r"^\W*(?:(?:pls|please|can you|just|and|so|ok)\s+)*(?:delete|cancel|drop|remove|scrap|bin|kill|"
    r"ditch)\s+(?:the|my|his|her|their|that|this)\s+(?P<what>(?:(?!task|reminder|to-?do)[\w-]+\s+)"
    r"{0,3})(?:task|reminder|to-?do)\b(?:\s+(?:for|on|with|about)\s+(?P<who>[^,;.!?]+?))?\W*$"
)
# the next step just suggested, made a task: "make that a task for Sam due monday"
MAKE_THAT_A_TASK = re.compile(
    r"^(?:(?:ok|okay|yes|great|pls|please|can you)[\s,]+)*(?:make|turn|put|set|add)\s+"
    r"(?:that|this|it|the\s+(?:first|1st|top)(?:\s+(?:one|suggestion|step|thing|action))?)"
    r"\s+(?:into\s+|in\s+|as\s+)?(?:an?\s+)?(?:task|reminder|to-?do)\b"
    r"(?:\s+for\s+(?P<who>(?!me\b|myself\b|tomorrow\b|today\b|next\b|mon|tue|wed|thu|fri|sat|sun)"
    r"[a-z][\w'-]*))?",
    re.I,
)
# a task of the customer talked about, said done by what it was: "recovery call done"
TASK_DONE_SAID = re.compile(
    r"^(?:the\s+|my\s+|his\s+|her\s+)?(?:(?:recovery|renewal|chase|follow[- ]?up|intro|demo|quote|qbr|"
    r"check-?in|callback|onboarding|training|review|apology)\s+)+(?:call\s+|task\s+|meeting\s+)*"
    r"(?:is\s+)?(?:done|sorted|complete|completed|finished)\W*$"
)
# someone who came to us: "Sr. Joaquim came in today, …", "jane came by the shop yesterday"
CAME_IN = re.compile(
    r"^(?P<who>(?!(?:the|a|an|it|payment|money|order|delivery|stock)\b)[^,;!?]{2,40}?)\s+"
    r"(?:came|walked|dropped|popped|stopped)\s+(?:in(?:to)?|by|round|over)"
    r"(?:\s+(?:to\s+|at\s+)?(?:the|our)\s+(?:shop|store|showroom|office|branch|stand|booth))?\b"
    r"(?P<rest>.*)$",
    re.I | re.S,
)
# work done on site, told without a contact verb: "replaced the pump at Rosetti Pasta, 2h labour",
# "left a card at Bramble Lane Kennels, nobody in", "job done at Kilbride Quarry — …": a visit
WORK_AT = re.compile(
    r"^(?:(?:just|finally|i|we|have|had|all)\s+)*(?P<what>(?:left (?:a|my|our) (?:card|flyer|"
    r"brochure|leaflet|business card)|job (?:done|finished|complete)|work (?:done|finished)|"
    r"(?:commissioning|installation|install|service|servicing|repair|maintenance|inspection|"
    r"calibration|training|handover) (?:done|finished|complete|completed)|"
    r"(?:finished|completed)\s+(?:the |a |an |their |our |my )?[\w +/#-]{1,40}?|"
    r"(?:replaced|swapped(?: out)?|fitted|installed|serviced|repaired|fixed|inspected|"
    r"commissioned|calibrated|descaled|rewired)\s[^.;,:]{1,60}?))"
    r"\s+at\s+(?P<who>(?!\d|noon|home|the office|lunch|last|least|the end|the moment)"
    r"[^,;.:!?—–]+?)(?=\s*(?:[,;.:!?—–]|\s-\s|$))",
    re.I,
)
FORECAST_ASKED = re.compile(
    r"\b(?:forecast(?:ed|s|ing)?|projections?|projected (?:revenue|sales|value)|"
    r"(?:expected|likely) (?:revenue|sales)|(?:expected|set|going|likely) to bring in|will bring in)\b"
)
# what an order brings on average: "average order value per rep", "aov this quarter"
AVERAGE_ORDER = re.compile(
    r"\b(?:average|avg|mean|typical)\s+(?:order|deal|sale|basket|ticket|purchase)s?\s*(?:value|size|"
    r"amount)?\b|\baov\b|\b(?:average|avg)\s+(?:per|a|an|each)\s+(?:order|sale|deal)\b"
)
# deals won and lost, asked as a rate or a count: "whats our win rate this quarter", "how many
# deals did we lose this month", "which customers did we move to lost today"
DEALS_CLOSED = re.compile(
    r"\b(?:win|close|closing|conversion|success)\s*(?:rate|ratio|%)|\bwin[/ -]loss\b|"
    r"\bwon\s+(?:vs\.?|versus|and|or|v)\s+lost\b|"
    r"\bdeals?\s+(?:did\s+(?:we|i|you|[a-z]+)\s+)?(?:won|lost|win|lose|close|closed)\b|"
    r"\b(?:win|won|lose|lost|close|closed)\s+(?:any\s+|many\s+)?(?:deals?|opportunities|opps)\b|"
    r"\b(?:did|have|has)\s+(?:we|i|you|[a-z]+)\s+(?:move|mark|put)\w*\s+(?:to|as)\s+(?:lost|won)\b|"
    r"\b(?:were|got|been)\s+(?:moved|marked|put)\s+(?:to|as)\s+(?:lost|won)\b|"
    r"\bhow\s+many\s+(?:did\s+(?:we|i|[a-z]+)\s+)?(?:win|lose|won|lost)\b|"
    r"\bwho\s+did\s+(?:we|i|[a-z]+)\s+(?:win|lose)\b"
)
# a change said after the customer and a colon: "Meridian Grain: stage prospect",
# "Björklund Spa AB: Linnea takes over", "Maple & Mist Films: add tag net30"
CHANGE_AFTER_NAME = re.compile(
    r"^(?P<who>[^:,.!?]{2,60}?)\s*:\s*(?P<change>(?:(?:set|change|new|add|remove|update|correct|fix)\s+)?"
    r"(?:(?:the|their|his|her|its)\s+)?(?:contact\s+)?"
    r"(?:stage|status|owner|rep|tag|city|title|e-?mail|phone|mobile|company|name)\b.+"
    r"|[\w'-]+ (?:takes over|is taking over|owns (?:it|them) now|is the (?:new )?owner)\W*)$"
)
# "from Siobhán at Harbour Tiles: '…' Log it as an email", "Jane wrote: '…' - log this": the
# writer and their words, logged as what the sender says it was (an e-mail unless told)
WROTE_LOG_IT = re.compile(
    r"^(?:(?:got|had)\s+this\s+|pasting\s+|pasted\s+|forwarding\s+)?(?:from\s+(?P<who>[^:'\"“‘]{3,60}?)"
    r"|(?P<who2>[^:'\"“‘]{3,60}?)\s+(?:wrote|writes|said|says|replied|emailed)"
    r"(?:\s+(?P<when>this morning|this afternoon|today|yesterday|earlier|just now|last night))?)"
    r"\s*:\s*"
    r"(?P<said>['\"“‘].+?['\"”’])[\s,.;:–—-]*(?:pls\s+|please\s+|(?:can|could) you\s+)?"
    r"log\s+(?:(?:it|this|that)(?:\s+as\s+(?:an?\s+)?(?P<channel>e-?mail|note|call|text|sms|chat))?"
    r"|as\s+(?:an?\s+)?(?P<channel2>e-?mail|note|call|text|sms|chat))\b(?P<rest>[^'\"“‘]*)$"
)
# what a customer wrote and signed, told to be logged: "> We'd like … — Juniper Knits. log as email"
SIGNED_LOG_IT = re.compile(
    r"^>?\s*(?P<said>[^>—–]{8,}?)\s+[—–]+\s*(?P<who>[^,.;:!?'\"“”‘’—–]{3,60}?)[.!]?\s+"
    r"(?:pls\s+|please\s+)?log\s+(?:(?:it|this|that)\s+)?as\s+(?:an?\s+)?"
    r"(?P<channel>e-?mail|note|text|sms|chat)\b"
)
# what a customer wrote, told to be logged as a sale: "… "invoice me €640" -> log as a sale"
QUOTED_SALE = re.compile(
    r"^.*?['\"“‘](?P<said>[^'\"”’]+)['\"”’][\s,.;:–—>-]*(?:(?:pls|please)\s+)?"
    r"(?:log|put|record|enter|add|book)\s+(?:(?:it|this|that)\s+)?(?:down\s+|in\s+)?as\s+"
    r"(?:an?\s+)?(?:sale|purchase|order)(?:\s+(?:for|to|from)\s+(?P<who>[^,;.!?]+?))?\W*$"
)
# who a pasted message is from: "From: Declan Moran <declan@…>", "Orla says (email):"
SENDER = re.compile(
    r"^(?:from\s*:?\s*(?P<who>[^<:,;'\"“‘]{3,60}?)\s*(?:<|\(|:|,|subject\b)"
    r"|(?P<who2>[^:'\"“‘(]{3,60}?)\s+(?:wrote|writes|said|says|replied|emailed)\b)"
)
LEFT_THEM = re.compile(
    r"^(?:just\s+)?left\s+(?!(?:a|an|the|it)\b)(?P<who>.+?)\s+(?:a\s+)?(?:vm|voicemail|voice ?mail|"
    r"message|msg)\b"
    r"|^(?:a\s+)?(?:vm|voicemail|voice ?mail|message|msg)\s+left\s+(?:w/|with|for|to)\s+"
    r"(?P<who2>.+?)(?=\s+(?:re|about|regarding|abt)\b|\s*[,.;:]|\s*$)"
)
# what the customer just talked about bought, asked: "has she bought anything else?"
BOUGHT_ASKED = re.compile(
    r"^(?:and\s+)?(?:has|have|did|does|what(?:'s|s| has| have| did| does| else has| else did)?|whats)\s+"
    r"(?:she|he|they)\s+(?:\w+\s+)?(?:bought|buy|ordered|order|purchased)\b"
    # "which of them bought support premium": a question about a list, never a sale
    r"|^(?:and\s+)?(?:which|who|how many)\s+of\s+(?:them|those|these|the[mse]+\s+\w+)\s+"
    r"(?:have\s+|has\s+|already\s+|ever\s+)?(?:bought|buy|ordered|order|purchased)\b"
)
# "any duplicate customers?", "do we have dupes": customers who may be one entered twice
DUPLICATES_ASKED = re.compile(
    r"^(?!.*\b(?:delete|remove|bin|trash|erase|forget)\b).*\b(?:duplicates?|dupes?|"
    r"duplicated|double entries|entered twice|in (?:there|the crm|the system) twice)\b"
)
# a task ticked off at the end of what was done: "Sent the proposal to Kestrel, tick that one off"
TICK_THAT_OFF = re.compile(
    r"[,;.]\s*(?:so\s+|and\s+)?(?:please\s+|pls\s+|can you\s+)?(?:tick|close|mark|check|cross)\s+"
    r"(?:(?:that|this|the|my)\s+(?:one|task|reminder|to-?do)?\s*(?:off|done|as done|complete)?"
    r"|it\s+(?:as\s+)?(?:done|complete|completed))\W*$"
)
# "who hasn't logged anything today", "which reps logged nothing this week": each rep's contacts
NOTHING_LOGGED = re.compile(
    r"\b(?:who|which reps?|anyone|any reps?)\s+(?:(?:hasn'?t|has not|haven'?t|have not|didn'?t|did not)\s+"
    r"(?:logged|log|recorded|record|entered|made|done)\s+(?:anything|any(?:thing| calls?| contacts?| "
    r"activity| interactions?)|a (?:single )?(?:call|thing|contact))|logged nothing|not logged\b.*)\b"
)
# tasks ticked off, asked about: "how many tasks did the team complete today", "what did maria
# get done this week", "completed tasks today"
TASKS_DONE_ASKED = re.compile(
    r"\b(?:how many|what|which|show|list|any)\b[^?#\d]*\b(?:tasks?|to-?dos?|follow-?ups?)\b[^?#\d]*"
    r"\b(?:did|have|has|had|got|get|were|was)\s+(?:\w+\s+){0,3}?(?:complete[ds]?|finish(?:ed)?|"
    r"close[ds]?|done|tick(?:ed)? off)\b"
    r"|\b(?:completed|finished|closed|done) (?:tasks?|to-?dos?)\b"
    r"|^(?:tasks?|to-?dos?) (?:completed|finished|closed|done) (?:today|this week)\b"
    r"|\bwhat (?:did|has|have) (?P<who>the team|we|[a-z][\w-]*) (?:get |got |gotten )?"
    r"(?:done|finish|finished|complete|completed|tick off|ticked off)\b"
)
# a customer's detail told as what it now is: "email for Carmarthen Creamery is a@b.uk now"
DETAIL_IS = re.compile(
    r"^(?:(?:the|their|his|her|new)\s+)*(?:e-?mail|phone|mobile|cell|number|title|address)"
    r"(?:\s+(?:address|number))?\s+(?:for|of)\s+\S.{0,60}?\s+(?:is|=|:|should be)\s+(?:now\s+)?\S"
)
# "priya shah is ready for a proposal, move her stage": the next stage said as readiness
READY_FOR = re.compile(
    r"^(?P<who>[^,;.!?]+?)\s+(?:is|are|'s|’s)\s+(?:now\s+)?(?:ready|good to go|set)\s+for\s+"
    r"(?:an?\s+|the\s+)?(?P<stage>proposal|quote|qualification|negotiation)\b"
    r"(?:[\s,.;:!-]+(?:so\s+|pls\s+|please\s+|can you\s+)?(?:move|bump|push|update|change|set|"
    r"advance)\s+(?:her|his|their|the|them|him)(?:\s+stage|\s+along|\s+on|\s+up)?)?\W*$"
)
# "björn dubois - renewal quote sent": who, then the document that went to them
DOCUMENT_SENT = re.compile(
    r"^(?!(?:called|rang|emailed|met|spoke|visited|sent|texted)\b)(?P<who>[^-–—,:;]+?)\s*[-–—:,]\s*"
    r"(?P<what>(?:the\s+|a\s+|an\s+|our\s+)?(?:\w+\s+){0,2}?"
    r"(?:quote|quotation|proposal|contract|invoice|deck|pricing|price list|brochure|sow|catalogue|"
    r"catalog|samples?|estimate|offer)\s+(?:sent|emailed|mailed|posted|delivered)(?:\s+over)?"
    r"(?:\s+(?:today|this morning|this afternoon|just now))?"
    # "omar martin atlas - sent advisory by email"
    r"|(?:sent|emailed|mailed)\s+(?:the\s+|a\s+|an\s+|our\s+)?(?:[\w-]+\s+){0,3}?[\w-]+?)"
    r"(?:\s+(?:by|via|over)\s+(?:e-?mail|mail))?(?:\s+(?:today|this morning|just now))?\W*$"
)
# "no wait, keep him with Sam": the owner said again, as it should stay
KEPT_WITH = re.compile(
    r"^(?:(?:no|wait|actually|sorry|oh|hmm+|ok)[\s,!.]+)*(?:(?:please|pls|let'?s)\s+)?keep\s+"
    r"(?P<who>[^,;.!?]+?)\s+(?:with|on|under)\s+(?P<owner>[a-z][\w'-]*)(?:(?:'s|’s)\s+(?:book|list|patch))?"
    r"(?=\s*(?:[,;.!?]|\s[-–—]\s|$))"
)
# a question about a change already made, never the change: "who moved acme to lost?"
CHANGE_ASKED = re.compile(
    r"^(?:(?:hey|hi|so|quick q|q|btw|hmm+|um|uh+|wait)[\s,:!?-]+)*(?:"
    r"(?:who|when|why)(?:\s+(?:the (?:hell|heck)|on earth))?(?:'s|’s|\s+(?:did|has|had))?"
    r"(?:\s+(?:someone|somebody|anyone|anybody|we|you))?\s+(?P<verb>"
    r"changed?|moved?|marked?|gave|give|assigned?|reassigned?|deleted?|removed?|"
    r"updated?|edited?|touched?|switched?|transferred|handed|binned|added|created|entered|"
    r"restored?|undeleted?|recovered|brought|"
    r"set(?=.*\s(?:to|as)\s))\s+"
    r"(?!(?:the\s+)?(?:most|fewest|least|more|fewer)\b)(?P<ref>.+?)"
    r"|(?:who|when|why)\s+(?:was|were|is|has|did|got)\s+(?P<ref2>.+?)\s+(?:been\s+|get\s+|got\s+)?"
    r"(?P<verb2>changed|moved|set|marked|made|given|assigned|reassigned|deleted|removed|"
    r"updated|edited|switched|transferred|handed|binned)"
    r"|did\s+(?:someone|somebody|anyone|anybody)\s+(?P<verb3>change|move|set|mark|delete|remove|"
    r"reassign|give|hand|edit|update|touch)\s+(?P<ref3>.+?)"
    r"|(?:what(?:'s| has| have)?|anything)\s+changed\s+(?:on|for|with|in|about)\s+(?P<ref4>.+?)"
    # "what did I change this morning": one person's changes today
    r"|(?:what|which(?:\s+ones?)?)\s+(?:did|have|has)\s+(?P<by>i|we|[a-z][\w-]*)\s+(?:just\s+)?"
    r"(?:changed?|edited|updated|done)"
    r"(?:\s+(?:today|this morning|this afternoon|so far(?: today)?))?"
    r"(?:\W+(?:list|show)(?:\s+me)?\s+(?:all\s+)?my\s+(?:changes|edits))?"
    # "whats changed today so far", "todays changes by the team", "who logged what today"
    r"|(?P<today>(?:what'?s|whats|what|what has|what have|anything)\s+(?:been\s+)?changed\s+(?:today|this morning|"
    r"this afternoon|so far)(?:\s+so far)?|(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:today'?s|todays)\s+"
    r"(?:changes|edits)(?:\s+(?:by|from|of)\s+(?:the\s+)?(?P<by2>team|[a-z][\w-]*))?"
    r"|(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:(?P<by3>team|[a-z][\w-]*)(?:'s|s')\s+|stage\s+)?(?:changes|edits)\s+"
    r"(?:today|so far today|this morning)"
    r"|who\s+(?:logged|changed|did|entered|updated)\s+what\s+(?:today|so far|this morning)"
    r"|(?:(?:list|show)(?:\s+me)?\s+)?(?:all\s+)?(?P<mine>my)\s+(?:changes|edits)"
    r"(?:\s+(?:today|so far(?: today)?|this morning))?)"
    r"|(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:change|edit|audit)\s*(?:history|log|trail)\s+"
    r"(?:for|of|on)\s+(?P<ref5>.+?)"
    # "why is björn dubois showing as lost??": who moved them there
    r"|why\s+(?:is|was|does|has)\s+(?P<ref7>.+?)(?:\s+(?:showing|shown|show|listed|marked|sitting|"
    r"been\s+(?:moved|set|marked|put)))?(?=\s+(?:as|in|at|to)\s+(?:lead|qualified|proposal|customer|"
    r"lost|won|churned)\b)"
    r"|(?:where\s+(?:did|have|has)|what\s+happened\s+to)\s+(?P<ref6>(?:all\s+)?(?:my|our|[\w-]+(?:'s|’s|s'))"
    r"\s+(?:[\w-]+\s+)?(?:leads|customers|accounts|clients|deals|prospects))(?:\s+(?:go|gone|went))?"
    r")(?P<rest>\s+(?:to|as|from|into|in|over|off|on|back|lead|qualified|proposal|customer|"
    r"lost|won|churned|prospect)\b.*)?\W*$"
)

# a country said as its people's adjective: "the german leads" are those in Germany
DEMONYMS = {
    "german": "Germany", "french": "France", "british": "UK", "english": "UK", "american": "US",
    "spanish": "Spain", "italian": "Italy", "dutch": "Netherlands", "swiss": "Switzerland",
    "austrian": "Austria", "polish": "Poland", "irish": "Ireland", "canadian": "Canada",
    "australian": "Australia", "mexican": "Mexico", "brazilian": "Brazil", "indian": "India",
    "japanese": "Japan", "chinese": "China", "swedish": "Sweden", "danish": "Denmark",
    "norwegian": "Norway", "finnish": "Finland", "belgian": "Belgium", "portuguese": "Portugal",
}  # fmt: skip
# "can you show me everything about Padaria Estrela?": their profile
EVERYTHING_ABOUT = re.compile(
    r"\beverything (?:about|on|we (?:have|know) (?:on|about))\s+(?P<ref>[^?!.,]+)"
)
# "which cities are jordans customers in": customers counted per town
WHICH_TOWNS = re.compile(r"\b(?:which|what) (?:cities|towns|locations|places) (?:are|is|do|does)\b")


# "undo the analytics pro sale": the last change undone, whatever it is said to be (the undo
# says when the last change is another)
UNDO_NAMED = re.compile(
    r"^(?:(?:hmm+|hm|ok|okay|actually|oops|sorry|wait|no|ugh|argh|damn)\b[\s,.!]*)*(?:please\s+|pls\s+|"
    r"can you\s+)?(?:undo|revert|roll ?back|reverse)\s+(?:the|that|my|this|last|what)\b"
    r"(?!.*\b(?:tag|stage|owner|for|from|on)\s+\S+\s+(?:to|as)\b)"
)
# "X wants that we delete all his data, according to DSGVO": one customer's data erased
ERASURE_ASKED = re.compile(
    r"\b(?:delete|remove|erase)\s+(?:all\s+)?(?:of\s+)?(?:his|her|their|its)\s+(?:personal\s+)?data\b"
    r"|\b(?:dsgvo|lgpd|rgpd|popia|privacy act)\b"
    r"|\bwants?\s+(?:to\s+be|us\s+to)\s+(?:erased|forgotten|deleted)\s+from\s+(?:our|the|your)\b"
)
# "rev" is revenue, but "Rev. Amos", "rev walker rang" name a reverend: a word after it must be one
# a figure is asked with ("rev this month", "rev by rep")
REV = (
    r"rev(?!\.|\s+(?!(?:by|per|this|last|for|vs|v|so|in|from|of|and|to|ytd|mtd|qtd|today|"
    r"yesterday|numbers?|figures?|report|growth|split|breakdown|chart|graph|trend|please|pls|"
    r"month|week|year|quarter|q[1-4]|h[12]|compared|against|over|since|total|overall|"
    r"is|was|were|are|look|looks|looking|up|down|do|did)\b)[a-z])"
)
CUES: list[tuple[str, str]] = [
    ("customer.changes", CHANGE_ASKED.pattern),
    (  # "tom martin toronto - what did he order last": the customer, then what they bought
        "customer.show",
        r"^(?P<ref>[^-–—:?]+?)\s+[-–—:]\s+what\s+(?:did|has|does|do)\s+(?:he|she|they)\s+"
        r"(?:\w+\s+)?(?:order|buy|bought|purchase|purchased|get)\b",
    ),
    ("interaction.log", DOCUMENT_SENT.pattern),
    (  # "get maria to call omar martin today about his nps 4": a task for a colleague
        "task.create",
        r"^(?:(?:pls|please|can you|could you)\s+)?(?:get|have|ask|tell)\s+(?!me\b|us\b|them\b|him\b|"
        r"her\b)[a-z][\w'-]*\s+(?:to\s+)?(?=(?:call|ring|phone|email|e-mail|ping|chase|send|"
        r"follow up|visit|meet|text|book|set up|arrange)\b)",
    ),
    ("customer.update", READY_FOR.pattern),
    ("customer.update", DETAIL_IS.pattern),
    (  # "been out at X all afternoon, …", "viewing done with X …": a visit had
        "interaction.log",
        rf"^\W*(?:(?:today|yesterday|this morning|this afternoon)[\s,]+)?(?:(?:i|we|just)\s+)*(?:called in on|called into|called in (?:at|to)|been out at|was out at|out at|popped in on|{_LEFT_THERE}|"
        r"(?:was|been) at(?!\s+(?:the|a|an|my|our|home|work|lunch|a conference)\b)|(?:was|been) in(?!\s+(?:a|an|my|our|his|her|their|home|work|lunch|touch|bed|town|hospital|the (?:office|car|meeting|loop|middle)|(?:the )?(?:morning|afternoon|evening))\b)|went\s+(?:over\s+|out\s+|round\s+)?to(?!\s+(?:see|a|an|my|our|his|her|their|the (?:bank|gym|office|doctor|dentist|shop|meeting)|lunch|bed|sleep|work|town|school)\b)|on ?site\s*(?:@|at))\s*"
        r"(?=\S)|^\W*(?:viewing|showing|test drive)\s+(?:done\s+|completed\s+)?(?:with|at)\s+",
    ),
    (  # "phone for Omar Jensen at Wayne Logistik?": their details asked for
        "customer.show",
        r"^(?:what(?:'s| is|s)\s+|got\s+|need\s+)?(?:the\s+)?(?:phone|number|mobile|e-?mail|address|"
        r"contact details|details)(?:\s+(?:number|address|#|no\.?))?\s+(?:for|of)\s+"
        r"(?P<ref>(?!(?:the|a|an)\s)(?:(?!\s(?:is|=|about|re|regarding)\s)[^=:])+?)\W*$",
    ),
    ("customer.update", KEPT_WITH.pattern),
    ("customer.update", CHANGE_AFTER_NAME.pattern),  # "Meridian Grain: stage prospect"
    (  # "Zoë García confirmed the quote, 20x CRM Starter at 285 each": a sale
        "purchase.log",
        r"^(?=.*\b(?:confirmed|accepted|approved|signed off on|signed)\s+(?:the\s+|our\s+)?(?:quote|"
        r"quotation|order|proposal|offer|po|deal|renewal)\b.*\d)",
    ),
    (  # "halcyon still haven't signed, push that task to monday": their task
        "task.update",
        r"[,;.]\s*(?:so\s+|pls\s+|please\s+|just\s+)?(?:push|move|postpone|reschedule|bump|shift)\s+"
        r"(?:that|the|this|their|his|her)\s+(?:task|reminder|follow-?up)\s+(?:to|till|until)\b",
    ),
    ("customer.show", BOUGHT_ASKED.pattern),
    ("interaction.log", LEFT_THEM.pattern),
    ("interaction.log", NO_ANSWER.pattern),
    (  # "email sent to Dr. Keane re crown remake": a contact, told with what was sent first
        "interaction.log",
        r"^(?:the\s+|an?\s+)?(?:e-?mail|text|sms|whats ?app|message|msg|quote|proposal|invoice|"
        r"contract|deck|brochure|pricing)\s+(?:was\s+)?(?:sent|emailed|mailed)\s+(?:over\s+)?to\b",
    ),
    ("segment.list", STAGE_COUNTED.pattern),
    (  # "whats on for me tmrw", "what's on today": the sender's tasks of that day
        "task.list",
        r"^(?:so\s+)?(?:what'?s|whats|what is|anything) on (?:for me |for us |my plate |my list )?"
        r"(?:today|tomorrow|this week|next week)\b",
    ),
    (  # "lukas kowalski: support fixed the sso thing, he's happy now": a note on the customer
        "interaction.log",
        r"^(?![^:]*\b(?:log|logged|call|called|rang|e-?mail|e-?mailed|met|meeting|visit|visited|note|"
        r"sent|task|todo|remind|reminder|add|new|sale|nps|update|set|change)\b)"
        r"(?=[a-z][\w .&'’-]{2,40}:\s+(?!.*\b(?:stage|owner|tag|tags|e-?mail|phone|city|title|"
        r"company|bought|ordered|sold|purchased|nps|score|task|remind|delete|remove|interest)\b)"
        r"(?:\w+\s+){0,6}?(?:fixed|said|says|is|are|was|were|has|had|wants|needs|loves|likes|hates|"
        r"happy|unhappy|asked|complained|confirmed|agreed|declined|renewing|renewed|called|emailed|"
        r"chasing|waiting|moving|moved|left|joined|closed|pushed|delayed|back)\b)",
    ),
    (  # "who has the winback tag now": the customers carrying it
        "segment.list",
        r"^(?:and\s+)?(?:who|which (?:customers|accounts|clients)) (?:has|have|carry|carries)"
        r"(?: got)? the ['\"#]?[\w-]+['\"]? tag\b",
    ),
    (  # "sent the invoice to acme": a contact, by e-mail unless said otherwise
        "interaction.log",
        r"^(?:(?:i|we|just|have|had)\s+)*sent(?=\s+(?!(?:from|you|me|them|him|her)\b)\S.{0,50}?\s+"
        r"(?:over\s+|across\s+)?to\s+(?!(?:them|him|her|me|us|you)\b)\w)(?!.*\b(?:done|tick|close|"
        r"complete)\b)",
    ),
    ("customer.show", CUSTOMER_QUESTION),
    ("task.create", rf"^(?={CONTACT_PLANNED.pattern})"),
    (  # "QBR booked w/ Emma Taylor for 15 dec": a meeting to come, kept as a task on its day
        "task.create",
        r"^(?=(?:the |a |an |our )?(?:qbr|call|meeting|demo|visit|lunch|catch-?up|review|kick-?off|"
        r"workshop|onboarding|presentation)\s+(?:is\s+|now\s+)?(?:booked|scheduled|set up|arranged|"
        rf"confirmed|planned)\s+(?:with|w/|for|at)\s.*\b(?:{DATE_PHRASE}))",
    ),
    (  # "lukas kowalski orders", "jonas smith owner?": one detail of a customer, on their profile
        "customer.show",
        r"^(?:(?:what(?:'s|’s|s| is)|whats)\s+)?"  # "What's Tahoe Snowcat Tours' number?"
        r"(?!(?:my|our|your|the|team|all|top|show|list|what|who|how|which|where|when|any|new|"
        r"log|add|change|update|set|recent|last|latest)\b)"
        r"(?P<ref>[^,;:?!]{3,40}?)(?:'s|’s|(?<=s)['’])?\s+(?:orders|purchases|order history|owner|rep|"
        r"account manager|details|profile|info|contact details|phone(?: number)?|number|"
        r"e-?mail(?: address)?)\s*\?*\s*$",
    ),
    (  # "i can't find fatima nakamura in austin anymore?": where they are (or went)
        "customer.show",
        r"^(?:(?:hmm+|um|hey|so)[\s,]+)?(?:i\s+)?(?:can'?t|cannot|couldn'?t|can not)\s+(?:seem\s+to\s+)?"
        r"(?:find|see|locate)\s+(?P<ref>(?!(?:any|my|our|the|her|his|their|it|them|anything)\b)"
        r"[^,;?!]{2,60}?)(?:\s+(?:any\s?more|in the crm|in here|anywhere))*\s*\?*\s*$",
    ),
    (  # "hey why is Pierre Dumas gone?? I met him at the fair", "what happened to X?"
        "customer.show",
        r"^(?:(?:hmm+|um|hey|so|wait)[\s,]+)?(?:(?:why|where)\s+(?:is|has|did)\s+|what(?:'s| has)?\s+"
        r"happened\s+to\s+)(?P<ref>(?!(?:any|my|our|the|her|his|their|it|them|everyone|all)\b)"
        r"[^,;?!]{2,60}?)(?:\s+(?:gone|go|disappeared|vanished|been deleted|deleted|removed))?"
        r"(?:\s+(?:any\s?more|from the crm|from here))?\s*(?:[?!]+.*)?$",
    ),
    (  # "what's Chloé Martin's story?": her profile
        "customer.show",
        r"^(?:so\s+)?what(?:'s|’s| is|s)\s+(?:the\s+)?(?P<ref>[^,;:?!]{2,60}?)(?:'s|’s)\s+(?:story|"
        r"situation|status|deal|background|latest|news|lowdown)\s*\?*\s*$",
    ),
    (  # "customer info Cebu Guitar Makers pls"
        "customer.show",
        r"^(?:customer|client|account|contact)\s+(?:info|details|profile|record|card|file)\s+"
        r"(?:for\s+|on\s+|of\s+)?(?P<ref>[^,;?!]{2,60}?)(?:\s+(?:pls|please|plz|thx|thanks))?\W*$",
    ),
    (  # "whats this emma nguyen thing alex gave me": that customer
        "customer.show",
        r"^what(?:'s|s| is) (?:this|that) (?P<ref>[^,;?]{2,40}?) (?:thing|deal|account|lead|one)\b",
    ),
    # "order history for acme", "what did hugo buy last year": their profile, with their orders
    (
        "customer.show",
        r"\b(?:(?:order|purchase|sales|buying) history|(?:orders|purchases)|(?:last|latest|recent) sales) (?:for|of|with|from|by|to) (?!(?:product|rep|owner|city|channel|segment|day|week|month|stage|each|the team|everyone)\b)(?P<ref>.+)$",
    ),
    (
        "customer.show",
        r"^(?:and )?what(?:'s| has| have| did| does)? (?!(?:we|i|you|they|the team)\b)(?P<ref>[^?]{1,40}?) (?:been )?(?:buy|bought|buying|order(?:ed)?|purchased?)\b",
    ),
    ("customer.update", UNTAG_ONE.pattern),
    (  # "hmm actually undo the toronto move, jordan wants to keep them"
        "undo",
        UNDO_NAMED.pattern,
    ),
    (
        "undo",
        r"^(?:(?:oops|ugh|sorry|argh)\b[^a-z]*(?:[\w']+[\s,.!]+){0,4}?)?(?:please\s+)?(?:undo|revert|roll ?back|take (?:that|it) back)\b(?:\s+(?:that|it|this|last|the|my|change|one|please|last change))*\W*$",
    ),
    (  # "ignore that last change I made, please put it back": the last change taken back
        "undo",
        r"(?:^|[,;.!]\s*)(?:(?:please|pls|just)\s+)?(?:put|set|change)\s+(?:it|that|this|everything|"
        r"things)\s+back(?:\s+(?:the way it was|as it was|to how it was))?\W*$"
        r"|\b(?:ignore|forget|scrap)\s+(?:that|the|my)\s+last\s+(?:change|edit|update)\b",
    ),
    (  # "wait sam is mid-deal with bjorn, undo": the reason first, then the undo
        "undo",
        r"[,;.!]\s*(?:so\s+)?(?:pls\s+|please\s+)?(?:undo|revert|roll ?back|reverse)(?:\s+(?:that|it|this|the last (?:one|change)|last change|please|pls))*\W*$",
    ),
    (
        "help",
        r"^(?:help|hlep|halp|\?+|commands|menu|what can (?:you do|i (?:ask|say|do))(?: you| here)?)\W*(?P<topic>(?<=help\W)[a-z].*|(?<=help)\s+[a-z].*)?$",
    ),
    ("help", r"^how (?:do|can) (?:i|we|you) (?!approach\b)(?P<topic>.+?)\W*$"),
    (  # "what products do we sell?", "price list pls": the catalogue
        "help",
        r"^(?:(?:can you |could you |pls |please )?(?:show|send|give|list|get)(?: me| us)? |what'?s |where'?s )?"
        r"(?:the |our |a |your )?(?P<topic>(?:what|which) (?:products?|things|stuff|items) (?:do|can|does) "
        r"(?:we|the company|the team) (?:sell|offer|have|stock)|what (?:do|can) we (?:sell|offer)|"
        r"(?:full |current |latest )?(?:product (?:list|catalog(?:ue)?|range)|price ?list|catalog(?:ue)?|"
        r"list of (?:products|prices)|products? (?:and|&|with) prices|(?:all |our )?products we sell))"
        r"(?: again)?(?: pls| please)?\W*$",
    ),
    ("help", r"^how (?:do|does) (?P<topic>[a-z ]+?) work\W*$"),
    (  # "what can you do? quick overview pls", "quick overview of what you can do"
        "help",
        r"^(?:(?:quick |short |brief )?(?:overview|rundown|summary|tour) (?:of )?)?what (?:can you|do you|you can) "
        r"do\b[?.!\s]*(?:(?:a |give me a |quick |short |brief )*(?:overview|rundown|tour|list|"
        r"summary)\b)?(?:\s*(?:pls|please|plz|thanks|thx))?\W*$",
    ),
    (  # "where can I see my open tasks? is there a command?"
        "help",
        r"^(?:where|how) (?:can|do|would|should) (?:i|we) (?P<topic>(?:see|find|view|check|look at|get) "
        r"[^?.!]+?)\?+\s*(?:is there a (?:command|way|shortcut)|what do i (?:type|say))\W*$",
    ),
    (
        "digest.unsubscribe",
        r"\b(?:stop|unsubscribe|cancel|quit|turn off|switch off|disable|no more|don'?t send|don'?t want|"
        r"do not (?:send|want)|dinnae want|rather not (?:receive|get|have)|no longer (?:receive|get|want)|"
        r"pause|no me mandes)\b.*\b(?:digests?|daily summary|morning summary|briefing)\b",
    ),
    (
        "digest.unsubscribe",
        r"\b(?:digests?|daily summary|morning summary|briefing)\b.*\b(?:unsubscribe|no more|"
        r"off\b(?!\s+(?:sick|ill|work|today|tomorrow|on (?:leave|holiday|vacation)))|"
        r"any ?more|anymair|any longer|stop (?:it|that|them|sending))\b",
    ),
    (
        "digest.subscribe",
        r"\b(?:subscribe|sign me up|turn on|switch on|enable|move my|change my|every (?:day|morning|weekday)|daily at|each morning|start (?:receiving|getting)|(?:want|like) to (?:receive|get))\b.*\b(?:digest|daily summary|morning summary|briefing)\b",
    ),
    (
        "digest.subscribe",
        r"\b(?:digest|daily summary|briefing)\b.*(?:\b(?:every (?:day|morning|weekday)|daily|each morning)\b|"
        r"\b(?:[5-9]|1[01])\s+(?:o'?clock\s+)?in the morning\b|\bin the morning\W+(?:[5-9]|1[01])\s+(?:would|is|works|please|ideally)\b|\b(?:at|@)\s*(?:\d|noon|midday|midnight)|\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b)",
    ),
    (
        "digest.subscribe",
        r"^(?:/crm\s+)?(?:daily\s+)?digest\s+(?:at\s+|@\s*)?\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\W*$"
        r"|^(?:/crm\s+)?(?:daily\s+)?(?:digest|daily summary|briefing)\s+(?:on|back on|please)\W*$",
    ),
    (  # "send me that every weekday at 8.15": the digest is what the bot sends on a clock
        "digest.subscribe",
        r"^(?:(?:pls|please|can you|could you|ok|and)\s+)*send (?:me |us )?(?:that|this|it)(?: one)?\s+"
        r"(?:every|each|daily|on weekdays|weekdays|at|@)\b(?=.*(?:\d|noon|morning))",
    ),
    (  # "digest on weekdays only", "no digest on sat/sun"
        "digest.subscribe",
        r"\b(?:digest|daily summary|briefing)\b.*\b(?:weekdays?|mon(?:day)?\s*(?:-|–|to)\s*fri(?:day)?|weekends?|sat(?:urday)?\s*(?:/|and|or|&)\s*sun(?:day)?)\b|\b(?:weekdays?|weekends?)\b.*\b(?:digest|daily summary|briefing)\b",
    ),
    ("digest.show", r"\b(?:digest|daily summary|morning summary|briefing|daily report)\b"),
    (
        "customer.forget",
        r"^(?!.*\b(?:let me|remind me|not to|never|(?:i|we|you) (?:don'?t|do not|won'?t|will not)) forget).*\b(?:forget|forgotten|erase|erasure|anonymi[sz]e|wipe|purge)\b",
    ),
    (
        "customer.forget",
        r"^(?:please |gdpr:? )?(?:delete|remove)\b.*\b(?:(?:personal|their|his|her) (?:data|details)|all (?:the )?data|everything (?:we|about)|completely)\b",
    ),
    ("task.update", TASKS_HANDED_OVER.pattern),
    ("task.update", TASK_GIVEN.pattern),
    (  # "Jordan is taking over Sam's New York accounts": a colleague's selection handed over
        "customer.bulk_update",
        r"^[\w'-]+(?:\s[\w'-]+)?\s+(?:is|will be|'s)\s+(?:taking over|taking on|picking up|inheriting)\s+"
        r"[\w'-]+(?:'s|’s)\s+.*\b(?:accounts|customers|clients|leads|book|prospects)\b",
    ),
    (  # "Mia Fischer at Summit & Söhne goes to Sam Patel": one customer handed over
        "customer.update",
        rf"^(?!.*\b(?:tasks?|reminders?|all|every)\b)[^,;?]+?{GOES_TO}",
    ),
    (  # "what did Maria sell today?": her sales
        "report.show",
        r"\bwhat (?:did|has|have) (?:[\w'-]+ )?(?:sell|sold)\b|\bhow much (?:did|has|have) (?:[\w'-]+ )?"
        r"(?:sell|sold)\b",
    ),
    (
        "customer.bulk_update",
        r"^(?:please |pls |can you |bulk:? )*(?:bulk[- ]?)?(?:move|tag|label|assign|reassign|set|mark|delete|remove|hand|give|change|update|put|transfer|drop|archive)\b.*\b(?:all|every|everyone|everybody|each|bulk)\b",
    ),
    (  # "qualified customers not contacted in 60 days -> back to lead": a selection, then a stage
        "customer.bulk_update",
        r"\b(?:customers|accounts|clients|leads|prospects|proposals|ones|deals|contacts)\b[^>→]*"
        r"(?:->|→|=>)\s*(?:(?:move|set|put|mark)\s+)?(?:(?:back|them|all)\s+)*(?:to\s+|as\s+)?"
        r"(?:lead|qualified|proposal|customer|lost|won|prospect|churned)\W*$",
    ),
    (  # "split jordan's accounts between maria and sam"
        "customer.bulk_update",
        r"^(?:(?:please|pls|can you|could you|ok|so|now)[\s,]+)*(?:split(?: up)?|divide(?: up)?|"
        r"share out|distribute|spread|carve up)\s+.*\s(?:between|among|amongst|across)\s+\w",
    ),
    (  # "give priya's proposals to lee", "reassign all of dana's hardware leads to sam"
        "customer.bulk_update",
        r"^(?:(?:please|pls|can you|ok|okay|so|then|now)[\s,]+)*(?:(?:move|reassign|assign|give|"
        r"hand(?: over)?|transfer|pass)\s+|(?=[a-z][\w-]*(?:'s|’s|s')\s))"
        r"(?:all\s+(?:of\s+)?)?[a-z][\w-]*(?:'s|’s|s')?\s+"
        r"(?:[\w'-]+\s+){0,3}?(?:customers|accounts|accts|clients|leads|prospects|proposals|deals|"
        r"book|ones)\b[^,;]{0,40}?\s+(?:over\s+)?to\s+(?!(?:date|now|today)\b)\w",
    ),
    (  # "give sam maria's toronto accounts": the new owner said first
        "customer.bulk_update",
        r"^(?:(?:please|pls|can you|ok|okay|so|then|now|and)[\s,]+)*(?:give|hand|pass)\s+"
        r"(?!(?:me|him|her|them|us)\b)[\w-]+\s+[\w-]+(?:'s|’s)\s+(?:[\w-]+\s+){0,5}?"
        r"(?:customers|accounts|clients|leads|prospects|proposals|deals|book|ones)\b",
    ),
    (  # "his qualified + proposal ones go to maria", "everything else jordan still has goes to sam"
        "customer.bulk_update",
        r"\b(?:ones|customers|accounts|clients|leads|deals|prospects|proposals|everything|the rest)\b"
        r"(?:\s+(?:else\s+)?[\w'-]+\s+(?:still\s+)?(?:has|owns|holds))?\s+(?:should\s+|can\s+|will\s+)?"
        r"(?:go|goes|move|moves)\s+(?:over\s+)?to\s+\w",
    ),
    (  # "the two leads should be qualified now": a stage said of a few of the list shown
        "customer.bulk_update",
        r"\b(?:ones|customers|accounts|clients|leads|prospects|proposals|they|those|these|them)\s+"
        r"(?:should|must|need to|can)\s+(?:now\s+|all\s+)?be\s+(?:in\s+|marked\s+(?:as\s+)?)?"
        r"(?:lead|qualified|proposal|customer|won|lost)\b",
    ),
    (  # "anything in proposal with no contact for 60 days should drop back to qualified"
        "customer.bulk_update",
        r"\b(?:anything|everything|everyone|anyone|all|any)\b.*\b(?:should|must|can|to|will)\s+"
        r"(?:drop|go|move|fall|be moved|be set|be marked)\s+(?:back\s+)?(?:to|into|as)\s+(?:stage\s+)?"
        r"(?:lead|qualified|proposal|customer|lost|won)\b",
    ),
    (  # "actually just the top 2 of them to lee": the first of the list just shown
        "segment.list",
        r"^(?:(?:actually|ok|okay|so|and|now)[\s,]+)*(?:just\s+|only\s+)?(?:the\s+)?(?:top|first|best|"
        r"biggest)\s+\d+\s+of\s+(?:them|those|these)\b",
    ),
    (  # "give those to maria, shes in berlin anyway": the customers just listed
        "customer.bulk_update",
        r"^(?:(?:please|pls|can you|ok|okay|so|then|now|and)[\s,]+)*(?:move|reassign|assign|give|"
        r"hand(?: over)?|transfer|pass)\s+(?:all\s+(?:of\s+)?)?(?:those|these|them all|the lot)\s+"
        r"(?:over\s+)?to\s+\w",
    ),
    (  # "close out as lost any proposal nobody's contacted in 90+ days"
        "customer.bulk_update",
        r"^(?:(?:please|pls|ok|so|then|now|and)\s+)*close\s+(?:(?:them|those|these|out)\s+)*as\s+(?:lost|won)\b",
    ),
    (  # "everyone tagged X also gets tagged Y": a change, not a list
        "customer.bulk_update",
        r"\s(?:also\s+|now\s+)?(?:gets?|should (?:get|be)|is to be|are to be|needs to be)\s+tagged\s+\S",
    ),
    (  # "tag those 16 stale-lead": the list just shown, tagged
        "customer.bulk_update",
        r"^(?:(?:please|pls|ok|okay|so|then|now|and)[\s,]+)*(?:tag|label)\s+(?:them|those|these)"
        r"(?:\s+(?:all|\d{1,4}))?\s+(?:as\s+|with\s+)?['\"#]?[\w-]+['\"]?\W*$",
    ),
    (  # "move the berlin customers to sam", "give the london ones to maria"
        "customer.bulk_update",
        r"^(?:(?:please|pls|can you|ok|okay|so|then|actually|now)[\s,]+)*(?:move|reassign|assign|give|hand(?: over)?|transfer|pass)\s+(?:the|my|our|these|those|his|her|their)\s+(?:[\w'-]+\s+){0,3}?(?:customers|accounts|clients|leads|prospects|ones|contacts|deals)\s+(?:over\s+)?to\s+\w",
    ),
    (
        "customer.bulk_update",
        r"^(?:(?:please|pls|can you|ok|okay|ok then|so|then|actually|right)[\s,]+)*(?:delete|remove|archive|purge|clear out|get rid of|bin|wipe|kill|nuke)\b.*\b(?:customers|accounts|clients|leads|contacts|prospects|ones)\b|[,;:-]\s*(?:delete|remove|bin|trash|archive) (?:them|these|those)(?: all)?\W*$",
    ),
    (
        "customer.bulk_update",
        r"^(?:please |pls |can you )*(?:un-?tag\b|(?:remove|take|drop|strip|clear)\s+(?:the\s+)?(?:tag\s+\S+|\S+\s+tag)\s+(?:off\s+)?(?:from|for|on|off)\b)|\b(?:any|all|every|everyone|everybody|each)\b.*[,;:–—-]\s*(?:(?:please|pls|then|and)\s+)?(?:mark|move|set|tag|reassign|give|hand|delete|remove)\b|(?:->|→|=>)\s*(?:reassign|move|give|hand)\b|^[\w-]+(?:'s|’s)\s.*\b(?:customers|accounts|clients|leads|prospects|proposals)\b.*(?:->|→|=>)|[,;:–—-]\s*(?:then\s+|please\s+|pls\s+)?(?:tag|mark|move|reassign|give|hand|delete|remove|bin)\s+(?:them|these|those|em|'em)\b|\b(?:delete|remove)\s+(?:all|every)\b",
    ),
    (
        "customer.restore",
        r"^(?:please |pls |can you )*(?:restore|undelete|recover|bring back|un-?delete)\b|\bbring\s+(?!(?:it|them|the|up)\b)\S.{0,60}?\s+back\b|\b(?:restore|undelete|bring back|un-?delete) (?:her|him|them|it|#\d+)\b|\bput (?:her|him|them|it|#\d+) back\b(?!\s+(?:to|in|into|on|as|at)\b)",
    ),
    ("customer.restore", BIN_LISTING.pattern),
    ("customer.restore", TAKEN_OUT_OF_IT.pattern),  # "take X back out of that": as before it
    ("interaction.update", CONTACT_FIXED.pattern),  # "it was a call not an email"
    ("interaction.update", CONTACT_MOVED.pattern),  # "that call with X was with Y"
    ("purchase.update", SALE_FIXED.pattern),  # "oh wait it was 24,500 not 24000"
    ("interaction.delete", ENTRY_REMOVED.pattern),  # "delete today's call with hugo silva"
    ("purchase.delete", ENTRY_REMOVED.pattern),  # "remove the last sale to cyberdyne"
    (
        "customer.delete",
        r"^(?:please |pls |can you |could you )*(?:delete|del|rm|remove|trash|drop|get rid of|archive|bin|scrap|nuke)\b(?!.*\b(?:personal data|all (?:the )?data|gdpr|tasks?|reminders?|tags?|notes?)\b)"
        r"(?!(?:\s+[\w'-]+){1,5}\s+(?:e-?mails?|calls?|meetings?|visits?|sales?|orders?|purchases?)"
        r"(?:\s+(?:dated|from|on|logged|of|with|to|yesterday|today)\b|\W*$))"
        rf"|{TAKEN_OUT.pattern}",
    ),
    (  # "created Greenleaf twice, could you delete the second one?"
        "customer.delete",
        r"\b(?:created|added|entered)\s+\S.{0,60}?\s+twice\b|\b(?:delete|remove|bin)\s+the\s+(?:second|duplicate|dupe|extra|other)\s+(?:one|record|entry)\b",
    ),
    ("customer.forget", r"^(?:gdpr:? )(?:delete|remove)\b"),
    ("customer.forget", ERASURE_ASKED.pattern),
    (
        "customer.export",
        r"\b(?:subject access|sar|data access request|gdpr (?:request|export|access|copy|report))\b|^gdpr\b",
    ),
    (
        "customer.export",
        r"\b(?:copy of (?:his|her|their|my|all) (?:personal )?data|what (?:personal )?data do we (?:hold|have|keep|store))\b",
    ),
    (  # "X requests an extract of all their personal data under GDPR article 15"
        "customer.export",
        r"\b(?:extract|copy|export|access)\b.{0,30}\bpersonal (?:data|information)\b|\barticle 15\b",
    ),
    (
        "customer.export",
        r"\b(?:export|download|send me|give me|dump)\s+(?:all\s+(?:the\s+)?(?:personal\s+)?(?:data|info|information|details)|everything)\b",
    ),
    ("customer.export", r"^export\s+\S.*(?:'s|’s) (?:personal )?(?:data|record|details)\W*$"),
    (
        "purchase.log",
        r"^(?!.*\b(?:hasn'?t|haven'?t|didn'?t|never|not|who|which|how much|revenue|report)\b)(?=.*(?:[$€£]\s?-?\d|\d\s?[km]\b|\d[\d,.]*\s?(?:usd|eur|gbp|dollars|euros?|pounds|quid)\b|\d+\s*(?:seats?|licen[cs]es?|units?|users?)\b)).*\b(?:signed|closed|won|renewed|paid|deal|contract|booked|invoiced|bought|purchased|ordered)\b",
    ),
    ("task.update", TASK_CHANGED.pattern),
    ("task.list", TASK_ASKED.pattern),
    ("task.update", TASKS_PUT_OFF.pattern),
    ("task.update", TASK_MOVED.pattern),
    (
        "task.complete",
        r"^(?:i'?m |i am |all )?(?:done|finished|completed?|closed?|tick(?:ed)? off|check(?:ed)? off|ticked)\b(?!\s+(?:tasks|to-?dos)\b)(?!\s+(?:a|the|another|an)\s+(?:deal|sale|order))(?!\s+(?:call|email|meet|with (?:the )?(?:call|meeting)))",
    ),
    ("task.complete", r"^mark(?:ed)?\b.*\b(?:done|complete|completed|finished)\W*$"),
    (  # "I finish the task of Marina Porto Belo", "i've done my task for acme"
        "task.complete",
        r"^i(?:'ve| have)?\s+(?:just\s+)?(?:finish(?:ed)?|complete[d]?|done|did|closed?)\s+(?:the|my|that)\s+"
        r"(?:task|to-?do|reminder|follow up)\b",
    ),
    ("task.list", r"^(?:my\s+|the\s+)?follow ?ups?\s+list\b"),  # "f/u list this wk"
    (
        "task.complete",
        r"(?<=[,;.!-] )(?:so\s+)?(?!all\s+sorted)(?:both|all|each|all of them|both of them|them all)\s+(?:are\s+|now\s+)?(?:done|complete|completed|sorted|closed)\W*$|\btick\s+(?:both|them all|them both|all of them)\s+off\W*$",
    ),
    (
        "task.complete",
        r"^(?:task\s+)?#?\d{1,7}\s+(?:is\s+|was\s+|has\s+been\s+|got\s+)?(?:done|complete|completed|"
        r"finished|closed|attended to|sorted|handled|dealt with)\b",
    ),
    (
        "task.create",
        r"^(?:please |pls |hey |can you |could you |kindly )*(?:remind me|set (?:a|me a) reminder|(?:may|can|could) i (?:request|have|get|ask for|set) (?:a |me a )?reminder|(?:pop|put|stick|chuck|pencil|arrange) (?:in )?(?:a |me a )?reminder(?: in)?|add (?:a )?(?:reminder|task|to-?do)|create (?:a )?(?:task|reminder|to-?do)|new (?:task|reminder|to-?do)|reminder|to-?do|task|don'?t let me forget|ping me|nudge me|note to self)\b(?:\s*(?:to|for|that)\b|\s*:)?",
    ),
    (  # "X keen on the new tier, wants a demo next tue - remind me to set it up monday"
        "task.create",
        r"(?:[,;.!?]|\s[-–—])\s+(?:(?:so|and|pls|please)\s+)*(?:remind me|nudge me|ping me)\s+to\b",
    ),
    (
        "task.create",
        r"^(?:i )?(?:need to|have to|must|should|gotta|got to)\s+(?=(?:call|email|ping|chase|send|follow up|meet|visit|text|ring|check)\b)"
        r"|^(?:please |pls )*(?:i )?(?:need|have|must|got)(?: to)? remember to\s+|^(?:please |pls )*(?:i )?(?:must(?: not)?|mustn'?t) forget to\s+",
    ),
    (
        "task.create",
        rf"^(?=(?:follow up|check in|circle back|chase|call|email(?!\s+from\b)|ping)\s+(?:with\s+|on\s+)?\S.*\b(?:{DATE_PHRASE})\W*$)",
    ),
    (
        "task.list",
        r"\b(?:my|all|open|show|list|pending|any)\b.*\b(?:tasks?|to-?dos?|reminders|follow ups?)\b|^(?:tasks?|to-?dos?|reminders)\b(?!\s+(?:for|to)\s+(?!today|this|the week|tomorrow))",
    ),
    (
        "task.list",
        r"^(?:anything|something|what'?s|what is) (?:due|overdue|late)\b|^what'?s (?:overdue|due|late|left to do|on my (?:plate|list|to-?do list))|^what is (?:overdue|due)|^what do i (?:have|need to do)|^(?:anything|what'?s) overdue|^which tasks|^overdue\b|^agenda\b",
    ),
    (
        "nps.record",
        r"^(?:log|record|add|note|enter)\s+(?:an?\s+)?nps\b(?=.*\d)|^(?=.*(?<![\w#$€£./])(?:10|\d)(?![\w.,%])(?!\s+(?:of\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b)).*\bnps\b|\b(?:rated us|scored us|gave us (?:a |an )?\d{1,3}\b|(?:'d|would|will|'ll)(?:\s+now)?\s+rate\s+us\s+(?:an?\s+)?(?:10|\d)\b|gave (?:10|\d)\b|(?:gave|give|gives)(?: us)? (?:a )?(?:note|nota|grade|rating|score) (?:of )?-?\d{1,3}\b|(?:10|\d) (?:out of|of|on) 10|(?:10|\d)/10)|\bnps\s+-?\d{1,3}\s*/\s*10\b|^(?:nps|score)\s+(?!(?:for|of|by|per|this|last|report|trend|score)\b)[a-z][\w' .-]{1,60}?\s+-?\d{1,3}\W*$|^[^:–—]{2,60}(?::|\s[–—-])\s*(?:nps\s+)?(?:score|rating|rated)\s*:?\s*-?\d{1,2}\b(?!\s*(?:%|days?|pts|points))|^(?:(?:nps|new)\s+)?survey\s+(?:answer|response|result|reply)s?\s+(?:from|by)\s+[^,:;]{2,50}?[\s,:–—-]+(?:10|\d)\b(?![\w.,%/])",
    ),
    ("task.list", TASKS_DONE_ASKED.pattern),  # "how many tasks did the team complete today"
    ("segment.list", DUPLICATES_ASKED.pattern),  # "any duplicate customers?"
    ("task.complete", TICK_THAT_OFF.pattern),  # "Sent the proposal to Kestrel, tick that one off"
    ("report.show", NOTHING_LOGGED.pattern),  # "who hasn't logged anything today"
    ("report.show", FORECAST_ASKED.pattern),  # "forecast for the team next 12 months"
    (  # "how's december looking so far", "how is the quarter shaping up": that period's figures
        "report.show",
        rf"^(?:so\s+)?how(?:'s| is| are| does)\s+(?:{MONTH}|(?:this|the) (?:month|week|quarter|year)|"
        r"q[1-4])\s+(?:looking|going|shaping up|doing)\b",
    ),
    (  # "pipeline now?", "the pipeline again": the stages, once more
        "report.show",
        r"^(?:and\s+|so\s+)?(?:the\s+|our\s+|my\s+)?pipeline(?:\s+(?:now|again|today|pls|please|"
        r"update|status|looking))+\W*$",
    ),
    (  # "what does jordan have open now", "whos got the most overdue stuff": tasks
        "task.list",
        r"^what (?:does|do|has) [\w'-]+ (?:have|got) (?:open|on|left|due|overdue|outstanding|pending)\b"
        r"|^what(?:'s| is|s) [\w'-]+ got (?:open|on|due|overdue|outstanding|pending)\b"
        r"|^(?:who|which rep)(?:'s| has| have)? (?:got )?(?:the )?most (?:overdue|open|late)\b",
    ),
    (  # "what's jordan been up to today?": what he logged
        "interaction.history",
        r"^(?:so\s+)?what(?:'s| has| have)\s+(?!(?:i|we|you)\b)[a-z][\w'-]*\s+been\s+(?:up to|doing|"
        r"working on)\b",
    ),
    (  # "what's the status of Kapeng Barako Café?", "display the full profile of X"
        "customer.show",
        r"^(?:(?:please|pls|kindly|can you|could you)\s+)*(?:what'?s|what is|whats|how'?s|how is)\s+"
        r"the\s+(?:status|latest|story|situation|deal)\s+(?:of|on|with|from|at)\s+"
        r"|^(?:(?:please|pls|kindly|can you|could you)\s+)*(?:display|show|view|see|open)\s+(?:me\s+)?"
        r"(?:the\s+)?(?:full\s+|complete\s+|whole\s+)?(?:profile|record|details|card)\s+(?:of|for)\s+",
    ),
    (  # "when was tom's last order?", "when did kenji last buy": the profile, with the orders
        "customer.show",
        r"^when (?:was|is|were) (?P<ref>.+?)(?:'s|’s|s')\s+(?:last|latest|most recent|previous|"
        r"first)\s+(?:few\s+)?(?:orders?|purchases?|sales?)\b"
        r"|^when (?:did|has) (?!(?:we|i|you|they)\b)(?P<before>.+?)\s+last\s+(?:buy|order|purchase)\b",
    ),
    (
        "interaction.history",
        r"\b(?:history|timeline|contact log)\b|^when did (?:we|i) last\b|^what did (?:we|i) (?:talk about|discuss|say|speak about)\b|^what (?:did|have) (?:we|i) (?:do|done|log|logged|discuss|discussed) (?:with|for|about)\b|\bhow many times (?:have|did) (?:we|i)\b|^(?:(?:show|list|get|see|view|pull up)\s+(?:me\s+)?)?(?:my\s+|the\s+|all\s+|any\s+)?(?:last|latest|recent|past|previous|all)\s+(?:\d+\s+)?(?:calls|emails|e-mails|meetings|texts|visits|notes|chats|contacts|interactions|touchpoints|call|email|meeting|visit)\b(?!\s+(?:this|last|by|per))|^(?:list\s+|show\s+(?:me\s+)?)?(?:calls|emails|meetings|texts|chats|visits|notes|interactions|contacts)\s+(?:with|to|for|on)\b|^any contact with\b|^(?:show |list )?(?:recent )?interactions\W*$",
    ),
    (
        "report.show",
        r"\b(?:chart|graph|plot|report|trend|breakdown|how much (?:revenue|did we (?:sell|make|earn))|revenue|revnue|sales|turnover|"
        rf"{REV}|income|nps)\b",
    ),
    (
        "report.show",
        rf"{TEAM_LIST.pattern}|{TEAM_SCORECARD.pattern}|{BOOK_VALUE.pattern}|^pipeline\W*$|^(?:show|see|view|give)(?: me| us)? (?:the |our |my )?pipeline\W*$|"
        r"^(?:show (?:me )?)?(?:the |our )?(?:top (?:selling )?products|best[- ]?sell(?:ing|ers))\b|\bhow does (?:the|my|our|[\w-]+'?s) pipeline look\b",
    ),
    ("report.show", WHICH_TOWNS.pattern),  # "which cities are jordans customers in"
    ("report.show", DEALS_CLOSED.pattern),  # "win rate this quarter", "deals lost this month"
    ("report.show", AVERAGE_ORDER.pattern),  # "average order value per rep, last 30 days"
    ("customer.show", EVERYTHING_ABOUT.pattern),
    (  # "get maria to call chloe martin by monday": a task for maria
        "task.create",
        r"^(?:get|have|ask|tell)\s+(?!me\b|us\b|them\b|him\b|her\b)[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?\s+to\s+(?=(?:call|ring|email|ping|chase|send|follow up|visit|meet|check|text|book)\b)",
    ),
    (  # "give jordan a task to call oliver", "set sam a task: …"
        "task.create",
        r"^(?:set|give|make|create|add|assign|send)\s+[a-z][\w'-]*\s+(?:an?\s+)?(?:task|reminder|to-?do)\b",
    ),
    ("segment.list", HANDED_TO_ME.pattern),  # "which ones did I just get from sam"
    (  # "who is tagged london-key", "which accounts are tagged vip": the customers with that tag
        "segment.list",
        r"^(?:who|which (?:customers|clients|accounts|ones|leads))(?:'s| is| are| has| have)?\s+(?:been\s+)?(?:tagged|labell?ed)\b",
    ),
    (  # "who bought analytics pro", "which accounts have purchased API access": its buyers
        "segment.list",
        r"^(?:(?:so|and|ok|now)\s+)?(?:who|which (?:customers|clients|accounts|ones))(?:'ve| has| have| already)?\s+(?:ever\s+)?(?:bought|purchased|ordered)\b",
    ),
    (  # "how many are tagged winback now": the customers with that tag
        "segment.list",
        r"^how many (?:customers |clients |accounts |of them |people )?(?:are |have been )?(?:tagged|labelled|labeled)\b",
    ),
    ("interaction.history", MENTIONING.pattern),  # "contacts mentioning delivery since 1 dec"
    ("task.update", TASK_DROPPED.pattern),  # "drop his apology call task"
    ("task.complete", TASK_DONE_SAID.pattern),  # "recovery call done": that task, closed
    ("task.create", MAKE_THAT_A_TASK.pattern),  # "ok make the first one a task for tomorrow"
    ("interaction.log", CAME_IN.pattern),  # "Sr. Joaquim came in today, asked for a gift box"
    (  # "what did the team log today": the contacts logged
        "interaction.history",
        r"(?:^|[-–—:;,.]\s+)what (?:did|has|have) (?:the team|everyone|the reps|[\w-]+) (?:log|logged|do|done)\b"
        r"|^(?:so\s+)?what(?:'?s| has)? (?:been )?happen(?:ed|ing)\b(?!\s+(?:with|to|at|on|for)\b)"
        r"|^(?:(?:show|see)\s+(?:me\s+)?)?(?:the\s+)?(?:team'?s?\s+|today'?s\s+|my\s+)?activity"
        r"(?:\s+(?:log|feed))?(?:\s+(?:today|yesterday|this week|last week)|\W*$)",
    ),
    (  # "and by stage?", "what does the pipeline look like for maria"
        "report.show",
        r"^(?:the )?(?:pipeline |stages |sales pipeline )?(?:stages|pipeline) (?:for|of) [\w'-]+\b|\b(?:by|per|in each|for each) (?:pipeline )?stage\b|\bhow many (?:are )?in each stage\b|\bstage (?:counts?|totals?|numbers)\b|^(?:show\s+(?:me\s+)?|list\s+)?(?:my|our|the|\w+'?s) pipeline\W*$|\bpipeline (?:by|per) (?:rep|owner|person)\b|\bpipeline (?:summary|overview|breakdown|report)\b|\bwhat(?:'?s| does| do) (?:the|my|our|\w+'?s) pipeline look(?:s|ing)? like\b|\bhow(?:'s| is) (?:the|my|\w+'?s) pipeline\b",
    ),
    (
        "report.show",
        r"^(?:(?:show|list|give|get|see)\s+(?:me\s+|us\s+)?)?(?:(?:all|the|our|every|of)\s+)*(?:tags|interests|product interests|segments|(?:pipeline |sales )?stages)\W*$|\b(?:what|which|all the|list of|list the)\s+(?:tags|interests|product interests|segments|(?:pipeline |sales )?stages)\b(?!\s+(?:does|do|did|has|have)\s+(?!we\b|the team\b|(?:our |the |my )?customers\b|people\b)\S)|\b(?:tags|interests|stages) (?:in use|are there|do we (?:use|have))\b|\b(?:how many|count|number of) (?:customers|accounts|clients) (?:per|by|for each|with each) (?:tag|interest)\b",
    ),
    (
        "report.show",
        r"\b(?:how many|number of|count of|total)\.*\b(?:calls|meetings|interactions|orders|purchases|deals|customers|clients|contacts|emails|sales)\b",
    ),
    (
        "report.show",
        r"\b(?:calls|meetings|interactions|orders|purchases|contacts|emails|new customers|customers|signups)\b.*\b(?:by|per) (?:day|week|month|rep|owner|salesperson|seller|person|product|segment|channel|city)\b",
    ),
    (
        "report.show",
        r"\b(?:calls|meetings|interactions|orders|purchases|new customers|contacts|emails|visits)\b\s+"
        r"(?:(?:made |logged |done )?(?:by|from) (?:the team|everyone|me|us|[\w-]+)\s+)?(?:today|yesterday|this|last)\b",
    ),
    (
        "purchase.log",
        r"^(?!.*\b(?:hasn'?t|haven'?t|hadn'?t|didn'?t|never|not|who|which)\b).*\b(?:sold|bought|bougth|purchased|ordered|renewed|signed up for|upgraded to|new order|sale to|closed (?:a |the )?deal|(?:log|record|add|register)(?:ged|ed)? (?:a |the )?(?:purchase|sale|order))\b",
    ),
    (
        "customer.create",
        r"^(?:please |pls |can you )?(?:add|create|register|enter|onboard|new)(?:\s+a)?(?:\s+new)?\s+(?:customer|contact|client|lead|prospect|account|person)\b(?!s)(?!\s+(?:to|as|for|in)\b)\s*(?:called|named)?:?\s*",
    ),
    (
        "customer.create",
        r"^(?:please )?add\s+(?=.+\bas (?:a )?new (?:customer|contact|client|lead)\b)",
    ),
    (  # "another one: Pierre Dumas at Galaxie SA, pierre@…", "fair lead: Lena Vogt, +49 …"
        "customer.create",
        r"^(?:another(?: one)?|one more|(?:[\w-]+\s+){0,2}(?:lead|contact|prospect))\s*:\s*"
        r"(?=[^:]*(?:@|\+?\d[\d ()-]{6,}))",
    ),
    (
        "customer.update",
        r"^(?:please |pls )?(?:change|set|update|updte|edit|correct|fix|make|move|put|mark|tag|label|assign|reassign|hand over|rename)\b|^add (?:the )?tag\b|\b(?:'s|’s) (?:new )?(?:email|e-mail|phone|number|mobile|title|job title|city|company|owner|stage|country|name) (?:is|should be|=)\b|\bis (?:now )?an? (?:lead|prospect|customer)\b.*\b(?:now|stage)\b",
    ),
    (  # "no wait leave him in proposal", "keep hugo silva in qualified": a stage kept
        "customer.update",
        r"^(?:(?:no|wait|actually|sorry|ok|oh)[\s,.!]+)*(?:keep|leave)\s+(?!(?:them|those|these|all|"
        r"every\w*|the\s+\w+s)\b)[^,;]{1,40}?\s+(?:in|as|at)\s+(?:an?\s+)?(?:lead|qualified|proposal|"
        r"prospect|customer|won|lost)\b",
    ),
    (  # "remove the interest 'hardware' from her", "drop analytics from Jane's interests"
        "customer.update",
        r"^(?:please |pls )*(?:remove|delete|drop|take)\s+(?:the\s+)?interests?\s|"
        r"^(?:please |pls )*(?:remove|delete|drop|take)\s.*\binterests?(?:\s+list)?\W*$",
    ),
    (  # "add analytics to her interests", "she's interested in analytics"
        "customer.update",
        r"^(?:add|put|note|record)\b.*\binterests?(?:\s+list)?\W*$|^(?:she|he|they)(?:'s|’s|'re| is| are)\s+(?:now\s+|also\s+|really\s+)?(?:interested in|keen on)\b",
    ),
    (  # "lena vogt interested in CRM Enterprise": someone named, and what they want
        "customer.update",
        r"^(?!(?:who|whos|who's|which|what|any|anyone|anybody|list|show|find|get|give|pull|all|"
        r"every\w*|people|those|these|the|how|customers?|clients?|leads?|prospects?|accounts?|"
        r"contacts?|my|our|his|her|their)\b)"
        r"(?:(?!(?:leads?|customers?|clients?|accounts?|prospects?|contacts?|ones|people|folks|in|"
        r"from|interested|keen|is|are)\b)[\w'’.-]+\s+){2,4}(?:is\s+|are\s+)?"
        r"(?:now\s+|also\s+|really\s+)?(?:interested in|keen on)\s+(?!(?:what|which|anything)\b)",
    ),
    (
        "customer.update",
        r"[.!,;:]\s*(?:so |and )?(?:(?:she|he|they|it)(?:'s|’s| is| are|'re)|now) (?:now )?(?:an? )?(?:customer|client|lead|prospect|qualified|proposal|won|lost)(?: now)?\W*$|[.!,;:]\s*(?:mark (?:\w+ )?(?:as )?)?(?:closed[- ]lost|closed[- ]won|churned)\W*$|\bqualify (?:him|her|them|it)\W*$|\bmake (?:him|her|them|it) (?:an? )?(?:customer|lead|prospect|qualified)\W*$|^(?:lost|won) [^,;]+[,;.–—-]|^[^>→]+?\s*(?:->|→|=>)\s*[\w'-]+(?:\s[\w'-]+)?\W*$|^(?:put|move|place) .+ under [\w'-]+|\b(?:should|will) (?:sit|go|stay|be) with [\w'-]+|^(?:give|assign|hand) me\b|^[\w'-]+(?:\s[\w'-]+){0,3} back (?:to|in|into) (?:the )?(?:lead|qualified|proposal|customer|lost)\b|\b(?:in)?to [\w'-]+(?:'s|’s) (?:book|list|accounts|patch|territory|portfolio)\W*$|^[^,;:–—-]+\s[-–—:]\s*(?:closed[- ]lost|closed[- ]won|won|lost|churned)\b|^(?:pls |please )?(?:push|bump|advance|progress|upgrade|downgrade) \w|\b(?:set|put|move|mark) (?:him|her|them|it) (?:back )?(?:to|as|in|into) (?:lead|qualified|proposal|customer|lost|won)\W*$|^(?!(?:emailed|called|rang|texted|met|spoke|phoned|messaged|wrote|visited|sent)\b)[^,;]+\s(?:sent|got|received|asked for) (?:the |a |our )?proposal(?: today| yesterday| now| this morning)?\W*$|\swe (?:lost|won) (?:him|her|them|it)\b",
    ),
    (
        "customer.update",
        r"^[\w'-]+(?:\s[\w'-]+)?(?:'s|’s| is| will be) (?:taking over|taking|looking after|handling|covering|managing)\b|^[\w'-]+(?:\s[\w'-]+)?\s+(?:will|is going to|should) (?:look after|handle|cover|manage|own)\b|^(?:let|have) [\w'-]+(?:\s[\w'-]+)? (?:take over|look after|handle|own)\b|\b(?:is|goes|belongs) (?:to )?[\w-]+(?:'s|’s) (?:now|from now on)\W*$|^[\w'-]+(?:\s[\w'-]+){0,3} (?:won|churned)\W*$|^we (?:lost|won) |^[\w'-]+(?:\s[\w'-]+)?\s+(?:should|can|will) (?:take over|have|get) |^[\w'-]+(?:\s[\w'-]+)? owns .+ (?:now|from now on|going forward)\W*$|^(?:switch|move|transfer) .+ from [\w'-]+(?:\s[\w'-]+)? (?:over )?to ",
    ),
    (
        "customer.show",
        r"(?:^|(?<=[-–—:] )|\b(?:tell me|know|show me|pull up|find|see)\s+)(?:and |so |hey,? )?(?:(?:who(?:'s| is)|whose)(?: the)? (?:(?:account |main |key )?(?:owner|contact person|contact|rep|account manager|person)(?: (?:for|of|at|on))?|looking after|lookin after|handling|in charge of|responsible for|managing|covering)|(?:who|whoever|(?:which|what) (?:rep|sales ?person|account manager|one of us)) (?:owns|handles|manages|looks after|covers)(?: the (?:account|record|contact) (?:for|of))?|whose (?:customer|account|client|contact|lead) is|who(?:'s| is) the owner of)\s+",
    ),
    (
        "interaction.log",
        rf"^(?:i |we |just |have |had |finally |quick |\W)*(?:log(?:ged)?|record(?:ed)?|add(?:ed)?|note)?\s*(?:that\s+)?(?:i\s+|we\s+)?(?:had\s+|made\s+)?(?:an? |the )?(?:{_CONTACT_NOUN})\s+(?:with|w/|to|for|at|on|from|about)\b",
    ),
    (
        "interaction.log",
        rf"^(?:i |we |just |have |had |finally |\W)*(?:{_CONTACT_VERB})(?:\s+(?:with|to|w/|back))?\b",
    ),
    (
        "interaction.log",
        rf"^(?:i |we |just |finally )*(?:got off (?:the |a |an )?(?:lo+ng |quick |short )?(?:phone|call)|hung up|came back from a (?:call|meeting)|had (?:an? |the )?(?:call|meeting|mtg|chat|lunch|coffee|dinner|demo|zoom|catch-?up)|sent (?:an? |the )?(?:email|e-mail|text|message|sms|note)|left (?:a )?(?:voicemail|message)|dropped by|stopped by|swung by|passed by|popped in(?:to| at)?|{_WENT_TO_SEE}|on site at|onsite at|was on site at|{_LEFT_THERE}|(?:was |were |been )?out at|{_HERE_NOW}|(?:log|add|record) (?:a )?note|note)\b(?:\s+(?:with|to|for|at|on|from|about)\b)?",
    ),
    ("interaction.log", rf"^(?:{_CONTACT_NOUN})\s*:"),
    ("interaction.log", WORK_AT.pattern),
    # "Service visit Hendry Lobster Co 02/12 — …": the kind of visit, then whom
    (
        "interaction.log",
        r"^(?:service|site|sales|courtesy|follow-?up)\s+(?:visit|call)\b(?:\s+(?:at|to|with)\b|\s*@)?",
    ),
    (  # "kindly make a note that Mr. Albert Finch prefers post": a note on that customer
        "interaction.log",
        r"^(?:(?:dear bot|hi|hey|please|pls|kindly|can you|could you)[\s,]+)*(?:make|take|add|leave|"
        r"put|jot(?: down)?)\s+(?:a\s+)?note(?:\s+(?:that|on|for|about)|\s*:)\s+",
    ),
    (
        "interaction.log",
        r"^(?=.+?\s(?:called|rang|phoned|emailed|texted|messaged|whatsapped|visited|wrote to)\s+(?:us|me)\b)",
    ),
    (
        "interaction.log",
        r"^(?:(?:whats ?app|teams|zoom|slack|telegram|phone|video)\s+(?=chat|call|meeting))?"
        r"(?:(?:this\s+)?(?:morning|afternoon|arvo|evening)\s+)?"
        r"(?:demo|visit|call|meeting|lunch|coffee|whats ?app|chat|zoom|teams call|video call|"
        r"phone call|quick call|catch-?up|dinner|breakfast|face ?time|site visit|service visit)"
        r"\s+(?:with|w/|to|at)\s",
    ),
    (
        "interaction.log",
        r"^sent\s+(?=\S.{0,60}?\s(?:an?\s+)?(?:[\w-]+\s+)?(?:e-?mail|text|sms|message)\b)",
    ),
    (  # "sent hannah the renewal quote": a document sent is an e-mail
        "interaction.log",
        r"^(?:just\s+)?sent\s+(?=(?!(?:a|an|the|our|my|it|that|this|them|out)\b)[\w#@.'’&-]+(?:\s+[\w'’&.-]+){0,3}?\s+"
        r"(?:the|a|an|our|my|their|his|her)\s+(?:[\w-]+\s+){0,2}(?:quote|proposal|contract|deck|invoice|brochure|"
        r"pricing|price list|info|details|case study|specs?|catalog(?:ue)?|offer|sow|agreement|slides|demo link|link|"
        r"nda|dpa|po|order form|renewal)\b)",
    ),
    (
        "next_action.suggest",
        r"\b(?:what (?:should|shall|can|do|must|shud|shd|shld|shoud|sould) (?:i|we) (?:do|pitch|sell|upsell|offer|try)|anything (?:i|we) (?:should|shud|shd|shld|can|could|need to|must) do|what(?:'s| is)? (?:my |our |the )?next (?:best )?(?:step|action|move)s?|next (?:best )?(?:steps?|actions?|moves?)|what next|what'?s next|suggest|sugest|suggestions?|recommend\w*|who should (?:i|we) (?:call|contact|focus on|talk to|chase|reach out to|ping)|what to do (?:with|about)|how (?:should|do|can) (?:i|we) approach|how (?:do|can|should|could) (?:i|we) (?:unstick|unblock|move forward|progress|rescue|revive|save|win back|re-?engage|re-?activate)|what can (?:i|we) (?:upsell|sell|offer|pitch))\b",
    ),
    (
        "customer.show",
        r"^(?:show|open|find|pull up|look ?up|get)(?: me)?(?: the)?(?: customer| client| account| contact)?\s+(?=(?:#?\d{1,7}|[\w.+'-]+@[\w-]+(?:\.[\w-]+)+)\W*$)",
    ),
    (  # "who is called Lukas Brown", "search customers named lukas": a look-up by name
        "customer.show",
        r"^(?:please |can you |pls )*(?:who(?:'s| is)|(?:search|find|look ?up|show|list|any|all)"
        r"(?: me)?(?: for)?(?: (?:all|the|any|our))?(?: customers?| clients?| contacts?| people|"
        r" accounts?| anyone| someone)?)\s+(?:called|named)\s+(?P<ref>[^?!]+?)\W*$",
    ),
    (  # "jane smith hasnt been contacted in ages, give her to lee": the one just named
        "customer.update",
        r"[,.;:!–—-]\s*(?:so |and |pls |please |just )*(?:give|hand|pass|assign|reassign|move|"
        r"transfer)\s+(?:her|him|them|it)\s+(?:over\s+)?to\s+[\w'-]+\W*$",
    ),
    (
        "segment.list",
        r"\b(?:customers?|clients?|accounts?|buyers|leads|prospects|champions|loyalists|detractors|promoters|passives|hibernating|lapsed|lapsd|churned|dormant|at[- ]risk|about to sleep|can'?t lose|cannot lose)\b",
    ),
    (
        "segment.list",
        r"\b(?:who (?:hasn'?t|haven'?t|has not|have not|didn'?t)|top \d+|biggest|largest|csv of|export the)\b|^what (?:does|do) [\w'-]+ (?:own|have|hold|manage)\b(?!\s+(?:open|on|left|due|overdue|outstanding|to do|pending)\b)",
    ),
    (
        "customer.show",
        r"^(?:please |can you |could you |pls )*(?:tell me (?:more )?about|tel me about|what do we know about|what do we have on|what (?:have|'?ve) we got on|what(?:'s| is) there on|who(?:'s| is)(?! (?:in|on|at|going|coming|free|around|here|there|the owner|our|my|the contact)\b)|pull up|bring up|look ?up|lookup|find|search(?: for)?|show(?: me)?(?: customer| the profile (?:of|for)| profile (?:of|for))?|open|(?:a )?quick look at|(?:get|give|send) me (?:the |an? )?(?:details|info|profile|overview|summary|rundown|lowdown|brief(?:ing)?) (?:for|on|of|about)|(?:any )?(?:info|details|profile|card) (?:on|for|of|about)|brief me on)\s+",
    ),
    (
        "customer.show",
        r"^(?:what(?:'s| is)|whats|who(?:'s| is)) (?:the |our |my )?(?:phone(?: number)?|number|email|e-mail|address|owner|contact|stage|segment|value|title|city)\s+(?:for|of|at)\s+",
    ),
    (
        "customer.show",
        r"^(?:what(?:'s| is)|whats) (?P<before>.+?)(?:'s|’s) (?:phone(?: number)?|number|mobile|cell|email|e-mail|address|owner|stage|segment|title|city)(?: again)?\W*$",
    ),
    ("customer.show", r"\bknow who (?P<before>.+?) is\W*$"),
    (  # "what's redwood worth to us now": that customer's value, on the profile
        "customer.show",
        r"^(?:what(?:'s| is)|whats|how much is)\s+(?!(?:the|our|my|his|her|their|this|that|it|"
        r"they|those|these|them|everyone|everybody|pipeline|team|book)\b)(?P<before>.+?)\s+worth"
        r"(?:\s+to\s+us)?(?:\s+(?:now|today|so far|these days|in total|all told|altogether))*\W*$",
    ),
    (  # "need the phone number for Timberline Lumber before I head out"
        "customer.show",
        r"^(?:(?:please |pls |can you |could you )*(?:tell me|i need|need|get me|give me|send me)|what(?:'s| is)|whats|where(?:'s| is))\s+(?:the |their |his |her |a )?(?:phone(?: number)?|number|mobile|cell|e-?mail(?: address)?|address|contact (?:details|info))\s+(?:for|of|at)\s+(?P<ref>.+)$",
    ),
    (
        "customer.show",
        r"\b(?:pull up|bring up|open|show me|look up|get me|see|give me|gimme|provide|send me|share)\s+(?:the\s+)?(?:(?:customer|client|account|contact)\s+)?(?:record|file|profile|details|fiche|card|account|entry|rundown|lowdown)\s+(?:for|of|on)\s+|\bwhat (?:do )?we (?:have|hold) on (?:file|record) (?:for|on|about)\s+|\bdo we have (?:a |an |the )?(?:phone(?: number)?|number|email|e-mail|address|contact(?: details)?)\s+(?:for|of|on)\s+|^(?:\w+[,!]?\s+)?who (?:owns|handles|looks after)\s+|^(?:\w+[,!]?\s+)?who(?:'s| has)? got\s+(?=\S+(?:\s+\S+){0,4}\W*$)|^whose (?:book|patch|list|desk|territory|portfolio|pipeline) (?:is|are|has)\s+(?=.+?\s+(?:in|on|under)(?:\s+now)?\W*$)",
    ),
    (
        "customer.show",
        r"^(?:what(?:'s| is)? (?:new|up|happening|going on|the latest|the story|the status|the go|the deal) (?:with|at|on)|(?:remind me )?where (?:we're|we are|are we) at with|anything on|(?:a |quick |short )?(?:summary|rundown|overview|snapshot|status|update|lowdown|recap) (?:of|on|for)|any (?:news|updates?) (?:on|from|for)|how(?:'s| is| are) (?:things (?:with|at)|it going with)|where are we (?:with|on)|status of|everything (?:on|about))\s+",
    ),
    ("customer.show", r"^(?P<before>.+?) (?:profile|details|info|card)(?: pls| please)?\W*$"),
    (  # "Profile: Gulfline Shipping.", "customer card for X", "the information about X", "the lowdown on X"
        "customer.show",
        r"^(?:(?:customer |client |account )?(?:profile|card|record)\s*:\s*|(?:the\s+)?(?:customer|client|account)\s+"
        r"(?:card|profile|record|file)\s+(?:for|of|on)\s+)|\b(?:show|give|tell|send)\s+(?:me\s+|us\s+)?(?:the\s+|all\s+(?:the\s+)?)?"
        r"(?:information|informations|info|lowdown|details|rundown)\s+(?:about|on|for|of)\s+|^gie'?s\s+the\s+lowdown\s+on\s+",
    ),
    (  # "kindly share the details of X", "acct info re X", "bring up the X account", "do we have this guy? x@y.z"
        "customer.show",
        r"\b(?:share|give me|send me|need|want|see|check)\s+(?:the\s+|all\s+)?(?:details|info|information|informations|data|record|profile)\s+(?:of|on|for|about|re)\s+(?:(?:the\s+)?(?:client|customer|account|contact)\s+)?"
        r"|\b(?:acct|account|customer|cust|client|contact) (?:info|details|information|data|summary|overview)"
        r"(?:\s+(?:re|on|for|of|about)\s+|\s*:\s*|\s+)"
        r"|^(?:can you |could you |pls |please )*(?:bring|pull) up (?=.+?\b(?:account|record|profile|file|customer)\W*$)"
        r"|\bdo we have (?:this|that) (?:guy|person|contact|lady|customer|one)\W+(?=[\w.+'-]+@[\w-]+(?:\.[\w-]+)+\W*$)",
    ),
    ("customer.show", r"^(?P<ref>#\d+|[\w.+'-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d ()-]{6,}\d)\W*$"),
]

# What a message on its own must have to be small talk: a greeting, thanks, an acknowledgement.
SMALL_TALK = re.compile(
    r"\b(?:hi|hello|hey|heya|hiya|yo|howdy|sup|morning|afternoon|evening|night|gm|gn|thanks|thank|"
    r"thx|ty|cheers|ta|ok|okay|k|kk|cool|great|nice|awesome|perfect|good|bye|cya|later|lol|haha|"
    r"legend|star|brilliant|sweet|np|welcome|sorry|appreciated?|wow|yay|noted|got it|sure|fine|"
    r"how are you|you there|are you|who are you|what are you|how's it going|merci|hallo|hola|"
    r"namaste|danke|gracias|arigato\w*|grazie|obrigad[oa]|happy|no worries|helpful|hope|"
    r"salam|salaam|shukran|kia ora|ola|olá|oi|bonjour|ciao|shalom|aloha|servus|hej|asante|"
    r"well done|good job|nice one|love (?:that|it|you)|lovely|amazing|excellent|fab|howzit|"
    r"ka pai|merry christmas|happy (?:holidays|new year)|season'?s greetings|merhaba)\b"
    r"|[👍🙏😊🙂❤🎉👋✅]"
)

# Slots an intent cannot act without ("a|b": either); missing ones make the parser unsure.
REQUIRED = {
    "customer.show": ("customer",),
    "customer.create": ("name|company",),
    "customer.update": ("customer", "field", "value"),
    "customer.forget": ("customer",),
    "customer.export": ("customer",),
    "interaction.log": ("customer",),
    "purchase.log": ("customer", "product|amount"),
    "task.create": ("text",),
    "task.complete": ("task_id|customer|customers",),
    "task.update": ("task_id|customer|tasks_of",),
    "nps.record": ("customer", "score"),
}

# ---- references ------------------------------------------------------------------------------

# Words that end a customer reference: what follows them is the rest of the sentence.
REFERENCE_STOPS = (
    "about re regarding for to on that who which and but they she he we i it its is was were "
    "are will would said says asked wants want wanted needs need the a an with by in over via "
    "again back up twice once today yesterday tomorrow this next last no not all some lately whether "
    "recently myself now "
    "went gave rated scored bought ordered purchased has have had did does do just yet "
    "because so then after before while when since until if as per there here him her them "
    "us me my our your their please thanks record entry account still already ever signed it's "
    "hes shes he's she's they're theyre ok okay stage also too prefers prefer likes loves hates moved told "
    "bout abt"
).split()
# What may follow a customer's name and belongs to it, not to the sentence ("Hooli's CFO").
AFTER_REFERENCE = (
    r"^(?:'s|’s)?\s*(?:office|team|site|hq|place|cfo|ceo|cto|coo|vp|procurement|finance|legal|"
    r"purchasing|buyer|buyers|people|folks|guys|contact|boss|head of \w+|it team|it dept)?\b"
)
# Words that end a name but are not part of it ("brightwave team", "Helios Energy leadership").
TRAILING_ROLES = frozenset(
    "team leadership procurement office folks people guys hq purchasing board founders".split()
)
# Words that look like a reference but are not one.
# a field said with no one's name: "no, city is just augsburg" is of the one just talked about
FIELD_FIRST = re.compile(
    r"^\W*(?:(?:no|nope|lol|oh|ah|sorry|actually|and|also|wait)\W+)*(?:the\s+)?(?:city|phone|"
    r"e-?mail|title|company|mobile|number|country)\s+(?:is|should be|=|:)\s"
)
# one more detail of the customer just changed: "the phone too pls, +34 611 223 344"
FIELD_TOO = re.compile(
    r"^\W*(?:and\s+)?(?:the|her|his|their)\s+(?P<field>phone|mobile|number|e-?mail|city|title|"
    r"company|country)\s+(?:too|as well|also)\b[\s,:;.!-]*(?:(?:pls|please|plz)\b[\s,:;.!-]*)?"
    r"(?P<value>\S.*)$",
    re.I,
)
NOT_CUSTOMERS = frozenset(
    "me us it this that them those these they him her his their its everyone everybody anyone someone today tomorrow "
    "yesterday week month now here there in on at going lunch office the q1 q2 q3 q4 h1 h2 ytd "
    "eod eow po pos invoice contract quote deck inbound outbound msg message self myself "
    "january february march april june july august september october november december".split()
)

# ---- interactions ----------------------------------------------------------------------------

CHANNELS = _table(
    [
        (
            r"voice ?mail|rang|ring|telephoned|phoned|phone|telephone|telephonic|called(?! out to)|calld|cld|calls?|telecon|teleconference|telefonat|anruf|llamada|liga[cç][aã]o|tried(?= (?:calling|to call|to reach|to get hold of|[a-z]))",
            "call",
        ),
        (r"e-?mail(?:ed|s)?|emaild|mailed|wrote to", "email"),
        (
            r"zoom(?:ed)?|teams|video call|face ?time|google meet|webex|skype|met|meeting|meet|mtg|"
            r"lunch|lunched|lunching|dinner|dined|"
            r"drinks|coffee|breakfast|demo|f2f|face to face|visio|video conference|qbr|kick-?off|"
            r"catch-?up",
            "meeting",
        ),
        (
            r"whats ?app(?:ed|'d)?|wa'd|slack(?:ed|'d)?|telegram|kakao|line msg|chat(?:ted)?|messaged|pinged|dm'?d|signal|"
            r"li msg|linkedin(?: msg| message| dm)?|inmail",
            "chat",
        ),
        (r"texted|texts?|txt(?:ed|'d)?|sms(?:'?d)?", "sms"),
        (
            rf"visit(?:ed|ing)?|visita|on ?site|job done|left (?:a|my|our) card|dropped by|stopped by|popped in(?:to)?|swung by|passed by|toured|{_LEFT_THERE}|"
            rf"saw|dropped in|{_WENT_TO_SEE}",
            "visit",
        ),
        (r"notes?", "note"),
        (
            r"^(?:(?:i|we|just|have|had)\s+)*sent(?!\s+(?:an?\s+)?(?:text|sms|whats ?app|message|msg|"
            r"dm)\b)(?=\s+\S.{0,50}?\s+to\s)",
            "email",
        ),
        (  # "quote sent to bjorn dubois"
            r"^(?:the\s+|an?\s+)?(?:quote|proposal|invoice|contract|deck|brochure|pricing)"
            r"\s+(?:was\s+)?(?:sent|emailed|mailed)(?=\s+(?:over\s+)?to\s)",
            "email",
        ),
    ]
)
# where a customer works: being there is a visit ("met Ms Tan at their Jurong office")
PREMISES = (
    r"(?:office|offices|site|yard|place|premises|plant|factory|warehouse|shop|store|hq|roastery|"
    r"clinic|showroom|farm|depot|mill|garden|house|studio|workshop|gallery|salon|stables?|barn|"
    r"greenhouse|nursery)\b"
)
# Words that settle the channel whatever verb was used ("spoke on the phone", "call on Teams").
SPOKE = re.compile(
    r"\b(?:spoke|spoken|talked|chatted|caught up|chased)\b"
)  # a contact whose channel is unsaid
CHANNEL_OVERRIDES = [
    (  # "sent X the demo invite by email": an e-mail, whatever it was about
        re.compile(
            r"^\W*(?:(?:just|i|we)\s+)*(?:sent|forwarded|shared)\b[^.;]*?\b(?:by|via|over)\s+"
            r"e-?mail\b"
        ),
        "email",
    ),
    (  # "chatted with X on teams": a chat, whatever the app
        re.compile(
            r"\b(?:chat(?:ted)?|messaged|dm'?d|im'?d)\b(?:\s+\S+){0,6}?\s+(?:on|via|over)\s+"
            r"(?:ms\s+)?teams\b|\bteams\s+(?:chat|message|dm)\b"
        ),
        "chat",
    ),
    (re.compile(r"\b(?:zoom|teams|video call|google meet|meet call|webex|facetime)\b"), "meeting"),
    (re.compile(r"\b(?:whats ?app(?:ed)?|slack(?:ed)?|telegram|signal)\b"), "chat"),
    (re.compile(r"\b(?:voice ?mail|on the phone|phone call|got off (?:the )?phone)\b"), "call"),
    (re.compile(r"\b(?:on ?site)\b|^(?:\W*[\w']+\W+){0,4}?visit(?:ed|ing)\b"), "visit"),
    (  # "called in on the Hendersons", "been out at X all afternoon", "viewing done with X"
        re.compile(
            r"^\W*(?:(?:today|yesterday|this morning|this afternoon)[\s,]+)?(?:(?:i|we|just)\s+)*(?:called in on|called into|called in (?:at|to)|been out at|was out at|out at|popped in on|"
            rf"{_LEFT_THERE}|{_HERE_NOW}|"
            r"(?:was|been) at(?!\s+(?:the|a|an|my|our|home|work|lunch|a conference)\b)|(?:was|been) in(?!\s+(?:a|an|my|our|his|her|their|home|work|lunch|touch|bed|town|hospital|the (?:office|car|meeting|loop|middle)|(?:the )?(?:morning|afternoon|evening))\b)|went\s+(?:over\s+|out\s+|round\s+)?to(?!\s+(?:see|a|an|my|our|his|her|their|the (?:bank|gym|office|doctor|dentist|shop|meeting)|lunch|bed|sleep|work|town|school)\b))\b"
            r"|^\W*(?:viewing|showing|test drive)\s+(?:done|completed|today|yesterday|with)\b"
        ),
        "visit",
    ),
    (
        re.compile(rf"\bat (?:their|his|her) (?:[\w'-]+ ){{0,2}}?{PREMISES}|\w['’]s {PREMISES}"),
        "visit",
    ),
]
# "ring her thursday", "give him a ring wed", "revisit june 15": a next contact, only with a date;
# what the customer wants ("wants a demo friday") stays said
_CALL_THEM_ON = (
    r"\b(?:(?:ring|ping|try|phone|call|text|e-?mail|nudge|bell|buzz) (?:them|her|him)|"
    r"give (?:them|her|him) a (?:ring|call|bell|buzz|shout)|get back (?:to|tae) (?:them|her|him)|"
    r"(?P<wanted>(?:(?:she|he|they) )?(?:(?:wants?|would like|asked for|needs?) (?:a |another )?"
    r"(?:call|call ?back|follow-?up|meeting|demo)|(?:promised|owe|offered) (?:(?:him|her|them) )?(?:a |"
    r"another )?(?:call ?back|follow[- ]?up(?: call)?|call)|(?:wants?|would like|asked|needs?) to (?:meet|catch up|"
    r"talk|speak|chat|see us))(?:\s+(?:about|re|regarding)\s+[^,;.]{1,40}?)?)|"
    rf"set (?:one|it|that|a (?:demo|meeting|call)) up|book (?:one|it|that|a (?:demo|meeting|call))"
    r"(?: in)?|revisit)"
    rf"(?=\s+(?:(?:on|by|for|before)\s+)?(?:{DATE_PHRASE})(?![\w/]))"
)
FOLLOW_UP = re.compile(
    rf"(?:[,;.]|\s[-–—])?\s*(?:(?:and |then |will |to |need to |should |i'?ll |i will |must |please |"
    rf"pls |put |set |we'?ll |ah'?ll |so |(?:i |we )?(?:said|promised|told (?:him|her|them)) (?:i|we)'?d )*"
    rf"(?:{_CALL_THEM_ON}|follow(?:ing)? up|follow(?=\s+(?:on|by|before)\s)|check back|"
    rf"next (?:contact|visit|call|meeting|touch ?point)(?:\s*:)?|"
    rf"check (?:again |back )?with (?:them|her|him)|circle back|chase(?: (?:them|her|him|it))?(?: up)?|relaunch(?: (?:them|her|him))?|touch base|return|"
    rf"(?:call|ring|ping|try|nudge|text|email|phone|contact) (?:(?:them|her|him) )?(?:back|again)|"
    rf"check again|get back(?: to (?:them|her|him))?|back to (?:them|her|him)|"
    rf"reconnect|catch up|check (?:back )?in(?: again)?|nudge (?:them|her|him)|"
    rf"\bping(?=\s+(?:on\s+)?(?:{DATE_PHRASE})(?![\w/]))|hit (?:them|her|him) up(?: again)?|(?:set|add|create|make) (?:a |me a )?(?:task|reminder)|(?:remind|remember) me|"
    rf"(?:plan|schedule|pencil|book) (?:it|that|this|one)(?: in)?|"
    # "…. quote monday", "send quote tomorrow", "I must recontact her monday", "Answer by Monday"
    rf"(?<=[,.;] )(?:send (?:the |a |them a |her a |him a )?)?quote|recontact(?: (?:them|her|him))?|"
    rf"(?<=[.;] )answer)"
    rf"(?: with (?:them|her|him))?(?: again)?"
    rf"(?:\s+(?:with|re|about|on)\s+(?!{DATE_PHRASE})[^,;.]{{1,30}}?(?=\s+(?:on\s+|by\s+)?(?:{DATE_PHRASE})(?![\w/])))?"
    rf"(?:\s+(?:on|by|at|for|before)(?=\s*(?:{DATE_PHRASE})))?"
    rf"\s*(?P<when>{DATE_PHRASE})?(?:,?\s+(?:at\s+|@\s*)?\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:am|pm)\b"
    rf"|(?<=[a-z])\s+(?:morning|afternoon|arvo|evening|eod|cob)\b)?"
    # "f/u eow w/ quote", "f/u friday re delivery dates": what the follow-up is for, its own
    rf"(?:(?<=\w)\s+(?:w/|with|re|regarding)\s+[^,;.!?]{{1,30}}?(?=\s*(?:[,;.!?]|$)))?"
    rf"|\s(?:by|before|due|till|until)\s+(?P<by>{DATE_PHRASE}))(?![\w/])"
)
# a reminder asked inside a contact log: "called jane, remind me to send the quote friday"
REMIND_IN_LOG = re.compile(
    rf"(?:[,;.]|\s[-–—])\s*(?:(?:can|could) you |pls |please |and |i'?ll |i will |need to |will |"
    rf"must |to )*(?:(?:remind me|(?:set|add|make|create) (?:a |me a )?(?:reminder|task|to-?do)(?: for me)?)"
    rf" to |(?=(?:send|e-?mail|mail|draft|prepare)\s+"
    rf"(?:him|her|them)\s)|(?<!\w\s)(?=(?:send|draft|prepare|do|write up)\s+(?:(?:the|a|an|our|over|them|him|"
    rf"her)\s+){{0,2}}(?:[\w-]+\s+)?(?:proposal|quote|contract|deck|pricing|price list|samples?|"
    rf"invoice|sow|brochure|catalogue|offer|estimate)\s))"
    rf"(?P<what>.+?)\s+(?:on |by |before )?(?P<when>{DATE_PHRASE})(?![\w/])"
)
# "…. set a task for me for tmrw 10am to send it": the day first, then what to do
TASK_SET_IN_LOG = re.compile(
    rf"(?:[,;.]|\s[-–—])\s*(?:(?:can|could) you |pls |please |and )*(?:set|add|make|create) "
    rf"(?:a |me a )?(?:task|reminder)(?: for me)?\s+(?:for |on |by )?(?P<when>{DATE_PHRASE})"
    rf"(?:\s+(?:at\s+)?\d{{1,2}}(?::\d{{2}})?\s*(?:am|pm)?)?\s+to\s+(?P<what>.+?)\W*$"
)
# the words that may follow a day said bare ("on the 2nd, they …"), where "on the 2nd boat" is no day
_AFTER_A_DAY = (
    r"(?:at|in|and|for|to|with|about|re|regarding|but|so|or|we|they|she|he|i|then|as|was|were|is|"
    r"when|after|before|because|until|till|from|on|by|of|via|over|this|next|last|morning|"
    r"afternoon|evening|arvo|am|pm)"
)
OCCURRED = re.compile(
    rf"(?:^|[,;]?\s+|\s*[-–—]\s*)(?:(?:sent|dated)\s+)?(?:on\s+)?(?<!\bfor )(?<!\buntil )(?<!\btill )(?<!\bby )(?<!\bbefore )(?<!\bnext )(?<!\bagain )(?<!\bback )(?<!\bup )(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\bour )(?<!\bmy )(?<!\bconfirming )(?<!\babout )(?<!\bre )(?<!\bregarding )(?<!\bbooked )(?<!\bbooking )(?<!\bscheduled )(?<!\bdiscussing )(?P<when>\d{{4}}-\d{{2}}-\d{{2}}|today|yesterday (?:arvo|afternoon|morning|evening)|yesterday|this morning|this afternoon|"
    rf"this evening|this am|this pm|this arvo|tonight|last night|last week|a week ago|(?<=\bon )the \d{{1,2}}(?:st|nd|rd|th)(?! (?:of )?{MONTH})(?!\s+(?!{_AFTER_A_DAY}\b)[a-z])|"
    rf"(?:{WEEKDAY},? )?(?:the )?\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTH}|"
    rf"{WEEKDAY},? (?:the )?\d{{1,2}}(?:st|nd|rd|th)|(?:last )?(?<!coming )(?<!this ){WEEKDAY}|\d{{1,2}}[/.]\d{{1,2}}(?:[/.]\d{{2,4}})?\.?|"
    rf"{MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?|{_COUNT} days? ago|{MONTH} \d{{1,2}}|"
    rf"\d{{1,2}} {MONTH}|\d{{1,2}}[/.]\d{{1,2}})(?=[,;.:?!]|\s|$)"
)
# what was sent, then to whom: "emailed the quote to bjorn dubois", "sent pricing over to jane"
SENT_TO = re.compile(
    r"^\s*(?=\S)(?P<what>(?:the |a |an |our |my )?(?!(?:them|him|her|it|back|over)\b)[^,;:@]{1,50}?)"
    r"\s+(?:over\s+|across\s+|out\s+)?to\s+(?!(?:me|us|you|follow|chase|check|say|"
    r"ask|tell|confirm|let|see|get|remind|thank|update|discuss|arrange|book|set|introduce|"
    r"reintroduce|offer|share|propose|explain|invite|welcome|apologi[sz]e|check in)\b)"
    r"(?P<who>[\w.+'-]+@[\w-]+(?:\.[\w-]+)+|(?:(?:mr|mrs|ms|dr|prof|st)\.\s+)?[^,;.]+?)"  # an
    # e-mail address whole, dots and all; "Mr. Fenwick" with the title's full stop
    r"(?=\s*(?:[,;.]|$|\s(?:re|about|regarding|today|yesterday|this|earlier|confirming|asking|"
    r"saying|telling|requesting|chasing|checking|reminding|offering|explaining|inviting|thanking|"
    r"letting)\b))"
)
INBOUND = re.compile(
    r"^.+?\s(?P<verb>(?:called|rang|phoned|emailed|texted|messaged|whatsapped|whats ?app'?d|wa'?d|visited|wrote to|wrote|replied|got back to|pinged|slacked|dm'?d|contacted|reached out to)(?:\s+(?:us|me|back))+"
    r"(?:\s+(?:by|on|via|over)\s+(?:whats ?app|e-?mail|text|sms|telegram|signal|slack|linkedin|phone))?)\b"
)
HISTORY_CHANNELS = _table(
    [
        (r"calls?|called|phone", "call"),
        (r"e-?mails?", "email"),
        (r"meetings?|met|meet", "meeting"),
        (r"chats?|whats ?apps?|dms?", "chat"),
        (r"texts?|sms", "sms"),
        (r"visits?", "visit"),
        (r"notes", "note"),
    ]
)
HISTORY_WHO = [  # what comes before the customer's name, most telling first
    re.compile(
        r"\b(?:with|for|to|of|on|from)\s+(?!(?:the\s+)?(?:history|timeline|calls|emails|me)\b)"
    ),
    re.compile(
        r"\b(?:talk|speak|spoke|meet|hear|call|email|contact)\w*\s+(?:(?:to|with|from)\b)?\s*"
    ),
    re.compile(r"\bhave we (?:called|emailed|met|contacted|visited)\s+"),
]

# ---- tasks -----------------------------------------------------------------------------------

TASK_PERIODS = _table(
    [
        (
            r"overdue|late|past due|missed|behind(?: on| with)?(?= (?:anything|something|tasks?|"
            r"(?:his|her|their|my) tasks?|work)\b)",
            "overdue",
        ),  # "is sam behind on anything"
        (r"today|tonight|this morning|eod|end of (?:the )?day|cob", "today"),
        (r"tomorrow", "tomorrow"),
        (r"next (?:week|wk)", "next_week"),
        (r"(?:this|the|for the) week|weekly|this wk|^tasks week\W*$", "week"),
        (
            r"all(?! (?:the )?reps| of us| staff| (?:is |are )?(?:overdue|late|today|tomorrow|due)|"
            r" (?:of )?(?:the |my |our )?(?:team|reps)\b)",
            "all",
        ),
    ]
)
# The verb or preposition after which a task names its customer.
TASK_SUBJECT = re.compile(
    r"\b(?:call back|ring back|phone back|call|ring|phone|email|e-mail|ping|chase|text|meet|visit|see|send|quote|post|follow up with|"
    r"check in with|check on|catch up with|touch base with|to|with|invoice|bill|thank|"
    r"check (?:whether|if)|confirm with|book in|onboard)\s+"
    r"(?!(?:the|a|an|my|our|this|that|him|her|them|me|us|back|up|out|about|it|some)\b)"
)
# A task for a colleague: "new task for maria: call john", "remind maria to call john"
TASK_FOR = re.compile(
    # "tasks for sam and maria: clean up your proposals": one for each of them
    r"^(?:(?:new|add|create|set(?: up)?|make)\s+)?(?:(?:a\s+)?tasks?|reminders?|to-?dos?)\s+for\s+"
    r"(?P<who11>(?!me\b|us\b)[a-z][\w'-]*(?:\s*,\s*[a-z][\w'-]*)*\s+(?:and|&)\s+[a-z][\w'-]*)"
    r"(?:\s*[:,-]\s*|\s+to\s+)"
    r"|^(?:(?:new|add|create|set(?: up)?|make)\s+)?(?:an?\s+)?"
    r"(?:task|reminder|to-?do|(?:(?:and|also|plus)\s+)?(?:another\s+)?one)\s+for\s+"  # "and one for sam to …"
    rf"(?P<who>(?!me\b|myself\b|us\b|the\b|each\b|every\b|everyone\b|everybody\b|all\b|(?:{DATE_PHRASE})\W)"
    r"[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)(?:\s*[:,-]\s*|\s+to\s+|\s+(?=due\s)|\s+(?=['\"‘“]))"
    r"|^(?:get|have|ask|tell)\s+(?P<who4>(?!me\b|us\b|them\b|him\b|her\b)[a-z][\w'-]*(?:\s+(?!to\b)[a-z][\w'-]*)?)\s+(?:to\s+)?"
    r"(?=(?:call|ring|email|ping|chase|send|follow up|visit|meet|check|text|book)\b|(?:do|make|have|"
    r"set up|arrange)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:call|meeting|demo|visit|catch-?up|"
    r"check-?in)\b)"
    # "a task for each rep: …", "remind everyone on the team to …": one task for every rep
    r"|^(?:(?:new|add|create|set(?: up)?|make)\s+)?(?:an?\s+)?(?:task|reminder|to-?do)\s+for\s+"
    r"(?P<who9>each rep|every rep|all (?:the )?reps|everyone|everybody|the (?:whole )?team|each of the reps)"
    r"(?:\s+on the team)?(?:\s*[:,-]\s*|\s+to\s+)"
    r"|^remind\s+(?P<who10>each rep|every rep|all (?:the )?reps|everyone|everybody|the (?:whole )?team)"
    r"(?:\s+on the team)?\s+(?:to|about|that)\s+"
    r"|^(?:(?:and|also|plus)\s+)?(?:(?:one|a task|the same)\s+)?for\s+(?P<who5>(?!me\b|us\b|them\b|him\b|her\b)"
    r"[a-z][\w'-]*)\s*:\s*"  # "and for maria: follow up w …", after a task for someone else
    r"|^remind\s+(?P<who2>(?!me\b|us\b|myself\b|him\b|her\b|them\b|everyone\b)[a-z][\w'-]*)\s+(?:to|about|that)\s+"
    # "sam should do a retention call with X by friday": a task for Sam
    r"|^(?P<who6>(?!i\b|we\b|you\b|they\b|he\b|she\b|it\b|who\b|what\b)[a-z][\w'-]*)\s+(?:should|needs? to|has to|must)"
    r"\s+(?:do\s+|make\s+|have\s+)?(?=(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:call|meeting|demo|visit|catch-?up)\b)"
    # "jordan to call Fatima tomorrow about the proposal": a task handed out, said as a note
    r"|^(?P<who7>(?!(?:i|we|you|they|he|she|it|who|what|how|where|need|have|want|got|going|time|"
    r"reminder|remind|task|todo|to-do|note|remember|nice|ok|okay|also|and|then|please|pls|plan|"
    r"try|trying|tried|ready|able|about|due|sure|back|up|used|hard|easy|good)\b)"
    r"[a-z][\w'-]*)\s+to\s+(?=(?:call|ring|email|ping|chase|send|follow up|visit|meet|text)\b)"
    r"|^(?:set|give|make|create|add|assign|send)\s+"
    r"(?P<who3>(?!me\b|myself\b|us\b|an?\b|the\b|new\b|another\b|up\b)[a-z][\w'-]*)\s+(?:an?\s+)?"
    r"(?:task|reminder|to-?do)\s*(?:to\b|:|-|for\b)?\s*"
    # "assign a task to Sam: call Noah …", "give a reminder to maria - chase …"
    r"|^(?:assign|give|hand|send)\s+(?:an?\s+|the\s+|this\s+|new\s+)*(?:task|reminder|to-?do)\s+"
    r"to\s+(?P<who8>(?!me\b|myself\b|us\b|them\b|him\b|her\b)[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)"
    r"\s*[:,-]\s*",
    re.I,
)
TASK_DELETED = re.compile(
    rf"\b(?:delete|remove|drop|cancel|scrap|bin|kill|get rid of)\b|{_NOT_WANTED}"
)
# a task ticked off by mistake, open again: "reopen task 45", "task 45 is not done"
TASK_REOPENED = re.compile(
    r"\bre-?open\b|\bun-?(?:do|tick|complete)\b.*\btasks?\s*#?\d|\btasks?\s*#?\d+\s+(?:is|was)(?:n'?t| not)"
    r"\s+(?:done|finished|complete)|\bmark\b.*\b(?:open|not done)\W*$"
)
# "rename task 3 to call about renewal", "change task 3 to say …": the task's words
TASK_RENAMED = re.compile(
    r"\b(?:rename|reword|retitle|relabel)\s+(?:the\s+)?(?:tasks?\s*#?|#)?\d+\s*(?:to|as|:)\s*(?P<text>\S.*)$"
    r"|\b(?:change|edit|update)\s+(?:the\s+)?(?:text|wording|title|description)\s+(?:of|on|for)\s+"
    r"(?:the\s+)?task\s*#?\d+\s+(?:to|:)\s*(?P<text2>\S.*)$"
    r"|\btask\s*#?\d+\s+(?:to\s+say|should\s+say|to\s+read|should\s+read|text\s+to)\s*:?\s*"
    r"(?P<text3>\S.*)$"
    # "give task 49 to Maria and rename it to chase Omar Khan re proposal": a change, and a name
    r"|(?:\s+and|\s+then|,)\s+(?:rename|reword|retitle|call)\s+it\s+(?:to\s+|as\s+|:\s*)?(?P<text4>\S.*)$"
)
TASK_HANDED = re.compile(
    r"\btasks?\s*#?\d+\s+(?:should|must|needs? to|has to|can)\s+(?:be|go to)\s+(?P<who2>(?!(?:due|on|"
    rf"done|moved|closed|complete|completed|finished|cancell?ed|deleted|removed|open|urgent|{WEEKDAY})\b)[a-z][\w-]*?)(?:'s|’s|s)?(?:\s+(?:now|instead|task|one))*\W*(?:,|;|$)|"
    rf"\b(?:reassign|assign|give|hand(?:\s+over)?|pass|transfer|move)\b.*?\bto\s+"
    rf"(?P<who>(?:me|myself)(?=\W*$)|(?!(?:me|myself|him|her|them|next|this|tomorrow|today|the|end|eow|eod|eom|mid|early|"
    rf"late|{WEEKDAY}|{MONTH})\b)[a-z][\w'-]*(?:\s+(?!(?:and|due|by|on|for|to|from|"
    r"next|this|tomorrow|today|instead|please|pls)\b)[a-z][\w'-]*)?)(?:\W|$)"
)
TASK_LEAD = re.compile(
    r"^(?:(?:please|pls|kindly|can you|could you|i|we|hey)\s+)*(?:an?\s+(?=(?:reminder|task|to-?do)\b))?"
    r"(?:(?:is it possible to|can i|could i) (?:get|have|set)\s+(?:a\s+)?reminder|(?:need|want)\s+(?:a\s+)?reminder|(?:set|schedule)\s+(?:a\s+|me\s+a\s+|up\s+a\s+)?(?:reminder|task|to-?do|follow up)|"
    r"make\s+(?:for\s+me\s+)?(?:a\s+)?(?:reminder|task)|put\s+(?:a\s+)?task|"
    r"(?:pop|put|stick|chuck|pencil|arrange)\s+(?:in\s+)?(?:a\s+|me\s+a\s+)?reminder(?:\s+in)?(?:\s+for\s+me)?|add\s+(?:a\s+)?(?:task|reminder|to-?do|to do)|"
    r"create\s+(?:a\s+)?(?:task|reminder)|(?:need|have|must|got)(?: to)? remember|(?:must(?: not)?|mustn'?t) forget|"
    r"remember me|remind me|reminder|remind|task|to-?do|note to self|"
    # "i have a call w her this afternoon": the call to come is the task
    r"(?:'ve|have|'ve got|have got|got)\s+(?:a|an)\s+(?=(?:call|meeting|demo|visit|catch-?up|lunch|coffee)\b))"
    r"(?:\s+for\s+(?:me|myself))?\s*(?:\bto\b|:|-|—|–|that)?\s*(?:i\s+(?:must|need to|have to|should)\s+)?"
    r"|^(?:for\s+)?(?:me|myself)\s*(?:\bto\b|:|-|—|–)\s*",
    re.I,
)
TASK_TAIL = re.compile(
    r"(?:\s+(?:on|by|due|for|(?<!\bday )(?<!\bweek )(?<!\bnight )before|until|at|itself|am|pm|morning|please remind(?: me)?|pls)|,?\s*\bdue"
    r"|,?\s*please remind(?: me)?|\s+at\s+\d{1,2}(?::\d{2})?\s*(?:am|pm)?"
    r"|\s*[,.?!]\s*(?:(?:can|could|would) you\s*(?:please\s+)?(?:remind me)?|remind me|much appreciated|"
    r"thanks?(?: you)?(?: so much)?|cheers|ta)\W*"
    # "…, reminder pls", "… — set a task", "…? I promised": the asking, not the task
    r"|\s*[,.?!—–-]+\s*(?:(?:set|add|create|make)\s+(?:me\s+)?(?:a\s+)?(?:task|reminder)|reminder|"
    r"i promised(?:\s+(?:her|him|them))?)(?:\s+(?:pls|please|plz))?\W*)+$",
    re.I,
)
# A capitalised name after a little word, when no verb names the task's customer ("the Acme deck").
TASK_NAMED = re.compile(
    r"(?:\b(?:from|for|re|about|at|of|the|with|to)\s+|^)(?P<who>(?!(?:The|A|An|I|My|Our|Re|To)\b)[A-Z][\w&'-]+)"
)
COMPLETE_WORDS = re.compile(
    r"\b(?:i'?m|i am|all|done|finished|completed?|closed?|close|tick(?:ed)? off|check(?:ed)? off|"
    r"mark(?:ed)?|as|with|w/|the|task|to-?do|reminder|follow[- ]?up|for|is|it)\b|(?<=\btask )(?:of|on)\b|[:!.?](?=\s|$)",
    re.I,
)

# ---- privacy ---------------------------------------------------------------------------------

FORGET_WORDS = re.compile(
    r"\b(?:please|gdpr|erasure|deletion|request|right to be forgotten|wants to be forgotten|"
    r"asked to be forgotten|forget|forgotten|erase|anonymi[sz]e|wipe|purge|delete|remove|all|"
    r"(?:personal )?data|details|record|everything|we (?:have|hold|keep)|on|about|for|of|from|"
    r"the crm|completely|entirely|under|as per)\b|[:!.?](?=\s|$)",
    re.I,
)
EXPORT_WORDS = re.compile(
    r"\b(?:please|gdpr|export|download|send me|give me|dump|subject access|sar|data access|access|"
    r"request|asked for a copy of (?:his|her|their) data|copy|what|do we|hold|have|keep|store|"
    r"all|the|(?:personal )?data|everything|info|information|details|record|we (?:hold|have|keep)|"
    r"on|about|for|of|from)\b|[:!.?](?=\s|$)",
    re.I,
)

# ---- NPS -------------------------------------------------------------------------------------

NPS_WORDS = re.compile(
    r"\b(?:record|log|got|get|an?|nps|score|of|is|was|gave|give|gives|us|rated|scored|answered|"
    r"responded|replied|replies|would|recommend|on|the|survey|out|for|from|note|nota|grade|rating|"
    r"client|customer|to(?= the (?:nps )?survey)|(?<=survey )(?:answers?|responses?|results?))\b"
    r"|/10|[:!()]",
    re.I,
)

NPS_COMMENT = re.compile(
    r"\s*(?:[,;:—–]|\s-\s|[.!?]+\s|\((?=.+\)))\s*"
    r"(?:(?:(?:they|she|he|customer|client)\s+)?(?:(?:are|is)\s+saying|said|says|say|wrote|writes|reckons?|"
    r"mentioned|comment(?:ed|s)?)\b:?\s*(?:that\s+)?)?"
    r"|\s+and\s+(?:(?:they|she|he)\s+)?(?:said|says|wrote|commented|added|mentioned)\b:?\s*"
    r"(?:that\s+)?",
    re.I,
)
NPS_SCORE_FIRST = re.compile(r"^\W*(?:nps|score)\W*\d")

# ---- sales -----------------------------------------------------------------------------------

_PER = r"(?:\s+(?:a|per|/)\s*(?:year|yr|month|mo|annum))?"
_CODES = (
    r"usd|eur|gbp|chf|aud|cad|inr|jpy|brl|aed|sgd|pln|sek|nok|dkk|zar|try|nzd|mxn|hkd|cny|rmb|"
    r"dollars|bucks|euros?|pounds|quid|rupees|rs|yen|reais|real|dirhams?|zloty|z[łl]|kr|francs?|lakhs?|naira|ngn|php|"
    r"kes|ksh|shillings|rand|ars|clp|thb|idr|myr|egp|czk|huf|ron|ils|krw|qar|sar|vnd|đồng|dong|twd|ghs|cedis?|"
    r"pesos?|cop|soles|ringgit|baht|liras?|tl|ntd|canadian(?: dollars)?|hryvnias?|tenge|r[ou]?ubles|rub|руб|uah|pen|uyu|kzt|gel|isk|bgn|mad|pkr|lkr|bdt|npr|tzs|ugx|etb|kwd|bhd|omr|jod|crc|dop|rsd"
)
# the codes also written before the figure: "USD 7,500", "AED 15,000"
CURRENCY_CODE = (  # a currency said by its code, before or after the sum
    r"usd|eur|gbp|chf|aud|cad|inr|jpy|brl|aed|sgd|pln|sek|nok|dkk|zar|nzd|mxn|hkd|cny|rmb|ngn|"
    r"php|kes|ksh|ars|clp|thb|idr|myr|egp|czk|huf|ron|ils|krw|qar|sar|vnd|twd|ntd|ghs|cop|"
    r"uah|pen|uyu|kzt|gel|isk|bgn|mad|pkr|lkr|bdt|npr|tzs|ugx|etb|kwd|bhd|omr|jod|crc|dop|rsd|rub"
)
_CODES_FIRST = rf"\b(?:{CURRENCY_CODE})"
_SYMBOLS = r"(?:gh₵|₵|nt\$|us\$|a\$|au\$|c\$|ca\$|s\$|nz\$|r\$|hk\$|[$€£¥₹₦₱฿₪₩₫₺₴₸₽]|rs\.?|(?<![\w$])r(?=\s?\d{1,3}(?:,\d{3})+\b|\d+(?:\.\d+)?\s?[km]\b))"
# the whole of a sale said after its parts: "8 units @ $1,150 = $9,200", "… total $9,200"
SALE_TOTAL = re.compile(
    rf"\s*(?:=|\b(?:in )?total(?: of)?:?)\s*(?P<money>{_SYMBOLS}?\s?\d[\d,.]*\s?(?:k|m\b)?(?:\s?(?:{_CODES})\b|\s?{_SYMBOLS})?)"
)
# the total said after the sum: "200 boxes @ S$4.20 — S$840 total"
SALE_TOTAL_AFTER = re.compile(
    rf"\s*(?P<money>(?:(?:{_CODES})\s?)?{_SYMBOLS}?\s?\d[\d,.]*\d\s?k?(?:\s?(?:{_CODES})\b|"
    rf"\s?{_SYMBOLS})?)\s+(?:in\s+)?total\b(?!\s+(?:amount|of|price|value|is|was)\b|\s*:)"
)
# A price per unit ("450 each", "@ $30/seat", "1.2k a licence"): the sale's amount is it times
# the quantity.
UNIT_PRICE = re.compile(
    rf"(?:\s+(?:@|at|for)\s*|[,;]\s*|\s+)(?P<money>{_SYMBOLS}?\s?\d[\d,.]*\s?k?(?:\s?(?:{_CODES})\b)?)"
    r"\s*(?:each|apiece|ea|a piece|per (?:seat|licen[cs]e|user|unit|piece|head|box|device)|"
    r"(?:an?|/)\s?(?:seat|licen[cs]e|user|unit|piece|head|pop|device))\b"
    # "… at 900 each, eur": the price's currency, said after it
    rf"(?:\s*,?\s*(?P<code>{_CODES})\b(?!\s*\d))?"
)
MONEY = [  # an amount with its currency anywhere; else a bare number after "for", "at", a comma
    re.compile(
        r"(?:[,;:]\s*|\s+(?:for|at|worth|totaling|totalling|total|@|paid|=|of)\s+|\s+|^)"
        rf"(?P<money>{_SYMBOLS}\s?\d[\d,.]*\s?(?:[km](?![a-z]))?(?:\s?(?:{_CODES})\b)?|(?:{_CODES_FIRST})\s?\d[\d,.]*\s?[km]?\b|\d(?:[\d,.]*\d)?\s?(?:[km]|lakhs?)?\s?(?:{_SYMBOLS}(?:\s?(?:{_CODES})\b)?|(?:{_CODES})\b(?!\s?\d)))"
        rf"{_PER}"
    ),
    re.compile(
        r"(?:\s+(?:for|at|worth|totaling|totalling|total|@|paid|=)\s+|[,;:!]\s*|\s+)"
        rf"(?P<money>\d[\d,.]*\s?k|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+\.\d{{2}}|\d{{3,}})(?!\w|\.\w|,\d){_PER}"
        # "…, 12k. maria has her now": a sentence ends after it
        r"(?=\W*$|\s*[,;]|\.\s|\s+[-–—]\s|\s+(?:for|total|in total|all in)\b"
        # "acme signed for 12k today": when, after the sum
        r"|\s+(?:today|yesterday|this (?:morning|afternoon)|last week|(?:on\s+)?"
        r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\W*$)"
    ),
    re.compile(
        r"(?:\s+(?:for|at|worth|totaling|totalling|total|@|paid|=)\s+|[,;]\s*)"
        rf"(?P<money>\d[\d,.]*\s?[km]?)(?![\w.,]){_PER}\W*$"
    ),
]
PURCHASE_FORMS = [
    re.compile(
        r"\b(?:sold|booked|invoiced)\s+(?!to\s)(?P<what>.+?)\s+(?:to|→|->)\s+(?P<who>.+?)\W*$"
    ),
    # "booked 10 seats with acme" (never "sold to X 6 brushes with rods": those are what)
    re.compile(r"\b(?:sold|booked|invoiced)\s+(?!to\s)(?P<what>.+?)\s+with\s+(?P<who>.+?)\W*$"),
    re.compile(
        r"^(?:we\s+|an?\s+)?(?:new order|sale|deal|purchase|order|"
        r"closed (?:a |the )?deal|(?:log|record|add|register)(?:ged|ed)? (?:a |the )?"
        r"(?:purchase|sale|order))\s*"
        r"(?:from|to|with|for|by)?\s*[:,]?\s*(?P<who>[^:,]+?)\s*[:,]\s*(?P<what>.+?)\W*$"
    ),
    re.compile(  # "log sale to Rookery Chimney Sweeps $500 for brushes": whom, then what
        r"^(?:log|record|add)(?:ged)? (?:a |the |new )?(?:purchase|sale|order)\s+(?:to|with)\s+"
        r"(?P<who>[^,;:]+?)\s+(?:for|of)\s+(?P<what>[^,;:]+?)\W*$"
    ),
    re.compile(  # "log sale: 10 seats crm pro to atlas"
        r"^(?:log|record|add)(?:ged)? (?:a |the |new )?(?:purchase|sale|order)\s*:?\s*(?:of\s+)?"
        r"(?!(?:to|with)\s)(?P<what>.+?)\s+(?:to|for|from|by)\s+(?P<who>.+?)\W*$"
    ),
    re.compile(  # "*Saltmark fenders* x 24 sold to Kilmore Quay Marina": what, then to whom
        r"^(?!(?:we|i|just|finally|also|have|has|had)\b)(?P<what>[^,;:]+?)\s+sold\s+to\s+"
        r"(?P<who>[^,;:]+?)(?:\s*[,;:].*)?$"
    ),
    re.compile(r"\bsold\s+(?P<both>.+?)\W*$"),
    re.compile(  # "log a sale for Jane Cooper CRM Pro $8400": the store's names tell them apart
        r"^(?:log|record|add|register)(?:ged|ed)? (?:a |the |new )?(?:purchase|sale|order)\s+"
        r"(?:for|to|with|from|by)\s+(?P<both>.+?)\W*$"
    ),
    re.compile(  # "record sale: Galata Kahvecisi 10 cezve", "log sale Desert Wings Club 4 perches"
        r"^(?:log|record|add|register)(?:ged|ed)? (?:a |the |new )?(?:purchase|sale|order)\s*:?\s*"
        r"(?P<both>.+?)\W*$"
    ),
    re.compile(  # "Placement fee invoiced to Brightwater Housing: £8,400"
        r"^(?P<what>[^,;:]+?)\s+(?:invoiced|billed|sold)\s+to\s+(?P<who>[^,;:]+?)(?:\s*[,;:].*)?$"
    ),
    re.compile(
        r"^(?:.*?[.!:;]\s+)?(?P<who>(?:(?![.!:;]\s).)+?)\s+(?:just\s+|has\s+|have\s+|finally\s+)?"
        r"(?:bought|bougth|purchased|ordered|orderd|renewed|"
        r"signed up for|upgraded to|took|booked|availed|went with|paid for|paid)\s+(?:another\s+|an extra\s+)?(?P<what>.+?)\W*$"
    ),
]
# "gave him 10% off", "at a 15% discount", "discount of 5%": off the list price
DISCOUNT = re.compile(
    r"(?P<pct>\d{1,2}(?:\.\d{1,2})?)\s?%\s*(?:off|discount|disc\b|reduction)"
    r"|\b(?:discount(?:ed)?|off|minus|less)\s+(?:of\s+|by\s+|a\s+)?(?P<pct2>\d{1,2}(?:\.\d{1,2})?)\s?%"
)
TIMES = re.compile(  # "support premium x2", "2x CRM Pro", "× 3", "qty 10", "quantity: 25"
    r"(?<![\w$€£.,])(?:[x×]\s?(?P<q>\d{1,4})|(?P<q2>\d{1,4})\s?[x×])(?!\w|[.,]\d)"
    r"|(?:[,;|]\s*)?\b(?:qty|quantity)\s*[:=]?\s*(?P<q3>\d{1,6})\b(?![.,]\d)"
)
NEGATIVE_QUANTITY = re.compile(
    r"(?:^|\s)(?P<q>-\d+)\s*(?:x\s+)?(?:seats?|licen[cs]es?|units?|users?|boxes|copies|subscriptions?|pcs|pieces|"
    r"cases|strips|bottles|bags|crates|pallets|packs|cartons|kegs|rolls|tins|kits|sets|pairs|tubes|vials|"
    r"sachets|barrels|drums|items|containers)\b"
    r"|\b(?:quantity|qty)\s*:?\s*(?P<q2>-\d+)|\b(?:ordered|bought|purchased|sold|took)\s+(?P<q3>-\d+)\b"
    r"|^(?:(?:log|record|add|new)\s+(?:an?\s+)?)?(?:sold|ordered|sale|purchase|order)\s+(?:to\s+)?(?:[\w&'.-]+\s+){1,5}?(?P<q4>-\d+)\s+[a-z]"  # "sold X -2 tractor TR-95"
    r"|(?<=,)\s*(?P<q5>-\d+)(?=\s+(?!(?:eur|usd|gbp|aud|cad|nzd|dollars|euros|pounds|bucks|k)\b)[a-z]{3,})"
    r"|^(?:[\w&'.-]+\s+){1,4}?(?<!paid )(?<!for )(?<!at )(?P<q6>-\d+)\s+(?=[a-z])"  # "pinecrest hoa -2 filter cartridges $60"
)
PRODUCT_FOR = re.compile(
    r"\b(?:for|on)\s+(?:the|a|an|our)\s+(?P<p>[a-z][\w&+-]*(?:\s(?!for|at|to|from|with|total|and|in|on)[\w&+-]+){0,2})(?=\s*(?:[,;:!.]|$|\s[-–—]|\s[$€£¥₹\d]))"
)
NEGATIVE_MONEY = re.compile(
    rf"(?:^|\s)(?P<money>-(?:{_SYMBOLS})\s?\d[\d,.]*\s?[km]?|(?:{_SYMBOLS})\s?-\d[\d,.]*\s?[km]?|-\d[\d,.]*\s?[km]?\s?(?:{_CODES})\b)"
    r"|\b(?:amount|price|total|value|for|at|paid|pays|paying|worth)\s*[:=]?\s*"
    r"(?P<money2>-\d[\d,.]*\s?[km]?)(?![\w%])"
)
PRODUCT_END = re.compile(
    r"\s*(?:[,;(]|\s[-–—]\s|\s\.\s|\s(?:for|at|total|totalling|totaling|worth|@|today|yesterday|this|last|on)\b)"
)
NOT_PRODUCT = re.compile(
    r"^(?:for|another|a further|the next|one more|next)\b.*\b(?:year|yr|month|term|period|quarter)s?$",
    re.I,
)
SEATS = re.compile(
    # "12 seats", "12seats", "20x seats"; never "2BR unit", a two-bedroom one
    r"(?<![\d,.])\b(?P<q>\d{1,3}(?:,\d{3})+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
    r"(?:\s*x\s+|\s+|(?=(?:seats?|licen[cs]es?|units?|users?|pcs|pax)\b))"
    r"(?:(?:more|extra|additional|new)\s+)?(?P<between>(?:[A-Za-z][\w+-]*\s+){0,2}?)(?:seats?|licen[cs]es?|units?|users?|boxes|copies|subscriptions?|pcs|pieces|cases|strips|bottles|bags|crates|pallets|packs|cartons|kegs|rolls|tins|kits|sets|pairs|tubes|vials|sachets|barrels|drums|sites|locations|branches|devices|endpoints|mailboxes|machines|laptops|vehicles|pax|heads|employees|members|lives)\b(?:\s+of)?"
)
PRODUCT_NAME = re.compile(
    r"\s*(?:the\s+)?(?P<p>[\w&+-]+(?:\s(?!for|at|to|from|with|total|in)[\w&+-]+){0,3})"
)
# a count said in a measure, the product after it: "200m mooring line", "2 kg oolong"
MEASURE = r"(?:kgs?|m|g|l|lbs?|tonnes?|metres?|meters?|litres?|liters?)"
COUNTED = re.compile(  # never a unit's or a room's number: "unit 1804", "suite 12"
    r"(?<![\w$€£¥₹₦.,#-])(?<!unit )(?<!suite )(?<!room )(?<!apt )(?<!no\. )(?<!lot )(?P<q>\d{1,4})(?![-\s]?(?:months?|years?|weeks?|days?|hours?|yrs?|mos?)\b)"
    rf"(?:(?<!of \d)(?<!of \d\d)(?<!x \d)(?<!x \d\d)(?<!x\d)\s?{MEASURE}(?=\s))?\s*x?\s+(?:(?:cases|boxes|packs|meters|metres|cartons|rolls|strips|bottles|bags|crates|pallets|kegs|tins|pcs|pieces|units|kits|sets|pairs|tubes|vials|sachets|loads|hrs|hours|days|sessions|lbs|kg|kgs|kilos|tonnes|tons|litres|liters|gallons)\s+(?:of\s+)?)?"
    r"(?P<p>[a-z][\w&-]*(?:\s(?!for|at|to|from|with|total|and|in|on)[a-z][\w&-]*){0,3})(?=\s*(?:[,;:]|\.(?:\s|$)|$|[-–—]\s|\s(?:for|at|to|from|total|@))|\s+[$€£¥₹\d])"
)
SALE_WORDS = re.compile(
    r"\b(?:we|just|finally|have|has|signed|sign|closed|close|won|win|renewed|renew|paid|booked|"
    r"invoiced|the|a|deal|contract|with|for|another|year|yr|annual|ok|yay|woo+|wohoo|boom|sale|"
    r"order|po|new|came in|got|landed|bagged|sold|purchase)\b|[!:]",
    re.I,
)
PRODUCT = re.compile(
    # "the 6 month contract": how long, not how many
    r"^(?:(?P<q>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve)(?:\s+|\s*x\s+)"
    r"(?![-\s]?(?:month|year|week|day|hour|yr|mo)\b))?"
    r"(?:x\s+)?(?:(?:seats?|licen[cs]es?|units?|copies|boxes|packs?|subscriptions?|bags|cases|cartons|crates|bottles|rolls|pallets|hrs|hours|days|sessions)\s+of\s+|(?:pcs|pieces|pc)\.?\s+(?:of\s+)?)?"
    r"(?P<p>.+?)(?:\s+(?:seats?|licen[cs]es?|units?|subscriptions?))?$",
    re.I,
)

# ---- customer fields -------------------------------------------------------------------------

FIELDS = {
    "name": "name", "full name": "name", "email": "email", "e-mail": "email",
    "email address": "email", "mail": "email", "phone": "phone", "phone number": "phone",
    "number": "phone", "mobile": "phone", "cell": "phone", "tel": "phone", "ph": "phone", "company": "company",
    "employer": "company", "title": "title", "job title": "title", "role": "title",
    "position": "title", "city": "city", "town": "city", "location": "city",
    "country": "country", "owner": "owner", "account owner": "owner", "rep": "owner",
    "stage": "stage", "status": "stage", "lifecycle stage": "stage", "tag": "tag", "tags": "tag",
    "interest": "interest", "interests": "interest", "product interest": "interest",
    "label": "tag", "company name": "company", "organisation": "company",
    "organization": "company", "job": "title", "mobile number": "phone", "cell number": "phone",
    "designation": "title", "phne": "phone", "fone": "phone", "emial": "email", "emal": "email",
}  # fmt: skip
_FIELD = _any_of(FIELDS)
# Pipeline stages as people say them → the contract's stage names.
STAGES = {
    "lead": "lead", "leads": "lead", "new lead": "lead", "prospect": "qualified",
    "prospects": "qualified", "qualified": "qualified", "sql": "qualified", "mql": "qualified",
    "proposal": "proposal", "proposal sent": "proposal", "quote": "proposal",
    "negotiation": "proposal", "customer": "customer", "customers": "customer", "won": "customer",
    "closed won": "customer", "closed-won": "customer", "client": "customer", "lost": "lost",
    "closed lost": "lost", "closed-lost": "lost", "churned": "lost", "lapsed": "lost", "dead": "lost",
}  # fmt: skip
# "all paying customers", "… that are actual customers": those who buy
PAYING = {"paying": "customer", "existing": "customer", "actual": "customer", "real": "customer"}
_STAGE_WORDS = _any_of(STAGES)
_STAGE = rf"(?P<stage>{_STAGE_WORDS})"
STAGE_WORDS = _STAGE_WORDS
_ONE_OF_STAGES = _any_of(w for w in STAGES if w not in ("customer", "customers", "client"))
# how long they have been in a stage: "been in proposal more than 30 days", "in the lead stage
# for over 2 months", "in proposal since before 7 nov"
IN_STAGE_FOR = re.compile(
    rf"\b(?:(?:been|sitting|sat|spent|stuck|stayed)?\s*in|stage\s*[:=]?)\s*(?:the\s+)?(?P<stage>{_ONE_OF_STAGES})"
    r"(?:\s+stage)?\s+(?:for\s+)?(?:more than|over|longer than|at least|>)\s*"
    rf"(?P<n>\d+|{_SPAN_COUNT})\s*(?P<unit>days?|weeks?|wks?|months?|mths?|d|w)\b"
)
# the time said first: "longer than 3 weeks in proposal", "for more than 45 days at qualified"
LONGER_IN_STAGE = re.compile(
    r"\b(?:for\s+)?(?:more than|over|longer than|at least|>)\s*"
    rf"(?P<n>\d+|{_SPAN_COUNT})\s*(?P<unit>days?|weeks?|wks?|months?|mths?|d)\s+"
    rf"(?:in|at)\s+(?:the\s+)?(?P<stage>{_ONE_OF_STAGES})\b"
)
IN_STAGE_SINCE = re.compile(
    rf"\bin\s+(?:the\s+)?(?P<stage>{_ONE_OF_STAGES})(?:\s+stage)?\s+since\s+(?:before\s+)?"
    rf"(?P<when>{DATE_PHRASE})"
)
# a customer not won yet: every open stage of the pipeline ("everything jordan owns that's not a
# customer yet")
NOT_WON_YET = re.compile(
    r"\b(?:(?:not|isn'?t|aren'?t)\s+(?:an?\s+)?(?:customers?|clients?)\s+yet|not\s+yet\s+(?:an?\s+)?"
    r"(?:customers?|clients?)|(?:still\s+)?(?:open|stale|stuck|stalled|cold|aging|ageing|idle)\s+"
    r"(?:deals|opportunities|opps)|pipeline\s+(?:deals|"
    r"opportunities|accounts|customers)|(?:deals|opportunities)\s+in\s+(?:the\s+|(?:his|her|their|my)\s+)?"
    r"pipeline)\b"
)
OPEN_STAGES = ["lead", "qualified", "proposal"]
# two stages at once: "maria's leads and proposals", "in lead or proposal stage"
TWO_STAGES = re.compile(
    rf"\b(?P<a>{_ONE_OF_STAGES})s?(?:\s*(?:and|or|&|\+|/|,)\s*|\s+(?=(?:{_ONE_OF_STAGES})s?\s*"
    rf"(?:and|or|&|,)\s*(?:{_ONE_OF_STAGES})))(?:the\s+|her\s+|his\s+|their\s+|"
    rf"my\s+|our\s+)?(?P<b>{_ONE_OF_STAGES})s?\b"
    rf"(?:\s*,?\s*(?:and|or|&|\+|/|,)\s*(?:the\s+)?(?P<c>{_ONE_OF_STAGES})s?\b)?"  # "leads, qualified and proposals"
)
# one stage, never a selection of them: "mark them lost", not "mark all leads …"
_STAGE_ONE = _any_of(w for w in STAGES if not w.endswith("s"))
_SET = (
    r"(?:(?:please|pls|can you|could you|(?:is (?:it )?)?possible to|i (?:want|need|would like) to)\s+)*"
    r"(?:change|set|update|updte|edit|correct|fix)\s+(?:the\s+)?"
)
_TO = r"\s*(?:\bto\b|=|:|\bis\b|\bas\b)\s*"
# a detail of a customer we have, not a new customer: "new email address for X: …"
NEW_DETAIL_FOR = re.compile(
    rf"^(?:(?:a|the|their|his|her)\s+)?(?:new|updated|changed|correct|corrected)\s+"
    rf"(?P<field>{_FIELD})\s+(?:for|of)\s+"
)
UPDATE_FORMS = [
    # "fix his city, it's hamburg germany": the detail named, then what it should be
    re.compile(r"^(?:(?:pls|please|can you|could you)\s+)?(?:fix|change|update|correct)\s+(?P<who>his|her|their|its|[^,;:]+?(?:'s|’s))\s+(?P<field>city|phone|mobile|number|e-?mail|title|company)\s*[,;:–—-]\s*(?:it'?s|it is|should be|is|to|make it)\s+(?P<value>\S.*?)\W*$"),
    # "Lena Hoffmann now work for Skyline Fassaden GmbH, change company": a new employer
    re.compile(r"^(?P<who>[^,;:]{2,60}?)\s+(?:now\s+|has\s+moved\s+to\s+|moved\s+to\s+)?(?:works?|working|is\s+working)\s+(?:now\s+)?(?:for|at)\s+(?P<value>[^,;:]+?)(?:\s+now)?(?:\s*[,;.–—-]\s*(?:pls\s+|please\s+)?(?:change|update)\s+(?:the\s+|her\s+|his\s+)?(?P<field>company)(?:\s+(?:pls|please))?)\W*$"),
    # "add her phone +1 212 555 0142": a detail of the one just talked about
    re.compile(r"^(?:(?:pls|please)\s+)?(?:add|save|put in|put)\s+(?P<who>his|her|their|its)\s+(?P<field>phone|mobile|cell|number|e-?mail|title|job title|city|company)\s*(?:number\s*)?(?:is|as|:|=)?\s+(?P<value>\S.*?)\W*$"),
    # "it's Fatima Nakamura at Silverline that's lost": the one meant, and her stage
    re.compile(rf"^(?:no,?\s+|sorry,?\s+)?it'?s\s+(?P<who>[^,;]+?)\s+(?:that|who)(?:'s|’s|\s+is|\s+should\s+be)\s+(?:now\s+)?(?:an?\s+)?{_STAGE}\W*$"),
    # "update #4471 phone +65 6555 0192", "/crm update Harzwald Glassblowers city Goslar": a detail
    # given bare after its name (the last field word said is the field)
    re.compile(r"^(?:update|change|set|edit|correct|fix|add|save|put in)\s+(?P<who>[^,:;]+?)(?:'s|’s)?\s+(?P<field>phone(?: number)?|mobile|cell|tel|e-?mail(?: address)?)\s*:?\s*(?P<value>\+?\(?\d[\d ()./-]{5,}\d|[\w.+'-]+@[\w-]+(?:\.[\w-]+)+)\W*$"),
    # "mrs kowalczyk phone 773-555-0148": a name, then a detail and its value bare
    re.compile(r"^(?!(?:who|whose|which|what|find|show|search|look|is|does|any|called|rang|texted|emailed|log|logged)\b)(?P<who>[a-z][^,:;]{1,40}?)(?<!\snew)(?<!\shis)(?<!\sher)(?<!\stheir)(?:'s|’s)?(?:\s+new)?\s+(?P<field>phone(?: number)?|mobile|cell|tel|ph|e-?mail(?: address)?)\s*:?\s*(?P<value>\+?\(?\d[\d ()./-]{5,}\d|[\w.+'-]+@[\w-]+(?:\.[\w-]+)+)\W*$"),
    # "Change the email of Beatriz Menezes for beatriz.menezes@…": the new value after "for"
    re.compile(r"^(?:update|change|set|edit|correct|fix)\s+(?:the\s+)?(?P<field>phone(?: number)?|mobile|cell|e-?mail(?: address)?)\s+(?:of|for)\s+(?P<who>[^,:;]+?)\s+(?:for|with|by)\s+(?P<value>\+?\(?\d[\d ()./-]{5,}\d|[\w.+'-]+@[\w-]+(?:\.[\w-]+)+)\W*$"),
    re.compile(r"^(?:update|change|edit|correct|fix)\s+(?P<who>[^,:;]+)(?:'s|’s)?\s+(?P<field>city|town|title|job title|company)\s*:?\s+(?!(?:to|is|as|of|for|on|name|number|address)\b)(?P<value>[\w'’.&-]+(?:\s(?!to\b)[\w'’.&-]+){0,3})\W*$"),
    # "also add hannah jensen to that tag": the tag just used, which the bot knows
    re.compile(r"^(?:(?:also|and|oh)\s+)*(?:add|put)\s+(?P<who>.+?)\s+(?:to|in|under|into)\s+(?P<value>that|the same|this)\s+(?P<field>tag)(?:\s+too|\s+as well)?\W*$"),
    # "set tag wholesale on Porto Sardine Caners"
    re.compile(r"^(?:set|add|put)\s+(?:the\s+|a\s+)?tag\s+['\"#]?(?P<tag>[\w-]+)['\"]?\s+(?:on|to|for)\s+(?P<who>[^,:;]+?)\W*$"),
    re.compile(rf"^(?:update|change|set|edit)\s*[:,]\s*(?P<who>[^,:;]+?)\s*[,;]\s*(?P<field>{_FIELD})\s*(?:->|→|=>|:|=|\s+to\s+|\s+is\s+)\s*(?P<value>\S.*?)\W*$"),  # "Update • X • stage → proposal"
    re.compile(rf"^(?:move|put|mark|set|change|push|bump|advance|progress|upgrade|downgrade|take|drop|keep|leave)\s+(?:the\s+(?:stage|status)\s+(?:of|for)\s+)?(?P<who>.+?)\s+(?:back\s+)?(?:up\s+|down\s+)?(?:to|as|into|in)\s+(?:the\s+|an?\s+)?(?:stage\s+)?{_STAGE}(?:\s+stage)?(?:\s*[,;–—-]\s.*|\s+(?:now|please|pls|today)|\s+if (?:not|(?:she|he|they|it)(?:'s|'re| is| are) not) (?:already|yet))?\W*$"),
    re.compile(r"^(?:move|put|transfer|shift|add)\s+(?P<who>.+?)\s+(?:in)?to\s+(?P<owner>[\w'-]+?)(?:'s|’s)\s+(?:book|list|accounts|patch|territory|portfolio|pipeline)\W*$"),
    re.compile(r"^(?P<who>[^,;:–—]+?)(?:\s*[–—:]\s*|\s+-\s*|\s*-\s+)(?P<stage>closed[- ]lost|closed[- ]won|won|lost|churned|qualified|proposal)\b(?:\s*[,;.]\s*.*)?$"),
    re.compile(r"^(?:tag|label)\s+(?P<who>.+?)\s+(?:as|with)\s+#?(?P<tag>.+?)\W*$"),
    re.compile(r"^(?:tag|label)\s+(?P<who>#\d+)\s+#?(?P<tag>[\w-]+)\W*$"),
    re.compile(r"^add\s+(?:the\s+)?(?:tag|label)\s+#?(?P<tag>.+?)\s+(?:to|for|on)\s+(?P<who>.+?)\W*$"),
    re.compile(r"^add\s+(?:the|a)\s+#?(?P<tag>[\w-]+)\s+(?:tag|label)\s+(?:to|for|on)\s+(?P<who>.+?)\W*$"),
    re.compile(r"^(?:add|note|record)\s+(?:the\s+|an\s+)?interest\s+(?:in\s+)?(?P<interest>.+?)\s+(?:to|for|on)\s+(?P<who>.+?)\W*$"),
    re.compile(r"^(?:add|put)\s+(?P<interest>.+?)\s+(?:to|on|in)\s+(?P<who>.+?)(?:'s|’s|s')?\s+(?:product\s+)?interests?(?:\s+list)?\W*$"),
    re.compile(r"^(?:add|note|record)\s+(?P<interest>.+?)\s+as\s+an?\s+interest\s+(?:to|for|on|of)\s+(?P<who>.+?)\W*$"),
    re.compile(r"^(?:assign|reassign|hand over|give)\s+(?P<who>.+?)\s+to\s+(?P<owner>[\w'-]+(?:\s[\w'-]+)?)\W*$"),
    # "remove Brooklyn Glassworks from my book, Bianca's taking them over": a handover
    re.compile(r"^(?:remove|take|drop)\s+(?P<who>.+?)\s+(?:from|off|out of)\s+my\s+(?:book|list|accounts|patch|portfolio)\s*[,;.–—-]+\s*(?P<owner>[\w'-]+)(?:'s|’s|\s+is|\s+will\s+be)\s+(?:taking\s+(?:them|it|her|him)\s+over|taking\s+over|having\s+(?:them|it|her|him)|looking\s+after\s+(?:them|it|her|him))\W*$"),
    # "Adaeze Okafor - add interest: glass lathe"
    re.compile(r"^(?P<who>[^:,;]+?)\s*[-–—:]\s*(?:pls\s+|please\s+)?add\s+(?:an?\s+)?interest\s*(?:in\s+|:\s*)(?P<interest>.+?)\W*$"),
    re.compile(r"^(?:hand|pass|transfer)\s+(?P<who>.+?)\s+(?:over\s+|on\s+)?to\s+(?P<owner>[\w'-]+(?:\s[\w'-]+)?)\W*$"),
    re.compile(r"^(?P<owner>[\w'-]+(?:\s[\w'-]+)?)\s+(?:is\s+taking|takes|will\s+take)\s+over\s+(?P<who>.+?)(?:\s+from\s+(?:today|now|monday|next week))?\W*$"),
    re.compile(r"^(?!who|whose|what|which)(?P<owner>[\w'-]+(?:\s[\w'-]+)?)(?:'s|’s|\s+is|\s+will\s+be)\s+(?:taking\s+over|taking|looking\s+after|handling|covering|managing)\s+(?P<who>.+?)(?:\s+(?:from\s+(?:today|now(?:\s+on)?|monday|next\s+week)|now|going\s+forward|instead))*\W*$"),
    re.compile(r"^(?!who|whose|what|which)(?P<owner>[\w'-]+(?:\s[\w'-]+)?)\s+(?:will|is\s+going\s+to|should|can)\s+(?:look\s+after|handle|cover|manage|own|take\s+over|have|get)\s+(?P<who>.+?)(?:\s+(?:from\s+(?:today|now(?:\s+on)?|monday|next\s+week)|now|going\s+forward|instead)|\s*[,;–—]\s.*|\s+-\s.*)*\W*$"),
    re.compile(r"^(?!who|whose|what|which)(?P<owner>[\w'-]+(?:\s[\w'-]+)?)\s+owns\s+(?P<who>.+?)\s+(?:now|from\s+now\s+on|going\s+forward)\W*$"),
    re.compile(r"^(?:switch|move|transfer)\s+(?P<who>.+?)\s+from\s+[\w'-]+(?:\s[\w'-]+)?\s+(?:over\s+)?to\s+(?P<owner>[\w'-]+(?:\s[\w'-]+)?)\W*$"),
    re.compile(r"^(?:let|have)\s+(?P<owner>[\w'-]+(?:\s[\w'-]+)?)\s+(?:take\s+over|look\s+after|handle|own)\s+(?P<who>.+?)\W*$"),
    re.compile(r"^(?P<who>.+?)\s+(?:is|goes|belongs)\s+(?:to\s+)?(?P<owner>[\w-]+(?:\s[\w-]+)?)(?:'s|’s)\s+(?:now|from\s+now\s+on)\W*$"),
    re.compile(r"^(?P<who>[^,;]+?)\s+(?:should|must|needs? to)\s+be\s+(?P<owner>[\w-]+)(?:'s|’s)(?:\s+(?:now|instead|from\s+now\s+on))?\W*$"),  # "Priya Shah should be Sam's"
    re.compile(r"^(?P<who>.+?)\s+(?P<stage>won|churned)\W*$"),
    re.compile(r"^(?:please |pls )?(?:make|mark)\s+(?P<who>[^,;]+?)\s+(?:as\s+)?(?:an?\s+)?(?P<stage>customer|client|lead|prospect|qualified|lost)(?:\s+now)?\W*$"),
    re.compile(r"^(?:(?:please|pls)\s+)?put\s+(?P<who>[^,;]+?)\s+(?:back\s+)?with\s+(?P<owner>[\w'-]+)(?:\s+(?:please|pls|now|instead))?(?:\s*[,;.–—-]\s.*)?$"),
    re.compile(r"^we\s+(?P<stage>lost|won)\s+(?P<who>.+?)\W*$"),
    re.compile(r"^(?P<stage>lost|won)\s+(?P<who>[^,;]+?)(?:\s*[,;.–—-]\s*.*)?$"),
    re.compile(r"^(?P<who>[^.,;!]+?)\s+(?:has\s+|have\s+)?(?P<stage>lost|won|churned)(?:\s*[.!,;]\s*.*)?$"),
    re.compile(rf"^(?P<who>[^.,;!]+?)\s+(?:move|moved|goes|went|moves)\s+(?:on\s+)?to\s+{_STAGE}(?:\s+(?:already|now|today))?\W*$"),
    re.compile(r"^(?P<who>[^.,;:]+?)[.,;:]?\s+(?:[\w ]{0,30}?\s)?new (?:one|cell|mobile|phone|number|email|e-mail|address)(?:\s+is)?\s*:?\s*(?P<value>[\w.+@()-][\w.+@() -]*?)\W*$"),
    re.compile(rf"^(?:(?:stage|status)\s+(?:change|update)\s*:\s*)?(?P<who>[^>→]+?)\s*(?:->|→|=>)\s*(?:stage\s*:?\s*)?{_STAGE}(?:\s*\([^)]*\))?\W*$"),
    re.compile(rf"^(?P<who>[^,;:]+?)\s+(?:stage|status)\s*[:=]?\s*(?:to\s+|now\s+)?{_STAGE}\W*$"),
    re.compile(r"^(?!(?:emailed|called|rang|texted|met|spoke|phoned|messaged|wrote|visited|sent)\b)(?P<who>[^,;]+?)\s+(?:sent|got|received|has|asked for)\s+(?:the\s+|a\s+|our\s+)?(?P<stage>proposal)(?:\s+(?:today|yesterday|now|this morning))?\W*$"),
    re.compile(r"^(?P<who>[^>→]+?)\s*(?:->|→|=>)\s*(?:(?:new\s+)?(?:owner|rep)\s*:?\s*)?(?P<owner>[\w'-]+(?:\s[\w'-]+)?)\W*$"),
    re.compile(r"^(?:put|move|place)\s+(?P<who>.+?)\s+under\s+(?P<owner>[\w'-]+?)(?:'s|’s)?(?:\s+name)?(?:\s+(?:from now on|going forward|for now|now|please|pls))*\W*$"),
    re.compile(r"^(?P<who>.+?)\s+(?:should|will|can|is to)\s+(?:sit|go|stay|be|move)\s+(?:with|to|under)\s+(?P<owner>[\w'-]+)(?:\s+(?:going forward|from now on|now|instead))*\W*$"),
    re.compile(r"^(?:give|assign|hand(?:\s+over)?|pass)\s+(?P<owner>me)\s+(?!(?:the|a|an|all)\s+(?:data|export|list|report|numbers|figures|details|info|summary|breakdown|csv|file)\b)(?P<who>.+?)\W*$"),
    re.compile(rf"^(?P<who>[^,;:]+?)\s+(?:back\s+)?(?:to|into|in)\s+(?:the\s+)?(?:stage\s+)?{_STAGE}(?:\s+stage)?(?:\s+(?:now|please|pls))?\W*$"),
    re.compile(r"^make\s+(?P<owner>[\w'-]+(?:\s(?!the\b)[\w'-]+)?)\s+(?:the\s+)?owner\s+(?:of|for)\s+(?P<who>.+?)\W*$"),
    # "Change the stage of Marina Porto Belo for customer, they paid already"
    re.compile(rf"^(?:change|move|put|set|update)\s+(?:the\s+)?(?:stage|status)\s+(?:of|for)\s+(?P<who>[^,;]+?)\s+(?:for|in|as|into)\s+(?:an?\s+)?{_STAGE}\b(?:\s*[,;.–—-]\s.*|\W*)$"),
    re.compile(r"^set\s+(?P<owner>[\w'-]+(?:\s(?!as\b)[\w'-]+)?)\s+as\s+(?:the\s+)?(?:new\s+)?owner\s+(?:of|for|on)\s+(?P<who>.+?)\W*$"),
    # "Footscray Players: can you make Tui the owner from now on? Declan's got enough on …"
    re.compile(r"^(?P<who>[^:?]+?)\s*:\s*(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?make\s+(?P<owner>[\w'-]+(?:\s(?!the\b)[\w'-]+)?)\s+(?:the\s+)?(?:new\s+)?(?:owner|rep)(?:\s+(?:from\s+now\s+on|going\s+forward|now|instead|please))*(?:\W*$|[?!.]\s.*$)"),
    re.compile(rf"^{_SET}(?P<field>{_FIELD})\s+(?:of|for|on)\s+(?P<who>.+?){_TO}(?P<value>.+?)\W*$"),
    re.compile(rf"^{_SET}(?P<who>[^:]+?)\s*:\s*(?P<field>{_FIELD})(?:{_TO}|\s+)(?P<value>\S.*?)\W*$"),
    re.compile(rf"{NEW_DETAIL_FOR.pattern}(?P<who>[^:=]+?)\s*(?:[:=]|\s[-–—]|\sis)\s*(?P<value>\S.*?)\W*$"),
    re.compile(rf"^{_SET}(?P<who>.+?)(?:'s|’s)\s+(?P<field>{_FIELD}){_TO}(?P<value>.+?)\W*$"),
    re.compile(rf"^{_SET}(?P<who>.+?)\s+(?P<field>{_FIELD}){_TO}(?P<value>.+?)\W*$"),
    re.compile(rf"^(?P<who>.+?)(?:'s|’s)\s+(?:new\s+)?(?P<field>{_FIELD})\s+(?:is|should be|=)\s+(?:now\s+)?(?P<value>.+?)\W*$"),
    re.compile(rf"^(?P<who>[^,;:]+?)\s+(?:change|update|new)\s+(?P<field>{_FIELD})(?:{_TO}|\s+)(?P<value>\S.*?)\W*$"),
    re.compile(r"^rename\s+(?P<who>.+?)\s+(?:to|as)\s+(?P<name>.+?)\W*$"),
    re.compile(r"^(?!(?:who|which|any|anyone|list|show|find|customers|clients|all|log|logged|called|rang|emailed|met|spoke|visited|had|just)\b)(?!.*\b(?:called|rang|emailed|met|spoke|visited|texted|messaged)\b)(?!.*\b(?:not|no longer|isn'?t|aren'?t|never)\s+(?:really\s+)?(?:interested|keen)\b)(?P<who>[^,;:]+?)(?:'s|’s|'re|’re)?\s+(?:(?:is|are)\s+)?(?:now\s+|also\s+|really\s+)?(?:interested in|keen on)\s+(?P<interest>.+?)(?:,\s*(?:please|pls|can you|could you)\b.*)?\W*$"),
    re.compile(rf"^(?P<who>.+?)\s+is\s+(?:(?:now|officially|finally)\s+)*(?:an?\s+|(?<=now\s))(?:an?\s+)?{_STAGE}\b"),
    re.compile(rf"\b(?:put|have|had|got|entered|typed)\s+(?:in\s+)?(?:the\s+|a\s+)?wrong\s+(?P<field>{_FIELD})\s+(?:for|on)\s+(?P<who>[^,;]+?)\s*[,;:-]+\s*(?:it'?s|its|it is|should be|the right one is|correct one is)\s+(?P<value>\S+?)\W*$"),
    re.compile(rf"^(?P<who>.+?)(?:'s|’s)\s+(?P<field>{_FIELD})\s+(?:has\s+)?changed\s*(?:[,:;.-]+\s*|\s+)(?:(?:it's|its|it is|it is now|now|the new one is|new one is|to)\s+)?(?P<value>\S.*?)(?:\s+now)?\W*$"),
]  # fmt: skip

# One customer's interest taken off: "remove the interest 'hardware' from her", "drop analytics
# from Jane Cooper's interests".
INTEREST_DROPPED = re.compile(
    r"^(?:please |pls )*(?:remove|delete|drop|take)\s+(?:the\s+)?interests?\s+(?P<value>.+?)\s+"
    r"(?:from|off)\s+(?P<who>.+?)\W*$"
    r"|^(?:please |pls )*(?:remove|delete|drop|take)\s+(?:the\s+)?(?P<value2>.+?)\s+(?:from|off|out of)\s+"
    r"(?P<who2>.+?)(?:'s|’s)?\s+interests?(?:\s+list)?\W*$"
    # "X is not interested in CRM Pro, remove that", "X no longer interested in Y"
    r"|^(?P<who3>[^,;:]+?)(?:'s|’s|'re|’re)?\s+(?:(?:is|are)\s+)?(?:not|no longer|isn'?t|aren'?t|"
    r"never|not really)\s+(?:really\s+)?(?:interested in|keen on)\s+(?:the\s+)?(?P<value3>[^,;.]+?)"
    r"(?:\s+(?:any ?more|any longer|after all))?(?:\s*[,;.–—-]\s*(?:(?:please|pls|so)\s+)?"
    r"(?:remove|drop|delete|take)\b.*)?\W*$",
    re.I,
)

# A stage said after what happened: "X went with a competitor. closed lost.", "X accepted our
# proposal, she's a customer now", "X looks legit, qualify him".
STAGE_AFTER = re.compile(
    rf"(?:[.!,;:]+|\s[-–—])\s*(?:so\s+|and\s+)?(?:(?:(?:she|he|they|it)(?:'s|’s|\s+is|\s+are|'re)|now)\s+"
    rf"(?:now\s+)?(?:an?\s+)?(?P<stage>{_STAGE_WORDS})(?:\s+now)?"
    r"|(?:mark\s+(?:(?:her|him|them|it)\s+)?(?:as\s+)?)?(?P<said>closed[- ]lost|closed[- ]won|lost|won|churned|dead)"
    r"|(?P<qualify>qualify)\s+(?:her|him|them|it)"
    rf"|make\s+(?:him|her|them|it)\s+(?:an?\s+)?(?P<made>{_STAGE_WORDS})"
    r"|we\s+(?P<we>lost|won)\s+(?:her|him|them|it)\b.*"
    rf"|(?:set|put|move|mark|moving|putting|setting)\s+(?:him|her|them|it)\s+(?:back\s+)?(?:to|as|in|into)\s+(?P<again>{_STAGE_WORDS}))\W*$"
)
UPDATE_LEAD = re.compile(
    r"^(?:(?:please|pls|kindly|can you|could you)\s+)*(?:change|set|update|edit|correct|fix|make|move|"
    r"put|mark|tag|label|assign|reassign|hand over|give|rename)\s+(?:the\s+)?"
)
UPDATE_TAIL = re.compile(
    r"(?:\s+(?:has|have|is|are|got|just|now|new|moved|relocated|changed|updated|his|her|their|its|the|a|"
    r"should|could|can|will|must|needs|go|goes|passes|moves|over|"
    r"update (?:her|him|them|it)(?: please| pls)?))+\s*$",
    re.I,
)
# words after a new value that are not part of it: "title is CEO now", "city to Leeds please"
FIELD_NAMED_LAST = re.compile(
    rf"(?:^|[,;.]|\band|\s)\s*(?:please\s+|pls\s+|can you\s+|so\s+)?(?:change|update|fix|set|correct|edit)\s+(?:the|his|her|their|its|that)\s+(?P<field>{_FIELD})(?:\s+(?:please|pls|too|as well|accordingly))?\W*$"
)
# "Kainoa moved to Maui, update his city to Kahului": the value said with the field wins
FIELD_SET_TO = re.compile(
    rf"[,;.]\s*(?:and\s+|so\s+|please\s+|pls\s+|can you\s+)*(?:change|update|set|correct|fix|make)\s+"
    rf"(?:the|his|her|their|its)\s+(?P<field>{_FIELD})\s+to\s+(?P<value>[^,;!?]+?)\W*$"
    # "…'s main office moved, the new city is Burbank, not Pasadena anymore"
    rf"|[,;.]\s*(?:so\s+|and\s+)?(?:the|his|her|their|its)\s+new\s+(?P<field2>{_FIELD})\s+is\s+"
    r"(?P<value2>[^,;!?]+?)(?=\s*(?:[,;!?]|\.\s|\.?$))"
)
NOW_WITH = re.compile(
    r"^(?:(?:is|now|has)\s+)*(?:working|works|moved|gone)\s+(?:for|at|to)\s+", re.I
)
VALUE_TAIL = re.compile(
    r"(?:\s+(?:now|please|pls|plz|thanks|thx|instead|from today|update|updated|btw|fyi|as well|"
    r"too|lol|cheers|ta))+$"
    r"|\s+if (?:it|she|he|they|that) (?:isn'?t|is not|aren'?t|are not|wasn'?t|hasn'?t been)"
    r"(?: already)?\W*$"  # "set her stage to customer if it isnt already"
    r"|(?:[.;!?,]\s+|\s+[-–—]\s+)(?:please|pls|kindly|thanks|thank you|they|she|he|it|we|i|"
    r"i'm|im|i've|as per|per|according to|because|since|as|sorry|"
    r"(?:can you |pls |please )?(?:update|change|fix|add (?:the |an? )?(?:interest|tag|it))"
    r"(?: (?:it|that|pls|please))*)\b.*$"
    r"|\s+(?:as per|according to)\s.*$",  # "aoife@brennanco.ie as per her signature"
    re.I,
)  # "CRM Pro. Please update", "Ghana; they have relocated their head office"
UPDATE_OF = re.compile(rf"\b(?:{_FIELD})\s+(?:of|for|on)\s+")
UPDATE_VALUE = re.compile(
    rf"(?:\b(?P<field>{_FIELD})\b[^,;]*?)?(?:\s+(?:(?:to|is now|should be|now|is|as|changed to)\b|->|→|=|:)\s*|\s*(?:->|→|=|:)\s*)"
    r"(?P<value>[^\s][^,;]*?)(?:\s+(?:not|instead of)\b.*)?(?=\s*[,;(]|\W*$|\s+:\w)"
)
STAGE_SAID = re.compile(
    rf"(?:\b(?:is|are|now|as|to)|->|→|=|:|(?<=\b(?:he|it))['’]s|(?<=\bshe)['’]s|(?<=\bthey)['’]re)\s+"
    rf"(?:now\s+)?(?:an?\s+)?(?P<stage>{_STAGE_WORDS})\b"
)


def implied_field(text: str, value: str) -> str | None:
    """The field a value belongs to when the message doesn't name it."""
    lowered = value.lower()
    if "@" in value:
        return "email"
    if re.fullmatch(r"\+?[\d ()./-]{6,}", value):
        return "phone"
    if lowered in STAGES:
        return "stage"
    if re.search(r"\b(?:moved|relocated|based)\b", text):
        # "moved to a new office", "… to their new building": no town named
        return None if re.match(r"(?:an?|the|their|his|her|its|our|new)\b", lowered) else "city"
    if re.search(r"\b(?:interested|interest)\b", text):
        return "interest"
    if re.search(r"\b(?:give|hand|assign|reassign|owner|over to|switch)\b", text):
        return "owner"
    if re.search(r"\btag\b", text):
        return "tag"
    if JOB_TITLE.search(lowered):  # "Jana Horak is now Head of Procurement"
        return "title"
    return None


JOB_TITLE = re.compile(
    r"^(?:the\s+)?(?:(?:head|director|vp|vice president|manager|chief \w+ officer|lead) of\b|"
    r"(?:[\w&-]+\s+){0,3}(?:manager|director|officer|head|lead|president|vp|partner|owner|founder|"
    r"buyer|engineer|analyst|consultant|coordinator|administrator|executive|specialist|"
    r"controller|accountant)\b|ceo|cfo|cto|coo|cio|cmo|cro|md|gm)"
)


# ---- segments --------------------------------------------------------------------------------

# "nps 6 or lower", "scored us under 7": a threshold on NPS answers names their segment
_SCORED = r"(?:nps|scores?|scored(?: us)?|rated(?: us)?|gave(?: us)?)\s+(?:(?:of|an?)\s+)?"
SEGMENTS = _table(
    [
        (r"champions?|best customers", "champions"),
        (r"potential[-_ ]loyalists?", "potential_loyalist"),
        (r"loyal(?: customers| clients)?", "loyal"),
        (r"new (?:customers|clients|accounts|segment)|newcomers|new ones", "new"),
        (r"promising", "promising"),
        (r"need(?:s|ing)?[-_ ]attention", "need_attention"),
        (r"about[-_ ]to[-_ ]sleep|sleepy|dozing off", "about_to_sleep"),
        (
            r"at[-_ ]risk|in risk|slipping away|(?:likely|about|going|might|at risk) to (?:leave|churn)|churn risks?|risk of (?:leaving|churn)|(?:should|need to|to) worry about|worrying",
            "at_risk",
        ),
        (
            r"can'?t[-_ ]lose|cannot lose|can not lose|must not lose|can'?t (?:we )?afford to lose|"
            r"can (?:we|i) (?:absolutely |really |simply |just )?not (?:afford to )?lose",
            "cant_lose",
        ),
        (r"hibernating|dormant", "hibernating"),
        (r"lost(?: customers| clients)?|churned", "lost"),
        (r"lapsed|lapsd|inactive", "lapsed"),
        (r"leads?", "lead"),
        (r"prospects|qualified (?:leads|accounts|customers)", "qualified"),
        (r"high[- ]value|big spenders|most valuable", "high_value"),
        (
            rf"promoters?|fans|{_SCORED}(?:9\s+or\s+(?:higher|more|above|10)|(?:9|10)\s*\+)",
            "promoters",
        ),
        (r"passives?", "passives"),
        (
            rf"detractors?|unhappy customers|{_SCORED}(?:[0-6]\s+or\s+(?:lower|less|below|under)"
            r"|(?:below|under|less than)\s+7|<=?\s*[67])",
            "detractors",
        ),
    ]
)
STAGE_CRITERION = re.compile(
    r"\b(?:in|at|on)\s+(?:the\s+|a\s+)?(?:stage\s+(?P<stage>lead|prospect|qualified|proposal|customer|lost|lapsed)|"
    r"(?P<stage_said>lead|qualified|lost)(?=\s*(?:now|right now|at the moment)?\s*[?.!]*$)|"
    r"(?P<stage_after>lead|prospect|qualified|proposal|customer|lost|lapsed)\s+stage|"
    r"(?P<stage_bare>proposal|negotiation)\b)|\b(?P<stage_plural>proposals)\b"
    r"|\b(?:every|each|any|all|one|open)\s+(?P<stage_each>proposal|lead)\b"
    r"|\bstage\s*[:=]\s*(?P<stage_keyed>lead|prospect|qualified|proposal|customer|lost)\b"
    r"|^\s+(?P<stage_first>proposal|lead)\b"
    r"|\b(?P<stage_deals>lost|won|qualified|proposal)\s+(?:deals|opportunities|opps)\b"
    r"|\b(?P<stage_ones>qualified|proposal|lost|won|prospect)\s+(?:ones|one|customers|custs|clients|"
    r"accounts|deals)\b|\b(?P<stage_named>lead|qualified|proposal|lost)\s+stage\b"
    r"|\b(?P<stage_paying>paying|existing|actual|real)(?=\s+(?:customers|clients|accounts)\b)"
    r"(?:\s+(?:customers|clients|accounts)\s*\(\s*not\s+(?:leads?|prospects?)\s*\))?"
    r"|\b(?P<stage_qualified>qualified)(?=\s+(?:leads?|prospects?|deals?|opportunities|opps)\b)"
    rf"|{STAGE_COUNTED.pattern}"
)
_SPAN = rf"(?:\s+(?:(?:in|for|within|over|during|since|of|from|in the|for the)\s+)?(?:like\s+|about\s+|around\s+|roughly\s+)?(?:the\s+)?(?:last\s+|past\s+|over\s+|more than\s+)?(?P<n>\d+|{_SPAN_COUNT})?\+?\s*(?P<unit>days?|weeks?|fortnights?|months?|mths?|years?|yrs?|d|wks?|mo)\b)?"
NO_PURCHASE = re.compile(
    r"\b(?:hasn'?t|haven'?t|has not|have not|didn'?t|did not|ain'?t|not|no|without|stopped)\s+(?:\w+\s+)?"
    r"(?:(?:an?|any)\s+)?"
    r"(?:(?:bought|ordered|purchased|purchases?|orders?|buying|ordering|buy|order)\w*"
    r"|sold(?:\s+(?:anything\s+)?to(?:\s+(?:them|him|her))?)?)"  # "we haven't sold to in 60 days"
    rf"(?:\s+(?:anything|nothing|nothin))?(?:\s+from\s+(?:me|us|them))?{_SPAN}"
)
# "gone 120 days without buying", "60 days with no order": the time said before the purchase
SPAN_UNBOUGHT = re.compile(
    r"\b(?:(?:gone|been|went|going)\s+)?(?:over\s+|more than\s+)?"
    rf"(?P<n>\d+|{_SPAN_COUNT})\+?\s*(?P<unit>days?|weeks?|months?|years?)\s+(?:without|w/o|with no)\s+"
    r"(?:(?:buying|ordering|purchasing)\b|(?:an?|any)\s+(?:purchases?|orders?)\b)"
)
# "who bought Analytics Pro", "customers who never bought support premium": what they bought
BOUGHT_PRODUCT = re.compile(
    r"\b(?:(?P<not>hasn'?t|haven'?t|has not|have not|never|didn'?t|did not|ain'?t|not|yet to)\s+"
    r"(?:(?:ever|yet|already)\s+)?)?(?:bought|purchased|ordered|buy)\s+"
    r"(?:the\s+(?!(?:most|least|last|past|first|same)\b))?"
    r"(?!(?:in|for|from|since|anything|something|nothing|nothin|but|a|an|any|recently|lately|before|again|last|this|"
    r"within|over|under|more|less|most|much|twice|once|at|on|during|yet|us|it|them|me|today|"
    r"yesterday|over|than|the|by|\d+)\b)"
    r"(?P<product>[a-z][\w+.-]*(?:\s+(?!(?:in|from|owned|who|that|which|and|or|this|last|since|"
    r"before|after|during|within|for|over|but|yet|by|with|at|on|are|is|sorted|ordered|ranked|"
    r"tagged|worth|to|as|so|already|recently|lately|ever|till|until|thus)\b)[\w+.-]+){0,3})"
)
# "bought CRM Starter but never CRM Pro": the product left out, its verb said once
BUT_NEVER = re.compile(
    r"\b(?:bought|purchased|ordered)\s+[^,;]*?(?P<tail>\b(?:but|and)\s+(?:never|not|no)\s+(?:the\s+)?"
    r"(?P<product>[a-z][\w+.-]*(?:\s+(?!(?:in|from|owned|who|that|which|and|or|with|as|to|tagged|"
    r"ones)\b)[\w+.-]+){0,3}))(?!\s+ones\b)"
)
# "not tagged vip", "without the churn-risk tag", "non-vip": customers a tag leaves out
NOT_TAGGED = re.compile(
    r"\b(?:not|isn'?t|aren'?t|never|without being)\s+(?:been\s+)?tagged\s+(?:as\s+|with\s+)?"
    r"['\"#]?(?P<a>[\w-]+)"
    r"|\bwithout\s+(?:an?\s+|the\s+)?(?:tag\s+['\"#]?(?P<b>[\w-]+)|['\"#]?(?P<c>[\w-]+)\s+tag)\b"
    r"|\bnon-?(?P<d>vip)s?\b|\b(?:not|isn'?t|aren'?t)\s+(?:an?\s+)?(?P<e>vip)s?\b"
)
# "who bought in the last 90 days", "with a purchase in the past month": recent buyers
# a window said after what was bought: "bought Analytics Pro in the last 90 days"
WITHIN_THE_LAST = re.compile(
    rf"\s*(?:in|within|during|over)\s+the\s+(?:last|past)\s+(?P<n>\d+|{_SPAN_COUNT})?\s*"
    r"(?P<unit>days?|weeks?|months?|years?)\b"
)
BOUGHT_WITHIN = re.compile(
    r"(?<!n't )(?<!not )(?<!never )\b(?:(?:have|has|who'?ve)\s+)?(?:bought|ordered|purchased|"
    r"with\s+(?:an?\s+)?(?:purchase|order))\s+(?:something\s+|anything\s+)?"
    rf"(?:(?:in|within|during|over)\s+the\s+(?:last|past)\s+(?P<n>\d+|{_SPAN_COUNT})?\s*"
    r"(?P<unit>days?|weeks?|months?|years?)\b|(?P<when>today|yesterday|this week|this month)\b)"
)
# "sent the quotes to atlas and redwood, both done": the tasks for each of the customers said
EACH_DONE = re.compile(
    r"[,;.!-]\s*(?:so\s+)?(?:(?:both|all|each|all of them|both of them|them all)\s+(?:are\s+|now\s+)?(?:done|complete|completed|sorted|closed)"
    r"|tick\s+(?:both|them all|them both|all of them)\s+off)\W*$"
)
# "leads never contacted", "no contact at all": none ever, not a number of quiet days
# "who never bought anything", "leads with no orders yet": no purchase at all, not a long pause
NEVER_PURCHASED = re.compile(
    r"\b(?:never(?: ever)? (?:bought|purchased|ordered)(?: anything| a thing| from us)?"
    r"|(?:hasn'?t|haven'?t|has not|have not|didn'?t|did not|not) (?:yet |ever )?(?:bought|purchased"
    r"|ordered) (?:anything|a thing)(?: yet| ever| at all)?"
    # "hasn't bought anything from us in about 120 days": for a time, not ever
    r"(?!(?:\s+from\s+(?:us|me))?\s+(?:in|for|over|within|during)\s+(?:the\s+)?(?:last\s+|past\s+)?"
    r"(?:about\s+|around\s+|like\s+|over\s+|more than\s+)?(?:\d|an?\s|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|twelve))"
    r"|(?:no|zero|without(?: any)?) (?:orders|purchases|sales)(?: yet| at all| ever)"
    r"|(?:with|having|that have|who have) (?:no|zero) (?:orders|purchases)(?=\W*$|\s+(?:and|or|to|,))"
    r"|yet to (?:buy|order|purchase)(?: anything)?)\b"
    r"(?!\s+(?:in|for|since|within|over|during|this|last|the past)\b)"
)
# contacted lately: "contacted in the last 7 days", "with contact this week", "called recently"
CONTACTED_WITHIN = re.compile(
    r"\b(?<!not )(?<!never )(?:contacted|spoken to|talked to|called|touched|with (?:a |any )?contact|"
    r"had (?:a )?contact)\s+(?:(?:in|within|during|over)\s+(?:the\s+)?(?:last|past)\s+"
    rf"(?P<n>\d+|{_SPAN_COUNT})?\s*(?P<unit>days?|weeks?|wks?|months?|mths?)\b"
    r"|(?P<when>recently|lately|today|this week|yesterday)\b)"
)
# when customers were added: "added over 5 months ago", "added before 1 july", "created in the
# last 2 weeks", "added since monday"
ADDED = re.compile(
    r"\b(?:added|created|entered|put in|came in)\s+(?:(?P<over>over|more than|at least|>)\s*"
    rf"(?P<n>\d+|{_SPAN_COUNT})\s*(?P<unit>days?|weeks?|wks?|months?|mths?|years?|yrs?)\s+ago"
    rf"|(?P<cut>before|prior to|until|till)\s+(?P<day>{MONTH}(?:\s+\d{{4}})?\b|{DATE_PHRASE})"
    rf"|(?:in|within|during|over)\s+(?:the\s+)?(?:last|past)\s+(?P<n2>\d+|{_SPAN_COUNT})?\s*"
    r"(?P<unit2>days?|weeks?|wks?|months?|mths?|years?|yrs?)\b"
    rf"|(?:since|after)\s+(?P<day2>{MONTH}(?:\s+\d{{4}})?\b|{DATE_PHRASE})"
    r"|(?P<when>this week|this month|this year|today|yesterday|last week|last month))"
)
NEVER_CONTACTED = re.compile(
    r"\b(?:never[ -](?:been )?(?:contacted|called|reached|emailed|touched|spoken to|talked to|been in touch)"
    r"|no contact (?:at all|ever|yet)|not (?:been )?contacted (?:at all|yet|ever)|not yet contacted"
    r"|(?:haven'?t|hasn'?t|have not|has not)\s+(?:been\s+)?(?:contacted|called|reached)\s+(?:at all|yet|ever)"
    r"|(?:nobody|no one|noone)(?:'?s| has)? ever (?:contacted|called|spoken to|talked to|emailed|reached))\b"
)
# "leads last contacted more than 90 days ago": as long without a contact
LAST_CONTACTED = re.compile(
    rf"\blast (?:contacted|contact(?:ed)?|touched|spoken to|called|heard from)\s+(?:more than |over |> ?)?"
    rf"(?P<n>\d+|{_SPAN_COUNT})\s*(?P<unit>days?|weeks?|months?|years?)\s+ago\b"
)
NO_CONTACT = re.compile(  # "untouched", "gone quiet", "nothing heard in 3+ weeks"
    r"\b(?:untouched|(?:gone|went|been|gone very) quiet|quiet|(?:nothing|not a word) heard(?: back)?|"
    r"heard nothing(?: back)?|no news|(?:hasn'?t|haven'?t|ain'?t|has not|have not|didn'?t|did not|not|no|without|(?:nobody|no one|no-one)(?:'?s| has| have)?|never)\s+(?:(?:we|i|you|they|anyone|anybody)\s+)?(?:been\s+)?(?:\w+\s+)?(?:in\s+)?"
    rf"(?:contacted|called|heard from|talked to|spoken to|spoke to|emailed|reached|touched|touch|contact|"
    rf"visited|met|seen|touched base|been in touch|talked|spoken)\w*(?:\s+(?:with\s+)?(?:them|him|her|us|to)|\s+with)?){_SPAN}"
)
CITY = re.compile(
    rf"\b(?:in|from|based in|located in)\s+(?![\w-]+(?:'s|’s)\s)"
    r"(?!(?:that|this|those|these)\s+(?:list|lot|ones|selection|group)\b)"  # "from that list"
    rf"(?!(?:the(?!\s(?i:uk|us|usa|states|netherlands|philippines|uae)\b)|a|an|in|at|on|to|for|with|over|more|us|it|them|him|her|me|you|all|any|anyone|anybody|someone|somebody|every|like|about|around|contact|touch|ages|years|months|weeks|a while|stage|last|past|this|my|our|total|all|general|\d|lead|leads|proposal|qualified|negotiation|customer|lost|prospect|risk|hibernating|champions?|loyal(?:ists)?|promising|detractors?|promoters?|passives?|lapsed|{_SPAN_COUNT}|{MONTH}|(?i:{WEEKDAY}))\b)(?!\w*_)"
    r"(?P<city>[^\W\d_][\w'-]+(?:\s(?!(?i:i've|i'm|we've|we're|ive|im)\b)(?!(?:owned|managed|with|without|spent|spend|spending|bought|ordered|it|them|at|who|that|which|we|i|still|shall|never|yet|already|only|just|ever|currently|sort|sorted|ordered|tagged|interest|interested|by|and|or|over|above|worth|in|not|no|having|whose|as|on|for|since|this|last|please|from|to|haven't|hasn't|havent|hasnt|have|has|had|did|didn't|are|is|were|was|days?|weeks?|months?|get|gets|should|need|needs|must|will|can|go|goes|move|moves|pass|passes|transfer|become|tho|though|then|too|please|now|today|anyway|anymore|again|right|stuck|more|less|older|sitting|nobody|noone|no)\b)[^\W\d_][\w'-]+){0,2})(?=\s|$|[,.?!])"
)
TAG = re.compile(
    r"\b([\w-]+)\s+tagged\s+(?=(?:ones|customers|accounts|clients|leads)\b)|\b([\w]+)-tagged\b|(?<!-)\btagged\s+(?:as\s+|with\s+)?(?!(?:ones|customers|accounts|clients|leads)\b)['\"#]?([\w-]+(?: [\w-]+)?(?=['\"])|[\w-]+)|"
    r"\b(?:with|has|have|having|carry|carries|carrying) the\s+['\"#]?([\w-]+)['\"]?\s+tag\b|"
    r"\b(?:with (?:the )?|having (?:the )?)?tag\s+(?!(?:them|these|those|it|all|every|everyone|everybody|each|any|him|her|from|off|on|to|for|of|and)\b)['\"#]?([\w-]+(?: [\w-]+)?(?=['\"])|[\w-]+)|\b(vip)s?\b"
)
_TITLED = r"(?:(?:mr|mrs|ms|miss|dr)\.?\s+)?"  # "Mr. Sato's customers": the title is the name's
OWNER = re.compile(
    r"\b(?:owned by|managed by|assigned to|belonging to|(?:that |which |who )?(?:currently |still )?"
    r"belongs? to|of rep)\s+(?P<a>[^\W\d_][\w'-]*)"
    r"|^(?:show |list )?(?P<b>[^\W\d_][\w-]*)(?:'s|’s)\s+(?:customers|accounts|clients|book)"
    rf"|\b(?:customers|accounts|clients|leads) of (?P<c>(?!(?:the|my|our|your|his|her|their)\b){_TITLED}[^\W\d_][\w'-]*)\b"
    r"|\b(?:everything|everyone|anything|all|whatever|what) (?:else )?(?:that )?(?P<d>[^\W\d_][\w'-]*) "
    r"(?:still )?(?:has|owns|holds|manages|looks after)\b"
    r"|^what (?:does|do) (?P<e>[^\W\d_][\w'-]*) (?:own|have|hold|manage)\b"
)
MIN_VALUE = re.compile(
    r"(?:\b(?:worth|value|spent|spending|ltv|revenue)\s*)?(?:\b(?:over|more than|above|at least|of|min(?:imum)?(?: value)?(?: of)?)\s+|>=?\s*"
    r"|(?<=\bworth )(?=\S{1,12}\+)|(?<=\()(?=[$€£]?\d[\d,.]*\s?[km]?\+\)))"  # "worth 10k+", "(50k+)"
    rf"(?P<money>(?:{_CODES_FIRST}\s?)?(?:{_SYMBOLS})?\s?\d[\d,.]*(?:\s?[km]\b)?(?:\s?(?:usd|eur|gbp|dollars|euros?|pounds))?)"
    r"(?![\d,.]*\s*(?:days?|weeks?|wks?|months?|mths?|years?|yrs?|d\b|w\b))"
)
MAX_VALUE = re.compile(  # "worth less than 1000", "under $1000 lifetime", "value below 1k"
    r"\b(?:worth|value|valued|spent|spending|ltv|lifetime(?: value)?|revenue)?\s*(?:under|less than|"
    r"below|<|<=|at most|no more than)\s+"
    r"(?P<money>[$€£]?\s?\d[\d,.]*(?:\s?[km]\b)?(?:\s?(?:usd|eur|gbp|dollars|euros?|pounds))?)"
    r"(?![\d,.]*\s*(?:days?|weeks?|wks?|months?|mths?|years?|yrs?))"
)
SORTS = _table(
    [
        (
            r"biggest|largest|top|highest value|most valuable|by value|by revenue|by spend|best|"
            r"spends? (?:the )?(?:most|more)",
            "value",
        ),
        (r"recency|most recent|recently|latest|last (?:purchase|order|bought)", "recency"),
        (r"frequency|most frequent|most often|most orders|how often|most regular", "frequency"),
    ]
)
LIMIT = re.compile(
    r"\btop\s+(\d{1,4}|five|ten|fifteen|twenty|thirty|fifty)\b|\b(?:our|my|the|show|list|first)\s+(\d{1,4})\s+(?:\w+\s+){0,2}(?:customers|clients|accounts|buyers|promoters|detractors|passives|leads|prospects)\b"
    r"|^(\d{1,4})\s+(?:\w+\s+)?(?:customers|clients|accounts)\b"
    r"|\b(?:biggest|largest|best)\s+(\d{1,4})\s+(?:customers|clients|accounts|buyers)\b"
    r"|[,;]\s*(?:first|top)\s+(\d{1,4})\W*$"  # "…, most recent first, first 10"
    r"|\b(?:limit|max|at most|only)\s*:?\s*(\d{1,4})\b(?!\s*(?:days?|weeks?|months?|years?|[k%]))"
)

# ---- whose book -------------------------------------------------------------------------------


OWNER_TEAM = re.compile(
    r"\b(?:(?:the |whole |my |our |entire )?team(?:'s|s')?|the teams|everyone(?:'s)?|everybody(?:'s)?|"
    r"all (?:the )?(?:reps|sales ?people|staff)(?:'s|')?|every rep(?:'s)?|all of us|"
    r"(?:my|our) (?:reps|sales ?(?:people|reps|force)|people|guys|staff)(?:'s|')?|"
    r"(?<=tasks )by (?:rep|owner|person)|which (?:of the )?(?:reps?|sales ?(?:person|people)|of us)|"
    r"(?:each|per|any) rep|who(?: [\w']+){0,3} their (?:open |overdue )?(?:tasks|to-?dos)|"
    r"whose (?:open |overdue )?(?:tasks|to-?dos|follow-?ups))\b"  # "whose tasks are overdue"
)
OWNER_ME = re.compile(  # "my calls", "how many calls did i make"
    r"\b(?:my|mine)\b|\b(?:tasks?|overdue|due|anything|open|report|numbers|figures|sales)\b"
    r"[^.?!]{0,20}\bfor me\b|"
    r"\b(?:who|which (?:customers|accounts|clients)) should i (?:contact|call|chase|focus on|reach out to)\b|\b(?:did|have) i (?:make|made|do|done|log|logged|sell|sold|close|closed|book|booked|"
    r"contact|contacted|call|called|email|emailed|visit|visited|meet|met|talk|talked|speak|spoken)\b"
    r"|\bi(?:'ve| have)? (?:made|logged|sold|closed|booked)\b"
    r"|\bwho(?:'ve| have| do)? i (?:got|have)\b"  # "who've I got in proposal at the moment?"
    r"|\b(?:sales|revenue|numbers|customers|tasks|deals|calls) of me\b|\bme only\b"  # "of me only"
)
_BOOK = (
    r"(?:tasks?|to-?dos?|to do list|to-do list|todo list|reminders|follow ?ups|digest|briefing|book|"
    r"customers|accounts|clients|accts|accs|custs|portfolio|territory|"
    r"pipeline|calls|meetings|emails|numbers|revenue|sales|deals|leads|prospects|champions|"
    r"detractors|promoters|passives|"
    r"proposals|opportunities|opps|quotes|qualified|lost ones|ones|"
    r"overdue|agenda|day|week|activity|contacts|interactions|list|history|contact history|"
    r"call history|plate|queue|workload|schedule)"
)
OWNER_NAMED = re.compile(
    rf"\b(?P<name>[^\W\d_][\w-]+?)(?:'s|’s|(?<=s)')\s+(?:(?:overdue|open|top|best|biggest|own|lapsed|"
    rf"at[- ]risk|daily|morning|pending|late|last|recent|latest|upcoming|\d+)\s+)*(?:[a-z-]+(?:,\s*|\s+)){{0,6}}?{_BOOK}\b"
)
OWNER_DID = re.compile(
    rf"\b(?:did|has|have|should|does|is|can|what'?s)\s+(?P<name>{_TITLED}[^\W\d_][\w-]+)\s+(?:have|had|make|made|do|done|doing|working on|up to|be doing|be working|be focusing|sell|sold|close|closed|log|logged|focus|work|call|chase|prioriti[sz]e|been|got|get|discuss|discussed|talk|talked|speak|spoken|meet|met|bring|brought|generate|generated|book|booked|win|won|add|added|create|created|sign|signed|onboard|onboarded|contact|contacted|email|emailed|visit|visited|hit|target|tackle|approach|pursue)\b"
    # "what would you suggest Halla does next?"
    rf"|\bsuggest\s+(?P<name5>{_TITLED}[^\W\d_][\w-]+)\s+(?:does|do|tries|try|focus(?:es)?\s+on)\b"
    r"|\b(?:what|everything|anything)\s+(?P<name3>[^\W\d_][\w-]+)\s+has\s+(?:overdue|open|due|on|left|pending)\b"
    r"|\b(?:customers?|clients?|accounts?|leads?)\s+(?P<name4>[^\W\d_][\w-]+)\s+(?:has|owns|looks after)\s+(?:in|on|with|from)\b"
    r"|\b(?P<name2>[^\W\d_][\w-]+)\s+(?:has|had)\s+(?:discussed|logged|talked|spoken|met)\b"
)
OWNER_FOR = re.compile(
    r"\b(?:for|of|owned by|managed by|assigned to|belonging to)"
    rf"\s+(?P<name>{_TITLED}[^\W\d_][\w-]+)"
    r"(?=\W*$|\s*[,:;]|\s+(?:today|tomorrow|yesterday|this|next|last|for|overdue|due|please|pls|now|in|since)\b)"
)
# "meetings logged by jordan": whose they are, whatever else the message names
OWNER_BY = re.compile(
    r"\b(?:logged|made|done|booked|created|entered|added|sent|held) by"
    rf"\s+(?!(?:mistake|accident|error|hand)\b)(?P<name>{_TITLED}[^\W\d_][\w-]+)"
    # "stage proposal for 45 days, owner faisal": a selection said as fields
    r"|(?:^|[,;]\s*)(?:owner|rep)(?:\s*[:=]\s*|\s+)(?P<name2>[^\W\d_][\w-]+)\b(?!\s*(?:->|→|=>))"
)
NOT_OWNERS = frozenset(
    "nobody noone anyone anybody someone somebody everyone everybody no-one no ever whats what's what "
    "hows how's whos who's how who where when why there here that let scoreboard leaderboard "
    "today tomorrow yesterday this next last the a an me us it week month year now overdue all "
    "everyone team my our your today's tonight later i we you they he she it mine myself "
    "not never to be been already just monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec "
    "q1 q2 q3 q4 quarter year ytd product products channel channels city cities segment rep reps "
    "day days weeks months period calls emails meetings visits contacts interactions orders "
    "purchases sales deals revenue customers clients accounts leads prospects nps texts chats "
    "activity money business weekly daily monthly morning evening full".split()
)

CREATE_LEAD = re.compile(
    r"^\s*(?:(?:please|pls|kindly|can you|could you|i want to|i'd like to|i would like to|to|add|create|"
    r"register|enter|new|a|an|make|one|our|the|put in(?: the)? (?:system|crm)|put|onboard|alert|"
    r"set up|setup|open|start|(?:log|record)(?=\s+(?:a\s+)?new\s)|"
    r"chuck in|pop in|stick in|throw in|this guy|this lady|this person|this one)\s+)*"
    r"(?:(?:qualified|hot|warm|cold|inbound|outbound|web|referral|webinar|event|expo|trade[- ]?show|"
    r"conference|website|linkedin)\s+)?(?:(?:customer|contact|client|cliente|lead|prospect|account|acct|cust|one|record|entry|partner)\b\s*(?:alert\b\s*)?|[a-z]+(?=\s*:))?"
    r"(?:from\s+(?:this|the|a|an|my|her|his)\s+(?:e-?mail\s+)?(?:signature|sig|card|business card|email)\s*(?=:))?"
    r"(?:(?:for\s+(?P<owner>[A-Za-z][\w'-]*)(?:\s+please)?)\s*)?(?:[:\-–—,]\s*)?(?:(?:name is|called|named)\s+)?",
    re.I,
)
HAS_NEW_LEAD = re.compile(
    # "Jordan has a new lead, Pierre …", "add Kofi's new customer Yaw Boateng"
    r"^\s*(?:(?:add|create|enter|log)\s+(?=[A-Za-z][\w-]*(?:'s|’s)\s+new\s))?"
    r"(?P<owner>[A-Za-z][\w'-]*?)(?:(?:'s|’s)\s+new|\s+(?:has|got|has got)\s+(?:a\s+)?new)\s+"
    r"(?:lead|prospect|customer|contact|client)\b[\s,:;-]*"
    # "2nd one from the expo: petra novak, …": which one it is, before the record
    r"|^\s*(?:(?:the\s+)?(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|next|last|another)\s+"
    r"(?:one|lead|contact)|one more)(?:\s+(?:from|at)\s+[^,:;]{1,40})?\s*:\s*",
    re.I,
)
CREATE_FIELD = re.compile(
    r"(?:^|[•,;|:]|\.\s|\s[-/]\s)\s*(?P<field>name|company|e-?mail|city|phone|mobile|owner|stage|interest)\s*:\s*"
    r"(?P<value>[^•,;|]+?)\s*(?=[•,;|]|\s[-/]\s|$)",
    re.I,
)
COMPANY_WORDS = re.compile(
    r"\b(?:inc|ltd|llc|gmbh|ag|corp|corporation|co|company|group|labs?|logistics|bakery|cafe|café|"
    r"dental|clinic|roofing|industries|enterprises|holdings|partners|solutions|systems|trading|"
    r"hotels?|pharma|health|realty|motors|foods?|tech|technologies|studios?|agency|gym|school|schools|"
    r"capital|ventures|bikes|build|builders|construction|energy|solar|aviation|travel|media|analytics|"
    r"networks|clinics?|vets|physio|fisheries|farms?|textiles|exports|imports|infra|pte|freight|"
    r"shipping|transport|marine|motors|logistik|trading|retail|supplies|supply|provisions|services|rail|"
    r"railways?|civil|engineering|surveys?|surveying|"
    r"veterinary|vet|medical|stores?|lodge|estates?|chemists?|pharmacy|hospital|salon|garage|"
    r"workshop|gallery|boutique|winery|brewery|vineyards?|dairies|dairy|orchards?|nursery|florists?|"
    r"kitchens?|cellars?|coffee|roasters?|print|printing|physiotherapy|dentistry|surgery|"
    r"university|restaurant|bank|insurance|consulting|interiors|hardware|furnishings?|design|"
    r"architects?|medicals?|hospitality|fintech|bistro|trattoria|pizzeria|cantina|pasticceria|"
    r"panaderia|piekarnia|apotheke|envases|construcciones|distribuidora|comercial|"
    r"growers|guest ?house|\w*museum|co-?op|cooperative|trust|society|association|council|"
    r"parish|ranch|resort|festival|fest|foundry|hostel|"
    r"s\.?a\.?|bv|b\.v\.|plc|pty|srl|sarl|kg|oy|ab)\b\.?",
    re.I,
)
CITY_AT_END = re.compile(r"\s+([a-z][\w'-]+)$")
# "clerk for Judge Alvarez", "works for Acme": who the new customer works for, not their owner
_WORKS_FOR = "".join(
    rf"(?<!\b{word} )"
    for word in "clerk assistant secretary pa ea aide agent buyer deputy works working".split()
)
CREATE_OWNER = re.compile(
    rf"(?:^\s*|\s|,\s*|[-–—]\s*)(?i:{_WORKS_FOR}for|owner:?|owner is|owned by|under|"
    r"(?:assign|give|hand)(?:ed)? (?:it |him |her |them |this one |this lead )?(?:over )?to|"
    r"(?:and\s+)?put (?:him|her|them|it) (?:on|in|into)(?=\s+[A-Za-z][\w-]*(?:'s|’s)\s+(?:book|list|patch|"
    r"portfolio|accounts)))\s+"
    r"(?P<owner>(?:(?:[Mm]rs?|[Mm]s|[Dd]r)\.?\s+)?[^\W\d_][\w'-]*(?:\s[A-ZÀ-Þ][\w'-]*)?)"
    r"(?:(?:'s|’s)\s+(?:book|list|patch|portfolio|accounts))?"
    r"(?:\s+please)?\s*(?=[:,!]|\.\s*$|$|\s+as\b)"
    r"|,\s*(?P<mine>mine|for me|my (?:lead|customer|account)|(?:for|in|on|to|into) my (?:book|list|"
    r"patch|accounts|portfolio))\s*\W?\s*$"  # "…, mine", "…, for my book": the sender's
)
RESTORE_WORDS = re.compile(
    r"^(?:please |pls |can you )*(?:restore|undelete|un-delete|recover|bring back)\s+(?:the\s+)?"
    r"(?:customer|contact|client|account|record)?\s*",
    re.I,
)
DELETE_WORDS = re.compile(
    r"^(?:please |pls |can you |could you )*(?:delete|del|rm|remove|trash|drop|get rid of|archive|bin|"
    r"scrap|nuke)\s+(?:please\s+|pls\s+)?(?:the\s+|that\s+|this\s+)?"
    r"(?:(?:duplicate|dupe|old|test|junk|extra|second)\s+)?"
    r"(?:(?:customer|contact|client|account|record|entry|lead)(?:\s+(?:for|of))?)?\s*",
    re.I,
)
TWICE = re.compile(r"\b(?:created|added|entered)\s+(?P<who>\S.{0,60}?)\s+twice\b", re.I)
BULK_TARGET = [  # what a bulk change sets, most telling first: (pattern, field or action)
    (  # "the two leads should be qualified now"
        re.compile(
            r"(?P<cut>\s+(?:should|must|need to|can)\s+(?:now\s+|all\s+)?be\s+(?:in\s+|marked\s+"
            r"(?:as\s+)?)?(?P<value>lead|qualified|proposal|customer|won|lost))(?:\s+(?:now|too))?\W*$"
        ),
        "stage",
    ),
    (  # "everyone tagged price-error also gets tagged credit-pending so finance can pull the list"
        re.compile(
            r"(?P<cut>\s+(?:also\s+|now\s+)?(?:gets?|should (?:get|be)|is to be|are to be|needs to be)\s+"
            r"tagged\s+(?:as\s+|with\s+)?['\"#]?(?P<value>[\w-]+))['\"]?(?:\s+(?:too|as well))?"
            r"(?:\s*,?\s+(?:so|because|as|since)\b.*)?\W*$"
        ),
        "tag",
    ),
    (  # "close out as lost any proposal nobody's contacted in 90+ days"
        re.compile(
            r"(?P<cut>^(?:(?:please|pls|ok|so|then|now|and)\s+)*close\s+(?:(?:them|those|these|out)\s+)*"
            r"as\s+(?P<value>lost|won))\b"
        ),
        "stage",
    ),
    (  # "tag those 16 stale-lead", "tag them all vip"
        re.compile(
            r"^(?:(?:please|pls|ok|okay|so|then|now|and)[\s,]+)*(?:tag|label)\s+(?:them|those|these)"
            r"(?:\s+(?:all|\d{1,4}))?(?P<cut>\s+(?:as\s+|with\s+)?['\"#]?(?P<value>[\w-]+))['\"]?\W*$"
        ),
        "tag",
    ),
    (
        re.compile(
            r"^(?:please |pls )*(?:tag|label)\s+#\d+(?:\s*(?:,|and|&)\s*#\d+)+"
            r"(?P<cut>\s+(?:as\s+|with\s+)?['\"#]?(?P<value>[a-z][\w-]*))['\"]?\W*$"
        ),
        "tag",
    ),
    (  # "set stage proposal for all customers with tag tender-2026"
        re.compile(
            r"(?P<cut>^(?:(?:please|pls|kindly|can you)\s+)*set\s+(?:the\s+)?(?P<field>stage|status|owner)"
            r"(?:\s+to\s+|\s*[=:]\s*|\s+)(?P<value>[\w-]+)\s+(?:for|on))\s+"
        ),
        "field",
    ),
    (  # "set Imogen as owner on every customer in Bath", "make sam the owner of all leads in Leeds"
        re.compile(
            r"(?P<cut>^(?:(?:please|pls|kindly|can you)\s+)*(?:set|make)\s+(?P<value>(?!the\b)[\w-]+)\s+"
            r"(?:as\s+)?(?:the\s+)?(?P<field>owner)\s+(?:for|on|of))\s+(?=all|every|each|the)\b"
        ),
        "field",
    ),
    (  # "give all champions in Richmond the vip-tasting tag"
        re.compile(
            r"^(?:(?:please|pls|kindly|can you)\s+)*(?:give|add)\b.*?(?P<cut>\s+(?:the\s+)?['\"#`]?"
            r"(?P<value>[\w-]+)['\"`]?\s+tag)\W*$"
        ),
        "tag",
    ),
    (  # "put every detractor on Sinead's book": hers now
        re.compile(
            r"(?P<cut>\s+(?:on|onto|in|into)\s+(?P<value>[\w-]+)(?:'s|’s)\s+(?:book|list|patch|"
            r"portfolio|accounts|desk))\W*$"
        ),
        "owner",
    ),
    (  # "put everyone at risk in Larne under Morven"
        re.compile(
            r"^(?:(?:please|pls|can you)\s+)*(?:put|place|move)\b.*?"
            r"(?P<cut>\s+under\s+(?P<value>[\w-]+)(?:'s|’s)?(?:\s+name)?)\W*$"
        ),
        "owner",
    ),
    (  # "give Zeynep all of Mehmet's customers in Izmir": the new owner said first
        re.compile(
            r"(?P<cut>^(?:(?:please|pls|can you)\s+)*(?:give|hand|pass)\s+(?P<value>(?!(?:all|every|each|"
            r"the|my|our|them|those|these|him|her|me|over|on)\b)[\w-]+))\s+(?=(?:all|every|each)\b|[\w-]+(?:'s|’s)\s)"
        ),
        "owner",
    ),
    (  # "split jordan's accounts between maria and sam": new owners in turn
        re.compile(
            r"(?P<cut>\s+(?:evenly\s+|equally\s+)?(?:between|among|amongst|across)\s+(?:the\s+two\s+of\s+)?"
            r"(?P<value>[\w'-]+(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)[\w'-]+)+))"
            r"(?:\s+(?:evenly|equally|50/50|fairly))?\W*$"
        ),
        "owner",
    ),
    (  # "Jordan is taking over Sam's New York accounts": Jordan, the new owner, said first
        re.compile(
            r"(?P<cut>^(?P<value>[\w'-]+(?:\s[\w'-]+)?)\s+(?:is|will be|'s)\s+(?:taking over|taking on|"
            r"picking up|inheriting))\s+(?=[\w'-]+(?:'s|’s)\s)"
        ),
        "owner",
    ),
    (
        re.compile(
            r"(?P<cut>^(?:please |pls )*(?:tag|label)\s+(?P<value>(?!(?:all|every|each|everyone|everybody|my|our|the|them)\b)[\w-]+))\s+(?=(?:all|every|each|everyone|everybody)\b)"
        ),
        "tag",
    ),
    (
        re.compile(
            r"^(?:please |pls |can you )*(?:"
            r"un-?tag\s+['\"#]?(?!(?:them|those|these|all)\b)(?P<value>[\w-]+)['\"]?"
            r"|(?:remove|take|drop|delete|strip|clear)\s+(?:the\s+)?(?:tag\s+(?!off\b)['\"#]?(?P<value2>[\w-]+)['\"]?|['\"#]?(?!(?:the|that|this|a|its|their)\b)(?P<value3>[\w-]+)['\"]?\s+tag)"
            r"|(?:remove|take|drop|strip|clear)\s+(?:the|that|this)\s+tag(?=\s+(?:off|from)\b)"
            r"|(?:remove|take|strip|clear)\s+['\"#]?(?P<value4>[\w-]+)['\"]?(?=\s+(?:off|from)\s+"
            r"(?:every(?:one|body)|all\b|#\d))"  # "remove stale from everyone", "… from #87, #127"
            r")(?:\s+off\b(?:\s+(?:of|from)\b)?|\s+(?:from|for|on|of)\b)"
        ),
        "untag",
    ),
    (  # "untag them" after a list chosen by its tag: that tag (the bot says which)
        re.compile(
            r"^(?:(?:please|pls|ok|now|so|and|then)\s+)*un-?tag\s+(?:them|those|these|all of them|"
            r"them all)(?:\s+(?:now|too|pls|please))?\W*$"
        ),
        "untag",
    ),
    (  # "untag everyone tagged stale"
        re.compile(
            r"^(?:please |pls )*un-?tag\s+(?:every(?:one|body)|all(?:\s+(?:customers|clients|"
            r"accounts))?)\s+(?:tagged|with(?:\s+the\s+tag)?)\s+['\"#]?(?P<value>[\w-]+)"
        ),
        "untag",
    ),
    (
        re.compile(
            r"^(?:(?:please|pls|bulk-?|ok|okay|ok then|so|then|actually|right)[\s,]+)*(?:delete|del|remove|trash|drop|archive|purge|clear out|get rid of|wipe|bin|dump|kill)\b|\b(?:delete|remove|bin|trash|dump|scrap|ditch)\s+the\s+lot\b|\b(?:delete|del|remove|trash|archive|bin)\s+(?:them\s+)?all\b|\b(?:delete|remove|archive|bin|trash)\s+(?:them|these|those)\b"
        ),
        "delete",
    ),
    (
        re.compile(
            r"\b(?:change|set|update|switch|make)\s+(?:the\s+)?(?P<field>tag|city|country|owner|interest)\s+(?:to|=|->|→)\s+['\"#]?(?P<value>[^'\"]+?)['\"]?(?=\W*$|\s*,|\s+(?:for|on|of)\s+(?:all|every|each|everyone|everybody|the|my|our|those|these|[\w-]+\s+(?:customers|clients|accounts|leads|prospects))\b)"
        ),
        "field",
    ),
    (
        re.compile(
            r"\b(?:tag|label)(?:ged)?\b.*?(?P<cut>\s(?:as|with|w/)\s+['\"#]?(?!(?:lead|qualified|proposal|customer|lost|won|churned)\W*$)(?P<value>[\w-]+(?: [\w-]+)?(?=['\"])|[\w-]+))['\"]?\W*$"
        ),
        "tag",
    ),
    (
        re.compile(
            r"^(?:please |pls |bulk[- ]?)*(?:put |add )?(?:the |a )?(?:tag|label)\s+['\"#]?(?P<value>[\w-]+(?: [\w-]+)?(?=['\"])|[\w-]+)['\"]?\s+(?:on|to|for)\b"
        ),
        "tag",
    ),
    (  # "add the vip tag to every champion"
        re.compile(
            r"^(?:please |pls )*(?:put|add|stick)\s+(?:the |a )?['\"#]?(?P<value>[\w-]+)['\"]?\s+(?:tag|label)\s+(?:on|to)\b"
        ),
        "tag",
    ),
    (  # "tag champions vip", "just tag all the champions vip then": the tag said last
        re.compile(
            r"^(?:(?:just|ok|okay|so|then)\s+)*(?:tag|label)\s+(?:all\s+(?:of\s+)?(?:the\s+)?|every\s+|the\s+)?(?:[\w'-]+\s+){0,2}?"
            r"(?:champions?|loyal(?:ists)?|leads|proposals|prospects|customers|accounts|clients|ones|detractors|promoters|passives|hibernating|lapsed|new ones)"
            r"(?P<cut>\s+(?:as\s+|with\s+)?['\"#]?(?P<value>[\w-]+)['\"]?)(?:\s+(?:then|now|too|pls|please))?\W*$"
        ),
        "tag",
    ),
    (
        re.compile(
            r"^(?:please |pls )*(?:tag|label)\s+(?:all|every|each|everyone|everybody|my|our|the|[\w-]+(?:'s|’s))\b.*?(?P<cut>\s['\"#]?(?P<value>(?!(?:customers|clients|accounts|leads|contacts|prospects)\b)[\w-]+))['\"]?\W*$"
        ),
        "tag",
    ),
    (
        re.compile(
            r"(?P<cut>[,;]?\s*(?:then\s+)?(?:tag|label)\s+(?:(?:them|em|'em|’em)\s+(?:all\s+)?(?:as\s+|with\s+)?)?['\"#]?(?P<value>[\w-]+(?: [\w-]+)?(?=['\"])|[\w-]+))['\"]?\W*$"
        ),
        "tag",
    ),
    (
        re.compile(
            rf"(?P<cut>\s(?:(?:over\s+)?to|as|into|->|→)\s+(?:the\s+)?(?:stage\s+)?(?P<value>{_STAGE_WORDS})(?:\s+stage)?)\W*$"
        ),
        "stage",
    ),
    (
        re.compile(
            rf"(?P<cut>\b(?:stage\s+(?:to|=|->|→)|(?:make|mark|set|move|put)\s+(?:them\s+|it\s+|those\s+|these\s+)?(?:all\s+)?(?:to\s+|as\s+|in\s+)?)\s*(?P<value>{_STAGE_ONE}))\b"
            r"(?!\s+(?:customers|clients|accounts|leads|deals|ones|prospects|contacts)\b)"
            # "move all qualified in Nairobi over to Kofi": which ones, when someone takes them
            rf"(?![^.;]*\s(?:over\s+)?to\s+@?(?!(?:the\s+)?(?:stage\s+)?(?:{_STAGE_WORDS})\b)[\w'-]+\W*$)"
        ),  # "move all lost customers to maria": whose, not what stage
        "stage",
    ),
    (
        re.compile(
            rf"(?P<cut>\s*(?:->|→|=>)\s*(?:move\s+to\s+|mark\s+as\s+)?(?P<value>{_STAGE_ONE}))\W*$"
        ),
        "stage",
    ),
    (
        re.compile(
            r"^(?:(?:please|pls|bulk:?)\s+)*(?:tag|label)\b.*?(?P<cut>\s*(?:->|→|=>)\s*#?(?P<value>[\w-]+))\W*$"
        ),
        "tag",
    ),
    (  # "… -> retag to 'dormant-fair'"
        re.compile(
            r"(?P<cut>\s*(?:->|→|=>|[,;:])?\s*re-?tag(?:\s+(?:them|these|those))?\s+(?:to|as|with)\s+"
            r"['\"#]?(?P<value>[\w-]+))['\"]?\W*$"
        ),
        "tag",
    ),
    (
        re.compile(
            r"^(?!(?:please |pls |bulk:? )*(?:tag|label)\b).*?(?P<cut>\s*(?:->|→|=>)\s*(?:(?:reassign|move|give|hand)(?:\s+them)?\s+to\s+|(?:new\s+)?(?:owner|rep)\s*:?\s+)?(?P<value>[^\W\d_][\w'-]*(?:\s[^\W\d_][\w'-]*)?))\W*$"
        ),
        "owner",
    ),
    (
        re.compile(
            rf"(?P<cut>\s(?:over\s+)?to\s+(?P<value>{_TITLED}[^\W\d_][\w'-]*(?:\s(?!(?:while|because|as|since|until|for)\b)[^\W\d_][\w'-]*)?))(?:\s+(?:while|because|as|since|until|for)\b.*|\s*[,;–—]\s.*|\s+-\s.*)?\W*$"
        ),
        "owner",
    ),
]
BULK_VERB = re.compile(
    r"^(?:(?:please|pls|kindly|bulk[- ]?|can you)\s+)*(?:move|tag|label|assign|reassign|set|mark|delete|del|remove|kill|"
    r"hand(?: over)?|give|change|update|put|transfer|drop|archive|make|push|bump|advance|shift|dump|"
    r"split(?: up)?|divide(?: up)?|share out|distribute|spread|carve up)\b"
    r"(?:\s+the\s+(?:owner|rep|stage|status)\s+(?:of|for|on)\b)?"  # "set the owner of all … to X"
    r"(?:\s+(?:all|every|each)\b)?"
)
# Words that say how to select without choosing anyone themselves; what else a bulk change's
# selection says, and no reader takes, is reported back instead of silently widening it.
SELECTION_FILLER = frozenset(
    "all whole entire every everyone everybody each any the a an of my our your its them those "
    "two three four five six seven eight nine ten both "
    "these customers customer clients client accounts account contacts contact people ones "
    "records record entries folks companies deals who that which whose are is were was be been "
    "currently still now please pls plz kindly asap can could you would will i we want need to "
    "we've weve i've ive we're yet ever segment segments group bucket clean-up cleanup "
    "housekeeping tidy-up marked flagged set "
    "in on at system and also just right away thanks thx today list with from by for "
    "stage stages status pipeline book clear out goes go going should move moved put hand handed pass passes passed "
    "over give send shift switch transfer reassign assign change set mark tag label update make "
    "delete remove drop archive purge wipe clean get gets let have has had back up off into "
    "onto as bulk then too bin rid trash del or more than longer push bump advance progress "
    "anything anyone something ok okay actually so hmm well right tho though take that's that’s "
    "thats who's who’s remaining rest remainder leftover how many much does do number dump lot "
    "closed ditch scrap show me find see display pull".split()
)
# thanks or a greeting before a request: "ok thanks. whats the pipeline now"
# "fine, just delete X", "right, so move …": a word of assent before the request
OPENING_ASSENT = re.compile(
    r"^\W*(?:(?:(?:fine|ok(?:ay)?|alright|all right|right|so|well|yes|yeah|sure)[\s,]+)+(?:then[\s,]+)?"
    r"|then[\s,]+"  # "ok then add a task for maria: …", its "ok" cleaned off
    # "sorry i meant move jordan's berlin customers to maria": the request meant
    r"|(?:(?:sorry|sry|oops|no|nope|actually|my bad|wait)[\s,!.:-]+)*i meant(?: to)?[\s,:-]+)"
    r"(?:just\s+)?(?=(?:delete|remove|move|give|hand|tag|untag|mark|set|change|add|log|close|create|"
    r"restore|assign|reassign|put|show|list)\b)"
)
OPENING_SMALL_TALK = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|k|thanks?|thank you|thx|ty|cheers|great|cool|perfect|nice|good|awesome|"
    r"brilliant|lovely|super|(?:good )?(?:morning|afternoon|evening)|hi|hello|hey|hiya|bonjour|salut|"
    r"hola|buen[oa]s(?: d[ií]as| tardes)?|bom dia|boa tarde|ol[áa]|ciao|hallo|guten (?:morgen|tag)|"
    r"moin|hej|namaste|g'?day|kia ora|all|team|guys|folks|"
    r"i hope (?:you are|you're|youre|you're all|all is) (?:doing )?(?:well|good|fine)(?: today)?|"
    r"hope (?:you are|you're|youre|all is|everyone is) (?:doing )?(?:well|good|fine)(?: today)?)"
    r"[\s,!]*)+[.!]+\s+(?=\w)"
)
# a message that is nothing but greetings, thanks and goodbyes: "thx, night all", "cheers, off
# home", "have a good evening team"
ONLY_SMALL_TALK = re.compile(
    r"(?!\W*(?:(?:all|team|the team|my team|folks|guys|everyone|y'?all|again)[\s,.!?:)(]*)+$)"
    r"\W*(?:(?:hi|hey|hello|hiya|yo|howdy|morning|good (?:morning|afternoon|evening|night)|"
    r"night|nite|gn|g'?night|bye|bye bye|cya|see (?:you|ya)(?: tomorrow| tmrw| monday| later)?|"
    r"later|laters|thanks|thank you|thx|ty|cheers|ta|merci|danke|gracias|shukran|obrigad[oa]|"
    r"all|team|folks|guys|everyone|y'?all|so much|a lot|lots|for (?:the|your) help|again|"
    r"off home|heading (?:off|home|out)|signing off|logging off|i'?m off|off now|done for (?:the )?"
    r"today|that'?s all(?: for today)?|have a (?:good|nice|great) (?:one|evening|night|weekend|day)|"
    r"kia ora|salam|salaam|ola|olá|oi|bonjour|ciao|namaste|shalom|aloha|hej|ok|okay|great|"
    r"dank je(?: wel)?|dankjewel|bedankt|go raibh maith agat|takk|tack|kiitos|spasibo|xie xie|"
    r"terima kasih|salamat|arigato\w*|grazie(?: mille)?|muchas gracias|merci beaucoup|"
    r"bom dia|boa tarde|boa noite|buen[oa]s (?:d[ií]as|tardes|noches)|guten (?:morgen|tag|abend)|"
    r"buongiorno|valeu|vlw|blz|beleza|dzi[eę]ki|dzi[eę]kuj[eę]|super|asante(?: sana)?|"
    r"perfect|cool|nice|awesome|brilliant|lovely|howzit|ka pai|merhaba|bot|"
    r"(?:merry christmas|happy (?:holidays|new year)|season'?s greetings)"
    r"(?: to (?:you )?(?:all|everyone)(?: (?:of )?the team)?)?)[\s,.!?:)(]*)+"
)
# "move X to maria, with his open task": the customer's open tasks go with them
# one task of several just ticked off taken back: "actually no not 2, that call hasnt happened, undo"
NOT_THAT_TASK = re.compile(
    r"^(?:(?:actually|oops|wait|sorry|no)[\s,.!-]+)*not\s+(?:task\s+)?#?(?P<n>\d{1,6})\b"
    r"(?=.*\b(?:undo|reopen|re-open|not done|hasn'?t happened|didn'?t happen)\b)"
    # "actually 38 isnt done yet, undo": that one open again, not all the command closed
    r"|^(?:(?:actually|oops|wait|sorry|no|hmm)[\s,.!-]+)*(?:task\s+)?#?(?P<n2>\d{1,6})\s+"
    r"(?:isn'?t|isnt|is not|wasn'?t|wasnt|was not|ain'?t|not)\s+(?:actually\s+|really\s+)?"
    r"(?:done|finished|complete|completed|closed)\b"
)
# a contact told only to say why a task is done: "he rang back so close the noah schneider follow up"
THEN_CLOSE = re.compile(
    r"(?:[,.;]\s*|\s+[-–—]\s*|\s+)(?:(?:so|and|then)\s+)?(?:(?:please|pls|can you)\s+)?"
    r"(?=(?:close|tick off|complete|mark off)\s+(?:the\s+|his\s+|her\s+|their\s+|that\s+)?"
    r"(?:.{0,40}?\s)?(?:task|follow up|follow-up|to-?do|reminder)\b)"
)
# a task done told after what was done: "booked the QBR with her for the 15th, so that task is done"
DONE_AFTER = re.compile(
    r"(?:[,.;]\s*|\s+[-–—]\s*)(?:(?:so|and)\s+)?(?:(?:that|the|this|my|her|his|their)\s+"
    r"(?:task|one|follow[- ]?up|reminder|to-?do)(?:['’]s|\s+is|\s+can be)\s+(?:done|complete|completed|"
    r"closed|sorted|ticked off))\W*$",
    re.I,
)
WITH_THEIR_TASKS = re.compile(
    r"[\s,;]+(?:with|and|plus|incl(?:uding)?\.?|along with|together with)\s+(?:all\s+)?"
    r"(?:his|her|their|the|its)\s+(?:open\s+)?(?:tasks?|to-?dos?|follow-?ups?)(?:\s+too|\s+as well)?"
    r"\W*$"
)
# the customer said as a pronoun, which the conversation resolves: "her phone is …"
POINTED_BACK = re.compile(r"\b(?:her|his|him|she|he|they|them|their)\b")
# a book named by a pronoun, which the parser cannot resolve: "move his leads to Maria"
WHOSE = frozenset({"his", "her", "their", "hers", "theirs"})
# a reason tacked on after a bulk change: "…, they're dead weight", "…, she knows the product"
REASON_TAIL = re.compile(
    r"(?:[,;.!]|\s[-–—])\s*(?:(?:they|she|he|it|we)(?:'re|'s|’re|’s|'ll|’ll| are| is| has| have| knows?| will)"
    r"|(?:shes|hes|theyre|theyve|shell|hell)\b"
    r"|[\w-]+(?:'s|’s| is) (?:taking|got|going|leaving|moving|covering|off|on)"
    r"|[\w-]+ (?:still |really |actually )?(?:wants?|needs?) (?:them|her|him|it)"  # "jordan still wants them"
    r"|because|since|as they|cos|coz|cuz|so that"
    r"|(?:(?:it|this|that)(?:'s|’s| is) )?(?:an? |the )?(?:old |extra )?(?:dup(?:e|licate)?|copy|double) of)\b.*$"
    # "… to avi shes on mat leave from tmrw": why, though no comma says so
    r"|\s+(?:shes|hes|she's|he's|she’s|he’s)\s+(?:on|off|away|out|leaving|going|moving|in|at|based)\b.*$"
    r"|\s+while\s+(?:she|he|they)(?:'s|’s|'re|’re| is| are)\b.*$"  # "-> sam while he's out"
    # "bin zoe wilson and rafael novak - junk leads, never got a reply": why, not which
    r"|(?:[,;.!]|\s[-–—])\s*(?:all\s+)?(?:junk|spam|fake|bogus|rubbish|garbage|test)\b.*$"
)
# a selection's last words that are only politeness: "... as lost please", "... to Jordan asap"
POLITE_TAIL = re.compile(
    r"(?:[\s,.!]*\b(?:please|pls|plz|kindly|thanks|thank you|thx|ty|cheers|asap|now|today|"
    r"right away|for me|in (?:the )?(?:crm|system)|on (?:the )?crm|for now|for the time being|"
    r"temporarily|until further notice|w\.?e\.?f\.? today|from now(?: on)?|going forward|"
    r"effective (?:immediately|today|now)|with immediate effect|immediately|do the needful|lah|la|ah|"
    r"again))+"
    r"[\s.!,]*$"
)
# a "customer" that is a selection: "the Paris accounts", "all London customers"
SELECTION_SAID = re.compile(
    r"^(?:(?:all|every|each|the|our|my|of)\s+)*(?:[\w'-]+\s+){0,3}"
    r"(?:accounts|customers|clients|leads|prospects|proposals|deals|opportunities|opps|contacts)$"
    r"|^(?:all|every|everyone|everybody|customers|clients|accounts|leads|prospects)\b",
    re.I,
)
# the noun a selection's describing words stand before: "Berlin leads", "hardware accounts"
SELECTION_NOUN = re.compile(
    r"\s+(?:leads?|customers?|clients?|accounts?|prospects?|proposals?|deals?|contacts?|ones|"
    r"companies|opportunities|opps|accts|accs|custs|portfolio|book)\b"
)
# product lines people select by without a store to look them up in
PRODUCT_LINES = frozenset(
    "hardware software services service training support consulting licences licenses licence "
    "license cloud saas subscription subscriptions maintenance implementation onboarding "
    "analytics security hosting integration integrations api seats add-ons addons".split()
)
INTEREST = re.compile(
    r"\b(?:interested in|interested for|interesting for|interesting in|interest in|interest:|with (?:the )?interest|(?<=\w )interest(?= [a-z])|looking at|keen on|(?<!don't )(?<!dont )(?<!not )want(?:s|ed)?(?!\s+(?:to|anyone|anybody|anything|someone|them|him|her|you|us|me|that|this|it)\b)|asking about|into|(?:(?<=she )|(?<=he )|(?<=they )|(?<=, ))(?:loves?|likes?))\s+(?:(?:the|our|your|their)\s+)?"
    r"(?P<interest>.+?)(?=\s+(?:in|from|owned|who|with|that|as|to|and|we|i|goes|go|should|are|is|"
    r"will|over|gets?|moves?|across|but|yet|although|though|have|has|had|haven'?t|hasn'?t|were|was|"
    r"did|didn'?t)\b|\s*(?:->|→|=>)|[,.?!;]|$)"
)
NO_STAGE_CHANGE = re.compile(
    r"\b(?:stuck|sitting|sat|parked|stalled|older|no (?:stage )?(?:change|movement|progress)|not moved|"
    r"haven'?t moved|hasn'?t moved|unchanged|same stage|no (?:reply|replies|answer|response|word)|"
    r"(?:not|haven'?t|hasn'?t|have not|has not) (?:heard back|replied|answered|responded)|"
    r"without (?:a )?(?:reply|replying|answer|answering|response|responding)|unanswered|"
    r"(?:not|haven'?t|hasn'?t|have not|has not|didn'?t|did not|never) (?:changed?|moved?) (?:stages?|on)|"
    r"never (?:changed?|moved?)|"
    r"no stage change|no updates?|without (?:a |any )?(?:stage )?(?:change|update|movement|progress))"
    # the time said of it, never of a contact or purchase named between ("sitting in lead stage
    # with no contact for 200 days")
    r"\b(?:(?!\b(?:no|without|not|never)\s+(?:contact|contacted|purchas|order|bought|call|heard))"
    r".)*?\b(?:(?:for|in|over|since|after|more than|longer than|over|than)\s+)?"
    rf"(?:over\s+|more than\s+|the (?:last|past)\s+)?(?P<n>\d+|{_SPAN_COUNT})?"
    r"\+?\s*(?P<unit>days?|weeks?|wks?|months?|mths?|years?|yrs?|d|w)\b"
    r"|\b(?:stale|stalled|stuck|stagnant)\b"  # no time said: a month without moving
    # "deals in proposal that havent moved in a while": a month too
    r"|\b(?:haven'?t|hasn'?t|have not|has not|not|never)\s+(?:moved|changed|progressed)\b[^.?!]*?"
    r"\b(?:in|for)\s+(?:a\s+(?:long\s+)?while|ages|a long time|some time)\b"
    # "in proposal stage for more than 30 days without change": the time said first
    r"|(?<=stage )for\s+(?:over\s+|more than\s+)?(?P<n2>\d+)\s*(?P<unit2>days?|weeks?|months?)\s+"
    r"(?=without|with no|and no)"
)

# ---- next actions ----------------------------------------------------------------------------

SUGGEST_WHO = re.compile(
    r".*\b(?:with|for|about|to|approach|on|reactivate|reactivating|re-?engag(?:e|ing)|win(?:ning)? back|"
    r"winning over|upsell|up-sell|cross-?sell|"
    r"grow|save|nurture|handle|retain|expand|renew|keep|at)\s+(?!(?:do|next|this|today|the week|them|him|her|it|me)\b)"
    r"|^(?:next|best)\s+(?:steps?|moves?|actions?)\s+(?=[a-z])(?!(?:for|with|on|about|please|pls)\b)"
)

# ---- reports ---------------------------------------------------------------------------------

METRICS = _table(
    [
        (
            r"how many (?:[\w-]+ ){0,3}?(?:did|have|has) (?:we|i|you|the team|[a-z]+) (?:sell|sold)\b",
            "purchases",
        ),
        (
            rf"revenue|revnue|sales|turnover|{REV}|income|sell|sold|earn(?:ed)?|money"
            r"|made(?!.*\b(?:calls|meetings|contacts|visits|emails|interactions)\b)",
            "revenue",
        ),
        (r"nps|net promoter", "nps"),
        (r"purchases|orders|deals", "purchases"),
        (
            r"interactions|calls|meetings|contacts|touchpoints|activity|emails|visits",
            "interactions",
        ),
        (
            r"customers|clients|accounts|signups|custs|new (?:leads|contacts|prospects)|"
            r"(?:leads|contacts|prospects) (?:added|created|entered)|who (?:did )?we add(?:ed)?",
            "customers",
        ),
    ]
)
PERIODS = _table(
    [
        (r"today|(?:since )?this morning", "today"),
        (r"yesterday", "yesterday"),
        (r"this week|the week|this wk|wtd", "this_week"),
        (r"last week|past week|previous week", "last_week"),
        (r"this month|the month|mtd|this mth|this mo", "this_month"),
        (r"last month|past month|previous month", "last_month"),
        (r"this quarter|the quarter|qtd|this q|this qtr|this trimester", "this_quarter"),
        (r"last quarter|past quarter|previous quarter|last q|last qtr", "last_quarter"),
        (r"this year|the year|ytd|so far this year|this yr|year to date", "this_year"),
        (r"month to date", "this_month"),
        (
            r"all[- ]time|(?<!would you )(?<!could you )(?<!will you )(?<!can you )ever"
            r"(?!\s+(?:pull|show|give|send|get|tell|list|check|run|do|bring)\b)|to date|"
            r"since (?:we (?:started|began)|the (?:start|beginning))|lifetime|in total",
            "to_date",
        ),
        (r"last year|past year|previous year|last yr", "last_year"),
        (
            r"(?:last|past) (?:12|twelve) (?:months|mths|mos)|trailing 12 months|ttm|rolling 12 months",
            "last_12_months",
        ),
    ]
)
# what a digest is set to, not the digest: "what are my digest settings", "when do I get it"
DIGEST_SETTINGS = re.compile(
    r"\b(?:settings?|subscri(?:bed|ption)|schedule|set up|set to|set for|when (?:do|will|does) (?:i|it)|what time|am i getting|do i (?:get|still get))\b",
    re.I,
)
# the reps side by side: "compare reps this quarter", "who sold the most this month"
REPS_COMPARED = re.compile(
    r"\bcompare (?:the |my |our |all )?(?:reps|sales ?people|sellers|team members)\b|"
    r"\b(?:reps|sales ?people) compared\b|\bwho (?:sold|closed|won|brought in|booked|made) (?:the )?"
    r"most\b|\bwho(?:'s| has)? (?:logged|made|done|had) the most\b|\b(?:top|best) (?:reps?|performers?|salespeople)\b|\bleaderboard\b"
)
GROUPS = _table(
    [
        (r"(?:by|per|each|every) (?:day|weekday)|daily", "day"),
        (r"(?:by|per|each|every) week|weekly", "week"),
        (r"(?:by|per|each|every) month(?![- ]?end)|monthly", "month"),
        (
            r"(?:by|per|each|every) (?:rep|owner|salesperson|salesman|salesmen|saleswoman|sales rep|person|seller|staff|user|account manager|member|team member)",
            "owner",
        ),
        (REPS_COMPARED.pattern, "owner"),
        (  # "which rep had the most calls", "who sold the most this month", "top rep"
            r"(?:which|what) (?:rep|sales ?rep|salesperson|seller|one of (?:my|the|our) reps)\b"
            r"|who(?:'s| has| have)? (?:had|has|made|logged|sold|closed|brought in|did|booked|got) the "
            r"(?:most|fewest|least)\b"
            r"|(?:top|best) (?:reps?|performers?|salesperson|salespeople)\b"
            r"|rank(?:ing)? (?:the |my |our |all )?(?:reps|team|sales ?people|sellers)\b"
            r"|(?:rep|sales|team)\s+(?:scoreboard|leaderboard|league table|rankings?)\b",
            "owner",
        ),
        (
            r"(?:by|per|each|every) product|top (?:selling )?products|best[- ]?sell(?:ing|ers)"
            r"|(?:what|which \w+) (?:sold|sells|sell|are selling|is selling) (?:best|most|the most)",
            "product",
        ),
        (r"(?:by|per|each|every) (?:customer |rfm )?segment|\bsegments\b", "segment"),
        (  # "calls vs meetings last month": one count per way of contact
            r"(?:by|per|each|every) channel|by type|(?:calls|e-?mails|meetings|visits|texts|chats)\s+"
            r"(?:vs\.?|versus|against|compared to)\s+(?:calls|e-?mails|meetings|visits|texts|chats)\b",
            "channel",
        ),
        (
            r"(?:by|per|each|every) (?:city|location|town)|city[- ]?wise|" + WHICH_TOWNS.pattern,
            "city",
        ),
        (r"(?:by|per|each|every) tag|\btags\b", "tag"),
        (
            r"(?:by|per|in each|for each|each|every) (?:pipeline )?stage|pipeline (?:summary|overview|"
            r"breakdown|report)|pipeline look like|how(?:'s| is) (?:the|my|\w+'?s) pipeline|"
            r"stage (?:counts?|totals?|numbers)|stages\b|(?:my|our) pipeline|pipeline (?:by|per) "
            r"(?:rep|owner|person)",
            "stage",
        ),
        (r"(?:by|per|each|every) (?:interest|product interest)|\binterests\b", "interest"),
    ]
)
REPORT_CHANNELS = _table(
    [
        (r"calls?|phone calls", "call"),
        (r"e-?mails?", "email"),
        (r"meetings?", "meeting"),
        (r"visits?", "visit"),
        (r"texts?|sms", "sms"),
        (r"(?:whats ?app )?chats?|whats ?apps?", "chat"),
        (r"notes", "note"),
    ]
)
COMPARE = re.compile(
    r"\b(?:(?<!calls )(?<!emails )(?<!meetings )(?<!visits )(?:vs\.?|versus)|compared (?:to|with)|"
    r"comparing (?:to|with)|comparison|compare[ds]?|against (?:last|the previous)|"
    r"than last|over last|relative to|v(?=\s+(?:last|the previous|prev|previous)\b))\b"
)
CHART = re.compile(r"\b(?:chart|graph|plot|visual|visuali[sz]e|diagram)\b")
