"""The written rules of the model contract that the build computes: the confidence of a page.

The rule, as the "over deze site" page states it:

- *primary* sources are of kind maker or publisher; *independent* ones are maker, publisher or
  secondary (everything but reference);
- `hoog`: the year is given; the makers are known (not 'onbekend'); makers, year and every element are
  backed by a primary source; no element is `known: false`;
- `middel`: the makers are known and backed by an independent source, and at least half of all
  elements (unknown ones counted) are backed by independent sources;
- `laag`: everything else. A reference source alone never lifts a page above `laag`.

A source backs an element when its `supports` lists `elements` (every known element) or `element-N`.
"""

from .language import N_

CATEGORY_IDS = (
    "volwassenheid-adoptie",
    "implementatie-strategie",
    "focus-benadering",
    "weergave-doelgroep",
    "meten-roi",
    "kanalen-platformen",
)
CONFIDENCE = (N_("hoog"), N_("middel"), N_("laag"))
PRIMARY = frozenset({"maker", "publisher"})
INDEPENDENT = frozenset({"maker", "publisher", "secondary"})
SOURCE_KINDS = ("maker", "publisher", "secondary", "reference")
SOURCE_KIND_LABELS = {
    "maker": N_("publicatie van de makers"),
    "publisher": N_("uitgever/onderzoek"),
    "secondary": N_("secundair"),
    "reference": N_("naslagsite"),
}
ONBEKEND = "onbekend"


def element_known(element):
    """False only for an element marked `known: false`."""
    return not (isinstance(element, dict) and element.get("known") is False)


def backed_items(source, elements):
    """The set of facts one source backs: its supports, with `elements` spelt out as element-N."""
    items = set(source.get("supports") or [])
    if "elements" in items:
        items |= {f"element-{i}" for i, e in enumerate(elements, 1) if element_known(e)}
    return items


def _backed_by(meta, kinds):
    """The facts backed by at least one source of one of `kinds`."""
    elements = meta.get("elements") or []
    found = set()
    for source in meta.get("sources") or []:
        if source.get("kind") in kinds:
            found |= backed_items(source, elements)
    return found


def _makers_known(meta):
    creators = meta.get("creators") or []
    return bool(creators) and ONBEKEND not in creators


def confidence_reasons(meta, computed):
    """Why a page is not one level higher than `computed`: the unmet conditions, in plain words."""
    elements = meta.get("elements") or []
    n = len(elements)
    reasons = []
    if computed == "middel":
        primary = _backed_by(meta, PRIMARY)
        if "year" not in meta:
            reasons.append("no year")
        for fact in ("makers", "year"):
            if fact not in primary:
                reasons.append(f"{fact} not backed by a maker or publisher source")
        missing = sum(1 for i in range(1, n + 1) if f"element-{i}" not in primary)
        if missing:
            reasons.append(f"{missing} of {n} elements not backed by a maker or publisher source")
        unknown = sum(1 for e in elements if not element_known(e))
        if unknown:
            reasons.append(f"{unknown} of {n} elements marked known: false")
    elif computed == "laag":
        independent = _backed_by(meta, INDEPENDENT)
        if not _makers_known(meta):
            reasons.append("makers 'onbekend'")
        elif "makers" not in independent:
            reasons.append("makers not backed by a maker, publisher or secondary source")
        backed = sum(1 for i in range(1, n + 1) if f"element-{i}" in independent)
        if backed * 2 < n:
            reasons.append(f"{backed} of {n} elements backed by a maker, publisher or secondary source, "
                           "fewer than half")
    return reasons or ["every condition for hoog is met"]


def compute_confidence(meta):
    """hoog, middel or laag for one model's front matter, by the rule in this module's docstring."""
    elements = meta.get("elements") or []
    n = len(elements)
    primary, independent = _backed_by(meta, PRIMARY), _backed_by(meta, INDEPENDENT)
    if (
        n
        and "year" in meta
        and _makers_known(meta)
        and {"makers", "year"} <= primary
        and all(f"element-{i}" in primary for i in range(1, n + 1))
        and all(element_known(e) for e in elements)
    ):
        return "hoog"
    by_independent = sum(1 for i in range(1, n + 1) if f"element-{i}" in independent)
    if n and _makers_known(meta) and "makers" in independent and by_independent * 2 >= n:
        return "middel"
    return "laag"
