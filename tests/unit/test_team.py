"""scoring.team: a team profile from several colleagues' share links or files, in CPython and in Pyodide."""

import json
import shutil
import statistics
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scoring_cases import ROOT, assessment, raw_definition

import scoring

SCAN = "social-media-volwassenheidsscan"
RUNNER = ROOT / "tests" / "pyodide" / "run_team.mjs"


def scan():
    return assessment(SCAN)


def answers_by(pick):
    return {q.id: q.options[pick(i, len(q.options))].id for i, q in enumerate(scan().questions)}


LOW, MID, HIGH = answers_by(lambda i, n: 0), answers_by(lambda i, n: (i * 3) % n), answers_by(lambda i, n: n - 1)


def link(answers, base="https://example.org/zelfscan/"):
    return f"{base}#{SCAN}={scoring.share.encode(scan(), answers)}"


def test_three_links_make_a_team_of_three_with_low_median_high():
    team = scoring.team.combine(scan(), [link(LOW), link(MID), link(HIGH)])
    assert team["members"] == 3 and team["invalid"] == []
    results = [scoring.score(scan(), a) for a in (LOW, MID, HIGH)]
    for row in team["dimensions"]:
        values = [r.dimensions[row["dimension"]] for r in results]
        assert (row["low"], row["median"], row["high"]) == (min(values), statistics.median(values), max(values))
        assert row["spread"] == pytest.approx(max(values) - min(values))
    assert team["overall"]["low"] == 0.0 and team["overall"]["high"] == 100.0
    assert team["overall"]["median"] == results[1].overall


def test_every_kind_of_entry_is_read_and_bad_ones_are_listed_by_index():
    good = scoring.share.encode(scan(), MID)
    tampered = good[:-1] + ("a" if good[-1] != "a" else "b")
    entries = [
        link(LOW),                                                   # 0 full link
        "",                                                          # 1 blank: skipped
        good,                                                        # 2 bare share string
        f"  #{SCAN}={good}  ",                                       # 3 fragment only
        link(HIGH).replace(SCAN, SCAN.replace("-", "%2D")),          # 4 percent-encoded id
        {"assessment": SCAN, "answers": HIGH},                       # 5 exported file
        HIGH,                                                        # 6 answers as a dict
        link(LOW) + "x",                                             # 7 damaged
        f"https://example.org/zelfscan/#{SCAN}={tampered}",          # 8 tampered
        f"https://example.org/x/#check-social-readiness-model={good}",  # 9 another test
        "https://example.org/zelfscan/",                             # 10 no fragment
        "{geen json",                                                # 11 broken file
        {"assessment": "iets-anders", "answers": {}},                # 12 foreign file
        {"assessment": SCAN, "answers": {scan().questions[0].id: "a"}},  # 13 incomplete
        f"#{SCAN}=%E0%A4%A",                                         # 14 bad escape
        42,                                                          # 15 not text
    ]
    team = scoring.team.combine(scan(), entries)
    assert team["members"] == 6
    bad = {item["index"]: item["reason"] for item in team["invalid"]}
    assert sorted(bad) == list(range(7, 16))
    assert "controlecode" in bad[8]
    assert "andere test" in bad[9] and "andere test" in bad[12]
    assert "'#'" in bad[10]
    assert "gecodeerd" in bad[14]
    assert "JSON" in bad[11]
    assert "nog niet beantwoord" in bad[13]
    assert all(isinstance(reason, str) and reason for reason in bad.values())


def test_no_valid_entry_gives_an_empty_team_not_an_error():
    team = scoring.team.combine(scan(), ["", "onzin", "v1.x.y.z"])
    assert team["members"] == 0 and team["overall"] is None and team["dimensions"] == []
    assert [i["index"] for i in team["invalid"]] == [1, 2]


def test_median_of_an_even_team_rounds_half_up_like_every_score():
    a = scan()
    # two members whose overall scores differ by an odd number of tenths
    pairs = [(LOW, answers_by(lambda i, n: 1 if i == 0 else 0))]
    for first, second in pairs:
        team = scoring.team.combine(a, [first, second])
        t1, t2 = (scoring.score(a, x).overall_tenths for x in (first, second))
        assert team["overall"]["median"] == (2 * (t1 + t2) + 2) // 4 / 10


def test_disagreement_puts_the_widest_spread_first():
    first_dim = scan().dimensions[0].id
    high_on_first = {q.id: (q.options[-1].id if q.dimension == first_dim else q.options[0].id) for q in scan().questions}
    team = scoring.team.combine(scan(), [LOW, high_on_first])
    assert team["disagreement"][0] == first_dim
    spreads = {d["dimension"]: d["spread"] for d in team["dimensions"]}
    assert [spreads[d] for d in team["disagreement"]] == sorted(spreads.values(), reverse=True)


def test_placements_count_every_member_once_and_give_the_range():
    team = scoring.team.combine(scan(), [LOW, MID, HIGH, HIGH])
    for model in team["placements"]:
        assert sum(s["members"] for s in model["stages"]) == 4
        assert model["low"] == 1 and model["high"] == model["of"]
        assert [s["position"] for s in model["stages"]] == list(range(1, model["of"] + 1))


def test_next_steps_are_combined_with_how_many_colleagues_share_them():
    team = scoring.team.combine(scan(), [LOW, LOW, MID])
    per_member = [scoring.score(scan(), a).to_dict()["next_steps"] for a in (LOW, LOW, MID)]
    expected = {}
    for steps in per_member:
        for step in steps:
            expected[step["dimension"]] = expected.get(step["dimension"], 0) + 1
    assert {s["dimension"]: s["members"] for s in team["next_steps"]} == expected
    counts = [s["members"] for s in team["next_steps"]]
    assert counts == sorted(counts, reverse=True)


answer_sets = st.lists(
    st.fixed_dictionaries({q.id: st.sampled_from([o.id for o in q.options] + [scoring.UNKNOWN])
                           for q in assessment(SCAN).questions}), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(answer_sets, st.randoms(use_true_random=False))
def test_team_bounds_hold_and_order_does_not_matter(members, rnd):
    team = scoring.team.combine(scan(), members)
    assert team["members"] == len(members)
    for row in [team["overall"], *team["dimensions"]]:
        assert 0 <= row["low"] <= row["median"] <= row["high"] <= 100
        assert row["spread"] == pytest.approx(row["high"] - row["low"])
    shuffled = list(members)
    rnd.shuffle(shuffled)
    assert scoring.team.combine(scan(), shuffled) == team


@settings(max_examples=30, deadline=None)
@given(answer_sets.map(lambda m: m[:1]))
def test_a_team_of_one_is_that_person(members):
    team = scoring.team.combine(scan(), members)
    result = scoring.score(scan(), members[0])
    assert team["overall"]["median"] == result.overall
    assert {d["dimension"]: d["median"] for d in team["dimensions"]} == result.dimensions
    assert all(m["low"] == m["high"] for m in team["placements"])


def vectors():
    good = scoring.share.encode(scan(), MID)
    return [
        [link(LOW), link(MID), link(HIGH)],
        [link(LOW), "", good, {"assessment": SCAN, "answers": HIGH}, "onzin", good[:-1] + "q", {"assessment": 1}],
        [answers_by(lambda i, n: (i * 7) % n), answers_by(lambda i, n: (i + 1) % n)],
        [f"#{SCAN}=%E0%A4%A", "{", "https://example.org/"],
    ]


def test_pyodide_combines_exactly_like_cpython(tmp_path):
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").exists():
        pytest.skip("node or node_modules/pyodide is missing (run `make install`)")
    source = tmp_path / "input.json"
    source.write_text(json.dumps({"definition": raw_definition(SCAN), "vectors": vectors()}, ensure_ascii=False,
                                 default=str), encoding="utf-8")
    done = subprocess.run([node, str(RUNNER), str(source)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    in_pyodide = json.loads(done.stdout)
    in_cpython = [scoring.team.combine(scan(), v) for v in vectors()]
    assert len(in_pyodide) == len(in_cpython) == 4
    assert in_pyodide == json.loads(json.dumps(in_cpython))
