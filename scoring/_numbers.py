"""Integer arithmetic for scores, identical on CPython and Pyodide.

The rounding rule: every shown score is rounded to one decimal, half up (62.25 -> 62.3,
62.24 -> 62.2). It is computed on integers only, with no float in between, so no interpreter can
round differently. Scores are carried as tenths (623 means 62.3).

- dimension score = 100 * sum(weight * points) / sum(weight * max points), rounded;
- overall score and every model's basis score = the weighted mean of the *rounded* dimension
  scores, rounded again. A visitor can redo the sum from the numbers on the result page.
"""


def round_half_up(numerator, denominator):
    """numerator / denominator rounded to a whole number, halves up (both integers, n >= 0, d > 0)."""
    # floor(n / d + 1/2) == (2n + d) // 2d
    return (2 * numerator + denominator) // (2 * denominator)


def dimension_tenths(points, max_points):
    """Dimension score in tenths: 100 * points / max_points, to one decimal."""
    return round_half_up(1000 * points, max_points)


def mean_tenths(weighted_tenths):
    """Weighted mean, in tenths, of (weight, tenths) pairs."""
    total_weight = sum(weight for weight, _ in weighted_tenths)
    return round_half_up(sum(weight * tenths for weight, tenths in weighted_tenths), total_weight)
