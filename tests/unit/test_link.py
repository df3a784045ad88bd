"""Identity resolution rules on hand-made statements."""

from __future__ import annotations

from rareinfo.link import Statement, primary_key, resolve


def test_mondo_exact_merges_and_mondo_is_primary() -> None:
    identity = resolve(
        ["ORPHA:513", "OMIM:613065", "GARD:0000522"],
        [Statement("mondo", "MONDO:0004967", "ORPHA:513", "exact"),
         Statement("mondo", "MONDO:0004967", "GARD:0000522", "xref"),
         Statement("mondo", "MONDO:0013108", "OMIM:613065", "exact")],
    )
    assert identity.primary_of["ORPHA:513"] == "MONDO:0004967"
    assert identity.primary_of["GARD:0000522"] == "MONDO:0004967"
    assert identity.primary_of["OMIM:613065"] == "MONDO:0013108"
    assert sorted(identity.members) == ["MONDO:0004967", "MONDO:0013108"]


def test_orphanet_exact_rejected_where_mondo_keeps_diseases_apart() -> None:
    identity = resolve(
        ["ORPHA:513", "OMIM:613065"],
        [Statement("mondo", "MONDO:0004967", "ORPHA:513", "exact"),
         Statement("mondo", "MONDO:0013108", "OMIM:613065", "exact"),
         Statement("orphanet", "ORPHA:513", "OMIM:613065", "exact")],
    )
    assert identity.primary_of["ORPHA:513"] != identity.primary_of["OMIM:613065"]
    (conflict,) = identity.conflicts
    assert conflict.statement.source == "orphanet"
    assert "MONDO" in conflict.reason


def test_orphanet_exact_merges_what_mondo_does_not_cover() -> None:
    identity = resolve(
        ["ORPHA:558", "OMIM:154700"],
        [Statement("orphanet", "ORPHA:558", "OMIM:154700", "exact"),
         Statement("orphanet", "ORPHA:558", "ICD10:Q87.4", "exact")],
    )
    assert identity.primary_of["OMIM:154700"] == "ORPHA:558"
    assert identity.primary_of["ICD10:Q87.4"] == "ORPHA:558"


def test_two_orphanet_entities_never_merge_through_a_shared_code() -> None:
    identity = resolve(
        ["ORPHA:1", "ORPHA:2"],
        [Statement("orphanet", "ORPHA:1", "ICD10:X1", "exact"),
         Statement("orphanet", "ORPHA:2", "ICD10:X1", "exact")],
    )
    assert identity.primary_of["ORPHA:1"] != identity.primary_of["ORPHA:2"]
    assert len(identity.conflicts) == 1


def test_broader_and_narrower_never_merge() -> None:
    identity = resolve(
        ["ORPHA:1", "OMIM:2"],
        [Statement("orphanet", "ORPHA:1", "OMIM:2", "broader"),
         Statement("mondo", "MONDO:1", "MONDO:2", "broader")],
    )
    assert identity.primary_of["ORPHA:1"] == "ORPHA:1"
    assert identity.primary_of["OMIM:2"] == "OMIM:2"
    assert "MONDO:1" not in identity.primary_of  # described by no source


def test_gard_shared_by_two_mondo_terms_is_not_merged() -> None:
    identity = resolve(
        ["GARD:0000001", "ORPHA:1", "ORPHA:2"],
        [Statement("mondo", "MONDO:1", "ORPHA:1", "exact"),
         Statement("mondo", "MONDO:2", "ORPHA:2", "exact"),
         Statement("mondo", "MONDO:1", "GARD:0000001", "xref"),
         Statement("mondo", "MONDO:2", "GARD:0000001", "xref")],
    )
    assert identity.primary_of["GARD:0000001"] == "GARD:0000001"


def test_obsolete_identifiers_redirect_or_are_marked() -> None:
    identity = resolve(
        ["ORPHA:1"],
        [Statement("mondo", "MONDO:1", "ORPHA:1", "exact")],
        obsolete={"MONDO:9": "MONDO:1", "MONDO:8": None},
    )
    assert identity.replaced == {"MONDO:9": "MONDO:1"}
    assert identity.obsolete == {"MONDO:8"}


def test_primary_order() -> None:
    ids = ["GARD:0000522", "OMIM:613065", "ORPHA:513", "MONDO:0004967", "DECIPHER:1"]
    assert sorted(ids, key=primary_key) == [
        "MONDO:0004967", "ORPHA:513", "OMIM:613065", "DECIPHER:1", "GARD:0000522"]
    assert sorted(["ORPHA:1000", "ORPHA:99"], key=primary_key) == ["ORPHA:99", "ORPHA:1000"]


def test_mondo_may_merge_several_orphanet_entities() -> None:
    identity = resolve(
        ["ORPHA:558", "ORPHA:284963"],
        [Statement("mondo", "MONDO:0007947", "ORPHA:558", "exact"),
         Statement("mondo", "MONDO:0007947", "ORPHA:284963", "exact")],
    )
    assert identity.primary_of["ORPHA:558"] == identity.primary_of["ORPHA:284963"]
    assert identity.conflicts == []
