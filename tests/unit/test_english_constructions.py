"""English attribution constructions, one constructed sentence each, through the real English tagger."""

from __future__ import annotations

import pytest

from quellenlage import ingest, lang
from quellenlage.model import Analysis, Metadata, Span
from quellenlage.pipeline import Pipeline, default_pipeline


@pytest.fixture(scope="module")
def english() -> Pipeline:
    return default_pipeline(rules_only=True)


def _text(spans: tuple[Span, ...]) -> str:
    return " … ".join(s.text for s in spans)


def _read(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline(ingest.verbatim(text, Metadata(language="en")))


@pytest.mark.parametrize(
    ("sentence", "source", "cue", "content"),
    [
        ("The minister said the plan was dead.", "The minister", "said", "the plan was dead"),
        ("The minister said that the plan was dead.", "The minister", "said", "that the plan was dead"),
        ("Police have also said the road was closed.", "Police", "have also said", "the road was closed"),
        ("The plan is dead, the minister said.", "the minister", "said", "The plan is dead"),
        ("“The plan is dead,” the minister said.", "the minister", "said", "“The plan is dead,”"),
        ("According to police, nobody was hurt.", "police", "According to", "nobody was hurt"),
        ("Nobody was hurt, according to the police.", "the police", "according to", "Nobody was hurt"),
        ("The senator denied the report.", "The senator", "denied", "the report"),
        ("Trump urged supporters to monitor polling places.", "Trump", "urged",
         "supporters to monitor polling places"),
        ("Clinton wants to triple the size of the program.", "Clinton", "wants", "to triple the size of the program"),
        ("The mayor called for an independent inquiry.", "The mayor", "called for", "an independent inquiry"),
        # the subject after the verb of a frame after a quotation, however the parse attached it
        ("“Foolhardy provocation deserves harsh punishment”, said KCNA.", "KCNA", "said",
         "“Foolhardy provocation deserves harsh punishment”"),
        ("“We are ready for war with the enemy,” added the agency.", "the agency", "added",
         "“We are ready for war with the enemy,”"),
        # a finite cue verb the parse left without a subject: the noun phrase right before it
        ("The strikes began on May 3 and North Korea says the strikes will go on.", "North Korea", "says",
         "the strikes will go on"),
        # a passive: what was reported is its subject, and no one is named
        ("No injuries were reported in the attacks.", "", "were reported", "No injuries"),
        # a name and a colon open a headline: the name says what follows
        ("John McCain: Populist anger appeals to the bad angels of our nature", "John McCain", ":",
         "Populist anger appeals to the bad angels of our nature"),
        # the clause the parse hung on whom "told" addresses, as if a relative clause
        ("A producer told The New York Times Tuesday morning that Trump canceled the interview.", "A producer",
         "told", "that Trump canceled the interview"),
        ("Ryan told a news conference they are planting the seeds.", "Ryan", "told", "they are planting the seeds"),
        # the parser may not split a sentence at a closing quotation mark: the title is part of the name
        ("Sunday on Fox News channel’s “Sunday Morning Futures,” Rep. Darrell Issa said the plan was dead.",
         "Rep. Darrell Issa", "said", "the plan was dead"),
        # a present participle is no passive; the preposition of "call for" is the cue's
        ("Clinton is calling for the United States to step up its efforts.", "Clinton", "is calling for",
         "the United States to step up its efforts"),
        ("The senator responded: the plan is dead.", "The senator", "responded:", "the plan is dead"),
        # the quotation a frame follows closely, whatever the parse made of the verb; the hearer is no content
        ("“But I think laying out the facts raises serious issues about Russian interference in our elections, "
         "in our democracy,” Clinton told Fox in the interview, taped Saturday.", "Clinton", "told",
         "“But I think laying out the facts raises serious issues about Russian interference in our elections, "
         "in our democracy,”"),
        ("People should provide evidence for their accusations and not wave around speculative words, he told "
         "reporters.", "he", "told",
         "People should provide evidence for their accusations and not wave around speculative words"),
        # the frame after a quotation keeps its subject whole, parentheses too, however the parse ran it on
        ("“There’s tremendous energy in terms of potential in a whole host of races,” Rep. Earl Blumenauer "
         "(D-Ore.) said.", "Rep. Earl Blumenauer (D-Ore.)", "said",
         "“There’s tremendous energy in terms of potential in a whole host of races,”"),
        # a that-clause the parse hung on the day after the verb
        ("On top of that, Trump said Sunday that Muslim-American judges might be biased against him too.", "Trump",
         "said", "that Muslim-American judges might be biased against him too"),
        # a subject and its verb closing the sentence after a comma, whatever the parse made of them
        ("It is impossible to conduct an exhaustive investigation of each of them, law enforcement officials say.",
         "law enforcement officials", "say", "It is impossible to conduct an exhaustive investigation of each of them"),
        # a participle describing a noun: the noun speaks
        ("Police arrested a man claiming that he had planted a bomb.", "a man", "claiming",
         "that he had planted a bomb"),
        # the subordinator is the clause's, not the cue's
        ("When Sanders said that he would not want the endorsement, the crowd cheered.", "Sanders", "said",
         "that he would not want the endorsement"),
        # verbs of judging and repeating as speech acts
        ("The senator decried the decision of the court.", "The senator", "decried", "the decision of the court"),
        ("She reiterated her support for the plan.", "She", "reiterated", "her support for the plan"),
        # a name the tagger read as an adverb right before the verb
        ("“She said it is not just about her, it is about all of us,” Meeks added.", "Meeks", "added",
         "“She said it is not just about her, it is about all of us,”"),
        # when and where it was said is no content
        ("Netanyahu said last week in Tel Aviv, “Israel is the center of the digital future and we will stay.”",
         "Netanyahu", "said", "“Israel is the center of the digital future and we will stay.”"),
        # what an act is about belongs to its content
        ("Clinton accused Grassley of trying to keep the seat empty.", "Clinton", "accused",
         "Grassley of trying to keep the seat empty"),
        ("She criticized Trump for calling himself the king of debt.", "She", "criticized",
         "Trump for calling himself the king of debt"),
        # a past form the lemmatiser does not know ("thanked" → "thanke") is still the lexicon's verb
        ("Trump thanked his supporters in Iowa.", "Trump", "thanked", "his supporters"),
        # '' as quotation marks (the New York Times in PolNeAR)
        ("''We finally may be seeing some wage acceleration,'' the economist Jared Bernstein wrote on his blog.",
         "Jared Bernstein", "wrote", "''We finally may be seeing some wage acceleration,''"),
        # verbs of thought, of speaking and of showing that take a clause (session 27)
        ("Investigators suspect that the fire was set deliberately.", "Investigators", "suspect",
         "that the fire was set deliberately"),
        ("The governor boasted that the state had balanced its budget.", "The governor", "boasted",
         "that the state had balanced its budget"),
        ("The new figures prove that the program has failed.", "The new figures", "prove",
         "that the program has failed"),
        ("Democrats reckon the bill will pass the Senate.", "Democrats", "reckon", "the bill will pass the Senate"),
        ("The former aide confessed that she had lied to investigators.", "The former aide", "confessed",
         "that she had lied to investigators"),
        ("The company clarified that the plant would stay open.", "The company", "clarified",
         "that the plant would stay open"),
        # verbs of judging and of proposing with a plain object (session 27)
        ("The mayor hailed the agreement as a breakthrough.", "The mayor", "hailed", "the agreement as a breakthrough"),
        ("The senator unveiled a plan to cut taxes.", "The senator", "unveiled", "a plan to cut taxes"),
    ],
)  # fmt: skip
def test_english_constructions(english: Pipeline, sentence: str, source: str, cue: str, content: str) -> None:
    analysis = _read(english, sentence)
    found = [(_text(a.source), _text(a.cue), _text(a.message)) for a in analysis.attributions if a.parent is None]
    assert (source, cue, content) in found


def test_a_quotation_over_two_sentences_is_one_content(english: Pipeline) -> None:
    text = "“We will win. Nobody can stop us,” the candidate said."
    (att,) = [a for a in _read(english, text).attributions if a.parent is None]
    assert _text(att.source) == "the candidate" and "We will win" in _text(att.message)
    assert "Nobody can stop us" in _text(att.message)


def test_english_is_offered_given_or_detected() -> None:
    assert "en" in lang.available() and lang.get("en").name == "English"
    assert ingest.from_text("The minister said the plan was dead.", lang="en").metadata.language == "en"
    detected = ingest.from_text("The minister said on Tuesday that the plan to widen the motorway was dead.")
    assert detected.metadata.language == "en"


def test_an_outlet_quoting_an_outlet_is_a_nested_finding(english: Pipeline) -> None:
    analysis = _read(english, "According to Yonhap, quoting KCNA, the army was placed on high alert.")
    outer, inner = analysis.attributions
    assert (_text(outer.source), _text(outer.cue)) == ("Yonhap", "According to")
    assert (_text(inner.source), _text(inner.cue), _text(inner.message)) == (
        "KCNA", "quoting", "the army was placed on high alert")
    assert inner.parent == outer.id
    yonhap, kcna = analysis.sources[1:]
    assert (yonhap.name, kcna.name, kcna.attributions) == ("Yonhap", "KCNA", (inner.id,))
    assert [c.path for c in analysis.chains if c.depth == 2] == [(0, yonhap.id, kcna.id)]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("North Korea said it would respond within 48 hours.", "North Korea", "state"),
        ("The United States said the talks would go on.", "United States", "state"),
        # "it" speaks for the outlet, body or state quoted just before
        ("The agency said the border was closed. “Nobody may cross it now,” it added.", "agency", "organisation"),
        ("Some people said the shelling went on all night.", "Some people", "vague"),
    ],
)  # fmt: skip
def test_english_sources_are_typed_and_resolved(english: Pipeline, text: str, name: str, kind: str) -> None:
    analysis = _read(english, text)
    (source,) = analysis.sources[1:]
    assert (source.name, source.kind.value) == (name, kind)
    assert source.attributions == tuple(a.id for a in analysis.attributions)


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("Some people said the shelling went on all night.", ["Some", "people"]),
        ("About 80 people fled the town after the shelling.", []),  # a count of people is no source
        ("Officers of the Korean People's Army were sent to the front.", []),  # nor a word of a name
    ],
)  # fmt: skip
def test_generic_words_are_vague_sources_only_where_they_speak(english: Pipeline, text: str, vague: list[str]) -> None:
    hedges = _read(english, text).hedges
    assert [h.trigger.text for h in hedges if h.kind.value == "vague_source"] == vague


_BODY = ("The transport minister said on Monday that the old bridge over the river will close in May. "
         "Engineers found cracks in two of its pillars last year.")


@pytest.mark.parametrize(
    ("headline", "verdict"),
    [
        ("Minister says the bridge will close in May", "supported"),  # the headline names who says it
        ("Bridge to close in May: minister", "supported"),  # the colon convention
        ("Bridge could close in May", "supported"),  # hedged as the body is
        ("Bridge will close in May", "stronger_than_body"),  # "May" the month is no modal
    ],
)  # fmt: skip
def test_english_headline_conventions(english: Pipeline, headline: str, verdict: str) -> None:
    check = english(ingest.from_text(f"{headline}\n\n{_BODY}\n", lang="en")).headline
    assert check is not None and check.verdict.value == verdict


@pytest.mark.parametrize(
    ("headline", "propositions", "adopted"),
    [
        # a hyphen inside a word is no dash: one proposition, and the quoted word is read whole
        ("Army put on 'quasi-state of war'", 1, "quasi-state"),
        ("Army put on alert - soldiers recalled", 2, None),  # a dash with spaces cuts the headline
    ],
)  # fmt: skip
def test_a_hyphenated_headline_word_is_one_word(english: Pipeline, headline: str, propositions: int,
                                                adopted: str | None) -> None:  # fmt: skip
    body = ("The military was put on alert and soldiers were recalled, officials said. According to the agency, "
            "the army must prepare for a \"quasi-state of war\".")
    check = english(ingest.from_text(f"{headline}\n\n{body}\n", lang="en")).headline
    assert check is not None and len(check.propositions) == propositions
    words = [f.span.text for p in check.propositions for f in p.findings if "source's word" in f.message]
    assert words == ([adopted] if adopted else [])


@pytest.mark.parametrize(
    "text",
    ["“We will fight,” said Smith, “and we will win this war.”",
     "“My advice was not to do it,” he said, “it did not seem the right way to start.”"],
)  # fmt: skip
def test_a_quotation_interrupted_by_its_frame_is_one_content(english: Pipeline, text: str) -> None:
    (att,) = [a for a in _read(english, text).attributions if a.parent is None]
    quotes = [s.text for s in att.message]
    assert len(quotes) == 2 and all(q.startswith("“") and q.endswith("”") for q in quotes)


def test_a_quotation_that_goes_on_after_its_frame_is_one_content(english: Pipeline) -> None:
    # PolNeAR's convention: “A,” X said. “B.” is one statement in parts
    text = "“We will win,” the candidate said on Friday.\n\n“Nobody can stop us now and nobody will.”"
    (att,) = [a for a in _read(english, text).attributions if a.parent is None]
    assert [s.text for s in att.message] == ["“We will win,”", "“Nobody can stop us now and nobody will.”"]
    assert _text(att.source) == "the candidate"


@pytest.mark.parametrize("text", ["Update: The road to the airport is closed", "width: 100% of the page",
                                  "The campaign raised $20 million in March.",  # raising money says nothing
                                  "Mr. Obama spoke Hebrew at the dinner.",  # speaking says what only with "about"
                                  "She spoke for about 30 minutes and took questions.",
                                  "She spoke on the condition of anonymity.", "NBC announced on Tuesday.",
                                  "The pledged delegates met in Philadelphia on Monday to elect a chair.",
                                  # an object, not a hearer, and no clause after it
                                  "Four days after a gunman claiming allegiance to the group carried out the "
                                  "attack, Obama arrived."])
def test_nothing_is_attributed_where_nothing_is_said(english: Pipeline, text: str) -> None:
    # a label before a colon, style sheets, money raised, a language spoken, time spent speaking, a
    # cue verb's plain object followed by another clause
    assert not _read(english, text).attributions


def test_how_things_appear_is_the_outlets_own_hedged_claim(english: Pipeline) -> None:
    text = "Polls in South Dakota\n\nNo major polls appear to have been conducted in South Dakota.\n"
    analysis = english(ingest.from_text(text, lang="en"))
    (att,) = analysis.attributions
    assert (_text(att.source), _text(att.cue), _text(att.message)) == (
        "", "appear", "No major polls … to have been conducted in South Dakota")
    (claim,) = analysis.claims  # PolNeAR's evidential cue; for the reader, the outlet hedging
    assert (claim.asserted_by.value, claim.status.value) == ("outlet", "hedged")
