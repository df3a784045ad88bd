"""rareinfo: genetic and rare disease information center."""

__version__ = "0.1.0"
