"""The library's own version (not the schema version: see ``supercomplaint.SCHEMA_VERSION``)."""

__version__ = "0.1.0"
