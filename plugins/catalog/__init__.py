"""Catalog plugin: reads and checks every model file once, derives the indexes, writes the open data.

The checking part (`catalog.validate`) needs no Pelican; the Pelican part is imported on registration.
"""


def register():
    """Connect the Pelican handlers (imported here so `make check` does not load Pelican)."""
    from .catalog import register as connect

    connect()
