"""Score reader comments for toxicity, offline: a rule layer plus a small linear model.

The final score is the stronger of the model score and the weight of the strongest
rule that fired, plus a small share (``TIE_BREAK``) of the weaker one: a rule the
project wrote for a known trope or slur decides on its own, the model covers what
no rule names, and among comments the same rule caught the model still ranks. A
comment is toxic when the score reaches the threshold. Categories come from the
rules that fired; when only the model is confident, its score is filed under
``identity_attack`` if the text names a group and under ``insult`` otherwise.

>>> hate, fine = score_texts(["Take down the Jew cabal.", "Jewish families lit candles."])
>>> hate.toxic, hate.rules, sorted(hate.categories)
(True, ('group_conspiracy_noun',), ['identity_attack'])
>>> fine.toxic, fine.rules
(False, ())
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.regex_guard import save_reads
from pipeline.toxicity.counter_speech import asserted_text, rebuts
from pipeline.toxicity.model import IDENTITY_TERMS, load_model
from pipeline.toxicity.rules import LexiconRule, Rule, fire_rules

OPERATING_THRESHOLD = 0.63
"""Chosen by scripts/train_toxicity.py (see MODEL_CARD.md): the threshold with the best F1
on the Stormfront validation users among those that flag at most 5% of the neutral and
positive identity statements in the threshold-choice half of HateCheck. Re-run the
training script after changing the model, the rules or the data, and copy its value here.
Round eight tempered the saved logits (x0.5): 0.58 is about the model logit 0.66 was before.
Round eleven's model (more training comments, the word block weighed down) gave 0.61,
round twelve's (1,003 more training comments) 0.57, round thirteen's (995 more, C=8) 0.56,
round fourteen's (the word-vector block) 0.58, round fifteen's (1,000 more training
comments) 0.60, round sixteen's (1,000 more) 0.59, round seventeen's (1,000 more) 0.62,
round eighteen's (1,000 threat comments at half weight, session 12's rules) 0.63."""

COUNTER_SPEECH_DAMPING = 0.6
"""Model score factor for texts that quote or rebut ("the claim that ... is a myth"): the
model sees the hateful words of the quoted claim. Rules are not damped (they have their own
guard), except under REBUTTAL_MODEL_CEILING. Not applied where every counter-speech sentence
goes on to assert after "but" or "yet" ("they say it's a myth, yet ...", counter_speech.rebuts,
session 12: blind set twenty-two 17 -> 19 of 40 hedged hateful comments caught, no rebuttal or
ordinary comment more flagged; ETHOS .7818 -> .7807). Hedges without a "but" are still damped,
unless the model is sure (DAMPING_FADE)."""

DAMPING_FADE = 0.8
"""Model score above which the counter-speech damping fades out, reaching none at 1: a text the
model scores 0.9 keeps 0.72, not 0.54. Over every check set and HateCheck's threshold half
(session 13), of the texts read as counter-speech that the model scored 0.85 or more, 6 were
hateful and none was not: hate that says "not racist, just statistics" or puts the
group's claim in scare quotes reads as counter-speech, and a rebuttal that quotes its claim
scores lower. Chosen on those counts (0.8: four hateful lines caught, nothing else flagged;
linear ramps from 0.7 or 0.75 also flagged one to five rebuttals and negations)."""

REBUTTAL_MODEL_CEILING = 0.25
"""A text that rebuts or explains somewhere (counter-speech, see COUNTER_SPEECH_DAMPING) and that
the model scores under this has its identity-attack rules damped like the model (x0.6: 0.95
becomes 0.57, under the operating threshold), unless a rule of another category (a threat, a
slur) fires too: the rebuttals that name a trope ("the 'kosher tax' story is a hoax") trip the
trope rules in a sentence the counter-speech reading does not reach, and the model, which has
read thousands of such rebuttals, scores them low. Chosen in session 12 on counts over all the
check sets (blind sets included: 4 rebuttals spared at 0.2, 5 at 0.25, no hateful line lost at
either; HateCheck dev and Stormfront have no such line), so those are no test of it; blind set
twenty-one is. Raised to 0.25 in session 14, counted over the 3,222 check lines of then: 3 more
rebuttals spared (blind 14, 21, 24: histories of the blood libel, of the Great Replacement, of the
Happy Merchant), no hateful line lost, no public AUC moved; at 0.3 2 more spared and 1 hateful
line lost."""

SLUR_MODEL_CEILING = 0.2
"""A slur in a text the model scores under this is damped like counter-speech (x0.6: 0.95 becomes
0.57, under the operating threshold), unless another rule decides: people who quote a slur to
report or condemn it ("my grandfather was called a k*ke at school", "the ch1nk one above") write
rebuttals the model scores low, in shapes the mention patterns (counter_speech.TERM_MENTION)
cannot all list. Chosen in session 14 on counts of the texts the slur lexicon fires on, by
label and model score: hateful ones under 0.2 are 0 of 78 in the check sets, 0 of 56 in
HateCheck's threshold half, 0 of 63 in Stormfront's training users and 1 of 829 in Davidson's
hate class; non-hateful ones 3 of 5 in blind sets 27 and 28 (their model scores were counted
before this was written, so those two sets are no test of it) and 304 of 1,593 in Davidson's
offensive and neither classes. Under 0.3, 2 hateful check lines would be lost. Effect at 0.2:
Stormfront's validation and test users 3 and 5 fewer non-hateful sentences flagged and 0 and 1
fewer hateful ones; Davidson (trained on) 303 fewer offensive or plain tweets and 1 fewer hateful
one; no check-set verdict before blind sets 27 and 28 moved."""

ASSERTED_GATE = 0.7
"""A text that rebuts is not damped below what it asserts besides its rebuttals and quotes: the
model score of that part (:func:`asserted_scores`) counts in full when it reaches this. Hate
that borrows a rebuttal's words ("Spare me the 'not all Jews' line. <hate>", "Stop calling them
people fleeing war. <hate>") had the whole text's score damped for one quote or cue; a rebuttal's
other sentences ("Survivors are still alive.") rarely score this high on their own. Chosen in
session 14 on the check sets: at 0.7 11 more hateful lines caught and 1 more rebuttal flagged
(no gate: 15 and 5, and HateCheck dev AUC .8584 -> .8543); ETHOS .7808 -> .7792, blind sets
27 and 28 unchanged."""

ASSERTED_FLOOR = 0.5
"""The part a rebutting text asserts is only scored when the whole text's model score reaches
this: of the 767 check-set texts that rebut, the 659 the model scores under 0.5 hold no part
that reaches ASSERTED_GATE, and scoring the parts of all of them made a rebuttal-rich batch
(blind sets 13-26) cost 0.13 -> 0.165 ms a comment."""

TIE_BREAK = 0.1
"""Share of the weaker signal's headroom added to the stronger: ``hi + 0.1 * (1 - hi) * lo``.
Plain max gave every comment a rule caught the same score (0.95 or the profanity floor
0.3), which flattens the ranking; 0.1 raised HateCheck-dev and Stormfront-val AUC a little
(0.1, 0.3, 0.5 and 1 = noisy-OR tried) and moves a score by at most 0.05 near the threshold."""

CATEGORIES = ("slur", "identity_attack", "threat", "insult", "profanity")


@dataclass(frozen=True)
class ToxicityScore:
    """Score in [0, 1], the verdict at the threshold, the categories that fired, and why."""

    score: float
    toxic: bool
    categories: dict[str, float] = field(default_factory=dict)
    rules: tuple[str, ...] = ()


def damped(model_score: float) -> float:
    """The model score of a text that rebuts: x COUNTER_SPEECH_DAMPING, fading out above DAMPING_FADE.

    >>> [round(damped(m), 2) for m in (0.5, 0.8, 0.9, 1.0)]
    [0.3, 0.48, 0.72, 1.0]
    """
    fade = min(max((model_score - DAMPING_FADE) / (1.0 - DAMPING_FADE), 0.0), 1.0)
    return model_score * (COUNTER_SPEECH_DAMPING + (1.0 - COUNTER_SPEECH_DAMPING) * fade)


def attribute_model_score(text: str, model_score: float) -> str:
    """Name the category for a model-only verdict: a group named means identity attack."""
    return "identity_attack" if IDENTITY_TERMS.search(text) else "insult"


def combine(text: str, model_score: float, fired: Sequence[Rule | LexiconRule],
            threshold: float, asserted_score: float = 0.0) -> ToxicityScore:
    """Merge the model score and the rules into one verdict (the max, ties broken)."""
    weights = {rule.name: rule.weight for rule in fired}
    if model_score < SLUR_MODEL_CEILING:
        weights = {name: weight * COUNTER_SPEECH_DAMPING if name == "slur_lexicon" else weight
                   for name, weight in weights.items()}
    if rebuts(text):
        if (model_score < REBUTTAL_MODEL_CEILING
                and all(rule.category == "identity_attack" for rule in fired if rule.weight >= threshold)):
            weights = {rule.name: (rule.weight * COUNTER_SPEECH_DAMPING if rule.category == "identity_attack"
                                   else rule.weight) for rule in fired}
        model_score = max(damped(model_score), asserted_score if asserted_score >= ASSERTED_GATE else 0.0)
    categories: dict[str, float] = {}
    for rule in fired:
        categories[rule.category] = max(categories.get(rule.category, 0.0), weights[rule.name])
    rule_score = max(weights.values(), default=0.0)
    if model_score >= threshold and model_score > rule_score:
        name = attribute_model_score(text, model_score)
        categories[name] = max(categories.get(name, 0.0), model_score)
    strong, weak = max(model_score, rule_score), min(model_score, rule_score)
    score = strong + TIE_BREAK * (1.0 - strong) * weak
    return ToxicityScore(round(score, 4), score >= threshold, categories,
                         tuple(rule.name for rule in fired))


MEMO_SIZE = 10_000
"""Texts whose model score and fired rules are remembered, per process. Comment
sections and author names recur across pages of one site (the benchmark's documents
reuse seed 003's thread); a score is a pure function of the text, so a repeat costs
a lookup. About 5 MB at 500 characters a text; the memo is emptied when full."""

_MODEL_MEMO: dict[str, float] = {}


def model_scores(texts: Sequence[str]) -> list[float]:
    """Model score of each text; texts not seen before go to the model in one batch."""
    missing = list(dict.fromkeys(t for t in texts if t not in _MODEL_MEMO))
    fresh = (dict(zip(missing, map(float, load_model().predict(missing)), strict=True))
             if missing else {})
    scores = [fresh[text] if text in fresh else _MODEL_MEMO[text] for text in texts]
    # Read before the memo is emptied: a batch mixing seen texts with more new ones than
    # fit would otherwise lose the seen ones.
    if len(_MODEL_MEMO) + len(fresh) > MEMO_SIZE:
        _MODEL_MEMO.clear()
    if len(fresh) <= MEMO_SIZE:
        _MODEL_MEMO.update(fresh)
    return scores


@lru_cache(maxsize=MEMO_SIZE)
def asserted_part(text: str) -> str:
    """:func:`~pipeline.toxicity.counter_speech.asserted_text` of a text that rebuts, "" for any
    other text or one that only rebuts; remembered, as a thread comes back with every version of
    its page."""
    part = asserted_text(text) if rebuts(text) else ""
    return part if part.strip() else ""


def asserted_scores(texts: Sequence[str], scores: Sequence[float],
                    score: Callable[[list[str]], Iterable[float]] = model_scores) -> list[float]:
    """Model score of what each rebutting text asserts besides its rebuttals and quotes
    (:func:`~pipeline.toxicity.counter_speech.asserted_text`), for the texts whose own model score
    (``scores``) reaches ASSERTED_FLOOR; 0 for the others and for a text that only rebuts. The
    parts go to the model (``score``) in one batch."""
    parts = {text: part for text, m in zip(texts, scores, strict=True)
             if m >= ASSERTED_FLOOR and (part := asserted_part(text))}
    todo = list(dict.fromkeys(parts.values()))
    scored = dict(zip(todo, map(float, score(todo)), strict=True)) if todo else {}
    return [scored[parts[text]] if text in parts else 0.0 for text in texts]


@lru_cache(maxsize=MEMO_SIZE)
def combined(text: str, model_score: float, threshold: float, asserted_score: float = 0.0) -> ToxicityScore:
    """:func:`combine` with the rules that fire, remembered: a thread's comments come back
    with every version of their page. The rule layer's one memo: the rules and the
    counter-speech cues are only looked for when a text is new."""
    return combine(text, model_score, fire_rules(text), threshold, asserted_score)


def score_texts(texts: Sequence[str], threshold: float | None = None) -> list[ToxicityScore]:
    """Score a batch of comments; the model runs once over the texts it has not seen."""
    cutoff = OPERATING_THRESHOLD if threshold is None else threshold
    found = model_scores(texts)
    scores = [combined(text, m, cutoff, a)
              for text, m, a in zip(texts, found, asserted_scores(texts, found), strict=True)]
    save_reads()  # the rule patterns read for the first time, for the next process
    return scores


__all__ = ["CATEGORIES", "OPERATING_THRESHOLD", "ToxicityScore", "score_texts"]
