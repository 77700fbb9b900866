"""Catalog plugin: validates model front matter, derives category and related indexes, writes open data."""

from .catalog import CatalogError, register

__all__ = ["CatalogError", "register"]
