"""The application's wiring: the live snapshot (knowledge base + searcher + diagnosis model)
and the build and sync use cases. The web and the command line stand on this; nothing
below imports it.
"""
