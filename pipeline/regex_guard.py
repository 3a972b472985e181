"""A first-character guard that makes a regex search skip most positions, same matches.

Python's ``re`` tries a pattern like ``\\b(?:myths?|tropes?|canards?|...)`` at
every position of the text, and every one of its dozens of alternatives at
each. When every match must begin with one of a few characters, a lookahead
on that character class in front of the pattern rejects the other positions
in one step: on 660-character reader comments the counter-speech patterns
search about twice as fast.

The guard is derived from the parsed pattern, not written by hand, so it
cannot drift from the pattern; where the first character cannot be known
for sure (an optional or repeated-from-zero start, a negated class, a
lookaround, inline flags) the pattern is returned unchanged. It is compiled
with the pattern's own flags, so ``re.IGNORECASE`` applies to it exactly as
to the pattern.

>>> guarded = guard(re.compile(r"\\b(?:myths?|tropes?)\\b", re.IGNORECASE))
>>> guarded.pattern
'(?=[mt])(?:\\\\b(?:myths?|tropes?)\\\\b)'
>>> guarded.search("An old MYTH.").span()
(7, 11)
>>> guard(re.compile(r"a*b")).pattern  # may start with a or b: left alone
'a*b'
>>> guard(re.compile(r"(?<!no )\\bkosher tax")).pattern  # a lookaround consumes nothing
'(?=[k])(?:(?<!no )\\\\bkosher tax)'

The second tool, :func:`lowercase_twin`, is for the same cost from another side:
with ``re.IGNORECASE`` every literal of a long alternation is compared by case
folding, and ``re`` can no longer skip an alternative on its first character.
The twin is the pattern without the flag, searched in the text lowercased once;
:func:`can_fold` says for which texts the two find the same spans.

>>> twin = lowercase_twin(re.compile(r"\\bjews?\\b", re.IGNORECASE))
>>> twin.search("Ask the JEWS.".lower()).span()
(8, 12)
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from pipeline.cachedir import cache_dir, write_quietly

FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
"""Letters that ``re.IGNORECASE`` matches to an ASCII letter but ``str.lower`` leaves
non-ASCII or lengthens (İ ı ſ K; found by trying every code point against ``[a-z]``;
İ is also the one code point whose lowercase is two characters). A text holding one
is searched with the original pattern."""
CONTEXT_LOWERED = frozenset("\u03a3")
"""Σ lowercases to σ or ς depending on the letters around it, the only such case in
``str.lower``: a substitution that changes its neighbours changes its lowercase."""

# A class wider than this is not worth a guard (and [^...] or \w are not taken).
MAX_GUARD_CHARS = 80


def first_chars(items: Any) -> set[str] | None:
    """Every character a match of the parsed ``items`` can begin with; None if unknown."""
    for op, av in items:
        # \b, ^, $ and lookarounds consume nothing: the first character is the next item's.
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue
        if op is sre.LITERAL:
            return {chr(av)}
        if op is sre.IN:
            chars: set[str] = set()
            for kind, value in av:
                if kind is sre.LITERAL:
                    chars.add(chr(value))
                elif kind is sre.RANGE and value[1] - value[0] < MAX_GUARD_CHARS:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None
            return chars
        if op is sre.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            return None if add_flags or del_flags else first_chars(sub)
        if op is sre.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                found = first_chars(alternative)
                if found is None:
                    return None
                union |= found
            return union
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _, sub = av
            return first_chars(sub) if low >= 1 else None
        return None
    return None


def alternation(words: Sequence[str]) -> str:
    """A regex for any one of ``words``, written as a prefix tree: the same strings match.

    ``re`` tries the alternatives of ``(?:asians|arabs|africans|...)`` one by one at every
    position it gets to, and with a hundred group nouns that was most of the time of the
    rules built on them; factored, each position costs a few first-letter comparisons.
    Which alternative matches first can change, so use it where only whether the
    pattern matches counts (the toxicity rules), not which span.

    >>> alternation(["jews", "jew", "jewish", "zio", "zionists"])
    '(?:jew(?:ish|s)?|zio(?:nists)?)'
    >>> re.fullmatch(alternation(["a b", "a"]), "a b") is not None
    True
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + "|".join(re.escape(char) + _branches(tree[char]) for char in sorted(tree) if char) + ")"


def word_start(words: tuple[str, ...]) -> str:
    r"""Any of ``words`` where a word starts, written literal-first: ``we(?<![\w']we)`` rather than
    ``\bwe``: ``re`` then tries a position only from its first letter on, not a word boundary at
    every character (threat_member on a long comment: 29-30 -> 14 µs a search).

    >>> [bool(re.search(word_start(("we",)), t)) for t in ("we will", "owe", "i'we")]
    [True, False, False]
    """
    return "(?:" + "|".join(rf"{re.escape(w)}(?<![\w']{re.escape(w)})" for w in words) + ")"


def _branches(node: dict[str, Any]) -> str:
    alternatives = [re.escape(char) + _branches(node[char]) for char in sorted(node) if char]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
    if "" not in node:
        return body
    return f"(?:{body})?" if len(alternatives) == 1 and len(body) > 1 else f"{body}?"


def guard(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a lookahead for its possible first characters, or unchanged."""
    return compile_guarded(pattern.pattern, pattern.flags)


def compile_guarded(source: str, flags: int = 0) -> re.Pattern[str]:
    """``source`` compiled behind the guard (:func:`guarded_source`), or as written when
    none can be derived or the guarded form does not compile."""
    guarded = guarded_source(source, flags)
    if guarded is not None:
        try:
            return re.compile(guarded, flags)
        except re.error:  # e.g. a global inline flag, which must stay at the very start
            pass
    return re.compile(source, flags)


class LazyPattern:
    """A guarded pattern (:func:`compile_guarded`) compiled the first time it is searched.

    The toxicity rules have some fifty patterns, searched mostly through their lowercase
    twins; compiling each one up front, and again for its twin, was most of the ~0.15 s
    the scorer took to import in every process. ``pattern`` and ``flags`` (all
    :func:`lowercase_twin` reads) are known without compiling; a pattern whose pre-check
    never passes is never compiled.

    >>> lazy = LazyPattern(r"\\bmyths?\\b", re.IGNORECASE)
    >>> lazy.pattern, lazy.search("An old MYTH.").span()
    ('(?=[m])(?:\\\\bmyths?\\\\b)', (7, 11))
    """

    __slots__ = ("_compiled", "_folds_plainly", "_guarded", "_source", "flags")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._guarded: str | None = None
        self._folds_plainly: bool | None = None
        self._compiled: re.Pattern[str] | None = None
        # What re.compile would report: str patterns are Unicode unless ASCII is asked for.
        self.flags = flags if flags & re.ASCII else flags | re.UNICODE

    def _read(self) -> None:
        """One read of the source (:func:`read_pattern`) for both what the guard needs and
        what the twin needs. The guard's class holds only first characters of the pattern's
        own literals, so the guarded pattern folds plainly exactly when its source does."""
        guarded, self._folds_plainly, _ = read_pattern(self._source, self.flags)
        self._guarded = guarded or self._source

    @property
    def pattern(self) -> str:
        if self._guarded is None:
            self._read()
        return self._guarded  # type: ignore[return-value]

    @property
    def folds_plainly(self) -> bool:
        """What :func:`lowercase_twin` asks of the parsed pattern, from the one parse."""
        if self._folds_plainly is None:
            self._read()
        return self._folds_plainly  # type: ignore[return-value]

    @property
    def compiled(self) -> re.Pattern[str]:
        """The guarded pattern compiled (:func:`compile_guarded`), from the parse already read."""
        if self._compiled is None:
            try:
                self._compiled = re.compile(self.pattern, self.flags)
            except re.error:  # e.g. a global inline flag, which must stay at the very start
                self._compiled = re.compile(self._source, self.flags)
                self._guarded = self._source
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def sub(self, repl: str, string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)


def guarded_source(source: str, flags: int) -> str | None:
    """The guarded pattern's source, or None when no guard can be derived."""
    return read_pattern(source, flags)[0]


Read = tuple[str | None, bool, tuple[str, ...] | None]
"""What :func:`read_pattern` tells of a pattern: guarded source, folds plainly, required literals."""

_READS: dict[tuple[str, int], Read] = {}
_READS_LOCK = threading.Lock()
_READS_STATE = {"loaded": False, "unsaved": False}


def read_pattern(source: str, flags: int) -> Read:
    """What one parse of a pattern tells: its guarded source (None: no guard), whether
    its literals fold plainly (:func:`lowercase_twin`) and the strings one of which every
    match holds (:func:`required_literals`).

    ``re``'s parser is pure Python: reading the toxicity rules' ~50 KB of patterns took
    0.07 s of CPU in every process that scored a comment, as much again as compiling them.
    The answers depend only on the source, the flags, this module and the Python version,
    so they are kept in :func:`reads_path` and read back by the next process (0.002 s);
    :func:`save_reads` writes what is new.
    """
    key = (source, flags)
    found = _READS.get(key)
    if found is None and not _READS_STATE["loaded"]:
        load_reads()
        found = _READS.get(key)
    if found is None:
        try:
            parsed = sre_parse.parse(source, flags)
        except (re.error, TypeError):
            found = (None, False, None)
        else:
            # A global inline (?i) matches the literals in any case: none are required as written.
            literals = None if parsed.state.flags & re.IGNORECASE else required_literals(parsed)
            found = (_guarded_from(source, flags, parsed), _literals_fold_plainly(parsed), literals)
        with _READS_LOCK:
            _READS[key] = found
            _READS_STATE["unsaved"] = True
    return found


def reads_path() -> Path | None:
    """The saved reads, named by this module's code and the Python version (None: caching
    is off, see :mod:`pipeline.cachedir`)."""
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(Path(__file__).read_bytes() + sys.version.encode()).hexdigest()[:16]
    return folder / f"regex-reads-{digest}.json"


def load_reads() -> None:
    """Add the saved reads to this process's; a missing, torn or foreign file adds nothing."""
    _READS_STATE["loaded"] = True
    path = reads_path()
    try:
        rows = json.loads(path.read_bytes()) if path is not None and path.exists() else []
        saved = {(str(source), int(flags)): (None if guarded is None else str(guarded), bool(folds),
                                             None if literals is None else tuple(map(str, literals)))
                 for source, flags, guarded, folds, literals in rows}
    except (OSError, ValueError, TypeError):
        return
    with _READS_LOCK:
        for key, value in saved.items():
            _READS.setdefault(key, value)


def save_reads() -> None:
    """Write this process's reads when some are new (cheap to call after every batch)."""
    if not _READS_STATE["unsaved"]:
        return
    path = reads_path()
    with _READS_LOCK:
        _READS_STATE["unsaved"] = False
        rows = [[source, flags, *read] for (source, flags), read in _READS.items()]
    if path is not None:
        write_quietly(path, json.dumps(rows).encode("utf-8"), kind="regex-reads-*.json")


def _guarded_from(source: str, flags: int, parsed: Any) -> str | None:
    """:func:`guarded_source` for a pattern already parsed."""
    chars = first_chars(parsed)
    if not chars or len(chars) > MAX_GUARD_CHARS:
        return None
    ending = "\n)" if flags & re.VERBOSE else ")"
    return f"(?=[{''.join(map(re.escape, sorted(chars)))}])(?:{source}{ending}"


_CATEGORY_CLASSES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w"}


Ending = tuple[tuple[str, ...], bool]
"""The last characters of some matches, one character-class body each, and whether the
match may have more characters before them that are not known yet (still open)."""


def _class_of(op: Any, av: Any) -> str | None:
    """The class body for one character of a LITERAL or IN item; None if not simple."""
    if op is sre.LITERAL:
        return re.escape(chr(av))
    parts = []
    for kind, value in av:
        if kind is sre.LITERAL:
            parts.append(re.escape(chr(value)))
        elif kind is sre.RANGE:
            parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif kind is sre.CATEGORY and value in _CATEGORY_CLASSES:
            parts.append(_CATEGORY_CLASSES[value])
        else:  # a negated class or an unusual category
            return None
    return "".join(parts)


def _item_endings(op: Any, av: Any, size: int) -> set[Ending] | None:
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # consume nothing, only restrict
        return {((), True)}
    if op in (sre.LITERAL, sre.IN):
        klass = _class_of(op, av)
        return None if klass is None else {((klass,), True)}
    if op is sre.SUBPATTERN:
        return None if av[1] or av[2] else _endings(av[3], size)
    if op is sre.BRANCH:
        union: set[Ending] = set()
        for alternative in av[1]:
            found = _endings(alternative, size)
            if found is None:
                return None
            union |= found
        return union
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, sub = av
        once = _endings(sub, size)
        if once is None or ((), True) in once:  # a repeat that may be empty each time
            return None
        # More than ``size`` repeats end the same way as ``size`` of them.
        counts = range(min(low, size), min(high, size) + 1)
        union = set()
        for n in counts:
            found = _endings(list(sub) * n, size)
            if found is None:
                return None
            union |= found
        return union
    return None


def _endings(items: Any, size: int) -> set[Ending] | None:
    """The last ``size`` characters (fewer when the match is shorter) of every match of the
    parsed ``items``, as :data:`Ending` s; None when unknown (``.``, a negated class...)."""
    done: set[Ending] = set()
    open_: set[tuple[str, ...]] = {()}
    for op, av in reversed(items):
        if not open_:
            break
        found = _item_endings(op, av, size)
        if found is None:
            return None
        still: set[tuple[str, ...]] = set()
        for tail in open_:
            for head, head_open in found:
                joined = (head + tail)[-size:]
                if head_open and len(joined) < size:
                    still.add(joined)
                else:
                    done.add((joined, False))
        open_ = still
    return done | {(tail, True) for tail in open_}


class TailGuard:
    """The last characters every match of a pattern ends with (see :func:`tail_guard`)."""

    def __init__(self, endings: re.Pattern[str], lengths: tuple[int, ...]) -> None:
        self.endings = endings
        self.lengths = lengths

    def admits(self, line: str) -> bool:
        """False when no match of the pattern can end where ``line`` ends (for ``^...$``
        patterns without re.MULTILINE, on a line without a trailing newline: every match)."""
        return any(self.endings.fullmatch(line, len(line) - n) is not None
                   for n in self.lengths if n <= len(line))


def tail_guard(pattern: re.Pattern[str], size: int = 2) -> TailGuard | None:
    """The last ``size`` characters every match of ``pattern`` can end with, or None.

    For whole-line patterns (``^...$``) that fail slowly on long lines: a line that
    does not end so cannot match, and the search is skipped. Compiled with the
    pattern's flags, so case folding and ``\\d`` read the endings as the pattern does.

    >>> says = tail_guard(re.compile(r"^(?:.{1,60}?\\s+says\\s*(?::|\\.\\.\\.))$", re.I))
    >>> says.admits("John SAYS:"), says.admits("Anonymous says..."), says.admits("He says so.")
    (True, True, False)
    >>> tail_guard(re.compile(r"a[^b]")) is None
    True
    """
    try:
        found = _endings(sre_parse.parse(pattern.pattern, pattern.flags), size)
    except (re.error, TypeError):
        return None
    if not found or any(not chars for chars, _ in found):
        return None
    alternatives = sorted({"".join(f"[{c}]" for c in chars) for chars, _ in found})
    lengths = tuple(sorted({len(chars) for chars, _ in found}, reverse=True))
    flags = pattern.flags & (re.IGNORECASE | re.ASCII | re.UNICODE)
    return TailGuard(re.compile("|".join(alternatives), flags), lengths)


MAX_SPELLED = 64
"""Most strings a run of a pattern is spelled out as (:func:`required_literals`): past it
the run is cut in two and each part stands on its own."""

Spelling = tuple[set[str] | None, set[str] | None]
"""A parsed piece's (every string it can match, when few and known; strings one of which
every match of it holds, when known)."""


def required_literals(items: Any) -> tuple[str, ...] | None:
    """Strings one of which every match of the parsed pattern holds; None when unknown.

    Read from the parse, case as written (so for the pattern searched without
    ``re.IGNORECASE``, e.g. a :func:`lowercase_twin` in lowercased text). Runs of literals,
    small classes, optional parts and alternations are spelled out ("anti-?semit" is
    "anti-semit" or "antisemit"); a piece that can match too many strings (``\\w+``, a
    negated class, a long repeat) ends a run. Of the runs, the one whose shortest string
    is longest is kept. Lookarounds and ``\\b`` match no characters, so they hold none.

    >>> required_literals(sre_parse.parse(r"\\b(?:myths?|the (?:claim|idea) that)\\b"))
    ('myth', 'myths', 'the claim that', 'the idea that')
    >>> required_literals(sre_parse.parse(r"\\w+ or \\w+")), required_literals(sre_parse.parse(r"\\w+b?"))
    ((' or ',), None)
    """
    found = _sequence_spelling(items)[1]
    return None if found is None else tuple(sorted(found))


def _strength(strings: set[str]) -> tuple[int, int]:
    return min(map(len, strings)), -len(strings)


def _sequence_spelling(items: Any) -> Spelling:
    run: set[str] = {""}
    whole = True
    parts: list[set[str]] = []
    for op, av in items:
        spelled, held = _item_spelling(op, av)
        if held is not None:
            parts.append(held)
        if spelled is not None and len(run) * len(spelled) <= MAX_SPELLED:
            run = {a + b for a in run for b in spelled}
            continue
        parts.append(run)
        whole = False
        run = spelled if spelled is not None else {""}
    parts.append(run)
    useful = [p for p in parts if p and "" not in p]
    return (run if whole else None), (max(useful, key=_strength) if useful else None)


def _item_spelling(op: Any, av: Any) -> Spelling:
    if op is sre.LITERAL:
        return {chr(av)}, None
    if op is sre.IN:
        chars = {chr(value) for kind, value in av if kind is sre.LITERAL}
        return (chars, None) if len(chars) == len(av) <= 8 else (None, None)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {""}, None
    if op is sre.SUBPATTERN:
        return (None, None) if av[1] or av[2] else _sequence_spelling(av[3])
    if op is sre.ATOMIC_GROUP:
        return _sequence_spelling(av)
    if op is sre.BRANCH:
        spellings = [_sequence_spelling(alternative) for alternative in av[1]]
        every = [s for s, _ in spellings]
        spelled = (None if any(s is None for s in every)
                   else set().union(*every))  # type: ignore[arg-type]
        helds = [_best(s, h) for s, h in spellings]
        held = None if any(h is None for h in helds) else set().union(*helds)  # type: ignore[arg-type]
        return (spelled if spelled is not None and len(spelled) <= MAX_SPELLED else None), held
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, sub = av
        spelled, held = _sequence_spelling(sub)
        if low == 0:
            return (spelled | {""}, None) if high == 1 and spelled is not None else (None, None)
        if low == high == 1:
            return spelled, held
        return None, _best(spelled, held)
    return None, None


def _best(spelled: set[str] | None, held: set[str] | None) -> set[str] | None:
    """The stronger of a piece's own spellings (when none is empty) and what it holds."""
    options = [o for o in (spelled, held) if o and "" not in o]
    return max(options, key=_strength) if options else None


class Prefilter:
    """Which of a fixed set of patterns can match a text, from one pass over it.

    Every match of a pattern holds one of its :func:`required_literals`; an Aho-Corasick
    automaton (pyahocorasick) finds which of all the patterns' literals a text holds in one
    pass, where ``re`` would scan the text once per pattern. A pattern none of whose
    literals is there cannot match: its search can be skipped.

    ``patterns``: (key, source, flags) of each pattern as it will be searched; the key is
    what :meth:`may_match` is asked with (a pattern object: it need not be compiled yet).
    Patterns with ``re.IGNORECASE``, and patterns with no known literals, are always
    searched. ``words``: more strings to report (a pre-check's words).

    >>> twin = re.compile(r"\\bmyths?\\b")
    >>> check = Prefilter([(twin, twin.pattern, twin.flags)], ["jew"])
    >>> check.may_match(twin, "an old myth"), check.may_match(twin, "a mouse"), check.found("jewish")
    (True, False, frozenset({'jew'}))
    """

    MEMO = 64

    def __init__(self, patterns: Iterable[tuple[object, str, int]], words: Iterable[str] = ()) -> None:
        import ahocorasick  # C extension; only processes that score text load it

        # Keyed by id: hashing a compiled pattern hashes its whole code. The list keeps
        # the keys alive, so no id is reused while the table holds it.
        self._keys: list[object] = []
        self._needs: dict[int, frozenset[str]] = {}
        strings = set(words)
        for key, source, flags in patterns:
            literals = read_pattern(source, flags)[2]  # None under re.IGNORECASE
            if literals is not None:
                self._keys.append(key)
                self._needs[id(key)] = frozenset(literals)
                strings.update(literals)
        self._automaton = ahocorasick.Automaton()
        for string in strings:
            self._automaton.add_word(string, string)
        if strings:
            self._automaton.make_automaton()
        self._memo: dict[str, frozenset[str]] = {}

    def found(self, text: str) -> frozenset[str]:
        """The literals and words ``text`` holds (remembered for the last few texts)."""
        hit = self._memo.get(text)
        if hit is None:
            hit = (frozenset(word for _, word in self._automaton.iter(text))
                   if len(self._automaton) else frozenset())
            if len(self._memo) >= self.MEMO:
                self._memo.clear()
            self._memo[text] = hit
        return hit

    def may_match(self, key: object, text: str) -> bool:
        """False only when the pattern of ``key`` cannot match ``text`` (none of its literals there)."""
        needs = self._needs.get(id(key))
        return needs is None or not needs.isdisjoint(self.found(text))


def can_fold(text: str) -> bool:
    """True when a :func:`lowercase_twin` search in ``text.lower()`` equals the original's.

    Checked for every code point: apart from FOLDS_TO_ASCII, ``str.lower`` keeps a
    character's length and whether it is a word character (``\\w``), and
    ``re.IGNORECASE`` matches an ASCII or caseless literal to exactly the characters
    that lowercase to it.
    """
    return text.isascii() or not any(map(text.__contains__, FOLDS_TO_ASCII))


def can_fold_sub(text: str) -> bool:
    """:func:`can_fold`, and the lowercase of a substitution's result is the substitution
    in the lowercase (no Σ whose final form depends on what replaces its neighbour)."""
    return text.isascii() or not any(map(text.__contains__, FOLDS_TO_ASCII | CONTEXT_LOWERED))


def _folds_plainly(char: str) -> bool:
    """A literal whose ignore-case matches are the characters that lowercase to it."""
    return (char.isascii() and not char.isupper()) or char.lower() == char == char.upper()


def _literals_fold_plainly(items: Any) -> bool:
    """Every literal and range in the parsed pattern folds plainly; no inline flags."""
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            if not _folds_plainly(chr(av)):
                return False
        elif op is sre.IN:
            for kind, value in av:
                if kind in (sre.LITERAL, sre.NOT_LITERAL) and not _folds_plainly(chr(value)):
                    return False
                if kind is sre.RANGE and not all(map(_folds_plainly,
                                                     map(chr, range(value[0], value[1] + 1)))):
                    return False
        elif op is sre.SUBPATTERN:
            if av[1] or av[2] or not _literals_fold_plainly(av[3]):
                return False
        elif op is sre.BRANCH:
            if not all(_literals_fold_plainly(alt) for alt in av[1]):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if not _literals_fold_plainly(av[2]):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if not _literals_fold_plainly(av[1]):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _literals_fold_plainly(av):
                return False
        elif op is sre.GROUPREF_EXISTS:
            return False
    return True


def lowercase_twin(pattern: re.Pattern[str] | LazyPattern) -> re.Pattern[str] | None:
    """``pattern`` without ``re.IGNORECASE``, to search lowercased text; None if not the same.

    Only for an IGNORECASE pattern whose literals are lowercase ASCII or caseless
    (quotes, dashes): then, in a text where :func:`can_fold` holds, the twin finds in
    ``text.lower()`` the spans the pattern finds in ``text``, about three times faster.
    """
    if not pattern.flags & re.IGNORECASE:
        return None
    if isinstance(pattern, LazyPattern):
        if not pattern.folds_plainly:
            return None
        try:
            return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
        except re.error:  # a guarded form that does not compile (a global inline flag)
            return None
    plain = read_pattern(pattern.pattern, pattern.flags)[1]
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE) if plain else None
