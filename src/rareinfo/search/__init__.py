"""rareinfo.search."""
