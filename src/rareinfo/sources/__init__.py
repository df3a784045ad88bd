"""rareinfo.sources."""
