"""The stage rules of the real definitions: justified, sourced, and giving the verdicts the model's text asks.

- every rule carries a Dutch sentence and a source that is one of the model page's sources or the
  definition's own sources;
- the stages told apart by score alone are exactly the ones listed here, each with the reason (a
  removed rule shows up as a new estimated stage);
- the cases from the assessment review: a board that only approves the budget is not an executive
  sponsor (Altimeter's Formalized), and someone who makes content almost daily is a Creator.
"""

import pytest
import yaml
from scoring_cases import MODELS, assessment, definition_ids, first_answers, last_answers

import scoring

# Stages (other than the first) placed by the score threshold alone, and why.
ESTIMATED = {
    # Jungle Minds' text for the two highest stages could not be read in the archived copies.
    ("social-media-volwassenheidsscan", "social-readiness-model", "social-expert"),
    ("social-media-volwassenheidsscan", "social-readiness-model", "social-guru"),
    ("check-social-readiness-model", "social-readiness-model", "social-expert"),
    ("check-social-readiness-model", "social-readiness-model", "social-guru"),
    # The scan asks what an organisation does on social media, so it cannot see "no use at all" (Dormant).
    ("social-media-volwassenheidsscan", "forrester-social-maturity", "testing"),
    # Forrester's 2014 stage descriptions are only in the report for clients.
    ("check-forrester-social-marketing-maturity-2014", "forrester-social-marketing-maturity-2014", "elevate"),
    ("check-forrester-social-marketing-maturity-2014", "forrester-social-marketing-maturity-2014", "optimize"),
    ("check-forrester-social-marketing-maturity-2014", "forrester-social-marketing-maturity-2014", "differentiate"),
}


def model_sources(slug):
    pages = list(MODELS.glob(f"*/{slug}.md"))
    assert pages, f"no model page for {slug}"
    front = yaml.safe_load(pages[0].read_text(encoding="utf-8").split("---", 2)[1])
    return {source["url"] for source in front.get("sources", [])}


@pytest.mark.parametrize("assessment_id", definition_ids())
def test_every_rule_is_justified_by_a_source_we_cite(assessment_id):
    a = assessment(assessment_id)
    own = {source.url for source in a.sources}
    for mapping in a.models:
        cited = model_sources(mapping.model) | own
        for stage in mapping.stages:
            for rule in stage.rules:
                assert len(rule.because) >= 30 and rule.because.endswith("."), (mapping.model, stage.id)
                assert rule.source in cited, (mapping.model, stage.id, rule.source)


@pytest.mark.parametrize("assessment_id", definition_ids())
def test_only_the_listed_stages_are_estimated_from_the_score(assessment_id):
    a = assessment(assessment_id)
    found = {(a.id, m.model, s.id) for m in a.models for s in m.stages[1:] if not s.rules}
    assert found == {e for e in ESTIMATED if e[0] == a.id}
    for mapping in a.models:
        for stage in mapping.stages[1:]:
            assert stage.estimated == (not stage.rules)
            assert stage.rules or stage.min_tenths > 0


@pytest.mark.parametrize("assessment_id", definition_ids())
def test_person_checks_use_membership_and_organisations_a_ladder(assessment_id):
    a = assessment(assessment_id)
    expected = scoring.MEMBERSHIP if a.kind == "person" else scoring.CUMULATIVE
    assert {m.placement for m in a.models} == {expected}


def _placement(result, model):
    return next(p for p in result.placements if p.model == model)


def test_a_board_that_only_approves_the_budget_is_no_executive_sponsor():
    slug = "altimeter-six-stages-social-business-transformation"
    scan = assessment("social-media-volwassenheidsscan")
    answers = last_answers(scan)
    answers["organisatie-directie"] = "b"  # "De directie keurt het budget goed, maar ziet verder geen resultaten."
    p = _placement(scoring.score(scan, answers), slug)
    assert (p.stage.id, p.position, p.of) == ("engagement", 3, 6)
    assert {"question": "organisatie-directie", "option": "c"} in p.to_next
    assert "organisatie-directie" in p.because
    answers["organisatie-directie"] = "c"
    assert _placement(scoring.score(scan, answers), slug).stage.id == "converged"

    check = assessment("check-altimeter-six-stages-social-business-transformation")
    answers = last_answers(check)
    answers["organisatie-sponsor"] = "b"  # a central team, but no sponsor in the board
    p = _placement(scoring.score(check, answers), slug)
    assert (p.stage.id, p.to_next) == ("engagement", ({"question": "organisatie-sponsor", "option": "c"},))


@pytest.mark.parametrize("often", ["maandelijks", "wekelijks", "dagelijks"])
def test_someone_who_creates_content_is_a_creator_whatever_else(often):
    a = assessment("persoon-social-technographics")
    answers = first_answers(a)
    answers["maken"] = often
    p = scoring.score(a, answers).placements[0]
    assert (p.stage.id, p.position, p.of, p.because, p.to_next) == ("creators", 7, 7, ("maken",), ())
    answers["maken"] = "jaarlijks"  # a few times a year is not monthly: Forrester does not count it
    assert scoring.score(a, answers).placements[0].stage.id == "inactives"


def test_conversationalists_need_weekly_updates():
    a = assessment("persoon-social-technographics")
    answers = first_answers(a)
    answers["plaatsen"] = "maandelijks"
    assert scoring.score(a, answers).placements[0].stage.id == "inactives"
    answers["plaatsen"] = "wekelijks"
    p = scoring.score(a, answers).placements[0]
    assert (p.stage.id, p.position, p.to_next) == ("conversationalists", 6, ({"question": "maken", "option": "maandelijks"},))
    assert p.because == ("plaatsen", "maken")


def test_a_community_manager_is_at_the_top_of_the_pyramid():
    a = assessment("persoon-engagement-pyramid")
    answers = first_answers(a)
    answers["modereren"] = "beheerder"
    assert scoring.score(a, answers).placements[0].stage.id == "curating"
    answers["modereren"] = "helpen"
    assert scoring.score(a, answers).placements[0].stage.id == "watching"


def test_weet_ik_niet_never_meets_a_rule():
    a = assessment("persoon-social-technographics")
    answers = {q.id: scoring.UNKNOWN for q in a.questions}
    p = scoring.score(a, answers).placements[0]
    assert p.stage.id == "inactives" and p.to_next == ({"question": "lezen", "option": "maandelijks"},)
