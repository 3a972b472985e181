"""Looking words up in the committed term tables (slurs, profanity), also when masked.

Tokens are looked up, not searched for, so a table of thousands of terms costs one set
lookup a word; masked, digit and spaced spellings ("f*ggot", "n1gger", "k i k e") are
decoded against the table first (:func:`decode_obfuscation`).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from pipeline.regex_guard import can_fold
from pipeline.toxicity.vocabulary import GROUP_ADJECTIVES, GROUP_NOUNS, GROUP_SINGULAR_WORDS

DATA_DIR = Path(__file__).parent / "data"

TOKEN = re.compile(r"[\w@$]+(?:!+[\w@$]+)*")
"""A run of word characters, ``@``, ``$`` and ``!`` without its outer ``!``s ("scum!!" is
"scum"): the same tokens as stripping each run, found in one pass."""


@cache
def load_terms(table: str) -> frozenset[str]:
    """Read a committed term table once per process."""
    lines = (DATA_DIR / table).read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@cache
def load_lookup(table: str) -> frozenset[str]:
    """The terms and their plurals: one set lookup per n-gram, as :func:`find_term`.

    Plurals in ``s``, and in ``ies`` for a consonant and ``y`` ("tranny", "trannies").

    >>> "trannies" in load_lookup("slurs.txt"), "honkies" in load_lookup("slurs.txt")
    (True, True)
    """
    terms = load_terms(table)
    return terms | {term + "s" for term in terms} | {term[:-1] + "ies" for term in terms if PLURAL_IES.search(term)}


PLURAL_IES = re.compile(r"[^aeiou\W]y$")


IDIOM = re.compile(r"\bchinks? in (?:the|my|his|her|their|its|our|your|an?) armou?r\b")
"""A word of the slur table inside an idiom that is no slur: "a chink in the armour"."""


def tokenise(text: str) -> list[str]:
    """Lowercase word tokens with hyphens split, as the term tables are written; the idiom of
    IDIOM is read as "gap in the armour".

    >>> tokenise("Wet-back scum!!"), tokenise("Chinks in the armour")
    (['wet', 'back', 'scum'], ['gap', 'in', 'the', 'armour'])
    """
    lowered = text.lower()
    if "armo" in lowered:
        lowered = IDIOM.sub("gap in the armour", lowered)
    return TOKEN.findall(lowered.replace("-", " "))


def find_term(text: str, terms: frozenset[str], decode: bool = False) -> str | None:
    """Return the first 1-3 word term of ``terms`` in ``text`` (plurals allowed); with
    ``decode``, also in :func:`decode_obfuscation` of the text (the definition of has_term)."""
    forms = [text]
    if decode and may_be_obfuscated(text):
        decoded = decode_obfuscation(text, terms)
        if decoded is not None:
            forms.append(decoded)
    for form in forms:
        tokens = tokenise(form)
        for size in (1, 2, 3):
            for i in range(len(tokens) - size + 1):
                gram = " ".join(tokens[i : i + size])
                if gram in terms or (gram.endswith("s") and gram[:-1] in terms):
                    return gram
                singular = gram[:-3] + "y"
                if gram.endswith("ies") and singular in terms and PLURAL_IES.search(singular):
                    return gram
    return None


TOKEN_CACHE_SIZE = 4096
"""Texts whose tokens are kept: both lexicon rules look up the same text and its sentences."""


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def text_tokens(text: str) -> tuple[str, ...]:
    """:func:`tokenise`, remembered for the next rule that asks."""
    return tuple(tokenise(text))


@cache
def multiword_starts(table: str) -> frozenset[str]:
    """First words of the table's terms of two or more words (plurals included)."""
    return frozenset(term.split(" ")[0] for term in load_lookup(table) if " " in term)


def has_term(text: str, table: str, decode: bool = False) -> bool:
    """``find_term(text, load_terms(table), decode) is not None``, without trying every n-gram.

    Single tokens go through one set test; a two- or three-word n-gram is built only
    where a token starts a longer term. The decoded text is only built when the text
    holds a mask, a digit or a spaced-out word (:func:`may_be_obfuscated`).

    >>> has_term("those ragheads again", "slurs.txt"), has_term("a new dyke", "slurs.txt")
    (True, False)
    >>> has_term("you f*ggot", "slurs.txt"), has_term("you f*ggot", "slurs.txt", decode=True)
    (False, True)
    """
    if tokens_have_term(text_tokens(text), table):
        return True
    if not decode or not may_be_obfuscated(text):
        return False
    decoded = decoded_text(text, table)
    return decoded is not None and tokens_have_term(text_tokens(decoded), table)


def tokens_have_term(tokens: tuple[str, ...], table: str) -> bool:
    """The lookup of :func:`has_term` on tokens already made."""
    lookup = load_lookup(table)
    if not lookup.isdisjoint(tokens):
        return True
    starts = multiword_starts(table)
    if starts.isdisjoint(tokens):  # the usual case, settled in C without walking the tokens
        return False
    return any(" ".join(tokens[i : i + 2]) in lookup or " ".join(tokens[i : i + 3]) in lookup
               for i, token in enumerate(tokens) if token in starts)


MASKS = "*#%_"
"""Characters that stand for a hidden letter ("f*ggot", "sp#c", "n_gger"). Not "-" (the
tables write hyphens as spaces) and not "." (a sentence end, and "u.s.a." is spaced)."""
LEET = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "6": "g", "7": "t", "8": "b", "9": "g",
        "@": "a", "$": "s", "!": "il"}
"""Digits and signs written for a letter ("n1gg3r", "f@g"), and the letters they can be."""
SIGN_RUN = re.compile(r"[*#%_0-9@$]+")
"""Masks, digits and signs: a word is only decoded where one of these touches a letter.
"!" is left out: it ends sentences far more often than it hides a letter ("k!ke" is in
the table as written)."""
SPACED_RUN = re.compile(r" ((?:[a-z0-9@$][ .-]){2,}[a-z0-9@$])(?![^\W_])")
"""Single characters spaced out ("n i g g e r", "k.i.k.e") after a space, in lowercased text
with a space put in front. The literal first character keeps the search cheap."""
WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_*#%@$!")
"""What a masked word is made of, in lowercased text."""


def _hint_table() -> bytes:
    """Bytes to classes for :func:`may_be_obfuscated`: a letter is "a", a mask, digit or sign
    "1", a separator " ", anything else (punctuation, non-ASCII bytes) "x"."""
    table = bytearray(b"x" * 256)
    for byte in b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        table[byte] = ord("a")
    for byte in b"*#%_0123456789@$":
        table[byte] = ord("1")
    for byte in b" .-":
        table[byte] = ord(" ")
    return bytes(table)


HINT_TABLE = _hint_table()


def may_be_obfuscated(text: str) -> bool:
    """A mask, digit or sign next to a letter, or three single letters in a row: only then is
    a text decoded at all. Years, scores and prices ("2019", "7-2", "$5") are no hint.
    Every character is mapped to its class in one C call; then each "1" has its neighbours
    looked at, and SPACED_HINT is searched. A regex with character classes took 11 us on
    a 700-character comment, this 3 us (bytes ``in`` with a two-letter needle that is
    mostly "a" is slow too: 1.6 us each).

    >>> may_be_obfuscated("Won 7-2 in 2019"), may_be_obfuscated("a f*g"), may_be_obfuscated("k i k e")
    (False, True, True)
    """
    classes = (b" " + text.encode("utf-8", "ignore") + b" ").translate(HINT_TABLE)
    sign = classes.find(b"1")
    while sign >= 0:
        if classes[sign - 1] == LETTER or classes[sign + 1] == LETTER:
            return True
        sign = classes.find(b"1", sign + 1)
    return SPACED_HINT.search(classes) is not None


LETTER = ord("a")
SPACED_HINT = re.compile(rb" a a a ")
"""Three one-letter words in a row, in the classes of :func:`may_be_obfuscated`."""


def obfuscated_words(lowered: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every word around a SIGN_RUN that touches a letter, in
    lowercased text; the word keeps its inner masks and signs, not a trailing "!".

    >>> [w for _, _, w in obfuscated_words("net migration of 600k, those g00ks")]
    ['g00ks']
    """
    found: list[tuple[int, int, str]] = []
    for match in SIGN_RUN.finditer(lowered):
        start, end = match.span()
        if found and start < found[-1][1]:
            continue  # a second mask inside a word already taken
        while start and lowered[start - 1] in WORD_CHARS:
            start -= 1
        while end < len(lowered) and lowered[end] in WORD_CHARS:
            end += 1
        while end > start and lowered[end - 1] in "!*#%_":
            end -= 1
        word = lowered[start:end]
        if len(word) > 2 and sum(c.isalpha() for c in word) >= MIN_LETTERS:
            found.append((start, end, word))
    return found


MIN_LETTERS = 2
"""A digit-spelt word shows at least this many letters: "g00k" and "f4g" do, while "600k" and
"1990s" are a number with its unit (blind set twenty-four: "600k" read as a slur in a comment on
net migration)."""


MIN_VISIBLE = 2
"""A masked word needs this many visible letters: "n*****" could be anything."""


@cache
def _decodable(terms: frozenset[str]) -> dict[tuple[int, str], tuple[str, ...]]:
    """One-word alphabetic terms by (length, first letter): the candidates for a masked word."""
    index: dict[tuple[int, str], list[str]] = {}
    for term in terms:
        if term.isalpha() and term.isascii():
            index.setdefault((len(term), term[0]), []).append(term)
    return {key: tuple(sorted(words)) for key, words in index.items()}


def _fits(word: str, term: str) -> bool:
    """Every character of ``word`` can stand for the letter of ``term`` in its place."""
    return all(c == t or c in MASKS or t in LEET.get(c, "") for c, t in zip(word, term, strict=True))


def _candidates(word: str, terms: frozenset[str]) -> list[str]:
    index = _decodable(terms)
    firsts = LEET.get(word[0], word[0])
    return [term for first in firsts for term in index.get((len(word), first), ()) if _fits(word, term)]


def decode_word(word: str, terms: frozenset[str]) -> str | None:
    """The term of ``terms`` that a masked or digit-spelt word stands for.

    None when the word shows fewer than MIN_VISIBLE characters or starts with a mask, or
    when a masked word could as well be a swear word: "f***ing" fits "fagging" but is
    "fucking" (the profanity table is the competing vocabulary), so a mask never turns
    profanity into a slur. Homonyms the slur table dropped ("dyke") stay dropped: only
    the table's own terms come out.

    >>> slurs = load_terms("slurs.txt")
    >>> decode_word("f*ggot", slurs), decode_word("n1gg3r", slurs), decode_word("f***ing", slurs)
    ('faggot', 'nigger', None)
    """
    if word[0] in MASKS or sum(c not in MASKS for c in word) < MIN_VISIBLE:
        return None
    found = _candidates(word, terms)
    if not found or (not MASKS_SET.isdisjoint(word) and _candidates(word, load_lookup("profanity.txt"))):
        return None
    return found[0]


MASKS_SET = frozenset(MASKS)


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def decoded_text(text: str, table: str) -> str | None:
    """:func:`decode_obfuscation` with the table's terms, remembered per text."""
    return decode_obfuscation(text, load_lookup(table))


def decode_obfuscation(text: str, terms: frozenset[str]) -> str | None:
    """``text`` lowercased with every obfuscated word that decodes to a term written out,
    or None when none does. Only the lexicon lookup reads it; the patterns never do.

    >>> decode_obfuscation("Those sand n*ggers again", load_lookup("slurs.txt"))
    'those sand niggers again'
    >>> decode_obfuscation("nobody wants a n i g g e r here", load_lookup("slurs.txt"))
    'nobody wants nigger here'
    """
    lowered = text.lower()
    spans: list[tuple[int, int, str]] = []
    for start, end, word in obfuscated_words(lowered):
        term = decode_word(word, terms)
        if term is None and word.endswith("s") and len(word) > 3:
            stem = decode_word(word[:-1], terms)
            term = None if stem is None else stem + "s"
        if term is None and word.endswith("ies") and len(word) > 4:
            stem = decode_word(word[:-3] + "y", terms)  # "tr@nnies": "tranny"
            term = None if stem is None else stem[:-1] + "ies"
        if term is not None:
            spans.append((start, end, term))
    for match in SPACED_RUN.finditer(" " + lowered):
        letters = match.group(1)[::2]  # one separator after every character
        # A one-letter word may lead or trail the run ("a n i g g e r"): the whole run is
        # replaced, the " " put in front shifts it by one.
        for spelt in (letters, letters[1:], letters[:-1]):
            term = spelt if spelt in terms else decode_word(spelt, terms)
            if term is not None:
                spans.append((match.start(1) - 1, match.end(1) - 1, term))
                break
    if not spans:
        return None
    pieces, last = [], 0
    for start, end, term in sorted(spans):
        if start < last:
            continue
        pieces += [lowered[last:start], term]
        last = end
    return "".join(pieces) + lowered[last:]


GROUP_TERMS = frozenset(word for word in (*GROUP_ADJECTIVES, *GROUP_NOUNS, *GROUP_SINGULAR_WORDS, "jewry")
                        if word.isalpha())
"""Group nouns a commenter masks to slip past a filter ("j3ws", "G*psies", "mu$lims"): the
rules' own group words (:mod:`~pipeline.toxicity.vocabulary`), so a word is written out again
only where a rule could read it, as the reader does."""
MIN_VISIBLE_GROUP = 3
"""Visible characters a masked group noun needs: "j**s" could be "jobs"."""


def unmask_group_words(text: str) -> str:
    """``text`` with each masked or digit-spelt group noun written out in lowercase, the rest
    as it was; most texts come back unchanged after one cheap check.

    >>> unmask_group_words("The J3WS own the banks, and the G*psies steal.")
    'The jews own the banks, and the gypsies steal.'
    >>> unmask_group_words("Top 3 jobs in 2024: j**s, w*rk"), unmask_group_words("f*cking blacks")
    ('Top 3 jobs in 2024: j**s, w*rk', 'f*cking blacks')
    """
    if not may_be_obfuscated(text) or not can_fold(text):
        return text
    pieces: list[str] = []
    last = 0
    for start, end, word in obfuscated_words(text.lower()):
        if sum(c not in MASKS for c in word) < MIN_VISIBLE_GROUP:
            continue
        term = decode_word(word, GROUP_TERMS)
        if term is not None:
            pieces += [text[last:start], term]
            last = end
    return "".join(pieces) + text[last:] if pieces else text
