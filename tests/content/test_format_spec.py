"""The ORM schema (which writes packages) and the format facts (which readers use) agree."""

from kiosk.content import format_spec, schema


def test_required_tables_are_the_schema_tables() -> None:
    """A reader checks for exactly the tables the builder makes."""
    tables = set(format_spec.REQUIRED_TABLES) | set(format_spec.OPTIONAL_TABLES)
    assert tables == set(schema.Base.metadata.tables)
