"""Search over disease and phenotype names, synonyms and identifiers.

``base`` defines the interface and its types; ``ranking`` the policy both searchers
follow; ``memory`` (SQLite) and ``pg`` (PostgreSQL) implement it; ``entries`` decides what
makes an entity findable and writes it into a snapshot.
"""
