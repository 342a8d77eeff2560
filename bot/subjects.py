"""Referring back: "her" is the customer just talked about, "those" the list just shown.

Each command that names one customer or lists (or changes) a selection leaves it as the
conversation's subject. A later message that says "him", "this one", "those" or "same for the
qualified ones" is read with that subject put in: the customer as its #id, the list as its
selection, and a change to "those" becomes a bulk change of that selection, previewed as always.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import Session

from bot.books import ME
from bot.handlers.bulk import ASSIGNEE, COUNT_SAID, DEALT, IDS, THEIR_OWNER_SAID
from bot.handlers.insights import PER_OWNER, selection_of
from bot.handlers.tasks import THEIR_OWNER
from crm_store.models import ConversationSubject
from intents import AVERAGE, CUSTOMERS, EXCLUDING, FORECAST, TASKS_OF, WITH_TASKS, Parsed, vocab
from intents.rules import QUOTED_NAME
from intents.text import spoken_number

CHANGE = ("field", "value", "action", WITH_TASKS)
CHOSEN_BY = "chosen_by"  # kept with a change to many: the selection it was made on
TASK_SET = "task_set"  # kept after one task was set: what and when, for "same for sam"
TASK_KEPT = ("text", "due", "owner", "customer")
# a rep just talked about, set beside another: "compare him to maria"
COMPARE_THEM = re.compile(
    r"\W*(?:(?:and|now|ok|so)\s+)?(?:compare|stack up|put)\s+(?:him|her|them)\s+"
    r"(?:to|with|against|and|vs\.?|next to)\s+(?P<other>[\w' -]+?)\W*",
    re.I,
)
# a relative clause after a list says which of it: "which have sat there 30 days"
_WHICH_OF_THEM = re.compile(
    # ("who hasnt bought anything in 6 months" is a question of its own, unless "who of them")
    r"(?:and\s+|so\s+|ok\s+)?(?:(?:which|that)\s+(?:of them\s+)?|"
    r"who\s+of\s+(?:them|those|these)\s+)(?:have|has|haven'?t|hasn'?t|"
    r"are|were|aren'?t|weren'?t|did|didn'?t|bought|spent)\b(?=.*\b(?:days?|weeks?|months?|years?|"
    r"bought|spent|contact|contacted|order|ordered)\b)"
    # "which of them bought support premium": those of the list who did
    r"|(?:and\s+|so\s+|ok\s+)?(?:which|who)\s+of\s+(?:them|those|these)\s+(?:have\s+|has\s+)?"
    r"(?:bought|ordered|purchased|spent)\b",
    re.I,
)
_SAID_AFTER_THE_NOUN = re.compile(r"(?:in|with|from|who|that|tagged|owned|at|of)\b", re.I)
# questions a short follow-up may refine ("by rep?", "just maria's", "vs last year?"), each with
# how the follow-up is re-read as a question of that kind
REFINABLE = {
    "report.show": "show the report {}",
    "task.list": "show me {} tasks",
    "segment.list": "list {} customers",
    "interaction.history": "show {} contact history",  # "just maria's" after the team's day
    "digest.show": "show the digest {}",  # "same but for today so far" after this morning's
}
# next steps shown: "make that a task" right after them is the first of them, and only then
ADVISED = "next_action.suggest"
# the word for what a list holds: "maria's tasks" after a report asks for her tasks, not her figures
LISTED = {
    "task.list": re.compile(r"\b(?:tasks?|to-?dos?|reminders)\b", re.I),
    "segment.list": re.compile(r"\b(?:customers|clients|accounts|leads|prospects)\b", re.I),
}
EVERYONE = re.compile(
    r"\b(?:every(?:one|body)|all (?:the |our |of (?:the |our )?)?(?:customers|clients|accounts))\b",
    re.I,
)
REFINING = re.compile(
    r"^(?:(?:and|ok|okay|now|then|but|no|so|what about|how about|same(?: thing| again)?|i mean|"
    r"i meant|"
    r"how (?:does|did|do) (?:that|it|this|those|these)(?= compare| split| break)|"
    r"(?:show|do|make) (?:that|it|this)(?: down)?|"
    r"(?:split|break)(?: (?:that|it|this))?(?: down| up| out)?|"
    r"that|just|only|as|only the|just the|"
    # "any in berlin?", "any of them in london?" after a list
    r"any(?: of (?:them|those))?(?= (?:in|with|from|of|who|that|tagged|owned|at)\b)|"
    r"the)\b[\s,]*)+",
    re.I,
)
# a follow-up that opens with what it changes: "vs last year?", "by rep", "for maria", "in berlin"
CHANGING = re.compile(
    r"^(?:vs\.?|versus|compared? (?:it |that |this )?(?:to|with|against)|by|per|for|in|all time|"
    r"as a (?:chart|graph))\b"
    r"|^(?:last|this|today|yesterday|ytd)\b(?=.*\binstead\b)|.*\binstead\W*$",
    re.I,
)
ONES = re.compile(r"\s*\b(?:ones|one|only|please|pls|too|instead)\b\s*|\W+$", re.I)
LISTS = frozenset({"segment.list", "customer.bulk_update"})
# a change to one customer that "same for X" may repeat; personal details are never kept aside
REPEATABLE = frozenset({"owner", "stage", "tag", "interest"})
# a field of one customer, named with a possessive: "his title is now CTO"
_FIELD_OF = (
    r"\s+(?:new\s+)?(?:job title|title|role|position|e-?mail|phone|number|mobile|city|country|"
    r"company|stage|owner)\b"
)
# a customer named by a pronoun or "this one"; he or she counts only opening the message, and
# after any "him" or "her" ("hes ready to sign, mark him as customer")
ONE = re.compile(
    r"\b(?:him|her|(?:his|their) (?:record|profile|file|details|info|card|account|page|orders|"
    r"purchases|(?:total |lifetime )?value|ltv|total|spend|products|tags|nps|score|segment|history|"
    r"contacts|tasks)|"
    rf"(?:his|their)(?={_FIELD_OF})|"
    r"(?:(?<=\bwhat (?:did|has) )|(?<=\bwhat does )|(?<=\bwhat's )|(?<=\bwhats ))(?:he|she)"
    r"(?= (?:\w+ )?(?:buy|bought|order|ordered|purchase|purchased))|this one|"
    r"(?:he|she)(?= (?:has |'s )?(?:spent|paid))|"
    r"(?:(?<=\bwhat's )|(?<=\bwhats )|(?<=\bwhat is ))(?:he|she)(?= (?:\w+ )?worth\b)|"
    r"(?<=\bstage is )(?:he|she)|(?<=\bstage's )(?:he|she)|"
    r"that one|(?:this|that) (?:customer|client|account|contact|guy|lady|"
    r"person|lead))\b",
    re.I,
)
_IT = re.compile(rf"\bit\b|{ONE.pattern}", re.I)
OPENING = re.compile(
    r"^(?:(?:oh|and|also|so|now|ok|okay|btw|plus|oops)[,!.]?\s+)*(?:he|she|hes|shes)"
    r"(?:\s+(?:also|too|just|then|finally))?\b",
    re.I,
)
# a list named by a pronoun
# a count of more than one said with the words that point back: "those 3", "the other two"
SEVERAL_SAID = re.compile(  # ("sold them 2 Analytics Pro": two of what was sold)
    r"(?<!\bsold )(?<!\bsell )(?<!\bsent )(?<!\bshipped )(?<!\bquoted )(?<!\binvoiced )"
    r"\b(?:those|these|the|them|all|other|both)\s+(?:other\s+)?(?:[2-9]|\d\d+|two|three|four|five|"
    r"six|seven|eight|nine|ten|dozen)\b|\bboth\b",
    re.I,
)
# a count said of a few of a list: "the 5", "the two"
_FEW = r"(?:\d{1,4}|two|three|four|five|six|seven|eight|nine|ten)"
MANY = re.compile(
    r"\b(?:them|those|these|they|both(?: of (?:them|those|these))?|(?:the|that|this) (?:list|lot|"
    r"selection)|those ones|these ones|"
    r"the (?:customers|ones|accounts|clients) (?:just )?(?:shown|listed|above)|"
    # "give sam's ones to jordan", "the ones under 5k", "the 5 of sam's": some of the list
    r"[^\W\d_][\w-]*(?:'s|’s) ones|the \d{1,4} of [^\W\d_][\w-]*(?:'s|’s)|"
    r"the ones(?= (?:under|over|below|above|with|without|in|who|that|which|not|from|worth|"
    r"tagged|owned|at|on)\b)|"
    # "tag all 18 vip", "the 3 customers"; never "all 3 tasks"
    r"all \d{1,4}(?! (?:tasks?|reminders?|to-?dos?|days?|weeks?|months?)\b)(?: of them)?|"
    rf"the {_FEW} (?:of them|customers|ones|"
    r"accounts|clients|leads|prospects)|"
    r"the same (?:\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|ones|lot|customers)|"
    # "move the other 4 to maria, not björn dubois": the list less those named
    r"the (?:other|remaining) (?:\d{1,4}|ones|customers)|the others|the rest(?: of them)?)\b",
    re.I,
)
# who is left out of a change to a list, said after it: "…, not björn dubois"
NOT_THIS_ONE = re.compile(
    r"[,;]\s*(?:but\s+)?not\s+(?P<who>(?!(?:interested|sure|yet|now|today|me|that|this|happy|"
    r"all|every|any|the)\b)[^,;.!?]+?)(?:\s+(?:though|tho|pls|please))?\W*$",
    re.I,
)
# a task set on each customer of the list: "a task for jordan to call each of them", "for each of
# those 6 customers: call them", "… for their owner"
EACH = re.compile(
    r"\s*\b(?:(?:for|on|with|to)\s+)?(?:(?:each|every one|all|both) of\s+)?(?:them|those|these)"
    r"(?:\s+\d+)?(?:\s+(?:customers|clients|accounts|leads|contacts|people|ones))?\b"
    r"|\s*\b(?:on|for)\s+each(?:\s+one)?\b(?!\s+(?:rep|owner|of)\b)"  # "… the owner on each"
    r"|\s*\b(?:on|for|to)\s+(?:them\s+)?both\b(?!\s+(?:of\s+)?(?:his|her|their|my|the)\b)",
    re.I,
)
SAME_FOR = re.compile(
    r"^(?:(?:and|ok|okay|now|then)[\s,]+)*"
    r"(?:(?:do )?(?:the )?same(?: thing| again)?|ditto|likewise|do (?:it|that|this)(?: again)?)"
    r"\s+(?:for|with)\s+(?P<rest>.+?)"
    r"(?:\s+(?:too|as well|please|pls))*\W*$",
    re.I,
)
# the task just set, again for someone else: "same for sam", "and one for maria too", "give maria
# the same task for omar khan", "same task for jordan when he's back, due 5 jan", "sam should have
# that one too"
_SAME_TASK = (
    r"(?:(?:do\s+)?(?:the\s+)?same(?:\s+(?:task|reminder|thing|one))?(?:\s+again)?|(?:an)?other\s+one|"
    r"one|ditto)"
)
_WHO_TOO = r"[\w'-]+(?:\s+[\w'-]+)??"
TASK_AGAIN = re.compile(
    r"^(?:(?:and|ok|okay|now|then|also|plus|pls|please)[\s,]+)*"
    rf"(?:(?:(?:give|create|set|add|make)\s+(?:(?!the\b)(?P<given>{_WHO_TOO})\s+)?)?{_SAME_TASK}"
    r"\s*[-–—:,]?\s*"
    rf"(?:(?:for|to)\s+(?P<who>{_WHO_TOO}))?"
    rf"|for\s+(?P<also>{_WHO_TOO})(?=\s+(?:too|as well)\b)"
    rf"|(?P<having>{_WHO_TOO})\s+should\s+(?:have|get)\s+(?:that(?:\s+one|\s+task)?|it|the\s+same"
    r"(?:\s+task)?)(?=\s+(?:too|as well)\b))"
    r"(?:\s+(?:too|as well|please|pls))*"
    r"(?:\s+(?:with|for|on|about)\s+(?P<customer>(?!(?:him|her|them|me)\b)[^,;]+?))?"
    r"(?:\s+(?:too|as well))?(?:\s+when\s+(?:he|she|they)(?:'s|'re|\s+is|\s+are)\s+back)?"
    r"(?:\s*,?\s*(?:due|by|for|on)\s+(?P<due>[^,;]+?))?\W*$",
    re.I,
)
BUT_TO = re.compile(r"[\s,]+but\s+(?:to|as|into|in)\s+(?P<value>[\w' -]+?)\W*$", re.I)
ASKED_OF_ONE = frozenset({"customer.show", "interaction.history", "next_action.suggest"})
THEIR_TASKS = re.compile(r"\b(?:his|her|their)\s+(?:open\s+|overdue\s+)?tasks?\b", re.I)
# the tasks just listed, handed over: "give both of those to maria", "give them to sam after all"
# whose of a list just shown: "which of those are maria's", "and which ones are sam's?"
WHOSE_OF_THOSE = re.compile(
    r"\W*(?:(?:and|so|ok|now)\s+)?(?:which|what)\s+(?:ones\s+)?(?:of\s+(?:those|them|these)\s+)?"
    r"(?:are|is|belong to)\s+(?P<who>[a-z][\w-]*?)(?:'s|’s|s')?\W*",
    re.I,
)
LISTED_HANDED = re.compile(
    r"^(?:(?:ok|okay|actually|no|so|then|and)[\s,]+)*(?:please\s+)?(?:give|hand|move|reassign|pass|"
    r"transfer|assign)\s+(?:over\s+)?(?:them|those|these|both(?: of (?:them|those))?|all (?:of )?"
    r"(?:them|those)|those \d+|the \d+)\s+(?:over\s+)?to\s+(?P<who>[a-z][\w'-]*(?: [a-z][\w'-]*)?)"
    r"(?:\s+(?:too|instead|after all|please|pls|now))*\W*$",
    re.I,
)
DAYS_SAID = re.compile(
    r"\b(?:\d+|a|one|two|three|four|five|six|ten|thirty|sixty|ninety)\s*(?:days?|d|weeks?|wks?|"
    r"months?|mths?|years?)\b",
    re.I,
)
DAY_COUNTS = frozenset({"no_contact_days", "no_purchase_days", "no_stage_change_days"})
AND_ALSO = re.compile(
    r"^(?:(?:and|also|plus)\s+(?=[^?!.]+?(?:\s+(?:too|as well))?\W*$)"
    r"|(?=[^?!.]+?\s+(?:too|as well)\W*$))"
    r"(?P<rest>[^?!.]+?)(?:\s+(?:too|as well))?\W*$",
    re.I,
)  # "and zoe wilson", "léa schneider too"
ASK_FIRST = 0.5  # a reading that is confirmed before it is done
CLAUSES = re.compile(r"\s*(?:[,;.!?]|\s[-–—]\s)\s*")
THEIR_TASKS_TOO = re.compile(
    r"\W*(?:(?:yes|yeah|yep|and|plus|also|ok)[\s,]+)*(?:(?:move|give|hand|pass)\s+)?"
    r"(?:his|her|their|those|these|the)\s+(?:(?:\d+|one|only)\s+)?(?:open\s+)?"
    r"(?:tasks?|to-?dos?|follow-?ups?)"
    r"(?:\s+(?:over\s+)?to\s+(?P<to>[\w'-]+))?(?:\s+(?:too|as well|with (?:him|her|them)))*"
    # "…, give them to dana"
    r"(?:[\s,;-]+(?:give|hand|move|pass) (?:them|those|it) (?:over )?to (?P<to2>[\w'-]+))?"
    r"(?:\s+(?:pls|please))?\W*",
    re.I,
)
HER_TASKS_TO = re.compile(
    r"\W*(?:(?:yes|yeah|yep|and|plus|also|ok|pls|please)[\s,]+)*(?:move|give|hand|pass|reassign)\s+"
    r"(?:his|her|their)\s+(?:(?:\d+|one|only|two|both)\s+)?(?:open\s+)?(?:tasks?|to-?dos?|follow-?ups?)\s+"
    r"(?:over\s+)?to\s+(?P<to>[\w'-]+)(?:\s+(?:too|as well|instead|pls|please))*\W*",
    re.I,
)
WHOSE_ARE_THEY = re.compile(
    r"\W*(?:and\s+|so\s+)?(?:(?:whose|who owns|who has|who's got)\s+(?:are\s+)?(?:the most of\s+)?"
    r"(?:they|them|those|these|those ones|these ones)(?:\s+now)?"
    # "how much have they spent in total": the list again, which says what they spent together
    r"|how much (?:have|did|do) (?:they|those|these)(?: ones)? (?:spent|spend)(?: with us)?"
    r"(?: in total| altogether| together)?"
    r"|(?:what|how much)(?:'?s| is| are) (?:they|those|these|(?:that|the|this) list)(?: ones)? "
    r"worth(?: in total| altogether| together| now)*"
    # "what's the total", "total value of that list?"
    r"|(?:what(?:'?s| is) )?(?:the )?total(?: (?:value|spend|spent|worth))?"
    r"(?: (?:of|for|on) (?:them|those|these|that|(?:that|the|this) list))?(?: now)?)\W*",
    re.I,
)
TASKS_ON_THEM = re.compile(
    r"\W*(?:(?:and|so|ok|now)\s+)?(?:(?:show|list|give)\s+(?:me\s+)?|any\s+|what are\s+)?"
    r"(?:the\s+)?(?:open\s+)?tasks?\s+(?:for|on|of)\s+(?:those|them|these)(?:\s+customers|\s+ones)?"
    r"|which tasks does (?P<who>[\w'-]+) (?:still )?(?:have|hold) (?:on|for) (?:those|them|these)"
    r"(?:\s+customers|\s+ones)?\W*",
    re.I,
)
_WHOSE = re.compile(r"\W*(?:and\s+|so\s+)?(?:whose|who owns|who has|who's got)\b", re.I)
# the first rows of the list just shown, not a new list: "give the first 2 to jordan"
FIRST_FEW = re.compile(
    r"\b(?:the\s+)?(?:first|top)\s+(?P<n>\d{1,3})\b(?!\s*(?:days?|weeks?|months?|%)\b)"
    r"(?!\s+(?:customers|clients|accounts|leads|prospects|deals|by|in|with|who|that)\b)",
    re.I,
)
# the last rows of the list just shown: "move the last 5 on that list to sam"
LAST_FEW = re.compile(
    r"\b(?:the\s+)?(?:last|bottom)\s+(?P<n>\d{1,3})\b"
    r"(?!\s*(?:days?|weeks?|months?|years?|%|orders?|sales?|purchases?|calls?|e-?mails?|meetings?|"
    r"contacts?|interactions?|visits?|notes?|chats?|texts?|tasks?)\b)"  # "the last 5 emails with X"
    r"(?:\s+(?:on|of|in|from)\s+(?:that|the|this)\s+list)?",
    re.I,
)
THOSE_N = re.compile(
    rf"\b(?:those|these|them|the|all)\s+(?P<n>{_FEW})"
    r"\b(?!\s*(?:days?|weeks?|%))|\b(?P<both>both)\b",
    re.I,
)
# a contact just talked about, named in a task: "a task for that call"
THAT_CONTACT = re.compile(
    r"\b(?:that|this|the|our) (?:call|meeting|email|demo|visit|chat|quote|proposal|catch ?up|"
    r"qbr)\b",
    re.I,
)
# a task that only says to get back in touch: with whoever was just talked about
CHASE = re.compile(
    r"(?:(?:a|to)\s+)?(?:fu|f/u|follow(?:[\s-]?up)?|chase|check in|ping|nudge|circle back|"
    r"touch base|call back|ring back|get back to)"
    r"(?:\s+(?:call|email|e-mail|meeting|visit|chat|text|again|"
    r"on (?:the )?(?:quote|proposal|contract|demo|deck|invoice|renewal)))?",
    re.I,
)
# a selection a task is set on, said in the same message: "… to all detractors", "…, on the
# lapsed customers in berlin"
ON_A_SELECTION = re.compile(
    r"(?:\s*,?\s*\b(?:to|on|for)\s+(?:(?P<verb>e-?mail|call|ring|phone|visit|text|chase|contact|"
    r"ping|message)\s+)?(?:each of|all(?: of)?|every(?: one of)?)?|\s+(?:each|every one) of)\s*"
    r"(?P<selection>(?:the\s+|my\s+|our\s+|[\w-]+'s\s+)?(?:(?!(?:on|for|to)\b)[\w'-]+\s+){0,3}?"
    r"(?:customers|clients|accounts|leads|prospects|detractors|promoters|passives|champions)\b"
    r"(?:\s+(?:in|from|owned by|tagged|with|who|that|interested in|keen on|worth|over|above|"
    r"under|below)\s+[^,;:.]+?(?=\s*[,;:.]|\s*$|\s+(?:to|due|by)\s))?)",
    re.I,
)
# the colleague a task on each customer is for, said at its end: "… call task for sam"
FOR_SOMEONE = re.compile(
    r"\s+for\s+(?P<who>(?!(?:each|every|all|them|those|these|their|the|a|an|him|her|it)\b)"
    r"[a-z][\w'-]*)\W*$",
    re.I,
)
# a request put to every owner: "have each owner call …", "remind every rep to email …"
OWNERS_ASKED = re.compile(
    r"^(?:(?:pls|please|can you|could you)\s+)*(?:have|get|ask|tell|remind)\s+(?:each|every|all)\s+"
    r"(?:of\s+the\s+)?(?:owners?|reps?|account managers?)\s+(?:to\s+)?(?=\S)",
    re.I,
)
THEIR_SELECTION = re.compile(
    r"\btheir\s+(?P<selection>(?:[\w'-]+\s+){0,2}?(?:customers|clients|accounts|leads|prospects|"
    r"detractors|promoters|passives|champions)\b(?:\s+(?:in|from|tagged)\s+[\w'-]+)?)",
    re.I,
)
# whose a task waiting for Confirm is: "the task is for maria not me", "assign it to maria"
TASK_IS_FOR = re.compile(
    r"(?:(?:the\s+)?tasks?\s+(?:is|are|should be)\s+|(?:it'?s|they'?re)\s+|"
    r"(?:assign|give|set)\s+(?:it|them|the tasks?)\s+)?(?:for|to)\s+(?P<who>(?!me\b)[\w'-]+)"
    r"(?:\s*,?\s*not\s+(?:for\s+|to\s+)?(?:me|[\w'-]+))?(?:\s*(?:[.,;!]|$))",
    re.I,
)
# the words of a task waiting for Confirm, said again: "task text: call about …", "rename it to …"
TASK_TEXT_SAID = re.compile(
    r"^\W*(?:(?:and|also|no|ok|then)\W+)*(?:(?:the\s+)?task(?:'?s)?\s+(?:text|title|words|name)"
    r"(?:\s+(?:is|should be))?|(?:rename|call|word|title)\s+(?:it|them|the tasks?)(?:\s+(?:to|as))?"
    r"|(?:the\s+)?(?:text|title)(?:\s+(?:is|should be))?)\s*[:=]?\s*[\"“'‘]?(?P<text>[^\"”’]+?)"
    r"[\"”'’]?\W*$",
    re.I,
)
# a task said to a rep by name first: "maria: a task for her to …", "sam - set him a task …"
ADDRESSED = re.compile(
    r"^\s*(?P<rep>[A-Za-z][\w'-]*)\s*[:,–—-]\s+(?P<rest>(?=.*\b(?:tasks?|reminders?)\b).*)$",
    re.I | re.S,
)
# a selection said on its own, to narrow a preview: "owned by maria", "in berlin"
SELECTION_ALONE = re.compile(
    r"^\W*(?:owned by|in|tagged|from|based in|with no|who|that)\s+\w", re.I
)
# the selection first, then the task: "sam's customers interested in analytics: task for sam …"
SELECTION_THEN_TASK = re.compile(
    r"^\W*(?P<selection>[^:]{3,80}?(?:customers|clients|accounts|leads|prospects|detractors|"
    r"promoters|champions)\b[^:]{0,40}?)\s*[:–—]\s+(?P<task>(?:a\s+|new\s+)?(?:[\w-]+\s+)?"
    r"(?:tasks?|reminders?)\b.*)$",
    re.I,
)
# who is left out, said right after the selection a task goes on: "…, except Oliver Wilson: call"
LEFT_OUT_NEXT = re.compile(
    rf"\s*,?\s*(?:{vocab.LEFT_OUT_WORDS}|without)\s+"
    r"(?P<who>[^:;,]+?)(?=\s*[:;,]|\s+[-–—]\s|\s+(?:to|due|by)\s)",
    re.I,
)
HIS_OWN = re.compile(r"(?:his|her)\s", re.I)  # the selection of the one the task is for
# "give each of the detractors' owners a task": each customer's owner
SELECTION_OWNERS = re.compile(
    r"\b(?:each of\s+|all\s+)?the\s+(?P<selection>(?:[\w'-]+\s+){0,3}?(?:customers|clients|"
    r"accounts|leads|prospects|detractors|promoters|passives|champions))['’]\s*owners\b",
    re.I,
)
_ASKING = (
    r"^(?:(?:and|then|also)\s+)?(?:give|set|add|create|make|put)\s+(?:(?:him|her|them|each)\s+)?"
)
TASK_ASKED = re.compile(
    rf"{_ASKING}(?:(?:an?|the)\s+)?(?:task|reminder|to-?do)\b\s*:?\s*"
    rf"|{_ASKING}(?:an?|the)\s+(?=.+\s(?:task|reminder|to-?do)$)|\s+(?:task|reminder|to-?do)$",
    re.I,
)
ON_THEM = re.compile(
    r"\s+(?:(?:all|each)\s+(?:of\s+)?)?(?:them|those|these|(?:their|the)\s+(?:[\w-]+\s+)?ones)$",
    re.I,
)
# "remind the owners of those 18 to …": a task for each one's owner
OWNERS_OF_THEM = re.compile(
    r"\b(?:remind|ask|tell|get)\s+(?:the|their)\s+(?:owners?|reps?)\s+of\s+(?:those|them|these)"
    r"(?:\s+\d+)?(?:\s+(?:customers|clients|accounts|ones))?\s+to\b",
    re.I,
)
FROM_THE_LIST = re.compile(
    r"\s*\b(?:from|of|in|on|out of) (?:that|this|the|those|these) (?:list|lot|ones|selection)\b"
    r"|^\s*(?:which|who|any|how many) of (?:them|those|these)\b"
    r"|\b(?:just|only)\b",
    re.I,
)
SOME_OF_THEM = re.compile(
    r"\b[^\W\d_][\w-]*(?:'s|’s) ones\b|\bthe \d{1,4} of (?P<whose>[^\W\d_][\w-]*(?:'s|’s))"
    rf"|\bthe {_FEW} "
    r"(?:leads|prospects|proposals)\b",
    re.I,
)
THE_ONES = re.compile(
    r"\b(?:the|those|these)(?: (?!list\b)[\w-]+){0,3} ones\b(?! (?:in|from|of) (?:the|that) list)",
    re.I,
)
NARROWING = re.compile(  # "just the london ones", "how many of those are jordan's"
    r"\b(?:just|only|ones)\b|^\s*(?:which|who|any|how many) of (?:them|those|these)\b", re.I
)
# the ones of a list a relative clause picks: "those that were added before september …"
THOSE_THAT = re.compile(
    r"^\W*(?:(?:and|but|so|ok)\s+)?(?:all\s+)?(?:those|the ones|ones|any)\s+(?:that|who|which)\s+"
    r"(?:were|are|was|is|have been|has been|got)?\s*",
    re.I,
)
JUDGED = re.compile(
    r"\s+(?:are|is|were)\s+(?:all\s+)?(?:junk|spam|dead|fake|duplicates?|dupes?|rubbish|garbage|"
    r"not real|tests?|test data|old|stale|lost|done)\b.*$",
    re.I,
)
ASKED_OF_THEM = re.compile(r"^\s*(?:which|who|any|how many) of (?:them|those|these)\b", re.I)
SURE = 0.6  # a reading this likely, of something else, is not about the customer just named
# a count asked of each rep: "… by rep", "how many … does each rep have"
PER_REP = re.compile(
    r"^\W*how many\b|\b(?:per|by|for each|each)\s+(?:rep|owner|person|sales ?person)\b"
    r"|\b(?:does|do|has)\s+(?:each|every)\s+(?:rep|owner|one)(?:\s+(?:have|got))?\b",
    re.I,
)
ANY_ONE = "#0"  # stands for "those" while a message is read as if about one customer
NEEDS_CUSTOMER = frozenset(
    {
        "customer.show",
        "customer.update",
        "customer.delete",
        "customer.restore",
        "customer.changes",
        "interaction.log",
        "interaction.history",
        "purchase.log",
        "task.create",
        "task.complete",
        "next_action.suggest",
        "nps.record",
        "interaction.delete",  # "delete the 4 aug meeting with her": a contact of hers
        "interaction.update",
        "purchase.delete",
        "purchase.update",
    }
)

Reader = Callable[[str], Parsed]
FREE_TEXT = frozenset({"text", "summary", "comment"})
# a kind of next step named in a task set right after the steps suggested for one customer
SUGGESTED_KIND = re.compile(
    r"\b(?:cross[- ]?sell|up[- ]?sell|re-?sell|referral|reactivat\w*|win[- ]?back|retention|"
    r"recovery|renewal)\b",
    re.I,
)
FIRST_SUGGESTED = re.compile(
    r"(?:the\s+)?(?:first|top|1st)(?:\s+(?:one|suggestion|step|thing|action))?|that|this|it", re.I
)  # the next step suggested first, after a customer's next steps ("task for that fri")
BARE_ASK = 4  # words: "next steps?", "any ideas" said after a profile are about that customer
_FIRST_WORDS = (
    r"^(?:(?:ok|okay|actually|oh|oops|whoops|my bad|hmm+|no|wait|sorry|and|also|pls|please|can you|"
    r"could you)[\s,]+)*"
)
_CHANGE_VERB = (
    r"(?:move|push|shift|postpone|reschedule|bump|delay|reassign|assign|give|hand|pass|delete|"
    r"remove|cancel|scrap|drop|rename|reword|change|make|tick off|check off|cross off|close|"
    r"complete|finish|mark|done with)"
)
# a day put right, about the tasks just set or moved: "no, thursday", "i meant thursday not wed"
DAY_INSTEAD = re.compile(
    r"\W*(?:(?:no|nope|sorry|oops|actually|wait|i meant|meant|make (?:it|that|them))\b[\s,.!]*)+"
    r"(?:(?:move|push|put|set)\s+(?:them|it|those|both|that)\s+(?:to|for)\s+"
    # "no the follow up should be on the 28th not the 31st"
    r"|(?:the\s+)?(?:follow[- ]?up|task|reminder)\s+(?:should\s+(?:be|have\s+been)|is)\s+)?"
    rf"(?:on\s+|for\s+)?(?P<day>{vocab.DATE_PHRASE})(?:\s*,?\s*not\s+(?:the\s+)?\S+)?\W*",
    re.I,
)
# "push it to friday", "give that one to sam", "tick off that task": the tasks just set or changed
THAT_TASK = re.compile(
    _FIRST_WORDS + _CHANGE_VERB + r"\s+(?P<it>(?:it|that|this)(?: one| task| reminder)?"
    # "mark that new tier call task done": the task those words describe, not the last one
    r"(?!\s+(?:[\w'-]+\s+){1,3}(?:task|reminder|follow-?up)\b)|"
    r"the (?:(?:new|last|latest|same|above|previous|recent|first|one|two)(?: [\w-]+)? )?"
    r"(?:task|reminder)|(?:those|these|the) (?:tasks|reminders))\b"
    r"(?!\s*(?:'s|is|was|for|with|on|about|of)\b)",
    re.I,
)
TASK_NOUN = re.compile(r"\b(?:task|reminder)\b", re.I)
# "close the chase task for her", "… so close my chase task on him": the customer's open task
THEIR_TASK = re.compile(
    rf"(?:^|[,;.!]\s*|\b(?:so|and|then|pls|please)\s+)(?P<verb>{_CHANGE_VERB})\s+(?P<it>(?:the|my|his|"
    r"her|their)\s+(?P<what>(?:[\w-]+\s+){0,2}?)(?:task|reminder|to-?do)(?:\s+(?:for|on|with|about)\s+"
    r"(?:him|her|them|that(?: one)?|this one|it))?)\b",
    re.I,
)
_PRONOUN = re.compile(r"\b(?:his|her|their|him|them|that|it)\b", re.I)
# one of their tasks said by its words alone, after a contact: "…. close the chase task"
THE_DESCRIBED_TASK = re.compile(
    r"(?:(?:and|so|then|pls|please)\s+)*(?P<task>(?:close|complete|finish|tick off|mark off|mark|"
    r"clear|move|push|postpone|reschedule|bump)\s+(?:the|my|our)\s+(?:[\w-]+\s+){0,2}(?:task|reminder|"
    r"follow-?up))(?P<rest>\s+(?:as\s+)?done|\s+(?:back\s+)?(?:to|till|until)\s+[^,;.]+)?\W*",
    re.I,
)
# a stage change said of no one, after a contact: "…. move to proposal", "mark as won"
NO_ONE_MOVED = re.compile(
    r"^(?:(?:and|so|then|pls|please)\s+)*(?P<verb>move|mark|set|put|change|bump|advance|give|hand|"
    r"reassign|assign|pass|transfer)(?=\s+(?:over\s+)?(?:to|as|into)\s)",
    re.I,
)
SCORE_GIVEN = re.compile(r"^(?:gave|rated|scored)\s+(?:us\s+)?(?:an?\s+)?(?:nps\b|\d)", re.I)
# a task said done and nothing else: "done", "done, booked it"
DONE_ALONE = re.compile(
    r"\W*(?:done|did it|sorted|finished)(?:\s*[,.!-]+\s*(?:i\s+)?(?:booked|sent|called|emailed|did|"
    r"finished|sorted|handled)\s+(?:it|that|them))?\W*",
    re.I,
)
# a clause that only says the task is done, after a contact: "sent her the quote, tick that off"
DONE_WITH_IT = re.compile(
    r"(?:(?:and|so|then|pls|please)\s+)*(?:(?:tick|check|cross)\s+(?:it|that|this)(?:\s+(?:one|"
    r"task))?\s+off|(?:mark|close|complete|finish)\s+(?:it|that|this|(?:the|that|this|my|his|her|"
    r"their)\s+task)(?:\s+(?:as\s+)?(?:done|complete|completed|closed|off))?|"
    r"(?:i'?m\s+)?done with (?:it|that|this|(?:the|that|this|my)\s+task)|"
    r"(?:the\s+)?task(?:'?s|\s+is)?\s+done|(?:that|it)'?s\s+done)\W*",
    re.I,
)
# "and 35 to Sam" after "give task 42 to Maria": the same change to another task
AND_NUMBERED = re.compile(
    r"^(?:and|also|plus|then|&)\s+(?:task\s*)?(?P<it>#?\d{1,7})(?=\s+to\s)", re.I
)
# "give 5 to jordan", "push 34 and 35 to monday" after a list of tasks: task numbers
NUMBERED_TASKS = re.compile(
    _FIRST_WORDS + _CHANGE_VERB + r"\s+(?P<it>#?\d{1,7}(?:\s*(?:,|and|&)\s*#?\d{1,7})*)\b"
    r"(?!\s*(?:days?|weeks?|months?|%|k\b|[.,]\d))",
    re.I,
)


THE_ROW = re.compile(  # "tell me about the 3rd one", "give the second guy to maria", "the last?"
    rf"\b(?:the\s+)?(?P<place>{vocab.PLACES})\s+(?:one|customer|client|account|company|guy|person|row)"
    r"(?:\s+(?:on|in|from)\s+(?:the|that|this)\s+list)?\b"
    rf"|^\s*(?:and\s+|what about\s+)?(?:the\s+)?(?P<alone>{vocab.PLACES})(?:\s+one)?\s*\W*$",
    re.I,
)


def recall(session: Session, conversation: str, now: datetime) -> ConversationSubject | None:
    """What the conversation is about, unless the talk went quiet for hours: "restore him" in
    the afternoon is not about the customer of the morning."""
    subject = session.get(ConversationSubject, conversation)
    if subject is None:
        return None
    said_at = subject.updated_at
    said_at = said_at if said_at.tzinfo else said_at.replace(tzinfo=UTC)
    return subject if now - said_at <= SUBJECT_KEPT else None


SUBJECT_KEPT = timedelta(hours=2)


def remember(
    session: Session,
    conversation: str,
    now: datetime,
    ran: Parsed,
    mentioned: int | None,
    listed: list[int] | None = None,
    tasks: list[int] | None = None,
    shown: list[int] | None = None,
) -> None:
    """What a command that ran talked about becomes the conversation's subject: the list it
    showed or changed, else the one customer it was about (the last one said replaces the one
    before), and the tasks it set or changed. The rows of the last list shown stay while the talk
    is about one of them, so "the 2nd one" can follow "tell me about the 3rd one"; any other reply
    ends them, so "the first one" never reaches back to an older list."""
    selection = selection_of(ran.slots) if ran.intent in LISTS else None
    if listed:  # the customers of the next steps shown, by #id
        selection = {CUSTOMERS: [f"#{i}" for i in listed]}
    if ran.slots.get(IDS):  # "tag them too" after a move: the customers moved, by #id
        selection = {CUSTOMERS: [f"#{i}" for i in ran.slots[IDS]]}
    if ran.intent in LISTS and not selection and shown:
        selection = {CUSTOMERS: [f"#{i}" for i in shown]}  # "tag them vip" after the top 10
    kept = ran.intent in REFINABLE or ran.intent == ADVISED
    asked = {"intent": ran.intent, "slots": ran.slots} if kept else None
    if selection is None and mentioned is None and asked is None and not tasks and not shown:
        if (stale := session.get(ConversationSubject, conversation)) and stale.shown:
            stale.shown = None
            session.add(stale)
        return
    repeatable = ran.intent in LISTS or ran.slots.get("field") in REPEATABLE
    change = {k: ran.slots[k] for k in CHANGE if ran.slots.get(k)} if repeatable else {}
    if change.get("action") == "task":  # "same for sam's champions": the same task, said again
        change.update({k: ran.slots[k] for k in ("text", "due", ASSIGNEE) if ran.slots.get(k)})
    if ran.intent == "task.create" and tasks and len(tasks) == 1:
        change = {TASK_SET: {k: ran.slots[k] for k in TASK_KEPT if ran.slots.get(k)}}
    chosen = {k: v for k, v in selection_of(ran.slots).items() if k not in (EXCLUDING, CUSTOMERS)}
    if change and ran.intent == "customer.bulk_update" and chosen:
        # "same for sam's" after Jordan's lost ones: Sam's lost ones (never those named or left out)
        change[CHOSEN_BY] = chosen
    subject = session.get(ConversationSubject, conversation) or ConversationSubject(
        conversation=conversation
    )
    subject.customer_id = None if selection is not None else mentioned
    subject.selection = selection
    subject.change = change or None
    if asked is None and tasks and (subject.asked or {}).get("intent") == "task.list":
        asked = subject.asked  # "give 34 to jordan", then "delete 35": still the list's numbers
    subject.asked = asked
    subject.task_ids = tasks or None
    # the rows stay while the talk is about one of them ("the 3rd one", then "the 2nd one")
    kept = subject.shown if subject.shown and mentioned in subject.shown else None
    subject.shown = shown or kept
    subject.updated_at = now
    session.add(subject)


def names_someone(parsed: Parsed) -> bool:
    """Whether a message named a customer by words ("hugo silva paris"), in any reading of it."""
    return any(
        isinstance(said := reading.slots.get("customer"), str) and not said.startswith("#")
        for reading in (parsed, *parsed.alternatives)
    )


def heard(session: Session, conversation: str, now: datetime) -> None:
    """The sender wrote in this chat now, whatever came of it."""
    subject = session.get(ConversationSubject, conversation)
    if subject is None:
        subject = ConversationSubject(conversation=conversation, updated_at=now)
    subject.said_at = now
    session.add(subject)


def point_at(session: Session, conversation: str, customer: int | None, now: datetime) -> None:
    """After a refusal: the customer it named ("X is in the delete bin") is the one "him" means
    next; a customer named but not found (None) leaves no one to mean."""
    subject = session.get(ConversationSubject, conversation)
    if customer is None:
        if subject is not None and subject.customer_id:
            subject.customer_id = None
            session.add(subject)
        return
    subject = subject or ConversationSubject(conversation=conversation)
    subject.customer_id, subject.selection, subject.updated_at = customer, None, now
    session.add(subject)


def refer_back(
    text: str, parsed: Parsed, subject: ConversationSubject | None, read: Reader
) -> Parsed:
    """The reading of `text` with the subject put in where the message points back to it."""
    text = _NOD.sub("", text)  # "ok give all of them to sam": the request after the nod
    if (on_each := _a_task_on_a_selection(text, parsed, read)) is not None:
        return on_each
    if parsed.intent == "task.create" and parsed.slots.get(CUSTOMERS):
        return _a_task_on_named(parsed)
    if (per_rep := _a_selection_per_rep(text, parsed, read)) is not None:
        return per_rep
    if subject is None:
        return _the_tag_just_added(parsed, None, text)
    return _the_tag_just_added(_referred(text, parsed, subject, read), subject, text)


# a note that tells what the customer just talked about did: "… that she asked for a demo"
_SAID_OF_THEM = re.compile(
    r"\b(?:she|he|they)(?:'s|\s+(?:also\s+|just\s+)?(?:asked|wants?|wanted|said|says|needs?|is|was|"
    r"has|had|will|would|called|emailed|prefers?|likes?|mentioned|told))\b",
    re.I,
)
_NOD = re.compile(
    r"^(?:ok(?:ay)?|alright|right|great|cool|perfect|good|nice|thanks|thx)\b[\s,.!:;-]+(?=\S+\s+\S)",
    re.I,
)


def _own_tasks(change: dict[str, Any], before: dict[str, Any], now: dict[str, Any]) -> bool:
    """Whether a task was set for the rep whose customers it went on, said again of another's."""
    was = str(change.get(ASSIGNEE) or "").casefold()
    return (
        bool(was)
        and was == str(before.get("owner", "")).casefold() != str(now.get("owner", "")).casefold()
    )


def _change_only(change: dict[str, Any] | None) -> dict[str, Any]:
    """The last change itself, without the selection it was made on (kept for "same for …")."""
    return {k: v for k, v in (change or {}).items() if k != CHOSEN_BY}


def _the_tag_just_added(reading: Parsed, subject: ConversationSubject | None, text: str) -> Parsed:
    """ "take the tag off the lost ones", "add X to that tag too": the tag is the one the last
    change added, or "that tag" the one the list just shown was chosen by; with none, the tag is
    asked for."""
    added = (subject.change if subject is not None else None) or {}
    listed = str(((subject.selection if subject is not None else None) or {}).get("tag") or "")
    if (
        not added.get("field")
        and listed
        and " or " not in listed
        and (_THAT_TAG_SAID.search(text) or reading.intent == "customer.bulk_update")
    ):  # "remove that tag from X", "untag them" after the ones tagged so
        added = {"field": "tag", "value": listed}
    said = reading.slots.get("value")
    if reading.slots.get("action") == "untag" and not said:
        pointed = True
    else:
        pointed = reading.slots.get("field") == "tag" and _THAT_TAG.fullmatch(str(said or ""))
    if not pointed:
        return reading
    if added.get("field") != "tag" or not added.get("value"):
        return replace(reading, slots={k: v for k, v in reading.slots.items() if k != "value"})
    return replace(reading, slots={**reading.slots, "value": added["value"]})


_THAT_TAG = re.compile(r"(?:that|the same|this)(?: tag)?", re.I)
_THAT_TAG_SAID = re.compile(r"\b(?:that|this|the same) tag\b", re.I)


def _the_reps_own(text: str, subject: ConversationSubject, read: Reader) -> Parsed | None:
    """ "her toronto customers", "his open tasks" right after a question about one rep's figures
    (and about no customer): that rep's."""
    said = (subject.asked or {}).get("slots") or {}
    chosen = (subject.change or {}).get(CHOSEN_BY) or subject.selection or {}
    rep = said.get("owner") or chosen.get("owner")  # or whose customers were just listed or moved
    if subject.customer_id is not None or not rep or str(rep).casefold() in ("me", "team"):
        return None
    if (whose := _THEIR_OWN.search(text)) is None:
        return None
    if whose["he"]:  # "what tasks has he got open?"
        reading = read(f"{text[: whose.start('he')]}{rep}{text[whose.end('he') :]}")
    else:
        reading = read(f"{text[: whose.start('pronoun')]}{rep}'s{text[whose.end('pronoun') :]}")
    if reading.intent == (subject.asked or {}).get("intent") and said.get("period"):
        # "sam's calls today" then "and his sales?": today's too
        reading = replace(reading, slots={"period": said["period"], **reading.slots})
    return reading


_THEIR_OWN = re.compile(
    r"\b(?P<pronoun>his|her)\s+(?:[\w-]+\s+){0,3}?(?:customers|accounts|clients|leads|prospects|"
    r"deals|tasks|to-?dos|pipeline|book|numbers|figures|revenue|sales|orders|calls|contacts|"
    r"meetings|forecast|ones)\b"
    r"|\b(?:has|does|did|is|should)\s+(?P<he>he|she)\s+(?:got|have|has|had|own|owe|doing)\b",
    re.I,
)


def _their_tasks_on_those(text: str, subject: ConversationSubject) -> Parsed | None:
    """ "hand sam's tasks on those to maria too", after customers were moved: Sam's open tasks on
    the customers just changed, handed over (previewed first)."""
    handed = vocab.TASKS_HANDED_OVER.search(text)
    those = (subject.selection or {}).get(CUSTOMERS)
    moved = subject.change or {}
    if (
        those
        and (along := THEIR_TASKS_TOO.fullmatch(text))
        and moved.get("field") == "owner"
        and (holder := (moved.get(CHOSEN_BY) or {}).get("owner"))
    ):  # "and their open tasks too" after sam's customers were moved: his tasks on them
        to = along["to"] or along["to2"] or moved["value"]
        return Parsed("task.update", {TASKS_OF: holder, "owner": to, CUSTOMERS: those}, SURE)
    if handed is None or not handed["on"] or not MANY.search(handed["on"]) or not those:
        return None
    holder = re.sub(r"(?:'s|’s|')$", "", handed["whose"])
    if holder.casefold() in ("his", "her"):  # "hand his tasks on those to maria": whose they were
        holder = ((subject.change or {}).get("chosen_by") or {}).get("owner") or ""
    if not holder:
        return None
    whose = "me" if holder.casefold() == "my" else holder
    return Parsed("task.update", {TASKS_OF: whose, "owner": handed["who"], CUSTOMERS: those}, SURE)


def _referred(text: str, parsed: Parsed, subject: ConversationSubject, read: Reader) -> Parsed:
    if (again := _the_task_again(text, subject, read)) is not None:
        return again
    if (handed := _task_meant(parsed, subject, read)) is not None:
        return handed
    if (compared := _rep_compared(text, subject, read)) is not None:
        return compared
    if (subject.selection is not None or subject.shown) and (
        asked_of := TASKS_ON_THEM.fullmatch(text)
    ):  # "show open tasks for those customers", "which tasks does maria still have on them"
        listed = (subject.selection or {}).get(CUSTOMERS) or [f"#{i}" for i in subject.shown or []]
        slots = {CUSTOMERS: listed, "owner": asked_of["who"]}
        return Parsed("task.list", {k: v for k, v in slots.items() if v}, SURE)
    if subject.shown and (row := THE_ROW.search(text)):
        return _the_row(text, row, subject.shown, read) or parsed
    if (changed := _to_the_tasks(text, subject, read)) is not None:
        return changed
    if (handed := _their_tasks_on_those(text, subject)) is not None:
        return handed
    if (colleagues := _the_reps_own(text, subject, read)) is not None:
        return colleagues
    asked = subject.asked if (subject.asked or {}).get("intent") in REFINABLE else None
    if asked and asked["intent"] == "task.list" and (handed := LISTED_HANDED.match(text)):
        # "give both of those to maria" after jordan's overdue tasks: those tasks, handed over
        listed = asked["slots"]
        slots = {TASKS_OF: listed.get("owner") or "me", "owner": handed["who"].strip()}
        return Parsed("task.update", {**slots, "period": listed.get("period")}, SURE)
    if asked and asked["intent"] == "task.list" and (whose := WHOSE_OF_THOSE.fullmatch(text)):
        # "which of those are maria's" after the team's tasks due this week: hers among them
        return Parsed(asked["intent"], {**asked["slots"], "owner": whose["who"]}, SURE)
    if asked and (refined := _refined(text, parsed, asked, read)) is not None:
        return refined
    if (
        not vocab.EXCEPT.search(text) and MANY.search(text) and (plain := NOT_THIS_ONE.search(text))
    ):  # "move the other 4 to maria, not björn dubois": all of them but him
        text = f"{text[: plain.start()]} except {plain['who']}"
    if (left_out := vocab.EXCEPT.search(text)) and (MANY.search(text) or ONE.search(text)):
        return _except_after(text, left_out, subject, read)
    if subject.selection is not None and WHOSE_ARE_THEY.fullmatch(text):
        # "whose are they": the list again, which says how many each rep owns (the rows shown,
        # when it was a top few)
        asked = (subject.asked or {}).get("slots") or {}
        again = asked if asked.get("limit") else subject.selection
        whose = {PER_OWNER: True} if _WHOSE.match(text) else {}
        return Parsed("segment.list", {**again, **whose}, SURE)
    if subject.selection is not None and subject.shown and (last := LAST_FEW.search(text)):
        count = int(last["n"])
        if 0 < count <= len(subject.shown):  # "move the last 5 on that list to sam": those rows
            named = ", ".join(f"#{n}" for n in subject.shown[-count:])
            return read(f"{text[: last.start()]}{named}{text[last.end() :]}")
    if subject.shown and len(subject.shown) == 1 and ONE.search(text) and not MANY.search(text):
        # "what should i do with him" after a list of one: that one
        return _to_the_customer(text, parsed, subject.shown[0], None, read)
    if subject.selection is not None:
        if not MANY.search(text) and (few := FIRST_FEW.search(text)):
            # "give the first 2 to jordan" after a list: the top of that list ("first 2 to lee":
            # moved there)
            said = text[: few.start()] if text[: few.start()].strip() else "move "
            text = f"{said}the top {few['n']} of them{text[few.end() :]}"
            parsed = read(text)
        return _top_of(text, _to_the_list(text, parsed, subject, read))
    handed = subject.change or {}
    if subject.customer_id is not None and handed.get("field") == "owner" and handed.get("value"):
        if _tasks_along(text, handed):  # "and her open task too pls", after a handover
            said = f"move #{subject.customer_id} to {handed['value']} with their open tasks"
            return replace(read(said), confidence=SURE)
    if subject.customer_id is not None and (given := HER_TASKS_TO.fullmatch(text)):
        # "move her open task to maria": their tasks handed on, the customer stays whose she was
        slots = {"customer": f"#{subject.customer_id}", "owner": given["to"]}
        return Parsed("task.update", slots, SURE)
    if subject.customer_id is not None:
        advised = (subject.asked or {}).get("intent") == ADVISED
        return _to_the_customer(
            text, parsed, subject.customer_id, _change_only(subject.change), read, advised=advised
        )
    return parsed


def _rep_compared(text: str, subject: ConversationSubject, read: Reader) -> Parsed | None:
    """ "compare him to maria" after Sam's figures: Sam against Maria, never a customer."""
    rep = ((subject.asked or {}).get("slots") or {}).get("owner")
    if not (said := COMPARE_THEM.fullmatch(text)) or not rep or str(rep).casefold() in ME:
        return None
    reread = read(f"compare {rep} to {said['other']}")
    return reread if reread.intent == "report.show" else None


def _task_meant(parsed: Parsed, subject: ConversationSubject, read: Reader) -> Parsed | None:
    """ "the ethan novak one (#9) should be maria's now" after a task list, "i meant give #15 back
    to jordan" after task 15 was changed: that task handed over, never customer #9 or #15."""
    who = str(parsed.slots.get("customer") or "")
    if parsed.intent != "customer.update" or parsed.slots.get("field") != "owner":
        return None
    if not re.fullmatch(r"#\d{1,9}", who) or not parsed.slots.get("value"):
        return None
    number = int(who[1:])
    listed = (subject.asked or {}).get("intent") == "task.list"
    if not listed and number not in (subject.task_ids or ()):
        return None
    reread = read(f"give task {number} to {parsed.slots['value']}")
    if reread.intent != "task.update":
        return None
    return replace(reread, confidence=max(reread.confidence, SURE))


def _the_task_again(text: str, subject: ConversationSubject, read: Reader) -> Parsed | None:
    """ "same for sam", "and one for maria too", "give maria the same task for omar khan" right
    after a task was set: that task, for them, on the customer named (the customer's name in its
    words put right), by the day said; "same for mia rossi": that task, on her."""
    task = dict((subject.change or {}).get(TASK_SET) or {})
    if not task or not (again := TASK_AGAIN.match(text)):
        return None
    said = again["given"] or again["who"] or again["also"] or again["having"]
    # "give maria the same task for omar khan": Maria's, on Omar Khan
    customer = again["customer"] or (again["given"] and again["who"])
    if said is None and customer is None:
        return None  # "the same one": for whom, it does not say
    owner = _colleague(said, read) if said else None
    if said and owner is None:
        if customer or read(said).intent != "customer.show":  # a known customer's name, alone
            return None
        customer = said
    if customer:
        named = str(task.get("customer") or "")
        if named and not named.startswith("#"):  # "call jane cooper", again for mia rossi
            task["text"] = re.sub(re.escape(named), customer, task["text"], flags=re.I)
        task["customer"] = customer
    elif subject.customer_id is not None and not task.get("customer"):
        task["customer"] = f"#{subject.customer_id}"
    if again["due"] and (due := read(f"remind me {again['due']} to call").slots.get("due")):
        task["due"] = due
    return Parsed("task.create", {**task, **({"owner": owner} if owner else {})}, SURE)


def _colleague(said: str, read: Reader) -> str | None:
    """The colleague (or "me") a name says, read as the owner of a task; None for anyone else."""
    who = said.casefold()
    if who in ("me", "myself"):
        return "me"
    owner = read(f"a task for {said}: call").slots.get("owner")
    return owner if owner and str(owner).casefold() == who else None


def _to_the_tasks(text: str, subject: ConversationSubject, read: Reader) -> Parsed | None:
    """A change to the tasks just set or changed ("push it to friday"), to tasks by the numbers
    of the task list just shown ("give 5 to jordan"), or "tick off that task" after a customer:
    their open task; None if the message is none of these."""
    pointed = THAT_TASK.search(text)
    if subject.task_ids and (instead := DAY_INSTEAD.fullmatch(text)):
        # "no, thursday", "i meant move them to thursday not wed": the tasks just set or moved
        numbers = _tasks_numbered(" and ".join(str(n) for n in subject.task_ids))
        moved = read(f"move {numbers} to {instead['day']}")
        if moved.intent == "task.update" and moved.slots.get("due"):
            return replace(moved, confidence=max(moved.confidence, SURE))
    if len(subject.task_ids or ()) == 1 and DONE_ALONE.fullmatch(text):
        # "done, booked it" right after the one task shown or set: that one
        reread = read(f"done {subject.task_ids[0]}")
        return replace(reread, confidence=max(reread.confidence, SURE))
    if subject.customer_id and not subject.task_ids and DONE_WITH_IT.fullmatch(text):
        reread = read(f"tick off the task for #{subject.customer_id}")
        return replace(reread, confidence=max(reread.confidence, SURE))
    if subject.task_ids and pointed:
        named = _tasks_numbered(" and ".join(str(n) for n in subject.task_ids))
    elif subject.customer_id and pointed and TASK_NOUN.search(pointed.group("it")):
        named = f"the task for #{subject.customer_id}"
    elif (
        subject.customer_id
        and (found := THEIR_TASK.search(text))
        and _PRONOUN.search(found.group("it"))
    ):
        text = text[found.start("verb") :]  # the clause that asks: "close my chase task on him"
        pointed = THEIR_TASK.search(text)
        named = f"the {pointed.group('what')}task for #{subject.customer_id}"  # which of theirs
    elif (subject.asked or {}).get("intent") == "task.list" and (
        pointed := NUMBERED_TASKS.search(text)
    ):
        named = _tasks_numbered(pointed.group("it"))
    elif subject.task_ids and (pointed := AND_NUMBERED.match(text)):
        named = f"move {_tasks_numbered(pointed.group('it'))}"
    else:
        return None
    start, end = pointed.span("it")
    reread = read(re.sub(r"\bmake\s+$", "move ", text[:start], flags=re.I) + named + text[end:])
    if reread.intent not in ("task.update", "task.complete"):
        return None
    return replace(reread, confidence=max(reread.confidence, SURE))


def _the_row(text: str, row: re.Match, shown: list[int], read: Reader) -> Parsed | None:
    """ "tell me about the 3rd one": the message about the customer in that row of the last list;
    a place said alone ("the second one") shows them. None if the list has no such row."""
    place = (row.group("place") or row.group("alone")).lower()
    number = 1 if place == "top" else vocab.ORDINALS[place]
    if not -len(shown) <= number <= len(shown) or number == 0:
        return None
    reference = f"#{shown[number - 1 if number > 0 else number]}"
    said = f"tell me about {reference}" if row.group("alone") else _put(text, row, reference)
    reread = read(said)
    if reread.slots.get("customer") != reference:
        return None
    reread = _words_back(reread, reference, row.group().strip())  # a task's text as said
    return replace(reread, confidence=max(reread.confidence, SURE))


def _tasks_numbered(numbers: str) -> str:
    """ "task 12", "tasks 12 and 13": task numbers as the parser reads them."""
    return f"{'tasks' if ' ' in numbers else 'task'} {numbers}"


def _to_the_customer(
    text: str,
    parsed: Parsed,
    customer_id: int,
    change: dict | None,
    read: Reader,
    *,
    advised: bool = False,
) -> Parsed:
    if (same := SAME_FOR.match(text)) and change:  # "same for Zoe Nakamura"
        return _named_again(same.group("rest"), change, read, 1.0) or parsed
    if change and change.get("field") == "owner" and _tasks_along(text.strip(), change):
        # "and her open tasks too" after a handover: the customer's tasks go along
        slots = {"customer": f"#{customer_id}", **change, WITH_TASKS: True}
        return Parsed("customer.update", slots, SURE)
    if (
        (more := AND_ALSO.match(text))
        and more["rest"][:1].isdigit()
        and parsed.intent != "purchase.log"
        and (sold := read(f"#{customer_id} bought {more['rest']}")).intent == "purchase.log"
        and sold.slots.get("product")
    ):  # "plus 2 onboarding packages w 15% discount" after a sale: sold to them too, asked first
        return replace(sold, confidence=ASK_FIRST)
    if (
        (more := AND_ALSO.match(text))
        and change
        and not _a_change_of_its_own(parsed)
        and not _another_request(parsed)
    ):
        # "and zoe wilson": asked before it is done ("and anna -> proposal" says its own)
        return _named_again(more.group("rest"), change, read, ASK_FIRST) or parsed
    if parsed.intent == "task.create" and not parsed.slots.get("customer"):
        if FIRST_SUGGESTED.fullmatch(str(parsed.slots.get("text", ""))):
            parsed = replace(parsed, slots={k: v for k, v in parsed.slots.items() if k != "text"})
    bare_task = parsed.intent == "task.create" and not parsed.slots.keys() & {"text", "customer"}
    if advised and parsed.intent == "task.create" and not parsed.slots.get("customer"):
        bare_task = bare_task or bool(SUGGESTED_KIND.search(str(parsed.slots.get("text", ""))))
    if advised and bare_task:
        # "make that a task for sam", "a task for the first one": what was just suggested for
        # the customer (with no next steps shown, "that" is no one's: asked, never guessed)
        slots = {**parsed.slots, "customer": f"#{customer_id}"}
        return replace(parsed, slots=slots, confidence=max(parsed.confidence, SURE))
    if (
        parsed.intent == "task.create"
        and not parsed.slots.get("customer")
        and THAT_CONTACT.search(str(parsed.slots.get("text", "")))
    ):  # "add a task for that call wed 2pm": the call just logged, with them
        return replace(parsed, slots={**parsed.slots, "customer": f"#{customer_id}"})
    if (
        parsed.intent == "task.create"
        and not parsed.slots.get("customer")
        and CHASE.match(str(parsed.slots.get("text", "")))
    ):  # "fu call next tue", "follow up on the discount" after a profile: with them
        slots = {**parsed.slots, "customer": f"#{customer_id}"}
        return replace(parsed, slots=slots, confidence=max(parsed.confidence, SURE))
    if (
        parsed.intent == "next_action.suggest"
        and not parsed.slots.keys() & {"customer", "owner", "limit"}
        and len(text.split()) <= BARE_ASK
    ):  # "next steps" right after a profile: for that customer
        return replace(parsed, slots={**parsed.slots, "customer": f"#{customer_id}"})
    if (
        parsed.intent == "task.list"
        and not parsed.slots.keys() & {"customer", "owner"}
        and THEIR_TASKS.search(text)
    ):  # "her tasks?" right after one customer: that customer's
        return replace(parsed, slots={**parsed.slots, "customer": f"#{customer_id}"})
    if (
        parsed.intent == "customer.update"
        and parsed.slots.get("field")
        and not parsed.slots.get("customer")
        and (vocab.FIELD_FIRST.match(text) or vocab.FIELD_TOO.match(text))
    ):  # "no, city is just augsburg", "the phone too, +34 …" right after a change to her: hers
        return replace(parsed, slots={**parsed.slots, "customer": f"#{customer_id}"})
    if (
        parsed.intent == "interaction.log"
        and not parsed.slots.get("customer")
        and _SAID_OF_THEM.search(text)
    ):  # "and add a note that she asked for a demo" right after her: a note on her
        return replace(parsed, slots={**parsed.slots, "customer": f"#{customer_id}"})
    if ONE.fullmatch(str(parsed.slots.get("customer", ""))):  # "my tasks for him?": the one
        return replace(parsed, slots={**parsed.slots, "customer": f"#{customer_id}"})
    if (
        parsed.intent == "task.update"
        and parsed.slots.get("task_id")
        and not parsed.slots.get("customer")
        and _A_TASK_ON_THEM.search(text)
    ):  # "put task 62 on her too" after her profile: that task on her
        return replace(parsed, slots={**parsed.slots, "customer": f"#{customer_id}"})
    named = parsed.slots.get("customer") and parsed.intent != "unknown"
    pointed = ONE.search(text) or OPENING.search(text)
    if named and (pointed is None or _named_before(text, parsed.slots["customer"], pointed)):
        return parsed  # "chloe martin signed! sold her 5 seats": her is Chloé, named before
    if parsed.intent not in NEEDS_CUSTOMER | {"unknown"} and parsed.confidence >= SURE:
        return parsed  # "new lead Daniel Okafor …, give him to sam": him is the new lead
    if SEVERAL_SAID.search(text):
        return parsed  # "move those 3 back to lead": never the one customer just talked about
    if parsed.intent in _PUT_RIGHT and parsed.confidence >= SURE and not named:
        return parsed  # "fix that note - she wants a demo next week": what was just logged
    reference, readings = f"#{customer_id}", []
    # "great he signed, make him a customer"; where other words were taken for the customer
    # ("left her a vm"), only the whole message read with her put in may replace them
    for said in [text] if named else _whole_then_clauses(text):
        # "them" is one customer after a profile
        pointed = ONE.search(said) or OPENING.search(said) or MANY.search(said)
        if pointed is not None:
            reread = read(_put(said, pointed, reference))
            if reread.slots.get("customer") == reference and reread.intent in NEEDS_CUSTOMER:
                readings.append(_words_back(reread, reference, pointed.group()))
                if said == text:
                    break  # the whole message read about her: no clause of it says more
    if not readings and parsed.intent in ASKED_OF_ONE and not named and ONE.search(text):
        # "whats the total he spent with us now": a question about them, however it is put
        return replace(parsed, slots={**parsed.slots, "customer": reference})
    # "left her a vm": a reading with "her" put in wins only where it makes her the customer
    return max(readings, key=lambda r: r.confidence, default=parsed)


_A_TASK_ON_THEM = re.compile(
    r"\b(?:put|link|attach|tie|hang)\s+(?:task\s*)?#?\d{1,7}\s+(?:on|onto|to|with)\s+(?:her|him|them)\b",
    re.I,
)
_PUT_RIGHT = frozenset({"interaction.update", "purchase.update"})  # the entry just logged, fixed


def _tasks_along(text: str, handover: dict[str, Any]) -> bool:
    """ "their 1 open task too", "move her open task to sam as well" right after a handover: the
    customer's open tasks go to the same colleague (never to another one said)."""
    if not (along := THEIR_TASKS_TOO.fullmatch(text)):
        return False
    to = (along["to"] or along["to2"] or "").casefold()
    return not to or str(handover.get("value", "")).casefold().startswith(to)


def _named_before(text: str, customer: object, pointed: re.Match) -> bool:
    at = text.lower().find(str(customer).lower())
    return 0 <= at < pointed.start()


def _top_of(text: str, reading: Parsed) -> Parsed:
    """ "just the top 5 of them to jordan": a change to the first few of the list, by value;
    "those 4": as many as the list has, or nothing is changed."""
    if reading.intent != "customer.bulk_update":
        return reading
    slots = dict(reading.slots)
    if (top := vocab.TOP_N.search(text)) and "limit" not in slots:
        slots["limit"] = int(top.group("n"))
    elif counted := THOSE_N.search(text):
        said = "2" if counted["both"] else counted["n"]  # "move both of them …", "the two leads"
        slots[COUNT_SAID] = int(said) if said.isdigit() else spoken_number(said)
    return replace(reading, slots=slots)


def _to_the_list(text: str, parsed: Parsed, subject: ConversationSubject, read: Reader) -> Parsed:
    owner = (subject.selection or {}).get("owner")
    if (
        parsed.intent == "customer.bulk_update"
        and owner not in (None, "me", "team")
        and "owner" not in parsed.slots
        and parsed.unread
        and all(words.casefold() in vocab.WHOSE for words in parsed.unread)
    ):  # "move his leads in madrid to maria" after Jordan's leads: Jordan's
        return replace(parsed, slots={**parsed.slots, "owner": owner}, unread=())
    if (same := SAME_FOR.match(text)) and subject.change:
        change, rest = _change_only(subject.change), same.group("rest")
        if (other := BUT_TO.search(rest)) and change.get("field") and change.get("value"):
            # "same for berlin but to maria": the change's new value said too
            change, rest = {**change, "value": other.group("value")}, rest[: other.start()]
        for asked in (f"list {rest}", f"list {rest} customers"):  # "same for munich": the store
            narrowed = read(asked)  # knows Munich as a city, "kenji" as no city (unread)
            if (
                narrowed.intent == "segment.list"
                and selection_of(narrowed.slots)
                and not narrowed.unread
            ):
                # what is said replaces its part of the last selection, the rest stays
                before = subject.change.get(CHOSEN_BY, {})
                chosen = {**before, **selection_of(narrowed.slots)}
                if _own_tasks(change, before, chosen):  # maria's on hers, so sam's on his
                    change = {**change, ASSIGNEE: chosen["owner"]}
                return Parsed("customer.bulk_update", {**chosen, **change}, parsed.confidence)
        return _named_again(rest, change, read, 1.0) or parsed
    own = _selects(parsed)
    if THE_ONES.search(text):  # "give the ones not contacted in 60 days to maria", "tag the
        # never contacted ones cold": the list shown, narrowed
        readings = sorted(  # a change to many before a list: "give the ones … to Dana"
            (r for r in (parsed, *parsed.alternatives) if _selects(r)),
            key=lambda r: r.intent != "customer.bulk_update",
        )
        among = readings[0] if readings else None
        if among is not None:
            shown = subject.selection or {}
            if shown.get(CUSTOMERS) and selection_of(among.slots):
                return among  # "the stale ones with no contact in 90 days", after some named
            # "the 71 not contacted ones" after those not contacted in 90 days: still 90
            kept = (
                {} if DAYS_SAID.search(text) else {k: shown[k] for k in DAY_COUNTS & shown.keys()}
            )
            return replace(among, slots={**shown, **among.slots, **kept})
    pointed = MANY.search(text)
    each = EACH.search(text) or THEIR_OWNER.search(text)  # "… for each of their owners: …"
    if pointed is None and each and (tasks := _a_task_each(text, read)):
        # "task for the owner on each: …": one on each customer of the list
        selection = selection_of(subject.selection or {})
        slots = {**selection, **_for_the_rep(tasks.slots, text, selection)}
        return Parsed("customer.bulk_update", slots, tasks.confidence)
    if pointed is None:
        return parsed
    if (
        parsed.intent == "segment.list"
        or parsed.intent == "customer.update"
        and not parsed.slots.get("customer")  # "… of them to lee": them, not one customer
    ) and (change := _a_change_said(parsed)) is not None:
        # "just the top 2 of them to lee": a move of the list just shown, previewed before done
        parsed, own = replace(change, confidence=max(change.confidence, SURE)), _selects(change)
    if (some := SOME_OF_THEM.search(text)) and some["whose"] and not own:
        # "reassign the 5 of sam's to jordan": read as "sam's ones", never as task 5
        parsed = read(f"{text[: some.start()]}{some['whose']} ones{text[some.end() :]}")
        own = _selects(parsed)
    if own and some and parsed.intent == "customer.bulk_update":
        # "give sam's ones to jordan", "the 5 of sam's": the list shown, narrowed to those
        return replace(parsed, slots={**selection_of(subject.selection or {}), **parsed.slots})
    if own:
        if not FROM_THE_LIST.search(text):
            return parsed  # a selection of its own: "move them all to lost" said of Berlin leads
        # "tag the ones in london from that list with reengage": the list, narrowed
        parsed = read(FROM_THE_LIST.sub(" ", text))
    if (narrower := _narrowing(text, read)) is None:
        if parsed.intent == "segment.list" and parsed.unread:
            # "just the zzyzx ones - tag them dach": a change, on a narrowing not understood
            changed = _change_to_them(text, subject.selection or {}, read)
            return replace(changed, unread=parsed.unread) if changed is not None else parsed
        return parsed
    selection = {**(subject.selection or {}), **narrower}
    if parsed.intent in ("segment.list", "customer.bulk_update"):
        return replace(parsed, slots={**selection, **parsed.slots})
    if narrower and ASKED_OF_THEM.search(text):  # "how many of those are jordans": the list, his
        return Parsed("segment.list", selection, max(parsed.confidence, SURE))
    if (tasks := _a_task_each(text, read)) is not None:
        slots = {**selection, **_for_the_rep(tasks.slots, text, selection)}
        return Parsed("customer.bulk_update", slots, tasks.confidence)
    return _change_to_them(text, selection, read) or parsed


def _change_to_them(text: str, selection: dict[str, Any], read: Reader) -> Parsed | None:
    """ "… - tag them dach": the change one clause makes to the customers pointed at."""
    for said in _whole_then_clauses(text):
        if (pointed := MANY.search(said)) is None:
            continue
        one = read(_put(said, pointed, ANY_ONE))  # read as if said of one customer
        if one.slots.get("customer") != ANY_ONE:
            continue
        if one.intent == "customer.update" and one.slots.get("field") and one.slots.get("value"):
            change = {k: one.slots[k] for k in CHANGE if one.slots.get(k)}
            return Parsed("customer.bulk_update", {**selection, **change}, one.confidence)
        if one.intent == "customer.delete":
            return Parsed("customer.bulk_update", {**selection, "action": "delete"}, one.confidence)
    return None


def _a_change_said(parsed: Parsed) -> Parsed | None:
    """The likely reading that changes the customers pointed at, when the likeliest only lists
    them: "them to lee" says where they go."""
    for reading in parsed.alternatives:
        if reading.intent == "customer.bulk_update" and (
            reading.slots.get("action") or reading.slots.get("field") and reading.slots.get("value")
        ):
            return reading
    return None


_FILLER_FIRST = re.compile(
    r"^(?:(?:actually|ok|okay|oh|wait|sorry|hmm+|no|but|and|then|so|rather)\b[\s,.!-]*)+", re.I
)


_OUT_GROUPS = ("who", "who2", "who3", "who4", "who5", "who6", "who7", "who8")
# "drop chloé martin from that", "leave the munich ones out": an exclusion said as a change
OUT_OF_IT = re.compile(
    r"^(?:(?:drop|remove|take|exclude|skip|pull|cut|leave)\s+(?P<who>.+?)\s+(?:out\s+)?(?:of|from|off)"
    r"\s+(?:that|this|it|the list|the preview|the selection|them|those|these|there)\b"
    r"|(?:leave|take|keep)\s+(?P<who2>.+?)\s+out\b"
    # "keep emma taylor with maria though, she's doing the recovery": she stays where she is
    r"|(?:keep|leave)\s+(?P<who5>(?!out\b)[^,;]+?)\s+(?:with|on|in)\s+(?:me|[\w'’-]+)"
    r"(?:(?:'s|’s)\s+book)?"
    r"(?:\s+(?:though|tho|for now|then|instead|please|pls))*(?=\s*(?:[,;.!-]|$))"
    r"|(?P<who6>.+?)\s+(?:stays|should stay|is staying)\s+with\s+(?:me|[\w'’-]+)\b"
    r"|(?:drop|remove|exclude|skip|cut|take out|leave out)\s+(?P<who4>(?:the ones|those|anyone|"
    r"anybody|everyone|any|all)\s+(?:with|who|that|where|in|at|from|without|not)\b.+)"
    r"|(?:(?:all|everyone|everybody|them all|the rest)\s+)?(?:but|without|except(?: for)?|minus)\s+"
    r"(?P<who3>.+)"  # "without anna fischer", "all but #92"
    r"|(?:drop|exclude|skip|leave out|take out)\s+"  # "drop hugo fischer"
    r"(?P<who7>(?!(?:the|them|it|all|that|this|those|these|everyone)\b)[^,;.]+?)\W*$"
    # "amelia weber is still in there, take her out"
    r"|(?P<who8>[^,;.]+?)\s+(?:is|are)\s+still\s+(?:in\s+)?(?:there|it|the list|on it|on there)"
    r"\W+(?:so\s+)?(?:take|drop|remove|leave|pull)\s+(?:him|her|them|it)\s+out\b)",
    re.I,
)


# ", move the rest": the change itself, on the others
THE_REST = re.compile(
    r"\s*[,;.!-]*\s*(?:(?:and|then|but)\s+)?(?:move|do|change|give|hand|send|reassign|tag|delete)"
    r"\s+(?:all\s+)?(?:the\s+)?(?:rest|others)\b.*$",
    re.I,
)
# one more town for the change waiting for Confirm: "wait, madrid ones too", "and the paris ones"
_MORE_PLACES = re.compile(
    r"^(?:and\s+|plus\s+)?(?:the\s+)?(?P<place>[^\W\d_][\w' -]{1,40}?)\s+"
    r"(?:ones|accounts|customers|clients)\s+(?:too|as well|also)\W*$"
    r"|^(?:and|plus)\s+(?:the\s+)?(?P<place2>[^\W\d_][\w' -]{1,40}?)\s+"
    r"(?:ones|accounts|customers|clients)\W*$"
    # "actually include munich and hamburg as well"
    r"|^(?:add|include)\s+(?:the\s+)?(?:ones\s+in\s+)?(?P<place3>[^\W\d_][\w' ,-]{1,60}?)"
    r"(?:\s+(?:ones|accounts|customers|clients))?\s+(?:too|as well|also)\W*$",
    re.I,
)


def narrowed_preview(text: str, waiting: dict[str, Any], read: Reader) -> Parsed | None:
    """ "actually just sam's ones", "leave out the lost ones": the change waiting for Confirm,
    on fewer customers (previewed again); None when the message does not narrow it."""
    slots = {k: v for k, v in waiting.items() if k not in (IDS, DEALT)}
    text = _FILLER_FIRST.sub("", text)
    if slots.get("action") == "task" and (whose := TASK_IS_FOR.match(text)):
        # "the task is for maria not me. and drop hugo fischer": hers, and maybe on fewer
        slots = {**slots, ASSIGNEE: whose["who"]}
        rest = text[whose.end() :].strip(" .,;!")
        return (narrowed_preview(rest, slots, read) if rest else None) or Parsed(
            "customer.bulk_update", slots
        )
    if slots.get("action") == "task" and (named := TASK_TEXT_SAID.match(text)):
        return Parsed("customer.bulk_update", {**slots, "text": named["text"]})  # "rename it to …"
    if (more := _MORE_PLACES.match(text)) and slots.get("city"):  # "wait, madrid ones too"
        place = more["place"] or more["place2"] or more["place3"]
        return Parsed("customer.bulk_update", {**slots, "city": f"{slots['city']} and {place}"})
    if out := OUT_OF_IT.match(text):
        said = next(out[g] for g in _OUT_GROUPS if out[g])
        rest = "" if THE_REST.match(text, out.end()) else text[out.end() :]
        text = f"except {said}{rest}"
    if left_out := vocab.EXCEPT.search(text):
        kept = _left_out(read, text[left_out.start() :])
        if kept is None:
            return None
        # "without Hans", then "all but #12": both; a command said again replaces the exclusion
        left = _also_left_out(slots.get(EXCLUDING), kept) if left_out.start() == 0 else kept
        return Parsed("customer.bulk_update", {**slots, EXCLUDING: left})
    if NARROWING.search(text) and (narrower := _narrowing(text, read)):
        return Parsed("customer.bulk_update", {**slots, **narrower})
    if SELECTION_ALONE.match(text):  # "owned by maria" said to a preview: hers only
        listed = read(f"list customers {text}")
        if listed.intent == "segment.list" and selection_of(listed.slots) and not listed.unread:
            return Parsed("customer.bulk_update", {**slots, **selection_of(listed.slots)})
    return None


def _also_left_out(before: dict[str, Any] | None, now: dict[str, Any]) -> dict[str, Any]:
    """ "without Hans", then "all but #12": customers left out by name add up, beside the one
    selection left out before ("the austin ones"); a selection left out now ("not the munich
    ones") replaces the one before."""
    if before is None:
        return now
    selected = {k: v for k, v in now.items() if k not in ("said", CUSTOMERS)} or {
        k: v for k, v in before.items() if k not in ("said", CUSTOMERS)
    }
    named = [*before.get(CUSTOMERS, ()), *now.get(CUSTOMERS, ())]
    said = f"{before['said']} and {now['said']}"
    return {"said": said, **selected, **({CUSTOMERS: named} if named else {})}


_HEADED = re.compile(r"^\s*[^:.!?]{1,40}?[:.!?]\s+(?=\S)")
_ASKED_AS_A_TASK = re.compile(r"\b(?:tasks?|remind)\b", re.I)


def _a_task_on_a_selection(text: str, parsed: Parsed, read: Reader) -> Parsed | None:
    """ "add a task 'recovery call' due tuesday to all detractors", "give each of the detractors'
    owners a recovery call task": a task on every customer of a selection said in the message,
    previewed as a change to many; None when the message names no selection it can read."""
    text, said_to = _addressed(text)  # "maria: a task for her to email her detractors"
    if asked := OWNERS_ASKED.match(text):  # "have each owner call their at-risk customers"
        text = f"a task for each owner to {text[asked.end() :]}"
    if (first := SELECTION_THEN_TASK.match(text)) and not ON_A_SELECTION.search(text):
        text = f"{first['task']} on {first['selection']}"  # "sam's customers …: task for sam …"
    owners = SELECTION_OWNERS.search(text)
    # "a task for each owner to call their detractors": their own ones, each by its owner
    theirs = THEIR_SELECTION.search(text) if THEIR_OWNER.search(text) else None
    on = owners or theirs or ON_A_SELECTION.search(text)
    asked = parsed.intent == "task.create" or re.search(r"\btasks?\b", text, re.I)
    if on is None or (owners is None and not asked):
        return None
    said = on.group("selection")
    own = HIS_OWN.match(said)  # "… for each of her customers": hers, the one the task is for
    listed = read(f"list {said[own.end() :] if own else said}")
    selection = selection_of(listed.slots)
    if listed.intent != "segment.list" or listed.unread or not (selection or own):
        return None
    end, left_out = on.end(), None
    if out := LEFT_OUT_NEXT.match(text, end):  # "… on sam's at-risk customers except X: call"
        left_out = _left_out(read, f"except {out['who']}")
        if left_out is None:
            return None  # who is left out is not read: never a task on them too
        end = out.end()
    doing = f" to {on['verb']} " if on.groupdict().get("verb") else " "  # "… to email all her …"
    rest = text[: on.start()] + doing + text[end:]
    if left_out is None and (last := vocab.EXCEPT.search(rest, on.start())):
        # "…, due monday, except Hugo Fischer": left out at the end
        left_out = _left_out(read, rest[last.start() :])
        if left_out is None:
            return None
        rest = rest[: last.start()]
    reading = read(THEIR_OWNER.sub(" ", rest.strip(" :;,-–—")))
    if (
        (headed := _HEADED.match(rest))
        and (alone := read(THEIR_OWNER.sub(" ", rest[headed.end() :].strip(" :;,-–—")))).intent
        == "task.create"
        and alone.slots.get("text")
        and (
            not reading.slots.get("owner")
            or _ASKED_AS_A_TASK.search(str(reading.slots.get("text", "")))
        )
    ):  # "tasks for the week: … give jordan a task to call them …": the heading is no task
        reading = alone
    if reading.intent != "task.create":
        return None
    task = task_named(reading.slots.get("text", ""))
    slots = {"action": "task", "text": task, "due": reading.slots.get("due")}
    each_owner = owners or THEIR_OWNER.search(text)
    assignee = THEIR_OWNER_SAID if each_owner else reading.slots.get("owner") or said_to
    if own and "owner" not in selection:
        if not assignee or assignee == THEIR_OWNER_SAID:
            return None  # whose "her customers" are is not said
        selection["owner"] = assignee  # "a task for sam for each of his at-risk customers"
    if left_out is not None:
        selection[EXCLUDING] = left_out
    return Parsed("customer.bulk_update", {**selection, **slots, ASSIGNEE: assignee}, SURE)


def _a_selection_per_rep(text: str, parsed: Parsed, read: Reader) -> Parsed | None:
    """ "vip customers by rep", "how many lapsed customers does each rep have": the team's list
    of them, whose heading counts them by owner; None when no selection is said."""
    slots = parsed.slots
    if parsed.intent != "report.show" or slots.get("group_by") != "owner":
        return None
    if slots.get("metric") not in (None, "customers") or PER_REP.search(text) is None:
        return None
    listed = read(" ".join(PER_REP.sub(" ", text).split()))
    if listed.intent != "segment.list" or not selection_of(listed.slots) or listed.unread:
        return None
    slots = {**listed.slots, "owner": "team", PER_OWNER: True}
    return Parsed("segment.list", slots, parsed.confidence)


def _a_task_on_named(parsed: Parsed) -> Parsed:
    """ "call jane cooper, hank scorpio and bill lumbergh by friday": a task on each of them,
    previewed as a change to many."""
    slots = {
        CUSTOMERS: parsed.slots[CUSTOMERS],
        "action": "task",
        "text": task_named(parsed.slots.get("text", "")),
        "due": parsed.slots.get("due"),
        ASSIGNEE: parsed.slots.get("owner"),
    }
    return Parsed("customer.bulk_update", slots, parsed.confidence)


def _addressed(text: str) -> tuple[str, str | None]:
    """ "sam: set him a task to call each of his at-risk customers": said to Sam, so him is Sam
    (and the task is his, unless it says whose)."""
    if (to := ADDRESSED.match(text)) is None:
        return text, None
    rep, rest = to["rep"], to["rest"]
    rest = re.sub(r"\b(?:his|her)\b(?=\s+\w)(?!\s+(?:to|a|an|the)\b)", f"{rep}'s", rest, flags=re.I)
    return re.sub(r"\b(?:him|her)\b", rep, rest, flags=re.I), rep


def task_named(said: str) -> str:
    """What the task is, without the words that asked for it: "give a recovery call task" and
    "'recovery call'" are both the task "recovery call"."""
    if quoted := QUOTED_NAME.search(said):  # "task for the owner 'NPS recovery call'"
        return quoted["name"].strip()
    named = TASK_ASKED.sub("", " ".join(said.split())).strip(" ,.;:'\"‘’“”")
    named = ON_THEM.sub("", named).strip(" ,.;:")  # "call their tagged ones": each one's task
    return named or said


def _a_task_each(text: str, read: Reader) -> Parsed | None:
    """ "remind me wed to chase them", "a task for jordan to call each of them": one task per
    customer of the list, as a change to many (previewed); None when it is no task."""
    owners_of = OWNERS_OF_THEM.search(text)
    if owners_of:  # "remind the owners of those 18 to …": remind each one's owner to …
        text = f"{text[: owners_of.start()]}remind me to{text[owners_of.end() :]}"
    each = owners_of or EACH.search(text) or THEIR_OWNER.search(text)
    said = THEIR_OWNER.sub("", EACH.sub("", text))
    pointed = MANY.search(said)
    if pointed is None and each is None:
        return None
    reading = read(_put(said, pointed, ANY_ONE) if pointed else said)
    if reading.intent != "task.create":
        return None
    if each is None and reading.slots.get("customer") != ANY_ONE:
        return None
    task = task_named(reading.slots.get("text", "").replace(ANY_ONE, " "))
    by_owner = owners_of or THEIR_OWNER.search(text)
    assignee = THEIR_OWNER_SAID if by_owner else reading.slots.get("owner")
    if assignee is None and (named := FOR_SOMEONE.search(task)):
        # "retention call task for each of those for sam": Sam's tasks, not "… for sam"
        assignee, task = named["who"], task_named(task[: named.start()])
    slots = {"action": "task", "text": task, "due": reading.slots.get("due")}
    return Parsed(reading.intent, {**slots, ASSIGNEE: assignee}, reading.confidence)


def _for_the_rep(task: dict[str, Any], text: str, selection: dict[str, Any]) -> dict[str, Any]:
    """ "set him a task to call each of those" after Sam's customers: the tasks are Sam's."""
    owner = selection.get("owner")
    if task.get(ASSIGNEE) or owner in (None, "me", "team") or not _HIM_A_TASK.search(text):
        return task
    return {**task, ASSIGNEE: owner}


_HIM_A_TASK = re.compile(
    r"\b(?:set|give|make|create|add|assign)\s+(?:him|her)\s+(?:a\s+|one\s+)?(?:task|reminder|to-?do)",
    re.I,
)


def _refined(text: str, parsed: Parsed, asked: dict[str, Any], read: Reader) -> Parsed | None:
    """The question asked last, with what a short follow-up changes: "by rep?" after a report,
    "just maria's" after the team's tasks, "only the berlin ones" after a list."""
    return (
        _averaged(parsed, asked)
        or _narrower(text, parsed, asked, read)
        or _same_figure(text, parsed, asked)
    )


def _averaged(parsed: Parsed, asked: dict[str, Any]) -> Parsed | None:
    """ "i meant the average per order, not the total" after sales per rep: those, per order."""
    said = parsed.slots.keys() - {"metric", AVERAGE}
    if asked["intent"] != "report.show" or not parsed.slots.get(AVERAGE) or said:
        return None
    kept = {k: v for k, v in asked["slots"].items() if k in ("period", "group_by", "owner")}
    return replace(parsed, slots={**parsed.slots, **kept})


def _same_figure(text: str, parsed: Parsed, asked: dict[str, Any]) -> Parsed | None:
    """ "last 12 months, per rep" after the NPS: the NPS again, not each rep's figures."""
    if (
        parsed.intent == asked["intent"] == "report.show"
        and "metric" not in parsed.slots
        and asked["slots"].get("metric")
        and not vocab.TEAM_SCORECARD.search(text.lower())
    ):
        kept = {k: asked["slots"][k] for k in ("metric", "channel") if asked["slots"].get(k)}
        return replace(parsed, slots={**parsed.slots, **kept})
    return None


def _narrower(text: str, parsed: Parsed, asked: dict[str, Any], read: Reader) -> Parsed | None:
    # "which have been sitting there more than 30 days" after the proposals: those of them
    which = asked["intent"] == "segment.list" and _WHICH_OF_THEM.match(text)
    if not which and EVERYONE.search(text):
        return None  # "ok just list everyone in proposal then": a list of its own, not narrowed
    opening = REFINING.match(text) or which
    rest = ONES.sub(" ", text[opening.end() :] if opening else text).strip()
    opening = opening or CHANGING.match(text)
    if not rest or len(text.split()) > (14 if which else 8):
        return None
    if not opening and (len(text.split()) > 3 or parsed.confidence >= SURE):
        return None  # "nps this quarter" is a question of its own
    if not opening and (MANY.search(text) or ONE.search(text)):
        return None  # "tag them vip": a request about what was shown, not a narrower question
    if parsed.intent not in REFINABLE and parsed.slots.get("customer") and _IT.search(rest):
        return None  # "the dunder mifflin one, mark it lost": one of the list, changed
    if any(
        r.intent == "customer.bulk_update" and r.slots.keys() & {"field", "action"}
        for r in (parsed, *parsed.alternatives)
    ):  # "now give the ones under 5k to maria", "just give sam jordan's ones": a change to them
        return None
    if (
        parsed.intent in REFINABLE
        and parsed.intent != asked["intent"]
        and parsed.confidence >= SURE
    ):
        return None  # "the open tasks of the team" after a report: another kind of question
    kind = LISTED.get(parsed.intent)
    if parsed.intent != asked["intent"] and kind and kind.search(text):
        return None  # "maria's tasks" after the team's figures: her tasks
    # "and for next quarter" after a forecast: the forecast for it, not the sales of a quarter ahead
    template = "forecast {}" if asked["slots"].get(FORECAST) else REFINABLE[asked["intent"]]
    if asked["intent"] == "segment.list" and _SAID_AFTER_THE_NOUN.match(rest):
        template = "list customers {}"  # "any in berlin?": customers in berlin
    if which:
        template, rest = "list customers {}", text
    reread = read(template.format(rest))
    if which and (reread.intent != asked["intent"] or reread.unread):
        reread = read(text)  # "which of them bought support premium": read as said
    if reread.intent != asked["intent"] or reread.unread:
        return None
    said = {k: v for k, v in reread.slots.items() if k != "metric" or _names_metric(text)}
    before = dict(asked["slots"])
    if said.get("compare") and str(said.get("period", "")).startswith("last_"):
        said.pop("period")  # "vs last year?" compares the period asked about with the one before
    elif "period" in said:
        before.pop("compare", None)  # "no, all time": another period, not a comparison
    if not said or all(before.get(k) == v for k, v in said.items()):
        # "only berlin" when that is what was shown: the same again, not a customer called so
        return Parsed(asked["intent"], before, SURE) if opening and said else None
    return Parsed(asked["intent"], {**before, **said}, max(reread.confidence, SURE))


def _names_metric(text: str) -> bool:
    return any(pattern.search(text.lower()) for pattern, _ in vocab.METRICS)


def _another_request(parsed: Parsed) -> bool:
    """ "and add a task for sam to call her tomorrow" after a handover: a request of its own,
    read surely, not the change again for someone named "add a task …"."""
    return parsed.confidence >= SURE and parsed.intent not in (
        "unknown",
        "customer.show",
        "customer.update",
        "customer.bulk_update",
    )


def _a_change_of_its_own(parsed: Parsed) -> bool:
    return parsed.intent in ("customer.update", "customer.bulk_update") and bool(
        parsed.slots.get("value") or parsed.slots.get("action")
    )


def _named_again(rest: str, change: dict, read: Reader, confidence: float) -> Parsed | None:
    """The last change again, on the customers named ("same for léa weber and omar nguyen")."""
    names = [n.strip() for n in vocab.LISTED.split(rest) if n.strip()]
    found = [read(f"tell me about {name}").slots.get("customer") for name in names]
    if not found or not all(found):
        return None
    if len(found) > 1:
        return Parsed("customer.bulk_update", {CUSTOMERS: found, **change}, confidence)
    if change.get("action") == "delete":
        return Parsed("customer.delete", {"customer": found[0]}, confidence)
    if not change.get("field"):
        return None
    return Parsed("customer.update", {"customer": found[0], **change}, confidence)


def _except_after(
    text: str, left_out: re.Match, subject: ConversationSubject, read: Reader
) -> Parsed:
    """ "give those to jordan except omar wilson": the request pointing back, less those left out
    (read as the parser reads any exclusion); one that cannot be read is left unread."""
    rest, said = text[: left_out.start()], text[left_out.start() :]
    parsed = refer_back(rest, read(rest), subject, read)
    told = TOLD_AFTER.search(said, left_out.end("said") - left_out.start())
    if told and (parsed.intent not in LISTS or _no_task_said(parsed)):
        # "a task on all of those except noah: check in monday": who is left out, then the task
        rest = f"{rest} {said[told.start('told') :]}"
        said = said[: told.start()]
        parsed = refer_back(rest, read(rest), subject, read)
    if parsed.intent not in LISTS or _no_task_said(parsed):
        return read(text)
    if (kept := _left_out(read, said)) is None:
        return replace(parsed, unread=(*parsed.unread, text[left_out.end("said") :].strip()))
    return replace(parsed, slots={**parsed.slots, EXCLUDING: kept})


def _left_out(read: Reader, said: str) -> dict[str, Any] | None:
    """Who an exclusion ("except omar wilson", "but not the munich ones") leaves out, read as the
    parser reads any; None when it cannot be read."""
    said = _WHY_LEFT_OUT.sub("", said)  # "except omar jensen, sam's quoting him today"
    return read(f"list customers {said.strip(' ,;')}").slots.get(EXCLUDING)


# why someone is left out, after them: ", sam's quoting him today", ", she's a friend of ours"
_WHY_LEFT_OUT = re.compile(
    r"\s*[,;–—-]\s*(?:[a-z][\w-]*|he|she|they|we|i)(?:['’]s|['’]re|\s+is|\s+are|\s+has|\s+have|"
    r"\s+will|['’]ll)\s+[a-z][\w-]*.*$",
    re.I,
)


def _no_task_said(reading: Parsed) -> bool:
    """Whether a reading is a task on many with no task said (it may follow who is left out)."""
    return reading.slots.get("action") == "task" and not reading.slots.get("text")


# the request going on after those left out: "except noah: check in", "except noah to check in"
TOLD_AFTER = re.compile(r"(?:\s*(?::|\s[-–—]\s)\s*|\s+(?=to\s+\w))(?P<told>\S.*)$")


def _selects(reading: Parsed) -> bool:
    """Whether a reading is a list or a change to many with a selection of its own."""
    listing = reading.intent in ("segment.list", "customer.bulk_update")
    return listing and bool(selection_of(reading.slots))


def _narrowing(text: str, read: Reader) -> dict[str, Any] | None:
    """What a clause beside "those" adds to the list ("just the london ones - tag them vip"), or
    None when such a clause says something no selection can: the list is then not guessed."""
    narrower: dict[str, Any] = {}
    for clause in CLAUSES.split(text):
        if relative := THOSE_THAT.match(clause):  # "those that were added before sept are junk"
            said = JUDGED.sub("", clause[relative.end() :])
        elif not NARROWING.search(clause) or MANY.search(FROM_THE_LIST.sub(" ", clause)):
            continue
        else:
            said = FROM_THE_LIST.sub(" ", clause)
        listed = read(f"list {said}")
        as_list = next(
            (r for r in (listed, *listed.alternatives) if r.intent == "segment.list"), None
        )
        if as_list is None or as_list.unread or not selection_of(as_list.slots):
            return None
        narrower.update(selection_of(as_list.slots))
    return narrower


def _whole_then_clauses(text: str) -> list[str]:
    """The message, then each of its clauses: a pronoun's request may be one clause of several."""
    clauses = [c for c in CLAUSES.split(text) if c.strip() and c.strip() != text]
    return [text, *clauses]


def pointing(text: str) -> str | None:
    """The word by which a message points back at one customer ("her", "he …"), if any."""
    if one := ONE.search(text):
        return one.group()
    opening = OPENING.search(text)
    return re.search(r"\b(?:he|she)s?\b", opening.group(), re.I).group() if opening else None


def as_if_named(text: str) -> str:
    """The message with its first pronoun put as a customer's #id: how sure a reading of it is,
    before it is known who the pronoun is."""
    if DONE_WITH_IT.fullmatch(text):
        return f"tick off the task for {ANY_ONE}"
    if described := THE_DESCRIBED_TASK.fullmatch(text):  # "…. close the chase task"
        return f"{described.group('task')} for {ANY_ONE}{described.group('rest') or ''}"
    if unsaid := NO_ONE_MOVED.match(text):  # "…. move to proposal": the customer just talked about
        return f"{unsaid.group('verb')} {ANY_ONE} {text[unsaid.end('verb') :].strip()}"
    if SCORE_GIVEN.match(text):  # "… bought 2 seats and gave nps 8": the same customer's answer
        return f"{ANY_ONE} {text}"
    pointed = ONE.search(text) or OPENING.search(text) or MANY.search(text)
    return _put(text, pointed, ANY_ONE) if pointed else text


def _words_back(reading: Parsed, reference: str, word: str) -> Parsed:
    """The reading with the pronoun as typed where free text took the #id put in for it: a task
    "send him proposal v2", not "send #5 proposal v2"."""
    slots = {
        k: v.replace(reference, word) if k in FREE_TEXT and isinstance(v, str) else v
        for k, v in reading.slots.items()
    }
    return replace(reading, slots=slots)


def _put(text: str, pointed: re.Match, reference: str) -> str:
    after = text[pointed.end() :]
    if pointed.group().lower() in ("his", "her", "their") and re.match(_FIELD_OF, after, re.I):
        reference += "'s"  # "his title is now CTO": #12's title
    if pointed.group().lower() in ("he", "she") and (short := re.match(r"['’]s\b", after)):
        after = f" is{after[short.end() :]}"  # "he's interested in …": #12 is
    return f"{text[: pointed.start()]}{reference}{after}"
