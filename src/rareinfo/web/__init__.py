"""rareinfo.web."""
