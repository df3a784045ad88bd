"""rareinfo.web.pages."""
