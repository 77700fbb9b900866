"""`make bench`: build and page speed of the site, reported (never asserted) in bench-report/."""
