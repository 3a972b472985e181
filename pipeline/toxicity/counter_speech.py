"""Reading a comment for counter-speech: quoting, reporting, rebutting or judging a claim.

A rule marked ``guarded`` stays silent in a sentence that reads as counter-speech ("the
claim that ... is an antisemitic myth", "he said the Jews run Hollywood. That's textbook
antisemitism."), and the model's score is damped for a comment that holds some. The cue
patterns are searched in the text lowercased once, through their lowercase twins
(:mod:`pipeline.regex_guard`).

>>> has_counter_speech("The claim that Jews control the banks is an antisemitic myth.")
True
>>> has_counter_speech("Jews control the banks.")
False
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pipeline.regex_guard import LazyPattern, can_fold, compile_guarded, lowercase_twin
from pipeline.toxicity.prefilter import may_match
from pipeline.toxicity.vocabulary import HARMED

COUNTER_SPEECH = LazyPattern(
    r"\b(?:myths?|tropes?|canards?|conspiracy theor(?:y|ies|ists?)|anti-?semit\w*|bigot\w*|"
    r"racis[mt]\w*|hateful|hate speech|debunk\w*|misguided|nonsense|false|untrue|not true|"
    r"hurtful|offensive|dehumani[sz]\w*|condemn\w*|unacceptable|"
    r"(?:the|this|that|a) (?:claim|idea|notion|lie|smear|accusation|belief|slur) that|"
    r"saying that|claiming|(?:do|does|did)(?: not|n't) (?:control|run|own|rule)|"
    r"(?:never|didn't|did not|would never|wouldn't) (?:said|say|claimed|claim|wrote|write)|"
    r"(?:nobody|no one|no-one) (?:here )?(?:said|says|thinks|believes|claims)|"
    r"(?:not|never|isn't|is not) (?:ok|okay|acceptable|alright|cool|fine) to|"
    r"(?:stop|quit|don't|do not|never) call(?:ing)? (?:people|someone|somebody|them|others)|"
    r"(?:nobody|no one|no-one) should (?:have to )?(?:read|hear|see|say|write|post)|"
    r"(?:don't|do not|never|stop) (?:post|write|claim|repeat|spread)(?:ing)? (?:that|things like|"
    r"stuff like|comments like)|(?:stop|quit) (?:using|twisting|pushing) (?:it|this|that|them) to "
    r"(?:hint|suggest|imply|claim|pretend)|not (?:all|every) \w+(?: \w+)? (?:are|is)|"
    r"(?:aren't|weren't|isn't|wasn't|are not|were not|is not|was not) behind (?:every|all|each)|"
    r"(?:nazi|neo-nazi|white supremacist|white nationalist|far-right) (?:propaganda|talking points?|lies?|"
    r"slang|codes?|symbols?|memes?|jargon|dog ?whistl\w*)|"
    r"(?:why|how) (?:would|could|do|did|can) (?:you|anyone|someone|people) (?:think|believe) "
    r"(?:it's|it is) (?:ok|okay|acceptable|alright|fine) to|"
    r"(?:no|nobody|no one|no-one)(?: \w+)? (?:deserves? to|should|must|will)(?: ever)? "
    rf"{HARMED}|(?:do|does|did)(?: not|n't) deserve to {HARMED}|"
    rf"(?:should|must)(?: never| not|n't) (?:ever )?{HARMED}|"
    r"(?:would|will|could)(?: never| not|n't) (?:ever )?(?:hurt|harm|attack|kill|hit))\b",
    re.IGNORECASE,
)
"""Cues that a sentence rebuts or reports a trope rather than asserting it. Denials of
having said a thing ("I never said that X are scum", "nobody thinks X are vermin") count;
"I'm not saying X are ..., but" does not: it is how a hater hedges. So do refusals of a
word ("it's not okay to call people ...", "stop calling them ..."): the slur is mentioned.
Also a denial of a threat ("no woman deserves to die", "X should never be hurt", "I would
never hurt ..."), a plea not to read or repeat a
claim ("nobody should have to read that ...", "stop using it to hint that ..."), and a rhetorical
"why would you think it's okay to call me ...", and "neo-Nazi slang / meme / code". A cue
a hater hedges with ("call me antisemitic, but ...", "not a myth:") is first removed by
HEDGE. NAMED_CODE holds more cues, searched only when a hint word is there."""

NAMED_CODE = LazyPattern(
    r"\b(?:dog ?whistl\w*|code words?|(?:is|was|as|a) code for|caricatur\w*|hate symbols?|"
    r"there(?:'s| is| are) no (?:such thing as (?:a |an )?)?(?:secret|hidden|so-called) (?!about|that|to|in)\w+|"
    r"(?:invented|made up|fabricated|spread|pushed|populari[sz]ed|coined) by (?:the )?(?:white supremacists?|"
    r"(?:neo-?)?nazis|the klan|kkk|the far right|extremists|racists|bigots|propagandists)|"
    r"(?:is|are|was|were) (?:an? |just an? |an old |a classic |the old |the same old )?(?:\w+ )?(?:slurs?|smears?)|"
    r"(?:holocaust deniers|deniers) (?:say|claim|love to|like to|insist|will tell you|want you to)|"
    r"mock(?:s|ed|ing)? (?:the )?(?:victims|survivors|the dead|murdered)|conspiracy (?:stories|story|tales?)|"
    r"stands? for|(?:neo-?nazi|nazi|white supremacist|white nationalist|far-right|antisemitic|racist) (?:markers?|"
    r"symbols?|memes?|codes?|terms?|slogans?|talking points?|signals?|acronyms?|abbreviations?|phrases?|"
    r"propaganda|imagery)|"
    r"(?:is|was|are|were) the (?:same |very )?(?:idea|ideas|theory|thing|lie|conspiracy) (?:the|that) (?:\w+ ){0,3}?"
    r"(?:shooters?|terrorists?|killers?|gunm[ae]n|mass murderers?) (?:wrote|cited|quoted|believed|used)|"
    r"straight out of (?:the )?(?:nazi|nazis'?|hitler's|goebbels'?|der st(?:u|ue)rmer)|"
    r"(?:invented|created|coined|started|born|populari[sz]ed|spread) (?:on|in) (?:\w+ )?(?:neo-?nazi|"
    r"white supremacist|far-right|antisemitic|racist|extremist) (?:sites?|forums?|boards?|circles|"
    r"message boards?|chats?|groups?|channels?|podcasts?|shows?|radio|blogs?|websites?)|(?:target|hate) markers?|"
    r"used by (?:neo-?nazis|white supremacists|the far right|antisemites|racists|extremists|terrorists|"
    r"a terrorist group)|(?:a|the) way (?:of|to) (?:mock\w*|signal\w*|dehumani[sz]\w*)|"
    r"is how (?:people|they|racists|antisemites|bigots|trolls) (?:introduce|smuggle|signal|dress up|disguise)|"
    r"(?:that's|that is|it's|it is|this is|['\"\u201d\u2019] is)(?: just| simply| basically| literally| only)? "
    r"the (?:great )?replacement (?:theory|conspiracy|myth)|"
    r"(?:that's|that is|it's|it is|this is|['\"\u201d\u2019] is|\b(?:meme|joke|claim|comment|post|number|"
    r"figure|question)s? (?:is|are))(?: just| simply| basically| literally| only| pure| textbook)? holocaust denial|"
    r"(?:is|was) the (?:conspiracy )?theory (?:named|cited|quoted|pushed|promoted) (?:in|by)|"
    r"@mods?|mods?\W+(?:please|pls|can you|is this|are you)|please (?:ban|remove|delete)|"
    r"report(?:ed|ing)? (?:this|him|her|them|it|the user|user|the comment|that comment)|"
    r"flagged (?:it|this|him|her|them|the comment|that comment)|"
    r"used to (?:tag|mark|flag|identify|target|single out) (?:people|jews|names|someone|users))\b",
    re.IGNORECASE,
)
"""Counter-speech cues that name a code for what it is: "a dog whistle", "a hate symbol",
"X is a slur", "invented by white supremacists", "there's no secret ...", "deniers say ...",
"mocking the victims"; and the ways people explain one: "ZOG stands for ...", "a neo-Nazi
marker", "used by a terrorist group", "a way of mocking", "that's the Great Replacement
theory", "the theory named in the shooters' manifestos"; and reports to the moderators
("@mods", "please ban", "reported the user"), which name what they report. Rebuttals of
coded antisemitism repeat the code word itself, so the
coded rules need these; a hater denies the name ("it's not a dog whistle", "not a smear"),
which HEDGE removes. Kept apart from COUNTER_SPEECH, which every comment is searched with:
ten more alternatives there made that search a third slower."""
NAMED_CODE_HINTS = ("whistl", "code", "caricatur", "hate symbol", "there", "ed by", "up by",
                    "spread by", "slur", "smear", "deniers", "mock", "conspiracy", "stand", "nazi",
                    "supremac", "nationalist", "far-right", "antisemitic", "racist", "way of", "way to",
                    "is how", "replacement", "theory", "mod", "please ", "report", "flagged", "used to tag",
                    "used to mark", "used to flag", "used to identify", "used to target", "used to single",
                    "the same", "the very", "the idea", "the theory", "the thing", "the lie", "the conspiracy",
                    "straight out of", "marker", "holocaust denial")
"""Every NAMED_CODE match holds one of these (lowercased): the cheap test before the search."""

HEDGE = LazyPattern(
    r"\b(?:call(?:s|ed|ing)? (?:me|us)|calls? it|calling it|called it|labels? it)(?: an?)? "
    r"(?:anti-?semit\w*|racis[mt]|"
    r"bigot\w*|nazi|conspiracy theor\w*|myths?|tropes?|nonsense|hateful|hate speech|lies?)\b"
    r"|\b(?:not|no|isn't|is not|aren't|are not|ain't)(?: just| even)?(?: an?)? (?:myths?|"
    r"conspiracy theor(?:y|ies)|tropes?|lies?|canards?|dog ?whistl\w*|code words?|caricatur\w*|slurs?|"
    r"smears?)\b"
    r"|\b(?:i'm|i am|it's|it is|that's|that is|this is)(?: not|n't) (?:being )?(?:an? )?"
    r"(?:anti-?semit\w*|racist|bigot\w*|hateful|hate speech)\b"
    r"|\bpretend(?:s|ing|ed)? (?:that )?(?:[\w']+ ){1,3}?(?:do|does|did|are|is|were|was)(?: not|n't)\b"
    r"|\b(?:scream|screams|screaming|cry|cries|crying|yell|yells|yelling|shout|shouts|shouting|whine|whines|"
    r"whining|moan|moans|moaning|bleat|bleats|bleating|complain|complains|complaining) (?:about |over )?"
    r"(?:the )?['\"\u2018\u201c]?(?:anti-?semit\w*|racism|racist|islamophob\w*|bigotry)(?: card)?\b"
    r"|\b(?:being|be|get|gets|getting|got|gotten) called (?:an? )?(?:racists?|anti-?semit\w*|bigot\w*|nazis?|"
    r"islamophob\w*|homophob\w*|transphob\w*)\b"
    r"|\b(?:(?:it's|it is|that's|that is|this is) not|it ain't|ain't|isn't|is not) (?:racism|racist|"
    r"anti-?semitism|bigotry|hate)(?: to say| if| when| because)\b"
    r"|\b(?:that's|thats|it's|its|that is|it is|this is)\s+(?:just\s+|simply\s+|basic\s+)?\w+,?\s+not\s+"
    r"(?:racism|racist|anti-?semitism|anti-?semitic|bigotry|bigoted)\b"
    r"|\bnot (?:racist|racism|anti-?semitic),?\s+(?:just|it's|its|it is|simply|only)\b"
    r"|\bnothing (?:racist|anti-?semitic|bigoted) about\b"
    r"|\b(?:every|all|most|the)\s+(?:\w+\s+){0,2}?(?:is|are)\s+(?:(?:just|all|simply)\s+)?(?:an?\s+)?"
    r"(?:[\w-]+\s+)?(?:bigots?|racists?|bigoted|racist)\b"
    r"|\b(?:anyone|anybody|whoever|those|people|everyone) (?:who|that) (?:says?|thinks?|claims?|believes?|"
    r"tells? you) otherwise\b"
    r"|\b(?:the|that|their|his|her|an?) (?:anti-?semit\w*|racism|racist|race|holocaust|islamophob\w*) card\b"
    r"|\b(?:not|isn't|is not|wasn't|was not|ain't)(?: just| even)?(?: an?)? (?:neo-?)?nazi (?:slogans?|terms?|myths?|"
    r"lies?|propaganda|imagery|memes?|codes?|symbols?)\b",
    re.IGNORECASE,
)
"""A counter-speech word used to assert, not to rebut: "call me antisemitic but the Jews run
the banks", "people call it a conspiracy theory, but ...", "not a myth: the Rothschilds ...",
"it's not antisemitic to say ...", and a denial someone is said to pretend ("tired of
pretending Jews don't run the banks"), and the mockery of a complaint ("quick, scream
antisemitism before anyone reads the donor list", "playing the antisemitism card", "out comes
the antisemitism card", "Jews crying about antisemitism again"); session 13, from the hateful
training comments the guard read as counter-speech: the grievance of "being called racist", "it's
not racism if it's true", a group called bigots ("every Christian is a bigot"), and "anyone who
says otherwise is lying", whose judgement falls on the other view. The span is
removed before any cue is looked for;
the rules still search the whole sentence."""
HEDGE_HINTS = ("call", "label", "not ", "no ", "n't ", "pretend", "scream", "cry ", "cries", "crying", "yell",
               "shout", "card", "whin", "moan", "bleat", "complain", "racis", "bigot", "hate", "otherwise")
"""Every HEDGE match holds one of these (lowercased): the cheap test before the search."""

REPORTED = LazyPattern(
    r"\b(?:(?:you|he|she|they|someone|somebody|whoever|anyone|anybody|people|poster|commenter|"
    r"op|guy|uncle|aunt|dad|mother|father|friend|nobody|no one|man|woman|person|crowd|comment|"
    r"post|tweet|message|men|women|many|some|critics|others|folks|theory|theories|myth|narrative|"
    r"manifesto|conspiracy)(?:'d|'ve|'ll|'re)?(?: [\w']+){0,3}? "
    r"(?:wrote|write|writes|said|say|says|claim|claims|claimed|post|posts|posted|think|thinks|goes|holds|"
    r"believe|believes|tweeted|call|calls|called|insist|insists|imply|implies|implied|suggest|"
    r"suggests|suggested|spread|spreads|repeat|repeats|keep saying|keeps saying|want|wants|"
    r"wanted|wish|wishes|threaten|threatens|threatened|shouted|shouts|yelled|yells|chanted|"
    r"chants|screamed|asked|wondered)"
    r"|(?:saying|claiming|posting|calling|blaming|writing|suggesting|implying|spreading|"
    r"repeating|pushing|wanting|wishing|threatening|joking|advocating|cheering|telling)"
    r"|(?:read|hear|see) (?:that|comments?|people|someone)"
    r"|the (?:term|word|phrase|acronym|abbreviation|symbol|meme|slogan|cartoon))\b",
    re.IGNORECASE,
)
"""Someone else's claim being reported: "you wrote that ...", "he said ...", "people who call
X Y", "the theory claims / goes ...", "saying X ...", "read that ...", "someone asked what ZOG means", and a term being
defined ("the term ...", "the symbol ..."). On its own it proves nothing ("they say Jews ... and
they are right"); with a judgement (JUDGED_HERE in the sentence, JUDGED_NEAR next to it) the
sentence is counter-speech."""
REPORT_HINTS = ("you", "he ", "she", "they", "someone", "somebody", "whoever", "anyone", "anybody",
                "people", "the term", "the word", "the phrase", "the acronym", "the abbreviation", "the symbol",
                "the meme", "the slogan", "the cartoon",
                "poster", "commenter", "op ", "guy", "uncle", "aunt", "dad", "mother", "father",
                "friend", "nobody", "no one", "man", "person", "crowd", "comment", "post", "tweet",
                "message", "saying", "claiming", "posting", "calling", "blaming", "writing",
                "suggesting", "implying", "spreading", "repeating", "pushing", "wanting", "wishing",
                "threatening", "joking", "advocating", "cheering", "telling", "read ", "hear ", "see ",
                "men", "many", "some", "critic", "other", "folk", "theor", "myth", "narrative", "manifesto",
                "conspiracy")
"""Every REPORTED match holds one of these (lowercased): the cheap test before the search."""
JUDGEMENT_WORDS = (
    r"lies?|lying|liars?|myths?|tropes?|canards?|propaganda|smears?|slander\w*|libel|conspirac\w+|ashamed|"
    r"shame|shameful|disgrace\w*|banned|ban(?! me\b)(?! (?:them|all of them|these people|those people|"
    r"every \w+)(?: all)? from\b)|report\w*(?! me\b)|delet\w+|removed?|"
    r"the problem is you|"
    r"(?:you|you're|you are) the problem|vile|ignorant|bigot\w*|anti-?semit\w*|"
    r"racis[mt]\w*|hateful|hate speech|nonsense|rubbish|bullshit|false|untrue|hurts?|hurtful|"
    r"sad|sickening|disgusted|appall\w*|horrified|outrag\w*|consequences|misguided|shocking|"
    r"(?:has|have|needs?|must) to stop|lost (?:all )?respect|no place|"
    r"(?:that|this|the|your|their|his|her) (?:argument|claim|idea|view|statement|comment|take|logic) "
    r"(?:is|was) (?:just |simply |plainly |dead )?wrong|"
    r"(?:you're|you are|you sound like) (?:such |so |just )?(?:an? )?(?:\w+ )?(?:idiot|moron|"
    r"disgrace|joke|embarrassment|monster|horrible|disgusting|terrible|vile|sick|awful)\w*|"
    r"belongs? in (?:prison|jail)|(?:is|it's) (?:incitement|a crime|illegal)|get help|seek help|"
    r"grow up|read a book|educate yourself|arrest\w*|charged|convicted|jailed|prosecuted|"
    r"(?:pleaded|pled|pleads|found) guilty|fined|"
    r"sentenced|(?:was|were|got|has been|have been) (?:fired|sacked|suspended|dismissed|expelled|kicked out|"
    r"disciplined|let go)|(?:nobody|no one) (?:should|has the right|gets to)|"
    r"(?:they|he|she|you|both|all) (?:was|were|are|is) (?:so |dead |completely |totally |simply |plain )?wrong"
)
"""Words that judge a reported claim, or its writer ("... you're a disgrace", "they were
wrong": only with a pronoun, "Jews are wrong" is a claim). Left out: the
words a hateful claim is itself made of ("disgusting", "garbage", "sick", "the problem"): in
"you wrote that Jews are disgusting" the word belongs to the claim, not to a judgement of it.
"Ban" judges a writer ("ban him"), not in a call to shut a group out ("ban them all from
flying here"). Losing a job judges the one who said it only as something that happened
("was fired", "got suspended"), not as a wish ("should be fired")."""
JUDGED_HERE = LazyPattern(rf"\b(?:{JUDGEMENT_WORDS})\b", re.IGNORECASE)
JUDGED_NEAR = LazyPattern(
    rf"\b(?:{JUDGEMENT_WORDS}|disgusting|garbage|trash|gross|horrible|awful|pathetic|sick|"
    r"stupid|idiotic|wrong|dangerous|"
    r"no,? (?:they|he|she|it|we|you)? ?(?:don't|do not|doesn't|does not|didn't|did not|aren't|are not|isn't|"
    r"is not|weren't|were not|wasn't|was not))\b",
    re.IGNORECASE,
)
ENDORSED = LazyPattern(
    r"\b(?:(?:is|was|are|were|'s|'re) (?:so |absolutely |totally |completely |100% )?right|"
    r"exactly right|spot on|(?:it's|that's|is|was) (?:so |absolutely |just )?(?:true|correct|a fact)|"
    r"the truth|facts|well said|(?:i|we) agree|based)\b",
    re.IGNORECASE,
)
"""Agreement with a reported claim ("He said Jews run the banks and got banned for telling
the truth"): next to a report it outweighs any judgement word, so the report is no
counter-speech. Cues (COUNTER_SPEECH) are not overridden: "that's not true" stays a cue."""
ENDORSE_HINTS = ("right", "spot on", "true", "correct", "fact", "truth", "well said", "agree",
                 "based")
"""Every ENDORSED match holds one of these (lowercased): the cheap test before the search."""
"""Judgement in the sentence before or after the report ("You wrote that Jews are parasites.
That is disgusting."): there it can only be about the claim or its writer."""

SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?!" + r"[Ii](?:'d| would| will|'ll) (?:gladly |happily )?volunteer"
                            r"|[Ss]ign me up|[Ww]here do [Ii] sign up)|\n+")
"""Sentence ends, except before a short offer to do what the sentence before wished
("Someone should teach this hack a lesson. I'd volunteer."): the offer is read with the
wish it answers (threat_volunteered)."""
SINGLE_QUOTED_WORD = r"(?:[^'\u2019\s]|(?<=\w)['\u2019](?=\w))+"
"""One word inside single quotes; an apostrophe between letters ("don't") stays inside."""
QUOTED = compile_guarded(
    r"\"[^\"\n]{3,300}\"|\u201c[^\u201d\n]{3,300}\u201d"
    rf"|(?<![\w'\u2019])['\u2018](?=\w\w){SINGLE_QUOTED_WORD}(?:[ ]{SINGLE_QUOTED_WORD}){{2,40}}"
    r"(?<=[\w.!?,])['\u2019](?!\w)"
)
"""A quoted span: in 'Statements like "X are scum" are hurtful' hate is mentioned, not asserted.
Single quotes count from three words up ('Jews killed Jesus'): one or two words in single
quotes are usually scare quotes, which haters use too (the 'Holocaust', 'great replacement')."""

QUOTE_CHARS = frozenset("'\"\u2018\u2019\u201c\u201d")
UNQUOTED_CHAR = r"[^.!?\n'\"\u2018\u2019\u201c\u201d]|(?<=\w)['\u2019](?=\w)"
"""A character of a sentence outside quotes: an apostrophe between letters ("doesn't") is one."""
QUOTED_TERM = r"['\u2018\"\u201c][^'\u2019\"\u201d\n]{1,30}['\u2019\"\u201d]"
TERM_MENTION = compile_guarded(
    r"(?:\bcall(?:ed|ing|s)?\s+(?:me|her|him|us|them|you"
    r"|(?:my|our|his|her|their|the|a|that|this|those|these|every|some|any)\s+\w+(?:\s+\w+)?)\s+(?:an?\s+)?"
    r"|\b(?:using|saying|writing|typing|posting|added|adding|wrote|typed|posted)\s+"
    r"|\b(?:got|get|gets|getting|being|been|was|were)\s+called\s+(?:an?\s+)?"
    r"|\b(?:the|a)\s+(?:word|slur|term|epithet|insult)\s+|\b(?:words|slurs|terms|names|insults)\s+like\s+"
    r"|\b(?:not|instead\s+of|rather\s+than)\s+)"
    + QUOTED_TERM + r"|" + QUOTED_TERM + r"(?:\s*,\s*(?:and\s+|or\s+)?" + QUOTED_TERM + r")+"
    + r"|" + QUOTED_TERM + r"(?=[^.!?\n]{0,40}?\b(?:is|was|remains)\s+(?:still\s+)?(?:an?|the)\s+"
    r"(?:slur|racial slur|word|epithet|insult)\b)"
    + r"|" + QUOTED_TERM + rf"(?=(?:{UNQUOTED_CHAR}){{0,80}}?\b(?:slurs?|filters?|asterisks?)\b)"
    + rf"|\b(?:slurs?|spell(?:s|ed|ing)?|spelt)\b(?:{UNQUOTED_CHAR}){{0,60}}?" + QUOTED_TERM
    + r"|\bthe\s+[\w*#%@$!]+\s+(?:comments?|posts?|repl(?:y|ies)|remarks?|tweets?|one\s+(?:above|below|earlier))\b",
    re.IGNORECASE,
)
"""A word in quotes that is named, not used: "called my mother a 'ch*nk'", "got called a
'p*ki'", "called the Fed chair a 'k*ke'", "using 'ch1nk'", "added 'ching chong'", "the word
'k*ke'", "slurs like 'f*ggot'", "'sp#cs' is still the slur", or a list of
quoted words ("'invaders', 'k*kes', 'towelheads'"). People who report abuse or explain a slur quote it; without
quotes "called him a k*ke" is left to the lexicon, as it can be a boast as well as a report,
and so is a sentence that agrees with what it quotes ("they called him a 'k*ke' and I agree").
Session 14 (from the rebuttals of blind sets 24-26 that fired the slur lexicon): "calling that lad
a 'r*tard'"; a quoted word in a sentence about slurs, filters or asterisks, or about how a word is
spelt ("putting an @ in 'tr@nnies' doesn't make it not a slur", "spelling it 'n1gg@'"); a quoted
word corrected ("the word is Roma, not 'gypp*'", "instead of 'X'"); and,
without quotes, a word naming a comment ("the ch1nk one above", "replying to the n1gg@ comment")."""
MENTION_NOUNS = ("comment", "post", "repl", "remark", "tweet", "one above", "one below", "one earlier")
"""What "the <word> comment" can name without quotes ("the ch1nk one above"): TERM_MENTION's last
branch, searched only in a text holding one of these."""
CALLED_AS_VICTIM = compile_guarded(
    r"\b(?:(?:got|get|gets|getting|being|been|was|were)\s+called|call(?:ed|ing|s)?\s+(?:me|us))\s+"
    r"(?:an?\s+)?[\w*#%@$!]+(?:-[\w*#%@$!]+)?",
    re.IGNORECASE,
)
"""The word after "was called a" / "got called" / "calling me a": in "my grandfather was called
a k*ke at school" or "three DMs calling me a k*ke" the slur is what someone else said to the
writer or their people, reported without quotes. The active
"called him a k*ke" stays with the lexicon (a boast as often as a report), and so does a sentence
that agrees with the name ("he was called a k*ke and I agree")."""


@dataclass(frozen=True)
class CuePatterns:
    """The patterns the counter-speech reading searches, for one form of the text."""

    counter: re.Pattern[str] | LazyPattern
    hedge: re.Pattern[str] | LazyPattern
    reported: re.Pattern[str] | LazyPattern
    judged_here: re.Pattern[str] | LazyPattern
    judged_near: re.Pattern[str] | LazyPattern
    endorsed: re.Pattern[str] | LazyPattern
    named_code: re.Pattern[str] | LazyPattern


ORIGINAL_CUES = CuePatterns(COUNTER_SPEECH, HEDGE, REPORTED, JUDGED_HERE, JUDGED_NEAR, ENDORSED,
                            NAMED_CODE)
"""The patterns as written, for the text as it came: compiled the first time a text that
cannot be lowercased safely (:func:`precheck_text`) is read, which most runs never see."""


def _twin(pattern: re.Pattern[str] | LazyPattern) -> re.Pattern[str]:
    twin = lowercase_twin(pattern)
    if twin is None:
        raise ValueError(f"no lowercase twin for {pattern.pattern[:40]!r}: keep cue literals lowercase")
    return twin


LOWERCASE_CUES = CuePatterns(*map(_twin, (COUNTER_SPEECH, HEDGE, REPORTED, JUDGED_HERE,
                                          JUDGED_NEAR, ENDORSED, NAMED_CODE)))
"""The same patterns without ``re.IGNORECASE``, for the text lowercased once: with the flag
``re`` cannot skip an alternative on its first character, and these long alternations were
most of a comment's rule time (0.13 ms of COUNTER_SPEECH alone on 700 characters, 0.03
without). Same spans wherever :func:`precheck_text` gives a lowercase text (see regex_guard)."""

FOLD_CUES = True
"""Search lowercased texts with LOWERCASE_CUES; False searches every text as written, the
definition the tests compare the fast path with."""


def cue_view(text: str) -> tuple[str, CuePatterns]:
    """The form of ``text`` the counter-speech reading searches, and the patterns for it."""
    lowered = precheck_text(text) if FOLD_CUES else None
    return (text, ORIGINAL_CUES) if lowered is None else (lowered, LOWERCASE_CUES)


def split_sentences(text: str) -> list[str]:
    """Split on sentence ends and line breaks: the unit for the counter-speech guard."""
    return [s for s in SENTENCE_SPLIT.split(text) if s.strip()]


def _lowered(text: str, cues: CuePatterns) -> str:
    """``text.lower()``; a text searched with LOWERCASE_CUES is lowercase already, and
    ``str.lower`` changes nothing in a lowercased text (tests/test_comment_speed.py)."""
    return text if cues is LOWERCASE_CUES else text.lower()


def strip_hedges(text: str, cues: CuePatterns = ORIGINAL_CUES) -> str:
    """Remove the counter-speech words a hater hedges with (see HEDGE).

    >>> strip_hedges("Call me antisemitic but the Jews run the banks.")
    '  but the Jews run the banks.'
    """
    lowered = _lowered(text, cues)
    if not (may_match(cues.hedge, text) and any(map(lowered.__contains__, HEDGE_HINTS))):
        return text
    return cues.hedge.sub(" ", text)


def reports_claim(text: str, cues: CuePatterns = ORIGINAL_CUES) -> bool:
    """True when the text reports what someone else wrote, said or thinks (see REPORTED)."""
    lowered = _lowered(text, cues)
    return (may_match(cues.reported, text) and any(map(lowered.__contains__, REPORT_HINTS))
            and cues.reported.search(text) is not None)


def endorses(text: str, cues: CuePatterns = ORIGINAL_CUES) -> bool:
    """True when the text agrees with something (see ENDORSED)."""
    lowered = _lowered(text, cues)
    return (may_match(cues.endorsed, text) and any(map(lowered.__contains__, ENDORSE_HINTS))
            and cues.endorsed.search(text) is not None)


def has_cue(text: str, cues: CuePatterns = ORIGINAL_CUES) -> bool:
    """True when the text holds a counter-speech cue (COUNTER_SPEECH or NAMED_CODE)."""
    if may_match(cues.counter, text) and cues.counter.search(text) is not None:
        return True
    lowered = _lowered(text, cues)
    return (may_match(cues.named_code, text) and any(map(lowered.__contains__, NAMED_CODE_HINTS))
            and cues.named_code.search(text) is not None)


def counter_flags(sentences: Sequence[str], cues: CuePatterns = ORIGINAL_CUES) -> list[bool]:
    """Which sentences rebut, report or deny a claim rather than assert it.

    A sentence is counter-speech when it holds a cue (COUNTER_SPEECH, NAMED_CODE), or when it reports
    someone's claim (REPORTED) and the claim is judged in it or in the sentence before or
    after (a judgement word, a flat "no, they don't", or a cue of its own: "The term ZOG
    means .... It's a neo-Nazi term."), and none of them agrees with it (ENDORSED). Hedges
    are removed first.

    >>> counter_flags(["He said the Jews run Hollywood.", "That's textbook antisemitism."])
    [True, True]
    >>> counter_flags(["He said the Jews run Hollywood.", "He is right."])
    [False, False]
    """
    texts = [strip_hedges(s, cues) for s in sentences]
    cued = [has_cue(t, cues) for t in texts]
    flags = list(cued)
    for i, text in enumerate(texts):
        if flags[i] or not reports_claim(text, cues):
            continue
        near = [n for n in (i - 1, i + 1) if 0 <= n < len(texts)]
        neighbours = [texts[n] for n in near]
        flags[i] = ((cues.judged_here.search(text) is not None
                     or any(cued[n] for n in near)
                     or any(cues.judged_near.search(n) is not None for n in neighbours))
                    and not any(endorses(t, cues) for t in [text, *neighbours]))
    return flags


def is_counter_speech(sentence: str) -> bool:
    """True when the sentence, read on its own, rebuts, reports or denies a claim."""
    view, cues = cue_view(sentence)
    return counter_flags([view], cues)[0]


def blank_quotes(text: str) -> str:
    """Replace quoted spans by a neutral word, so guarded rules skip quoted hate.

    >>> blank_quotes('If you say "Jews are vermin", you are a bigot.')
    'If you say quoted, you are a bigot.'
    """
    return QUOTED.sub("quoted", text)


def has_counter_speech(text: str) -> bool:
    """True when any sentence rebuts a claim (see :func:`counter_flags`) or the text quotes.

    Whole-text searches first: no cue, hedge or report can hold a line break or a
    sentence end, so a cue found in the whole text is a cue of one sentence; the
    sentences are only looked at one by one when a report needs its neighbours.
    """
    if quotes_in(text):
        return True
    cue, report = whole_text_cues(text)
    if cue:
        return True
    if not report:
        return False
    view, cues = cue_view(text)
    return any(counter_flags(split_sentences(view), cues))


@lru_cache(maxsize=4096)
def quotes_in(text: str) -> bool:
    """True when ``text`` holds a quoted span (QUOTED). Asked by :func:`has_counter_speech`
    and :func:`fire_rules` for every comment.

    A sentence of :func:`split_sentences` holds one only if the whole text does: a
    sentence is bounded by whitespace or the text's ends, and what QUOTED looks at
    around a span (no word character, no apostrophe) is the same there.
    """
    return QUOTED.search(text) is not None


@lru_cache(maxsize=4096)
def whole_text_cues(text: str) -> tuple[bool, bool]:
    """(a counter-speech cue, a reported claim) anywhere in ``text`` with its hedges removed.

    Asked by both :func:`has_counter_speech` and :func:`fire_rules` for every comment;
    the two searches were a third of a long comment's scoring time.
    """
    view, cues = cue_view(text)
    stripped = strip_hedges(view, cues)
    return has_cue(stripped, cues), reports_claim(stripped, cues)


CONTRASTS = (" but ", " yet ")
"""Where a hedged sentence turns from its counter-speech word to its claim."""


def unguarded_tail(sentence: str) -> str | None:
    """The clause after the last "but" (or "yet") of a counter-speech sentence, when it has no cue.

    "They say it's a myth, but Zionists own every newspaper": the judgement is about
    what comes before "but"; the claim after it is asserted.

    >>> unguarded_tail("People say it is a lie, but Jews run the banks.")
    ' Jews run the banks.'
    >>> unguarded_tail("They call it a myth, yet Jews run the banks.")
    ' Jews run the banks.'
    >>> unguarded_tail("Jews are fine, but saying they run the banks is a lie.") is None
    True
    """
    lowered = sentence.lower()
    cut, word = max((lowered.rfind(c), c) for c in CONTRASTS)
    if cut < 0:
        return None
    tail = sentence[cut + len(word) - 1 :]
    return None if is_counter_speech(tail) else tail


def rebuts(text: str) -> bool:
    """:func:`has_counter_speech`, except when every sentence that reads as counter-speech goes
    on to assert after a "but" or "yet" (:func:`unguarded_tail`): "They call it a conspiracy
    theory, but ..." hedges; it does not rebut. A text that only quotes still rebuts.

    >>> rebuts("The claim that Jews run the banks is a myth.")
    True
    >>> rebuts("People call it a conspiracy theory, but Jews run the banks.")
    False
    >>> rebuts("Jews are fine, but saying they run the banks is a lie.")
    True
    """
    if not has_counter_speech(text):
        return False
    lowered = text.lower()
    if not any(c in lowered for c in CONTRASTS):
        return True
    view, cues = cue_view(text)
    sentences = split_sentences(view)
    flags = counter_flags(sentences, cues)
    if not any(flags):
        return True
    return any(flag and unguarded_tail(sentence) is None for sentence, flag in zip(sentences, flags, strict=True))


def asserted_text(text: str) -> str:
    """What a rebutting text asserts on its own: its sentences that do not read as counter-speech,
    the clause after the last "but" of those that do when it has no cue (:func:`unguarded_tail`),
    quoted spans blanked (:func:`blank_quotes`). Empty when every sentence rebuts.

    >>> asserted_text("The claim that Jews run the banks is a myth. They are people like us.")
    'They are people like us.'
    >>> asserted_text("Spare me the 'not all of them' line. They are vermin.")
    'Spare me the quoted line. They are vermin.'
    """
    sentences = split_sentences(text)
    flags = sentence_counter_flags(text, sentences)
    kept = []
    for sentence, flag in zip(sentences, flags, strict=True):
        if not flag:
            kept.append(sentence)
        elif (tail := unguarded_tail(sentence)) is not None:
            kept.append(tail.strip())
    return blank_quotes(" ".join(kept))


def precheck_text(text: str) -> str | None:
    """The lowercased text the ``needs`` words are looked up in, or None to skip that check.

    None for a text holding one of regex_guard's FOLDS_TO_ASCII (İ ı ſ K: ``re.IGNORECASE``
    matches them to an ASCII letter, ``str.lower`` does not): the pre-check and the lowercase
    twins are skipped there, so they never hide a match.

    >>> precheck_text("Jews are ſcum.") is None, precheck_text("JEWS")
    (True, 'jews')
    """
    return text.lower() if can_fold(text) else None


def sentence_counter_flags(text: str, sentences: list[str]) -> list[bool]:
    """:func:`counter_flags`, skipped (all False) when the whole text has no cue or report."""
    if not any(whole_text_cues(text)):
        return [False] * len(sentences)
    view, cues = cue_view(text)
    if cues is ORIGINAL_CUES:
        return counter_flags(sentences, cues)
    # The sentences of the lowercased text are the lowercased sentences: the split is on
    # whitespace and sentence ends, which lowercasing never changes.
    return counter_flags(split_sentences(view), cues)
