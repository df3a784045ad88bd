"""Identifier spellings people type, and links to their authorities."""

from __future__ import annotations

import pytest

from rareinfo import curie


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OMIM:613065", "OMIM:613065"),
        ("omim 613065", "OMIM:613065"),
        ("MIM:613065", "OMIM:613065"),
        ("ORPHA:513", "ORPHA:513"),
        ("Orphanet_513", "ORPHA:513"),
        ("HP:0006721", "HP:0006721"),
        ("hp_0006721", "HP:0006721"),
        ("HP:6721", "HP:0006721"),
        ("MONDO:0005148", "MONDO:0005148"),
        ("GARD:522", "GARD:0000522"),
        ("OMIM:abc", None),
        ("HP:123456789", None),
        ("leukemia", None),
        ("", None),
        ("x" * 500, None),
        ("FOO:1", None),
    ],
)
def test_normalize_curie(text: str, expected: str | None) -> None:
    assert curie.normalize_curie(text) == expected


def test_bare_number_is_any_numeric_identifier() -> None:
    assert curie.candidate_curies("613065")[:2] == ["OMIM:613065", "ORPHA:613065"]
    assert "HP:0006721" in curie.candidate_curies("0006721")
    assert curie.candidate_curies("acute leukemia") == []


def test_external_urls() -> None:
    assert curie.external_url("OMIM:613065") == "https://omim.org/entry/613065"
    assert curie.external_url("PMID:123") == "https://pubmed.ncbi.nlm.nih.gov/123/"
    assert curie.external_url("ORPHA:513") == "https://www.orpha.net/en/disease/detail/513"
    assert curie.external_url("NOPE:1") is None
