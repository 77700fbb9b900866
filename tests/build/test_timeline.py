"""The timeline runs from the first model to this year, with empty years and models not yet described."""

import datetime
import re
import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from catalog.catalog import timeline  # noqa: E402


def test_every_year_from_the_first_model_to_this_year_is_listed(site):
    text = (site / "tijdlijn" / "index.html").read_text(encoding="utf-8")
    years = [int(y) for y in re.findall(r'<li id="jaar-(\d{4})">', text)]
    this_year = datetime.date.today().year
    assert years == list(range(2004, this_year + 1))
    assert "Geen model uit dit jaar in de catalogus." in text
    assert re.search(r'nog-niet-beschreven/#tiktok-creative-codes">', text)


def test_timeline_fills_gaps_and_puts_undescribed_models_in_their_year():
    pages = {2010: ["a"], 2013: ["b", "c"]}
    undescribed = [{"year": 2015, "name": "x"}, {"year": None, "name": "y"}]
    rows = timeline(pages, undescribed, 2016)
    assert [r[0] for r in rows] == [2010, 2011, 2012, 2013, 2014, 2015, 2016]
    assert rows[0] == (2010, ["a"], []) and rows[1] == (2011, [], [])
    assert rows[5] == (2015, [], [{"year": 2015, "name": "x"}])
    assert timeline({}, [], 2016) == []
    assert [r[0] for r in timeline({2020: ["z"]}, [], 2018)] == [2020]
