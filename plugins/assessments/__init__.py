"""Assessments plugin: loads the self-assessment definitions and ships the widget."""

__all__ = ["register"]


def register():
    """Connect the assessment handlers (none yet)."""
