"""rareinfo.kb."""
