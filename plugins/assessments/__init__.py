"""Assessments plugin: loads the self-assessment definitions, renders their forms, ships the runtime."""

from .plugin import AssessmentError, register

__all__ = ["AssessmentError", "register"]
