"""rareinfo.phenotype."""
