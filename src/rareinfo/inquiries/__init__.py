"""rareinfo.inquiries."""
