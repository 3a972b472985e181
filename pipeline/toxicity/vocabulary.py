"""What the toxicity rules are built from: the weights they give and the regex fragments
they share (group names, the vocabulary of antisemitic tropes, negation, nearness).

Written from the groups and tropes hate speech is known to use, not fitted to a data set;
:mod:`pipeline.toxicity.rules` composes them into rules.
"""

from __future__ import annotations

from pipeline.regex_guard import alternation, word_start

WEIGHT_SEVERE = 0.95
"""Slurs, antisemitic constructions, threats: above any sensible threshold on their own."""
WEIGHT_INSULT = 0.8
"""Second-person insults: flagged at the operating threshold; a caller at 0.85+ lets them pass."""
WEIGHT_PROFANITY = 0.3
"""Swearing alone is not toxic enough to remove a comment (HateCheck profanity_nh)."""
WEIGHT_CODED = 0.75
"""Coded antisemitism that hints rather than names ("same last names", "paid in shekels"):
flagged at the operating threshold (0.66), but below the insult weight, so a caller at
0.8+ lets the hints through and keeps the named tropes. Not tuned on any data set."""

JEWISH = r"(?:jews?|jewish|jewry|zionists?|zio|kikes?)"
"""Words antisemitic constructions attach to; the trope rules need one of them nearby."""
JEWISH_MARKS = (rf"(?:menorahs?|hanukkah|chanukah|synagogues?|kippahs?|yarmulkes?|tribe|rabbis?|"
                rf"kosher|shekels?|{JEWISH})")
"""Words that put a coded word ("globalists") in a Jewish frame: the group, its rites, 'the tribe'."""
POWER = (r"(?:banks?|bankers?|banking|the fed|federal reserve|media|networks?|newspapers?|press|news|"
         r"hollywood|studios?|owners?|ceos?|boards?|executives?|oligarchs?|billionaires?|financiers?|"
         r"donors?|porn\w*|cabinet|regime|government)")
"""Where the 'same last names' hint points: money, media, government."""
SURNAME = r"(?:\w+ ){0,2}?(?:last name|surname)s?"
SURNAMES = r"(?:\w+ ){0,2}?(?:last names|surnames)"
"""'the same (kind of) last name(s)'; SURNAMES only the plural, which points at a group."""
CHILDREN = r"(?:christian|gentile|goyim|goy|non-jewish) (?:children|kids|babies|boys|girls|infants)"
BLOOD = r"(?:blood|sacrific\w*|ritual\w*)"
HARM = (r"(?:blood|sacrific\w*|kidnapp?\w*|abduct\w*|missing|disappear\w*|vanish\w*|ritual\w*|"
        r"murder\w*|slaughter\w*)")
JEWISH_RITUAL = rf"(?:passover|matzo\w*|matza\w*|purim|rabbis?|synagogues?|{JEWISH})"
FEAST = r"(?:passover|matzo\w*|matza\w*|purim)"
GENTILE_BLOOD = r"(?:christian|gentile|goyim|goy|non-jewish) blood(?! (?:drives?|donat\w*|banks?|donors?|tests?))"
"""The parts of the blood libel, in any order within one sentence: Christian children, their
blood (or a sacrifice, a ritual) and Jews or a Jewish rite; or their disappearance or murder
and a Jewish feast. A child missing near a synagogue is news, not the libel."""
HITLER_PRAISE = (r"(?:was right|(?:was|were) (?:on|onto) (?:to )?something|(?:wasn't|was not) "
                 r"(?:so |that |all that |entirely |completely |totally |even )?wrong|"
                 r"had (?:the right idea|a point|some good ideas|good ideas)|"
                 r"did nothing wrong|should (?:have|'ve) finished|(?:didn't|did not|never got to|couldn't|"
                 r"could not) (?:get to )?finish)")
"""What hitler_praise reads as approval of Hitler ("was right", "wasn't so wrong", "had a point")."""
GAP = r"[^.!?\n]{0,80}?"
"""Up to 80 characters of the same sentence: the parts of a trope told at length."""
WORSHIP = r"(?:mosques?|synagogues?|churche?s?|temples?|gurdwaras?|shuls?)"
NOT_LONG = (r"\b(?:won't|will not|wouldn't|isn't going to|is not going to) (?:be )?(?:standing|stand|last) "
            r"(?:long|for long|a week|a month)\b")
"""A place of worship, and what a threat says will become of it ("won't be standing long")."""
GROUP_ADJECTIVES = (
    "jewish", "muslim", "black", "white", "gay", "trans", "transgender", "disabled", "autistic",
    "mentally ill", "asian", "chinese", "indian", "mexican", "arab", "african", "immigrant", "foreign",
    "brown", "roma", "romani", "gypsy", "somali", "afghan", "syrian", "turkish", "hispanic", "latino",
    "palestinian", "israeli", "romanian", "nigerian", "pakistani", "indigenous", "native", "deaf",
    "blind", "handicapped",
)
GROUP_NOUNS = (
    "jews", "muslims", "moslems", "blacks", "whites", "immigrants", "migrants", "refugees", "women",
    "females", "gays", "lesbians", "bisexuals", "homosexuals", "queers", "transgenders", "arabs",
    "mexicans", "latinos", "asians", "chinese", "indians", "pakistanis", "africans", "christians",
    "catholics", "hindus", "sikhs", "zionists", "gypsies", "roma", "foreigners", "somalis",
    "nigerians", "afghans", "syrians", "turks", "albanians", "romanians", "kurds", "palestinians",
    "israelis", "hispanics", "aborigines", "aboriginals", "atheists", "mormons", "transsexuals",
    "asylum seekers", "the disabled", "the handicapped", "cripples", "feminists", "these people",
    "those people", "their kind", "your kind", "you people",
)
GROUPS = f"(?:{alternation(GROUP_ADJECTIVES)} (?:people|men|women|folks)|{alternation(GROUP_NOUNS)})"
"""Plural group nouns (and "these people", "their kind") for the generic dehumanisation and
violence rules; written from the groups hate speech usually targets, not fitted to a data set.
Built as a prefix tree (:func:`alternation`): it is searched at every word of every comment.
Round nine added nationalities that European comment sections target (Somalis, Afghans,
Turks, Romanians ...), Roma and disabled people under more names, atheists and Mormons."""
GROUP_WORDS = (
    "jewish", "muslim", "black", "white", "gay", "trans", "disabled", "autistic", "mentally ill",
    "asian", "chinese", "indian", "mexican", "arab", "african", "immigrant", "foreign", "brown",
    "jews", "moslems", "migrants", "refugees", "women", "females", "lesbians", "bisexuals",
    "homosexuals", "queers", "latino", "pakistani", "christians", "catholics", "hindus", "sikhs",
    "zionists", "gypsies", "gypsy", "roma", "feminists", "these people", "those people", "their kind",
    "your kind", "you people", "somali", "afghan", "syrian", "turk", "hispanic", "palestinian",
    "israeli", "nigerian", "indigenous", "native", "deaf", "blind", "handicapped", "albanian",
    "kurd", "aborigin", "atheist", "mormon", "cripple", "asylum seeker",
)
"""Every match of GROUPS contains one of these (an adjective of the first line, or a
plural noun holding one of them, or one of the rest): the pre-check of the rules
built on GROUPS. Add a word here when GROUPS gets one."""
IMMIGRATION = (r"(?:immigrants|migrants|refugees|foreigners|asylum seekers|"
               r"(?:foreign|immigrant) (?:people|men|women|folks))")
"""The groups of GROUPS named by a legal status: whether they may vote or stay is policy
talk ("foreigners should not be allowed to vote" is the law in most countries), so the
exclusion rule only counts them with "all" ("all migrants should be deported")."""
EXCLUSION = (r"(?:deported|expelled|kicked out|thrown out|sent back|rounded up|locked up|interned|"
             r"put in camps|segregated|castrated|sterili[sz]ed|banned from \w+|barred from \w+|"
             r"stripped of (?:their )?(?:citizenship|rights|right to vote|vote))\b")
"""What an exclusion call wants done to a group, in the passive: 'should be deported'."""
GROUP_SINGULAR_WORDS = ("jew", "muslim", "moslem", "immigrant", "migrant", "refugee", "woman", "arab",
                        "mexican", "christian", "zionist", "foreigner", "gay", "lesbian", "black",
                        "asian", "african", "indian", "pakistani", "gypsy", "hindu", "sikh")
GROUP_SINGULAR = "(?:" + "|".join(GROUP_SINGULAR_WORDS) + ")"
"""One member of a group, for "kill every Jew": the singular nouns of GROUPS."""
ANY_GROUP_WORDS = (*GROUP_WORDS, *GROUP_SINGULAR_WORDS, "the only good ", "herder", "shagger",
                   "humper", "fucker", "f*cker", "botherer")
"""The pre-check of the rules that name a group in the plural or one member of it ("the only
good ...", or a label standing for a group: "goat herders"); a superset only lets more
texts through to the pattern."""
GROUP_ADJECTIVE = alternation(GROUP_ADJECTIVES)
"""One of GROUP_ADJECTIVES: "Muslim lives", "a gay guy"."""
MEMBER_NOUNS = ("person", "guy", "man", "woman", "girl", "boy", "kid", "child", "bloke", "dude", "lad", "family",
                "couple", "student", "neighbour", "neighbor", "freak", "bitch", "bastard", "lady", "teen",
                "teenager", "worker", "shopkeeper", "owner", "driver", "kids", "children", "boys", "girls",
                "guys", "families", "couples", "students", "neighbours", "neighbors", "freaks", "lads",
                "blokes", "dudes", "teens", "teenagers", "workers", "bitches", "bastards")
GROUP_MEMBER = f"(?:{GROUP_ADJECTIVE} {alternation(MEMBER_NOUNS)}|{GROUP_SINGULAR})"
"""One member of a group, or a few, as the object of a threat: "the next Jew", "a gay guy", "a
Roma family", "that Black kid", "those gay boys"."""


SUMMONS = ("let's", "lets", "let us", "time to")
CALLED_ON = ("someone", "somebody", "people", "everyone", "y'all", "you lot", "you guys", "anyone", "we all")
MODALS = (r"(?:really|gonna|going to|will|'ll|shall|want to|wanna|plan to|planning to|intend to|about to|fixing to|"
          r"gotta|have to|need to|finna|just|definitely|probably|totally|actually|happily|gladly|would|love to|"
          r"like to|go|swear(?: to god)?(?: i'll| i will| we'll| we will| i'm gonna| i am going to)?|"
          r"am gonna|'m gonna)")
INTENT = (rf"(?:{word_start(('i', 'we'))}(?:(?:'ll| will|'d| would| shall)\s+(?!not\b|never\b)"
          rf"|(?:'m| am|'re| are|'d| would|'ll| will)?\s+(?:{MODALS}\s+){{1,3}})"
          rf"|{word_start(CALLED_ON)}"
          r"\s+(?:should|needs? to|has to|have to|ought to|must|gotta|oughta)\s+(?:just\s+|really\s+|go\s+)?"
          rf"|{word_start(SUMMONS)}\s+(?:go\s+|just\s+|finally\s+)?"
          rf"|{word_start(('gonna', 'going to', 'finna', 'gotta'))}(?<!(?:he|it)'s going to)"
          r"(?<!(?:she|who)'s going to)(?<!they're going to)(?<!you're going to)(?<!(?:was|are) going to)"
          r"(?<!were going to)(?<!(?:he|it)'s gonna)(?<!(?:she|who)'s gonna)(?<!they're gonna)(?<!you're gonna)"
          r"(?<!(?:was|are) gonna)(?<!were gonna)\s+)")
"""The writer's own intent ("I'm going to", "we'll", "I swear I'll", "I'd happily"), a call on
others ("someone should", "somebody needs to") or a summons ("let's", "time to"): what makes a
violent verb a threat rather than a report ("he stabbed") or a story."""
VIOLENT_VERBS = (
    "kill", "murder", "stab", "shoot", "strangle", "lynch", "behead", "decapitate", "hang", "burn", "torch",
    "firebomb", "rape", "torture", "mutilate", "castrate", "maim", "gut", "stone", "drown", "gas", "execute",
    "slaughter", "butcher", "knife", "shank", "run over", "run down", "gun down", "mow down", "hunt down",
    "string up", "beat up", "bash", "batter", "curb stomp", "curb-stomp", "curbstomp", "stomp on",
    "slit the throat of", "slit the throats of", "set fire to")
HARD_VIOLENCE = ("(?:" + alternation(VIOLENT_VERBS) + "|"
                 r"put (?:a |some )?bullets? (?:in|into|through)|"
                 r"take (?:a|my|the|an) (?:\w+ )?(?:bat|knife|machete|hammer|crowbar|axe|blade) to|"
                 r"(?:beat|kick) the (?:shit|crap|hell|life) out of)")
"""Verbs of violence that need nothing more to be a threat when the writer means to do them to a
person ("stab", "curb stomp", "take a bat to"). "Beat", "kick", "push" and "break" only hurt with
a result or a body part (see threat_member)."""
RESULT_VERBS = ("beat", "kick", "punch", "stomp", "batter", "hit", "whip", "bash", "smash", "knock", "throw",
                "push", "drag", "hammer", "shove", "toss", "chuck")
"""Verbs that hurt a person only with a result: "beat ... to death", "push ... under a train"."""
BODY_VERBS = ("break", "snap", "smash", "cave", "kick", "bash", "cut", "slit", "crush", "stomp", "rip", "tear",
              "blow", "put a bullet through")
"""Verbs that hurt a person only through a body part: "break that Black kid's legs"."""
PARTICLE_VERBS = ("run", "mow", "gun", "hunt", "string", "cut", "shoot", "burn")
"""Verbs that take the person between them and their particle: "run those Muslims down"."""
SPORT_VIOLENCE = r"(?:kill|murder|slaughter|butcher|bash|batter|burn)"
"""The verbs of HARD_VIOLENCE that sports talk uses of a team: "we're going to murder the Mexicans
on Saturday". A group named with plain "the" after one of them is read as a team."""
GENERIC_GROUPS = ("these people", "those people", "their kind", "your kind", "you people")
NAMED_GROUPS = (f"(?:{GROUP_ADJECTIVE} (?:people|men|women|folks)|"
                f"{alternation([g for g in GROUP_NOUNS if g not in GENERIC_GROUPS])})")
"""GROUPS without the phrases that only point ("these people", "your kind"): "I can't stand these
people" is said of neighbours, fans and politicians as often as of a group."""
NEGATED = r"(?!(?:not|never|no|hardly|\w+n't)\b)"
"""Refuses "not" as one of the filler words: "Immigrants are not vermin" is no attack."""
NEAR = r"\W+(?:[\w'-]+\W+){0,4}?"
"""Up to four words in between: close enough to be one phrase, not one paragraph."""
NEAR_UNNEGATED = rf"\W+(?:{NEGATED}[\w'-]+\W+){{0,4}}?"
"""NEAR without a negation among the words in between: "Jews are not parasites" is no attack."""

HARMED = (r"(?:die|be (?:killed|hurt|harmed|murdered|attacked|abused|harassed|beaten|tortured|"
          r"treated like that|treated this way))")
"""What a denial of a threat says must not happen to a group: "no woman deserves to die"."""
MEMBER_OBJECT = (r"(?:(?:me|us)\s+)?(?:(?:a|an|the next|any|every|every last|some|that|this|one|each|the first|"
                 r"another|the|those|these|all (?:the |those |these |of (?:the |those |these )?)?)\s+)?"
                 rf"(?:\w+\s+)?{GROUP_MEMBER}")
"""Members of a group as an object, with any determiner: "the next Jew", "that Black kid"."""
GROUP_OBJECT = (r"(?:(?:all (?:of )?(?:the |those |these )?|every last one of (?:the |those |these )?|those|these|some|"
                rf"any|more)\s+)?{GROUPS}")
"""A whole group as an object, bare or with "all", "those", "these" (not plain "the": see SPORT_VIOLENCE)."""
NOUN_PHRASE_END = (r"(?=\s*(?:[^\w\s'\u2019-]|$)|\s+(?:i|we|who|that|tonight|tomorrow|today|this|next|with|in|on|at|"
                   r"from|out|and|if|when|whenever|like|for|as|before|after|because|to|dead|up|down|so|or|he|she|"
                   r"they|you|again|too|already|now|soon|right|till|until|lol|man|bro)\b)")
"""The object ends its noun phrase: punctuation, the end, or a word that cannot go on naming it
("a gay couple's wedding" and "the Muslim charity" go on)."""
GATHERING = (rf"(?:{WORSHIP}|(?:refugee|asylum|migrant|immigrant)s? (?:hostels?|hotels?|centres?|centers?|camps?|"
             r"shelters?)|pride (?:march|parade|event|festival|crowd)(?:es|s)?|gay (?:bars?|clubs?))")
"""Where a group lives, meets or prays: the targets of threat_gathering."""
