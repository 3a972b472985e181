"""The rule layer: patterns the project owns, kept as data.

Every rule names its category, the score it gives when it fires, why it exists,
and at least one text it must catch and one it must leave alone; the tests run
all of them. Rules see one sentence at a time, and the ones marked ``guarded``
stay silent in a sentence that reads as counter-speech ("the claim that ... is
an antisemitic myth"), because quoting a trope to rebut it is not hate.

The regex fragments the rules share are in :mod:`~pipeline.toxicity.vocabulary`, how a
sentence is read for counter-speech in :mod:`~pipeline.toxicity.counter_speech`, and the
term-table lookups of the two lexicon rules in :mod:`~pipeline.toxicity.lexicon`. This
module holds the rules and how they are fired.

>>> [hit.name for hit in fire_rules("Wake up, the Zionist banking cabals are behind it.")]
['group_conspiracy_noun']
>>> fire_rules("The claim that Jews control the banks is an antisemitic myth.")
[]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.regex_guard import LazyPattern, alternation, lowercase_twin, save_reads, word_start
from pipeline.toxicity import counter_speech
from pipeline.toxicity.counter_speech import (
    CALLED_AS_VICTIM,
    ENDORSED,
    MENTION_NOUNS,
    QUOTE_CHARS,
    TERM_MENTION,
    blank_quotes,
    is_counter_speech,
    precheck_text,
    quotes_in,
    sentence_counter_flags,
    split_sentences,
    unguarded_tail,
)
from pipeline.toxicity.lexicon import has_term, unmask_group_words
from pipeline.toxicity.prefilter import may_match, prefilter, words_in
from pipeline.toxicity.vocabulary import (
    ANY_GROUP_WORDS,
    BLOOD,
    BODY_VERBS,
    CHILDREN,
    EXCLUSION,
    FEAST,
    GAP,
    GATHERING,
    GENTILE_BLOOD,
    GROUP_ADJECTIVE,
    GROUP_MEMBER,
    GROUP_OBJECT,
    GROUP_SINGULAR,
    GROUPS,
    HARD_VIOLENCE,
    HARM,
    HITLER_PRAISE,
    IMMIGRATION,
    INTENT,
    JEWISH,
    JEWISH_MARKS,
    JEWISH_RITUAL,
    MEMBER_OBJECT,
    NAMED_GROUPS,
    NEAR,
    NEAR_UNNEGATED,
    NEGATED,
    NOT_LONG,
    NOUN_PHRASE_END,
    PARTICLE_VERBS,
    POWER,
    RESULT_VERBS,
    SPORT_VIOLENCE,
    SURNAME,
    SURNAMES,
    VIOLENT_VERBS,
    WEIGHT_CODED,
    WEIGHT_INSULT,
    WEIGHT_PROFANITY,
    WEIGHT_SEVERE,
    WORSHIP,
)


@dataclass(frozen=True)
class Rule:
    """One pattern with its category, weight, reason and labelled examples."""

    name: str
    category: str
    weight: float
    pattern: re.Pattern[str] | LazyPattern
    comment: str
    positives: tuple[str, ...]
    negatives: tuple[str, ...]
    guarded: bool = True
    needs: tuple[tuple[str, ...], ...] = ()
    """Pre-check, as data: every match of ``pattern`` contains, lowercased, one word of each
    group. A text lacking one is skipped without running the pattern; the regex searches
    were most of the scorer's time. Empty means always search. ``test_toxicity`` checks
    the claim on every example; widen a group when the pattern gets a new alternative."""


def _rx(pattern: str, flags: int = re.IGNORECASE) -> LazyPattern:
    return LazyPattern(pattern, flags)


PATTERN_RULES: tuple[Rule, ...] = (
    Rule(
        "group_conspiracy_noun", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\b{JEWISH}{NEAR_UNNEGATED}(?:cabals?|puppet ?masters?|world domination|global domination|"
            r"new world order|nwo|parasites?|vermin|banking elite)\b"
            rf"|\b(?:cabals?|puppet ?masters?|parasites?|vermin) of (?:the )?{JEWISH}\b"),
        "Jews/Zionists as a cabal, puppet masters, parasites: the core conspiracy trope.",
        ("What needs to be done is to take down the criminal Jew cabal in the UNSC.",
         "This alliance will slow down the Zionist banking cabals progress.",
         "The puppet masters of the Jews pull every string."),
        ("The idea of a Jewish cabal is an old antisemitic conspiracy theory.",
         "The Zionist regime of Israel was criticised at the UN.",
         "A cabal of generals seized power in the capital."),
        needs=(("jew", "zio", "kike"), ("cabal", "puppet", "domination", "new world order", "nwo",
                                        "parasite", "vermin", "banking elite")),
    ),
    Rule(
        "group_controls", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\b{JEWISH}(?:-owned|-controlled|{NEAR}(?:control|controls|controlled|run|runs|own|"
            r"owns|owned|rule|rules|dominate|dominates))\W+(?:\w+\W+){0,2}?(?:banks?|banking|"
            r"media|world|governments?|hollywood|money|finance|congress|press|everything|"
            r"america|the us|the west)\b"),
        "Jews as secretly controlling banks, media or governments.",
        ("Jews control the banks and the media.",
         "Everything you see is Jewish-owned media lies.",
         "Call me antisemitic but the Jews run the banks.",
         "People say it's a lie, but Jews control the media."),
        ("The claim that Jews control the banks is an antisemitic myth.",
         "Jews do not control the media, and saying so is bigotry.",
         "Jewish families celebrated Hanukkah together.",
         "He said the Jews run Hollywood. That's textbook antisemitism.",
         "Posting 'Zionists control the media' under every article doesn't make it true."),
        # Also the verb and the thing controlled: "jew" alone passed every comment of seed 003.
        needs=(("jew", "zio", "kike"), ("control", "run", "own", "rule", "dominate"),
               ("bank", "media", "world", "government", "hollywood", "money", "finance", "congress",
                "press", "everything", "america", "the us", "the west")),
    ),
    Rule(
        "goyim", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\bgoy(?:im|s)?\b(?:'s)?"),
        "Neutral Yiddish for gentiles, but in reader comments it is an antisemitic in-group word.",
        ("He believed all Goyim's are easier to enslave when they are Atheist.",
         "Oy vey, the goyim are noticing again.",
         "Oy vey, the goyim are noticing again, quick, scream antisemitism before anyone reads the donor list."),
        ("The goyim myth about Jewish power is antisemitic nonsense.", "Go to your room.",
         "Don't scream antisemitism at every critic of Israel."),
        needs=(("goy",),),
    ),
    Rule(
        "triple_parentheses", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\({3}\s*[^()]{1,60}?\s*\){3}"),
        "The (((echo))) marks a name as Jewish to target it.",
        ("Of course the article was written by (((Goldberg))).",),
        ("The function call f((x)) returned ((y)).",),
        needs=(("(((",),),
    ),
    Rule(
        "zog", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\bZOG\b|zionist[- ]occupied government|zionist occupation government"),
        "'Zionist Occupied Government': white-supremacist name for Western governments.",
        ("The ZOG in Washington will never let us speak.",
         "We live under a Zionist occupied government."),
        ("The Zionist movement was founded in the 19th century.",
         "ZOG is a neo-Nazi acronym for 'Zionist Occupied Government'; anyone using it tells you who they are."),
        needs=(("zog", "zionist"),),
    ),
    Rule(
        "rothschild_control", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\brothschilds?(?:-owned|-controlled|\W+(?:\w+\W+){0,4}?(?:control|controls|"
            r"controlled|own|owns|owned|run|runs|rule|rules|puppets?|pull(?:s|ing)? the strings|"
            r"print(?:s|ing)? the money|behind (?:every|all|the wars?)))"
            r"|(?:puppets? of|owned by|controlled by) (?:the )?rothschilds?\b"),
        "Rothschilds as the hidden owners of banks and wars.",
        ("The Rothschilds control every central bank on earth.",
         "Macron is just a puppet of the Rothschilds."),
        ("The Rothschild family founded banks in Frankfurt in the 18th century.",
         "The claim that the Rothschilds control the world is an antisemitic conspiracy theory."),
        needs=(("rothschild",),),
    ),
    Rule(
        "jew_labelling", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\bjew\s*\d\b|\bjew[\s-]*york\b|\bjew[\s-]?s[\s-]?a\b|\bjewnited\b|\bjewmerica\b|"
            r"\bjew (?:media|bankers?|banks|money|press|lies|lobby|controlled|owned|run|"
            r"politicians?|puppets?|pigs?|rats?|scum|filth)\b"),
        "'Jew' as a label for countries or institutions (UNSC 'Jew 3', 'Jew York', 'Jew media').",
        ("Take down the cabal in the UNSC Jew 3 of the US, UK & France.",
         "Turn off the Jew media for a week."),
        ("A Jew living in Paris spoke to reporters.", "New York has a large Jewish community."),
        needs=(("jew",),),
    ),
    Rule(
        "the_jew_name", "identity_attack", WEIGHT_SEVERE,
        re.compile(r"\b[Tt]he Jew [A-Z][a-z]+"),
        "'the Jew Karl Marx': tagging a person by religion as an accusation.",
        ("This came from the Jewish teachings of Marxism by the Jew Karl Marx.",),
        ("Karl Marx was born into a Jewish family in Trier.", "The Jew of Malta is a play."),
        needs=(("he jew ",),),
    ),
    Rule(
        "jewish_bolshevism", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\bjewish\W+(?:\w+\W+){0,2}?(?:marxism|bolshevism|communism)\b|"
            r"\bjudeo-?bolshev\w*"),
        "The 'Jewish Bolshevism' trope: communism as a Jewish plot.",
        ("When the Soviet Union was still under the Jewish teachings of Marxism, it was different.",
         "Judeo-Bolshevism destroyed Russia."),
        ("The Nazi myth of Jewish Bolshevism was antisemitic propaganda.",
         "Marxism was a major ideology of the 20th century."),
        needs=(("jewish", "judeo"),),
    ),
    Rule(
        "antisemitic_site", "identity_attack", WEIGHT_SEVERE,
        _rx(r"realjewnews|jewwatch|dailystormer|daily stormer|stormfront\.org|davidduke\.com|"
            r"jewworldorder|thezog"),
        "Links to known antisemitic sites are endorsement, whatever the surrounding words.",
        ("Read the truth here http://realjewnews.com/",),
        ("Read the news at http://www.reuters.com/",),
        needs=(("realjewnews", "jewwatch", "stormer", "stormfront.org", "davidduke.com",
                "jewworldorder", "thezog"),),
    ),
    Rule(
        "holocaust_denial", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\bholo-?hoax\b|\bholocaust\W+(?:\w+\W+){0,2}?(?:hoax|never happened|didn't happen|"
            r"did not happen|industry|lie|fairy ?tales?|swindle)\b|"
            r"\b(?:6|six) million (?:lie|myth|hoax)\b|\bso-called holocaust\b"
            r"|\b(?:biggest |greatest )?hoax of the (?:20th|twentieth) century\b"
            r"|\b(?:crematori(?:a|um|ums)|the ovens)(?:'s|')?\s+(?:\w+\s+){0,2}?capacity\b"
            r"(?=[^.!?\n]{0,80}?\b(?:million|holocaust|auschwitz|camps?|jews|add up|adds up|impossible)\b)"
            r"|\b(?:numbers|math|maths|arithmetic)\s+(?:on|of)\s+(?:the\s+)?(?:crematori(?:a|um|ums)|ovens)\b"
            r"|\b(?:6|six)[ -]?million\W+(?:\w+\W+){0,4}?(?:never|somehow never|still never|didn't|"
            r"did not|doesn't|does not) (?:changes?|changed|goes down|went down|go down|moves?|moved)\b"),
        "Holocaust denial: the 'hoax' (also as 'the hoax of the 20th century', the title of a "
        "denial classic), 'the so-called Holocaust', and the arithmetic of deniers ('the camp "
        "numbers were revised but six million never changes').",
        ("The holocaust never happened, wake up.", "Stop repeating the holohoax.",
         "The biggest hoax of the 20th century, and we still pay for it.",
         "The Auschwitz figure got revised down by millions, but the six million never changes.",
         "Another documentary about the so-called Holocaust.",
         "Just run the numbers on crematoria capacity and tell me six million adds up."),
        ("The Holocaust museum opened a new exhibition.",
         "Denying the Holocaust is antisemitic and false.",
         "Holocaust deniers call it a hoax; the Nazis' own records prove them wrong.",
         "Six million Jews were murdered; my grandmother's family were among them.",
         "The council says the crematorium capacity will double next year.",
         "The moon landing was the biggest hoax of all time, my uncle says.",
         "The comment said the Holocaust was the hoax of the 20th century, which is Holocaust "
         "denial and was deleted."),
        needs=(("holo", "million", "hoax of the", "capacity"),),
    ),
    Rule(
        "holocaust_mockery", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\b(?:6|six)[ -]?(?:million|mil|gorillion)\b\W{0,3}(?:lol|lmao|lmfao|rofl|kek|haha\w*|"
            r"yeah right|sure thing|my ass|allegedly|supposedly)\b"
            r"|\b(?:room|space|a place|a spot)\s+in\s+the\s+ovens?\s+for\s+(?:the rest of |all of |"
            r"more of |a few more of )?(?:them|you|those|these|him|her|the rest|your (?:kind|people|tribe|lot)|"
            r"jews|kikes|zionists)\b"
            r"|\broom\s+in\s+the\s+ovens\s*(?:[.!?]|$)"
            r"|\b(?:showers?|ovens?)\b[^.!?\n]{0,60}?\b(?:turn on|switch on|turn up|pump in|"
            r"release|drop in|pour in)\b[^.!?\n]{0,20}?\b(?:the )?(?:gas|zyklon)\b"
            r"|\bgas(?:sing)? (?:is|was|'s) (?:cheaper|faster|more efficient|quicker) than "
            r"(?:bullets|ammo|ammunition|rope)\b"
            r"|\b(?:time for|need|needs|bring out|bring on|fire up|turn on|get the)(?: some| the| a little)? "
            r"zyklon\b"),
        "Jokes about the murder of the Jews: '6 million lol', 'room in the ovens', 'send them to "
        "the showers and turn on the gas', 'gas is cheaper than bullets'. Kitchens, petrol prices "
        "and history (Zyklon B named as what it was) are left alone: room in an oven counts only "
        "for people ('for the rest of them') or, plural, with nothing after it.",
        ("6 million lol. Sure thing.", "Plenty of room in the ovens for the rest of them.",
         "Send them all to the showers and turn on the gas.", "Gas is cheaper than bullets.",
         "Six million, yeah right."),
        ("There is plenty of room in the oven for two trays of cookies.",
         "The bakery fires up the ovens at 4am, with room in the ovens for bread.",
         "Gas is cheaper this week, so fill up before Friday.",
         "The SS used Zyklon B in the gas chambers at Auschwitz.",
         "Six million Jews were murdered in the Holocaust.",
         "People who make oven jokes about the Holocaust are mocking murdered children.",
         "The coach sent him to the showers after the red card.",
         'Writing "6 million lol" under a Holocaust memorial story is vile.'),
        # "6"/"six", not "mil": "family" holds it.
        needs=(("6", "six", "oven", "shower", "gas", "zyklon"),),
    ),
    Rule(
        "christ_killers", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\bchrist[- ]?killers?\b|\bsynagogue of satan\b|\bkhazarian mafia\b"
            rf"|\b{JEWISH}{NEAR}(?:killed|murdered|crucified) (?:jesus|christ|our lord)\b"),
        "Religious and pseudo-historical slanders of Jews (deicide, 'synagogue of Satan').",
        ("They are the synagogue of Satan.", "The Jews killed Christ and never repented."),
        ("The synagogue on Main Street held a service.",
         "The Romans crucified Jesus, as historians agree.",
         "Blaming the Jews for killing Christ is an old antisemitic libel."),
        # The deicide alternative needs its verb, which is rarer than "jew" in comments.
        needs=(("christ", "synagogue of satan", "khazarian mafia", "killed", "murdered", "crucified"),),
    ),
    Rule(
        "dual_loyalty", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\b{JEWISH}{NEAR}(?:dual|divided|split) loyalt(?:y|ies)\b"
            rf"|\b(?:dual|divided) loyalt(?:y|ies){NEAR}{JEWISH}"
            r"|\bisrael[- ]?first(?:ers?|ism)\b|\bisrael[- ]first\W+(?:\w+\W+)?last\b"
            r"|\bput(?:s|ting)? israel first\b|\bisrael[- ]first (?:crowd|politicians?|congress|"
            r"senators?|traitors?|agenda|types?)\b|\bmore loyal to israel than\b"
            r"|\b(?:their|his|her|real|true) (?:(?:first|real|true|only|primary) )?(?:loyalty|allegiance) "
            r"(?:is |lies )?(?:obviously |clearly |always |only |still )?(?:to|with) (?:israel|tel aviv)\b"
            r"|\bfirst loyalty\b[^.!?\n]{0,60}?\b(?:to|with) (?:israel|tel aviv)\b"),
        "Jews as loyal to Israel rather than to their own country.",
        ("Every Jewish politician has dual loyalty.",
         "Israel first, America last, that's the Congress we have.",
         "You can't trust them, dual loyalty is in the Jewish blood.",
         "The Israel-firsters in Congress voted for another war.",
         "Those senators are more loyal to Israel than to their own voters.",
         "Their first loyalty is obviously to Tel Aviv, not to the voters.",
         "Their first loyalty has never been to this country, it's to Tel Aviv."),
        ("The dual loyalty smear against Jewish Americans is antisemitic.",
         "Dual citizenship rules changed last year.",
         "The senator's divided loyalties between party and state were obvious.",
         "Israel first announced the ceasefire on Tuesday."),
        # "Israel first" alone is news ("Israel first announced ..."); the slogan and the noun are not.
        needs=(("loyal", "israel first", "israel-first", "israelfirst", "allegiance"),),
    ),
    Rule(
        "jews_behind_events", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\b{JEWISH}{NEAR}(?:are |were |is |was )?behind (?:every|all|each|the) "
            r"(?:\w+ ){0,2}?(?:wars?|revolutions?|terror\w*|attacks?|crises|crisis|migration|"
            r"immigration|invasion|pandemic|plague|slave trade|communism|pornography|porn)\b"),
        "Jews as the hidden hand behind wars, revolutions, migration or plagues.",
        ("The Jews have been behind every revolution since 1789.",
         "Zionists are behind all the wars in the Middle East."),
        ("It is an antisemitic myth that Jews were behind the revolution.",
         "Jews are not behind every war.",
         "Jewish volunteers were behind the food bank drive.",
         "The rebels behind the revolution were farmers."),
        needs=(("jew", "zio", "kike"), ("behind",)),
    ),
    Rule(
        "jewish_power_label", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\bjewish (?:hollywood|bankers|banking families|lobby|elites|mafia|supremacy|"
            r"supremacists?|power structure|globalists?|overlords?|puppet ?masters?)\b"
            r"|\bjew-?(?:run|owned|controlled)\b"),
        "'Jewish Hollywood', 'Jewish bankers', 'the Jewish lobby': power tropes as labels.",
        ("Jewish Hollywood pushes filth on our kids.", "The Jewish bankers will never allow it.",
         "Another war for the Jewish lobby."),
        ("Saying Jewish bankers run the world is an antisemitic conspiracy theory.",
         "The Jewish film festival opens in Hollywood on Friday.",
         "A Jewish banker's memoir topped the bestseller list.",
         "She is a Jewish elite athlete."),
        needs=(("jew",),),
    ),
    Rule(
        "same_names_hint", "identity_attack", WEIGHT_CODED,
        _rx(rf"\b(?:funny|interesting|strange|weird|curious|odd|notic\w*|coincidenc\w*)\b"
            r"[^.!?\n]{0,60}?\b(?:they all|all of them|every (?:single )?one of them)\b"
            rf"[^.!?\n]{{0,30}}?\bsame {SURNAME}\b"
            rf"|\b{POWER}\b[^.!?\n]{{0,80}}?\bsame {SURNAMES}\b"
            rf"|\bsame {SURNAMES}\b[^.!?\n]{{0,60}}?\b{POWER}\b"
            r"|\b(?:check|read|see|scroll to|look at) (?:the |his |her |their )?early li(?:fe|ves)\b"
            rf"|\b(?:check|look at|look up|google|read) (?:the |their )?(?:surnames|last names|family names) "
            rf"(?:of|behind) (?:every|all|the|those|these)\b[^.!?\n]{{0,60}}?\b{POWER}\b"
            r"|\bearly life(?: section)?\W+(?:\w+\W+){0,3}?(?:checks out|every (?:single )?time|"
            r"again|surprise|shocker|of course|as always)\b"),
        "Hints that the powerful share 'the same last names', or 'check the early life section' "
        "(the Wikipedia heading that mentions a Jewish family): antisemitism without a Jewish word. "
        "Next to money or media only plural names count ('all the same last names'): two "
        "officials who share a surname are news. 'Every single time' alone is left out: it is "
        "ordinary speech far more often than a meme.",
        ("Look at who sits on the boards of the big banks: all the same last names.",
         "Strange how they all have the same surname, isn't it.",
         "Another media mogul. Check the early life section.",
         "Check the surnames of every network CEO and you'll understand the coverage."),
        ("My sister and I have the same last name.",
         "Look at the last names of the players on the team sheet, half are Polish.",
         "The bank kept the same name after the merger.",
         "My father wrote about his early life in Krakow.",
         "The Fed chair and the ECB president have the same surname, which confused reporters.",
         "I checked the early life section of the article on Lincoln for my homework.",
         "Posting 'same last names' under every story about bankers is an antisemitic dog whistle."),
        needs=(("last name", "surname", "early li"),),
    ),
    Rule(
        "happy_merchant", "identity_attack", WEIGHT_SEVERE,
        _rx(r"(?<!\ba )\bhappy merchants?\b|\b(?:the|that|a|his|my) merchant (?:meme|cartoon|gif|emoji|pic)s?\b"),
        "'The happy merchant': the name of a hand-rubbing caricature of a Jew, a meme of its own "
        "(also 'the merchant meme').",
        ("The happy merchant is behind this war too.", "Another happy merchant buying up the news.",
         "Posted the merchant meme under the article about interest rates. They know who they protect."),
        ("A happy merchant waved to us from his stall.",
         "The happy merchant meme is listed as a hate symbol.",
         "The happy merchant cartoon is an antisemitic caricature.",
         "The merchant was happy with the price.",
         "The merchant meme is a hate symbol; reported."),
        needs=(("happy merchant", "merchant meme", "merchant cartoon", "merchant gif", "merchant emoji",
                "merchant pic"),),
    ),
    Rule(
        "kosher_tax", "identity_attack", WEIGHT_CODED,
        _rx(r"(?<!\bno )(?<!\bno such thing as a )\bkosher tax(?:es)?\b"
            r"(?![^\w.!?\n]+(?:is|was|are)[^\w.!?\n]+(?:\w+[^\w.!?\n]+){0,3}?(?:hoax|myth|lie|fiction|"
            r"fake|legend|fabricat\w*|made up)\b)"),
        "The 'kosher tax' hoax: a secret levy on groceries paid to Jews. A debunking names it "
        "with 'myth' (a cue), 'there is no kosher tax' or 'the kosher tax is a hoax'. The look "
        "ahead stops at a sentence end, so the whole-text pre-check never hides a sentence's match.",
        ("Stop paying the kosher tax to them.",
         "Every jar in this shop carries the kosher tax, and we all pay it.",
         "They charge a kosher tax. Is a hoax what you call a receipt?"),
        ("There is no kosher tax; certification costs a fraction of a cent per jar.",
         "The kosher certification fee at our deli went up this year.",
         "The 'kosher tax' is a myth spread by white supremacists.",
         "The kosher tax is an urban legend from the 1970s."),
        needs=(("kosher tax",),),
    ),
    Rule(
        "shekel_taunt", "identity_attack", WEIGHT_CODED,
        _rx(r"\b(?:you|writer|author|journalist|reporter|columnist|editor|hacks?|"
            r"shills?|trolls?|bots?|poster|op|mods?)\b[^.!?\n]{0,40}?\b(?:paid|payed|works?|working|"
            r"writes?|writing|posts?|posting|shilling)\s+(?:in|for|with)\s+shekels\b"
            r"|\bhow many shekels\b[^.!?\n]{0,30}?\b(?:pay|paid|paying|get|earn)\w*\s+(?:you|him|her|"
            r"them|for (?:this|that))\b"
            r"|\b(?:muh|precious|sweet|delicious|the almighty) shekels?\b"
            r"|\bshekel[- ]?(?:grubb|grabb|pinch|count|hungry)\w*"
            r"|\b(?:collect\w*|earn\w*|count\w*|pocket\w*|rak\w* in) "
            r"(?:his|her|their|your|some|those|the|more) shekels\b"),
        "'Shekels' as a taunt: a writer or a commenter ('you') 'paid in shekels', 'muh shekels', "
        "'shekel-grubbing'. The currency itself (exchange rates, wages in Israel) is left alone.",
        ("Bet this journalist is paid in shekels.", "How many shekels did they pay you for this?",
         "Shekel-grubbing parasites, all of them.",
         "Another 'journalist' collecting his shekels for pushing the narrative."),
        ("The shekel rose against the dollar this week.",
         "A taxi from the airport cost me 40 shekels.",
         "I was paid in shekels when I worked in Haifa.",
         "He was paid in shekels while he lived in Tel Aviv."),
        needs=(("shekel",),),
    ),
    Rule(
        "rootless_cosmopolitan", "identity_attack", WEIGHT_CODED,
        _rx(r"(?<!\bagainst )(?<!\bagainst the )\brootless cosmopolitan(?:s|ism| elites?)\b"),
        "'Rootless cosmopolitans': Stalin-era code for Jews, now used again for 'globalists'. "
        "Historical mentions of the campaign 'against rootless cosmopolitans' are left alone.",
        ("These rootless cosmopolitans want open borders for everyone but themselves.",),
        ("Stalin's campaign against rootless cosmopolitans targeted Jewish writers.",
         "The rootless cosmopolitan life of a diplomat's child has its downsides.",
         "'Rootless cosmopolitan' was a Soviet code word for Jews."),
        needs=(("rootless cosmopolitan",),),
    ),
    Rule(
        "holocaust_minimisation", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\bgorillions?\b|\bmuh (?:holocaust|6 ?million|six million)\b"
            r"|\b(?:6|six)[ -]?million\W+(?:jews\W+)?(?:is|was|were|are)\W+(?:a |an |just |total |"
            r"complete |pure |obvious )*(?:lie|myth|hoax|made[- ]up|fake|fabricat\w*|impossible|"
            r"exaggerat\w*|inflated)\b"
            r"|\bgas chambers?\W+(?:\w+\W+){0,3}?(?:never existed|were fake|were (?:just |only )?"
            r"(?:for )?delousing|were built after)"
            r"|\b(?:milk|milks|milking|milked|cash(?:es|ing|ed)? in on)\s+(?:the |their )?holocaust\b"
            r"|\bholocaust card\b"
            r"|\bholocaust (?:is|was) (?:a |an |totally |greatly |hugely |grossly |massively )?"
            r"(?:exaggerat\w*|fabricat\w*|made up|fake|fraud|scam)\b"),
        "Holocaust minimisation and the 'Holocaust industry': '6 gorillion', 'six million is a "
        "lie', gas chambers 'for delousing', Jews 'milking' the Holocaust or 'playing the "
        "Holocaust card'. Outright denial words are in holocaust_denial.",
        ("Six million was a made-up number from the start.", "Cry me a river about the 6 gorillion.",
         "The gas chambers were only for delousing.", "They keep milking the Holocaust for money.",
         "Here comes the Holocaust card again."),
        ("Six million Jews were murdered in the Holocaust.",
         "The museum explains how the gas chambers at Birkenau worked.",
         "Saying the Holocaust was exaggerated is antisemitic denial.",
         "Six million people voted for the party."),
        needs=(("gorillion", "million", "gas chamber", "holocaust"),),
    ),
    Rule(
        "khazar_myth", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\bkhazar\w*\b[^.!?\n]{0,60}?\b(?:impost[eo]rs?|frauds?|fakes?|usurpers?|pretend\w*|"
            r"not (?:real|true|actual|the real) (?:jews|israelites|semites|hebrews)|"
            r"no (?:claim|right|connection))\b"
            r"|\b(?:fake|so-called|false|fraudulent) (?:jews|israelites|semites)\b[^.!?\n]{0,60}?\bkhazar"),
        "The Khazar myth: today's Jews as 'Khazar impostors' with no claim to their history.",
        ("Ashkenazis are Khazar frauds who stole a land that was never theirs.",
         "These fake Jews are really Khazars."),
        ("The Khazar khaganate ruled the steppe north of the Caucasus for three centuries.",
         "Geneticists have debunked the Khazar theory of Ashkenazi origins."),
        needs=(("khazar",),),
    ),
    Rule(
        "jewish_globalists", "identity_attack", WEIGHT_CODED,
        _rx(rf"\b(?:globalists|the globalist|globalist (?:elites?|cabal|bankers?)){NEAR}{JEWISH_MARKS}\b"
            rf"|\b{JEWISH_MARKS}{NEAR}(?:globalists|the globalist|globalist (?:elites?|cabal|bankers?))\b"),
        "'Globalists' in a Jewish framing (menorahs, the tribe, Jews): the coded name for a "
        "Jewish elite. 'Globalist' alone is ordinary political language and is left alone.",
        ("The globalists and their rabbis are laughing at us.",
         "Jewish globalists want open borders for us and walls for Israel."),
        ("Critics call the senator a globalist for backing the trade deal.",
         "Globalists and nationalists clashed over trade, while Jewish and Muslim groups met.",
         "Globalisation hollowed out the town, and the synagogue closed too.",
         "Calling Jews globalists is an antisemitic dog whistle."),
        needs=(("globalist",), ("menorah", "hanukkah", "chanukah", "synagog", "kippah", "yarmulke",
                                "tribe", "rabbi", "kosher", "shekel", "jew", "zio", "kike")),
    ),
    Rule(
        "tribe_control", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\b(?:soros|rothschilds?)\W+(?:\w+\W+){0,4}?(?:tribe|tribesmen|kinsmen|co-?religionists)\b"
            rf"|\b(?:the|that|this|his|their) tribe\b{NEAR}(?:control\w*|runs?|running|owns?|owned|"
            r"rules?|dominates?)\W+(?:\w+\W+){0,2}?(?:banks?|banking|media|hollywood|fed|federal reserve|"
            r"governments?|congress|press|money|finance|porn\w*|everything|the west|the world|america)\b"
            r"|\b(?:the )?same tribe (?:that|who|which) (?:\w+ )?(?:engineer\w*|plann\w*|caus\w*|start\w*|"
            r"fund\w*|bankroll\w*|profit\w*|runs?|owns?|controls?|push\w*|invent\w*)\b"),
        "'Soros and his tribe', 'the tribe controls the media': 'tribe' as the code for Jews. "
        "'Soros and his ilk' is left out: 'ilk' is ordinary political scorn.",
        ("Soros and his tribe are behind every riot.", "The tribe controls the media and the banks.",
         "Follow the money and it's the same tribe that engineered the whole pandemic."),
        ("Soros donated to the campaign.", "My tribe of cyclists meets every Sunday.",
         "Soros and his ilk fund every campaign on the left.",
         "The tribe owns the casino on the reservation.",
         "We belong to the same tribe that has fished this river for centuries."),
        needs=(("tribe", "kinsmen", "religionist"),),
    ),
    Rule(
        "blood_libel", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\b{CHILDREN}\b{GAP}\b{BLOOD}\b{GAP}\b{JEWISH_RITUAL}\b"
            rf"|\b{BLOOD}\b{GAP}\b{CHILDREN}\b{GAP}\b{JEWISH_RITUAL}\b"
            rf"|\b{JEWISH_RITUAL}\b{GAP}\b{BLOOD}\b{GAP}\b{CHILDREN}\b"
            rf"|\b{JEWISH_RITUAL}\b{GAP}\b{CHILDREN}\b{GAP}\b{BLOOD}\b"
            rf"|\b{CHILDREN}\b{GAP}\b{HARM}\b{GAP}\b{FEAST}\b|\b{HARM}\b{GAP}\b{CHILDREN}\b{GAP}\b{FEAST}\b"
            rf"|\b{FEAST}\b{GAP}\b{HARM}\b{GAP}\b{CHILDREN}\b|\b{FEAST}\b{GAP}\b{CHILDREN}\b{GAP}\b{HARM}\b"
            rf"|\b{JEWISH_RITUAL}\b{GAP}\b{GENTILE_BLOOD}\b|\b{GENTILE_BLOOD}\b{GAP}\b{JEWISH_RITUAL}\b"
            rf"|\bblood libel{NEAR_UNNEGATED}(?:true|real|happened|right)\b"
            rf"|\bjewish ritual murders?\b|\britual murders? (?:by|of) (?:the )?{JEWISH}\b"),
        "Blood libel: Jews said to kill Christian children for their blood or for Passover.",
        ("Jews have always needed the blood of Christian children for their matzo.",
         "Christian boys vanish every Passover and everyone knows why the rabbis stay silent, "
         "their blood is in the bread.",
         "The blood libel was true all along.",
         "Their Passover ritual needs Christian blood, always has."),
        ("Jewish and Christian children played together at the interfaith camp.",
         "Police said two Christian children went missing near the synagogue and were found safe.",
         "Historians trace the blood libel to twelfth-century Norwich.",
         "Our rabbi and the vicar gave blood together at the Christian blood drive.",
         "The blood libel was never true."),
        # The adjective of CHILDREN first: it is the rarest part, so most texts stop there.
        needs=(("christian", "gentile", "goy", "non-jewish", "blood libel", "ritual murder"),
               ("blood", "sacrific", "kidnap", "abduct", "missing", "disappear", "vanish", "ritual",
                "murder", "slaughter"),
               ("passover", "matzo", "matza", "purim", "rabbi", "synagog", "jew", "zio", "kike",
                "blood libel")),
    ),
    Rule(
        "hitler_praise", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\b(?:hitler|uncle adolf|adolf|(?:the|that|a) (?:little |funny little )?(?:moustache|mustache) man|"
            rf"(?:the|that|a certain) austrian (?:painter|artist)|"
            rf"(?:the|that) (?:failed )?(?:painter|corporal) from austria)"
            rf"\W+(?:(?:\w+\W+){{0,3}}?|[^.!?\n]{{0,60}}?\b(?:but|yet|though)\W+(?:he|the man|old adolf)\W+"
            rf"(?:\w+\W+){{0,2}}?){HITLER_PRAISE}\b(?! about nothing)"
            r"|\bfinish (?:what )?hitler(?:'s)? (?:started|job|work)\b"),
        "Approval of Hitler or of finishing 'the job': Holocaust approval without naming Jews; "
        "also after a concession ('Hitler was wrong about plenty, but he had a point about them').",
        ("Hitler was right about them.", "Hitler did nothing wrong.",
         "Time to finish what Hitler started.",
         "Hitler was wrong about plenty but he had a point about one group.",
         "Maybe Hitler wasn't so wrong after all.",
         "Say what you want but the little moustache man wasn't wrong about them."),
        ("Hitler was wrong about everything and lost the war.",
         "Historians still argue about when Hitler decided on the Final Solution.",
         "Hitler was right about nothing.",
         "Hitler promised peace, but he was lying the whole time."),
        needs=(("hitler", "adolf", "moustache man", "mustache man", "austrian painter", "austrian artist",
                "painter from austria", "corporal from austria"),),
    ),
    Rule(
        "jewish_question", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\bthe jq\b(?! (?:command|filter|tool|query|binary|library|syntax))"
            r"|\b(?:solv\w*|(?<!final )solution to|answer\w* to|understand\w*|understood|redpill\w* on|red-pilled on|"
            r"wake up to|woke up to|look into|learn\w* about) (?:the )?(?:jq|jewish (?:question|problem))\b"
            r"|\bnam(?:e|es|ed|ing) the (?:jew|tribe|nose)\b"),
        "'The JQ' / solving 'the Jewish question' / 'name the Jew': Jews as the problem to solve.",
        ("Once you understand the JQ, the news makes sense.", "It's time to name the Jew.",
         "At least they understood the Jewish problem better than our politicians do."),
        ("The Wannsee conference planned the final solution to the Jewish question.",
         "Marx's essay On the Jewish Question was published in 1844.",
         "Pipe the output through the jq filter."),
        needs=(("jq", "jewish question", "jewish problem", "name the", "named the", "names the", "naming the"),),
    ),
    Rule(
        "jewish_nazi_inversion", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\bzio-?nazis?\b|\b{JEWISH}{NEAR_UNNEGATED}(?:the )?(?:real|new|true) nazis\b"
            rf"|\b{JEWISH} (?:are|were) (?:just )?(?:like|worse than|no better than) (?:the )?nazis\b"),
        "Holocaust inversion: Jews as 'the real Nazis', 'Zio-Nazis'.",
        ("Jews are the real Nazis.", "Zionazis have learned from their old masters."),
        ("Jews were murdered by the Nazis.",
         "Calling Jews the new Nazis is antisemitic Holocaust inversion."),
        needs=(("nazi",),),
    ),
    Rule(
        "talmud_slander", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\btalmud\w*\W+(?:{NEGATED}\w+\W+){{0,5}}?(?:allow\w*|permit\w*|tells? (?:them|jews|you)|"
            rf"teach\w*|says?|command\w*|lets? (?:them|jews))\W+(?:{NEGATED}\w+\W+){{0,5}}?(?:cheat\w*|"
            r"steal\w*|deceiv\w*|rape|rob\w*|lie to (?:us|gentiles|goyim|christians|non-jews)|"
            r"(?:gentiles|goyim|christians|non-jews) (?:are|as) (?:animals|cattle|beasts|slaves|subhuman))\b"
            r"(?![^.!?\n]{0,30}\b(?:forbidden|prohibited|a sin|wrong|banned)\b)"),
        "Forged 'Talmud quotes': Jews taught to cheat or despise non-Jews.",
        ("Their Talmud allows them to steal from the goyim.",
         "The Talmud says gentiles are cattle."),
        ("The Talmud teaches that saving one life is like saving a whole world.",
         "The Talmud says stealing from anyone is forbidden.",
         "The Talmud does not tell Jews to cheat anyone."),
        needs=(("talmud",), ("cheat", "steal", "deceiv", "rape", "rob", "lie to", "animals", "cattle",
                             "beasts", "slaves", "subhuman")),
    ),
    Rule(
        "replacement_conspiracy", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\bgreat replacement\b|\bwhite genocide\b|\bkalergi plan\b"
            r"|\b(?:want|plan|plot|trying|try|going|scheme)\w* to replace (?:us|white\w*|our people)\b"
            r"|\byou will not replace us\b|\bjews will not replace us\b"),
        "The 'Great Replacement' / 'white genocide' conspiracy theory (usually blamed on Jews).",
        ("These globalists want to replace us with migrants.", "Wake up, the Great Replacement is real.",
         "Stop the white genocide!"),
        ("The Great Replacement is a racist conspiracy theory that inspired mass shooters.",
         "The club plans to replace the old stand next year.",
         "Robots will replace us at work, economists say.",
         "The Great Replacement is the same idea the Christchurch and Pittsburgh shooters wrote in their "
         "manifestos."),
        needs=(("replace", "white genocide", "kalergi"),),
    ),
    Rule(
        "group_dehumanised", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\b{GROUPS}['\u2019\"]?\s+(?:are|r)\s+(?:{NEGATED}\w+\s+){{0,2}}?(?:vermin|parasites|rats|"
            r"cockroaches|subhumans?|sub-humans?|animals|savages|apes|monkeys|pigs|dogs|beasts|"
            r"a disease|a cancer|a plague|a virus|an infestation|scum|filth|filthy|dirty|"
            r"disgusting|inferior|an abomination|abominations|degenerates?|freaks|perverts|"
            r"trash|garbage|worthless|useless|evil|terrorists|rapists|paedophiles|pedophiles|"
            r"thieves|criminals|groomers|predators|invaders|a fifth column|not (?:even )?human|"
            r"barbarians|uncivili[sz]ed|mongrels|leeches|bloodsuckers|locusts|an invasion|"
            r"(?:a |just a )?burden(?! on (?:the )?(?:nhs|taxpayers?|welfare|system|economy|budget|state|"
            r"services|schools|hospitals))|burdens|goat (?:herders|fuckers|shaggers|humpers)|"
            r"lesser (?:beings|humans|creatures|people|species)|less than human|a waste of (?:space|oxygen|air|skin)|"
            r"the (?:absolute |very |actual |literal )?worst(?=\s*(?:[^\w\s'\u2019-]|$))|"
            r"the (?:absolute |very |actual |literal )?worst (?:people|humans|species|kind of people) "
            r"(?:on|in) (?:earth|the world|the planet))\b"),
        "Dehumanising or wholesale-vilifying statements about a whole group.",
        ("Immigrants are nothing but vermin.", "Jews are parasites.",
         "Women are the absolute worst.", "Disabled people are lesser beings.",
         "These people are not even human.", "Muslim men are all rapists.",
         "I'm not saying Muslims are scum, but look at the facts.",
         "Muslims are a fifth column inside Europe.", "Gay men are predators.",
         "Disabled people are a burden.", "Roma are goat herders and thieves."),
        ("Saying that immigrants are vermin is bigoted nonsense.", "Rats are rodents.",
         "Immigrants are not criminals.", "Refugees are never the problem.",
         "I never said that immigrants are vermin.", "Nobody here thinks refugees are criminals.",
         "Migrants are a burden on the NHS, the report claims.",
         "Mondays are the absolute worst.", "Refugees are the worst affected by the cuts.",
         "No one should say women are lesser beings."),
        needs=(ANY_GROUP_WORDS, ("vermin", "parasites", "rats", "cockroaches", "human", "animals",
                             "savages", "apes", "monkeys", "pigs", "dogs", "beasts", "disease",
                             "cancer", "plague", "virus", "infestation", "scum", "filth", "dirty",
                             "disgusting", "inferior", "abomination", "degenerate", "freaks",
                             "perverts", "trash", "garbage", "worthless", "useless", "evil",
                             "terrorists", "rapists", "paedophiles", "pedophiles", "thieves",
                             "criminals", "groomers", "predators", "invaders", "fifth column",
                             "barbarians", "uncivili", "mongrels", "leeches", "bloodsuckers",
                             "locusts", "invasion", "burden", "goat", "lesser", "waste of",
                             "worst")),
    ),
    Rule(
        "group_hatred", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\bi\s+(?:(?:really|absolutely|truly|just|honestly|fucking|seriously|genuinely|do|so|utterly|"
            r"still|always|totally|simply)\s+){0,2}(?:hate|despise|detest|loathe|abhor|can't stand|cannot stand|"
            rf"can not stand|can't bear|cannot bear)\s+(?:all\s+(?:of\s+)?)?(?:the\s+|these\s+|those\s+)?{NAMED_GROUPS}"
            r"(?=\s*(?:[^\w\s'\u2019-]|$)|\s+(?:so|and|more|too|with|because|cause|since|they|period|lol|tbh|"
            r"honestly|always|already|now|anyway|man|bro|though|seriously|like)\b)"
            rf"|\b{NAMED_GROUPS}\s+(?:(?:really|just|honestly|all|literally|genuinely|seriously)\s+)?"
            r"(?:make|makes|made)\s+me\s+(?:(?:physically|so|fucking|actually)\s+)?(?:sick|ill|nauseous|puke|vomit|"
            r"retch|want to (?:puke|vomit|throw up|retch))\b"
            rf"|\b{NAMED_GROUPS}\s+(?:(?:really|just|honestly|all|literally|genuinely)\s+)?"
            r"(?:disgust|sicken|repulse|revolt)\s+me\b"
            rf"|\b{NAMED_GROUPS}(?:\s+(?:who|that)\s+(?:[\w'\u2019]+\s+){{0,6}}?)?\s+fill\s+me\s+with\s+"
            r"(?:(?:so\s+much|such|pure|nothing but|utter)\s+)?(?:disgust|rage|hatred|hate|contempt|revulsion|"
            r"loathing)\b"),
        "The writer's hatred or disgust for a whole group, said outright: 'I can't stand Muslims', 'I "
        "absolutely despise trans people', 'Jews make me sick', 'immigrants disgust me'. The group "
        "must end the phrase, so hating a cuisine ('I hate Chinese food') or a wrong done to a group "
        "('I can't stand Muslims being blamed') is not matched; 'these people' and 'your kind' are "
        "left to the model, since they are said of neighbours and politicians as often.",
        ("I can't stand Muslims.", "I absolutely despise trans people.",
         "Honestly I hate Black people, always have.", "Jews make me sick.", "Immigrants disgust me.",
         "Gay people fill me with disgust."),
        ("I hate Chinese food, too greasy for me.", "Politicians make me sick.",
         "I can't stand Muslims being blamed for every attack.",
         "I hate women's football being on at the same time as the final.",
         "Saying you hate Muslims is not an opinion, it's bigotry.",
         "My neighbour shouted that Jews make him sick, and I'm still shaken.",
         "I don't hate Jews, I hate the occupation.", "I can't stand these people, my neighbours again."),
        needs=(ANY_GROUP_WORDS,
               ("hate", "despise", "detest", "loathe", "abhor", "t stand", "not stand", "t bear", "not bear",
                "make me", "makes me", "made me", "disgust me", "sicken me", "repulse me", "revolt me",
                "fill me")),
    ),
    Rule(
        "group_lives_worthless", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\b(?:{NAMED_GROUPS}|{GROUP_ADJECTIVE}|female|{GROUP_SINGULAR})\s+lives\s+"
            r"(?:(?:don't|do not|dont|doesn't|does not|shouldn't|should not|won't|will never|never)\s+matter|"
            r"(?:are|is)\s+(?:(?:just|simply|all)\s+)?"
            r"(?:worth\s+(?:(?:absolutely|literally)\s+)?(?:nothing|shit|zero|fuck all)|worthless))\b"
            r"(?!\s+(?:to|for|in the eyes of|as far as|according to)\b)"),
        "A group's lives declared worth nothing: 'Muslim lives are worth nothing', 'trans lives don't "
        "matter'. 'Black lives matter' and the reports of someone who said the opposite are not "
        "matched (guarded); nor is the lament about others ('migrant lives are worthless to this "
        "government'), or 'cheap' and 'expendable', which are said mostly in such laments.",
        ("Muslim lives are worth nothing.", "Trans lives don't matter.",
         "To me, female lives are worth nothing."),
        ("Black lives matter.", "A man who said Black lives don't matter was fired.",
         "The poster said trans lives don't matter and got banned.",
         "Refugee lives are not worth less than ours, whatever the minister says.",
         "Migrant lives are worthless to this government, and the drownings prove it.",
         "To the generals, Afghan lives were cheap."),
        needs=(ANY_GROUP_WORDS + ("female",), ("matter", "worth")),
    ),
    Rule(
        "eugenics", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\b(?:shouldn't|should not|shouldnt|mustn't|must not|never)\s+be\s+allowed\s+to\s+(?:breed|reproduce|"
            r"procreate)\b(?!\s+(?:dogs|cats|animals|pets|puppies|kittens|horses|livestock|cattle))"
            r"|\b(?:should|shoulda|ought to|needs? to|must)\s+(?:have\s+|'ve\s+)?(?:been\s+|be\s+)?(?:put down|drowned|"
            r"culled|euthani[sz]ed|gassed|smothered|exposed|left to die)\s+at\s+birth\b"
            r"|\bput\s+(?:them|those|these|kids like that|babies like that|them all)\s+down\s+at\s+birth\b"
            r"|\bsterili[sz]e\s+(?:the lot of them|all of them|them all|those people|these people|"
            r"people like (?:that|them|this))\b"
            r"|\bkindest thing\b[^.!?\n]{0,60}?\b(?:(?:not|never|don't|dont|didn't|stop\w*|prevent\w*)\s+"
            r"(?:\w+\s+){0,3}?(?:having|have|breeding|breed)\s+(?:kids|children|babies|any)|"
            r"put\w*\s+(?:them|those|these)\s+down|sterili[sz]\w*)\b"),
        "Eugenics: a kind of people kept from having children ('people like that shouldn't be "
        "allowed to breed', 'sterilise the lot of them', 'the kindest thing would be to stop them "
        "having kids'). Aimed at disabled people most often, and named or not it is the same call. "
        "'Some people shouldn't be allowed to have kids', said of cruel parents, is not matched.",
        ("People like that shouldn't be allowed to breed.", "Sterilise the lot of them.",
         "Honestly the kindest thing for everyone is if they stop having kids.",
         "Kids like that should have been put down at birth."),
        ("Some people shouldn't be allowed to have kids, that poor boy.",
         "The calf had to be put down at birth, the farmer said.",
         "Puppy farms should not be allowed to breed dogs like this.",
         "The vet will sterilise the cats on Tuesday.",
         "The kindest thing was to let her sleep.",
         "Forced sterilisation of disabled women was a crime, and it still happens."),
        needs=(("allowed to", "sterilis", "steriliz", "kindest thing", "at birth"),),
    ),
    Rule(
        "victim_blaming", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\b(?:she|they|women|girls|the girl|the woman|that girl|that woman|sluts?)\s+(?:\w+\s+){0,5}?"
            r"(?:deserved|deserves|deserve|was asking for|were asking for|are asking for|is asking for|asked for|"
            r"had it coming|got what)\b(?!\s+(?:better|more|justice|support|respect|protection|help|"
            r"to be (?:heard|believed|safe)|(?:the |their |a |that )?(?:win|wins|victory|result|points?|goal|title|"
            r"trophy|draw|promotion|penalty)))"
            r"[^.!?\n]{0,80}?\b(?:rap\w*|assault\w*|attack\w*|grop\w*|harass\w*|walk\w* (?:home )?alone|"
            r"(?:alone )?at night|dressed like|dress like|skirts?|drunk|in that outfit)\b"
            r"|\b(?:rap\w*|assault\w*|attack\w*|grop\w*|walk\w* (?:home )?alone|dress\w* like that|"
            r"short skirts?)\b[^.!?\n]{0,60}?\b(?:deserved? it|deserves? (?:it|what)|had it coming|"
            r"(?:was|were|are|is) asking for it|asked for it|got what (?:she|they) deserved)\b"),
        "Victim-blaming of sexual violence: a woman 'deserved' or 'asked for' an assault by walking "
        "alone, dressing so, drinking. A convict who 'got what she deserved' is not matched (no "
        "assault word), nor 'she deserved better'; 'nobody deserves to be raped' is counter-speech "
        "(guarded).",
        ("She got exactly what she deserved walking home alone at that hour.",
         "Women who dress like that are asking for it and deserve what happens at night.",
         "If she was that drunk she had it coming when she got groped.",
         "Women who walk home alone at night deserve what they get."),
        ("She got what she deserved, ten years for fraud.",
         "Nobody deserves to be raped, whatever she was wearing.",
         "The judge said she deserved better than an attack by her own father.",
         "They deserved the win after that attack in the second half."),
        needs=(("deserv", "asking for", "asked for", "had it coming", "got what"),),
    ),
    Rule(
        "nine_eleven_jews", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\b(?:dancing|five|5) israelis\W+(?:\w+\W+){{0,2}}?(?:knew|know|prove\w*|show\w*|tell you|were (?:mossad|"
            r"celebrating|in on it|warned)|celebrat\w*)\b"
            rf"|\b(?:israel|mossad|{JEWISH}|the tribe)\s+(?:\w+\s+)?(?:did|planned|was behind|were behind|"
            r"knew about|orchestrated|carried out)\s+(?:9/11|9-11|911|nine eleven|the twin towers)\b"
            rf"|\b(?:4,?000|four thousand|all the|the) {JEWISH}\s+(?:\w+\s+)?(?:stayed home|didn't show up|"
            r"did not show up|were warned|got a warning|called in sick)\b"),
        "The 9/11 conspiracy about Jews or Israel: 'the dancing Israelis', 'Mossad did 9/11', "
        "'4,000 Jews stayed home that day'. Debunkings name the claim and a cue ('the dancing "
        "Israelis myth'), and are guarded.",
        ("The dancing Israelis knew exactly what was coming.", "Mossad did 9/11, wake up.",
         "Funny how 4000 Jews stayed home from the towers that morning."),
        ("Jewish victims of 9/11 were remembered at the memorial.",
         "Israel sent rescue teams after the earthquake.",
         "The 'dancing Israelis' story is a debunked antisemitic myth."),
        needs=(("israelis", "9/11", "9-11", "911", "nine eleven", "twin towers", "stayed home", "show up",
                "were warned", "a warning", "called in sick"),),
    ),
    Rule(
        "group_labelled", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\b(?:subhumans?|sub-human|savage|feral|filthy|dirty|stinking|smelly|inbred|parasitic|"
            rf"verminous|diseased|degenerate|mongrel|uncivili[sz]ed|barbaric|thieving|greedy|lazy)\s+{GROUPS}"
            r"(?![\w'\u2019])"
            r"|\b(?:these|those|you|bunch of|dirty|filthy|stinking|illiterate|inbred|backward|primitive|"
            r"bloody) (?:goat|camel|sheep) herders?\b"
            r"|\b(?:goat|camel|sheep) (?:shaggers?|humpers?|fuckers?|f\*ckers?|botherers?)\b"),
        "A dehumanising label stuck on a group as an adjective ('the subhuman Roma', 'filthy "
        "Muslims', 'thieving gypsies'), and the labels that stand for a group on their own "
        "('those goat herders', 'camel humpers'). group_dehumanised has the same words as a "
        "predicate ('X are savages').",
        ("The subhuman Roma have set up camp by the river again.", "Filthy immigrants everywhere.",
         "Those goat herders have no place in a civilised country.",
         "Lazy Mexicans took the afternoon off again.", "Bunch of camel humpers."),
        ("The goat herders bring their flocks down from the Alps in October.",
         "The myth of lazy Mexicans is a racist stereotype.",
         "Dirty jobs are done by migrants for little pay.", "She is a savage women's boxer.",
         'Calling migrants "goat herders" is racist.',
         "Calling Roma savages is exactly the racism this article describes."),
        needs=(("subhuman", "sub-human", "savage", "feral", "filthy", "dirty", "stinking", "smelly",
                "inbred", "parasitic", "verminous", "diseased", "degenerate", "mongrel", "uncivili",
                "barbaric", "thieving", "greedy", "lazy", "herder", "shagger", "humper", "fucker",
                "f*cker", "botherer"),
               ANY_GROUP_WORDS),
    ),
    Rule(
        "group_excluded", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\b(?!{IMMIGRATION}){GROUPS}\s+(?:should|must|need to|needs to|ought to|have to)\s+"
            rf"(?:all\s+)?(?:be\s+)?{EXCLUSION}"
            rf"|\b(?:all|all of the|all the|every one of the|every single one of the|every last one of the)"
            rf"\s+{GROUPS}\s+(?:should|must|need to|needs to|ought to|have to)\s+(?:be\s+)?{EXCLUSION}"
            rf"|\b{GROUPS}\s+(?:should|must|need to|ought to)\s+all\s+be\s+{EXCLUSION}"
            rf"|\bevery\s+(?:last\s+|single\s+)?{GROUP_SINGULAR}\s+(?:should|must|needs? to|ought to)\s+"
            rf"(?:be\s+)?{EXCLUSION}"
            rf"|\b(?!{IMMIGRATION}){GROUPS}\s+(?:should(?: not|n't)|must(?: not|n't)|ought not to)\s+"
            r"(?:ever\s+|even\s+)?be\s+allowed\s+(?:to\s+)?(?:vote|drive|work|marry|teach|breed|reproduce|"
            r"have (?:kids|children|babies)|own|hold|run for|serve|live|exist|speak|enter|adopt|study|"
            r"go to school|leave the house|out|in (?:public|our country|this country|europe))\b"
            rf"|\b(?<!not )(?<!never )(?<!n't )(?<!to )(?:sterili[sz]e|castrate|round up|get rid of|"
            r"kick out|throw out|expel)\s+(?:all\s+(?:the\s+|of\s+the\s+|of\s+)?|every\s+(?:last\s+|"
            rf"single\s+)?(?:one\s+of\s+(?:the\s+|these\s+|those\s+)?)?|the\s+|those\s+|these\s+)?{GROUPS}\b"
            rf"|\b(?:giving|letting|allowing) {GROUPS} (?:the )?(?:right to )?vote\W+(?:\w+\W+){{0,2}}?"
            r"(?:was|is|has been) (?:a )?(?:huge |big |terrible |massive |grave )?mistake\b"),
        "Exclusion of a whole group: deport, sterilise or lock them up, bar them from voting, "
        "working or marrying ('women shouldn't be allowed to vote', 'every last Muslim should be "
        "deported'). Groups named by a legal status (IMMIGRATION) count only with 'all': "
        "deportation and non-citizens' votes are policy talk; 'illegal immigrants should be "
        "deported' is not matched. A negated verb is no call ('we should not expel Roma').",
        ("Women shouldn't be allowed to vote, they think with their feelings.",
         "Every last Muslim should be deported, no exceptions.",
         "All migrants should be deported.", "Roma should be rounded up and expelled.",
         "Gays should not be allowed to marry or adopt.", "Get rid of the Muslims.",
         "Giving women the vote was a huge mistake.", "Disabled people should all be locked up."),
        ("Illegal immigrants should be deported, the minister said.",
         "Foreigners should not be allowed to vote in national elections.",
         "We must never expel Roma families in winter.",
         "In 1910 plenty of men said women shouldn't be allowed to vote, and they were wrong.",
         "Women should be allowed to vote, and now they are.",
         "The order to round up the Jews of Paris came in July 1942.",
         "Saying women shouldn't be allowed to vote is misogynist nonsense.",
         "The poster who wrote that disabled people should be sterilised has been banned."),
        needs=(ANY_GROUP_WORDS,
               ("deport", "expel", "kicked out", "thrown out", "sent back", "round up", "rounded up", "locked up",
                "interned", "camps", "segregat", "castrat", "sterili", "banned from", "barred from",
                "stripped of", "allowed", "kick out", "throw out", "get rid of", "vote")),
    ),
    Rule(
        "threat_group", "threat", WEIGHT_SEVERE,
        _rx(rf"\b(?:kill|gas|shoot|hang|exterminate|eradicate|slaughter|lynch|wipe out|burn|"
            rf"behead|nuke)\s+(?:all\s+(?:of\s+)?(?:the\s+|these\s+|those\s+)?|every\s+|the\s+|those\s+|these\s+)?"
            rf"{GROUPS}\b"
            rf"|\b(?:put an end to|rid (?:the|this|our) (?:world|earth|planet|country|nation|town|city) of)\s+"
            rf"(?:all\s+(?:of\s+)?)?(?:the\s+|these\s+|those\s+)?{GROUPS}"
            r"(?=\s*(?:[^\w\s'\u2019]|$)|\s+(?:once|for good|forever|altogether|now|and|like)\b)"
            rf"|\bwipe\s+(?:all\s+(?:of\s+)?)?(?:the\s+|these\s+|those\s+)?{GROUPS}\s+off\s+(?:the\s+)?"
            r"(?:face of the\s+)?(?:earth|planet|map)\b"
            rf"|\b(?:kill|gas|shoot|hang|exterminate|slaughter|lynch|burn|behead)\s+every\s+(?:single\s+)?"
            rf"{GROUP_SINGULAR}\b"
            rf"|\b{GROUPS}\s+(?:should|must|need to|deserve to|ought to)\s+(?:all\s+)?(?:be\s+)?"
            r"(?:killed|gassed|shot|hanged|hung|exterminated|wiped out|lynched|burned|die|"
            r"sterili[sz]ed|put down|beaten|stoned|eliminated)\b"
            rf"|\bdeath to (?:all\s+)?(?:the\s+)?{GROUPS}\b"
            r"|\bthe only good (\w+) is a dead \1\b"),
        "Calls for violence against a group.",
        ("Gas the Jews.", "Muslims should all be killed.", "Death to all immigrants!",
         "Gay people should be stoned.", "The only good Muslim is a dead Muslim.",
         "Death to the Jews!", "We should hang every immigrant from the nearest lamppost.",
         "Someone should shoot all those immigrants.", "Time to put an end to the Jews once and for all.",
         "Let's wipe the Muslims off the face of the earth."),
        ("The claim that Muslims should be killed is hateful and false.",
         "Hamas gunmen killed civilians, the army said.",
         "I reported the comment that said gay people should be burned.",
         "The man who shouted that all Arabs must die was arrested yesterday.",
         "Nobody should ever say that refugees need to be exterminated.",
         "We must put an end to refugees drowning in the Channel.",
         "The treaty put an end to the Jews' exclusion from the guilds.",
         "Wipe the Muslims' graffiti off the wall, it's hateful."),
        needs=(ANY_GROUP_WORDS,
               ("kill", "gas", "shoot", "hang", "exterminate", "eradicate", "slaughter", "lynch",
                "wipe", "burn", "behead", "nuke", "should", "must", "need to", "deserve to",
                "ought to", "death to", "the only good ", "put an end to", "rid ")),
    ),
    Rule(
        "threat_person", "threat", WEIGHT_SEVERE,
        _rx(r"\bi(?:'m| am)? (?:will|gonna|going to|want to|wanna|'ll|shall)\s+(?:\w+\s+){0,3}?"
            r"(?:kill|murder|shoot|stab|hang|behead|strangle|rape|beat|hunt down|slit)\s+"
            r"(?:you|him|her|them|your)\b"
            r"|\b(?:go|should)\s+(?:kill|hang)\s+yoursel(?:f|ves)\b|\bkys\b"
            r"|\byou (?:deserve|ought) to (?:die|be (?:shot|killed|hanged|raped))\b"
            r"|\b(?:will|shall|is going to|are going to|gonna|'ll)\s+die\s+(?:\w+\s+){0,3}?(?:at|by) my "
            r"(?:own\s+)?hands?\b"),
        "Direct threats and incitement against a person, and 'will die at my hands'.",
        ("I will find you and kill you.", "Go kill yourself.", "You deserve to die.",
         "That gay couple next door will die at my hands."),
        ("The disease will kill them within a week.", "I'd kill for a coffee right now.",
         "Russia and Iran has help President Assad hang onto power."),
        guarded=False,
        needs=(("kill", "murder", "shoot", "stab", "hang", "behead", "strangle", "rape", "beat",
                "hunt down", "slit", "kys", "deserve", "ought", "my hand", "my own hand"),),
    ),
    Rule(
        "threat_member", "threat", WEIGHT_SEVERE,
        _rx(rf"{INTENT}(?:\w+\s+){{0,2}}?(?:{HARD_VIOLENCE}\s+(?:{MEMBER_OBJECT}|{GROUP_OBJECT}){NOUN_PHRASE_END}"
            rf"|(?!{SPORT_VIOLENCE}\b){HARD_VIOLENCE}\s+the\s+{GROUPS}{NOUN_PHRASE_END}"
            rf"|{alternation(RESULT_VERBS)}\s+(?:{MEMBER_OBJECT}|{GROUP_OBJECT}|the\s+{GROUPS})\s+(?:\w+\s+){{0,2}}?"
            r"(?:to death|senseless|half to death|black and blue|within an inch of (?:\w+ )?li(?:fe|ves)|into a coma|"
            r"into (?:the|a) (?:river|canal|ditch|sea|ovens?|fire|furnace|gas chambers?)|off (?:a|the) (?:bridge|roof|"
            r"cliff|building|balcony|boat)|under (?:a|the) (?:train|bus|truck|lorry|tram|car)|down (?:the|a) "
            r"(?:stairs|well)|until (?:he|she|they) (?:stops?|stop) (?:breathing|moving))\b"
            rf"|{alternation(BODY_VERBS)}\s+(?:(?:a|an|the|that|this|any|every|some|the next|those|these)\s+)?"
            rf"(?:\w+\s+)?{GROUP_MEMBER}['\u2019]s?\s+(?:\w+\s+)?(?:legs?|arms?|necks?|heads?|faces?|skulls?|"
            r"throats?|kneecaps?|teeth|jaws?|ribs?|spines?|fingers?|balls|brains?)\b"
            rf"|{alternation(PARTICLE_VERBS)}\s+(?:{MEMBER_OBJECT}|"
            rf"{GROUP_OBJECT}|the\s+{GROUPS})\s+(?:down|over|up)\b)"
            rf"|{word_start(('next',))}\s+(?:\w+\s+)?{GROUP_MEMBER}\s+(?:i|we)\s+(?:see|meet|find|catch|spot)\s+"
            r"(?:\w+\s+)?"
            r"(?:is|will be|gets|'s|is getting|is gonna get|will get|is going to get|gonna get)\s+(?:\w+\s+){0,3}?"
            r"(?:killed|shot|stabbed|beaten|kicked|hanged|hung|lynched|burned|burnt|knifed|bashed|battered|"
            r"stomped|curb[- ]?stomped|run over|a bullet|a beating|a knife|(?:his|her|their) (?:heads?|faces?|"
            r"skulls?|teeth) (?:kicked|smashed|caved|bashed) in)\b"
            rf"|{word_start(('i',))}\s*(?:want|wanna see|want to see|'d like to see|would like to see|'d love to see|"
            r"would love to see)"
            rf"\s+(?:{MEMBER_OBJECT}|{GROUP_OBJECT}|the\s+{GROUPS})\s+(?:\w+\s+){{0,4}}?(?:beaten|shot|killed|"
            r"hanged|hung|lynched|burned|burnt|stabbed|gassed|drowned|raped|tortured|strung up|dead)\b"),
        "The writer's own plan to kill or hurt members of a group, or a call on others to do it: 'I'm "
        "going to kill the next Jew I see', 'gonna beat up a gay guy tonight', 'someone needs to run "
        "those Muslims down', 'I'm going to break that Black kid's legs', 'next Jew I see is getting "
        "his head kicked in'. threat_group has calls for violence against a whole group in any "
        "voice, threat_person threats against 'you' or 'him'. A photo shoot ('shoot a gay couple's "
        "wedding'), a game ('beat the next Muslim player'), a team ('murder the Mexicans on Saturday')"
        " and DIY ('take a bat to the old shed') are not matched: the object must be people and end "
        "its noun phrase, 'beat', 'kick' and 'push' need a result ('to death', 'under a train') or a "
        "body part, and sports verbs do not count with 'the <group>'.",
        ("I'm going to kill the next Jew I see.", "gonna beat up a gay guy tonight, who's coming",
         "I want to run over a trans woman with my truck.",
         "I will stab any immigrant who comes near my kids.",
         "We're going to burn a Roma family out of their caravan tonight.",
         "I swear I'll put a bullet in the next Muslim who looks at me.",
         "gonna curb stomp me a gay boy tonight lol", "Next Jew I see is getting his head kicked in.",
         "I'm going to break that Black kid's legs.",
         "Someone needs to run those Muslims down with a truck.",
         "I will beat that trans freak to death if she comes in here.", "Gonna gut the first Sikh I find.",
         "I'll push that Hindu girl under a train if I see her again.",
         "Time to drown the Roma in the river like rats."),
        ("I'm going to shoot a gay couple's wedding next weekend, so excited!",
         "I'm going to beat the next Muslim player I meet in the chess tournament.",
         "I'm going to kill the next person who spoils the finale.",
         "The man said he would kill the next Jew he saw and was arrested.",
         "I reported the guy who wrote that he'd stab any immigrant.",
         "I'm going to gut the fish and put them on the grill.",
         "We're going to murder the Mexicans on Saturday, our back line is flying.",
         "I'm going to take a bat to the old shed this weekend, it's rotten.",
         "Someone needs to run the Muslim charity bake sale this year, any volunteers?",
         "I'm going to push that gay couple's proposal video to the top of the feed.",
         "My grandmother slit the throats of chickens every Sunday on the farm."),
        needs=(ANY_GROUP_WORDS,
               # With a space in front: "hit" is in "white", "hang" in "change", "run" in "brunch".
               (*dict.fromkeys(" " + verb.split()[0].split("-")[0] for verb in
                               VIOLENT_VERBS + RESULT_VERBS + BODY_VERBS + PARTICLE_VERBS),
                " take a", " take my", " take the", " take an",
                "next", "want", "'d like", "would like", "'d love", "would love")),
    ),
    Rule(
        "threat_veiled", "threat", WEIGHT_SEVERE,
        _rx(r"\b(?:we|i|they|people|everyone) (?:know|found out|found|have found|know exactly) where "
            r"(?:you|your (?:\w+ )?(?:kids|children|family|wife|husband|mother|mum|mom|daughter|son)) "
            r"(?:live|lives|sleep|sleeps|work|works|park|parks|go to school|goes to school|walk|walks)\b"
            r"|\b(?:we|i|they) (?:have|got|know|found) your (?:home )?address\b"
            r"|\bbullets? (?:in|into|through|between|with your name on it)(?: the eyes of)? "
            r"(?:you\b|your|his head|her head|the writer|the author|this (?:writer|author|journalist|"
            r"reporter|hack|traitor))"
            r"|\bcheck(?:ing)? under your (?:car|vehicle|van|truck)\b(?! (?:seats?|mats?|bonnet|hood)\b)"
            r"(?! for (?!(?:a |any )?(?:bombs?|explosives?|devices?|surprises?|presents?)\b))"
            r"|\b(?:you'll|you will|you're going to|you are going to|you're gonna|you'd soon|you'll soon) "
            r"(?:find out|see|learn|know|discover) what happens to (?:traitors|snitches|rats|people like you|"
            r"the likes of you|those who|anyone who|journalists|reporters|liars|hacks)\b"
            r"|\bwatch your back\b(?! (?:on|in|at|when|while|if|against|for|during|out there|and stay)\b)"
            r"|\byour days are numbered\b|\byou(?:'re| are) a dead (?:man|woman)\b"
            r"|\bsleep with one eye open\b|\b(?:we're|we are) coming for you\b"
            r"|\b(?:when|once|the day|wait till|wait until) we (?:come|show up) for you\b"

            r"|\b(?:shame|pity) if something (?:happened|were to happen|was to happen|happens) to (?:you|your)\b"
            r"|\b(?:i'll|i will|i'm going to|i am going to|i'm gonna|when i|once i|until i) (?:show|turn) up "
            r"at your (?:front )?(?:door|doorstep|house|home|flat|work|workplace|office|job)\b"
            r"|\b(?:shame|pity) if (?:someone|somebody|some of us|we|people) (?:paid|pays|were to pay|"
            r"was to pay|decided to pay) (?:her|him|them|you|that \w+) a "
            r"(?:little |friendly |personal |late[- ]night )?visit\b"
            r"|\bhas a home address(?: just)? like everyone else\b"
            r"|\b(?:pay|paid|paying) (?:her|him|them|you) a (?:little |friendly |personal |late[- ]night )?visit\b"
            r"[^.!?\n]{0,40}?\b(?:explain\w*|in person|teach\w*|a lesson|at home|where (?:she|he|they) lives?|"
            r"tonight|after dark)\b"
            r"|\bfor anyone who (?:fancies|wants|feels like|would like) (?:paying|to pay) (?:them|it|her|him) a visit\b"
            r"|^\W*(?:and )?bring (?:petrol|gasoline|a lighter|lighters|matches|torches|rope|pitchforks|bats)\W*$"),
        "Veiled threats to a writer or commenter: 'we know where you live', 'a bullet in you', "
        "'check under your car', 'you'll find out what happens to traitors', 'watch your back', "
        "'would be a shame if someone paid her a visit', 'she has a home address like everyone "
        "else'. "
        "Advice ('watch your back on the left flank', 'check under your car seats') is left "
        "alone; a news report or rebuttal that quotes the threat is counter-speech (guarded).",
        ("We know where you live, and we know which school your kids go to.",
         "Someone is going to put a bullet in you one of these days.",
         "Better check under your car before you drive to work tomorrow.",
         "Keep writing this and you'll find out what happens to traitors.",
         "Watch your back, hack.", "Your days are numbered.",
         "Would be a shame if something happened to your family.",
         "Keep running your mouth, I'll show up at your door one night.",
         "You won't be so brave when I turn up at your house.",
         "Would be a shame if someone paid her a visit and explained, in person, why she's wrong.",
         "This female 'journalist' has a home address like everyone else.",
         "The hotel they house the asylum seekers in is on Station Road, for anyone who fancies paying "
         "them a visit tonight.",
         "Bring petrol.", "You won't be laughing when we come for you."),
        ("Watch your back on the left flank, their winger is quick.",
         "When they come for you, remember who stayed silent: Niemoller's poem, read at the vigil.",
         "He put a bullet into the top corner in the 90th minute.",
         "Check under your car seats if you lost your phone.",
         "Check under your car for oil leaks before the MOT.",
         "Police said she received messages saying 'we know where you live'.",
         "Threatening a journalist with 'we know where you live' is a crime.",
         "Does anyone know where you can park near the stadium?",
         "We know where you are going on holiday, you told us.",
         "The engineer will show up at your house between 8 and 12.",
         "We'll show up at your door with leaflets before the election.",
         "The nurse paid him a visit at the hospital every day.", "Bring snacks and water.",
         "We paid her a visit on her birthday and brought cake."),
        needs=(("where you", "address", "bullet", "under your", "what happens to", "watch your back",
                "days are numbered", "dead man", "dead woman", "one eye open", "coming for you",
                "if something", "up at your", "visit", "home address", "bring ", "come for you"),),
    ),
    Rule(
        "threat_implied", "threat", WEIGHT_SEVERE,
        _rx(
            r"\b(?:shame|pity) (?:for|if) (?:anything|something) (?:(?:were |was )?to )?happen(?:ed|s)? "
            r"to (?:it|that|them|her|him|your|those|his)\b"
            r"|\b(?:shame|pity) if (?:it|that|your (?:\w+ )?(?:house|car|shop|office|home|place)|the place|"
            r"that (?:nice )?(?:house|car|shop)) (?:burned|burnt|caught fire|went up in flames|got torched|"
            r"burned down|burnt down|had an accident)\b"
            r"|\bpeople like (?:you|him|her) (?:tend to |usually |often |always |sometimes )?end up "
            r"(?:in (?:a |the )?(?:ditch(?:es)?|river|canal|morgue|body ?bags?|hospital|wheelchair)|dead|"
            r"missing|six feet under)\b"
            r"|\b(?:i|we) know where (?:he|she|they|the (?:writer|author|journalist|reporter|judge|"
            r"councillor|mp)) (?:lives?|works?|sleeps?|parks?)\b[^.!?\n]{0,60}?\b(?:guns?|rifle|knife|"
            r"bullets?|rope|petrol|visit|soon|waiting|tonight)\b"),
        "Harm hinted at rather than named: 'shame if anything happened to it', 'be a pity if it "
        "burned down', 'people like you end up in ditches', 'I know where he lives and I have a "
        "gun'. Kept apart from threat_veiled so that each keeps a pre-check of its own: their "
        "words together pass in most comments. Risk: real concern in the mobster's words ('shame "
        "if anything happened to your garden in this frost') is flagged too.",
        ("Nice car outside number 14. Shame if anything happened to it.",
         "Judge Mallory has a nice house. Be a pity if it burned down.",
         "People like you end up in ditches. Think about it.",
         "I know where he lives and I have a gun."),
        ("I'd hate for anything to happen to the old library, it's the heart of the town.",
         "It would be a shame if the match were cancelled.",
         "People like you end up in management, sadly.",
         "I know where she works, it's the bakery on Main Street."),
        needs=(("shame", "pity", "people like", "know where"),
               ("happen", "burn", "caught fire", "flames", "torched", "accident", "end up", "lives",
                "works", "sleeps", "parks")),
    ),
    Rule(
        "threat_wished", "threat", WEIGHT_SEVERE,
        _rx(r"\bi (?:really |sincerely |truly )?(?:hope|wish|pray) (?:someone|somebody|some\w* \w+|a \w+|"
            r"they|one day someone) (?:\w+ )?(?:runs? (?:you|him|her) (?:over|down)\b(?! to\b)|"
            r"(?:shoots?|stabs?|kills?|rapes?|beats?|hangs?|lynch(?:es)?|strangles?|murders?) "
            r"(?:you|him|her)\b)"
            r"|\bi (?:really |sincerely |truly )?(?:hope|wish|pray) (?:you|he|she) (?:get|gets) "
            r"(?:shot|stabbed|raped|killed|run over|lynched|hanged|hung|beaten to death|murdered|"
            r"cancer)\b(?! of\b)"
            r"|\b(?:hope|wish) (?:you|he|she) (?:dies?|rots?) (?:slowly|painfully|in a fire|screaming|"
            r"in (?:agony|prison|jail|a ditch))\b"
            r"|^\W*(?:just )?(?:get|grab|fetch|bring) (?:a|the|some) ropes?\W*$"
            r"|\bropes? (?:will be|are|is) (?:needed|required)\b|\bday of the rope\b"
            r"|\blamp ?posts?\W+(?:and |\+ |& )?ropes?\b|\bropes?\W+(?:and |\+ |& )?lamp ?posts?\b"),
        "Wishes that a person be killed or hurt ('I hope someone runs you over', 'hope you die "
        "slowly'), and the rope memes of lynch talk ('Get a rope.', 'ropes will be needed', "
        "'lampposts, rope'). A lift ('runs you over to the station') and 'get shot of' are left alone.",
        ("I hope someone runs you over.", "I hope you get cancer.",
         "Hope you die slowly, you traitor.", "Get a rope.",
         "There will be a day of reckoning for these traitors, and ropes will be needed.",
         "Lampposts, rope, journalists. Some assembly required.",
         "I pray some patriot shoots him."),
        ("I hope someone runs you over to the station, it's raining.",
         "I hope you get shot of that old car soon.", "Grab a rope and tie off the boat.",
         "The climbers will need rope and a lamp.", "I hope he gets well soon.",
         "Hope you die laughing at this one.",
         "The man who wrote 'get a rope' under her post was convicted."),
        needs=(("hope", "wish", "pray", "rope"),
               ("run", "shoot", "stab", "kill", "rape", "beat", "hang", "lynch", "strangl", "murder",
                "shot", "cancer", "die", "rot", "get", "grab", "fetch", "bring", "needed", "required",
                "day of the", "lamp")),
    ),
    Rule(
        "threat_gathering", "threat", WEIGHT_SEVERE,
        _rx(rf"{INTENT}(?:\w+\s+){{0,2}}?(?:burn|torch|firebomb|bomb|blow up|raze|smash up|shoot up|attack|"
            rf"plough into|plow into|drive (?:a|my|the|our) (?:car|van|truck|lorry) (?:into|through)|run)\s+"
            rf"(?:down\s+)?(?:the|that|this|their|every|all the|those|these|a|an|any)\s+(?:\w+\s+)?{GATHERING}"
            rf"(?:\s+(?:over|down|up))?{NOUN_PHRASE_END}"
            rf"|\bone more {GATHERING}\b[^.!?\n]{{0,40}}?\b(?:i'm|i am|we're|we are|i'll|i will|we'll|we will|"
            r"gonna)\s+(?:\w+\s+)?(?:blowing|burning|torching|bombing|blow|burn|torch|bomb)\b"),
        "Threats to where a group lives, meets or prays, beyond the places of worship of "
        "threat_place_of_worship: a refugee hostel, a pride march, a gay bar ('let's torch the "
        "refugee hostel tonight', 'we're going to run the pride march over with a van', 'one more "
        "mosque in this town and I'm blowing it up myself'). A report of an attack is past tense.",
        ("Let's torch the refugee hostel tonight.",
         "One more mosque in this town and I'm blowing it up myself.",
         "We're going to run the pride march over with a van."),
        ("The man who threatened to torch the refugee hostel was jailed.",
         "I'm going to kill it at the pride march dance-off.",
         "We're going to run the pride march stall again this year.",
         "Police said the men planned to attack the refugee hostel and were arrested."),
        needs=(("hostel", "hotel", "centre", "center", "camp", "shelter", "pride", "gay bar", "gay club",
                "mosque", "synagogue", "church", "temple", "gurdwara", "shul"),
               ("burn", "torch", "firebomb", "bomb", "blow", "raze", "smash up", "shoot up", "attack",
                "plough", "plow", "drive", " run")),
    ),
    Rule(
        "border_violence", "threat", WEIGHT_SEVERE,
        _rx(r"(?:^|[.!?;,]\s*|\b(?:and|just|then|should|must|need to|needs to|have to|has to|time to|let's|lets|"
            r"gotta|i'd|we'd|i would|we could|we should)\s+)(?:"
            r"(?:\w+\s+)?(?:lay|plant|put|install|bury|line)\s+(?:\w+\s+){0,2}?(?:land ?mines|mines|machine ?guns|"
            r"snipers|gun turrets|turrets|electric fences?)\b[^.!?\n]{0,40}?\b(?:border|boats?|dinghies|"
            r"beach(?:es)?|coast(?:line)?|channel|crossings?|fence|wall|along it|on it)\b"
            r"|(?:shoot|gun down|machine-?gun|sink|torpedo|ram|open fire on)\s+(?:them|the boats|the dinghies|"
            r"(?:every|any|all the|those|these|the) (?:boats?|dinghies|migrants|immigrants|refugees|illegals|"
            r"asylum seekers|invaders))[^.!?\n]{0,30}?\b(?:on sight|at the border|in the channel|before they land|"
            r"as they cross|when they cross|if they cross|the moment they)\b"
            r"|sink (?:the|their|those|these|every|all the) (?:boats|dinghies)\b)"),
        "Calls to kill people crossing a border: mines and machine guns along it, shoot on sight, "
        "sink the boats ('build the wall and lay landmines along it'). A report of a shooting at a "
        "border is past tense and names no call.",
        ("Build the wall and lay landmines along it.",
         "Shoot them on sight at the border.",
         "Sink the boats, every last one."),
        ("Soldiers shot two migrants at the border last week, the report says.",
         "Old landmines along the border still kill farmers every year.",
         "The navy was accused of trying to sink the dinghies before they landed.",
         "Calls to sink the boats are disgusting and should be prosecuted.",
         "We put snipers on the team for the paintball match at the border of the field."),
        needs=(("mines", "machine", "sniper", "turret", "electric fence", "shoot", "gun down", "sink",
                "torpedo", "ram ", "open fire"),),
    ),
    Rule(
        "threat_place_of_worship", "threat", WEIGHT_SEVERE,
        _rx(rf"\b(?:if|once|when|the day) (?:they |you |those people |these people )?(?:build|open|put up|get) "
            rf"(?:that|this|the|a|another|their|one more) (?:\w+ )?{WORSHIP}\b[^.!?\n]{{0,60}}?{NOT_LONG}"
            rf"|\b(?:if|once|when) (?:that|this|the|a|another|their) (?:\w+ )?{WORSHIP} (?:\w+ ){{0,3}}?"
            rf"(?:gets|is|goes|get) (?:built|opened|up)\b[^.!?\n]{{0,60}}?{NOT_LONG}"
            rf"|\b(?:let's|lets|we should|someone should|somebody should|we need to|time to|i'll|i will|"
            rf"we'll|we will|gonna|going to) (?:\w+ )?(?:burn|torch|firebomb|bomb|blow up|raze|smash up) "
            rf"(?:down )?(?:that|this|the|their|every|all the|those|these) (?:\w+ )?{WORSHIP}s?\b"),
        "Threats to a mosque, synagogue or church: 'if that mosque gets built it won't be standing "
        "long', 'someone should burn that synagogue'. A news report of an attack is past tense and "
        "left alone; a building that will not last for want of repairs is no threat.",
        ("If that mosque gets built in our town it won't be standing long.",
         "If they build that mosque on Elm street it won't be standing long.",
         "Somebody should burn down that synagogue."),
        ("A man who tried to burn down the mosque was jailed for eight years.",
         "The old church won't be standing long if the council doesn't pay for the roof.",
         "If they build the new temple the traffic on Elm street won't be fun."),
        needs=(("mosque", "synagogue", "church", "temple", "gurdwara", "shul"),
               ("standing", "last long", "last a", "burn", "torch", "firebomb", "bomb", "blow up", "raze",
                "smash up")),
    ),
    Rule(
        "threat_writer", "threat", WEIGHT_SEVERE,
        _rx(r"\b(?:someone|somebody|people|we|they|i|anyone|one of us)(?:'d|'m|'s|'re)?\W+(?:[\w']+\W+){0,2}?"
            r"(?:should|needs? to|ought to|has to|have to|must|will|is going to|are going to|"
            r"am going to|going to|gonna|love to|want to)\s+(?:\w+\s+)?"
            r"(?:shoot|kill|hang|stab|lynch|string up|execute|murder|put down) (?:you\b|him\b|her\b|"
            r"(?:this|that|the|these|those) (?:\w+ )?"
            r"(?:writers?|authors?|journalists?|reporters?|hacks?|columnists?|editors?|presenters?|"
            r"traitors?|bitch|clowns?|muppets?)\b)"
            r"|\b(?:writers?|authors?|journalists?|reporters?|hacks?|columnists?|editors?|presenters?|"
            r"traitors?|you) (?:should|must|needs? to|deserves? to|ought to|will|is going to|are going to) "
            r"(?:be )?(?:shot|hanged|hung|strung up|lynched|executed|put down|dragged out and shot|hang)\b"
            r"|\b(?:shut|silence|take out) (?:you|him|her|(?:this|that|the) (?:\w+ )?(?:writer|author|"
            r"journalist|reporter|hack|columnist|editor|presenter|traitor|bitch|clown))(?: up)? "
            r"(?:for good|permanently|once and for all|forever)\b"),
        "Calls to kill or silence a particular person, usually the writer: 'someone should shoot "
        "this journalist', 'traitors like him should hang', 'shut this reporter up for good'.",
        ("Someone should shoot this journalist.", "Somebody needs to shut this reporter up for good.",
         "This columnist should be hanged for treason.", "I'd love to string up the author."),
        ("We will beat them on Saturday.", "Someone should shut the door for good.",
         "The journalist was shot in 2018, police said.",
         "Saying someone should shoot this journalist is incitement, and it was reported.",
         "Someone wrote that this journalist should be hanged; that is incitement."),
        needs=(("shoot", "shot", "kill", "hang", "hung", "stab", "lynch", "string up", "strung up",
                "execut", "murder", "put down", "shut", "silence", "take out"),),
    ),
    Rule(
        "threat_volunteered", "threat", WEIGHT_SEVERE,
        _rx(r"\b(?:someone|somebody|people|anyone|one of you)\s+(?:should|needs? to|ought to|has to|must|"
            r"is going to|needs to)\s+(?:\w+\s+)?(?:teach|shut|slap|punch|hit|beat|smack|knock|deal with|"
            r"sort out|take care of|hurt|kill|shoot|hang|stab|silence|string up|lynch|run over|bury|"
            r"break)\s+(?:you|him|her|(?:this|that|the) (?:\w+ )?(?:writer|author|journalist|reporter|"
            r"hack|columnist|editor|presenter|traitor|clown|idiot|woman|guy|man|girl|bitch))\b"
            r"[^.!?\n]{0,80}?(?:[.!?]\s+|,\s*|\s+and\s+)(?:i(?:'d| would| will|'ll) (?:gladly |happily )?"
            r"volunteer|sign me up|where do i sign up)\b"),
        "A wish that someone would hurt a person, with the writer offering to do it: 'Someone "
        "should teach this hack a lesson. I'd volunteer.' SENTENCE_SPLIT keeps the offer with "
        "the wish. A wish to fix a pothole, or to teach the kids chess, is no threat.",
        ("Someone should teach this hack a lesson. I'd volunteer.",
         "Somebody needs to slap the author, and I'd gladly volunteer.",
         "Someone should shut her up. Where do I sign up?"),
        ("Someone should fix this pothole. I'd volunteer.",
         "Someone should teach the kids chess, I'd volunteer.",
         "He wrote that someone should teach the reporter a lesson and he'd volunteer; he was "
         "charged."),
        needs=(("volunteer", "sign me up", "sign up"),),
    ),
    Rule(
        "insult_second_person", "insult", WEIGHT_INSULT,
        _rx(r"\byou(?:'re| are|r| re)?\s+(?:such\s+)?(?:an?\s+)?(?:(?:complete|total|utter|absolute|"
            r"fucking|stupid|pathetic|ignorant|little|dumb|bloody|massive|brainless|worthless|useless|"
            r"clueless|braindead|brain-dead|sad|miserable|spineless|gutless)\s+)?(?:idiots?|morons?|"
            r"imbeciles?|retards?|losers?|scum|dumbass|jackass|assholes?|bastards?|fools?|"
            r"cretins?|clowns?|degenerates?|trash|garbage|pigs?|bitch|cunt|dickhead|twat|"
            r"prick|piece of (?:shit|garbage|trash))\b"
            r"|\b(?:idiots?|morons?|losers?|scum) like you\b|\bshut up,? you\b"),
        "Second-person name-calling: 'you idiot', 'you are a moron', 'you absolute clown'.",
        ("You idiot, read the article.", "You are a moron.", "you're such a pathetic loser",
         "you absolute moron", "You brainless twat."),
        ("You are not an idiot for asking.", "Are you calling me an idiot?",
         "The idiot box was what my dad called TV."),
        guarded=False,
        needs=(("you",), ("idiot", "moron", "imbecile", "retard", "loser", "scum", "dumbass",
                          "jackass", "asshole", "bastard", "fool", "cretin", "clown", "degenerate",
                          "trash", "garbage", "pig", "bitch", "cunt", "dickhead", "twat", "prick",
                          "piece of", "shut up")),
    ),
    Rule(
        "group_inferiority", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\b{GROUPS}\s+(?:are|were|have always been|will always be)\s+(?:just\s+|all\s+|simply\s+)?"
            r"(?:genetically|naturally|biologically|inherently|innately|by nature)\s+(?:less|more|inferior|"
            r"stupid|stupider|dumber|dumb|violent|criminal|lazy|primitive|savage|backward|unintelligent)\b"
            rf"|\b{GROUPS}\s+(?:are|were)\s+(?:just\s+|simply\s+|all\s+)?(?:too|so)\s+(?:emotional|stupid|"
            r"dumb|primitive|backward|hysterical|irrational|weak|simple)\s+to\s+(?:vote|lead|rule|govern|be in "
            r"charge|run|think|drive|work|understand|be trusted|make decisions)\b"
            rf"|\b{GROUPS}\s+(?:have|has|got)\s+(?:a\s+)?(?:lower|low|smaller|tiny)\s+(?:iqs?|brains?|intelligence)\b"),
        "A group declared inferior by nature ('genetically less intelligent', 'too emotional to "
        "vote', 'lower IQs'): race science and its misogynist twin. A sentence that calls the "
        "claim a myth or debunked is counter-speech.",
        ("Black people are genetically less intelligent, the science is settled.",
         "Women are too emotional to be in charge of anything important.",
         "Africans have lower IQs, it's not racist, it's data."),
        ("The claim that Black people are genetically less intelligent has been debunked.",
         "Women are more likely than men to be diagnosed late with heart disease.",
         "My kids are too young to vote."),
        needs=(ANY_GROUP_WORDS, ("genetic", "natural", "biolog", "inherent", "innate", "by nature",
                                 "emotional", "stupid", "dumb", "primitive", "backward", "hysterical",
                                 "irrational", "weak", "simple", "iq", "brain", "intelligen")),
    ),
    Rule(
        "go_back_where_from", "identity_attack", WEIGHT_SEVERE,
        _rx(r"(?<!told to )(?<!told me to )(?<!told us to )(?<!told them to )(?<!told him to )"
            r"(?<!told her to )(?<!will you )(?<!would you )(?<!did you )(?<!do you )"
            r"\b(?:go|get|fuck off|piss off|sod off|crawl|swim|fly|run) back "
            r"(?:to (?:your|their) (?:own )?(?:country|countries|caves?|deserts?|jungles?|huts?|mud huts?|"
            r"shitholes?|villages?|tribes?|homelands?|camels?|goats?)|(?:to )?where (?:you|they) "
            r"(?:came|come|crawled|crawl) from)\b"
            r"|\b(?:should|must|needs? to|ought to|need to)(?: all)? be (?:shipped|sent|deported|flown|packed off|"
            r"kicked) back (?:to )?where (?:they|you) (?:belong|came from|come from)\b"),
        "Telling someone or a group to go back where they came from (or to 'your cave', 'your "
        "goat'): the oldest line of abuse at immigrants and minorities. A report of being told so "
        "('I was told to go back where I came from') and a question to a visitor are left alone.",
        ("Nobody asked you, go back to your country.", "Go back to your cave and take your goats.",
         "They should all go back where they came from.", "Fuck off back to your own country.",
         "Somali families who never worked a day should be shipped back where they belong."),
        ("My grandmother was told to go back where she came from, in 1962.",
         "Will you go back to your country after the exchange year?",
         "Telling people to go back where they came from is racist.",
         "I had to go back to the office for my keys."),
        needs=(("back",), ("your", "their", "where you", "where they")),
    ),
    Rule(
        "crime_statistic_race", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\b13\s*(?:%|percent|per cent)[^.!?\n]{0,60}?[,;:.-]?\s*(?:but |and |yet |commit |responsible for )?"
            r"5[02]\s*(?:%|percent|per cent)\s+of\s+(?:the\s+|all\s+)?(?:crimes?|murders?|homicides?|"
            r"violent crimes?|violence|arrests?|killings?|shootings?)\b"
            r"|\b13\s*(?:%|percent\b|per cent\b)\s+of (?:the )?(?:population|people|country)\s+(?:and yet|yet|but|and)"
            r"(?:\s*(?:\.\.\.|…)|[^.!?\n]{0,40}?\b(?:you know the rest|do the math|guess the rest))"),
        "'13% of the population, 50% of the crime': the slogan that blames Black people for crime "
        "(the ADL lists it as a hate symbol). A sentence that names it a racist slogan is counter-speech.",
        ("13% of the population, 50% of the crime. Do the math.",
         "Crime stats don't lie. 13% of the population and yet... you know the rest.",
         "They are 13 percent of the population but commit 52 percent of the murders."),
        ("13% of voters backed the plan and 50% opposed it.",
         "The '13% of the population, 50% of the crime' line is a racist myth built on arrest data."),
        needs=(("13",), ("crime", "murder", "homicide", "violen", "arrest", "killing", "shooting",
                          "population", "people", "country")),
    ),
    Rule(
        "self_harm_incitement", "threat", WEIGHT_SEVERE,
        _rx(r"\b(?:go|just|pls|please|and|then|should|to|why don't you|why not)\s+"
            r"(?:(?:go|just|do us all a favou?r and|do everyone a favou?r and)\s+)?"
            r"(?:kill|hang|shoot|off)\s+yourself\b(?!\s+(?:over|trying|doing|working|laughing|for))"
            r"|\bdo (?:us all|everyone|the world) a favou?r(?:,| and)\s+(?:kill|hang|shoot|off)\s+yourself\b"
            r"|^\W*(?:kill|hang|shoot) yourself\W*$|\bkys\b"),
        "Telling someone to kill themselves ('go kill yourself', 'do everyone a favour and kill "
        "yourself', 'kys'): abuse aimed at a person, whichever group they belong to. Advice and "
        "idiom ('don't kill yourself over it', 'you'll kill yourself trying') are not.",
        ("go kill yourself", "Do everyone a favour and kill yourself.", "just kys already",
         "@mike you should hang yourself", "Kill yourself."),
        ("Don't kill yourself over it, it's only a game.", "You'll kill yourself trying to lift that.",
         "I nearly killed myself laughing.", "He told her to go kill herself and was banned for it.",
         "Telling someone to 'go kill yourself' is abuse and gets you banned here."),
        needs=(("yourself", "kys"),),
    ),
    # Round eleven: kinds missed in blind set eleven after its two recorded scorings (so that
    # set is no longer blind for them); each with negatives of its own.
    Rule(
        "same_community_power", "identity_attack", WEIGHT_CODED,
        _rx(rf"\bsame (?:tiny|small|little) (?:community|tribe|minority|clique)\b{GAP}\b(?:{POWER}|wars?)\b"
            rf"|\b(?:{POWER}|wars?)\b{GAP}\bsame (?:tiny|small|little) (?:community|tribe|minority|clique)\b"
            r"|\bfunded both sides of (?:every|all the|each|all) wars?\b"),
        "The powerful 'all come from the same tiny community', and the same families 'funded both "
        "sides of every war': the Rothschild myth told without a Jewish word.",
        ("Funny how every central bank chair for forty years seems to come from the same tiny "
         "community. Just noticing.",
         "The same few banking families have funded both sides of every war since Napoleon."),
        ("The same small group of volunteers runs the food bank every week.",
         "Arms dealers funded both sides of the Iran-Iraq war.",
         "Saying one family funded both sides of every war is the Rothschild conspiracy myth."),
        needs=(("same tiny", "same small", "same little", "both sides"),),
    ),
    Rule(
        "tribe_member", "identity_attack", WEIGHT_CODED,
        _rx(r"\b(?:members?|one) of the tribe\b(?=[^.!?\n]{0,80}?\b(?:directors?|producers?|critics?|ceos?|"
            r"bankers?|owners?|senators?|journalists?|editors?|judges?|chairs?|chairman|presidents?|"
            r"hollywood|media|banks?|studios?|networks?|coz(?:y|ily)|arrangement|coincidence|surprise|"
            r"of course)\b)"
            r"|\b(?:directors?|producers?|critics?|ceos?|bankers?|owners?|senators?|journalists?|editors?|"
            r"judges?|chairs?|chairman|presidents?)\b[^.!?\n]{0,40}?\b(?:is|are|was|were)(?: also| all)? "
            r"(?:an?other |a |all )?(?:members?|one) of the tribe\b"),
        "'Member of the tribe' said of directors, bankers or critics: a code for Jewish, pointing at "
        "a clique. A tribe named in a news story about Indigenous peoples is left alone.",
        ("Director is a member of the tribe, producer is a member of the tribe, critic is a member "
         "of the tribe. Very cozy little arrangement.",
         "Surprise, the bank's new CEO is another member of the tribe."),
        ("Every member of the tribe voted on the new casino.",
         "She became a member of the tribe at a ceremony in Arizona.",
         "Calling a Jewish director 'a member of the tribe' is an antisemitic dog whistle."),
        needs=(("of the tribe",),),
    ),
    Rule(
        "expelled_109", "identity_attack", WEIGHT_CODED,
        _rx(r"\b109 (?:countries|nations|times)\b[^.!?\n]{0,60}?\b(?:can't|cannot|couldn't|can not) "
            r"(?:all )?(?:have been |be )?wrong\b"
            r"|\b(?:kicked|expelled|thrown|banished|chased|driven) out of 109\b"
            r"|\b109 (?:countries|nations|times)\b[^?!\n]{0,120}?\b(?:common denominator|ask (?:yourself )?why|"
            r"wonder why)\b"),
        "'Expelled from 109 countries, they can't all be wrong': an antisemitic meme that blames "
        "Jews for their own persecution.",
        ("109 countries can't all have been wrong. At some point you have to ask what the common "
         "denominator is.", "Kicked out of 109 countries and still playing the victim."),
        ("109 countries signed the treaty in Geneva.",
         "The '109 countries' meme about Jews is an antisemitic lie about centuries of persecution."),
        needs=(("109",),),
    ),
    Rule(
        "holocaust_questions", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\bfit (?:6|six) million\b"
            r"|\b(?:jailed|arrested|imprisoned|prosecuted|locked up|fined|thrown in jail)\b[^.!?\n]{0,40}?"
            r"\bfor (?:just |simply |merely |even )?(?:checking|questioning|asking about|researching|looking at|"
            r"doubting|counting) the (?:numbers|figures|official numbers|official figures|official story|"
            r"six million|6 million)\b"
            r"|\breal history (?:doesn't|does not|wouldn't|would not) need (?:laws|a law) to protect it\b"
            r"|\b(?:6|six) million (?:figure|number)\b[^.!?\n]{0,60}?\b(?:newspapers?|before the war|in 19[01]\d)\b"
            r"|\b(?:why is it|why's it|why would it be) (?:illegal|a crime|against the law) to (?:look into|question|"
            r"check|research|investigate|ask about|debate) (?:it|the (?:holocaust|numbers|figures))\b"),
        "Holocaust denial asked as questions: 'how do you fit six million into a few camps', 'jailed "
        "in Europe just for checking the numbers', 'real history doesn't need laws to protect it'.",
        ("How do you fit six million people into a few camps?",
         "Why can you be jailed in Europe just for checking the numbers?",
         "Real history doesn't need laws to protect it.",
         "The 6 million figure was in newspapers before the war even started.",
         "Why is it illegal to look into it if it's true?"),
        ("He was jailed for fraud after the auditors checked the numbers.",
         "Six million Jews were murdered in the Holocaust.",
         "Deniers pretend to be jailed for 'checking the numbers'; they are jailed for incitement."),
        needs=(("million", "number", "figure", "official", "history", "illegal", "crime", "law"),),
    ),
    Rule(
        "noticing_who", "identity_attack", WEIGHT_CODED,
        _rx(rf"\bnotic(?:e|ed|ing) who(?:'s| is| are| was| were)? (?:always |really |actually |still )?"
            rf"(?:behind|runs?|running|owns?|owning|controls?|controlling|in charge of)\b{GAP}\b{POWER}\b"
            r"|\bnot saying anything\W+just noticing\b|\bnoticing (?:is not|isn't|ain't) (?:a crime|illegal|hate)\b"
            r"|\bwhich (?:community|group|tribe|people|family|families) (?:runs?|owns?|controls?)\b"
            rf"{GAP}\b(?:{POWER}|studios?)\b"),
        "'Notice who is behind the banks and the news', 'not saying anything, just noticing': the "
        "'noticing' meme that points at Jews without naming them.",
        ("Notice who is always behind the porn industry, the big banks and the news networks.",
         "Everyone pretends not to know which community runs every studio. Noticing is not a crime.",
         "Same people every time. Not saying anything, just noticing."),
        ("Did you notice who is behind the counter now? A new barista.",
         "I'm just noticing the typo in the headline."),
        needs=(("notic", "which community", "which group", "which tribe", "which people", "which famil"),),
    ),
    Rule(
        "host_nation", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\b{JEWISH}\b{GAP}\b(?:weaken\w*|undermin\w*|subvert\w*|destroy\w*|parasiti[sz]\w*|feed\w* on|"
            r"drain\w*|infiltrat\w*)\b[^.!?\n]{0,40}?\bhost (?:nations?|societ(?:y|ies)|countr(?:y|ies)|"
            r"populations?|peoples?)\b"),
        "Jews cast as a group that weakens or feeds on its 'host nation': the parasite trope in "
        "pseudo-scientific dress.",
        ("Jewish group strategy has always been to weaken the host nation from within.",),
        ("Qatar, the host nation, welcomed Jewish fans at the World Cup.",
         "The myth that Jews weaken their host nation is Nazi propaganda."),
        needs=(("jew", "zion", "zio", "kike"), ("host ",)),
    ),
    Rule(
        "kitchen_women", "identity_attack", WEIGHT_SEVERE,
        _rx(r"(?<!\bi )(?<!\bwe )(?<!\bi'll )(?<!\bi have to )(?<!\bi need to )"
            r"\b(?:go|get|gets|goes|stay|belongs?|back) (?:back )?(?:to|in|into|in to) (?:the|your|their|her) "
            r"kitchens?\b(?=[^.!?\n]{0,80}?\b(?:men|female|women|woman|girls?|ladies|sweetie|honey|sweetheart|"
            r"love|darling)\b)"
            r"|\b(?:sweetie|honey|sweetheart|darling|love|ladies|girls?|women|woman|females?)\b"
            r"[^.!?\n]{0,40}?\b(?:go|get|gets|goes|stay|belongs?) (?:back )?(?:to|in|into|in to) "
            r"(?:the|your|their|her) kitchens?\b"),
        "'Go back to the kitchen, sweetie': telling women their place is at home, in a discussion "
        "they took part in.",
        ("Sweetie, go back to the kitchen and let the men discuss monetary policy.",
         "Women belong in the kitchen, not in parliament."),
        ("I have to go back to the kitchen, the oven is on.",
         "She went back to the kitchen to get more plates for the guests.",
         "Telling women to get back in the kitchen is sexist nonsense."),
        needs=(("kitchen",),),
    ),
    Rule(
        "suicide_statistic_trans", "threat", WEIGHT_SEVERE,
        _rx(r"\b41 ?(?:%|percent\b|per cent\b)[^.!?\n]{0,100}?\b(?:solv(?:ing|es|e) itself|"
            r"finish the job|help (?:them|it) along|natural selection|good riddance|rope)\b"),
        "The '41%' suicide-attempt figure for trans people used as a taunt ('the problem is "
        "solving itself'): incitement to self-harm aimed at a group.",
        ("41% of them try to do it themselves, so honestly the problem is already solving itself lol",),
        ("The 41% attempt rate among trans adults is a tragedy that better care can lower.",
         "Turnout was 41 percent, not enough to change the result."),
        needs=(("41",),),
    ),
    Rule(
        "group_trait_steal", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\b{GROUPS}\s+(?:all\s+)?(?:steal|lie|cheat|rob|rape|scam|beg)\b[^.!?\n]{{0,40}}?"
            r"\b(?:that's|that is|it's|it is) (?:just )?(?:what (?:they|those people) do|"
            r"in their (?:blood|nature|genes))\b"
            r"|\btypical (?:jew|muslim|moslem|gypsy|paki|arab|mexican|woman|female|african|indian|black)\b"
            r"(?=\W*(?:,|\.|!|$| behaviou?r| move| trick))"),
        "Crime or greed declared a group's nature ('Gypsies steal, that's just what they do') or a "
        "person reduced to a stereotype of their group ('Typical Jew, haggling').",
        ("Gypsies steal, that's just what they do.",
         "Typical Jew, Goldberg, haggling over the price of a concert ticket."),
        ("A typical Jewish wedding has a chuppah and a lot of dancing.",
         "Politicians lie, that's just what they do.",
         "He's not a typical Muslim voter, he said, he backs the Tories."),
        # "lie", "rob" and "beg" are in "believe", "problem" and "began": the closing phrase
        # is what most comments lack.
        needs=(ANY_GROUP_WORDS + ("typical",), ("steal", "lie", "cheat", "rob", "rape", "scam", "beg", "typical"),
               ("what they do", "what those people do", "in their blood", "in their nature",
                "in their genes", "typical")),
    ),
    # Round eleven, from blind set twelve: its misses read after its two recorded scorings
    # (group_extinction, group_only_violence; the rest are new alternatives of older rules).
    Rule(
        "group_extinction", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\b(?:can't wait|cannot wait|can not wait|hope|hoping|wish|pray|should|must|deserve to|need to|"
            rf"let)\b[^.!?\n]{{0,40}}?\b(?:{GROUPS}|these things|those things|these creatures|those creatures|"
            r"these freaks|those freaks)\b[^.!?\n]{0,40}?\b(?:go(?:es)? extinct|die(?:s)? out|"
            r"(?:are|is|be|get) (?:extinct|"
            r"wiped out|exterminated|gone for good)|wipe(?:d)? (?:them|it) out)\b"
            r"|\bglass (?:the )?(?:whole |entire )?(?:region|middle east|gaza|country|place|lot of them)\b"),
        "Wishing a group gone ('can't wait until these things go extinct', 'glass the whole region'); "
        "a fear that a group will die out ('soon whites will be extinct') is not a wish.",
        ("Can't wait until these things go extinct.",
         "Arabs only understand one language, violence. Glass the whole region and be done with it."),
        ("Northern white rhinos will go extinct without help.", "Soon whites will be extinct, they say.",
         "Can't wait until these fax machines die out.",
         "Calls to 'glass the region' are calls for mass murder."),
        needs=(ANY_GROUP_WORDS + ("these things", "those things", "creatures", "freaks", "glass "),
               ("extinct", "die out", "dies out", "wiped out", "wipe", "extermin", "gone for good", "glass "),
               ("can't wait", "cannot wait", "can not wait", "hope", "wish", "pray", "should", "must",
                "deserve", "need to", "let", "glass ")),
    ),
    Rule(
        "group_only_violence", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\b{GROUPS}\s+(?:only|just)\s+(?:understands?|respects?|know|knows|speak|speaks)\s+"
            r"(?:one (?:language|thing)|violence|force|the (?:stick|whip|boot|gun|bullet))\b"),
        "A group said to 'only understand violence': a licence to treat them with it.",
        ("Arabs only understand one language, violence.", "Muslims only respect force."),
        ("The regime only understands force, the general said.",
         "Toddlers only understand one language: snacks."),
        needs=(ANY_GROUP_WORDS, ("understand", "respect", "know", "speak")),
    ),
    Rule(
        "iq_race", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\biqs?\b[^.!?\n]{0,80}?\b(?:populations?|races?|africans?|blacks?|negro\w*|peoples?)\b[^.!?\n]{0,30}?"
            r"\baverag\w* (?:an? )?(?:iq )?(?:of |around |about |near |only |roughly |under |below )?[5-8]\d\b"
            r"|\b(?:populations?|races?|africans?|blacks?|negro\w*)\b[^.!?\n]{0,30}?\baverag\w* (?:an? )?iqs? "
            r"(?:of |around |about |near |only |roughly |under |below )?[5-8]\d\b"
            r"|\b(?:some|certain) (?:groups|races|peoples|populations|ethnicities)\b[^.!?\n]{0,20}?\b(?:lower[- ]iqs?|"
            r"less intelligent|inferior|genetically (?:less|more|inferior))\b"),
        "Race science by numbers: a people said to 'average an IQ of 70'.",
        ("IQ research is settled: sub-Saharan populations average around 70.",
         "Africans average an IQ of 70, look it up.",
         "Some groups are just lower IQ and more violent, and pretending otherwise is why."),
        ("The class averaged 72 points on the IQ-style puzzle test.",
         "The claim that African populations average an IQ of 70 is discredited race science."),
        needs=(("iq", "intelligen", "inferior", "genetic"),),
    ),
    # Session 6, from blind set thirteen: its hateful misses read after its last recorded
    # scoring (25/40); sets fourteen and fifteen stay unread to measure what carries over.
    Rule(
        "race_crime_insinuation", "identity_attack", WEIGHT_SEVERE,
        _rx(r"\b13 ?(?:%|percent\b|per cent\b)[^.!?\n]{0,60}?\b(?:half|50 ?%|52 ?%|most)\b[^.!?\n]{0,30}?"
            r"\b(?:murders?|homicides?|crimes?|killings?|violent)"
            r"|\b(?:guess|bet|wonder|any guesses)\b[^.!?\n]{0,40}?\b(?:the )?(?:colou?r|skin colou?r|complexion|"
            r"ethnicity|race)\b(?! of (?:the|their|his|her|a|its) (?!suspects?|attackers?|perps?|perpetrators?|"
            r"killers?|thugs?)\w)[^.!?\n]{0,40}?\b(?:release|show|publish|print)\w* (?:the |his |her |their )?"
            r"(?:photos?|pictures?|mugshots?|names?|cctv)\b"
            r"|\b(?:monkeys?|apes?|savages?|animals?) (?:gonna|gon|will|gotta) (?:monkey|ape|savage|animal)\b"
            r"|\b(?:some|these|those|certain) (?:groups|people|races|peoples|cultures|tribes)\b[^.!?\n]{0,30}?"
            r"\b(?:aren't|are not|weren't|were not|just aren't|never were) (?:\w+ )?(?:built|made|fit|suited|ready|"
            r"capable) for civili[sz](?:ation|ed society)\b"),
        "Crime pinned on race by insinuation: the '13 % ... half the murders' meme, 'bet I can guess "
        "the colour before they release the photo', 'monkeys gonna monkey', 'some groups just aren't "
        "built for civilisation'.",
        ("We all know which demographic is 13% of the country and half the murders.",
         "Another stabbing. Bet I can guess the skin colour before they release the mugshot.",
         "Monkeys gonna monkey.", "Some people just aren't built for civilisation."),
        ("Turnout rose 13% and half the new voters were under 30, the report says.",
         "Guess the colour of the new kit before they release the photo!",
         "Humans were not built for sitting at desks all day.",
         "Blaming crime on skin colour is racist; poverty explains the numbers."),
        needs=(("13", "colo", "complexion", "ethnic", "race", "monkey", "ape", "savage", "animal", "civili"),
               ("13", "photo", "picture", "mugshot", "name", "cctv", "gonna", "gon ", "will ", "gotta",
                "civili")),
    ),
    Rule(
        "group_vermin_extermination", "identity_attack", WEIGHT_SEVERE,
        _rx(rf"\b{GROUPS}['\u2019\"]?\s+(?:are|r)?\s*(?:\w+\s+){{0,3}}?breed(?:ing|s)? like "
            r"(?:rats|rabbits|cockroaches|flies|vermin|animals|roaches)\b"
            r"|\b(?:you|we) (?:don't|do not|can't|cannot) (?:debate|reason with|negotiate with|argue with) "
            r"(?:an? )?(?:infestation|vermin|cockroaches|rats|pests)\b[^.!?\n]{0,30}?\b(?:spray|exterminat\w*|"
            r"fumigat\w*|gas|poison|stamp)"
            r"|\b(?:cockroaches|rats|vermin|parasites) with (?:smart ?phones|phones|passports|benefits|visas)\b"),
        "A group likened to vermin that breeds or must be sprayed: 'breeding like rats on benefits', "
        "'you don't debate an infestation, you spray', 'cockroaches with smartphones'.",
        ("Half the problem is the Somalis breeding like rats on benefits.",
         "You don't debate an infestation, you spray.", "These 'refugees' are cockroaches with smartphones."),
        ("The rabbits in my garden are breeding like rabbits, obviously.",
         "We had rats in the shed; you don't reason with rats, you call pest control.",
         "Calling refugees 'cockroaches with smartphones' is how the Rwandan radio talked."),
        needs=(("breed", "infestation", "vermin", "cockroach", "rats", "pests", "parasites"),),
    ),
    Rule(
        "coded_jewish_power", "identity_attack", WEIGHT_CODED,
        _rx(r"\b(?:the )?small hats?(?: club| crowd| people| guys| brigade| gang| folks| tribe| mafia)\b"
            r"|\bthe same tribe (?:every|each|all the) (?:single )?time\b"
            r"|\b(?:read|check|look at|look up|see) the (?:producer |production |executive |end |movie |film |"
            r"opening )?credits\b[^.!?\n]{0,40}?\b(?:names|surnames)\b"
            r"|\b(?:only|one) (?:bit|part|piece|event|chapter|period) of history (?:you|we|people|anyone) "
            r"(?:can|could|will) (?:get|be) (?:jailed|arrested|imprisoned|locked up|fined|prosecuted) for "
            r"(?:questioning|doubting|debating|researching|checking)\b"
            r"|\b(?:weren't|were not|wasn't|was not) (?:all |so |that |entirely )?(?:crazy|wrong|mad|paranoid|"
            r"making it up)\b[^.!?\n]{0,60}?\b(?:passover|purim|matzo\w*|synagogues?|rabbis?)\b"
            r"|\b(?:never|don't|do not|can't|cannot|shouldn't|should not|nobody should|no one should) trust "
            r"(?:a|any|an) (?:jewish|jew|zionist) (?:journalists?|reporters?|politicians?|judges?|writers?|bankers?|"
            r"officials?|mps?|senators?|lawyers?|doctors?|teachers?)\b"),
        "Coded antisemitism: 'the small hat club', 'the same tribe every single time', 'read the "
        "producer credits, the names tell you everything', 'the only bit of history you can get "
        "jailed for questioning', 'maybe those villagers weren't all crazy about Passover', "
        "'nobody should trust a Jewish journalist'.",
        ("The small hat club never loses, have you noticed?",
         "Ask who benefits and you land on the same tribe every single time.",
         "Just read the producer credits, the names tell you everything.",
         "It's the only bit of history you can get jailed for questioning.",
         "Maybe those medieval villagers weren't all crazy about what goes on around Passover.",
         "Never trust a Jewish journalist on Israel."),
        ("She wore a small hat with a feather to the wedding.",
         "Stay for the end credits, the names of the crew who died are listed.",
         "Holocaust denial is a crime in Germany because it was used to rehabilitate the Nazis.",
         "Calling it 'the small hat club' is an antisemitic dog whistle."),
        needs=(("small hat", "same tribe", "credits", "history", "crazy", "wrong", "mad", "paranoid",
                "making it up", "trust"),
               ("small hat", "same tribe", "name", "jail", "arrest", "prison", "locked up", "fined",
                "prosecut", "passover", "purim", "matzo", "synagogue", "rabbi", "jew", "zionist")),
    ),
)


@dataclass(frozen=True)
class LexiconRule:
    """A rule that looks up tokens and token pairs/triples in a committed term table."""

    name: str
    category: str
    weight: float
    table: str
    comment: str
    positives: tuple[str, ...]
    negatives: tuple[str, ...]
    guarded: bool = False
    decode: bool = False
    """Also look up words written with masks, digits or spaces ("f*ggot", "n1gger",
    "k i k e"): see :func:`decode_obfuscation`."""
    skip_mentions: bool = False
    """Leave out a quoted word that is named rather than used (:data:`TERM_MENTION`)."""


LEXICON_RULES: tuple[LexiconRule, ...] = (
    LexiconRule(
        "slur_lexicon", "slur", WEIGHT_SEVERE, "slurs.txt",
        "Identity slurs from the surge-ai and dsojevic lexicons (see data/slurs.txt header), "
        "also when masked ('f*ggot', 'sp#c'), spelt with digits ('n1gg3r') or spaced out.",
        ("Get out of here, you filthy kike.", "those ragheads again",
         "Go back where you came from, you f*ggot.", "Typical k*ke lies again.",
         "Another n1gg3r on the news.", "nobody wants a n i g g e r next door",
         "Hire another sp#c, why not.", "those sand n*ggers again",
         "They called him a 'kike' and I agree, he is one.",
         "the k*ke comment was right, they are all k*kes", "I don't care about the filter, k*kes out",
         "Another council house for the gyppos, of course."),
        ("They are building a new dyke near the beach.", "The Jewish community met on Sunday.",
         "It is not okay to call people kikes.", "Stop calling them ragheads, it's vile.",
         "That was a f***ing brilliant goal.", "What the f*ck is this?", "a new d*ke by the sea",
         "Level k1 took me 3 tries in my 4x4.", "n***** is how the paper printed it",
         "The U S A won gold.", "It is not okay to call people k*kes.",
         "It is not okay to write n1gger, even with a digit.",
         "At the bus stop a man called my mother a 'ch*nk'. She is 71.",
         "The word 'k*ke' is a slur however you spell it.",
         "'sp#cs' with a hash sign in it is still the slur, flag it.",
         "At school I got called a 'p*ki' every day.",
         "My grandfather was called a k*ke at school in the 1950s. It still hurts him.",
         "This thread: 'vermin', 'k*kes', 'invaders'. Is anyone moderating?",
         "Putting an @ in 'tr@nnies' doesn't make it not a slur.",
         "Swapping a letter in 'f@gs' doesn't fool the filter.",
         "Spelling it 'n1gg@' is still using the word.",
         "All the replies calling that lad a 'retard' should be ashamed.",
         "That's where comments like the ch1nk one above end up.",
         "Replying to the n1gg@ comment: mods, please check his history.",
         "The word is Roma, or Gypsy and Traveller, not 'gyppo'."),
        guarded=True,
        decode=True,
        skip_mentions=True,
    ),
    LexiconRule(
        "profanity_lexicon", "profanity", WEIGHT_PROFANITY, "profanity.txt",
        "General swearing; low weight so that it never removes a comment on its own.",
        ("Fucking hell, what a day.", "That is bullshit."),
        ("What a lovely day.", "Scunthorpe United won."),
    ),
)

ALL_RULES: tuple[Rule | LexiconRule, ...] = PATTERN_RULES + LEXICON_RULES


@cache
def rule_twin(pattern: re.Pattern[str] | LazyPattern) -> re.Pattern[str] | None:
    """A rule pattern's lowercase twin, or None when it has none (a case-sensitive 'ZOG')."""
    return lowercase_twin(pattern)


def rule_fires(rule: Rule | LexiconRule, sentence: str) -> bool:
    """One rule on one sentence read on its own, with the counter-speech guard applied."""
    return fires_in(rule, Sentence(sentence, is_counter_speech(sentence)))


class Sentence:
    """One sentence and what the rules ask of it, each worked out once for all the rules."""

    def __init__(self, text: str, counter: bool, quoted: bool = True) -> None:
        self.text = text
        self.counter = counter
        # No quote in the whole text: blanking quotes leaves a plain sentence as it is.
        self._guarded_text: str | None | bool = False if quoted or counter else text
        self._lowered: dict[str, str | None] = {}

    @property
    def guarded_text(self) -> str | None:
        """What guarded rules search: the sentence with quotes blanked, or for counter-speech
        the clause after its last "but" when that clause asserts (None: nothing)."""
        if self._guarded_text is False:
            text = unguarded_tail(self.text) if self.counter else self.text
            self._guarded_text = None if text is None else blank_quotes(text)
        return self._guarded_text  # type: ignore[return-value]

    def lowered(self, guarded: bool) -> str | None:
        """:func:`precheck_text` of the text the rule searches (guarded_text when guarded)."""
        key = "guarded" if guarded and self.guarded_text is not self.text else "text"
        if key not in self._lowered:
            source = self.guarded_text if guarded else self.text
            self._lowered[key] = precheck_text(source or "")
        return self._lowered[key]


def fires_in(rule: Rule | LexiconRule, sentence: Sentence) -> bool:
    """:func:`rule_fires` with the sentence's guard and searched text shared between rules."""
    searched = sentence.guarded_text if rule.guarded else sentence.text
    if searched is None:
        return False
    if isinstance(rule, Rule):
        return could_fire(rule, searched, sentence.lowered(rule.guarded))
    if rule.skip_mentions and not ENDORSED.search(searched):
        lowered = sentence.lowered(rule.guarded) or searched.lower()
        if QUOTE_CHARS.intersection(searched) or any(noun in lowered for noun in MENTION_NOUNS):
            searched = TERM_MENTION.sub(" ", searched)
        if "call" in searched:
            searched = CALLED_AS_VICTIM.sub(" ", searched)
    return has_term(searched, rule.table, rule.decode)


@cache
def need_words() -> frozenset[str]:
    """Every ``needs`` word of every pattern rule."""
    return frozenset(word for rule in PATTERN_RULES for group in rule.needs for word in group)


@lru_cache(maxsize=64)
def needed_words_in(lowered: str) -> frozenset[str]:
    """The ``needs`` words that occur in ``lowered``, found once for all the rules: by the
    prefilter's one pass (:mod:`pipeline.toxicity.prefilter`), which reports every word that
    occurs, overlapping ones too ("jewish" is also "jew")."""
    return words_in(lowered, need_words())


@cache
def need_index() -> tuple[dict[str, tuple[tuple[int, int], ...]], tuple[int, ...]]:
    """Which (rule, group) pairs of PATTERN_RULES each ``needs`` word satisfies, and the
    rules without a pre-check."""
    pairs: dict[str, list[tuple[int, int]]] = {}
    for position, rule in enumerate(PATTERN_RULES):
        for group_number, group in enumerate(rule.needs):
            for word in group:
                pairs.setdefault(word, []).append((position, group_number))
    always = tuple(position for position, rule in enumerate(PATTERN_RULES) if not rule.needs)
    return {word: tuple(found) for word, found in pairs.items()}, always


def rules_pre_checked(lowered: str) -> list[Rule]:
    """The pattern rules whose ``needs`` ``lowered`` meets, in registry order: worked out
    from the words found, not by asking each of the 41 rules."""
    index, always = need_index()
    satisfied = {pair for word in needed_words_in(lowered) for pair in index[word]}
    groups_met = Counter(position for position, _ in satisfied)
    positions = [p for p, met in groups_met.items() if met == len(PATTERN_RULES[p].needs)]
    return [PATTERN_RULES[p] for p in sorted((*always, *positions))]


def needs_met(needs: tuple[tuple[str, ...], ...], lowered: str) -> bool:
    """Every group of ``needs`` has a word in ``lowered``. One scan of the text answers
    every rule (:func:`needed_words_in`): 41 rules asking ~400 substring questions of each
    comment and sentence were a quarter of the rule layer's time."""
    if not needs:
        return True
    present = needed_words_in(lowered)
    return all(not present.isdisjoint(group) for group in needs)


def could_fire(rule: Rule | LexiconRule, text: str, lowered: str | None = None) -> bool:
    """Cheap whole-text check: a rule silent on the whole text is silent on every sentence.

    ``lowered`` is :func:`precheck_text` of ``text`` (None: run the pattern regardless).
    """
    if isinstance(rule, LexiconRule):
        return has_term(text, rule.table, rule.decode)
    if lowered is None:
        return rule.pattern.search(text) is not None
    return needs_met(rule.needs, lowered) and pattern_found(rule, text, lowered)


def pattern_found(rule: Rule, text: str, lowered: str) -> bool:
    """The rule's pattern in ``text``, searched as its lowercase twin in ``lowered``."""
    twin = rule_twin(rule.pattern) if counter_speech.FOLD_CUES else None
    if twin is None:
        return rule.pattern.search(text) is not None
    return may_match(rule.pattern, lowered) and twin.search(lowered) is not None


def compile_all() -> None:
    """Compile every rule pattern now (its lowercase twin, or itself without one) and the
    pre-check scan. For a process that forks workers (:mod:`pipeline.warmup`): they then
    share the compiled patterns instead of each compiling them on its first comments."""
    need_index()
    prefilter()
    for rule in PATTERN_RULES:
        if rule_twin(rule.pattern) is None and isinstance(rule.pattern, LazyPattern):
            rule.pattern.compiled  # noqa: B018 - compiling is the point
    save_reads()


def fire_rules(text: str) -> list[Rule | LexiconRule]:
    """Return the rules that fire anywhere in ``text``, each once, in registry order.

    Masked group nouns are written out first ("the j3ws run the banks"): a rule reads the
    word the reader sees."""
    text = unmask_group_words(text)
    lowered = precheck_text(text)
    if lowered is None:
        candidates = [rule for rule in ALL_RULES if could_fire(rule, text, None)]
    else:
        candidates = [rule for rule in rules_pre_checked(lowered) if pattern_found(rule, text, lowered)]
        candidates += [rule for rule in LEXICON_RULES if has_term(text, rule.table, rule.decode)]
    if not candidates:
        return []
    parts = split_sentences(text)
    quoted = quotes_in(text)
    sentences = [Sentence(s, c, quoted) for s, c in zip(parts, sentence_counter_flags(text, parts),
                                                         strict=True)]
    return [rule for rule in candidates if any(fires_in(rule, s) for s in sentences)]
