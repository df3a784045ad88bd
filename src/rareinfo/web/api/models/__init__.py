"""The JSON API's public contract: request and response models, and their conversions.

The read API and the diagnosis model return dataclasses of their own; clients get these
pydantic models instead, each built field by field by one conversion function
(``disease_of``, ``diagnosis_of``, ...). A rename inside the knowledge base therefore
changes a converter, never what clients receive. The class names are the schema names in
the OpenAPI document: keep them stable.
"""
