"""A plain-words overview of a page, written from the page's own facts (decision 0018)."""
