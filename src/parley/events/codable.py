"""Codable: whether an event candidate reports a codable happening at all, by the form of its clause.

The cue lexicon and the classifier say what an event would be; this module says when the sentence reports no such
event, whatever its type, from a few general families instead of cue-specific vetoes (issue 16: the hand rules
written on the article gold's tune slice carried little to its held slice):

- ``conditional``: an act inside a conditional (``if``/``unless``/``whether``) or its consequence, or in a direct
  yes/no question ("unless there was a credible cease-fire", "If the West wants democracy, we agree", "faces
  prison if convicted", "Are you getting assistance …?"). The article gold codes no conditional act (its README,
  "Flags": a hypothetical is what is proposed or possible; of the seven flagged dev events none is conditional).
- ``aim_of_act``: an act named as the aim of another or as the content of a request, promise, threat or obligation
  — a purpose infinitive (", to prevent …", "in order to aid …"), an act after "must"/"should"/"has to" ("he must
  make good on his promises": the dev gold codes no act that someone must or should do, only the demand), or a
  "to"-infinitive further along the clause of a governing cue ("pressuring the White House to establish a no-fly
  zone … to aid X": the README's "a request that someone do X is a REQUEST, and X itself is not coded
  separately"). ``coding.event_matches`` already folds the complement right after the governing cue; this
  reaches the rest of the clause.
- ``background_where``: an act in a fronted "In X, where …," clause ("In Libya, where rebels backed by Nato air
  strikes ousted … Gaddafi, the …"): the setting of a comparison, which the gold README's "Background references
  to well-known earlier events inside a subordinate clause" leaves uncoded.
- ``aggregate``: a count of acts over a period with no occasion ("documented more than 40 attacks on the media
  since February", "killed more than 1,400 since the uprising began"): the article gold README's "Aggregates over a
  period with no occasion … are not coded one by one"); ``since_began``: the event a period is counted from
  ("since protests broke out in March"), a point of reference, not an event of the sentence.
- ``never_done``: an act under "never" in its clause ("Liberal Democrats, who have never once offered support",
  "the two had never met"): a negated habit or a lifetime's record names no occasion, where a negated event of the
  gold ("did not allow the team into Syria") is one refusal on one occasion.
- ``names_no_side``: the one "no side named" decision (the PLOVER manual's "Required entities": when no side can be
  named the event is not coded) for an event whose roles found no actor — a bare nominal ("four assaults", "the
  government's support") or an adjunct -ing form (", threatening to overwhelm …").
- ``header_repeats``: an event of the article's standfirst (a plain-text file's glued headline and highlights,
  ``clean.header``; a page's printed description) whose type the body codes too: the headline restates the body
  sentence that tells it, and the article gold codes it once, from the body (its README: "Headline / teaser
  fragments … that repeat the body are not coded twice"); a headline-only event is kept. "Tells again": the same
  type with a side in common or the same trigger word (a side-less headline event: the same type suffices).
"""

from __future__ import annotations

import re

from parley.events.role_voice import BARE_NOUN_BEFORE
from parley.events.tense import PAST_FORMS
from parley.timex.lexicon import MON_FULL

COND = re.compile(r"\b(?:if|unless|whether)\b", re.I)
QUESTION_BEFORE = re.compile(r"\b(?:ask\w*|question\w*|wonder\w*|know\w*|see|decid\w*|doubt\w*|unclear|clear)\s+$",
                             re.I)
YES_NO = re.compile(r"\s*(?:``\s*|[“\"]\s*)?(?:(?:but|and|so)\s+)?(?:are|is|was|were|do|does|did|will|would|can|could|"
                    r"have|has|had|should|shall)\s", re.I)
SENTENCE_BREAK = re.compile(r";|\s--\s")
PURPOSE = re.compile(r"(?:,|\bin\s+order|\bso\s+as)\s+to\s+$", re.I)
TO_BEFORE = re.compile(r"\bto\s+$", re.I)
OTHER_CLAUSE = re.compile(r"[;:]|\s--\s|\b(?:but|while|although|because|and\s+(?:has|have|had|was|were|is|are|will|"
                          r"said))\b", re.I)
OBLIGED = re.compile(r"\b(?:must|should|ought\s+to|(?:has|have|had)\s+to|needs?\s+to|wants?\s+to|wanted\s+to|"
                     r"wish(?:es|ed)?\s+to|would\s+like\s+to|too\s+\w+\s+to|hop(?:e|es|ed|ing)\s+to|"
                     r"wait(?:s|ed|ing)?\s+for\s+(?:[\w’'-]+\s+){1,4}?to)\s+(?:[\w’'-]+\s+){0,4}$", re.I)
# the asked-for act after a request's addressee: "(not) to engage in reprisal", "to stop the" (to + verb + 0-4 words)
GOVERNED_VP = re.compile(r"\s(?:not\s+)?to\s+[a-z]+\s+(?:[\w’'-]+\s+){0,4}$")
GOVERNED_OBJECT = re.compile(r"\s+to\s+[a-z]+\s+(?:[\w’'-]+\s+){0,4}", re.I)  # " to overwhelm the government 's "
GOVERNING = ("REQUEST", "THREATEN", "AGREE")  # the content of a demand, threat or promise is no second event
# "<act> is what X are demanding / all they want": the act is the content of a demand
DEMANDED_CLEFT = re.compile(r"(?:\s+of\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)?\s+(?:is|was|are|were)\s+(?:what|all|exactly\s+what)\s+(?:[\w’'-]+\s+){0,4}?"
                            r"(?:demand|want|call(?:ed|ing|s)?\s+for|ask(?:ed|ing|s)?\s+for|seek|sought|insist)", re.I)
ADJUNCT_BEFORE = re.compile(r"(?:^|,|\band)\s*$", re.I)  # not "by negotiating": a manner the subject does
DETS = frozenset("the a an its their his her this these those our".split())
NOMINAL_AFTER_DET = re.compile(r"\b(?:the|a|an|its|their|his|her|this|our)\s+((?:[\w-]+\s+){2,3})$", re.I)
ARGUMENT_AFTER = re.compile(r"\s+(?:of|by|with|to|on|against|between|from|in|at|over|for)\b", re.I)
VERBISH = frozenset("""is are was were be been has have had will would could should can may might must do does did
not who which that and or but to of in on at by for with from as said says""".split())  # not "that": "forces that threaten"


def conditional(sent: str, m) -> bool:
    """The trigger is in a conditional clause or in the clause right after it (its consequence): the nearest
    ``if``/``unless``/``whether`` before the trigger, not past a semicolon or dash, with at most one comma between
    ("If the West wants democracy, we agree"; "faces prison if convicted"). A clause further on is reported as
    fact again ("If talks fail, he said, the army will act, and on Monday troops attacked"); an indirect question
    ("whether …", "asked if …") covers its own clause only ("asked if the army could return, X said it is
    reviewing a decision to withdraw")."""
    head = sent[:m.start]
    if YES_NO.match(sent) and sent.rstrip().endswith("?"):
        return True  # a direct yes/no question asks whether, as "whether …" does: "Are you getting assistance …?"
    start = max((b.end() for b in SENTENCE_BREAK.finditer(head)), default=0)
    conj = list(COND.finditer(head, start))
    if not conj:
        return False
    c = conj[-1]
    if c.group(0).lower() == "whether" or QUESTION_BEFORE.search(head[:c.start()]):
        return "," not in head[c.end():]  # an indirect question ("asked if …") has no consequence clause
    return head.count(",", c.end()) <= 1


def aim_of_act(sent: str, m, others, etype: str | None = None) -> bool:
    """The trigger is a purpose infinitive (", to prevent …", "in order to …"), the content of an obligation
    ("he must make good on his promises", "Syria should release the prisoners": what someone must do has not been
    done, nor what someone wants, hopes or waits for another to do or it is too early to do: "when the tribe wants
    to protest", "hoped to resume flights", "waiting for the army to investigate", "too early to start blaming"; a trigger typed ``etype`` REQUEST is then the demand itself: "telling him that he must make good on his
    promises"), or a "to"-infinitive in the clause of an earlier governing cue among ``others`` (the sentence's
    event cues) past its governed complement, or the object of the verb such a cue governs ("threatening to
    overwhelm the government's support", "agreed to end the attacks") or of the act a request asks of its
    addressee ("called on the fighters not to engage in reprisal attacks") or in the noun phrases a "calls for"
    asks for ("calls for a freeze of X's assets and an arms embargo"), or what a request asks to end ("called for
    an end to the attacks on civilians": the README's "a request that someone do X is a REQUEST, and X itself is
    not coded separately"), or the charge of an earlier accusation ("accused the army of launching an all-out
    assault": the ACCUSE is the event), or what a cleft says is demanded ("his resignation is what the protesters
    are demanding": the demand, not a resignation)."""
    head = sent[:m.start]
    if PURPOSE.search(head) or etype != "REQUEST" and OBLIGED.search(head):
        return True
    if etype != "REQUEST" and DEMANDED_CLEFT.match(sent, m.end):
        return True
    to_before = TO_BEFORE.search(head)
    for o in others:
        if o is m or o.end > m.start or o.cue.event not in GOVERNING:
            continue
        between = sent[o.end:m.start]
        if OTHER_CLAUSE.search(between):
            continue
        if to_before and len(between.split()) > 3 and len(between) < 120:
            return True
        if GOVERNED_OBJECT.fullmatch(between):  # "threatening to overwhelm the government's support"
            return True
        if o.cue.event == "REQUEST" and GOVERNED_VP.search(between):
            return True  # "called on the fighters not to engage in reprisal attacks": in the asked-for act
        if o.cue.event == "REQUEST" and re.search(r"\bfor$", sent[o.start:o.end], re.I) and CALLED_FOR_LIST.fullmatch(
                between) and not _clause_in(between + sent[m.start:m.end]):
            return True  # "calls for a freeze of X 's assets and an arms embargo": the list asked for
        if o.cue.event == "REQUEST" and ENDING_OF.search(between):
            return True  # "called for an end to the attacks on civilians": the act to be ended is no new event
    return any(o.end <= m.start and o.cue.event == "ACCUSE" and CHARGE_OF.fullmatch(sent, o.end, m.start)
               for o in others)  # "accused the army of launching an all-out assault": the charge


# the noun phrases a "calls for" request asks for, with no verb among them (up to 12 words)
CALLED_FOR_LIST = re.compile(r"\s+(?:(?:[\w.’'-]+|,)\s+){0,12}")
LIST_WORDS = frozenset("of and or to in on at by for with from".split())
CLAUSE_OPENERS = frozenset("after when while before because since if unless until once".split())


def _clause_in(words: str) -> bool:
    """A verb or clause opener among ``words`` (an auxiliary, a past form, "as", "after" …): not a bare noun list."""
    return any(w.lower() in VERBISH - LIST_WORDS or w.lower() in CLAUSE_OPENERS or w.lower().endswith("ed")
               or w.lower() in PAST_FORMS for w in words.split())
# what a request asks to end, halt or stop ("demands for an end to years of repression , arrests without trial",
# "urged X to halt what it called a campaign of arbitrary arrests"): up to eight words of the ended act's phrase
ENDING_OF = re.compile(r"\b(?:end|halt|stop|cessation|ending|halting|stopping|ceasing|cease)\s+(?:to\s+|of\s+)?"
                       r"(?:what\s+(?:it|he|she|they|we)\s+(?:called|calls|described\s+as|termed)\s+)?"
                       r"(?:(?:[\w’'-]+|,)\s+){0,8}$", re.I)
# the charge of an accusation: "accused the army of launching an all-out assault", "of staging the attacks"
CHARGE_OF = re.compile(r"\s+(?:[\w.’'-]+\s+){0,6}?of\s+(?:(?:having\s+)?[a-z]+ing\s+)?(?:(?:an?|the|its|their|his|her)\s+)?"
                       r"(?:[a-z][\w-]*\s+){0,2}")


def adjunct_ing(sent: str, m) -> bool:
    """An -ing trigger that opens an adjunct (", threatening to overwhelm …", "and preventing …"): its subject is
    the main clause's, so with no actor found it names no side."""
    words = sent[m.start:m.end].split()
    return bool(words) and words[0].lower().endswith("ing") and bool(ADJUNCT_BEFORE.search(sent[:m.start]))


def names_no_side(sent: str, m, etype: str | None, actors, recips) -> bool:
    """True when an event whose roles found no actor names no side, so it is not coded:

    - an adjunct -ing trigger with no actor (a recipient may be named: ", threatening to overwhelm the fund"),
      except ASSAULT — "…, killing 50" tells the main clause's violence, whose side the roles may have missed;
    - with neither actor nor recipient, a plural meeting noun ("after talks were suspended": a consultation is
      between parties, and none is named), or a trigger after a quantifier or bare-noun word ("four assaults", "more
      deadly clashes", "the discussions"), or a nominal (not past-tense) trigger after a determiner, possessive or
      comma ("the government's support", "hit by a NATO bomb") or behind a determiner and two or three modifiers
      ("the so-called top kill") — PROTEST kept there, its protesters being the side the noun names.

    A nominal ASSAULT named as the cause of a death ("a prisoner died as a result of torture", "died from the
    beating") is kept: the one who died is its victim, whom the roles may have missed.

    A finite verb with no side found ("Ghanaian authorities have deported …") is kept: the roles missed a side the
    clause has (dropping every side-less event cost PLOVER GSR tune type accuracy 0.667 -> 0.639 and ConfliBERT
    quad 0.629 -> 0.610 for article gold tune P 0.578 -> 0.619, R 0.627 -> 0.602)."""
    if etype is None or actors:
        return False
    if adjunct_ing(sent, m):
        return etype != "ASSAULT"
    if recips or etype == "ASSAULT" and CAUSE_OF_DEATH.search(sent, max(0, m.start - 60), m.start):
        return False
    prev = [w.lower() for w in sent[:m.start].split()[-3:]]
    last = prev[-1].strip(",") if prev else ""
    words = sent[m.start:m.end].split()
    if last in BARE_NOUN_BEFORE or last.isdigit() or etype == "CONSULT" and len(words) == 1 and MEETING_PLURAL.fullmatch(
            words[0]):
        return True
    if etype == "PROTEST" or not words:
        return False
    w = words[0].lower()
    if not w.endswith(("ed", "ing")) and _behind_modifiers(sent, m):
        return True  # "the so-called top kill", "the Apollo 13 moon shot": a noun behind two or three modifiers
    if w.endswith(("ed", "ing")) or w in PAST_FORMS or not prev:
        return False
    if last in DETS or sent[:m.start].rstrip().endswith(",") or prev[-1].endswith(("'s", "’s")):
        return True
    # "the discussions" (a bare plural noun) is not a modifier; a name ending in s is ("the WikiLeaks release")
    raw = sent[:m.start].split()[-1]
    return len(prev) >= 2 and prev[-2] in DETS and not (raw.endswith("s") and raw.islower())


MEETING_PLURAL = re.compile(r"talks|negotiations|discussions", re.I)
# a death and its cause: "died as a result of", "died of", "died from", "was dead after", "death due to"
CAUSE_OF_DEATH = re.compile(r"\b(?:died|dies|die|dying|dead|death)\s+(?:[\w-]+\s+){0,3}?(?:as\s+a\s+result\s+of|of|from|"
                            r"after|because\s+of|due\s+to|following)\s+(?:(?:the|continued|severe|brutal|repeated|"
                            r"alleged|his|her|their)\s+)*$", re.I)


def _behind_modifiers(sent: str, m) -> bool:
    """The trigger follows a determiner and two or three words that are no verb, auxiliary or preposition, and
    takes no argument after it ("a week-long state visit by the emperor" names its side)."""
    if ARGUMENT_AFTER.match(sent, m.end):
        return False
    np = NOMINAL_AFTER_DET.search(sent, max(0, m.start - 60), m.start)
    return bool(np) and not any(w.lower() in VERBISH or "-" not in w and w.endswith(("ed", "ing"))
                                for w in np.group(1).split())


COUNT_BEFORE = re.compile(r"(?:(?<![$£€\d])\b(?!(?:19|20)\d\d\b)\d(?:[\d,.]*\d)?|\b(?:dozens|hundreds|thousands|scores|"
                          r"tens|numerous|several|a\s+series|a\s+string|a\s+wave|a\s+spate)(?:\s+of)?)\s+"
                          r"(?:[\w-]+\s+){0,2}$", re.I)
# month names are the timex lexicon's (not a second copy)
MONTH_BEFORE = re.compile(rf"\b(?:{MON_FULL}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{{1,2}}\s+"
                          r"(?:[\w-]+\s+){0,2}$")
PERIOD = re.compile(r"\bsince\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:\d{4}|" + MON_FULL + "|start|beginning|outbreak|"
                    r"uprising|war|began|"
                    r"last|then)\b|\bso\s+far\b|\bto\s+date\b|\bover\s+the\s+(?:past|last)\b|"
                    r"\bin\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:days|weeks|months|years)\b", re.I)


def aggregate(sent: str, m) -> bool:
    """A count of acts over a period: a plural nominal trigger with a number or a quantity word within three words
    before it ("more than 40 attacks", "several air strikes") — not a date ("the August 13 peace accord") — or a
    perfect-tense verb with a count of victims over a whole conflict or era ("have killed more than 1,400 since the
    uprising began", "more than 3,000 people have been killed since March 2011"), and a period phrase ("since February", "so far", "over the past
    year") in its stretch of the sentence. The article gold README codes neither ("Aggregates over a period with no
    occasion … are not coded one by one"); a toll on one occasion ("killed 30 on Friday", "since Friday") is kept."""
    words = sent[m.start:m.end].split()
    if not words:
        return False
    c0, c1 = _stretch(sent, m)
    # a whole conflict's span is a period too ("since the protests broke out on March 18")
    if not (PERIOD.search(sent, c0, c1) or LONG_PERIOD.search(sent, c0, c1)):
        return False
    head = sent[max(0, m.start - 40):m.start]
    if words[-1].lower().endswith("s") and COUNT_BEFORE.search(head) and not MONTH_BEFORE.search(head):
        return True
    perfect = PERFECT_BEFORE.search(sent, max(0, m.start - 30), m.start)
    if not perfect or not LONG_PERIOD.search(sent, c0, c1):
        return False
    return bool(COUNT_AFTER.match(sent, m.end) or COUNT_BEFORE.search(sent, max(0, perfect.start() - 40), perfect.start()))


# a verb's toll is an aggregate over a whole conflict or era ("since the uprising began", "since the start of the
# war", "since 2003"); a recent campaign ("have killed at least 81 people since April", "have been released over
# the last few days") is what a one-sentence report tells as its news (ConfliBERT codes those)
STARTED = r"(?:began|begun|broke\s+out|erupted|started)"  # the verbs of a period's start ("since the war began")
LONG_PERIOD = re.compile(r"\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\b(?!\s+of\s+(?:the|this)\s+(?:year|month|"
                         r"week|season))|"
                         r"\bsince\s+(?:[\w-]+\s+){0,4}?" + STARTED + r"\b|"
                         r"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b", re.I)
PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:been\s+)?$", re.I)
COUNT_AFTER = re.compile(r"\s+(?:(?:more|fewer|less)\s+than\s+|at\s+least\s+|nearly\s+|almost\s+|about\s+|around\s+|"
                         r"over\s+|some\s+|up\s+to\s+|an\s+estimated\s+)?(?:\d[\d,.]*|dozens|hundreds|thousands|scores)\b",
                         re.I)
# "since protests against Syria 's president began", "since the deadly crackdown on protests began" (T17 splits "'s")
SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,4}$", re.I)
BEGAN_AFTER = re.compile(r"(?:\s+(?:[\w-]+|['’]s)){0,5}?\s+(?:" + STARTED + r"|flared(?:\s+up)?)\b", re.I)


SINCE_START_OF = re.compile(r"\bsince\s+the\s+(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+|an?\s+)?"
                            r"(?:[\w-]+\s+){0,2}$", re.I)


def since_began(sent: str, m) -> bool:
    """The trigger names the event a period is counted from ("have died in the unrest since protests broke out in
    March", "since the uprising began", "since the start of the protests against X"): a point of reference for
    another clause, no event of the sentence."""
    return bool(SINCE_BEFORE.search(sent, max(0, m.start - 40), m.start) and BEGAN_AFTER.match(sent, m.end)
                or SINCE_START_OF.search(sent, max(0, m.start - 60), m.start))


NEVER_BEFORE = re.compile(r"\bnever\s+(?:(?:once|ever|actually|really|even|so\s+much\s+as|been|be|have|has|had|"
                          r"\w+ly)\s+)*(?:(?:offered|given|gave|voiced|expressed|shown|showed|made|held|lent|"
                          r"offer|give|voice|express|show|make|hold|lend)\s+(?:(?:any|a|an|his|her|their|its|"
                          r"public|formal|open)\s+)*)?$", re.I)


def never_done(sent: str, m) -> bool:
    """The trigger is under "never" with only auxiliaries, adverbs or a light verb between ("had never met",
    "who have never once offered support", "never publicly backed"): no occasion is reported."""
    return bool(NEVER_BEFORE.search(sent, max(0, m.start - 80), m.start))


def no_occasion(sent: str, m) -> bool:
    """The act names no occasion of its own: a count over a period, the start a period is counted from, a fronted
    "In X, where …" background, a "never" (each above), a course of action judged as an option or a
    past event named by its year (below)."""
    return (aggregate(sent, m) or since_began(sent, m) or background_where(sent, m) or never_done(sent, m)
            or option_judged(sent, m) or named_past(sent, m))


# sanctions or an embargo in force that someone breaks, evades, enforces or observes, or the violation of one
REGIME = re.compile(r"(?:break|breaks|broke|broken|breaking|breach(?:es|ed|ing)?|violat(?:e|es|ed|ing)|enforc(?:e|es|ed|ing)|defy|defies|defied|defying|flout(?:s|ed|ing)?|evad(?:e|es|ed|ing)|circumvent(?:s|ed|ing)?|bust(?:s|ed|ing)?|skirt(?:s|ed|ing)?|respect(?:s|ed|ing)?|observ(?:e|es|ed|ing)|uphold(?:s|ing)?|upheld|monitor(?:s|ed|ing)?)\s+(?:(?:a|an|the|its|their|this|that|these|international|existing|current|western|tough|u\.n\.|un|u\.s\.|eu|arms|oil|trade|economic)\s+){0,4}(?:embargo(?:es)?|sanctions|blockade)|(?:violations?|breach(?:es)?|enforcement|evasion)\s+of\s+(?:(?:a|an|the|its|this|that|international|u\.n\.|un|u\.s\.|eu|arms|oil|trade)\s+){0,4}(?:embargo(?:es)?|sanctions|blockade)", re.I)


def regime_in_force(sent: str, m) -> bool:
    """The trigger is a sanctions regime in force that a clause breaks, evades or enforces ("did not break a U.N.
    arms embargo", "was trying to evade sanctions", "ships patrolling to enforce a U.N. arms embargo", "a crude
    violation of the arms embargo"): a state of affairs, not the act of imposing it (PLOVER SANCTION). Dropped
    after typing, not vetoed as a cue: ``annotate`` lets it keep the type the classifier gave it, so that the
    sentence's other cues keep their own ("France said it did not break the embargo by airlifting weapons to the
    rebels" stays AID, not the REJECT the classifier reads into the sentence)."""
    return any(r.start() <= m.start < r.end() for r in REGIME.finditer(sent, max(0, m.start - 80), m.end))


# a year and up to two names between "the" and a noun: "the 2008 Mumbai attacks", "the 1994 genocide"
YEAR_NAMED = re.compile(r"\bthe\s+(?:19|20)\d\d\s+(?:[A-Z][\w’'-]*\s+){0,2}$")


def named_past(sent: str, m) -> bool:
    """A noun trigger named by its year ("planned the 2008 Mumbai attacks", "survivors of the 1994 genocide"): a
    past event referred to by its name, the background of the sentence's own act, not an event it reports. One
    told with its participants ("the 1915 massacre of 1.5 million people by …": RAMS codes it) is kept."""
    words = sent[m.start:m.end].split()
    return bool(words) and not words[0].lower().endswith(("ed", "ing")) and not ARGUMENT_AFTER.match(sent, m.end) \
        and bool(YEAR_NAMED.search(sent, max(0, m.start - 50), m.start))


# the subject of a verdict is an infinitive: "said for the US to take military action … was a mistake"
OPTION_SUBJECT = re.compile(r"(?:^|\b(?:said|says|say|argued|argues|believes?|thinks?)\s+(?:that\s+)?)"
                            r"(?:for\s+(?:[\w.’'-]+\s+){1,3}?)?to\s+[a-z]+\b", re.I)


def option_judged(sent: str, m) -> bool:
    """A verdict ("… was a mistake") whose subject is an infinitive ("for the US to take military action
    unilaterally … was a mistake"): a course of action judged as an option, taken by nobody — no party's act is
    disapproved, so there is no ACCUSE."""
    subject = OPTION_SUBJECT.search(sent, 0, m.start) if m.cue.kind == "verdict" else None
    return subject is not None and not OTHER_CLAUSE.search(sent, subject.end(), m.start)


def _stretch(sent: str, m) -> tuple[int, int]:
    """The stretch of the sentence around the trigger between semicolons or dashes."""
    start = max((b.end() for b in SENTENCE_BREAK.finditer(sent, 0, m.start)), default=0)
    nxt = SENTENCE_BREAK.search(sent, m.end)
    return start, nxt.start() if nxt else len(sent)


FRONTED_WHERE = re.compile(r"^\s*(?:In|At|Unlike|As\s+in|Like)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}\s*,"
                           r"\s*where\b")


def background_where(sent: str, m) -> bool:
    """The trigger lies in a fronted "In X, where …" clause: after "where" and before the main clause, which
    follows the last comma before a word that is no part of a participle or appositive phrase — read simply as
    the trigger coming before the clause's closing comma."""
    fw = FRONTED_WHERE.match(sent)
    if not fw or m.start < fw.end():
        return False
    close = sent.find(",", m.end)
    return close > 0 and "," not in sent[fw.end():m.start]


PERFORMATIVE_OPENING = re.compile(r"\s*(?:(?:I|we)\s+(?:\w+ly\s+|also\s+|again\s+|therefore\s+|now\s+)?)?", re.I)
QUOTED_ACTS = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})


def performative_in_quote(text: str, quote_spans, pos: int, m) -> bool:
    """A speech act the speaker performs in the words quoted ("`I urge all sides to allow access`", "`We condemn
    this attack`"): its cue opens the quotation, alone or after "I"/"we", in the present tense. The quoted words
    are otherwise not coded (what a speaker reports or wishes is no event of the text), but a performative one is
    the speaker's own act of the text — on the tune slice of the article gold such quoted appeals were missed.
    ``pos`` is the cue's offset in ``text``; ``quote_spans`` the direct quotes' (start, end)."""
    if m.cue.event not in QUOTED_ACTS or re.search(r"(?:ed|ing)$", text[pos:pos + m.end - m.start], re.I):
        return False
    q = next(((a, b) for a, b in quote_spans if a <= pos < b), None)
    return q is not None and PERFORMATIVE_OPENING.fullmatch(text, q[0], pos) is not None


NOUN_BEFORE = re.compile(r"\b(?:the|a|an|his|her|its|their|this|our|my|your)\s+(?:[a-z][\w-]*\s+){0,2}"
                         r"[a-z][\w-]*(?<!s)\s+$", re.I)
THIRD_PRONOUNS = frozenset("he she it they this that these those".split())
SPEAKER_PERSON = re.compile(r"\b(?:I|me|my|we|us|our|you|your)\b|\b(?:let's|let\s+us)\b", re.I)


def reported_in_quote(text: str, quote_spans, pos: int, m) -> bool:
    """A past act of third parties that a quoted speaker reports (a spokesman's readout: "`Both men reaffirmed
    their desire …, and they pledged to stay in touch,' Kirby added"): a past-tense cue in a direct quote with no
    first or second person before it in the quote, which does not open with a pronoun. Its sides are the clause's,
    not the speaker's. A quote in the speaker's own voice ("`We already knew … our colleagues arrested'") stays the speaker's words, not coded."""
    q = next(((a, b) for a, b in quote_spans if a <= pos < b), None)
    if q is None:
        return False
    word = text[pos:pos + m.end - m.start].split()[0].lower()
    if not (word.endswith("ed") or word in PAST_FORMS):
        return False
    if word in PAST_FORMS and NOUN_BEFORE.search(text, max(q[0], pos - 50), pos):
        return False  # "the so-called junk shot": a noun, where "the rebels shot" is a verb
    opening = re.match(r"[\s`'\"“‘]*(\w+)", text[q[0]:pos])
    if opening and opening.group(1).lower() in THIRD_PRONOUNS:
        return False  # "`They have urged …'": who "they" are lies in the speaker's context, outside the quote
    return SPEAKER_PERSON.search(text, q[0], pos) is None



# "condemned the shelling", "called the attacks …", "said that the shelling was brutal", "welcomed the release":
# a definite nominal right after a speech or evaluation verb (up to two lower-case modifiers between)
RESTATED_AFTER = re.compile(r"\s+(?:that\s+)?(?:the|this|that|these|those|such)\s+(?:[a-z][\w-]*\s+){0,2}$")
EVALUATIVE = ("ACCUSE", "SUPPORT", "REJECT")  # verbal reactions whose object is an act (criticise, welcome, deny)


def restated_nominal(sent: str, m, matches) -> bool:
    """The trigger is a definite noun ("the shelling", "these attacks") that a speech or evaluation cue among the
    sentence's ``matches`` takes as its object ("The United States condemned the assault as barbaric", "X called
    the attacks a clear attempt to intimidate …", "said that the shelling was brutal"): the reaction is the
    sentence's act, and the noun names an act the article has already told — the gold README's "the same act
    restated … is one event"; so does a bare definite noun in an adjunct, with no argument after it ("the state is
    divided over the lawsuit", "midway through the trial"). A noun marked as a new occasion ("the next meeting",
    "the latest attacks") is not restated, nor is a clause ("added that he will meet"). A past-tense verb after the noun phrase is a new clause ("said the army attacked"),
    not a noun. ``annotate`` drops such a trigger only when it keeps its cue's type (a trigger the classifier moved
    to another type describes the governing reaction: "denied the meeting was a response" REJECT) and an earlier
    sentence holds an event of that type (with none, the sentence is the act's first statement and it is kept)."""
    words = sent[m.start:m.end].split()
    if not words or words[0].lower().endswith("ed") or words[0].lower() in PAST_FORMS:
        return False
    mods = []  # the words between the determiner and the trigger (at most two)
    for w in reversed(sent[max(0, m.start - 40):m.start].split()[-3:]):
        if w.lower() in ("the", "this", "these", "those", "such"):
            break
        mods.append(w.lower())
    if any(w in NOT_MODIFIER or w in NEW_OCCASION for w in mods[:2]):
        return False  # "added that he will meet" (a clause, not a noun phrase); "the next meeting" (a new one)
    if any(o is not m and o.end <= m.start and (o.cue.kind == "speech" or o.cue.event in EVALUATIVE)
           and RESTATED_AFTER.fullmatch(sent, o.end, m.start) for o in matches):
        return True
    naming = NAMING_BEFORE.search(sent, max(0, m.start - 60), m.start)  # "called the attacks a clear attempt"
    if naming is not None and NAMED_AS.match(sent, m.end) is not None:
        return True
    # a bare definite noun in an adjunct ("divided over the lawsuit", "midway through the trial"): no argument
    # after it, so it names no new act, only the one told before
    return bool(ADJUNCT_THE.search(sent, max(0, m.start - 40), m.start)) and not ARGUMENT_LATER.match(sent, m.end) \
        and not re.match(r"\s+(?:was|were|is|are|has|have|had|began|killed|left|took)\b", sent[m.end:])


# words that make the phrase before the trigger no modifier of a noun, or the noun a new occasion
NOT_MODIFIER = VERBISH | frozenset("he she it they we i you".split())
NEW_OCCASION = frozenset("next upcoming planned proposed latest new fresh further another future renewed".split())
ARGUMENT_LATER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:of|by|against|on|with|between)\s", re.I)  # "dissolution last year of"
ADJUNCT_THE = re.compile(r"\b(?:over|through|after|during|before|about|following|despite|amid|throughout|in|at)\s+"
                         r"(?:the|this|that|these|those)\s+(?:[\w-]+\s+)?$", re.I)


# a naming verb whose object is then characterised: "called the attacks … a clear attempt", "described the
# shelling as …"; the characterisation (an article or "as") must follow the noun's phrase
NAMING_BEFORE = re.compile(r"\b(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|term(?:s|ed|ing)?|label(?:s|led|ed|ling)?|"
                           r"brand(?:s|ed|ing)?)(?:\s+(?:that|the|this|these|those|such)\s+(?:[a-z][\w-]*\s+){0,2}$)",
                           re.I)
NAMED_AS = re.compile(r"(?:\s+(?:by|of|on|against|in)\s+[^,;]{0,60}?)?\s+(?:as\b|an?\s|``|[“\"])")


def header_repeats(doc, events: list) -> list:
    """``events`` less the standfirst's PLOVER events that a body event tells again (see the module doc): one of
    the same type with a side in common, or the same trigger word, or any of that type when the headline event
    names no side. "McCain is among those pushing for a no-fly zone" (headline) is kept beside the body's
    "congressional leaders have been pressuring the White House": same type, another actor, another word."""
    spans = (doc.meta or {}).get("standfirst_spans") or []
    if not spans:
        return events

    def in_header(ev) -> bool:
        return any(a <= ev.start < b for a, b in spans)

    def sides(ev) -> set:
        return set(ev.actor_ids) | set(ev.recipient_ids)

    def head(ev) -> str:
        return (ev.trigger or "").lower().split()[0] if (ev.trigger or "").split() else ""

    body = [ev for ev in events if ev.event and not in_header(ev)]

    def told_again(ev) -> bool:
        return any(b.event == ev.event and (not sides(ev) or sides(ev) & sides(b) or head(ev) == head(b))
                   for b in body)

    return [ev for ev in events if not (ev.event and in_header(ev) and told_again(ev))]
