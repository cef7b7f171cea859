"""Provenance on small constructed cases: coreference, status, check-worthy facts, headline."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import quellenlage
from quellenlage.model import Assertor, EpistemicStatus, SourceKind

Analyze = Callable[[str], quellenlage.Analysis]


def _cited(analysis: quellenlage.Analysis) -> list[quellenlage.Source]:
    """The sources the article cites: not the publisher, each with an attribution of its own."""
    return [s for s in analysis.sources if not s.publisher and s.attributions]


def test_surname_and_pronoun_join_the_named_person(analyze: Analyze) -> None:
    a = analyze("Der Minister Jan Berger sagte, die Lage sei ernst. Später erklärte Berger, man prüfe alles. "
                "Er fügte hinzu, man handle rasch.")  # fmt: skip
    people = [s for s in a.sources if s.kind is SourceKind.PERSON]
    assert len(people) == 1 and people[0].name == "Jan Berger" and len(people[0].attributions) == 3
    assert people[0].role is not None and people[0].role.text == "Minister"


def test_denial_makes_a_claim_disputed(analyze: Analyze) -> None:
    a = analyze("Der Konzern bestreitet die Vorwürfe. Das Unternehmen wies die Berichte am Montag zurück.")
    assert [c.status for c in a.claims] == [EpistemicStatus.DISPUTED, EpistemicStatus.DISPUTED]
    assert [t.text for c in a.claims for t in c.triggers] == ["bestreitet", "wies"]


def test_outlet_voice_hedge_and_plain_assertion(analyze: Analyze) -> None:
    a = analyze("Der Täter ist angeblich geflohen. Die Polizei sperrte die Straße.")
    assert [(c.asserted_by, c.status) for c in a.claims] == [
        (Assertor.OUTLET, EpistemicStatus.HEDGED), (Assertor.OUTLET, EpistemicStatus.ASSERTED)]  # fmt: skip


def test_numbers_dates_and_quantities_are_checkworthy(analyze: Analyze) -> None:
    a = analyze("Am 6. März kamen 5000 Menschen, etwa zwölf Prozent mehr als im Vorjahr.")
    assert [s.text for s in a.claims[0].checkworthy] == ["6. März", "5000", "zwölf Prozent"]


def test_publisher_from_metadata_heads_every_chain(analyze: Analyze) -> None:
    html = ("<html><head><title>Bahn erhöht Preise</title><meta property='og:site_name' content='Tagesblatt'>"
            "</head><body><article><p>Die Bahn erhöht die Preise deutlich. Wie die Nachrichtenagentur dpa "
            "berichtet, sollen die Kosten stark gestiegen sein. Der Bahnchef Richard Lutz sagte, man habe "
            "keine Wahl.</p><p>Der Fahrgastverband sagte, das sei falsch.</p></article></body></html>")  # fmt: skip
    a = quellenlage.analyze(html, lang="de")
    assert a.sources[0].publisher and a.sources[0].name == "Tagesblatt"
    assert all(c.path[0] == 0 for c in a.chains)
    names = {s.id: s.name for s in a.sources}
    paths = [[names[i] for i in c.path] for c in a.chains]
    assert ["Tagesblatt", "Nachrichtenagentur dpa", "Richard Lutz"] in paths  # relayed in dpa's paragraph
    assert ["Tagesblatt", "Fahrgastverband"] in paths  # a new paragraph: quoted by the paper itself


def test_a_headline_the_body_states_itself_is_supported(analyze: Analyze) -> None:
    text = ("Stadt eröffnet neues Hallenbad\n\nDie Stadt eröffnet am Samstag ihr neues Hallenbad. "
            "Das Hallenbad kostete zwölf Millionen Euro.\n")  # fmt: skip
    check = analyze(text).headline
    assert check is not None and check.verdict == "supported" and not check.findings


def test_the_authors_first_person_is_the_outlets_voice(analyze: Analyze) -> None:
    a = analyze("Ich glaube, die Regierung hat versagt. Der Minister sagte, die Lage sei ernst.")
    assert [s.name for s in _cited(a)] == ["Minister"]
    assert a.claims[0].asserted_by is Assertor.OUTLET and a.claims[1].asserted_by is Assertor.SOURCE


def test_a_statement_with_no_owner_is_an_unnamed_source(analyze: Analyze) -> None:
    kinds = {text: [s.kind for s in analyze(text).sources if not s.publisher] for text in (
        "Einem Bericht zufolge sei der Minister krank.", "Medienberichten zufolge trat er zurück.")}  # fmt: skip
    assert kinds == {"Einem Bericht zufolge sei der Minister krank.": [SourceKind.VAGUE],
                     "Medienberichten zufolge trat er zurück.": [SourceKind.VAGUE]}  # fmt: skip


def test_adjectives_that_end_like_numbers_are_not_checkworthy(analyze: Analyze) -> None:
    a = analyze("Das war witzig und mäßig. Am Ende kamen einundzwanzig Menschen, zwölf Prozent mehr.")
    assert [[s.text for s in c.checkworthy] for c in a.claims] == [[], ["einundzwanzig", "zwölf Prozent"]]


def test_loaded_words_in_labels_and_compounds_but_not_by_chance(analyze: Analyze) -> None:
    chaos = analyze("Regierungschaos in Berlin\n\nDie Regierung streitet. Ein Sprecher sagte, man sei uneins.\n")
    assert chaos.headline is not None and [(f.code, f.span.text) for f in chaos.headline.findings] == [
        ("loaded_word", "Regierungschaos")]  # fmt: skip
    flights = analyze("Billig-Flüge nach Mallorca\n\nDie Flüge nach Mallorca werden billiger. Ein Sprecher "
                      "sagte, die Preise seien gesunken.\n")  # fmt: skip
    assert flights.headline is not None and not flights.headline.findings  # "Flüge" holds "lüge" by chance


def test_a_speakers_name_and_colon_attribute_the_headline(analyze: Analyze) -> None:
    quoted = analyze("Berger: Die Lage ist ernst\n\nDie Lage im Land ist ernst, sagte Minister Jan Berger am Montag.\n")
    bare = analyze("Die Lage ist ernst\n\nDie Lage im Land ist ernst, sagte Minister Jan Berger am Montag.\n")
    assert quoted.headline is not None and quoted.headline.verdict == "supported"
    assert bare.headline is not None and [f.code for f in bare.headline.findings] == ["stated_as_fact"]


@pytest.mark.parametrize(
    ("headline", "findings"),
    [
        ("Freenet will Kunden für Antennen-TV gewinnen", []),  # an intention: not stated as fact
        ("Freenet gewinnt Kunden für Antennen-TV", ["stated_as_fact"]),  # the body only plans it
    ],
)
def test_a_headline_of_an_intention_is_not_stated_as_fact(analyze: Analyze, headline: str, findings: list[str]) -> None:
    text = f"{headline}\n\nDadurch sollen Kunden für Antennen-TV gewonnen werden. Freenet startet im Mai.\n"
    check = analyze(text).headline
    assert check is not None and [f.code for f in check.findings] == findings


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # offices of the state by their head noun
        ("Das Polizeipräsidium Westpfalz teilte mit, die Straße sei gesperrt.", "Polizeipräsidium Westpfalz", "state"),
        ("Die EU-Kommission erklärte, die Regeln würden verschärft.", "EU-Kommission", "state"),
        ("Das Bundesamt für Statistik teilte mit, die Preise seien gestiegen.", "Bundesamt für Statistik", "state"),
        # an organisation known only by its abbreviation or its head noun
        ("Das BSI warnte, die Lücke sei gefährlich.", "BSI", "organisation"),
        # a name spelled out before its abbreviation keeps its whole name (English's "news agency
        # Korean Central News Agency (KCNA)" rule needs a lower-case descriptor noun before the name)
        ("Das Bundesamt für Sicherheit in der Informationstechnik (BSI) warnte, die Lücke sei gefährlich.",
         "Bundesamt für Sicherheit in Informationstechnik BSI", "state"),
        ("Die Fahrervereinigung teilte mit, die Fahrer seien empört.", "Fahrervereinigung", "organisation"),
        # the owner of a statement noun is the source
        ("Nach Angaben der EU-Kommission stiegen die Preise.", "EU-Kommission", "state"),
        # unnamed members of the public are vague, gender forms included
        ("Eine Nutzerin erklärte, sie trage den BH selten.", "Nutzerin", "vague"),
        ("Die Anwohner:innen fragen sich, ob der Protest half.", "Anwohner:innen", "vague"),
        ("Die Mitarbeiter fordern, dass die Arbeitsplätze bleiben.", "Mitarbeiter", "vague"),
        # so are unnamed advocates of a cause
        ("Verbraucherschützer warnen, sich nicht zum Zocken verleiten zu lassen.", "Verbraucherschützer", "vague"),
        # insiders kept unnamed on purpose are anonymous, unspecific experts vague
        ("Wie sechs Quellen aus dem Umfeld von Apple berichteten, gab es ein Team.", "sechs Quellen", "anonymous"),
        ("Aus Regierungskreisen hieß es, der Minister trete zurück.", "Regierungskreisen", "anonymous"),
        ("Experten warnen, die Preise würden steigen.", "Experten", "vague"),
        # unnamed researchers and rumours, in any case
        ("Forschende fanden heraus, dass Joghurt gegen Angst hilft.", "Forschende", "vague"),
        ("Laut den neuesten Gerüchten sollen die Geräte teurer werden.", "Gerüchten", "vague"),
    ],
)  # fmt: skip
def test_sources_are_typed_by_head_noun_and_owner(analyze: Analyze, text: str, name: str, kind: str) -> None:
    found = [(s.name, s.kind.value) for s in _cited(analyze(text))]
    assert (name, kind) in found


def test_a_role_noun_resolves_to_the_person_the_text_names_with_it(analyze: Analyze) -> None:
    text = ("Ressortchef Max Müller besuchte am Montag das Werk. Die Lage sei ernst, sagte der Ressortchef. "
            "Die Arbeiter hörten zu.")  # fmt: skip
    named = [(s.name, s.kind.value) for s in _cited(analyze(text))]
    assert named == [("Max Müller", "person")]


_RULING = "Wer sich nicht ernsthaft bewirbt, bekommt kein Wohngeld, {cue}."


@pytest.mark.parametrize(
    ("headline", "body", "findings"),
    [
        # the headline names who says it: a verb or a noun of saying, or a demand in the infinitive
        ("Polizei warnt vor falschen Handwerkern", "Die Polizei warnt, falsche Handwerker seien unterwegs.", []),
        ("Falsche Handwerker sind unterwegs", "Die Polizei warnt, falsche Handwerker seien unterwegs.",
         ["stated_as_fact"]),
        ("Rufe nach schneller Aufklärung", "Der Verband fordere eine schnelle Aufklärung, sagte ein Sprecher.", []),
        ("Kinderbetreuung flächendeckend ausbauen",
         "Der Verband fordert, die Kinderbetreuung flächendeckend auszubauen.", []),
        # a court's ruling is an act: its content holds; a lawyer's view does not
        ("Ohne Bewerbungen kein Wohngeld", _RULING.format(cue="entschied das Verwaltungsgericht Berlin"), []),
        ("Ohne Bewerbungen kein Wohngeld", _RULING.format(cue="sagte der Anwalt der Stadt"), ["stated_as_fact"]),
        # the number is the crux: only the attributed sentence has it
        ("Sängerin hat 10 Kilo abgenommen",
         "Die Sängerin hat rund 10 Kilo abgenommen, wie die Zeitung The Sun berichtete. "
         "Auf dem Foto ist zu sehen, dass die Sängerin einige Kilo abgenommen hat.", ["stated_as_fact"]),
        ("Sängerin hat 10 Kilo abgenommen",
         "Die Sängerin hat 10 Kilo abgenommen. Die Zeitung The Sun berichtete über ihr Training.", []),
        # a verbless headline is checked too: "Europas erste" rests on a hedged sentence
        ("Europas erste Recyclinganlage in Krefeld",
         "Die Recyclinganlage in Krefeld soll die erste in Europa sein. Sie verarbeitet Batterien.",
         ["stated_as_fact"]),
    ],
)
def test_what_the_headline_says_against_how_the_body_says_it(
    analyze: Analyze, headline: str, body: str, findings: list[str]
) -> None:
    check = analyze(f"{headline}\n\n{body}\n").headline
    assert check is not None and [f.code for f in check.findings] == findings


def test_a_source_word_in_quotation_marks_is_not_the_headlines_own(analyze: Analyze) -> None:
    body = "Der neue Park sei ein „Quantensprung“, hieß es aus dem Rathaus. Die Stadt eröffnete den Park am Freitag."
    adopted = analyze(f"Ein Quantensprung für den Stadtteil\n\n{body}\n").headline
    assert adopted is not None and adopted.verdict == "stronger_than_body"
    assert ("stated_as_fact", "Quantensprung") in [(f.code, f.span.text) for f in adopted.findings]
    marked = analyze(f"Ein „Quantensprung“ für den Stadtteil\n\n{body}\n").headline
    assert marked is not None and "Quantensprung" not in [f.span.text for f in marked.findings]


def test_the_site_name_and_a_time_stamp_are_not_headline_propositions(analyze: Analyze) -> None:
    html = ("<html><head><title>Stadt eröffnet neues Hallenbad - beispielblatt.de</title></head><body>"
            "<article><p>Die Stadt eröffnet am Samstag ihr neues Hallenbad. Das Hallenbad kostete zwölf "
            "Millionen Euro. Der Eintritt kostet fünf Euro für Erwachsene und drei Euro für Kinder.</p>"
            "</article></body></html>")  # fmt: skip
    site = analyze(html)
    assert site.headline is not None and site.headline.verdict == "supported", site.headline
    assert [p.span.text for p in site.headline.propositions] == ["Stadt eröffnet neues Hallenbad"]
    stamp = analyze("Stadt eröffnet neues Hallenbad: 06.11.2023, 11.41 Uhr\n\nDie Stadt eröffnet am Samstag ihr "
                    "neues Hallenbad.\n").headline  # fmt: skip
    assert stamp is not None and [p.span.text for p in stamp.propositions] == ["Stadt eröffnet neues Hallenbad"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a release with no owner named is the words of the body named last ...
        ("Die Österreichische Plattform für Alleinerziehende (ÖPA) sieht Modelle in Wien.\n\n"
         "Der Fokus solle auf Betreuungszeiten liegen, hieß es in einer Aussendung.",
         ("Österreichische Plattform für Alleinerziehende (ÖPA)", SourceKind.ORGANISATION)),
        # ... and with no body before it, an unnamed document
        ("Der Fokus solle auf Betreuungszeiten liegen, hieß es in einer Aussendung.", ("Aussendung", SourceKind.VAGUE)),
    ],
)  # fmt: skip
def test_a_release_is_the_bodys(analyze: Analyze, text: str, source: tuple[str, SourceKind]) -> None:
    assert [(s.name, s.kind) for s in _cited(analyze(text))] == [source]


@pytest.mark.parametrize(
    "text",
    [
        "Eine Studie aus den USA hat gezeigt, dass Joghurt gegen Angst helfen kann.",  # from the USA, not by it
        "Erste Tests des Geräts zeigen, dass das neue Konzept gut funktioniert.",
    ],
)
def test_evidence_with_no_owner_named_is_a_vague_source(analyze: Analyze, text: str) -> None:
    assert [s.kind for s in _cited(analyze(text))] == [SourceKind.VAGUE]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a plural role noun alone is unnamed people of a trade, however the tagger read it
        ("Jungen Aktionären empfiehlt die Chefin vier Dinge. Besonders der letzte Punkt wird nach Ansicht von "
         "Experten die Feuertaufe für die Aktienkultur.", ("Experten", SourceKind.VAGUE)),
        # a role noun before a surname joins the person of that surname
        ("Der Youtuber Thomas Kehl erklärt Aktien. „Die Community ist verantwortungsvoll“, sagt Youtuber Kehl.",
         ("Thomas Kehl", SourceKind.PERSON)),
        # a third-person possessive before a statement noun: whose statement it is
        ("Die DGB-Region Südwestfalen (DGB) kritisiert die Planung.\n\nIhre gemeinsame Aussage lautet: "
         "„Die A45 ist ein Stützpfeiler für unseren Wirtschaftsraum.“",
         ("DGB-Region Südwestfalen DGB", SourceKind.ORGANISATION)),
        # the state of knowledge with no owner named is the body named last
        ("Die Polizei Bad Salzdetfurth ermittelt.\n\nNach aktuellem Kenntnisstand schlug der Hund plötzlich an.",
         ("Polizei Bad Salzdetfurth", SourceKind.STATE)),
    ],
)  # fmt: skip
def test_people_of_a_trade_surnames_and_knowledge(
    analyze: Analyze, text: str, source: tuple[str, SourceKind]
) -> None:
    found = [(s.name, s.kind) for s in _cited(analyze(text))]
    assert source in found, found


@pytest.mark.parametrize(
    ("sentence", "span", "name"),
    [
        ("„Die Lage ist ernst“, sagte Yücel im Gespräch mit Moderatorin Cécile Schortmann.",
         "Yücel im Gespräch mit Moderatorin Cécile Schortmann", "Yücel"),
        ("„Rund 144 Millionen neue Schadprogramme“, zitiert Bach den Berichtsband.", "Bach den Berichtsband", "Bach"),
        ("Forschende in den USA fanden heraus, dass Joghurt hilft.", "Forschende in den USA", "Forschende in den USA"),
        # how it was said, after the name; a name's own lower-case particles stay
        ("„Sie ist nicht zu ersetzen“, so Renkema geknickt.", "Renkema geknickt", "Renkema"),
        ("Das sagte Ursula von der Leyen.", "Ursula von der Leyen", "Ursula von der Leyen"),
    ],
)  # fmt: skip
def test_a_source_span_loses_what_it_took_in_after_the_name(
    analyze: Analyze, sentence: str, span: str, name: str
) -> None:
    from quellenlage import lang
    from quellenlage.provenance.entities import _without_circumstance

    analysis = analyze(sentence)
    start = sentence.index(span)
    tokens = [t for t in analysis.tokens if start <= t.span.start < start + len(span)]
    kept = _without_circumstance(tokens, lang.get("de").lexicon)
    assert sentence[kept[0].span.start : kept[-1].span.end] == name


def test_a_definite_head_noun_takes_up_its_compound(analyze: Analyze) -> None:
    text = ("Ein Forschungsteam um Hossein Robatjazi hat einen Katalysator entwickelt. Er braucht keine Hitze, "
            "wie das Team berichtet.\n\n„Der Katalysator ist sehr reaktiv“, berichtet das Team in „Science“.")
    found = [(s.name, s.kind, len(s.attributions)) for s in _cited(analyze(text))]
    assert found == [("Forschungsteam", SourceKind.ORGANISATION, 2)]


def test_a_definite_head_noun_takes_up_the_one_compound_the_article_names(analyze: Analyze) -> None:
    # the team reports in the lead, is named as a compound later, and speaks again far after it
    text = ("Licht spaltet Ammoniak ohne Hitze, wie das Team in „Science“ berichtet.\n\n"
            "Wasserstoff gilt als Energieträger der Zukunft. Er ist leicht. Er brennt sauber. "
            "Er lässt sich speichern. Er ist aber teuer.\n\nNun verwendete das Forschungsteam einen großen "
            "Reaktor. Er war hell. Er war heiß. Er war groß. Er war teuer. Er lief lange.\n\n"
            "Das Team erwartet, dass der Aufwand sinken wird.")
    found = [(s.name, len(s.attributions)) for s in _cited(analyze(text))]
    assert found == [("Forschungsteam", 2)], found


def test_a_definite_head_noun_with_two_compounds_far_off_stays_itself(analyze: Analyze) -> None:
    text = ("Licht spaltet Ammoniak ohne Hitze, wie das Team berichtet.\n\n"
            "Das Forschungsteam und das Ärzteteam arbeiten zusammen. Er ist leicht. Er brennt sauber. "
            "Er lässt sich speichern. Er ist aber teuer. Er war hell. Er war heiß.")
    assert [s.name for s in _cited(analyze(text))] == ["Team"]


def test_an_outlet_with_and_without_its_descriptor_is_one_source(analyze: Analyze) -> None:
    text = ("Die Sängerin hat zehn Kilo abgenommen, wie die britische Zeitung „The Sun“ berichtete. "
            'Laut der "The Sun" soll sie mit Pilates angefangen haben.')  # fmt: skip
    found = [(s.kind, len(s.attributions)) for s in _cited(analyze(text))]
    assert found == [(SourceKind.MEDIA, 2)]


def test_the_outlet_citing_itself_is_its_own_voice(analyze: Analyze) -> None:
    html = ("<html><head><title>Stadt eröffnet Hallenbad</title>"
            '<meta property="og:site_name" content="Beispielblatt"></head><body><article>'
            "<p>Wie Beispielblatt bereits berichtete, eröffnet die Stadt am Samstag ihr neues Hallenbad. Der "
            "Bürgermeister sagte, das Bad koste zwölf Millionen Euro. Der Eintritt kostet fünf Euro.</p>"
            "</article></body></html>")  # fmt: skip
    analysis = analyze(html)
    (publisher,) = [s for s in analysis.sources if s.publisher]
    assert publisher.name == "Beispielblatt" and len(publisher.attributions) == 1
    assert [s.name for s in analysis.sources if not s.publisher] == ["Bürgermeister"]


def test_a_dateline_is_not_a_headline_proposition(analyze: Analyze) -> None:
    text = ("Stadt eröffnet neues Hallenbad\n\nMünchen / Augsburg - Die Stadt eröffnet ihr neues Hallenbad.\n\n"
            "Die Stadt eröffnet am Samstag ihr neues Hallenbad. Es kostete zwölf Millionen Euro, wie der "
            "Bürgermeister in München sagte. Der Eintritt kostet fünf Euro.\n")  # fmt: skip
    check = analyze(text).headline
    assert check is not None
    texts = [p.span.text for p in check.propositions]
    assert "München / Augsburg" not in texts and "Die Stadt eröffnet ihr neues Hallenbad" in texts, texts


def test_a_headline_speaker_is_not_the_speaker_of_the_body(analyze: Analyze) -> None:
    a = analyze("Bayern fordert höhere Grenzen für Bioenergie\n\nDer Minister hat eine Initiative gestartet, "
                "die Betreibern höhere Grenzen sichern soll. Die Branche begrüßt das.\n")  # fmt: skip
    headline_end = a.article.blocks[0].span.end
    assert not [x for x in a.attributions if any(s.start < headline_end for s in x.source)]


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # an abbreviation the text spells out is that body, of its kind
        ("Das Bundesamt für Sicherheit in der Informationstechnik (BSI) warnt vor Angriffen. "
         "Die Lage sei ernst, sagte das BSI.", [("Bundesamt", "state", 2)]),
        ("Das Bundesamt für Sicherheit in der Informationstechnik (BSI) ist zuständig. "
         "Die Lage sei ernst, sagte das BSI.", [("BSI", "state", 1)]),
        # "eigenen Angaben": the clause's subject speaks for itself
        ("Nach eigenen Angaben kann selbst Apple ein gesperrtes iPhone nicht entsperren.", [("Apple", None, 1)]),
        ("Nach Angaben der Polizei floh der Täter.", [("Polizei", "state", 1)]),
        # an unnamed document is a vague source, as an editor types it
        ("Laut Marktprognosen wächst der Markt.", [("Marktprognosen", "vague", 1)]),
    ],
)
def test_who_a_statement_noun_or_an_abbreviation_stands_for(
    analyze: Analyze, text: str, sources: list[tuple[str, str | None, int]]
) -> None:
    found = [(s.name, s.kind, len(s.attributions)) for s in analyze(text).sources if not s.publisher]
    assert [(n, k if kind else None, c) for (n, k, c), (_, kind, _) in zip(found, sources, strict=False)] == sources
    assert len(found) == len(sources)


@pytest.mark.parametrize(
    ("headline", "verdict"),
    [
        ("Bauer vertreibt Wölfe", "supported"),  # Bauer ~ Landwirt, vertreiben ~ verjagen (OpenThesaurus)
        ("Bauer füttert Wölfe", "unsupported"),  # only "Bauer" has a match
    ],
)
def test_headline_support_is_matched_through_synonyms(analyze: Analyze, headline: str, verdict: str) -> None:
    body = "Ein Landwirt verjagte am Sonntag drei Raubtiere mit Schüssen in die Luft."
    check = analyze(f"{headline}\n\n{body}\n").headline
    assert check is not None and check.verdict == verdict


def test_a_legal_judgement_in_the_headline_is_the_outlets_word(analyze: Analyze) -> None:
    check = analyze("Waldwege rechtswidrig gesperrt\n\nImmer wieder versperren Unbekannte Waldwege.\n").headline
    assert check is not None and [(f.code, f.span.text) for f in check.findings] == [("loaded_word", "rechtswidrig")]


@pytest.mark.parametrize(
    ("headline", "body", "verdict"),
    [
        # a name of two words is one thing the sentence shares, not two
        ("Verbündete wenden sich von Wladimir Putin ab", "Wladimir Putin hatte keine Kosten gescheut.", "unsupported"),
        # a hyphenated compound the lemmatiser joined is matched by its parts ("Flüge" ~ "Flug")
        ("Billig-Flüge nach Mallorca", "Die Flüge nach Mallorca werden billiger.", "supported"),
    ],
)
def test_what_counts_as_a_shared_word(analyze: Analyze, headline: str, body: str, verdict: str) -> None:
    check = analyze(f"{headline}\n\n{body}\n").headline
    assert check is not None and check.verdict == verdict


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a definite role noun points back to the person named before, even with another role word
        ("Bayerns Wirtschaftsminister Hubert Aiwanger hat eine Initiative gestartet. "
         "Die Grenzen seien zu niedrig, sagte der Ressortchef.", "Hubert Aiwanger"),
        ("Wirtschaftsminister Robert Habeck war in Berlin. Die Hängepartie sei schlecht, sagte der "
         "Grünen-Politiker.", "Robert Habeck"),
        # only to one introduced with a role: "der Staatsanwalt" is not the skier named before
        ("Der Sohn des Skistars Willy Bogner ist tot. Die Staatsanwaltschaft München I ermittelt. "
         "Der Staatsanwalt sagte, der Sohn habe sich stranguliert.", "Staatsanwalt"),
        # an indefinite one introduces someone; a spokesperson speaks for an organisation
        ("Robert Habeck war in Berlin. Ein Experte sagte, die Lage sei gut.", "Experte"),
        ("Robert Habeck besuchte Tesla. Die Lage sei gut, sagte der Sprecher.", "Sprecher"),
    ],
)
def test_a_definite_role_noun_is_the_person_named_before(analyze: Analyze, text: str, name: str) -> None:
    assert [s.name for s in _cited(analyze(text))] == [name]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # an unnamed spokesperson speaks for the organisation, with the role
        ("Die Anlage werde abgeschaltet, sagte ein Sprecher des Max-Planck-Instituts für Plasmaphysik.",
         ("Max-Planck-Instituts für Plasmaphysik", "organisation", "Sprecher")),
        ("Ein Sprecher der Polizei sagte, der Täter sei geflohen.", ("Polizei", "state", "Sprecher")),
        # what a spokesperson speaks for is a body, and a place after it is no part of its name
        ("Eine Sprecherin von Tesla in China hat widersprochen, es gebe keine Entscheidung.",
         ("Tesla", "organisation", "Sprecherin")),
        # the body's abbreviation in the spokesperson's word, spelled out before; the outlet after
        # it is who she spoke to
        ("Das Helmholtz-Zentrum Berlin (HZB) will weiterforschen. Die Forschung sei wichtig, sagte eine "
         "HZB-Sprecherin der dpa.", ("Helmholtz-Zentrum Berlin (HZB)", "organisation", "HZB-Sprecherin")),
    ],
)
def test_an_unnamed_spokesperson_is_the_organisation(
    analyze: Analyze, text: str, source: tuple[str, str, str | None]
) -> None:
    found = [(s.name, s.kind, s.role.text if s.role else None) for s in analyze(text).sources if not s.publisher]
    assert found == [source]


def test_a_named_spokesperson_is_a_person(analyze: Analyze) -> None:
    found = [s for s in analyze("Ein Sprecher der Schutzvereinigung DSW, Jürgen Kurz, sagte, die Lage sei gut.").sources
             if not s.publisher]  # fmt: skip
    assert len(found) == 1 and found[0].kind == "person" and found[0].name.endswith("Jürgen Kurz")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a pronoun goes to the person named last, by full name or by surname, whose gender agrees
        ("Die Präsidentin Irme Berger wurde gewählt, neben dem Bankdirektor Wolfgang Klose aus Ulm. "
         "Sie betonte, die Arbeit beginne sofort.", "Irme Berger"),
        ("Die Präsidentin Irme Berger wurde gewählt. Gewählt wurde auch die Direktorin Eva Roth aus Ulm. "
         "Berger kam spät. Sie sagte, die Arbeit beginne sofort.", "Irme Berger"),
        ("Der Bankdirektor Wolfgang Klose wurde gewählt, neben der Präsidentin Irme Berger aus Ulm. "
         "Er sagte, die Arbeit beginne sofort.", "Wolfgang Klose"),
        # a party's compound role the tagger read as a name introduces its holder too
        ("Die Aussage lässt bei FPÖ-Europasprecherin Petra Steger die Alarmglocken läuten.\n\n"
         "Die Ukraine, so die FPÖ-Europasprecherin, würde sich noch im Krieg befinden.", "Petra Steger"),
        # a name right after an article (or "zur") is a place's or a thing's, no antecedent
        ("Tobias Trommer ist Aktivist.\n\nTrommer zeigt auf das Haus, in dem sich der Club Salon Zur Wilden "
         "Renate befindet. „Die Clubs sind nur eine Zwischenlösung”, betont er.", "Tobias Trommer"),
        # a definite description of one person goes to the person quoted just before
        ("„Wir haben viel zu tun“, sagte Konzernchef Robert Machtlinger. „Der Markt wächst“, "
         "betonte der Branchenkenner.", "Robert Machtlinger"),
        ("„Wir haben viel zu tun“, sagte Konzernchef Robert Machtlinger. „Der Markt wächst“, so der CEO.",
         "Robert Machtlinger"),
    ],
)
def test_a_pronoun_or_description_is_the_person_before(analyze: Analyze, text: str, speaker: str) -> None:
    found = [s for s in _cited(analyze(text))]
    assert [s.name for s in found] == [speaker], [(s.name, s.attributions) for s in found]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # nobody quoted before: "der Nachbar" is someone new, not the man the article is about
        ("Der Sohn des Skistars Willy Bogner ist tot. Der Nachbar sagte, es sei schlimm.", ["Nachbar"]),
        # a body is no person
        ("Jan Berg sagte, es sei gut. Der Verband teilte mit, man prüfe das.", ["Jan Berg", "Verband"]),
        ("Jan Berg sagte, es sei gut. Die Klinik teilte mit, man prüfe das.", ["Jan Berg", "Klinik"]),
    ],
)
def test_a_description_without_a_speaker_before_stands_alone(analyze: Analyze, text: str, names: list[str]) -> None:
    assert [s.name for s in _cited(analyze(text))] == names


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a quotation on its own is the words of the person its paragraph names last
        ("Sportchef Zoran Barisic ist Tag und Nacht auf Achse. „Es ist intensiver und komplizierter denn je.“",
         "Zoran Barisic"),
        ("Sportchef Zoran Barisic braucht eine Pause. Barisic kennt die Arbeit seit Jahren. "
         "„Es ist extrem intensiv, was die Arbeit betrifft.“", "Zoran Barisic"),
        # "Ernster Nachsatz:" introduces words, not a speaker: the paragraph's person said them
        ("Trainer Jan Berger lacht über die Frage.\n\nErnster Nachsatz: „Ich brauche ein paar Tage Abstand.“",
         None),
        # a name that ends in an abbreviation is a body's, not a person's
        ("Der Zulieferer Airbus FACC wächst. „Die Branche ist ausverkauft für die nächsten Jahre.“", None),
    ],
)
def test_a_quotation_on_its_own_is_the_paragraphs_person(analyze: Analyze, text: str, speaker: str | None) -> None:
    a = analyze(text)
    quote = next(att for att in a.attributions if att.message[0].text.startswith("„"))
    holder = [s.name for s in a.sources if quote.id in s.attributions]
    assert holder == ([speaker] if speaker else []), holder
    assert all(s.name != "Ernster Nachsatz" for s in a.sources)


def test_nobody_is_no_source(analyze: Analyze) -> None:
    """"Es heißt" and hearsay "soll" name no one: the attributions stay, without a source entity."""
    a = analyze("Der Täter soll geflohen sein. Die Lage sei ernst, hieß es. Das Auto soll gestohlen sein.")
    assert len(a.attributions) >= 2
    assert [s for s in a.sources if not s.publisher] == []


def test_a_court_named_by_its_head_noun_is_the_one_named_in_full(analyze: Analyze) -> None:
    a = analyze("Das Verwaltungsgericht Berlin entschied, die Klage sei unbegründet. "
                "Der Kläger habe sich nicht ernsthaft beworben, rügte das Gericht.")  # fmt: skip
    found = [(s.name, len(s.attributions)) for s in _cited(a)]
    assert found == [("Verwaltungsgericht Berlin", 2)]


def test_a_body_named_by_its_head_noun_is_the_one_named_in_full(analyze: Analyze) -> None:
    a = analyze("Am Samstag warnte die Gemeinde Boltigen vor belastetem Wasser.\n\n"
                "Auf Nachfrage führte die Gemeinde weiter aus, dass geringe Mengen gefunden wurden.")  # fmt: skip
    found = [(s.name, s.kind, len(s.attributions)) for s in a.sources if not s.publisher]
    assert found == [("Gemeinde Boltigen", SourceKind.STATE, 2)]


@pytest.mark.parametrize(
    ("span", "rule", "is_someone"),
    [
        ("Herstellung von synthetischem Treibstoff", "learned", False),  # an abstract noun is no speaker
        ("Beschlagnahmungen", "learned", False),
        ("November", "learned", False),  # nor a time word
        ("Das", "learned", False),  # nor a bare determiner or demonstrative
        ("Branchenkenner", "learned", True),
        ("Robert Machtlinger", "learned", True),
        ("„Brückenstrompreis“", "learned", False),  # a term in quotation marks is no speaker
        ("„Atlantic Council“", "learned", True),  # a name in quotation marks is one
        # a date is no one whichever rule the model's span lies over
        ("Der 8. November", "learned+de.partial_quote", False),
        # over a rule that names no source of its own (a free quote, a continuation), the model's
        # span is read as the model's alone; over one that does, the rule anchors it
        ("Die Herstellung von synthetischem Treibstoff", "learned+de.free_direct_quote", False),
        ("Die Herstellung von synthetischem Treibstoff", "de.free_direct_quote", False),  # carried over
        ("Die Herstellung von synthetischem Treibstoff", "learned+de.verb_clause", True),
        ("Die Interessenvertretung", "learned+de.free_direct_quote", True),  # a body's head noun speaks
    ],
)
def test_a_span_only_the_model_read_as_a_source_names_someone(
    analyze: Analyze, span: str, rule: str, is_someone: bool
) -> None:
    from dataclasses import replace

    from quellenlage.model import Span
    from quellenlage.provenance.entities import find_sources

    text = f"Die Branche wachse, sagten sie. {span} erwartet, dass die Nachfrage steigt."
    a = analyze(text)
    start = text.index(span)
    learned = replace(a.attributions[0], id=99, rule=rule, source_kind=SourceKind.UNKNOWN, parent=None,
                      source=(Span.of(text, start, start + len(span)),))  # fmt: skip
    entities, of_attribution = find_sources(replace(a, attributions=(learned,)))
    assert (99 in of_attribution) is is_someone, [e.name for e in entities]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a spokesperson with no owner speaks for the body named last, written with its abbreviation
        ("Auch beim Max-Planck-Institut für Plasmaphysik (IPP) in Garching fällt der Bedarf weg. "
         "Das Experiment lasse sich nicht verkürzen, sagte ein Sprecher.",
         ("Max-Planck-Institut für Plasmaphysik (IPP)", SourceKind.ORGANISATION, "Sprecher")),
        # a definite head noun alone that names no person is that body
        ("Die Österreichische Plattform für Alleinerziehende (ÖPA) sieht Modelle in Wien. Ein solches Angebot "
         "sollte möglich werden, forderte die Interessenvertretung.",
         ("Österreichische Plattform für Alleinerziehende (ÖPA)", SourceKind.ORGANISATION, None)),
        # a role noun's name in an apposition ("…, Jürgen Kerner, kritisierte")
        ("Der Zweite Vorsitzende der Gewerkschaft IG Metall, Jürgen Kerner, kritisierte, die Regierung "
         "führe eine Debatte.", ("Jürgen Kerner", SourceKind.PERSON, "Zweite Vorsitzende der Gewerkschaft IG Metall")),
        ("Die Lücke sei kleiner geworden, sagt der Sprecher der Schutzvereinigung für Wertpapierbesitz (DSW), "
         "Jürgen Kurz.",
         ("Jürgen Kurz", SourceKind.PERSON, "Sprecher der Schutzvereinigung für Wertpapierbesitz (DSW)")),
    ],
)
def test_who_a_spokesperson_a_head_noun_or_an_apposition_names(
    analyze: Analyze, text: str, source: tuple[str, SourceKind, str | None]
) -> None:
    found = [(s.name, s.kind, s.role.text if s.role else None) for s in _cited(analyze(text))]  # fmt: skip
    assert found == [source]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # two capitalised names are a person's when the first is a given name ...
        ("Robert Machtlinger sagte, es sei gut.", SourceKind.PERSON),
        # ... or the text calls the bearer by the last one alone, as it does a person
        ("Soluna-Delta Kokol sagte, es sei gut. Kokol lachte.", SourceKind.PERSON),
        # ... or a role noun comes with it, whatever the given name
        ("Die Lage sei ernst, sagte Geschäftsführer Ingo Degenhardt.", SourceKind.PERSON),
        ("Die Lage sei ernst, sagte Umweltreporterin Emily Atkin.", SourceKind.PERSON),
        # a company is called by its whole name
        ("Ultium Cells investiert viel. Ultium Cells teilte mit, dass die Fabrik wächst.", SourceKind.ORGANISATION),
        ("Während Equinor wächst, sagte Ocean Winds, es sei gut.", SourceKind.ORGANISATION),
        # a vague head with a person's name is that person, even where the tagger reads the name as nouns
        ("Laut dem Experten Ross Young soll das Display größer werden.", SourceKind.PERSON),
    ],
)
def test_two_names_are_a_person_only_with_evidence(analyze: Analyze, text: str, kind: SourceKind) -> None:
    found = [s.kind for s in _cited(analyze(text))]
    assert found == [kind]


@pytest.mark.parametrize(
    ("headline", "body", "verdict"),
    [
        # the headline's words are spread over the body though no one sentence has enough: a
        # paraphrase, weighed like support (here the outlet's own words: supported) ...
        ("Studenten entdecken die Börse",
         "Studenten kaufen heute oft Aktien. An der Börse eröffnen sie neue Konten. "
         "Dabei entdecken sie auch Fonds.", "supported"),
        # ... and attributed only: stated as fact
        ("Studenten entdecken die Börse",
         "Studenten kauften heute oft Aktien, sagte der Sprecher der Bank. An der Börse eröffneten sie "
         "neue Konten, sagte er. Dabei entdeckten sie auch Fonds, sagte er.", "stronger_than_body"),
        # the body lacks the headline's words: unsupported
        ("Hund vertreibt Einbrecher",
         "In der Nacht schlug der Hund an. Die Polizei bittet um Hinweise.", "unsupported"),
    ],
)
def test_a_paraphrase_spread_over_the_body_is_weighed_like_support(
    analyze: Analyze, headline: str, body: str, verdict: str
) -> None:
    check = analyze(f"{headline}\n\n{body}\n").headline
    assert check is not None and check.verdict == verdict, [(f.code, f.message) for f in check.findings]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the holder of a body's role is the person the text named with that role before ...
        ("„Wir haben viel zu tun“, sagte Konzernchef Robert Machtlinger. „Die Ketten werden sich ändern“, "
         "sagte der Konzernchef von FACC.", ("Robert Machtlinger", SourceKind.PERSON)),
        # ... or, named nowhere, a person described by the role, not the body
        ("„Die Ketten werden sich ändern“, sagte der Konzernchef von FACC.",
         ("Konzernchef von FACC", SourceKind.PERSON)),
    ],
)
def test_the_holder_of_a_bodys_role_is_a_person(analyze: Analyze, text: str, source: tuple[str, SourceKind]) -> None:
    assert [(s.name, s.kind) for s in _cited(analyze(text))] == [source]


@pytest.mark.parametrize(
    ("text", "source", "role"),
    [
        ("Laut Oberst Franz Polzer vom Landeskriminalamt hatten die Piloten genug Erfahrung.",
         ("Oberst Franz Polzer", SourceKind.PERSON), "vom Landeskriminalamt"),
        ("Die Lage ist ernst – so urteilt Manuel Bach vom Bundesamt für Sicherheit. „Wir müssen handeln.“",
         ("Manuel Bach", SourceKind.PERSON), None),
        # no name before "von": the body's spokesperson speaks for the body
        ("Der Sprecher von Ford sagte, es gebe keine Pläne.", ("Ford", SourceKind.ORGANISATION), "Sprecher"),
        # a party or a body in parentheses after a name introduces a person ...
        ("„Die A45 ist wichtig“, sagte Ingo Degenhardt (DGB-Region Südwestfalen).",
         ("Ingo Degenhardt", SourceKind.PERSON), "DGB-Region Südwestfalen"),
        ("„Es kommt gut“, sagte Olaf Scholz (SPD).", ("Olaf Scholz", SourceKind.PERSON), "SPD"),
        # ... its own initials a body
        ("„Die Lage ist gut“, sagte Ocean Winds (OW).", ("Ocean Winds OW", SourceKind.ORGANISATION), None),
        # a name first given bare is a person once the text gives the body the person belongs to
        ("„Das Thema ist raus“, sagt Margarethe Honisch. Laut Margarethe Honisch vom Blog Fortunalista "
         "trauen sich mehr Menschen an die Börse.",
         ("Margarethe Honisch", SourceKind.PERSON), "vom Blog Fortunalista"),
    ],
)  # fmt: skip
def test_a_named_person_from_a_body_is_the_person(
    analyze: Analyze, text: str, source: tuple[str, SourceKind], role: str | None
) -> None:
    (found,) = [s for s in _cited(analyze(text))]
    assert ((found.name, found.kind), found.role and found.role.text) == (source, role)


def test_an_abbreviation_spelled_out_in_a_persons_affiliation_is_the_body(analyze: Analyze) -> None:
    text = ("Viele Firmen gehen zu sorglos um – so urteilt Manuel Bach vom Bundesamt für Sicherheit in der "
            "Informationstechnik (BSI).\n\nDie Lage sei ernst, sagte Bach.\n\n"
            "Ransomware ist laut BSI eine Art von Schadprogrammen.\n")  # fmt: skip
    found = [(s.name, s.kind) for s in _cited(analyze(text))]
    assert found == [("Manuel Bach", SourceKind.PERSON), ("BSI", SourceKind.STATE)]


def test_an_apposition_after_the_rest_of_a_bodys_name_names_the_person(analyze: Analyze) -> None:
    """The role a source phrase gave introduces its person too: "die HBB-Leiterin" later is her, not
    the minister introduced before her with a role noun."""
    a = analyze("Wirtschaftsminister Hubert Aiwanger sagte, die Lage sei ernst. Unterdessen pochte die Leiterin "
                "des Hauptstadtbüros Bioenergie (HBB), Sandra Rostek, darauf, die Bioenergie auszunehmen. "
                "Außerdem betonte die HBB-Leiterin, dass Biogas die Kohle ersetze.")  # fmt: skip
    found = [(s.name, s.role.text if s.role else None, len(s.attributions)) for s in a.sources if not s.publisher]
    assert ("Sandra Rostek", "Leiterin des Hauptstadtbüros Bioenergie (HBB)", 2) in found, found


def test_a_pronoun_with_no_one_before_it_and_the_authors_view_name_no_source(analyze: Analyze) -> None:
    alone = analyze("Sie sagte, es sei gut.")
    assert alone.attributions and [s for s in alone.sources if not s.publisher] == []
    impersonal = analyze("Das Gerät komme erst 2023, sagt man in der Branche.")
    assert impersonal.attributions and [s for s in impersonal.sources if not s.publisher] == []
    own = analyze("Unserer Meinung nach lohnt sich das Warten.")
    assert [s.name for s in _cited(own)] == []
    assert all(a.id in own.sources[0].attributions for a in own.attributions)  # the outlet's own view


def test_a_discontinuous_source_is_the_part_that_names_someone(analyze: Analyze) -> None:
    """The model may join a stray phrase to the source ("ein Hindernis für Einsatzkräfte … das
    Polizeipräsidium Westpfalz"): the part with a name or a typed head is the source."""
    from dataclasses import replace

    from quellenlage.model import Span
    from quellenlage.provenance.entities import find_sources

    text = "Die Sperre sei ein Hindernis für Einsatzkräfte, teilte das Polizeipräsidium Westpfalz mit."
    a = analyze(text)
    stray, body = "ein Hindernis für Einsatzkräfte", "das Polizeipräsidium Westpfalz"
    spans = tuple(Span.of(text, text.index(p), text.index(p) + len(p)) for p in (stray, body))
    learned = replace(a.attributions[0], id=99, rule="learned", parent=None, source=spans)
    entities, of_attribution = find_sources(replace(a, attributions=(learned,)))
    assert entities[of_attribution[99]].name == "Polizeipräsidium Westpfalz"


def test_a_name_in_the_genitive_owns_the_statement_noun_after_it(analyze: Analyze) -> None:
    found = [(s.name, len(s.attributions)) for s in _cited(analyze(
        "Deniz Yücel sagte, er sei frei. Yücels Bericht zufolge war die Haft hart."))]  # fmt: skip
    assert found == [("Deniz Yücel", 2)], found


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a definite description far from the last quotation is the one person the article quoted
        ("„Wir haben viele Aufträge“, sagte Konzernchef Robert Machtlinger. Der Markt wächst. Die Preise "
         "steigen. Die Kosten sinken. Die Nachfrage ist hoch. Die Lieferketten ändern sich. Asien holt auf.\n\n"
         "„Indien ist der neue Wachstumsmarkt“, betonte der Branchenkenner.", ["Robert Machtlinger"]),
        # with two people quoted, it stays a description of its own
        ("„Wir haben viele Aufträge“, sagte Konzernchef Robert Machtlinger. „Es läuft“, sagte Ministerin Anna "
         "Berger-Schmidt. Der Markt wächst. Die Preise steigen. Die Kosten sinken. Die Nachfrage ist hoch. Asien holt "
         "auf.\n\n„Indien ist der neue Wachstumsmarkt“, betonte der Branchenkenner.",
         ["Robert Machtlinger", "Anna Berger-Schmidt", "Branchenkenner"]),
    ],
)  # fmt: skip
def test_a_description_far_off_is_the_one_person_quoted(analyze: Analyze, text: str, names: list[str]) -> None:
    assert [s.name for s in _cited(analyze(text))] == names
