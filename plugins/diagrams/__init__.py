"""Diagrams plugin: draws each model's inline SVG at build time from its `diagram` and `elements`."""

from .draw import KINDS, DiagramError, draw, draw_alignment
from .plugin import register

__all__ = ["KINDS", "DiagramError", "draw", "draw_alignment", "register"]
