"""rareinfo.web.api."""
