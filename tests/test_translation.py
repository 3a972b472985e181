"""Translation artifacts, provenance, publication metadata and appended articles (issue 5)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS, need_shared
from scoring import squash, word_f1

from pipeline.blocks import split_blocks
from pipeline.clean import clean_record
from pipeline.config import Config
from pipeline.model import Block, Document
from pipeline.sources import RawRecord, doc_id
from pipeline.stages import run_stages
from pipeline.translation import detect_translation_artifacts, extract_publication_metadata
from pipeline.translation.appended import find_appended
from pipeline.translation.artifacts import sentence_spans
from pipeline.translation.credits import parse_credit
from pipeline.translation.detectors import REPORTING, find_cuts
from pipeline.translation.langid import classify, classify_by_rank, foreign_language, read_model_arrays
from pipeline.translation.transliteration import TABLE, find_transliterations, read_table

DATA = Path(__file__).parent / "data" / "translation"
CASES = json.loads((DATA / "cases.json").read_text(encoding="utf-8"))["cases"]
FOREIGN = json.loads((DATA / "foreign_sentences.json").read_text(encoding="utf-8"))["sentences"]
ARTICLES = SEEDS.parent / "datasets" / "articles" / "scrapinghub" / "ground-truth.json"


def clean_seed(stem: str) -> Document:
    need_shared()
    path = SEEDS / "raw" / f"{stem}.txt"
    doc = clean_record(RawRecord(path.name, "sha-of-" + stem, data=path.read_bytes()))
    assert isinstance(doc, Document), doc
    return doc


def gold(stem: str) -> dict[str, Any]:
    return json.loads((SEEDS / "gold" / f"{stem}.json").read_text(encoding="utf-8"))


def rules_found(kind: str, text: str) -> list[str]:
    if kind in REPORTING:
        return [a.rule for a in REPORTING[kind](0, text)]
    cuts, flagged = find_cuts(text, (kind,))
    rules = [cut[3] for cut in cuts if cut[2] == kind]
    return rules + (["duplicate_rendering.flag"] if flagged else [])


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_detector_cases(case: dict[str, Any]) -> None:
    assert rules_found(case["kind"], case["text"]) == case["expect"], case["comment"]


# --- seeds --------------------------------------------------------------------


def test_seed_003_credit_becomes_metadata() -> None:
    doc = clean_seed("003_1e088acd9b881b64")
    record = doc.meta["translation"]
    assert (record["credited"], record["source_language"], record["translator"],
            record["original_publisher"]) == (True, "ru", "J.Hawk", "inosmi.ru")
    assert record["likely_translated"] is True
    assert "Original published by inosmi.ru" not in doc.body
    assert "translation from Russian" not in doc.body
    kinds = {a["kind"] for a in record["artifacts"]}
    assert {"translation_credit", "transliteration"} <= kinds
    khaleb = [a for a in record["artifacts"] if a.get("variant") == "Khaleb"]
    assert khaleb and doc.body[khaleb[0]["body_start"]:khaleb[0]["body_end"]] == "Khaleb"


def test_seed_002_injections_leave_the_body_and_are_recorded() -> None:
    doc = clean_seed("002_f7e48ce4ce53cbec")
    record = doc.meta["translation"]
    removed = {a["kind"] for a in record["artifacts"] if a.get("removed")}
    assert removed == {"inline_link_injection", "duplicate_rendering"}
    for fragment in gold("002_f7e48ce4ce53cbec")["should_exclude"]:
        assert squash(fragment) not in squash(doc.body)
    assert "What position does Russia and the EU have" not in doc.body
    assert "in the region. “Cooperation between Iran" in doc.body
    assert "Russian-Iranian interaction. “We do not sell allies." in doc.body
    assert word_f1(doc.body, gold("002_f7e48ce4ce53cbec")["body"]) > 0.999
    cuts = doc.meta["inline_removals"]
    assert {c["rule"] for c in cuts} == {"inline_link_injection.headline_then_cue",
                                         "duplicate_rendering.remove_both"}
    assert all(c["chars"] > 0 and len(c["sha256"]) == 16 for c in cuts)
    assert record["likely_translated"] is True


@pytest.mark.parametrize("stem", ["000_56e6a5e0eb7adcfe", "001_a2e18076bf17c9c8"])
def test_native_seeds_have_no_artifacts(stem: str) -> None:
    record = clean_seed(stem).meta["translation"]
    assert record["artifacts"] == []
    assert (record["credited"], record["likely_translated"]) == (False, False)


def test_reported_spans_point_into_the_body() -> None:
    doc = clean_seed("002_f7e48ce4ce53cbec")
    spans = [a for a in doc.meta["translation"]["artifacts"] if "body_start" in a]
    assert spans
    hamenei = [a for a in spans if a["kind"] == "transliteration"]
    assert doc.body[hamenei[0]["body_start"]:hamenei[0]["body_end"]] == "Hamenei"
    for artifact in spans:
        assert 0 <= artifact["body_start"] < artifact["body_end"] <= len(doc.body)


def test_seed_004_appended_article_is_its_own_document() -> None:
    parent = clean_seed("004_ed5229cfddcd607f")
    children = parent.extra["documents"]
    assert len(children) == 1
    child = children[0]
    expected = gold("004_ed5229cfddcd607f")["appended_article"]
    assert child.source == parent.source + "#appended-1"
    assert child.id == doc_id(parent.source + "#appended-1")
    assert child.meta["appended_to"] == parent.id
    assert child.meta["input_sha256"] == parent.meta["input_sha256"]
    assert child.meta["title"] == expected["title"]
    assert child.meta["publisher"] == "Sputnik News"
    assert child.meta["published"] == "2015-09-28"
    assert child.meta["language"] == "en" and child.meta["words"] > 700
    assert word_f1(child.body, expected["body"]) >= 0.97
    for chrome in ("Submitted by", "Re-publications are welcome", "Copyright owners"):
        assert chrome not in child.body
    assert "Iraq Share Intelligence" not in parent.body
    assert parent.meta["publisher"] == "Strategic-Culture"
    assert parent.meta["appended_documents"][0]["id"] == child.id


def test_appended_article_is_stored_beside_its_parent(tmp_path: Path) -> None:
    need_shared()
    from pipeline import store
    from pipeline.batch import process_batch

    raw = tmp_path / "raw"
    raw.mkdir()
    name = "004_ed5229cfddcd607f.txt"
    (raw / name).write_bytes((SEEDS / "raw" / name).read_bytes())
    result = process_batch([name], raw, tmp_path / "clean")
    assert len(result["written"]) == 2
    stored = store.get(tmp_path / "clean", doc_id(name + "#appended-1"))
    assert stored["title"] == "Iraq Share Intelligence on ISIL Against U.S. Wishes"
    assert stored["metadata"]["appended_to"] == doc_id(name)


def related_page(items: list[str]) -> list[Block]:
    blocks = [Block(0, "A long paragraph of the main article. " * 20),
              Block(1, "Related articles", "related", "related.heading")]
    for n, text in enumerate(items, start=2):
        blocks.append(Block(n, text, "related", "related.heading>section"))
    return blocks


def test_a_list_of_related_headlines_is_not_an_article() -> None:
    headlines = [f"Headline number {n} about Iran and Russia" for n in range(8)]
    assert find_appended(related_page(headlines), Config()) == []
    teaser = "A teaser of the related story that runs on for some thirty words or so, " * 2
    teasers = [item for n in range(6) for item in (f"Headline number {n} about Iran", teaser)]
    assert find_appended(related_page(teasers), Config()) == []


def test_appended_articles_can_be_switched_off() -> None:
    parent = clean_seed("004_ed5229cfddcd607f")
    assert parent.extra.get("documents")
    need_shared()
    raw = (SEEDS / "raw" / "004_ed5229cfddcd607f.txt").read_bytes()
    config = Config().with_overrides({"emit_appended_articles": False})
    doc = clean_record(RawRecord("004.txt", "x", data=raw), config)
    assert isinstance(doc, Document) and "documents" not in doc.extra


def test_injections_are_only_reported_when_removal_is_off() -> None:
    need_shared()
    raw = (SEEDS / "raw" / "002_f7e48ce4ce53cbec.txt").read_bytes()
    config = Config().with_overrides({"remove_inline_injections": False})
    doc = clean_record(RawRecord("002.txt", "x", data=raw), config)
    assert isinstance(doc, Document)
    assert "Iranian nuclear deal. Read more" in doc.body
    kinds = {a["kind"] for a in doc.meta["translation"]["artifacts"]}
    assert {"inline_link_injection", "duplicate_rendering"} <= kinds
    assert "inline_removals" not in doc.meta


# --- credits, language id, exonym table ----------------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    ("Original published by inosmi.ru; translation from Russian by J.Hawk",
     ("ru", "J.Hawk", "inosmi.ru", True)),
    ("Translated by Ed Ward", (None, "Ed Ward", None, True)),
    ("Translated from the Persian by Ali Reza for Tasnim.", ("fa", "Ali Reza", None, True)),
    ("Source: Kommersant", ("ru", None, "Kommersant", False)),
    ("Source: english.pravda.ru", (None, None, "english.pravda.ru", False)),
    ("Translated for Fort Russ by Inessa Sinchougova", (None, "Inessa Sinchougova", None, True)),
    ("Translated by Ollie Richardson and Angelina Siard",
     (None, "Ollie Richardson and Angelina Siard", None, True)),
    ("This article was translated from Russian by Viktor Kovalenko.",
     ("ru", "Viktor Kovalenko", None, True)),
    ("Source: RIA Novosti, translated by J.Hawk", ("ru", "J.Hawk", "RIA Novosti", True)),
])
def test_credit_lines_are_parsed(line: str, expected: tuple[Any, ...]) -> None:
    credit = parse_credit(line)
    assert credit is not None
    assert (credit.source_language, credit.translator, credit.original_publisher,
            credit.explicit) == expected


def test_a_credit_line_the_rules_missed_leaves_the_body() -> None:
    doc = Document(id="d", source="d.txt", text="")
    doc.blocks = split_blocks("The talks in Geneva failed again on Monday, the ministry said.\n\n"
                              "Translated from Persian by Mina Rad")
    record = detect_translation_artifacts(doc, Config()).meta["translation"]
    assert (record["source_language"], record["translator"]) == ("fa", "Mina Rad")
    assert "Mina Rad" not in doc.body
    assert doc.blocks[1].rule == "translation.credit_line"


def test_syndication_credit_is_not_a_translation() -> None:
    doc = Document(id="d", source="d.txt", text="")
    doc.blocks = split_blocks("The rover found water ice near the pole, scientists said.\n\n"
                              "Originally published on Live Science.")
    record = detect_translation_artifacts(doc, Config()).meta["translation"]
    assert record["artifacts"] == [] and record["credited"] is False


def test_foreign_sentences_are_found_in_every_language() -> None:
    missed = [s for sentences in FOREIGN.values() for s in sentences if foreign_language(s) is None]
    assert missed == []


def test_classify_says_what_py3langid_rank_says() -> None:
    texts = [s for sentences in FOREIGN.values() for s in sentences]
    texts += ["", "1234 !!!", "Σ", "ok"]
    if ARTICLES.exists():
        bodies = [page["articleBody"] for page in json.loads(ARTICLES.read_text(encoding="utf-8")).values()]
        texts += [body[a:b] for body in bodies for a, b in sentence_spans(body)][:3000]
    assert len(texts) > 50  # 80 hand-written sentences; 3,000 more when ../shared is there
    assert [classify(t) for t in texts] == [classify_by_rank(t) for t in texts]


def test_the_decompressed_model_cache_gives_py3langid_s_own_arrays(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from py3langid.langid import MODEL_DIR, MODEL_FILE
    from py3langid.modelio import load_model

    monkeypatch.setenv("PIPELINE_CACHE_DIR", str(tmp_path))
    ptc, pc, classes, nextmove, row, output = load_model(MODEL_DIR / MODEL_FILE)

    def same_as_package(data: dict[str, Any]) -> bool:
        return (data["ptc"].tobytes() == ptc.tobytes() and data["pc"].tobytes() == pc.tobytes()
                and data["classes"].tolist() == classes and data["out_feat"].tolist() == output
                and data["nextmove"].tobytes() == nextmove.tobytes()
                and data["nextmove_row"].tobytes() == row.tobytes())

    assert same_as_package(read_model_arrays())  # miss: decompresses and writes the cache
    [cached] = tmp_path.glob("py3langid-*.npz")
    assert same_as_package(read_model_arrays())  # hit
    cached.write_bytes(cached.read_bytes()[:1000])  # torn by a crash
    assert same_as_package(read_model_arrays())
    assert cached.stat().st_size > 1000  # and written again
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("PIPELINE_CACHE_DIR", str(blocked))  # cannot be written: no error
    assert same_as_package(read_model_arrays())
    blocked.unlink()
    monkeypatch.setenv("PIPELINE_CACHE_DIR", "")  # off
    cached.unlink()
    assert same_as_package(read_model_arrays())
    assert list(tmp_path.iterdir()) == []


def test_english_sentences_of_the_native_seeds_are_not_foreign() -> None:
    need_shared()
    for stem in ("000_56e6a5e0eb7adcfe", "001_a2e18076bf17c9c8", "004_ed5229cfddcd607f"):
        body = gold(stem)["body"]
        assert [s for s in body.split(". ") if foreign_language(s)] == []


def test_exonym_table_is_well_formed() -> None:
    rows = read_table()
    variants = [r.variant for r in rows]
    assert len(variants) == len(set(variants)), "duplicate variants"
    for row in rows:
        assert row.variant != row.english and 0 < row.confidence <= 1, row
        assert row.variant[0].isupper(), row
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert any("How it was made" in line for line in header)


def test_exonym_variants_do_not_occur_in_native_english_news() -> None:
    if not ARTICLES.is_file():
        pytest.skip("../shared/datasets is not beside the repository")
    truth = json.loads(ARTICLES.read_text(encoding="utf-8"))
    hits = [a.evidence for item in truth.values()
            for a in find_transliterations(0, item["articleBody"])]
    assert hits == []


# --- publication metadata --------------------------------------------------------


def page(text: str, **meta: Any) -> Document:
    doc = Document(id="p", source="p.txt", text=text, meta=dict(meta))
    return run_stages(doc, Config())


def test_cue_dates_are_published_with_evidence() -> None:
    doc = page("Talks Resume in Vienna\n\nPosted on March 3, 2018 by admin\n\n"
               "The talks resumed in Vienna on Monday, and diplomats said progress was slow. " * 1
               + "\n\nThey met again on February 1, 2015 as well, officials said at length.")
    assert doc.meta["published"] == "2018-03-03"
    assert doc.meta["dates"][0]["source"] == "pubmeta.cue"


def test_no_date_from_a_copyright_footer_or_a_body_sentence() -> None:
    doc = page("Talks Resume\n\nThe talks resumed on February 1, 2015, diplomats said, and went on "
               "for three long days of difficult meetings.\n\n© March 3, 2018 Example News. "
               "All rights reserved.")
    assert "published" not in doc.meta and "dates" not in doc.meta


def test_ambiguous_numeric_dates_are_evidence_not_published() -> None:
    doc = page("Talks Resume\n\nPublished: 03/04/2015\n\nThe talks resumed in Vienna on Monday, "
               "and diplomats said progress was slow but steady.")
    assert "published" not in doc.meta
    assert doc.meta["dates"][0]["readings"] == ["2015-03-04", "2015-04-03"]


def test_publication_metadata_never_overwrites() -> None:
    html_date = {"value": "2020-01-01", "source": "html.trafilatura"}
    doc = Document(id="p", source="p.txt", text="",
                   meta={"title": "Set by HTML", "author": "Jane Doe", "published": "2020-01-01",
                         "publisher": "Example Times", "dates": [html_date]})
    doc.blocks = split_blocks("(Sputnik News, 28/9/2015) ~ The Iraqi government said a lot "
                              "about many things that day, officials added.")
    extract_publication_metadata(doc, Config())
    kept = [doc.meta[key] for key in ("title", "author", "published", "publisher")]
    assert kept == ["Set by HTML", "Jane Doe", "2020-01-01", "Example Times"]
    assert doc.meta["dates"][0] == html_date
    assert doc.meta["dates"][1]["value"] == "2015-09-28"
    assert doc.meta["publisher_evidence"][0]["name"] == "Sputnik News"


def test_a_paragraph_that_is_only_a_link_is_relabelled_not_emptied() -> None:
    doc = Document(id="d", source="d.txt", text="")
    doc.blocks = split_blocks("The telescope saw the galaxy last week, astronomers said.\n\n"
                              "Related: The 15 Weirdest Galaxies in Our Universe\n\n"
                              "More observations are planned for next year, they added.")
    record = detect_translation_artifacts(doc, Config()).meta["translation"]
    assert doc.blocks[1].label == "related"
    assert doc.blocks[1].rule == "inline_link_injection.cue_then_headline.block"
    assert "\n\n\n" not in doc.body and "Weirdest" not in doc.body
    assert record["artifacts"][0]["removed"] is True


@pytest.mark.parametrize("cue", ["Read more:", "READ MORE:", "Read also:", "Also read:", "ALSO READ:",
                                 "See also:", "SEE ALSO:", "Related:", "RELATED:"])
def test_every_cue_before_a_headline_is_found(cue: str) -> None:
    # find_link_injections skips paragraphs holding none of its cue words; each cue must pass.
    from pipeline.translation.injection import find_link_injections

    text = f"The talks failed on Monday. {cue} Putin vows to respond to new sanctions"
    assert [shape for _, _, shape in find_link_injections(text)] == ["cue_then_headline"]


@pytest.mark.parametrize("cue", ["Read more", "Continue reading", "Read the full story"])
def test_every_cue_after_a_headline_is_found(cue: str) -> None:
    from pipeline.translation.injection import find_link_injections

    text = f"They concern the region. What you need to know about the nuclear deal. {cue} “Next"
    assert [shape for _, _, shape in find_link_injections(text)] == ["headline_then_cue"]


def test_inline_credit_followed_by_spaces_is_still_cut() -> None:
    doc = Document(id="d", source="d.txt", text="")
    doc.blocks = split_blocks("The talks in Geneva failed again on Monday, the ministry said. "
                              "(Translated from Persian by Ali Reza Tavakoli.)  \n")
    record = detect_translation_artifacts(doc, Config()).meta["translation"]
    assert record["source_language"] == "fa" and "Translated" not in doc.body


def test_document_language_is_read_from_its_sentences() -> None:
    # is_english sums per-sentence counts; it must agree with the share over the whole body.
    from pipeline.translation.artifacts import english_share
    from pipeline.translation.detectors import DOC_ENGLISH_SHARE, is_english

    texts = ["The cat sat on the mat. Der Hund sitzt auf der Matte!\n\nÉtait-il là? Oui.",
             "Der Hund sitzt. Die Katze auch.\n\nIt was the end of the story, and they knew it.",
             "Russia’s “Izvestia” wrote: the talks failed…  Nobody was surprised.\n\nΑθήνα. Ok"]
    for text in texts:
        doc = Document(id="d", source="d.txt", text=text)
        doc.blocks = split_blocks(text)
        assert is_english(doc) == (english_share(doc.body) >= DOC_ENGLISH_SHARE)
    assert [is_english(d) for d in (clean_seed(s) for s in ("000_56e6a5e0eb7adcfe",))] == [True]


def test_cached_sentence_spans_are_not_shared_between_callers() -> None:
    from pipeline.translation.artifacts import sentence_spans

    first = sentence_spans("He came. She left.")
    first.clear()
    assert sentence_spans("He came. She left.") == [(0, 8), (9, 18)]
