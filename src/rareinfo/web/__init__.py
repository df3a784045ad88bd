"""The web surface: the JSON API (``api/``) and the HTML pages (``pages/``), by feature.

Pieces both use sit here: the app factory (``app``), route registration (``routes``),
dependencies (``deps``), errors, security, rate limits, caching, templating, lookups.
"""
