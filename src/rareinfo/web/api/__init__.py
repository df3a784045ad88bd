"""The JSON API under /api/v1: one module per feature; its public contract in ``models/``."""
