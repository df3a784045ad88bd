"""The HTML pages: one module per feature, and the staff console under /staff."""
