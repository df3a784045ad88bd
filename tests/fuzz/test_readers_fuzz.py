"""Every source reader, fed real samples damaged by hypothesis: no crash, every bad record counted.

The number of examples is kept small so the whole directory runs in about a minute;
``bench/fuzz_readers.py`` runs the same checks with many more examples.
"""

from __future__ import annotations

import gzip

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rareinfo.sources import registry
from tests.fuzz.harness import key, lines_of, read_all
from tests.fuzz.mutations import file_mutations, line_damage
from tests.fuzz.samples import by_name, names, samples

pytestmark = pytest.mark.fuzz

FUZZ = settings(max_examples=20, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("name", names())
def test_unmutated_sample_reads_without_problems(name: str) -> None:
    sample = by_name()[name]
    outcome = read_all(sample)
    assert outcome.not_found is None
    assert outcome.good, f"{name}: the sample gave no records"
    if sample.clean:
        assert outcome.problems == []
    else:  # the hand-made fixtures hold malformed records on purpose
        assert outcome.problems


@pytest.mark.parametrize("name", names())
@FUZZ
@given(data=st.data())
def test_damaged_file_never_breaks_the_reader(name: str, data: st.DataObject) -> None:
    sample = by_name()[name]
    mutation = data.draw(file_mutations(gzipped=sample.gzipped), label="mutation")
    read_all(sample, mutation(sample.files[sample.target]))


@pytest.mark.parametrize("name", names(line_oriented=True))
@FUZZ
@given(data=st.data())
def test_damaged_line_leaves_the_other_lines_read(name: str, data: st.DataObject) -> None:
    sample = by_name()[name]
    assert sample.header_lines is not None
    lines = lines_of(sample.files[sample.target])
    index = data.draw(st.integers(min_value=sample.header_lines, max_value=len(lines) - 1),
                      label="line")
    damaged = data.draw(line_damage, label="damage")(lines[index].rstrip(b"\n"))
    without = read_all(sample, b"".join(lines[:index] + lines[index + 1:]))
    mutated = read_all(sample, b"".join([*lines[:index], damaged + b"\n", *lines[index + 1:]]))
    missing = {key(r) for r in without.good} - {key(r) for r in mutated.good}
    assert not missing, f"line {index + 1} damaged lost records of other lines: {missing}"


@pytest.mark.parametrize("name", names(gzipped=True))
@pytest.mark.parametrize("keep", [0.0, 0.1, 0.5, 0.9, 0.99])
def test_cut_gzip_is_one_problem_naming_the_file(name: str, keep: float) -> None:
    sample = by_name()[name]
    whole = sample.files[sample.target]
    outcome = read_all(sample, whole[: max(2, int(len(whole) * keep))])
    if outcome.not_found is None:
        assert any(p.location.startswith(sample.target) for p in outcome.problems), \
            outcome.problems


@pytest.mark.parametrize("name", names(gzipped=True))
def test_gzip_with_a_damaged_stream_is_reported(name: str) -> None:
    sample = by_name()[name]
    plain = gzip.decompress(sample.files[sample.target])
    whole = bytearray(gzip.compress(plain, mtime=0))
    for index in range(20, len(whole) - 8, max(1, len(whole) // 7)):
        whole[index] ^= 0xFF
    outcome = read_all(sample, bytes(whole))
    if outcome.not_found is None:
        assert outcome.problems


def test_every_registered_source_has_a_fuzz_sample() -> None:
    covered = {sample.source for sample in samples()}
    missing = [name for name in registry.names() if name not in covered]
    assert not missing, f"add a sample to tests/fuzz/samples.py for: {', '.join(missing)}"
